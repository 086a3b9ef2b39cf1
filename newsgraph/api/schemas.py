"""Response models of the documented JSON API (``/api/…``), so ``/openapi.json`` is complete.

Field names and meanings follow ``newsgraph.model`` and the store; every
response carries the success envelope's ``ok: true``, every error the one
``ErrorResponse`` shape.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

__all__ = [
    "DocumentListResponse", "DocumentModel", "DocumentResponse", "DocumentSummary", "ErrorDetail",
    "ErrorResponse", "MentionModel", "MentionsResponse", "RemovedBlockModel", "SearchHitModel",
    "SearchResponse", "SentenceModel", "SnippetPartModel", "StatsModel", "StatsResponse",
]


class ErrorDetail(BaseModel):
    code: str = Field(description="Stable error code (E5xx for the HTTP layer, see README).")
    message: str


class ErrorResponse(BaseModel):
    """The one error shape of every JSON answer."""

    ok: Literal[False] = False
    error: ErrorDetail


class SnippetPartModel(BaseModel):
    text: str
    match: bool = Field(description="True for a piece that matched the query.")


class SearchHitModel(BaseModel):
    id: str
    title: str | None
    publisher: str | None
    published: str | None = Field(description="ISO 8601 date, possibly partial.")
    path: str
    language: str | None
    snippet: str = Field(description="Plain-text excerpt around the matches.")
    parts: list[SnippetPartModel] = Field(description="The snippet cut at the matched terms.")
    url: str = Field(description="The article page.")


class SearchResponse(BaseModel):
    """One page of full-text hits, best first."""

    ok: Literal[True] = True
    q: str
    total: int = Field(description="Documents matching the query in all.")
    limit: int
    offset: int
    hits: list[SearchHitModel]


class MentionModel(BaseModel):
    """A named-entity mention: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str
    label: str = Field(description="PERSON, ORG, GPE, LOC, FAC, NORP, …")
    sentence: int = Field(description="Index into the document's sentences (-1 if none).")


class RemovedBlockModel(BaseModel):
    """Boilerplate the cleaner removed, and the cue that removed it."""

    kind: str
    line: int = Field(description="0-based line in the decoded input, -1 when not line-based.")
    score: float | None
    text: str


class SentenceModel(BaseModel):
    start: int
    end: int


class DocumentModel(BaseModel):
    """A stored article: metadata, clean text, what cleaning removed, sentences and mentions."""

    id: str = Field(description="First 16 hex digits of the SHA-256 of the raw bytes.")
    path: str
    title: str | None
    publisher: str | None
    url: str | None
    published: str | None
    authors: list[str]
    attributed_to: list[str] = Field(description="Outlets the article credits as its source.")
    language: str | None
    language_score: float | None
    format: str
    encoding: str | None
    provenance: dict[str, str] = Field(description="Where each metadata value came from.")
    warnings: list[str]
    text: str = Field(description="The clean body every offset points into.")
    raw_size: int
    annotated: bool
    annotate_reason: str | None
    model: str | None
    ingested_at: str
    removed: list[RemovedBlockModel]
    sentences: list[SentenceModel]
    mentions: list[MentionModel]


class DocumentResponse(BaseModel):
    ok: Literal[True] = True
    document: DocumentModel


class MentionsResponse(BaseModel):
    ok: Literal[True] = True
    doc: str
    mentions: list[MentionModel]


class DocumentSummary(BaseModel):
    id: str
    title: str | None
    publisher: str | None
    published: str | None
    path: str
    language: str | None
    annotated: bool
    chars: int


class DocumentListResponse(BaseModel):
    ok: Literal[True] = True
    total: int
    limit: int
    offset: int
    documents: list[DocumentSummary]


class StatsModel(BaseModel):
    documents: int
    annotated: int
    mentions: int
    removed_blocks: int
    failures: int
    languages: dict[str, int]
    publishers: dict[str, int]


class StatsResponse(BaseModel):
    ok: Literal[True] = True
    stats: StatsModel
