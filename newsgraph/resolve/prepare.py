"""What corpus resolution reads of one document alone, worked out where the document is.

Corpus resolution (``newsgraph/resolve_job.py``) runs in one process, in input order. Some
of what it reads depends on one document only and needs a large table to answer: the
gazetteer's readings of the places a document and its events name (event stories and
event places, ``events.occurrence``), the parsed forms of its names and what the
multilingual name tables say they name (entity resolution, ``entities.names`` and
``nlp.crosslingual_names``); and the story index's sentence vectors, which are its own
work but depend on the document alone. A worker that annotates and chains the document has those
tables loaded already; ``prepare_document`` asks them there, the answers travel back with
the document (plain data), and ``adopt`` makes them the answers of the process that
resolves, which then need not load the tables at all (seconds of its time per ingest,
and their memory). They are the answers the same functions give over the same tables,
so resolution decides exactly as if it had asked them itself; whatever is not prepared
(a document processed here, a name an analyst's edit brings) is looked up as before.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from newsgraph.model import AnnotatedDocument, EventMention
from newsgraph.nlp.crosslingual_names import known_kind, remember_kinds
from newsgraph.nlp.places import PLACE_LABELS
from newsgraph.resolve.entities.names import ParsedName, parse_name, remember_parsed
from newsgraph.resolve.entities.resolver import bare_alias
from newsgraph.resolve.events.occurrence import Reading, gazetteer_readings, remember_readings
from newsgraph.resolve.stories import document_vectors

__all__ = ["PreparedDocument", "adopt", "prepare_document"]


@dataclass(slots=True)
class PreparedDocument:
    """One document's answers: place name → gazetteer reading (None: unknown), name as
    written → parsed name, a parsed name's tokens → what the name tables say it names."""

    readings: dict[str, Reading | None] = field(default_factory=dict)
    names: dict[str, ParsedName] = field(default_factory=dict)
    kinds: dict[tuple[str, ...], str | None] = field(default_factory=dict)
    #: The story index's sentence and title+lead vectors (``stories.document_vectors``).
    story_vectors: np.ndarray | None = None


def prepare_document(adoc: AnnotatedDocument, events: Iterable[EventMention] = ()) -> PreparedDocument:
    """The answers resolution will ask of ``adoc`` (with its ``chains`` built) and its
    event mentions."""
    places = {m.text for m in adoc.mentions if m.label in PLACE_LABELS}
    places.update(e.place.name for e in events if e.place)
    parsed: dict[str, ParsedName] = {}

    def parse(surface: str) -> ParsedName:
        if surface not in parsed:
            parsed[surface] = parse_name(surface)
        return parsed[surface]

    for chain in adoc.chains or []:
        for m in chain.mentions:
            if m.kind == "pronoun":
                continue
            # the forms the resolver parses: the name as written and as matched, the
            # parsed surface again, and that surface as an alias without its article
            surfaces = [m.text, m.name_text] if m.kind == "name" else [m.text]
            for surface in surfaces:
                p = parse(surface)
                parse(p.surface)
                parse(bare_alias(p.surface))
    kinds = {p.tokens: known_kind(p.tokens) for p in parsed.values()}
    return PreparedDocument(gazetteer_readings(sorted(places)), parsed, kinds, document_vectors(adoc))


def adopt(prepared: PreparedDocument) -> None:
    """Make ``prepared`` this process's answers (see the module docstring)."""
    remember_readings(prepared.readings)
    remember_parsed(prepared.names)
    remember_kinds(prepared.kinds)
