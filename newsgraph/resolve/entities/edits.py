"""Analyst edits as statements: build ``Edit`` records from what the analyst sees.

The analyst names entities by id (``newsgraph entity merge E1 E2``); ids can change
when resolution is replayed, so each edit is stored against *anchor mentions* — the
founding mention of each entity at edit time (``doc:start-end``, stable across
re-ingest because document ids are content hashes). ``Resolver.apply`` enforces the
statement on this and every later run (see ``resolver`` for how each kind binds).

Every builder validates its input against the resolver's current state and raises
``EntityEditError`` (code E601) with a reason rather than recording a statement that
cannot bind.
"""

from __future__ import annotations

import datetime as dt

from newsgraph.errors import NewsgraphError
from newsgraph.model.document import ENTITY_TYPES
from newsgraph.model.entities import Edit
from newsgraph.resolve.entities.resolver import Resolver

__all__ = ["EntityEditError", "add_alias", "distinct", "merge", "remove_alias", "rename", "retype", "split"]


class EntityEditError(NewsgraphError):
    code = "E601"


def _anchor(resolver: Resolver, entity_id: str) -> str:
    entity = resolver.entity(entity_id)
    if entity is None or not entity.mentions:
        raise EntityEditError(f"no entity {entity_id!r}")
    # The earliest mention in ingest order is the founding one: stable under replay.
    first = min(entity.mentions, key=lambda m: (resolver.document_order(m.doc), m.start))
    return first.key


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _edit(
    op: str,
    anchors: list[str],
    entities: list[str],
    *,
    mentions: list[str] | None = None,
    value: str | None = None,
    author: str | None = None,
    note: str | None = None,
    type: str | None = None,
) -> Edit:
    return Edit(op, anchors, mentions or [], value, entities, author, note, _now(), type)


def merge(resolver: Resolver, *entity_ids: str, author: str | None = None, note: str | None = None) -> Edit:
    """These entities are one: the first one's id, name and type stand for them all."""
    if len(set(entity_ids)) < 2:
        raise EntityEditError("merge needs two or more different entities")
    anchors = [_anchor(resolver, e) for e in entity_ids]
    first = resolver.entity(entity_ids[0])
    assert first is not None  # _anchor checked it
    return _edit("merge", anchors, list(entity_ids), value=first.name or None, type=first.type or None,
                 author=author, note=note)


def distinct(resolver: Resolver, a: str, b: str, author: str | None = None, note: str | None = None) -> Edit:
    """These two entities are not the same, whatever later evidence says."""
    if a == b:
        raise EntityEditError("an entity cannot be distinct from itself")
    return _edit("distinct", [_anchor(resolver, a), _anchor(resolver, b)], [a, b], author=author, note=note)


def split(
    resolver: Resolver,
    entity_id: str,
    mention_keys: list[str],
    author: str | None = None,
    note: str | None = None,
) -> Edit:
    """Move these mentions out of the entity into a new one (and keep them out)."""
    entity = resolver.entity(entity_id)
    if entity is None:
        raise EntityEditError(f"no entity {entity_id!r}")
    keys = {m.key for m in entity.mentions}
    unknown = [k for k in mention_keys if k not in keys]
    if unknown or not mention_keys:
        raise EntityEditError(f"mentions not in {entity_id}: {', '.join(unknown) or '(none given)'}")
    if len(set(mention_keys)) == len(keys):
        raise EntityEditError("a split must leave at least one mention behind")
    remaining = sorted(
        keys - set(mention_keys), key=lambda k: (resolver.document_order(k.rsplit(":", 1)[0]), k)
    )
    # The anchor is a name left behind when there is one: a pronoun or description refers
    # through its chain's names and may follow them out (``Resolver._prepare``).
    names = {m.key for m in entity.mentions if m.kind == "name"}
    anchor = next((k for k in remaining if k in names), remaining[0])
    return _edit(
        "split", [anchor], [entity_id], mentions=sorted(mention_keys), author=author, note=note
    )


def rename(
    resolver: Resolver, entity_id: str, name: str, author: str | None = None, note: str | None = None
) -> Edit:
    if not name.strip():
        raise EntityEditError("a name cannot be empty")
    return _edit(
        "rename", [_anchor(resolver, entity_id)], [entity_id], value=name.strip(), author=author, note=note
    )


def add_alias(
    resolver: Resolver, entity_id: str, alias: str, author: str | None = None, note: str | None = None
) -> Edit:
    if not alias.strip():
        raise EntityEditError("an alias cannot be empty")
    return _edit(
        "alias_add",
        [_anchor(resolver, entity_id)],
        [entity_id],
        value=alias.strip(),
        author=author,
        note=note,
    )


def remove_alias(
    resolver: Resolver, entity_id: str, alias: str, author: str | None = None, note: str | None = None
) -> Edit:
    entity = resolver.entity(entity_id)
    if entity is None:
        raise EntityEditError(f"no entity {entity_id!r}")
    if alias not in entity.aliases:
        raise EntityEditError(f"{alias!r} is not an alias of {entity_id}")
    return _edit(
        "alias_remove", [_anchor(resolver, entity_id)], [entity_id], value=alias, author=author, note=note
    )


def retype(
    resolver: Resolver, entity_id: str, etype: str, author: str | None = None, note: str | None = None
) -> Edit:
    """The entity is of this type (one of ``ENTITY_TYPES``), whatever its mentions voted."""
    etype = etype.strip().upper()
    if etype not in ENTITY_TYPES:
        raise EntityEditError(f"unknown entity type {etype!r}; expected one of {', '.join(ENTITY_TYPES)}")
    return _edit("retype", [_anchor(resolver, entity_id)], [entity_id], value=etype, author=author, note=note)
