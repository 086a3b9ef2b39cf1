"""What a Dask worker runs: the per-document stages of one batch, shipped back compactly.

The resolver on the driver still reads each document's spaCy parse. A pickled
spaCy ``Doc`` drags its whole vocabulary along, so the parses travel as one
``DocBin`` per batch (spaCy's own serialisation: token attributes plus the
batch's strings) and are rebuilt against the driver's copy of the same model.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.nlp.annotate import load_model
from newsgraph.pipeline import Processed, process_documents
from newsgraph.settings import Options

__all__ = ["RemoteBatch", "process_remote"]


@dataclass(slots=True)
class RemoteBatch:
    """A processed batch without its parses, plus the parses as one ``DocBin``."""

    processed: list[Processed]
    parsed: list[bool]
    parses: bytes

    def rebuild(self) -> list[Processed]:
        """The processed batch with every ``AnnotatedDocument.doc`` restored."""
        if any(self.parsed):
            from spacy.tokens import DocBin

            docs = iter(DocBin().from_bytes(self.parses).get_docs(load_model().vocab))
            for item, parsed in zip(self.processed, self.parsed, strict=True):
                if parsed and isinstance(item, tuple):
                    item[0].doc = next(docs)
        return self.processed


def process_remote(docs: list, options: Options) -> RemoteBatch:
    """Annotate and extract one batch (runs on a worker; the model loads once per process)."""
    from spacy.tokens import DocBin

    processed = process_documents(docs, options)
    parses = DocBin(store_user_data=False)  # user_data only holds extractor caches
    parsed = []
    for item in processed:  # a Failure (too long, over budget) has no parse to ship
        adoc = item[0] if isinstance(item, tuple) else None
        parsed.append(adoc is not None and adoc.doc is not None)
        if adoc is not None and adoc.doc is not None:
            parses.add(adoc.doc)
            adoc.doc = None
    return RemoteBatch(processed, parsed, parses.to_bytes() if any(parsed) else b"")
