"""Search: hits with highlighted snippets, paging, and odd queries that must never fail."""

from __future__ import annotations

from api_articles import Corpus
from fastapi.testclient import TestClient


def test_search_finds_and_highlights(client: TestClient, corpus: Corpus):
    data = client.get("/search.json", params={"q": "tram"}).json()
    assert data["pager"]["total"] == 1
    hit = data["hits"][0]
    assert hit["id"] == corpus.ids["council.txt"]
    assert hit["title"].startswith("Council approves new tram line")
    assert any(p["match"] and p["text"].lower() == "tram" for p in hit["parts"])
    assert "\x02" not in hit["snippet"] and "\x03" not in hit["snippet"]
    page = client.get("/search", params={"q": "tram"}).text
    assert '<mark class="match">tram</mark>' in page
    assert f'href="/documents/{corpus.ids["council.txt"]}"' in page


def test_search_api_pages_through_hits(client: TestClient):
    everything = client.get("/api/search", params={"q": "council OR harbour OR hacker"}).json()
    assert everything["total"] == 3
    first = client.get("/api/search", params={"q": "council OR harbour OR hacker", "limit": 2}).json()
    rest = client.get("/api/search", params={"q": "council OR harbour OR hacker", "limit": 2,
                                             "offset": 2}).json()
    assert [h["id"] for h in first["hits"]] + [h["id"] for h in rest["hits"]] == \
        [h["id"] for h in everything["hits"]]
    beyond = client.get("/search.json", params={"q": "harbour", "page": 9}).json()
    assert beyond["hits"] == [] and beyond["pager"]["prev_url"] is not None


def test_search_phrase_prefix_and_hyphen(client: TestClient):
    assert client.get("/api/search", params={"q": '"tram line"'}).json()["total"] == 1
    assert client.get("/api/search", params={"q": "Halvor*"}).json()["total"] == 1
    assert client.get("/api/search", params={"q": "three-day"}).json()["total"] == 1


def test_search_odd_characters_never_fail(client: TestClient):
    odd = ["-", '"', "'", "*", "OR", "AND", "NOT", "NEAR(a b)", "a OR", "OR b", "Kim Jong-un",
           '"unclosed phrase', "a AND (b", "^", ":", "title:harbour", "***", "((", "{}", "\\",
           "<script>", "   ", "harbour -strike", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "x" * 900]
    for q in odd:
        page = client.get("/search", params={"q": q})
        assert page.status_code == 200, q
        twin = client.get("/search.json", params={"q": q})
        assert twin.status_code == 200 and twin.json()["ok"] is True, q
        api = client.get("/api/search", params={"q": q})
        assert api.status_code < 500, q
        assert "ok" in api.json(), q


def test_search_empty_query_shows_the_form(client: TestClient):
    page = client.get("/search")
    assert page.status_code == 200
    assert 'name="q"' in page.text
    assert client.get("/search.json").json()["hits"] == []


def test_api_search_filters_and_facets_as_the_page(client: TestClient):
    """``/api/search`` takes the page's filters and returns its facets; each facet's count is
    the total of the search narrowed to it (here every hit is among the facet hits)."""
    q = "council OR harbour OR hacker"
    data = client.get("/api/search", params={"q": q}).json()
    assert set(data["facets"]) == {"country", "place", "publisher", "year", "entity", "event_type", "signal"}
    assert data["facet_hits"] is None
    page = client.get("/search.json", params={"q": q}).json()
    assert [f["key"] for f in data["facets"]["publisher"]] == [f["key"] for f in page["publishers"]]
    checked = 0
    for name in ("publisher", "year", "event_type", "signal"):
        for f in data["facets"][name]:
            params = {"q": q, name if name not in ("year", "event_type") else
                      {"year": "since", "event_type": "type"}[name]: f["key"]}
            if name == "year":
                params["until"] = f["key"]
            narrowed = client.get("/api/search", params=params).json()
            assert narrowed["total"] == f["documents"], (name, f)
            assert any(g["selected"] for g in narrowed["facets"][name]), (name, f)
            checked += 1
    assert checked >= 2
    assert client.get("/api/search", params={"q": q, "signal": "no_such_signal"}).json()["total"] == 0
