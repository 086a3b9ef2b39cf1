"""What a verbal act is about (``extract.events.content``): the lemmas of its complement, so
that two accusations, pledges or demands by one party about other things can be told apart."""

from __future__ import annotations

from newsgraph.extract.events import extract_events


def _contents(annotated, text: str) -> dict[str, list[str]]:
    return {m.trigger.text: m.content for m in extract_events(annotated(text))}


def test_an_accusation_is_about_its_charge_not_the_one_accused(annotated):
    got = _contents(annotated, "Doran Petty accused Lise Harvan of lying about the hospital budget.")
    assert {"lie", "hospital", "budget"} <= set(got["accused"])
    assert not {"lise", "harvan", "petty"} & set(got["accused"])


def test_a_pledge_and_a_demand_are_about_their_clauses(annotated):
    got = _contents(annotated, "The Liberal leader pledged to scrap tuition fees for students.")
    assert {"scrap", "tuition", "fee"} <= set(got["pledged"])
    got = _contents(annotated, "Harbury demanded that Lisbeth withdraw its troops from the border.")
    assert {"withdraw", "troop", "border"} <= set(got["demanded"])


def test_a_rejection_is_about_what_it_rejects_unless_that_is_a_person(annotated):
    got = _contents(annotated, "The minister rejected claims that he would resign.")
    assert {"claim", "resign"} <= set(got["rejected"])


def test_dates_and_figures_are_no_content_and_material_acts_have_none(annotated):
    got = _contents(annotated, "Gunmen attacked the convoy on Monday.")
    assert got["attacked"] == []
    got = _contents(annotated, "Harbury urged Lisbeth on Tuesday to end the war.")
    assert {"end", "war"} <= set(got["urged"]) and "tuesday" not in got["urged"]
