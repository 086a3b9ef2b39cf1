"""Lines seen per site across a corpus's articles: repetition as boilerplate evidence.

A line that recurs in several articles of the same site ("Related news", the
newsletter pitch, the comment form) is template, not reporting.  Keys are
normalised (case, digits, punctuation and spacing folded) so "Share: 12" and
"Share: 3" meet, then hashed with the site (8 bytes of BLAKE2b: stable across
processes, unlike ``hash()``, and small enough to keep a large corpus's lines).

Counts live in memory, or — when the ingest gives a ``backing`` (the store) — in the
store for every *stored* article, written in the same transaction as the article, so a
later ingest, or the rerun of a killed one, cleans with exactly the counts an
uninterrupted ingest had. Articles cleaned but not (yet) stored count in memory only:
a rerun cleans them again.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from typing import Protocol

__all__ = ["LineCounts", "LineIndex", "line_hash", "line_key"]

_DIGITS = re.compile(r"\d+")
_NON_WORD = re.compile(r"[\W_]+")


def line_key(line: str) -> str:
    """Normalised form of a line under which repetitions are counted."""
    return _NON_WORD.sub(" ", _DIGITS.sub("0", line.casefold())).strip()


def line_hash(site: str, key: str) -> int:
    """A signed 64-bit identity of a normalised line of one site."""
    digest = hashlib.blake2b(f"{site}\x00{key}".encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


class LineCounts(Protocol):
    """Where stored articles' line counts are kept (``Store`` implements it)."""

    def line_count(self, line: int) -> int: ...

    def add_line_counts(self, lines: Iterable[int]) -> None: ...


class LineIndex:
    """Counts, per site, in how many articles each normalised line occurred."""

    def __init__(self, backing: LineCounts | None = None) -> None:
        self._counts: dict[int, int] = {}
        self._backing = backing
        self._pending: dict[str, list[int]] = {}  # article id -> lines counted in memory only

    def add(self, site: str, lines: Iterable[str], article: str | None = None) -> None:
        """Record the lines of one article of ``site`` (each distinct line counts once).
        With a backing store, ``article`` (its id) is how ``stored`` later moves the counts."""
        hashes = sorted({line_hash(site, key) for key in {line_key(line) for line in lines} if key})
        for h in hashes:
            self._counts[h] = self._counts.get(h, 0) + 1
        if article is not None and self._backing is not None:
            self._pending[article] = hashes

    def count(self, site: str, line: str) -> int:
        """In how many recorded articles of ``site`` this line (normalised) occurred."""
        key = line_key(line)
        if not key:
            return 0
        h = line_hash(site, key)
        n = self._counts.get(h, 0)
        return n + self._backing.line_count(h) if self._backing is not None else n

    def stored(self, article: str) -> None:
        """``article`` was stored: its counts move to the backing store (in the caller's
        transaction)."""
        hashes = self._pending.pop(article, None)
        if not hashes or self._backing is None:
            return
        self._backing.add_line_counts(hashes)
        for h in hashes:
            left = self._counts[h] - 1
            if left:
                self._counts[h] = left
            else:
                del self._counts[h]

    def dropped(self, article: str) -> None:
        """``article`` will not be stored: its counts stay in memory for this run only."""
        self._pending.pop(article, None)

    def __len__(self) -> int:
        return len(self._counts)
