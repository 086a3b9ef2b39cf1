"""The clean stage: ``RawDocument`` → ``Document`` (clean body, removed blocks, metadata).

Cascade (numbered as it runs):

1. decode the bytes (``decode``: BOM, declared charset, UTF-8, detection,
   mojibake repair) — E104 when nothing decodes;
2. HTML: trafilatura main text + metadata (``html``); if it finds nothing, the
   page is rendered to text (``render``) and goes on as plain text — E201 when
   the page has no text at all;
3. plain text: hard-wrapped paragraphs re-joined (``unwrap``), then dateline,
   title, credited outlets (``metadata``), then the line classifier
   (``boilerplate``) removes chrome, with repetition across the site's earlier
   articles taken from a ``LineIndex``;
4. the publisher where the material says it, with its evidence (``publisher``:
   declared field, site name, title suffix, copyright line, logo, URL or path domain);
5. language of the body (``language``); E202 when no article text is left.

Declared metadata (from the reader) always wins over what is inferred; each
value's origin is recorded in ``Document.provenance``.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from pathlib import PurePath
from urllib.parse import urlsplit

from newsgraph.errors import CleanError
from newsgraph.ingest.clean import params as P
from newsgraph.ingest.clean.boilerplate import Line, classify_lines, running_text
from newsgraph.ingest.clean.decode import decode_bytes, repair_text
from newsgraph.ingest.clean.html import drop_undefined_entities, entity_problem, extract_html, is_xhtml
from newsgraph.ingest.clean.language import (
    DENSE_SCRIPTS,
    detect_language,
    dominant_script,
    same_writing_system,
)
from newsgraph.ingest.clean.lexicon import CHROME_RE, ISO_TO_JUSTEXT
from newsgraph.ingest.clean.lineindex import LineIndex, line_key
from newsgraph.ingest.clean.metadata import (
    copyright_holder,
    find_attributions,
    find_dateline,
    headline_outlet,
    looks_dated,
    parse_date,
    split_site_suffix,
)
from newsgraph.ingest.clean.publisher import settle_publisher
from newsgraph.ingest.clean.render import render_text
from newsgraph.ingest.clean.unwrap import unwrap
from newsgraph.model.document import Document, RawDocument, RemovedBlock
from newsgraph.safe_text import SURROGATES_TO_FFFD, has_surrogates
from newsgraph.settings import RAW_TEXT_FACTOR, Options

__all__ = ["LineIndex", "clean", "clean_text", "render_text"]

_WORDS = re.compile(r"\w+")
#: Separators between a page title's headline and its section/site names.
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||–|—|-|·|::|»)\s+")
#: Lines of the head of a page searched for the title and the dateline.
_HEAD_LINES = 10
#: Lines of the tail searched for a copyright holder.
_TAIL_LINES = 12


def clean(raw: RawDocument, options: Options | None = None, lines: LineIndex | None = None) -> Document:
    """Clean one raw document.

    raw (RawDocument): bytes as read, with the reader's ``format`` and ``declared`` metadata.
    options (Options): per-run knobs; ``max_chars`` refuses a plain text far over it (E302).
    lines (LineIndex): lines already seen per site in this ingest; this article's lines are
        added to it, so later articles of the same site see them as repetition.
    RETURNS (Document): the clean body and its metadata.
    RAISES: CleanError E104 (undecodable), E201 (HTML without body or over the tag cap), E202 (nothing
        left), E204 (entities declared in a DOCTYPE, or XHTML of nothing but undefined ones), E302
        (a plain text far over ``options.max_chars``).
    """
    declared = dict(raw.declared or {})
    is_html = raw.format == "html"
    charset = declared.get("encoding") or _charset_of(declared.get("content_type"))
    text, encoding = decode_bytes(raw.data, charset, html=is_html, path=raw.path, repair=not is_html)
    doc = Document(id=raw.id, path=raw.path, text="", format=raw.format, encoding=encoding)
    if is_html:
        tags = text.count("<")
        if tags > P.HTML_MAX_TAGS:
            raise CleanError(f"the page has {tags:,} tags, over the {P.HTML_MAX_TAGS:,} an article page "
                             "could need: not parsed", path=raw.path, code="E201")
        problem = entity_problem(text)
        if problem:
            raise CleanError(f"the page is refused: {problem}", path=raw.path, code="E204")
        result = extract_html(text, declared.get("url"))
        if result.text and is_xhtml(text):
            result.text = _without_undefined_entities(result.text, doc, raw.path)
        if result.text and result.text.strip():
            doc.text = repair_text(result.text.strip())
            for key, value in (("title", result.title), ("published", result.published),
                               ("publisher", result.publisher), ("url", result.url)):
                if value:
                    setattr(doc, key, value)
                    doc.provenance[key] = "html"
            if result.authors:
                doc.authors = result.authors
                doc.provenance["authors"] = "html"
            doc.removed = _html_removed(result.page_text or render_text(text), doc.text)
        else:
            page = result.page_text if result.page_text is not None else render_text(text)
            rendered = repair_text(page)
            if is_xhtml(text):
                rendered = _without_undefined_entities(rendered, doc, raw.path)
            if not rendered.strip():
                raise CleanError("HTML has no extractable body", path=raw.path, code="E201")
            doc.warnings.append("trafilatura found no main text; page cleaned as plain text")
            _check_length(rendered, options, raw.path)
            _clean_plain(rendered, doc, declared, lines, raw.path)
    else:
        _check_length(text, options, raw.path)
        _clean_plain(text, doc, declared, lines, raw.path)
    _apply_declared(doc, declared)
    settle_publisher(doc, declared, raw.path)
    if not _WORDS.search(doc.text) and declared.get("text_field") and _WORDS.search(text):
        # A record's text field is the body its producer chose, not a scraped page: when
        # the line classifier finds no prose in it (an earnings table, a one-liner), keep
        # it whole rather than lose the record.
        doc.text = text.strip()
        doc.removed = []
        doc.warnings.append("no prose found in the record's text field; kept it whole")
    _storable(doc)
    if not _WORDS.search(doc.text):
        raise CleanError("no article text left after cleaning", path=raw.path, code="E202")
    if doc.language is None:
        doc.language, score = detect_language(doc.text)
        doc.language_score = round(score, 3) if doc.language else None
    return doc


def _without_undefined_entities(text: str, doc: Document, path: str) -> str:
    """XHTML's text without references to undefined entities; E204 when nothing else is left."""
    kept, names = drop_undefined_entities(text)
    if names:
        shown = ", ".join(f"&{n};" for n in sorted(set(names))[:5])
        if not _WORDS.search(kept):
            raise CleanError(f"the XHTML page's text is nothing but references to undefined entities "
                             f"({shown}); an XML parser must refuse it", path=path, code="E204")
        doc.warnings.append(f"{len(names)} reference(s) to undefined XHTML entities dropped ({shown})")
    return kept


def _check_length(text: str, options: Options | None, path: str) -> None:
    """Refuse (E302) a plain text so far over the annotation limit that cleaning cannot bring it
    under: cleaning removes chrome, not three quarters of a text."""
    if options is None or options.max_chars <= 0 or len(text) <= options.max_chars * RAW_TEXT_FACTOR:
        return
    raise CleanError(f"the text is {len(text):,} characters before cleaning, over {RAW_TEXT_FACTOR} × the "
                     f"{options.max_chars:,}-character limit of annotation (--max-chars): not cleaned",
                     path=path, code="E302")


def _storable(doc: Document) -> None:
    """No lone surrogate past this stage, whatever a reader or parser let through (a feed's
    numeric reference, a JSON field): no UTF-8 encoder, the store's included, takes one."""
    fixed = 0
    for name in ("text", "title", "publisher", "url", "published"):
        value = getattr(doc, name)
        if value and has_surrogates(value):
            setattr(doc, name, value.translate(SURROGATES_TO_FFFD))
            fixed += 1
    if any(has_surrogates(a) for a in doc.authors):
        doc.authors = [a.translate(SURROGATES_TO_FFFD) for a in doc.authors]
        fixed += 1
    for block in doc.removed:
        if has_surrogates(block.text):
            block.text = block.text.translate(SURROGATES_TO_FFFD)
            fixed += 1
    if fixed:
        doc.warnings.append("lone surrogates replaced by U+FFFD")


def clean_text(text: str, *, path: str = "<text>", lines: LineIndex | None = None,
               declared: dict | None = None) -> Document:
    """Plain-text cleaning of an already decoded string (used by the benchmark and tests)."""
    doc = Document(id="", path=path, text="")
    _clean_plain(text, doc, dict(declared or {}), lines, path)
    settle_publisher(doc, dict(declared or {}), path)
    return doc


_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)


def _charset_of(content_type: object) -> str | None:
    """Charset parameter of a declared Content-Type ("text/html; charset=iso-8859-1")."""
    match = _CHARSET.search(str(content_type)) if content_type else None
    return match.group(1) if match else None


def _html_removed(page_text: str, body: str) -> list[RemovedBlock]:
    """Lines of the rendered page that trafilatura left out, so nothing is silently lost."""
    kept = line_key(body)
    # Most kept lines come out of trafilatura whole: a set answers those at once; the
    # substring test catches lines it joined or split.
    whole = {line_key(line) for line in body.splitlines()}
    removed: list[RemovedBlock] = []
    for line in page_text.splitlines():
        key = line_key(line)
        if key and key not in whole and key not in kept:
            removed.append(RemovedBlock(text=line, kind="html-chrome", line=-1))
    return removed


def _site_of(declared: dict, doc: Document, path: str) -> str:
    if declared.get("publisher"):
        return str(declared["publisher"]).casefold()
    url = declared.get("url") or doc.url
    if url:
        host = urlsplit(str(url)).hostname
        if host:
            return host.removeprefix("www.")
    if doc.publisher:
        return doc.publisher.casefold()
    return str(PurePath(path.split("#", 1)[0]).parent)


def _clean_plain(text: str, doc: Document, declared: dict, index: LineIndex | None, path: str) -> None:
    unwrapped = unwrap(text)
    if unwrapped is not text:
        doc.warnings.append("hard-wrapped text: paragraphs re-joined before cleaning")
        text = unwrapped
    raw_lines = text.splitlines()
    lines = [Line(no=i, text=" ".join(t.split())) for i, t in enumerate(raw_lines) if t.strip()]
    if not lines:
        raise CleanError("no article text left after cleaning", path=path, code="E202")
    texts = [line.text for line in lines]

    # Body language from the long lines (short ones mislead language ID), then its script.
    long_text = "\n".join(t for t in texts if len(t) >= P.FOREIGN_MIN_CHARS) or "\n".join(texts)
    lang, lang_score = detect_language(long_text)
    script, _ = dominant_script(long_text)
    doc.language, doc.language_score = lang, (round(lang_score, 3) if lang else None)
    stoplist = _stoplist(lang)

    fixed: dict[int, tuple[str, float]] = {}  # line index → (kind, score) decided by metadata
    # A body whose language could not be told is read as English (``nlp.annotate``); so is
    # its dateline: dateparser given no language tries every locale it has, ~0.2 s for each
    # line with a figure in it (44 s over 231 Reuters lines, profiled).
    dateline = find_dateline(texts, _HEAD_LINES, lang or "en")
    if dateline:
        doc.published = dateline.published
        doc.provenance["published"] = "dateline"
        if dateline.whole_line:
            fixed[dateline.index] = ("dateline", 0.9)

    for att in find_attributions(texts):
        if att.outlet not in doc.attributed_to:
            doc.attributed_to.append(att.outlet)
            _credit(doc, f"{att.form}: {texts[att.index][:160]}")
        if att.remove:
            fixed[att.index] = ("attribution", 0.9)

    headline: int | None = None
    given = str(declared.get("title") or "").strip()
    if given:
        # A declared title (a JSON field, a feed's <title>) is the title: the text's first
        # line is body unless it repeats that title — never a guess that costs a paragraph.
        title_i = None
        keys = {line_key(given), line_key(split_site_suffix(given)[0])} - {""}
        for i, t in enumerate(texts[:_HEAD_LINES]):
            if i not in fixed and line_key(t) in keys:
                fixed[i] = ("title", 0.9)
                headline = i if headline is None else headline
    else:
        title_i = _title_index(texts, fixed, script, lang, stoplist)
    if title_i is not None:
        title = texts[title_i]
        doc.title = title
        doc.provenance["title"] = "first-line"
        fixed[title_i] = ("title", 1.0)
        core, site = split_site_suffix(title)
        if site:
            doc.title = core
            doc.publisher = site
            doc.provenance["publisher"] = "title-suffix"
            doc.provenance["publisher_evidence"] = f"the title's site suffix: {title}"
        outlet = headline_outlet(title)
        if outlet and outlet not in doc.attributed_to:
            doc.attributed_to.insert(0, outlet)
            _credit(doc, f"headline-prefix: {title[:160]}")
        # The headline repeated on the page (an <h1> under the <title>) is not body text.
        keys = {line_key(title), line_key(core)}
        # "Headline | Section | Site": failing the whole title, the page's own headline
        # is the first segment.
        first = _TITLE_SEPARATORS.split(title, 1)[0]
        fallback = line_key(first) if len(_WORDS.findall(first)) >= P.HEADLINE_MIN_WORDS else None
        backup: int | None = None
        for i, t in enumerate(texts):
            key = line_key(t)
            if i != title_i and key in keys:
                fixed[i] = ("title", 0.9)
                if headline is None and i > title_i:
                    headline = i
            elif i > title_i and key == fallback and backup is None:
                backup = i
        if headline is None and backup is not None:
            fixed[backup] = ("title", 0.9)
            headline = backup

    if not doc.publisher:
        for t in texts[-_TAIL_LINES:]:
            holder = copyright_holder(t)
            if holder:
                doc.publisher = holder
                doc.provenance["publisher"] = "copyright-line"
                doc.provenance["publisher_evidence"] = f"a copyright line: {t[:160]}"
                break

    site = _site_of(declared, doc, path)
    repeats = (lambda line: index.count(site, line)) if index is not None else None
    for i, (kind, score) in fixed.items():
        line = lines[i]
        line.cls, line.kind, line.score, line.fixed = "bad", kind, score, True
    classify_lines(lines, stoplist=stoplist, body_lang=lang, body_script=script, repeats=repeats,
                   dense=script in DENSE_SCRIPTS, headline=headline)
    if index is not None:
        index.add(site, texts, article=doc.id)

    doc.text = "\n\n".join(line.text for line in lines if line.kind is None)
    doc.removed = [RemovedBlock(text=line.text, kind=line.kind or "", line=line.no, score=line.score)
                   for line in lines if line.kind is not None]
    if doc.text:
        lang2, score2 = detect_language(doc.text)
        if lang2:
            doc.language, doc.language_score = lang2, round(score2, 3)


def _credit(doc: Document, evidence: str) -> None:
    """Record where a credited outlet was found ("source-line: Source: Le Parisien")."""
    prev = doc.provenance.get("attributed_to_evidence")
    doc.provenance["attributed_to_evidence"] = f"{prev}; {evidence}" if prev else evidence


def _title_index(texts: list[str], fixed: dict[int, tuple[str, float]], body_script: str | None,
                 lang: str | None, stoplist: frozenset[str] = frozenset()) -> int | None:
    later: Counter[str] | None = None
    for i, t in enumerate(texts[:_HEAD_LINES]):
        if i in fixed:
            continue
        script, share = dominant_script(t)
        if not same_writing_system(script, body_script) and share >= 0.5:
            continue
        words = _WORDS.findall(t)
        # Unspaced scripts write a headline as one "word": count its characters instead.
        enough = len(t) >= 6 if script in DENSE_SCRIPTS else len(words) >= 2
        if not enough or len(t) > P.TITLE_MAX_CHARS:
            continue
        chrome = CHROME_RE.match(t)
        if chrome and len(chrome.group(0)) >= 0.5 * len(t):
            continue
        # A row of short items between separators is a menu or share bar ("Home | News |
        # Sport", "Share on Facebook | Email this article"); a titled page's "Headline |
        # Section | Site" has one long segment, the headline.
        segments = [x for x in _TITLE_SEPARATORS.split(t) if x.strip()]
        if len(segments) >= P.MENU_MIN_ITEMS and all(
                len(_WORDS.findall(x)) <= P.MENU_ITEM_MAX_WORDS for x in segments):
            continue
        if looks_dated(t) and parse_date(t, lang) is not None:
            continue
        # A line ending like a sentence is the first paragraph: the page has no title line.
        # Headlines rarely end with a full stop; a long one may end with a quote or "?".
        end = t.rstrip()
        if (len(end) > P.TITLE_PERIOD_CHARS and end.endswith(".")) or end.endswith("。") or (
                len(end) > 150 and end.endswith(("!", "?", "”", '"'))):
            return None
        # So is a line written as one sentence of running text ("Deep Throat is dead.") —
        # unless the page shows it again below, as it shows a headline over its body (its
        # <title> and its <h1>), which no lede is.  (A long line of running text without a
        # final stop is not read as a lede: tabloid headlines run past 150 characters.)
        if _sentence_line(end, stoplist) and not any(line_key(u) == line_key(t) for u in texts[i + 1:]):
            return None
        # The only line of text is the body, not a title over nothing.
        if not any(j != i and j not in fixed and len(_WORDS.findall(u)) >= 3 for j, u in enumerate(texts)):
            return None
        # A headline's words come back in its article; a short line none of whose words
        # does ("Skip to content", "Main menu") is navigation, whatever its wording.
        if script not in DENSE_SCRIPTS and len(words) <= P.TITLE_NAV_MAX_WORDS:
            if later is None:
                later = Counter(w.casefold() for u in texts[i + 1:] for w in _WORDS.findall(u))
            content = [w.casefold() for w in words if w.casefold() not in stoplist and not w.isdigit()]
            if content and not any(later[w] > (1 if texts.count(t) > 1 else 0) for w in content):
                continue
        return i
    return None


#: A line's last word ended by a full stop, and what may close the sentence after it.
_FULL_STOP = re.compile(r"(\S+)\.[\"'”’»)\]]*$")
#: A final word that is itself an abbreviation ("S.C.", "U.S.", "Jr."): its period is no full stop.
_ABBREVIATION = re.compile(r"^(?:\w\.)*\w$|^[A-Z][a-z]{0,2}$")
#: A sentence end inside a line: the word before it and the capital after it.
_INNER_END = re.compile(r"(\S+)[.?!][\"'”’)]*\s+[\"'“‘(]*[A-Z]")


def _sentence_line(line: str, stoplist: frozenset[str] = frozenset()) -> bool:
    """Whether a head line is a sentence of running text (a lede) rather than a headline.

    Headlines drop the final full stop (none of 2,225 BBC headlines, 12 of 1,012 PolNeAR
    titles end with one) and are mostly written in title case ("Colts Beat Chiefs To Clinch
    Berth."); a line ending with a full stop whose words after the first are largely
    lower case ("Deep Throat is dead.", "A fire has destroyed the store.") is the first
    paragraph, if it has a function word after the first (headlinese drops articles and
    auxiliaries: "Storm hits." stays a headline).  An ellipsis ("Rivals of the Apple...")
    or an abbreviation ("in S.C.") is no full stop.  A short line of two sentences is a
    headline's rhetoric ("Virginian could make history. Again.": 3 of PolNeAR's titles);
    a lede that long runs past ``TITLE_PERIOD_CHARS`` and is caught there.
    """
    m = _FULL_STOP.search(line)
    if m is None or m.group(1).endswith((".", "…")) or _ABBREVIATION.match(m.group(1).strip("\"'“‘(«[")):
        return False
    if any(not _ABBREVIATION.match(x.group(1).strip("\"'“‘(«[")) for x in _INNER_END.finditer(line)):
        return False
    return running_text(line, stoplist)


_STOPLISTS: dict[str, frozenset[str]] = {}


def _stoplist(lang: str | None) -> frozenset[str]:
    """jusText stop list for the body's language; all languages' union when unknown."""
    import justext

    name = ISO_TO_JUSTEXT.get(lang or "", "")
    key = name or "*"
    if key not in _STOPLISTS:
        if name:
            _STOPLISTS[key] = frozenset(w.casefold() for w in justext.get_stoplist(name))
        else:
            words: set[str] = set()
            for n in justext.get_stoplists():
                words.update(w.casefold() for w in justext.get_stoplist(n))
            _STOPLISTS[key] = frozenset(words)
    return _STOPLISTS[key]


_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?!\d)")


def _declared_date(value: str) -> str | None:
    """An ISO date (YYYY, YYYY-MM or YYYY-MM-DD) that exists, from a declared value, or None."""
    m = _ISO_DATE.match(value.strip())
    if m is None:
        return parse_date(value)
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        datetime.date(year or 0, month or 1, day or 1)
    except ValueError:
        return None
    return m.group(0)


def _apply_declared(doc: Document, declared: dict) -> None:
    """Declared metadata wins over inferred; remember where each value came from."""
    for key in ("title", "url", "publisher"):
        value = declared.get(key)
        if value:
            setattr(doc, key, str(value).strip())
            doc.provenance[key] = "declared"
    published = declared.get("published")
    if published:
        iso = _declared_date(str(published))
        if iso:
            doc.published = iso
            doc.provenance["published"] = "declared"
        else:  # not a date: kept as given it reached every reader of dates (a year 9999999999)
            doc.warnings.append(f"declared date {str(published)[:40]!r} is not a date; dropped")
    authors = declared.get("authors")
    if authors:
        doc.authors = [authors] if isinstance(authors, str) else [str(a) for a in authors]
        doc.provenance["authors"] = "declared"
    doc.warnings.extend(str(w) for w in declared.get("warnings") or ())
