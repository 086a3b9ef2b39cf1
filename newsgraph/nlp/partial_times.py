"""Dates of an article read partially (``nlp.partial``): found and normalised by dateparser.

Owns ``partial_times(text, language, anchor, inferred=False) -> list[TimeExpression]`` and
``supports_dates(language)``.

dateparser (1.5.0, BSD) is multilingual: ``search.search_dates`` with
``languages=[language]`` finds date phrases in about 200 locales' words ("3. März",
"martes, 25 de noviembre", "gestern", "el año pasado"), and ``DateDataParser`` gives
each one's period (day, week, month, year, time) with the document date as
``RELATIVE_BASE``. The values are TimeML-like, as the English and French annotators
write them: ``2008-03-03``, ``2008-11``, ``2009``, ``2008-09-28T14:00``, ``2008-W39``.

What dateparser's search gets wrong, and is left out (measured with ``newsgraph bench
partial-reading``): short words it reads as numbers or abbreviated weekdays ("mit einem",
"die drei" in German text are the 1st and the 3rd of the month; "die" and "mit" are
Dienstag and Mittwoch) and numbers that are no date ("um 2,6" percent, "un 3"). A phrase
is kept when it holds a four-digit year or a day.month(.year) date, or one of dateparser's
own time words of the language (``_vocabulary``: month and weekday names, year/month/
week/day, one-word relative expressions such as "heute" or "ayer"), and no decimal
number. The language's words for "now" ("jetzt", "ahora") are ``PRESENT_REF``, as the
English annotator writes "now".

What the search misses, and is added: dateparser's own multi-word relative expressions of
the language ("el año pasado", "nächste Woche"; rule ``dateparser-relative``), valued by
TimeML's arithmetic on the document date ("el año pasado" in a 2009 article is ``2008``),
and a four-digit year standing alone ("im Jahr 2003"; rule ``bare-year``).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from newsgraph.model.claims import TimeExpression

__all__ = ["partial_times", "supports_dates"]

_YEAR = re.compile(r"(?<![\d.,])(?:1[89]|20)\d\d(?![\d,]|\.\d)")
_NUMERIC_DATE = re.compile(r"(?<![\d.,])\d{1,2}\.\s?\d{1,2}\.(?:\s?\d{2,4})?(?![\d,])")
_DECIMAL = re.compile(r"\d[.,]\d")
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=64)
def supports_dates(language: str | None) -> bool:
    """Whether dateparser has words for ``language`` (an ISO 639-1 code)."""
    if not language:
        return False
    try:
        from dateparser.languages.loader import default_loader

        return language in default_loader.get_locale_map()
    except Exception:  # noqa: BLE001 - a dateparser without the loader reads no language
        return False


@lru_cache(maxsize=64)
def _parser(language: str, anchor: dt.date | None) -> Any:
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"PREFER_DAY_OF_MONTH": "first", "RETURN_TIME_AS_PERIOD": True,
                                "PREFER_DATES_FROM": "current_period"}
    if anchor is not None:
        settings["RELATIVE_BASE"] = dt.datetime(anchor.year, anchor.month, anchor.day)
    return DateDataParser(languages=[language], settings=settings)


@lru_cache(maxsize=64)
def _vocabulary(language: str) -> tuple[frozenset[str], frozenset[str]]:
    """dateparser's words of ``language`` that say a phrase is about time — month and
    weekday names, the units (year, month, week, day), the one-word relative expressions
    ("heute", "ayer") — and its expressions of the present moment ("jetzt", "ahora")."""
    from dateparser.languages.loader import default_loader

    info = default_loader.get_locale(language).info
    words: set[str] = set()
    for key in ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
                "friday", "saturday", "sunday", "year", "month", "week", "day"):
        forms = [str(w).lower().rstrip(".") for w in info.get(key, ())]
        # Abbreviations of three letters are everyday words too (German "die", "mit" for
        # Dienstag and Mittwoch, Spanish "mar"): only the longest form and those of four
        # letters or more ("Mai" is May's longest).
        words.update(w for w in forms if len(w) >= 4 or w == max(forms, key=len, default=""))
    now: set[str] = set()
    for meaning, phrases in (info.get("relative-type") or {}).items():
        for phrase in phrases:
            if " " not in phrase.strip():
                words.add(phrase.lower())
            if meaning in ("0 second ago", "0 minute ago"):
                now.add(phrase.lower())
    return frozenset(words), frozenset(now)


def _plausible(phrase: str, language: str) -> bool:
    """The filters of the module docstring: a date phrase, not a function word or a number."""
    if _YEAR.search(phrase) or _NUMERIC_DATE.search(phrase):
        return True
    if _DECIMAL.search(phrase):
        return False
    words, _ = _vocabulary(language)
    return any(w.lower() in words for w in _WORD.findall(phrase))


def _value(date: dt.datetime, period: str | None) -> tuple[str, str, str]:
    """(value, precision, TimeML type) of a parsed date and its period."""
    if period == "year":
        return str(date.year), "year", "DATE"
    if period == "month":
        return f"{date.year}-{date.month:02d}", "month", "DATE"
    if period == "week":
        y, w, _ = date.isocalendar()
        return f"{y}-W{w:02d}", "week", "DATE"
    if period == "time":
        return f"{date.date().isoformat()}T{date.hour:02d}:{date.minute:02d}", "time", "TIME"
    return date.date().isoformat(), "day", "DATE"


def _parse(phrase: str, language: str, anchor: dt.date | None) -> tuple[int, int, Any] | None:
    """dateparser's reading of the phrase, or of the phrase without up to two words at
    either end (search_dates returns "Am 3. März 2008" and "gestern in", which its own
    parser reads only as "3. März 2008" and "gestern"): ``(start, end, date data)``."""
    words = [m.span() for m in re.finditer(r"\S+", phrase)]
    parser = _parser(language, anchor)
    for cut in range(min(3, len(words))):
        for head, tail in ((cut, 0), (0, cut)) if cut else ((0, 0),):
            chosen = words[head:len(words) - tail]
            if not chosen:
                continue
            a, b = chosen[0][0], chosen[-1][1]
            data = parser.get_date_data(phrase[a:b])
            if data.date_obj is not None:
                # A short word search_dates took along ("ayer a", "gestern in", "de 2003")
                # is left out when the date reads the same without it.
                while len(chosen) > 1 and len(phrase[chosen[-1][0]:chosen[-1][1]]) <= 3 \
                        and not any(ch.isdigit() for ch in phrase[chosen[-1][0]:chosen[-1][1]]):
                    shorter = parser.get_date_data(phrase[a:chosen[-2][1]])
                    if shorter.date_obj != data.date_obj:
                        break
                    chosen = chosen[:-1]
                    b = chosen[-1][1]
                while len(chosen) > 1 and len(phrase[chosen[0][0]:chosen[0][1]]) <= 3 \
                        and not any(ch.isdigit() for ch in phrase[chosen[0][0]:chosen[0][1]]):
                    shorter = parser.get_date_data(phrase[chosen[1][0]:b])
                    if shorter.date_obj != data.date_obj:
                        break
                    chosen = chosen[1:]
                    a = chosen[0][0]
                return a, b, data
    return None


def partial_times(text: str, language: str, anchor: dt.date | None,
                  inferred: bool = False) -> list[TimeExpression]:
    """Every date phrase dateparser finds in ``text``, normalised against ``anchor``.

    A phrase that states its year is ``absolute``; others rest on the document date
    (``inferred`` when that date was inferred) and are left without a value when there is
    none. Offsets point into ``text``; search_dates returns phrases in text order, each
    looked for after the previous one.
    """
    if not supports_dates(language) or not text.strip():
        return []
    from dateparser.search import search_dates

    settings: dict[str, Any] = {"PREFER_DAY_OF_MONTH": "first", "PREFER_DATES_FROM": "current_period"}
    if anchor is not None:
        settings["RELATIVE_BASE"] = dt.datetime(anchor.year, anchor.month, anchor.day)
    found = search_dates(text, languages=[language], settings=settings) or []
    out: list[TimeExpression] = []
    at = 0
    for phrase, _ in found:
        start = text.find(phrase, at)
        if start < 0:
            continue
        end = start + len(phrase)
        at = end
        if not _plausible(phrase, language):
            continue
        if phrase.strip().lower() in _vocabulary(language)[1]:  # "jetzt", "ahora": now
            out.append(TimeExpression(start, end, phrase, "PRESENT_REF", "reference", "document-date",
                                      "dateparser-search"))
            continue
        absolute = bool(_YEAR.search(phrase) or re.search(r"\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}", phrase))
        if anchor is None and not absolute:
            out.append(TimeExpression(start, end, phrase, None, None, "none", "dateparser-no-anchor"))
            continue
        parsed = _parse(phrase, language, anchor)
        if parsed is None:
            out.append(TimeExpression(start, end, phrase, None, None, "none", "dateparser-unparsed"))
            continue
        a, b, data = parsed
        start, end, phrase = start + a, start + b, phrase[a:b]
        value, precision, kind = _value(data.date_obj, data.period)
        anchored = "absolute" if absolute else "inferred" if inferred else "document-date"
        out.append(TimeExpression(start, end, phrase, value, precision, anchored, "dateparser-search", kind))
    if anchor is not None:
        out = _with_relative_phrases(text, language, anchor, inferred, out)
    if BARE_YEARS:
        out = _with_bare_years(text, out)
    return out


_MEANING = re.compile(r"^(?:(?P<n>\d+) (?P<u>year|month|week|day) ago"
                      r"|in (?P<m>\d+) (?P<v>year|month|week|day))$")


@lru_cache(maxsize=64)
def _relative_phrases(language: str) -> tuple[tuple[re.Pattern[str], int, str], ...]:
    """dateparser's relative expressions of a period of ``language`` ("el año pasado",
    "nächste Woche") that its search does not find itself: (pattern, offset, unit)."""
    from dateparser.languages.loader import default_loader

    out = []
    for meaning, phrases in (default_loader.get_locale(language).info.get("relative-type") or {}).items():
        m = _MEANING.match(meaning)
        if m is None:
            continue
        n = int(m.group("n") or m.group("m"))
        unit = m.group("u") or m.group("v")
        for phrase in phrases:
            if " " in phrase.strip():  # one-word ones ("gestern") the search finds
                out.append((re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)", re.I), -n if m.group("n") else n,
                            unit))
    return tuple(out)


def _period_value(anchor: dt.date, offset: int, unit: str) -> tuple[str, str]:
    if unit == "year":
        return str(anchor.year + offset), "year"
    if unit == "month":
        month0 = anchor.year * 12 + anchor.month - 1 + offset
        return f"{month0 // 12}-{month0 % 12 + 1:02d}", "month"
    if unit == "week":
        y, w, _ = (anchor + dt.timedelta(weeks=offset)).isocalendar()
        return f"{y}-W{w:02d}", "week"
    return (anchor + dt.timedelta(days=offset)).isoformat(), "day"


def _with_relative_phrases(text: str, language: str, anchor: dt.date, inferred: bool,
                           found: list[TimeExpression]) -> list[TimeExpression]:
    """``found`` with the relative periods ``_relative_phrases`` finds outside its phrases
    (rule ``dateparser-relative``), valued against the document date as TimeML does
    ("el año pasado" in a 2009 article is 2008)."""
    spans = [(t.start, t.end) for t in found]
    extra = []
    for pattern, offset, unit in _relative_phrases(language):
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in spans):
                continue
            value, precision = _period_value(anchor, offset, unit)
            extra.append(TimeExpression(m.start(), m.end(), m.group(0), value, precision,
                                        "inferred" if inferred else "document-date", "dateparser-relative"))
            spans.append(m.span())
    return sorted(found + extra, key=lambda t: t.start)


#: A four-digit year from 1900 to 2099 standing alone ("im Jahr 2003", "desde 2005"), which
#: dateparser's search often misses: not part of a longer number, a decimal or a range of
#: digits, and not followed by a percent sign or a unit-like number continuation.
_BARE_YEAR = re.compile(r"(?<![\d.,:/-])(?:19|20)\d\d(?![\d%]|[.,]\d|\s?%)")
BARE_YEARS = True


def _with_bare_years(text: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """``found`` with the bare years outside its phrases (rule ``bare-year``), in text order."""
    spans = [(t.start, t.end) for t in found]
    extra = [TimeExpression(m.start(), m.end(), m.group(0), m.group(0), "year", "absolute", "bare-year")
             for m in _BARE_YEAR.finditer(text)
             if not any(a <= m.start() < b for a, b in spans)]
    return sorted(found + extra, key=lambda t: t.start)
