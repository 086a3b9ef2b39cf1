"""Word senses that report no PLOVER event, decided from the parse, WordNet and the manual.

General news uses the lexicon's words in other senses all the time: "struck a deal",
"beat Wales 2-0", "the battle bus", "its results would meet forecasts", "provide
answers".  ``no_event(...)`` says why a trigger is not an event, or None:

- **compound modifier**: an event noun that only modifies another noun ("battle
  bus", "torture evidence", "asylum seekers") names a kind of thing, not an event —
  unless that noun is itself an event in WordNet ("rape incidents");
- **recipient required**: the manual says AID, COOPERATE and SANCTION require a
  recipient ("Requires recipient: Yes"); a verb of those types with nobody as
  recipient (object, dative, "to/for/with/on" object) is another sense ("provide
  answers", "fund redundancy payments", "halt production");
- **inanimate actor**: verbal and cooperative acts (AGREE … THREATEN, AID, COOPERATE,
  RETREAT) are done by people and organisations; an actor WordNet knows as a thing or
  an abstraction ("its results would meet forecasts", "the vehicles pose questions")
  is another sense;
- **abstract target**: an ASSAULT verb whose object is an abstraction that is no
  group ("struck a deal", "beat expectations", "attacked the government's failure")
  is a figure of speech; groups ("the convoy", "the crowd") and physical things can be
  assaulted;
- **human patient**: releasing, freeing and withdrawing are RETREAT (manual: "release
  captives", "withdraw forces"), meeting, visiting, hosting and contacting CONSULT,
  recognising SUPPORT (of a state, a government, a person), only when done to people,
  organisations or places ("released a film", "withdraw these regulations", "meet
  forecasts", "recognise an individual voice" are other senses);
- **no participant**: a noun of a verbal or cooperative type with neither actor nor
  recipient in its sentence names the kind of act, not an act ("the threat of
  inflation", "domestic demand", "the negotiations are not going to prosper"); and
  SUPPORT, AGREE, CONCEDE verbs with no actor at all ("mortgages approved",
  "supporting the dollar") are other senses;
- **not a demand, not a threat**: a request verb whose clause is a question or a
  statement ("asked how police were supposed to…", "insisted he grounded the ball"),
  a "should" said of oneself or of what is ("we should cut", "Britain should be a
  haven"), a warning that is a forecast ("warned that developers still had to
  learn": no one warned, nothing threatened) are no REQUEST or THREATEN;
- **no armed force, nothing rejected, nothing burst**: MOBILIZE is "military or
  police moves" (manual), so an armed force or a weapon must act or be moved ("deploy
  a fleet of test cars", "reinforces the impression" are not); a REJECT verb with
  nothing rejected is a decrease ("the load factor declined"); an explosion of
  something that is no physical thing is growth ("traffic explosion");
- **everyday senses** told apart by their complements (``_other_sense``): "offer" a
  product, "order" planes, "sign up" or "sign" a player, "talk" to nobody, "charge"
  fees or "blame" weak demand (an accusation is of someone), "examine" notes,
  "demonstrate that…", "quit the show" (a resignation is from an office or a body);
- **sport**: a sentence with a word whose first sense is an athletic contest, a
  sport, an athlete or a player (WordNet anchors in ``SPORT_ANCHORS``), or two words
  whose second sense is, reports a game, not a political event ("beat Wales", "shot
  wide", "the teams we have beaten"); so does every sentence of a document with
  ``SPORT_DOC_WORDS`` distinct such words (a match report: "beat", "booked",
  "conceded" there are the game's words) — but custody (``CUSTODY_WORDS``: "arrested",
  "sentenced") and harm a person did to a person ("shot and killed a security guard") are
  still the police's, the court's or a crime (eighth typing round, issue 13);
- **a price, a question, no comment**: "the rates they charge", "asked adults the
  same question", "declined to comment", "talking to reporters", "admitted he was
  devastated"; a REQUEST noun needs someone asking ("demands on government funds");
- **a video game**: an assault in a document about a video game (WordNet
  ``video_game.n.01``, also written "video game" or "computer game") when no political
  participant takes part ("shoot Ewoks", "seize strategic waypoints", "players must
  battle soldiers, snowmen and zombies"; not "a gunman who played video games shot
  three soldiers");

Added in the second round of issue 13 (each measured by ``newsgraph bench events
ablate`` on the development halves, the narrowings where a first-round rule removed
political events there):

- **other domain**: a material act (PLOVER's material quads) in a report about sport,
  entertainment or computing (``domain.other_domain``, WordNet families) needs a
  political participant — a state, an authority, an armed force, a crowd, a weapon, a
  political office, or a company for cooperation and aid ("Muse beat Franz Ferdinand",
  "collaborated with director Spike Lee", "the film was shot in Rwanda"); arrests and
  cyber attacks are the domain's own conflicts and stay, and so does bodily harm done
  to a person ("allegedly stabbing a man": a verb whose first sense is harm);
- **nobody acted**: an act whose actors are all negative quantifiers ("none of the
  members has asked for a meeting", "no country recognised it", "nobody was arrested"
  has no actor and stays) reports that no one did it;
- **a refusal, an abstract actor** (fourth round): what is refused is not done ("refuses
  to accept the denials": the refusal is the REJECT event); an assault whose actors are
  all abstractions or acts the lexicon does not know, done to no one and no place, is a
  figure of speech ("the move has destroyed part of the policy"); an "offer" of words
  ("offered him some advice") and a fact "recognised" ("recognises that…") are no acts;
- **a market, a source, a forecast** (fourth round): "demand" as a mass noun with no
  determiner or owner is a market's ("consumer demand", "demand for oil fell"); asking
  "not to be named" demands nothing of anyone; what someone "should expect", "should
  see" (a verb of the mind, WordNet's verb classes) is a forecast, not a demand;
- **a named contest** (fourth round): a sentence naming an event (spaCy EVENT) that is a
  tournament or a match in WordNet ("beat Italy in the World Cup Finals", "at the Qatar
  Open") is a sports report;
- **a message sent** (fourth round): what a verb of sending carries, when it is a message
  or a writing in its first sense ("a letter was sent to him", "sent the e-mail"), is
  correspondence, not aid;
- **a market move** (fourth round): an assault verb measured in per cent ("exports shot up
  7.5%") is a rise or a fall;
- **a poll answer**: what a share of people said ("47% said they supported the ban");
- **nothing material given**: AID gives what is material — what is an idea or a
  message in every frequent sense is no aid ("provided evidence", "sent a message");
- **nothing killed**: a killing whose patients are all things ("killing the ball",
  "killed the bill"); **control of a business**: control taken of something named that
  is no place, by no armed actor; **self-defence**: "defend itself", "defend its
  position"; **a contest** also when a score stands beside the one beaten ("beat
  Schuettler 7-5 6-4"), and a sentence with a score is a sports report; a price is
  also charged "for" a product; a material act the lexicon knows does not threaten
  ("the ban threatens to reignite tensions");
- narrowed: an armed actor makes an assault physical and a number of people is no
  abstraction ("the artillery pounded the movements", "killed dozens"); fighters,
  militias and insurgents are armed forces (``agency.ARMED_PEOPLE``); talk "on" or
  "about" a subject is no rumour; police, troops, fighters or a crowd are no players.

Added in the fifth round of issue 13 (written from the errors of a fresh development sample,
``newsgraph bench events judged --fresh``: documents of the development parity no earlier
sample held):

- **a warning of no act**: a warning that names no act of conflict nor its consequences
  and is addressed to no party, armed force or crowd is information ("warned of lower
  margins", "warned that people should stay alert"), not THREATEN;
- **striving, a list, anyone**: fighting "to" reach a goal with no one fought; striking
  "from" a list or a register; an act whose only patients are "anyone"/"anybody" (a law
  or a supposition: "anyone convicted of it can be jailed");
- **a news conference, a text, an opinion**: hosting or holding a news or press
  conference meets no one; a report that "discussed" a subject meets no one; agreeing
  "that" something is so shares an opinion unless what is agreed is to come ("agreed
  that talks would resume");
- **markets**: asking prices, prices, pay and tariffs frozen, news that "sent shares up",
  a rally in bond futures; a concession eases or lifts a restriction (WordNet, the
  lexicon's nouns of conflict, or a short list of restrictions it files elsewhere), not
  "the pace of growth" or "the workload"; declining to give guidance is no comment; a
  release of water frees no captive;
- **a state named**: an event noun that names with its modifier a state of the body or
  the mind ("a heart attack"); an offer of a feeling ("will offer hope");
- a weak sports report (``sport_document(weak=True)``) reads material acts and threats
  in the game's words as the game, and a "meeting" there as a fixture.

Type rules of the fifth round (``legal_appeal`` here, the rest in ``extract.py``): an
appeal against a decision is ACCUSE ``allege``; a clash over a subject between unarmed
people is ACCUSE ``disapprove`` (``verbal_attack``).

Added in the sixth round of issue 13 (the typing errors behind wrong cross-document joins
in the hand audit, ``data/event_joins_audit.jsonl``, and two fresh development-half samples):

- **a contest won**: beating a country, a team, a party or a people, or one named person
  another, or by a margin ("beat Italy", "Hewitt beat Roddick", "by 0.90 seconds"), is
  winning (WordNet beat.v.01), unless the bodily sense shows ("with", "up", "to death");
  "the final" counts as a sport word when the tagger calls it an adjective; in a report
  about contests a country or a people is a team;
- **a figurative fight** (``figurative_fight``): a fight, battle or struggle with no force
  in sight (no armed people, police or crowd, no place fought at, nobody hurt) fought over a
  subject, in an election or a campaign, "uphill", for or against what is no one ("the
  battle against inflation"), or faced by someone unarmed with no one named to fight;
- **an attack of politics**: a politician or a party attacking another, or what one says or
  plans, with no force in sight, is ACCUSE ``disapprove`` (``verbal_attack``);
- **markets and trade**: a business halting output, a currency that "rallied", a rate
  "lifted" by a per cent, goods one company delivers to another, what customers or
  investors are given, money to fund an act or a sum no one receives, trading halted;
- **no act done**: an act someone is challenged or urged to do, what a draft bill would do,
  advice to a person naming no act, "someone should", a poll's "most support", a product
  praised, views sent, a trigger word inside a longer name.

Type rules of that round are in ``extract.py``: a deal struck is SUPPORT (manual: "ratify,
sign, or finalize an agreement"), a person suspended SANCTION ``expel``.

An ASSAULT verb that can mean criticism said of ideas or decisions is ACCUSE
``disapprove`` (``verbal_attack``: "attacked the Tory plans"), decided before these
reasons.

Seventh round (``everyday.py``, ``genericity.bare_kind``, from the development sample of
seed 715): bare event nouns told as a kind ("killings rose"), financial
instruments as themes, passives under "should" with no agent, dispositions of a kind of
people, shares of the public, infinitives of ease, words alleged, unlabelled names;
inviting needs someone invited.

WordNet (``newsgraph/nlp/wordnet.py``) anchors are named as NLTK names synsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from newsgraph.extract.events.agency import (
    FORCES,
    armed,
    armed_people,
    is_animate,
    is_inanimate,
    kind_of,
    lemma_class,
    physical,
)
from newsgraph.extract.events.definitions import (
    capacity,
    hosted_show,
    market_public,
    market_rule,
    nothing_of_help_sent,
    promised_state,
    question,
    request_content,
    retreat_of_words,
    web_visit,
)
from newsgraph.extract.events.domain import lemma_families, other_domain, political, profile
from newsgraph.extract.events.everyday import (
    act_advised,
    alleged_words,
    confirm_or_deny,
    ease,
    financial_instrument,
    finding,
    game_equipment_hit,
    kind_of_people,
    nominal_participle,
    nothing_supported,
    recalled_thing,
    share_of_people,
    threat_to_an_idea,
    title_words,
)
from newsgraph.extract.events.genericity import bare_kind
from newsgraph.extract.events.lexicon import DEFAULT_MODE_BY_OBJECT, NOUNS, SPEECH_VERBS, VERBS
from newsgraph.nlp.wordnet import wordnet

__all__ = ["CYBER_ANCHORS", "NO_EVENT_REASONS", "RECIPIENT_TYPES", "SPORT_ANCHORS", "cyber_attack",
           "cyber_sentence", "legal_appeal", "no_event", "no_event_reasons", "verbal_attack"]

Token = Any

#: Every reason ``no_event`` can give, in the order it tries them (the typing benchmark
#: ablates them one at a time).
NO_EVENT_REASONS: tuple[str, ...] = (
    "no human patient", "no captive released", "no participant", "no actor", "nobody acted", "nobody asking",
    "talk as rumour", "a poll answer", "not a demand", "a price charged", "an examination", "shown",
    "left a show", "a question asked", "offer of goods", "purchase order", "signing up", "talk to nobody",
    "talking to the press", "no comment", "a statement admitted", "offer of words",
    "a fact recognised", "anonymity asked", "demand of a market", "a message sent",
    "a market move",
    "refused", "abstract actor", "self-defence", "a contest",
    "no armed force", "nothing rejected", "no bursting thing", "compound modifier", "no recipient",
    "nothing material given",
    "inanimate actor", "control of a business", "nothing killed", "abstract target", "sport", "a video game",
    "misuse", "a fight of words or law",
    "other domain",
    "a warning of no act", "striving", "struck from a list", "anyone at all", "a news conference",
    "a price asked", "a price frozen", "sent up or down", "nothing restrictive eased",
    "no information given", "nothing released", "a market rally", "an opinion shared", "a text on a subject",
    "a state named",
    "a figurative fight", "a business halted", "a product praised", "asked or dared", "commercial supply",
    "a bill's provision", "money for no one", "given to a market", "part of a name", "a trading halt",
    "a kind of act", "a financial instrument", "an act advised", "a kind of people", "a matter of ease",
    "words alleged", "a title", "the accused", "confirm or deny", "a recall of no one", "a threat to an idea",
    "a measured fall", "a finding", "game equipment", "nothing supported",
    "a question", "a capacity", "the content of a request", "a market's public",
    "a web visit", "a show hosted", "nothing of help sent", "a market's rule", "a retreat of words",
    "a promised state",
)

#: PLOVER's material quads (manual, "Quad category"): acts, not words.
MATERIAL_TYPES: frozenset[str] = frozenset({"COOPERATE", "AID", "RETREAT", "PROTEST", "SANCTION", "MOBILIZE",
                                            "COERCE", "ASSAULT"})

#: Types whose recipient the manual requires ("Requires recipient: Yes").
RECIPIENT_TYPES: frozenset[str] = frozenset({"AID", "COOPERATE", "SANCTION"})

#: Types done by someone: an actor that is a thing or an abstraction is another sense.
_ACTED_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                          "REQUEST", "ACCUSE", "REJECT", "THREATEN", "COERCE", "MOBILIZE", "SANCTION"})

#: Words of taking someone into custody that no game uses: in a sports report they are still
#: the police's or the court's act ("the defensive tackle was arrested on suspicion of drunken
#: driving", "the judge sentenced the former player"),
#: unlike "booked", "captured" or "picked up", which a match report uses for its own acts.
CUSTODY_WORDS: frozenset[str] = frozenset({
    "arrest", "detain", "detention", "jail", "imprison", "imprisonment", "apprehend", "remand", "custody",
    "sentence",
})

#: Senses that make a sentence a sports report.
SPORT_ANCHORS: tuple[str, ...] = (
    "sport.n.01",
    "athletic_contest.n.01",
    "athlete.n.01",
    "player.n.01",
    "match.n.02",
    "game.n.02",
    "tournament.n.01",
    "referee.n.01",
)
SPORT_SENSES = 2
#: Of those, the contests themselves (no person).
SPORT_EVENTS: tuple[str, ...] = ("sport.n.01", "athletic_contest.n.01", "match.n.02", "game.n.02",
                                 "tournament.n.01")

#: Prepositions naming the recipient of each recipient-requiring type ("aid to X",
#: "cooperate with X", "sanctions on X"): "trade on the NYMEX" names a market, not a partner.
_RECIPIENT_PREPS: dict[str, frozenset[str]] = {
    "AID": frozenset({"to", "for"}),
    "COOPERATE": frozenset({"with", "to"}),
    "SANCTION": frozenset({"on", "against", "from", "to", "with"}),
}


@lru_cache(maxsize=1)
def _synsets(names: tuple[str, ...]) -> frozenset[str]:
    wn = wordnet()
    return frozenset(s for s in (wn.synset(n) for n in names) if s) if wn else frozenset()


def _first_senses_under(lemma: str, anchors: frozenset[str]) -> bool:
    """Whether one of the noun's first two WordNet senses is one of ``anchors`` or below one."""
    wn = wordnet()
    senses = wn.sense_ids(lemma, "n", 2)[:2] if wn else []
    return any(s in anchors or wn.ancestors(s) & anchors for s in senses)


@lru_cache(maxsize=50_000)
def _sporty(lemma: str) -> int:
    """2 when the noun's first sense is a sport word, 1 when its second is, else 0."""
    wn = wordnet()
    anchors = _synsets(SPORT_ANCHORS)
    if wn is None or not anchors:
        return 0
    for k, s in enumerate(wn.sense_ids(lemma, "n", SPORT_SENSES)[:SPORT_SENSES]):
        if wn.ancestors(s) & anchors:
            return 2 - k
    return 0


@lru_cache(maxsize=50_000)
def _abstract(lemma: str) -> bool:
    """The noun's first sense is an abstraction and no group."""
    wn = wordnet()
    if wn is None:
        return False
    senses = wn.sense_ids(lemma, "n", 1)[:1]
    if not senses:
        return False
    ups = wn.ancestors(senses[0])
    return bool(ups & _synsets(("abstraction.n.06",))) and not ups & _synsets(
        ("group.n.01", "physical_entity.n.01")
    )


@lru_cache(maxsize=20_000)
def _event_lemma(lemma: str) -> bool:
    wn = wordnet()
    senses = wn.sense_ids(lemma, "n", 1)[:1] if wn else []
    return bool(senses and wn.ancestors(senses[0]) & _synsets(("event.n.01",)))


@lru_cache(maxsize=20_000)
def _message(lemma: str) -> bool:
    wn = wordnet()
    senses = wn.sense_ids(lemma, "n", 1)[:1] if wn else []
    return bool(senses and wn.ancestors(senses[0]) & _synsets(("communication.n.02",)))


#: What a source asks not to be: named, identified, quoted.
_NAMED = frozenset({"name", "identify", "quote"})

#: What one declines when one "declines to comment" (the lexicon's speech verbs do too).
_COMMENT = frozenset({"comment", "elaborate", "discuss", "specify", "disclose", "detail", "speculate",
                      "give", "identify", "name", "answer"})


@lru_cache(maxsize=20_000)
def _stating(lemma: str) -> bool:
    return lemma in SPEECH_VERBS


@lru_cache(maxsize=20_000)
def _press(lemma: str) -> bool:
    """Reporters and the press: talking to them is a statement."""
    wn = wordnet()
    senses = wn.sense_ids(lemma, "n", 1)[:1] if wn else []
    anchors = _synsets(("newsman.n.01", "press.n.02", "journalist.n.01"))
    return bool(senses and wn.ancestors(senses[0]) & anchors)


@lru_cache(maxsize=20_000)
def _artifact(lemma: str) -> bool:
    wn = wordnet()
    senses = wn.sense_ids(lemma, "n", 1)[:1] if wn else []
    return bool(senses and wn.ancestors(senses[0]) & _synsets(("artifact.n.01",)))


@lru_cache(maxsize=20_000)
def _office(lemma: str) -> bool:
    wn = wordnet()
    senses = wn.sense_ids(lemma, "n", 2)[:2] if wn else []
    return any(wn.ancestors(s) & _synsets(("position.n.06",)) for s in senses)


@lru_cache(maxsize=20_000)
def _question(lemma: str) -> bool:
    wn = wordnet()
    senses = wn.sense_ids(lemma, "n", 1)[:1] if wn else []
    return bool(senses and wn.ancestors(senses[0]) & _synsets(("question.n.01", "question.n.02")))


@lru_cache(maxsize=20_000)
def _quantity(lemma: str) -> bool:
    wn = wordnet()
    senses = wn.sense_ids(lemma, "n", 1)[:1] if wn else []
    return bool(senses and wn.ancestors(senses[0]) & _synsets(("measure.n.02", "number.n.01", "number.n.02")))


@lru_cache(maxsize=20_000)
def _count(lemma: str) -> bool:
    """The noun's first sense is a number ("dozens", "hundreds", "scores"), not an amount."""
    wn = wordnet()
    senses = wn.sense_ids(lemma, "n", 1)[:1] if wn else []
    return bool(senses and wn.ancestors(senses[0]) & _synsets(("number.n.02",)))


def _event_head(tok: Token) -> bool:
    """The noun an event noun modifies is itself an event ("rape incidents", "bomb attack")."""
    return tok.pos_ == "NOUN" and _event_lemma(tok.lemma_.lower())


#: Distinct sport words (first sense) that make a whole document a sports report.
SPORT_DOC_WORDS = 2


@lru_cache(maxsize=50_000)
def _contest(lemma: str) -> bool:
    """The noun's first sense is a sport or a contest in one ("match", "tournament"); a
    person ("hacker" is first a poor golfer) counts only with another sport word."""
    wn = wordnet()
    senses = wn.sense_ids(lemma, "n", 1)[:1] if wn else []
    return bool(senses and wn.ancestors(senses[0]) & _synsets(SPORT_EVENTS))


def sport_document(doc: Any, weak: bool = False) -> bool:
    """A match report or sports news: ``SPORT_DOC_WORDS`` distinct nouns whose first
    sense is a sport word ("match", "striker", "tournament", "referee").

    ``weak``: also one such noun and another whose second sense is ("tournament" and
    "match": a match is first a lighter), when contests are what the report is about more
    than politics, computing or entertainment (``domain.profile``: "a player" and "the
    game" in a story about consoles are the computing family's).  Only the game's own
    words are read as such in a weak one (``no_event_reasons``): what players and clubs
    say of each other there is still said."""
    key = (id(doc), weak)
    if _SPORT_DOCS.get(key, (None,))[0] is doc:
        return _SPORT_DOCS[key][1]
    lemmas = _noun_lemmas(doc)  # nouns and nominal adjectives ("the final")
    first = sum(1 for lemma in lemmas if _sporty(lemma) == 2)
    verdict = first >= SPORT_DOC_WORDS
    either = sum(1 for lemma in lemmas if _sporty(lemma))
    if weak and not verdict and first == 1 and either >= SPORT_DOC_WORDS:
        families = profile(doc)
        verdict = all(families["contest"] > families[f] for f in ("computing", "entertainment")) and (
            families["contest"] >= families["political"])
    if len(_SPORT_DOCS) > 4:
        _SPORT_DOCS.clear()
    _SPORT_DOCS[key] = (doc, verdict)
    return verdict


_SPORT_DOCS: dict[tuple[int, bool], tuple[Any, bool]] = {}
#: The last document's noun lemmas (``_noun_lemmas``): both kinds of ``sport_document`` ask.
_NOUN_LEMMAS: list[tuple[Any, frozenset[str]]] = []


def _noun_lemmas(doc: Any) -> frozenset[str]:
    """Lower-cased lemmas of the document's nouns and nominal adjectives
    (``_nominal_adjective``), read from the parse's arrays: a ``Token`` built for every
    word of the document was most of ``sport_document``'s cost."""
    if _NOUN_LEMMAS and _NOUN_LEMMAS[0][0] is doc:
        return _NOUN_LEMMAS[0][1]
    import numpy
    from spacy.attrs import DEP, HEAD, LEMMA, POS
    from spacy.parts_of_speech import ADJ, NOUN

    n = len(doc)
    arr = doc.to_array([POS, DEP, HEAD, LEMMA]).reshape(n, 4)
    strings = doc.vocab.strings
    at = numpy.arange(n, dtype=numpy.int64)
    # HEAD is the offset to the head (two's complement in the unsigned array).
    head = arr[:, 2].astype(numpy.int64) + at
    dep = arr[:, 1]
    # Words with a determiner among their children (a child: headed by it, not itself).
    determined = numpy.zeros(n, dtype=bool)
    determined[head[(dep == strings["det"]) & (head != at)]] = True
    roles = numpy.array([strings[r] for r in _NOMINAL_ROLES], dtype=numpy.uint64)
    keep = (arr[:, 0] == NOUN) | ((arr[:, 0] == ADJ) & numpy.isin(dep, roles) & determined)
    lemmas = frozenset(strings[x].lower() for x in arr[keep, 3].tolist())
    _NOUN_LEMMAS[:] = [(doc, lemmas)]
    return lemmas


@lru_cache(maxsize=20_000)
def _game(lemma: str) -> bool:
    wn = wordnet()
    senses = wn.sense_ids(lemma, "n", 2)[:2] if wn else []
    return any(wn.ancestors(s) & _synsets(("video_game.n.01",)) for s in senses)


#: WordNet senses that make a sentence about computers (manual, COERCE "cyber":
#: "hacking, security breaches, website attacks").
CYBER_ANCHORS: tuple[str, ...] = ("computer.n.01", "software.n.01", "web_site.n.01", "electronic_mail.n.01",
                                  "computer_network.n.01")


@lru_cache(maxsize=20_000)
def _cyber(lemma: str) -> bool:
    wn = wordnet()
    senses = wn.sense_ids(lemma, "n", 1)[:1] if wn else []
    return bool(senses and wn.ancestors(senses[0]) & _synsets(CYBER_ANCHORS))


def _video_game(span: Any) -> bool:
    """``span`` (a sentence or a document) names a video game: a noun WordNet knows as one
    in its first two senses, or "video game" / "computer game" written as a compound."""
    for t in span:
        if t.pos_ != "NOUN":
            continue
        lemma = t.lemma_.lower()
        if _game(lemma) or any(c.dep_ == "compound" and _game(f"{c.lower_}_{lemma}") for c in t.children):
            return True
    return False


def cyber_sentence(sent: Any) -> bool:
    """A sentence naming computers, software, web sites or e-mail."""
    return any(t.pos_ == "NOUN" and _cyber(t.lemma_.lower()) for t in sent)


def cyber_attack(tok: Token, actor_heads: list[Token], target_heads: list[Token]) -> bool:
    """An attack on computers (manual, COERCE "cyber"): its target, a modifier or an
    "on/against" object names computers, sites or mail ("attacks on websites", "hijacked
    computers"); or, in a sentence about them, an attack that harms no one and whose
    actor is no armed force ("phishing attacks", "such attacks" beside "websites")."""
    near = [*target_heads, *(c for c in tok.children if c.dep_ in ("compound", "amod", "dobj", "nsubjpass"))]
    near += [o for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
             for o in c.children if o.dep_ == "pobj"]
    if any(_cyber(t.lemma_.lower()) for t in near):
        return True
    if any(is_animate(t) for t in target_heads) or any(armed(a) for a in actor_heads):
        return False
    return cyber_sentence(tok.sent)


def sport_sentence(sent: Any) -> bool:
    """A word whose first sense is a sport or a contest, or two sport words in their
    first two senses ("the keeper saved the shot": one "fighter" or "guard" alone is no
    game)."""
    doc = sent.doc
    lemmas = {
        t.lemma_.lower()
        for t in sent
        if (t.pos_ == "NOUN" or _nominal_adjective(t))
        and not (t.i + 1 < len(doc) and doc[t.i + 1].text == "-")  # not a prefix ("pro-freedom")
    }
    return (any(_contest(lemma) for lemma in lemmas) or sum(1 for lemma in lemmas if _sporty(lemma)) >= 2
            or _score(sent) or any(_named_contest(e) for e in sent.ents if e.label_ == "EVENT"))


#: Roles of a noun phrase: an adjective there with a determiner is used as a noun.
_NOMINAL_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj"})


def _nominal_adjective(t: Token) -> bool:
    """An adjective the parser left heading a noun phrase ("to reach the final", "lost in
    the semi-final"): a determiner before it and the role of a noun."""
    return t.pos_ == "ADJ" and t.dep_ in _NOMINAL_ROLES and any(c.dep_ == "det" for c in t.children)


#: Senses of a named event's last word looked at: "the Qatar Open" is a tournament in the
#: third sense of "open".
_NAMED_CONTEST_SENSES = 3


@lru_cache(maxsize=20_000)
def _contest_in(lemma: str, senses: int) -> bool:
    wn = wordnet()
    anchors = _synsets(SPORT_EVENTS)
    ids = wn.sense_ids(lemma, "n", senses)[:senses] if wn else []
    return any(s in anchors or wn.ancestors(s) & anchors for s in ids)


def _named_contest(ent: Any) -> bool:
    """A named event (spaCy EVENT) that is a contest: its words joined ("World Cup") or its
    last word in one of its first senses ("the Qatar Open", "the 1994 World Cup Finals",
    "the Commonwealth Games") is a sport, a match or a tournament in WordNet."""
    words = [t.lemma_.lower() for t in ent if t.pos_ in ("PROPN", "NOUN")]
    if not words:
        return False
    return _contest_in("_".join(words), 1) or _contest_in(words[-1], _NAMED_CONTEST_SENSES)


#: Entity labels of amounts: never someone an act is directed at ("downgrade 120 mln dlrs").
_AMOUNTS = frozenset({"MONEY", "PERCENT", "QUANTITY"})


def _has_recipient(tok: Token, ev_type: str) -> bool:
    preps = _RECIPIENT_PREPS[ev_type]
    if ev_type == "AID" and tok.pos_ == "NOUN" and any(
            (c.dep_ == "compound" and c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON"))
            or (c.dep_ == "prep" and c.lower_ in preps and any(
                o.dep_ == "pobj" and (o.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or physical_place(o))
                for o in c.children))
            for c in tok.children):
        return True  # "their Brazil loans", "their loans to the country": a state aided
    if ev_type == "AID" and tok.pos_ == "NOUN":
        # The recipient may hang on the verb the aid noun is the object of, through "of"
        # phrases: "have written off most of their loans to the country".
        t = tok
        while t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head is not t.head:
            t = t.head.head
        if t is not tok and t.dep_ in ("dobj", "nsubjpass") and any(
                c.dep_ == "prep" and c.lower_ in preps and any(
                    o.dep_ == "pobj" and (not is_inanimate(o) or o.ent_type_ in ("GPE", "NORP", "ORG")
                                          or physical_place(o) or _place(o.lemma_.lower()))
                    for o in c.children)
                for c in t.head.children):
            return True
    for c in tok.children:
        if c.ent_type_ in _AMOUNTS:
            continue
        if ev_type == "SANCTION" and c.dep_ in ("dobj", "nsubjpass") and any(
            p.dep_ == "poss" and not is_inanimate(p) and p.ent_type_ not in _AMOUNTS for p in c.children
        ):
            return True  # "withdraw the sector's subsidy", "freeze the regime's assets": theirs
        # The object of "provide", "send", "grant" is what is given: it is the recipient
        # only when it names people ("aid the rebels", "provide them with…").
        # The owner of an aid noun is its giver ("the IMF's loan", "its loans"), not the one
        # aided: the manual's recipient is named apart ("loans to Brazil").
        owner_gives = c.dep_ == "poss" and ev_type == "AID" and tok.pos_ == "NOUN"
        if c.dep_ in ("dative", "iobj", "poss") and not is_inanimate(c) and not owner_gives:
            return True
        if c.dep_ in ("dobj", "nsubjpass") and (is_animate(c) or (ev_type != "AID" and not is_inanimate(c))):
            return True
        if (c.dep_ in ("prep", "dative") and c.lower_ in preps
                and any(o.dep_ == "pobj" and not is_inanimate(o) for o in c.children)):
            return True
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head is not tok:
        # "give Tanzania a grant": the recipient is the carrier verb's.
        return any(c.dep_ in ("dative", "iobj") and not is_inanimate(c) for c in tok.head.children
                   if c is not tok) or any(
            o.dep_ == "pobj" and not is_inanimate(o)
            for c in tok.head.children if c.dep_ in ("prep", "dative") and c.lower_ in preps
            for o in c.children)
    # "the rebels freed on Monday" (not "proposals to freeze prices": the plan is no patient).
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and not is_inanimate(tok.head)


#: Verb lemmas whose event needs a person, an organisation or a place as patient.
HUMAN_PATIENT: frozenset[str] = frozenset({"release", "free", "withdraw", "meet", "visit", "host", "contact",
                                           "yield", "recognize", "recognise", "invite"})
#: Of those, the ones that need a patient known to be people ("released the prisoners",
#: not "released the PSP", "a study released on Wednesday").
CAPTIVE_PATIENT: frozenset[str] = frozenset({"release", "free"})

#: Noun types that are events whatever their participants ("the attack", "the protest").
_MATERIAL_NOUNS = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE"})

#: Verbs that are SUPPORT/AGREE/CONCEDE acts only when someone is said to do them.
_ACTOR_NEEDED = frozenset({"SUPPORT", "AGREE", "CONCEDE"})

_QUESTION = frozenset({"whether", "if", "how", "what", "why", "who", "whom", "whose", "when", "where",
                       "which"})
_OBLIGATION = frozenset({"must", "should"})
_SELF = frozenset({"i", "we", "us", "me"})
#: Request and threat verbs that also state or forecast: a "that" clause without
#: "must"/"should" is then a statement ("demanded that Hamas renounce" stays a demand).
_STATING = frozenset({"insist", "warn"})


def _not_a_request(tok: Token, ev_type: str) -> bool:
    """A REQUEST/THREATEN verb whose clause is a question, a statement or a forecast."""
    kids = list(tok.children)
    ccomps = [c for c in kids if c.dep_ == "ccomp"]
    # Every reporting verb of the lexicon ("noted that the merger should have no effect"),
    # not only "say" and its like.
    speech = tok.lemma_.lower()
    if speech in ("say", "tell", "believe", "argue", "think", "state", "add", "insist", "write") or (
            speech in SPEECH_VERBS and speech not in VERBS):
        # "X said Y should do Z": a demand of another party, not of oneself, not about what is.
        for c in ccomps:
            subj = next((x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None or subj.lower_ in _SELF or subj.lower_ in _INDEFINITE or c.lemma_ in (
                    "be", "have") or _inner(c.lemma_.lower()) or (
                is_inanimate(subj) and not armed(subj) and subj.ent_type_ not in ("ORG", "GPE", "NORP")
            ):
                # "we should cut", "Britain should be", "borrowing should rise", "gamers should expect"
                return True
        if ev_type == "REQUEST" and tok.lemma_.lower() != "insist":
            return False
    requested = any(c.dep_ in ("dobj", "xcomp", "dative", "iobj") for c in kids) or any(
        c.dep_ == "prep" and c.lower_ in ("for", "on", "against", "of") for c in kids
    )
    if requested:
        return False
    if not ccomps and tok.lemma_.lower() not in _STATING:
        return True  # nothing asked for: "will appeal to PC users"
    for c in ccomps:
        if any(x.lower_ in _QUESTION for x in c.children if x.dep_ in ("mark", "advmod", "nsubj", "dobj")):
            return True  # "asked how…", "asked whether…"
        statement = tok.lemma_.lower() in _STATING
        if statement and not any(x.dep_ == "aux" and x.lower_ in _OBLIGATION for x in c.children):
            return True  # "insisted he grounded the ball", "warned that prices would rise"
    return False


#: Indefinite pronouns: "someone should establish it" asks nothing of any party.
_INDEFINITE = frozenset({"someone", "somebody", "something", "everyone", "everybody", "anyone", "anybody",
                         "one"})

#: Verb classes (WordNet lexicographer files) of what goes on in the mind: what someone
#: "should expect", "should see", "should feel" is a forecast, not a demand on anyone.
_INNER_CLASSES = frozenset({"cognition", "perception", "emotion"})


@lru_cache(maxsize=5_000)
def _inner(lemma: str) -> bool:
    wn = wordnet()
    classes = wn.verb_lexfiles(lemma, 1) if wn else []
    return bool(classes) and classes[0] in _INNER_CLASSES


_SMALL = re.compile(r"^\d{1,2}$")


def _score(span: Any) -> bool:
    """A game's score in ``span`` (a sentence, or a token's clause): two small numbers
    joined by a dash that are no date, time, amount or range of things ("beat Schuettler
    7-5 6-4", "won 3-1"; not "on 12-13 May", "3-4 villagers")."""
    sub = list(span.subtree) if hasattr(span, "subtree") else list(span)
    doc = sub[0].doc
    for i in range(sub[0].i, sub[-1].i - 1):
        a, dash, b = doc[i], doc[i + 1], doc[i + 2]
        after = doc[i + 3] if i + 3 < len(doc) else None
        if (dash.text in ("-", "–") and _SMALL.match(a.text) and _SMALL.match(b.text)
                and not {a.ent_type_, b.ent_type_} & {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"}
                and not (after is not None and after.pos_ in ("NOUN", "PROPN"))):  # "3-4 villagers"
            return True
    return False


_REFLEXIVE = frozenset({"itself", "himself", "herself", "themselves", "oneself", "ourselves", "myself"})


#: Verbs of harm whose object, when it is no one, makes them another sense: abusing a
#: system, a position or trust is misuse; fighting a law or a ruling is opposing it.
_MISUSE = frozenset({"abuse", "fight", "battle", "combat"})
#: Modifiers that make a fight one of words or of law ("court battles", "a legal fight",
#: "a takeover battle"): general English, no force used.
FIGURATIVE_FIGHTS = frozenset({
    "court", "legal", "political", "verbal", "custody", "boardroom", "proxy", "takeover",
    "price", "trade", "bidding", "patent", "libel", "copyright", "courtroom", "judicial",
    "ratings", "budget", "tariff", "bid",
})


def _someone(tok: Token) -> bool:
    """A name or a pronoun that may stand for people ("fought them", "abused Smith")."""
    if tok.pos_ == "PRON":
        return tok.lower_ not in ("it", "this", "that", "which", "what")
    return tok.pos_ == "PROPN" and tok.ent_type_ not in ("LAW", "WORK_OF_ART", "PRODUCT", "MONEY")


def _other_sense(tok: Token, lemma: str) -> str | None:
    """Verbs of the lexicon with a frequent everyday sense told apart by their complements:
    "offer" a product (not "offer to buy", "offered aid to X"), "order" planes (a purchase,
    not "ordered the release"), "sign up" or "sign" a player (not "signed an agreement"),
    "talk" with nobody to talk to."""
    kids = list(tok.children)
    dobjs = [c for c in kids if c.dep_ == "dobj"]
    preps = {c.lower_ for c in kids if c.dep_ in ("prep", "dative")}
    prt = {c.lower_ for c in kids if c.dep_ == "prt"}
    done_to = _patients(tok)
    if lemma in ("charge", "accuse", "sue", "blame", "indict", "prosecute") and done_to and all(
        is_inanimate(d) or d.like_num for d in done_to
    ) and not (lemma == "charge" and _charged_with_an_act(tok)):
        return "a price charged"  # "the rates they charge", "charge fees", "blamed weak demand"
    if lemma == "charge" and "for" in preps and "with" not in preps and all(
        _artifact(o.lemma_.lower()) for c in kids if c.dep_ == "prep" and c.lower_ == "for"
        for o in c.children if o.dep_ == "pobj"
    ):
        return "a price charged"  # "charging users for the tool" (a crime is charged "with")
    opponents = [o for c in kids if c.dep_ == "prep" and c.lower_ in ("with", "against")
                 for o in c.children if o.dep_ == "pobj"]
    if lemma in _MISUSE and done_to and not any(
            is_animate(d) or _someone(d) or NOUNS.get(d.lemma_.lower(), ("",))[0] == "ASSAULT"
            for d in done_to) and not any(is_animate(o) or _someone(o) for o in opponents):
        # ("fought running battles with police" is a clash: the battle is the act itself)
        return "misuse"  # "the asylum system is being abused", "fighting a Texas law"
    if lemma == "examine" and not any(is_animate(d) or d.lemma_.lower() in NOUNS for d in done_to):
        return "an examination"  # "examined the notes": no inquiry into anyone or any act
    if lemma == "demonstrate" and any(c.dep_ == "ccomp" for c in kids):
        return "shown"  # "leaders have to demonstrate that things work"
    if lemma in ("quit", "resign") and not (
        preps & {"as", "from"} or any(is_animate(d) or _office(d.lemma_.lower()) for d in dobjs)
        or (lemma == "resign" and not dobjs)
    ):
        return "left a show"  # "quit the show", "quit the Olympics"; not "quit UKIP", "resigned as…"
    if lemma == "ask" and any(c.dep_ == "xcomp" and c.lemma_.lower() in _NAMED for c in kids):
        return "anonymity asked"  # "an analyst who asked not to be named": no demand on anyone
    if lemma == "ask" and (any(_question(d.lemma_.lower()) for d in dobjs)
                           or any(c.dep_ == "punct" and c.text in ("'", '"', "“", "‘") for c in kids)):
        return "a question asked"
    recipient = any(c.dep_ in ("xcomp", "dative") for c in kids) or preps & {"to", "for"}
    if lemma == "offer" and (not recipient or any(_artifact(d.lemma_.lower()) for d in dobjs)):
        return "offer of goods"  # "offers customers a cheaper phone"
    if lemma == "offer" and dobjs and all(
            d.lemma_.lower() not in NOUNS and (_message(d.lemma_.lower()) or _idea(d.lemma_.lower())
                                               or _state(d.lemma_.lower()))  # "will offer hope"
            for d in dobjs):
        return "offer of words"  # "offered him some advice", "offered an explanation"; not "offered talks"
    if lemma in ("recognise", "recognize", "acknowledge") and not dobjs and any(
            c.dep_ == "ccomp" for c in kids):
        return "a fact recognised"  # "recognises that robots are a threat": no recognition of anyone
    if lemma == "order" and dobjs and all(physical(d) and not is_animate(d) for d in dobjs):
        return "purchase order"
    if lemma == "sign" and (prt or not dobjs or any(physical(d) or is_animate(d) for d in dobjs)):
        return "signing up"
    if lemma == "talk" and not preps & {"to", "with"} and tok.dep_ != "xcomp":
        return "talk to nobody"
    if lemma == "talk" and (prt or any(_press(o.lemma_.lower()) for c in kids if c.dep_ == "prep"
                                       for o in c.children if o.dep_ == "pobj")):
        return "talking to the press"  # a statement, not a consultation; "talk up" a policy
    said_nothing = any(
        c.dep_ == "xcomp" and (c.lemma_.lower() in _COMMENT or _stating(c.lemma_.lower())) for c in kids
    )
    if (lemma in ("decline", "refuse") and said_nothing) or (
        lemma == "decline" and any(d.lemma_.lower() in _COMMENT for d in dobjs)
    ):
        return "no comment"  # "declined to comment", "refused to elaborate"
    if lemma in ("admit", "concede", "regret") and (any(c.dep_ == "ccomp" for c in kids)
                                                    or any(is_animate(d) for d in dobjs)):
        return "a statement admitted"  # "admitted he was devastated", "admit foreigners"
    def own(d: Token) -> bool:
        # "its position", and through an owner's owner: "his party's plans" (eleventh round).
        owners = [p for p in d.children if p.dep_ == "poss"]
        return any(p.pos_ == "PRON" or any(q.dep_ == "poss" and q.pos_ == "PRON" for q in p.children)
                   for p in owners)

    if lemma == "defend" and dobjs and all(d.lower_ in _REFLEXIVE or own(d) for d in dobjs):
        return "self-defence"  # "intends to defend itself", "defend its position": no support given
    # A score beside the one beaten ("beat Schuettler 7-5 6-4", "won 3-1") is a match result.
    score = _score(tok)
    to_death = any(c.dep_ == "prep" and c.lower_ == "to"
                   and any(o.lemma_.lower() == "death" for o in c.children) for c in kids)
    contest = (lemma == "beat" and (("to" in preps and not to_death) or score)) or (
        lemma == "storm" and (preps | prt) & {"to", "ahead"})
    if contest or (lemma == "shoot" and "up" in prt) or (lemma == "beat" and _won_against(tok)):
        return "a contest"  # "beat them to the award", "stormed to victory", "shot up"
    return None


#: Adverbs and complements that make a beating bodily ("beat him severely", "beaten senseless").
_BODILY = frozenset({"severely", "brutally", "badly", "savagely", "viciously", "repeatedly", "unconscious",
                     "senseless", "mercilessly", "up"})
#: Entity labels of a winning margin ("by 0.90 seconds", "by 12 points", "by two goals").
_MARGINS = frozenset({"TIME", "QUANTITY", "CARDINAL", "PERCENT"})
#: Named bodies that are beaten only in a contest (a country, a team, a party, a people).
_BODIES = frozenset({"GPE", "ORG", "NORP"})


def _won_against(tok: Token) -> bool:
    """"England beat France", "Federer beat Nadal", "Labour were beaten by the Tories": to
    beat a country, a team, a party or a people, or one named person another, is to win
    against them (WordNet beat.v.01 "come out better in a competition, race, or conflict");
    the bodily sense (manual, ASSAULT ``beat``) is told by its marks — an instrument ("with"),
    "up", "to death", "severely", "senseless" — and by whom it is done to (a person named by
    a common noun, "a man", "his wife"); armed actors are looked at by the caller."""
    kids = list(tok.children)
    if any(c.lower_ in _BODILY for c in kids) or any(
            c.dep_ == "prep" and c.lower_ in ("with", "to") for c in kids):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "by" and any(
            o.dep_ == "pobj" and (o.like_num or o.ent_type_ in _MARGINS or any(
                n.dep_ == "nummod" or n.like_num for n in o.children)) for o in c.children) for c in kids):
        return True  # "beating Mulle by 0.90 seconds", "beat them by three votes": a margin
    done_to = _patients(tok)
    by = [o for c in kids if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    doers = [c for c in kids if c.dep_ == "nsubj"] + by
    if not done_to or any(armed(h) or kind_of(h) in ("authority", "crowd") for h in [*done_to, *doers]):
        return False
    if all(d.ent_type_ in _BODIES for d in done_to):
        return True
    if doers and all(h.ent_type_ in _BODIES for h in doers) and not any(
            d.ent_type_ == "PERSON" or (d.pos_ in ("NOUN", "PRON") and is_animate(d)) for d in done_to):
        return True  # "the Tories beat Labour" (a name the model took for a common noun)
    return all(d.ent_type_ == "PERSON" for d in done_to) and bool(doers) and all(
        h.ent_type_ in ("PERSON", *_BODIES) or _untagged_name(h) for h in doers)


def _untagged_name(h: Token) -> bool:
    """A capitalised word WordNet does not know as a common noun: a name the model did not
    tag ("Hewitt beat Andy Roddick")."""
    wn = wordnet()
    return h.pos_ in ("PROPN", "NOUN") and h.is_title and wn is not None and not wn.common_noun(h.lower_)


#: Negative quantifiers: an act whose only actor is one of them did not take place.
_NOBODY = frozenset({"none", "nobody", "noone", "neither", "nothing"})


def _nobody(h: Token) -> bool:
    """The actor is a negative quantifier: "none (of the members)", "nobody", "no one",
    "no country", "neither side" — the sentence says no one did the act."""
    if h.lower_ in _NOBODY:
        return True
    return any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in h.children)


#: Cooperative and verbal acts that a refusal can carry ("refused to accept", "declined to meet").
_REFUSABLE = frozenset({"AGREE", "SUPPORT", "CONSULT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})


def _refusal(head: Token) -> bool:
    """The verb governing an infinitive is one of the lexicon's rejections ("refuse", "decline",
    "reject"): what is refused is not done, and the refusal is reported as its own event."""
    return head.pos_ == "VERB" and VERBS.get(head.lemma_.lower(), ("",))[0] == "REJECT"


#: Clauses under a verb that are other events: a percentage there is not the verb's.
_OTHER_CLAUSES = frozenset({"ccomp", "advcl", "conj", "relcl", "xcomp", "parataxis", "acl"})


def _measured_move(tok: Token) -> bool:
    """An ASSAULT verb measured in per cent ("exports shot up 7.5%", "the shares plunged 5 pct")
    reports a rise or a fall: violence is counted in victims, not in per cent.  Only the
    verb's own phrases are looked at (its children and theirs, not other clauses), and
    only when what it is done to is no person and its subject no armed force."""
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    if any(is_animate(p) for p in _patients(tok)) or any(armed(p) for p in subjects):
        return False  # "gunmen shot 12 people, 40% of them children"
    near = [c for c in tok.children if c.dep_ not in _OTHER_CLAUSES]
    near += [g for c in near for g in c.children if g.dep_ not in _OTHER_CLAUSES]
    # spaCy leaves wire copy's "1.6 pct" unlabelled: the unit names the per cent too.
    return any(t.ent_type_ == "PERCENT" or (t.lower_ in ("pct", "percent", "%") and any(
        c.dep_ == "nummod" for c in t.children)) for t in near)


#: Nouns of a traded market beside ``_market``'s securities and prices ("Comex silver
#: futures", "the market", "the contract").
_TRADED = frozenset({"future", "futures", "market", "contract", "index"})
#: Words that give a price's direction in a verb's own phrase ("traded 0.10 cent higher").
_PRICE_DIRECTIONS = frozenset({"higher", "lower", "firmer", "easier", "weaker", "stronger", "unchanged",
                               "steady", "steadier"})


def _price_move(tok: Token) -> bool:
    """A verb of trading, retreating or supporting told of a market ("silver futures retreated
    slightly", "soyoil futures supported the market", "slipping to trade 0.10 cent higher"):
    its subject or object is a traded thing, or its own phrase gives a price's direction, and
    no person or armed force takes part.  PLOVER's RETREAT, SUPPORT and COOPERATE are acts of
    actors; a price moving is none."""
    def traded(h: Token) -> bool:
        if h.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return False  # "leader Muammar Gaddafi": a name is someone, whatever its modifiers
        return _market(h.lemma_.lower()) or h.lemma_.lower() in _TRADED or h.lower_ in _TRADED or any(
            c.dep_ == "compound" and c.lower_ in _TRADED for c in h.children)

    args = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    if tok.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        args += [c for c in tok.head.children if c.dep_ == "nsubj"]  # "futures opened … and retreated"
    if any((is_animate(h) or armed(h)) and not traded(h) for h in args):
        return False
    near = [c for c in tok.children if c.dep_ not in _OTHER_CLAUSES]
    near += [g for c in near for g in c.children if g.dep_ not in _OTHER_CLAUSES]
    return any(t.lower_ in _PRICE_DIRECTIONS for t in near) or any(traded(h) for h in args)


def _abstract_actor(h: Token, event_nouns: frozenset[str]) -> bool:
    """An ASSAULT's actor that is an abstraction or an act in its first sense, not a group,
    an armed force, a force of nature or an attack the lexicon knows ("the move destroyed
    part of the policy", "the crisis hit savings"; not "the raid destroyed", "the storm hit")."""
    lemma = h.lemma_.lower()
    return (h.pos_ == "NOUN" and _abstract(lemma) and lemma not in event_nouns and lemma not in NOUNS
            and not armed(h) and kind_of(h) not in FORCES and not is_animate(h))


def _antecedent(h: Token) -> Token:
    """The noun a relative pronoun stands for ("the fund which supports…": the fund)."""
    if h.tag_ in ("WDT", "WP") and h.head.dep_ == "relcl":
        return h.head.head
    return h


def _charged_with_an_act(tok: Token) -> bool:
    """"charged with the murders", "with fraud", "with speeding": what someone is charged with
    is a human act (WordNet act.n.02 in its first senses), so the charge is an accusation
    whatever noun the parse hung the verb on; "the rates they charge with each contract" is no
    act."""
    return any(
        _first_senses_under(o.lemma_.lower(), _synsets(("act.n.02",)))
        for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
        for o in c.children if o.dep_ == "pobj"
    )


def _patients(tok: Token) -> list[Token]:
    """Who or what the verb is done to: its object or passive subject, the noun a
    participle modifies ("a study released"), a relative pronoun's antecedent."""
    out = []
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            out.append(tok.head if c.tag_ in ("WDT", "WP") and tok.dep_ == "relcl" else c)
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        out.append(tok.head)
    return out


#: Cooperation and aid are also given by companies (manual: economic actors); the other
#: material acts need a state, an authority, an armed force, a crowd or a weapon.
_COOPERATION = frozenset({"COOPERATE", "AID"})


@lru_cache(maxsize=5_000)
def _harm_lemma(lemma: str) -> bool:
    """The verb's most frequent sense is bodily harm: to kill, injure, kidnap, rape or
    assault (WordNet; not "beat", first a win in a contest, nor "shoot" a film)."""
    wn = wordnet()
    senses = wn.sense_ids(lemma, "v", 1)[:1] if wn else []
    anchors = _synsets(("kill.v.01", "injure.v.01", "kidnap.v.01", "rape.v.01", "assault.v.01"))
    return bool(senses and wn.ancestors(senses[0]) & anchors)


def _harm_to_someone(tok: Token, target_heads: list[Token]) -> bool:
    """A verb whose first sense is bodily harm done to a person ("stabbing a man"): a
    crime, whatever the report is about."""
    return tok.pos_ == "VERB" and _harm_lemma(tok.lemma_.lower()) and any(_bodily(h) for h in target_heads)


def _bodily(h: Token) -> bool:
    """Someone with a body to harm: animate, and no organisation."""
    return is_animate(h) and h.ent_type_ != "ORG"


def _harm_done_by_someone(tok: Token, actor_heads: list[Token]) -> bool:
    """Someone did bodily harm to a person ("the former player shot and killed a security
    guard"): the person is the verb's object or passive subject — not a player "injured", nor
    "hoops" shot "with students", nor what "doesn't kill you"."""
    return tok.pos_ == "VERB" and _harm_lemma(tok.lemma_.lower()) and any(
        _bodily(h) for h in actor_heads) and any(_bodily(p) for p in _patients(tok))


def _political_participant(h: Token, ev_type: str, teams: bool = False) -> bool:
    """``domain.political`` for the argument headed by ``h`` or the people of its "of"
    phrase ("dozens of soldiers"); an organisation too for material cooperation.

    ``teams``: in a report about contests a country or a people is a team ("the power of
    the Pumas never allowed Ireland to take control up front"): only an authority, an armed
    force, a crowd, a weapon or a noun of politics counts there."""
    of = [o for p in h.children if p.dep_ == "prep" and p.lower_ == "of"
          for o in p.children if o.dep_ == "pobj"]

    def counts(t: Token) -> bool:
        if teams and t.ent_type_ in ("GPE", "NORP"):
            return False
        return political(t) or (ev_type in _COOPERATION and t.ent_type_ == "ORG")

    return any(counts(t) for t in (h, *of))


#: Nouns of a share of people: who answers a poll.
_SHARES = frozenset({"percent", "%", "quarter", "third", "half", "fifth", "majority", "minority", "most"})


def _poll_answer(tok: Token) -> bool:
    """The verb is what a share of people said ("47% said they supported the bill", "one
    quarter said they neither support nor oppose a ban"): an opinion poll, not an act."""
    t = tok
    while t.dep_ == "conj" and t.head is not t:
        t = t.head
    if t.dep_ != "ccomp" or t.head.lemma_.lower() not in SPEECH_VERBS:
        return False
    speakers = [c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    speakers += [o for c in t.head.children if c.dep_ == "prep" and c.i < t.head.i
                 for o in c.children if o.dep_ == "pobj"]  # "around one quarter said"
    return any(s.ent_type_ == "PERCENT" or s.lemma_.lower() in _SHARES or share_of_people(s)
               for s in speakers)


def _abstract_target(tok: Token, c: Token) -> bool:
    """The object ``c`` of the ASSAULT verb ``tok`` is an abstraction that is no group
    ("struck a deal", "beat expectations", "attacked the government's failure")."""
    lemma = c.lemma_.lower()
    of = [o for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
          if o.dep_ == "pobj"]
    if of and _quantity(lemma):
        return _abstract_target(tok, of[0])  # "a number of vehicles": the vehicles
    if _count(lemma):
        return False  # "killed dozens": a number of people
    return (c.pos_ == "NOUN" and not is_animate(c) and _abstract(lemma)
            and NOUNS.get(lemma, ("",))[0] != "ASSAULT"  # not "struck a deal"
            and (tok.lemma_.lower(), lemma) not in DEFAULT_MODE_BY_OBJECT)  # "took control"


@lru_cache(maxsize=5_000)
def _criticising(lemma: str) -> bool:
    """One of the verb's three most frequent senses is criticism (WordNet ``criticize.v.01``:
    "attack in speech or writing")."""
    wn = wordnet()
    anchor = wn.synset("criticize.v.01") if wn else None
    return bool(anchor) and any(anchor in wn.ancestors(s) for s in wn.sense_ids(lemma, "v", 3)[:3])


#: Manner adverbs that make an attack one of words ("attack him politically").
_VERBAL_MANNER = frozenset({"politically", "verbally", "publicly", "personally", "rhetorically"})


def verbal_attack(tok: Token, actor_heads: list[Token]) -> bool:
    """An ASSAULT word that can mean criticism, said of ideas, messages or decisions by no
    armed actor, is criticism (manual, ACCUSE: "disapprove, condemn, criticize"):
    "attacked the Tory plans", "attacked UK policy on immigration", "launched an attack on
    the cost of the asylum system"; so is one made "politically" or "verbally", or one
    done to someone *for* what they did or want ("attack the Liberals for wanting to
    abolish faith schools"); not "attacked two military bases"."""
    if any(armed(h) for h in actor_heads):
        return False
    if tok.pos_ == "NOUN":
        if not _criticising(tok.lemma_.lower()) or any(
                c.dep_ in ("compound", "nmod") or armed(c) for c in tok.children):
            return False  # "a grenade attack on the market", "a rocket attack on…": weapons
        objs = [o for p in tok.children if p.dep_ == "prep" and p.lower_ in ("on", "against", "upon")
                for o in p.children if o.dep_ == "pobj"]
        return (bool(objs) and all(_idea(o.lemma_.lower()) or (
            o.pos_ == "NOUN" and not is_animate(o) and _abstract(o.lemma_.lower())) for o in objs)
        ) or _attack_of_politics(tok, actor_heads)
    if tok.pos_ == "VERB" and _dispute(tok, actor_heads):
        return True
    if tok.pos_ != "VERB" or not _criticising(tok.lemma_.lower()):
        return False
    if any(c.dep_ == "advmod" and c.lower_ in _VERBAL_MANNER for c in tok.children):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "for" and any(
            o.dep_ == "pcomp" and o.tag_ == "VBG" for o in c.children) for c in tok.children):
        return True  # "attacked them for wanting…": a reason given is a reproach
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    # "attacked Tory plans": the parser may split a name and the noun it modifies into two
    # objects; the name right before another object is that object's modifier.
    objs = [c for c in objs if not (c.pos_ == "PROPN" and any(o.i == c.i + 1 for o in objs))]
    if objs and all(_idea(c.lemma_.lower()) for c in objs):
        return True
    return _attack_of_politics(tok, actor_heads)


#: Named participants of politics: people, bodies, parties.
_NAMED_PARTIES = frozenset({"PERSON", "ORG", "NORP"})


def _of_politics(h: Token) -> bool:
    """A named person, body or party, or a noun of politics that is no armed force, police
    or crowd ("the minister", "the party", "backbenchers")."""
    if armed(h) or armed_people(h) or kind_of(h) in ("authority", "crowd", "weapon"):
        return False
    return h.ent_type_ in _NAMED_PARTIES or (
        h.pos_ == "NOUN" and "political" in lemma_families(h.lemma_.lower()))


def _attack_of_politics(tok: Token, actor_heads: list[Token]) -> bool:
    """An attack by a politician or a party on another, or on what one says or plans, with
    no force in sight (``_force_in_sight``: no armed people, police or crowd, no place
    attacked, nobody killed or hurt): "the Conservatives attacked Labour over its record",
    "Mr Blair launched a fierce attack on the Conservatives", "Mr Kennedy attacked the Tory
    pledges" — criticism (manual, ACCUSE: "disapprove, condemn, criticize"), not ASSAULT.
    Not a people on a people ("Islamists attacked Christians"), nor anyone on a place."""
    if tok.pos_ == "VERB":
        targets = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    else:
        targets = [o for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "upon")
                   for o in c.children if o.dep_ == "pobj"]
    targets = [c for c in targets if not (c.pos_ == "PROPN" and any(o.i == c.i + 1 for o in targets))]
    actors = [_antecedent(h) for h in actor_heads]
    if not actors or _force_in_sight(tok, [*actors, *targets]):
        return False
    if not all(_of_politics(h) for h in actors):
        return False
    if not targets:
        return False
    if all(h.ent_type_ == "NORP" for h in [*actors, *targets]):
        return False  # one people on another: violence between groups
    return all(_of_politics(t) or _said_or_planned(t) for t in targets)


def _said_or_planned(t: Token) -> bool:
    """A noun of no people, place or thing that is an idea, a message or an abstraction
    ("the Tory pledges", "their tax plans", "his record")."""
    lemma = t.lemma_.lower()
    return (t.pos_ == "NOUN" and not physical(t) and lemma_class(lemma) not in ("agent", "crowd", "authority")
            and (_idea(lemma) or _abstract(lemma) or _message(lemma)))


#: Verbs of a clash that, about a subject, are a dispute.
_CLASHING = frozenset({"clash", "spar", "quarrel", "feud"})


def _dispute(tok: Token, actor_heads: list[Token]) -> bool:
    """"Has clashed with ministers about how inquiries are chosen", "clashed with his leaders
    over tuition fees": a clash over a subject between people none of whom is armed, police
    or a crowd is a dispute of words (manual, ACCUSE: "objections, complaints"); not
    "protesters clashed with police over the route"."""
    if tok.lemma_.lower() not in _CLASHING:
        return False
    kids = list(tok.children)
    if not any(c.dep_ == "prep" and c.lower_ in ("over", "about") for c in kids):
        return False
    others = [o for c in kids if c.dep_ == "prep" and c.lower_ == "with"
              for o in c.children if o.dep_ == "pobj"]
    return not any(armed(h) or kind_of(h) in ("authority", "crowd") for h in [*actor_heads, *others])


@lru_cache(maxsize=20_000)
def _idea(lemma: str) -> bool:
    """The noun's first sense is an idea, a message or a decision: what one criticises
    ("plans", "policy", "proposals", "remarks", "the decision")."""
    wn = wordnet()
    senses = wn.sense_ids(lemma, "n", 1)[:1] if wn else []
    return bool(senses and wn.ancestors(senses[0]) & _synsets(("idea.n.01", "message.n.02", "decision.n.01")))


def _control_of_no_place(tok: Token, actor_heads: list[Token]) -> bool:
    """Taking or seizing control is ASSAULT when it is taken by force of a place (ACLED's
    territorial events; manual, ASSAULT): control of a business or of services, by no
    armed actor, is another sense (the controlled thing is named and is no place)."""
    control = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() == "control"]
    if not control or (tok.lemma_.lower(), "control") not in DEFAULT_MODE_BY_OBJECT:
        return False
    if any(armed(h) or kind_of(h) == "crowd" for h in actor_heads):
        return False
    of = [o for c in control for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
          for o in p.children if o.dep_ == "pobj"]
    of += [o for p in tok.children if p.dep_ == "prep" and p.lower_ in ("of", "over")
           for o in p.children if o.dep_ == "pobj"]
    return bool(of) and not any(o.ent_type_ in ("GPE", "LOC", "FAC") or o.pos_ == "PROPN"
                                or _place(o.lemma_.lower()) for o in of)


@lru_cache(maxsize=20_000)
def _place(lemma: str) -> bool:
    """One of the noun's three most frequent senses is a location or a structure ("the
    village", "the border point", "the airport")."""
    wn = wordnet()
    anchors = _synsets(("location.n.01", "structure.n.01"))
    return bool(wn) and any(wn.ancestors(s) & anchors for s in wn.sense_ids(lemma, "n", 3)[:3])


def _nothing_material(tok: Token) -> bool:
    """AID is material (manual: "material aid, grants, loans, humanitarian help"): what
    the verb gives — its object, when that is no one — is an idea, a message or a right in
    every one of its ``_GIVEN_SENSES`` most frequent WordNet senses ("provided evidence",
    "sent a message"), never a thing, a substance, a possession, an act of help or people."""
    given = [_made_of(c) if _quantity(c.lemma_.lower()) else c  # "25,000 tons of food aid"
             for c in tok.children
             if c.dep_ in ("dobj", "nsubjpass") and not is_animate(c) and c.pos_ == "NOUN"]
    return bool(given) and all(
        c.lemma_.lower() not in _AID_NOUNS and not _material(c.lemma_.lower()) and not _material(c.lower_)
        for c in given)  # the word as written too: "goods" are commodities, a "good" a benefit


#: Verbs of sending: what they carry is aid only when it is no message.
_SENDING = frozenset({"send", "deliver", "mail", "forward", "dispatch"})


def _message_sent(tok: Token) -> bool:
    """What is sent is, in its first WordNet sense, a message or a writing ("a letter", "the
    e-mail", "the telex", "an apology", "his views"): a letter or a document delivered to
    someone is correspondence, not aid (manual, AID: "material aid, grants, loans")."""
    sent = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.tag_ not in ("WDT", "WP")]
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        sent.append(tok.head)  # "a letter sent to the men"
    sent = [c for c in sent if c.pos_ in ("NOUN", "PROPN") and not is_animate(c)]
    return bool(sent) and all(
        c.lemma_.lower() not in _AID_NOUNS and (_message(c.lemma_.lower()) or _writing(c.lemma_.lower())
                                                 or _thought(c.lemma_.lower()))
        for c in sent)


@lru_cache(maxsize=20_000)
def _thought(lemma: str) -> bool:
    """The noun's first sense is a content of the mind — a view, an idea, an opinion
    (WordNet ``cognition.n.01``): what is sent of it is a message."""
    wn = wordnet()
    senses = wn.sense_ids(lemma, "n", 1)[:1] if wn else []
    return bool(senses) and bool(wn.ancestors(senses[0]) & _synsets(("cognition.n.01",)))


@lru_cache(maxsize=20_000)
def _writing(lemma: str) -> bool:
    wn = wordnet()
    senses = wn.sense_ids(lemma, "n", 1)[:1] if wn else []
    anchors = _synsets(("writing.n.02", "document.n.01", "written_communication.n.01",
                        "electronic_mail.n.01"))
    return bool(senses and (wn.ancestors(senses[0]) & anchors or senses[0] in anchors))


#: Senses of a given thing looked at: any material one makes it aid ("goods" are
#: commodities only in the fourth sense of "good").
_GIVEN_SENSES = 4

#: The lexicon's nouns of aid: given, they are aid whatever WordNet files them under.
_AID_NOUNS = frozenset(k for k, (t, _m) in NOUNS.items() if t == "AID")


@lru_cache(maxsize=20_000)
def _material(lemma: str) -> bool:
    wn = wordnet()
    anchors = _synsets(("physical_entity.n.01", "possession.n.02", "act.n.02", "group.n.01"))
    senses = wn.sense_ids(lemma, "n", _GIVEN_SENSES)[:_GIVEN_SENSES] if wn else []
    return not senses or any(wn.ancestors(s) & anchors for s in senses)


def _nothing_alive(tok: Token) -> bool:
    """A killing whose patients are all things ("killed the ball", "kill the bill", "the
    execution of a crossover vehicle"): to kill is to cause to die (WordNet kill.v.01)."""
    if tok.pos_ == "VERB":
        patients = _patients(tok)
    else:
        patients = [c for c in tok.children if c.dep_ == "poss"]
        patients += [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                     for o in c.children if o.dep_ == "pobj"]
    return bool(patients) and all(
        is_inanimate(p) and not physical_place(p) and kind_of(p) not in ("agent", "authority", "crowd")
        and not _may_be_someone(p)
        for p in patients)


#: Frequent noun senses looked at for a person (``_may_be_someone``).
_PERSON_SENSES = 3


def _may_be_someone(tok: Token) -> bool:
    """A patient that may be a person although its first sense is a thing: a proper noun the
    model did not tag ("Gray was killed by police"), a noun with a person's name beside it
    ("an agent, David Wilhelm"), or a noun one of whose frequent senses is a person ("agent"
    is first a cause, then a representative)."""
    if tok.pos_ == "PROPN" and not tok.ent_type_:
        return True
    if any(c.dep_ in ("appos", "compound") and c.ent_type_ == "PERSON" for c in tok.children):
        return True
    wn = wordnet()
    if wn is None or tok.pos_ != "NOUN":
        return False
    person = wn.synset("person.n.01")
    senses = wn.sense_ids(tok.lemma_.lower(), "n", _PERSON_SENSES)[:_PERSON_SENSES]
    return person is not None and any(person in wn.ancestors(s) for s in senses)


def physical_place(tok: Token) -> bool:
    return tok.ent_type_ in ("GPE", "LOC", "FAC")


def _armed(tok: Token, actor_heads: list[Token]) -> bool:
    """MOBILIZE is "military or police moves" (manual): an armed force or a weapon acts or
    is moved ("troops deployed", "deployed 500 police"), not a fleet of test cars."""
    moved = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    moved += [o for p in tok.children if p.dep_ == "prep" and p.lower_ in ("of", "with")
              for o in p.children if o.dep_ == "pobj"]  # "the deployment of troops", "with tanks"
    if tok.dep_ == "acl":
        moved.append(tok.head)  # "British troops deployed in Iraq"
    # "a fleet of test cars", "a unit of police", "dozens of fighters": what the collective
    # is made of, for the moved and the movers.
    return any(armed(_made_of(t)) for t in [*actor_heads, *moved])


def _made_of(tok: Token) -> Token:
    """The "of" object of a collective or a number ("a fleet of cars", "dozens of
    fighters"), else the token itself."""
    return next((o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                 for o in p.children if o.dep_ == "pobj"), tok)


#: PLOVER's material conflict and threats: what a warning must name to be a threat.
_CONFLICT_TYPES = frozenset({"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "THREATEN"})

#: What a coercive warning names when it names no act: the consequences in store for the
#: one warned ("warned of serious consequences", "warned it would take action"). General
#: English, not chosen for any document.
_CONSEQUENCES = frozenset({"consequence", "repercussion", "retaliation", "reprisal", "retribution", "action",
                           "measure", "step", "response", "punishment", "force", "war"})

#: Entity labels of parties a warning can be addressed to.
_PARTIES = frozenset({"GPE", "ORG", "NORP", "PERSON"})


def _warning_of_no_act(tok: Token) -> bool:
    """A warning is a threat (manual, THREATEN: "threats, coercive or forceful warnings")
    when it names an act of conflict or the consequences in store ("warned of retaliation",
    "warned it would impose sanctions", "warnings of an attack"), or is addressed to a named
    party or a force ("warned Iran", "warned the protesters"); else it is information — a
    forecast, advice, an alarm ("warned of lower margins", "warned that people should stay
    alert", "her warnings led to the collapse of the firm"). Advice to a person that names no
    act nor consequence is advice too, whoever is warned ("warned Mr Brown not to be tempted
    to use the cash")."""
    if tok.lemma_.lower() not in ("warn", "warning"):
        return False
    kids = list(tok.children)
    warned = [c for c in kids if c.dep_ in ("dobj", "dative", "nsubjpass")]
    # Telling someone to do something (an infinitive) that names no act of conflict nor its
    # consequences is advice or a demand, whoever is warned ("warned the BBC to steer away
    # from demonising him"; eleventh round: a party or a body warned that way threatens
    # nothing either).
    advice = any(c.dep_ == "xcomp" for c in kids) or (
        any(c.dep_ == "ccomp" for c in kids) and all(w.ent_type_ == "PERSON" for w in warned))
    if not advice and any(c.ent_type_ in _PARTIES or armed(c) or kind_of(c) in ("authority", "crowd")
                          for c in warned):
        return False
    said = [t for c in kids if c.dep_ not in ("nsubj", "nsubjpass", "det", "poss", "punct", "aux", "cc")
            for t in c.subtree]
    for t in said:
        lemma = t.lemma_.lower()
        entry = (VERBS if t.pos_ == "VERB" else NOUNS).get(lemma) if t.pos_ in ("VERB", "NOUN") else None
        if lemma in _CONSEQUENCES or (entry and (entry[0] in _CONFLICT_TYPES or entry[1] == "allege")):
            return False
    return True


#: Words of fighting that are a contest of words, votes or law unless force is in sight.
_FIGHTS = frozenset({"fight", "battle", "struggle", "clash", "combat", "war", "fighting"})
#: A political contest (WordNet, first two senses): an election, a vote, a campaign.
_CONTEST_ANCHORS = ("election.n.01", "vote.n.02", "political_campaign.n.01")
#: Where a fight is physical: at, in, near or for a place.
_PLACE_PREPS = frozenset({"in", "at", "near", "around", "outside", "inside", "for", "across", "on"})
#: Nouns that count the dead and hurt.
_TOLL = frozenset({"casualty", "death", "dead", "toll", "victim", "body", "corpse"})


@lru_cache(maxsize=20_000)
def _political_contest(lemma: str) -> bool:
    return _first_senses_under(lemma, _synsets(_CONTEST_ANCHORS))


def _force_in_sight(tok: Token, heads: list[Token]) -> bool:
    """Something in the fight's sentence makes it physical: an armed force, police, a crowd
    or armed people among its participants or its modifiers ("a gun battle", "riot police"),
    a place it is fought at or for ("fighting in Basra", "the battle for the airport"), or
    people killed or hurt in the sentence."""
    kids = list(tok.children)
    near = [*heads, *(c for c in kids if c.dep_ in ("compound", "amod", "nmod", "poss"))]
    near += [o for c in kids if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    if any(armed(h) or armed_people(h) or kind_of(h) in ("authority", "crowd", "weapon")
           or (h.pos_ == "NOUN" and _first_senses_under(h.lemma_.lower(), _synsets(("force.n.04",))))
           for h in near):
        return True  # force.n.04: "the army", "the navy" (WordNet files them as organisations)
    if any(c.dep_ == "prep" and c.lower_ in _PLACE_PREPS and any(
            o.dep_ == "pobj" and (physical_place(o) or (_place(o.lemma_.lower())
                                                         and not _idea(o.lemma_.lower())))
            for o in c.children) for c in kids):
        return True
    return any((t.pos_ == "VERB" and _harm_lemma(t.lemma_.lower())) or t.lemma_.lower() in _TOLL
               or (t.pos_ == "NOUN" and (armed_people(t) or _military(t.lemma_.lower())))
               for t in tok.sent)  # "troops inflicted heavy losses on the terrorists in fierce clashes"


#: Armed forces and police (WordNet), without governments and authorities in general.
_MILITARY_ANCHORS = ("military_unit.n.01", "military_personnel.n.01", "serviceman.n.01",
                     "security_force.n.01", "law_enforcement_agency.n.01", "lawman.n.01", "force.n.04",
                     "weapon.n.01")


@lru_cache(maxsize=20_000)
def _military(lemma: str) -> bool:
    """The noun's first sense is an armed force, police or a weapon ("troops", "the army",
    "police", "missiles")."""
    wn = wordnet()
    senses = wn.sense_ids(lemma, "n", 1)[:1] if wn else []
    return bool(senses) and bool(wn.ancestors(senses[0]) & _synsets(_MILITARY_ANCHORS))


def _aim(o: Token) -> bool:
    """What one fights for or against that is no one, no place, no thing, no time and no
    act of force ("a share of the market", "inflation", "poverty")."""
    lemma = o.lemma_.lower()
    return (o.pos_ == "NOUN" and not o.ent_type_ and not is_animate(o) and not _place(lemma)
            and not _artifact(lemma) and lemma not in NOUNS
            and lemma_class(lemma) not in ("agent", "crowd", "authority", "weapon"))


def figurative_fight(tok: Token, actor_heads: list[Token], target_heads: list[Token]) -> bool:
    """A fight, battle or struggle of politics or business, with no force in sight
    (``_force_in_sight``), is a contest of words, votes or law — not PLOVER's ASSAULT
    ("deliberate actions which can potentially result in substantial physical harm"):
    one fought "over", "about" or "on" a subject that is no place ("ministers fighting over
    the budget", "a battle over taxes"); one whose modifier or object is an election, a
    vote or a campaign ("a pre-election battle", "fighting the general election"); an
    "uphill" battle, said of what is hard to win; a battle faced, launched or lost by
    someone unarmed with no one named to fight ("the Tories face a battle")."""
    lemma = tok.lemma_.lower()
    if lemma not in _FIGHTS:
        return False
    carrier = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass") and c is not tok] if (
        tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "pobj")) else []  # "the army lost the battle"
    if _force_in_sight(tok, [*actor_heads, *target_heads, *carrier]):
        return False
    kids = list(tok.children)
    subjects = [o for c in kids if c.dep_ == "prep" and c.lower_ in ("over", "about", "on")
                for o in c.children if o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME")
                and (c.lower_ != "on" or _idea(o.lemma_.lower()))]  # not "on Saturday"
    if subjects and not any(physical_place(o) or is_animate(o) for o in subjects):
        return True
    mods = [c for c in kids if c.dep_ in ("compound", "amod", "dobj", "nmod")]
    mods += [o for c in kids if c.dep_ == "prep" and c.lower_ in ("for", "in", "of")
             for o in c.children if o.dep_ == "pobj"]
    if any(_political_contest(m.lemma_.lower()) or m.lower_ == "uphill" for m in mods):
        return True
    opponents = [o for c in kids if c.dep_ == "prep" and c.lower_ in ("with", "against", "between")
                 for o in c.children if o.dep_ == "pobj"]
    aims = [o for c in kids if c.dep_ == "prep" and c.lower_ in ("for", "against")
            for o in c.children if o.dep_ == "pobj"]
    if aims and all(_aim(o) for o in aims):
        return True  # "the battle against inflation", "fighting for a share of the market"
    carried = tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ == "VERB" and (
        tok.head.lemma_.lower() not in _FIGHTS)
    return carried and not opponents and not target_heads


def _share_of_people(h: Token) -> bool:
    """A share of people as subject: "most city-dwellers", "a majority of voters", "47%",
    "half of those asked" — who answers a poll."""
    if h.ent_type_ == "PERCENT" or h.lower_ in _SHARES or share_of_people(h):
        return True
    return any(c.dep_ in ("amod", "det", "nummod", "quantmod") and c.lower_ in _SHARES for c in h.children)


def _poll_stance(tok: Token, actor_heads: list[Token]) -> bool:
    """"Most city-dwellers support the ban", "a majority of voters oppose it": what a share
    of people thinks is an opinion poll's answer, not an act of support or rejection."""
    subjects = [c for c in tok.children if c.dep_ == "nsubj"] or actor_heads
    return tok.pos_ == "VERB" and bool(subjects) and all(_share_of_people(h) for h in subjects)


def _product_praised(tok: Token) -> bool:
    """"Praised the Honda Accura", "endorses the phone": praise of a product or a made thing
    (WordNet artifact, first sense) is a review, not support of an actor or a policy
    (manual, SUPPORT)."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in ("praise", "endorse", "hail", "applaud", "commend"):
        return False
    praised = _patients(tok)
    as_what = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "as" for o in c.children
               if o.dep_ == "pobj"]
    of = [o for a in as_what for c in a.children if c.dep_ == "prep" and c.lower_ == "of"
          for o in c.children if o.dep_ == "pobj"]
    made = [a for a in as_what if _artifact(a.lemma_.lower()) or any(_artifact(o.lemma_.lower()) for o in of)]
    if as_what and len(made) == len(as_what) and not any(
            p.ent_type_ in ("PERSON", "GPE", "NORP") for p in praised):
        return True  # "praised the Accura as the best car of the year"
    return bool(praised) and all(
        not is_animate(p) and (_artifact(p.lemma_.lower()) or p.ent_type_ == "PRODUCT") for p in praised)


#: Verbs that ask or dare someone to do what follows: the infinitive is not done.
_DARING = frozenset({"challenge", "dare", "urge", "call", "press", "invite", "ask", "tell", "want"})


def _dared(tok: Token) -> bool:
    """"Challenged Mr Brown to deny reports": the act in the infinitive of a verb of asking
    or daring is what is asked for (the request is the event), not an act done."""
    return tok.pos_ == "VERB" and tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _DARING and any(
        c.dep_ == "dobj" for c in tok.head.children)


#: Verbs of handing over that companies use for trade.
_SUPPLYING = frozenset({"deliver", "supply", "send", "ship", "provide", "sell"})


def _commercial_supply(tok: Token, actor_heads: list[Token], target_heads: list[Token]) -> bool:
    """"Microsoft had delivered development kits to EA", "cars were supplied with the pumps",
    "a pump supplied by Bosch": goods handed by or to companies — no state, authority, party
    or people among them — are trade, not aid (manual, AID: "material aid, grants, loans,
    humanitarian help")."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in _SUPPLYING:
        return False
    given = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN"]
    takers = [o for c in tok.children if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "for")
              for o in c.children if o.dep_ == "pobj"] + [c for c in tok.children if c.dep_ == "dative"
                                                           and c.pos_ != "ADP"]
    with_ = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for o in c.children
             if o.dep_ == "pobj" and o.pos_ == "NOUN"]
    if with_:
        # "Audi and Mercedes were supplied with the pumps", "Boeing is to supply Japan
        # Airlines with planes": the passive subject or the object takes.
        takers += [c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")]
        given = with_
    if not given and tok.dep_ == "acl" and tok.head.pos_ == "NOUN":
        given = [tok.head]  # "a pump supplied by parts maker Robert Bosch"
    agents = [o for c in tok.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    actor_heads = [*actor_heads, *(a for a in agents if a not in actor_heads)]
    parties = [*actor_heads, *takers]
    return bool(given) and bool(parties) and all(
        _goods(g.lemma_.lower()) and g.lemma_.lower() not in _AID_NOUNS for g in given) and all(
        (h.ent_type_ == "ORG" or (h.pos_ == "PRON" and h.lower_ in ("it", "they", "we")) or _firm(h))
        and not political(h) for h in parties)


@lru_cache(maxsize=20_000)
def _goods(lemma: str) -> bool:
    """A made thing, or a service sold ("telecommunications services"): what companies trade."""
    return _artifact(lemma) or _first_senses_under(lemma, _synsets(("service.n.01", "commodity.n.01")))


#: Businesses (WordNet, first sense): "carmakers", "the supplier", "the firm".
_FIRM_ANCHORS = ("business.n.01", "company.n.01", "manufacturer.n.01", "supplier.n.01")


@lru_cache(maxsize=20_000)
def _firm_lemma(lemma: str) -> bool:
    wn = wordnet()
    senses = wn.sense_ids(lemma, "n", 1)[:1] if wn else []
    anchors = _synsets(_FIRM_ANCHORS)
    return bool(senses) and bool(({senses[0]} | wn.ancestors(senses[0])) & anchors)


def _firm(h: Token) -> bool:
    return h.pos_ == "NOUN" and _firm_lemma(h.lemma_.lower())


def _money_for_no_one(tok: Token) -> bool:
    """"To fund the Seagram purchase", "the cost of funding the overhaul", "stop funding the
    US deficit": what is funded is an act, a cost or a sum — no person, body, state or place
    receives it, so nothing is given to anyone (manual, AID: "Requires recipient: Yes");
    not "fund the reconstruction of Iraq" (a place is named) nor "fund the rebels"."""
    if tok.lemma_.lower() != "fund":
        return False
    if tok.pos_ == "VERB":
        funded = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    else:
        funded = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
                  if o.dep_ == "pobj"]
    if not funded or any(c.dep_ in ("dative",) or (c.dep_ == "prep" and c.lower_ in ("to", "for"))
                         for c in tok.children):
        return False

    def no_one(o: Token) -> bool:
        # A possessor or an "of/in/for" object may be who gets the money ("Iraq's
        # reconstruction"); a compound only says what is funded ("the Seagram purchase").
        near = [m for m in o.subtree if m.dep_ in ("poss", "pobj") and m is not o]
        lemma = o.lemma_.lower()
        return o.pos_ == "NOUN" and lemma_class(lemma) not in ("agent", "crowd", "authority") and not (
            _place(lemma) or o.ent_type_ in _PARTIES) and not any(
            is_animate(m) or physical_place(m) or m.ent_type_ in _PARTIES or _place(m.lemma_.lower())
            for m in near)

    return all(no_one(o) for o in funded)


#: People in a market's roles (WordNet, first sense): what a company gives them is trade.
_MARKET_ROLE_ANCHORS = ("customer.n.01", "investor.n.01", "consumer.n.01", "user.n.01", "shareholder.n.01",
                        "buyer.n.01", "subscriber.n.01", "policyholder.n.01", "borrower.n.01", "saver.n.01")


@lru_cache(maxsize=20_000)
def _market_role(lemma: str) -> bool:
    wn = wordnet()
    senses = wn.sense_ids(lemma, "n", 1)[:1] if wn else []
    anchors = _synsets(_MARKET_ROLE_ANCHORS)
    return bool(senses) and (senses[0] in anchors or bool(wn.ancestors(senses[0]) & anchors))


def _given_to_a_market(tok: Token, target_heads: list[Token]) -> bool:
    """"Provides investors with high quality securities", "offers customers loans", "sent
    the e-mail to users": what goes to customers, investors, consumers or users is trade (the
    manual's AID goes to states, groups and people in need), whoever gives it."""
    takers = [c for c in tok.children if c.dep_ in ("dobj", "dative", "iobj") and c.pos_ == "NOUN"]
    takers += [o for c in tok.children if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "for")
               for o in c.children if o.dep_ == "pobj"]
    takers = [t for t in takers if is_animate(t) or _market_role(t.lemma_.lower())]
    return bool(takers) and all(t.pos_ == "NOUN" and _market_role(t.lemma_.lower()) for t in takers)


#: Words of trading on an exchange: what is halted or suspended there is trading.
_TRADING = frozenset({"dealing", "dealings", "listing", "quotation"})


def _trading_halt(tok: Token) -> bool:
    """"RLR's stock was halted this morning", "trading in the shares was suspended", "the
    companies will be suspended for two days, the Stock Exchange said": a halt of trading
    in securities is a market's rule, no sanction against anyone (manual, SANCTION:
    reductions in relations)."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in ("halt", "suspend"):
        return False
    halted = _patients(tok)
    if not halted:
        return False
    def traded(h: Token) -> bool:
        # "trading in the shares": trade in securities, not trade with a country
        return h.lemma_.lower() in ("trade", "trading") and any(
            c.dep_ == "prep" and c.lower_ == "in" and any(_market(o.lemma_.lower()) for o in c.children)
            for c in h.children)

    if all(_market(h.lemma_.lower()) or h.lemma_.lower() in _TRADING or traded(h) for h in halted):
        return True
    exchange = any(t.lemma_.lower() == "exchange" and any(
        c.dep_ == "compound" and c.lower_ == "stock" for c in t.children) for t in tok.sent)
    return exchange and all(h.ent_type_ == "ORG" or h.lemma_.lower() in ("company", "group", "firm")
                            for h in halted)


#: What a bill provides (WordNet): a draft, a statute, a law, a proposal.
_PROVISION_ANCHORS = ("legal_document.n.01", "law.n.01", "proposal.n.01", "bill.n.02", "statute.n.01")


@lru_cache(maxsize=20_000)
def _legal_text(lemma: str) -> bool:
    return _first_senses_under(lemma, _synsets(_PROVISION_ANCHORS))


def _provision(tok: Token, actor_heads: list[Token]) -> bool:
    """"The previous draft bill would have banned …": what a bill, a draft law or a proposal
    would or could do is its provision, no act announced by anyone (the audit's "bans a proposed bill
    could impose: no occurrence")."""
    modal = any(c.dep_ == "aux" and c.lower_ in _MODALS for c in tok.children)
    return modal and bool(actor_heads) and all(
        h.pos_ == "NOUN" and _legal_text(h.lemma_.lower()) for h in actor_heads)


#: Modals of what is not (yet) done: what a bill "would" or "could" do.
_MODALS = frozenset({"would", "could", "might", "may", "will", "'d", "'ll", "can"})


def _business_halted(tok: Token, actor_heads: list[Token]) -> bool:
    """"Output has been shut down since the strike", "the company shut down two plants": a
    halt of things — output, a plant, a mine — by no state, authority, armed force or crowd
    is a business stopping, not coercion (manual, COERCE: "repression, … restrictions on
    movement, communication, speech")."""
    if tok.pos_ != "VERB" or not (tok.lemma_.lower() == "shut" and any(
            c.dep_ == "prt" and c.lower_ == "down" for c in tok.children)):
        return False
    if any(armed(h) or political(h) or kind_of(h) in ("authority", "crowd") for h in actor_heads):
        return False
    halted = _patients(tok)
    return bool(halted) and all(not is_animate(h) and not political(h) and h.ent_type_ not in _PARTIES
                                for h in halted)


#: Verbs of fighting that, with an infinitive of purpose and no opponent, mean striving.
_STRIVE = frozenset({"fight", "battle", "struggle"})


def _striving(tok: Token) -> bool:
    """"Fight to get their voice heard", "battling to save the plant": a fight for a goal
    with no one fought (no object, no "with"/"against" opponent) is an effort, not violence
    (WordNet fight.v.02 "make a strenuous or labored effort")."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in _STRIVE:
        return False
    kids = list(tok.children)
    opponent = any(c.dep_ in ("dobj", "nsubjpass") for c in kids) or any(
        c.dep_ == "prep" and c.lower_ in ("with", "against") for c in kids)
    return not opponent and any(c.dep_ in ("xcomp", "advcl") and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in kids)


def _struck_from_a_list(tok: Token) -> bool:
    """"Strike a country from its list", "struck off the register": to strike from a writing
    is to delete (WordNet strike.v "remove by erasing or crossing out"), no blow struck."""
    if tok.lemma_.lower() != "strike" or tok.pos_ != "VERB":
        return False
    return any(c.dep_ in ("prep", "prt") and c.lower_ in ("from", "off") and any(
        o.dep_ == "pobj" and (_writing(o.lemma_.lower()) or _message(o.lemma_.lower())) for o in c.children)
        for c in tok.children)


#: Pronouns of "any": an act done to any of them is a rule or a supposition, no occurrence.
_ANYONE = frozenset({"anyone", "anybody", "whoever", "whomever", "anything"})


def _done_to_anyone(tok: Token) -> bool:
    """"Anyone convicted of selling … can be jailed", "I am not going to shoot anybody": the
    act's only patients are "anyone" — a law or a supposition, not an act that happened to
    someone."""
    patients = _patients(tok) if tok.pos_ == "VERB" else []
    return bool(patients) and all(p.lower_ in _ANYONE for p in patients)


def _news_conference(tok: Token) -> bool:
    """Hosting, holding or calling a news or press conference is a statement to the press,
    no meeting between parties (manual, CONSULT: meetings, visits, talks)."""
    confs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")] if tok.pos_ == "VERB" else [tok]
    return bool(confs) and all(
        any(m.dep_ in ("compound", "amod") and (m.lower_ in ("news", "press") or _press(m.lemma_.lower()))
            for m in c.children) for c in confs)


#: A decision of a court or an authority (WordNet, first two senses): what a legal appeal is against.
_DECISION_ANCHORS = ("due_process.n.01", "decision.n.01", "judgment.n.01", "legal_document.n.01",
                     "decree.n.01")


@lru_cache(maxsize=20_000)
def _decision(lemma: str) -> bool:
    return _first_senses_under(lemma, _synsets(_DECISION_ANCHORS))


def legal_appeal(tok: Token) -> bool:
    """An appeal against a ruling, a verdict, a sentence or a ban ("appealed against a
    finding", "can appeal the decision") takes a decision to a higher court: bringing to
    court is ACCUSE (manual, ACCUSE: "sue or bring to court"), not a request for help."""
    if tok.lemma_.lower() != "appeal":
        return False
    against = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    against += [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "against"
                for o in c.children if o.dep_ == "pobj"]
    return any(_decision(a.lemma_.lower()) for a in against)


#: Prices, rates, charges, taxes and pay (WordNet, first two senses): what is asked, frozen
#: or cut on a market, not a demand on anyone nor a sanction against anyone.
_PRICE_ANCHORS = ("monetary_value.n.01", "price.n.02", "cost.n.01", "rate.n.02", "tax.n.01", "fee.n.01")


@lru_cache(maxsize=20_000)
def _price(lemma: str) -> bool:
    return _first_senses_under(lemma, _synsets(_PRICE_ANCHORS))


#: Restrictions (WordNet, first two senses) — what a concession eases or lifts (manual,
#: CONCEDE: "easing of administrative or legal restrictions … removing curfews").
_RESTRICTION_ANCHORS = ("restriction.n.01", "restriction.n.02", "restriction.n.03", "rule.n.01", "limit.n.01",
                        "control.n.05", "prohibition.n.02", "sanction.n.01", "sanction.n.02", "decree.n.01",
                        "legal_document.n.01", "restraint.n.01", "tax.n.01")
#: Restrictions WordNet files elsewhere: an emergency, a cap, a quota, a moratorium.
_RESTRICTIONS = frozenset({"emergency", "cap", "quota", "moratorium", "requirement", "lockdown", "duty",
                           "tariff", "freeze", "martial"})
#: Lexicon types whose nouns are restrictions when lifted ("lift the curfew", "the blockade").
_RESTRICTIVE_TYPES = frozenset({"COERCE", "SANCTION", "ASSAULT", "PROTEST"})
#: Verbs of CONCEDE that ease something.
_EASING = frozenset({"ease", "lift", "relax", "loosen", "soften"})


@lru_cache(maxsize=20_000)
def _restriction(lemma: str) -> bool:
    if lemma in _RESTRICTIONS or NOUNS.get(lemma, ("",))[0] in _RESTRICTIVE_TYPES:
        return True
    return _first_senses_under(lemma, _synsets(_RESTRICTION_ANCHORS))


def _nothing_restrictive_eased(tok: Token) -> bool:
    """"Lift the pace of sales growth", "when the workload eases": a concession eases or
    lifts a restriction (manual, CONCEDE) — its object, or the thing said to be eased, or
    their "of"/"on" complement ("the state of emergency", "restrictions on travel")."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in _EASING:
        return False
    eased = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if not eased and tok.dep_ == "acl" and tok.tag_ == "VBN":
        eased = [tok.head]
    if not eased:
        eased = [c for c in tok.children if c.dep_ == "nsubj"]  # "the curfew eased"
    eased += [c for e in eased for c in e.conjuncts]  # "eased travel and other restrictions"
    near = [*eased, *(o for e in eased for p in e.children if p.dep_ == "prep" and p.lower_ in ("of", "on")
                      for o in p.children if o.dep_ == "pobj"),
            *(m for e in eased for m in e.children if m.dep_ in ("compound", "amod"))]
    return not any(_restriction(t.lemma_.lower()) or _restriction(t.lower_) for t in near)


#: Securities, prices, currencies and commodities (WordNet): a market's words.
_MARKET_ANCHORS = ("security.n.04", "price.n.02", "currency.n.01", "monetary_unit.n.01", "commodity.n.01",
                   "stock.n.01")


@lru_cache(maxsize=20_000)
def _market(lemma: str) -> bool:
    """The noun's first two senses include a security, a price, a currency or a commodity
    ("bond", "share", "dollar", "price"): a market's word."""
    return _first_senses_under(lemma, _synsets(_MARKET_ANCHORS))


def _market_rally(tok: Token, actor_heads: list[Token]) -> bool:
    """A "rally" of securities, prices or currencies is a rise in prices (WordNet rally.n:
    "a marked recovery of prices"): its own phrase names one ("the rally in bond futures",
    "the dollar rally"), or its sentence names one and nobody at all; not people rallying
    ("activists staged rallies against the leader")."""
    if tok.lemma_.lower() != "rally" or tok.pos_ not in ("NOUN", "VERB"):
        return False
    if any(is_animate(h) or kind_of(h) in ("crowd", "authority", "agent") for h in actor_heads):
        return False
    if tok.pos_ == "VERB":
        # "the dollar rallied", "prices rallied": what rallies is no one (WordNet rally.v
        # "return to a former condition"; people rally in a demonstration).
        subjects = [c for c in tok.children if c.dep_ == "nsubj"] or actor_heads
        market_sentence = any(t.pos_ == "NOUN" and _market(t.lemma_.lower()) for t in tok.sent)
        return bool(subjects) and all(
            not is_animate(h) and h.ent_type_ not in _PARTIES
            and (h.pos_ == "NOUN" or _market(h.lemma_.lower()) or (h.lower_ == "it" and market_sentence))
            for h in subjects)  # "it rallied briefly amid signs that oil prices are easing"
    own = [t for t in tok.subtree if t.i != tok.i and t.pos_ == "NOUN"]  # "the rally of … in bond futures"
    if any(_market(t.lemma_.lower()) for t in own):
        return True
    sent = tok.sent
    nobody = not any(t.ent_type_ in _PARTIES or (t.pos_ in ("NOUN", "PRON") and is_animate(t)) for t in sent)
    return nobody and any(t.pos_ == "NOUN" and _market(t.lemma_.lower()) for t in sent)


#: Where a market sends prices: "sent shares up", "sent the dollar lower".
_DIRECTIONS = frozenset({"up", "down", "higher", "lower", "soaring", "tumbling"})

#: Verbs of giving that, declined with information as object, are no comment.
_GIVING = frozenset({"provide", "give", "offer", "release", "disclose", "issue", "make"})


def _no_information(tok: Token) -> bool:
    """"Declined to provide guidance", "declined to give details": declining to give
    information is declining to comment (no demand was rejected)."""
    if tok.lemma_.lower() != "decline":
        return False
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in _GIVING and any(
        d.dep_ == "dobj" and (_message(d.lemma_.lower()) or _idea(d.lemma_.lower())) for d in c.children)
        for c in tok.children)


def _nothing_released(tok: Token) -> bool:
    """"The release of water behind the dam", "the release of the film": a release of things
    frees no captive (manual, RETREAT release: "release captives")."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in ("release", "freeing"):
        return False
    of = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
          for o in c.children if o.dep_ == "pobj"]
    return bool(of) and all(is_inanimate(o) and not physical_place(o) and o.ent_type_ not in _PARTIES
                            for o in of)


#: Modals that make what is agreed a commitment ("agreed that talks would resume").
_COMMITMENT = frozenset({"will", "would", "shall", "should", "must", "'ll"})


def _opinion_shared(tok: Token) -> bool:
    """"Analysts agree that the government probably has a target range": agreeing that
    something is so shares an opinion (WordNet agree.v.01 "be in accord"), no commitment to
    cooperate (manual, AGREE) — unless what is agreed is to come ("agreed that talks would
    resume", "agreed that both armies must withdraw")."""
    # "Accept that …" holds a statement true (WordNet accept.v.01 "consider or hold as true";
    # eleventh round: "he accepted that the fires damaged the party's image").
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in ("agree", "concur", "accept") or tok.dep_ in (
            "acl", "relcl"):
        return False
    kids = list(tok.children)
    if any(c.dep_ in ("xcomp", "dobj") for c in kids) or any(
            c.dep_ == "prep" and c.lower_ in ("on", "to") for c in kids):
        return False
    # The clause agreed to: "that …", right after the verb ("agree there is"), or a quote
    # before it ('"…," agreed Mr Morgenstern'); not a clause the parser hung on it from afar.
    clauses = [c for c in kids if c.dep_ == "ccomp" and (
        c.i < tok.i or c.left_edge.i <= tok.i + 1
        or any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children))]
    return bool(clauses) and not any(
        a.dep_ == "aux" and a.lower_ in _COMMITMENT for c in clauses for a in c.children)


def _text_on_a_subject(tok: Token, actor_heads: list[Token]) -> bool:
    """"The committee's report also discussed the scandal": a report, a study or a letter
    that discusses something treats a subject; no one met (manual, CONSULT: meetings,
    visits, talks)."""
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]  # the text itself discusses
    return tok.pos_ == "VERB" and bool(subjects) and all(
        h.pos_ == "NOUN" and not is_animate(h) and (_message(h.lemma_.lower()) or _writing(h.lemma_.lower()))
        for h in subjects)


@lru_cache(maxsize=20_000)
def _state(lemma: str) -> bool:
    """The noun's first sense is a state — a condition of the body or the mind (WordNet
    ``state.n.02``: "heart attack", "panic attack")."""
    wn = wordnet()
    senses = wn.sense_ids(lemma, "n", 1)[:1] if wn else []
    return bool(senses and wn.ancestors(senses[0]) & _synsets(("state.n.02",)))


def _state_named(tok: Token) -> bool:
    """"Had a heart attack", "suffers panic attacks": the event noun and its modifier name,
    together, a state of the body or the mind in WordNet — no one attacked anyone."""
    if tok.pos_ != "NOUN":
        return False
    lemma = tok.lemma_.lower()
    return any(c.dep_ in ("compound", "amod") and c.i == tok.i - 1 and _state(f"{c.lemma_.lower()}_{lemma}")
               for c in tok.children)


#: Named things whose words are no events: bodies, works, products, laws, buildings.
_NAME_LABELS = frozenset({"ORG", "WORK_OF_ART", "PRODUCT", "LAW", "FAC"})


def _inside_a_name(tok: Token) -> bool:
    """A trigger word inside the name of a body, a work, a product, a law or a building
    ("Consumers Against Supermarket Privacy Invasion", "the Stop the War Coalition", "the
    Prevention of Terrorism Act") names it; nothing happened. Only a name of several words
    that goes on past the trigger, and only a capitalised trigger: a one-word "name" is
    often the tagger's mistake ("Fighting broke out" tagged ORG)."""
    if tok.ent_type_ not in _NAME_LABELS or not tok.is_title:
        return False
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end - start >= 3 and end - 1 > tok.i


#: Words a noun phrase is made of, between "provided (that)" and the verb of its clause.
_PHRASE_TAGS = frozenset({"DT", "PDT", "PRP$", "PRP", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD",
                          "POS", "HYPH"})


def _condition(tok: Token) -> bool:
    """"provided (that)" / "providing" as a conjunction of condition: the word has no subject
    or auxiliary of its own and a clause follows it — a noun phrase, then a finite verb
    ("…, provided the companies repaid their loans"; the parser often reads the phrase as
    its object). Nothing is given."""
    if tok.lower_ not in ("provided", "providing") or any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children):
        return False
    doc, j = tok.doc, tok.i + 1
    if j < len(doc) and doc[j].lower_ == "that":
        j += 1
    start = j
    while j < len(doc) and j - start < 8 and doc[j].tag_ in _PHRASE_TAGS:
        j += 1
    return j > start and j < len(doc) and doc[j].tag_ in ("VBZ", "VBD", "VBP", "MD")


def no_event_reasons(tok: Token, ev_type: str, actor_heads: list[Token], event_nouns: frozenset[str],
                     target_heads: list[Token] | None = None, mode: str | None = None) -> Iterator[str]:
    """Every reason, in order, why the trigger ``tok`` typed ``ev_type`` reports no event
    (module docstring); lazily, so the first costs no more than it alone."""
    lemma = tok.lemma_.lower()

    def no_one(c: Token) -> bool:
        place = c.ent_type_ in ("GPE", "LOC", "FAC")
        return c.dep_ in ("dobj", "nsubjpass") and is_inanimate(c) and not place

    if tok.pos_ == "VERB" and lemma in HUMAN_PATIENT and ev_type != "SANCTION" and (any(
        no_one(c) for c in tok.children
    ) or (tok.dep_ == "acl" and tok.tag_ == "VBN" and is_inanimate(tok.head)
          and not physical_place(tok.head))):
        yield "no human patient"  # also "securities recognised by the agency", "a report released"
    if tok.pos_ == "VERB" and ev_type in _REFUSABLE and tok.dep_ == "xcomp" and _refusal(tok.head):
        yield "refused"  # "refuses to accept Syria's denials": the refusal is the act (REJECT)
    if tok.pos_ == "VERB" and lemma in CAPTIVE_PATIENT and not any(is_animate(p) for p in _patients(tok)):
        yield "no captive released"
    if (tok.pos_ in ("NOUN", "PROPN") and ev_type not in _MATERIAL_NOUNS and not actor_heads
            and not target_heads):
        yield "no participant"
    if tok.pos_ == "VERB" and ev_type in _ACTOR_NEEDED and not actor_heads:
        yield "no actor"
    if actor_heads and all(_nobody(h) for h in actor_heads):
        yield "nobody acted"  # "none of the members has asked for such a meeting"
    if tok.pos_ == "NOUN" and lemma == "demand" and tok.tag_ == "NN" and not any(
            c.dep_ in ("det", "poss") for c in tok.children):
        yield "demand of a market"  # "consumer demand", "demand for oil fell"; not "a demand", "their demand"
    if tok.pos_ == "NOUN" and ev_type == "REQUEST" and not any(
        is_animate(h) or h.ent_type_ in ("ORG", "GPE", "NORP", "PERSON") for h in actor_heads
    ):
        yield "nobody asking"  # "demands on government funds", "broaden its appeal"
    if ev_type == "ASSAULT" and tok.pos_ == "NOUN" and any(
            c.dep_ in ("compound", "amod") and c.lower_ in FIGURATIVE_FIGHTS for c in tok.children):
        yield "a fight of words or law"  # "its court battles with Pennzoil", "a legal battle"
    if tok.pos_ == "NOUN" and tok.lower_ == "talk" and not any(
        c.dep_ == "prep" and c.lower_ in ("with", "between", "on", "about", "over") for c in tok.children
    ):
        yield "talk as rumour"  # "there was talk of other clubs"; not "for talk on limiting missiles"
    if tok.pos_ == "VERB" and _poll_answer(tok):
        yield "a poll answer"  # "47% said they supported the legislation"
    if tok.pos_ == "VERB" and ev_type in ("REQUEST", "THREATEN") and _not_a_request(tok, ev_type):
        yield "not a demand"
    if tok.pos_ == "VERB":
        why = _other_sense(tok, lemma)
        if why:
            yield why
    if ev_type == "MOBILIZE" and not _armed(tok, actor_heads):
        yield "no armed force"
    if ev_type == "REJECT" and tok.pos_ == "VERB" and not any(
        c.dep_ in ("dobj", "xcomp", "ccomp", "nsubjpass", "dative") for c in tok.children
    ) and tok.dep_ not in ("acl", "relcl"):
        yield "nothing rejected"  # "its load factor declined 1.6 pct"
    if lemma in ("explode", "explosion", "blast"):
        burst = [c for c in tok.children if (c.dep_ == "nsubj" and tok.pos_ == "VERB")
                 or (c.dep_ == "compound" and c.i < tok.i)]
        if burst and not any(physical(b) or is_animate(b) or b.lower_ in event_nouns for b in burst):
            yield "no bursting thing"  # "the industry is set to explode", "traffic explosion"
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "compound" and not _event_head(tok.head):
        yield "compound modifier"
    if ev_type in RECIPIENT_TYPES and not _has_recipient(tok, ev_type):
        yield "no recipient"
    if tok.pos_ == "VERB" and lemma == "provide" and _condition(tok):
        yield "a condition"  # "approved the closures, provided the companies repaid their loans"
    if ev_type == "AID" and tok.pos_ == "VERB" and _nothing_material(tok):
        yield "nothing material given"  # "provided evidence to the committee"
    if ev_type == "AID" and tok.pos_ == "VERB" and lemma in _SENDING and _message_sent(tok):
        yield "a message sent"  # "a letter has been sent to him", "sent the e-mail to Newsnight"
    actor_heads = [_antecedent(h) for h in actor_heads]

    def thing(h: Token) -> bool:
        # An event ("the signing") or a text ("the declaration demanded") speaks for people;
        # a material act the lexicon knows does not, even when WordNet files it as an edict
        # ("the ban threatens to reignite tensions").
        lemma = h.lemma_.lower()
        material = NOUNS.get(lemma, ("",))[0] in MATERIAL_TYPES
        return (is_inanimate(h) and kind_of(h) not in FORCES
                and h.tag_ != "VBG" and (material or not _message(lemma)) and not armed(h)
                and not (_event_lemma(lemma) and lemma not in event_nouns))  # "the signing"; not "the ban"

    if ev_type in _ACTED_TYPES and actor_heads and all(thing(h) for h in actor_heads):
        yield "inanimate actor"
    done_to = [*_patients(tok), *(target_heads or [])]
    abstract_actors = bool(actor_heads) and all(_abstract_actor(h, event_nouns) for h in actor_heads)
    if ev_type == "ASSAULT" and abstract_actors and not any(
            is_animate(p) or physical_place(p) for p in done_to):
        yield "abstract actor"  # "the move has destroyed part of the policy", "inflation hit savers' plans"
    if ev_type in ("ASSAULT", "CONCEDE") and tok.pos_ == "VERB" and _measured_move(tok):
        yield "a market move"  # "exports shot up 7.5%", "lifted interest rates 0.25% to 5.5%"
    if ev_type in ("COOPERATE", "RETREAT", "SUPPORT") and tok.pos_ == "VERB" and _price_move(tok):
        yield "a price move"  # "silver futures retreated slightly", "soyoil supported the market"
    if ev_type == "ASSAULT" and _control_of_no_place(tok, actor_heads):
        yield "control of a business"  # "has taken day-to-day control of its car business"
    if ev_type == "ASSAULT" and mode == "targeted" and _nothing_alive(tok):
        yield "nothing killed"  # "killing the ball", "the best execution yet of a crossover vehicle"
    if ev_type == "ASSAULT" and tok.pos_ == "VERB" and not any(armed(h) for h in actor_heads):
        # An armed actor makes the act physical ("the artillery pounded the movements of a group").
        objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        if objs and all(_abstract_target(tok, c) for c in objs):
            yield "abstract target"
    # A "meeting" in a sports report is a fixture ("the TEAG indoor meeting in Erfurt", "her
    # meeting with Martinez" at a tennis tournament), read by the game's words like an attack.
    game_words = ev_type in MATERIAL_TYPES or ev_type == "THREATEN" or (
        ev_type == "CONSULT" and lemma in ("meeting", "meet"))
    if (lemma not in CUSTODY_WORDS and not _harm_done_by_someone(tok, actor_heads)
            and (sport_sentence(tok.sent) or sport_document(tok.doc, weak=game_words)) and not any(
                kind_of(h) in ("authority", "crowd") or armed_people(h)
                for h in [*actor_heads, *(target_heads or [])]
            )):
        # Police, troops, fighters or a crowd are no players ("the crowd marched past the club");
        # nor is custody, nor a person someone stabbed or shot.
        yield "sport"
    if ev_type in ("ASSAULT", "COERCE", "THREATEN") and _video_game(tok.doc) and not any(
        _political_participant(h, ev_type) for h in [*actor_heads, *(target_heads or [])]
    ):
        # "shoot Ewoks", "seize strategic waypoints", "players must battle soldiers" in a
        # game review; not "a gunman who played video games shot three soldiers".
        yield "a video game"
    domain = other_domain(tok.doc) if ev_type in MATERIAL_TYPES and mode not in ("arrest", "cyber") else None
    teams = domain == "contest"
    if domain and not any(
        _political_participant(h, ev_type, teams=teams) for h in [*actor_heads, *(target_heads or [])]
    ) and not _harm_to_someone(tok, target_heads or []):
        yield "other domain"  # "Muse beat Franz Ferdinand", "collaborated with director Spike Lee"
    # Fifth round (written from the fresh development set's errors, ``bench events judged --fresh``).
    if ev_type == "THREATEN" and _warning_of_no_act(tok):
        yield "a warning of no act"  # "warned of lower margins", "warned that people should stay alert"
    if ev_type == "ASSAULT" and figurative_fight(tok, actor_heads, target_heads or []):
        yield "a figurative fight"  # "an uphill battle", "ministers fighting over the budget"
    stance = ev_type in ("SUPPORT", "REJECT") or (ev_type == "REQUEST" and lemma in SPEECH_VERBS)
    if stance and _poll_stance(tok, actor_heads):
        yield "a poll answer"  # "most city-dwellers support the ban"
    if ev_type == "SUPPORT" and _product_praised(tok):
        yield "a product praised"  # "praised the Honda Accura as the best execution yet"
    if ev_type in ("REJECT", "ACCUSE", "CONCEDE", "SUPPORT") and _dared(tok):
        yield "asked or dared"  # "challenged Mr Brown to deny reports"
    if ev_type in ("SANCTION", "THREATEN", "CONCEDE", "COERCE") and _trading_halt(tok):
        yield "a trading halt"  # "RLR's stock was halted this morning"
    if ev_type == "AID" and tok.pos_ == "VERB" and _given_to_a_market(tok, target_heads or []):
        yield "given to a market"  # "provides investors with high quality securities"
    if ev_type == "AID" and _money_for_no_one(tok):
        yield "money for no one"  # "to fund the Seagram purchase", "stop funding the US deficit"
    if ev_type == "AID" and _commercial_supply(tok, actor_heads, target_heads or []):
        yield "commercial supply"  # "Microsoft had delivered development kits to EA"
    if (ev_type in MATERIAL_TYPES or ev_type == "THREATEN") and _provision(tok, actor_heads):
        yield "a bill's provision"  # "the previous draft bill would have banned…"
    if ev_type == "COERCE" and _business_halted(tok, actor_heads):
        yield "a business halted"  # "output has been shut down since the strike"
    if ev_type == "ASSAULT" and _striving(tok):
        yield "striving"  # "will have to fight to get their voice heard"
    if _struck_from_a_list(tok):
        yield "struck from a list"  # "whether it will strike more countries from its list"
    if ev_type in MATERIAL_TYPES and _done_to_anyone(tok):
        yield "anyone at all"  # "anyone convicted of it can be jailed"
    if ev_type in ("CONSULT", "AGREE") and _news_conference(tok):
        yield "a news conference"  # "will host a news conference every morning"
    if ev_type == "REQUEST" and tok.pos_ == "VERB" and lemma == "ask" and any(
            c.dep_ == "dobj" and _price(c.lemma_.lower()) and not c.ent_type_ and not is_animate(c)
            for c in tok.children) and not any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
        yield "a price asked"  # "asking prices have fallen 3.3%"
    if ev_type == "SANCTION" and tok.pos_ == "VERB" and lemma == "freeze" and _patients(tok) and all(
            _price(p.lemma_.lower()) for p in _patients(tok)):
        yield "a price frozen"  # "has frozen the base pay rates", "freezing tariffs"
    if ev_type == "AID" and lemma == "send" and any(
            c.dep_ in ("prt", "advmod") and c.lower_ in _DIRECTIONS for c in tok.children):
        yield "sent up or down"  # "the news sent shares up 8.5p"
    if ev_type == "CONCEDE" and _nothing_restrictive_eased(tok):
        yield "nothing restrictive eased"  # "to lift the pace of sales growth", "when the workload eases"
    if ev_type == "REJECT" and tok.pos_ == "VERB" and _no_information(tok):
        yield "no information given"  # "Ford declined to provide guidance for the first quarter"
    if ev_type == "RETREAT" and _nothing_released(tok):
        yield "nothing released"  # "the release of water behind the dam"
    if ev_type == "PROTEST" and _market_rally(tok, actor_heads):
        yield "a market rally"  # "the rally of the last two weeks in bond futures"
    if ev_type == "AGREE" and _opinion_shared(tok):
        yield "an opinion shared"  # "other analysts agree that the government probably has…"
    if ev_type == "CONSULT" and _text_on_a_subject(tok, actor_heads):
        yield "a text on a subject"  # "the committee's report also discussed the scandal"
    if _state_named(tok):
        yield "a state named"  # "after he had a heart attack in October"
    if _inside_a_name(tok):
        yield "part of a name"  # "Consumers Against Supermarket Privacy Invasion and Numbering"
    # Seventh round (``everyday.py``; written from the development sample of seed 715).
    if tok.pos_ == "NOUN" and bare_kind(tok):
        yield "a kind of act"  # "killings rose", "hunger strike is a weapon of last resort"
    if financial_instrument(tok, ev_type):
        yield "a financial instrument"  # "an offer of 400,000 shares", "granted an option"
    if act_advised(tok, ev_type):
        yield "an act advised"  # "no options should be rejected"
    if kind_of_people(tok, ev_type, actor_heads):
        yield "a kind of people"  # "elderly users might not accept such innovation"
    if ease(tok):
        yield "a matter of ease"  # "it was difficult to discuss capitalisation"
    if ev_type == "ACCUSE" and alleged_words(tok):
        yield "words alleged"  # "he is alleged to have told the prime minister"
    if title_words(tok):
        yield "a title"  # "Meet The Fockers opens on Friday"
    if tok.pos_ == "VERB" and nominal_participle(tok):
        yield "the accused"  # "penalties against the accused and their accomplices"
    if ev_type == "REJECT" and confirm_or_deny(tok):
        yield "confirm or deny"  # "no information to confirm or deny the report"
    if ev_type == "SANCTION" and recalled_thing(tok):
        yield "a recall of no one"  # "some will recall the news footage"
    if ev_type == "THREATEN" and threat_to_an_idea(tok, actor_heads):
        yield "a threat to an idea"  # "that could further threaten Germany's hopes"
    if ev_type == "REJECT" and tok.pos_ == "VERB" and _measured_move(tok):
        yield "a measured fall"  # "its load factor declined 1.6 pct"
    if ev_type == "SUPPORT" and nothing_supported(tok):
        yield "nothing supported"  # "we had to defend for long periods"
    if ev_type == "ASSAULT" and game_equipment_hit(tok):
        yield "game equipment"  # "I was striking the ball much better"
    if ev_type in _ACTED_TYPES and finding(actor_heads):
        yield "a finding"  # "the research endorses our policy", "the award recognises new writing"
    # Eleventh round (``definitions.py``): what a type is not, from the manual's definitions.
    if question(tok):
        yield "a question"  # "asked whether his technique would be outlawed"
    if capacity(tok, [*actor_heads, *(target_heads or [])]):
        yield "a capacity"  # "buyers have more power to negotiate", "the possibility of deportation"
    if request_content(tok, ev_type):
        yield "the content of a request"  # "appealed to the United States to restrict its releases"
    if market_public(tok, ev_type, actor_heads, target_heads or []):
        yield "a market's public"  # "150,000 shoppers visited", "will appeal to PC users"
    if web_visit(tok, ev_type):
        yield "a web visit"  # "surfers were unable to visit the official re-election site"
    if hosted_show(tok, ev_type):
        yield "a show hosted"  # "has been hosting The John Peel Show"
    if nothing_of_help_sent(tok, ev_type):
        yield "nothing of help sent"  # "information packs were sent out to the schools"
    if market_rule(tok, ev_type, mode, actor_heads):
        yield "a market's rule"  # "an absolute ban on dual trading"
    if retreat_of_words(tok, ev_type, actor_heads):
        yield "a retreat of words"  # "accused the government of surrendering on the issue"
    if promised_state(tok, ev_type):
        yield "a promised state"  # "this year's event promises to be the best yet"


def no_event(tok: Token, ev_type: str, actor_heads: list[Token], event_nouns: frozenset[str],
             target_heads: list[Token] | None = None, skip: frozenset[str] = frozenset(),
             mode: str | None = None) -> str | None:
    """Why the trigger ``tok`` typed ``ev_type`` (``mode``) reports no event, or None;
    reasons named in ``skip`` are not applied (the typing benchmark's ablation)."""
    reasons = no_event_reasons(tok, ev_type, actor_heads, event_nouns, target_heads, mode)
    return next((r for r in reasons if r not in skip), None)


# Public names for ``definitions.py`` (which imports them lazily: it is imported from here).
question_noun = _question
place_noun = _place
market_role = _market_role
political_participant = _political_participant
