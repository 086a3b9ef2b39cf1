"""The packaged reference of native English: spinning measured from the first article (texts written here)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.model.document import Document
from newsgraph.nlp.wordnet import wordnet
from newsgraph.pipeline import ingest
from newsgraph.settings import Options
from newsgraph.signals import CollocationModel, spinning
from newsgraph.signals.native_reference import NativeReference, native_reference
from newsgraph.signals.packaged_bigrams import packaged_bigrams, word_frequencies

needs_default = pytest.mark.skipif(packaged_bigrams() is None or not word_frequencies(),
                                   reason="the packaged bigram table or wordfreq is missing")
needs_wordnet = pytest.mark.skipif(wordnet() is None,
                                   reason="WordNet (Debian package wordnet-base) is not installed")

HARBOUR = """Harbour strike spreads as talks collapse

Dock workers in the northern port walked out on Monday after talks between the union and the port authority collapsed. The union said its members would stay out until the authority agreed to a new pay offer.

Shipping companies said the strike had already cost them millions, and several ships were waiting outside the harbour. Police arrested two men after a scuffle at the main gate.

The transport minister said the government would not intervene. "This is a dispute between the employer and its staff," she told reporters. Shares in the largest shipping firm fell to a record low, while fuel prices rose sharply.

The prime minister accused the union of acting like a rogue state and said the strike could last for weeks. Talks are expected to resume next week.
"""
# the same story through a word spinner: four swaps a reader would stumble on
SPUN = (HARBOUR.replace("a record low", "a memorialise low").replace("prime minister", "prime curate")
        .replace("rogue state", "rouge state").replace("next week", "next twelvemonth")
        .replace("Harbour strike spreads", "Port walkout widens"))
FLOOD = """River bursts its banks after days of rain

Hundreds of homes were flooded on Sunday after the river burst its banks following three days of heavy rain. Rescue workers used boats to reach families trapped in the upper floors of their houses.

The mayor said the town had not seen such flooding for fifty years and asked the government for emergency funds. Schools will stay closed until Wednesday, officials said.
"""
BUDGET = """Minister promises tax cuts in spring budget

The finance minister promised on Tuesday to cut income tax for low earners in next month's budget, despite warnings that public borrowing was already too high.

Opposition leaders said the plan would help only a few families and called for more spending on hospitals and schools. Economists said the cuts would cost about two billion a year.
"""


@needs_default
def test_packaged_table_loads_with_its_floor_and_scale():
    table = packaged_bigrams()
    assert table is not None and len(table.pairs) > 200_000
    assert table.prob("prime", "minister") > table.floor_prob > 0
    assert table.prob("prime", "curate") == 0.0


@needs_default
def test_store_counts_refine_the_default():
    ref = native_reference(CollocationModel())
    assert isinstance(ref, NativeReference)
    assert not ref.seen("harbour", "walkout")
    refined = native_reference(CollocationModel.from_texts(["The harbour walkout ended on Friday."]))
    assert isinstance(refined, NativeReference) and refined.seen("harbour", "walkout")
    assert refined.pair("harbour", "walkout") > ref.pair("harbour", "walkout")
    # leave-one-out: the article's own counts do not vouch for it
    assert not refined.excluding("The harbour walkout ended on Friday.").seen("harbour", "walkout")
    # a pair the table is too coarse to judge is given its independence estimate, not zero
    assert ref.pair("the", "marketplaces") > 0


@needs_default
@needs_wordnet
def test_spun_copy_in_a_four_article_store_is_flagged_with_its_substitutions(tmp_path: Path, store):
    for name, text in (("harbour.txt", HARBOUR), ("flood.txt", FLOOD), ("budget.txt", BUDGET),
                       ("spun.txt", SPUN)):
        (tmp_path / name).write_text(text)
    ingest([tmp_path], store, Options())
    rows = {path.rsplit("/", 1)[-1]: json.loads(data) for path, data in store.conn.execute(
        "SELECT d.path, s.data FROM signals s JOIN documents d ON d.id = s.subject "
        "WHERE s.name = 'spinning'")}
    assert len(rows) == 4
    spun = rows["spun.txt"]
    assert spun["flagged"] and spun["value"] is not None
    shown = {e["text"] for e in spun["evidence"]}
    assert {"memorialise", "curate", "rouge state", "twelvemonth"} <= shown
    assert any("rogue state" in e["note"] for e in spun["evidence"])
    for name in ("harbour.txt", "flood.txt", "budget.txt"):
        assert rows[name]["value"] is not None and not rows[name]["flagged"], rows[name]


@needs_default
@needs_wordnet
def test_spun_text_scored_against_the_default_alone():
    ref = native_reference(None)
    sig = spinning(Document(id="s", path="s", text=SPUN), ref)
    assert sig.flagged and sig.details["distinct"] >= 3
    assert not spinning(Document(id="n", path="n", text=HARBOUR), ref).flagged
