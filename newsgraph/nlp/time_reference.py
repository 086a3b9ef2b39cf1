"""Anaphoric time expressions: "that day", "the following week", "a year earlier", resolved
against the last date the text mentioned.

Owns ``shift_value(value, unit, n)`` (calendar arithmetic on TimeML values of any
granularity) and ``resolve_anaphoric(text, reference) -> (value, precision, rule) | None``.

The reference time is what rule-based taggers track through a document (HeidelTime's
"UNDEF-REF" expressions, Strötgen & Gertz 2013): "On March 3 the army shelled the town.
The following day…" — the following day is March 4 whatever the document date.
``nlp.time.normalise_times`` carries the last calendar value it produced (a day, week,
month, quarter, half or year; never a duration or PRESENT_REF) from expression to
expression and hands it here; the document date is the reference before any date is
mentioned.

Financial reports speak of periods the same way: "the quarter" and "the year-earlier
quarter" are the quarter the report is about and the same quarter a year before, and "a
year earlier" after "the third quarter" is that quarter of the previous year, not a year.
So an expression's granularity follows its reference's where the text leaves it open.
dateparser has no notion of a reference other than its ``RELATIVE_BASE`` (the document
date), hence this module.
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["granularity", "resolve_anaphoric", "shift_value"]

_R = tuple[str, str, str]  # value, precision, rule

_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

#: A TIMEX3 calendar value's shape and its precision, most specific first.
_PRECISIONS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), name) for p, name in (
    (r"\d{4}-\d{2}-\d{2}T.*", "time"), (r"\d{4}-\d{2}-\d{2}", "day"), (r"\d{4}-W\d{2}", "week"),
    (r"\d{4}-\d{2}", "month"), (r"\d{4}-Q[1-4]", "quarter"), (r"\d{4}-H[12]", "half"),
    (r"\d{4}-(SP|SU|FA|WI)", "season"), (r"\d{4}", "year"),
))


def granularity(value: str | None) -> str | None:
    """``day``, ``time``, ``week``, ``month``, ``quarter``, ``half``, ``season`` or ``year``
    for a calendar value; None for durations, references and the unknown."""
    if not value:
        return None
    return next((precision for pattern, precision in _PRECISIONS if pattern.fullmatch(value)), None)


def _day(value: str) -> dt.date:
    return dt.date.fromisoformat(value[:10])


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def shift_value(value: str, unit: str, n: int) -> str | None:
    """``value`` moved by ``n`` ``unit``\\ s (day, week, month, quarter, year), kept at the
    value's own granularity where it is coarser than the unit ("1989-Q3" a year back is
    "1988-Q3"; "1989-10-26" a month on is "1989-11-26"). None when the move makes no
    sense at that granularity (a year-precise value a week later)."""
    g = granularity(value)
    if g is None:
        return None
    try:
        if g in ("day", "time"):
            d = _day(value)
            if unit in ("day", "week"):
                return (d + dt.timedelta(days=n * (7 if unit == "week" else 1))).isoformat()
            months = {"month": 1, "quarter": 3, "year": 12}[unit] * n
            y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
            day = min(d.day, [31, 29 if y % 4 == 0 and (y % 100 or y % 400 == 0) else 28, 31, 30, 31, 30,
                              31, 31, 30, 31, 30, 31][m])
            return dt.date(y, m + 1, day).isoformat()
        if g == "week":
            y, w = int(value[:4]), int(value[6:8])
            monday = dt.date.fromisocalendar(y, w, 1)
            if unit in ("day", "week"):
                return _week(monday + dt.timedelta(days=n * (7 if unit == "week" else 1)))
            if unit == "year":
                return f"{y + n}-W{w:02d}"
            return None
        if g == "month":
            months = {"month": 1, "quarter": 3, "year": 12}.get(unit)
            if months is None:
                return None
            y, m = divmod(int(value[:4]) * 12 + int(value[5:7]) - 1 + months * n, 12)
            return f"{y}-{m + 1:02d}"
        if g == "quarter":
            quarters = {"quarter": 1, "year": 4}.get(unit)
            if quarters is None:
                return None
            y, q = divmod(int(value[:4]) * 4 + int(value[6]) - 1 + quarters * n, 4)
            return f"{y}-Q{q + 1}"
        if g in ("half", "season"):
            return f"{int(value[:4]) + n}{value[4:]}" if unit == "year" else None
        if g == "year":
            return str(int(value) + n) if unit == "year" else None
    except (ValueError, KeyError, IndexError):
        return None
    return None


def _at(value: str, unit: str) -> str | None:
    """The ``unit`` holding ``value`` ("1989-10-26" as a month is "1989-10"); None when
    the value is coarser than the unit."""
    g = granularity(value)
    if g is None:
        return None
    if unit == "year":
        return value[:4]
    if unit == "month":
        return value[:7] if g in ("day", "time", "month") else None
    if unit == "week":
        return _week(_day(value)) if g in ("day", "time") else value if g == "week" else None
    if unit == "day":
        return value[:10] if g in ("day", "time") else None
    if unit == "quarter":
        if g in ("day", "time", "month"):
            return f"{value[:4]}-Q{(int(value[5:7]) - 1) // 3 + 1}"
        return value if g == "quarter" else None
    return None


_UNIT = r"(day|week|month|quarter|year)"
_NUM = r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"


def resolve_anaphoric(text: str, reference: str | None) -> _R | None:
    """The value of an expression that counts from the last mentioned date, or None when
    ``text`` is not one of them or the reference cannot carry it.

    text (str): the expression, lower-cased, leading "on"/"in"/"the" kept.
    reference (str | None): the last calendar value of the text (or the document date).
    """
    if not reference or granularity(reference) is None:
        return None
    t = re.sub(r"^(?:on|in|at|by|until|since|from|during) ", "", text)
    t = re.sub(r"'s$", "", t)
    # "that day", "the same day", "the day", "that year", "later that month"
    m = re.fullmatch(rf"(?:(?:later|earlier|early|late) )?(?:that|the same|the very same|that same) {_UNIT}",
                     t) \
        or re.fullmatch(rf"(?:later|earlier) (?:in )?the {_UNIT}", t)
    if m:
        v = _at(reference, m.group(1))
        return (v, m.group(1), "reference-same") if v else None
    # "the morning", "that evening", "midday": a part of the day the text is on
    m = re.fullmatch(r"(?:(?:the|that) (morning|afternoon|evening|night)|(midday|mid-?afternoon|mid-?morning)"
                     r"|(?:during |in )?the day)", t)
    if m:
        day = _at(reference, "day")
        if day is None:
            return None
        part = (m.group(1) or m.group(2) or "").replace("mid-", "mid")
        code = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI", "midday": "T12:00",
                "midafternoon": "TAF", "midmorning": "TMO"}.get(part)
        return (f"{day}{code}" if code else day), ("time" if code else "day"), "reference-day"
    # "the following day", "the next week", "the previous year", "the day before"
    m = re.fullmatch(rf"the (following|next|previous|preceding|prior) {_UNIT}", t) \
        or re.fullmatch(rf"the {_UNIT} (before|after)", t)
    if m:
        if m.group(1) in ("day", "week", "month", "quarter", "year"):
            unit, step = m.group(1), 1 if m.group(2) == "after" else -1
        else:
            unit, step = m.group(2), 1 if m.group(1) in ("following", "next") else -1
        base = _at(reference, unit)
        v = shift_value(base, unit, step) if base else None
        return (v, unit, "reference-step") if v else None
    # "a year earlier", "two days later", "a week before", "a year ago" (after a quarter)
    m = re.fullmatch(rf"{_NUM} {_UNIT}s? (earlier|later|before|after|ago)", t)
    if m:
        n = _WORDS.get(m.group(1)) or int(m.group(1))
        unit = m.group(2)
        step = n if m.group(3) in ("later", "after") else -n
        g = granularity(reference)
        if m.group(3) == "ago" and not (unit == "year" and g == "quarter"):
            return None  # "ago" counts from the document date, except a quarter's "a year ago"
        if unit == "year" and g in ("day", "quarter", "month", "half", "year"):
            v = shift_value(reference[:10], "year", step)  # the same period a year before
            return (v, g, "reference-period") if v else None
        base = _at(reference, unit) if unit != "year" else reference[:4]
        v = shift_value(base, unit, step) if base else None
        return (v, unit, "reference-step") if v else None
    # Financial comparisons: "the year-earlier quarter", "the year-ago period"
    m = re.fullmatch(r"(?:the |a )?(?:year-earlier|year-ago|year earlier|comparable|year-before)"
                     r"(?: (?:quarter|period|three months|months|level|results?))?", t)
    if m and granularity(reference) in ("quarter", "month", "half", "year"):
        v = shift_value(reference, "year", -1)
        return (v, granularity(reference) or "year", "reference-period") if v else None
    return None
