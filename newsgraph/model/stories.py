"""Records of the stories stage (see newsgraph.model)."""

from __future__ import annotations

__all__: list[str] = []
