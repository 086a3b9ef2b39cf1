"""The network page (``/network``): who acts on whom, drawn in the browser by cytoscape.js
over the page's own graph JSON, and server-side as SVG when the library is not installed
or script is off.

Two graphs of entities:

- ``events`` (default): an arrow from an event's actor to its target, one per pair and
  PLOVER type, its width growing with the number of events and its colour the type's
  category (material conflict, verbal conflict, cooperation); clicking it lists those
  events, clicking a node opens the entity.
- ``comention``: entities named in the same documents, undirected, an edge's width the
  number of documents naming both; the ``TOP_ENTITIES`` most named entities of the
  (latest ``COMENTION_DOCUMENTS``) documents in scope.

Filters: event type, a time window (``since``/``until``) and a story (its documents only).
Unnamed referents ("a woman" one article describes and refers back to, ``named`` false)
are no nodes, as they are no entries of the entity list: a node is someone an analyst can
look up across articles. ``unnamed=1`` draws them too.
The JSON twin holds the nodes and edges (each edge with its PLOVER category); the page
embeds the same nodes and edges as data for ``static/network.js``, which hands them to
cytoscape.js (``web.vendor``: installed from npm, served by the app, never a CDN) — labels
are data drawn on a canvas, never HTML. The SVG fallback uses networkx's spring layout with
a fixed seed, so it looks the same on every load.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from newsgraph.api import urls
from newsgraph.model import ENTITY_REF, Entity
from newsgraph.model.projection import project
from newsgraph.store import Store
from newsgraph.store import event_queries as q
from newsgraph.store import timeline_queries as tq
from newsgraph.store.entity_queries import entity_names, unnamed_among
from newsgraph.store.story_queries import story_document_ids

__all__ = ["LEGEND", "NetworkContext", "NetworkDrawing", "NetworkScript", "graph_data", "network_script",
           "network_view"]

#: Events read at most (the most reported first).
MAX_EVENTS = 2_000
#: Entities drawn at most (the most connected first).
TOP_ENTITIES = 40
#: Documents the co-mention graph reads at most (the latest).
COMENTION_DOCUMENTS = 500
#: Co-mention edges drawn at most (the heaviest).
MAX_COMENTION_EDGES = 150

WIDTH = 1000
HEIGHT = 640
MARGIN = 90  # room for the labels of the outermost nodes
#: Weight of the undrawn hub's ties to every node (see ``_draw``).
HUB_WEIGHT = 0.05
#: Fixed seed of the spring layout: the same graph is drawn the same way on every load.
LAYOUT_SEED = 7

#: PLOVER types by the manual's quad classes, for the edge colours.
CATEGORY = {
    "AGREE": "verbal-coop", "CONSULT": "verbal-coop", "SUPPORT": "verbal-coop", "CONCEDE": "verbal-coop",
    "COOPERATE": "material-coop", "AID": "material-coop", "RETREAT": "material-coop",
    "REQUEST": "verbal-conflict", "ACCUSE": "verbal-conflict", "REJECT": "verbal-conflict",
    "THREATEN": "verbal-conflict",
    "PROTEST": "material-conflict", "SANCTION": "material-conflict", "MOBILIZE": "material-conflict",
    "COERCE": "material-conflict", "ASSAULT": "material-conflict",
}


#: An entity of the graph: what names it, the events (or documents) it takes part in within the
#: graph (``weight``), its page.
NetworkNode = project("NetworkNode", Entity, ENTITY_REF, extra=[("weight", int), ("url", str)])


@dataclass(slots=True)
class NetworkEdge:
    source: str
    target: str
    type: str | None  # PLOVER type (events graph); None for co-mentions
    weight: int  # events (or documents)
    url: str  # the events behind it (or the documents naming both)
    #: The type's quad class (``CATEGORY``; "other" for a type outside it), "comention" for
    #: co-mentions: the edge's colour and legend entry.
    category: str = "comention"


@dataclass(frozen=True, slots=True)
class LegendEntry:
    category: str
    label: str


#: The legend of edge colours, in the order shown.
LEGEND = (LegendEntry("material-conflict", "material conflict"),
          LegendEntry("verbal-conflict", "verbal conflict"),
          LegendEntry("verbal-coop", "verbal cooperation"),
          LegendEntry("material-coop", "material cooperation"),
          LegendEntry("other", "other"))


@dataclass(frozen=True, slots=True)
class NetworkScript:
    """The browser drawing: the library's URL (None when it is not installed) and, then,
    what the page says about it."""

    library_url: str | None
    note: str | None


def network_script() -> NetworkScript:
    from newsgraph.web.vendor import CYTOSCAPE, NPM_ENV, asset_file, asset_url

    url = asset_url(CYTOSCAPE)
    if url is not None:
        return NetworkScript(url, None)
    return NetworkScript(None, (
        f"The graph library (cytoscape {CYTOSCAPE.version}) was not found at {asset_file(CYTOSCAPE)}: "
        f"the graph is drawn on the server, without zoom or dragging. Run `make install` (needs npm) "
        f"or set {NPM_ENV} to a node_modules folder holding it."))


@dataclass(slots=True)
class GraphChoice:
    value: str
    label: str
    url: str
    selected: bool


@dataclass(slots=True)
class NetworkContext:
    graph: str
    type: str | None
    since: str | None
    until: str | None
    story: str | None
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]
    graphs: list[GraphChoice]
    types: list[GraphChoice]
    clear_url: str
    note: str | None = None
    legend: str = field(default=(
        "Events: an arrow from the actor to the target of events of one type; thicker for more "
        "events; red material conflict, orange verbal conflict, blue verbal cooperation, green "
        "material cooperation. Co-mentions: entities named in the same documents. Click a node "
        "for the entity, an edge for its events."))


@dataclass(slots=True)
class DrawnNode:
    x: float
    y: float
    r: float
    label: bool
    node: NetworkNode


@dataclass(slots=True)
class DrawnEdge:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    classes: str
    title: str
    url: str
    directed: bool


@dataclass(slots=True)
class NetworkDrawing:
    width: int
    height: int
    nodes: list[DrawnNode]
    edges: list[DrawnEdge]


def _url(filters: dict[str, Any], **change: Any) -> str:
    return urls.network(**{**filters, **change})


def _top(counts: Counter[str], n: int) -> set[str]:
    """The ``n`` most counted ids, ties broken by id: ``Counter.most_common`` breaks them by
    insertion order, which follows set order and so changes from one process to the next."""
    return set(sorted(counts, key=lambda e: (-counts[e], e))[:n])


def _event_graph(store: Store, filt: q.EventFilter, docs: set[str] | None,
                 unnamed: bool = False) -> tuple[list[NetworkNode], list[NetworkEdge]]:
    _, rows = q.events(store, filt, limit=MAX_EVENTS)
    pairs: Counter[tuple[str, str, str]] = Counter()
    for ev in rows:
        if docs is not None and not set(ev.get("sources") or []) & docs:
            continue
        actors = {a["entity"] for a in ev["actors"] if a.get("entity")}
        targets = {a["entity"] for a in ev["targets"] if a.get("entity")}
        pairs.update((a, t, ev["type"]) for a in actors for t in targets if a != t)
    if not unnamed:
        # Left out before the top nodes are chosen, so they take no named entity's place.
        drop = unnamed_among(store, {e for a, t, _ in pairs for e in (a, t)})
        pairs = Counter({k: n for k, n in pairs.items() if k[0] not in drop and k[1] not in drop})
    weight: Counter[str] = Counter()
    for (a, t, _), n in pairs.items():
        weight[a] += n
        weight[t] += n
    keep = _top(weight, TOP_ENTITIES)
    names = entity_names(store, list(keep))
    nodes = [NetworkNode(id=e, name=names[e]["name"], type=names[e]["type"], weight=weight[e],
                         url=urls.entity(e))
             for e in sorted(keep, key=lambda e: (-weight[e], e)) if e in names]
    edges = [NetworkEdge(a, t, etype, n, urls.events(type=etype, actor=a, target=t),
                         CATEGORY.get(etype, "other"))
             for (a, t, etype), n in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))
             if a in names and t in names]
    return nodes, edges


def _comention_graph(store: Store, docs: set[str] | None, since: str | None, until: str | None,
                     unnamed: bool = False) -> tuple[list[NetworkNode], list[NetworkEdge], bool]:
    ids = tq.document_ids_published(store, since, until)
    if docs is not None:
        ids = [i for i in ids if i in docs]
    capped = len(ids) > COMENTION_DOCUMENTS
    ids = ids[:COMENTION_DOCUMENTS]
    per_doc = tq.entities_per_document(store, ids)
    if not unnamed:
        drop = unnamed_among(store, {e for ents in per_doc.values() for e in ents})
        per_doc = {d: ents - drop for d, ents in per_doc.items()}
    docs_of: Counter[str] = Counter(e for ents in per_doc.values() for e in ents)
    keep = _top(docs_of, TOP_ENTITIES)
    pairs: Counter[tuple[str, str]] = Counter()
    for ents in per_doc.values():
        pairs.update(itertools.combinations(sorted(ents & keep), 2))
    names = entity_names(store, list(keep))
    nodes = [NetworkNode(id=e, name=names[e]["name"], type=names[e]["type"], weight=docs_of[e],
                         url=urls.entity(e))
             for e in sorted(keep, key=lambda e: (-docs_of[e], e)) if e in names]
    edges = [NetworkEdge(a, b, None, n, urls.search(f'"{names[a]["name"]}" "{names[b]["name"]}"'))
             for (a, b), n in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_COMENTION_EDGES]
             if a in names and b in names]
    return nodes, edges, capped


def network_view(store: Store, *, graph: str = "events", type: str | None = None, since: str | None = None,
                 until: str | None = None, story: str | None = None,
                 unnamed: bool = False) -> tuple[NetworkContext, NetworkDrawing]:
    graph = graph if graph in ("events", "comention") else "events"
    type = type.upper() if type else None
    filters = {"graph": None if graph == "events" else graph, "type": type, "since": since, "until": until,
               "story": story, "unnamed": unnamed or None}
    docs = None
    if story:
        docs = set(story_document_ids(store, story))
    note = None
    if graph == "events":
        nodes, edges = _event_graph(store, q.EventFilter(type=type, since=since, until=until), docs, unnamed)
        present = Counter(e.type for e in edges if e.type)
    else:
        nodes, edges, capped = _comention_graph(store, docs, since, until, unnamed)
        present = Counter()
        if capped:
            note = f"Read from the latest {COMENTION_DOCUMENTS:,} documents in scope."
    graphs = [GraphChoice(v, label, _url(filters, graph=None if v == "events" else v), v == graph)
              for v, label in (("events", "actor → target"), ("comention", "co-mentions"))]
    types = [GraphChoice(t, f"{t} {n}", _url(filters, type=None if t == type else t), t == type)
             for t, n in sorted(present.items(), key=lambda kv: (-kv[1], kv[0]))]
    ctx = NetworkContext(graph, type, since, until, story, nodes, edges, graphs, types, urls.network(), note)
    return ctx, _draw(ctx)


def graph_data(ctx: NetworkContext) -> dict[str, Any]:
    """What the browser drawing reads: the twin's graph, nodes and edges, as they are there."""
    return {"graph": ctx.graph, "nodes": [asdict(n) for n in ctx.nodes],
            "edges": [asdict(e) for e in ctx.edges]}


def _draw(ctx: NetworkContext) -> NetworkDrawing:
    import networkx as nx

    g = nx.Graph()
    for n in ctx.nodes:
        g.add_node(n.id)
    for e in ctx.edges:
        if e.source in g and e.target in g:
            w = g.get_edge_data(e.source, e.target, {}).get("weight", 0)
            g.add_edge(e.source, e.target, weight=w + e.weight)
    if not g:
        return NetworkDrawing(WIDTH, HEIGHT, [], [])
    # A faint hub tied to every node keeps separate components near each other (a spring
    # layout otherwise pushes them to the corners); it is not drawn.
    hub = "\x00hub"
    g.add_edges_from(((hub, node) for node in list(g.nodes)), weight=HUB_WEIGHT)
    pos = nx.spring_layout(g, seed=LAYOUT_SEED, k=1.6 / math.sqrt(len(g)), iterations=100)
    del pos[hub]
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    span_x = (max(xs) - min(xs)) or 1.0
    span_y = (max(ys) - min(ys)) or 1.0

    def at(node: str) -> tuple[float, float]:
        x, y = pos[node]
        return (round(MARGIN + (x - min(xs)) / span_x * (WIDTH - 2 * MARGIN), 1),
                round(MARGIN + (y - min(ys)) / span_y * (HEIGHT - 2 * MARGIN), 1))

    top = max((n.weight for n in ctx.nodes), default=1)
    radius = {n.id: round(5 + 11 * math.sqrt(n.weight / top), 1) for n in ctx.nodes}
    labelled = {n.id for n in ctx.nodes[:25]}
    drawn_nodes = [DrawnNode(*at(n.id), radius[n.id], n.id in labelled, n) for n in ctx.nodes if n.id in pos]
    heaviest = max((e.weight for e in ctx.edges), default=1)
    names = {n.id: n.name for n in ctx.nodes}
    drawn_edges = []
    for e in ctx.edges:
        if e.source not in pos or e.target not in pos:
            continue
        (x1, y1), (x2, y2) = at(e.source), at(e.target)
        directed = e.type is not None
        if directed:  # stop the arrow at the target's circle
            d = math.hypot(x2 - x1, y2 - y1) or 1.0
            cut = (radius[e.target] + 3) / d
            x2, y2 = round(x2 - (x2 - x1) * cut, 1), round(y2 - (y2 - y1) * cut, 1)
        width = round(1 + 4 * math.sqrt(e.weight / heaviest), 1)
        plural = "s" if e.weight != 1 else ""
        what = (f"{names[e.source]} → {names[e.target]}: {e.type}, {e.weight} event{plural}" if directed
                else f"{names[e.source]} — {names[e.target]}: named together in {e.weight} document{plural}")
        classes = "edge " + (f"cat-{e.category}" if directed else "comention")
        drawn_edges.append(DrawnEdge(x1, y1, x2, y2, width, classes, what, e.url, directed))
    return NetworkDrawing(WIDTH, HEIGHT, drawn_nodes, drawn_edges)

