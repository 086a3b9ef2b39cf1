"""Fixtures of the extract tests: documents annotated by the real spaCy model (loaded once)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.model import AnnotatedDocument, Document


@pytest.fixture(scope="session")
def annotated(nlp) -> Callable[..., AnnotatedDocument]:
    """Build an AnnotatedDocument from text with the session's spaCy model."""
    from newsgraph.nlp.annotate import annotate

    def make(text: str, doc_id: str = "doc", published: str | None = "2019-03-14") -> AnnotatedDocument:
        return next(annotate([Document(id=doc_id, path=doc_id, text=text, published=published)]))

    return make
