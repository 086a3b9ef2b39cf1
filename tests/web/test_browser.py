"""The analyst UI in a real browser: search → article, an upload followed to its status, and
the event page with its evidence and its related events (kept apart, with why).

Starts the real server (uvicorn in a thread, free loopback port) on a store
ingested from the demo corpus (the seeds when ``../shared`` is beside the repo,
else ``examples/``) plus one article holding markup, and drives Debian's
Chromium through Playwright's sync API. Screenshots go to ``tests/artifacts/``.
What is asserted is what an analyst sees; the search query is taken from the
store (the first document's most mentioned name), never written for a corpus.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from browser_support import ARTIFACTS, REPO, chromium, require_chromium, serving, shot, watched_page

pytestmark = pytest.mark.browser

SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
EXAMPLES = REPO / "examples"
#: Guards against a hung job; not a timing assertion.
JOB_GUARD_MS = 120_000

MARKUP_ARTICLE = """Hacker defaces council website with a script

Investigators in the fictional town of Lindqvist said on Wednesday that an attacker had typed <script>alert(1)</script> into the comment field of the council website.

The council's digital officer, Lena Marsk, said no personal data had been taken and that the comment field had been switched off while the website was repaired.
"""  # noqa: E501

UPLOAD_ARTICLE = """Ferry service to Kellmar island resumes after storm

The ferry between the fictional harbour town of Brisvik and Kellmar island resumed sailing on Sunday after a storm kept boats in port for three days.

"We are glad to have our link to the mainland back," said Aino Varga, who runs the island's only shop.
"""  # noqa: E501


# A story told four ways (fictional, written for this test), ingested one by one after the demo
# corpus: an original report, a republication crediting it, a word-spun copy, and an independent
# second report of the same event.
STORY_ORIGINAL = """Dam operators open floodgates as Lake Ferrin rises

Sunday, October 5, 2025

Operators of the Ferrin dam opened four floodgates on Sunday after a week of rain pushed the reservoir to its highest level in thirty years, the regional water board said.

Water board director Hanne Sollis said the release would raise the river below the dam by about one metre, and asked people in the low-lying villages of Amsel and Koberg to move their cars and livestock to higher ground.

"We would rather release water slowly now than be forced to release far more later," Sollis said. Engineers checked the dam wall overnight and found no damage, the board added.
"""

STORY_REPUBLISHED = """Share on Facebook | Share on Twitter | Email this article

Dam operators open floodgates as Lake Ferrin rises

Source: Ferrin Valley Chronicle

Operators of the Ferrin dam opened four floodgates on Sunday after a week of rain pushed the reservoir to its highest level in thirty years, the regional water board said.

Water board director Hanne Sollis said the release would raise the river below the dam by about one metre, and asked people in the low-lying villages of Amsel and Koberg to move their cars and livestock to higher ground.

Copyright 2025 Newsfeed Network. All rights reserved.
"""

STORY_SPUN = """Dam operators unlock floodgates as Lake Ferrin climbs

Operators of the Ferrin dam unlocked four floodgates on Sunday after a week of rainfall drove the reservoir to its greatest level in thirty years, the regional water board stated.

Water board director Hanne Sollis said the discharge would lift the river beneath the dam by roughly one metre, and requested people in the low-lying villages of Amsel and Koberg to shift their automobiles and cattle to higher ground.

"We would prefer to release water gradually now than be compelled to release far more afterwards," Sollis said. Engineers inspected the dam wall overnight and discovered no harm, the board added.
"""

STORY_SECOND = """Villages below Ferrin dam prepare for higher river

Monday, October 6, 2025

Residents of Amsel and Koberg spent Sunday night moving cattle and cars uphill after the Ferrin dam began releasing water from its swollen reservoir.

"The river is already at the edge of the fields," said Tomas Vinter, a farmer in Koberg. Hanne Sollis of the regional water board said the dam itself was safe and that the release would continue for several days.
"""

STORY_ARTICLES = [("story_original.txt", STORY_ORIGINAL), ("story_republished.txt", STORY_REPUBLISHED),
                  ("story_spun.txt", STORY_SPUN), ("story_second.txt", STORY_SECOND)]

# Two alike events that are not one occurrence (fictional): an attack that happened, and a
# warning that attacks are being planned. The event page shows the second as related.
RELATED_HAPPENED = """Militants storm embassy in Lisbon

Published: 5 March 2024

Militants of the Ostrel Front attacked the Varennian embassy in Lisbon on Monday, wounding two guards.

The attackers fled before police arrived at the embassy.
"""

RELATED_PLANNED = """Intelligence service warns of embassy attacks

Published: 5 March 2024

The Varennian intelligence service said on Tuesday that militants of the Ostrel Front were planning attacks on foreign embassies in Lisbon.

The service raised the alert level of every mission in the city.
"""

RELATED_ARTICLES = [("related_happened.txt", RELATED_HAPPENED), ("related_planned.txt", RELATED_PLANNED)]


@dataclass
class Served:
    url: str
    db: Path
    markup_id: str
    query: str
    story_ids: dict[str, str]  # file stem → document id
    related_ids: dict[str, str]  # file stem → document id (RELATED_ARTICLES)


def _build_store(tmp: Path) -> tuple[Path, str, str, dict[str, str], dict[str, str]]:
    from newsgraph.pipeline import ingest
    from newsgraph.store import Store

    corpus = SEEDS if SEEDS.is_dir() and any(SEEDS.iterdir()) else EXAMPLES
    extra = tmp / "extra"
    extra.mkdir()
    (extra / "markup.txt").write_text(MARKUP_ARTICLE, encoding="utf-8")
    db = tmp / "browser.db"
    with Store(db) as store:
        report = ingest([corpus], store, root=corpus)
        assert report.ingested, f"nothing ingested from {corpus}: {report.failed}"
        markup = ingest([extra], store, root=extra)
        assert markup.ingested, markup.failed
        first = store.document(report.ingested[0])
        assert first is not None
        names = Counter(m["text"] for m in first["mentions"] if len(m["text"]) > 3)
        query = f'"{names.most_common(1)[0][0]}"' if names else (first["title"] or "").split()[0]
        ids: dict[str, str] = {}
        for name, text in STORY_ARTICLES + RELATED_ARTICLES:  # one run each, in the list's order
            folder = tmp / Path(name).stem
            folder.mkdir()
            (folder / name).write_text(text, encoding="utf-8")
            done = ingest([folder], store, root=folder)
            assert done.ingested, done.failed
            ids[Path(name).stem] = done.ingested[0]
    story_ids = {Path(n).stem: ids[Path(n).stem] for n, _ in STORY_ARTICLES}
    related_ids = {Path(n).stem: ids[Path(n).stem] for n, _ in RELATED_ARTICLES}
    return db, markup.ingested[0], query, story_ids, related_ids


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    require_chromium()
    db, markup_id, query, story_ids, related_ids = _build_store(tmp_path_factory.mktemp("browser"))
    with serving(db) as url:
        yield Served(url, db, markup_id, query, story_ids, related_ids)


@pytest.fixture(scope="module")
def browser(served: Served):
    with chromium() as b:
        yield b


@pytest.fixture()
def page(browser, served: Served):
    with watched_page(browser, served.url) as p:
        yield p


_shot = shot


def test_browser_search_then_article(served: Served, page):
    from playwright.sync_api import expect

    page.goto(served.url + "/")
    expect(page.locator(".stats")).to_be_visible()
    _shot(page, "home")

    box = page.locator("form.bigsearch input[name=q]")
    box.fill(served.query)
    box.press("Enter")
    page.wait_for_url("**/search?**")
    hits = page.locator("ol.hits li.hit")
    expect(hits.first).to_be_visible()
    assert hits.count() >= 1
    expect(page.locator("#search-summary")).to_contain_text("of")
    expect(page.locator("ol.hits mark.match").first).to_be_visible()
    _shot(page, "search")

    hits.first.locator("h3 a").click()
    page.wait_for_url("**/documents/*")
    expect(page.locator(".doc-head h1")).to_be_visible()
    # Names (linked pronouns read as plain text until their toggle is on).
    marks = page.locator("#text mark[data-label]:not([data-kind])")
    expect(marks.first).to_be_visible()
    assert marks.count() >= 1
    label = marks.first.get_attribute("data-label")
    expect(page.locator(f'.legend mark[data-label="{label}"]')).to_be_visible()
    # Mentions are coloured by type: a marked span's background differs from the text's.
    colours = {marks.nth(i).evaluate("e => getComputedStyle(e).backgroundColor")
               for i in range(min(marks.count(), 30))}
    assert "rgba(0, 0, 0, 0)" not in colours
    removed = page.locator("details#removed")
    expect(removed).to_be_visible()
    assert removed.get_attribute("open") is None  # folded away
    if page.locator("details#removed table").count():
        expect(page.locator("details#removed table")).to_be_hidden()
    expect(page.locator(".meta-list")).to_contain_text("Published")
    _shot(page, "article")

    removed.locator("summary").click()
    if page.locator("details#removed table").count():
        expect(page.locator("details#removed table")).to_be_visible()
    _shot(page, "article-removed-open")
    assert page.problems == []


def test_browser_markup_in_an_article_is_text(served: Served, page):
    from playwright.sync_api import expect

    page.goto(f"{served.url}/documents/{served.markup_id}")
    expect(page.locator("#text")).to_contain_text("<script>alert(1)</script>")
    assert page.locator("#text script").count() == 0
    _shot(page, "article-markup")
    assert page.problems == []  # no alert dialog, no CSP violation


def test_browser_upload_is_ingested_and_status_updates(served: Served, page, tmp_path: Path):
    from playwright.sync_api import expect

    article = tmp_path / "ferry.txt"
    article.write_text(UPLOAD_ARTICLE, encoding="utf-8")
    page.goto(served.url + "/ingest")
    page.set_input_files("input#files", [str(article)])
    page.locator("form.upload button[type=submit]").click()
    page.wait_for_url("**/ingest/status")
    # ingest.js polls the JSON twin and reloads the page when the job ends.
    expect(page.locator('#ingest-status [data-field="state"]')).to_have_text("done", timeout=JOB_GUARD_MS)
    expect(page.locator('#ingest-status [data-field="ingested"]')).to_have_text("1")
    _shot(page, "ingest-status")
    page.locator("ul.ingested a").first.click()
    expect(page.locator(".doc-head h1")).to_contain_text("Ferry service to Kellmar island")
    assert page.problems == []


def test_browser_api_docs_page_is_offline(served: Served, page):
    from playwright.sync_api import expect

    page.goto(served.url + "/docs")
    expect(page.locator("section.op").first).to_be_visible()
    expect(page.get_by_text("/api/search").first).to_be_visible()
    _shot(page, "api-docs")
    assert page.problems == []


def _claimed_document(db: Path) -> str | None:
    """The stored document with the most claims, those with a claim reporting an event first
    (None when no claim was found)."""
    from newsgraph.store import Store

    with Store(db, readonly=True) as store:
        row = store.conn.execute(
            """SELECT doc_id FROM claims GROUP BY doc_id
               ORDER BY max(json_array_length(data, '$.events') > 0) DESC, count(*) DESC
               LIMIT 1""").fetchone()
    return row[0] if row else None


def _claim_reporting_an_event(db: Path) -> tuple[str, str] | None:
    """(document, claim) of a claim whose content reports a resolved event, or None."""
    from newsgraph.store import Store

    with Store(db, readonly=True) as store:
        row = store.conn.execute(
            """SELECT c.doc_id, c.id FROM claims c, json_each(c.data, '$.events') j
               JOIN event_sources s ON s.mention_id = j.value
               ORDER BY c.doc_id, c.start LIMIT 1""").fetchone()
    return (row[0], row[1]) if row else None


def test_browser_article_claims_beside_the_text(served: Served, page):
    from playwright.sync_api import expect

    doc_id = _claimed_document(served.db)
    if doc_id is None:
        pytest.skip("the demo corpus yielded no claim")
    page.goto(f"{served.url}/documents/{doc_id}")
    items = page.locator("#claims li.claim")
    expect(items.first).to_be_visible()
    expect(items.first.locator(".certainty")).to_be_visible()
    claim_id = items.first.get_attribute("data-claim")
    content = page.locator(f'#text [data-claims~="{claim_id}"]')
    expect(content.first).to_be_visible()
    items.first.hover()  # claims.js lights the claim up in the text
    expect(content.first).to_have_class(re.compile(r"\blit\b"))
    _shot(page, "article-claims")
    items.first.locator(".claim-content a").click()
    page.wait_for_url(f"**#claim-{claim_id}")
    page.goto(f"{served.url}/claims")
    expect(page.locator("table.claims-table tbody tr").first).to_be_visible()
    _shot(page, "claims")
    assert page.problems == []


def test_browser_claim_leads_to_the_event_it_reports(served: Served, page):
    from playwright.sync_api import expect

    found = _claim_reporting_an_event(served.db)
    if found is None:
        pytest.skip("no claim in the demo corpus reports a resolved event")
    doc_id, claim_id = found
    page.goto(f"{served.url}/documents/{doc_id}")
    item = page.locator(f'#claims li.claim[data-claim="{claim_id}"]')
    link = item.locator("a.claim-event").first
    expect(link).to_be_visible()
    expect(link.locator(".evtype")).to_be_visible()
    _shot(page, "article-claim-event")
    # The whole article is tall: the claims panel on its own, legible.
    page.locator("#claims").screenshot(path=str(ARTIFACTS / "article-claims-panel.png"))
    link.click()
    page.wait_for_url("**/events/*")
    via = page.locator(f'#event-evidence p.reported-via[data-claim="{claim_id}"]')
    expect(via).to_be_visible()
    expect(via.locator(".speaker")).to_be_visible()
    expect(via.locator(".certainty")).to_be_visible()
    # Every report says why it is counted in the event.
    expect(page.locator("#event-evidence .joined-reason").first).to_be_visible()
    _shot(page, "event-reported-via")
    via.locator("a").last.click()
    page.wait_for_url(f"**/documents/{doc_id}#claim-{claim_id}")
    page.goto(f"{served.url}/claims?doc={doc_id}")
    expect(page.locator(f'tr[data-claim="{claim_id}"] a.claim-event').first).to_be_visible()
    _shot(page, "claims-events")
    assert page.problems == []


def test_browser_map_shows_points_and_opens_a_place(served: Served, page):
    from playwright.sync_api import expect

    page.goto(f"{served.url}/map")
    expect(page.locator("svg.map")).to_be_visible()
    points = page.locator("svg.map a.pt")
    if points.count() == 0:
        pytest.skip("no resolved place in the demo corpus")
    expect(points.first).to_be_visible()
    _shot(page, "map")
    first = page.locator("#map-places tbody tr a").first
    name = first.inner_text()
    first.click()
    page.wait_for_url("**/places?id=*")
    expect(page.locator("h1")).to_contain_text(name)
    expect(page.locator("#place-mentions mark.hit").first).to_be_visible()
    _shot(page, "place")
    assert page.problems == []


def test_browser_entity_page_from_an_article_mention(served: Served, page):
    from playwright.sync_api import expect

    page.goto(f"{served.url}/entities")
    rows = page.locator("#entities-table tbody tr")
    expect(rows.first).to_be_visible()
    _shot(page, "entities")
    # The most mentioned entity: reach it the analyst's way, from one of its mentions in an article.
    first = rows.first.locator("td a").first
    name = first.inner_text()
    first.click()
    page.wait_for_url("**/entities/E*")
    entity_url = page.url
    mention = page.locator("#mentions ol li a").first
    mention.click()
    page.wait_for_url("**/documents/*#m-*")
    link = page.locator(f'#text a.ent[href="{entity_url.removeprefix(served.url)}"]').first
    expect(link).to_be_visible()
    link.click()
    page.wait_for_url(entity_url)
    expect(page.locator("h1#entity-name")).to_have_text(name)
    expect(page.locator("#aliases .alias").first).to_be_visible()
    expect(page.locator("#mentions mark.hit").first).to_be_visible()
    expect(page.locator("#cooccurring")).to_be_visible()
    _shot(page, "entity")
    # An edit through the page's form (same-origin post with the form token), then the log.
    page.locator("#alias-add-form input[name=value]").fill("Test Alias Form")
    page.locator("#alias-add-form button").click()
    expect(page.locator("#edit-notice")).to_be_visible()
    expect(page.locator("#aliases")).to_contain_text("Test Alias Form")
    page.goto(f"{served.url}/entities/edits")
    expect(page.locator("#edit-log tbody tr").first).to_contain_text("Alias added")
    _shot(page, "entity-edits")
    assert page.problems == []


def test_browser_event_page_lists_its_evidence(served: Served, page):
    from playwright.sync_api import expect

    page.goto(f"{served.url}/events")
    rows = page.locator("#events-table tbody tr[data-event]")
    if rows.count() == 0:
        pytest.skip("the demo corpus yielded no event")
    _shot(page, "events")
    rows.first.locator("td a").first.click()  # most sources first
    page.wait_for_url("**/events/*")
    expect(page.locator("#event-facts")).to_be_visible()
    evidence = page.locator("#event-evidence li")
    expect(evidence.first).to_be_visible()
    expect(evidence.first.locator("mark.trigger")).to_be_visible()
    sources = page.locator("#event-sources").inner_text()
    assert int(sources.split()[0]) == len({evidence.nth(i).get_attribute("data-doc")
                                           for i in range(evidence.count())})
    # Who the independent reports are, each standing for its copies (never a raw id).
    reports = page.locator("#event-independent-reports > li")
    assert reports.count() == int(sources.split("·")[1].split()[0])
    assert not re.search(r"unknown:[0-9a-f]", page.locator("#event-independence-explanation").inner_text())
    _shot(page, "event")
    evidence.first.locator("a").first.click()
    page.wait_for_url("**/documents/*#evm_*")
    expect(page.locator("#events li:target")).to_be_visible()
    assert page.problems == []


def test_browser_story_page_timeline_and_side_by_side_evidence(served: Served, page):
    from playwright.sync_api import expect

    ids = served.story_ids
    page.goto(f"{served.url}/stories")
    expect(page.locator("#stories-table")).to_be_visible()
    _shot(page, "stories")
    page.goto(f"{served.url}/documents/{ids['story_original']}")
    page.locator("#doc-story a").click()
    page.wait_for_url("**/stories/*")
    timeline = page.locator("#story-timeline li")
    expect(timeline.first).to_be_visible()
    docs = [timeline.nth(i).get_attribute("data-doc") for i in range(timeline.count())]
    assert set(ids.values()) <= set(docs)
    assert docs[0] == ids["story_original"]  # the earliest dated report leads
    expect(page.locator(f'#story-timeline li[data-doc="{ids["story_spun"]}"] .lk-spin')).to_be_visible()
    expect(page.locator("#story-publishers")).to_be_visible()
    _shot(page, "story")

    # From the spun copy's row to its evidence: aligned sentences, swapped words marked.
    page.locator(f'#story-timeline li[data-doc="{ids["story_spun"]}"] .rel a').click()
    page.wait_for_url("**/links/*/*")
    rows = page.locator("#link-evidence .sbs-row.substituted")
    expect(rows.first).to_be_visible()
    expect(rows.first.locator("mark.swap-b").first).to_be_visible()
    expect(rows.first.locator("mark.swap-a").first).to_be_visible()
    # The two columns sit side by side.
    left = rows.first.locator(".sbs-a").bounding_box()
    right = rows.first.locator(".sbs-b").bounding_box()
    assert left and right and right["x"] > left["x"] + left["width"] - 1 and abs(right["y"] - left["y"]) < 2
    _shot(page, "link-spin")
    assert page.problems == []


def test_browser_copy_side_by_side_and_signals_panel(served: Served, page):
    from playwright.sync_api import expect

    ids = served.story_ids
    page.goto(f"{served.url}/documents/{ids['story_republished']}")
    panel = page.locator("#signals")
    expect(panel).to_be_visible()
    rep = panel.locator('li[data-signal="republication"]')
    expect(rep.locator(".cue")).to_have_text("look here")
    expect(rep).to_contain_text("Ferrin Valley Chronicle")
    panel.scroll_into_view_if_needed()
    _shot(page, "article-signals")
    link = page.locator("#links li", has=page.locator(".lk-copy, .lk-duplicate")).first
    expect(link).to_be_visible()
    link.locator("a", has_text="evidence side by side").click()
    page.wait_for_url("**/links/*/*")
    shared = page.locator("#link-evidence .sbs-row.shared").first
    expect(shared).to_be_visible()
    assert shared.locator(".sbs-a").inner_text().split("\n", 1)[1] == shared.locator(".sbs-b").inner_text().split("\n", 1)[1]
    _shot(page, "link-copy")
    page.goto(f"{served.url}/publishers")
    expect(page.locator("#publishers-table tbody tr").first).to_be_visible()
    _shot(page, "publishers")
    assert page.problems == []


def _event_with_related(db: Path, doc_id: str) -> str | None:
    import sqlite3

    with sqlite3.connect(db) as conn:
        row = conn.execute(
            "SELECT e.id FROM events e JOIN event_sources s ON s.event_id = e.id WHERE s.doc_id = ? "
            "AND json_array_length(json_extract(e.data, '$.related')) > 0 LIMIT 1", (doc_id,)).fetchone()
    return row[0] if row else None


def test_browser_event_page_shows_related_events_apart(served: Served, page):
    from playwright.sync_api import expect

    event_id = _event_with_related(served.db, served.related_ids["related_happened"])
    assert event_id, "the attack that happened has no related event"
    page.goto(f"{served.url}/events/{event_id}")
    evidence = page.locator("#event-evidence li")
    related = page.locator("#event-related")
    expect(related).to_be_visible()
    # Labelled as another occurrence, with why, and apart from the event's own reports.
    expect(related.locator("h2")).to_contain_text("not the same occurrence")
    expect(related.locator(".related-reason").first).to_contain_text("modality differs")
    own_docs = {evidence.nth(i).get_attribute("data-doc") for i in range(evidence.count())}
    assert own_docs == {served.related_ids["related_happened"]}
    assert "planning" not in page.locator("#event-evidence").inner_text()
    expect(related.locator("mark.trigger").first).to_have_text("attacks")
    assert page.locator("#event-sources").inner_text().startswith("1 source")
    _shot(page, "event-related")
    # The related event links back to this one.
    related.locator("li a").first.click()
    page.wait_for_url("**/events/*")
    expect(page.locator(f'#event-related li[data-event="{event_id}"]')).to_be_visible()
    assert page.problems == []


def test_browser_article_pronouns_toggled_on(served: Served, page):
    """Linked pronouns are marked in the article only when their toggle is on (off by
    default), and lead to their entity, whose page counts mentions by kind."""
    import sqlite3

    from playwright.sync_api import expect

    con = sqlite3.connect(served.db)
    try:
        row = con.execute("SELECT doc_id, start FROM entity_mentions WHERE kind = 'pronoun' "
                          "ORDER BY doc_id, start LIMIT 1").fetchone()
    finally:
        con.close()
    assert row is not None, "the demo corpus has no linked pronoun"
    doc, start = row
    page.goto(f"{served.url}/documents/{doc}")
    text = page.locator("#text")
    box = page.locator("#show-pronouns")
    expect(box).not_to_be_checked()
    expect(page.locator("#show-descriptions")).to_be_checked()
    expect(text).not_to_have_class(re.compile(r"\bhide-description\b"))
    mark = page.locator(f'#text mark[data-kind="pronoun"][data-start="{start}"]')
    expect(mark).to_have_count(1)
    expect(text).not_to_have_class(re.compile(r"\bshow-pronoun\b"))
    hidden = mark.evaluate("m => getComputedStyle(m).backgroundColor")
    box.check()
    expect(text).to_have_class(re.compile(r"\bshow-pronoun\b"))
    shown = mark.evaluate("m => getComputedStyle(m).backgroundColor")
    assert shown != hidden  # marked like the entity's names now
    expect(mark).to_have_attribute("title", re.compile(r"→ .+ \(pronoun, "))
    _shot(page, "article-pronouns")
    page.locator(f'#text a.ent:has(mark[data-kind="pronoun"][data-start="{start}"])').click()
    page.wait_for_url("**/entities/E*")
    expect(page.locator("#mention-kinds")).to_contain_text(re.compile(r"by pronoun [1-9]"))
    assert page.problems == []


def _busiest_document(db: Path) -> str:
    """The document with the most event mentions (ties: most claims), the longest side panels."""
    import sqlite3

    with sqlite3.connect(db) as conn:
        row = conn.execute(
            """SELECT d.id FROM documents d
               ORDER BY (SELECT COUNT(*) FROM event_mentions x JOIN event_sources s ON s.mention_id = x.id
                         WHERE x.doc_id = d.id) DESC,
                        (SELECT COUNT(*) FROM claims c WHERE c.doc_id = d.id) DESC, d.id LIMIT 1""").fetchone()
    return row[0]


_BACKGROUND = "e => getComputedStyle(e).backgroundColor"
_PLAIN = "rgba(0, 0, 0, 0)"


def test_browser_article_side_panels_fold_and_point_into_the_text(served: Served, page):
    """The side column is folded (panels closed but the signals, events grouped by type
    without their sentence, the entity table cut to its top rows); a trigger in the events panel
    lights its sentence in the text; claims are marked only when their toggle is on."""
    from playwright.sync_api import expect

    from newsgraph.api.config import PANEL

    doc = _busiest_document(served.db)
    data = _json_doc(served, doc)
    page.goto(f"{served.url}/documents/{doc}")
    # (The columns' heights depend on the corpus: `tests/web/panel_heights.py` prints them.)
    expect(page.locator("details#metadata")).not_to_have_attribute("open", "")
    expect(page.locator("details#signals")).to_have_attribute("open", "")
    # Events: grouped by type, most mentioned first; the sentence is not repeated in the panel.
    groups = page.locator("#events details.ev-group")
    types = {e["type"] for e in data["events"]}
    expect(groups).to_have_count(len(types))
    assert page.locator("#events .sentence").count() == 0
    first = groups.first.locator("li").first
    mention = first.get_attribute("data-mention")
    first.locator("a.ev-sentence").click()
    page.wait_for_url(f"**#ev-{mention}")
    lit = page.locator(f'#text [data-evs~="{mention}"]')
    expect(lit.first).to_have_class(re.compile(r"\blit-ev\b"))
    expect(lit.first).to_be_in_viewport()
    _shot(page, "article-event-sentence")
    # A link from an event page into a folded group opens it.
    if len(types) > PANEL.event_groups_open:
        folded = groups.nth(PANEL.event_groups_open)
        expect(folded).not_to_have_attribute("open", "")
        target = folded.locator("li").first.get_attribute("id")
        page.goto(f"{served.url}/documents/{doc}#{target}")
        expect(page.locator(f'#events li[id="{target}"]')).to_be_visible()
    # Entities: the top rows, the rest behind "show all".
    if len(data["entities"]) > PANEL.entities:
        expect(page.locator("#entities-top tr")).to_have_count(PANEL.entities)
        rest = page.locator("#entities-all tr")
        expect(rest.first).to_be_hidden()
        page.locator("#entities-all > summary").click()
        expect(rest.first).to_be_visible()
        assert rest.count() == len(data["entities"]) - PANEL.entities
    # Claims: plain text until their toggle is on; names marked until theirs is off.
    content = page.locator("#text .lay.c-content")
    if data["claims"]:
        assert content.first.evaluate(_BACKGROUND) == _PLAIN
        page.locator("#show-claims").check()
        assert content.first.evaluate(_BACKGROUND) != _PLAIN
        page.locator("#show-claims").uncheck()
    name = page.locator("#text mark[data-label]:not([data-kind])").first
    assert name.evaluate(_BACKGROUND) != _PLAIN
    page.locator("#show-names").uncheck()
    assert name.evaluate(_BACKGROUND) == _PLAIN
    page.locator("#show-names").check()
    page.goto(f"{served.url}/documents/{doc}")  # the choices hold on the next visit
    expect(page.locator("#show-names")).to_be_checked()
    expect(page.locator("#show-claims")).not_to_be_checked()
    _shot(page, "article-panels")
    assert page.problems == []


def test_browser_story_events_grouped_by_type(served: Served, page):
    from playwright.sync_api import expect

    page.goto(f"{served.url}/documents/{served.story_ids['story_original']}")
    page.locator("#doc-story a").click()
    page.wait_for_url("**/stories/*")
    # The timeline panel: the story's dated articles as ticks (two of the four carry a date).
    dated = [d for d in _json_story(served, page.url) if d["published"]]
    panel = page.locator("#story-timeline-panel")
    expect(panel).to_be_visible()
    expect(panel.locator("svg a.article")).to_have_count(len(dated))
    groups = page.locator("#story-events details.ev-group")
    if groups.count() == 0:
        pytest.skip("the story's articles report no resolved event")
    expect(groups.first).to_have_attribute("open", "")
    item = groups.first.locator("li").first
    assert item.locator("a").get_attribute("title")  # the sentence, on hover
    assert page.locator("#story-events .sentence").count() == 0
    _shot(page, "story-events")
    item.locator("a").click()
    page.wait_for_url("**/events/*")
    assert page.problems == []


def _json_doc(served: Served, doc: str) -> dict:
    import json
    import urllib.request

    with urllib.request.urlopen(f"{served.url}/documents/{doc}.json") as r:  # noqa: S310 - the test's server
        return json.loads(r.read())


def test_browser_search_signal_facet(served: Served, page):
    """The search's "look here" facet narrows the hits to articles with that signal flagged
    (the republication crediting the dam report), and /api/search answers the same."""
    from playwright.sync_api import expect

    page.goto(f"{served.url}/search?q=Ferrin")
    chip = page.locator('#signal-facets a.chip[data-key="republication"]')
    expect(chip).to_be_visible()
    n = int(chip.locator(".n").text_content())
    _shot(page, "search-signal-facet")
    chip.click()
    page.wait_for_url("**signal=republication**")
    hits = page.locator("ol.hits li.hit")
    expect(hits).to_have_count(n)
    expect(page.locator('#signal-facets a.chip[aria-current="true"]')).to_have_count(1)
    assert served.story_ids["story_republished"] in {
        hits.nth(i).locator("h3 a").get_attribute("href").rsplit("/", 1)[-1] for i in range(n)}
    api = page.request.get(f"{served.url}/api/search?q=Ferrin&signal=republication").json()
    assert api["total"] == n
    assert [f["key"] for f in api["facets"]["signal"] if f["selected"]] == ["republication"]
    assert page.problems == []


def _json_story(served: Served, page_url: str) -> list[dict]:
    import json
    import urllib.request

    with urllib.request.urlopen(page_url + ".json") as r:  # noqa: S310 - the test's server
        return json.loads(r.read())["timeline"]
