"""Event typing on texts written here (issue 13, item 4, fourth round): workers strike
against an employer, a case reopened is investigated, an act no one did is no event."""

from __future__ import annotations

from newsgraph.extract.events import extract_events


def _typed(annotated, text: str) -> list[tuple[str, str]]:
    return [(m.trigger.text, m.type) for m in extract_events(annotated(text))]


def test_workers_who_strike_against_a_company_protest(annotated):
    types = _typed(annotated, "The drivers' union said its members struck the bus company Norvale Transit "
                              "on Monday after pay talks broke down.")
    assert ("struck", "PROTEST") in types
    # Force against a place or people stays an assault.
    types = _typed(annotated, "Rebels struck the army barracks outside Dunmore on Monday.")
    assert ("struck", "ASSAULT") in types


def test_a_case_reopened_is_an_investigation(annotated):
    m = [e for e in extract_events(annotated("Harbury police reopened the case of the missing clerk in March."))
         if e.trigger.text == "reopened"]
    assert m and m[0].type == "ACCUSE" and m[0].mode == "investigate"


def test_an_act_that_nobody_did_is_no_event(annotated):
    assert not [t for t in _typed(annotated, "None of the member states has asked for such a meeting.")
                if t[1] == "CONSULT"]
    assert ("asked", "REQUEST") in _typed(annotated, "Two member states have asked for a meeting of the council.")


def test_what_is_refused_is_not_done(annotated):
    types = _typed(annotated, "The Harland government refuses to accept Norvia's denials.")
    assert ("refuses", "REJECT") in types and not [t for t in types if t[0] == "accept"]
    assert ("accepted", "AGREE") in _typed(annotated, "The Harland government accepted Norvia's offer of talks.")


def test_an_abstraction_destroys_nothing(annotated):
    assert not _typed(annotated, "The decision has destroyed part of the farm policy, the producers said.")
    assert ("destroyed", "ASSAULT") in _typed(annotated, "Rebels destroyed part of the bridge on Monday.")


def test_advice_offered_and_facts_recognised_are_no_acts(annotated):
    assert not _typed(annotated, "Sir Tom Fenwick has offered the club manager some advice on coping.")
    assert ("offered", "AGREE") in _typed(annotated, "Norvia offered Harland talks on the border.")
    assert not _typed(annotated, "Only one man recognises that robots are a threat to humanity.")
    assert not _typed(annotated, "The bank is issuing 25 mln dlrs of bonds recognized by the housing agency.")
    assert ("recognized", "SUPPORT") in _typed(annotated, "Norvia recognized the new government of Harland.")


def test_a_market_demand_an_anonymous_source_and_a_forecast_demand_nothing(annotated):
    assert not _typed(annotated, "Consumer demand for cars fell in March, the ministry said.")
    assert ("demand", "REQUEST") in _typed(annotated, "Miners made a demand for an end to the hostel system.")
    assert not _typed(annotated, "The shares will rise, said one analyst who asked not to be named.")
    assert ("asked", "REQUEST") in _typed(annotated, "The minister asked the court to free the prisoners.")
    assert not _typed(annotated, "Mr Orlov, head of the studio, said viewers should expect darker films next year.")
    assert ("said", "REQUEST") in _typed(annotated, "The opposition leader said the minister should resign.")


def test_a_named_tournament_makes_a_sports_report(annotated):
    assert not _typed(annotated, "Dutch rider Ana Vellen beat Kira Olsen at the Australian Open on Monday.")
    assert not _typed(annotated, "In their last meeting, the Irish beat Italy in the 1994 World Cup Finals.")
    # The police act in a sports report too; a war is no tournament.
    assert ("arrested", "COERCE") in _typed(annotated, "Police arrested two men after the World Cup Finals in Marsland.")
    assert ("attacked", "ASSAULT") in _typed(annotated, "Rebels attacked the army during the Second World War.")


def test_a_letter_sent_is_no_aid(annotated):
    assert not _typed(annotated, "An identical letter has been sent to Mr Abbasi, his solicitor says.")
    assert not _typed(annotated, "A letter sent to Mr Mubanga said his passport would not be issued.")
    assert ("sent", "AID") in _typed(annotated, "Norvia sent food and medicine to the refugees in Harland.")
    assert ("sent", "AID") in _typed(annotated, "Japan sent 200 tents to the flood victims.")


def test_a_move_in_per_cent_is_no_assault(annotated):
    assert not _typed(annotated, "Non-EU exports shot up 7.5%, with growth seen across a range of sectors.")
    assert ("shot", "ASSAULT") in _typed(annotated, "Gunmen shot 12 people in the market, 40% of them children.")
