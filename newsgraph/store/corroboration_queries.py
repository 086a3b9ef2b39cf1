"""Read queries that feed ``newsgraph.independence``: an event's source documents as
``SourceRecord``s (title, publisher, credited outlets, the event's evidence sentences) and
the repeat links among them, in ingest order.

Every function only reads (SQL parameterised). The writer (store/resolution.py) stores the
answer as ``events.publisher_count`` and ``events.data.independent``; the pages and
exports read those, and fall back to these queries for an event written before them.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from newsgraph.independence import (
    Independence,
    Report,
    SourceRecord,
    independent_reports,
)
from newsgraph.model.stories import REPEAT_KINDS

__all__ = ["CorroborationMaps", "corroboration_maps", "doc_records", "events_independence",
           "independence_record", "repeat_links"]

_CHUNK = 400


def _conn(store: Any) -> sqlite3.Connection:
    return store.conn if hasattr(store, "conn") else store


def repeat_links(store: Any, doc_ids: Iterable[str]) -> list[tuple[str, str, str]]:
    """Duplicate/copy/spin/translation links with both ends among ``doc_ids``."""
    conn, ids = _conn(store), sorted(set(doc_ids))
    if len(ids) < 2:
        return []
    wanted = set(ids)
    kinds = ",".join("?" * len(REPEAT_KINDS))
    out: list[tuple[str, str, str]] = []
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i:i + _CHUNK]
        for a, b, kind in conn.execute(
                f"SELECT a, b, kind FROM links WHERE a IN ({','.join('?' * len(chunk))}) "
                f"AND kind IN ({kinds})", [*chunk, *REPEAT_KINDS]):
            if b in wanted:
                out.append((a, b, kind))
    return out


#: For one document: the events it shares with each document (its own included), those
#: documents' ``SourceRecord``s in ingest order, and the repeat links among them.
CorroborationMaps = tuple[dict[str, list[str]], dict[str, SourceRecord], list[tuple[str, str, str]]]


def corroboration_maps(store: Any, doc_ids: Iterable[str]) -> dict[str, CorroborationMaps]:
    """``CorroborationMaps`` of each of ``doc_ids``, read in a few queries for all of them.

    A document that shares an event with k others gets k source records; when k documents
    share one event (a wire story and its copies), asking document by document would read
    every evidence sentence k times (k² rows cut from the documents' texts per batch): here
    each event's evidence is read once and the maps are put together in memory."""
    conn, ids = _conn(store), sorted(set(doc_ids))
    events_of: dict[str, list[str]] = {d: [] for d in ids}
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i:i + _CHUNK]
        for doc, event in conn.execute(
                f"SELECT DISTINCT doc_id, event_id FROM event_sources WHERE doc_id IN "
                f"({','.join('?' * len(chunk))}) ORDER BY doc_id, event_id", chunk):
            events_of[doc].append(event)
    events = sorted({e for evs in events_of.values() for e in evs})
    reports: dict[str, list[tuple[str, str]]] = {e: [] for e in events}
    for i in range(0, len(events), _CHUNK):
        chunk = events[i:i + _CHUNK]
        for event, doc, sentence in conn.execute(
                f"""SELECT DISTINCT s.event_id, s.doc_id,
                           substr(d.text, m.sent_start + 1, m.sent_end - m.sent_start)
                    FROM event_sources s JOIN event_mentions m ON m.id = s.mention_id
                    JOIN documents d ON d.id = s.doc_id
                    WHERE s.event_id IN ({','.join('?' * len(chunk))})""", chunk):
            reports[event].append((doc, sentence or ""))
    sources = sorted({doc for rows in reports.values() for doc, _ in rows})
    about: dict[str, tuple[int, str | None, str | None, tuple[str, ...]]] = {}
    for i in range(0, len(sources), _CHUNK):
        chunk = sources[i:i + _CHUNK]
        for rowid, doc, title, publisher, attributed in conn.execute(
                f"SELECT rowid, id, title, publisher, attributed_to FROM documents "
                f"WHERE id IN ({','.join('?' * len(chunk))})", chunk):
            about[doc] = (rowid, title, publisher, tuple(json.loads(attributed or "[]")))
    links_of: dict[str, list[tuple[str, str, str]]] = {}
    for a, b, kind in repeat_links(conn, sources):
        links_of.setdefault(a, []).append((a, b, kind))
    out: dict[str, CorroborationMaps] = {}
    for doc in ids:
        keys_of: dict[str, list[str]] = {}
        evidence: dict[str, list[str]] = {}
        for event in events_of[doc]:
            for other, sentence in reports[event]:
                if event not in keys_of.setdefault(other, []):
                    keys_of[other].append(event)
                evidence.setdefault(other, []).append(sentence)
        known = sorted((d for d in evidence if d in about), key=lambda d: about[d][0])
        records = {d: SourceRecord(d, about[d][1], about[d][2], about[d][3], tuple(evidence[d]))
                   for d in known}
        among = [link for a in evidence for link in links_of.get(a, ()) if link[1] in evidence]
        out[doc] = (keys_of, records, among)
    return out


def doc_records(store: Any, evidence: dict[str, list[str]]) -> list[SourceRecord]:
    """``SourceRecord``s of the documents keyed in ``evidence`` (doc → its evidence
    sentences), in ingest order; documents no longer stored are left out."""
    conn, ids = _conn(store), list(evidence)
    rows: list[tuple[int, SourceRecord]] = []
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i:i + _CHUNK]
        for rowid, doc, title, publisher, attributed in conn.execute(
                f"SELECT rowid, id, title, publisher, attributed_to FROM documents "
                f"WHERE id IN ({','.join('?' * len(chunk))})", chunk):
            rows.append((rowid, SourceRecord(doc, title, publisher, tuple(json.loads(attributed or "[]")),
                                             tuple(evidence[doc]))))
    return [r for _, r in sorted(rows, key=lambda x: x[0])]


def events_independence(store: Any, event_ids: Iterable[str]) -> dict[str, Independence]:
    """The independent reports of each event, from its sources as stored now."""
    conn, ids = _conn(store), sorted(set(event_ids))
    evidence: dict[str, dict[str, list[str]]] = {e: {} for e in ids}
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i:i + _CHUNK]
        for event, doc, sentence in conn.execute(
                f"""SELECT s.event_id, s.doc_id, substr(d.text, m.sent_start + 1, m.sent_end - m.sent_start)
                    FROM event_sources s JOIN event_mentions m ON m.id = s.mention_id
                    JOIN documents d ON d.id = s.doc_id
                    WHERE s.event_id IN ({','.join('?' * len(chunk))})""", chunk):
            evidence[event].setdefault(doc, []).append(sentence or "")
    out: dict[str, Independence] = {}
    for event, by_doc in evidence.items():
        out[event] = independent_reports(doc_records(conn, by_doc), repeat_links(conn, by_doc))
    return out


def independence_record(store: Any, event_id: str, stored: list[dict[str, Any]] | None) -> dict[str, Any]:
    """What an event page or export shows of an event's independent reports:
    ``{count, explanation, reports: [{outlet, label, lead, documents: [{doc, title,
    publisher}], folded: [{doc, title, publisher, into, kind, reason}]}]}``.

    ``stored``: the reports the writer kept in ``events.data.independent``; None for an
    event written before them (counted now from the store)."""
    if stored is None:
        found = events_independence(store, [event_id])[event_id]
    else:
        reports = [Report.from_dict(r) for r in stored]
        docs = {d: [] for r in reports for d in r.documents}
        found = Independence(reports, {r.doc: r for r in doc_records(store, docs)})
    recs = found.records

    def doc(d: str) -> dict[str, Any]:
        r = recs.get(d)
        return {"doc": d, "title": r.title if r else None, "publisher": r.publisher if r else None}

    return {
        "count": found.count, "explanation": found.explain(),
        "reports": [{
            "outlet": r.outlet, "label": found.label(r), "lead": r.lead,
            "documents": [doc(d) for d in r.documents],
            "folded": [{**doc(f.doc), "into": f.into, "kind": f.kind, "reason": f.reason} for f in r.folded],
        } for r in found.reports],
    }
