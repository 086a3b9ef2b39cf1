"""Connecting to a Dask cluster and feeding it batches (the driver's side).

``dask_client("local:N")`` starts a cluster of N worker processes on this machine,
bound to loopback; any other address is an existing scheduler
(``tcp://host:8786``; secure it with Dask's own TLS settings). Workers need
newsgraph and its model installed, as here.

``dask_processor`` keeps a few batches in flight per worker so that writing and
resolving on the driver overlap with annotation on the workers, and hands
results back strictly in input order. A batch whose worker fails for a reason
other than a newsgraph error (a worker killed, a lost connection) is processed
here instead: slower, never lost.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

from newsgraph.errors import NewsgraphError, ScaleError
from newsgraph.model import Document
from newsgraph.pipeline import BatchProcessor, Processed, process_documents
from newsgraph.scale.remote import RemoteBatch, process_remote
from newsgraph.settings import Options

__all__ = ["dask_client", "dask_processor"]

log = logging.getLogger(__name__)

#: Seconds to wait for a scheduler and its first worker before giving up.
CONNECT_TIMEOUT = 30

#: Batches queued per worker: one being processed, one waiting, so workers never idle.
IN_FLIGHT_PER_WORKER = 2


@contextmanager
def dask_client(address: str) -> Iterator[Any]:
    """A ``distributed.Client`` for ``address`` ("local", "local:N" or a scheduler address).

    Raises ``ScaleError`` (E701) when Dask is not installed, the address is invalid,
    or no scheduler with a worker answers within ``CONNECT_TIMEOUT`` seconds.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ScaleError(f"dask[distributed] is not installed ({exc})", code="E701") from exc
    with ExitStack() as stack:
        try:
            if address == "local" or address.startswith("local:"):
                count = address.partition(":")[2] or "2"
                if not count.isdigit() or int(count) < 1:
                    raise ScaleError(f"{address!r}: local:N needs a worker count N ≥ 1", code="E701")
                n = int(count)
                cluster = stack.enter_context(LocalCluster(
                    n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1",
                    dashboard_address=None, silence_logs=logging.WARNING))
                client = stack.enter_context(Client(cluster))
            else:
                n = 1
                client = stack.enter_context(Client(address, timeout=CONNECT_TIMEOUT))
            client.wait_for_workers(n, timeout=CONNECT_TIMEOUT)
        except ScaleError:
            raise
        except (OSError, TimeoutError, ValueError) as exc:
            raise ScaleError(f"Dask cluster {address!r}: {type(exc).__name__}: {exc}", code="E701") from exc
        yield client


def dask_processor(client: Any, in_flight: int | None = None) -> BatchProcessor:
    """A ``BatchProcessor`` that annotates and extracts each batch on ``client``'s workers."""

    def run(batches: Iterable[list[Document]], options: Options) -> Iterator[list[Processed]]:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        window = in_flight or IN_FLIGHT_PER_WORKER * workers
        pending: deque[tuple[list[Document], Any]] = deque()
        for docs in batches:
            pending.append((docs, client.submit(process_remote, docs, options, pure=False)))
            if len(pending) >= window:
                yield _collect(*pending.popleft(), options)
        while pending:
            yield _collect(*pending.popleft(), options)

    return run


def _collect(docs: list[Document], future: Any, options: Options) -> list[Processed]:
    try:
        result: RemoteBatch = future.result()
    except NewsgraphError:
        raise  # the same error a local run would raise (e.g. the model is missing)
    except Exception as exc:  # a worker lost: do the batch here rather than lose it
        log.warning("batch of %d documents failed on the cluster (%s: %s); processing it locally",
                    len(docs), type(exc).__name__, exc)
        return process_documents(docs, options)
    return result.rebuild()
