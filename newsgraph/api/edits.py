"""Analyst entity edits from the web UI and the JSON API: validate, take the one writer, apply.

Both the entity page's forms and ``POST /api/entities/edits`` end here. The edit is
built by ``resolve.entities.edits`` (which checks it against the resolver's current
state and says why it cannot bind) and applied by ``CorpusResolver.edit``, which logs
it in ``entity_edits`` and rewrites the entity rows. Pages read through read-only
connections; an edit opens its own writable ``Store`` and takes the store's writer lock
(``store/lock.py``) before it reads the resolver state or writes anything, so an edit
never lands while an upload's ingest in this server or a ``newsgraph ingest`` in another
process is writing: it is refused with E506 and nothing is written (an edit replayed from
a state the running ingest has not saved yet would undo that ingest's work).
"""

from __future__ import annotations

import re
from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import Any

from newsgraph.api.config import ApiConfig
from newsgraph.api.errors import ApiError
from newsgraph.api.jobs import IngestJobs
from newsgraph.errors import StoreError
from newsgraph.model import EDIT_OPS, Edit
from newsgraph.resolve.entities import edits as builders
from newsgraph.resolve.entities.edits import EntityEditError
from newsgraph.resolve.entities.resolver import Resolver
from newsgraph.store import Store
from newsgraph.store import entity_queries as q

__all__ = ["AppliedEdit", "Picked", "apply_edit", "build_edit", "pick_entities", "split_ids",
           "withdraw_edit"]

#: An entity id as typed or as the name suggestions fill it in ("Lee Min-ho [E3488e19923a8c7de]").
_ENTITY_ID = re.compile(r"\bE[0-9a-f]{16}\b")


@dataclass(slots=True)
class AppliedEdit:
    edit: Edit
    #: Entity ids the edit's anchors belong to now (the merged entity, the split halves…).
    entities: list[str]
    #: The entity the first anchor belongs to now: where the analyst goes next.
    primary: str | None


def split_ids(text: str | None) -> list[str]:
    """Entity ids typed into a form field: separated by spaces or commas."""
    return [p for p in (text or "").replace(",", " ").split() if p]


@dataclass(slots=True)
class Picked:
    """What a form's entity field named: the ids, or (when a name is not one entity's) the
    candidates to choose from."""

    ids: list[str]
    name: str | None = None  # the name typed, when it did not name exactly one entity
    exact: list[dict[str, Any]] = field(default_factory=list)
    near: list[dict[str, Any]] = field(default_factory=list)


def pick_entities(store: Store, text: str | None, *, exclude: str | None = None) -> Picked:
    """The entities a form field names: ids (``E…``, as typed or filled in by the name
    suggestions), or one name — spaces and all — matched to a name or alias up to case.
    A name several entities carry, or none, yields the candidates instead of ids."""
    text = (text or "").strip()
    ids = _ENTITY_ID.findall(text)
    if ids:
        return Picked(list(dict.fromkeys(ids)))
    if not text:
        return Picked([])
    exact, near = q.entities_named(store, text)
    exact = [e for e in exact if e["id"] != exclude]
    near = [e for e in near if e["id"] != exclude]
    if len(exact) == 1:
        return Picked([exact[0]["id"]])
    return Picked([], text, exact, near)


def build_edit(resolver: Resolver, op: str, entities: list[str], *, value: str | None = None,
               mentions: list[str] | None = None, author: str | None = None,
               note: str | None = None) -> Edit:
    """The ``Edit`` statement for ``op`` over ``entities`` (raises ``EntityEditError``)."""
    if op not in EDIT_OPS:
        raise EntityEditError(f"unknown edit {op!r}; expected one of {', '.join(EDIT_OPS)}")
    if not entities:
        raise EntityEditError("name at least one entity")
    first = entities[0]
    if op == "merge":
        return builders.merge(resolver, *entities, author=author, note=note)
    if op == "distinct":
        if len(entities) != 2:
            raise EntityEditError("distinct takes exactly two entities")
        return builders.distinct(resolver, entities[0], entities[1], author=author, note=note)
    if len(entities) != 1:
        raise EntityEditError(f"{op} takes one entity")
    if op == "split":
        return builders.split(resolver, first, list(mentions or []), author=author, note=note)
    if value is None or not value.strip():
        raise EntityEditError(f"{op} needs a value (the name, alias or type)")
    if op == "retype":
        return builders.retype(resolver, first, value, author=author, note=note)
    if op == "rename":
        return builders.rename(resolver, first, value, author=author, note=note)
    if op == "alias_add":
        return builders.add_alias(resolver, first, value, author=author, note=note)
    return builders.remove_alias(resolver, first, value, author=author, note=note)


def apply_edit(config: ApiConfig, jobs: IngestJobs, op: str, entities: list[str], *,
               value: str | None = None, mentions: list[str] | None = None,
               author: str | None = None, note: str | None = None) -> AppliedEdit:
    """Build, log and apply one edit; invalid edits are 422 (E601 with the reason)."""
    from newsgraph.resolve_job import CorpusResolver  # the resolvers pull in heavy modules

    with jobs.writer(), Store(config.db_path) as store, ExitStack() as held:
        try:  # never queued behind an ingest that may run for hours: refused, nothing written
            held.enter_context(store.writer("entity edit from the web server", wait=0))
        except StoreError as exc:
            raise ApiError(409, "E506", f"{exc.reason.split(';')[0]}: the edit was not applied; "
                                        "try again when it ends") from exc
        corpus = CorpusResolver(store)
        try:
            edit = build_edit(corpus.entities, op, entities, value=value, mentions=mentions,
                              author=author, note=note)
        except EntityEditError as exc:
            raise ApiError(422, "E601", exc.reason) from exc
        changes = corpus.edit(edit)
        touched = [c.entity for c in changes]
        return AppliedEdit(edit, touched, corpus.entities.entity_of(edit.anchors[0]))



def withdraw_edit(config: ApiConfig, jobs: IngestJobs, edit_id: str) -> list[str]:
    """Withdraw a logged edit (an undo): resolution forgets it, the log keeps it as withdrawn.
    Returns the entities its anchors belong to afterwards."""
    from newsgraph.resolve_job import CorpusResolver

    with jobs.writer(), Store(config.db_path) as store, ExitStack() as held:
        try:
            held.enter_context(store.writer("edit withdrawal from the web server", wait=0))
        except StoreError as exc:
            raise ApiError(409, "E506", f"{exc.reason.split(';')[0]}: the edit was not withdrawn; "
                                        "try again when it ends") from exc
        logged = q.logged_edit(store, edit_id)
        if logged is None:
            raise ApiError(404, "E503", f"no edit with id {edit_id!r}")
        if logged.withdrawn:
            raise ApiError(422, "E601", f"edit {edit_id} was already withdrawn at {logged.withdrawn}")
        corpus = CorpusResolver(store)
        corpus.withdraw(edit_id)
        edit = logged.edit
        owners = [corpus.entities.entity_of(k) for k in edit.anchors + edit.mentions]
        return list(dict.fromkeys(o for o in owners if o))
