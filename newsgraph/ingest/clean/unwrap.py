"""Undo hard line wrapping before lines are classified.

Wire copy, e-mail, mailing-list archives and old text dumps wrap paragraphs at a fixed
width (Reuters-21578 at ~65 characters), so one paragraph arrives as many short lines
that read as chrome to a line classifier. We detect the wrapping from the text itself —
most lines end near one common width and run on into the next line — and join each
wrapped paragraph back into one line. Paragraph breaks are kept where the text shows
them: a blank line, an indented line, or a line that ends well short of the width.
No library does this for plain text (textwrap only wraps), hence this module.
"""

from __future__ import annotations

__all__ = ["is_hard_wrapped", "unwrap"]

#: Fewest non-blank lines worth judging; below this a text is left as it is.
MIN_LINES = 4
#: Share of non-blank lines that must end within ``WIDTH_SLACK`` characters of the
#: common wrap width and run on (no sentence-final mark) for the text to count as wrapped.
MIN_WRAPPED_SHARE = 0.4
#: How far short of the wrap width a line may end and still be a wrapped (full) line.
WIDTH_SLACK = 0.25
#: Wrap widths seen in practice are 40–100 characters; outside that it is prose or lists.
MIN_WIDTH, MAX_WIDTH = 40, 100
_FINAL = ".!?:;\"”’)"


def _width(lines: list[str]) -> int | None:
    """The wrap width: the length most lines come close to and none exceeds by much.

    Taken as the 90th percentile of line lengths, so a stray long line (a table row)
    does not set it.
    """
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if not lengths:
        return None
    width = lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]
    return width if MIN_WIDTH <= width <= MAX_WIDTH else None


def is_hard_wrapped(text: str) -> int | None:
    """The wrap width if ``text`` is hard-wrapped, else None."""
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < MIN_LINES:
        return None
    width = _width(lines)
    if width is None:
        return None
    full = [line for line in lines if len(line.rstrip()) >= width * (1 - WIDTH_SLACK)]
    longer = sum(len(line.rstrip()) > width + 8 for line in lines)
    running = sum(not line.rstrip().endswith(tuple(_FINAL)) for line in full)
    if longer > len(lines) * 0.1 or running < len(lines) * MIN_WRAPPED_SHARE:
        return None
    return width


def unwrap(text: str) -> str:
    """Join hard-wrapped paragraphs; return ``text`` unchanged when it is not wrapped."""
    width = is_hard_wrapped(text)
    if width is None:
        return text
    out: list[str] = []
    current: list[str] = []
    raw_lines = [r.rstrip() for r in text.splitlines()]
    for i, line in enumerate(raw_lines):
        indented = line[:1] in (" ", "\t") and line.strip() != ""
        if not line.strip() or (indented and current):
            if current:
                out.append(" ".join(current))
                current = []
            if not line.strip():
                out.append("")
                continue
        current.append(line.strip())
        following = raw_lines[i + 1].strip() if i + 1 < len(raw_lines) else ""
        # A short line ends its paragraph, unless the sentence visibly runs on into a
        # next line that starts in lower case (a short first line after a cut dateline).
        runs_on = following[:1].islower() and not line.endswith(tuple(_FINAL))
        if len(line) < width * (1 - WIDTH_SLACK) and not runs_on:
            out.append(" ".join(current))
            current = []
    if current:
        out.append(" ".join(current))
    # Paragraphs become blank-line separated, the convention the rest of the cleaner reads.
    return "\n\n".join(p for p in out if p)
