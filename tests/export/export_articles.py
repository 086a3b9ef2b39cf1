"""Articles the export tests ingest: a killing reported by two outlets, and an aggregator's
copy of the first report with its own banner and boilerplate."""
# ruff: noqa: E501

from __future__ import annotations

from pathlib import Path

from newsgraph.store import Store

FIRST = """Gunmen kill opposition leader Ahmed Farouk in Karachi

Tuesday, May 11, 2021

Gunmen killed opposition leader Ahmed Farouk in Karachi on Monday, police said.

Farouk, who led the Karachi Workers Movement, had accused the provincial government of corruption. Nadia Qureshi, a spokeswoman for the Sindh Police, said officers had arrested two suspects.
"""


SECOND = """Karachi mourns Ahmed Farouk

Wednesday, May 12, 2021

Opposition leader Ahmed Farouk was shot dead in Karachi on Monday. His killing shocked the country.

Supporters of Mr. Farouk gathered outside the offices of the KWM.
"""


FIRST_COPY = """Share on Facebook | Share on Twitter | Email this article

Gunmen kill opposition leader Ahmed Farouk in Karachi

Source: Karachi Evening Star

Gunmen killed opposition leader Ahmed Farouk in Karachi on Monday, police said.

Farouk, who led the Karachi Workers Movement, had accused the provincial government of corruption. Nadia Qureshi, a spokeswoman for the Sindh Police, said officers had arrested two suspects.

Copyright 2021 Newsline Aggregator. All rights reserved.
"""


def ingest_one_per_run(tmp: Path, store: Store) -> None:
    """FIRST, its copy, then SECOND, each in a run of its own: the original is ingested (and
    so linked as ``a``) first."""
    from newsgraph.pipeline import ingest

    for name, text in (("first.txt", FIRST), ("copy.txt", FIRST_COPY), ("second.txt", SECOND)):
        src = tmp / name.split(".")[0]
        src.mkdir()
        (src / name).write_text(text, encoding="utf-8")
        ingest([src], store, root=src)
