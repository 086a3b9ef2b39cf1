"""Render an HTML page to plain text with all of its chrome left in.

Owns the "full-page text" view of a page: what a scraper that does not look at
markup would dump.  It is used (1) by ``newsgraph bench extract`` to feed the
plain-text cleaner pages whose gold body is known, (2) by the HTML path to record
the blocks trafilatura left out (``render_tree`` on the tree trafilatura was
given: one parse serves both), and (3) as the HTML path's rescue when trafilatura
finds no main text, so the plain-text cleaner gets a go.

Rendering rules (deliberately simple and documented, so the benchmark row can be
reproduced): parse with lxml; drop ``script``, ``style``, ``noscript``,
``template`` elements and comments; keep every other text node (navigation,
footers, comment forms, the ``<title>``…); start a new line at each block-level
element and at ``<br>``; collapse runs of spaces inside a line; drop empty lines.
lxml's ``text_content()`` would run block elements together, which is why this
walk exists.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

__all__ = ["BLOCK_TAGS", "render_text", "render_tree"]

#: HTML block-level and table/list structure elements (HTML Living Standard,
#: "flow content" that browsers lay out as blocks) plus form controls that
#: stand alone on a line.
BLOCK_TAGS: frozenset[str] = frozenset({
    "address", "article", "aside", "blockquote", "body", "button", "caption", "center", "dd",
    "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "footer", "form", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header",
    "hgroup", "hr", "html", "iframe", "input", "legend", "li", "main", "menu", "nav", "ol",
    "option", "p", "pre", "section", "select", "summary", "table", "tbody", "td", "textarea",
    "tfoot", "th", "thead", "title", "tr", "ul", "video", "audio", "picture",
})

_DROP_TAGS = ("script", "style", "noscript", "template")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")


def render_text(markup: str | bytes) -> str:
    """Return the page's text, one block per line, nothing but script/style removed.

    Never raises on malformed markup: an unparsable page renders as "".
    """
    try:
        root = lxml_html.document_fromstring(markup)
    except (etree.ParserError, ValueError, TypeError):
        return ""
    return render_tree(root)


def render_tree(root: etree._Element) -> str:
    """``render_text`` of an already parsed page (the tree is modified: scripts are dropped).

    The HTML path parses a page once and hands the same tree to trafilatura (which
    works on a copy) and to this renderer, to record what trafilatura left out.
    """
    for bad in root.xpath("//script|//style|//noscript|//template"):
        _drop_keep_tail(bad)
    for comment in root.xpath("//comment()|//processing-instruction()"):
        _drop_keep_tail(comment)
    parts: list[str] = []
    _walk(root, parts)
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _drop_keep_tail(el: etree._Element) -> None:
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    prev = el.getprevious()
    if tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _walk(el: etree._Element, parts: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    tag = tag.lower()
    block = tag in BLOCK_TAGS
    if block:
        parts.append("\n")
    if tag == "br":
        parts.append("\n")
    if el.text:
        parts.append(el.text.replace("\n", " "))
    for child in el:
        _walk(child, parts)
        if child.tail:
            parts.append(child.tail.replace("\n", " "))
    if block:
        parts.append("\n")
