"""Articles with claims, dates and real places for the claims/map/facet tests, and their store.

Real place names (the gazetteer resolves them) in invented stories; each paragraph is one
line. ``build_facts_store`` ingests them through the pipeline, as ``newsgraph ingest`` does.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

LISBON = """Dock strike spreads from Lisbon to Porto

Tuesday, March 5, 2024

Dock workers in Lisbon walked out on Monday, and the strike spread to Porto by Wednesday, the union said.

"The government may try to break the strike," Rui Tavares, the union's spokesman, told Reuters.

The port authority denied that ships had been diverted to Spain.

According to officials, the stoppage could cost Portugal millions of euros a day.
"""

NAIROBI = """Floods close roads around Nairobi

Thursday, April 11, 2024

Heavy rain flooded parts of Nairobi on Tuesday, and roads to Mombasa were closed, police said.

Kenya's interior minister, Amina Odhiambo, said the government would send aid to families in Kisumu.

A source in the ministry claimed that the dams had not been inspected last year & <b>nobody</b> was told.
"""

FACT_ARTICLES = {"lisbon.txt": LISBON, "nairobi.txt": NAIROBI}


@dataclass
class FactsCorpus:
    db: Path
    ids: dict[str, str]  # file name → document id


def build_facts_store(tmp: Path) -> FactsCorpus:
    from newsgraph.pipeline import ingest
    from newsgraph.store import Store

    src = tmp / "articles"
    src.mkdir()
    for name, text in FACT_ARTICLES.items():
        (src / name).write_text(text, encoding="utf-8")
    db = tmp / "facts.db"
    with Store(db) as store:
        report = ingest([src], store, root=src)
        assert not report.failed, report.failed
        ids = {Path(store.document(i)["path"]).name: i for i in report.ingested}
    return FactsCorpus(db, ids)


def test_claims_articles_store_holds_claims_times_and_places(tmp_path: Path):
    from newsgraph.store import Store

    corpus = build_facts_store(tmp_path)
    with Store(corpus.db, readonly=True) as store:
        facts = store.facts(corpus.ids["lisbon.txt"])
    assert facts["claims"] and facts["times"] and facts["places"]
