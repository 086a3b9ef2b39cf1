"""Articles the API and browser tests ingest (fictional), and the store they build.

The articles go through ``newsgraph.pipeline.ingest`` (read → clean → annotate →
store), the same path as ``newsgraph ingest``. A paragraph is one line, as in
scraped text, hence the long lines.
"""
# ruff: noqa: E501

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

BASE = "http://127.0.0.1"

HARBOUR = """Skip to content

Harbour workers end strike after pay deal

Friday, March 7, 2025

Workers at the harbour of the invented city of Port Anselm ended a three-day strike on Friday after the Anselm Harbour Workers Union accepted a new pay offer from the port authority.

"This is a fair result for our members," said Mirela Dostan, the union's general secretary, who led the talks with the Veloria Port Authority.

The authority's chairman, Tomas Kerrigan, said cargo traffic through Port Anselm would return to normal by Monday, and that ships waiting in the Grey Sound would be unloaded first.

- Advertisement -

Share this:
"""

COUNCIL = """Council approves new tram line for Nordhavn

The city council of Nordhavn, the fictional capital of Estmark, voted on Tuesday to build a tram line linking the harbour district to the university.

Mayor Ingrid Halvorsen said construction would begin next spring and cost about 400 million crowns, paid partly by the national government.

Opposition councillors said the plan ignored the suburbs, where bus services were cut last year.
"""

# An article whose body holds markup: the pages must show it as text, never run it.
XSS = """Hacker defaces council website with a script

Investigators in Nordhavn said on Wednesday that an attacker had typed <script>alert(1)</script> into the comment field of the council website, and that the text was shown to every visitor for two days.

The council's digital officer, Lena Marsk, said no personal data had been taken and that the comment field had been switched off while the website was repaired.
"""

ARTICLES = {"harbour.txt": HARBOUR, "council.txt": COUNCIL, "xss.txt": XSS}


@dataclass
class Corpus:
    db: Path
    ids: dict[str, str]  # file name → document id


def build_corpus(tmp: Path) -> Corpus:
    from newsgraph.pipeline import ingest
    from newsgraph.store import Store

    src = tmp / "articles"
    src.mkdir()
    for name, text in ARTICLES.items():
        (src / name).write_text(text, encoding="utf-8")
    db = tmp / "api.db"
    with Store(db) as store:
        report = ingest([src], store, root=src)
        assert not report.failed, report.failed
        ids = {Path(store.document(i)["path"]).name: i for i in report.ingested}
    return Corpus(db, ids)


def store_of_records(folder: Path, records: list[dict[str, str]]) -> Path:
    """A store holding ``records`` (JSON objects with title, publisher, published, text),
    written as one JSON Lines file and ingested as ``newsgraph ingest`` would; every record
    must be stored."""
    import json

    from newsgraph.pipeline import ingest
    from newsgraph.store import Store

    src = folder / "in"
    src.mkdir()
    (src / "news.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    db = folder / "store.db"
    with Store(db) as store:
        report = ingest([src], store, root=src)
        assert not report.failed, report.failed
    return db
