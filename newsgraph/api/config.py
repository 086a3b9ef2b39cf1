"""Settings of one running web app: where the store is, the token, and every limit.

Each limit is commented with why it has its value; ``create_app`` builds one
``ApiConfig`` and every view reads it from ``request.app.state.config``.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph import settings

__all__ = [
    "LIST_PAGE_SIZE", "MAX_API_LIMIT", "MAX_QUERY_INT", "MAX_UPLOAD_FILES", "MAX_UPLOAD_REQUEST_BYTES",
    "PANEL", "RECENT_ITEMS", "SEARCH_PAGE_SIZE", "TOKEN_COOKIE", "UPLOAD_SUFFIXES", "ApiConfig",
]

#: Hits per search page: a screenful of snippets an analyst can scan without scrolling far.
SEARCH_PAGE_SIZE = 20

#: Rows per page of the document list: rows are one line each, so a longer page stays dense.
LIST_PAGE_SIZE = 50

#: Largest ``limit`` the JSON API accepts; bigger pages belong to ``newsgraph export``.
MAX_API_LIMIT = 200

#: Largest value of any other integer query parameter (offsets, minimum counts, place
#: ids): SQLite's integers end at 2^63 and a bigger one raised an OverflowError (a 500);
#: no store holds a billion of anything, so anything above is refused with 422 (E504).
MAX_QUERY_INT = 1_000_000_000

@dataclass(frozen=True, slots=True)
class PanelLimits:
    """How much of each side panel (article and story pages) shows before a "show all":
    the side column should end near where the article text ends, everything stays one
    click away (native ``<details>``, no script) and complete in the page's JSON twin."""

    #: Entity rows (most mentioned first): a newswire article names 40-60 distinct names.
    entities: int = 10
    #: Claims listed before "N more": each takes ~5 lines with its speaker and tags.
    claims: int = 4
    #: Flagged signals shown open; the others are one line each until opened.
    signals_open: int = 3
    #: Evidence spans under one signal (the JSON twin has them all).
    signal_evidence: int = 2
    #: Event types whose group starts open (the most mentioned types).
    event_groups_open: int = 2
    #: Places listed before "N more".
    facts: int = 6


PANEL = PanelLimits()

#: Documents and failures shown on the home page.
RECENT_ITEMS = 10

#: Files one upload may carry; a folder of articles fits, a whole disk does not.
MAX_UPLOAD_FILES = 200

#: A whole upload request, checked against Content-Length before anything is parsed.
#: Each file is also held to the ingest size limit (``settings.MAX_FILE_BYTES``).
MAX_UPLOAD_REQUEST_BYTES = 256 * 1024 * 1024

#: Name of the cookie that carries the token once a browser has visited ``/?token=…``.
TOKEN_COOKIE = "token"

#: File types the readers understand (shown on the upload form; others are still tried
#: and fail with a clear per-file reason rather than being refused at the door).
UPLOAD_SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl", ".warc", ".warc.gz", ".xml", ".rss", ".atom")


@dataclass(slots=True)
class ApiConfig:
    """What one app instance serves and how it guards it."""

    db_path: Path
    token: str | None = None
    #: Uploaded files land here (beside the database) and nowhere else.
    uploads_dir: Path = field(default=Path("uploads"))
    max_file_bytes: int = settings.MAX_FILE_BYTES
    max_upload_files: int = MAX_UPLOAD_FILES
    max_upload_request_bytes: int = MAX_UPLOAD_REQUEST_BYTES
    #: Per-process secret behind the upload form's CSRF token (a restart invalidates open forms).
    csrf_token: str = field(default_factory=lambda: secrets.token_urlsafe(32))
