"""The map's whole-store aggregates, kept up to date incrementally in memory.

``facts_queries.place_points`` (every place with its mention and document counts) and
``facts_queries.event_place_counts`` (event mentions per place and type) read every
place mention: ~2 s on 100k articles, and ``summary_cache`` would redo it after every
ingest batch. Both only grow with new documents, whose place and event mentions are
written with them (``Store.add_document``) and never changed after, so the first answer
is kept per store and, on the next request, only the rows added since are read (by
rowid, an index range) and folded in. Counts are integers; distinct documents are
counted by asking, for each new row, whether an older row of the same document already
named the place; a place's coordinates are a running sum divided by the count, as
SQLite's ``avg`` computes them, continued in rowid order (the order the places index
gives the full query), so every figure equals the full query's (tests/store/test_map_tally.py;
the mentions of one gazetteer entry share its coordinates, so the order cannot matter there).
When rows disappear (a document deleted) or the file was replaced, the aggregate is
recomputed whole. A country's points (``?country=XX``) are built on first request and
then kept up to date the same way.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from typing import Any

from newsgraph.store.facts_queries import _EVENT_PLACE_SQL, PlacePoint
from newsgraph.store.sqlite import Store
from newsgraph.store.summary_cache import fingerprint

__all__ = ["clear", "event_place_counts", "place_points"]


@dataclass(slots=True)
class _Acc:
    """One place's running aggregate (what ``_POINT_SQL`` computes, before ``avg``)."""

    name: str | None
    country: str | None
    feature: str | None
    lat_sum: float
    lon_sum: float
    mentions: int
    documents: int
    forms: set[str] = field(default_factory=set)

    def point(self, geonameid: int) -> PlacePoint:
        return PlacePoint(geonameid, self.name or "?", self.country, self.feature,
                          self.lat_sum / self.mentions, self.lon_sum / self.mentions, self.mentions,
                          self.documents, sorted(self.forms))


@dataclass(slots=True)
class _State:
    docs: tuple[int, int]  # documents: count, max rowid
    places_mark: int  # max places rowid folded in
    events_mark: int  # max event_mentions rowid folded in
    points: dict[int, _Acc]
    by_country: dict[str, dict[int, _Acc]]
    events: dict[tuple[int, str | None, str], int]
    seen: tuple[Any, ...] = ()  # summary_cache.fingerprint when last brought up to date
    lists: dict[str | None, list[PlacePoint]] = field(default_factory=dict)  # sorted, per country
    lock: threading.Lock = field(default_factory=threading.Lock)


_states: dict[str, _State] = {}
_states_lock = threading.Lock()

# sum() rather than avg(): the running sums continue from here; the plan (the places
# index, rows of one place in rowid order) is the same as facts_queries._POINT_SQL's.
_SUM_SQL = """SELECT geonameid, max(name), max(country), max(feature), sum(lat), sum(lon),
                     count(*), count(DISTINCT doc_id), json_group_array(DISTINCT text)
              FROM places p WHERE geonameid IS NOT NULL AND lat IS NOT NULL AND {where}
              GROUP BY geonameid"""


def _accs(store: Store, where: str, args: list[Any]) -> dict[int, _Acc]:
    return {int(r[0]): _Acc(r[1], r[2], r[3], float(r[4]), float(r[5]), int(r[6]), int(r[7]),
                            set(json.loads(r[8])) if r[8] else set())
            for r in store.conn.execute(_SUM_SQL.format(where=where), args)}


def _events(store: Store, after: int, upto: int) -> dict[tuple[int, str | None, str], int]:
    """Event mentions per (place, country, type) among event_mentions rowids (after, upto]."""
    located = _EVENT_PLACE_SQL.split("SELECT e.id, e.doc_id")[0].replace(
        "WHERE e.place IS NOT NULL", "WHERE e.place IS NOT NULL AND e.rowid > ? AND e.rowid <= ?")
    rows = store.conn.execute(
        located + """SELECT p.geonameid, p.country, e.type, count(*) FROM located l
                     JOIN event_mentions e ON e.id = l.event_id
                     JOIN places p ON p.rowid = l.place_rowid GROUP BY 1, 2, 3""", (after, upto))
    return {(int(r[0]), r[1], r[2]): int(r[3]) for r in rows}


def _marks(store: Store) -> tuple[tuple[int, int], int, int]:
    one = store.conn.execute
    docs = one("SELECT count(*), coalesce(max(rowid), 0) FROM documents").fetchone()
    places = one("SELECT coalesce(max(rowid), 0) FROM places").fetchone()[0]
    events = one("SELECT coalesce(max(rowid), 0) FROM event_mentions").fetchone()[0]
    return (int(docs[0]), int(docs[1])), int(places), int(events)


def _build(store: Store) -> _State:
    seen = fingerprint(store)
    docs, places, events = _marks(store)
    return _State(docs, places, events, _accs(store, "+p.rowid <= ?", [places]), {},
                  _events(store, -1, events) if events else {}, seen)


def _fold(store: Store, state: _State, places: int, events: int) -> None:
    """Add the place and event mentions written after the state's marks."""
    rows = store.conn.execute(
        """SELECT geonameid, country, name, feature, lat, lon, text,
                  EXISTS (SELECT 1 FROM places o WHERE o.doc_id = p.doc_id AND +o.geonameid = p.geonameid
                          AND o.lat IS NOT NULL AND o.rowid < p.rowid),
                  EXISTS (SELECT 1 FROM places o WHERE o.doc_id = p.doc_id AND +o.geonameid = p.geonameid
                          AND o.lat IS NOT NULL AND +o.country IS p.country AND o.rowid < p.rowid)
           FROM places p WHERE p.rowid > ? AND p.rowid <= ? AND geonameid IS NOT NULL
             AND lat IS NOT NULL ORDER BY p.rowid""", (state.places_mark, places)).fetchall()
    for g, country, name, feature, lat, lon, text, seen, seen_in_country in rows:
        targets = [(state.points, seen)]
        if country in state.by_country:
            targets.append((state.by_country[country], seen_in_country))
        for accs, seen_before in targets:
            acc = accs.get(g)
            if acc is None:
                accs[g] = _Acc(name, country, feature, float(lat), float(lon), 1, 1, {text})
                continue
            acc.name = _max(acc.name, name)
            acc.country = _max(acc.country, country)
            acc.feature = _max(acc.feature, feature)
            acc.lat_sum += lat
            acc.lon_sum += lon
            acc.mentions += 1
            acc.documents += 0 if seen_before else 1
            acc.forms.add(text)
    state.places_mark = places
    state.lists.clear()
    if events > state.events_mark:
        for key, n in _events(store, state.events_mark, events).items():
            state.events[key] = state.events.get(key, 0) + n
        state.events_mark = events


def _max(a: str | None, b: str | None) -> str | None:
    """SQL ``max()``: NULLs ignored."""
    if a is None:
        return b
    return a if b is None or a >= b else b


def _current(store: Store) -> _State:
    with _states_lock:
        state = _states.get(store.path)
        if state is None:
            state = _states[store.path] = _build(store)
            return state
    with state.lock:
        seen = fingerprint(store)  # one row: nothing written since the last request?
        if seen == state.seen:
            return state
        docs, places, events = _marks(store)
        new_docs = store.conn.execute("SELECT count(*) FROM documents WHERE rowid > ?",
                                      (state.docs[1],)).fetchone()[0]
        if docs[0] != state.docs[0] + new_docs or places < state.places_mark or events < state.events_mark:
            # a document was deleted (or the file replaced): start again
            fresh = _build(store)
            with _states_lock:
                _states[store.path] = fresh
            return fresh
        if places > state.places_mark or events > state.events_mark:
            _fold(store, state, places, events)
        state.docs = docs
        state.seen = seen
        return state


def place_points(store: Store, *, country: str | None = None) -> list[PlacePoint]:
    """``facts_queries.place_points(store, country=country)``, kept up to date incrementally."""
    state = _current(store)
    with state.lock:
        if country in state.lists:
            return list(state.lists[country])
        if country is None:
            accs = state.points
        else:
            if country not in state.by_country:
                state.by_country[country] = _accs(store, "p.country = ? AND +p.rowid <= ?",
                                                  [country, state.places_mark])
            accs = state.by_country[country]
        points = [a.point(g) for g, a in accs.items()]
        # _POINT_SQL's ORDER BY count(*) DESC, max(name) (a NULL name first, as SQLite
        # sorts it), ties in group order (geonameid).
        raw = {g: a.name for g, a in accs.items()}
        points.sort(key=lambda p: (-p.mentions, raw[p.geonameid] is not None, raw[p.geonameid] or "",
                                   p.geonameid))
        state.lists[country] = points
        return list(points)


def event_place_counts(store: Store) -> list[tuple[int, str | None, str, int]]:
    """``facts_queries.event_place_counts(store)``, kept up to date incrementally."""
    state = _current(store)
    with state.lock:
        rows = [(g, c, t, n) for (g, c, t), n in state.events.items() if n]
    # the GROUP BY order of the full query (NULL country first)
    return sorted(rows, key=lambda r: (r[0], r[1] is not None, r[1] or "", r[2]))


def clear() -> None:
    with _states_lock:
        _states.clear()
