"""The publisher where the material says it, with the evidence recorded: a JSON record's URL,
a WARC record's target URI, a domain in the file path, a copyright line or a logo in the
removed chrome; a "Source:" line credits an outlet (``attributed_to``) whose report the
article counts as. Fictional articles written for these tests."""

from __future__ import annotations

import io
import json

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.export.jsonl import document_record
from newsgraph.independence import SourceRecord, independent_reports
from newsgraph.ingest.clean import clean
from newsgraph.ingest.clean.publisher import logo_site_name, name_for_domain, path_domain
from newsgraph.ingest.read import read_paths
from newsgraph.model.document import RawDocument
from newsgraph.outlets import names_outlet, registrable_domain

BODY = ("The ferry between Lanmar and Port Anselm sank on Monday night with 40 passengers on board, "
        "and rescuers had found 28 survivors by the morning, the coastguard said.\n\n"
        "The coastguard said the weather had been calm and that divers would inspect the wreck on "
        "Wednesday, once the currents in the strait slow down.\n")


def _clean_lines(lines: list[str], path: str = "ferry.txt", **declared) -> object:
    return clean(RawDocument(data="\n\n".join(lines).encode(), path=path, declared=declared))


def test_source_line_credits_the_outlet_with_its_evidence_and_counts_as_its_report():
    doc = _clean_lines(["Ferry sinks off Lanmar", BODY, "Source: The Lanmar Post", "Share this article"])
    assert doc.attributed_to == ["The Lanmar Post"]
    assert doc.provenance["attributed_to_evidence"] == "source-line: Source: The Lanmar Post"
    # The republishing site is not the Post: its publisher stays unknown …
    assert doc.publisher is None
    # … and for corroboration the article is the Post's report, one with the Post's own.
    found = independent_reports([SourceRecord("post", "Ferry sinks", "The Lanmar Post"),
                                 SourceRecord("site", doc.title, doc.publisher, tuple(doc.attributed_to))])
    assert found.count == 1 and found.reports[0].folded[0].kind == "credits"


def test_publisher_from_the_url_of_a_json_record(tmp_path):
    named = {"title": "Ferry sinks off Lanmar", "url": "https://www.lanmarpost.com/2022/03/ferry.html",
             "text": BODY + "\nRead more news from The Lanmar Post every morning.\n"}
    bare = {"title": "Ferry sinks off Lanmar", "url": "https://news.coasttimes.co.uk/ferry", "text": BODY}
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in (named, bare)), encoding="utf-8")
    docs = [clean(r) for r in read_paths([tmp_path / "feed.jsonl"])]
    # The text names the outlet at the address: its name, and why.
    assert docs[0].publisher == "The Lanmar Post"
    assert docs[0].provenance["publisher"] == "url-domain"
    assert docs[0].provenance["publisher_evidence"] == (
        "JSON field “url”: https://www.lanmarpost.com/2022/03/ferry.html; the text names it “The Lanmar Post”")
    # Nothing names it: the domain stays a domain (no invented name).
    assert docs[1].publisher == "coasttimes.co.uk"
    assert docs[1].provenance["publisher_evidence"] == "JSON field “url”: https://news.coasttimes.co.uk/ferry"


def test_publisher_from_a_warc_target_uri(tmp_path):
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    html = (f"<html><head><title>Ferry sinks off Lanmar</title></head><body><article>"
            f"{''.join(f'<p>{p}</p>' for p in BODY.split(chr(10)) if p)}</article></body></html>").encode()
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    w.write_record(w.create_warc_record("https://www.harbourgazette.net/news/ferry-sinks", "response",
                                        payload=io.BytesIO(html), http_headers=headers))
    (tmp_path / "crawl.warc.gz").write_bytes(buf.getvalue())
    (doc,) = [clean(r) for r in read_paths([tmp_path / "crawl.warc.gz"])]
    assert doc.publisher == "harbourgazette.net"
    assert doc.provenance["publisher"] == "url-domain"
    assert doc.provenance["publisher_evidence"] == (
        "WARC-Target-URI header: https://www.harbourgazette.net/news/ferry-sinks")
    rec = document_record({**_stored(doc), "provenance": doc.provenance})
    assert rec["publisher_evidence"]["method"] == "url-domain"
    assert rec["publisher_evidence"]["evidence"].startswith("WARC-Target-URI header: ")


def _stored(doc) -> dict:
    return {"id": doc.id, "path": doc.path, "title": doc.title, "publisher": doc.publisher,
            "attributed_to": doc.attributed_to, "published": doc.published, "language": doc.language,
            "text": doc.text, "removed": [], "url": doc.url, "authors": doc.authors, "annotated": True,
            "annotate_reason": None}


def test_publisher_from_a_domain_in_the_file_path():
    doc = _clean_lines(["Ferry sinks off Lanmar", BODY], path="crawl/www.coasttimes.co.uk/2022/ferry.txt")
    assert doc.publisher == "coasttimes.co.uk" and doc.provenance["publisher"] == "path-domain"
    assert doc.provenance["publisher_evidence"] == "the file path: crawl/www.coasttimes.co.uk/2022/ferry.txt"
    assert path_domain("notes/readme.txt") is None and path_domain("data/v1.2/a.txt") is None
    assert path_domain("lanmarpost.com_2022_03_ferry.html") == "lanmarpost.com"


def test_publisher_from_a_copyright_line_or_a_logo_in_the_removed_chrome():
    doc = _clean_lines(["Home | News | Sport | Contact", "Ferry sinks off Lanmar", BODY,
                        "Share this article", "© 2022 Harbour Gazette. All rights reserved."])
    assert doc.publisher == "Harbour Gazette" and doc.provenance["publisher"] == "copyright-line"
    assert "© 2022 Harbour Gazette" in doc.provenance["publisher_evidence"]
    logo = _clean_lines(["Skip to content", "Ferry sinks off Lanmar", BODY, "Share this article:",
                         "harbourgazette-logo.png", "most popular"])
    assert logo.publisher == "harbourgazette" and logo.provenance["publisher"] == "chrome-logo"
    assert logo.provenance["publisher_evidence"].endswith("harbourgazette-logo.png")
    assert logo_site_name("holiday-photo-2.jpg") is None  # an ordinary picture names no site


def test_an_owner_in_the_copyright_line_yields_to_the_address():
    doc = _clean_lines(["Ferry sinks off Lanmar", BODY, "© 2022 Coastal Media Holdings, Inc."],
                       url="https://www.lanmarpost.com/ferry", url_source="JSON field “link”")
    assert doc.publisher == "lanmarpost.com" and doc.provenance["publisher"] == "url-domain"
    assert "Coastal Media Holdings" in doc.provenance["publisher_evidence"]  # why it yielded


def test_outlet_names_match_their_domains():
    assert names_outlet("The Lanmar Post", "lanmarpost.com")
    assert names_outlet("Los Angeles Times", "latimes.com")  # initials of the first words
    assert names_outlet("Wall Street Journal", "wsj.com")
    assert not names_outlet("Coastal Media Holdings", "lanmarpost.com")
    assert registrable_domain("https://news.coasttimes.co.uk/a") == "coasttimes.co.uk"
    assert name_for_domain("lanmarpost.com", ["Subscribe to The Lanmar Post today."]) == "The Lanmar Post"
