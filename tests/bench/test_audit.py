"""The event-join audit's machinery (newsgraph/bench/audit.py): joins read from a store the
test builds from its own articles, a stable sample, judgements recorded without text."""

from __future__ import annotations

import json
from pathlib import Path

from newsgraph.bench.audit import Join, Side, audit, join_key, list_joins, load_judgements, record, sample

HERALD = {"title": "Bomb kills six at Velora bus station", "publisher": "Velora Herald", "date": "2022-03-08",
          "text": "A bomb exploded at the central bus station of Velora on Monday, killing six people and "
                  "wounding twenty, police said.\n\nPolice chief Anton Mirek said the bomb had been hidden "
                  "in a bag left near the ticket office. No group has claimed the attack.\n\nThe station "
                  "was closed for the rest of the day while investigators searched the area."}
COURIER = {"title": "Six dead in Velora station blast", "publisher": "Eastern Courier", "date": "2022-03-08",
           "text": "Six people died on Monday when a bomb went off in a bag at the main bus station in "
                   "Velora, the city's police chief Anton Mirek told reporters.\n\nWitnesses described "
                   "panic as travellers fled the building. Hospitals in Velora treated twenty wounded.\n\n"
                   "Mirek said investigators were studying footage from the station's cameras."}


def _join(i: int) -> Join:
    return Join(f"ev{i}", "ASSAULT", Side(f"d{i:02d}a", i, i + 4, "ASSAULT"), Side(f"d{i:02d}b", 0, 4, "ASSAULT"))


def test_the_sample_is_stable_when_joins_come_and_go():
    """A join's place in the sample depends on its own seeded rank only: a code change that
    removes joins keeps every surviving sampled join (and its judgement) in the sample, and
    new joins only enter by rank."""
    old = [_join(i) for i in range(40)]
    before = {j.key for j in sample(old, 10, 13)}
    survivors = old[::2]  # a change removed half the joins
    after = {j.key for j in sample(survivors, 10, 13)}
    assert before & {j.key for j in survivors} <= after
    grown = old + [_join(i) for i in range(100, 140)]
    assert {j.key for j in sample(grown, 10, 13)} <= before | {j.key for j in grown[40:]}
    assert {j.key for j in sample(old, 10, 13)} == before  # seeded: the same again


def test_joins_judgements_and_precision_on_a_store(tmp_path: Path, store):
    from newsgraph.pipeline import ingest

    src = tmp_path / "wire.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in (HERALD, COURIER)), encoding="utf-8")
    ingest([src], store)
    joins, skipped = list_joins(store)
    assert joins and skipped == 0
    assert all(j.a.doc != j.b.doc for j in joins)
    res = audit(store, 10, 13, tmp_path / "none.jsonl")
    assert res["judged"] == 0 and len(res["unjudged"]) == len(joins)
    pending = tmp_path / "pending.jsonl"
    lines = []
    for j in res["unjudged"]:
        assert "[[" in j.a.sentence and "[[" in j.b.sentence  # the evidence, for the judge
        lines.append({"event": j.event, "type": j.type, "commit": "abc",
                      "a": {"doc": j.a.doc, "start": j.a.start, "end": j.a.end, "type": j.a.type,
                            "title": j.a.title, "sentence": j.a.sentence},
                      "b": {"doc": j.b.doc, "start": j.b.start, "end": j.b.end, "type": j.b.type,
                            "title": j.b.title, "sentence": j.b.sentence},
                      "judgement": "same", "reason": "one bombing"})
    pending.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    judgements = tmp_path / "judged.jsonl"
    assert record(pending, judgements) == (len(lines), 0)
    stored = judgements.read_text(encoding="utf-8")
    assert "bus station" not in stored and "sentence" not in stored and "title" not in stored  # no text
    assert set(load_judgements(judgements)) == {j.key for j in joins}
    res = audit(store, 10, 13, judgements)
    assert res["precision"] == 1.0 and res["by_commit"] == {"abc": len(lines)} and not res["unjudged"]


def test_join_keys_ignore_side_order():
    assert join_key("a:1-2", "b:3-4") == join_key("b:3-4", "a:1-2")
