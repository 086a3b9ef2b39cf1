"""Articles the story, link, signal and publisher tests ingest (fictional), and their store.

One report of a mine collapse by the *Orvell Gazette*; a republication of it by an
aggregator with its site chrome, a credit line and one paragraph of its own; a
word-spun copy (synonym swaps, as spinner software makes them); an unrelated article on
the same topic (another mine, another country); and two independent reports of one
ferry sinking by two outlets. They go as one JSON Lines file (title, publisher and date
declared, as a feed gives them) through ``newsgraph.pipeline.ingest``, in this order.
"""
# ruff: noqa: E501

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

MINE = """Rescuers reached eleven miners trapped for two days after a tunnel collapsed at the Hollin Ridge copper mine in the northern province of Vask, the regional emergency service said on Thursday.

The men were found alive in a ventilation shaft about 300 metres below the surface, where they had sheltered after the roof of the main gallery gave way early on Tuesday morning.

"They were cold and thirsty but every one of them was able to talk to us," said rescue coordinator Ilse Marrow, who led a team of 40 volunteers through the night.

The mine's operator, Brenholt Mining, said it had suspended work at all three of its sites in the province while inspectors examined the supports. The company's chief executive, Pavel Odric, apologised to the families and promised a full investigation.

Local union leaders, some holding signs reading <script>alert(1)</script>, said they had warned about cracks in the gallery roof for months and demanded that the government close the mine until repairs were finished."""

# The same article as an aggregator republishes it: navigation and share bars, a credit
# line, the first four paragraphs verbatim, a paragraph of its own, and a footer.
MINE_COPY = """Subscribe to our newsletter for the latest headlines
Share on Facebook | Share on Twitter | Email this article

Source: Orvell Gazette

Rescuers reached eleven miners trapped for two days after a tunnel collapsed at the Hollin Ridge copper mine in the northern province of Vask, the regional emergency service said on Thursday.

The men were found alive in a ventilation shaft about 300 metres below the surface, where they had sheltered after the roof of the main gallery gave way early on Tuesday morning.

"They were cold and thirsty but every one of them was able to talk to us," said rescue coordinator Ilse Marrow, who led a team of 40 volunteers through the night.

The mine's operator, Brenholt Mining, said it had suspended work at all three of its sites in the province while inspectors examined the supports. The company's chief executive, Pavel Odric, apologised to the families and promised a full investigation.

Mining accidents have become more frequent across the region as copper prices have risen and companies have pushed to dig deeper.

Advertisement
Comments are closed. Read our community guidelines before posting.
Copyright 2025 Daily Feed Network. All rights reserved.
Related: Ten gadgets you need this summer | Celebrity news roundup"""

# The same article through a word spinner: the same sentences with words swapped.
MINE_SPUN = """Rescuers reached eleven miners stuck for two days after a tunnel caved in at the Hollin Ridge copper mine in the northern province of Vask, the regional emergency service stated on Thursday.

The men were discovered alive in a ventilation shaft roughly 300 metres beneath the surface, where they had sheltered after the roof of the primary gallery gave way early on Tuesday morning.

"They were chilly and thirsty but every one of them was able to speak to us," said rescue coordinator Ilse Marrow, who headed a team of 40 volunteers through the night.

The mine's operator, Brenholt Mining, said it had halted work at all three of its sites in the province while inspectors inspected the supports. The firm's chief executive, Pavel Odric, apologised to the families and pledged a complete investigation.

Local union leaders, some holding signs reading <script>alert(1)</script>, said they had cautioned about cracks in the gallery roof for months and demanded that the administration shut the mine until repairs were completed."""

# Same topic (a mine accident), another event, place and people: no link expected.
OTHER_MINE = """A gas explosion at a coal mine in the southern district of Telmar killed four workers on Saturday and injured nine others, police said.

The blast happened during a shift change at the Dunraven colliery, which has been owned by the state since 1971. Firefighters needed six hours to bring the fire under control.

Energy minister Corin Abast ordered safety checks at every coal mine in the country and said the families of the dead would receive compensation.

The colliery had been fined twice in the past five years for poor ventilation, according to records published by the national mining inspectorate."""

# Two independent reports of one ferry sinking, by two outlets, in their own words.
FERRY_A = """A passenger ferry sank off the island of Serrat on Monday night, and coastguard crews rescued 86 of the 92 people on board, the Lanmar coastguard said.

The ferry Blue Heron was sailing from Port Caddick to Serrat when it began to take on water in heavy seas. Six passengers are still missing and the search continued on Tuesday.

Coastguard commander Aurel Dray said helicopters and two navy ships had joined the search."""

FERRY_B = """Six people are missing after the ferry Blue Heron went down near Serrat late on Monday, officials said, while 86 survivors were brought ashore at Port Caddick.

Survivors described waves breaking over the deck before the engines stopped. "Everyone was screaming and the lights went out," said Maren Tusk, a teacher who was travelling with her son.

Commander Aurel Dray of the Lanmar coastguard said the search would go on through the night."""

#: (file stem, title, publisher, date, text) in ingest order: originals first.
ARTICLES = [
    ("mine", "Eleven miners rescued at Hollin Ridge", "Orvell Gazette", "2025-03-06", MINE),
    ("mine_copy", "Eleven miners rescued at Hollin Ridge", "Daily Feed", "2025-03-07", MINE_COPY),
    ("mine_spun", "Eleven miners saved at Hollin Ridge", "Contentful News", "2025-03-08", MINE_SPUN),
    ("other_mine", "Four killed in Telmar colliery blast", "Southern Herald", "2025-03-08", OTHER_MINE),
    ("ferry_a", "Ferry sinks off Serrat, six missing", "Lanmar Post", "2025-05-12", FERRY_A),
    ("ferry_b", "Survivors of Blue Heron sinking brought ashore", "Coast Times", "2025-05-13", FERRY_B),
]


@dataclass
class StoryCorpus:
    db: Path
    ids: dict[str, str]  # file stem → document id


def build_story_corpus(tmp: Path) -> StoryCorpus:
    from newsgraph.pipeline import ingest
    from newsgraph.store import Store

    src = tmp / "feed"
    src.mkdir()
    feed = src / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as f:
        for stem, title, publisher, date, text in ARTICLES:
            f.write(json.dumps({"url": f"https://example.org/{stem}", "title": title, "publisher": publisher,
                                "date": date, "text": text}) + "\n")
    db = tmp / "stories.db"
    with Store(db) as store:
        report = ingest([src], store, root=src)
        assert not report.failed, report.failed
        ids = {}
        for doc_id in report.ingested:
            d = store.document(doc_id)
            assert d is not None
            ids[d["url"].rsplit("/", 1)[1]] = doc_id
    assert len(ids) == len(ARTICLES), ids
    return StoryCorpus(db, ids)
