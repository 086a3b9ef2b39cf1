"""RSS and Atom feeds via feedparser: one article per entry that carries its full text.

An entry's article is its full content (RSS ``content:encoded``, Atom
``<content>``; the longest when there are several). Most feeds only carry a
teaser in ``<description>``/``<summary>``: such an entry is read from its
summary only when the summary is long enough to be the article
(``formats.FEED_SUMMARY_MIN_WORDS``), with ``declared["content_from"] =
"summary"``; otherwise it fails with E109, because a teaser stored as an
article would be a silent loss of the real text.

feedparser is called on the bytes (never a URL: it would fetch one), with
sanitising and URI rewriting off so the content stays as published; it
decodes the XML, so each payload is re-encoded as UTF-8. Paths are
``feed.xml#<entry index>``, 0-based.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

import feedparser

from newsgraph.errors import ReadError
from newsgraph.ingest.read import formats
from newsgraph.ingest.read.text import payload_format
from newsgraph.model.document import Failure, RawDocument
from newsgraph.settings import Options

__all__ = ["read_feed"]

Item = RawDocument | Failure

_TAG = re.compile(r"<[^>]*>")
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


def _words(markup: str) -> int:
    return len(_TAG.sub(" ", markup).split())


def _content(entry: Any) -> tuple[str, str, str] | None:
    """(value, content type, where it came from) for an entry's fullest text, or None."""
    contents = [c for c in entry.get("content") or []
                if isinstance(c.get("value"), str) and c["value"].strip()]
    if contents:
        best = max(contents, key=lambda c: len(c["value"]))
        return best["value"], best.get("type") or "", "content"
    summary = entry.get("summary")
    if isinstance(summary, str) and _words(summary) >= formats.FEED_SUMMARY_MIN_WORDS:
        return summary, (entry.get("summary_detail") or {}).get("type") or "", "summary"
    return None


def read_feed(stream: BinaryIO, path: str, options: Options) -> Iterator[Item]:
    """Yield one RawDocument per entry with full content; E107 when the feed cannot be parsed."""
    data = stream.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        raise ReadError(f"The feed is larger than the {options.max_bytes:,}-byte limit.",
                        path=path, code="E102")
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=False, resolve_relative_uris=False)
    if not parsed.entries:
        if parsed.get("bozo"):
            problem = parsed.get("bozo_exception")
            raise ReadError(f"The feed is malformed and no entry could be read from it: {problem}.",
                            path=path, code="E107")
        raise ReadError("The feed is well-formed but holds no entries.", path=path, code="E107")
    items = list(_entries(parsed, path, options))
    if parsed.get("bozo") and not any(isinstance(item, RawDocument) for item in items):
        # A broken feed whose fragments parsed as empty entries: the file is the problem, not each entry.
        raise ReadError(f"The feed is malformed and no entry with content could be read from it: "
                        f"{parsed.get('bozo_exception')}.", path=path, code="E107")
    yield from items


def _entries(parsed: Any, path: str, options: Options) -> Iterator[Item]:
    feed = parsed.get("feed") or {}
    publisher = feed.get("title")
    for index, entry in enumerate(parsed.entries):
        where = f"{path}#{index}"
        found = _content(entry)
        if found is None:
            summary = entry.get("summary") or ""
            yield Failure(where, "E109", "The entry has no full content (no content:encoded or "
                          f"Atom <content>), and its summary of {_words(summary)} words is a teaser, "
                          f"not the article (at least {formats.FEED_SUMMARY_MIN_WORDS} words are needed).")
            continue
        value, content_type, source = found
        data = value.encode("utf-8", errors="surrogatepass")
        if len(data) > options.max_bytes:
            yield Failure(where, "E102", f"The entry's content is over the {options.max_bytes:,}-byte limit.")
            continue
        markup = content_type.lower() in _HTML_TYPES and ("<" in value or "&" in value)
        declared: dict[str, Any] = {"encoding": "utf-8", "encoding_source": "feed", "content_from": source}
        if content_type:
            declared["content_type"] = content_type
        for key, names in (("title", ("title",)), ("url", ("link",)), ("published", ("published", "updated")),
                           ("record_id", ("id",))):
            value_of = next((entry[n] for n in names if isinstance(entry.get(n), str) and entry[n]), None)
            if value_of:
                declared[key] = value_of.strip()
        if publisher:
            declared["publisher"] = publisher.strip()
            declared["publisher_source"] = "the feed's title"
        authors = [a.get("name") for a in entry.get("authors") or [] if a.get("name")]
        if not authors and entry.get("author"):
            authors = [entry["author"]]
        if authors:
            declared["authors"] = authors
        language = (entry.get("content") or [{}])[0].get("language") or feed.get("language")
        if language:
            declared["language"] = language
        fmt = "html" if markup else payload_format(data, "text")
        yield RawDocument(data=data, path=where, format=fmt, declared=declared)
