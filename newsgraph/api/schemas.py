"""Response models of the documented JSON API (``/api/…``), so ``/openapi.json`` is complete.

A model that shows a ``newsgraph.model`` record is derived from it (``derive.schema``): its
fields are the record's, so a field added to the record is added here too; what is written
here is only what the API says otherwise (descriptions, fields left out, fields the store
computes, nested records shown as their schema). Every response carries the success
envelope's ``ok: true``, every error the one ``ErrorResponse`` shape.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from newsgraph.api.derive import schema
from newsgraph.api.views.document import ClaimEventRef, ClaimRow
from newsgraph.model import (
    DOCUMENT_SUMMARY,
    EDIT_OPS,
    ENTITY_REF,
    EVENT_DATE_SHOWN,
    EVENT_SUMMARY,
    AnnotatedDocument,
    Document,
    Edit,
    Entity,
    EntityMention,
    Event,
    EventDate,
    EventFlags,
    EventMention,
    Link,
    Mention,
    MergeEvidence,
    RemovedBlock,
    Sentence,
    Span,
    Story,
)

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
    "TitleEntityModel",
    "TitleMentionModel",
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


SearchHitModel = schema(
    "SearchHitModel", Document, DOCUMENT_SUMMARY,
    describe={"published": "ISO 8601 date, possibly partial."},
    fields={"snippet": (str, Field(description="Plain-text excerpt around the matches.")),
            "parts": (list[SnippetPartModel], Field(description="The snippet cut at the matched terms.")),
            "url": (str, Field(description="The article page."))})


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


MentionModel = schema(
    "MentionModel", Mention, doc="A named-entity mention: ``text == document.text[start:end]``.",
    describe={"label": "PERSON, ORG, GPE, LOC, FAC, NORP, …",
              "sentence": "Index into the document's sentences (-1 if none)."})

RemovedBlockModel = schema(
    "RemovedBlockModel", RemovedBlock, doc="Boilerplate the cleaner removed, and the cue that removed it.",
    describe={"line": "0-based line in the decoded input, -1 when not line-based."})

SentenceModel = schema("SentenceModel", Sentence)

# The document's own fields; the stored document adds its linguistic layer (below).
_StoredDocument = schema(
    "DocumentModel", Document, nested={RemovedBlock: RemovedBlockModel},
    describe={"id": "First 16 hex digits of the SHA-256 of the raw bytes.",
              "attributed_to": "Outlets the article credits as its source.",
              "provenance": "Where each metadata value came from.",
              "text": "The clean body every offset points into."})

class TitleEntityModel(BaseModel):
    """A name in the document's title and the entity it is linked to: offsets into the
    ``title``, not the text."""

    start: int
    end: int
    text: str
    id: str = Field(description="The entity.")
    name: str
    type: str


DocumentModel = schema(
    "DocumentModel", AnnotatedDocument, ("annotated", "model", "sentences", "mentions"), base=_StoredDocument,
    nested={Sentence: SentenceModel, Mention: MentionModel},
    fields={"annotate_reason": (str | None, ...), "raw_size": (int, ...), "ingested_at": (str, ...),
            "title_entities": (list[TitleEntityModel], Field(
                default_factory=list, description=(
                    "The entities the title names, with offsets into the title (mentions point "
                    "into the text only).")))},
    doc="A stored article: metadata, clean text, what cleaning removed, sentences and mentions.")


class DocumentResponse(BaseModel):
    ok: Literal[True] = True
    document: DocumentModel


class MentionsResponse(BaseModel):
    ok: Literal[True] = True
    doc: str
    mentions: list[MentionModel]


DocumentSummary = schema(
    "DocumentSummary", Document, (*DOCUMENT_SUMMARY, "attributed_to"), defaults=("attributed_to",),
    describe={"attributed_to": "Outlets the article credits as its source."},
    fields={"annotated": (bool, ...), "chars": (int, ...)})


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

TextSpanModel = schema(
    "TextSpanModel", Span, doc="A stretch of a document's clean text: ``text == document.text[start:end]``.")

EntitySummaryModel = schema(
    "EntitySummaryModel", Entity, ("id", "name", "type", "type_confidence", "aliases"),
    describe={"id": "E + 16 hex digits (hash of the founding mention).", "name": "Canonical name.",
              "type": "PERSON, ORG, GPE, LOC, FAC, NORP, … (majority of the mentions' labels).",
              "type_confidence": "Share of typed mentions that voted for the type.",
              "aliases": "Every surface form and its mention count (manual: 0)."},
    fields={"mention_count": (int, ...), "doc_count": (int, ...)},
    doc="A resolved entity as the list shows it.")


SpeakerEntityModel = schema("SpeakerEntityModel", Entity, ENTITY_REF)


ClaimEventModel = schema(
    "ClaimEventModel", ClaimEventRef, omit=("url",),
    describe={"mention": "The event mention inside the claim's content.",
              "event": "The resolved event (null while unresolved)."})

# A claim is answered as the claims page lists it (``ClaimRow``, itself projected from
# ``model.Claim``): a field added to the record reaches the row and this schema.
ClaimModel = schema(
    "ClaimModel", ClaimRow, omit=("rule", "url"), nested={ClaimEventRef: ClaimEventModel},
    describe={"text": "The claimed content.", "speaker_text": "The best name of the speaker as written.",
              "speaker": "The speaker span as written (a pronoun, a role…)."},
    fields={"doc_title": (str | None, ...),
            "speaker_entity": (SpeakerEntityModel | None, Field(description=(
                "The entity the speaker stands for (its resolved reference, else its span), or null.")))},
    doc="An attributed claim: who said what (content offsets into the document's clean text).")


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


EntityMentionModel = schema(
    "EntityMentionModel", EntityMention, omit=("entity", "field"), defaults=("kind", "rule"),
    # The API shows the mention's sentence itself where the record keeps its index.
    fields={"sentence": (TextSpanModel | None, ...)},
    describe={"method": "found, exact, variant, partial, title, acronym, typo, edit, …",
              "kind": "name, description (\"the company\") or pronoun (\"he\")",
              "rule": "The rule that linked a description or pronoun: apposition, described, "
                      "same-description, relative, only-candidate, subject, speaker; empty for names."},
    doc="One mention of the entity, how it was linked, and its sentence.")

MergeEvidenceModel = schema(
    "MergeEvidenceModel", MergeEvidence, omit=("entity",),
    describe={"chain": "Key (doc:start-end) of the chain's first mention."},
    fields={"kind": (str | None, None)},
    doc="Why a document's chain joined the entity: scores and the evidence both sides share.")


CooccurringModel = schema(
    "CooccurringModel", Entity, ENTITY_REF,
    fields={"sentences": (int, Field(description="Sentences mentioning both entities.")),
            "documents": (int, Field(description="Documents mentioning both entities."))})


EntityEventModel = schema(
    "EntityEventModel", Event, EVENT_SUMMARY,
    fields={"roles": (list[str], Field(description="actor and/or target.")), "date": (str | None, ...),
            "sources": (int, ...), "trigger": (str, ...), "sentence": (str, ...), "doc": (str, ...)})


class TitleMentionModel(BaseModel):
    """A name of the entity in a document's title: offsets into that document's ``title``,
    never its text."""

    doc: str
    start: int
    end: int
    text: str


EntityDetailModel = schema(
    "EntityDetailModel", Entity, base=EntitySummaryModel,
    nested={EntityMention: EntityMentionModel, MergeEvidence: MergeEvidenceModel},
    describe={"mentions": "One page of mentions (see limit/offset)."},
    fields={"cooccurring": (list[CooccurringModel], ...), "events": (list[EntityEventModel], ...),
            "title_mentions": (list[TitleMentionModel], Field(
                default_factory=list, description=(
                    "Its names in document titles (every one): offsets into the document's title, "
                    "not its text; not among mentions.")))})


class EntityResponse(BaseModel):
    ok: Literal[True] = True
    mentions_total: int
    limit: int
    offset: int
    entity: EntityDetailModel


EditModel = schema(
    "EditModel", Edit, defaults=("type",),
    describe={"anchors": "Mention keys (doc:start-end) naming the entities.",
              "entities": "The entity ids the analyst saw.",
              "type": "A merge: the type the merged entity keeps."},
    fields={"id": (str, Field(description=(
        "X + 16 hex digits: hash of the statement (re-adding it is a no-op).")))},
    doc="An analyst statement, re-applied on every resolution run (see newsgraph.model.Edit).")


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
    """An edit: ``merge`` (2+ entities; the first keeps its id, name and type), ``distinct`` (2),
    ``split`` (1 + mention keys), ``rename``/``alias_add``/``alias_remove``/``retype``
    (1 + value: a name, an alias, a type)."""

    op: Literal[EDIT_OPS]  # type: ignore[valid-type]  # the model's tuple of operations
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


# A resolved event's interval: reports may give only its start, or no precision.
EventDateModel = schema(
    "EventDateModel", EventDate, EVENT_DATE_SHOWN,
    fields={"end": (str | None, ...), "precision": (str | None, Field(
        description="day, month or year (null when no report states it)."))})


EventFlagsModel = schema(
    "EventFlagsModel", EventFlags, ("negated", "hypothetical", "attempted", "historical"),
    fields={"reported": (bool, Field(description="A report of it sits inside someone's claim."))})

EventMentionModel = schema(
    "EventMentionModel", EventMention,
    ("id", "doc", "sentence", "trigger", "actors", "targets", "flags", "confidence", "rule"),
    # Actors and targets are shown as their spans (their syntactic role stays internal).
    fields={"actors": (list[TextSpanModel], ...), "targets": (list[TextSpanModel], ...),
            "doc_title": (str | None, ...), "publisher": (str | None, ...),
            "joined": (str, Field(default="", description=(
                "Why the report is counted in this event: its first report, a report joined in its "
                "own article, or the anchor that tied it to a report in another article (a shared "
                "participant, the same wording, alike sentences, the same day or spot, alike "
                "articles); '' in a store written before this was kept.")))},
    nested={Span: TextSpanModel, EventFlags: EventFlagsModel},
    doc="One report of the event: the evidence sentence, the trigger, the document.")


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


# The resolved event as its record has it; the API shows its place as a location, its dates as
# one interval and its publishers as the count of independent reports; why each report is in
# the event (``joined``) is given on the report itself.
EventModel = schema(
    "EventModel", Event, omit=("place", "date_start", "date_end", "publishers", "joined"),
    describe={"type": "A PLOVER type, or DISASTER (ours: forces, accidents, diseases).",
              "sources": "Document ids."},
    fields={"actors": (list[ArgumentModel], ...), "targets": (list[ArgumentModel], ...),
            "mentions": (list[EventMentionModel], ...),
            "related": (list[RelatedEventModel], Field(default_factory=list, description=(
                "Events kept apart from this one although alike (details in the single-event response)."))),
            "location": (LocationModel | None, ...), "date": (EventDateModel | None, ...),
            "flags": (EventFlagsModel, ...), "source_count": (int, ...),
            "publisher_count": (int, Field(description=(
                "Independent reports among the sources: a copy, a republication and one publisher's "
                "articles count once."))),
            "confidence": (float, ...),
            "independent": (IndependenceModel | None, Field(
                default=None, description="The independent reports (one event only, not in lists)."))})


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

StorySummaryModel = schema(
    "StorySummaryModel", Story, ("id", "label", "start", "end", "publishers"),
    describe={"start": "Earliest publication date (ISO 8601, possibly partial)."},
    fields={"label": (str | None, Field(description="Headline of the story's most central article.")),
            "size": (int, Field(description="Articles in the story."))},
    doc="Articles reporting one news event (see newsgraph.model.Story).")


class StoryListResponse(BaseModel):
    ok: Literal[True] = True
    total: int
    limit: int
    offset: int
    stories: list[StorySummaryModel]


StoryLinkModel = schema(
    "StoryLinkModel", Link, ("a", "b", "kind", "score"),
    describe={"kind": "duplicate, copy, spin, translation or same_story."})

StoryDocumentModel = schema(
    "StoryDocumentModel", Document, ("id", "title", "publisher", "published", "path", "attributed_to"),
    fields={"path": (str | None, ...),
            "first": (bool, Field(description="The story's earliest article.")),
            "link": (StoryLinkModel | None, Field(description=(
                "The article's link to the earliest article, else its strongest link to an earlier one.")))})


StoryEventModel = schema(
    "StoryEventModel", Event, EVENT_SUMMARY,
    fields={"date": (str | None, ...), "source_count": (int, ...), "publisher_count": (int, ...),
            "in_story": (int, Field(description="The story's articles reporting the event.")),
            "trigger": (str, ...), "sentence": (str, ...), "doc": (str, ...)})


StoryModel = schema(
    "StoryModel", Story, base=StorySummaryModel,
    fields={"documents": (list[StoryDocumentModel], Field(description="The timeline, earliest first.")),
            "events": (list[StoryEventModel], ...)})


class StoryResponse(BaseModel):
    ok: Literal[True] = True
    story: StoryModel


LinkDocModel = schema("LinkDocModel", Document, ("id", "title", "publisher", "published"))

LinkModel = schema(
    "LinkModel", Link, omit=("evidence",),
    describe={"kind": "duplicate, copy, spin, translation or same_story.",
              "features": "The measured quantities the kind was decided on."},
    fields={"evidence_count": (int, Field(description=(
        "Aligned passages (see the /links/{a}/{b}.json page)."))),
            "a_doc": (LinkDocModel, ...), "b_doc": (LinkDocModel, ...)},
    doc="A link between two documents; ``a`` is the one seen first (the candidate original).")


class LinkListResponse(BaseModel):
    ok: Literal[True] = True
    total: int
    limit: int
    offset: int
    links: list[LinkModel]
