"""What a PLOVER event is, on texts written here (issue 13, second round): material acts
in reports about sport, entertainment or computing need a political participant; the
rules of the first round narrowed where they removed real political events."""

from __future__ import annotations

from newsgraph.extract.events import extract_events
from newsgraph.extract.events.domain import other_domain


def _types(adoc) -> set[str]:
    return {m.type for m in extract_events(adoc)}


def _one(adoc, trigger: str):
    hits = [m for m in extract_events(adoc) if m.trigger.text == trigger]
    assert hits, f"no event on {trigger!r}: {[(m.trigger.text, m.type) for m in extract_events(adoc)]}"
    return hits[0]


# -- what a report is about ----------------------------------------------------------------

ALBUM = ("The singer and her band recorded the album in a week. The guitarist said the band beat three "
         "other groups to the prize, and the director of the film collaborated with the drummer.")


def test_an_album_review_is_about_entertainment_a_riot_report_is_not(annotated):
    assert other_domain(annotated(ALBUM).doc) == "entertainment"
    riot = annotated("Police fired tear gas at protesters outside parliament after the election; "
                     "a football club closed its stadium.")
    assert other_domain(riot.doc) is None


def test_material_acts_in_an_entertainment_report_need_a_political_participant(annotated):
    types = _types(annotated(ALBUM))
    assert "ASSAULT" not in types and "COOPERATE" not in types


def test_arrests_and_state_acts_in_other_domains_stay_events(annotated):
    text = ("The software firm said hackers broke into its computers and stole e-mail addresses from its "
            "servers and databases. Police arrested two men in Leeds. France sent troops to guard the "
            "servers.")
    adoc = annotated(text)
    assert other_domain(adoc.doc) == "computing"
    assert _one(adoc, "arrested").type == "COERCE"
    assert _one(adoc, "sent").type == "MOBILIZE"


def test_a_crowd_near_a_football_club_still_marches(annotated):
    text = ("Thousands of people joined as the crowd marched past the grounds of the local football club, "
            "famous for its left-wing fans.")
    m = _one(annotated(text), "marched")
    assert m.type == "PROTEST"


def test_a_rule_can_be_switched_off_for_the_ablation(annotated):
    adoc = annotated(ALBUM)
    back = {m.type for m in extract_events(adoc, frozenset({"other domain"}))}
    assert "ASSAULT" in back or "COOPERATE" in back
