"""The export stage: the store written out in formats analysts' tools read."""

from newsgraph.export.jsonl import iter_records, write_jsonl

__all__ = ["iter_records", "write_jsonl"]
