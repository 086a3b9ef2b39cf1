"""Real acts that rules written for other senses had dropped (issue 13, item 4; found among the
ECB+ event mentions the end-to-end benchmark missed): custody and sentences in a sports report
(the sports-report rule reads "beat", "booked" or "captured" as the game's words, never
"arrested" or "jailed"), a person shot there, a person killed under a noun whose first sense is
a thing ("an agent"), a named armed service ("Harbury Navy") moving, a charge "with" a crime
whatever noun the parse hung it on; and the grounds of an arrest ("on suspicion of") are not the
one arrested."""

from __future__ import annotations

from newsgraph.extract.events import extract_events

SPORTS_NEWS = (
    "Harbury Rovers striker Tom Pell was arrested on suspicion of drunken driving, the club's "
    "second such case this season.\n\n"
    "Pell, who scored twice in Saturday's match against Aldwick, was released on bail.\n\n"
    "The team's coach said the striker would miss the next game."
)
MATCH_REPORT = (
    "Harbury Rovers beat Aldwick 3-1 in the league match on Saturday.\n\n"
    "Pell was booked for a late tackle and the home side captured the title with two games left."
)


def _typed(annotated, text: str) -> list[tuple[str, str]]:
    return [(m.trigger.text, m.type) for m in extract_events(annotated(text))]


def test_a_player_arrested_is_an_arrest(annotated):
    assert ("arrested", "COERCE") in _typed(annotated, SPORTS_NEWS)


def test_a_match_reports_own_words_stay_the_game(annotated):
    typed = _typed(annotated, MATCH_REPORT)
    assert not [t for t in typed if t[1] in ("COERCE", "ASSAULT")], typed


def test_the_grounds_of_an_arrest_are_no_target(annotated):
    [arrest] = [m for m in extract_events(annotated("Police arrested a man on suspicion of drunken driving."))
                if m.type == "COERCE"]
    assert [t.text for t in arrest.targets] == ["a man"]
    [attack] = [m for m in extract_events(annotated("Troops fired on protesters in the square."))
                if m.type == "ASSAULT"]
    assert [t.text for t in attack.targets] == ["protesters"]


def test_a_person_shot_in_a_sports_report_is_an_assault(annotated):
    typed = _typed(annotated, "The former football player shot and killed a security guard outside the "
                              "stadium. The judge sentenced the former striker to life in prison.")
    assert ("killed", "ASSAULT") in typed and ("sentenced", "COERCE") in typed


def test_someone_killed_is_alive_before_whatever_the_first_sense_of_the_noun(annotated):
    # "agent" is first a cause in WordNet, then a representative; a name beside it says who.
    typed = _typed(annotated, "The gunman killed a customs agent, Tom Pell, at a house in Harbury.")
    assert ("killed", "ASSAULT") in typed
    assert not [t for t in _typed(annotated, "Senators killed the bill on Tuesday.") if t[1] == "ASSAULT"]


def test_a_named_armed_service_moves_forces(annotated):
    typed = _typed(annotated, "Harbury Navy patrolling the northern strait yesterday stopped two smuggling boats.")
    assert ("patrolling", "MOBILIZE") in typed
    assert not [t for t in _typed(annotated, "Marine Pell deployed her campaign team to Aldwick.")
                if t[1] == "MOBILIZE"]


def test_charged_with_a_crime_is_an_accusation_whatever_the_parse(annotated):
    typed = _typed(annotated, "A preliminary hearing for Tom Pell, 23, charged with the murders of his mother "
                              "and sister, took place at Harbury Crown Court.")
    assert ("charged", "ACCUSE") in typed


def test_armed_forces_striking_at_something_attack(annotated):
    typed = _typed(annotated, "The government said its forces destroyed a radar station and struck at a second "
                              "one on Monday.")
    assert ("struck", "ASSAULT") in typed
    assert ("struck", "PROTEST") in _typed(annotated, "Police officers struck for a second day over pay.")
    assert ("struck", "PROTEST") in _typed(annotated, "Soldiers struck at the barracks over unpaid wages.")


def test_a_sports_report_still_reads_its_injuries_and_sayings_as_the_game(annotated):
    typed = _typed(annotated, "Harbury beat Aldwick 3-1 in the league match on Saturday, with the likes of Pell, "
                              "Tindall and Greenwood injured.\n\n\"What doesn't kill you makes you stronger,\" the "
                              "striker said after the game, and he shot hoops with students from a local school.")
    assert not [t for t in typed if t[1] == "ASSAULT"], typed
