"""newsgraph: news articles in, a sourced knowledge base out.

The Python API in one screen::

    from newsgraph import Store, ingest
    with Store("newsgraph.db") as store:
        report = ingest(["articles/"], store)
        total, hits = store.search("embassy attack")
        doc = store.document(hits[0].id)

Stages live in one package each (``ingest.read``, ``ingest.clean``,
``nlp``, ``extract``, ``resolve``, ``signals``, ``store``, ``api``/``web``,
``export``, ``cli``); their records are in ``newsgraph.model``.
"""

from __future__ import annotations

from newsgraph.blas import one_thread

one_thread()  # before NumPy loads: the processes are the parallelism (newsgraph/blas.py)

from newsgraph.errors import NewsgraphError  # noqa: E402
from newsgraph.settings import Options  # noqa: E402

__version__ = "0.1.0"
__all__ = ["NewsgraphError", "Options", "Store", "__version__", "ingest"]


def __getattr__(name: str):  # lazy: `import newsgraph` must not load spaCy or SQLite code
    if name == "ingest":
        from newsgraph.pipeline import ingest

        return ingest
    if name == "Store":
        from newsgraph.store import Store

        return Store
    raise AttributeError(name)
