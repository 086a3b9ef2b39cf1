"""The offline world map: projection, country outlines as SVG paths, graticule, zoom window.

The map is drawn on the server as inline SVG (no tiles, no script, nothing fetched),
so it works with JavaScript off and under the strict CSP. Projection is Natural
Earth I (Šavrič, Jenny, Patterson & Hurni 2011, polynomial form), which keeps the
poles short and the tropics undistorted enough for news geography. Country shapes
come from ``world-atlas@2.0.2`` (see ``topojson``); when the file is missing the map
still draws its graticule and points, and says the shapes are missing.

Where the shapes file is: ``$NEWSGRAPH_WORLD_ATLAS`` if set, else
``<venv>/npm/node_modules/world-atlas/countries-110m.json`` (``make install`` puts it
there), else the same under the repository's ``.venv``.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newsgraph.web.topojson import load_shapes
from newsgraph.web.vendor import installed

__all__ = [
    "HEIGHT", "WIDTH", "MapFrame", "country_paths", "frame", "graticule_paths", "outline_path",
    "project", "world_atlas_path",
]

#: Environment variable naming the TopoJSON file of country shapes.
ATLAS_ENV = "NEWSGRAPH_WORLD_ATLAS"
ATLAS_RELATIVE = Path("npm/node_modules/world-atlas/countries-110m.json")

#: SVG user units of the whole world: 1000 wide, height from the projection's aspect.
WIDTH = 1000.0
_XMAX = math.pi * 0.8707  # x of the antimeridian at the equator, in projection units
_SCALE = WIDTH / (2 * _XMAX)


def _ne1(lon: float, lat: float) -> tuple[float, float]:
    lam, phi = math.radians(lon), math.radians(lat)
    p2 = phi * phi
    p4 = p2 * p2
    x = lam * (0.870700 - 0.131979 * p2 - 0.013791 * p4 + 0.003971 * p4 * p4 * p2
               - 0.001529 * p4 * p4 * p4)
    y = phi * (1.007226 + 0.015085 * p2 - 0.044475 * p4 * p2 + 0.028874 * p4 * p4
               - 0.005916 * p4 * p4 * p2)
    return x, y


_YMAX = _ne1(0.0, 90.0)[1]
HEIGHT = round(2 * _YMAX * _SCALE, 1)


def project(lon: float, lat: float) -> tuple[float, float]:
    """SVG coordinates (origin top left, y down) of a point in degrees."""
    lat = max(-90.0, min(90.0, lat))
    lon = max(-180.0, min(180.0, lon))
    x, y = _ne1(lon, lat)
    return round(WIDTH / 2 + x * _SCALE, 2), round(HEIGHT / 2 - y * _SCALE, 2)


LonLat = tuple[float, float]


def _clip(ring: list[LonLat], bound: float, keep_below: bool) -> list[LonLat]:
    """Sutherland–Hodgman: the part of ``ring`` with lon <= bound (or >= bound)."""
    def inside(p: LonLat) -> bool:
        return p[0] <= bound if keep_below else p[0] >= bound

    out: list[LonLat] = []
    for i, cur in enumerate(ring):
        prev = ring[i - 1]
        if inside(cur) != inside(prev):
            t = (bound - prev[0]) / (cur[0] - prev[0])
            out.append((bound, prev[1] + t * (cur[1] - prev[1])))
        if inside(cur):
            out.append(cur)
    return out


def _split_antimeridian(ring: list[LonLat]) -> list[list[LonLat]]:
    """Rings that cross ±180° (world-atlas keeps a few: Fiji, Chukotka, Antarctica) made
    drawable: a ring around a pole is closed along the pole; any other is unwrapped to a
    continuous longitude and cut into its parts on either side of the antimeridian."""
    if all(abs(b[0] - a[0]) <= 180 for a, b in itertools.pairwise(ring)):
        return [ring]
    unwrapped = [ring[0]]
    for lon, lat in ring[1:]:
        prev = unwrapped[-1][0]
        while lon - prev > 180:
            lon -= 360
        while lon - prev < -180:
            lon += 360
        unwrapped.append((lon, lat))
    if abs(unwrapped[-1][0] - unwrapped[0][0]) > 180:  # winds once around a pole
        out: list[LonLat] = [ring[0]]
        for a, b in itertools.pairwise(ring):
            if abs(b[0] - a[0]) > 180:
                pole = -90.0 if a[1] < 0 else 90.0
                out += [(a[0], pole), (b[0], pole)]
            out.append(b)
        return [out]
    parts = []
    for shift in (0.0, 360.0, -360.0):
        moved = [(lon + shift, lat) for lon, lat in unwrapped]
        piece = _clip(_clip(moved, 180.0, True), -180.0, False)
        if len(piece) >= 3:
            parts.append(piece)
    return parts


def _path(rings: list[list[tuple[float, float]]]) -> str:
    """An SVG path ``d`` for closed rings, one decimal, repeated points dropped."""
    parts: list[str] = []
    for ring in (part for r in rings for part in _split_antimeridian(r)):
        last: tuple[float, float] | None = None
        cmds: list[str] = []
        for lon, lat in ring:
            x, y = project(lon, lat)
            pt = (round(x, 1), round(y, 1))
            if pt != last:
                cmds.append(f"{pt[0]:g},{pt[1]:g}")
                last = pt
        if len(cmds) >= 3:
            parts.append("M" + "L".join(cmds) + "Z")
    return "".join(parts)


def world_atlas_path() -> Path:
    """Where the country shapes are looked for (see the module docstring)."""
    return installed(ATLAS_ENV, ATLAS_RELATIVE)


@dataclass(frozen=True, slots=True)
class CountryPath:
    iso_numeric: str | None
    name: str | None
    d: str


@lru_cache(maxsize=4)
def _country_paths(path: str, mtime: float) -> tuple[CountryPath, ...] | None:
    shapes = load_shapes(Path(path))
    if not shapes:
        return None
    return tuple(CountryPath(s.id, s.name, "".join(_path(poly) for poly in s.polygons))
                 for s in shapes)


def country_paths(path: Path | None = None) -> tuple[CountryPath, ...] | None:
    """Every country outline projected to SVG (cached per file version), or None when the
    shapes file is missing or unreadable."""
    path = path or world_atlas_path()
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return None
    return _country_paths(str(path), mtime)


def _line(points: list[tuple[float, float]]) -> str:
    return "M" + "L".join(f"{x:g},{y:g}" for x, y in (project(lo, la) for lo, la in points))


@lru_cache(maxsize=1)
def graticule_paths(step: int = 30) -> tuple[str, ...]:
    """Meridians and parallels every ``step`` degrees."""
    lines = [_line([(lon, lat) for lat in range(-90, 91, 5)]) for lon in range(-180 + step, 180, step)]
    lines += [_line([(lon, lat) for lon in range(-180, 181, 5)]) for lat in range(-90 + step, 90, step)]
    return tuple(lines)


@lru_cache(maxsize=1)
def outline_path() -> str:
    """The edge of the world (the antimeridian on both sides), closed."""
    pts = ([(-180.0, float(lat)) for lat in range(-90, 91, 2)]
           + [(180.0, float(lat)) for lat in range(90, -91, -2)])
    return _line(pts) + "Z"


@dataclass(frozen=True, slots=True)
class MapFrame:
    """The part of the world shown: an SVG ``viewBox`` and how much it is zoomed."""

    x: float
    y: float
    width: float
    height: float
    zoom: float

    @property
    def view_box(self) -> str:
        return f"{self.x:g} {self.y:g} {self.width:g} {self.height:g}"


def frame(center: tuple[float, float] | None = None, zoom: float = 1.0) -> MapFrame:
    """The window of ``1/zoom`` of the world centred on ``(lon, lat)``, kept inside the map."""
    zoom = max(1.0, min(zoom, 32.0))
    if center is None or zoom == 1.0:
        return MapFrame(0.0, 0.0, WIDTH, HEIGHT, 1.0)
    cx, cy = project(*center)
    w, h = WIDTH / zoom, HEIGHT / zoom
    x = min(max(cx - w / 2, 0.0), WIDTH - w)
    y = min(max(cy - h / 2, 0.0), HEIGHT - h)
    return MapFrame(round(x, 2), round(y, 2), round(w, 2), round(h, 2), zoom)
