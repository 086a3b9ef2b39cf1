"""Republication: the article credits another outlet, or copies an earlier article.

Two independent cues: the clean stage's ``attributed_to`` ("Source: X", "X reports:"),
and a ``duplicate``/``copy``/``spin``/``translation`` link from resolve/stories in
which this document is the later one (``b``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsgraph.model.document import AnnotatedDocument, Document
from newsgraph.model.stories import REPEAT_KINDS, EvidenceSpan, Link, Signal
from newsgraph.signals._common import split_doc

__all__ = ["REPUBLISHING_KINDS", "republication"]

REPUBLISHING_KINDS = REPEAT_KINDS


def republication(doc: Document | AnnotatedDocument, links: Iterable[Link] | None = None) -> Signal:
    """1.0 when the article credits another outlet or copies an earlier one, else 0.0."""
    d, _ = split_doc(doc)
    ev: list[EvidenceSpan] = []
    for outlet in d.attributed_to:
        for m in re.finditer(re.escape(outlet), d.text):
            ev.append(EvidenceSpan(m.start(), m.end(), m.group(), f"credits {outlet}"))
            break
    copied = [lk for lk in (links or []) if lk.b == d.id and lk.kind in REPUBLISHING_KINDS]
    for lk in copied:
        for p in lk.evidence[:3]:
            ev.append(EvidenceSpan(p.b_start, p.b_end, d.text[p.b_start:p.b_end][:300],
                                   f"{lk.kind} of {lk.a}"))
    parts = []
    if d.attributed_to:
        parts.append("credits " + ", ".join(d.attributed_to) + " as its source")
    if copied:
        parts.append("is a " + ", ".join(sorted({f"{lk.kind} of {lk.a}" for lk in copied})))
    flagged = bool(parts)
    expl = ("The article " + " and ".join(parts) + ".") if parts else \
        "No credited source and no earlier copy found."
    return Signal(d.id, "republication", 1.0 if flagged else 0.0, expl, ev, flagged=flagged,
                  details={"credits": list(d.attributed_to), "copy_of": [lk.a for lk in copied]})
