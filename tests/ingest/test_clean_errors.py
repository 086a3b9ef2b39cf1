"""Bad input gets a coded CleanError, never another exception."""

from __future__ import annotations

import pytest
from clean_samples import ARTICLE_EN, raw

from newsgraph.errors import CleanError
from newsgraph.ingest.clean import clean
from newsgraph.ingest.clean.decode import decode_bytes
from newsgraph.model.document import RawDocument


def test_clean_errors_undecodable_bytes_e104():
    data = bytes(range(256)) * 40
    with pytest.raises(CleanError) as err:
        clean(RawDocument(data=data, path="x.txt"))
    assert err.value.code == "E104"


def test_clean_errors_declared_encoding_is_tried_first():
    text = "Le conseil a voté la rénovation de la halle, fermée depuis dix ans, pour deux millions d'euros."
    doc = clean(RawDocument(data=text.encode("cp1252"), path="x.txt", declared={"encoding": "cp1252"}))
    assert doc.text == text and doc.encoding == "cp1252"


def test_clean_errors_mojibake_is_repaired():
    text, encoding = decode_bytes("South Koreaâ€™s foreign ministry said the cafÃ© was closed.".encode())
    assert text == "South Korea’s foreign ministry said the café was closed." and encoding == "utf-8"


def test_clean_errors_utf16_with_bom():
    doc = clean(RawDocument(data=ARTICLE_EN.encode("utf-16"), path="x.txt"))
    assert "Residents of Port Willow" in doc.text


def test_clean_errors_html_without_body_e201():
    html = b"<html><head><title></title><script>var a = 1;</script></head><body>  </body></html>"
    with pytest.raises(CleanError) as err:
        clean(RawDocument(data=html, path="x.html", format="html"))
    assert err.value.code == "E201"


@pytest.mark.parametrize("text", ["- Advertisement -\nShare\n", "   \n\n", "12 345\n---\n"])
def test_clean_errors_nothing_left_e202(text):
    with pytest.raises(CleanError) as err:
        clean(raw(text))
    assert err.value.code == "E202"


@pytest.mark.parametrize("data", [b"<html><body><p>unclosed <b>tags <i>everywhere", b"<<<>>>&&&;;",
                                  b"\x00\x01 plain", b"<!DOCTYPE html><html></html>"])
def test_clean_errors_malformed_input_raises_only_clean_errors(data):
    for fmt in ("html", "text"):
        try:
            clean(RawDocument(data=data, path="x", format=fmt))
        except CleanError as err:
            assert err.code in {"E104", "E201", "E202"}


def test_clean_errors_charset_of_declared_content_type():
    text = "Der Gemeinderat hat die Sanierung der Markthalle für zwei Millionen Euro beschlossen, sagte er."
    doc = clean(RawDocument(data=text.encode("latin-1"), path="x.txt",
                            declared={"content_type": "text/plain; charset=ISO-8859-1"}))
    assert doc.text == text and doc.encoding == "iso8859-1"
