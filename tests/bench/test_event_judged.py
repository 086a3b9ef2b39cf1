"""The hand-judged event benchmark's bookkeeping, on records the test writes: judged
events count, events the code no longer produces are stale, new ones are unjudged."""

from __future__ import annotations

import json

from newsgraph.bench.event_judged import load_judgements, report, stratified
from newsgraph.bench.keyword_baseline import keyword_type


def _ev(doc: str, start: int, type_: str) -> dict:
    return {"doc": doc, "start": start, "end": start + 5, "type": type_, "mode": None, "trigger": "x",
            "sentence": "s", "actors": [], "targets": [], "rule": "r", "source": "bbc"}


def test_report_counts_judged_unjudged_and_stale(tmp_path, capsys):
    events = [_ev("a", 0, "ASSAULT"), _ev("a", 10, "ASSAULT"), _ev("b", 0, "AGREE"), _ev("b", 9, "DISASTER")]
    lines = [
        {**_ev("a", 0, "ASSAULT"), "judgement": "right"},
        {**_ev("a", 10, "ASSAULT"), "judgement": "no-event"},
        {**_ev("b", 0, "AGREE"), "judgement": "right"},
        {**_ev("c", 0, "PROTEST"), "judgement": "right"},  # the code no longer produces it
        {**_ev("b", 9, "ASSAULT"), "judgement": "right"},  # same trigger, the type changed since
    ]
    path = tmp_path / "j.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    population = {("a", 0, 5, "ASSAULT"), ("a", 10, 15, "ASSAULT"), ("b", 0, 5, "AGREE"), ("b", 9, 14, "ASSAULT")}
    res = report(events, load_judgements(path), population)
    assert res["judged"] == 3 and res["unjudged"] == 1 and res["stale_judgements"] == 2
    assert res["per_type"]["ASSAULT"] == {"n": 2, "precision": 0.5, "share": 2}
    assert res["plover_micro"] == 2 / 3
    # The trigger at b:9 was sampled as ASSAULT; the code now says DISASTER: new, not judged.
    assert res["new_since_sample"] == 1 and res["new_unjudged"] == 1
    assert "of which not judged: 1" in capsys.readouterr().out


def test_stratified_sample_is_seeded_and_covers_every_type():
    events = [_ev(f"d{i}", i, "AGREE") for i in range(200)] + [_ev(f"e{i}", i, "PROTEST") for i in range(3)]
    a, b = stratified(events, 20), stratified(events, 20)
    assert a == b and len(a) == 20
    assert sum(e["type"] == "PROTEST" for e in a) == 3


def test_keyword_baseline_takes_the_first_keyword(nlp):
    assert keyword_type(nlp("Police arrested three men after the attack.")) == ("COERCE", "arrest")
    assert keyword_type(nlp("Riot police fired tear gas.")) == ("PROTEST", "riot")  # words, not roles
    assert keyword_type(nlp("The weather was fine.")) is None


def test_halves_are_by_document_and_printed_with_thresholds(capsys):
    from newsgraph.bench.event_judged import half

    docs = [f"doc{i}" for i in range(40)]
    assert {half(d) for d in docs} == {"dev", "held-out"}
    assert all(half(d) == half(d) for d in docs)  # deterministic
    dev = next(d for d in docs if half(d) == "dev")
    events = [{**_ev(dev, 0, "ASSAULT"), "confidence": 0.9}, {**_ev(dev, 10, "ASSAULT"), "confidence": 0.4}]
    judged = {(dev, 0, 5, "ASSAULT"): {"type": "ASSAULT", "judgement": "right"},
              (dev, 10, 15, "ASSAULT"): {"type": "ASSAULT", "judgement": "no-event"}}
    res = report(events, judged)
    assert res["halves"]["dev"]["precision"] == 0.5 and res["halves"]["held-out"]["n"] == 0
    assert res["halves"]["dev"]["at_confidence"][0.5] == {"n": 1, "precision": 1.0}
    assert "PLOVER precision 0.500 (n=2" in capsys.readouterr().out


def test_fresh_set_keeps_development_documents_never_sampled(tmp_path):
    from newsgraph.bench.event_judged import fresh_paths, half
    from newsgraph.model.document import content_id

    files = []
    for i in range(30):
        p = tmp_path / f"a{i}.txt"
        p.write_text(f"Story number {i}.\n\nThe council met on Monday.\n", encoding="utf-8")
        files.append(p)
    copy = tmp_path / "copy.txt"
    copy.write_bytes(files[0].read_bytes())
    ids = [content_id(p.read_bytes()) for p in files]
    sampled = {ids[1], ids[2]}
    kept = fresh_paths([*files, copy], sampled)
    kept_ids = [content_id(p.read_bytes()) for p in kept]
    assert kept and all(half(d) == "dev" for d in kept_ids)
    assert not set(kept_ids) & sampled and len(kept_ids) == len(set(kept_ids))  # no copy twice
    assert set(kept_ids) == {d for d in ids if half(d) == "dev"} - sampled
