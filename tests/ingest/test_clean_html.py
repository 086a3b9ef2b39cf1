"""HTML pages: main text and metadata through trafilatura, with the plain-text rescue."""

from __future__ import annotations

from clean_samples import raw

from newsgraph.ingest.clean import clean, render_text

PARAGRAPHS = [
    "The county board approved the new bus routes on Wednesday after a two-hour debate, with four members "
    "in favour and one against the plan.",
    "Officials said the first buses would run in September, once drivers have been trained on the new "
    "electric vehicles that the county bought last year.",
    "Residents who spoke at the meeting welcomed the decision but asked for later evening services, "
    "which the board promised to study before the end of the year.",
]

PAGE = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>County board backs new bus routes | Valley Courier</title>
<meta property="og:site_name" content="Valley Courier">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2024-03-04T09:00:00Z">
<script>window.tracking = true;</script><style>body {{ color: red }}</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>County board backs new bus routes</h1>
{"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}
</article>
<aside><h3>Most popular</h3><ul><li><a href="/a">Storm hits coast</a></li>
<li><a href="/b">Match report</a></li></ul></aside>
<footer><p>© 2024 Valley Courier. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>"""


def test_clean_html_main_text_and_metadata():
    doc = clean(raw(PAGE, path="page.html", fmt="html"))
    for p in PARAGRAPHS:
        assert p in doc.text
    for chrome in ("Most popular", "Storm hits coast", "Privacy policy", "window.tracking"):
        assert chrome not in doc.text
    assert doc.title == "County board backs new bus routes"
    assert doc.published == "2024-03-04"
    assert doc.publisher == "Valley Courier"
    assert doc.authors == ["Jane Roe"]
    assert doc.language == "en"
    assert doc.provenance["title"] == "html"


def test_clean_html_declared_metadata_wins():
    doc = clean(raw(PAGE, path="page.html", fmt="html", title="From the feed", url="https://v.example/1"))
    assert doc.title == "From the feed" and doc.provenance["title"] == "declared"
    assert doc.url == "https://v.example/1"


def test_clean_html_render_keeps_chrome_and_drops_scripts():
    text = render_text(PAGE)
    lines = text.splitlines()
    assert lines[0] == "County board backs new bus routes | Valley Courier"
    assert "Home" in lines and "Most popular" in lines and PARAGRAPHS[0] in lines
    assert "window.tracking" not in text and "color: red" not in text


def test_clean_html_plain_text_cleaner_on_rendered_page():
    doc = clean(raw(render_text(PAGE)))
    assert doc.title == "County board backs new bus routes"
    assert doc.publisher == "Valley Courier"
    assert doc.text == "\n\n".join(PARAGRAPHS)


def test_clean_html_removed_blocks_hold_the_page_chrome():
    doc = clean(raw(PAGE, path="page.html", fmt="html"))
    removed = {b.text for b in doc.removed}
    assert {"Home", "Most popular", "Storm hits coast"} <= removed
    assert all(b.kind == "html-chrome" for b in doc.removed)
    assert not any(p in removed for p in PARAGRAPHS)


def test_clean_html_page_is_rendered_from_the_tree_trafilatura_read():
    from lxml import html as lxml_html

    from newsgraph.ingest.clean.html import extract_html
    from newsgraph.ingest.clean.render import render_tree

    result = extract_html(PAGE)
    # One parse serves both: the rendering of the tree trafilatura was given is the
    # full-page text, identical to rendering the markup afresh.
    assert result.page_text == render_text(PAGE)
    assert render_tree(lxml_html.document_fromstring(PAGE)) == render_text(PAGE)
    assert all(p in result.text for p in PARAGRAPHS)


# -- issue 14: pathological pages are bounded; entities are never read unsafely ----------------------------


def test_a_page_of_more_tags_than_any_article_is_refused_before_parsing(monkeypatch):
    import pytest

    from newsgraph.errors import CleanError
    from newsgraph.ingest.clean import params

    monkeypatch.setattr(params, "HTML_MAX_TAGS", 1000)
    with pytest.raises(CleanError) as err:
        clean(raw("<html><body>" + "<p>a</p>" * 600 + "</body></html>", fmt="html"))
    assert err.value.code == "E201" and "1,204 tags" in err.value.reason
    assert clean(raw(PAGE, fmt="html")).text  # a real page is far below


def test_a_page_of_many_elements_skips_the_quadratic_fallbacks_and_still_reads_its_text(monkeypatch):
    import trafilatura

    from newsgraph.ingest.clean import html

    calls: list[bool] = []
    real = trafilatura.bare_extraction

    def spy(*args, **kwargs):
        calls.append(kwargs.get("fast", False))
        return real(*args, **kwargs)

    monkeypatch.setattr(trafilatura, "bare_extraction", spy)
    monkeypatch.setattr(html, "HTML_FALLBACK_MAX_ELEMENTS", 30)
    assert "two-hour debate" in clean(raw(PAGE, fmt="html")).text
    monkeypatch.setattr(html, "HTML_FALLBACK_MAX_ELEMENTS", 10_000)
    clean(raw(PAGE, fmt="html"))
    assert calls == [True, False]


def test_entities_declared_in_a_doctype_are_refused_and_undefined_xhtml_ones_dropped():
    import pytest

    from newsgraph.errors import CleanError
    from newsgraph.ingest.clean.html import entity_problem

    assert "declares its own entities" in entity_problem(
        '<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><html><body>&x;</body></html>')
    assert entity_problem(PAGE) is None
    xhtml = '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body>{}</body></html>'
    with pytest.raises(CleanError) as err:  # nothing but an undefined entity: refused
        clean(raw(xhtml.format("<p>&lol9;</p>"), fmt="html"))
    assert err.value.code == "E204" and "&lol9;" in err.value.reason
    # An article with a stray one keeps its text, the reference dropped with a warning;
    # HTML's own names are read; script (where "&v.prototype;" is code) is not text.
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "<p>Caf&eacute; &amp; bar &bogus;.</p>"
    doc = clean(raw(xhtml.format(body + "<script>a&&v.prototype;</script>"), fmt="html"))
    assert "Café & bar ." in doc.text and "&bogus;" not in doc.text
    assert any("&bogus;" in w for w in doc.warnings)
    # Plain HTML keeps an unknown reference as text, as browsers do.
    assert "AT&T;" in clean(raw(PAGE.replace("two-hour debate", "two-hour AT&T; debate"), fmt="html")).text
