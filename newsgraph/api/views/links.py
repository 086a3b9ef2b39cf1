"""The link pages: the list (``/links``) and two linked articles side by side (``/links/{a}/{b}``).

The side-by-side page puts each aligned passage of ``a`` (the earlier article) next to
its counterpart in ``b``: for a copy or duplicate the shared verbatim passages, for a spin
each aligned sentence pair with the swapped words marked in both, for a translation or
retelling the aligned sentences, with the facts both state (numbers, quotes, names)
listed apart. Passages are cut into plain-string segments the template autoescapes;
nothing from an article becomes markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from newsgraph.api import urls
from newsgraph.api.config import LIST_PAGE_SIZE
from newsgraph.api.views.base import Pager, pager
from newsgraph.api.views.languages import language_name
from newsgraph.model import AlignedPassage, Document, Link
from newsgraph.model.projection import field_names, filled, project, record_types
from newsgraph.model.stories import LINK_KINDS
from newsgraph.store import Store
from newsgraph.store import story_queries as q

__all__ = ["KIND_HELP", "LinkContext", "LinkRow", "LinksContext", "Segment", "link_view", "links_view",
           "mark_words"]

#: What each kind of link means, as the pages explain it.
KIND_HELP: dict[str, str] = {
    "duplicate": "Same clean text: the later article is the earlier one republished whole.",
    "copy": "The articles share long verbatim passages (shown side by side).",
    "spin": "The same sentences with words swapped for synonyms, as a word spinner does "
            "(swapped words are marked in both).",
    "translation": "The same facts, quotes and numbers in other wording, sentence by sentence: "
                   "a translation or close retelling.",
    "same_story": "Independent reports of the same news event: no shared wording was found.",
}

#: Evidence kinds listed as shared facts rather than as aligned passages.
FACT_KINDS = ("number", "quote", "entity")

#: Most passage pairs one page shows (a long copy has few; the JSON twin has the count).
MAX_PAIRS = 300


@dataclass(slots=True)
class Segment:
    text: str
    mark: bool = False


def mark_words(text: str, words: list[str]) -> list[Segment]:
    """``text`` cut into segments with each of ``words`` marked once, in order.

    The words are a spin's swaps in sentence order, so each is looked for after the
    previous one (whole words, any case), and from the start when not found there.
    """
    spans: list[tuple[int, int]] = []
    cursor = 0
    for w in words:
        w = w.strip()
        if not w:
            continue
        pat = re.compile(r"(?<!\w)" + re.escape(w) + r"(?!\w)", re.IGNORECASE)
        m = pat.search(text, cursor) or pat.search(text)
        if m is None or any(m.start() < e and m.end() > s for s, e in spans):
            continue
        spans.append((m.start(), m.end()))
        cursor = m.end()
    out: list[Segment] = []
    pos = 0
    for s, e in sorted(spans):
        if s > pos:
            out.append(Segment(text[pos:s]))
        out.append(Segment(text[s:e], True))
        pos = e
    if pos < len(text) or not out:
        out.append(Segment(text[pos:]))
    return out


@dataclass(slots=True)
class DocSide:
    id: str
    title: str | None
    publisher: str | None
    published: str | None
    credits: list[str]
    url: str
    chars: int
    language: str | None = None
    language_name: str = "unknown"


@dataclass(slots=True)
class Swap:
    a: str
    b: str


PassagePair = project(
    "PassagePair", AlignedPassage, types={"swaps": list[Swap]},
    extra=[("a", list[Segment]), ("b", list[Segment])],
    doc="One aligned passage (the record: kind shared, substituted or aligned; offsets in each text; "
        "word swaps): ``a``'s segments beside ``b``'s.")


@dataclass(slots=True)
class FactRow:
    kind: str  # number, quote, entity
    a: str
    b: str
    score: float


#: What the side-by-side page says of two articles no link joins.
NO_LINK_HELP = ("No link was found between these articles: they share no passage, no aligned "
                "sentences and were not put in the same story.")


@dataclass(slots=True)
class LinkContext:
    kind: str | None  # None: the two articles are not linked
    kind_help: str
    score: float
    features: dict[str, float]
    a: DocSide
    b: DocSide
    pairs: list[PassagePair]
    facts: list[FactRow]
    shared_chars_a: int  # characters of a covered by the passages shown
    shared_chars_b: int
    more_pairs: int  # passages left off the page
    links_url: str
    help: str = field(default=(
        "Left: the earlier article (a), right: the later one (b). Each row is one aligned passage; "
        "offsets are characters of each article's clean text."))


def _side(d: dict[str, Any]) -> DocSide:
    return DocSide(d["id"], d.get("title"), d.get("publisher"), d.get("published"),
                   d.get("attributed_to") or [], urls.document(d["id"]), len(d.get("text") or ""),
                   d.get("language"), language_name(d.get("language")))


def _covered(spans: list[tuple[int, int]]) -> int:
    total, end = 0, -1
    for s, e in sorted(spans):
        if e > end:
            total += e - max(s, end)
            end = e
    return total


def link_view(store: Store, a: str, b: str) -> LinkContext | None:
    rec = q.link(store, a, b)
    if rec is None:
        return None
    ta, tb = rec["a_doc"]["text"], rec["b_doc"]["text"]
    pairs: list[PassagePair] = []
    facts: list[FactRow] = []
    for ev in rec.get("evidence", []):
        sa, sb = ta[ev["a_start"]:ev["a_end"]], tb[ev["b_start"]:ev["b_end"]]
        if ev["kind"] in FACT_KINDS:
            facts.append(FactRow(ev["kind"], " ".join(sa.split()), " ".join(sb.split()),
                                 float(ev.get("score", 1.0))))
            continue
        swaps = [Swap(str(x), str(y)) for x, y in ev.get("swaps") or []]
        own = filled(AlignedPassage, ev, field_names(AlignedPassage))
        own.update(score=float(own["score"]), swaps=swaps)
        pairs.append(PassagePair(**own, a=mark_words(sa, [s.a for s in swaps]),
                                 b=mark_words(sb, [s.b for s in swaps])))
    pairs.sort(key=lambda p: (p.a_start, p.b_start))
    shown = pairs[:MAX_PAIRS]
    return LinkContext(
        rec["kind"], KIND_HELP.get(rec["kind"], "") if rec["kind"] else NO_LINK_HELP, float(rec["score"]),
        dict(rec.get("features") or {}),
        _side(rec["a_doc"]), _side(rec["b_doc"]), shown, facts,
        _covered([(p.a_start, p.a_end) for p in pairs]), _covered([(p.b_start, p.b_end) for p in pairs]),
        len(pairs) - len(shown), urls.links(kind=rec["kind"]))  # kind None: every link


#: The list's side of each article, as ``a_title``, ``b_title``… (fields of its ``Document``).
_SIDE_SHOWN = ("title", "publisher", "published")

#: A link in the list: the record but its passages (``evidence`` counts them) and its features,
#: then each article's title, publisher and date, and the pages.
LinkRow = project("LinkRow", Link, ("a", "b", "kind", "score"), extra=[
    ("evidence", int),
    *((f"{side}_{name}", record_types(Document)[name]) for side in "ab" for name in _SIDE_SHOWN),
    ("url", str), ("a_url", str), ("b_url", str)])


def link_row(r: dict[str, Any]) -> Any:
    sides = {f"{side}_{name}": r[f"{side}_doc"][name] for side in "ab" for name in _SIDE_SHOWN}
    return LinkRow(**filled(Link, r, ("a", "b", "kind", "score")), evidence=r["evidence_count"], **sides,
                   url=urls.link(r["a"], r["b"]), a_url=urls.document(r["a"]), b_url=urls.document(r["b"]))


@dataclass(slots=True)
class KindFacet:
    value: str
    count: int
    url: str
    selected: bool
    help: str


@dataclass(slots=True)
class LinksContext:
    kind: str | None
    doc: str | None
    links: list[LinkRow]
    kinds: list[KindFacet]
    pager: Pager
    help: str = field(default=(
        "Pairs of articles: a is the one seen first (the candidate original), b the later one. "
        "Kinds, strongest first: duplicate, copy, spin, translation, same story."))


def links_view(store: Store, *, kind: str | None = None, doc: str | None = None, page: int = 1,
               per_page: int = LIST_PAGE_SIZE) -> LinksContext:
    kind = kind if kind in LINK_KINDS else None
    doc = (doc or "").strip() or None
    total, rows = q.links(store, q.LinkFilter(kind, doc), limit=per_page, offset=(page - 1) * per_page)
    counts = q.link_counts(store)
    kinds = [KindFacet(k, n, urls.links(kind=None if k == kind else k, doc=doc), k == kind,
                       KIND_HELP.get(k, "")) for k, n in counts.items()]
    return LinksContext(kind, doc, [link_row(r) for r in rows], kinds,
                        pager(total, page, per_page, lambda p: urls.links(kind=kind, doc=doc, page=p)))
