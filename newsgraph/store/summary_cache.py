"""Whole-store aggregates (type and facet counts, a search's place facets), cached until the store changes.

A count over a whole table (entity or event types, claim facets) or over every hit of a
frequent word is tenths of a second at 100k articles, for an answer that only changes
when an ingest or an edit commits. (The heavier aggregates are kept up to date instead
of recomputed: publisher profiles by triggers, ``store/publisher_tally.py``; the map's
points incrementally, ``store/map_tally.py``.) We keep each aggregate in memory with a
*fingerprint* of the store and recompute it when the fingerprint moves. The fingerprint
is one row: a counter that triggers bump on every write to the documents (added, removed,
edited, marked resolved), the links and the analyst's edits (migration 8). A stale answer
can only last until the next write that touches one of those, which every ingest batch
and every edit does.

Why not SQLite's ``PRAGMA data_version``: it reports changes made by *other*
connections only, and the API opens one connection per request.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from newsgraph.store.sqlite import Store

__all__ = ["cached", "clear", "fingerprint"]

T = TypeVar("T")

#: Aggregates kept per process (several stores and filters each take a slot; each
#: search's place facets take one, a few kB).
MAX_ENTRIES = 256

_lock = threading.Lock()
_cache: OrderedDict[tuple[Any, ...], tuple[tuple[Any, ...], Any]] = OrderedDict()


def fingerprint(store: Store) -> tuple[Any, ...]:
    """What changes whenever anything an aggregate reads changes: the write counter that
    triggers bump (migration 8), and the last document rowid (a file replaced by another)."""
    try:
        return tuple(store.conn.execute(
            "SELECT (SELECT n FROM store_writes WHERE id = 1), "
            "(SELECT coalesce(max(rowid), 0) FROM documents)").fetchone())
    except sqlite3.OperationalError:  # a read-only store from before migration 8
        return _counted(store)


def _counted(store: Store) -> tuple[Any, ...]:
    # Each of these is answered from an index or the table's b-tree ends, not a scan.
    docs = store.conn.execute("SELECT count(*), coalesce(max(rowid), 0) FROM documents").fetchone()
    unresolved = store.conn.execute("SELECT count(*) FROM documents WHERE resolved = 0").fetchone()
    # A link upgraded to another kind is deleted and re-inserted: its rowid moves.
    links = store.conn.execute("SELECT count(*), coalesce(max(rowid), 0) FROM links").fetchone()
    edits = store.conn.execute("SELECT count(*), count(withdrawn) FROM entity_edits").fetchone()
    return ("counted", *docs, *unresolved, *links, *edits)


def cached(store: Store, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``'s answer for ``key`` on this store, recomputed when the store changed."""
    slot = (store.path, key)
    mark = fingerprint(store)
    with _lock:
        hit = _cache.get(slot)
        if hit is not None and hit[0] == mark:
            _cache.move_to_end(slot)
            return hit[1]  # type: ignore[no-any-return]
    value = compute()
    with _lock:
        _cache[slot] = (mark, value)
        _cache.move_to_end(slot)
        while len(_cache) > MAX_ENTRIES:
            _cache.popitem(last=False)
    return value


def clear() -> None:
    with _lock:
        _cache.clear()
