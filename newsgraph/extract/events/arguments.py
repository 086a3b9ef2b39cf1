"""Actors and targets of an event trigger, read from the dependency parse.

Owns the mapping from syntax to roles (PLOVER's actor and recipient):

- verbs: ``nsubj`` → actor, ``dobj`` / ``nsubjpass`` → target, the passive
  ``agent`` "by" phrase → actor, "on/against/at" objects of attack-like verbs →
  target; a verb inside ``xcomp``/``conj``/``relcl``/``acl`` borrows the subject
  (or, for a passive participle, the target) of the clause it hangs from;
- nouns: "the attack on/against X" → target, "X's assassination" / "the killing
  of X" → target for patient nouns, actor otherwise, "by X" → actor, a named
  entity compound ("a Taliban attack") → actor; when the noun is carried by a
  light verb ("carried out the attack", "the attack was carried out by X",
  "held talks") the carrier's subject or agent is the actor;
- every argument expands over coordination ("X and Y") and named appositions
  ("a group, X," / "a group known as X").

Spans are named entities when the argument head sits in one, else the head's
noun phrase up to the head (determiners and modifiers, no relative clauses).
"""

from __future__ import annotations

from typing import Any

from newsgraph.extract.events.lexicon import CARRIER_VERBS
from newsgraph.model.events import ArgumentSpan
from newsgraph.nlp.doc_views import doc_text, ent_at

__all__ = ["arguments_for", "span_of"]

Token = Any  # spacy.tokens.Token: kept loose so the module imports without spaCy types

#: Nouns whose possessor or "of" object is the one the act is done to
#: ("Kim's assassination", "the arrest of X"), not the one doing it.
PATIENT_NOUNS: frozenset[str] = frozenset(
    {
        "assassination",
        "killing",
        "murder",
        "death",
        "execution",
        "arrest",
        "detention",
        "release",
        "abduction",
        "kidnapping",
        "deportation",
        "expulsion",
        "extradition",
        "imprisonment",
        "torture",
        "rescue",
        "capture",
        "overthrow",
        "conviction",
        "acquittal",
        "pardon",
        "trial",
        "shooting",
        "beheading",
        "rape",
        "stabbing",
        "poisoning",
        "invasion",
        "occupation",
        "bombing",
        "destruction",
    }
)

#: Prepositions whose object is the recipient of a verb or noun trigger.
TARGET_PREPS: frozenset[str] = frozenset({"on", "against", "upon", "at", "to", "with", "into"})

#: Verbs after which "with X" names a co-actor, not a recipient ("met with X").
RECIPROCAL_TYPES: frozenset[str] = frozenset({"CONSULT", "AGREE", "COOPERATE"})

#: Participles that introduce a name for the noun they modify ("a group known as X").
NAMING_VERBS: frozenset[str] = frozenset({"know", "call", "name", "dub", "identify", "describe"})

_SUBJ = ("nsubj", "csubj")


def span_of(tok: Token) -> tuple[int, int, str | None]:
    """Character span of the argument headed by ``tok`` and its NER label.

    A named entity wins; otherwise the head's left modifiers up to the head
    ("the North Korean embassy"), so relative clauses do not swallow the span.
    """
    if tok.ent_type_:
        ent = ent_at(tok)
        if ent is not None:
            return ent.start_char, ent.end_char, ent.label_
    left = tok.left_edge.i
    # Never run back over a clause boundary ("said , the group" → "the group").
    for i in range(tok.i, left - 1, -1):
        if tok.doc[i].is_punct and i != tok.i:
            left = i + 1
            break
    start = tok.doc[left].idx
    return start, tok.idx + len(tok.text), None


def _expand(tok: Token) -> list[tuple[Token, str]]:
    """The argument head plus its conjuncts and named appositions."""
    out: list[tuple[Token, str]] = [(tok, "")]
    for c in tok.conjuncts:
        if c.pos_ in ("NOUN", "PROPN", "PRON"):
            out.append((c, "conj"))
    for c in tok.children:
        if c.dep_ == "appos" and c.ent_type_:
            out.append((c, "appos"))
        elif c.dep_ == "acl" and c.lemma_ in NAMING_VERBS:
            for p in c.children:
                if p.dep_ in ("prep", "oprd") and p.lower_ == "as":
                    out.extend((o, "appos") for o in p.children if o.dep_ == "pobj")
                elif p.dep_ in ("oprd", "dobj") and p.ent_type_:
                    out.append((p, "appos"))
    return out


def _make(args: list[ArgumentSpan], tok: Token | None, role: str) -> None:
    if tok is None or tok.is_punct:
        return
    for t, extra in _expand(tok):
        start, end, label = span_of(t)
        if any(a.start == start and a.end == end for a in args):
            continue
        args.append(
            ArgumentSpan(start, end, doc_text(t.doc)[start:end], f"{role}+{extra}" if extra else role, label)
        )


def _subject(verb: Token) -> tuple[Token | None, bool]:
    """Subject of ``verb`` and whether it is a passive subject, borrowing it from
    the governing clause for xcomp/conj/advcl verbs and relative clauses."""
    seen = 0
    v = verb
    while v is not None and seen < 4:
        seen += 1
        for c in v.children:
            if c.dep_ in _SUBJ:
                return c, False
            if c.dep_ in ("nsubjpass", "csubjpass"):
                return c, True
        if v.dep_ == "relcl" and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return v.head, False
        if v.dep_ == "acl" and v.tag_ == "VBN":
            return v.head, True  # "the embassy attacked by X": the noun is the patient
        if v.dep_ in ("xcomp", "conj", "advcl") and v.head.pos_ in ("VERB", "AUX"):
            v = v.head
            continue
        break
    return None, False


def _verb_args(verb: Token, ev_type: str) -> tuple[list[ArgumentSpan], list[ArgumentSpan]]:
    actors: list[ArgumentSpan] = []
    targets: list[ArgumentSpan] = []
    subj, passive = _subject(verb)
    if subj is not None:
        _make(targets if passive else actors, subj, "nsubjpass" if passive else "nsubj")
    for c in verb.children:
        if c.dep_ == "agent":
            for o in c.children:
                if o.dep_ == "pobj":
                    _make(actors, o, "agent")
        elif c.dep_ == "dative" and c.pos_ == "ADP":  # "sent agents to X": the object of "to"
            for o in c.children:
                if o.dep_ == "pobj":
                    _make(targets, o, "prep_to")
        elif c.dep_ in ("dobj", "dative") or (c.dep_ == "attr" and c.head.lemma_ != "be"):
            _make(targets, c, c.dep_)
        elif c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
            for o in c.children:
                if o.dep_ != "pobj" or o.ent_type_ in ("DATE", "TIME"):
                    continue
                if c.lower_ == "with" and ev_type in RECIPROCAL_TYPES:
                    _make(actors, o, "prep_with")
                elif c.lower_ != "at" or o.ent_type_ in ("PERSON", "ORG", "NORP"):
                    _make(targets, o, f"prep_{c.lower_}")
    return actors, targets


def _noun_args(noun: Token) -> tuple[list[ArgumentSpan], list[ArgumentSpan]]:
    actors: list[ArgumentSpan] = []
    targets: list[ArgumentSpan] = []
    patient = noun.lemma_.lower() in PATIENT_NOUNS
    for c in noun.children:
        if c.dep_ == "poss":
            _make(targets if patient else actors, c, "poss")
        elif c.dep_ == "prep" and c.lower_ in ("on", "against", "upon", "targeting"):
            for o in c.children:
                if o.dep_ == "pobj":
                    _make(targets, o, f"prep_{c.lower_}")
        elif c.dep_ == "prep" and c.lower_ == "of":
            for o in c.children:
                if o.dep_ == "pobj":
                    _make(targets if patient else actors, o, "prep_of")
        elif c.dep_ in ("prep", "agent") and c.lower_ == "by":
            for o in c.children:
                if o.dep_ == "pobj":
                    _make(actors, o, "by")
        elif c.dep_ == "prep" and c.lower_ in ("with", "between"):
            for o in c.children:
                if o.dep_ == "pobj" and o.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
                    _make(actors, o, f"prep_{c.lower_}")
        elif c.dep_ in ("compound", "amod") and c.ent_type_ in ("NORP", "ORG", "GPE", "PERSON"):
            _make(actors, c, "compound")
    # A light verb carries the noun: its subject (or passive agent) did it.
    head = noun.head
    if (noun.dep_ in ("dobj", "nsubjpass", "pobj") and head.lemma_ in CARRIER_VERBS) or (
        noun.dep_ == "pobj" and head.head.lemma_ in CARRIER_VERBS and head.dep_ == "prep"
    ):
        carrier = head if head.pos_ in ("VERB", "AUX") else head.head
        if noun.dep_ == "nsubjpass":
            for c in carrier.children:
                if c.dep_ == "agent":
                    for o in c.children:
                        if o.dep_ == "pobj":
                            _make(actors, o, "carried_by")
        else:
            subj, passive = _subject(carrier)
            if subj is not None and not passive:
                _make(actors, subj, "carrier_nsubj")
    return actors, targets


def arguments_for(trigger: Token, ev_type: str) -> tuple[list[ArgumentSpan], list[ArgumentSpan]]:
    """``(actors, targets)`` of the event whose trigger head is ``trigger``.

    An argument is never the trigger itself, and one span is never both actor
    and target (the actor reading wins: it comes from the stronger relation).
    """
    if trigger.pos_ in ("VERB", "AUX"):
        actors, targets = _verb_args(trigger, ev_type)
    else:
        actors, targets = _noun_args(trigger)
    tstart, tend = trigger.idx, trigger.idx + len(trigger.text)
    actors = [a for a in actors if not (a.start <= tstart and tend <= a.end)]
    keys = {(a.start, a.end) for a in actors}
    targets = [
        t for t in targets if (t.start, t.end) not in keys and not (t.start <= tstart and tend <= t.end)
    ]
    return actors, targets
