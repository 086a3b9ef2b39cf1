"""Per-document facts: what the extractors find in one annotated document.

Runs, in order, the annotators and extractors that need only one document and its
parse — the document date (inferred when none was declared), time expressions,
places, claims, event mentions — and returns them in one ``DocumentFacts`` that
the store writes in the same transaction as the document. A document read partially
(``nlp.partial``, a language no pipeline reads) gets its dates and places only. Corpus-level stages
(entity, event and story resolution) come after, over many documents.

Each extractor is called through ``_safely``: a bug tripped by one odd document
is recorded as a warning on that document instead of failing the whole batch.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from newsgraph.budget import Budget, BudgetExceeded, running
from newsgraph.extract.claims import extract_claims
from newsgraph.extract.events import extract_events
from newsgraph.model import AnnotatedDocument, Claim, EventMention, PlaceMention, TimeExpression
from newsgraph.nlp.partial import partial_facts, what_was_read
from newsgraph.nlp.places import link_places
from newsgraph.nlp.time import infer_document_date, normalise_times

__all__ = ["DocumentFacts", "extract_facts", "link_claims_to_events"]

log = logging.getLogger(__name__)

#: Date-inference rules whose value is a lower bound on the writing date, not the date.
WEAK_DATE_RULES = frozenset({"latest-absolute-date"})
T = TypeVar("T")


@dataclass(slots=True)
class DocumentFacts:
    times: list[TimeExpression] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)


def _safely(adoc: AnnotatedDocument, name: str, fn: Callable[..., list[T]], *args: Any) -> list[T]:
    try:
        return fn(adoc, *args)
    except BudgetExceeded:
        raise  # the document is over its budget: it fails, it does not go on without this fact
    except Exception as exc:  # one document's oddity must not stop the batch
        log.exception("%s failed on %s", name, adoc.document.path)
        adoc.document.warnings.append(f"{name} failed: {type(exc).__name__}: {exc}")
        return []


def extract_facts(adoc: AnnotatedDocument, budget: Budget | None = None) -> DocumentFacts:
    """Every per-document fact of ``adoc``; sets an inferred ``published`` date if needed.

    ``budget`` is checked after each extractor and inside their loops (``newsgraph.budget``):
    an overrun raises ``BudgetExceeded`` (E304) and the document fails, not just that fact.
    """
    if adoc.annotated and what_was_read(adoc.model) is not None:
        # Read partially (a language no pipeline reads): dates and places, no claims or events.
        with running(budget):
            found = _safely(adoc, "partial reading", lambda a: [partial_facts(a, a.document.published)])
        return DocumentFacts(times=found[0].times, places=found[0].places) if found else DocumentFacts()
    if not adoc.annotated or adoc.doc is None:
        return DocumentFacts()
    with running(budget):  # the extractors' own loops call budget.checkpoint
        return _extract(adoc, budget)


def _extract(adoc: AnnotatedDocument, budget: Budget | None) -> DocumentFacts:
    def check(stage: str) -> None:
        if budget is not None:
            budget.check(stage)
    doc = adoc.document
    if not doc.published:
        dated = _safely(adoc, "date inference", lambda a: [infer_document_date(a)])
        found = dated[0] if dated else None
        if found is not None and found.value:
            if found.rule in WEAK_DATE_RULES:
                # The latest date a text mentions only bounds when it was written (a 2017
                # story recalls 2014): keep it as a bound, never as the date, and never
                # anchor "last week" or "Tuesday" to it.
                doc.provenance["published_not_before"] = found.value
            else:
                doc.published = found.value
                doc.provenance["published"] = f"inferred:{found.rule}"
                doc.provenance["published_inferred"] = "true"
    check("date inference")
    facts = DocumentFacts()
    facts.times = _safely(adoc, "time normalisation", normalise_times, doc.published)
    check("time normalisation")
    facts.places = _safely(adoc, "place linking", link_places)
    check("place linking")
    facts.claims = _safely(adoc, "claim extraction", extract_claims)
    check("claim extraction")
    facts.events = _safely(adoc, "event extraction", extract_events)
    check("event extraction")
    link_claims_to_events(facts.claims, facts.events)
    return facts


def link_claims_to_events(claims: list[Claim], events: list[EventMention]) -> None:
    """A claim reports the events whose trigger lies inside its content ("the NIS said North
    Korea *attacked* …"): link both ways, the innermost claim winning for nested quotes."""
    # Events by trigger start, so each claim visits only the triggers inside it.
    order = sorted(events, key=lambda e: e.trigger.start)
    starts = [e.trigger.start for e in order]
    for claim in sorted(claims, key=lambda c: c.end - c.start, reverse=True):
        for event in order[bisect.bisect_left(starts, claim.start):bisect.bisect_right(starts, claim.end)]:
            if event.trigger.end <= claim.end:
                event.flags.claim = claim.id
    reported: dict[str, list[str]] = {}
    for event in events:
        if event.flags.claim is not None:
            reported.setdefault(event.flags.claim, []).append(event.id)
    for claim in claims:
        claim.events = list(reported.get(claim.id, ()))
