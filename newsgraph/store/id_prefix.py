"""Ids typed by hand: which stored ids start with a prefix the user gave (the CLI accepts
a unique prefix of a document, entity, event or story id)."""

from __future__ import annotations

from newsgraph.store.sqlite import Store

__all__ = ["PREFIXED_TABLES", "resolve_prefix"]

#: Tables whose ids a prefix may stand for.
PREFIXED_TABLES = ("documents", "entities", "events", "stories")


def resolve_prefix(store: Store, table: str, prefix: str) -> list[str]:
    """Ids of ``table`` (one of ``PREFIXED_TABLES``) starting with ``prefix``, at most two:
    enough to tell unique from ambiguous."""
    if table not in PREFIXED_TABLES:
        raise ValueError(table)
    return [r[0] for r in store.conn.execute(
        f"SELECT id FROM {table} WHERE id >= ? AND id < ? ORDER BY id LIMIT 2", (prefix, prefix + "\uffff"))]
