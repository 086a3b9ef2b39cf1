"""What handlers get injected: a read-only store per request, the config, the ingest jobs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Query
from starlette.requests import Request

from newsgraph.api.config import ApiConfig
from newsgraph.api.jobs import IngestJobs
from newsgraph.store import Store

__all__ = ["ConfigDep", "JobsDep", "PageQuery", "StoreDep", "get_config", "get_jobs", "open_store"]


def open_store(request: Request) -> Iterator[Store]:
    """A read-only connection per request: readers never block the ingest writer (WAL)."""
    store = Store(request.app.state.config.db_path, readonly=True)
    try:
        yield store
    finally:
        store.close()


def get_config(request: Request) -> ApiConfig:
    return request.app.state.config


def get_jobs(request: Request) -> IngestJobs:
    return request.app.state.jobs


StoreDep = Annotated[Store, Depends(open_store)]
ConfigDep = Annotated[ApiConfig, Depends(get_config)]
JobsDep = Annotated[IngestJobs, Depends(get_jobs)]
PageQuery = Annotated[int, Query(ge=1, le=1_000_000, description="1-based page number.")]
