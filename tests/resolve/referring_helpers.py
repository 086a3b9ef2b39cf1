"""Helpers of the pronoun and description tests: what each kept link points to, and chains of
names built by hand."""

from __future__ import annotations

from newsgraph.extract.claims import extract_claims
from newsgraph.model import Document
from newsgraph.nlp.annotate import annotate
from newsgraph.resolve.entities.within import Chain, ChainMention, chain_document


def linked_names(text: str) -> dict[tuple[str, int], str]:
    """Each kept pronoun or description (text, offset) → the first name of its chain."""
    adoc = next(annotate([Document(id="d", path="d.txt", text=text)]))
    extract_claims(adoc)
    out = {}
    for c in chain_document(adoc):
        names = [m.text for m in c.mentions if m.kind == "name"]
        for m in c.mentions:
            if m.kind != "name" and m.rule and names:
                out[(m.text, m.start)] = names[0]
    return out


def name_chain(*names: tuple[str, str], title: str = "", descriptors: tuple[str, ...] = ()) -> Chain:
    """A chain of these (text, label) names, 100 characters apart."""
    return Chain(doc="d", mentions=[ChainMention(i * 100, i * 100 + len(t), t, label, i, "name", title=title,
                                                 descriptors=list(descriptors))
                                    for i, (t, label) in enumerate(names)])
