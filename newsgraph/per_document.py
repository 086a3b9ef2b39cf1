"""The per-document stages of an ingest — annotate, extract, chain — as one unit of work.

Owns what may run away from the store, in any process: one batch of cleaned documents
in, the same batch processed out (same order, same length), each document either its
annotation and facts or the ``Failure`` that stopped it. ``pipeline`` wires these
batches between reading/cleaning and storing/resolution; ``newsgraph.scale`` runs them
in worker processes or on a Dask cluster.

**What travels back from a worker.** The spaCy parse (``AnnotatedDocument.doc``) is
large and tied to the worker's vocabulary; after extraction its only reader is entity
resolution's within-document coreference (``resolve.entities.chain_document``), which
needs one document and nothing of the corpus. ``process_for_shipping`` therefore builds
those chains where the parse is and sends them instead (``AnnotatedDocument.chains``,
plain data): the resolver then uses them as it would have built them, and no parse
crosses a process boundary. With them go the answers resolution will ask of the
document alone — gazetteer readings of its places, its parsed names, its story vectors
(``AnnotatedDocument.prepared``, ``newsgraph.resolve.prepare``) — so the process that
resolves neither loads those tables nor spends its time there.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator

from newsgraph import settings
from newsgraph.budget import Budget
from newsgraph.errors import NewsgraphError
from newsgraph.facts import DocumentFacts, extract_facts
from newsgraph.model import AnnotatedDocument, Document, Failure
from newsgraph.nlp.annotate import annotate_each
from newsgraph.settings import Options

__all__ = ["BatchProcessor", "Processed", "local_processor", "process_documents",
           "process_for_shipping", "warm_up"]

log = logging.getLogger(__name__)

#: One document after the per-document stages: its annotation (with the parse, or with
#: its within-document chains when processed elsewhere) and facts, or the ``Failure``
#: that stopped it there (too long, over its budget, a stage's error).
Processed = tuple[AnnotatedDocument, DocumentFacts | None] | Failure
#: Turns cleaned batches into processed batches, same order, same length, lazily.
BatchProcessor = Callable[[Iterable[list[Document]], Options], Iterator[list[Processed]]]


def process_documents(docs: list[Document], options: Options, n_process: int = 1) -> list[Processed]:
    """Annotate one batch and extract each document's facts (the per-document work).

    Each document has its own ``Budget`` (``newsgraph.budget``) over both stages, its clock
    running only for its own work (its share of the batch's parse, its extraction); one
    that cannot be processed comes back as a ``Failure`` in its place, the rest go on.
    """
    budgets: dict[int, Budget] = {}

    def budget(doc: Document) -> Budget:
        if id(doc) not in budgets:
            budgets[id(doc)] = Budget(options.doc_seconds, options.doc_memory_bytes, doc.path)
        return budgets[id(doc)]

    annotated = annotate_each(docs, n_process=n_process, batch_size=options.batch_size,
                              max_chars=options.max_chars, section_chars=options.section_chars,
                              budget=budget) if options.annotate else _unannotated(docs)
    out: list[Processed] = []
    for doc, item in zip(docs, annotated, strict=True):
        try:
            if isinstance(item, NewsgraphError):
                raise item
            if options.extract:
                clock = budget(doc)
                clock.resume()
                try:
                    out.append((item, extract_facts(item, clock)))
                finally:
                    clock.pause()
            else:
                out.append((item, None))
        except NewsgraphError as exc:
            out.append(Failure(doc.path, exc.code, exc.reason))
        except Exception as exc:  # a bug tripped by one document must not lose its batch
            log.exception("extraction failed on %s", doc.path)
            out.append(Failure(doc.path, "E305", f"extraction failed: {type(exc).__name__}: {exc}"))
    return out


def process_for_shipping(docs: list[Document], options: Options) -> list[Processed]:
    """``process_documents`` for another process: chains built here, the parse dropped.

    Runs on a worker (local pool or Dask); the model loads once per process
    (``nlp.annotate.load_model``). What comes back pickles small: records only.
    """
    processed = process_documents(docs, options)
    if options.resolve:
        # Imported here: the resolver's modules are needed only when resolution runs.
        from newsgraph.resolve.entities import chain_document
        from newsgraph.resolve.prepare import prepare_document

        for item in processed:
            if isinstance(item, tuple) and item[0].annotated:
                # The default options: the corpus resolver's (Resolver.add checks they match).
                item[0].chains = chain_document(item[0])
            if isinstance(item, tuple):
                item[0].prepared = prepare_document(item[0], item[1].events if item[1] else ())
    for item in processed:
        if isinstance(item, tuple):
            item[0].doc = None
    return processed


#: An invented report touching every per-document stage (a place, dates, a quote, events).
_WARM_TEXT = ("Harbour strike ends in Port Anselm\n\nMonday, March 1, 2021\n\nWorkers at the harbour "
              "of Port Anselm in Ireland ended a strike on Friday after police arrested two men, "
              "union leader Mirela Dostan said. \"This is a fair result,\" she told reporters on "
              "Saturday in Dublin.\n")


def warm_up() -> None:
    """Load, in this process, what the per-document stages load on first use — the spaCy
    model, the gazetteer's index, WordNet, date parsing, the vector models — by processing
    one invented document. A worker does this once as it starts, so its first batch costs
    what any other does."""
    process_for_shipping([Document(id="warm-up", path="<warm-up>", text=_WARM_TEXT)], Options())


def local_processor(batches: Iterable[list[Document]], options: Options) -> Iterator[list[Processed]]:
    """The per-document work in this process, batch by batch (spaCy may fork its own
    ``n_process`` workers on large batches)."""
    for docs in batches:
        n_process = options.n_process if len(docs) >= settings.MULTIPROCESS_MIN_DOCS else 1
        yield process_documents(docs, options, n_process)


def _unannotated(docs: list[Document]) -> Iterator[AnnotatedDocument]:
    for d in docs:
        yield AnnotatedDocument(document=d, annotated=False, reason="annotation switched off")
