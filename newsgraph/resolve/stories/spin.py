"""Spins: the same article run through a word spinner — sentences kept, words swapped.

A spin keeps the copied sentence order and length but replaces words and short
phrases with (often wrong) synonyms, so shingle overlap collapses while meaning
similarity stays high. We align sentences by embedding cosine, keep pairs whose
words still match in order for a large share (an edited sentence, not a paraphrase),
and diff their words: each 1–3-word replacement is a swap. Swaps that WordNet
calls synonyms are the strongest evidence; without WordNet any swap counts.
"""

from __future__ import annotations

from difflib import SequenceMatcher

import numpy as np

from newsgraph.model.stories import AlignedPassage, Link
from newsgraph.nlp.wordnet import wordnet
from newsgraph.resolve.stories import settings as S
from newsgraph.resolve.stories._text import DocView, words_of

__all__ = ["align_sentences", "compare_spin", "sentence_swaps"]


def align_sentences(ea: np.ndarray, eb: np.ndarray, min_cos: float) -> list[tuple[int, int, float]]:
    """Greedy one-to-one alignment of sentences (rows of ``ea`` to rows of ``eb``) by cosine."""
    if not len(ea) or not len(eb):
        return []
    sims = ea @ eb.T
    pairs = np.argwhere(sims >= min_cos)
    order = sorted(((float(sims[i, j]), int(i), int(j)) for i, j in pairs), reverse=True)
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for s, i, j in order:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        out.append((i, j, s))
    return sorted(out)


def sentence_swaps(a_text: str, b_text: str) -> tuple[float, list[tuple[str, str, int, int, int, int]]]:
    """Word overlap of two sentences and their short substitutions.

    Returns ``(overlap, swaps)``; overlap is the share of words matched in order
    (Dice over words); each swap is ``(a words, b words, a_start, a_end, b_start,
    b_end)`` with offsets relative to the sentence.
    """
    wa, wb = words_of(a_text), words_of(b_text)
    if not wa or not wb:
        return 0.0, []
    sm = SequenceMatcher(None, [w.norm for w in wa], [w.norm for w in wb], autojunk=False)
    matched = sum(bl.size for bl in sm.get_matching_blocks())
    overlap = 2 * matched / (len(wa) + len(wb))
    swaps = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "replace" and i2 - i1 <= S.SPIN_MAX_SWAP_WORDS and j2 - j1 <= S.SPIN_MAX_SWAP_WORDS:
            a0, a1 = wa[i1].start, wa[i2 - 1].end
            b0, b1 = wb[j1].start, wb[j2 - 1].end
            swaps.append((a_text[a0:a1], b_text[b0:b1], a0, a1, b0, b1))
    return overlap, swaps


def _is_synonym_swap(a: str, b: str) -> bool | None:
    wn = wordnet()
    if wn is None:
        return None
    if wn.synonyms(a, b):
        return True
    # a one-word difference inside a two-word swap ("illegal drugs" → "illegal narcotics")
    ta, tb = a.split(), b.split()
    if len(ta) == len(tb) and len(ta) > 1:
        diff = [(x, y) for x, y in zip(ta, tb, strict=True) if x.lower() != y.lower()]
        return len(diff) == 1 and wn.synonyms(*diff[0])
    return False


def compare_spin(a: DocView, b: DocView, ea: np.ndarray, eb: np.ndarray) -> Link | None:
    """A ``spin`` link when enough sentences of ``a`` and ``b`` are the same sentence with swaps.

    ``ea``/``eb`` are unit sentence embeddings of ``a.sentences``/``b.sentences``.
    """
    at, bt = a.sentence_texts(), b.sentence_texts()
    evidence: list[AlignedPassage] = []
    n_swaps = n_syn = 0
    known_syn = False
    for i, j, cos in align_sentences(ea, eb, S.SPIN_SENTENCE_COSINE):
        overlap, swaps = sentence_swaps(at[i], bt[j])
        if overlap < S.SPIN_SENTENCE_MIN_OVERLAP or not swaps:
            continue
        syn = [_is_synonym_swap(x, y) for x, y, *_ in swaps]
        known_syn = known_syn or any(s is not None for s in syn)
        n_swaps += len(swaps)
        n_syn += sum(1 for s in syn if s)
        (a0, a1), (b0, b1) = a.sentences[i], b.sentences[j]
        evidence.append(AlignedPassage(a0, a1, b0, b1, "substituted", round(cos, 3),
                                       [(x, y) for x, y, *_ in swaps]))
    shorter = min(len(a.sentences), len(b.sentences)) or 1
    share = len(evidence) / shorter
    # With WordNet, demand synonym swaps (typo fixes and edits are swaps too);
    # without it, the swaps themselves are the evidence.
    syn_ok = n_syn >= 2 if known_syn else n_swaps >= 3
    features = {"aligned_share": round(share, 3), "swaps": float(n_swaps), "synonym_swaps": float(n_syn)}
    if share < S.SPIN_MIN_ALIGNED_SHARE or not syn_ok:
        return None
    score = min(1.0, share) * float(np.mean([p.score for p in evidence]))
    return Link(a.id, b.id, "spin", round(score, 3), evidence, features)
