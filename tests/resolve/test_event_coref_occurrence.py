"""One event is one occurrence (resolve/events/occurrence): reports of two occurrences of one
kind of act stay two events, linked as related with the reason, through the whole ingest.

Every article here is written for the test (invented names and places where they could be
mistaken for real ones); what is asserted is what an analyst reads in the export."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

from event_coref_helpers import ingest_articles

from newsgraph.store import Store

_ingest = ingest_articles  # each article its own file, ingested in order; the export by kind


def _names(recs: dict[str, list[dict]]) -> dict[str, str]:
    return {d["id"]: Path(d["path"]).stem for d in recs["document"]}


def _joined(recs: dict[str, list[dict]]) -> set[tuple[str, str]]:
    """Pairs of articles (by name) some exported event draws on both."""
    names = _names(recs)
    pairs: set[tuple[str, str]] = set()
    for ev in recs.get("event", []):
        docs = sorted({names[m["doc"]] for m in ev["mentions"]})
        pairs |= set(combinations(docs, 2))
    return pairs


def _event_of(recs: dict[str, list[dict]], article: str, trigger: str) -> dict:
    names = _names(recs)
    return next(ev for ev in recs["event"] for m in ev["mentions"]
                if names[m["doc"]] == article and m["trigger"]["text"] == trigger)


PLANNED = """Intelligence service warns of embassy attacks

The Varennian intelligence service said on Tuesday that militants of the Ostrel Front were planning attacks on foreign embassies in Lisbon.

The service raised the alert level of every mission in the city.
"""

HAPPENED = """Militants storm embassy in Lisbon

Militants of the Ostrel Front attacked the Varennian embassy in Lisbon on Monday, wounding two guards.

The attackers fled before police arrived at the embassy.
"""


def test_planned_attack_and_attack_that_happened_stay_two_events(tmp_path: Path, store: Store) -> None:
    recs = _ingest(tmp_path, store, happened="Published: 5 March 2024\n\n" + HAPPENED,
                   planned="Published: 5 March 2024\n\n" + PLANNED)
    assert ("happened", "planned") not in _joined(recs)
    attack = _event_of(recs, "happened", "attacked")
    plan = _event_of(recs, "planned", "attacks")
    assert attack["id"] != plan["id"]
    # Alike enough to be mistaken: shown as related, with why, never as a source.
    assert {"event": plan["id"], "reason": "modality differs"} in [
        {k: r[k] for k in ("event", "reason")} for r in attack["related"]]
    assert attack["publishers"] == 1 and len(attack["sources"]) == 1


QUAKE_PERU = """Earthquake injures dozens in northern Peru

A strong earthquake struck northern Peru on Tuesday, injuring dozens of people in Trujillo and damaging the old town.

Rescue teams searched collapsed houses in Trujillo through the night, the civil defence office said.
"""

QUAKE_TURKEY = """Earthquake injures dozens in central Turkey

A strong earthquake struck central Turkey on Tuesday, injuring dozens of people in Konya and damaging the old town.

Rescue teams searched collapsed houses in Konya through the night, the disaster agency said.
"""


def test_two_earthquakes_with_casualties_in_two_countries_stay_apart(tmp_path: Path, store: Store) -> None:
    recs = _ingest(tmp_path, store, peru="Published: 12 March 2024\n\n" + QUAKE_PERU,
                   turkey="Published: 12 March 2024\n\n" + QUAKE_TURKEY)
    # Whatever the type the extractor gives "struck" and "injuring", no event is both.
    assert ("peru", "turkey") not in _joined(recs)
    # Nor are the two articles one story.
    names = _names(recs)
    stories = [sorted(names[d] for d in st["documents"]) for st in recs.get("story", [])]
    assert ["peru", "turkey"] not in stories


ACQUISITION_A = """Halvorsen to buy Brightwater

Halvorsen Group agreed on Monday to buy Brightwater Foods for $2 billion, the company said.

The deal needs the approval of regulators.
"""

ACQUISITION_B = """Halvorsen to buy Tessaly

Halvorsen Group agreed on Monday to buy Tessaly Logistics for $500 million, the company said.

The deal needs the approval of regulators.
"""

ACQUISITION_A_AGAIN = """Halvorsen strikes food deal

Halvorsen Group agreed on Monday to buy Brightwater Foods, a maker of frozen meals, the group said in a statement.
"""


def test_an_agreement_to_buy_one_company_is_not_one_to_buy_another(tmp_path: Path, store: Store) -> None:
    dated = "Published: 4 March 2024\n\n"
    recs = _ingest(tmp_path, store, buy_a=dated + ACQUISITION_A, buy_b=dated + ACQUISITION_B,
                   buy_a_again=dated + ACQUISITION_A_AGAIN)
    joined = _joined(recs)
    assert ("buy_a", "buy_b") not in joined and ("buy_a_again", "buy_b") not in joined
    # The same agreement reported twice is one event with two sources.
    assert ("buy_a", "buy_a_again") in joined
    other = _event_of(recs, "buy_b", "agreed")
    assert any(r["reason"] == "other target" for r in other["related"])


ARREST_A = """Arrest in Saltmere

Police arrested the farmer Rafael Ortiz in Saltmere on Monday over the theft of cattle.
"""

ARREST_B = """Arrest in Saltmere

Police arrested the teacher Mira Castell in Saltmere on Monday over the theft of cattle.
"""


def test_arrests_of_two_different_people_are_two_events(tmp_path: Path, store: Store) -> None:
    dated = "Published: 5 March 2024\n\n"
    recs = _ingest(tmp_path, store, ortiz=dated + ARREST_A, castell=dated + ARREST_B)
    assert ("castell", "ortiz") not in _joined(recs)
    assert any(r["reason"] == "other target" for r in _event_of(recs, "castell", "arrested")["related"])


FAILED_PLOT = """Plot against minister foiled

Police said the attempted assassination of the Varennian minister failed in March when the gunmen were stopped at the border.
"""

KILLING = """Minister killed

Gunmen killed the Varennian minister in Orlen on Sunday, police said.
"""


def test_a_failed_plot_is_not_the_killing(tmp_path: Path, store: Store) -> None:
    dated = "Published: 5 March 2024\n\n"
    recs = _ingest(tmp_path, store, killing=dated + KILLING, plot=dated + FAILED_PLOT)
    assert ("killing", "plot") not in _joined(recs)


def test_time_unknown_on_one_side_keeps_reports_related_until_the_place_agrees(
        tmp_path: Path, store: Store) -> None:
    dated = "Published: 5 March 2024\n\nMilitants of the Ostrel Front attacked a convoy on Monday, killing four soldiers.\n"
    undated = "Militants of the Ostrel Front attacked a convoy, killing four soldiers.\n"
    recs = _ingest(tmp_path, store, dated=dated, undated=undated)
    # An undated article's attack is not known to be the dated one: related, not a source.
    assert ("dated", "undated") not in _joined(recs)
    attack = _event_of(recs, "dated", "attacked")
    assert "time unknown on one side" in {r["reason"] for r in attack["related"]}


def test_an_undated_report_naming_the_same_place_joins(tmp_path: Path, store: Store) -> None:
    dated = "Published: 5 March 2024\n\nPolice said gunmen attacked a bus in Lyon, France on Monday.\n"
    undated = "Gunmen attacked a bus in Lyon, France, witnesses said.\n"
    recs = _ingest(tmp_path, store, dated=dated, undated=undated)
    assert ("dated", "undated") in _joined(recs)


def test_the_same_act_in_two_cities_far_apart_is_two_events(tmp_path: Path, store: Store) -> None:
    dated = "Published: 5 March 2024\n\n"
    recs = _ingest(
        tmp_path, store,
        lyon=dated + "Gunmen attacked a bus in Lyon, France on Monday, killing four passengers.\n",
        marseille=dated + "Gunmen attacked a bus in Marseille, France on Monday, killing four passengers.\n")
    assert ("lyon", "marseille") not in _joined(recs)
    assert _event_of(recs, "lyon", "attacked")["id"] != _event_of(recs, "marseille", "attacked")["id"]


def test_destroying_gunboats_is_not_destroying_a_platform(tmp_path: Path, store: Store) -> None:
    # Two acts of destruction by one navy in one week, told in two articles: what was
    # destroyed tells them apart; "the oil rig" and "the oil platform" may be one thing.
    dated = "Published: 5 March 2024\n\n"
    recs = _ingest(
        tmp_path, store,
        boats=dated + "Varennian navy helicopters destroyed three Ostrel gunboats in the Gulf on Monday.\n",
        rig=dated + "Varennian navy warships destroyed an Ostrel oil platform in the Gulf on Monday.\n",
        again=dated + "Varennian navy warships destroyed the Ostrel oil rig in the Gulf on Monday.\n")
    joined = _joined(recs)
    assert ("boats", "rig") not in joined and ("again", "boats") not in joined
    assert ("again", "rig") in joined
    assert "other thing" in {r["reason"] for r in _event_of(recs, "boats", "destroyed")["related"]}


def test_what_someone_can_do_is_no_occurrence_to_corroborate(tmp_path: Path, store: Store) -> None:
    # A power told in two articles, word for word ("can deport"), reports no deportation.
    dated = "Published: 5 March 2024\n\n"
    rule = ("Under the Varennian emergency law, the interior minister can deport Tomas Berin, the "
            "leader of the Ostrel Front.\n")
    recs = _ingest(tmp_path, store, one=dated + "Emergency law upheld\n\n" + rule,
                   two=dated + "Court backs emergency law\n\n" + rule)
    assert ("one", "two") not in _joined(recs)
