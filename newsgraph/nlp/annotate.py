"""The annotate stage: sentences and named-entity mentions over the clean text.

spaCy does the work (the package ``settings.model_for(language)`` names: English's
``settings.SPACY_MODEL``, or a language's own pipeline from ``settings.LANGUAGE_MODELS``
such as French's; each loaded once per process, on the first document that needs it, and
run with ``nlp.pipe`` in batches of one language). What we add on top is what the model does
not do for news: mention text trimmed of possessives and trailing punctuation
("Canada’s" → "Canada", "Lee Min-hos Canada" → "Lee Min-ho") with
offsets moved to match — never past what the parse shows is part of the name (the
period of "U.S.", the "s" of "Italians" and "the Olympics"), a person's name cut at a spaced dash the
tagger ran over, a one-word "person" the text treats as a club or a company retyped
(``nlp.person_types``), an untagged exact repeat of a name tagged elsewhere in the document
labelled as it was there (``nlp.repeated_names``) — and a refusal to feed
text to a model of another language: a document in a language no installed pipeline
reads is read partially instead (``nlp.partial``: sentences, names by capitalisation; its
dates and places come in ``facts``), and stays searchable. A French parse's
labels (PER/LOC/ORG/MISC) are mapped onto the project's types by ``nlp.french``.
Pronouns and definite descriptions that may stand for a named entity come with the names
(``nlp.referring``; ``AnnotatedDocument.references``), for entity resolution to link —
for English only: its rules are English words and English dependency labels, so a French
document offers none (abstaining, rather than English rules on French text).

Length never reaches spaCy's own limit (its E088 used to take a whole batch down):
a text over ``Options.max_chars`` is refused (E302); one over ``Options.section_chars``
is parsed in sections cut at paragraph breaks and the parses joined into one ``Doc``,
so offsets, sentences and mentions are those of the whole text (``annotate_each``).
An error spaCy raises is narrowed down to the document that caused it (E305).
"""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from newsgraph import budget as budgets
from newsgraph import settings
from newsgraph.budget import Budget
from newsgraph.errors import AnnotateError
from newsgraph.model import ENTITY_TYPES, AnnotatedDocument, Document, Mention, Sentence
from newsgraph.nlp.french import french_mentions
from newsgraph.nlp.headline import recase_title
from newsgraph.nlp.partial import read_partially
from newsgraph.nlp.person_types import retype_bodies
from newsgraph.nlp.referring import referring_mentions
from newsgraph.nlp.repeated_names import tag_repeats
from newsgraph.nlp.sections import split_sections
from newsgraph.nlp.spacy_speed import speed_up

__all__ = ["annotate", "annotate_each", "load_model", "pipeline_language", "trim_mention"]

log = logging.getLogger(__name__)

# "’s", "'s" and a bare trailing apostrophe ("Reuters'").
_POSSESSIVE = re.compile(r"(?:['’`]s|['’`])$")
#: Dependency labels of a word that modifies the noun after it, as a genitive does.
_MODIFIER_DEPS = frozenset({"poss", "compound", "nmod", "amod"})
#: A dash with a space either side: punctuation between phrases, never inside a name.
_SPACED_DASH = re.compile(r"\s[-–—]\s")
_TRIM_CHARS = " \t\r\n.,;:!?\"'“”‘’«»()[]{}<>|/-–—*•"


def load_model(language: str | None = None, *, stock: bool = False) -> Any:
    """The spaCy pipeline that reads ``language`` (English's when None), loaded once per
    process on first use; a clear error (E301) if its package is missing.

    Its attribute ruler and lemmatizer reach their annotations the cheaper way of
    ``nlp.spacy_speed`` (the same annotations); ``stock`` gives the pipeline exactly as
    ``spacy.load`` gives it (the benchmarks' bare spaCy reference)."""
    name = settings.model_for(language)
    return _load(name, True) if stock else _load(name)


@lru_cache(maxsize=4)
def _load(name: str, stock: bool = False) -> Any:
    """Load the spaCy pipeline ``name`` once per process; a clear error if the package is missing.

    A model packaged for an earlier spaCy minor version loads with warning W095 ("may
    not be 100% compatible"); ``newsgraph bench ner`` measures the one we ship, so the
    warning is logged at debug level rather than shown to every user.
    """
    try:
        import spacy

        with warnings.catch_warnings(record=True) as caught:
            warnings.filterwarnings("always", message=r"\[W095\]")
            nlp = spacy.load(name)
        for w in caught:
            if "[W095]" in str(w.message):
                log.debug("%s", w.message)
            else:  # any other warning is news: pass it on
                warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
        return nlp if stock else speed_up(nlp)
    except OSError as exc:  # spaCy raises OSError [E050] for a missing package
        package = (settings.SPACY_MODEL_PACKAGES.get(name) or settings.LANGUAGE_MODEL_PACKAGES.get(name)
                   or name)
        raise AnnotateError(
            f"spaCy model {name!r} is not installed: pip install {package} ({exc})",
            code="E301",
        ) from exc


def trim_mention(text: str, start: int, end: int, seen: dict[str, bool] | None = None, *,
                 keep_end: int | None = None, genitive: bool = False) -> tuple[int, int]:
    """Shrink ``[start, end)`` past surrounding punctuation and a trailing possessive.

    ``keep_end`` is where the span's last word ends when its final period is its own
    (an abbreviation the tokenizer kept whole: "U.S.", "Corp.", "N.H."): trimming never
    cuts into it. A genitive glued on without an apostrophe ("Lee Min-hos Canada",
    common in machine translation) is dropped only when ``genitive`` (from the parse,
    see ``_span_evidence``: "Italians said" and "the Olympics in" keep their "s") and
    the name without the "s" also occurs in ``text``: evidence from the document itself
    rather than a guess about which names end in "s". Returns new offsets into the same
    ``text``; an all-punctuation span comes back empty (start == end). ``seen``
    remembers, for one text, which names were looked for already (a long text has many
    of each).
    """
    floor = keep_end if keep_end is not None and start < keep_end <= end else start
    while start < end and text[start] in _TRIM_CHARS:
        start += 1
    floor = max(floor, start)
    while end > floor and text[end - 1] in _TRIM_CHARS:
        end -= 1
    m = _POSSESSIVE.search(text, start, end)
    if m and m.end() == end and m.start() > start:
        end = max(m.start(), floor)
    elif genitive and end - start > 3 and text[end - 1] == "s" and text[end - 2].islower():
        bare = text[start:end - 1]
        found = seen.get(bare) if seen is not None else None
        if found is None:
            found = _occurs_as_word(text, bare)
            if seen is not None:
                seen[bare] = found
        if found:
            end -= 1
    while end > floor and text[end - 1] in _TRIM_CHARS:
        end -= 1
    return start, end


def _last_word(ent: Any) -> Any | None:
    """The entity's last token that is a word: trailing spaces, punctuation and a
    possessive clitic ("'s", "'") skipped; None if there is none."""
    for tok in reversed(ent):
        if tok.is_space or tok.is_punct or tok.tag_ == "POS" or tok.text in ("'s", "’s", "'", "’"):
            continue
        return tok
    return None


def _span_evidence(ent: Any) -> tuple[int | None, bool]:
    """What the parse says about an entity's end: ``keep_end`` and ``genitive`` for
    ``trim_mention``.

    A period the tokenizer left inside the last word is part of an abbreviation (spaCy
    splits a sentence's own full stop off, but keeps "U.S." and "Corp." whole, from its
    tokenizer exceptions). A trailing "s" can be a lost apostrophe only when the last
    word modifies a word after the name, as a genitive does (a ``poss``, ``compound``,
    ``nmod`` or ``amod`` whose head lies beyond the entity: not the subject of a verb
    that follows) with no apostrophe marking it already ("Chechens' homes"), the tagger
    did not read it as a plural, and the entity is not a nationality or group (NORP):
    the "s" of "Chechens" is its plural, and a plural's genitive keeps it.
    """
    word = _last_word(ent)
    if word is None:
        return None, False
    keep_end = word.idx + len(word.text) if len(word.text) > 1 and word.text.endswith(".") else None
    genitive = (ent.label_ != "NORP" and word.tag_ not in ("NNS", "NNPS")
                and word.dep_ in _MODIFIER_DEPS and word.head.i >= ent.end
                and not any(child.tag_ == "POS" for child in word.children))
    return keep_end, genitive


def _occurs_as_word(text: str, phrase: str) -> bool:
    """``phrase`` in ``text`` with no word character either side (regex ``\\w``)."""
    if not phrase:
        return False
    at = text.find(phrase)
    while at >= 0:
        end = at + len(phrase)
        if (at == 0 or not _is_word(text[at - 1])) and (end == len(text) or not _is_word(text[end])):
            return True
        at = text.find(phrase, at + 1)
    return False


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what the re module's Unicode \w matches


def _should_annotate(document: Document) -> str | None:
    """The reason not to annotate, or None to go ahead."""
    if not document.text.strip():
        return "no text"
    if document.language and document.language not in settings.ANNOTATED_LANGUAGES:
        return (
            f"language is {document.language!r}; the installed models read "
            f"{', '.join(settings.ANNOTATED_LANGUAGES)} only"
        )
    return None


def _partially(document: Document) -> bool:
    """A text in a language no installed pipeline reads is read partially (``nlp.partial``)."""
    return bool(document.text.strip()) and document.language not in (None, *settings.ANNOTATED_LANGUAGES)


def _read_partially(document: Document) -> AnnotatedDocument | AnnotateError:
    try:
        return read_partially(document)
    except Exception as exc:  # one odd text must not take its batch down
        log.exception("partial reading failed on %s", document.path)
        return AnnotateError(f"partial reading failed: {type(exc).__name__}: {exc}", path=document.path,
                             code="E305")


def pipeline_language(document: Document) -> str:
    """The language whose pipeline reads ``document``: its own when one is installed
    (``_should_annotate`` let no other through), English when it could not be told."""
    return document.language if document.language in settings.LANGUAGE_MODELS else "en"


def _to_annotated(document: Document, doc: Any, title_doc: Any = None) -> AnnotatedDocument:
    sentences = [Sentence(s.start_char, s.end_char) for s in doc.sents]
    starts = [s.start for s in sentences]
    language = pipeline_language(document)
    if language == "fr":
        mentions = french_mentions(document.text, doc, lambda offset: _sentence_index(starts, offset))
        return AnnotatedDocument(document=document, sentences=sentences, mentions=mentions,
                                 model=settings.model_for(language), doc=doc)
    tag_repeats(doc)
    mentions = [replace(m, sentence=_sentence_index(starts, m.start)) for m in _names(document.text, doc)]
    mentions = retype_bodies(doc, mentions)
    references = referring_mentions(doc, mentions, lambda offset: _sentence_index(starts, offset))
    return AnnotatedDocument(document=document, sentences=sentences, mentions=mentions,
                             model=settings.SPACY_MODEL, doc=doc, references=references,
                             title_mentions=_names(document.title or "", title_doc) if title_doc else [],
                             title_heads=title_heads(title_doc) if title_doc else [])


#: Dependencies of a noun that modifies another noun rather than heading its phrase
#: ("Prison" of "Prison Van", "Queens" of "Queens Woman").
_NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})


def title_heads(title_doc: Any) -> list[tuple[int, int, str, bool]]:
    """The common nouns heading a noun phrase in a parsed title, ``(start, end, lemma,
    plural)``: what a headline's description may be ("Woman Killed …, Driver Charged")."""
    return [(t.idx, t.idx + len(t.text), t.lemma_.lower(), t.tag_ == "NNS")
            for t in title_doc if t.pos_ == "NOUN" and t.dep_ not in _NOUN_MODIFIER_DEPS and t.is_alpha]


def _names(text: str, doc: Any) -> list[Mention]:
    """The model's names in ``doc`` (a parse of ``text``), trimmed (``trim_mention``)."""
    mentions: list[Mention] = []
    seen: dict[str, bool] = {}
    for ent in doc.ents:
        if ent.label_ not in ENTITY_TYPES:
            continue
        keep_end, genitive = _span_evidence(ent)
        ent_end = ent.end_char
        if ent.label_ == "PERSON":
            # A person's name holds no spaced dash: "Arsene Wenger - he's always said" is
            # the name, then the sentence going on (the tagger ran over the dash).
            dash = _SPACED_DASH.search(text, ent.start_char, ent_end)
            if dash is not None:
                ent_end = dash.start()
        start, end = trim_mention(text, ent.start_char, ent_end, seen, keep_end=keep_end,
                                  genitive=genitive)
        if end <= start or not any(ch.isalpha() for ch in text[start:end]):
            continue
        mentions.append(Mention(start=start, end=end, text=text[start:end], label=ent.label_))
    return mentions


def _sentence_index(starts: list[int], offset: int) -> int:
    import bisect

    return max(0, bisect.bisect_right(starts, offset) - 1)


def annotate(documents: Iterable[Document], *, n_process: int = 1,
             batch_size: int = settings.BATCH_SIZE, max_chars: int = settings.MAX_DOCUMENT_CHARS,
             section_chars: int = settings.SECTION_CHARS) -> Iterator[AnnotatedDocument]:
    """Annotate documents in order, streaming; unannotatable ones pass through with a reason.

    ``n_process`` > 1 forks spaCy workers; it pays only on large batches
    (``settings.MULTIPROCESS_MIN_DOCS``), so callers decide. A document that cannot be
    annotated (too long, a spaCy failure) raises its ``AnnotateError``; ``annotate_each``
    hands it back instead and goes on with the rest.
    """
    for item in annotate_each(documents, n_process=n_process, batch_size=batch_size,
                              max_chars=max_chars, section_chars=section_chars):
        if isinstance(item, AnnotateError):
            raise item
        yield item


def annotate_each(documents: Iterable[Document], *, n_process: int = 1,
                  batch_size: int = settings.BATCH_SIZE, max_chars: int = settings.MAX_DOCUMENT_CHARS,
                  section_chars: int = settings.SECTION_CHARS,
                  budget: Callable[[Document], Budget] | None = None,
                  ) -> Iterator[AnnotatedDocument | AnnotateError]:
    """One result per document, in order: its annotation, or the error that stopped it.

    A text over ``max_chars`` is refused (E302) before spaCy sees it. A text over
    ``section_chars`` is parsed in sections cut at paragraph breaks (``nlp.sections``),
    one section per spaCy call, and the parses are joined into one ``Doc`` over the
    whole text, so every offset still points into the clean text. Other texts go to
    spaCy in batches of at most ``batch_size`` texts and ``settings.ANNOTATE_BATCH_CHARS``
    characters. ``budget`` gives a document's ``Budget``: it is first asked for when
    the document's parsing starts, and checked after each section (``newsgraph.budget``).
    An error spaCy raises on a batch is narrowed down to its document (E305).
    """
    docs = list(documents)
    results: dict[int, AnnotatedDocument | AnnotateError] = {}
    units: list[_Unit] = []
    for i, d in enumerate(docs):
        reason = _should_annotate(d)
        if reason is not None and not _partially(d):
            results[i] = AnnotatedDocument(document=d, annotated=False, reason=reason)
        elif max_chars > 0 and len(d.text) > max_chars:
            results[i] = AnnotateError(
                f"the clean text is {len(d.text):,} characters, over the {max_chars:,}-character "
                "limit of annotation (--max-chars raises it; splitting the file works too)",
                path=d.path, code="E302")
        elif reason is not None:
            results[i] = _read_partially(d)
        else:
            spans = split_sections(d.text, max(2, section_chars))
            units.extend(_Unit(i, a, b, len(spans) > 1, pipeline_language(d)) for a, b in spans)
    pending: dict[int, list[Any]] = {}
    next_out = 0
    for group in _groups(units, docs, 1 << 30 if n_process > 1 else batch_size, n_process):
        if budget is not None:
            for u in group:
                if u.start == 0:
                    budget(docs[u.doc]).pause()  # its clock runs only for its own work
        texts = [docs[u.doc].text[u.start:u.end] for u in group]
        # Each English document's title is parsed with its text's last section, in the same
        # batch: the names of its headline (``AnnotatedDocument.title_mentions``).
        titled = [u for u in group if u.end == len(docs[u.doc].text) and _title_to_parse(docs[u.doc])]
        load_model(group[0].language)  # loaded once per process: no document's time
        began = budgets.clock()
        parses = _parse(texts + [recase_title(docs[u.doc].title or "", docs[u.doc].text) for u in titled],
                        batch_size, n_process, group[0].language)
        if budget is not None:
            # The batch is parsed as one: each section is charged its share by length.
            took, total = budgets.clock() - began, max(1, sum(len(t) for t in texts))
            for u, text in zip(group, texts, strict=True):
                budget(docs[u.doc]).charge(took * len(text) / total)
        title_docs = {u.doc: p for u, p in zip(titled, parses[len(texts):], strict=True)
                      if not isinstance(p, Exception)}
        for u, parsed in zip(group, parses[:len(texts)], strict=True):
            i, d = u.doc, docs[u.doc]
            if i in results:  # an earlier section failed: the rest of the text is skipped
                continue
            if isinstance(parsed, Exception):
                results[i] = AnnotateError(f"spaCy failed on this text: {type(parsed).__name__}: "
                                           f"{parsed}", path=d.path, code="E305")
                pending.pop(i, None)
                continue
            pending.setdefault(i, []).append(parsed)
            try:
                if budget is not None:
                    budget(d).check(f"annotation, after {u.end:,} of {len(d.text):,} characters")
                if u.end == len(d.text):  # its last section
                    if budget is not None:
                        budget(d).resume()
                    results[i] = _finish(d, pending.pop(i), title_docs.get(i))
            except AnnotateError as exc:
                results[i] = exc
                pending.pop(i, None)
            finally:
                if budget is not None:
                    budget(d).pause()
        while next_out in results:
            yield results.pop(next_out)
            next_out += 1
    while next_out < len(docs):
        yield results.pop(next_out)
        next_out += 1


@dataclass(slots=True, frozen=True)
class _Unit:
    """What spaCy parses in one go: a whole text, or one section of a long one."""

    doc: int
    start: int
    end: int
    sectioned: bool
    language: str = "en"  # whose pipeline parses it: a batch holds one language


def _title_to_parse(document: Document) -> bool:
    """Whether the document's title is parsed for names: English text (the headline rules
    downstream are English), a title with a letter in it."""
    return (pipeline_language(document) == "en" and bool(document.title)
            and any(ch.isalpha() for ch in document.title or ""))


def _finish(document: Document, parts: list[Any], title_doc: Any = None) -> AnnotatedDocument | AnnotateError:
    try:
        if len(parts) > 1:
            from spacy.tokens import Doc

            # The sections cover the text exactly: joined without added spaces, the Doc's
            # text is the clean text and its offsets are the clean text's offsets.
            parsed = Doc.from_docs(parts, ensure_whitespace=False)
        else:
            parsed = parts[0]
        return _to_annotated(document, parsed, title_doc)
    except Exception as exc:  # one odd text must not take its batch down
        log.exception("annotation failed on %s", document.path)
        return AnnotateError(f"annotation failed: {type(exc).__name__}: {exc}", path=document.path,
                             code="E305")


def _groups(units: list[_Unit], docs: list[Document], max_texts: int,
            n_process: int) -> Iterator[list[_Unit]]:
    """Units in spaCy batches: a section alone (its document's budget is checked between
    two), other texts up to ``max_texts`` and ``settings.ANNOTATE_BATCH_CHARS``, a batch
    of one language (each goes to its own pipeline)."""
    group: list[_Unit] = []
    size = 0
    for u in units:
        n = u.end - u.start
        if group and (u.sectioned or group[-1].sectioned or len(group) >= max_texts
                      or u.language != group[-1].language
                      or (n_process == 1 and size + n > settings.ANNOTATE_BATCH_CHARS)):
            yield group
            group, size = [], 0
        group.append(u)
        size += n
    if group:
        yield group


def _parse(texts: list[str], batch_size: int, n_process: int, language: str = "en") -> list[Any]:
    """spaCy's parse of each text, in order, or the exception parsing it raised."""
    nlp = load_model(language)
    try:
        if n_process > 1 and len(texts) > 1:
            return list(nlp.pipe(texts, batch_size=batch_size, n_process=n_process))
        return list(nlp.pipe(texts, batch_size=len(texts)))
    except Exception as exc:  # narrow it down to the text that failed; the others are parsed
        log.warning("annotation of a batch failed (%s: %s); parsing its %d texts one by one",
                    type(exc).__name__, exc, len(texts))
    out: list[Any] = []
    for text in texts:
        try:
            out.append(nlp(text))
        except Exception as exc:
            out.append(exc)
    return out
