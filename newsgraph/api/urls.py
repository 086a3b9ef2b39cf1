"""Every URL the app links to, built in one place (templates and views never format paths).

A page's JSON twin is the same URL with ``.json`` before the query string
(``/search?q=x`` → ``/search.json?q=x``; the home page ``/`` → ``/.json``).
"""

from __future__ import annotations

from urllib.parse import quote, urlencode, urlsplit, urlunsplit

__all__ = [
    "api_docs", "api_document", "api_mentions", "api_search", "api_stats", "document",
    "documents", "home", "ingest", "ingest_status", "json_twin", "openapi", "raw", "search",
    "static",
]


def _query(path: str, **params: object) -> str:
    # Page 1 is the default: leaving it out keeps one canonical URL per page.
    kept = {k: v for k, v in params.items() if v not in (None, "") and not (k == "page" and v == 1)}
    return f"{path}?{urlencode(kept)}" if kept else path


def home() -> str:
    return "/"


def search(q: str = "", page: int = 1) -> str:
    return _query("/search", q=q, page=page)


def documents(page: int = 1) -> str:
    return _query("/documents", page=page)


def document(doc_id: str) -> str:
    return f"/documents/{quote(doc_id, safe='')}"


def raw(doc_id: str) -> str:
    return f"{document(doc_id)}/raw"


def ingest() -> str:
    return "/ingest"


def ingest_status() -> str:
    return "/ingest/status"


def api_docs() -> str:
    return "/docs"


def openapi() -> str:
    return "/openapi.json"


def api_search(q: str, limit: int = 20, offset: int = 0) -> str:
    return f"/api/search?{urlencode({'q': q, 'limit': limit, 'offset': offset})}"


def api_document(doc_id: str) -> str:
    return f"/api/documents/{quote(doc_id, safe='')}"


def api_mentions(doc_id: str) -> str:
    return f"{api_document(doc_id)}/mentions"


def api_stats() -> str:
    return "/api/stats"


def static(name: str) -> str:
    return f"/static/{quote(name)}"


def json_twin(url: str) -> str:
    """The ``.json`` twin of a page URL (path and query as the browser sent them)."""
    parts = urlsplit(url)
    path = parts.path or "/"
    if path.endswith(".json"):
        return url
    path = "/.json" if path == "/" else path.rstrip("/") + ".json"
    return urlunsplit(("", "", path, parts.query, ""))
