"""The ingest job: read → clean → annotate → facts → store → resolve, one batch at a time.

This module only wires stages together; each stage lives in its own package and
knows nothing of the others. Documents already stored (same content hash) are
skipped before any work is spent on them, each document is written in its own
transaction, and a batch is small, so a killed ingest resumes by running it
again: nothing is duplicated and nothing is half-written. Corpus-level resolution
(entities, events) runs after each stored batch; documents a killed run left
unresolved are resolved first thing on the next run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from newsgraph import settings
from newsgraph.errors import NewsgraphError
from newsgraph.facts import extract_facts
from newsgraph.ingest.clean import LineIndex, clean
from newsgraph.ingest.read import read_paths
from newsgraph.model import Document, Failure, IngestReport, RawDocument
from newsgraph.nlp.annotate import annotate
from newsgraph.resolve.corpus import CorpusResolver
from newsgraph.settings import Options
from newsgraph.store import Store

__all__ = ["Progress", "ingest"]


@dataclass(slots=True)
class Progress:
    """What a progress display needs after each input: counts so far and the last path."""

    seen: int
    ingested: int
    present: int
    failed: int
    path: str


ProgressCallback = Callable[[Progress], None]


def ingest(paths: Iterable[str | Path], store: Store, options: Options | None = None, *,
           root: Path | None = None, stdin: BinaryIO | None = None,
           on_progress: ProgressCallback | None = None) -> IngestReport:
    """Ingest every article under ``paths`` into ``store`` and report what happened.

    Bad inputs never stop the batch: each becomes a ``Failure`` (also recorded in
    the store) naming the file and the reason.
    """
    options = options or Options()
    report = IngestReport()
    resolver = CorpusResolver(store) if options.resolve else None
    if resolver is not None:
        resolver.catch_up()
    lines = LineIndex()
    batch: list[tuple[RawDocument, Document]] = []
    batch_ids: set[str] = set()
    seen = 0
    flushes = [0]

    def tick(path: str) -> None:
        if on_progress:
            on_progress(Progress(seen, len(report.ingested), len(report.present),
                                 len(report.failed), path))

    def fail(failure: Failure) -> None:
        report.failed.append(failure)
        store.add_failure(failure)

    def flush() -> None:
        if not batch:
            return
        n_process = options.n_process if len(batch) >= settings.MULTIPROCESS_MIN_DOCS else 1
        docs = [doc for _, doc in batch]
        annotated = annotate(docs, n_process=n_process, batch_size=options.batch_size) \
            if options.annotate else _unannotated(docs)
        written = []
        for (raw, _), adoc in zip(batch, annotated, strict=True):
            try:
                facts = extract_facts(adoc) if options.extract else None
                if store.add_document(raw, adoc, facts):
                    report.ingested.append(raw.id)
                    written.append(adoc)
                else:
                    report.present.append(raw.id)
            except NewsgraphError as exc:
                fail(Failure(raw.path, exc.code, exc.reason))
        if resolver is not None:
            resolver.resolve(written)
            flushes[0] += 1
            if flushes[0] % settings.RESOLVE_COMMIT_EVERY == 0:
                resolver.commit()
        for adoc in written:
            adoc.doc = None  # resolution was the last reader of the parse: free it
        batch.clear()
        batch_ids.clear()

    for item in read_paths(paths, options, root=root, stdin=stdin):
        seen += 1
        if isinstance(item, Failure):
            fail(item)
            tick(item.path)
            continue
        raw = item
        if raw.id in batch_ids or store.has_document(raw.id):
            report.present.append(raw.id)
            tick(raw.path)
            continue
        try:
            doc = clean(raw, options, lines)
        except NewsgraphError as exc:
            fail(Failure(raw.path, exc.code, exc.reason))
            tick(raw.path)
            continue
        batch.append((raw, doc))
        batch_ids.add(raw.id)
        if len(batch) >= options.batch_size:
            flush()
        tick(raw.path)
    flush()
    if resolver is not None:
        resolver.commit()
    return report


def _unannotated(docs: list[Document]):
    from newsgraph.model import AnnotatedDocument

    for d in docs:
        yield AnnotatedDocument(document=d, annotated=False, reason="annotation switched off")
