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
- the same convention where the copy lost the paragraph break (one line holds the
  paragraphs: "... private copying. "I don't agree ..."): inside an open quote, a mark
  that faces forward (a curly opener, or a straight mark after a space and before a
  word) right after the end of a sentence reopens the same quotation, not closes it;
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


def _reopens(text: str, i: int, ch: str, open_at: int) -> bool:
    """Does the opening-shaped mark at ``i``, met inside the quotation opened at ``open_at``,
    reopen that quotation after a paragraph break the copy lost ("... private copying. "I
    don't agree ...")? It must follow the end of a sentence of the quotation and face
    forward: a curly opener, or a straight mark after a space and before a word."""
    if ch in CLOSERS:
        return False
    if ch == STRAIGHT and not (text[i - 1].isspace() and i + 1 < len(text) and not text[i + 1].isspace()
                               and text[i + 1] not in ",.;:!?"):
        return False
    before = text[open_at + 1 : i].rstrip()
    return len(before.split()) >= 2 and before.rstrip(")]")[-1:] in ".!?…"


def find_quotes(text: str) -> list[Quote]:
    """Every quotation in ``text``, in order; never raises on unbalanced marks."""
    quotes: list[Quote] = []
    paras = _paragraphs(text)
    carry: Quote | None = None  # a quote continuing from the previous paragraph
    for pi, (ps, pe) in enumerate(paras):
        open_at: int | None = None  # the mark opening the part being read
        q: Quote | None = None  # the quotation the open part belongs to, once it has a part
        cont, carry = carry, None
        marks = [(m.start(), m.group()) for m in re.finditer(r"[“”«»„\"]", text[ps:pe])]
        for k, (off, ch) in enumerate(marks):
            i = ps + off
            is_open = ch in OPENERS or (ch == STRAIGHT and open_at is None and _opens(text, i, ps))
            if cont is not None and k == 0 and is_open and text[ps:i].strip() == "":
                # A paragraph reopening a continued quote.
                open_at, q, cont = i, cont, None
                continue
            if cont is not None:
                quotes.append(cont)
                cont = None
            if open_at is None:
                if is_open:
                    open_at, q = i, None
                continue
            if _reopens(text, i, ch, open_at):
                # The same speaker's next paragraph, run into this one: a new part.
                part = (open_at + 1, open_at + 1 + len(text[open_at + 1 : i].rstrip()))
                if q is None:
                    q = Quote(open_at, part[1], open_at + 1, part[1], False, [])
                q.parts.append(part)
                q.end, q.inner_end = part
                open_at = i
                continue
            if ch in CLOSERS or ch == STRAIGHT:
                if q is None:
                    q = Quote(open_at, i + 1, open_at + 1, i, True, [])
                q.parts.append((open_at + 1, i))
                q.end, q.inner_end, q.closed = i + 1, i, True
                quotes.append(q)
                open_at, q = None, None
            # another opener inside an open quote: a nested or stray mark, ignored
        if cont is not None:
            quotes.append(cont)  # a paragraph with no mark ends the continued quote
        if open_at is not None:
            end = pe
            part = (open_at + 1, end)
            nxt = paras[pi + 1] if pi + 1 < len(paras) else None
            reopens = nxt is not None and text[nxt[0]] in OPENERS + STRAIGHT
            if q is None:
                q = Quote(open_at, end, open_at + 1, end, False, [])
            q.parts.append(part)
            q.end, q.inner_end = end, end
            if reopens:
                carry = q
            else:
                quotes.append(q)  # unclosed at paragraph end: closed stays False
    if carry is not None:
        quotes.append(carry)
    quotes.sort(key=lambda q: q.start)
    return quotes
