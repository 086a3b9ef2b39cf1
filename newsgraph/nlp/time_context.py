"""The tense a time expression is spoken in: past, present or future, from its governing verb.

Owns ``governing_tense(span) -> str | None``. An underspecified expression — a weekday
("Friday"), a month or a day without its year ("in March", "Nov. 16") — names the
occurrence before the document date when its verb is in the past ("resigned on
Friday") and the one after it when the verb is in the future ("will meet on Friday",
"is expected to report on Nov. 16"). Rule-based taggers (HeidelTime's news mode, after
Strötgen & Gertz 2013) read the tense of the sentence's verbs the same way; we read the
verb the expression hangs from in spaCy's dependency parse, which a sentence holding
two clauses ("said Monday it will report on Friday") needs.

Without a parse (no spaCy ``Doc``) the caller falls back to ``nlp.time.future_context``,
the sentence-level cue words.
"""

from __future__ import annotations

from typing import Any

__all__ = ["FUTURE_MODALS", "governing_tense"]

#: Modal auxiliaries that put their verb after the moment of writing. "would" is the
#: future seen from a past report ("said it would report on Nov. 16"), still after the
#: document date in news.
FUTURE_MODALS = frozenset({"will", "'ll", "shall", "wo", "would", "'d"})
#: Verbs whose complement is planned: "expects to report on Friday", "is due to meet".
_PLAN_LEMMAS = frozenset({
    "expect", "plan", "schedule", "due", "set", "intend", "hope", "aim", "prepare",
    # "likely to take effect on April 17": what is likely or poised to happen is ahead
    "likely", "unlikely", "poised",
})
#: How far up the parse a time expression may look for its verb (prepositions,
#: appositions and noun heads sit between: "on Friday", "the meeting on Friday").
_MAX_CLIMB = 4


def _verb_of(tok: Any) -> Any | None:
    for _ in range(_MAX_CLIMB):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return tok if tok.pos_ in ("VERB", "AUX") else None


#: Auxiliaries stand within a few words before their verb ("will not be meeting").
_AUX_WINDOW = 4


def _tense_of(verb: Any) -> str | None:
    # The window, not ``verb.children``: a verb of a run-on sentence may have thousands.
    doc = verb.doc
    auxes = [c for c in doc[max(0, verb.i - _AUX_WINDOW) : verb.i]
             if c.head.i == verb.i and c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in auxes}
    if words & FUTURE_MODALS:
        return "future"
    if "going" in words or any(c.lower_ == "to" for c in auxes):
        # "is going to meet", "expects to report": the infinitive's own time is the
        # planner's future; a bare infinitive elsewhere says nothing.
        head = verb.head
        if head.lemma_ in _PLAN_LEMMAS or head.lower_ == "going" or "going" in words:
            return "future"
        return _tense_of(head) if head.i != verb.i and head.pos_ in ("VERB", "AUX") else None
    tags = {verb.tag_} | {c.tag_ for c in auxes}
    if verb.lemma_ in _PLAN_LEMMAS and verb.tag_ == "VBN" and tags & {"VBZ", "VBP"}:
        return "future"  # "is scheduled for Friday", "is set for March"
    if "MD" in tags:
        # "must be returned by Jan. 14", "could leave on Tuesday": what may, must or could
        # happen is ahead; "could have left" looks back.
        return "past" if words & {"have", "'ve"} else "future"
    if tags & {"VBD"} or (verb.tag_ == "VBN" and tags & {"VBZ", "VBP"} and words & {"has", "have"}):
        return "past"
    if verb.tag_ == "VBN" and not auxes:
        return "past"  # "the bonds issued on March 3", "the decision, announced Wednesday"
    if tags & {"VBZ", "VBP"}:
        # "begins Monday", "is meeting Friday": the news present of a scheduled event.
        return "present"
    if verb.tag_ == "VBG" and verb.dep_ not in ("ROOT",):
        return None
    return None


def governing_tense(span: Any) -> str | None:
    """``past``, ``present`` or ``future`` for the verb the expression depends on, or None.

    span (spacy.tokens.Span): the time expression in a parsed ``Doc``.
    RETURNS (str | None): None when no verb governs it or the verb carries no tense
        (a modal "may", a bare participle).
    """
    if not span.doc.has_annotation("DEP"):
        return None
    doc = span.doc
    if span.root.dep_ == "poss" or (span.end < len(doc) and doc[span.end].tag_ == "POS"):
        # "Thursday's closing price", "Wednesday's ruling": news names by its day what has
        # happened; what is coming it names "next", "this" or "tomorrow's".
        return "past"
    verb = _verb_of(span.root.head if span.root.head.i != span.root.i else span.root)
    for _ in range(_MAX_CLIMB):
        if verb is None:
            return None
        tense = _tense_of(verb)
        if tense is not None or verb.tag_ not in ("VBG", "VBN", "VB") or verb.head.i == verb.i:
            return tense
        # A participle or infinitive takes its time from the clause it hangs from
        # ("exiles who practised forming a chain Monday").
        verb = _verb_of(verb.head)
    return None
