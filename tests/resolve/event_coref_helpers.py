"""Helpers of the event-coreference tests: a hand-made mention, a resolver fed with the
ASSAULT mentions extracted from annotated documents, and articles ingested one by one
through the whole pipeline with their export read back."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from exported import exported

from newsgraph.extract.events import extract_events
from newsgraph.model.document import AnnotatedDocument
from newsgraph.model.events import EventMention, Span
from newsgraph.pipeline import ingest
from newsgraph.resolve.events import EventResolver
from newsgraph.store import Store


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


def ingest_articles(tmp_path: Path, store: Store, **articles: str) -> dict[str, list[dict]]:
    """Ingest each article (its own file, in order) and return the export by record kind;
    each document's file stem is its ``name``."""
    for name, text in articles.items():
        folder = tmp_path / name
        folder.mkdir()
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        ingest([folder], store)
    recs: dict[str, list[dict]] = {}
    for rec in exported(store):
        recs.setdefault(rec["record"], []).append(rec)
    return recs


def export_article(tmp_path: Path, store: Store, text: str) -> list[dict]:
    """Ingest one article (``a.txt``) and return every export record, in order."""
    (tmp_path / "a.txt").write_text(text)
    ingest([tmp_path], store)
    return exported(store)
