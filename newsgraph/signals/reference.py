"""A reference model of native English news: word and bigram counts.

Calques and spinner substitutions are word combinations native writers do not make
("rouge state", "withdrawn regime"). We measure that against counts from native
news. No package ships such counts (wordfreq has unigrams only), and third-party
text must not enter the repo, so the model is built from a corpus the caller
supplies — the benchmark builds it from ../shared/data, a deployment from its own
store — and saved as a counts file (``save``/``load``), never shipped.
"""

from __future__ import annotations

import gzip
import itertools
import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from newsgraph.signals import settings as S

__all__ = ["CollocationModel", "bigrams_of"]

_WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")
# A sentence or clause boundary breaks bigrams: "...said. Police..." is no collocation.
_BREAK = re.compile(r"[.!?;:,()\"“”\n]+")


def bigrams_of(text: str) -> list[tuple[str, str, int, int]]:
    """Word bigrams inside clauses (surface case kept), with the character span of each."""
    out = []
    for m in re.finditer(r"[^.!?;:,()\"“”\n]+", text):
        words = [(w.group(), m.start() + w.start(), m.start() + w.end())
                 for w in _WORD.finditer(m.group())]
        for (w1, s1, _), (w2, _, e2) in itertools.pairwise(words):
            out.append((w1, w2, s1, e2))
    return out


class CollocationModel:
    """Unigram and bigram counts with the lookups the signals need."""

    def __init__(self, unigrams: Counter[str], bigrams: Counter[tuple[str, str]]) -> None:
        self.unigrams = unigrams
        self.bigrams = bigrams
        self.total = max(1, sum(unigrams.values()))
        self.total_bigrams = max(1, sum(bigrams.values()))
        self._left: dict[str, list[str]] | None = None
        self._right: dict[str, list[str]] | None = None

    @classmethod
    def from_texts(cls, texts: Iterable[str], min_bigram_count: int = 1) -> CollocationModel:
        uni: Counter[str] = Counter()
        bi: Counter[tuple[str, str]] = Counter()
        for t in texts:
            bg = bigrams_of(t)
            uni.update(w.lower() for w in _WORD.findall(t))
            bi.update((w1.lower(), w2.lower()) for w1, w2, _, _ in bg)
        if min_bigram_count > 1:
            bi = Counter({k: v for k, v in bi.items() if v >= min_bigram_count})
        return cls(uni, bi)

    def common(self, k: int) -> frozenset[str]:
        """The ``k`` most frequent words (function words, "said"…), computed once per ``k``."""
        cache = self.__dict__.setdefault("_common", {})
        if k not in cache:
            cache[k] = frozenset(w for w, _ in self.unigrams.most_common(k))
        return cache[k]

    def expected(self, w1: str, w2: str) -> float:
        """Bigram count expected if the two words were independent."""
        return self.unigrams[w1] * self.unigrams[w2] / self.total

    def pmi(self, w1: str, w2: str) -> float:
        c = self.bigrams.get((w1, w2), 0)
        if not c:
            return float("-inf")
        p12 = c / self.total_bigrams
        return math.log2(p12 / ((self.unigrams[w1] / self.total) * (self.unigrams[w2] / self.total)))

    def left_partners(self, w2: str) -> list[str]:
        """Words ``x`` such that ``x w2`` is a fixed expression (see ``_index``)."""
        if self._left is None:
            self._index()
        assert self._left is not None
        return self._left.get(w2, [])

    def right_partners(self, w1: str) -> list[str]:
        if self._right is None:
            self._index()
        assert self._right is not None
        return self._right.get(w1, [])

    def _index(self) -> None:
        # Only fixed expressions (frequent and strongly associated pairs) are indexed:
        # they are all the spinning signal looks up, and common words stay cheap.
        left: dict[str, list[str]] = {}
        right: dict[str, list[str]] = {}
        for (w1, w2), c in self.bigrams.items():
            if c >= S.FIXED_MIN_COUNT and self.pmi(w1, w2) >= S.FIXED_MIN_PMI:
                left.setdefault(w2, []).append(w1)
                right.setdefault(w1, []).append(w2)
        self._left, self._right = left, right

    def save(self, path: Path) -> None:
        data = {"unigrams": self.unigrams, "bigrams": [[a, b, c] for (a, b), c in self.bigrams.items()]}
        with gzip.open(path, "wt", encoding="utf-8") as fh:
            json.dump(data, fh)

    @classmethod
    def load(cls, path: Path) -> CollocationModel:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
        return cls(Counter(data["unigrams"]), Counter({(a, b): c for a, b, c in data["bigrams"]}))
