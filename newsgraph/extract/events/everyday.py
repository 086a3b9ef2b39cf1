"""Everyday senses of event words that report no occurrence (issue 13, typing, seventh round).

Written from the errors of a fresh development-half sample (``bench events judged``, seed
715) as general English, each checked against WordNet and the PLOVER manual's definitions
— not one rule per error. ``senses.no_event_reasons`` asks these:

- **a financial instrument**: an offer, a grant, an approval or a promise whose theme is a
  security, a share, an option or a dividend (WordNet, first two senses under
  ``security.n.04`` "a formal declaration that documents a fact of relevance to finance",
  ``derivative_instrument.n.01``, ``stock.n.01``, ``dividend.n.01``) is a market
  transaction: "began an offer of 400,000 shares", "granted an option to buy shares",
  "approved a dividend". PLOVER's AGREE, AID and SUPPORT are acts between political or
  economic actors about cooperation, aid or policy; a takeover offer "for" shares stays;
- **an act advised**: a verb under "should" or "ought" with no "by" agent ("no options
  should be rejected", "he should apologise") says what ought to be, not that anyone did
  or plans it — an opinion (rubric: "an opinion worded like a demand" is no event; the
  sixth round: an act someone is urged to do is none);
- **a kind of people**: a verbal or cooperative act under a modal of possibility ("might",
  "would", "could", "may", "can") whose every actor is a bare plural noun naming people
  (WordNet first sense under ``person.n.01`` or ``people.n.01`` but no leader or worker —
  bare "ministers" are the government's; no determiner, number or name: "elderly users
  might not accept", "people would accept it if…") is a disposition of a kind of people,
  no act of anyone in particular (ACE: generic);
- **a share of people**: "one-third believe he should resign", "one in 10 recognised him":
  what a share of the public thinks or knows is a poll's answer;
- **a matter of ease**: an infinitive completing an adjective of ease or difficulty ("it
  was difficult to discuss capitalisation", "impossible to negotiate") says what can be
  done, not that it was;
- **said, not done**: "he is alleged to have told the minister…" reports words said, no
  wrongdoing alleged (manual, ACCUSE: accusations of wrongdoing);
- **the accused**: a participle with a determiner heading a noun phrase names people;
- **confirm or deny**: "would neither confirm nor deny" denies nothing;
- **a recall of no one**: recalling footage or cars is remembering or a product recall
  (manual, SANCTION: recall of envoys);
- **a threat to an idea**: "that could threaten Germany's hopes" — nobody threatens, a hope
  is at risk (manual, THREATEN: threats by actors);
- **a finding**: a study, a survey, research or an award as the only actor ("the research
  endorses our policy", "the award recognises new writing") acts for no one;
- **nothing supported**: "we had to defend for long periods" — no one, no policy;
- **game equipment**: "striking the ball", "hit the puck" — a game, no assault;
- **a title**: a capitalised trigger inside a run of three or more capitalised words in a
  sentence that is not itself written in title case ("Consumers Against Supermarket
  Privacy Invasion and Numbering", "Meet The Fockers opens…") is part of a name the
  tagger did not label.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from newsgraph.extract.events.agency import is_animate, kind_of
from newsgraph.extract.events.lexicon import SPEECH_VERBS, VERBS
from newsgraph.nlp.wordnet import wordnet

__all__ = [
    "act_advised",
    "alleged_words",
    "confirm_or_deny",
    "ease",
    "financial_instrument",
    "finding",
    "game_equipment_hit",
    "kind_of_people",
    "nominal_participle",
    "nothing_supported",
    "recalled_thing",
    "share_of_people",
    "threat_to_an_idea",
    "title_words",
]

Token = Any

#: WordNet senses of securities, shares, options and dividends: what a market trades.
FINANCE_ANCHORS: tuple[str, ...] = ("security.n.04", "derivative_instrument.n.01", "stock.n.01",
                                    "dividend.n.01")
#: Types whose theme may be such an instrument: an offer, a promise, a grant, an approval.
_THEMED_TYPES = frozenset({"AGREE", "AID", "SUPPORT", "CONCEDE"})


@lru_cache(maxsize=1)
def _finance_anchors() -> frozenset[str]:
    wn = wordnet()
    return frozenset(s for s in (wn.synset(n) for n in FINANCE_ANCHORS) if s) if wn else frozenset()


@lru_cache(maxsize=20_000)
def _instrument_lemma(lemma: str) -> bool:
    wn = wordnet()
    if wn is None:
        return False
    anchors = _finance_anchors()
    return any(s in anchors or wn.ancestors(s) & anchors for s in wn.sense_ids(lemma, "n", 2)[:2])


def _instrument(t: Token) -> bool:
    # "securities" is a certificate in the plural (the singular is first of all safety).
    return t.pos_ == "NOUN" and (_instrument_lemma(t.lemma_.lower()) or t.lower_ == "securities")


def financial_instrument(tok: Token, ev_type: str) -> bool:
    """The trigger's theme — object, passive subject, or the "of" object of a noun — is a
    security, a share, an option or a dividend ("an offer of 400,000 shares", "granted an
    option", "approved a dividend"): a market transaction, no political act."""
    if ev_type not in _THEMED_TYPES:
        return False
    if tok.pos_ == "VERB":
        # In "were granted an option" the passive subject receives; the object is the theme.
        themes = [c for c in tok.children if c.dep_ == "dobj"] or [
            c for c in tok.children if c.dep_ == "nsubjpass"]
    elif tok.pos_ == "NOUN":
        themes = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                  for o in c.children if o.dep_ == "pobj"]
    else:
        return False
    return bool(themes) and all(_instrument(t) for t in themes)


#: Modals of advice: what should or ought to be done.
_ADVICE = frozenset({"should", "ought"})


def act_advised(tok: Token, ev_type: str) -> bool:
    """"No options should be rejected", "he should apologise", "the government should
    recognise its shortcomings": a verb under a modal of advice (with no "by" agent) is an
    opinion of what ought to be done — the demand, if any, is the speaker's (REQUEST at the
    reporting verb), not the act."""
    if tok.pos_ != "VERB" or ev_type in ("REQUEST", "THREATEN"):
        return False
    auxes = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    agent = any(c.dep_ == "agent" for c in tok.children)
    return bool(auxes & _ADVICE) and not agent


#: Modals of possibility and disposition: what a kind of people might or would do.
_POSSIBLE = frozenset({"might", "may", "could", "would", "can", "ca", "'d"})
#: Verbal and cooperative types: a disposition of a kind of people is none of them.
_DISPOSITION_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT",
                                "COOPERATE", "AID"})


#: People named by an office or a trade (WordNet): "ministers", "officials", "workers" without
#: an article are still those of the story ("ministers would consult on the proposals").
OFFICE_ANCHORS: tuple[str, ...] = ("leader.n.01", "worker.n.01")


@lru_cache(maxsize=20_000)
def _person_lemma(lemma: str) -> bool:
    wn = wordnet()
    if wn is None:
        return False
    people = {a for a in (wn.synset(n) for n in ("person.n.01", "people.n.01")) if a}
    office = {a for a in (wn.synset(n) for n in OFFICE_ANCHORS) if a}
    senses = wn.sense_ids(lemma, "n", 1)[:1]
    if not senses:
        return False
    up = {senses[0]} | wn.ancestors(senses[0])
    return bool(up & people) and not up & office


def _bare_plural_people(h: Token) -> bool:
    """"users", "elderly users", "people": a plural common noun naming people, with no
    determiner, possessive, number or name — a kind, not someone in particular."""
    if h.pos_ != "NOUN" or h.tag_ != "NNS" or h.ent_type_:
        return False
    if any(c.dep_ in ("det", "poss", "nummod", "predet", "quantmod") or c.pos_ == "PROPN" or c.ent_type_
           or c.dep_ in ("relcl", "acl") for c in h.children):
        return False
    return _person_lemma(h.lemma_.lower())


def kind_of_people(tok: Token, ev_type: str, actor_heads: list[Token]) -> bool:
    """"Elderly users might not accept such innovation", "people would accept RFID if…": a
    verbal or cooperative act under a modal of possibility whose every actor is a kind of
    people (``_bare_plural_people``) — a disposition, no one's act."""
    if tok.pos_ != "VERB" or ev_type not in _DISPOSITION_TYPES or not actor_heads:
        return False
    if not any(c.dep_ == "aux" and c.lower_ in _POSSIBLE for c in tok.children):
        return False
    return all(_bare_plural_people(h) for h in actor_heads)


#: Words naming a fraction of a whole ("a third", "one-third", "half", "most").
_FRACTIONS = frozenset({"percent", "%", "quarter", "quarters", "third", "thirds", "half", "fifth", "fifths",
                        "majority", "minority", "most", "tenth"})


def share_of_people(h: Token) -> bool:
    """A share of the public as a subject: "one-third", "two-thirds of voters", "one in 10"."""
    word = h.lower_
    if "-" in word and word.rsplit("-", 1)[1] in _FRACTIONS:
        return True  # "one-third", "two-thirds"
    if h.lower_ in ("one", "1") and any(
            c.dep_ == "prep" and c.lower_ == "in" and any(o.like_num for o in c.children if o.dep_ == "pobj")
            for c in h.children):
        return True  # "one in 10", "one in six" read as one with "in 10"
    # The parser also reads "one in 10" as the number 10 modified by "one in", alone or
    # counting a noun ("one in six voters").
    for n in (h, *(c for c in h.children if c.dep_ == "nummod")):
        mods = [c.lower_ for c in n.children if c.dep_ == "quantmod"]
        if n.like_num and "in" in mods and any(m in ("one", "1") for m in mods):
            return True
    return False


#: Adjectives of ease and difficulty: their infinitive says what can be done.
_EASE = frozenset({"difficult", "hard", "easy", "impossible", "tough", "possible", "simple", "tricky",
                   "awkward", "costly", "expensive"})


def ease(tok: Token) -> bool:
    """"It was difficult to discuss capitalisation with them": an infinitive completing an
    adjective of ease or difficulty says what can be done, not that it was."""
    if tok.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    head = tok.head
    if head is tok or tok.dep_ not in ("xcomp", "ccomp", "acl", "advcl"):
        return False
    if head.pos_ == "ADJ":
        return head.lemma_.lower() in _EASE
    # "it was difficult to discuss": the infinitive hangs on the copula beside the adjective.
    return any(c.dep_ == "acomp" and c.lemma_.lower() in _EASE for c in head.children)


def alleged_words(tok: Token) -> bool:
    """"He is alleged to have told the prime minister…": what is alleged is a speech act
    (a reporting verb completes "alleged"), no wrongdoing (manual, ACCUSE)."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() != "allege":
        return False
    done = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp")]
    return bool(done) and all(d.lemma_.lower() in SPEECH_VERBS for d in done)


#: Lower-case words that may sit inside a name ("Consumers Against … and Numbering").
_NAME_JOINERS = frozenset({"of", "and", "the", "for", "against", "on", "in", "&", "to"})
#: Capitalised words in a row, with the trigger, that make a name.
NAME_RUN = 3
#: Entity labels of someone or somewhere named after an initial verb or noun.
_SOMEONE = frozenset({"PERSON", "GPE", "NORP", "LOC"})


def title_words(tok: Token) -> bool:
    """A capitalised trigger inside a run of ``NAME_RUN`` or more capitalised words, in a
    sentence not itself in title case: a name the tagger did not label ("Supermarket
    Privacy Invasion and Numbering", "Meet The Fockers opens on Friday")."""
    if not tok.is_title or tok.ent_type_ == "EVENT":
        return False  # "World War Two" names an occurrence
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if tok.pos_ in ("NOUN", "PROPN") and nxt is not None and nxt.lower_ == "of":
        return False  # "the Treaty of Amsterdam", "the Battle of Britain" name the event itself
    sent = tok.sent

    def capital(t: Token) -> bool:
        return t.is_title and t.is_alpha

    run = 1
    i = tok.i - 1
    while i >= sent.start and (capital(tok.doc[i]) or (tok.doc[i].lower_ in _NAME_JOINERS and i > sent.start
                                                          and capital(tok.doc[i - 1]))):
        run += capital(tok.doc[i])
        i -= 1
    j = tok.i + 1
    while j < sent.end and (capital(tok.doc[j]) or (tok.doc[j].lower_ in _NAME_JOINERS and j + 1 < sent.end
                                                       and capital(tok.doc[j + 1]))):
        run += capital(tok.doc[j])
        j += 1
    if tok.i == sent.start and (j - tok.i < NAME_RUN or tok.doc[tok.i + 1].ent_type_ in _SOMEONE):
        # A sentence's first word is capitalised anyway: the name must go on past it, and
        # not as someone named ("Meeting Prime Minister Tony Blair, he said…").
        return False
    if run < NAME_RUN:
        return False
    # Outside the name the sentence must be in sentence case: in a headline or a title line
    # capitals say nothing.
    rest = [t for t in sent if t.is_alpha and not i < t.i < j]
    return bool(rest) and sum(t.is_title or t.is_upper for t in rest) * 2 < len(rest)


def nominal_participle(tok: Token) -> bool:
    """"Against the accused and their accomplices", "the detained were freed": a participle
    with a determiner heading a noun phrase names people by what befell them, no act."""
    return tok.tag_ in ("VBN", "JJ") and tok.dep_ in ("pobj", "nsubj", "nsubjpass", "dobj", "conj") and any(
        c.dep_ == "det" and c.i < tok.i for c in tok.children)


def confirm_or_deny(tok: Token) -> bool:
    """"Would neither confirm nor deny the report", "information to confirm or deny it": the
    pair says nothing was confirmed and nothing denied."""
    if tok.lemma_.lower() != "deny":
        return False
    pair = [tok.head] if tok.dep_ == "conj" else []
    pair += [c for c in tok.children if c.dep_ == "conj"]
    return any(p.lemma_.lower() == "confirm" for p in pair)


def recalled_thing(tok: Token) -> bool:
    """"Some will recall the news footage", "recall 20,000 cars": a recall of no one is
    remembering or a product recall; a recall of envoys withdraws them (manual, SANCTION)."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() != "recall":
        return False
    done = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "ccomp")]
    # The head itself must name people ("its ambassador", "envoys"): "the footage of angry
    # farmers" shows people, it is none.
    return not done or not any(d.pos_ != "VERB" and (
        kind_of(d) in ("agent", "authority", "crowd") or d.pos_ in ("PRON", "PROPN")) for d in done)


#: Words that point at a statement or a state of things, not at someone who threatens.
_POINTERS = frozenset({"that", "this", "which", "what"})


def threat_to_an_idea(tok: Token, actor_heads: list[Token]) -> bool:
    """"That could further threaten Germany's hopes of recovery", "a newer icon threatening to
    overshadow Yahoo": no one threatens (the subject is a thing or a pointer to a statement)
    and what is threatened is a hope, a plan or a state — a risk, no threat (manual,
    THREATEN: threats by actors)."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() != "threaten":
        return False
    subjects = [c for c in tok.children if c.dep_ == "nsubj"] or actor_heads
    if any(is_animate(s) or kind_of(s) in ("authority", "crowd", "weapon", "natural", "fire", "disease")
           for s in subjects if s.lower_ not in _POINTERS):
        return False
    objects = [c for c in tok.children if c.dep_ in ("dobj", "xcomp")]
    # A verb threatened counts only when it is no act the lexicon knows ("threatening to
    # overshadow Yahoo"; "threatened to sue" threatens a lawsuit).
    return bool(objects) and all(
        (o.pos_ == "VERB" and o.lemma_.lower() not in VERBS)
        or (o.pos_ == "NOUN" and _idea_lemma(o.lemma_.lower())) for o in objects)


#: What is hoped, planned or held — threatened only figuratively.
_IDEA_ANCHORS: tuple[str, ...] = ("feeling.n.01", "cognition.n.01", "state.n.02", "attribute.n.02")


@lru_cache(maxsize=20_000)
def _idea_lemma(lemma: str) -> bool:
    wn = wordnet()
    if wn is None:
        return False
    anchors = {a for a in (wn.synset(n) for n in _IDEA_ANCHORS) if a}
    senses = wn.sense_ids(lemma, "n", 1)[:1]
    return bool(senses) and bool(wn.ancestors(senses[0]) & anchors)


#: Studies, surveys and research, awards and prizes (WordNet): they find, show and honour,
#: but no one acts through them — an official inquiry or a report of a body is not here.
FINDING_ANCHORS: tuple[str, ...] = ("survey.n.01", "research.n.01", "award.n.02", "prize.n.01")


@lru_cache(maxsize=20_000)
def _finding_lemma(lemma: str) -> bool:
    wn = wordnet()
    if wn is None:
        return False
    anchors = {a for a in (wn.synset(n) for n in FINDING_ANCHORS) if a}
    senses = wn.sense_ids(lemma, "n", 1)[:1]
    return bool(senses) and bool(({senses[0]} | wn.ancestors(senses[0])) & anchors)


def finding(actor_heads: list[Token]) -> bool:
    """Every actor is a study, a survey, research or an award ("the research endorses our
    policy", "the award recognises new writing"): what it says is a finding or an honour,
    not an act of support, a demand or an accusation by anyone."""
    return bool(actor_heads) and all(
        h.pos_ == "NOUN" and not h.ent_type_ and _finding_lemma(h.lemma_.lower()) for h in actor_heads)


@lru_cache(maxsize=20_000)
def _equipment_lemma(lemma: str) -> bool:
    wn = wordnet()
    anchor = wn.synset("game_equipment.n.01") if wn else None
    senses = wn.sense_ids(lemma, "n", 1)[:1] if wn else []
    return bool(senses and anchor and anchor in wn.ancestors(senses[0]))


def game_equipment_hit(tok: Token) -> bool:
    """"Striking the ball much better", "hit the puck": what is struck, shot or kicked is game
    equipment (WordNet ``game_equipment.n.01``, first sense) — a game, no assault."""
    if tok.pos_ != "VERB":
        return False
    done = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(done) and all(d.pos_ == "NOUN" and _equipment_lemma(d.lemma_.lower()) for d in done)


#: What is supported, defended or praised: an object, a clause, or "for"/"of" someone.
_SUPPORTED_DEPS = frozenset({"dobj", "nsubjpass", "xcomp", "ccomp", "prep", "dative", "attr", "pobj"})


def nothing_supported(tok: Token) -> bool:
    """"We had to defend for long periods": a verb of support with nothing supported — no
    object, clause or complement other than a time — is a game's defending, a stance of no
    one toward no one (manual, SUPPORT: support of an actor or a policy)."""
    if tok.pos_ != "VERB" or tok.dep_ in ("relcl", "acl"):
        return False  # "the plan, which he defended": its head is what is defended
    if any(c.dep_ in ("auxpass", "agent", "nsubjpass") for c in tok.children):
        return False  # "any merger would have to be approved by the unions": the merger is
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "during", "until", "since") and all(
                o.ent_type_ in ("DATE", "TIME") or o.lemma_.lower() in ("period", "time", "while", "minute")
                for o in c.children if o.dep_ == "pobj"):
            continue  # "for long periods": a time, nothing supported
        if c.dep_ in _SUPPORTED_DEPS:
            return False
    return True
