"""Records of the events stage (see newsgraph.model).

``EventMention`` is one report of one event in one document (extract/events);
``Event`` is the real-world event many mentions, in many documents, report
(resolve/events).  Every span is ``(start, end)`` character offsets into the
mention's ``Document.text``; arguments stay spans here and the lead's resolver
maps them to entity ids through the entity mentions with the same offsets.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "DISASTER",
    "EVENT_ANCHOR_SOURCE",
    "EVENT_TYPES",
    "PLOVER_TYPES",
    "REPORT_DATED_RULE",
    "ArgumentSpan",
    "Event",
    "EventDate",
    "EventFlags",
    "EventMention",
    "EventPlace",
    "Span",
    "event_mention_from_dict",
    "event_mention_id",
]

#: The 16 PLOVER event types (PLOVER manual, ch. "Event Categories"), in the
#: manual's order from verbal cooperation to material conflict.
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

#: Our own type, not PLOVER's: an event caused by a force of nature, an accident or a
#: disease ("a storm struck the coast", "killed in the earthquake", "a gas cylinder
#: exploded"), which PLOVER only knows as the contexts "disasters" and "health".  Its
#: modes are the kind of force: ``natural``, ``fire``, ``accident``, ``disease``.  It has
#: no actor (a force is not one), is shown like any type, and is kept out of the PLOVER
#: export (``newsgraph/export/plover.py``).
DISASTER = "DISASTER"

#: Every type an event mention may have: PLOVER's 16, then ours.
EVENT_TYPES: tuple[str, ...] = (*PLOVER_TYPES, DISASTER)


#: ``Document.provenance["published"]`` of a date inferred from another report's event
#: date (``resolve/dates``).
EVENT_ANCHOR_SOURCE = "inferred:event-anchor"
#: Suffix of an ``EventDate.rule`` set once the document was dated from other reports:
#: such a date is never an anchor for a third document (no chains of inference).
REPORT_DATED_RULE = ":anchored-by-other-reports"


def event_mention_id(doc_id: str, start: int, end: int) -> str:
    """Deterministic id of a mention: hash of its document and trigger offsets."""
    return "evm_" + hashlib.sha256(f"{doc_id}:{start}:{end}".encode()).hexdigest()[:16]


@dataclass(slots=True)
class Span:
    """A stretch of the clean text: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class ArgumentSpan:
    """An actor or target of an event, as a text span.

    ``role`` says which syntactic relation gave it (``nsubj``, ``agent``,
    ``dobj``, ``poss``, ``prep_on``, ``appos``, ``conj``…) so a reader can see why.
    """

    start: int
    end: int
    text: str
    role: str
    label: str | None = None  # NER label of the span when it is a named mention


@dataclass(slots=True)
class EventPlace:
    """Where the event happened: the place phrase attached to the trigger."""

    start: int
    end: int
    name: str
    label: str | None = None  # GPE / LOC / FAC when a named mention, else None
    rule: str = ""


@dataclass(slots=True)
class EventDate:
    """When the event happened, normalised against the document date.

    ``start``/``end`` are ISO dates bounding the interval the expression names
    (a day, a month, a year); ``precision`` is ``day``, ``month`` or ``year``;
    ``evidence`` is the time expression itself (possibly in a neighbouring sentence).
    """

    start: str
    end: str
    precision: str
    evidence: Span
    rule: str = ""


#: What an ``EventDate`` shows of itself beside its event (the evidence is the mention's).
EVENT_DATE_SHOWN: tuple[str, ...] = ("start", "end", "precision")


@dataclass(slots=True)
class EventFlags:
    """What an analyst filters on (PLOVER's auxiliary modes and more)."""

    negated: bool = False
    hypothetical: bool = False  # planned, future, modal, conditional
    attempted: bool = False  # attempted or failed
    historical: bool = False  # background, not news of the day
    #: The words that make the report speak of a kind of act, not one occurrence ("house
    #: arrest", "powers to detain", "detention orders"; ``extract/events/genericity``).
    generic: str | None = None
    #: The reported-speech span (the claim) the event sits inside, with the speaker.
    reported_via: Span | None = None
    speaker: Span | None = None
    cues: list[str] = field(default_factory=list)  # the words that set the flags
    claim: str | None = None  # id of the claim whose content reports this event


@dataclass(slots=True)
class EventMention:
    """One report of one event in one document, with its evidence."""

    id: str
    doc: str
    type: str  # one of EVENT_TYPES (PLOVER's 16 or DISASTER)
    mode: str | None
    trigger: Span
    sentence: Span  # the evidence sentence
    actors: list[ArgumentSpan] = field(default_factory=list)
    targets: list[ArgumentSpan] = field(default_factory=list)
    place: EventPlace | None = None
    date: EventDate | None = None
    context: list[str] = field(default_factory=list)
    flags: EventFlags = field(default_factory=EventFlags)
    lemma: str = ""  # trigger lemma (used by event coreference)
    confidence: float = 0.0
    rule: str = ""  # which lexicon entry / parse rule produced it
    #: The time expression attached to the event when it needs a document date the
    #: document lacked ("shot dead yesterday" in an undated report): ``date`` stays
    #: None until ``resolve/dates`` dates the document from another report.
    date_pending: Span | None = None
    #: What a verbal act says, asks, promises or charges, as the lemmas of its complement's
    #: content words ("accused Blair *of lying over Iraq*" → lie, Iraq;
    #: ``extract/events/content``); [] for material acts and acts told with no complement.
    content: list[str] = field(default_factory=list)


#: The fields of an ``Event`` that stand for it in a list of events beside other records (an
#: entity's, a story's, a search's): one declaration for the API's and the pages' rows.
EVENT_SUMMARY: tuple[str, ...] = ("id", "type", "mode", "place")
__all__ += ["EVENT_DATE_SHOWN", "EVENT_SUMMARY"]  # beside the sorted list: fewer merge conflicts


@dataclass(slots=True)
class Event:
    """A real-world event: every mention reporting it and every source document."""

    id: str
    type: str
    mode: str | None
    mentions: list[str] = field(default_factory=list)  # EventMention ids
    sources: list[str] = field(default_factory=list)  # document ids
    publishers: int = 0  # distinct publishers among the sources (doc count when unknown)
    actors: list[str] = field(default_factory=list)  # entity ids or normalised texts
    targets: list[str] = field(default_factory=list)
    place: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    #: Events the resolver kept apart from this one although their reports were alike
    #: (another occurrence of the same kind of act, or not known to be the same one):
    #: ``{"event": id, "reason": why kept apart, "score": how alike}``, most alike first.
    related: list[dict[str, Any]] = field(default_factory=list)
    #: Why each report is in this event (mention id → the evidence the resolver had when it
    #: placed it: "first report", "same article", or the anchor that tied it to a report in
    #: another article — ``resolve.events.join_reason``), so "2 sources" can be checked.
    joined: dict[str, str] = field(default_factory=dict)


def event_mention_from_dict(d: dict[str, Any]) -> EventMention:
    """Rebuild an ``EventMention`` from its ``dataclasses.asdict`` form (the JSON the store
    keeps in ``event_mentions.data``)."""
    flags = dict(d.get("flags") or {})
    for key in ("reported_via", "speaker"):
        if flags.get(key):
            flags[key] = Span(**flags[key])
    date = d.get("date")
    if date:
        date = EventDate(**{**date, "evidence": Span(**date["evidence"])})
    return EventMention(
        id=d["id"], doc=d["doc"], type=d["type"], mode=d.get("mode"),
        trigger=Span(**d["trigger"]), sentence=Span(**d["sentence"]),
        actors=[ArgumentSpan(**a) for a in d.get("actors", [])],
        targets=[ArgumentSpan(**a) for a in d.get("targets", [])],
        place=EventPlace(**d["place"]) if d.get("place") else None,
        date=date, context=list(d.get("context", [])), flags=EventFlags(**flags),
        lemma=d.get("lemma", ""), confidence=d.get("confidence", 0.0), rule=d.get("rule", ""),
        date_pending=Span(**d["date_pending"]) if d.get("date_pending") else None,
        content=list(d.get("content", [])),
    )
