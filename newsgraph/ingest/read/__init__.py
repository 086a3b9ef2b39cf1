"""The read stage: files, directories, archives and stdin → ``RawDocument`` (bytes + declared metadata).

One public function, ``read_paths``. Modules, one concern each:

- ``files``    walking, root confinement, size limits, gzip, stdin, dispatch by format
- ``sniff``    binary/text, HTML/plain, feed/XML, JSON/JSON Lines, declared charset
- ``formats``  the tables those decisions use (extensions, magic numbers, junk names)
- ``text``     one file = one article (.txt, .html, extension-less)
- ``jsonl``    JSON and JSON Lines collections, field mapping from ``Options``
- ``warc``     WARC/ARC archives (warcio)
- ``feed``     RSS/Atom feeds (feedparser)

The bytes are kept as read; decoding and extraction belong to ``ingest/clean``.
``RawDocument.declared`` keys: ``title``, ``url``, ``published`` (as given),
``publisher``, ``authors`` (list), ``encoding`` (+ ``encoding_source``: ``bom``,
``meta``, ``xml``, ``http``, ``json``, ``feed``, or ``sniffed`` for BOM-less UTF-16),
``content_type``; ``publisher_source``/``url_source`` say where a publisher or URL was
declared (``JSON field “source”``, ``WARC-Target-URI header``, ``the feed's title``), for the
publisher's evidence; containers may add ``fetched``/``record_id`` (WARC),
``content_from``/``language``/``record_id`` (feeds), ``text_field`` (JSON).
"""

from newsgraph.ingest.read.files import read_paths

__all__ = ["read_paths"]
