"""The background ingest behind the upload form: one writer at a time, its status readable.

An upload is ingested in a daemon thread through ``newsgraph.pipeline.ingest``
(the same path as ``newsgraph ingest``), writing through its own ``Store``.
A second upload while one runs is refused (E506) rather than queued: SQLite has
one writer, and a refusal the analyst sees beats a queue nobody can inspect. An upload
made while a ``newsgraph ingest`` in another process holds the store's writer lock waits
for it, and its status says who it is waiting for.
Pages read the status as a snapshot copied under a lock.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from newsgraph.api.errors import ApiError
from newsgraph.model import Failure
from newsgraph.model.projection import project
from newsgraph.store.lock import LockHolder

__all__ = ["FailureRow", "IngestJobs", "IngestStatus"]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


#: A rejected input as the ingest page lists it (a ``Failure`` without its count).
FAILURE_SHOWN = ("path", "code", "reason")
FailureRow = project("FailureRow", Failure, FAILURE_SHOWN)


@dataclass(slots=True)
class IngestStatus:
    """Where the latest upload's ingest is. ``state``: idle, running, done or error."""

    state: str = "idle"
    files: list[str] = field(default_factory=list)
    seen: int = 0
    ingested: int = 0
    present: int = 0
    failed: int = 0
    current: str | None = None
    failures: list[FailureRow] = field(default_factory=list)
    ingested_ids: list[str] = field(default_factory=list)
    started_at: str | None = None
    finished_at: str | None = None
    error: str | None = None


class IngestJobs:
    """Runs at most one ingest at a time into the database at ``db_path``."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._lock = threading.Lock()  # guards _status
        self._writer = threading.Lock()  # held for the whole ingest: one writer at a time
        self._status = IngestStatus()
        self._thread: threading.Thread | None = None

    @contextmanager
    def writer(self) -> Iterator[None]:
        """Hold the app's one-writer lock for a short write (an entity edit); refused with
        E506 rather than queued while an ingest runs."""
        if not self._writer.acquire(blocking=False):
            raise ApiError(409, "E506", "an ingest is running: try again when it ends")
        try:
            yield
        finally:
            self._writer.release()

    def status(self) -> IngestStatus:
        with self._lock:
            return copy.deepcopy(self._status)

    def start(self, paths: list[Path], root: Path, rejected: list[Failure]) -> IngestStatus:
        """Start ingesting ``paths`` (files under ``root``); refused with E506 while one runs."""
        if not self._writer.acquire(blocking=False):
            raise ApiError(409, "E506")
        rows = [FailureRow(**{n: getattr(f, n) for n in FAILURE_SHOWN}) for f in rejected]
        with self._lock:
            self._status = IngestStatus(
                state="running", files=[p.name for p in paths] + [f.path for f in rejected],
                failed=len(rows), failures=rows, started_at=_now())
        if not paths:  # everything was refused at the door: nothing to run
            self._finish(None)
            return self.status()
        self._thread = threading.Thread(target=self._run, args=(paths, root), name="newsgraph-ingest",
                                        daemon=True)
        self._thread.start()
        return self.status()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the running ingest ends (for shutdown and tests); True if none runs."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
            return not thread.is_alive()
        return True

    def _run(self, paths: list[Path], root: Path) -> None:
        error: str | None = None
        try:
            # Imported here: the pipeline pulls in spaCy, which the read-only pages never need.
            from newsgraph.pipeline import Progress, ingest
            from newsgraph.store import Store

            rejected = self.status().failed

            def waiting(holder: LockHolder | None) -> None:
                with self._lock:
                    who = holder.describe() if holder else "another process"
                    self._status.current = f"waiting: {who} is writing this store"

            def progress(p: Progress) -> None:
                with self._lock:
                    self._status.seen = p.seen
                    self._status.ingested = p.ingested
                    self._status.present = p.present
                    self._status.failed = rejected + p.failed
                    self._status.current = p.path

            with Store(self.db_path) as store:
                report = ingest([str(p) for p in paths], store, root=root, on_progress=progress,
                                on_wait=waiting)
            with self._lock:
                s = self._status
                s.ingested, s.present = len(report.ingested), len(report.present)
                s.ingested_ids = list(report.ingested)
                s.failures.extend(FailureRow(**{n: getattr(f, n) for n in FAILURE_SHOWN})
                                  for f in report.failed)
                s.failed = len(s.failures)
        except Exception as exc:  # the thread must always release the writer and say why it stopped
            error = f"{type(exc).__name__}: {exc}"
        finally:
            self._finish(error)

    def _finish(self, error: str | None) -> None:
        with self._lock:
            self._status.state = "error" if error else "done"
            self._status.error = error
            self._status.current = None
            self._status.finished_at = _now()
        self._writer.release()
