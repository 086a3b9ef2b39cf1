"""The latency benchmark's store replication: copies get fresh ids everywhere (their rows
still join), long-tail entities are copied, shared entities gain the copies' mentions,
and full-text search finds every copy."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newsgraph.bench.latency import replicate
from newsgraph.pipeline import ingest
from newsgraph.store import Store

FERRY = """Ferry capsizes off Lampedusa

Tuesday, June 3, 2025

A ferry carrying 60 passengers capsized off Lampedusa on Tuesday, the Italian coast guard
said. Captain Marco Rossi said 52 people had been rescued.
"""

STRIKE = """Dock strike spreads to Genoa

Wednesday, June 4, 2025

Dock workers in Genoa joined the strike on Wednesday, the union said. Marco Rossi, a union
organiser, said talks with the port authority had failed.
"""


def test_replicate_copies_rows_under_fresh_ids(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "ferry.txt").write_text(FERRY, encoding="utf-8")
    (src / "strike.txt").write_text(STRIKE, encoding="utf-8")
    template = tmp_path / "template.db"
    with Store(template) as store:
        ingest([src], store, root=src)
    built = replicate(template, tmp_path / "big.db", 6)
    assert built["copies"] == 3 and built["counts"]["documents"] == 6
    conn = sqlite3.connect(tmp_path / "big.db")
    ids = [r[0] for r in conn.execute("SELECT id FROM documents")]
    assert len(set(ids)) == 6 and all(len(i) == len(ids[0]) for i in ids)
    # Every per-document row belongs to a stored document.
    for table in ("sentences", "mentions", "entity_mentions", "claims", "event_mentions"):
        orphans = conn.execute(
            f"SELECT count(*) FROM {table} WHERE doc_id NOT IN (SELECT id FROM documents)").fetchone()[0]
        assert orphans == 0, table
    assert conn.execute("SELECT count(*) FROM entity_mentions WHERE entity_id NOT IN "
                        "(SELECT id FROM entities)").fetchone()[0] == 0
    # "Marco Rossi" is named in both articles: one shared entity with every copy's mentions.
    (mentions, docs) = conn.execute(
        "SELECT mention_count, doc_count FROM entities WHERE name = 'Marco Rossi'").fetchone()
    assert docs == 6 and mentions >= 6
    with Store(tmp_path / "big.db") as big:
        total, _ = big.search("Lampedusa")
    assert total == 3
