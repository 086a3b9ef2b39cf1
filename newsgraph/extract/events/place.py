"""The place where an event happened: the place phrase attached to its trigger.

Event coders' commonest complaint is a location taken from an unrelated part of
the article.  Here a place must hang off the event in the parse: a locative
preposition ("in", "at", "near"…) under the trigger, under its target ("attacked
the embassy in Spain"), or under the carrier verb of a noun trigger ("carried out
an attack in Kabul").  Its object must be a named place (GPE/LOC/FAC) or a
common place noun ("airport", "embassy") — "in broad daylight" is not a place.
Nothing in the rest of the article is consulted.
"""

from __future__ import annotations

from typing import Any

from newsgraph.extract.events.arguments import span_of
from newsgraph.model.events import EventPlace
from newsgraph.nlp.doc_views import doc_text

__all__ = ["LOCATIVE_PREPS", "PLACE_NOUNS", "place_for"]

Token = Any

#: Prepositions that locate an event.
LOCATIVE_PREPS: frozenset[str] = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "across",
        "throughout",
        "around",
        "within",
        "off",
        "through",
    }
)

#: Common nouns that name places or facilities (general English; used when the
#: place has no NER label: "at the airport", "in the capital").
PLACE_NOUNS: frozenset[str] = frozenset(
    {
        "airport",
        "embassy",
        "consulate",
        "city",
        "town",
        "village",
        "capital",
        "province",
        "region",
        "district",
        "country",
        "border",
        "base",
        "camp",
        "station",
        "square",
        "street",
        "road",
        "market",
        "mosque",
        "church",
        "temple",
        "school",
        "university",
        "hospital",
        "prison",
        "jail",
        "court",
        "courthouse",
        "parliament",
        "palace",
        "office",
        "headquarters",
        "building",
        "port",
        "harbour",
        "harbor",
        "checkpoint",
        "compound",
        "hotel",
        "restaurant",
        "mall",
        "stadium",
        "area",
        "neighbourhood",
        "neighborhood",
        "suburb",
        "island",
        "state",
        "county",
        "territory",
        "zone",
        "frontier",
        "coast",
        "mine",
        "factory",
        "plant",
        "refinery",
        "bridge",
        "highway",
        "residence",
        "home",
        "house",
        "ministry",
        "club",
        "bar",
        "cafe",
        "synagogue",
        "park",
        "terminal",
        "waters",
        "sea",
    }
)

_PLACE_LABELS = ("GPE", "LOC", "FAC")


def _is_place(tok: Token) -> bool:
    if tok.ent_type_ in _PLACE_LABELS:
        return True
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in PLACE_NOUNS and not tok.ent_type_


def _from(head: Token, rule: str) -> EventPlace | None:
    for c in head.children:
        if c.dep_ != "prep" or c.lower_ not in LOCATIVE_PREPS:
            continue
        for o in c.children:
            if o.dep_ == "pobj" and _is_place(o):
                start, end, label = span_of(o)
                # "the embassy in Spain": widen a facility to its own locating phrase.
                inner = _from(o, rule) if label is None else None
                if inner is not None and inner.label:
                    return EventPlace(start, inner.end, doc_text(o.doc)[start : inner.end], inner.label, rule)
                return EventPlace(start, end, doc_text(o.doc)[start:end], label, rule)
    return None


def place_for(trigger: Token, target_heads: list[Token]) -> EventPlace | None:
    """The event's own place, or None: trigger first, then its targets, then its carrier."""
    hit = _from(trigger, "prep_of_trigger")
    if hit:
        return hit
    for t in target_heads:
        hit = _from(t, "prep_of_target")
        if hit:
            return hit
    if trigger.pos_ in ("NOUN", "PROPN"):
        # "talks with X in Vietnam", "the attack on the embassy in Spain".
        for c in trigger.children:
            if c.dep_ == "prep" and c.lower_ not in LOCATIVE_PREPS:
                for o in c.children:
                    hit = _from(o, "prep_of_argument") if o.dep_ == "pobj" else None
                    if hit:
                        return hit
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("dobj", "nsubjpass", "nsubj"):
        hit = _from(trigger.head, "prep_of_carrier")
        if hit:
            return hit
    # A conjoined verb shares the adjunct of the clause it belongs to only when it has none.
    return None
