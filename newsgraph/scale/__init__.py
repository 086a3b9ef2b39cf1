"""The ingest pipeline on a Dask cluster, for corpora beyond one machine.

The per-document stages (annotate, extract) are embarrassingly parallel and are
most of the cost: they run on the cluster's workers, one batch per task. What
needs the whole corpus in one place stays on the machine that runs ``ingest``:
reading (the files are there), cleaning (its repeated-line statistics span the
corpus), the store's single writer and corpus-level resolution (entities, events,
stories, signals), all in input order, so a cluster ingest stores exactly what a
local one does.

    from newsgraph.scale import dask_client, dask_processor
    with Store("kb.db") as store, dask_client("local:2") as client:
        ingest(["articles/"], store, processor=dask_processor(client))

or ``newsgraph ingest articles/ --dask local:2`` / ``--dask tcp://scheduler:8786``.
"""

from newsgraph.scale.cluster import dask_client, dask_processor
from newsgraph.scale.remote import RemoteBatch, process_remote

__all__ = ["RemoteBatch", "dask_client", "dask_processor", "process_remote"]
