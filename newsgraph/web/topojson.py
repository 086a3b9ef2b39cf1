"""Decode a TopoJSON topology into plain polygons (lists of rings of ``(lon, lat)``).

Used for the offline basemap: the country shapes of the npm package
``world-atlas@2.0.2`` (Natural Earth 1:110m, public domain; package ISC), which
``make install`` puts under ``.venv/npm``. We decode it ourselves rather than pull a
library because what we need is small and fixed — quantized, delta-encoded arcs,
``Polygon``/``MultiPolygon`` geometries, arc references with ``~i`` for reversed
arcs (TopoJSON spec 1.0, §2.1.3–2.2) — about fifty lines, while the Python
TopoJSON packages bring shapely/numpy stacks for conversions we never do.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["Shape", "decode", "load_shapes"]

Point = tuple[float, float]
Ring = list[Point]


@dataclass(slots=True)
class Shape:
    """One geometry of a topology object: ``id`` (ISO 3166 numeric for world-atlas), a name
    and its polygons, each a list of rings (the first the outer ring, then holes)."""

    id: str | None
    name: str | None
    polygons: list[list[Ring]] = field(default_factory=list)


def _arcs(topology: dict[str, Any]) -> list[Ring]:
    """Absolute coordinates of every arc: undo delta encoding, then the quantization."""
    transform = topology.get("transform")
    out: list[Ring] = []
    for arc in topology.get("arcs", []):
        ring: Ring = []
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            for dx, dy, *_ in arc:  # positions may carry extra dimensions: ignored
                x += dx
                y += dy
                ring.append((x * sx + tx, y * sy + ty))
        else:
            ring = [(float(p[0]), float(p[1])) for p in arc]
        out.append(ring)
    return out


def _ring(refs: list[int], arcs: list[Ring]) -> Ring:
    """Stitch arcs into one ring; ``~i`` (= ``-i - 1``) means arc ``i`` reversed. Each arc
    after the first starts where the previous ended, so its first point is dropped."""
    ring: Ring = []
    for ref in refs:
        points = arcs[ref] if ref >= 0 else arcs[~ref][::-1]
        ring.extend(points[1:] if ring else points)
    return ring


def decode(topology: dict[str, Any], object_name: str) -> list[Shape]:
    """The geometries of ``topology["objects"][object_name]`` as ``Shape`` polygons.

    Only areal geometries are kept (``Polygon``, ``MultiPolygon``); others (points,
    lines, null geometries) are skipped, since the basemap draws areas only.
    """
    arcs = _arcs(topology)
    obj = topology["objects"][object_name]
    geometries = obj.get("geometries", [obj])
    shapes: list[Shape] = []
    for g in geometries:
        props = g.get("properties") or {}
        gid = g.get("id")
        shape = Shape(str(gid) if gid is not None else None, props.get("name"))
        if g.get("type") == "Polygon":
            shape.polygons.append([_ring(r, arcs) for r in g["arcs"]])
        elif g.get("type") == "MultiPolygon":
            shape.polygons.extend([_ring(r, arcs) for r in poly] for poly in g["arcs"])
        else:
            continue
        shapes.append(shape)
    return shapes


@lru_cache(maxsize=4)
def _load(path: str, mtime: float) -> tuple[Shape, ...]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    name = "countries" if "countries" in data.get("objects", {}) else next(iter(data["objects"]))
    return tuple(decode(data, name))


def load_shapes(path: Path) -> tuple[Shape, ...] | None:
    """The country shapes in the TopoJSON file at ``path``; None when it is missing or unreadable
    (the map then draws a plain graticule and says so). Cached per file version."""
    try:
        return _load(str(path), path.stat().st_mtime)
    except (OSError, ValueError, KeyError, TypeError, StopIteration):
        return None
