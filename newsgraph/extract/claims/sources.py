"""Who speaks each direct quotation of a document, for stages that read the quotation's words.

Owns ``quotation_sources(adoc) -> list[QuotationSource]``: the direct quotations the
claims of this package (``extract``) pair with a speaker — the quotation's inner span, the
speaker span, its kind (named / pronoun / role / anonymous / collective) and, for a
pronoun or role speaker, the name the claims stage resolved it to
(``model.claims.quotation_sources``). ``extract_claims`` records them on the document
(``AnnotatedDocument.quotations``) as it runs; this extracts the claims when that has not
happened yet (a caller that chains entities without the rest of extraction).
"""

from __future__ import annotations

from newsgraph.extract.claims.extract import extract_claims
from newsgraph.model.claims import QuotationSource
from newsgraph.model.document import AnnotatedDocument

__all__ = ["QuotationSource", "quotation_sources"]


def quotation_sources(adoc: AnnotatedDocument) -> list[QuotationSource]:
    """The direct quotations of ``adoc`` that have a speaker, in text order ([] without a parse)."""
    if adoc.doc is None or not adoc.annotated:
        return []
    if adoc.quotations is None:
        extract_claims(adoc)
    return list(adoc.quotations or [])
