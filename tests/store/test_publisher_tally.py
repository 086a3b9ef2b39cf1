"""The publisher tallies (migration 6's triggers) give exactly the profiles of the full
scan (``story_queries.publishers_scan``) on a store built by ingesting the articles below,
after each ingest batch and after edits, deletions and re-linking done straight in SQL."""
# ruff: noqa: E501

from __future__ import annotations

import json
from pathlib import Path

from newsgraph.model.stories import LINK_KINDS
from newsgraph.pipeline import ingest
from newsgraph.signals.republication import REPUBLISHING_KINDS
from newsgraph.store import Store
from newsgraph.store import story_queries as q
from newsgraph.store.migrations import _REPUBLISHING
from newsgraph.store.publisher_tally import publishers, rebuild

FLOOD = """River Calder bursts its banks in Westmoor

The River Calder burst its banks in the town of Westmoor on Sunday, flooding about 200 homes and the main road to Ashby, the county fire service said.

"The water rose faster than anyone expected," said fire chief Hanna Lowrie, who coordinated the evacuation of two care homes overnight.

The Environment Office said more rain was expected on Tuesday and that the river might rise again before the weekend.

Residents said the flood defences promised after the last flood in 2019 had never been built."""

FLOOD_COPY = """Share on Facebook | Share on Twitter | Email this article

Source: Westmoor Courier

The River Calder burst its banks in the town of Westmoor on Sunday, flooding about 200 homes and the main road to Ashby, the county fire service said.

"The water rose faster than anyone expected," said fire chief Hanna Lowrie, who coordinated the evacuation of two care homes overnight.

The Environment Office said more rain was expected on Tuesday and that the river might rise again before the weekend.

Residents said the flood defences promised after the last flood in 2019 had never been built.

Copyright 2025 Newsloop. All rights reserved."""

FLOOD_OWN = """Hundreds evacuated as Calder floods Westmoor

Firefighters evacuated two care homes in Westmoor overnight as the River Calder flooded some 200 houses, officials said on Monday.

An anonymous council official said the repair of the flood wall may have been delayed by a dispute over funding.

Forecasters warned that heavy rain could return to the valley by Tuesday."""

BRIDGE = """Ashby opens rebuilt stone bridge

The town of Ashby reopened its rebuilt stone bridge on Friday, two years after a lorry crashed into its parapet.

Mayor Colm Reddan said the bridge would carry buses again from next month, and that the works had cost 3 million pounds.

Some shopkeepers said the closure had cost them a third of their trade."""

BATCH_1 = [("flood", "River Calder bursts its banks in Westmoor", "Westmoor Courier", "2025-02-09", FLOOD),
           ("bridge", "Ashby opens rebuilt stone bridge", "", "2025-02-07", BRIDGE)]
BATCH_2 = [("flood_copy", "River Calder bursts its banks in Westmoor", "Newsloop", "2025-02-10", FLOOD_COPY),
           ("flood_own", "Hundreds evacuated as Calder floods Westmoor", "Valley Post", "2025-02-10", FLOOD_OWN)]


def _ingest(store: Store, folder: Path, batch: list[tuple[str, str, str, str, str]]) -> None:
    folder.mkdir()
    with (folder / "feed.jsonl").open("w", encoding="utf-8") as f:
        for stem, title, publisher, date, text in batch:
            # A record without a publisher has no URL either: a URL would name its site.
            url = {"url": f"https://example.org/{stem}"} if publisher else {}
            f.write(json.dumps({**url, "title": title,
                                "publisher": publisher, "date": date, "text": text}) + "\n")
    report = ingest([folder], store, root=folder)
    assert not report.failed, report.failed


def _same(store: Store) -> list[dict]:
    scanned = q.publishers_scan(store)
    assert publishers(store) == scanned
    assert q.publishers(store) == scanned
    return scanned


def test_republishing_kinds_agree_with_the_migration():
    assert tuple(k for k in LINK_KINDS if k in REPUBLISHING_KINDS) == _REPUBLISHING


def test_tallies_match_the_full_scan_through_ingests_and_edits(tmp_path: Path):
    with Store(tmp_path / "kb.db") as store:
        first = _same(store)
        assert first == []
        _ingest(store, tmp_path / "one", BATCH_1)
        profiles = {p["publisher"]: p for p in _same(store)}
        assert set(profiles) == {"Westmoor Courier", q.UNKNOWN_PUBLISHER}
        _ingest(store, tmp_path / "two", BATCH_2)
        profiles = {p["publisher"]: p for p in _same(store)}
        assert profiles["Newsloop"]["originals"] == 0  # the copy is not an original
        assert profiles["Westmoor Courier"]["claims"] > 0
        assert any(p["signals"] for p in profiles.values())
        ids = {r[0]: r[1] for r in store.conn.execute("SELECT url, id FROM documents")}
        flood, copy = ids["https://example.org/flood"], ids["https://example.org/flood_copy"]
        own = ids["https://example.org/flood_own"]

        with store.conn:  # an analyst's edit of a publisher and of a credit line
            store.conn.execute("UPDATE documents SET publisher = 'Valley Post', attributed_to = ? WHERE id = ?",
                               (json.dumps(["Westmoor Courier", "Valley Post"]), flood))
        _same(store)
        with store.conn:  # a link upgraded (delete + insert, as store/resolution.py does), one dropped
            store.conn.execute("DELETE FROM links WHERE b = ?", (copy,))
            store.conn.execute("INSERT INTO links (a, b, kind, score, data) VALUES (?, ?, 'spin', 0.9, '{}')",
                               (flood, own))
            store.conn.execute("INSERT INTO links (a, b, kind, score, data) VALUES (?, ?, 'duplicate', 1, '{}')",
                               (own, copy))
        _same(store)
        with store.conn:  # a signal rescored (INSERT OR REPLACE), one deleted, a claim deleted
            store.conn.execute(
                "INSERT OR REPLACE INTO signals (subject, name, value, data) VALUES (?, 'spinning', 0.1, ?)",
                (own, json.dumps({"flagged": True})))
            store.conn.execute(
                "INSERT OR REPLACE INTO signals (subject, name, value, data) VALUES (?, 'spinning', 0.35, ?)",
                (own, json.dumps({"flagged": False})))
            store.conn.execute("DELETE FROM signals WHERE subject = ? AND name = 'attribution'", (flood,))
            store.conn.execute("DELETE FROM claims WHERE rowid = (SELECT min(rowid) FROM claims)")
            store.conn.execute("UPDATE claims SET certainty = 'hedged' WHERE rowid = (SELECT max(rowid) FROM claims)")
        _same(store)
        with store.conn:  # a document deleted (its rows cascade; its signals stay, unowned)
            store.conn.execute("DELETE FROM documents WHERE id = ?", (flood,))
        after = _same(store)
        assert sum(p["articles"] for p in after) == 3

        tally = store.conn.execute("SELECT * FROM publisher_tally ORDER BY 1, 2, 3").fetchall()
        rebuild(store)
        _same(store)
        assert [tuple(r) for r in store.conn.execute("SELECT * FROM publisher_tally WHERE n <> 0 ORDER BY 1, 2, 3")] \
            == [tuple(r) for r in tally if r[3] != 0]


def test_the_migration_fills_the_tallies_of_an_existing_store(tmp_path: Path, rewind_to_v5):
    db = tmp_path / "old.db"
    with Store(db) as store:
        _ingest(store, tmp_path / "one", BATCH_1 + BATCH_2)
        expected = q.publishers_scan(store)
        rewind_to_v5(store.conn)  # as a store written by an older newsgraph
    with Store(db) as store:
        assert publishers(store) == expected


def test_signal_means_are_the_exactly_rounded_sum_of_repeated_values():
    import math
    import random

    from newsgraph.store.publisher_tally import _exact_sum

    rng = random.Random(5)
    for _ in range(200):
        values = [(rng.choice([0.1, 0.2, 0.3, 1 / 3, 2.675, 1e-9, 8.93, rng.random()]), rng.randint(1, 50))
                  for _ in range(rng.randint(1, 8))]
        assert _exact_sum(values) == math.fsum(v for v, n in values for _ in range(n))
