"""Descriptions in document titles: a headline's head noun is the text's entity that the
text describes with that noun — an unnamed participant ("Woman Killed …" and the text's "A
woman … her") or a person described by a title noun ("Owls Receiver Arrested" and "Oakridge
Owls receiver Tomas Breck") — and nothing when two of the text's entities are described
alike; and a team called in the headline by the plural noun its name ends with ("Rangers").
Articles are written by the tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from exported import exported

# Invented reports.
CRASH = """Woman Killed in Oakridge Crash, Driver Charged

A woman was killed on Friday when a car struck her on Mill Road in Oakridge, police said.

Police arrested a driver two blocks away. The man was charged with manslaughter, police said.
"""
ARREST = """Owls Receiver Arrested On Drunk Driving Charge

Oakridge Owls receiver Tomas Breck was arrested on Tuesday on suspicion of drunk driving, police said.

Breck, 26, was released on bail. The team said it would not comment.
"""
TEAM = """Rangers fire coach after losing run

The Oakridge Rangers said on Monday that they had fired their coach after six defeats in a row.
"""
TWO_MEN = """Man Held After Crash

A man was hurt when his car hit a wall on Mill Road on Friday. Police arrested a man two blocks away, officers said.
"""


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    from newsgraph.pipeline import ingest
    from newsgraph.store import Store

    tmp = tmp_path_factory.mktemp("headline-descriptions")
    src = tmp / "in"
    src.mkdir()
    for name, text in (("crash.txt", CRASH), ("arrest.txt", ARREST), ("two_men.txt", TWO_MEN),
                       ("team.txt", TEAM)):
        (src / name).write_text(text, encoding="utf-8")
    with Store(tmp / "x.db") as store:
        ingest([src], store, root=src)
        return exported(store)


def _titled(records: list[dict], path: str) -> dict[str, str]:
    """Title word → the name of the entity it is linked to, in the document at ``path``."""
    doc = next(r for r in records if r["kind"] == "document" and Path(r["path"]).name == path)
    return {m["text"]: e["name"] for e in records if e["kind"] == "entity"
            for m in e["title_mentions"] if m["doc"] == doc["id"]}


def test_a_headline_noun_is_the_unnamed_participant_the_text_describes_so(records: list[dict]):
    titled = _titled(records, "crash.txt")
    assert titled.get("Woman") == "a woman"
    woman = next(e for e in records if e["kind"] == "entity" and e["name"] == "a woman")
    assert not woman["named"]
    # Title mentions point into the title, never the text.
    doc = next(r for r in records if r["kind"] == "document" and r["path"].endswith("crash.txt"))
    m = next(m for m in woman["title_mentions"] if m["doc"] == doc["id"])
    assert doc["title"][m["start"]:m["end"]] == "Woman"


def test_a_headline_noun_is_the_person_the_text_gives_that_title(records: list[dict]):
    assert _titled(records, "arrest.txt").get("Receiver") == "Tomas Breck"


def test_two_entities_described_alike_leave_the_headline_noun_unlinked(records: list[dict]):
    assert "Man" not in _titled(records, "two_men.txt")


def test_a_headline_calls_a_team_by_the_plural_noun_its_name_ends_with(records: list[dict]):
    assert _titled(records, "team.txt").get("Rangers") == "Oakridge Rangers"
