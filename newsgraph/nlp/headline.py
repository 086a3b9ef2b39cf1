"""Headline case: what the model reads of a Title Case or UPPER CASE title.

Owns recasing a headline before the NER model parses it. In "Lohan Checks Into Rehab"
capitals say nothing, and the model reads the whole line as one organisation; written
as running text would write it ("Lohan checks into rehab") it finds the person. The
casing of each word comes from evidence, never from a list of names: the article's own
running text (a word it writes capitalised inside a sentence keeps its capital, one it
writes in lower case loses it), then, for a word the text does not use, English's
common words (spaCy's stop words; WordNet's lower-case nouns, its verbs, adjectives
and adverbs) lose their capital and anything else keeps it. Recasing changes no
character's position, so the parse's offsets are offsets into the title as written.

A title already in sentence case ("Apple sues Samsung over iPhone design") is parsed as
it is.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

__all__ = ["common_word", "headline_case", "name_evidence", "recase_title"]

#: A run of letters: the unit whose case is decided ("Jong-Un" is two).
_WORD = re.compile(r"[^\W\d_]+")
#: Characters after which a word opens a sentence (or a quotation, or a line).
_OPENERS = frozenset(".!?:;\"“‘'([\n")


def headline_case(title: str) -> bool:
    """A Title Case or UPPER CASE line: at least two words of four letters or more, and
    at least 70 % of them capitalised (the test ``resolve.entities.within`` applies to a
    headline left in the text, with two words instead of three: titles are short)."""
    words = [w for w in _WORD.findall(title) if len(w) > 3]
    return len(words) >= 2 and sum(1 for w in words if w[0].isupper()) >= 0.7 * len(words)


def _case_counts(text: str) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """Lower-case uses, capitalised uses inside a sentence, and all-capital uses of each
    word of the running text (keyed in lower case)."""
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    for m in _WORD.finditer(text):
        w = m.group()
        if w.islower():
            lower[w] += 1
            continue
        k = m.start() - 1
        while k >= 0 and text[k] in " \t\r":
            k -= 1
        if k < 0 or text[k] in _OPENERS:
            continue  # a sentence's first word: its capital says nothing
        capital[w.lower()] += 1
        if w.isupper() and len(w) > 1:
            upper[w.lower()] += 1
    return lower, capital, upper


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=65536)
def common_word(word: str) -> bool:
    """An English word WordNet writes in lower case: a common noun, or any verb, adjective
    or adverb ("checks", "sues", "deadly"); a name it knows only capitalised ("France")
    is not one."""
    if word in _stop_words():
        return True
    from newsgraph.nlp.wordnet import wordnet

    wn = wordnet()
    if wn is None:
        return False
    return wn.common_noun(word) or any(s[:1] in ("v", "a", "s", "r") for s in wn.senses(word))


def recase_title(title: str, text: str) -> str:
    """``title`` with each word cased as running text would write it, when the title is in
    headline case (``headline_case``); else ``title`` unchanged. Same length, same
    positions: only letters' case changes."""
    if not headline_case(title):
        return title
    lower, capital, upper = _case_counts(text)
    out = list(title)
    first = True
    for m in _WORD.finditer(title):
        w, low = m.group(), m.group().lower()
        if capital[low] and capital[low] >= lower[low]:
            # The text capitalises it: a name. An all-capital title word takes the
            # text's case unless the text writes it in capitals too ("NASA").
            new = w if not w.isupper() or upper[low] * 2 >= capital[low] else w[0] + w[1:].lower()
        elif lower[low] or common_word(low):
            new = low
        else:  # a word the text does not use and English does not know: a name, likely
            new = w if not w.isupper() or len(w) < 5 else w[0] + w[1:].lower()
        if first and new[:1].islower():
            new = new[0].upper() + new[1:]  # the headline's first word opens a sentence
        first = False
        out[m.start():m.end()] = new
    return "".join(out)


def name_evidence(phrase: str, text: str) -> bool:
    """Every word of ``phrase`` is one the running ``text`` writes capitalised inside a
    sentence at least as often as in lower case, or one WordNet knows only as a name
    ("Lindsay", "Joseph": capitalised in all its senses, ``common_word`` false): what a
    name in a headline-case title needs to be believed when the text does not name it
    (the tagger reads "Rehab", "Rehires" or "Prison Van" in a headline as names)."""
    lower, capital, _ = _case_counts(text)
    words = [w.lower() for w in _WORD.findall(phrase)]
    return bool(words) and all((capital[w] and capital[w] >= lower[w]) or _known_name(w) for w in words)


@lru_cache(maxsize=65536)
def _known_name(word: str) -> bool:
    from newsgraph.nlp.wordnet import wordnet

    wn = wordnet()
    return wn is not None and not common_word(word) and wn.known(word)
