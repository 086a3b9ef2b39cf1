"""extract/events on texts written here: roles, place, date, flags, evidence."""

from __future__ import annotations

from newsgraph.extract.events import extract_events
from newsgraph.model.events import PLOVER_TYPES


def _one(adoc, trigger: str):
    hits = [m for m in extract_events(adoc) if m.trigger.text == trigger]
    assert hits, f"no event on {trigger!r}: {[m.trigger.text for m in extract_events(adoc)]}"
    return hits[0]


def _texts(args) -> list[str]:
    return [a.text for a in args]


def test_events_active_voice_roles(annotated):
    m = _one(annotated("Rebel fighters attacked the police station on Monday."), "attacked")
    assert m.type == "ASSAULT"
    assert _texts(m.actors) == ["Rebel fighters"]
    assert _texts(m.targets) == ["the police station"]
    assert m.type in PLOVER_TYPES


def test_events_passive_voice_roles(annotated):
    m = _one(annotated("The police station was attacked by rebel fighters."), "attacked")
    assert _texts(m.actors) == ["rebel fighters"]
    assert _texts(m.targets) == ["The police station"]


def test_events_carried_out_by_gives_actor_with_apposition(annotated):
    adoc = annotated("The bombing was carried out by a militant group known as the Red Hand Brigade.")
    m = _one(adoc, "bombing")
    assert m.type == "ASSAULT" and m.mode == "explosives"
    assert "a militant group" in _texts(m.actors)
    assert any("Red Hand Brigade" in t for t in _texts(m.actors))


def test_events_coordinated_subjects_are_all_actors(annotated):
    m = _one(annotated("France and Germany condemned the decision."), "condemned")
    assert m.type == "ACCUSE"
    assert set(_texts(m.actors)) == {"France", "Germany"}


def test_events_possessive_victim_of_noun_trigger(annotated):
    m = _one(annotated("Police are investigating the mayor's assassination."), "assassination")
    assert m.type == "ASSAULT" and m.mode == "targeted"
    assert _texts(m.targets) == ["the mayor"] or _texts(m.targets) == ["mayor"]
    assert m.actors == []


def test_events_place_attached_to_event_not_article(annotated):
    text = (
        "The minister lives in Madrid. Gunmen attacked the Chilean consulate in Lisbon. "
        "Officials in Rome declined to comment."
    )
    m = _one(annotated(text), "attacked")
    assert m.place is not None and m.place.name == "Lisbon"
    text2 = "Officials in Rome said the envoy's killing at the airport shocked them."
    k = _one(annotated(text2), "killing")
    assert k.place is not None and "airport" in k.place.name
    assert "Rome" not in k.place.name


def test_events_no_place_from_manner_phrase(annotated):
    m = _one(annotated("Gunmen attacked the convoy in broad daylight."), "attacked")
    assert m.place is None


def test_events_date_normalised_against_document_date(annotated):
    m = _one(annotated("Gunmen attacked the convoy on Monday.", published="2019-03-14"), "attacked")
    assert (m.date.start, m.date.precision) == ("2019-03-11", "day")
    assert m.date.evidence.text == "Monday"


def test_events_date_from_neighbouring_sentence(annotated):
    text = "In 2015, the rebels seized the northern town. Troops arrested dozens of villagers."
    m = _one(annotated(text, published="2019-03-14"), "arrested")
    assert m.date is not None
    assert (m.date.start, m.date.end, m.date.precision) == ("2015-01-01", "2015-12-31", "year")
    assert m.date.rule == "date_frame_previous_sentence"
    assert m.flags.historical  # four years before the article


def test_events_negated(annotated):
    m = _one(annotated("Officials said the attack did not happen."), "attack")
    assert m.flags.negated
    v = _one(annotated("The army did not attack the village."), "attack")
    assert v.flags.negated


def test_an_act_requested_is_not_done_but_an_adjunct_act_is(annotated):
    # What a request asks for has not happened ...
    asked = _one(annotated("The department said it supported a request by Kelton Air Group that the DOT "
                           "dismiss an application by Dunmore Airlines Inc."), "dismiss")
    assert asked.flags.hypothetical and "request" in asked.flags.cues
    # ... but an act beside a call is no object of it: the bombing happened.
    after = _one(annotated("Leaders called for calm after the bombing in Harbury on Sunday."), "bombing")
    assert not after.flags.hypothetical
    assert _one(annotated("Rebels planned an attack on the capital."), "attack").flags.hypothetical


def test_an_act_the_text_says_is_absent_is_negated(annotated):
    # No report of it, or something said not to be it: nothing told to have happened.
    for text, trigger in (("There have been no reports of heavy fighting in the area this week.", "fighting"),
                          ("Officials said the raid does not appear to be a major offensive.", "offensive"),
                          ("The minister said the remark was not an attack on the judges.", "attack")):
        m = _one(annotated(text), trigger)
        assert m.flags.negated, text
    # "Not the first attack" tells an attack.
    assert not _one(annotated("It was not the first attack on the convoy this year."), "attack").flags.negated


def test_an_act_someone_denies_is_not_reported_as_having_happened(annotated):
    # What a denial governs, directly or through the report it rejects, did not happen
    # by that account; "any" act under a word saying there was none is none.
    for text, trigger in (("The ministry denied that troops had attacked the village.", "attacked"),
                          ("The group denied carrying out the attack on the embassy.", "attack"),
                          ("The government rejected claims that police had fired on protesters.", "fired"),
                          ("The party has denied reports that it has pulled out of the coalition talks.", "pulled"),
                          ("An official said he was unaware of any attack on the pipeline.", "attack")):
        m = _one(annotated(text), trigger)
        assert m.flags.negated, text
    # A denial of something else leaves the act as told.
    for text, trigger in (("Police denied him bail after he attacked a guard.", "attacked"),
                          ("He denied the charges and was arrested later.", "arrested"),
                          ("Rebels attacked the town, officials said, and the army denied any losses.", "attacked")):
        m = _one(annotated(text), trigger)
        assert not m.flags.negated, text


def test_events_hypothetical_and_planned(annotated):
    plan = _one(annotated("The cell was planning terrorist attacks across the region."), "attacks")
    assert plan.flags.hypothetical
    will = _one(annotated("The two governments will resume talks next week."), "talks")
    assert will.flags.hypothetical
    may = _one(annotated("The general may have ordered the killing of the journalist."), "killing")
    assert may.flags.hypothetical
    fact = _one(annotated("Soldiers killed three villagers."), "killed")
    assert not fact.flags.hypothetical and not fact.flags.negated


def test_events_possible_or_planned_nouns_are_hypothetical(annotated):
    possible = _one(annotated("Officials discussed a possible attack on tankers in the Gulf."), "attack")
    assert possible.flags.hypothetical and "possible" in possible.flags.cues
    threatened = _one(annotated("The union called off the threatened strike on Friday."), "strike")
    assert threatened.flags.hypothetical
    held = _one(annotated("Markets await the talks with Iran that France may hold next week."), "talks")
    assert held.flags.hypothetical and "may hold" in held.flags.cues
    launched = _one(annotated("Residents fear the attack on the town the rebels may launch."), "attack")
    assert launched.flags.hypothetical
    power = _one(annotated("The new law gives police the power to detain suspects for a week."), "detain")
    assert power.flags.hypothetical
    # A modal said *of* the event is not a modal act holding it: the attack happened.
    done = _one(annotated("The attack that could have killed hundreds was carried out by rebels."), "attack")
    assert not done.flags.hypothetical


def test_an_act_in_a_mandative_that_clause_is_asked_for(annotated):
    # The subjunctive after a verb of asking: the withdrawal is demanded, not done.
    asked = _one(annotated("Japan demanded that Russia withdraw its troops from the islands."), "withdraw")
    assert asked.flags.hypothetical and "demanded" in asked.flags.cues
    freed = _one(annotated("The court ordered that the prisoner be released."), "released")
    assert freed.flags.hypothetical and "ordered" in freed.flags.cues
    # An indicative "that" clause reports what was done.
    done = _one(annotated("He insisted that police attacked the crowd."), "attacked")
    assert not done.flags.hypothetical


def test_an_act_its_clause_dates_after_the_article_is_still_to_come(annotated):
    # Published on Thursday 14 March 2019: "on Monday" in the present progressive is the 18th.
    coming = _one(annotated("The minister is meeting union leaders on Monday.", published="2019-03-14"),
                  "meeting")
    assert coming.flags.hypothetical and coming.flags.cues == ["future: Monday"]
    met = _one(annotated("The minister met union leaders on Monday.", published="2019-03-14"), "met")
    assert not met.flags.hypothetical


def test_events_planned_announcement_is_a_planned_act(annotated):
    # Resigning is done by announcing it: a plan to announce is a plan to resign.
    planned = _one(annotated("The minister was preparing to announce his resignation, aides said."), "resignation")
    assert planned.flags.hypothetical and "preparing" in planned.flags.cues
    done = _one(annotated("The minister announced his resignation on Friday."), "resignation")
    assert not done.flags.hypothetical


def test_events_support_verb_carries_a_request_to_its_noun(annotated):
    # To impose sanctions is to sanction: sanctions urged on a government are asked for.
    asked = _one(annotated("Chipmakers urged the government to impose trade sanctions against Japan."), "sanctions")
    assert asked.flags.hypothetical and "urged" in asked.flags.cues
    done = _one(annotated("The government imposed trade sanctions against Japan on Friday."), "sanctions")
    assert not done.flags.hypothetical
    # Through another noun the act is not the support verb's: the attack happened.
    other = _one(annotated("The ministers agreed to issue a statement on the attack."), "attack")
    assert not other.flags.hypothetical


def test_events_an_ability_is_no_act_but_was_able_to_is(annotated):
    unable = _one(annotated("The rebels were unable to attack the base."), "attack")
    assert unable.flags.hypothetical and "unable" in unable.flags.cues
    able = _one(annotated("Rebels will be able to attack the base from the hills."), "attack")
    assert able.flags.hypothetical and "able" in able.flags.cues
    managed = _one(annotated("Police were able to arrest the suspect on Monday."), "arrest")
    assert not managed.flags.hypothetical


def test_events_the_next_one_is_to_come_unless_told_as_past(annotated):
    ahead = _one(annotated("The matter should be reported to the next meeting of the conference."), "meeting")
    assert ahead.flags.hypothetical and "next" in ahead.flags.cues
    followed = _one(annotated("The next attack came two days later."), "attack")
    assert not followed.flags.hypothetical


def test_events_infinitival_relative_is_an_act_to_come(annotated):
    # "villages to be bombed": not bombed yet; "the first woman to be arrested": arrested.
    to_come = _one(annotated("The report names the villages to be bombed by the air force."), "bombed")
    assert to_come.flags.hypothetical and "prospective: villages to be bombed" in to_come.flags.cues
    done = _one(annotated("She was the first woman to be arrested under the new law."), "arrested")
    assert not done.flags.hypothetical


def test_events_noun_time_is_no_target(annotated):
    # "the attack on Monday": Monday is when, not what was attacked.
    m = _one(annotated("The rebel attack on Monday killed three guards."), "attack")
    assert "Monday" not in _texts(m.targets)
    m = _one(annotated("The rebel attack on the convoy killed three guards."), "attack")
    assert _texts(m.targets) == ["the convoy"]


def test_events_time_clause_under_a_future_is_to_come(annotated):
    # English keeps a time clause in the present when its time is to come.
    to_come = _one(annotated("The rebels will retreat when the army attacks the town."), "attacks")
    assert to_come.flags.hypothetical and "future: retreat when attacks" in to_come.flags.cues
    done = _one(annotated("The rebels retreated when the army attacked the town."), "attacked")
    assert not done.flags.hypothetical


def test_events_attempted(annotated):
    m = _one(annotated("The attempted assassination failed when the bomb did not explode."), "assassination")
    assert m.flags.attempted
    t = _one(annotated("Gunmen tried to kill the judge."), "kill")
    assert t.flags.attempted


def test_events_historical_vs_news_of_day(annotated):
    old = _one(annotated("In 1998 the army invaded the province.", published="2019-03-14"), "invaded")
    assert old.flags.historical
    new = _one(annotated("Yesterday the army invaded the province.", published="2019-03-14"), "invaded")
    assert not new.flags.historical


def test_events_reported_speech(annotated):
    m = _one(annotated("A spokesman said the militia had kidnapped two aid workers."), "kidnapped")
    assert m.type == "ASSAULT" and m.mode == "abduct"
    assert m.flags.reported_via is not None
    assert m.flags.speaker is not None and m.flags.speaker.text == "A spokesman"


def test_events_said_is_not_an_event_and_offsets_hold(annotated):
    adoc = annotated("The ministry said on Tuesday that it had expelled two diplomats.")
    ms = extract_events(adoc)
    assert all(m.trigger.text != "said" for m in ms)
    text = adoc.document.text
    for m in ms:
        assert text[m.trigger.start : m.trigger.end] == m.trigger.text
        assert text[m.sentence.start : m.sentence.end] == m.sentence.text
        for a in m.actors + m.targets:
            assert text[a.start : a.end] == a.text
        assert m.id.startswith("evm_") and 0 < m.confidence <= 1


def test_events_types_from_lexicon(annotated):
    cases = {
        "Protesters demonstrated outside parliament.": "PROTEST",
        "Police arrested the opposition leader.": "COERCE",
        "The president rejected the proposal.": "REJECT",
        "The union demanded higher wages.": "REQUEST",
        "The two leaders met in Geneva.": "CONSULT",
        "The rebels released four hostages.": "RETREAT",
    }
    from newsgraph.extract.events import main_event

    for text, expected in cases.items():
        m = main_event(extract_events(annotated(text)))
        assert m is not None and m.type == expected, (text, m)


def test_a_plan_reaches_the_act_only_through_verbs_that_carry_it_out(annotated):
    # "vowed to avenge the attack": the avenging is intended, the attack happened.
    done = _one(annotated("Tarnovia vowed to avenge the attack on its platform."), "attack")
    assert not done.flags.hypothetical
    planned = _one(annotated("The cell was planning to carry out attacks on embassies."), "attacks")
    assert planned.flags.hypothetical


def test_a_relative_pronoun_argument_is_the_noun_its_clause_modifies(annotated):
    adoc = annotated("The ministers who attacked the plan resigned on Monday. "
                     "Police arrested the gunmen, who attacked the embassy in Kabul.")
    assert _texts(_one(adoc, "attacked").actors) == ["The ministers"]
    assert _texts(_one(adoc, "resigned").actors) == ["The ministers"]
    gunmen = [m for m in extract_events(adoc) if m.trigger.text == "attacked"][1]
    assert _texts(gunmen.actors) == ["the gunmen"] and _texts(gunmen.targets) == ["the embassy"]
