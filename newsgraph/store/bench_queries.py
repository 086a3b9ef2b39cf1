"""Read queries the benchmarks make of a store they built: counts, the rows a figure is
computed from, and what a printed sample shows (evidence sentences, titles).

Every function takes an open ``Store`` and only reads (SQL parameterised). Nothing of the
product calls these; they are here so that no module outside ``store/`` runs SQL
(``bench/latency.py`` keeps its own: it builds a scratch store by copying rows).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from newsgraph.store.sqlite import Store

__all__ = [
    "StoredDocument", "TranslationRows", "document_count_resolved", "document_event_mentions",
    "document_paths", "edit_count", "entity_spans", "event_join_rows", "event_mention_records",
    "event_records", "failure_rows", "ingest_order", "linked_pairs", "mention_sentence", "mention_texts",
    "most_mentioned_entity", "text_and_title", "translation_rows",
]


# -- counts -------------------------------------------------------------------------------------
def document_count_resolved(store: Store) -> tuple[int, int]:
    """(documents stored, documents whose cross-document resolution finished)."""
    row = store.conn.execute("SELECT count(*), coalesce(sum(resolved), 0) FROM documents").fetchone()
    return row[0], row[1]


def edit_count(store: Store) -> int:
    """Analyst edits logged, withdrawn ones included."""
    return store.conn.execute("SELECT count(*) FROM entity_edits").fetchone()[0]


def most_mentioned_entity(store: Store) -> tuple[str, str] | None:
    """(id, name) of the entity with the most mentions (ties: smallest id), or None."""
    row = store.conn.execute(
        "SELECT id, name FROM entities ORDER BY mention_count DESC, id LIMIT 1").fetchone()
    return (row[0], row[1]) if row else None


def document_paths(store: Store) -> list[str]:
    """The input path of every stored document."""
    return [r[0] for r in store.conn.execute("SELECT path FROM documents")]


def failure_rows(store: Store) -> list[tuple[str, str, str]]:
    """Every logged failure as (path, code, reason)."""
    return [(r[0], r[1], r[2]) for r in store.conn.execute("SELECT path, code, reason FROM failures")]


# -- events -------------------------------------------------------------------------------------
def event_join_rows(store: Store) -> list[tuple[str, str, str, int, int, str]]:
    """One row per source of a resolved event: (event id, event type, document, trigger
    start, trigger end, the mention's own type)."""
    return [tuple(r) for r in store.conn.execute(  # type: ignore[misc]
        """SELECT es.event_id, e.type, m.doc_id, m.start, m."end", m.type FROM event_sources es
           JOIN events e ON e.id = es.event_id JOIN event_mentions m ON m.id = es.mention_id""")]


def event_records(store: Store) -> Iterator[dict[str, Any]]:
    """Every stored ``Event`` JSON record, read as it is consumed."""
    for (data,) in store.conn.execute("SELECT data FROM events"):
        yield json.loads(data)


def event_mention_records(store: Store, mention_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Stored ``EventMention`` JSON records by id, for those of ``mention_ids`` that exist."""
    ids = list(mention_ids)
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ",".join("?" * len(chunk))
        for mid, data in store.conn.execute(
                f"SELECT id, data FROM event_mentions WHERE id IN ({marks})", chunk):
            out[mid] = json.loads(data)
    return out


def mention_sentence(store: Store, doc_id: str, start: int, end: int) -> tuple[int, int] | None:
    """The evidence sentence's (start, end) of the event mention whose trigger is at
    ``[start, end)`` of ``doc_id``, or None."""
    row = store.conn.execute('SELECT sent_start, sent_end FROM event_mentions WHERE doc_id = ? AND start = ? '
                             'AND "end" = ?', (doc_id, start, end)).fetchone()
    return (row[0], row[1]) if row else None


def linked_pairs(store: Store, kinds: Iterable[str]) -> set[frozenset[str]]:
    """The document pairs linked by a link of one of ``kinds`` (``duplicate``, ``copy``, …)."""
    kinds = list(kinds)
    return {frozenset((r[0], r[1])) for r in store.conn.execute(
        f"SELECT a, b FROM links WHERE kind IN ({','.join('?' * len(kinds))})", kinds)}


def text_and_title(store: Store, doc_id: str) -> tuple[str, str | None] | None:
    """A document's clean text and title, or None."""
    row = store.conn.execute("SELECT text, title FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return (row[0], row[1]) if row else None


# -- the replay of event resolution (bench/replay.py) -------------------------------------------
@dataclass(frozen=True, slots=True)
class StoredDocument:
    """What the event resolver was given of a document at ingest."""

    id: str
    text: str
    published: str | None
    publisher: str | None
    provenance: dict[str, Any] = field(default_factory=dict)


def entity_spans(store: Store) -> dict[str, list[tuple[int, int, str, str, str, str]]]:
    """Document id → its entity mentions as (start, end, entity id, kind, the two
    characters after it, ""), in text order: the rows ``entity_queries.stands_for`` reads —
    without a participant described once (rule ``participant``), as the ingest's event
    lookup leaves it out (``store.resolution.MentionIndex``)."""
    spans: dict[str, list[tuple[int, int, str, str, str, str]]] = {}
    for doc, start, end, ent, kind, after in store.conn.execute(
            """SELECT m.doc_id, m.start, m."end", m.entity_id, m.kind, substr(d.text, m."end" + 1, 2)
               FROM entity_mentions m JOIN documents d ON d.id = m.doc_id WHERE m.rule != 'participant'
               ORDER BY m.doc_id, m.start"""):
        spans.setdefault(doc, []).append((start, end, ent, kind, after or "", ""))
    return spans


def ingest_order(store: Store) -> Iterator[StoredDocument]:
    """Every document in the order it was stored."""
    for doc_id, text, published, publisher, provenance in store.conn.execute(
            "SELECT id, text, published, publisher, provenance FROM documents ORDER BY rowid"):
        yield StoredDocument(doc_id, text, published, publisher, json.loads(provenance))


def mention_texts(store: Store, doc_id: str, labels: Iterable[str]) -> list[str]:
    """The texts of a document's named-entity mentions with one of ``labels``, in text order."""
    labels = list(labels)
    return [r[0] for r in store.conn.execute(
        f"SELECT text FROM mentions WHERE doc_id = ? AND label IN ({','.join('?' * len(labels))}) "
        "ORDER BY start",
        (doc_id, *labels))]


def document_event_mentions(store: Store, doc_id: str) -> list[dict[str, Any]]:
    """A document's stored ``EventMention`` JSON records, in text order."""
    return [json.loads(r[0]) for r in store.conn.execute(
        "SELECT data FROM event_mentions WHERE doc_id = ? ORDER BY start", (doc_id,))]


# -- the multilingual bench (bench/multilingual.py) ---------------------------------------------
@dataclass(slots=True)
class TranslationRows:
    """What the multilingual bench scores: every document (id, path, language), every
    translation link (a, b, its data) and every story membership (story id, document id)."""

    documents: list[tuple[str, str, str | None]] = field(default_factory=list)
    translations: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)
    story_documents: list[tuple[str, str]] = field(default_factory=list)


def translation_rows(store: Store) -> TranslationRows:
    """The rows ``TranslationRows`` names, in the store's order."""
    conn = store.conn
    return TranslationRows(
        [(r[0], r[1], r[2]) for r in conn.execute("SELECT id, path, language FROM documents")],
        [(r[0], r[1], json.loads(r[2]))
         for r in conn.execute("SELECT a, b, data FROM links WHERE kind = 'translation'")],
        [(r[0], r[1]) for r in conn.execute("SELECT story_id, doc_id FROM story_documents")])
