"""A reference model of native English news: word and bigram counts, grown incrementally.

Calques and spinner substitutions are word combinations native writers do not make
("rouge state", "withdrawn regime"). We measure that against counts from native
news. No installable package ships news bigram counts: wordfreq has unigrams only,
and the bigram lists of ``symspellpy`` and ``wordsegment`` keep only the most
frequent pairs of book/web text ("rogue state" is not among them), so a pair's
absence from them proves something only for pairs frequent enough to have been
kept — ``native_reference`` uses symspellpy's list that way, as the packaged default
under these counts. Third-party text must not enter the repo. So these counts come
from the user's own corpus: the ingest adds each batch after scoring it (an article never
vouches for itself) and keeps the model in the store (``to_bytes``/``from_bytes``);
the benchmark builds it from ../shared/data. The packaged parts of the reference are
WordNet's two-word compounds (Debian ``wordnet-base``: "rogue state", "tear gas"),
which the spinning signal uses as fixed expressions beside the counted ones, and
wordfreq's general-English unigram frequencies (which word is the rare synonym).

``excluding(text)`` gives a leave-one-out view (the counts minus one article's own)
for scoring an article that is already counted.
"""

from __future__ import annotations

import gzip
import io
import itertools
import math
import re
import sys
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from newsgraph.nlp.wordnet import wordnet
from newsgraph.signals import settings as S

__all__ = ["CollocationModel", "bigrams_of", "wordnet_compounds"]

_WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")
# A sentence or clause boundary breaks bigrams: "...said. Police..." is no collocation.
_CLAUSE = re.compile(r"[^.!?;:,()\"“”\n]+")


@lru_cache(maxsize=256)
def bigrams_of(text: str) -> tuple[tuple[str, str, int, int], ...]:
    """Word bigrams inside clauses (surface case kept), with the character span of each.

    Cached for the last texts: scoring one article reads its bigrams three times
    (spinning, machine translation, then counting it into the reference)."""
    out = []
    for m in _CLAUSE.finditer(text):
        words = [(w.group(), m.start() + w.start(), m.start() + w.end())
                 for w in _WORD.finditer(m.group())]
        for (w1, s1, _), (w2, _, e2) in itertools.pairwise(words):
            out.append((w1, w2, s1, e2))
    return tuple(out)


def _counts(text: str) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    # Interned: a word is one string object however many counts and pairs hold it (the
    # counts grow with the corpus; a fresh copy per pair doubled a bigram's size).
    uni = Counter(sys.intern(w.lower()) for w in _WORD.findall(text))
    bi = Counter((sys.intern(w1.lower()), sys.intern(w2.lower())) for w1, w2, _, _ in bigrams_of(text))
    return uni, bi


@lru_cache(maxsize=1)
def wordnet_compounds() -> dict[str, frozenset[str]]:
    """WordNet's two-word lemmas, second word → first words ({"state": {"rogue", …}}).

    Empty without the Debian package ``wordnet-base``.
    """
    wn = wordnet()
    if wn is None:
        return {}
    out: dict[str, set[str]] = {}
    for lemma in wn.synsets:
        parts = lemma.split("_")
        if len(parts) == 2 and all(p.isalpha() and len(p) >= 3 for p in parts):
            out.setdefault(parts[1], set()).add(parts[0])
    return {k: frozenset(v) for k, v in out.items()}


def _shift(counts: Counter[Any], delta: Counter[Any], sign: int) -> None:
    """Add (``sign=1``) or take out (``sign=-1``) ``delta``; counts that reach zero go."""
    for key, c in delta.items():
        n = counts[key] + sign * c
        if n > 0:
            counts[key] = n
        else:
            counts.pop(key, None)


class CollocationModel:
    """Unigram and bigram counts with the lookups the signals need."""

    def __init__(self, unigrams: Counter[str] | None = None,
                 bigrams: Counter[tuple[str, str]] | None = None, docs: int = 0) -> None:
        self.unigrams: Counter[str] = unigrams if unigrams is not None else Counter()
        self.bigrams: Counter[tuple[str, str]] = bigrams if bigrams is not None else Counter()
        self.docs = docs
        self._words = sum(self.unigrams.values())
        self._pairs = sum(self.bigrams.values())
        # Fixed-expression index: a superset (entries are re-checked at lookup), kept up
        # to date as counts grow so a batch never pays for a full rebuild.
        self._left: dict[str, set[str]] | None = None
        self._right: dict[str, set[str]] | None = None
        self._common: dict[int, frozenset[str]] = {}
        self._minus_uni: Counter[str] = Counter()
        self._minus_bi: Counter[tuple[str, str]] = Counter()

    # -- building ----------------------------------------------------------------------
    @classmethod
    def from_texts(cls, texts: Iterable[str], min_bigram_count: int = 1) -> CollocationModel:
        model = cls()
        model.add_texts(texts)
        if min_bigram_count > 1:
            model.bigrams = Counter({k: v for k, v in model.bigrams.items() if v >= min_bigram_count})
            model._pairs = sum(model.bigrams.values())
            model._left = model._right = None
        return model

    def add_texts(self, texts: Iterable[str]) -> None:
        for t in texts:
            self.add_text(t)

    def add_text(self, text: str, sign: int = 1) -> None:
        """Count one article in (``sign=-1``: take it out again)."""
        uni, bi = _counts(text)
        _shift(self.unigrams, uni, sign)
        self._words = max(0, self._words + sign * sum(uni.values()))
        _shift(self.bigrams, bi, sign)
        self._pairs = max(0, self._pairs + sign * sum(bi.values()))
        self.docs = max(0, self.docs + sign)
        self._common.clear()
        if sign > 0 and self._left is not None:
            for (w1, w2) in bi:
                if self.is_fixed(w1, w2):
                    self._left.setdefault(w2, set()).add(w1)
                    self._right.setdefault(w1, set()).add(w2)  # type: ignore[union-attr]
        if len(self.bigrams) > S.REFERENCE_MAX_BIGRAMS:
            self.prune()

    def remove_text(self, text: str) -> None:
        self.add_text(text, sign=-1)

    def prune(self) -> None:
        """Drop bigrams seen once (lossy counting): the model's size stays bounded while the
        pairs that matter — fixed expressions, pairs seen again — keep their counts."""
        gone = [k for k, c in self.bigrams.items() if c <= 1]
        for k in gone:
            del self.bigrams[k]
        self._pairs -= len(gone)

    def excluding(self, text: str) -> CollocationModel:
        """A leave-one-out view: these counts minus ``text``'s own (shares the counters)."""
        view = object.__new__(CollocationModel)
        view.__dict__.update(self.__dict__)
        uni, bi = _counts(text)
        view._minus_uni, view._minus_bi = uni, bi
        view._words = max(1, self._words - sum(uni.values()))
        view._pairs = max(1, self._pairs - sum(bi.values()))
        view._common = {}
        if self._left is None:
            self._index()
        view._left, view._right = self._left, self._right
        return view

    # -- lookups -----------------------------------------------------------------------
    @property
    def total(self) -> int:
        return max(1, self._words)

    @property
    def total_bigrams(self) -> int:
        return max(1, self._pairs)

    def count(self, w: str) -> int:
        return max(0, self.unigrams.get(w, 0) - self._minus_uni.get(w, 0))

    def pair(self, w1: str, w2: str) -> int:
        return max(0, self.bigrams.get((w1, w2), 0) - self._minus_bi.get((w1, w2), 0))

    def common(self, k: int) -> frozenset[str]:
        """The ``k`` most frequent words (function words, "said"…), computed once per ``k``."""
        if k not in self._common:
            self._common[k] = frozenset(w for w, _ in self.unigrams.most_common(k))
        return self._common[k]

    def expected(self, w1: str, w2: str) -> float:
        """Bigram count expected if the two words were independent."""
        return self.count(w1) * self.count(w2) / self.total

    def pmi(self, w1: str, w2: str) -> float:
        c = self.pair(w1, w2)
        u1, u2 = self.count(w1), self.count(w2)
        if not (c and u1 and u2):
            return float("-inf")
        return math.log2((c / self.total_bigrams) / ((u1 / self.total) * (u2 / self.total)))

    def is_fixed(self, w1: str, w2: str) -> bool:
        """A fixed expression of the counts: frequent and strongly associated."""
        return self.pair(w1, w2) >= S.FIXED_MIN_COUNT and self.pmi(w1, w2) >= S.FIXED_MIN_PMI

    def left_partners(self, w2: str) -> list[str]:
        """Words ``x`` such that ``x w2`` is a fixed expression of the counts."""
        return [x for x in self.left_partner_candidates(w2) if self.is_fixed(x, w2)]

    def right_partners(self, w1: str) -> list[str]:
        return [x for x in self.right_partner_candidates(w1) if self.is_fixed(w1, x)]

    def left_partner_candidates(self, w2: str) -> list[str]:
        """``left_partners`` before its ``is_fixed`` test (which the index held when it was
        built, not necessarily now): a caller with cheaper tests runs them first."""
        if self._left is None:
            self._index()
        assert self._left is not None
        # Sorted: callers keep the first of equally strong partners (see native_reference).
        return sorted(self._left.get(w2, ()))

    def right_partner_candidates(self, w1: str) -> list[str]:
        if self._right is None:
            self._index()
        assert self._right is not None
        return sorted(self._right.get(w1, ()))

    def _index(self) -> None:
        left: dict[str, set[str]] = {}
        right: dict[str, set[str]] = {}
        for (w1, w2), c in self.bigrams.items():
            if c >= S.FIXED_MIN_COUNT and self.pmi(w1, w2) >= S.FIXED_MIN_PMI:
                left.setdefault(w2, set()).add(w1)
                right.setdefault(w1, set()).add(w2)
        self._left, self._right = left, right

    # -- storage -----------------------------------------------------------------------
    def to_bytes(self) -> bytes:
        """Gzipped lines: a header with the document count, ``word\\tcount`` then
        ``w1 w2\\tcount``."""
        # Streamed through the compressor in chunks: the counts' text is never held whole
        # (a transient of several times the counts at every save).
        out = io.BytesIO()
        with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=5, mtime=0) as gz:
            lines = itertools.chain(
                [f"#docs\t{self.docs}"], (f"{w}\t{c}" for w, c in self.unigrams.items()),
                (f"{a} {b}\t{c}" for (a, b), c in self.bigrams.items()))
            while chunk := list(itertools.islice(lines, 4096)):
                gz.write("\n".join(chunk).encode("utf-8"))
                gz.write(b"\n")
        return out.getvalue()

    @classmethod
    def from_bytes(cls, blob: bytes) -> CollocationModel:
        uni: Counter[str] = Counter()
        bi: Counter[tuple[str, str]] = Counter()
        docs = 0
        with gzip.GzipFile(fileobj=io.BytesIO(blob)) as gz:
            for raw in io.TextIOWrapper(gz, encoding="utf-8", newline="\n"):
                line = raw[:-1] if raw.endswith("\n") else raw
                key, _, c = line.rpartition("\t")
                if key == "#docs":
                    docs = int(c)
                elif " " in key:
                    a, b = key.split(" ", 1)
                    bi[(sys.intern(a), sys.intern(b))] = int(c)
                elif key:
                    uni[sys.intern(key)] = int(c)
        return cls(uni, bi, docs)

    def save(self, path: Path) -> None:
        path.write_bytes(self.to_bytes())

    @classmethod
    def load(cls, path: Path) -> CollocationModel:
        return cls.from_bytes(path.read_bytes())
