"""An entity edit while another process writes the store is refused before anything is written."""

from __future__ import annotations

from pathlib import Path

from api_articles import BASE
from fastapi.testclient import TestClient
from resolved_articles import build, entity_at
from typer.testing import CliRunner

from newsgraph.api.app import create_app
from newsgraph.cli.main import app as cli
from newsgraph.store import Store


def _rows(db: Path) -> tuple[int, list[tuple], list[tuple]]:
    with Store(db, readonly=True) as store:
        return (store.conn.execute("SELECT count(*) FROM entity_edits").fetchone()[0],
                store.conn.execute("SELECT * FROM entities ORDER BY id").fetchall(),
                store.conn.execute("SELECT * FROM entity_mentions ORDER BY doc_id, start").fetchall())


def test_an_edit_through_the_server_waits_for_no_ingest_and_writes_nothing(tmp_path: Path, other_writer):
    resolved = build(tmp_path)
    beg = entity_at(resolved.db, resolved.ids["farouk_a.txt"], "Imran Beg")
    before = _rows(resolved.db)
    with TestClient(create_app(resolved.db), base_url=BASE) as c:
        with other_writer(resolved.db):  # a `newsgraph ingest` running in another terminal
            refused = c.post("/api/entities/edits", json={"op": "rename", "entities": [beg], "value": "I. Beg"})
            assert refused.status_code == 409
            error = refused.json()["error"]
            assert error["code"] == "E506" and "not applied" in error["message"]
            assert _rows(resolved.db) == before  # no audit row, no rewritten entity
        done = c.post("/api/entities/edits", json={"op": "rename", "entities": [beg], "value": "I. Beg"})
        assert done.status_code == 200, done.text
    with Store(resolved.db, readonly=True) as store:
        assert store.conn.execute("SELECT name FROM entities WHERE id = ?", (beg,)).fetchone()[0] == "I. Beg"


def test_an_edit_from_the_cli_is_refused_while_another_process_writes(tmp_path: Path, other_writer):
    resolved = build(tmp_path)
    beg = entity_at(resolved.db, resolved.ids["farouk_a.txt"], "Imran Beg")
    before = _rows(resolved.db)
    with other_writer(resolved.db):
        result = CliRunner().invoke(cli, ["entity", "rename", beg, "I. Beg", "--db", str(resolved.db)])
        assert result.exit_code == 1 and "E403" in result.output
        assert _rows(resolved.db) == before
