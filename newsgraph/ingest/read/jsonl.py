"""JSON and JSON Lines collections: one article per record, fields mapped by ``Options``.

Accepted shapes: JSON Lines (one object per line; ``file.jsonl#<line number>``,
1-based like an editor's), and a ``.json`` file holding one object (path = the
file), an array of objects, or an object wrapping the array under one of
``formats.JSON_WRAPPER_KEYS`` (``{"articles": [...]}``) — records are
``file.json#<index>``, 0-based like ``jq .[0]``.

Both are streamed: JSON Lines line by line, JSON arrays element by element by a
small incremental reader over ``json.JSONDecoder.raw_decode`` (the standard
library has no streaming parser and we did not want ijson for this), so a
multi-gigabyte dump needs memory for one record at a time.

A record's text is the first of ``Options.json_text_fields`` holding a non-empty
string (or a list of strings: paragraphs, joined by blank lines); names may be
dotted paths (``content.rendered``), match case-insensitively, and a
``{"rendered": ...}``/``{"value": ...}`` object stands for its string. The text is
encoded as UTF-8 — the only place the read stage decodes, because JSON's
strings are already text.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any, BinaryIO

from newsgraph.errors import ReadError
from newsgraph.ingest.read import formats, sniff
from newsgraph.ingest.read.text import payload_format
from newsgraph.model.document import Failure, RawDocument
from newsgraph.settings import Options

__all__ = ["read_json", "read_jsonl", "record_document"]

Item = RawDocument | Failure

# strict=False accepts raw tabs/newlines inside strings, a common flaw of
# hand-made dumps that does not make the record ambiguous.
_DECODER = json.JSONDecoder(strict=False)
_NESTED_TEXT_KEYS = ("rendered", "value", "text", "#text", "content")
_WS = " \t\r\n"


# -- field mapping -----------------------------------------------------------------------------------


def _lookup(record: dict[str, Any], name: str) -> Any:
    value: Any = record
    for part in name.split("."):
        if not isinstance(value, dict):
            return None
        if part in value:
            value = value[part]
            continue
        lowered = {k.lower(): k for k in value if isinstance(k, str)}
        key = lowered.get(part.lower())
        if key is None:
            return None
        value = value[key]
    return value


def _as_text(value: Any) -> str | None:
    if isinstance(value, dict):
        value = next((value[k] for k in _NESTED_TEXT_KEYS if isinstance(value.get(k), str)), None)
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        value = "\n\n".join(v for v in value if v.strip())
    if isinstance(value, str) and value.strip():
        return value
    return None


def _first(record: dict[str, Any], names: Sequence[str]) -> tuple[str, str] | None:
    for name in names:
        text = _as_text(_lookup(record, name))
        if text is not None:
            return name, text
    return None


def _published(record: dict[str, Any], names: Sequence[str]) -> str | None:
    for name in names:
        value = _lookup(record, name)
        if isinstance(value, bool):
            continue
        if isinstance(value, int | float) and value > 0:
            # Epoch numbers: milliseconds when too large to be seconds (after year 5138).
            seconds = value / 1000 if value > 1e11 else value
            try:
                return datetime.fromtimestamp(seconds, tz=UTC).isoformat()
            except (OverflowError, OSError, ValueError):
                continue
        text = _as_text(value)
        if text is not None:
            return text.strip()
    return None


def _name(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name") or value.get("title")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _authors(record: dict[str, Any], names: Sequence[str]) -> list[str]:
    for name in names:
        value = _lookup(record, name)
        items = value if isinstance(value, list) else [value]
        found = [n for n in (_name(v) for v in items) if n]
        if found:
            return found
    return []


def record_document(record: Any, path: str, options: Options) -> Item:
    """Map one JSON record to a RawDocument, or a Failure saying what it lacks."""
    if not isinstance(record, dict):
        return Failure(path, "E105", f"The record is a JSON {_json_type(record)}, not an object.")
    found = _first(record, options.json_text_fields)
    if found is None:
        keys = [k for k in record if isinstance(k, str)]
        shown = ", ".join(keys[:12]) + (", …" if len(keys) > 12 else "")
        return Failure(path, "E109", "The record has no text: none of the fields "
                       f"{', '.join(options.json_text_fields)} holds a non-empty string "
                       f"(its fields are: {shown or 'none'}).")
    field, text = found
    data = text.encode("utf-8", errors="surrogatepass")
    if len(data) > options.max_bytes:
        return Failure(path, "E102", f"The record's text is {len(data):,} bytes, over the "
                       f"{options.max_bytes:,}-byte limit.")
    declared: dict[str, Any] = {"encoding": "utf-8", "encoding_source": "json", "text_field": field}
    title = _first(record, options.json_title_fields)
    if title:
        declared["title"] = title[1].strip()
    url = _first(record, options.json_url_fields)
    if url:
        declared["url"] = url[1].strip()
        declared["url_source"] = f"JSON field “{url[0]}”"
    published = _published(record, options.json_date_fields)
    if published:
        declared["published"] = published
    for name in options.json_publisher_fields:
        publisher = _name(_lookup(record, name))
        if publisher:
            declared["publisher"] = publisher
            declared["publisher_source"] = f"JSON field “{name}”"
            break
    authors = _authors(record, getattr(options, "json_author_fields", formats.JSON_AUTHOR_FIELDS))
    if authors:
        declared["authors"] = authors
    hint = "html" if field.lower().endswith("html") else "text"
    return RawDocument(data=data, path=path, format=payload_format(data, hint), declared=declared)


def _json_type(value: Any) -> str:
    return {list: "array", str: "string", bool: "boolean", type(None): "null", int: "number",
            float: "number", dict: "object"}.get(type(value), type(value).__name__)


# -- JSON Lines --------------------------------------------------------------------------------------


def read_jsonl(stream: BinaryIO, path: str, options: Options) -> Iterator[Item]:
    """One record per line; a bad line is a Failure and the next line is read."""
    line_no = 0
    while True:
        line = stream.readline(options.max_bytes + 1)
        if not line:
            return
        line_no += 1
        where = f"{path}#{line_no}"
        if len(line) > options.max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass  # skip the rest of the oversized line, never holding it whole
            yield Failure(where, "E102", f"Line {line_no} is over the {options.max_bytes:,}-byte limit.")
            continue
        if line_no == 1:
            line = line.removeprefix(codecs.BOM_UTF8)
        if not line.strip():
            continue
        try:
            record = _DECODER.decode(line.decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield Failure(where, "E105", f"Line {line_no} is not valid UTF-8 (byte {exc.start}); "
                          "JSON Lines must be UTF-8.")
            continue
        except json.JSONDecodeError as exc:
            yield Failure(where, "E105", f"Line {line_no} is not valid JSON: {exc.msg} "
                          f"at column {exc.colno}.")
            continue
        yield record_document(record, where, options)


# -- JSON (streamed) ---------------------------------------------------------------------------------


class _Malformed(Exception):
    pass


class _JsonStream:
    """Just enough of an incremental JSON reader to walk a top-level array or wrapper object.

    Values are parsed with ``raw_decode`` over a text buffer that grows when a
    value runs past its end; consumed text is dropped, so memory holds one
    record plus one chunk.
    """

    def __init__(self, stream: BinaryIO, chunk: int = 1 << 16):
        self.stream = stream
        self.chunk = chunk
        head = stream.read(4)
        bom = sniff.bom_encoding(head)
        self.decoder = codecs.getincrementaldecoder(bom[0] if bom else "utf-8")()
        self.buf = self.decoder.decode(head[bom[1]:] if bom else head)
        self.pos = 0
        self.eof = False
        self.line = 1  # line number of buf[0]
        self.base = 0  # characters dropped before buf[0]

    def _fill(self, want: int | None = None) -> bool:
        if self.eof:
            return False
        if self.pos:
            dropped = self.buf[: self.pos]
            self.line += dropped.count("\n")
            self.base += self.pos
            self.buf = self.buf[self.pos:]
            self.pos = 0
        data = self.stream.read(max(want or 0, self.chunk))
        try:
            self.buf += self.decoder.decode(data, final=not data)
        except UnicodeDecodeError as exc:
            raise _Malformed(f"The file is not valid UTF-8 near character {self.base + len(self.buf):,} "
                             f"(byte {exc.start} of a chunk); JSON must be UTF-8.") from None
        if not data:
            self.eof = True
        return bool(data)

    def where(self) -> str:
        line = self.line + self.buf.count("\n", 0, self.pos)
        return f"line {line}"

    def peek(self) -> str:
        """The next non-whitespace character ('' at the end), without consuming it."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in _WS:
                self.pos += 1
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._fill():
                return ""

    def expect(self, chars: str) -> str:
        c = self.peek()
        if not c or c not in chars:
            got = repr(c) if c else "the end of the file"
            wanted = " or ".join(repr(x) for x in chars)
            raise _Malformed(f"Expected {wanted} at {self.where()}, found {got}.")
        self.pos += 1
        return c

    def value(self) -> Any:
        self.peek()
        while True:
            try:
                obj, end = _DECODER.raw_decode(self.buf, self.pos)
                # A value that ends exactly at the buffer's end may continue (a number).
                if end < len(self.buf) or self.eof:
                    self.pos = end
                    return obj
            except json.JSONDecodeError as exc:
                if self.eof:
                    raise _Malformed(f"Invalid JSON at {self.where()}: {exc.msg}.") from None
                incomplete = exc.msg.startswith("Unterminated") or exc.pos >= len(self.buf) - 8
                if not incomplete:
                    self.pos = exc.pos
                    raise _Malformed(f"Invalid JSON at {self.where()}: {exc.msg}.") from None
            self._fill(want=len(self.buf))  # double the window: re-parsing stays linear overall


def read_json(stream: BinaryIO, path: str, options: Options) -> Iterator[Item]:
    """A JSON file: one object, an array of objects, or an object wrapping such an array."""
    js = _JsonStream(stream)
    try:
        first = js.peek()
        if first == "[":
            yield from _array(js, path, options)
        elif first == "{":
            yield from _object(js, path, options)
        elif not first:
            raise ReadError("The file holds only whitespace.", path=path, code="E101")
        else:
            value = js.value()
            raise ReadError(f"The file holds a JSON {_json_type(value)}, not an object or an array "
                            "of articles.", path=path, code="E109")
        if js.peek():
            raise _Malformed(f"There is more data after the JSON value, at {js.where()} "
                             "(several values one after another: name the file .jsonl if it is JSON Lines).")
    except _Malformed as exc:
        yield Failure(path, "E105", str(exc))


def _array(js: _JsonStream, path: str, options: Options, *, opened: bool = False) -> Iterator[Item]:
    if not opened:
        js.expect("[")
    if js.peek() == "]":
        js.pos += 1
        return
    index = 0
    while True:
        try:
            record = js.value()
        except _Malformed as exc:
            raise _Malformed(f"Element {index} is malformed: {exc} "
                             "Elements after it were not read.") from None
        yield record_document(record, f"{path}#{index}", options)
        index += 1
        if js.expect(",]") == "]":
            return


def _object(js: _JsonStream, path: str, options: Options) -> Iterator[Item]:
    """A single article, or a wrapper whose article array is streamed.

    A wrapper is an object whose ``articles``/``items``/``data``… key holds an
    array starting with an object, and which has no text field of its own
    before that key (an article with a ``data`` list stays one article).
    """
    js.expect("{")
    members: dict[str, Any] = {}
    wrapped = False
    if js.peek() == "}":
        js.pos += 1
    else:
        while True:
            key = js.value()
            if not isinstance(key, str):
                raise _Malformed(f"Expected a property name at {js.where()}.")
            js.expect(":")
            if (not wrapped and key.lower() in formats.JSON_WRAPPER_KEYS and js.peek() == "["
                    and _first(members, options.json_text_fields) is None):
                js.pos += 1
                if js.peek() in ("{", "]"):  # an array of records (or none): stream it
                    wrapped = True
                    yield from _array(js, path, options, opened=True)
                else:
                    members[key] = _rest_of_array(js)
            else:
                members[key] = js.value()
            if js.expect(",}") == "}":
                break
    if not wrapped:
        yield record_document(members, path, options)


def _rest_of_array(js: _JsonStream) -> list[Any]:
    """The values of an array whose ``[`` was already consumed."""
    values: list[Any] = []
    if js.peek() == "]":
        js.pos += 1
        return values
    while True:
        values.append(js.value())
        if js.expect(",]") == "]":
            return values
