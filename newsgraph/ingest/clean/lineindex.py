"""Lines seen per site across the articles of one ingest: repetition as boilerplate evidence.

A line that recurs in several articles of the same site ("Related news", the
newsletter pitch, the comment form) is template, not reporting.  Keys are
normalised (case, digits, punctuation and spacing folded) so "Share: 12" and
"Share: 3" meet.  In memory; the lead may back it by the store later.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

__all__ = ["LineIndex", "line_key"]

_DIGITS = re.compile(r"\d+")
_NON_WORD = re.compile(r"[\W_]+")


def line_key(line: str) -> str:
    """Normalised form of a line under which repetitions are counted."""
    return _NON_WORD.sub(" ", _DIGITS.sub("0", line.casefold())).strip()


class LineIndex:
    """Counts, per site, in how many articles each normalised line occurred."""

    def __init__(self) -> None:
        self._counts: dict[str, dict[str, int]] = defaultdict(dict)

    def add(self, site: str, lines: Iterable[str]) -> None:
        """Record the lines of one article of ``site`` (each distinct line counts once)."""
        counts = self._counts[site]
        for key in {line_key(line) for line in lines}:
            if key:
                counts[key] = counts.get(key, 0) + 1

    def count(self, site: str, line: str) -> int:
        """In how many recorded articles of ``site`` this line (normalised) occurred."""
        return self._counts.get(site, {}).get(line_key(line), 0)

    def __len__(self) -> int:
        return sum(len(c) for c in self._counts.values())
