"""Metadata of a plain-text article: title, dateline, publisher, credited outlets.

* **Dateline** — a short line near the head that is a date and little else
  ("Sunday, October 17, 2021", "Published: 17.10.2021 08:15", "Reuters
  November 18, 2019 11:03 PM").  Parsed with dateparser
  (``PREFER_DAY_OF_MONTH='first'`` so "October 2021" does not borrow today's
  day); the parse's period gives partial dates ("2021-10").
* **Title** — the first substantive line: not chrome, not a file name, not in
  another script, not the dateline or an attribution line, short enough to be
  a headline.  A trailing " | Site" / " - Site" segment is the publisher.
* **Attribution** — outlets the article credits: "Source: X" / "via X" /
  "Originally published by X" lines, "X reports:" lines, a headline prefix
  "X: …", and wire openers "(Reuters) -".  A name counts as an outlet by
  general cues (masthead words like Times/Post/News, agency acronyms), never
  by a list of outlets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from newsgraph.ingest.clean import params as P
from newsgraph.ingest.clean.lexicon import (
    ATTRIBUTION_PREFIX_RE,
    ATTRIBUTION_SUFFIX_RE,
    CHROME_RE,
    DATE_PREFIX_WORDS,
    HEADLINE_LABELS,
    OUTLET_ACRONYMS,
    OUTLET_WORDS,
    WIRE_DATELINE_RE,
)

__all__ = [
    "Attribution",
    "Dateline",
    "copyright_holder",
    "find_attributions",
    "find_dateline",
    "headline_outlet",
    "is_outlet",
    "looks_dated",
    "parse_date",
    "split_site_suffix",
]

_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b")
_WORD = re.compile(r"[\w’']+")
_HEADLINE_PREFIX = re.compile(r"^(?P<outlet>[^:|]{2,50}?)\s*:\s+(?P<rest>\S.{8,})$")
_SITE_SUFFIX = re.compile(r"^(?P<title>.{12,})\s+(?:\||–|—|-|·|::|»)\s+(?P<site>[^|–—·»]{2,50})$")
_COPYRIGHT = re.compile(
    r"(?:(?:©|\(c\)|copyright)\s*)+(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(?P<name>[^\W\d_][\w&.'’ -]{1,60}?)"
    r"\s*(?:[,;|]|\.(?:\s|$)|\ball rights\b|$)", re.I)
#: A masthead written before the notice: "Wccftech © 2019 NewAge ADS, LLC".
_SITE_BEFORE_COPYRIGHT = re.compile(
    r"^(?P<site>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})\s+(?:©|\(c\)|copyright\b)")
_IMAGE_CREDIT = re.compile(r"\b(?:photo|image|picture|illustration|video|graphic|foto)s?\b", re.I)
_LOWER_RUN = re.compile(r"\s+[a-z][\w'’-]*\s+[a-z][\w'’-]*\b.*$")
_NOT_A_HOLDER = re.compile(r"^(?:(?i:all\b|copyright\b|rights\b)|(?:and|or|the|by|of|for|to|in)\b)")


@dataclass(slots=True)
class Dateline:
    index: int       # index into the list of lines given
    published: str   # ISO 8601, possibly partial
    text: str
    whole_line: bool  # the line holds nothing but the date (and a byline word or two)


@dataclass(slots=True)
class Attribution:
    index: int          # line index, -1 for the title
    outlet: str
    form: str           # source-line / reports-line / headline-prefix / wire-dateline
    remove: bool = field(default=True)  # the line is only the credit: remove it from the body


@lru_cache(maxsize=16)
def _parser(language: str | None):
    """dateparser takes ~1 s to import and build: only when a candidate shows up.

    Trying every locale on a string that is not a date costs dateparser up to a
    second; with the body's language known, English and that language are tried.
    """
    from dateparser.date import DateDataParser

    languages = None
    if language:
        from dateparser.languages.loader import LocaleDataLoader
        known = set(LocaleDataLoader().get_locale_map().keys())
        languages = [code for code in dict.fromkeys([language, "en"]) if code in known] or None
    return DateDataParser(languages=languages, settings={
        "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DATES_FROM": "past",
        "STRICT_PARSING": False})


def looks_dated(text: str) -> bool:
    """Cheap pre-check: a year or a numeric date is in the string."""
    return bool(_YEAR.search(text) or _NUMERIC_DATE.search(text))


def parse_date(text: str, language: str | None = None) -> str | None:
    """ISO date (YYYY-MM-DD, YYYY-MM or YYYY) of a string that is a date, else None.

    ``language``: the text's ISO 639-1 code when known (faster, fewer misreadings).
    """
    text = text.strip(" ,.;|-–—:")
    if not text or len(text) > 60:
        return None
    try:
        data = _parser(language).get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd strings: not a date then
        return None
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj
    if data.period == "year":
        return f"{d.year:04d}"
    if data.period == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def find_dateline(lines: list[str], head: int = 10, language: str | None = None) -> Dateline | None:
    """The first short line among the first ``head`` lines that is essentially a date."""
    for i, line in enumerate(lines[:head]):
        if len(line) > 90 or not looks_dated(line):
            continue
        found = _date_in_line(line, language)
        # A bare year ("In 2017, the group…") is a mention, not a dateline.
        if found and len(found[0]) > 4:
            iso, rest = found
            return Dateline(i, iso, line, whole_line=rest <= 2)
    return None


def _date_in_line(line: str, language: str | None) -> tuple[str, int] | None:
    """Parse the shortest word window that holds the date; return (iso, words left over)."""
    words = line.replace("|", " | ").split()
    n = len(words)
    # Try the whole line first, then windows from the left edge, then around the year.
    spans = [(0, n)] + [(a, b) for a in range(n) for b in range(n, a, -1) if (a, b) != (0, n)]
    for a, b in spans[:60]:
        chunk = " ".join(words[a:b])
        if not (_YEAR.search(chunk) or _NUMERIC_DATE.search(chunk)) or len(chunk) < 4:
            continue
        iso = parse_date(chunk, language)
        if iso:
            rest = [w for w in words[:a] + words[b:] if _WORD.search(w)
                    and w.strip(":,.").casefold() not in DATE_PREFIX_WORDS]
            return iso, len(rest)
    return None


def is_outlet(name: str) -> bool:
    """Whether a capitalised name reads like a news outlet (masthead word or agency acronym)."""
    words = _WORD.findall(name)
    if not words or len(words) > 7 or not name[:1].isupper():
        return False
    if any(w in OUTLET_ACRONYMS for w in words):
        return True
    folded = [w.casefold() for w in words]
    if not any(w in OUTLET_WORDS for w in folded):
        return False
    # "Breaking News", "Daily Update": only label words, no name of their own.
    if all(w in HEADLINE_LABELS for w in folded):
        return False
    # Every content word of a masthead is capitalised ("The Korea Times", "Le Monde").
    return all(w[:1].isupper() or w.casefold() in {"of", "de", "du", "la", "le", "el", "the", "and", "di"}
               for w in words)


def headline_outlet(title: str) -> str | None:
    """Outlet named as a headline prefix ("Washington Post: …"), if that prefix is an outlet."""
    match = _HEADLINE_PREFIX.match(title)
    if match and is_outlet(match.group("outlet")):
        return _norm_outlet(match.group("outlet"))
    return None


def split_site_suffix(title: str) -> tuple[str, str | None]:
    """"Headline | Site" → ("Headline", "Site"); the site part must be short and name-like."""
    match = _SITE_SUFFIX.match(title)
    if match:
        site = match.group("site").strip()
        if len(site.split()) <= 4 and site[:1].isupper() and not site.endswith((".", "?", "!")):
            return match.group("title").strip(), site
    return title, None


def copyright_holder(line: str) -> str | None:
    if len(line) > 160:
        return None
    site = _SITE_BEFORE_COPYRIGHT.match(line.strip())
    if site and not CHROME_RE.match(site.group("site")) and not _NOT_A_HOLDER.match(site.group("site")):
        return site.group("site").strip(" .,-")
    match = _COPYRIGHT.search(line)
    if match and _IMAGE_CREDIT.search(line[:match.start()]):
        return None  # "Photo: © AFP" credits a picture, not the page
    if match:
        name = match.group("name").strip(" .,-")
        # "© by X", "© X 2019": the holder, not the preposition or the year
        name = re.sub(r"^(?:by)\s+", "", name, flags=re.I)
        name = re.sub(r"(?:\s*[-–,]?\s*(?:19|20)\d\d)+$", "", name).strip(" .,-")
        if name[:1].isupper():  # "The Republic unless otherwise noted": the name, not the rest
            name = _LOWER_RUN.sub("", name).strip(" .,-")
        if name and len(name.split()) <= 6 and re.search(r"[^\W\d]", name) and not _NOT_A_HOLDER.match(name):
            return name
    return None


def find_attributions(lines: list[str]) -> list[Attribution]:
    """Credit lines and wire openers among ``lines`` (indices into it)."""
    found: list[Attribution] = []
    for i, line in enumerate(lines):
        if len(line) <= 100:
            match = ATTRIBUTION_PREFIX_RE.match(line)
            if match and _name_like(match.group("outlet")):
                found.append(Attribution(i, _norm_outlet(match.group("outlet")), "source-line"))
                continue
            match = ATTRIBUTION_SUFFIX_RE.match(line)
            if match and is_outlet(match.group("outlet")):
                found.append(Attribution(i, _norm_outlet(match.group("outlet")), "reports-line"))
                continue
        match = WIRE_DATELINE_RE.match(line)
        if match and is_outlet(match.group("outlet")):
            found.append(Attribution(i, _norm_outlet(match.group("outlet")), "wire-dateline", remove=False))
    return found


def _name_like(name: str) -> bool:
    words = name.split()
    return 0 < len(words) <= 7 and not CHROME_RE.match(name) and len(name) <= P.TITLE_MAX_CHARS


def _norm_outlet(name: str) -> str:
    return " ".join(name.split()).strip(" .,:;-–—\"'“”")
