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
import zlib
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any, BinaryIO

from newsgraph import settings
from newsgraph.errors import ReadError
from newsgraph.ingest.read import formats, sniff
from newsgraph.ingest.read.text import payload_format
from newsgraph.model.document import Failure, RawDocument
from newsgraph.safe_text import clean_or_none, repair_body, repair_label
from newsgraph.settings import Options

__all__ = ["read_json", "read_jsonl", "record_document"]

Item = RawDocument | Failure

class _LongNumber(str):
    """A JSON integer too long for Python to convert (4,300 digits), kept as written."""


def _int(digits: str) -> int | str:
    """A JSON integer; one too long to convert is kept as written (``_LongNumber``), so one
    absurd field does not cost the record (the text is in another field)."""
    return int(digits) if len(digits) <= 4000 else _LongNumber(digits)


# strict=False accepts raw tabs/newlines inside strings, a common flaw of
# hand-made dumps that does not make the record ambiguous.
_DECODER = json.JSONDecoder(strict=False, parse_int=_int)
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
    if isinstance(value, list) and value and all(_string(v) for v in value):
        value = "\n\n".join(v for v in value if v.strip())
    if _string(value) and value.strip():
        return value
    return None


def _string(value: Any) -> bool:
    """A JSON string; an integer too long to convert is kept as its digits but is no text."""
    return isinstance(value, str) and not isinstance(value, _LongNumber)


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
    # JSON strings may hold what UTF-8 cannot (lone surrogates) and what no text needs
    # (control characters): each field is repaired or dropped by its rule (safe_text).
    text, replaced = repair_body(text)
    warnings = [f"{replaced:,} lone surrogate or control character(s) in the record's text "
                "replaced by U+FFFD"] if replaced else []
    data = text.encode("utf-8")
    if len(data) > options.max_bytes:
        return Failure(path, "E102", f"The record's text is {len(data):,} bytes, over the "
                       f"{options.max_bytes:,}-byte limit.")
    declared: dict[str, Any] = {"encoding": "utf-8", "encoding_source": "json", "text_field": field}
    title = _first(record, options.json_title_fields)
    if title and repair_label(title[1]):
        declared["title"] = repair_label(title[1])
    url = _first(record, options.json_url_fields)
    if url:
        if clean_or_none(url[1]):
            declared["url"] = clean_or_none(url[1]).strip()
            declared["url_source"] = f"JSON field “{url[0]}”"
        else:
            warnings.append("declared url dropped: it holds control characters or lone surrogates")
    published = _published(record, options.json_date_fields)
    if published:
        if clean_or_none(published):
            declared["published"] = published
        else:
            warnings.append("declared date dropped: it holds control characters or lone surrogates")
    for name in options.json_publisher_fields:
        publisher = _name(_lookup(record, name))
        if publisher and repair_label(publisher):
            declared["publisher"] = repair_label(publisher)
            declared["publisher_source"] = f"JSON field “{name}”"
            break
    authors = [repair_label(a) for a in _authors(
        record, getattr(options, "json_author_fields", formats.JSON_AUTHOR_FIELDS))]
    if any(authors):
        declared["authors"] = [a for a in authors if a]
    if warnings:
        declared["warnings"] = warnings
    hint = "html" if field.lower().endswith("html") else "text"
    return RawDocument(data=data, path=path, format=payload_format(data, hint), declared=declared)


def _json_type(value: Any) -> str:
    return {list: "array", str: "string", bool: "boolean", type(None): "null", int: "number",
            float: "number", dict: "object", _LongNumber: "number"}.get(type(value), type(value).__name__)


# -- JSON Lines --------------------------------------------------------------------------------------


def read_jsonl(stream: BinaryIO, path: str, options: Options) -> Iterator[Item]:
    """One record per line; a bad line is a Failure and the next line is read.

    Lines are cut from blocks rather than read one by one, so a run of blank lines (a
    decompression bomb of newlines) is skipped a block at a time. A file with no record
    at all fails with E101; the read stops, with the reason, after
    ``settings.MAX_BAD_RECORDS_IN_A_ROW`` failed records in a row or once
    ``settings.MAX_CONTAINER_BYTES`` have been read (E102: decompressed input has no
    size to check beforehand).
    """
    lines = [0]  # lines read so far, blank ones included

    def records_of_lines() -> Iterator[tuple[str, Item]]:
        for line_no, line in _lines(stream, options.max_bytes, lines):
            where = f"{path}#{line_no}"
            if line is None:
                yield f"at line {line_no:,}", Failure(
                    where, "E102", f"Line {line_no} is over the {options.max_bytes:,}-byte limit.")
                continue
            if line_no == 1:
                line = line.removeprefix(codecs.BOM_UTF8)
            if line.strip():
                yield f"at line {line_no:,}", _record_of_line(line, line_no, where, options)

    records = 0
    for item in _until_a_run_of_failures(records_of_lines(), path, "of the file "):
        records += 1
        yield item
    if records == 0:
        yield Failure(path, "E101", f"The file holds no record: {lines[0]:,} blank line(s)." if lines[0]
                      else "The file holds no record.")


def _until_a_run_of_failures(items: Iterator[tuple[str, Item]], path: str, rest: str = "") -> Iterator[Item]:
    """The items of a container, each given with where it stands; after
    ``settings.MAX_BAD_RECORDS_IN_A_ROW`` failures in a row, an E105 saying where reading
    stopped, and no more (a file of nothing but bad records is not read to its end)."""
    bad_in_a_row = 0
    for where, item in items:
        yield item
        bad_in_a_row = bad_in_a_row + 1 if isinstance(item, Failure) else 0
        if bad_in_a_row >= settings.MAX_BAD_RECORDS_IN_A_ROW:
            yield Failure(path, "E105", f"Stopped reading {where}: its last {bad_in_a_row:,} records "
                          f"all failed, so the rest {rest}was not read.")
            return


def _record_of_line(line: bytes, line_no: int, where: str, options: Options) -> Item:
    try:
        record = _DECODER.decode(line.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return Failure(where, "E105", f"Line {line_no} is not valid UTF-8 (byte {exc.start}); "
                       "JSON Lines must be UTF-8.")
    except json.JSONDecodeError as exc:
        return Failure(where, "E105", f"Line {line_no} is not valid JSON: {exc.msg} at column {exc.colno}.")
    except (RecursionError, ValueError) as exc:  # nesting too deep; a number too long to convert
        return Failure(where, "E105", f"Line {line_no} could not be parsed: {type(exc).__name__}: "
                       f"{str(exc)[:200]}.")
    return record_document(record, where, options)


_BLOCK = 1 << 20
_BLANK = b" \t\r\n\f\v"


def _lines(stream: BinaryIO, max_line: int, count: list[int]) -> Iterator[tuple[int, bytes | None]]:
    """``(line number, line)`` for every non-blank line; ``None`` for a line over ``max_line``
    (skipped without being held). Blank lines are counted (in ``count[0]``), not yielded."""
    line_no = 0
    total = 0
    buf = b""
    skipping = False  # inside a line over the limit
    # read1: whatever one step of decompression gives, so that a truncated gzip stream
    # loses only its last step, and the lines before the damage still come in.
    read = getattr(stream, "read1", stream.read)
    while True:
        try:
            block = read(_BLOCK)
        except (EOFError, zlib.error, OSError) as exc:  # truncated or corrupt compressed data
            error: BaseException | None = exc
            block = b""
        else:
            error = None
        total += len(block)
        if total > settings.MAX_CONTAINER_BYTES:
            raise ReadError(f"The input is over {settings.MAX_CONTAINER_BYTES / 2**30:.0f} GB once "
                            f"decompressed; it was read as far as line {line_no:,}.", code="E102")
        if not block:
            if error is not None:
                raise error
            if buf and not skipping:
                line_no += 1
                count[0] = line_no
                yield line_no, buf
            return
        if not skipping and not block.strip(_BLANK) and not buf.strip(_BLANK):
            line_no += block.count(b"\n")  # a block of blank lines, counted in one go
            count[0] = line_no
            buf = b""
            continue
        buf += block
        start = 0
        while True:
            nl = buf.find(b"\n", start)
            if nl < 0:
                break
            line_no += 1
            count[0] = line_no
            if skipping:
                skipping = False
                yield line_no, None
            elif nl - start > max_line:
                yield line_no, None
            else:
                yield line_no, buf[start:nl + 1]
            start = nl + 1
        buf = buf[start:]
        if len(buf) > max_line:
            skipping, buf = True, b""
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
    records = 0
    try:
        first = js.peek()
        if first in "[{" and first:
            items = (_array if first == "[" else _object)(js, path, options)
            numbered = ((f"after record {n:,}", item) for n, item in enumerate(items))
            for item in _until_a_run_of_failures(numbered, path):
                records += 1
                yield item
                if isinstance(item, Failure) and item.code == "E105" and item.path == path:
                    return  # stopped: what follows was never read
            if records == 0:
                yield Failure(path, "E101", "The file holds no article: its array of records is empty.")
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
