"""Who speaks each direct quotation of a document, for stages that read the quotation's words.

Owns ``quotation_sources(adoc) -> list[QuotationSource]``: the claims this package finds
for direct quotations (``extract``: a quotation paired with its cue in the same sentence,
a cue line before or after, or the previous quotation's speaker continued), reduced to
what a reader of "I" or "we" inside the quotation needs — the quotation's inner span, the
speaker span, its kind (named / pronoun / role / anonymous / collective) and, for a
pronoun or role speaker, the name the claims stage resolved it to. Computed once per
parse (kept in the spaCy ``Doc``'s ``user_data``).
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.extract.claims.extract import extract_claims
from newsgraph.model.document import AnnotatedDocument

__all__ = ["QuotationSource", "quotation_sources"]

_SLOT = ("newsgraph.claims", "quotation_sources")


@dataclass(frozen=True, slots=True)
class QuotationSource:
    """A direct quotation ``[start, end)`` (inside its marks) and who the claims stage says
    speaks it: ``speaker`` span, ``kind``, and ``ref`` the name a pronoun or role stands for."""

    start: int
    end: int
    speaker: tuple[int, int]
    kind: str
    ref: tuple[int, int] | None
    rule: str


def quotation_sources(adoc: AnnotatedDocument) -> list[QuotationSource]:
    """The direct quotations of ``adoc`` that have a speaker, in text order ([] without a parse)."""
    doc = adoc.doc
    if doc is None or not adoc.annotated:
        return []
    if _SLOT not in doc.user_data:
        out = []
        for c in extract_claims(adoc):
            if c.quote_type != "direct" or c.speaker is None:
                continue
            ref = (c.speaker_ref.start, c.speaker_ref.end) if c.speaker_ref is not None else None
            out.append(QuotationSource(c.content.start, c.content.end, (c.speaker.start, c.speaker.end),
                                       c.speaker_kind or "", ref, c.rule.split(";")[0]))
        doc.user_data[_SLOT] = out
    return list(doc.user_data[_SLOT])
