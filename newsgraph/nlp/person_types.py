"""One-word names the tagger calls a person but the text treats as a body or a place: retyped.

Owns ``retype_bodies(doc, mentions) -> list[Mention]``. spaCy's small English model tags
many one-word clubs, companies and places PERSON ("Valencia", "Ajax", "Munster"), and a
name typed a person is an antecedent for "he" and "she": "linked with Real Madrid,
Barcelona and Valencia. He told …" gave "he" to Valencia. A one-word PERSON name is
retyped ORG when, in this document, the parse shows one of these (the way news copy
writes of a club, a company or a body, rarely of a person):

- it is coordinated with (a word of) a name of a body or a place ("Real Madrid, Barcelona
  and Valencia", "Ireland and Munster lock Paul O'Connell", "the Guildhall School of
  Speech and Drama" where the tagger stopped the school's name at "Speech"): coordinated
  noun phrases are of one kind;
- it stands in apposition to a noun for a body ("Valencia, the Spanish club");
- it possesses a noun for a body's own parts ("Valencia's chairman": ``BODY_PARTS``), or
  modifies as a compound a noun for those who play or work for one ("the Ajax striker",
  "Chelsea boss Jose Mourinho");
- it is the object of "at" after a noun or a verb of being somewhere ("three years at
  Valencia", not "looked at Smith") or of "for" after a verb of playing or signing
  ("played for Ajax").

Retyped GPE instead when the text only places someone there: the object of "in" or
"near" after a verb of being, living or being born ("born in Tredegar", "a school in
nearby Pengam"; not "confidence in Smith").

A capitalised common noun for a person after an article ("the 31-year-old Scot", "a
Londoner") is a description, not a name: retyped NORP, it is no antecedent of its own.

None of this counts when the text marks the word as a person anywhere: an honorific or
a title before it ("Mr Valencia"), or a longer person's name holding it ("Antonio
Valencia"): then it is that person's surname, and stays PERSON. Names of two words and
more are left as tagged: a given name and a surname are a person's.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from newsgraph.model.document import Mention
from newsgraph.nlp.honorifics import HONORIFICS

__all__ = ["BODY_PARTS", "retype_bodies"]

#: Nouns for the parts and property of a body rather than of a person, after a
#: possessor: a person has no chairman, board, shareholders or stadium ("Valencia's
#: chairman"). Nouns a manager's or an owner's name possesses as well ("Wenger's side",
#: "Blair's staff", "Madonna's fans") are left out.
BODY_PARTS: frozenset[str] = frozenset({
    "chairman", "chairwoman", "board", "shareholder", "share", "stock", "headquarters", "subsidiary",
    "stadium", "ground", "academy", "boardroom",
})
#: Nouns a body's name modifies as a compound, for the people who play or work for it
#: ("the Ajax striker", "Chelsea boss Jose Mourinho", "Munster lock Paul O'Connell").
_MEMBER_NOUNS: frozenset[str] = BODY_PARTS | frozenset({
    "squad", "striker", "midfielder", "defender", "goalkeeper", "keeper", "winger", "side", "team",
    "player", "captain", "skipper", "forward", "lock", "prop", "fly-half", "scrum-half", "manager",
    "boss", "coach", "president", "owner",
})
#: Nouns for a body a name may stand in apposition to ("Valencia, the Spanish club").
_BODY_NOUNS: frozenset[str] = frozenset({
    "club", "side", "team", "company", "firm", "group", "champion", "leader", "holder", "outfit",
    "franchise", "carrier", "airline", "bank", "retailer", "operator", "maker", "manufacturer",
    "giant", "rival", "opponent", "network", "agency", "organisation", "organization", "union",
})
#: Verbs after which "for X" names the side a player plays for.
_PLAYS_FOR = frozenset({"play", "sign", "score", "appear", "star", "debut", "start", "feature"})
#: Verbs after which "at X" is where one works or plays ("spent three years at Valencia"),
#: not whom one looks or aims at.
_BEING_AT = frozenset({"be", "stay", "remain", "spend", "work", "play", "arrive", "train", "study",
                       "return", "start", "finish", "end", "begin", "serve"})
#: Verbs after which "in X"/"near X" is where one is, lives or was born.
_BEING_IN = frozenset({"be", "bear", "live", "grow", "die", "stay", "settle", "raise", "base", "locate",
                       "situate", "arrive", "move", "work", "study", "spend"})
_BODY_LABELS = frozenset({"ORG", "GPE", "LOC", "NORP", "FAC"})


def _token_at(doc: Any, m: Mention) -> Any | None:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _person_marked(word: str, doc: Any, mentions: list[Mention]) -> bool:
    """Does the text mark ``word`` as a person's name: a longer person's name holding it,
    or an honorific or title right before it?"""
    if any(m.label == "PERSON" and word in m.text.split() and len(m.text.split()) > 1 for m in mentions):
        return True
    for tok in doc:
        if tok.text == word and tok.i > 0:
            prev = doc[tok.i - 1]
            if prev.lower_.rstrip(".") in HONORIFICS:
                return True
    return False


def _body_cue(tok: Any, labels: dict[int, str]) -> str:
    """What the parse around this token treats the name as: "ORG" (a body), "GPE" (a
    place one is in), or "" (nothing said). ``labels``: the label of the mention each
    token is in, by token index."""
    head = tok.head
    # Coordinated with a body's or a place's name, either way round.
    conjuncts = [c for c in tok.children if c.dep_ == "conj"]
    if tok.dep_ == "conj":
        conjuncts.append(head)
        conjuncts += [c for c in head.children if c.dep_ == "conj" and c.i != tok.i]
    if any(labels.get(c.i) in _BODY_LABELS for c in conjuncts):
        return "ORG"
    if any(c.dep_ == "appos" and c.lemma_.lower() in _BODY_NOUNS for c in tok.children):
        return "ORG"
    if head.i > tok.i and head.pos_ == "NOUN":
        noun = head.lemma_.lower()
        if (tok.dep_ == "poss" and noun in BODY_PARTS) or (
                tok.dep_ in ("compound", "amod", "nmod") and noun in _MEMBER_NOUNS):
            return "ORG"
    if tok.dep_ == "pobj" and head.lower_ == "at" and (
            head.head.pos_ == "NOUN" or head.head.lemma_.lower() in _BEING_AT):
        return "ORG"  # "a spell at Ajax", "spent three years at Valencia" (not "looked at Smith")
    if tok.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in _PLAYS_FOR:
        return "ORG"
    if any(c.dep_ == "amod" and c.lower_ == "nearby" for c in tok.children):
        return "GPE"  # "in nearby Pengam"
    if tok.dep_ == "pobj" and head.lower_ in ("in", "near") and head.head.lemma_.lower() in _BEING_IN:
        return "GPE"  # "was born in Tredegar", "lives near Pengam" (not "confidence in Smith")
    return ""


def _described_person(doc: Any, m: Mention) -> bool:
    """Is the mention a common noun for a person after an article, capitalised as a
    nationality is ("the 31-year-old Scot", "a Londoner")? A description, not a name."""
    tok = _token_at(doc, m)
    if tok is None or not any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in tok.children):
        return False
    from newsgraph.nlp.referring import description_label

    return description_label(m.text.lower()) == "PERSON"


def retype_bodies(doc: Any, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with each one-word PERSON name the text treats as a body (see the
    module's docstring) retyped ORG — every mention of that word in the document."""
    words = {m.text for m in mentions if m.label == "PERSON" and len(m.text.split()) == 1}
    if not words:
        return mentions
    labels: dict[int, str] = {}
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        for t in span or ():
            labels[t.i] = m.label
    kinds: dict[str, str] = {}
    for m in mentions:
        if m.label == "PERSON" and m.text in words and m.text not in kinds and _described_person(doc, m):
            kinds[m.text] = "NORP"
    for word in words - set(kinds):
        if _person_marked(word, doc, mentions):
            continue
        found = {cue for m in mentions if m.text == word and m.label == "PERSON"
                 and (tok := _token_at(doc, m)) is not None and (cue := _body_cue(tok, labels))}
        if found:
            kinds[word] = "ORG" if "ORG" in found else "GPE"
    if not kinds:
        return mentions
    return [replace(m, label=kinds[m.text]) if m.label == "PERSON" and m.text in kinds else m
            for m in mentions]
