"""Resolver state as rows (store/state_rows.py): the object comes back as pickle would give
it, and a save writes only the items that changed."""

from __future__ import annotations

import pickle
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
import pytest

from newsgraph.store import Store
from newsgraph.store import state_rows as sr
from newsgraph.store.state_rows import StateRows


class Holder:
    """A plain object like a resolver: big containers, small values, a nested object."""

    def __init__(self, n: int) -> None:
        self.clusters = {f"ev{i}": {"lemmas": [f"w{i}"], "n": i} for i in range(n)}
        self.index: defaultdict[str, list[str]] = defaultdict(list)
        for i in range(n):
            self.index[f"k{i % 7}"].append(f"ev{i}")
        self.df = Counter({f"w{i}": i + 1 for i in range(n)})
        self.sums = np.arange(n * 4, dtype=np.float32).reshape(n, 4)
        self.order = [f"d{i}" for i in range(n)]
        self.small = {"a": 1}
        self.version = 3
        self.inner = Inner(n)
        self.tables = [Inner(n + i) for i in range(3)]  # a short list of objects, as an LSH's tables
        self.hasher = self.hash  # a method of itself, as an LSH keeps its hash function

    def hash(self, value: str) -> int:
        return len(value) + len(self.order)


class Inner:
    def __init__(self, n: int) -> None:
        self.of = {f"d{i}": i for i in range(n)}
        self.label = "inner"


class Custom:
    """State through __getstate__/__setstate__, as the event resolver does it."""

    def __init__(self, n: int) -> None:
        self.items = {i: str(i) for i in range(n)}
        self.cache = {"dropped": True}

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state.pop("cache")
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self.cache = {}


def _tree(x: object, stack: set[int] | None = None) -> object:
    """``x`` as nested tuples of its values, in their order (a set's members sorted),
    whatever object is shared between two places (pickle's own bytes differ on that alone)."""
    stack = set() if stack is None else stack
    if isinstance(x, sr.RowMap | sr.RowList):  # served from its rows: compare the items it serves
        make, args = x.__reduce__()
        x = make(*args)
    if x is None or isinstance(x, str | bytes | bool | int):
        return x
    if isinstance(x, float):
        return ("float", x.hex())
    if isinstance(x, type) or (callable(x) and hasattr(x, "__qualname__")):
        return ("ref", getattr(x, "__module__", ""), x.__qualname__)
    if id(x) in stack:
        return ("cycle",)
    stack.add(id(x))
    try:
        if isinstance(x, np.ndarray):
            return ("array", x.dtype.str, x.shape, x.tobytes())
        if type(x) in (list, tuple):
            return (type(x).__name__, [_tree(v, stack) for v in x])
        if type(x) in (set, frozenset):
            # a set's order after loading depends on the order it was built in, for a
            # whole pickle as much as for rows: compare its members
            return (type(x).__name__, sorted(repr(_tree(v, stack)) for v in x))
        if isinstance(x, dict):
            return (type(x).__name__, _tree(getattr(x, "default_factory", None), stack),
                    [(_tree(k, stack), _tree(v, stack)) for k, v in x.items()])
        return ("obj", *[_tree(part, stack) if not hasattr(part, "__next__") else
                         [_tree(v, stack) for v in part] for part in x.__reduce_ex__(5)])
    finally:
        stack.discard(id(x))


def _same(a: object, b: object) -> bool:
    # a pickle round trip on the left too: sets and dicts rebuilt the way loading does
    return _tree(pickle.loads(pickle.dumps(a))) == _tree(b)


@pytest.fixture()
def rows(tmp_path: Path):
    with Store(tmp_path / "s.db") as store:
        yield store, StateRows(lambda: store.conn, "holder")


def _count(store: Store) -> int:
    return store.conn.execute("SELECT count(*) FROM resolver_rows").fetchone()[0]


def test_round_trip_is_what_pickle_gives(rows) -> None:
    store, state = rows
    obj = Holder(40)
    state.save(obj)
    # clusters, df, sums rows, order, inner.of, the tables' of (index: 7 keys, kept whole)
    assert _count(store) == 40 * 5 + 40 + 41 + 42
    back = StateRows(lambda: store.conn, "holder").load()
    assert _same(obj, back)
    assert back.index.default_factory is list and type(back.df) is Counter
    assert back.sums.dtype == np.float32 and back.sums.shape == (40, 4) and back.sums.flags.writeable
    assert back.hasher.__self__ is back and back.hasher("abc") == 43
    assert [len(t.of) for t in back.tables] == [40, 41, 42]
    head = store.conn.execute("SELECT length(data) FROM resolver_state WHERE stage = 'holder'").fetchone()[0]
    assert head < len(pickle.dumps(obj)) / 4  # the rest is small


def test_custom_getstate_and_setstate_are_used(rows) -> None:
    store, state = rows
    obj = Custom(50)
    state.save(obj)
    back = StateRows(lambda: store.conn, "holder").load()
    assert back.items == obj.items and back.cache == {}


def test_a_save_writes_only_what_changed(rows) -> None:
    store, state = rows
    obj = Holder(40)
    state.save(obj)
    total = state.last_save[0]
    state.save(obj)
    assert state.last_save[:3] == (0, total, 0)  # nothing changed: nothing written
    obj.clusters["ev3"]["n"] = 99
    obj.sums[5] += 1
    obj.clusters["ev_new"] = {"lemmas": [], "n": 0}
    del obj.clusters["ev7"]
    state.save(obj)
    assert state.last_save[0] == 3  # ev3, ev_new, one row of sums
    assert _count(store) == total + 1 - 1
    assert _same(obj, StateRows(lambda: store.conn, "holder").load())


def test_an_item_loaded_and_left_alone_is_not_written_again(rows) -> None:
    store, state = rows
    obj = Holder(40)
    obj.tags = {f"t{i}": {f"w{j}" for j in range(40)} for i in range(40)}  # sets: order varies by process
    state.save(obj)
    again = StateRows(lambda: store.conn, "holder")
    back = again.load()
    back.clusters["ev1"]["n"] = -1
    again.save(back)
    assert again.last_save[0] == 1


def test_dict_order_survives_deletes_and_reinsertions(rows) -> None:
    store, state = rows
    obj = Holder(40)
    state.save(obj)
    value = obj.clusters.pop("ev2")
    obj.clusters["ev2"] = value  # now last
    del obj.clusters["ev0"]
    obj.clusters["ev0"] = {"lemmas": ["again"], "n": -1}
    state.save(obj)
    again = StateRows(lambda: store.conn, "holder")
    back = again.load()
    assert list(back.clusters) == list(obj.clusters)
    back.clusters.pop("ev5")
    back.clusters["ev5"] = {"lemmas": [], "n": 5}
    again.save(back)  # a later run goes on from the loaded order
    assert list(StateRows(lambda: store.conn, "holder").load().clusters) == list(back.clusters)


def test_a_container_that_shrinks_below_the_split_goes_back_to_the_rest(rows) -> None:
    store, state = rows
    obj = Holder(40)
    state.save(obj)
    obj.order = obj.order[:3]
    state.save(obj)
    assert not store.conn.execute("SELECT 1 FROM resolver_rows WHERE part = '/order'").fetchone()
    assert StateRows(lambda: store.conn, "holder").load().order == obj.order


def test_a_state_pickled_whole_still_loads_and_is_saved_as_rows(rows) -> None:
    store, state = rows
    obj = Holder(40)
    store.conn.execute("INSERT INTO resolver_state (stage, data, updated) VALUES ('holder', ?, '')",
                       (pickle.dumps(obj),))
    back = state.load()
    assert _same(obj, back) and _count(store) == 0
    state.save(back)
    assert _count(store) > 0 and _same(obj, StateRows(lambda: store.conn, "holder").load())


def test_a_save_failed_half_way_is_followed_by_a_whole_one(rows) -> None:
    """A save streams its rows; one that fails part-way (an item pickle refuses) leaves no
    bookkeeping to trust, so the next save rewrites every row and the state loads whole."""
    import threading

    store, state = rows
    obj = Holder(40)
    state.save(obj)
    obj.clusters["ev39"]["n"] = threading.Lock()  # pickled after most rows were read
    obj.order.append("d40")
    with pytest.raises(TypeError):
        state.save(obj)
    obj.clusters["ev39"]["n"] = 39
    state.save(obj)
    assert state.last_save[1] == 0  # nothing taken as already written
    assert _same(obj, StateRows(lambda: store.conn, "holder").load())
    state.save(obj)
    assert state.last_save[0] == 0


def test_rows_lost_make_the_state_unreadable_not_partial(rows) -> None:
    store, state = rows
    state.save(Holder(40))
    store.conn.execute("DELETE FROM resolver_rows WHERE part = '/order' AND seq = "
                       "(SELECT min(seq) FROM resolver_rows WHERE part = '/order')")
    with pytest.raises(ValueError, match="do not match"):
        StateRows(lambda: store.conn, "holder").load()


ARTICLES = [
    ("Harbour workers strike in Port Anselm\n\nMirela Dostan, who leads the Anselm Harbour "
     "Workers Union, called a strike at Port Anselm on Monday. The Veloria Port Authority said "
     "it would meet the union on Tuesday.\n"),
    ("Port Anselm strike enters second day\n\nThe strike at Port Anselm entered its second day "
     "on Tuesday. Mirela Dostan told reporters the union would not back down, and the Veloria "
     "Port Authority said talks would begin on Wednesday.\n"),
    ("Flooding closes roads in Tarnovia\n\nHeavy rain flooded the main road between Tarnovia and "
     "Ostrel on Sunday, police said. The Tarnovia road agency closed two bridges.\n"),
]


def test_the_resolvers_of_an_ingest_come_back_as_pickle_gives_them(tmp_path: Path, monkeypatch) -> None:
    from newsgraph.pipeline import ingest
    from newsgraph.resolve_job import EVENT_STATE, STORY_STATE, CorpusResolver

    monkeypatch.setattr(sr, "MIN_ITEMS", 2)  # a small corpus: split every container
    for i, text in enumerate(ARTICLES):
        (tmp_path / f"a{i}.txt").write_text(text)
    with Store(tmp_path / "s.db") as store:
        ingest([tmp_path], store)
        assert _count(store) > 0
        corpus = CorpusResolver(store)
        corpus.events.set_entity_lookup(None)  # the lookup reads the store: not state
        for stage, obj in ((EVENT_STATE, corpus.events), (STORY_STATE, corpus.stories)):
            loaded = pickle.loads(pickle.dumps(obj))  # what a whole pickle gives back
            rows = StateRows(lambda: store.conn, stage)
            with store.transaction():
                rows.save(loaded)
            again = rows.load()
            assert _same(obj, again), stage


def _mutables(x: object, seen: set[int]) -> set[int]:
    """Ids of the mutable objects reachable from ``x``: containers, arrays, instances of
    classes of our own or other libraries (not None, numbers, strings, tuples, dtypes)."""
    import gc
    import types

    out: set[int] = set()
    stack = [x]
    while stack:
        o = stack.pop()
        if id(o) in seen or isinstance(o, str | bytes | int | float | type | types.ModuleType
                                       | types.FunctionType | types.BuiltinFunctionType):
            continue
        seen.add(id(o))
        if isinstance(o, dict | list | set | bytearray | np.ndarray) or (
                type(o).__module__ not in ("builtins", "numpy") and not isinstance(o, np.generic)):
            out.add(id(o))
        stack.extend(gc.get_referents(o))
    return out


def test_no_object_of_a_real_resolver_is_shared_between_two_rows(tmp_path: Path, monkeypatch) -> None:
    """Items are pickled one by one: an object reachable from two of them (or from one and
    the pickled rest) would come back as two copies."""
    from newsgraph.pipeline import ingest
    from newsgraph.resolve_job import CorpusResolver

    monkeypatch.setattr(sr, "MIN_ITEMS", 2)
    for i, text in enumerate(ARTICLES):
        (tmp_path / f"a{i}.txt").write_text(text)
    with Store(tmp_path / "s.db") as store:
        ingest([tmp_path], store)
        corpus = CorpusResolver(store)
        corpus.events.set_entity_lookup(None)
        for obj in (corpus.events, corpus.stories):
            values: list[object] = []
            real = sr._items

            def record(value: object, kind: str, real=real, values=values) -> list[tuple[bytes, bytes]]:
                if kind != "array":
                    values.extend(value.values() if isinstance(value, dict) else value)  # type: ignore[attr-defined]
                return real(value, kind)

            monkeypatch.setattr(sr, "_items", record)
            layout = sr._split(obj, sr._state_of(obj), "", 0, {})
            monkeypatch.setattr(sr, "_items", real)

            def rests(node: dict) -> list[object]:
                return [*node["rest"].values(), *(v for c in node["children"].values() for v in rests(c)),
                        *(v for items in node["lists"].values() for c in items for v in rests(c))]

            owner: dict[int, int] = {}
            for n, value in enumerate([rests(layout), *values]):
                for i in _mutables(value, set()):
                    assert owner.setdefault(i, n) == n, f"{type(obj).__name__}: an object in two rows"


class Backed:
    """An owner that names dicts a store may serve from rows, one of them inside an object
    it holds (as the story index names its LSH's band tables)."""

    ROW_BACKED = ("clusters", "index", "inner/of", "centroids")

    def __init__(self, n: int) -> None:
        self.clusters = {f"ev{i}": {"n": i} for i in range(n)}
        self.index: defaultdict[str, list[str]] = defaultdict(list)
        for i in range(n):
            self.index[f"k{i % 3}"].append(f"ev{i}")
        self.inner = Inner(n)
        self.small = {"kept": "whole"}
        self.centroids = [{"w": float(i)} for i in range(n)]


def test_a_row_backed_dict_is_read_from_its_rows_after_a_save(rows) -> None:
    store, state = rows
    obj = Backed(50)
    with store.transaction():
        state.save(obj)
    assert isinstance(obj.clusters, sr.RowMap) and isinstance(obj.inner.of, sr.RowMap)
    assert isinstance(obj.small, dict)
    assert len(obj.clusters) == 50 and obj.clusters["ev7"] == {"n": 7}
    assert "ev49" in obj.clusters and "ev50" not in obj.clusters
    assert obj.clusters.get("nope") is None and "nope" not in obj.clusters  # get adds nothing
    obj.index["k9"].append("ev9")  # a defaultdict's missing key: created, as a defaultdict does
    obj.clusters["ev7"]["n"] = 70  # changed in place
    del obj.clusters["ev3"]
    obj.clusters["ev3"] = {"n": 3}  # back again: last in order, as in a dict
    assert obj.clusters.pop("ev4") == {"n": 4} and obj.clusters.pop("ev4", None) is None
    assert obj.clusters.setdefault("ev5", {}) == {"n": 5}
    with store.transaction():
        assert state.spill() == 3  # ev7, ev3 and the new key of index; ev4's row deleted
    assert list(obj.clusters)[-1] == "ev3" and len(obj.clusters) == 49
    with store.transaction():
        state.save(obj)
    again = StateRows(lambda: store.conn, "holder").load()
    assert isinstance(again.clusters, sr.RowMap)
    assert dict(again.clusters.items()) == dict(obj.clusters.items())
    assert list(again.clusters) == list(obj.clusters)
    assert again.clusters["ev7"] == {"n": 70} and again.index["k9"] == ["ev9"]
    assert again.inner.of == {f"d{i}": i for i in range(50)}
    whole = pickle.loads(pickle.dumps(again))  # a whole pickle gives the plain dicts back
    assert type(whole.clusters) is dict and type(whole.index) is defaultdict
    assert whole.index.default_factory is list and whole.clusters == dict(obj.clusters.items())


def test_rows_spilled_in_a_unit_rolled_back_leave_the_last_save(rows) -> None:
    """A killed ingest: what a batch spilled goes with the unit, the last save stands."""
    store, state = rows
    obj = Backed(40)
    with store.transaction():
        state.save(obj)
    with pytest.raises(RuntimeError), store.transaction():
        obj.clusters["ev1"]["n"] = -1
        obj.clusters["new"] = {"n": 99}
        state.spill()
        raise RuntimeError("killed")
    again = StateRows(lambda: store.conn, "holder").load()
    assert again.clusters["ev1"] == {"n": 1} and "new" not in again.clusters
    assert len(again.clusters) == 40


def test_a_row_backed_list_is_indexed_appended_and_set_from_its_rows(rows) -> None:
    store, state = rows
    obj = Backed(40)
    with store.transaction():
        state.save(obj)
    cents = obj.centroids
    assert isinstance(cents, sr.RowList) and len(cents) == 40
    assert cents[5] == {"w": 5.0} and cents[-1] == {"w": 39.0}
    cents[5]["w"] = 50.0  # changed in place
    cents[6] = {}
    cents.append({"w": 40.0})
    cents += [{"w": 41.0}]
    with pytest.raises(IndexError):
        cents[42]  # noqa: B018
    with store.transaction():
        assert state.spill() == 4
        state.save(obj)
    again = StateRows(lambda: store.conn, "holder").load()
    assert list(again.centroids) == [*({"w": float(i)} for i in range(5)), {"w": 50.0}, {},
                                     *({"w": float(i)} for i in range(7, 42))]
    assert pickle.loads(pickle.dumps(again)).centroids == list(again.centroids)


def test_an_item_only_peeked_at_is_not_pickled_again_at_the_spill(rows, monkeypatch) -> None:
    """A candidate scored and left alone: ``peek`` serves it without taking it as changed,
    so the spill does not pickle it to find out; an item read to be changed still is."""
    store, state = rows
    obj = Backed(50)
    with store.transaction():
        state.save(obj)
    assert obj.clusters.peek("ev7") == {"n": 7} and obj.clusters.peek("ev7") == {"n": 7}
    with pytest.raises(KeyError):
        obj.clusters.peek("nope")
    obj.clusters["ev8"]["n"] = 80
    pickled: list[object] = []
    real = sr._pickle
    monkeypatch.setattr(sr, "_pickle", lambda v: pickled.append(v) or real(v))
    with store.transaction():
        assert state.spill() == 1
    assert {"n": 80} in pickled and {"n": 7} not in pickled
    again = StateRows(lambda: store.conn, "holder").load()
    assert again.clusters["ev7"] == {"n": 7} and again.clusters["ev8"] == {"n": 80}


def test_a_list_item_only_peeked_at_is_not_pickled_again_at_the_spill(rows, monkeypatch) -> None:
    """The same for a row-backed list (a story's centroid read as a candidate)."""
    store, state = rows
    obj = Backed(40)
    with store.transaction():
        state.save(obj)
    cents = obj.centroids
    assert cents.peek(7) == {"w": 7.0} and cents.peek(-1) == {"w": 39.0}
    with pytest.raises(IndexError):
        cents.peek(40)
    cents[8]["w"] = 80.0  # read to be changed: written
    cents.peek(9)
    cents[9]["w"] = 90.0  # peeked, then read to be changed: written too
    pickled: list[object] = []
    real = sr._pickle
    monkeypatch.setattr(sr, "_pickle", lambda v: pickled.append(v) or real(v))
    with store.transaction():
        assert state.spill() == 2
    assert {"w": 7.0} not in pickled and {"w": 39.0} not in pickled
    again = StateRows(lambda: store.conn, "holder").load()
    assert again.centroids[7] == {"w": 7.0} and again.centroids[8] == {"w": 80.0}
    assert again.centroids[9] == {"w": 90.0}
