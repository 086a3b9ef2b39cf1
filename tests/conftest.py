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
