"""Name normalisation: the string side of entity resolution.

Owns turning a mention's surface form into comparable keys:

- ``parse_name``: strip possessives, honorifics and titles (keeping the gender cue
  they carry), a leading French elided article (``l'ONU`` → ``ONU``, ``d'Israël``), fold
  to ASCII with Unidecode, split into tokens with hyphens kept as token-internal
  (``Park Min-jun`` → ``park``, ``min-jun``); a name known in several languages (country,
  large city, international organisation: ``nlp.crosslingual_names``) takes its canonical tokens, so
  ``Corée du Nord`` parses as ``north``, ``korea``.
- ``compact``: the tokens with spaces and hyphens removed, so hyphen/space variants
  (``Park Min-jun`` / ``Park Min Jun`` / ``Park Minjun``) share one key.
- ``variant_key``: a romanisation-variant skeleton (see ``ROMANISATION_FOLDS``) so that
  spellings produced by different transliteration systems share a blocking key.
  Sharing it is *never* enough to merge: scoring asks for supporting context.
- ``acronym`` / ``is_acronym``: initials of a multi-word name, and the test for
  an acronym-looking mention (``NIS``, ``U.N.``).

Everything here is general knowledge (tables below, each with its source); nothing is
written for a particular article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from unidecode import unidecode

from newsgraph.nlp.crosslingual_names import LEADING_ARTICLES, canonical_tokens, fold_words
from newsgraph.nlp.honorifics import HONORIFICS

__all__ = [
    "HONORIFICS",
    "NAME_STOPWORDS",
    "ROMANISATION_FOLDS",
    "SKELETON_FOLDS",
    "ParsedName",
    "acronym",
    "compact",
    "consonant_skeleton",
    "is_acronym",
    "parse_name",
    "remember_parsed",
    "skeleton_words",
    "strip_elision",
    "strip_possessive",
    "variant_key",
]

#: Words skipped when building initials (``National Intelligence Service`` → NIS,
#: ``Bank of England`` → BOE / BE). Source: English function words in organisation names.
NAME_STOPWORDS: frozenset[str] = frozenset(
    {"of", "the", "and", "for", "de", "du", "des", "la", "le", "el", "al", "&", "in", "on", "a", "an"}
)

#: Generic words that end organisation and place names and say nothing about which one
#: ("Service" in "National Intelligence Service"). Source: legal-form suffixes (ISO 20275
#: entity legal forms, common English subset) and common institution/place designators.
ORG_DESIGNATORS: frozenset[str] = frozenset(
    {
        "inc",
        "corp",
        "corporation",
        "co",
        "company",
        "ltd",
        "llc",
        "plc",
        "group",
        "holdings",
        "sa",
        "ag",
        "gmbh",
        "bank",
        "university",
        "college",
        "school",
        "institute",
        "center",
        "centre",
        "service",
        "services",
        "agency",
        "department",
        "ministry",
        "office",
        "council",
        "committee",
        "commission",
        "association",
        "society",
        "foundation",
        "party",
        "army",
        "navy",
        "force",
        "forces",
        "police",
        "court",
        "times",
        "post",
        "news",
        "press",
        "journal",
        "network",
        "union",
        "organization",
        "organisation",
        "federation",
        "league",
        "club",
        "team",
        "board",
        "authority",
        "administration",
        "government",
        "house",
        "hospital",
        "clinic",
        "church",
        "city",
        "county",
        "state",
        "states",
        "republic",
        "kingdom",
        "province",
        "island",
        "islands",
        "river",
        "mountain",
        "mount",
        "park",
        "street",
        "airport",
        "station",
        "bridge",
        "square",
        "hall",
        "tower",
        "museum",
    }
)

#: Romanisation variant folds, applied in order to an ASCII, lower-case, compact name.
#: They merge letters that different transliteration systems write differently for
#: one sound, so e.g. ``Qaddafi``/``Gadhafi``/``Kadafi`` or ``Choe``/``Choi`` share a key:
#: - Korean: McCune–Reischauer vs Revised Romanization (ŏ/eo/o, ŭ/eu/u, k/g, t/d, p/b,
#:   ch/j, sh/s); source: National Institute of Korean Language romanisation tables.
#: - Arabic: ALA-LC vs popular press spellings (q/k/g, dh/th/d/z, kh/h, ou/u, e/i, doubled
#:   consonants, al-/el- article); source: ALA-LC Arabic romanisation table.
#: - Russian: BGN/PCGN vs ISO 9 vs popular (y/i/j, kh/h, ts/tz, iy/yi/ii endings, ya/ia,
#:   yu/iu, zh/j); source: BGN/PCGN 1947 and ISO 9 tables.
ROMANISATION_FOLDS: tuple[tuple[str, str], ...] = (
    (r"^(al|el|ul)(?=[a-z]{3})", ""),  # Arabic article glued to the name
    (r"([a-z])\1+", r"\1"),  # doubled letters: Gaddafi/Gadafi, Hallasan/Halasan
    (r"tch|tsch|ch|tz|ts|zh|dj|j", "j"),
    (r"kh|gh|q|ck|c(?=[aou])|g|k", "k"),
    (r"dh|th|d|t", "t"),
    (r"ph|f|v|w", "f"),
    (r"sh|sch|z|s", "s"),
    (r"b|p", "p"),
    (r"eo|oe|ou|oo|ow|eu|o|u", "u"),
    (r"ee|ie|ei|ey|iy|yi|ii|y|e|i", "i"),
    (r"ae|ai|ay|a", "a"),
    (r"h", ""),
    (r"([a-z])\1+", r"\1"),
)
_FOLDS = tuple((re.compile(pattern), repl) for pattern, repl in ROMANISATION_FOLDS)

#: Consonant-skeleton folds for one word, applied in order after ASCII folding: a far
#: coarser key than ``variant_key``, for machine and ad-hoc transliterations that change
#: the vowels and the spelling of one sound freely (Korean 한라산 → "Hallasan",
#: "Halla-san", "Harasan"). Sources: Korean romanisation tables (McCune–Reischauer, Revised
#: Romanization, Yale: ㅊ ch/ch'/c, ㄱ k/g, ㄹ r/l — National Institute of Korean Language),
#: ALA-LC Arabic and BGN/PCGN Russian tables for q/k/g, kh/h and ts/c, and the general
#: rule of comparative phonetics that vowels are the least stable part of a transliteration.
#: Sharing it only makes two names *candidates*; merging them needs context (``scoring``).
SKELETON_FOLDS: tuple[tuple[str, str], ...] = (
    (r"tch|tsch|ch|kh|gh|ck|q|c|g|k", "k"),  # one velar / affricate class
    (r"ph|f|v|w|b|p", "p"),
    (r"dh|th|d|t", "t"),
    (r"sh|sch|zh|z|s|x", "s"),
    (r"r|l", "l"),  # Korean ㄹ, Japanese r/l
    (r"j", "k"),  # ch/j alternate in Korean romanisation (ㅈ)
    (r"[aeiouyh']", ""),  # vowels, glides and h
    (r"([a-z])\1+", r"\1"),  # doubled letters
)
_SKELETON = tuple((re.compile(pattern), repl) for pattern, repl in SKELETON_FOLDS)
#: Shortest skeleton worth a key: two consonants collide far too often.
SKELETON_MIN = 3

_POSSESSIVE = re.compile(r"(?:['’`´]s?|['’]\s*)$", re.IGNORECASE)
_TRAILING = re.compile(r"[\s.,;:!?\"'’“”)(\[\]{}-]+$")
_LEADING = re.compile(r"^[\s.,;:!?\"'’“”)(\[\]{}-]+")
_TOKEN = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,7}s?$|^[A-Z][A-Z0-9&]{1,6}s?$")
_LEADING_ARTICLE = ("the ", "a ", "an ")
#: A French (and Italian) elided article or preposition glued to a name: "l'ONU", "d'Israël",
#: "L’Union européenne". Stripped on every side alike, so "L'Oréal" is "Oréal" everywhere.
_ELISION = re.compile(r"^(?:[lLdD])['’](?=[^\W\d_])")
#: Function words that can open a span without being part of the name (spans cut from
#: prepositional phrases: "in New Zealand", "at Betty Ford Center"; determiners).
LEADING_FUNCTION_WORDS: frozenset[str] = frozenset(
    {
        "in",
        "at",
        "on",
        "of",
        "from",
        "to",
        "into",
        "for",
        "by",
        "with",
        "near",
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "its",
        "his",
        "her",
        "their",
        "our",
        "my",
        "your",
    }
)


#: British → American spellings of words common in names ("Promises Treatment Centre"
#: / "Center"), so both spellings share one key. Source: the -re/-er, -our/-or, -ce/-se,
#: -ise/-ize, -mme/-m pairs listed in the Oxford English Dictionary's guide to American
#: and British spelling (subset of words that occur in organisation and place names).
SPELLING_VARIANTS: dict[str, str] = {
    "centre": "center",
    "centres": "centers",
    "theatre": "theater",
    "metre": "meter",
    "defence": "defense",
    "licence": "license",
    "offence": "offense",
    "organisation": "organization",
    "organisations": "organizations",
    "programme": "program",
    "labour": "labor",
    "harbour": "harbor",
    "honour": "honor",
    "colour": "color",
    "neighbour": "neighbor",
    "favour": "favor",
    "jewellery": "jewelry",
}
#: Abbreviated words of place and organisation names, written out so "Mt Cook" is "Mount
#: Cook" and "Dept of Justice" the "Department of Justice". Source: USPS Publication 28
#: (street and place designators) and the common abbreviations of the Oxford Style Manual.
NAME_ABBREVIATIONS: dict[str, str] = {
    "mt": "mount",
    "mtn": "mountain",
    "mtns": "mountains",
    "ft": "fort",
    "pt": "point",
    "ave": "avenue",
    "blvd": "boulevard",
    "rd": "road",
    "hwy": "highway",
    "sq": "square",
    "dept": "department",
    "govt": "government",
    "natl": "national",
    "intl": "international",
    "univ": "university",
    "assn": "association",
    "corp": "corporation",
    "bros": "brothers",
}
#: Generic top-level domains that end a site's name used as an outlet or company name
#: ("TMZ.com" is "TMZ"). Source: IANA root zone, original generic TLDs.
WEB_SUFFIXES: frozenset[str] = frozenset({"com", "org", "net"})

#: Generational suffixes after English personal names (Chicago Manual of Style 6.43).
GENERATIONAL_SUFFIXES: frozenset[str] = frozenset({"jr", "sr", "ii", "iii", "iv"})


def strip_possessive(text: str) -> str:
    """``Tarnovia’s`` → ``Tarnovia``; ``Jones'`` → ``Jones``; trailing punctuation off."""
    text = _TRAILING.sub("", _LEADING.sub("", text))
    stripped = _POSSESSIVE.sub("", text)
    return stripped if stripped else text


def strip_elision(text: str) -> str:
    """``l'ONU`` → ``ONU``; ``d’Israël`` → ``Israël``: a French elided article off a name."""
    return _ELISION.sub("", text) or text


@dataclass(slots=True, frozen=True)
class ParsedName:
    """A surface form reduced to comparable parts."""

    surface: str
    tokens: tuple[str, ...]  # ASCII lower-case, honorifics/articles removed, hyphens kept
    title: str | None = None  # first honorific seen (lower-case, no dot)
    gender: str | None = None  # "m" / "f" from the honorific, else None
    acronym_form: bool = False  # the mention itself looks like an acronym
    parts: tuple[str, ...] = field(default=())  # tokens with hyphenated parts split
    #: ``compact(tokens)``, stored: it is read in every name comparison.
    compact: str = ""

    @property
    def is_multi(self) -> bool:
        return len(self.tokens) >= 2


def compact(tokens: tuple[str, ...] | list[str]) -> str:
    return "".join(t.replace("-", "").replace("'", "") for t in tokens)


#: Names parsed in another process (``remember_parsed``): parsing reads the multilingual
#: name tables (``nlp.crosslingual_names``), which a process that only resolves need not load.
_KNOWN_PARSED: dict[str, ParsedName] = {}
#: Names remembered at most; past it the table starts afresh (what is missing is parsed).
KNOWN_PARSED_MAX = 200_000


def remember_parsed(parsed: dict[str, ParsedName]) -> None:
    """Answer ``parse_name`` for these surfaces from another process's parses (the same
    function over the same tables: the same answers)."""
    if len(_KNOWN_PARSED) + len(parsed) > KNOWN_PARSED_MAX:
        _KNOWN_PARSED.clear()
    _KNOWN_PARSED.update(parsed)


def parse_name(surface: str) -> ParsedName:
    """Parse a mention's text into tokens, title and gender cue (cached: names repeat)."""
    known = _KNOWN_PARSED.get(surface)
    return known if known is not None else _parse_name(surface)


@lru_cache(maxsize=200_000)
def _parse_name(surface: str) -> ParsedName:
    clean = strip_possessive(surface.strip())
    clean = strip_elision(clean)
    is_acr = bool(_ACRONYM.match(clean.replace(" ", ""))) and len(clean) <= 12
    # "the UN", "la ONU": an acronym behind an article is still an acronym.
    head, _, rest = clean.partition(" ")
    core = rest if rest and head.lower() in LEADING_ARTICLES else clean
    core_acr = is_acr if core is clean else bool(_ACRONYM.match(core)) and len(core) <= 12
    canonical = canonical_tokens(fold_words(core), acronym=core_acr) or canonical_tokens(fold_words(clean))
    if canonical is not None:
        parts = tuple(canonical)
        return ParsedName(clean, parts, None, None, core_acr, parts, compact(parts))
    folded = unidecode(clean).lower().replace("’", "'")
    for article in _LEADING_ARTICLE:
        if folded.startswith(article):
            folded = folded[len(article) :]
    raw_tokens = _TOKEN.findall(folded.replace(".", " ") if not is_acr else folded.replace(".", ""))
    title: str | None = None
    gender: str | None = None
    tokens: list[str] = []
    for i, tok in enumerate(raw_tokens):
        # Titles only count before the name proper ("Mr. Lind", "President Varga").
        if not tokens and tok in HONORIFICS and i < len(raw_tokens) - 1:
            if title is None:
                title = tok
                gender = HONORIFICS[tok]
            continue
        tokens.append(tok)
    if not tokens:
        tokens = raw_tokens
    while len(tokens) > 1 and tokens[0] in LEADING_FUNCTION_WORDS:
        tokens.pop(0)
    if len(tokens) > 1 and tokens[-1] in WEB_SUFFIXES and re.search(r"\.\s*" + tokens[-1] + r"\s*$", folded):
        tokens.pop()
    tokens = [SPELLING_VARIANTS.get(t, t) for t in tokens]
    if len(tokens) > 1 and not is_acr:
        tokens = [NAME_ABBREVIATIONS.get(t, t) for t in tokens]
    # "Arcade Comeaux Jr." is "Arcade Comeaux" for matching ("Comeaux" is his surname).
    while len(tokens) > 2 and tokens[-1] in GENERATIONAL_SUFFIXES:
        tokens.pop()
    parts = tuple(p for t in tokens for p in t.split("-") if p)
    return ParsedName(clean, tuple(tokens), title, gender, is_acr, parts, compact(tokens))


@lru_cache(maxsize=200_000)
def variant_key(compact_name: str) -> str:
    """Romanisation skeleton of a compact name (see ``ROMANISATION_FOLDS``)."""
    key = compact_name
    for pattern, repl in _FOLDS:
        key = pattern.sub(repl, key)
    return key


@lru_cache(maxsize=200_000)
def consonant_skeleton(word: str) -> str:
    """Consonant skeleton of one ASCII lower-case word (see ``SKELETON_FOLDS``); "" when
    it is shorter than ``SKELETON_MIN`` consonants."""
    key = word.replace("-", "")
    for pattern, repl in _SKELETON:
        key = pattern.sub(repl, key)
    return key if len(key) >= SKELETON_MIN else ""


def skeleton_words(p: ParsedName, min_length: int = 5) -> list[str]:
    """The words of a name that may carry a transliteration skeleton key: its long words,
    minus generic designators ("Civil", "Defense" are not what names the group)."""
    return [
        t
        for t in p.parts
        if len(t) >= min_length and t not in ORG_DESIGNATORS and t not in NAME_STOPWORDS and t.isalpha()
    ]


def acronym(surface: str) -> str | None:
    """Initials of a multi-word name (``National Intelligence Service`` → ``nis``), else None."""
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", unidecode(strip_possessive(surface)))
    words = [w for w in words if w.lower() not in NAME_STOPWORDS]
    if len(words) < 2:
        return None
    initials = []
    for w in words:
        # Hyphenated words contribute each capitalised part ("Al-Qaeda" → AQ is rare; keep first).
        initials.append(w[0])
    return "".join(initials).lower()


def is_acronym(surface: str) -> bool:
    return parse_name(surface).acronym_form
