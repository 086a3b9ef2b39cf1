"""The ingest job: read → clean → annotate → extract → store → resolve → signals, batch by batch.

This module only wires stages together; each stage lives in its own package and
knows nothing of the others. A batch's documents and their facts are written first
(resolution reads its event mentions back as the store gives them, with any date a
later batch lends them); then the corpus job (``newsgraph/resolve_job.py``) resolves
the batch and writes its entity, event, story and link rows, ``signals_job`` scores
it, and the resolvers' state is saved when due — all in the batch's unit of work.
Documents already stored (same content hash) are skipped before any work is spent on them.

**One writer, whole units of work.** An ingest holds the store's writer lock
(``store/lock.py``) from start to end, so a second ingest, an upload or an entity edit
waits or is refused instead of writing beside it. Everything written between two
saves of the corpus resolvers' state — documents, their facts, entity/event/story
rows, signals, the cleaner's line counts, the state itself — is one transaction
(``Store.transaction``): a killed ingest leaves the store exactly as it was at the last
save, and running it again redoes the same batches from the same state, so the result
equals an uninterrupted run's. Without resolution every batch is its own unit.

The per-document part (annotate, extract, within-document chains:
``newsgraph.per_document``) is a ``BatchProcessor``. By default it runs in worker
processes, one per core (``Options.workers``; 1: here, in this process), with batches
in flight so that storing and resolving here overlap the workers' annotation;
``newsgraph.scale`` supplies the same processor over a Dask cluster. Reading,
cleaning (its line statistics span the corpus), storing and resolution always run
here, in input order, so the store ends the same whatever the number of workers.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from newsgraph import settings
from newsgraph.errors import NewsgraphError, ScaleError
from newsgraph.failure_log import FailureLog
from newsgraph.ingest.clean import LineIndex, clean
from newsgraph.ingest.read import read_paths
from newsgraph.long_lived import freeze_loaded
from newsgraph.model import AnnotatedDocument, Document, Failure, IngestReport, RawDocument
from newsgraph.nlp.annotate import annotate
from newsgraph.per_document import BatchProcessor, Processed, local_processor, process_documents
from newsgraph.resolve_job import CorpusResolver
from newsgraph.resolve_job import warm_up as warm_corpus_stages
from newsgraph.scale.workers import pool_processor
from newsgraph.settings import Options
from newsgraph.store import Store
from newsgraph.store.lock import LockHolder

__all__ = ["BatchProcessor", "Processed", "Progress", "ingest", "local_processor", "process_documents"]

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Progress:
    """What a progress display needs after each input: counts so far and the last path."""

    seen: int
    ingested: int
    present: int
    failed: int
    path: str


ProgressCallback = Callable[[Progress], None]
#: Called while another process holds the store's writer lock (who, as far as known).
WaitCallback = Callable[[LockHolder | None], None]
def ingest(paths: Iterable[str | Path], store: Store, options: Options | None = None, *,
           root: Path | None = None, stdin: BinaryIO | None = None,
           on_progress: ProgressCallback | None = None,
           processor: BatchProcessor | None = None,
           on_wait: WaitCallback | None = None,
           should_stop: Callable[[], bool] | None = None) -> IngestReport:
    """Ingest every article under ``paths`` into ``store`` and report what happened.

    Bad inputs never stop the batch: each becomes a ``Failure`` (also recorded in
    the store) naming the file and the reason. Another writer on the store is waited
    for (``options.lock_wait`` seconds, None: as long as it takes; ``on_wait`` is told
    who it is), else E403. ``should_stop`` is asked after each batch: when it says yes
    the ingest saves what it has done and returns (``report.stopped``).
    """
    options = options or Options()
    if getattr(mp.current_process(), "_inheriting", False):
        # A worker process starting (spawn) re-runs the main script; unguarded, the
        # script's own ingest would start here and wait forever for the store's lock.
        raise ScaleError("ingest called while a worker process starts: a script that ingests "
                         "must guard the call with `if __name__ == '__main__':`", code="E702")
    with store.writer("newsgraph ingest", wait=options.lock_wait, on_wait=on_wait):
        return _ingest(paths, store, options, root=root, stdin=stdin, on_progress=on_progress,
                       processor=processor or pool_processor(options.workers),
                       should_stop=should_stop)


def _ingest(paths: Iterable[str | Path], store: Store, options: Options, *, root: Path | None,
            stdin: BinaryIO | None, on_progress: ProgressCallback | None,
            processor: BatchProcessor, should_stop: Callable[[], bool] | None) -> IngestReport:
    report = IngestReport()
    # The corpus stages' tables load while the first batch is annotated (on workers, or
    # by spaCy, which leaves the interpreter lock free much of the time) instead of
    # when it comes back, on the ingest's critical path; started once the first batch
    # is cleaned and handed over, so they do not delay it.
    warming = _Warming() if options.resolve and options.annotate else None
    try:
        return _run(paths, store, options, report, root=root, stdin=stdin, on_progress=on_progress,
                    processor=processor, should_stop=should_stop,
                    first_batch_out=warming.start if warming is not None else None, warming=warming)
    finally:
        if warming is not None and warming.ident is not None:
            warming.join()


def _run(paths: Iterable[str | Path], store: Store, options: Options, report: IngestReport, *,
         root: Path | None, stdin: BinaryIO | None, on_progress: ProgressCallback | None,
         processor: BatchProcessor, should_stop: Callable[[], bool] | None,
         first_batch_out: Callable[[], None] | None, warming: threading.Thread | None) -> IngestReport:
    resolver = CorpusResolver(store) if options.resolve else None
    if resolver is not None:
        resolver.catch_up(reparse=_reparse if options.annotate else None)
    lines = LineIndex(backing=store)
    # Raw documents read but not yet written, in input order, batch by batch: a
    # processor may hold several batches at once, and a copy of a document still
    # in flight must count as present, not be ingested twice.
    waiting: list[list[RawDocument]] = []
    in_flight: set[str] = set()
    seen = 0

    def tick(path: str) -> None:
        if on_progress:
            on_progress(Progress(seen, len(report.ingested), len(report.present),
                                 failures.total, path))

    def record(failure: Failure) -> None:
        report.failed.append(failure)
        store.add_failure(failure)

    failures = FailureLog(record)  # repeats of one container are summarised (failure_log)
    fail = failures.add

    def fail_doc(failure: Failure, doc_id: str) -> None:
        # A document that fails after cleaning leaves its boilerplate tally uncounted.
        fail(failure)
        lines.dropped(doc_id)

    hooks = [first_batch_out] if first_batch_out is not None else []

    def handed_over() -> None:
        while hooks:
            hooks.pop()()

    def batches() -> Iterator[list[Document]]:
        nonlocal seen
        batch: list[tuple[RawDocument, Document]] = []
        for item in read_paths(paths, options, root=root, stdin=stdin):
            seen += 1
            if isinstance(item, Failure):
                fail(item)
                tick(item.path)
                continue
            raw = item
            if raw.id in in_flight or store.has_document(raw.id):
                report.present.append(raw.id)
                tick(raw.path)
                continue
            try:
                doc = clean(raw, options, lines)
            except NewsgraphError as exc:
                fail_doc(Failure(raw.path, exc.code, exc.reason), raw.id)
                tick(raw.path)
                continue
            except Exception as exc:  # a bug tripped by one input must not end the ingest
                log.exception("cleaning failed on %s", raw.path)
                fail_doc(Failure(raw.path, "E203", f"cleaning failed: {type(exc).__name__}: {exc}"), raw.id)
                tick(raw.path)
                continue
            batch.append((raw, doc))
            in_flight.add(raw.id)
            tick(raw.path)
            if len(batch) >= options.batch_size:
                waiting.append([r for r, _ in batch])
                yield [d for _, d in batch]
                batch = []
                handed_over()
        if batch:
            waiting.append([r for r, _ in batch])
            yield [d for _, d in batch]
            handed_over()

    # One transaction from one save of the resolvers' state to the next (see the module
    # docstring); each document inside it is a savepoint of its own.
    processed_batches = processor(batches(), options)
    with store.transaction(), _closing(processed_batches):
        for processed in processed_batches:
            raws = waiting.pop(0)
            written = []
            for raw, done in zip(raws, processed, strict=True):
                in_flight.discard(raw.id)
                if isinstance(done, Failure):
                    fail_doc(done, raw.id)
                    continue
                adoc, facts = done
                try:
                    if store.add_document(raw, adoc, facts):
                        lines.stored(raw.id)
                        report.ingested.append(raw.id)
                        written.append(adoc)
                    else:
                        lines.dropped(raw.id)
                        report.present.append(raw.id)
                except NewsgraphError as exc:
                    fail_doc(Failure(raw.path, exc.code, exc.reason), raw.id)
                except Exception as exc:  # a value the store refused: this document, not the run
                    log.exception("storing failed on %s", raw.path)
                    fail_doc(Failure(raw.path, "E402",
                                     f"could not be written: {type(exc).__name__}: {exc}"), raw.id)
            if resolver is None:
                store.commit_unit()
            else:
                resolved = resolver.resolve(written)
                resolver.signals.score(written, resolved.events)
                if resolver.commit_due(settings.RESOLVE_COMMIT_EVERY * options.batch_size):
                    resolver.commit()
                    store.commit_unit()
            for adoc in written:
                adoc.doc = None  # resolution was the last reader of the parse: free it
                adoc.prepared = None
            if warming is None or not warming.is_alive():
                freeze_loaded()  # the stages' tables are loaded by now (long_lived.py)
            tick(raws[-1].path if raws else "")
            if should_stop is not None and should_stop():
                report.stopped = True
                break
        failures.close()
        if resolver is not None:
            resolver.commit()
    return report


class _Warming(threading.Thread):
    """``resolve_job.warm_up`` on a thread of its own; a failure there is only logged
    (the stage that needs the table meets it again and reports it)."""

    def __init__(self) -> None:
        super().__init__(name="newsgraph-warm-up", daemon=True)

    def run(self) -> None:
        try:
            warm_corpus_stages()
        except Exception:
            log.debug("warming the corpus stages up failed", exc_info=True)


def _reparse(adocs: list[AnnotatedDocument]) -> None:
    """Give documents rebuilt from the store their spaCy parse again (resolution's
    within-document coreference reads it), keeping the stored sentences and mentions."""
    fresh = annotate([a.document for a in adocs])
    for adoc, again in zip(adocs, fresh, strict=True):
        adoc.doc = again.doc
        adoc.references = again.references



@contextmanager
def _closing(batches: Iterator[list[Processed]]) -> Iterator[None]:
    """Close a processor's batches however the loop ends (done, stopped, failed), so
    workers it started are shut down with it, never left behind."""
    try:
        yield
    finally:
        close = getattr(batches, "close", None)
        if close is not None:
            close()
