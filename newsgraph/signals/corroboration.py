"""Corroboration: how many *independent* reports share this article's events (or claims).

Independence is decided in one place, ``newsgraph.independence``: copies, spins,
translations and republications of one original count once, one publisher counts once,
and a document of unknown publisher counts only when nothing ties it to another report.
This article's own report (itself, its copies, its publisher's other articles, the outlet
it republishes) never corroborates it. The explanation names outlets and, for a
publisher nobody states, the article's title — never a document id.
Events come from resolve/events (doc → event ids); without them, story membership
from resolve/stories stands in (doc → story id).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from newsgraph.independence import SourceRecord, independent_reports
from newsgraph.model.document import AnnotatedDocument, Document
from newsgraph.model.stories import Link, Signal
from newsgraph.signals._common import split_doc

__all__ = ["corroboration"]


def corroboration(doc: Document | AnnotatedDocument, publisher_of: Mapping[str, str | SourceRecord | None],
                  keys_of: Mapping[str, Iterable[str]], links: Iterable[Link] | None = None,
                  what: str = "events") -> Signal:
    """Number of other independent reports sharing at least one of this document's keys.

    ``publisher_of`` maps doc ids to their publisher, or better to a ``SourceRecord``
    (title, publisher, credited outlets, evidence sentences), in ingest order;
    ``keys_of`` maps doc ids to event ids, claim keys or story ids (``what`` names them
    in the explanation); ``links``: story-stage links among these documents.
    """
    d, _ = split_doc(doc)
    mine = set(keys_of.get(d.id, ()))
    if not mine:
        return Signal(d.id, "corroboration", None, f"Not measured: no {what} known for this article.")
    sharing = {o for o, keys in keys_of.items() if o != d.id and mine & set(keys)}
    order = [x for x in publisher_of if x in sharing or x == d.id]
    order += sorted((sharing | {d.id}) - set(order))
    records = [_record(x, publisher_of.get(x), d) for x in order]
    found = independent_reports(records, links or [])
    own = found.report_of(d.id)
    others = [r for r in found.reports if r is not own]
    n = len(others)
    expl = (f"{n} other independent report{'s' if n != 1 else ''} of the same {what}"
            + (": " + "; ".join(found.label(r) for r in others) if others else "") + ".")
    if own is not None and len(own.documents) > 1:
        expl += f" Not counted: this article's own report, {found.label(own)}."
    return Signal(d.id, "corroboration", float(n), expl, details={
        "reports": [r.to_dict() for r in others], "own": own.to_dict() if own else None,
        "publishers": {found.label(r): r.documents for r in others}})


def _record(doc_id: str, value: str | SourceRecord | None, d: Document) -> SourceRecord:
    if isinstance(value, SourceRecord):
        return value
    if doc_id == d.id:
        return SourceRecord(d.id, d.title, value or d.publisher, tuple(d.attributed_to))
    return SourceRecord(doc_id, None, value)
