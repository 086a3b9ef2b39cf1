"""French full-text search: the Snowball French stemmer and the French index's text.

Owns ``stem(word)`` and ``stemmed_text(text)``. FTS5 ships only an English stemmer
(``porter``) and Python's sqlite3 cannot register a tokenizer, so French documents get a
second index (``documents_fts_fr``, migration 14) whose rows are their title and text as
French stems, written with the plain ``unicode61`` tokenizer; a query is stemmed the same
way and matched there as well as in the English index (``Store.search``,
``facts_queries.search_hits``). "manifestations" then finds "manifestants" ("manifest")
and "attaquée" finds "attaquaient" ("attaqu").

The stemmer is the Snowball French algorithm (M. Porter, snowballstem.org) from the
``snowballstemmer`` package (BSD; the algorithm's own generated code). It replaced a copy
written out here from the published description, which got words with a diaeresis wrong
("koweït" → "koweh").
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

__all__ = ["stem", "stemmed_query_words", "stemmed_text"]

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_STEMMER = snowballstemmer.stemmer("french")


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """The Snowball French stem of one word (lower-cased)."""
    return _STEMMER.stemWord(word.lower())


def _strip_elision(token: str) -> str:
    return re.sub(r"^(?:[ldjmntsc]|qu)['’]", "", token, flags=re.IGNORECASE)


def stemmed_text(text: str) -> str:
    """``text`` as space-separated French stems (elided articles dropped: "l'attaque" →
    "attaqu") — what the French index holds."""
    return " ".join(stem(_strip_elision(t)) for t in _WORD.findall(text or ""))


def stemmed_query_words(words: list[str]) -> list[str]:
    """The stems of a query's words (for the French index)."""
    return [stem(_strip_elision(w)) for w in words if w]
