"""Certainty of a claim: asserted, hedged (with the hedge cue) or denied.

Owns ``certainty(cue_lemma, cue_token, content_tokens)``. Denied: the cue is a
denial ("denied", "rejected", "dismissed"), or the cue is negated ("have not
reported", "did not say", "never claimed", "has yet to confirm", "no one said":
``polarity``) — the speaker did not say the content, so it is never asserted; the
span returned is the negation. A negated denial ("did not deny") is hedged: the
speaker neither asserts nor rejects the content; so is "would not rule out", which
leaves the content possible.
Hedged: the cue distances ("claimed", "alleged", "suggested"), or the cue or the
content carries a possibility modal or an epistemic word ("may", "could",
"appear to", "allegedly", "reportedly"). Tables in ``cues``.
"""

from __future__ import annotations

from typing import Any

from newsgraph.extract.claims.cues import DENIAL_VERBS, HEDGE_ADVERBS, HEDGE_MODALS, HEDGE_VERBS
from newsgraph.extract.claims.polarity import leaves_open, negation
from newsgraph.model.claims import ClaimSpan

__all__ = ["certainty"]


def _span(tok: Any) -> ClaimSpan:
    return ClaimSpan(tok.idx, tok.idx + len(tok.text), tok.text)


def _spans(toks: list[Any]) -> ClaimSpan:
    first, last = toks[0], toks[-1]
    start, end = first.idx, last.idx + len(last.text)
    return ClaimSpan(start, end, first.doc.text[start:end])


def certainty(cue_lemma: str, cue_tok: Any, content: list[Any]) -> tuple[str, ClaimSpan | None]:
    """``(certainty, hedge span)`` of a claim from its cue and content tokens."""
    negators = negation(cue_tok)
    if negators:
        # the first negator alone when they are apart ("No one … nor"), else the phrase
        neg = _spans(negators) if negators[-1].i - negators[0].i < 3 else _spans(negators[:1])
        # "did not deny" neither asserts nor rejects; "would not rule out" leaves it possible
        return ("hedged" if cue_lemma in DENIAL_VERBS or leaves_open(cue_tok) else "denied"), neg
    if cue_lemma in DENIAL_VERBS:
        return "denied", _span(cue_tok) if cue_tok is not None else None
    if cue_tok is not None:
        for c in cue_tok.children:
            if c.dep_ == "aux" and c.lower_ in HEDGE_MODALS:
                return "hedged", _span(c)
            if c.dep_ == "advmod" and c.lower_ in HEDGE_ADVERBS:
                return "hedged", _span(c)
    if cue_lemma in HEDGE_VERBS and cue_tok is not None:
        return "hedged", _span(cue_tok)
    for t in content:
        if t.tag_ == "MD" and t.lower_ in HEDGE_MODALS and t.lower_ != "can":
            return "hedged", _span(t)
        if t.lemma_.lower() in HEDGE_ADVERBS:
            return "hedged", _span(t)
    return "asserted", None
