"""The analyst's workbench in a real browser: a stemmed search with its entity, event and facet
panels, a merge by name (with the name suggestions) and its undo from the edit log, a claim's
speaker followed to its entity, and the documents list narrowed by publisher.

Starts the real server on a store of fictional articles written here (one deputy spelled two
ways by two outlets, an embassy attack and a warning of attacks against embassies) and
drives Debian's Chromium through Playwright. Screenshots go to ``tests/artifacts/``.
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from browser_support import chromium, require_chromium, serving, shot, watched_page

pytestmark = pytest.mark.browser


RECORDS = [
    {"title": "Gunmen kill opposition leader Ahmed Farouk in Karachi", "publisher": "Indus Daily",
     "published": "2021-05-11",
     "text": "Gunmen killed opposition leader Ahmed Farouk in Karachi on Monday, police said.\n\n"
             "Farouk's deputy, Imran Beg, said the party would hold a protest march in Karachi on Friday. "
             "\"We will not be silenced,\" Imran Beg told reporters."},
    {"title": "Karachi mourns Ahmed Farouk", "publisher": "Sindh Observer", "published": "2021-05-12",
     "text": "Opposition leader Ahmed Farouk was shot dead in Karachi on Monday.\n\n"
             "The party's deputy leader, Imran Baig, called for calm outside the party offices."},
    {"title": "Militants attack Varennian embassy in Lisbon", "publisher": "Tagus Herald",
     "published": "2024-03-05",
     "text": "Militants of the Ostrel Front attacked the Varennian embassy in Lisbon on Monday, wounding "
             "two guards, police said. The attackers fled before officers arrived."},
    {"title": "Varennia warns of attacks against its embassies", "publisher": "Sindh Observer",
     "published": "2023-11-20",
     "text": "The Varennian intelligence service said on Tuesday that the Ostrel Front was planning attacks "
             "against Varennian embassies in Lisbon and Madrid, and raised the alert level of every mission."},
]


@dataclass
class Served:
    url: str
    db: Path


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    require_chromium()
    from newsgraph.pipeline import ingest
    from newsgraph.store import Store

    tmp = tmp_path_factory.mktemp("workbench")
    src = tmp / "in"
    src.mkdir()
    (src / "news.jsonl").write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    db = tmp / "workbench.db"
    with Store(db) as store:
        report = ingest([src], store, root=src)
        assert not report.failed, report.failed
    with serving(db, "newsgraph-workbench-server") as url:
        yield Served(url, db)


@pytest.fixture(scope="module")
def browser(served: Served):
    with chromium() as b:
        yield b


@pytest.fixture()
def page(browser, served: Served):
    with watched_page(browser, served.url) as p:
        yield p
        assert not p.problems, p.problems


_shot = shot


def _json(served: Served, path: str) -> dict:
    with urllib.request.urlopen(served.url + path) as r:  # noqa: S310 - the test's own server
        return json.loads(r.read())


def _entity_named(served: Served, name: str) -> str:
    found = [e for e in _json(served, "/api/entities?limit=100")["entities"] if e["name"] == name]
    assert len(found) == 1, name
    return found[0]["id"]


def test_browser_stemmed_search_with_entities_events_and_facets(served: Served, page):
    from playwright.sync_api import expect

    page.goto(served.url + "/search")
    box = page.locator("form.bigsearch input[name=q]")
    box.fill("embassy attack")
    box.press("Enter")
    page.wait_for_url("**/search?**")
    expect(page.locator("#search-summary")).to_contain_text("of 2 documents")
    expect(page.locator("ol.hits li.hit")).to_have_count(2)  # "attacks against its embassies" too
    events = page.locator("#search-events li")
    expect(events.first).to_contain_text("ASSAULT")
    expect(page.locator("#publisher-facets a.chip")).to_have_count(2)
    _shot(page, "workbench-search")

    page.locator("#publisher-facets a.chip", has_text="Tagus Herald").click()
    page.wait_for_url("**publisher=**")
    expect(page.locator("ol.hits li.hit")).to_have_count(1)
    expect(page.locator("ol.hits li.hit h3")).to_contain_text("Militants attack Varennian embassy")
    _shot(page, "workbench-search-facet")

    page.goto(served.url + "/search?q=Ostrel")
    expect(page.locator("#search-entities")).to_contain_text("Ostrel Front")
    page.locator("#search-entities a", has_text="Ostrel Front").click()
    page.wait_for_url("**/entities/*")
    expect(page.locator("#entity-name")).to_have_text("Ostrel Front")


def test_browser_merge_by_name_then_undo(served: Served, page):
    from playwright.sync_api import expect

    baig, beg = _entity_named(served, "Imran Baig"), _entity_named(served, "Imran Beg")
    assert baig != beg
    page.goto(f"{served.url}/entities/{baig}")
    field = page.locator("#merge-form input[name=other]")
    field.fill("Imran B")
    # The suggestions come from /api/entities: the other spelling, not this entity.
    expect(page.locator("#entity-suggest option")).to_have_count(1, timeout=5_000)
    suggested = page.locator("#entity-suggest option").first.get_attribute("value")
    assert suggested == f"Imran Beg [{beg}]"
    field.fill("Imran Beg")  # a typed name with a space works as well as the suggestion
    _shot(page, "workbench-merge-form")
    page.locator("#merge-form button[type=submit]").click()
    page.wait_for_url("**edited=X*")
    expect(page.locator("#edit-notice")).to_be_visible()
    expect(page.locator("#entity-name")).to_have_text("Imran Baig")  # the page's name kept
    expect(page.locator("#aliases")).to_contain_text("Imran Beg")
    _shot(page, "workbench-merged")

    page.goto(served.url + "/entities/edits")
    row = page.locator("#edit-log tbody tr").first
    expect(row).to_contain_text("Merged")
    expect(row.locator("a", has_text="Imran Baig")).to_be_visible()  # names and links, not ids
    _shot(page, "workbench-edit-log")
    row.locator(".undo-form button").click()
    page.wait_for_url("**/entities/edits")
    expect(page.locator("#edit-log tbody tr").first).to_contain_text("undone")
    _shot(page, "workbench-undone")
    assert _entity_named(served, "Imran Baig") != _entity_named(served, "Imran Beg")


def test_browser_claim_speaker_and_documents_filter(served: Served, page):
    from playwright.sync_api import expect

    page.goto(served.url + "/claims")
    speaker = page.locator("a.speaker-cell", has_text="Imran Beg").first
    expect(speaker).to_be_visible()
    _shot(page, "workbench-claims")
    speaker.click()
    page.wait_for_url("**/entities/*")
    expect(page.locator("#entity-name")).to_have_text("Imran Beg")

    page.goto(served.url + "/documents")
    expect(page.locator("#publisher-facets a.chip")).to_have_count(3)
    page.locator("#publisher-facets a.chip", has_text="Sindh Observer").click()
    page.wait_for_url("**publisher=**")
    rows = page.locator("table.grid tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("Sindh Observer")
    _shot(page, "workbench-documents")


def test_browser_timeline_click_through(served: Served, page):
    from playwright.sync_api import expect

    page.goto(served.url + "/timeline")
    svg = page.locator("svg#timeline")
    expect(svg).to_be_visible()
    shapes = page.locator("svg#timeline a.ev")
    assert shapes.count() >= 2
    expect(page.locator("svg#timeline a.article")).to_have_count(len(RECORDS))
    _shot(page, "workbench-timeline")
    # Zoom by a label of the axis, then open an event from the drawing.
    page.locator("svg#timeline a.tick-label").first.click()
    page.wait_for_url("**/timeline?since=*")
    page.goto(served.url + "/timeline?type=ASSAULT")
    page.locator("svg#timeline a.ev").first.click()
    page.wait_for_url("**/events/ev_*")
    expect(page.locator("h1")).to_contain_text("ASSAULT")


def _require_library() -> None:
    from newsgraph.web.vendor import CYTOSCAPE, asset_file, asset_url

    if asset_url(CYTOSCAPE) is None:
        pytest.skip(f"cytoscape {CYTOSCAPE.version} is not installed at {asset_file(CYTOSCAPE)}: "
                    "run `make install` (needs npm)")


#: Where a node or an edge of the drawing is on the page (cytoscape's rendered coordinates
#: are relative to its box), with what the click should open.
_DRAWN = """(what) => {
  const cy = window.newsgraphNetwork;
  const el = what === "node" ? cy.nodes()[0] : cy.edges()[0];
  const p = what === "node" ? el.renderedPosition() : el.renderedMidpoint();
  return {x: p.x, y: p.y, id: el.id(), name: el.data("name") || null, url: el.data("url")};
}"""


def test_browser_network_drawn_by_the_library_clicks_through(served: Served, page):
    from playwright.sync_api import expect

    _require_library()
    twin = _json(served, "/network.json")
    page.goto(served.url + "/network")
    box = page.locator("#network-graph[data-nodes]")
    expect(box).to_be_visible()
    expect(page.locator("svg#network")).to_be_hidden()  # the server's drawing is the fallback only
    assert box.locator("canvas").count() >= 1
    drawn = page.evaluate("() => window.newsgraphNetwork.nodes().map((n) => n.data('name')).sort()")
    assert drawn == sorted(n["name"] for n in twin["nodes"])
    assert page.evaluate("() => window.newsgraphNetwork.edges().length") == len(twin["edges"])
    expect(page.locator("#network-legend [data-category=material-conflict]")).to_be_visible()
    _shot(page, "workbench-network")

    # A click on a node opens its entity.
    at = box.bounding_box()
    node = page.evaluate(_DRAWN, "node")
    page.mouse.click(at["x"] + node["x"], at["y"] + node["y"])
    page.wait_for_url(f"**/entities/{node['id']}")
    expect(page.locator("#entity-name")).to_have_text(node["name"])

    # A click on an edge lists its events.
    page.goto(served.url + "/network")
    expect(box).to_be_visible()
    at = box.bounding_box()
    edge = page.evaluate(_DRAWN, "edge")
    page.mouse.click(at["x"] + edge["x"], at["y"] + edge["y"])
    page.wait_for_url("**/events?**")
    assert page.url.endswith(edge["url"])
    expect(page.locator("h1")).to_contain_text(f"Events {twin['edges'][0]['weight']}")  # the events it stands for

    page.goto(served.url + "/network?graph=comention")
    expect(box).to_be_visible()
    assert int(box.get_attribute("data-edges")) == len(_json(served, "/network.json?graph=comention")["edges"])
    _shot(page, "workbench-comention")


def test_browser_network_without_script_is_the_server_svg(served: Served, browser):
    from playwright.sync_api import expect

    context = browser.new_context(java_script_enabled=False, viewport={"width": 1360, "height": 900})
    try:
        page = context.new_page()
        page.goto(served.url + "/network")
        nodes = page.locator("svg#network a.node")
        expect(nodes.first).to_be_visible()
        expect(page.locator("#network-graph")).to_be_hidden()
        assert page.locator("svg#network .edges a").count() >= 1
        _shot(page, "workbench-network-noscript")
        name = nodes.first.locator("title").text_content().split(" (")[0]
        nodes.first.click()
        page.wait_for_url("**/entities/*")
        expect(page.locator("#entity-name")).to_have_text(name)
    finally:
        context.close()


def test_browser_timeline_panels_on_entity_and_search_pages(served: Served, page):
    from playwright.sync_api import expect

    # The entity page: its events and the articles naming it, an event a click away.
    page.goto(served.url + f"/entities/{_entity_named(served, 'Ostrel Front')}")
    panel = page.locator("#entity-timeline")
    expect(panel).to_be_visible()
    expect(panel.locator("svg a.ev").first).to_be_visible()
    expect(panel.locator("svg a.article")).to_have_count(2)
    panel.scroll_into_view_if_needed()
    _shot(page, "workbench-entity-timeline")
    panel.locator("svg a.ev").first.click()
    page.wait_for_url("**/events/ev_*")

    # The search page: the matched events and hits; an axis label narrows the search.
    page.goto(served.url + "/search?q=embassy+attack")
    panel = page.locator("#search-timeline")
    expect(panel).to_be_visible()
    expect(panel.locator("svg a.article")).to_have_count(2)
    _shot(page, "workbench-search-timeline")
    label = panel.locator("svg a.tick-label").first
    year = label.locator("text").text_content()
    label.click()
    page.wait_for_url("**/search?q=embassy*since=*")
    expect(page.locator("#search-summary")).to_be_visible()
    assert f"since={year}" in page.url
