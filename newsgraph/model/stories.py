"""Records of the stories stage: document links, stories, signals, publisher profiles.

``resolve/stories`` writes ``Link`` and ``Story``; ``signals`` writes ``Signal`` and
``PublisherProfile``. Evidence is always character offsets into ``Document.text``
of the documents involved, so a UI can show two passages side by side.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "LINK_KINDS", "LINK_RANK", "REPEAT_KINDS", "AlignedPassage", "EvidenceSpan", "Link",
    "PublisherProfile", "Signal", "Story",
]

#: Kinds of link between two documents, strongest first: ``duplicate`` (same clean
#: text), ``copy`` (shares long verbatim passages), ``spin`` (same sentences with
#: word-for-word substitutions), ``translation`` (same facts, quotes and numbers in
#: different wording: translations and retellings), ``same_story`` (same news event).
LINK_KINDS: tuple[str, ...] = ("duplicate", "copy", "spin", "translation", "same_story")
#: A link kind's strength, 0 the strongest (its place in ``LINK_KINDS``).
LINK_RANK: dict[str, int] = {k: i for i, k in enumerate(LINK_KINDS)}
#: Link kinds that make the later document a repeat (a republication) of the earlier one:
#: every kind but ``same_story``. Signals, independence counting and the store share it.
REPEAT_KINDS: tuple[str, ...] = ("duplicate", "copy", "spin", "translation")


@dataclass(slots=True)
class AlignedPassage:
    """Two passages that correspond: ``a.text[a_start:a_end]`` ↔ ``b.text[b_start:b_end]``.

    ``kind`` says how: ``shared`` (verbatim passage), ``substituted`` (aligned
    sentence pair with word swaps, listed in ``swaps`` as ``(a word, b word)``),
    ``aligned`` (sentences that say the same thing in other words), ``quote``,
    ``number`` or ``entity`` (a shared fact). ``score`` is the alignment similarity.
    """

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    kind: str
    score: float = 1.0
    swaps: list[tuple[str, str]] = field(default_factory=list)


@dataclass(slots=True)
class Link:
    """A relation between documents ``a`` and ``b`` (``a`` is the earlier or first seen).

    ``score`` is in [0, 1]; ``features`` holds the measured quantities the kind was
    decided on (shingle Jaccard, containment, aligned share…) so the link explains itself.
    For a ``translation`` across languages, ``original`` is the id of the side the
    evidence shows to be the original (None: unknown, or both are translations of a
    third text) and ``original_reason`` says what showed it.
    """

    a: str
    b: str
    kind: str
    score: float
    evidence: list[AlignedPassage] = field(default_factory=list)
    features: dict[str, float] = field(default_factory=dict)
    original: str | None = None
    original_reason: str | None = None


@dataclass(slots=True)
class Story:
    """Documents that report the same news event.

    ``label`` is the headline of the most central document; ``start``/``end`` are the
    earliest and latest publication dates (ISO, possibly partial) among its documents.
    """

    id: str
    label: str
    documents: list[str] = field(default_factory=list)
    publishers: list[str] = field(default_factory=list)
    start: str | None = None
    end: str | None = None
    events: list[str] = field(default_factory=list)


@dataclass(slots=True)
class EvidenceSpan:
    """A span of the document a signal points at, with a short note on why."""

    start: int
    end: int
    text: str
    note: str = ""


@dataclass(slots=True)
class Signal:
    """One measured property of a document (or of a publisher).

    ``subject`` is a document id or a publisher name (``subject_kind`` says which).
    ``value`` is the measure itself (a share, a count, a score); ``flagged`` says it
    passed the signal's threshold, which is a cue for the analyst to look, never a
    verdict. ``explanation`` says in words what was measured.
    """

    subject: str
    name: str
    value: float | None
    explanation: str
    evidence: list[EvidenceSpan] = field(default_factory=list)
    flagged: bool = False
    subject_kind: str = "document"
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class PublisherProfile:
    """What one publisher's articles look like in aggregate."""

    publisher: str
    articles: int
    originals: int
    copies: int
    credited_sources: dict[str, int] = field(default_factory=dict)
    signals: dict[str, float] = field(default_factory=dict)
    flagged: dict[str, int] = field(default_factory=dict)
