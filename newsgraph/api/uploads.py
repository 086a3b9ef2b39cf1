"""Saving uploaded files under the uploads folder, and nowhere else.

A client's file name is only a hint: it is cut to its last path component,
reduced to letters, digits, ``.``, ``-`` and ``_``, stripped of leading dots,
and the final path is checked to sit directly in the uploads root. Each file
is streamed to disk and held to the ingest size limit; a file over it is
refused with the reader's code (E102) and the rest of the upload goes on.
The same name with other bytes gets a numbered name; the same bytes reuse
the file already there (the store would skip them anyway).
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import unicodedata
from pathlib import Path

from starlette.datastructures import UploadFile

from newsgraph.model import Failure

__all__ = ["safe_name", "save_uploads"]

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


async def save_uploads(files: list[UploadFile], root: Path,
                       max_bytes: int) -> tuple[list[Path], list[Failure]]:
    """Stream ``files`` into ``root``; returns the saved paths and the refused files."""
    root.mkdir(parents=True, exist_ok=True)
    root = root.resolve()
    saved: list[Path] = []
    refused: list[Failure] = []
    for upload in files:
        name = safe_name(upload.filename)
        tmp = root / f".part-{secrets.token_hex(8)}"
        h = hashlib.sha256()
        size = 0
        too_big = False
        with tmp.open("wb") as out:
            while chunk := await upload.read(_CHUNK):
                size += len(chunk)
                if size > max_bytes:
                    too_big = True
                    break
                h.update(chunk)
                out.write(chunk)
        if too_big:
            tmp.unlink()
            refused.append(Failure(name, "E102",
                                   f"file is larger than the size limit ({max_bytes // (1024 * 1024)} MB)"))
            continue
        try:
            path = _place(tmp, root, name, h.hexdigest())
        except ValueError as exc:
            tmp.unlink(missing_ok=True)
            refused.append(Failure(name, "E108", str(exc)))
            continue
        if path not in saved:
            saved.append(path)
    return saved, refused
