"""ingest/read: single files, directories, stdin, limits, binary detection, root confinement."""

from __future__ import annotations

import gzip
import io
import os
from pathlib import Path

import pytest

from newsgraph.errors import CODES
from newsgraph.ingest.read import read_paths
from newsgraph.model.document import Failure, RawDocument
from newsgraph.settings import Options

ARTICLE = (
    b"Harbour cranes idle as dock strike enters second week\n\n"
    b"Dock workers at the port of Eastmouth stayed off the job for an eighth day on Monday, "
    b"a union spokeswoman said, as talks over shift pay stalled.\n"
)
PAGE = (
    b"<!DOCTYPE html><html><head><meta charset=\"windows-1252\"><title>Strike</title></head>"
    b"<body><article><p>Dock workers stayed off the job.</p></article></body></html>"
)


def read(*paths: str | Path, **kwargs) -> list[RawDocument | Failure]:
    return list(read_paths(paths, **kwargs))


def only(items: list[RawDocument | Failure]) -> RawDocument | Failure:
    assert len(items) == 1, items
    return items[0]


def test_read_text_file_keeps_bytes_and_relative_path(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_bytes(ARTICLE)
    monkeypatch.chdir(tmp_path)
    doc = only(read("a.txt"))
    assert isinstance(doc, RawDocument)
    assert doc.data == ARTICLE and doc.path == "a.txt" and doc.format == "text"
    assert doc.declared == {}


def test_read_html_file_declares_meta_charset(tmp_path):
    (tmp_path / "page.htm").write_bytes(PAGE)
    doc = only(read(tmp_path / "page.htm"))
    assert doc.format == "html" and doc.data == PAGE
    assert doc.declared["encoding"] == "windows-1252" and doc.declared["encoding_source"] == "meta"


def test_read_format_sniffed_from_payload(tmp_path):
    (tmp_path / "saved.txt").write_bytes(PAGE)  # markup under a .txt name
    (tmp_path / "plain.html").write_bytes(ARTICLE)  # prose under an .html name
    (tmp_path / "noext").write_bytes(PAGE)
    by_name = {Path(d.path).name: d.format for d in read(tmp_path)}
    assert by_name == {"saved.txt": "html", "plain.html": "text", "noext": "html"}


def test_read_bom_declares_encoding(tmp_path):
    (tmp_path / "wide.txt").write_bytes(ARTICLE.decode().encode("utf-16"))  # BOM + NUL-laden bytes
    doc = only(read(tmp_path / "wide.txt"))
    assert isinstance(doc, RawDocument), doc
    assert doc.declared["encoding"] in ("utf-16-le", "utf-16-be")
    assert doc.declared["encoding_source"] == "bom"


def test_read_identity_is_stable_and_content_based(tmp_path):
    (tmp_path / "a.txt").write_bytes(ARTICLE)
    (tmp_path / "copy.txt").write_bytes(ARTICLE)
    first, second = read(tmp_path / "a.txt"), read(tmp_path / "a.txt")
    assert first[0].id == second[0].id
    assert read(tmp_path / "copy.txt")[0].id == first[0].id


def test_read_directory_recursive_sorted_skips_hidden_and_junk(tmp_path):
    for rel in ("b.txt", "a/z.txt", "a/c.txt", "c.html", ".hidden.txt", ".git/x.txt", "Thumbs.db",
                "~$draft.txt", "notes.txt~", "a/.DS_Store"):
        path = tmp_path / "corpus" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(PAGE if rel.endswith(".html") else ARTICLE)
    items = read(tmp_path / "corpus")
    names = [os.path.relpath(d.path, tmp_path / "corpus") for d in items]
    assert names == ["a/c.txt", "a/z.txt", "b.txt", "c.html"]
    assert all(isinstance(d, RawDocument) for d in items)


def test_read_stdin_is_sniffed(tmp_path):
    doc = only(read("-", stdin=io.BytesIO(PAGE)))
    assert doc.path == "-" and doc.format == "html" and doc.data == PAGE
    doc = only(read("-", stdin=io.BytesIO(gzip.compress(ARTICLE))))
    assert doc.path == "-" and doc.format == "text" and doc.data == ARTICLE


def test_read_gzip_file_is_decompressed(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(ARTICLE))
    doc = only(read(tmp_path / "a.txt.gz"))
    assert doc.data == ARTICLE and doc.format == "text"


def test_read_empty_file_is_e101(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.html").write_bytes(b"  \n\t\n")
    codes = [f.code for f in read(tmp_path / "empty.txt", tmp_path / "blank.html")]
    assert codes == ["E101", "E101"]


def test_read_oversized_file_is_e102_before_reading(tmp_path):
    (tmp_path / "big.txt").write_bytes(ARTICLE * 10)
    failure = only(read(tmp_path / "big.txt", options=Options(max_bytes=100)))
    assert failure.code == "E102" and "limit" in failure.reason


def test_read_oversized_decompressed_input_is_e102(tmp_path):
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"word " * 10_000))  # small file, big payload
    failure = only(read(tmp_path / "bomb.txt.gz", options=Options(max_bytes=1000)))
    assert failure.code == "E102"


@pytest.mark.parametrize(("payload", "named"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "PNG"),
    (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml", "ZIP"),
    (b"\x7fELF\x02\x01\x01\x00" + bytes(32), "ELF"),
])
def test_read_binary_magic_is_e103_naming_the_format(tmp_path, payload, named):
    (tmp_path / "article.txt").write_bytes(payload)
    failure = only(read(tmp_path / "article.txt"))
    assert failure.code == "E103" and named in failure.reason


def test_read_control_bytes_are_e103(tmp_path):
    noise = bytes(range(256)) * 40
    (tmp_path / "noise.html").write_bytes(noise)
    failure = only(read(tmp_path / "noise.html"))
    assert failure.code == "E103" and "binary" in failure.reason


def test_read_missing_path_is_e108(tmp_path):
    failure = only(read(tmp_path / "nope.txt"))
    assert failure.code == "E108" and "does not exist" in failure.reason


def test_read_unsupported_types_are_e110(tmp_path):
    (tmp_path / "table.csv").write_bytes(b"a,b\n1,2\n")
    (tmp_path / "sitemap.xml").write_bytes(b'<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>')
    (tmp_path / "memo.txt").write_bytes(b"{\\rtf1\\ansi Hello}")
    items = read(tmp_path / "table.csv", tmp_path / "sitemap.xml", tmp_path / "memo.txt")
    assert [f.code for f in items] == ["E110", "E110", "E110"]
    assert ".csv" in items[0].reason and "<urlset>" in items[1].reason and "RTF" in items[2].reason


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_read_fifo_is_never_opened(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    failure = only(read(tmp_path / "pipe"))  # would block forever if opened
    assert failure.code == "E110"


def test_read_bad_inputs_do_not_stop_the_batch(tmp_path):
    (tmp_path / "1.txt").write_bytes(ARTICLE)
    (tmp_path / "2.txt").write_bytes(b"")
    (tmp_path / "3.pdf").write_bytes(b"%PDF-1.4\n" + bytes(100))
    (tmp_path / "4.jsonl").write_bytes(b'{"text": "one"}\n{oops\n{"text": "three"}\n')
    (tmp_path / "5.html").write_bytes(PAGE)
    items = read(tmp_path, tmp_path / "missing")
    summary = [(Path(i.path).name, getattr(i, "code", "ok")) for i in items]
    assert summary == [("1.txt", "ok"), ("2.txt", "E101"), ("3.pdf", "E103"), ("4.jsonl#1", "ok"),
                       ("4.jsonl#2", "E105"), ("4.jsonl#3", "ok"), ("5.html", "ok"), ("missing", "E108")]
    assert all(f.code in CODES for f in items if isinstance(f, Failure))


def test_read_root_rejects_dotdot_and_absolute_escape(tmp_path):
    root = tmp_path / "root"
    (root / "sub").mkdir(parents=True)
    (root / "in.txt").write_bytes(ARTICLE)
    (tmp_path / "secret.txt").write_bytes(ARTICLE)
    items = read("in.txt", "../secret.txt", tmp_path / "secret.txt", "sub/../in.txt", root=root)
    assert isinstance(items[0], RawDocument) and items[0].path == "in.txt"
    assert [(i.code, "escapes its root" in i.reason) for i in items[1:3]] == [("E108", True)] * 2
    assert isinstance(items[3], RawDocument)


def test_read_root_rejects_symlinks_pointing_out(tmp_path):
    root = tmp_path / "root"
    (root / "docs").mkdir(parents=True)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_bytes(ARTICLE)
    (root / "docs" / "ok.txt").write_bytes(ARTICLE)
    (root / "docs" / "leak.txt").symlink_to(outside / "secret.txt")
    (root / "docs" / "leakdir").symlink_to(outside, target_is_directory=True)
    (root / "link.txt").symlink_to(outside / "secret.txt")
    items = read("docs", "link.txt", root=root)
    result = {i.path: getattr(i, "code", "ok") for i in items}
    assert result == {"docs/leak.txt": "E108", "docs/leakdir": "E108", "docs/ok.txt": "ok",
                      "link.txt": "E108"}
    # Without a root, the links out of the folder walked are skipped too (issue 14, item 7)...
    walked = {Path(i.path).name: getattr(i, "code", "ok") for i in read(root / "docs")}
    assert walked == {"leak.txt": "E108", "leakdir": "E108", "ok.txt": "ok"}
    # ... unless the caller follows links on purpose (the CLI's --follow-links).
    followed = {Path(i.path).name: getattr(i, "code", "ok")
                for i in read(root / "docs", options=Options(follow_links=True))}
    assert followed == {"leak.txt": "ok", "ok.txt": "ok", "secret.txt": "ok"}


def test_read_skips_a_link_to_a_system_file_and_says_where_it_points(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_bytes(ARTICLE)
    (tmp_path / "articles" / "passwd.txt").symlink_to("/etc/passwd")
    (tmp_path / "articles" / "everything").symlink_to("/", target_is_directory=True)
    (tmp_path / "articles" / "sub").mkdir()
    (tmp_path / "articles" / "sub" / "back.txt").symlink_to(tmp_path / "articles" / "a.txt")
    items = {Path(i.path).name: i for i in read(tmp_path / "articles")}
    assert set(items) == {"a.txt", "passwd.txt", "everything", "back.txt"}
    assert items["passwd.txt"].code == "E108" and "/etc/passwd" in items["passwd.txt"].reason
    assert "--follow-links" in items["passwd.txt"].reason
    assert items["everything"].code == "E108"
    assert isinstance(items["back.txt"], RawDocument)  # a link that stays inside is followed
    # A link named explicitly is the caller's choice.
    assert isinstance(read(tmp_path / "articles" / "sub" / "back.txt")[0], RawDocument)


def test_read_symlink_loop_terminates(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.txt").write_bytes(ARTICLE)
    (tmp_path / "a" / "b" / "up").symlink_to(tmp_path / "a", target_is_directory=True)
    items = read(tmp_path / "a")
    assert [Path(i.path).name for i in items if not isinstance(i, Failure)] == ["x.txt"]
    # The link back up is said, not silently skipped.
    assert [(Path(i.path).name, i.code) for i in items if isinstance(i, Failure)] == [("up", "E108")]
    assert "loop" in next(i for i in items if isinstance(i, Failure)).reason
    (tmp_path / "a" / "dangling").symlink_to(tmp_path / "gone")
    assert sorted(i.code for i in read(tmp_path / "a") if isinstance(i, Failure)) == ["E108", "E108"]


def test_read_truncated_gzip_text_is_e103(tmp_path):
    data = gzip.compress(ARTICLE * 50)
    (tmp_path / "cut.txt.gz").write_bytes(data[: len(data) // 2])
    failure = only(read(tmp_path / "cut.txt.gz"))
    assert failure.code == "E103" and "truncated or corrupt" in failure.reason


def test_read_gzip_with_garbage_after_it_keeps_what_came_before(tmp_path):
    # A download with junk appended: the records before are read, the junk is reported.
    lines = b"".join(b'{"title": "T%d", "text": "%s"}\n' % (i, ARTICLE.decode().replace(chr(10), " ").encode())
                     for i in range(3))
    (tmp_path / "feed.jsonl.gz").write_bytes(gzip.compress(lines) + b"garbage that is not gzip" * 10)
    items = read(tmp_path / "feed.jsonl.gz")
    docs = [i for i in items if isinstance(i, RawDocument)]
    fails = [i for i in items if isinstance(i, Failure)]
    assert len(docs) == 3
    assert [f.code for f in fails] == ["E103"] and "not gzip data" in fails[0].reason


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads unreadable files")
def test_read_unreadable_file_is_e111(tmp_path):
    (tmp_path / "locked.txt").write_bytes(ARTICLE)
    (tmp_path / "locked.txt").chmod(0)
    assert only(read(tmp_path / "locked.txt")).code == "E111"
