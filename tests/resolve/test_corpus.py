"""Corpus resolution inside the ingest: entities and events across documents, resumable."""

from __future__ import annotations

from pathlib import Path

from newsgraph.pipeline import ingest
from newsgraph.resolve_job import CorpusResolver
from newsgraph.settings import Options
from newsgraph.store import Store

A = """Union leader calls strike at Port Anselm

Mirela Dostan, the general secretary of the Anselm Harbour Workers Union, called a strike at the port of Port Anselm on Monday.

Dostan said the Veloria Port Authority had ignored the workers for months.
"""

B = """Port Anselm strike enters second day

The strike at Port Anselm entered its second day on Tuesday. Mirela Dostan told reporters that the Anselm Harbour Workers Union would not back down.

The Veloria Port Authority said it was ready for talks with Dostan.
"""


def _entity_named(store: Store, name: str) -> list[tuple]:
    return store.conn.execute(
        "SELECT id, mention_count, doc_count FROM entities WHERE name = ?", (name,)).fetchall()


def test_ingest_resolves_entities_across_documents(tmp_path: Path, store: Store):
    (tmp_path / "a.txt").write_text(A)
    (tmp_path / "b.txt").write_text(B)
    ingest([tmp_path], store)
    (dostan,) = _entity_named(store, "Mirela Dostan")
    assert dostan[2] == 2  # one person, two documents
    aliases = store.conn.execute(
        "SELECT DISTINCT text FROM entity_mentions WHERE entity_id = ?", (dostan[0],)).fetchall()
    assert {"Mirela Dostan", "Dostan"} <= {a[0] for a in aliases}
    assert store.conn.execute("SELECT count(*) FROM documents WHERE resolved = 0").fetchone()[0] == 0

    before = store.conn.execute("SELECT count(*) FROM entities").fetchone()[0]
    ingest([tmp_path], store)  # re-ingest: nothing new, nothing duplicated
    assert store.conn.execute("SELECT count(*) FROM entities").fetchone()[0] == before


def test_documents_left_unresolved_are_caught_up(tmp_path: Path):
    (tmp_path / "a.txt").write_text(A)
    (tmp_path / "b.txt").write_text(B)
    db = tmp_path / "kb.db"
    with Store(db) as s:  # a run that stored documents but died before resolving them
        ingest([tmp_path], s, Options(resolve=False))
        assert s.conn.execute("SELECT count(*) FROM documents WHERE resolved = 0").fetchone()[0] == 2
        assert s.conn.execute("SELECT count(*) FROM entities").fetchone()[0] == 0
    with Store(db) as s:
        assert CorpusResolver(s).catch_up() == 2
        (dostan,) = _entity_named(s, "Mirela Dostan")
        assert dostan[2] == 2
        assert s.conn.execute("SELECT count(*) FROM documents WHERE resolved = 0").fetchone()[0] == 0


def test_entity_state_is_written_once_per_document_and_replayed(tmp_path: Path, store: Store):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "a.txt").write_text(A)
    (tmp_path / "b" / "b.txt").write_text(B)
    ingest([tmp_path / "a"], store)
    first = store.conn.execute("SELECT seq, doc_id, data FROM entity_chains").fetchall()
    assert len(first) == 1
    ingest([tmp_path / "b"], store)  # a second run: replays a's chains, adds b's
    rows = store.conn.execute("SELECT seq, doc_id, data FROM entity_chains ORDER BY seq").fetchall()
    assert rows[0] == first[0] and len(rows) == 2  # a's row untouched
    sizes = store.resolver_state_bytes()
    assert sizes["per document"]["entity chains"] == sum(len(r[2]) for r in rows)
    assert "entities" not in sizes["saved whole"] and sizes["saved whole"]["events"] > 0
    assert not store.conn.execute("SELECT 1 FROM resolver_state WHERE stage = 'entities'").fetchone()
    (dostan,) = _entity_named(store, "Mirela Dostan")
    assert dostan[2] == 2  # the replayed document and the new one: one person


def test_an_old_whole_entity_state_moves_to_per_document_rows(tmp_path: Path, store: Store):
    import json

    from newsgraph.resolve.entities import ResolverState

    (tmp_path / "a.txt").write_text(A)
    (tmp_path / "b.txt").write_text(B)
    ingest([tmp_path], store)
    before = CorpusResolver(store).entities.entities()
    rows = store.conn.execute("SELECT doc_id, data FROM entity_chains ORDER BY seq").fetchall()
    with store.conn:  # the state as stores before migration 9 kept it
        legacy = ResolverState([(d, json.loads(c)) for d, c in rows], []).to_json()
        store.conn.execute("DELETE FROM entity_chains")
        store.conn.execute("INSERT INTO resolver_state (stage, data, updated) VALUES ('entities', ?, '')",
                           (legacy,))
    after = CorpusResolver(store).entities.entities()
    assert [(e.id, e.name, len(e.mentions)) for e in after] == [(e.id, e.name, len(e.mentions)) for e in before]
    assert store.conn.execute("SELECT doc_id, data FROM entity_chains ORDER BY seq").fetchall() == rows
    assert not store.conn.execute("SELECT 1 FROM resolver_state WHERE stage = 'entities'").fetchone()


def test_mention_lookup_answers_the_same_with_a_cache_of_one_document(tmp_path: Path, store: Store,
                                                                       monkeypatch):
    """The event resolver's entity lookup keeps a bounded number of documents' rows: a
    document read again after it left the cache gets the same answers."""
    from newsgraph.store.resolution import MentionIndex

    (tmp_path / "a.txt").write_text(A)
    (tmp_path / "b.txt").write_text(B)
    ingest([tmp_path], store)
    spans = store.conn.execute('SELECT doc_id, start, "end" FROM entity_mentions ORDER BY doc_id, start').fetchall()
    assert len({d for d, _, _ in spans}) == 2
    whole = MentionIndex(store)
    expected = [whole(d, s, e) for d, s, e in spans]
    assert all(expected)
    monkeypatch.setattr(MentionIndex, "CACHED_DOCS", 1)
    small = MentionIndex(store)
    assert [small(d, s, e) for d, s, e in reversed(spans)] == expected[::-1]
    assert [small(d, s, e) for d, s, e in spans] == expected
    assert len(small._cache) == 1
