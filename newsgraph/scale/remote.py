"""What a Dask worker runs: the per-document stages of one batch, shipped back compactly.

The resolver on the driver still reads each document's spaCy parse. A pickled
spaCy ``Doc`` drags its whole vocabulary along, so the parses travel as one
``DocBin`` per batch and language (spaCy's own serialisation: token attributes plus
the batch's strings) and are rebuilt against the driver's copy of the same model.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.nlp.annotate import load_model, pipeline_language
from newsgraph.pipeline import Processed, process_documents
from newsgraph.settings import Options

__all__ = ["RemoteBatch", "process_remote"]


@dataclass(slots=True)
class RemoteBatch:
    """A processed batch without its parses, plus the parses as one ``DocBin`` per language
    (a French parse is rebuilt against the French model's vocabulary, an English one
    against the English model's)."""

    processed: list[Processed]
    parsed: list[str | None]  # the language of each document's parse, None when it has none
    parses: dict[str, bytes]

    def rebuild(self) -> list[Processed]:
        """The processed batch with every ``AnnotatedDocument.doc`` restored."""
        if any(self.parsed):
            from spacy.tokens import DocBin

            docs = {lang: iter(DocBin().from_bytes(data).get_docs(load_model(lang).vocab))
                    for lang, data in self.parses.items()}
            for item, lang in zip(self.processed, self.parsed, strict=True):
                if lang is not None and isinstance(item, tuple):
                    item[0].doc = next(docs[lang])
        return self.processed


def process_remote(docs: list, options: Options) -> RemoteBatch:
    """Annotate and extract one batch (runs on a worker; the model loads once per process)."""
    from spacy.tokens import DocBin

    processed = process_documents(docs, options)
    bins: dict[str, DocBin] = {}
    parsed: list[str | None] = []
    for item in processed:  # a Failure (too long, over budget) has no parse to ship
        adoc = item[0] if isinstance(item, tuple) else None
        if adoc is None or adoc.doc is None:
            parsed.append(None)
            continue
        lang = pipeline_language(adoc.document)
        parsed.append(lang)
        # user_data only holds extractor caches
        bins.setdefault(lang, DocBin(store_user_data=False)).add(adoc.doc)
        adoc.doc = None
    return RemoteBatch(processed, parsed, {lang: b.to_bytes() for lang, b in bins.items()})
