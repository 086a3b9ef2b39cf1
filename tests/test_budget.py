"""The per-document budget: time and memory, checked cooperatively (newsgraph.budget)."""

from __future__ import annotations

import pytest

from newsgraph import budget as budget_module
from newsgraph.budget import Budget, BudgetExceeded, resident_bytes


def test_time_over_the_budget_raises_E304_naming_the_stage(monkeypatch):
    clock = [100.0]
    monkeypatch.setattr(budget_module, "clock", lambda: clock[0])
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


def test_extractors_check_the_budget_inside_their_loops_and_an_overrun_is_not_swallowed(monkeypatch):
    from newsgraph.facts import extract_facts
    from newsgraph.model import Document
    from newsgraph.nlp import time as nlp_time
    from newsgraph.nlp.annotate import annotate

    text = ("The talks began on Monday 1 March 2021 and went on until Friday. On 3 March the union "
            "said it would meet again on 10 March, and on 12 March it did.")
    (adoc,) = annotate([Document(id="d", path="d.txt", text=text, language="en", published="2021-03-15")])
    clock = [0.0]
    monkeypatch.setattr(budget_module, "clock", lambda: clock[0])
    real = nlp_time.normalise_text

    def slow(*args, **kwargs):  # each time expression "takes" ten seconds
        clock[0] += 10
        return real(*args, **kwargs)

    monkeypatch.setattr(nlp_time, "normalise_text", slow)
    with pytest.raises(BudgetExceeded) as err:
        extract_facts(adoc, Budget(seconds=25, memory_bytes=0, path="d.txt"))
    assert "time normalisation" in err.value.reason  # stopped in the loop, not after it
    assert clock[0] <= 40
    assert extract_facts(adoc).times  # without a budget nothing is checked
