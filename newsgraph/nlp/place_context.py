"""What the words around a place name say about it: part of a larger name, a dateline,
or its country's government as possessor, agent or modifier.

Owns four readings ``nlp/places`` asks about before it maps a mention (beside the
acting-subject reading of ``nlp/place_roles``):

- ``inside_name`` — the place word is part of a longer proper name that is no place:
  followed by a capitalised word ("US Open", "Paris Club", "Pennsylvania Blue Shield",
  "New York Stock Exchange"), preceded by one ("Investors in People UK"), glued to one
  ("CD:UK"), or the object of "of"/"for"/"on" after one ("Federal Home Loan Bank of
  Dallas", "Focus on Scotland"). A person's title on the other side ("London Mayor",
  "Governor of Texas") keeps the place: the office is of the place.
- ``short_for_company`` — a bare city name in a text about a company named after it
  ("Phoenix Technologies Ltd" … "Phoenix said"), unless a locative preposition precedes.
- ``dateline`` — a name opening a line and followed by a dash ("Manila - The bank
  said") is where the story was filed, whatever verb follows.
- ``government_context`` — a capital that owns a statement or a thought ("Beijing's
  proposal", "Washington's view"; not its acts, which name markets and traffic as
  often as policies), that modifies "officials"/"sources"
  ("Moscow officials"), that is the agent of a passive verb of speech, thought or
  social acts ("asked by Washington"), or the subject of an absolute clause ("with
  Baghdad saying") stands for its country's government.

Word classes come from WordNet (person nouns; communication and cognition nouns); no
list of place names or examples is kept here.
"""

from __future__ import annotations

import re
from typing import Any

from newsgraph.nlp.doc_views import doc_text
from newsgraph.nlp.place_roles import ACTING_VERB_CLASSES, VERB_SENSES, mention_span

__all__ = ["dateline", "government_context", "inside_name", "short_for_company"]

#: Prepositions that join a name's head to a place inside it ("Bank of Dallas").
_NAME_JOINERS = frozenset({"of", "for", "on"})
#: Entity labels of a neighbour that is not a name's continuation: a date ("London
#: Monday"), a person, another place or people, a number.
_NOT_NAME_LABELS = frozenset({"DATE", "TIME", "PERSON", "GPE", "LOC", "FAC", "NORP", "CARDINAL", "ORDINAL",
                              "MONEY", "PERCENT", "QUANTITY"})
#: Company suffixes before "of": the place is where the company is ("Drillers Inc of Florida").
_COMPANY_SUFFIXES = frozenset({"inc", "corp", "co", "ltd", "plc", "llc", "cos", "corporation", "company",
                               "group", "holdings", "ag", "sa", "nv"})
#: Nouns a government's possession or act is named by (WordNet synsets, NLTK names).
_GOVERNMENT_OBJECTS = ("communication.n.02", "cognition.n.01")
#: Plural nouns of people speaking for a government ("Washington officials").
_SPOKESPEOPLE = frozenset({"official", "officials", "source", "sources", "authorities", "diplomats",
                           "diplomat", "negotiators", "negotiator", "spokesman", "spokeswoman"})
#: Dependency labels of a passive verb's agent ("by Washington") and absolute subject.
_AGENT = "agent"


def _wn() -> Any:
    from newsgraph.nlp.wordnet import wordnet

    return wordnet()


def _is_kind(word: str, synsets: tuple[str, ...], senses: int = 1) -> bool:
    """Whether the ``senses`` most frequent noun senses of ``word`` fall under one of ``synsets``."""
    wn = _wn()
    if wn is None:
        return False
    tops = {s for s in (wn.synset(n) for n in synsets) if s}
    return any(tops & wn.ancestors(sid) for sid in wn.sense_ids(word.lower(), "n", senses))


def _person_noun(word: str) -> bool:
    """"Mayor", "Governor", "captain": the first noun sense is a person."""
    from newsgraph.nlp.honorifics import HONORIFICS

    return word.lower().strip(".") in HONORIFICS or _is_kind(word, ("person.n.01",))


def _capitalised(tok: Any) -> bool:
    # all capitals: a table, a headline or an abbreviation ("HQ", "TV"), no sign of a name
    return tok.is_alpha and tok.text[:1].isupper() and not tok.is_stop and not tok.text.isupper()


def _continues(tok: Any) -> bool:
    """A token that may continue a proper name: capitalised, not a date, person, place or
    number, not a person's title."""
    return _capitalised(tok) and tok.ent_type_ not in _NOT_NAME_LABELS and not _person_noun(tok.text)


def _skip_space(doc: Any, i: int, step: int) -> int:
    """The first token from ``i`` in direction ``step`` that is no whitespace token (wire
    copy breaks lines anywhere)."""
    while 0 <= i < len(doc) and doc[i].is_space:
        i += step
    return i


def inside_name(doc: Any, start: int, end: int) -> str | None:
    """The longer name a place mention is part of, as a reason, or None.

    doc: the spaCy ``Doc`` whose text the offsets index (None: no reading).
    """
    span = mention_span(doc, start, end)
    if span is None:
        return None
    text = doc_text(doc)
    # after: "US Open", "Paris Club"; a line break of wire copy is no boundary, a paragraph is
    nxt = _skip_space(doc, span.end, 1)
    gap = text[span.end_char : doc[nxt].idx] if nxt < len(doc) else ""
    # after an abbreviation's period ("U.S. Concern") wire copy may capitalise anything
    if (nxt < len(doc) and "\n\n" not in gap and gap.strip() == "" and not span.text.endswith(".")
            and _continues(doc[nxt])):
        run = [t for t in doc[nxt : nxt + 3] if _capitalised(t)]
        # "UK Prime Minister", "US Treasury Secretary": an office of the place
        if not any(_person_noun(t.text) for t in run):
            return f"part of the name '{span.text} {doc[nxt].text}…'"
    before = _skip_space(doc, span.start - 1, -1)
    if before < 0:
        return None
    prev = doc[before]
    # glued: "CD:UK"
    if prev.text in (":", "-", "/") and before >= 1 and prev.idx + 1 == start and doc[before - 1].idx + len(
            doc[before - 1].text) == prev.idx and doc[before - 1].text[:1].isupper():
        return f"part of the name '{doc[before - 1].text}{prev.text}{span.text}'"
    if "\n\n" in text[prev.idx : start]:
        return None
    # preceded: "Investors in People UK"
    if _continues(prev) and not prev.is_sent_start and not re.fullmatch(r"[A-Z]+", prev.text):
        return f"part of the name '…{prev.text} {span.text}'"
    # "Bank of Dallas", "Liberation of Palestine", "Focus on Scotland"
    k = before
    if prev.lower_ == "the" and k >= 1:
        k = _skip_space(doc, k - 1, -1)
    joiner = doc[k]
    if joiner.lower_ in _NAME_JOINERS and k >= 1:
        head = doc[_skip_space(doc, k - 1, -1)]
        if _continues(head) and not head.is_sent_start and head.lower_ not in _COMPANY_SUFFIXES:
            return f"part of the name '…{head.text} {joiner.text} {span.text}'"
    return None


#: Prepositions after which a name is where something is, whatever it shares a name with.
_LOCATIVE = frozenset({"in", "at", "near", "from", "to", "outside", "around", "across", "into", "via"})


def short_for_company(doc: Any, start: int, end: int) -> str | None:
    """The company a bare city name stands for: the document names a company that
    begins with it and ends in a company suffix ("Phoenix Technologies Ltd" … "Phoenix
    said"), and no locative preposition precedes this mention ("in Phoenix")."""
    span = mention_span(doc, start, end)
    if span is None:
        return None
    before = _skip_space(doc, span.start - 1, -1)
    if before >= 0 and doc[before].lower_ in _LOCATIVE:
        return None
    name = span.text.lower() + " "
    for ent in doc.ents:
        words = [w.strip("<>.,").lower() for w in ent.text.split()]
        if ent.label_ == "ORG" and ent.text.lower().startswith(name) and set(words[1:]) & _COMPANY_SUFFIXES:
            return f"short for the company '{ent.text.strip('<>')}' the text names"
    return None


def dateline(text: str, start: int, end: int) -> bool:
    """A name opening a line and followed by a dash: where the story was filed."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and re.match(r"\s*[-–—]\s", text[end:]) is not None


def government_context(doc: Any, start: int, end: int) -> str | None:
    """Why a capital stands for its government here ("owns 'bid'"), or None."""
    span = mention_span(doc, start, end)
    if span is None:
        return None
    tok = span.root
    head = tok.head
    # "Manila's bid", "Ottawa's cash balances"
    if tok.dep_ == "poss" and head.pos_ == "NOUN" and _is_kind(head.lemma_ or head.text, _GOVERNMENT_OBJECTS):
        return f"owner of '{head.text}'"
    # "Moscow officials", "Washington sources"
    if tok.dep_ == "compound" and head.lower_ in _SPOKESPEOPLE:
        return f"modifies '{head.text}'"
    # "asked by Washington", "welcomed by Beijing"
    if tok.dep_ == "pobj" and head.lower_ == "by" and head.dep_ == _AGENT:
        verb = head.head
        wn = _wn()
        classes = wn.verb_lexfiles(verb.lemma_ or verb.text, VERB_SENSES) if wn is not None else []
        if classes and (classes[0] in ACTING_VERB_CLASSES or "communication" in classes):
            return f"agent of '{verb.text}'"
    # "with Baghdad saying": the subject of an absolute clause after "with"
    before = _skip_space(doc, span.start - 1, -1)
    after = _skip_space(doc, span.end, 1)
    if before >= 0 and doc[before].lower_ == "with" and after < len(doc) and doc[after].tag_ == "VBG":
        wn = _wn()
        classes = wn.verb_lexfiles(doc[after].lemma_ or doc[after].text, 2) if wn is not None else []
        if "communication" in classes:
            return f"subject of '{doc[after].text}'"
    return None
