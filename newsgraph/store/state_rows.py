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
"""

from __future__ import annotations

import hashlib
import pickle
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import numpy as np

__all__ = ["MAX_DEPTH", "MIN_ITEMS", "StateRows"]

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


def _objects(value: Any) -> list[dict[str, Any]] | None:
    """The states of a short list's items when every item is a plain object of its own."""
    if type(value) is not list or not value or len({id(v) for v in value}) != len(value):
        return None
    states = [_state_of(v) for v in value]
    return None if any(s is None for s in states) else states  # type: ignore[return-value]


def _split(obj: Any, state: dict[str, Any], path: str, depth: int,
           parts: dict[str, Iterator[tuple[bytes, bytes]]]) -> dict[str, Any]:
    """The layout of ``obj`` with its large containers moved to ``parts`` (by path)."""
    rest: dict[str, Any] = {}
    split: dict[str, tuple[str, Any]] = {}
    children: dict[str, dict[str, Any]] = {}
    lists: dict[str, list[dict[str, Any]]] = {}
    methods: dict[str, str] = {}
    for name, value in state.items():
        where = f"{path}/{name}"
        if getattr(value, "__self__", None) is obj and hasattr(value, "__func__"):
            # a method of the object itself (pickle saves the object again): bound anew
            methods[name] = value.__func__.__name__
            continue
        kind = _container(value)
        if kind is not None and len(value) >= MIN_ITEMS:
            split[name] = kind
            parts[where] = _items(value, kind[0])
            continue
        inner = _state_of(value) if depth < MAX_DEPTH else None
        items = _objects(value) if depth < MAX_DEPTH and inner is None else None
        if inner is not None:
            children[name] = _split(value, inner, where, depth + 1, parts)
        elif items is not None:
            lists[name] = [_split(v, s, f"{where}/{i}", depth + 1, parts)
                           for i, (v, s) in enumerate(zip(value, items, strict=True))]
        else:
            rest[name] = value
    return {"cls": type(obj), "order": list(state), "rest": rest, "split": split,
            "children": children, "lists": lists, "methods": methods}


def _join(layout: dict[str, Any], path: str, rows: dict[str, list[tuple[bytes, bytes]]]) -> Any:
    cls = layout["cls"]
    obj = cls.__new__(cls)
    parts = dict(layout["rest"])
    for name, (kind, how) in layout["split"].items():
        parts[name] = _rebuild(kind, how, rows.get(f"{path}/{name}", []))
    for name, child in layout["children"].items():
        parts[name] = _join(child, f"{path}/{name}", rows)
    for name, items in layout["lists"].items():
        parts[name] = [_join(child, f"{path}/{name}/{i}", rows) for i, child in enumerate(items)]
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
        if not (isinstance(head, dict) and head.get("format") == FORMAT):
            return head  # saved whole by an earlier version: rows from the next save on
        rows: dict[str, list[tuple[bytes, bytes]]] = {}
        for part, key, seq, data in self._conn().execute(
                "SELECT part, key, seq, data FROM resolver_rows WHERE stage = ? ORDER BY part, seq",
                (self.stage,)):
            rows.setdefault(part, []).append((key, data))
            self._saved[_row_key(part, key)] = _mark(seq, data)
            self._next = max(self._next, seq + 1)
        found = {part: len(items) for part, items in rows.items()}
        if found != head["counts"]:  # rows lost or left over: no silent partial state
            self._saved.clear()
            raise ValueError(f"resolver rows of {self.stage!r} do not match their layout")
        obj = _join(head["layout"], "", rows)
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

    def save(self, obj: Any) -> None:
        """Save ``obj``: its rest whole, its items that changed since the last save."""
        state = _state_of(obj)
        if state is None:
            raise TypeError(f"{type(obj).__name__} is not a plain object: its state cannot be split")
        parts: dict[str, Iterator[tuple[bytes, bytes]]] = {}
        layout = _split(obj, state, "", 0, parts)
        conn = self._conn()
        if self._rewrite:
            conn.execute("DELETE FROM resolver_rows WHERE stage = ?", (self.stage,))
            self._saved.clear()
        # The last save's rows are taken out as this one reads them: what is left at the end
        # is gone. Until the save ends the bookkeeping is half old, half new.
        last_saved, self._saved = self._saved, {}
        self._rewrite = True
        write: list[tuple[str, str, bytes, int, bytes]] = []
        written = written_bytes = total = 0
        counts: dict[str, int] = {}

        def flush() -> None:
            conn.executemany("INSERT OR REPLACE INTO resolver_rows (stage, part, key, seq, data) "
                             "VALUES (?,?,?,?,?)", write)
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
        conn.execute(
            "INSERT OR REPLACE INTO resolver_state (stage, data, updated) VALUES (?,?,?)",
            (self.stage, _pickle({"format": FORMAT, "layout": layout, "counts": counts}),
             datetime.now(UTC).isoformat(timespec="seconds")))
        self._rewrite = False
        self.last_save = (written, len(self._saved) - written, written_bytes, total)
