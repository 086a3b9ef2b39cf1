"""The incremental cross-document entity resolver.

Owns turning document chains (``within.chain_document``) into canonical entities:
for each new chain, blocking (``blocking.BlockIndex``) proposes a bounded set of
candidate entities; each is scored (``scoring``) on the kind of name match, context
similarity (IDF-weighted lemmas), shared rare co-occurring entities and type
compatibility; the chain joins the best candidate whose support meets the minimum
its kind of match requires (``ResolverOptions.min_support``), else founds a new
entity. Guards learnt on a general news mix, where unrelated reports share common
company ("US", "UK") and beats: only rare co-occurring entities count as support; a
category noun closing many names ("Group", "the Stock Exchange") is no partial name;
one word of a qualified place ("Korea" of "North Korea") is another place; a name that
opens several longer ones ("BBC Radio") matches them only as a partial name; an
acronym never joins a differently typed name or a different expansion of it; a
consonant skeleton across types needs several shared rare entities; and acronym and
skeleton matches never bridge two entities. An entity known only by a bare word joins
the one full name that later accepts it ("Obama" → "Barack Obama"), unless another full
name holds the word. Every join records a ``MergeEvidence`` (scores and the shared names
and entities behind them).

Descriptions: a description chain ("the climber") matches entities by head noun —
their own descriptions and the nouns their names are described with elsewhere
("British climber Robert Buckley"), or failing those by a related noun ("the convict"
~ "the inmate": ``lexical.HeadNeighbours``; weaker evidence that needs more context;
a one-word name that is a common noun, "the Navy", is also its own description) —
and may join an entity its document already feeds
(the document failed to link it; ``nominal_rejoin``). A named chain that its document
describes absorbs the description-only entity of that noun built from other documents,
when context supports it (``description_bridges``).

Incremental: ``add`` touches only the new documents' chains and the entities they
join; nothing already resolved is recomputed. Work per chain is bounded by the
blocking cap, so resolution is linear in the number of chains.

Analyst edits (``model.entities.Edit``) are hard constraints on every run: splits and
alias removals cut chains before resolution, "distinct" forbids joins and merges,
merges force them (the merged entity keeps the first entity's id, name and type), renames,
retypes and added aliases override names and types. An edit triggers a
replay of the cross-document step from the cached chains (documents are not parsed
again), so the result is the same as if the edit had been there from the start, and
later documents respect it.

The whole state is plain data: ``ResolverState`` (cached chains in ingest order plus
edits) round-trips through JSON, and replaying it reproduces the same entity ids.
A caller that keeps the chains elsewhere (the corpus job: the store's ``entity_chains``)
``release``s the documents it saved and whose mentions it wrote: their chains leave
memory (an entity counts what its record needs — surface forms, mention count, fullest
description — as each chain attaches), and a replay or a whole record reads them again
from the caller's ``ChainSource``; a record written after a merge lists the mentions still
held, and the caller moves the stored ones of the entity merged away
(``entity_rewrite``). An entity merged away leaves memory; its id stays taken.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from typing import Any, overload

from newsgraph.model.document import AnnotatedDocument
from newsgraph.model.entities import (
    Edit,
    Entity,
    EntityChange,
    EntityMention,
    MergeEvidence,
    entity_id,
    mention_key,
    parse_mention_key,
)
from newsgraph.nlp.crosslingual_names import known_kind
from newsgraph.resolve.entities.blocking import BlockIndex, name_keys
from newsgraph.resolve.entities.lexical import HeadNeighbours
from newsgraph.resolve.entities.names import ParsedName, compact, parse_name
from newsgraph.resolve.entities.scoring import (
    KIND_SCORE,
    TYPE_GROUPS,
    NameMatch,
    best_name_match,
    conflicting_expansions,
    demonym_clash,
    generic_short_name,
    majority_group,
    type_compatibility,
)
from newsgraph.resolve.entities.settings import ResolverOptions
from newsgraph.resolve.entities.unnamed import UNNAMED_REASON, fullest_description
from newsgraph.resolve.entities.within import Chain, ChainMention, chain_document

__all__ = ["ChainSource", "Resolver", "ResolverState", "bare_alias"]

#: A released document's chains as saved (``Chain.to_dict``), None when not saved.
ChainSource = Callable[[str], list[dict[str, Any]] | None]


#: Labels of countries, cities and regions.
_REGIONS = frozenset({"GPE", "LOC"})
#: Words that make another place of a place name ("North Korea", "South East Asia",
#: "New York", "Greater Manchester"): compass points and the English qualifiers of
#: place names (Oxford English Dictionary senses of each as a place-name element).
_PLACE_QUALIFIERS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "northeast",
     "northwest", "southeast", "southwest", "central", "new", "greater", "upper", "lower", "inner",
     "outer", "old", "little", "great"}
)


def _qualified_place(match: NameMatch) -> bool:
    """One word of a place name whose other words only qualify it: another place."""
    a, b = parse_name(match.a), parse_name(match.b)
    single, multi = (a, b) if not a.is_multi else (b, a)
    rest = [t for t in multi.tokens if t != single.compact]
    return bool(rest) and all(t in _PLACE_QUALIFIERS for t in rest)


def _top_label(labels: Counter[str]) -> str | None:
    return labels.most_common(1)[0][0] if labels else None


def _full_names_clash(
    names: list[ParsedName], ent: _Entity, min_len: int, family: Collection[str] = ()
) -> bool:
    """Both sides spell out full names and none of them match ("Walter Smith" against an
    entity named "Will Smith" that a bare "Smith" also joined): the shared word is a
    namesake's, not evidence. Names in ``family`` (compact forms that open several longer
    names, "BBC Radio") are no full name here: they match every member of the family."""
    mine = [p for p in names if p.is_multi and not p.acronym_form]
    if not mine:
        return False
    theirs = [p for p in ent.parsed_names() if p.is_multi and not p.acronym_form and p.compact not in family]
    return bool(theirs) and best_name_match(mine, theirs, min_len).kind == "weak"


@lru_cache(maxsize=100_000)
def _common_noun(word: str) -> bool:
    from newsgraph.nlp.wordnet import wordnet

    wn = wordnet()
    return wn is not None and wn.common_noun(word)

#: Names an entity offers for scoring: its most frequent forms (bounded work per pair).
_ENTITY_NAMES = 12
_CHAIN_NAMES = 4


@dataclass(slots=True)
class ResolverState:
    """Everything needed to rebuild a resolver: chains per document (ingest order) and edits."""

    docs: list[tuple[str, list[dict[str, Any]]]] = field(default_factory=list)
    edits: list[dict[str, Any]] = field(default_factory=list)
    version: int = 1

    def to_json(self) -> str:
        return json.dumps(
            {"version": self.version, "docs": self.docs, "edits": self.edits}, ensure_ascii=False
        )

    @classmethod
    def from_json(cls, text: str) -> ResolverState:
        data = json.loads(text)
        return cls([(d, c) for d, c in data["docs"]], data["edits"], data.get("version", 1))


@dataclass(slots=True)
class _Entity:
    id: str
    seq: int
    chains: list[Chain] = field(default_factory=list)
    names: Counter[str] = field(default_factory=Counter)
    compacts: set[str] = field(default_factory=set)  # compact forms of ``names``
    match_names: Counter[str] = field(default_factory=Counter)
    heads: Counter[str] = field(default_factory=Counter)
    #: Numbers its descriptions were counted or ranked with ("20 points": "20"), and how
    #: many of its descriptions were counted ("counted") or not ("plain").
    counts: Counter[str] = field(default_factory=Counter)
    counted: Counter[str] = field(default_factory=Counter)
    votes: Counter[str] = field(default_factory=Counter)
    context: Counter[str] = field(default_factory=Counter)
    cooc: Counter[str] = field(default_factory=Counter)
    docs: dict[str, None] = field(default_factory=dict)
    evidence: list[MergeEvidence] = field(default_factory=list)
    manual_name: str | None = None
    manual_type: str | None = None
    manual_aliases: dict[str, None] = field(default_factory=dict)
    rejected: set[str] = field(default_factory=set)  # compact names barred by alias_remove
    #: Merge explanations no longer held (``Resolver.keep_evidence``): the oldest ones.
    evidence_dropped: int = 0
    #: What its record is built from besides the mention records, counted as each chain
    #: attaches (in attach order, as iterating ``chains`` would count them), so that chains
    #: whose mentions were written and then dropped from memory (``release``) still count:
    #: surface forms keyed (kind, form) — "n" names, "o" descriptions, "g" capitals that
    #: stand for their government, "t" names only a headline has; text mentions; the
    #: fullest description; whether every chain is an unnamed referent's.
    forms: dict[tuple[str, str], int] = field(default_factory=dict)
    text_mentions: int = 0
    fullest: str = ""
    unnamed_only: bool = True
    #: Key of its founding chain, chains attached, and chains no longer held (``release``).
    first_key: str | None = None
    nchains: int = 0
    dropped: int = 0

    def parsed_names(self) -> list[ParsedName]:
        names = [parse_name(n) for n, _ in self.match_names.most_common(_ENTITY_NAMES)]
        names += [parse_name(a) for a in self.manual_aliases]
        return names


class _Held(tuple[str, ...]):
    """``_materialise``'s ``only`` for every mention of the chains held in memory."""


_HELD = _Held()


def _count_forms(ent: _Entity, chain: Chain) -> None:
    """Count a chain attaching to ``ent`` into what its record is built from besides the
    mention records (``_Entity.forms`` and the rest), as ``_materialise`` once counted
    them from every chain: a chain dropped from memory later still counts."""
    forms = ent.forms
    for m in chain.mentions:
        if m.kind == "nominal" and len(m.text.split()) > len(ent.fullest.split()):
            ent.fullest = m.text
        if m.field != "text":
            # A chain of a name only the headline has: it names the entity only when no
            # text does (``_materialise``).
            key = ("t", sys.intern(parse_name(m.text).surface))
            forms[key] = forms.get(key, 0) + 1
            continue
        ent.text_mentions += 1
        if m.kind == "name" and m.rule == "government":
            # "Washington" warning is the United States: the country's name counts for the
            # entity's name, the capital is only one of its surface forms.
            key = ("n", sys.intern(parse_name(m.name_text).surface))
            forms[key] = forms.get(key, 0) + 1
            key = ("g", sys.intern(parse_name(m.text).surface))
            forms[key] = forms.get(key, 0) + 1
        elif m.kind != "pronoun":
            key = ("n" if m.kind == "name" else "o", sys.intern(parse_name(m.text).surface))
            forms[key] = forms.get(key, 0) + 1
    ent.unnamed_only = ent.unnamed_only and chain.unresolved == UNNAMED_REASON
    ent.nchains += 1
    if ent.first_key is None:
        ent.first_key = chain.key


def _merge_forms(keep: _Entity, gone: _Entity) -> None:
    """``_count_forms`` of ``gone``'s chains after ``keep``'s, as its chains follow."""
    for key, n in gone.forms.items():
        keep.forms[key] = keep.forms.get(key, 0) + n
    keep.text_mentions += gone.text_mentions
    if len(gone.fullest.split()) > len(keep.fullest.split()):
        keep.fullest = gone.fullest
    keep.unnamed_only = keep.unnamed_only and gone.unnamed_only
    keep.nchains += gone.nchains
    keep.dropped += gone.dropped


_STRING_FIELDS = tuple(f.name for f in fields(ChainMention) if f.type == "str")
_LIST_FIELDS = tuple(f.name for f in fields(ChainMention) if f.type == "list[str]")


def _intern_strings(chains: list[Chain]) -> None:
    """One string object per distinct value across the chains the resolver keeps: a
    document's id in each of its chains, labels, kinds, methods, heads, names and context
    terms repeat thousands of times, and each chain came with copies of its own (read from
    JSON or from a worker's batch) — the chains of every document stay in memory."""
    for chain in chains:
        chain.doc = sys.intern(chain.doc)
        # Context terms and co-occurring names are counted into the entity's own counters.
        # In place: a chain cut by an edit shares them (``release`` clears them in place).
        terms = list(chain.context.items())
        chain.context.clear()
        chain.context.update((sys.intern(k), v) for k, v in terms)
        chain.cooc[:] = [sys.intern(c) for c in chain.cooc]
        for m in chain.mentions:
            for name in _STRING_FIELDS:
                value = getattr(m, name)
                if type(value) is str:
                    setattr(m, name, sys.intern(value))
            for name in _LIST_FIELDS:
                value = getattr(m, name)
                if value:
                    setattr(m, name, [sys.intern(v) for v in value])


_DEFAULT_OPTIONS = ResolverOptions()
#: A released document whose chains are all dropped (never appended to: a document's
#: chains list is only read while it is not released).
_NO_CHAINS: list[Chain] = []


class Resolver:
    """Incremental cross-document entity resolver (see module docstring).

    >>> resolver = Resolver()
    >>> changes = resolver.add(annotated_documents)      # doctest: +SKIP
    >>> resolver.entities()                               # doctest: +SKIP
    """

    def __init__(self, options: ResolverOptions | None = None, edits: Iterable[Edit] = ()):
        self.options = options or ResolverOptions()
        self._docs: dict[str, list[Chain]] = {}
        self._order: dict[str, int] = {}
        self._edits: dict[str, Edit] = {}
        #: Documents whose chains were released (``release``) and where to read them again.
        self._released: set[str] = set()
        #: Merge explanations an entity holds, the latest (``keep_evidence``); None: all.
        self._evidence_kept: int | None = None
        self._chain_source: ChainSource | None = None
        for edit in edits:
            self._edits[edit.id] = edit
        self._reset()

    # ---- public surface -----------------------------------------------------------
    def add(self, adocs: Iterable[AnnotatedDocument]) -> list[EntityChange]:
        """Resolve new documents; documents already added are skipped (re-ingest is a no-op)."""
        changes: list[EntityChange] = []
        for adoc in adocs:
            doc_id = adoc.document.id
            if doc_id in self._docs or not adoc.annotated:
                continue
            # Chains built beside the parse in a worker are those this would build here,
            # when they were built with the same options (the defaults).
            prebuilt = adoc.chains is not None and self.options == _DEFAULT_OPTIONS
            chains = adoc.chains if prebuilt else chain_document(adoc, self.options)
            changes.extend(self.add_chains(doc_id, chains))
        return changes

    def add_chains(self, doc_id: str, chains: list[Chain]) -> list[EntityChange]:
        """Resolve one document given its already-built chains (used for replay)."""
        if doc_id in self._docs:
            return []
        _intern_strings(chains)
        self._docs[doc_id] = chains
        return self._resolve_doc(doc_id, chains)

    def apply(self, edit: Edit) -> list[EntityChange]:
        """Record an analyst edit and replay resolution under it; returns the anchors' entities."""
        self._edits[edit.id] = edit
        self._replay()
        touched = {self.entity_of(a) for a in edit.anchors + edit.mentions}
        return [EntityChange("edited", e) for e in sorted(t for t in touched if t)]

    def remove_edit(self, edit_id: str) -> None:
        """Withdraw an edit (the audit log keeps it; resolution forgets it)."""
        if self._edits.pop(edit_id, None) is not None:
            self._replay()

    @property
    def edits(self) -> list[Edit]:
        return list(self._edits.values())

    def document_order(self, doc_id: str) -> int:
        """Position of a document in ingest order (-1 when unknown)."""
        if len(self._order) != len(self._docs):
            self._order = {d: i for i, d in enumerate(self._docs)}
        return self._order.get(doc_id, -1)

    def entity_of(self, key: str) -> str | None:
        """Entity id of a mention key (``doc:start-end``), or None if unknown."""
        found = self._mention_entity.get(key)
        return self._find(found) if found else None

    def current_id(self, ident: str) -> str | None:
        """The id of the entity ``ident`` now belongs to (merges followed), None if unknown."""
        root = self._find(ident)
        return root if root in self._entities else None

    def entity(self, ident: str) -> Entity | None:
        ent = self._entities.get(self._find(ident))
        if ent is not None and ent.dropped:
            self._hold_all()
            ent = self._entities.get(self._find(ident))
        return self._materialise(ent) if ent is not None else None

    def entity_rewrite(self, ident: str) -> tuple[Entity, int] | None:
        """``entity(ident)`` for a writer whose store already holds the mentions of the
        chains this resolver no longer holds (``release``) under the ids of the entities
        they belong to (a merged entity's: the caller moves those rows to it): the record
        with the mentions of the chains held, and the number of all its mentions."""
        ent = self._entities.get(self._find(ident))
        if ent is None:
            return None
        if not ent.votes and ent.dropped:  # (``release`` drops no chain of such an entity)
            self._hold_all()
            ent = self._entities[self._find(ident)]
        return self._materialise(ent, _HELD)

    def entity_update(self, ident: str, keys: Collection[str]) -> tuple[Entity, int] | None:
        """``entity(ident)`` for a writer that writes only the mentions ``keys`` (an entity
        that grew by a few mentions): the record with every field as ``entity`` gives it,
        but its ``mentions`` and ``title_mentions`` only those of ``keys``; and the number
        of its mentions. A widely reported entity holds thousands of mentions: building a
        record of each per batch that extends it grew with the corpus."""
        ent = self._entities.get(self._find(ident))
        if ent is None:
            return None
        if not ent.votes:  # its type is counted from its mention records, in their order
            if ent.dropped:  # (``release`` drops no chain of such an entity)
                self._hold_all()
                ent = self._entities[self._find(ident)]
            whole = self._materialise(ent)
            count = len(whole.mentions)
            whole.mentions = [m for m in whole.mentions if m.key in keys]
            whole.title_mentions = [m for m in whole.title_mentions if m.key in keys]
            return whole, count
        return self._materialise(ent, keys)

    def entities(self) -> list[Entity]:
        """Every live entity, as records (founding order)."""
        if any(e.dropped for e in self._entities.values()):
            self._hold_all()
        live = [e for eid, e in self._entities.items() if self._find(eid) == eid]
        return [self._materialise(e) for e in sorted(live, key=lambda e: e.seq)]

    def links(self) -> list[EntityMention]:
        return [m for e in self.entities() for m in e.mentions]

    def documents(self) -> list[str]:
        """The documents resolved, in the order they were added."""
        return list(self._docs)

    def chains_of(self, doc_ids: Iterable[str]) -> list[tuple[str, list[dict[str, Any]]]]:
        """``state().docs`` of these documents only (a save writes new documents' chains:
        converting every document's chains per save grew with the corpus)."""
        return [(d, c) for d in doc_ids if d in self._docs and (c := self._saved_chains(d)) is not None]

    def state(self) -> ResolverState:
        docs = [(d, c) for d in self._docs if (c := self._saved_chains(d)) is not None]
        return ResolverState(docs, [e.to_dict() for e in self._edits.values()])

    def release(self, doc_ids: Iterable[str], source: ChainSource, *, drop: bool = True) -> None:
        """The caller saved these documents' chains and ``source`` reads them back: keep in
        memory only what later documents are compared with. Their context terms and
        co-occurring names — most of a chain, read when its document is resolved and by a
        replay — are dropped; with ``drop``, so are the chains themselves and their
        mention keys, once the caller has written their mentions (an entity's record
        counts them as they attached: ``_count_forms``), unless analyst edits stand (an
        edit tests the chains an entity holds) or the entity's type is still counted
        from its mention records (no chain of it voted). A replay (``apply``,
        ``remove_edit``), ``state`` and a whole record (``entity``, ``entities``) read
        them from ``source``. Nothing resolved changes."""
        self._chain_source = source
        drop = drop and not self._edits
        dropped: dict[str, set[int]] = {}
        for d in doc_ids:
            if d in self._released or d not in self._docs:
                continue
            chains = self._docs[d]
            kept = 0
            for chain in chains:
                # cleared in place: a chain cut by an edit (``_prepare``) shares them
                chain.context.clear()
                chain.cooc.clear()
                if not drop or not chain.mentions:
                    kept += 1
                    continue
                owner = self._mention_entity.get(chain.key)
                ent = self._entities.get(self._find(owner)) if owner is not None else None
                if ent is None or not ent.votes:
                    kept += 1
                    continue
                dropped.setdefault(ent.id, set()).add(id(chain))
                for key in chain.keys + chain.title_keys:
                    self._mention_entity.pop(key, None)
            if not kept:
                self._docs[d] = _NO_CHAINS
            self._released.add(d)
        for eid, ids in dropped.items():
            ent = self._entities[eid]
            before = len(ent.chains)
            ent.chains = [c for c in ent.chains if id(c) not in ids]
            ent.dropped += before - len(ent.chains)

    def _hold_all(self) -> None:
        """Read back every chain ``release`` dropped (a replay from the caller's source):
        a whole entity record lists every mention."""
        self._replay()

    def keep_evidence(self, latest: int) -> None:
        """Hold only an entity's ``latest`` merge explanations (at most twice that between
        trims): a caller that stores only those (the corpus job) need not keep every join
        of a widely reported entity in memory. Records then list those, and
        ``evidence_total`` still counts every one. Nothing resolved changes."""
        self._evidence_kept = latest
        for ent in self._entities.values():
            self._trim_evidence(ent)

    def evidence_total(self, ident: str) -> int:
        """How many merge explanations the entity has had (held or not)."""
        ent = self._entities.get(self._find(ident))
        return 0 if ent is None else len(ent.evidence) + ent.evidence_dropped

    def _trim_evidence(self, ent: _Entity) -> None:
        kept = self._evidence_kept
        if kept is not None and len(ent.evidence) > 2 * kept:
            drop = len(ent.evidence) - kept
            del ent.evidence[:drop]
            ent.evidence_dropped += drop

    def _saved_chains(self, doc_id: str) -> list[dict[str, Any]] | None:
        """A document's chains as ``Chain.to_dict`` gives them; None for a released document
        whose saved chains are gone (the document was deleted from the caller's store)."""
        if doc_id not in self._released:
            return [c.to_dict() for c in self._docs[doc_id]]
        return self._chain_source(doc_id) if self._chain_source is not None else None

    @classmethod
    def from_state(cls, state: ResolverState, options: ResolverOptions | None = None) -> Resolver:
        resolver = cls(options, [Edit.from_dict(e) for e in state.edits])
        for doc_id, chains in state.docs:
            resolver.add_chains(doc_id, [Chain.from_dict(c) for c in chains])
        return resolver

    # ---- internals ----------------------------------------------------------------
    def _reset(self) -> None:
        self._index = BlockIndex(self.options)
        self._heads = HeadNeighbours(self.options.related_heads)
        self._entities: dict[str, _Entity] = {}
        self._parent: dict[str, str] = {}
        self._mention_entity: dict[str, str] = {}
        self._df: Counter[str] = Counter()
        self._cooc_df: Counter[str] = Counter()
        self._closing: dict[str, set[str]] = {}
        self._opening: dict[str, set[str]] = {}
        self._idf_memo: dict[str, float] = {}
        self._norms: dict[str, float] = {}
        #: id of a chain's context → (that context, its IDF-weighted squared norm), for the
        #: document being resolved (the context is held, so its id is never reused meanwhile).
        self._chain_norms: dict[int, tuple[dict[str, float], float]] = {}
        self._ndocs = 0
        self._seq = 0
        self._distinct: dict[str, set[str]] = {}
        self._merges: list[list[str]] = []
        #: (kept, absorbed) for every merge since the document began: bridges and absorptions
        #: merge outside ``_decide``, and the store must move the absorbed entity's rows.
        self._merged: list[tuple[str, str]] = []
        for edit in self._edits.values():
            if edit.op == "distinct" and len(edit.anchors) >= 2:
                for a in edit.anchors:
                    for b in edit.anchors:
                        if a != b:
                            self._distinct.setdefault(a, set()).add(b)
            elif edit.op == "split" and edit.anchors:
                for m in edit.mentions:
                    self._distinct.setdefault(m, set()).add(edit.anchors[0])
                    self._distinct.setdefault(edit.anchors[0], set()).add(m)
            elif edit.op == "merge" and len(edit.anchors) >= 2:
                self._merges.append(list(edit.anchors))

    def _replay(self) -> None:
        released = self._released
        docs: dict[str, list[Chain]] = {}
        for d, chains in self._docs.items():
            if d not in released:
                docs[d] = chains
            elif (saved := self._saved_chains(d)) is not None:
                # copies: ``from_dict`` keeps the given context, which ``release`` clears
                docs[d] = [Chain.from_dict({**c, "context": dict(c["context"]), "cooc": list(c["cooc"])})
                           for c in saved]
        self._docs = {}
        self._released = set()
        self._reset()
        for doc_id, chains in docs.items():
            self.add_chains(doc_id, chains)
        if self._chain_source is not None:
            # The chains stay held: a replay is followed by whole records (``entities``).
            self.release(released, self._chain_source, drop=False)

    def _find(self, eid: str) -> str:
        root = eid
        while self._parent.get(root, root) != root:
            root = self._parent[root]
        while self._parent.get(eid, eid) != root:  # path compression
            nxt = self._parent[eid]
            self._parent[eid] = root
            eid = nxt
        return root

    def _generic_word(self, word: str, closing: bool = True) -> bool:
        """A common noun; with ``closing``, one that closes several different names seen so far."""
        if closing:
            names = self._closing.get(word)
            if names is None or len(names) < self.options.generic_head_names:
                return False
        return _common_noun(word)

    def _note_closing_words(self, parsed: list[ParsedName]) -> None:
        """Remember which multi-word names each word closes (up to the count that matters)."""
        if not self.options.generic_head_names:
            return
        cap = self.options.generic_head_names
        for p in parsed:
            if p.is_multi and not p.acronym_form:
                names = self._closing.setdefault(compact((p.tokens[-1],)), set())
                if len(names) < cap:
                    names.add(p.compact)
                # Which longer names each leading part opens ("BBC Radio" → "BBC Radio 4",
                # "BBC Radio Scotland", …): a part that opens several is a family's name.
                for n in range(2, len(p.tokens)):
                    longer = self._opening.setdefault(compact(p.tokens[:n]), set())
                    if len(longer) < cap:
                        longer.add(p.compact)

    def _family_name(self, match: NameMatch) -> bool:
        """A subset match whose shorter name opens several different longer names seen so
        far ("BBC Radio" of "BBC Radio 4" and "BBC Radio Scotland"): as ambiguous as one
        word of a name, so it counts as a partial match and never bridges."""
        if not self.options.generic_head_names:
            return False
        a, b = parse_name(match.a), parse_name(match.b)
        short, long = sorted((a, b), key=lambda p: len(p.tokens))
        if long.tokens[: len(short.tokens)] != short.tokens:
            return False
        return len(self._opening.get(short.compact, ())) >= self.options.generic_head_names

    def _idf(self, term: str) -> float:
        idf = self._idf_memo.get(term)
        if idf is None:
            idf = self._idf_memo[term] = math.log((self._ndocs + 1) / (self._df.get(term, 0) + 1)) + 1.0
        return idf

    # ---- edits that cut chains --------------------------------------------------------
    def _prepare(self, doc_id: str, chains: list[Chain]) -> list[Chain]:
        """Apply split / distinct / alias_remove edits to this document's chains."""
        if not self._edits:
            return chains
        out = [Chain(c.doc, list(c.mentions), c.published, c.context, c.cooc, c.unresolved,
                     list(c.title_mentions)) for c in chains]
        for edit in self._edits.values():
            cut: set[str] = set()
            if edit.op == "split":
                cut = {k for k in edit.mentions if k.startswith(doc_id + ":")}
            elif edit.op == "distinct" and len(edit.anchors) >= 2:
                for chain in out:
                    keys = set(chain.keys)
                    if edit.anchors[0] in keys and edit.anchors[1] in keys:
                        second = next(
                            m
                            for m in chain.mentions
                            if mention_key(doc_id, m.start, m.end, m.field) == edit.anchors[1]
                        )
                        target = parse_name(second.text).compact
                        cut |= {
                            mention_key(doc_id, m.start, m.end, m.field)
                            for m in chain.mentions
                            if parse_name(m.text).compact == target
                        }
            elif edit.op == "alias_remove" and edit.value and edit.anchors:
                target = parse_name(edit.value).compact
                for chain in out:
                    for m in chain.mentions:
                        key = mention_key(doc_id, m.start, m.end, m.field)
                        if parse_name(m.text).compact == target and key not in edit.anchors:
                            cut.add(key)
                    # Only cut where it matters: in the anchor's chain or in chains that
                    # would otherwise be resolved into the anchor's entity (checked later).
            if not cut:
                continue
            new_chains: list[Chain] = []
            for chain in out:
                moved = [m for m in chain.mentions if mention_key(doc_id, m.start, m.end, m.field) in cut]
                # Pronouns and descriptions found in the text refer through the chain's names:
                # with no name left behind they go with the names moved out.
                orphans = all(m.referring for m in chain.mentions if m not in moved)
                if not moved or len(moved) == len(chain.mentions) or orphans:
                    new_chains.append(chain)
                    continue
                chain.mentions = [m for m in chain.mentions
                                  if mention_key(doc_id, m.start, m.end, m.field) not in cut]
                split = Chain(
                    chain.doc,
                    [
                        replace(
                            m,
                            method="edit",
                            score=1.0,
                            reason=f"moved out by analyst edit {edit.id}",
                            descriptors=list(m.descriptors),
                            count=list(m.count),
                        )
                        for m in moved
                    ],
                    chain.published,
                    chain.context,
                    chain.cooc,
                )
                new_chains.extend([chain, split])
            out = new_chains
        return out

    # ---- resolution of one document ---------------------------------------------------
    def _resolve_doc(self, doc_id: str, original: list[Chain]) -> list[EntityChange]:
        chains = self._prepare(doc_id, original)
        self._ndocs += 1
        # A name only the headline has (its own chain, ``headline``) counts in no document
        # frequency: the text's chains are weighed as they were before headlines were read.
        terms = {t for c in chains if not _title_only(c) for t in c.context}
        self._df.update(terms)
        self._cooc_df.update({k for c in chains if not _title_only(c) for k in c.cooc})
        # IDF and entity norms hold for this document's decisions (``_context_similarity``).
        self._idf_memo.clear()
        self._norms.clear()
        self._chain_norms.clear()
        order = sorted(
            chains,
            key=lambda c: (
                _title_only(c),  # the headline's own names after the text's chains
                {"name": 0, "nominal": 1, "pronoun": 2}[c.kind],
                -(c.best_name().is_multi if c.best_name() else 0),
                -len(c.mentions),
                c.mentions[0].start,
            ),
        )
        used: set[str] = set()
        changes: list[EntityChange] = []
        self._merged = []
        for chain in order:
            target, evidence = self._decide(chain, used)
            if target is None:
                ent = self._create(chain)
                changes.append(EntityChange("created", ent.id, chain.keys + chain.title_keys))
            else:
                ent = self._entities[target]
                self._attach(ent, chain, evidence)
                changes.append(EntityChange("extended", ent.id, chain.keys + chain.title_keys))
            described = chain.kind == "name" or (target is not None and bool(ent.names))
            if self.options.description_bridges and described and self._chain_heads(chain):
                kept = self._bridge_descriptions(ent.id, chain)
                ent = self._entities[kept]
            used.add(ent.id)
        changes.extend(self._apply_entity_edits())
        reported = {a for c in changes for a in c.absorbed}
        changes.extend(EntityChange("merged", kept, [], [gone])
                       for kept, gone in self._merged if gone not in reported)
        return changes

    def _chain_heads(self, chain: Chain) -> Counter[str]:
        """The chain's description heads, and with ``name_heads`` the common noun a
        one-word name is ("the Navy", "the Senate"): the same thing as "the navy" when a
        report does not capitalise it."""
        heads = chain.heads()
        if self.options.name_heads:
            for m in chain.mentions:
                # A person's one-word name is not a description of them, even when the
                # word is also a noun ("Teen" in a headline, tagged a person).
                if m.kind != "name" or TYPE_GROUPS.get(m.label) == "person":
                    continue
                p = parse_name(m.text)
                if len(p.tokens) == 1 and not p.acronym_form and _common_noun(p.tokens[0]):
                    heads[p.tokens[0]] += 1
        return heads

    def _forbidden(self, chain: Chain, eid: str) -> bool:
        for key in chain.keys:
            for other in self._distinct.get(key, ()):
                owner = self._mention_entity.get(other)
                if owner is not None and self._find(owner) == eid:
                    return True
        ent = self._entities[eid]
        if ent.rejected:
            compacts = {parse_name(n).compact for n in chain.names()}
            if compacts and compacts <= ent.rejected:
                return True
        return False

    def _decide(self, chain: Chain, used: set[str]) -> tuple[str | None, MergeEvidence | None]:
        # Analyst merges first: a chain holding an anchor goes where its partner is — except
        # the survivor's own anchor (the first), whose chain founds its entity again so the
        # merged entity keeps the id the analyst chose (``_apply_entity_edits`` folds the
        # partners into it when the document ends).
        if any(anchors[0] in chain.keys for anchors in self._merges):
            return None, None
        for anchors in self._merges:
            if any(k in anchors for k in chain.keys):
                for a in anchors:
                    owner = self._mention_entity.get(a)
                    if owner is not None:
                        eid = self._find(owner)
                        if eid not in used and not self._forbidden(chain, eid):
                            return eid, MergeEvidence(
                                eid, chain.key, 1.0, 1.0, 0.0, 0.0, 1.0, [a], "analyst merge", "edit"
                            )
        if chain.unresolved or chain.kind == "pronoun":
            return None, None
        names = [parse_name(n) for n, _ in chain.match_names().most_common(_CHAIN_NAMES)]
        keys: list[str] = []
        for p in names:
            keys.extend(name_keys(p, self.options))
        if chain.kind == "nominal":
            keys.extend(f"h:{h}" for h in self._chain_heads(chain))
            if self.options.synonym_heads:
                for h in self._chain_heads(chain):
                    self._heads.add(h)
                    keys.extend(f"h:{n}" for n in self._heads.near(h))
        candidates = {self._find(e) for e in self._index.lookup(keys, names, self.options.score_cap)}
        accepted: list[tuple[float, str, MergeEvidence]] = []
        rejoin = chain.kind == "nominal" and self.options.nominal_rejoin
        for eid in sorted(candidates):
            if (eid in used and not rejoin) or self._forbidden(chain, eid):
                continue
            scored = self._score(chain, names, self._entities[eid])
            if scored is not None:
                accepted.append((scored.score, eid, scored))
        if not accepted:
            return None, None
        accepted.sort(key=lambda x: (-x[0], x[1]))
        best = accepted[0]
        loose = self.options.loose_kinds
        kinds = [_kind_of(a[2]) for a in accepted]
        if kinds[0] == "partial":
            # A bare word fitting several full names elsewhere ("Kim" → several Kims) goes to
            # one only if its context clearly favours it; otherwise it is left alone.
            rivals = [
                self._support(chain, self._entities[eid])
                for eid in sorted(candidates)
                if eid != best[1]
                and eid not in used
                # A candidate that could never take the chain (a partial name across types:
                # "Obama" / "Obama White House") is no rival.
                and type_compatibility(chain.labels(), self._entities[eid].votes) >= 1.0
                and best_name_match(
                    names, self._entities[eid].parsed_names(), self.options.fuzzy_min_length
                ).kind
                == "partial"
            ]
            mine = max(best[2].context_score, best[2].cooccurrence_score)
            if rivals and mine - max(rivals) < self.options.partial_margin:
                return None, None
        if self.options.bridge_merges and len(accepted) > 1 and kinds[0] not in loose:
            self._bridge(
                best[1], [a for a, k in zip(accepted[1:], kinds[1:], strict=True) if k not in loose], chain
            )
        if self.options.absorb_bare_names and len(accepted) > 1 and kinds[0] not in loose:
            self._absorb_bare(
                best[1], [a[1] for a, k in zip(accepted[1:], kinds[1:], strict=True) if k == "partial"], chain
            )
        return self._find(best[1]), best[2]

    def _bridge(self, target: str, others: list[tuple[float, str, MergeEvidence]], chain: Chain) -> None:
        """A chain that two entities would each accept is evidence they are one — unless
        some document keeps them apart (it names both, so within-document resolution
        already decided they differ)."""
        for score, eid, evidence in others:
            a, b = self._find(target), self._find(eid)
            if a == b or score < self.options.bridge_min_score:
                continue
            if set(self._entities[a].docs) & set(self._entities[b].docs):
                continue
            # The two entities' own names must agree too (never bridge Lee Min-ho and
            # Lee Min-ha through some third spelling).
            agree = best_name_match(
                self._entities[a].parsed_names(),
                self._entities[b].parsed_names(),
                self.options.fuzzy_min_length,
            )
            if agree.kind in ("weak", "partial") or (agree.kind == "subset" and self._family_name(agree)):
                continue
            kept = self._merge(a, b, f"bridged by chain {chain.key}: {evidence.reason}", "bridge")
            if kept is not None:
                target = kept

    def _absorb_bare(self, target: str, others: list[str], chain: Chain) -> None:
        """Entities known only by a bare word ("Obama", founded before any report gave the
        full name) that this full-name chain also accepts join the entity it went to —
        when no other full name holds that word (the "Kim" of several Kims stays alone)
        and no document names both."""
        for eid in others:
            a, b = self._find(target), self._find(eid)
            if a == b:
                continue
            bare = self._entities[b]
            names = bare.parsed_names()
            # (A headline's "CHIEFS" reads like an acronym but was accepted as a partial name.)
            if not names or any(p.is_multi for p in names):
                continue
            full = self._entities[a]
            if any(d in full.docs for d in bare.docs):  # never copy a large entity's documents
                continue
            keys = [k for p in names for k in name_keys(p, self.options)]
            owners = {
                self._find(e)
                for e in self._index.lookup(keys, names, self.options.score_cap)
                if self._find(e) not in (a, b)
            }
            if any(
                any(p.is_multi for p in self._entities[o].parsed_names())
                and best_name_match(
                    names, self._entities[o].parsed_names(), self.options.fuzzy_min_length
                ).kind
                == "partial"
                for o in owners
            ):
                continue
            kept = self._merge(a, b, f"bare name absorbed by full-name chain {chain.key}", "bridge")
            if kept is not None:
                target = kept

    def _bridge_descriptions(self, target: str, chain: Chain) -> str:
        """A named chain that this document also describes ("the climber … Robert
        Buckley") absorbs the description-only entity built from other documents' "the
        climber" — when that entity's context supports it and no document holds both."""
        target = self._find(target)
        heads = list(self._chain_heads(chain))
        keys = [f"h:{h}" for h in heads]
        for eid in sorted({self._find(e) for e in self._index.lookup(keys, [])}):
            if eid == target or eid not in self._entities:
                continue
            other = self._entities[eid]
            if other.names or other.manual_aliases or self._forbidden(chain, eid):
                continue
            if type_compatibility(chain.labels(), other.votes) < 1.0:
                continue
            support = self._context_similarity(chain.context, other)
            if support < self.options.min_support.get("nominal", 1.0):
                continue
            shared = [h for h in heads if h in other.heads]
            why = f"description {shared[:1]} of {chain.key}; context {support:.2f}"
            kept = self._merge(target, eid, why, "bridge")
            if kept is not None:
                target = kept
        return target

    def _score(self, chain: Chain, names: list[ParsedName], ent: _Entity) -> MergeEvidence | None:
        o = self.options
        if chain.kind == "nominal":
            shared_heads = [h for h in self._chain_heads(chain) if h in ent.heads]
            related = (
                [(h, n) for h in self._chain_heads(chain) for n in self._heads.near(h) if n in ent.heads]
                if self.options.synonym_heads and not shared_heads
                else []
            )
            if shared_heads:
                match = NameMatch("nominal", KIND_SCORE["nominal"], shared_heads[0], shared_heads[0])
            elif related:
                match = NameMatch("synonym", KIND_SCORE["synonym"], *related[0])
            else:
                match = NameMatch("weak", 0.0)
        else:
            match = best_name_match(names, ent.parsed_names(), o.fuzzy_min_length)
        if match.kind == "weak":
            return None
        if (
            match.kind in ("partial", "subset")
            and o.generic_head_names
            and "person" not in (majority_group(chain.labels()), majority_group(ent.votes))
            and generic_short_name(match, self._generic_word)
        ):
            return None
        if (
            match.kind == "partial"
            and not o.place_partials
            and _top_label(chain.labels()) in _REGIONS
            and _top_label(ent.votes) in _REGIONS
            and _qualified_place(match)
        ):
            return None
        if (
            match.kind == "acronym"
            and o.acronym_expansions
            and conflicting_expansions(names, ent.parsed_names(), o.fuzzy_min_length)
        ):
            return None
        if chain.kind == "nominal" and o.counted_descriptions and _count_clash(chain, ent):
            return None
        kind = match.kind
        if kind == "exact":
            p = parse_name(match.a)
            if not p.is_multi and not p.acronym_form and not self._one_thing(p, chain, ent):
                kind = "exact_single"
        family: set[str] = set()
        if kind == "subset" and self._family_name(match):
            kind = "partial"
            family = {parse_name(match.a).compact, parse_name(match.b).compact}
        loose_name = kind in ("partial", "exact_single", "skeleton")
        if loose_name and _full_names_clash(names, ent, o.fuzzy_min_length, family):
            return None
        context = self._context_similarity(chain.context, ent)
        shared, cooc = self._shared_cooc(chain, ent)
        support = max(context, cooc)
        types = type_compatibility(chain.labels(), ent.votes)
        if types == 0.0 and kind != "exact":
            return None
        if kind in ("typo", "variant", "partial", "subset", "skeleton") and any(
            demonym_clash(a, b) for a in chain.labels() for b in ent.votes
        ):
            return None
        if types < 1.0 and kind in o.typed_kinds:
            return None  # a near-miss spelling across types is another thing ("North Korean"/"North Korea")
        if support < o.min_support.get(kind, 1.0):
            return None
        if kind == "skeleton" and context < o.skeleton_min_context:
            return None
        if kind == "skeleton" and types < 1.0 and sum(
            1 for k in shared if self._cooc_df[k] <= self._rare_limit()
        ) < o.skeleton_shared_across_types:
            return None
        score = o.name_weight * match.score + (1 - o.name_weight) * support
        if types == 0.0:
            score -= o.type_penalty
        reason = (
            f"{kind} name match {match.a!r} ~ {match.b!r}; context {context:.2f}; shared entities {cooc:.2f}"
        )
        return MergeEvidence(
            ent.id,
            chain.key,
            round(score, 4),
            round(match.score, 4),
            round(context, 4),
            round(cooc, 4),
            types,
            [f"name:{match.b}", *shared[:5]],
            reason,
            kind,
        )

    def _one_thing(self, p: ParsedName, chain: Chain, ent: _Entity) -> bool:
        """A one-word name that names one thing wherever it is written: a country, a
        continent, a city of a million people or an international organisation of
        ``nlp.crosslingual_names``'s tables ("Afghanistan", "Allemagne", "Afrique", "Madrid"), both
        sides typed as one (a place for a place). Such a name needs no context to join: two
        reports in two languages share few context words, and such a place is no namesake."""
        if not self.options.gazetteer_names:
            return False
        what = known_kind(p.tokens)
        want = {"country": "place", "region": "place", "metropolis": "place", "org": "org"}.get(what or "")
        return want is not None and majority_group(chain.labels()) == want == majority_group(ent.votes)

    def _support(self, chain: Chain, ent: _Entity) -> float:
        return max(self._context_similarity(chain.context, ent), self._shared_cooc(chain, ent)[1])

    def _context_similarity(self, a: dict[str, float], ent: _Entity) -> float:
        b = ent.context
        if not a or not b:
            return 0.0
        # The IDF memo read in line: about 400,000 look-ups per 300 articles, most of them
        # summing candidate entities' norms. Same products, same order, same sums.
        memo = self._idf_memo
        idf = self._idf
        dot = 0.0
        for t, v in a.items():
            if t in b:
                w = memo.get(t)
                if w is None:
                    w = idf(t)
                dot += v * b[t] * w * w
        if dot == 0.0:
            return 0.0
        # A chain is scored against each of its candidates with the same IDF (this
        # document's): its own norm is summed once, in the same order as before.
        held = self._chain_norms.get(id(a))
        if held is None or held[0] is not a:
            na = 0.0
            for t, v in a.items():
                na += (v * idf(t)) ** 2
            held = self._chain_norms[id(a)] = (a, na)
        na = held[1]
        nb = self._norms.get(ent.id)
        if nb is None:
            nb = 0.0  # summed left to right, as ``sum`` does
            for t, v in b.items():
                w = memo.get(t)
                if w is None:
                    w = idf(t)
                nb += (v * w) ** 2
            self._norms[ent.id] = nb
        return dot / math.sqrt(na * nb) if na and nb else 0.0

    def _rare_limit(self) -> float:
        return max(2.0, self.options.cooc_rare_share * self._ndocs)

    def _shared_cooc(self, chain: Chain, ent: _Entity) -> tuple[list[str], float]:
        own = {parse_name(n).compact for n in chain.names()}
        shared = [k for k in chain.cooc if k in ent.cooc and k not in own and k not in ent.compacts]
        if not shared:
            return [], 0.0
        rare_limit = self._rare_limit()
        common = self.options.cooc_common_weight
        weight = sum(1.0 if self._cooc_df[k] <= rare_limit else common for k in shared)
        return shared, min(1.0, weight / self.options.cooc_full)

    # ---- entity bookkeeping --------------------------------------------------------------
    def _create(self, chain: Chain) -> _Entity:
        eid = entity_id(chain.key)
        # A replayed split can found two entities on one key; an id merged away stays taken.
        while eid in self._entities or eid in self._parent:
            eid = entity_id(eid)
        ent = _Entity(eid, self._seq)
        self._seq += 1
        self._entities[eid] = ent
        self._attach(ent, chain, None)
        return ent

    def _attach(self, ent: _Entity, chain: Chain, evidence: MergeEvidence | None) -> None:
        self._norms.pop(ent.id, None)
        ent.chains.append(chain)
        _count_forms(ent, chain)
        names = chain.names()
        ent.names.update(names)
        ent.compacts.update(parse_name(n).compact for n in names)
        ent.match_names.update(chain.match_names())
        ent.heads.update(self._chain_heads(chain))
        ent.counts.update(n for m in chain.mentions if m.kind == "nominal" for n in m.count)
        ent.counted.update("counted" if m.count else "plain" for m in chain.mentions if m.kind == "nominal")
        if not ent.votes or not _title_only(chain):
            # A headline's tag votes only for an entity nothing else typed: headline case
            # fools the tagger more than running text does.
            ent.votes.update(chain.labels())
        ent.context.update(chain.context)
        if len(ent.context) > self.options.entity_terms:
            ent.context = Counter(dict(ent.context.most_common(self.options.entity_terms)))
        ent.cooc.update(chain.cooc)
        if len(ent.cooc) > self.options.entity_terms:
            ent.cooc = Counter(dict(ent.cooc.most_common(self.options.entity_terms)))
        ent.docs[chain.doc] = None
        if evidence is not None:
            ent.evidence.append(evidence)
            self._trim_evidence(ent)
        for key in chain.keys + chain.title_keys:
            self._mention_entity[key] = ent.id
        if chain.unresolved and ent.nchains == 1:
            return  # an ambiguous bare name founds a closed entity: nothing may join it by name
        parsed = [parse_name(n) for n in chain.match_names()]
        self._note_closing_words(parsed)
        keys = [k for p in parsed for k in name_keys(p, self.options)]
        keys += [f"h:{h}" for h in self._chain_heads(chain)]
        if self.options.synonym_heads:
            for h in self._chain_heads(chain):
                self._heads.add(h)
        self._index.add(ent.id, keys, parsed)

    def _merge(self, a: str, b: str, reason: str, kind: str, *, keep_first: bool = False) -> str | None:
        """Fold one entity into the other: the older one stays (its id is the one already
        shown), or ``a`` with ``keep_first`` (an analyst's merge keeps the survivor chosen)."""
        a, b = self._find(a), self._find(b)
        if a == b:
            return a
        keep, gone = ((self._entities[a], self._entities[b]) if keep_first
                      else sorted((self._entities[a], self._entities[b]), key=lambda e: e.seq))
        # (Only edits forbid, and under edits no chain is dropped from memory: ``release``.)
        for chain in gone.chains:
            if self._forbidden(chain, keep.id):
                return None
        self._parent[gone.id] = keep.id
        self._merged.append((keep.id, gone.id))
        self._norms.pop(keep.id, None)
        for chain in gone.chains:
            keep.chains.append(chain)
            for key in chain.keys:
                self._mention_entity[key] = keep.id
        _merge_forms(keep, gone)
        keep.names.update(gone.names)
        keep.compacts |= gone.compacts
        keep.match_names.update(gone.match_names)
        keep.heads.update(gone.heads)
        keep.counts.update(gone.counts)
        keep.counted.update(gone.counted)
        keep.votes.update(gone.votes)
        keep.context.update(gone.context)
        keep.cooc.update(gone.cooc)
        keep.docs.update(gone.docs)
        keep.evidence.extend(gone.evidence)
        keep.evidence.append(
            MergeEvidence(
                keep.id,
                gone.first_key or gone.id,
                1.0,
                0.0,
                0.0,
                0.0,
                1.0,
                [gone.id],
                reason,
                kind,
            )
        )
        keep.evidence_dropped += gone.evidence_dropped
        self._trim_evidence(keep)
        keep.manual_aliases.update(gone.manual_aliases)
        keep.manual_name = keep.manual_name or gone.manual_name
        keep.manual_type = keep.manual_type or gone.manual_type
        keep.rejected |= gone.rejected
        parsed = [parse_name(n) for n in gone.match_names]
        self._index.add(keep.id, [k for p in parsed for k in name_keys(p, self.options)], parsed)
        # Folded in: every lookup of its id follows ``_parent`` to ``keep``. Held on, it kept
        # its chains, counters and evidence in memory for the rest of the run.
        del self._entities[gone.id]
        return keep.id

    def _apply_entity_edits(self) -> list[EntityChange]:
        changes: list[EntityChange] = []
        for anchors in self._merges:
            owners = [self._mention_entity.get(a) for a in anchors]
            present = [self._find(o) for o in owners if o is not None]
            for other in present[1:]:
                if self._find(present[0]) != self._find(other):
                    before = self._find(other)
                    kept = self._merge(present[0], other, "analyst merge", "edit", keep_first=True)
                    if kept is not None:
                        changes.append(EntityChange("merged", kept, [], [before]))
        for edit in self._edits.values():
            if not edit.anchors:
                continue
            owner = self._mention_entity.get(edit.anchors[0])
            if owner is None:
                continue
            ent = self._entities[self._find(owner)]
            # Later edits win: a rename after a merge names the merged entity.
            if edit.op == "merge" and edit.value:
                ent.manual_name = edit.value
                ent.manual_type = edit.type or ent.manual_type
            elif edit.op == "rename" and edit.value:
                ent.manual_name = edit.value
            elif edit.op == "retype" and edit.value:
                ent.manual_type = edit.value
            elif edit.op == "alias_add" and edit.value and edit.value not in ent.manual_aliases:
                ent.manual_aliases[edit.value] = None
                p = parse_name(edit.value)
                self._index.add(ent.id, name_keys(p, self.options), [p])
            elif edit.op == "alias_remove" and edit.value:
                ent.rejected.add(parse_name(edit.value).compact)
        return changes

    # ---- records ----------------------------------------------------------------------------
    @overload
    def _materialise(self, ent: _Entity) -> Entity: ...

    @overload
    def _materialise(self, ent: _Entity, only: Collection[str]) -> tuple[Entity, int]: ...

    def _materialise(self, ent: _Entity, only: Collection[str] | None = None) -> Entity | tuple[Entity, int]:
        """The entity's record; with ``only`` (its votes counted: ``entity_update``), the
        record with only the mentions of those keys (``_HELD``: of every chain held in
        memory), and the number of its mentions. The whole record needs every chain held
        (``entity`` and ``entities`` read dropped ones back first)."""
        if only is None and ent.dropped:
            raise RuntimeError(f"entity {ent.id}: {ent.dropped} chains not held; read them back first")
        mentions: list[EntityMention] = []
        titles: list[EntityMention] = []
        # the documents of ``only``: a chain of another document has none of its mentions
        held = only is _HELD
        only_docs = None if only is None or held else {parse_mention_key(k)[0] for k in only}
        for chain in ent.chains:
            doc = chain.doc
            some = only_docs is None or doc in only_docs
            if not some:
                continue
            for m in chain.mentions:
                if only is None or held or mention_key(doc, m.start, m.end, m.field) in only:
                    (mentions if m.field == "text" else titles).append(_entity_mention(doc, ent.id, m))
            titles.extend(_entity_mention(doc, ent.id, m) for m in chain.title_mentions
                          if only is None or held or mention_key(doc, m.start, m.end, m.field) in only)
        # The forms were counted as the chains attached (``_count_forms``), in the order
        # iterating the chains gives: held or not, every chain counts.
        name_forms: Counter[str] = Counter()
        other_forms: Counter[str] = Counter()
        government_forms: Counter[str] = Counter()
        title_forms: Counter[str] = Counter()
        by_kind = {"n": name_forms, "o": other_forms, "g": government_forms, "t": title_forms}
        for (kind, form), n in ent.forms.items():
            by_kind[kind][form] = n
        if not name_forms and not other_forms:
            name_forms = title_forms
        mentions.sort(key=lambda m: (m.doc, m.start))
        aliases: dict[str, int] = dict(name_forms or other_forms)
        canonical = _canonical(aliases)
        # A participant its document describes but never names: no alias, and its fullest
        # description for a name ("a 45-year-old woman" over "the woman").
        named = bool(name_forms or ent.manual_name or ent.manual_aliases or not ent.unnamed_only)
        if not named:
            aliases = {}
            canonical = fullest_description([ent.fullest])
        for alias, n in government_forms.items():
            aliases[alias] = aliases.get(alias, 0) + n
        for alias in ent.manual_aliases:
            aliases.setdefault(alias, 0)
        votes = ent.votes or Counter(m.label for m in mentions or titles if m.label)
        if ent.manual_type:
            etype, confidence = ent.manual_type, 1.0
        elif votes:
            etype, n = votes.most_common(1)[0]
            confidence = n / sum(votes.values())
        else:
            etype, confidence = "", 0.0
        record = Entity(
            ent.id,
            etype,
            ent.manual_name or canonical,
            aliases,
            round(confidence, 3),
            dict(votes),
            mentions,
            list(ent.evidence),
            list(ent.docs),
            named,
            sorted(titles, key=lambda m: (m.doc, m.start)),
        )
        return record if only is None else (record, ent.text_mentions)


def _title_only(chain: Chain) -> bool:
    """A chain of a name only the document's title has (``headline``)."""
    return bool(chain.mentions) and chain.mentions[0].field != "text"


def _entity_mention(doc: str, entity: str, m: ChainMention) -> EntityMention:
    return EntityMention(doc, m.start, m.end, m.text, m.label, entity, m.method, m.score, m.reason,
                         m.sentence, _MENTION_KIND.get(m.kind, "name"), m.rule, m.field)


#: The within-document chainer's kinds as stored and exported (``MENTION_KINDS``).
_MENTION_KIND = {"name": "name", "nominal": "description", "pronoun": "pronoun"}


def _count_clash(chain: Chain, ent: _Entity) -> bool:
    """A description counted or ranked in every mention ("20 points", "the tenth point")
    is a quantity of its own report: it is not an entity counted with other numbers, and
    an uncounted description ("the points") is not an entity only ever counted."""
    counts = [m.count for m in chain.mentions if m.kind == "nominal"]
    if not counts:
        return False
    if not any(counts):
        return ent.counted["counted"] > 0 and ent.counted["plain"] == 0
    if not all(counts) or not ent.counts:
        return False
    return not {n for c in counts for n in c} & set(ent.counts)


def _kind_of(evidence: MergeEvidence) -> str:
    return evidence.kind


def bare_alias(alias: str) -> str:
    """An alias without its leading article, as an entity's name is chosen among them."""
    return re.sub(r"^(?:the|a|an)\s+", "", alias, flags=re.IGNORECASE)


def _canonical(aliases: dict[str, int]) -> str:
    """Most frequent full form (multi-word, not an acronym), leading article dropped."""
    if not aliases:
        return ""
    counts: Counter[str] = Counter()
    for alias, n in aliases.items():
        counts[bare_alias(alias)] += n
    parsed = [(parse_name(a), n) for a, n in counts.items()]
    full = [(p, n) for p, n in parsed if not p.acronym_form] or parsed
    best = max(full, key=lambda pn: (pn[0].is_multi, pn[1], len(pn[0].surface)))
    return best[0].surface
