"""Connecting to a Dask cluster (the driver's side); batches go through ``scale.workers``.

``dask_client("local:N")`` starts a cluster of N worker processes on this machine,
bound to loopback; any other address is an existing scheduler
(``tcp://host:8786``; secure it with Dask's own TLS settings). Workers need
newsgraph and its model installed, as here.

``dask_processor`` is the same in-order, batches-in-flight processor as the local
worker pool (``newsgraph.scale.workers``), with the cluster as its executor: a batch
whose worker fails for a reason other than a newsgraph error (a worker killed, a lost
connection) is processed here instead, slower, never lost.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

from newsgraph.errors import ScaleError
from newsgraph.per_document import BatchProcessor
from newsgraph.scale.workers import DaskExecutor, executor_processor

__all__ = ["dask_client", "dask_processor"]

log = logging.getLogger(__name__)

#: Seconds to wait for a scheduler and its first worker before giving up.
CONNECT_TIMEOUT = 30


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
    """A ``BatchProcessor`` that runs the per-document stages of each batch on ``client``'s workers."""
    return executor_processor(DaskExecutor(client), in_flight)
