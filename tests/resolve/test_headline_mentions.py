"""Names in document titles: found by the NER model in the headline, linked to the text's
entities by within-document name matching, stored apart from the text's mentions (their
offsets point into the title), exported as ``title_mentions`` without breaking the JSONL
contract, shown in the article view and the entity page, and carried by the API JSON.
Articles are written by the tests."""
# ruff: noqa: E501

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from exported import exported

# Invented reports: a headline naming by surname a person the text names in full, a
# headline-case title the tagger misreads, and a headline name the text never uses.
FIRST = """Varnel Checks Into Rehab After Court Hearing

Actress Mirela Varnel checked into a treatment centre in Oakridge on Friday, her lawyer said.

Varnel, 26, had been ordered by a judge in Oakridge to spend ninety days in treatment. The lawyer, Tomas Breck, said she was doing well.
"""
SECOND = """Breck defends client as Harwick studio drops film

The lawyer Tomas Breck said on Monday that his client Mirela Varnel would finish her treatment.

A spokesman for the studio said the film would be recast. Breck said Varnel was sorry.
"""


def _ingest(tmp: Path) -> Path:
    from newsgraph.pipeline import ingest
    from newsgraph.store import Store

    src = tmp / "in"
    src.mkdir()
    (src / "first.txt").write_text(FIRST, encoding="utf-8")
    (src / "second.txt").write_text(SECOND, encoding="utf-8")
    db = tmp / "x.db"
    with Store(db) as store:
        ingest([src], store, root=src)
    return db


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _ingest(tmp_path_factory.mktemp("headlines"))


@pytest.fixture(scope="module")
def records(db: Path) -> list[dict]:
    from newsgraph.store import Store

    with Store(db) as store:
        return exported(store)


def test_a_headline_surname_is_the_text_s_full_name(records: list[dict]):
    docs = {r["id"]: r for r in records if r["kind"] == "document"}
    varnel = next(e for e in records if e["kind"] == "entity" and e["name"] == "Mirela Varnel")
    titles = varnel["title_mentions"]
    # The second headline's "client" is her too: the text calls her "his client Mirela Varnel"
    # (``headline._text_descriptions``).
    assert [(docs[m["doc"]]["title"][m["start"]:m["end"]], m["text"]) for m in titles] == [
        ("Varnel", "Varnel"), ("client", "client")]
    first = next(d for d in docs.values() if d["path"].endswith("first.txt"))
    assert titles[0]["doc"] == first["id"] and titles[0]["start"] == 0
    # The headline adds no alias and no text mention: the entity's text mentions are unchanged.
    assert "Varnel Checks" not in varnel["aliases"]
    breck = next(e for e in records if e["kind"] == "entity" and e["name"] == "Tomas Breck")
    assert [m["text"] for m in breck["title_mentions"]] == ["Breck"]


def test_headline_capitals_are_not_names(records: list[dict]):
    titled = {m["text"] for r in records if r["kind"] == "entity" for m in r["title_mentions"]}
    assert not titled & {"Rehab", "Court", "Court Hearing", "Checks", "Rehab After Court Hearing"}


def test_export_contract_title_mentions_never_point_into_text(records: list[dict]):
    docs = {r["id"]: r for r in records if r["kind"] == "document"}
    entities = [r for r in records if r["kind"] == "entity"]
    assert any(e["title_mentions"] for e in entities)
    for e in entities:
        for m in e["mentions"]:  # the contract: text[start:end] is the mention
            assert docs[m["doc"]]["text"][m["start"]:m["end"]] == m["text"]
        for m in e["title_mentions"]:
            assert set(m) == {"doc", "start", "end", "text"}
            assert docs[m["doc"]]["title"][m["start"]:m["end"]] == m["text"]


def test_title_mentions_are_stored_apart_and_the_store_stays_consistent(db: Path):
    from newsgraph.store import Store
    from newsgraph.store.consistency import problems

    with Store(db) as store:
        assert problems(store) == {}
        rows = store.conn.execute('SELECT text FROM entity_title_mentions').fetchall()
        assert {r[0] for r in rows} >= {"Varnel", "Breck"}
        # The text's mention rows hold no headline mention.
        for doc_id, start, end, text in store.conn.execute(
                'SELECT m.doc_id, m.start, m."end", m.text FROM entity_mentions m'):
            assert store.document(doc_id)["text"][start:end] == text


def test_a_store_written_before_title_mentions_opens_and_keeps_working(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch):
    from newsgraph.nlp import annotate
    from newsgraph.pipeline import ingest
    from newsgraph.store import Store
    from newsgraph.store.consistency import problems
    from newsgraph.store.migrations import MIGRATIONS

    with monkeypatch.context() as m:  # as the previous newsgraph read articles: no title parsed
        m.setattr(annotate, "_title_to_parse", lambda document: False)
        db = _ingest(tmp_path)
    conn = sqlite3.connect(db)  # ... and wrote its store: no title mentions table
    conn.executescript(f"DROP TABLE entity_title_mentions; PRAGMA user_version = {len(MIGRATIONS) - 1};")
    conn.close()
    more = tmp_path / "more"
    more.mkdir()
    (more / "third.txt").write_text(
        "Varnel leaves treatment centre\n\nMirela Varnel left the centre in Oakridge on Sunday, Tomas Breck said.\n",
        encoding="utf-8")
    with Store(db) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        ingest([more], store, root=more)
        assert problems(store) == {}
        titles = store.conn.execute("SELECT t.text, e.name FROM entity_title_mentions t "
                                    "JOIN entities e ON e.id = t.entity_id").fetchall()
    assert ("Varnel", "Mirela Varnel") in [tuple(r) for r in titles]


def test_document_and_entity_api_json_and_pages_carry_headline_entities(db: Path):
    from fastapi.testclient import TestClient

    from newsgraph.api.app import create_app
    from newsgraph.store import Store

    with Store(db) as store:
        doc_id, title = next((r[0], r[1]) for r in store.conn.execute("SELECT id, title FROM documents")
                             if r[1].startswith("Varnel"))
        eid = store.conn.execute("SELECT id FROM entities WHERE name = 'Mirela Varnel'").fetchone()[0]
    with TestClient(create_app(db), base_url="http://127.0.0.1") as client:
        doc = client.get(f"/api/documents/{doc_id}").json()["document"]
        marks = doc["title_entities"]
        assert [(title[m["start"]:m["end"]], m["id"], m["name"]) for m in marks] == [("Varnel", eid, "Mirela Varnel")]
        ent = client.get(f"/api/entities/{eid}").json()["entity"]
        assert [(m["doc"], m["text"]) for m in ent["title_mentions"] if m["doc"] == doc_id] == [(doc_id, "Varnel")]
        assert all(m["doc"] != doc_id or m["start"] > 0 for m in ent["mentions"])  # no headline offsets in mentions
        page = client.get(f"/documents/{doc_id}").text
        assert 'class="title-entity"' in page and f'data-entity="{eid}"' in page
        assert "named in 2 headlines" in client.get(f"/entities/{eid}").text  # "Varnel", and "client"
