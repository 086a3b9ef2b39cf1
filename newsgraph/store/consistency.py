"""Checks that the corpus-level rows agree with each other: what a crash must never break.

Each check is one query counting rows that contradict another table (an entity whose
stored mention count is not the number of its mention rows in the text (its title
mentions are counted apart), a mention row pointing to
no entity, a document in two stories…). All zero is the invariant the ingest keeps at
every save point; the kill benchmark and the tests assert it after every rerun.
"""

from __future__ import annotations

from newsgraph.store.sqlite import Store

__all__ = ["CHECKS", "problems"]

#: name → query counting the rows that break it.
CHECKS: dict[str, str] = {
    "entities without mentions": """
        SELECT count(*) FROM entities e
        WHERE NOT EXISTS (SELECT 1 FROM entity_mentions m WHERE m.entity_id = e.id)
          AND NOT EXISTS (SELECT 1 FROM entity_title_mentions t WHERE t.entity_id = e.id)""",
    "entity mention counts wrong": """
        SELECT count(*) FROM entities e
        WHERE mention_count != (SELECT count(*) FROM entity_mentions m WHERE m.entity_id = e.id)""",
    "entity document counts wrong": """
        SELECT count(*) FROM entities e
        WHERE doc_count != (SELECT count(*) FROM (
                SELECT doc_id FROM entity_mentions m WHERE m.entity_id = e.id
                UNION SELECT doc_id FROM entity_title_mentions t WHERE t.entity_id = e.id))""",
    "mention links to no entity": """
        SELECT count(*) FROM entity_mentions m
        WHERE NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = m.entity_id)""",
    "title mention links to no entity": """
        SELECT count(*) FROM entity_title_mentions m
        WHERE NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = m.entity_id)""",
    "event source counts wrong": """
        SELECT count(*) FROM events e
        WHERE source_count != (SELECT count(DISTINCT doc_id) FROM event_sources s
                               WHERE s.event_id = e.id)""",
    "event sources of no event": """
        SELECT count(*) FROM event_sources s
        WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = s.event_id)""",
    "documents in two stories": """
        SELECT count(*) FROM (SELECT doc_id FROM story_documents GROUP BY doc_id
                              HAVING count(*) > 1)""",
    "story sizes wrong": """
        SELECT count(*) FROM stories s
        WHERE size != (SELECT count(*) FROM story_documents d WHERE d.story_id = s.id)""",
    "resolved documents without a story": """
        SELECT count(*) FROM documents d
        WHERE resolved = 1 AND annotated = 1
          AND NOT EXISTS (SELECT 1 FROM story_documents s WHERE s.doc_id = d.id)""",
}


def problems(store: Store) -> dict[str, int]:
    """Every check with a non-zero count (an empty dict: the rows agree)."""
    out: dict[str, int] = {}
    for name, query in CHECKS.items():
        n = store.conn.execute(query).fetchone()[0]
        if n:
            out[name] = n
    return out
