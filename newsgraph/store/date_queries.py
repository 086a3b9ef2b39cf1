"""SQL of cross-document date inference (the rules are ``newsgraph.resolve.dates``).

Reads what the inference needs — undated documents sharing events, a document's event
mentions with the dated mentions of the same events in other documents, its time
expressions — and writes the outcome back: the document's ``published`` value and
provenance, and its re-normalised time expressions. Runs inside the caller's
transaction (the corpus resolver's batch), so it never commits itself.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from newsgraph.model.claims import TimeExpression
from newsgraph.model.events import EVENT_ANCHOR_SOURCE, REPORT_DATED_RULE
from newsgraph.store.sqlite import Store

__all__ = [
    "EVENT_ANCHOR_SOURCE",
    "REPORT_DATED_RULE",
    "anchor_rows",
    "document_dating",
    "document_sentences",
    "document_times",
    "event_mention_dates",
    "undated_documents_of_events",
    "write_document_date",
    "write_event_mention_dates",
    "write_times",
]



def undated_documents_of_events(store: Store, event_ids: Iterable[str]) -> list[str]:
    """Documents reporting one of these events with no date of their own: no published
    date, or one this inference set earlier (new reports may refine or contradict it)."""
    ids = sorted(set(event_ids))
    out: set[str] = set()
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        out.update(r[0] for r in store.conn.execute(
            f"""SELECT DISTINCT d.id FROM event_sources s JOIN documents d ON d.id = s.doc_id
                WHERE s.event_id IN ({",".join("?" * len(chunk))})
                  AND (d.published IS NULL
                       OR json_extract(d.provenance, '$.published') = ?)""",
            [*chunk, EVENT_ANCHOR_SOURCE]))
    return sorted(out)


def anchor_rows(store: Store, doc_id: str) -> list[dict[str, Any]]:
    """Each event mention of ``doc_id`` paired with every dated mention of the same event
    in another document: ``{mention, trigger_start, sent_start, sent_end, event,
    source_doc, source_mention, date}`` (``date`` is the source mention's EventDate JSON)."""
    rows = store.conn.execute(
        """SELECT m.id, m.start, m.sent_start, m.sent_end, s.event_id,
                  o.doc_id, o.id, json_extract(o.data, '$.date')
           FROM event_mentions m
           JOIN event_sources s ON s.mention_id = m.id
           JOIN event_sources so ON so.event_id = s.event_id AND so.doc_id != m.doc_id
           JOIN event_mentions o ON o.id = so.mention_id
           WHERE m.doc_id = ? AND o.date_start IS NOT NULL
             AND coalesce(json_extract(o.data, '$.date.rule'), '') NOT LIKE ?
           ORDER BY m.start, o.doc_id, o.start""", (doc_id, f"%{REPORT_DATED_RULE}")).fetchall()
    return [{"mention": r[0], "trigger_start": r[1], "sent_start": r[2], "sent_end": r[3],
             "event": r[4], "source_doc": r[5], "source_mention": r[6],
             "date": json.loads(r[7]) if r[7] else None} for r in rows]


def document_dating(store: Store, doc_id: str) -> tuple[str | None, dict[str, str], str] | None:
    """``(published, provenance, text)`` of a document, or None when absent."""
    row = store.conn.execute(
        "SELECT published, provenance, text FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return (row[0], json.loads(row[1]), row[2]) if row else None


def document_sentences(store: Store, doc_id: str) -> list[tuple[int, int]]:
    return [(r[0], r[1]) for r in store.conn.execute(
        'SELECT start, "end" FROM sentences WHERE doc_id = ? ORDER BY seq', (doc_id,))]


def document_times(store: Store, doc_id: str) -> list[TimeExpression]:
    return [TimeExpression(**json.loads(r[0])) for r in store.conn.execute(
        'SELECT data FROM times WHERE doc_id = ? ORDER BY start, "end"', (doc_id,))]


def write_document_date(store: Store, doc_id: str, published: str | None, inferred: bool,
                        provenance: dict[str, str]) -> None:
    store.conn.execute(
        "UPDATE documents SET published = ?, published_inferred = ?, provenance = ? WHERE id = ?",
        (published, int(inferred), json.dumps(provenance), doc_id))


def write_times(store: Store, doc_id: str, times: Iterable[TimeExpression]) -> None:
    store.conn.executemany(
        'UPDATE times SET value = ?, precision = ?, data = ? WHERE doc_id = ? AND start = ? AND "end" = ?',
        [(t.value, t.precision, json.dumps(asdict(t), ensure_ascii=False), doc_id, t.start, t.end)
         for t in times])


def event_mention_dates(store: Store, doc_id: str) -> list[dict[str, Any]]:
    """The stored data of ``doc_id``'s event mentions that wait for the document's date
    (``date_pending``) or were dated once it was inferred (rule ``REPORT_DATED_RULE``)."""
    rows = store.conn.execute(
        """SELECT data FROM event_mentions WHERE doc_id = ?
             AND (json_extract(data, '$.date_pending') IS NOT NULL
                  OR coalesce(json_extract(data, '$.date.rule'), '') LIKE ?)
           ORDER BY start""", (doc_id, f"%{REPORT_DATED_RULE}")).fetchall()
    return [json.loads(r[0]) for r in rows]


def write_event_mention_dates(store: Store, mentions: Iterable[dict[str, Any]]) -> None:
    """Write back event-mention data whose ``date`` changed (the columns follow it)."""
    store.conn.executemany(
        "UPDATE event_mentions SET date_start = ?, date_end = ?, data = ? WHERE id = ?",
        [((m.get("date") or {}).get("start"), (m.get("date") or {}).get("end"),
          json.dumps(m, ensure_ascii=False), m["id"]) for m in mentions])
