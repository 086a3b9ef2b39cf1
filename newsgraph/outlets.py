"""Outlet names and domains, compared: "The Korea Times" and koreatimes.co.kr are one outlet.

Shared by the clean stage (a publisher found from a URL keeps the domain unless the text
names the outlet) and by ``newsgraph.independence`` (one publisher counts once, whether an
article names it or its address does). General string rules only — no table of outlets.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

__all__ = ["names_outlet", "outlet_key", "registrable_domain"]

_WORD = re.compile(r"\w+")
_HOSTNAME = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,24}$")
#: Second-level labels under a country code ("co.uk", "com.au"): not the outlet's name.
_GENERIC_SLD = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "or", "ne", "go", "gob", "nic"})
#: Generic top-level domains a file name or path component may end in (a two-letter
#: country code is accepted too); anything else after a dot is a file extension.
GENERIC_TLDS = frozenset({
    "com", "org", "net", "info", "biz", "news", "gov", "edu", "int", "mil", "io", "tv", "me", "co",
    "online", "site", "media", "press", "today", "world", "asia", "eu", "blog", "live", "global"})
#: Small words a domain usually drops from a name ("Mensagens de Reflexão" → mensagensreflexao).
_FUNCTION_WORDS = frozenset({"the", "of", "and", "de", "da", "do", "di", "du", "des", "del", "la", "le",
                             "el", "y", "e", "et", "und", "van", "von", "der", "den"})
#: Trailing words that name the medium rather than the outlet ("Fox News" / foxnews.com).
_MEDIUM_WORDS = ("news", "online", "com")


def _host(value: str) -> str | None:
    """The host name of a URL or bare host ("https://www.x.co.kr/a" → "www.x.co.kr")."""
    s = value.strip().casefold()
    if not s or " " in s:
        return None
    if "://" in s:
        try:
            host = urlsplit(s).hostname or ""
        except ValueError:
            return None
    else:
        host = s.split("/", 1)[0].split(":", 1)[0]
    return host if _HOSTNAME.match(host) else None


def registrable_domain(value: str | None) -> str | None:
    """The outlet's own part of a URL or host: "news.bbc.co.uk" → "bbc.co.uk",
    "https://edition.cnn.com/x" → "cnn.com"; None when it is not a URL or host name."""
    host = _host(value or "")
    if host is None:
        return None
    labels = host.split(".")
    keep = 2
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _GENERIC_SLD:
        keep = 3
    return ".".join(labels[-keep:])


def _fold(text: str) -> str:
    """Case and accents folded ("Reflexão" → "reflexao"), as domains write names."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def _words(name: str) -> list[str]:
    return [w for w in _WORD.findall(_fold(name).replace("_", " "))]


def _strip_medium(key: str) -> str:
    for medium in _MEDIUM_WORDS:  # "foxnews" / "Fox News" → "fox"; never down to nothing
        if key.endswith(medium) and len(key) - len(medium) >= 3:
            return key[: -len(medium)]
    return key


def outlet_key(name: str | None) -> str | None:
    """A comparable form of an outlet's name or domain: "The Korea Times" and
    "www.koreatimes.co.kr" both give "koreatimes"; "BBC News" and "bbc.co.uk" give "bbc"."""
    if not name or not name.strip():
        return None
    domain = registrable_domain(name)
    if domain is not None:
        words = [re.sub(r"[\W_]", "", domain.split(".")[0])]
    else:
        words = _words(name)
        if len(words) > 1 and words[0] == "the":
            words = words[1:]
    return _strip_medium("".join(words)) or None


def names_outlet(name: str, domain: str) -> bool:
    """Whether ``name`` is a name of the outlet at ``domain``: the same letters ("The Sun",
    thesun.co.uk; "Mensagens de Reflexão", mensagensreflexao.com.br), or initials of its
    first words and the rest ("Los Angeles Times", latimes.com; "Wall Street Journal",
    wsj.com)."""
    b = outlet_key(domain)
    words = _words(name)
    if not b or not words or registrable_domain(name) is not None:
        return bool(b) and outlet_key(name) == b
    if outlet_key(name) == b or _strip_medium("".join(words)) == b:  # with or without "The"
        return True
    core = [w for w in words if w not in _FUNCTION_WORDS]
    if _strip_medium("".join(core)) == b:
        return True
    return len(core) >= 2 and any(
        _strip_medium("".join(w[0] for w in core[:k]) + "".join(core[k:])) == b
        for k in range(1, len(core) + 1))
