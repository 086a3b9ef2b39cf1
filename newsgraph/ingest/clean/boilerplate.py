"""Plain-text boilerplate removal: which lines of a scraped page are the article.

Works on text alone (no markup), in any language.  Each line gets cues —
length, stop-word density in the body's language (jusText stop lists), whether
it ends like a sentence, its script/language against the body's, repetition
inside the page and across the site's other articles (``LineIndex``), file
names/URLs, and, as one weak cue, a table of general web-chrome vocabulary —
then:

1. **jusText classes** (Pomikálek 2011): ``bad`` / ``short`` / ``near`` / ``good``
   from length and stop-word density; hard cues (other script, file name,
   repeated template line, chrome phrase filling the line) make a line bad.
2. **Context smoothing** as in jusText: short and near-good lines take the
   class of their nearest decided neighbours; page start and end count as bad,
   so chrome at the head and tail goes, while a short quote or subheading
   between paragraphs stays.
3. **Main region**: the article is the densest contiguous run of text — the
   maximum-sum segment over per-line scores (good text positive, chrome
   negative) — so teaser lists, comment threads and footers outside it go even
   when a line there looks like prose.

We wrote this rather than call jusText because jusText needs the DOM (link
density, block tags); here there is none.  Every removed line keeps the cue
that removed it (``kind``) and a score.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from newsgraph.ingest.clean import params as P
from newsgraph.ingest.clean.language import detect_language, dominant_script, same_writing_system
from newsgraph.ingest.clean.lexicon import CHROME_ANYWHERE_RE, CHROME_RE
from newsgraph.ingest.clean.lineindex import line_key

__all__ = ["Line", "classify_lines"]

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


def classify_lines(lines: list[Line], *, stoplist: frozenset[str], body_lang: str | None,
                   body_script: str | None, repeats: Callable[[str], int] | None = None,
                   dense: bool = False) -> list[Line]:
    """Set ``kind``/``score`` on every line; lines left with ``kind is None`` are the article.

    ``dense``: the body is in a script written without spaces (Chinese, Japanese,
    Thai…), where stop-word density cannot be counted: a line that ends like a
    sentence stands in for a stop-word-rich one, and each character counts as
    ``params.DENSE_CHAR_WIDTH`` characters of length.
    """
    if not lines:
        return lines
    in_page = Counter(line_key(line.text) for line in lines)
    for line in lines:
        _features(line, stoplist, dense)
        _initial_class(line, body_lang, body_script, in_page, repeats)
    _smooth(lines)
    if not any(line.cls == "good" for line in lines):
        # No paragraph anywhere (a table, a list of results): give near-good lines their
        # benefit of the doubt, as the densest block must still be found.
        for line in lines:
            if not line.fixed:
                line.cls = "good" if line.initial in ("near", "good") else line.initial
        _smooth(lines)
    _main_region(lines)
    for line in lines:
        if line.cls in ("good", "near") and (line.kind is None or not line.fixed):
            line.kind = None
            continue
        if line.kind is None:
            # "context": a short or near-good line its chrome neighbours outvoted.
            line.kind = "low-content" if line.initial == "bad" else "context"
            line.score = line.score or 0.6
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
                   repeats: Callable[[str], int] | None) -> None:
    text = line.text
    if _NO_LETTERS.match(text):
        return _bad(line, "low-content", 0.95)
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
    if in_page[key] > 1 and line.chars < P.LENGTH_LOW and not line.terminal:
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
    # A long paragraph may mention cookies or a newsletter once; a banner piles them up.
    steps = len(hits) if line.chars <= P.CHROME_MAX_CHARS else max(0, len(hits) - 1)
    if steps:
        for _ in range(steps):
            line.cls = {"good": "near", "near": "short", "short": "bad", "bad": "bad"}[line.cls]
        if line.cls == "bad" and hits:
            line.kind, line.score = "chrome", 0.7
    line.initial = line.cls


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


def _weight(line: Line) -> float:
    if line.kind == "title":
        # The headline shown on the page sits right above its body: an anchor for the region.
        return P.TITLE_ANCHOR_WEIGHT
    if line.kind == "chrome" and line.fixed:
        # A chrome heading ("Comments", "Related news", "Most popular") opens a new page
        # section: crossing it costs the region more than its few characters.
        return -P.SECTION_BREAK_WEIGHT
    if line.cls == "good":
        return P.GOOD_WEIGHT * line.chars
    if line.cls == "near":
        return P.NEAR_WEIGHT * line.chars
    if line.cls == "short":
        return P.SHORT_WEIGHT * line.chars
    return P.BAD_WEIGHT * max(line.chars, P.BAD_MIN_CHARS)


def _main_region(lines: list[Line]) -> None:
    """Keep only the maximum-sum contiguous segment (Kadane) of line weights."""
    best, best_span = 0.0, (0, -1)
    run, start = 0.0, 0
    for i, line in enumerate(lines):
        if run <= 0:
            run, start = 0.0, i
        run += _weight(line)
        if run > best:
            best, best_span = run, (start, i)
    lo, hi = best_span
    for i, line in enumerate(lines):
        if (i < lo or i > hi) and not line.fixed and line.cls == "good":
            line.cls = "bad"
            line.kind = "outside-main"
            line.score = 0.55
