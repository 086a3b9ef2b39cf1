"""A German article (a language no pipeline reads) stored beside its English version: read
partially (nlp.partial), the store still exports valid JSON Lines, its places are the same
entities as the English article's, its page and JSON twin say what was read and what was
not, and search finds it. Texts written for this test (the minister is fictional)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from api_articles import BASE, store_of_records
from exported import exported
from fastapi.testclient import TestClient

from newsgraph.api.app import create_app

GERMAN = (
    "Die österreichische Regierung hat am Dienstag in Wien neue Hilfen für Bauern angekündigt. "
    "Landwirtschaftsministerin Petra Hollmann sagte, die Zahlungen sollten noch vor dem Sommer beginnen. "
    "Die Europäische Kommission in Brüssel prüft die Pläne seit dem 4. März 2024. "
    "Auch in Deutschland und in der Schweiz fordern Bauern seit Wochen mehr Unterstützung."
)
ENGLISH = (
    "The Austrian government announced new aid for farmers in Vienna on Tuesday. "
    "Agriculture minister Petra Hollmann said payments would begin before the summer. "
    "The European Commission in Brussels has been examining the plans since March 4, 2024. "
    "Farmers in Germany and Switzerland have also demanded more support for weeks."
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return store_of_records(tmp_path_factory.mktemp("partial"), [
        {"title": "Wien kündigt Hilfen für Bauern an", "publisher": "Alpenblatt", "published": "2024-03-12",
         "text": GERMAN},
        {"title": "Vienna announces aid for farmers", "publisher": "Danube Post", "published": "2024-03-12",
         "text": ENGLISH},
    ])


@pytest.fixture(scope="module")
def records(db: Path) -> list[dict]:
    from newsgraph.store import Store

    with Store(db) as store:
        return exported(store)


@pytest.fixture()
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db), base_url=BASE) as c:
        yield c


def _german(records: list[dict]) -> dict:
    return next(r for r in records if r["kind"] == "document" and r["language"] == "de")


def test_the_store_exports_valid_jsonl_with_the_partial_names_and_their_rules(records: list[dict]):
    docs = {r["id"]: r for r in records if r["kind"] == "document"}
    german = _german(records)
    entities = [r for r in records if r["kind"] == "entity"]
    for e in entities:
        assert {"id", "type", "name", "aliases", "mentions"} <= set(e)
        for m in e["mentions"]:
            assert docs[m["doc"]]["text"][m["start"]:m["end"]] == m["text"]
    # One entity across the languages for the places and the organisation the tables know.
    by_alias = {a: e for e in entities for a in e["aliases"]}
    assert by_alias["Wien"] is by_alias["Vienna"] and by_alias["Wien"]["type"] == "GPE"
    assert by_alias["Deutschland"] is by_alias["Germany"]
    assert by_alias["Europäische Kommission"] is by_alias["The European Commission"]
    # A German name says how it was found (its rule); an English name found by the model has none.
    rules = {m["text"]: m["rule"] for e in entities for m in e["mentions"] if m["doc"] == german["id"]}
    assert rules["Wien"] == "known-name" and rules["Petra Hollmann"] == "capitalised-sequence"
    assert all(m["rule"] == "" for e in entities for m in e["mentions"] if m["doc"] != german["id"])
    # No claims or events from the German article; its dates are stored.
    assert not any(r["kind"] == "claim" and r["doc"] == german["id"] for r in records)
    assert not any(r["kind"] == "event" and german["id"] in r["sources"] for r in records)


def test_the_article_page_and_its_twin_say_what_was_read(client: TestClient, records: list[dict]):
    german = _german(records)
    body = client.get(f"/documents/{german['id']}.json").json()
    note = body.get("data", body)["reading"]
    assert note["language_name"] == "German" and note["model"].startswith("partial:")
    read = " ".join(note["read"])
    assert "names by capitalisation" in read and "dates" in read and "places" in read
    not_read = " ".join(note["not_read"])
    assert "claims and events" in not_read and "pronouns" in not_read
    page = client.get(f"/documents/{german['id']}").text
    assert 'id="doc-reading"' in page and "read partially" in page and "names by capitalisation" in page
    hits = client.get("/search.json", params={"q": "Landwirtschaftsministerin"}).json()
    assert german["id"] in json.dumps(hits)
