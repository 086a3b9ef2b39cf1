"""The map page (``/map``): place mentions and located events as points sized by count.

The context is GeoJSON-like (``type: FeatureCollection``, ``features`` of Points with
``[lon, lat]``) so the JSON twin can be read by map tools; the HTML page adds the
drawing (``MapDrawing``: the basemap from ``web/basemap`` and every point projected),
which only the template receives. ``?focus=<geonameid>`` or ``?lat=&lon=`` centre the
map and ``?zoom=`` enlarges it; ``?country=XX`` keeps one country's places.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from newsgraph.api import urls
from newsgraph.api.views.places import country_name, iso_numeric
from newsgraph.store import Store, map_tally
from newsgraph.store.facts_queries import place
from newsgraph.web import basemap

__all__ = ["MapContext", "MapDrawing", "MapPlace", "map_view"]

#: Point radius on screen (SVG units of the unzoomed map): a base plus a term growing
#: with the square root of the count, so a circle's area follows the count; capped
#: so one dominant place cannot cover a continent.
POINT_BASE_RADIUS = 2.5
POINT_RADIUS_PER_SQRT = 2.2
POINT_MAX_RADIUS = 20.0
#: Points labelled with their name on the map (the most mentioned ones).
LABELLED_POINTS = 12
#: Zoom when the map is centred on a place but no zoom is given.
DEFAULT_FOCUS_ZOOM = 4.0


@dataclass(slots=True)
class MapPlace:
    """One point: a gazetteer entry with its place mentions and the events located there."""

    geonameid: int
    name: str
    country: str | None
    country_name: str | None
    feature: str | None
    lat: float
    lon: float
    mentions: int
    documents: int
    events: int
    event_types: dict[str, int]
    url: str  # the place's page: every mention with its sentence
    map_url: str  # the map centred here


@dataclass(slots=True)
class MapContext:
    type: str
    features: list[dict[str, Any]]
    places: list[MapPlace]
    focus: MapPlace | None
    center: list[float] | None  # [lon, lat]
    zoom: float
    country: str | None
    basemap: bool  # False: country shapes missing, points on a graticule only
    note: str | None
    legend: str = field(default=(
        "Circles: places mentioned (area ∝ mentions); red: event mentions located there. "
        "Click a point for its mentions in their sentences."))


@dataclass(slots=True)
class MapPoint:
    x: float
    y: float
    r: float
    er: float  # radius of the event circle (0: no events)
    label: bool
    focus: bool
    place: MapPlace


@dataclass(slots=True)
class MapDrawing:
    """What the SVG needs; only the HTML page gets it (too bulky and too visual for the JSON)."""

    view_box: str
    width: float
    height: float
    zoom: float
    countries: list[tuple[str, bool, str | None]]  # (path d, mentioned, name)
    graticule: tuple[str, ...]
    outline: str
    points: list[MapPoint]
    font_size: float
    stroke: float


def _radius(count: int, zoom: float) -> float:
    if count <= 0:
        return 0.0
    r = min(POINT_BASE_RADIUS + POINT_RADIUS_PER_SQRT * math.sqrt(count), POINT_MAX_RADIUS)
    return round(r / zoom, 2)


def _labelled(places: list[MapPlace], zoom: float) -> set[int]:
    """The points that get a name: most mentioned first, skipping any whose label would
    overlap one already placed (label boxes estimated from the name's length)."""
    boxes: list[tuple[float, float, float, float]] = []
    out: set[int] = set()
    for p in sorted(places, key=lambda p: -(p.mentions + p.events)):
        if len(out) >= LABELLED_POINTS:
            break
        x, y = basemap.project(p.lon, p.lat)
        r = _radius(p.mentions, zoom)
        box = (x - r, y - 7 / zoom, x + r + (4 + 5.6 * len(p.name)) / zoom, y + 7 / zoom)
        if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in boxes):
            continue
        boxes.append(box)
        out.add(p.geonameid)
    return out


def _feature(p: MapPlace) -> dict[str, Any]:
    return {"type": "Feature", "id": p.geonameid,
            "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
            "properties": {"name": p.name, "country": p.country, "feature": p.feature,
                           "mentions": p.mentions, "documents": p.documents, "events": p.events,
                           "event_types": p.event_types, "url": p.url}}


def map_view(store: Store, *, focus: int | None = None, lat: float | None = None,
             lon: float | None = None, zoom: float | None = None,
             country: str | None = None) -> tuple[MapContext, MapDrawing]:
    country = (country or "").upper() or None
    events: dict[int, dict[str, int]] = {}
    # Kept up to date incrementally (store/map_tally.py): only what was written since the
    # last request is read.
    for geonameid, place_country, event_type, n in map_tally.event_place_counts(store):
        if country and place_country != country:
            continue
        types = events.setdefault(geonameid, {})
        types[event_type] = types.get(event_type, 0) + n
    points = map_tally.place_points(store, country=country)
    places = [MapPlace(p.geonameid, p.name, p.country, country_name(p.country), p.feature, p.lat, p.lon,
                       p.mentions, p.documents, sum(events.get(p.geonameid, {}).values()),
                       events.get(p.geonameid, {}), urls.place(p.geonameid),
                       urls.map_view(focus=p.geonameid, zoom=DEFAULT_FOCUS_ZOOM)) for p in points]
    by_id = {p.geonameid: p for p in places}
    focused = by_id.get(focus) if focus is not None else None
    if focus is not None and focused is None:
        fp = place(store, focus)
        if fp is not None:
            focused = MapPlace(fp.geonameid, fp.name, fp.country, country_name(fp.country), fp.feature,
                               fp.lat, fp.lon, fp.mentions, fp.documents, 0, {}, urls.place(fp.geonameid),
                               urls.map_view(focus=fp.geonameid, zoom=DEFAULT_FOCUS_ZOOM))
    center = ([focused.lon, focused.lat] if focused
              else [lon, lat] if lat is not None and lon is not None else None)
    z = zoom if zoom is not None else (DEFAULT_FOCUS_ZOOM if center else 1.0)
    win = basemap.frame((center[0], center[1]) if center else None, z)

    shapes = basemap.country_paths()
    note = None
    if shapes is None:
        note = (f"Country shapes not found at {basemap.world_atlas_path()}: points are drawn on a "
                "plain graticule. Run `make install` (needs npm) or set NEWSGRAPH_WORLD_ATLAS.")
    ctx = MapContext("FeatureCollection", [_feature(p) for p in places], places, focused,
                     center, win.zoom, country, shapes is not None, note)

    mentioned = {n for n in (iso_numeric(p.country) for p in places) if n is not None}
    countries = [(c.d, c.iso_numeric is not None and c.iso_numeric.isdigit()
                  and int(c.iso_numeric) in mentioned, c.name) for c in shapes or ()]
    labelled = _labelled(places, win.zoom)
    drawn = []
    for p in sorted(places, key=lambda p: -p.mentions):  # big circles first, small ones on top
        x, y = basemap.project(p.lon, p.lat)
        is_focus = focused is not None and p.geonameid == focused.geonameid
        drawn.append(MapPoint(x, y, _radius(p.mentions, win.zoom), _radius(p.events, win.zoom),
                              p.geonameid in labelled, is_focus, p))
    drawing = MapDrawing(win.view_box, basemap.WIDTH, basemap.HEIGHT, win.zoom, countries,
                         basemap.graticule_paths(), basemap.outline_path(), drawn,
                         round(10 / win.zoom, 2), round(1 / win.zoom, 3))
    return ctx, drawing
