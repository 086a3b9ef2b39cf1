"""The claims page (``/claims``): every attributed claim, filtered by certainty, speaker kind,
speaker text and document, paged; facet counts show how many claims each filter value keeps.
Each claim lists the events its content reports, linked to their event pages."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from newsgraph.api import urls
from newsgraph.api.config import LIST_PAGE_SIZE
from newsgraph.api.views.base import Pager, pager
from newsgraph.api.views.document import ClaimRow, claim_event_refs, claim_row
from newsgraph.model import CERTAINTIES, ENTITY_REF, SPEAKER_KINDS, Entity
from newsgraph.model.projection import project
from newsgraph.store import Store
from newsgraph.store.document_queries import document_title
from newsgraph.store.entity_queries import MentionLookup, claims_by, entity_names
from newsgraph.store.facts_queries import ClaimFilter, claim_counts, claims
from newsgraph.store.summary_cache import cached

__all__ = ["ClaimListRow", "ClaimsContext", "FacetValue", "SpeakerRef", "claim_list_rows", "claim_speakers",
           "claims_view", "matches_claim"]


SpeakerRef = project("SpeakerRef", Entity, ENTITY_REF, extra=[("url", str)], doc=(
    "The entity a claim's speaker stands for (its resolved reference, else its span), and its page."))


def claim_speakers(store: Store, records: list[dict[str, Any]]) -> dict[str, SpeakerRef]:
    """Claim id → the speaker's entity, for the claims whose speaker is one."""
    lookup = MentionLookup(store)
    found = {c["id"]: e for c in records if (e := lookup.speaker(c))}
    names = entity_names(store, list(found.values()))
    return {cid: SpeakerRef(id=e, name=names[e]["name"], type=names[e]["type"], url=urls.entity(e))
            for cid, e in found.items() if e in names}


@dataclass(slots=True)
class ClaimListRow(ClaimRow):
    doc_title: str | None
    doc_url: str
    speaker_entity: SpeakerRef | None


@dataclass(slots=True)
class FacetValue:
    """One value of a filter: claims it keeps under the other filters, the URL toggling it."""

    value: str
    count: int
    url: str
    selected: bool


@dataclass(slots=True)
class ClaimsContext:
    doc: str | None
    certainty: str | None
    speaker_kind: str | None
    speaker: str | None
    entity: SpeakerRef | None  # only claims by this entity (None: every speaker)
    doc_title: str | None
    claims: list[ClaimListRow]
    certainties: list[FacetValue]
    speaker_kinds: list[FacetValue]
    pager: Pager
    help: str = field(default=(
        "asserted: stated as fact; hedged: “may”, “allegedly”, “claimed”, “did not deny”; denied: "
        "the speaker rejects it or did not say it (“denied”, “did not say”, “has yet to confirm”). "
        "Speaker kinds: named, pronoun (“he said”), role (“the expert”), anonymous "
        "(“a source”), collective (“residents”)."))


def claim_list_rows(store: Store, records: list[dict[str, Any]]) -> list[ClaimListRow]:
    refs = claim_event_refs(store, records)
    speakers = claim_speakers(store, records)
    lookup = MentionLookup(store)
    rows = []
    for rec in records:
        base = claim_row(rec, lookup, refs)
        rows.append(ClaimListRow(**{f: getattr(base, f) for f in ClaimRow.__dataclass_fields__},
                                 doc_title=rec.get("doc_title"), doc_url=urls.document(rec["doc"]),
                                 speaker_entity=speakers.get(rec["id"])))
    return rows


def matches_claim(rec: dict[str, Any], filt: ClaimFilter) -> bool:
    """``filt`` over a claim record (the speaker-entity list is filtered in Python)."""
    return ((not filt.doc or rec["doc"] == filt.doc)
            and (not filt.certainty or rec["certainty"] == filt.certainty)
            and (not filt.speaker_kind or (rec.get("speaker_kind") or "unknown") == filt.speaker_kind)
            and (not filt.speaker or filt.speaker.casefold() in (
                (rec.get("speaker_ref") or rec.get("speaker") or {}).get("text") or "").casefold()))


def claims_view(store: Store, *, doc: str | None = None, certainty: str | None = None,
                speaker_kind: str | None = None, speaker: str | None = None, entity: str | None = None,
                page: int = 1, per_page: int = LIST_PAGE_SIZE) -> ClaimsContext:
    speaker = (speaker or "").strip() or None
    filt = ClaimFilter(doc or None, certainty or None, speaker_kind or None, speaker)
    who = None
    if entity:
        names = entity_names(store, [entity])
        who = SpeakerRef(id=entity, name=names[entity]["name"], type=names[entity]["type"],
                         url=urls.entity(entity)) if entity in names else None
        spoken = claims_by(store, entity) if who else []
        by = [c for c in spoken if matches_claim(c, filt)]
        total, records = len(by), by[(page - 1) * per_page:page * per_page]
    else:
        total, records = claims(store, filt, limit=per_page, offset=(page - 1) * per_page)
    rows = claim_list_rows(store, records)
    doc_title = None
    if filt.doc:
        doc_title = document_title(store, filt.doc)

    def url(**change: object) -> str:
        now: dict[str, object] = {"doc": filt.doc, "certainty": filt.certainty,
                                  "speaker_kind": filt.speaker_kind, "speaker": filt.speaker,
                                  "entity": entity}
        now.update(change)
        return urls.claims(**now)  # type: ignore[arg-type]

    def facet(column: str, known: tuple[str, ...], chosen: str | None) -> list[FacetValue]:
        if entity:  # counted over this speaker's claims, the other filters applied
            rest = replace(filt, **{column: None})
            counts: dict[str, int] = dict(Counter(c.get(column) or "unknown" for c in spoken
                                                  if matches_claim(c, rest)))
        else:
            key = ("claim_counts", column, filt.doc, filt.certainty, filt.speaker_kind, filt.speaker)
            counts = cached(store, key, lambda: claim_counts(store, filt, column))
        values = [v for v in known if v in counts] + [v for v in counts if v not in known]
        return [FacetValue(v, counts[v], url(**{column: None if v == chosen else v}), v == chosen)
                for v in values]

    return ClaimsContext(
        filt.doc, filt.certainty, filt.speaker_kind, filt.speaker, who, doc_title, rows,
        facet("certainty", CERTAINTIES, filt.certainty),
        facet("speaker_kind", SPEAKER_KINDS, filt.speaker_kind),
        pager(total, page, per_page, lambda p: url(page=p)))
