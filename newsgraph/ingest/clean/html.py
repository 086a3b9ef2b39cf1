"""HTML pages: main text and metadata via trafilatura.

trafilatura (2.3.1) does the extraction — it is the best open-source extractor
we measured — with comments excluded (reader comments are not the article).
When it finds no main text, the page is rendered to plain text
(``render.render_text``) and handed to the plain-text cleaner as a rescue, so a
page trafilatura cannot parse is still judged line by line before we give up
with E201.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["HtmlResult", "extract_html"]


@dataclass(slots=True)
class HtmlResult:
    text: str | None
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    url: str | None = None
    language: str | None = None


def extract_html(markup: str, url: str | None = None) -> HtmlResult:
    """Main text and metadata of an HTML page; ``text`` is None when nothing was found."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(markup, url=url, with_metadata=True, include_comments=False,
                                          include_tables=True)
    except Exception:  # trafilatura/lxml raise assorted errors on broken markup: no body found then
        doc = None
    if doc is None:
        return HtmlResult(text=None)
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    return HtmlResult(
        text=doc.text or None, title=doc.title or None, published=doc.date or None, authors=authors,
        publisher=doc.sitename or None, url=doc.url or None, language=doc.language or None,
    )
