"""Per-article signals and per-publisher profiles.

Each signal is a ``Signal`` with a value, an explanation and evidence spans; a flag
is a cue to look, never a verdict. ``article_signals`` computes every signal one
document supports given what the caller has (links, claims, events, a reference
model of native news); what it lacks is reported as "not measured".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from newsgraph.independence import SourceRecord
from newsgraph.model.document import AnnotatedDocument, Document
from newsgraph.model.stories import Link, Signal
from newsgraph.signals.attribution import attribution
from newsgraph.signals.boilerplate import boilerplate_share
from newsgraph.signals.corroboration import corroboration
from newsgraph.signals.machine_translation import machine_translation
from newsgraph.signals.publishers import publisher_profiles
from newsgraph.signals.reference import CollocationModel
from newsgraph.signals.republication import republication
from newsgraph.signals.spinning import spinning, substitutions

if TYPE_CHECKING:
    from newsgraph.signals.spinning import Reference

__all__ = [
    "CollocationModel", "article_signals", "attribution", "boilerplate_share", "corroboration",
    "machine_translation", "publisher_profiles", "republication", "signals_dict", "spinning",
]


def article_signals(doc: Document | AnnotatedDocument, *, links: Iterable[Link] | None = None,
                    claims: Iterable[Any] | None = None, reference: Reference | None = None,
                    publisher_of: Mapping[str, str | SourceRecord | None] | None = None,
                    keys_of: Mapping[str, Iterable[str]] | None = None,
                    corroboration_of: str = "events",
                    corroboration_links: Iterable[Link] | None = None) -> list[Signal]:
    """Every signal for one document.

    ``links``: links from resolve/stories touching this document; ``claims``: its
    claims; ``reference``: native-news collocation counts; ``publisher_of`` and
    ``keys_of``: publisher (or ``SourceRecord``) and event (or story) keys of the documents
    sharing one with this one, for corroboration; ``corroboration_links``: the repeat links
    among those documents (``links`` is used when not given).
    """
    lks = list(links or [])
    d = doc.document if isinstance(doc, AnnotatedDocument) else doc
    # both signals read the same word swaps, the costliest test here: find them once
    swaps = substitutions(d.text, reference) if reference is not None else None
    out = [
        boilerplate_share(doc),
        machine_translation(doc, reference, swaps=swaps),
        spinning(doc, reference, swaps=swaps),
        attribution(doc, claims),
        republication(doc, lks),
    ]
    if publisher_of is not None and keys_of is not None:
        among = lks if corroboration_links is None else [*lks, *corroboration_links]
        out.append(corroboration(doc, publisher_of, keys_of, among, corroboration_of))
    else:
        out.append(Signal(d.id, "corroboration", None, "Not measured: no events or stories given."))
    return out


def signals_dict(signals: Iterable[Signal]) -> dict[str, Any]:
    """The ``signals`` object of the JSONL document record: name → value, flag, explanation."""
    return {s.name: {"value": s.value, "flagged": s.flagged, "explanation": s.explanation}
            for s in signals}
