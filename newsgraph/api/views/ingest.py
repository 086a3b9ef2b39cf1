"""The ingest pages: the upload form (``/ingest``) and the job's status (``/ingest/status``)."""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.api import urls
from newsgraph.api.config import UPLOAD_SUFFIXES, ApiConfig
from newsgraph.api.jobs import IngestJobs, IngestStatus
from newsgraph.store import Store

__all__ = ["DocLink", "IngestContext", "IngestStatusContext", "ingest_status_view", "ingest_view"]

#: Newly ingested documents listed by title on the status page; the rest are in /documents.
LISTED_DOCUMENTS = 50


@dataclass(slots=True)
class DocLink:
    id: str
    title: str | None
    url: str


@dataclass(slots=True)
class IngestStatusContext:
    """The latest ingest's status, and the documents it added (by title)."""

    status: IngestStatus
    ingested: list[DocLink]


@dataclass(slots=True)
class IngestContext:
    """What the upload form accepts, and the latest ingest's status."""

    max_file_bytes: int
    max_files: int
    suffixes: list[str]
    latest: IngestStatusContext


def ingest_status_view(store: Store, jobs: IngestJobs) -> IngestStatusContext:
    status = jobs.status()
    links = []
    for doc_id in status.ingested_ids[:LISTED_DOCUMENTS]:
        doc = store.document(doc_id)  # the store owns every query; a few dozen lookups at most
        links.append(DocLink(doc_id, doc["title"] if doc else None, urls.document(doc_id)))
    return IngestStatusContext(status, links)


def ingest_view(store: Store, config: ApiConfig, jobs: IngestJobs) -> IngestContext:
    return IngestContext(config.max_file_bytes, config.max_upload_files, list(UPLOAD_SUFFIXES),
                         ingest_status_view(store, jobs))
