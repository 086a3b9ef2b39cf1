"""Fixtures for resolution tests (helpers live in ``entity_docs``, importable by
name from the test modules without clashing with other folders' conftest modules)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from entity_docs import annotate

from newsgraph.model import Document
from newsgraph.model.document import AnnotatedDocument


@pytest.fixture(scope="session")
def make_doc() -> Callable[..., AnnotatedDocument]:
    return annotate


@pytest.fixture(scope="session")
def annotate_one(nlp):
    from newsgraph.nlp.annotate import annotate

    def make(text: str, doc_id: str, published: str | None) -> object:
        return next(annotate([Document(id=doc_id, path=doc_id, text=text, published=published)]))

    return make
