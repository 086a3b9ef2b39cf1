"""Event mentions of one annotated document: ``extract_events(adoc)``.

The cascade, per sentence of the spaCy parse behind the ``AnnotatedDocument``:

1. triggers: verbs and nominalisations in the PLOVER lexicon (``lexicon.py``),
   with phrasal verbs ("call for"), verb+object idioms ("raised the alert"),
   compound event nouns ("hunger strike"); a light verb carrying an event noun
   ("carried out the attack") yields the noun, not the verb; nouns that are events
   only when carried ("ordered his death") need their carrier;
2. arguments from the parse (``arguments.py``), the event's own place
   (``place.py``) and date (``time.py``), flags (``flags.py``);
3. who acted decides the type (``agency.py``, ``disaster.py``): an event caused by
   a force of nature, an accident or a disease is ``DISASTER`` (our type, not
   PLOVER's) with no actor — also for verbs outside the lexicon that report a force's
   impact ("an earthquake rocked the island"); violence by rioters, protesters or a
   mob is PROTEST ``riot`` (manual, PROTEST riot), not an ASSAULT; a weapon is no actor
   ("a bomb exploded"); arrest verbs need a person as patient ("apprehending trouble"
   is no arrest) and the ambiguous ones an authority, a passive or a charge; other
   senses of the lexicon's words are no events (``senses.py``: "struck a deal", "the
   battle bus", "provide answers", sports reports);
4. the manual's type rules that depend on flags and complements: cooperative acts in
   the future, or that someone is ready, willing, due or intends to do, are AGREE;
   retreats in the future are CONCEDE; material conflict announced on a condition is
   THREATEN; withdrawing aid, money or observers is SANCTION ``withdraw``, withdrawing
   troops RETREAT; a vow of harm is a threat, of cooperation AGREE, of one's own
   conduct no event; attacking plans or policies, or a politician attacking another with
   no force in sight, is ACCUSE (``senses.verbal_attack``); a deal struck is SUPPORT, a
   person suspended SANCTION ``expel``; a "call for" something is REQUEST, an armed force
   sent MOBILIZE (not AID), a raid by aircraft or with heavy weapons ASSAULT;
5. contexts from sentence cue words, a confidence score (events below
   ``settings.MIN_CONFIDENCE`` are not emitted), the rule that fired.

A French document goes to ``events.french`` (French triggers, a UD parse).

Reporting verbs ("said") are never events.  Of the rest of the article only what it
is about is read (``domain.py``, ``senses.sport_document``: a match report, an album
review, a software story); otherwise what is not attached to the trigger in the parse
is not the event's.
"""

from __future__ import annotations

from typing import Any

from newsgraph.budget import checkpoint
from newsgraph.extract.events import settings as S
from newsgraph.extract.events.agency import (
    FORCES,
    armed,
    armed_people,
    employer,
    feature_lemma,
    instrument_mode,
    is_animate,
    is_inanimate,
    kind_of,
    lemma_class,
    military_vehicle,
    physical,
    resource,
)
from newsgraph.extract.events.arguments import arguments_for, nominal_gerund
from newsgraph.extract.events.content import content_of
from newsgraph.extract.events.disaster import EXPLOSION_LEMMAS, force_cause, happening_verb, impact_verb
from newsgraph.extract.events.flags import flags_for
from newsgraph.extract.events.french import extract_french_events
from newsgraph.extract.events.lexicon import (
    AUTHORITY_CHECKED,
    CARRIER_VERBS,
    CONTEXT_WORDS,
    DEFAULT_MODE_BY_MODIFIER,
    DEFAULT_MODE_BY_OBJECT,
    NOUNS,
    SENSE_CHECKED,
    SPEECH_VERBS,
    STRICT_NOUNS,
    TRANSITIVE_READING,
    VERBS,
    lookup,
)
from newsgraph.extract.events.place import place_for
from newsgraph.extract.events.senses import (
    cyber_attack,
    cyber_sentence,
    legal_appeal,
    no_event,
    verbal_attack,
)
from newsgraph.extract.events.time import date_and_pending
from newsgraph.model.document import AnnotatedDocument
from newsgraph.model.events import DISASTER, ArgumentSpan, EventMention, Span, event_mention_id

__all__ = ["extract_events", "main_event", "trigger_entry"]

Token = Any

#: Types whose future-tense reports the manual codes as AGREE (AGREE definition).
_FUTURE_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})

#: Modals of obligation: said of another party, they make a statement a demand.
_OBLIGATION = frozenset({"must", "should"})

#: Cues that put an event in the future or on a condition ("will", "would", "unless").
_FUTURE_CUES = frozenset({"will", "would", "'ll", "unless", "if"})

#: Types of an act by protesters, rioters or a mob → the PROTEST mode it is.
_CROWD_PROTEST: dict[str, str] = {
    "ASSAULT": "riot",
    "COERCE": "obstruct",
    "SANCTION": "obstruct",
    "REJECT": "demo",
    "ACCUSE": "demo",
    "REQUEST": "demo",
    "THREATEN": "demo",
}

#: ASSAULT modes that say what was done, not with what: an instrument does not change them.
_OWN_MODES = frozenset({"abduct", "sexual", "torture", "crowd-control"})

#: The lexicon's event nouns: an act, never a force, when they are a cause.
_EVENT_NOUNS = frozenset(NOUNS)

#: The lexicon's nouns of material aid ("withdraw aid" reduces relations).
_AID_NOUNS = frozenset(k for k, (t, _m) in NOUNS.items() if t == "AID")

#: PLOVER's material-conflict quad (manual, "Quad category: MATERIAL CONFLICT").
_MATERIAL_CONFLICT = frozenset({"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})

#: PLOVER's verbal quads but THREATEN (manual, "Quad category"): acts of words, which no
#: force of nature, fire, accident or disease performs — a force found near them is a
#: misparse or a figure ("its downfall … has vowed to sue"), never a DISASTER. A threat
#: stays open to forces ("the storm threatens the coast"), not a vow or a warning.
_WORDS = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT"})
_SPOKEN_THREATS = frozenset({"vow", "warn", "warning", "pledge", "swear", "promise"})

#: THREATEN mode for the threatened act (manual, THREATEN modes: the content of the threat).
_THREAT_MODE: dict[str, str | None] = {
    "ASSAULT": "violence",
    "COERCE": "restrict",
    "SANCTION": "relations",
    "PROTEST": "restrict",
    "MOBILIZE": "violence",
}


def _protest_topic(tok: Token, ev_type: str) -> bool:
    """A REQUEST that states what a protest demands ("marched to demand reforms")."""
    if ev_type != "REQUEST" or tok.dep_ not in ("advcl", "xcomp", "acl", "conj"):
        return False
    head = tok.head
    for t in (head, *head.children):
        found = trigger_entry(t) if t.i != tok.i else None
        if found and found[0][0] == "PROTEST":
            return True
    return False


def _particle(tok: Token) -> str | None:
    for c in tok.children:
        if c.dep_ == "prt":
            return c.lower_
    for c in tok.children:
        if c.dep_ == "prep" and c.i > tok.i:
            return c.lower_
    for c in tok.children:
        if c.dep_ == "dobj" and c.lower_ in ("fire", "gas"):  # "open fire", "tear gas"
            return c.lower_
    return None


def _objects(tok: Token) -> list[Token]:
    out = []
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            out.append(c)
            out.extend(x for x in c.children if x.dep_ == "compound")
        elif c.dep_ == "prep":
            out.extend(x for x in c.children if x.dep_ == "pobj")
    return out


def _is_event_noun(tok: Token) -> bool:
    return tok.pos_ in ("NOUN", "PROPN") and _noun_entry(tok, strict=False) is not None


def _noun_entry(tok: Token, strict: bool = True) -> tuple[tuple[str, str | None], str] | None:
    lemma = tok.lemma_.lower()
    for c in tok.children:
        if c.dep_ in ("compound", "amod") and c.i == tok.i - 1:
            hit = NOUNS.get(f"{c.lower_} {lemma}") or NOUNS.get(f"{c.lemma_.lower()} {lemma}")
            if hit:
                return hit, f"noun:{c.lower_} {lemma}"
    hit = NOUNS.get(lemma)
    if hit is None:
        return None
    if lemma == "strike" and hit[0] == "PROTEST" and _military_strike(tok):
        return ("ASSAULT", None), "noun:strike+military"
    if lemma == "firing" and any(
        o.dep_ == "pobj" and is_animate(o) for c in tok.children if c.lower_ == "of" for o in c.children
    ):
        return None  # "the firing of the manager": a dismissal (WordNet firing.n.03)
    if (
        strict
        and lemma in STRICT_NOUNS
        and not (tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_ in CARRIER_VERBS)
    ):
        return None
    return hit, f"noun:{lemma}"


#: The parts of speech a trigger has (``trigger_entry``: a verb, a nominal gerund — a verb
#: —, a noun; ``_disaster_verb``: a verb): extraction skips every other token (most of a
#: text) before asking either.
_TRIGGER_POS = frozenset({"VERB", "NOUN", "PROPN"})


def trigger_entry(
    tok: Token, skip: frozenset[str] = frozenset()
) -> tuple[tuple[str, str | None], str] | None:
    """``((type, mode), rule)`` if ``tok`` triggers an event, else None (``skip``: see
    ``extract_events``)."""
    if tok.ent_type_ and tok.ent_type_ not in ("EVENT",):
        return None  # part of a name ("Strike Force", "Attack Records")
    lemma = tok.lemma_.lower()
    if nominal_gerund(tok) and tok.lower_ in NOUNS and not lookup(lemma, "VERB", _particle(tok)):
        return (NOUNS[tok.lower_], f"noun:{tok.lower_}")  # "in police firing"
    if tok.pos_ == "VERB":
        if lemma in SPEECH_VERBS and lemma not in VERBS:
            # "X said Y must do Z" states a demand: REQUEST (manual: requests, demands, orders).
            for c in tok.children:
                if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in _OBLIGATION for a in c.children):
                    return ("REQUEST", None), f"speech+obligation:{lemma}"
            return None
        objs = _objects(tok)
        for o in objs:
            hit = DEFAULT_MODE_BY_OBJECT.get((lemma, o.lemma_.lower()))
            if hit:
                return hit, f"verb+object:{lemma} {o.lemma_.lower()}"
        if lemma in CARRIER_VERBS and any(_is_event_noun(o) for o in objs):
            return None  # the carried noun is the trigger
        if tok.dep_ == "amod" or (tok.tag_ == "VBN" and tok.dep_ == "compound"):
            return None  # "the wounded soldiers", "armed men"
        for c in tok.children:
            hit = DEFAULT_MODE_BY_MODIFIER.get((lemma, c.lemma_.lower())) if c.i < tok.i else None
            if hit:
                return hit, f"verb+modifier:{c.lower_}-{lemma}"
        particle = _particle(tok)
        hit = lookup(lemma, "VERB", particle)
        if hit and lemma in TRANSITIVE_READING and any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children):
            if hit[0] == "PROTEST" and lemma == "strike" and _employer_struck(tok):
                return hit, f"verb:{lemma}+employer"
            hit = TRANSITIVE_READING[lemma]
        key = f"{lemma}_{particle}" if particle and f"{lemma}_{particle}" in VERBS else lemma
        if hit and hit == ("COERCE", "arrest") and "arrest sense" not in skip and not _arrest_sense(tok, key):
            return None
        if hit == ("RETREAT", "withdraw") and _non_military(tok):
            return ("SANCTION", "withdraw"), f"verb:{lemma}+resources→SANCTION withdraw"
        if hit:
            return hit, f"verb:{lemma}"
        return None
    if tok.pos_ in ("NOUN", "PROPN"):
        return _noun_entry(tok)
    return None


def _military_strike(tok: Token) -> bool:
    """A strike made with a weapon or by armed forces, or a state's strike on a thing (manual,
    ASSAULT: "the missile strike on the tanker", "a strike by four destroyers", "the U.S.
    strike on the second platform", "strikes on Baghdad"), not the workers' strike of the
    lexicon (PROTEST): "their strike on the buses", "a strike at the docks over pay".
    A state's own strike needs the state named before it: a thing struck alone does not
    tell a raid from a stoppage ("the strike on the railways")."""
    state = False
    for c in tok.children:
        if c.dep_ in ("compound", "amod") and c.i < tok.i:
            # A weapon or a war machine ("missile", "drone", "warship"); not who strikes for
            # pay ("a police strike"), nor an adjective's noun reading ("a general strike").
            if c.pos_ == "NOUN" and (kind_of(c) == "weapon" or military_vehicle(c)):
                return True
            state = state or c.ent_type_ in ("GPE", "NORP")
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ not in ("by", "on", "against"):
            continue
        for o in c.children:
            if o.dep_ != "pobj" or o.ent_type_ in ("DATE", "TIME"):
                continue
            if kind_of(o) == "weapon" or military_vehicle(o) or armed_people(o):
                return True
            if c.lower_ == "by":
                continue
            # A country, a city, a region; not a named facility ("a strike on the London
            # Underground" is its staff's).
            if o.ent_type_ in ("GPE", "LOC") or (
                    state and physical(o) and not employer(o) and not is_animate(o)):
                return True
    return False


def _armed_strike(tok: Token, actor_heads: list[Token]) -> bool:
    """The verb "strike" done by fighters, a weapon or a war machine ("the rebels struck
    again"), or by an armed force at, on or against something ("its forces struck at a
    second platform") — not police or soldiers striking over pay, who name nothing struck."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() != "strike":
        return False
    if any(c.dep_ == "prep" and c.lower_ == "over" and any(
            o.dep_ == "pobj" and o.ent_type_ not in ("GPE", "LOC", "DATE", "TIME") for o in c.children)
           for c in tok.subtree):
        return False  # a grievance: "struck (at the barracks) over unpaid wages"
    if any(armed_people(h) or kind_of(h) == "weapon" or military_vehicle(h) for h in actor_heads):
        return True
    aimed = any(c.dep_ == "prep" and c.lower_ in ("at", "on", "against") and any(
        o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME") and not employer(o) for o in c.children)
        for c in tok.children)
    return aimed and any(armed(h) for h in actor_heads)


def _employer_struck(tok: Token) -> bool:
    """Workers strike *against* an employer: "its members have struck the news staffs of
    CBS", "the union struck the company" (manual, PROTEST strike: "labor strikes").
    Every object is an organisation or its staff (spaCy ORG, or WordNet
    ``organization.n.01`` / ``personnel.n.01`` in the noun's first sense, with the owner
    named by "of" or a possessive counting), and neither side is armed; a missile, a
    gunman or a building struck stays an assault."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    actors = [c for c in tok.children if c.dep_ == "nsubj"]
    if not objs or any(armed(h) for h in [*objs, *actors]):
        return False
    return all(employer(o) for o in objs)


def _non_military(tok: Token) -> bool:
    """A withdrawal of non-military resources — aid, money, observers, diplomats — is
    SANCTION ``withdraw``; of troops (or of oneself) it is RETREAT (manual, SANCTION
    modes: "withdraw oneself or one's non-military resources (e.g., aid, observers,
    diplomats, peacekeepers)"; RETREAT: "withdraw forces")."""
    patients = _patients(tok)
    if not patients or any(armed(p) for p in patients):
        return False
    return any(is_animate(p) or resource(p) or p.lemma_.lower() in _AID_NOUNS for p in patients)


def _patients(tok: Token) -> list[Token]:
    # A relative pronoun stands for its antecedent: "the detail that it captures" captures
    # detail, "the men whom police arrested" are men.
    out = [tok.head if c.tag_ in ("WDT", "WP") and tok.dep_ == "relcl" else c
           for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if not out and tok.dep_ == "acl" and tok.tag_ == "VBN":
        out = [tok.head]  # "the men arrested on Monday"
    return out


def _arrest_sense(tok: Token, key: str) -> bool:
    """True when an arrest verb is used of people (``SENSE_CHECKED``, ``AUTHORITY_CHECKED``
    in the lexicon): "arrested 12 protesters", not "apprehending trouble", "booked a
    table", "arrest the decline"."""
    patients = _patients(tok)
    # A thought or a feeling of people is no one ("captured the attention of the community").
    if patients and all(is_inanimate(p) or (p.pos_ == "NOUN" and feature_lemma(p.lemma_.lower()))
                        for p in patients):
        return False
    if not patients and key in SENSE_CHECKED:
        return False
    if key in AUTHORITY_CHECKED:
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        by_authority = any(c.dep_ in ("nsubj", "agent") and kind_of(
            next((o for o in c.children if o.dep_ == "pobj"), c) if c.dep_ == "agent" else c
        ) == "authority" for c in tok.children)
        charged = any(c.dep_ == "prep" and c.lower_ in ("for", "under") for c in tok.children)
        # "Booked for a similar session" books an appointment: an offence is charged without
        # an indefinite article ("booked for murder", "for the murder of").
        appointment = any(c.dep_ == "prep" and c.lower_ == "for" and any(
            o.dep_ == "pobj" and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in o.children)
            for o in c.children) for c in tok.children)
        return (passive or by_authority or charged) and not appointment
    return True


def _disaster_verb(tok: Token) -> tuple[tuple[str, str | None], str] | None:
    """A verb outside the lexicon whose subject (or passive agent) is a force and which
    reports its impact: "an earthquake rocked the island", "floods hit the region",
    "a fire broke out" (``disaster.IMPACT_VERBS``)."""
    if tok.pos_ != "VERB" or tok.dep_ == "amod" or tok.ent_type_:
        return None
    patients = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if patients and all(is_inanimate(p) and p.ent_type_ not in ("GPE", "LOC", "FAC")
                        and not physical(p) for p in patients):
        return None  # "profitability has been hit by a fall", "tragedy struck the production"
    if not patients and not happening_verb(tok.lemma_.lower()):
        return None
    causes = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
    causes += [o for c in tok.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    for c in causes:
        if c.lemma_.lower() in NOUNS:
            continue
        cls = kind_of(c)
        if cls in FORCES and impact_verb(tok.lemma_.lower()):
            return (DISASTER, cls), f"verb:{tok.lemma_.lower()}+force:{c.lemma_.lower()}"
    return None


def _clause_disaster(tok: Token) -> str | None:
    """The DISASTER mode of a "when"/"after" clause under ``tok`` whose subject is a force
    or a thing that burst ("killed when a chemical plant exploded", "injured after an
    earthquake rocked the island"), else None."""
    for c in tok.children:
        if c.dep_ != "advcl" or c.pos_ != "VERB":
            continue
        for s in c.children:
            if s.dep_ not in ("nsubj", "nsubjpass"):
                continue
            cls = kind_of(s)
            if cls in FORCES and (impact_verb(c.lemma_.lower()) or c.lemma_.lower() in VERBS):
                return cls
            if cls == "matter" and c.lemma_.lower() in EXPLOSION_LEMMAS:
                return "accident"
    return None


def _named_illness(tok: Token) -> str | None:
    """A noun trigger whose compound with its modifier is a force in WordNet ("food
    poisoning" is an illness, not an ASSAULT with poison)."""
    if tok.pos_ != "NOUN":
        return None
    for c in tok.children:
        if c.dep_ in ("compound", "amod") and c.i == tok.i - 1:
            cls = lemma_class(f"{c.lemma_.lower()}_{tok.lemma_.lower()}")
            if cls in FORCES:
                return cls
    return None


#: Verbs of physical impact or harm: what a thing that is no weapon can do to someone or
#: something by accident ("a bus hit a wall", "a falling crane crushed two cars"). A thing
#: that "beat", "shot" or "influenced" something did no such thing: another sense.
_IMPACT_VERBS = frozenset({
    "hit", "strike", "kill", "injure", "wound", "hurt", "destroy", "damage", "smash", "ram",
    "crush", "sink", "flatten", "demolish", "collide", "crash", "slam", "plough", "plow",
    "topple", "derail", "flood", "burn", "poison", "contaminate", "maim",
})


def _impact(tok: Token, targets: list[Token]) -> bool:
    """A thing harmed someone or something by accident: a verb of impact whose targets, if it
    names any, are people or physical things ("destroy their lives", "beat off the challenge"
    harm nothing physical)."""
    if tok.lemma_.lower() not in _IMPACT_VERBS:
        return False
    return all(is_animate(t) or physical(t) or t.pos_ == "PROPN" for t in targets)


def _habitual(tok: Token) -> bool:
    """A kind of force told doing what it does: a verb in the simple present whose subject is a
    bare plural ("tremors affect older people", "such diseases do not affect humans", "floods
    hit the delta every year") — a statement about such things, not a report of one. "A tremor
    hits northern Chile" and "floods have hit the delta" are reports."""
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    present = tok.tag_ in ("VBP", "VBZ") or (
        tok.tag_ == "VB" and any(c.lemma_ == "do" and c.tag_ in ("VBP", "VBZ") for c in auxes))
    if not present or any(c.lemma_ in ("have", "be", "will") for c in auxes):
        return False
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    if not subjects and tok.dep_ == "relcl":
        subjects = [tok.head]  # "diseases that affect cattle"
    return any(s.tag_ == "NNS" and not any(c.dep_ in ("det", "poss", "nummod") for c in s.children)
               for s in subjects)


def _head(tok: Token, arg: ArgumentSpan) -> Token | None:
    span = tok.doc.char_span(arg.start, arg.end, alignment_mode="expand")
    return span.root if span is not None else None


def _who_acted(
    tok: Token,
    ev_type: str,
    mode: str | None,
    rule: str,
    actors: list[ArgumentSpan],
    head_disaster: str | None = None,
    skip: frozenset[str] = frozenset(),
) -> tuple[str, str | None, str, list[ArgumentSpan]]:
    """The type, mode, rule and actors once we know who acted (module docstring, step 3).

    ``head_disaster``: the DISASTER mode of the clause this one hangs from, if any ("a
    cylinder exploded, killing four": the killing is the explosion's).
    """
    heads = [(a, _head(tok, a)) for a in actors]
    kinds = [(a, kind_of(h) if h is not None else None) for a, h in heads]
    spoken = ev_type in _WORDS or tok.lemma_.lower() in _SPOKEN_THREATS
    if ev_type != DISASTER and not spoken:
        animate = any(k in ("crowd", "authority", "agent") for _a, k in kinds)
        use_preps = ev_type in _MATERIAL_CONFLICT and not animate
        cause = force_cause(tok, [h for _a, h in heads if h is not None], _EVENT_NOUNS, use_preps)
        if cause is not None and cause[0] == "disease" and cyber_sentence(tok.sent):
            cause = None  # a computer virus
        clause = _clause_disaster(tok) if use_preps else None
        illness = _named_illness(tok)
        # A thing that is no weapon does not assault: "struck by a bulk carrier".
        thing = ev_type == "ASSAULT" and not animate and any(
            k == "matter" and a.role in ("nsubj", "agent") for a, k in kinds
        )
        if "disaster" in skip:
            pass
        elif cause is not None:
            ev_type, mode, rule = DISASTER, cause[0], f"{rule}+{cause[1]}→DISASTER"
        elif head_disaster and ev_type == "ASSAULT" and not animate:
            ev_type, mode, rule = DISASTER, head_disaster, rule + "+clause→DISASTER"
        elif clause:
            ev_type, mode, rule = DISASTER, clause, rule + "+when-clause→DISASTER"
        elif illness:
            ev_type, mode, rule = DISASTER, illness, rule + "+illness→DISASTER"
        elif thing:
            ev_type, mode, rule = DISASTER, "accident", rule + "+thing→DISASTER"
    if ev_type == DISASTER:
        return ev_type, mode, rule, [a for a, k in kinds if k not in FORCES and k not in ("weapon", "matter")]
    actors = [a for a, k in kinds if k != "weapon"]  # the instrument, not the actor
    if ev_type == "ASSAULT" and mode not in _OWN_MODES:
        named = instrument_mode(tok, [h for _a, h in heads if h is not None])
        if named and named != mode:
            mode, rule = named, f"{rule}+instrument→{named}"
    if ev_type == "ASSAULT" and mode in (None, "targeted"):
        # "killed in police firing": the means the actor came from says how.
        for a in actors:
            means = NOUNS.get(a.role[4:].split("+")[0]) if a.role.startswith("via_") else None
            if means and means[0] == "ASSAULT" and means[1]:
                mode, rule = means[1], f"{rule}+means:{a.role[4:].split('+')[0]}"
                break
    if any(k == "crowd" for _a, k in kinds) and ev_type in _CROWD_PROTEST and "crowd" not in skip:
        # What protesters, rioters or a mob do together is their protest (manual, PROTEST:
        # "dissent collectively, publicly show negative feelings"): violence is a riot,
        # even against police ("clashes between police and protesters"), coercion an
        # obstruction, words a demonstration.
        new_mode = _CROWD_PROTEST[ev_type]
        ev_type, mode, rule = "PROTEST", new_mode, f"{rule}+crowd→PROTEST {new_mode}"
    return ev_type, mode, rule, actors


#: Words that make the act they govern an intention, a readiness or a schedule (manual,
#: AGREE: "willingness or commitment to cooperate"; future cooperative acts are AGREE):
#: "ready to negotiate", "is due to meet", "wants to help", "offered to mediate".
_WILLINGNESS = frozenset({"ready", "prepared", "willing", "eager", "keen", "committed", "due", "set",
                          "determined", "plan", "intend", "want", "wish", "hope", "seek", "offer", "promise",
                          "pledge", "agree", "decide", "vow", "expect", "aim"})

#: Lexicon verbs of THREATEN that are first of all promises ("vow").
_PROMISES = frozenset({"vow"})


def _willing(tok: Token) -> str | None:
    """The word that makes the verb at ``tok`` an intention (``_WILLINGNESS``), when ``tok``
    is its to-infinitive complement; else None."""
    if tok.pos_ != "VERB" or tok.dep_ != "xcomp":
        return None
    if any(c.dep_ in ("mark", "advmod") and c.lower_ in ("whether", "how") for c in tok.children):
        return None  # "decided whether to grant": a question, no commitment
    return next((w for w in _forms(tok.head) if w in _WILLINGNESS), None)


def _forms(tok: Token) -> list[str]:
    """The token's lemma and its word with a regular ending taken off: the tagger's lemma is
    sometimes another word ("hopes" → "hop")."""
    word = tok.lower_
    out = [tok.lemma_.lower(), word]
    for end in ("s", "d", "ed", "es"):
        if word.endswith(end):
            out.append(word[: -len(end)])
    return out


#: Words of amounts that make a number money ("125.9 mln SDRs", "2 billion").
_AMOUNT_WORDS = frozenset({"mln", "million", "bln", "billion", "trillion", "m", "bn", "pct"})


def _money_approved(tok: Token) -> bool:
    """Approving a loan, a credit or a sum for someone gives it: AID (manual, AID:
    "monetary aid and financial guarantees, grants, gifts and credit"), not SUPPORT."""
    if tok.lemma_.lower() not in ("approve", "authorize", "authorise", "sanction"):
        return False
    for o in (c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")):
        if o.ent_type_ == "MONEY" or o.lemma_.lower() in _AID_NOUNS:
            return True
        if any(c.dep_ == "nummod" for c in o.children) and any(
                c.lower_ in _AMOUNT_WORDS for c in o.children if c.dep_ in ("amod", "compound", "nummod")):
            return True
    return False


#: The lexicon's nouns of agreement: what is signed or struck when an agreement is made.
_AGREEMENT_NOUNS = frozenset(k for k, (t, _m) in NOUNS.items() if t == "AGREE") | {"contract", "treaty"}


def _agreement_made(tok: Token) -> bool:
    """"The deal, struck at the summit", "struck a deal with the unions": striking an
    agreement finalises it (manual, SUPPORT), no one strikes."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() != "strike":
        return False
    done = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if tok.dep_ == "acl":
        done.append(tok.head)  # "the deal, struck at the European Council"
    return bool(done) and all(d.lemma_.lower() in _AGREEMENT_NOUNS for d in done)


def _refused_acceptance(tok: Token) -> bool:
    """"Will not accept an unfair burden", "would never agree to it": acceptance negated
    under a modal of will is a refusal."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in ("accept", "agree"):
        return False
    neg = any(c.dep_ == "neg" for c in tok.children)
    will = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "wo", "'ll", "shall") for c in tok.children)
    return neg and will


def _call_for(tok: Token) -> bool:
    """"Its call for stronger closure powers", "calls for a ceasefire": the noun "call" with
    a "for" complement is a demand."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() == "call" and any(
        c.dep_ == "prep" and c.lower_ == "for" for c in tok.children)


#: Verbs of sending: what they move is aid unless it is an armed force.
_SENDING = frozenset({"send", "dispatch", "deliver", "ship"})


def _forces_sent(tok: Token) -> bool:
    """"The order to send marines", "sent two warships": an armed force or a warship sent is
    moved (MOBILIZE), not given; weapons sent are aid or an attack ("letter bombs")."""
    if tok.lemma_.lower() not in _SENDING:
        return False
    sent = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(sent) and all(
        kind_of(c) == "authority" or armed_people(c) or military_vehicle(c) for c in sent)


def _sent_back(tok: Token) -> bool:
    """"Khan was being sent back to Norway": a person sent back is deported, not given."""
    if tok.lemma_.lower() not in ("send", "ship") or not any(
            c.dep_ in ("prt", "advmod") and c.lower_ in ("back", "home") for c in tok.children):
        return False
    sent = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(sent) and all(c.ent_type_ == "PERSON" or (c.pos_ == "PRON" and c.lower_ in (
        "he", "she", "they", "him", "her", "them")) or (c.pos_ == "NOUN" and kind_of(c) in ("agent", "crowd"))
        for c in sent)


def _raid_weapon(tok: Token) -> str | None:
    """The ASSAULT mode of a raid carried out by aircraft or with heavy weapons ("helicopter
    gunship raids", "bombing raids by jets"), from the words attached to it; None for a
    police raid or a raid with nothing named."""
    if tok.lemma_.lower() != "raid":
        return None
    mode = instrument_mode(tok, [])
    return mode if mode in ("aerial", "drone", "heavy-weapons", "explosives") else None


def _member_suspended(tok: Token) -> bool:
    """"Have suspended him as a member", "UKIP suspended a candidate": a person suspended is
    a person expelled for a time (manual, SANCTION expel), not a concession."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() != "suspend":
        return False
    done = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(done) and all(d.ent_type_ not in ("GPE", "ORG") and (
        d.ent_type_ == "PERSON" or (d.pos_ == "PRON" and d.lower_ in _PERSONS)
        or (d.pos_ == "NOUN" and kind_of(d) == "agent" and is_animate(d))) for d in done)


_PERSONS = frozenset({"him", "her", "he", "she", "them", "they"})


#: PLOVER's cooperative quads (manual, "Quad category"): what one may promise another.
_COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})


def _vowed(tok: Token) -> str:
    """What a vow at ``tok`` promises: ``harm`` when its complement (or object) triggers
    material conflict or a threat ("vowed to fight on", "vowed revenge") or is missing,
    ``cooperation`` when it triggers a cooperative act ("vowed to free the hostages"),
    else ``conduct`` ("vowed to push through the reforms", "vowed she would be cleared")."""
    comps = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp", "dobj")]
    if not comps or any(c.dep_ == "dobj" and c.lemma_.lower() in ("revenge", "retaliation", "retribution")
                        for c in comps):
        return "harm"
    found = [f[0][0] for c in comps for t in c.subtree if (f := trigger_entry(t))]
    if any(t in (*_MATERIAL_CONFLICT, "THREATEN") for t in found):
        return "harm"
    return "cooperation" if any(t in _COOPERATIVE for t in found) else "conduct"


def _contexts(sent: Any) -> list[str]:
    text = sent.text.lower()
    lemmas = {t.lemma_.lower() for t in sent}
    out = []
    for ctx, words in CONTEXT_WORDS.items():
        if any((w in lemmas) if " " not in w else (w in text) for w in words):
            out.append(ctx)
    return out


def _depth(tok: Token) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok = tok.head
        d += 1
    return d


def extract_events(adoc: AnnotatedDocument, skip: frozenset[str] = frozenset()) -> list[EventMention]:
    """Every PLOVER event mention in the document, in text order.

    ``skip`` names rules not to apply — the reasons of ``senses.no_event``, "disaster",
    "crowd", "cyber", "arrest sense", "verbal attack" — for the typing benchmark's
    ablation only.

    Needs the transient spaCy ``Doc`` (``adoc.doc``) with a dependency parse;
    a document that was not annotated has no events.
    """
    doc = adoc.doc
    if doc is None or not adoc.annotated:
        return []
    if adoc.document.language == "fr":  # French triggers and a UD parse: events.french
        return extract_french_events(adoc)
    doc_id = adoc.document.id
    published = adoc.document.published
    out: list[EventMention] = []
    disasters: dict[int, str | None] = {}  # token index of a DISASTER trigger → its mode
    for tok in doc:
        if tok.pos_ not in _TRIGGER_POS:
            continue  # what trigger_entry and _disaster_verb answer None for, asked of no one
        found = trigger_entry(tok, skip) or (None if "disaster" in skip else _disaster_verb(tok))
        if found is None:
            continue
        checkpoint("event extraction")
        (ev_type, mode), rule = found
        actors, targets = arguments_for(tok, ev_type)
        clause_head = tok.head.i if tok.dep_ in ("advcl", "conj", "xcomp") else None
        ev_type, mode, rule, actors = _who_acted(tok, ev_type, mode, rule, actors, disasters.get(clause_head),
                                                 skip)
        actor_heads = [h for h in (_head(tok, a) for a in actors) if h]
        target_heads = [h for h in (_head(tok, t) for t in targets) if h]
        if ev_type == "ASSAULT" and "verbal attack" not in skip and verbal_attack(tok, actor_heads):
            ev_type, mode, rule = "ACCUSE", "disapprove", rule + "+policy→ACCUSE disapprove"
        if ev_type == "SUPPORT" and _money_approved(tok):
            ev_type, mode, rule = "AID", None, rule + "+money→AID"
        if ev_type == "PROTEST" and _agreement_made(tok):
            # A deal struck is a deal finalised (manual, SUPPORT: "ratify, sign, or finalize an
            # agreement or treaty"), no strike.
            ev_type, mode, rule = "SUPPORT", None, rule + "+agreement→SUPPORT"
        if ev_type == "CONCEDE" and _member_suspended(tok):
            # Manual, SANCTION expel: "permanently or temporarily expel an entity from a group,
            # organization, political party" — suspending a person is that, not a concession.
            ev_type, mode, rule = "SANCTION", "expel", rule + "+person→SANCTION expel"
        if ev_type == "AGREE" and _refused_acceptance(tok):
            # Manual, REJECT: "refuse to accept"; "will not accept an unfair burden" is that.
            ev_type, mode, rule = "REJECT", None, rule + "+will not→REJECT"
        if ev_type == "CONSULT" and _call_for(tok):
            # Manual, REQUEST: "call for"; a call is a telephone consultation only when made
            # to someone ("made its call for stronger powers" asks).
            ev_type, mode, rule = "REQUEST", None, rule + "+for→REQUEST"
        if ev_type == "AID" and _sent_back(tok):
            # Manual, COERCE deport: "expel or deport individuals"; a person sent back is that.
            ev_type, mode, rule = "COERCE", "deport", rule + "+person back→COERCE deport"
        if ev_type == "AID" and _forces_sent(tok):
            # Manual, MOBILIZE: "military or police moves" — troops, marines or warships sent
            # are moved, not given.
            ev_type, mode, rule = "MOBILIZE", "troops", rule + "+armed→MOBILIZE troops"
        if ev_type == "COERCE" and mode == "seize" and (weapon := _raid_weapon(tok)):
            # A raid by aircraft or with weapons is an attack (manual, ASSAULT "aerial",
            # "heavy-weapons"); a police raid stays a seizure.
            ev_type, mode, rule = "ASSAULT", weapon, rule + f"+instrument→ASSAULT {weapon}"
        if (ev_type, mode) == ("PROTEST", "strike") and _armed_strike(tok, actor_heads):
            # Fighters, warships or forces striking at something attack (manual, ASSAULT: "its
            # forces destroyed a platform and struck at a second"); workers strike for pay.
            ev_type, mode, rule = "ASSAULT", None, rule + "+armed→ASSAULT"
        if ev_type in ("REQUEST", "PROTEST") and legal_appeal(tok):
            # Manual, ACCUSE: "sue or bring to court" — also when protesters appeal a ruling.
            ev_type, mode, rule = "ACCUSE", "allege", rule + "+decision→ACCUSE allege"
        # Attacks on computers, sites and mail are the manual's COERCE "cyber".
        cyber = ev_type == "ASSAULT" and "cyber" not in skip and cyber_attack(tok, actor_heads, target_heads)
        if ev_type != DISASTER and no_event(
            tok, ev_type, actor_heads, _EVENT_NOUNS, target_heads, skip, "cyber" if cyber else mode,
        ):
            continue
        if cyber:
            ev_type, mode, rule = "COERCE", "cyber", rule + "+computers→COERCE cyber"
        if rule.endswith("+thing→DISASTER") and not _impact(tok, target_heads):
            continue  # "a series beat its rivals", "drugs destroy lives": no act, no accident
        if ev_type == DISASTER and _habitual(tok):
            continue  # "tremors more often affect older people": what such things do, no occurrence
        if ev_type == DISASTER:
            disasters[tok.i] = mode
        if rule.startswith("verb+object:"):
            # The idiom's own object is no recipient ("taken into custody").
            obj = rule.split(" ")[1]
            targets = [t for t in targets if t.text.lower().split()[-1] not in (obj, obj + "s")]
        target_heads = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        place = place_for(tok, target_heads)
        date, date_pending = date_and_pending(tok, published)
        flags = flags_for(tok, date, published)
        if _protest_topic(tok, ev_type):
            continue  # the demand a protest makes is its topic, not another event (manual, PROTEST)
        cues = {c.lower() for c in flags.cues}
        willing = _willing(tok)
        if willing and ev_type in _FUTURE_AGREE:
            # Manual, AGREE: "indicate willingness or commitment to cooperate".
            ev_type, mode, rule = "AGREE", None, f"{rule}+{willing}→AGREE"
        elif willing and ev_type == "RETREAT":
            ev_type, mode, rule = "CONCEDE", None, f"{rule}+{willing}→CONCEDE"
        elif ev_type == "THREATEN" and tok.lemma_.lower() in _PROMISES and _vowed(tok) != "harm":
            # A vow of no harm is no threat (manual, THREATEN: "threats, coercive or forceful
            # warnings"): a promise to cooperate is AGREE ("promise … to cooperate"); a
            # pledge of one's own conduct is no event between actors ("vowed to push
            # through the reforms", "vowed she would be cleared").
            if _vowed(tok) == "conduct":
                continue
            ev_type, mode, rule = "AGREE", None, rule + "+promise→AGREE"
        if flags.hypothetical and cues & _FUTURE_CUES:
            if ev_type in _FUTURE_AGREE:
                ev_type, mode, rule = "AGREE", None, rule + "+future→AGREE"
            elif ev_type == "RETREAT":
                ev_type, mode, rule = "CONCEDE", None, rule + "+future→CONCEDE"
            elif ev_type in _MATERIAL_CONFLICT and tok.pos_ == "VERB" and (
                cues & {"would", "unless", "if"} or flags.reported_via
            ):
                # A material-conflict act announced for the future or on a condition is
                # a threat (manual, "Auxiliary modes": THREATEN ≈ ASSAULT + hypothetical);
                # a noun is not announced ("will not tolerate attacks such as last
                # Friday's bombing" names past attacks).
                ev_type, mode, rule = "THREATEN", _THREAT_MODE.get(ev_type), rule + "+future→THREATEN"
        sent = tok.sent
        conf = S.confidence(tok.pos_ == "VERB", bool(actors), bool(targets), bool(place or date),
                            any(a.label for a in actors + targets))
        if conf < S.MIN_CONFIDENCE:
            continue
        start, end = tok.idx, tok.idx + len(tok.text)
        out.append(
            EventMention(
                id=event_mention_id(doc_id, start, end),
                doc=doc_id,
                type=ev_type,
                mode=mode,
                trigger=Span(start, end, tok.text),
                sentence=Span(sent.start_char, sent.end_char, sent.text),
                actors=actors,
                targets=targets,
                place=place,
                date=date,
                date_pending=date_pending,
                context=_contexts(sent),
                flags=flags,
                lemma=tok.lemma_.lower(),
                confidence=round(min(conf, 1.0), 3),
                rule=f"{rule} depth={_depth(tok)}",
                content=content_of(tok, ev_type),
            )
        )
    return out


def main_event(mentions: list[EventMention]) -> EventMention | None:
    """The sentence's main event: the trigger nearest the root of the parse.

    Used to type a whole sentence or snippet (the PLOVER and ACLED benchmarks
    code one event per text); verbs win ties over nouns, then text order.
    """
    if not mentions:
        return None

    def key(m: EventMention) -> tuple[int, int, int]:
        depth = int(m.rule.rsplit("depth=", 1)[1]) if "depth=" in m.rule else 99
        return depth, 0 if m.rule.startswith("verb") else 1, m.trigger.start

    return min(mentions, key=key)
