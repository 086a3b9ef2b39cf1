"""Records of the events stage (see newsgraph.model)."""

from __future__ import annotations

__all__: list[str] = []
