"""A killed ingest and its rerun store exactly what one uninterrupted ingest stores.

A "kill" here is an exception raised from the progress callback in the middle of the run:
the unit of work in progress is rolled back, as SQLite rolls back an uncommitted
transaction of a process killed with SIGKILL (``newsgraph bench crash`` does the real
``kill -9`` at random moments of a 2,000-article ingest).
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from stories_texts import ELECTION, FLOOD, FLOOD_OTHER_REPORT, FLOOD_RETOLD, FLOOD_SPUN, OTHER_FLOOD
from test_corpus import A as STRIKE
from test_corpus import B as STRIKE_DAY_TWO

from newsgraph import settings
from newsgraph.export.jsonl import iter_records
from newsgraph.pipeline import ingest
from newsgraph.settings import Options
from newsgraph.store import Store
from newsgraph.store.consistency import problems

ARTICLES = {
    "01_flood.txt": "Flood forces families from Marlow Bridge\n\n" + FLOOD,
    "02_strike.txt": STRIKE,
    "03_election.txt": "Civic Alliance wins Halden vote\n\n" + ELECTION,
    "04_flood_spun.txt": "Flood compels families from Marlow Bridge\n\n" + FLOOD_SPUN,
    "05_strike_two.txt": STRIKE_DAY_TWO,
    "06_other_flood.txt": "Landslides cut Kestrel Valley road\n\n" + OTHER_FLOOD,
    "07_flood_report.txt": "Thousand flee Marlow Bridge\n\n" + FLOOD_OTHER_REPORT,
    "08_flood_retold.txt": "Waters invade Marlow Bridge\n\n" + FLOOD_RETOLD,
}


class Killed(Exception):
    pass


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    for name, text in ARTICLES.items():
        (root / name).write_text(text, encoding="utf-8")
    (root / "09_empty.txt").write_bytes(b"")
    return root


@pytest.fixture()
def save_every_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    """Save the resolvers' state after every batch (a long ingest's save points, small)."""
    monkeypatch.setattr(settings, "RESOLVE_COMMIT_EVERY", 1)
    monkeypatch.setattr(settings, "RESOLVE_COMMIT_FRACTION", 0.0)


def _export(db: Path) -> list[str]:
    with Store(db, readonly=True) as store:
        return sorted(json.dumps(r, sort_keys=True) for r in iter_records(store))


def _ingest(root: Path, db: Path, kill_after: int | None = None) -> None:
    def progress(p) -> None:
        if kill_after is not None and p.ingested >= kill_after:
            raise Killed

    with Store(db) as store, contextlib.suppress(Killed):
        ingest([root], store, Options(batch_size=2), on_progress=progress)


def test_a_kill_before_the_first_save_leaves_the_store_as_it_was(corpus: Path, tmp_path: Path):
    db = tmp_path / "kb.db"
    _ingest(corpus, db, kill_after=3)
    with Store(db, readonly=True) as store:  # no document, no failure, no half-resolved row
        assert store.stats()["documents"] == 0 and store.stats()["failures"] == 0
        assert store.conn.execute("SELECT count(*) FROM entities").fetchone()[0] == 0


@pytest.mark.usefixtures("save_every_batch")
def test_a_rerun_after_a_kill_stores_what_one_uninterrupted_ingest_stores(corpus: Path, tmp_path: Path):
    whole = tmp_path / "whole.db"
    _ingest(corpus, whole)
    expected = _export(whole)
    with Store(whole, readonly=True) as store:
        assert problems(store) == {}
    for kill_after in (1, 3, 5):
        db = tmp_path / f"killed{kill_after}.db"
        _ingest(corpus, db, kill_after=kill_after)
        with Store(db, readonly=True) as store:
            stored = store.conn.execute("SELECT count(*), sum(resolved) FROM documents").fetchone()
            assert 0 < stored[0] < len(ARTICLES) and stored[0] == stored[1]  # whole batches, resolved
            assert problems(store) == {}
        _ingest(corpus, db)
        assert _export(db) == expected, f"killed after {kill_after}"


def test_a_later_ingest_cleans_with_the_counts_of_the_earlier_ones(tmp_path: Path):
    """Lines repeated across a site's articles are counted in the store, so a site
    ingested in two runs is cleaned as if it came in one."""
    footer = "Read more from the Marlow Gazette newsroom at marlowgazette.example"
    texts = {f"{i}.txt": f"{title}\n\n{body}\n\n{footer}\n"
             for i, (title, body) in enumerate([
                 ("Flood forces families out", FLOOD), ("Halden votes", ELECTION),
                 ("Kestrel Valley landslides", OTHER_FLOOD), ("Thousand flee", FLOOD_OTHER_REPORT)])}
    one, two = tmp_path / "one" / "site", tmp_path / "two" / "site"  # one site: one folder
    for folder in (one, two):
        folder.mkdir(parents=True)
    for name, text in texts.items():
        (one / name).write_text(text, encoding="utf-8")

    def removed(db: Path) -> dict[str, list[str]]:
        with Store(db, readonly=True) as store:
            return {Path(d["path"]).name: [b["kind"] for b in d["removed"]] for d in store.iter_documents()}

    with Store(tmp_path / "one.db") as store:
        ingest([one], store, Options(resolve=False))
    with Store(tmp_path / "two.db") as store:
        for names in list(texts)[:2], list(texts)[2:]:  # the site's first articles, later the rest
            for name in names:
                (two / name).write_text(texts[name], encoding="utf-8")
            ingest([two], store, Options(resolve=False))
    in_one, in_two = removed(tmp_path / "one.db"), removed(tmp_path / "two.db")
    assert in_one == in_two
    assert any(in_one.values())  # the footer repeated across the site's articles went


def test_saving_after_every_batch_stores_what_saving_once_stores(corpus: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch):
    """Once saved, the resolvers' row-backed dicts and lists (``store/state_rows.py``) are
    read from the store on demand and written back after each batch: the later batches of
    an ingest that saves after every one resolve as those of an ingest that saves once."""
    once = tmp_path / "once.db"
    _ingest(corpus, once)
    monkeypatch.setattr(settings, "RESOLVE_COMMIT_EVERY", 1)
    monkeypatch.setattr(settings, "RESOLVE_COMMIT_FRACTION", 0.0)
    every = tmp_path / "every.db"
    _ingest(corpus, every)
    assert _export(every) == _export(once)
    with Store(every, readonly=True) as store:
        assert problems(store) == {}
