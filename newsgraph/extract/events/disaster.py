"""DISASTER: events whose cause is a force of nature, an accident or a disease.

"A storm struck the coast", "the floods destroyed the harvest", "thirty people were
killed in the earthquake", "a gas cylinder exploded": the words are PLOVER's words
for attacks, but nobody acted.  PLOVER codes deliberate acts of political actors
(manual, "Event Categories"; ASSAULT: "deliberate actions which can potentially
result in substantial physical harm") and has no category for these; it names
"disasters including both natural and accidents/spills" and "disease outbreaks"
only as contexts.  We type them ``DISASTER`` — our own type, not PLOVER's
(``newsgraph.model.events.DISASTER``), kept out of the PLOVER export — with the kind
of force as the mode (``natural``, ``fire``, ``accident``, ``disease``) and no actor.

What counts as the cause of the event at a trigger (``force_cause``):

- the trigger's actor as the parse gives it (subject, passive "by" agent, a noun's
  possessor or compound: "the storm's", "flood damage");
- the object of a causal preposition on the trigger ("killed in the earthquake",
  "died from cholera", "destroyed in a fire", "injured during the storm");
- for the words that name a bursting (``explode``, ``explosion``, ``blast``): what
  burst, when it is a thing and not a weapon ("a gas cylinder exploded", "a boiler
  explosion" — a bomb that exploded stays ASSAULT ``explosives``).

Which nouns are forces, weapons or things is ``agency.py`` (WordNet).  Verbs outside
the PLOVER lexicon report a DISASTER only with a force as subject and when WordNet puts
one of their frequent senses under ``IMPACT_VERBS`` ("an earthquake rocked the
island", "floods hit the region", "a fire broke out").
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from newsgraph.extract.events.agency import FORCES, kind_of
from newsgraph.nlp.wordnet import wordnet

__all__ = ["CAUSAL_PREPS", "EXPLOSION_LEMMAS", "IMPACT_VERBS", "force_cause", "happening_verb", "impact_verb"]

Token = Any

#: Prepositions whose object can be what caused an event ("killed in the quake",
#: "died of cholera", "damaged by fire"); "after" and "amid" only say when.
CAUSAL_PREPS: frozenset[str] = frozenset({"in", "during", "by", "from", "of"})

#: Lexicon triggers that name the bursting itself, whose cause is what burst.
EXPLOSION_LEMMAS: frozenset[str] = frozenset({"explode", "explosion", "blast", "detonation"})

#: WordNet verb senses (NLTK names) under which a verb with a force as subject reports
#: the force's impact: hitting, destroying, damaging, killing, injuring, shaking,
#: flooding, affecting, and happening or breaking out.
IMPACT_VERBS: tuple[str, ...] = (
    "hit.v.02",
    "strike.v.01",
    "destroy.v.01",
    "destroy.v.02",
    "damage.v.01",
    "kill.v.01",
    "injure.v.01",
    "shake.v.01",
    "rock.v.01",
    "flood.v.01",
    "affect.v.01",
    "happen.v.01",
    "erupt.v.01",
)

#: Senses of a verb looked at for ``impact_verb`` (most frequent first).
VERB_SENSES = 3

_SUBJ = ("nsubj", "csubj")


@lru_cache(maxsize=1)
def _impact_anchors() -> frozenset[str]:
    wn = wordnet()
    if wn is None:
        return frozenset()
    return frozenset(s for s in (wn.synset(n) for n in IMPACT_VERBS) if s)


@lru_cache(maxsize=10_000)
def impact_verb(lemma: str) -> bool:
    """True when one of the verb's frequent senses is, or lies under, an ``IMPACT_VERBS``
    sense ("rock", "batter", "ravage", "hit", "break out")."""
    wn = wordnet()
    anchors = _impact_anchors()
    if wn is None or not anchors:
        return False
    return any(wn.ancestors(s) & anchors for s in wn.sense_ids(lemma, "v", VERB_SENSES)[:VERB_SENSES])


#: Of ``IMPACT_VERBS``, those that need no patient: a force that happens or breaks out.
HAPPENING_VERBS: tuple[str, ...] = ("happen.v.01", "erupt.v.01")


@lru_cache(maxsize=10_000)
def happening_verb(lemma: str) -> bool:
    """True for "happen", "occur", "break out", "erupt": a force's impact needs no patient."""
    wn = wordnet()
    if wn is None:
        return False
    anchors = frozenset(s for s in (wn.synset(n) for n in HAPPENING_VERBS) if s)
    return any(wn.ancestors(s) & anchors for s in wn.sense_ids(lemma, "v", VERB_SENSES)[:VERB_SENSES])


def _pobjs(prep: Token) -> list[Token]:
    return [o for o in prep.children if o.dep_ == "pobj"]


def _causes(tok: Token, actor_heads: list[Token], use_preps: bool) -> list[Token]:
    """Candidate causes of the event at ``tok``: its actor heads, then (``use_preps``)
    the objects of causal prepositions attached to it ("killed in the earthquake")."""
    out = list(actor_heads)
    for c in tok.children:
        if c.dep_ == "agent":
            out.extend(_pobjs(c))
        elif not use_preps:
            continue
        elif c.dep_ == "prep" and c.lower_ in CAUSAL_PREPS:
            out.extend(_pobjs(c))
        elif c.dep_ == "prep" and c.lower_ in ("because", "due"):  # "because of", "due to"
            for p in c.children:
                if p.dep_ == "pcomp" or p.dep_ == "prep":
                    out.extend(_pobjs(p))
        elif (tok.pos_ == "NOUN" and c.dep_ in ("compound", "poss") and c.i < tok.i
              and tok.doc[c.i + 1].text != "-"):
            out.append(c)  # "flood damage", not "fire-bombings"
    if tok.pos_ == "VERB" and not actor_heads:
        # A borrowed subject ("an earthquake struck, killing 30") is in actor_heads;
        # an intransitive subject the roles did not keep is looked at here.
        out.extend(c for c in tok.children if c.dep_ in _SUBJ)
    if tok.dep_ == "relcl":
        # "the earthquake, which killed 300": the relative pronoun stands for the noun.
        out.extend(tok.head for x in list(out) if x.tag_ in ("WDT", "WP"))
        if not out:
            out.extend(tok.head for c in tok.children if c.dep_ in _SUBJ and c.tag_ in ("WDT", "WP"))
    return out


def _burst_thing(tok: Token) -> Token | None:
    """What burst, for an explosion trigger: the subject of "explode", the compound or
    "of" object of "explosion"/"blast"."""
    if tok.pos_ == "VERB":
        if any(c.dep_ == "dobj" for c in tok.children):
            return None  # "exploded a bomb": someone acted
        return next((c for c in tok.children if c.dep_ in _SUBJ), None)
    for c in tok.children:
        if c.dep_ == "compound" and c.i < tok.i:
            return c
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            return next(iter(_pobjs(c)), None)
    return None


def force_cause(
    tok: Token, actor_heads: list[Token], event_nouns: frozenset[str], use_preps: bool = True
) -> tuple[str, str] | None:
    """``(mode, rule)`` when the event at ``tok`` was caused by a force (see the module
    docstring), else None.  ``event_nouns`` are the lexicon's event nouns: an event noun
    as cause ("killed in clashes") is an act, never a force.  ``use_preps``: look at
    causal prepositions too — only for harm with nobody named as actor ("he resigned
    after the flood" is a resignation)."""
    lemma = tok.lemma_.lower()
    for cause in _causes(tok, actor_heads, use_preps):
        c_lemma = cause.lemma_.lower()
        if c_lemma in event_nouns or cause.lower_ in event_nouns:
            continue
        cls = kind_of(cause)
        if cls in FORCES:
            return cls, f"force:{c_lemma}"
    if lemma in EXPLOSION_LEMMAS:
        thing = _burst_thing(tok)
        if thing is not None and kind_of(thing) == "matter":
            return "accident", f"burst:{thing.lemma_.lower()}"
    return None
