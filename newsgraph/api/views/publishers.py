"""The publishers page (``/publishers``): what each outlet's articles look like in aggregate.

Per publisher (``documents.publisher``, else "unknown"): how many articles, the share of
originals against republished ones (duplicates, copies, spins, translations of earlier
articles, or articles crediting another outlet), the outlets it credits, the mean of each
signal with how many articles it flagged, and its attribution habits (share of claims from
named and from anonymous sources, share hedged). A profile describes; it rates nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from newsgraph.store import Store
from newsgraph.store import story_queries as q

__all__ = ["PublisherRow", "PublishersContext", "publishers_view"]


@dataclass(slots=True)
class SignalMean:
    name: str
    mean: float | None
    flagged: int
    measured: int


@dataclass(slots=True)
class Count:
    name: str
    count: int


@dataclass(slots=True)
class PublisherRow:
    publisher: str
    anchor: str  # the row's id (``#pub-…``)
    articles: int
    originals: int
    original_share: float | None
    republished: list[Count]  # kind → articles (duplicate, copy, spin, translation, credited)
    credited: list[Count]  # outlet → articles crediting it
    signals: dict[str, SignalMean]  # signal name → mean over the publisher's articles
    claims: int
    named_share: float | None
    anonymous_share: float | None
    hedged_share: float | None


@dataclass(slots=True)
class PublishersContext:
    publishers: list[PublisherRow]
    signal_names: list[str]
    help: str = field(default=(
        "An article is an original unless it is the later side of a duplicate, copy, spin or "
        "translation link, or credits another outlet as its source. Signal columns: the mean value "
        "over the publisher's articles, and how many were flagged (a cue to look, not a verdict). "
        "Claims: shares of the publisher's attributed claims by named and anonymous sources, and hedged."))


def _row(p: dict[str, Any]) -> PublisherRow:
    return PublisherRow(
        p["publisher"], "pub-" + quote(p["publisher"], safe=""), p["articles"], p["originals"],
        p["original_share"], [Count(k, n) for k, n in p["republished"].items()],
        [Count(k, n) for k, n in sorted(p["credited"].items(), key=lambda kv: (-kv[1], kv[0]))],
        {name: SignalMean(name, s["mean"], s["flagged"], s["measured"])
         for name, s in sorted(p["signals"].items())},
        p["claims"], p["named_share"], p["anonymous_share"], p["hedged_share"])


def publishers_view(store: Store) -> PublishersContext:
    # Read from the tallies kept at write time (store/publisher_tally.py): always current.
    rows = [_row(p) for p in q.publishers(store)]
    names = sorted({n for r in rows for n in r.signals})
    return PublishersContext(rows, names)
