"""Text views the linkers share: words with offsets, sentences, shingles, facts.

Linking runs on thousands of documents, so it works on a cheap regex tokenisation of
``Document.text`` rather than the spaCy parse; sentence boundaries come from the
annotator when the caller has them and from a punctuation splitter otherwise.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from newsgraph.model.document import AnnotatedDocument, Document

__all__ = ["DocView", "Word", "as_view", "normalise"]

_WORD = re.compile(r"\w+(?:[’'.\-]\w+)*", re.UNICODE)
# Sentence end: . ! ? (optionally followed by a closing quote) then space and an
# uppercase letter (Latin with accents, Greek, Cyrillic), digit or opening quote
# (« for French); or a blank line.
_SENT_END = re.compile(r"(?<=[.!?])[\"”’'»]?\s+(?=[\"“‘'«„(A-Z0-9À-ÖØ-ÞΑ-ΩА-Я])|\n\s*\n")
_NUMBER = re.compile(r"\b\d[\d,.]*\b")
_QUOTE = re.compile(r"[\"“”]([^\"“”]{12,400})[\"“”]")
# Quotations in guillemets (French « … », German » … « and „ … “).
_GUILLEMETS = re.compile(r"«\s*([^«»]{12,400}?)\s*»|„([^„“”]{12,400})[“”]")
_CAPWORD = re.compile(r"\b[A-Z][\w’'\-]+(?:\s+(?:[A-Z][\w’'\-]+|of|de|al|bin))*")


def normalise(text: str) -> str:
    """Case-, accent-, punctuation- and whitespace-insensitive form used for exact duplicates."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_WORD.findall(text))


@dataclass(slots=True)
class Word:
    start: int
    end: int
    norm: str


@dataclass
class DocView:
    """What the linkers need of one document, computed once."""

    id: str
    text: str
    title: str
    published: str | None
    publisher: str | None
    attributed_to: list[str]
    words: list[Word]
    sentences: list[tuple[int, int]]
    entities: set[str] = field(default_factory=set)
    source: Any = None
    #: ISO 639-1 code the cleaner detected (None: unknown, read as English).
    language: str | None = None

    @property
    def english(self) -> bool:
        """Whether the English-only tools (WordLlama vectors) read this document."""
        return self.language is None or self.language == "en"

    @property
    def norms(self) -> list[str]:
        return [w.norm for w in self.words]

    def sentence_texts(self) -> list[str]:
        return [self.text[s:e] for s, e in self.sentences]

    def content_hash(self) -> str:
        """SHA-1 of the normalised text (cached: exact-duplicate lookups call it often)."""
        cached = self.__dict__.get("_hash")
        if cached is None:
            cached = self.__dict__["_hash"] = hashlib.sha1(normalise(self.text).encode("utf-8")).hexdigest()
        return cached

    def lead(self, n_words: int) -> str:
        """The text up to its ``n_words``-th word (``lead_text``: the word list not needed)."""
        return lead_text(self.text, n_words)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans by punctuation (used when the annotator's sentences are absent)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        seg = text[s:e]
        lstrip = len(seg) - len(seg.lstrip())
        rstrip = len(seg) - len(seg.rstrip())
        if seg.strip():
            out.append((s + lstrip, e - rstrip))
    return out


def words_of(text: str) -> list[Word]:
    return [Word(m.start(), m.end(), m.group().casefold()) for m in _WORD.finditer(text)]


def lead_text(text: str, n_words: int) -> str:
    """The text up to its ``n_words``-th word (``n_words`` ≥ 1), found without building the
    word list (``words_of``)."""
    ends = [m.end() for m in islice(_WORD.finditer(text), n_words + 1)]
    return text if len(ends) <= n_words else text[: ends[n_words - 1]]


def as_view(doc: Document | AnnotatedDocument | DocView, entities: set[str] | None = None,
            *, with_words: bool = True) -> DocView:
    """Build (or pass through) the view of a Document or AnnotatedDocument.

    ``entities`` (resolved entity keys) overrides the mention texts an
    AnnotatedDocument carries; with neither, capitalised word runs stand in.
    ``with_words=False`` leaves the word list empty (for a caller that reads only the
    sentences: a document's words are thousands of objects).
    """
    if isinstance(doc, DocView):
        if entities is not None:
            doc.entities = set(entities)
        return doc
    ann = doc if isinstance(doc, AnnotatedDocument) else None
    d = ann.document if ann else doc
    assert isinstance(d, Document)
    text = d.text or ""
    if ann and ann.sentences:
        sentences = [(s.start, s.end) for s in ann.sentences if text[s.start:s.end].strip()]
    else:
        sentences = split_sentences(text)
    if entities is None:
        if ann and ann.mentions:
            entities = {normalise(m.text) for m in ann.mentions if m.label in _ENTITY_LABELS}
        else:
            entities = capitalised_names(text)
    return DocView(
        id=d.id, text=text, title=d.title or "", published=d.published, publisher=d.publisher,
        attributed_to=list(d.attributed_to), words=words_of(text) if with_words else [], sentences=sentences,
        entities=set(entities), source=doc, language=d.language,
    )


_ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}


def capitalised_names(text: str) -> set[str]:
    """Capitalised word runs not at a sentence start: a crude stand-in for entity mentions."""
    names: set[str] = set()
    for m in _CAPWORD.finditer(text):
        before = text[max(0, m.start() - 2): m.start()]
        name = m.group()
        if (not before.strip() or before.strip()[-1:] in ".!?\"“") and " " not in name:
            continue  # a single capitalised word opening a sentence is usually not a name
        names.add(normalise(name))
    return names


def numbers(text: str) -> list[tuple[int, int, str]]:
    """Numbers with offsets, normalised (``1,200`` → ``1200``); years and counts alike."""
    out = []
    for m in _NUMBER.finditer(text):
        v = m.group().rstrip(".,").replace(",", "")
        if v:
            out.append((m.start(), m.start() + len(m.group().rstrip(".,")), v))
    return out


def quotes(text: str) -> list[tuple[int, int, str]]:
    """Direct quotations (content between double quotes) with offsets."""
    return [(m.start(1), m.end(1), normalise(m.group(1))) for m in _QUOTE.finditer(text)]


def any_quotes(text: str) -> list[tuple[int, int, str]]:
    """Quotations between double quotes or guillemets (« », „ “), in text order."""
    found = quotes(text)
    for m in _GUILLEMETS.finditer(text):
        g = 1 if m.group(1) is not None else 2
        found.append((m.start(g), m.end(g), normalise(m.group(g))))
    return sorted(found)
