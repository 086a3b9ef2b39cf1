"""The home page (``/``): what the store holds, what came in last, what failed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsgraph.api.config import RECENT_ITEMS
from newsgraph.api.jobs import FAILURE_SHOWN, FailureRow, IngestStatus
from newsgraph.api.views.documents import DocumentRow, document_row
from newsgraph.model import Failure
from newsgraph.model.projection import filled
from newsgraph.store import Store

__all__ = ["IndexContext", "index_view"]


@dataclass(slots=True)
class IndexContext:
    """Store statistics, the latest documents (newest first) and the latest failures."""

    stats: dict[str, Any]
    recent: list[DocumentRow]
    failures: list[FailureRow]
    ingest: IngestStatus


def index_view(store: Store, ingest: IngestStatus) -> IndexContext:
    total, _ = store.list_documents(limit=0)
    _, rows = store.list_documents(limit=RECENT_ITEMS, offset=max(0, total - RECENT_ITEMS))
    failures = [FailureRow(**filled(Failure, f, FAILURE_SHOWN)) for f in store.failures(limit=RECENT_ITEMS)]
    return IndexContext(store.stats(), [document_row(r) for r in reversed(rows)], failures, ingest)
