"""Event typing on texts written here (issue 13, item 4, seventh round): everyday senses with no
occurrence — market instruments, advice, kinds of people, polls, names — and the army, navy and
air force as armed forces."""

from __future__ import annotations

from newsgraph.extract.events import extract_events


def _typed(annotated, text: str) -> list[tuple[str, str]]:
    return [(m.trigger.text, m.type) for m in extract_events(annotated(text))]


def test_armed_services_are_armed_forces(annotated):
    typed = _typed(annotated, "Air force jets bombed the town of Harbury on Sunday.")
    assert ("bombed", "ASSAULT") in typed and not [t for t in typed if t[1] == "DISASTER"]
    assert ("deployed", "MOBILIZE") in _typed(annotated, "The army deployed to the northern border on Monday.")
    assert ("deployed", "MOBILIZE") in _typed(annotated, "The navy deployed two warships near the island.")


def test_a_financial_instrument_is_no_agreement_and_no_aid(annotated):
    assert not _typed(annotated, "Kelton Ltd said it began an offer of 400,000 shares of preferred stock.")
    assert not _typed(annotated, "Dunmore Inc has granted Harbury Corp an option to buy 3 mln new shares.")
    assert not _typed(annotated, "The board approved a quarterly dividend of 12 cts a share.")
    # An offer for a company's shares is a takeover offer; a loan granted is aid.
    assert ("offer", "AGREE") in _typed(
        annotated, "Dunmore Inc said it has started a tender offer for all Harbury shares at 20 dlrs each.")
    assert ("granted", "AID") in _typed(annotated, "The World Bank granted Kenya a loan of 50 mln dlrs.")


def test_an_act_advised_is_no_act(annotated):
    assert not [t for t in _typed(annotated, "He said no options should be rejected to cut oil imports.")
                if t[1] == "REJECT"]
    assert not _typed(annotated, "Yet their economic arguments should not be dismissed out of hand.")
    assert ("rejected", "REJECT") in _typed(annotated, "The court rejected the appeal on Monday.")


def test_a_kind_of_people_is_no_actor(annotated):
    assert not _typed(annotated, "Elderly users might not accept such innovation.")
    assert not [t for t in _typed(annotated, "The survey showed people would accept the cards if prices fell.")
                if t[1] == "AGREE"]
    assert ("accept", "AGREE") in _typed(annotated, "The unions would accept the offer, their leader said.")
    assert ("accepted", "AGREE") in _typed(annotated, "Voters in Dunmore accepted the plan on Sunday.")


def test_a_share_of_the_public_answers_a_poll(annotated):
    assert not [t for t in _typed(annotated, "Most voters disapprove of the president and one-third believe "
                                             "he should resign, a new poll said.") if t[1] == "REQUEST"]
    assert not [t for t in _typed(annotated, "Only one in six voters recognised Mr Kennedy, the survey found.")
                if t[1] == "SUPPORT"]


def test_what_is_hard_to_do_is_not_done(annotated):
    assert not _typed(annotated, "He said it was difficult to discuss capitalisation with the banks.")
    assert ("discuss", "CONSULT") in _typed(annotated, "The ministers met on Monday to discuss the budget.")


def test_words_alleged_are_no_accusation(annotated):
    assert not [t for t in _typed(annotated, "In the book Mr Brown is alleged to have told the prime minister "
                                             "that he could never trust him.") if t[1] == "ACCUSE"]
    assert ("alleged", "ACCUSE") in _typed(
        annotated, "Mr Smith is alleged to have taken bribes from a construction firm.")


def test_a_title_names_no_event(annotated):
    assert not _typed(annotated, "Meet The Fockers opens in cinemas across the country on Friday.")
    typed = _typed(annotated, "A group called Citizens Against Unfair Arrest and Detention has complained.")
    assert not [t for t in typed if t[1] == "COERCE"]
    assert ("attacked", "ASSAULT") in _typed(annotated, "Rebels attacked the town of Harbury on Sunday.")


def test_invitations_need_someone_invited(annotated):
    assert not _typed(annotated, "Iraq is to invite bids for two telephone licences next year.")
    assert ("invited", "AGREE") in _typed(annotated, "Egypt invited Israel to talks in Cairo.")


def test_a_call_for_something_is_a_demand(annotated):
    assert ("call", "REQUEST") in _typed(annotated, "The police chiefs made their call for stronger powers "
                                                    "in a paper for the committee.")


def test_armed_forces_sent_are_moved_not_given(annotated):
    typed = _typed(annotated, "The minister ordered the navy to send marines to take over the ports.")
    assert ("send", "MOBILIZE") in typed and not [t for t in typed if t[1] == "AID"]
    assert ("sent", "AID") in _typed(annotated, "Japan sent food and medicine to the flood victims in Dunmore.")


def test_a_raid_from_the_air_is_an_attack(annotated):
    assert ("raids", "ASSAULT") in _typed(annotated, "The town was hit by helicopter gunship raids overnight.")
    assert ("raid", "COERCE") in _typed(annotated, "Police carried out a raid on the house of the suspect.")


def test_attention_captured_is_no_arrest(annotated):
    assert not _typed(annotated, "The decision had captured the attention of the international community.")
    assert ("captured", "COERCE") in _typed(annotated, "Police captured dozens of the rioters on Monday.")


def test_booked_for_an_appointment_is_no_arrest(annotated):
    assert not _typed(annotated, "Mr Howard is booked for a similar session next week.")
    assert ("booked", "COERCE") in _typed(annotated, "The police booked him for murder on Tuesday.")


def test_a_bare_event_noun_told_as_a_kind_is_no_occurrence(annotated):
    assert not _typed(annotated, "Killings rose sharply in the province last year.")
    assert not _typed(annotated, "Attacks on civilians are a war crime.")
    assert not _typed(annotated, "Hunger strike is a weapon of last resort.")
    assert not _typed(annotated, "Deportation may solve this problem for now.")
    assert not _typed(annotated, "The minister spoke of the possibility of deportation.")
    assert not _typed(annotated, "The lawyers asked whether the evidence was obtained under torture.")
    assert not _typed(annotated, "The number of attacks on police has doubled.")
    assert not [t for t in _typed(annotated, "Officials fear the cycle of attack and retaliation will go on.")
                if t[0] == "attack"]
    assert not [t for t in _typed(annotated, "The new code prohibits torture in all prisons.") if t[1] == "ASSAULT"]
    # One occurrence stays: a determiner, a place or a date, a past tense, news in the present.
    assert ("attack", "ASSAULT") in _typed(annotated, "The attack on the embassy killed five people.")
    assert ("Fighting", "ASSAULT") in _typed(annotated, "Fighting is continuing in Basra.")
    assert ("protests", "PROTEST") in _typed(annotated, "The decision follows angry protests by farmers.")


def test_weapons_sent_are_not_moved_forces(annotated):
    assert not [t for t in _typed(annotated, "He was convicted of sending letter bombs in the post.")
                if t[1] == "MOBILIZE"]
    assert ("sent", "MOBILIZE") in _typed(annotated, "The navy sent two warships to the gulf.")


def test_the_accused_are_people_not_an_accusation(annotated):
    assert not [t for t in _typed(annotated, "He said penalties would be imposed on the accused and their "
                                             "accomplices.") if t[1] == "ACCUSE"]
    assert ("accused", "ACCUSE") in _typed(annotated, "The minister accused the rebels of breaking the truce.")


def test_neither_confirmed_nor_denied_is_no_denial(annotated):
    assert not _typed(annotated, "The company said it had no information to confirm or deny the report.")
    assert ("denied", "REJECT") in _typed(annotated, "The ministry denied the report on Tuesday.")


def test_a_recall_of_no_one_is_no_sanction(annotated):
    assert not _typed(annotated, "Some will recall the news footage of angry farmers in the capital.")
    assert not _typed(annotated, "The carmaker is to recall 20,000 cars with faulty brakes.")
    assert ("recalled", "SANCTION") in _typed(annotated, "The government recalled its ambassador from Syria.")


def test_a_risk_to_hopes_is_no_threat(annotated):
    assert not _typed(annotated, "That could further threaten the country's hopes of recovery.")
    assert ("threatened", "THREATEN") in _typed(annotated, "The rebels threatened to attack the capital.")


def test_a_fall_in_per_cent_is_no_rejection(annotated):
    assert not _typed(annotated, "The airline said its load factor declined 1.6 pct to 55.9 pct.")


def test_acceptance_refused_is_a_rejection(annotated):
    typed = _typed(annotated, "The group said it will not accept an unfair burden.")
    assert ("accept", "REJECT") in typed and ("accept", "AGREE") not in typed


def test_goods_supplied_between_companies_are_trade(annotated):
    assert not _typed(annotated, "Both carmakers were supplied with the faulty pumps.")
    assert not _typed(annotated, "The cars have a faulty pump supplied by parts maker Kessler.")
    assert ("supplied", "AID") in _typed(annotated, "Japan supplied food to the flood victims.")


def test_a_study_or_an_award_acts_for_no_one(annotated):
    assert not _typed(annotated, "The research endorses the policy of cutting quangos.")
    assert not _typed(annotated, "The award recognises new writing across fiction.")
    assert ("criticised", "ACCUSE") in _typed(annotated, "The committee criticised the police.")


def test_a_ball_struck_is_a_game(annotated):
    assert not _typed(annotated, "I felt like I was striking the ball much better today, said Johansson.")
    assert ("struck", "ASSAULT") in _typed(annotated, "Gunmen struck the convoy near Basra.")


def test_the_manuals_confiscations_and_mediation_are_in_the_lexicon(annotated):
    assert ("nationalised", "COERCE") in _typed(annotated, "Ostrelia nationalised the oil fields of three foreign firms.")
    assert ("confiscation", "COERCE") in _typed(annotated, "The government ordered the confiscation of his property.")
    assert ("mediation", "CONSULT") in _typed(annotated, "Norway's mediation between the rebels and the government "
                                                         "failed.")


def test_defending_nothing_supports_no_one(annotated):
    assert not _typed(annotated, "We had to defend for long periods and that is good for the team.")
    assert ("defended", "SUPPORT") in _typed(annotated, "The minister defended the plan.")


def test_an_apology_someone_should_make_is_not_made(annotated):
    assert not [t for t in _typed(annotated, "The prime minister said the mayor should apologise to the reporter.")
                if t[1] == "CONCEDE"]
    assert ("apologised", "CONCEDE") in _typed(annotated, "The mayor apologised to the reporter on Monday.")


def test_services_sold_between_companies_are_trade(annotated):
    assert not _typed(annotated, "Kelton said it won a contract to provide telecommunications services to Dunmore Inc.")
    assert ("provided", "AID") in _typed(annotated, "Japan provided medical services to the refugees.")


def test_a_person_sent_back_is_deported(annotated):
    assert ("sent", "COERCE") in _typed(annotated, "Ms Khan was being sent back to Norway on the first flight.")
    assert ("sent", "AID") in _typed(annotated, "Japan sent food and medicine to the victims.")


def test_what_the_seventh_round_must_keep(annotated):
    # A threat to act is a threat whatever the pronoun; an approval due is one; the aim of a
    # party is the party's; a name headed by the event names it; a state "under" an act.
    assert ("threatened", "THREATEN") in _typed(annotated, "It has also threatened to sue the Russian government.")
    assert [t for t in _typed(annotated, "Any merger would have to be approved by the unions' executives.")
            if t[0] == "approved"]
    assert ("withdraw", "RETREAT") in _typed(annotated, "The aim of the party is to withdraw from the union.")
    assert ("Treaty", "AGREE") in _typed(annotated, "With the Treaty of Amsterdam seven years ago, we agreed new rules.")
    assert ("investigation", "ACCUSE") in _typed(annotated, "Dunmore Corp is under investigation by the SEC.")


def test_a_price_moving_is_no_act_of_actors(annotated):
    # Futures and prices that trade, retreat or are supported: markets, no PLOVER act.
    assert not _typed(annotated, "Dunmore copper futures opened higher and then retreated slightly on profit taking.")
    assert not _typed(annotated, "Steadier overnight soybean futures supported the market initially, dealers said.")
    assert not [t for t in _typed(annotated, "Cattle futures slipped to trade 0.10 cent higher in late dealings.")
                if t[1] == "COOPERATE"]
    # People and armies still retreat; a bank still pulls out of a market.
    assert ("retreated", "RETREAT") in _typed(annotated, "The army retreated from the town after heavy fighting.")
    assert ("pulled", "RETREAT") in _typed(annotated, "Kelton Bank has pulled out of the eurobond market.")
    assert ("supported", "SUPPORT") in _typed(annotated, "The union supported the strike at the plant.")
    assert ("signed", "SUPPORT") in _typed(
        annotated, "Harbian leader Tomas Velk and President Ana Rusu today signed a treaty of friendship.")



def test_a_strike_with_a_weapon_or_by_a_state_on_a_thing_is_an_assault_a_stoppage_is_not(annotated):
    def strike(text: str) -> str | None:
        return next((t for w, t in _typed(annotated, text) if w.lower().startswith("strike")), None)

    assert strike("The missile strike on the Halcyon tanker caused a fire.") == "ASSAULT"
    assert strike("The U.S. strike on the second oil platform came on Monday.") == "ASSAULT"
    assert strike("The strikes on Baghdad continued overnight.") == "ASSAULT"
    # Workers' strikes stay protests, whoever strikes and wherever.
    assert strike("Dockers began a strike at the port on Monday.") == "PROTEST"
    assert strike("The police strike in Rio continued for a week.") != "ASSAULT"
    assert strike("A general strike in France closed schools.") != "ASSAULT"


def test_provided_as_a_condition_gives_nothing(annotated):
    # "provided (that)" / "providing" followed by a clause is a conjunction of condition.
    for text in ("The ministry approved the closure of three plants, provided the companies repaid "
                 "their state loans.",
                 "Loans will be extended providing the government cuts spending.",
                 "The bank will lend the money provided that the Harbury government cuts spending."):
        assert ("provided", "AID") not in _typed(annotated, text)
        assert not [t for t in _typed(annotated, text) if t[0] in ("provided", "providing")]
    # Giving stays giving, by a subject or a passive agent.
    assert ("provided", "AID") in _typed(annotated, "The EU has provided food to refugees in Harbury.")
    assert ("provided", "AID") in _typed(annotated, "Aid provided by the EU reached the town on Monday.")
