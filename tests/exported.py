"""Test helper: a store's JSON Lines export read back as a user reads it (``write_jsonl``,
then one ``json.loads`` per line), for tests that check what the export says."""

from __future__ import annotations

import io
import json
from typing import Any

from newsgraph.export.jsonl import write_jsonl
from newsgraph.store import Store


def exported(store: Store) -> list[dict[str, Any]]:
    """Every record of the store's JSONL export, in export order."""
    out = io.StringIO()
    write_jsonl(store, out)
    return [json.loads(line) for line in out.getvalue().splitlines()]
