"""The export stage: the store written out in formats analysts' tools read.

Every format is derived from the JSON Lines contract's records (``iter_records``), so
they all say the same thing: ``jsonl`` (the contract), ``csv`` and ``parquet`` (one
table per kind of fact), ``graphml`` (the entity/event network), ``ftm``
(FollowTheMoney entities for Aleph) and ``plover`` (PLOVER JSON event records).
"""

from newsgraph.export.jsonl import iter_records, write_jsonl

__all__ = ["iter_records", "write_jsonl"]
