"""Publisher profiles read from the tallies that migration 6's triggers keep.

``story_queries.publishers_scan`` defines a profile by reading every document, link,
claim and signal (seconds on 100k articles). The same sums are kept per publisher in
``publisher_tally`` and ``publisher_signal_values``, updated by SQLite triggers in the
transaction of each write (``store/migrations.py``, migration 6), so no writer has to
know about them and the page reads a few rows per publisher. ``publishers`` here
returns exactly what ``publishers_scan`` returns (tests/store/test_publisher_tally.py
compares both): counts are integers, and a signal's mean is the exactly rounded sum of
its values (as ``math.fsum`` gives it), summed here as fractions from the per-value counts.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

from newsgraph.model.stories import LINK_RANK as _RANK
from newsgraph.store.sqlite import Store

__all__ = ["UNKNOWN_PUBLISHER", "publishers", "rebuild"]

#: The publisher a document of unknown publisher is listed under.
UNKNOWN_PUBLISHER = "unknown"


def _exact_sum(values: list[tuple[float, int]]) -> float:
    """``math.fsum`` of each value repeated its count, without repeating it."""
    if not all(math.isfinite(v) for v, _ in values):
        return math.fsum(v for v, n in values for _ in range(n))
    return float(sum((Fraction(v) * n for v, n in values), Fraction(0)))


def publishers(store: Store) -> list[dict[str, Any]]:
    """``story_queries.publishers_scan``'s profiles, read from the tallies."""
    pubs: dict[str, dict[str, Any]] = {}
    facets: dict[str, dict[str, dict[str, int]]] = {}
    for pub, facet, value, n in store.conn.execute(
            "SELECT publisher, facet, value, n FROM publisher_tally WHERE n <> 0"):
        facets.setdefault(pub, {}).setdefault(facet, {})[value] = n
    values: dict[tuple[str, str], list[tuple[float, int]]] = {}
    for pub, name, value, n in store.conn.execute(
            "SELECT publisher, name, value, n FROM publisher_signal_values WHERE n > 0"):
        values.setdefault((pub, name), []).append((value, n))
    for pub, f in facets.items():
        articles = f.get("articles", {}).get("", 0)
        if articles <= 0:
            continue  # every document gone: the scan would not list the publisher
        origin = f.get("origin", {})
        total = f.get("claims", {}).get("", 0)
        kinds, certainty = f.get("speaker_kind", {}), f.get("certainty", {})
        signals = {}
        for name in sorted(n for n, rows in f.get("signal", {}).items() if rows > 0):
            vals = values.get((pub, name), [])
            measured = sum(n for _, n in vals)
            signals[name] = {"mean": round(_exact_sum(vals) / measured, 3) if measured else None,
                             "flagged": f.get("flagged", {}).get(name, 0), "measured": measured}
        originals = origin.get("original", 0)
        pubs[pub] = {
            "publisher": pub, "articles": articles, "originals": originals,
            "republished": {k: origin[k] for k in sorted(
                (k for k in origin if k != "original" and origin[k] > 0),
                key=lambda k: _RANK.get(k, len(_RANK)))},
            "credited": {k: n for k, n in f.get("credited", {}).items() if n > 0},
            "signals": signals, "claims": total,
            "named_share": round(kinds.get("named", 0) / total, 3) if total else None,
            "anonymous_share": round(kinds.get("anonymous", 0) / total, 3) if total else None,
            "hedged_share": round(certainty.get("hedged", 0) / total, 3) if total else None,
            "original_share": round(originals / articles, 3),
        }
    return sorted(pubs.values(), key=lambda p: (-p["articles"], p["publisher"] == UNKNOWN_PUBLISHER,
                                                p["publisher"].lower()))


def rebuild(store: Store) -> None:
    """Recount the tallies from the tables (a repair; the triggers keep them otherwise)."""
    from newsgraph.store.migrations import PUBLISHER_TALLY_FILL

    store.conn.executescript(
        "BEGIN; DELETE FROM publisher_tally; DELETE FROM publisher_signal_values; "
        "DELETE FROM publisher_docs;" + "".join(PUBLISHER_TALLY_FILL) + "COMMIT;")
