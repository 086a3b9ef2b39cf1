"""Polarity of an attribution: whether the parse says the cue was *not* said.

Owns ``negation(cue_tok)`` (the tokens that negate a cue verb) and
``negated_cue(cue_tok, negators)`` (the cue phrase an analyst should read, "have not
reported" rather than "reported"). Read off spaCy's dependency parse, never the
string, so "not" elsewhere in the sentence ("said the attack did not happen") leaves
the cue alone — that claim is asserted and its content says what did not happen.

A cue is negated by
- a ``neg`` child ("have not reported", "did not say", "never claimed", "n't"), but
  not "not only / not just" (which asserts and adds);
- a negative subject: a negative pronoun ("Nobody said", "None of them claimed") or a
  noun phrase with a negative determiner ("No official said", "Neither side said");
- "neither … nor" around the cue ("would neither confirm nor deny");
- a governor that entails its complement did not happen: the cue is the ``xcomp``
  of an implicative verb of negative entailment ("failed to mention", "declined to
  confirm": ``NEGATING_GOVERNORS``) or of "has / is yet to" ("has yet to confirm").
"""

from __future__ import annotations

from typing import Any

from newsgraph.extract.claims.cues import NEGATING_GOVERNORS, NEGATIVE_DETERMINERS, NEGATIVE_SUBJECTS

__all__ = ["governor_of", "leaves_open", "negated_cue", "negation"]

_SUBJ = ("nsubj", "nsubjpass", "csubj")
#: "not only said … but", "not just claimed": additive, not negative.
_ADDITIVE = frozenset({"only", "just", "merely", "simply"})
#: Dependents of a verb that may sit between a negation and the verb in its phrase.
_PHRASE_DEPS = frozenset({"aux", "auxpass", "neg", "advmod", "preconj"})


def _neg_children(tok: Any) -> list[Any]:
    out = []
    for c in tok.children:
        if c.dep_ != "neg":
            continue
        nxt = tok.doc[c.i + 1] if c.i + 1 < len(tok.doc) else None
        if c.lower_ == "not" and nxt is not None and nxt.lower_ in _ADDITIVE:
            continue
        out.append(c)
    return out


def governor_of(cue_tok: Any) -> tuple[Any, Any] | None:
    """``(governor, marker)`` when the cue is the complement of a negative-entailment verb.

    "declined to confirm" → (declined, declined); "has yet to confirm" → (has, yet).
    """
    if cue_tok.dep_ != "xcomp" or cue_tok.head.i == cue_tok.i:
        return None
    gov = cue_tok.head
    if gov.lemma_.lower() in NEGATING_GOVERNORS:
        return gov, gov
    if gov.lemma_.lower() in ("have", "be"):
        yet = next((c for c in gov.children if c.dep_ == "advmod" and c.lower_ == "yet"), None)
        if yet is not None:
            return gov, yet
    return None


def _negative_subject(verb: Any) -> Any:
    for c in verb.children:
        if c.dep_ not in _SUBJ:
            continue
        if c.lower_ in NEGATIVE_SUBJECTS and c.pos_ != "PROPN":
            return c
        det = next((d for d in c.children
                    if d.dep_ in ("det", "preconj") and d.lower_ in NEGATIVE_DETERMINERS), None)
        if det is not None:
            return det
    return None


def negation(cue_tok: Any) -> list[Any]:
    """The tokens that negate the cue verb ``cue_tok`` (empty when it is not negated)."""
    if cue_tok is None:
        return []
    found = _neg_children(cue_tok)
    found += [c for c in cue_tok.children if c.dep_ == "preconj" and c.lower_ == "neither"]
    found += [c for c in cue_tok.children if c.dep_ == "cc" and c.lower_ == "nor"]
    if cue_tok.dep_ == "conj":
        # "neither confirm nor deny": the parse hangs both marks on the first verb
        found += [c for c in cue_tok.head.children
                  if (c.dep_, c.lower_) in (("preconj", "neither"), ("cc", "nor"))]
    gov = governor_of(cue_tok)
    verb = cue_tok
    if gov is not None:
        found.append(gov[1])
        verb = gov[0]
        found += _neg_children(verb)
    subj = _negative_subject(verb)
    if subj is not None:
        found.append(subj)
    return sorted(found, key=lambda t: t.i)


def leaves_open(cue_tok: Any) -> bool:
    """A negated "rule out" / "count out" leaves the content possible: hedged, not denied."""
    return any(c.dep_ == "prt" and c.lower_ == "out" for c in cue_tok.children)


def negated_cue(cue_tok: Any, negators: list[Any]) -> tuple[int, int]:
    """Character span of the cue with its negation when they form one phrase.

    "have not reported", "never claimed", "has yet to confirm", "declined to say";
    a negative subject stays the speaker ("No one | said").
    """
    phrase = {cue_tok.i}
    phrase |= {c.i for c in cue_tok.children if c.dep_ in _PHRASE_DEPS and c.i < cue_tok.i}
    gov = governor_of(cue_tok)
    if gov is not None:
        phrase.add(gov[0].i)
        phrase |= {c.i for c in gov[0].children if c.dep_ in _PHRASE_DEPS and c.i < cue_tok.i}
    inner = [t.i for t in negators if t.dep_ not in _SUBJ and t.head.dep_ not in _SUBJ]
    start = cue_tok.i
    while start - 1 in phrase:
        start -= 1
    if not inner or min(inner) < start:
        return cue_tok.idx, cue_tok.idx + len(cue_tok.text)
    first = cue_tok.doc[start]
    return first.idx, cue_tok.idx + len(cue_tok.text)
