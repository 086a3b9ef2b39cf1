"""Dataclasses made of some of a record's own fields, so no field is declared twice.

A store's summary or a page's row that shows fields of a ``newsgraph.model`` record takes
their names, types and order from the record instead of declaring them again::

    DocumentRow = project("DocumentRow", Document, DOCUMENT_SUMMARY, extra=[("url", str)])

Adding a field to the record (and, for a projection by name, to the tuple of names it
shows) is then the only edit. The fields come in the record's order, then the extra ones:
build a projected row with keywords (``DocumentRow(id=…, url=…)``), so a field added to the
record moves no argument.
"""

from __future__ import annotations

import dataclasses
import sys
import typing
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["field_names", "filled", "project", "record_types"]


def record_types(record: type) -> dict[str, Any]:
    """Each field of the dataclass ``record`` and its type (resolved), in declaration order."""
    hints = typing.get_type_hints(record)
    return {f.name: hints[f.name] for f in dataclasses.fields(record)}


def field_names(record: type, only: Iterable[str] | None = None, omit: Iterable[str] = ()) -> list[str]:
    """``only`` (checked against the record, in the order given), else every field but ``omit``."""
    known = [f.name for f in dataclasses.fields(record)]
    if only is None:
        unknown = sorted(set(omit) - set(known))
        names = [n for n in known if n not in set(omit)]
    else:
        names = list(only)
        unknown = [n for n in names if n not in known]
    if unknown:
        raise ValueError(f"{record.__name__} has no field {', '.join(unknown)}")
    return names


def project(name: str, record: type, only: Iterable[str] | None = None, *, omit: Iterable[str] = (),
            types: Mapping[str, Any] | None = None, extra: Iterable[tuple[Any, ...]] = (),
            doc: str | None = None) -> type:
    """A slotted dataclass ``name`` with the fields of ``record`` named by ``only``
    (or all but ``omit``), typed as the record types them (``types`` overrides a shown field's
    type, for a view that shows it otherwise), followed by ``extra`` fields given as
    ``dataclasses.make_dataclass`` takes them: ``(name, type)`` or ``(name, type, field(...))``."""
    hints = record_types(record)
    types = dict(types or {})
    spec: list[tuple[Any, ...]] = [(n, types.pop(n, hints[n])) for n in field_names(record, only, omit)]
    if types:
        raise ValueError(f"{name}: types given for fields it does not show: {', '.join(types)}")
    cls = dataclasses.make_dataclass(name, [*spec, *extra], slots=True)
    # The class belongs to the module that projected it (repr, pickling, error messages).
    caller = sys._getframe(1).f_globals.get("__name__", __name__)
    cls.__module__ = caller
    cls.__doc__ = doc or f"{name}: fields of {record.__name__} ({', '.join(n for n, *_ in spec)}) and more."
    return cls


#: The value a field of a row read from an older store takes when the record has no default.
_EMPTY: dict[Any, Any] = {float: 0.0, int: 0, str: "", bool: False, list: [], dict: {}}


def filled(record: type, data: Mapping[str, Any], names: Iterable[str]) -> dict[str, Any]:
    """``names`` taken from ``data`` (a record as the store returns it); a field it lacks — a
    store written before the field existed — takes the record's default, else the empty value
    of its type (0.0, "", [] …), else None."""
    fields = {f.name: f for f in dataclasses.fields(record)}
    hints = record_types(record)
    out: dict[str, Any] = {}
    for n in names:
        if n in data:
            out[n] = data[n]
            continue
        f = fields[n]
        if f.default is not dataclasses.MISSING:
            out[n] = f.default
        elif f.default_factory is not dataclasses.MISSING:
            out[n] = f.default_factory()
        else:
            empty = _EMPTY.get(typing.get_origin(hints[n]) or hints[n])
            out[n] = type(empty)() if isinstance(empty, list | dict) else empty
    return out
