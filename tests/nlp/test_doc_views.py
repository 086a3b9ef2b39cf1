"""The whole-Doc views computed once (issue 14, item 3) answer exactly what spaCy answers."""

from __future__ import annotations

from newsgraph.model import Document
from newsgraph.nlp.annotate import annotate
from newsgraph.nlp.doc_views import doc_ents, doc_text, ent_at, span_ents

TEXT = ("Police arrested two men in Berlin on Monday, a spokesman for the city said. "
        "The European Union's envoy met officials in Brussels. Mira Dostan of the Port Anselm "
        "union spoke to Reuters in London and Paris on Friday 4 March 2021.\n\n"
        "Tomas Kerrigan said the talks would resume in New York next week.")


def test_views_equal_spacys_own_answers():
    (adoc,) = annotate([Document(id="d", path="d", text=TEXT, language="en")])
    doc = adoc.doc
    assert doc_text(doc) == doc.text and doc_text(doc) is doc_text(doc)  # joined once
    assert list(doc_ents(doc)) == list(doc.ents)
    for tok in doc:
        expected = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
        assert ent_at(tok) == expected
    spans = [*doc.sents, doc[0:5], doc[3:30], doc[10:11], doc[:], doc[5:5]]
    for span in spans:
        assert span_ents(span) == list(span.ents)
