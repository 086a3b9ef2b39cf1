"""French full-text search: the Snowball French stemmer and the French index's text.

Owns ``stem(word)`` and ``stemmed_text(text)``. FTS5 ships only an English stemmer
(``porter``) and Python's sqlite3 cannot register a tokenizer, so French documents get a
second index (``documents_fts_fr``, migration 14) whose rows are their title and text as
French stems, written with the plain ``unicode61`` tokenizer; a query is stemmed the same
way and matched there as well as in the English index (``Store.search``,
``facts_queries.search_hits``). "manifestations" then finds "manifestants" ("manifest")
and "attaquée" finds "attaquaient" ("attaqu").

The stemmer is the Snowball French algorithm (M. Porter, snowballstem.org,
"The French stemming algorithm", BSD licence), written out here from its published
description: regions RV, R1, R2; step 1 standard suffixes; steps 2a/2b verb suffixes;
step 4 residual suffixes; undoubling and un-accenting. No stemming package is installed
(``snowballstemmer``/PyStemmer are not dependencies); this is the same algorithm, checked
by tests on its published examples.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["stem", "stemmed_query_words", "stemmed_text"]

_VOWELS = set("aeiouyâàëéêèïîôûù")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


def _mark(word: str) -> str:
    """Snowball's preparation: u/i between vowels, y next to a vowel and u after q are
    consonants (upper case); ë and ï become He and Hi."""
    chars = list(word)
    for i, ch in enumerate(chars):
        prev = chars[i - 1] if i else ""
        nxt = chars[i + 1] if i + 1 < len(chars) else ""
        if ch in "ui" and prev in _VOWELS and nxt in _VOWELS and prev and nxt:
            chars[i] = ch.upper()
        elif ch == "y" and ((prev and prev in _VOWELS) or (nxt and nxt in _VOWELS)):
            chars[i] = "Y"
        elif ch == "u" and prev == "q":
            chars[i] = "U"
    return "".join(chars).replace("ë", "He").replace("ï", "Hi")


def _regions(w: str) -> tuple[int, int, int]:
    n = len(w)
    if (n >= 2 and w[0] in _VOWELS and w[1] in _VOWELS) or w[:3] in ("par", "col", "tap"):
        rv = 3
    else:
        rv = next((i + 1 for i in range(1, n) if w[i] in _VOWELS), n)
    rv = min(rv, n)

    def after(start: int) -> int:
        for i in range(start + 1, n):
            if w[i] not in _VOWELS and w[i - 1] in _VOWELS:
                return i + 1
        return n

    r1 = after(0)
    r2 = after(r1)
    return rv, r1, r2


def _ends(w: str, suffixes: tuple[str, ...]) -> str:
    best = ""
    for s in suffixes:
        if w.endswith(s) and len(s) > len(best):
            best = s
    return best


def _step1(w: str, rv: int, r1: int, r2: int) -> tuple[str, bool]:
    """Standard suffixes; (word, whether a suffix was removed or replaced)."""
    def in_r(suffix: str, region: int) -> bool:
        return len(w) - len(suffix) >= region

    s = _ends(w, ("ance", "iqUe", "isme", "able", "iste", "eux", "ances", "iqUes", "ismes", "ables", "istes"))
    if s and s not in ("eux",) and in_r(s, r2):
        return w[: -len(s)], True
    s = _ends(w, ("atrice", "ateur", "ation", "atrices", "ateurs", "ations"))
    if s:
        if not in_r(s, r2):
            return w, False
        w = w[: -len(s)]
        if w.endswith("ic"):
            w = w[:-2] if len(w) - 2 >= r2 else w[:-2] + "iqU"
        return w, True
    s = _ends(w, ("logie", "logies"))
    if s and in_r(s, r2):
        return w[: -len(s)] + "log", True
    s = _ends(w, ("usion", "ution", "usions", "utions"))
    if s and in_r(s, r2):
        return w[: -len(s)] + "u", True
    s = _ends(w, ("ence", "ences"))
    if s and in_r(s, r2):
        return w[: -len(s)] + "ent", True
    s = _ends(w, ("issement", "issements"))
    if s and in_r(s, r1) and len(w) > len(s) and w[-len(s) - 1] not in _VOWELS:
        return w[: -len(s)], True
    s = _ends(w, ("ement", "ements"))
    if s and in_r(s, rv):
        w = w[: -len(s)]
        if w.endswith("iv") and len(w) - 2 >= r2:
            w = w[:-2]
            if w.endswith("at") and len(w) - 2 >= r2:
                w = w[:-2]
        elif w.endswith("eus"):
            if len(w) - 3 >= r2:
                w = w[:-3]
            elif len(w) - 3 >= r1:
                w = w[:-3] + "eux"
        elif w.endswith(("abl", "iqU")) and len(w) - 3 >= r2:
            w = w[:-3]
        elif w.endswith(("ièr", "Ièr")) and len(w) - 3 >= rv:
            w = w[:-3] + "i"
        return w, True
    s = _ends(w, ("ité", "ités"))
    if s and in_r(s, r2):
        w = w[: -len(s)]
        if w.endswith("abil"):
            w = w[:-4] if len(w) - 4 >= r2 else w[:-4] + "abl"
        elif w.endswith("ic"):
            w = w[:-2] if len(w) - 2 >= r2 else w[:-2] + "iqU"
        elif w.endswith("iv") and len(w) - 2 >= r2:
            w = w[:-2]
        return w, True
    s = _ends(w, ("if", "ive", "ifs", "ives"))
    if s and in_r(s, r2):
        w = w[: -len(s)]
        if w.endswith("at") and len(w) - 2 >= r2:
            w = w[:-2]
            if w.endswith("ic"):
                w = w[:-2] if len(w) - 2 >= r2 else w[:-2] + "iqU"
        return w, True
    if w.endswith("eaux"):
        return w[:-1], True
    if w.endswith("aux") and in_r("aux", r1):
        return w[:-3] + "al", True
    s = _ends(w, ("euse", "euses"))
    if s:
        if in_r(s, r2):
            return w[: -len(s)], True
        if in_r(s, r1):
            return w[: -len(s)] + "eux", True
    if w.endswith("eux") and in_r("eux", r2):
        return w[:-3], True
    if w.endswith("amment") and in_r("amment", rv):
        return w[:-6] + "ant", False  # replaced: steps 2a/2b still apply
    if w.endswith("emment") and in_r("emment", rv):
        return w[:-6] + "ent", False
    s = _ends(w, ("ment", "ments"))
    if s and in_r(s, rv) and len(w) > len(s) and w[-len(s) - 1] in _VOWELS and len(w) - len(s) - 1 >= rv:
        return w[: -len(s)], False
    return w, False


_VERB_I = (
    "îmes", "ît", "îtes", "i", "ie", "ies", "ir", "ira", "irai", "iraIent", "irais", "irait", "iras",
    "irent", "irez", "iriez", "irions", "irons", "iront", "is", "issaIent", "issais", "issait",
    "issant", "issante", "issantes", "issants", "isse", "issent", "isses", "issez", "issiez",
    "issions", "issons", "it",
)
_VERB_E = (
    "é", "ée", "ées", "és", "èrent", "er", "era", "erai", "eraIent", "erais", "erait", "eras", "erez",
    "eriez", "erions", "erons", "eront", "ez", "iez",
)
_VERB_A = (
    "âmes", "ât", "âtes", "a", "ai", "aIent", "ais", "ait", "ant", "ante", "antes", "ants", "as", "asse",
    "assent", "asses", "assiez", "assions",
)


def _step2(w: str, rv: int, r2: int) -> tuple[str, bool]:
    s = _ends(w[rv:], _VERB_I)
    if s and len(w) > len(s) and len(w) - len(s) - 1 >= rv and w[-len(s) - 1] not in _VOWELS:
        return w[: -len(s)], True
    region = w[rv:]
    s = _ends(region, ("ions",))
    if s and len(w) - len(s) >= r2:
        return w[: -len(s)], True
    s_e, s_a = _ends(region, _VERB_E), _ends(region, _VERB_A)
    if s_e and len(s_e) >= len(s_a):
        return w[: -len(s_e)], True
    if s_a:
        w = w[: -len(s_a)]
        if w.endswith("e") and len(w) - 1 >= rv:
            w = w[:-1]
        return w, True
    return w, False


def _residual(w: str, rv: int, r2: int) -> str:
    # A final s goes unless a vowel or s precedes it (the i of a marked "Hi" does not count).
    if w.endswith("s") and len(w) > 1 and (w[-2] not in "aiouès" or w.endswith("His")):
        w = w[:-1]
    region = w[rv:]
    if region.endswith("ion") and len(w) - 3 >= r2 and len(w) > 3 and w[-4] in "st":
        return w[:-3]
    s = _ends(region, ("ier", "ière", "Ier", "Ière"))
    if s:
        return w[: -len(s)] + "i"
    if region.endswith("e"):
        return w[:-1]
    if region.endswith("He") and w.endswith("guHe"):
        return w[:-2]
    return w


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """The Snowball French stem of one word (lower-cased; accents kept as the algorithm
    wants them, then ``é``/``è`` before final consonants un-accented)."""
    w = _mark(word.lower())
    if len(w) <= 2:
        return word.lower()
    rv, r1, r2 = _regions(w)
    before = w
    w, removed = _step1(w, rv, r1, r2)
    changed = w != before
    if not removed:
        w2, verb = _step2(w, rv, r2)
        changed = changed or verb
        w = w2
    if changed:
        if w.endswith("Y"):
            w = w[:-1] + "i"
        elif w.endswith("ç"):
            w = w[:-1] + "c"
    else:
        w = _residual(w, rv, r2)
    if w.endswith(("enn", "onn", "ett", "ell", "eill")):
        w = w[:-1]
    m = re.search(r"[éè]([^aeiouyâàëéêèïîôûù]+)$", w)
    if m:
        w = w[: m.start()] + "e" + m.group(1)
    return w.replace("He", "ë").replace("Hi", "ï").lower()


def _strip_elision(token: str) -> str:
    return re.sub(r"^(?:[ldjmntsc]|qu)['’]", "", token, flags=re.IGNORECASE)


def stemmed_text(text: str) -> str:
    """``text`` as space-separated French stems (elided articles dropped: "l'attaque" →
    "attaqu") — what the French index holds."""
    return " ".join(stem(_strip_elision(t)) for t in _WORD.findall(text or ""))


def stemmed_query_words(words: list[str]) -> list[str]:
    """The stems of a query's words (for the French index)."""
    return [stem(_strip_elision(w)) for w in words if w]
