"""Fixtures for entity-resolution tests (helpers live in ``entity_docs``, importable by
name from the test modules without clashing with other folders' conftest modules)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from entity_docs import annotate

from newsgraph.model.document import AnnotatedDocument


@pytest.fixture(scope="session")
def make_doc() -> Callable[..., AnnotatedDocument]:
    return annotate
