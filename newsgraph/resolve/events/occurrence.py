"""One event is one occurrence: what tells two occurrences of one kind of event apart.

The event resolver scores how alike a mention and an event are (words, context,
arguments); this module says when two alike reports in two articles are nevertheless of
*different* occurrences, so they must not become one event — an analyst repeats "2
sources" as a fact.  ``occurrence_conflict`` returns the reason (``RELATABLE``); the
resolver keeps the two apart and links them as ``related`` with it:

- **modality** (``modality_of``, ``intended``, ``failed``): an act that happened, one
  planned, threatened or intended, one attempted and failed or prevented, and one
  reported as not having happened are four different things — and an act someone asks
  another to do (``requested``: "urged the EU to impose sanctions") is a fifth, neither
  the plan of the one who would act nor the act.  Read from the cues the
  extractor recorded for its flags, keeping only those that say so (a "hypothetical"
  flag set by "said", "if" or "may" leaves the act as happened);
- **background** (off by default, see ``ResolverOptions.background_veto_cross``);
- **participants** (``participants_conflict``): material acts (attacks, arrests, aid…)
  whose named targets — the victim, the person arrested — or named actors are disjoint
  are two occurrences, and so are verbal acts about different things (an agreement to
  buy one company and one to buy another: the objects of their complements); a side
  naming nobody (pronouns, "the man", "police") never conflicts;
- **things** (``thing_of``, ``things_apart``): material acts done to things that have
  nothing in common — no noun shared, neither a kind of the other ("destroyed three
  gunboats" / "destroyed an oil platform") — are two occurrences;
- **places** (``places_apart``): two places the gazetteer (``nlp.places``) reads far
  apart (more than ``NEAR_KM``, neither inside the other) are two occurrences;
- **plans**: two plans are one only when they share a named participant; two requests
  only when they share a named actor (a call for sanctions is known by who calls);
- **time**: an event pinned to a time by its article's date and a report from an undated
  article are not *known* to be one occurrence unless their own dates overlap or they
  name the same place (``located_alike``); dates years apart are the resolver's own
  date vetoes (``ResolverOptions.year_dates_veto``).  ``article_years`` (the years an
  article names) is kept as an option, off (``years_veto_cross``).

Keys are the resolver's argument keys: ``id:<entity>`` (resolved entities), ``t:<text>``
(named mentions, and ``t:<last word>`` of multi-word names), ``g:<text>`` (generic
phrases, never compared here).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from newsgraph.nlp.wordnet import wordnet

__all__ = [
    "ASKING_CUES",
    "ATTEMPTED",
    "FAILURE_CUES",
    "HAPPENED",
    "INTENT_CUES",
    "NEGATED",
    "PLANNED",
    "RELATABLE",
    "REQUESTED",
    "Checks",
    "Side",
    "article_years",
    "failed",
    "gazetteer_readings",
    "intended",
    "located_alike",
    "modality_of",
    "named",
    "occurrence_conflict",
    "participants_conflict",
    "parties_apart",
    "place_readings",
    "places_apart",
    "readings_apart",
    "remember_readings",
    "requested",
    "thing_of",
    "things_apart",
]

HAPPENED = "happened"
PLANNED = "planned, threatened or hypothetical"
REQUESTED = "asked for, not done"
ATTEMPTED = "attempted and failed, or prevented"
NEGATED = "reported as not having happened"

#: Reasons two alike reports are kept apart that still make them worth showing side by
#: side (``related``): the same kind of act, told apart by what this module checks.
#: The other vetoes (another type, another speaker) mark unrelated acts.
RELATABLE: tuple[str, ...] = (
    "modality differs",
    "polarity differs",
    "other act",
    "background vs news of the day",
    "other target",
    "other content",
    "other thing",
    "other place",
    "other actor",
    "other toll",
    "roles reversed",
    "dates years apart",
    "reports of other years",
    "dates apart",
    "time unknown on one side",
    "other actor of a verbal act",
    "verbal act, no shared participant",
    "planned on both sides, no shared participant",
    "asked for on both sides, by other or unnamed askers",
    "an act and its answer",
)


#: Cue words (as the extractor records them, any inflection) that make a hypothetical
#: report a plan, threat or intention — an act that has not happened (yet).  Other cues of
#: the hypothetical flag are epistemic or conditional ("said", "if", "whether", "may",
#: "suspect"): the act may well have happened, or the flag reached it through a
#: coordination, so they do not set the modality; requests do (``REQUEST_CUES``).  Prefixes of general English
#: verbs and nouns.
INTENT_CUES: tuple[str, ...] = (
    "plan", "plot", "prepar", "intend", "intent", "scheme", "conspir", "threat", "vow", "pledg",
    "promis", "going to",
    # an act still to come or only possible ("a possible attack", "the proposed merger",
    # "upcoming talks"), and a power or right to act, which is no act ("the power to detain")
    "possib", "potential", "propos", "prospect", "future", "upcoming", "forthcoming", "imminent",
    "expected", "anticipat", "scheduled", "mooted", "envisag", "hypothetical", "next", "coming",
    "power", "right", "authori", "permission", "licen", "mandate", "option", "empower", "entitl",
    # an ability, which is no act either ("being able to send messages")
    "able", "unable", "abilit", "capab", "capacit",
)
#: Modal auxiliaries as the extractor records a modal act holding the event ("the talks
#: the bourse *may hold*": cue "may hold"); a bare "may" on the event itself stays epistemic.
_HOLDING_MODALS: tuple[str, ...] = ("will ", "would ", "may ", "might ", "could ", "should ", "shall ",
                                    "can ", "must ", "'ll ")
#: Cue words of an act tried and failed, or kept from happening ("the attempted
#: assassination failed", "foiled a hijack attempt", "prevented pirates from attacking").
#: "try" is not among them: the parse lets it reach coordinated acts that did happen
#: ("decided to try and shed her image and has entered rehab").
FAILURE_CUES: tuple[str, ...] = (
    "attempt", "fail", "foil", "thwart", "botch", "abort", "unsuccessful", "would-be", "prevent",
    "avert",
)


#: Cue words of an act asked for or wanted, not (yet) done: "urged the government to impose
#: sanctions", "a motion calling for sanctions", "seeking a ban", "wants talks".  The act a
#: request names has not happened when the request is made; a report of the act itself is
#: another mode of it ("the sanctions due to take effect").
REQUEST_CUES: tuple[str, ...] = (
    "urg", "call", "demand", "ask", "request", "seek", "sought", "want", "hope", "wish", "aim",
    "press", "appeal", "order", "instruct", "command", "requir",
)


#: Cue words of asking or telling *another* to act ("urged", "called for", "demanded",
#: "asked", "a request", "pressed", "appealed", "petitioned", "a plea", "ordered",
#: "instructed"): the act asked for is neither done nor planned by whoever would do it.
#: (Wanting, hoping, seeking and aiming are the asker's own intentions: ``REQUEST_CUES``
#: counts them as plans.)
ASKING_CUES: tuple[str, ...] = (
    "urg", "call", "demand", "ask", "request", "press", "appeal", "petition", "plea", "order",
    "instruct", "command", "requir",
)


def requested(cues: Iterable[str]) -> bool:
    """Whether a hypothetical report's cues ask someone to act (``ASKING_CUES``)."""
    return any(c.lower().startswith(ASKING_CUES) for c in cues)


def intended(cues: Iterable[str], requests: bool = True) -> bool:
    """Whether a hypothetical report's cues make it a plan, threat or intention (``INTENT_CUES``),
    or, with ``requests``, an act asked for (``REQUEST_CUES``)."""
    prefixes = INTENT_CUES + _HOLDING_MODALS + (REQUEST_CUES if requests else ())
    return any(c.lower().startswith(prefixes) for c in cues)


def failed(cues: Iterable[str]) -> bool:
    """Whether a report's cues make its act attempted and failed, or prevented (``FAILURE_CUES``)."""
    return any(c.lower().startswith(FAILURE_CUES) for c in cues)


#: A year standing alone in text ("in 2008", "2013's flood"), not part of a longer
#: figure ("2,013", "$2013"); a code's year is kept ("CVE-2013-3893" carries its year).
#: 1900–2099: older years are history, not an article's time.
_YEAR = re.compile(r"(?<![\d,.$£€])\b(19\d\d|20\d\d)\b(?![,.]\d)")


def article_years(text: str) -> set[int]:
    """The years an article names."""
    return {int(y) for y in _YEAR.findall(text)}


def modality_of(negated: bool, planned: bool, attempted: bool, asked: bool = False) -> str:
    """The mode of existence a report gives its event (negation wins, then failure, then plans:
    "foiled a planned attack" is a failed attack; a plan whose cue asks another to act is
    ``REQUESTED``)."""
    if negated:
        return NEGATED
    if attempted:
        return ATTEMPTED
    if planned:
        return REQUESTED if asked else PLANNED
    return HAPPENED


def named(keys: Iterable[str]) -> frozenset[str]:
    """The keys of named participants (entities and named mentions, not generic phrases)."""
    return frozenset(k for k in keys if k.startswith(("id:", "t:")))


def participants_conflict(
    event_targets: frozenset[str],
    event_actors: frozenset[str],
    targets: frozenset[str],
    actors: frozenset[str],
    *,
    actors_too: bool = True,
) -> str | None:
    """Why a material act with these named participants is another occurrence, or None.

    Both sides must name someone in a role and share nobody there.  A participant named
    in the other role on one side counts as shared (the parse swaps roles in passives and
    nominalisations: "the arrest of X by police" / "X, arrested by police"), unless both
    sides name both roles, swapped: a retaliation, two acts.
    """
    if (actors and targets and event_actors and event_targets and actors & event_targets
            and targets & event_actors and not actors & event_actors):
        # Each side names who acted on whom, and the two are swapped ("the U.S. attack on an
        # Iranian platform" / "the Iranian attack on a U.S.-flagged tanker"): a reply to an
        # act, not the act told twice — the tolerance below is for one side's parse.
        return "roles reversed"
    mine = targets | actors
    theirs = event_targets | event_actors
    if targets and event_targets and not (targets & theirs) and not (event_targets & mine):
        return "other target"
    if actors_too and actors and event_actors and not (actors & theirs) and not (event_actors & mine):
        return "other actor"
    return None


@dataclass(slots=True, frozen=True)
class Side:
    """What one side of a comparison (a report, or an event's reports) says about its
    occurrence: the founding report's modality and background flag, whether any report
    gave it a time, and its named participants (targets, actors, any role)."""

    modality: str
    background: bool
    timed: bool
    targets: frozenset[str]
    actors: frozenset[str]
    participants: frozenset[str]
    #: What a verbal act is about: the named objects of its complement ("agreed to buy X").
    contents: frozenset[str] = field(default_factory=frozenset)
    #: Named places the reports locate the act in (as written).
    places: frozenset[str] = field(default_factory=frozenset)
    #: The years the report's article speaks of (its date's and those it names).
    years: frozenset[int] = field(default_factory=frozenset)
    #: Things the act was done to, by their nouns (``thing_of``): "oil platform", "gunboat".
    things: frozenset[str] = field(default_factory=frozenset)
    #: What a verbal act says, asks or charges: lemmas of its complement (``EventMention.content``).
    said: frozenset[str] = field(default_factory=frozenset)


@dataclass(slots=True, frozen=True)
class Checks:
    """Which checks apply (``ResolverOptions`` carries them)."""

    modality: bool = True
    background: bool = False
    targets: bool = True
    actors: bool = True
    planned_participant: bool = True
    undated_pairs: bool = False
    years: bool = False
    places: bool = True
    negated_pairs: bool = True
    meeting_parties: bool = True
    things: bool = True
    requests: bool = True
    content: bool = True
    content_least: int = 1


#: Words that end the noun phrase a target's head is read from ("three gunboats *after* an
#: American helicopter came under fire", "the platform *in* the southern Gulf").
_PHRASE_ENDS = frozenset({
    "of", "in", "at", "on", "near", "off", "from", "with", "by", "for", "to", "into", "after",
    "before", "during", "which", "that", "who", "where", "when", "and", "or", "but", "as", "than",
})


@lru_cache(maxsize=20_000)
def thing_of(text: str) -> str | None:
    """The nouns of a target phrase that names a thing ("an Iranian oil platform" → "oil
    platform", "three Iranian gunboats" → "gunboat"), or None when its head is no artifact
    (a person, a place, an abstraction: those are told apart by names, or not at all).
    Read from the words, not the parse: the resolver holds the report's spans, not its
    document. Capitalised words (names, nationalities) and numbers are no nouns here."""
    wn = wordnet()
    if wn is None:
        return None
    words: list[str] = []
    for raw in re.findall(r"[\w'.-]+|,", text):
        w = raw.strip(".'")
        if w == "," or w.lower() in _PHRASE_ENDS:
            break
        words.append(w)
    nouns = [w for w in words
             if w.isalpha() and w.islower() and w not in STOP_WORDS and wn.sense_ids(w, "n", 1)]
    if not nouns or words[-1] != nouns[-1]:
        return None  # the phrase does not end on a noun: no head read
    bases = [wn.noun_base(w) for w in nouns]
    if not wn.first_senses_under(bases[-1], ("artifact.n.01",), "n", 1):
        return None
    return " ".join(bases[-2:])


def things_apart(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two sets of things acted on (``thing_of``) share nothing: no noun in common and
    no head a kind of the other ("tanker" is a kind of "ship", "platform" of "structure") —
    "three gunboats" and "an oil platform" are two acts of destruction, "the oil rig" and "the
    oil platform" may be one."""
    if not a or not b:
        return False
    return not any(_things_alike(x, y) for x in a for y in b)


@lru_cache(maxsize=20_000)
def _things_alike(x: str, y: str) -> bool:
    """A noun in common, or one head a kind of the other in any of their three first senses
    (without WordNet, alike: no check is better than a guess)."""
    if set(x.split()) & set(y.split()):
        return True
    wn = wordnet()
    if wn is None:
        return True
    hx, hy = x.split()[-1], y.split()[-1]
    sx, sy = wn.sense_ids(hx, "n", 3), wn.sense_ids(hy, "n", 3)
    return any(t in wn.ancestors(u) for t in sx for u in sy) or any(
        u in wn.ancestors(t) for t in sx for u in sy)


#: Shared leading letters that make two content words one ("dismiss" / "dismissal").
_STEM = 5


def contents_apart(a: frozenset[str], b: frozenset[str], least: int = 1) -> bool:
    """Whether two verbal acts' contents (``Side.said``) are about other things: each gives
    at least ``least`` words and no word of one meets a word of the other — the same lemma,
    the same first letters ("dismiss" / "dismissal"), or one WordNet synset ("aid" /
    "assistance").  Judged joins of the judged-docs store, replayed: at least one word 486
    right / 94 wrong, two 488 / 97, three 491 / 100, no check 491 / 103 (what is lost:
    paraphrases, "refused to adhere" / "rejected its quota", "a deal" / "the offer")."""
    if len(a) < least or len(b) < least or a & b:
        return False
    wn = wordnet()
    for x in a:
        for y in b:
            if len(x) >= _STEM and len(y) >= _STEM and x[:_STEM] == y[:_STEM]:
                return False
            if wn is not None and wn.synonyms(x, y):
                return False
    return True


def located_alike(a: Side, b: Side) -> bool:
    """Whether both reports name where the act took place, and the places agree: positive
    evidence of one occurrence where time is unknown on one side.  (A shared named person
    instead was tried: a report of one arrest names the player arrested the month before
    too; ECB+ odd topics, corroboration precision 0.910 → 0.844.)"""
    return bool(a.places and b.places) and not places_apart(a.places, b.places)


def parties_apart(a: Side, b: Side) -> bool:
    """Whether two reports of a meeting each name a party the other does not ("X met Y" /
    "X met Z"): two meetings.  One naming fewer parties is the same meeting told in less
    detail; a meeting's parties have no roles, so actors and targets count alike."""
    mine, theirs = named(a.participants), named(b.participants)
    return bool(mine - theirs and theirs - mine)


def occurrence_conflict(
    a: Side, b: Side, *, material: bool, checks: Checks, dated_alike: bool = False, meeting: bool = False
) -> str | None:
    """Why two reports in different documents (or two events) are not one occurrence.

    material: the act is material (PLOVER's material quad categories: attacks, arrests,
    aid…), whose identity is its participants; verbal acts have their own checks in the
    resolver (speaker, actor, shared participant).
    dated_alike: the two carry dates of their own that overlap (positive evidence of one
    time even when one article is undated).
    meeting: the act is a meeting or talks (PLOVER CONSULT), whose parties have no roles.
    """
    if checks.modality and a.modality != b.modality:
        return "modality differs"
    if checks.negated_pairs and a.modality == b.modality == NEGATED:
        # Two reports that an act did not happen share no occurrence to corroborate.
        return "negated on both sides"
    if checks.background and a.background != b.background:
        return "background vs news of the day"
    if checks.targets and material:
        why = participants_conflict(a.targets, a.actors, b.targets, b.actors, actors_too=checks.actors)
        if why:
            return why
    if checks.things and material and things_apart(a.things, b.things):
        return "other thing"
    if checks.targets and not material and a.contents and b.contents and not (a.contents & b.contents):
        # What a verbal act is about ("agreed to buy X"): its actor is the resolver's own
        # check (``verbal_actor_veto``), its other participants too noisy to compare.
        return "other target"
    if checks.content and not material and contents_apart(a.said, b.said, checks.content_least):
        # Two accusations, pledges or demands by one party in one news cycle, each about
        # something else ("accused Blair of lying" / "of squabbling"): two acts.
        return "other content"
    if checks.meeting_parties and meeting and parties_apart(a, b):
        return "other parties"
    if (checks.planned_participant and a.modality == PLANNED and b.modality == PLANNED
            and not (a.participants & b.participants)):
        return "planned on both sides, no shared participant"
    if checks.requests and a.modality == REQUESTED and b.modality == REQUESTED and not (a.actors & b.actors):
        # The actor of an act asked for is the asker as the parse reads it ("MPs called for
        # sanctions"): two calls by other or unnamed askers are two calls.
        return "asked for on both sides, by other or unnamed askers"
    if checks.places and places_apart(a.places, b.places):
        return "other place"
    if checks.years and a.years and b.years and not any(abs(x - y) <= 1 for x in a.years for y in b.years):
        return "reports of other years"
    if not checks.undated_pairs and a.timed != b.timed and not dated_alike and not located_alike(a, b):
        # One report is placed in time, the other is not, and neither their own dates nor
        # their places say it is the same occurrence.
        return "time unknown on one side"
    return None


#: A gazetteer reading of a place name: (feature, country, admin1, lat, lon).
Reading = tuple[str, str | None, str | None, float, float]

#: Two places closer than this are one place for an event (a city and its suburbs, an
#: airport and its city): news locates one act at several grains.
NEAR_KM = 150.0


#: Readings looked up in another process (``remember_readings``), so that a process that
#: only resolves need not load the gazetteer's index (seconds, and its memory) itself.
_KNOWN_READINGS: dict[str, Reading | None] = {}
#: Names remembered at most; past it the table starts afresh (what is missing is looked up).
KNOWN_READINGS_MAX = 50_000


def gazetteer_readings(names: Iterable[str]) -> dict[str, Reading | None]:
    """The likeliest reading of each name (None: the gazetteer does not know it), for
    ``remember_readings`` in the process that resolves."""
    return {n: _where(n) for n in names}


def remember_readings(readings: dict[str, Reading | None]) -> None:
    """Answer these names from ``readings`` (``gazetteer_readings`` of another process
    over the same gazetteer): the same answers, without loading it here."""
    if len(_KNOWN_READINGS) + len(readings) > KNOWN_READINGS_MAX:
        _KNOWN_READINGS.clear()
    _KNOWN_READINGS.update(readings)


def _where(name: str) -> Reading | None:
    """The likeliest gazetteer reading of a place name: (feature, country, admin1, lat, lon)."""
    if name in _KNOWN_READINGS:
        return _KNOWN_READINGS[name]
    return _looked_up(name)


@lru_cache(maxsize=4096)
def _looked_up(name: str) -> Reading | None:
    from newsgraph.nlp.places import candidate_prior, candidates

    found = [c for c in candidates(name) if c.lat is not None and c.lon is not None]
    if not found:
        return None
    best = max(found, key=candidate_prior)
    return best.feature, best.country, best.admin1, float(best.lat), float(best.lon)  # type: ignore[arg-type]


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(h))


def _compatible(a: Reading, b: Reading) -> bool:
    fa, ca, sa, *pa = a
    fb, cb, sb, *pb = b
    if "continent" in (fa, fb):
        return True
    if "country" in (fa, fb):
        return ca == cb  # a place inside the country named
    if "admin1" in (fa, fb):
        return ca == cb and (sa == sb or None in (sa, sb))
    return _km((pa[0], pa[1]), (pb[0], pb[1])) <= NEAR_KM


def place_readings(names: Iterable[str]) -> list[Reading]:
    """The gazetteer readings of place names (unknown names left out, duplicates once)."""
    return list(dict.fromkeys(w for n in names if (w := _where(n))))


#: Features from the finest grain to the coarsest.
_GRAINS = ("city", "admin1", "country", "continent")


def _finest(readings: list[Reading]) -> list[Reading]:
    """The readings of the finest grain present (cities when a side names any): "Lyon,
    France" and "Marseille, France" are two cities, not one country."""
    for grain in _GRAINS:
        found = [r for r in readings if r[0] == grain]
        if found:
            return found
    return readings


def readings_apart(a: list[Reading], b: list[Reading]) -> bool:
    """Whether every reading of the finest grain one side names is far from (and not inside
    or around) every one the other side names; False when either side has none."""
    if not a or not b:
        return False
    return not any(_compatible(x, y) for x in _finest(a) for y in _finest(b))


def places_apart(a: Iterable[str], b: Iterable[str]) -> bool:
    """Whether two sets of named places locate an act in different places: every place of
    one side is far from (and not inside or around) every place of the other.  Places the
    gazetteer does not know ("Kuala Lumpur airport") never make a conflict."""
    return readings_apart(place_readings(a), place_readings(b))
