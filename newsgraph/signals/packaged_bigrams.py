"""The packaged table of general English word pairs: Google Books bigram counts, shipped offline.

Owns ``packaged_bigrams()`` (``data/bigrams_en.tsv.gz``, loaded once per process, or
None when the file is missing) and ``build(src, dest)``, how that file was made.

Source: ``frequency_bigramdictionary_en_243_342.txt`` of the PyPI package
``symspellpy==6.9.0`` (MIT licence), which SymSpell's author derived from the Google
Books Ngram counts (Google: "Ngram Viewer graphs and data may be freely used for any
purpose"; the datasets are published under CC BY 3.0) by keeping the most frequent
pairs of words in the SCOWL spelling lists (permissive licence). We keep the pairs of
two lowercase words (242,342 of 243,342) and their counts, nothing else. Rebuild with

    pip download --no-deps symspellpy==6.9.0 && unzip symspellpy-6.9.0-*.whl
    python -m newsgraph.signals.packaged_bigrams symspellpy/frequency_bigramdictionary_en_243_342.txt

The list keeps only pairs counted at least ``floor`` times (6.4 million): a pair's
absence says it is rarer than that, no more. ``scale`` estimates the number of word
pairs the counts were taken from (so that ``count / scale`` is a probability
comparable with wordfreq's word frequencies): for the most frequent words, the pairs
of the table that end in the word add up to nearly all of the word's occurrences, so
``sum / frequency`` (taken at its largest over the commonest words: the truncation
only lowers it) is the size of the source.
"""

from __future__ import annotations

import gzip
import sys
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["PackagedBigrams", "build", "packaged_bigrams", "word_frequencies"]

DATA = Path(__file__).with_name("data") / "bigrams_en.tsv.gz"
#: Words whose left contexts estimate the size of the source (the commonest of English).
_SCALE_WORDS = ("the", "of", "and", "to", "a", "in", "for", "is", "that", "on")


@lru_cache(maxsize=1)
def word_frequencies() -> dict[str, float]:
    """wordfreq's English word frequencies (its "large" list; data CC BY-SA 4.0), {} without it."""
    try:
        from wordfreq import get_frequency_dict
    except ImportError:
        return {}
    return get_frequency_dict("en", wordlist="large")


@dataclass
class PackagedBigrams:
    """Pair counts (``"w1 w2"`` → count), the count below which pairs were dropped, and the
    estimated size of the source in word pairs."""

    pairs: dict[str, int]
    floor: int
    scale: float

    def prob(self, w1: str, w2: str) -> float:
        """Probability of the pair in the source; 0.0 when it is not in the table."""
        c = self.pairs.get(f"{w1} {w2}")
        return c / self.scale if c else 0.0

    @property
    def floor_prob(self) -> float:
        return self.floor / self.scale


def _estimate_scale(pairs: dict[str, int], freq: dict[str, float]) -> float:
    ends: Counter[str] = Counter()
    for key, c in pairs.items():
        w2 = key.rpartition(" ")[2]
        if w2 in _SCALE_WORDS:
            ends[w2] += c
    est = [ends[w] / freq[w] for w in _SCALE_WORDS if freq.get(w) and ends[w]]
    return max(est) if est else float(sum(pairs.values()))


@lru_cache(maxsize=1)
def packaged_bigrams() -> PackagedBigrams | None:
    """The shipped table, or None when its file is missing (a broken install)."""
    if not DATA.exists():
        return None
    pairs: dict[str, int] = {}
    with gzip.open(DATA, "rt", encoding="utf-8") as fh:
        for line in fh:
            key, _, c = line.rstrip("\n").partition("\t")
            pairs[key] = int(c)
    return PackagedBigrams(pairs, min(pairs.values()), _estimate_scale(pairs, word_frequencies()))


def build(src: Path, dest: Path = DATA) -> int:
    """Write the table from SymSpell's bigram list: ``w1 w2 count`` lines, lowercase words only."""
    out = []
    for line in src.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 3 and all(p.isalpha() and p.islower() for p in parts[:2]) and parts[2].isdigit():
            out.append(f"{parts[0]} {parts[1]}\t{parts[2]}")
    out.sort()
    dest.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(dest, "wb", compresslevel=9, mtime=0) as fh:
        fh.write(("\n".join(out) + "\n").encode("utf-8"))
    return len(out)


if __name__ == "__main__":
    print(build(Path(sys.argv[1])), "pairs written to", DATA)
