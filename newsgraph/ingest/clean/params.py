"""Thresholds of the plain-text boilerplate classifier, each with why it has its value.

The jusText values come from Pomikálek's thesis ("Removing Boilerplate and
Duplicate Content from Web Corpora", 2011, ch. 3) and jusText's defaults; the
others were set on the development half of the article-extraction benchmark
(pages whose id starts with a hex digit < 8) and checked on the held-out half.
"""

from __future__ import annotations

__all__ = [
    "BAD_MIN_CHARS",
    "BAD_WEIGHT",
    "CHROME_MAX_CHARS",
    "DENSE_CHAR_WIDTH",
    "FOREIGN_MIN_CHARS",
    "FOREIGN_MIN_SCORE",
    "GOOD_WEIGHT",
    "HEADLINE_MIN_WORDS",
    "HTML_FALLBACK_MAX_ELEMENTS",
    "HTML_MAX_TAGS",
    "INNER_RUN_MAX_LINES",
    "LENGTH_HIGH",
    "LENGTH_LOW",
    "NEAR_WEIGHT",
    "NEXT_BLOCK_GAP_LINES",
    "NEXT_BLOCK_SHARE",
    "REPEAT_MIN_COUNT",
    "SECTION_BREAK_WEIGHT",
    "SENTENCE_GOOD_CHARS",
    "SENTENCE_LOWER_SHARE",
    "SENTENCE_STOP_FLOOR",
    "SHORT_WEIGHT",
    "STOP_HIGH",
    "STOP_LOW",
    "TABLE_MIN_CELLS",
    "TABLE_NUMBER_SHARE",
    "TEASER_HEAD_LINES",
    "TEASER_MAX_CHARS",
    "TEASER_MIN_UNITS",
    "TEMPLATE_MIN_COUNT",
    "TITLE_ANCHOR_WEIGHT",
    "TITLE_MAX_CHARS",
    "TITLE_NAV_MAX_WORDS",
    "TITLE_PERIOD_CHARS",
]

#: jusText: a block shorter than this (characters) is "short": too little text to judge alone.
LENGTH_LOW = 70
#: jusText: a block this long with enough stop words is "good" outright.
LENGTH_HIGH = 200
#: jusText: stop-word density below which a block is "bad" (lists, menus, names).
STOP_LOW = 0.30
#: jusText: stop-word density above which a long block is "good".
STOP_HIGH = 0.32
#: Language ID is unreliable on short strings: only lines this long (characters)
#: are judged by their language; shorter ones only by their script.
FOREIGN_MIN_CHARS = 40
#: Confidence a line's own language must reach to count as "other language".
FOREIGN_MIN_SCORE = 0.8
#: A normalised line seen in this many earlier articles of the same site is chrome.
REPEAT_MIN_COUNT = 2
#: Main-region scoring (max-sum segment): weight per character of a line of each class
#: (after smoothing only good and bad remain; near/short weights cover lines smoothing skips).
GOOD_WEIGHT = 1.0
NEAR_WEIGHT = 0.5
SHORT_WEIGHT = -0.25
BAD_WEIGHT = -1.0
#: A title is a headline: longer than this many characters is a paragraph.
TITLE_MAX_CHARS = 250
#: Plain text has no link density to tell prose from lists, but a line that ends
#: like a sentence is prose: this long and with enough stop words it is "good".
SENTENCE_GOOD_CHARS = 100
#: A sentence-ending line this long is at worst "near-good" if at least this share
#: of its words are stop words (name-heavy news sentences run low).
SENTENCE_STOP_FLOOR = 0.15
#: Chrome vocabulary only demotes lines up to this long: a real paragraph may
#: mention a newsletter or cookies; a cookie banner is rarely longer.
CHROME_MAX_CHARS = 400
#: Main-region weight of a copy of the headline inside the page (the <h1> under
#: the <title>): worth about two paragraphs, so the body next to it wins over a
#: longer block of prose elsewhere (a cookie notice, a comment thread).
#: Set on the dev half: 400 → F1 0.903, 800 → 0.908, 1500 → 0.904 (since the region
#: starts at the headline, the value matters little: 400, 800, 1500 → 0.933).
TITLE_ANCHOR_WEIGHT = 800.0
#: A chrome line costs the main region at least this many characters' worth, so
#: a run of short menu/metadata lines separates two blocks of prose.
BAD_MIN_CHARS = 40
#: A first line longer than this that ends with a full stop is a paragraph, not a
#: headline (headlines drop the final period; short ones like "Storm hits." keep it).
TITLE_PERIOD_CHARS = 80
#: A head line that ends with a full stop is a sentence of the body, not a headline, when
#: at least this share of its words after the first start lower case: title-case
#: headlines have few or none ("Clinton and Sanders Aren't Butting Heads Over The
#: Platform — Yet." 1 of 10), sentences most, even name-heavy ledes ("Maurice Cheeks is
#: out as Philadelphia 76ers head coach." 5 of 7).  Set a priori between the two.
SENTENCE_LOWER_SHARE = 0.4
#: In scripts written without spaces (Chinese, Japanese, Thai) one character
#: carries roughly what three Latin characters do (a common rule of thumb for
#: CJK/English length ratios), so lengths are scaled before the jusText limits.
DENSE_CHAR_WIDTH = 3.0
#: Main-region cost of crossing a line that is chrome vocabulary through and
#: through ("Comments", "Related news"): a section boundary, not just a short line.
#: Set on the dev half: 40 → F1 0.908, 100 → 0.909, 200 → 0.914, 400 → 0.907;
#: re-checked with the headline-anchored region: 100 → 0.928, 200 → 0.933, 400 → 0.924.
SECTION_BREAK_WEIGHT = 200.0
#: A run of at least this many non-paragraph lines, this share of them bare numbers,
#: is a table rendered one cell per line: inside the article it is content.
#: Dev half: share 0.2 → F1 0.9338, 0.3 → 0.9333, 0.5 → 0.9287.
TABLE_MIN_CELLS = 6
TABLE_NUMBER_SHARE = 0.3
#: A short line with a number whose shape (digits folded) the page shows this many
#: times is the header of a feed item ("2 days ago", "Rating: 12 votes"): a comment
#: thread or teaser list, crossed by the main region at a section break's cost.
#: Dev half: 2 → F1 0.929, 3 → 0.933, 4 → 0.933.
TEMPLATE_MIN_COUNT = 3
#: A teaser: one paragraph of at most this many characters under at least this many
#: short lines; this many in a row at the end of the main region are a "more
#: stories" feed, not the article.
TEASER_MAX_CHARS = 300
TEASER_HEAD_LINES = 2
#: Dev half: 2 units → F1 0.931, 3 → 0.933, 4 → 0.933.
TEASER_MIN_UNITS = 3
#: Lines between two paragraphs of the article (a list, a caption, a pull quote) are
#: kept when there are at most this many and none is chrome; a longer run is a widget.
#: Set on the dev half: 3 → F1 0.9158, 6 → 0.9171, unlimited → 0.9161.
INNER_RUN_MAX_LINES = 6
#: The first segment of "Headline | Section | Site" is looked for as the on-page
#: headline only when it has at least this many words (a lone site name is not one).
HEADLINE_MIN_WORDS = 3
#: An article split by an inline ad or a "read also" box: the block of text that
#: starts at most this many lines after the main region and weighs at least this
#: share of the region's text joins it.  Set a priori (no page of the benchmark has
#: such a split the running sum misses: dev and held-out F1 unchanged).
NEXT_BLOCK_GAP_LINES = 10
NEXT_BLOCK_SHARE = 0.5
#: A head line of at most this many words none of whose content words recurs in
#: the text below it is navigation ("Skip to content"), not the headline.
TITLE_NAV_MAX_WORDS = 5

#: A line of at least this many separator-delimited items, none longer than
#: MENU_ITEM_MAX_WORDS words, is a menu or share bar and never the title.
MENU_MIN_ITEMS = 3
MENU_ITEM_MAX_WORDS = 3

#: When classification would leave an article with no text at all (a two-line brief
#: whose hard-wrapped lines look thin and outvote each other), the lines it only doubted
#: ("low-content", "context") with at least this many words are kept: an article always
#: has a body, and a line of eight words (letters only: a row of figures is no prose)
#: is prose, not a menu item.
RESCUE_MIN_WORDS = 8

#: HTML pages with more elements than this are extracted by trafilatura without its
#: fallback extractors (``fast=True``): jusText's paragraph revision is quadratic in the
#: number of paragraphs (a page of 50,000 one-cell tables took 7 minutes). The pages of
#: the article-extraction benchmark have 77–1,596 elements (median 743), so no real
#: article page comes near it.
HTML_FALLBACK_MAX_ELEMENTS = 20_000

#: HTML with more tags than this is refused (E201) before it is parsed: lxml's tree of
#: half a million elements takes most of a gigabyte and trafilatura half a minute, for a
#: page that is no article (the benchmark's pages have at most ~1,600 elements).
HTML_MAX_TAGS = 300_000
