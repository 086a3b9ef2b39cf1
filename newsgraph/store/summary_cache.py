"""Whole-store aggregates (publisher profiles, map points, facet counts), cached until the store changes.

A page like the publishers' profile reads every document, signal and claim: at 100k
articles that is seconds of work, for an answer that only changes when an ingest or an
edit commits. We keep each aggregate in memory with a *fingerprint* of the store and
recompute it when the fingerprint moves. The fingerprint is read in a few milliseconds
from what every write touches: the documents (their count, last rowid and how many
wait for resolution), the links (count and last rowid), and the analyst's edits. A stale answer
can only last until the next write that touches one of those, which every ingest batch
and every edit does.

Why not SQLite's ``PRAGMA data_version``: it reports changes made by *other*
connections only, and the API opens one connection per request.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from newsgraph.store.sqlite import Store

__all__ = ["cached", "clear", "fingerprint"]

T = TypeVar("T")

#: Aggregates kept per process (several stores and filters each take a slot).
MAX_ENTRIES = 64

_lock = threading.Lock()
_cache: OrderedDict[tuple[Any, ...], tuple[tuple[Any, ...], Any]] = OrderedDict()


def fingerprint(store: Store) -> tuple[Any, ...]:
    """What changes whenever anything an aggregate reads changes."""
    # Each of these is answered from an index or the table's b-tree ends, not a scan.
    docs = store.conn.execute("SELECT count(*), coalesce(max(rowid), 0) FROM documents").fetchone()
    unresolved = store.conn.execute("SELECT count(*) FROM documents WHERE resolved = 0").fetchone()
    # A link upgraded to another kind is deleted and re-inserted: its rowid moves.
    links = store.conn.execute("SELECT count(*), coalesce(max(rowid), 0) FROM links").fetchone()
    edits = store.conn.execute("SELECT count(*), count(withdrawn) FROM entity_edits").fetchone()
    return (*docs, *unresolved, *links, *edits)


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
