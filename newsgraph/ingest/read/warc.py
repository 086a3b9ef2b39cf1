"""WARC (and ARC) web archives via warcio: one article per HTML/text response record.

Read: ``response`` records with a 2xx HTTP status, and ``resource`` and
``conversion`` records, whose payload is HTML or plain text (by Content-Type,
or sniffed when none is given). Skipped silently, because a crawl is mostly
made of them and none is an article: ``request``, ``metadata``, ``warcinfo``
and ``revisit`` records, non-2xx responses (redirects, errors), and payloads of
other types (images, scripts, stylesheets, PDFs).

Records are streamed; each path is ``crawl.warc.gz#<offset>``, the record's
byte offset in the file as stored (compressed offsets for ``.warc.gz``, the
number CDX indexes and ``warcio extract`` use).

warcio stops silently at a truncated gzip member and returns short payloads
for a truncated uncompressed record, so truncation is detected here: a payload
shorter than its Content-Length, a record whose headers are cut, or bytes left
after the last whole record (when the file size is known) → E106; the records
before it have already been yielded.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsgraph.errors import ReadError
from newsgraph.ingest.read import formats, sniff
from newsgraph.ingest.read.text import encoding_declared, payload_format
from newsgraph.model.document import Failure, RawDocument
from newsgraph.settings import Options

__all__ = ["read_warc"]

Item = RawDocument | Failure

_ARTICLE_RECORDS = frozenset({"response", "resource", "conversion"})
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_TEXT_TYPES = frozenset({"text/plain"})
#: Bytes a well-formed WARC may end with after its last record (record separators).
_TRAILER_SLACK = 8


def _charset(content_type: str) -> str | None:
    for param in content_type.split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'").lower()
    return None


def read_warc(stream: BinaryIO, path: str, options: Options, *, size: int | None = None) -> Iterator[Item]:
    """Yield each article record of a WARC/ARC stream; E106 at the first truncated or corrupt one."""
    iterator = ArchiveIterator(stream, arc2warc=True)
    end = 0
    records = 0
    try:
        for record in iterator:
            records += 1
            if not record.rec_type or record.rec_headers is None:
                yield Failure(f"{path}#{end}", "E106", "The WARC record's headers are cut off: the file is "
                              "truncated or corrupt here; records before it were read.")
                return
            item = _record(record, path, options) if record.rec_type in _ARTICLE_RECORDS else None
            offset = iterator.get_record_offset()  # reads the rest of the record when skipped
            end = offset + iterator.member_info[1]
            where = f"{path}#{offset}"
            missing = getattr(record.raw_stream, "limit", 0)
            if missing > 0:  # the block ended before its Content-Length: the file is cut here
                yield Failure(where, "E106", f"The WARC record is truncated: {missing:,} bytes of its "
                              "declared Content-Length are missing; records before it were read.")
                return
            if item is None:
                continue
            item.path = where
            yield item
    except ArchiveLoadFailed as exc:
        if records == 0:
            raise ReadError(f"It is not a readable WARC or ARC archive: {exc}.",
                            path=path, code="E106") from None
        yield Failure(f"{path}#{end}", "E106", f"The WARC file is corrupt after its record at offset {end}: "
                      f"{exc}; records before it were read.")
        return
    if records == 0:
        raise ReadError("The WARC file holds no record.", path=path, code="E106")
    if size is not None and size - end > _TRAILER_SLACK:
        yield Failure(f"{path}#{end}", "E106", f"The WARC file is truncated: {size - end:,} bytes after the "
                      f"last whole record (offset {end}) do not form a complete record.")


def _record(record: Any, path: str, options: Options) -> RawDocument | Failure | None:
    """A RawDocument, a Failure, or None to skip the record silently."""
    headers = record.rec_headers
    if record.rec_type == "response":
        http = record.http_headers
        if http is None:
            return None  # dns:, whois: and other non-HTTP responses
        status = http.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        content_type = http.get_header("Content-Type") or ""
    else:
        content_type = headers.get_header("Content-Type") or ""
    mime = content_type.split(";")[0].strip().lower()
    if mime and mime not in _HTML_TYPES and mime not in _TEXT_TYPES:
        return None
    data = record.content_stream().read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        return Failure(path, "E102", f"The record's payload is over the {options.max_bytes:,}-byte limit.")
    if not data.strip():
        return Failure(path, "E101", "The record's payload is empty.")
    reason = sniff.binary_reason(data[: formats.SNIFF_BYTES])
    if reason:
        return Failure(path, "E103", f"The record's payload {reason}.")
    hint = "html" if mime in _HTML_TYPES else "text" if mime else "unknown"
    fmt = payload_format(data, hint)
    declared: dict[str, Any] = {}
    url = headers.get_header("WARC-Target-URI")
    if url:
        declared["url"] = url
        declared["url_source"] = "WARC-Target-URI header"
    if content_type:
        declared["content_type"] = content_type
    charset = _charset(content_type)
    if charset:
        declared.update(encoding=charset, encoding_source="http")
    else:
        declared.update(encoding_declared(data, fmt))
    for header, key in (("WARC-Date", "fetched"), ("WARC-Record-ID", "record_id")):
        value = headers.get_header(header)
        if value:
            declared[key] = value
    return RawDocument(data=data, path=path, format=fmt, declared=declared)
