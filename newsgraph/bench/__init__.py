"""Benchmarks: each module has ``run(...) -> dict`` and ``main(...)`` that prints figures.

They read public data from ``../shared/data`` (beside the repository) and say so
clearly when it is absent. Benchmarks report; tests assert behaviour.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["data_dir", "shared_dir"]


def shared_dir() -> Path:
    """``shared/`` beside the repository (or ``$NEWSGRAPH_SHARED``)."""
    env = os.environ.get("NEWSGRAPH_SHARED")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2].parent / "shared"


def data_dir(*parts: str) -> Path:
    """A folder of ``shared/data``; raises FileNotFoundError with a clear message if absent."""
    path = shared_dir().joinpath("data", *parts)
    if not path.exists():
        raise FileNotFoundError(f"benchmark data not found at {path} (set NEWSGRAPH_SHARED)")
    return path
