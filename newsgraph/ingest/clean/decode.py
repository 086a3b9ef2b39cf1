"""Bytes → text: encoding choice and mojibake repair (errors: E104).

Order of trust: a BOM, then the charset the container declared (HTTP header,
WARC, JSON reader) or the page itself declares (``<meta charset>``), then UTF-8,
then charset-normalizer's detection.  Text that decodes but carries classic
mojibake (UTF-8 read as cp1252: "Southâ€™s") is repaired with ftfy's
``fix_encoding`` — only the encoding fix, so curly quotes and widths stay as
written.
"""

from __future__ import annotations

import codecs
import re

from newsgraph.errors import CleanError

__all__ = ["decode_bytes", "repair_text"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
#: Share of undecodable characters charset-normalizer may leave before we give up.
_MAX_CHAOS = 0.3
#: Control characters other than whitespace: text in a right encoding has none.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode_bytes(data: bytes, declared: str | None = None, *, html: bool = False,
                 path: str | None = None, repair: bool = True) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise ``CleanError`` E104 when nothing decodes cleanly.

    ``repair=False`` skips mojibake repair (the HTML path repairs the extracted text
    instead of the whole page).
    """
    fix = repair_text if repair else _same
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return fix(data.decode(name)), name.replace("-sig", "")
            except UnicodeDecodeError:
                break
    candidates: list[str] = []
    if declared:
        candidates.append(declared)
    if html:
        match = _META_CHARSET.search(data[:4096])
        if match:
            candidates.append(match.group(1).decode("ascii", "ignore"))
    candidates.append("utf-8")
    for name in candidates:
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            continue
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, ValueError):
            continue
        if not _looks_binary(text):
            return fix(text), codec
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - installed with the package
        best = None
    else:
        best = from_bytes(data).best()
    if best is not None and best.chaos <= _MAX_CHAOS:
        text = str(best)
        if not _looks_binary(text):
            return fix(text), best.encoding
    raise CleanError("bytes could not be decoded in the declared or any detected encoding",
                     path=path, code="E104")


def _same(text: str) -> str:
    return text


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    return len(_CONTROL.findall(text)) > max(2, len(text) // 100)


#: What UTF-8 read as cp1252/Latin-1 leaves behind ("Ã©", "â€™", "Â "): ftfy is
#: slow on a whole page, so it only runs where such a sequence shows.
_MOJIBAKE_HINT = re.compile("[ÃÂâÐÑ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
                            "\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]")


def repair_text(text: str) -> str:
    """Undo mojibake (ftfy's ``fix_encoding``) when the text shows signs of it."""
    if not _MOJIBAKE_HINT.search(text):
        return text
    try:
        import ftfy
    except ImportError:  # ftfy is optional: without it mojibake stays as read
        return text
    # fix_encoding only undoes mis-decoding; it leaves quotes, widths and
    # normalisation alone, so the text stays as the publisher wrote it.
    return ftfy.fix_encoding(text)
