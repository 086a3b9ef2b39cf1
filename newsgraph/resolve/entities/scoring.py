"""Pairwise evidence for cross-document decisions: name, context, co-occurrence, type.

Owns the *kind* of name match between a document chain and an entity (``exact``,
``acronym``, ``subset``, ``variant`` (romanisation skeleton), ``typo`` (one edit),
``partial`` (one word of a full name), ``skeleton`` (one word with the consonant skeleton
of the other name or of one of its end words: a loose transliteration), ``weak``), and the support scores that
decide whether that kind of match is enough: cosine of IDF-weighted context terms
(spaCy sm has no real word vectors, so bag-of-lemmas TF-IDF is the honest choice)
and shared rare co-occurring entities. Type compatibility is soft: the sm model
types transliterated names inconsistently, so a type clash costs score instead of
vetoing the merge.

The guard that keeps namesakes apart: two multi-word person names whose differing
words are not one typo or one transliteration variant (``Lee Min-ho`` /
``Lee Min-ha``) are ``weak`` however similar the strings, and weak never merges.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from newsgraph.nlp.crosslingual_names import known_kind
from newsgraph.resolve.entities.names import (
    ParsedName,
    acronym,
    compact,
    consonant_skeleton,
    parse_name,
    skeleton_words,
    variant_key,
)

__all__ = [
    "TYPE_GROUPS",
    "NameMatch",
    "best_name_match",
    "conflicting_expansions",
    "cosine",
    "demonym_clash",
    "generic_short_name",
    "majority_group",
    "name_match",
    "type_compatibility",
]

#: NER labels that may name the same thing (a city is a GPE in one sentence and a LOC in
#: another; an agency ORG is sometimes tagged NORP or FAC). OntoNotes label definitions.
TYPE_GROUPS: dict[str, str] = {
    "PERSON": "person",
    "PER": "person",
    "ORG": "org",
    "NORP": "org",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "PRODUCT": "thing",
    "WORK_OF_ART": "thing",
    "LAW": "thing",
    "EVENT": "thing",
    "LANGUAGE": "thing",
    "MISC": "thing",
}


def demonym_clash(a: str, b: str) -> bool:
    """A nationality/group word (NORP: "Canadian") is never a spelling of a place or a
    name ("Canada"), however close the strings."""
    return (a == "NORP") != (b == "NORP") and bool(a) and bool(b)


#: Name-match strength per kind: what the name alone is worth before support.
KIND_SCORE: dict[str, float] = {
    "exact": 1.0,
    "acronym": 0.9,
    "subset": 0.9,
    "variant": 0.85,
    "typo": 0.85,
    "partial": 0.7,
    "skeleton": 0.7,
    "nominal": 0.7,
    "synonym": 0.6,  # a related head noun ("prisoner" ~ "inmate"): below the same noun
    "weak": 0.0,
}


@dataclass(slots=True, frozen=True)
class NameMatch:
    kind: str
    score: float
    a: str = ""
    b: str = ""


_NONE = NameMatch("weak", 0.0)


def _token_typo(a: tuple[str, ...], b: tuple[str, ...], min_len: int) -> bool:
    if len(a) != len(b):
        return False
    diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if len(diff) != 1:
        return False
    x, y = diff[0]
    if min(len(x), len(y)) < 3:
        return False  # two different initials ("John A. Smith" / "John B. Smith") are no typo
    return len("".join(a)) >= min_len and Levenshtein.distance(x.replace("-", ""), y.replace("-", "")) <= 1


def _token_variant(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Same words up to romanisation variants, word by word (so namesakes stay apart)."""
    if len(a) != len(b):
        return False
    leeway = 1  # one long word may differ by one letter of its skeleton (short vowels: Haraket/Harakat)
    for x, y in zip(a, b, strict=True):
        if x == y:
            continue
        kx, ky = variant_key(x.replace("-", "")), variant_key(y.replace("-", ""))
        if kx == ky:
            continue
        if leeway and min(len(x), len(y)) >= 5 and x[0] == y[0] and Levenshtein.distance(kx, ky) <= 1:
            leeway -= 1
            continue
        return False
    return a != b


def _short_given_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Same surname and a first name that is a short form of the other's ("Mo Cheeks" /
    "Maurice Cheeks", "Chris Paul" / "Christopher Paul"): English hypocoristics are most
    often the opening letters of the full name. Only the first word may differ, so
    "Lee Min-ho" / "Lee Min-ha" (differing last words) never qualify."""
    if len(a) != len(b) or len(a) < 2 or a[1:] != b[1:] or a[0] == b[0]:
        return False
    short, long = sorted((a[0], b[0]), key=len)
    return len(short) >= 2 and long.startswith(short) and "-" not in long


def _initial_of(x: str, y: str) -> bool:
    """The same word, or one is the initial of the other ("C" / "Cheney")."""
    return x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))


def _middle_names_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One person written with and without middle names or initials ("Frederick C.
    LaRue" / "Frederick Cheney LaRue" / "Fred LaRue"): same last word, first words equal
    or one a short form of the other (never a bare initial: "W. Smith" may be anyone),
    and every middle word of the shorter form, in order, equal to or the initial of a
    middle word of the longer. The names of the Chicago Manual of Style's "Personal
    names" rules (8.4–8.14) vary this way; a namesake differs in a full word."""
    if len(a) < 2 or len(b) < 2 or a[-1] != b[-1] or a == b:
        return False
    fa, fb = a[0], b[0]
    if min(len(fa), len(fb)) < 2:
        return False
    if fa != fb:
        short, long = sorted((fa, fb), key=len)
        if not long.startswith(short) or "-" in long:
            return False
    ma, mb = sorted((a[1:-1], b[1:-1]), key=len)
    it = iter(mb)
    return all(any(_initial_of(x, y) for y in it) for x in ma)


def _in_order(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return all(any(tok == x for x in it) for tok in short)


def name_match(a: ParsedName, b: ParsedName, min_len: int = 5) -> NameMatch:
    """Classify how two parsed names relate (symmetric)."""
    if not a.tokens or not b.tokens:
        return _NONE
    ca, cb = a.compact, b.compact
    if ca == cb:
        return NameMatch("exact", 1.0, a.surface, b.surface)
    if known_kind(a.tokens) and known_kind(b.tokens):
        # Two different names of the place and organisation tables ("United Nations", "United
        # Nations Security Council"; "Niger", "Nigeria") are two entities, not a part and its whole.
        return _NONE
    if a.acronym_form != b.acronym_form:
        short, long = (a, b) if a.acronym_form else (b, a)
        if acronym(long.surface) == short.compact:
            return NameMatch("acronym", KIND_SCORE["acronym"], a.surface, b.surface)
        return _NONE
    if a.is_multi and b.is_multi:
        if _token_variant(a.tokens, b.tokens):
            return NameMatch("variant", KIND_SCORE["variant"], a.surface, b.surface)
        if _token_typo(a.tokens, b.tokens, min_len):
            return NameMatch("typo", KIND_SCORE["typo"], a.surface, b.surface)
        if _short_given_name(a.tokens, b.tokens):
            return NameMatch("variant", KIND_SCORE["variant"] - 0.05, a.surface, b.surface)
        short, long = (a, b) if len(a.tokens) < len(b.tokens) else (b, a)
        if len(short.tokens) < len(long.tokens) and _in_order(short.tokens, long.tokens):
            return NameMatch("subset", KIND_SCORE["subset"], a.surface, b.surface)
        if _middle_names_agree(a.tokens, b.tokens):
            return NameMatch("variant", KIND_SCORE["variant"] - 0.05, a.surface, b.surface)
        return _NONE
    if a.is_multi != b.is_multi:
        single, multi = (a, b) if not a.is_multi else (b, a)
        parts = [compact((t,)) for t in multi.tokens]
        if single.compact in (parts[0], parts[-1]):
            return NameMatch("partial", KIND_SCORE["partial"], a.surface, b.surface)
        if _skeleton_match(single, multi, min_len):
            return NameMatch("skeleton", KIND_SCORE["skeleton"], a.surface, b.surface)
        return _NONE
    # Two single words: a transliteration variant or a one-letter typo of a long word.
    if len(ca) >= min_len and len(cb) >= min_len:
        if variant_key(ca) == variant_key(cb):
            return NameMatch("variant", KIND_SCORE["variant"], a.surface, b.surface)
        if Levenshtein.distance(ca, cb) <= 1 and min(len(ca), len(cb)) >= min_len + 1:
            return NameMatch("typo", KIND_SCORE["typo"], a.surface, b.surface)
        # Vowel-dropping transliteration (Velmora/Velmara): same skeleton up to one edit,
        # and the strings themselves close.
        if Levenshtein.distance(variant_key(ca), variant_key(cb)) <= 1 and fuzz.ratio(ca, cb) >= 80:
            return NameMatch("variant", KIND_SCORE["variant"] - 0.05, a.surface, b.surface)
        if _skeleton_match(a, b, min_len):
            return NameMatch("skeleton", KIND_SCORE["skeleton"], a.surface, b.surface)
    return _NONE


def _skeleton_match(single: ParsedName, other: ParsedName, min_len: int) -> bool:
    """A one-word name with the consonant skeleton of the other name (one word) or of its
    first or last distinctive word ("Velmora" ~ "Vellamora Harbour Guard"): the loosest
    name evidence there is, so its kind needs the most support."""
    if single.is_multi or single.acronym_form or other.acronym_form:
        return False
    key = consonant_skeleton(single.compact) if len(single.compact) >= min_len else ""
    if not key:
        return False
    if not other.is_multi:
        return len(other.compact) >= min_len and consonant_skeleton(other.compact) == key
    words = skeleton_words(other, min_len)
    return bool(words) and key in {consonant_skeleton(words[0]), consonant_skeleton(words[-1])}


def best_name_match(
    chain_names: list[ParsedName], entity_names: list[ParsedName], min_len: int = 5
) -> NameMatch:
    best = _NONE
    for a in chain_names:
        for b in entity_names:
            match = name_match(a, b, min_len)
            if match.score > best.score:
                best = match
                if best.kind == "exact":
                    return best
    return best


def cosine(
    a: dict[str, float], b: dict[str, float], idf: dict[str, float] | None, default_idf: float
) -> float:
    """Cosine of two term-weight maps, each weight scaled by IDF."""
    if not a or not b:
        return 0.0

    def w(term: str) -> float:
        return idf.get(term, default_idf) if idf is not None else 1.0

    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b[t] * w(t) ** 2 for t, v in a.items() if t in b)
    if dot == 0:
        return 0.0
    na = math.sqrt(sum((v * w(t)) ** 2 for t, v in a.items()))
    nb = math.sqrt(sum((v * w(t)) ** 2 for t, v in b.items()))
    return dot / (na * nb) if na and nb else 0.0


def majority_group(labels: Counter[str]) -> str | None:
    """The ``TYPE_GROUPS`` group most of these NER labels fall in (None when there are none)."""
    groups: Counter[str] = Counter()
    for label, n in labels.items():
        groups[TYPE_GROUPS.get(label, label)] += n
    return groups.most_common(1)[0][0] if groups else None


def generic_short_name(match: NameMatch, is_generic: Callable[..., bool]) -> bool:
    """A partial or subset match whose shorter name is only the closing common noun(s) of
    an organisation or place name ("Group" ~ "Baikal Finance Group", "the Stock Exchange"
    ~ "Bombay Stock Exchange"): those words say what kind of thing it is, not which one.
    ``is_generic`` says whether a closing word is such a category noun."""
    a, b = parse_name(match.a), parse_name(match.b)
    short, long = sorted((a, b), key=lambda p: len(p.tokens))
    n = len(short.tokens)
    if not n or n >= len(long.tokens) or long.tokens[-n:] != short.tokens:
        return False
    return is_generic(compact((short.tokens[-1],))) and all(
        is_generic(compact((t,)), closing=False) for t in short.tokens[:-1]
    )


def conflicting_expansions(
    chain_names: list[ParsedName], entity_names: list[ParsedName], min_len: int
) -> bool:
    """An acronym stands for one expansion: when both sides already spell one out for the
    same initials ("London School of Economics" / "London Stock Exchange" for "LSE") and
    the two expansions are not one name, the acronym is no evidence they are one."""
    def expansions(names: list[ParsedName]) -> dict[str, list[ParsedName]]:
        out: dict[str, list[ParsedName]] = {}
        for p in names:
            initials = acronym(p.surface) if p.is_multi and not p.acronym_form else None
            if initials:
                out.setdefault(initials, []).append(p)
        return out

    mine, theirs = expansions(chain_names), expansions(entity_names)
    for initials, ours in mine.items():
        others = theirs.get(initials)
        if others and all(name_match(a, b, min_len).kind == "weak" for a in ours for b in others):
            return True
    return False


def type_compatibility(chain_labels: Counter[str], entity_votes: Counter[str]) -> float:
    """1 when the majority groups agree, 0.5 when either side is unsure, 0 on a confident clash."""
    if not chain_labels or not entity_votes:
        return 1.0
    cg = Counter()
    for label, n in chain_labels.items():
        cg[TYPE_GROUPS.get(label, label)] += n
    eg = Counter()
    for label, n in entity_votes.items():
        eg[TYPE_GROUPS.get(label, label)] += n
    c_top, c_n = cg.most_common(1)[0]
    e_top, e_n = eg.most_common(1)[0]
    if c_top == e_top:
        return 1.0
    if eg.get(c_top, 0) or cg.get(e_top, 0):
        return 0.5
    c_conf = c_n / sum(cg.values())
    e_conf = e_n / sum(eg.values())
    if c_conf < 0.75 or e_conf < 0.75 or sum(eg.values()) < 3:
        return 0.5
    return 0.0
