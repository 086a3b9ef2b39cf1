"""Fixtures shared by every test: the spaCy model (loaded once), shared-data paths, a store."""

from __future__ import annotations

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
    place table, the write counter, per-document entity chains and the ingest-order
    index), as a store written by an older newsgraph; opening it migrates it again."""

    def rewind(conn) -> None:
        conn.executescript(
            "DROP TABLE publisher_docs; DROP TABLE publisher_tally; DROP TABLE publisher_signal_values;"
            "DROP TABLE search_places; DROP TABLE store_writes; DROP TABLE entity_chains;"
            "DROP INDEX documents_id_order;"
            + "".join(f"DROP TRIGGER {r[0]};" for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'"))
            + "PRAGMA user_version = 5;")

    return rewind
