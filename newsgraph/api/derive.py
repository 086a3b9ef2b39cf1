"""The API's response models made from the ``newsgraph.model`` records (issue 16: one
declaration per record).

``schema("DocumentModel", Document, …)`` is a pydantic model whose fields are the record's
own, in the record's order and with the record's types, so a field added to the record
reaches ``/openapi.json`` and the answers without a second edit. What the API says
otherwise is stated as a difference, not as a copy:

- ``omit`` leaves record fields out (internal links such as an entity mention's ``entity``);
  ``only`` takes a projection by name (a summary).
- ``nested`` names the schema a nested record becomes (``RemovedBlock`` → ``RemovedBlockModel``);
  a record left unnamed is an error, so the OpenAPI components keep their names.
- ``fields`` overrides a field's type (the API embeds a sentence where the record keeps its
  index) or adds one the store computes (``chars``), as ``pydantic.create_model`` takes them.
- ``describe`` adds descriptions; ``defaults`` keeps the record's default for those fields
  (every other field is required: an answer always carries it).
"""

from __future__ import annotations

import dataclasses
import functools
import operator
import sys
import types
import typing
from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import BaseModel, Field, create_model

from newsgraph.model.projection import field_names, record_types

__all__ = ["schema"]


def _swap(tp: Any, nested: Mapping[type, type[BaseModel]], where: str) -> Any:
    """``tp`` with every record type in it replaced by its schema."""
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        if tp not in nested:
            raise TypeError(f"{where}: no schema named for the nested record {tp.__name__}")
        return nested[tp]
    args = typing.get_args(tp)
    if not args:
        return tp
    swapped = tuple(_swap(a, nested, where) for a in args)
    origin = typing.get_origin(tp)
    if origin in (types.UnionType, typing.Union):
        return functools.reduce(operator.or_, swapped)
    if origin is typing.Literal:
        return tp
    return origin[swapped]


def _default(record: type, name: str) -> Any:
    f = next(f for f in dataclasses.fields(record) if f.name == name)
    if f.default is not dataclasses.MISSING:
        return {"default": f.default}
    if f.default_factory is not dataclasses.MISSING:
        return {"default_factory": f.default_factory}
    raise ValueError(f"{record.__name__}.{name} has no default to keep")


def schema(name: str, record: type, only: Iterable[str] | None = None, *, omit: Iterable[str] = (),
           nested: Mapping[type, type[BaseModel]] | None = None, fields: Mapping[str, Any] | None = None,
           describe: Mapping[str, str] | None = None, defaults: Iterable[str] = (),
           base: type[BaseModel] = BaseModel, doc: str | None = None) -> type[BaseModel]:
    """A pydantic model ``name`` of the fields of the dataclass ``record`` (see the module)."""
    hints = record_types(record)
    nested, fields, describe = dict(nested or {}), dict(fields or {}), dict(describe or {})
    defaults = set(defaults)
    spec: dict[str, Any] = {}
    for n in field_names(record, only, omit):
        if n in base.model_fields:  # a derived base (a summary) declares it already
            continue
        if n in fields:
            spec[n] = fields.pop(n)
            continue
        keep = _default(record, n) if n in defaults else {}
        spec[n] = (_swap(hints[n], nested, f"{name}.{n}"), Field(**keep, description=describe.pop(n, None)))
    spec.update(fields)  # fields the record does not have, after its own
    unused = sorted(set(describe) | (defaults - set(spec)))
    if unused:
        raise ValueError(f"{name}: described or defaulted fields it does not derive: {', '.join(unused)}")
    caller = sys._getframe(1).f_globals.get("__name__", __name__)
    return create_model(name, __base__=base, __doc__=doc, __module__=caller, **spec)
