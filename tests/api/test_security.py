"""Escaping, the token, the loopback-only default, security headers, raw bytes and upload CSRF."""

from __future__ import annotations

import html

from api_articles import BASE, Corpus
from fastapi.testclient import TestClient

from newsgraph.api.app import create_app
from newsgraph.api.security import is_loopback_host

SCRIPT = "<script>alert(1)</script>"


def test_security_article_markup_is_shown_as_text(client: TestClient, corpus: Corpus):
    doc_id = corpus.ids["xss.txt"]
    stored = client.get(f"/documents/{doc_id}.json").json()
    assert SCRIPT in stored["text"]  # the pipeline kept it: the page has to escape it
    page = client.get(f"/documents/{doc_id}").text
    assert SCRIPT not in page
    assert html.escape(SCRIPT, quote=False) in page
    hits = client.get("/search", params={"q": "attacker comment"}).text
    assert "attacker" in hits and SCRIPT not in hits and "&lt;script&gt;" in hits


def test_security_article_markup_in_metadata_is_escaped(client: TestClient, corpus: Corpus):
    # Titles and paths reach the pages too: a hostile query string must not either.
    page = client.get("/search", params={"q": '"><script>alert(2)</script>'}).text
    assert "<script>alert(2)" not in page
    assert "&lt;script&gt;alert(2)" in page or "&#34;&gt;&lt;script&gt;" in page


def test_security_headers_on_every_answer(client: TestClient):
    for url in ("/", "/.json", "/api/stats", "/documents/none", "/static/newsgraph.css"):
        r = client.get(url)
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp
        assert "unsafe-inline" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"


def test_security_pages_have_no_inline_script(client: TestClient, corpus: Corpus):
    for url in ("/", "/search?q=harbour", f"/documents/{corpus.ids['harbour.txt']}", "/ingest",
                "/ingest/status", "/docs"):
        text = client.get(url).text
        assert "<script>" not in text, url
        assert " on" + "click=" not in text and "javascript:" not in text, url


def test_security_raw_bytes_are_a_plain_text_attachment(client: TestClient, corpus: Corpus):
    doc_id = corpus.ids["xss.txt"]
    r = client.get(f"/documents/{doc_id}/raw")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/plain")
    assert r.headers["content-disposition"].startswith("attachment;")
    assert SCRIPT.encode() in r.content  # the bytes as ingested, untouched
    assert client.get("/documents/0000000000000000/raw").status_code == 404


def test_security_token_required_when_set(corpus: Corpus):
    app = create_app(corpus.db, token="s3cret-token")
    with TestClient(app, base_url=BASE) as anon:
        r = anon.get("/")
        assert r.status_code == 401
        assert "Access token" in r.text  # the page offers a form that sets the cookie
        for url in ("/.json", "/api/stats", "/openapi.json", "/search.json?q=harbour"):
            r = anon.get(url)
            assert r.status_code == 401, url
            assert r.json()["error"]["code"] == "E502", url
        assert anon.get("/api/stats", headers={"Authorization": "Bearer wrong"}).status_code == 401
        anon.cookies.set("token", "wrong")
        assert anon.get("/api/stats").status_code == 401
        assert anon.get("/static/newsgraph.css").status_code == 200  # no data in the stylesheet

    with TestClient(app, base_url=BASE) as bearer:
        r = bearer.get("/api/stats", headers={"Authorization": "Bearer s3cret-token"})
        assert r.status_code == 200 and r.json()["ok"] is True

    with TestClient(app, base_url=BASE) as browser:
        r = browser.get("/search?q=harbour&token=s3cret-token", follow_redirects=False)
        assert r.status_code == 303
        assert r.headers["location"] == "/search?q=harbour"  # the token leaves the address bar
        cookie = r.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=strict" in cookie
        assert browser.get("/").status_code == 200  # the cookie now carries the token
        assert browser.get("/.json").json()["ok"] is True


def test_security_without_token_only_loopback_hosts_answer(corpus: Corpus):
    with TestClient(create_app(corpus.db), base_url="http://evil.example") as c:
        r = c.get("/.json")
        assert r.status_code == 400
        assert r.json()["error"]["code"] == "E508"
    with TestClient(create_app(corpus.db), base_url="http://localhost:8000") as c:
        assert c.get("/.json").status_code == 200
    assert is_loopback_host("127.0.0.1:8000") and is_loopback_host("[::1]:80")
    assert not is_loopback_host("127.0.0.1.evil.example") and not is_loopback_host("10.0.0.1")


def test_security_upload_needs_form_token_and_same_origin(tmp_path):
    app = create_app(tmp_path / "csrf.db")
    files = {"files": ("a.txt", b"Some article text.", "text/plain")}
    with TestClient(app, base_url=BASE) as c:
        r = c.post("/ingest", files=files, headers={"Accept": "application/json"})
        assert r.status_code == 403 and r.json()["error"]["code"] == "E505"
        token = app.state.config.csrf_token
        assert f'name="csrf" value="{token}"' in c.get("/ingest").text
        r = c.post("/ingest", files=files, data={"csrf": token},
                   headers={"Origin": "http://evil.example", "Accept": "application/json"})
        assert r.status_code == 403 and r.json()["error"]["code"] == "E505"
    assert not (tmp_path / "csrf-uploads").exists() or not any((tmp_path / "csrf-uploads").iterdir())
