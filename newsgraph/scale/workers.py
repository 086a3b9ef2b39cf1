"""The per-document stages on workers: local processes or a Dask cluster, one code path.

An ingest's per-document work (``newsgraph.per_document``: annotate, extract, the
within-document chains) is most of its cost and needs one document at a time; reading,
cleaning (its repeated-line statistics span the corpus), storing and corpus-level
resolution stay in the process that runs the ingest. ``executor_processor`` turns any
*executor* — anything with ``submit(fn, *args)`` returning a future and a ``workers``
count — into a ``BatchProcessor``: it keeps ``IN_FLIGHT_PER_WORKER`` batches per worker
submitted, so the workers annotate the next batches while this process stores and
resolves the last one, and hands results back strictly in input order.

Two executors: ``ProcessPool`` (``concurrent.futures.ProcessPoolExecutor`` with
spawn-started workers — never forked from a process holding a SQLite connection and
threads — that load the spaCy model and the stages' tables once each, as they start:
``per_document.warm_up``) and ``DaskExecutor`` (a
``distributed.Client``). ``pool_processor(n)`` is the ingest's default: it starts a
pool only for input of more than one batch (a pool pays a model load per worker), and
shuts it down when the ingest ends, stops or fails.

**Nothing lost, nothing orphaned.** A batch whose worker dies (killed, out of memory,
a lost connection) is processed again in this process: slower, never lost; a pool
broken by a death is started afresh for the batches after it (``MAX_RESTARTS``). A
newsgraph error raised on a worker (the model missing) is raised here as a local run
would. Workers ignore SIGINT — Ctrl-C is the ingest's to handle (stop after the batch
and save) — and exit by themselves when this process disappears (``kill -9``); a
stopped or failed ingest terminates its pool's workers at once.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain
from types import TracebackType
from typing import Any, Protocol

from newsgraph import settings
from newsgraph.errors import NewsgraphError
from newsgraph.long_lived import freeze_loaded
from newsgraph.model import Document
from newsgraph.per_document import (
    BatchProcessor,
    Processed,
    local_processor,
    process_documents,
    process_for_shipping,
    warm_up,
)
from newsgraph.settings import Options

__all__ = ["BatchExecutor", "DaskExecutor", "ProcessPool", "default_workers", "executor_processor",
           "pool_processor", "split_batch"]

log = logging.getLogger(__name__)

#: Batches queued per worker: one being processed, one waiting, so workers never idle.
IN_FLIGHT_PER_WORKER = 2
#: Fresh pools started after worker deaths before the rest of the ingest runs here.
MAX_RESTARTS = 3
#: Seconds between a worker's checks that the process that started it is still there.
PARENT_CHECK_SECONDS = 1.0


class BatchExecutor(Protocol):
    """Where batches run: ``submit`` returns a future (``result()``, ``cancel()``)."""

    @property
    def workers(self) -> int: ...

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Any: ...


def default_workers() -> int:
    """The cores this process may run on (its CPU affinity, else the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


# -- local worker processes ---------------------------------------------------------------
def _start_worker(parent: int) -> None:
    """Runs once in each pool worker, before its first batch."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C: the ingest decides, not the worker

    def watch() -> None:
        # A parent killed with SIGKILL cannot shut its pool down: leave with it rather
        # than wait forever for batches that will never come.
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="newsgraph-parent-watch", daemon=True).start()
    try:
        warm_up()
    except NewsgraphError:
        pass  # a missing model is raised again by the first batch, and from there in the ingest
    except Exception:  # a stage's bug on the invented text: the batches will meet it, or not
        log.exception("warming a worker up failed")
    freeze_loaded()  # the model and tables just loaded: out of the collector's sweeps


def _ready() -> int:
    return os.getpid()


class ProcessPool:
    """``workers`` spawn-started processes, each loading the model once (see module doc).

    A context manager: leaving it normally waits for the workers to finish; leaving it
    on an exception (a stop, Ctrl-C, an error) terminates them at once.
    """

    def __init__(self, workers: int) -> None:
        self._workers = max(1, workers)
        self._restarts = 0
        self._pool = self._new_pool()

    @property
    def workers(self) -> int:
        return self._workers

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self._workers, mp_context=mp.get_context("spawn"),
                                   initializer=_start_worker, initargs=(os.getpid(),))

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Any:
        try:
            return self._pool.submit(fn, *args)
        except BrokenProcessPool:
            if self._restarts >= MAX_RESTARTS:
                raise
            self._restarts += 1
            log.warning("a worker process died; starting a fresh pool (%d of %d)",
                        self._restarts, MAX_RESTARTS)
            self._terminate()
            self._pool = self._new_pool()
            return self._pool.submit(fn, *args)

    def warm(self) -> list[int]:
        """Start every worker and wait until each is warm (``warm_up``); their process ids.

        One quick task per worker, submitted at once: the executor starts a new process
        whenever none is idle, so each lands on its own worker after its model load."""
        return sorted({f.result() for f in [self._pool.submit(_ready) for _ in range(self._workers)]})

    def close(self, *, now: bool = False) -> None:
        """Shut the pool down: after the batches submitted (``now``: at once, dropping them)."""
        if now:
            self._terminate()
        else:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def _terminate(self) -> None:
        # ProcessPoolExecutor cannot stop a running task; its process map is the only
        # handle on the workers (stable across Python 3.8–3.13).
        processes = list(self._pool._processes.values())
        # Our end of the pipe the workers send results through (shutdown drops the
        # executor's reference to it, so it is taken first).
        writer = getattr(getattr(self._pool, "_result_queue", None), "_writer", None)
        self._pool.shutdown(wait=False, cancel_futures=True)
        for p in processes:
            p.terminate()
        for p in processes:
            p.join(10)
            if p.is_alive():
                p.kill()
                p.join()
        # A worker killed while it sent a result leaves the executor's manager thread
        # reading the rest of that message for ever, since this process holds the pipe's
        # write end too, and interpreter exit joins that thread: a test run was seen to hang
        # after its last test that way. With the workers gone and our end closed, the read
        # ends (EOF) and so does the thread.
        if writer is not None:
            writer.close()

    def __enter__(self) -> ProcessPool:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close(now=kind is not None)


# -- a Dask cluster ---------------------------------------------------------------------------
class DaskExecutor:
    """A ``distributed.Client`` as an executor (its workers load the model once each)."""

    def __init__(self, client: Any) -> None:
        self.client = client

    @property
    def workers(self) -> int:
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Any:
        return self.client.submit(fn, *args, pure=False)


# -- batches in, batches out, in order --------------------------------------------------------
class _Failed:
    """A batch that could not even be submitted: it is processed here when its turn comes."""

    def __init__(self, exc: BaseException) -> None:
        self.exc = exc

    def result(self) -> Any:
        raise self.exc

    def cancel(self) -> bool:
        return True


def executor_processor(executor: BatchExecutor, in_flight: int | None = None) -> BatchProcessor:
    """A ``BatchProcessor`` that runs each batch on ``executor``'s workers, in input order.

    Each batch goes out in ``executor.workers`` parts (``split_batch``), so every worker
    has a share of the batch the ingest waits for next: a whole batch per worker left
    one core idle while the first batch was annotated and again while the last one was.
    The parts come back joined, so the ingest sees the batches it gave.
    """

    def run(batches: Iterable[list[Document]], options: Options) -> Iterator[list[Processed]]:
        window = in_flight or IN_FLIGHT_PER_WORKER * executor.workers
        pending: deque[list[tuple[list[Document], Any]]] = deque()
        try:
            for docs in batches:
                parts = []
                for part in split_batch(docs, executor.workers):
                    try:
                        future = executor.submit(process_for_shipping, part, options)
                    except Exception as exc:  # the workers are gone for good: here, in turn
                        future = _Failed(exc)
                    parts.append((part, future))
                pending.append(parts)
                if len(pending) >= window:
                    yield _joined(pending.popleft(), options)
            while pending:
                yield _joined(pending.popleft(), options)
        finally:  # stopped early: what was submitted is not wanted any more
            for parts in pending:
                for _, future in parts:
                    future.cancel()

    return run


def split_batch(docs: list[Document], parts: int) -> list[list[Document]]:
    """``docs`` in at most ``parts`` runs of consecutive documents, as even as their
    text lengths allow (annotation time grows with the text, not the document count)."""
    if parts <= 1 or len(docs) <= 1:
        return [docs]
    sizes = [len(d.text or "") + 1 for d in docs]
    share = sum(sizes) / parts
    out: list[list[Document]] = []
    run: list[Document] = []
    filled = 0.0
    for doc, size in zip(docs, sizes, strict=True):
        # a document goes with the part its middle falls in
        if run and filled + size / 2 > share * (len(out) + 1) and len(out) < parts - 1:
            out.append(run)
            run = []
        run.append(doc)
        filled += size
    if run:
        out.append(run)
    return out


def _joined(parts: list[tuple[list[Document], Any]], options: Options) -> list[Processed]:
    return [item for docs, future in parts for item in collect(docs, future, options)]


def collect(docs: list[Document], future: Any, options: Options) -> list[Processed]:
    """The processed batch from ``future``; processed here if its worker was lost."""
    try:
        return future.result()
    except NewsgraphError:
        raise  # the same error a local run would raise (e.g. the model is missing)
    except Exception as exc:  # a worker lost: do the batch here rather than lose it
        log.warning("batch of %d documents failed on a worker (%s: %s); processing it here",
                    len(docs), type(exc).__name__, exc)
        return process_documents(docs, options)


def pool_processor(workers: int | None = None, min_docs: int | None = None) -> BatchProcessor:
    """The default ``BatchProcessor``: ``workers`` local processes (None: one per core).

    The pool starts once more than one batch and ``min_docs`` documents have been read
    ahead (default: ``settings.WORKERS_MIN_DOCS`` when ``workers`` is None, else none):
    a shorter input, or ``workers`` 1, is processed in this process, where it does not
    pay a model load per worker.
    """
    count = workers or default_workers()
    need = min_docs if min_docs is not None else (settings.WORKERS_MIN_DOCS if workers is None else 0)

    def run(batches: Iterable[list[Document]], options: Options) -> Iterator[list[Processed]]:
        if count == 1:
            yield from local_processor(batches, options)
            return
        it = iter(batches)
        head: list[list[Document]] = []  # read ahead until a pool is worth starting
        for docs in it:
            head.append(docs)
            if len(head) > 1 and sum(map(len, head)) >= need:
                with ProcessPool(count) as pool:
                    yield from executor_processor(pool)(chain(head, it), options)
                return
        yield from local_processor(head, options)  # the whole input: too little for a pool

    return run
