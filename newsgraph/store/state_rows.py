"""Resolver state saved as rows: an object's large containers one row per item, each
rewritten only when that item changed.

The event resolver and the story index (``resolve/``) are objects whose state grows with
the corpus. Pickled whole into ``resolver_state`` they were written again in full at
every save, however little a batch changed. Here the object's state (what pickle would
save: ``__getstate__``) is split, without the resolvers knowing: every dict, list or
array of at least ``MIN_ITEMS`` items — at the top and inside the plain objects it holds
(alone or in a short list), ``MAX_DEPTH`` levels down — goes to ``resolver_rows``, one
row per item (key, order, pickled value); the rest, with the layout that puts the parts
back, stays one small pickle in ``resolver_state``. A method of an object kept in its own
state (an LSH's hash function) is bound again to the rebuilt object, as pickle does.
A save pickles each item, compares its digest with the one saved last (or with the
item as loaded, pickled again in this process), and writes only new or changed items
(and deletes gone ones). It streams: one item's bytes at a time, the changed ones
written in chunks, and the bookkeeping of the last save (a digest and place per item)
kept as one bytes key and one integer per item — a save no longer holds the whole state
pickled beside the state, nor two copies of that bookkeeping.

Loading rebuilds the object pickle would (``cls.__new__``, then ``__setstate__`` or the
instance dict), containers with their type, default factory, dtype and order —
tests/store/test_state_rows.py checks, on a real ingest's resolvers, that every value
comes back equal and in its order (a set's members compared as a set: its order after
loading depends on how it was rebuilt, for a whole pickle too). What is not split
(small values, objects with their own pickling, anything nested deeper) stays in the
pickled rest. An item shared by two containers would come back as two copies; the
resolvers keep ids, not shared objects, between their containers.

A state saved whole by an earlier version (a pickled object) still loads; the next
save writes it as rows.

**Row-backed parts.** An object names, in its class's ``ROW_BACKED``, the dicts and lists
it only reads by key or position (paths into the objects it holds too: the story index's
LSH band tables, "lsh/hashtables/*/_dict"). Once saved, such a container is not held
whole: ``RowMap`` / ``RowList`` stand in for it and read an item from its row when it is
asked for, keep the items read or set, and ``spill`` (after each batch, and at each save)
writes those whose pickle changed and forgets all but the most recently used
``KEEP_ITEMS`` — so memory does not hold what grows with the corpus, and a save writes
what changed without pickling every item to find out. The spilled rows are written in the
caller's transaction, with the documents of the batch: a killed ingest rolls them back
with the rest of its unit of work. A whole pickle of such an object gives plain
containers back; a store saved before a container was row-backed has its rows rewritten
at the next save.
"""

from __future__ import annotations

import fnmatch
import hashlib
import itertools
import pickle
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from datetime import UTC, datetime
from typing import Any

import numpy as np

__all__ = ["KEEP_ITEMS", "MAX_DEPTH", "MIN_ITEMS", "RowList", "RowMap", "StateRows"]

#: A container with fewer items stays in the pickled rest.
MIN_ITEMS = 32
#: How deep into plain objects held by the saved object the split looks (the story
#: index's near-duplicate LSH keeps its tables three objects down).
MAX_DEPTH = 3

FORMAT = "newsgraph-state-rows/1"


def _pickle(value: Any) -> bytes:
    return pickle.dumps(value, protocol=5)


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def _index_key(i: int) -> bytes:
    return i.to_bytes(8, "big")


def _state_of(obj: Any) -> dict[str, Any] | None:
    """The state pickle saves for ``obj`` when it is a plain instance (rebuilt by
    ``cls.__new__`` and ``__setstate__`` or its dict), else None."""
    cls = type(obj)
    if cls.__module__ == "builtins" or isinstance(obj, type) or not hasattr(obj, "__dict__"):
        return None
    if cls.__reduce_ex__ is not object.__reduce_ex__ or cls.__reduce__ is not object.__reduce__:
        return None
    if hasattr(cls, "__getnewargs__") or hasattr(cls, "__getnewargs_ex__"):
        return None
    state = obj.__getstate__()  # a (dict, slots) pair when a slot holds a value: not split
    return state if isinstance(state, dict) and all(isinstance(k, str) for k in state) else None


def _container(value: Any) -> tuple[str, Any] | None:
    """``(kind, how to rebuild it)`` of a container split into rows, or None."""
    t = type(value)
    if t is dict:
        return "dict", None
    if t is Counter:
        return "counter", None
    if t is defaultdict:
        return "defaultdict", value.default_factory
    if t is list:
        return "list", None
    if t is np.ndarray and value.ndim >= 1 and value.dtype != object:
        return "array", (value.dtype.str, value.shape[1:])
    return None


#: Rows written by one statement while a save streams.
WRITE_CHUNK = 512


def _write(conn: Any, rows: list[tuple[str, str, bytes, int, bytes]]) -> None:
    """Write (stage, part, key, seq, data) rows, ``WRITE_CHUNK`` per statement."""
    for i in range(0, len(rows), WRITE_CHUNK):
        conn.executemany("INSERT OR REPLACE INTO resolver_rows (stage, part, key, seq, data) "
                         "VALUES (?,?,?,?,?)", rows[i:i + WRITE_CHUNK])


def _forget_oldest(live: dict[Any, Any], known: dict[Any, Any], keep: int) -> None:
    """Drop all but the ``keep`` most recently used items (``live`` is in order of use)."""
    drop = len(live) - keep
    if drop > 0:
        for key in list(itertools.islice(live, drop)):
            del live[key]
            del known[key]


def _items(value: Any, kind: str) -> Iterator[tuple[bytes, bytes]]:
    """A container's rows, pickled one at a time as they are read."""
    if kind in ("dict", "counter", "defaultdict"):
        return ((_pickle(k), _pickle(v)) for k, v in value.items())
    if kind == "list":
        return ((_index_key(i), _pickle(v)) for i, v in enumerate(value))
    return ((_index_key(i), np.ascontiguousarray(row).tobytes()) for i, row in enumerate(value))


def _row_key(part: str, key: bytes) -> bytes:
    """One bytes key per row for the bookkeeping (a part's path holds no NUL)."""
    return part.encode() + b"\x00" + key


def _part_and_key(row_key: bytes) -> tuple[str, bytes]:
    part, _, key = row_key.partition(b"\x00")
    return part.decode(), key


def _mark(seq: int, data: bytes) -> int:
    """A row's place and digest as one integer (``seq`` above the 128 digest bits)."""
    return seq << 128 | int.from_bytes(_digest(data), "big")


def _rebuild(kind: str, how: Any, rows: list[tuple[bytes, bytes]]) -> Any:
    if kind == "dict":
        return {pickle.loads(k): pickle.loads(v) for k, v in rows}
    if kind == "counter":
        return Counter({pickle.loads(k): pickle.loads(v) for k, v in rows})
    if kind == "defaultdict":
        return defaultdict(how, {pickle.loads(k): pickle.loads(v) for k, v in rows})
    if kind == "list":
        return [pickle.loads(v) for _, v in rows]
    dtype, tail = how
    flat = np.frombuffer(b"".join(v for _, v in rows), dtype=np.dtype(dtype))
    return flat.reshape((len(rows), *tail)).copy()


#: Items of a row-backed container kept in memory between batches (the most recently
#: used): an event that is a candidate in one batch is often one in the next.
KEEP_ITEMS = 1024


def _as_plain(kind: str, factory: Any, items: list[tuple[Any, Any]]) -> Any:
    """What a whole pickle of a row-backed container gives back: the plain container."""
    return defaultdict(factory, items) if kind == "defaultdict" else dict(items)


class RowMap(MutableMapping):  # type: ignore[type-arg]
    """A dict (or defaultdict) of a saved object served from its rows, read on demand.

    The owner declares which of its dicts may be served so (``ROW_BACKED``): dicts read
    by key, whose values hold no object another container holds. An item read or set is
    kept in memory (the owner may change it in place) until ``spill``, which writes the
    ones whose pickle changed and deletes the ones taken out, inside the caller's
    transaction — the state the store holds moves with the rows, so a killed run rolls
    both back together. Iteration follows the dict's order (a row's ``seq``).
    """

    def __init__(self, conn: Callable[[], Any], stage: str, part: str, kind: str, factory: Any,
                 length: int, next_seq: Callable[[], int]) -> None:
        self._conn = conn
        self._stage = stage
        self._part = part
        self.kind = kind
        self.default_factory = factory
        self._len = length
        self._next_seq = next_seq
        self._live: dict[Any, Any] = {}  # read or set since the last spill; the most recent last
        self._known: dict[Any, tuple[int, bytes]] = {}  # live key -> its row's (seq, digest)
        self._new: dict[Any, None] = {}  # live keys without a row of their own (yet)
        self._gone: dict[Any, None] = {}  # keys taken out whose rows are still stored
        # Live keys read or set since the last spill: only these can have changed (an item
        # kept from an earlier batch is not pickled again to find out).
        self._touched: set[Any] = set()

    def __reduce__(self) -> tuple[Any, ...]:
        return _as_plain, (self.kind, self.default_factory, list(self.items()))

    def _row(self, key: Any) -> tuple[int, bytes] | None:
        if key in self._gone:
            return None
        return self._conn().execute(
            "SELECT seq, data FROM resolver_rows WHERE stage = ? AND part = ? AND key = ?",
            (self._stage, self._part, _pickle(key))).fetchone()

    def _read(self, key: Any, touch: bool = True) -> tuple[bool, Any]:
        """``(found, item)``, kept in memory; ``touch``: taken as possibly changed (the
        caller may change it in place), so ``spill`` pickles it to find out."""
        if key in self._live:
            value = self._live.pop(key)
            self._live[key] = value  # most recently used last
        else:
            row = self._row(key)
            if row is None:
                return False, None
            value = pickle.loads(row[1])
            self._live[key] = value
            self._known[key] = (row[0], _digest(row[1]))
        if touch:
            self._touched.add(key)
        return True, value

    def __getitem__(self, key: Any) -> Any:
        found, value = self._read(key)
        if found:
            return value
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def get(self, key: Any, default: Any = None) -> Any:
        found, value = self._read(key)
        return value if found else default

    def peek(self, key: Any) -> Any:
        """The item, for a caller that only reads it (an event scored as a candidate): kept
        like any item read, but not taken as changed, so ``spill`` does not pickle it again
        to find out — most items a batch reads it never changes."""
        found, value = self._read(key, touch=False)
        if not found:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        return key in self._live or self._row(key) is not None

    def __setitem__(self, key: Any, value: Any) -> None:
        if key not in self._live:
            if key in self._gone:  # taken out and put back: last in order, as in a dict
                del self._gone[key]
                self._new[key] = None
                self._len += 1
            else:
                row = self._row(key)
                if row is None:
                    self._new[key] = None
                    self._len += 1
                else:
                    self._known[key] = (row[0], _digest(row[1]))
        self._live[key] = value
        self._touched.add(key)

    def __delitem__(self, key: Any) -> None:
        if key not in self:
            raise KeyError(key)
        self._live.pop(key, None)
        self._known.pop(key, None)
        self._new.pop(key, None)
        self._gone[key] = None
        self._len -= 1

    _MISSING = object()

    def pop(self, key: Any, default: Any = _MISSING) -> Any:
        found, value = self._read(key)
        if not found:
            if default is self._MISSING:
                raise KeyError(key)
            return default
        del self[key]
        return value

    def setdefault(self, key: Any, default: Any = None) -> Any:
        found, value = self._read(key)
        if found:
            return value
        self[key] = default
        return default

    def __len__(self) -> int:
        return self._len

    def _stored(self, data: bool = True) -> Iterator[tuple[Any, bytes]]:
        """The stored rows in order, as (key, pickled value or b"" without ``data``),
        except those taken out or replaced by a new item since the last spill."""
        rows = self._conn().execute(
            "SELECT key, {} FROM resolver_rows WHERE stage = ? AND part = ? ORDER BY seq".format(
                "data" if data else "x''"), (self._stage, self._part)).fetchall()
        for kb, value in rows:
            key = pickle.loads(kb)
            if key not in self._gone and key not in self._new:
                yield key, value

    def __iter__(self) -> Iterator[Any]:
        new = list(self._new)
        for key, _ in self._stored(data=False):
            yield key
        yield from new

    def items(self) -> Iterator[tuple[Any, Any]]:  # type: ignore[override]
        """Every item in order; items not in memory are read without being kept."""
        new = list(self._new)
        for key, data in self._stored():
            if key in self._live:
                self._touched.add(key)  # the caller may change what memory holds
                yield key, self._live[key]
            else:
                yield key, pickle.loads(data)
        for key in new:
            self._touched.add(key)
            yield key, self._live[key]

    def values(self) -> Iterator[Any]:  # type: ignore[override]
        return (v for _, v in self.items())

    def spill(self, keep: int = KEEP_ITEMS) -> int:
        """Write the items changed since the last spill and forget all but the ``keep`` most
        recently used; returns the rows written."""
        write = []
        for key in self._touched:
            if key not in self._live:
                continue  # taken out again
            value = self._live[key]
            data = _pickle(value)
            known = self._known.get(key)
            digest = _digest(data)
            if known is not None and known[1] == digest:
                continue
            seq = known[0] if known is not None else self._next_seq()
            self._known[key] = (seq, digest)
            write.append((self._stage, self._part, _pickle(key), seq, data))
        conn = self._conn()
        if self._gone:
            conn.executemany("DELETE FROM resolver_rows WHERE stage = ? AND part = ? AND key = ?",
                             [(self._stage, self._part, _pickle(k)) for k in self._gone])
        _write(conn, write)
        self._gone.clear()
        self._new.clear()
        self._touched.clear()
        _forget_oldest(self._live, self._known, keep)
        return len(write)


class RowList:
    """A list of a saved object served from its rows (one per index), read on demand —
    for lists the owner only indexes, appends to and sets items of (``ROW_BACKED``).
    Kept and written as ``RowMap`` keeps and writes its items (``spill``)."""

    def __init__(self, conn: Callable[[], Any], stage: str, part: str, length: int) -> None:
        self._conn = conn
        self._stage = stage
        self._part = part
        self._len = length
        self._live: dict[int, Any] = {}  # index -> item read or set since the last spill
        self._known: dict[int, bytes] = {}  # live index -> its row's digest
        self._touched: set[int] = set()  # live indexes read or set since the last spill

    def __reduce__(self) -> tuple[Any, ...]:
        return list, (list(self),)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, RowList | list):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def _index(self, i: int) -> int:
        if not isinstance(i, int):
            raise TypeError("a row-backed list is indexed by position only")
        j = i + self._len if i < 0 else i
        if not 0 <= j < self._len:
            raise IndexError(i)
        return j

    def __getitem__(self, i: int) -> Any:
        return self._read(i, touch=True)

    def peek(self, i: int) -> Any:
        """The item, for a caller that only reads it (``RowMap.peek``): kept like any item
        read, but not pickled again at ``spill`` to learn whether it changed."""
        return self._read(i, touch=False)

    def _read(self, i: int, touch: bool) -> Any:
        j = self._index(i)
        if j in self._live:
            value = self._live.pop(j)
            self._live[j] = value  # most recently used last
            if touch:
                self._touched.add(j)
            return value
        row = self._conn().execute(
            "SELECT data FROM resolver_rows WHERE stage = ? AND part = ? AND key = ?",
            (self._stage, self._part, _index_key(j))).fetchone()
        if row is None:
            raise ValueError(f"row {j} of {self._part!r} is missing")
        value = pickle.loads(row[0])
        self._live[j] = value
        if touch:
            self._touched.add(j)
        self._known[j] = _digest(row[0])
        return value

    def __setitem__(self, i: int, value: Any) -> None:
        j = self._index(i)
        if j not in self._live:
            self[j]  # noqa: B018 - its row's digest: an unchanged item is not written again
        self._live[j] = value
        self._touched.add(j)

    def append(self, value: Any) -> None:
        self._touched.add(self._len)
        self._live[self._len] = value
        self._len += 1

    def extend(self, values: Iterable[Any]) -> None:
        for v in values:
            self.append(v)

    def __iadd__(self, values: Iterable[Any]) -> RowList:
        self.extend(values)
        return self

    def __len__(self) -> int:
        return self._len

    def __iter__(self) -> Iterator[Any]:
        """Every item in order; items not in memory are read without being kept."""
        rows = self._conn().execute(
            "SELECT key, data FROM resolver_rows WHERE stage = ? AND part = ? ORDER BY key",
            (self._stage, self._part)).fetchall()
        n = 0
        for key, data in rows:
            j = int.from_bytes(key, "big")
            if j >= self._len:
                break
            if j in self._live:
                self._touched.add(j)
                yield self._live[j]
            else:
                yield pickle.loads(data)
            n = j + 1
        for j in range(n, self._len):
            self._touched.add(j)
            yield self._live[j]

    def spill(self, keep: int = KEEP_ITEMS) -> int:
        """As ``RowMap.spill``."""
        write = []
        for j in self._touched:
            value = self._live[j]
            data = _pickle(value)
            digest = _digest(data)
            if self._known.get(j) == digest:
                continue
            self._known[j] = digest
            write.append((self._stage, self._part, _index_key(j), j, data))
        self._touched.clear()
        _write(self._conn(), write)
        _forget_oldest(self._live, self._known, keep)
        return len(write)


def _objects(value: Any) -> list[dict[str, Any]] | None:
    """The states of a short list's items when every item is a plain object of its own."""
    if type(value) is not list or not value or len({id(v) for v in value}) != len(value):
        return None
    states = [_state_of(v) for v in value]
    return None if any(s is None for s in states) else states  # type: ignore[return-value]


#: The attribute an object names its row-backed dicts in (``RowMap``): names of its own
#: dicts, or paths into the objects it holds ("lsh/hashtables/*/_dict").
ROW_BACKED = "ROW_BACKED"


class _Lazy:
    """What a save learns of the row-backed parts: each ``RowMap`` met (to spill), each
    plain dict that should become one (written whole, then replaced on its owner)."""

    def __init__(self) -> None:
        self.maps: dict[str, RowMap] = {}
        self.fresh: dict[str, tuple[Any, str, str, Any]] = {}  # path -> owner, name, kind, factory


def _split(obj: Any, state: dict[str, Any], path: str, depth: int,
           parts: dict[str, Iterator[tuple[bytes, bytes]]], lazy: _Lazy | None = None,
           patterns: tuple[str, ...] = ()) -> dict[str, Any]:
    """The layout of ``obj`` with its large containers moved to ``parts`` (by path); its
    row-backed dicts (``ROW_BACKED``) are noted in ``lazy``."""
    rest: dict[str, Any] = {}
    split: dict[str, tuple[str, Any]] = {}
    children: dict[str, dict[str, Any]] = {}
    lists: dict[str, list[dict[str, Any]]] = {}
    methods: dict[str, str] = {}
    lazy = lazy if lazy is not None else _Lazy()
    patterns = (*patterns, *(f"{path}/{p}" for p in getattr(type(obj), ROW_BACKED, ())))
    for name, value in state.items():
        where = f"{path}/{name}"
        if getattr(value, "__self__", None) is obj and hasattr(value, "__func__"):
            # a method of the object itself (pickle saves the object again): bound anew
            methods[name] = value.__func__.__name__
            continue
        if isinstance(value, RowMap | RowList) and value._part == where:
            split[name] = (("rows", (value.kind, value.default_factory)) if isinstance(value, RowMap)
                           else ("rowlist", None))
            lazy.maps[where] = value
            continue
        kind = _container(value)
        if (kind is not None and kind[0] in ("dict", "defaultdict", "list")
                and any(fnmatch.fnmatchcase(where, p) for p in patterns)):
            split[name] = ("rowlist", None) if kind[0] == "list" else ("rows", (kind[0], kind[1]))
            parts[where] = _items(value, kind[0])
            lazy.fresh[where] = (obj, name, kind[0], kind[1])
            continue
        if kind is not None and len(value) >= MIN_ITEMS:
            split[name] = kind
            parts[where] = _items(value, kind[0])
            continue
        inner = _state_of(value) if depth < MAX_DEPTH else None
        items = _objects(value) if depth < MAX_DEPTH and inner is None else None
        if inner is not None:
            children[name] = _split(value, inner, where, depth + 1, parts, lazy, patterns)
        elif items is not None:
            lists[name] = [_split(v, s, f"{where}/{i}", depth + 1, parts, lazy, patterns)
                           for i, (v, s) in enumerate(zip(value, items, strict=True))]
        else:
            rest[name] = value
    return {"cls": type(obj), "order": list(state), "rest": rest, "split": split,
            "children": children, "lists": lists, "methods": methods}


def _row_parts(layout: dict[str, Any], path: str = "") -> list[str]:
    """The paths of the row-backed parts of a layout."""
    out = [f"{path}/{name}" for name, (kind, _) in layout["split"].items() if kind in ("rows", "rowlist")]
    for name, child in layout["children"].items():
        out += _row_parts(child, f"{path}/{name}")
    for name, items in layout["lists"].items():
        for i, child in enumerate(items):
            out += _row_parts(child, f"{path}/{name}/{i}")
    return out


def _join(layout: dict[str, Any], path: str, rows: dict[str, list[tuple[bytes, bytes]]],
          row_map: Callable[[str, str, Any], RowMap | RowList]) -> Any:
    cls = layout["cls"]
    obj = cls.__new__(cls)
    parts = dict(layout["rest"])
    for name, (kind, how) in layout["split"].items():
        if kind in ("rows", "rowlist"):
            parts[name] = row_map(f"{path}/{name}", kind, how)
        else:
            parts[name] = _rebuild(kind, how, rows.get(f"{path}/{name}", []))
    for name, child in layout["children"].items():
        parts[name] = _join(child, f"{path}/{name}", rows, row_map)
    for name, items in layout["lists"].items():
        parts[name] = [_join(child, f"{path}/{name}/{i}", rows, row_map) for i, child in enumerate(items)]
    for name, method in layout["methods"].items():
        parts[name] = getattr(obj, method)
    state = {name: parts[name] for name in layout["order"]}  # the attributes' own order
    setstate = getattr(obj, "__setstate__", None)
    if setstate is not None:
        setstate(state)
    else:
        obj.__dict__.update(state)
    return obj


class StateRows:
    """One resolver's state in ``resolver_state`` (the rest) and ``resolver_rows`` (the items).

    ``conn`` returns the store's connection (the caller's transaction). Keeps the digest
    and order of every saved item, to write only what changed at the next save.
    """

    def __init__(self, conn: Callable[[], Any], stage: str) -> None:
        self._conn = conn
        self.stage = stage
        #: Per saved row (``_row_key``): its place and digest (``_mark``).
        self._saved: dict[bytes, int] = {}
        #: A save failed half-way: its bookkeeping is gone, the next save rewrites every row.
        self._rewrite = False
        self._next = 0
        #: The row-backed dicts of the object last loaded or saved (``spill``).
        self._maps: list[RowMap | RowList] = []
        #: The last save: rows written, rows left as they were, bytes written, bytes of all
        #: rows (benchmarks print them).
        self.last_save: tuple[int, int, int, int] = (0, 0, 0, 0)

    def load(self) -> Any | None:
        """The saved object, None when never saved; raises when it cannot be read."""
        row = self._conn().execute(
            "SELECT data FROM resolver_state WHERE stage = ?", (self.stage,)).fetchone()
        if row is None:
            return None
        blob = row[0] if isinstance(row[0], bytes) else row[0].encode("latin-1")
        head = pickle.loads(blob)
        self._saved.clear()
        self._maps = []
        if not (isinstance(head, dict) and head.get("format") == FORMAT):
            return head  # saved whole by an earlier version: rows from the next save on
        lazy = set(_row_parts(head["layout"]))
        stored = {part: (n, top) for part, n, top in self._conn().execute(
            "SELECT part, count(*), max(seq) FROM resolver_rows WHERE stage = ? GROUP BY part",
            (self.stage,))}
        self._next = max((top + 1 for _, top in stored.values()), default=0)
        found = {part: n for part, (n, _) in stored.items() if part not in lazy}
        if found != {p: n for p, n in head["counts"].items() if p not in lazy}:
            # rows lost or left over: no silent partial state
            raise ValueError(f"resolver rows of {self.stage!r} do not match their layout")
        rows: dict[str, list[tuple[bytes, bytes]]] = {}
        for part in found:
            for key, seq, data in self._conn().execute(
                    "SELECT key, seq, data FROM resolver_rows WHERE stage = ? AND part = ? ORDER BY seq",
                    (self.stage, part)):
                rows.setdefault(part, []).append((key, data))
                self._saved[_row_key(part, key)] = _mark(seq, data)

        def row_map(part: str, kind: str, how: Any) -> RowMap | RowList:
            n = stored.get(part, (0, 0))[0]
            m = (RowList(self._conn, self.stage, part, n) if kind == "rowlist"
                 else RowMap(self._conn, self.stage, part, *how, n, self._new_seq))
            self._maps.append(m)
            return m

        obj = _join(head["layout"], "", rows, row_map)
        del rows
        # The baseline of the next save is the loaded object pickled in this process: a
        # set's order (so its bytes) depends on the process's string hashes, and an item
        # read back unchanged must not count as changed.
        state = _state_of(obj)
        if state is not None:
            again: dict[str, Iterator[tuple[bytes, bytes]]] = {}
            _split(obj, state, "", 0, again)
            for part, items in again.items():
                for key, data in items:
                    row = _row_key(part, key)
                    old = self._saved.get(row)
                    if old is not None:
                        self._saved[row] = _mark(old >> 128, data)
        return obj

    def _new_seq(self) -> int:
        self._next += 1
        return self._next - 1

    def spill(self) -> int:
        """Write what changed in the row-backed dicts (``RowMap``) since they were last
        written and forget most of it (between two saves: a batch's items leave memory);
        inside the caller's transaction. Returns the rows written."""
        return sum(m.spill() for m in self._maps)

    def save(self, obj: Any) -> None:
        """Save ``obj``: its rest whole, its items that changed since the last save."""
        state = _state_of(obj)
        if state is None:
            raise TypeError(f"{type(obj).__name__} is not a plain object: its state cannot be split")
        parts: dict[str, Iterator[tuple[bytes, bytes]]] = {}
        lazy = _Lazy()
        layout = _split(obj, state, "", 0, parts, lazy)
        conn = self._conn()
        row_parts = [*lazy.maps, *lazy.fresh]
        if self._rewrite:  # the row-backed parts write themselves
            conn.execute("DELETE FROM resolver_rows WHERE stage = ? AND part NOT IN ({})".format(
                ",".join("?" * len(row_parts))), (self.stage, *row_parts))
            self._saved.clear()
        for part in lazy.fresh:  # a plain dict becomes row-backed: written whole
            conn.execute("DELETE FROM resolver_rows WHERE stage = ? AND part = ?", (self.stage, part))
        if lazy.fresh and self._saved:
            self._saved = {r: m for r, m in self._saved.items() if _part_and_key(r)[0] not in lazy.fresh}
        # The last save's rows are taken out as this one reads them: what is left at the end
        # is gone. Until the save ends the bookkeeping is half old, half new.
        last_saved, self._saved = self._saved, {}
        self._rewrite = True
        write: list[tuple[str, str, bytes, int, bytes]] = []
        written = written_bytes = total = 0
        counts: dict[str, int] = {}

        def flush() -> None:
            _write(conn, write)
            write.clear()

        for part, items in parts.items():
            last = -1
            n = 0
            for key, data in items:
                n += 1
                row = _row_key(part, key)
                old = last_saved.pop(row, None)
                # Order: a key keeps its place while it stays after the ones before it;
                # one deleted and added again (now last in its dict) takes a new place.
                if old is not None and old >> 128 > last:
                    seq = old >> 128
                else:
                    seq = self._next
                    self._next += 1
                last = seq
                mark = _mark(seq, data)
                total += len(data)
                if part not in lazy.fresh:  # row-backed parts keep no bookkeeping here
                    self._saved[row] = mark
                if old != mark:
                    write.append((self.stage, part, key, seq, data))
                    written += 1
                    written_bytes += len(data)
                    if len(write) >= WRITE_CHUNK:
                        flush()
            if n:
                counts[part] = n
        flush()
        conn.executemany("DELETE FROM resolver_rows WHERE stage = ? AND part = ? AND key = ?",
                         [(self.stage, *_part_and_key(row)) for row in last_saved])
        self.last_save = (written, len(self._saved) - written, written_bytes, total)
        maps: list[RowMap | RowList] = []
        for part, m in lazy.maps.items():
            m.spill()
            maps.append(m)
            if len(m):
                counts[part] = len(m)
        for part, (owner, name, kind, factory) in lazy.fresh.items():
            # From now on the dict is read from its rows, not held whole.
            n = counts.get(part, 0)
            m = (RowList(self._conn, self.stage, part, n) if kind == "list"
                 else RowMap(self._conn, self.stage, part, kind, factory, n, self._new_seq))
            setattr(owner, name, m)
            maps.append(m)
        self._maps = maps
        conn.execute(
            "INSERT OR REPLACE INTO resolver_state (stage, data, updated) VALUES (?,?,?)",
            (self.stage, _pickle({"format": FORMAT, "layout": layout, "counts": counts}),
             datetime.now(UTC).isoformat(timespec="seconds")))
        self._rewrite = False
