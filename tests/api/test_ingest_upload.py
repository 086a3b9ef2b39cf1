"""Ingest from the UI: uploads land inside the uploads folder, run in the background, report status."""

from __future__ import annotations

import time
from pathlib import Path

from api_articles import BASE, COUNCIL, HARBOUR
from fastapi.testclient import TestClient

from newsgraph.api.app import create_app
from newsgraph.api.uploads import safe_name

#: A guard against a hung job, not a timing assertion: the first ingest loads spaCy.
JOB_GUARD_SECONDS = 300


def _wait_done(c: TestClient) -> dict:
    deadline = time.monotonic() + JOB_GUARD_SECONDS
    while True:
        status = c.get("/ingest/status.json").json()["status"]
        if status["state"] != "running" or time.monotonic() > deadline:
            return status
        time.sleep(0.2)


def _upload(c: TestClient, files: list[tuple[str, bytes]], **headers: str):
    csrf = c.app.state.config.csrf_token
    return c.post("/ingest", data={"csrf": csrf}, headers=headers,
                  files=[("files", (name, data, "text/plain")) for name, data in files],
                  follow_redirects=False)


def test_upload_lands_inside_the_root_and_is_ingested(tmp_path: Path):
    db = tmp_path / "up.db"
    root = tmp_path / "up-uploads"
    outside = tmp_path / "etc"
    outside.mkdir()
    app = create_app(db)
    with TestClient(app, base_url=BASE) as c:
        r = _upload(c, [("../../etc/passwd", HARBOUR.encode()), ("..\\..\\council.txt", COUNCIL.encode())])
        assert r.status_code == 303 and r.headers["location"] == "/ingest/status"
        status = _wait_done(c)
        assert status["state"] == "done", status
        assert status["ingested"] == 2 and status["failed"] == 0, status
        saved = sorted(p.name for p in root.iterdir())
        assert saved == ["council.txt", "passwd"]
        assert not any(outside.iterdir()) and not (tmp_path.parent / "etc" / "passwd").exists()
        for doc_id in status["ingested_ids"]:
            assert c.get(f"/documents/{doc_id}.json").json()["ok"] is True
        page = c.get("/ingest/status").text
        assert "done" in page and status["ingested_ids"][0] in page

        # The same bytes again: stored once, reported as already present, file reused.
        r = _upload(c, [("passwd", HARBOUR.encode())], Accept="application/json")
        assert r.status_code == 202 and r.json()["ok"] is True
        assert r.json()["status"]["state"] in ("running", "done")
        again = _wait_done(c)
        assert again["present"] == 1 and again["ingested"] == 0
        assert sorted(p.name for p in root.iterdir()) == ["council.txt", "passwd"]


def test_upload_bad_and_oversized_files_are_reported_per_file(tmp_path: Path):
    app = create_app(tmp_path / "bad.db")
    app.state.config.max_file_bytes = 5000
    with TestClient(app, base_url=BASE) as c:
        r = _upload(c, [("big.txt", b"word " * 2000), ("empty.txt", b""), ("ok.txt", COUNCIL.encode())],
                    Accept="application/json")
        assert r.status_code == 202
        status = _wait_done(c)
        assert status["state"] == "done"
        codes = {Path(f["path"]).name: f["code"] for f in status["failures"]}
        assert codes["big.txt"] == "E102"
        assert codes["empty.txt"] == "E101"
        assert status["ingested"] == 1
        assert not (tmp_path / "bad-uploads" / "big.txt").exists()
        assert "E102" in c.get("/ingest/status").text


def test_upload_without_files_is_a_clear_error(tmp_path: Path):
    with TestClient(create_app(tmp_path / "none.db"), base_url=BASE) as c:
        r = _upload(c, [], Accept="application/json")
        assert r.status_code == 400 and r.json()["error"]["code"] == "E504"


def test_upload_names_are_sanitised():
    assert safe_name("../../etc/passwd") == "passwd"
    assert safe_name("..\\..\\win.ini") == "win.ini"
    assert safe_name("..") == "upload" and safe_name("") == "upload" and safe_name(None) == "upload"
    assert safe_name(".bashrc") == "bashrc"
    assert safe_name("a b;rm -rf.txt") == "a_b_rm_-rf.txt"
    assert safe_name("مقال.txt") == "مقال.txt"  # letters of any script are kept
    assert len(safe_name("x" * 500 + ".html")) <= 120 and safe_name("x" * 500 + ".html").endswith(".html")


def test_an_upload_waits_for_a_writer_in_another_process_and_says_so(tmp_path: Path, other_writer):
    db = tmp_path / "up.db"
    app = create_app(db)
    with TestClient(app, base_url=BASE) as c, other_writer(db) as cli_ingest:
        assert _upload(c, [("council.txt", COUNCIL.encode())]).status_code == 303
        deadline = time.monotonic() + JOB_GUARD_SECONDS
        status = c.get("/ingest/status.json").json()["status"]
        while not (status["current"] or "").startswith("waiting:") and time.monotonic() < deadline:
            time.sleep(0.1)
            status = c.get("/ingest/status.json").json()["status"]
        assert status["state"] == "running" and "test holder" in status["current"]
        assert c.get("/documents.json").json()["pager"]["total"] == 0
        cli_ingest.release()
        status = _wait_done(c)
        assert status["state"] == "done" and status["ingested"] == 1, status
