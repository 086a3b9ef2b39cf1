"""Handlers of the documented JSON API under ``/api`` (response models in ``schemas``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from newsgraph.api.config import MAX_API_LIMIT
from newsgraph.api.deps import StoreDep
from newsgraph.api.errors import ApiError
from newsgraph.api.schemas import (
    DocumentListResponse,
    DocumentResponse,
    MentionsResponse,
    SearchResponse,
    StatsResponse,
)
from newsgraph.api.views.search import hit_view
from newsgraph.errors import NewsgraphError

__all__ = ["api_document", "api_documents", "api_mentions", "api_search", "api_stats"]

Limit = Annotated[int, Query(ge=1, le=MAX_API_LIMIT, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, description="Items to skip.")]


def api_search(store: StoreDep, q: Annotated[str, Query(max_length=1000, description=(
        'Full-text query: words are ANDed, "quoted phrases", word* prefixes, OR between words.'))],
        limit: Limit = 20, offset: Offset = 0) -> SearchResponse:
    """Full-text search over titles and clean text, best match first."""
    try:
        total, hits = store.search(q, limit=limit, offset=offset)
    except NewsgraphError as exc:
        raise ApiError(400, "E504", exc.reason) from exc
    return SearchResponse.model_validate(
        {"q": q, "total": total, "limit": limit, "offset": offset,
         "hits": [hit_view(h) for h in hits]}, from_attributes=True)


def api_documents(store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> DocumentListResponse:
    """Stored documents in ingest order."""
    total, rows = store.list_documents(limit=limit, offset=offset)
    return DocumentListResponse.model_validate(
        {"total": total, "limit": limit, "offset": offset, "documents": rows})


def api_document(store: StoreDep, doc_id: str) -> DocumentResponse:
    """One document: metadata, clean text, removed blocks, sentences and mentions."""
    doc = store.document(doc_id)
    if doc is None:
        raise ApiError(404, "E503", f"no document with id {doc_id!r}")
    return DocumentResponse.model_validate({"document": doc})


def api_mentions(store: StoreDep, doc_id: str) -> MentionsResponse:
    """The named-entity mentions of one document, in text order."""
    if not store.has_document(doc_id):
        raise ApiError(404, "E503", f"no document with id {doc_id!r}")
    return MentionsResponse.model_validate({"doc": doc_id, "mentions": store.mentions(doc_id)})


def api_stats(store: StoreDep) -> StatsResponse:
    """Counts of documents, annotated documents, mentions, removed blocks and failures."""
    return StatsResponse.model_validate({"stats": store.stats()})
