"""Cutting a long text into sections at paragraph boundaries, offsets kept.

Texts longer than ``settings.SECTION_CHARS`` are annotated section by section
(``annotate``) and chained within the document section by section
(``resolve.entities.within``): both stages cost more than linear time or memory in
the length of what they are given at once. A section ends after the last paragraph
break (a blank line, else a line break) before the limit; a text with none there is
cut after a sentence end (". ", "? ", "! ", "。"), else at a space, else — only a
single "word" longer than the limit — anywhere. The spans cover the text exactly, in
order, so offsets into a section plus its start are offsets into the whole text.
"""

from __future__ import annotations

import re

__all__ = ["split_sections"]

_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE = re.compile(r"\n\s*")
_SENTENCE = re.compile(r"[.!?…。！？][\"'”’)\]]*\s+")
_SPACE = re.compile(r"\s+")


def _last_end(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> int | None:
    """End of the last match of ``pattern`` starting in ``[lo, hi)`` and ending by ``hi``."""
    best = None
    for m in pattern.finditer(text, lo, hi):
        best = m.end()
    return best


def split_sections(text: str, max_chars: int) -> list[tuple[int, int]]:
    """``[(start, end), …]`` covering ``text``, each at most ``max_chars`` long.

    A boundary is looked for in the second half of each window, so no section is
    shorter than half the limit (but the last).
    """
    if max_chars < 2:
        raise ValueError("max_chars must be at least 2")
    spans: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > max_chars:
        hi = start + max_chars
        lo = start + max_chars // 2
        cut = None
        for pattern in (_PARAGRAPH, _LINE, _SENTENCE, _SPACE):
            cut = _last_end(pattern, text, lo, hi)
            if cut is not None and cut > start:
                break
        if cut is None or cut <= start:
            cut = hi
        spans.append((start, cut))
        start = cut
    spans.append((start, n))
    return spans
