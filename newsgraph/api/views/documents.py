"""The document list page (``/documents``): the stored articles, filtered by publisher, date,
language and flagged signal, sorted, paged, with the facet counts to narrow it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from newsgraph.api import urls
from newsgraph.api.config import LIST_PAGE_SIZE
from newsgraph.api.views.base import Pager, pager
from newsgraph.model import DOCUMENT_SUMMARY, Document
from newsgraph.model.projection import project
from newsgraph.store import Store
from newsgraph.store import document_queries as q
from newsgraph.store.summary_cache import cached

__all__ = ["DocumentRow", "DocumentsContext", "document_row", "documents_view"]


#: A listed document: its summary fields (``model.DOCUMENT_SUMMARY``), then what the list shows
#: besides. ``credited``: outlets the article credits as its source ("via The Korea Times" where
#: no publisher is named); ``publisher_url``: the list narrowed to its publisher.
DocumentRow = project("DocumentRow", Document, DOCUMENT_SUMMARY, extra=[
    ("annotated", bool), ("chars", int), ("url", str),
    ("credited", list[str], field(default_factory=list)), ("publisher_url", str | None, field(default=None))])


@dataclass(slots=True)
class Facet:
    value: str
    count: int
    url: str
    selected: bool


@dataclass(slots=True)
class SortChoice:
    value: str
    label: str
    url: str
    selected: bool


@dataclass(slots=True)
class DocumentsContext:
    """One page of the stored documents, as filtered and sorted."""

    documents: list[DocumentRow]
    pager: Pager
    publisher: str | None = None
    language: str | None = None
    since: str | None = None
    until: str | None = None
    signal: str | None = None
    sort: str = "ingested"
    publishers: list[Facet] = field(default_factory=list)
    languages: list[Facet] = field(default_factory=list)
    signals: list[Facet] = field(default_factory=list)
    sorts: list[SortChoice] = field(default_factory=list)
    clear_url: str = ""
    help: str = field(default=(
        "Publisher is the outlet that published the article (unknown when the page names none); "
        "“via” names the outlet an article credits as its source. Signal: articles where that "
        "signal is flagged."))


def document_row(row: dict[str, Any]) -> DocumentRow:
    credited = row.get("attributed_to") or []
    listed = row.get("listed_publisher")
    return DocumentRow(**{name: row[name] for name in DOCUMENT_SUMMARY}, annotated=bool(row["annotated"]),
                       chars=int(row["chars"] or 0), url=urls.document(row["id"]),
                       credited=list(credited) if isinstance(credited, list) else [],
                       publisher_url=urls.documents(publisher=listed) if listed else None)


SORT_LABELS = {"ingested": "ingest order", "newest": "newest", "oldest": "oldest", "title": "title",
               "publisher": "publisher"}


def documents_view(store: Store, page: int = 1, per_page: int = LIST_PAGE_SIZE, *,
                   filt: q.DocumentFilter | None = None, sort: str = "ingested") -> DocumentsContext:
    filt = filt or q.DocumentFilter()
    sort = sort if sort in q.DOCUMENT_SORTS else "ingested"
    total, rows = q.documents(store, filt, sort=sort, limit=per_page, offset=(page - 1) * per_page)

    def url(f: q.DocumentFilter, s: str = sort, p: int = 1) -> str:
        return urls.documents(p, f.publisher, f.language, f.since, f.until, f.signal, s)

    facets = cached(store, "document_facets", lambda: q.document_facets(store))

    def chips(name: str) -> list[Facet]:
        current = getattr(filt, name)
        return [Facet(v, n, url(replace(filt, **{name: None if v == current else v})), v == current)
                for v, n in facets[name]]

    return DocumentsContext(
        [document_row(r) for r in rows], pager(total, page, per_page, lambda p: url(filt, sort, p)),
        filt.publisher, filt.language, filt.since, filt.until, filt.signal, sort,
        chips("publisher"), chips("language"), chips("signal"),
        [SortChoice(k, v, url(filt, k), k == sort) for k, v in SORT_LABELS.items()],
        urls.documents())
