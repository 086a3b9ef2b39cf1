"""The failures of one ingest as the summary and the store keep them: readable, every one findable.

A container can fail record by record: a JSON Lines file of 200,000 empty records
gave 200,007 summary rows (89 MB). The rule here:

- a file that fails as a whole is one row, as before;
- the failures of records of one container (``file.jsonl#12``) are listed one by
  one for the first ``settings.FAILURES_LISTED`` of each code; the rest of that
  code become **one** row for the container, with how many, which records (as
  ranges, "#21–200000", so each can still be found in the file) and the reason
  of the first of them.

``IngestReport.failed`` and the store's failures table get the same rows; a
summary row's ``Failure.count`` says how many records it stands for, so totals
count records, not rows. Every path and reason is made printable first
(``safe_text.printable``): a file name or a JSON key with bytes no encoder
accepts must not take the ingest down while it is being reported.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from newsgraph import settings
from newsgraph.model import Failure
from newsgraph.safe_text import printable

__all__ = ["FailureLog"]


@dataclass(slots=True)
class _Repeats:
    """The records of one container and one code beyond those listed one by one."""

    count: int = 0
    first_reason: str = ""
    numbered: list[list[int]] = field(default_factory=list)  # ranges [first, last] of record numbers
    named: list[str] = field(default_factory=list)  # record names that are not numbers (WARC URIs)
    more_names: int = 0

    def add(self, record: str, reason: str) -> None:
        self.count += 1
        if not self.first_reason:
            self.first_reason = reason
        if record.isdigit():
            n = int(record)
            if self.numbered and self.numbered[-1][1] + 1 == n:
                self.numbered[-1][1] = n
            elif len(self.numbered) < settings.FAILURE_RANGES_KEPT:
                self.numbered.append([n, n])
            else:
                self.more_names += 1
        elif len(self.named) < settings.FAILURE_RANGES_KEPT:
            self.named.append(record)
        else:
            self.more_names += 1

    def where(self) -> str:
        parts = [f"#{a}" if a == b else f"#{a}–{b}" for a, b in self.numbered]
        parts += [f"#{name}" for name in self.named]
        text = ", ".join(parts)
        if self.more_names:
            text += f" and {self.more_names:,} more records after those"
        return text


class FailureLog:
    """Collects an ingest's failures; ``add`` each as it happens, ``close`` once at the end."""

    def __init__(self, record: Callable[[Failure], None], listed: int = settings.FAILURES_LISTED):
        self._record = record  # stores one row (and adds it to the report)
        self._listed = listed
        self._seen: dict[tuple[str, str], int] = {}
        self._repeats: dict[tuple[str, str], _Repeats] = {}
        self._container: str | None = None
        self.total = 0  # failed inputs so far (records, not rows)

    def add(self, failure: Failure) -> None:
        self.total += 1
        path, code, reason = printable(failure.path), failure.code, printable(failure.reason)
        container, hash_, record = path.partition("#")
        if not hash_:
            self._record(Failure(path, code, reason))
            return
        if container != self._container:
            self._flush()
            self._container = container
        key = (container, code)
        n = self._seen.get(key, 0) + 1
        self._seen[key] = n
        if n <= self._listed:
            self._record(Failure(path, code, reason))
        else:
            self._repeats.setdefault(key, _Repeats()).add(record, reason)

    def close(self) -> None:
        self._flush()

    def _flush(self) -> None:
        for (container, code), rep in self._repeats.items():
            reason = (f"{rep.count:,} more records failed with {code} (the first {self._listed} are "
                      f"listed on their own): {rep.where()}. The first of them: {rep.first_reason}")
            self._record(Failure(container, code, reason, count=rep.count))
        self._repeats.clear()
        self._seen.clear()
