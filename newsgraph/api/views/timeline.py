"""The timeline page (``/timeline``): events by their own date and articles by publication date,
drawn server-side as SVG (no script, works offline).

An event dated to a day is a dot; one dated only to a month or a year is a band over that
month or year, so a vague date never looks precise. Each PLOVER type has its lane; events
that did not (or not yet) happen are drawn hollow: hypothetical or planned, attempted,
negated; historical ones (recalled, not reported) are faded. Articles are ticks in a lane of
their own. Filters: event type, an entity (as actor or target), a place, a time window
(``since``/``until``, which is also the zoom: each axis label zooms to its year or month).
Every shape links to its event or article page. The JSON twin holds the events and articles
(the drawing is for the page only, as the map's).

The same drawing is a panel on other pages: ``entity_timeline`` (the entity's events as actor
or target and the articles naming it) and ``timeline_of`` (given events and articles: a search's
matched events and hits, axis labels narrowing the search; a story's events and articles).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from newsgraph.api import urls
from newsgraph.model import EVENT_SUMMARY, Document, Event
from newsgraph.model.projection import filled, project
from newsgraph.store import Store
from newsgraph.store import event_queries as q
from newsgraph.store import timeline_queries as tq
from newsgraph.store.entity_queries import entity_names

__all__ = ["TimelineContext", "TimelineDrawing", "entity_timeline", "timeline_of", "timeline_view"]

#: Events and articles drawn at most (the most reported events, the latest articles).
MAX_EVENTS = 1_000
MAX_ARTICLES = 2_000

#: Drawing geometry, in SVG user units.
WIDTH = 1100
LABEL_WIDTH = 120
RIGHT_MARGIN = 16
AXIS_HEIGHT = 28
ROW_HEIGHT = 14  # one row of events inside a lane
LANE_GAP = 10
DOT_RADIUS = 4.5
#: Rows a lane stacks overlapping events into before they overlap.
MAX_ROWS = 6

#: Flags that say an event did not (or not yet) happen as reported: drawn hollow.
UNREAL_FLAGS = ("hypothetical", "attempted", "negated")


#: An event as drawn: what stands for it, its date interval, flags, a report's trigger, its sources.
TimelineEvent = project("TimelineEvent", Event, EVENT_SUMMARY, extra=[
    ("start", str), ("end", str), ("precision", str | None), ("flags", list[str]), ("trigger", str | None),
    ("sources", int), ("url", str)])

#: A dated article as drawn.
TimelineArticle = project("TimelineArticle", Document, ("id", "title", "published"), types={"published": str},
                          extra=[("url", str)])


@dataclass(slots=True)
class TypeChip:
    value: str
    count: int
    url: str
    selected: bool


@dataclass(slots=True)
class TimelineContext:
    type: str | None
    entity: str | None
    entity_name: str | None
    place: str | None
    since: str | None
    until: str | None
    events: list[TimelineEvent]
    articles: list[TimelineArticle]
    undated_events: int  # matching events without a date (not drawn)
    types: list[TypeChip]
    zoom_out_url: str | None
    clear_url: str
    capped: bool  # more events matched than were drawn
    legend: str = field(default=(
        "Dots: events dated to a day; bands: events dated only to a month or a year. Hollow: "
        "hypothetical, planned, attempted or denied; faded: recalled as history. Ticks in the last "
        "lane: articles by publication date. Click a label of the axis to zoom to it."))


@dataclass(slots=True)
class Shape:
    kind: str  # "dot" or "band"
    x: float
    y: float
    w: float
    classes: str
    title: str
    url: str


@dataclass(slots=True)
class Tick:
    x: float
    label: str
    url: str


@dataclass(slots=True)
class Lane:
    label: str
    y: float
    height: float


@dataclass(slots=True)
class TimelineDrawing:
    width: int
    height: float
    label_width: int
    lanes: list[Lane]
    shapes: list[Shape]
    ticks: list[Tick]
    axis_y: float


def _day(iso: str, *, end: bool = False) -> dt.date | None:
    """A (possibly partial) ISO date as a day: its first day, or with ``end`` its last."""
    try:
        if len(iso) == 4:
            return dt.date(int(iso), 12, 31) if end else dt.date(int(iso), 1, 1)
        if len(iso) == 7:
            y, m = int(iso[:4]), int(iso[5:7])
            if not end:
                return dt.date(y, m, 1)
            nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date.fromisoformat(iso[:10])
    except ValueError:
        return None


def _events(store: Store, filt: q.EventFilter, entity: str | None) -> tuple[int, list[dict[str, Any]]]:
    if not entity:
        return q.events(store, filt, limit=MAX_EVENTS)
    seen: dict[str, dict[str, Any]] = {}
    total = 0
    for role in ("actor", "target"):
        part = q.EventFilter(**{**{f: getattr(filt, f) for f in q.EventFilter.__dataclass_fields__},
                                role: entity})
        n, rows = q.events(store, part, limit=MAX_EVENTS)
        total += n
        for r in rows:
            seen.setdefault(r["id"], r)
    return total, list(seen.values())[:MAX_EVENTS]


def _articles(store: Store, entity: str | None, since: str | None,
              until: str | None) -> list[TimelineArticle]:
    rows = tq.dated_documents(store, entity=entity, since=since, until=until, limit=MAX_ARTICLES)
    return [TimelineArticle(id=r.id, title=r.title, published=r.published, url=urls.document(r.id))
            for r in rows]


def _timeline_event(r: dict[str, Any]) -> TimelineEvent | None:
    """An event row (``event_queries.events``) as drawn; None when it has no date."""
    date = r.get("date")
    if not date or not date.get("start"):
        return None
    first = r["mentions"][0] if r["mentions"] else None
    return TimelineEvent(
        **filled(Event, r, ("id", "type", "mode")), start=date["start"], end=date.get("end") or date["start"],
        precision=date.get("precision"), flags=[f for f, on in (r.get("flags") or {}).items() if on],
        trigger=first["trigger"]["text"] if first else None, place=(r.get("location") or {}).get("name"),
        sources=r["source_count"], url=urls.event(r["id"]))


def _url(ctx_filters: dict[str, Any], **change: Any) -> str:
    now = {**ctx_filters, **change}
    return urls.timeline(**now)


def timeline_view(store: Store, *, type: str | None = None, entity: str | None = None,
                  place: str | None = None, since: str | None = None,
                  until: str | None = None) -> tuple[TimelineContext, TimelineDrawing]:
    type = type.upper() if type else None
    filters = {"type": type, "entity": entity, "place": place, "since": since, "until": until}
    filt = q.EventFilter(type=type, place=place or None, since=since, until=until)
    total, rows = _events(store, filt, entity)
    events: list[TimelineEvent] = []
    undated = 0
    for r in rows:
        ev = _timeline_event(r)
        if ev is None:
            undated += 1
        else:
            events.append(ev)
    articles = _articles(store, entity, since, until)
    name = entity_names(store, [entity]).get(entity, {}).get("name") if entity else None
    counts: dict[str, int] = {}
    for e in events:
        counts[e.type] = counts.get(e.type, 0) + 1
    types = [TypeChip(t, n, _url(filters, type=None if t == type else t), t == type)
             for t, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    zoom_out = None
    if since or until:
        lo, hi = _day(since or until or ""), _day(until or since or "", end=True)
        if lo and hi:
            span = max((hi - lo).days, 30)
            zoom_out = _url(filters, since=(lo - dt.timedelta(days=span)).isoformat()[:7],
                            until=(hi + dt.timedelta(days=span)).isoformat()[:7])
    ctx = TimelineContext(type, entity, name, place, since, until, events, articles, undated, types, zoom_out,
                          urls.timeline(), total > len(rows))
    return ctx, _draw(ctx, filters)


#: Builds an axis label's link: the page's filters with ``since``/``until`` changed.
Linker = Callable[..., str]


def entity_timeline(store: Store, entity_id: str) -> TimelineDrawing | None:
    """The entity page's panel: its events (as actor or target) and the articles naming it;
    None when none is dated."""
    ctx, drawing = timeline_view(store, entity=entity_id)
    return drawing if ctx.events or ctx.articles else None


def timeline_of(store: Store, event_ids: list[str], doc_ids: list[str],
                link: Callable[[str | None, str | None], str]) -> TimelineDrawing | None:
    """A panel of these events and articles (a search's matches and hits, a story's events and
    articles); an axis label links to ``link(since, until)``. None when nothing is dated."""
    rows = q.events(store, q.EventFilter(ids=event_ids), limit=MAX_EVENTS)[1] if event_ids else []
    events = [e for e in (_timeline_event(r) for r in rows) if e is not None]
    articles = [TimelineArticle(id=r.id, title=r.title, published=r.published, url=urls.document(r.id))
                for r in tq.dated_documents_among(store, doc_ids)]
    if not events and not articles:
        return None
    ctx = TimelineContext(None, None, None, None, None, None, events, articles[:MAX_ARTICLES], 0, [], None,
                          urls.timeline(), False)
    return _draw(ctx, {}, lambda _f, since=None, until=None: link(since, until))


def _ticks(lo: dt.date, hi: dt.date, x: Any, filters: dict[str, Any], link: Linker = _url) -> list[Tick]:
    span = (hi - lo).days
    ticks: list[Tick] = []
    if span > 3 * 365:
        step = max(1, span // 365 // 12)
        for year in range(lo.year + (lo.month > 1 or lo.day > 1), hi.year + 1, step):
            ticks.append(Tick(x(dt.date(year, 1, 1)), str(year),
                              link(filters, since=str(year), until=str(year))))
    elif span > 62:
        step = max(1, span // 30 // 12)
        y, m = lo.year, lo.month + (lo.day > 1)
        i = 0
        while True:
            if m > 12:
                y, m = y + 1, m - 12
            day = dt.date(y, m, 1)
            if day > hi:
                break
            if i % step == 0:
                label = f"{y}-{m:02d}"
                ticks.append(Tick(x(day), label, link(filters, since=label, until=label)))
            m += 1
            i += 1
    else:
        day = lo + dt.timedelta(days=(7 - lo.weekday()) % 7)
        while day <= hi:
            iso = day.isoformat()
            ticks.append(Tick(x(day), iso[5:], link(filters, since=iso, until=iso)))
            day += dt.timedelta(days=7)
    return ticks


def _draw(ctx: TimelineContext, filters: dict[str, Any], link: Linker = _url) -> TimelineDrawing:
    spans: list[tuple[TimelineEvent, dt.date, dt.date]] = []
    for e in ctx.events:
        a, b = _day(e.start), _day(e.end, end=True)
        if a and b:
            spans.append((e, a, max(a, b)))
    days = [a for _, a, _ in spans] + [b for _, _, b in spans]
    days += [d for d in (_day(a.published) for a in ctx.articles) if d]
    window_lo = _day(ctx.since) if ctx.since else None
    window_hi = _day(ctx.until, end=True) if ctx.until else None
    lo = window_lo or (min(days) if days else dt.date.today())
    hi = window_hi or (max(days) if days else lo)
    pad = dt.timedelta(0) if window_lo and window_hi else dt.timedelta(days=max(7, (hi - lo).days // 30))
    lo, hi = lo - pad, hi + pad + dt.timedelta(days=1)
    inner = WIDTH - LABEL_WIDTH - RIGHT_MARGIN
    total_days = max((hi - lo).days, 1)

    def x(day: dt.date) -> float:
        return round(LABEL_WIDTH + inner * min(max((day - lo).days, 0), total_days) / total_days, 1)

    lanes: list[Lane] = []
    shapes: list[Shape] = []
    y = AXIS_HEIGHT + 6.0
    by_type: dict[str, list[tuple[TimelineEvent, dt.date, dt.date]]] = {}
    for item in spans:
        by_type.setdefault(item[0].type, []).append(item)
    for etype in sorted(by_type, key=lambda t: (-len(by_type[t]), t)):
        rows_end: list[float] = []  # right edge of the last shape in each row
        placed: list[tuple[int, TimelineEvent, float, float, bool]] = []
        for e, a, b in sorted(by_type[etype], key=lambda s: (s[1], s[2])):
            band = e.precision in ("month", "year") or (b - a).days >= 1
            x1 = x(a) - (0 if band else DOT_RADIUS)
            x2 = max(x(b + dt.timedelta(days=1)), x1 + 4) if band else x(a) + DOT_RADIUS
            row = next((i for i, end in enumerate(rows_end) if end + 2 <= x1), None)
            if row is None:
                row = min(len(rows_end), MAX_ROWS - 1)
                if row == len(rows_end):
                    rows_end.append(x2)
            rows_end[row] = max(rows_end[row], x2)
            placed.append((row, e, x1, x2, band))
        height = max(len(rows_end), 1) * ROW_HEIGHT
        lanes.append(Lane(etype, y, height))
        for row, e, x1, x2, band in placed:
            cy = y + row * ROW_HEIGHT + ROW_HEIGHT / 2
            classes = " ".join(["ev", f"ev-{etype.lower()}",
                                *(["unreal"] if set(e.flags) & set(UNREAL_FLAGS) else []),
                                *(["hist"] if "historical" in e.flags else [])])
            when = e.start if e.start == e.end else f"{e.start} – {e.end}"
            title = (f"{e.type}{'/' + e.mode if e.mode else ''}"
                     f"{': “' + e.trigger + '”' if e.trigger else ''} · {when}"
                     f"{' (' + e.precision + ')' if e.precision else ''}"
                     f"{' · at ' + e.place if e.place else ''}"
                     f" · {e.sources} source{'s' if e.sources != 1 else ''}"
                     f"{' · ' + ', '.join(e.flags) if e.flags else ''}")
            if band:
                shapes.append(Shape("band", x1, cy - ROW_HEIGHT / 2 + 2, round(x2 - x1, 1), classes, title,
                                    e.url))
            else:
                shapes.append(Shape("dot", round(x1 + DOT_RADIUS, 1), cy, DOT_RADIUS, classes, title, e.url))
        y += height + LANE_GAP
    if ctx.articles:
        lanes.append(Lane("articles", y, ROW_HEIGHT))
        for art in ctx.articles:
            day = _day(art.published)
            if day:
                shapes.append(Shape("tick", x(day) - 1, y + 1, 2, "article",
                                    f"{art.published} · {art.title or 'untitled article'}", art.url))
        y += ROW_HEIGHT + LANE_GAP
    return TimelineDrawing(WIDTH, y + 4, LABEL_WIDTH, lanes, shapes, _ticks(lo, hi, x, filters, link),
                           AXIS_HEIGHT)
