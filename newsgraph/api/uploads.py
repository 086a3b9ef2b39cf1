"""Receiving an upload: the form token first, the body streamed under its caps, files in one folder.

``receive_upload`` parses the multipart body itself, as it arrives, rather than
letting the framework spool the whole request to temporary files first (a chunked
upload carries no Content-Length, and 251 MB were written to disk before any limit
applied). As the body streams:

- the **form token** is checked before any file byte is written: a request without
  the bearer token must carry it in an ``X-CSRF-Token`` header or as the form's first
  field (the upload form puts it there, and browsers send fields in order);
  otherwise the request is refused (E505) having read only that first part;
- the **request** is held to ``max_request`` bytes as they arrive (E507, and every
  file it wrote is removed), the number of files to ``max_files`` (E507);
- each **file** is held to the ingest size limit while it is written: one over it
  stops being written, is removed and refused with the reader's code (E102), and the
  rest of the upload goes on.

A client's file name is only a hint: it is cut to its last path component,
reduced to letters, digits, ``.``, ``-`` and ``_``, stripped of leading dots,
and the final path is checked to sit directly in the uploads root. The same name
with other bytes gets a numbered name; the same bytes reuse the file already
there (the store would skip them anyway).
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import Request

from newsgraph.api.errors import ApiError
from newsgraph.model import Failure

__all__ = ["receive_upload", "safe_name"]

_UNSAFE = re.compile(r"[^\w.\-]+")
#: Long enough for any real file name, short enough for every file system (255 bytes).
_MAX_NAME_CHARS = 120
_CHUNK = 1024 * 1024


def safe_name(filename: str | None) -> str:
    """A file name that cannot leave its folder or hide in it: ``../../etc/passwd`` → ``passwd``."""
    name = unicodedata.normalize("NFKC", filename or "").replace("\\", "/").split("/")[-1]
    name = _UNSAFE.sub("_", name).lstrip("._-")
    if len(name) > _MAX_NAME_CHARS:
        stem, dot, suffix = name.rpartition(".")
        name = (stem[: _MAX_NAME_CHARS - len(suffix) - 1] + dot + suffix) if dot and len(suffix) < 12 \
            else name[:_MAX_NAME_CHARS]
    return name or "upload"


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(_CHUNK), b""):
            h.update(chunk)
    return h.hexdigest()


def _place(tmp: Path, root: Path, name: str, digest: str) -> Path:
    stem, dot, suffix = name.partition(".")
    for n in range(1, 10_000):
        candidate = root / (name if n == 1 else f"{stem}-{n}{dot}{suffix}")
        if candidate.resolve().parent != root:  # belt and braces: never outside the root
            raise ValueError(f"refusing upload path {candidate}")
        if candidate.exists():
            if candidate.is_file() and _digest(candidate) == digest:
                tmp.unlink()
                return candidate
            continue
        os.replace(tmp, candidate)
        return candidate
    raise ValueError(f"too many uploads named {name}")


class _Receiver:
    """The multipart parser's callbacks: one part at a time, straight to disk."""

    def __init__(self, root: Path, *, max_file: int, max_files: int, csrf: str | None):
        self.root = root
        self.max_file = max_file
        self.max_files = max_files
        self.csrf = csrf  # the token still to be seen first, or None once checked (or not needed)
        self.saved: list[Path] = []
        self.refused: list[Failure] = []
        self.written: list[Path] = []  # everything put on disk by this request, for a rollback
        self.files = 0
        self._headers: dict[str, str] = {}
        self._field: bytes = b""
        self._name: str | None = None
        self._filename: str | None = None
        self._out: BinaryIO | None = None
        self._tmp: Path | None = None
        self._size = 0
        self._hash = hashlib.sha256()
        self._too_big = False
        self._header_field = b""
        self._header_value = b""

    def callbacks(self) -> dict[str, Callable[..., None]]:
        return {"on_part_begin": self._part_begin, "on_header_field": self._header_field_data,
                "on_header_value": self._header_value_data, "on_header_end": self._header_end,
                "on_headers_finished": self._headers_done, "on_part_data": self._data,
                "on_part_end": self._part_end}

    def _part_begin(self) -> None:
        self._headers, self._field, self._name, self._filename = {}, b"", None, None
        self._size, self._too_big, self._hash = 0, False, hashlib.sha256()

    def _header_field_data(self, data: bytes, start: int, end: int) -> None:
        self._header_field += data[start:end]

    def _header_value_data(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def _header_end(self) -> None:
        if len(self._headers) < _MAX_PART_HEADERS:
            self._headers[self._header_field.decode("latin-1").lower()] = self._header_value.decode("latin-1")
        self._header_field, self._header_value = b"", b""

    def _headers_done(self) -> None:
        _, options = parse_options_header(self._headers.get("content-disposition", ""))
        name = options.get(b"name")
        filename = options.get(b"filename")
        self._name = name.decode("utf-8", "replace") if name is not None else None
        self._filename = filename.decode("utf-8", "replace") if filename is not None else None
        if self.csrf is not None and not (self._name == "csrf" and self._filename is None):
            raise ApiError(403, "E505", "missing or stale form token: reload the upload page (the token "
                                        "must come before the files)")
        if self._filename is not None and self._name == "files" and self._filename:
            self.files += 1
            if self.files > self.max_files:
                raise ApiError(413, "E507", f"upload refused: more than {self.max_files} files")
            self._tmp = self.root / f".part-{secrets.token_hex(8)}"
            self.written.append(self._tmp)
            self._out = self._tmp.open("wb")

    def _data(self, data: bytes, start: int, end: int) -> None:
        chunk = data[start:end]
        if self._out is not None:
            self._size += len(chunk)
            if self._size > self.max_file:  # stop writing this file; the rest of it is skipped
                self._too_big = True
                self._close_tmp(remove=True)
                return
            self._hash.update(chunk)
            self._out.write(chunk)
        elif self._tmp is None and not self._too_big:
            self._field += chunk
            if len(self._field) > _MAX_FIELD_BYTES:
                raise ApiError(400, "E504", f"upload refused: form field {self._name!r} is too long")

    def _close_tmp(self, *, remove: bool) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None
        if remove and self._tmp is not None:
            self._tmp.unlink(missing_ok=True)
            self._tmp = None

    def _part_end(self) -> None:
        if self.csrf is not None:  # the first part was the token field: check it before anything else
            if not secrets.compare_digest(self._field, self.csrf.encode()):
                raise ApiError(403, "E505", "missing or stale form token: reload the upload page")
            self.csrf = None
            return
        name = safe_name(self._filename)
        if self._too_big:
            self.refused.append(Failure(name, "E102", f"file is larger than the size limit "
                                                      f"({self.max_file // (1024 * 1024)} MB)"))
            return
        if self._out is None or self._tmp is None:
            return  # a plain form field, or a file input left empty
        self._close_tmp(remove=False)
        tmp, self._tmp = self._tmp, None
        try:
            path = _place(tmp, self.root, name, self._hash.hexdigest())
        except ValueError as exc:
            tmp.unlink(missing_ok=True)
            self.refused.append(Failure(name, "E108", str(exc)))
            return
        if path not in self.saved:
            self.saved.append(path)
            self.written.append(path)

    def discard(self, *, keep_existing: set[Path]) -> None:
        """Remove what this request wrote (it was refused part-way)."""
        self._close_tmp(remove=True)
        for path in self.written:
            if path not in keep_existing:
                path.unlink(missing_ok=True)


#: Caps on what is not a file: a form field (the token is 43 characters) and a part's headers.
_MAX_FIELD_BYTES = 4096
_MAX_PART_HEADERS = 16


async def receive_upload(request: Request, root: Path, *, max_request: int, max_file: int,
                         max_files: int, csrf: str | None) -> tuple[list[Path], list[Failure]]:
    """Stream a ``multipart/form-data`` upload's ``files`` into ``root`` (see the module docstring).

    ``csrf`` is the form token the request must send before its files (None when the
    request is authenticated otherwise). Returns the saved paths and the refused files;
    raises ``ApiError`` (E504, E505, E507) when the request as a whole is refused, having
    removed whatever it had written.
    """
    ctype, options = parse_options_header(request.headers.get("content-type", ""))
    boundary = options.get(b"boundary")
    if ctype != b"multipart/form-data" or not boundary:
        raise ApiError(400, "E504", "upload refused: send the files as multipart/form-data")
    root.mkdir(parents=True, exist_ok=True)
    root = root.resolve()
    before = set(root.iterdir())
    receiver = _Receiver(root, max_file=max_file, max_files=max_files, csrf=csrf)
    parser = MultipartParser(boundary, receiver.callbacks())
    total = 0
    try:
        async for chunk in request.stream():
            total += len(chunk)
            if total > max_request:
                raise ApiError(413, "E507", f"upload larger than {max_request // 2**20} MB: stopped "
                                            "reading it and removed what it had written")
            parser.write(chunk)
        parser.finalize()
    except ApiError:
        receiver.discard(keep_existing=before)
        raise
    except Exception as exc:  # a malformed body
        receiver.discard(keep_existing=before)
        raise ApiError(400, "E504", f"upload refused: malformed multipart body ({exc})") from exc
    if receiver.csrf is not None:
        raise ApiError(403, "E505", "missing or stale form token: reload the upload page")
    if not receiver.saved and not receiver.refused:
        raise ApiError(400, "E504", "choose at least one file to upload")
    return receiver.saved, receiver.refused
