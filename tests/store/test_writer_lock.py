"""One writer per store across processes: a second writer waits or is refused, never interleaves."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from newsgraph.errors import StoreError
from newsgraph.pipeline import ingest
from newsgraph.settings import Options
from newsgraph.store import Store
from newsgraph.store.lock import WriterLock

ARTICLE = """Ferry service resumes across the Varn estuary

The ferry link between the invented ports of Kellby and Osterwick resumed on Monday after a week of repairs to the landing stage, the Varn Estuary Ferry Company said.

Company director Ilse Markov said crossings would run every forty minutes until the summer timetable begins.
"""


def test_a_second_process_is_refused_at_once_and_nothing_is_written(tmp_path: Path, other_writer):
    (tmp_path / "a.txt").write_text(ARTICLE)
    db = tmp_path / "kb.db"
    Store(db).close()
    with other_writer(db):
        with Store(db) as store, pytest.raises(StoreError) as refused:
            ingest([tmp_path / "a.txt"], store, Options(lock_wait=0))
        assert refused.value.code == "E403"
        assert "test holder" in refused.value.reason  # says who writes
        with Store(db) as store:
            assert store.stats()["documents"] == 0 and store.stats()["failures"] == 0


def test_a_second_ingest_waits_for_the_writer_then_goes_on(tmp_path: Path, other_writer):
    (tmp_path / "a.txt").write_text(ARTICLE)
    db = tmp_path / "kb.db"
    Store(db).close()
    waited: list[str] = []
    with other_writer(db) as holder:

        def on_wait(who) -> None:  # the first poll: the other writer is named, then let it go
            waited.append(who.purpose if who else "?")
            if len(waited) == 1:
                threading.Thread(target=holder.release).start()

        with Store(db) as store:
            report = ingest([tmp_path / "a.txt"], store, Options(lock_wait=None), on_wait=on_wait)
            assert len(report.ingested) == 1
    assert waited and waited[0] == "newsgraph ingest (test holder)"


def test_the_lock_is_per_store_object_and_reentrant():
    """Two ``Store``s of one file in one process are two writers; one ``Store`` nests."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "kb.db"
        with Store(db) as a, Store(db) as b, a.writer("first"), a.writer("nested"):
            with pytest.raises(StoreError) as refused, b.writer("second", wait=0):
                pass
            assert refused.value.code == "E403" and "first" in refused.value.reason
        with Store(db) as b, b.writer("free again", wait=0):
            assert WriterLock(db, "probe").holder().purpose == "free again"


def test_a_killed_writer_leaves_no_stale_lock(tmp_path: Path, other_writer):
    db = tmp_path / "kb.db"
    Store(db).close()
    with other_writer(db) as holder:
        holder.kill()  # SIGKILL: the kernel drops the lock with the process
        with Store(db) as store, store.writer("after the kill", wait=0):
            assert store.writing
