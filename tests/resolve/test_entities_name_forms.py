"""One person written several ways: middle names and initials, short first names, and
a bare surname seen in earlier reports before any report gave the full name.

Texts and names invented for these tests.
"""

from __future__ import annotations

import pytest

from newsgraph.resolve.entities import Resolver
from newsgraph.resolve.entities.names import parse_name
from newsgraph.resolve.entities.scoring import name_match


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        ("Frederick C. Hallam", "Fred Hallam", "variant"),
        ("Frederick Conway Hallam", "Frederick C. Hallam", "variant"),
        ("Frederick Conway Hallam", "Fred Hallam", "variant"),
        # A full middle name that differs, an initial for a first name, another first
        # name: namesakes, not forms of one name.
        ("John A. Hallam", "John B. Hallam", "weak"),
        ("F. Hallam", "Fred Hallam", "weak"),
        ("Walter Hallam", "Will Hallam", "weak"),
    ],
)
def test_middle_names_and_short_first_names(a: str, b: str, kind: str) -> None:
    assert name_match(parse_name(a), parse_name(b)).kind == kind


OBITUARY = (
    "Frederick C. Hallam, a former adviser to the governor of Ohio, died on Tuesday in a hotel in "
    "Dayton. He was 71. Fred Hallam had served two terms on the state's parole board before the "
    "bribery inquiry that ended his career."
)


def test_short_and_long_forms_of_one_name_are_one_chain_in_a_document(make_doc) -> None:
    resolver = Resolver()
    resolver.add([make_doc(OBITUARY, "obit")])
    [entity] = [e for e in resolver.entities() if any(m.text == "Frederick C. Hallam" for m in e.mentions)]
    assert "Fred Hallam" in {m.text for m in entity.mentions}


BILL = (
    "Senator Adaeze Okafor introduced the harbour bill after the Lagos port strike closed the docks "
    "in March. Adaeze Okafor said the Senate would vote on it before the summer recess."
)
SCHOOLS = (
    "Senator Okafor opened the new girls' school in Enugu on Friday and promised teachers a pay rise. "
    "Okafor said the school would take its first pupils in September."
)
BOTH = (
    "Senator Adaeze Okafor, who opened a girls' school in Enugu last week and promised teachers a "
    "pay rise, said the harbour bill would reach the Senate before the summer recess. Adaeze Okafor "
    "said the school would take its first pupils in September."
)


def test_a_bare_surname_entity_joins_the_one_full_name_that_accepts_it(make_doc) -> None:
    resolver = Resolver()
    resolver.add([make_doc(BILL, "bill"), make_doc(SCHOOLS, "schools"), make_doc(BOTH, "both")])
    okafors = [e for e in resolver.entities() if any("Okafor" in m.text for m in e.mentions)]
    assert len(okafors) == 1
    assert {m.doc for m in okafors[0].mentions} == {"bill", "schools", "both"}


FIRST = (
    "Senator Okafor said on Monday that the harbour bill would pass the Senate before the summer "
    "recess. Okafor has pushed the bill since the Lagos port strike closed the docks in March."
)
SECOND = (
    "Senator Okafor told reporters in Lagos that the harbour bill had the votes to pass the Senate. "
    "The dockworkers' union backed the bill after the port strike in March, Okafor said."
)
THIRD = (
    "Senator Adaeze Okafor introduced the harbour bill after the Lagos port strike closed the docks "
    "in March. Adaeze Okafor said the Senate would vote on it before the summer recess."
)


def test_a_bare_surname_entity_joins_the_full_name_reported_later(make_doc) -> None:
    resolver = Resolver()
    resolver.add([make_doc(FIRST, "first"), make_doc(SECOND, "second"), make_doc(THIRD, "third")])
    okafors = [e for e in resolver.entities() if any("Okafor" in m.text for m in e.mentions)]
    assert len(okafors) == 1
    assert {m.doc for m in okafors[0].mentions} == {"first", "second", "third"}


NAMESAKE = (
    "Senator Chidi Okafor said the harbour bill would not pass the Senate before the summer recess. "
    "Chidi Okafor voted against it after the Lagos port strike in March."
)


def test_a_bare_surname_entity_stays_apart_when_two_full_names_hold_it(make_doc) -> None:
    resolver = Resolver()
    resolver.add(
        [
            make_doc(FIRST, "first"),
            make_doc(SECOND, "second"),
            make_doc(NAMESAKE, "namesake"),
            make_doc(THIRD, "third"),
        ]
    )
    adaeze = next(e for e in resolver.entities() if any(m.text == "Adaeze Okafor" for m in e.mentions))
    assert "namesake" not in {m.doc for m in adaeze.mentions}
    assert not {"first", "second"} <= {m.doc for m in adaeze.mentions}
