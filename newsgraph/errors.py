"""Every error newsgraph reports, under one base and a stable code.

    NewsgraphError
     ├── ReadError       E1xx  the input could not be read (binary, empty, too big, malformed)
     ├── CleanError      E2xx  the input was read but holds no article text
     ├── AnnotateError   E3xx  the NLP model is missing or failed
     ├── StoreError      E4xx  the database refused or is of an unknown schema
     ├── ServeError      E5xx  unsafe or invalid server configuration, HTTP errors
     ├── (resolve)       E6xx  invalid analyst edits
     └── ScaleError      E7xx  the Dask cluster is missing or unreachable

Tests assert codes, not wording; the CLI summary and the API error shape show both.
"""

from __future__ import annotations


class NewsgraphError(Exception):
    code = "E000"

    def __init__(self, message: str, *, path: str | None = None, code: str | None = None):
        self.path = path
        if code:
            self.code = code
        super().__init__(message)

    @property
    def reason(self) -> str:
        return str(self.args[0]) if self.args else self.code

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"[{self.code}] {where}{self.reason}"


class ReadError(NewsgraphError):
    code = "E100"


class CleanError(NewsgraphError):
    code = "E200"


class AnnotateError(NewsgraphError):
    code = "E300"


class StoreError(NewsgraphError):
    code = "E400"


class ServeError(NewsgraphError):
    code = "E500"


class ScaleError(NewsgraphError):
    code = "E700"


#: Stable codes and what they mean (documented in the README, asserted in tests).
CODES: dict[str, str] = {
    "E101": "file is empty",
    "E102": "file is larger than the size limit",
    "E103": "file looks binary (not text, HTML, JSON, WARC or a feed)",
    "E104": "bytes could not be decoded in the declared or any detected encoding",
    "E105": "malformed JSON or JSON Lines record",
    "E106": "malformed or truncated WARC record",
    "E107": "malformed RSS/Atom feed",
    "E108": "path does not exist or escapes its root",
    "E109": "record has no text field",
    "E110": "unsupported file type",
    "E111": "file or directory could not be opened or read (permission or I/O error)",
    "E201": "HTML has no extractable body",
    "E202": "no article text left after cleaning",
    "E203": "cleaning failed on this input (the reason names the error)",
    "E204": "XHTML/HTML whose entities cannot be read safely (declared in a DOCTYPE, or undefined in XHTML)",
    "E301": "spaCy model package is not installed",
    "E302": "clean text is longer than the annotation limit (--max-chars)",
    "E303": "sentence-embedding package (wordllama) is not installed",
    "E304": "document went over its per-document time or memory budget (--doc-seconds)",
    "E305": "annotation or extraction failed on this document (the reason names the error)",
    "E401": "database schema is newer than this newsgraph",
    "E402": "document could not be written",
    "E403": "another process is writing the store (one writer at a time)",
    "E501": "refusing to bind a non-loopback address without --token",
    "E502": "authentication required (Authorization: Bearer <token>, or visit /?token=…)",
    "E503": "not found",
    "E504": "invalid request parameter",
    "E505": "cross-site request refused (form token or origin missing or wrong)",
    "E506": "an ingest is already running (one writer at a time)",
    "E507": "upload too large or carrying too many files",
    "E508": "host not allowed (a server without a token answers loopback names only)",
    "E509": "internal error",
    "E510": "method not allowed",
    "E601": "invalid entity edit (unknown entity, too few anchors, or a contradiction)",
    "E701": "Dask cluster could not be started or reached (or dask[distributed] is not installed)",
    "E702": "ingest called by a script re-run in a starting worker process (guard the call with "
            "if __name__ == '__main__')",
}
