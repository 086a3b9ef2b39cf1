"""resolve/events: which dates veto (and leave the two events related), who counts as a
participant or a speaker, and events joined when two stories merge."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from event_coref_helpers import assault_mention

from newsgraph.model.events import ArgumentSpan, EventDate, EventMention, Span
from newsgraph.resolve.events import EventResolver, ResolverOptions
from newsgraph.resolve.events.embed import DIM


def _unit_parts(x: float, y: float) -> np.ndarray:
    """A mention vector whose trigger, lemma and window parts are all the 2-d direction (x, y)."""
    part = np.zeros(DIM, dtype=np.float32)
    part[0], part[1] = x, y
    part /= np.linalg.norm(part)
    return np.concatenate([part, part, part])


def _dated(doc: str, sentence: str, when: str, precision: str, rule: str) -> EventMention:
    m = assault_mention(doc, sentence, "stormed", "storm")
    m.date = EventDate(start=when, end=when, precision=precision, evidence=Span(0, 4, when[:4]), rule=rule)
    return m


def _events(mentions: list[EventMention], options: ResolverOptions | None = None) -> EventResolver:
    r = EventResolver(options=options)
    for m in mentions:
        r.add(m, story="one story", vector=_unit_parts(1, 0))
    return r


def test_event_coref_dates_years_apart_are_two_related_events_however_coarse():
    # A year attached to the trigger's clause ("in 2007", "five years ago") is as much a
    # date as a day: years from "3 May 2013", it is another occurrence, kept as related.
    year = _dated(
        "a", "Rebels stormed the town, as they did in 2007.", "2007-01-01", "year", "date_in_clause"
    )
    day = _dated("b", "Rebels stormed the town on 3 May 2013.", "2013-05-03", "day", "date_in_clause")
    r = _events([year, day])
    assert len(r.events) == 2
    assert "dates years apart" in r.explanations[day.id]
    linked = {e.id: e.related for e in r.events}
    assert [x["reason"] for x in linked[r.event_of(day.id)]] == ["dates years apart"]
    assert linked[r.event_of(year.id)][0]["event"] == r.event_of(day.id)
    # The earlier rule (coarse dates never veto) is still an option.
    assert len(_events([year, day], ResolverOptions(year_dates_veto=False, coarse_dates_apart_days=0)).events) == 1
    # Two day-precise dates attached to the trigger's clause, years apart: two events.
    other = _dated("c", "Rebels stormed the town on 3 May 2009.", "2009-05-03", "day", "date_in_clause")
    r = _events([day, other])
    assert len(r.events) == 2 and "dates years apart" in r.explanations[other.id]
    # Attached only loosely (elsewhere in the sentence), the same dates do not veto.
    loose = _dated(
        "d", "Rebels stormed the town, a report of 3 May 2009 said.", "2009-05-03", "day", "date_in_sentence"
    )
    assert len(_events([day, loose]).events) == 1


def test_event_coref_coarse_dates_months_apart_are_two_occurrences_across_articles():
    # "stormed the town in October" / "stormed the town last week" (January): a month and a
    # week of the reports' own clauses, months apart, are two occurrences, kept as related.
    october = _dated("a", "Rebels stormed the town in October.", "2013-10-01", "month", "date_in_clause")
    october.date = replace(october.date, end="2013-10-31")
    january = _dated("b", "Rebels stormed the town last week.", "2014-01-06", "week", "date_in_clause")
    january.date = replace(january.date, end="2014-01-12")
    r = _events([october, january])
    assert len(r.events) == 2 and "dates apart" in r.explanations[january.id]
    # Within a month of each other, the grains overlap in time enough to be one occurrence.
    november = _dated("c", "Rebels stormed the town last week.", "2013-11-11", "week", "date_in_clause")
    november.date = replace(november.date, end="2013-11-17")
    assert len(_events([october, november]).events) == 1
    # Off, coarse dates months apart do not veto (the earlier rule).
    assert len(_events([october, january], ResolverOptions(coarse_dates_apart_days=0)).events) == 1


def _args(args: list[tuple[str, str | None]], role: str) -> list[ArgumentSpan]:
    return [ArgumentSpan(0, len(text), text, role, label) for text, label in args]


def _offer(
    doc: str, actors: list[tuple[str, str | None]], targets: list[tuple[str, str | None]]
) -> EventMention:
    m = assault_mention(doc, "The club made an offer to the player.", "offer", "offer")
    return replace(m, type="AGREE", actors=_args(actors, "nsubj"), targets=_args(targets, "prep_to"))


def test_event_coref_verbal_acts_need_a_shared_named_participant():
    first = _offer("a", [("Red Sox", "ORG")], [("Mark Teixeira", "PERSON")])
    # A generic participant and a date in a subject slot are not named participants.
    generic = _offer("b", [("the team", None)], [("Tuesday", "DATE")])
    r = _events([first, generic])
    assert len(r.events) == 1
    # A side naming only other participants is another act.
    other = _offer("c", [], [("Mark Buehrle", "PERSON")])
    r = _events([first, other])
    assert len(r.events) == 2 and "no shared participant" in r.explanations[other.id]


def _said(doc: str, speaker: str) -> EventMention:
    m = assault_mention(doc, f"{speaker.capitalize()} said the actress checked into rehab.", "said", "say")
    return replace(m, type="OTHER", actors=_args([(speaker, None)], "nsubj"))


def test_event_coref_generic_speakers_compare_by_their_last_word():
    r = _events([_said("a", "her publicist"), _said("b", "a publicist")])
    assert len(r.events) == 1
    lawyer = _said("c", "her lawyer")
    r = _events([_said("a", "her publicist"), lawyer])
    assert len(r.events) == 2 and r.explanations[lawyer.id].startswith("new event (best other speaker")


#: Two reports of one raid that share few words, then a third report close to both.
_RAID_A = (
    "Insurgents overran Kamanyola garrison on Sunday. Colonel Mutombo said insurgents overran "
    "Kamanyola garrison before dawn and seized mortars."
)
_RAID_B = (
    "Militia fighters captured the Ruzizi bridge checkpoint. Witnesses in Uvira said militia "
    "fighters captured the Ruzizi bridge checkpoint and torched trucks."
)
_RAID_C = (
    "Insurgents overran Kamanyola garrison and militia fighters captured the Ruzizi bridge "
    "checkpoint, Colonel Mutombo said in Uvira."
)


def _raid_reports(options: ResolverOptions | None = None) -> tuple[EventResolver, list[str]]:
    r = EventResolver(options=options)
    ids = []
    for doc, text, word in (("a", _RAID_A, "overran"), ("b", _RAID_B, "captured")):
        m = assault_mention(doc, text, word, "attack")
        ids.append(m.id)
        r.add(m, context=text, vector=_unit_parts(1, 0))
    m = assault_mention("c", _RAID_C, "said", "say")
    m.type = "OTHER"
    ids.append(m.id)
    r.add(m, context=_RAID_C, vector=_unit_parts(0, 1))
    return r, ids


def test_event_coref_merged_stories_merge_their_events():
    # Reports "a" and "b" open two stories; "c" is close to both, so the stories merge.
    # The two attack events, kept apart only by the story gate, then merge as well (the
    # mechanism, without the anchors of one occurrence).
    r, ids = _raid_reports(ResolverOptions(story_merge_relink=False, anchors=False))
    assert r.story_of("a") == r.story_of("b") == r.story_of("c")
    assert r.event_of(ids[0]) != r.event_of(ids[1])
    r, ids = _raid_reports(ResolverOptions(anchors=False))
    assert r.event_of(ids[0]) == r.event_of(ids[1])
    assert "stories merged" in r.explanations[ids[2]]
    # With them: the two reports share no participant, no day, hardly a word, and their
    # articles are not alike — nothing says the garrison and the checkpoint fell in one
    # raid, so the merged story does not make them one event.
    r, ids = _raid_reports()
    assert r.story_of("a") == r.story_of("b")
    assert r.event_of(ids[0]) != r.event_of(ids[1])


def test_event_coref_posting_lists_keep_only_what_lookups_read():
    # Thirty storms years apart: thirty events under one lemma key.  Only the last
    # ``max_candidates`` of a key's events are ever candidates, so the key's list (a row of
    # the store, written again when it changes) keeps no more than twice that.
    from newsgraph.resolve.events.resolve import lemma_family

    storms = [_dated(f"d{i}", f"Rebels stormed the town in {2001 + i}.", f"{2001 + i}-01-01", "year",
                     "date_in_clause") for i in range(30)]
    r = _events(storms, ResolverOptions(max_candidates=5))
    assert len(r.events) == 30
    postings = r._index["l:" + lemma_family("storm")]
    assert len(postings) <= 10
    assert postings[-1] == r.event_of(storms[-1].id)
