"""Fixtures of the API tests: one store ingested from ``api_articles`` and a client on it.

Every client talks to the app as ``http://127.0.0.1``: without a token the app
answers loopback host names only.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from api_articles import BASE, Corpus, build_corpus
from fastapi.testclient import TestClient

from newsgraph.api.app import create_app


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return build_corpus(tmp_path_factory.mktemp("api"))


@pytest.fixture()
def client(corpus: Corpus) -> Iterator[TestClient]:
    with TestClient(create_app(corpus.db), base_url=BASE) as c:
        yield c
