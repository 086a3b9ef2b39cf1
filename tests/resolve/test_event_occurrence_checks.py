"""resolve/events/occurrence, one check at a time, and the resolver's related links (hand-made
mentions and vectors: what is tested is the rule, not the parse)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from event_coref_helpers import assault_mention

from newsgraph.model.events import ArgumentSpan, EventFlags, EventPlace
from newsgraph.resolve.events import EventResolver, ResolverOptions
from newsgraph.resolve.events.embed import DIM
from newsgraph.resolve.events.occurrence import (
    ATTEMPTED,
    HAPPENED,
    NEGATED,
    PLANNED,
    REQUESTED,
    Checks,
    Side,
    failed,
    intended,
    modality_of,
    occurrence_conflict,
    participants_conflict,
    places_apart,
    requested,
)


def _vec() -> np.ndarray:
    part = np.zeros(DIM, dtype=np.float32)
    part[0] = 1.0
    return np.concatenate([part, part, part])


def _add(r: EventResolver, m, published: str | None = "2024-03-05", story: str = "one story") -> str:
    return r.add(m, published=published, story=story, vector=_vec())


def test_modality_reads_only_cues_that_say_the_act_did_not_happen_as_told() -> None:
    assert intended(["planning"]) and intended(["threatened"]) and not intended(["said", "if", "may"])
    assert intended(["possible"]) and intended(["power"]) and intended(["may hold"])
    assert failed(["foiled"]) and failed(["attempted", "failed"]) and not failed(["tried"])
    assert modality_of(False, False, False) == HAPPENED
    assert modality_of(False, True, False) == PLANNED
    assert modality_of(False, True, True) == ATTEMPTED  # "foiled a planned attack"
    assert modality_of(True, True, True) == NEGATED


def test_participants_conflict_needs_names_on_both_sides() -> None:
    ortiz, castell, police = frozenset({"t:rafael ortiz"}), frozenset({"t:mira castell"}), frozenset({"t:police"})
    assert participants_conflict(ortiz, police, castell, police) == "other target"
    assert participants_conflict(ortiz, frozenset(), frozenset(), frozenset()) is None  # "a man" named nobody
    # A name in the other role counts as shared (passives and nominalisations swap roles).
    assert participants_conflict(ortiz, frozenset(), frozenset(), ortiz) is None
    assert participants_conflict(frozenset(), frozenset({"t:rebels"}), frozenset(), frozenset({"t:army"})) \
        == "other actor"


def test_places_apart_by_distance_and_containment() -> None:
    assert places_apart(["Lyon"], ["Marseille"])  # two cities 280 km apart
    assert not places_apart(["Lyon"], ["France"])  # a city inside the country named
    assert not places_apart(["Lyon"], ["Villeurbanne"])  # a city and its suburb
    assert not places_apart(["Lyon"], ["Kuala Lumpur airport"])  # the gazetteer does not know it
    assert places_apart(["Peru"], ["Turkey"])


def _attack(doc: str, sentence: str = "Gunmen attacked the convoy.", **flags: object):
    m = assault_mention(doc, sentence, "attack", "attack")
    return replace(m, flags=EventFlags(**flags))  # type: ignore[arg-type]


def test_planned_and_done_across_documents_are_related_not_merged() -> None:
    r = EventResolver()
    done = _attack("a")
    plan = _attack("b", "Gunmen are planning to attack the convoy.", hypothetical=True, cues=["planning"])
    _add(r, done)
    _add(r, plan)
    assert r.event_of(done.id) != r.event_of(plan.id)
    ev = {e.id: e for e in r.events}[r.event_of(done.id)]
    assert ev.related[0]["event"] == r.event_of(plan.id) and ev.related[0]["reason"] == "modality differs"
    assert ev.sources == ["a"]
    # A hypothetical flag resting on reported speech is no plan (an act under a condition
    # joins nothing across articles: test_event_coref_generic).
    said = _attack("c", "They said gunmen attacked the convoy.", hypothetical=True, cues=["said", "may"])
    _add(r, said)
    assert r.event_of(said.id) == r.event_of(done.id)
    # Off, the old penalty only.
    r = EventResolver(options=ResolverOptions(modality_veto_cross=False))
    _add(r, done)
    _add(r, plan)
    assert r.event_of(done.id) == r.event_of(plan.id)


def test_an_act_asked_for_is_not_the_act_done() -> None:
    assert intended(["urged"]) and intended(["calling"]) and intended(["demanded"])
    assert not intended(["urged"], requests=False)
    r = EventResolver()
    done = _attack("a")
    asked = _attack("b", "Villagers urged the army to attack the convoy.", hypothetical=True, cues=["urged"])
    _add(r, done)
    _add(r, asked)
    assert r.event_of(done.id) != r.event_of(asked.id)


def test_two_reports_that_nothing_happened_are_two_events() -> None:
    r = EventResolver()
    a = _attack("a", "Gunmen did not attack the convoy.", negated=True, cues=["not"])
    b = _attack("b", "The gunmen never attacked the convoy.", negated=True, cues=["never"])
    _add(r, a)
    _add(r, b)
    assert r.event_of(a.id) != r.event_of(b.id)
    r = EventResolver(options=ResolverOptions(negated_pairs_veto=False))
    _add(r, a)
    _add(r, b)
    assert r.event_of(a.id) == r.event_of(b.id)


def test_two_meetings_each_with_a_party_the_other_lacks() -> None:
    def side(*parties: str) -> Side:
        keys = frozenset(parties)
        return Side(HAPPENED, False, True, frozenset(), keys, keys)

    figueroa_mancera, figueroa_garcia = side("id:figueroa", "id:mancera"), side("id:figueroa", "id:garcia")
    assert occurrence_conflict(figueroa_mancera, figueroa_garcia, material=False, checks=Checks(),
                               meeting=True) == "other parties"
    # One report naming fewer parties is the same meeting in less detail.
    assert occurrence_conflict(figueroa_mancera, side("id:mancera"), material=False, checks=Checks(),
                               meeting=True) is None
    # Only meetings: other verbal acts have their own checks.
    assert occurrence_conflict(figueroa_mancera, figueroa_garcia, material=False, checks=Checks()) is None


def test_an_arrest_and_a_seizure_are_two_acts() -> None:
    def coerce(doc: str, sentence: str, trigger: str, mode: str | None):
        return replace(assault_mention(doc, sentence, trigger, trigger), type="COERCE", mode=mode)

    arrest = coerce("a", "The navy captured the pirates off Yemen.", "captured", "arrest")
    seizure = coerce("b", "The navy seized the pirates' weapons off Yemen.", "seized", "seize")
    untold = coerce("c", "The navy captured the pirates' boats off Yemen.", "captured", None)
    r = EventResolver()
    for m in (arrest, seizure, untold):
        _add(r, m)
    assert r.event_of(arrest.id) != r.event_of(seizure.id)
    # A report whose mode the text does not tell joins either.
    assert r.event_of(untold.id) in {r.event_of(arrest.id), r.event_of(seizure.id)}
    # The modes of an attack are ways of telling one act: a shooting and a bombing may be one.
    shooting = replace(_attack("d"), mode="firearms")
    bombing = replace(_attack("e"), mode="explosives")
    r = EventResolver()
    _add(r, shooting)
    _add(r, bombing)
    assert r.event_of(shooting.id) == r.event_of(bombing.id)
    r = EventResolver(options=ResolverOptions(modes_apart=False))
    _add(r, arrest)
    _add(r, seizure)
    assert r.event_of(arrest.id) == r.event_of(seizure.id)


def test_one_sentence_of_a_plan_naming_nobody_is_no_occurrence_in_two_articles() -> None:
    text = "If they have no permit they are going to be attacked."
    a = _attack("a", text, hypothetical=True, cues=["going to"])
    b = _attack("b", text, hypothetical=True, cues=["going to"])
    r = EventResolver()
    _add(r, a)
    _add(r, b)
    assert r.event_of(a.id) != r.event_of(b.id)
    # The same sentence of a plan against someone named is one plan told twice.
    named = "If the council says no, the rebels are going to attack Dunmore."
    plan = [replace(_attack(doc, named, hypothetical=True, cues=["going to"]),
                    targets=[ArgumentSpan(named.index("Dunmore"), named.index("Dunmore") + 7, "Dunmore", "dobj", "GPE")])
            for doc in ("c", "d")]
    r = EventResolver()
    for m in plan:
        _add(r, m)
    assert r.event_of(plan[0].id) == r.event_of(plan[1].id)


def test_two_plans_merge_only_with_a_shared_named_participant() -> None:
    def plan(doc: str, target: str, label: str | None):
        m = _attack(doc, f"Gunmen are planning to attack {target}.", hypothetical=True, cues=["planning"])
        start = m.sentence.text.index(target)
        return replace(m, targets=[ArgumentSpan(start, start + len(target), target, "dobj", label)])

    r = EventResolver()
    a, b = plan("a", "the leader", None), plan("b", "the regime", None)
    _add(r, a)
    _add(r, b)
    assert r.event_of(a.id) != r.event_of(b.id)
    assert "planned on both sides, no shared participant" in r.explanations[b.id]
    r = EventResolver()
    c, d = plan("c", "Kasimir Vell", "PERSON"), plan("d", "Kasimir Vell", "PERSON")
    _add(r, c)
    _add(r, d)
    assert r.event_of(c.id) == r.event_of(d.id)


def test_two_calls_for_one_act_are_one_only_with_a_shared_named_asker() -> None:
    assert requested(["urged"]) and requested(["calling"]) and requested(["demanded"])
    assert not requested(["planning"]) and not requested(["wants"])  # the asker's own intention
    assert requested(["ordered"]) and intended(["ordered"])  # "ordered the release of": not done
    assert modality_of(False, True, False, asked=True) == REQUESTED

    def call(doc: str, asker: str, cue: str = "called", label: str | None = None):
        m = _attack(doc, f"{asker} {cue} for an attack on Kasimir Vell.", hypothetical=True, cues=[cue])
        start = m.sentence.text.index("Kasimir Vell")
        return replace(m, actors=[ArgumentSpan(0, len(asker), asker, "nsubj", label)],
                       targets=[ArgumentSpan(start, start + 12, "Kasimir Vell", "pobj", "PERSON")])

    # Two unnamed lobbies calling for one act on one man: two calls, related.
    r = EventResolver()
    a, b = call("a", "Local farmers"), call("b", "Chip makers", "urged")
    _add(r, a)
    _add(r, b)
    assert r.event_of(a.id) != r.event_of(b.id)
    assert "asked for on both sides, by other or unnamed askers" in r.explanations[b.id]
    # A plan of the act is not a call for it either.
    plan = replace(_attack("c", "Gunmen are planning to attack the convoy.", hypothetical=True,
                           cues=["planning"]), actors=a.actors)
    _add(r, plan)
    assert r.event_of(plan.id) not in (r.event_of(a.id), r.event_of(b.id))
    # One asker reported twice: one call.
    r = EventResolver()
    c, d = call("c", "Dunmore Farmers Union", label="ORG"), call("d", "Dunmore Farmers Union", "urged", "ORG")
    _add(r, c)
    _add(r, d)
    assert r.event_of(c.id) == r.event_of(d.id)
    # Off, requests are plans like any other (a shared participant is enough).
    r = EventResolver(options=ResolverOptions(requests_apart=False))
    _add(r, a)
    _add(r, b)
    assert "asked for on both sides" not in r.explanations[b.id]


def test_time_unknown_on_one_side_unless_the_place_agrees() -> None:
    r = EventResolver()
    dated, undated = _attack("a"), _attack("b")
    _add(r, dated, published="2024-03-05")
    _add(r, undated, published=None)
    assert r.event_of(dated.id) != r.event_of(undated.id)
    assert "time unknown on one side" in r.explanations[undated.id]
    place = EventPlace(0, 4, "Lyon", "GPE")
    r = EventResolver()
    _add(r, replace(dated, place=place), published="2024-03-05")
    _add(r, replace(undated, place=place), published=None)
    assert r.event_of(dated.id) == r.event_of(undated.id)


def test_related_links_follow_merges_and_say_which_events_changed() -> None:
    r = EventResolver()
    plan = _attack("p", "Gunmen are planning to attack the convoy.", hypothetical=True, cues=["planning"])
    first = _attack("a")
    _add(r, plan)
    _add(r, first)
    changed = r.take_changed()
    assert changed == {r.event_of(plan.id), r.event_of(first.id)}
    assert r.take_changed() == set()
    # A report joining the attack leaves the link in place; the planned event still points
    # at the attack's (current) id.
    second = _attack("a", "The gunmen attacked the convoy again.")
    _add(r, second)
    events = {e.id: e for e in r.events}
    assert [x["event"] for x in events[r.event_of(plan.id)].related] == [r.event_of(first.id)]
    assert all(x["event"] in events for e in events.values() for x in e.related)


def test_things_are_read_from_the_nouns_of_a_target_and_compared_by_kind() -> None:
    from newsgraph.resolve.events.occurrence import thing_of, things_apart

    assert thing_of("three Iranian gunboats") == "gunboat"
    assert thing_of("an Iranian oil platform") == "oil platform"
    assert thing_of("a U.S. flagged Kuwaiti tanker") == "tanker"
    assert thing_of("a teenager") is None and thing_of("the town") is None  # no artifact
    assert thing_of("the platform destroyed") is None  # the phrase does not end on a noun

    def apart(a: str, b: str) -> bool:
        return things_apart(frozenset({thing_of(a) or ""}), frozenset({thing_of(b) or ""}))

    assert apart("three gunboats", "the oil platform")
    assert not apart("the oil rig", "the oil platform")  # a noun in common
    assert not apart("a tanker", "the ship") and not apart("the embassy", "the building")  # kinds
    assert not things_apart(frozenset(), frozenset({"gunboat"}))  # one side names no thing


def test_two_accusations_of_one_person_about_other_things_are_two_acts() -> None:
    def accusation(doc: str, charge: str, content: list[str]):
        sentence = f"Doran Petty accused Lise Harvan of {charge}."
        m = replace(assault_mention(doc, sentence, "accused", "accuse"), type="ACCUSE", content=content)
        start = sentence.index("Lise Harvan")
        return replace(m, actors=[ArgumentSpan(0, 11, "Doran Petty", "nsubj", "PERSON")],
                       targets=[ArgumentSpan(start, start + 11, "Lise Harvan", "dobj", "PERSON")])

    squabbling = accusation("a", "squabbling with her deputy", ["deputy", "squabble"])
    giving = accusation("b", "giving with one hand and taking with the other", ["give", "hand", "take"])
    r = EventResolver()
    _add(r, squabbling)
    _add(r, giving)
    assert r.event_of(squabbling.id) != r.event_of(giving.id)
    assert "other content" in r.explanations[giving.id]
    # The same charge worded otherwise shares a word of its content: one accusation.
    again = accusation("c", "squabbling in public", ["public", "squabble"])
    _add(r, again)
    assert r.event_of(again.id) == r.event_of(squabbling.id)
    # A report giving no content ("the accusation") conflicts with none.
    bare = accusation("d", "it", [])
    _add(r, bare)
    assert r.event_of(bare.id) in {r.event_of(squabbling.id), r.event_of(giving.id)}
    # Off, the content is not compared.
    r = EventResolver(options=ResolverOptions(content_apart=False))
    _add(r, squabbling)
    _add(r, giving)
    assert r.event_of(squabbling.id) == r.event_of(giving.id)
