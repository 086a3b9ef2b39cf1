"""Read queries of the timeline and network pages: articles by publication date, the
documents of a time window, and the entities each document names.

Every function takes an open ``Store`` and only reads (SQL parameterised). A window is
``since``/``until``, ISO dates possibly partial: ``until`` "2021" covers "2021-10-17".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsgraph.store.sqlite import Store

__all__ = ["DatedDocument", "dated_documents", "dated_documents_among", "document_ids_published",
           "entities_per_document"]


@dataclass(frozen=True, slots=True)
class DatedDocument:
    """A document as a timeline draws it: id, title and publication date."""

    id: str
    title: str | None
    published: str


def _window(since: str | None, until: str | None) -> tuple[list[str], list[Any]]:
    conds: list[str] = []
    args: list[Any] = []
    if since:
        conds.append("d.published >= ?")
        args.append(since)
    if until:
        conds.append("d.published <= ?")
        args.append(until + "\uffff")
    return conds, args


def dated_documents(store: Store, *, entity: str | None = None, since: str | None = None,
                    until: str | None = None, limit: int) -> list[DatedDocument]:
    """The latest ``limit`` dated documents in the window (naming ``entity``, when given),
    latest first."""
    conds, args = ["d.published IS NOT NULL"], []
    if entity:
        conds.append("d.id IN (SELECT doc_id FROM entity_mentions WHERE entity_id = ?)")
        args.append(entity)
    more, more_args = _window(since, until)
    rows = store.conn.execute(
        f"""SELECT d.id, d.title, d.published FROM documents d WHERE {' AND '.join(conds + more)}
            ORDER BY d.published DESC LIMIT ?""", [*args, *more_args, limit]).fetchall()
    return [DatedDocument(r[0], r[1], r[2]) for r in rows]


def dated_documents_among(store: Store, doc_ids: list[str]) -> list[DatedDocument]:
    """Those of ``doc_ids`` that have a publication date."""
    out: list[DatedDocument] = []
    for i in range(0, len(doc_ids), 500):
        chunk = doc_ids[i:i + 500]
        out += [DatedDocument(r[0], r[1], r[2]) for r in store.conn.execute(
            f"SELECT id, title, published FROM documents WHERE published IS NOT NULL AND id IN "
            f"({', '.join('?' * len(chunk))})", chunk)]
    return out


def document_ids_published(store: Store, since: str | None, until: str | None) -> list[str]:
    """Ids of the documents published in the window (every document without one), the
    latest ingested first."""
    conds, args = _window(since, until)
    return [r[0] for r in store.conn.execute(
        f"SELECT d.id FROM documents d WHERE {' AND '.join(['1', *conds])} "
        "ORDER BY d.ingested_at DESC, d.path DESC", args)]


def entities_per_document(store: Store, doc_ids: list[str]) -> dict[str, set[str]]:
    """Document id → the entities it names, for those of ``doc_ids`` that name any."""
    out: dict[str, set[str]] = {}
    for i in range(0, len(doc_ids), 500):
        chunk = doc_ids[i:i + 500]
        marks = ",".join("?" * len(chunk))
        for doc, ent in store.conn.execute(
                f"SELECT DISTINCT doc_id, entity_id FROM entity_mentions WHERE doc_id IN ({marks})", chunk):
            out.setdefault(doc, set()).add(ent)
    return out
