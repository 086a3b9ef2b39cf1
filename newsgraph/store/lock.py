"""One writer per store, across processes: an OS file lock beside the database.

SQLite lets two processes write one file, one transaction at a time, but newsgraph's
writers are not single transactions: an ingest resolves entities and events in memory
across many batches and writes what its own resolvers know (deleting what they do not),
so two ingests at once — or an analyst's edit replayed from a stale resolver state while
an ingest runs — silently destroy each other's work. Every writer therefore takes this
lock first: the CLI and Python ingest (``newsgraph.pipeline.ingest``), the server's
upload jobs, and entity edits from the CLI or the server. Readers never take it.

``fcntl.flock`` on ``<db>.lock`` (not SQLite's own locking: a write transaction held for
a whole ingest would also stall the server's short reads behind checkpoints, and the
lock has to cover work done in memory between transactions). The kernel drops the lock
when its holder dies, so ``kill -9`` never leaves a stale lock. The file's content names
the holder (pid, what it does, since when) for the message a refused writer shows; it is
advisory text, not the lock. POSIX only (Linux, macOS), like the rest of the deployment.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from newsgraph.errors import StoreError

__all__ = ["LockHolder", "WriterLock", "lock_path"]

#: Seconds between two attempts while waiting for the lock.
POLL_SECONDS = 0.5


def lock_path(db_path: str | Path) -> Path:
    """The lock file of a database: ``<db>.lock`` beside it."""
    return Path(f"{db_path}.lock")


@dataclass(slots=True)
class LockHolder:
    """Who holds the lock, as the holder wrote it."""

    pid: int | None
    purpose: str
    since: str

    def describe(self) -> str:
        who = f"process {self.pid}" if self.pid else "another process"
        return f"{who} ({self.purpose}, since {self.since})"


class WriterLock:
    """The exclusive writer lock of one store.

    ``acquire(wait=0)`` fails at once with E403 when another writer holds it;
    ``wait=None`` waits as long as it takes; a number waits that many seconds. While
    waiting, ``on_wait(holder)`` is called once per poll so a caller can show progress.
    Re-entrant within one ``WriterLock`` object (an ingest that edits holds it once).
    """

    def __init__(self, db_path: str | Path, purpose: str) -> None:
        self.path = lock_path(db_path)
        self.purpose = purpose
        self._fd: int | None = None
        self._depth = 0

    @property
    def held(self) -> bool:
        return self._fd is not None

    def holder(self) -> LockHolder | None:
        """Who holds the lock now, as far as its file says (None when unreadable or free)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8") or "{}")
        except (OSError, ValueError):
            return None
        if not data:
            return None
        return LockHolder(data.get("pid"), str(data.get("purpose", "a writer")), str(data.get("since", "?")))

    def acquire(self, wait: float | None = 0,
                on_wait: Callable[[LockHolder | None], None] | None = None) -> None:
        if self._fd is not None:
            self._depth += 1
            return
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StoreError(f"cannot open the writer lock {self.path}: {exc.strerror}",
                             code="E403") from exc
        deadline = None if wait is None else time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = self.holder()
                if deadline is not None and time.monotonic() >= deadline:
                    os.close(fd)
                    who = holder.describe() if holder else "another process"
                    raise StoreError(
                        f"the store is being written by {who}; nothing was written — try again "
                        "when it ends", code="E403") from None
                if on_wait is not None:
                    on_wait(holder)
                time.sleep(POLL_SECONDS if deadline is None
                           else max(0.0, min(POLL_SECONDS, deadline - time.monotonic())))
        info = {"pid": os.getpid(), "purpose": self.purpose,
                "since": datetime.now(UTC).isoformat(timespec="seconds")}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info).encode(), 0)
        self._fd = fd
        self._depth = 1

    def release(self) -> None:
        if self._fd is None:
            return
        self._depth -= 1
        if self._depth > 0:
            return
        fd, self._fd = self._fd, None
        try:
            os.ftruncate(fd, 0)  # the next reader of the file sees no holder
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def __enter__(self) -> WriterLock:
        self.acquire()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()
