"""The timeline and network pages and their JSON twins, on fictional articles written here: an
embassy attack, a warning that attacks are planned (hypothetical), an accusation between two
states."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from api_articles import BASE, store_of_records
from fastapi.testclient import TestClient

from newsgraph.api.app import create_app

RECORDS = [
    {"title": "Militants attack Varennian embassy in Lisbon", "publisher": "Tagus Herald",
     "published": "2024-03-05",
     "text": "Militants of the Ostrel Front attacked the Varennian embassy in Lisbon on Monday, wounding "
             "two guards, police said. The attackers fled before officers arrived."},
    {"title": "Varennia warns of attacks against its embassies", "publisher": "Sindh Observer",
     "published": "2023-11-20",
     "text": "The Varennian intelligence service said on Tuesday that the Ostrel Front was planning attacks "
             "against Varennian embassies in Lisbon and Madrid, and raised the alert level of every mission."},
    {"title": "Portugal accuses Varennia over embassy guards", "publisher": "Tagus Herald",
     "published": "2024-03-07",
     "text": "Portugal accused Varennia on Wednesday of sending armed guards to its embassy in Lisbon "
             "without permission. Varennia rejected the accusation."},
]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = store_of_records(tmp_path_factory.mktemp("timeline"), RECORDS)
    with TestClient(create_app(db), base_url=BASE) as c:
        yield c


def test_timeline_draws_dated_events_and_articles(client: TestClient):
    body = client.get("/timeline.json").json()
    assert body["ok"] and len(body["articles"]) == 3
    assault = [e for e in body["events"] if e["type"] == "ASSAULT"]
    assert {e["start"][:7] for e in assault} == {"2024-03", "2023-11"}
    page = client.get("/timeline").text
    assert '<svg class="timeline"' in page
    for e in body["events"]:  # every event drawn, linked to its page; the planned one hollow
        link = re.search(rf'<a href="{re.escape(e["url"])}" class="([^"]+)"', page)
        assert link, e["id"]
        assert ("unreal" in link.group(1)) == bool({"hypothetical", "attempted", "negated"} & set(e["flags"]))
    assert any("hypothetical" in e["flags"] for e in assault)  # "was planning attacks"
    for a in body["articles"]:
        assert f'href="{a["url"]}"' in page
    dots = [tuple(map(float, m)) for m in re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)"', page)]
    assert len(dots) >= 3
    for i, (x1, y1, r1) in enumerate(dots):  # dots never hide one another: each stays clickable
        for x2, y2, r2 in dots[i + 1:]:
            assert y1 != y2 or abs(x1 - x2) >= r1 + r2, (x1, y1, x2, y2)
    hypothetical = next(e for e in body["events"] if "hypothetical" in e["flags"])
    planned_x = float(re.search(rf'href="{re.escape(hypothetical["url"])}"[^>]*>.*?<circle cx="([\d.]+)"',
                                page).group(1))
    assert planned_x < min(x for x, _, _ in dots if x != planned_x)  # November 2023: left of March 2024


def test_timeline_zooms_and_filters(client: TestClient):
    only_2024 = client.get("/timeline.json?since=2024&until=2024").json()
    assert only_2024["events"] and all(e["start"].startswith("2024") for e in only_2024["events"])
    assert [a["published"] for a in only_2024["articles"]] == ["2024-03-07", "2024-03-05"]
    assert only_2024["zoom_out_url"]
    page = client.get("/timeline?since=2024&until=2024").text
    assert 'href="/timeline?since=2024-03&amp;until=2024-03"' in page  # a month label zooms to it
    typed = client.get("/timeline.json?type=accuse").json()
    assert typed["events"] and {e["type"] for e in typed["events"]} == {"ACCUSE"}
    front = next(n for n in client.get("/network.json").json()["nodes"] if n["name"] == "Ostrel Front")
    of_front = client.get(f"/timeline.json?entity={front['id']}").json()
    assert of_front["entity_name"] == "Ostrel Front" and of_front["events"]
    assert all(e["type"] == "ASSAULT" for e in of_front["events"])
    assert client.get("/timeline?since=March").status_code == 422


def test_network_of_actors_and_targets_and_of_comentions(client: TestClient):
    body = client.get("/network.json").json()
    names = {n["id"]: n["name"] for n in body["nodes"]}
    edges = {(names[e["source"]], names[e["target"]], e["type"]) for e in body["edges"]}
    assert ("Portugal", "Varennia", "ACCUSE") in edges
    for e in body["edges"]:
        assert e["url"].startswith("/events?") and f"actor={e['source']}" in e["url"]
    page = client.get("/network").text
    assert '<svg class="network"' in page
    for n in body["nodes"]:  # every node links to its entity
        assert f'href="{n["url"]}"' in page
    accuse = client.get("/network.json?type=ACCUSE").json()
    assert {e["type"] for e in accuse["edges"]} == {"ACCUSE"}
    co = client.get("/network.json?graph=comention").json()
    assert co["graph"] == "comention" and co["nodes"]
    pairs = [frozenset((e["source"], e["target"])) for e in co["edges"]]
    assert len(pairs) == len(set(pairs)) and all(e["type"] is None for e in co["edges"])
    assert client.get("/network?graph=spiral").status_code == 422


def test_network_top_entities_break_ties_by_id_not_insertion_order():
    # Counts filled from sets come in a per-process order; the graph must not change with it.
    from collections import Counter

    from newsgraph.api.views.network import _top

    for order in (["b", "a", "c", "d"], ["d", "c", "a", "b"]):
        counts = Counter({e: (2 if e == "c" else 1) for e in order})
        assert _top(counts, 2) == {"c", "a"}
