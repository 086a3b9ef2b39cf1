"""Corroboration: how many independent publishers report the same events or claims.

"Independent" excludes the publisher itself and any document linked to this one as
a duplicate, copy, spin or translation (a copy repeats, it does not corroborate).
Events come from resolve/events (doc → event ids); without them, story membership
from resolve/stories stands in (doc → story id).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from newsgraph.model.document import AnnotatedDocument, Document
from newsgraph.model.stories import Link, Signal
from newsgraph.signals._common import split_doc
from newsgraph.signals.republication import REPUBLISHING_KINDS

__all__ = ["corroboration"]


def corroboration(doc: Document | AnnotatedDocument, publisher_of: Mapping[str, str | None],
                  keys_of: Mapping[str, Iterable[str]], links: Iterable[Link] | None = None,
                  what: str = "events") -> Signal:
    """Number of other independent publishers sharing at least one of this document's keys.

    ``publisher_of`` maps every known doc id to its publisher; ``keys_of`` maps doc
    ids to event ids, claim keys or story ids (``what`` names them in the explanation).
    """
    d, _ = split_doc(doc)
    mine = set(keys_of.get(d.id, ()))
    if not mine:
        return Signal(d.id, "corroboration", None, f"Not measured: no {what} known for this article.")
    copies = {x for lk in (links or []) if lk.kind in REPUBLISHING_KINDS and d.id in (lk.a, lk.b)
              for x in (lk.a, lk.b)} - {d.id}
    own = publisher_of.get(d.id) or d.publisher
    pubs: dict[str, list[str]] = {}
    for other, keys in keys_of.items():
        if other == d.id or other in copies or not (mine & set(keys)):
            continue
        pub = publisher_of.get(other) or f"unknown:{other}"
        if own and pub == own:
            continue
        pubs.setdefault(pub, []).append(other)
    n = len(pubs)
    expl = (f"{n} other independent publisher(s) report the same {what}"
            + (f": {', '.join(sorted(pubs)[:8])}." if n else "."))
    return Signal(d.id, "corroboration", float(n), expl,
                  details={"publishers": dict(sorted(pubs.items())), "excluded_copies": sorted(copies)})
