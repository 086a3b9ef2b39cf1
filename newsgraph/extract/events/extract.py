"""Event mentions of one annotated document: ``extract_events(adoc)``.

The cascade, per sentence of the spaCy parse behind the ``AnnotatedDocument``:

1. triggers: verbs and nominalisations in the PLOVER lexicon (``lexicon.py``),
   with phrasal verbs ("call for"), verb+object idioms ("raised the alert"),
   compound event nouns ("hunger strike"); a light verb carrying an event noun
   ("carried out the attack") yields the noun, not the verb; nouns that are events
   only when carried ("ordered his death") need their carrier;
2. arguments from the parse (``arguments.py``), the event's own place
   (``place.py``) and date (``time.py``), flags (``flags.py``);
3. the manual's type rules that depend on flags: cooperative acts in the future
   are AGREE, retreats in the future are CONCEDE;
4. contexts from sentence cue words, a confidence score, the rule that fired.

Reporting verbs ("said") are never events.  Nothing here reads the rest of the
article: what is not attached to the trigger in the parse is not the event's.
"""

from __future__ import annotations

from typing import Any

from newsgraph.budget import checkpoint
from newsgraph.extract.events import settings as S
from newsgraph.extract.events.arguments import arguments_for
from newsgraph.extract.events.flags import flags_for
from newsgraph.extract.events.lexicon import (
    CARRIER_VERBS,
    CONTEXT_WORDS,
    DEFAULT_MODE_BY_OBJECT,
    NOUNS,
    SPEECH_VERBS,
    STRICT_NOUNS,
    TRANSITIVE_READING,
    VERBS,
    lookup,
)
from newsgraph.extract.events.place import place_for
from newsgraph.extract.events.time import date_and_pending
from newsgraph.model.document import AnnotatedDocument
from newsgraph.model.events import EventMention, Span, event_mention_id

__all__ = ["extract_events", "main_event", "trigger_entry"]

Token = Any

#: Types whose future-tense reports the manual codes as AGREE (AGREE definition).
_FUTURE_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})

#: Modals of obligation: said of another party, they make a statement a demand.
_OBLIGATION = frozenset({"must", "should"})

#: Cues that put an event in the future or on a condition ("will", "would", "unless").
_FUTURE_CUES = frozenset({"will", "would", "'ll", "unless", "if"})

#: PLOVER's material-conflict quad (manual, "Quad category: MATERIAL CONFLICT").
_MATERIAL_CONFLICT = frozenset({"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})

#: THREATEN mode for the threatened act (manual, THREATEN modes: the content of the threat).
_THREAT_MODE: dict[str, str | None] = {
    "ASSAULT": "violence",
    "COERCE": "restrict",
    "SANCTION": "relations",
    "PROTEST": "restrict",
    "MOBILIZE": "violence",
}


def _protest_topic(tok: Token, ev_type: str) -> bool:
    """A REQUEST that states what a protest demands ("marched to demand reforms")."""
    if ev_type != "REQUEST" or tok.dep_ not in ("advcl", "xcomp", "acl", "conj"):
        return False
    head = tok.head
    for t in (head, *head.children):
        found = trigger_entry(t) if t.i != tok.i else None
        if found and found[0][0] == "PROTEST":
            return True
    return False


def _particle(tok: Token) -> str | None:
    for c in tok.children:
        if c.dep_ == "prt":
            return c.lower_
    for c in tok.children:
        if c.dep_ == "prep" and c.i > tok.i:
            return c.lower_
    for c in tok.children:
        if c.dep_ == "dobj" and c.lower_ in ("fire", "gas"):  # "open fire", "tear gas"
            return c.lower_
    return None


def _objects(tok: Token) -> list[Token]:
    out = []
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            out.append(c)
            out.extend(x for x in c.children if x.dep_ == "compound")
        elif c.dep_ == "prep":
            out.extend(x for x in c.children if x.dep_ == "pobj")
    return out


def _is_event_noun(tok: Token) -> bool:
    return tok.pos_ in ("NOUN", "PROPN") and _noun_entry(tok, strict=False) is not None


def _noun_entry(tok: Token, strict: bool = True) -> tuple[tuple[str, str | None], str] | None:
    lemma = tok.lemma_.lower()
    for c in tok.children:
        if c.dep_ in ("compound", "amod") and c.i == tok.i - 1:
            hit = NOUNS.get(f"{c.lower_} {lemma}") or NOUNS.get(f"{c.lemma_.lower()} {lemma}")
            if hit:
                return hit, f"noun:{c.lower_} {lemma}"
    hit = NOUNS.get(lemma)
    if hit is None:
        return None
    if (
        strict
        and lemma in STRICT_NOUNS
        and not (tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_ in CARRIER_VERBS)
    ):
        return None
    return hit, f"noun:{lemma}"


def trigger_entry(tok: Token) -> tuple[tuple[str, str | None], str] | None:
    """``((type, mode), rule)`` if ``tok`` triggers an event, else None."""
    if tok.ent_type_ and tok.ent_type_ not in ("EVENT",):
        return None  # part of a name ("Strike Force", "Attack Records")
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB":
        if lemma in SPEECH_VERBS and lemma not in VERBS:
            # "X said Y must do Z" states a demand: REQUEST (manual: requests, demands, orders).
            for c in tok.children:
                if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in _OBLIGATION for a in c.children):
                    return ("REQUEST", None), f"speech+obligation:{lemma}"
            return None
        objs = _objects(tok)
        for o in objs:
            hit = DEFAULT_MODE_BY_OBJECT.get((lemma, o.lemma_.lower()))
            if hit:
                return hit, f"verb+object:{lemma} {o.lemma_.lower()}"
        if lemma in CARRIER_VERBS and any(_is_event_noun(o) for o in objs):
            return None  # the carried noun is the trigger
        if tok.dep_ == "amod" or (tok.tag_ == "VBN" and tok.dep_ == "compound"):
            return None  # "the wounded soldiers", "armed men"
        hit = lookup(lemma, "VERB", _particle(tok))
        if hit and lemma in TRANSITIVE_READING and any(c.dep_ == "dobj" for c in tok.children):
            hit = TRANSITIVE_READING[lemma]
        if hit:
            return hit, f"verb:{lemma}"
        return None
    if tok.pos_ in ("NOUN", "PROPN"):
        return _noun_entry(tok)
    return None


def _contexts(sent: Any) -> list[str]:
    text = sent.text.lower()
    lemmas = {t.lemma_.lower() for t in sent}
    out = []
    for ctx, words in CONTEXT_WORDS.items():
        if any((w in lemmas) if " " not in w else (w in text) for w in words):
            out.append(ctx)
    return out


def _depth(tok: Token) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok = tok.head
        d += 1
    return d


def extract_events(adoc: AnnotatedDocument) -> list[EventMention]:
    """Every PLOVER event mention in the document, in text order.

    Needs the transient spaCy ``Doc`` (``adoc.doc``) with a dependency parse;
    a document that was not annotated has no events.
    """
    doc = adoc.doc
    if doc is None or not adoc.annotated:
        return []
    doc_id = adoc.document.id
    published = adoc.document.published
    out: list[EventMention] = []
    for tok in doc:
        found = trigger_entry(tok)
        if found is None:
            continue
        checkpoint("event extraction")
        (ev_type, mode), rule = found
        actors, targets = arguments_for(tok, ev_type)
        target_heads = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        place = place_for(tok, target_heads)
        date, date_pending = date_and_pending(tok, published)
        flags = flags_for(tok, date, published)
        if _protest_topic(tok, ev_type):
            continue  # the demand a protest makes is its topic, not another event (manual, PROTEST)
        cues = {c.lower() for c in flags.cues}
        if flags.hypothetical and cues & _FUTURE_CUES:
            if ev_type in _FUTURE_AGREE:
                ev_type, mode, rule = "AGREE", None, rule + "+future→AGREE"
            elif ev_type == "RETREAT":
                ev_type, mode, rule = "CONCEDE", None, rule + "+future→CONCEDE"
            elif ev_type in _MATERIAL_CONFLICT and (cues & {"would", "unless", "if"} or flags.reported_via):
                # A material-conflict act announced for the future or on a condition is
                # a threat (manual, "Auxiliary modes": THREATEN ≈ ASSAULT + hypothetical).
                ev_type, mode, rule = "THREATEN", _THREAT_MODE.get(ev_type), rule + "+future→THREATEN"
        sent = tok.sent
        conf = S.BASE_CONFIDENCE + (S.VERB_BONUS if tok.pos_ == "VERB" else 0.0)
        conf += S.ACTOR_BONUS if actors else 0.0
        conf += S.TARGET_BONUS if targets else 0.0
        conf += S.ANCHOR_BONUS if (place or date) else 0.0
        conf += S.NAMED_BONUS if any(a.label for a in actors + targets) else 0.0
        start, end = tok.idx, tok.idx + len(tok.text)
        out.append(
            EventMention(
                id=event_mention_id(doc_id, start, end),
                doc=doc_id,
                type=ev_type,
                mode=mode,
                trigger=Span(start, end, tok.text),
                sentence=Span(sent.start_char, sent.end_char, sent.text),
                actors=actors,
                targets=targets,
                place=place,
                date=date,
                date_pending=date_pending,
                context=_contexts(sent),
                flags=flags,
                lemma=tok.lemma_.lower(),
                confidence=round(min(conf, 1.0), 3),
                rule=f"{rule} depth={_depth(tok)}",
            )
        )
    return out


def main_event(mentions: list[EventMention]) -> EventMention | None:
    """The sentence's main event: the trigger nearest the root of the parse.

    Used to type a whole sentence or snippet (the PLOVER and ACLED benchmarks
    code one event per text); verbs win ties over nouns, then text order.
    """
    if not mentions:
        return None

    def key(m: EventMention) -> tuple[int, int, int]:
        depth = int(m.rule.rsplit("depth=", 1)[1]) if "depth=" in m.rule else 99
        return depth, 0 if m.rule.startswith("verb") else 1, m.trigger.start

    return min(mentions, key=key)
