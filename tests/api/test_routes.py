"""Contract tests: every page answers HTML and its JSON twin; one success envelope, one error shape."""

from __future__ import annotations

import re

from api_articles import Corpus
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from newsgraph.api import routes


def _concrete(path: str, doc_id: str, corpus: Corpus | None = None) -> str:
    """The path with its parameters filled: the document given, and the first entity and
    event of the corpus's store (a placeholder id, answered 404, when there is no corpus)."""
    entity_id, event_id = "E0000000000000000", "ev_0000000000000000"
    if corpus is not None:
        from newsgraph.store import Store

        with Store(corpus.db, readonly=True) as store:
            entity_id = store.conn.execute("SELECT id FROM entities ORDER BY id LIMIT 1").fetchone()[0]
            row = store.conn.execute("SELECT id FROM events ORDER BY id LIMIT 1").fetchone()
            event_id = row[0] if row else event_id
    path = path.replace("{doc_id}", doc_id).replace("{entity_id}", entity_id).replace("{event_id}", event_id)
    if corpus is not None and ("{story_id}" in path or "{a}" in path):  # the stories stage's pages
        with Store(corpus.db, readonly=True) as store:
            story_id = store.conn.execute("SELECT story_id FROM story_documents WHERE doc_id = ?",
                                          (doc_id,)).fetchone()[0]
            other = store.conn.execute("SELECT id FROM documents WHERE id != ? ORDER BY id LIMIT 1",
                                       (doc_id,)).fetchone()[0]
        path = path.replace("{story_id}", story_id).replace("{a}", doc_id).replace("{b}", other)
    return path


def _page_urls(doc_id: str) -> list[str]:
    out = []
    for page in routes.PAGES:
        if "GET" in page.methods:
            url = _concrete(page.path, doc_id)
            out.append(url + ("?q=harbour" if page.name == "search" else ""))
    return out


def test_routes_every_page_has_html_and_json_twin(client: TestClient, corpus: Corpus):
    doc_id = corpus.ids["harbour.txt"]
    for page in routes.PAGES:
        if "GET" not in page.methods:
            continue
        url = _concrete(page.path, doc_id, corpus) + ("?q=harbour" if page.name == "search" else "")
        html = client.get(url)
        assert html.status_code == 200, url
        if not page.twin:
            continue
        assert html.headers["content-type"].startswith("text/html"), url
        twin = "/.json" if page.path == "/" else url.replace("?", ".json?") if "?" in url else url + ".json"
        assert f'<link rel="alternate" type="application/json" href="{twin}">' in html.text, url
        assert html.headers["link"].startswith(f"<{twin}>; rel=\"alternate\""), url
        data = client.get(twin)
        assert data.status_code == 200, twin
        assert data.headers["content-type"] == "application/json", twin
        assert data.json()["ok"] is True, twin


def test_routes_api_endpoints_answer_in_the_envelope(client: TestClient, corpus: Corpus):
    doc_id = corpus.ids["harbour.txt"]
    for api in routes.API:
        if "GET" not in api.methods:
            continue
        url = _concrete(api.path, doc_id, corpus) + ("?q=harbour" if api.name == "api_search" else "")
        r = client.get(url)
        assert r.status_code == 200, url
        assert r.json()["ok"] is True, url


def test_routes_walk_covers_every_registered_get_route(client: TestClient, corpus: Corpus):
    walked = {p.path for p in routes.PAGES} | {a.path for a in routes.API}
    walked |= {"/.json" if p.path == "/" else p.path + ".json" for p in routes.PAGES if p.twin}
    registered = {r.path for r in client.app.routes if isinstance(r, APIRoute)}
    assert registered <= walked


def test_routes_unknown_document_is_404_in_the_error_shape(client: TestClient):
    for url in ("/documents/0000000000000000.json", "/api/documents/0000000000000000",
                "/api/documents/0000000000000000/mentions"):
        r = client.get(url)
        assert r.status_code == 404, url
        assert r.json() == {"ok": False, "error": {"code": "E503", "message": r.json()["error"]["message"]}}
        assert "0000000000000000" in r.json()["error"]["message"]
    page = client.get("/documents/0000000000000000")
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "E503" in page.text


def test_routes_errors_share_one_shape(client: TestClient):
    shapes = [
        client.get("/no/such/page.json"),       # unknown route
        client.get("/api/search"),              # missing parameter
        client.get("/search.json?page=0"),      # invalid parameter
        client.get("/api/search?q=x&limit=0"),  # out of range
        client.post("/api/stats"),              # wrong method
    ]
    for r in shapes:
        body = r.json()
        assert r.status_code >= 400
        assert body["ok"] is False
        assert set(body["error"]) == {"code", "message"}
        assert re.fullmatch(r"E\d{3}", body["error"]["code"])


def test_routes_openapi_documents_every_api_endpoint_with_models(client: TestClient):
    spec = client.get("/openapi.json").json()
    for api in routes.API:
        op = spec["paths"][api.path][api.methods[0].lower()]
        ok = op["responses"]["200"]["content"]["application/json"]["schema"]
        assert "$ref" in ok, api.path
        assert "ErrorResponse" in str(op["responses"]["401"]), api.path
        if "{" in api.path:
            assert "ErrorResponse" in str(op["responses"]["404"]), api.path
    assert "SearchResponse" in spec["components"]["schemas"]
    assert "DocumentModel" in spec["components"]["schemas"]


def test_routes_docs_page_is_offline(client: TestClient):
    r = client.get("/docs")
    assert r.status_code == 200
    assert "/api/search" in r.text and "SearchResponse" in r.text
    for url in [*_page_urls("x"), "/docs"]:
        text = client.get(url).text
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", text), url  # nothing from another host
    assert client.get("/redoc").status_code == 404
