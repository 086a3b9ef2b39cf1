"""Within-document name coreference: one document's mentions → chains.

Owns linking, inside one article, every short form to the full name it stands for:
exact and hyphen/space/possessive variants, a bare surname or given name (``Varga``,
``Mr. Varga``) to the right full name among several, acronyms to their expansions
(``National Harbour Authority (NHA)`` … ``NHA``), typos one edit away from a full
name whose other tokens agree, and — when the input carries them, as ECB+ gold
mentions do — common nouns by head lemma (or, failing that, by a related head noun:
"the gunman" … "the shooter", ``lexical``) and third-person pronouns (contractions
such as "she's" included) to the most recent compatible person.

Descriptions ("the inmate") join the one named chain the document itself describes
with that noun — a title noun ("Texas inmate Arcade Comeaux"), an apposition ("Lohan,
the actress") or a copula ("Comeaux is an inmate"), read from the spaCy parse anywhere
in the text; a description that fits two names stays apart with the reason. Those
descriptor nouns also travel with the chain, so other documents' descriptions can find
the entity (``resolver``). Spans that carry their description ("defensive tackle Jamal
Williams", "Betty Ford Center in Rancho Mirage") are matched by their name proper, and
capitalised common nouns in a Title Case headline ("Teen", "Rehab"), or a single one
where capitals say nothing ("A MAN has been charged"), count as descriptions when the
running text writes them in lower case. A capitalised title before a name ("Deputy Luis
Ortiz") is one of its descriptor nouns, and a description goes to the one name so
described before the most mentioned one. One person with and without middle names or a
short first name ("Frederick C. LaRue" / "Fred LaRue") is one chain.

Other late, whole-document links: a shorter multi-word name seen before the one longer
name holding its words ("Betty Ford" … "the Betty Ford Center"); a sex-marked description
("a woman") and the one named person the text marks with that sex ("Raj Chohan … she");
a one-word loose transliteration of a name introduced earlier ("Tchonsam Liberation
Front" … "Chonsami"), only when it is the only candidate and the types reconcile; a
lead's person description ("An alleged mafia boss hanged himself") and the one person
named next as a subject, in the sentences after it. Spans
that open with a preposition ("in the back of the vehicle") are read by their object;
a common noun that proper nouns only modify ("Brooklyn mother of 12") is a description.
Pronouns: he/she to the most recent compatible person; it/its/they prefer the most
recent subject; they may point to a plural description of people; "there"/"where" to a
place. A plain object pronoun is never the subject of its own verb ("the driver struck
her": Binding Theory's Principle B), and he/she never a description of the other sex. A
relative pronoun joins the noun its clause modifies, or — when the parse hangs the clause
elsewhere — the mention it directly follows ("North Carolina (10-0), which"), if its
animacy fits ("who" a person or a body of people, "which" no person, "where" a place).

A capital the place stage read as its country's government ("Washington warned":
``adoc.governments``) is matched by the country's name, with the rule ``government``: the
actor is the country (the ACE convention for a capital standing for its government), and
"Washington" the place, elsewhere in the text, is another chain.

Place names that say where they lie ("Wasilla, Alaska", "the Stiles Unit in Beaumont,
Texas") are matched by their first part, so the containing place is not a partial of
them. A head word that kept its possessive clitic ("team's", as gold tokens keep it) is
read without it.

A bare name with several candidates is decided by cues — recency (sentence
distance), sentence role (subject of the same kind of clause), salience (mention
count) and the gender an honorific implies — and stays unresolved, with the reason
recorded, when no candidate wins by ``partial_margin``: never a coin flip.

The output, ``Chain``, is plain data (JSON-ready) so the cross-document resolver can
cache it and replay resolution without re-parsing documents.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field, fields, replace
from itertools import islice
from typing import Any, TypeVar

from rapidfuzz.distance import Levenshtein

from newsgraph.model.document import AnnotatedDocument
from newsgraph.model.entities import mention_key
from newsgraph.nlp.crosslingual_names import known_kind
from newsgraph.nlp.sections import split_sections
from newsgraph.resolve.entities.lexical import head_similarity
from newsgraph.resolve.entities.names import (
    HONORIFICS,
    ORG_DESIGNATORS,
    ParsedName,
    acronym,
    compact,
    consonant_skeleton,
    parse_name,
    strip_elision,
    variant_key,
)
from newsgraph.resolve.entities.scoring import TYPE_GROUPS, demonym_clash, name_match
from newsgraph.resolve.entities.settings import ResolverOptions
from newsgraph.settings import SECTION_CHARS

__all__ = [
    "Chain",
    "ChainBuilder",
    "ChainMention",
    "chain_document",
    "classify_mention",
    "context_terms",
    "partial_fits",
]

_V = TypeVar("_V")

#: While one document is chained, its chains' views (kind, names, labels), kept per
#: chain until its mention list changes. The builder asks them of every chain for every
#: new mention; recounting each chain's mentions every time made chaining grow with the
#: square of the mentions (a 200,000-character text spent 27 s here). Outside
#: ``chain_document`` chains compute their views afresh.
_VIEWS: ContextVar[dict[tuple[int, str], tuple[list[Any], int, Any, Any]] | None] = ContextVar(
    "newsgraph_chain_views", default=None)


def _view(chain: Chain, name: str, make: Callable[[], _V]) -> _V:
    memo = _VIEWS.get()
    if memo is None:
        return make()
    ms = chain.mentions
    # Mention lists only grow (append, extend then sort) or are replaced by a new list:
    # the list, its length and its last mention stamp the view (held, so compared by
    # identity; asked about a million times per 300 articles, no tuple is built to compare).
    n = len(ms)
    last = ms[-1] if n else None
    key = (id(chain), name)
    hit = memo.get(key)
    if hit is not None and hit[0] is ms and hit[1] == n and hit[2] is last:
        return hit[3]
    value = make()
    memo[key] = (ms, n, last, value)
    return value

#: Third-person singular pronouns and the gender they carry; first/second person and
#: "it/they" are left alone (their referent is rarely a named entity in the window).
GENDERED_PRONOUNS: dict[str, str] = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
PRONOUNS: frozenset[str] = frozenset(GENDERED_PRONOUNS) | {
    "i",
    "me",
    "my",
    "mine",
    "myself",
    "we",
    "us",
    "our",
    "ours",
    "ourselves",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "it",
    "its",
    "itself",
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
    "who",
    "whom",
    "whose",
    "which",
    "that",
    "this",
    "these",
    "those",
    "one",
    "someone",
    "somebody",
    "anyone",
    "everyone",
    "nobody",
    "none",
    "all",
    "both",
    "each",
    "another",
    "other",
    "others",
    "there",
    "where",
}
#: "it" and "they" point back to a non-person (an organisation acting as a group for "they").
NEUTER_PRONOUNS: dict[str, str] = {
    "it": "nonperson",
    "its": "nonperson",
    "itself": "nonperson",
    "they": "plural",
    "them": "plural",
    "their": "plural",
    "themselves": "plural",
    "there": "place",  # locative pro-form: the place last named or described
}
#: Person nouns marked for sex in English (source: the gender-marked noun pairs of
#: standard English grammars, e.g. Quirk et al. 1985 §5.104–5.107): "the actress" is
#: not the man the text is about.
GENDERED_NOUNS: dict[str, str] = {
    **dict.fromkeys(
        (
            "man",
            "boy",
            "father",
            "son",
            "brother",
            "husband",
            "uncle",
            "nephew",
            "grandfather",
            "grandson",
            "king",
            "prince",
            "actor",
            "gentleman",
            "boyfriend",
            "dad",
            "male",
            "monk",
            "priest",
            "policeman",
            "fireman",
            "chairman",
            "spokesman",
            "congressman",
            "businessman",
        ),
        "m",
    ),
    **dict.fromkeys(
        (
            "woman",
            "girl",
            "mother",
            "daughter",
            "sister",
            "wife",
            "aunt",
            "niece",
            "grandmother",
            "granddaughter",
            "queen",
            "princess",
            "actress",
            "lady",
            "girlfriend",
            "mom",
            "mum",
            "female",
            "nun",
            "waitress",
            "policewoman",
            "chairwoman",
            "spokeswoman",
            "congresswoman",
            "businesswoman",
            "starlet",
        ),
        "f",
    ),
}
PERSONISH: frozenset[str] = frozenset({"PERSON"})
#: A bare word tagged as a place is not taken for a person's surname.
PLACE_LABELS: frozenset[str] = frozenset({"GPE", "LOC", "FAC"})
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
_TITLE_BEFORE = re.compile(r"\b([A-Za-z]+)\.?\s+$")
_PAREN_ACRONYM = re.compile(r"\s*\(\s*(?:the\s+)?([A-Z][A-Za-z0-9&.]{1,9})\s*\)")
_STOP: frozenset[str] = frozenset()


def _stopwords() -> frozenset[str]:
    global _STOP
    if not _STOP:
        from spacy.lang.en.stop_words import STOP_WORDS

        _STOP = frozenset(STOP_WORDS)
    return _STOP


@dataclass(slots=True)
class ChainMention:
    start: int
    end: int
    text: str
    label: str
    sentence: int
    kind: str  # name | nominal | pronoun
    method: str = "found"
    score: float = 1.0
    reason: str = ""
    subject: bool = False
    head: str = ""  # head lemma (from the parse when there is one)
    definite: bool = False
    antecedent: int = -1
    plural: bool = False
    #: A description that introduces something new ("a prison", "another facility", "9
    #: points"): indefinite or counted, so it does not continue an earlier same-head chain.
    fresh: bool = False
    title: str = ""  # honorific just before the span ("Ms." in "Ms. Lee"), lower-case, no dot
    #: Common nouns the text uses to describe a named mention: title nouns ("coach" in
    #: "coach Jim O'Brien"), appositions ("Lohan, the actress"), copula predicates
    #: ("Comeaux is an offender"). Lemmas; empty for nominals and pronouns.
    descriptors: list[str] = field(default_factory=list)
    #: The name proper when the span also holds its description ("defensive tackle Jamal
    #: Williams" → "Jamal Williams"); empty when the span is the name.
    core: str = ""
    #: Numbers that count or rank a description ("20 points", "tenth point"), lower case.
    count: list[str] = field(default_factory=list)
    #: Argument role in its clause ("subj" / "obj" / "") and the character offset of the
    #: verb that governs it (-1: none): co-arguments of one verb (``_syntax``).
    role: str = ""
    governor: int = -1
    #: A pronoun or description found in the text (``nlp.referring``), not handed in as a
    #: mention: kept only where ``referring.keep_clear_references`` finds the link clear,
    #: and then with the rule that made it (``rule``).
    referring: bool = False
    rule: str = ""
    #: What ``start``/``end`` point into: the clean ``text``, or the document's ``title``
    #: (a name in the headline, ``resolve.entities.headline``; sentence -1).
    field: str = "text"

    @property
    def name_text(self) -> str:
        return self.core or self.text


@dataclass(slots=True)
class Chain:
    """The mentions of one entity inside one document, with what resolution compares."""

    doc: str
    mentions: list[ChainMention] = field(default_factory=list)
    published: str | None = None
    context: dict[str, float] = field(default_factory=dict)
    cooc: list[str] = field(default_factory=list)
    #: Set for unresolved bare names: why they were kept apart.
    unresolved: str | None = None
    #: The headline's names linked to this chain (``field == "title"``): they go with the
    #: chain's entity but take no part in matching, naming or typing it — the chain's own
    #: ``mentions`` do. A name only the title has is a chain of its own instead, whose
    #: ``mentions`` are title mentions (``resolve.entities.headline``).
    title_mentions: list[ChainMention] = field(default_factory=list)

    @property
    def key(self) -> str:
        first = self.mentions[0]
        return mention_key(self.doc, first.start, first.end, first.field)

    @property
    def keys(self) -> list[str]:
        return [mention_key(self.doc, m.start, m.end, m.field) for m in self.mentions]

    @property
    def title_keys(self) -> list[str]:
        return [mention_key(self.doc, m.start, m.end, m.field) for m in self.title_mentions]

    @property
    def kind(self) -> str:
        return _view(self, "kind", self._kind)

    def _kind(self) -> str:
        kinds = {m.kind for m in self.mentions}
        return "name" if "name" in kinds else ("nominal" if "nominal" in kinds else "pronoun")

    def names(self) -> Counter[str]:
        return _view(self, "names", lambda: Counter(
            parse_name(m.name_text).surface for m in self.mentions if m.kind == "name"))

    def match_names(self) -> Counter[str]:
        """Names that speak for the chain across documents: its full forms (and acronyms)
        when it has any — a bare "Lee" that joined "Lee Min-ho" here says nothing elsewhere."""
        names = self.names()
        full = Counter(
            {n: c for n, c in names.items() if parse_name(n).is_multi or parse_name(n).acronym_form}
        )
        return full if any(parse_name(n).is_multi for n in full) else names

    def heads(self) -> Counter[str]:
        """Head lemmas of its descriptions, and the nouns that describe its names."""
        heads = Counter(m.head or _head_of(m.text) for m in self.mentions if m.kind == "nominal")
        for m in self.mentions:
            heads.update(m.descriptors)
        return heads

    def descriptors(self) -> set[str]:
        return {d for m in self.mentions for d in m.descriptors}

    def labels(self) -> Counter[str]:
        return _view(self, "labels", self._labels)

    def _labels(self) -> Counter[str]:
        # An untyped name (``NAME``: found by capitalisation in a language no pipeline reads,
        # nlp.partial) votes for no type: it may join a person or an organisation alike.
        kinds = "name" if self.kind == "name" else None
        return Counter(m.label for m in self.mentions
                       if m.label and m.label != "NAME" and (kinds is None or m.kind == kinds))

    def best_name(self) -> ParsedName | None:
        names = self.names()
        if not names:
            return None
        parsed = [parse_name(n) for n in names]
        full = [p for p in parsed if not p.acronym_form] or parsed
        return max(full, key=lambda p: (len(p.tokens), names[p.surface], len(p.surface)))

    def to_dict(self) -> dict[str, Any]:
        """The chain as plain data, equal to ``dataclasses.asdict(self)``.

        Written out because ``asdict`` deep-copies every leaf through its generic
        recursion: saving the resolver state (every chain of every document) spent
        about 6 ms per document there. Fields hold primitives, lists of strings and a
        dict of floats, so a one-level copy of each list or dict is a full copy.
        """
        return {
            "doc": self.doc,
            "mentions": [_mention_dict(m) for m in self.mentions],
            "published": self.published,
            "context": dict(self.context),
            "cooc": list(self.cooc),
            "unresolved": self.unresolved,
            "title_mentions": [_mention_dict(m) for m in self.title_mentions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Chain:
        data = dict(data)
        data["mentions"] = [ChainMention(**m) for m in data["mentions"]]
        # chains saved before headline mentions have none
        data["title_mentions"] = [ChainMention(**m) for m in data.get("title_mentions") or ()]
        return cls(**data)


_MENTION_FIELDS = tuple(f.name for f in fields(ChainMention))


def _mention_dict(m: ChainMention) -> dict[str, Any]:
    """``asdict(m)``: its lists (descriptors, count) hold strings, so copying the list is enough."""
    out: dict[str, Any] = {}
    for name in _MENTION_FIELDS:
        value = getattr(m, name)
        out[name] = list(value) if type(value) is list else value
    return out


_CLITIC = re.compile(r"['’](?:s|re|ll|d|ve|m)$")


def _pronoun_word(text: str) -> str:
    """Lower-cased text without a contracted auxiliary: "she's" → "she" (a tokeniser that
    keeps contractions whole hands over the pronoun with its clitic)."""
    lowered = text.lower().strip()
    bare = _CLITIC.sub("", lowered)
    return bare if bare in PRONOUNS else lowered


def _head_of(text: str) -> str:
    words = _WORD.findall(text.lower())
    return words[-1] if words else text.lower()


@dataclass(slots=True, frozen=True)
class MentionInfo:
    kind: str  # name | nominal | pronoun
    subject: bool = False
    head: str = ""
    definite: bool = False  # "the/this/that …" description
    antecedent: int = -1  # char offset of a relative pronoun's noun (from the parse)
    plural: bool = False
    fresh: bool = False
    descriptors: tuple[str, ...] = ()
    core: str = ""
    count: tuple[str, ...] = ()


#: What a relative pronoun may stand for: "who(m)" a person (or a body of people), "which"
#: no person, "where" a place; "that" and "whose" any (Quirk et al. 1985 §17.9–17.12).
_RELATIVE_ANIMACY: dict[str, str] = {"who": "person", "whom": "person", "which": "thing", "where": "place"}
_PARENTHETICAL = re.compile(r"\([^()]{0,30}\)")
_ADJACENT_GAP = re.compile(r"[\s,]*")
RELATIVE_PRONOUNS: frozenset[str] = frozenset({"who", "whom", "whose", "which", "that", "where"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


#: The possessive clitic a tokeniser may leave on its word ("team's", "actress'").
_POSSESSIVE_CLITIC = re.compile(r"['’]s?$")


def classify_mention(adoc: AnnotatedDocument, start: int, end: int, text: str) -> MentionInfo:
    """Kind (name, nominal or pronoun), sentence role, head lemma, definiteness and — for
    relative pronouns — the noun the clause attaches to. Uses the spaCy parse when the
    document carries one; otherwise capitalisation alone.

    A head word that kept its possessive clitic (a tokeniser that does not split "'s",
    as in ECB+'s gold tokens: "the team's", "the country's") is read without it: the
    head is "team", and a lower-case word is a description however the tagger took it."""
    info = _classify(adoc, start, end, text)
    stem = _POSSESSIVE_CLITIC.sub("", info.head)
    if stem == info.head or not stem or info.kind == "pronoun":
        return info
    if info.kind == "name" and _POSSESSIVE_CLITIC.sub("", text).islower():
        definite = False
        span = adoc.doc.char_span(start, end, alignment_mode="expand") if adoc.doc is not None else None
        if span is not None and len(span):
            definite = any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in span.root.children)
        return replace(info, kind="nominal", head=stem, definite=definite, descriptors=(), core="")
    return replace(info, head=stem)


def _classify(adoc: AnnotatedDocument, start: int, end: int, text: str) -> MentionInfo:
    lowered = _pronoun_word(text)
    doc = adoc.doc
    if doc is not None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            root = span.root
            if root.pos_ == "ADP":
                # "in the back of the vehicle", "from Huntsville": the object is the mention.
                objects = [c for c in root.children if c.dep_ == "pobj" and c.i < span.end]
                if objects:
                    root = objects[0]
            subject = root.dep_ in ("nsubj", "nsubjpass")
            if (lowered in PRONOUNS and not text.isupper()) or all(t.pos_ in ("PRON", "DET") for t in span):
                antecedent = -1
                if lowered in RELATIVE_PRONOUNS:
                    # who/which … : the relative clause's verb hangs off the antecedent noun.
                    verb = root.head
                    for _ in range(3):  # who → verb (relcl) → noun; allow an auxiliary hop
                        if verb.dep_ in ("relcl", "acl") or verb.head.i == verb.i:
                            break
                        verb = verb.head
                    if verb.dep_ in ("relcl", "acl"):
                        antecedent = verb.head.idx
                return MentionInfo("pronoun", subject, lowered, False, antecedent)
            if _headline_common_noun(adoc, span):
                definite = any(t.lower_ in _DEFINITE for t in span[:1])
                return MentionInfo("nominal", subject, root.lemma_.lower(), definite, -1, root.tag_ == "NNPS")
            if (
                root.pos_ == "NOUN"
                and root.is_lower
                and root.is_alpha
                and not (root.i > span.start and root.nbor(-1).text in ("-", "‐", "–"))  # "Hye-jin"
            ):
                # "Brooklyn mother of 12", "a Texas prison", "IE flaw": a common noun the
                # proper nouns only modify is a description, not a name.
                definite = any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE for c in root.children)
                plural = root.tag_ in ("NNS", "NNPS")
                return MentionInfo(
                    "nominal",
                    subject,
                    root.lemma_.lower(),
                    definite,
                    -1,
                    plural,
                    _fresh(root),
                    count=_count(root),
                )
            if root.pos_ == "PROPN" or any(t.pos_ == "PROPN" and t.is_title for t in span):
                lemma, found, core = root.lemma_.lower(), _descriptors(span), _name_core(span)
                return MentionInfo("name", subject, lemma, descriptors=found, core=core)
            # Capitalised inside a sentence (not just sentence-initial): "Canadian", "NHA".
            if any((t.is_title or (t.is_upper and len(t) > 1)) and not t.is_sent_start for t in span):
                return MentionInfo("name", subject, root.lemma_.lower(), descriptors=_descriptors(span))
            definite = any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE for c in root.children)
            plural = root.tag_ in ("NNS", "NNPS")
            # Apposition and title nouns name the same thing as the name they attach to:
            # "Lindsay Lohan, the actress," / "actress Lindsay Lohan" / "the actress, Lohan,".
            partner = -1
            if root.dep_ in ("appos", "compound") and root.head.pos_ == "PROPN" and root.head not in span:
                partner = root.head.idx
            else:
                for child in root.children:
                    if child.dep_ == "appos" and child.pos_ == "PROPN":
                        partner = child.idx
                        break
            return MentionInfo(
                "nominal",
                subject,
                root.lemma_.lower(),
                definite,
                partner,
                plural,
                _fresh(root),
                count=_count(root),
            )
    if lowered in PRONOUNS and not text.isupper():
        return MentionInfo("pronoun", False, lowered)
    words = _WORD.findall(strip_elision(text))  # "l'ONU" is a name as "ONU" is
    content = [w for w in words if w.lower() not in ("the", "a", "an")]
    if any(w[0].isupper() for w in content):
        return MentionInfo("name", False, _head_of(text))
    return MentionInfo("nominal", False, _head_of(text), bool(words) and words[0].lower() in _DEFINITE)


#: Dependency labels of a verb's core arguments (spaCy's English scheme, ClearNLP).
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_OBJECT_DEPS = frozenset({"dobj", "dative", "iobj"})


def _syntax(adoc: AnnotatedDocument, start: int, end: int) -> tuple[str, int]:
    """A mention's argument role ("subj" / "obj" / "") and the offset of the verb it is an
    argument of (-1: none)."""
    doc = adoc.doc
    if doc is None:
        return "", -1
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return "", -1
    root = span.root
    if root.pos_ == "ADP":
        objects = [c for c in root.children if c.dep_ == "pobj" and c.i < span.end]
        if objects:
            root = objects[0]
    role = "subj" if root.dep_ in _SUBJECT_DEPS else "obj" if root.dep_ in _OBJECT_DEPS else ""
    governor = root.head.idx if role and root.head.pos_ in ("VERB", "AUX") else -1
    return (role if governor >= 0 else ""), governor


_CASE_COUNTS: dict[str, tuple[Counter[str], Counter[str]]] = {}


def _headline_common_noun(adoc: AnnotatedDocument, span: Any) -> bool:
    """In a Title Case or UPPER CASE line (a headline), capitals say nothing: a mention
    there ("Teen", "Rehab", "GRANDMOTHER") is a common noun when each of its words is
    written in lower case more often than capitalised in the document's running text —
    its other lines, not the headlines, whose capitals would count against every word
    they hold."""
    if not _title_line(span.sent):
        return _initial_common_noun(adoc, span)
    lower, capital = _case_counts(adoc)
    content = [t for t in span if t.is_alpha and t.pos_ not in ("DET", "ADP", "CCONJ")]
    return bool(content) and all(lower[t.lower_] > capital[t.lower_] for t in content)


def _initial_common_noun(adoc: AnnotatedDocument, span: Any) -> bool:
    """One capitalised word where capitals say nothing — opening a sentence or written in
    capitals ("Man charged with murder", "A MAN has been charged") — that is an English
    common noun (WordNet) the running text writes in lower case and never capitalises
    inside a sentence: "man", not a name."""
    words = [t for t in span if t.is_alpha]
    if len(words) != 1 or adoc.document.language not in (None, "en"):  # WordNet is English
        return False
    tok = words[0]
    if tok.is_lower or not (tok.is_sent_start or tok.is_upper or tok.i == span.sent.start):
        return False
    from newsgraph.nlp.wordnet import wordnet

    wn = wordnet()
    if wn is None or not wn.common_noun(tok.lower_):
        return False
    lower, capital = _case_counts(adoc)
    return lower[tok.lower_] > 0 and capital[tok.lower_] == 0


def _case_counts(adoc: AnnotatedDocument) -> tuple[Counter[str], Counter[str]]:
    """How often the running text (not its headlines) writes each word in lower case and
    capitalised inside a sentence (cached per document)."""
    key = adoc.document.id
    counts = _CASE_COUNTS.get(key)
    if counts is None:
        if len(_CASE_COUNTS) > 256:  # bounded: documents are chained one at a time
            _CASE_COUNTS.clear()
        lower: Counter[str] = Counter()
        capital: Counter[str] = Counter()
        for sent in adoc.doc.sents:
            if _title_line(sent):
                continue
            for t in sent:
                if t.is_alpha and t.is_lower:
                    lower[t.text] += 1
                elif t.is_alpha and t.is_title and not t.is_sent_start:
                    capital[t.lower_] += 1
        counts = _CASE_COUNTS[key] = (lower, capital)
    return counts


def _title_line(sent: Any) -> bool:
    """A Title Case or UPPER CASE line: most words of four letters or more capitalised."""
    # Asked for the sentence of every mention (and of every sentence once more by
    # ``_case_counts``): each sentence's answer is kept with its parse, which never changes.
    known = sent.doc.user_data.setdefault("newsgraph.title_lines", {})
    found = known.get((sent.start, sent.end))
    if found is None:
        words = [t for t in sent if t.is_alpha and len(t) > 3]
        found = known[(sent.start, sent.end)] = (
            len(words) >= 3 and sum(1 for t in words if t.is_title or t.is_upper) >= 0.7 * len(words))
    return found


#: Prepositions that attach a location to a place name ("Betty Ford Center in Rancho
#: Mirage"); "of", "for", "on" are part of names ("Bank of England", "Program on
#: International Policy") and never cut.
_LOCATIVE_PREPOSITIONS: frozenset[str] = frozenset({"in", "at", "near", "outside"})


#: Determiners that introduce a new referent rather than point back to one.
_FRESH_DETERMINERS: frozenset[str] = frozenset({"a", "an", "another", "other", "some", "several", "many"})


def _fresh(root: Any) -> bool:
    """Is this noun introduced as new: indefinite ("a prison", "another facility") or
    counted ("9 points", "two men")?"""
    return any(
        (c.dep_ == "det" and c.lower_ in _FRESH_DETERMINERS) or c.dep_ == "nummod" for c in root.children
    )


def _count(root: Any) -> tuple[str, ...]:
    """Cardinal or ordinal numbers modifying the noun ("20 points", "the tenth point")."""
    return tuple(c.lower_ for c in root.children if c.dep_ == "nummod" or (c.dep_ == "amod" and c.like_num))


def _desc_group(label: str) -> str:
    """Type group for matching a description to a name: as ``TYPE_GROUPS``, except that a
    facility ("the facility", "the prison") is never a description of a city or region."""
    if label == "FAC":
        return "facility"
    return TYPE_GROUPS.get(label, "thing")


def _name_core(span: Any) -> str:
    """The proper-noun run a span ends with, when common nouns open the span ("Texas
    inmate Arcade Comeaux", "defensive tackle Jamal Williams"); else ""."""
    last = span.end - 1
    # A trailing locative belongs to the description, not the name: "Betty Ford Center
    # in Rancho Mirage, Calif." is "Betty Ford Center".
    root = span.root
    for child in root.children:
        if (
            child.dep_ == "prep"
            and child.lower_ in _LOCATIVE_PREPOSITIONS
            and root.i < child.i < span.end
            and root.pos_ == "PROPN"
        ):
            last = child.i - 1
            break
    cut = last < span.end - 1
    while last > span.start and not span.doc[last].is_alpha:
        last -= 1
    first = last
    while first > span.start and span.doc[first - 1].pos_ == "PROPN":
        first -= 1
    if span.doc[last].pos_ != "PROPN":
        return ""
    if first > span.start and any(t.pos_ == "NOUN" for t in span.doc[span.start : first]):
        return span.doc[first : last + 1].text
    return span.doc[span.start : last + 1].text if cut else ""


def _place_core(adoc: AnnotatedDocument, start: int, end: int) -> str:
    """The place a place, facility or region name names when the span also says where it
    lies: "Wasilla, Alaska" → "Wasilla", "to Stiles, Texas" → "Stiles", "the Promises
    Treatment Center in Malibu, California" → "the Promises Treatment Center" — the part
    after a comma or a locative preposition is the containing place (the "City, State"
    convention of news style guides, e.g. the AP Stylebook's dateline and state entries),
    not part of the name, and must not make "Texas" a partial of "Stiles". "" when the
    span has no such qualifier."""
    doc = adoc.doc
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    if span is None or len(span) < 3:
        return ""
    first = span.start
    while first < span.end and span.doc[first].pos_ in ("ADP", "DET"):
        first += 1
    for t in span.doc[first + 1 : span.end - 1]:
        if t.text == "," or (t.lower_ in _LOCATIVE_PREPOSITIONS and t.pos_ == "ADP"):
            named = any(_named(r) for r in span.doc[first : t.i])
            rest = any(_named(r) for r in span.doc[t.i + 1 : span.end])
            # Both sides named: "one in Beaumont" has no name of its own to keep.
            return span.doc[span.start : t.i].text if named and rest else ""
    return ""


def _named(tok: Any) -> bool:
    return tok.pos_ == "PROPN" or (tok.is_title and tok.is_alpha)


def _title_word(word: str) -> bool:
    """A capitalised word before a name that is a common noun of English (WordNet):
    "Deputy", "Judge", "Attorney" — a title, not part of the name."""
    from newsgraph.nlp.wordnet import wordnet

    wn = wordnet()
    return wn is not None and wn.common_noun(word)


def _descriptors(span: Any) -> tuple[str, ...]:
    """Common nouns the parse attaches to a name as what it *is* (see ``ChainMention``).

    Three constructions, all standard in news copy: a title noun compounded to the name
    ("Texas inmate Arcade Comeaux", "defensive tackle Jamal Williams"), an apposition
    ("Lohan, the actress," / "the actress, Lohan,") and a copula predicate ("Comeaux is
    a convicted sex offender")."""
    root = span.root
    out: list[str] = []

    def take(tok: Any, title: bool = False) -> None:
        # A capitalised title before a name is tagged a proper noun ("Deputy Luis Ortiz",
        # "District Attorney Steve Cooley"): still the noun that says what the person is.
        noun = tok.pos_ == "NOUN" or (title and tok.pos_ == "PROPN" and _title_word(tok.lower_))
        if noun and tok.is_alpha and len(tok) > 2 and tok.lemma_.lower() not in out:
            out.append(tok.lower_ if tok.pos_ == "PROPN" else tok.lemma_.lower())

    first_name = next((t.i for t in span if t.pos_ == "PROPN" and not _title_word(t.lower_)), span.start)
    for child in root.children:
        title_noun = child.dep_ == "compound" and span.start - 3 <= child.i < first_name
        if title_noun or child.dep_ == "appos":
            take(child, title=title_noun)
    # A title the parse hangs on a first name rather than the head ("Deputy Luis Gerardo
    # (Jerry) Ortiz": Deputy → Gerardo): any compound just before the name, into the span.
    for tok in span.doc[max(0, span.start - 3) : first_name]:
        if tok.dep_ == "compound" and span.start <= tok.head.i < span.end and tok.i < span.start:
            take(tok, title=True)
    if root.dep_ == "appos" and root.head.i not in range(span.start, span.end):
        take(root.head)
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ == "be":
        for child in root.head.children:
            if child.dep_ == "attr":
                take(child)
    return tuple(out)


def context_terms(adoc: AnnotatedDocument) -> tuple[Counter[str], dict[int, Counter[str]]]:
    """Content-word lemmas of the whole document and of each sentence."""
    stop = _stopwords()
    per_sentence: dict[int, Counter[str]] = {}
    doc_terms: Counter[str] = Counter()
    text = adoc.document.text
    if adoc.doc is not None:
        sent_of = _sentence_index(adoc)
        for tok in adoc.doc:
            if (
                not tok.is_alpha
                or len(tok) < 3
                or tok.is_stop
                or tok.pos_ not in ("NOUN", "PROPN", "VERB", "ADJ")
            ):
                continue
            lemma = tok.lemma_.lower()
            doc_terms[lemma] += 1
            per_sentence.setdefault(sent_of(tok.idx), Counter())[lemma] += 1
        return doc_terms, per_sentence
    spans = [(s.start, s.end) for s in adoc.sentences] or [(0, len(text))]
    for i, (a, b) in enumerate(spans):
        for w in _WORD.findall(text[a:b]):
            lw = w.lower()
            if len(lw) < 3 or lw in stop:
                continue
            doc_terms[lw] += 1
            per_sentence.setdefault(i, Counter())[lw] += 1
    return doc_terms, per_sentence


def _sentence_index(adoc: AnnotatedDocument):  # type: ignore[no-untyped-def]
    starts = [s.start for s in adoc.sentences]

    def find(offset: int) -> int:
        return max(0, bisect.bisect_right(starts, offset) - 1) if starts else 0

    return find


class ChainBuilder:
    """Builds the chains of one document, mention by mention, in text order."""

    def __init__(self, adoc: AnnotatedDocument, options: ResolverOptions):
        self.adoc = adoc
        self.options = options
        self.chains: list[Chain] = []
        self.by_compact: dict[str, int] = {}
        self.defined_acronyms: dict[str, int] = {}  # "(NHA)" right after a long name
        self.last_sentence: dict[int, int] = {}
        self.subject_count: Counter[int] = Counter()
        self.gender: dict[int, str] = {}

    # ---- helpers ----------------------------------------------------------------
    def _new(self, m: ChainMention) -> int:
        self.chains.append(Chain(self.adoc.document.id, [m], self.adoc.document.published))
        return len(self.chains) - 1

    def _join(self, idx: int, m: ChainMention) -> None:
        self.chains[idx].mentions.append(m)

    def touch(self, idx: int, m: ChainMention, parsed: ParsedName | None) -> None:
        """Record that chain ``idx`` was just mentioned by ``m`` (recency, subject, name)."""
        self.last_sentence[idx] = m.sentence
        if m.subject:
            self.subject_count[idx] += 1
        if parsed is not None:
            gender = parsed.gender or (HONORIFICS.get(m.title) if m.title else None)
            if gender and idx not in self.gender:
                self.gender[idx] = gender
            # Only full forms index the chain: a bare "Lee" that joined one Lee by cues
            # must not pull every later "Lee" along without weighing the cues again.
            if m.kind == "name" and m.method in ("found", "exact", "variant", "typo"):
                self.by_compact.setdefault(parsed.compact, idx)
        elif m.kind == "nominal":
            self.by_compact.setdefault(parse_name(m.text).compact, idx)
        if m.kind == "pronoun" and _pronoun_word(m.text) in GENDERED_PRONOUNS and idx not in self.gender:
            self.gender[idx] = GENDERED_PRONOUNS[_pronoun_word(m.text)]

    def _full_names(self, idx: int) -> list[ParsedName]:
        chain = self.chains[idx]
        return _view(chain, "full_names", lambda: [
            parse_name(n) for n in chain.names() if parse_name(n).is_multi])

    def _initials_may_stand_for(self, label: str, idx: int) -> bool:
        """News abbreviates organisations, places and laws, not people: an acronym stands
        for a person's name only when it is tagged as a person itself ("JFK")."""
        return self.chain_label(idx) != "PERSON" or label == "PERSON"

    def chain_label(self, idx: int) -> str:
        """The entity label chain ``idx`` goes by (its most frequent one)."""
        chain = self.chains[idx]
        return _view(chain, "label", lambda: _top(chain.labels()))

    # ---- the cascade ------------------------------------------------------------
    def add(self, m: ChainMention) -> None:
        if m.kind == "pronoun":
            idx = self._pronoun(m) if self.options.resolve_pronouns else None
            if idx is None:
                idx = self._new(m)
            else:
                self._join(idx, m)
            self.touch(idx, m, None)
            return
        if m.kind == "nominal":
            same = self.by_compact.get(parse_name(m.text).compact)
            partner = (
                self._chain_at(m.antecedent) if m.antecedent >= 0 and self.options.link_appositions else None
            )
            if partner is not None and self.chains[partner].kind == "name":
                m.method, m.reason, m.score = "nominal", "apposition or title noun of the name", 0.8
                idx: int | None = partner
            elif same is not None:
                m.method, m.reason = "exact", "same words as an earlier mention"
                idx = same
            else:
                idx = self._nominal(m) if self.options.link_nominals else None
            if (
                idx is None
                and self.options.link_descriptions
                and (m.definite or (not self.options.descriptions_definite_only and not m.plural))
            ):
                idx = self._description(m)
            if idx is None:
                idx = self._new(m)
            else:
                self._join(idx, m)
            self.touch(idx, m, None)
            return
        parsed = parse_name(m.name_text)
        idx = self.link_name(m, parsed)
        if idx is None:
            idx = self._new(m)
            self.define_acronym(m, idx)
        else:
            self._join(idx, m)
        self.touch(idx, m, parsed)

    def define_acronym(self, m: ChainMention, idx: int) -> None:
        """Let an acronym in parentheses after ``m`` name chain ``idx`` ("the World Bank (WB)")."""
        # After a person's name the parenthesis holds a country or a party ("Philip Roth
        # (US)", "Jane Smith (Lab)"), not an abbreviation of the name.
        found = _PAREN_ACRONYM.match(self.adoc.document.text, m.end) if m.label != "PERSON" else None
        if found:
            self.defined_acronyms[found.group(1).replace(".", "").lower()] = idx

    def link_name(self, m: ChainMention, p: ParsedName) -> int | None:
        """The chain the name ``m`` (parsed as ``p``) continues, or None for a new one."""
        if not p.tokens:
            return None
        hit = self.by_compact.get(p.compact)
        if hit is not None:
            exact = any(n.lower() == p.surface.lower() for n in self.chains[hit].names())
            m.method, m.reason = (
                ("exact", "same name")
                if exact
                else ("variant", "same name up to case, hyphens, spaces, possessive or title")
            )
            if p.title and not exact:
                m.method = "title"
            return hit
        if p.acronym_form:
            return self._acronym(m, p)
        if not p.is_multi:
            found = self._partial(m, p)
            return found if found is not None or m.method == "unresolved" else self._single_variant(m, p)
        return self._typo_or_subset(m, p)

    def _single_variant(self, m: ChainMention, p: ParsedName) -> int | None:
        """One-word spelling variants in one document (``Velmora``/``Velmara``): the shared
        document is the supporting context; needs a unique candidate."""
        hits: list[tuple[int, str]] = []
        for i, c in enumerate(self.chains):
            if c.kind != "name" or demonym_clash(self.chain_label(i), m.label):
                continue
            for n in c.names():
                other = parse_name(n)
                if other.is_multi or other.acronym_form:
                    continue
                match = name_match(p, other, self.options.typo_min_length)
                if match.kind in ("variant", "typo"):
                    hits.append((i, match.kind))
                    break
        if len(hits) != 1:
            return None
        idx, kind = hits[0]
        m.method, m.score = ("typo" if kind == "typo" else "variant"), 0.75
        m.reason = f"spelling {kind} of {self.chains[idx].best_name().surface!r} in the same document"  # type: ignore[union-attr]
        return idx

    def _acronym(self, m: ChainMention, p: ParsedName) -> int | None:
        if p.compact in self.defined_acronyms:
            m.method, m.reason = "acronym", "defined in parentheses after the full name"
            return self.defined_acronyms[p.compact]
        matches = [
            i
            for i, c in enumerate(self.chains)
            if c.kind == "name"
            and self._initials_may_stand_for(m.label, i)
            and any(acronym(n) == p.compact for n in c.names() if not parse_name(n).acronym_form)
        ]
        if len(matches) == 1:
            m.method, m.reason = "acronym", f"initials of {self.chains[matches[0]].best_name().surface!r}"  # type: ignore[union-attr]
            return matches[0]
        if len(matches) > 1:
            m.method, m.reason = "unresolved", f"acronym matches {len(matches)} names"
        return None

    def _partial(self, m: ChainMention, p: ParsedName) -> int | None:
        token = p.compact
        candidates: list[int] = []
        for i, c in enumerate(self.chains):
            if c.kind != "name":
                continue
            for full in self._full_names(i):
                if _two_known_names(p.tokens, full.tokens):
                    continue
                parts = [compact((t,)) for t in full.tokens]
                if partial_fits(token, parts, self.chain_label(i), m.label):
                    candidates.append(i)
                    break
        gender = p.gender or (HONORIFICS.get(m.title) if m.title else None)
        if gender:
            candidates = [i for i in candidates if self.gender.get(i) in (None, gender)]
        if not candidates:
            return None
        if len(candidates) == 1:
            m.method = "title" if (p.title or m.title) else "partial"
            m.reason = f"only full name with {p.surface!r} so far"
            m.score = 0.9
            return candidates[0]
        return self._choose(m, p, candidates)

    def _cue_score(self, idx: int, m: ChainMention) -> tuple[float, str]:
        last = self.last_sentence.get(idx, -10_000)
        distance = max(0, m.sentence - last)
        recency = 1.0 / (1.0 + distance) if distance <= self.options.recency_window else 0.0
        mentions = len(self.chains[idx].mentions)
        total = sum(len(self.chains[i].mentions) for i in self.last_sentence) or 1
        salience = mentions / total
        role = 0.0
        if m.subject and self.subject_count[idx]:
            role = self.subject_count[idx] / max(1, mentions)
        score = recency + 0.5 * role + 0.5 * salience
        why = (
            f"recency {recency:.2f} (sentence distance {distance}), role {role:.2f}, salience {salience:.2f}"
        )
        return score, why

    def _choose(self, m: ChainMention, p: ParsedName, candidates: list[int]) -> int | None:
        scored = sorted(((*self._cue_score(i, m), i) for i in candidates), reverse=True)
        (best, why, idx), (second, _, _) = scored[0], scored[1]
        names = ", ".join(repr(self.chains[i].best_name().surface) for _, _, i in scored)  # type: ignore[union-attr]
        if best - second >= self.options.partial_margin:
            m.method = "title" if (p.title or m.title) else "partial"
            m.score = round(min(1.0, best - second), 3)
            m.reason = f"chosen among {names}: {why}; margin {best - second:.2f}"
            return idx
        m.method = "unresolved"
        m.score = 0.0
        m.reason = (
            f"ambiguous between {names}: margin {best - second:.2f} below {self.options.partial_margin}"
        )
        return None

    def _typo_or_subset(self, m: ChainMention, p: ParsedName) -> int | None:
        typo: list[int] = []
        variant: list[int] = []
        subset: list[int] = []
        for i, c in enumerate(self.chains):
            if c.kind != "name" or demonym_clash(self.chain_label(i), m.label):
                continue
            for full in self._full_names(i):
                if len(full.tokens) == len(p.tokens):
                    differing = [(a, b) for a, b in zip(full.tokens, p.tokens, strict=True) if a != b]
                    if (
                        len(differing) == 1
                        and len(p.compact) >= self.options.typo_min_length
                        and Levenshtein.distance(*differing[0]) <= self.options.typo_distance
                    ):
                        typo.append(i)
                        break
                elif (len(full.tokens) > len(p.tokens) and _in_order(p.tokens, full.tokens)
                      and not _two_known_names(p.tokens, full.tokens)):
                    subset.append(i)
                    break
                # Word-by-word transliteration, or the same person with and without
                # middle names or a short first name ("Fred LaRue" / "Frederick C. LaRue").
                if name_match(p, full, self.options.typo_min_length).kind == "variant":
                    variant.append(i)
                    break
        if len(variant) == 1 and not typo:
            m.method, m.score = "variant", 0.8
            full = self.chains[variant[0]].best_name().surface  # type: ignore[union-attr]
            m.reason = f"spelling variant of {full!r} (transliteration, middle names or short first name)"
            return variant[0]
        if len(typo) == 1:
            m.method, m.score = "typo", 0.8
            m.reason = f"one edit from {self.chains[typo[0]].best_name().surface!r}, other tokens equal"  # type: ignore[union-attr]
            return typo[0]
        if len(subset) == 1:
            m.method, m.score = "partial", 0.9
            m.reason = f"words of {self.chains[subset[0]].best_name().surface!r}"  # type: ignore[union-attr]
            return subset[0]
        return None

    def _nominal(self, m: ChainMention) -> int | None:
        head = m.head or _head_of(m.text)
        for i in range(len(self.chains) - 1, -1, -1):
            c = self.chains[i]
            if self.options.nominal_agreement and (
                m.fresh or any(x.plural != m.plural for x in c.mentions if x.kind == "nominal")
            ):
                continue
            if c.kind == "nominal" and head in c.heads():
                m.method, m.reason, m.score = "nominal", f"same head {head!r}", 0.7
                return i
        if not self.options.within_related_heads:
            return None
        # No earlier description with the same noun: the one with the most related noun
        # ("the gunman" … "the shooter"; the most recent on ties), same type group.
        group = _desc_group(m.label)
        best: tuple[float, int, str] | None = None
        for i in range(len(self.chains) - 1, -1, -1):
            c = self.chains[i]
            if c.kind != "nominal" or m.fresh or _desc_group(self.chain_label(i)) != group:
                continue
            if any(x.plural != m.plural for x in c.mentions if x.kind == "nominal"):
                continue
            for other in c.heads():
                sim = head_similarity(head, other)
                if sim >= self.options.within_related_heads and (best is None or sim > best[0]):
                    best = (sim, i, other)
        if best is None:
            return None
        m.method, m.reason, m.score = "nominal", f"head {head!r} related to {best[2]!r} ({best[0]:.2f})", 0.6
        return best[1]

    def _description(self, m: ChainMention) -> int | None:
        """A description ("the actress", "the company") → the document's most salient named
        entity of the same type so far, when one stands out (strictly most mentions)."""
        group = _desc_group(m.label)
        if group not in self.options.description_groups or (group == "person" and m.plural):
            return None  # "the ladies" is not the one woman the text names
        head = m.head or _head_of(m.text)
        # The text already said who is this: "Deputy Luis Ortiz … the 35-year-old deputy".
        described = [
            i
            for i, c in enumerate(self.chains)
            if c.kind == "name" and _desc_group(self.chain_label(i)) == group and head in c.descriptors()
        ]
        if len(described) == 1:
            idx = described[0]
            m.method, m.score = "nominal", 0.7
            m.reason = f"the text describes {self.chains[idx].best_name().surface!r} as {head!r}"  # type: ignore[union-attr]
            return idx
        gender = GENDERED_NOUNS.get(head)
        scored = sorted(
            (
                (len(c.mentions), i)
                for i, c in enumerate(self.chains)
                if c.kind == "name"
                and _desc_group(self.chain_label(i)) == group
                and (gender is None or self.gender.get(i) in (None, gender))
            ),
            reverse=True,
        )
        if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
            return None
        idx = scored[0][1]
        m.method, m.score = "nominal", 0.5
        m.reason = (
            f"description of the most mentioned {group} so far ({self.chains[idx].best_name().surface!r})"  # type: ignore[union-attr]
        )
        return idx

    def _chain_at(self, offset: int) -> int | None:
        for i, c in enumerate(self.chains):
            if any(x.start <= offset < x.end for x in c.mentions):
                return i
        return None

    def _pronoun(self, m: ChainMention) -> int | None:
        word = _pronoun_word(m.text)
        if word in RELATIVE_PRONOUNS:
            idx = self._chain_at(m.antecedent) if m.antecedent >= 0 else None
            if idx is not None and self.options.relative_animacy and not self._relative_fits(m, idx):
                idx = None
            if idx is not None:
                m.method, m.score, m.reason = "pronoun", 0.8, "relative pronoun: the noun its clause modifies"
            elif self.options.relative_adjacent:
                idx = self._adjacent_chain(m)
                if idx is not None:
                    m.method, m.score = "pronoun", 0.7
                    m.reason = "relative pronoun: the mention right before it"
            return idx
        gender = GENDERED_PRONOUNS.get(word)
        group = "person" if gender else NEUTER_PRONOUNS.get(word)
        if group is None:
            return None
        best: tuple[int, int] | None = None
        best_subject: tuple[int, int] | None = None
        for i, last in self.last_sentence.items():
            if m.sentence - last > self.options.pronoun_window:
                continue
            chain = self.chains[i]
            if self._coargument(chain, m, word):
                continue
            label_group = TYPE_GROUPS.get(self.chain_label(i), "thing")
            if group == "person":
                if (
                    chain.kind != "name"
                    or label_group != "person"
                    or self.gender.get(i) not in (None, gender)
                ):
                    continue
            elif group == "place":
                if label_group != "place" or chain.kind == "pronoun":
                    continue
            elif group == "nonperson":
                if label_group == "person" or chain.kind == "pronoun":
                    continue
            elif group == "plural" and (
                chain.kind == "pronoun"
                or not (
                    label_group == "org"
                    or (
                        self.options.plural_people
                        and label_group == "person"
                        and any(x.plural for x in chain.mentions)
                    )
                )
            ):
                continue
            before = [x.end for x in chain.mentions if x.start < m.start]
            if not before:
                continue
            if best is None or max(before) > best[0]:
                best = (max(before), i)
            if group in self.options.pronoun_subject_groups:
                subj = [
                    x.end
                    for x in chain.mentions
                    if x.start < m.start and x.subject and m.sentence - x.sentence <= 1
                ]
                if subj and (best_subject is None or max(subj) > best_subject[0]):
                    best_subject = (max(subj), i)
        if best_subject is not None:
            # "Microsoft has issued a patch to fix a flaw in its browser": "its" is the
            # subject's, not the nearest noun's (subject preference, as in Hobbs-style
            # and centering accounts of pronoun resolution).
            best = best_subject
        if best is None and group == "person" and self.options.pronoun_nominal_fallback:
            # No named person in reach: a person description ("the driver … he").
            for i, last in self.last_sentence.items():
                chain = self.chains[i]
                if m.sentence - last > self.options.pronoun_nominal_window or chain.kind != "nominal":
                    continue
                if TYPE_GROUPS.get(self.chain_label(i), "thing") != "person" or any(
                    x.plural for x in chain.mentions
                ):
                    continue
                if self._coargument(chain, m, word) or (
                    self.options.pronoun_fallback_gender and self._nominal_gender(i) not in (None, gender)
                ):
                    continue
                before = [x.end for x in chain.mentions if x.start < m.start]
                if before and (best is None or max(before) > best[0]):
                    best = (max(before), i)
        if best is None and self.options.pronoun_chains:
            # No named antecedent in reach: the same pronoun as a recent one continues its chain.
            for i, last in self.last_sentence.items():
                chain = self.chains[i]
                if m.sentence - last > 1 or chain.kind != "pronoun" or self._coargument(chain, m, word):
                    continue
                words = {x.text.lower() for x in chain.mentions}
                same = {
                    w for w in words if GENDERED_PRONOUNS.get(w, NEUTER_PRONOUNS.get(w)) == (gender or group)
                }
                if same:
                    before = max(x.end for x in chain.mentions if x.start < m.start)
                    if best is None or before > best[0]:
                        best = (before, i)
        if best is None:
            return None
        m.method, m.score = "pronoun", 0.6
        m.reason = f"most recent compatible antecedent ({group}{', ' + gender if gender else ''})"
        return best[1]

    def _adjacent_chain(self, m: ChainMention) -> int | None:
        """The chain of the mention a relative pronoun directly follows — nothing but a
        comma or a parenthesis between ("Indiana State, which", "Rules That Cut",
        "North Carolina (10-0), which"): a relative clause modifies the noun phrase it is
        adjacent to, and the parse often attaches it elsewhere ("No. 5 seed Indiana State,
        which" to "seed"). The pronoun's animacy must fit (``_relative_fits``)."""
        text = self.adoc.document.text
        best: tuple[int, int] | None = None
        for i, c in enumerate(self.chains):
            for x in c.mentions:
                if x.end <= m.start and m.start - x.end <= 40 and (best is None or x.end > best[0]):
                    best = (x.end, i)
        if best is None or not _ADJACENT_GAP.fullmatch(_PARENTHETICAL.sub("", text[best[0] : m.start])):
            return None
        return best[1] if self._relative_fits(m, best[1]) else None

    def _relative_fits(self, m: ChainMention, idx: int) -> bool:
        """Does the relative pronoun's animacy fit the chain: "who" a person or a body of
        people ("the Saints, who"), "which" no person, "where" a place (Quirk et al. 1985
        §17.9–17.12)?"""
        group = TYPE_GROUPS.get(self.chain_label(idx), "thing")
        wanted = _RELATIVE_ANIMACY.get(_pronoun_word(m.text))
        if wanted == "person":
            return group in ("person", "org")
        if wanted == "place":
            return group == "place"
        return wanted is None or group != "person"

    def _coargument(self, chain: Chain, m: ChainMention, word: str) -> bool:
        """Binding Theory, Principle B (Chomsky 1981): a plain (non-reflexive) object
        pronoun is not the subject of its own verb — "the driver struck her", "the man
        who hit her": "her" is not the driver."""
        if not self.options.pronoun_coarguments or m.role != "obj" or m.governor < 0:
            return False
        if word.endswith(("self", "selves")):
            return False
        return any(x.role == "subj" and x.governor == m.governor for x in chain.mentions)

    def _nominal_gender(self, idx: int) -> str | None:
        """The sex a description chain is marked with: by a pronoun already joined, else
        by its head nouns ("the man", "the actress"); None when unmarked or mixed."""
        known = self.gender.get(idx)
        if known:
            return known
        nominal = [m for m in self.chains[idx].mentions if m.kind == "nominal"]
        marked = {GENDERED_NOUNS.get(m.head or _head_of(m.text)) for m in nominal}
        marked.discard(None)
        return next(iter(marked)) if len(marked) == 1 else None

    # ---- finishing --------------------------------------------------------------
    def finish(self) -> list[Chain]:
        self._late_appositions()
        self._late_links()
        if self.options.within_skeletons:
            self._late_skeletons()
        if self.options.link_described:
            self._document_descriptors()
            self._late_descriptions()
        if self.options.late_gendered_descriptions:
            self._late_gendered()
        if self.options.lede_descriptions:
            self._lede_descriptions()
        return [c for c in self.chains if c.mentions]

    def _lede_descriptions(self) -> None:
        """A news lead describes its protagonist before naming them: "An alleged mafia
        boss hanged himself in his cell … Police are investigating how Gaetano Lo Presti
        …". A singular person description that opens the text as a subject without a
        definite article, still alone at the end, joins the one person the text names
        next, as a subject, in the ``lede_window`` sentences after it. Two people named
        there: it stays."""
        window = self.options.lede_window
        named = [c for c in self.chains if c.kind == "name" and c.mentions]
        for c in self.chains:
            if c.kind != "nominal" or not c.mentions:
                continue
            first = c.mentions[0]
            if (
                first.kind != "nominal"
                or first.sentence > self.options.lede_sentences
                or first.definite
                or first.plural
                or not first.subject
                or TYPE_GROUPS.get(first.label, "thing") != "person"
                or any(m.plural for m in c.mentions if m.kind == "nominal")
            ):
                continue
            introduced = [
                o
                for o in named
                if TYPE_GROUPS.get(o.mentions[0].label, "thing") == "person"
                and 0 < o.mentions[0].sentence - first.sentence <= window
            ]
            # The protagonist is named as a subject in a sentence of its own: a name in
            # the description's sentence is another participant ("An arsonist set fire to
            # Sarah Palin's church").
            introduced = [o for o in introduced if o.mentions[0].subject]
            if len(introduced) != 1:
                continue
            target = introduced[0]
            name = target.best_name()
            for m in c.mentions:
                if m.kind == "nominal":
                    m.method, m.score = "nominal", 0.6
                    m.reason = f"lead description; the person named next: {name.surface if name else '?'!r}"
            target.mentions.extend(c.mentions)
            target.mentions.sort(key=lambda x: x.start)
            c.mentions = []

    def _late_gendered(self) -> None:
        """A sex-marked description still alone at the end ("A woman has died … Raj Chohan
        was leaving her car … she") joins the one named person the text marks with that sex
        (by honorific or pronoun), counted over the whole text: leads often describe before
        they name. With two such people it stays apart."""
        named = [j for j, c in enumerate(self.chains) if c.kind == "name" and c.mentions]
        for c in self.chains:
            if c.kind != "nominal" or not c.mentions:
                continue
            nominal = [m for m in c.mentions if m.kind == "nominal"]
            if not nominal or any(m.plural for m in nominal):
                continue
            if TYPE_GROUPS.get(nominal[0].label, "thing") != "person":
                continue
            genders = {GENDERED_NOUNS.get(m.head or _head_of(m.text)) for m in nominal} - {None}
            if len(genders) != 1:
                continue
            gender = next(iter(genders))
            same = [
                j
                for j in named
                if TYPE_GROUPS.get(self.chain_label(j), "thing") == "person" and self.gender.get(j) == gender
            ]
            if len(same) != 1:
                continue
            j = same[0]
            name = self.chains[j].best_name()
            for m in nominal:
                m.method, m.score = "nominal", 0.6
                m.reason = (
                    f"sex-marked description; the only such person named: {name.surface if name else '?'!r}"
                )
            self.chains[j].mentions.extend(c.mentions)
            self.chains[j].mentions.sort(key=lambda x: x.start)
            c.mentions = []

    def _document_descriptors(self) -> None:
        """Descriptions of a name anywhere in the text, not only at annotated mentions:
        every proper noun with a title noun, apposition or copula predicate gives that
        noun to the one named chain whose name ends (or starts) with that proper noun."""
        doc = self.adoc.doc
        if doc is None:
            return
        by_word: dict[str, set[int]] = {}
        for j, c in enumerate(self.chains):
            if c.kind != "name" or not c.mentions:
                continue
            for n in c.names():
                p = parse_name(n)
                if p.is_multi:
                    by_word.setdefault(p.parts[-1], set()).add(j)
                    by_word.setdefault(p.parts[0], set()).add(j)
        if not by_word:
            return
        for tok in doc:
            if tok.pos_ != "PROPN" or tok.dep_ == "compound":
                continue
            targets = by_word.get(tok.lower_)
            if not targets or len(targets) != 1:
                continue
            j = next(iter(targets))
            span = doc[tok.left_edge.i : tok.i + 1]
            found = _descriptors(span)
            if found:
                first = next(m for m in self.chains[j].mentions if m.kind == "name")
                for d in found:
                    if d not in first.descriptors:
                        first.descriptors.append(d)

    def _late_descriptions(self) -> None:
        """A description chain ("the inmate") joins the one named chain the document itself
        describes with that noun ("Texas inmate Arcade Comeaux", "Lohan, the actress");
        with two such names it stays apart, with the reason recorded."""
        described: dict[str, list[int]] = {}
        for j, c in enumerate(self.chains):
            if c.kind != "name" or not c.mentions:
                continue
            for d in c.descriptors():
                described.setdefault(d, []).append(j)
        if not described:
            return
        for i, c in enumerate(self.chains):
            if c.kind != "nominal" or not c.mentions:
                continue
            singular = [m for m in c.mentions if m.kind == "nominal" and not m.plural]
            if not singular:
                continue
            group = TYPE_GROUPS.get(singular[0].label, "thing")
            targets = {
                j
                for m in singular
                for j in described.get(m.head or _head_of(m.text), ())
                if j != i and TYPE_GROUPS.get(self.chain_label(j), "thing") == group
            }
            if len(targets) > 1 and self.options.described_salience_tiebreak:
                # Several names fit ("climber" Buckley and "climber" Rait): the one the text
                # mentions strictly most is the one it is about.
                ranked = sorted(((len(self.chains[j].mentions), j) for j in targets), reverse=True)
                if ranked[0][0] > ranked[1][0]:
                    targets = {ranked[0][1]}
            if len(targets) == 1:
                j = targets.pop()
                name = self.chains[j].best_name()
                for m in c.mentions:
                    if m.kind == "nominal":
                        m.method, m.score = "nominal", 0.75
                        m.reason = f"the document describes {name.surface if name else '?'!r} as {m.head!r}"
                self.chains[j].mentions.extend(c.mentions)
                self.chains[j].mentions.sort(key=lambda x: x.start)
                c.mentions = []
            elif len(targets) > 1:
                names = ", ".join(sorted(repr(self.chains[j].best_name().surface) for j in targets))  # type: ignore[union-attr]
                for m in singular:
                    if m.method == "found":
                        m.reason = f"description fits several named entities: {names}"

    def _late_appositions(self) -> None:
        """A description whose apposition partner is a name mentioned after it."""
        if not self.options.link_appositions:
            return
        for i, c in enumerate(self.chains):
            if c.kind != "nominal" or len(c.mentions) != 1 or c.mentions[0].antecedent < 0:
                continue
            j = self._chain_at(c.mentions[0].antecedent)
            if j is None or j == i or self.chains[j].kind != "name":
                continue
            m = c.mentions[0]
            m.method, m.reason, m.score = "nominal", "apposition or title noun of the name", 0.8
            self.chains[j].mentions.append(m)
            self.chains[j].mentions.sort(key=lambda x: x.start)
            c.mentions = []

    def _late_subset(self, i: int, c: Chain, best: ParsedName) -> None:
        """A shorter multi-word name seen before the one longer name that contains its
        words in order ("Betty Ford" … "the Betty Ford Center"), of the same type group."""
        group = TYPE_GROUPS.get(self.chain_label(i), "thing")
        first = c.mentions[0].start
        targets = []
        for j, other in enumerate(self.chains):
            if j == i or other.kind != "name" or not other.mentions or other.mentions[0].start < first:
                continue
            if TYPE_GROUPS.get(self.chain_label(j), "thing") != group:
                continue
            if demonym_clash(self.chain_label(i), self.chain_label(j)):
                continue  # "Canadian" is not "the Canadian Army"
            if any(
                len(f.tokens) > len(best.tokens) and _in_order(best.tokens, f.tokens)
                and not _two_known_names(best.tokens, f.tokens)
                for f in self._full_names(j)
            ):
                targets.append(j)
        if len(targets) != 1:
            return
        j = targets[0]
        for mm in c.mentions:
            if mm.method in ("found", "exact"):
                mm.method, mm.score = "partial", 0.8
                mm.reason = f"words of the later full name {self.chains[j].best_name().surface!r}"  # type: ignore[union-attr]
        self.chains[j].mentions.extend(c.mentions)
        self.chains[j].mentions.sort(key=lambda x: x.start)
        c.mentions = []

    def _late_skeletons(self) -> None:
        """A one-word name that is a loose transliteration of a name introduced earlier in
        the document ("Vellamora Harbour Guard" … "the Velmora group" … "Velmara"): same
        consonant skeleton as that name or one of its end words, one candidate only, and
        types that agree — or that the short form's own mentions cannot agree on (the model
        tags a transliteration as PERSON here and GPE there), so the reconciled type does
        not contradict the candidate's."""
        min_len = self.options.fuzzy_min_length
        for i, c in enumerate(self.chains):
            if c.kind != "name" or not c.mentions or c.unresolved:
                continue
            best = c.best_name()
            if best is None or best.is_multi or best.acronym_form:
                continue
            if not consonant_skeleton(best.compact) or len(best.compact) < min_len:
                continue
            first = c.mentions[0].start
            targets = []
            for j, other in enumerate(self.chains):
                if j == i or other.kind != "name" or not other.mentions or other.mentions[0].start > first:
                    continue
                names = [parse_name(n) for n in other.names()]
                person = TYPE_GROUPS.get(self.chain_label(j), "thing") == "person"
                for n in names:
                    if n.compact == best.compact or name_match(best, n, min_len).kind != "skeleton":
                        continue
                    # A person's short form is a surname or given name: the consonant skeleton
                    # alone would take "Kalama" (a town) for "Karima Lopes"; require the finer
                    # romanisation key of that word.
                    if person and variant_key(best.compact) not in {
                        variant_key(w) for w in (n.parts[0], n.parts[-1])
                    }:
                        continue
                    targets.append(j)
                    break
            if len(targets) != 1:
                continue
            j = targets[0]
            if not _reconciled_types_agree(c.labels(), self.chains[j].labels()):
                continue
            name = self.chains[j].best_name()
            for mm in c.mentions:
                if mm.method in ("found", "exact", "variant", "typo"):
                    mm.method, mm.score = "variant", 0.6
                    mm.reason = (
                        f"transliteration of {name.surface if name else '?'!r} (same consonant skeleton, "
                        f"only candidate in the document, types {dict(c.labels())} reconcile)"
                    )
            self.chains[j].mentions.extend(c.mentions)
            self.chains[j].mentions.sort(key=lambda x: x.start)
            c.mentions = []

    def _late_links(self) -> None:
        """Cataphora and late expansions: a bare name or acronym seen before its full form."""
        for i, c in enumerate(self.chains):
            if c.kind != "name" or len(c.mentions) == 0:
                continue
            best = c.best_name()
            if best is None:
                continue
            if best.is_multi:
                if self.options.late_subsets:
                    self._late_subset(i, c, best)
                continue
            if any(mm.method == "unresolved" and "ambiguous" in mm.reason for mm in c.mentions):
                c.unresolved = c.mentions[0].reason
                continue
            targets: list[int] = []
            for j, other in enumerate(self.chains):
                if j == i or other.kind != "name" or not other.mentions:
                    continue
                for full in self._full_names(j):
                    parts = [compact((t,)) for t in full.tokens]
                    if (
                        best.acronym_form
                        and acronym(full.surface) == best.compact
                        and self._initials_may_stand_for(c.mentions[0].label, j)
                    ):
                        targets.append(j)
                        break
                    label = c.mentions[0].label
                    if (not best.acronym_form and not _two_known_names(best.tokens, full.tokens)
                            and partial_fits(best.compact, parts, self.chain_label(j), label)):
                        targets.append(j)
                        break
            if len(targets) == 1:
                j = targets[0]
                for mm in c.mentions:
                    if mm.method in ("found", "exact"):
                        mm.method = "acronym" if best.acronym_form else "partial"
                        mm.reason = (
                            f"the document's only full name for it: {self.chains[j].best_name().surface!r}"  # type: ignore[union-attr]
                        )
                        mm.score = 0.8
                self.chains[j].mentions.extend(c.mentions)
                self.chains[j].mentions.sort(key=lambda x: x.start)
                c.mentions = []
            elif len(targets) > 1:
                c.unresolved = f"{len(targets)} full names in the document could be meant"


def _reconciled_types_agree(short: Counter[str], full: Counter[str]) -> bool:
    """Types for a within-document transliteration merge: the same majority group, or a
    short form whose own mentions disagree (no group reaches three quarters of them)."""
    if not short or not full:
        return True
    if any(demonym_clash(a, b) for a in short for b in full):
        return False
    groups: Counter[str] = Counter()
    for label, n in short.items():
        groups[TYPE_GROUPS.get(label, label)] += n
    full_groups: Counter[str] = Counter()
    for label, n in full.items():
        full_groups[TYPE_GROUPS.get(label, label)] += n
    top, n = groups.most_common(1)[0]
    if top == full_groups.most_common(1)[0][0]:
        return True
    return n / sum(groups.values()) < 0.75


def partial_fits(token: str, parts: list[str], full_label: str, label: str) -> bool:
    """Can a bare word stand for this full name? A person is referred to by surname (first
    word in East Asian order, last in Western order) or given name; an organisation or a
    place by its first word, and only by a word of the same type."""
    if full_label in PERSONISH and label not in PLACE_LABELS:
        return token in (parts[0], parts[-1])
    if label == "NAME" and full_label in ("", "NAME"):
        # Two untyped names (nlp.partial: a language no pipeline reads): the short one is
        # the first or last word of the long one, as a person's or an organisation's is.
        return token in (parts[0], parts[-1])
    same_type = TYPE_GROUPS.get(full_label, full_label) == TYPE_GROUPS.get(label, label)
    if not same_type:
        return False
    # An organisation's last word names it too ("Chiefs" for "Kansas City Chiefs") unless
    # that word is a generic designator ("Service", "University", "Corp").
    return token == parts[0] or (token == parts[-1] and token not in ORG_DESIGNATORS)


def _top(labels: Counter[str]) -> str:
    return labels.most_common(1)[0][0] if labels else ""


def _two_known_names(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """The shorter name stands for itself (``nlp.crosslingual_names``'s tables): a country or a world
    region is never short for a longer name ("Japan" is not "the Sea of Japan", "Mexico" not
    "the Gulf of Mexico"), and of two known names neither is a part of the other ("United
    Nations" is not "United Nations Security Council")."""
    kind = known_kind(short)
    return kind in ("country", "region") or (kind is not None and known_kind(long) is not None)


def _in_order(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return all(any(tok == x for x in it) for tok in short)


def chain_document(adoc: AnnotatedDocument, options: ResolverOptions | None = None) -> list[Chain]:
    """Group one document's mentions into chains, one per entity it names."""
    options = options or ResolverOptions()
    token = _VIEWS.set({})
    try:
        return _chain_document(adoc, options)
    finally:
        _VIEWS.reset(token)


def _chain_document(adoc: AnnotatedDocument, options: ResolverOptions) -> list[Chain]:
    # A text longer than a section (far longer than any article: a dump of many) is
    # chained section by section, as it was annotated: the builder compares each mention
    # with every chain so far, so one pass over the whole text grows with its square.
    # The cross-document resolver still joins the sections' chains of one entity.
    bounds = [end for _, end in split_sections(adoc.document.text, SECTION_CHARS)]
    builders = [ChainBuilder(adoc, options) for _ in bounds]
    sent_of = _sentence_index(adoc)
    found = {id(m) for m in adoc.references} if options.referring_mentions else set()
    mentions = [*adoc.mentions, *(adoc.references if found else ())]
    governments = {(s, e): country for s, e, country in adoc.governments}
    for mention in sorted(mentions, key=lambda x: (x.start, -x.end)):
        builder = builders[min(bisect.bisect_right(bounds, mention.start), len(bounds) - 1)]
        info = classify_mention(adoc, mention.start, mention.end, mention.text)
        if id(mention) in found and info.kind == "name":
            continue  # a capitalised description ("The Company" in a headline): not ours to link
        government = governments.get((mention.start, mention.end)) if id(mention) not in found else None
        if government and info.kind == "name":
            # "Washington warned": the country's government, so the country's name is
            # what it matches by; the span and its text stay the capital's.
            info = replace(info, core=government)
        elif options.place_cores and info.kind == "name" and not info.core and mention.label in PLACE_LABELS:
            core = _place_core(adoc, mention.start, mention.end)
            if core:
                info = replace(info, core=core)
        before = _TITLE_BEFORE.search(adoc.document.text, max(0, mention.start - 24), mention.start)
        title = before.group(1).lower() if before and before.group(1).lower() in HONORIFICS else ""
        sentence = mention.sentence if mention.sentence >= 0 else sent_of(mention.start)
        role, governor = _syntax(adoc, mention.start, mention.end)
        builder.add(
            ChainMention(
                mention.start,
                mention.end,
                mention.text,
                mention.label,
                sentence,
                info.kind,
                subject=info.subject,
                head=info.head,
                definite=info.definite,
                antecedent=info.antecedent,
                plural=info.plural,
                fresh=info.fresh,
                count=list(info.count),
                title=title,
                descriptors=list(info.descriptors),
                core=info.core,
                role=role,
                governor=governor,
                referring=id(mention) in found,
                # how a name no model tagged was found (nlp.partial), or a capital read as
                # its country's government
                rule="government" if government and info.kind == "name" else mention.rule,
                reason=f"capital standing for the government of {government}" if government else "",
            )
        )
    chains = [c for b in builders for c in b.finish()]
    if found:
        from newsgraph.resolve.entities.referring import keep_clear_references

        chains = keep_clear_references(chains, adoc)
    # A text with no pronoun or definite description may still describe participants
    # ("A judge sentenced two men on Friday").
    if options.referring_mentions and options.unnamed_referents and adoc.doc is not None:
        from newsgraph.resolve.entities.unnamed import named_referents, unnamed_chains

        chains += unnamed_chains(chains, adoc, sent_of, things=options.unnamed_things,
                                 lone=options.unnamed_lone)
        chains = named_referents(chains, adoc)
    # The headline's names, linked to these chains or chains of their own (after every
    # chain of the text is final: the title changes none of them).
    titled: list[Chain] = []
    if options.headline_mentions and adoc.document.title and (
            adoc.title_mentions or adoc.document.language in (None, "en")):
        from newsgraph.resolve.entities.headline import headline_chains

        titled = headline_chains(chains, adoc, options)
    doc_terms, per_sentence = context_terms(adoc)
    # The document's terms by weight, heaviest first (ties in document order, as
    # ``most_common`` keeps them): a chain's top terms are its sentences' terms and the
    # first of these, so no chain walks the whole vocabulary of a long text.
    by_weight = sorted(doc_terms.items(), key=lambda kv: kv[1], reverse=True)
    for chain in chains + titled:
        terms: Counter[str] = Counter()
        for sent in {m.sentence for m in chain.mentions}:
            terms.update(per_sentence.get(sent, {}))
        for term in terms:
            terms[term] += options.doc_term_weight * doc_terms.get(term, 0)
        others = (kv for kv in by_weight if kv[0] not in terms)
        for term, n in islice(others, options.chain_terms):
            terms[term] = options.doc_term_weight * n
        chain.context = {t: round(float(w), 3) for t, w in terms.most_common(options.chain_terms)}
    keys = [_chain_name_key(c) for c in chains]
    distinct = sorted({k for k in keys if k})
    for chain, own in zip(chains + titled, keys + [_chain_name_key(c) for c in titled], strict=True):
        chain.cooc = [k for k in distinct[:41] if k != own][:40]
    return chains + titled


def _chain_name_key(chain: Chain) -> str | None:
    best = chain.best_name()
    return best.compact if best is not None and best.tokens else None
