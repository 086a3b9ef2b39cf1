"""The map (``/map`` + GeoJSON-like twin), place pages, place facets on search, the TopoJSON decoder."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from api_articles import BASE
from fastapi.testclient import TestClient
from test_claims_articles import FactsCorpus, build_facts_store

from newsgraph.api.app import create_app


@pytest.fixture(scope="module")
def facts(tmp_path_factory: pytest.TempPathFactory) -> FactsCorpus:
    return build_facts_store(tmp_path_factory.mktemp("map"))


@pytest.fixture()
def fclient(facts: FactsCorpus) -> Iterator[TestClient]:
    with TestClient(create_app(facts.db), base_url=BASE) as c:
        yield c


def _features(data: dict) -> dict[str, dict]:
    return {f["properties"]["name"]: f for f in data["features"]}


def test_map_json_has_a_point_per_resolved_place(fclient: TestClient):
    data = fclient.get("/map.json").json()
    assert data["ok"] is True and data["type"] == "FeatureCollection"
    feats = _features(data)
    assert {"Lisbon", "Nairobi", "Kisumu", "Portugal", "Kenya", "Spain"} <= set(feats)
    lisbon = feats["Lisbon"]
    assert lisbon["geometry"]["type"] == "Point"
    lon, lat = lisbon["geometry"]["coordinates"]
    assert abs(lon - -9.14) < 0.2 and abs(lat - 38.72) < 0.2
    assert lisbon["properties"]["country"] == "PT" and lisbon["properties"]["mentions"] == 1
    assert lisbon["properties"]["url"] == f"/places?id={lisbon['id']}"


def test_map_page_draws_points_and_country_filter(fclient: TestClient):
    page = fclient.get("/map")
    assert page.status_code == 200
    assert '<svg class="map"' in page.text and page.text.count('<a class="pt') >= 6
    assert "style=" not in page.text.split('<svg class="map"')[1].split("</svg>")[0]  # CSP: no inline styles
    kenya = fclient.get("/map.json?country=ke").json()
    assert {f["properties"]["country"] for f in kenya["features"]} == {"KE"}


def test_map_focus_centres_the_view(fclient: TestClient):
    lisbon = _features(fclient.get("/map.json").json())["Lisbon"]
    data = fclient.get(f"/map.json?focus={lisbon['id']}&zoom=8").json()
    assert data["focus"]["name"] == "Lisbon" and data["zoom"] == 8
    assert data["center"] == lisbon["geometry"]["coordinates"]
    page = fclient.get(f"/map?focus={lisbon['id']}&zoom=8").text
    assert '<a class="pt focus"' in page


def test_map_without_country_shapes_still_draws_points_with_a_note(fclient: TestClient, monkeypatch,
                                                                   tmp_path):
    monkeypatch.setenv("NEWSGRAPH_WORLD_ATLAS", str(tmp_path / "missing.json"))
    data = fclient.get("/map.json").json()
    assert data["basemap"] is False and "not found" in data["note"]
    page = fclient.get("/map").text
    assert 'id="map-note"' in page and '<a class="pt' in page and 'class="country' not in page


def test_map_place_page_lists_mentions_in_their_sentences(fclient: TestClient, facts: FactsCorpus):
    kisumu = _features(fclient.get("/map.json").json())["Kisumu"]
    data = fclient.get(f"/places.json?id={kisumu['id']}").json()
    assert data["place"]["name"] == "Kisumu" and data["place"]["country_name"] == "Kenya"
    (m,) = data["mentions"]
    assert m["doc"] == facts.ids["nairobi.txt"] and m["sentence"]["hit"] == "Kisumu"
    assert m["sentence"]["before"].endswith("send aid to families in ")
    page = fclient.get(f"/places?id={kisumu['id']}").text
    assert '<mark class="hit">Kisumu</mark>' in page
    assert fclient.get("/places.json?id=1").status_code == 404
    listing = fclient.get("/places.json?country=PT").json()
    assert {p["name"] for p in listing["places"]} == {"Lisbon", "Portugal"}


def test_map_search_has_place_facets_that_filter(fclient: TestClient, facts: FactsCorpus):
    data = fclient.get("/search.json?q=government").json()
    assert data["pager"]["total"] == 2
    countries = {f["key"]: f for f in data["countries"]}
    assert countries["PT"]["documents"] == 1 and countries["KE"]["documents"] == 1
    assert countries["KE"]["name"] == "Kenya"
    narrowed = fclient.get(countries["KE"]["url"].replace("/search?", "/search.json?")).json()
    assert [h["id"] for h in narrowed["hits"]] == [facts.ids["nairobi.txt"]]
    assert narrowed["country"] == "KE" and {f["key"] for f in narrowed["countries"]} == {"KE"}
    lisbon = next(f for f in data["places"] if f["name"] == "Lisbon")
    by_place = fclient.get(f"/search.json?q=government&place={lisbon['key']}").json()
    assert [h["id"] for h in by_place["hits"]] == [facts.ids["lisbon.txt"]]
    page = fclient.get("/search?q=government").text
    assert 'id="place-facets"' in page and "Kenya" in page
    assert fclient.get("/search.json?q=government&country=Kenya").status_code == 422


def test_map_topojson_decoder_undoes_quantization_and_delta_encoding():
    from newsgraph.web.topojson import decode

    topology = {
        "type": "Topology",
        "transform": {"scale": [0.5, 0.25], "translate": [10, 20]},
        "arcs": [[[0, 0], [2, 0], [0, 4]], [[2, 4], [-2, -4]]],  # delta-encoded, quantized
        "objects": {"countries": {"type": "GeometryCollection", "geometries": [
            {"type": "Polygon", "arcs": [[0, 1]], "id": "001", "properties": {"name": "Square-ish"}},
            {"type": "MultiPolygon", "arcs": [[[~1, ~0]]], "id": "002", "properties": {"name": "Reversed"}},
            {"type": "Point", "coordinates": [0, 0]},
        ]}},
    }
    first, second = decode(topology, "countries")
    assert first.name == "Square-ish" and first.id == "001"
    assert first.polygons == [[[(10.0, 20.0), (11.0, 20.0), (11.0, 21.0), (10.0, 20.0)]]]
    assert second.polygons == [[[(10.0, 20.0), (11.0, 21.0), (11.0, 20.0), (10.0, 20.0)]]]


def test_map_ring_across_the_antimeridian_is_split():
    from newsgraph.web.basemap import _split_antimeridian

    ring = [(179.0, -16.0), (-179.0, -16.0), (-179.0, -17.0), (179.0, -17.0), (179.0, -16.0)]
    parts = _split_antimeridian(ring)
    assert len(parts) == 2
    for part in parts:
        lons = [lon for lon, _ in part]
        assert max(lons) - min(lons) <= 1.0 + 1e-9  # each side stays on its side
