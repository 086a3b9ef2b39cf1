"""Response models of the documented JSON API (``/api/…``), so ``/openapi.json`` is complete.

Field names and meanings follow ``newsgraph.model`` and the store; every
response carries the success envelope's ``ok: true``, every error the one
``ErrorResponse`` shape.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

__all__ = [
    "ArgumentModel",
    "ClaimListResponse",
    "ClaimModel",
    "CooccurringModel",
    "DocumentListResponse",
    "DocumentModel",
    "DocumentResponse",
    "DocumentSummary",
    "EditLogEntryModel",
    "EditLogResponse",
    "EditModel",
    "EntityDetailModel",
    "EntityEditRequest",
    "EntityEditResponse",
    "EntityEventModel",
    "EntityListResponse",
    "EntityMentionModel",
    "EntityResponse",
    "EntitySummaryModel",
    "ErrorDetail",
    "ErrorResponse",
    "EventDateModel",
    "EventFlagsModel",
    "EventListResponse",
    "EventMentionModel",
    "EventModel",
    "EventResponse",
    "LinkListResponse",
    "LinkModel",
    "LocationModel",
    "MentionModel",
    "MentionsResponse",
    "MergeEvidenceModel",
    "RemovedBlockModel",
    "SearchHitModel",
    "SearchResponse",
    "SentenceModel",
    "SnippetPartModel",
    "StatsModel",
    "StatsResponse",
    "StoryDocumentModel",
    "StoryEventModel",
    "StoryListResponse",
    "StoryModel",
    "StoryResponse",
    "StorySummaryModel",
    "TextSpanModel",
    "WithdrawResponse",
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


class SearchFacetModel(BaseModel):
    """A value among the hits and the documents having it."""

    key: str = Field(description="The value to pass back as the filter (an ISO code, a geonameid, "
                                 "a publisher, a year, an entity id, an event type, a signal name).")
    name: str
    documents: int
    selected: bool = Field(description="This filter is on.")
    url: str = Field(description="The search page narrowed to it (or, when selected, without it).")


class SearchResponse(BaseModel):
    """One page of full-text hits, best first, and the facets that narrow them."""

    ok: Literal[True] = True
    q: str
    total: int = Field(description="Documents matching the query in all.")
    limit: int
    offset: int
    hits: list[SearchHitModel]
    facets: dict[str, list[SearchFacetModel]] = Field(default_factory=dict, description=(
        "country and place (counted over every hit); publisher, year, entity, event_type and signal "
        "(counted over the best `facet_hits` hits when set)."))
    facet_hits: int | None = Field(default=None, description=(
        "The facets besides place and country were read from this many best hits (null: all)."))


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
    attributed_to: list[str] = Field(default_factory=list, description=(
        "Outlets the article credits as its source."))


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


# -- entities -------------------------------------------------------------------------------

class TextSpanModel(BaseModel):
    """A stretch of a document's clean text: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str


class EntitySummaryModel(BaseModel):
    """A resolved entity as the list shows it."""

    id: str = Field(description="E + 16 hex digits (hash of the founding mention).")
    name: str = Field(description="Canonical name.")
    type: str = Field(description="PERSON, ORG, GPE, LOC, FAC, NORP, … (majority of the mentions' labels).")
    type_confidence: float = Field(description="Share of typed mentions that voted for the type.")
    mention_count: int
    doc_count: int
    aliases: dict[str, int] = Field(description="Every surface form and its mention count (manual: 0).")


class SpeakerEntityModel(BaseModel):
    id: str
    name: str
    type: str


class ClaimEventModel(BaseModel):
    mention: str = Field(description="The event mention inside the claim's content.")
    type: str
    mode: str | None
    trigger: str | None
    event: str | None = Field(description="The resolved event (null while unresolved).")


class ClaimModel(BaseModel):
    """An attributed claim: who said what (content offsets into the document's clean text)."""

    id: str
    doc: str
    doc_title: str | None
    start: int
    end: int
    text: str = Field(description="The claimed content.")
    speaker_entity: SpeakerEntityModel | None = Field(description=(
        "The entity the speaker stands for (its resolved reference, else its span), or null."))
    speaker_text: str | None = Field(description="The best name of the speaker as written.")
    speaker: str | None = Field(description="The speaker span as written (a pronoun, a role…).")
    speaker_kind: str | None
    cue: str | None
    certainty: str
    quote_type: str
    channel: str | None
    hedge: str | None
    sentence: str
    events: list[ClaimEventModel]


class ClaimListResponse(BaseModel):
    ok: Literal[True] = True
    total: int
    limit: int
    offset: int
    claims: list[ClaimModel]


class EntityListResponse(BaseModel):
    ok: Literal[True] = True
    total: int
    limit: int
    offset: int
    entities: list[EntitySummaryModel]


class EntityMentionModel(BaseModel):
    """One mention of the entity, how it was linked, and its sentence."""

    doc: str
    start: int
    end: int
    text: str
    label: str
    method: str = Field(description="found, exact, variant, partial, title, acronym, typo, edit, …")
    score: float
    reason: str
    sentence: TextSpanModel | None
    kind: str = Field("name", description="name, description (\"the company\") or pronoun (\"he\")")
    rule: str = Field("", description="The rule that linked a description or pronoun: apposition, described, "
                      "same-description, relative, only-candidate, subject, speaker; empty for names.")


class MergeEvidenceModel(BaseModel):
    """Why a document's chain joined the entity: scores and the evidence both sides share."""

    chain: str = Field(description="Key (doc:start-end) of the chain's first mention.")
    score: float
    name_score: float
    context_score: float
    cooccurrence_score: float
    type_score: float
    shared: list[str]
    reason: str
    kind: str | None = None


class CooccurringModel(BaseModel):
    id: str
    name: str
    type: str
    sentences: int = Field(description="Sentences mentioning both entities.")
    documents: int = Field(description="Documents mentioning both entities.")


class EntityEventModel(BaseModel):
    id: str
    type: str
    mode: str | None
    roles: list[str] = Field(description="actor and/or target.")
    date: str | None
    place: str | None
    sources: int
    trigger: str
    sentence: str
    doc: str


class EntityDetailModel(EntitySummaryModel):
    type_votes: dict[str, int]
    evidence: list[MergeEvidenceModel]
    documents: list[str]
    mentions: list[EntityMentionModel] = Field(description="One page of mentions (see limit/offset).")
    cooccurring: list[CooccurringModel]
    events: list[EntityEventModel]


class EntityResponse(BaseModel):
    ok: Literal[True] = True
    mentions_total: int
    limit: int
    offset: int
    entity: EntityDetailModel


class EditModel(BaseModel):
    """An analyst statement, re-applied on every resolution run (see newsgraph.model.Edit)."""

    id: str = Field(description="X + 16 hex digits: hash of the statement (re-adding it is a no-op).")
    op: str
    anchors: list[str] = Field(description="Mention keys (doc:start-end) naming the entities.")
    mentions: list[str]
    value: str | None
    entities: list[str] = Field(description="The entity ids the analyst saw.")
    author: str | None
    note: str | None
    created: str | None
    type: str | None = Field(default=None, description="A merge: the type the merged entity keeps.")


class EditLogEntryModel(BaseModel):
    id: str
    op: str
    created: str
    author: str | None
    withdrawn: str | None = Field(description="When the edit was withdrawn (null while it stands).")
    edit: EditModel


class EditLogResponse(BaseModel):
    ok: Literal[True] = True
    total: int
    limit: int
    offset: int
    edits: list[EditLogEntryModel]


class EntityEditRequest(BaseModel):
    """An edit: ``merge`` (2+ entities), ``distinct`` (2), ``split`` (1 + mention keys),
    ``rename``/``alias_add``/``alias_remove``/``retype`` (1 + value: a name, an alias, a type)."""

    op: Literal["merge", "split", "rename", "alias_add", "alias_remove", "distinct", "retype"]
    entities: list[str] = Field(min_length=1, max_length=100)
    value: str | None = Field(default=None, max_length=500)
    mentions: list[str] = Field(default_factory=list, max_length=10_000)
    author: str | None = Field(default=None, max_length=100)
    note: str | None = Field(default=None, max_length=1000)


class WithdrawResponse(BaseModel):
    ok: Literal[True] = True
    withdrawn: str = Field(description="The edit withdrawn (the audit log keeps it, marked withdrawn).")
    entities: list[str] = Field(description="Entities the edit's anchors and mentions belong to now.")


class EntityEditResponse(BaseModel):
    ok: Literal[True] = True
    edit: EditModel
    entities: list[str] = Field(description="Entities the edit's anchors and mentions belong to now.")
    primary: str | None = Field(description="The entity of the edit's first anchor now.")


# -- events ---------------------------------------------------------------------------------

class ArgumentModel(BaseModel):
    """An actor or target: an entity (``entity`` id, ``name``, ``type``) or only ``text``."""

    entity: str | None = None
    name: str | None = None
    type: str | None = None
    text: str | None = None


class LocationModel(BaseModel):
    name: str
    entity: str | None
    lat: float | None
    lon: float | None


class EventDateModel(BaseModel):
    start: str
    end: str | None
    precision: str | None = Field(description="day, month or year (null when no report states it).")


class EventFlagsModel(BaseModel):
    negated: bool
    hypothetical: bool
    attempted: bool
    historical: bool
    reported: bool = Field(description="A report of it sits inside someone's claim.")


class EventMentionModel(BaseModel):
    """One report of the event: the evidence sentence, the trigger, the document."""

    id: str
    doc: str
    doc_title: str | None
    publisher: str | None
    sentence: TextSpanModel
    trigger: TextSpanModel
    actors: list[TextSpanModel]
    targets: list[TextSpanModel]
    flags: EventFlagsModel
    confidence: float
    rule: str


class ReportDocumentModel(BaseModel):
    doc: str
    title: str | None
    publisher: str | None


class FoldedDocumentModel(ReportDocumentModel):
    into: str = Field(description="The document it was folded into.")
    kind: str = Field(description="duplicate, copy, spin, translation, credits, same_publisher or "
                                  "same_wording.")
    reason: str


class IndependentReportModel(BaseModel):
    outlet: str | None = Field(description="The outlet behind the report; null when unknown.")
    label: str
    lead: str = Field(description="The document that stands for the report.")
    documents: list[ReportDocumentModel]
    folded: list[FoldedDocumentModel]


class IndependenceModel(BaseModel):
    """How many independent reports stand behind an event, and why (newsgraph.independence)."""

    count: int
    explanation: str
    reports: list[IndependentReportModel]


class RelatedFirstModel(BaseModel):
    """The first evidence sentence of a related event, with its document."""

    doc: str
    doc_title: str | None
    sentence: TextSpanModel
    trigger: TextSpanModel
    flags: EventFlagsModel


class RelatedEventModel(BaseModel):
    """Another event kept apart from this one although their reports were alike: not the
    same occurrence (or not known to be), never counted among this event's sources."""

    event: str = Field(description="The related event's id.")
    reason: str = Field(description="Why the two were kept apart (e.g. modality differs, other target).")
    score: float = Field(description="How alike their reports were (the resolver's pair score).")
    type: str | None = None
    mode: str | None = None
    date: EventDateModel | None = None
    place: str | None = None
    source_count: int | None = None
    first: RelatedFirstModel | None = None


class EventModel(BaseModel):
    id: str
    type: str = Field(description="A PLOVER type, or DISASTER (ours: forces, accidents, diseases).")
    mode: str | None
    actors: list[ArgumentModel]
    targets: list[ArgumentModel]
    location: LocationModel | None
    date: EventDateModel | None
    flags: EventFlagsModel
    source_count: int
    publisher_count: int = Field(description=(
        "Independent reports among the sources: a copy, a republication and one publisher's "
        "articles count once."))
    sources: list[str] = Field(description="Document ids.")
    confidence: float
    mentions: list[EventMentionModel]
    independent: IndependenceModel | None = Field(
        default=None, description="The independent reports (one event only, not in lists).")
    related: list[RelatedEventModel] = Field(default_factory=list, description=(
        "Events kept apart from this one although alike (details in the single-event response)."))


class EventListResponse(BaseModel):
    ok: Literal[True] = True
    total: int
    limit: int
    offset: int
    events: list[EventModel]


class EventResponse(BaseModel):
    ok: Literal[True] = True
    event: EventModel


# -- stories and links ----------------------------------------------------------------------

class StorySummaryModel(BaseModel):
    """Articles reporting one news event (see newsgraph.model.Story)."""

    id: str
    label: str | None = Field(description="Headline of the story's most central article.")
    start: str | None = Field(description="Earliest publication date (ISO 8601, possibly partial).")
    end: str | None
    size: int = Field(description="Articles in the story.")
    publishers: list[str]


class StoryListResponse(BaseModel):
    ok: Literal[True] = True
    total: int
    limit: int
    offset: int
    stories: list[StorySummaryModel]


class StoryLinkModel(BaseModel):
    a: str
    b: str
    kind: str = Field(description="duplicate, copy, spin, translation or same_story.")
    score: float


class StoryDocumentModel(BaseModel):
    id: str
    title: str | None
    publisher: str | None
    published: str | None
    path: str | None
    attributed_to: list[str]
    first: bool = Field(description="The story's earliest article.")
    link: StoryLinkModel | None = Field(description=(
        "The article's link to the earliest article, else its strongest link to an earlier one."))


class StoryEventModel(BaseModel):
    id: str
    type: str
    mode: str | None
    date: str | None
    place: str | None
    source_count: int
    publisher_count: int
    in_story: int = Field(description="The story's articles reporting the event.")
    trigger: str
    sentence: str
    doc: str


class StoryModel(StorySummaryModel):
    documents: list[StoryDocumentModel] = Field(description="The timeline, earliest first.")
    events: list[StoryEventModel]


class StoryResponse(BaseModel):
    ok: Literal[True] = True
    story: StoryModel


class LinkDocModel(BaseModel):
    id: str
    title: str | None
    publisher: str | None
    published: str | None


class LinkModel(BaseModel):
    """A link between two documents; ``a`` is the one seen first (the candidate original)."""

    a: str
    b: str
    kind: str = Field(description="duplicate, copy, spin, translation or same_story.")
    score: float
    features: dict[str, float] = Field(description="The measured quantities the kind was decided on.")
    evidence_count: int = Field(description="Aligned passages (see the /links/{a}/{b}.json page).")
    a_doc: LinkDocModel
    b_doc: LinkDocModel


class LinkListResponse(BaseModel):
    ok: Literal[True] = True
    total: int
    limit: int
    offset: int
    links: list[LinkModel]
