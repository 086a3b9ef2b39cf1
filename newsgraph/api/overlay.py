"""Cut article text into pieces carrying every layer of annotation that covers them.

``highlight.mark_paragraphs`` marks one layer (entity mentions) and drops overlaps.
The article view shows several layers that overlap and nest freely — a claim's
content holds mentions and time expressions, its speaker is a mention, a place is
a mention — so here the text is cut at *every* span boundary: inside one piece the
set of covering spans is constant. Each piece then renders as its own properly
nested elements (outer ``<span>`` for claim/time/place, inner ``<mark>`` for the
mention), so any overlap gives valid HTML, and a span cut into several pieces
reads as one because the pieces are adjacent. No HTML is built here: pieces are
plain strings the template autoescapes.

Where layers of one kind overlap each other (two mentions), the innermost (shortest)
span wins for that piece; claims never compete, a piece lists every claim covering it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from newsgraph.api.highlight import _paragraph_spans

__all__ = ["Piece", "TextLayers", "overlay_paragraphs"]


@dataclass(slots=True)
class _Span:
    start: int
    end: int
    kind: str  # mention, content, speaker, cue, time, place, event (an event mention's sentence)
    key: str  # claim id, label…
    title: str = ""
    tag: str | None = None  # small label shown after the span's end (a time's value)
    extra: tuple[int, int] | None = None  # the whole mention's offsets
    mention_kind: str = "name"  # name, description or pronoun


@dataclass(slots=True)
class Piece:
    """A stretch of one paragraph with what covers it.

    ``label``/``mention_start``/``mention_end``/``mention``: the entity mention (whole
    mention's offsets and text); ``claims``: ids of claims whose content covers it;
    ``speaker_of``/``cue_of``: claims whose speaker/cue it is part of; ``time``/``place``:
    the tooltip of a time expression / resolved place covering it; ``anchors``: claims
    whose content starts here; ``tags``: small labels shown right after the piece;
    ``mention_kind``: ``name``, or ``description`` / ``pronoun`` for a mention linked by
    ``resolve/entities/referring`` (the article view shows those on a toggle);
    ``events``: event mentions whose sentence covers it (``event_anchors``: those whose
    sentence starts here), so the side panel can point at the sentence instead of repeating it.
    """

    text: str
    start: int
    end: int
    label: str | None = None
    mention_start: int | None = None
    mention_end: int | None = None
    mention: str | None = None
    claims: list[str] = field(default_factory=list)
    speaker_of: list[str] = field(default_factory=list)
    cue_of: list[str] = field(default_factory=list)
    time: str | None = None
    place: str | None = None
    anchors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    mention_kind: str = "name"
    events: list[str] = field(default_factory=list)
    event_anchors: list[str] = field(default_factory=list)

    @property
    def layered(self) -> bool:
        return bool(self.claims or self.speaker_of or self.cue_of or self.time or self.place or self.events)


@dataclass(slots=True)
class TextLayers:
    """The spans to lay over a text, as the store returns them."""

    mentions: Iterable[Mapping[str, Any]] = ()
    claims: Iterable[Mapping[str, Any]] = ()  # Claim records
    times: Iterable[Mapping[str, Any]] = ()  # TimeExpression records
    places: Iterable[Mapping[str, Any]] = ()  # PlaceMention records
    events: Iterable[Mapping[str, Any]] = ()  # event mentions: ``{mention, sentence: {start, end}}``


def time_title(t: Mapping[str, Any]) -> str:
    value = t.get("value") or "not normalised"
    anchored = f"anchored: {t.get('anchored_to')}" if t.get("anchored_to") else None
    bits = [b for b in (t.get("precision"), anchored) if b]
    return f"{t.get('text')} = {value}" + (f" ({', '.join(bits)})" if bits else "")


def place_title(p: Mapping[str, Any]) -> str:
    if p.get("geonameid") is None:
        why = f" ({p['reason']})" if p.get("reason") else ""
        return f"{p.get('text')}: place not resolved{why}"
    if p.get("role") == "government":
        return f"{p.get('text')} → the government of {p.get('name')} (not a place)"
    where = ", ".join(x for x in (p.get("name"), p.get("country")) if x)
    return f"{p.get('text')} → {where} ({p.get('lat'):.3f}, {p.get('lon'):.3f})" if p.get("lat") is not None \
        else f"{p.get('text')} → {where}"


def _spans(layers: TextLayers, n: int) -> list[_Span]:
    out: list[_Span] = []

    def add(start: Any, end: Any, *args: Any, **kw: Any) -> None:
        s, e = max(0, int(start)), min(n, int(end))
        if s < e:
            out.append(_Span(s, e, *args, **kw))

    for m in layers.mentions:
        add(m["start"], m["end"], "mention", str(m["label"]), str(m.get("text") or ""),
            extra=(int(m["start"]), int(m["end"])), mention_kind=str(m.get("kind") or "name"))
    for c in layers.claims:
        add(c["content"]["start"], c["content"]["end"], "content", c["id"])
        if c.get("speaker"):
            add(c["speaker"]["start"], c["speaker"]["end"], "speaker", c["id"])
        if c.get("cue"):
            add(c["cue"]["start"], c["cue"]["end"], "cue", c["id"])
    for t in layers.times:
        add(t["start"], t["end"], "time", "time", time_title(t), tag=t.get("value") or None)
    for p in layers.places:
        add(p["start"], p["end"], "place", "place", place_title(p))
    for ev in layers.events:
        add(ev["sentence"]["start"], ev["sentence"]["end"], "event", str(ev["mention"]))
    return out


def _innermost(spans: list[_Span]) -> _Span | None:
    return min(spans, key=lambda s: (s.end - s.start, s.start)) if spans else None


def overlay_paragraphs(text: str, layers: TextLayers) -> list[list[Piece]]:
    """Paragraphs of pieces; every character of each paragraph is in exactly one piece."""
    spans = sorted(_spans(layers, len(text)), key=lambda s: (s.start, -s.end))
    paragraphs: list[list[Piece]] = []
    for p_start, p_end in _paragraph_spans(text):
        inside = [s for s in spans if s.start < p_end and s.end > p_start]
        cuts = sorted({p_start, p_end} | {x for s in inside for x in (s.start, s.end) if p_start < x < p_end})
        pieces: list[Piece] = []
        for a, b in itertools.pairwise(cuts):
            cover = [s for s in inside if s.start <= a and s.end >= b]
            piece = Piece(text[a:b], a, b)
            mention = _innermost([s for s in cover if s.kind == "mention"])
            if mention is not None and mention.extra is not None:
                piece.label = mention.key
                piece.mention_start, piece.mention_end = mention.extra
                piece.mention = mention.title or text[mention.start:mention.end]
                piece.mention_kind = mention.mention_kind
            piece.claims = [s.key for s in cover if s.kind == "content"]
            piece.speaker_of = [s.key for s in cover if s.kind == "speaker"]
            piece.cue_of = [s.key for s in cover if s.kind == "cue"]
            time = _innermost([s for s in cover if s.kind == "time"])
            piece.time = time.title if time else None
            place = _innermost([s for s in cover if s.kind == "place"])
            piece.place = place.title if place else None
            piece.events = [s.key for s in cover if s.kind == "event"]
            pieces.append(piece)
        paragraphs.append(pieces)
    # A claim is anchored on its first piece, a time's value follows its last piece; a
    # span starting or ending in the blank between paragraphs lands on the nearest piece.
    flat = [pc for para in paragraphs for pc in para]
    for s in spans:
        if s.kind == "content":
            first = next((pc for pc in flat if pc.end > s.start), None)
            if first is not None and s.key not in first.anchors:
                first.anchors.append(s.key)
        elif s.kind == "event":
            first = next((pc for pc in flat if pc.end > s.start), None)
            if first is not None and s.key not in first.event_anchors:
                first.event_anchors.append(s.key)
        elif s.tag:
            last = next((pc for pc in reversed(flat) if pc.start < s.end), None)
            if last is not None:
                last.tags.append(s.tag)
    return paragraphs
