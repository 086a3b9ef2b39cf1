"""Handlers of the HTML pages; each answers its ``.json`` twin too (``views.base.respond``).

Handlers only read the request, call one view function and respond; what a
page shows is decided in ``views/``.
"""

from __future__ import annotations

import secrets
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import Query
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from newsgraph.api import urls
from newsgraph.api.config import MAX_QUERY_INT
from newsgraph.api.deps import ConfigDep, JobsDep, PageQuery, StoreDep
from newsgraph.api.edits import apply_edit, pick_entities, withdraw_edit
from newsgraph.api.errors import ApiError
from newsgraph.api.uploads import receive_upload
from newsgraph.api.views.apidocs import apidocs_view
from newsgraph.api.views.base import json_ok, respond, wants_json
from newsgraph.api.views.claims import claims_view
from newsgraph.api.views.document import document_view
from newsgraph.api.views.documents import documents_view
from newsgraph.api.views.entities import edit_log_view, entities_view, entity_view, pick_view
from newsgraph.api.views.error import is_json_request
from newsgraph.api.views.events import event_view, events_view
from newsgraph.api.views.index import index_view
from newsgraph.api.views.ingest import IngestStatusContext, ingest_status_view, ingest_view
from newsgraph.api.views.links import link_view, links_view
from newsgraph.api.views.map import map_view
from newsgraph.api.views.places import place_view, places_view
from newsgraph.api.views.publishers import publishers_view
from newsgraph.api.views.search import search_timeline_drawing, search_view
from newsgraph.api.views.stories import stories_view, story_view
from newsgraph.api.views.timeline import entity_timeline, timeline_of
from newsgraph.model import CERTAINTIES, LINK_KINDS, SPEAKER_KINDS

__all__ = [
    "apidocs_page",
    "claims_page",
    "document_page",
    "documents_page",
    "entities_page",
    "entity_edit",
    "entity_edit_withdraw",
    "entity_edits_page",
    "entity_page",
    "event_page",
    "events_page",
    "home_page",
    "ingest_page",
    "ingest_status_page",
    "ingest_upload",
    "link_page",
    "links_page",
    "map_page",
    "network_page",
    "places_page",
    "publishers_page",
    "raw_document",
    "search_page",
    "stories_page",
    "story_page",
    "timeline_page",
]

SearchQuery = Annotated[str, Query(max_length=1000, description="Full-text query.")]
PlaceId = Annotated[int | None, Query(ge=0, le=MAX_QUERY_INT, description="A place (geonameid).")]
CountryCode = Annotated[str | None, Query(pattern="^[A-Za-z]{2}$", description="ISO 3166 alpha-2 code.")]
# Empty too: a filter form's blank date field sends "" (it means no bound, as None does).
IsoDate = Annotated[str | None, Query(pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?)?$",
                                      description="ISO 8601 date: YYYY, YYYY-MM or YYYY-MM-DD.")]


def home_page(request: Request, store: StoreDep, jobs: JobsDep) -> Response:
    return respond(request, "index.html", index_view(store, jobs.status()))


def search_page(request: Request, store: StoreDep, q: SearchQuery = "", page: PageQuery = 1,
                place: PlaceId = None, country: CountryCode = None,
                publisher: Annotated[str | None, Query(max_length=200)] = None,
                since: IsoDate = None, until: IsoDate = None,
                entity: Annotated[str | None, Query(max_length=40)] = None,
                type: Annotated[str | None, Query(max_length=20)] = None,
                signal: Annotated[str | None, Query(max_length=60)] = None) -> Response:
    ctx = search_view(store, q, page, place=place, country=country, publisher=publisher, since=since,
                      until=until, entity=entity, type=type, signal=signal)
    # The drawing is for the page only (the JSON twin has the events and hits it is drawn from).
    return respond(request, "search.html", ctx,
                   timeline=None if wants_json(request) else search_timeline_drawing(store, ctx))


def claims_page(request: Request, store: StoreDep, page: PageQuery = 1,
                doc: Annotated[str | None, Query(max_length=64)] = None,
                certainty: Annotated[str | None, Query(max_length=20)] = None,
                speaker_kind: Annotated[str | None, Query(max_length=20)] = None,
                speaker: Annotated[str | None, Query(max_length=200)] = None,
                entity: Annotated[str | None, Query(max_length=40)] = None) -> Response:
    if certainty and certainty not in CERTAINTIES:
        raise ApiError(422, "E504", f"certainty must be one of {', '.join(CERTAINTIES)}")
    if speaker_kind and speaker_kind not in (*SPEAKER_KINDS, "unknown"):
        raise ApiError(422, "E504", f"speaker_kind must be one of {', '.join(SPEAKER_KINDS)}, unknown")
    return respond(request, "claims.html", claims_view(
        store, doc=doc, certainty=certainty, speaker_kind=speaker_kind, speaker=speaker, entity=entity,
        page=page))


def timeline_page(request: Request, store: StoreDep,
                  type: Annotated[str | None, Query(max_length=20)] = None,
                  entity: Annotated[str | None, Query(max_length=40)] = None,
                  place: Annotated[str | None, Query(max_length=200)] = None,
                  since: IsoDate = None, until: IsoDate = None) -> Response:
    from newsgraph.api.views.timeline import timeline_view

    ctx, drawing = timeline_view(store, type=type or None, entity=entity or None, place=place or None,
                                 since=since or None, until=until or None)
    return respond(request, "timeline.html", ctx, t=drawing)


def network_page(request: Request, store: StoreDep,
                 graph: Annotated[str, Query(pattern="^(events|comention)$")] = "events",
                 type: Annotated[str | None, Query(max_length=20)] = None,
                 since: IsoDate = None, until: IsoDate = None,
                 story: Annotated[str | None, Query(max_length=64)] = None,
                 unnamed: Annotated[bool, Query()] = False) -> Response:
    from newsgraph.api.views.network import LEGEND, graph_data, network_script, network_view

    ctx, drawing = network_view(store, graph=graph, type=type or None, since=since or None,
                                until=until or None, story=story or None, unnamed=unnamed)
    return respond(request, "network.html", ctx, n=drawing, script=network_script(), legend=LEGEND,
                   data=graph_data(ctx))


def map_page(request: Request, store: StoreDep, focus: PlaceId = None,
             lat: Annotated[float | None, Query(ge=-90, le=90)] = None,
             lon: Annotated[float | None, Query(ge=-180, le=180)] = None,
             zoom: Annotated[float | None, Query(ge=1, le=32)] = None,
             country: CountryCode = None) -> Response:
    ctx, drawing = map_view(store, focus=focus, lat=lat, lon=lon, zoom=zoom, country=country)
    return respond(request, "map.html", ctx, m=drawing)


def places_page(request: Request, store: StoreDep, page: PageQuery = 1,
                id: PlaceId = None, country: CountryCode = None) -> Response:
    """All places, or with ``?id=`` one place's mentions and events."""
    if id is None:
        return respond(request, "places.html", places_view(store, country))
    ctx = place_view(store, id, page)
    if ctx is None:
        raise ApiError(404, "E503", f"no place with id {id} in the store")
    return respond(request, "place.html", ctx)


def documents_page(request: Request, store: StoreDep, page: PageQuery = 1,
                   publisher: Annotated[str | None, Query(max_length=200)] = None,
                   language: Annotated[str | None, Query(max_length=20)] = None,
                   since: IsoDate = None, until: IsoDate = None,
                   signal: Annotated[str | None, Query(max_length=60)] = None,
                   sort: Annotated[str, Query(max_length=20)] = "ingested") -> Response:
    from newsgraph.store.document_queries import DOCUMENT_SORTS, DocumentFilter

    if sort not in DOCUMENT_SORTS:
        raise ApiError(422, "E504", f"sort must be one of {', '.join(DOCUMENT_SORTS)}")
    filt = DocumentFilter(publisher or None, language or None, since or None, until or None, signal or None)
    return respond(request, "documents.html", documents_view(store, page, filt=filt, sort=sort))


def document_page(request: Request, store: StoreDep, doc_id: str) -> Response:
    ctx = document_view(store, doc_id)
    if ctx is None:
        raise ApiError(404, "E503", f"no document with id {doc_id!r}")
    return respond(request, "document.html", ctx)


def raw_document(store: StoreDep, doc_id: str) -> Response:
    """The bytes as ingested, always as a text/plain download: never rendered as HTML."""
    data = store.raw_bytes(doc_id)
    if data is None:
        raise ApiError(404, "E503", f"no document with id {doc_id!r}")
    safe_id = "".join(ch for ch in doc_id if ch.isalnum())  # ids are hex; keep the header clean
    return Response(data, media_type="text/plain", headers={
        "Content-Disposition": f'attachment; filename="{safe_id}.raw.txt"'})


def ingest_page(request: Request, store: StoreDep, config: ConfigDep, jobs: JobsDep) -> Response:
    return respond(request, "ingest.html", ingest_view(store, config, jobs), csrf=config.csrf_token)


def ingest_status_page(request: Request, store: StoreDep, jobs: JobsDep) -> Response:
    return respond(request, "ingest_status.html", ingest_status_view(store, jobs))


def _same_origin(request: Request) -> bool:
    """A browser sends Origin on every cross-site POST; when present it must be this host."""
    origin = request.headers.get("origin")
    if origin is None:
        return True
    return origin != "null" and urlsplit(origin).netloc == request.headers.get("host", "")


async def ingest_upload(request: Request, config: ConfigDep, jobs: JobsDep) -> Response:
    """Save the uploaded files under the uploads folder and ingest them in the background.

    Cross-site posts are refused before the body is read: the Origin (when sent) must be
    this host, and a request not carrying the bearer token must carry the form's CSRF
    token — in an ``X-CSRF-Token`` header, or as the form's first field, checked before
    any file is written (``uploads.receive_upload``, which also caps the body as it
    streams).
    """
    if not _same_origin(request):
        raise ApiError(403, "E505", "cross-origin upload refused")
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > config.max_upload_request_bytes:
        raise ApiError(413, "E507", f"upload larger than {config.max_upload_request_bytes // 2**20} MB")
    if jobs.status().state == "running":
        raise ApiError(409, "E506")
    header = request.headers.get("x-csrf-token")
    if header is not None and not secrets.compare_digest(header.encode(), config.csrf_token.encode()):
        raise ApiError(403, "E505", "missing or stale form token: reload the upload page")
    trusted = header is not None or getattr(request.state, "auth", None) == "bearer"
    saved, refused = await receive_upload(
        request, config.uploads_dir, max_request=config.max_upload_request_bytes,
        max_file=config.max_file_bytes, max_files=config.max_upload_files,
        csrf=None if trusted else config.csrf_token)
    status = jobs.start(saved, config.uploads_dir.resolve(), refused)
    if is_json_request(request):
        return json_ok(IngestStatusContext(status, []), status=202)
    return RedirectResponse(urls.ingest_status(), status_code=303)


def apidocs_page(request: Request) -> Response:
    return respond(request, "apidocs.html", apidocs_view(request.app.openapi(), urls.openapi()))


def entities_page(request: Request, store: StoreDep, page: PageQuery = 1,
                  type: Annotated[str | None, Query(max_length=20)] = None,
                  name: Annotated[str | None, Query(max_length=200)] = None,
                  min_mentions: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
                  unnamed: Annotated[bool, Query()] = False) -> Response:
    return respond(request, "entities.html", entities_view(
        store, type=type, name=name, min_mentions=min_mentions, page=page, unnamed=unnamed))


def entity_page(request: Request, store: StoreDep, config: ConfigDep, entity_id: str, page: PageQuery = 1,
                edited: Annotated[str | None, Query(max_length=40)] = None) -> Response:
    ctx = entity_view(store, entity_id, page=page, edited=edited)
    if ctx is None:
        raise ApiError(404, "E503", f"no entity with id {entity_id!r} (a merge or split may have "
                                    "replaced it: see /entities/edits)")
    return respond(request, "entity.html", ctx, csrf=config.csrf_token,
                   timeline=None if wants_json(request) else entity_timeline(store, ctx.id))


def entity_edits_page(request: Request, store: StoreDep, config: ConfigDep, page: PageQuery = 1) -> Response:
    return respond(request, "entity_edits.html", edit_log_view(store, page=page), csrf=config.csrf_token)


def _check_form_token(request: Request, config: ConfigDep, sent: object) -> None:
    """The upload form's CSRF rule: a request without the bearer token carries the form token."""
    if getattr(request.state, "auth", None) == "bearer":
        return
    if not isinstance(sent, str) or not secrets.compare_digest(sent.encode(), config.csrf_token.encode()):
        raise ApiError(403, "E505", "missing or stale form token: reload the entity page")


async def _edit_form(request: Request, config: ConfigDep) -> dict[str, object]:
    """An edit form's fields, after the same-origin and form-token checks."""
    if not _same_origin(request):
        raise ApiError(403, "E505", "cross-origin edit refused")
    try:
        form = await request.form(max_files=0, max_fields=1000)
    except Exception as exc:  # Starlette raises on too many fields or a malformed body
        raise ApiError(400, "E504", f"edit refused: {exc}") from exc
    try:
        _check_form_token(request, config, form.get("csrf"))
        return {"op": str(form.get("op") or ""), "other": str(form.get("other") or ""),
                "keep": str(form.get("keep") or "this"),
                "value": str(form.get("value") or "") or None,
                "mentions": [str(m) for m in form.getlist("mentions")],
                "author": str(form.get("author") or "").strip()[:100] or None,
                "note": str(form.get("note") or "").strip()[:1000] or None,
                "back": str(form.get("back") or "")}
    finally:
        await form.close()


async def entity_edit(request: Request, store: StoreDep, config: ConfigDep, jobs: JobsDep,
                      entity_id: str) -> Response:
    """An edit form of the entity page: merge, distinct, rename, retype, alias, split (see ``api.edits``).

    The other entity of a merge or distinct is picked by name or id; a name that is not
    exactly one entity's answers a page of candidates to choose from. A merge keeps this
    entity's id, name and type unless the form says to keep the other's (``keep=other``).
    """
    f = await _edit_form(request, config)
    op = str(f["op"])
    others: list[str] = []
    if op in ("merge", "distinct"):
        picked = pick_entities(store, str(f["other"]), exclude=entity_id)
        if not picked.ids:
            if not picked.name:
                raise ApiError(422, "E601", f"{op}: name the other entity")
            if is_json_request(request):
                found = ", ".join(f"{e['name']} ({e['id']})" for e in picked.exact + picked.near) or "none"
                raise ApiError(422, "E601", f"{picked.name!r} is not exactly one entity's name; "
                                            f"candidates: {found}")
            ctx = pick_view(store, entity_id, op, str(f["keep"]), picked.name, picked.exact, picked.near)
            if ctx is None:
                raise ApiError(404, "E503", f"no entity with id {entity_id!r}")
            return respond(request, "entity_pick.html", ctx, csrf=config.csrf_token)
        others = picked.ids
    ids = [*others, entity_id] if op == "merge" and f["keep"] == "other" else [entity_id, *others]
    mentions = f["mentions"] if isinstance(f["mentions"], list) else []
    applied = await run_in_threadpool(apply_edit, config, jobs, op, ids, value=f["value"],  # type: ignore[arg-type]
                                      mentions=mentions, author=f["author"], note=f["note"])
    if is_json_request(request):
        return json_ok({"edit": {**applied.edit.to_dict(), "id": applied.edit.id},
                        "entities": applied.entities, "primary": applied.primary})
    return RedirectResponse(urls.entity(applied.primary or entity_id, edited=applied.edit.id),
                            status_code=303)


async def entity_edit_withdraw(request: Request, config: ConfigDep, jobs: JobsDep, edit_id: str) -> Response:
    """An edit's undo button: the edit is withdrawn (as ``newsgraph entity withdraw``)."""
    f = await _edit_form(request, config)
    touched = await run_in_threadpool(withdraw_edit, config, jobs, edit_id)
    if is_json_request(request):
        return json_ok({"withdrawn": edit_id, "entities": touched})
    # From the log back to the log; from an entity page to the entity the edit's first
    # anchor belongs to now (the page's own id may be gone: an undone split).
    target = urls.entity_edits() if f["back"] == "log" or not touched else urls.entity(touched[0])
    return RedirectResponse(target, status_code=303)


def events_page(request: Request, store: StoreDep, page: PageQuery = 1,
                type: Annotated[str | None, Query(max_length=20)] = None,
                actor: Annotated[str | None, Query(max_length=200)] = None,
                target: Annotated[str | None, Query(max_length=200)] = None,
                place: Annotated[str | None, Query(max_length=200)] = None,
                since: IsoDate = None, until: IsoDate = None,
                flag: Annotated[list[str] | None, Query(max_length=20)] = None,
                min_sources: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
                doc: Annotated[str | None, Query(max_length=64)] = None) -> Response:
    from newsgraph.store.event_queries import EVENT_FLAGS

    bad = [f for f in flag or [] if f not in EVENT_FLAGS]
    if bad:
        raise ApiError(422, "E504", f"flag must be one of {', '.join(EVENT_FLAGS)}")
    return respond(request, "events.html", events_view(
        store, type=type, actor=actor, target=target, place=place, since=since or None, until=until or None,
        flags=flag, min_sources=min_sources, doc=doc, page=page))


def event_page(request: Request, store: StoreDep, event_id: str) -> Response:
    ctx = event_view(store, event_id)
    if ctx is None:
        raise ApiError(404, "E503", f"no event with id {event_id!r}")
    return respond(request, "event.html", ctx)


def stories_page(request: Request, store: StoreDep, page: PageQuery = 1,
                 min_size: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
                 since: IsoDate = None, until: IsoDate = None) -> Response:
    return respond(request, "stories.html", stories_view(store, min_size=min_size, since=since or None,
                                                         until=until or None, page=page))


def story_page(request: Request, store: StoreDep, story_id: str) -> Response:
    ctx = story_view(store, story_id)
    if ctx is None:
        raise ApiError(404, "E503", f"no story with id {story_id!r}")
    drawing = None if wants_json(request) else timeline_of(
        store, [e.id for e in ctx.events], [d.id for d in ctx.timeline],
        lambda since, until: urls.timeline(since=since, until=until))
    return respond(request, "story.html", ctx, timeline=drawing)


def links_page(request: Request, store: StoreDep, page: PageQuery = 1,
               kind: Annotated[str | None, Query(max_length=20)] = None,
               doc: Annotated[str | None, Query(max_length=64)] = None) -> Response:
    if kind and kind not in LINK_KINDS:
        raise ApiError(422, "E504", f"kind must be one of {', '.join(LINK_KINDS)}")
    return respond(request, "links.html", links_view(store, kind=kind, doc=doc, page=page))


def link_page(request: Request, store: StoreDep, a: str, b: str) -> Response:
    ctx = link_view(store, a, b)
    if ctx is None:
        raise ApiError(404, "E503", f"no link between {a!r} and {b!r}")
    return respond(request, "link.html", ctx)


def publishers_page(request: Request, store: StoreDep) -> Response:
    return respond(request, "publishers.html", publishers_view(store))
