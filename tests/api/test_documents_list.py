"""The documents list: publisher shown (or the outlet an article credits), filters by publisher,
date, language and flagged signal, sorting, facet counts, the JSON twin and the API — on
three fictional articles from two publishers written here."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from api_articles import BASE, store_of_records
from fastapi.testclient import TestClient

from newsgraph.api.app import create_app

RECORDS = [
    {"title": "Ferry line to Kellmar reopens", "publisher": "Brisvik Courier", "published": "2023-05-02",
     "text": "The ferry between the fictional town of Brisvik and Kellmar island resumed on Tuesday "
             "after a storm kept boats in port for three days, the harbour office said."},
    {"title": "Brisvik council votes on harbour wall", "publisher": "Brisvik Courier",
     "published": "2024-01-10",
     "text": "The council of the fictional town of Brisvik voted on Wednesday to rebuild the harbour "
             "wall damaged in last year's storm, mayor Aino Varga said."},
    {"title": "Amsel villagers move cattle uphill", "publisher": "Ferrin Valley Chronicle",
     "published": "2024-03-15",
     "text": "Residents of the fictional village of Amsel moved cattle and cars uphill on Sunday as "
             "the river rose, farmer Tomas Vinter said."},
]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = store_of_records(tmp_path_factory.mktemp("doclist"), RECORDS)
    with TestClient(create_app(db), base_url=BASE) as c:
        yield c


def _titles(c: TestClient, query: str) -> list[str]:
    r = c.get(f"/documents.json{query}")
    assert r.status_code == 200, r.text
    return [d["title"] for d in r.json()["documents"]]


def test_documents_list_shows_publishers_and_filters(client: TestClient):
    page = client.get("/documents").text
    assert "Brisvik Courier" in page and "Ferrin Valley Chronicle" in page
    body = client.get("/documents.json").json()
    facets = {f["value"]: f["count"] for f in body["publishers"]}
    assert facets == {"Brisvik Courier": 2, "Ferrin Valley Chronicle": 1}
    assert _titles(client, "?publisher=Ferrin+Valley+Chronicle") == ["Amsel villagers move cattle uphill"]
    assert set(_titles(client, "?since=2024")) == {"Brisvik council votes on harbour wall",
                                                  "Amsel villagers move cattle uphill"}
    assert _titles(client, "?until=2023") == ["Ferry line to Kellmar reopens"]
    assert _titles(client, "?since=2024-02&publisher=Brisvik+Courier") == []
    assert _titles(client, "?sort=newest")[0] == "Amsel villagers move cattle uphill"
    assert _titles(client, "?sort=title")[0] == "Amsel villagers move cattle uphill"
    assert _titles(client, "?since=&until=") == _titles(client, "")  # a blank form field is no bound
    assert len(_titles(client, "?language=en")) == 3
    # A selected chip links to the list without it.
    chip = next(f for f in client.get("/documents.json?publisher=Brisvik+Courier").json()["publishers"]
                if f["value"] == "Brisvik Courier")
    assert chip["selected"] and "publisher" not in chip["url"]
    assert client.get("/documents?sort=sideways").status_code == 422


def test_documents_api_filters_like_the_page(client: TestClient):
    r = client.get("/api/documents", params={"publisher": "Brisvik Courier", "sort": "oldest"})
    assert r.status_code == 200, r.text
    docs = r.json()["documents"]
    assert [d["published"] for d in docs] == ["2023-05-02", "2024-01-10"]
    assert all(d["publisher"] == "Brisvik Courier" for d in docs)
    assert client.get("/api/documents", params={"signal": "no_such_signal"}).json()["total"] == 0
    assert client.get("/api/documents", params={"since": "May 2023"}).status_code == 422
