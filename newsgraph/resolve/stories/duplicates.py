"""Exact duplicates and copies: same normalised text, or long shared verbatim passages.

Candidates come from MinHash LSH over word shingles (datasketch), so a new document
is compared only with documents likely to share text, never with the whole corpus.
The decision and the evidence come from the shared passages themselves, located by
seeding on common shingles and extending word by word — unlike an in-order diff this
finds passages a copier moved around.
"""

from __future__ import annotations

from collections import defaultdict
from hashlib import blake2b

from datasketch import LeanMinHash, MinHash, MinHashLSH

from newsgraph.model.stories import AlignedPassage, Link
from newsgraph.resolve.stories import settings as S
from newsgraph.resolve.stories._text import DocView

__all__ = ["DuplicateIndex", "compare_copy", "shared_passages", "shingles"]


def shingles(norms: list[str], k: int = S.SHINGLE_WORDS) -> set[bytes]:
    """Hashed k-word shingles (8-byte digests keep MinHash input small)."""
    if len(norms) < k:
        return {blake2b(" ".join(norms).encode(), digest_size=8).digest()} if norms else set()
    return {blake2b(" ".join(norms[i:i + k]).encode(), digest_size=8).digest()
            for i in range(len(norms) - k + 1)}


def shared_passages(a: DocView, b: DocView, min_words: int = S.MIN_SHARED_WORDS,
                    ) -> list[tuple[int, int, int]]:
    """Verbatim word runs shared by ``a`` and ``b`` as ``(a word index, b word index, length)``.

    Seeds on every shingle of ``a`` found in ``b`` and extends the match greedily,
    so reordered paragraphs are found as well as in-order ones.
    """
    k = S.SHINGLE_WORDS
    an, bn = a.norms, b.norms
    if len(an) < k or len(bn) < k:
        return []
    where: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for j in range(len(bn) - k + 1):
        key = tuple(bn[j:j + k])
        if len(where[key]) < 8:  # a shingle repeated more often is boilerplate-like
            where[key].append(j)
    blocks: list[tuple[int, int, int]] = []
    i = 0
    while i <= len(an) - k:
        js = where.get(tuple(an[i:i + k]))
        if js:
            best_j, best_len = -1, 0
            for j in js:
                n = k
                while i + n < len(an) and j + n < len(bn) and an[i + n] == bn[j + n]:
                    n += 1
                if n > best_len:
                    best_j, best_len = j, n
            if best_len >= min_words:
                blocks.append((i, best_j, best_len))
                i += best_len
                continue
        i += 1
    return blocks


def _passages(a: DocView, b: DocView, blocks: list[tuple[int, int, int]]) -> list[AlignedPassage]:
    return [AlignedPassage(a.words[i].start, a.words[i + n - 1].end, b.words[j].start,
                           b.words[j + n - 1].end, "shared") for i, j, n in blocks]


def compare_copy(a: DocView, b: DocView) -> Link | None:
    """A ``duplicate`` or ``copy`` link between two documents, or None.

    ``duplicate``: same normalised text. ``copy``: shared passages cover at least
    ``COPY_MIN_COVERAGE`` of the shorter document (its own words, so a copy wrapped in
    boilerplate or cut short still qualifies).
    """
    if not a.words or not b.words:
        return None
    if a.content_hash() == b.content_hash():
        return Link(a.id, b.id, "duplicate", 1.0,
                    [AlignedPassage(0, len(a.text), 0, len(b.text), "shared")],
                    {"coverage": 1.0})
    blocks = shared_passages(a, b)
    if not blocks:
        return None
    shared_a = sum(n for _, _, n in blocks)
    b_cov = len({j + t for _, j, n in blocks for t in range(n)})
    cov_a, cov_b = shared_a / len(a.words), b_cov / len(b.words)
    coverage = max(cov_a, cov_b)
    features = {"coverage_a": round(cov_a, 3), "coverage_b": round(cov_b, 3),
                "coverage": round(coverage, 3), "passages": float(len(blocks))}
    if coverage < S.COPY_MIN_COVERAGE:
        return None
    return Link(a.id, b.id, "copy", coverage, _passages(a, b, blocks), features)


class DuplicateIndex:
    """Exact-hash table plus MinHash LSH over the documents seen so far."""

    #: Dicts read by key only, which a store may serve from rows (``store/state_rows.py``):
    #: the LSH's band tables (band hash -> documents) and its document -> band hashes.
    ROW_BACKED = ("by_hash", "lsh/hashtables/*/_dict", "lsh/keys/_dict")

    def __init__(self) -> None:
        self.lsh = MinHashLSH(threshold=S.LSH_THRESHOLD, num_perm=S.MINHASH_PERMUTATIONS)
        self.by_hash: dict[str, str] = {}

    def exact(self, view: DocView) -> str | None:
        """Id of an earlier document with the same normalised text."""
        return self.by_hash.get(view.content_hash())

    def candidates(self, view: DocView) -> tuple[list[str], LeanMinHash | None]:
        sh = shingles(view.norms)
        if not sh:
            return [], None
        mh = MinHash(num_perm=S.MINHASH_PERMUTATIONS)
        mh.update_batch(list(sh))
        lean = LeanMinHash(mh)
        return list(self.lsh.query(lean)), lean

    def add(self, view: DocView, mh: LeanMinHash | None) -> None:
        self.by_hash.setdefault(view.content_hash(), view.id)
        if mh is not None and view.id not in self.lsh:
            self.lsh.insert(view.id, mh)
