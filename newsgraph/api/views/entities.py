"""The entity pages: the list (``/entities``), one entity (``/entities/{id}``) and the analyst's
edit log (``/entities/edits``).

An entity page shows what resolution decided and why — canonical name, type with its
votes, aliases with counts, every mention in its sentence across documents (paged, each
linked to the article scrolled to it), co-occurring entities, claims by and about it,
events it takes part in, the merge evidence — and the forms that change it (merge,
distinct, rename, alias, split), which post to ``/entities/{id}/edit`` (see ``api.edits``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from newsgraph.api import urls
from newsgraph.api.config import LIST_PAGE_SIZE
from newsgraph.api.views.base import Pager, pager
from newsgraph.api.views.claims import SpeakerRef, claim_speakers
from newsgraph.api.views.document import ClaimRow, claim_event_refs, claim_row
from newsgraph.api.views.languages import names_by_language
from newsgraph.model import ENTITY_TYPES, mention_key
from newsgraph.model.entities import ENTITY_REF, Edit, Entity, EntityMention, MergeEvidence
from newsgraph.model.events import EVENT_SUMMARY, Event
from newsgraph.model.projection import field_names, filled, project
from newsgraph.store import Store
from newsgraph.store import entity_queries as q
from newsgraph.store.event_queries import entity_events
from newsgraph.store.summary_cache import cached

__all__ = ["EditLogContext", "EntitiesContext", "EntityContext", "PickContext", "edit_log_view",
           "edit_rows", "entities_view", "entity_view", "pick_view"]

#: Mentions per page of an entity page: each shows its whole sentence.
MENTIONS_PAGE_SIZE = 25

#: Co-occurring entities listed on an entity page.
COOCCURRING_SHOWN = 30
#: The co-occurrence, claims and events panels read the entity's latest documents only,
#: so a hub entity's page costs what a small one's does (the page says so when it applies).
PANEL_DOCUMENTS = 300

#: Latest edits shown on an entity page (the whole log is at /entities/edits).
ENTITY_EDITS_SHOWN = 20


#: An entity in a list: its own fields (``aliases`` as the spellings besides the name), its counts.
EntityListRow = project(
    "EntityListRow", Entity, ("id", "name", "type", "type_confidence", "aliases"),
    types={"aliases": list[str]},
    extra=[("mention_count", int), ("doc_count", int), ("url", str)])


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
    #: Listing the unnamed referents instead of the named entities; how many there are, and
    #: the list of the other kind.
    unnamed: bool = False
    unnamed_count: int = 0
    other_url: str = ""
    help: str = field(default=(
        "Entities resolved across documents, most mentioned first. A name search also matches "
        "aliases (every spelling seen in the articles)."))


def entity_list_row(r: dict[str, Any]) -> Any:
    return EntityListRow(**filled(Entity, r, ("id", "name", "type", "type_confidence")),
                         aliases=[a for a in r.get("aliases", {}) if a != r["name"]],
                         mention_count=r["mention_count"], doc_count=r["doc_count"], url=urls.entity(r["id"]))


def entities_view(store: Store, *, type: str | None = None, name: str | None = None,
                  min_mentions: int = 0, page: int = 1, per_page: int = LIST_PAGE_SIZE,
                  unnamed: bool = False) -> EntitiesContext:
    name = (name or "").strip() or None
    filt = q.EntityFilter(type or None, name, min_mentions, unnamed)
    total, rows = q.entities(store, filt, limit=per_page, offset=(page - 1) * per_page)
    out = [entity_list_row(r) for r in rows]
    counts = cached(store, ("entity_types", unnamed), lambda: q.entity_types(store, unnamed))
    order = [t for t in ENTITY_TYPES if t in counts] + [t for t in counts if t not in ENTITY_TYPES]
    types = [TypeFacet(t, counts[t], urls.entities(None if t == type else t, name, min_mentions,
                                                   unnamed=unnamed), t == type) for t in order]
    return EntitiesContext(filt.type, name, min_mentions, out, types,
                           pager(total, page, per_page,
                                 lambda p: urls.entities(filt.type, name, min_mentions, p, unnamed)),
                           urls.entity_edits(), unnamed,
                           cached(store, "unnamed_count", lambda: q.unnamed_count(store)),
                           urls.entities(unnamed=not unnamed))


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


#: A mention on its entity's page: the record's fields (the sentence cut around the mention),
#: ``key`` (``doc:start-end``: what a split names), the article's title and the article at it.
EntityMentionRow = project(
    "EntityMentionRow", EntityMention, omit=("entity", "rule"), types={"sentence": SentenceParts | None},
    extra=[("key", str), ("doc_title", str | None), ("url", str)])


#: A co-occurring entity: what names it, the sentences and documents mentioning both, its page.
LinkedEntity = project("LinkedEntity", Entity, ENTITY_REF,
                       extra=[("sentences", int), ("documents", int), ("url", str)])


@dataclass(slots=True)
class EntityClaimRow(ClaimRow):
    doc_title: str | None
    doc_url: str
    speaker_entity: SpeakerRef | None


#: An event the entity takes part in: what stands for the event, the entity's roles in it, its
#: date, sources, and the trigger and sentence of a report.
EntityEventRow = project("EntityEventRow", Event, EVENT_SUMMARY, extra=[
    ("roles", list[str]), ("date", str | None), ("sources", int), ("trigger", str), ("sentence", str),
    ("url", str)])


#: One merge that built the entity: the record's fields (the chain that joined, its scores and
#: shared evidence), the chain's first mention in its article (url, words, article title), the
#: kind of match in words (``how``) and the shared evidence as names (the keys are in ``shared``).
EvidenceRow = project(
    "EvidenceRow", MergeEvidence, omit=("entity",),
    extra=[("chain_url", str | None), ("chain_text", str | None), ("chain_doc_title", str | None),
           ("how", str), ("shared_names", list[str])])


EntityRef = project("EntityRef", Entity, ENTITY_REF, extra=[("url", str)])


@dataclass(slots=True)
class MentionRef:
    """A mention an edit names, as the analyst reads it: its words in its article."""

    key: str
    text: str
    doc_title: str
    url: str


#: What each edit does, in words (the log's first column).
EDIT_VERBS = {"merge": "Merged", "split": "Split", "rename": "Renamed", "alias_add": "Alias added",
              "alias_remove": "Alias removed", "distinct": "Marked distinct", "retype": "Type set"}


#: An edit in the log: the statement's fields (``entities``: the ids the analyst saw; they may
#: have been merged or split since), then ``verb``, ``when`` (``created`` as the analyst reads it:
#: "2026-12-06 19:41 UTC"), ``withdrawn``, ``now`` (the entities the edit's anchors belong to now,
#: by name: what the log shows), ``mention_refs`` (a split's mentions, with their words and
#: articles) and ``undo_url`` (None once withdrawn).
EditRow = project(
    "EditRow", Edit, types={"created": str},
    extra=[("id", str), ("verb", str), ("when", str), ("withdrawn", str | None), ("entity_urls", list[str]),
           ("now", list[EntityRef]), ("mention_refs", list[MentionRef]), ("undo_url", str | None)])


@dataclass(slots=True)
class HeadlineRow:
    """A document title naming the entity: the title around the name, and the article."""

    doc: str
    before: str
    text: str
    after: str
    url: str


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
    types: list[str]  # what the type form offers
    #: Mentions by kind: names, descriptions ("the company"), pronouns ("he").
    mention_kinds: dict[str, int] = field(default_factory=dict)
    #: Its names grouped by the language of the articles that use them (``languages``).
    names_by_language: list[dict[str, Any]] = field(default_factory=list)
    #: Its names in document titles (counted apart from ``mention_count``, the text's).
    headlines: list[HeadlineRow] = field(default_factory=list)
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
    speakers = claim_speakers(store, claims)
    lookup = q.MentionLookup(store)
    rows = []
    for rec in claims:
        base = claim_row(rec, lookup, refs)
        rows.append(EntityClaimRow(**{f: getattr(base, f) for f in ClaimRow.__dataclass_fields__},
                                   doc_title=rec.get("doc_title"), doc_url=urls.document(rec["doc"]),
                                   speaker_entity=speakers.get(rec["id"])))
    return rows


def edit_rows(store: Store, log: list[dict[str, Any]]) -> list[EditRow]:
    """The log's rows with the entities and mentions they name resolved to names and links."""
    keys = [k for e in log for k in (e["edit"].get("anchors") or []) + (e["edit"].get("mentions") or [])]
    owners = q.mention_owners(store, keys)
    rows = []
    for e in log:
        stmt = e["edit"]
        ids = list(stmt.get("entities") or [])
        anchors = list(stmt.get("anchors") or [])
        mentions = list(stmt.get("mentions") or [])
        now: dict[str, EntityRef] = {}
        for k in anchors + mentions:
            o = owners.get(k)
            if o is not None and o["entity"] not in now:
                now[o["entity"]] = EntityRef(id=o["entity"], name=o["name"], type=o["type"],
                                             url=urls.entity(o["entity"]))
        refs = []
        for k in mentions:
            o = owners.get(k)
            doc, start = k.rpartition(":")[0], k.rpartition(":")[2].partition("-")[0]
            url = urls.document_mention(doc, int(start)) if start.isdigit() else urls.document(doc)
            refs.append(MentionRef(k, o["text"] if o else k, o["doc_title"] if o else doc, url))
        when = e["created"][:16].replace("T", " ") + (" UTC" if e["created"].endswith("+00:00") else "")
        own = filled(Edit, stmt, field_names(Edit))
        own.update(op=e["op"], created=e["created"], author=e["author"], entities=ids, anchors=anchors,
                   mentions=mentions)
        rows.append(EditRow(**own, id=e["id"], verb=EDIT_VERBS.get(e["op"], e["op"]), when=when,
                            withdrawn=e["withdrawn"], entity_urls=[urls.entity(i) for i in ids],
                            now=list(now.values()), mention_refs=refs,
                            undo_url=None if e["withdrawn"] else urls.entity_edit_withdraw(e["id"])))
    return rows


#: A merge's kind of name match, as the analyst reads it.
MATCH_WORDS = {"exact": "the same name", "variant": "the same name spelled differently",
               "partial": "part of the full name", "subset": "the name inside a longer one",
               "acronym": "an acronym of the name", "typo": "the name with a typo",
               "skeleton": "a close spelling of the name", "nominal": "a description of it",
               "synonym": "a description with a related word", "edit": "merged by an analyst",
               "bridge": "joined through a shared mention"}


_MENTION_KEY = re.compile(r".+:\d+-\d+")


def _compact(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _shared_names(shared: list[str], names: dict[str, str]) -> list[str]:
    """The evidence keys (``name:X``, compact names of co-occurring entities) as names."""
    out = []
    for key in shared:
        if key.startswith("name:") or _MENTION_KEY.fullmatch(key):
            continue  # the matched name (said by the kind of match), an analyst merge's anchor
        out.append(names.get(key, key))
    return out


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
    shown = field_names(EntityMention, omit=("entity", "rule", "sentence", "kind"))
    rows = [EntityMentionRow(**filled(EntityMention, m, shown), sentence=_sentence(m),
                             kind=m.get("kind") or "name",
                             key=mention_key(m["doc"], m["start"], m["end"]), doc_title=m["doc_title"],
                             url=urls.document_mention(m["doc"], m["start"]))
            for m in mentions]
    recent = q.recent_documents(store, entity_id, PANEL_DOCUMENTS)
    cooccurring = q.cooccurring(store, entity_id, limit=COOCCURRING_SHOWN, documents=recent)
    known = {_compact(c["name"]): c["name"] for c in cooccurring}
    chains = q.mention_owners(store, [ev.get("chain", "") for ev in ent.get("evidence", [])])
    evidence = []
    for ev in ent.get("evidence", []):
        own = filled(MergeEvidence, ev, field_names(MergeEvidence, omit=("entity",)))
        own["shared"] = list(own["shared"])
        chain, shared = own["chain"], own["shared"]
        evidence.append(EvidenceRow(
            **own, chain_url=_chain_url(chain), chain_text=chains[chain]["text"] if chain in chains else None,
            chain_doc_title=chains[chain]["doc_title"] if chain in chains else None,
            how=MATCH_WORDS.get(own["kind"], own["kind"] or "matched"),
            shared_names=_shared_names(shared, known)))
    _, log = q.edit_log(store, limit=10_000)
    keys = {r.key for r in rows}
    mine = edit_rows(store, [e for e in log if entity_id in (e["edit"].get("entities") or [])
                             or any(k in keys for k in e["edit"].get("anchors") or [])][:ENTITY_EDITS_SHOWN])
    return EntityContext(
        id=ent["id"], name=ent["name"], type=ent["type"], type_confidence=ent["type_confidence"],
        type_votes=[Count(k, v) for k, v in sorted(ent.get("type_votes", {}).items(), key=lambda kv: -kv[1])],
        aliases=[Count(k, v) for k, v in sorted(ent.get("aliases", {}).items(),
                                                key=lambda kv: (-kv[1], kv[0]))],
        mention_count=ent["mention_count"], doc_count=ent["doc_count"], mentions=rows,
        pager=pager(total, page, per_page, lambda p: urls.entity(entity_id, p)),
        cooccurring=[LinkedEntity(**filled(Entity, c, ENTITY_REF), sentences=c["sentences"],
                                  documents=c["documents"], url=urls.entity(c["id"])) for c in cooccurring],
        claims_by=_claim_rows(store, q.claims_by(store, entity_id, recent)),
        claims_about=_claim_rows(store, q.claims_about(store, entity_id, recent)),
        events=[EntityEventRow(**filled(Event, e, EVENT_SUMMARY), roles=e["roles"], date=e["date"],
                               sources=e["sources"], trigger=e["trigger"], sentence=e["sentence"],
                               url=urls.event(e["id"]))
                for e in entity_events(store, entity_id, recent)],
        evidence=evidence, edits=mine,
        panel_documents=len(recent) if ent["doc_count"] > len(recent) else None, edited=edited,
        edit_url=urls.entity_edit(entity_id), api_url=urls.api_entity(entity_id), types=list(ENTITY_TYPES),
        mention_kinds=q.mention_kind_counts(store, entity_id),
        names_by_language=names_by_language(q.names_by_language(store, entity_id)),
        headlines=[HeadlineRow(m["doc"], m["doc_title"][:m["start"]], m["text"], m["doc_title"][m["end"]:],
                               urls.document(m["doc"]))
                   for m in q.title_mentions(store, entity_id, with_titles=True)])


@dataclass(slots=True)
class EditLogContext:
    edits: list[EditRow]
    pager: Pager
    help: str = field(default=(
        "Every analyst edit, newest first. An edit is kept against the mentions that founded "
        "its entities, so it holds after re-ingest; Undo withdraws it (the log keeps it, marked "
        "undone)."))


def edit_log_view(store: Store, *, page: int = 1, per_page: int = LIST_PAGE_SIZE) -> EditLogContext:
    total, log = q.edit_log(store, limit=per_page, offset=(page - 1) * per_page)
    return EditLogContext(edit_rows(store, log), pager(total, page, per_page, urls.entity_edits))


@dataclass(slots=True)
class PickContext:
    """A name on an edit form that is not exactly one entity's: the entities to choose from."""

    entity: EntityRef  # the entity whose page the form was on
    op: str
    keep: str
    name: str
    exact: list[EntityListRow]
    near: list[EntityListRow]
    edit_url: str
    help: str = field(default=(
        "The name you typed is not exactly one entity's name or alias. Choose the entity you meant, "
        "or go back and pick one from the suggestions."))


def pick_view(store: Store, entity_id: str, op: str, keep: str, name: str, exact: list[dict[str, Any]],
              near: list[dict[str, Any]]) -> PickContext | None:
    ent = q.entity(store, entity_id)
    if ent is None:
        return None

    ref = EntityRef(**filled(Entity, ent, ENTITY_REF), url=urls.entity(ent["id"]))
    return PickContext(ref, op, keep, name,
                       [entity_list_row(r) for r in exact], [entity_list_row(r) for r in near],
                       urls.entity_edit(entity_id))
