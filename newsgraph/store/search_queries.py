"""What a search finds besides its article hits: the entities named like the query, the events
whose evidence sentences match it, and the facets of its hits (publisher, year, entity, event
type) that narrow it (``facts_queries.HitFilter``).

The facets and the events are read from the best ``FACET_HITS`` hits (the page says so when
a query has more): for a word in a tenth of 100k articles, grouping every hit's entity
mentions would cost seconds. Events are matched with the same tokenizer as the article index
(FTS5 ``porter``), in a throwaway in-memory index of the hits' evidence sentences, so
"embassy attack" finds the event whose sentence says "attacks against its embassies".
"""

from __future__ import annotations

import sqlite3
from typing import Any

from newsgraph.errors import StoreError
from newsgraph.store.entity_queries import EntityFilter, entities
from newsgraph.store.facts_queries import HitFilter, hit_filter_sql
from newsgraph.store.sqlite import Store, french_only_rowids, fts_query

__all__ = ["FACET_HITS", "hit_document_ids", "hit_facets", "hit_rowids", "matching_entities",
           "matching_events"]

#: Best hits the facets and matching events are read from.
FACET_HITS = 1_000
#: The article index's tokenizer (store migration 12): sentences are matched as articles are.
TOKENIZER = "porter unicode61 remove_diacritics 2"
#: Best hits whose evidence sentences are searched for matching events.
EVENT_HITS = 200


def _words(query: str) -> str:
    """The query as plain words (quotes, prefix stars and OR dropped) for name matching."""
    words = [w.strip('"').rstrip("*") for w in query.split() if w != "OR"]
    return " ".join(w for w in words if w)


def matching_entities(store: Store, query: str, *, limit: int = 8) -> list[dict[str, Any]]:
    """Entities whose name or an alias contains the query's words, most mentioned first."""
    words = _words(query)
    if len(words) < 2:
        return []
    return entities(store, EntityFilter(name=words), limit=limit)[1]


def hit_rowids(store: Store, query: str, *, place_id: int | None = None, country: str | None = None,
               more: HitFilter | None = None, limit: int = FACET_HITS) -> list[int]:
    """Full-text rowids of the best ``limit`` hits, best first."""
    q = fts_query(query)
    if not q:
        return []
    extra, args = hit_filter_sql(place_id, country, more)
    try:
        found = [r[0] for r in store.conn.execute(
            f"SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?{extra} ORDER BY rank LIMIT ?",
            [q, *args, limit])]
        if len(found) < limit:  # then the hits only the French-stemmed index finds
            found += french_only_rowids(store.conn, query, extra, args, limit - len(found))
        return found
    except sqlite3.OperationalError as exc:
        raise StoreError(f"bad search query {query!r}: {exc}", code="E400") from exc


def _in(rowids: list[int]) -> str:
    return ",".join(str(int(r)) for r in rowids)  # integers from the index: safe to inline


def hit_document_ids(store: Store, rowids: list[int]) -> list[str]:
    """The ids of the documents at the full-text ``rowids`` (``hit_rowids``)."""
    return [r[0] for r in store.conn.execute(f"SELECT id FROM documents WHERE rowid IN ({_in(rowids)})")]


def hit_facets(store: Store, rowids: list[int], *, limit: int = 12) -> dict[str, list[dict[str, Any]]]:
    """Documents per publisher, publication year, entity named, event type reported and
    signal flagged, among the hits ``rowids`` (most first; years in order)."""
    if not rowids:
        return {"publisher": [], "year": [], "entity": [], "event_type": [], "signal": []}
    ids = _in(rowids)
    one = store.conn.execute
    publishers = one(
        f"""SELECT pd.publisher, count(*) FROM documents d JOIN publisher_docs pd ON pd.doc_id = d.id
            WHERE d.rowid IN ({ids}) GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?""", (limit,)).fetchall()
    years = one(
        f"""SELECT substr(published, 1, 4), count(*) FROM documents
            WHERE rowid IN ({ids}) AND published IS NOT NULL GROUP BY 1 ORDER BY 1""").fetchall()
    ents = one(
        f"""SELECT e.id, e.name, e.type, count(DISTINCT m.doc_id) AS n FROM documents d
            JOIN entity_mentions m ON m.doc_id = d.id JOIN entities e ON e.id = m.entity_id
            WHERE d.rowid IN ({ids}) GROUP BY e.id ORDER BY n DESC, e.mention_count DESC LIMIT ?""",
        (limit,)).fetchall()
    types = one(
        f"""SELECT v.type, count(DISTINCT v.doc_id) FROM documents d JOIN event_mentions v ON v.doc_id = d.id
            WHERE d.rowid IN ({ids}) GROUP BY 1 ORDER BY 2 DESC, 1""").fetchall()
    signals = one(
        f"""SELECT s.name, count(DISTINCT d.id) FROM documents d JOIN signals s ON s.subject = d.id
            WHERE d.rowid IN ({ids}) AND json_extract(s.data, '$.flagged')
            GROUP BY 1 ORDER BY 2 DESC, 1""").fetchall()
    return {"publisher": [{"value": r[0], "documents": r[1]} for r in publishers],
            "year": [{"value": r[0], "documents": r[1]} for r in years],
            "entity": [{"value": r[0], "name": r[1], "type": r[2], "documents": r[3]} for r in ents],
            "event_type": [{"value": r[0], "documents": r[1]} for r in types],
            "signal": [{"value": r[0], "documents": r[1]} for r in signals]}


def matching_events(store: Store, query: str, rowids: list[int], *, limit: int = 8) -> list[dict[str, Any]]:
    """Resolved events reported in the hits ``rowids`` whose evidence sentence matches the
    query (stemmed as the article index is), best first — those whose trigger word is a query
    word before the other events of the same sentence — then most sentences and sources:
    ``{id, type, mode, source_count, date_start, place, sentence, trigger, matches}``."""
    q = fts_query(query)
    if not q or not rowids:
        return []
    rows = store.conn.execute(
        f"""SELECT s.event_id, v.type, v.mode, v.source_count, v.date_start, v.place,
                   substr(d.text, m.sent_start + 1, m.sent_end - m.sent_start),
                   substr(d.text, m.start + 1, m."end" - m.start)
            FROM documents d JOIN event_mentions m ON m.doc_id = d.id
            JOIN event_sources s ON s.mention_id = m.id JOIN events v ON v.id = s.event_id
            WHERE d.rowid IN ({_in(rowids[:EVENT_HITS])})""").fetchall()
    if not rows:
        return []
    mem = sqlite3.connect(":memory:")
    try:
        mem.execute(f"CREATE VIRTUAL TABLE s USING fts5(sentence, trigger, tokenize='{TOKENIZER}')")
        mem.executemany("INSERT INTO s (rowid, sentence, trigger) VALUES (?, ?, ?)",
                        [(i, r[6] or "", r[7] or "") for i, r in enumerate(rows)])
        # The event whose own word is a query word ("attacked" for "attack") before the other
        # events its sentence also reports.
        hit = [(r[0], r[1]) for r in mem.execute(
            "SELECT rowid, bm25(s, 1.0, 10.0) FROM s WHERE s MATCH ?", (q,))]
    except sqlite3.OperationalError:
        return []  # a query the article index took; no event then, never an error page
    finally:
        mem.close()
    found: dict[str, dict[str, Any]] = {}
    for i, rank in sorted(hit, key=lambda h: h[1]):
        eid, etype, mode, sources, date, place, sentence, trigger = rows[i]
        rec = found.setdefault(eid, {"id": eid, "type": etype, "mode": mode, "source_count": sources,
                                     "date_start": date, "place": place, "sentence": (sentence or "").strip(),
                                     "trigger": trigger, "matches": 0, "rank": rank})
        rec["matches"] += 1
    out = sorted(found.values(),
                 key=lambda e: (round(e["rank"], 6), -e["matches"], -e["source_count"], e["id"]))
    for e in out:
        del e["rank"]
    return out[:limit]
