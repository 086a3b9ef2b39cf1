"""Records of the claims stage (see newsgraph.model)."""

from __future__ import annotations

__all__: list[str] = []
