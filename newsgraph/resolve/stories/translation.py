"""Translations and retellings: the same facts in different words.

A machine translation or a rewrite of another outlet's article shares little wording
(no verbatim passages, few word-for-word swaps) but keeps its skeleton: the same
numbers, names, dates and quoted statements, sentence after sentence. Without an
offline translation model we measure exactly that skeleton: shared numbers, entity
keys and quotations (quotes fuzzily, since a translated quote is reworded), plus
the share of sentences that align by meaning (embedding cosine). Independent
reports of one event share facts too, but not a sentence-by-sentence alignment.
"""

from __future__ import annotations

from bisect import bisect_left

import numpy as np
from rapidfuzz import fuzz

from newsgraph.model.stories import AlignedPassage, Link
from newsgraph.resolve.stories import settings as S
from newsgraph.resolve.stories._text import DocView, numbers, quotes
from newsgraph.resolve.stories.spin import align_sentences

__all__ = ["compare_translation", "shared_facts"]

#: Two quotations are the same statement when their token-set similarity reaches this
#: (rapidfuzz 0–100): reworded translations keep most content words.
QUOTE_MATCH = 70


def shared_facts(a: DocView, b: DocView) -> tuple[list[AlignedPassage], int, int]:
    """Numbers, quotations and entities found in both documents.

    Returns ``(evidence, shared count, facts of the smaller side)``.
    """
    ev: list[AlignedPassage] = []
    na: dict[str, tuple[int, int]] = {}
    for s, e, v in numbers(a.text):
        na.setdefault(v, (s, e))
    nb: dict[str, tuple[int, int]] = {}
    for s, e, v in numbers(b.text):
        nb.setdefault(v, (s, e))
    for v in sorted(na.keys() & nb.keys(), key=na.__getitem__):  # text order, not hash order
        ev.append(AlignedPassage(*na[v], *nb[v], "number"))
    qa, qb = quotes(a.text), quotes(b.text)
    used: set[int] = set()
    for s, e, q in qa:
        for k, (s2, e2, q2) in enumerate(qb):
            if k not in used and fuzz.token_set_ratio(q, q2) >= QUOTE_MATCH:
                used.add(k)
                ev.append(AlignedPassage(s, e, s2, e2, "quote", fuzz.token_set_ratio(q, q2) / 100))
                break
    shared_ents = a.entities & b.entities
    n_shared = len(na.keys() & nb.keys()) + len(used) + len(shared_ents)
    n_small = min(len(na) + len(qa) + len(a.entities), len(nb) + len(qb) + len(b.entities))
    return ev, n_shared, n_small


def _in_order(seq: list[int]) -> int:
    """Length of the longest increasing subsequence (patience sorting)."""
    tails: list[int] = []
    for x in seq:
        k = bisect_left(tails, x)
        if k == len(tails):
            tails.append(x)
        else:
            tails[k] = x
    return len(tails)


def compare_translation(a: DocView, b: DocView, ea: np.ndarray, eb: np.ndarray) -> Link | None:
    """A ``translation`` link (translation or retelling) between two documents, or None."""
    aligned = align_sentences(ea, eb, S.TRANSLATION_SENTENCE_COSINE)
    shorter = min(len(a.sentences), len(b.sentences)) or 1
    share = len(aligned) / shorter
    if share < S.TRANSLATION_MIN_ALIGNED_SHARE:
        return None
    order = _in_order([j for _, j, _ in aligned]) / len(aligned)
    if order < S.TRANSLATION_MIN_IN_ORDER:
        return None
    facts, n_shared, n_small = shared_facts(a, b)
    overlap = n_shared / n_small if n_small else 0.0
    features = {"aligned_share": round(share, 3), "in_order": round(order, 3),
                "shared_facts": float(n_shared), "fact_overlap": round(overlap, 3)}
    if n_shared < S.TRANSLATION_MIN_SHARED_FACTS or overlap < S.TRANSLATION_MIN_FACT_OVERLAP:
        return None
    ev = [AlignedPassage(*a.sentences[i], *b.sentences[j], "aligned", round(c, 3)) for i, j, c in aligned]
    score = round(min(1.0, share) * 0.5 + min(1.0, overlap) * 0.5, 3)
    return Link(a.id, b.id, "translation", score, ev + facts, features)
