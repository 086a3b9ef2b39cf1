"""Cut article text into plain segments for the templates to mark up.

The pages never build HTML out of article text: these functions return
``(text, label)`` pieces and the Jinja template wraps each in ``<mark>`` with
autoescaping on, so every byte that came from an article is escaped exactly
once. Offsets are the store's: ``[start, end)`` into the clean text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["Segment", "SnippetPart", "mark_paragraphs", "snippet_parts", "snippet_text"]

# A run of line breaks ends a paragraph; the cleaner keeps one article paragraph per line.
_BREAK = re.compile(r"\s*\n\s*")

#: Markers the store's FTS5 ``snippet()`` puts around matched terms.
MATCH_START, MATCH_END = "\x02", "\x03"


@dataclass(slots=True)
class Segment:
    """A piece of one paragraph; ``label`` is set when it is (part of) an entity mention."""

    text: str
    start: int
    end: int
    label: str | None = None
    mention: str | None = None  # the whole mention's text, for the tooltip


@dataclass(slots=True)
class SnippetPart:
    text: str
    match: bool = False


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in _BREAK.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans


def _clean_mentions(mentions: Iterable[Mapping[str, Any]], n: int) -> list[tuple[int, int, str, str]]:
    """Mentions sorted, clipped to the text, overlaps dropped (the first one wins)."""
    out: list[tuple[int, int, str, str]] = []
    last_end = 0
    for m in sorted(mentions, key=lambda m: (m["start"], -m["end"])):
        start, end = max(0, int(m["start"])), min(n, int(m["end"]))
        if start >= end or start < last_end:
            continue
        out.append((start, end, str(m["label"]), str(m.get("text") or "")))
        last_end = end
    return out


def mark_paragraphs(text: str, mentions: Iterable[Mapping[str, Any]]) -> list[list[Segment]]:
    """Split ``text`` into paragraphs of segments, mentions as labelled segments.

    A mention that crosses a line break is marked on both sides of it.
    """
    marks = _clean_mentions(mentions, len(text))
    paragraphs: list[list[Segment]] = []
    i = 0  # index of the first mention that may still overlap the current paragraph
    for p_start, p_end in _paragraph_spans(text):
        segs: list[Segment] = []
        pos = p_start
        while i < len(marks) and marks[i][1] <= p_start:
            i += 1
        j = i
        while j < len(marks) and marks[j][0] < p_end:
            m_start, m_end, label, mtext = marks[j]
            s, e = max(m_start, p_start), min(m_end, p_end)
            if s > pos:
                segs.append(Segment(text[pos:s], pos, s))
            segs.append(Segment(text[s:e], s, e, label, mtext or text[m_start:m_end]))
            pos = e
            j += 1
        if pos < p_end:
            segs.append(Segment(text[pos:p_end], pos, p_end))
        paragraphs.append(segs)
    return paragraphs


def snippet_parts(snippet: str) -> list[SnippetPart]:
    """Split an FTS5 snippet on its match markers; stray markers are dropped."""
    parts: list[SnippetPart] = []
    match = False
    for piece in re.split(f"([{MATCH_START}{MATCH_END}])", snippet):
        if piece == MATCH_START:
            match = True
        elif piece == MATCH_END:
            match = False
        elif piece:
            parts.append(SnippetPart(piece, match))
    return parts


def snippet_text(snippet: str) -> str:
    return snippet.replace(MATCH_START, "").replace(MATCH_END, "")
