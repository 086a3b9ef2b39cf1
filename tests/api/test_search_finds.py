"""Search that finds: word forms match (the index stems, store migration 12), entities named
like the query and events whose evidence matches it come above the article hits, and facets
(publisher, year, entity, event type) narrow the hits — on fictional articles written here."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from api_articles import BASE, store_of_records
from fastapi.testclient import TestClient

from newsgraph.api.app import create_app

RECORDS = [
    {"title": "Militants attack Varennian embassy in Lisbon", "publisher": "Tagus Herald",
     "published": "2024-03-05",
     "text": "Militants of the Ostrel Front attacked the Varennian embassy in Lisbon on Monday, wounding "
             "two guards, police said. The attackers fled before officers arrived."},
    {"title": "Varennia warns of attacks against its embassies", "publisher": "Brisvik Courier",
     "published": "2023-11-20",
     "text": "The Varennian intelligence service said on Tuesday that the Ostrel Front was planning attacks "
             "against Varennian embassies in Lisbon and Madrid, and raised the alert level of every mission."},
    {"title": "Ferry line to Kellmar reopens", "publisher": "Brisvik Courier", "published": "2023-05-02",
     "text": "The ferry between the fictional town of Brisvik and Kellmar island resumed on Tuesday after "
             "a storm kept boats in port for three days, the harbour office said."},
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return store_of_records(tmp_path_factory.mktemp("searchfinds"), RECORDS)


@pytest.fixture()
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db), base_url=BASE) as c:
        yield c


def test_search_matches_word_forms(client: TestClient):
    found = client.get("/search.json?q=embassy+attack").json()
    titles = {h["title"] for h in found["hits"]}
    assert titles == {"Militants attack Varennian embassy in Lisbon",
                      "Varennia warns of attacks against its embassies"}
    assert client.get("/api/search?q=embassies+attacked").json()["total"] == 2


def test_search_lists_entities_and_events_above_the_hits(client: TestClient):
    page = client.get("/search?q=Ostrel+Front")
    body = client.get("/search.json?q=Ostrel+Front").json()
    assert any(e["name"] == "Ostrel Front" for e in body["entities"])
    assert page.text.index('id="search-entities"') < page.text.index('class="hits"')
    events = client.get("/search.json?q=embassy+attack").json()["events"]
    assert events and events[0]["type"] == "ASSAULT" and "embass" in events[0]["sentence"]
    assert events[0]["url"].startswith("/events/")


def test_search_facets_narrow_the_hits(client: TestClient):
    body = client.get("/search.json?q=Varennian").json()
    assert body["pager"]["total"] == 2
    publishers = {f["name"]: f for f in body["publishers"]}
    assert set(publishers) == {"Tagus Herald", "Brisvik Courier"}
    narrowed = client.get(publishers["Tagus Herald"]["url"].replace("/search?", "/search.json?")).json()
    assert [h["title"] for h in narrowed["hits"]] == ["Militants attack Varennian embassy in Lisbon"]
    years = {f["name"]: f for f in body["years"]}
    assert set(years) == {"2023", "2024"}
    in_2023 = client.get(years["2023"]["url"].replace("/search?", "/search.json?")).json()
    assert [h["title"] for h in in_2023["hits"]] == ["Varennia warns of attacks against its embassies"]
    types = {f["name"]: f for f in body["event_types"]}
    assert "ASSAULT" in types
    assault = client.get(types["ASSAULT"]["url"].replace("/search?", "/search.json?")).json()
    assert "Militants attack Varennian embassy in Lisbon" in {h["title"] for h in assault["hits"]}
    lisbon = next(f for f in body["entity_facets"] if f["name"] == "Lisbon")
    assert lisbon["documents"] == 2
    assert client.get(lisbon["url"]).status_code == 200
    # Odd input is answered, never a 500.
    assert client.get('/search?q="unclosed+AND+(').status_code == 200


def test_search_index_is_rebuilt_stemmed_by_the_migration(db: Path, tmp_path: Path):
    """A store indexed before migration 12 (plain unicode61) finds word forms once opened."""
    import shutil

    from newsgraph.store import Store
    from newsgraph.store.migrations import MIGRATIONS

    old = tmp_path / "old.db"
    shutil.copy(db, old)
    with sqlite3.connect(old) as conn:
        conn.executescript(
            "DROP TABLE documents_fts; CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, "
            "content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');"
            "INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');"
            # the later migrations undone too: 13 (kinds of entity mentions), 14 (French index)
            "ALTER TABLE entity_mentions DROP COLUMN kind; ALTER TABLE entity_mentions DROP COLUMN rule;"
            "DROP TABLE documents_fts_fr;"
            # and 15 (resolver state rows): this test reads no resolver state
            "DROP TABLE resolver_rows; DELETE FROM resolver_state WHERE stage IN ('events', 'stories');"
            # and 16 (the rule of mentions), 17 (whether an entity is named), 18 (title mentions)
            "ALTER TABLE mentions DROP COLUMN rule; ALTER TABLE entities DROP COLUMN named;"
            "DROP TABLE entity_title_mentions;"
            "PRAGMA user_version = 11;")
    with Store(old, readonly=True) as store:
        assert store.search("embassy attack")[0] == 1  # only the exact forms before
    with Store(old) as store:
        assert store.version == len(MIGRATIONS)
        assert store.search("embassy attack")[0] == 2
