"""Read queries over the per-document facts (claims, times, places, event mentions).

Every function takes an open ``Store`` and only reads (all SQL parameterised);
``store/sqlite.py`` keeps the writes and the spine's queries. Claims, places and
times come back as their stored JSON records (the dataclasses of
``newsgraph.model.claims``), extended with the document's title where a list needs it.

Places are grouped by gazetteer entry (``geonameid``). An event mention is put on the
map through the place mention its place phrase *is* (same document and offsets), or
failing that a resolved place mention of the same document with the same text. (Resolved
events also carry coordinates in ``events.lat``/``lon``, set by ``store/resolution.py``
from the same place-phrase rule.)
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from newsgraph.errors import StoreError
from newsgraph.store.sqlite import (
    SearchHit,
    Store,
    french_only_rowids,
    fts_query,
    fts_query_fr,
    has_french_index,
)

__all__ = [
    "ClaimFilter",
    "HitFilter",
    "PlacePoint",
    "claim_counts",
    "claims",
    "document_date",
    "event_points",
    "events_at",
    "hit_filter_sql",
    "iter_claims",
    "place",
    "place_facets",
    "place_mentions",
    "place_points",
    "search_hits",
    "unresolved_place_mentions",
]


@dataclass(slots=True)
class ClaimFilter:
    """What the claims list is narrowed to; None/empty means no filter."""

    doc: str | None = None
    certainty: str | None = None
    speaker_kind: str | None = None
    speaker: str | None = None  # a substring of the speaker's text, case-insensitive

    def where(self, skip: str | None = None) -> tuple[str, list[Any]]:
        """SQL condition over ``claims c`` (``skip`` leaves one filter out, for its facet)."""
        conds, args = ["1"], []
        if self.doc:
            conds.append("c.doc_id = ?")
            args.append(self.doc)
        if self.certainty and skip != "certainty":
            conds.append("c.certainty = ?")
            args.append(self.certainty)
        if self.speaker_kind == "unknown" and skip != "speaker_kind":
            conds.append("c.speaker_kind IS NULL")  # claim_counts reports NULL as "unknown"
        elif self.speaker_kind and skip != "speaker_kind":
            conds.append("c.speaker_kind = ?")
            args.append(self.speaker_kind)
        if self.speaker:
            conds.append("c.speaker_text LIKE ? ESCAPE '\\'")
            escaped = self.speaker.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            args.append(f"%{escaped}%")
        return " AND ".join(conds), args


def claims(store: Store, filt: ClaimFilter, *, limit: int = 50,
           offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """(total, one page of claim records) in document ingest order, then text order.

    Each record is the stored ``Claim`` JSON plus ``doc_title``.
    """
    where, args = filt.where()
    total = store.conn.execute(f"SELECT count(*) FROM claims c WHERE {where}", args).fetchone()[0]
    # Documents in list order drive the loop, each one's claims read off their index: a page
    # stops after ``limit`` rows instead of sorting every matching claim (the planner would
    # otherwise start from the certainty index and sort them all).
    # One document's claims: straight from the claims index instead.
    source = ("claims c JOIN documents d ON d.id = c.doc_id" if filt.doc else
              "documents d CROSS JOIN claims c INDEXED BY claims_doc_order ON c.doc_id = d.id")
    rows = store.conn.execute(
        f"""SELECT c.data, d.title FROM {source}
            WHERE {where} ORDER BY d.ingested_at, d.path, c.start, c."end" LIMIT ? OFFSET ?""",
        [*args, limit, offset]).fetchall()
    out = []
    for data, title in rows:
        rec = json.loads(data)
        rec["doc_title"] = title
        out.append(rec)
    return total, out


def iter_claims(store: Store) -> Iterator[dict[str, Any]]:
    """Every stored ``Claim`` JSON record in document ingest order, then text order (for
    export), read as it is consumed."""
    for (data,) in store.conn.execute(
            'SELECT c.data FROM claims c JOIN documents d ON d.id = c.doc_id '
            'ORDER BY d.ingested_at, d.path, c.start, c."end"'):
        yield json.loads(data)


def claim_counts(store: Store, filt: ClaimFilter, column: str) -> dict[str, int]:
    """Claims per value of ``column`` (``certainty`` or ``speaker_kind``) under the other filters."""
    if column not in ("certainty", "speaker_kind"):
        raise ValueError(column)
    where, args = filt.where(skip=column)
    return {r[0] or "unknown": r[1] for r in store.conn.execute(
        f"SELECT c.{column}, count(*) FROM claims c WHERE {where} GROUP BY 1 ORDER BY 2 DESC", args)}


def document_date(store: Store, doc_id: str) -> dict[str, Any] | None:
    """The document date and where it came from: ``{value, inferred, rule}`` or None."""
    row = store.conn.execute("SELECT published, published_inferred, provenance FROM documents "
                             "WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        return None
    source = json.loads(row[2]).get("published")
    rule = source.removeprefix("inferred:") if isinstance(source, str) else None
    return {"value": row[0], "inferred": bool(row[1]), "rule": rule}


@dataclass(slots=True)
class PlacePoint:
    """A gazetteer entry mentioned in the store: how often, in how many documents, as what."""

    geonameid: int
    name: str
    country: str | None
    feature: str | None
    lat: float
    lon: float
    mentions: int
    documents: int
    forms: list[str] = field(default_factory=list)  # the distinct surface texts


_POINT_SQL = """SELECT geonameid, max(name), max(country), max(feature), avg(lat), avg(lon),
                       count(*), count(DISTINCT doc_id), json_group_array(DISTINCT text)
                FROM places p WHERE geonameid IS NOT NULL AND lat IS NOT NULL AND {where}
                GROUP BY geonameid ORDER BY 7 DESC, 2"""


def _point(r: sqlite3.Row | tuple[Any, ...]) -> PlacePoint:
    forms = sorted(set(json.loads(r[8]))) if r[8] else []
    return PlacePoint(int(r[0]), r[1] or "?", r[2], r[3], float(r[4]), float(r[5]), int(r[6]),
                      int(r[7]), forms)


def place_points(store: Store, *, country: str | None = None,
                 doc: str | None = None) -> list[PlacePoint]:
    """Every resolved place with its mention and document counts, most mentioned first."""
    conds, args = ["1"], []
    if country:
        conds.append("p.country = ?")
        args.append(country)
    if doc:
        conds.append("p.doc_id = ?")
        args.append(doc)
    return [_point(r) for r in store.conn.execute(_POINT_SQL.format(where=" AND ".join(conds)), args)]


def place(store: Store, geonameid: int) -> PlacePoint | None:
    row = store.conn.execute(_POINT_SQL.format(where="p.geonameid = ?"), (geonameid,)).fetchone()
    return _point(row) if row else None


def unresolved_place_mentions(store: Store, *, doc: str | None = None) -> int:
    """How many place mentions (of document ``doc``, when given) no gazetteer entry resolves."""
    return store.conn.execute(
        "SELECT count(*) FROM places WHERE geonameid IS NULL" + (" AND doc_id = ?" if doc else ""),
        (doc,) if doc else ()).fetchone()[0]


def place_mentions(store: Store, geonameid: int, *, limit: int = 100,
                   offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """(total, mentions of one place) with the evidence sentence, its offsets and the document."""
    total = store.conn.execute("SELECT count(*) FROM places WHERE geonameid = ?",
                               (geonameid,)).fetchone()[0]
    rows = store.conn.execute(
        """SELECT p.doc_id, p.start, p."end", p.text, d.title, s.start, s."end",
                  substr(d.text, s.start + 1, s."end" - s.start)
           FROM places p JOIN documents d ON d.id = p.doc_id
           LEFT JOIN sentences s ON s.doc_id = p.doc_id AND s.start <= p.start AND s."end" > p.start
           WHERE p.geonameid = ? ORDER BY d.ingested_at, d.path, p.start LIMIT ? OFFSET ?""",
        (geonameid, limit, offset)).fetchall()
    return total, [{"doc": r[0], "start": r[1], "end": r[2], "text": r[3], "doc_title": r[4],
                    "sentence": {"start": r[5], "end": r[6], "text": r[7]} if r[5] is not None else None}
                   for r in rows]


# An event mention's place resolved through the places table (see the module docstring).
_EVENT_PLACE_SQL = """
    WITH located AS (
        SELECT e.id AS event_id, coalesce(
            (SELECT q.rowid FROM places q
             WHERE q.doc_id = e.doc_id AND q.geonameid IS NOT NULL AND q.lat IS NOT NULL
               AND q.start = json_extract(e.data, '$.place.start')
               AND q."end" = json_extract(e.data, '$.place.end')),
            (SELECT min(q.rowid) FROM places q
             WHERE q.doc_id = e.doc_id AND q.geonameid IS NOT NULL AND q.lat IS NOT NULL
               AND q.text = e.place)) AS place_rowid
        FROM event_mentions e WHERE e.place IS NOT NULL)
    SELECT e.id, e.doc_id, e.type, e.mode, e.place, e.sent_start, e.sent_end, e.date_start,
           p.geonameid, p.name, p.country, p.lat, p.lon, d.title,
           substr(d.text, e.sent_start + 1, e.sent_end - e.sent_start)
    FROM located l
    JOIN event_mentions e ON e.id = l.event_id
    JOIN places p ON p.rowid = l.place_rowid  -- NULL (unresolved) drops the event
    JOIN documents d ON d.id = e.doc_id
    WHERE {where}
    ORDER BY d.ingested_at, d.path, e.start"""


def _event_rows(store: Store, where: str, args: list[Any]) -> list[dict[str, Any]]:
    rows = store.conn.execute(_EVENT_PLACE_SQL.format(where=where), args).fetchall()
    return [{"id": r[0], "doc": r[1], "type": r[2], "mode": r[3], "place_text": r[4],
             "sentence": {"start": r[5], "end": r[6], "text": r[14]}, "date": r[7],
             "geonameid": r[8], "name": r[9], "country": r[10], "lat": r[11], "lon": r[12],
             "doc_title": r[13]} for r in rows]


def event_place_counts(store: Store) -> list[tuple[int, str | None, str, int]]:
    """``(geonameid, country, event type, event mentions)`` for the map: the same place
    resolution as ``event_points`` without reading documents or sentences."""
    located = _EVENT_PLACE_SQL.split("SELECT e.id, e.doc_id")[0]
    rows = store.conn.execute(
        located + """SELECT p.geonameid, p.country, e.type, count(*) FROM located l
                     JOIN event_mentions e ON e.id = l.event_id
                     JOIN places p ON p.rowid = l.place_rowid GROUP BY 1, 2, 3""").fetchall()
    return [(int(r[0]), r[1], r[2], int(r[3])) for r in rows]


def event_points(store: Store) -> list[dict[str, Any]]:
    """Event mentions whose place resolves to a gazetteer entry, with that entry's point."""
    return _event_rows(store, "1", [])


def events_at(store: Store, geonameid: int) -> list[dict[str, Any]]:
    return _event_rows(store, "p.geonameid = ?", [geonameid])


@dataclass(slots=True)
class HitFilter:
    """Search hits narrowed beyond places: publisher (as ``publisher_docs`` names it),
    publication dates (ISO, partial dates cover their span), an entity named in the
    document, an event type reported in it, a signal flagged on it. Each is a condition on
    the full-text rowid."""

    publisher: str | None = None
    since: str | None = None
    until: str | None = None
    entity: str | None = None
    event_type: str | None = None
    signal: str | None = None

    def __bool__(self) -> bool:
        return any((self.publisher, self.since, self.until, self.entity, self.event_type, self.signal))

    def conditions(self) -> tuple[list[str], list[Any]]:
        conds: list[str] = []
        args: list[Any] = []
        rowid = "documents_fts.rowid IN (SELECT d.rowid FROM "
        if self.publisher:
            conds.append(rowid + "publisher_docs pd JOIN documents d ON d.id = pd.doc_id "
                                 "WHERE pd.publisher = ?)")
            args.append(self.publisher)
        if self.since:
            conds.append(rowid + "documents d WHERE d.published >= ?)")
            args.append(self.since)
        if self.until:
            conds.append(rowid + "documents d WHERE d.published <= ?)")
            args.append(self.until + "\uffff")
        if self.entity:
            conds.append(rowid + "entity_mentions m JOIN documents d ON d.id = m.doc_id "
                                 "WHERE m.entity_id = ?)")
            args.append(self.entity)
        if self.event_type:
            conds.append(rowid + "event_mentions e JOIN documents d ON d.id = e.doc_id WHERE e.type = ?)")
            args.append(self.event_type)
        if self.signal:
            conds.append(rowid + "signals s JOIN documents d ON d.id = s.subject WHERE s.name = ? "
                                 "AND json_extract(s.data, '$.flagged'))")
            args.append(self.signal)
        return conds, args


def hit_filter_sql(place_id: int | None, country: str | None,
                  more: HitFilter | None = None) -> tuple[str, list[Any]]:
    """Hits narrowed to documents mentioning a place and/or a country, by full-text rowid
    (``search_places``, migration 7: no document row is read to test a hit), and by ``more``."""
    conds, args = more.conditions() if more else ([], [])
    if place_id is not None:
        conds.append("documents_fts.rowid IN (SELECT doc_rowid FROM search_places WHERE geonameid = ?)")
        args.append(place_id)
    if country:
        conds.append("documents_fts.rowid IN (SELECT doc_rowid FROM search_places WHERE country = ?)")
        args.append(country)
    return (" AND " + " AND ".join(conds)) if conds else "", args


def search_hits(store: Store, query: str, *, place_id: int | None = None, country: str | None = None,
                more: HitFilter | None = None, limit: int = 20,
                offset: int = 0) -> tuple[int, list[SearchHit]]:
    """``Store.search`` narrowed to documents mentioning a place (geonameid) and/or a country,
    and by ``more`` (publisher, dates, entity, event type)."""
    if place_id is None and not country and not more:
        return store.search(query, limit=limit, offset=offset)
    q = fts_query(query)
    if not q:
        return 0, []
    extra, args = hit_filter_sql(place_id, country, more)
    base = ("FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
            f"WHERE documents_fts MATCH ?{extra}")
    try:
        total = store.conn.execute(f"SELECT count(*) {base}", [q, *args]).fetchone()[0]
        rows = store.conn.execute(
            f"""SELECT d.id, d.title, d.publisher, d.published, d.path, d.language,
                       snippet(documents_fts, 1, '\x02', '\x03', ' … ', 24),
                       bm25(documents_fts, 5.0, 1.0) AS rank
                {base} ORDER BY rank LIMIT ? OFFSET ?""", [q, *args, limit, offset]).fetchall()
        french = french_only_rowids(store.conn, query, extra, args)
    except sqlite3.OperationalError as exc:
        raise StoreError(f"bad search query {query!r}: {exc}", code="E400") from exc
    hits = [SearchHit(*r) for r in rows]
    return total + len(french), hits + store.french_hits(query, french, offset - total, limit - len(hits))


def place_facets(store: Store, query: str, *, place_id: int | None = None, country: str | None = None,
                 more: HitFilter | None = None, limit: int = 15) -> dict[str, list[dict[str, Any]]]:
    """Documents per country and per place among the (filtered) hits of ``query``, most first.

    ``{"countries": [{code, documents}], "places": [{geonameid, name, country, documents}]}``.
    """
    q = fts_query(query)
    if not q:
        return {"countries": [], "places": []}
    extra, args = hit_filter_sql(place_id, country, more)
    # Hits as full-text rowids, their places from search_places' (doc_rowid, …) index: the
    # same counts as grouping ``places`` by document id, without reading the documents.
    # The French-stemmed index's hits too (migration 14); its rows share the rowids.
    hits = f"SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?{extra}"
    if has_french_index(store.conn):
        extra_fr = extra.replace("documents_fts.rowid", "documents_fts_fr.rowid")
        hits += f" UNION SELECT rowid FROM documents_fts_fr WHERE documents_fts_fr MATCH ?{extra_fr}"
        args = [*args, fts_query_fr(query) or q, *args]
    try:
        # DISTINCT (document, country) first: read in index order, it streams; counting
        # distinct documents per country instead sorts them again (~30% slower).
        countries = store.conn.execute(
            f"""SELECT country, count(*) FROM (
                    SELECT DISTINCT doc_rowid, country FROM search_places
                    WHERE country IS NOT NULL AND doc_rowid IN ({hits}))
                GROUP BY country ORDER BY 2 DESC, 1 LIMIT ?""", [q, *args, limit]).fetchall()
        places = store.conn.execute(
            f"""SELECT geonameid, max(name), max(country), count(DISTINCT doc_rowid) FROM search_places
                WHERE geonameid IS NOT NULL AND doc_rowid IN ({hits})
                GROUP BY geonameid ORDER BY 4 DESC, 2 LIMIT ?""", [q, *args, limit]).fetchall()
    except sqlite3.OperationalError as exc:
        raise StoreError(f"bad search query {query!r}: {exc}", code="E400") from exc
    return {"countries": [{"code": r[0], "documents": r[1]} for r in countries],
            "places": [{"geonameid": r[0], "name": r[1], "country": r[2], "documents": r[3]}
                       for r in places]}
