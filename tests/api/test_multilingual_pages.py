"""Articles in two languages on the pages: each article's language, what was read of a
French one, its English translation side by side with aligned sentences, an entity's names
grouped by language, French search with French stemming (store migration 14) and the
export's names by language — on the fictional articles of ``multilingual_articles``."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from api_articles import BASE
from exported import exported
from fastapi.testclient import TestClient
from multilingual_articles import ENGLISH_TITLE, FRENCH_TITLE, OTHER_FRENCH_TITLE, Multilingual, build

from newsgraph.api.app import create_app
from newsgraph.api.views.languages import language_name, names_by_language, reading_note
from newsgraph.store.fts_french import stem


@pytest.fixture(scope="module")
def ml(tmp_path_factory: pytest.TempPathFactory) -> Multilingual:
    return build(tmp_path_factory.mktemp("multilingual"))


@pytest.fixture()
def client(ml: Multilingual) -> Iterator[TestClient]:
    with TestClient(create_app(ml.db), base_url=BASE) as c:
        yield c


def _data(response):  # type: ignore[no-untyped-def]
    body = response.json()
    return body.get("data", body)


def test_each_article_says_its_language_and_what_was_read(client: TestClient, ml: Multilingual):
    fr = _data(client.get(f"/documents/{ml.french}.json"))
    assert fr["language"] == "fr" and fr["language_name"] == "French"
    note = fr["reading"]
    assert note["language_name"] == "French"
    assert any("French stemming" in r for r in note["read"])
    # Annotated with a French model, or not annotated with the reason why — never silent.
    assert note["annotated"] or (note["not_read"] and note["reason"])
    page = client.get(f"/documents/{ml.french}").text
    assert 'id="doc-reading"' in page and "French article" in page
    en = _data(client.get(f"/documents/{ml.english}.json"))
    assert en["language"] == "en" and en["reading"] is None
    listing = client.get("/documents").text
    assert "French" in listing and 'lang="fr"' in listing


def test_a_translation_is_shown_side_by_side_with_aligned_sentences(client: TestClient, ml: Multilingual):
    page = client.get(f"/documents/{ml.french}").text
    assert "read side by side with the English version" in page
    side = _data(client.get(f"/links/{ml.french}/{ml.english}.json"))
    assert side["kind"] == "translation"
    assert (side["a"]["language"], side["b"]["language"]) == ("fr", "en")
    assert len(side["pairs"]) == 5 and {p["kind"] for p in side["pairs"]} == {"aligned"}
    first = side["pairs"][0]
    assert "".join(s["text"] for s in first["a"]).startswith("Des centaines de manifestants")
    assert "".join(s["text"] for s in first["b"]).startswith("Hundreds of protesters")
    html = client.get(f"/links/{ml.french}/{ml.english}").text
    assert 'lang="fr"' in html and 'lang="en"' in html
    # Markup in an article is text, on every page that shows it.
    assert "&lt;b&gt;Vent du Nord&lt;/b&gt;" in html and "<b>Vent du Nord</b>" not in html


def test_french_search_matches_french_word_forms(client: TestClient, ml: Multilingual):
    assert stem("attaquée") == stem("attaquaient") == "attaqu"
    # "attaquée" is not in any text: only French stemming finds "attaquaient".
    found = _data(client.get("/search.json?q=attaquée"))
    titles = [h["title"] for h in found["hits"]]
    assert titles == [FRENCH_TITLE]
    assert any("\x02" in h["snippet"] or "attaquaient" in json.dumps(h) for h in found["hits"])
    assert client.get("/api/search?q=attaquée").json()["total"] == 1
    assert OTHER_FRENCH_TITLE in [h["title"] for h in _data(client.get("/search.json?q=récoltes"))["hits"]]
    # English search is as before.
    assert [h["title"] for h in _data(client.get("/search.json?q=protester"))["hits"]] == [ENGLISH_TITLE]


def test_entity_names_are_grouped_by_language(client: TestClient, ml: Multilingual):
    groups = names_by_language([("fr", "Corée du Nord", 2), ("en", "North Korea", 3), ("en", "DPRK", 1),
                                (None, "N. Korea", 1)])
    assert [g["language"] for g in groups] == ["en", "fr", None]
    assert [n["name"] for n in groups[0]["names"]] == ["North Korea", "DPRK"]
    assert groups[1]["language_name"] == "French" and groups[2]["language_name"] == "unknown"
    marsk = _data(client.get("/entities.json?q=Lena+Marsk"))
    ent = next(e for e in marsk["entities"] if e["name"] == "Lena Marsk")
    page = _data(client.get(f"/entities/{ent['id']}.json"))
    assert any(g["language"] == "en" and any(n["name"] == "Lena Marsk" for n in g["names"])
               for g in page["names_by_language"])


def test_export_gives_names_by_language(ml: Multilingual):
    from newsgraph.store import Store

    with Store(ml.db, readonly=True) as store:
        records = exported(store)
    docs = {r["id"]: r for r in records if r["kind"] == "document"}
    assert docs[ml.french]["language"] == "fr"
    marsk = next(r for r in records if r["kind"] == "entity" and r.get("resolved") and r["name"] == "Lena Marsk")
    assert "Lena Marsk" in marsk["names_by_language"]["en"]


def test_reading_note_for_every_case():
    assert reading_note("en", True, None, "en_core_web_sm", {}) is None
    note = reading_note("de", False, "language is 'de'; the installed model reads en", None, {})
    assert note is not None and note.language_name == "German" and not note.annotated
    assert any("no stemming" in r for r in note.read) and note.not_read
    done = reading_note("fr", True, None, "fr_core_news_md", {"names": 4, "claims": 1})
    assert done is not None and any("4 names" in r and "1 claims" in r for r in done.read)
    assert language_name(None) == "unknown" and language_name("xx") == "xx"
