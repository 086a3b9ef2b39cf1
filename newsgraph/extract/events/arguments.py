"""Actors and targets of an event trigger, read from the dependency parse.

Owns the mapping from syntax to roles (PLOVER's actor and recipient):

- verbs: ``nsubj`` → actor, ``dobj`` / ``nsubjpass`` → target, the passive
  ``agent`` "by" phrase → actor, "on/against/at" objects of attack-like verbs →
  target, the object of a verbal act's complement ("agreed to buy X") → target;
  a verb inside ``xcomp``/``conj``/``relcl``/``acl`` borrows the subject (or, for a
  passive participle, the target) of the clause it hangs from;
- nouns: "the attack on/against X" → target, "X's assassination" / "the killing
  of X" → target for patient nouns, actor otherwise, "by X" → actor, a named
  entity compound ("a Taliban attack") → actor; when the noun is carried by a
  light verb ("carried out the attack", "the attack was carried out by X",
  "held talks") the carrier's subject or agent is the actor; a meeting, agreement or
  cooperation someone came for ("returned to Geneva for talks") is theirs;
- every argument expands over coordination ("X and Y") and named appositions
  ("a group, X," / "a group known as X");
- who acted, when a verb names no actor, from the event noun of its "by"/"in"
  phrase ("killed in firing by police", "injured in police firing": the actors of
  "firing"), and from a common-noun compound naming people or an organisation
  ("police firing", "student protest": ``agency.kind_of``, WordNet); an agentless
  passive ("shot dead") keeps no actor;
- a modifier hyphenated before the verb is no subject ("Police lathi-charged": the
  actor is "Police").

Spans are named entities when the argument head sits in one, else the head's
noun phrase up to the head (determiners and modifiers, no relative clauses); a relative
pronoun ("who", "which", "that") is replaced by the noun its clause modifies. A pronoun
that a clause or phrase after it describes ("those who bought tickets", "those affected
by the floods") is no anaphor: its span runs to the end of that description, unless a
name stands in it (an argument is read as the entity any name inside it stands for).

A word that stands for no participant is no argument (``no_participant``): a pleonastic
"it" ("it is possible to launch an assault", "it emerged that", "it was decided that":
``nlp.referring.pleonastic``), also when a verb borrows it as its subject; a
complementiser the parse took for a noun ("conceded *that* plans to …"); and a bare
singular demonstrative ("investigate *this*", "*that* demands bandwidth"), which in news
as in other text points at a stretch of discourse — a situation, a claim — rather than
at a participant (discourse deixis: Webber 1991, "Structure and ostension in the
interpretation of discourse deixis"). The event then has no actor (or target) there:
nothing is guessed, and a pronoun that may refer ("it", "they") stays one.
"""

from __future__ import annotations

from typing import Any

from newsgraph.extract.events.agency import armed, kind_of
from newsgraph.extract.events.lexicon import CARRIER_VERBS, DEFAULT_MODE_BY_OBJECT, NOUNS, VERBS
from newsgraph.model.events import ArgumentSpan
from newsgraph.nlp.doc_views import doc_text, ent_at
from newsgraph.nlp.referring import in_relative_clause, pleonastic

__all__ = ["CONTENT_TYPES", "arguments_for", "no_participant", "nominal_gerund", "span_of"]

#: Verbal acts whose content is a complement clause ("agreed to buy X", "offered to
#: sell X", "threatened to attack X", "asked to free X", "refused to pay X").
CONTENT_TYPES: frozenset[str] = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST",
                                           "REJECT", "THREATEN", "COOPERATE", "AID"})

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

#: Nouns that, after "on", give the grounds, terms or behalf of an act, not the one it is
#: done to ("arrested on suspicion of fraud", "held on charges of", "released on bail",
#: "acting on behalf of").
GROUNDS_NOUNS: frozenset[str] = frozenset({
    "suspicion", "charge", "allegation", "accusation", "ground", "count", "warrant", "basis", "behalf",
    "bail", "parole", "probation", "condition", "order", "instruction",
})

#: Verbs after which "with X" names a co-actor, not a recipient ("met with X").
RECIPROCAL_TYPES: frozenset[str] = frozenset({"CONSULT", "AGREE", "COOPERATE"})

#: Participles that introduce a name for the noun they modify ("a group known as X").
NAMING_VERBS: frozenset[str] = frozenset({"know", "call", "name", "dub", "identify", "describe"})

_SUBJ = ("nsubj", "csubj")

#: Prepositions whose event-noun object names the act a verb reports the outcome of
#: ("killed in firing by police", "wounded during a raid by troops").
VIA_PREPS: frozenset[str] = frozenset({"in", "during", "amid"})

#: Classes (``agency.kind_of``) of compounds that name who did an event noun.
_ACTOR_CLASSES = frozenset({"crowd", "authority", "agent"})


def nominal_gerund(tok: Token) -> bool:
    """True for an "-ing" verb the parse uses as a noun ("died in police firing": the
    small model tags "firing" VERB, attached as the object of "in")."""
    return (
        tok.pos_ == "VERB"
        and tok.tag_ == "VBG"
        and tok.dep_ in ("pobj", "pcomp", "dobj", "nsubj", "nsubjpass")
        and not any(c.dep_ in ("nsubj", "dobj", "aux") for c in tok.children)
    )


def _event_noun(tok: Token) -> bool:
    """True when ``tok`` is a noun of the lexicon ("firing", "attack", "raid")."""
    if nominal_gerund(tok):
        return tok.lower_ in NOUNS
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    lemma = tok.lemma_.lower()
    if lemma in NOUNS:
        return True
    return any(c.dep_ == "compound" and f"{c.lower_} {lemma}" in NOUNS for c in tok.children)


def span_of(tok: Token) -> tuple[int, int, str | None]:
    """Character span of the argument headed by ``tok`` and its NER label.

    A named entity wins; otherwise the head's left modifiers up to the head
    ("the North Korean embassy"), so relative clauses do not swallow the span.
    """
    if tok.ent_type_:
        ent = ent_at(tok)
        if ent is not None:
            return ent.start_char, ent.end_char, ent.label_
    described = _described_pronoun_end(tok)
    if described is not None:
        return tok.idx, described, None
    left = tok.left_edge.i
    # Never run back over a clause boundary ("said , the group" → "the group").
    for i in range(tok.i, left - 1, -1):
        if tok.doc[i].is_punct and i != tok.i:
            left = i + 1
            break
    start = tok.doc[left].idx
    return start, tok.idx + len(tok.text), None


#: Pronouns that head a description rather than point back at one when a clause or a
#: phrase after them says who is meant ("those who bought tickets", "those affected by
#: the floods", "those on the list", "anyone who helped"; Quirk et al. 1985 §6.40, §17.14).
_DESCRIBED_PRONOUNS = frozenset({"those", "these", "anyone", "anybody", "everyone", "everybody", "someone",
                                 "somebody"})


def _described_pronoun_end(tok: Token) -> int | None:
    """End offset of a description a pronoun heads ("Those who bought tickets in person"),
    or None: the pronoun's relative clause, participle or prepositional phrase after it is
    part of the argument, which then says who is meant instead of a bare "those". Not when
    a name stands in it: an argument is read as the entity any name inside it stands for,
    and "those who voted for Blair" are not Blair."""
    if tok.pos_ != "PRON" or tok.lower_ not in _DESCRIBED_PRONOUNS:
        return None
    after = [c for c in tok.children if c.i > tok.i and c.dep_ in ("relcl", "acl", "prep")]
    if not after:
        return None
    last = max(c.right_edge.i for c in after)
    while last > tok.i and tok.doc[last].is_punct:
        last -= 1
    words = tok.doc[tok.i:last + 1]
    if any(t.ent_type_ and t.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT",
                                                 "MONEY") for t in words):
        return None
    return int(words[-1].idx + len(words[-1].text))


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


#: Relative pronouns that stand for the noun their clause modifies (Quirk et al. 1985
#: §17.9): "the consumers who welcome it", "the tariffs which the US opposes".
_RELATIVES = frozenset({"who", "whom", "which", "that"})


def _relative_noun(tok: Token) -> Token | None:
    """The noun a relative pronoun stands for, from the parse: the head of its relative
    clause ("who" in "the consumer who welcomes it" → "consumer"); None otherwise."""
    # A "that" inside a relative clause is its relative pronoun even when the tagger
    # calls it a conjunction ("the ships that the company hoped to release").
    if tok.lower_ not in _RELATIVES or (tok.tag_ not in ("WP", "WDT") and tok.lower_ != "that"):
        return None
    v = tok.head
    for _ in range(3):
        if v.dep_ == "relcl":
            return v.head if v.head.pos_ in ("NOUN", "PROPN") or _nominal_adjective(v.head) else None
        if v.dep_ not in ("xcomp", "conj", "ccomp") or v.head.i == v.i:
            return None
        v = v.head
    return None


def _nominal_adjective(tok: Token) -> bool:
    """An adjective heading a noun phrase in an argument position, with an article: "the
    single, which was released on Monday" (a noun the tagger read as an adjective), "the
    wounded, who were taken to hospital" (an adjective used as a noun; Quirk et al. 1985
    §7.23). The relative clause on it modifies that noun phrase."""
    return (tok.pos_ == "ADJ" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "dative", "appos")
            and any(c.dep_ == "det" and c.lower_ in ("the", "a", "an", "this", "that") for c in tok.children))


#: Singular demonstratives that, standing alone, point at discourse (Webber 1991).
_DEICTIC = frozenset({"this", "that"})


def no_participant(tok: Token) -> str | None:
    """Why the argument word ``tok`` stands for no participant, or None when it may."""
    complementiser = tok.pos_ == "SCONJ" or (tok.lower_ == "that" and tok.tag_ == "WDT")
    if complementiser and not in_relative_clause(tok, depth=4):
        # "conceded that plans to detain …", "told the Commons that the US had agreed to
        # release …": with no relative clause above it, "that" is the complementiser the
        # parse made an argument (inside one it is the relative pronoun, however tagged).
        return "complementiser"
    if tok.lower_ == "it" and pleonastic(tok):
        return "pleonastic it"
    if (tok.lower_ in _DEICTIC and tok.pos_ == "PRON" and tok.tag_ == "DT"
            and not any(c.dep_ in ("relcl", "acl", "prep") for c in tok.children)):
        return "discourse deixis"  # "investigate this": a situation, not a participant
    return None


def _make(args: list[ArgumentSpan], tok: Token | None, role: str) -> None:
    if tok is None or tok.is_punct or no_participant(tok):
        return
    # An argument that is a relative pronoun is the noun it stands for: the export says
    # "the consumer" (or the named entity), not "who".
    tok = _relative_noun(tok) or tok
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
    # A participle heading an adverbial clause is passive: the subject it borrows is who
    # underwent the act ("Wounded in the blast, the guard fled"), never who did it.
    participle = verb.dep_ == "advcl" and verb.tag_ == "VBN"
    # Reached through complements only ("was forced to resign", "were expected to attack"):
    # the passive subject up there is the complement's own subject (object control,
    # raising), which did the act unless the complement is passive itself ("was expected
    # to be arrested").
    controlled = True
    while v is not None and seen < 4:
        seen += 1
        for c in v.children:
            if c.dep_ in _SUBJ:
                return c, participle and v is not verb
            if c.dep_ in ("nsubjpass", "csubjpass"):
                if v is not verb and controlled:
                    return c, any(a.dep_ == "auxpass" for a in verb.children)
                return c, True
        if v.dep_ == "relcl" and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return v.head, False
        if v.dep_ == "acl" and v.tag_ == "VBN":
            return v.head, True  # "the embassy attacked by X": the noun is the patient
        if v.dep_ == "acl" and v.tag_ == "VBG" and v.head.pos_ in ("NOUN", "PROPN"):
            return v.head, False  # "police firing on the crowd": the noun did it
        if v.dep_ in ("xcomp", "conj", "advcl") and v.head.pos_ in ("VERB", "AUX"):
            controlled = controlled and v.dep_ == "xcomp"
            v = v.head
            continue
        break
    return None, False


def _verb_args(verb: Token, ev_type: str) -> tuple[list[ArgumentSpan], list[ArgumentSpan]]:
    actors: list[ArgumentSpan] = []
    targets: list[ArgumentSpan] = []
    subj, passive = _subject(verb)
    if subj is not None and subj.i == verb.i - 2 and verb.doc[verb.i - 1].text == "-":
        # "Police lathi-charged": the parse makes the hyphenated modifier the subject.
        subj = next((c for c in subj.children if c.dep_ == "compound"), None)
    if subj is not None:
        _make(targets if passive else actors, subj, "nsubjpass" if passive else "nsubj")
    for c in verb.children:
        if c.dep_ == "agent":
            for o in c.children:
                if o.dep_ == "pobj" and _event_noun(o):
                    _borrow(actors, o)  # "killed by police firing": who fired
                elif o.dep_ == "pobj":
                    _make(actors, o, "agent")
        elif c.dep_ == "dative" and c.pos_ == "ADP":  # "sent agents to X": the object of "to"
            for o in c.children:
                if o.dep_ == "pobj":
                    _make(targets, o, "prep_to")
        elif c.dep_ in ("dobj", "dative") or (c.dep_ == "attr" and c.head.lemma_ != "be"):
            _make(targets, c, c.dep_)
        elif c.dep_ == "xcomp" and ev_type in CONTENT_TYPES:
            # "agreed to buy X", "threatened to close X": what the act is about is the
            # object of its complement (two agreements to buy two companies are two acts).
            for o in c.children:
                if o.dep_ == "dobj":
                    _make(targets, o, "xcomp_dobj")
        elif c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
            for o in c.children:
                if o.dep_ != "pobj" or o.ent_type_ in ("DATE", "TIME"):
                    continue
                if c.lower_ in ("on", "upon") and o.lemma_.lower() in GROUNDS_NOUNS:
                    continue  # "arrested on suspicion of", "released on bail": why or how, not whom
                if c.lower_ == "with" and ev_type in RECIPROCAL_TYPES:
                    _make(actors, o, "prep_with")
                elif c.lower_ != "at" or o.ent_type_ in ("PERSON", "ORG", "NORP"):
                    _make(targets, o, f"prep_{c.lower_}")
    if not actors:
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in VIA_PREPS:
                for o in c.children:
                    if o.dep_ in ("pobj", "pcomp") and _event_noun(o):
                        _borrow(actors, o)
            elif c.dep_ == "advcl" and _violent_clause(c):
                # "two were injured when police opened fire": who fired injured them.
                for o in c.children:
                    if o.dep_ in _SUBJ:
                        _make(actors, o, f"via_{c.lemma_.lower()}")
    return actors, targets


def _violent_clause(verb: Token) -> bool:
    """A "when"/"as" clause whose verb is an ASSAULT of the lexicon ("when police opened
    fire", "as troops shelled the town")."""
    if not any(c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "as") for c in verb.children):
        return False
    lemma = verb.lemma_.lower()
    objs = [c.lemma_.lower() for c in verb.children if c.dep_ == "dobj"]
    entries = [VERBS.get(lemma)] + [VERBS.get(f"{lemma}_{o}") for o in objs]
    entries += [DEFAULT_MODE_BY_OBJECT.get((lemma, o)) for o in objs]
    return any(e is not None and e[0] == "ASSAULT" for e in entries)


def _borrow(actors: list[ArgumentSpan], noun: Token) -> None:
    """The actors of the event noun ``noun`` as actors of the verb it is the means of."""
    name = noun.lower_ if nominal_gerund(noun) else noun.lemma_.lower()
    for a in _noun_args(noun)[0]:
        if not any(x.start == a.start and x.end == a.end for x in actors):
            actors.append(ArgumentSpan(a.start, a.end, a.text, f"via_{name}+{a.role}", a.label))


def _noun_args(noun: Token) -> tuple[list[ArgumentSpan], list[ArgumentSpan]]:
    actors: list[ArgumentSpan] = []
    targets: list[ArgumentSpan] = []
    patient = noun.lemma_.lower() in PATIENT_NOUNS
    for c in noun.children:
        if c.dep_ == "poss":
            # "Friday's attack": a time is when the act happened, never who did or suffered it.
            if c.ent_type_ not in ("DATE", "TIME"):
                _make(targets if patient else actors, c, "poss")
        elif c.dep_ == "prep" and c.lower_ in ("on", "against", "upon", "targeting"):
            for o in c.children:
                # "the attack on Monday": a time, not a target (as for verbs, above).
                if o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME"):
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
                if o.dep_ == "pobj" and (o.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or (
                        c.lower_ == "between" and (kind_of(o) in _ACTOR_CLASSES or armed(o)))):
                    _make(actors, o, f"prep_{c.lower_}")  # "clashes between police and protesters"
        elif c.dep_ in ("compound", "amod") and c.ent_type_ in ("NORP", "ORG", "GPE", "PERSON"):
            _make(actors, c, "compound")
        elif c.dep_ == "compound" and c.i < noun.i and not patient and kind_of(c) in _ACTOR_CLASSES:
            # "police firing", "student protest" (a patient noun's compound is its
            # victim: "civilian killings").
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
    elif (not actors and noun.dep_ == "pobj" and head.lower_ == "for" and head.head.pos_ == "VERB"
          and NOUNS.get(noun.lemma_.lower(), ("",))[0] in RECIPROCAL_TYPES):
        # Meeting for a purpose: "negotiators returned to Geneva for talks" — who came talks.
        subj, passive = _subject(head.head)
        if subj is not None and not passive:
            _make(actors, subj, "purpose_nsubj")
    return actors, targets


def arguments_for(trigger: Token, ev_type: str) -> tuple[list[ArgumentSpan], list[ArgumentSpan]]:
    """``(actors, targets)`` of the event whose trigger head is ``trigger``.

    An argument is never the trigger itself, and one span is never both actor
    and target (the actor reading wins: it comes from the stronger relation).
    """
    if trigger.pos_ in ("VERB", "AUX") and not nominal_gerund(trigger):
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
