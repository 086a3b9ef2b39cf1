"""Plain-text boilerplate removal: which lines of a scraped page are the article.

Works on text alone (no markup), in any language.  Each line gets cues —
length, stop-word density in the body's language (jusText stop lists), whether
it ends like a sentence, its script/language against the body's, repetition
inside the page and across the site's other articles (``LineIndex``), file
names/URLs, and, as one weak cue, a table of general web-chrome vocabulary —
then:

1. **jusText classes** (Pomikálek 2011): ``bad`` / ``short`` / ``near`` / ``good``
   from length and stop-word density; hard cues (other script, file name,
   repeated template line, chrome phrase filling the line) make a line bad, and
   a paragraph the page shows twice (a ticker, a teaser block) is bad too.
2. **Context smoothing** as in jusText: short and near-good lines take the
   class of their nearest decided neighbours; page start and end count as bad,
   so chrome at the head and tail goes, while a short quote or subheading
   between paragraphs stays.
3. **Tables**: a run of short lines with many bare numbers is a table rendered
   cell by cell; it neither helps nor hurts the main region, and is kept when
   the region holds it.
4. **Main region**: the article is one contiguous run of text.  When the page
   shows its headline (a copy of the title line) the article starts there and
   ends where the running sum of per-line weights (text positive, chrome
   negative) peaks — newspapers put the body under the headline; otherwise it is
   the maximum-sum segment of the page (Kadane).  A chrome heading ("Related
   news", "Comments") or the repeated header of a feed's items ("2 days ago",
   "Rating: 12 votes": a comment thread) costs a section break; a block of text
   a short gap after the region (an inline ad, a "read also" box, but no
   section heading) joins it; a tail of teasers (one short summary under a few
   headline lines, repeated) is cut off; between the headline and the first
   paragraph only lines that read as text stay (not the byline, the date).
5. **Lists inside the article**: a few lines between two paragraphs of the region
   (a list, a caption, a pull quote) are kept unless chrome vocabulary marks them.

We wrote this rather than call jusText because jusText needs the DOM (link
density, block tags); here there is none.  Every removed line keeps the cue
that removed it (``kind``) and a score.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from newsgraph.ingest.clean import params as P
from newsgraph.ingest.clean.language import detect_language, dominant_script, same_writing_system
from newsgraph.ingest.clean.lexicon import CHROME_ANYWHERE_RE, CHROME_RE, SECTION_RE
from newsgraph.ingest.clean.lineindex import line_key

__all__ = ["Line", "classify_lines", "running_text"]

_WORD = re.compile(r"\w+", re.UNICODE)
_TERMINAL = re.compile(r"[.!?…。！？؟][\"'”’»)\]]*\s*$")
_FILE = re.compile(r"^\S*(?:\s\S+){0,4}\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?|mp4|pdf)\s*$", re.I)
_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
_EMAIL = re.compile(r"^\S+@\S+\.\w+$")
#: Lines that are only symbols, numbers, counters ("12", "3 comments" is handled by chrome).
_NO_LETTERS = re.compile(r"^[\W\d_]*$")


@dataclass(slots=True)
class Line:
    """One non-empty line of the input and the classifier's verdict on it."""

    no: int
    text: str
    chars: int = 0
    words: int = 0
    stop: float = 0.0
    terminal: bool = False
    cls: str = "short"       # jusText class: good / near / short / bad
    kind: str | None = None  # why it is removed (None: kept)
    score: float = 0.0       # confidence that the line is boilerplate, 0..1
    fixed: bool = False      # a hard cue decided it: context does not change it
    initial: str = "short"   # class before context smoothing
    chrome: bool = False     # chrome vocabulary in the line (a weak cue, see ``lexicon``)
    table: bool = False      # part of a run of table cells (numbers between short labels)
    template: bool = False   # a short line with a number the page repeats in one shape (a feed's item header)


def classify_lines(lines: list[Line], *, stoplist: frozenset[str], body_lang: str | None,
                   body_script: str | None, repeats: Callable[[str], int] | None = None,
                   dense: bool = False, headline: int | None = None) -> list[Line]:
    """Set ``kind``/``score`` on every line; lines left with ``kind is None`` are the article.

    ``dense``: the body is in a script written without spaces (Chinese, Japanese,
    Thai…), where stop-word density cannot be counted: a line that ends like a
    sentence stands in for a stop-word-rich one, and each character counts as
    ``params.DENSE_CHAR_WIDTH`` characters of length.

    ``headline``: position in ``lines`` of the page's headline shown above the body (a
    copy of the title line further down the page): the article starts after it.
    """
    if not lines:
        return lines
    keys = [line_key(line.text) for line in lines]
    in_page = Counter(keys)
    # Whole paragraphs are compared exactly (digits too: "Paragraph 1"/"Paragraph 2" differ).
    exact = [" ".join(line.text.casefold().split()) for line in lines]
    shown = Counter(exact)
    pairs = Counter(pairwise(exact))
    # Lines the page shows twice *together with a neighbour*: a block repeated (a ticker
    # in the header and again in the sidebar), as opposed to a line repeated alone (an
    # interview's recurring question, a table's header cell).
    in_block = {t for pair, n in pairs.items() if n > 1 for t in pair}
    # ... or exactly twice alone (a standfirst repeated as a teaser); a line the page
    # repeats throughout is a recurring label (an interview's question), not a teaser.
    teasers = {t for t, n in shown.items() if t in in_block or n == 2}
    for line, key in zip(lines, keys, strict=True):
        # "2 days ago", "Rating: 12 votes", "3 comments": the header of each item of a
        # feed (comments, teasers) — digits are folded in the key, so the shape repeats.
        line.template = (in_page[key] >= P.TEMPLATE_MIN_COUNT and len(line.text) < P.LENGTH_LOW
                         and any(ch.isdigit() for ch in line.text) and not _NO_LETTERS.match(line.text))
    for line, text in zip(lines, exact, strict=True):
        _features(line, stoplist, dense)
        if line.fixed:
            # Metadata (title, dateline, credit line) already decided it: the cues below
            # still give it a class for its neighbours' smoothing, but not a new reason.
            kind, score = line.kind, line.score
            _initial_class(line, body_lang, body_script, in_page, repeats, text in teasers)
            line.kind, line.score, line.fixed = kind, score, True
        else:
            _initial_class(line, body_lang, body_script, in_page, repeats, text in teasers)
    _smooth(lines)
    if not any(line.cls == "good" for line in lines):
        # No paragraph anywhere (a table, a list of results): give near-good lines their
        # benefit of the doubt, as the densest block must still be found.
        for line in lines:
            if not line.fixed:
                line.cls = "good" if line.initial in ("near", "good") else line.initial
        _smooth(lines)
    _mark_tables(lines)
    lo, hi = _main_region(lines, headline)
    _keep_inner_runs(lines, lo, hi)
    if headline is not None:
        _trim_head(lines, lo, hi)
    for line in lines:
        if line.cls in ("good", "near") and (line.kind is None or not line.fixed):
            line.kind = None
            continue
        if line.kind is None:
            # "context": a short or near-good line its chrome neighbours outvoted.
            line.kind = "low-content" if line.initial == "bad" else "context"
            line.score = line.score or 0.6
    if not any(line.kind is None for line in lines):
        for line in lines:  # nothing left: keep the prose the classifier only doubted
            if (not line.fixed and line.kind in ("low-content", "context")
                    and sum(w.isalpha() for w in _WORD.findall(line.text)) >= P.RESCUE_MIN_WORDS):
                line.cls, line.kind, line.score = "good", None, None
    return lines


def _features(line: Line, stoplist: frozenset[str], dense: bool) -> None:
    text = line.text
    tokens = [t.casefold() for t in _WORD.findall(text)]
    line.terminal = bool(_TERMINAL.search(text))
    line.words = len(tokens)
    if dense:
        line.chars = int(len(text) * P.DENSE_CHAR_WIDTH)
        line.stop = P.STOP_HIGH if line.terminal else 0.0
    else:
        line.chars = len(text)
        line.stop = sum(t in stoplist for t in tokens) / len(tokens) if tokens else 0.0


def _bad(line: Line, kind: str, score: float) -> None:
    line.cls, line.kind, line.score, line.fixed = "bad", kind, score, True


def _initial_class(line: Line, body_lang: str | None, body_script: str | None, in_page: Counter[str],
                   repeats: Callable[[str], int] | None, teaser: bool) -> None:
    text = line.text
    if _NO_LETTERS.match(text):
        # Not fixed: a number is chrome in a menu (a counter, a page link) but a cell in
        # a table of the article; the table rule below decides which.
        line.cls, line.kind, line.score = "bad", "low-content", 0.95
        line.initial = "bad"
        return None
    if _FILE.match(text) or _URL.match(text) or _EMAIL.match(text):
        return _bad(line, "file-or-url", 0.95)
    script, share = dominant_script(text)
    if not same_writing_system(script, body_script) and share >= 0.5:
        return _bad(line, "foreign-language", round(share, 2))
    if (body_lang and line.chars >= P.FOREIGN_MIN_CHARS and line.stop < P.STOP_LOW):
        lang, conf = detect_language(text)
        if lang and lang != body_lang and conf >= P.FOREIGN_MIN_SCORE:
            return _bad(line, "foreign-language", round(conf, 2))
    key = line_key(text)
    if repeats is not None and line.chars < P.LENGTH_HIGH and repeats(text) >= P.REPEAT_MIN_COUNT:
        return _bad(line, "repeated", 0.8)
    chrome = CHROME_RE.match(text)
    if chrome and (len(chrome.group(0)) >= 0.5 * line.chars or (line.chars < 40 and not line.terminal)):
        return _bad(line, "chrome", 0.85)
    if teaser and line.chars >= P.LENGTH_LOW:
        # A paragraph the page shows twice is a teaser (ticker, "latest news" block
        # repeated in header and sidebar): an article does not repeat its paragraphs.
        line.cls, line.kind, line.score = "bad", "repeated", 0.7
    elif in_page[key] > 1 and line.chars < P.LENGTH_LOW and not line.terminal:
        # A short line the page repeats (menus in header and footer, "Reply", "Rating: 3
        # votes" under each comment) is template; context may still keep it.
        line.cls, line.kind, line.score = "bad", "repeated", 0.6
    elif line.chars < P.LENGTH_LOW:
        line.cls = "short"
    elif line.stop >= P.STOP_HIGH:
        long_enough = P.SENTENCE_GOOD_CHARS if line.terminal else P.LENGTH_HIGH
        line.cls = "good" if line.chars > long_enough else "near"
    elif line.stop >= P.STOP_LOW or (line.terminal and line.stop >= P.SENTENCE_STOP_FLOOR):
        line.cls = "near"
    else:
        line.cls = "bad"
        line.score = round(1.0 - line.stop / P.STOP_LOW * 0.5, 2)
    # Chrome vocabulary inside a line weakens it: one step per distinct phrase.
    hits = {m.group(0).casefold() for m in CHROME_ANYWHERE_RE.finditer(text)}
    if chrome:
        hits.add(chrome.group(0).casefold())
    line.chrome = bool(hits)
    # A long paragraph may mention cookies or a newsletter once; a banner piles them up.
    steps = len(hits) if line.chars <= P.CHROME_MAX_CHARS else max(0, len(hits) - 1)
    if steps:
        for _ in range(steps):
            line.cls = {"good": "near", "near": "short", "short": "bad", "bad": "bad"}[line.cls]
        if line.cls == "bad" and hits:
            line.kind, line.score = "chrome", 0.7
    line.initial = line.cls


def running_text(line: str, stoplist: frozenset[str] = frozenset()) -> bool:
    """Whether a line is written as running text rather than as a headline: at least
    ``SENTENCE_LOWER_SHARE`` of the words after the first start lower case (title case and
    capitals have few) and, given a stop list, one of them is a function word (headlinese
    drops articles and auxiliaries)."""
    words = [w for w in (x.strip("\"'“”‘’()[]«»,;:—–-") for x in line.split()[1:]) if w[:1].isalpha()]
    if not words or (stoplist and not any(w.casefold() in stoplist for w in words)):
        return False
    return sum(w[0].islower() for w in words) >= P.SENTENCE_LOWER_SHARE * len(words)


def _neighbour(lines: list[Line], i: int, step: int, ignore_near: bool) -> str:
    j = i + step
    while 0 <= j < len(lines):
        cls = lines[j].cls
        if cls in ("good", "bad") or (cls == "near" and not ignore_near):
            return cls
        j += step
    return "bad"  # page start and end count as chrome


def _smooth(lines: list[Line]) -> None:
    """jusText's context-sensitive pass over short and near-good lines."""
    new: list[str] = []
    for i, line in enumerate(lines):
        if line.cls != "short" or line.fixed:
            new.append(line.cls)
            continue
        prev = _neighbour(lines, i, -1, True)
        nxt = _neighbour(lines, i, 1, True)
        if prev == nxt:
            new.append(prev)
        elif (prev == "bad" and _neighbour(lines, i, -1, False) == "near") or (
                nxt == "bad" and _neighbour(lines, i, 1, False) == "near"):
            new.append("good")
        else:
            new.append("bad")
    for line, cls in zip(lines, new, strict=True):
        line.cls = cls
    new = []
    for i, line in enumerate(lines):
        if line.cls != "near":
            new.append(line.cls)
            continue
        prev = _neighbour(lines, i, -1, True)
        nxt = _neighbour(lines, i, 1, True)
        new.append("bad" if prev == nxt == "bad" else "good")
    for line, cls in zip(lines, new, strict=True):
        line.cls = cls


def _weights(lines: list[Line]) -> list[float]:
    """Main-region weight of every line."""
    weights = []
    for i, line in enumerate(lines):
        w = _weight(line)
        if w == -P.SECTION_BREAK_WEIGHT and i and _weight(lines[i - 1]) == -P.SECTION_BREAK_WEIGHT:
            # A toolbar of chrome lines (share buttons one per line) is one boundary.
            w = P.BAD_WEIGHT * max(line.chars, P.BAD_MIN_CHARS)
        weights.append(w)
    return weights


def _weight(line: Line) -> float:
    if line.table and not line.fixed:
        return 0.0
    if line.kind == "title":
        # The headline shown on the page sits right above its body: an anchor for the region.
        return P.TITLE_ANCHOR_WEIGHT
    if (line.kind == "chrome" and line.fixed) or line.template:
        # A chrome heading ("Comments", "Related news", "Most popular") opens a new page
        # section, and so does each item header of a feed (a comment's "2 days ago"):
        # crossing one costs the region more than its few characters.
        return -P.SECTION_BREAK_WEIGHT
    if line.cls == "good":
        return P.GOOD_WEIGHT * line.chars
    if line.cls == "near":
        return P.NEAR_WEIGHT * line.chars
    if line.cls == "short":
        return P.SHORT_WEIGHT * line.chars
    return P.BAD_WEIGHT * max(line.chars, P.BAD_MIN_CHARS)


def _best_segment(weights: list[float], first: int) -> tuple[int, int]:
    """Maximum-sum contiguous segment (Kadane) of ``weights[first:]``; (0, -1) when none is positive."""
    best, best_span = 0.0, (0, -1)
    run, start = 0.0, first
    for i in range(first, len(weights)):
        if run <= 0:
            run, start = 0.0, i
        run += weights[i]
        if run > best:
            best, best_span = run, (start, i)
    return best_span


def _main_region(lines: list[Line], headline: int | None) -> tuple[int, int]:
    """Keep only the maximum-sum contiguous segment of line weights; return its bounds.

    With a headline, the article starts there and ends where the running sum of the
    weights after it peaks; without one (or when nothing but the headline would be
    kept), the segment is the page's maximum-sum one (Kadane).
    """
    first = headline or 0
    weights = _weights(lines)

    def has_text(span: tuple[int, int]) -> bool:
        return any(lines[i].cls == "good" and not lines[i].fixed for i in range(span[0], span[1] + 1))

    span = (0, -1)
    if headline is not None:
        run, best, end = 0.0, 0.0, first
        for i in range(first, len(weights)):
            run += weights[i]
            if run > best:
                best, end = run, i
        span = (first, end)
    if not has_text(span):
        span = _best_segment(weights, first)
    if not has_text(span):
        # The headline alone outweighed every block of text (a page whose body is a
        # table or a list): find the densest text without the anchor.
        weights = [0.0 if line.kind == "title" else w for line, w in zip(lines, weights, strict=True)]
        span = _best_segment(weights, first)
    lo, hi = span
    hi = _next_block(lines, weights, lo, hi)
    hi = _cut_teaser_tail(lines, lo, hi)
    for i, line in enumerate(lines):
        if (i < lo or i > hi) and not line.fixed and line.cls == "good":
            line.cls = "bad"
            line.kind = "outside-main"
            line.score = 0.55
    return lo, hi


def _keep_inner_runs(lines: list[Line], lo: int, hi: int) -> None:
    """Keep runs of non-paragraph lines between two paragraphs of the main region.

    A table is kept whole; another run (a list, a caption, a pull quote) when it is
    short and carries no chrome vocabulary ("Related:", "Read more", "Advertisement").
    """
    good = [i for i in range(lo, hi + 1) if lines[i].cls == "good" and not lines[i].fixed]
    for a, b in pairwise(good):
        run = lines[a + 1:b]
        if not run:
            continue
        if all(line.table or line.fixed for line in run):
            for line in run:
                if not line.fixed:
                    line.cls, line.kind = "good", None
            continue
        if len(run) > P.INNER_RUN_MAX_LINES:
            continue
        if any((line.fixed and line.kind == "chrome") or line.chrome for line in run):
            continue
        for line in run:
            # A bare number outside a table is a counter or a page link.
            if not line.fixed and not _NO_LETTERS.match(line.text):
                line.cls = "good"


def _mark_tables(lines: list[Line]) -> None:
    """Runs of short non-paragraph lines with many bare numbers: a table rendered cell by cell."""
    def boundary(line: Line) -> bool:
        return line.cls == "good" or (line.fixed and line.kind == "chrome")

    i = 0
    while i < len(lines):
        if boundary(lines[i]):
            i += 1
            continue
        j = i
        while j < len(lines) and not boundary(lines[j]):
            j += 1
        run = lines[i:j]
        numbers = [line.text for line in run if _NO_LETTERS.match(line.text)]
        if (len(run) >= P.TABLE_MIN_CELLS and len(numbers) >= P.TABLE_NUMBER_SHARE * len(run)
                and not _ranking(numbers)):
            for line in run:
                line.table = True
        i = j


def _ranking(numbers: list[str]) -> bool:
    """Whether bare numbers count 1, 2, 3…: the ranks of a "most read" list, not table cells."""
    values = [n.strip(" .)#") for n in numbers]
    return all(v.isdigit() for v in values) and [int(v) for v in values] == list(range(1, len(values) + 1))


def _cut_teaser_tail(lines: list[Line], lo: int, hi: int) -> int:
    """End the region before a teaser feed at its tail; return the new last line.

    A teaser is one paragraph (a summary) under two or more short lines (kicker,
    headline, source, counts); a feed repeats it.  An article's sections carry
    several paragraphs under one subheading, so a run of such units at the end of
    the region is the "more stories" list the region ran into.
    """
    # Judge by the lines' own classes (smoothing has already made the heads "good"); a
    # paragraph ends like a sentence, a headline does not.
    good = [i for i in range(lo, hi + 1) if lines[i].cls == "good" and not lines[i].fixed
            and lines[i].initial in ("good", "near") and lines[i].terminal]
    units = 0
    cut = hi
    shape = None
    for k in range(len(good) - 1, 0, -1):
        g, prev = good[k], good[k - 1]
        heads = g - prev - 1
        # A feed repeats one template: the same number of head lines over each summary.
        if heads >= P.TEASER_HEAD_LINES and lines[g].chars <= P.TEASER_MAX_CHARS and shape in (None, heads):
            units += 1
            cut = prev
            shape = heads
        else:
            break
    return cut if units >= P.TEASER_MIN_UNITS else hi


def _next_block(lines: list[Line], weights: list[float], lo: int, hi: int) -> int:
    """Take in the block of text after a short gap (an inline ad, a "read also" box).

    The running sum stops at an ad block that costs more than the text after it; a
    block that starts within a few lines and holds at least a set share of the
    region's own text (the headline's anchor weight aside) is the rest of the article.
    """
    while True:
        text = sum(w for line, w in zip(lines[lo:hi + 1], weights[lo:hi + 1], strict=True)
                   if w > 0 and line.kind != "title")
        start = next((i for i in range(hi + 1, min(len(weights), hi + 2 + P.NEXT_BLOCK_GAP_LINES))
                      if weights[i] > 0 and lines[i].cls == "good" and not lines[i].fixed), None)
        # A feed's item header or a section heading ("Comments", "Most read") in the gap:
        # what follows is another part of the page, not the rest of the article.
        if start is None or any(line.template or SECTION_RE.match(line.text) for line in lines[hi + 1:start]):
            return hi
        run, best, end = 0.0, 0.0, start
        for i in range(start, len(weights)):
            run += weights[i]
            if run > best:
                best, end = run, i
            if run <= 0:
                break
        if best < P.NEXT_BLOCK_SHARE * text:
            return hi
        hi = end


def _trim_head(lines: list[Line], lo: int, hi: int) -> None:
    """Between the headline and the first paragraph only lines that read as text stay.

    Byline, date, "Key points", photo credit sit there: short lines that smoothing
    would keep for their paragraph neighbours.
    """
    first = next((i for i in range(lo, hi + 1) if lines[i].initial == "good" and not lines[i].fixed), None)
    for i in range(lo, first if first is not None else lo):
        if not lines[i].fixed and lines[i].initial in ("short", "bad"):
            lines[i].cls = "bad"
