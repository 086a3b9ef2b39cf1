"""Editing entities by name from their pages: a merge picks the other entity by a name with
spaces, keeps the name and type of the page it was made on (or the other's when asked), a
name that is not one entity's answers the candidates, an entity's type can be changed, the
log names the entities with links, and every edit can be undone (the same as ``withdraw``).

Runs on the fictional articles of ``resolved_articles`` ingested into a temp store.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from api_articles import BASE
from fastapi.testclient import TestClient
from resolved_articles import Resolved, build, entity_at

from newsgraph.api.app import create_app


@pytest.fixture()
def fresh(tmp_path: Path) -> Resolved:
    return build(tmp_path)


def _entity(c: TestClient, entity_id: str) -> dict:
    r = c.get(f"/entities/{entity_id}.json")
    assert r.status_code == 200, r.text
    return r.json()


def test_entity_merge_by_name_keeps_the_page_entity_name_and_type(fresh: Resolved):
    a, b = fresh.ids["farouk_a.txt"], fresh.ids["farouk_b.txt"]
    beg, baig = entity_at(fresh.db, a, "Imran Beg"), entity_at(fresh.db, b, "Imran Baig")
    assert beg != baig
    with TestClient(create_app(fresh.db), base_url=BASE) as c:
        csrf = c.app.state.config.csrf_token
        baig_type = _entity(c, baig)["type"]
        # From the later entity's page, by its name with a space (no id typed).
        r = c.post(f"/entities/{baig}/edit", data={"op": "merge", "other": "Imran Beg", "csrf": csrf},
                   follow_redirects=False)
        assert r.status_code == 303, r.text
        merged = _entity(c, r.headers["location"].split("/entities/")[1].split("?")[0])
        # The page's entity survives: its id, name and type (the other one is older).
        assert merged["id"] == baig and _entity(c, baig)["name"] == "Imran Baig"
        assert c.get(f"/entities/{beg}.json").status_code == 404
        assert merged["name"] == "Imran Baig" and merged["type"] == baig_type
        assert {x["value"] for x in merged["aliases"]} >= {"Imran Beg", "Imran Baig"}
        assert entity_at(fresh.db, a, "Imran Beg") == entity_at(fresh.db, b, "Imran Baig")
        log = c.get("/entities/edits.json").json()["edits"]
        assert log[0]["op"] == "merge" and log[0]["value"] == "Imran Baig"

        # Undo from the log's button: the two spellings are two entities again.
        page = c.get("/entities/edits").text
        undo = re.search(r'action="(/entities/edits/X[0-9a-f]+/withdraw)"', page)
        assert undo is not None
        r = c.post(undo.group(1), data={"csrf": csrf, "back": "log"}, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].startswith("/entities/edits")
        assert entity_at(fresh.db, a, "Imran Beg") != entity_at(fresh.db, b, "Imran Baig")
        log = c.get("/entities/edits.json").json()["edits"]
        assert log[0]["withdrawn"] and log[0]["undo_url"] is None
        assert "undone" in c.get("/entities/edits").text

        # The same merge asked to keep the other entity's name.
        baig = entity_at(fresh.db, b, "Imran Baig")
        r = c.post(f"/entities/{baig}/edit", data={"op": "merge", "other": "imran beg", "keep": "other",
                                                    "csrf": csrf}, follow_redirects=False)
        assert r.status_code == 303, r.text
        assert _entity(c, entity_at(fresh.db, b, "Imran Baig"))["name"] == "Imran Beg"


def test_entity_name_that_is_not_one_entity_answers_the_candidates(fresh: Resolved):
    a = fresh.ids["farouk_a.txt"]
    qureshi = entity_at(fresh.db, a, "Nadia Qureshi")
    with TestClient(create_app(fresh.db), base_url=BASE) as c:
        csrf = c.app.state.config.csrf_token
        # "Imran" is a part of two entities' names: a page to choose from, not an error.
        r = c.post(f"/entities/{qureshi}/edit", data={"op": "merge", "other": "Imran", "csrf": csrf})
        assert r.status_code == 200
        assert "Imran Beg" in r.text and "Imran Baig" in r.text
        picks = re.findall(r'name="other" value="(E[0-9a-f]{16})"', r.text)
        assert len(picks) >= 2 and qureshi not in picks
        # Nothing of the kind: said plainly, with a way on.
        none = c.post(f"/entities/{qureshi}/edit", data={"op": "distinct", "other": "Zorblax Quint",
                                                         "csrf": csrf})
        assert none.status_code == 200 and "No entity is named" in none.text
        # The JSON answer is an error naming the candidates.
        j = c.post(f"/entities/{qureshi}/edit",
                   data={"op": "merge", "other": "Imran", "csrf": csrf}, headers={"Accept": "application/json"})
        assert j.status_code == 422 and j.json()["error"]["code"] == "E601"
        assert "Imran Beg" in j.json()["error"]["message"]
        assert c.get("/entities/edits.json").json()["pager"]["total"] == 0


def test_entity_type_change_and_undo_through_the_api(fresh: Resolved):
    a = fresh.ids["farouk_a.txt"]
    qureshi = entity_at(fresh.db, a, "Nadia Qureshi")
    with TestClient(create_app(fresh.db), base_url=BASE) as c:
        before = _entity(c, qureshi)["type"]
        wanted = "PERSON" if before != "PERSON" else "ORG"
        r = c.post("/api/entities/edits", json={"op": "retype", "entities": [qureshi], "value": wanted.lower()})
        assert r.status_code == 200, r.text
        edit_id = r.json()["edit"]["id"]
        after = _entity(c, qureshi)
        assert after["type"] == wanted and after["type_confidence"] == 1.0
        assert c.post("/api/entities/edits", json={"op": "retype", "entities": [qureshi],
                                                   "value": "WIZARD"}).status_code == 422
        page = c.get("/entities/edits").text
        assert "Type set" in page and "Nadia Qureshi" in page and f"/entities/{qureshi}" in page
        w = c.post(f"/api/entities/edits/{edit_id}/withdraw")
        assert w.status_code == 200 and w.json()["withdrawn"] == edit_id and qureshi in w.json()["entities"]
        assert _entity(c, qureshi)["type"] == before
        again = c.post(f"/api/entities/edits/{edit_id}/withdraw")
        assert again.status_code == 422 and again.json()["error"]["code"] == "E601"
        assert c.post("/api/entities/edits/X0000000000000000/withdraw").status_code == 404
        cross = c.post(f"/api/entities/edits/{edit_id}/withdraw", headers={"Origin": "http://evil.example"})
        assert cross.status_code == 403
        assert c.post(f"/entities/edits/{edit_id}/withdraw", data={}).status_code == 403  # no form token
