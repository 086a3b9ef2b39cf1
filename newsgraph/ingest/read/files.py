"""Where input comes from: paths, directories, stdin; limits, root confinement, dispatch by format.

``read_paths`` walks what it is given and hands each input to the reader for its
format (``text``, ``jsonl``, ``warc``, ``feed``). Everything that can go wrong
with one input becomes a ``Failure`` for that input and the walk goes on; only
a programming error inside newsgraph escapes.

Decisions this module owns (documented in the README's "Reading" section):

- Directories are walked depth-first, entries sorted by name. Hidden entries
  (``.name``) and junk left by operating systems and editors (``formats.JUNK_*``:
  ``Thumbs.db``, ``~$lock``, ``*.swp``, ``*.part``…) are skipped silently; a path
  named explicitly is always read. Anything else that cannot be read is a Failure.
- A directory reached twice (a symlink loop, or two links to one folder) is
  walked once.
- A symbolic link met while walking a folder is followed only when its target
  lies inside the folder that was given (``Options.follow_links``, the CLI's
  ``--follow-links``, lifts this): a link to ``/etc/passwd`` or to ``/`` dropped in an
  articles folder is skipped with E108 and says where it points, never read. A
  path named explicitly is the caller's choice and is followed.
- With ``root``, relative paths are taken relative to it, and every path —
  argument, walked entry or symlink target, after resolving links — must stay
  inside it, or it fails with E108 "escapes its root".
- Size is checked from ``stat`` before a byte is read; decompressed and piped
  input is read with a cap, so a gzip bomb fails with E102 instead of filling memory.
- Non-regular files (FIFOs, sockets, devices) are never opened: reading a FIFO
  would block the ingest forever.
"""

from __future__ import annotations

import gzip
import io
import os
import stat
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from newsgraph.errors import ReadError
from newsgraph.ingest.read import formats, sniff
from newsgraph.ingest.read.feed import read_feed
from newsgraph.ingest.read.jsonl import read_json, read_jsonl
from newsgraph.ingest.read.text import read_document
from newsgraph.ingest.read.warc import read_warc
from newsgraph.model.document import Failure, RawDocument
from newsgraph.safe_text import has_bad_chars, printable
from newsgraph.settings import MAX_CONTAINER_BYTES, Options

__all__ = ["human_size", "read_paths"]

Item = RawDocument | Failure
_Reader = Callable[[BinaryIO, str, Options], Iterator[Item]]

#: The code a reader's unexpected trouble maps to (a library choking on bad bytes).
_BROKEN_LINK = "The path is a broken symbolic link (its target does not exist)."
_MALFORMED_CODE = {"json": "E105", "jsonl": "E105", "warc": "E106", "feed": "E107"}


def human_size(n: int) -> str:
    if n < 1024 * 1024:
        return f"{n:,} bytes"
    return f"{n / (1024 * 1024):,.1f} MB"


def read_paths(
    paths: Iterable[str | Path],
    options: Options | None = None,
    *,
    root: Path | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[RawDocument | Failure]:
    """Read articles from files, directories and stdin (``-``).

    Args:
        paths (Iterable[str | Path]): files, directories (walked recursively) or ``-``.
        options (Options): limits and JSON field mapping; defaults to ``Options()``.
        root (Path): when given, every path must resolve inside this directory;
            relative paths are taken relative to it.
        stdin (BinaryIO): the stream ``-`` reads; defaults to ``sys.stdin.buffer``.

    RETURNS (Iterator[RawDocument | Failure]): one ``RawDocument`` per article and one
        ``Failure`` per input (file or record) that could not be read, in a
        deterministic order. Never raises for bad input.
    """
    options = options or Options()
    for item in _read_all(paths, options, root, stdin):
        # A file name with bytes that are not UTF-8 comes back from the OS with lone
        # surrogates, which no encoder (nor the store) accepts: shown as \xNN instead.
        if has_bad_chars(item.path):
            item.path = printable(item.path)
        yield item


def _read_all(paths: Iterable[str | Path], options: Options, root: Path | None,
              stdin: BinaryIO | None) -> Iterator[Item]:
    root_real = root.resolve() if root is not None else None
    for given in paths:
        arg = os.fspath(given)
        if arg == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _guard(lambda s=stream: _read_stream(s, "-", "", None, options), "-")
            continue
        yield from _read_arg(arg, options, root_real)


# -- walking and confinement -------------------------------------------------------------------------


def _inside(path: Path, root: Path) -> bool:
    return path == root or path.is_relative_to(root)


def _read_arg(arg: str, options: Options, root: Path | None) -> Iterator[Item]:
    target = Path(arg)
    if root is not None:
        if not root.is_dir():
            yield Failure(arg, "E108", "The root directory it must stay inside does not exist.")
            return
        if not target.is_absolute():
            target = root / target
        if not _inside(target.resolve(), root):
            yield Failure(arg, "E108", "The path escapes its root: it resolves outside the allowed "
                          "directory.")
            return
    if not os.path.lexists(target):
        yield Failure(arg, "E108", "The path does not exist.")
        return
    if not target.exists():
        yield Failure(arg, "E108", _BROKEN_LINK)
        return
    if target.is_dir():
        yield from _walk(target, arg, options, root, set(), target.resolve())
    else:
        yield from _guard(lambda: _read_file(target, arg, options), arg)


def _junk(name: str) -> bool:
    return (
        name.startswith(".")
        or name in formats.JUNK_NAMES
        or name.endswith(formats.JUNK_SUFFIXES)
        or name.startswith(formats.JUNK_PREFIXES)
    )


def _walk(directory: Path, label: str, options: Options, root: Path | None,
          seen: set[tuple[int, int]], top: Path) -> Iterator[Item]:
    try:
        st = directory.stat()
        key = (st.st_dev, st.st_ino)
        if key in seen:  # a symlink loop or a second link to a folder already walked
            return
        seen.add(key)
        with os.scandir(directory) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield Failure(label, "E111", f"The directory could not be listed: {exc.strerror or exc}.")
        return
    for entry in entries:
        name = entry.name
        if _junk(name) or name in formats.JUNK_DIRS:
            continue
        child_label = os.path.join(label, name)
        child = Path(entry.path)
        try:
            if entry.is_symlink():
                try:
                    target = child.resolve()
                except RuntimeError:  # Python 3.11 raises it for a loop of links
                    yield Failure(child_label, "E108", "The symbolic link is part of a loop of links.")
                    continue
                if root is not None and not _inside(target, root):
                    yield Failure(child_label, "E108", "The symbolic link escapes its root: it points "
                                  "outside the allowed directory.")
                    continue
                if not child.exists():
                    yield Failure(child_label, "E108", _BROKEN_LINK)
                    continue
                if target.is_dir() and _inode(target) in seen:
                    yield Failure(child_label, "E108", f"The symbolic link leads back to a folder "
                                  f"already being read ({target}): a loop, not followed.")
                    continue
                if not options.follow_links and not _inside(target, top):
                    yield Failure(child_label, "E108", f"The symbolic link points outside the folder being "
                                  f"ingested (to {target}): skipped; --follow-links follows such links.")
                    continue
            is_dir = entry.is_dir()
        except OSError as exc:
            yield Failure(child_label, "E111", f"The entry could not be examined: {exc.strerror or exc}.")
            continue
        if is_dir:
            yield from _walk(child, child_label, options, root, seen, top)
        else:
            yield from _guard(lambda c=child, lab=child_label: _read_file(c, lab, options), child_label)


def _inode(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_dev, st.st_ino


def _guard(make: Callable[[], Iterator[Item]], label: str, code: str = "E103") -> Iterator[Item]:
    """Run one input's reader; turn whatever goes wrong with that input into a Failure.

    Anything a library raises on bad bytes ends here, with ``code`` naming the
    format that was being read; the caller moves on to the next input.
    """
    try:
        yield from make()
    except ReadError as exc:
        yield Failure(exc.path or label, exc.code, exc.reason)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield Failure(label, code, f"The gzip-compressed data is truncated or corrupt ({exc}).")
    except MemoryError:
        raise
    except OSError as exc:
        yield Failure(label, "E111", f"The file could not be read: {exc.strerror or exc}.")
    except Exception as exc:  # a parser choking on bad input must not stop the batch
        yield Failure(label, code, f"The input could not be parsed: {type(exc).__name__}: {exc}.")


# -- one file or stream ------------------------------------------------------------------------------


def _kind_from_name(name: str) -> tuple[str | None, bool]:
    """(kind from the extension or None, whether the name ends in .gz)."""
    lower = name.lower()
    gz = lower.endswith(".gz")
    if gz:
        lower = lower[:-3]
    suffix = os.path.splitext(lower)[1]
    if not suffix:
        return "auto-text", gz  # extension-less: sniffed, plain text when nothing else fits
    return formats.EXTENSION_KINDS.get(suffix), gz


def _read_file(path: Path, label: str, options: Options) -> Iterator[Item]:
    st = path.stat()
    if not stat.S_ISREG(st.st_mode):
        raise ReadError("It is not a regular file (a FIFO, socket or device), so it was not opened.",
                        path=label, code="E110")
    if st.st_size == 0:
        raise ReadError("The file is empty (0 bytes).", path=label, code="E101")
    kind, _ = _kind_from_name(path.name)
    limit = MAX_CONTAINER_BYTES if kind in formats.CONTAINER_KINDS or kind is None else options.max_bytes
    if kind == "auto-text":
        limit = MAX_CONTAINER_BYTES  # could be a WARC or JSON Lines dump; checked again once sniffed
    if st.st_size > limit:
        raise ReadError(f"The file is {human_size(st.st_size)}, over the {human_size(limit)} limit.",
                        path=label, code="E102")
    with path.open("rb") as fh:
        yield from _read_stream(fh, label, path.name, st.st_size, options)


class _Prefixed(io.RawIOBase):
    """A stream that serves bytes already read (the sniffed head) before the rest."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[no-untyped-def]
        if self._head:
            n = min(len(b), len(self._head))
            b[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(b))
        b[: len(data)] = data
        return len(data)


class _GzipUpToGarbage(io.RawIOBase):
    """A gzip stream that ends where bytes that are not gzip follow complete gzip data
    (a download with junk appended, two files glued together): the data before is read,
    and ``garbage`` says the rest was ignored. Truncated or corrupt gzip data still raises."""

    def __init__(self, gz: gzip.GzipFile):
        self._gz = gz
        self.served = 0
        self.garbage: str | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[no-untyped-def]
        if self.garbage is not None:
            return 0
        try:
            data = self._gz.read1(len(b))  # read(): would read past the good data before returning it
        except gzip.BadGzipFile as exc:
            if not self.served:
                raise
            self.garbage = str(exc)
            return 0
        b[: len(data)] = data
        self.served += len(data)
        return len(data)


def _chain(head: bytes, rest: BinaryIO) -> BinaryIO:
    return io.BufferedReader(_Prefixed(head, rest), buffer_size=formats.SNIFF_BYTES)


def _read_stream(raw: BinaryIO, label: str, name: str, size: int | None, options: Options) -> Iterator[Item]:
    """Sniff one byte stream (a file or stdin) and hand it to its format's reader."""
    kind = _kind_from_name(name)[0] if name else "auto-text"
    if kind == "warc":  # warcio reads gzip members itself and reports offsets in the compressed file
        yield from _guard(lambda: read_warc(raw, label, options, size=size), label, "E106")
        return
    head = raw.read(formats.SNIFF_BYTES)
    if not head:
        raise ReadError("The input is empty (0 bytes).", path=label, code="E101")
    compressed = head.startswith(formats.GZIP_MAGIC)
    tolerant: _GzipUpToGarbage | None = None
    if compressed:
        inner = _gunzip_head(head, label)
        if inner.lstrip().startswith(formats.WARC_MAGIC):
            yield from _guard(lambda: read_warc(_chain(head, raw), label, options, size=size), label, "E106")
            return
        tolerant = _GzipUpToGarbage(gzip.GzipFile(fileobj=_chain(head, raw), mode="rb"))
        stream: BinaryIO = io.BufferedReader(tolerant, buffer_size=formats.SNIFF_BYTES)
        size = None  # the real size is only known once decompressed: readers read with a cap
        head = _read_head(stream)
        if not head:
            raise ReadError("The input is empty once decompressed.", path=label, code="E101")
    else:
        stream = raw  # a ".gz" name over plain bytes is read as what it holds

    if head.lstrip().startswith(formats.WARC_MAGIC) and kind in ("auto-text", None):
        yield from _guard(lambda: read_warc(_chain(head, stream), label, options, size=size), label, "E106")
        return
    if compressed and head.startswith(formats.GZIP_MAGIC):
        raise ReadError("The data is gzip-compressed twice; decompress it once before ingesting.",
                        path=label, code="E110")
    reason = sniff.binary_reason(head, signatures_only=kind in ("json", "jsonl"))
    if reason:
        raise ReadError(f"The {'decompressed ' if compressed else ''}file {reason}.", path=label, code="E103")
    reason = sniff.text_format_reason(head)
    if reason:
        raise ReadError(f"The file {reason}.", path=label, code="E110")

    opens_object = sniff.head_text(head).lstrip()[:1] == "{"
    if kind in ("json", "auto-text", None) and opens_object and b"\n" not in head:
        # JSON or JSON Lines is told by whether the first line is a whole object: read all of it.
        head += stream.readline(options.max_bytes) + stream.read(256)
    if kind in ("auto-text", None, "xml", "json"):
        sniffed = sniff.sniff_kind(head)
        if kind == "json":
            kind = "jsonl" if sniffed == "jsonl" else "json"
        elif kind == "xml":
            kind = sniffed if sniffed in ("feed", "html") else "xml"
        elif kind is None and sniffed == "text":
            raise ReadError(f"Unsupported file type '{os.path.splitext(name)[1]}': the content is not "
                            "HTML, JSON, a WARC archive or an RSS/Atom feed.", path=label, code="E110")
        else:
            kind = sniffed
    if kind == "xml":
        root = sniff.xml_root(sniff.head_text(head)) or "?"
        raise ReadError(f"The XML document's root element is <{root}>, so it is not an RSS/Atom feed "
                        "or an XHTML page.", path=label, code="E110")
    if kind in formats.CONTAINER_KINDS and size is not None and size > MAX_CONTAINER_BYTES:
        raise ReadError(f"The file is {human_size(size)}, over the {human_size(MAX_CONTAINER_BYTES)} limit.",
                        path=label, code="E102")
    if kind not in formats.CONTAINER_KINDS and size is not None and size > options.max_bytes:
        raise ReadError(f"The file is {human_size(size)}, over the {human_size(options.max_bytes)} limit.",
                        path=label, code="E102")

    body = _chain(head, stream)
    readers: dict[str, _Reader] = {
        "json": read_json, "jsonl": read_jsonl, "feed": read_feed,
        "html": lambda s, lab, o: read_document(s, lab, o, hint="html"),
        "text": lambda s, lab, o: read_document(s, lab, o, hint="text"),
        "auto-text": lambda s, lab, o: read_document(s, lab, o, hint="text"),
    }
    reader = readers[kind or "text"]
    yield from _guard(lambda: reader(body, label, options), label, _MALFORMED_CODE.get(kind or "", "E103"))
    if tolerant is not None and tolerant.garbage is not None:
        yield Failure(label, "E103", f"Bytes that are not gzip data follow the first "
                      f"{tolerant.served:,} decompressed bytes ({tolerant.garbage}): what came "
                      "before was read, the rest ignored.")


def _gunzip_head(head: bytes, label: str) -> bytes:
    """The first decompressed bytes of a gzip stream, without consuming the stream."""
    try:
        return zlib.decompressobj(wbits=zlib.MAX_WBITS | 16).decompress(head, formats.SNIFF_BYTES)
    except zlib.error as exc:
        raise ReadError(f"The gzip-compressed data is corrupt ({exc}).", path=label, code="E103") from None


def _read_head(stream: BinaryIO) -> bytes:
    """Up to SNIFF_BYTES of a decompressing stream, keeping what came before a truncation.

    The error is raised again by the reader's next read, after the records in
    the head have been yielded (a truncated ``.jsonl.gz`` keeps its first lines).
    """
    chunks: list[bytes] = []
    got = 0
    try:
        while got < formats.SNIFF_BYTES:
            chunk = stream.read(min(8192, formats.SNIFF_BYTES - got))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
    except (EOFError, zlib.error, gzip.BadGzipFile):
        if not chunks:
            raise
    return b"".join(chunks)
