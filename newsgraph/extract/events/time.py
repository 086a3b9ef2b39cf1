"""When an event happened: the time expression attached to it, normalised.

Owns choosing the expression and turning it into an interval with a precision.
dateparser does the calendar arithmetic against the document date (relative
expressions such as "last week" need it); we choose *which* DATE span belongs to
the event, in this order:

1. a DATE span inside the trigger's own clause (a child phrase of the trigger,
   its carrier verb, or the clause it heads: "attacked … on Monday");
2. any other DATE span in the evidence sentence (nearest to the trigger);
3. a frame-setting DATE at the start of one of the previous sentences of the
   same paragraph ("In 2017, …"), which sets the time for what follows.

Without a document date only absolute expressions (with a year) are normalised.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache
from typing import Any

from newsgraph.model.events import EventDate, Span

__all__ = ["FRAME_LOOKBACK_SENTENCES", "date_for", "normalise_date"]

Token = Any

#: How many sentences back a fronted date ("In 2017, …") still frames an event.
#: Two covers the usual "In 2017, X did A. Then B. …" paragraph without letting a
#: date leak across a topic change.
FRAME_LOOKBACK_SENTENCES = 2

#: Characters a fronted date may start after, at the start of its sentence
#: ("In 2017,", "On Monday,", "Last week,").
FRAME_MAX_OFFSET = 4

_DECADE = re.compile(r"\b(1[0-9]|20)([0-9])0s\b")
_YEAR = re.compile(r"\b(1[5-9][0-9]{2}|20[0-9]{2})\b")


@lru_cache(maxsize=64)
def _parser(base: str | None) -> Any:
    from dateparser.date import DateDataParser  # import late: dateparser loads slowly

    settings: dict[str, Any] = {"PREFER_DAY_OF_MONTH": "first", "PREFER_DATES_FROM": "past"}
    if base:
        settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(base)
    return DateDataParser(languages=["en"], settings=settings)


def _base(published: str | None) -> str | None:
    if not published:
        return None
    parts = published[:10].split("-")
    try:
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 else 1
        d = int(parts[2]) if len(parts) > 2 else 1
        return dt.date(y, m, d).isoformat()
    except (ValueError, IndexError):
        return None


def normalise_date(text: str, published: str | None) -> tuple[str, str, str] | None:
    """``(start, end, precision)`` of a time expression, or None.

    Precision is ``day``, ``week``, ``month``, ``year`` or ``decade``.
    """
    m = _DECADE.search(text)
    if m:
        y = int(m.group(1) + m.group(2) + "0")
        return f"{y}-01-01", f"{y + 9}-12-31", "decade"
    base = _base(published)
    if base is None and not _YEAR.search(text):
        return None
    cleaned = re.sub(r"^(in|on|at|during|since|by|from|until|the)\s+", "", text.strip(), flags=re.I)
    try:
        data = _parser(base).get_date_data(cleaned)
    except (ValueError, OverflowError, TypeError):
        return None
    d = data.date_obj
    if d is None:
        return None
    if (d.hour, d.minute, d.second) != (0, 0, 0) and not re.search(r"\d[:.]\d|\b(am|pm)\b", text, re.I):
        return None  # dateparser fell back to "now": the string was not a date it knows
    period = data.period or "day"
    if period == "year":
        return f"{d.year}-01-01", f"{d.year}-12-31", "year"
    if period == "month":
        last = calendar.monthrange(d.year, d.month)[1]
        return f"{d.year}-{d.month:02d}-01", f"{d.year}-{d.month:02d}-{last:02d}", "month"
    if period == "week":
        return d.date().isoformat(), (d.date() + dt.timedelta(days=6)).isoformat(), "week"
    return d.date().isoformat(), d.date().isoformat(), "day"


def _clause_tokens(trigger: Token) -> set[int]:
    """Token indexes of the trigger's clause: its subtree, or its carrier's."""
    head = trigger
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.head.pos_ in ("VERB", "AUX"):
        head = trigger.head
    out = {t.i for t in head.subtree}
    # Exclude embedded clauses headed by other verbs: their dates are theirs.
    for t in head.subtree:
        if (
            t.i != head.i
            and t.dep_ in ("ccomp", "advcl", "relcl")
            and t.i != trigger.i
            and trigger.i not in {x.i for x in t.subtree}
        ):
            out -= {x.i for x in t.subtree}
    return out


def _past(trigger: Token) -> bool:
    head = trigger
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.head.pos_ in ("VERB", "AUX"):
        head = trigger.head
    tags = {head.tag_} | {c.tag_ for c in head.children if c.dep_ in ("aux", "auxpass")}
    return "VBD" in tags or ("VBN" in tags and "MD" not in tags and "VBZ" not in tags and "VBP" not in tags)


def _make(ent: Any, published: str | None, rule: str) -> EventDate | None:
    norm = normalise_date(ent.text, published)
    if norm is None:
        return None
    return EventDate(norm[0], norm[1], norm[2], Span(ent.start_char, ent.end_char, ent.text), rule)


def date_for(trigger: Token, published: str | None) -> EventDate | None:
    """The event's date with its evidence span, or None when nothing dates it."""
    doc = trigger.doc
    sent = trigger.sent
    dates = [e for e in sent.ents if e.label_ == "DATE"]
    clause = _clause_tokens(trigger)
    for ent in sorted(dates, key=lambda e: abs(e.start - trigger.i)):
        if ent.start in clause:
            hit = _make(ent, published, "date_in_clause")
            if hit:
                return hit
    for ent in sorted(dates, key=lambda e: abs(e.start - trigger.i)):
        hit = _make(ent, published, "date_in_sentence")
        if hit:
            return hit
    # Fronted dates of previous sentences in the same paragraph frame this one,
    # when this one narrates in the past too ("In 2017, … . Police arrested …").
    if not _past(trigger):
        return None
    sents = list(doc.sents) if doc.has_annotation("SENT_START") else []
    idx = next((i for i, s in enumerate(sents) if s.start == sent.start), -1)
    for back in range(1, FRAME_LOOKBACK_SENTENCES + 1):
        j = idx - back
        if j < 0:
            break
        prev = sents[j]
        if "\n\n" in doc.text[prev.end_char : sents[j + 1].start_char + 1] or "\n\n" in prev.text.strip():
            break  # a paragraph break ends the frame
        for ent in prev.ents:
            if ent.label_ == "DATE" and ent.start_char - prev.start_char <= FRAME_MAX_OFFSET:
                hit = _make(ent, published, "date_frame_previous_sentence")
                if hit:
                    return hit
    return None
