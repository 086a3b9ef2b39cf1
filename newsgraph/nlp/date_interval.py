"""A time expression as a calendar interval: ``normalise_date(text, published)`` ->
``(start, end, precision)``, for an event's date (event extraction) and for a date another
report lends a document (event resolution), so both read "last week" the same way.

The value itself comes from ``nlp.time.normalise_text``; this module owns turning it into
an interval (``calendar_interval``) and the document date relative expressions count
from (``document_anchor``: a full ISO day only).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from newsgraph.nlp.time import normalise_text

__all__ = ["calendar_interval", "document_anchor", "normalise_date"]


def document_anchor(published: str | None) -> dt.date | None:
    """The document date relative expressions count from: a full ISO day only (a month-
    or year-precise date would put "yesterday" on an invented day)."""
    if not published or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", published[:10]):
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def calendar_interval(value: str, precision: str) -> tuple[str, str, str] | None:
    """``(start, end, precision)`` of a normalised TIMEX value, or None for what is no
    calendar interval (durations, seasons, PAST_REF…)."""
    try:
        if precision in ("day", "time"):
            day = dt.date.fromisoformat(value[:10])
            return day.isoformat(), day.isoformat(), "day"
        if precision == "week":
            year, week = value.split("-W")
            monday = dt.date.fromisocalendar(int(year), int(week[:2]), 1)
            return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat(), "week"
        if precision == "month":
            y, m = int(value[:4]), int(value[5:7])
            last = calendar.monthrange(y, m)[1]
            return f"{y:04d}-{m:02d}-01", f"{y:04d}-{m:02d}-{last:02d}", "month"
        if precision == "year":
            y = int(value[:4])
            return f"{y:04d}-01-01", f"{y:04d}-12-31", "year"
        if precision == "decade":
            y = int(value[:3]) * 10
            return f"{y:04d}-01-01", f"{y + 9:04d}-12-31", "decade"
    except (ValueError, IndexError):
        return None
    return None


def normalise_date(
    text: str, published: str | None, *, future: bool = False, tense: str | None = None
) -> tuple[str, str, str] | None:
    """``(start, end, precision)`` of a time expression, or None.

    The value comes from ``nlp.time.normalise_text`` — the one normaliser the project
    has, so an event's date and the document's time expressions always agree ("on
    Saturday" in a Saturday paper is that day in both). Precision is ``day``,
    ``week``, ``month``, ``year`` or ``decade``.
    """
    value, precision, *_ = normalise_text(text, document_anchor(published), future=future, tense=tense)
    if value is None or precision is None:
        return None
    return calendar_interval(value, precision)
