"""When an event happened: the time expression attached to it, normalised.

Owns choosing the expression; ``nlp.date_interval`` turns it into an interval with a
precision (event resolution reads dates through it too). ``nlp.time`` does the calendar
arithmetic against the document date (relative
expressions such as "last week" need it); we choose *which* DATE span belongs to
the event, in this order:

0. a DATE span inside, or right after, the phrase of an act the sentence answers or
   follows is that act's own ("in response to a missile attack last Friday": the parser
   hangs the date on the answering verb), and no other trigger's (``_answered_dates``);
A DATE span that says which of a kind a thing is or what period it is for ("the 1988
budget", "a budget for 1988": ``dates_a_thing``) dates no act but the one it modifies.

1. a DATE span inside the trigger's own clause (a child phrase of the trigger,
   its carrier verb, or the clause it heads: "attacked … on Monday");
2. any other DATE span in the evidence sentence (nearest to the trigger) — unless the trigger
   names an act the sentence answers or follows ("in retaliation for an attack", "after the
   raid", ``answered_act``): the sentence's date is then the later act's;
3. a frame-setting DATE at the start of one of the previous sentences of the
   same paragraph ("In 2017, …"), which sets the time for what follows.

Without a document date only absolute expressions (with a year) are normalised.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from newsgraph.model.events import EventDate, Span
from newsgraph.nlp.date_interval import document_anchor, normalise_date
from newsgraph.nlp.doc_views import doc_text, span_ents
from newsgraph.nlp.time import future_context, normalise_text
from newsgraph.nlp.time_context import governing_tense
from newsgraph.nlp.time_detect import not_a_time
from newsgraph.nlp.time_names import name_not_date, year_of_name

__all__ = ["FRAME_LOOKBACK_SENTENCES", "date_and_pending", "date_for", "dates_a_thing"]

Token = Any

#: How many sentences back a fronted date ("In 2017, …") still frames an event.
#: Two covers the usual "In 2017, X did A. Then B. …" paragraph without letting a
#: date leak across a topic change.
FRAME_LOOKBACK_SENTENCES = 2

#: Characters a fronted date may start after, at the start of its sentence
#: ("In 2017,", "On Monday,", "Last week,").
FRAME_MAX_OFFSET = 4



def _clause_tokens(trigger: Token) -> set[int]:
    """Token indexes of the trigger's clause: its subtree, or its carrier's."""
    head = trigger
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.head.pos_ in ("VERB", "AUX"):
        head = trigger.head
    out = _subtree(head)
    # Exclude embedded clauses headed by other verbs: their dates are theirs. (So are the
    # dates of acts the clause answers or follows: ``_answered_dates`` takes them first.)
    for t in head.subtree:
        if (
            t.i != head.i
            and t.dep_ in ("ccomp", "advcl", "relcl")
            and t.i != trigger.i
            and trigger.i not in (inside := _subtree(t))
        ):
            out -= inside
    return out


def _answered_noun(t: Token) -> bool:
    """A noun naming an act that the clause around it answers or follows (not a time:
    "after midnight", "since March" date the clause itself)."""
    return t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in ("DATE", "TIME") and answered_act(t)


#: Nouns of answering an act: what they answer is an earlier act ("in retaliation for the
#: attack", "in response to the raid").
ANSWER_NOUNS: frozenset[str] = frozenset({"retaliation", "response", "reprisal", "revenge", "reply", "answer",
                                          "riposte", "punishment"})
#: Prepositions whose object is an act that came before the one they attach to ("arrested two men
#: after the attack", "following the raid", "in the wake of the bombing").
BEFORE_PREPS: frozenset[str] = frozenset({"after", "following", "since"})
#: Verbs whose object or "for"/"to" phrase is the act they answer ("avenge the raid",
#: "retaliate for the strike", "respond to the attack").
ANSWER_VERBS: frozenset[str] = frozenset({"avenge", "retaliate", "respond", "answer"})
_WAKE_NOUNS = frozenset({"wake", "aftermath"})


def answered_act(trigger: Token) -> bool:
    """The trigger names an act its sentence answers or follows ("in retaliation for an Iranian
    attack", "arrested after the attack", "vowed to avenge the raid"): another, earlier
    occurrence than the sentence's own, so a date elsewhere in the sentence is not its date."""
    if trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in ANSWER_VERBS - {"respond"}:
        return True
    if trigger.dep_ != "pobj":
        return False
    prep = trigger.head
    if prep.lower_ in BEFORE_PREPS:
        return True
    holder = prep.head
    lemma = holder.lemma_.lower()
    answering = lemma in ANSWER_NOUNS or lemma in ANSWER_VERBS - {"avenge", "answer"}
    if prep.lower_ in ("for", "to", "against") and answering:
        return True
    # "in the wake of the bombing", "in the aftermath of the attack"
    return prep.lower_ == "of" and holder.lemma_.lower() in _WAKE_NOUNS


def _subtree(t: Token) -> set[int]:
    return {x.i for x in t.subtree}


def _answered_dates(sent: Any, dates: list[Any]) -> dict[int, frozenset[int]]:
    """The DATE spans of the sentence that belong to an act it answers or follows, by their
    first token, each with that act's phrase (its token indexes): inside that phrase, or
    right after it ("in response to a missile attack last Friday", "… for an attack on a ship
    on Friday" — the parser hangs such dates on the main verb, but the answering act came
    after the date they give). Worked out once per sentence (kept with the parse), whichever
    of its triggers asks first."""
    memo = sent.doc.user_data.setdefault("newsgraph.answered_dates", {})
    if sent.start not in memo:
        memo[sent.start] = _dates_of_answered_acts(sent, dates)
    return memo[sent.start]


def _dates_of_answered_acts(sent: Any, dates: list[Any]) -> dict[int, frozenset[int]]:
    out: dict[int, frozenset[int]] = {}
    for act in (t for t in sent if _answered_noun(t)):
        inside = frozenset(_subtree(act))
        right = act.right_edge.i
        for ent in dates:
            k = ent.start
            after = k == right + 1 or (k == right + 2 and ent.doc[right + 1].dep_ == "prep"
                                       and ent.doc[right + 1].lower_ in ("on", "in", "at", "during"))
            if k in inside or after:
                out.setdefault(k, inside)
    return out


def _past(trigger: Token) -> bool:
    head = trigger
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.head.pos_ in ("VERB", "AUX"):
        head = trigger.head
    tags = {head.tag_} | {c.tag_ for c in head.children if c.dep_ in ("aux", "auxpass")}
    return "VBD" in tags or ("VBN" in tags and "MD" not in tags and "VBZ" not in tags and "VBP" not in tags)


def _make(ent: Any, published: str | None, rule: str) -> EventDate | None:
    # The tense of the date's own verb, as ``nlp.time.normalise_times`` reads it, so that the
    # event's date and the document's time expression agree ("will meet on Friday").
    tense = governing_tense(ent)
    future = tense in ("future", "present") or (tense is None and future_context(ent.sent.text))
    norm = normalise_date(ent.text, published, future=future, tense=tense)
    if norm is None:
        return None
    return EventDate(norm[0], norm[1], norm[2], Span(ent.start_char, ent.end_char, ent.text), rule)


def _is_date(ent: Any) -> bool:
    """A DATE span that is a date: not a name holding a date word ("the Arduous March"),
    an age or a count (``nlp.time_names``, ``nlp.time_detect``)."""
    return (ent.label_ == "DATE" and not_a_time(ent.text) is None and name_not_date(ent) is None
            and year_of_name(ent) is None)


#: Modifier relations by which a date names which of a kind a thing is ("the 1988 budget",
#: "its 1987 output", "the 1985 bombing"): the thing's date, not the act's.
_NOUN_MODIFIERS = frozenset({"nummod", "compound", "amod", "poss", "nmod"})
#: Any fixed day: tells whether an expression's value depends on the document date, and
#: how precise it is.
_PROBE = dt.date(2001, 6, 13)


@lru_cache(maxsize=4096)
def _day_precise(text: str) -> bool:
    """Whether a date expression names a day ("Thursday", "yesterday", "August 21, 1986"),
    as the time normaliser reads it (a year, a month or a season is a period)."""
    norm = normalise_date(text, _PROBE.isoformat())
    return norm is not None and norm[2] == "day"


#: Prepositions that make their object the time frame or the occasion of an act.
_FRAME_PREPS = frozenset({"in", "during", "amid", "throughout", "at"})


def dates_a_thing(ent: Any, trigger: Token) -> bool:
    """Whether a DATE span says which of a kind a thing is, or for what period it holds,
    rather than when the act happened: a modifier of a noun other than the trigger ("the 1988
    budget", "its 1987 output quota") or the object of "for" ("approved a budget for 1988",
    "set a ceiling for the second half"; an act's time is told "in", "on", "last" …)."""
    root = ent.root
    thing = root.head
    while thing.dep_ in ("compound", "amod") and thing.head.i != thing.i and thing.i != trigger.i:
        thing = thing.head  # "a 1986 U.S.-Japan pact": the date is the whole phrase's
    if (root.dep_ in _NOUN_MODIFIERS and thing.pos_ in ("NOUN", "PROPN") and thing.i != trigger.i
            and thing.ent_type_ not in ("DATE", "TIME", "GPE", "LOC", "FAC")
            and not (root.dep_ == "compound" and _day_precise(ent.text))):
        # (A time is no thing: "Tuesday night". Nor does a date say which of a kind a place
        # is, nor is a day word a compound: "in Brazil last October", "Yesterday marines
        # occupied" are the parse's slips.)
        # Unless the thing is the act's time frame or occasion ("attacked the town in the
        # 2005 budget crisis", "accused the IMF at an October meeting"), or the act is told
        # of it ("the May 17 attack, which killed 37", "last week's fire killed one miner").
        frame = thing.dep_ == "pobj" and thing.head.lower_ in _FRAME_PREPS
        told_of = ((trigger.dep_ in ("relcl", "acl") and trigger.head.i == thing.i)
                   or (thing.dep_ in ("nsubj", "nsubjpass") and thing.head.i == trigger.i))
        return not (frame or told_of)
    # "for" a year or a month is the period a thing is for ("a budget for 1988"); "for" a
    # day is when something is set to happen ("a meeting scheduled for Thursday").
    return root.dep_ == "pobj" and root.head.lower_ == "for" and not _day_precise(ent.text)


def _candidates(trigger: Token) -> Any:
    """``(DATE span, rule)`` in the order they may date the event (see the module docstring)."""
    doc = trigger.doc
    sent = trigger.sent
    dates = sorted((e for e in span_ents(sent) if _is_date(e) and not dates_a_thing(e, trigger)),
                   key=lambda e: abs(e.start - trigger.i))
    answered = _answered_dates(sent, dates)
    mine = {k for k, act in answered.items() if trigger.i in act}
    yield from ((ent, "date_in_clause") for ent in dates if ent.start in mine)
    dates = [ent for ent in dates if ent.start not in answered]
    clause = _clause_tokens(trigger)
    yield from ((ent, "date_in_clause") for ent in dates if ent.start in clause)
    if answered_act(trigger):
        return  # the sentence's date is the act that answers it or follows it, not this one's
    yield from ((ent, "date_in_sentence") for ent in dates)
    # Fronted dates of previous sentences in the same paragraph frame this one,
    # when this one narrates in the past too ("In 2017, … . Police arrested …").
    if not _past(trigger):
        return
    if "newsgraph.sents" not in doc.user_data:  # spaCy's slot for such caches: one pass per Doc
        sents = list(doc.sents) if doc.has_annotation("SENT_START") else []
        doc.user_data["newsgraph.sents"] = (sents, {s.start: i for i, s in enumerate(sents)})
    sents, index = doc.user_data["newsgraph.sents"]
    idx = index.get(sent.start, -1)
    for back in range(1, FRAME_LOOKBACK_SENTENCES + 1):
        j = idx - back
        if j < 0:
            break
        prev = sents[j]
        between = doc_text(doc)[prev.end_char : sents[j + 1].start_char + 1]
        if "\n\n" in between or "\n\n" in prev.text.strip():
            break  # a paragraph break ends the frame
        for ent in span_ents(prev):
            if _is_date(ent) and ent.start_char - prev.start_char <= FRAME_MAX_OFFSET:
                yield ent, "date_frame_previous_sentence"


def date_for(trigger: Token, published: str | None) -> EventDate | None:
    """The event's date with its evidence span, or None when nothing dates it."""
    return date_and_pending(trigger, published)[0]




def _relative(ent: Any) -> bool:
    future = future_context(ent.sent.text)
    return normalise_text(ent.text, _PROBE, future=future)[3] == "document-date" \
        and normalise_date(ent.text, _PROBE.isoformat(), future=future) is not None


def date_and_pending(trigger: Token, published: str | None) -> tuple[EventDate | None, Span | None]:
    """``(date, pending)``: the event's date with its evidence span, or — when nothing dates
    it and the document has no date — the expression that would date it once the
    document has one ("yesterday", "last week"), else None. One pass over the candidates."""
    undated = document_anchor(published) is None
    pending = None
    for ent, rule in _candidates(trigger):
        hit = _make(ent, published, rule)
        if hit:
            return hit, None
        if undated and pending is None and _relative(ent):
            pending = Span(ent.start_char, ent.end_char, ent.text)
    return None, pending
