"""The story pages: the list (``/stories``) and one story (``/stories/{id}``).

A story is the articles that report one news event (``resolve/stories``): its label
(the most central headline), its time span, a timeline of its articles — date,
publisher, title and how each relates to the earliest one (copy, spin, translation,
same story, or no link: an independent report) with a link to the side-by-side
evidence —, its publishers, and the resolved events its articles report, grouped by type
(``event_groups``, the page's folded panel; ``events`` keeps them in one list).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsgraph.api import urls
from newsgraph.api.config import LIST_PAGE_SIZE
from newsgraph.api.views.base import Pager, pager
from newsgraph.model import EVENT_SUMMARY, Document, Event, Story
from newsgraph.model.projection import field_names, filled, project
from newsgraph.store import Store
from newsgraph.store import story_queries as q

__all__ = ["StoriesContext", "StoryContext", "StoryEventGroup", "StoryRow", "stories_view",
           "story_event_groups", "story_view"]


#: A story in the list: the record's fields but its documents and events, counted in ``size``.
StoryRow = project("StoryRow", Story, ("id", "label", "start", "end", "publishers"),
                   extra=[("size", int), ("url", str)])


def _row(s: dict[str, Any]) -> Any:
    own = filled(Story, s, ("id", "start", "end", "publishers"))
    return StoryRow(**own, label=s["label"] or "(untitled)", size=s["size"], url=urls.story(s["id"]))


@dataclass(slots=True)
class StoriesContext:
    min_size: int
    since: str | None
    until: str | None
    stories: list[StoryRow]
    pager: Pager
    help: str = field(default=(
        "A story groups the articles that report one news event: independent reports, copies, "
        "spins and translations alike. Largest first. From/To keep stories whose time span "
        "overlaps the dates (YYYY, YYYY-MM or YYYY-MM-DD)."))


def stories_view(store: Store, *, min_size: int = 0, since: str | None = None, until: str | None = None,
                 page: int = 1, per_page: int = LIST_PAGE_SIZE) -> StoriesContext:
    since, until = (since or "").strip() or None, (until or "").strip() or None
    total, rows = q.stories(store, q.StoryFilter(min_size, since, until), limit=per_page,
                            offset=(page - 1) * per_page)
    return StoriesContext(min_size, since, until, [_row(r) for r in rows],
                          pager(total, page, per_page,
                                lambda p: urls.stories(min_size=min_size, since=since, until=until, page=p)))


@dataclass(slots=True)
class LinkRef:
    """How a timeline article relates to an earlier one of the story."""

    kind: str
    score: float
    other: str  # the earlier document's id
    to_first: bool  # the other document is the story's earliest
    url: str  # the side-by-side evidence


#: An article on the story's timeline: the fields of its ``Document`` that name it, the outlets
#: it credits, whether it is the earliest, its link to an earlier article and its page.
TimelineItem = project("TimelineItem", Document, ("id", "title", "publisher", "published"),
                       extra=[("credits", list[str]), ("first", bool), ("link", LinkRef | None),
                              ("url", str)])


#: An event of the story: what stands for the event, its date, its sources and independent
#: reports, how many of the story's articles report it (``in_story``), a report's words.
StoryEventRow = project("StoryEventRow", Event, EVENT_SUMMARY, extra=[
    ("date", str | None), ("source_count", int), ("publisher_count", int), ("in_story", int),
    ("trigger", str), ("sentence", str), ("url", str)])


@dataclass(slots=True)
class StoryEventGroup:
    """The story's events of one PLOVER type, most reported first."""

    type: str
    events: list[StoryEventRow]


def story_event_groups(events: list[StoryEventRow]) -> list[StoryEventGroup]:
    """Events by type, the type with most events first (ties by name)."""
    groups: dict[str, list[StoryEventRow]] = {}
    for e in events:
        groups.setdefault(e.type, []).append(e)
    return [StoryEventGroup(t, evs) for t, evs in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))]


#: One story's page: the record's fields (its documents as the ``timeline``, its events as rows),
#: its size, the pages it links to (``links_url``: the links of the earliest article).
StoryContext = project(
    "StoryContext", Story, omit=("documents",), types={"events": list[StoryEventRow]},
    extra=[("size", int), ("timeline", list[TimelineItem]), ("stories_url", str), ("links_url", str | None),
           ("event_groups", list[StoryEventGroup], field(default_factory=list)),
           ("help", str, field(default=(
               "Articles earliest first (undated ones last, in the order they were ingested). 'Relation' "
               "is the article's link to the earliest article, or else to an earlier one: copy, spin and "
               "translation mark republished text; same story or none marks an independent report.")))])


def _timeline_item(d: dict[str, Any], first: str) -> TimelineItem:
    lk = d["link"]
    ref = None
    if lk is not None:
        other = lk["a"] if lk["b"] == d["id"] else lk["b"]
        ref = LinkRef(lk["kind"], lk["score"], other, other == first, urls.link(lk["a"], lk["b"]))
    return TimelineItem(**filled(Document, d, ("id", "title", "publisher", "published")),
                        credits=d["attributed_to"], first=d["first"], link=ref, url=urls.document(d["id"]))


def story_view(store: Store, story_id: str) -> StoryContext | None:
    st = q.story(store, story_id)
    if st is None:
        return None
    first = st["documents"][0]["id"] if st["documents"] else ""
    timeline = [_timeline_item(d, first) for d in st["documents"]]
    events = [StoryEventRow(**filled(Event, e, EVENT_SUMMARY), date=e["date"],
                            source_count=e["source_count"], publisher_count=e["publisher_count"],
                            in_story=e["in_story"], trigger=e["trigger"],
                            sentence=" ".join(e["sentence"].split()), url=urls.event(e["id"]))
              for e in st["events"]]
    own = filled(Story, st, field_names(Story, omit=("documents", "label", "events")))
    return StoryContext(**own, label=st["label"] or "(untitled)", events=events, size=st["size"],
                        timeline=timeline, stories_url=urls.stories(),
                        links_url=urls.links(doc=timeline[0].id) if timeline else None,
                        event_groups=story_event_groups(events))
