"""Country names in any language CLDR knows: "Nordkorea", "Estados Unidos", "Corea del Nord".

Owns ``country_code(name, language) -> ISO 3166 code | None``, which ``nlp.places`` and
``nlp.partial`` consult for a document in a language other than English and French
(French has its own table with press forms and demonyms, ``nlp.places_fr``).

The names are the Unicode CLDR territory display names of the document's language as the
installed Babel ships them (``Locale(language).territories``; Unicode licence), two-letter
codes only (numeric codes are world regions); a parenthesised part is an alias of its own
("Myanmar (Birma)" → "Birma"). A leading definite article is tried off ("die Schweiz",
"los Estados Unidos"): the articles of ``crosslingual_names.LEADING_ARTICLES`` and, for any
language, one leading lower-case word when the rest is a name.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["country_code"]


def _key(text: str) -> str:
    from newsgraph.nlp.crosslingual_names import fold_words

    return " ".join(fold_words(text))


@lru_cache(maxsize=32)
def _countries(language: str) -> dict[str, str]:
    try:
        from babel import Locale

        territories = Locale.parse(language).territories
    except Exception:  # noqa: BLE001 - a language CLDR does not know has no names here
        return {}
    out: dict[str, set[str]] = {}
    for code, label in territories.items():
        if len(code) != 2 or not code.isalpha():
            continue
        main, _, extra = label.partition("(")
        for alias in (main, extra.rstrip(")")):
            if key := _key(alias):
                out.setdefault(key, set()).add(code)
    return {k: next(iter(v)) for k, v in out.items() if len(v) == 1}


def country_code(name: str, language: str | None) -> str | None:
    """ISO code of the country ``name`` names in ``language``, or None."""
    from newsgraph.nlp.crosslingual_names import LEADING_ARTICLES

    if not language:
        return None
    table = _countries(language.split("-")[0].lower())
    if not table:
        return None
    hit = table.get(_key(name))
    if hit is None:
        head, _, rest = name.strip().partition(" ")
        if rest and (head.lower() in LEADING_ARTICLES or head.islower()):
            hit = table.get(_key(rest))
    return hit
