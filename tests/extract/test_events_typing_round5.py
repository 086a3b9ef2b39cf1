"""Event typing on texts written here (issue 13, item 4, fifth round): a warning that names
no act is information, a fight for a goal is an effort, a legal appeal is brought to court,
approved money is aid, no force speaks, news conferences meet no one."""

from __future__ import annotations

from newsgraph.extract.events import extract_events


def _typed(annotated, text: str) -> list[tuple[str, str]]:
    return [(m.trigger.text, m.type) for m in extract_events(annotated(text))]


def test_a_warning_is_a_threat_only_of_an_act_or_to_a_party(annotated):
    assert not _typed(annotated, "The Varnholt group warned of lower margins this year.")
    assert not _typed(annotated, "The software alliance warned that people should stay alert.")
    assert not _typed(annotated, "Her warnings led to the collapse of the Dunmore trading firm.")
    assert ("warned", "THREATEN") in _typed(annotated, "The government warned the rebels of serious consequences.")
    assert ("warned", "THREATEN") in _typed(annotated, "Ostrelia warned of retaliation after the raid.")
    assert ("warned", "THREATEN") in _typed(annotated, "The defence minister warned Varnland on Monday.")


def test_fighting_for_a_goal_is_no_assault(annotated):
    assert not [t for t in _typed(annotated, "The small parties will have to fight to get their voice heard.")
                if t[1] in ("ASSAULT", "THREATEN")]
    assert ("fought", "ASSAULT") in _typed(annotated, "Rebels fought government troops near the Dunmore border.")


def test_striking_from_a_list_deletes(annotated):
    assert not _typed(annotated, "The insurer may strike three countries from its list of risks.")


def test_an_act_done_to_anyone_is_a_rule(annotated):
    assert not [t for t in _typed(annotated, "Anyone convicted of selling the drug can be jailed for six months.")
                if t[1] == "SANCTION"]
    assert ("convicted", "SANCTION") in _typed(annotated, "The Harbury court convicted two men of fraud on Monday.")


def test_a_news_conference_is_no_meeting(annotated):
    assert not _typed(annotated, "Mr Tallis will host a news conference at the party's office every morning.")
    types = _typed(annotated, "Mr Tallis will meet the president of Varnland next week.")
    assert [t for t in types if t[1] in ("AGREE", "CONSULT")]


def test_a_legal_appeal_brings_a_decision_to_court(annotated):
    assert ("appeal", "ACCUSE") in _typed(annotated, "But the Varnland government can appeal the decision.")
    assert ("appealed", "ACCUSE") in _typed(
        annotated, "The activists appealed against a ruling of the Harbury High Court.")
    assert ("appealed", "REQUEST") in _typed(annotated, "The mayor of Harbury appealed for calm on Sunday.")


def test_money_approved_for_someone_is_aid(annotated):
    assert ("approved", "AID") in _typed(annotated, "The finance ministry approved a loan of 50 million dollars to Varnland.")
    assert ("approved", "SUPPORT") in _typed(annotated, "The senate approved the treaty with Varnland.")


def test_hoping_to_sign_is_agreement(annotated):
    assert ("sign", "AGREE") in _typed(annotated, "The finance minister hopes to sign the accord with Varnland soon.")


def test_no_force_speaks(annotated):
    types = _typed(annotated, "Norvale says its downfall was punishment for its founder's ambitions and has "
                              "vowed to sue any buyer.")
    assert not [t for t in types if t[1] == "DISASTER"]


def test_asking_whom_is_a_question(annotated):
    assert not _typed(annotated, "Asked whom he meant, the spokesman named three former aides.")


def test_a_report_about_a_tournament_reads_the_game_words_as_the_game(annotated):
    text = ("Lena Varga has reached the last eight of the Harbury tournament after a long match on Monday. "
            "She injured her wrist again "
            "on her return to the tour. Varga criticised the organisers over prize money for women.")
    types = _typed(annotated, text)
    assert not [t for t in types if t[1] == "ASSAULT"]
    assert ("criticised", "ACCUSE") in types  # what players say of others is still said
    # One contest word in a political report is no sports report.
    text = ("Police arrested two men after a football match in Harbury. Ministers criticised the police over "
            "the arrests, and the mayor injured his wrist in a fall.")
    assert ("arrested", "COERCE") in _typed(annotated, text)


def test_markets_move_prices_and_rallies(annotated):
    assert not _typed(annotated, "Overall, asking prices have fallen 3.3% from their July peaks.")
    assert not _typed(annotated, "The latest news sent shares in Varnholt up 8.5p to 113.5p.")
    assert not _typed(annotated, "The rally of the last two weeks in bond futures has occurred on low volume.")
    assert not [t for t in _typed(annotated, "Norvale Motors has frozen the base pay rates of its salaried staff.")
                if t[1] == "SANCTION"]
    # People rallying, and a state freezing another's assets, stay events.
    assert ("rally", "PROTEST") in _typed(annotated, "Thousands of workers joined a rally in Harbury on Sunday.")
    assert ("froze", "SANCTION") in _typed(annotated, "Ostrelia froze the assets of the Varnland government.")


def test_a_concession_eases_a_restriction(annotated):
    assert not _typed(annotated, "Norvale relies on new drugs to lift the pace of sales growth.")
    assert not _typed(annotated, "The danger is that when the workload eases, the meetings are forgotten.")
    assert ("eased", "CONCEDE") in _typed(annotated, "Both countries eased travel and other restrictions in May.")
    assert ("lifted", "CONCEDE") in _typed(annotated, "The army lifted the curfew in Harbury on Monday.")


def test_declining_to_give_information_is_no_rejection(annotated):
    assert not _typed(annotated, "But Norvale declined to provide guidance for the first quarter.")
    assert ("declined", "REJECT") in _typed(annotated, "Varnland declined to accept the peace plan.")


def test_a_release_of_things_frees_no_one(annotated):
    assert not _typed(annotated, "Officials ordered the release of water behind the Harbury dam.")
    assert ("release", "RETREAT") in _typed(annotated, "Rebels announced the release of two hostages on Friday.")


def test_agreeing_that_something_is_so_is_an_opinion(annotated):
    assert not _typed(annotated, "Other analysts agree that the government probably has a target range.")
    assert not _typed(annotated, "Most dealers agree there is a good deal of hot money in sterling.")
    assert ("agreed", "AGREE") in _typed(annotated, "Varnland agreed to buy 50 percent of Norvale Motors.")
    assert ("agreed", "AGREE") in _typed(annotated, "The two ministers agreed on a ceasefire in Harbury.")


def test_a_report_discussing_a_subject_meets_no_one(annotated):
    assert not _typed(annotated, "The committee's report also discussed the visa scandal.")
    assert ("discussed", "CONSULT") in _typed(annotated, "The two ministers discussed the visa scandal in Harbury.")


def test_a_heart_attack_is_no_assault(annotated):
    assert not _typed(annotated, "Mr Tallis stood in after Lena Varga had a heart attack in October.")
    assert ("attack", "ASSAULT") in _typed(annotated, "Rebels launched an air attack on Harbury in October.")


def test_a_clash_over_a_subject_is_a_dispute(annotated):
    assert ("clashed", "ACCUSE") in _typed(annotated, "Mr Tallis has clashed with his leaders over tuition fees.")
    types = _typed(annotated, "Protesters clashed with police over the route of the march in Harbury.")
    assert not [t for t in types if t[0] == "clashed" and t[1] == "ACCUSE"]


def test_a_forecast_noted_with_should_is_no_demand(annotated):
    assert not _typed(annotated, "She noted that the merger proposal should have no short term effect on Norvale.")
    assert [t for t in _typed(annotated, "Ms Varga noted that the council must release the prisoners at once.")
            if t[1] in ("REQUEST", "RETREAT")]


def test_offering_hope_offers_nothing(annotated):
    assert not _typed(annotated, "A win in Harbury will offer hope and reassurance for next year.")
    assert ("offered", "AGREE") in _typed(annotated, "Varnland offered to mediate between the two sides.")
