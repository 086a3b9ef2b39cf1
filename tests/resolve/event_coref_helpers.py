"""Helpers of the event-coreference tests: a hand-made mention, and a resolver fed with the
ASSAULT mentions extracted from annotated documents."""

from __future__ import annotations

from collections.abc import Iterable

from newsgraph.extract.events import extract_events
from newsgraph.model.document import AnnotatedDocument
from newsgraph.model.events import EventMention, Span
from newsgraph.resolve.events import EventResolver


def assault_mention(doc: str, sentence: str, trigger: str, lemma: str) -> EventMention:
    """An ASSAULT mention whose sentence is the whole (one-sentence) document."""
    start = sentence.index(trigger)
    return EventMention(
        id=f"{doc}:{start}",
        doc=doc,
        type="ASSAULT",
        mode=None,
        trigger=Span(start, start + len(trigger), trigger),
        sentence=Span(0, len(sentence), sentence),
        lemma=lemma,
    )


def resolve_assaults(adocs: Iterable[AnnotatedDocument]) -> EventResolver:
    """A fresh resolver given every ASSAULT mention of the documents, as ingest gives them."""
    r = EventResolver()
    for adoc in adocs:
        for m in extract_events(adoc):
            if m.type == "ASSAULT":
                r.add(m, published=adoc.document.published, publisher=adoc.document.id,
                      context=adoc.document.text)
    return r
