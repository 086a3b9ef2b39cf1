"""Unnamed referents: participants a text describes and refers back to but never names.

Owns building, inside one document, the entities the text introduces by a description and
then refers back to — "A gunman opened fire … The gunman, who … He was later arrested";
"A 45-year-old woman was found dead … Police said she …" — once the named chains are
settled (``referring.keep_clear_references``): the pronouns and descriptions that stayed
with no name are read once more against the descriptions of the text. Each such entity is
a chain of descriptions and pronouns, no name; it is never joined across documents nor
with a named entity (``Chain.unresolved`` says why, which closes it in the resolver), and
its display name is its fullest description ("a 45-year-old woman").

A participant is described by a noun phrase headed by a common noun whose most frequent
WordNet sense is a person, a body, a place or a building (``nlp.referring``'s types), or,
with ``ResolverOptions.unnamed_things``, a made object (PRODUCT: "the car", "the patch").
A name inside the phrase stays the name's ("the Sam's Club store" → "Club store"). A link
is made only where the text makes it clear; each records its rule (``ChainMention.rule``):

- ``introduced`` — the first description of the participant (indefinite or definite; not
  the object of a negated verb, "did not have a gun"), kept when something below refers
  back to it;
- ``participant`` — a description nothing refers back to, kept alone (with
  ``ResolverOptions.unnamed_lone``) only when it is a person or a body the text reports
  acting or acted on and does not name: the subject, object or passive agent of a verb in
  a clause that reports what happened, or the "of"/"by" argument of a noun for an act ("A
  judge sentenced Nichols", "killed a 66-year-old woman", "arrested by police", "the
  shooting of a teenager by police"); indefinite or possessed ("her rep"), a counted group
  ("two officers", "a group of young men") or a bare collective ("police"). Not a kind
  ("users", "officials"), a generic or hypothetical one (under a modal, in the present, the
  object of "need"/"want"), a definite description (someone met before, whom linking left
  unclear), nor one a name stands beside or right after ("A 59-year-old woman died … Raj
  Chohan was hit"; ``_lone_participant``). Hand-checked on the development half: 83 of 91
  right (``bench/data/participants_lo20_odd.jsonl``);
- ``same-description`` — a definite description ("the gunman") with the head noun of an
  earlier description ("a gunman"), or a bare noun for a body repeated ("Police said …
  police arrested"); ``hypernym`` — "the" and a more general noun for a person, a building
  or a thing in WordNet's two most frequent senses ("the killer" after "a gunman") — when
  that is the only participant of such a head in reach (its own sentence and the five
  before, as a description looks for a name) and no named entity the text describes with
  that noun is in reach: "a woman … a second woman … the woman" is left out. Numbers,
  ranks and narrower nouns must agree ("the fifth round" is not "the sixth round", "the
  locker room" not "the media room"), and "another", "a second" introduce someone new;
- ``apposition`` — a description in apposition to one ("the gunman, a 24-year-old
  student");
- ``relative`` — a relative pronoun and the description its clause modifies;
- ``only-candidate`` — "he", "she", "it", "they" and their forms whose only agreeing
  candidate in reach (its own sentence before it and the two before) is that participant.
  Every noun in reach that agrees in animacy, number and sex counts as a candidate (a
  predicate nominal and a demonstrative too), and every name that may agree — of no clear
  type, a personal name or one-word subject the tagger typed otherwise, a name with an age
  after it ("Chohan, 59,") — and every untagged proper noun: "she" with two women in reach
  is left out, "it" is seldom alone. Agreement is ``referring._agrees`` / ``_fits``; the
  binding conditions are the named-entity linker's: an object pronoun is not its own verb's
  subject (Principle B); a noun inside a quotation is no antecedent of the narration's
  pronoun, nor the reporting frame one of the quotation's ("A neighbour said: 'He …'");
- ``subject`` — a subject or possessive pronoun whose clause the verb of a description
  governs ("The men said they were innocent", "the campaigners were so angered they
  threatened"), the named linker's ``subject`` rule for a subject that names no one; a
  name or another candidate between them leaves it out. Also a narration pronoun opening
  its sentence, when the sentence before has an indefinite, counted, possessed or bare
  description (or a pronoun linked to one) as its one main subject and no named entity
  that may agree is in reach: "The firm's creditors have been trying to agree a deal.
  They took control …" (``_continued_phrase``).

Nothing here changes a named chain's own mentions. One thing joins an unnamed referent to
a named one: the text naming it with a naming verb (``named_referents``) — "Police named
her as Jane Doe", "The victim has been identified as John Smith", "a woman, named locally
as Jane Doe": the participant (the verb's object, its passive subject, the noun a
participle or a relative clause with it modifies) is the named person, so the participant's
descriptions and pronouns, found by the rules above, join the person's chain (the naming
mention with rule ``named-as``). Only a person's name of its own chain, a participant of
a person's kind and no other named person already linked to it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import Any

from newsgraph.model.document import AnnotatedDocument
from newsgraph.nlp.referring import (
    PERSONAL_PRONOUNS,
    RELATIVE_PRONOUNS,
    TYPE_ROOTS,
    description_label,
    quote_span,
)
from newsgraph.nlp.speech_verbs import SPEECH_VERBS
from newsgraph.resolve.entities.referring import (
    _agrees,
    _fits,
    _gender,
    _label,
    _personal_name,
    _same_form,
    clause_verb,
)
from newsgraph.resolve.entities.within import GENDERED_NOUNS, GENDERED_PRONOUNS, Chain, ChainMention

__all__ = ["UNNAMED_REASON", "UNNAMED_RULES", "fullest_description", "named_referents", "unnamed_chains"]

#: Rules that refer back to a description: a group holding one of them is an entity.
_BACK_REFERENCES = frozenset({"same-description", "hypernym", "only-candidate", "subject"})
UNNAMED_RULES: tuple[str, ...] = ("introduced", "participant", "same-description", "hypernym", "apposition",
                                  "relative", "only-candidate", "subject")
#: ``Chain.unresolved`` of an unnamed referent's chain: the resolver founds a closed entity.
UNNAMED_REASON = "unnamed referent: described and referred back to within one document"

#: Sentences back a description looks for its antecedent, and a pronoun (``referring``).
_DESCRIPTION_REACH = 5
_PRONOUN_REACH = 2
#: Argument positions of a participant's noun phrase (spaCy's English labels): not a
#: predicate nominal ("is the first witness"), a compound, a measure or a date adjunct.
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "dative", "appos", "conj", "ROOT", "agent"})
_PREMODIFIERS = frozenset({"det", "poss", "amod", "compound", "nummod", "nmod", "quantmod", "case", "predet"})
#: ... and of a candidate antecedent of a pronoun (a possessor too: "the man's car … he").
_CANDIDATE_DEPS = _ARGUMENT_DEPS | {"poss"}
#: A noun that is part of another noun phrase's name or measure is no rival antecedent;
#: any other (a predicate nominal too: "These are individuals … They") is.
_NOT_ARGUMENTS = frozenset({"compound", "npadvmod", "amod", "nmod", "nummod", "quantmod"})
#: Words that count or rank one of a kind ("the fifth round", "two officers"), and those
#: that make a description new ("another man", "a second woman", "the other jurors").
_ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                       "tenth", "last", "next", "previous", "final", "latest", "former", "opening", "other"})
_NUMBER_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                           "eleven", "twelve", "dozen", "hundred", "thousand", "both", "all", "many",
                           "several"})
_NEW = frozenset({"another", "other", "second", "third", "fourth", "fifth", "new", "different", "next"})
#: An age in apposition right after a name: news copy's mark of a person ("Chohan, 59,").
_AGED = re.compile(r",\s*\d{1,3}\s*,")
_DEMONSTRATIVES = frozenset({"these", "those", "this", "that"})
#: Entity types of a proper noun that stands for no participant ("on Monday").
_NOT_REFERENTS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_REFLEXIVE = frozenset({"himself", "herself", "itself", "themselves"})
_POSSESSIVE = frozenset({"his", "her", "hers", "its", "their", "theirs"})


@dataclass(slots=True)
class _Phrase:
    """A noun phrase of the text headed by a common noun that describes a participant."""

    start: int
    end: int
    head: Any  # the head token
    label: str
    sentence: int
    definite: bool
    plural: bool
    bare: bool = False  # no determiner, possessor or number: "police", "officials"
    #: Words that tell one of its kind from another ("the fifth round", "two officers",
    #: "the other jurors"), lower case; "new" marks one that cannot refer back ("another
    #: man", "a second woman").
    marks: frozenset[str] = frozenset()
    new: bool = False
    group: int = -1  # the participant it belongs to (index into the groups)


@lru_cache(maxsize=20_000)  # WordNet's tables never change; one lemma is asked of many nouns
def _thing_label(lemma: str) -> str:
    """PRODUCT for a noun whose most frequent sense is a made object (an artifact in
    WordNet: "the car", "the device", "the gun"); "" otherwise. Structures and facilities
    are FAC already (``description_label``)."""
    from newsgraph.nlp.wordnet import wordnet

    wn = wordnet()
    return "PRODUCT" if wn is not None and wn.first_senses_under(lemma, ("artifact.n.01",)) else ""


def _label_of(tok: Any, things: bool) -> str:
    """The participant type of a noun phrase's head: ``description_label``'s, when the
    noun's most frequent sense is of that kind (not only its second: "defence" is a team
    in one sense, an act in its first), else PRODUCT for a made object, else ""."""
    lemma = tok.lemma_.lower()
    label = description_label(lemma)
    if label and _first_sense_fits(lemma):
        return label
    return _thing_label(lemma) if things else ""


@lru_cache(maxsize=20_000)
def _first_sense_fits(lemma: str) -> bool:
    from newsgraph.nlp.wordnet import wordnet

    wn = wordnet()
    return wn is None or wn.first_senses_under(lemma, [name for name, _ in TYPE_ROOTS])


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does any span overlap the characters ``start``–``end``?"""
    return any(s < end and start < e for s, e in spans)


def _phrases(doc: Any, taken: list[tuple[int, int]], sentence_of: Callable[[int], int],
             things: bool) -> list[_Phrase]:
    """Noun phrases headed by a common noun of a participant's kind, in argument position,
    whose head no kept mention covers, in text order."""
    out: list[_Phrase] = []
    for tok in doc:
        if tok.pos_ != "NOUN" or not tok.is_alpha or tok.dep_ not in _ARGUMENT_DEPS:
            continue
        # Lower case, or capitalised only as its sentence's first word ("Police said …");
        # asked after the cheap tests: finding a token's sentence walks the parse.
        if not (tok.is_lower or (tok.i == tok.sent.start and tok.text[1:].islower())):
            continue
        label = _label_of(tok, things)
        if not label:
            continue
        kids = [c for c in tok.children if c.i < tok.i and c.dep_ in _PREMODIFIERS]
        first = min([tok.i] + [c.left_edge.i for c in kids])
        # Only the words right before the head that belong to its phrase and hold no verb
        # (a parse may hang "a wheelchair overpowered two prison guards" on "guards").
        while first < tok.i and any(t.pos_ in ("VERB", "AUX") or tok not in t.ancestors
                                    for t in doc[first:tok.i]):
            first += 1
        # A name inside the phrase stays the name's: the description starts after it ("the
        # Save the Scottish Regiments campaigners" → "Regiments campaigners").
        # (The phrase's character bounds are read once per step, not once per kept span.)
        before = doc[tok.i - 1] if tok.i else None
        limit = before.idx + len(before.text) if before is not None else 0
        while first < tok.i and _overlaps(taken, doc[first].idx, limit):
            first += 1
        while first < tok.i and (doc[first].dep_ == "case" or doc[first].is_punct or doc[first].is_space):
            first += 1  # the possessive marker or a hyphen left by the name
        definite = any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in kids)
        bare = not any(c.dep_ in ("det", "poss", "nummod") for c in kids)
        words = {t.lower_ for t in doc[first:tok.i]}
        # Nouns naming its kind more narrowly ("the locker room", "the media room"): a
        # later description with another such noun is another one.
        kinds = frozenset(t.lemma_.lower() for t in doc[first:tok.i]
                          if t.dep_ == "compound" and t.pos_ == "NOUN")
        # ... and comparatives and superlatives ("smaller companies", "the biggest firms")
        graded = {t.lower_ for t in doc[first:tok.i] if t.tag_ in ("JJR", "JJS")}
        marks = frozenset(w for w in words if w in _ORDINALS or any(ch.isdigit() for ch in w)
                          or w in _NUMBER_WORDS or w in graded)
        if not definite and _negated(tok):
            continue  # "did not have a gun": no gun to refer back to
        out.append(_Phrase(doc[first].idx, tok.idx + len(tok.text), tok, label, sentence_of(tok.idx),
                           definite, tok.tag_ in ("NNS", "NNPS"), bare, marks | kinds, bool(words & _NEW)))
    return out


def _negated(tok: Any) -> bool:
    """Is the noun the object or subject of a negated verb ("did not have a gun", "no
    one was hurt")? An indefinite there introduces no one."""
    verb = tok.head if tok.dep_ != "pobj" else tok.head.head
    return any(c.dep_ == "neg" for c in verb.children) or any(
        c.dep_ == "det" and c.lower_ in ("no", "neither") for c in tok.children)


def _more_general(general: str, specific: str) -> bool:
    """Is ``general`` a hypernym of ``specific`` in their two most frequent WordNet senses?"""
    from newsgraph.nlp.wordnet import wordnet

    wn = wordnet()
    if wn is None:
        return False
    mine = set(wn.sense_ids(general, "n", 2))
    return bool(mine) and any(mine & wn.ancestors(sid) for sid in wn.sense_ids(specific, "n", 2))


def _heads_fit(later: _Phrase, earlier: _Phrase) -> str:
    """The rule by which ``later`` may refer back to ``earlier`` ("" if none)."""
    if later.plural != earlier.plural or later.new or not later.marks <= earlier.marks:
        return ""  # "another man", "the fifth round" after "the sixth round"
    a, b = later.head.lemma_.lower(), earlier.head.lemma_.lower()
    if a == b:
        return "same-description"
    gender = GENDERED_NOUNS.get(a)
    if gender is not None and GENDERED_NOUNS.get(b) not in (None, gender):
        return ""
    # A more general noun only for people, buildings and made things ("the killer" after
    # "a gunman", "the building" after "the church"): "the group", "the panel", "the
    # structure" stand for too much else.
    if later.label != earlier.label or later.label not in ("PERSON", "FAC", "PRODUCT"):
        return ""
    if later.end - later.start > len(later.head.text) + 4:
        return ""  # only "the" and the noun ("the killer"): "head coach" is not any manager
    return "hypernym" if _more_general(a, b) else ""


def unnamed_chains(chains: list[Chain], adoc: AnnotatedDocument, sentence_of: Callable[[int], int],
                   things: bool = True, lone: bool = True) -> list[Chain]:
    """The unnamed referents of one document as chains (closed to the resolver), given the
    named chains ``chains`` as ``keep_clear_references`` left them."""
    doc = adoc.doc
    if doc is None:
        return []
    kept = [(x.start, x.end) for c in chains for x in c.mentions]
    taken = sorted(kept)
    phrases = _phrases(doc, taken, sentence_of, things)
    by_head = {p.head.i: p for p in phrases}
    named = [c for c in chains if c.kind == "name"]
    labels = [_label(c) for c in named]
    heads = [c.heads() for c in named]
    # Pronouns no named chain kept, relative ones included.
    pronouns = [m for m in adoc.references
                if m.text.lower() in PERSONAL_PRONOUNS or m.text.lower() in RELATIVE_PRONOUNS]
    pronouns = [m for m in pronouns if not any(s < m.end and m.start < e for s, e in kept)]
    groups: list[list[tuple[Any, str]]] = []  # per participant: (item, rule) in text order
    said: dict[int, int] = {}  # offset of a pronoun linked here -> its participant

    def join(item: Any, group: int, rule: str) -> None:
        groups[group].append((item, rule))
        if isinstance(item, _Phrase):
            item.group = group
        else:
            said[item.start] = group

    def found(p: _Phrase) -> int:
        if p.group < 0:
            groups.append([(p, "introduced")])
            p.group = len(groups) - 1
        return p.group

    covered = _covering(kept)
    events: list[tuple[int, int, Any]] = [(p.start, 0, p) for p in phrases]
    events += [(m.start, 1, m) for m in pronouns]
    for _, _, item in sorted(events, key=lambda e: (e[0], e[1])):
        if isinstance(item, _Phrase):
            _place_phrase(item, phrases, by_head, named, heads, found, join)
        else:
            _place_pronoun(item, doc, kept, phrases, by_head, said, named, labels, sentence_of, found, join,
                           covered)
    if lone:
        # Descriptions nothing referred back to: each its own participant, if it is one.
        for p in phrases:
            if p.group < 0:
                found(p)
    out: list[Chain] = []
    for members in groups:
        if not any(rule in _BACK_REFERENCES for _, rule in members):
            if not (lone and _lone_participant(members[0][0], named, labels)):
                continue  # a description of no one in particular (or of a named entity)
            members[0] = (members[0][0], "participant")
        mentions = [_chain_mention(item, rule, doc, sentence_of) for item, rule in members]
        mentions.sort(key=lambda x: x.start)
        out.append(Chain(adoc.document.id, mentions, adoc.document.published, unresolved=UNNAMED_REASON))
    return out


def _lone_participant(p: Any, named: list[Chain], labels: list[str]) -> bool:
    """Is a description nothing refers back to a participant of its own (rule
    ``participant``): a person or a body the text reports acting or acted on — the
    subject, the object or the passive agent of a verb, or the "of"/"by" argument of a
    noun for an act, in a clause that reports what happened ("a judge sentenced Nichols",
    "killing a woman", "was arrested by police", "a state official said", "the shooting
    of a teenager by police")?

    Left out, as no participant of its own or as one the text names:
    - a bare plural of people ("users", "officials", "coaches": a kind, or people the
      text does not single out); a body but for a bare collective noun ("police") or "a
      group of" people: "a church", "the company", "19 boards" are as often a named body
      or none;
    - a definite description ("the victim", "the officers"): someone already met, whom
      linking left unclear;
    - a description with a name beside it ("her daughter, Kathina Thomas", "a company
      called Heritage Properties", "rookie … Chris Ivory"), in apposition, a predicate
      ("worked as an assistant coach", "proved the perfect villain"), or a fronted
      apposition the parse made a second subject ("A fourth-year pro, Jackson enjoyed");
    - one person described where a person is first named right after it, in its sentence
      or the three after ("A 59-year-old woman died … Raj Chohan was hit"): the lead's
      description of that person;
    - a possessed description with two named people in reach ("his opponent"): a
      relation to one of them, maybe to one named;
    - the argument of a verb under a modal or in the present tense ("a user could pick
      up malware", "when a jury is asked": generic), but for a verb of saying ("her rep
      confirms")."""
    if not isinstance(p, _Phrase) or p.label not in ("PERSON", "ORG") or p.definite:
        return False
    tok = p.head
    if p.label == "PERSON" and (p.bare or (p.plural and not p.marks)):
        return False
    if p.label == "ORG" and not _a_body(p):
        return False
    doc = tok.doc
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if after is not None and (after.pos_ in ("PROPN", "NOUN") or after.text == "-"):
        return False  # "rookie … Chris Ivory", "daughter-in-law"
    if any(c.dep_ == "appos" or (c.dep_ == "compound" and c.pos_ == "PROPN")
           or (c.dep_ == "acl" and c.lemma_ in _NAMING) or (c.dep_ == "poss" and c.lower_ == "its")
           for c in tok.children):
        return False  # a name beside it, "a company called …", "its predecessor"
    if p.label == "PERSON" and not p.plural and _named_next(p, named, labels):
        return False  # "A 59-year-old woman died … Raj Chohan was hit": the person named next
    if any(c.dep_ == "poss" for c in tok.children) and _people_in_reach(p, named, labels) > 1:
        return False  # "Klitschko … Rahman … his opponent": a relation to one of them, maybe named
    if p.plural and p.marks & {"both", "two"} and _people_in_reach(p, named, labels) > 1:
        return False  # "Blair … Brown … both men": the two named
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is not None and any(t.tag_ == "JJS" for t in span):
        return False  # "the UK's biggest mortgage lender": one of a kind, which the text may name
    verb = tok.head
    if tok.dep_ == "pobj" and verb.dep_ == "agent":
        verb = verb.head
    elif tok.dep_ == "pobj" and verb.lower_ in ("of", "by") and _an_act(verb.head):
        verb = _clause_verb(verb.head)  # "the shooting of a teenager by police unleashed …"
        if verb is None:
            return False
    elif tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "dative"):
        return False
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_ in _COPULAS:
        return False  # "proved the story's perfect villain": a predicate
    if tok.dep_ == "dobj" and verb.lemma_ in _INTENSIONAL:
        return False  # "we needed a PR person": anyone who would be one, no one in particular
    if tok.dep_ == "nsubj" and any(c.dep_ == "nsubj" and c.i != tok.i and c.pos_ == "PROPN"
                                   for c in verb.children):
        return False  # "A fourth-year pro out of Colorado, Jackson enjoyed …": a fronted apposition
    return _reported(verb)


def _an_act(noun: Any) -> bool:
    """Is a noun one for an act or a happening in its most frequent WordNet sense ("the
    shooting", "the killing", "the arrest")?"""
    if noun.pos_ != "NOUN":
        return False
    from newsgraph.nlp.wordnet import wordnet

    wn = wordnet()
    return wn is not None and wn.first_senses_under(noun.lemma_.lower(), ("act.n.02", "event.n.01"))


def _clause_verb(tok: Any) -> Any | None:
    """The verb whose clause holds ``tok`` (its nearest verb ancestor), or None."""
    for anc in tok.ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            return anc
    return None


#: Verbs whose object may be no one in particular ("needed a PR person", "is seeking a
#: partner"): Quine's referentially opaque contexts, the common ones of news English.
_INTENSIONAL = frozenset({"need", "want", "seek", "require", "wish", "lack"})


#: Participles that give the name of what a noun describes ("a company called X").
_NAMING = frozenset({"call", "name", "dub", "know", "identify"})


def _a_body(p: _Phrase) -> bool:
    """Is an undetermined or indefinite body description a body the text singles out: an
    organisation by WordNet's most frequent sense ("police", "a local company", not "a
    news conference"), by a bare noun only when a plural of its own ("police", not
    "business" nor "companies"), or "a group of" people?"""
    tok = p.head
    if p.definite or any(c.dep_ == "poss" and c.tag_ == "WP$" for c in tok.children):
        return False
    if tok.lemma_.lower() == "group":
        return any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
    # "police", not "business" nor "companies"; "a deadly police shooting" is a parse
    # slip; one body introduced by "a" ("a church", "a federal government") is as often
    # one the text names, and counted ones are as often no bodies ("19 boards").
    if not (p.bare and tok.tag_ == "NNS" and tok.lower_ == tok.lemma_.lower()):
        return False
    from newsgraph.nlp.wordnet import wordnet

    wn = wordnet()
    return wn is not None and wn.first_senses_under(tok.lemma_.lower(), ("organization.n.01",))


#: Sentences after a description in which a person first named is the one it describes.
_NAMED_NEXT = 3


def _named_next(p: _Phrase, named: list[Chain], labels: list[str]) -> bool:
    """Is a person first named in the description's own sentence after it or in the three
    sentences after — the lead's description of the person the text names next ("A
    59-year-old woman died … Raj Chohan was hit", "lost a player to injury, … Jermaine
    Phillips")?"""
    for c, lab in zip(named, labels, strict=True):
        if lab != "PERSON" or not c.mentions:
            continue
        first = min(c.mentions, key=lambda x: x.start)
        if first.start > p.end and first.sentence <= p.sentence + _NAMED_NEXT:
            return True
    return False


def _people_in_reach(p: _Phrase, named: list[Chain], labels: list[str]) -> int:
    """Named people with a mention in the description's sentence or the two before."""
    return sum(1 for c, lab in zip(named, labels, strict=True) if lab == "PERSON" and any(
        p.sentence - 2 <= x.sentence <= p.sentence for x in c.mentions))


#: Verbs whose object describes their subject ("proved the perfect villain").
_COPULAS = frozenset({"be", "become", "remain", "prove", "seem", "appear", "make"})


def _reported(verb: Any) -> bool:
    """Does the clause of ``verb`` report something that happened (past or perfect, or a
    verb of saying in the present: "her rep confirms"), rather than what may or usually
    happens ("a user could pick up malware", "when a jury is asked", "giving an attacker
    the ability" under "results")? A participle or infinitive is read by the finite verb
    above it."""
    v = verb
    for _ in range(4):
        auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
        if any(c.tag_ == "MD" for c in auxes):
            return False
        finite = [c for c in auxes if c.tag_ in ("VBD", "VBZ", "VBP")]
        if finite:
            if finite[0].tag_ == "VBD" or (finite[0].lemma_ == "have" and v.tag_ == "VBN"):
                return True
            return v.lemma_ in SPEECH_VERBS
        if v.tag_ == "VBD":
            return True
        if v.tag_ in ("VBZ", "VBP"):
            return v.lemma_ in SPEECH_VERBS
        if v.dep_ in ("advcl", "xcomp", "acl", "relcl", "pcomp", "conj", "ccomp") and v.head.i != v.i:
            v = v.head
            continue
        return v.tag_ == "VBN"  # "a woman hit and killed by a motorist …" (a reduced clause)
    return False


#: Verbs by which a text names a participant it has described ("named her as", "was
#: identified as"), with the name after "as".
_NAMING_VERBS = frozenset({"name", "identify"})


def named_referents(chains: list[Chain], adoc: AnnotatedDocument) -> list[Chain]:
    """Join each unnamed referent the text names with a naming verb to the named person's
    chain ("A woman was found dead … Police named her as Jane Doe": "A woman", "her" and
    the other mentions of the woman are Jane Doe's); the chains left, in their order."""
    doc = adoc.doc
    unnamed = [c for c in chains if c.unresolved == UNNAMED_REASON]
    if doc is None:
        return chains
    named = [c for c in chains if c.kind == "name" and c.unresolved is None]
    labels = {id(c): _label(c) for c in named}

    def holder(group: list[Chain], tok: Any) -> Chain | None:
        hits = [c for c in group if any(x.start <= tok.idx < x.end for x in c.mentions)]
        return hits[0] if len(hits) == 1 else None

    gone: set[int] = set()
    for verb in doc:
        if verb.lemma_ not in _NAMING_VERBS or verb.pos_ != "VERB":
            continue
        as_ = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"]
        objs = [c for c in as_[0].children if c.dep_ == "pobj"] if len(as_) == 1 else []
        if len(objs) != 1 or objs[0].pos_ != "PROPN":
            continue  # "named as captain", "identified as a suspect": no name
        person = holder(named, objs[0])
        if person is None or labels[id(person)] != "PERSON":
            continue
        # The participant: the object of "named her as", the subject of "was named as",
        # the noun "named as" or "who was named as" modifies.
        parts = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        if verb.dep_ in ("acl", "relcl") and not any(c.dep_ == "dobj" for c in verb.children):
            parts = [p for p in parts if p.lower_ not in RELATIVE_PRONOUNS] or [verb.head]
        if len(parts) != 1:
            continue
        if holder(named, parts[0]) is not None:
            continue  # linked to a name already: the rules said who it is
        chain = holder(unnamed, parts[0])
        if chain is None:
            # A participant no rule linked to anything ("The victim has been identified as
            # John Smith"): that description or pronoun alone.
            chain = _lone_referent(adoc, parts[0], chains)
        if chain is None or id(chain) in gone or not _a_person_referent(chain):
            continue
        best = person.best_name()
        for x in chain.mentions:
            if x.start <= parts[0].idx < x.end or x.rule == "introduced":
                x.rule = "named-as"
            x.reason = f"named as {best.surface if best else '?'}: {x.reason}"
        person.mentions.extend(chain.mentions)
        person.mentions.sort(key=lambda y: y.start)
        gone.add(id(chain))
    return [c for c in chains if id(c) not in gone]


def _lone_referent(adoc: AnnotatedDocument, tok: Any, chains: list[Chain]) -> Chain | None:
    """A chain of the one pronoun or description found at ``tok`` (``nlp.referring``) that
    no chain holds, or None."""
    if any(x.start <= tok.idx < x.end for c in chains for x in c.mentions):
        return None
    found = [m for m in adoc.references if m.start <= tok.idx < m.end and m.label == "PERSON"
             and (m.text.lower() in GENDERED_PRONOUNS or tok.pos_ == "NOUN")]
    if len(found) != 1:
        return None
    m = found[0]
    kind = "pronoun" if m.text.lower() in GENDERED_PRONOUNS else "nominal"
    x = ChainMention(m.start, m.end, m.text, m.label, m.sentence, kind, method=kind, score=0.8,
                     reason="unnamed participant", referring=True, rule="named-as")
    return Chain(adoc.document.id, [x], adoc.document.published, unresolved=UNNAMED_REASON)


def _a_person_referent(chain: Chain) -> bool:
    """Is an unnamed referent a person (described by nouns for people, or "he"/"she")?"""
    kinds = {x.label for x in chain.mentions if x.kind == "nominal"}
    pronouns = {x.text.lower() for x in chain.mentions if x.kind == "pronoun"}
    return (kinds <= {"PERSON"} and bool(kinds or pronouns & set(GENDERED_PRONOUNS))
            and not any(x.text.lower() in PERSONAL_PRONOUNS and x.text.lower() not in GENDERED_PRONOUNS
                        for x in chain.mentions if x.kind == "pronoun"))


def _place_phrase(p: _Phrase, phrases: list[_Phrase], by_head: dict[int, _Phrase], named: list[Chain],
                  heads: list[Any], found: Callable[[_Phrase], int],
                  join: Callable[[Any, int, str], None]) -> None:
    tok = p.head
    if tok.dep_ == "appos" and tok.head.i in by_head:
        # "the gunman, a 24-year-old student": one participant, two descriptions.
        join(p, found(by_head[tok.head.i]), "apposition")
        return
    # A body a report goes on naming with the same bare noun ("Police said … police
    # arrested"): a noun for an organisation, never one for people ("people", "officials").
    # Not a plural that names a class ("companies", "agencies": "Other companies … smaller
    # companies"): only a word that is its own lemma ("police", "staff").
    body = p.bare and p.label == "ORG" and tok.lower_ == tok.lemma_.lower()
    if not (p.definite or body):
        return  # introduces someone new (or a kind): an antecedent only
    lemma = tok.lemma_.lower()
    first = p.sentence - _DESCRIPTION_REACH
    if any(lemma in h and any(first <= x.sentence <= p.sentence and x.start < p.start for x in c.mentions)
           for c, h in zip(named, heads, strict=True)):
        return  # a named entity the text describes with this noun is in reach: not clear
    fits: dict[int, tuple[_Phrase, str]] = {}
    for q in phrases:
        if q.end > p.start or q.sentence < p.sentence - _DESCRIPTION_REACH:
            continue
        if q.start <= p.start < q.end or p.start <= q.start < p.end:
            continue
        rule = _heads_fit(p, q)
        if body and not p.definite:
            # the tagger reads "police" as singular here, plural there: the word decides
            if not (q.bare and q.head.lower_ == tok.lower_) or p.new or not p.marks <= q.marks:
                continue  # "police", not "firms" … "firm"
            rule = "same-description"
        if rule:
            key = q.group if q.group >= 0 else -1 - q.head.i
            if key not in fits or rule == "same-description":
                fits[key] = (q, rule)
    if len(fits) == 1:
        q, rule = next(iter(fits.values()))
        join(p, found(q), rule)


def _covering(spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    """``offset -> any(s <= offset < e for s, e in spans)``, by bisection: a pronoun's
    candidates are every token of up to three sentences, each once tested against every
    kept mention (about 9,000 comparisons per BBC article)."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    # The furthest end of the spans starting at or before each one: some span holds
    # ``offset`` exactly when one starting at or before it ends after it.
    reach = list(accumulate((e for _, e in ordered), max))

    def covered(offset: int) -> bool:
        i = bisect.bisect_right(starts, offset)
        return i > 0 and reach[i - 1] > offset
    return covered


def _place_pronoun(m: Any, doc: Any, kept: list[tuple[int, int]], phrases: list[_Phrase],
                   by_head: dict[int, _Phrase], said: dict[int, int], named: list[Chain], labels: list[str],
                   sentence_of: Callable[[int], int], found: Callable[[_Phrase], int],
                   join: Callable[[Any, int, str], None], covered: Callable[[int], bool]) -> None:
    word = m.text.lower()
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span):
        return
    tok = span.root
    if word in RELATIVE_PRONOUNS:
        t = tok
        for _ in range(3):  # up to the clause the parse hangs on a noun ("whose first aim")
            if t.dep_ == "relcl" or t.head.i == t.i:
                break
            t = t.head
        noun = by_head.get(t.head.i) if t.dep_ == "relcl" else None
        if noun is not None and noun.head.i < tok.i:
            # The clause comes before any back-reference ("a woman who …"): the group is
            # founded here and kept only if a back-reference follows.
            join(m, found(noun), "relative")
        return
    sentence = sentence_of(m.start)
    first = sentence - _PRONOUN_REACH
    quote = quote_span(tok)
    me = ChainMention(m.start, m.end, m.text, m.label, sentence, "pronoun")
    # Named candidates: a named chain named in reach before the pronoun that it agrees with
    # or may agree with — one the tagger typed no clear kind, or a person's name typed
    # otherwise ("Raj Chohan" as a place) is a rival for "she" all the same.
    candidates: set[int] = set()
    for j, c in enumerate(named):
        if any(first <= x.sentence <= sentence and x.start < m.start and (x.kind == "name" or x.rule)
               for x in c.mentions) and _may_agree(me, c, labels[j], doc_text_of(doc)):
            candidates.add(-1_000_000 - j)
    choice: _Phrase | None = None
    start_tok = _sentence_start(doc, tok, sentence - first)
    for t in doc[start_tok:tok.i]:
        if covered(t.idx):
            continue  # a name or a mention kept for one: the named candidates above
        if t.pos_ == "PRON" and _same_form(word, t.lower_):
            # A pronoun of the same form linked here carries its participant on ("A woman
            # … She … she"); one linked nowhere is someone the text leaves open.
            candidates.add(said.get(t.idx, -1 - t.i))
            if t.idx in said:
                choice = next((q for q in phrases if q.group == said[t.idx]), choice)
            continue
        if t.pos_ == "PRON" and t.lower_ in _DEMONSTRATIVES and t.dep_ in ("nsubj", "nsubjpass") \
                and word not in GENDERED_PRONOUNS:
            candidates.add(-1 - t.i)  # "These are individuals … They": whatever "these" is
            continue
        if t.pos_ not in ("NOUN", "PROPN") or (t.dep_ in _NOT_ARGUMENTS and t.pos_ == "NOUN"):
            continue
        theirs = quote_span(t)
        if quote is not None and t.sent.start == tok.sent.start and theirs != quote:
            continue  # the reporting frame of the quotation holding the pronoun
        if quote is None and theirs is not None:
            continue  # a noun inside a quotation is no antecedent of the narration's pronoun
        if _coargument(tok, t, word):
            continue
        q = by_head.get(t.i) if t.dep_ in _CANDIDATE_DEPS else None
        if t.pos_ == "PROPN" and t.dep_ in _NOT_ARGUMENTS and word not in GENDERED_PRONOUNS:
            continue  # "the Sam's Club store": a name modifying a noun is no "it"
        if t.pos_ == "PROPN":
            # A proper noun no name covers: someone or something the tagger missed ("Edu
            # admitted … He"), unless it is a noun for a body or a place ("Police said she").
            if t.ent_type_ in _NOT_REFERENTS:
                continue  # "on Monday": a date, no one
            if word not in GENDERED_PRONOUNS or (t.ent_type_ in ("", "PERSON")
                                                 and description_label(t.lemma_.lower()) in ("", "PERSON")):
                candidates.add(-1 - t.i)
            continue
        if not _agrees(word, t):
            continue
        if q is None:
            candidates.add(-1 - t.i)
            continue
        if q.end > m.start:
            continue  # the pronoun inside the phrase
        candidates.add(q.group if q.group >= 0 else -1 - t.i)
        choice = q
    if len(candidates) == 1 and choice is not None and min(candidates) > -1_000_000:
        join(m, found(choice), "only-candidate")
        return
    subject = _governing_phrase(tok, word, by_head, said, phrases, kept, quote)
    if subject is None and not any(c <= -1_000_000 for c in candidates):
        subject = _continued_phrase(tok, word, by_head, said, phrases, kept, quote)
    if subject is not None:
        join(m, found(subject), "subject")


def _continued_phrase(tok: Any, word: str, by_head: dict[int, _Phrase], said: dict[int, int],
                      phrases: list[_Phrase], kept: list[tuple[int, int]],
                      quote: tuple[int, int] | None) -> _Phrase | None:
    """The description a narration pronoun opening its sentence continues: the main subject
    of the sentence just before, when that is a description of no named entity (or a
    pronoun of the same form linked to one here) — "The firm's creditors … have been trying
    to agree a deal. They took control of the company …", "An all-party committee said …
    It blamed the department" (the named linker's ``subject`` rule for a sentence's first
    subject, for a subject that names no one; centering theory's preference for the
    previous utterance's subject, Grosz, Joshi & Weinstein 1995). Only a subject pronoun or
    the possessor of its sentence's subject, outside quotations, with no subject and (for
    "it") no noun that may agree before it in its sentence, and not "it" of a copula (as
    often a situation); the subject before must stand alone (not "X and Y"), outside
    quotations, and agree — and be no definite description not already taken for a
    participant ("The prime minister … He", "The car … It": most often someone or something
    the text names, whom linking left unclear) — and no named entity that may agree be in
    reach (the named linker's to decide)."""
    if quote is not None or not (tok.dep_ in ("nsubj", "nsubjpass")
                                 or (tok.dep_ == "poss" and tok.head.dep_ in ("nsubj", "nsubjpass"))):
        return None
    if word == "it" and tok.head.lemma_ in _COPULAS:
        return None
    sent = tok.sent
    if sent.start == 0 or _opened_before(tok):
        return None
    for t in sent:
        if t.i >= tok.i:
            break
        if t.dep_ in ("nsubj", "nsubjpass", "expl") and tok not in t.subtree:
            return None  # not the first subject of its sentence
        if word == "it" and t.pos_ in ("NOUN", "PROPN") and t.dep_ in _CANDIDATE_DEPS and (
                t.pos_ == "PROPN" or _agrees(word, t)):
            return None  # "Despite the ruling, it …": a nearer candidate
    prev = tok.doc[sent.start - 1].sent
    verbs = {prev.root.i} | {c.i for c in prev.root.conjuncts if c.pos_ in ("VERB", "AUX")}
    subjects = [t for t in prev if t.dep_ in ("nsubj", "nsubjpass", "expl") and t.head.i in verbs]
    if len(subjects) != 1:
        return None
    subj = subjects[0]
    if (quote_span(subj) is not None or _opened_before(subj) or any(s <= subj.idx < e for s, e in kept)
            or any(c.dep_ == "conj" for c in subj.children)):
        return None
    if subj.pos_ == "PRON":
        group = said.get(subj.idx)
        if group is None or not _same_form(word, subj.lower_):
            return None
        return next((q for q in phrases if q.group == group), None)
    q = by_head.get(subj.i)
    if q is None or (q.definite and q.group < 0):
        return None  # "The prime minister …", "The car …": most often one the text names
    return q if _agrees(word, q.head) else None


def _opened_before(tok: Any) -> bool:
    """Does a quotation opened before the token in its sentence stay open up to it (one
    running on past the sentence, which ``quote_span`` does not see)?"""
    return sum(1 for t in tok.sent if t.i < tok.i and t.text in '"“”') % 2 == 1


def _governing_phrase(tok: Any, word: str, by_head: dict[int, _Phrase], said: dict[int, int],
                      phrases: list[_Phrase], kept: list[tuple[int, int]],
                      quote: tuple[int, int] | None) -> _Phrase | None:
    """The description that is the subject of the verb governing a subject or possessive
    pronoun's clause, before it in its sentence, at its level of discourse: "the trio
    announced their resignations", "the campaigners were so angered they threatened …"
    (the named linker's ``subject`` rule, ``referring._governing_subject``, for a subject
    that names no one). The nearest such subject decides: a name there, or a noun that
    does not agree, leaves the pronoun out."""
    if not (tok.dep_ in ("nsubj", "nsubjpass") or tok.dep_ == "poss"):
        return None
    t = clause_verb(tok)
    if t is None:
        return None
    verbs = [t]
    while t.dep_ in ("ccomp", "xcomp", "acomp") and t.head.i != t.i:  # "were so angered [they …]"
        t = t.head
        verbs.append(t)
    for verb in verbs:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i
                    and c is not tok and tok not in c.subtree]
        if not subjects:
            continue
        subj = subjects[-1]
        while subj.dep_ == "appos" and subj.head.i != subj.i:
            subj = subj.head
        if quote_span(subj) != quote or any(s <= subj.idx < e for s, e in kept):
            return None  # another level of discourse, or a name: not ours to decide
        if any(t.pos_ in ("NOUN", "PROPN") and t.dep_ in _CANDIDATE_DEPS and t.dep_ != "poss"
               and (t.pos_ == "PROPN" or _agrees(word, t)) and subj not in (t, *t.ancestors)
               for t in tok.doc[subj.i + 1:tok.i]):
            return None  # "A judge sentenced Nichols for his rampage": another candidate between
        if any(c.dep_ == "conj" for c in subj.children):
            return None  # "the mayor and the police chief … they": both, or neither
        if subj.pos_ == "PRON":
            group = said.get(subj.idx)
            if group is None or not _same_form(word, subj.lower_):
                return None
            return next((q for q in phrases if q.group == group), None)
        q = by_head.get(subj.i) or next((by_head[c.i] for c in subj.children
                                         if c.dep_ == "appos" and c.i in by_head), None)
        return q if q is not None and _agrees(word, q.head) else None
    return None


def _may_agree(me: ChainMention, chain: Chain, label: str, text: str) -> bool:
    """Could the pronoun stand for the named chain, as far as the text tells? Agreeing
    (``referring._fits``), or not clearly of another kind: for "he"/"she" a chain of no
    clear type or one with a personal name ("Raj Chohan" tagged a place), unless its sex
    is marked otherwise; for "they" a chain whose name is coordinated with another ("Klitschko
    and his brother Vitali … they"). A name followed by an age ("Chohan, 59,") is a person's
    whatever the tagger typed it."""
    # A later honorific may bar a named link (``referring._choose``) but never makes a
    # name less of a rival here.
    if _fits(me, chain, label, anywhere=False):
        return True
    word = me.text.lower()
    gender = GENDERED_PRONOUNS.get(word)
    if gender:
        if _gender(chain, me.start, anywhere=False) not in (None, gender):
            return False
        # A one-word name as a subject ("Palin told …", tagged a place) may be a person's.
        return label == "" or any(
            x.kind == "name" and (_personal_name(x.name_text) or _AGED.match(text, x.end)
                                  or (x.subject and len(x.name_text.split()) == 1))
            for x in chain.mentions)
    if word in ("they", "them", "their", "theirs", "themselves"):
        return label == "" or label == "PERSON"  # people named one by one, then "they"
    return label == ""


def _sentence_start(doc: Any, tok: Any, back: int) -> int:
    """Token index where the sentence ``back`` sentences before ``tok``'s begins."""
    sent = tok.sent
    for _ in range(back):
        if sent.start == 0:
            break
        sent = doc[sent.start - 1].sent
    return int(sent.start)


def _coargument(pron: Any, noun: Any, word: str) -> bool:
    """Binding Theory, Principle B (Chomsky 1981): a plain (not reflexive, not possessive)
    object pronoun is not the subject of its own verb ("the driver struck her")."""
    if word in _REFLEXIVE or word in _POSSESSIVE or pron.dep_ in ("nsubj", "nsubjpass"):
        return False
    verb = pron.head if pron.dep_ != "pobj" else pron.head.head
    return noun.head.i == verb.i and noun.dep_ in ("nsubj", "nsubjpass")


def _chain_mention(item: Any, rule: str, doc: Any, sentence_of: Callable[[int], int]) -> ChainMention:
    text = doc_text_of(doc)
    if isinstance(item, _Phrase):
        head = item.head.lemma_.lower()
        return ChainMention(item.start, item.end, text[item.start:item.end], item.label, item.sentence,
                            "nominal", method="nominal", score=0.7 if rule != "introduced" else 0.8,
                            reason=f"{rule}: unnamed participant",
                            subject=item.head.dep_ in ("nsubj", "nsubjpass"),
                            head=head, definite=item.definite, plural=item.plural, referring=True, rule=rule)
    word = item.text.lower()
    label = "PERSON" if word in GENDERED_PRONOUNS else item.label
    return ChainMention(item.start, item.end, item.text, label, sentence_of(item.start), "pronoun",
                        method="pronoun", score=0.7, reason=f"{rule}: unnamed participant", referring=True,
                        rule=rule)


def doc_text_of(doc: Any) -> str:
    from newsgraph.nlp.doc_views import doc_text

    return str(doc_text(doc))


def fullest_description(texts: Iterable[str]) -> str:
    """An unnamed referent's display name: its description of the most words (the first
    of those), a capitalised article lowered ("A gunman" opening a sentence → "a gunman")."""
    best = ""
    for t in texts:
        if len(t.split()) > len(best.split()):
            best = t
    first, _, rest = best.partition(" ")
    return f"{first.lower()} {rest}" if rest and first in ("A", "An", "The", "This", "That") else best
