"""Every URL the app answers, in one table, and the navigation list.

Pages are listed once and registered twice: ``/path`` (HTML) and ``/path.json``
(its JSON twin, the same handler). The ``.json`` form is registered first so a
path parameter never swallows the suffix. Later stages add their pages here
and their nav entry to ``NAV``; nothing else needs to change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI

from newsgraph.api import jsonapi, pages, urls
from newsgraph.api.schemas import ErrorResponse

__all__ = ["API", "NAV", "PAGES", "NavItem", "Page", "register"]


@dataclass(frozen=True, slots=True)
class NavItem:
    label: str
    url: str
    #: Path prefix that marks this entry as the current section.
    prefix: str


#: The header navigation, in order. Entities, events, claims, stories, publishers and
#: the map add themselves here when their pages exist.
NAV: list[NavItem] = [
    NavItem("Search", urls.search(), "/search"),
    NavItem("Documents", urls.documents(), "/documents"),
    NavItem("Entities", urls.entities(), "/entities"),
    NavItem("Events", urls.events(), "/events"),
    NavItem("Claims", urls.claims(), "/claims"),
    NavItem("Stories", urls.stories(), "/stories"),
    NavItem("Publishers", urls.publishers(), "/publishers"),
    NavItem("Timeline", urls.timeline(), "/timeline"),
    NavItem("Map", urls.map_view(), "/map"),
    NavItem("Ingest", urls.ingest(), "/ingest"),
    NavItem("API", urls.api_docs(), "/docs"),
]


@dataclass(frozen=True, slots=True)
class Page:
    """An HTML page with a JSON twin (``twin=False``: HTML or bytes only)."""

    path: str
    endpoint: Callable[..., Any]
    name: str
    methods: tuple[str, ...] = ("GET",)
    twin: bool = True


PAGES: list[Page] = [
    Page("/", pages.home_page, "home"),
    Page("/search", pages.search_page, "search"),
    Page("/documents", pages.documents_page, "documents"),
    Page("/documents/{doc_id}", pages.document_page, "document"),
    Page("/documents/{doc_id}/raw", pages.raw_document, "raw", twin=False),
    Page("/ingest", pages.ingest_page, "ingest"),
    Page("/ingest", pages.ingest_upload, "ingest_upload", methods=("POST",)),
    Page("/ingest/status", pages.ingest_status_page, "ingest_status"),
    Page("/docs", pages.apidocs_page, "apidocs"),
    Page("/claims", pages.claims_page, "claims"),
    Page("/map", pages.map_page, "map"),
    Page("/timeline", pages.timeline_page, "timeline"),
    Page("/network", pages.network_page, "network"),
    Page("/places", pages.places_page, "places"),
    Page("/entities", pages.entities_page, "entities"),
    # Before /entities/{entity_id}: "edits" is not an entity id.
    Page("/entities/edits", pages.entity_edits_page, "entity_edits"),
    Page("/entities/edits/{edit_id}/withdraw", pages.entity_edit_withdraw, "entity_edit_withdraw",
         methods=("POST",), twin=False),
    Page("/entities/{entity_id}", pages.entity_page, "entity"),
    Page("/entities/{entity_id}/edit", pages.entity_edit, "entity_edit", methods=("POST",), twin=False),
    Page("/events", pages.events_page, "events"),
    Page("/events/{event_id}", pages.event_page, "event"),
    Page("/stories", pages.stories_page, "stories"),
    Page("/stories/{story_id}", pages.story_page, "story"),
    Page("/links", pages.links_page, "links"),
    Page("/links/{a}/{b}", pages.link_page, "link"),
    Page("/publishers", pages.publishers_page, "publishers"),
]

_ERROR_TEXT = {401: "Token required (E502)", 403: "Cross-site request refused (E505)",
               404: "Not found (E503)", 409: "An ingest is running (E506)",
               415: "Not a JSON body (E504)",
               422: "Invalid parameter, or an edit that cannot bind (E504, E601)"}


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    return {status: {"model": ErrorResponse, "description": _ERROR_TEXT[status]} for status in statuses}


@dataclass(frozen=True, slots=True)
class Api:
    path: str
    endpoint: Callable[..., Any]
    name: str
    summary: str
    errors: tuple[int, ...] = (401, 422)
    methods: tuple[str, ...] = ("GET",)


#: The documented JSON API (in OpenAPI); response models come from the handlers' annotations.
API: list[Api] = [
    Api("/api/search", jsonapi.api_search, "api_search", "Search"),
    Api("/api/documents", jsonapi.api_documents, "api_documents", "List documents"),
    Api("/api/documents/{doc_id}", jsonapi.api_document, "api_document", "One document",
        (401, 404, 422)),
    Api("/api/documents/{doc_id}/mentions", jsonapi.api_mentions, "api_mentions", "Mentions of a document",
        (401, 404, 422)),
    Api("/api/stats", jsonapi.api_stats, "api_stats", "Store statistics", (401,)),
    Api("/api/claims", jsonapi.api_claims, "api_claims", "List attributed claims"),
    Api("/api/entities", jsonapi.api_entities, "api_entities", "List entities"),
    # Before /api/entities/{entity_id}: "edits" is not an entity id.
    Api("/api/entities/edits", jsonapi.api_entity_edits, "api_entity_edits", "Audit log of entity edits"),
    Api("/api/entities/edits", jsonapi.api_entity_edit, "api_entity_edit", "Edit entities",
        (401, 403, 409, 415, 422), methods=("POST",)),
    Api("/api/entities/edits/{edit_id}/withdraw", jsonapi.api_entity_edit_withdraw,
        "api_entity_edit_withdraw", "Withdraw (undo) an entity edit", (401, 403, 404, 409, 422),
        methods=("POST",)),
    Api("/api/entities/{entity_id}", jsonapi.api_entity, "api_entity", "One entity", (401, 404, 422)),
    Api("/api/events", jsonapi.api_events, "api_events", "List events"),
    Api("/api/events/{event_id}", jsonapi.api_event, "api_event", "One event", (401, 404, 422)),
    Api("/api/stories", jsonapi.api_stories, "api_stories", "List stories"),
    Api("/api/stories/{story_id}", jsonapi.api_story, "api_story", "One story", (401, 404, 422)),
    Api("/api/links", jsonapi.api_links, "api_links", "List links between documents"),
]


def _twin_path(path: str) -> str:
    return "/.json" if path == "/" else f"{path}.json"


def register(app: FastAPI) -> None:
    for page in PAGES:
        if page.twin:
            app.add_api_route(_twin_path(page.path), page.endpoint, methods=list(page.methods),
                              name=f"{page.name}_json", include_in_schema=False)
        app.add_api_route(page.path, page.endpoint, methods=list(page.methods), name=page.name,
                          include_in_schema=False)
    for api in API:
        app.add_api_route(api.path, api.endpoint, methods=list(api.methods), name=api.name, tags=["api"],
                          summary=api.summary, responses=_errors(*api.errors))
