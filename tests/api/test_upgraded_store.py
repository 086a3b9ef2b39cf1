"""An app started on a store written by an older newsgraph brings its schema up to date
first: request connections are read-only, and the publishers page and the search facets
read tables that migrations 6 to 8 add (filled from what the store already holds)."""

from __future__ import annotations

import json
from pathlib import Path

from api_articles import BASE
from fastapi.testclient import TestClient

from newsgraph.api.app import create_app
from newsgraph.pipeline import ingest
from newsgraph.settings import Options
from newsgraph.store import Store

ARTICLE = {"url": "https://example.org/quay", "title": "Quay workers strike in Hamburg",
           "publisher": "Harbour Weekly", "date": "2025-04-02",
           "text": "Quay workers in Hamburg walked out on Monday over pay, the union said. "
                   "The port authority said talks would resume in Hamburg on Thursday."}


def test_app_on_an_older_store_migrates_it(tmp_path: Path, rewind_to_v5):
    src = tmp_path / "feed"
    src.mkdir()
    (src / "feed.jsonl").write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    db = tmp_path / "old.db"
    with Store(db) as store:
        ingest([src], store, Options(resolve=False), root=src)
        rewind_to_v5(store.conn)
    with TestClient(create_app(db), base_url=BASE) as client:
        pubs = client.get("/publishers.json").json()["publishers"]
        assert [(p["publisher"], p["articles"]) for p in pubs] == [("Harbour Weekly", 1)]
        search = client.get("/search.json?q=quay").json()
        assert search["pager"]["total"] == 1
        assert [(c["key"], c["documents"]) for c in search["countries"]] == [("DE", 1)]
        assert client.get("/map.json").status_code == 200
    with Store(db) as store:
        assert store.version >= 8
