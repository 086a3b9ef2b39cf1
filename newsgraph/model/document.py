"""Records of the spine: documents as read, cleaned and annotated.

read → ``RawDocument`` → clean → ``Document`` → annotate → ``AnnotatedDocument``
→ store.  Later stages keep their records beside this file in ``newsgraph.model``.

Every span is ``(start, end)`` character offsets into ``Document.text`` (the
clean body), so each fact can be shown in its sentence.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from newsgraph.model.claims import QuotationSource

__all__ = [
    "DOCUMENT_SUMMARY", "ENTITY_TYPES", "AnnotatedDocument", "Document", "Failure", "IngestReport", "Mention",
    "RawDocument", "RemovedBlock", "Sentence", "content_id",
]

#: Named-entity labels we keep from spaCy's OntoNotes scheme; numeric and
#: temporal labels (DATE, CARDINAL…) belong to the time annotator, not to entities.
ENTITY_TYPES: tuple[str, ...] = (
    "PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW",
    "LANGUAGE",
)

#: The fields of a ``Document`` that stand for it in a list (the document list, search hits):
#: the one declaration the store's summaries, the API's schemas and the pages' rows read.
DOCUMENT_SUMMARY: tuple[str, ...] = ("id", "title", "publisher", "published", "path", "language")


def content_id(data: bytes) -> str:
    """Identity of a document: SHA-256 of its raw bytes (first 16 hex digits).

    64 bits keep collisions out of reach for any corpus one store holds while
    keeping ids short enough to type in ``newsgraph show``.
    """
    return hashlib.sha256(data).hexdigest()[:16]


@dataclass(slots=True)
class RawDocument:
    """What a reader produces: the bytes of one article and what its container declared.

    ``path`` is where it came from as ingested (``dir/a.jsonl#3`` for the third
    record of a JSON Lines file, ``crawl.warc.gz#<target-uri>`` for a WARC record).
    ``declared`` holds metadata the container states (title, url, date, publisher,
    encoding, content type); the cleaner trusts it over what it infers.
    ``format`` is the reader's judgement of the payload: ``text`` or ``html``.
    """

    data: bytes
    path: str
    format: str = "text"
    declared: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return content_id(self.data)


@dataclass(slots=True)
class RemovedBlock:
    """A span of the decoded input the cleaner removed, with why.

    ``kind`` names the cue that removed it (``advertisement``, ``comment-form``,
    ``foreign-language``, ``share-bar``, ``navigation``, ``low-content``,
    ``repeated``, ``attribution``, ``html-chrome``…); ``line`` is its 0-based
    line number in the decoded input (-1 when not line-based, e.g. HTML).
    """

    text: str
    kind: str
    line: int = -1
    score: float | None = None


@dataclass(slots=True)
class Document:
    """A cleaned article: the body text every offset points into, and its metadata."""

    id: str
    path: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO 8601, possibly partial ("2017-02")
    publisher: str | None = None
    authors: list[str] = field(default_factory=list)
    url: str | None = None
    attributed_to: list[str] = field(default_factory=list)
    language: str | None = None
    language_score: float | None = None
    removed: list[RemovedBlock] = field(default_factory=list)
    format: str = "text"
    encoding: str | None = None
    #: Where each metadata value came from (``"published": "dateline"``…): explainability.
    provenance: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Sentence:
    start: int
    end: int


@dataclass(slots=True)
class Mention:
    """A named-entity mention: ``text == doc.text[start:end]`` always holds.

    ``rule`` says how a mention not tagged by a model was found (``nlp.partial``:
    ``known-name``, ``capitalised-sequence``, ``capitalised-word``, ``acronym``); empty
    for a model's entity.
    """

    start: int
    end: int
    text: str
    label: str
    sentence: int = -1  # index into AnnotatedDocument.sentences
    rule: str = ""


@dataclass(slots=True)
class AnnotatedDocument:
    """A document with its linguistic layer.

    ``annotated`` is False (with ``reason``) when the text was not fed to the
    English model — another language, or no text at all — so the document stays
    stored and searchable without pretending to have entities.
    """

    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    annotated: bool = True
    reason: str | None = None
    model: str | None = None
    #: The spaCy ``Doc`` behind these spans, for extractors that need the parse.
    #: Transient: never stored, absent (None) when the document was not annotated.
    doc: Any = field(default=None, repr=False, compare=False)
    #: Pronouns and definite descriptions that may stand for a named entity
    #: (``nlp.referring``), typed by their head noun; entity resolution links those it
    #: can and drops the rest. Transient like ``doc``: what is linked is stored with the
    #: entity's mentions, with its kind and rule.
    references: list[Mention] = field(default_factory=list, repr=False, compare=False)
    #: The document's within-document entity chains, built where the parse was (a
    #: worker process, ``newsgraph.per_document``) so that the parse need not travel;
    #: None: entity resolution builds them from ``doc``. Transient like ``doc``.
    chains: list[Any] | None = field(default=None, repr=False, compare=False)
    #: The direct quotations the claims stage gave a speaker (``model.claims.QuotationSource``),
    #: recorded by ``extract.claims.extract_claims`` for within-document chaining ("I" inside
    #: a quotation is its speaker); None: claims not extracted (chaining then reads the
    #: parse alone). Transient like ``doc``.
    quotations: list[QuotationSource] | None = field(default=None, repr=False, compare=False)
    #: Capital names the place stage read as their country's government ("Washington
    #: warned": ``nlp.places``), as ``(start, end, country name)``: entity resolution
    #: chains each under its country's name, so an actor or speaker that is a government
    #: is the country's entity. Transient like ``doc``: the place records keep the reading.
    governments: list[tuple[int, int, str]] = field(default_factory=list, repr=False, compare=False)
    #: What corpus resolution reads of this document alone, worked out beside the parse
    #: (``newsgraph.resolve.prepare``); None: resolution looks it up itself. Transient.
    prepared: Any = field(default=None, repr=False, compare=False)
    #: The names the model finds in ``document.title`` (one short parse of the headline
    #: beside the text's), offsets into the *title*, not the text: within-document
    #: chaining links each to the text's entity of that name, or makes it one of its own
    #: (``resolve.entities.headline``). Transient like ``doc``: what is linked is stored
    #: as the entity's title mentions.
    title_mentions: list[Mention] = field(default_factory=list, repr=False, compare=False)
    #: The head nouns of the title's noun phrases in that parse, ``(start, end, lemma,
    #: plural)`` with offsets into the title: a headline's "Driver" or "Woman" may be the
    #: text's driver or woman (``resolve.entities.headline``). Transient like ``doc``.
    title_heads: list[tuple[int, int, str, bool]] = field(default_factory=list, repr=False, compare=False)


@dataclass(slots=True)
class Failure:
    """One input that could not be ingested, and why (shown in the summary).

    ``count`` > 1 for a row that stands for several records of one container that
    failed with the same code (``newsgraph.failure_log``).
    """

    path: str
    code: str
    reason: str
    count: int = 1


@dataclass(slots=True)
class IngestReport:
    ingested: list[str] = field(default_factory=list)
    present: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    #: Stopped early on request (Ctrl-C): what was done is saved; run again to go on.
    stopped: bool = False
