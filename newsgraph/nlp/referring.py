"""Referring expressions that are not names: third-person pronouns and definite descriptions.

Owns finding, in one parsed document, the spans that may stand for an entity the text
names elsewhere — "he", "she", "it", "they" and their possessive and object forms;
"the company", "the group", "its chief executive", "the Apple chief executive"; a noun
phrase in apposition to a name ("Tim Cook, Apple's chief executive") — each typed by
its head noun. Finding is not linking: ``resolve/entities`` decides which of them refer
to a named entity, and drops the rest.

Types come from the head noun's first WordNet senses (``nlp.wordnet``): a kind of
person (``person.n.01``) is PERSON, a kind of social group or organisation
(``social_group.n.01``, and "group" itself) ORG, an administrative district, country
or region GPE, a structure or facility FAC. A noun none of these fit ("the patch",
"the day") is left out: it is no description of a person, body or place a name can
stand for. Pronouns carry PERSON for he/she (and their forms), nothing for it/they. Relative pronouns
("who", "which", "whose", "that") are offered when the parse hangs their clause on a noun,
and "I", "me", "my", "we", "us", "our" wherever they are: inside a quotation they may stand
for its speaker (or the speaker's organisation), which resolution decides from the claims
stage's quotations; outside one they are the writer, and resolution drops them.

Pleonastic "it" ("it is likely that …", "it was reported that …", "it emerged that …",
"it rained") refers to nothing and is not offered (``pleonastic``): an expletive in the
parse, the subject of a copula with a predicate and a clause or infinitive after it (on
the copula, or on the predicate: "it is likely [that …]", "it is important [to remember
the victims]" — an infinitive with no object of its own is tough-movement, "it was hard
to sell", and the "it" refers), of
a passive verb with a that-clause after it, or of a verb of appearing or occurring
("emerge", "transpire", "turn out") with a that-clause after it (the patterns of Lappin
& Leass 1994, §2.1.1; the verbs of Quirk et al. 1985 §18.33). A passive with an
infinitive is raising, not extraposition: in "it is expected to announce job cuts" the
"it" is whatever is expected to announce, and is offered. Nor is a capitalised pronoun
after a capitalised word inside a sentence, a word of a title ("an import version of Do
They Know It's Christmas").
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from newsgraph.model.document import Mention
from newsgraph.nlp.doc_views import doc_text

__all__ = ["FIRST_PERSON", "FIRST_PERSON_PLURAL", "PERSONAL_PRONOUNS", "RELATIVE_PRONOUNS", "TYPE_ROOTS",
           "description_label", "in_relative_clause", "pleonastic", "quote_span", "referring_mentions"]

#: Third-person personal and possessive pronouns (Quirk et al. 1985 §6.4): the forms
#: that refer back to an entity. First and second person point at the speaker or the
#: reader; demonstratives and indefinites rarely at a named entity.
PERSONAL_PRONOUNS: dict[str, str] = {
    **dict.fromkeys(("he", "him", "his", "himself", "she", "her", "hers", "herself"), "PERSON"),
    **dict.fromkeys(("it", "its", "itself", "they", "them", "their", "theirs", "themselves"), ""),
}
#: First-person singular pronouns: inside a quotation they are its speaker ("'I am
#: tired,' he said"); outside one, the writer.
FIRST_PERSON: frozenset[str] = frozenset({"i", "me", "my", "mine", "myself"})
#: First-person plural pronouns: inside a quotation, the body its speaker speaks for
#: ("'We will appeal,' a spokesman for Airbus said") — when the text says which.
FIRST_PERSON_PLURAL: frozenset[str] = frozenset({"we", "us", "our", "ours", "ourselves"})
_QUOTES = frozenset('"“”')
#: Relative pronouns (Quirk et al. 1985 §17.9–17.12): they stand for the noun their clause
#: modifies ("Farouk, who led the movement"), which the parse says.
RELATIVE_PRONOUNS: frozenset[str] = frozenset({"who", "whom", "whose", "which", "that"})
#: Determiners that make a noun phrase definite (it points at something already known).
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
#: Argument positions in which a noun phrase refers (spaCy's English dependency labels):
#: not a compound modifier, not a measure or a date adjunct.
#: A predicate nominal ("became the all-time leading scorer", "is the first witness")
#: describes its subject rather than referring, and is left out.
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "dative", "appos", "conj", "poss", "ROOT",
                            "agent"})
#: Left dependents that belong to a noun phrase's span.
_PREMODIFIERS = frozenset({"det", "poss", "amod", "compound", "nummod", "nmod", "quantmod", "case"})
#: Verbs of pleonastic "it": the copula and verbs of seeming (Quirk et al. 1985 §18.33).
_EXPLETIVE_HOSTS = frozenset({"be", "seem", "appear", "remain", "become", "take", "make"})
#: Verbs of appearing and occurring whose subject "it" stands for a that-clause after them
#: ("it emerged that", "it transpired that", "it turned out that"; Quirk et al. 1985
#: §18.33): with a that-clause, never a participant.
_EXTRAPOSING_VERBS = frozenset({"emerge", "transpire", "happen", "turn", "follow", "occur", "seem", "appear"})
#: WordNet synsets (NLTK names) whose hyponyms a description head may be, with its label;
#: the first that holds for a sense wins. A kinship group ("family") is no body a name
#: stands for (in either sense); a social group that is not an organisation ("the crowd", "the public")
#: neither; a region that is no administrative district ("the area", "the parking lot")
#: is a part of a place, not the place.
TYPE_ROOTS: tuple[tuple[str, str], ...] = (
    ("person.n.01", "PERSON"),
    ("kin_group.n.01", "KIN"),
    ("country.n.02", "COUNTRY"),
    ("administrative_district.n.01", "GPE"),
    ("structure.n.01", "FAC"),
    ("facility.n.01", "FAC"),
    ("organization.n.01", "ORG"),
    ("group.n.01", "ORG"),
)


@lru_cache(maxsize=4096)
def description_label(noun: str) -> str:
    """The entity label a common noun describes (PERSON, ORG, GPE, FAC) or "".

    Read from its two most frequent WordNet senses: the first decides, the second when
    the first fits none; a country in the second sense makes a place of an organisation
    ("the country": a nation's people in one sense, its territory in the other, and the
    name it stands for is tagged a place). "group" itself (the bare ``group.n.01``, not its
    abstract hyponyms) is an organisation, as news uses it."""
    from newsgraph.nlp.wordnet import wordnet

    wn = wordnet()
    if wn is None:
        return ""
    roots = [(wn.synset(name), label) for name, label in TYPE_ROOTS]
    group = wn.synset("group.n.01")
    labels: list[str] = []
    for sid in wn.sense_ids(noun, "n", 2):
        up = wn.ancestors(sid)
        found = ""
        for root, label in roots:
            if root is None or root not in up or (root == group and sid != group):
                continue
            found = label
            break
        labels.append(found)
    if not labels or "KIN" in labels:
        return ""
    if labels[0] == "ORG" and labels[1:2] == ["COUNTRY"]:
        return "GPE"
    label = labels[0] or (labels[1] if len(labels) > 1 and labels[1] in ("ORG", "PERSON", "COUNTRY", "GPE")
                          else "")
    return "GPE" if label == "COUNTRY" else label


def pleonastic(tok: Any) -> bool:
    """Is this "it" an expletive: "it is likely that", "it was reported that", "it emerged
    that", "it rained"? (Not "it is expected to …": raising, the "it" refers.)"""
    if tok.dep_ == "expl":
        return True
    head = tok.head
    if tok.lower_ != "it" or tok.dep_ not in ("nsubj", "nsubjpass") or head.i == tok.i:
        return False
    clause = any(c.dep_ in ("ccomp", "xcomp", "csubj") and c.i > tok.i for c in head.children)
    that_clause = any(c.dep_ in ("ccomp", "csubj") and c.i > tok.i for c in head.children)
    if tok.dep_ == "nsubjpass":
        return that_clause  # "it was reported that …"
    if head.lemma_ in _EXPLETIVE_HOSTS:
        predicate = any(c.dep_ in ("acomp", "attr", "dobj") for c in head.children)
        if clause and predicate:
            return True  # "it is likely that", "it took years to …"
        # The parse may hang the clause on the predicate instead: "it is likely [that …]",
        # "it is important [to remember the victims]". An infinitive with no object of its
        # own is left alone: "it was hard to sell" (the "it" is what is hard to sell).
        if any(g.i > tok.i and (g.dep_ == "ccomp" or (g.dep_ == "xcomp" and any(
                h.dep_ in ("dobj", "ccomp") for h in g.children)))
               for p in head.children if p.dep_ in ("acomp", "attr") for g in p.children):
            return True
    if head.lemma_ in _EXTRAPOSING_VERBS and that_clause and not any(
            c.dep_ in ("dobj", "dative") for c in head.children):
        return head.lemma_ != "turn" or any(c.dep_ == "prt" and c.lower_ == "out" for c in head.children)
    return head.lemma_ in ("rain", "snow")


def in_relative_clause(tok: Any, depth: int = 3) -> bool:
    """Does the parse hang the clause ``tok`` sits in on a noun, at most ``depth`` heads up
    ("who led", "whose first aim", "the ships that it seized")?"""
    t = tok
    for _ in range(depth):
        if t.dep_ == "relcl":
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def quote_span(tok: Any) -> tuple[int, int] | None:
    """Token offsets ``[start, end)`` of the quotation (straight or curly double quotes)
    that holds ``tok`` within its sentence, or None outside one."""
    # Asked of the same tokens by several stages (the referring mentions, the chains'
    # quotations, unnamed referents' candidates: ~100 calls per BBC article), each answer
    # is kept with the parse, which never changes; finding ``tok.sent`` is most of its cost.
    answers = tok.doc.user_data.setdefault("newsgraph.quote_span", {})
    if tok.i in answers:
        return answers[tok.i]
    sent = tok.sent
    # asked for most tokens of a quoted sentence: its quotation marks found once
    cache = tok.doc.user_data.setdefault("newsgraph.quote_marks", {})
    marks = cache.get(sent.start)
    if marks is None:
        marks = cache[sent.start] = [t.i for t in sent if t.text in _QUOTES]
    before = [i for i in marks if i < tok.i]
    after = [i for i in marks if i > tok.i]
    found = (before[-1] + 1, after[0]) if len(before) % 2 == 1 and after else None
    answers[tok.i] = found
    return found


def _in_title(tok: Any) -> bool:
    """Is a capitalised pronoun right after a word of its sentence part of a title ("an
    import version of Do They Know It's Christmas", "the film All About Her")? Mid-sentence
    a pronoun is written in lower case; capitalised after a word it is a title's word, and
    refers to nothing in the text."""
    if not tok.text[:1].isupper() or tok.i == 0:
        return False
    # Read from the words, not the parse's sentences: a title's verb ("Know") may start one.
    before = tok.doc[tok.i - 1]
    return (before.is_alpha and before.text[:1].isupper() and "\n" not in before.whitespace_
            and before.i > 0 and tok.doc[before.i - 1].is_alpha)


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _verb_in_compound(mod: Any) -> bool:
    """Is a compound modifier the finite verb of a clause the tagger read as a noun phrase?
    "the Sarbanes-Oxley act forces companies to be more transparent": "forces" (tagged a
    plural noun) heads a compound of its own ("act", right after a name), so "the …
    act" is the subject and "forces" its verb; a description spanning them would swallow
    the verb. A plural noun that is also a verb's third-person form, after a named thing's
    common noun, is read so ("the drinks industry", "premium rate services watchdog": no
    such noun before it)."""
    if mod.dep_ != "compound" or mod.tag_ != "NNS" or not mod.lower_.endswith("s"):
        return False
    # "the Sarbanes-Oxley act forces …": the noun before it is a named thing's common noun,
    # a whole subject of its own ("the UK's premium rate services watchdog" is no clause).
    if not any(c.dep_ == "compound" and c.tag_ == "NN" and 0 < c.i < mod.i
               and mod.doc[c.i - 1].pos_ == "PROPN" for c in mod.children):
        return False
    from newsgraph.nlp.wordnet import wordnet

    wn = wordnet()
    # The verb reading must be of the word as it stands: "forces" is "force" + "s".
    return wn is not None and bool(wn.sense_ids(mod.lower_[:-1], "v", 1))


def _description_span(tok: Any) -> tuple[int, int] | None:
    """Character span of the noun phrase ``tok`` heads, premodifiers only ("the former
    Apple chief executive", "Apple's chief executive"), or None when it is no definite
    description (neither determined, possessed nor in apposition to a name)."""
    kids = [c for c in tok.children if c.i < tok.i and c.dep_ in _PREMODIFIERS]
    if any(_verb_in_compound(c) for c in kids):
        return None
    definite = any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in kids) or any(
        c.dep_ == "poss" for c in kids)
    appositive = tok.dep_ == "appos" and tok.head.pos_ == "PROPN"
    if not (definite or appositive):
        return None
    first = min([tok.i] + [c.left_edge.i for c in kids])
    doc = tok.doc
    start = doc[first].idx
    return start, tok.idx + len(tok.text)


def _candidate_tokens(doc: Any) -> list[int]:
    """Indices of the tokens ``referring_mentions`` may keep, in order: a pronoun's word or a
    noun (every other token fails its tests). Read from the parse's arrays: building a
    ``Token`` for each of the others cost more than the tests."""
    import numpy
    from spacy.attrs import LOWER, POS
    from spacy.parts_of_speech import NOUN

    arr = doc.to_array([LOWER, POS]).reshape(len(doc), 2)
    words = numpy.array(_pronoun_hashes(), dtype=numpy.uint64)
    return numpy.flatnonzero(numpy.isin(arr[:, 0], words) | (arr[:, 1] == NOUN)).tolist()  # type: ignore[no-any-return]


@lru_cache(maxsize=1)
def _pronoun_hashes() -> tuple[int, ...]:
    """spaCy's string hashes of the pronouns ``referring_mentions`` reads (a hash does not
    depend on the vocabulary that holds the string)."""
    from spacy.strings import StringStore

    strings = StringStore()
    words = set(PERSONAL_PRONOUNS) | FIRST_PERSON | FIRST_PERSON_PLURAL | RELATIVE_PRONOUNS
    return tuple(sorted(strings.add(w) for w in words))


def referring_mentions(doc: Any, names: list[Mention], sentence_of: Any) -> list[Mention]:
    """Pronoun and description spans of a parsed ``doc`` that no name mention overlaps,
    in text order; ``sentence_of(offset)`` gives a span's sentence index."""
    taken = [(m.start, m.end) for m in names]
    out: list[Mention] = []
    text = doc_text(doc)
    for i in _candidate_tokens(doc):
        tok = doc[i]
        lower = tok.lower_
        if lower in PERSONAL_PRONOUNS and tok.pos_ == "PRON" and not tok.text.isupper():
            if lower == "it" and pleonastic(tok):
                continue
            if _in_title(tok):
                continue
            if _inside(taken, tok.idx, tok.idx + len(tok)):
                continue
            out.append(Mention(tok.idx, tok.idx + len(tok), tok.text, PERSONAL_PRONOUNS[lower],
                               sentence_of(tok.idx)))
            continue
        if lower in FIRST_PERSON | FIRST_PERSON_PLURAL and tok.pos_ == "PRON":
            # Offered in and out of quotation marks: a quotation may run over several
            # sentences and paragraphs, which the claims stage's quotations know.
            if not _inside(taken, tok.idx, tok.idx + len(tok)) and not (lower == "us" and tok.text == "US"):
                out.append(Mention(tok.idx, tok.idx + len(tok), tok.text,
                                   "PERSON" if lower in FIRST_PERSON else "", sentence_of(tok.idx)))
            continue
        if lower in RELATIVE_PRONOUNS and tok.tag_ in ("WP", "WP$", "WDT") and in_relative_clause(tok):
            if not _inside(taken, tok.idx, tok.idx + len(tok)):
                out.append(Mention(tok.idx, tok.idx + len(tok), tok.text, "", sentence_of(tok.idx)))
            continue
        if tok.pos_ != "NOUN" or not tok.is_alpha or not tok.is_lower or tok.dep_ not in _ARGUMENT_DEPS:
            continue
        if _inside(taken, tok.idx, tok.idx + len(tok)):
            continue
        label = description_label(tok.lemma_.lower())
        if not label:
            continue
        span = _description_span(tok)
        if span is None:
            continue
        start, end = span
        out.append(Mention(start, end, text[start:end], label, sentence_of(start)))
    return out
