"""The entity pages: the list (``/entities``), one entity (``/entities/{id}``) and the analyst's
edit log (``/entities/edits``).

An entity page shows what resolution decided and why — canonical name, type with its
votes, aliases with counts, every mention in its sentence across documents (paged, each
linked to the article scrolled to it), co-occurring entities, claims by and about it,
events it takes part in, the merge evidence — and the forms that change it (merge,
distinct, rename, alias, split), which post to ``/entities/{id}/edit`` (see ``api.edits``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsgraph.api import urls
from newsgraph.api.config import LIST_PAGE_SIZE
from newsgraph.api.views.base import Pager, pager
from newsgraph.api.views.document import ClaimRow, claim_event_refs, claim_row
from newsgraph.model import ENTITY_TYPES, mention_key
from newsgraph.store import Store
from newsgraph.store import entity_queries as q
from newsgraph.store.event_queries import entity_events
from newsgraph.store.summary_cache import cached

__all__ = ["EditLogContext", "EntitiesContext", "EntityContext", "edit_log_view", "entities_view",
           "entity_view"]

#: Mentions per page of an entity page: each shows its whole sentence.
MENTIONS_PAGE_SIZE = 25

#: Co-occurring entities listed on an entity page.
COOCCURRING_SHOWN = 30
#: The co-occurrence, claims and events panels read the entity's latest documents only,
#: so a hub entity's page costs what a small one's does (the page says so when it applies).
PANEL_DOCUMENTS = 300

#: Latest edits shown on an entity page (the whole log is at /entities/edits).
ENTITY_EDITS_SHOWN = 20


@dataclass(slots=True)
class EntityListRow:
    id: str
    name: str
    type: str
    type_confidence: float
    mention_count: int
    doc_count: int
    aliases: list[str]
    url: str


@dataclass(slots=True)
class TypeFacet:
    value: str
    count: int
    url: str
    selected: bool


@dataclass(slots=True)
class EntitiesContext:
    type: str | None
    name: str | None
    min_mentions: int
    entities: list[EntityListRow]
    types: list[TypeFacet]
    pager: Pager
    edits_url: str
    help: str = field(default=(
        "Entities resolved across documents, most mentioned first. A name search also matches "
        "aliases (every spelling seen in the articles)."))


def entities_view(store: Store, *, type: str | None = None, name: str | None = None,
                  min_mentions: int = 0, page: int = 1, per_page: int = LIST_PAGE_SIZE) -> EntitiesContext:
    name = (name or "").strip() or None
    filt = q.EntityFilter(type or None, name, min_mentions)
    total, rows = q.entities(store, filt, limit=per_page, offset=(page - 1) * per_page)
    out = [EntityListRow(r["id"], r["name"], r["type"], r["type_confidence"], r["mention_count"],
                         r["doc_count"], [a for a in r.get("aliases", {}) if a != r["name"]],
                         urls.entity(r["id"])) for r in rows]
    counts = cached(store, "entity_types", lambda: q.entity_types(store))
    order = [t for t in ENTITY_TYPES if t in counts] + [t for t in counts if t not in ENTITY_TYPES]
    types = [TypeFacet(t, counts[t], urls.entities(None if t == type else t, name, min_mentions), t == type)
             for t in order]
    return EntitiesContext(filt.type, name, min_mentions, out, types,
                           pager(total, page, per_page,
                                 lambda p: urls.entities(filt.type, name, min_mentions, p)),
                           urls.entity_edits())


@dataclass(slots=True)
class Count:
    value: str
    count: int


@dataclass(slots=True)
class SentenceParts:
    """The evidence sentence cut around the mention (plain strings, autoescaped)."""

    before: str
    hit: str
    after: str


@dataclass(slots=True)
class EntityMentionRow:
    key: str  # ``doc:start-end``: what a split names
    doc: str
    doc_title: str | None
    start: int
    end: int
    text: str
    label: str
    method: str
    score: float
    reason: str
    sentence: SentenceParts | None
    url: str  # the article at the mention
    kind: str = "name"  # name, description or pronoun


@dataclass(slots=True)
class LinkedEntity:
    id: str
    name: str
    type: str
    sentences: int
    documents: int
    url: str


@dataclass(slots=True)
class EntityClaimRow(ClaimRow):
    doc_title: str | None
    doc_url: str


@dataclass(slots=True)
class EntityEventRow:
    id: str
    type: str
    mode: str | None
    roles: list[str]
    date: str | None
    place: str | None
    sources: int
    trigger: str
    sentence: str
    url: str


@dataclass(slots=True)
class EvidenceRow:
    """One merge that built the entity: the chain that joined, its scores and shared evidence."""

    chain: str
    kind: str
    score: float
    name_score: float
    context_score: float
    cooccurrence_score: float
    type_score: float
    shared: list[str]
    reason: str
    chain_url: str | None  # the chain's first mention in its article


@dataclass(slots=True)
class EditRow:
    id: str
    op: str
    created: str
    author: str | None
    withdrawn: str | None
    entities: list[str]
    entity_urls: list[str]
    value: str | None
    mentions: list[str]
    anchors: list[str]
    note: str | None


@dataclass(slots=True)
class EntityContext:
    id: str
    name: str
    type: str
    type_confidence: float
    type_votes: list[Count]
    aliases: list[Count]
    mention_count: int
    doc_count: int
    mentions: list[EntityMentionRow]
    pager: Pager
    cooccurring: list[LinkedEntity]
    claims_by: list[EntityClaimRow]
    claims_about: list[EntityClaimRow]
    events: list[EntityEventRow]
    evidence: list[EvidenceRow]
    edits: list[EditRow]
    panel_documents: int | None  # the panels read only this many latest documents (None: all)
    edited: str | None  # the edit just applied (after a form post)
    edit_url: str
    api_url: str
    #: Mentions by kind: names, descriptions ("the company"), pronouns ("he").
    mention_kinds: dict[str, int] = field(default_factory=dict)
    help: str = field(default=(
        "Merge: these entities are one. Distinct: never the same, whatever later evidence says. "
        "Split: the ticked mentions leave this entity and form a new one. Edits are kept as "
        "statements and re-applied whenever resolution runs again."))


def _sentence(m: dict[str, Any]) -> SentenceParts | None:
    s = m.get("sentence")
    if not s or s.get("text") is None:
        return None
    a, b = m["start"] - s["start"], m["end"] - s["start"]
    text = s["text"]
    return SentenceParts(text[:a].lstrip(), text[a:b], text[b:].rstrip())


def _claim_rows(store: Store, claims: list[dict[str, Any]]) -> list[EntityClaimRow]:
    refs = claim_event_refs(store, claims)  # the events each claim reports
    rows = []
    for rec in claims:
        base = claim_row(rec, refs)
        rows.append(EntityClaimRow(*(getattr(base, f) for f in ClaimRow.__dataclass_fields__),
                                   doc_title=rec.get("doc_title"), doc_url=urls.document(rec["doc"])))
    return rows


def edit_row(e: dict[str, Any]) -> EditRow:
    stmt = e["edit"]
    ids = list(stmt.get("entities") or [])
    return EditRow(e["id"], e["op"], e["created"], e["author"], e["withdrawn"], ids,
                   [urls.entity(i) for i in ids], stmt.get("value"), list(stmt.get("mentions") or []),
                   list(stmt.get("anchors") or []), stmt.get("note"))


def _chain_url(chain: str) -> str | None:
    doc, _, span = chain.rpartition(":")
    start = span.partition("-")[0]
    return urls.document_mention(doc, int(start)) if doc and start.isdigit() else None


def entity_view(store: Store, entity_id: str, *, page: int = 1, edited: str | None = None,
                per_page: int = MENTIONS_PAGE_SIZE) -> EntityContext | None:
    ent = q.entity(store, entity_id)
    if ent is None:
        return None
    total, mentions = q.entity_mentions(store, entity_id, limit=per_page, offset=(page - 1) * per_page)
    rows = [EntityMentionRow(mention_key(m["doc"], m["start"], m["end"]), m["doc"], m["doc_title"],
                             m["start"], m["end"], m["text"], m["label"], m["method"], m["score"],
                             m["reason"], _sentence(m), urls.document_mention(m["doc"], m["start"]),
                             m.get("kind") or "name")
            for m in mentions]
    evidence = [EvidenceRow(ev.get("chain", ""), ev.get("kind", ""), ev.get("score", 0.0),
                            ev.get("name_score", 0.0), ev.get("context_score", 0.0),
                            ev.get("cooccurrence_score", 0.0), ev.get("type_score", 0.0),
                            list(ev.get("shared", [])), ev.get("reason", ""), _chain_url(ev.get("chain", "")))
                for ev in ent.get("evidence", [])]
    recent = q.recent_documents(store, entity_id, PANEL_DOCUMENTS)
    _, log = q.edit_log(store, limit=10_000)
    mine = [edit_row(e) for e in log if entity_id in (e["edit"].get("entities") or [])
            or any(k in (e["edit"].get("anchors") or []) for k in (r.key for r in rows))]
    return EntityContext(
        id=ent["id"], name=ent["name"], type=ent["type"], type_confidence=ent["type_confidence"],
        type_votes=[Count(k, v) for k, v in sorted(ent.get("type_votes", {}).items(), key=lambda kv: -kv[1])],
        aliases=[Count(k, v) for k, v in sorted(ent.get("aliases", {}).items(),
                                                key=lambda kv: (-kv[1], kv[0]))],
        mention_count=ent["mention_count"], doc_count=ent["doc_count"], mentions=rows,
        pager=pager(total, page, per_page, lambda p: urls.entity(entity_id, p)),
        cooccurring=[LinkedEntity(c["id"], c["name"], c["type"], c["sentences"], c["documents"],
                                  urls.entity(c["id"])) for c in q.cooccurring(
                                      store, entity_id, limit=COOCCURRING_SHOWN, documents=recent)],
        claims_by=_claim_rows(store, q.claims_by(store, entity_id, recent)),
        claims_about=_claim_rows(store, q.claims_about(store, entity_id, recent)),
        events=[EntityEventRow(e["id"], e["type"], e["mode"], e["roles"], e["date"], e["place"], e["sources"],
                               e["trigger"], e["sentence"], urls.event(e["id"]))
                for e in entity_events(store, entity_id, recent)],
        evidence=evidence, edits=mine[:ENTITY_EDITS_SHOWN],
        panel_documents=len(recent) if ent["doc_count"] > len(recent) else None, edited=edited,
        edit_url=urls.entity_edit(entity_id), api_url=urls.api_entity(entity_id),
        mention_kinds=q.mention_kind_counts(store, entity_id))


@dataclass(slots=True)
class EditLogContext:
    edits: list[EditRow]
    pager: Pager
    help: str = field(default=(
        "Every analyst edit, newest first. Edits name entities through anchor mentions "
        "(document:start-end), so they hold after re-ingest; a withdrawn edit stays in the log."))


def edit_log_view(store: Store, *, page: int = 1, per_page: int = LIST_PAGE_SIZE) -> EditLogContext:
    total, log = q.edit_log(store, limit=per_page, offset=(page - 1) * per_page)
    return EditLogContext([edit_row(e) for e in log], pager(total, page, per_page, urls.entity_edits))
