"""Judging bytes before reading them: binary or text, HTML or plain, feed, JSON shape, declared charset.

Everything here looks at a prefix (``formats.SNIFF_BYTES``) and never decodes
for keeps: decoding belongs to the clean stage. We wrote these few checks
rather than take python-magic/filetype because we need text-side answers those
libraries do not give (HTML fragment or plain text, feed or other XML, JSON or
JSON Lines, which charset the bytes *declare*), and the binary side is a
short signature table (``formats.BINARY_MAGIC``) plus a control-byte share.
"""

from __future__ import annotations

import codecs
import json
import re

from newsgraph.ingest.read import formats
from newsgraph.settings import BINARY_CONTROL_SHARE

__all__ = [
    "binary_reason", "bom_encoding", "declared_charset", "head_text", "looks_like_html", "sniff_kind",
    "text_format_reason", "xml_root",
]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),  # before UTF-16: longer
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control bytes no text encoding we accept uses (ASCII C0 minus \t \n \v \f \r, plus DEL).
# ESC (0x1b) is counted too: a stray ANSI colour code stays far below the share.
_CONTROL = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")

_HTML_START = re.compile(
    r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|main|div|p|section|h[1-6])\b",
    re.I | re.S,
)
# Tags that only HTML uses; three of them in a payload make it markup, not prose
# that happens to contain a "<".
_HTML_TAG = re.compile(
    r"</?(?:p|div|br|span|a|h[1-6]|ul|ol|li|table|tr|td|article|section|img|strong|em|b|i|blockquote|"
    r"figure|figcaption|header|footer|nav|script|style|link|meta)(?:\s[^<>]*)?/?>",
    re.I,
)
_ANY_TAG = re.compile(rb"<[A-Za-z!/?]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)
_XML_DECL_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9_.\-]+)["']""")
_XML_PROLOGUE = re.compile(r"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)", re.S | re.I)
_XML_ROOT = re.compile(r"<([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)")
FEED_ROOTS = frozenset({"rss", "feed", "rdf"})


def bom_encoding(head: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark states, and the mark's length."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name, len(bom)
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text with no BOM shows NUL in every other byte (for Latin-script text)."""
    sample = head[:4096]
    if len(sample) < 16:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def head_text(head: bytes) -> str:
    """A prefix decoded just well enough to look for ASCII markers (tags, braces)."""
    bom = bom_encoding(head)
    if bom:
        return head[bom[1]:].decode(bom[0], errors="replace")
    wide = _utf16_without_bom(head)
    if wide:
        return head[: len(head) // 2 * 2].decode(wide, errors="replace")
    return head.decode("utf-8", errors="replace")


def _magic(head: bytes, table: tuple[tuple[bytes, str], ...]) -> str | None:
    return next((what for sig, what in table if head.startswith(sig)), None)


def binary_reason(head: bytes, *, signatures_only: bool = False) -> str | None:
    """Why these bytes are not text, or None when they are.

    A known signature names the format ("looks like a PDF document"); otherwise
    NUL bytes or a share of control bytes above ``BINARY_CONTROL_SHARE`` mark it
    binary. UTF-16/32 text (with a BOM, or UTF-16 recognisable without one) is
    judged on its decoded characters, since its NUL bytes are part of the encoding.
    ``signatures_only`` skips the control-byte test: JSON Lines are judged line by
    line, so one line of NUL bytes costs that record, not the file.
    """
    if not head:
        return None
    strong = _magic(head, formats.BINARY_MAGIC)
    if strong:
        return f"looks like {strong}, not an article"
    if signatures_only:
        return None
    wide = bom_encoding(head)
    encoding = wide[0] if wide and wide[0] != "utf-8" else _utf16_without_bom(head)
    if encoding:
        text = head[: len(head) // 4 * 4].decode(encoding, errors="replace")
        controls = len(_CONTROL_CHARS.findall(text))
        if controls > BINARY_CONTROL_SHARE * max(len(text), 1):
            return (f"looks binary: {controls} control characters in its first {len(text):,} "
                    f"{encoding} characters")
        return None
    weak = _magic(head, formats.WEAK_BINARY_MAGIC)
    nul = head.count(0)
    controls = len(head) - len(head.translate(None, _CONTROL))
    if nul or controls > BINARY_CONTROL_SHARE * len(head):
        if weak:
            return f"looks like {weak}, not an article"
        what = f"{nul} NUL bytes" if nul else f"{controls / len(head):.0%} control bytes"
        return f"looks binary: {what} in its first {len(head):,} bytes"
    return None


def text_format_reason(head: bytes) -> str | None:
    """Text formats that are not articles (RTF, PostScript): why they are unsupported."""
    what = _magic(head.lstrip(), formats.TEXT_MAGIC)
    return f"looks like {what}, which newsgraph does not read" if what else None


def looks_like_html(text: str) -> bool:
    """Markup, not prose: starts with an HTML tag, or holds at least three HTML tags."""
    if _HTML_START.match(text):
        return True
    return any(n >= 2 for n, _ in enumerate(_HTML_TAG.finditer(text)))


def has_any_tag(head: bytes) -> bool:
    return _ANY_TAG.search(head) is not None


def xml_root(text: str) -> str | None:
    """Lower-cased local name of the first element after the XML prologue, or None."""
    pos = 0
    while True:
        m = _XML_PROLOGUE.match(text, pos)
        if not m or m.end() == pos:
            break
        pos = m.end()
    text = text[pos:].lstrip()
    if not text.startswith("<"):
        return None
    m = _XML_ROOT.match(text)
    return m.group(2).lower() if m else None


def declared_charset(head: bytes, *, markup: bool) -> tuple[str, str] | None:
    """The charset the bytes themselves declare, and where: BOM, XML declaration, or HTML <meta>.

    Order follows the HTML standard's encoding sniffing: a BOM wins over anything
    written inside the document.
    """
    bom = bom_encoding(head)
    if bom:
        return bom[0], "bom"
    wide = _utf16_without_bom(head)
    if wide:
        return wide, "sniffed"  # no declaration, but nothing else would decode it
    if not markup:
        return None
    m = _XML_DECL_ENCODING.match(head)
    if m:
        return m.group(1).decode("ascii").lower(), "xml"
    m = _META_CHARSET.search(head[:8192])  # the standard's prescan covers 1024 bytes; be lenient
    if m:
        return m.group(1).decode("ascii").lower(), "meta"
    return None


def _json_lines(text: str) -> bool:
    """True when the first line is a whole JSON object and more follows: JSON Lines."""
    first, sep, rest = text.lstrip("\ufeff \t\r\n").partition("\n")
    if not sep or not rest.strip():
        return False
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False


def sniff_kind(head: bytes) -> str:
    """What a payload of unknown type holds.

    Returns ``gzip``, ``warc``, ``json``, ``jsonl``, ``feed``, ``html``, ``xml``
    (XML that is neither a feed nor XHTML) or ``text``. Binary payloads are
    caught before this by ``binary_reason``. For JSON Lines the head must hold the
    whole first line (the caller reads up to it).
    """
    if head.startswith(formats.GZIP_MAGIC):
        return "gzip"
    if head.lstrip().startswith(formats.WARC_MAGIC):
        return "warc"
    text = head_text(head).lstrip()
    if text.startswith("["):
        return "json"
    if text.startswith("{"):
        return "jsonl" if _json_lines(text) else "json"
    if text.startswith("<"):
        root = xml_root(text)
        if root in FEED_ROOTS:
            return "feed"
        if root == "html" or looks_like_html(text):
            return "html"
        if text.startswith("<?xml"):
            return "xml"
    if looks_like_html(text[:8192]):
        return "html"
    return "text"
