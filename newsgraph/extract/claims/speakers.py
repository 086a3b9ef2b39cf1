"""Speakers: what kind of source a speaker span is, and whom a pronoun or role stands for.

Owns ``classify_speaker`` and ``resolve_speaker``.

- ``pronoun`` ("he", "she", "they"): the nearest preceding named mention of a
  fitting type in the same paragraph, else in the previous paragraphs — the person
  the paragraph is about. (No offline coreference model exists for spaCy 3.8, see
  DEPENDENCIES.md, so this is the classic recency heuristic.)
- ``role`` ("the expert", "the ministry"): the nearest earlier named mention that
  an apposition or copula describes with the same head noun ("Song, a North Korean
  expert at …"; "Kim, who is an expert…"), else the nearest earlier ORG whose name
  contains the noun ("the ministry" → "the Ministry of Unification").
- ``anonymous`` ("a source", "sources", "an official") and ``collective``
  ("residents", "people linked to the group") are kept as they are: no name.
"""

from __future__ import annotations

from typing import Any

from newsgraph.extract.claims.cues import ANONYMOUS_NOUNS, COLLECTIVE_NOUNS, SPEAKER_PRONOUNS
from newsgraph.model.claims import ClaimSpan

__all__ = ["classify_speaker", "resolve_speaker"]

#: How many paragraphs back a pronoun may look for its person: the current one and
#: the one before cover "Kim said … ¶ He added …" without reaching unrelated names.
PRONOUN_PARAGRAPHS_BACK = 2

_NAMED = ("PERSON", "ORG", "GPE", "NORP", "FAC", "WORK_OF_ART")


def classify_speaker(head: Any, span: tuple[int, int], doc: Any) -> str:
    """``named`` / ``pronoun`` / ``role`` / ``anonymous`` / ``collective`` for a speaker span."""
    if head is None:
        return "anonymous"
    if head.pos_ == "PRON" or head.lower_ in SPEAKER_PRONOUNS:
        return "pronoun"
    sp = doc.char_span(span[0], span[1], alignment_mode="expand")
    if (sp is not None and any(t.ent_type_ in _NAMED for t in sp if t.i <= head.i)) or head.pos_ == "PROPN":
        return "named"
    lemma = head.lemma_.lower()
    has_det = any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that", "his", "her", "its", "their")
        for c in head.children
    ) or any(c.dep_ == "poss" for c in head.children)
    if lemma in ANONYMOUS_NOUNS and not has_det:
        return "anonymous"
    if head.tag_ in ("NNS", "NNPS") or lemma in ("police", "people"):
        return "collective" if lemma not in ("source", "insider") else "anonymous"
    if lemma in COLLECTIVE_NOUNS and not has_det:
        return "collective"
    return "role"


def _paragraph_start(text: str, pos: int, back: int) -> int:
    start = pos
    for _ in range(back):
        nl = text.rfind("\n", 0, start)
        if nl < 0:
            return 0
        start = nl
        while start > 0 and text[start - 1] == "\n":
            start -= 1
    return start


def resolve_speaker(
    kind: str, head: Any, speaker: tuple[int, int], doc: Any, exclude: tuple[int, int] | None = None
) -> ClaimSpan | None:
    """The named mention a pronoun or role speaker stands for, or None.

    exclude (tuple | None): a span (the claim's content) whose names are not candidates.
    """
    if kind not in ("pronoun", "role") or head is None:
        return None
    text = doc.text

    def ok(ent: Any) -> bool:
        return ent.end_char <= speaker[0] and not (exclude and exclude[0] <= ent.start_char < exclude[1])

    if kind == "pronoun":
        types = SPEAKER_PRONOUNS.get(head.lower_)
        if not types:
            return None
        floor = _paragraph_start(text, speaker[0], PRONOUN_PARAGRAPHS_BACK)
        for ent in reversed([e for e in doc.ents if ok(e) and e.start_char >= floor]):
            if ent.label_ in types:
                return ClaimSpan(ent.start_char, ent.end_char, ent.text)
        return None
    noun = head.lemma_.lower()
    # Appositions and copulas naming the role: "Song, a North Korean expert at …"
    for tok in reversed([t for t in doc if t.idx + len(t.text) <= speaker[0]]):
        if tok.lemma_.lower() != noun or tok.i == head.i:
            continue
        anchor = tok.head if tok.dep_ == "appos" else None
        if tok.dep_ == "attr" and tok.head.lemma_ == "be":
            anchor = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if tok.dep_ in ("compound", "amod") and tok.head.dep_ == "appos":
            anchor = tok.head.head
        if anchor is None:
            continue
        for ent in doc.ents:
            if ent.start <= anchor.i < ent.end and ent.label_ in ("PERSON", "ORG"):
                return ClaimSpan(ent.start_char, ent.end_char, ent.text)
    for ent in reversed([e for e in doc.ents if ok(e) and e.label_ in ("ORG", "PERSON")]):
        if noun in (t.lemma_.lower() for t in ent):
            return ClaimSpan(ent.start_char, ent.end_char, ent.text)
    return None
