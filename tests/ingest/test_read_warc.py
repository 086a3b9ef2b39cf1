"""ingest/read: WARC archives written with warcio, whole and truncated."""

from __future__ import annotations

import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.ingest.read import read_paths
from newsgraph.model.document import Failure, RawDocument
from newsgraph.settings import Options


def page(n: int) -> bytes:
    return (f"<html><head><title>Story {n}</title></head><body><article><p>Story number {n}: "
            + "the ferry service resumed after the storm. " * 20 + "</p></article></body></html>").encode()


def response(writer: WARCWriter, url: str, body: bytes, *, status: str = "200 OK",
             content_type: str = "text/html; charset=iso-8859-1"):
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    return writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)


def make_warc(gz: bool = True) -> bytes:
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    w.write_record(w.create_warcinfo_record("crawl.warc.gz", {"software": "test"}))
    request = io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
    w.write_record(w.create_warc_record("https://news.example/1", "request", payload=request))
    w.write_record(response(w, "https://news.example/1", page(1)))
    w.write_record(response(w, "https://news.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64),
                            content_type="image/png"))
    w.write_record(response(w, "https://news.example/old", b"", status="301 Moved Permanently"))
    w.write_record(w.create_warc_record("https://news.example/2.txt", "resource", payload=io.BytesIO(
        b"Plain story two: the bridge reopened."), warc_content_type="text/plain"))
    w.write_record(response(w, "https://news.example/3", page(3), content_type="text/html"))
    return buf.getvalue()


def read(*paths, **kwargs) -> list[RawDocument | Failure]:
    return list(read_paths(paths, **kwargs))


def test_read_warc_gz_yields_article_records_only(tmp_path):
    data = make_warc()
    (tmp_path / "crawl.warc.gz").write_bytes(data)
    items = read(tmp_path / "crawl.warc.gz")
    assert [i.declared["url"] for i in items] == [
        "https://news.example/1", "https://news.example/2.txt", "https://news.example/3"]
    first, resource, third = items
    assert first.data == page(1) and first.format == "html"
    assert first.path.startswith(str(tmp_path / "crawl.warc.gz") + "#")
    offset = int(first.path.rsplit("#", 1)[1])
    assert data[offset:offset + 2] == b"\x1f\x8b"  # the offset points at the record's gzip member
    assert first.declared["encoding"] == "iso-8859-1" and first.declared["encoding_source"] == "http"
    assert first.declared["content_type"].startswith("text/html") and "fetched" in first.declared
    assert resource.format == "text" and resource.data.startswith(b"Plain story two")
    assert "encoding" not in third.declared


def test_read_warc_identity_stable_across_reads(tmp_path):
    (tmp_path / "a.warc").write_bytes(make_warc(gz=False))
    assert [d.id for d in read(tmp_path / "a.warc")] == [d.id for d in read(tmp_path / "a.warc")]
    assert [d.data for d in read(tmp_path / "a.warc")] == [d.data for d in read_paths([tmp_path / "a.warc"])]


def test_read_truncated_warc_gz_is_e106_after_good_records(tmp_path):
    data = make_warc()
    (tmp_path / "cut.warc.gz").write_bytes(data[: len(data) - 200])  # cut inside the last record
    items = read(tmp_path / "cut.warc.gz")
    assert [getattr(i, "code", "ok") for i in items] == ["ok", "ok", "E106"]
    assert "truncated" in items[-1].reason


def test_read_truncated_plain_warc_is_e106(tmp_path):
    data = make_warc(gz=False)
    (tmp_path / "cut.warc").write_bytes(data[: len(data) - 300])
    items = read(tmp_path / "cut.warc", tmp_path / "cut.warc")
    assert [getattr(i, "code", "ok") for i in items] == ["ok", "ok", "E106"] * 2


def test_read_warc_garbage_is_e106_and_stdin_warc_works(tmp_path):
    (tmp_path / "fake.warc").write_bytes(b"this is not an archive\n" * 10)
    (failure,) = read(tmp_path / "fake.warc")
    assert failure.code == "E106"
    items = read("-", stdin=io.BytesIO(make_warc()))
    assert [i.declared["url"] for i in items][-1] == "https://news.example/3"
    assert all(i.path.startswith("-#") for i in items)


def test_read_warc_record_over_limit_fails_alone(tmp_path):
    (tmp_path / "a.warc.gz").write_bytes(make_warc())
    items = read(tmp_path / "a.warc.gz", options=Options(max_bytes=200))
    assert [getattr(i, "code", "ok") for i in items] == ["E102", "ok", "E102"]
