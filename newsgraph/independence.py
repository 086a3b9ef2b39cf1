"""Independent reports: which of an event's source documents corroborate it, and which repeat.

It sits beside the stages rather than inside one: the corroboration signal, the store's
event pages and the corpus job that writes ``publisher_count`` all read it, and the store
may import no stage (tests/test_layers.py).

The one place that decides how many independent reports stand behind an event (the
``publisher_count`` of an event, the per-article corroboration signal, the UI, the CLI's
``--min-sources`` and the exports all read its answer). Pure: source records and links
in, groups of documents out, each document that does not stand on its own with the
document it was folded into and why.

Documents are folded together (union of the rules, each a reason an analyst can check):

* **a repeat link** from resolve/stories — ``duplicate``, ``copy``, ``spin`` or
  ``translation``: a copy repeats its original, it does not corroborate it;
* **one outlet** — the same publisher, or an article crediting an outlet
  (``attributed_to``: "Source: X", "X reports:") with that outlet's own article or with
  another article crediting it: a republication is the credited outlet's report;
* **the same evidence sentence word for word** (at least ``MIN_SHARED_WORDS`` words):
  two reports that word the event identically share a source even when the story stage
  found no copy link (a short wire item inside a longer article).

A document whose publisher is unknown and that credits nobody counts as a report of its
own only when none of these rules ties it to another source document: two unlinked
articles of unknown publishers in their own words are two reports (nothing says they
share an origin, and their wording says they were written apart); a copy, a
republication or an identically worded report of another source folds into it.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from newsgraph.model.stories import REPEAT_KINDS
from newsgraph.outlets import outlet_key

__all__ = [
    "MIN_SHARED_WORDS", "REPEAT_KINDS", "Folded", "Independence", "Report", "SourceRecord",
    "independent_reports", "outlet_key",
]

#: Words an evidence sentence needs before an identical one elsewhere counts as shared
#: wording rather than a coincidence ("He was killed." is written independently often).
MIN_SHARED_WORDS = 8

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """One source document of an event, as the counting needs it."""

    doc: str
    title: str | None = None
    publisher: str | None = None
    attributed_to: tuple[str, ...] = ()
    #: The evidence sentences of the counted event(s) in this document.
    evidence: tuple[str, ...] = ()


@dataclass(slots=True)
class Folded:
    """A document that is not a report of its own: folded into ``into`` for ``reason``."""

    doc: str
    into: str
    kind: str  # a repeat link kind, "same_publisher", "credits" or "same_wording"
    reason: str


@dataclass(slots=True)
class Report:
    """One independent report: the outlet behind it (None: unknown), the document that
    stands for it (``lead``), and the documents folded into it."""

    outlet: str | None
    lead: str
    documents: list[str]
    folded: list[Folded] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"outlet": self.outlet, "lead": self.lead, "documents": list(self.documents),
                "folded": [{"doc": f.doc, "into": f.into, "kind": f.kind, "reason": f.reason}
                           for f in self.folded]}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Report:
        return cls(d.get("outlet"), d["lead"], list(d.get("documents") or [d["lead"]]),
                   [Folded(f["doc"], f["into"], f["kind"], f["reason"]) for f in d.get("folded") or []])


@dataclass(slots=True)
class Independence:
    """The independent reports among some source documents, with how to say it."""

    reports: list[Report]
    records: dict[str, SourceRecord] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return len(self.reports)

    def report_of(self, doc: str) -> Report | None:
        return next((r for r in self.reports if doc in r.documents), None)

    def label(self, report: Report) -> str:
        """"The Korea Times (and 1 copy of it on X)"; "publisher unknown: «title»"."""
        return report_label(report, self.records)

    def explain(self, exclude: str | None = None) -> str:
        """"2 independent reports: A; publisher unknown: «title»" (without ``exclude``'s own)."""
        shown = [r for r in self.reports if exclude is None or exclude not in r.documents]
        n = len(shown)
        head = f"{n} {'other ' if exclude else ''}independent report{'s' if n != 1 else ''}"
        return head + (": " + "; ".join(self.label(r) for r in shown) if shown else "")

    def to_dict(self) -> dict[str, Any]:
        return {"count": self.count, "reports": [r.to_dict() for r in self.reports]}


def _sentence_key(text: str) -> str | None:
    words = _WORD.findall(text.casefold())
    return " ".join(words) if len(words) >= MIN_SHARED_WORDS else None


def _link_fields(link: Any) -> tuple[str, str, str]:
    if isinstance(link, Mapping):
        return link["a"], link["b"], link["kind"]
    if isinstance(link, tuple):
        return link[0], link[1], link[2]
    return link.a, link.b, link.kind


def _title(rec: SourceRecord | None) -> str:
    t = " ".join((rec.title or "").split()) if rec else ""
    return f"«{t[:90] + '…' if len(t) > 90 else t}»" if t else "«untitled article»"


def independent_reports(sources: Iterable[SourceRecord], links: Iterable[Any] = ()) -> Independence:
    """Group ``sources`` (in the order the store received them) into independent reports.

    ``links``: story-stage links (``Link``, ``{a, b, kind}`` or ``(a, b, kind)``); only the
    repeat kinds between two of the sources matter, ``a`` being the earlier document.
    """
    recs: dict[str, SourceRecord] = {}
    for r in sources:
        recs.setdefault(r.doc, r)
    order = {d: i for i, d in enumerate(recs)}
    # Edges between documents, each with the words that explain it from either side.
    edges: dict[str, list[tuple[str, str, str]]] = {d: [] for d in recs}  # d -> (other, kind, reason)
    copied: set[str] = set()  # documents that are the later side of a repeat link

    def add(x: str, y: str, kind: str, why_x: str, why_y: str) -> None:
        edges[x].append((y, kind, why_x))
        edges[y].append((x, kind, why_y))

    for link in links:
        a, b, kind = _link_fields(link)
        if kind in REPEAT_KINDS and a in recs and b in recs and a != b:
            copied.add(b)
            add(b, a, kind, f"{kind} of {_title(recs[a])}", f"{_title(recs[b])} is a {kind} of it")
    # One outlet: a publisher, or an outlet an article credits.
    by_outlet: dict[str, list[tuple[str, str]]] = {}
    for d, r in recs.items():
        if (k := outlet_key(r.publisher)) is not None:
            by_outlet.setdefault(k, []).append((d, "publisher"))
        for credited in r.attributed_to:
            if (k := outlet_key(credited)) is not None:
                by_outlet.setdefault(k, []).append((d, f"credits:{credited}"))
    for members in by_outlet.values():
        first, how_first = members[0]
        for d, how in members[1:]:
            if d == first:
                continue
            kind, why = _outlet_reason(recs, d, how, first, how_first)
            add(d, first, kind, why, _outlet_reason(recs, first, how_first, d, how)[1])
    by_sentence: dict[str, str] = {}
    for d, r in recs.items():
        for s in r.evidence:
            if (k := _sentence_key(s)) is None:
                continue
            other = by_sentence.setdefault(k, d)
            if other != d:
                same = "same evidence sentence, word for word, as "
                add(d, other, "same_wording", same + _title(recs[other]), same + _title(recs[d]))
    # Components, each read from its lead: an original (not a later copy, crediting no one)
    # first, else the earliest document.
    seen: set[str] = set()
    reports: list[Report] = []
    for d in recs:
        if d in seen:
            continue
        comp, queue = [d], deque([d])
        seen.add(d)
        while queue:
            x = queue.popleft()
            for y, _, _ in edges[x]:
                if y not in seen:
                    seen.add(y)
                    comp.append(y)
                    queue.append(y)
        lead = min(comp, key=lambda x: (x in copied, bool(recs[x].attributed_to), order[x]))
        reports.append(_report(lead, comp, recs, edges, order))
    reports.sort(key=lambda r: order[r.lead])
    return Independence(reports, recs)


def _outlet_reason(recs: Mapping[str, SourceRecord], d: str, how: str, other: str,
                   how_other: str) -> tuple[str, str]:
    if how == "publisher" and how_other == "publisher":
        return "same_publisher", f"same publisher as {_title(recs[other])} ({recs[d].publisher})"
    credited = how.split(":", 1)[1] if how.startswith("credits:") else None
    if credited:
        if how_other == "publisher":
            return "credits", f"credits {credited}, the publisher of {_title(recs[other])}"
        return "credits", f"credits {credited}, as {_title(recs[other])} does"
    return "credits", f"published by {recs[d].publisher}, which {_title(recs[other])} credits"


def _report(lead: str, comp: list[str], recs: Mapping[str, SourceRecord],
            edges: Mapping[str, list[tuple[str, str, str]]], order: Mapping[str, int]) -> Report:
    """The component read breadth-first from its lead: each document's reason is the
    edge that first reached it (the strongest kind first among equal distances)."""
    strength = {k: i for i, k in enumerate((*REPEAT_KINDS, "same_wording", "credits", "same_publisher"))}
    folded: list[Folded] = []
    reached = {lead}
    frontier = [lead]
    while frontier:
        nxt: list[str] = []
        found: dict[str, tuple[int, str, str, str]] = {}
        for x in frontier:
            for y, kind, why in edges[x]:
                if y in reached:
                    continue
                cand = (strength.get(kind, 99), x, kind, why)
                if y not in found or cand[0] < found[y][0]:
                    found[y] = cand
        for y in sorted(found, key=lambda z: order[z]):
            _, into, kind, _ = found[y]
            why = next(w for o, k, w in edges[y] if o == into and k == kind)
            folded.append(Folded(y, into, kind, why))
            reached.add(y)
            nxt.append(y)
        frontier = nxt
    r = recs[lead]
    outlet = r.attributed_to[0] if r.attributed_to else r.publisher
    return Report(outlet or None, lead, [lead] + [f.doc for f in folded], folded)


def report_label(report: Report, records: Mapping[str, SourceRecord] | None = None) -> str:
    """Words for one report, without ids: "The Korea Times (and 1 copy of it on X)",
    "The Korea Times (credited by «title»)", "publisher unknown: «title»"."""
    recs = records or {}
    lead = recs.get(report.lead)
    head = report.outlet or f"publisher unknown: {_title(lead)}"
    extra: list[str] = []
    if lead is not None and report.outlet and lead.attributed_to and \
            outlet_key(lead.publisher) != outlet_key(report.outlet):
        extra.append(f"via {lead.publisher}: {_title(lead)}" if lead.publisher
                     else f"via {_title(lead)}, publisher unknown")
    repeats = [f for f in report.folded if f.kind not in ("same_publisher",)]
    same = [f for f in report.folded if f.kind == "same_publisher"]
    if repeats:
        where = sorted({(recs[f.doc].publisher if f.doc in recs and recs[f.doc].publisher
                         else f"publisher unknown: {_title(recs.get(f.doc))}") for f in repeats})
        n = len(repeats)
        extra.append(f"and {n} cop{'ies' if n != 1 else 'y'} of it on {', '.join(where)}")
    if same:
        n = len(same)
        extra.append(f"and {n} more article{'s' if n != 1 else ''} by the same publisher")
    return head + (f" ({'; '.join(extra)})" if extra else "")
