"""Strings that every later stage and the store can hold: lone surrogates and control characters.

JSON can carry what UTF-8 cannot: ``"\\ud800"`` decodes to a lone surrogate, which no
UTF-8 encoder accepts (SQLite's driver raised ``UnicodeEncodeError`` and the ingest
died), and ``"\\u0000"``/``"\\u001b"`` to control characters no text needs. File names
with bytes that are not UTF-8 come back from the OS as lone surrogates too
(``surrogateescape``). What becomes of them depends on what the string is, so each
kind of string has its rule (the README's "Bad input" section says the same):

- **body text** (``repair_body``): a lone surrogate or a C0 control character other
  than tab, line feed, carriage return and form feed becomes U+FFFD, one for one. A
  character was there and is lost; the replacement marks where, keeps every other
  offset, and the document records how many were replaced. C1 characters stay: they
  are what mojibake repair reads ("â\\x80\\x99" is a curly quote).
- **one-line metadata** — title, publisher, author (``repair_label``): lone
  surrogates become U+FFFD, control characters and line breaks a space, runs of
  spaces one. A stray byte must not cost the value, and no title means a bell.
- **URLs and dates** (``clean_or_none``): kept only when they hold no surrogate and
  no control character; otherwise dropped with a warning on the document. A URL
  with them is not a URL (the publisher would be read from a corrupt host name), and
  a date with them is not a date.
- **paths and failure reasons** (``printable``): undecodable file-name bytes are
  shown as ``\\xNN`` (the name can still be found on disk), other lone surrogates as
  U+FFFD, control characters as escapes: a summary line stays one line.
"""

from __future__ import annotations

import re

__all__ = [
    "SURROGATES_TO_FFFD", "clean_or_none", "has_bad_chars", "has_surrogates", "printable", "repair_body",
    "repair_label",
]

#: ``str.translate`` table: every surrogate code point to U+FFFD.
SURROGATES_TO_FFFD = dict.fromkeys(range(0xD800, 0xE000), "\ufffd")

_SURROGATE = re.compile("[\ud800-\udfff]")
_BODY_BAD = re.compile("[\ud800-\udfff\x00-\x08\x0b\x0e-\x1f\x7f]")
_LABEL_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_BAD = re.compile("[\ud800-\udfff\x00-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"\s+")


def has_surrogates(value: str) -> bool:
    return _SURROGATE.search(value) is not None


def has_bad_chars(value: str) -> bool:
    """A lone surrogate or a C0/C1 control character (tab and line breaks included)."""
    return _BAD.search(value) is not None


def repair_body(text: str) -> tuple[str, int]:
    """``(text, replaced)``: lone surrogates and non-whitespace C0 controls → U+FFFD."""
    return _BODY_BAD.subn("\ufffd", text)


def repair_label(value: str) -> str:
    """A one-line display value: surrogates → U+FFFD, controls and line breaks → space."""
    value = _SURROGATE.sub("\ufffd", value)
    value = _LABEL_CONTROL.sub(" ", value)
    return _SPACES.sub(" ", value).strip()


def clean_or_none(value: str) -> str | None:
    """The value stripped, or None when it holds a surrogate or a control character."""
    value = value.strip()
    return None if has_bad_chars(value) else value


def _escape(m: re.Match[str]) -> str:
    ch = m.group()
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte the file system name held that is not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    if 0xD800 <= code <= 0xDFFF:
        return "\ufffd"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(value: str) -> str:
    """A path or a message as one printable line that any encoder accepts."""
    return _BAD.sub(_escape, value)
