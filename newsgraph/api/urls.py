"""Every URL the app links to, built in one place (templates and views never format paths).

A page's JSON twin is the same URL with ``.json`` before the query string
(``/search?q=x`` → ``/search.json?q=x``; the home page ``/`` → ``/.json``).
"""

from __future__ import annotations

from urllib.parse import quote, urlencode, urlsplit, urlunsplit

__all__ = [
    "api_claims",
    "api_docs",
    "api_document",
    "api_entities",
    "api_entity",
    "api_entity_edit_withdraw",
    "api_entity_edits",
    "api_event",
    "api_events",
    "api_links",
    "api_mentions",
    "api_search",
    "api_stats",
    "api_stories",
    "api_story",
    "claim",
    "claims",
    "document",
    "document_event",
    "document_mention",
    "documents",
    "entities",
    "entity",
    "entity_edit",
    "entity_edit_withdraw",
    "entity_edits",
    "event",
    "events",
    "home",
    "ingest",
    "ingest_status",
    "json_twin",
    "link",
    "links",
    "map_view",
    "network",
    "openapi",
    "place",
    "places",
    "publisher",
    "publishers",
    "raw",
    "search",
    "static",
    "stories",
    "story",
    "timeline",
]


def _query(path: str, **params: object) -> str:
    # Page 1 is the default: leaving it out keeps one canonical URL per page.
    kept = {k: v for k, v in params.items() if v not in (None, "") and not (k == "page" and v == 1)}
    return f"{path}?{urlencode(kept)}" if kept else path


def home() -> str:
    return "/"


def search(q: str = "", page: int = 1, place: int | None = None, country: str | None = None,
           publisher: str | None = None, since: str | None = None, until: str | None = None,
           entity: str | None = None, type: str | None = None, signal: str | None = None) -> str:
    return _query("/search", q=q, place=place, country=country, publisher=publisher, since=since,
                  until=until, entity=entity, type=type, signal=signal, page=page)


def documents(page: int = 1, publisher: str | None = None, language: str | None = None,
              since: str | None = None, until: str | None = None, signal: str | None = None,
              sort: str | None = None) -> str:
    return _query("/documents", publisher=publisher, language=language, since=since, until=until,
                  signal=signal, sort=None if sort == "ingested" else sort, page=page)


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


def claims(doc: str | None = None, certainty: str | None = None, speaker_kind: str | None = None,
           speaker: str | None = None, page: int = 1, entity: str | None = None) -> str:
    return _query("/claims", doc=doc, certainty=certainty, speaker_kind=speaker_kind,
                  speaker=speaker, entity=entity, page=page)


def timeline(type: str | None = None, entity: str | None = None, place: str | None = None,
             since: str | None = None, until: str | None = None) -> str:
    return _query("/timeline", type=type, entity=entity, place=place, since=since, until=until)


def network(graph: str | None = None, type: str | None = None, since: str | None = None,
            until: str | None = None, story: str | None = None, unnamed: bool | None = None) -> str:
    return _query("/network", graph=graph, type=type, since=since, until=until, story=story,
                  unnamed=1 if unnamed else None)


def api_claims() -> str:
    return "/api/claims"


def claim(doc_id: str, claim_id: str) -> str:
    """A claim in its article: the page scrolled to the claim's content."""
    return f"{document(doc_id)}#claim-{quote(claim_id, safe='')}"


def map_view(focus: int | None = None, lat: float | None = None, lon: float | None = None,
             zoom: float | None = None, country: str | None = None) -> str:
    """The map; ``focus`` (a geonameid) or ``lat``/``lon`` centre it, ``zoom`` enlarges it."""
    return _query("/map", focus=focus, lat=lat, lon=lon, zoom=zoom, country=country)


def places(country: str | None = None) -> str:
    return _query("/places", country=country)


def place(geonameid: int) -> str:
    """One place: its mentions with their sentences, and the events located there."""
    return _query("/places", id=geonameid)


def document_mention(doc_id: str, start: int) -> str:
    """The article scrolled to the mention starting at ``start``."""
    return f"{document(doc_id)}#m-{int(start)}"


def document_event(doc_id: str, mention_id: str) -> str:
    """The article scrolled to one of its event mentions in the events list."""
    return f"{document(doc_id)}#{quote(mention_id, safe='')}"


def entities(type: str | None = None, name: str | None = None, min_mentions: int | None = None,
             page: int = 1, unnamed: bool = False) -> str:
    return _query("/entities", type=type, name=name, min_mentions=min_mentions or None,
                  unnamed=1 if unnamed else None, page=page)


def entity(entity_id: str, page: int = 1, edited: str | None = None) -> str:
    return _query(f"/entities/{quote(entity_id, safe='')}", page=page, edited=edited)


def entity_edit(entity_id: str) -> str:
    """Where the entity page's edit forms post."""
    return f"/entities/{quote(entity_id, safe='')}/edit"


def entity_edits(page: int = 1) -> str:
    return _query("/entities/edits", page=page)


def entity_edit_withdraw(edit_id: str) -> str:
    """Where an edit's undo button posts (the edit is withdrawn, the log keeps it)."""
    return f"/entities/edits/{quote(edit_id, safe='')}/withdraw"


def api_entity_edit_withdraw(edit_id: str) -> str:
    return f"/api/entities/edits/{quote(edit_id, safe='')}/withdraw"


def events(type: str | None = None, actor: str | None = None, target: str | None = None,
           place: str | None = None, since: str | None = None, until: str | None = None,
           flag: list[str] | None = None, min_sources: int | None = None, doc: str | None = None,
           page: int = 1) -> str:
    params: list[tuple[str, object]] = [
        (k, v) for k, v in (("type", type), ("actor", actor), ("target", target), ("place", place),
                            ("since", since), ("until", until), ("min_sources", min_sources or None),
                            ("doc", doc))
        if v not in (None, "")]
    params += [("flag", f) for f in flag or []]
    if page != 1:
        params.append(("page", page))
    return f"/events?{urlencode(params)}" if params else "/events"


def event(event_id: str) -> str:
    return f"/events/{quote(event_id, safe='')}"


def api_entities() -> str:
    return "/api/entities"


def api_entity(entity_id: str) -> str:
    return f"/api/entities/{quote(entity_id, safe='')}"


def api_entity_edits() -> str:
    return "/api/entities/edits"


def api_events() -> str:
    return "/api/events"


def api_event(event_id: str) -> str:
    return f"/api/events/{quote(event_id, safe='')}"


def stories(min_size: int | None = None, since: str | None = None, until: str | None = None,
            page: int = 1) -> str:
    return _query("/stories", min_size=min_size or None, since=since, until=until, page=page)


def story(story_id: str) -> str:
    return f"/stories/{quote(story_id, safe='')}"


def links(kind: str | None = None, doc: str | None = None, page: int = 1) -> str:
    return _query("/links", kind=kind, doc=doc, page=page)


def link(a: str, b: str) -> str:
    """Two linked documents side by side, their aligned passages next to each other."""
    return f"/links/{quote(a, safe='')}/{quote(b, safe='')}"


def publishers() -> str:
    return "/publishers"


def publisher(name: str) -> str:
    """One publisher's row of the publishers page."""
    return f"/publishers#pub-{quote(name, safe='')}"


def api_stories() -> str:
    return "/api/stories"


def api_story(story_id: str) -> str:
    return f"/api/stories/{quote(story_id, safe='')}"


def api_links() -> str:
    return "/api/links"
