"""French time expressions: found by pattern, normalised to TimeML values against the document date.

Owns ``french_times(adoc, anchor) -> list[TimeExpression]``, ``find_french_times(text)``,
``normalise_french(text, anchor, future=False)`` and ``french_dateline(text)``;
``nlp.time`` routes a French document here.

Why not the English path: the French pipelines tag no DATE/TIME entities (WikiNER has
PER/LOC/ORG/MISC only), so detection is a pattern over the text (``_FIND``): full and
partial dates ("le 3 mars 2015", "1er janvier", "mars 2009", "en 2015"), weekdays with
"dernier"/"prochain", "hier", "aujourd'hui", "demain", "la semaine dernière", "l'an
prochain", "il y a deux ans", "dans trois mois", clock times ("14h30") and the present
("actuellement").

Normalisation: **dateparser** (multilingual; ``languages=["fr"]``, the document date as
``RELATIVE_BASE``) for calendar dates written out, where it is right; our own arithmetic
for what it gets wrong or misses on French: "mardi dernier" and "vendredi prochain" (it
returns nothing), "l'an dernier" (nothing), a bare weekday (the one before the document
date unless its verb is in the future tense: UD ``Tense=Fut``), clock times (dateparser
puts "14h30" on the day before) and "il y a N ans" (a year, not a day).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from newsgraph.model.claims import ClaimSpan, DocumentDate, TimeExpression
from newsgraph.model.document import AnnotatedDocument

__all__ = ["find_french_times", "french_dateline", "french_times", "normalise_french"]

_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre")
_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_NUMBERS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
            "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20,
            "trente": 30, "cent": 100, "quelques": 0, "plusieurs": 0}
_UNIT = {"jour": "D", "jours": "D", "semaine": "W", "semaines": "W", "mois": "M", "an": "Y", "ans": "Y",
         "année": "Y", "années": "Y", "décennie": "DE", "décennies": "DE", "siècle": "CE", "siècles": "CE"}

_M = "|".join(_MONTHS) + "|fevrier|aout|decembre|janv\\.|févr\\.|sept\\.|oct\\.|nov\\.|déc\\."
_D = "|".join(_WEEKDAYS)
_N = "|".join(k for k in _NUMBERS) + r"|\d+"
#: Words after which a four-digit number from 1500 to 2099 is a year ("en 2015", "depuis
#: 2012", "de 2016", "fin 2017"): fixed-width look-behinds, one per word.
_YEAR_WORDS = ("en", "depuis", "dès", "avant", "après", "de", "d'ici", "jusqu'en", "entre", "et", "à", "fin",
               "début", "mi", "l'année", "année", "saison", "printemps", "été", "automne", "hiver", "au",
               "vers", "pour", "dans", "ou", "les", "le", "du")
_YEAR_AFTER = "(?:" + "|".join(rf"(?<=\b{re.escape(w)}\s)" for w in _YEAR_WORDS) + r"|(?<=\bmi-))"
#: A number followed by one of these counts things, it is no year ("2000 personnes").
_COUNTED = r"personnes|habitants|euros|dollars|morts|victimes|soldats|km|kilomètres|mètres|m\b|tonnes|emplois"
_U = "|".join(sorted(_UNIT, key=len, reverse=True))
_FIND = re.compile(
    rf"(?P<date>(?:(?:{_D})\s+)?(?:1\s?er|\d{{1,2}})\s+(?:{_M})(?:\s+(?:1[5-9]|20)\d\d)?(?:,?\s+(?:à\s+)?\d{{1,2}}\s?h\s?\d{{0,2}})?)"
    rf"|(?P<month>(?:{_M})\s+(?:1[5-9]|20)\d\d)"
    rf"|(?P<year>{_YEAR_AFTER}(?:1[5-9]|20)\d\d\b(?![,.]\d|\s?(?:{_COUNTED})))"
    rf"|(?P<ago>il\s+y\s+a\s+(?:{_N})\s+(?:{_U}))"
    rf"|(?P<within>(?<=\bdans\s)(?:{_N})\s+(?:{_U}))"
    rf"|(?P<wday>(?:{_D})(?:\s+(?:dernier|prochain))?(?:\s+(?:matin|soir|après-midi))?)"
    rf"|(?P<rel>avant-hier|après-demain|hier|aujourd['’]hui|demain"
    rf"|(?:la\s+semaine|le\s+mois|l['’]an|l['’]année|le\s+week-end)\s+(?:dernière|dernier|prochaine|prochain)"
    rf"|cette\s+(?:semaine|année)|ce\s+mois-ci|actuellement|à\s+présent)"
    rf"|(?P<clock>(?<![\d,.:])(?:\d{{1,2}}\s?h\s?(?:\d{{2}})?(?![\w])|\d{{1,2}}\s+heures?(?:\s+\d{{2}})?\b"
    rf"|[0-2]?\d:[0-5]\d(?![\d:])))",
    re.I,
)


def _month(word: str) -> int:
    w = word.lower().rstrip(".")
    w = {"fevrier": "février", "aout": "août", "decembre": "décembre", "janv": "janvier", "févr": "février",
         "sept": "septembre", "oct": "octobre", "nov": "novembre", "déc": "décembre"}.get(w, w)
    return _MONTHS.index(w) + 1


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS.get(word.lower(), 0)


@lru_cache(maxsize=64)
def _parser(anchor: dt.date | None, prefer: str) -> Any:
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"PREFER_DAY_OF_MONTH": "first", "PREFER_DATES_FROM": prefer,
                                "RETURN_TIME_AS_PERIOD": True}
    if anchor is not None:
        settings["RELATIVE_BASE"] = dt.datetime(anchor.year, anchor.month, anchor.day)
    return DateDataParser(languages=["fr"], settings=settings)


def find_french_times(text: str) -> list[tuple[int, int]]:
    """Spans of the French time expressions in ``text``, in order."""
    return [m.span() for m in _FIND.finditer(text)]


_R = tuple[str | None, str | None, str, str, str]  # value, precision, anchored_to, rule, type


def normalise_french(text: str, anchor: dt.date | None, future: bool = False) -> _R:
    """TimeML value of one French expression: ``(value, precision, anchored_to, rule, type)``."""
    t = " ".join(text.lower().replace("’", "'").split())
    t = re.sub(r"^le\s+(?=\d|1er)", "", t)
    # A year and a "dans" offset are found after their preposition, which the span leaves out.
    m = _FIND.fullmatch(t) or _FIND.fullmatch("en " + t, 3) or _FIND.fullmatch("dans " + t, 5)
    kind = m.lastgroup if m else None
    if kind == "rel" and t in ("actuellement", "à présent"):
        return "PRESENT_REF", "reference", "document-date", "fr-present", "DATE"
    if kind in ("date", "month", "year"):
        clock = re.search(r"(\d{1,2})\s?h\s?(\d{2})?$", t) if kind == "date" else None
        day_text = t[: clock.start()].rstrip(" ,à") if clock else t
        dm = re.match(rf"(?:(?:{_D})\s+)?(1\s?er|\d{{1,2}})\s+({_M})(?:\s+(\d{{4}}))?$", day_text)
        if dm and dm.group(3):  # the text says it all
            try:
                day = dt.date(int(dm.group(3)), _month(dm.group(2)),
                              1 if dm.group(1).endswith("er") else int(dm.group(1)))
            except ValueError:
                return None, None, "none", "fr-invalid", "DATE"
            if clock:
                return (f"{day.isoformat()}T{int(clock.group(1)):02d}:{int(clock.group(2) or 0):02d}", "time",
                        "absolute", "fr-date", "TIME")
            return day.isoformat(), "day", "absolute", "fr-date", "DATE"
        if kind == "month":
            mm = re.match(rf"({_M})\s+(\d{{4}})", t)
            assert mm is not None
            return f"{mm.group(2)}-{_month(mm.group(1)):02d}", "month", "absolute", "fr-date", "DATE"
        if kind == "year":
            return t, "year", "absolute", "fr-date", "DATE"
        if anchor is None:
            return None, None, "none", "fr-no-anchor", "DATE"
        parsed = _parser(anchor, "future" if future else "current_period").get_date_data(day_text)
        if parsed.date_obj is None:
            return None, None, "none", "fr-unparsed", "DATE"
        value = parsed.date_obj.date().isoformat()
        if clock:
            return (f"{value}T{int(clock.group(1)):02d}:{int(clock.group(2) or 0):02d}", "time",
                    "document-date", "fr-date-yearless", "TIME")
        return value, "day", "document-date", "fr-date-yearless", "DATE"
    if anchor is None:
        return None, None, "none", "fr-no-anchor", "DATE"
    if kind == "wday":
        wm = re.match(rf"({_D})(?:\s+(dernier|prochain))?", t)
        assert wm is not None
        target = _WEEKDAYS.index(wm.group(1))
        ahead = wm.group(2) == "prochain" or (wm.group(2) is None and future)
        delta = ((target - anchor.weekday()) % 7 or 7) if ahead else -((anchor.weekday() - target) % 7 or 7)
        return (anchor + dt.timedelta(days=delta)).isoformat(), "day", "document-date", "fr-weekday", "DATE"
    if kind == "rel":
        days = {"avant-hier": -2, "hier": -1, "aujourd'hui": 0, "demain": 1, "après-demain": 2}
        if t in days:
            value = (anchor + dt.timedelta(days=days[t])).isoformat()
            return value, "day", "document-date", "fr-relative", "DATE"
        step = -1 if "dernier" in t or "dernière" in t else (1 if "prochain" in t else 0)
        if "semaine" in t or "week-end" in t:
            y, w, _ = (anchor + dt.timedelta(weeks=step)).isocalendar()
            suffix = "-WE" if "week-end" in t else ""
            return f"{y}-W{w:02d}{suffix}", "week", "document-date", "fr-relative", "DATE"
        if "mois" in t:
            month0 = anchor.year * 12 + anchor.month - 1 + step
            return f"{month0 // 12}-{month0 % 12 + 1:02d}", "month", "document-date", "fr-relative", "DATE"
        return str(anchor.year + step), "year", "document-date", "fr-relative", "DATE"
    if kind in ("ago", "within"):
        cm = re.search(rf"({_N})\s+({_U})$", t)
        assert cm is not None
        n, unit = _count(cm.group(1)), _UNIT[cm.group(2)]
        sign = -1 if kind == "ago" else 1
        if n == 0:  # "il y a quelques années": a time in the past or future, no value
            ref = "PAST_REF" if sign < 0 else "FUTURE_REF"
            return ref, "reference", "document-date", "fr-vague", "DATE"
        if unit == "Y":
            return str(anchor.year + sign * n), "year", "document-date", "fr-offset", "DATE"
        if unit == "M":
            month0 = anchor.year * 12 + anchor.month - 1 + sign * n
            return f"{month0 // 12}-{month0 % 12 + 1:02d}", "month", "document-date", "fr-offset", "DATE"
        if unit in ("D", "W"):
            days = n * (7 if unit == "W" else 1)
            value = anchor + dt.timedelta(days=sign * days)
            if unit == "W":
                y, w, _ = value.isocalendar()
                return f"{y}-W{w:02d}", "week", "document-date", "fr-offset", "DATE"
            return value.isoformat(), "day", "document-date", "fr-offset", "DATE"
        return None, None, "none", "fr-unsupported", "DATE"
    if kind == "clock":
        cm = re.match(r"(\d{1,2})(?:\s?h\s?|\s+heures?\s*|:)(\d{2})?", t)
        assert cm is not None
        hour, minute = int(cm.group(1)), int(cm.group(2) or 0)
        if hour > 24 or minute > 59:
            return None, None, "none", "fr-invalid", "TIME"
        return f"{anchor.isoformat()}T{hour:02d}:{minute:02d}", "time", "document-date", "fr-clock", "TIME"
    return None, None, "none", "fr-unparsed", "DATE"


def _future(adoc: AnnotatedDocument, start: int, end: int) -> bool:
    """The expression's verb is in the future tense (UD morphology ``Tense=Fut``), or a
    near future "va/vont" + infinitive."""
    doc = adoc.doc
    if doc is None:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    verb = span.root.head
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX"):
            break
        if verb.head.i == verb.i:
            return False
        verb = verb.head
    if "Fut" in verb.morph.get("Tense"):
        return True
    return any(c.lemma_ == "aller" and "Pres" in c.morph.get("Tense") for c in verb.children) \
        or any("Fut" in c.morph.get("Tense") for c in verb.children if c.dep_.startswith("aux"))


def french_times(adoc: AnnotatedDocument, anchor: dt.date | None,
                 inferred: bool = False) -> list[TimeExpression]:
    """Every French time expression of a document, normalised against ``anchor``."""
    text = adoc.document.text
    out: list[TimeExpression] = []
    for start, end in find_french_times(text):
        future = _future(adoc, start, end)
        value, precision, anchored, rule, typ = normalise_french(text[start:end], anchor, future)
        if inferred and anchored == "document-date":
            anchored = "inferred"
        out.append(TimeExpression(start, end, text[start:end], value, precision, anchored, rule, typ))
    return out


#: Characters at the start of a text searched for a French dateline ("1er janvier 2016, 14h30 . –").
_DATELINE_WINDOW = 400


def french_dateline(text: str) -> DocumentDate | None:
    """The document date a French dateline states (a full date with its year near the
    top), or the latest absolute date of day precision the text mentions (a bound)."""
    for start, end in find_french_times(text[:_DATELINE_WINDOW]):
        value, precision, anchored, _, _ = normalise_french(text[start:end], None)
        if value and anchored == "absolute" and precision in ("day", "time"):
            return DocumentDate(value[:10], True, "dateline", ClaimSpan(start, end, text[start:end]))
    best: tuple[str, int, int] | None = None
    for start, end in find_french_times(text):
        value, precision, anchored, _, _ = normalise_french(text[start:end], None)
        if value and anchored == "absolute" and precision in ("day", "time", "month") \
                and (best is None or value > best[0]):
            best = (value[:10], start, end)
    if best is not None:
        evidence = ClaimSpan(best[1], best[2], text[best[1]:best[2]])
        return DocumentDate(best[0], True, "latest-absolute-date", evidence)
    return None
