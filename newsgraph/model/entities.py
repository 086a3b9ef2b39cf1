"""Records of the entities stage (see newsgraph.model): resolved entities, the link of
each mention to its entity, why merges happened, and analyst edits as statements.

Identity is deterministic, as in FollowTheMoney's ``make_id``: a mention is
``doc id + character offsets`` (:func:`mention_key`); an entity's id is a hash of the
key of the mention that founded it, so re-running resolution over the same documents
in the same order yields the same ids. Analyst edits name entities through *anchor*
mentions (mention keys), never through entity ids alone, so they still apply after
re-ingest and re-resolution have reshuffled the ids.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = [
    "EDIT_OPS",
    "ENTITY_REF",
    "MENTION_FIELDS",
    "MENTION_KINDS",
    "Edit",
    "Entity",
    "EntityChange",
    "EntityMention",
    "MergeEvidence",
    "entity_id",
    "mention_key",
    "parse_mention_key",
]

#: What an entity mention is, as stored and exported.
MENTION_KINDS: tuple[str, ...] = ("name", "description", "pronoun")

#: The fields of an ``Entity`` that stand for it where another record or page points at it (a
#: claim's speaker, a co-occurring entity, a node of the network): one declaration for them all.
ENTITY_REF: tuple[str, ...] = ("id", "name", "type")

#: Analyst statements the resolver honours on every run.
EDIT_OPS: tuple[str, ...] = ("merge", "split", "rename", "alias_add", "alias_remove", "distinct", "retype")


#: The fields of a document a mention's offsets may point into: its clean ``text`` (every
#: mention but a headline's) or its ``title``.
MENTION_FIELDS: tuple[str, ...] = ("text", "title")


def mention_key(doc: str, start: int, end: int, field: str = "text") -> str:
    """Identity of a mention: ``"<doc id>:<start>-<end>"``; a mention in the document's
    title (offsets into the title) is ``"<doc id>:<start>-<end>@title"``, never the key of
    a mention in the text at the same offsets."""
    return f"{doc}:{start}-{end}" if field == "text" else f"{doc}:{start}-{end}@{field}"


def parse_mention_key(key: str) -> tuple[str, int, int]:
    doc, _, span = key.rpartition(":")
    span = span.partition("@")[0]
    start, _, end = span.partition("-")
    return doc, int(start), int(end)


def entity_id(founding_mention: str) -> str:
    """Entity id: ``E`` + 16 hex digits of SHA-256 of its founding mention key."""
    return "E" + hashlib.sha256(founding_mention.encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class EntityMention:
    """One mention linked to one entity, with how and why.

    ``method`` names the step that linked it: ``found`` (the mention founded its
    within-document chain), ``exact``/``variant`` (same name up to case, hyphens,
    possessives, transliteration folding), ``partial`` (surname or given name to a
    full name), ``title`` (``Mr. Kim``), ``acronym``, ``typo``, ``nominal``,
    ``pronoun``, ``unresolved`` (kept apart, ``reason`` says why), ``cross-doc``
    (the chain joined an entity from another document) or ``edit``.

    ``kind`` says what the mention is: ``name``, ``description`` ("the company", "Apple's
    chief executive") or ``pronoun``; ``rule`` names the rule that linked a description or
    pronoun found in the text (``resolve/entities/referring``: ``apposition``,
    ``described``, ``same-description``, ``relative``, ``only-candidate``, ``subject``),
    empty for names.
    """

    doc: str
    start: int
    end: int
    text: str
    label: str
    entity: str
    method: str = "found"
    score: float = 1.0
    reason: str = ""
    sentence: int = -1
    kind: str = "name"
    rule: str = ""
    #: What ``start``/``end`` point into (``MENTION_FIELDS``): the document's clean text,
    #: or its title for a name in the headline (stored and exported apart: a consumer
    #: slicing ``text`` with a mention's offsets never meets one).
    field: str = "text"

    @property
    def key(self) -> str:
        return mention_key(self.doc, self.start, self.end, self.field)


@dataclass(slots=True)
class MergeEvidence:
    """Why a document chain joined an entity (or why two entities were merged)."""

    entity: str
    chain: str  # key of the chain's first mention
    score: float
    name_score: float
    context_score: float
    cooccurrence_score: float
    type_score: float
    shared: list[str] = field(default_factory=list)  # shared co-occurring entities / names
    reason: str = ""
    #: Kind of name match: exact, exact_single, acronym, subset, variant, typo, partial,
    #: nominal, skeleton (transliteration variants with the same consonant skeleton, only
    #: with context support); "edit" for analyst merges, "bridge" for merges through a
    #: shared chain.
    kind: str = ""


@dataclass(slots=True)
class Entity:
    """A resolved entity: canonical name, type by majority vote, every surface form.

    ``aliases`` maps each distinct surface form to its mention count (manual aliases
    count 0); ``type_confidence`` is the share of typed mentions that voted for
    ``type``; ``evidence`` lists every merge that built it.
    """

    id: str
    type: str
    name: str
    aliases: dict[str, int] = field(default_factory=dict)
    type_confidence: float = 1.0
    type_votes: dict[str, int] = field(default_factory=dict)
    mentions: list[EntityMention] = field(default_factory=list)
    evidence: list[MergeEvidence] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    #: False for an unnamed referent (``resolve/entities/unnamed``): a participant one
    #: document describes and refers back to but never names; ``name`` is then its
    #: fullest description ("a 45-year-old woman").
    named: bool = True
    #: Its names in document titles (``EntityMention.field == "title"``, offsets into the
    #: title), apart from ``mentions``, which point into the clean texts.
    title_mentions: list[EntityMention] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class EntityChange:
    """What one ``Resolver.add`` did to one entity: ``created``, ``extended`` or ``merged``."""

    kind: str
    entity: str
    mentions: list[str] = field(default_factory=list)
    absorbed: list[str] = field(default_factory=list)  # entity ids merged into this one


@dataclass(slots=True)
class Edit:
    """An analyst statement about entities, kept as data and re-applied on every run.

    - ``merge``: ``anchors`` (≥2 mention keys) belong to one entity; it keeps the name
      (``value``) and type (``type``) the first entity had when the analyst merged.
    - ``distinct``: the entities of ``anchors[0]`` and ``anchors[1]`` are never the same.
    - ``split``: ``mentions`` leave the entity of ``anchors[0]`` and form a new one.
    - ``rename``: the entity of ``anchors[0]`` is called ``value``.
    - ``alias_add``: ``value`` is an alias of the entity of ``anchors[0]`` (later
      mentions spelled so are matched to it).
    - ``alias_remove``: mentions spelled ``value`` leave that entity and may not rejoin.
    - ``retype``: the entity of ``anchors[0]`` has type ``value``.

    ``entities`` records the entity ids the analyst saw (for the audit log only).
    """

    op: str
    anchors: list[str] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)
    value: str | None = None
    entities: list[str] = field(default_factory=list)
    author: str | None = None
    note: str | None = None
    created: str | None = None  # ISO 8601 timestamp, set by the caller
    type: str | None = None  # a merge: the type the merged entity keeps

    def __post_init__(self) -> None:
        if self.op not in EDIT_OPS:
            raise ValueError(f"unknown entity edit {self.op!r}; expected one of {', '.join(EDIT_OPS)}")

    @property
    def id(self) -> str:
        """Content hash of the statement (author/time excluded), so re-adding is a no-op."""
        parts: list[Any] = [self.op, self.anchors, sorted(self.mentions), self.value]
        if self.type is not None:  # statements logged before merges kept a type hash as they did
            parts.append(self.type)
        payload = json.dumps(parts, ensure_ascii=False)
        return "X" + hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Edit:
        return cls(**data)
