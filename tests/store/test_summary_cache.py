"""Whole-store aggregates are computed once and recomputed as soon as the store changes:
an ingest or an analyst's edit moves the fingerprint."""

from __future__ import annotations

from pathlib import Path

from newsgraph.pipeline import ingest
from newsgraph.settings import Options
from newsgraph.store import Store
from newsgraph.store.summary_cache import cached, clear, fingerprint

ARTICLE = """Harbour workers strike in {town}

Dock workers in {town} walked out on Monday over pay, the union said. The port authority
said talks would resume on Thursday.
"""


def _add(store: Store, tmp: Path, town: str) -> None:
    src = tmp / town
    src.mkdir()
    (src / f"{town}.txt").write_text(ARTICLE.format(town=town), encoding="utf-8")
    ingest([src], store, Options(extract=False, resolve=False), root=src)


def test_summary_cache_recomputes_after_an_ingest_and_an_edit(tmp_path: Path):
    clear()
    calls: list[int] = []

    def count() -> int:
        calls.append(1)
        return store.conn.execute("SELECT count(*) FROM documents").fetchone()[0]

    with Store(tmp_path / "kb.db") as store:
        _add(store, tmp_path, "Rotterdam")
        assert cached(store, "docs", count) == 1
        assert cached(store, "docs", count) == 1
        assert len(calls) == 1  # the second read is the cached answer
        _add(store, tmp_path, "Antwerp")
        assert cached(store, "docs", count) == 2 and len(calls) == 2
        before = fingerprint(store)
        with store.conn:
            store.conn.execute("INSERT INTO entity_edits (id, op, data, created) VALUES ('x', 'rename', '{}', 'now')")
        assert fingerprint(store) != before
        cached(store, "docs", count)
        assert len(calls) == 3


def test_summary_cache_keys_are_per_store_and_per_key(tmp_path: Path):
    clear()
    with Store(tmp_path / "a.db") as a, Store(tmp_path / "b.db") as b:
        _add(a, tmp_path, "Hamburg")
        assert cached(a, "k", lambda: "a") == "a"
        assert cached(b, "k", lambda: "b") == "b"
        assert cached(a, "other", lambda: "other") == "other"
        assert cached(a, "k", lambda: "recomputed") == "a"


def test_fingerprint_moves_with_links_resolution_and_deletions(tmp_path: Path):
    with Store(tmp_path / "kb.db") as store:
        _add(store, tmp_path, "Bremen")
        _add(store, tmp_path, "Kiel")
        a, b = (r[0] for r in store.conn.execute("SELECT id FROM documents ORDER BY rowid"))
        marks = [fingerprint(store)]
        for sql, args in (
                ("INSERT INTO links (a, b, kind, score, data) VALUES (?, ?, 'copy', 1, '{}')", (a, b)),
                ("DELETE FROM links WHERE a = ?", (a,)),
                ("UPDATE documents SET resolved = 1 WHERE id = ?", (a,)),
                ("UPDATE entity_edits SET withdrawn = 'now'", ()),
                ("DELETE FROM documents WHERE id = ?", (b,))):
            with store.conn:
                store.conn.execute(sql, args)
            marks.append(fingerprint(store))
        assert len(set(marks)) == len(marks) - 1  # the no-op edit update (no rows) moves nothing
        assert fingerprint(store) == marks[-1]  # reading does not move it
