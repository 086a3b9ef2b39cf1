"""Event coreference: many mentions, in many documents, of one real-world event.

``EventResolver`` is incremental: ``add(mention)`` either joins the best
compatible existing ``Event`` or opens a new one, so it runs as documents are
ingested.

Two levels, as analysts read news:

1. **Stories.** When the caller passes the document text (``context``), each new
   document joins the most similar story so far (TF-IDF cosine to the story's
   centroid, document frequencies kept incrementally) or opens a new one; a caller
   with its own story clustering (resolve/stories) passes ``story=`` instead.
   Reports of one event belong to one story: mentions from different documents
   are compared only inside a story.  Without either, the evidence sentences'
   word overlap stands in.
2. **Events inside a story.** Blocking keys (trigger lemma family, arguments,
   place) under the PLOVER type give the candidates, most recent first and at
   most ``max_candidates`` per key, so one ``add`` costs the same however large
   the store grows.  Hard constraints: same type; same polarity (the attack that
   "did not happen" is not the attack); dates, when both known, within
   ``date_window_days`` and never two different days when both are day-precise;
   for speech acts ("said", "told") the same speaker.  The score adds the
   trigger (same lemma, same derivational family — "assassinate"/"assassination"
   — or the same PLOVER mode — "arrest"/"detain"), shared named arguments (entity
   ids when a ``mention -> entity id`` mapping is given), place and date, minus a
   penalty for two different named places.

Every decision is kept in ``explanations`` (mention id → why).  Ids are
deterministic: an event's id hashes its first mention's id.  Weights were chosen
on ECB+ odd topics only; even topics are held out (``newsgraph.bench.events``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from newsgraph.extract.events.lexicon import SPEECH_VERBS
from newsgraph.model.events import PLOVER_TYPES, Event, EventMention

__all__ = ["VERBAL_TYPES", "EventResolver", "ResolverOptions", "lemma_family"]

#: PLOVER's verbal quad categories (manual, "Quad category"): acts whose identity
#: is who performed them, so two named, different actors mean two events.
VERBAL_TYPES: frozenset[str] = frozenset(
    {
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
    }
)

#: Words carrying no content for the similarity of two evidence passages.
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
# fmt: on

#: Pronouns and placeholders that say nothing about who took part.
# fmt: off
_EMPTY_ARGS = frozenset({
    "he", "she", "it", "they", "them", "him", "her", "his", "its", "their", "we", "us", "i", "you",
    "who", "which", "that", "this", "those", "these", "someone", "people",
})
# fmt: on

_WORD = re.compile(r"[a-z][a-z\-']+")

#: Derivational and inflectional endings folded so "assassination" and "assassinated",
#: "escape" and "escaped" share a family (a light stemmer: no stemming library needed
#: for trigger words, and a full stemmer merges too much: "general"/"generate").
_SUFFIXES = ("ations", "ation", "ings", "ing", "ment", "ions", "ion", "ers", "er", "ed", "es", "s", "e")


def lemma_family(lemma: str) -> str:
    """A crude stem shared by a verb and its nominalisation (assassinate/assassination)."""
    w = lemma.lower()
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            return w[: -len(suf)]
    return w


@dataclass(slots=True)
class ResolverOptions:
    """Weights and limits of the resolver (chosen on ECB+ odd topics only)."""

    #: A mention joins an event when its best score reaches this.
    threshold: float = 0.5
    #: Trigger evidence: same lemma counts 1, same family ``family_match``, same
    #: PLOVER mode ``mode_match``.  Alone it never passes the threshold: it takes
    #: the same story (or document), or shared arguments, place and date besides.
    w_lemma: float = 0.35
    #: Same story (or same document): the reports are about one thing.
    w_story: float = 0.25
    family_match: float = 0.9
    mode_match: float = 0.5
    #: Shared named arguments (share of the smaller side's), same place, same date.
    w_args: float = 0.3
    w_place: float = 0.15
    w_date: float = 0.15
    #: Word overlap of the evidence sentences: used only when no story is known.
    w_text: float = 0.3
    #: Subtracted when both sides name a different place (GPE/LOC/FAC).
    w_place_conflict: float = 0.3
    #: Two dated mentions further apart than this are different events.
    date_window_days: int = 3
    #: Compare mentions of different stories at all?  Off, a different story is only
    #: missing evidence: stories from few documents are unreliable, and the trigger,
    #: the place and the participants can still show one event.
    story_veto: bool = False
    #: Any two dates (even loosely attached ones) further apart than this veto a merge.
    loose_date_gap_days: int = 365
    #: TF-IDF cosine to a story's centroid a document needs to join that story.
    story_similarity: float = 0.12
    #: Subtracted when one side is planned/hypothetical or attempted and the other is not.
    w_modality_conflict: float = 0.15
    #: Never merge verbal acts of two different named actors across documents.
    verbal_actor_veto: bool = True
    #: Candidate events examined per blocking key (most recent first): the bound
    #: that keeps one ``add`` constant-time however large the store grows.
    max_candidates: int = 50


@dataclass(slots=True)
class _Cluster:
    event: Event
    story: str | None
    lemmas: Counter = field(default_factory=Counter)
    families: set[str] = field(default_factory=set)
    modes: set[str] = field(default_factory=set)
    args: Counter = field(default_factory=Counter)
    speakers: set[str] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    named_places: set[str] = field(default_factory=set)
    dates: list[tuple[dt.date, dt.date, str]] = field(default_factory=list)
    bow: Counter = field(default_factory=Counter)
    negated: bool = False
    hypothetical: bool = False
    attempted: bool = False
    publishers: set[str] = field(default_factory=set)


#: Modal auxiliaries: a hypothetical flag resting on these alone is weak evidence
#: (reported speech is full of "would" and "may" about real events).
_MODALS = frozenset({"will", "would", "may", "might", "could", "should", "shall", "can", "must", "'ll"})


def _planned(m: EventMention) -> bool:
    """Hypothetical on firmer ground than a modal: planned, prevented, conditional."""
    return m.flags.hypothetical and any(c.lower() not in _MODALS for c in m.flags.cues)


def _norm(text: str) -> str:
    t = text.lower()
    t = re.sub(r"^(the|a|an|this|that|these|those)\s+", "", t)
    t = re.sub(r"['’]s$", "", t)
    return re.sub(r"\s+", " ", t).strip(" .,'\"")


def _date(value: str) -> dt.date:
    parts = [int(p) for p in value[:10].split("-")]
    while len(parts) < 3:
        parts.append(1)
    return dt.date(*parts)


def _bow(text: str) -> Counter:
    return Counter(w for w in _WORD.findall(text.lower()) if w not in STOPWORDS)


def _cosine(a: Counter, b: Counter) -> float:
    if not a or not b:
        return 0.0
    small, big = (a, b) if len(a) < len(b) else (b, a)
    dot = sum(v * big.get(k, 0) for k, v in small.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb)


class _Stories:
    """Incremental single-pass clustering of documents by TF-IDF centroid cosine."""

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self.df: Counter = Counter()
        self.n = 0
        self.centroids: list[dict[str, float]] = []
        self.norms: list[float] = []
        self.of: dict[str, str] = {}

    def assign(self, doc: str, text: str) -> str:
        if doc in self.of:
            return self.of[doc]
        bow = _bow(text)
        self.df.update(bow.keys())
        self.n += 1
        vec = {w: c * math.log((self.n + 1) / (self.df[w] + 0.5)) for w, c in bow.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vec = {w: v / norm for w, v in vec.items()}
        best, best_sim = -1, -1.0
        for i, cen in enumerate(self.centroids):
            sim = sum(v * cen.get(w, 0.0) for w, v in vec.items()) / (self.norms[i] or 1.0)
            if sim > best_sim:
                best, best_sim = i, sim
        if best >= 0 and best_sim >= self.threshold:
            cen = self.centroids[best]
            for w, v in vec.items():
                cen[w] = cen.get(w, 0.0) + v
            self.norms[best] = math.sqrt(sum(v * v for v in cen.values()))
        else:
            self.centroids.append(dict(vec))
            self.norms.append(1.0)
            best = len(self.centroids) - 1
        self.of[doc] = f"story{best}"
        return self.of[doc]


def _no_entity(doc: str, start: int, end: int) -> str | None:
    return None


class EventResolver:
    """Incremental cross-document event coreference into ``Event`` records.

    entity_of (Mapping | Callable): ``(doc, start, end) -> entity id`` for
        argument spans; without it arguments compare by normalised text.
    options (ResolverOptions): weights, threshold, blocking limits.
    """

    def __init__(
        self,
        entity_of: Mapping[tuple[str, int, int], str] | Callable[[str, int, int], str | None] | None = None,
        options: ResolverOptions | None = None,
    ) -> None:
        self.options = options or ResolverOptions()
        if entity_of is None:
            self._entity_of: Callable[[str, int, int], str | None] = _no_entity
        elif callable(entity_of):
            self._entity_of = entity_of
        else:
            mapping = entity_of
            self._entity_of = lambda d, s, e: mapping.get((d, s, e))
        self._clusters: dict[str, _Cluster] = {}
        self._index: dict[tuple[str, str], list[str]] = defaultdict(list)
        self._event_of: dict[str, str] = {}
        self._stories = _Stories(self.options.story_similarity)
        self.explanations: dict[str, str] = {}  # mention id -> why it joined / opened its event

    # -- features ---------------------------------------------------------
    def _arg_keys(self, m: EventMention) -> tuple[set[str], set[str]]:
        """Argument keys (``id:``/``t:`` named, ``g:`` generic like "police") and the place key."""
        keys: set[str] = set()
        for a in [*m.actors, *m.targets]:
            eid = self._entity_of(m.doc, a.start, a.end)
            if eid:
                keys.add("id:" + eid)
                continue
            n = _norm(a.text)
            if not n or n in _EMPTY_ARGS:
                continue
            if not a.label:
                keys.add("g:" + n)
                continue
            keys.add("t:" + n)
            if a.label in ("PERSON", "ORG", "GPE") and " " in n:
                keys.add("t:" + n.split()[-1])  # "Kim Jong-nam" meets a later bare "Jong-nam"
        place = {"p:" + _norm(m.place.name)} if m.place else set()
        return keys, place

    def _actor_keys(self, m: EventMention) -> set[str]:
        keys = set()
        for a in m.actors:
            eid = self._entity_of(m.doc, a.start, a.end)
            n = _norm(a.text)
            if eid:
                keys.add("id:" + eid)
            elif n and n not in _EMPTY_ARGS:
                keys.add(("t:" if a.label else "g:") + n)
        return keys

    def _speaker(self, m: EventMention) -> str | None:
        """Who speaks, for speech-act triggers: one event per speaker."""
        if m.lemma not in SPEECH_VERBS:
            return None
        for a in m.actors:
            eid = self._entity_of(m.doc, a.start, a.end)
            return "id:" + eid if eid else _norm(a.text)
        return ""

    def _interval(self, m: EventMention, published: str | None) -> tuple[dt.date, dt.date, str] | None:
        try:
            if m.date is not None:
                prec = m.date.precision
                if m.date.rule == "date_in_sentence":
                    prec = "loose:" + prec
                return _date(m.date.start), _date(m.date.end), prec
            if published and not m.flags.historical:
                d = _date(published)
                # Undated news is roughly of the day: a weak, widened interval.
                return d - dt.timedelta(days=self.options.date_window_days), d, "document"
        except ValueError:
            return None
        return None

    # -- scoring ----------------------------------------------------------
    def _score(
        self,
        c: _Cluster,
        m: EventMention,
        story: str | None,
        args: set[str],
        place: set[str],
        interval: tuple[dt.date, dt.date, str] | None,
        bow: Counter,
        speaker: str | None,
    ) -> tuple[float, str]:
        o = self.options
        same_doc = m.doc in c.event.sources
        if o.story_veto and story is not None and c.story is not None and story != c.story and not same_doc:
            return 0.0, "other story"
        if c.negated != m.flags.negated:
            return 0.0, "polarity differs"
        modality = 0.0
        if (c.hypothetical, c.attempted) != (_planned(m), m.flags.attempted):
            # A planned or failed attack is rarely the attack that happened; modal
            # cues are noisy ("would", "may" in reported speech), so a penalty, not a veto.
            modality = o.w_modality_conflict
        # A speech act is one event per speaker; an unnamed speaker only within its document.
        unnamed_elsewhere = speaker == "" and not same_doc
        if speaker is not None and ((speaker and speaker not in c.speakers) or unnamed_elsewhere):
            return 0.0, "other speaker"
        date_match = 0.0
        # A date only loosely attached (elsewhere in the sentence) may belong to another
        # event: it adds evidence when it agrees but never vetoes.
        if interval is not None:
            for s, e, _prec in c.dates:
                # Even loosely attached dates years apart mean two events.
                if (interval[0] - e).days > o.loose_date_gap_days or (
                    s - interval[1]
                ).days > o.loose_date_gap_days:
                    return 0.0, "dates years apart"
        hard = [d for d in c.dates if not d[2].startswith("loose")]
        if interval is not None and hard and not interval[2].startswith("loose"):
            win = dt.timedelta(days=o.date_window_days)
            ok = False
            for s, e, prec in hard:
                if not (interval[0] - win <= e and s - win <= interval[1]):
                    continue
                if prec == "day" and interval[2] == "day" and s != interval[0]:
                    continue
                ok = True
            if not ok:
                return 0.0, "dates apart"
        if interval is not None and not interval[2].endswith("document"):
            for s, e, prec in c.dates:
                if not prec.endswith("document") and s <= interval[1] and interval[0] <= e:
                    date_match = 1.0
                    break
        named = {a for a in args if not a.startswith("g:")}
        cnamed = {a for a in c.args if not a.startswith("g:")}
        # Generic arguments ("police", "gunmen") block but are no evidence of identity.
        arg_score = len(named & cnamed) / min(len(named), len(cnamed)) if named and cnamed else 0.0
        if o.verbal_actor_veto and m.type in VERBAL_TYPES and not same_doc:
            mine = {a for a in self._actor_keys(m) if not a.startswith("g:")}
            theirs = {a for a in c.actors if not a.startswith("g:")}
            if mine and theirs and not (mine & theirs):
                # A verbal act (accusation, demand, denial…) is one event per actor.
                return 0.0, "other actor of a verbal act"
        conflict = 0.0
        if m.place and m.place.label and c.named_places and not (place & c.named_places):
            conflict = o.w_place_conflict  # two different named places: most likely two events
        if m.lemma in c.lemmas:
            lemma = 1.0
        elif lemma_family(m.lemma) in c.families:
            lemma = o.family_match
        else:
            # Lexicon synonyms: "arrested" and "detained" are both COERCE/arrest.
            lemma = o.mode_match if m.mode and m.mode in c.modes else 0.0
        if lemma == 0.0 and (m.type not in PLOVER_TYPES or arg_score == 0.0):
            # Different words for one event need a shared participant and a PLOVER type
            # in common; outside the ontology only the trigger word itself links mentions.
            return 0.0, "different trigger, no shared participant"
        place_score = 1.0 if place and place & c.places else 0.0
        text = _cosine(bow, c.bow) if story is None or c.story is None else 0.0
        story_score = 1.0 if same_doc or (story is not None and story == c.story) else 0.0
        score = (
            o.w_story * story_score
            + o.w_args * arg_score
            + o.w_lemma * lemma
            + o.w_place * place_score
            + o.w_date * date_match
            + o.w_text * text
            - conflict
            - modality
        )
        why = (
            f"story={story_score:.0f} args={arg_score:.2f} trigger={lemma:.1f} place={place_score:.0f} "
            f"date={date_match:.0f} "
            f"text={text:.2f} conflict={conflict:.1f} → {score:.2f}"
        )
        return score, why

    # -- public -----------------------------------------------------------
    def add(
        self,
        mention: EventMention,
        *,
        published: str | None = None,
        publisher: str | None = None,
        context: str | None = None,
        story: str | None = None,
    ) -> str:
        """Resolve one mention; returns the id of the event it now belongs to.

        published: the document's date (ISO), the fallback interval of an undated mention.
        publisher: the outlet, so ``Event.publishers`` counts independent outlets.
        context: the document's text; places the document in a story (first time seen).
        story: the document's story id from the caller's own clustering (wins over context).
        """
        o = self.options
        if story is None and context is not None:
            story = self._stories.assign(mention.doc, context)
        args, place = self._arg_keys(mention)
        interval = self._interval(mention, published)
        bow = _bow(mention.sentence.text)
        speaker = self._speaker(mention)
        fam = lemma_family(mention.lemma)
        keys = [*args, *place, "l:" + fam] + (["m:" + mention.mode] if mention.mode else [])
        seen: set[str] = set()
        best, best_score, best_why = None, -1.0, ""
        for k in keys:
            for eid in reversed(self._index.get((mention.type, k), [])[-o.max_candidates :]):
                if eid in seen:
                    continue
                seen.add(eid)
                score, why = self._score(
                    self._clusters[eid], mention, story, args, place, interval, bow, speaker
                )
                if score > best_score:
                    best, best_score, best_why = eid, score, why
        if best is not None and best_score >= o.threshold:
            c = self._clusters[best]
            self.explanations[mention.id] = f"joined {best}: {best_why}"
        else:
            eid = "ev_" + hashlib.sha256(mention.id.encode()).hexdigest()[:16]
            c = _Cluster(
                Event(id=eid, type=mention.type, mode=mention.mode),
                story,
                negated=mention.flags.negated,
                hypothetical=_planned(mention),
                attempted=mention.flags.attempted,
            )
            self._clusters[eid] = c
            self.explanations[mention.id] = "new event" + (f" (best {best_why})" if best_why else "")
        self._absorb(c, mention, args, place, interval, bow, speaker, publisher)
        for k in keys:
            lst = self._index[(mention.type, k)]
            if not lst or lst[-1] != c.event.id:
                lst.append(c.event.id)
        self._event_of[mention.id] = c.event.id
        return c.event.id

    def _absorb(
        self,
        c: _Cluster,
        mention: EventMention,
        args: set[str],
        place: set[str],
        interval: tuple[dt.date, dt.date, str] | None,
        bow: Counter,
        speaker: str | None,
        publisher: str | None,
    ) -> None:
        ev = c.event
        ev.mentions.append(mention.id)
        if mention.doc not in ev.sources:
            ev.sources.append(mention.doc)
        c.publishers.add(publisher or mention.doc)
        ev.publishers = len(c.publishers)
        if ev.mode is None and mention.mode:
            ev.mode = mention.mode
        c.lemmas[mention.lemma] += 1
        c.families.add(lemma_family(mention.lemma))
        if mention.mode:
            c.modes.add(mention.mode)
        if speaker is not None:
            c.speakers.add(speaker)
        c.actors |= self._actor_keys(mention)
        c.args.update(args)
        c.places |= place
        if mention.place and mention.place.label:
            c.named_places |= place
        c.bow.update(bow)
        if interval is not None:
            c.dates.append(interval)
        for spans, out in ((mention.actors, ev.actors), (mention.targets, ev.targets)):
            for a in spans:
                key = self._entity_of(mention.doc, a.start, a.end) or _norm(a.text)
                if key and key not in _EMPTY_ARGS and key not in out:
                    out.append(key)
        if ev.place is None and mention.place:
            ev.place = mention.place.name
        if mention.date and (ev.date_start is None or mention.date.precision == "day"):
            ev.date_start, ev.date_end = mention.date.start, mention.date.end

    def add_all(self, mentions: Iterable[EventMention], **kwargs: str | None) -> list[str]:
        """``add`` each mention with the same keyword arguments (one document's mentions)."""
        return [self.add(m, **kwargs) for m in mentions]  # type: ignore[arg-type]

    def set_entity_lookup(
        self, entity_of: Callable[[str, int, int], str | None] | None
    ) -> None:
        """Swap the argument → entity lookup (None before pickling the resolver's state:
        the lookup holds a database connection, and is re-attached after loading)."""
        self._entity_of = entity_of if entity_of is not None else _no_entity

    def event_of(self, mention_id: str) -> str | None:
        return self._event_of.get(mention_id)

    def story_of(self, doc_id: str) -> str | None:
        return self._stories.of.get(doc_id)

    @property
    def events(self) -> list[Event]:
        return [c.event for c in self._clusters.values()]
