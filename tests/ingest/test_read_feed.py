"""ingest/read: RSS and Atom feeds via feedparser."""

from __future__ import annotations

import io

from newsgraph.ingest.read import read_paths
from newsgraph.model.document import Failure, RawDocument

FULL = ("<p>The harbour ferry resumed service on Friday.</p>"
        "<p>Operators said the storm damage was repaired.</p>")
LONG_SUMMARY = " ".join(["The ferry service resumed after repairs to the pier were finished."] * 15)

RSS = f"""<?xml version="1.0" encoding="iso-8859-1"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Eastmouth Gazette</title><link>https://gazette.example/</link><language>en-gb</language>
<item><title>Ferry back</title><link>https://gazette.example/ferry</link>
  <pubDate>Fri, 03 Mar 2023 09:30:00 +0000</pubDate><dc:creator>Sam Caf\xe9</dc:creator>
  <description>Ferry is back.</description>
  <content:encoded><![CDATA[{FULL}]]></content:encoded></item>
<item><title>Teaser only</title><link>https://gazette.example/teaser</link>
  <description>Read more on our site.</description></item>
<item><title>Long description</title><link>https://gazette.example/long</link>
  <description>{LONG_SUMMARY}</description></item>
</channel></rss>""".encode("iso-8859-1")

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Notes</title><id>urn:x</id>
<updated>2023-03-04T00:00:00Z</updated>
<entry><title>Pier repaired</title><id>urn:e1</id><link href="https://notes.example/pier"/>
  <published>2023-03-03T08:00:00Z</published><author><name>Ana Ruiz</name></author>
  <summary>Short.</summary><content type="html">{FULL.replace("<", "&lt;")}</content></entry>
</feed>""".encode()


def read(*paths, **kwargs) -> list[RawDocument | Failure]:
    return list(read_paths(paths, **kwargs))


def test_read_rss_full_content_and_summary_fallback(tmp_path):
    (tmp_path / "gazette.rss").write_bytes(RSS)
    full, teaser, long = read(tmp_path / "gazette.rss")
    assert full.path == f"{tmp_path / 'gazette.rss'}#0" and full.format == "html"
    assert full.data == FULL.encode("utf-8")
    d = full.declared
    assert d["title"] == "Ferry back" and d["url"] == "https://gazette.example/ferry"
    assert d["published"] == "Fri, 03 Mar 2023 09:30:00 +0000" and d["publisher"] == "Eastmouth Gazette"
    assert d["authors"] == ["Sam Café"] and d["content_from"] == "content" and d["encoding"] == "utf-8"
    assert isinstance(teaser, Failure) and teaser.code == "E109" and teaser.path.endswith("#1")
    assert long.declared["content_from"] == "summary" and long.data == LONG_SUMMARY.encode()


def test_read_atom_sniffed_from_xml_and_stdin(tmp_path):
    (tmp_path / "notes.xml").write_bytes(ATOM)
    (doc,) = read(tmp_path / "notes.xml")
    assert doc.data == FULL.encode() and doc.format == "html"
    assert doc.declared["authors"] == ["Ana Ruiz"] and doc.declared["published"] == "2023-03-03T08:00:00Z"
    (again,) = read("-", stdin=io.BytesIO(ATOM))
    assert again.path == "-#0" and again.id == doc.id


def test_read_malformed_feed_is_e107(tmp_path):
    (tmp_path / "broken.rss").write_bytes(b"<rss><channel><item><title>Half a feed</ti")
    (tmp_path / "empty.atom").write_bytes(b'<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>')
    (tmp_path / "ok.txt").write_bytes(b"A plain article that still gets read.")
    items = read(tmp_path / "broken.rss", tmp_path / "empty.atom", tmp_path / "ok.txt")
    assert [getattr(i, "code", "ok") for i in items] == ["E107", "E107", "ok"]
    assert "malformed" in items[0].reason and "no entries" in items[1].reason
