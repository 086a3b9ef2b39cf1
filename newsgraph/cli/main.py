"""The ``newsgraph`` command: one module per command, all sharing ``_util.app``."""

from __future__ import annotations

from newsgraph.cli import (  # noqa: F401  (register commands)
    bench,
    claims,
    entities,
    events,
    export,
    ingest,
    places,
    search,
    serve,
    show,
    stories,
)
from newsgraph.cli._util import app

__all__ = ["app"]

if __name__ == "__main__":
    app()
