"""Direct quotations: find quoted spans by their marks, across paragraphs, without crashing.

Owns ``find_quotes(text) -> list[Quote]``. We pair marks ourselves rather than use
textacy's ``direct_quotations`` because that raises on unbalanced marks and only
finds quotes whose attribution sits in the same sentence.

Rules (the conventions of English news copy):
- curly marks “ ” and guillemets « » say which way they face; a straight " opens
  when it follows the start of a paragraph, a space or an opening bracket/dash,
  and closes otherwise;
- a paragraph that ends inside a quote and is followed by a paragraph opening with
  a quote mark continues the same quotation (multi-paragraph quotes reopen, never
  close, at each paragraph break);
- an unclosed quote otherwise ends at its paragraph's end (``closed=False``); a
  closing mark with no opener is ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["FRAGMENT_MAX_WORDS", "FRAGMENT_MIN_WORDS", "Quote", "find_quotes"]

OPENERS = "“«„"
CLOSERS = "”»"
STRAIGHT = '"'
#: A quoted span of at most this many words is always a fragment ("“terrorist” attacks").
FRAGMENT_MIN_WORDS = 2
#: Up to this many words, a quote not ending in punctuation inside its marks is a
#: fragment of reported speech ("said he “regularly contacted” them").
FRAGMENT_MAX_WORDS = 8


@dataclass(slots=True)
class Quote:
    """A quotation: ``start``/``end`` include the marks; ``inner_*`` exclude them.

    ``parts`` lists the inner spans per paragraph for a multi-paragraph quote.
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool
    parts: list[tuple[int, int]]

    def n_words(self, text: str) -> int:
        return sum(len(text[s:e].split()) for s, e in self.parts)

    def is_fragment(self, text: str) -> bool:
        """A few quoted words inside a sentence (“terrorist” attacks), not a quotation.

        A quote ending in punctuation inside its marks (“We will win,” / “… .”) is a
        full quotation however short; an unclosed quote is one unless it is tiny.
        """
        n = self.n_words(text)
        if n <= FRAGMENT_MIN_WORDS:
            return True
        ends = text[self.inner_start : self.inner_end].rstrip()[-1:] in ",.!?…"
        return self.closed and not ends and n <= FRAGMENT_MAX_WORDS


def _opens(text: str, i: int, para_start: int) -> bool:
    if i == para_start:
        return True
    prev = text[i - 1]
    return prev.isspace() or prev in "([{—–-:/"


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def find_quotes(text: str) -> list[Quote]:
    """Every quotation in ``text``, in order; never raises on unbalanced marks."""
    quotes: list[Quote] = []
    paras = _paragraphs(text)
    cur: Quote | None = None  # a quote continuing from the previous paragraph
    for pi, (ps, pe) in enumerate(paras):
        open_at: int | None = None
        cont = cur
        cur = None
        marks = [(m.start(), m.group()) for m in re.finditer(r"[“”«»„\"]", text[ps:pe])]
        for k, (off, ch) in enumerate(marks):
            i = ps + off
            is_open = ch in OPENERS or (ch == STRAIGHT and open_at is None and _opens(text, i, ps))
            if cont is not None and k == 0 and is_open and text[ps:i].strip() == "":
                # A paragraph reopening a continued quote.
                open_at = i
                continue
            if cont is not None and k == 0:
                cont = _finish(quotes, cont)
            if open_at is None:
                if is_open:
                    open_at = i
                continue
            if ch in CLOSERS or ch == STRAIGHT:
                if cont is not None:
                    cont.parts.append((open_at + 1, i))
                    cont.end, cont.inner_end, cont.closed = i + 1, i, True
                    quotes.append(cont)
                    cont = None
                else:
                    quotes.append(Quote(open_at, i + 1, open_at + 1, i, True, [(open_at + 1, i)]))
                open_at = None
            # another opener inside an open quote: a nested or stray mark, ignored
        if cont is not None and open_at is None:
            _finish(quotes, cont)
            cont = None
        if open_at is not None:
            end = pe
            part = (open_at + 1, end)
            nxt = paras[pi + 1] if pi + 1 < len(paras) else None
            reopens = nxt is not None and text[nxt[0]] in OPENERS + STRAIGHT
            q = cont or Quote(open_at, end, open_at + 1, end, False, [])
            q.parts.append(part)
            q.end, q.inner_end = end, end
            if reopens:
                cur = q
            else:
                quotes.append(q)  # unclosed at paragraph end: closed stays False
    if cur is not None:
        quotes.append(cur)
    quotes.sort(key=lambda q: q.start)
    return quotes


def _finish(quotes: list[Quote], q: Quote) -> None:
    quotes.append(q)
    return None
