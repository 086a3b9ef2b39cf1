"""A minimal text → ``AnnotatedDocument`` step for the claims/time/places benchmarks and tests.

The pipeline's own annotate stage also cleans and batches; the benchmarks score
the annotators on gold text that is already clean, so they need only the spaCy pass
(sentences, entity mentions, the ``Doc``) with the text's offsets kept exactly.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from newsgraph import settings
from newsgraph.model.document import ENTITY_TYPES, AnnotatedDocument, Document, Mention, Sentence

__all__ = ["adoc_from_doc", "annotate_text", "nlp"]


@lru_cache(maxsize=1)
def nlp() -> Any:
    """The project's spaCy pipeline, loaded once per process (as the annotate stage loads it)."""
    from newsgraph.nlp.annotate import load_model

    return load_model()


def adoc_from_doc(doc: Any, doc_id: str = "doc", published: str | None = None) -> AnnotatedDocument:
    """Wrap a spaCy ``Doc`` of ``doc.text`` as an ``AnnotatedDocument``."""
    sents = [Sentence(s.start_char, s.end_char) for s in doc.sents]
    starts = [s.start for s in sents]
    mentions = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_TYPES:
            continue
        i = max(0, sum(1 for s in starts if s <= ent.start_char) - 1)
        mentions.append(Mention(ent.start_char, ent.end_char, ent.text, ent.label_, i))
    document = Document(id=doc_id, path=doc_id, text=doc.text, published=published)
    return AnnotatedDocument(document, sents, mentions, model=settings.SPACY_MODEL, doc=doc)


def annotate_text(text: str, doc_id: str = "doc", published: str | None = None) -> AnnotatedDocument:
    """Run spaCy over ``text`` and wrap the result."""
    return adoc_from_doc(nlp()(text), doc_id, published)
