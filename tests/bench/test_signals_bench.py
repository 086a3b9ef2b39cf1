"""The signals benchmark's command line (newsgraph.bench.signals): options reach the run."""

from __future__ import annotations

from typing import Any

import newsgraph.bench.signals as bench


def _capture(monkeypatch) -> dict[str, Any]:
    seen: dict[str, Any] = {}

    def fake_run_stores(half, sizes, n, degraded, seeds=True):
        seen.update(half=half, sizes=sizes, n=n, degraded=degraded, seeds=seeds)
        return {"skipped": "captured"}

    monkeypatch.setattr(bench, "run_stores", fake_run_stores)
    return seen


def test_bench_signals_stores_honours_no_seeds(monkeypatch, capsys):
    seen = _capture(monkeypatch)
    assert bench.main(["--stores", "--no-seeds", "--half", "dev", "--store-sizes", "4,50", "--degraded", "300"]) == 0
    assert seen == {"half": "dev", "sizes": (4, 50), "n": 300, "degraded": 300, "seeds": False}
    assert "captured" in capsys.readouterr().out


def test_bench_signals_stores_scores_the_seeds_by_default(monkeypatch):
    seen = _capture(monkeypatch)
    bench.main(["--stores"])
    assert seen["seeds"] is True and seen["degraded"] == 150
