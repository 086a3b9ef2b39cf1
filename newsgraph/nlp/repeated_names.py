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

The same holds for the short form a text goes on to use for a name it tagged in full: a
person's surname ("Timmons" after "Jermayne Timmons") and the plural noun ending an
organisation's name ("Colts" after "Indianapolis Colts"), when no other tagged name has
that form (``_tails``), left alone in the same cases.

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
    return len(added) + _tag_tails(doc, labels)


#: Words after a person's surname that are no part of how the text refers to them.
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _tails(labels: dict[tuple[str, ...], set[str]]) -> dict[tuple[str, ...], str]:
    """The short forms a text refers to its tagged names by, with their label: a person's
    surname ("Timmons" of "Jermayne Timmons"), and the plural noun an organisation's name
    ends with ("Colts" of "Indianapolis Colts", "Tar Heels" of "North Carolina Tar Heels":
    a team, a party or a band is called by it; a singular last word — "Center", "Department",
    "Inc" — names a kind of body, not this one). A form two names share is nobody's."""
    out: dict[tuple[str, ...], set[str]] = defaultdict(set)
    owners: dict[tuple[str, ...], set[tuple[str, ...]]] = defaultdict(set)
    for words, found in labels.items():
        if len(found) != 1 or not all(_capitalised_word(w) for w in words):
            continue
        label = next(iter(found))
        core = list(words)
        while len(core) > 1 and core[-1].lower().rstrip(".") in _SUFFIXES:
            core.pop()
        if len(core) < 2:
            continue
        forms: list[tuple[str, ...]] = []
        if label == "PERSON":
            forms.append((core[-1],))
        elif label == "ORG" and core[-1].endswith("s") and not core[-1].isupper():
            forms.extend(tuple(core[k:]) for k in range(max(1, len(core) - 2), len(core)))
        for form in forms:
            if len("".join(form)) > 2:
                out[form].add(label)
                owners[form].add(tuple(core))
    # A form that is itself a tagged name keeps its own reading (the exact-repeat pass).
    return {f: next(iter(ls)) for f, ls in out.items()
            if len(ls) == 1 and len(owners[f]) == 1 and f not in labels}


def _capitalised_word(word: str) -> bool:
    return word[:1].isupper() and any(ch.isalpha() for ch in word)


def _tag_tails(doc: Any, labels: dict[tuple[str, ...], set[str]]) -> int:
    """Label the untagged short forms (``_tails``) of the document's tagged names, where
    ``_left_alone`` does not say otherwise; returns how many spans were added."""
    tails = _tails(labels)
    if not tails:
        return 0
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for words, label in sorted(tails.items(), key=lambda item: -len(item[0])):
        by_first[words[0]].append((words, label))
    added = []
    n = len(doc)
    i = 0
    while i < n:
        names = by_first.get(doc[i].text)
        if not names or doc[i].ent_iob_ != "O":
            i += 1
            continue
        for words, label in names:
            end = i + len(words)
            if end <= n and all(doc[j].text == w and doc[j].ent_iob_ == "O"
                                for j, w in zip(range(i, end), words, strict=True)) \
                    and not _left_alone(doc, i, end):
                added.append(_span(doc, i, end, label))
                i = end - 1
                break
        i += 1
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
