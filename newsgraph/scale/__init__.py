"""The per-document stages on workers: local processes (the default) or a Dask cluster.

The per-document stages (annotate, extract, within-document chains) are embarrassingly
parallel and most of the cost: they run on workers, several batches in flight. What
needs the whole corpus in one place stays in the process that runs ``ingest``: reading
(the files are there), cleaning (its repeated-line statistics span the corpus), the
store's single writer and corpus-level resolution (entities, events, stories, signals),
all in input order, so an ingest on workers stores exactly what a one-process one does.

    ingest(["articles/"], store)                          # one worker process per core
    ingest(["articles/"], store, Options(workers=1))      # everything in this process
    from newsgraph.scale import dask_client, dask_processor
    with Store("kb.db") as store, dask_client("local:2") as client:
        ingest(["articles/"], store, processor=dask_processor(client))

or ``newsgraph ingest articles/ --workers 2`` / ``--dask local:2`` / ``--dask tcp://scheduler:8786``.
"""

from newsgraph.scale.cluster import dask_client, dask_processor
from newsgraph.scale.workers import (
    DaskExecutor,
    ProcessPool,
    default_workers,
    executor_processor,
    pool_processor,
)

__all__ = ["DaskExecutor", "ProcessPool", "dask_client", "dask_processor", "default_workers",
           "executor_processor", "pool_processor"]
