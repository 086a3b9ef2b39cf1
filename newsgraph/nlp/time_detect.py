"""Which spans are time expressions: what spaCy's DATE/TIME entities miss, and what they
tag that is no time.

Owns ``reference_words(doc) -> list[(start, end, label)]`` and ``not_a_time(text) -> str |
None``.

spaCy's NER (OntoNotes) leaves out the deictic adverbs TimeML annotates as references —
"now" and "currently" (PRESENT_REF), "recently" (PAST_REF), "the future"
(FUTURE_REF) — and tags ages ("a 6-year-old", "52 years old") and bare counts as DATE,
which TimeML does not annotate. The words chosen are those that were a time expression
in at least a third of their uses on the development half of TimeBank+AQUAINT
(``newsgraph bench time --half dev``); "soon", "once", "then", "previously" were not.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["REFERENCE_ADVERBS", "not_a_time", "reference_words"]

#: Adverbs read as TimeML references when spaCy has them outside any entity.
REFERENCE_ADVERBS = frozenset({"now", "currently", "recently", "nowadays", "lately"})

_AGE = re.compile(
    r"(?:\d+|[a-z]+(?:-[a-z]+)?)[- ](?:year|month|week|day)s?[- ]olds?|"
    r"(?:\d+|[a-z]+) (?:year|month|week|day)s? old|aged? \d+",
    re.I,
)


def not_a_time(text: str) -> str | None:
    """Why a DATE/TIME span is no time expression ("age", "number"), or None.

    text (str): the span as written.
    """
    t = text.strip().lower()
    if _AGE.fullmatch(re.sub(r"^(?:a|an|the)\s+", "", t)):
        return "age"
    if re.fullmatch(r"[\d\s,.]+", t) and not re.fullmatch(r"(?:1[5-9]|20)\d\d", t.strip(" .,")):
        return "number"  # "58", "80486": counts and model numbers, not years
    return None


def reference_words(doc: Any) -> list[tuple[int, int, str]]:
    """``(start, end, "DATE")`` of the reference adverbs and "the future" outside spaCy's
    entities, in text order."""
    from spacy.attrs import ENT_TYPE, IDX, LENGTH, LOWER, POS
    from spacy.parts_of_speech import ADV, NOUN

    # Read from the parse's arrays (a ``Token`` per word cost more than the test): words
    # are compared by their string hashes, as spaCy stores them.
    strings = doc.vocab.strings
    adverbs = {strings[w] for w in REFERENCE_ADVERBS}
    future, the = strings["future"], strings["the"]
    rows = doc.to_array([ENT_TYPE, LOWER, POS, IDX, LENGTH]).reshape(len(doc), 5).tolist()
    out: list[tuple[int, int, str]] = []
    for i, (ent, low, pos, idx, length) in enumerate(rows):
        if ent:
            continue
        if low in adverbs and pos == ADV:
            out.append((idx, idx + length, "DATE"))
        elif low == future and pos == NOUN and i > 0 and rows[i - 1][1] == the:
            out.append((rows[i - 1][3], idx + length, "DATE"))
    return out
