"""The store stage: schema, migrations and every query (SQLite, WAL, FTS5)."""

from newsgraph.store.sqlite import SearchHit, Store, fts_query

__all__ = ["SearchHit", "Store", "fts_query"]
