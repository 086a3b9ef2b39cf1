"""The story index keeps per-document text views and sentence vectors outside its pickle."""

from __future__ import annotations

import pickle
from pathlib import Path

from stories_texts import BOILERPLATE_BOTTOM, BOILERPLATE_TOP, ELECTION, FLOOD, FLOOD_SPUN, OTHER_FLOOD, doc

from newsgraph.pipeline import ingest
from newsgraph.resolve.stories import MemoryRecords, StoryIndex, link_documents
from newsgraph.resolve.stories import settings as S
from newsgraph.store import Store

# A sentence of FLOOD that no title, link evidence or key repeats.
FLOOD_SENTENCE = "Forecasters at the national weather office warned"


def _write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text)
    return folder


OLD = {"1_flood.txt": "River floods Marlow Bridge\n\n" + FLOOD,
       "2_election.txt": "Halden elects a new assembly\n\n" + ELECTION,
       "3_landslide.txt": "Landslides in Kestrel Valley\n\n" + OTHER_FLOOD}
NEW = {"4_spun.txt": "River floods Marlow Bridge\n\n" + FLOOD_SPUN,
       # a copy that moved paragraphs around and dropped two
       "5_aggregator.txt": "Marlow Bridge under water\n\n" + "\n\n".join(
           FLOOD.split("\n\n")[i] for i in (3, 0, 2, 1, 5))}


def _links(store: Store) -> set[tuple]:
    return {(r[0], r[1], r[2], r[3], r[4]) for r in store.conn.execute("SELECT a, b, kind, score, data FROM links")}


def test_reopened_store_links_a_new_copy_as_a_single_run_does(tmp_path: Path) -> None:
    old, new = _write(tmp_path / "old", OLD), _write(tmp_path / "new", NEW)
    with Store(tmp_path / "once.db") as s:  # everything in one run
        ingest([old, new], s)
        expected = _links(s)
    assert {r[2] for r in expected} >= {"copy", "spin"}

    for name, lose_records in (("reopened.db", False), ("rebuilt.db", True)):
        db = tmp_path / name
        with Store(db) as s:
            ingest([old], s)
            assert s.conn.execute("SELECT count(*) FROM story_vectors").fetchone()[0] == 3
            blob = s.conn.execute("SELECT data FROM resolver_state WHERE stage = 'stories'").fetchone()[0]
            # the pickled index holds no document text: views live in the store
            assert FLOOD_SENTENCE.encode() not in blob
            if lose_records:  # e.g. a store from before the table: rebuilt from the documents
                s.conn.execute("DELETE FROM story_vectors")
                s.conn.commit()
        with Store(db) as s:  # a later run: the index is unpickled, the records read lazily
            ingest([new], s)
            assert _links(s) == expected, name
            stored = {Path(r[0]).name for r in s.conn.execute(
                "SELECT d.path FROM story_vectors v JOIN documents d ON d.id = v.doc_id")}
            # new documents get their record; a lost one is rebuilt once it is a candidate
            assert stored >= {"1_flood.txt", *NEW}
            if not lose_records:
                assert len(stored) == 5


def test_pickled_index_does_not_grow_with_the_documents_text() -> None:
    def state(texts: list[str]) -> tuple[bytes, MemoryRecords]:
        records = MemoryRecords(pickled=False)  # an external store, as in a database
        index = StoryIndex(records=records)
        index.add([doc(f"d{i}", t, title=f"Report {i}") for i, t in enumerate(texts)])
        return pickle.dumps(index, protocol=5), records

    short, _ = state([ELECTION.split("\n\n")[0], OTHER_FLOOD.split("\n\n")[0]])
    long_texts = [ELECTION * 8, OTHER_FLOOD * 8]
    long, records = state(long_texts)
    assert ELECTION[:60].encode() not in long
    # 2 documents of ~20 KB more text each: the pickle grows by a small fraction of that
    # (its per-document parts have a fixed size), the records by the text's vectors
    assert len(long) - len(short) < 0.1 * sum(len(t) for t in long_texts)
    assert records.nbytes(text=False) > 20 * len(long_texts) * 256 * 4 // 2


def test_unpickled_index_with_a_small_cache_links_as_before(monkeypatch) -> None:
    index = StoryIndex(records=MemoryRecords(pickled=True))
    link_documents([doc("orig", FLOOD), doc("other", OTHER_FLOOD), doc("vote", ELECTION)], index)
    again = pickle.loads(pickle.dumps(index, protocol=5))
    monkeypatch.setattr(S, "RECORD_CACHE_DOCS", 1)  # every candidate is read back from its record
    fresh = StoryIndex()
    link_documents([doc("orig", FLOOD), doc("other", OTHER_FLOOD), doc("vote", ELECTION)], fresh)
    spun = doc("spun", FLOOD_SPUN)
    got = {(lk.a, lk.b): lk for lk in again.add([spun])}
    want = {(lk.a, lk.b): lk for lk in fresh.add([doc("spun", FLOOD_SPUN)])}
    assert got == want and got[("orig", "spun")].kind == "spin"
    assert again.stories() == fresh.stories()  # the clusterer pickled without derived arrays
    more = [doc("vote2", ELECTION.replace("Sunday", "Monday"), title="Halden votes")]
    assert again.add(more) == fresh.add([doc("vote2", ELECTION.replace("Sunday", "Monday"), title="Halden votes")])
    assert again.stories() == fresh.stories()


def test_index_pickled_with_its_views_moves_them_to_the_record_store() -> None:
    index = StoryIndex()
    link_documents([doc("orig", FLOOD), doc("vote", ELECTION)], index)
    # the layout before records: views and sentence vectors were attributes of the index
    state = index.__getstate__()
    records = state.pop("_records")
    state["views"] = {d: records.get(d).view() for d in ("orig", "vote")}
    state["sent_vecs"] = {d: records.get(d).vectors for d in ("orig", "vote")}
    legacy = StoryIndex.__new__(StoryIndex)
    legacy.__setstate__(state)
    target = MemoryRecords(pickled=False)
    legacy.attach(target)
    assert len(target) == 2
    links = legacy.add([doc("copy", BOILERPLATE_TOP + FLOOD + BOILERPLATE_BOTTOM)])
    assert [(lk.a, lk.kind) for lk in links if lk.kind == "copy"] == [("orig", "copy")]
