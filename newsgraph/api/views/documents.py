"""The document list page (``/documents``): every stored article, in ingest order, paged."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsgraph.api import urls
from newsgraph.api.config import LIST_PAGE_SIZE
from newsgraph.api.views.base import Pager, pager
from newsgraph.store import Store

__all__ = ["DocumentRow", "DocumentsContext", "document_row", "documents_view"]


@dataclass(slots=True)
class DocumentRow:
    id: str
    title: str | None
    publisher: str | None
    published: str | None
    path: str
    language: str | None
    annotated: bool
    chars: int
    url: str


@dataclass(slots=True)
class DocumentsContext:
    """One page of the stored documents, oldest ingest first."""

    documents: list[DocumentRow]
    pager: Pager


def document_row(row: dict[str, Any]) -> DocumentRow:
    return DocumentRow(row["id"], row["title"], row["publisher"], row["published"], row["path"],
                       row["language"], bool(row["annotated"]), int(row["chars"] or 0),
                       urls.document(row["id"]))


def documents_view(store: Store, page: int = 1, per_page: int = LIST_PAGE_SIZE) -> DocumentsContext:
    total, rows = store.list_documents(limit=per_page, offset=(page - 1) * per_page)
    return DocumentsContext([document_row(r) for r in rows],
                            pager(total, page, per_page, urls.documents))
