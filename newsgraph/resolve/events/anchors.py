"""Positive evidence that two reports in two articles are of one occurrence (anchors).

``occurrence`` says when two alike reports *cannot* be one occurrence (another modality,
another victim, another city).  That is not enough on general news: two articles of one
news mix share words ("criticised", "agreed", "talks") far more often than they share an
occurrence, and the absence of a conflict is mostly the absence of information.  Story
clustering does not settle it either: a story gathers many acts of one kind.  So across
documents a report joins an event only when ``anchor`` finds positive evidence between it
and the event's reports from other articles (in at least ``ResolverOptions.anchor_share``
of those articles: one alike article of a long event is not enough):

- **wording**: the same evidence sentence word for word (a copy; ``resolve.wording``);
- **participant**: a named participant (a resolved entity, else a named mention; names read
  from the text match on a shared word) both reports give;
- **alike sentences**: most content words in common (``ALIKE``) and, when both give
  figures, at least one in common (a wire template repeated with other figures — "the
  issue was increased from 20 / 50 mln dlrs" — is another occurrence);
- **same day**: both reports date the act itself to one day (a date attached to the act's
  clause, precise to the day) and their sentences share a content word;
- **same news**: the two articles are alike as wholes (``document_vector`` cosine,
  ``NEWS_SIMILARITY``: their rare words and names, weighted by rarity in general English so
  the measure does not depend on the size of the corpus), of one news cycle (both dated
  within ``NEWS_DAYS``, or both undated), and the two reports share an argument or a
  content word of their sentences.  A *generic* report — a plural act naming no one and no
  day ("attacks on browsers") — is a kind of act more than an occurrence: its articles must
  be much alike (``GENERIC_SIMILARITY``).

A *verbal* act (statement, accusation, agreement, request, meeting…: PLOVER's verbal quad
categories) is known by who did it to whom: two named actors with none in common are two
acts; its actor alone is no anchor (the Tories criticise something every day, a central
bank makes several offers in one week), so it needs a shared named participant other than
the actor, or the actor and alike sentences or the same day; without a shared named
participant, it joins only when both articles *open* with it (``Report.lead``), are much
alike (``LEAD_SIMILARITY``), of one day, and give no clashing figures — then the act is
their news.

A *generic* report (``Report.kind``: "house arrest for terror suspects", "powers to
detain") speaks of a kind of act, not of one occurrence: it anchors to nothing.

What has no anchor stays a separate event (``NO_ANCHOR``; not a ``related`` link: a
missing anchor is no evidence that the two are alike).  The resolver keeps one ``Report``
per recent member of an event, so anchors are checked report against report, never against
the union of an event's words.  Each figure was chosen on the development data named in
``ResolverOptions.anchors``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from newsgraph.model.events import EventMention

__all__ = [
    "ALIKE",
    "GENERIC_SIMILARITY",
    "LEAD_CHARS",
    "LEAD_SIMILARITY",
    "NEWS_DAYS",
    "NEWS_SIMILARITY",
    "NEWS_WORDS",
    "NO_ANCHOR",
    "UNDATED_ANY",
    "UNDATED_LEAD",
    "UNDATED_NEVER",
    "Report",
    "anchor",
    "casualties",
    "content_words",
    "cosine",
    "document_vector",
    "figures",
    "rarity",
]

#: Why a report was kept from an event it was like: nothing ties the two to one occurrence.
NO_ANCHOR = "no anchor: nothing ties the reports to one occurrence"

#: Share of content words two sentences need in common (Jaccard) to be alike reports.
ALIKE = 0.5
#: ``document_vector`` cosine above which two articles are alike as wholes: reports of one
#: piece of news.  (ECB+ documents of one gold sub-topic: median 0.50, tenth percentile
#: 0.26; of the other sub-topic of their topic: median 0.09.)  At 0.2 the gold-mention
#: CoNLL within topic falls by 0.0013 on the odd half, past its one-point budget.
NEWS_SIMILARITY = 0.15
#: Two dated articles further apart than this are not one piece of news.
NEWS_DAYS = 7
#: Content words two sentences of alike articles need in common (besides the trigger),
#: when they share no argument.  Two: gold-mention CoNLL within topic −0.009 / −0.008
#: (odd / even), past the budget — so a join of general news on alike undated articles and
#: one shared word stays possible: this round's weakest anchor.
NEWS_WORDS = 1
#: ``anchor(undated_news=…)``: two undated articles alike as wholes are one news cycle for
#: any two reports, for the reports both open with, or never.
UNDATED_ANY = "any"
UNDATED_LEAD = "lead"
UNDATED_NEVER = "never"
#: The opening of an article (headline and first sentence) that says what its news is.
LEAD_CHARS = 300
#: How alike two articles must be for the verbal act both open with to be one act (0.3:
#: audit and gold-mention figures level within 0.001).
LEAD_SIMILARITY = 0.4
#: How alike two articles must be for a generic report (``Report.generic``) in either to be
#: anchored to the other through them (``same news``, the verbal lead).  End to end on the
#: odd ECB+ half: 0.915 without, 0.938 at 0.45 (two patch stories' "attacks").
GENERIC_SIMILARITY = 0.5

#: Words carrying no content for the similarity of two evidence passages (function words,
#: reporting verbs); ``resolve`` weighs passages with it too.
# fmt: off
STOPWORDS: frozenset[str] = frozenset({
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "and", "or", "but",
    "as", "is", "was", "were", "be", "been", "being", "are", "has", "have", "had", "that", "this",
    "these", "those", "it", "its", "he", "she", "they", "them", "his", "her", "their", "we", "our",
    "you", "your", "i", "me", "my", "not", "no", "said", "says", "say", "will", "would", "could",
    "should", "may", "might", "can", "also", "after", "before", "over", "into", "about", "than",
    "then", "there", "here", "which", "who", "whom", "whose", "what", "when", "where", "while",
    "out", "up", "down", "more", "most", "other", "some", "such", "only", "just", "any", "all",
    "one", "two", "three", "new", "last", "first", "year", "years", "week", "day", "told",
    "according", "mr", "mrs", "ms",
})
#: For anchors, time words and units carry no content either: two reports sharing
#: "Monday" or "million" share no occurrence.
_STOP: frozenset[str] = STOPWORDS | frozenset({
    "today", "yesterday", "tomorrow", "dr", "per", "cent", "pct", "very",
    "did", "does", "do", "so", "if", "because", "since", "now", "still", "even",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "month", "months",
    "million", "billion", "mln", "bln", "dlrs", "dollars", "stg", "percent",
})
# fmt: on

_WORD = re.compile(r"[a-z][a-z\-']+")
#: A figure: digits with their separators ("2,000", "1.5"), normalised without commas.
_FIGURE = re.compile(r"\d[\d,.]*\d|\d")
_YEARLIKE = re.compile(r"(?:19|20)\d\d")


def content_words(sentence: str, trigger: str = "") -> frozenset[str]:
    """The sentence's content words, lower-cased, the trigger word left out."""
    words = {w.strip("'-") for w in _WORD.findall(sentence.lower())}
    drop = trigger.lower()
    return frozenset(w for w in words if len(w) > 2 and w not in _STOP and w != drop)


def figures(sentence: str) -> frozenset[str]:
    """The figures a sentence gives ("2,000" as "2000"); years are dates, not figures."""
    out = (f.replace(",", "") for f in _FIGURE.findall(sentence))
    return frozenset(f for f in out if not _YEARLIKE.fullmatch(f))


_TOLL = re.compile(r"^(?:(?:at least|more than|over|about|some|nearly|almost|around|up to|as many as)\s+)?"
                   r"(\d[\d,]*)\b", re.I)
_TOLL_BEFORE = re.compile(r"(\d[\d,]*)\s+$")
#: Lemmas of acts whose target counts the dead or hurt.
_HARM_LEMMAS = frozenset({"kill", "killing", "wound", "injure", "injury", "die", "death", "slay", "massacre"})


#: A count of casualties told before the words that say so ("220 men killed and many
#: wounded", "3,000 killed or wounded"): the figure, then at most two words.
_TOLL_PHRASE = re.compile(r"(\d[\d,]*)\s+(?:[A-Za-z\-]+\s+){0,2}?(?:killed|dead|wounded|injured|hurt)\b")


def casualties(m: EventMention) -> int | None:
    """How many the act killed or hurt, from its target ("220 men", "at least 2,000 Iraqi
    troops", or the figure just before a target whose span left it out: "1,200 Iraqis"),
    else None; a count in words ("two people") is not read.  A harm told beside a counted
    one and naming no count of its own ("220 men killed and many wounded") takes the
    count its clause gives: they are one battle's casualties."""
    if m.lemma not in _HARM_LEMMAS:
        return None
    sent = m.sentence
    for t in m.targets:
        hit = _TOLL.match(t.text.strip())
        if hit is None and sent is not None and sent.start <= t.start <= sent.end:
            # "1,200 Iraqis": the figure is often left out of the target's span
            hit = _TOLL_BEFORE.search(sent.text[: t.start - sent.start])
        if hit is not None:
            return _count(hit.group(1))
    if sent is None:
        return None
    end = m.trigger.end - sent.start
    # Only a count told near the trigger (its own clause, roughly): not another sentence's.
    told = [hit for hit in _TOLL_PHRASE.finditer(sent.text) if -40 <= end - hit.end() <= 60]
    return _count(told[-1].group(1)) if told else None


def _count(figure: str) -> int | None:
    try:
        return int(figure.replace(",", ""))
    except ValueError:
        return None


#: Terms a document vector keeps (its heaviest).
DOCUMENT_TERMS = 60
#: Weight of a name (a capitalised word inside a sentence) beside the same word lower-cased.
NAME_WEIGHT = 2.0
_NAME = re.compile(r"\b[A-Z][\w\-]+")
_SENTENCE_START = re.compile(r"(?:^|[.!?\"]\s+|\n\s*)$")


@lru_cache(maxsize=65536)
def rarity(word: str) -> float:
    """How rare a word is in general English (7 minus its Zipf frequency, wordfreq; a word
    wordfreq does not know is as rare as can be): the weight of a word in a document vector
    whatever corpus it comes from, so alike articles read alike in a store of ten documents
    as in one of a million."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - a declared dependency
        return 1.0
    return max(0.0, 7.0 - zipf_frequency(word, "en"))


def document_vector(text: str) -> dict[str, float]:
    """A document's heaviest terms (word counts × ``rarity``, names weighted up), as a unit
    vector: two reports of one piece of news share their rare words and names."""
    counts: dict[str, float] = {}
    for w in _WORD.findall(text.lower()):
        w = w.strip("'-")
        if len(w) > 2 and w not in _STOP:
            counts[w] = counts.get(w, 0.0) + 1.0
    for found in _NAME.finditer(text):
        if _SENTENCE_START.search(text[max(0, found.start() - 4) : found.start()]):
            continue  # a capital that opens a sentence marks the sentence, not a name
        key = "N:" + found.group(0).lower()
        counts[key] = counts.get(key, 0.0) + NAME_WEIGHT
    weighted = {w: c * rarity(w[2:] if w.startswith("N:") else w) for w, c in counts.items()}
    top = sorted(weighted.items(), key=lambda kv: kv[1], reverse=True)[:DOCUMENT_TERMS]
    norm = math.sqrt(sum(v * v for _w, v in top)) or 1.0
    return {w: v / norm for w, v in top if v > 0}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two sparse unit vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


@dataclass(frozen=True, slots=True)
class Report:
    """What one report gives that could tie it to a report in another article."""

    doc: str
    #: Named participants in any role (``id:``/``t:`` keys, as ``occurrence.Side``).
    participants: frozenset[str]
    #: Those of them that act (the speaker of "X said it would…" counts as the actor).
    actors: frozenset[str]
    #: Every argument key, generic ones too ("g:police").
    arguments: frozenset[str]
    words: frozenset[str]
    figures: frozenset[str]
    #: The act's own day (a clause-attached date precise to the day), else None.
    day: dt.date | None
    #: The article's date, else None.
    published: dt.date | None
    #: The sentence hashed word for word (``resolve.wording``), else None.
    wording: int | None = None
    #: The report opens its article (its sentence starts in the first ``LEAD_CHARS``
    #: characters: the headline and first sentence, which say what the news is).
    lead: bool = False
    #: Any day the sentence dates the act to (loosely attached too), for ``_same_time``.
    when: dt.date | None = None
    #: A plural act naming no one and no day ("attacks on browsers"): a kind of act more
    #: than one occurrence (``GENERIC_SIMILARITY``).
    generic: bool = False
    #: The words that make the report speak of a kind of act ("house arrest for terror
    #: suspects": ``EventFlags.generic``), else None: such a report anchors to nothing.
    kind: str | None = None
    #: The precise place the act is located at, as written and normalised ("kuala lumpur
    #: airport": a proper name the gazetteer does not list as a country, region or city),
    #: else None.
    spot: str | None = None
    #: Those of ``actors`` named as a body (a state, a people, an organisation), which acts
    #: many times: shared alone, they do not tie two material acts (``anchor(actor_alone=)``).
    bodies: frozenset[str] = frozenset()
    #: How many people the act killed or hurt, as its target gives it ("220 men", "at least
    #: 2,000 Iraqi troops"), else None (``casualties``).
    toll: int | None = None


def _clash(a: Report, b: Report) -> bool:
    """Both sentences give figures and none in common: a template repeated with other
    figures ("the issue was raised from 20 / 50 mln dlrs"), not one report retold."""
    return bool(a.figures and b.figures and not (a.figures & b.figures))


def _alike(a: Report, b: Report) -> bool:
    if not a.words or not b.words:
        return False
    return len(a.words & b.words) / len(a.words | b.words) >= ALIKE


def _same_day(a: Report, b: Report) -> bool:
    return a.day is not None and a.day == b.day and bool(a.words & b.words)


def _same_time(a: Report, b: Report) -> bool:
    """Placed on one day: the days their sentences give agree, or a day given on one side is
    the other article's date, or (neither gives one) their articles' dates agree; a date
    unknown on either side does not contradict."""
    if a.when is not None and b.when is not None:
        return a.when == b.when
    # One side's day (or, with none, its article's) against the other's article's date.
    da, db = a.when or a.published, b.when or b.published
    return da is None or db is None or da == db


def _same_news(a: Report, b: Report, similarity: float, undated: str = UNDATED_LEAD,
               told_words: int = 0) -> bool:
    if similarity < NEWS_SIMILARITY:
        return False
    if a.published is None or b.published is None:
        # An undated article is not known to be of the other's news cycle. Two undated
        # ones alike as wholes are often two weeks of one beat (two players pulling out of
        # two tournaments, two detentions under one policy); what both open with is their
        # news, though, whatever their dates (``undated``).
        if a.published is not None or b.published is not None or undated == UNDATED_NEVER:
            return False
        if undated == UNDATED_LEAD and not (a.lead and b.lead):
            return False
    if a.published and b.published and abs((a.published - b.published).days) > NEWS_DAYS:
        return False
    if (told_words and not (a.lead and b.lead) and (_bare(a) or _bare(b))
            and len(a.words & b.words) < told_words):
        # One news cycle holds several acts of a kind (a war's attacks, a week's strikes):
        # a report naming no one, no day and no spot ("the attack") is that cycle's act
        # only when both articles open with it or the two sentences tell it alike.
        return False
    return bool(a.arguments & b.arguments) or len(a.words & b.words) >= NEWS_WORDS


def _bare(r: Report) -> bool:
    """The report names no participant, no day and no spot of its own."""
    return not (r.participants or r.when or r.spot)


def anchor(a: Report, b: Report, *, verbal: bool, similarity: float = 0.0,
           verbal_needs_participant: bool = True, kinds: bool = True,
           undated_news: str = UNDATED_LEAD, verbal_needs_actor: bool = True,
           actor_alone: bool = False, bare_news_words: int = 0) -> str | None:
    """The anchor tying two reports in two articles to one occurrence, or None.

    verbal: the act is a verbal one (PLOVER's verbal quad categories).
    similarity: how alike the two articles are as wholes (``document_vector`` cosine; 0
        when unknown).
    verbal_needs_participant: off, verbal acts take the anchors of material ones.
    kinds: off, a generic report (``Report.kind``) anchors as a specific one would (to tell
        whether two reports kept apart by a check were alike enough to show as related).
    undated_news: when two undated articles alike as wholes are one news cycle
        (``UNDATED_ANY``, ``UNDATED_LEAD``: for what both open with, ``UNDATED_NEVER``).
    verbal_needs_actor: a verbal act is known by who spoke, accused, offered: unless one
        sentence is copied word for word, both reports must name their actor.
    actor_alone: a material act's shared actor anchors even when it is only a body acting
        on both sides (``Report.bodies``: a state attacks many times); off, the one acted
        on, a day, a spot or alike sentences or articles must tie the two.
    bare_news_words: when one report is bare (no participant, day or spot), alike articles
        tie it only if both open with the act or the sentences share this many content
        words (0: off).
    """
    if kinds and (a.kind or b.kind):
        return None  # a kind of act is no occurrence to share (``genericity``)
    if a.wording is not None and a.wording == b.wording:
        return "same wording"
    if verbal and a.actors and b.actors and not _common(a.actors, b.actors):
        # Two named speakers, accusers, buyers: two acts however alike.  (Material acts:
        # ``occurrence`` compares their actors and targets over the event's reports.)
        return None
    shared = _common(a.participants, b.participants)
    if (a.generic or b.generic) and similarity < GENERIC_SIMILARITY:
        similarity = 0.0  # a kind of act: only much alike articles tell it is one
    if not verbal or not verbal_needs_participant:
        if shared and (actor_alone or not shared <= _common(a.bodies, b.bodies)):
            return "shared participant " + _show(shared)
        if _alike(a, b) and not _clash(a, b):
            return "alike sentences"
        if _same_day(a, b):
            return "same day"
        if (a.spot and a.spot == b.spot and similarity >= NEWS_SIMILARITY and _same_time(a, b)
                and not (a.generic or b.generic)):
            # One act of a kind at one named spot, told in alike articles: dated or not, the
            # spot ties them ("the assassination at Kuala Lumpur airport").
            return f"same spot ({a.spot})"
        if _same_news(a, b, similarity, undated_news, bare_news_words):
            return f"same news (articles {similarity:.2f} alike), shared words"
        return None
    # A verbal act is known by who else took part (the one accused, the company bought, the
    # other side of the talks); named acting on either side does not count ("X criticised
    # Y" / "Y criticised Z"), nor does the actor alone: an agency, a central bank or a party
    # makes several statements of one kind in one news cycle.
    if verbal_needs_actor and not (a.actors and b.actors):
        # "Its adoption would warn Japan" / "the EC warned Japan": with one side's actor
        # unknown, neither the one acted on nor alike articles say who acted, and who
        # acted is the act (two companies' agreements, two shareholder meetings).
        return None
    others = shared - _common(a.actors | b.actors, shared)
    if others:
        return "shared participant " + _show(others)
    prefix = f"shared actor {_show(shared)}, " if shared else ""
    if shared and _alike(a, b) and not _clash(a, b):
        return prefix + "alike sentences"
    if shared and _same_day(a, b):
        return prefix + "same day"
    if (a.lead and b.lead and similarity >= LEAD_SIMILARITY and _same_news(a, b, similarity, undated_news)
            and _same_time(a, b) and not _clash(a, b)):
        # Both articles open with the act and are alike as wholes: the act is their news.
        return prefix + f"lead of alike articles ({similarity:.2f})"
    return None


def _common(a: frozenset[str], b: frozenset[str]) -> frozenset[str]:
    """The keys of ``a`` that name someone ``b`` names: the same key, or (for names read
    from the text, ``t:``, which no entity resolution joined) a name sharing a word with one
    of ``b``'s ("t:gigante" and "t:vincent 'the chin' gigante")."""
    out = set(a & b)
    words = {w for k in b if k.startswith("t:") for w in _name_words(k)}
    out.update(k for k in a if k.startswith("t:") and _name_words(k) & words)
    return frozenset(out)


def _name_words(key: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(key[2:]) if len(w) > 2 and w not in _STOP)


def _show(keys: Iterable[str]) -> str:
    return ", ".join(sorted(k.split(":", 1)[-1] for k in keys)[:2])
