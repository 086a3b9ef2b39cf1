"""One file, one article: ``.txt``, ``.html`` and anything sniffed as a single text or HTML page.

The bytes are kept exactly as read (the clean stage decodes them); this module
only decides ``text`` or ``html`` and records the charset the bytes declare.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from newsgraph.errors import ReadError
from newsgraph.ingest.read import formats, sniff
from newsgraph.model.document import RawDocument
from newsgraph.settings import Options

__all__ = ["payload_format", "read_document", "single_document"]


def payload_format(data: bytes, hint: str) -> str:
    """``html`` or ``text`` for a payload, given what its name or container suggests.

    A page named ``.html`` with no tag at all is plain text; a ``.txt`` file that
    opens with markup (or holds several HTML tags) is HTML.
    """
    head = data[: formats.SNIFF_BYTES]
    if hint == "html":
        return "html" if sniff.has_any_tag(head) or sniff.head_text(head).lstrip().startswith("<") else "text"
    return "html" if sniff.looks_like_html(sniff.head_text(head)) else "text"


def encoding_declared(data: bytes, fmt: str) -> dict[str, Any]:
    found = sniff.declared_charset(data[: formats.SNIFF_BYTES], markup=fmt == "html")
    return {"encoding": found[0], "encoding_source": found[1]} if found else {}


def single_document(data: bytes, path: str, options: Options, *, hint: str,
                    declared: dict[str, Any] | None = None) -> RawDocument:
    """Check one payload (empty, binary) and wrap it; raises ReadError with the code."""
    bom = sniff.bom_encoding(data)
    if not data[bom[1] if bom else 0:].strip():
        raise ReadError("The input holds only whitespace.", path=path, code="E101")
    reason = sniff.binary_reason(data)
    if reason:
        raise ReadError(f"The content {reason}.", path=path, code="E103")
    fmt = payload_format(data, hint)
    meta = dict(declared or {})
    if "encoding" not in meta:
        meta.update(encoding_declared(data, fmt))
    return RawDocument(data=data, path=path, format=fmt, declared=meta)


def read_document(stream: BinaryIO, path: str, options: Options, *, hint: str) -> Iterator[RawDocument]:
    """Read the whole stream as one article, at most ``options.max_bytes``."""
    data = stream.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        raise ReadError(f"The content is larger than the {options.max_bytes:,}-byte limit "
                        "(measured as read: piped or decompressed input).", path=path, code="E102")
    yield single_document(data, path, options, hint=hint)
