"""The network page's browser drawing: cytoscape.js served from the npm folder at ``/vendor/``
(only the listed file, nothing else under that folder), the page's graph handed to it as an
escaped data block equal to the JSON twin, edges carrying their PLOVER category, and the
server's SVG with a plain note when the library is not installed.

The library file is a stand-in written here (the test does not need npm); the browser test
(tests/web) draws with the real one.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from api_articles import BASE, store_of_records
from fastapi.testclient import TestClient

from newsgraph.api.app import create_app
from newsgraph.api.views.base import env
from newsgraph.api.views.network import CATEGORY, LEGEND, NetworkContext, NetworkEdge, NetworkNode, graph_data
from newsgraph.web.vendor import CYTOSCAPE, NPM_ENV

RECORDS = [
    {"title": "Portugal accuses Varennia over embassy guards", "publisher": "Tagus Herald",
     "published": "2024-03-07",
     "text": "Portugal accused Varennia on Wednesday of sending armed guards to its embassy in Lisbon "
             "without permission. Varennia rejected the accusation."},
    {"title": "Militants attack Varennian embassy in Lisbon", "publisher": "Tagus Herald",
     "published": "2024-03-05",
     "text": "Militants of the Ostrel Front attacked the Varennian embassy in Lisbon on Monday, wounding "
             "two guards, police said. The attackers fled before officers arrived."},
]
STAND_IN = "window.cytoscape = function () { return null; };\n"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return store_of_records(tmp_path_factory.mktemp("network"), RECORDS)


@pytest.fixture()
def modules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An npm folder holding the library (a stand-in), another package, and a secret beside it."""
    root = tmp_path / "node_modules"
    lib = root / CYTOSCAPE.package / CYTOSCAPE.path
    lib.parent.mkdir(parents=True)
    lib.write_text(STAND_IN, encoding="utf-8")
    (root / "cytoscape" / "package.json").write_text('{"version": "3.34.4"}', encoding="utf-8")
    (root / "world-atlas").mkdir()
    (root / "world-atlas" / "countries-110m.json").write_text("{}", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("not for the browser", encoding="utf-8")
    monkeypatch.setenv(NPM_ENV, str(root))
    return root


def test_vendor_serves_the_listed_library_file_only(db: Path, modules: Path):
    with TestClient(create_app(db), base_url=BASE) as c:
        r = c.get("/vendor/cytoscape/dist/cytoscape.min.js")
        assert r.status_code == 200 and r.text == STAND_IN
        assert "javascript" in r.headers["content-type"]
        for path in ("/vendor/cytoscape/package.json", "/vendor/world-atlas/countries-110m.json",
                     "/vendor/../secret.txt", "/vendor/%2e%2e/secret.txt", "/vendor/cytoscape/../../secret.txt",
                     "/vendor/cytoscape/dist/../../../secret.txt", "/vendor/", "/vendor//etc/passwd",
                     "/vendor/newsgraph.css"):
            r = c.get(path)
            assert r.status_code == 404, path
            assert "not for the browser" not in r.text and "3.34.4" not in r.text, path


def test_vendor_library_needs_no_token_as_the_static_files(db: Path, modules: Path):
    with TestClient(create_app(db, token="s3cret-token"), base_url=BASE) as c:
        assert c.get("/vendor/cytoscape/dist/cytoscape.min.js").status_code == 200
        assert c.get("/network").status_code == 401


def test_vendor_refuses_a_link_out_of_the_npm_folder(db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    root = tmp_path / "node_modules"
    (root / "cytoscape").mkdir(parents=True)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "cytoscape.min.js").write_text("not for the browser", encoding="utf-8")
    (root / "cytoscape" / "dist").symlink_to(outside, target_is_directory=True)
    monkeypatch.setenv(NPM_ENV, str(root))
    with TestClient(create_app(db), base_url=BASE) as c:
        assert c.get("/vendor/cytoscape/dist/cytoscape.min.js").status_code == 404


def _data_block(page: str) -> dict:
    found = re.search(r'<script type="application/json" id="network-data">(.*?)</script>', page, re.S)
    assert found is not None
    return json.loads(found.group(1))


def test_network_page_hands_its_twin_graph_to_the_library(db: Path, modules: Path):
    with TestClient(create_app(db), base_url=BASE) as c:
        for query in ("", "?graph=comention", "?type=ACCUSE"):
            twin = c.get(f"/network.json{query}").json()
            page = c.get(f"/network{query}").text
            data = _data_block(page)
            assert data == {"graph": twin["graph"], "nodes": twin["nodes"], "edges": twin["edges"]}, query
            assert data["nodes"] and data["edges"], query
            # The library and the drawing script, from this server; the SVG stays for no script.
            assert '<script src="/vendor/cytoscape/dist/cytoscape.min.js" defer></script>' in page
            assert '<script src="/static/network.js" defer></script>' in page
            assert '<svg class="network"' in page and 'id="network-note"' not in page
        twin = c.get("/network.json").json()
        # Edges are typed: each carries its PLOVER category, the key of the legend's colours.
        assert {(e["type"], e["category"]) for e in twin["edges"]} >= {("ACCUSE", "verbal-conflict")}
        assert all(e["category"] == CATEGORY.get(e["type"], "other") for e in twin["edges"])
        page = c.get("/network").text
        for entry in LEGEND:
            assert f'data-category="{entry.category}"' in page and entry.label in page
        assert c.get("/static/network.js").status_code == 200


def test_network_page_without_the_library_draws_svg_and_says_so(db: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(NPM_ENV, str(tmp_path / "no_modules"))
    with TestClient(create_app(db), base_url=BASE) as c:
        page = c.get("/network").text
        assert '<svg class="network"' in page and 'id="network-data"' not in page
        assert "/vendor/" not in page and "network.js\"" not in page
        note = re.search(r'<p class="map-note" id="network-note">(.*?)</p>', page, re.S)
        assert note is not None and "cytoscape 3.34.4" in note.group(1) and "make install" in note.group(1)
        assert c.get("/vendor/cytoscape/dist/cytoscape.min.js").status_code == 404


def test_network_data_block_escapes_names_from_articles():
    hostile = '</script><script>alert(1)</script><img src=x onerror=alert(2)> & "Co"'
    node = NetworkNode("E0000000000000001", hostile, "ORG", 3, "/entities/E0000000000000001")
    other = NetworkNode("E0000000000000002", "Varennia", "GPE", 3, "/entities/E0000000000000002")
    edge = NetworkEdge(node.id, other.id, "ACCUSE", 3, "/events?type=ACCUSE", "verbal-conflict")
    ctx = NetworkContext("events", None, None, None, None, [node, other], [edge], [], [], "/network")
    html = env.get_template("network.html").render(
        c=ctx, n=type("Drawing", (), {"width": 10, "height": 10, "nodes": [], "edges": []})(),
        script=type("Script", (), {"library_url": "/vendor/cytoscape/dist/cytoscape.min.js", "note": None})(),
        legend=LEGEND, data=graph_data(ctx), request_path="/network", page_url="/network", json_url=None,
        nav=[])
    assert "<script>alert" not in html and "<img" not in html
    block = _data_block(html)
    assert block["nodes"][0]["name"] == hostile  # intact as data, for the canvas to draw as text
