"""Event typing on texts written here (issue 13, item 4, sixth round): the typing errors that
made wrong cross-document joins — a contest won is no assault, a fight of politics is no
assault, a named storm is a force of nature, a business that halts output coerces no one."""

from __future__ import annotations

from newsgraph.extract.events import extract_events


def _typed(annotated, text: str) -> list[tuple[str, str]]:
    return [(m.trigger.text, m.type) for m in extract_events(annotated(text))]


def _assaults(annotated, text: str) -> list[tuple[str, str]]:
    return [t for t in _typed(annotated, text) if t[1] == "ASSAULT"]


def test_a_win_in_a_contest_is_no_assault(annotated):
    assert not _assaults(annotated, "Moya beat Hewitt in straight sets to reach the final.")
    assert not _assaults(annotated, "Moya beat Hewitt in the second round on Tuesday.")
    assert not _assaults(annotated, "Scotland beat Italy in Rome on Saturday.")
    assert not _assaults(annotated, "Lleyton Hewitt will face Marat Safin in the final. Hewitt beat Andy Roddick.")
    # The bodily sense keeps its marks: an instrument, "to death", armed or unnamed people.
    assert ("beat", "ASSAULT") in _typed(annotated, "Three men beat Tom Harris to death outside a bar in Harbury.")
    assert ("beat", "ASSAULT") in _typed(annotated, "The soldiers beat Ahmed Salim in his cell.")
    assert ("beat", "ASSAULT") in _typed(annotated, "Gunmen beat a shopkeeper and set fire to his shop.")
    assert ("beaten", "ASSAULT") in _typed(annotated, "Smith was beaten up by Jones on Friday.")


def test_a_fight_of_politics_is_no_assault(annotated):
    assert not _assaults(annotated, "The Tories face an uphill battle to win back voters before the election.")
    assert not _assaults(annotated, "Labour launched a pre-election battle over taxes.")
    assert not _assaults(annotated, "Ministers were fighting over the budget last week.")
    assert not _assaults(annotated, "Mr Howard said the party would fight the general election on crime.")
    assert not _assaults(annotated, "The battle against inflation is not over.")
    assert not _assaults(annotated, "Musicians are fighting for a share of the market.")
    # Force in sight: armed people, police, a place fought in, people killed.
    assert ("fought", "ASSAULT") in _typed(annotated, "Rebels fought government troops near the Dunmore border.")
    assert ("fighting", "ASSAULT") in _typed(annotated, "Heavy fighting broke out in Basra on Sunday.")
    assert ("battle", "ASSAULT") in _typed(annotated, "The army lost the battle of Harbury Ridge.")
    assert ("clashed", "ASSAULT") in _typed(annotated, "Hundreds of students clashed with police over the fees.")
    assert ("fought", "ASSAULT") in _typed(annotated, "Israel fought Hezbollah for 34 days.")
    assert ("clashes", "ASSAULT") in _typed(
        annotated, "The troops inflicted heavy losses on the rebels in fierce clashes over control of the region.")


def test_a_named_storm_is_a_force_of_nature(annotated):
    typed = _typed(annotated, "Hurricane Mitch killed 10,000 people in Central America in 1998.")
    assert ("killed", "DISASTER") in typed and not [t for t in typed if t[1] == "ASSAULT"]
    typed = _typed(annotated, "Typhoon Lorna destroyed hundreds of homes on the island of Varn.")
    assert not [t for t in typed if t[1] == "ASSAULT"]
    assert ("destroyed", "DISASTER") in _typed(annotated, "Typhoon Haiyan destroyed much of Tacloban.")
    assert ("flooded", "DISASTER") in _typed(annotated, "Storm Desmond flooded thousands of homes in Cumbria.")


def test_output_shut_down_is_no_coercion(annotated):
    assert not _typed(annotated, "Cominco's output has been shut down since the May 9 strike.")
    assert not _typed(annotated, "The company shut down two plants in Ohio last year.")
    assert ("shut", "COERCE") in _typed(annotated, "Police shut down the newspaper on Monday.")


def test_a_currency_that_rallies_protests_nothing(annotated):
    assert not [t for t in _typed(annotated, "Since the Louvre accord, the dollar has rallied against the yen.")
                if t[1] == "PROTEST"]
    assert not _typed(annotated, "Prices rallied on the Tokyo market.")
    assert ("rallied", "PROTEST") in _typed(annotated, "Thousands of supporters rallied in the capital on Sunday.")
    assert ("rallied", "PROTEST") in _typed(annotated, "The Harbury Workers Union rallied against the pay cuts.")


def test_an_attack_of_politics_is_criticism(annotated):
    assert ("attacked", "ACCUSE") in _typed(annotated, "The Conservatives attacked Labour over its record on crime.")
    assert ("attack", "ACCUSE") in _typed(annotated, "Mr Blair launched a fierce attack on the Conservatives yesterday.")
    assert ("attacked", "ACCUSE") in _typed(annotated, "Mr Kennedy attacked the Tory pledges on tax.")
    assert ("attacked", "ACCUSE") in _typed(annotated, "Mr Kilroy-Silk attacked his former party in a speech in Harbury.")
    # Armed people, police, a place, a weapon, a people on a people: an assault.
    assert ("attacked", "ASSAULT") in _typed(annotated, "Hamas attacked Israeli soldiers near the border.")
    assert ("attacked", "ASSAULT") in _typed(annotated, "Islamists attacked Christians in the north of the country.")
    assert ("attacked", "ASSAULT") in _typed(annotated, "A man attacked Mr Smith with a knife outside his home.")
    assert ("attacked", "ASSAULT") in _typed(annotated, "Varnland attacked Ostrelia in 1990.")


def test_a_margin_a_poll_a_product_a_dare(annotated):
    assert not _assaults(annotated, "The champion pulled away in the final lap, beating Tom Varga by 0.90 seconds.")
    assert not [t for t in _typed(annotated, "Most city-dwellers support the ban but rural people were split.")
                if t[1] == "SUPPORT"]
    assert ("supported", "SUPPORT") in _typed(annotated, "The union supported the strike on Monday.")
    assert not _typed(annotated, "Mr Panke praised the Harbury Zeta as the best car of the year.")
    assert ("praised", "SUPPORT") in _typed(annotated, "Mr Blair praised his chancellor for his role in the recovery.")
    assert not [t for t in _typed(annotated, "Lord Smith challenged Mr Brown to deny reports that he had lied.")
                if t[1] == "REJECT"]
    assert ("denied", "REJECT") in _typed(annotated, "Mr Brown denied reports that he had lied to parliament.")
    assert not _typed(annotated, "It rallied briefly on Monday amid signs that oil prices are easing.")


def test_trade_a_rate_a_bill_advice(annotated):
    assert not _typed(annotated, "Microsoft had delivered development kits to Sony, said Mr Armes.")
    assert ("delivered", "AID") in _typed(annotated, "The European Union delivered food aid to Sudan.")
    assert not _typed(annotated, "The Reserve Bank of Varnland lifted interest rates 0.25% to 5.5% on Tuesday.")
    assert ("lifted", "CONCEDE") in _typed(annotated, "The government lifted the curfew in Harbury on Monday.")
    assert not _typed(annotated, "The previous draft bill would have banned non-bank activities.")
    assert ("ban", "THREATEN") in _typed(annotated, "The government would ban the party if it refused to disarm.")
    assert not _typed(annotated, "Sir Tom Jones warned Mr Brown not to be tempted to use the extra cash on bribes.")
    assert ("warned", "THREATEN") in _typed(
        annotated, "The president warned Mr Hussein of serious consequences if he did not comply.")
    assert not _typed(annotated, '"Someone should establish it," a spokesman said.')


def test_an_agreement_signed_or_struck_and_a_member_suspended(annotated):
    # Manual, SUPPORT: "ratify, sign, or finalize an agreement or treaty".
    assert ("signed", "SUPPORT") in _typed(annotated, "Last month, it signed a production agreement with Nissan.")
    assert not [t for t in _typed(annotated, "The deal, struck at the European Council last week, ends the dispute.")
                if t[1] == "PROTEST"]
    assert ("suspended", "SANCTION") in _typed(annotated, "UKIP have suspended a candidate for his remarks.")
    assert ("suspended", "CONCEDE") in _typed(annotated, "The rebels suspended their attacks for a week.")


def test_money_for_a_purchase_is_given_to_no_one(annotated):
    assert not _typed(annotated, "Pernod has reduced the debt it took on to fund the Seagram purchase.")
    assert ("funded", "AID") in _typed(annotated, "Varnland funded the rebels for a decade.")
    assert [t for t in _typed(annotated, "Japan will fund the reconstruction of Iraq.") if t[0] == "fund"]


def test_what_customers_and_investors_get_is_trade(annotated):
    assert not _typed(annotated, "The program provides investors with high quality securities.")
    assert not _typed(annotated, "The bank will lend customers up to 90% of the value of their homes.")
    assert ("provided", "AID") in _typed(annotated, "The government provided refugees with food and blankets.")


def test_a_word_inside_a_name_is_no_event(annotated):
    assert not [t for t in _typed(annotated, "A consumer group, Consumers Against Supermarket Privacy Invasion and "
                                             "Numbering, has claimed that the chips could be used to track people.")
                if t[0] == "Invasion"]
    assert ("march", "PROTEST") in _typed(annotated, "The Stop the War Coalition organised the march in London.")
    assert ("Fighting", "ASSAULT") in _typed(annotated, "Fighting broke out in Basra on Sunday.")


def test_a_country_in_a_match_report_is_a_team(annotated):
    text = ("The Pumas won the match 21-15 in the rain. Their forwards were stronger in the scrum and the "
            "tournament favourites never found their game. The power of the Pumas never allowed Ireland to take "
            "control up front.")
    assert not [t for t in _typed(annotated, text) if t[1] == "ASSAULT"]
    assert ("took", "ASSAULT") in _typed(annotated, "Rebels took control of the town of Harbury on Monday.")


def test_views_sent_are_a_message(annotated):
    assert not [t for t in _typed(annotated, "He was suspended after his views were sent to two newspapers.")
                if t[1] == "AID"]
    assert ("sent", "AID") in _typed(annotated, "The European Union sent food and tents to the refugees.")


def test_a_trading_halt_sanctions_no_one(annotated):
    assert not _typed(annotated, "Harbury Mining's stock was halted this morning for news pending.")
    assert not _typed(annotated, "Trading in the shares was suspended on Monday.")
    assert ("suspended", "SANCTION") in _typed(annotated, "Varnland suspended trade with Ostrelia on Monday.")
