"""Whole-document views of a spaCy ``Doc``, computed once per ``Doc``.

spaCy recomputes some views on every access: ``Doc.text`` joins every token,
``Doc.ents`` scans every token, ``Span.ents`` (so ``token.sent.ents``) scans the
document's entities. An extractor that reads one of them per trigger or per claim
is quadratic in the length of the document: issue 14 measured event extraction
at 0.3 / 1.25 / 4.7 / 23.7 s on 25k / 47k / 93k / 197k characters. These helpers
return the same values, computed once and kept in ``Doc.user_data`` (spaCy's slot
for such caches; ``per_document`` never ships it), so a lookup costs a slice or a
bisection. A ``Doc`` is not changed after annotation, so the caches never go stale.
"""

from __future__ import annotations

import bisect
from typing import Any

__all__ = ["doc_ents", "doc_text", "ent_at", "span_ents"]

_TEXT = "newsgraph.text"
_ENTS = "newsgraph.ents"


def doc_text(doc: Any) -> str:
    """``doc.text``, joined once."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def _ents(doc: Any) -> tuple[tuple[Any, ...], list[int]]:
    found = doc.user_data.get(_ENTS)
    if found is None:
        ents = tuple(doc.ents)
        found = doc.user_data[_ENTS] = (ents, [e.start for e in ents])
    return found


def doc_ents(doc: Any) -> tuple[Any, ...]:
    """``doc.ents``, scanned once."""
    return _ents(doc)[0]


def ent_at(tok: Any) -> Any | None:
    """The entity span holding ``tok`` (entities never overlap), or None."""
    ents, starts = _ents(tok.doc)
    i = bisect.bisect_right(starts, tok.i) - 1
    if i >= 0 and ents[i].start <= tok.i < ents[i].end:
        return ents[i]
    return None


def span_ents(span: Any) -> list[Any]:
    """``span.ents``: the entities wholly inside ``span``, as spaCy defines it (it stops at
    the first entity starting inside the span but ending after it)."""
    ents, starts = _ents(span.doc)
    out = []
    for j in range(bisect.bisect_left(starts, span.start), len(ents)):
        if ents[j].end > span.end:
            break
        out.append(ents[j])
    return out
