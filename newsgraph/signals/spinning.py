"""Spinning artefacts: improbable word swaps, measured against native news.

A word spinner swaps words for dictionary synonyms without regard to idiom, so
fixed expressions break ("rogue state" becomes "rouge state", "flogs drugs" becomes
"whips drugs") and rare synonyms land where native writers use a common word ("a
memorialise high" for "a record high"). Two tests, each instance with its evidence:

- *broken fixed expression*: a word pair native news (the reference counts) never
  uses, where swapping one word back gives a fixed expression — a pair of the
  reference that is frequent and strongly associated (PMI), or one of WordNet's
  two-word compounds ("rogue state", "tear gas") — and the swapped word is a WordNet
  synonym or a near-spelling (edit distance 1–2, not an inflection) of the text's;
- *rare synonym out of context*: a word neither of whose neighbour pairs native news
  uses, with a WordNet synonym far commoner in general English (wordfreq, when
  installed; else in the reference) that native news puts beside the same neighbours
  often — less often for a word general English hardly uses, whose rarity is evidence
  too (``_min_support``). Function words count as neighbours: most swapped words stand
  next to one. A word's rarity is that of its commonest spelling (``spellings``: a
  British "-ise" is no rarer a word), and its other spelling is no synonym of it.

A near-spelling is a misspelling only when the text's word is not itself an everyday
word: "legal fight" is no misspelt "legal right".

The flag weighs the evidence against the text's length: a few distinct swaps at a
density native news does not reach, where a rare synonym out of context counts as two
when its word is rare in general English or the phrase it breaks is an everyday one
(``_strong_swap``), so a wire brief too short for two ordinary swaps is flagged on one
strong one while native articles' stray out-of-context words (mostly common words of a
house style) stay below the flag.

Needs a reference: the store's ``CollocationModel``, usually on top of the packaged
default (``native_reference.NativeReference``, which answers the same lookups and
``seen``: a pair the counts hold, not an estimate standing in for it); WordNet
(Debian ``wordnet-base``) supplies synonyms and compounds — without it only
near-spellings of counted expressions count.
We inflect synonyms ourselves (``_inflect``: regular English endings) because WordNet
holds base forms only and its morphy goes the other way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz.distance import OSA

from newsgraph.model.document import AnnotatedDocument, Document
from newsgraph.model.stories import EvidenceSpan, Signal
from newsgraph.nlp.wordnet import wordnet
from newsgraph.signals import settings as S
from newsgraph.signals._common import split_doc
from newsgraph.signals.reference import _CLAUSE, _WORD, CollocationModel, bigrams_of, wordnet_compounds

if TYPE_CHECKING:
    from newsgraph.signals.native_reference import NativeReference

    #: The store's counts alone, or on top of the packaged default (``native_reference``).
    Reference = CollocationModel | NativeReference

__all__ = ["ContextSwap", "near_spelling", "plain_spans", "spinning", "substitutions"]


def near_spelling(a: str, b: str) -> bool:
    """``a`` is ``b`` misspelt: edit distance 1 (2 for long words that are no English word
    themselves), and not an inflection or derivation of it."""
    if a == b or a.startswith(b) or b.startswith(a):
        return False  # office/officer, state/states
    n = min(len(a), len(b))
    if n < S.SPIN_SPELLING_MIN_LETTERS:
        return False
    d = OSA.distance(a, b, score_cutoff=2)
    if d > 2:
        return False
    wn = wordnet()
    if d == 2 and (n < S.SPIN_SPELLING2_MIN_LETTERS or (wn is not None and wn.lemmas(a))):
        return False  # two letters from another real word is usually just another word
    if wn is not None and wn.lemmas(a) & wn.lemmas(b):
        return False  # ran/run
    za, zb = _zipf(a), _zipf(b)
    if za is not None and za >= S.SPIN_SPELLING_MAX_ZIPF:
        return False  # a common word one letter from another is that word ("legal fight")
    return za is None or zb is None or za - zb < S.SPIN_SPELLING_MAX_ZIPF_GAP


#: Word pairs asked about are mostly new ones (on Reuters, 182,000 of 260,000 calls in the
#: first 1,000 articles): 200,000 remembered pairs held ~50 MB for a 30-35 % hit rate; 20,000
#: answer 20 % of the calls for ~5 MB (+0.6 ms of CPU per article).
@lru_cache(maxsize=20_000)
def _relation(word: str, alt: str) -> str | None:
    wn = wordnet()
    # synonyms first: centre/center share a synset, a spelling variant is not a spin
    if wn is not None and wn.synonyms(word, alt):
        return "synonym"
    if near_spelling(word, alt):
        return "near-spelling"
    return None


def _lemmas(word: str) -> set[str]:
    wn = wordnet()
    return ({word} | wn.lemmas(word)) if wn is not None else {word}


def _compound_index() -> dict[str, frozenset[str]]:
    """First word → second words of WordNet's compounds (built once)."""
    idx = _compound_index.__dict__.get("cache")
    if idx is None:
        tmp: dict[str, set[str]] = {}
        for second, firsts in wordnet_compounds().items():
            for f in firsts:
                tmp.setdefault(f, set()).add(second)
        idx = {k: frozenset(v) for k, v in tmp.items()}
        _compound_index.__dict__["cache"] = idx
    return idx


def _candidates(w1: str, w2: str, reference: Reference) -> list[tuple[str, str, str, float | None]]:
    """Fixed expressions one word away: (alt pair, which word changed, source, strength).

    The strength of a pair of the reference (its PMI) is None here, and such a pair is
    only a candidate partner (``left_partner_candidates``): the caller tests that it is
    fixed (``Reference.is_fixed``) and computes its strength for the few candidates that
    pass its cheaper tests first (most do not: ``is_fixed`` on every partner took about a
    fifth of the spinning signal's CPU in a profile of 300 BBC articles)."""
    out: list[tuple[str, str, str, float | None]] = []
    for alt in reference.left_partner_candidates(w2):
        out.append((f"{alt} {w2}", "first", "native usage", None))
    for alt in reference.right_partner_candidates(w1):
        out.append((f"{w1} {alt}", "second", "native usage", None))
    comp = wordnet_compounds()
    if comp:
        firsts = set().union(*(comp.get(lemma, frozenset()) for lemma in _lemmas(w2)))
        out += [(f"{alt} {w2}", "first", "WordNet compound", 0.0) for alt in firsts]
        right = _compound_index()
        seconds = right.get(w1, frozenset())
        out += [(f"{w1} {alt}", "second", "WordNet compound", 0.0) for alt in seconds]
    return out


_ENDINGS = ("ing", "ed", "es", "s", "er", "est")


def _suffix(word: str, lemma: str) -> str | None:
    """The regular inflection (one of ``_ENDINGS``) that makes ``word`` from ``lemma``, ""
    for the lemma itself, None when irregular ("ran" from "run"): then no synonym can be
    inflected alike."""
    if word == lemma:
        return ""
    for ending in _ENDINGS:
        if word.endswith(ending) and _inflect(lemma, ending) == word:
            return ending
        if word.endswith(ending) and word[:-len(ending)] == lemma + lemma[-1]:
            return ending  # stop → stopped: the doubled consonant
    return None


def _inflect(lemma: str, ending: str) -> str:
    """English spelling rules for a regular ending (a synonym inflected like the text's word)."""
    if not ending:
        return lemma
    consonant_y = lemma.endswith("y") and lemma[-2:-1] not in ("a", "e", "i", "o", "u", "")
    if ending in ("s", "es"):
        if consonant_y:
            return lemma[:-1] + "ies"
        return lemma + ("es" if lemma.endswith(("s", "x", "z", "ch", "sh")) else "s")
    if consonant_y and ending != "ing":
        return lemma[:-1] + "i" + ending
    if lemma.endswith("e") and ending[0] in "ei":
        if ending == "ing" and lemma.endswith("ee"):
            return lemma + ending  # see → seeing
        return lemma[:-1] + ending  # violate → violating, violated
    return lemma + ending


def _synonyms(word: str) -> frozenset[str]:
    """One-word WordNet synonyms of ``word``, inflected like it ("violating" → "breaching"
    via the lemma "violate" and the suffix "ing"); none for irregular forms."""
    cache: dict[str, frozenset[str]] = _synonyms.__dict__.setdefault("cache", {})
    if word in cache:
        return cache[word]
    wn = wordnet()
    out: set[str] = set()
    if wn is not None:
        members = _synset_members()
        for lemma in wn.lemmas(word):
            suffix = _suffix(word, lemma)
            if suffix is None:
                continue
            for sid in wn.synsets.get(lemma, ()):
                for syn in members.get(sid, ()):
                    if syn != lemma:
                        out.add(_inflect(syn, suffix))
    out.discard(word)
    cache[word] = frozenset(out)
    return cache[word]


def _synset_members() -> dict[str, list[str]]:
    idx = _synset_members.__dict__.get("cache")
    if idx is None:
        wn = wordnet()
        idx = {}
        if wn is not None:
            for lemma, ids in wn.synsets.items():
                if lemma.isalpha():
                    for sid in ids:
                        idx.setdefault(sid, []).append(lemma)
        _synset_members.__dict__["cache"] = idx
    return idx


@lru_cache(maxsize=50_000)
def _compound_firsts(word: str) -> tuple[frozenset[str], ...]:
    """The first words WordNet puts before ``word``'s lemmas in a compound ("rogue" of
    "state"): one set per lemma that closes any, shared with the table."""
    comp = wordnet_compounds()
    return tuple(comp[lemma] for lemma in _lemmas(word) if lemma in comp)


def _is_compound(w1: str, w2: str) -> bool:
    # Memoised per second word, not per pair: every distinct bigram of the corpus was a
    # key (200,000 pairs, ~300 bytes each, filled by the first ~8,000 news articles).
    return any(w1 in firsts for firsts in _compound_firsts(w2))


def _pair_swaps(text: str, reference: Reference,
                min_expected: float = S.SPIN_MIN_EXPECTED) -> list[EvidenceSpan]:
    """Word pairs that look like a fixed expression with one word swapped."""
    out: list[EvidenceSpan] = []
    # a small reference (a test's) has few function words to exclude
    common = reference.common(min(S.SPIN_COMMON_WORDS, len(reference.unigrams) // 50))
    for w1, w2, s, e in bigrams_of(text):
        if not (w1.isalpha() and w2.isalpha() and w1.islower() and w2.islower()):
            continue
        if len(w1) < 3 or len(w2) < 3 or w1 in common or w2 in common:
            continue
        if _seen(reference, w1, w2) or _is_compound(w1, w2):
            continue  # native usage: nothing to explain
        exp = reference.expected(w1, w2)
        best: tuple[int, float, str, str] | None = None
        for alt_pair, which, source, strength in _candidates(w1, w2, reference):
            a1, a2 = alt_pair.split(" ")
            word, alt = (w1, a1) if which == "first" else (w2, a2)
            if alt in common or alt == word:
                continue
            if exp < min_expected and not near_spelling(word, alt):
                # Only a near-spelling can count here (a synonym is skipped below): the
                # cheap spelling test first spares most candidates their WordNet look-up.
                continue
            if strength is None and not reference.is_fixed(a1, a2):
                continue  # a partner of the reference that is no fixed expression of it
            how = _relation(word, alt)
            if how is None:
                continue
            if how == "synonym" and exp < min_expected:
                continue  # a rare pair's absence from the reference proves nothing
            if strength is None:
                strength = reference.pmi(a1, a2)
            rank = (1 if how == "near-spelling" else 0, strength)
            if best is None or rank > best[:2]:
                best = (rank[0], rank[1], alt_pair, f"{how}; fixed expression of {source}")
        if best:
            out.append(EvidenceSpan(s, e, text[s:e],
                                    f"“{text[s:e]}” where native English says “{best[2]}” ({best[3]})"))
    return out


@dataclass(slots=True)
class ContextSwap(EvidenceSpan):
    """A rare synonym out of context, with how often native usage puts the commoner
    synonym beside the same neighbours (the reference's counts): the evidence's weight."""

    support: float = 0.0


@lru_cache(maxsize=200_000)
def _zipf(word: str) -> float | None:
    """General-English frequency (Zipf scale) from wordfreq, None without the package."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        return None
    return zipf_frequency(word, "en")


#: British spellings and their American forms (wordfreq's English is mostly American, so
#: "penalising" reads ten times rarer than "penalizing"): whole-suffix rewrites.
_SPELLINGS = ((re.compile(r"is(e|es|ed|ing|ation|ations|er|ers)$"), r"iz\1"),
              (re.compile(r"ys(e|es|ed|ing)$"), r"yz\1"),
              (re.compile(r"our(s|ed|ing|ite|ites|able|er|ers)?$"), r"or\1"),
              (re.compile(r"tre(s)?$"), r"ter\1"),
              (re.compile(r"([aeiou])ll(ed|ing|er|ers)$"), r"\1l\2"))


#: Every ending one of ``_SPELLINGS`` can rewrite: a word with none of them has no other
#: spelling, known without running the five patterns (most words of a text).
_SPELLING_ENDINGS = tuple(
    [f"is{e}" for e in ("e", "es", "ed", "ing", "ation", "ations", "er", "ers")]
    + [f"ys{e}" for e in ("e", "es", "ed", "ing")]
    + [f"our{e}" for e in ("", "s", "ed", "ing", "ite", "ites", "able", "er", "ers")]
    + ["tre", "tres"] + [f"ll{e}" for e in ("ed", "ing", "er", "ers")])


@lru_cache(maxsize=200_000)
def spellings(word: str) -> frozenset[str]:
    """``word`` and its other (American) spellings: "harbouring" → {"harbouring", "harboring"}."""
    if not word.endswith(_SPELLING_ENDINGS):
        return frozenset({word})
    return frozenset({word, *(pat.sub(repl, word) for pat, repl in _SPELLINGS)})


@lru_cache(maxsize=200_000)
def _english_zipf(word: str) -> float | None:
    """How common ``word`` is in general English under any of its spellings: a British
    spelling is no rarer a word for being written the British way."""
    zs = [z for w in spellings(word) if (z := _zipf(w)) is not None]
    return max(zs) if zs else None


def _far_commoner_in(reference: Reference, syn: str, word: str) -> bool:
    """Is ``syn`` far commoner than ``word`` in the reference counts (asked only where general
    English cannot tell: ``_commoner_synonyms``)?"""
    return reference.count(syn) >= max(1, reference.count(word)) * S.SPIN_CONTEXT_RARER_RATIO


@lru_cache(maxsize=20_000)
def _commoner_synonyms(word: str) -> tuple[tuple[str, bool | None], ...]:
    """``word``'s synonyms (``_synonyms``, in its order) that may be far commoner than it:
    with True when general English (wordfreq) says so — a word the user's corpus never saw
    ("striker" in a business wire) is unfamiliar to the counts, not rare —, None when only
    the reference can tell (``_far_commoner_in``, asked by the caller). Another spelling of
    the word is none of them: "amortisation" is "amortization" spelt the British way.
    Memoised: the same words are asked about in every article, and general English does
    not change."""
    out: list[tuple[str, bool | None]] = []
    zw = _english_zipf(word)
    for syn in _synonyms(word):
        if syn in spellings(word) or word in spellings(syn):
            continue
        zs = _zipf(syn)
        if zs is not None and zw is not None:
            if zs - zw >= S.SPIN_CONTEXT_ZIPF_GAP:
                out.append((syn, True))
        else:
            out.append((syn, None))
    return tuple(out)


def _seen(reference: Reference, w1: str, w2: str) -> bool:
    """The reference holds the pair itself (not an estimate standing in for it)."""
    seen = getattr(reference, "seen", None)
    return seen(w1, w2) if seen is not None else bool(reference.pair(w1, w2))


def _context_swaps(text: str, reference: Reference,
                   common: frozenset[str]) -> list[EvidenceSpan]:
    """Words native news never puts beside their neighbours while a far commoner synonym
    sits there often: "a memorialise high" where native news writes "a record high".

    Function words count as neighbours here: most words a spinner swaps stand next to
    one ("the marketplace"), and "the market" in the counts is the evidence.
    """
    out: list[EvidenceSpan] = []
    for m in _CLAUSE.finditer(text):
        words = [(w.group(), m.start() + w.start(), m.start() + w.end()) for w in _WORD.finditer(m.group())]
        for i, (w, s, e) in enumerate(words):
            if not (w.isalpha() and w.islower() and len(w) >= 3) or w in common:
                continue
            left = words[i - 1][0].lower() if i else None
            right = words[i + 1][0].lower() if i + 1 < len(words) else None
            if (left and _seen(reference, left, w)) or (right and _seen(reference, w, right)):
                continue  # native news puts it there: nothing to explain
            best: tuple[float, str] | None = None
            need = _min_support(w)
            for syn, far in _commoner_synonyms(w):
                if far is None and not _far_commoner_in(reference, syn, w):
                    continue
                lp = reference.pair(left, syn) if left else 0
                rp = reference.pair(syn, right) if right else 0
                # a content-word neighbour must itself go with the synonym: "in broad
                # daylight" is no swap for "in full daylight" just because "in full" is common
                if (left and left not in common and not lp) or (right and right not in common and not rp):
                    continue
                support = lp + rp
                if support >= need and (best is None or support > best[0]):
                    best = (support, syn)
            if best:
                ctx_s = words[i - 1][1] if i else s
                ctx_e = words[i + 1][2] if i + 1 < len(words) else e
                shown = text[ctx_s:s] + best[1] + text[e:ctx_e]
                out.append(ContextSwap(s, e, w, f"“{w}” in “{text[ctx_s:ctx_e]}”: native usage says "
                                                f"“{shown}” ({best[0]:.0f}×), with a far commoner synonym",
                                       support=float(best[0])))
    return out


def _min_support(word: str) -> float:
    """How often native usage must put a commoner synonym beside the word's neighbours
    for the word to count as out of context: ``SPIN_CONTEXT_MIN_COUNT``, less for a word
    general English hardly uses (``SPIN_RARE_WORD_ZIPF``): its rarity is evidence too, so
    thinner context evidence suffices (a spinner's "matureness" where native text has
    "maturity")."""
    z = _english_zipf(word)
    if z is not None and z < S.SPIN_RARE_WORD_ZIPF:
        return min(S.SPIN_CONTEXT_RARE_MIN_COUNT, S.SPIN_CONTEXT_MIN_COUNT)
    return S.SPIN_CONTEXT_MIN_COUNT


def substitutions(text: str, reference: Reference,
                  min_expected: float = S.SPIN_MIN_EXPECTED) -> list[EvidenceSpan]:
    """Improbable word swaps: broken fixed expressions, and rare synonyms out of context.

    One instance per place in the text (a swap found both ways counts once).
    """
    # a small reference (a test's) has few function words to exclude
    common = reference.common(min(S.SPIN_COMMON_WORDS, len(reference.unigrams) // 50))
    pairs = _pair_swaps(text, reference, min_expected)
    out = list(pairs)
    for ev in _context_swaps(text, reference, common):
        if not any(p.start < ev.end and ev.start < p.end for p in pairs):
            out.append(ev)
    return sorted(out, key=lambda ev: ev.start)


def spinning(doc: Document | AnnotatedDocument, reference: Reference | None, *,
             swaps: list[EvidenceSpan] | None = None) -> Signal:
    """Improbable substitutions in fixed expressions; value = instances per 1,000 words.

    ``swaps``: ``substitutions(text, reference)`` when the caller has them already (the
    machine-translation signal reads the same swaps); computed here otherwise.
    """
    d, _ = split_doc(doc)
    if reference is None:
        return Signal(d.id, "spinning", None, "Not measured: no reference model of native news "
                                              "large enough yet.")
    found = list(swaps) if swaps is not None else substitutions(d.text, reference)
    words = max(1, len(d.text.split()))
    # one swap repeated ("pct" for "percent" throughout) is a house style, not spinning
    first: dict[str, EvidenceSpan] = {}
    for e in found:
        first.setdefault(e.text.lower(), e)
    distinct = len(first)
    strong = sum(1 for e in first.values() if _strong_swap(e, reference.total))
    per_k = 1000 * distinct / words
    weighed = distinct + strong
    weighed_per_k = 1000 * weighed / words
    strong_note = (f" ({strong} strong: a word rare in general English or an everyday phrase broken)"
                 if strong else "")
    return Signal(
        d.id, "spinning", round(per_k, 2),
        f"{len(found)} fixed expression(s) with an improbable word swap{strong_note}.",
        evidence=plain_spans(found),
        flagged=(weighed >= S.SPIN_FLAG_MIN and weighed_per_k >= S.SPIN_FLAG_PER_1000_WORDS)
        or (weighed >= S.SPIN_FLAG_SHORT_MIN and weighed_per_k >= S.SPIN_FLAG_SHORT_PER_1000_WORDS),
        details={"instances": len(found), "distinct": distinct, "strong": strong,
                 "reference_words": reference.total},
    )


def plain_spans(found: list[EvidenceSpan]) -> list[EvidenceSpan]:
    """The swaps as the signal stores them: span, text and note (which states the support);
    a ``ContextSwap``'s weight is read while deciding, not kept in the stored record."""
    return [EvidenceSpan(e.start, e.end, e.text, e.note) if type(e) is not EvidenceSpan else e for e in found]


def _strong_swap(ev: EvidenceSpan, reference_words: int) -> bool:
    """A rare synonym out of context that weighs as two swaps: the text's word is rare in
    general English (``S.SPIN_RARE_WORD_ZIPF``; never without wordfreq), or native usage
    puts its commoner synonym beside the same neighbours often (``S.SPIN_STRONG_SUPPORT``,
    scaled up with references larger than the default's, never down: a small store's
    counts are too few to call a phrase everyday). Broken fixed expressions weigh one:
    their misspellings are rare by nature."""
    if not isinstance(ev, ContextSwap):
        return False
    scale = max(1.0, reference_words / S.SPIN_STRONG_SUPPORT_WORDS)
    if ev.support >= S.SPIN_STRONG_SUPPORT * scale:
        return True
    if ev.support < S.SPIN_CONTEXT_MIN_COUNT:
        return False  # found on thinner context evidence (``_min_support``): counts once
    z = _english_zipf(ev.text.lower())
    return z is not None and z < S.SPIN_RARE_WORD_ZIPF
