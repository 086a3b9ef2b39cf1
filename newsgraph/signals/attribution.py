"""Attribution profile: who the article's claims come from, and how firmly stated.

Takes the claims of extract/claims (``newsgraph.model.claims.Claim``: ``speaker``
span, ``speaker_kind`` in named/pronoun/role/anonymous/collective, ``speaker_ref``
when a pronoun or role resolved to a name, ``certainty``, ``content`` span). Plain
dicts with the same keys, or flat ``speaker_text``/``start``/``end`` keys, work too,
so the signal can be fed from a store or a test.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from newsgraph.model.document import AnnotatedDocument, Document
from newsgraph.model.stories import EvidenceSpan, Signal
from newsgraph.signals import settings as S
from newsgraph.signals._common import field_of, split_doc

__all__ = ["attribution", "speaker_kind"]


def _speaker_text(claim: Any) -> str:
    sp = field_of(claim, "speaker")
    if sp is not None and not isinstance(sp, str):
        return str(field_of(sp, "text") or "")
    return str(field_of(claim, "speaker_text") or "")


def speaker_kind(claim: Any) -> str:
    """``named``, ``anonymous``, ``role``, ``collective``, ``unresolved`` (a pronoun) or ``none``.

    A pronoun or role description that the claims stage resolved to a name counts as named.
    """
    kind = field_of(claim, "speaker_kind")
    if kind:
        if kind in ("pronoun", "role") and field_of(claim, "speaker_ref") is not None:
            return "named"
        return {"pronoun": "unresolved", "unnamed": "anonymous", "unknown": "anonymous"}.get(kind, kind)
    text = _speaker_text(claim).strip()
    if not text:
        return "none"
    low = text.lower()
    words = text.split()
    if any(low.endswith(a) or f"{a} " in low for a in S.ANONYMOUS_SPEAKERS) and not any(
            w[:1].isupper() for w in words[1:]):
        return "anonymous"
    return "named" if any(w[:1].isupper() for w in words) and words[0].lower() not in ("a", "an", "the") \
        else "role"


def _hedged(claim: Any) -> bool:
    c = field_of(claim, "certainty")
    if isinstance(c, (int, float)):
        return c < 1.0
    return str(c or "").lower() in S.HEDGED_CERTAINTY


def _span(claim: Any) -> tuple[int, int] | None:
    content = field_of(claim, "content")
    s = field_of(content, "start") if content is not None else field_of(claim, "start")
    e = field_of(content, "end") if content is not None else field_of(claim, "end")
    return (s, e) if isinstance(s, int) and isinstance(e, int) else None


def attribution(doc: Document | AnnotatedDocument, claims: Iterable[Any] | None) -> Signal:
    """Share of attributed claims whose speaker is named; details count the other kinds and hedging."""
    d, _ = split_doc(doc)
    if claims is None:
        return Signal(d.id, "attribution", None, "Not measured: no claims given.")
    cl = list(claims)
    kinds = [speaker_kind(c) for c in cl]
    counts = Counter(kinds)
    hedged = sum(1 for c in cl if _hedged(c))
    attributed = sum(v for k, v in counts.items() if k != "none")
    share = counts["named"] / attributed if attributed else None
    ev = []
    for c, k in zip(cl, kinds, strict=True):
        span = _span(c)
        if span and k == "anonymous":
            ev.append(EvidenceSpan(*span, d.text[span[0]:span[1]], f"anonymous source: {_speaker_text(c)}"))
        elif span and _hedged(c):
            ev.append(EvidenceSpan(*span, d.text[span[0]:span[1]], f"hedged ({field_of(c, 'certainty')})"))
    parts = ", ".join(f"{v} {k}" for k, v in counts.most_common())
    expl = f"{len(cl)} claim(s) by speaker: {parts or 'none'}; {hedged} hedged."
    return Signal(d.id, "attribution", None if share is None else round(share, 3), expl, ev,
                  details={"claims": len(cl), **{k: v for k, v in counts.items()}, "named": counts["named"],
                           "anonymous": counts["anonymous"], "hedged": hedged,
                           "hedged_share": round(hedged / len(cl), 3) if cl else None})
