"""HTML pages: main text and metadata via trafilatura.

trafilatura (2.3.1) does the extraction — it is the best open-source extractor
we measured — with comments excluded (reader comments are not the article).
The page is parsed once, with trafilatura's own loader: trafilatura extracts
from a copy of the tree and the untouched tree is rendered to full-page text
(``render.render_tree``), from which the clean stage records the removed
blocks — no second parse of the page.
When it finds no main text, the page is rendered to plain text
(``render.render_text``) and handed to the plain-text cleaner as a rescue, so a
page trafilatura cannot parse is still judged line by line before we give up
with E201.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.entities import html5
from itertools import islice

from newsgraph.ingest.clean.params import HTML_FALLBACK_MAX_ELEMENTS
from newsgraph.ingest.clean.render import render_tree

__all__ = ["HtmlResult", "drop_undefined_entities", "entity_problem", "extract_html", "is_xhtml"]

_ENTITY_DECL = re.compile(r"<!ENTITY\s", re.I)
_ENTITY_REF = re.compile(r"&([A-Za-z][A-Za-z0-9._-]*);")
_XHTML = re.compile(r"^\s*(?:\ufeff)?<\?xml\b|xmlns\s*=\s*[\"']http://www\.w3\.org/1999/xhtml", re.I)
_XML_ENTITIES = frozenset({"amp", "lt", "gt", "quot", "apos"})


def entity_problem(markup: str) -> str | None:
    """Why a page's entities make it unsafe to read, or None.

    A DOCTYPE that declares entities is refused whatever the format: expanding them is
    how entity bombs ("billion laughs") and external-entity reads (XXE) work, and an
    HTML parser that does not expand them leaves the references as text — the page
    then reads "&lol9;".
    """
    if _ENTITY_DECL.search(markup):
        return ("it declares its own entities in its DOCTYPE; they are not expanded (entity "
                "expansion is how entity bombs and external-entity reads work)")
    return None


def is_xhtml(markup: str) -> bool:
    """An XML declaration or the XHTML namespace at the top of the page."""
    return _XHTML.search(markup[:4096]) is not None


def drop_undefined_entities(text: str) -> tuple[str, list[str]]:
    """``(text, names)``: the text without references to entities neither XML nor HTML
    defines, and their names. In XHTML such a reference is an error an XML parser stops
    at; the HTML parser keeps it as text ("&lol9;"), which is never what the page meant."""
    names: list[str] = []

    def drop(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in _XML_ENTITIES or f"{name};" in html5:
            return m.group(0)
        names.append(name)
        return ""

    return _ENTITY_REF.sub(drop, text), names


@dataclass(slots=True)
class HtmlResult:
    text: str | None
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    url: str | None = None
    language: str | None = None
    page_text: str | None = None  # the whole page rendered to text (chrome included)


def extract_html(markup: str, url: str | None = None) -> HtmlResult:
    """Main text and metadata of an HTML page; ``text`` is None when nothing was found.

    ``page_text`` holds the page rendered to text with its chrome (``render.render_tree``)
    whenever the page parses, found or not, so the caller needs no second parse.
    """
    import trafilatura
    from trafilatura.utils import load_html

    try:
        tree = load_html(markup)
    except Exception:  # lxml raises assorted errors on broken markup: nothing parsed then
        tree = None
    if tree is None:
        return HtmlResult(text=None)
    # A page far bigger than any article page skips the fallback extractors, whose cost
    # grows with the square of its paragraphs (``params.HTML_FALLBACK_MAX_ELEMENTS``).
    huge = any(True for _ in islice(tree.iter(), HTML_FALLBACK_MAX_ELEMENTS, None))
    try:
        # trafilatura copies a tree it is given, so ``tree`` stays whole for the renderer.
        doc = trafilatura.bare_extraction(tree, url=url, with_metadata=True, include_comments=False,
                                          include_tables=True, fast=huge)
    except Exception:  # trafilatura/lxml raise assorted errors on broken markup: no body found then
        doc = None
    page_text = render_tree(tree)
    if doc is None:
        return HtmlResult(text=None, page_text=page_text)
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    return HtmlResult(
        text=doc.text or None, title=doc.title or None, published=doc.date or None, authors=authors,
        publisher=doc.sitename or None, url=doc.url or None, language=doc.language or None,
        page_text=page_text,
    )
