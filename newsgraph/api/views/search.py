"""The search page (``/search?q=&page=``): full-text hits with highlighted snippets."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.api import urls
from newsgraph.api.config import SEARCH_PAGE_SIZE
from newsgraph.api.highlight import SnippetPart, snippet_parts, snippet_text
from newsgraph.api.views.base import Pager, pager
from newsgraph.errors import NewsgraphError
from newsgraph.store import SearchHit, Store

__all__ = ["HitView", "SearchContext", "hit_view", "search_view"]


@dataclass(slots=True)
class HitView:
    """One hit: ``snippet`` is plain text, ``parts`` the same text cut at the matched terms."""

    id: str
    title: str | None
    publisher: str | None
    published: str | None
    path: str
    language: str | None
    snippet: str
    parts: list[SnippetPart]
    url: str


@dataclass(slots=True)
class SearchContext:
    """A query and one page of its hits, best first; ``error`` says why a query could not run."""

    q: str
    hits: list[HitView]
    pager: Pager
    error: str | None = None
    help: str = field(default=(
        'Words are ANDed; "quoted phrase"; word* for a prefix; OR between words. '
        "Other characters are searched literally."))


def hit_view(hit: SearchHit) -> HitView:
    return HitView(hit.id, hit.title, hit.publisher, hit.published, hit.path, hit.language,
                   snippet_text(hit.snippet), snippet_parts(hit.snippet), urls.document(hit.id))


def search_view(store: Store, q: str, page: int = 1, per_page: int = SEARCH_PAGE_SIZE) -> SearchContext:
    q = q.strip()
    total, hits, error = 0, [], None
    if q:
        try:
            total, found = store.search(q, limit=per_page, offset=(page - 1) * per_page)
            hits = [hit_view(h) for h in found]
        except NewsgraphError as exc:  # a query FTS5 still refuses: say so, never a 500
            error = exc.reason
    return SearchContext(q, hits, pager(total, page, per_page, lambda p: urls.search(q, p)), error)
