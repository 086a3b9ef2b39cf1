"""Tables loaded once per process, kept out of the cyclic garbage collector's sweeps.

An ingest process holds a million or more objects that live as long as it does — the
spaCy model's vocabulary and strings, WordNet's tables, the gazetteer's index, the
signals' packaged reference — and creates many short-lived ones per document. Python's
full collection walks every tracked object, so each one cost ~0.1–0.3 s here and, over
an ingest, about 5 ms per article of the main process's CPU (gc callbacks timed around a
one-process ingest of 300 BBC articles). ``freeze_loaded`` moves what is alive once the
tables are loaded into the collector's permanent generation (``gc.freeze``): those objects
are still freed by reference counting when dropped, only no longer scanned for cycles.
Nothing an ingest computes depends on when the collector runs.
"""

from __future__ import annotations

import gc

__all__ = ["freeze_loaded"]

_frozen = False
#: Allocations between two young-generation collections (Python's default is 700).
YOUNG_THRESHOLD = 20_000


def freeze_loaded() -> None:
    """Collect what is garbage now, then exempt every surviving object from later sweeps
    (call once the process's long-lived tables are loaded). Once per process: a server
    running many ingests freezes its tables with the first, not each ingest's leftovers."""
    global _frozen
    if _frozen:
        return
    _frozen = True
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, *gc.get_threshold()[1:])
