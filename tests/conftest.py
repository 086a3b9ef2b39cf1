"""Fixtures shared by every test: the spaCy model (loaded once), shared-data paths, a store."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def nlp():
    from newsgraph.nlp.annotate import load_model

    return load_model()


@pytest.fixture()
def store(tmp_path: Path):
    from newsgraph.store import Store

    with Store(tmp_path / "test.db") as s:
        yield s


@pytest.fixture()
def demo_corpus() -> Path:
    """The seed articles when shared/ is beside the repo, else the fictional examples."""
    return SEEDS if SEEDS.is_dir() and any(SEEDS.iterdir()) else EXAMPLES


@pytest.fixture()
def rewind_to_v5():
    """Turns a store's schema back to version 5 (before the publisher tallies, the search
    place table, the write counter, per-document entity chains, the ingest-order index,
    the kind and rule of entity mentions, the French search index, the resolver state
    rows, the rule of mentions, whether an entity is named and the title mentions), as a store written
    by an older newsgraph; opening it migrates it again."""

    def rewind(conn) -> None:
        import pickle

        from newsgraph.store.state_rows import StateRows

        for stage in ("events", "stories"):  # state rows (migration 15) back to whole pickles
            obj = StateRows(lambda: conn, stage).load()
            if obj is not None:
                conn.execute("UPDATE resolver_state SET data = ? WHERE stage = ?",
                             (pickle.dumps(obj, protocol=5), stage))
        conn.commit()
        conn.executescript(
            "ALTER TABLE entity_mentions DROP COLUMN kind; ALTER TABLE entity_mentions DROP COLUMN rule;"
            "ALTER TABLE mentions DROP COLUMN rule; ALTER TABLE entities DROP COLUMN named;"
            "DROP TABLE publisher_docs; DROP TABLE publisher_tally; DROP TABLE publisher_signal_values;"
            "DROP TABLE search_places; DROP TABLE store_writes; DROP TABLE entity_chains;"
            "DROP INDEX documents_id_order; DROP TABLE site_lines; DROP TABLE documents_fts_fr;"
            "DROP TABLE resolver_rows; DROP TABLE entity_title_mentions;"
            + "".join(f"DROP TRIGGER {r[0]};" for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'"))
            + "PRAGMA user_version = 5;")

    return rewind


_HOLDER = """
import sys
from newsgraph.store.lock import WriterLock
lock = WriterLock(sys.argv[1], "newsgraph ingest (test holder)")
lock.acquire()
print("held", flush=True)
sys.stdin.readline()  # held until the test writes a line, or dies
lock.release()
"""


class OtherWriter:
    """Another process holding a store's writer lock, as a ``newsgraph ingest`` in another
    terminal would: ``release()`` lets it go, ``kill()`` kills it (SIGKILL)."""

    def __init__(self, db: Path) -> None:
        self.process = subprocess.Popen([sys.executable, "-c", _HOLDER, str(db)], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True)
        assert self.process.stdout is not None and self.process.stdout.readline().strip() == "held"

    def release(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.write("\n")
            self.process.stdin.flush()
        self.process.wait(timeout=30)

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(timeout=30)


@pytest.fixture()
def other_writer() -> Iterator[Callable[[Path], OtherWriter]]:
    """Start another process that holds a store's writer lock until released or killed."""
    started: list[OtherWriter] = []

    @contextmanager
    def start(db: Path) -> Iterator[OtherWriter]:
        writer = OtherWriter(db)
        started.append(writer)
        try:
            yield writer
        finally:
            writer.release()

    yield start
    for writer in started:
        if writer.process.poll() is None:
            writer.kill()
