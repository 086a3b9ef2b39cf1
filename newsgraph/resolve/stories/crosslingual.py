"""Translations across languages (and retellings within a non-English one).

Two documents are a translation pair when their sentences align by meaning *in
order* — one sentence after another, gaps allowed — for most of the shorter one,
and the facts a translator leaves alone (numbers, names written the same way,
quotations in aligned sentences) agree. Meaning comes from multilingual-e5-small
(``_embed.embed_multilingual``), which puts a French sentence and its English
translation close together; the alignment is a monotone dynamic programme over the
cosine matrix (the classic Gale–Church setting with embeddings for lengths). Two
independent articles on one event share names and numbers too, but not a
sentence-by-sentence alignment of most of their text.

Which side is the original is decided in ``original``.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np

from newsgraph.model.stories import AlignedPassage, Link
from newsgraph.resolve.stories import settings as S
from newsgraph.resolve.stories._text import DocView, any_quotes
from newsgraph.resolve.stories.original import original_side

__all__ = ["align_monotone", "compare_across", "name_keys", "number_keys"]

# A number as written in any of the Latin-script languages: 13 000 / 13,000 / 13.000,
# 2,6 / 2.6; the separators are decided in ``_number_key``.
_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:[  \u202f]\d{3})+(?![\d])|(?<![\w.,])\d+(?:[.,]\d+)*")
# Capitalised words (Latin with accents): names survive translation letter for letter
# far more often than common words do.
_CAPITAL = re.compile(r"\b[A-ZÀ-ÖØ-Þ][\w’'\-]{2,}")


def _number_key(raw: str) -> str:
    """One form for a number however its language writes it.

    A group of exactly three digits after a separator is a thousands group (13,000 /
    13.000 / 13 000 → 13000); any other separator is the decimal mark (2,6 / 2.6 →
    2.6). Ambiguous only for a decimal with three decimals, rare in news.
    """
    s = re.sub(r"[  \u202f]", "", raw)
    parts = re.split(r"[.,]", s)
    if len(parts) == 1:
        return s
    if all(len(p) == 3 for p in parts[1:]):
        return "".join(parts)
    return "".join(parts[:-1]) + "." + parts[-1]


def number_keys(text: str) -> dict[str, tuple[int, int]]:
    """Each number's language-independent key → its first span. Single digits and the
    numbers of list markers say nothing about a pair and are left out."""
    out: dict[str, tuple[int, int]] = {}
    for m in _NUMBER.finditer(text):
        key = _number_key(m.group())
        if len(key.replace(".", "")) < 2:
            continue
        out.setdefault(key, (m.start(), m.end()))
    return out


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_keys(text: str, sentences: list[tuple[int, int]]) -> dict[str, tuple[int, int]]:
    """Capitalised words not opening a sentence, folded (case and accents) → first span.

    A word that opens a sentence is capitalised in any language; the rest are mostly
    names, which a translation keeps (Sarkozy, Obama, Toyota)."""
    starts = {s for s, _ in sentences}
    out: dict[str, tuple[int, int]] = {}
    for m in _CAPITAL.finditer(text):
        if m.start() in starts or text[max(0, m.start() - 2):m.start()].strip()[-1:] in ("«", '"', "“", "„"):
            continue
        out.setdefault(_fold(m.group()), (m.start(), m.end()))
    return out


def margin_matrix(cos: np.ndarray, k: int) -> np.ndarray:
    """Ratio margin of each sentence pair (Artetxe & Schwenk 2019, bitext mining): its
    cosine over the mean cosine of each side's ``k`` nearest sentences on the other side.

    E5 scores any two sentences on one subject around 0.85–0.9, so a raw cosine cannot
    tell a translation from a sentence of another report of the same event; a
    translation stands out from its neighbours, a same-subject sentence does not.
    """
    n, m = cos.shape
    ka, kb = min(k, m), min(k, n)
    row = np.sort(cos, axis=1)[:, m - ka:].mean(axis=1)
    col = np.sort(cos, axis=0)[n - kb:, :].mean(axis=0)
    return cos / np.maximum((row[:, None] + col[None, :]) / 2, 1e-6)


def align_monotone(ea: np.ndarray, eb: np.ndarray, min_cos: float, min_margin: float = 0.0,
                   allowed: np.ndarray | None = None) -> list[tuple[int, int, float]]:
    """The in-order one-to-one sentence alignment of greatest total similarity.

    A pair may align when its cosine reaches ``min_cos``, its ratio margin
    (``margin_matrix``) reaches ``min_margin`` and ``allowed`` (if given) says so; it
    earns ``cos - min_cos``. Gaps cost nothing, so a sentence a translator split or
    dropped is skipped. Returns ``(i, j, cosine)`` in order.
    """
    n, m = len(ea), len(eb)
    if not n or not m:
        return []
    cos = ea @ eb.T
    gain = cos - min_cos
    if min_margin > 0:
        gain = np.where(margin_matrix(cos, S.CROSS_MARGIN_NEIGHBOURS) >= min_margin, gain, -1.0)
    if allowed is not None:
        gain = np.where(allowed, gain, -1.0)
    best = np.zeros((n + 1, m + 1), dtype=np.float64)
    move = np.zeros((n + 1, m + 1), dtype=np.int8)  # 0 match, 1 skip a, 2 skip b
    for i in range(1, n + 1):
        row, prev = best[i], best[i - 1]
        g = gain[i - 1]
        for j in range(1, m + 1):
            diag = prev[j - 1] + g[j - 1] if g[j - 1] > 0 else -1.0
            up, left = prev[j], row[j - 1]
            if diag >= up and diag >= left:
                row[j], move[i, j] = diag, 0
            elif up >= left:
                row[j], move[i, j] = up, 1
            else:
                row[j], move[i, j] = left, 2
    out = []
    i, j = n, m
    while i and j:
        if move[i, j] == 0 and gain[i - 1, j - 1] > 0:
            out.append((i - 1, j - 1, float(gain[i - 1, j - 1] + min_cos)))
            i, j = i - 1, j - 1
        elif move[i, j] == 2:
            j -= 1
        else:
            i -= 1
    return out[::-1]


def _overlap(ka: dict[str, tuple[int, int]], kb: dict[str, tuple[int, int]]) -> tuple[list[str], float]:
    shared = sorted(ka.keys() & kb.keys(), key=ka.__getitem__)
    small = min(len(ka), len(kb))
    return shared, (len(shared) / small if small else 0.0)


def compare_across(a: DocView, b: DocView, ea: np.ndarray, eb: np.ndarray) -> Link | None:
    """A ``translation`` link between two documents read with multilingual sentence
    vectors ``ea``/``eb`` (one row per sentence, from the first), or None.

    The link's ``original`` names the original when the evidence shows it
    (``original.original_side``), else it stays None (unknown).
    """
    aligned = align_monotone(ea, eb, S.CROSS_SENTENCE_COSINE, S.CROSS_SENTENCE_MARGIN,
                             _numbers_agree(a.text, a.sentences[:len(ea)], b.text, b.sentences[:len(eb)]))
    # ``ea``/``eb`` may cover only the first sentences of each side (``ML_ALIGN_MAX_SENTENCES``)
    shorter = min(len(ea), len(eb)) or 1
    share = len(aligned) / shorter
    if len(aligned) < S.CROSS_MIN_ALIGNED or share < S.CROSS_MIN_ALIGNED_SHARE:
        return None
    mean_cos = float(np.mean([c for _, _, c in aligned]))
    if mean_cos < S.CROSS_MIN_MEAN_COSINE:
        return None
    na, nb = number_keys(a.text), number_keys(b.text)
    shared_numbers, number_overlap = _overlap(na, nb)
    names_a, names_b = name_keys(a.text, a.sentences), name_keys(b.text, b.sentences)
    shared_names, name_overlap = _overlap(names_a, names_b)
    features = {"aligned_share": round(share, 3), "aligned": float(len(aligned)),
                "aligned_cosine": round(mean_cos, 3), "shared_numbers": float(len(shared_numbers)),
                "number_overlap": round(number_overlap, 3), "shared_names": float(len(shared_names)),
                "name_overlap": round(name_overlap, 3)}
    # Numbers are the one fact a translation must keep: when both sides carry several,
    # most have to agree.
    if min(len(na), len(nb)) >= S.CROSS_NUMBERS_CHECKED and number_overlap < S.CROSS_MIN_NUMBER_OVERLAP:
        return None
    ev = [AlignedPassage(*a.sentences[i], *b.sentences[j], "aligned", round(c, 3)) for i, j, c in aligned]
    ev += [AlignedPassage(*na[k], *nb[k], "number") for k in shared_numbers]
    ev += [AlignedPassage(*names_a[k], *names_b[k], "entity") for k in shared_names]
    ev += _aligned_quotes(a, b, aligned)
    score = round(min(1.0, share) * 0.7 + min(1.0, max(number_overlap, name_overlap)) * 0.3, 3)
    link = Link(a.id, b.id, "translation", score, ev, features)
    link.original, link.original_reason = original_side(a, b)
    return link


def _numbers_agree(text_a: str, sents_a: list[tuple[int, int]],
                   text_b: str, sents_b: list[tuple[int, int]]) -> np.ndarray:
    """Which sentence pairs may align by their numbers: a translated sentence keeps its
    numbers, so two sentences that both carry numbers must share one."""
    na = [set(number_keys(text_a[s:e])) for s, e in sents_a]
    nb = [set(number_keys(text_b[s:e])) for s, e in sents_b]
    ok = np.ones((len(na), len(nb)), dtype=bool)
    for i, x in enumerate(na):
        if x:
            for j, y in enumerate(nb):
                if y and not x & y:
                    ok[i, j] = False
    return ok


def _aligned_quotes(a: DocView, b: DocView, aligned: list[tuple[int, int, float]]) -> list[AlignedPassage]:
    """Quotations of ``a`` whose sentence aligns with a sentence of ``b`` holding one:
    a translated quote shares no words with its original, but it sits in the
    sentence that translates the original's."""
    qa, qb = any_quotes(a.text), any_quotes(b.text)
    if not qa or not qb:
        return []
    out = []
    for i, j, c in aligned:
        sa, sb = a.sentences[i], b.sentences[j]
        in_a = [q for q in qa if sa[0] <= q[0] < sa[1]]
        in_b = [q for q in qb if sb[0] <= q[0] < sb[1]]
        for (s1, e1, _), (s2, e2, _) in zip(in_a, in_b, strict=False):
            out.append(AlignedPassage(s1, e1, s2, e2, "quote", round(c, 3)))
    return out
