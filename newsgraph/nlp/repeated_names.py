"""A name the tagger labelled in a document is that name wherever it recurs there, untagged.

Owns ``tag_repeats(doc) -> int``. spaCy's tagger labels each occurrence of a name from its
own context, so one article's "U.S." is GPE in one sentence and nothing in the next ("the
U.S. attack"), "Iran" a GPE here and untagged there. An untagged repeat is a name lost to
everything downstream: it is no entity mention, no event participant (an attack by "the
U.S." against one by "Iran" cannot be told apart when one side has no name), no antecedent.
A document uses a name in one sense (one sense per discourse, a long-standing NER
heuristic), so an exact, case-sensitive repeat of a name tagged with one label — and only
one — in the same document gets that label, as a span added to the ``Doc``'s entities
where no entity is.

A repeat is left alone when:

- the name was tagged with more than one label in the document (no one sense to copy);
- it sits inside a longer capitalised run (an untagged "York" of "New York Times" is not
  the tagged "York"), unless the sentence is written in title case (a headline, where every
  word is capitalised);
- it is one word that opens its sentence and is also a common lower-case word ("May",
  "Will", "Turkey": capitalised by position, not as a name);
- it holds no capital letter (the tagger's occasional lower-case "ex-soviet" or "al");
- the tagger left more of its occurrences untagged than it tagged (the document's own
  majority decides: "Shr" tagged once in a results table that repeats it on every line).

spaCy offers no cross-sentence consistency of its own (its ``EntityRuler`` adds fixed
patterns, not what the document itself tagged), hence this module.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache
from typing import Any

from newsgraph.model.document import ENTITY_TYPES

__all__ = ["tag_repeats"]

#: A one-word name opening a sentence is taken for a common word at or above this Zipf
#: frequency of its lower-case form (wordfreq: "may" 6.3, "turkey" 4.4, "iran" 4.5).
COMMON_ZIPF = 4.0


@lru_cache(maxsize=16384)
def _common(word: str) -> bool:
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - a declared dependency
        return True
    return zipf_frequency(word, "en") >= COMMON_ZIPF


def _capitalised(tok: Any) -> bool:
    return tok.is_title or (tok.is_upper and tok.is_alpha)


def _title_case(sent: Any) -> bool:
    """Most words of the sentence capitalised: a headline or a title line."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 2 and sum(_capitalised(t) for t in words) * 4 >= len(words) * 3


def tag_repeats(doc: Any) -> int:
    """Label the untagged exact repeats of the document's tagged names (in place, on
    ``doc.ents``); returns how many spans were added."""
    labels: dict[tuple[str, ...], set[str]] = defaultdict(set)
    tagged: Counter[tuple[str, ...]] = Counter()
    for ent in doc.ents:
        words = tuple(t.text for t in ent)
        tagged[words] += 1
        if ent.label_ not in ENTITY_TYPES or any(ch.isupper() for ch in ent.text):
            labels[words].add(ent.label_)
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for words, found in labels.items():
        if len(found) == 1 and (label := next(iter(found))) in ENTITY_TYPES:
            by_first[words[0]].append((words, label))
    if not by_first:
        return 0
    for names in by_first.values():
        names.sort(key=lambda item: -len(item[0]))  # the longest name first
    found: dict[tuple[str, ...], list[tuple[int, int, str]]] = defaultdict(list)
    n = len(doc)
    i = 0
    while i < n:
        tok = doc[i]
        names = by_first.get(tok.text)
        if not names or tok.ent_iob_ != "O":
            i += 1
            continue
        for words, label in names:
            end = i + len(words)
            if end > n or any(doc[j].text != w or doc[j].ent_iob_ != "O" for j, w in zip(range(i, end), words,
                                                                                        strict=True)):
                continue
            if not _left_alone(doc, i, end):
                found[words].append((i, end, label))
                i = end - 1
            break
        i += 1
    # The document's own majority decides: a word the tagger labelled once and left
    # untagged many times ("Shr" in every line of a results table) is not a name it missed.
    added = [_span(doc, s, e, label) for words, spans in found.items() if len(spans) <= tagged[words]
             for s, e, label in spans]
    if added:
        doc.set_ents(added, default="unmodified")
    return len(added)


def _span(doc: Any, start: int, end: int, label: str) -> Any:
    from spacy.tokens import Span

    return Span(doc, start, end, label=label)


def _left_alone(doc: Any, start: int, end: int) -> bool:
    sent = doc[start].sent
    if not _title_case(sent):
        before = doc[start - 1] if start > sent.start else None
        after = doc[end] if end < sent.end else None
        if (before is not None and _capitalised(before) and before.i != sent.start) or (
                after is not None and _capitalised(after)):
            return True
    first = doc[start]
    return end - start == 1 and first.i == sent.start and _common(first.text.lower())
