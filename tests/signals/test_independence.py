"""Independent reports (newsgraph.independence) and the corroboration signal built on them:
copies, republications and one publisher count once; documents of unknown publisher count
on their own only when nothing ties them to another report; no text shows a raw id."""

from __future__ import annotations

import re

from newsgraph.independence import SourceRecord, independent_reports, outlet_key
from newsgraph.model.document import Document
from newsgraph.model.stories import Link
from newsgraph.signals import corroboration

# Ids shaped like the store's (content-hash prefixes), to check none leaks into words.
ORIG, COPY, OTHER, UNK1, UNK2, UNK3 = ("1424338de93116ac", "7d7ee80fe950602c", "a8d75b8b47bcefac",
                                       "d844147f392ecb49", "6ed8160915626b0a", "0f0e0d0c0b0a0908")
IDS = (ORIG, COPY, OTHER, UNK1, UNK2, UNK3)


def _no_ids(text: str) -> None:
    for doc in IDS:
        assert doc not in text, text
    assert not re.search(r"unknown:[0-9a-f]", text)


def test_a_copy_and_its_original_are_one_report_with_the_reason():
    found = independent_reports(
        [SourceRecord(ORIG, "Ferry sinks off Lanmar coast", "Coast Times"),
         SourceRecord(COPY, "Ferry sinks off Lanmar coast", "Daily Feed")],
        [Link(ORIG, COPY, "copy", 0.9)])
    assert found.count == 1
    (report,) = found.reports
    assert report.lead == ORIG and report.outlet == "Coast Times"
    (folded,) = report.folded
    assert (folded.doc, folded.into, folded.kind) == (COPY, ORIG, "copy")
    assert folded.reason == "copy of «Ferry sinks off Lanmar coast»"
    text = found.explain()
    assert text == "1 independent report: Coast Times (and 1 copy of it on Daily Feed)"
    _no_ids(text)


def test_one_publisher_counts_once_and_a_republication_is_its_credited_outlet():
    found = independent_reports([
        SourceRecord(ORIG, "Ferry sinks", "The Korea Times"),
        SourceRecord(COPY, "Ferry sinks, survivors found", "koreatimes.co.kr"),  # the same outlet
        SourceRecord(OTHER, "Ferry disaster", "Daily Feed", ("The Korea Times",)),  # "Source: …"
        SourceRecord(UNK1, "Lanmar ferry: twelve missing", "Lanmar Post"),
    ])
    assert found.count == 2
    korea = found.report_of(ORIG)
    assert korea is found.report_of(COPY) is found.report_of(OTHER)
    kinds = {f.doc: f.kind for f in korea.folded}
    assert kinds == {COPY: "same_publisher", OTHER: "credits"}
    assert "credits The Korea Times, the publisher of «Ferry sinks»" in \
        next(f.reason for f in korea.folded if f.doc == OTHER)
    _no_ids(found.explain())


def test_two_republications_of_one_absent_outlet_are_one_report_of_it():
    found = independent_reports([
        SourceRecord(COPY, "Exiles offered Kim a post", None, ("The Korea Times",)),
        SourceRecord(OTHER, "Kim was offered a post", "Daily Feed", ("The Korea Times",)),
    ])
    assert found.count == 1 and found.reports[0].outlet == "The Korea Times"
    text = found.explain()
    assert text.startswith("1 independent report: The Korea Times (via «Exiles offered Kim a post», "
                           "publisher unknown; and 1 copy of it on Daily Feed)")


def test_unknown_publishers_linked_as_copies_count_once():
    found = independent_reports(
        [SourceRecord(UNK1, "Storm closes port"), SourceRecord(UNK2, "Storm closes port!")],
        [(UNK1, UNK2, "spin")])
    assert found.count == 1
    assert found.explain() == ("1 independent report: publisher unknown: «Storm closes port» "
                               "(and 1 copy of it on publisher unknown: «Storm closes port!»)")


def test_unknown_publishers_count_apart_only_when_nothing_ties_them():
    """The rule: an article of unknown publisher that credits nobody is a report of its own
    unless a repeat link or a word-for-word identical evidence sentence ties it to another."""
    own_words = independent_reports([
        SourceRecord(UNK1, "Storm closes port", evidence=("A storm closed the port of Anselm on Monday, officials said.",)),
        SourceRecord(UNK2, "Port shut", evidence=("Officials shut Anselm's harbour on Monday as the storm hit the coast.",)),
    ])
    assert own_words.count == 2
    text = own_words.explain()
    assert text == ("2 independent reports: publisher unknown: «Storm closes port»; "
                    "publisher unknown: «Port shut»")
    same_words = independent_reports([
        SourceRecord(UNK1, "Storm closes port", evidence=("A storm closed the port of Anselm on Monday, officials said.",)),
        SourceRecord(UNK3, "Anselm news", evidence=("A storm closed the port of Anselm on Monday, officials said.",)),
    ])
    assert same_words.count == 1
    assert same_words.reports[0].folded[0].kind == "same_wording"
    # A short sentence is written alike independently: it ties nothing.
    short = independent_reports([SourceRecord(UNK1, "a", evidence=("He was killed.",)),
                                 SourceRecord(UNK2, "b", evidence=("He was killed.",))])
    assert short.count == 2


def test_a_copy_of_an_unknown_original_on_a_known_site_is_one_report():
    found = independent_reports(
        [SourceRecord(UNK1, "Storm closes port"), SourceRecord(COPY, "Storm closes port", "Daily Feed")],
        [Link(UNK1, COPY, "duplicate", 1.0)])
    assert found.count == 1 and found.reports[0].outlet is None and found.reports[0].lead == UNK1


def test_outlet_names_and_domains_compare():
    assert outlet_key("The Korea Times") == outlet_key("www.koreatimes.co.kr") == "koreatimes"
    assert outlet_key("BBC News") == outlet_key("news.bbc.co.uk") == "bbc"
    assert outlet_key("https://edition.cnn.com/2021/world") == outlet_key("CNN") == "cnn"
    assert outlet_key("Lanmar Post") != outlet_key("Coast Times")
    assert outlet_key(None) is None and outlet_key("  ") is None


def test_corroboration_signal_counts_reports_and_never_shows_raw_ids():
    me = Document(id=ORIG, path="a.txt", text="x", title="Ferry sinks off Lanmar", publisher="Coast Times")
    records = {
        ORIG: SourceRecord(ORIG, me.title, "Coast Times"),
        COPY: SourceRecord(COPY, "Ferry sinks off Lanmar", "Daily Feed"),  # a copy of mine
        OTHER: SourceRecord(OTHER, "Twelve missing after ferry sinking", "Lanmar Post"),
        UNK1: SourceRecord(UNK1, "Lanmar ferry tragedy"),  # unknown publisher, own words
        UNK2: SourceRecord(UNK2, "Lanmar ferry tragedy (repost)"),  # its copy
    }
    keys = {d: ["ev1"] for d in records}
    links = [Link(ORIG, COPY, "copy", 0.9), Link(UNK1, UNK2, "duplicate", 1.0)]
    sig = corroboration(me, records, keys, links)
    assert sig.value == 2.0
    _no_ids(sig.explanation)
    assert sig.explanation == (
        "2 other independent reports of the same events: Lanmar Post; publisher unknown: "
        "«Lanmar ferry tragedy» (and 1 copy of it on publisher unknown: «Lanmar ferry tragedy (repost)»). "
        "Not counted: this article's own report, Coast Times (and 1 copy of it on Daily Feed).")
    assert list(sig.details["publishers"]) == [
        "Lanmar Post",
        "publisher unknown: «Lanmar ferry tragedy» (and 1 copy of it on publisher unknown: "
        "«Lanmar ferry tragedy (repost)»)"]
