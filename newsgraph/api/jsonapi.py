"""Handlers of the documented JSON API under ``/api`` (response models in ``schemas``)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import Query
from starlette.requests import Request

from newsgraph.api.config import MAX_API_LIMIT, MAX_QUERY_INT
from newsgraph.api.deps import ConfigDep, JobsDep, StoreDep
from newsgraph.api.edits import apply_edit, withdraw_edit
from newsgraph.api.errors import ApiError
from newsgraph.api.schemas import (
    ClaimListResponse,
    DocumentListResponse,
    DocumentResponse,
    EditLogResponse,
    EntityEditRequest,
    EntityEditResponse,
    EntityListResponse,
    EntityResponse,
    EventListResponse,
    EventResponse,
    LinkListResponse,
    MentionsResponse,
    SearchResponse,
    StatsResponse,
    StoryListResponse,
    StoryResponse,
    WithdrawResponse,
)
from newsgraph.api.views.search import hit_view, search_view
from newsgraph.errors import NewsgraphError
from newsgraph.model import LINK_KINDS
from newsgraph.store import entity_queries, event_queries, story_queries
from newsgraph.store.facts_queries import HitFilter, search_hits

__all__ = ["api_claims", "api_document", "api_documents", "api_entities", "api_entity", "api_entity_edit",
           "api_entity_edit_withdraw", "api_entity_edits", "api_event", "api_events", "api_links",
           "api_mentions", "api_search",
           "api_stats", "api_stories", "api_story"]

Limit = Annotated[int, Query(ge=1, le=MAX_API_LIMIT, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=MAX_QUERY_INT, description="Items to skip.")]


def _at_least(what: str) -> Any:
    return Query(ge=0, le=MAX_QUERY_INT, description=f"At least this many {what}.")


def api_search(store: StoreDep, q: Annotated[str, Query(max_length=1000, description=(
        'Full-text query: words are ANDed, "quoted phrases", word* prefixes, OR between words.'))],
        limit: Limit = 20, offset: Offset = 0,
        place: Annotated[int | None, Query(ge=0, le=MAX_QUERY_INT, description=(
            "Only documents mentioning this place (geonameid)."))] = None,
        country: Annotated[str | None, Query(pattern="^[A-Za-z]{2}$", description=(
            "Only documents mentioning a place in this country (ISO 3166 alpha-2)."))] = None,
        publisher: Annotated[str | None, Query(max_length=200, description="Only this publisher.")] = None,
        since: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description=(
            "Published on or after this ISO date."))] = None,
        until: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description=(
            "Published on or before this ISO date (a year or month covers all of it)."))] = None,
        entity: Annotated[str | None, Query(max_length=40, description=(
            "Only documents naming this entity (id)."))] = None,
        type: Annotated[str | None, Query(max_length=20, description=(
            "Only documents reporting an event of this PLOVER type."))] = None,
        signal: Annotated[str | None, Query(max_length=60, description=(
            "Only documents where this signal is flagged."))] = None) -> SearchResponse:
    """Full-text search over titles and clean text, best match first, narrowed by the filters,
    with the facets of the search page."""
    more = HitFilter(publisher or None, since or None, until or None, entity or None, type or None,
                     signal or None)
    country = country.upper() if country else None
    try:
        total, hits = search_hits(store, q, place_id=place, country=country, more=more, limit=limit,
                                  offset=offset)
    except NewsgraphError as exc:
        raise ApiError(400, "E504", exc.reason) from exc
    # The page's facets (cached per query until the store changes): one hit asked, the rest reused.
    ctx = search_view(store, q, 1, 1, place=place, country=country, publisher=publisher, since=since,
                      until=until, entity=entity, type=type, signal=signal)
    facets = {"country": ctx.countries, "place": ctx.places, "publisher": ctx.publishers, "year": ctx.years,
              "entity": ctx.entity_facets, "event_type": ctx.event_types, "signal": ctx.signals}
    return SearchResponse.model_validate(
        {"q": q, "total": total, "limit": limit, "offset": offset,
         "hits": [hit_view(h) for h in hits],
         "facets": {k: [asdict(f) for f in v] for k, v in facets.items()}, "facet_hits": ctx.facet_hits},
        from_attributes=True)


def api_documents(store: StoreDep, limit: Limit = 50, offset: Offset = 0,
                  publisher: Annotated[str | None, Query(max_length=200, description=(
                      "Only this publisher (\"unknown\": articles that name none)."))] = None,
                  language: Annotated[str | None, Query(max_length=20, description="Language code.")] = None,
                  since: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description=(
                      "Published on or after this ISO date."))] = None,
                  until: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description=(
                      "Published on or before this ISO date (a year or month covers all of it)."))] = None,
                  signal: Annotated[str | None, Query(max_length=60, description=(
                      "Only documents where this signal is flagged."))] = None,
                  sort: Annotated[str, Query(max_length=20, description=(
                      "ingested (default), newest, oldest, title or publisher."))] = "ingested",
                  ) -> DocumentListResponse:
    """Stored documents, filtered and sorted (ingest order by default)."""
    from newsgraph.store.document_queries import DOCUMENT_SORTS, DocumentFilter, documents

    if sort not in DOCUMENT_SORTS:
        raise ApiError(422, "E504", f"sort must be one of {', '.join(DOCUMENT_SORTS)}")
    total, rows = documents(store, DocumentFilter(publisher, language, since, until, signal), sort=sort,
                            limit=limit, offset=offset)
    return DocumentListResponse.model_validate(
        {"total": total, "limit": limit, "offset": offset, "documents": rows})


def api_document(store: StoreDep, doc_id: str) -> DocumentResponse:
    """One document: metadata, clean text, removed blocks, sentences and mentions."""
    doc = store.document(doc_id)
    if doc is None:
        raise ApiError(404, "E503", f"no document with id {doc_id!r}")
    doc["title_entities"] = entity_queries.document_title_entities(store, doc_id)
    return DocumentResponse.model_validate({"document": doc})


def api_mentions(store: StoreDep, doc_id: str) -> MentionsResponse:
    """The named-entity mentions of one document, in text order."""
    if not store.has_document(doc_id):
        raise ApiError(404, "E503", f"no document with id {doc_id!r}")
    return MentionsResponse.model_validate({"doc": doc_id, "mentions": store.mentions(doc_id)})


def api_stats(store: StoreDep) -> StatsResponse:
    """Counts of documents, annotated documents, mentions, removed blocks and failures."""
    return StatsResponse.model_validate({"stats": store.stats()})


def api_claims(store: StoreDep, limit: Limit = 50, offset: Offset = 0,
               doc: Annotated[str | None, Query(max_length=64, description="Only this document.")] = None,
               certainty: Annotated[str | None, Query(max_length=20, description=(
                   "asserted, hedged or denied."))] = None,
               speaker_kind: Annotated[str | None, Query(max_length=20, description=(
                   "named, pronoun, role, anonymous, collective… or unknown."))] = None,
               speaker: Annotated[str | None, Query(max_length=200, description=(
                   "Words of the speaker as written."))] = None,
               entity: Annotated[str | None, Query(max_length=40, description=(
                   "Only claims whose speaker is this entity (E…)."))] = None) -> ClaimListResponse:
    """Attributed claims (the /claims page's records), with the speaker's entity where it is one."""
    from newsgraph.api.views.claims import claim_list_rows
    from newsgraph.model import CERTAINTIES, SPEAKER_KINDS
    from newsgraph.store.facts_queries import ClaimFilter, claims

    if certainty and certainty not in CERTAINTIES:
        raise ApiError(422, "E504", f"certainty must be one of {', '.join(CERTAINTIES)}")
    if speaker_kind and speaker_kind not in (*SPEAKER_KINDS, "unknown"):
        raise ApiError(422, "E504", f"speaker_kind must be one of {', '.join(SPEAKER_KINDS)}, unknown")
    filt = ClaimFilter(doc or None, certainty or None, speaker_kind or None, (speaker or "").strip() or None)
    if entity:
        from newsgraph.api.views.claims import matches_claim

        by = [c for c in entity_queries.claims_by(store, entity) if matches_claim(c, filt)]
        total, records = len(by), by[offset:offset + limit]
    else:
        total, records = claims(store, filt, limit=limit, offset=offset)
    out = []
    for r in claim_list_rows(store, records):
        row = asdict(r)
        who = row["speaker_entity"]
        row["speaker_entity"] = who and {k: who[k] for k in ("id", "name", "type")}
        out.append(row)
    return ClaimListResponse.model_validate({"total": total, "limit": limit, "offset": offset, "claims": out})


def api_entities(store: StoreDep, limit: Limit = 50, offset: Offset = 0,
                 type: Annotated[str | None, Query(max_length=20, description=(
                     "Entity type (PERSON, ORG…)."))] = None,
                 name: Annotated[str | None, Query(max_length=200, description=(
                     "Words of the canonical name or of any alias."))] = None,
                 min_mentions: Annotated[int, _at_least("mentions")] = 0,
                 unnamed: Annotated[bool, Query(description=(
                     "List the unnamed referents (participants one article describes and refers "
                     "back to but never names) instead of the named entities."))] = False,
                 ) -> EntityListResponse:
    """Resolved entities, most mentioned first."""
    total, rows = entity_queries.entities(
        store, entity_queries.EntityFilter(type or None, (name or "").strip() or None, min_mentions, unnamed),
        limit=limit, offset=offset)
    return EntityListResponse.model_validate(
        {"total": total, "limit": limit, "offset": offset, "entities": rows})


def api_entity(store: StoreDep, entity_id: str, limit: Limit = 50, offset: Offset = 0) -> EntityResponse:
    """One entity: aliases, type votes, merge evidence, a page of mentions with their sentences,
    co-occurring entities and the events it takes part in."""
    ent = entity_queries.entity(store, entity_id)
    if ent is None:
        raise ApiError(404, "E503", f"no entity with id {entity_id!r}")
    total, mentions = entity_queries.entity_mentions(store, entity_id, limit=limit, offset=offset)
    for m in mentions:
        if m["sentence"] is not None:
            m["sentence"]["text"] = m["sentence"]["text"] or ""
    ent.update(mentions=mentions, cooccurring=entity_queries.cooccurring(store, entity_id),
               events=event_queries.entity_events(store, entity_id),
               title_mentions=entity_queries.title_mentions(store, entity_id))
    return EntityResponse.model_validate(
        {"mentions_total": total, "limit": limit, "offset": offset, "entity": ent})


def api_entity_edits(store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> EditLogResponse:
    """The audit log of analyst edits, newest first (withdrawn edits included)."""
    total, rows = entity_queries.edit_log(store, limit=limit, offset=offset)
    for r in rows:
        r["edit"]["id"] = r["id"]
    return EditLogResponse.model_validate({"total": total, "limit": limit, "offset": offset, "edits": rows})


def _same_origin(request: Request) -> bool:
    origin = request.headers.get("origin")
    return origin is None or (origin != "null" and urlsplit(origin).netloc == request.headers.get("host", ""))


def api_entity_edit(request: Request, body: EntityEditRequest, config: ConfigDep,
                    jobs: JobsDep) -> EntityEditResponse:
    """Apply an analyst edit (merge, split, rename, alias_add, alias_remove, distinct).

    The edit is logged in the audit log and re-applied on every later resolution run.
    Only JSON bodies from this origin are accepted: a cross-site page can neither send
    ``application/json`` without a CORS preflight (which this server never grants) nor
    pass the Origin check.
    """
    if not request.headers.get("content-type", "").lower().startswith("application/json"):
        raise ApiError(415, "E504", "send the edit as application/json")
    if not _same_origin(request):
        raise ApiError(403, "E505", "cross-origin edit refused")
    applied = apply_edit(config, jobs, body.op, body.entities, value=body.value, mentions=body.mentions,
                         author=body.author, note=body.note)
    return EntityEditResponse.model_validate(
        {"edit": {**applied.edit.to_dict(), "id": applied.edit.id}, "entities": applied.entities,
         "primary": applied.primary})


def api_entity_edit_withdraw(request: Request, config: ConfigDep, jobs: JobsDep,
                             edit_id: str) -> WithdrawResponse:
    """Withdraw an edit (an undo, as ``newsgraph entity withdraw``): resolution forgets it,
    the audit log keeps it marked withdrawn. Same-origin only, like edits."""
    if not _same_origin(request):
        raise ApiError(403, "E505", "cross-origin edit refused")
    return WithdrawResponse(withdrawn=edit_id, entities=withdraw_edit(config, jobs, edit_id))


def _mention_flags(fl: dict[str, Any]) -> dict[str, bool]:
    return {"negated": bool(fl.get("negated")), "hypothetical": bool(fl.get("hypothetical")),
            "attempted": bool(fl.get("attempted")), "historical": bool(fl.get("historical")),
            "reported": bool(fl.get("reported_via"))}


def _event_json(ev: dict[str, Any]) -> dict[str, Any]:
    ev = dict(ev)
    ev["mentions"] = [{**m, "flags": _mention_flags(m.get("flags") or {})} for m in ev["mentions"]]
    return ev


IsoDate = Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$",
                                      description="ISO 8601 date: YYYY, YYYY-MM or YYYY-MM-DD.")]


def api_events(store: StoreDep, limit: Limit = 50, offset: Offset = 0,
               type: Annotated[str | None, Query(max_length=20, description="PLOVER type, DISASTER.")] = None,
               actor: Annotated[str | None, Query(max_length=200, description=(
                   "An entity id (E…) or words of an actor's text."))] = None,
               target: Annotated[str | None, Query(max_length=200, description=(
                   "An entity id (E…) or words of a target's text."))] = None,
               place: Annotated[str | None, Query(max_length=200, description="Words of the place.")] = None,
               since: IsoDate = None, until: IsoDate = None,
               flag: Annotated[list[str] | None, Query(max_length=5, description=(
                   "negated, hypothetical, attempted, historical, reported (all must hold)."))] = None,
               min_sources: Annotated[int, Query(ge=0, le=MAX_QUERY_INT, description=(
                   "At least this many independent reports."))] = 0,
               ) -> EventListResponse:
    """Events resolved across documents, most sources first."""
    bad = [f for f in flag or [] if f not in event_queries.EVENT_FLAGS]
    if bad:
        raise ApiError(422, "E504", f"flag must be one of {', '.join(event_queries.EVENT_FLAGS)}")
    filt = event_queries.EventFilter(type or None, actor or None, target or None, place or None, since, until,
                                     list(flag or []), min_sources)
    total, evs = event_queries.events(store, filt, limit=limit, offset=offset)
    return EventListResponse.model_validate(
        {"total": total, "limit": limit, "offset": offset, "events": [_event_json(e) for e in evs]})


def api_event(store: StoreDep, event_id: str) -> EventResponse:
    """One event: type, mode, actors, targets, place, date, flags, sources, every evidence sentence."""
    ev = event_queries.event(store, event_id)
    if ev is None:
        raise ApiError(404, "E503", f"no event with id {event_id!r}")
    return EventResponse.model_validate({"event": _event_json(ev)})


def api_stories(store: StoreDep, limit: Limit = 50, offset: Offset = 0,
                min_size: Annotated[int, _at_least("articles")] = 0,
                since: IsoDate = None, until: IsoDate = None) -> StoryListResponse:
    """Stories (articles reporting one news event), largest first."""
    total, rows = story_queries.stories(store, story_queries.StoryFilter(min_size, since, until),
                                        limit=limit, offset=offset)
    return StoryListResponse.model_validate(
        {"total": total, "limit": limit, "offset": offset, "stories": rows})


def api_story(store: StoreDep, story_id: str) -> StoryResponse:
    """One story: its timeline of articles with their links to the earliest, publishers and events."""
    st = story_queries.story(store, story_id)
    if st is None:
        raise ApiError(404, "E503", f"no story with id {story_id!r}")
    return StoryResponse.model_validate({"story": st})


def api_links(store: StoreDep, limit: Limit = 50, offset: Offset = 0,
              kind: Annotated[str | None, Query(max_length=20, description=(
                  "duplicate, copy, spin, translation or same_story."))] = None,
              doc: Annotated[str | None, Query(max_length=64, description="Links of this document.")] = None,
              ) -> LinkListResponse:
    """Links between documents, strongest kind first, then highest score."""
    if kind and kind not in LINK_KINDS:
        raise ApiError(422, "E504", f"kind must be one of {', '.join(LINK_KINDS)}")
    total, rows = story_queries.links(store, story_queries.LinkFilter(kind or None, doc or None),
                                      limit=limit, offset=offset)
    return LinkListResponse.model_validate({"total": total, "limit": limit, "offset": offset, "links": rows})
