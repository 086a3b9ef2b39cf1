"""Uploads are capped while they stream, and the form token is checked before any file is written.

Issue 14 item 8: a chunked upload (no Content-Length) wrote 251 MB to a temporary file
before the per-file limit applied, and the CSRF token was read only after the body.
These tests send their bodies as generators, so the request is chunked, and record the
most bytes the uploads folder held at any moment of the upload.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from api_articles import BASE, COUNCIL
from fastapi.testclient import TestClient
from starlette.requests import Request

from newsgraph.api import uploads
from newsgraph.api.app import create_app
from newsgraph.api.errors import ApiError

BOUNDARY = "newsgraphtestboundary"
CHUNK = 64 * 1024


def _part(name: str, body: bytes, filename: str | None = None) -> bytes:
    disposition = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename else "")
    return (f"--{BOUNDARY}\r\nContent-Disposition: {disposition}\r\n"
            f"Content-Type: text/plain\r\n\r\n").encode() + body + b"\r\n"


class Body:
    """A chunked multipart body, big files made as it goes."""

    def __init__(self, *parts: bytes | tuple[str, str, int]):
        self.parts = parts

    def __iter__(self) -> Iterator[bytes]:
        for part in self.parts:
            if isinstance(part, tuple):  # (field name, file name, size): a big file, made as it goes
                name, filename, size = part
                head = _part(name, b"", filename)[:-2]
                yield from self._send(head)
                for _ in range(size // CHUNK):
                    yield from self._send(b"x" * CHUNK)
                yield from self._send(b"\r\n")
            else:
                yield from self._send(part)
        yield from self._send(f"--{BOUNDARY}--\r\n".encode())

    def _send(self, data: bytes) -> Iterator[bytes]:
        yield data


def _post(c: TestClient, body: Body, **headers: str):
    return c.post("/ingest", content=iter(body), follow_redirects=False, headers={
        "Content-Type": f"multipart/form-data; boundary={BOUNDARY}", "Accept": "application/json",
        **headers})


def _files(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir()) if root.exists() else []


def _track_disk(monkeypatch, root: Path) -> list[int]:
    """The most bytes the uploads folder held at any moment of the upload."""
    peak = [0]
    original = uploads._Receiver._data

    def data(self, chunk: bytes, start: int, end: int) -> None:
        original(self, chunk, start, end)
        peak[0] = max(peak[0], sum(p.stat().st_size for p in root.iterdir()))

    monkeypatch.setattr(uploads._Receiver, "_data", data)
    return peak


def test_a_chunked_upload_over_the_request_cap_stops_and_leaves_nothing(tmp_path: Path, monkeypatch):
    app = create_app(tmp_path / "cap.db")
    app.state.config.max_upload_request_bytes = 1024 * 1024
    root = tmp_path / "cap-uploads"
    peak = _track_disk(monkeypatch, root)
    with TestClient(app, base_url=BASE) as c:
        csrf = app.state.config.csrf_token
        body = Body(_part("csrf", csrf.encode()), ("files", "huge.txt", 16 * 1024 * 1024))
        r = _post(c, body)
        assert r.status_code == 413 and r.json()["error"]["code"] == "E507"
        assert peak[0] <= 1024 * 1024  # never more than the cap on disk
        assert _files(root) == []  # and nothing left behind


def test_a_file_over_the_file_limit_stops_being_written_and_the_rest_comes_in(tmp_path: Path, monkeypatch):
    app = create_app(tmp_path / "file.db")
    app.state.config.max_file_bytes = 256 * 1024
    root = tmp_path / "file-uploads"
    peak = _track_disk(monkeypatch, root)
    with TestClient(app, base_url=BASE) as c:
        csrf = app.state.config.csrf_token
        body = Body(_part("csrf", csrf.encode()), ("files", "big.txt", 8 * 1024 * 1024),
                    _part("files", COUNCIL.encode(), "ok.txt"))
        r = _post(c, body)
        assert r.status_code == 202
        refused = {f["path"]: f["code"] for f in r.json()["status"]["failures"]}
        assert refused == {"big.txt": "E102"}
        assert peak[0] <= 256 * 1024 + len(COUNCIL.encode())
        assert "ok.txt" in _files(root) and "big.txt" not in _files(root)
        assert not [n for n in _files(root) if n.startswith(".part-")]
        c.app.state.jobs.wait(300)


def test_the_form_token_is_checked_before_any_file_is_written(tmp_path: Path, monkeypatch):
    app = create_app(tmp_path / "csrf.db")
    root = tmp_path / "csrf-uploads"
    root.mkdir()
    peak = _track_disk(monkeypatch, root)
    with TestClient(app, base_url=BASE) as c:
        csrf = app.state.config.csrf_token
        # Files before the token: refused at the first part, the file never opened.
        body = Body(("files", "a.txt", 8 * 1024 * 1024), _part("csrf", csrf.encode()))
        r = _post(c, body)
        assert r.status_code == 403 and r.json()["error"]["code"] == "E505"
        # A wrong token first: refused when its part ends, before the file that follows.
        body = Body(_part("csrf", b"not-the-token"), ("files", "b.txt", 8 * 1024 * 1024))
        r = _post(c, body)
        assert r.status_code == 403 and r.json()["error"]["code"] == "E505"
        # A wrong token in the header: refused before the body is parsed at all.
        r = _post(c, Body(_part("files", b"text", "c.txt")), **{"X-CSRF-Token": "wrong"})
        assert r.status_code == 403 and r.json()["error"]["code"] == "E505"
        assert peak[0] == 0 and _files(root) == []  # not one byte of a file was written
        # The right token in the header lets a script upload without the form field.
        r = _post(c, Body(_part("files", COUNCIL.encode(), "d.txt")), **{"X-CSRF-Token": csrf})
        assert r.status_code == 202 and _files(root) == ["d.txt"]
        c.app.state.jobs.wait(300)


def test_too_many_files_are_refused_as_they_arrive(tmp_path: Path):
    app = create_app(tmp_path / "many.db")
    app.state.config.max_upload_files = 3
    with TestClient(app, base_url=BASE) as c:
        csrf = app.state.config.csrf_token
        parts = [_part("csrf", csrf.encode())] + [_part("files", b"x %d" % i, f"{i}.txt") for i in range(10)]
        r = _post(c, Body(*parts))
        assert r.status_code == 413 and r.json()["error"]["code"] == "E507"
        assert _files(tmp_path / "many-uploads") == []


def _streamed_request(body: Body, pulled: list[int]) -> Request:
    """A request whose body arrives in 64 KB messages, as a server hands a chunked upload over."""
    chunks = iter(body)

    async def receive() -> dict:
        chunk = next(chunks, None)
        if chunk is None:
            return {"type": "http.request", "body": b"", "more_body": False}
        pulled[0] += len(chunk)
        return {"type": "http.request", "body": chunk, "more_body": True}

    scope = {"type": "http", "method": "POST", "path": "/ingest", "headers": [
        (b"content-type", f"multipart/form-data; boundary={BOUNDARY}".encode())]}
    return Request(scope, receive)


def test_the_body_is_read_only_as_far_as_the_cap_and_the_token_allow(tmp_path: Path, monkeypatch):
    root = tmp_path / "uploads"
    root.mkdir()
    peak = _track_disk(monkeypatch, root)
    size = 16 * 1024 * 1024

    def receive(body: Body, **caps: int) -> tuple[int, ApiError]:
        pulled = [0]
        kwargs = {"max_request": 1024 * 1024, "max_file": 20 * 1024 * 1024, "max_files": 10,
                  "csrf": "token", **caps}
        with pytest.raises(ApiError) as err:
            asyncio.run(uploads.receive_upload(_streamed_request(body, pulled), root, **kwargs))
        return pulled[0], err.value

    # Over the request cap: it stops pulling the body once past the cap, and the part of
    # the file already written goes too.
    pulled, err = receive(Body(_part("csrf", b"token"), ("files", "huge.txt", size)))
    assert err.code == "E507" and pulled <= 1024 * 1024 + CHUNK
    assert 0 < peak[0] <= 1024 * 1024 and _files(root) == []
    # The token is not the first part: refused after the first part's headers, nothing written.
    peak[0] = 0
    pulled, err = receive(Body(("files", "a.txt", size), _part("csrf", b"token")), max_request=size * 2)
    assert err.code == "E505" and pulled <= CHUNK and peak[0] == 0
    # A wrong token: refused when its field ends, before the file after it is opened.
    pulled, err = receive(Body(_part("csrf", b"nope"), ("files", "b.txt", size)), max_request=size * 2)
    assert err.code == "E505" and pulled <= 2 * CHUNK and peak[0] == 0 and _files(root) == []
