"""The per-document budget: time and memory, checked cooperatively (newsgraph.budget)."""

from __future__ import annotations

import pytest

from newsgraph import budget as budget_module
from newsgraph.budget import Budget, BudgetExceeded, resident_bytes


def test_time_over_the_budget_raises_E304_naming_the_stage(monkeypatch):
    clock = [100.0]
    monkeypatch.setattr(budget_module, "_clock", lambda: clock[0])
    b = Budget(seconds=5, memory_bytes=0, path="a.txt")
    b.check("annotation")
    clock[0] += 6
    with pytest.raises(BudgetExceeded) as err:
        b.check("claim extraction")
    assert err.value.code == "E304" and err.value.path == "a.txt"
    assert "6.0 s" in err.value.reason and "claim extraction" in err.value.reason


def test_growth_of_the_process_over_the_budget_raises(monkeypatch):
    rss = [1_000_000_000]
    monkeypatch.setattr(budget_module, "resident_bytes", lambda: rss[0])
    b = Budget(seconds=0, memory_bytes=200 * 2**20)
    rss[0] += 100 * 2**20
    b.check("annotation")
    rss[0] += 200 * 2**20
    with pytest.raises(BudgetExceeded) as err:
        b.check("event extraction")
    assert "grew by 300 MB" in err.value.reason


def test_zero_switches_a_limit_off_and_the_process_size_is_read():
    Budget(seconds=0, memory_bytes=0).check("anything")
    assert resident_bytes() > 10 * 2**20
