// The network page drawn with cytoscape.js (installed from npm, served at /vendor/, no CDN):
// the graph comes from the page's data block (#network-data: the JSON twin's nodes and edges),
// every name goes in as data and is drawn on the canvas or set as textContent, never parsed as
// HTML. Edge colours come from the legend's swatches, so the legend is the key. A click on a
// node opens the entity, on an edge its events (or the documents naming both). Without the
// library this script does nothing and the server's SVG stays the graph.
(function () {
  "use strict";
  // Node colours by entity type, as the SVG's (timeline.css).
  const NODE = {
    PERSON: ["#cffafe", "#0e7490"], ORG: ["#fae8ff", "#a21caf"],
    GPE: ["#dcfce7", "#15803d"], LOC: ["#dcfce7", "#15803d"],
  };
  const OTHER_NODE = ["#e0e7ff", "#4338ca"];
  // Co-mentions are dense: there the most named nodes carry their name and the rest show it
  // on hover; the sparser actor → target graph names every node.
  const LABELLED = { comention: 25, events: Infinity };

  function colours() {
    const out = {};
    document.querySelectorAll("#network-legend .swatch[data-category]").forEach(function (el) {
      out[el.dataset.category] = getComputedStyle(el).backgroundColor;
    });
    return out;
  }

  // Only the app's own paths are followed (the view builds them; this keeps it so).
  function go(url) {
    if (typeof url === "string" && url.startsWith("/") && !url.startsWith("//")) location.assign(url);
  }

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function elements(data, colour) {
    const directed = data.graph === "events";
    const labelled = LABELLED[data.graph] || 25;
    const topNode = Math.max(1, ...data.nodes.map(function (n) { return n.weight; }));
    const topEdge = Math.max(1, ...data.edges.map(function (e) { return e.weight; }));
    const names = {};
    const out = [];
    data.nodes.forEach(function (n, i) {
      names[n.id] = n.name;
      const c = NODE[n.type] || OTHER_NODE;
      out.push({ group: "nodes", data: {
        id: n.id, name: n.name, label: i < labelled ? n.name : "", url: n.url, fill: c[0], stroke: c[1],
        size: Math.round(12 + 26 * Math.sqrt(n.weight / topNode)),
        title: n.name + " (" + n.type + "): " + plural(n.weight, directed ? "event" : "document") +
          " — click for the entity",
      } });
    });
    data.edges.forEach(function (e, i) {
      if (!(e.source in names) || !(e.target in names)) return;
      out.push({ group: "edges", classes: directed ? "directed" : "", data: {
        id: "edge" + i, source: e.source, target: e.target, url: e.url,
        colour: colour[e.category] || colour.other || "#94a3b8",
        width: Math.round((1 + 5 * Math.sqrt(e.weight / topEdge)) * 10) / 10,
        title: directed
          ? names[e.source] + " → " + names[e.target] + ": " + e.type + ", " + plural(e.weight, "event") +
            " — click for the events"
          : names[e.source] + " — " + names[e.target] + ": named together in " +
            plural(e.weight, "document") + " — click for them",
      } });
    });
    return out;
  }

  function draw() {
    const block = document.getElementById("network-data");
    const box = document.getElementById("network-graph");
    const svg = document.getElementById("network-svg");
    const hover = document.getElementById("network-hover");
    if (!block || !box || typeof window.cytoscape !== "function") return;
    const data = JSON.parse(block.textContent);
    box.hidden = false;
    const cy = window.cytoscape({
      container: box,
      elements: elements(data, colours()),
      minZoom: 0.2,
      maxZoom: 4,
      style: [
        { selector: "node", style: {
          width: "data(size)", height: "data(size)", "background-color": "data(fill)",
          "border-color": "data(stroke)", "border-width": 1.5, label: "data(label)", "font-size": 11,
          color: "#111827", "text-valign": "top", "text-margin-y": -3, "text-outline-color": "#fff",
          "text-outline-width": 2, "min-zoomed-font-size": 6,
        } },
        { selector: "edge", style: {
          width: "data(width)", "line-color": "data(colour)", "curve-style": "bezier", opacity: 0.8,
        } },
        { selector: "edge.directed", style: {
          "target-arrow-shape": "triangle", "target-arrow-color": "data(colour)", "arrow-scale": 0.9,
        } },
        { selector: ".faded", style: { opacity: 0.15 } },
        { selector: "node.lit", style: { label: "data(name)", "border-width": 3, "border-color": "#111827" } },
        { selector: "edge.lit", style: { opacity: 1, "z-index": 9 } },
      ],
    });
    // A circle in the twin's order (most connected first) is the start of the force layout:
    // no random start, so a page is drawn the same way on every load.
    cy.layout({ name: "circle", fit: false, animate: false }).run();
    cy.layout({ name: "cose", randomize: false, animate: false, padding: 30, nodeDimensionsIncludeLabels: true,
      idealEdgeLength: function () { return 90; }, nodeRepulsion: function () { return 9000; } }).run();
    // A graph of a few nodes fitted to the box would be drawn huge: no closer than 1.5.
    if (cy.zoom() > 1.5) {
      cy.zoom(1.5);
      cy.center();
    }
    if (svg) svg.style.display = "none";

    cy.on("tap", "node, edge", function (event) { go(event.target.data("url")); });
    cy.on("mouseover", "node, edge", function (event) {
      const el = event.target;
      const near = el.isNode() ? el.closedNeighborhood() : el.union(el.connectedNodes());
      cy.elements().not(near).addClass("faded");
      near.addClass("lit");
      box.style.cursor = "pointer";
      if (hover) hover.textContent = el.data("title");
    });
    cy.on("mouseout", "node, edge", function () {
      cy.elements().removeClass("faded lit");
      box.style.cursor = "";
    });
    if (hover) hover.hidden = false;
    box.dataset.nodes = String(cy.nodes().length);
    box.dataset.edges = String(cy.edges().length);
    window.newsgraphNetwork = cy; // for the browser test and the console
  }

  document.addEventListener("DOMContentLoaded", draw);
}());
