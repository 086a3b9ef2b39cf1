"""``newsgraph bench french-ner``: its scoring (strict and overlap, per type) on spans the
test writes, and a tiny run on the shared data when it is there."""

from __future__ import annotations

import pytest

from newsgraph.bench import french_ner, shared_dir


def test_strict_needs_the_exact_span_and_overlap_a_shared_character_of_the_same_type():
    gold = [[(0, 6, "LOC"), (10, 22, "PER"), (30, 35, "ORG")]]
    pred = [[(0, 6, "LOC"), (13, 22, "PER"), (30, 35, "LOC"), (40, 44, "MISC")]]
    scores = french_ner.score(gold, pred)
    assert scores["strict:LOC"]["p"] == 0.5 and scores["strict:LOC"]["r"] == 1.0
    assert scores["strict:PER"]["f1"] == 0.0 and scores["overlap:PER"]["f1"] == 1.0
    assert scores["overlap:ORG"]["r"] == 0.0  # the right span with the wrong type
    assert scores["strict:all"]["p"] == 0.25 and scores["strict:all"]["r"] == pytest.approx(1 / 3)


@pytest.mark.skipif(not (shared_dir() / "data" / "multilingual" / "winer-fr").is_dir(),
                    reason="WiNER-fr not in ../shared/data/multilingual")
def test_a_tiny_run_scores_both_arms():
    result = french_ner.run(years=("2016",), hipe=(), limit=2, throughput=False)
    (res,) = result["scores"].values()
    assert res["spacy"]["strict:all"]["gold"] > 0 and 0.0 <= res["pipeline"]["strict:all"]["f1"] <= 1.0
    assert result["time"]["gold"] >= 0
