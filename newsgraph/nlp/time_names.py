"""Names that hold a date word are not dates: "the Arduous March", "the Arab Spring",
"March of Dimes", "the October Revolution", "Theresa May", "Mayday".

Owns ``name_not_date(span) -> str | None``: why a DATE/TIME span of spaCy's NER is part
of a name or no date at all, or None when it is a date (``nlp.time`` drops such spans and
``extract.events.time`` never dates an event with them); and ``year_of_name(span)``: a bare
year modifying a name ("the 1973 War Powers Act"), still a time expression but never an
event's date.

spaCy's small English model tags a month or season word as DATE by its shape, also
inside a name. The rules are general, read from the parse and the capitalisation:

- ``name-modifier``: a capitalised word that is not a date word modifies the date word
  from outside the span, in mid-sentence ("the *Arduous* March", "the *Prague* Spring",
  "*Theresa* May"), or the date word modifies a capitalised noun that is not a date word
  ("the October *Revolution*"): the date word is part of a multiword name whose head or
  modifier is no date. A capitalised word at the start of a sentence says nothing and
  is not read.
- ``name-of``: "March *of Dimes*" — the date word heads an "of" phrase whose object is a
  capitalised name ("the Fourth of July" and "March of 1990" are dates: their objects
  are date words or numbers).
- ``name-entity``: the span touches a PERSON, ORG, EVENT, WORK_OF_ART, FAC, LAW or
  PRODUCT entity through such a modifier or "of" phrase, or overlaps one.
- ``person-subject``: a bare month is the subject of a verb only people do ("May told
  reporters", "June said").
- ``modal``: "may" written as the modal ("may" in lower case, or tagged MD).
- ``no-time-word``: no word of the span is a time word or a number ("Mayday").
"""

from __future__ import annotations

import bisect
from typing import Any

from newsgraph.nlp.doc_views import doc_text

__all__ = ["DATE_WORDS", "NAME_LABELS", "NameSpans", "name_not_date", "year_of_name"]

_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
             "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays")
_SEASONS = ("spring", "summer", "autumn", "fall", "winter")
#: Words a time expression is made of. A span holding none of them, and no digit, is no
#: time expression whatever the tagger said.
DATE_WORDS = frozenset(
    _MONTHS + _WEEKDAYS + _SEASONS + (
        "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "daily", "night",
        "nights", "nightly", "week", "weeks", "weekly", "weekend", "weekends", "fortnight", "month",
        "months", "monthly", "quarter", "quarters", "quarterly", "half", "year", "years", "yearly",
        "annual", "annually", "decade", "decades", "century", "centuries", "millennium", "era",
        "morning", "mornings", "afternoon", "afternoons", "evening", "evenings", "noon", "midnight",
        "midday", "overnight", "dawn", "dusk", "today", "tonight", "yesterday", "tomorrow", "now",
        "ago", "recent", "recently", "current", "currently", "future", "past", "present", "soon",
        "early", "earlier", "late", "later", "latest", "mid", "last", "next", "previous", "this",
        "that", "eve", "am", "pm", "a.m.", "p.m.", "christmas", "easter", "thanksgiving",
        "ramadan", "eid", "hanukkah", "passover", "diwali", "halloween", "lent", "new", "period",
        "time", "times", "term", "fiscal", "season", "seasons", "holiday", "holidays",
        "first", "third", "fourth", "sixties", "seventies", "eighties", "nineties",
        "earliest", "once", "long", "while", "moment", "hourly",
    )
)
#: Number words: a year or a count may be spelled out ("nineteen seventy-nine").
_NUMBER_WORDS = frozenset((
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
    "thousand",
))
#: Entity labels of names (a date word inside one is the name's).
NAME_LABELS = frozenset({"PERSON", "ORG", "EVENT", "WORK_OF_ART", "FAC", "LAW", "PRODUCT", "NORP", "GPE"})
#: The words that make a month, season or weekday word the head a name may form on.
_NAMEABLE = frozenset(_MONTHS + _WEEKDAYS + _SEASONS)
#: How many words a name's modifier may stand before its date word ("the Great Arduous March").
_MAX_MODIFIER_GAP = 3
#: Verbs only people (or groups of them) do: a month as their subject is a person's name.
_PERSON_VERBS = frozenset({
    "say", "tell", "add", "deny", "insist", "argue", "announce", "warn", "urge", "reply",
    "write", "ask", "meet", "resign", "vow", "promise", "accuse", "claim", "speak", "refuse",
    "agree", "admit", "call", "thank", "criticise", "criticize", "praise", "visit", "travel",
    "sign", "win", "lose", "die", "marry", "describe", "explain", "respond",
})


def _word(tok: Any) -> str:
    return tok.lower_.rstrip(".")


def _capitalised_name_word(tok: Any) -> bool:
    """A capitalised word that is no date word, in mid-sentence (case tells nothing at a
    sentence's start)."""
    return (
        tok.text[:1].isupper()
        and tok.is_alpha
        and _word(tok) not in DATE_WORDS
        and not tok.is_sent_start
        and tok.pos_ in ("PROPN", "ADJ", "NOUN")
    )


def _ent_label(tok: Any) -> str:
    return tok.ent_type_ or ""


def name_not_date(span: Any) -> str | None:
    """Why ``span`` (a spaCy DATE/TIME span) is part of a name or no date, else None."""
    words = [_word(t) for t in span if not t.is_punct]
    if not any(
        w in DATE_WORDS or any(c.isdigit() for c in w) or any(p in _NUMBER_WORDS for p in w.split("-"))
        for w in words
    ):
        return "no-time-word"
    nameable = [t for t in span if _word(t) in _NAMEABLE]
    if not nameable:
        return None
    if len(span) == 1 and (span[0].tag_ == "MD" or span[0].text in ("may", "march")):
        return "modal" if span[0].text == "may" or span[0].tag_ == "MD" else "verb"
    doc = span.doc
    text = doc_text(doc)
    inside = {t.i for t in span}
    before = doc[span.start - 1] if span.start > 0 else None
    for tok in nameable:
        if _word(tok) in _SEASONS and tok.text.islower():
            continue  # "a wet European summer": a season is a name only when capitalised
        # A capitalised non-date modifier just before the date word, in the same line:
        # "the Arduous March", "the Prague Spring" (a modifier after it is a misparse
        # of "on Monday Mr Sullivan said").
        # Only the few words before it are read: a token's children may be thousands in a
        # run-on sentence, and every time expression is checked.
        for child in doc[max(0, tok.i - _MAX_MODIFIER_GAP) : tok.i]:
            if child.head.i != tok.i:
                continue
            if "\n" in text[child.idx : tok.idx]:
                continue  # a listing: "Lansdowne Road, Dublin\nSunday, 27 February"
            if child.dep_ in ("amod", "compound", "nmod", "poss") and _capitalised_name_word(child):
                return "name-entity" if _ent_label(child) in NAME_LABELS else "name-modifier"
        # The date word modifies a capitalised noun: "the October Revolution", "The Sunday
        # Telegraph". Not after a preposition or at a sentence's start, where a date
        # stands before its clause's subject ("On Tuesday Mitsubishi said").
        head = tok.head
        if (
            head.i not in inside
            and tok.dep_ in ("compound", "amod", "nmod")
            and head.i == tok.i + 1 + (span.end - 1 - tok.i)
            and before is not None
            and before.pos_ != "ADP"
            and not span[0].is_sent_start
            and "\n" not in text[tok.idx : head.idx]
            and _capitalised_name_word(head)
        ):
            return "name-entity" if _ent_label(head) in NAME_LABELS else "name-modifier"
        # "March of Dimes": an "of" phrase naming something capitalised, right after it.
        if tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "of" and doc[tok.i + 1].head.i == tok.i:
            obj = doc[tok.i + 2]
            if obj.head.i == tok.i + 1 and obj.i not in inside and _capitalised_name_word(obj):
                return "name-of"
    # Touching a name entity: the word before or after the span belongs to one
    # ("March of Dimes" tagged DATE + PERSON).
    after = span.end + (1 if span.end < len(doc) and doc[span.end].lower_ == "of" else 0)
    if after < len(doc) and after > span.end and _ent_label(doc[after]) in NAME_LABELS - {"GPE", "NORP"}:
        return "name-of"
    root = span.root
    if (
        len(words) == 1
        and words[0] in _MONTHS
        and root.dep_ in ("nsubj", "nsubjpass")
        and root.head.lemma_.lower() in _PERSON_VERBS
    ):
        return "person-subject"
    return None


def year_of_name(span: Any) -> str | None:
    """"the 1973 War Powers Act", "the 2005 Camry": a bare year modifying a capitalised name
    is the name's (a law's year of enactment, a model's year), not the time of the sentence's
    acts. "the 2005 budget" and "the 2004 Indian Ocean tsunami" keep their year: their head is
    no name. The tagger's label on the name is not trusted ("War Powers Act" comes out EVENT,
    or no entity): a proper noun as the head is enough. The price: "the 1991 Gulf War" no
    longer dates what happened during it (no date rather than a wrong one). Not in
    ``name_not_date``: as a time expression the year is still one (TimeBank marks "the 1986
    Tax Reform Act"'s year); only an event is not dated by it."""
    if len(span) != 1:
        return None
    year = span[0]
    head = year.head
    if not (year.text.isdigit() and len(year.text) == 4 and year.dep_ in ("nummod", "compound", "amod")):
        return None
    if head.i == year.i or head.i < year.i or "\n" in doc_text(span.doc)[year.idx : head.idx]:
        return None
    if _capitalised_name_word(head) and (head.tag_ == "NNP" or _ent_label(head) in NAME_LABELS):
        return "name-entity" if _ent_label(head) in NAME_LABELS else "name-modifier"
    return None


class NameSpans:
    """The name mentions of a document (``NAME_LABELS``), built once: ``overlaps(start,
    end)`` is a bisection, so checking every time expression stays linear in the text."""

    def __init__(self, mentions: list[tuple[int, int, str]]) -> None:
        names = sorted((s, e) for s, e, label in mentions if label in NAME_LABELS)
        self._starts = [s for s, _ in names]
        # The furthest end among the names starting at or before each one: names may nest.
        self._reach: list[int] = []
        furthest = -1
        for _, e in names:
            furthest = max(furthest, e)
            self._reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a name mention overlaps the characters ``[start, end)``."""
        k = bisect.bisect_left(self._starts, end) - 1
        return k >= 0 and self._reach[k] > start

