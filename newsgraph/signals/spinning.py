"""Spinning artefacts: improbable substitutions inside fixed expressions.

A word spinner swaps words for dictionary synonyms without regard to idiom, so
fixed expressions break: "rogue state" becomes "rouge state", "flogs drugs" becomes
"whips drugs". We look for word pairs that native news (the reference model) never
uses while it uses a strongly associated pair (high PMI) that differs by one word,
and that word is a WordNet synonym or a one-letter variant of the one in the text.
Needs a reference ``CollocationModel``; WordNet (Debian ``wordnet-base``) adds the
synonym test, without it only one-letter variants count.
"""

from __future__ import annotations

from rapidfuzz.distance import OSA

from newsgraph.model.document import AnnotatedDocument, Document
from newsgraph.model.stories import EvidenceSpan, Signal
from newsgraph.resolve.stories.wordnet import wordnet
from newsgraph.signals import settings as S
from newsgraph.signals._common import split_doc
from newsgraph.signals.reference import CollocationModel, bigrams_of

__all__ = ["spinning", "substitutions"]


def _related(word: str, other: str) -> str | None:
    if len(word) >= 4 and len(other) >= 4 and OSA.distance(word, other) == 1:
        return "one-letter variant or transposition"
    wn = wordnet()
    if wn is not None and wn.synonyms(word, other):
        return "synonym"
    return None


def _swap(word: str, alt: str, absent_expected: float, common: frozenset[str],
          min_expected: float) -> str | None:
    """Why ``alt`` (in a fixed expression) looks replaced by ``word``, or None."""
    if word in common or alt in common:
        return None  # function words and "said": their synonyms are noise
    how = _related(word, alt)
    if how == "synonym" and absent_expected < min_expected:
        return None  # a rare word's absence from the reference proves nothing
    return how


def substitutions(text: str, reference: CollocationModel,
                  min_expected: float = S.SPIN_MIN_EXPECTED) -> list[EvidenceSpan]:
    """Word pairs that look like a fixed expression with one word swapped."""
    out: list[EvidenceSpan] = []
    # a small reference (a test's) has few function words to exclude
    common = reference.common(min(S.SPIN_COMMON_WORDS, len(reference.unigrams) // 50))
    for w1, w2, s, e in bigrams_of(text):
        if not (w1.islower() and w2.islower()) or len(w1) < 3 or len(w2) < 3:
            continue
        if reference.bigrams.get((w1, w2), 0):
            continue
        exp = reference.expected(w1, w2)
        best: tuple[float, str, str] | None = None
        for alt in reference.left_partners(w2):
            how = _swap(w1, alt, exp, common, min_expected)
            if how and (best is None or reference.pmi(alt, w2) > best[0]):
                best = (reference.pmi(alt, w2), f"{alt} {w2}", how)
        for alt in reference.right_partners(w1):
            how = _swap(w2, alt, exp, common, min_expected)
            if how and (best is None or reference.pmi(w1, alt) > best[0]):
                best = (reference.pmi(w1, alt), f"{w1} {alt}", how)
        if best:
            out.append(EvidenceSpan(s, e, text[s:e],
                                    f"“{text[s:e]}” where native news says “{best[1]}” ({best[2]})"))
    return out


def spinning(doc: Document | AnnotatedDocument, reference: CollocationModel | None) -> Signal:
    """Improbable substitutions in fixed expressions; value = instances per 1,000 words."""
    d, _ = split_doc(doc)
    if reference is None:
        return Signal(d.id, "spinning", None, "Not measured: no reference model of native news given.")
    found = substitutions(d.text, reference)
    words = max(1, len(d.text.split()))
    return Signal(
        d.id, "spinning", round(1000 * len(found) / words, 2),
        f"{len(found)} fixed expression(s) with an improbable word swap.",
        evidence=found, flagged=len(found) >= S.SPIN_FLAG_MIN, details={"instances": len(found)},
    )
