"""Time expressions: NER DATE/TIME spans normalised to TimeML values against the document date.

Owns ``normalise_times(adoc) -> list[TimeExpression]``, ``normalise_text`` (one
expression) and ``infer_document_date(adoc) -> DocumentDate | None``.

A French document goes to ``nlp.time_fr`` (its own finder and rules; dateparser in
French). For English, detection is spaCy's DATE/TIME entities (``search_dates`` would tag the verb "may"),
corrected by ``nlp.time_detect`` (ages and counts out; "now", "currently", "recently"
in) and ``nlp.time_names`` (a date word inside a name — "the Arduous March", "March of
Dimes" — is no date). A DATE and a TIME side by side are one expression ("Friday
evening"); "the quarter ended Sept. 30" and "between 1994 and 1997" are one per point.

**dateparser** (1.5.0) keeps the job it does well: absolute dates in any written form
("Oct. 26, 1998", "10 February 2017", "May 2009", clock times), with the document date
as ``RELATIVE_BASE`` and ``PREFER_DAY_OF_MONTH='first'`` (else "May 2009" takes the
base date's day). A date without its year goes to dateparser too, with
``PREFER_DATES_FROM`` chosen per expression from the tense of its verb
(``nlp.time_context``): ``past`` in a past clause, ``future`` in a future one,
``current_period`` in the news present.

Our own rules stand in front of it where dateparser has no notion of the thing (it
returns nothing or a wrong day): TimeML's decades ("199"), centuries, quarters,
half-years, seasons, ISO weeks and weekends, durations ("P3Y"), sets ("daily" → P1D),
the PRESENT/PAST/FUTURE_REF references; weekdays by tense ("will meet on Friday" is
the Friday after; "Thursday's price" the one before); "last November" (dateparser
reads it as a month ago); the reference time a text carries from date to date ("the
following day", "a year earlier", "that morning": ``nlp.time_reference``, whose
only base dateparser knows is the document date); the periods of financial reports
("the quarter", "the first nine months"); spelled-out years. Each rule beyond the
original spaCy + dateparser pass can be switched off (``RULES``): ``newsgraph bench
time --ablate`` prints what each is worth on TimeBank+AQUAINT.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from functools import lru_cache
from typing import Any

from newsgraph.budget import checkpoint
from newsgraph.model.claims import ClaimSpan, DocumentDate, TimeExpression
from newsgraph.model.document import AnnotatedDocument
from newsgraph.nlp.time_context import governing_tense
from newsgraph.nlp.time_detect import not_a_time, reference_words
from newsgraph.nlp.time_fr import french_dateline, french_times
from newsgraph.nlp.time_names import NameSpans, name_not_date
from newsgraph.nlp.time_reference import granularity, resolve_anaphoric

__all__ = [
    "LOWER_BOUND_RULES",
    "RULES",
    "TIME_LABELS",
    "future_context",
    "infer_document_date",
    "normalise_text",
    "normalise_times",
]

#: The rules beyond spaCy + dateparser, each switchable off (``off=``) so that
#: ``newsgraph bench time --ablate`` measures what each is worth.
RULES: tuple[str, ...] = (
    "tense",  # the governing verb's tense for weekdays and yearless dates (nlp.time_context)
    "reference",  # "that day", "a year earlier" from the last date mentioned (nlp.time_reference)
    "financial",  # "the quarter", "the year", "the first half", "the nine months ended …"
    "months",  # "last November", "the end of 1990", "late-November"
    "not-time",  # ages and bare numbers tagged DATE are dropped (nlp.time_detect)
    "detect-refs",  # "now", "currently", "recently", "the future" added (nlp.time_detect)
    "names",  # date words inside names are dropped (nlp.time_names)
    "sets",  # "daily", "every month" → SET P1D, P1M
    "ranges",  # "between 1994 and 1997", "Aug. 26 to Oct. 20" → the first point
    "merge",  # a DATE and a TIME side by side are one expression ("Friday evening")
    "split",  # "the quarter ended Sept. 30", "between 1994 and 1997": one expression per point
    "weekday-date",  # "Monday, Oct. 26": the year where the weekday fits
    "vague",  # "recent weeks", "coming months" → PAST_REF, FUTURE_REF
    "spelled",  # "nineteen ninety-four", "the year two thousand"
)

#: spaCy labels read as time expressions.
TIME_LABELS: tuple[str, ...] = ("DATE", "TIME")

#: Characters at the start of a text searched for a dateline ("SEOUL, Feb. 10 (Yonhap) —",
#: "Published: 10 February 2017"): about three lines of a news page.
DATELINE_WINDOW = 400

#: Inference rules whose date only bounds when the text was written (a 2017 story recalls
#: 2014): never an anchor for "last week" or "Tuesday" (``newsgraph.facts`` keeps it as
#: ``published_not_before``).
LOWER_BOUND_RULES = frozenset({"latest-absolute-date"})

_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "half": 0,
}
_VAGUE = ("few", "several", "many", "some", "couple of", "couple")
_UNITS = {
    "year": "Y",
    "month": "M",
    "week": "W",
    "day": "D",
    "decade": "DE",
    "century": "CE",
    "hour": "H",
    "minute": "MIN",
    "quarter": "Q",
}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
_PRESENT = (
    "now",
    "currently",
    "current",
    "present",
    "at present",
    "nowadays",
    "these days",
    "this time",
    "the moment",
    "this moment",
    "right now",
)
_PAST = (
    "recently",
    "recent",
    "the past",
    "previously",
    "earlier",
    "once",
    "formerly",
    "lately",
    "recent years",
    "in the past",
)
_FUTURE = (
    "the future",
    "soon",
    "future",
    "the coming",
    "the near future",
    "the near term",
    "later",
    "the long term",
    "eventually",
)
#: Words in a sentence that put an unmodified weekday after the document date.
_FUTURE_CUES = re.compile(
    r"\b(will|shall|'ll|going to|is to|are to|scheduled|expected to|due to|plans? to|next)\b", re.I
)
_LEAD = re.compile(
    r"^(?:the|on|in|at|by|since|until|from|during|of|about|around|early|late|mid|this past|earlier|later|"
    r"sometime|some time|both|its|their|his|her)\s+"
)


def _parse_anchor(value: str | None) -> dt.date | None:
    if not value:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not m:
        return None
    return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))


@lru_cache(maxsize=64)
def _parser(anchor: dt.date | None, prefer: str = "past") -> Any:
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {
        "PREFER_DAY_OF_MONTH": "first",
        "PREFER_DATES_FROM": prefer,
        "RETURN_TIME_AS_PERIOD": True,
    }
    if anchor is not None:
        settings["RELATIVE_BASE"] = dt.datetime(anchor.year, anchor.month, anchor.day)
    return DateDataParser(languages=["en"], settings=settings)


def _count(word: str) -> str:
    if word.isdigit():
        return word
    if word in _NUMBERS:
        return str(_NUMBERS[word])
    return "X"


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


_R = tuple[str | None, str | None, str, str, str]  # value, precision, type, anchored_to, rule


@lru_cache(maxsize=8192)  # news repeats "Monday", "last year"… against one date: parse once
def normalise_text(
    text: str,
    anchor: dt.date | None,
    *,
    future: bool = False,
    tense: str | None = None,
    reference: str | None = None,
    off: frozenset[str] = frozenset(),
) -> _R:
    """Normalise one time expression.

    text (str): the expression as written ("last Friday", "May 2009").
    anchor (date | None): the document date relative expressions count from.
    future (bool): the sentence speaks of the future (weekdays then count forward).
    tense (str | None): ``past``/``present``/``future`` of the verb the expression hangs
        from (``nlp.time_context``); None: unknown, weekdays and yearless dates then
        count back unless ``future``.
    reference (str | None): the last calendar value the text mentioned, for "that day",
        "the following week", "a year earlier" (``nlp.time_reference``); such values are
        ``anchored_to="mention"``.
    off (frozenset): names of ``RULES`` switched off (``newsgraph bench time --ablate``).
    RETURNS (tuple): ``(value, precision, type, anchored_to, rule)``; value None when
        the text could not be normalised (or is relative and there is no anchor).
    """
    t = re.sub(r"\s+", " ", text.lower().replace("’", "'")).strip(" .,;:")
    t = re.sub(r"'s$|'$", "", t).strip()  # "last Friday's", "the 1990s'"
    t = re.sub(r"\bmid (afternoon|morning)\b", r"mid\1", t)
    if "spelled" not in off:
        t = _spelled_years(t)
    if "reference" not in off:
        hit = resolve_anaphoric(t, reference)
        if hit is not None:
            return hit[0], hit[1], "DATE", "mention", hit[2]
    if future or tense == "future":
        future = True
    if "months" not in off:
        # "the end of 1990", "the beginning of October", "late-November": the period named
        t = re.sub(r"^(?:the )?(?:very )?(?:beginning|start|middle|end|close|turn|outset) of ", "", t)
        t = re.sub(r"^(?:early|late|mid)-", "", t)
    if "financial" not in off:
        found = _financial(t, anchor, reference)
        if found is not None:
            return found
    if "months" not in off:
        found = _month_phrase(re.sub(r"^an? (?=[a-z]{3})", "", t), anchor, future)
        if found is not None:
            return found
    t = re.sub(r"^(?:early|later|late|mid)[ -]?(this|last|next) ", r"\1 ", t)  # "earlier this month"
    t = re.sub(r"^(?:earlier|later) (this|last|next) ", r"\1 ", t)
    t = re.sub(r"^mid-", "", t)
    while True:
        stripped = _LEAD.sub("", t)
        if stripped == t:
            break
        t = stripped
    has_year = bool(re.search(r"\b(1[5-9]\d\d|20\d\d)\b", t))
    rel = "document-date" if anchor is not None else "none"

    # Sets: "daily", "every month", "each quarter"
    if "sets" not in off:
        m = re.fullmatch(r"(?:every|each|per) (day|week|month|quarter|year|hour)|"
                         r"(daily|weekly|monthly|quarterly|annually|yearly|hourly|nightly)", t)
        if m:
            return _SETS[m.group(1) or m.group(2)], "set", "SET", "absolute", "set"
    # "June last year", "January this year"
    m = re.fullmatch(rf"{_MONTH_RE} (last|this|next) year", t)
    if m and _month_number(m.group(1)) and "months" not in off:
        if anchor is None:
            return None, "month", "DATE", "none", "month-relative"
        y = anchor.year + {"last": -1, "next": 1}.get(m.group(2), 0)
        return f"{y}-{_month_number(m.group(1)):02d}", "month", "DATE", rel, "month-relative"
    # Ranges: "between 1994 and 1997", "Aug. 26 to Oct. 20", "1994, 1995 and": TimeML values
    # the first point (the span the tagger found is wider than one expression).
    t = re.sub(r"(?:,| and| or| to)$", "", t)
    m = re.fullmatch(r"(?:between |from )?(.+?) (?:to|and|through|or|until) (.+)", t) \
        or re.fullmatch(r"((?:1[5-9]|20)\d\d)(?:, (?:1[5-9]|20)\d\d)+(?:,? (?:and|or) .+)?", t)
    if m and "ranges" not in off and (m.lastindex == 1 or re.search(r"\d|\b" + _MONTH_RE, m.group(2))):
        first = normalise_text(m.group(1), anchor, future=future, tense=tense, reference=reference, off=off)
        if first[0] is not None and first[2] == "DATE":
            return first[0], first[1], first[2], first[3], f"range:{first[4]}"

    # References: PRESENT_REF / PAST_REF / FUTURE_REF
    if t in _PRESENT:
        return "PRESENT_REF", "reference", "DATE", "absolute", "reference"
    if t in _PAST:
        return "PAST_REF", "reference", "DATE", "absolute", "reference"
    if t in _FUTURE:
        return "FUTURE_REF", "reference", "DATE", "absolute", "reference"
    m = re.fullmatch(r"(recent|coming|future|upcoming) (?:days|weeks|months|quarters|years|decades)", t)
    if m and "vague" not in off:
        return ("PAST_REF" if m.group(1) == "recent" else "FUTURE_REF"), "reference", "DATE", "absolute", \
            "reference"

    # Decades and centuries: "the 1990s", "the early 1990s", "the '90s", "the 20th century"
    m = re.fullmatch(r"(?:early |mid |late |mid-)?(1\d|20)(\d)0'?s", t)
    if m:
        return f"{m.group(1)}{m.group(2)}", "decade", "DATE", "absolute", "decade"
    m = re.fullmatch(r"(?:early |mid |late )?'?([0-9])0'?s", t)
    if m:
        century = "19" if anchor is None or int(m.group(1)) * 10 > anchor.year % 100 else "20"
        return f"{century}{m.group(1)}", "decade", "DATE", "absolute", "decade"
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th) century", t)
    if m:
        return f"{int(m.group(1)) - 1:02d}", "century", "DATE", "absolute", "century"

    # Durations: "three years", "the past two weeks", "a 10-hour", "weeks", "few days"
    m = re.fullmatch(
        r"(?:(?:past|last|next|coming|previous|first|more than|less than|nearly|almost|about|over|"
        r"some|at least|least|another|the next|the past|the last|up to|roughly|only|just|all|barely|"
        r"as long as|an additional|additional|an extra|extra|as many as|as much as|nearly|almost) )*"
        r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
        r"thirty|forty|fifty|few|several|many|some|couple of|a few|a couple of)?[ -]?"
        r"(year|month|week|day|decade|hour|minute|quarter)s?(?:[ -](long|old))?",
        t,
    )
    if (
        m
        and not re.match(r"(last|next|this|past|coming|previous) (year|month|week|day|quarter)$", t)
        and (m.group(1) or t.endswith("s"))
    ):
        n = _count((m.group(1) or "X").replace("a few", "few").split()[-1])
        unit = _UNITS[m.group(2)]
        if unit == "DE":
            n, unit = (str(int(n) * 10) if n != "X" else "X"), "Y"
        if unit in ("H", "MIN"):
            return f"PT{n}{'M' if unit == 'MIN' else 'H'}", "duration", "DURATION", "absolute", "duration"
        if unit == "Q":
            return f"P{n}Q", "duration", "DURATION", "absolute", "duration"
        return f"P{n}{unit}", "duration", "DURATION", "absolute", "duration"

    # "N units ago" ("nearly four years ago", "a week or so ago")
    m = re.fullmatch(
        r"(?:(?:nearly|almost|about|just|some|roughly|more than|less than|over|only|around) )?"
        r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|several|a few) "
        r"(year|month|week|day|decade)s?(?: or so)? ago",
        t,
    )
    if m:
        if anchor is None:
            return None, None, "DATE", "none", "ago"
        n = _count(m.group(1).split()[-1])
        unit = m.group(2)
        if n == "X":
            prec = {"year": "year", "decade": "decade"}.get(unit, "reference")
            return (
                (
                    "PAST_REF"
                    if prec == "reference"
                    else f"{str(anchor.year)[:3]}X"
                    if unit == "decade"
                    else "PAST_REF"
                ),
                prec,
                "DATE",
                rel,
                "ago",
            )
        k = int(n)
        if unit == "year":
            return str(anchor.year - k), "year", "DATE", rel, "ago"
        if unit == "decade":
            return f"{str(anchor.year - 10 * k)[:3]}X", "decade", "DATE", rel, "ago"
        if unit == "month":
            y, mo = divmod(anchor.year * 12 + anchor.month - 1 - k, 12)
            return f"{y}-{mo + 1:02d}", "month", "DATE", rel, "ago"
        if unit == "week":
            return _week(anchor - dt.timedelta(weeks=k)), "week", "DATE", rel, "ago"
        return (anchor - dt.timedelta(days=k)).isoformat(), "day", "DATE", rel, "ago"

    # Quarters: "the third quarter", "third-quarter", "the fiscal first quarter", "Q3 2016",
    # "the 1988 third quarter", "this year's third quarter", "the fourth quarter ended Aug. 26"
    t = re.sub(r"( quarter) (?:ended|ending) .+$", r"\1", t)
    m = re.fullmatch(r"(?:(\d{4})|this year's|(last year's|the year-earlier|year-earlier)) (?:fiscal )?"
                     r"(first|second|third|fourth|1st|2nd|3rd|4th)[ -]quarter", t)
    if m:
        q = _ORDINALS[m.group(3)]
        if m.group(1):
            return f"{m.group(1)}-Q{q}", "quarter", "DATE", "absolute", "quarter"
        if anchor is None:
            return None, "quarter", "DATE", "none", "quarter"
        return f"{anchor.year - bool(m.group(2))}-Q{q}", "quarter", "DATE", rel, "quarter"
    m = re.fullmatch(
        r"(?:fiscal )?(first|second|third|fourth|1st|2nd|3rd|4th)[ -]quarter(?: of)?(?: (\d{4}))?", t
    ) or re.fullmatch(r"q([1-4])(?: (\d{4}))?", t)
    if m:
        q = _ORDINALS.get(m.group(1)) or int(m.group(1))
        if m.group(2):
            return f"{m.group(2)}-Q{q}", "quarter", "DATE", "absolute", "quarter"
        if anchor is None:
            return None, "quarter", "DATE", "none", "quarter"
        cur = (anchor.month - 1) // 3 + 1
        return f"{anchor.year if q <= cur else anchor.year - 1}-Q{q}", "quarter", "DATE", rel, "quarter"
    m = re.fullmatch(r"(last|this|next|the latest|latest|the current|current) quarter", t)
    if m and anchor is not None:
        y, q = anchor.year, (anchor.month - 1) // 3 + 1
        q += {"last": -1, "next": 1}.get(m.group(1), 0)
        y, q = (y - 1, 4) if q == 0 else (y + 1, 1) if q == 5 else (y, q)
        return f"{y}-Q{q}", "quarter", "DATE", rel, "quarter"

    # Seasons: "this summer", "last winter", "summer 2009"
    m = re.fullmatch(r"(?:(last|this|next|past) )?(spring|summer|autumn|fall|winter)(?: of)?(?: (\d{4}))?", t)
    if m:
        code = _SEASONS[m.group(2)]
        if m.group(3):
            return f"{m.group(3)}-{code}", "season", "DATE", "absolute", "season"
        if anchor is None:
            return None, "season", "DATE", "none", "season"
        y = anchor.year + {"last": -1, "past": -1, "next": 1}.get(m.group(1) or "", 0)
        return f"{y}-{code}", "season", "DATE", rel, "season"

    # last/this/next week|month|year
    m = re.fullmatch(
        r"(last|this|next|past|the past|coming|previous|the previous|the coming) (week|month|year)", t
    )
    if m and anchor is not None:
        step = {
            "last": -1,
            "past": -1,
            "the past": -1,
            "previous": -1,
            "the previous": -1,
            "next": 1,
            "coming": 1,
            "the coming": 1,
        }.get(m.group(1), 0)
        if m.group(2) == "year":
            return str(anchor.year + step), "year", "DATE", rel, "relative"
        if m.group(2) == "month":
            y, mo = divmod(anchor.year * 12 + anchor.month - 1 + step, 12)
            return f"{y}-{mo + 1:02d}", "month", "DATE", rel, "relative"
        return _week(anchor + dt.timedelta(weeks=step)), "week", "DATE", rel, "relative"

    # Today / yesterday / tomorrow (with an optional part of day)
    m = re.fullmatch(r"(today|yesterday|tomorrow|tonight)(?: (morning|afternoon|evening|night))?", t)
    if m:
        if anchor is None:
            return None, "day", "DATE", "none", "deictic"
        d = anchor + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(m.group(1), 0))
        part = _PARTS.get(m.group(2) or ("tonight" if m.group(1) == "tonight" else ""))
        if part:
            return f"{d.isoformat()}T{part}", "time", "TIME", rel, "deictic"
        return d.isoformat(), "day", "DATE", rel, "deictic"

    # Weekdays: "Friday", "last Friday", "next Monday", "Monday morning"
    m = re.fullmatch(
        r"(?:(last|this|next|this past|this coming) )?(monday|tuesday|wednesday|thursday|friday|"
        r"saturday|sunday)(?: (morning|afternoon|evening|night))?",
        t,
    )
    if m:
        if anchor is None:
            return None, "day", "DATE", "none", "weekday"
        wd = _WEEKDAYS.index(m.group(2))
        mod = m.group(1) or ""
        forward = mod in ("next", "this coming") or (future and mod not in ("last", "this past"))
        if forward:
            delta = (wd - anchor.weekday()) % 7
            if delta == 0 and (mod or tense is None or "tense" in off):
                delta = 7  # "next Friday" on a Friday; a bare "Friday" in a future clause is today
        else:
            # On or before the document date: a Friday story "said Friday" means today.
            delta = -((anchor.weekday() - wd) % 7)
            if mod == "last" and delta == 0:
                delta = -7
        d = anchor + dt.timedelta(days=delta)
        if m.group(3):
            return f"{d.isoformat()}T{_PARTS[m.group(3)]}", "time", "TIME", rel, "weekday"
        return d.isoformat(), "day", "DATE", rel, "weekday"

    # A bare year ("1996", "fiscal 1996")
    m = re.fullmatch(r"(?:fiscal |calendar |the year |year )?((?:1[5-9]|20)\d\d)", t)
    if m:
        return m.group(1), "year", "DATE", "absolute", "year"

    if re.fullmatch(r"[\d\s,.]+", t):
        return None, None, "DATE", "none", "number"  # ages and counts tagged DATE

    # "Monday, Oct. 26" without a year: the year near the document date where Oct. 26 is a Monday.
    m = re.fullmatch(rf"(monday|tuesday|wednesday|thursday|friday|saturday|sunday),? {_MONTH_RE} (\d{{1,2}})"
                     r"(?:st|nd|rd|th)?", t)
    if m and anchor is not None and "weekday-date" not in off:
        wd, month, day = _WEEKDAYS.index(m.group(1)), _month_number(m.group(2)), int(m.group(3))
        for year in (anchor.year, anchor.year - 1, anchor.year + 1):
            try:
                d0 = dt.date(year, month, day)
            except ValueError:
                break
            if d0.weekday() == wd:
                return d0.isoformat(), "day", "DATE", rel, "weekday-date"

    # Everything else: dateparser against the anchor. A date without its year ("Nov. 16")
    # is the one before the document date in a past clause, the one after it in a future
    # clause, and in the document's year otherwise.
    prefer = "past"
    if "tense" not in off and not has_year:
        prefer = "future" if future else "past" if tense in ("past", None) else "current_period"
    try:
        data = _parser(anchor, prefer).get_date_data(t)
    except Exception:  # dateparser raises on odd inputs (overflowing days…); the span stays unnormalised
        return None, None, "DATE", "none", "dateparser-error"
    d, period = data.date_obj, data.period
    if d is None:
        return None, None, "DATE", "none", "unparsed"
    anchored = "absolute" if has_year else rel
    if anchor is None and not has_year:
        return None, None, "DATE", "none", "dateparser"
    if period == "year":
        return str(d.year), "year", "DATE", anchored, "dateparser"
    if period == "month":
        return f"{d.year}-{d.month:02d}", "month", "DATE", anchored, "dateparser"
    if period == "week":
        return _week(d.date()), "week", "DATE", anchored, "dateparser"
    if period == "part_of_day":
        part = next((c for w, c in _PARTS.items() if w in t), None)
        if part:
            return f"{d.date().isoformat()}T{part}", "time", "TIME", anchored, "dateparser"
        return d.date().isoformat(), "day", "DATE", anchored, "dateparser"
    if (
        period == "time"
        and anchor is not None
        and re.fullmatch(
            r"(?:about |around |at )?\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)?(?: \w+)?|noon|midnight", t
        )
    ):
        # A clock time alone is on the day the text speaks of (the last day it mentioned,
        # else the document's day), not the day before.
        day = anchor.isoformat()
        if "reference" not in off and granularity(reference) in ("day", "time"):
            day = (reference or "")[:10]
        return f"{day}T{d.strftime('%H:%M')}", "time", "TIME", anchored, "dateparser"
    if period == "time" and re.search(r"\d{1,2}(:\d\d|\s*[ap]\.?m\.?)|noon|midnight", t):
        return d.strftime("%Y-%m-%dT%H:%M"), "time", "TIME", anchored, "dateparser"
    if period == "time":
        return None, None, "DATE", "none", "unparsed"
    return d.date().isoformat(), "day", "DATE", anchored, "dateparser"


_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_RE = (r"(jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|"
             r"aug(?:ust|\.)?|sep(?:tember|t\.?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)")


def _month_number(word: str) -> int:
    w = word.rstrip(".")
    return _MONTHS.get(w[:4] if w.startswith("sept") else w[:3], 0)


_SETS = {
    "day": "P1D", "daily": "P1D", "nightly": "P1D", "week": "P1W", "weekly": "P1W", "month": "P1M",
    "monthly": "P1M", "quarter": "P3M", "quarterly": "P3M", "year": "P1Y", "yearly": "P1Y",
    "annually": "P1Y", "hour": "PT1H", "hourly": "PT1H",
}
_COUNT = r"(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"


_TENS = {"ten": 10, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_TEENS = {"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}
_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


def _spelled_years(t: str) -> str:
    """Years written out, as transcribed speech has them: "nineteen ninety-four" → 1994,
    "two thousand" → 2000, "two thousand and one" → 2001."""
    def two_digits(word: str) -> int | None:
        if word in _TEENS:
            return _TEENS[word]
        tens, _, ones = word.partition("-")
        if tens in _TENS and (not ones or ones in _ONES):
            return _TENS[tens] + _ONES.get(ones, 0)
        return None

    def century(m: re.Match[str]) -> str:
        low = two_digits(m.group(2))
        return str(_TEENS[m.group(1)] * 100 + low) if low is not None else m.group(0)

    t = re.sub(r"\b(eighteen|nineteen) ([a-z]+(?:-[a-z]+)?)\b", century, t)
    return re.sub(r"\btwo thousand(?:(?: and)? (one|two|three|four|five|six|seven|eight|nine))?\b",
                  lambda m: str(2000 + _ONES.get(m.group(1) or "", 0)), t)


def _weekend(anchor: dt.date, future: bool) -> str:
    """The weekend a report means: the one ahead in a future clause, else the last one
    begun by the document date (TimeML writes it as the ISO week with ``-WE``)."""
    weekday = anchor.weekday()
    if future:
        d = anchor if weekday < 5 else anchor + dt.timedelta(days=7)
    else:
        d = anchor if weekday >= 5 else anchor - dt.timedelta(days=7)
    return f"{_week(d)}-WE"


def _quarter_of(d: dt.date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def _financial(t: str, anchor: dt.date | None, reference: str | None) -> _R | None:
    """Periods of financial reports: "the quarter", "the latest quarter", "the year", "the
    fiscal year", "the first half (of 1989)", "the first nine months", "the year ended
    Aug. 31" — the quarter or year being reported on, a half-year, or a duration."""
    rel = "document-date"
    m = re.fullmatch(rf"(?:the )?(?:(?:first|last|past|latest) )?{_COUNT} (month|week|year|quarter)s?"
                     r"(?: (?:ended|ending|through|to|of) .+)", t) \
        or re.fullmatch(rf"(?:the )?first {_COUNT} (month|week|quarter)s", t)
    if m:
        n = _count(m.group(1))
        return f"P{n}{_UNITS[m.group(2)]}", "duration", "DURATION", "absolute", "financial-duration"
    if re.fullmatch(r"(?:the |a )?(?:fiscal |financial )?year (?:ended|ending|to|through) .+", t):
        return "P1Y", "duration", "DURATION", "absolute", "financial-duration"
    m = re.fullmatch(r"(?:the )?(first|second|last|latter|1st|2nd) half"
                     r"(?: of (?:the year|(?:fiscal )?(\d{4})|(this|last|next) year))?", t)
    if m:
        half = 1 if m.group(1) in ("first", "1st") else 2
        if m.group(2):
            return f"{m.group(2)}-H{half}", "half", "DATE", "absolute", "financial-half"
        if anchor is None:
            return None, "half", "DATE", "none", "financial-half"
        year = anchor.year + {"last": -1, "next": 1}.get(m.group(3) or "", 0)
        if m.group(3) is None and granularity(reference):
            year = int((reference or "")[:4])
        return f"{year}-H{half}", "half", "DATE", rel, "financial-half"
    m = re.fullmatch(r"(?:the |that )?(?:(?:latest|most recent|recent|just-ended|just ended|past|fiscal|"
                     r"reporting) )?quarter(?: (?:ended|ending) .+)?", t)
    if m:
        if granularity(reference) == "quarter":
            return reference, "quarter", "DATE", "mention", "financial-quarter"
        if anchor is None:
            return None, "quarter", "DATE", "none", "financial-quarter"
        # A report is about the last quarter that has ended by its date.
        y, q = _quarter_of(anchor)
        y, q = (y - 1, 4) if q == 1 else (y, q - 1)
        return f"{y}-Q{q}", "quarter", "DATE", rel, "financial-quarter"
    m = re.fullmatch(r"(?:the )?(current|this|latest|the current|present)?\s?"
                     r"(?:fiscal |financial |calendar )?year", t)
    if m and t not in ("year", "this year"):
        if m.group(1) is None and granularity(reference) is not None:
            return (reference or "")[:4], "year", "DATE", "mention", "financial-year"
        if anchor is None:
            return None, "year", "DATE", "none", "financial-year"
        return str(anchor.year), "year", "DATE", rel, "financial-year"
    return None


def _month_phrase(t: str, anchor: dt.date | None, future: bool) -> _R | None:
    """"last November", "this September", "next March", "last Oct. 23": the month or day
    named, counted from the document date (dateparser reads "last November" as a month
    ago); "the weekend" ahead or just past."""
    if re.fullmatch(r"(?:the |this |over the )?weekend", t) and anchor is not None:
        return _weekend(anchor, future or t.startswith("this")), "week", "DATE", "document-date", "weekend"
    m = re.fullmatch(rf"(last|this|next|this past|this coming|past|coming) {_MONTH_RE}(?: (\d{{1,2}}))?", t)
    if not m:
        return None
    month = _month_number(m.group(2))
    if not month:
        return None
    precision = "day" if m.group(3) else "month"
    if anchor is None:
        return None, precision, "DATE", "none", "month-relative"
    mod = m.group(1)
    here = (anchor.month, anchor.day if m.group(3) else 0)
    there = (month, int(m.group(3) or 0))
    year = anchor.year
    if mod in ("last", "this past", "past"):
        year -= there >= here
    elif mod in ("next", "this coming", "coming"):
        year += there <= here
    if m.group(3):
        try:
            return dt.date(year, month, int(m.group(3))).isoformat(), "day", "DATE", "document-date", \
                "month-relative"
        except ValueError:
            return None
    return f"{year}-{month:02d}", "month", "DATE", "document-date", "month-relative"


def future_context(sentence: str) -> bool:
    """The sentence speaks of the future ("will meet on Friday"): weekdays count forward."""
    return bool(_FUTURE_CUES.search(sentence))


def _future_context(adoc: AnnotatedDocument, start: int, seen: dict[int, bool] | None = None,
                    starts: list[int] | None = None) -> bool:
    """Whether the sentence holding offset ``start`` speaks of the future. ``starts`` (the
    sentences' start offsets) and ``seen`` (answers by sentence) make each lookup a bisection
    and each sentence one search: a text of thousands of dates in one long sentence made
    this quadratic (found by ``newsgraph bench robustness``)."""
    if starts is None:
        starts = [s.start for s in adoc.sentences]
    # Sentences are in text order and never overlap: only the last one starting at or
    # before the offset can hold it.
    k = bisect.bisect_right(starts, start) - 1
    if k < 0 or not (adoc.sentences[k].start <= start < adoc.sentences[k].end):
        return False
    if seen is not None and k in seen:
        return seen[k]
    s = adoc.sentences[k]
    found = future_context(adoc.document.text[s.start : s.end])
    if seen is not None:
        seen[k] = found
    return found


def _time_spans(adoc: AnnotatedDocument, merge: bool = False) -> list[tuple[int, int, str]]:
    if adoc.doc is not None:
        spans = [(e.start_char, e.end_char, e.label_) for e in adoc.doc.ents if e.label_ in TIME_LABELS]
    else:
        spans = [(m.start, m.end, m.label) for m in adoc.mentions if m.label in TIME_LABELS]
    if not merge:
        return spans
    # "Friday" + "evening", "5 p.m." + "Nov. 9": a DATE and a TIME with only a space between
    # are one expression (spaCy splits them by label).
    text = adoc.document.text
    out: list[tuple[int, int, str]] = []
    for start, end, label in spans:
        if out and out[-1][2] != label and text[out[-1][1] : start] == " ":
            out[-1] = (out[-1][0], end, "TIME")
        else:
            out.append((start, end, label))
    return out


def _name_reason(adoc: AnnotatedDocument, start: int, end: int, names: NameSpans | None = None) -> str | None:
    """Why the span is part of a name or no date (``nlp.time_names``), or None. ``names``:
    the document's name mentions, indexed once by the caller."""
    if names is None:
        names = NameSpans([(m.start, m.end, m.label) for m in adoc.mentions])
    if names.overlaps(start, end):
        return "name-entity"
    if adoc.doc is None:
        return None
    span = adoc.doc.char_span(start, end, alignment_mode="expand")
    return name_not_date(span) if span is not None else None


_ENDED = re.compile(r"\s(?:ended|ending)\s+")
_RANGE_SEP = re.compile(r"\s+(?:and|to|through|until|till|or)\s+|,\s+(?:and\s+|or\s+)?")
_DATEISH = re.compile(r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|"
                      r"yesterday|today)", re.I)


def _parts(span: str, anchor: dt.date | None, off: frozenset[str]) -> list[tuple[int, int, str]]:
    """``(start, end, text to normalise)`` of the expressions in one tagged span. TimeML marks
    "the quarter ended Sept. 30" as two expressions (the period, valued with its end date in
    view, and the date), and "between 1994 and 1997" or "April 24 and 25" as one per point;
    spaCy tags each as one span."""
    whole = [(0, len(span), span)]
    if "split" in off:
        return whole
    m = _ENDED.search(span)
    if m and _DATEISH.search(span[m.end() :]):
        return [(0, m.start(), span), (m.end(), len(span), span[m.end() :])]
    lead = re.match(r"(?:between|from)\s+", span, re.I)
    begin = lead.end() if lead else 0
    body = re.sub(r"(?:,|\s+(?:and|or|to))\s*$", "", span[begin:])
    seps = list(_RANGE_SEP.finditer(body))
    if not seps:
        return whole
    if any(sep.group().startswith(",") for sep in seps) and not re.fullmatch(
        r"(?:(?:1[5-9]|20)\d\d(?:,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+)?)+", body
    ):
        return whole  # "Oct. 26, 1998" is one date; only a list of years splits at commas
    bounds = [0] + [x for sep in seps for x in (sep.start(), sep.end())] + [len(body)]
    out: list[tuple[int, int, str]] = []
    month = ""
    for a, b in zip(bounds[0::2], bounds[1::2], strict=True):
        piece = body[a:b]
        if not _DATEISH.search(piece):
            return whole
        found = re.match(r"([A-Za-z]+\.?)\s+\d{1,2}\b", piece)
        month = found.group(1) if found else month
        value_text = f"{month} {piece}" if re.fullmatch(r"\d{1,2}", piece) and month else piece
        if normalise_text(value_text, anchor, off=off)[0] is None:
            return whole
        out.append((begin + a, begin + b, value_text))
    return out


def _spans(adoc: AnnotatedDocument, off: frozenset[str]) -> list[tuple[int, int, str]]:
    """The time expressions to normalise: spaCy's DATE/TIME spans that are times, and the
    reference adverbs it leaves out (``nlp.time_detect``)."""
    spans = _time_spans(adoc, merge="merge" not in off)
    if "not-time" not in off:
        spans = [s for s in spans if not_a_time(adoc.document.text[s[0] : s[1]]) is None]
    if "names" not in off:
        names = NameSpans([(m.start, m.end, m.label) for m in adoc.mentions])
        spans = [s for s in spans if _name_reason(adoc, s[0], s[1], names) is None]
    if adoc.doc is not None and "detect-refs" not in off:
        spans = sorted(spans + reference_words(adoc.doc))
    return spans


def normalise_times(
    adoc: AnnotatedDocument, document_date: str | None = None, *, off: frozenset[str] = frozenset()
) -> list[TimeExpression]:
    """Normalise every DATE/TIME mention of a document.

    adoc (AnnotatedDocument): the annotated document (its spaCy ``doc`` entities are read).
    document_date (str | None): ISO date to anchor relative expressions; defaults to
        ``adoc.document.published``, else to ``infer_document_date(adoc)`` (and then the
        relative values are marked ``anchored_to="inferred"``) unless that date is only a
        lower bound (``LOWER_BOUND_RULES``): relative expressions then stay unnormalised.
    off (frozenset): names of ``RULES`` switched off, for measuring each (``bench time``).
    RETURNS (list[TimeExpression]): in text order, one per time mention.
    """
    if not adoc.annotated:
        return []
    french = adoc.document.language == "fr"
    inferred = False
    value = document_date or adoc.document.published
    if not value:
        guess = infer_document_date(adoc)
        if guess is not None and guess.value and guess.rule not in LOWER_BOUND_RULES:
            value, inferred = guess.value, True
    anchor = _parse_anchor(value)
    if french:  # French has its own finder and rules; the English ones would misread it
        return french_times(adoc, anchor, inferred)
    text = adoc.document.text
    out: list[TimeExpression] = []
    starts = [s.start for s in adoc.sentences]
    seen: dict[int, bool] = {}
    # The reference time: the last calendar value mentioned, the document date before any.
    reference = anchor.isoformat() if anchor is not None else None
    reference_anchored = "document-date"
    doc = adoc.doc
    pieces = [
        (start + a, start + b, label, value_text)
        for start, end, label in _spans(adoc, off)
        for a, b, value_text in _parts(text[start:end], anchor, off)
    ]
    for start, end, label, value_text in pieces:
        span = text[start:end]
        checkpoint("time normalisation")
        tense = None
        if doc is not None and "tense" not in off:
            tok_span = doc.char_span(start, end, alignment_mode="expand")
            tense = governing_tense(tok_span) if tok_span is not None else None
        # A scheduled event in the news present ("the talks begin Monday") is ahead too.
        future = tense in ("future", "present") or (
            tense is None and _future_context(adoc, start, seen, starts)
        )
        val, prec, typ, anchored, rule = normalise_text(
            value_text, anchor, future=future, tense=tense, reference=reference, off=off
        )
        if anchored == "mention" and reference_anchored != "absolute":
            anchored = reference_anchored  # the chain started at the document date
        if inferred and anchored == "document-date":
            anchored = "inferred"
        if label == "TIME" and typ == "DATE" and val is None:
            typ = "TIME"
        out.append(TimeExpression(start, end, span, val, prec, anchored, rule, typ))
        # A comparison ("a year earlier", "the year-earlier quarter") looks back from the
        # reference without moving it: the next "a year earlier" is the same year.
        if val is not None and typ in ("DATE", "TIME") and granularity(val) is not None \
                and rule != "reference-period" and "reference" not in off:
            reference = val
            reference_anchored = "absolute" if anchored in ("absolute", "mention") else anchored
    return out


_DATELINE = re.compile(
    r"(?:published|posted|updated|last updated|date)\s*:?\s*(?P<a>[^\n|]{6,40})"
    r"|(?P<b>\b(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}|"
    r"\d{4}[./]\d{1,2}[./]\d{1,2}))",
    re.I,
)


def infer_document_date(adoc: AnnotatedDocument) -> DocumentDate | None:
    """The date the document was written, with the evidence for it.

    Declared metadata wins (``inferred=False``). Otherwise, in order: a dateline — a
    full date with its year in the first lines ("Published: 10 February 2017",
    "SEOUL, Feb. 10, 2017 —") — and then the latest absolute date of day or month
    precision mentioned in the text (a report is written on or after the latest
    date it reports). Both are ``inferred=True`` with the evidence span.
    RETURNS (DocumentDate | None): None when nothing dates the document.
    """
    doc = adoc.document
    if doc.published:
        return DocumentDate(doc.published, False, "declared")
    if doc.language == "fr":
        return french_dateline(doc.text)
    text = doc.text
    for m in _DATELINE.finditer(text[:DATELINE_WINDOW]):
        group = "a" if m.group("a") else "b"
        cand = m.group(group)
        val, prec, _, anchored, _ = normalise_text(cand, None)
        if val is None and group == "a":
            # "Published: Friday 10 February 2017 09:12" — try the longest date-like prefix.
            inner = _DATELINE.search(cand)
            if inner and inner.group("b"):
                cand = inner.group("b")
                val, prec, _, anchored, _ = normalise_text(cand, None)
        if val and prec in ("day", "time") and anchored == "absolute":
            s = m.start(group) + m.group(group).find(cand)
            return DocumentDate(val[:10], True, "dateline", ClaimSpan(s, s + len(cand), cand))
    best: tuple[str, int, int, str] | None = None
    for start, end, _ in _time_spans(adoc):
        span = text[start:end]
        val, prec, _, anchored, _ = normalise_text(span, None)
        if (
            val
            and anchored == "absolute"
            and prec in ("day", "month", "time")
            and (best is None or val > best[0])
        ):
            best = (val[:10], start, end, span)
    if best is not None:
        return DocumentDate(best[0], True, "latest-absolute-date", ClaimSpan(best[1], best[2], best[3]))
    return None
