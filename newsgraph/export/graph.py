"""GraphML export: the entity and event network, for Gephi, Cytoscape or networkx.

Nodes are entities and events. Edges say how they connect; every edge has a ``kind``,
a ``weight``, a ``type`` and ``directed`` (false for co-mentions):

- ``co_mentioned`` (entity — entity): both are named in the same document; one edge
  per pair of entities, ``weight`` is how many documents name both. It has no
  direction: it runs from the smaller id to the larger and says ``directed`` false.
- ``acts_on`` (entity → entity): the actor of an event and its target; one edge per
  pair and PLOVER type (``type``), ``weight`` is how many events.
- ``actor`` (entity → event) and ``target`` (event → entity): the entity is an
  argument of the event in at least one of its reports; ``weight`` is the event's
  documents.
- ``place`` (event → entity): the event happened at that place.

The file is one directed graph: networkx (and so most readers) cannot read GraphML
mixing directed and undirected edges, so the co-mention edges carry their lack of
direction as the ``directed`` attribute rather than as GraphML's per-edge flag.

Unnamed referents (``named: false``: "a woman" one article describes and refers back to)
are no nodes by default, as they are no entries of the entity list and no FtM entities: a
node is someone a reader of the graph can look up across articles; an event argument
that is one is left as if unlinked. ``unnamed=True`` keeps them.

Events whose arguments no entity links (only text) still appear, with their
argument texts as attributes, so nothing the store knows is dropped. networkx
writes the GraphML; each attribute gets one type on every node (empty string or 0
where unknown) because GraphML declares attribute types per key.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any, BinaryIO

import networkx as nx

__all__ = ["build_graph", "write_graphml"]

#: A document naming more entities than this adds no co-mention edges: listings and
#: digests would otherwise tie everything to everything (n² edges for one page).
MAX_ENTITIES_PER_DOCUMENT = 150


def _entity_node(rec: dict[str, Any]) -> dict[str, Any]:
    docs = {m["doc"] for m in rec["mentions"]}
    return {"kind": "entity", "label": rec["name"], "type": rec["type"] or "",
            "aliases": "; ".join(rec["aliases"]), "mentions": len(rec["mentions"]),
            "documents": len(docs), "resolved": bool(rec.get("resolved", True)),
            "date": "", "place": "", "sources": 0}


def _event_node(rec: dict[str, Any]) -> dict[str, Any]:
    date = rec["date"] or {}
    trig = next((m["trigger"]["text"] for m in rec["mentions"] if m.get("trigger")), "")
    loc = rec["location"] or {}
    return {"kind": "event", "label": f"{rec['type']} ({trig})" if trig else rec["type"],
            "type": rec["type"], "aliases": "", "mentions": len(rec["mentions"]),
            "documents": len(rec["sources"]), "resolved": True,
            "date": date.get("start") or "", "place": loc.get("name") or "",
            "sources": int(rec.get("publishers") or 0)}


def build_graph(records: Iterable[dict[str, Any]], unnamed: bool = False) -> nx.MultiDiGraph:
    """The graph of the contract records (entities must come before the events naming them,
    as ``jsonl.iter_records`` yields them); unnamed referents only with ``unnamed``."""
    g = nx.MultiDiGraph()
    docs_of: dict[str, set[str]] = {}
    acts: Counter[tuple[str, str, str]] = Counter()  # (actor, target, PLOVER type) → events
    for rec in records:
        kind = rec.get("record", rec["kind"])
        if kind == "entity":
            if rec.get("named") is False and not unnamed:
                continue
            g.add_node(rec["id"], **_entity_node(rec))
            for m in rec["mentions"]:
                docs_of.setdefault(m["doc"], set()).add(rec["id"])
        elif kind == "event":
            g.add_node(rec["id"], **_event_node(rec))
            weight = len(rec["sources"])
            linked = {}
            for role, args in (("actor", rec["actors"]), ("target", rec["targets"])):
                linked[role] = sorted({a for a in args if isinstance(a, str) and a in g})
                for ent in linked[role]:
                    src, dst = (ent, rec["id"]) if role == "actor" else (rec["id"], ent)
                    g.add_edge(src, dst, key=role, kind=role, type=rec["type"], weight=weight,
                               directed=True)
            acts.update((a, t, rec["type"]) for a in linked["actor"] for t in linked["target"] if a != t)
            loc = rec["location"] or {}
            if loc.get("entity") in g:
                g.add_edge(rec["id"], loc["entity"], key="place", kind="place", type=rec["type"],
                           weight=weight, directed=True)
    for (a, t, etype), n in acts.items():
        g.add_edge(a, t, key=f"acts_on:{etype}", kind="acts_on", type=etype, weight=n, directed=True)
    pairs: Counter[tuple[str, str]] = Counter()
    for ents in docs_of.values():
        if len(ents) <= MAX_ENTITIES_PER_DOCUMENT:
            pairs.update(itertools.combinations(sorted(ents), 2))
    for (a, b), n in pairs.items():
        g.add_edge(a, b, key="co_mentioned", kind="co_mentioned", type="", weight=n, directed=False)
    return g


def write_graphml(records: Iterable[dict[str, Any]], out: Path | BinaryIO,
                  unnamed: bool = False) -> dict[str, int]:
    """Write the graph (unnamed referents only with ``unnamed``); returns node and edge
    counts by kind."""
    g = build_graph(records, unnamed)
    nx.write_graphml(g, out, encoding="utf-8", prettyprint=False)
    counts: Counter[str] = Counter(f"{d['kind']} node" for _, d in g.nodes(data=True))
    counts.update(f"{d['kind']} edge" for _, _, d in g.edges(data=True))
    return dict(counts)
