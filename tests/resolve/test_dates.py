"""Cross-document date inference, pure functions: inverting a relative expression against an
event date, reconciling votes, re-normalising against a window."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.model.claims import ClaimSpan, TimeExpression
from newsgraph.resolve.dates import (
    DateVote,
    anchor_window,
    infer_from_votes,
    is_relative,
    renormalise,
    value_interval,
    window_value,
)

TUESDAY = dt.date(2015, 3, 3)
DAY = (TUESDAY, TUESDAY)


@pytest.mark.parametrize(
    ("expression", "lo", "hi"),
    [
        ("yesterday", "2015-03-04", "2015-03-04"),
        ("two days ago", "2015-03-05", "2015-03-05"),
        ("last week", "2015-03-09", "2015-03-15"),  # the ISO week after the one holding the 3rd
        ("on Tuesday", "2015-03-03", "2015-03-09"),  # the Tuesday on or before the report
        ("earlier this month", "2015-03-03", "2015-03-31"),  # same month, not before the event
        ("today", "2015-03-03", "2015-03-03"),
    ],
)
def test_dates_anchor_window_inverts_the_expression(expression: str, lo: str, hi: str) -> None:
    assert anchor_window(expression, DAY) == (dt.date.fromisoformat(lo), dt.date.fromisoformat(hi))


def test_dates_future_context_puts_the_report_before_the_event() -> None:
    assert anchor_window("tomorrow", DAY, future=True) == (dt.date(2015, 3, 2), dt.date(2015, 3, 2))


def test_dates_absolute_and_coarse_expressions_are_no_evidence() -> None:
    assert not is_relative("3 March 2015")
    assert not is_relative("last year")  # relative, but a year window dates nothing
    assert anchor_window("last year", DAY) is None
    assert anchor_window("in 2015", DAY) is None
    # An event dated only to a month and "last month": a 31-day window is the widest kept.
    month = (dt.date(2015, 3, 1), dt.date(2015, 3, 31))
    assert anchor_window("yesterday", month) == (dt.date(2015, 3, 2), dt.date(2015, 4, 1))


def test_dates_value_interval_and_window_value() -> None:
    assert value_interval("2015-W10", "week") == (dt.date(2015, 3, 2), dt.date(2015, 3, 8))
    assert value_interval("2015-02", "month") == (dt.date(2015, 2, 1), dt.date(2015, 2, 28))
    assert value_interval("2015", "year") is None
    assert window_value(TUESDAY, TUESDAY) == ("2015-03-03", "day")
    # A wider window is the partial date holding all of it (the contract's "published").
    assert window_value(TUESDAY, dt.date(2015, 3, 9)) == ("2015-03", "month")
    assert window_value(dt.date(2015, 3, 30), dt.date(2015, 4, 5)) == ("2015", "year")
    assert window_value(dt.date(2015, 12, 28), dt.date(2016, 1, 3)) == (None, None)


def _vote(lo: str, hi: str, source: str = "doc-b") -> DateVote:
    span = ClaimSpan(0, 9, "last week")
    return DateVote(span, span, "evm_1", "ev_1", source, "evm_2", "2015-03-03", "day", lo, hi)


def test_dates_agreeing_votes_narrow_the_window() -> None:
    got = infer_from_votes("doc-a", [_vote("2015-03-09", "2015-03-15"), _vote("2015-03-10", "2015-03-10")])
    assert (got.value, got.precision, got.reason) == ("2015-03-10", "day", "agreeing votes")
    week = infer_from_votes("doc-a", [_vote("2015-03-09", "2015-03-15")])
    assert (week.value, week.precision, week.lo, week.hi) == ("2015-03", "month", "2015-03-09", "2015-03-15")
    new_year = infer_from_votes("doc-a", [_vote("2015-12-28", "2016-01-03")])
    assert new_year.value is None and "New Year" in new_year.reason


def test_dates_conflicting_votes_leave_the_date_null_with_a_reason() -> None:
    got = infer_from_votes("doc-a", [_vote("2015-03-04", "2015-03-04", "doc-b"),
                                     _vote("2015-04-27", "2015-05-03", "doc-c")])
    assert got.value is None
    assert got.reason.startswith("votes disagree")
    assert "doc-b" in got.reason and "doc-c" in got.reason
    assert len(got.votes) == 2


def test_dates_latest_mentioned_date_bounds_the_window() -> None:
    got = infer_from_votes("doc-a", [_vote("2015-03-09", "2015-03-15")], not_before="2015-03-12")
    assert (got.value, got.lo, got.hi) == ("2015-03", "2015-03-12", "2015-03-15")
    assert infer_from_votes("doc-a", [_vote("2015-03-09", "2015-03-15")], "2015-04-01").value is None
    assert infer_from_votes("doc-a", []).reason == "no vote"
    # A partial bound holds from its first day (a month mentioned, "September 2004").
    later = infer_from_votes("doc-a", [_vote("2015-03-09", "2015-04-05")], not_before="2015-04")
    assert (later.value, later.lo, later.hi) == ("2015-04", "2015-04-01", "2015-04-05")
    assert infer_from_votes("doc-a", [_vote("2015-03-09", "2015-03-15")], "2016").value is None


def test_dates_renormalise_keeps_only_what_the_window_decides() -> None:
    times = [
        TimeExpression(0, 9, "yesterday", None, None, "none", "deictic"),
        TimeExpression(20, 29, "last year", None, None, "none", "dateparser"),
        TimeExpression(40, 48, "May 2009", "2009-05", "month", "absolute", "dateparser"),
    ]
    day = renormalise(times, (dt.date(2015, 3, 10), dt.date(2015, 3, 10)), lambda _: False)
    assert [(t.value, t.anchored_to) for t in day] == [
        ("2015-03-09", "inferred"), ("2014", "inferred"), ("2009-05", "absolute")]
    week = renormalise(times, (dt.date(2015, 3, 9), dt.date(2015, 3, 15)), lambda _: False)
    assert week[0].value is None and week[0].rule.endswith("window-ambiguous")
    assert week[1].value == "2014"  # the same wherever the date falls in the week
    undone = renormalise(day, None, lambda _: False)
    assert undone[0].value is None and undone[2].value == "2009-05"
