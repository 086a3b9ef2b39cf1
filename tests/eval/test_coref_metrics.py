"""Coreference metrics against hand-computed examples.

The first case is the worked example of Pradhan et al. (2014), "Scoring Coreference
Partitions of Predicted Mentions", Figure 1: key {a,b,c} {d,e,f,g}; response {a,b}
{c,d} {f,g,h,i}.
"""

from __future__ import annotations

import pytest

from newsgraph.eval.coref_metrics import b_cubed, ceaf_e, clusters_from_labels, conll, evaluate, muc

KEY = [{"a", "b", "c"}, {"d", "e", "f", "g"}]
RESPONSE = [{"a", "b"}, {"c", "d"}, {"f", "g", "h", "i"}]


def test_coref_metrics_muc_pradhan_example() -> None:
    s = muc(KEY, RESPONSE)
    assert s.recall == pytest.approx(2 / 5)
    assert s.precision == pytest.approx(2 / 5)


def test_coref_metrics_b3_pradhan_example() -> None:
    s = b_cubed(KEY, RESPONSE)
    assert s.recall == pytest.approx((5 / 3 + 5 / 4) / 7)  # 0.4167
    assert s.precision == pytest.approx((2 + 1 + 1) / 8)  # 0.5


def test_coref_metrics_ceafe_pradhan_example() -> None:
    s = ceaf_e(KEY, RESPONSE)
    # best alignment: {a,b,c}–{a,b} (φ4 = 4/5) and {d,e,f,g}–{f,g,h,i} (φ4 = 4/8)
    assert s.recall == pytest.approx(1.3 / 2)
    assert s.precision == pytest.approx(1.3 / 3)


def test_coref_metrics_perfect_and_all_singletons() -> None:
    assert conll(KEY, KEY) == pytest.approx(1.0)
    singletons = [{m} for c in KEY for m in c]
    # No links at all: MUC 0; B³ recall = (3·1/3 + 4·1/4)/7 = 2/7, precision 1.
    assert muc(KEY, singletons).f1 == 0.0
    b3 = b_cubed(KEY, singletons)
    assert b3.recall == pytest.approx(2 / 7)
    assert b3.precision == pytest.approx(1.0)
    ce = ceaf_e(KEY, singletons)
    # Each key cluster aligns with one singleton: φ4 = 2/4 and 2/5.
    assert ce.recall == pytest.approx((2 / 4 + 2 / 5) / 2)
    assert ce.precision == pytest.approx((2 / 4 + 2 / 5) / 7)


def test_coref_metrics_one_big_cluster() -> None:
    everything = [{m for c in KEY for m in c}]
    s = muc(KEY, everything)
    assert s.recall == pytest.approx(1.0)
    assert s.precision == pytest.approx(5 / 6)


def test_coref_metrics_evaluate_and_labels() -> None:
    key = clusters_from_labels({"a": 1, "b": 1, "c": 1, "d": 2, "e": 2, "f": 2, "g": 2})
    scores = evaluate(key, RESPONSE)
    expected = (muc(KEY, RESPONSE).f1 + b_cubed(KEY, RESPONSE).f1 + ceaf_e(KEY, RESPONSE).f1) / 3
    assert scores["conll"] == pytest.approx(expected)
