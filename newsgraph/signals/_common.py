"""Small helpers the signal modules share."""

from __future__ import annotations

from typing import Any

from newsgraph.model.document import AnnotatedDocument, Document

__all__ = ["field_of", "split_doc"]


def split_doc(doc: Document | AnnotatedDocument) -> tuple[Document, AnnotatedDocument | None]:
    if isinstance(doc, AnnotatedDocument):
        return doc.document, doc
    return doc, None


def field_of(obj: Any, name: str, default: Any = None) -> Any:
    """A field of a record given as a dataclass, an object or a dict (claims from any stage)."""
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)
