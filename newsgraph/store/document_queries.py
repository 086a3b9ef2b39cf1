"""Read queries of the documents list: filtered by publisher, date, language and flagged
signal, sorted, paged; and the facet counts beside it.

Every function takes an open ``Store`` and only reads (SQL parameterised). A document's
publisher is the one ``publisher_docs`` keeps (``unknown`` when the article names none,
as the publisher pages say); the outlets an article credits stay in ``attributed_to``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from newsgraph.store.sqlite import Store

__all__ = ["DOCUMENT_SORTS", "DocumentFilter", "document_facets", "document_languages", "document_text",
           "document_title", "documents"]

#: Orders the list offers: name → ORDER BY (ingest order breaks ties, so pages are stable).
DOCUMENT_SORTS: dict[str, str] = {
    "ingested": "d.ingested_at, d.path",
    "newest": "d.published IS NULL, d.published DESC, d.ingested_at, d.path",
    "oldest": "d.published IS NULL, d.published, d.ingested_at, d.path",
    "title": "d.title IS NULL, d.title COLLATE NOCASE, d.ingested_at, d.path",
    "publisher": "pd.publisher COLLATE NOCASE, d.ingested_at, d.path",
}


@dataclass(slots=True)
class DocumentFilter:
    """What the documents list is narrowed to; None means no filter."""

    publisher: str | None = None  # as publisher_docs names it ("unknown" for none)
    language: str | None = None
    since: str | None = None  # ISO date, possibly partial: published on or after
    until: str | None = None  # published on or before (a partial date covers its whole span)
    signal: str | None = None  # a signal flagged on the document

    def where(self) -> tuple[str, list[Any]]:
        conds, args = ["1"], []
        if self.publisher:
            conds.append("pd.publisher = ?")
            args.append(self.publisher)
        if self.language:
            conds.append("d.language = ?")
            args.append(self.language)
        if self.since:
            conds.append("d.published >= ?")
            args.append(self.since)
        if self.until:
            conds.append("d.published <= ?")
            args.append(self.until + "\uffff")  # "2021" covers "2021-10-17"
        if self.signal:
            conds.append("EXISTS (SELECT 1 FROM signals s WHERE s.subject = d.id AND s.name = ? "
                         "AND json_extract(s.data, '$.flagged'))")
            args.append(self.signal)
        return " AND ".join(conds), args


_FROM = "documents d LEFT JOIN publisher_docs pd ON pd.doc_id = d.id"


def documents(store: Store, filt: DocumentFilter, *, sort: str = "ingested", limit: int = 50,
              offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """(total, one page of document summaries) matching ``filt`` in the ``sort`` order."""
    where, args = filt.where()
    total = store.conn.execute(f"SELECT count(*) FROM {_FROM} WHERE {where}", args).fetchone()[0]
    rows = store.conn.execute(
        f"""SELECT d.id, d.title, d.publisher, pd.publisher AS listed_publisher, d.attributed_to,
                   d.published, d.path, d.language, d.annotated, length(d.text) AS chars
            FROM {_FROM} WHERE {where}
            ORDER BY {DOCUMENT_SORTS.get(sort, DOCUMENT_SORTS['ingested'])} LIMIT ? OFFSET ?""",
        [*args, limit, offset]).fetchall()
    out = []
    for r in rows:
        rec = dict(r)
        try:
            rec["attributed_to"] = list(json.loads(rec["attributed_to"] or "[]"))
        except ValueError:
            rec["attributed_to"] = []
        out.append(rec)
    return total, out


def document_facets(store: Store) -> dict[str, list[tuple[str, int]]]:
    """Documents per publisher, per language and per flagged signal, most first."""
    publishers = [(r[0], r[1]) for r in store.conn.execute(
        "SELECT publisher, n FROM publisher_tally WHERE facet = 'articles' AND n > 0 "
        "ORDER BY n DESC, publisher LIMIT 50")]
    languages = [(r[0], r[1]) for r in store.conn.execute(
        "SELECT language, count(*) FROM documents WHERE language IS NOT NULL "
        "GROUP BY language ORDER BY 2 DESC, 1 LIMIT 30")]
    signals = [(r[0], r[1]) for r in store.conn.execute(
        "SELECT name, count(*) FROM signals WHERE json_extract(data, '$.flagged') "
        "AND json_extract(data, '$.subject_kind') = 'document' GROUP BY name ORDER BY 2 DESC, 1")]
    return {"publisher": publishers, "language": languages, "signal": signals}


def document_languages(store: Store) -> dict[str, str | None]:
    """Document id → its language (None where unknown), for every stored document."""
    return {r[0]: r[1] for r in store.conn.execute("SELECT id, language FROM documents")}


def document_title(store: Store, doc_id: str) -> str | None:
    """A document's title (None when it has none or there is no such document)."""
    row = store.conn.execute("SELECT title FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return row[0] if row else None


def document_text(store: Store, doc_id: str) -> str | None:
    """A document's clean text (None when there is no such document)."""
    row = store.conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return row[0] if row else None
