"""A hostile corpus for ``newsgraph bench robustness``: over a thousand bad files, generated.

Every kind of input issue 14 named and more, each file with what must become of it:

- ``fail``   — it must get a coded failure (a line of the summary, a row of the store);
- ``store``  — it must be stored (bad bytes repaired, metadata dropped with a warning);
- ``either`` — stored or coded, whichever the pipeline judges, but never lost in silence.

Kinds: empty and blank files; binary files under text names; truncated, corrupt,
double and bomb gzip; truncated and malformed WARC; wrong encodings, BOMs and
undecodable bytes; lone surrogates and control characters in every JSON field;
JSON Lines with NUL bytes, 200,000 empty records, blank-line bombs, giant lines,
deep nesting, huge numbers; HTML of half a million paragraphs, deep nesting,
undefined entities, entity bombs; feeds of the same; giant single lines, texts of
1–20 MB, floods of quotes, dates, names and punctuation; symbolic links out of the
folder, link loops, FIFOs. Containers hold good records beside bad ones, and those
must come in.

Generation is seeded (``random.Random(seed)``), so the same seed writes the same
bytes, and fast (big files are written in repeated blocks, bombs compressed from
repeated chunks). Good articles are not generated: the caller copies them in.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Spec", "generate"]

MB = 1024 * 1024


@dataclass(slots=True)
class Spec:
    """One generated input: where it is, what kind it is, and what must become of it."""

    path: str  # relative to the corpus root
    kind: str
    expect: str  # fail | store | either
    #: For containers: how many good records inside must be stored.
    good_records: int = 0


class _Writer:
    def __init__(self, root: Path, rng: random.Random):
        self.root = root
        self.rng = rng
        self.specs: list[Spec] = []

    def add(self, name: str, data: bytes | Callable[[io.BufferedWriter], None], kind: str,
            expect: str, good_records: int = 0) -> None:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as fh:
            if callable(data):
                data(fh)
            else:
                fh.write(data)
        self.specs.append(Spec(name, kind, expect, good_records))

    def words(self, n: int) -> str:
        return " ".join(self.rng.choice(_VOCAB) for _ in range(n))

    def article(self, n_paragraphs: int = 4) -> str:
        """An invented, well-formed news text (English words, names, a quote)."""
        r = self.rng
        name = f"{r.choice(_GIVEN)} {r.choice(_FAMILY)}"
        place = r.choice(_PLACES)
        paras = [f"{name} visits {place} as talks resume"]
        for _ in range(n_paragraphs):
            paras.append(
                f"{name} met officials in {place} on {r.choice(_DAYS)}, the ministry said. "
                f"\"We will {r.choice(_VERBS)} the {r.choice(_NOUNS)},\" {name.split()[1]} told reporters. "
                f"The {r.choice(_NOUNS)} of {r.choice(_PLACES)} {r.choice(_VERBS)}ed "
                f"{r.randint(2, 900)} {r.choice(_NOUNS)}s last week, according to local officials.")
        return "\n\n".join(paras) + "\n"


_GIVEN = ["Mira", "Tomas", "Anselm", "Ilse", "Dario", "Kesia", "Oren", "Paulina", "Ruben", "Sanne"]
_FAMILY = ["Dostan", "Kerrigan", "Vellacott", "Ambrose", "Tarkov", "Lindqvist", "Oyelaran", "Castell"]
_PLACES = ["Port Anselm", "Tarvik", "Velbrook", "Ostra", "Kellin", "New Harrow", "Sorrel Bay"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
_VERBS = ["protect", "review", "support", "block", "restore", "expand", "question", "sign"]
_NOUNS = ["agreement", "harbour", "budget", "union", "council", "tariff", "railway", "school"]
_VOCAB = ["the", "of", "and", "a", "to", "in", "said", "minister", "police", "talks", "on", "was",
          "for", "with", "government", "he", "she", "they", "city", "would", "report", "after",
          *_NOUNS, *_PLACES, *_GIVEN, *_FAMILY]


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=6, mtime=0)


def _gzip_repeated(chunk: bytes, total: int) -> bytes:
    """gzip of ``chunk`` repeated up to ``total`` bytes, built without holding the whole."""
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=9, mtime=0) as gz:
        block = chunk * max(1, (MB // len(chunk)))
        written = 0
        while written < total:
            piece = block[: total - written]
            gz.write(piece)
            written += len(piece)
    return out.getvalue()


def _repeat_to(fh: io.BufferedWriter, block: bytes, total: int) -> None:
    written = 0
    while written < total:
        piece = block[: total - written]
        fh.write(piece)
        written += len(piece)


def _warc_record(uri: str, html: bytes, *, length: int | None = None) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Date: 2021-03-04T10:00:00Z\r\n"
            f"WARC-Record-ID: <urn:uuid:{zlib.crc32(uri.encode()):012d}>\r\n"
            f"Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http) if length is None else length}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"


def _html(title: str, body: str) -> bytes:
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n\n") if p.strip())
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><article><h1>{title}</h1>{paras}</article></body></html>").encode()


_JSON_FIELDS = ("title", "publisher", "url", "date", "text", "author")


def generate(root: Path, seed: int = 14, *, big: bool = True) -> list[Spec]:
    """Write the hostile corpus under ``root`` (which must be empty or absent).

    ``big`` adds the multi-megabyte files (1–20 MB texts, the half-million-paragraph
    page, gzip bombs); tests switch it off to stay fast.
    """
    root.mkdir(parents=True, exist_ok=True)
    w = _Writer(root, random.Random(seed))
    _empty(w)
    _binary(w)
    _encodings(w)
    _json_fields(w)
    _jsonl(w, big)
    _json(w)
    _archives(w, big)
    _warc(w)
    _html_files(w, big)
    _feeds(w)
    _texts(w, big)
    _links(w)
    return w.specs


# -- kinds -------------------------------------------------------------------------------------------


def _empty(w: _Writer) -> None:
    for ext in ("txt", "html", "json", "jsonl", "warc", "xml", "rss", ""):
        w.add(f"empty/empty{'.' + ext if ext else ''}", b"", "empty", "fail")
    for i, blank in enumerate((b" ", b"\n\n\n", b"\t \r\n" * 100, b"\xef\xbb\xbf", b"\xff\xfe",
                               b"\xef\xbb\xbf   \n", "\u3000\u00a0\n".encode())):
        w.add(f"empty/blank-{i}.txt", blank, "blank", "fail")
    w.add("empty/blank.jsonl", b"\n" * 10_000, "blank-jsonl", "fail")
    w.add("empty/blank.jsonl.gz", _gzip(b"\n" * 100_000), "blank-jsonl-gz", "fail")
    w.add("empty/blank-crlf.jsonl.gz", _gzip(b"\r\n  \n" * 50_000), "blank-jsonl-gz", "fail")
    w.add("empty/empty.json", b"   \n", "blank-json", "fail")
    w.add("empty/empty-array.json", b"[]", "empty-array", "fail")
    w.add("empty/empty-object.json", b"{}", "empty-object", "fail")
    w.add("empty/null.json", b"null", "json-null", "fail")
    w.add("empty/empty.gz", _gzip(b""), "empty-gz", "fail")
    w.add("empty/only-tags.html", b"<html><head></head><body><div></div></body></html>", "no-body", "fail")
    w.add("empty/comment.html", b"<!-- nothing here -->", "no-body", "fail")
    w.add("empty/script-only.html", b"<html><body><script>var a = 1;</script></body></html>",
          "no-body", "fail")


_MAGIC = {
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF", "zip": b"PK\x03\x04\x14\x00\x00\x00",
    "elf": b"\x7fELF\x02\x01\x01\x00", "sqlite": b"SQLite format 3\x00", "xz": b"\xfd7zXZ\x00",
    "bz2": b"BZh91AY&SY", "ole": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "gif": b"GIF89a",
}


def _binary(w: _Writer) -> None:
    r = w.rng
    for name, magic in _MAGIC.items():
        for ext in ("txt", "html", "json", "jsonl", "xml", ""):
            body = magic + bytes(r.getrandbits(8) for _ in range(2048))
            w.add(f"binary/{name}{'.' + ext if ext else ''}", body, f"binary-{name}", "fail")
    for i in range(20):
        n = r.choice((64, 1000, 70_000, 300_000))
        w.add(f"binary/random-{i}.txt", r.randbytes(n), "binary-random", "fail")
    w.add("binary/nul-flood.txt", b"\x00" * 100_000, "binary-nul", "fail")
    w.add("binary/zip-bomb.zip", b"PK\x03\x04" + zlib.compress(b"\x00" * 10 * MB), "zip", "fail")
    w.add("binary/unknown.docx", b"PK\x03\x04" + r.randbytes(500), "zip", "fail")
    w.add("binary/gz-of-binary.txt.gz", _gzip(r.randbytes(50_000)), "gz-binary", "fail")
    w.add("binary/rtf.txt", b"{\\rtf1\\ansi Hello}", "rtf", "fail")
    w.add("binary/unsupported.csv", b"a,b,c\n1,2,3\n", "unsupported-ext", "fail")
    w.add("binary/ansi-colours.txt", ("\x1b[31m" + w.article() + "\x1b[0m").encode(), "ansi", "either")


def _encodings(w: _Writer) -> None:
    text = w.article()
    latin = text.replace("visits", "visits café in São Paulo and Zürich")
    cases: list[tuple[str, bytes, str]] = [
        ("utf8-bom.txt", b"\xef\xbb\xbf" + latin.encode(), "store"),
        ("utf16-le-bom.txt", latin.encode("utf-16"), "store"),
        ("utf16-be-bom.txt", b"\xfe\xff" + latin.encode("utf-16-be"), "store"),
        ("utf16-le-nobom.txt", latin.encode("utf-16-le"), "store"),
        ("utf16-be-nobom.txt", latin.encode("utf-16-be"), "store"),
        ("utf32-bom.txt", latin.encode("utf-32"), "store"),
        ("latin1.txt", latin.encode("latin-1"), "store"),
        ("cp1252-quotes.txt", latin.replace('"', "\u201c", 1).encode("cp1252"), "store"),
        ("mojibake.txt", latin.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8"), "store"),
        ("bom-then-latin1.txt", b"\xef\xbb\xbf" + latin.encode("latin-1"), "either"),
        ("utf16-bom-odd-length.txt", latin.encode("utf-16") + b"\x00", "either"),
        ("declared-wrong.html", _html("Harbour", latin).replace(b"charset='utf-8'", b"charset='utf-7'"),
         "either"),
        ("declared-bogus.html", _html("Harbour", latin).replace(b"charset='utf-8'", b"charset='x-nope'"),
         "either"),
        ("shift-jis.txt", ("東京で会談が再開された。" * 40).encode("shift_jis"), "either"),
        ("gb18030.txt", ("北京的会议今天开始。" * 40).encode("gb18030"), "either"),
        ("koi8r.txt", ("Переговоры возобновились в Москве. " * 30).encode("koi8_r"), "either"),
        ("invalid-utf8.txt", text.encode()[:200] + b"\xc3\x28\xa0\xa1\xe2\x28\xa1" * 50
         + text.encode()[200:], "either"),
        ("overlong-utf8.txt", text.encode() + b"\xc0\xaf\xe0\x80\xaf" * 100, "either"),
        ("surrogates-utf8.txt", text.encode() + b"\xed\xa0\x80\xed\xbf\xbf" * 20, "either"),
        ("cr-only.txt", text.replace("\n", "\r").encode(), "store"),
        ("mixed-newlines.txt", text.replace("\n\n", "\r\n\n\r").encode(), "store"),
        ("zero-width.txt", text.replace(" ", " \u200b\u200d\ufeff").encode(), "store"),
        ("bidi-overrides.txt", ("\u202e" + text + "\u202c").encode(), "store"),
        ("combining-flood.txt", (text + "Z" + "\u0301\u0316\u0327" * 30_000).encode(), "either"),
        ("emoji.txt", (text + "🙂🔥🇬🇧" * 2000).encode(), "store"),
        ("private-use.txt", (text + "\ue000\U000f0000" * 500).encode(), "either"),
        ("nonchars.txt", (text + "\ufffe\uffff\U0010ffff" * 100).encode(), "either"),
        ("form-feeds.txt", text.replace("\n\n", "\n\f\n").encode(), "store"),
        ("vertical-tabs.txt", text.replace(". ", ".\v").encode(), "either"),
        ("c1-controls.txt", (text + "\u0085\u0080\u009b" * 50).encode(), "either"),
        ("some-controls.txt", text.replace("minister", "mini\x07ster").encode(), "either"),
        ("many-controls.txt", "".join(ch + "\x01" for ch in text).encode(), "fail"),
    ]
    for name, data, expect in cases:
        w.add(f"encodings/{name}", data, "encoding", expect)


def _json_fields(w: _Writer) -> None:
    """Lone surrogates and control characters in each field of a JSON record (escaped, as
    JSON writes them, and raw where JSON allows)."""
    bad_values = {
        "lone-high": "\\ud800", "lone-low": "\\udfff", "reversed-pair": "\\udc00\\ud800",
        "nul": "\\u0000", "bell": "\\u0007", "escape": "\\u001b[31m", "del": "\\u007f",
        "c1": "\\u0085\\u009b", "newline": "\\n\\r\\n", "tab": "\\t", "bom": "\\ufeff",
        "nonchar": "\\uffff", "bidi": "\\u202e",
    }
    n = 0
    for field in _JSON_FIELDS:
        for label, bad in bad_values.items():
            record = {"title": f"Talks resume {n}", "publisher": "Anselm Courier",
                      "url": f"https://courier.example/{n}", "date": "2021-03-04",
                      "text": w.article(), "author": "Mira Dostan"}
            raw = json.dumps(record, ensure_ascii=True)
            value = json.dumps(record[field], ensure_ascii=True)
            poisoned = value[:-1] + bad + value[-1] if field != "date" else '"' + bad + '2021-03-04"'
            raw = raw.replace(f'"{field}": {value}', f'"{field}": {poisoned}', 1)
            w.add(f"json-fields/{field}-{label}.json", raw.encode(), f"json-field-{field}", "store")
            good = json.dumps({"title": f"Line {n}", "text": w.article(2)})
            w.add(f"json-fields/{field}-{label}.jsonl", (good + "\n" + raw + "\n").encode(),
                  f"jsonl-field-{field}", "store", good_records=2)
            n += 1
        # raw control bytes inside the string (JSON forbids them; strict=False reads them)
        record = {"title": "Talks", "text": w.article(), "url": "https://courier.example/x",
                  "publisher": "Courier", "date": "2021-03-04", "author": "Mira Dostan"}
        raw = json.dumps(record).replace(f'"{field}": "', f'"{field}": "\x00\x01\x1f', 1)
        w.add(f"json-fields/{field}-raw-controls.json", raw.encode(), f"json-field-{field}", "either")
        # a field whose value is the wrong type
        for label, value in (("number", 12), ("list", [1, {"a": 2}]), ("object", {"x": [None]}),
                             ("bool", True), ("null", None), ("huge-int", "HUGEINT")):
            record = {"title": "Talks", "text": w.article(), "url": "https://courier.example/y",
                      "publisher": "Courier", "date": "2021-03-04", "author": "Mira Dostan"}
            record[field] = value
            raw = json.dumps(record).replace('"HUGEINT"', "9" * 5000)
            expect = "fail" if field == "text" else "store"
            w.add(f"json-fields/{field}-type-{label}.json", raw.encode(), f"json-type-{field}", expect)
    # keys with surrogates and controls, and every field bad at once
    body = json.dumps(w.article())
    raw = '{"\\ud800key": 1, "te\\u0000xt": 2, "text": ' + body + "}"
    w.add("json-fields/bad-keys.json", raw.encode(), "json-keys", "store")
    raw = '{"\\ud800": "\\udfff", "\\u0000": "\\u0000"}'
    w.add("json-fields/only-bad-keys.json", raw.encode(), "json-keys", "fail")
    record = "{" + ", ".join(f'"{f}": "\\ud800\\u0000{f}\\u001b"' for f in _JSON_FIELDS) + "}"
    w.add("json-fields/all-bad.json", record.encode(), "json-all-bad", "either")


def _jsonl_line(w: _Writer, i: int) -> bytes:
    return json.dumps({"title": f"Report {i}", "text": w.article(2), "date": "2021-03-04",
                       "url": f"https://courier.example/r/{i}"}).encode() + b"\n"


def _jsonl(w: _Writer, big: bool) -> None:
    good = [_jsonl_line(w, i) for i in range(3)]
    w.add("jsonl/nul-line.jsonl", good[0] + b'{"text": "a\x00b' + b"\x00" * 500 + b'"}\n' + good[1]
          + b"\x00\x00\x00\n" + good[2], "jsonl-nul", "either", good_records=3)
    w.add("jsonl/nul-first.jsonl", b"\x00" * 2000 + b"\n" + good[0] + good[1], "jsonl-nul", "either",
          good_records=2)
    n_empty = 200_000 if big else 2_000
    w.add("jsonl/200k-empty-records.jsonl", lambda fh: _repeat_to(fh, b"{}\n" * 1000, 3 * n_empty),
          "jsonl-empty-records", "fail")
    w.add("jsonl/bad-then-good.jsonl", b"not json\n" * 5000 + good[0], "jsonl-mixed", "either",
          good_records=1)
    w.add("jsonl/alternating.jsonl", b"".join(good[i % 3] if i % 50 == 0 else b"{oops\n"
                                              for i in range(3000)), "jsonl-mixed", "either", good_records=60)
    w.add("jsonl/invalid-utf8-line.jsonl", good[0] + b'{"text": "caf\xe9 \xff\xfe"}\n' + good[1],
          "jsonl-utf8", "either", good_records=2)
    w.add("jsonl/bom-each-line.jsonl", b"\xef\xbb\xbf" + good[0] + b"\xef\xbb\xbf" + good[1],
          "jsonl-bom", "either", good_records=1)
    w.add("jsonl/utf16.jsonl", (good[0] + good[1]).decode().encode("utf-16"), "jsonl-utf16", "either")
    w.add("jsonl/deep-nesting.jsonl", good[0] + b"[" * 200_000 + b"]" * 200_000 + b"\n" + good[1],
          "jsonl-deep", "either", good_records=2)
    w.add("jsonl/deep-object.jsonl", good[0] + b'{"text": ' + b'{"a": ' * 50_000 + b"1"
          + b"}" * 50_000 + b"}\n", "jsonl-deep", "either", good_records=1)
    w.add("jsonl/huge-int.jsonl", good[0] + b'{"text": "x", "date": ' + b"9" * 100_000 + b"}\n",
          "jsonl-huge-number", "either", good_records=1)
    w.add("jsonl/huge-float.jsonl", good[0] + b'{"text": "x y z", "date": 1e999999}\n',
          "jsonl-huge-number", "either", good_records=1)
    w.add("jsonl/nan.jsonl", good[0] + b'{"text": "x y z", "date": NaN, "title": Infinity}\n',
          "jsonl-nan", "either", good_records=1)
    w.add("jsonl/duplicate-keys.jsonl", b'{"text": "first", "text": "' + w.article().replace(
        "\n", "\\n").replace('"', '\\"').encode() + b'"}\n', "jsonl-dupkeys", "either")
    w.add("jsonl/giant-line.jsonl", lambda fh: (fh.write(good[0]), fh.write(b'{"text": "'),
                                                 _repeat_to(fh, b"word " * 1000, 21 * MB),
                                                 fh.write(b'"}\n'), fh.write(good[1])),
          "jsonl-giant-line", "either", good_records=2)
    w.add("jsonl/no-newline-at-end.jsonl", good[0] + good[1].rstrip(b"\n"), "jsonl-eof", "store",
          good_records=2)
    w.add("jsonl/truncated.jsonl", good[0] + good[1][: len(good[1]) // 2], "jsonl-truncated", "either",
          good_records=1)
    w.add("jsonl/records-not-objects.jsonl", b'1\n"text"\n[1,2]\nnull\ntrue\n' + good[0],
          "jsonl-types", "either", good_records=1)
    w.add("jsonl/text-empty.jsonl", b'{"text": ""}\n{"text": "   "}\n{"text": []}\n{"body": {}}\n',
          "jsonl-no-text", "fail")
    w.add("jsonl/many-fields.jsonl", json.dumps({f"k{i}": i for i in range(50_000)}).encode() + b"\n"
          + good[0], "jsonl-wide", "either", good_records=1)
    w.add("jsonl/long-key.jsonl", b'{"' + b"k" * 500_000 + b'": 1}\n' + good[0], "jsonl-long-key",
          "either", good_records=1)
    w.add("jsonl/html-field.jsonl", json.dumps({"html": "<p>" * 50_000}).encode() + b"\n" + good[0],
          "jsonl-html", "either", good_records=1)
    w.add("jsonl/crlf.jsonl", good[0].replace(b"\n", b"\r\n") + good[1].replace(b"\n", b"\r\n"),
          "jsonl-crlf", "store", good_records=2)
    w.add("jsonl/gz-truncated.jsonl.gz", _gzip(b"".join(good) * 30)[:-200], "jsonl-gz-truncated",
          "either", good_records=3)
    w.add("jsonl/gz-garbage-tail.jsonl.gz", _gzip(b"".join(good)) + b"garbage" * 100, "jsonl-gz-tail",
          "either", good_records=3)
    w.add("jsonl/empty-records.jsonl.gz", _gzip(b"{}\n" * 50_000), "jsonl-empty-records-gz", "fail")
    if big:
        w.add("jsonl/blank-bomb.jsonl.gz", _gzip_repeated(b"\n", 400 * MB), "jsonl-blank-bomb", "fail")
        w.add("jsonl/empty-record-bomb.jsonl.gz", _gzip_repeated(b"{}\n", 300 * MB), "jsonl-record-bomb",
              "fail")


def _json(w: _Writer) -> None:
    good = json.dumps({"title": "Talks", "text": w.article()})
    w.add("json/array-mixed.json", ("[" + ", ".join([good, "1", '{"x": 1}', good, "null"]) + "]").encode(),
          "json-array", "either", good_records=1)
    w.add("json/array-truncated.json", ("[" + good + ", " + good[:40]).encode(), "json-truncated",
          "either", good_records=1)
    w.add("json/deep.json", b"[" * 500_000 + b"]" * 500_000, "json-deep", "fail")
    w.add("json/deep-in-array.json", ("[" + good + ", " + "[" * 100_000 + "]" * 100_000 + "]").encode(),
          "json-deep", "either", good_records=1)
    w.add("json/wrapper-deep.json", b'{"articles": [' + b"{" * 100 + b"}" * 100 + b"]}", "json-deep",
          "fail")
    w.add("json/trailing.json", (good + "\n" + good).encode(), "json-trailing", "either")
    w.add("json/top-level-string.json", b'"just a string"', "json-type", "fail")
    w.add("json/number.json", b"1" * 10_000, "json-type", "fail")
    w.add("json/single-quotes.json", b"{'text': 'x'}", "json-malformed", "fail")
    w.add("json/utf16.json", good.encode("utf-16"), "json-utf16", "either")
    w.add("json/nan.json", b'{"text": NaN}', "json-nan", "fail")
    w.add("json/wrapper-empty.json", b'{"articles": []}', "json-empty-wrapper", "fail")
    w.add("json/wrapper-20k-empty.json", b'{"articles": [' + b"{}, " * 20_000 + b"{}]}",
          "json-empty-records", "fail")
    w.add("json/unterminated-string.json", b'{"text": "' + b"a" * 100_000, "json-truncated", "fail")


def _archives(w: _Writer, big: bool) -> None:
    text = w.article().encode()
    full = _gzip(text * 20)
    for i, cut in enumerate((10, 20, len(full) // 3, len(full) // 2, len(full) - 9, len(full) - 1)):
        w.add(f"archives/truncated-{i}.txt.gz", full[:cut], "gz-truncated", "either")
    w.add("archives/corrupt-middle.txt.gz", full[:60] + bytes(b ^ 0xFF for b in full[60:120]) + full[120:],
          "gz-corrupt", "fail")
    w.add("archives/double.txt.gz", _gzip(_gzip(text)), "gz-double", "fail")
    w.add("archives/magic-only.gz", b"\x1f\x8b", "gz-magic-only", "fail")
    w.add("archives/bad-header.gz", b"\x1f\x8b\x08\xff" + b"\x00" * 20, "gz-bad-header",
          "fail")
    w.add("archives/plain-named-gz.txt.gz", text, "gz-not-gz", "store")
    w.add("archives/concatenated-members.txt.gz", _gzip(text) + _gzip(text), "gz-members", "either")
    w.add("archives/html.html.gz", _gzip(_html("Harbour", w.article())), "gz-html", "store")
    w.add("archives/warc-in-gz-named-txt.txt.gz",
          _gzip(_warc_record("https://x.example/1", _html("A", w.article()))), "gz-warc", "either")
    if big:
        w.add("archives/bomb.txt.gz", _gzip_repeated(b"a", 200 * MB), "gz-bomb", "fail")
        w.add("archives/bomb.html.gz", _gzip_repeated(b"<p>a</p>", 200 * MB), "gz-bomb", "fail")
        w.add("archives/bomb-noext.gz", _gzip_repeated(b"word ", 100 * MB), "gz-bomb", "fail")
        w.add("archives/bomb.json.gz", _gzip_repeated(b"[", 100 * MB), "gz-bomb", "fail")


def _warc(w: _Writer) -> None:
    rec = [_warc_record(f"https://x.example/{i}", _html(f"Report {i}", w.article())) for i in range(3)]
    w.add("warc/good-then-truncated.warc", rec[0] + rec[1][: len(rec[1]) // 2], "warc-truncated",
          "either", good_records=1)
    w.add("warc/bad-length.warc", rec[0] + _warc_record("https://x.example/b", b"<p>x</p>", length=10**9),
          "warc-length", "either", good_records=1)
    w.add("warc/negative-length.warc", _warc_record("https://x.example/n", b"<p>x</p>", length=-5) + rec[1],
          "warc-length", "either")
    w.add("warc/garbage-header.warc", b"WARC/1.0\r\nthis is not a header\r\n\r\n" + rec[0], "warc-garbage",
          "either")
    w.add("warc/gz-truncated.warc.gz", b"".join(_gzip(r) for r in rec)[:-100], "warc-gz-truncated",
          "either", good_records=2)
    w.add("warc/only-magic.warc", b"WARC/1.0\r\n", "warc-empty", "fail")
    w.add("warc/binary-payload.warc",
          _warc_record("https://x.example/p", b"%PDF-1.4" + bytes(range(256)) * 10) + rec[2],
          "warc-binary", "either", good_records=1)


def _html_files(w: _Writer, big: bool) -> None:
    art = w.article()
    w.add("html/undefined-entities.xhtml",
          b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body>&lol9;</body></html>',
          "xhtml-undefined-entity", "fail")
    w.add("html/undefined-entities-text.xhtml",
          ('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>'
           + art.replace("\n\n", "</p><p>") + " &nbsp; &eacute; &bogus;</p></body></html>").encode(),
          "xhtml-entities", "store")
    bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
                      for i in range(1, 10))
            + ']><html xmlns="http://www.w3.org/1999/xhtml"><body><p>&lol9;</p></body></html>')
    w.add("html/billion-laughs.xhtml", bomb.encode(), "xhtml-entity-bomb", "fail")
    w.add("html/billion-laughs.html", bomb.encode(), "html-entity-bomb", "fail")
    w.add("html/xxe.xhtml", b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
          b'<html xmlns="http://www.w3.org/1999/xhtml"><body><p>&xxe;</p></body></html>', "xhtml-xxe", "fail")
    w.add("html/deep-divs.html", ("<html><body>" + "<div>" * 100_000 + art + "</div>" * 100_000
                                  + "</body></html>").encode(), "html-deep", "either")
    w.add("html/unclosed.html", ("<html><body>" + "<p><b><i>" * 5000 + art).encode(), "html-unclosed",
          "either")
    w.add("html/nul-bytes.html", _html("Harbour", art).replace(b"<p>", b"<p>\x00", 3), "html-nul", "either")
    w.add("html/giant-attribute.html", b'<html><body><div class="' + b"x" * 5 * MB + b'">'
          + art.encode() + b"</div></body></html>", "html-attribute", "either")
    w.add("html/giant-comment.html", b"<html><body><!--" + b"-" * 3 * MB + b"-->" + _html("T", art)
          + b"</body></html>", "html-comment", "either")
    w.add("html/style-flood.html", b"<html><head><style>" + b"a{color:red}" * 300_000 + b"</style></head>"
          b"<body><p>" + art.encode() + b"</p></body></html>", "html-style", "either")
    w.add("html/many-tables.html", b"<html><body>" + b"<table><tr><td>1</td></tr></table>" * 50_000
          + b"</body></html>", "html-tables", "either")
    w.add("html/wrong-root.xml", b'<?xml version="1.0"?><catalog><book>x</book></catalog>', "xml-root",
          "fail")
    w.add("html/svg.html", b"<svg xmlns='http://www.w3.org/2000/svg'><text>hello</text></svg>", "svg",
          "either")
    w.add("html/frameset.html", b"<html><frameset><frame src='a.html'></frameset></html>", "frameset", "fail")
    w.add("html/plain-named-html.html", art.encode(), "html-plain", "store")
    w.add("html/meta-refresh.html", b"<html><head><meta http-equiv='refresh' content='0;url=http://x'>"
          b"</head><body></body></html>", "no-body", "fail")
    tags = ["p", "div", "span", "a", "b", "table", "tr", "td", "li", "script", "style", "!--", "br", "h1"]
    r = w.rng
    for i in range(150):  # tag soup: random nesting, unclosed and stray tags around article text
        parts = []
        for _ in range(r.randint(1, 60)):
            t = r.choice(tags)
            parts.append(r.choice([f"<{t}>", f"</{t}>", f"<{t} x='{w.words(1)}'>", w.words(r.randint(0, 12)),
                                   "&amp;", "&#0;", "&#xD800;", "&#99999999;", "&unknown;", "<", ">"]))
        if i % 3 == 0:
            parts.insert(r.randint(0, len(parts)), "<p>" + w.article(1) + "</p>")
        w.add(f"html/soup/soup-{i:03d}.html", "".join(parts).encode(), "html-soup", "either")
    if big:
        w.add("html/half-million-paragraphs.html", lambda fh: (
            fh.write(b"<html><body>"), _repeat_to(fh, b"<p>a</p>" * 10_000, 500_000 * 8),
            fh.write(b"</body></html>")), "html-500k-p", "either")
        w.add("html/half-million-lines.html", lambda fh: (
            fh.write(b"<html><body><pre>"), _repeat_to(fh, b"a\n" * 10_000, 1_000_000),
            fh.write(b"</pre></body></html>")), "html-500k-lines", "either")
        w.add("html/big-article.html", lambda fh: (
            fh.write(b"<html><body><article>"),
            _repeat_to(fh, ("<p>" + art.replace("\n\n", "</p><p>") + "</p>").encode(), 15 * MB),
            fh.write(b"</article></body></html>")), "html-15mb", "either")


def _feeds(w: _Writer) -> None:
    art = w.article().replace("\n\n", " ")
    item = f"<item><title>Talks</title><link>https://x.example/1</link><description>{art}</description></item>"
    w.add("feeds/truncated.rss", f"<?xml version='1.0'?><rss><channel>{item}<item><title>T".encode(),
          "feed-truncated", "either")
    decls = "".join(f'<!ENTITY a{i} "{("&a" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                    for i in range(1, 9))
    w.add("feeds/entity-bomb.rss", ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">' + decls
                                    + "]><rss><channel><item><title>&a8;</title>"
                                    "<description>&a8;</description></item></channel></rss>").encode(),
          "feed-bomb", "fail")
    w.add("feeds/no-entries.rss", b"<?xml version='1.0'?><rss><channel><title>x</title></channel></rss>",
          "feed-empty", "fail")
    w.add("feeds/many-entries.rss", ("<?xml version='1.0'?><rss><channel>"
                                     + "<item><title>x</title><description>short</description></item>"
                                     * 20_000
                                     + "</channel></rss>").encode(), "feed-many", "fail")
    w.add("feeds/binary.atom", b"<?xml version='1.0'?><feed>" + bytes(range(256)) * 20, "feed-binary", "fail")
    w.add("feeds/deep.rss", ("<?xml version='1.0'?><rss><channel>" + "<x>" * 50_000 + "</x>" * 50_000
                             + "</channel></rss>").encode(), "feed-deep", "either")


def _texts(w: _Writer, big: bool) -> None:
    art = w.article()
    r = w.rng
    cases: list[tuple[str, bytes, str]] = [
        ("one-word.txt", b"Hello", "either"),
        ("punctuation-flood.txt", b"!?.,;:" * 100_000, "fail"),
        ("quote-flood.txt", (art + '"' * 200_000 + "\u201c\u201d" * 50_000).encode(), "either"),
        ("unbalanced-quotes.txt", ("\u201c" + art) .encode() * 200, "either"),
        ("said-flood.txt", (art + " said" * 100_000).encode(), "either"),
        ("date-flood.txt", (art + " ".join(f"on {r.randint(1, 28)} January {r.randint(1900, 2100)},"
                                            for _ in range(20_000))).encode(), "either"),
        ("number-flood.txt", (art + " ".join(str(r.getrandbits(200)) for _ in range(5_000))).encode(),
         "either"),
        ("name-flood.txt", (art + ". ".join(f"{r.choice(_GIVEN)} {r.choice(_FAMILY)} met "
                                             f"{r.choice(_GIVEN)} {r.choice(_FAMILY)} in {r.choice(_PLACES)}"
                                             for _ in range(6_000))).encode(), "either"),
        ("caps-flood.txt", (art + " ".join(w.words(1).upper() for _ in range(60_000))).encode(), "either"),
        ("url-flood.txt", (art + " ".join(f"https://x{i}.example/a?b={i}" for i in range(30_000))).encode(),
         "either"),
        ("parens-flood.txt", (art + "(" * 100_000 + ")" * 100_000).encode(), "either"),
        ("blank-paragraphs.txt", ("\n" * 500_000 + art + "\n" * 500_000).encode(), "either"),
        ("one-char-lines.txt", ("a\n" * 300_000).encode(), "either"),
        ("long-word.txt", (art + "x" * 300_000).encode(), "either"),
        ("repeated-article.txt", (art * 300).encode(), "either"),
        ("tabs-and-spaces.txt", (art + " \t" * 300_000).encode(), "either"),
        ("markdown.md", ("# Title\n\n" + art + "\n\n| a | b |\n|---|---|\n" * 2000).encode(), "either"),
        ("looks-like-html.txt", ("<p>" + art + "</p>" + "<" * 100_000).encode(), "either"),
        ("regex-bait.txt", (art + "a" * 50_000 + "!" + " -" * 50_000 + "Mr." * 20_000).encode(), "either"),
        ("french.txt", ("Les pourparlers ont repris mardi à Paris, a déclaré le ministre. " * 40).encode(),
         "store"),
    ]
    for name, data, expect in cases:
        w.add(f"texts/{name}", data, "text-pathological", expect)
    for i in range(400):  # small odd texts: many variants of short, broken articles
        kind = i % 5
        if kind == 0:
            data = w.words(r.randint(1, 30)).encode()
        elif kind == 1:
            data = (w.article(1) + "\x00").encode()
        elif kind == 2:
            data = w.article(r.randint(1, 6)).encode("utf-16")
        elif kind == 3:
            data = w.article(2).encode()[: r.randint(1, 200)]
        else:
            data = ("\n".join(w.words(r.randint(1, 6)) for _ in range(r.randint(1, 80)))).encode()
        w.add(f"texts/small/odd-{i:03d}.txt", data, f"text-small-{kind}", "either")
    if big:
        giant_line = (art.replace("\n", " ") * 3).encode()
        w.add("texts/giant-single-line-3mb.txt", lambda fh: _repeat_to(fh, giant_line, 3 * MB),
              "text-giant-line", "fail")
        w.add("texts/giant-word-2mb.txt", lambda fh: _repeat_to(fh, b"a" * MB, 2 * MB), "text-giant-word",
              "fail")
        block = (art * 50).encode()
        for mb in (1, 2, 5, 10, 19.9):
            w.add(f"texts/long-{mb}mb.txt", lambda fh, n=int(mb * MB): _repeat_to(fh, block, n),
                  "text-long", "fail")
        w.add("texts/over-limit-25mb.txt", lambda fh: _repeat_to(fh, block, 25 * MB), "text-over-limit",
              "fail")
        near: list[str] = []
        while sum(map(len, near)) < 280_000:  # distinct paragraphs: cleaning keeps them all
            near.append(w.article(6))
        w.add("texts/just-under-cap.txt", "\n\n".join(near).encode(), "text-near-cap", "either")


def _links(w: _Writer) -> None:
    base = w.root / "links"
    base.mkdir(parents=True, exist_ok=True)
    targets = {"to-etc-passwd.txt": "/etc/passwd", "to-etc": "/etc", "to-parent": "..",
               "to-root": "/", "broken.txt": "/nonexistent/newsgraph/file.txt"}
    for name, target in targets.items():
        link = base / name
        if not link.is_symlink():
            link.symlink_to(target)
        w.specs.append(Spec(f"links/{name}", "symlink-out", "fail"))
    loop = base / "loop"
    loop.mkdir(exist_ok=True)
    if not (loop / "again").is_symlink():
        (loop / "again").symlink_to("..")
    inside = base / "inside.txt"
    inside.write_text(w.article(), encoding="utf-8")
    if not (base / "to-inside.txt").is_symlink():
        (base / "to-inside.txt").symlink_to("inside.txt")
    w.specs.append(Spec("links/inside.txt", "plain", "store"))
    w.specs.append(Spec("links/to-inside.txt", "symlink-in", "either"))
    fifo = base / "fifo.txt"
    if hasattr(os, "mkfifo") and not fifo.exists():
        os.mkfifo(fifo)
        w.specs.append(Spec("links/fifo.txt", "fifo", "fail"))
