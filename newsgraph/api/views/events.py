"""The event pages: the filtered list (``/events``) and one event (``/events/{id}``).

An event is what many reports describe once: type and mode (PLOVER), actors and targets
(entity links where resolution found one, else their text), place with coordinates and
a map link, date with its precision, the flags an analyst filters on, how many sources
and independent reports (copies and one publisher's articles counted once, each
folded document with why) report it, and every evidence sentence with its article and
the trigger marked, and the claim it is reported through (speaker, cue, certainty).

Apart from its own reports, the page lists **related events**: events the resolver kept
apart although their reports were alike — another occurrence of the same kind of act (a
planned attack beside one that happened, another year, another target, another city), or
one not known to be the same.  Each says why; none counts as a source of this event.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsgraph.api import urls
from newsgraph.api.config import LIST_PAGE_SIZE
from newsgraph.api.views.base import Pager, pager
from newsgraph.model import EVENT_DATE_SHOWN, EVENT_TYPES, Claim, Event, EventDate
from newsgraph.model.projection import filled, project
from newsgraph.store import Store
from newsgraph.store import event_queries as q
from newsgraph.store.claim_event_queries import claims_by_id
from newsgraph.store.summary_cache import cached

__all__ = ["EventContext", "EventsContext", "RelatedEvent", "event_view", "events_view"]

#: Zoom of the map an event's place link opens (as the article view's place links).
EVENT_MAP_ZOOM = 4


@dataclass(slots=True)
class Argument:
    """An actor or target: an entity (``entity``, ``url``) or only its text."""

    entity: str | None
    name: str
    type: str | None
    url: str | None


@dataclass(slots=True)
class Location:
    name: str
    entity: str | None
    entity_url: str | None
    lat: float | None
    lon: float | None
    map_url: str | None


#: A resolved event's interval, as the API gives it (``EventDateModel``).
DateView = project("DateView", EventDate, EVENT_DATE_SHOWN,
                   types={"end": str | None, "precision": str | None})


ReportingClaim = project(
    "ReportingClaim", Claim, ("id", "speaker", "speaker_kind", "cue", "certainty", "quote_type"),
    types={"speaker": str | None, "cue": str | None}, extra=[("text", str), ("url", str)],
    doc="The claim a mention is reported through (\"the agency said the army *attacked* …\"): who says "
        "it (its words), with which cue and how sure, its content and the article scrolled to it.")


def _reporting_claim(c: dict[str, Any]) -> Any:
    ref, speaker = c.get("speaker_ref"), c.get("speaker")
    own = filled(Claim, c, ("id", "speaker_kind", "certainty", "quote_type"))
    return ReportingClaim(
        **own, speaker=(ref or speaker or {}).get("text"), cue=(c.get("cue") or {}).get("text"),
        text=c["content"]["text"], url=urls.claim(c["doc"], c["id"]))


@dataclass(slots=True)
class EvidenceSentence:
    """One mention: the sentence cut around its trigger, its article and its own flags."""

    id: str
    doc: str
    doc_title: str | None
    publisher: str | None
    published: str | None
    doc_url: str  # the article, scrolled to this mention in its events list
    before: str
    trigger: str
    after: str
    actors: list[str]
    targets: list[str]
    place: str | None
    date: str | None
    date_precision: str | None
    date_evidence: str | None
    flags: list[str]
    cues: list[str]
    reported_via: str | None
    speaker: str | None
    confidence: float
    rule: str
    claim: ReportingClaim | None = None  # the claim it is reported through, if any
    #: Why the report is counted in this event (``Event.joined``): first report, same
    #: article, or the anchor that tied it to a report in another article.
    joined: str = ""


#: An event in the list and atop its page: the record's type, mode, actors and targets (as
#: entities or words), where and when, flags, counts, and its first evidence sentence and trigger.
EventRow = project(
    "EventRow", Event, ("id", "type", "mode", "actors", "targets"),
    types={"actors": list[Argument], "targets": list[Argument]},
    extra=[("location", Location | None), ("date", DateView | None), ("flags", list[str]),
           ("source_count", int), ("publisher_count", int), ("confidence", float), ("url", str),
           ("sentence", str), ("trigger", str)])


def _arguments(args: list[dict[str, Any]]) -> list[Argument]:
    return [Argument(a["entity"], a.get("name") or a["entity"], a.get("type"), urls.entity(a["entity"]))
            if "entity" in a else Argument(None, a["text"], None, None) for a in args]


def _location(loc: dict[str, Any] | None) -> Location | None:
    if not loc:
        return None
    located = loc.get("lat") is not None and loc.get("lon") is not None
    return Location(loc["name"], loc.get("entity"), urls.entity(loc["entity"]) if loc.get("entity") else None,
                    loc.get("lat"), loc.get("lon"),
                    urls.map_view(lat=loc["lat"], lon=loc["lon"], zoom=EVENT_MAP_ZOOM) if located else None)


def _flags(flags: dict[str, bool]) -> list[str]:
    return [f for f in q.EVENT_FLAGS if flags.get(f)]


def _row(ev: dict[str, Any]) -> EventRow:
    first = ev["mentions"][0] if ev["mentions"] else None
    return EventRow(
        **filled(Event, ev, ("id", "type", "mode")), actors=_arguments(ev["actors"]),
        targets=_arguments(ev["targets"]), location=_location(ev["location"]),
        date=DateView(**ev["date"]) if ev["date"] else None, flags=_flags(ev["flags"]),
        source_count=ev["source_count"], publisher_count=ev["publisher_count"], confidence=ev["confidence"],
        url=urls.event(ev["id"]), sentence=first["sentence"]["text"].strip() if first else "",
        trigger=first["trigger"]["text"] if first else "")


@dataclass(slots=True)
class TypeFacet:
    value: str
    count: int
    url: str
    selected: bool


@dataclass(slots=True)
class EventsContext:
    type: str | None
    actor: str | None
    target: str | None
    place: str | None
    since: str | None
    until: str | None
    flags: list[str]
    min_sources: int
    doc: str | None
    events: list[EventRow]
    types: list[TypeFacet]
    all_flags: list[str]
    pager: Pager
    help: str = field(default=(
        "One row per real-world event, however many articles report it. Actor/target: an entity "
        "id (E…) or words of the argument. Flags: negated (did not happen), hypothetical (planned, "
        "threatened, conditional), attempted (tried or failed), historical (background, not news "
        "of the day), reported (inside someone's claim); an event carries a flag when every report "
        "of it does. Sources: documents; below them, independent reports (a copy, a republication "
        "and one publisher's articles count once)."))


def events_view(store: Store, *, type: str | None = None, actor: str | None = None,
                target: str | None = None, place: str | None = None, since: str | None = None,
                until: str | None = None, flags: list[str] | None = None, min_sources: int = 0,
                doc: str | None = None, page: int = 1, per_page: int = LIST_PAGE_SIZE) -> EventsContext:
    def clean(v: str | None) -> str | None:
        return (v or "").strip() or None

    actor, target, place, since, until = map(clean, (actor, target, place, since, until))
    flags = [f for f in dict.fromkeys(flags or []) if f in q.EVENT_FLAGS]
    filt = q.EventFilter(type or None, actor, target, place, since, until, flags, min_sources, doc or None)
    total, evs = q.events(store, filt, limit=per_page, offset=(page - 1) * per_page)

    def url(**change: Any) -> str:
        now: dict[str, Any] = {"type": filt.type, "actor": actor, "target": target, "place": place,
                               "since": since, "until": until, "flag": flags, "min_sources": min_sources,
                               "doc": filt.doc}
        now.update(change)
        return urls.events(**now)

    counts = cached(store, "event_type_counts", lambda: q.event_type_counts(store))
    order = [t for t in EVENT_TYPES if t in counts] + [t for t in counts if t not in EVENT_TYPES]
    types = [TypeFacet(t, counts[t], url(type=None if t == filt.type else t), t == filt.type) for t in order]
    return EventsContext(filt.type, actor, target, place, since, until, flags, min_sources, filt.doc,
                         [_row(e) for e in evs], types, list(q.EVENT_FLAGS),
                         pager(total, page, per_page, lambda p: url(page=p)))


@dataclass(slots=True)
class ReportDoc:
    """A document of an independent report: the one standing for it, or one folded into it
    (``reason`` says why: a copy of…, credits…, same publisher as…)."""

    doc: str
    title: str | None
    publisher: str | None
    url: str
    kind: str | None = None
    reason: str | None = None


@dataclass(slots=True)
class IndependentReport:
    """One independent report of the event (``newsgraph.independence``)."""

    label: str
    outlet: str | None
    lead: ReportDoc
    folded: list[ReportDoc]


@dataclass(slots=True)
class Independence:
    count: int
    explanation: str
    reports: list[IndependentReport]


def _independence(ind: dict[str, Any]) -> Independence:
    reports = []
    for r in ind["reports"]:
        docs = {d["doc"]: d for d in r["documents"]}
        lead = docs.get(r["lead"], {"doc": r["lead"], "title": None, "publisher": None})
        reports.append(IndependentReport(
            r["label"], r["outlet"],
            ReportDoc(lead["doc"], lead["title"], lead["publisher"], urls.document(lead["doc"])),
            [ReportDoc(f["doc"], f["title"], f["publisher"], urls.document(f["doc"]), f["kind"], f["reason"])
             for f in r["folded"]]))
    return Independence(ind["count"], ind["explanation"], reports)


@dataclass(slots=True)
class RelatedEvent:
    """Another event kept apart from this one: why, how alike, and its first report."""

    id: str
    url: str
    reason: str
    score: float
    type: str | None
    mode: str | None
    date: str | None
    place: str | None
    source_count: int | None
    doc: str | None
    doc_title: str | None
    doc_url: str | None
    before: str
    trigger: str
    after: str
    flags: list[str]


def _related(r: dict[str, Any]) -> RelatedEvent:
    first = r.get("first") or {}
    before = trigger = after = ""
    if first:
        s, t = first["sentence"], first["trigger"]
        a, b = t["start"] - s["start"], t["end"] - s["start"]
        before, trigger, after = s["text"][:a].lstrip(), s["text"][a:b], s["text"][b:].rstrip()
    date = r.get("date") or {}
    return RelatedEvent(
        r["event"], urls.event(r["event"]), r["reason"], float(r["score"]), r.get("type"), r.get("mode"),
        date.get("start"), r.get("place"), r.get("source_count"), first.get("doc"), first.get("doc_title"),
        urls.document(first["doc"]) if first else None, before, trigger, after,
        _flags(first.get("flags") or {}))


@dataclass(slots=True)
class EventContext:
    event: EventRow
    evidence: list[EvidenceSentence]
    sources: list[str]
    api_url: str
    events_url: str
    independence: Independence | None = None
    #: Events kept apart from this one although alike (not the same occurrence).
    related: list[RelatedEvent] = field(default_factory=list)


def _evidence(m: dict[str, Any], claims: dict[str, dict[str, Any]] | None = None) -> EvidenceSentence:
    s, t = m["sentence"], m["trigger"]
    a, b = t["start"] - s["start"], t["end"] - s["start"]
    text = s["text"]
    fl = m.get("flags") or {}
    date = m.get("date") or {}
    return EvidenceSentence(
        m["id"], m["doc"], m.get("doc_title"), m.get("publisher"), m.get("published"),
        urls.document_event(m["doc"], m["id"]), text[:a].lstrip(), text[a:b], text[b:].rstrip(),
        [x["text"] for x in m.get("actors", [])], [x["text"] for x in m.get("targets", [])],
        (m.get("place") or {}).get("name"), date.get("start"), date.get("precision"),
        (date.get("evidence") or {}).get("text"),
        [f for f in ("negated", "hypothetical", "attempted", "historical") if fl.get(f)],
        list(fl.get("cues") or []), (fl.get("reported_via") or {}).get("text"),
        (fl.get("speaker") or {}).get("text"), float(m.get("confidence") or 0.0), m.get("rule", ""),
        _reporting_claim(claims[fl["claim"]]) if claims and fl.get("claim") in claims else None,
        m.get("joined", ""))


def event_view(store: Store, event_id: str) -> EventContext | None:
    ev = q.event(store, event_id)
    if ev is None:
        return None
    claims = claims_by_id(store, [c for m in ev["mentions"] if (c := (m.get("flags") or {}).get("claim"))])
    return EventContext(_row(ev), [_evidence(m, claims) for m in ev["mentions"]], ev["sources"],
                        urls.api_event(event_id), urls.events(),
                        _independence(ev["independent"]) if ev.get("independent") else None,
                        [_related(r) for r in ev["related"]])
