"""Which pronouns and descriptions found in a text (``nlp.referring``) stay linked, and why.

The within-document chainer (``within``) links every referring expression it is handed
the way it links ECB+'s gold mentions: for coreference scores, a pronoun goes to the
most recent compatible antecedent and a description to the most mentioned name of its
type. What the knowledge base prints an analyst repeats, so here precision comes first.
A found pronoun or description is kept only in a chain that holds a name, and only when
the text makes the link clear; each kept one records the rule (``ChainMention.rule``):

- ``apposition`` — a noun phrase in apposition to the name, or its title noun ("Tim
  Cook, Apple's chief executive");
- ``described`` — a description with the noun the text itself describes the name with
  ("Texas inmate Arcade Comeaux" … "the inmate"), or a sex-marked one with the only
  person so marked, or a lead's description of the person named next;
- ``same-description`` — the words or head noun of a description already kept in the
  chain ("the company" … "the company");
- ``relative`` — a relative pronoun and the noun its clause modifies;
- ``speaker`` — "I", "me", "my" inside a quotation and its speaker: the subject of the
  verb that introduces it ("'I am tired,' Jones said"), or the speaker the claims stage
  pairs the quotation with (``AnnotatedDocument.quotations``, recorded as claims are
  extracted: a cue in the sentence after, a cue line, a quotation continuing the previous
  one's speaker), when that speaker is one named person (a full personal name decides
  where the tagger typed the person's names two ways) or a pronoun or description
  already linked to one — "he" of "'…,' he said" linked here and named alike by the
  claims stage, or linked here where the claims stage left it unresolved;
- ``speaker-organisation`` — "we", "us", "our" inside a quotation and the body its
  speaker speaks for, where the text says which: the speaker is itself an organisation
  or a place ("Airbus said: 'We …'"), or the speaker's own noun phrase names one
  organisation ("a spokesman for Airbus", "Airbus chief executive Tom Enders"), also
  where the speaker is "he"/"she" for a person whose phrase said so where the text named
  them ("Tom Enders, Airbus's chief executive, … 'We …,' he said"). A person with no
  organisation named beside them is not "we": left out. So are "it", "they" (or the
  possessor of such a subject) in the clause a verb of saying or thinking takes as its
  complement when its subject is such a spokesperson, outside quotations: "Merck's head
  of research Peter Kim said that it withdrew Vioxx", "A South Wales Police spokeswoman
  confirmed that they were looking at the leaflet" — not "it" of a copula ("said it was
  too early to tell");
- ``author`` — "I", "me", "my" in the article's own voice (outside every quotation) and
  its author, when the document's metadata names one author (``Document.authors``) and
  the text names that person too (a byline or a closing note left in the text); with no
  author, or several, or the author not named in the text, left out — a reader's or a
  columnist's "I" is no one the text names;
- ``only-candidate`` — "he"/"she" (and their forms) or a determined description (not a
  possessed one: "my team", "her rep" name a relation to the possessor) with exactly one
  named antecedent of its kind in reach: agreement in animacy (person / organisation /
  place from the entity type — a chain the tagger typed both a person and a body is a
  person when one of its names is a full personal name, else of the type most of its
  names have, else of none), gender (from honorifics and pronouns already linked) and
  number, in reach — for a pronoun its own and the two sentences before (else up to five
  back when none is there), for a description its own and the five before. Not when a
  subject that names nothing and agrees stands nearer ("A friend of the mayor said he
  …": the friend; "Big Brother's spokeswoman said … she added"), nor when the name is
  in reach only as a modifier of a noun of another kind ("a US bank"; Postal's anaphoric
  islands);
- ``subject`` — "it", "they" and their forms (which as often stand for things and
  groups no name is given for: "the fans", "the device"), and any pronoun with
  competitors in reach: the antecedent is the subject of the pronoun's own sentence
  before it, at the pronoun's level of discourse (narration or the same quotation):
  "Smith told Jones he …" is Smith, "Turkey is to relaunch its currency" Turkey — of two,
  for a subject or possessive pronoun, the one whose verb takes the pronoun's clause as
  its complement: "Vioxx was withdrawn but Merck said it would …" is Merck; or,
  for a subject pronoun or the possessor of the subject ("Its profits were buoyed …"),
  the only subject among them in the sentence before — inside a quotation the claims
  stage pairs with a speaker, the subject of the quoted clause in the sentence before
  within the same quotation ("'The agency has provided leadership. It has delivered …'")
  — and for a pronoun of the narration that is the first subject of its sentence, the
  sentence before is the last one not wholly inside a quotation: "Mr Brown said: '… Mr
  Blair and I …' He also said …" is Brown, the quoted sentences being his words, not the
  story's thread; and, for such a pronoun, when the sentence before has no main subject
  it could continue (an expletive, a noun of another number, animacy or sex), the one
  subject of a clause inside that sentence — "There was an outcry when the council
  published its plans. It had suggested …", "Analysts warned that the airline might fail.
  Last week, it struck a deal" — no other subject there that might agree; and a
  possessive in an infinitive that complements a noun a name possesses is that name, the
  infinitive's understood subject ("Mr Blair's decision to hold his monthly conference")
  (subject and
  grammatical-role parallelism preferences of centering theory, Grosz, Joshi &
  Weinstein 1995; Kameyama 1986). Pronouns left out are looked at once more after the
  descriptions are kept ("The organisation has found itself in trouble … It denies").

Inside a quotation, "he" or "she" is not the quotation's speaker (who would say "I"),
nor is a description ("this guy", "the player"). A name's honorific marks its sex wherever
in the text it stands ("TV presenter Anne Robinson said he … Ms Robinson": not he): the
link is barred, but the name still counts as a rival, so a later honorific never makes a
link.
Two conditions of Binding Theory (Chomsky 1981) bar links outright: a description is not
what a mention c-commanding it refers to (Principle C: "Gaskin said the man fell"), and
not what a part of it refers to (i-within-i: "her rep", "Reid's lawyer").

Everything else — two people before "he" with no subject to tell them apart, "the
company" with two companies in reach, a chain of pronouns or descriptions that never
meets a name — is dropped, not guessed.
"""

from __future__ import annotations

from typing import Any

from newsgraph.model.claims import QuotationSource
from newsgraph.model.document import AnnotatedDocument
from newsgraph.nlp.referring import (
    FIRST_PERSON,
    FIRST_PERSON_PLURAL,
    RELATIVE_PRONOUNS,
    description_label,
    pleonastic,
    quote_span,
)
from newsgraph.resolve.entities.names import HONORIFICS, ORG_DESIGNATORS, parse_name
from newsgraph.resolve.entities.within import GENDERED_NOUNS, GENDERED_PRONOUNS, Chain, ChainMention

__all__ = ["RULES", "keep_clear_references"]

RULES: tuple[str, ...] = ("apposition", "described", "same-description", "relative", "only-candidate",
                          "subject", "speaker", "speaker-organisation", "author")

#: What a pronoun may stand for, by the type of the named entity (OntoNotes labels).
_NONPERSON_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
_PLURAL_LABELS = frozenset({"ORG", "NORP"})  # "they": a body of people, never one person
#: The labels a description's head noun type admits for the name it describes.
_DESCRIBES: dict[str, frozenset[str]] = {
    "PERSON": frozenset({"PERSON"}),
    "ORG": frozenset({"ORG"}),
    "GPE": frozenset({"GPE", "LOC"}),
    "FAC": frozenset({"FAC"}),
}


def _rule_of(m: ChainMention) -> str | None:
    """The rule a link made by ``within`` falls under when it needs no further check;
    None when it was made on recency or salience alone (checked for competitors)."""
    reason = m.reason
    if reason.startswith("apposition"):
        return "apposition"
    if reason.startswith(("the text describes", "the document describes", "sex-marked description",
                          "lead description")):
        return "described"
    if reason.startswith("relative pronoun"):
        return "relative"
    if reason.startswith(("same words", "same head")):
        return "same-description"
    return None


def _label(chain: Chain) -> str:
    """The chain's entity type for agreement. Where the tagger typed its names both a
    person and something else ("Britney Spears" PERSON, "Spears" ORG; "Onyx Hotel" PERSON,
    "The Onyx Hotel" ORG), a full personal name decides for a person; otherwise the type
    with more names, and on a tie none (no pronoun agrees with a chain of no clear kind).
    A one-word "person" the gazetteer knows as a sizeable place, with no person cue in the
    text, is of no clear kind either (``_place_not_person``)."""
    labels = chain.labels()
    if not labels:
        return ""
    top = labels.most_common(1)[0][0]
    person = labels.get("PERSON", 0)
    other = sum(n for lab, n in labels.items() if lab in _NONPERSON_LABELS or lab == "NORP")
    if top == "PERSON" and not other and _place_not_person(chain):
        return ""
    if not (person and other):
        return top
    if any(x.kind == "name" and x.label == "PERSON" and _personal_name(x.name_text) for x in chain.mentions):
        return "PERSON"
    if person == other:
        return ""
    if person > other:
        return "PERSON"
    return max((lab for lab in labels if lab != "PERSON"), key=labels.__getitem__)


#: A one-word "person" that is also a place of this size (or a country or a region) on
#: its primary name is as likely a club or a town ("Leicester", "Chelsea", "Valencia").
_PLACE_POPULATION = 50_000


def _place_not_person(chain: Chain) -> bool:
    """Is a chain the tagger typed a person named only by one word that the gazetteer
    knows as a sizeable place (its primary name), with no person cue in the text — no
    title ("Mr Preston"), no noun for a person describing it ("Preston, the author")?
    Then no "he" or "she" stands for it: the text does not say it is a person."""
    names = [x for x in chain.mentions if x.kind == "name"]
    if not names or any(len(x.name_text.split()) != 1 or x.title for x in names):
        return False
    if any(description_label(d) == "PERSON" for x in names for d in x.descriptors):
        return False
    from newsgraph.nlp.places import candidates

    return any(c.primary and (c.feature != "city" or c.population >= _PLACE_POPULATION)
               for c in candidates(names[0].name_text))


def _personal_name(text: str) -> bool:
    """A given name and a surname, as people are named ("Britney Spears", "Mira Nair"): two
    or three capitalised words, no legal designator, no "of", a first word that is no
    adjective (WordNet) and a last word that is no noun for a body, a place or a building
    ("Onyx Hotel", "Seibu Railways")."""
    words = parse_name(text).tokens
    if not 2 <= len(words) <= 3 or any(not w[:1].isupper() for w in text.split()[-len(words):]):
        return False
    if any(w in ORG_DESIGNATORS or w.capitalize() in ORG_DESIGNATORS or w == "of" for w in words):
        return False
    from newsgraph.nlp.wordnet import wordnet

    wn = wordnet()
    if wn is not None and any(sid.startswith("a") for sid in wn.senses(words[0])):
        return False  # "Scottish Borderers", "Royal Mail", "New Order": an adjective, not a given name
    return description_label(words[-1]) not in ("ORG", "GPE", "FAC")


def _gender(chain: Chain, before: int, described: bool = True, anywhere: bool = True) -> str | None:
    """The sex the chain's names (their titles and, with ``described``, the sex-marked nouns
    describing them) or its kept pronouns mark, up to offset ``before`` (the first such cue).
    A sex-marked description ("the actor") is matched without the nouns: "actor Colin
    Salmon" would make every actor in reach a rival of the one the text goes on about.
    A name's honorific marks the sex wherever in the text it stands ("Anne Robinson … he
    … Ms Robinson": not he), before any pronoun kept so far, which may itself be wrong
    (``anywhere``; without it, only cues before ``before`` count)."""
    for x in chain.mentions:
        if anywhere and x.kind == "name" and x.start >= before and (
                g := parse_name(x.name_text).gender or (HONORIFICS.get(x.title) if x.title else None)):
            return g
    for x in chain.mentions:
        if x.start >= before:
            break
        if x.kind == "name":
            # A title, or a sex-marked noun the text describes the name with ("his wife
            # Glenys", "Lohan, the actress").
            g = parse_name(x.name_text).gender or (HONORIFICS.get(x.title) if x.title else None) or next(
                (GENDERED_NOUNS[d] for d in x.descriptors if described and d in GENDERED_NOUNS), None)
        elif x.kind == "pronoun" and (x.rule or not x.referring):
            g = GENDERED_PRONOUNS.get(x.text.lower())
        else:
            g = None
        if g:
            return g
    return None


def _fits(m: ChainMention, chain: Chain, label: str, anywhere: bool = True) -> bool:
    """Does the chain's type (and sex) agree with the pronoun or description? (``anywhere``:
    a name's honorific after the pronoun counts, ``_gender``.)"""
    word = m.text.lower()
    if m.kind == "pronoun":
        gender = GENDERED_PRONOUNS.get(word)
        if gender:
            return label == "PERSON" and _gender(chain, m.start, anywhere=anywhere) in (None, gender)
        if word in ("they", "them", "their", "theirs", "themselves"):
            return label in _PLURAL_LABELS
        return label in _NONPERSON_LABELS
    wanted = _DESCRIBES.get(m.label)
    if wanted is None or label not in wanted:
        return False
    # A sex-marked noun ("the actress", "the man") needs the sex marked on the name too
    # (an honorific, or a pronoun kept anywhere in the text): most names do not say it,
    # and the text often holds an unnamed man or woman beside the named people.
    gender = GENDERED_NOUNS.get(m.head)
    return ((gender is None or _gender(chain, 1 << 62, described=False) == gender)
            and _heads_agree(m.head, chain))


def _name_heads(chain: Chain) -> set[str]:
    """Common nouns that close the chain's names and say what it is ("Movement" of "the
    Karachi Workers Movement", "Police" of "the Sindh Police"); legal designators
    ("Group", "Inc") say nothing of the kind."""
    from newsgraph.nlp.wordnet import wordnet

    wn = wordnet()
    out: set[str] = set()
    for x in chain.mentions:
        if x.kind != "name" or x.label == "PERSON":  # a surname is no kind ("Lohan", a WordNet noun)
            continue
        words = parse_name(x.name_text).tokens
        last = words[-1] if len(words) > 1 else ""
        if last.isalpha() and last not in ORG_DESIGNATORS and wn is not None and wn.common_noun(last):
            out.add(last)
    return out


def _heads_agree(head: str, chain: Chain) -> bool:
    """A description and a name whose last word is a common noun agree when the two nouns
    are one or the description's is a more general kind (a hypernym in WordNet's two most
    frequent senses): "the movement" or "the group" for "the Karachi Workers Movement",
    not "the government"."""
    heads = _name_heads(chain)
    if not heads or head in heads:
        return True
    from newsgraph.nlp.wordnet import wordnet

    wn = wordnet()
    if wn is None:
        return True
    mine = set(wn.sense_ids(head, "n", 2))
    return any(mine & wn.ancestors(sid) for h in heads for sid in wn.sense_ids(h, "n", 2))


#: Mention (by id) → token bounds of the quotation holding it, None outside one; set per
#: document by ``keep_clear_references``.
Quoted = dict[int, tuple[int, int] | None]


def _subject_before(chain: Chain, sentence: int, before: int, level: tuple[int, int] | None = None,
                    quoted: Quoted | None = None, main: Any = None) -> bool:
    """Is the chain a subject in ``sentence`` before offset ``before`` — at the pronoun's
    level of discourse (``level``: the quotation holding it, or None)? A subject inside a
    quotation is no antecedent for a pronoun of the narration ("'Jermayne fired the
    shot,' he said"), nor one of the narration for a pronoun inside a quotation."""
    return any(x.subject and x.sentence == sentence and x.start < before and (x.kind == "name" or x.rule)
               and (quoted is None or quoted.get(id(x)) == level) and (main is None or _main_subject(x, main))
               for x in chain.mentions)


def _main_subject(x: ChainMention, doc: Any) -> bool:
    """Is the mention the subject of its sentence's main verb (or of a verb coordinated
    with it), given the parse ``doc``?"""
    span = doc.char_span(x.start, x.end, alignment_mode="expand")
    if span is None or not len(span):
        return True
    root = span.root
    while root.dep_ in ("conj", "appos") and root.head.i != root.i:
        root = root.head
    verb = root.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT" or verb.head.i == verb.i


def _in_reach(m: ChainMention, chain: Chain, first: int, modifiers: frozenset[int] = frozenset()) -> bool:
    """Is the chain named or clearly referred to in sentences ``first`` … before ``m``? For a
    pronoun a name that only modifies a noun ("a US bank", "the Airbus order": ``modifiers``)
    does not count: the noun phrase is about the bank, and a pronoun after it is too
    (proper-noun modifiers as anaphoric islands, Postal 1969)."""
    skip = modifiers if m.kind == "pronoun" else frozenset()
    return any(first <= x.sentence <= m.sentence and x.start < m.start and (x.kind == "name" or x.rule)
               and id(x) not in skip for x in chain.mentions)


def _principle_c(m: ChainMention, chain: Chain, doc: Any) -> bool:
    """Binding Theory, Principle C (Chomsky 1981): a description is free — no mention of
    its own referent c-commands it. "Inspector Dave Gaskin said the man fell": the
    subject c-commands the clause that holds "the man", so the man is not Gaskin; nor is
    "the crowd" Hansbrough in "Hansbrough addressed the crowd". True when the chain has
    such a mention (the link is barred)."""
    if doc is None or m.kind != "nominal":
        return False
    target = doc.char_span(m.start, m.end, alignment_mode="expand")
    if target is None or not len(target):
        return False
    head = target.root
    for x in chain.mentions:
        if x is m or x.sentence != m.sentence or x.start >= m.start or not (x.kind == "name" or x.rule):
            continue
        span = doc.char_span(x.start, x.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        root = span.root
        if root.head.i == root.i or root.dep_ in ("compound", "poss", "appos"):
            continue
        if head in root.head.subtree and head not in root.subtree:
            return True
    return False


#: Arcs by which a name inside a subject's noun phrase is that noun phrase's referent
#: ("the chief executive Tim Cook", "Singer Britney Spears"), not another entity beside it
#: ("a friend of the mayor", "the mayor's friend").
_SAME_REFERENT_ARCS = frozenset({"appos", "compound", "flat", "nmod"})


def _covered(tok: Any, chains: list[Chain]) -> bool:
    """Is the token inside a name, or a pronoun or description kept for a name?"""
    at = tok.idx
    return any(y.start <= at < y.end and (y.kind == "name" or y.rule) for c in chains if c.kind == "name"
               for y in c.mentions)


def _same_form(a: str, b: str) -> bool:
    """Are two third-person pronouns of one person, number and sex ("he" … "his")?"""
    groups = (("he", "him", "his", "himself"), ("she", "her", "hers", "herself"), ("it", "its", "itself"),
              ("they", "them", "their", "theirs", "themselves"))
    return any(a in g and b in g for g in groups)


def _agrees(word: str, noun: Any) -> bool:
    """Could the pronoun ``word`` stand for the common noun ``noun`` (a token)? He/she a
    person noun of no other sex, it/its a singular noun that names no person, they/their a
    plural noun."""
    lemma = noun.lemma_.lower()
    plural = noun.tag_ in ("NNS", "NNPS")
    gender = GENDERED_PRONOUNS.get(word)
    if gender:
        return (not plural and description_label(lemma) == "PERSON"
                and GENDERED_NOUNS.get(lemma) in (None, gender))
    if word in ("they", "them", "their", "theirs", "themselves"):
        return plural
    return not plural and description_label(lemma) != "PERSON"


def _paired_speaker(m: ChainMention, chains: list[Chain],
                    sources: list[QuotationSource] | None, doc: Any) -> int | None:
    """The named chain of the speaker the claims stage pairs the quotation holding ``m``
    with (the speaker's span, or the name a pronoun speaker stands for); None outside one."""
    source = next((s for s in sources or () if s.start <= m.start and m.end <= s.end), None)
    if source is None or doc is None:
        return None
    span = doc.char_span(source.speaker[0], source.speaker[1], alignment_mode="expand")
    if span is None or not len(span):
        return None
    head = span.root  # "his coach Peter Stanley": Stanley, not "his"
    j = _chain_at(chains, head.idx, head.idx + len(head.text))
    if j is None and source.ref is not None:
        j = _chain_at(chains, *source.ref)
    return j


def _last_before(m: ChainMention, chain: Chain) -> int:
    """Offset of the chain's last name or kept mention before ``m``."""
    return max((x.start for x in chain.mentions if x.start < m.start and (x.kind == "name" or x.rule)),
               default=-1)


def _root_at(doc: Any, start: int, end: int) -> Any | None:
    """The syntactic head of the tokens covering ``start``–``end``, or None off the parse."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _unnamed_rival(m: ChainMention, chains: list[Chain], doc: Any, since: int = -1,
                   chosen: Chain | None = None) -> bool:
    """Is there, nearer than any name, a subject the pronoun agrees with that names nothing
    — "A friend of the mayor said he …", "A US bank said it …", "The deal … It …"? The
    subject of the pronoun's own sentence before it, or — for a pronoun opening its
    sentence's clauses — of the sentence before, is the pronoun's preferred antecedent
    (centering theory: the subject is the most salient forward-looking centre, Grosz,
    Joshi & Weinstein 1995); when it is no name, the name in reach is no clear choice.
    For "he"/"she" (a person noun agrees or not by its meaning) so is any sentence's
    subject after ``since``, the name's last mention ("Endemol … Big Brother's
    spokeswoman said … she added"). A proper noun no name covers ("Baros", which the
    tagger missed) as the nearest subject is as much a rival for "he"/"she"."""
    if doc is None:
        return False
    tok = _root_at(doc, m.start, m.end)
    if tok is None:
        return False
    word = m.text.lower()
    sent = tok.sent
    # Not the subject of the pronoun's own verb: "the deal would help it" (Principle B).
    own = [t for t in sent if t.i < tok.i and t.dep_ in ("nsubj", "nsubjpass") and tok not in t.subtree
           and not (t.head == tok.head and tok.dep_ in ("dobj", "dative", "pobj"))]
    cands = own[-1:]  # the nearest subject before it in its own sentence
    if not cands and sent.start > 0:
        prev = doc[sent.start - 1].sent
        cands = [t for t in prev if t.dep_ in ("nsubj", "nsubjpass") and t.head == prev.root]
    nearest = list(cands)
    if word in GENDERED_PRONOUNS and 0 <= since < sent.start_char:
        cands += [t for t in doc.char_span(since, sent.start_char, alignment_mode="expand") or []
                  if t.dep_ in ("nsubj", "nsubjpass") and t.head == t.sent.root and t.idx > since]
    named_words: dict[str, set[int]] = {}
    for c in chains:
        if c.kind == "name":
            for y in c.mentions:
                if y.kind == "name":
                    for w in y.text.split():
                        named_words.setdefault(w, set()).add(id(c))
    for t in cands:
        if t.pos_ == "PRON" and t in nearest and not _covered(t, chains) and _same_form(word, t.lower_):
            return True  # "He played … Despite his nomination": an unresolved "he" is nearer
        owners = named_words.get(t.text)
        if (t in nearest and word in GENDERED_PRONOUNS and not _covered(t, chains)
                and t.text[:1].isupper() and t.ent_type_ in ("", "PERSON")
                and not any(_covered(c, chains) for c in t.subtree if c is not t)
                and (t.pos_ == "PROPN" or (t.pos_ == "NOUN" and owners))  # the tagger may call it a noun
                and (chosen is None or id(chosen) not in (owners or ()))):
            # "Edu admitted … He told": a person the tagger did not name is nearer; or a
            # word of another name the text gives ("Rowlands", untagged here, of "Patsy
            # Rowlands", is nearer than the agent named after her). Not a word of the
            # chosen name ("Mr Gates" untagged once), nor a noun phrase holding a name
            # ("author Dan Lewis").
            return True
        if t.pos_ != "NOUN" or _covered(t, chains) or not _agrees(word, t):
            continue
        if t.tag_ == "NN" and not any(c.dep_ in ("det", "poss") for c in t.children):
            continue  # a bare singular noun as a subject is a name the tagger missed ("Queen of the Sky")
        if any(c.dep_ in _SAME_REFERENT_ARCS and _covered(c, chains) for c in t.children):
            continue
        return True
    return False


def _choose(m: ChainMention, chains: list[Chain], labels: list[str],
            doc: Any = None, quoted: Quoted | None = None,
            modifiers: frozenset[int] = frozenset(),
            sources: list[QuotationSource] | None = None,
            narration: dict[int, int] | None = None) -> tuple[int, str] | None:
    """``_choose_any``'s choice, unless a name's honorific later in the text says the chosen
    is of the other sex ("Anne Robinson said he … Ms Robinson"). A chain so barred still
    counts as a rival: a later honorific only ever removes a link, never makes one."""
    got = _choose_any(m, chains, labels, doc, quoted, modifiers, sources, narration)
    if got is None or _fits(m, chains[got[0]], labels[got[0]]):
        return got
    return None


def _choose_any(m: ChainMention, chains: list[Chain], labels: list[str],
                doc: Any = None, quoted: Quoted | None = None,
                modifiers: frozenset[int] = frozenset(),
                sources: list[QuotationSource] | None = None,
                narration: dict[int, int] | None = None) -> tuple[int, str] | None:
    """The one named chain a recency- or salience-linked pronoun or description stands
    for, and the rule, or None when the text leaves a choice.

    Candidates agree with it (``_fits``) and are in reach: a pronoun looks at its own and
    the two sentences before, then — when none is there — up to ``_FAR`` sentences back;
    a description at its own and the ``_FAR`` sentences before (descriptions reach further
    back than pronouns in news copy, e.g. "the company" a paragraph after its name)."""
    level = quoted.get(id(m)) if quoted else None
    # Inside a quotation "he" or "she" is not its speaker, who would say "I".
    # Nor is a description inside it ("'This guy is an absolute sporting icon,' said the
    # Warriors chief": not the chief).
    speaker = _quote_speaker(m, chains, doc) if level is not None else None
    # So is the speaker the claims stage pairs a quotation running over several sentences
    # with ("'He strained a muscle …'", said his coach — the coach is not "he").
    paired = _paired_speaker(m, chains, sources, doc)
    fitting = [i for i, c in enumerate(chains) if i != speaker and i != paired
               and c.kind == "name" and (_fits(m, c, labels[i]) or _fits(m, c, labels[i], anywhere=False))
               and not _principle_c(m, c, doc)]
    near = 2 if m.kind == "pronoun" else _FAR
    reach = [i for i in fitting if _in_reach(m, chains[i], m.sentence - near)]
    if not reach and m.kind == "pronoun":
        near = _FAR
        reach = [i for i in fitting if _in_reach(m, chains[i], m.sentence - _FAR)]
    # "it", "they" and their forms stand for things and groups the text seldom names (the
    # device, the fans, the doctors) as often as for a name: alone in reach is not enough,
    # the name must be the subject the pronoun continues (below). "He" and "she" stand for
    # people, whom news copy names.
    personal = m.kind != "pronoun" or m.text.lower() in GENDERED_PRONOUNS
    if len(reach) == 1 and personal:
        # A name that only modifies a noun in reach ("a US bank") still competes, but is
        # never chosen; nor is a name when a subject that names nothing is nearer.
        if m.kind == "pronoun" and (not _in_reach(m, chains[reach[0]], m.sentence - near, modifiers)
                                    or _unnamed_rival(m, chains, doc, _last_before(m, chains[reach[0]]),
                                                      chains[reach[0]])):
            return None
        return reach[0], "only-candidate"
    if not reach or m.kind != "pronoun":
        return None
    # The subject of the pronoun's own sentence before it ("Jones told Smith that he …",
    # "Turkey is to relaunch its currency"), else — for a subject pronoun — the one
    # subject of the sentence before.
    same = [i for i in reach if _subject_before(chains[i], m.sentence, m.start, level, quoted)]
    controller = _possessor_controller(m, chains, doc) if doc is not None else None
    if controller is not None and controller in reach:
        # "Mr Blair's decision to hold his monthly conference": the possessor of the noun
        # is the understood subject of its infinitive, which the pronoun sits in.
        return None if _unnamed_rival(m, chains, doc, chosen=chains[controller]) else (controller, "subject")
    if len(same) > 1 and doc is not None and (m.subject or _possessive(m, doc)):
        # Two subjects before a subject or possessive pronoun in its sentence: the one whose
        # verb governs the pronoun's clause ("Vioxx was withdrawn, but Merck said it would
        # …": Merck said). Not an object: "… said it would consider selling it" (Principle B).
        same = [i for i in same if _governing_subject(chains[i], m, doc)] or same
    if len(same) == 1:
        return None if _unnamed_rival(m, chains, doc, chosen=chains[same[0]]) else (same[0], "subject")
    if not same and level is None and doc is not None and not any(
            q.start <= m.start < q.end for q in sources or ()):
        body = _reported_body(m, chains, labels, doc)
        if body is not None:
            return body, "speaker-organisation"
    if not same and (m.subject or _possessor_of_subject(m, doc)):
        # The main clause's subject, not one of a clause inside it ("He was not expected
        # to win, when Margaret Thatcher was riding high. … he became …").
        before = m.sentence - 1
        pool = reach
        if (level is None and narration and m.sentence in narration and doc is not None
                and not any(s.start <= m.start < s.end for s in sources or ())
                and _opens_clauses(m, doc, sources)):
            # A pronoun of the narration opening its sentence continues the narration's last
            # subject: sentences wholly inside a quotation in between are the speaker's
            # words, not the story's thread ("Mr Brown said: '… Mr Blair and I … We are
            # determined …' He also said …": Brown). The candidates are those in reach of
            # that sentence.
            before = narration[m.sentence]
            pool = [i for i in fitting if _in_reach(m, chains[i], before)]
        prev = [i for i in pool if _subject_before(chains[i], before, 1 << 62, None, quoted, doc)]
        quotation = next((s for s in sources or () if s.start <= m.start and m.end <= s.end), None)
        if not prev and quotation is not None and doc is not None:
            # Inside one quotation running over sentences, the speaker's own subject goes
            # on ("The agency has provided leadership. It has delivered …").
            prev = [i for i in reach if _quoted_subject(chains[i], m.sentence - 1, quotation, doc)]
        if (not prev and quotation is None and level is None and doc is not None
                and _opens_clauses(m, doc, sources) and not _copula_it(m, doc)):
            # The main clause offers no subject the pronoun can continue ("There was an
            # outcry when the council published its plans. It had suggested …"; "Analysts
            # warned that the airline might fail. It …"): the one subject of a clause
            # inside it that agrees.
            prev = _embedded_subject(m, pool, chains, before, quoted, doc)
        if len(prev) == 1:
            return None if _unnamed_rival(m, chains, doc, chosen=chains[prev[0]]) else (prev[0], "subject")
    return None


_THIRD_PERSON = frozenset({"he", "she", "it", "they"})


def _copula_it(m: ChainMention, doc: Any) -> bool:
    """Is the pronoun "it" the subject of a copula or a verb of seeming ("It's only because
    …", "it was a shock")? Such an "it" as often stands for a situation."""
    if m.text.lower() != "it":
        return False
    tok = _root_at(doc, m.start, m.end)
    return tok is not None and tok.head.lemma_ in _EXPLETIVE_HOSTS


def _embedded_subject(m: ChainMention, pool: list[int], chains: list[Chain], sentence: int,
                      quoted: Quoted | None, doc: Any) -> list[int]:
    """The one chain in ``pool`` that is the subject of a clause inside ``sentence`` (of the
    narration), when that sentence's main clause has no subject the pronoun ``m`` could
    continue — an expletive ("There was an outcry when the council published …", "it
    emerged that …") or a noun that disagrees with it in number, animacy or sex
    ("Analysts warned that the airline …" before "It"; "That charge was denied by Mr
    Mandelson, who said …" before "He"). The subject is the most salient entity of an
    utterance (centering theory, Grosz, Joshi & Weinstein 1995); where the main subject
    cannot be the pronoun's, the next is the subject of the clause it embeds. Any other
    subject in the sentence that might agree and names no one of ``pool`` — a noun, an
    unresolved pronoun of the same form, an untagged proper noun — leaves it out; so does
    a main subject that might agree or is a name (whatever its type: the tagger's may be
    wrong). Only for a pronoun of the narration that is the first subject of its sentence,
    and not "it" of a copula. [] when not exactly one."""
    word = m.text.lower()
    found: dict[int, ChainMention] = {}
    for i in pool:
        for x in chains[i].mentions:
            if (x.subject and x.sentence == sentence and (x.kind == "name" or x.rule)
                    and (quoted is None or quoted.get(id(x)) is None)):
                found.setdefault(i, x)
    if len(found) != 1:
        return []
    (i, x), = found.items()
    tok = _root_at(doc, x.start, x.end)
    if tok is None:
        return []
    sent = tok.sent
    verbs = {sent.root.i} | {c.i for c in sent.root.conjuncts if c.pos_ in ("VERB", "AUX")}
    main = [t for t in sent if t.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") and t.head.i in verbs]
    if not main:
        return []
    mine = set(range(tok.left_edge.i, tok.right_edge.i + 1))
    for t in sent:
        if t.dep_ not in ("nsubj", "nsubjpass", "expl", "csubj") or t.i in mine or quote_span(t) is not None:
            continue
        owner = _chain_at(chains, t.idx, t.idx + len(t.text))
        if t in main:
            if t.dep_ == "expl" or (t.lower_ == "it" and pleonastic(t)):
                continue
            # A name as the main subject is left to the rules above, even of a type the
            # pronoun does not fit: the tagger's type may be wrong ("Kasabian tested …").
            if owner is None and t.pos_ == "NOUN" and not _agrees(word, t):
                continue  # "Analysts", "That charge": not what "it" / "he" stands for
            if (owner is None and t.pos_ == "PRON" and t.lower_ in _THIRD_PERSON
                    and not _same_form(word, t.lower_)):
                continue  # "They warned that the airline …" before "It"
            return []
        if owner == i:
            continue
        if owner is not None:
            if owner in pool:
                return []
            continue
        if t.pos_ == "NOUN" and _agrees(word, t):
            return []  # "the boss said the union …": a participant that names no one
        if t.pos_ == "PRON" and (_same_form(word, t.lower_) or t.lower_ in RELATIVE_PRONOUNS):
            return []
        if t.pos_ == "PROPN" and t.text[:1].isupper():
            return []  # a name the tagger missed may be the one
    return [i]


#: Arcs from a pronoun up to the verb of its clause: its own role, or the noun phrase it
#: possesses and that noun phrase's role.
_NP_ARCS = frozenset({"nsubj", "nsubjpass", "poss", "dobj", "pobj", "prep", "attr", "dative", "agent"})


def clause_verb(tok: Any) -> Any | None:
    """The verb (or auxiliary) of the clause a noun-phrase word sits in, climbing noun-phrase
    arcs only (``_NP_ARCS``: "it" of "it would consider", "its" of "cut its prices"), else None."""
    t = tok
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i and t.dep_ in _NP_ARCS:
        t = t.head
    return t if t.pos_ in ("VERB", "AUX") else None


def _possessor_controller(m: ChainMention, chains: list[Chain], doc: Any) -> int | None:
    """The named chain that is the understood subject of the infinitive holding a possessive
    pronoun, when that infinitive complements a noun a name possesses: "Mr Blair's decision
    to hold his monthly conference", "Merck's plan to sell its stake" — the possessor of a
    noun of deciding or planning controls its infinitive (Quirk et al. 1985 §17.30), and
    the pronoun's clause has no other subject. None otherwise."""
    if m.kind != "pronoun" or m.text.lower() not in ("his", "her", "its", "their"):
        return None
    tok = _root_at(doc, m.start, m.end)
    if tok is None or tok.dep_ != "poss":
        return None
    verb = clause_verb(tok)
    if verb is None or verb.dep_ != "acl" or verb.head.pos_ != "NOUN" or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    owners = [c for c in verb.head.children if c.dep_ == "poss" and c.i < verb.head.i]
    if len(owners) != 1 or owners[0].pos_ != "PROPN":
        return None
    return _chain_at(chains, owners[0].idx, owners[0].idx + len(owners[0].text))


def _possessive(m: ChainMention, doc: Any) -> bool:
    tok = _root_at(doc, m.start, m.end)
    return tok is not None and tok.dep_ == "poss"


def _governing_subject(chain: Chain, m: ChainMention, doc: Any) -> bool:
    """Is the chain, before ``m`` in its sentence, the subject of a verb that has ``m`` in
    its clause ("Merck said [it would …]", "Merck cut [its costs]")?"""
    tok = _root_at(doc, m.start, m.end)
    if tok is None:
        return False
    # The verb of its own clause ("it would consider", "cut its prices"), and the verbs
    # whose complement that clause is ("said [it would consider]"): not through an
    # adverbial clause ("… if it gets approval") nor a coordination ("Vioxx was withdrawn
    # but Merck said it …": "withdrawn" does not govern the clause of "said").
    t = clause_verb(tok)
    if t is None:
        return False
    above = {t.i}
    while t.dep_ in ("ccomp", "xcomp") and t.head.i != t.i:
        t = t.head
        above.add(t.i)
    for x in chain.mentions:
        if not (x.subject and x.sentence == m.sentence and x.start < m.start
                and (x.kind == "name" or x.rule)):
            continue
        root = _root_at(doc, x.start, x.end)
        if root is None:
            continue
        while root.dep_ in ("conj", "appos") and root.head.i != root.i:
            root = root.head
        if root.dep_ in ("nsubj", "nsubjpass") and root.head.i in above:
            return True
    return False


def _quoted_subject(chain: Chain, sentence: int, quotation: QuotationSource, doc: Any) -> bool:
    """Is the chain, in ``sentence`` and inside ``quotation``, the subject of the quoted
    clause's main verb (the verb whose head is outside the quotation, or none)?"""
    for x in chain.mentions:
        if not (x.subject and x.sentence == sentence and (x.kind == "name" or x.rule)
                and quotation.start <= x.start and x.end <= quotation.end):
            continue
        root = _root_at(doc, x.start, x.end)
        if root is None or root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children):
            continue  # "The government and the Army Board have …. They …": both, or neither
        while root.dep_ == "appos" and root.head.i != root.i:
            root = root.head
        verb = root.head
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        if verb.head.i == verb.i or not quotation.start <= verb.head.idx < quotation.end:
            return True
    return False


#: Third-person pronouns a body is referred to by ("Merck … it", "the club … they").
_BODY_PRONOUNS = frozenset({"it", "its", "itself", "they", "them", "their", "theirs", "themselves"})


def _reported_body(m: ChainMention, chains: list[Chain], labels: list[str], doc: Any) -> int | None:
    """The body a spokesperson's report is about: "it"/"they" (or the possessor of such a
    subject) in the clause a verb of saying or thinking takes as its complement, whose
    subject is a person speaking for one organisation named in their own noun phrase —
    "Merck's head of research Peter Kim said that it withdrew Vioxx", "an Airbus
    spokesman said it would appeal": the body the speaker speaks for (``_SPEAKS_FOR``).
    Not "it" of a copula ("said it was too early to tell"), which as often stands for a
    situation; None when no such speaker or the phrase names no body, or two."""
    if m.kind != "pronoun" or m.text.lower() not in _BODY_PRONOUNS:
        return None
    tok = _root_at(doc, m.start, m.end)
    if tok is None or not (tok.dep_ in ("nsubj", "nsubjpass") or _possessor_of_subject(m, doc)):
        return None
    if _opened_quotation(tok):
        return None  # 'An SFA spokesman said: "They have seven days …': the quotation's own "they"
    verb = clause_verb(tok)
    if verb is None or verb.lemma_ in _EXPLETIVE_HOSTS or verb.dep_ != "ccomp" or verb.head.i == verb.i:
        return None
    saying = verb.head
    from newsgraph.nlp.wordnet import wordnet

    wn = wordnet()
    if saying.pos_ != "VERB" or wn is None or not {"communication", "cognition"} & set(
            wn.verb_lexfiles(saying.lemma_, 2)):
        return None
    subjects = [c for c in saying.children if c.dep_ == "nsubj" and c.i < tok.i]
    if len(subjects) != 1:
        return None
    head = subjects[0]
    own = _own_np(head)
    person = (head.pos_ == "NOUN" and (description_label(head.lemma_.lower()) == "PERSON"
                                       or head.lemma_.lower() in _SPEAKS_FOR)) or (
        head.pos_ == "PROPN" and head.ent_type_ == "PERSON")  # "head" is first a body part in WordNet
    if not person or not any(t.lemma_.lower() in _SPEAKS_FOR for t in own if t.pos_ == "NOUN"):
        return None
    # Not the speaker's own name beside the role ("head of research Ana Varga", which the
    # tagger may type a body), in apposition or parsed as the object of "of" after a noun.
    theirs = {t.i for c in own if c.dep_ == "appos" or (c.dep_ == "pobj" and any(
        k.dep_ == "compound" and k.pos_ == "NOUN" for k in c.children)) for t in c.subtree}
    j = _named_in(chains, labels, [t for t in own if t.i != head.i and t.i not in theirs], "ORG")
    return j if j is not None and _fits(m, chains[j], labels[j]) else None


#: Verbs whose "it" subject is as often a situation as a participant (the copula and verbs of seeming).
_EXPLETIVE_HOSTS = frozenset({"be", "seem", "appear", "remain", "become"})


def _opened_quotation(tok: Any) -> bool:
    """Does a quotation mark opened before the token in its sentence stay open up to it (a
    quotation that runs on past the sentence, which ``quote_span`` does not see)?"""
    return sum(1 for t in tok.sent if t.i < tok.i and t.text in '"“”') % 2 == 1


def _opens_clauses(m: ChainMention, doc: Any, sources: list[QuotationSource] | None) -> bool:
    """Is the pronoun (or the noun phrase it possesses) the first subject of its sentence's
    narration ("He also said …", "'…,' she said"), no other subject before it outside a
    quotation?"""
    tok = _root_at(doc, m.start, m.end)
    if tok is None:
        return False
    return not any(t.dep_ in ("nsubj", "nsubjpass", "expl") and t.i < tok.i and tok not in t.subtree
                   and quote_span(t) is None and not any(s.start <= t.idx < s.end for s in sources or ())
                   for t in tok.sent)


def _possessor_of_subject(m: ChainMention, doc: Any) -> bool:
    """Is the pronoun the possessor of its clause's subject ("Its profits were buoyed …",
    "Their lawyers said …")? It continues the previous sentence's subject as a subject
    pronoun would."""
    if doc is None or m.kind != "pronoun":
        return False
    tok = _root_at(doc, m.start, m.end)
    if tok is None:
        return False
    return tok.dep_ == "poss" and tok.head.dep_ in ("nsubj", "nsubjpass") and tok.head.head.dep_ == "ROOT"


#: Sentences back a description (or a pronoun with nothing nearer) looks for its name.
_FAR = 5


def keep_clear_references(chains: list[Chain], adoc: AnnotatedDocument | None = None) -> list[Chain]:
    """Drop the found pronouns and descriptions (``ChainMention.referring``) the text does
    not make clear, set the rule on the others (moving a recency-linked one to the chain
    the rules choose); chains left without a name or a mention handed in go. Mentions
    handed in (names, gold mentions) are never touched. With ``adoc``'s parse, a name
    coordinated with a subject ("Ford and General Motors reported …") is a subject too."""
    doc = adoc.doc if adoc is not None else None
    if doc is not None:
        _coordinated_subjects(chains, adoc)
    labels = [_label(c) for c in chains]
    quoted = _quotations(chains, doc)
    home = {id(x): i for i, c in enumerate(chains) for x in c.mentions}
    # Pronouns first, then descriptions, each in text order: a description's sex agreement
    # reads the pronouns kept anywhere in the text ("the actress" before the first "she").
    found = sorted((x for c in chains for x in c.mentions if x.referring),
                   key=lambda x: (x.kind == "nominal", x.start))
    first_person: list[ChainMention] = []
    retry: list[ChainMention] = []
    modifiers = _modifier_names(chains, doc)
    paired = _sources(adoc)
    narration = _narration_before(adoc, paired)
    for x in found:
        i = home[id(x)]
        chain = chains[i]
        partner, apposed = _apposed(x, chains, doc)
        if partner is not None:
            if partner != i:
                chain.mentions.remove(x)
                chains[partner].mentions.append(x)
                chains[partner].mentions.sort(key=lambda y: y.start)
                home[id(x)] = partner
            x.method, x.score, x.rule = "nominal", 0.8, "apposition"
            x.reason = "apposition or title noun of the name"
            continue
        if x.kind == "nominal" and (apposed or not _definite(x, doc)):
            # An apposition to no name ("a spokeswoman" beside a name NER missed), or an
            # indefinite description out of apposition: it introduces, it does not refer.
            chain.mentions.remove(x)
            continue
        rule = _rule_of(x) if chain.kind == "name" else None
        if rule == "same-description" and not any(
                y.start < x.start and y.rule and (y.head == x.head or y.text.lower() == x.text.lower())
                for y in chain.mentions):
            rule = None  # only as good as the description it repeats
        if rule in ("described", "same-description") and _principle_c(x, chain, doc):
            rule = None
        if rule is not None and not (x.kind == "nominal" and x.plural):
            x.rule = rule
            continue
        chain.mentions.remove(x)
        if x.kind == "pronoun" and x.text.lower() in FIRST_PERSON | FIRST_PERSON_PLURAL:
            first_person.append(x)  # after the others: the speaker may be "he" or "the minister"
            continue
        # A pronoun the chainer gave to an unnamed description ("the driver … he") may
        # well mean it: never moved to a name. A plural description is no named entity.
        if x.kind == "nominal" and x.plural:
            continue
        if chain.kind != "name" and any(y.kind == "nominal" and not y.referring and y.start < x.start
                                        for y in chain.mentions):
            continue
        if x.kind == "nominal" and _possessed(x, doc):
            continue  # "my team", "her rep": a relation to the possessor, not its antecedent
        if x.kind == "pronoun" and x.text.lower() in RELATIVE_PRONOUNS:
            continue  # a relative pronoun stands for its clause's noun, or for nothing we know
        choice = _choose(x, chains, labels, doc, quoted, modifiers, paired, narration)
        if choice is None:
            if x.kind == "pronoun":
                retry.append(x)
            continue
        _move(x, choice, chains, home)
    # Once descriptions are kept ("The organisation … It denies"), a pronoun left out for
    # want of a named subject before it is looked at once more, in text order.
    for x in retry:
        choice = _choose(x, chains, labels, doc, quoted, modifiers, paired, narration)
        if choice is not None:
            _move(x, choice, chains, home)
    sources = _sources(adoc) if first_person else []
    author = _author_chain(chains, labels, adoc) if first_person else None
    for x in first_person:
        plural = x.text.lower() in FIRST_PERSON_PLURAL
        j = _first_person_source(x, chains, labels, doc, sources, plural)
        if j is None and not plural and author is not None and quoted.get(id(x)) is None and not any(
                s.start <= x.start and x.end <= s.end for s in sources):
            # The article's own voice: its one author, whom the text names.
            x.method, x.score, x.rule = "pronoun", 0.8, "author"
            best = chains[author].best_name()
            x.reason = f"author: {best.surface if best else '?'} wrote the article"
            chains[author].mentions.append(x)
            chains[author].mentions.sort(key=lambda y: y.start)
            home[id(x)] = author
            continue
        if j is None:
            continue
        x.method, x.score = "pronoun", 0.8
        x.rule = "speaker-organisation" if plural else "speaker"
        best = chains[j].best_name()
        x.reason = (f"{x.rule}: {best.surface if best else '?'} "
                    f"{'speaks through' if plural else 'is the source of'} the quotation")
        chains[j].mentions.append(x)
        chains[j].mentions.sort(key=lambda y: y.start)
        home[id(x)] = j
    for c in chains:
        # The i-within-i condition (Chomsky 1981): a noun phrase does not refer to what a
        # part of it refers to — "her rep", "Reid's rep", "his brother" are not she, Reid, he.
        c.mentions = [x for x in c.mentions if not (x.referring and x.kind == "nominal" and any(
            y is not x and x.start <= y.start and y.end <= x.end for y in c.mentions))]
    return [c for c in chains if any(x.kind == "name" or not x.referring for x in c.mentions)]


#: Sentences back a narration pronoun looks past quoted sentences for the narration's last one.
_QUOTED_RUN = 6


def _narration_before(adoc: AnnotatedDocument | None, sources: list[QuotationSource]) -> dict[int, int]:
    """Sentence index → the last sentence before it that is not wholly inside a quotation,
    where that is further back than the sentence just before (``_QUOTED_RUN`` at most). A
    sentence is wholly quoted when each of its words is inside a quotation the claims stage
    pairs with a speaker (``sources``) or between quotation marks of its own sentence."""
    if adoc is None or adoc.doc is None or not sources:
        return {}
    doc = adoc.doc
    spans = sorted((q.start, q.end) for q in sources)

    def quoted(tok: Any) -> bool:
        return any(a <= tok.idx < b for a, b in spans) or quote_span(tok) is not None

    inside: list[bool] = []
    for sent in adoc.sentences:
        span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
        words = [t for t in span if t.is_alpha] if span is not None else []
        inside.append(bool(words) and all(quoted(t) for t in words))
    out: dict[int, int] = {}
    for k in range(1, len(inside)):
        j = k - 1
        while j >= 0 and inside[j] and k - j <= _QUOTED_RUN:
            j -= 1
        if j >= 0 and j < k - 1 and not inside[j]:
            out[k] = j
    return out


def _move(x: ChainMention, choice: tuple[int, str], chains: list[Chain], home: dict[int, int]) -> None:
    """Keep a pronoun or description in the named chain ``_choose`` chose, with its rule."""
    j, x.rule = choice
    x.method, x.score = ("pronoun" if x.kind == "pronoun" else "nominal"), 0.7
    best = chains[j].best_name()
    x.reason = f"{x.rule}: {best.surface if best else '?'}"
    chains[j].mentions.append(x)
    chains[j].mentions.sort(key=lambda y: y.start)
    home[id(x)] = j


def _modifier_names(chains: list[Chain], doc: Any) -> frozenset[int]:
    """Names (by mention id) that only modify a common noun outside them: "US" in "a US
    bank", "Airbus" in "the Airbus order" (a compound or adjectival modifier, not a
    possessor: "Airbus's order" names Airbus as a participant) — unless the noun is a kind
    of what the name names ("the Labour party", "the Thames river": the noun phrase is
    the named thing)."""
    if doc is None:
        return frozenset()
    out: set[int] = set()
    for c in chains:
        for x in c.mentions:
            if x.kind != "name":
                continue
            span = doc.char_span(x.start, x.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            root = span.root
            head = root.head
            if root.dep_ in ("compound", "amod", "nmod") and head not in span and head.pos_ == "NOUN":
                kind = description_label(head.lemma_.lower())
                if not (kind and x.label in _DESCRIBES.get(kind, ())):
                    out.add(id(x))
    return frozenset(out)


def _partner(x: ChainMention, doc: Any) -> int:
    """Offset of the proper noun a description stands in apposition to ("Nadia Qureshi,
    a spokeswoman for the Sindh Police"; "the actress, Lohan,"), from the parse; -1: none."""
    if doc is None or x.kind != "nominal":
        return -1
    span = doc.char_span(x.start, x.end, alignment_mode="expand")
    if span is None or not len(span):
        return -1
    root = span.root
    if root.dep_ == "appos" and root.head.pos_ == "PROPN" and root.head not in span:
        return int(root.head.idx)
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            return int(child.idx)
    return -1


def _definite(x: ChainMention, doc: Any) -> bool:
    """A definite description: "the/this/that …" or possessed ("its chief executive")."""
    if x.definite or doc is None:
        return x.definite
    span = doc.char_span(x.start, x.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and any(c.dep_ == "poss" for c in span.root.children)


def _possessed(x: ChainMention, doc: Any) -> bool:
    if doc is None:
        return False
    span = doc.char_span(x.start, x.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and any(c.dep_ == "poss" for c in span.root.children)


def _apposed(x: ChainMention, chains: list[Chain], doc: Any) -> tuple[int | None, bool]:
    """The named chain a description stands in apposition to, and whether it stands in
    apposition at all (to a name the annotator may have missed)."""
    at = _partner(x, doc)
    if at < 0:
        return None, False
    for i, c in enumerate(chains):
        if c.kind == "name" and any(y.kind == "name" and y.start <= at < y.end for y in c.mentions):
            return i, True
    return None, True


def _quote_speaker(x: ChainMention, chains: list[Chain], doc: Any) -> int | None:
    """The named chain whose mention is the subject of the verb that introduces the
    quotation holding "I" ("'I am tired,' Jones said" / "Jones said: 'I am tired'"), from
    the parse: the quoted clause and the reporting clause are one's complement or
    parataxis of the other."""
    if doc is None:
        return None
    tok = _root_at(doc, x.start, x.end)
    if tok is None:
        return None
    bounds = quote_span(tok)
    if bounds is None:
        return None
    a, b = bounds

    def inside(t: Any) -> bool:
        return a <= t.i < b

    top = tok
    while top.head.i != top.i and inside(top.head):
        top = top.head
    verbs = [top.head] if not inside(top.head) else []
    verbs += [c for c in top.children if not inside(c) and c.dep_ in ("parataxis", "ccomp", "advcl")]
    subjects = [c for v in verbs for c in v.children if c.dep_ == "nsubj" and not inside(c)]
    if len(subjects) != 1:
        return None
    at = subjects[0].idx
    for i, c in enumerate(chains):
        if any(y.start <= at < y.end and (y.kind == "name" or y.rule) for y in c.mentions):
            return i if c.kind == "name" else None
    return None


def _author_chain(chains: list[Chain], labels: list[str], adoc: AnnotatedDocument | None) -> int | None:
    """The named person chain of the document's one author (``Document.authors``), when
    the text names them by the same full name; None otherwise."""
    if adoc is None or len(adoc.document.authors) != 1:
        return None
    wanted = parse_name(adoc.document.authors[0])
    if not wanted.is_multi:
        return None  # a bare word ("Staff", "Reuters") names no one person
    hits = [i for i, c in enumerate(chains) if c.kind == "name" and labels[i] == "PERSON" and any(
        y.kind == "name" and parse_name(y.name_text).compact == wanted.compact for y in c.mentions)]
    return hits[0] if len(hits) == 1 else None


def _quotations(chains: list[Chain], doc: Any) -> Quoted:
    out: Quoted = {}
    if doc is None:
        return out
    for c in chains:
        for x in c.mentions:
            span = doc.char_span(x.start, x.end, alignment_mode="expand")
            out[id(x)] = quote_span(span.root) if span is not None and len(span) else None
    return out


def _coordinated_subjects(chains: list[Chain], adoc: AnnotatedDocument) -> None:
    doc = adoc.doc
    for c in chains:
        for x in c.mentions:
            if x.kind != "name" or x.subject:
                continue
            span = doc.char_span(x.start, x.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            root = span.root
            while root.dep_ == "conj" and root.head.i != root.i:
                root = root.head
            if root.dep_ in ("nsubj", "nsubjpass") and root is not span.root:
                x.subject = True


def _sources(adoc: AnnotatedDocument | None) -> list[QuotationSource]:
    # Recorded by the claims stage (``extract_claims``), which runs before chaining;
    # without it (claims not extracted) only the parse of the sentence says who speaks.
    if adoc is None or adoc.doc is None:
        return []
    return list(adoc.quotations or [])


#: Roles whose holder speaks for the body named beside them: its spokespeople, heads and
#: officers (an analyst, an editor or an economist often says "we" of everyone).
_SPEAKS_FOR = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "representative", "executive", "chief", "president",
    "chairman", "chairwoman", "chair", "director", "head", "boss", "founder", "owner", "secretary",
    "commissioner", "constable", "officer", "official", "governor", "minister", "leader", "manager",
    "partner", "vice-president", "treasurer", "superintendent", "general",
})


def _a_body(chain: Chain) -> bool:
    """Does the text treat the chain as a body and not a person the tagger mistyped
    ("said Pizzorno")? A name of several words ("Merrill Lynch", "the Sindh Police"), or an
    "it"/"its" or a description kept in the chain."""
    return any((y.kind == "name" and len(y.text.split()) > 1)
               or (y.rule and (y.kind == "nominal" or y.text.lower() in ("it", "its", "itself")))
               for y in chain.mentions)


def _capitalised_noun(head: Any) -> bool:
    """"the Dutchman", "the Frenchman": a noun WordNet knows, with "the", which the tagger
    may take for a body's name — a description of one person, not a body that says "we"."""
    from newsgraph.nlp.wordnet import wordnet

    wn = wordnet()
    det = any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
    return det and wn is not None and bool(wn.sense_ids(head.lower_, "n", 1))


def _person_elsewhere(chains: list[Chain], labels: list[str], chain: Chain) -> bool:
    """Does a word of the chain's names name a person in another chain of the text?"""
    words = {w for y in chain.mentions if y.kind == "name" for w in y.text.split()}
    return any(labels[j] == "PERSON" and any(w in words for y in c.mentions if y.kind == "name"
                                             for w in y.text.split())
               for j, c in enumerate(chains) if c is not chain)


#: Labels of a speaker that may itself say "we": a body, a country's government.
_WE_SPEAKERS = ("ORG", "GPE")
#: Arcs inside a speaker's own noun phrase that may lead to the body they speak for
#: ("a spokesman for Airbus", "Airbus chief executive", "Airbus's lawyer", "the
#: minister, Ana Varga, of the Green Party"); a relative clause or a verb's object is no
#: part of who they are.
_OWN_NP_ARCS = frozenset({"poss", "compound", "prep", "pobj", "appos", "nmod", "amod", "case", "det", "flat"})
_OWN_NP_PREPS = frozenset({"for", "of", "at", "from", "with"})


def _only(chain: Chain, *labels: str) -> bool:
    """Are all the chain's names of these labels? A chain whose names the tagger typed
    both a person and a body ("Kirwan" PERSON here, ORG there) is no clear speaker."""
    return all(y.label in labels for y in chain.mentions if y.kind == "name")


def _a_person(chain: Chain, label: str) -> bool:
    """Is the chain clearly one person: typed so by every name, or — where the tagger typed
    some of its names a body ("Mira Nair" PERSON, "Nair" ORG) — by a full personal name
    (``_label``)?"""
    return label == "PERSON" and (_only(chain, "PERSON") or any(
        x.kind == "name" and x.label == "PERSON" and _personal_name(x.name_text) for x in chain.mentions))


def _named_in(chains: list[Chain], labels: list[str], tokens: list[Any], label: str) -> int | None:
    """The one named chain of ``label`` among ``tokens``, or None (none, or several)."""
    hits = {j for t in tokens if (j := _chain_at(chains, t.idx, t.idx + len(t.text))) is not None
            and labels[j] == label and _only(chains[j], label)}
    return hits.pop() if len(hits) == 1 else None


def _chain_at(chains: list[Chain], a: int, b: int) -> int | None:
    """The named chain with a name (or a kept pronoun/description) overlapping ``[a, b)``."""
    hits = {i for i, c in enumerate(chains) if c.kind == "name" and any(
        y.start < b and a < y.end and (y.kind == "name" or y.rule) for y in c.mentions)}
    return hits.pop() if len(hits) == 1 else None


def _own_np(head: Any) -> list[Any]:
    """The tokens of the speaker's noun phrase reached from its head by noun-phrase arcs."""
    out, todo = [head], [head]
    while todo:
        t = todo.pop()
        for c in t.children:
            if c.dep_ in _OWN_NP_ARCS and (c.dep_ != "prep" or c.lower_ in _OWN_NP_PREPS):
                out.append(c)
                todo.append(c)
    return out


def _body_of_person(chains: list[Chain], labels: list[str], person: Chain, doc: Any) -> int | None:
    """The one organisation the person's named mentions, read in their own noun phrase,
    say they speak for ("Ana Varga, chief executive of Harbour Freight"); None when no
    such role is given, or two bodies are."""
    found: set[int] = set()
    for y in person.mentions:
        if y.kind != "name":
            continue
        span = doc.char_span(y.start, y.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        own = _own_np(span.root)
        if any(t.lemma_.lower() in _SPEAKS_FOR for t in own if t.pos_ == "NOUN"):
            j = _named_in(chains, labels, own[1:], "ORG")
            if j is not None:
                found.add(j)
    return found.pop() if len(found) == 1 else None


def _our_place(x: ChainMention, doc: Any) -> bool:
    """Is this "our" the possessor of a noun describing a place or a people ("our country",
    "our town", "our nation": ``nlp.referring.description_label``)? Then "we" are those who
    live there, whatever body the speaker works for."""
    if doc is None or x.text.lower() != "our":
        return False
    tok = _root_at(doc, x.start, x.end)
    if tok is None:
        return False
    head = tok.head
    return tok.dep_ == "poss" and head.pos_ == "NOUN" and description_label(head.lemma_.lower()) == "GPE"


def _first_person_source(x: ChainMention, chains: list[Chain], labels: list[str], doc: Any,
                         sources: list[QuotationSource], plural: bool) -> int | None:
    """The named chain "I" (``plural``: "we") inside a quotation stands for: its speaker
    (or the body the speaker speaks for), or None when the text does not say."""
    if plural and _our_place(x, doc):
        return None  # "our country", "our city": the speaker's community, not their body
    source = next((s for s in sources if s.start <= x.start and x.end <= s.end), None)
    if source is None:
        # No quotation the claims stage pairs with a speaker: the parse of the sentence.
        if plural:
            return None
        j = _quote_speaker(x, chains, doc)
        return j if j is not None and labels[j] == "PERSON" else None
    # An unnamed speaker is nobody "I" can stand for, but "a spokesman for Airbus" speaks
    # for Airbus; "residents of Leeds" say "we" of themselves, not of the city.
    if doc is None or source.kind == "collective" or (source.kind == "anonymous" and not plural):
        return None
    span = doc.char_span(source.speaker[0], source.speaker[1], alignment_mode="expand")
    if span is None or not len(span) or span.root.dep_ == "nsubjpass":
        return None  # "X was asked: '…'": X is spoken to
    head = span.root
    at_head = _chain_at(chains, head.idx, head.idx + len(head.text))
    if source.kind == "pronoun":
        # "'…,' he said": the chain "he" is kept in and the name the claims stage gives
        # "he" must be one; two resolutions that disagree leave the text unclear.
        # Where the claims stage left the pronoun unresolved, the link kept here decides:
        # an abstention is no disagreement.
        ref = _chain_at(chains, *source.ref) if source.ref is not None else at_head
        if at_head is None or ref != at_head:
            return None
        if not _a_person(chains[at_head], labels[at_head]):
            return None
        # "we" of "he": the body the person's own phrase says they speak for, where the
        # text named them ("Ana Varga, chief executive of Harbour Freight, … '"We …," she said').
        return _body_of_person(chains, labels, chains[at_head], doc) if plural else at_head
    if not plural:
        if at_head is not None:
            return at_head if _a_person(chains[at_head], labels[at_head]) else None
        if source.kind == "named":
            # "the minister, Ana Varga": one person named in the speaker's own phrase.
            # Not a possessor: "Tony Blair's official spokesman" is not Blair.
            return _named_in(chains, labels, [t for t in _own_np(head) if not any(
                a.dep_ == "poss" for a in (t, *t.ancestors) if a.i != head.i and head in a.ancestors)],
                "PERSON")
        return None
    if at_head is not None and labels[at_head] in _WE_SPEAKERS:
        # "Airbus said", "the company said" (kept as Airbus's description) — not a name
        # the tagger types a person elsewhere in the text ("said Pizzorno", an ORG here).
        ok = (_only(chains[at_head], *_WE_SPEAKERS) and not _person_elsewhere(chains, labels, chains[at_head])
              and not _capitalised_noun(head) and _a_body(chains[at_head]))
        return at_head if ok else None
    if source.kind not in ("named", "anonymous"):
        return None  # "the coach said": whose body it is, the text does not say here
    # "Tom Enders, Airbus's chief executive", "a spokesman for Airbus": only a role that
    # speaks for the body — an analyst's or an editor's "we" is often everyone's.
    own = _own_np(head)
    if not any(t.lemma_.lower() in _SPEAKS_FOR for t in own if t.pos_ == "NOUN"):
        return None
    return _named_in(chains, labels, own[1:], "ORG")
