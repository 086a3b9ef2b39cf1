"""Boilerplate share: how much of the page the cleaner removed as chrome.

Computed from ``Document.removed`` (the blocks the clean stage dropped, with why), so
it measures the page as delivered: an aggregator's copy wrapped in share bars, ads
and comment forms scores high even when its body is a faithful copy.
"""

from __future__ import annotations

from collections import Counter

from newsgraph.model.document import AnnotatedDocument, Document
from newsgraph.model.stories import Signal
from newsgraph.signals import settings as S
from newsgraph.signals._common import split_doc

__all__ = ["boilerplate_share"]


def boilerplate_share(doc: Document | AnnotatedDocument) -> Signal:
    """Share of the page's characters that were removed as boilerplate."""
    d, _ = split_doc(doc)
    removed = sum(len(b.text) for b in d.removed)
    total = removed + len(d.text)
    share = removed / total if total else 0.0
    kinds = Counter(b.kind for b in d.removed)
    what = ", ".join(f"{n} {k}" for k, n in kinds.most_common()) or "nothing"
    return Signal(
        d.id, "boilerplate_share", round(share, 3),
        f"{share:.0%} of the page text was removed as boilerplate ({what}).",
        flagged=share >= S.BOILERPLATE_FLAG_SHARE,
        details={"removed_chars": removed, "body_chars": len(d.text), "blocks": dict(kinds),
                 "removed": [b.text[:200] for b in d.removed[:20]]},
    )
