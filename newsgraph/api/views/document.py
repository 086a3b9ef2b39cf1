"""The article page (``/documents/{id}``): metadata, clean text with mentions marked, removed blocks.

Mentions become labelled segments (``highlight.mark_paragraphs``) that the
template wraps in ``<mark data-label=…>``; the legend and the entity table are
counted from the same mentions. The original URL becomes a link only when it
is http(s): an article cannot smuggle a ``javascript:`` link into the page.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from newsgraph.api import urls
from newsgraph.api.highlight import Segment, mark_paragraphs
from newsgraph.model import ENTITY_TYPES
from newsgraph.store import Store

__all__ = ["LABEL_DESCRIPTIONS", "DocumentContext", "document_view"]

#: What each entity label means: the OntoNotes 5 label set as spaCy's glossary
#: (``spacy.explain``) words it, kept here so the page needs no model loaded.
LABEL_DESCRIPTIONS: dict[str, str] = {
    "PERSON": "People, including fictional",
    "ORG": "Companies, agencies, institutions, etc.",
    "GPE": "Countries, cities, states",
    "LOC": "Non-GPE locations, mountain ranges, bodies of water",
    "FAC": "Buildings, airports, highways, bridges, etc.",
    "NORP": "Nationalities or religious or political groups",
    "EVENT": "Named hurricanes, battles, wars, sports events, etc.",
    "PRODUCT": "Objects, vehicles, foods, etc. (not services)",
    "WORK_OF_ART": "Titles of books, songs, etc.",
    "LAW": "Named documents made into laws",
    "LANGUAGE": "Any named language",
}


@dataclass(slots=True)
class LegendItem:
    label: str
    count: int
    description: str


@dataclass(slots=True)
class EntityRow:
    """A distinct (name, label) in this article, how often it occurs, and a search for it."""

    name: str
    label: str
    count: int
    search_url: str


@dataclass(slots=True)
class RemovedView:
    kind: str
    line: int
    score: float | None
    text: str


@dataclass(slots=True)
class KindCount:
    kind: str
    count: int


@dataclass(slots=True)
class DocumentContext:
    """Everything the article view shows; ``paragraphs`` is ``text`` cut into marked segments."""

    id: str
    title: str | None
    path: str
    publisher: str | None
    published: str | None
    attributed_to: list[str]
    authors: list[str]
    url: str | None
    link: str | None  # ``url`` when it is safe to link (http/https), else None
    language: str | None
    language_score: float | None
    format: str
    encoding: str | None
    annotated: bool
    annotate_reason: str | None
    model: str | None
    ingested_at: str
    raw_size: int
    provenance: dict[str, str]
    warnings: list[str]
    chars: int
    sentences: int
    text: str
    paragraphs: list[list[Segment]]
    mentions: list[dict[str, Any]]
    entities: list[EntityRow]
    legend: list[LegendItem]
    removed: list[RemovedView]
    removed_kinds: list[KindCount]
    raw_url: str
    api_url: str


def _order(label: str) -> int:
    return ENTITY_TYPES.index(label) if label in ENTITY_TYPES else len(ENTITY_TYPES)


def document_view(store: Store, doc_id: str) -> DocumentContext | None:
    d = store.document(doc_id)
    if d is None:
        return None
    mentions = d["mentions"]
    labels = Counter(m["label"] for m in mentions)
    names = Counter((m["text"], m["label"]) for m in mentions)
    url = d.get("url")
    return DocumentContext(
        id=d["id"], title=d["title"], path=d["path"], publisher=d["publisher"],
        published=d["published"], attributed_to=d["attributed_to"], authors=d["authors"], url=url,
        link=url if isinstance(url, str) and url.lower().startswith(("http://", "https://")) else None,
        language=d["language"], language_score=d["language_score"], format=d["format"],
        encoding=d["encoding"], annotated=d["annotated"], annotate_reason=d["annotate_reason"],
        model=d["model"], ingested_at=d["ingested_at"], raw_size=d["raw_size"],
        provenance=d["provenance"], warnings=d["warnings"], chars=len(d["text"]),
        sentences=len(d["sentences"]), text=d["text"],
        paragraphs=mark_paragraphs(d["text"], mentions), mentions=mentions,
        entities=[EntityRow(name, label, n, urls.search(f'"{name}"'))
                  for (name, label), n in sorted(names.items(),
                                                 key=lambda kv: (_order(kv[0][1]), -kv[1], kv[0][0]))],
        legend=[LegendItem(label, n, LABEL_DESCRIPTIONS.get(label, label))
                for label, n in sorted(labels.items(), key=lambda kv: (_order(kv[0]), kv[0]))],
        removed=[RemovedView(b["kind"], b["line"], b["score"], b["text"]) for b in d["removed"]],
        removed_kinds=[KindCount(k, n) for k, n in Counter(b["kind"] for b in d["removed"]).most_common()],
        raw_url=urls.raw(d["id"]), api_url=urls.api_document(d["id"]),
    )
