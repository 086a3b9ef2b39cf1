"""The JSON the API and the pages' twins answer, and the OpenAPI schema, stay as they were
when the declarations of the records were made one (issue 16, item 3).

A store is built from fictional JSON records written here (an article, a near copy of it,
two others); the answers of a few endpoints are compared with ``snapshots/records_api.json``,
taken before the schemas and rows were derived from ``newsgraph.model``. Objects are compared
as parsed JSON (key order is not part of JSON); ``required`` lists of the OpenAPI schema as
sets; values that change from run to run (ingest times) are masked.

When a change of output is meant (a field added to a record), rewrite the snapshot with
``NEWSGRAPH_UPDATE_SNAPSHOTS=1`` and review its diff.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from api_articles import BASE, store_of_records
from fastapi.testclient import TestClient

from newsgraph.api.app import create_app

SNAPSHOT = Path(__file__).parent / "snapshots" / "records_api.json"

_HARBOUR = ("Workers at the harbour of the fictional town of Brisvik ended a three-day strike on Friday "
            "after the Brisvik Dockers Union accepted a pay offer from the port authority. \"This is a fair "
            "result for our members,\" said Aino Varga, the union's general secretary. The authority's "
            "chairman, Tomas Vinter, said cargo traffic would return to normal by Monday.")

RECORDS = [
    {"title": "Brisvik dockers end strike after pay deal", "publisher": "Brisvik Courier",
     "published": "2024-03-08", "text": _HARBOUR},
    # A republication with a changed last sentence: a link (copy) and a story of two articles.
    {"title": "Dockers in Brisvik end their strike", "publisher": "Kellmar Daily", "published": "2024-03-09",
     "text": _HARBOUR.replace("by Monday", "by Monday, and that waiting ships would be unloaded first")},
    {"title": "Amsel villagers move cattle uphill", "publisher": "Ferrin Valley Chronicle",
     "published": "2024-03-15",
     "text": "Residents of the fictional village of Amsel moved cattle and cars uphill on Sunday as the "
             "river rose, farmer Lena Marsk said. Police in Amsel arrested two men who attacked a "
             "rescue team near the bridge, officials said."},
]

#: Keys whose values change from one ingest to the next.
_VOLATILE = {"ingested_at", "created", "when", "at"}


def _masked(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: "<volatile>" if k in _VOLATILE else _masked(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_masked(v) for v in value]
    return value


def _openapi(schema: dict[str, Any]) -> Any:
    """The OpenAPI document with every ``required`` list sorted (its order says nothing)."""
    if isinstance(schema, dict):
        return {k: sorted(v) if k == "required" and isinstance(v, list) else _openapi(v)
                for k, v in schema.items()}
    if isinstance(schema, list):
        return [_openapi(v) for v in schema]
    return schema


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, Path]]:
    folder = tmp_path_factory.mktemp("snapshot")
    db = store_of_records(folder, RECORDS)
    with TestClient(create_app(db), base_url=BASE) as c:
        yield c, folder


def _get(c: TestClient, path: str) -> Any:
    r = c.get(path)
    assert r.status_code == 200, (path, r.text)
    return r.json()


def _answers(c: TestClient) -> dict[str, Any]:
    docs = _get(c, "/api/documents")["documents"]
    doc = docs[0]["id"]
    entity = _get(c, "/api/entities")["entities"][0]["id"]
    events = _get(c, "/api/events")["events"]
    stories = _get(c, "/api/stories")["stories"]
    links = _get(c, "/api/links")["links"]
    assert events and stories and links, "the records must yield an event, a story and a link"
    paths = [
        "/api/documents", f"/api/documents/{doc}", f"/api/documents/{doc}/mentions", "/api/search?q=strike",
        "/api/entities", f"/api/entities/{entity}", "/api/events", f"/api/events/{events[0]['id']}",
        "/api/claims", "/api/stories", f"/api/stories/{stories[0]['id']}", "/api/links",
        "/documents.json", f"/documents/{doc}.json", "/search.json?q=strike", "/entities.json",
        f"/entities/{entity}.json", "/events.json", f"/events/{events[0]['id']}.json", "/claims.json",
        "/stories.json", f"/stories/{stories[0]['id']}.json", "/links.json",
        f"/links/{links[0]['a']}/{links[0]['b']}.json",
    ]
    out = {p: _masked(_get(c, p)) for p in paths}
    out["/openapi.json"] = _openapi(_get(c, "/openapi.json"))
    return out


def test_api_and_twins_answer_as_before(client: tuple[TestClient, Path]):
    c, folder = client
    # Documents keep the path they were ingested from: the test's temporary folder.
    now = json.loads(json.dumps(_answers(c)).replace(json.dumps(str(folder))[1:-1], "<dir>"))
    if os.environ.get("NEWSGRAPH_UPDATE_SNAPSHOTS") == "1":
        SNAPSHOT.parent.mkdir(exist_ok=True)
        SNAPSHOT.write_text(json.dumps(now, indent=1, sort_keys=True, ensure_ascii=False) + "\n",
                            encoding="utf-8")
    before = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assert sorted(now) == sorted(before)
    for path in before:
        assert now[path] == before[path], f"{path} answers otherwise than the snapshot"
