"""Tables the read stage decides by: file extensions, magic numbers, junk file names.

Kept apart from the logic so each entry can be checked against its source:
magic numbers are from the formats' specifications as collected in the
``file(1)`` magic database and Gary Kessler's file-signature table
(https://www.garykessler.net/library/file_sigs.html); junk names are the files
operating systems and editors drop beside documents. Per-run limits live in
``newsgraph.settings`` (``Options.max_bytes``, ``MAX_CONTAINER_BYTES``,
``BINARY_CONTROL_SHARE``); the constants here are properties of formats, not knobs.
"""

from __future__ import annotations

__all__ = [
    "BINARY_MAGIC", "CONTAINER_KINDS", "EXTENSION_KINDS", "FEED_SUMMARY_MIN_WORDS", "GZIP_MAGIC",
    "JSON_AUTHOR_FIELDS", "JSON_WRAPPER_KEYS", "JUNK_DIRS", "JUNK_NAMES", "JUNK_PREFIXES", "JUNK_SUFFIXES",
    "SNIFF_BYTES",
    "TEXT_MAGIC", "WARC_MAGIC", "WEAK_BINARY_MAGIC",
]

#: What each file extension holds. ``.gz`` is stripped first (``a.jsonl.gz`` → jsonl);
#: ``xml`` is decided by its root element (feed, XHTML, or unsupported).
EXTENSION_KINDS: dict[str, str] = {
    ".txt": "text", ".text": "text", ".md": "text", ".markdown": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".json": "json",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonlines": "jsonl",
    ".warc": "warc", ".arc": "warc",
    ".rss": "feed", ".atom": "feed",
    ".xml": "xml", ".rdf": "xml",
}

#: Kinds that hold many articles and are read as streams, so they are held to
#: ``settings.MAX_CONTAINER_BYTES`` rather than the per-article ``Options.max_bytes``.
#: Feeds are parsed whole by feedparser, so they stay under the per-article limit.
CONTAINER_KINDS = frozenset({"json", "jsonl", "warc"})

#: Bytes looked at to sniff a payload (binary share, markup, feed root, JSON shape).
SNIFF_BYTES = 64 * 1024

GZIP_MAGIC = b"\x1f\x8b"
WARC_MAGIC = (b"WARC/", b"filedesc://")  # WARC 0.x/1.x; ARC v1 starts with filedesc://

#: Signatures at offset 0 distinctive enough (4+ bytes, or binary bytes) that
#: no news article starts with them: a match means binary, whatever the extension.
BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.epub/.odt packed as one)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"), (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"),
    (b"\x7fELF", "an ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (.doc/.xls/.ppt)"),
    (b"BZh", "a bzip2-compressed file"),
    (b"\xfd7zXZ\x00", "an xz-compressed file"),
    (b"\x28\xb5\x2f\xfd", "a zstd-compressed file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"OggS", "an Ogg audio/video file"),
    (b"fLaC", "a FLAC audio file"),
    (b"wOFF", "a WOFF font"), (b"wOF2", "a WOFF2 font"),
    (b"\xca\xfe\xba\xbe", "a Java class or Mach-O binary"),
    (b"\xcf\xfa\xed\xfe", "a Mach-O executable"), (b"\xce\xfa\xed\xfe", "a Mach-O executable"),
    (b"PAR1", "a Parquet file"),
    (b"\x00asm", "a WebAssembly module"),
)

#: Short signatures that plain text could start with by chance ("MZ…", "ID3…"):
#: they only name the format once the control-byte test already says binary.
WEAK_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"MZ", "a Windows executable"),
    (b"ID3", "an MP3 audio file"),
    (b"BM", "a BMP image"),
    (b"RIFF", "a RIFF media file (WAV/AVI/WebP)"),
    (b"\x00\x00\x01\x00", "an icon file"),
)

#: Text formats that are not articles and that no reader here handles.
TEXT_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"{\\rtf", "an RTF document"),
    (b"%!PS", "a PostScript document"),
)

#: Keys under which a JSON file wraps its list of articles ({"articles": [...]}).
JSON_WRAPPER_KEYS = ("articles", "items", "data", "documents", "docs", "results", "entries", "records")

#: Author fields tried in JSON records (``Options`` has no author mapping yet;
#: ``Options.json_author_fields`` is honoured when a caller sets one).
JSON_AUTHOR_FIELDS = ("authors", "author", "byline", "creator", "writer")

#: A feed entry without full content falls back to its summary only when the
#: summary is this long: RSS teasers run one to three sentences (< 60 words),
#: while feeds that put the whole article in <description> carry hundreds.
FEED_SUMMARY_MIN_WORDS = 120

#: Files operating systems, sync tools and editors leave beside documents:
#: skipped silently when walking a directory (named explicitly, they are read).
JUNK_NAMES = frozenset({"Thumbs.db", "ehthumbs.db", "desktop.ini", "Icon\r", "Desktop.ini"})
JUNK_SUFFIXES = (".lock", ".lck", ".swp", ".swo", ".tmp", ".part", ".crdownload", "~")
JUNK_PREFIXES = ("~$", ".~lock.")  # Microsoft Office and LibreOffice lock files
JUNK_DIRS = frozenset({"__MACOSX", "__pycache__", "node_modules"})
