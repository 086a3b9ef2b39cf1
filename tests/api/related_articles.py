"""Fictional articles whose events are alike but not one occurrence: an attack that happened
and a warning that attacks are being planned (written for these tests; invented names)."""
# ruff: noqa: E501

from __future__ import annotations

from pathlib import Path

HAPPENED = """Militants storm embassy in Lisbon

Published: 5 March 2024

Militants of the Ostrel Front attacked the Varennian embassy in Lisbon on Monday, wounding two guards.

The attackers fled before police arrived at the embassy.
"""

PLANNED = """Intelligence service warns of embassy attacks

Published: 5 March 2024

The Varennian intelligence service said on Tuesday that militants of the Ostrel Front were planning attacks on foreign embassies in Lisbon.

The service raised the alert level of every mission in the city.
"""


def build(tmp: Path) -> tuple[Path, dict[str, str]]:
    """A store with the two articles, ingested one after the other; file stem → document id."""
    from newsgraph.pipeline import ingest
    from newsgraph.store import Store

    db = tmp / "related.db"
    ids = {}
    with Store(db) as store:
        for name, text in (("happened", HAPPENED), ("planned", PLANNED)):
            folder = tmp / name
            folder.mkdir()
            (folder / f"{name}.txt").write_text(text, encoding="utf-8")
            report = ingest([folder], store, root=folder)
            assert report.ingested, report.failed
            ids[name] = report.ingested[0]
    return db, ids
