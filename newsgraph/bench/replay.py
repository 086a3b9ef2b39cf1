"""Resolve a built store's event mentions again, without a new ingest (``--replay`` of the benches).

Benches that ingest a corpus through the whole pipeline (``bench e2e``, ``bench audit``)
can measure a change of the event resolver, or one ``ResolverOptions`` field, in seconds:
``replay`` feeds the stored event mentions to a fresh ``EventResolver`` in ingest order,
each document with its date, publisher, text and the places it names, and argument spans
looked up in the store's entity links — what the ingest gave the resolver. Dates another
report lent a document or a mention after it was resolved are left out (the ingest had
not seen them yet). ``overrides`` parses ``NAME=VALUE`` strings into typed fields.

Figures to report still come from a fresh ingest: the extraction is the stored one.
"""

from __future__ import annotations

import bisect
from dataclasses import fields
from pathlib import Path
from typing import Any

from newsgraph.model.events import EventMention

__all__ = ["overrides", "replay"]


def replay(db: Path, options: dict[str, Any] | None = None) -> tuple[Any, dict[str, EventMention]]:
    """A fresh ``EventResolver`` (``options``: ``ResolverOptions`` overrides) fed the store's
    event mentions; returns it and the mentions by id."""
    from newsgraph.model.events import EVENT_ANCHOR_SOURCE, REPORT_DATED_RULE, event_mention_from_dict
    from newsgraph.nlp.places import PLACE_LABELS
    from newsgraph.resolve.events import EventResolver, ResolverOptions
    from newsgraph.store import Store
    from newsgraph.store import bench_queries as bq
    from newsgraph.store.entity_queries import stands_for

    with Store(db, readonly=True) as store:
        spans = bq.entity_spans(store)

        def entity_of(doc: str, start: int, end: int) -> str | None:
            # The longest entity mention inside the argument span that may stand for it (as
            # the ingest's lookup: a pronoun or description only as the span or its head).
            rows = spans.get(doc, [])
            starts = [r[0] for r in rows]
            best: tuple[int, str] | None = None
            for row in rows[bisect.bisect_left(starts, start):bisect.bisect_right(starts, end)]:
                s, e, ent = row[:3]
                if e <= end and stands_for(row, start, end) and (best is None or e - s > best[0]):
                    best = (e - s, ent)
            return best[1] if best else None

        resolver = EventResolver(entity_of=entity_of, options=ResolverOptions(**(options or {})))
        mentions: dict[str, EventMention] = {}
        for doc in bq.ingest_order(store):
            published = doc.published
            if doc.provenance.get("published") == EVENT_ANCHOR_SOURCE:
                published = None  # lent by another report after this one was resolved
            places = bq.mention_texts(store, doc.id, PLACE_LABELS)
            for d in bq.document_event_mentions(store, doc.id):
                if d.get("date") and REPORT_DATED_RULE in (d["date"].get("rule") or ""):
                    d["date"] = None
                m = event_mention_from_dict(d)
                mentions[m.id] = m
                resolver.add(m, published=published, publisher=doc.publisher, context=doc.text, places=places)
    return resolver, mentions


def overrides(pairs: list[str]) -> dict[str, Any]:
    """``NAME=VALUE`` strings as typed ``ResolverOptions`` fields (ValueError names a bad one)."""
    from newsgraph.resolve.events import ResolverOptions

    types = {f.name: type(getattr(ResolverOptions(), f.name)) for f in fields(ResolverOptions)}
    out: dict[str, Any] = {}
    for pair in pairs:
        name, _, value = pair.partition("=")
        if name not in types:
            raise ValueError(f"unknown ResolverOptions field {name!r}")
        kind = types[name]
        if kind is bool:
            out[name] = value.strip().lower() in ("1", "true", "yes", "on")
        else:
            try:
                out[name] = kind(value)
            except ValueError:
                raise ValueError(f"{name}: {value!r} is not a {kind.__name__}") from None
    return out
