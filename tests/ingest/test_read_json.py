"""ingest/read: JSON and JSON Lines collections, field mapping, malformed records."""

from __future__ import annotations

import dataclasses
import gzip
import io
import json

from newsgraph.ingest.read import jsonl, read_paths
from newsgraph.model.document import Failure, RawDocument
from newsgraph.settings import Options

BODY = "The council approved the new bus lanes on Tuesday after a three-hour debate."
RECORD = {
    "headline": "Council backs bus lanes",
    "body": BODY,
    "link": "https://example.org/bus-lanes",
    "published_at": "2023-05-02T10:00:00Z",
    "source": {"name": "Eastmouth Gazette"},
    "author": [{"name": "A. Writer"}, "B. Reporter"],
}


def read(*paths, **kwargs) -> list[RawDocument | Failure]:
    return list(read_paths(paths, **kwargs))


def write_jsonl(path, lines: list[str]) -> None:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_read_jsonl_default_mapping(tmp_path):
    write_jsonl(tmp_path / "a.jsonl", [json.dumps(RECORD)])
    (doc,) = read(tmp_path / "a.jsonl")
    assert doc.path == f"{tmp_path / 'a.jsonl'}#1"
    assert doc.data == BODY.encode("utf-8") and doc.format == "text"
    d = doc.declared
    assert d["title"] == RECORD["headline"] and d["url"] == RECORD["link"]
    assert d["published"] == RECORD["published_at"]
    assert d["publisher"] == "Eastmouth Gazette" and d["authors"] == ["A. Writer", "B. Reporter"]
    assert d["encoding"] == "utf-8"


def test_read_jsonl_custom_mapping(tmp_path):
    write_jsonl(tmp_path / "a.ndjson", [json.dumps({"story": BODY, "hed": "Bus lanes", "body": "not this"})])
    options = Options(json_text_fields=("story",), json_title_fields=("hed",))
    (doc,) = read(tmp_path / "a.ndjson", options=options)
    assert doc.data == BODY.encode() and doc.declared["title"] == "Bus lanes"


def test_read_json_nested_and_list_fields(tmp_path):
    record = {"title": {"rendered": "Bus lanes"}, "content": {"rendered": "<p>One.</p><p>Two.</p><p>3</p>"},
              "date": 1683021600, "Paragraphs": ["x"]}
    (tmp_path / "wp.json").write_text(json.dumps(record))
    (doc,) = read(tmp_path / "wp.json")
    assert doc.path == str(tmp_path / "wp.json")  # a single object is the file itself
    assert doc.format == "html" and doc.declared["title"] == "Bus lanes"
    assert doc.declared["published"].startswith("2023-05-02T10:00:00")
    options = Options(json_text_fields=("paragraphs",))  # case-insensitive; a list of paragraphs joins
    (tmp_path / "p.json").write_text(json.dumps({"Paragraphs": ["First.", "Second."]}))
    assert read(tmp_path / "p.json", options=options)[0].data == b"First.\n\nSecond."


def test_read_jsonl_bad_lines_fail_alone(tmp_path):
    write_jsonl(tmp_path / "mixed.jsonl", [
        json.dumps({"text": "first"}), '{"text": "broken', "", json.dumps([1, 2]),
        json.dumps({"id": 7, "title": "no text"}), json.dumps({"text": "last"}),
    ])
    (tmp_path / "latin.jsonl").write_bytes(b'{"text": "caf\xe9"}\n{"text": "ok"}\n')
    items = read(tmp_path / "mixed.jsonl", tmp_path / "latin.jsonl")
    got = [(i.path.rsplit("/", 1)[1], getattr(i, "code", "ok")) for i in items]
    assert got == [("mixed.jsonl#1", "ok"), ("mixed.jsonl#2", "E105"), ("mixed.jsonl#4", "E105"),
                   ("mixed.jsonl#5", "E109"), ("mixed.jsonl#6", "ok"), ("latin.jsonl#1", "E105"),
                   ("latin.jsonl#2", "ok")]
    no_text = items[3]
    assert "text, content, body" in no_text.reason and "id, title" in no_text.reason
    assert "UTF-8" in items[5].reason


def test_read_jsonl_oversized_line_fails_alone(tmp_path):
    write_jsonl(tmp_path / "a.jsonl", [json.dumps({"text": "x" * 5000}), json.dumps({"text": "short"})])
    items = read(tmp_path / "a.jsonl", options=Options(max_bytes=1000))
    assert [getattr(i, "code", "ok") for i in items] == ["E102", "ok"]
    assert items[1].data == b"short"


def test_read_json_array_and_wrapper(tmp_path):
    (tmp_path / "list.json").write_text(json.dumps([RECORD, {"text": "second"}]))
    (tmp_path / "wrap.json").write_text(json.dumps({"status": "ok", "articles": [RECORD], "total": 1}))
    items = read(tmp_path / "list.json", tmp_path / "wrap.json")
    assert [i.path.rsplit("/", 1)[1] for i in items] == ["list.json#0", "list.json#1", "wrap.json#0"]
    assert items[0].data == items[2].data == BODY.encode()
    assert items[0].id == items[2].id  # same payload, same identity


def test_read_json_article_with_data_list_is_not_a_wrapper(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({"text": BODY, "data": [{"k": 1}], "items": []}))
    (doc,) = read(tmp_path / "a.json")
    assert doc.data == BODY.encode() and doc.path == str(tmp_path / "a.json")


def test_read_json_named_file_holding_json_lines(tmp_path):
    write_jsonl(tmp_path / "dump.json", [json.dumps({"text": "one"}), json.dumps({"text": "two"})])
    assert [i.path.rsplit("/", 1)[1] for i in read(tmp_path / "dump.json")] == ["dump.json#1", "dump.json#2"]


def test_read_json_streams_across_small_chunks(tmp_path, monkeypatch):
    records = [{"title": f"T{i}", "text": f"Body {i} " + "é" * (i * 7)} for i in range(40)]
    (tmp_path / "big.json").write_text(json.dumps({"items": records, "n": 1234567}, ensure_ascii=False))
    original = jsonl._JsonStream.__init__
    monkeypatch.setattr(jsonl._JsonStream, "__init__", lambda self, s, chunk=0: original(self, s, chunk=7))
    items = read(tmp_path / "big.json")
    assert [i.data.decode() for i in items] == [r["text"] for r in records]


def test_read_json_malformed_element_keeps_earlier_ones(tmp_path):
    (tmp_path / "a.json").write_text('[{"text": "one"}, {"text": "two"}, {"text": oops}, {"text": "four"}]')
    (tmp_path / "b.json").write_text('{"text": "cut off')
    items = read(tmp_path / "a.json", tmp_path / "b.json")
    assert [getattr(i, "code", "ok") for i in items] == ["ok", "ok", "E105", "E105"]
    assert "Element 2" in items[2].reason and "line 1" in items[2].reason


def test_read_json_scalar_is_e109_and_gzip_works(tmp_path):
    (tmp_path / "n.json").write_text("42")
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(b'{"text": "zipped"}\n'))
    items = read(tmp_path / "n.json", tmp_path / "a.jsonl.gz")
    assert items[0].code == "E109"
    assert items[1].data == b"zipped" and items[1].path.endswith("a.jsonl.gz#1")


def test_read_stdin_json_lines(tmp_path):
    items = read("-", stdin=io.BytesIO(b'{"text": "a"}\n{"text": "b"}\n'))
    assert [(i.path, i.data) for i in items] == [("-#1", b"a"), ("-#2", b"b")]


def test_read_options_stay_dataclass():
    # Callers build their mapping by replacing defaults; the reader must accept any Options.
    options = dataclasses.replace(Options(), json_text_fields=("x.y",))
    record = {"x": {"y": BODY}}
    assert jsonl.record_document(record, "r", options).data == BODY.encode()


def test_read_truncated_gzip_jsonl_keeps_earlier_lines(tmp_path):
    lines = [json.dumps({"text": f"record {i} " + "padding " * 40}) for i in range(200)]
    data = gzip.compress("\n".join(lines).encode())
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    items = read(tmp_path / "cut.jsonl.gz")
    assert isinstance(items[0], RawDocument) and len(items) > 2
    assert isinstance(items[-1], Failure) and items[-1].code == "E105" and "truncated" in items[-1].reason


# -- issue 14: bad characters in JSON fields, NUL lines, blank-line bombs, deep nesting ----------------------


def test_each_json_field_is_repaired_or_dropped_by_its_rule(tmp_path):
    record = ('{"title": "Bus\\ud800 lanes\\u0007\\nbacked", "source": "Eastmouth\\u0000 Gazette", '
              '"author": ["A.\\udfff Writer", "\\u0000"], "link": "https://example.org/\\u001b", '
              '"date": "2023-05-02\\ud800", "text": "The council\\ud800 met.\\u0000 It voted\\tfor lanes."}')
    write_jsonl(tmp_path / "a.jsonl", [record])
    (doc,) = read(tmp_path / "a.jsonl")
    d = doc.declared
    assert d["title"] == "Bus\ufffd lanes backed"  # one line, the lost character marked
    assert d["publisher"] == "Eastmouth Gazette" and d["authors"] == ["A.\ufffd Writer"]
    assert "url" not in d and "published" not in d  # a URL or date with them is no URL or date
    assert doc.data.decode("utf-8") == "The council\ufffd met.\ufffd It voted\tfor lanes."
    assert any("url dropped" in w for w in d["warnings"]) and any("date dropped" in w for w in d["warnings"])
    assert any("U+FFFD" in w for w in d["warnings"])


def test_a_jsonl_line_of_nul_bytes_costs_that_record_only(tmp_path):
    good = json.dumps({"text": BODY})
    (tmp_path / "nul.jsonl").write_bytes(b"\x00" * 3000 + b"\n" + good.encode() + b"\n"
                                         + b'{"text": "a\x00b"}\n' + good.replace("council", "mayor").encode())
    items = read(tmp_path / "nul.jsonl")
    assert [type(i).__name__ for i in items] == ["Failure", "RawDocument", "RawDocument", "RawDocument"]
    assert items[0].code == "E105" and items[0].path.endswith("#1")
    assert items[2].data == "a\ufffdb".encode()  # a NUL inside a string is a lost character


def test_blank_lines_are_skipped_in_bulk_and_a_file_of_only_them_is_E101(tmp_path):
    (tmp_path / "blank.jsonl.gz").write_bytes(gzip.compress(b" \r\n\n" * 2_000_000))
    (failure,) = read(tmp_path / "blank.jsonl.gz")
    assert failure.code == "E101" and "4,000,000 blank line(s)" in failure.reason
    good = json.dumps({"text": BODY}).encode()
    (tmp_path / "sparse.jsonl").write_bytes(b"\n" * 3_000_000 + good + b"\n" * 10 + good)
    docs = read(tmp_path / "sparse.jsonl")
    assert [d.path.rsplit("#", 1)[1] for d in docs] == ["3000001", "3000011"]  # line numbers kept


def test_deep_nesting_fails_its_record_and_a_huge_number_costs_nothing(tmp_path):
    good = json.dumps({"text": BODY})
    lines = [good, "[" * 100_000 + "]" * 100_000, '{"text": "x y", "title": ' + "9" * 50_000 + "}", good]
    write_jsonl(tmp_path / "deep.jsonl", lines)
    items = read(tmp_path / "deep.jsonl")
    assert [getattr(i, "code", "ok") for i in items] == ["ok", "E105", "ok", "ok"]
    assert items[2].data == b"x y"  # Python refuses ints of over 4,300 digits: kept as written
    # Such a number where the text should be is no text, whatever its length.
    write_jsonl(tmp_path / "number.jsonl", ['{"title": "T", "text": ' + "9" * 5_000 + "}", good])
    assert [getattr(i, "code", "ok") for i in read(tmp_path / "number.jsonl")] == ["E109", "ok"]
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (failure,) = read(tmp_path / "deep.json")
    assert failure.code == "E105"


def test_a_container_of_nothing_but_bad_records_stops_being_read(tmp_path, monkeypatch):
    from newsgraph import settings

    monkeypatch.setattr(settings, "MAX_BAD_RECORDS_IN_A_ROW", 50)
    write_jsonl(tmp_path / "bad.jsonl", ["{}"] * 10_000)
    items = read(tmp_path / "bad.jsonl")
    assert len(items) == 51 and items[-1].code == "E105" and "Stopped reading at line 50" in items[-1].reason
    (tmp_path / "bad.json").write_text("[" + ", ".join(["{}"] * 10_000) + "]")
    items = read(tmp_path / "bad.json")
    assert len(items) == 51 and "Stopped reading" in items[-1].reason


def test_a_decompressed_container_over_the_limit_is_E102_after_its_records(tmp_path, monkeypatch):
    from newsgraph import settings

    monkeypatch.setattr(settings, "MAX_CONTAINER_BYTES", 4 * 1024 * 1024)
    good = json.dumps({"text": BODY}).encode() + b"\n"
    (tmp_path / "bomb.jsonl.gz").write_bytes(gzip.compress(good + b"\n" * 40 * 1024 * 1024))
    items = read(tmp_path / "bomb.jsonl.gz")
    assert isinstance(items[0], RawDocument) and items[-1].code == "E102"
