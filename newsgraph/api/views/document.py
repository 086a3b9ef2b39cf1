"""The article page (``/documents/{id}``): metadata, clean text with mentions marked, removed blocks,
and the document's facts: claims, time expressions, places, the document date.

The text is cut into pieces by ``overlay.overlay_paragraphs``: a piece knows the
mention, claims (content, speaker, cue), time expression and place covering it, and
the template wraps it in ``<span>``/``<mark>`` accordingly, and a mention resolution linked
to an entity in a link to the entity page; the legend and the entity table are counted
from the same mentions. The events the document reports are listed grouped by type
(``event_groups``), each pointing at its sentence in the text (``#ev-<mention>``) rather than
repeating it. Claims are listed beside the text, each linked to its content (``#claim-<id>``);
how much of each side panel shows before a "show all" is ``config.PANEL``.
The original URL becomes a link only when it is http(s): an article cannot smuggle a
``javascript:`` link into the page.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from newsgraph.api import urls
from newsgraph.api.overlay import Piece, TextLayers, overlay_paragraphs
from newsgraph.api.views.languages import ReadingNote, language_name, reading_note
from newsgraph.model import ENTITY_TYPES
from newsgraph.model.claims import Claim, DocumentDate, PlaceMention, TimeExpression
from newsgraph.model.document import Document, RemovedBlock
from newsgraph.model.projection import field_names, filled, project
from newsgraph.model.stories import EvidenceSpan, Signal
from newsgraph.store import Store
from newsgraph.store.claim_event_queries import events_of_mentions
from newsgraph.store.entity_queries import (
    MentionLookup,
    document_entity_links,
    document_title_entities,
    referring_mentions,
)
from newsgraph.store.event_queries import document_events
from newsgraph.store.facts_queries import document_date
from newsgraph.store.story_queries import document_links, document_signals, document_story

__all__ = [
    "LABEL_DESCRIPTIONS",
    "ClaimEventRef",
    "ClaimRow",
    "DateEvidence",
    "DocEventRow",
    "DocLinkRow",
    "DocumentContext",
    "DocumentDateView",
    "EventGroup",
    "PlaceRow",
    "SignalRow",
    "StoryRef",
    "TimeRow",
    "TitlePiece",
    "claim_event_refs",
    "claim_row",
    "document_view",
    "event_groups",
    "signal_rows",
    "text_fragment",
]

#: What each entity label means: the OntoNotes 5 label set as spaCy's glossary
#: (``spacy.explain``) words it, kept here so the page needs no model loaded.
LABEL_DESCRIPTIONS: dict[str, str] = {
    "PERSON": "People, including fictional",
    "ORG": "Companies, agencies, institutions, etc.",
    "GPE": "Countries, cities, states",
    "LOC": "Non-GPE locations, mountain ranges, bodies of water",
    "FAC": "Buildings, airports, highways, bridges, etc.",
    "NORP": "Nationalities or religious or political groups",
    "EVENT": "Named hurricanes, battles, wars, sports events, etc.",
    "PRODUCT": "Objects, vehicles, foods, etc. (not services)",
    "WORK_OF_ART": "Titles of books, songs, etc.",
    "LAW": "Named documents made into laws",
    "LANGUAGE": "Any named language",
    "NAME": "Names found by capitalisation, of no known type (an article read partially)",
}


@dataclass(slots=True)
class LegendItem:
    label: str
    count: int
    description: str


@dataclass(slots=True)
class EntityRow:
    """A distinct (name, label) in this article, how often it occurs, and a search for it."""

    name: str
    label: str
    count: int
    search_url: str
    entity: str | None = None  # the resolved entity of (the first of) these mentions
    entity_url: str | None = None
    #: The title names this entity too (a headline mention: offsets into the title).
    in_title: bool = False


@dataclass(slots=True)
class TitlePiece:
    """A stretch of the title: plain, or a name linked to its entity (a headline mention)."""

    text: str
    label: str | None = None
    entity: str | None = None
    entity_name: str | None = None
    entity_url: str | None = None


def title_pieces(title: str | None, marks: list[dict[str, Any]]) -> list[TitlePiece]:
    """``title`` cut at its entity mentions (``entity_queries.document_title_entities``)."""
    if not title:
        return []
    out: list[TitlePiece] = []
    at = 0
    for m in sorted(marks, key=lambda m: m["start"]):
        if m["start"] < at or m["end"] > len(title):
            continue  # overlapping or stale: left plain
        if m["start"] > at:
            out.append(TitlePiece(title[at:m["start"]]))
        out.append(TitlePiece(title[m["start"]:m["end"]], m["type"], m["id"], m["name"],
                              urls.entity(m["id"])))
        at = m["end"]
    if at < len(title):
        out.append(TitlePiece(title[at:]))
    return out


@dataclass(slots=True)
class DocEventRow:
    """An event mention of the article and the (cross-document) event it belongs to."""

    event: str
    mention: str  # the event mention's id, the row's anchor (``#evm_…``)
    type: str
    mode: str | None
    trigger: str
    sentence: str
    sources: int  # documents reporting the event
    flags: list[str]
    url: str
    publishers: int = 0  # independent reports among them (newsgraph.independence)
    sentence_start: int = 0  # the sentence in the text (``#ev-<mention>`` anchors it there)
    sentence_end: int = 0


@dataclass(slots=True)
class EventGroup:
    """The article's event mentions of one PLOVER type, as the side panel groups them."""

    type: str
    events: list[DocEventRow]


@dataclass(slots=True)
class KindCount:
    kind: str
    count: int


@dataclass(slots=True)
class ClaimEventRef:
    """An event a claim reports: the mention inside its content and, once resolved, the
    cross-document event (``url`` its page; None while unresolved)."""

    mention: str
    type: str
    mode: str | None
    trigger: str | None
    event: str | None
    url: str | None


#: The record's fields a claim row leaves out: its content is ``start``/``end``/``text``, its
#: resolved speaker ``speaker_text``; the rule's prior is not shown.
CLAIM_NOT_SHOWN = ("content", "confidence", "speaker_ref")
#: Spans the rows show as their words.
_CLAIM_SPANS = ("speaker", "cue", "channel", "hedge")

ClaimRow = project(
    "ClaimRow", Claim, omit=CLAIM_NOT_SHOWN,
    types={**dict.fromkeys(_CLAIM_SPANS, str | None), "sentence": str, "events": list[ClaimEventRef]},
    extra=[("start", int), ("end", int), ("text", str), ("speaker_text", str | None), ("url", str)],
    doc="A claim as the lists show it: the record's fields, spans as their words (``speaker`` is the "
        "span in the text, ``speaker_text`` the best name: the resolved one for a pronoun or role); "
        "``url`` the claim in its article, ``events`` the events its content reports.")


#: What the page shows of a time expression.
TIME_SHOWN = ("start", "end", "text", "value", "precision", "anchored_to")
TimeRow = project("TimeRow", TimeExpression, TIME_SHOWN)


#: A distinct resolved place of the article (unresolved mentions have no geonameid): the fields
#: of its ``PlaceMention`` that name the place (``role`` "government": a capital standing for its
#: country's government, not mapped; ``reason``: why unresolved, or why read as a government), the
#: forms the text gives it, its count, the map centred here and every mention of the place.
PLACE_SHOWN = ("geonameid", "name", "country", "feature", "lat", "lon", "role", "reason")
PlaceRow = project("PlaceRow", PlaceMention, PLACE_SHOWN, extra=[
    ("forms", list[str]), ("count", int), ("map_url", str | None), ("place_url", str | None)])


@dataclass(slots=True)
class DateEvidence:
    """One report dating this one: the sentence with the relative expression ("last week"),
    the event it shares with ``source_doc`` and the date that report gives the event."""

    sentence: str
    expression: str
    event: str
    event_url: str
    event_date: str
    source_doc: str
    source_url: str
    window: str


#: The document's date (``DocumentDate``): declared by the source, or inferred from the text by
#: ``rule`` (None for a declared one) from the reports in ``evidence``; ``precision``: day, week,
#: month, an inferred window's width; ``conflict``: why the reports that could date it left it undated.
DocumentDateView = project(
    "DocumentDateView", DocumentDate, types={"rule": str | None, "evidence": list[DateEvidence]},
    extra=[("precision", str | None, field(default=None)), ("conflict", str | None, field(default=None))])


def _date_evidence(provenance: dict[str, str]) -> list[DateEvidence]:
    try:
        votes = json.loads(provenance.get("published_evidence") or "[]")
    except ValueError:
        return []
    return [DateEvidence(v["sentence"]["text"].strip(), v["expression"]["text"], v["event"],
                         urls.event(v["event"]), v["event_date"], v["source_doc"],
                         urls.document(v["source_doc"]),
                         v["lo"] if v["lo"] == v["hi"] else f'{v["lo"]}/{v["hi"]}') for v in votes]


#: Zoom of the map a place link opens (1 = the whole world).
PLACE_MAP_ZOOM = 4


def _text(span: dict[str, Any] | None) -> str | None:
    return span["text"] if span else None


def claim_event_refs(store: Store, claims: list[dict[str, Any]]) -> dict[str, ClaimEventRef]:
    """Mention id → ``ClaimEventRef`` for every event mention these claims report."""
    found = events_of_mentions(store, [m for c in claims for m in c.get("events") or []])
    return {m: ClaimEventRef(m, r["type"], r["mode"], r["trigger"], r["event"],
                             urls.event(r["event"]) if r["event"] else None) for m, r in found.items()}


def claim_row(c: dict[str, Any], lookup: MentionLookup,
              events: dict[str, ClaimEventRef] | None = None) -> ClaimRow:
    """A stored claim record as a row; ``events`` (from ``claim_event_refs``) fills the
    events it reports (none without it).  The speaker is shown as the export names it
    (``MentionLookup.confirmed_ref``)."""
    ref = lookup.confirmed_ref(c)
    own = filled(Claim, c, field_names(Claim, omit=CLAIM_NOT_SHOWN))
    own.update({name: _text(c.get(name)) for name in _CLAIM_SPANS})
    own.update(sentence=c["sentence"]["text"].strip(),
               events=[events[m] for m in c.get("events") or [] if events and m in events])
    return ClaimRow(
        **own, start=c["content"]["start"], end=c["content"]["end"], text=c["content"]["text"],
        speaker_text=ref["text"] if ref else own["speaker"], url=urls.claim(c["doc"], c["id"]))


def _place_rows(places: list[dict[str, Any]]) -> list[PlaceRow]:
    groups: dict[Any, list[dict[str, Any]]] = {}
    for p in places:
        role = p.get("role") or "place"
        groups.setdefault((role, p["geonameid"]) if p.get("geonameid") is not None else ("?", p["text"]),
                          []).append(p)
    rows = []
    for _key, ps in groups.items():
        p = ps[0]
        gid = p.get("geonameid")
        located = gid is not None and p.get("lat") is not None
        rows.append(PlaceRow(
            **{**filled(PlaceMention, p, PLACE_SHOWN), "role": p.get("role") or "place"},
            forms=sorted({x["text"] for x in ps}), count=len(ps),
            map_url=urls.map_view(focus=gid, zoom=PLACE_MAP_ZOOM) if located else None,
            place_url=urls.place(gid) if gid is not None else None))
    return sorted(rows, key=lambda r: (r.geonameid is None, -r.count, r.name or r.forms[0]))


#: Characters of context shown on each side of a signal's evidence span in the panel.
EVIDENCE_CONTEXT = 80
#: Words a text-fragment link quotes at each end of a long evidence span.
FRAGMENT_WORDS = 6


def text_fragment(text: str, start: int, end: int) -> str | None:
    """A ``#:~:text=`` link (scroll-to-text fragment) to ``text[start:end]`` in the page: the
    browser scrolls to the span and highlights it, with no script. Long spans are quoted by
    their first and last words. None when the span holds no word."""
    words = text[start:end].split()
    if not words:
        return None

    def enc(ws: list[str]) -> str:
        return quote(" ".join(ws), safe="").replace("-", "%2D")

    if len(words) <= 2 * FRAGMENT_WORDS:
        return f"#:~:text={enc(words)}"
    return f"#:~:text={enc(words[:FRAGMENT_WORDS])},{enc(words[-FRAGMENT_WORDS:])}"


EvidenceView = project(
    "EvidenceView", EvidenceSpan, extra=[("before", str), ("after", str), ("fragment", str | None)],
    doc="A signal's evidence span (``EvidenceSpan``) in its context: ``before`` + ``text`` (marked) + "
        "``after``; ``fragment`` a link to the span in the article text.")

#: One signal of the article (``Signal``, its subject left out): ``flagged`` is a cue to look
#: here, never a verdict on the article; ``value_text`` the value as shown, ``measured`` whether
#: there is one.
SIGNAL_NOT_SHOWN = ("subject", "subject_kind")
SignalRow = project("SignalRow", Signal, omit=SIGNAL_NOT_SHOWN, types={"evidence": list[EvidenceView]},
                    extra=[("value_text", str), ("measured", bool)])


def _value_text(v: float | None) -> str:
    if v is None:
        return "not measured"
    return str(int(v)) if float(v).is_integer() and abs(v) > 1 else f"{v:.2f}"


def _evidence_view(text: str, ev: dict[str, Any]) -> EvidenceView:
    s, e = max(0, int(ev["start"])), min(len(text), int(ev["end"]))
    b0 = max(0, s - EVIDENCE_CONTEXT)
    a1 = min(len(text), e + EVIDENCE_CONTEXT)
    # Cut the context at whitespace so no word is halved.
    if b0 > 0 and (sp := text.find(" ", b0, s)) != -1:
        b0 = sp + 1
    if a1 < len(text) and (sp := text.rfind(" ", e, a1)) != -1:
        a1 = sp
    pre, post = text[b0:s], text[e:a1]
    before = ("… " if b0 > 0 else "") + " ".join(pre.split()) + (" " if pre[-1:].isspace() else "")
    after = (" " if post[:1].isspace() else "") + " ".join(post.split()) + (" …" if a1 < len(text) else "")
    return EvidenceView(start=s, end=e, text=text[s:e], note=ev.get("note", ""), before=before, after=after,
                        fragment=text_fragment(text, s, e))


def signal_rows(text: str, signals: list[dict[str, Any]]) -> list[SignalRow]:
    """The stored signals of a document, cues first, then measured ones, then by name."""
    rows = [SignalRow(**{**filled(Signal, s, field_names(Signal, omit=SIGNAL_NOT_SHOWN)),
                         "flagged": bool(s.get("flagged")), "details": s.get("details") or {},
                         "evidence": [_evidence_view(text, ev) for ev in s.get("evidence") or []]},
                      value_text=_value_text(s.get("value")), measured=s.get("value") is not None)
            for s in signals]
    return sorted(rows, key=lambda r: (not r.flagged, not r.measured, r.name))


@dataclass(slots=True)
class DocLinkRow:
    """A link of this document to another: ``role`` is ``earlier`` when this one is ``a``."""

    kind: str
    score: float
    role: str
    other: str
    other_title: str | None
    other_publisher: str | None
    other_published: str | None
    other_url: str
    url: str  # the side-by-side evidence
    other_language: str | None = None
    other_language_name: str = "unknown"


@dataclass(slots=True)
class StoryRef:
    id: str
    label: str
    size: int
    start: str | None
    end: str | None
    url: str


#: Everything the article view shows: every field of the ``Document`` (its metadata, clean
#: text and removed blocks), then what the store and the other stages add. ``paragraphs`` is
#: ``text`` cut into marked segments; ``link`` is ``url`` when it is safe to link (http/https),
#: else None; ``mention_entities`` maps ``"start-end"`` of each mention to its resolved entity id
#: (the text's links); ``referring`` counts linked pronouns and descriptions by kind (the text
#: marks them; the view's toggles); ``event_groups`` is ``events`` by type, most mentioned first
#: (the page's panel; the sentence is in the text).
DocumentContext = project("DocumentContext", Document, extra=[
    ("link", str | None), ("annotated", bool), ("annotate_reason", str | None), ("model", str | None),
    ("ingested_at", str), ("raw_size", int), ("chars", int), ("sentences", int),
    ("paragraphs", list[list[Piece]]), ("mentions", list[dict[str, Any]]), ("entities", list[EntityRow]),
    ("legend", list[LegendItem]), ("removed_kinds", list[KindCount]), ("raw_url", str), ("api_url", str),
    ("date", DocumentDateView), ("claims", list[ClaimRow]), ("times", list[TimeRow]),
    ("places", list[PlaceRow]), ("claims_url", str), ("mention_entities", dict[str, str]),
    ("referring", dict[str, int]), ("events", list[DocEventRow]), ("event_groups", list[EventGroup]),
    ("events_url", str), ("signals", list[SignalRow]), ("links", list[DocLinkRow]), ("links_url", str),
    ("story", StoryRef | None),
    # The title cut at the names it holds, each linked to its entity (the headline's mentions).
    ("title_pieces", list[TitlePiece], field(default_factory=list)),
    # What was and was not read of an article not in English (None: an annotated English one).
    ("language_name", str, field(default="unknown")), ("reading", ReadingNote | None, field(default=None))])


def _order(label: str) -> int:
    return ENTITY_TYPES.index(label) if label in ENTITY_TYPES else len(ENTITY_TYPES)


def referring_marks(store: Store, doc_id: str) -> list[dict[str, Any]]:
    """The document's linked pronouns and descriptions as marks over the text: typed as
    their entity, with the entity, kind and rule in the tooltip (shown on a toggle)."""
    return [{"start": m["start"], "end": m["end"], "label": m["entity_type"] or m["label"], "kind": m["kind"],
             "text": f"{m['text']} → {m['entity_name']} ({m['kind']}, {m['rule'] or 'linked'})"}
            for m in referring_mentions(store, doc_id)]


def document_view(store: Store, doc_id: str) -> DocumentContext | None:
    d = store.document(doc_id)
    if d is None:
        return None
    mentions = d["mentions"]
    links = document_entity_links(store, doc_id)
    for m in mentions:
        ent = links.get((m["start"], m["end"]))
        m["entity"] = ent["id"] if ent else None
    first_entity: dict[tuple[str, str], str] = {}
    for m in mentions:
        if m["entity"]:
            first_entity.setdefault((m["text"], m["label"]), m["entity"])
    labels = Counter(m["label"] for m in mentions)
    names = Counter((m["text"], m["label"]) for m in mentions)
    title_marks = document_title_entities(store, doc_id)
    in_title = {m["id"] for m in title_marks}
    # An entity only the title names is listed with the text's, counted 0 in the text.
    text_entities = set(first_entity.values())
    for m in title_marks:
        if m["id"] not in text_entities and (m["name"], m["type"]) not in names:
            names[(m["name"], m["type"])] += 0
            first_entity.setdefault((m["name"], m["type"]), m["id"])
            text_entities.add(m["id"])
    url = d.get("url")
    facts = store.facts(doc_id)
    dated = document_date(store, doc_id) or {"value": d["published"], "inferred": False, "rule": None}
    referring = referring_marks(store, doc_id)
    doc_events = document_events(store, doc_id)
    layers = TextLayers([*mentions, *referring], facts["claims"], facts["times"], facts["places"], doc_events)
    event_rows = [DocEventRow(ev["event"], ev["mention"], ev["type"], ev["mode"], ev["trigger"]["text"],
                              ev["sentence"]["text"].strip(), ev["sources"],
                              [f for f, on in ev["flags"].items() if on], urls.event(ev["event"]),
                              ev["publishers"], ev["sentence"]["start"], ev["sentence"]["end"])
                  for ev in doc_events]
    claim_refs = claim_event_refs(store, facts["claims"])
    lookup = MentionLookup(store)
    own = filled(Document, d, field_names(Document))  # the record's fields, as stored
    own["removed"] = [RemovedBlock(**b) for b in d["removed"]]
    return DocumentContext(
        **own, link=url if isinstance(url, str) and url.lower().startswith(("http://", "https://")) else None,
        annotated=d["annotated"], annotate_reason=d["annotate_reason"],
        model=d["model"], ingested_at=d["ingested_at"], raw_size=d["raw_size"], chars=len(d["text"]),
        sentences=len(d["sentences"]),
        paragraphs=overlay_paragraphs(d["text"], layers), mentions=mentions,
        referring=dict(Counter(m["kind"] for m in referring)),
        entities=[EntityRow(name, label, n, urls.search(f'"{name}"'), first_entity.get((name, label)),
                            urls.entity(first_entity[(name, label)])
                            if (name, label) in first_entity else None,
                            first_entity.get((name, label)) in in_title)
                  for (name, label), n in sorted(names.items(),
                                                 key=lambda kv: (_order(kv[0][1]), -kv[1], kv[0][0]))],
        legend=[LegendItem(label, n, LABEL_DESCRIPTIONS.get(label, label))
                for label, n in sorted(labels.items(), key=lambda kv: (_order(kv[0]), kv[0]))],
        removed_kinds=[KindCount(k, n) for k, n in Counter(b["kind"] for b in d["removed"]).most_common()],
        raw_url=urls.raw(d["id"]), api_url=urls.api_document(d["id"]),
        date=DocumentDateView(value=dated["value"], inferred=dated["inferred"], rule=dated["rule"],
                              precision=d["provenance"].get("published_precision") or None,
                              evidence=_date_evidence(d["provenance"]),
                              conflict=d["provenance"].get("published_conflict")),
        claims=[claim_row(c, lookup, claim_refs) for c in facts["claims"]],
        times=[TimeRow(**{**filled(TimeExpression, t, TIME_SHOWN),
                          "anchored_to": t.get("anchored_to", "none")}) for t in facts["times"]],
        places=_place_rows(facts["places"]),
        claims_url=urls.claims(doc=d["id"]),
        mention_entities={f"{s}-{e}": ent["id"] for (s, e), ent in links.items()},
        title_pieces=title_pieces(d["title"], title_marks),
        events=event_rows, event_groups=event_groups(event_rows),
        events_url=urls.events(doc=d["id"]),
        signals=signal_rows(d["text"], document_signals(store, doc_id)),
        links=[_link_row(r) for r in document_links(store, doc_id)],
        links_url=urls.links(doc=d["id"]),
        story=_story_ref(document_story(store, doc_id)),
        language_name=language_name(d["language"]),
        reading=reading_note(d["language"], d["annotated"], d["annotate_reason"], d["model"], {
            "names": len(mentions), "dates": len(facts["times"]), "places": len(facts["places"]),
            "claims": len(facts["claims"]), "events": len(doc_events)}),
    )


def event_groups(rows: list[DocEventRow]) -> list[EventGroup]:
    """Event mentions by type, the most mentioned type first, each in text order."""
    groups: dict[str, list[DocEventRow]] = {}
    for r in rows:
        groups.setdefault(r.type, []).append(r)
    return [EventGroup(t, evs) for t, evs in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))]


def _link_row(r: dict[str, Any]) -> DocLinkRow:
    other = r["b_doc"] if r["role"] == "earlier" else r["a_doc"]
    return DocLinkRow(r["kind"], r["score"], r["role"], r["other"], other["title"], other["publisher"],
                      other["published"], urls.document(r["other"]), urls.link(r["a"], r["b"]),
                      other.get("language"), language_name(other.get("language")))


def _story_ref(st: dict[str, Any] | None) -> StoryRef | None:
    if st is None:
        return None
    return StoryRef(st["id"], st["label"] or "(untitled)", st["size"], st["start"], st["end"],
                    urls.story(st["id"]))
