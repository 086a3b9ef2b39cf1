"""Browser test: a French article and its English translation side by side.

The store holds a French article, its English translation and an unrelated French article
(fictional, ``tests/api/multilingual_articles.py``), the translation link written through
the store. Chromium opens the French article, reads its language and what was read of it,
follows its translation link and sees the aligned sentences in two columns, each marked
with its language; markup in the article stays text.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from browser_support import REPO, chromium, require_chromium, serving, shot, watched_page

sys.path.insert(0, str(REPO / "tests" / "api"))  # the articles and the store builder the API tests use

from multilingual_articles import ENGLISH_SENTENCES, FRENCH_SENTENCES, Multilingual, build  # noqa: E402

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Multilingual]]:
    require_chromium()
    ml = build(tmp_path_factory.mktemp("browser-multilingual"))
    with serving(ml.db, "newsgraph-multilingual-server") as url:
        yield url, ml


def test_browser_french_article_and_its_translation_side_by_side(served: tuple[str, Multilingual]):
    from playwright.sync_api import expect

    url, ml = served
    with chromium() as browser, watched_page(browser, url) as page:
        page.goto(f"{url}/documents/{ml.french}")
        expect(page.locator("#doc-language")).to_contain_text("French")
        expect(page.locator("#doc-reading")).to_contain_text("French article")
        expect(page.locator("#doc-reading")).to_contain_text("French stemming")
        # The article's text, markup shown as text.
        expect(page.locator("#text")).to_contain_text("<b>Vent du Nord</b>")
        assert page.locator("#text b").count() == 0
        shot(page, "multilingual-article")
        link = page.locator("#links a.sbs-open")
        expect(link).to_contain_text("read side by side with the English version")
        link.click()
        page.wait_for_url("**/links/*/*")
        rows = page.locator("#link-evidence .sbs-row.aligned")
        expect(rows).to_have_count(len(FRENCH_SENTENCES))
        for i, (fr, en) in enumerate(zip(FRENCH_SENTENCES, ENGLISH_SENTENCES, strict=True)):
            row = rows.nth(i)
            left, right = row.locator(".sbs-a"), row.locator(".sbs-b")
            expect(left).to_contain_text(fr)
            expect(right).to_contain_text(en)
            assert left.get_attribute("lang") == "fr" and right.get_attribute("lang") == "en"
            # Side by side: the French sentence left of its English one, on one row.
            a, b = left.bounding_box(), right.bounding_box()
            assert a is not None and b is not None and a["x"] + a["width"] <= b["x"] + 1
            assert abs(a["y"] - b["y"]) < max(a["height"], b["height"])
        expect(page.locator("#link-docs [data-side=a] .lang")).to_have_text("French")
        expect(page.locator("#link-docs [data-side=b] .lang")).to_have_text("English")
        shot(page, "multilingual-side-by-side")
        assert page.problems == []
