"""The reference of native English the spinning and machine-translation signals read from the first article.

Owns ``NativeReference``: the store's own counts (``reference.CollocationModel``, grown
from the user's articles) on top of a packaged default — wordfreq's English word
frequencies (data CC BY-SA 4.0) and the Google Books word pairs of
``packaged_bigrams`` (CC BY 3.0, via symspellpy, MIT) — weighed as a corpus of
``DEFAULT_REFERENCE_WORDS`` words. It answers the lookups of ``CollocationModel``
(``count``, ``pair``, ``expected``, ``pmi``, ``is_fixed``, partner candidates, ``common``,
``excluding``), so the signals do not know which they read; as the store grows its
counts outweigh the default.

The packaged pairs are the frequent ones only (``PackagedBigrams.floor``): a pair
missing from them is evidence of non-native usage only when independence predicts it
at least ``DEFAULT_ABSENCE_FACTOR`` times above that floor. Below that the table
cannot tell, and the pair is given its independence estimate instead of zero — so a
native but uncommon pair ("the marketplace" is in the table, "a marketplace" may not
be) is not read as never seen.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

from newsgraph.signals import settings as S
from newsgraph.signals.packaged_bigrams import PackagedBigrams, packaged_bigrams, word_frequencies
from newsgraph.signals.reference import CollocationModel

__all__ = ["NativeReference", "native_reference"]


def native_reference(store: CollocationModel | None = None) -> NativeReference | CollocationModel | None:
    """The reference to score with: the packaged default refined by ``store``'s counts.

    Without the packaged table (a broken install) the store's counts alone, once they
    hold ``REFERENCE_MIN_WORDS``; else None ("not measured").
    """
    table = packaged_bigrams()
    freq = word_frequencies()
    if table is None or not freq:
        if store is not None and store.total >= S.REFERENCE_MIN_WORDS:
            return store
        return None
    return NativeReference(store if store is not None else CollocationModel(), table, freq)


@lru_cache(maxsize=2)
def _fixed_index(weight: float) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """The packaged pairs that are fixed expressions on their own at this weight (frequent
    and strongly associated), indexed by second and by first word; built once."""
    table, freq = packaged_bigrams(), word_frequencies()
    left: dict[str, list[str]] = {}
    right: dict[str, list[str]] = {}
    if table is None:
        return left, right
    min_prob = S.FIXED_MIN_COUNT / weight
    for key, c in table.pairs.items():
        p = c / table.scale
        if p < min_prob:
            continue
        w1, _, w2 = key.partition(" ")
        f = freq.get(w1, 0.0) * freq.get(w2, 0.0)
        if f and math.log2(p / f) >= S.FIXED_MIN_PMI:
            left.setdefault(w2, []).append(w1)
            right.setdefault(w1, []).append(w2)
    return left, right


@lru_cache(maxsize=8)
def _top_words(k: int) -> frozenset[str]:
    freq = word_frequencies()
    return frozenset(sorted(freq, key=freq.__getitem__, reverse=True)[:k])


class NativeReference:
    """Store counts plus the packaged default, in the store's units (see the module docstring)."""

    def __init__(self, store: CollocationModel, table: PackagedBigrams, freq: dict[str, float],
                 weight: float | None = None) -> None:
        self.store = store
        self.table = table
        self.freq = freq
        self.weight = weight if weight is not None else S.DEFAULT_REFERENCE_WORDS
        self._common: dict[int, frozenset[str]] = {}

    # -- what the ingest and the signals' details read -----------------------------------
    @property
    def docs(self) -> int:
        return self.store.docs

    @property
    def unigrams(self) -> dict[str, float]:
        return self.freq  # its size sets how many common words are excluded

    @property
    def bigrams(self) -> dict[str, int]:
        return self.table.pairs

    def _store_words(self) -> int:
        return self.store.total if self.store.unigrams else 0

    @property
    def total(self) -> float:
        return self._store_words() + self.weight

    @property
    def total_bigrams(self) -> float:
        return (self.store.total_bigrams if self.store.bigrams else 0) + self.weight

    def add_text(self, text: str, sign: int = 1) -> None:
        self.store.add_text(text, sign)

    def remove_text(self, text: str) -> None:
        self.store.remove_text(text)

    def excluding(self, text: str) -> NativeReference:
        """Leave-one-out: the store's counts without ``text``; the default is unchanged."""
        return NativeReference(self.store.excluding(text), self.table, self.freq, self.weight)

    # -- lookups -------------------------------------------------------------------------
    def count(self, w: str) -> float:
        return self.store.count(w) + self.weight * self.freq.get(w, 0.0)

    def _default_pair(self, w1: str, w2: str) -> float:
        p = self.table.prob(w1, w2)
        if p:
            return p
        f = self.freq.get(w1, 0.0) * self.freq.get(w2, 0.0)
        # below the table's floor its silence proves nothing: assume independence there
        return f if f < S.DEFAULT_ABSENCE_FACTOR * self.table.floor_prob else 0.0

    def pair(self, w1: str, w2: str) -> float:
        return self.store.pair(w1, w2) + self.weight * self._default_pair(w1, w2)

    def seen(self, w1: str, w2: str) -> bool:
        """The pair is in the store's counts or the packaged table (no independence estimate)."""
        return bool(self.store.pair(w1, w2)) or f"{w1} {w2}" in self.table.pairs

    def common(self, k: int) -> frozenset[str]:
        if k not in self._common:
            # the store's own commonest words once it has enough of them (as for a bare store)
            own = self.store.common(min(k, len(self.store.unigrams) // 50))
            self._common[k] = _top_words(min(k, S.DEFAULT_COMMON_WORDS)) | own
        return self._common[k]

    def expected(self, w1: str, w2: str) -> float:
        return self.count(w1) * self.count(w2) / self.total

    def pmi(self, w1: str, w2: str) -> float:
        c, u1, u2 = self.pair(w1, w2), self.count(w1), self.count(w2)
        if not (c and u1 and u2):
            return float("-inf")
        return math.log2((c / self.total_bigrams) / ((u1 / self.total) * (u2 / self.total)))

    def is_fixed(self, w1: str, w2: str) -> bool:
        return self.pair(w1, w2) >= S.FIXED_MIN_COUNT and self.pmi(w1, w2) >= S.FIXED_MIN_PMI

    def left_partner_candidates(self, w2: str) -> list[str]:
        """Words ``x`` that may make ``x w2`` a fixed expression (``left_partners`` before
        ``is_fixed``): a caller with cheaper tests of its own runs them first."""
        # The store's own partners are those its counts alone hold fixed (its test first).
        cands = set(_fixed_index(self.weight)[0].get(w2, ())) | set(self.store.left_partners(w2))
        # Sorted: callers keep the first of equally strong partners, and a set's order
        # changes from one process to the next (hash seeds).
        return sorted(cands)

    def right_partner_candidates(self, w1: str) -> list[str]:
        cands = set(_fixed_index(self.weight)[1].get(w1, ())) | set(self.store.right_partners(w1))
        return sorted(cands)

    def describe(self) -> dict[str, Any]:
        return {"store_words": self._store_words(), "default_words": self.weight,
                "default_pairs": len(self.table.pairs)}
