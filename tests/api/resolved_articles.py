"""Fictional articles the entity and event tests ingest: one killing reported by two outlets,
a party deputy spelled two ways ("Imran Beg" / "Imran Baig"), and a later follow-up article.

They go through ``newsgraph.pipeline.ingest`` (the same path as ``newsgraph ingest``) into a
temporary store. A paragraph is one line, as in scraped text.
"""
# ruff: noqa: E501

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

FAROUK_A = """Gunmen kill opposition leader Ahmed Farouk in Karachi

Tuesday, May 11, 2021

Gunmen killed opposition leader Ahmed Farouk in Karachi on Monday, police said.

Farouk, who led the Karachi Workers Movement, had accused the provincial government of corruption. Nadia Qureshi, a spokeswoman for the Sindh Police, said officers had arrested two suspects.

Farouk's deputy, Imran Beg, said the party would hold a protest march in Karachi on Friday.
"""

FAROUK_B = """Karachi mourns Ahmed Farouk

Wednesday, May 12, 2021

Opposition leader Ahmed Farouk was shot dead in Karachi on Monday. His killing shocked the country.

Supporters of Mr. Farouk, some carrying signs reading <script>alert(1)</script>, gathered outside the offices of the KWM, and the party's deputy leader, Imran Baig, called for calm.

Police chief Salman Tariq said the investigation would be thorough.
"""

#: Ingested later, beside the first two again: edits must hold for it too.
FAROUK_C = """Farouk's party names new leader

Friday, May 21, 2021

The Karachi Workers Movement named Imran Baig as its leader on Thursday, ten days after the killing of Ahmed Farouk.

Baig, whose KWM won four seats last year, met police chief Salman Tariq in Karachi and asked him to publish the findings of the inquiry.
"""

FIRST = {"farouk_a.txt": FAROUK_A, "farouk_b.txt": FAROUK_B}
LATER = {"farouk_c.txt": FAROUK_C}


@dataclass
class Resolved:
    db: Path
    src: Path
    ids: dict[str, str]  # file name → document id


def write(folder: Path, articles: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def ingest_into(db: Path, src: Path) -> dict[str, str]:
    """Ingest every file of ``src`` into ``db``; returns file name → id of what is stored."""
    from newsgraph.pipeline import ingest
    from newsgraph.store import Store

    with Store(db) as store:
        report = ingest([src], store, root=src)
        assert not report.failed, report.failed
        return {Path(r["path"]).name: r["id"] for r in store.iter_documents()}


def build(tmp: Path) -> Resolved:
    src = write(tmp / "articles", FIRST)
    db = tmp / "resolved.db"
    return Resolved(db, src, ingest_into(db, src))


def entity_at(db: Path, doc: str, text: str) -> str:
    """The entity the (only) mention spelled ``text`` in document ``doc`` belongs to."""
    from newsgraph.store import Store

    with Store(db, readonly=True) as store:
        rows = {r[0] for r in store.conn.execute(
            "SELECT entity_id FROM entity_mentions WHERE doc_id = ? AND text = ?", (doc, text))}
    assert len(rows) == 1, (doc, text, rows)
    return rows.pop()
