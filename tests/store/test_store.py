"""Store: schema versioning, atomic idempotent writes, full-text search."""

from __future__ import annotations

import sqlite3

import pytest

from newsgraph.errors import StoreError
from newsgraph.model import AnnotatedDocument, Document, Mention, RawDocument, RemovedBlock, Sentence
from newsgraph.store import Store, fts_query
from newsgraph.store.migrations import MIGRATIONS


def _pair(text: str, title: str, path: str = "a.txt") -> tuple[RawDocument, AnnotatedDocument]:
    raw = RawDocument(data=text.encode(), path=path)
    doc = Document(id=raw.id, path=path, text=text, title=title, language="en",
                   removed=[RemovedBlock("Share this article", "share-bar", 7)])
    i = text.index("Kim Jong-un")
    adoc = AnnotatedDocument(document=doc, sentences=[Sentence(0, len(text))],
                             mentions=[Mention(i, i + 11, "Kim Jong-un", "PERSON", 0)])
    return raw, adoc


def test_store_is_versioned_and_in_wal_mode(store: Store):
    assert store.version == len(MIGRATIONS)
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_store_refuses_a_newer_schema(tmp_path):
    path = tmp_path / "future.db"
    with Store(path) as s:
        s.conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(StoreError) as err:
        Store(path)
    assert err.value.code == "E401"


def test_add_document_is_idempotent_and_round_trips(store: Store):
    raw, adoc = _pair("Talks with Kim Jong-un stalled in Hanoi.", "Talks stall")
    assert store.add_document(raw, adoc) is True
    assert store.add_document(raw, adoc) is False
    doc = store.document(raw.id)
    assert doc["title"] == "Talks stall" and doc["annotated"] is True
    assert doc["removed"][0]["kind"] == "share-bar"
    assert doc["mentions"][0]["text"] == "Kim Jong-un"
    assert store.raw_bytes(raw.id) == raw.data
    assert store.stats()["documents"] == 1


def test_failed_write_leaves_nothing_half_written(store: Store):
    raw, adoc = _pair("Kim Jong-un met envoys.", "Envoys")
    # Two mentions with the same key but a NOT NULL violation in the second table's row.
    adoc.sentences.append(Sentence(0, None))  # type: ignore[arg-type]
    with pytest.raises(StoreError):
        store.add_document(raw, adoc)
    assert store.document(raw.id) is None
    assert store.conn.execute("SELECT count(*) FROM documents_fts").fetchone()[0] == 0


def test_search_handles_what_analysts_type(store: Store):
    raw, adoc = _pair("Talks with Kim Jong-un stalled in Hanoi after the summit.", "Summit talks")
    store.add_document(raw, adoc)
    for q in ("Kim Jong-un", '"Jong-un stalled"', "summ*", "Hanoi OR Paris", 'bad " quote', "AND", "-"):
        store.search(q)  # never raises
    total, hits = store.search("Kim Jong-un")
    assert total == 1 and "\x02" in hits[0].snippet
    assert store.search("Paris")[0] == 0
    assert store.search("Hanoi OR Paris")[0] == 1


def test_fts_query_quotes_operators():
    assert fts_query("Kim Jong-un") == '"Kim" "Jong-un"'
    assert fts_query("embass*") == '"embass"*'
    assert fts_query("a OR b OR") == '"a" OR "b"'


def test_readonly_store_cannot_write(tmp_path):
    path = tmp_path / "r.db"
    Store(path).close()
    with Store(path, readonly=True) as ro, pytest.raises(sqlite3.OperationalError):
        ro.conn.execute("INSERT INTO failures VALUES ('p','E1','r','t')")


def test_a_fact_record_is_written_as_the_json_of_its_fields_nested_records_included():
    import json
    from dataclasses import asdict, dataclass, field

    from newsgraph.store.sqlite import _json

    @dataclass
    class Span:
        start: int
        end: int
        text: str

    @dataclass
    class Fact:
        span: Span
        spans: list[Span] = field(default_factory=list)
        pair: tuple[Span, int] | None = None
        data: dict[str, Span] = field(default_factory=dict)
        note: str = "Zürich – “quoted”"

    fact = Fact(Span(0, 4, "Anna"), [Span(5, 9, "Brno")], (Span(1, 2, "n"), 3), {"k": Span(7, 8, "é")})
    assert _json(fact) == json.dumps(asdict(fact), ensure_ascii=False)
    assert json.loads(_json(fact))["data"]["k"]["text"] == "é"
