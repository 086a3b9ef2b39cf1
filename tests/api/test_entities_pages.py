"""Entity pages, the entity JSON API and analyst edits through the web layer, on articles the
tests contain (``resolved_articles``) ingested through the pipeline into a temp store."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from api_articles import BASE
from fastapi.testclient import TestClient
from resolved_articles import LATER, Resolved, build, entity_at, ingest_into, write

from newsgraph.api.app import create_app


@pytest.fixture(scope="module")
def resolved(tmp_path_factory: pytest.TempPathFactory) -> Resolved:
    return build(tmp_path_factory.mktemp("entities"))


@pytest.fixture()
def client(resolved: Resolved) -> Iterator[TestClient]:
    with TestClient(create_app(resolved.db), base_url=BASE) as c:
        yield c


@pytest.fixture()
def fresh(tmp_path: Path) -> Resolved:
    """A store of its own, for tests that edit."""
    return build(tmp_path)


def test_entities_page_shows_aliases_mentions_and_cooccurring(client: TestClient, resolved: Resolved):
    farouk = entity_at(resolved.db, resolved.ids["farouk_a.txt"], "Ahmed Farouk")
    data = client.get(f"/entities/{farouk}.json").json()
    assert data["ok"] is True and data["name"] == "Ahmed Farouk" and data["type"] == "PERSON"
    aliases = {a["value"]: a["count"] for a in data["aliases"]}
    assert aliases["Ahmed Farouk"] == 2 and aliases["Farouk"] >= 2
    docs = {m["doc"] for m in data["mentions"]}
    assert docs == set(resolved.ids.values())  # mentions across both articles
    killed = next(m for m in data["mentions"] if m["sentence"] and "Gunmen killed" in m["sentence"]["before"])
    assert killed["sentence"]["hit"] == "Ahmed Farouk" and killed["url"].endswith(f"#m-{killed['start']}")
    names = {c["name"]: c for c in data["cooccurring"]}
    assert names["Karachi"]["sentences"] >= 2 and names["Karachi"]["documents"] == 2
    assert any(e["type"] == "ASSAULT" and "target" in e["roles"] for e in data["events"])
    assert any("corruption" in c["text"] for c in data["claims_by"])  # "Farouk, who led …, had accused …"
    # A claim about him reports the killing: the entity page links the claim to its event.
    reported = [e for c in data["claims_about"] for e in c["events"]]
    assert any(e["type"] == "ASSAULT" and e["url"].startswith("/events/") for e in reported)

    page = client.get(f"/entities/{farouk}")
    assert page.status_code == 200
    html = page.text
    assert '<h1 id="entity-name">Ahmed Farouk</h1>' in html
    assert f'href="/entities/{names["Karachi"]["id"]}"' in html
    assert 'name="csrf"' in html and f'action="/entities/{farouk}/edit"' in html
    # Article text reaches the page escaped, never as markup.
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_entities_list_filters_and_alias_search(client: TestClient, resolved: Resolved):
    people = client.get("/entities.json?type=PERSON").json()
    assert people["entities"] and {e["type"] for e in people["entities"]} == {"PERSON"}
    counts = [e["mention_count"] for e in people["entities"]]
    assert counts == sorted(counts, reverse=True)
    beg = client.get("/entities.json?name=Beg").json()["entities"]
    assert [e["name"] for e in beg] == ["Imran Beg"]
    assert client.get("/entities.json?name=kwm").json()["entities"][0]["name"] == "Karachi Workers Movement"
    many = client.get("/entities.json?min_mentions=3").json()["entities"]
    assert many and all(e["mention_count"] >= 3 for e in many)
    api = client.get("/api/entities?type=PERSON&limit=2").json()
    assert api["ok"] and api["total"] == people["pager"]["total"] and len(api["entities"]) == 2
    html = client.get("/entities?type=PERSON").text
    assert "Ahmed Farouk" in html and "Karachi Workers Movement" not in html


def test_entities_article_mentions_link_to_their_entity_and_list_events(client: TestClient, resolved: Resolved):
    doc = resolved.ids["farouk_b.txt"]
    farouk = entity_at(resolved.db, doc, "Ahmed Farouk")
    html = client.get(f"/documents/{doc}").text
    assert f'<a class="ent" href="/entities/{farouk}" data-entity="{farouk}">' in html
    assert 'id="events"' in html and "ASSAULT" in html
    data = client.get(f"/documents/{doc}.json").json()
    assert any(m["entity"] == farouk for m in data["mentions"])
    assert any(e["type"] == "ASSAULT" for e in data["events"])


def test_entities_api_one_entity_and_unknown_is_404(client: TestClient, resolved: Resolved):
    farouk = entity_at(resolved.db, resolved.ids["farouk_a.txt"], "Ahmed Farouk")
    r = client.get(f"/api/entities/{farouk}?limit=2").json()
    assert r["ok"] and r["entity"]["name"] == "Ahmed Farouk" and r["mentions_total"] >= 4
    assert len(r["entity"]["mentions"]) == 2 and r["entity"]["aliases"]["Ahmed Farouk"] == 2
    for url in ("/api/entities/E0000000000000000", "/entities/E0000000000000000.json"):
        bad = client.get(url)
        assert bad.status_code == 404 and bad.json()["error"]["code"] == "E503"
    spec = client.get("/openapi.json").json()
    assert "EntityEditRequest" in spec["components"]["schemas"]
    assert "post" in spec["paths"]["/api/entities/edits"]


def test_entities_merge_via_api_is_logged_and_survives_reingest(fresh: Resolved, tmp_path: Path):
    a, b = fresh.ids["farouk_a.txt"], fresh.ids["farouk_b.txt"]
    beg, baig = entity_at(fresh.db, a, "Imran Beg"), entity_at(fresh.db, b, "Imran Baig")
    assert beg != baig  # two spellings resolution alone keeps apart
    with TestClient(create_app(fresh.db), base_url=BASE) as c:
        r = c.post("/api/entities/edits", json={"op": "merge", "entities": [beg, baig], "author": "ana",
                                                "note": "same deputy, two transliterations"})
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["ok"] and body["edit"]["op"] == "merge" and body["primary"] in (beg, baig)
        merged = body["primary"]
        page = c.get(f"/entities/{merged}.json").json()
        assert {x["value"] for x in page["aliases"]} >= {"Imran Beg", "Imran Baig"}
        log = c.get("/entities/edits.json").json()["edits"]
        assert [(e["op"], e["author"], e["withdrawn"]) for e in log] == [("merge", "ana", None)]
        assert c.get("/api/entities/edits").json()["edits"][0]["id"] == body["edit"]["id"]
        assert "same deputy" in c.get("/entities/edits").text
    # Re-ingest the same files plus a new one: the edit holds, the new article too.
    write(fresh.src, LATER)
    ids = ingest_into(fresh.db, fresh.src)
    assert entity_at(fresh.db, a, "Imran Beg") == entity_at(fresh.db, b, "Imran Baig")
    later = entity_at(fresh.db, ids["farouk_c.txt"], "Imran Baig")
    assert later == entity_at(fresh.db, a, "Imran Beg")


def test_entities_distinct_keeps_two_apart_after_reingest(fresh: Resolved):
    a, b = fresh.ids["farouk_a.txt"], fresh.ids["farouk_b.txt"]
    farouk = entity_at(fresh.db, a, "Ahmed Farouk")
    assert entity_at(fresh.db, b, "Ahmed Farouk") == farouk  # one person by default
    with TestClient(create_app(fresh.db), base_url=BASE) as c:
        page = c.get(f"/entities/{farouk}.json").json()
        keys = [m["key"] for m in page["mentions"] if m["doc"] == b]
        split = c.post("/api/entities/edits", json={"op": "split", "entities": [farouk], "mentions": keys}).json()
        other = entity_at(fresh.db, b, "Ahmed Farouk")
        farouk = entity_at(fresh.db, a, "Ahmed Farouk")
        assert other != farouk
        r = c.post("/api/entities/edits", json={"op": "distinct", "entities": [farouk, other]})
        assert r.status_code == 200, r.text
    # Take the split back: only the "not the same" statement now keeps them apart.
    from newsgraph.resolve_job import CorpusResolver
    from newsgraph.store import Store

    with Store(fresh.db) as store:
        CorpusResolver(store).withdraw(split["edit"]["id"])
    assert entity_at(fresh.db, a, "Ahmed Farouk") != entity_at(fresh.db, b, "Ahmed Farouk")
    write(fresh.src, LATER)
    ingest_into(fresh.db, fresh.src)
    assert entity_at(fresh.db, a, "Ahmed Farouk") != entity_at(fresh.db, b, "Ahmed Farouk")
    with Store(fresh.db, readonly=True) as store:
        log = {r[0]: r[1] for r in store.conn.execute("SELECT op, withdrawn FROM entity_edits")}
    assert log["split"] is not None and log["distinct"] is None


def test_entities_form_edits_need_the_form_token(fresh: Resolved):
    a = fresh.ids["farouk_a.txt"]
    qureshi = entity_at(fresh.db, a, "Nadia Qureshi")
    with TestClient(create_app(fresh.db), base_url=BASE) as c:
        url = f"/entities/{qureshi}/edit"
        refused = c.post(url, data={"op": "rename", "value": "N. Qureshi"}, follow_redirects=False)
        assert refused.status_code == 403 and "E505" in refused.text
        csrf = c.app.state.config.csrf_token
        cross = c.post(url, data={"op": "rename", "value": "X", "csrf": csrf},
                       headers={"Origin": "http://evil.example"}, follow_redirects=False)
        assert cross.status_code == 403
        ok = c.post(url, data={"op": "alias_add", "value": "Ms Qureshi", "csrf": csrf}, follow_redirects=False)
        assert ok.status_code == 303 and "edited=X" in ok.headers["location"]
        page = c.get(ok.headers["location"])
        assert 'id="edit-notice"' in page.text and "Ms Qureshi" in page.text
        renamed = c.post(url, data={"op": "rename", "value": "Nadia Qureshi (police)", "csrf": csrf})
        assert renamed.status_code == 200 and "Nadia Qureshi (police)" in renamed.text
        bad = c.post(url, data={"op": "merge", "other": "", "csrf": csrf}, follow_redirects=False)
        assert bad.status_code == 422 and "E601" in bad.text


def test_entities_api_edit_refuses_cross_site_and_bad_edits(fresh: Resolved):
    beg = entity_at(fresh.db, fresh.ids["farouk_a.txt"], "Imran Beg")
    with TestClient(create_app(fresh.db), base_url=BASE) as c:
        body = json.dumps({"op": "rename", "entities": [beg], "value": "X"})
        plain = c.post("/api/entities/edits", content=body, headers={"Content-Type": "text/plain"})
        assert plain.status_code in (415, 422) and plain.json()["ok"] is False
        cross = c.post("/api/entities/edits", json={"op": "rename", "entities": [beg], "value": "X"},
                       headers={"Origin": "http://evil.example"})
        assert cross.status_code == 403 and cross.json()["error"]["code"] == "E505"
        unknown = c.post("/api/entities/edits", json={"op": "merge", "entities": [beg, "E0000000000000000"]})
        assert unknown.status_code == 422 and unknown.json()["error"]["code"] == "E601"
        badop = c.post("/api/entities/edits", json={"op": "explode", "entities": [beg]})
        assert badop.status_code == 422
        assert c.get("/entities/edits.json").json()["pager"]["total"] == 0


def test_entity_panels_read_the_latest_documents_of_a_hub(client: TestClient, resolved: Resolved,
                                                          monkeypatch: pytest.MonkeyPatch):
    """An entity named in more documents than the panels read says so, and its panels
    come from its most recently ingested document only."""
    from newsgraph.api.views import entities as view

    monkeypatch.setattr(view, "PANEL_DOCUMENTS", 1)
    farouk = entity_at(resolved.db, resolved.ids["farouk_a.txt"], "Ahmed Farouk")
    data = client.get(f"/entities/{farouk}.json").json()
    assert data["panel_documents"] == 1 and data["doc_count"] == 2
    assert {c["documents"] for c in data["cooccurring"]} == {1}
    assert len({m["doc"] for m in data["mentions"]}) == 2  # the mention list itself is complete
    assert "read from its 1 latest documents (of 2)" in client.get(f"/entities/{farouk}").text
    monkeypatch.setattr(view, "PANEL_DOCUMENTS", 300)
    assert client.get(f"/entities/{farouk}.json").json()["panel_documents"] is None
