"""Who can act: what kind of thing heads an event argument, from WordNet and spaCy's NER.

PLOVER's actors are people and organised entities (manual, "actor and recipient").
A storm, a flood, a fire, a crash or a disease strikes, hits, destroys and kills in
news English, but it is none of them: events caused by such forces are typed
``DISASTER`` (``disaster.py``), and a weapon ("a bomb exploded") is the instrument of
an act, not its actor.  This module only classifies a noun; the rules that use the
classes live with the typing.

Where each table comes from:

- ``CLASS_ANCHORS``: synsets of Princeton WordNet 3.0 (``newsgraph/nlp/wordnet.py``),
  named as NLTK names them (``fire.n.01`` = the most frequent noun sense of "fire").
  A noun is in a class when one of its senses is an anchor or lies below one by
  hypernymy.  The anchors are WordNet's own top nodes for each kind of thing:
  weather and geological phenomena, calamities, landslides, eruptions and droughts
  (forces of nature, the manual's "disasters" context), fire, accidents and mishaps
  (the manual's "accidents/spills"), ill health, infectious agents and epidemics (its
  "health" context: disease outbreaks); weaponry, explosive devices and ammunition;
  crowds, protesters and rioters; police and military units and officers; persons
  and social groups.
- NER labels are spaCy's (OntoNotes): a PERSON, ORG, NORP or GPE mention is someone
  who can act.

Which sense counts: the most frequent of the first ``SENSES`` senses that falls in
any class decides ("crash" is first a noise, then an accident: an accident; "force"
is first strength, then a physical force, then personnel — "security forces" are
kept apart by their modifier, see ``kind_of``); people and authorities only from the
most frequent sense ("target" is someone ridiculed only in its second).

``MODE_ANCHORS`` are WordNet synsets too, one set per ASSAULT mode of the manual's
table (aircraft → aerial, artillery/missiles/rockets/armoured vehicles → heavy-weapons,
explosive devices → explosives, guns → firearms, chemical/biological/nuclear weapons
→ unconventional, tear gas/water cannon/truncheons → crowd-control, suicide →
suicide-attack): the instrument named beside an ASSAULT gives its mode.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from newsgraph.nlp.wordnet import wordnet

__all__ = [
    "ARMED_PEOPLE",
    "ARMED_PEOPLE_ONLY",
    "CLASS_ANCHORS",
    "EMPLOYER_ANCHORS",
    "FORCES",
    "MODE_ANCHORS",
    "armed",
    "armed_people",
    "employer",
    "instrument_mode",
    "is_animate",
    "is_inanimate",
    "kind_of",
    "physical",
    "resource",
]

Token = Any

#: Class → WordNet anchors, in the order classes are tried within one sense.
CLASS_ANCHORS: dict[str, tuple[str, ...]] = {
    "natural": (
        "atmospheric_phenomenon.n.01",  # storm, rain, wind, cyclone, lightning, heat wave
        "geological_phenomenon.n.01",  # flood, earthquake
        "calamity.n.01",  # tsunami, famine, disaster
        "slide.n.02",  # landslide, avalanche, mudslide
        "volcanic_eruption.n.01",
        "drought.n.01",
        "volcano.n.02",  # the mountain that erupts
    ),
    "fire": ("fire.n.01", "combustion.n.01"),  # fire, wildfire, blaze
    "accident": ("accident.n.01", "mishap.n.02"),  # crash, collision, derailment, spill
    "disease": ("ill_health.n.01", "infectious_agent.n.01", "epidemic.n.01"),
    "weapon": ("weaponry.n.01", "weapon.n.01", "explosive_device.n.01", "explosive.n.01", "ammunition.n.01",
               "rocket.n.01", "military_vehicle.n.01"),
    "crowd": ("crowd.n.01", "dissenter.n.01", "demonstrator.n.03", "rioter.n.01"),
    "authority": (
        "law_enforcement_agency.n.01",
        "lawman.n.01",
        "military_unit.n.01",
        "military_personnel.n.01",
        "serviceman.n.01",
        "security_force.n.01",
        # An army, a navy, an air force, a coastguard and a nation's military as a whole
        # (WordNet files them under "force, personnel", beside any staff, not under
        # military units): the state's armed services.
        "military_service.n.01",
        "military.n.01",
        "government.n.01",
        "authority.n.02",
    ),
    "agent": ("person.n.01", "social_group.n.01", "people.n.01"),
    "matter": ("artifact.n.01", "matter.n.03"),  # things: what may explode by accident
}

#: The senses that make a word a protester whatever its rank (see ``lemma_class``):
#: not "dissenter", whose hyponyms include armed rebels.
PROTESTER_ANCHORS: tuple[str, ...] = ("demonstrator.n.03", "rioter.n.01")

#: The classes that are forces, not actors: their events are DISASTER (mode = class).
FORCES: frozenset[str] = frozenset({"natural", "fire", "accident", "disease"})

#: Senses of a noun looked at, most frequent first (rare senses mislead: "storm" is an
#: assault only in its third sense).
SENSES = 3

#: Classes taken from the most frequent sense only: a rarer sense naming people
#: ("target": someone ridiculed) does not make the word name someone.
_FIRST_SENSE_ONLY = frozenset({"agent", "authority"})

#: Classes of NER labels (spaCy / OntoNotes).
_NER_CLASS = {"PERSON": "agent", "ORG": "agent", "NORP": "agent", "GPE": "agent"}

#: Personal pronouns: someone who can act.
_PERSONAL = frozenset({"i", "we", "you", "he", "she", "they", "me", "us", "him", "her", "them", "who"})


@lru_cache(maxsize=1)
def _anchors() -> dict[str, frozenset[str]]:
    wn = wordnet()
    if wn is None:
        return {}
    out = {}
    for cls, names in CLASS_ANCHORS.items():
        out[cls] = frozenset(s for s in (wn.synset(n) for n in names) if s)
    return out


@lru_cache(maxsize=1)
def _protester_anchors() -> frozenset[str]:
    wn = wordnet()
    return frozenset(s for s in (wn.synset(n) for n in PROTESTER_ANCHORS) if s) if wn else frozenset()


@lru_cache(maxsize=20_000)
def lemma_class(lemma: str) -> str | None:
    """The class of a common-noun lemma (see the module docstring), or None.

    A protester or rioter sense (``PROTESTER_ANCHORS``) is looked for in every sense
    first: a word with one names a protester beside a protest or a riot
    ("demonstrator" is first someone who shows how a thing works, then a protester)."""
    wn = wordnet()
    anchors = _anchors()
    if wn is None or not anchors:
        return None
    senses = wn.sense_ids(lemma, "n", SENSES)[:SENSES]
    if any(wn.ancestors(s) & _protester_anchors() for s in senses):
        return "crowd"
    for k, sid in enumerate(senses):
        ups = wn.ancestors(sid)
        for cls, anchor in anchors.items():
            if ups & anchor and (k == 0 or cls not in _FIRST_SENSE_ONLY):
                return cls
    return None


def kind_of(tok: Token) -> str | None:
    """The class of the argument headed by ``tok``: a force (``natural``, ``fire``,
    ``accident``, ``disease``), ``weapon``, ``crowd``, ``authority``, ``agent``,
    ``matter``, or None when unknown.

    A named mention is an agent whatever its words, unless it is a storm's name
    ("Hurricane Mitch", ``_named_force``); a common noun is classified by
    WordNet, its modifiers first when they name who it is ("security forces", "police
    officers": the compound or adjective that names an agent wins over the head).
    """
    if tok.pos_ == "PRON":
        return "agent" if tok.lower_ in _PERSONAL else None
    if tok.pos_ == "PROPN" and _named_force(tok):
        return "natural"  # "Hurricane Mitch", whatever label the model gave the name
    if tok.ent_type_ in _NER_CLASS:
        # A one-word "name" that WordNet knows as a force is the force: the small model
        # tags a sentence-initial "Cholera" or "Flooding" as an organisation.
        one_word = tok.ent_iob_ == "B" and (tok.i + 1 == len(tok.doc) or tok.doc[tok.i + 1].ent_iob_ != "I")
        named_place_or_person = tok.ent_type_ in ("GPE", "PERSON")  # "Wales" is no welt
        cls = lemma_class(tok.lower_) if one_word and not named_place_or_person else None
        return cls if cls in FORCES else _NER_CLASS[tok.ent_type_]
    cls = lemma_class(tok.lemma_.lower())
    if cls in FORCES or cls is None or cls == "matter":
        # "security forces", "riot police", "rescue teams": a modifier naming people or
        # an organisation says the head is personnel, not a force of nature.
        # Only nouns and names: an adjective looked up as a noun misleads ("more" is
        # Thomas More: "more options contracts" are no people).
        mods = {_NER_CLASS.get(c.ent_type_) or lemma_class(_compound_lemma(c))
                for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i
                and (c.pos_ in ("NOUN", "PROPN") or c.ent_type_)}
        if mods & {"authority", "agent", "crowd"} and not _may_be_people(tok.lemma_.lower()):
            return cls  # "the Tory plans" are no people, whoever's they are
        if "authority" in mods:
            return "authority"  # "Syrian government forces"
        if mods & {"agent", "crowd"}:
            return "agent"
    return cls


def _compound_lemma(c: Token) -> str:
    """A modifier's lemma, joined with the word right before it when WordNet knows the two as
    one noun ("air force jets": ``air_force``, an armed service; "force" alone is strength)."""
    lemma = c.lemma_.lower()
    before = next((x for x in c.children if x.dep_ == "compound" and x.i == c.i - 1), None)
    if before is not None:
        joined = f"{before.lower_}_{lemma}"
        wn = wordnet()
        if wn is not None and wn.sense_ids(joined, "n", 1):
            return joined
    return lemma


def _named_force(tok: Token) -> bool:
    """A name given to a force of nature: "Hurricane Mitch", "Typhoon Haiyan", "Tropical
    Storm Allison" — the capitalised word right before its head is, in its most frequent
    sense, a weather or geological phenomenon (WordNet, ``natural``), and the head is a word
    WordNet does not know in any class (a given name). "The Earthquake Commission" stays a
    body: its head is a noun of people."""
    if lemma_class(tok.lower_) is not None:
        return False
    wn = wordnet()
    for c in tok.children:
        # The capitalised word right before the name ("Storm Desmond"), whatever the tagger
        # made of the two (a PROPN or a NOUN, one label or two).
        if c.dep_ != "compound" or c.i != tok.i - 1 or not c.is_title:
            continue
        senses = wn.sense_ids(c.lower_, "n", 1)[:1] if wn else []
        if senses and wn.ancestors(senses[0]) & _anchors().get("natural", frozenset()):
            return True
    return False


#: First senses that name no one: ideas, messages, acts, devices (WordNet synsets; not
#: vehicles or craft, which stand for their crews: "Iraqi jets bombed").
_NOT_PEOPLE_ANCHORS: tuple[str, ...] = ("idea.n.01", "message.n.02", "act.n.02", "device.n.01")


@lru_cache(maxsize=20_000)
def _may_be_people(lemma: str) -> bool:
    """False for a noun that is first an idea, a message, an act or a made thing and never
    names people or a group of them in its ``ARMED_SENSES`` most frequent senses ("plans",
    "policy", "proposals"; "the Seagram purchase", "a Bosch pump": a company's act or
    product is not the company); True otherwise ("forces", "teams", "counterpart", unknown
    words)."""
    wn = wordnet()
    if wn is None:
        return True
    senses = wn.sense_ids(lemma, "n", ARMED_SENSES)[:ARMED_SENSES]
    if not senses:
        return True
    people = {a for a in (wn.synset(n) for n in ("person.n.01", "social_group.n.01")) if a}
    ideas = {a for a in (wn.synset(n) for n in _NOT_PEOPLE_ANCHORS) if a}
    return bool(not wn.ancestors(senses[0]) & ideas or any(wn.ancestors(s) & people for s in senses))


def is_animate(tok: Token) -> bool:
    """True when ``tok`` heads a phrase naming people or an organisation (someone who can
    be arrested or can act), or a bare number of them ("arrested 12")."""
    if tok.pos_ == "NUM" or tok.ent_type_ in ("CARDINAL",):
        return True
    if tok.tag_ in ("JJ", "VBN") and any(c.dep_ == "det" for c in tok.children):
        return True  # "the wounded", "the accused": people named by what befell them
    if kind_of(tok) in ("crowd", "authority", "agent"):
        return True
    # "dozens of protesters", "hundreds of people": the people are in the "of" phrase.
    return any(
        o.dep_ == "pobj" and kind_of(o) in ("crowd", "authority", "agent")
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for o in c.children
    )


#: What goes on in people's minds (WordNet): thoughts and feelings — not qualities, since
#: spaCy's lemma of "assets" is "asset", first of all a quality.
_FEATURE_ANCHORS: tuple[str, ...] = ("cognition.n.01", "feeling.n.01")


@lru_cache(maxsize=20_000)
def feature_lemma(lemma: str) -> bool:
    """The noun's first sense is a thought or a feeling: "attention", "anger" — no one."""
    wn = wordnet()
    senses = wn.sense_ids(lemma, "n", 1)[:1] if wn else []
    anchors = {a for a in (wn.synset(n) for n in _FEATURE_ANCHORS) if a} if wn else set()
    return bool(senses and anchors and wn.ancestors(senses[0]) & anchors)


@lru_cache(maxsize=20_000)
def _physical_lemma(lemma: str) -> bool:
    wn = wordnet()
    senses = wn.sense_ids(lemma, "n", 1)[:1] if wn else []
    anchor = wn.synset("physical_entity.n.01") if wn else None
    return bool(senses and anchor and anchor in wn.ancestors(senses[0]))


def physical(tok: Token) -> bool:
    """True when the noun's first WordNet sense is a physical entity (a thing or a place
    can be hit by a storm; "profitability" or "the production" cannot)."""
    return _physical_lemma(tok.lemma_.lower())


@lru_cache(maxsize=20_000)
def _resource_lemma(lemma: str) -> bool:
    wn = wordnet()
    senses = wn.sense_ids(lemma, "n", 1)[:1] if wn else []
    anchor = wn.synset("possession.n.02") if wn else None
    return bool(senses and anchor and anchor in wn.ancestors(senses[0]))


def resource(tok: Token) -> bool:
    """True when the noun's first WordNet sense is a possession: money, a subsidy, a loan,
    funding, property (what one may give as aid or withdraw as a sanction)."""
    return tok.pos_ == "NOUN" and _resource_lemma(tok.lemma_.lower())


def is_inanimate(tok: Token) -> bool:
    """True when ``tok`` is known to name no one: a force, a weapon, a thing, or a common
    noun WordNet knows in none of the classes ("trouble", "the decline").  A name the
    model did not tag is not known to be inanimate ("arrested Lina Farouk")."""
    if is_animate(tok) or tok.tag_ in ("JJ", "VBN"):
        return False  # "the wounded", "the accused": people named by what befell them
    cls = kind_of(tok)
    if cls is not None:
        return True
    wn = wordnet()
    return tok.pos_ == "NOUN" and wn is not None and bool(wn.sense_ids(tok.lemma_.lower(), "n", 1))


#: ASSAULT modes named by the instrument (manual, ASSAULT mode table), as WordNet anchors,
#: in the order tried: tear gas is a chemical weapon in WordNet but crowd control in the
#: manual; a drone is an aircraft; a suicide bombing is also a bombing.
MODE_ANCHORS: dict[str, tuple[str, ...]] = {
    "crowd-control": ("tear_gas.n.01", "water_cannon.n.01", "truncheon.n.01"),
    "suicide-attack": ("suicide.n.01",),
    "unconventional": ("chemical_weapon.n.01", "biological_weapon.n.01", "nuclear_weapon.n.01",
                       "poison_gas.n.01"),
    "drone": ("drone.n.04",),
    "aerial": ("aircraft.n.01",),
    "heavy-weapons": ("artillery.n.01", "missile.n.01", "rocket.n.01", "armored_vehicle.n.01", "shell.n.01"),
    "explosives": ("explosive_device.n.01", "explosive.n.01"),
    "firearms": ("gun.n.01", "firearm.n.01", "bullet.n.01"),
}

#: Senses of an instrument noun looked at: beside an attack, rarer senses are the
#: weapon ones ("drone" is first a bee, fourth a pilotless aircraft).
MODE_SENSES = 4

#: Relations from a trigger (or one of its arguments) to the words naming its instrument.
_INSTRUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "compound", "amod", "npadvmod", "poss"})
_INSTRUMENT_PREPS = frozenset({"with", "by", "using", "in", "from"})
_REFLEXIVE = frozenset({"themselves", "himself", "herself", "itself"})


@lru_cache(maxsize=1)
def _mode_anchors() -> dict[str, frozenset[str]]:
    wn = wordnet()
    if wn is None:
        return {}
    return {m: frozenset(s for s in (wn.synset(n) for n in names) if s) for m, names in MODE_ANCHORS.items()}


@lru_cache(maxsize=20_000)
def lemma_mode(lemma: str) -> str | None:
    """The ASSAULT mode an instrument noun names ("warplane" → aerial), or None."""
    wn = wordnet()
    anchors = _mode_anchors()
    if wn is None or not anchors:
        return None
    ups = [wn.ancestors(s) for s in wn.sense_ids(lemma, "n", MODE_SENSES)[:MODE_SENSES]]
    for mode, anchor in anchors.items():
        if any(u & anchor for u in ups):
            return mode
    return None


def instrument_mode(trigger: Token, heads: list[Token]) -> str | None:
    """The ASSAULT mode named by the instrument of the act at ``trigger``: its subject,
    object, compounds and "with/by/using" objects, and the arguments ``heads`` with
    their own modifiers ("suicide bombers blew themselves up", "warplanes pounded",
    "a grenade attack", "fired shells").  The first mode of ``MODE_ANCHORS`` found wins."""
    words: list[Token] = []
    for t in (trigger, *heads):
        for c in t.children:
            if c.dep_ in _INSTRUMENT_DEPS:
                words.append(c)
                words.extend(x for x in c.children if x.dep_ in ("compound", "amod"))
            elif c.dep_ in ("prep", "agent") and c.lower_ in _INSTRUMENT_PREPS:
                for o in c.children:
                    if o.dep_ == "pobj":
                        words.append(o)
                        words.extend(x for x in o.children if x.dep_ in ("compound", "amod"))
    words.extend(heads)
    found = {lemma_mode(w.lemma_.lower()) for w in words if w.pos_ in ("NOUN", "PROPN", "ADJ")}
    if trigger.lemma_.lower() in ("blow", "detonate", "explode") and any(
        c.lower_ in _REFLEXIVE for c in trigger.children
    ):
        found.add("suicide-attack")  # "blew themselves up"
    return next((m for m in MODE_ANCHORS if m in found), None)


@lru_cache(maxsize=20_000)
def _armed_lemma(lemma: str) -> bool:
    wn = wordnet()
    anchors = _anchors()
    if wn is None or not anchors:
        return False
    return any(wn.ancestors(s) & (anchors["authority"] | anchors["weapon"])
               for s in wn.sense_ids(lemma, "n", ARMED_SENSES)[:ARMED_SENSES])


#: Senses looked at by ``armed``: beside a deployment, "forces" are military forces
#: (WordNet's sixth sense of "force").
ARMED_SENSES = 6


#: People who bear arms outside the state's forces (manual, MOBILIZE mode "militia";
#: ASSAULT by armed groups) — WordNet anchors looked for in the two most frequent senses
#: ("rebel" is first a Confederate soldier's nickname, then an insurgent): warriors,
#: insurgents, guerrillas, militias and gunmen and the kinds of them; fighters
#: (``combatant.n.01``) and terrorists only as such, since their kinds include boxers,
#: wrestlers and computer hackers.
ARMED_PEOPLE: tuple[str, ...] = ("warrior.n.01", "insurgent.n.01", "guerrilla.n.01", "militia.n.01",
                                 "gunman.n.01")
ARMED_PEOPLE_ONLY: tuple[str, ...] = ("combatant.n.01", "terrorist.n.01")


@lru_cache(maxsize=20_000)
def _armed_people(lemma: str) -> bool:
    wn = wordnet()
    if wn is None:
        return False
    senses = wn.sense_ids(lemma, "n", 2)[:2]
    kinds = {a for a in (wn.synset(n) for n in ARMED_PEOPLE) if a}
    only = {a for a in (wn.synset(n) for n in ARMED_PEOPLE_ONLY) if a}
    return any(s in only or wn.ancestors(s) & kinds for s in senses)


@lru_cache(maxsize=20_000)
def _military_vehicle_lemma(lemma: str) -> bool:
    wn = wordnet()
    anchor = wn.synset("military_vehicle.n.01") if wn else None
    senses = wn.sense_ids(lemma, "n", 1)[:1] if wn else []
    return bool(senses and anchor and anchor in wn.ancestors(senses[0]))


def military_vehicle(tok: Token) -> bool:
    """True when the noun's first WordNet sense is a military vehicle: a warship, a tank, a
    warplane — moved with the forces, not given."""
    return tok.pos_ == "NOUN" and _military_vehicle_lemma(tok.lemma_.lower())


def armed_people(tok: Token) -> bool:
    """True when the noun names armed people (``ARMED_PEOPLE``): "fighters", "rebels"."""
    return tok.pos_ == "NOUN" and _armed_people(tok.lemma_.lower())


def armed(tok: Token) -> bool:
    """True when the noun may name an armed force, police or a weapon in one of its
    frequent senses ("forces" is fourth a body of personnel), or armed people
    (``ARMED_PEOPLE``: "fighters", "militants" are first of all people who fight)."""
    if kind_of(tok) in ("authority", "weapon") or _armed_people(tok.lemma_.lower()):
        return True
    if tok.pos_ == "PROPN" and tok.ent_type_ != "PERSON":
        # A name is an organisation to the tagger, but its own words may say it is an armed
        # service ("Indian Navy", "the Royal Marines", "Kent Police"; not "Marine Le Pen").
        words = [tok, *(c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN")]
        if any(lemma_class(w.lower_) in ("authority", "weapon") for w in words):
            return True
    # A word whose first sense is known otherwise ("company": a firm) is not taken in a
    # rarer military sense; an unclassified one ("Syrian forces") may be.
    lemma = tok.lemma_.lower()
    return lemma_class(lemma) is None and _armed_lemma(lemma)


#: What workers strike against: an organisation or its staff (first sense).
EMPLOYER_ANCHORS: tuple[str, ...] = ("organization.n.01", "personnel.n.01")


@lru_cache(maxsize=20_000)
def _employer_lemma(lemma: str) -> bool:
    wn = wordnet()
    if wn is None:
        return False
    anchors = {a for a in (wn.synset(n) for n in EMPLOYER_ANCHORS) if a}
    senses = wn.sense_ids(lemma, "n", 1)[:1]
    return bool(senses) and bool(wn.ancestors(senses[0]) & anchors)


def employer(tok: Token) -> bool:
    """True when the noun names a company, a body or its staff ("the news staffs of CBS",
    "the company", "Ford"), not an authority or an armed force: who workers strike
    against (``extract._employer_struck``)."""
    if kind_of(tok) in ("authority", "weapon", "crowd") or _armed_people(tok.lemma_.lower()):
        return False
    if tok.ent_type_ == "ORG":
        return True
    return tok.pos_ == "NOUN" and _employer_lemma(tok.lemma_.lower())
