"""What a PLOVER event is, on texts written here (issue 13, second round): material acts
in reports about sport, entertainment or computing need a political participant; the
rules of the first round narrowed where they removed real political events."""

from __future__ import annotations

from newsgraph.extract.events import extract_events
from newsgraph.extract.events.domain import other_domain


def _types(adoc) -> set[str]:
    return {m.type for m in extract_events(adoc)}


def _one(adoc, trigger: str):
    hits = [m for m in extract_events(adoc) if m.trigger.text == trigger]
    assert hits, f"no event on {trigger!r}: {[(m.trigger.text, m.type) for m in extract_events(adoc)]}"
    return hits[0]


# -- what a report is about ----------------------------------------------------------------

ALBUM = ("The singer and her band recorded the album in a week. The guitarist said the band beat three "
         "other groups to the prize, and the director of the film collaborated with the drummer.")


def test_an_album_review_is_about_entertainment_a_riot_report_is_not(annotated):
    assert other_domain(annotated(ALBUM).doc) == "entertainment"
    riot = annotated("Police fired tear gas at protesters outside parliament after the election; "
                     "a football club closed its stadium.")
    assert other_domain(riot.doc) is None


def test_material_acts_in_an_entertainment_report_need_a_political_participant(annotated):
    types = _types(annotated(ALBUM))
    assert "ASSAULT" not in types and "COOPERATE" not in types


def test_arrests_and_state_acts_in_other_domains_stay_events(annotated):
    text = ("The software firm said hackers broke into its computers and stole e-mail addresses from its "
            "servers and databases. Police arrested two men in Leeds. France sent troops to guard the "
            "servers.")
    adoc = annotated(text)
    assert other_domain(adoc.doc) == "computing"
    assert _one(adoc, "arrested").type == "COERCE"
    assert _one(adoc, "sent").type == "MOBILIZE"


def test_a_crowd_near_a_football_club_still_marches(annotated):
    text = ("Thousands of people joined as the crowd marched past the grounds of the local football club, "
            "famous for its left-wing fans.")
    m = _one(annotated(text), "marched")
    assert m.type == "PROTEST"


def test_a_rule_can_be_switched_off_for_the_ablation(annotated):
    adoc = annotated(ALBUM)
    back = {m.type for m in extract_events(adoc, frozenset({"other domain"}))}
    assert "ASSAULT" in back or "COOPERATE" in back


# -- first-round rules narrowed where they removed political events (development halves) ---


def test_an_armed_actor_makes_an_assault_physical_and_numbers_are_people(annotated):
    assert _one(annotated("Suicide bombers killed dozens at the airport."), "killed").type == "ASSAULT"
    m = _one(annotated("The army's artillery units pounded the movements of the rebel group."), "pounded")
    assert m.type == "ASSAULT"
    assert "ASSAULT" not in _types(annotated("The minister attacked the government's failure."))


def test_fighters_are_an_armed_force_when_they_mobilize(annotated):
    m = _one(annotated("Dozens of former fighters have mobilized alongside the army in the province."),
             "mobilized")
    assert m.type == "MOBILIZE"


def test_talk_on_a_subject_is_a_consultation_by_those_who_came_for_it(annotated):
    m = _one(annotated("American and Russian negotiators return to Geneva this week for talk on limiting "
                       "missiles."), "talk")
    assert m.type == "CONSULT" and "negotiators" in " ".join(a.text for a in m.actors)
    assert "CONSULT" not in _types(annotated("There was talk of other clubs in the city."))


def test_an_agreement_between_government_and_rebel_forces_has_them_as_actors(annotated):
    m = _one(annotated("The ceasefire agreement between government and rebel forces takes effect tomorrow."),
             "agreement")
    assert m.type == "AGREE" and m.actors


# -- types the manual gives by what is promised, intended or withdrawn -------------------


def test_willingness_to_cooperate_is_agree(annotated):
    assert _one(annotated("We are ready to negotiate with Israel."), "negotiate").type == "AGREE"
    assert _one(annotated("The minister is due to meet his Chinese counterpart on Monday."), "meet").type == "AGREE"
    assert "AGREE" not in _types(annotated("The court has decided whether to grant the company aid."))


def test_withdrawing_aid_or_observers_is_a_sanction_troops_a_retreat(annotated):
    troops = _one(annotated("The army withdrew its troops from the town on Monday."), "withdrew")
    assert (troops.type, troops.mode) == ("RETREAT", "withdraw")
    observers = _one(annotated("The United Nations withdrew its observers from the country."), "withdrew")
    assert (observers.type, observers.mode) == ("SANCTION", "withdraw")
    threat = _one(annotated("The minister said he would withdraw the farmers' subsidy unless the strike ended."),
                  "withdraw")
    assert threat.type == "THREATEN"


def test_a_vow_to_fight_is_a_threat_to_free_hostages_a_promise_to_reform_no_event(annotated):
    assert _types(annotated("The prime minister vowed to push through the tax reforms.")) == set()
    assert _one(annotated("The rebels vowed to free the hostages."), "vowed").type == "AGREE"
    assert _one(annotated("The rebels vowed to attack the capital."), "vowed").type == "THREATEN"


def test_defending_oneself_is_no_support_defending_an_ally_is(annotated):
    assert "SUPPORT" not in _types(annotated("The company said it will defend itself in the lawsuit."))
    assert "SUPPORT" not in _types(annotated("The minister defended his record on Monday."))
    assert _one(annotated("France defended the Iraqi government against the critics."), "defended").type == "SUPPORT"


# -- other senses told apart by their complements ---------------------------------------


def test_a_score_makes_beating_a_match_result(annotated):
    assert "ASSAULT" not in _types(annotated("The Russian beat the German champion 7-5 6-4 in Paris."))
    assert _one(annotated("Rebels beat 3-4 villagers to death on 12-13 May."), "beat").type == "ASSAULT"


def test_charging_users_for_a_tool_is_a_price(annotated):
    assert "ACCUSE" not in _types(annotated("The firm will be charging users for the new software tool."))
    assert _one(annotated("Police charged the man with murder."), "charged").type == "ACCUSE"


def test_killing_a_ball_or_a_bill_kills_no_one(annotated):
    assert "ASSAULT" not in _types(annotated("The senators killed the bill in committee."))
    assert _one(annotated("Gunmen killed three soldiers near the border."), "killed").type == "ASSAULT"


def test_a_poll_answer_is_no_act(annotated):
    assert "SUPPORT" not in _types(annotated("In the survey, 47% said they supported the legislation."))
    assert _one(annotated("The minister said they supported the legislation."), "supported").type == "SUPPORT"


def test_a_ban_does_not_threaten(annotated):
    assert "THREATEN" not in _types(annotated("The ban threatens to reignite tensions between the regulator "
                                             "and the company."))
    assert _one(annotated("The rebels threatened to attack the capital."), "threatened").type == "THREATEN"


def test_attacking_a_policy_is_criticism(annotated):
    m = _one(annotated("The former minister attacked the government's plans on immigration."), "attacked")
    assert (m.type, m.mode) == ("ACCUSE", "disapprove")
    assert _one(annotated("Gunmen attacked the convoy near the border."), "attacked").type == "ASSAULT"


def test_control_of_a_business_is_taken_without_force(annotated):
    assert "ASSAULT" not in _types(annotated("The chief executive has taken control of the car business."))
    m = _one(annotated("Rebel fighters took control of the town on Sunday."), "took")
    assert m.type == "ASSAULT"


def test_a_score_in_a_sentence_makes_it_a_match_report(annotated):
    assert "ASSAULT" not in _types(annotated("Schnyder had a battle as she needed three sets to win 7-5 3-6 7-5."))


def test_aid_gives_something_material(annotated):
    assert "AID" not in _types(annotated("The minister provided evidence to the committee."))
    assert "AID" not in _types(annotated("The firm sent a message to its customers."))
    assert _one(annotated("Japan sent food and medicine to the flood victims."), "sent").type == "AID"
    assert _one(annotated("The charity delivered goods to the refugees."), "delivered").type == "AID"


def test_recognising_a_voice_is_no_diplomatic_recognition(annotated):
    assert "SUPPORT" not in _types(annotated("The software can recognise an individual voice."))
    assert _one(annotated("France recognised the new government of Libya."), "recognised").type == "SUPPORT"


def test_assaults_in_a_game_review_are_the_game(annotated):
    text = ("The video game is a sequel to last year's hit. Players must battle soldiers, zombies and "
            "aliens on each level.")
    assert "ASSAULT" not in _types(annotated(text))
    real = ("A gunman who played video games shot three soldiers outside the barracks.")
    assert _one(annotated(real), "shot").type == "ASSAULT"


def test_bodily_harm_to_a_person_stays_a_crime_in_an_entertainment_report(annotated):
    text = ("The rapper was charged after allegedly stabbing a man at the awards show. The singer and "
            "her band played three songs from the album.")
    adoc = annotated(text)
    assert other_domain(adoc.doc) == "entertainment"
    assert _one(adoc, "stabbing").type == "ASSAULT"


def test_an_attack_of_words_is_criticism_an_armed_one_an_assault(annotated):
    types = _typed(annotated)
    # Said of an abstraction, "politically", or for what someone wants: words, not force.
    assert ("attack", "ACCUSE") in types("Ms Varga launched an attack on the cost of the ferry contract.")
    assert ("attack", "ACCUSE") in types("Ms Varga will attack the Greens for wanting to close the port.")
    assert ("attack", "ACCUSE") in types('The minister said: "I attack Ms Varga politically."')
    assert ("attacked", "ACCUSE") in types("She attacked Green plans to close the ferry port.")
    # Armed actors, or a physical target, make it an assault.
    assert ("attacked", "ASSAULT") in types("Rebels attacked a convoy for carrying weapons.")
    assert ("attack", "ASSAULT") in types("Gunmen launched an attack on the army base on Monday.")


def test_misusing_a_system_or_fighting_in_court_harms_no_one(annotated):
    types = _typed(annotated)
    assert not types("Ms Varga claims the permit system is being abused by large farms.")
    assert not types("He abused his position to win the harbour contracts.")
    assert not types("The two shipyards are locked in a legal battle over the dock.")
    assert not types("Ostrel Mining wants to continue its court battles with Dunmore Gold.")
    # Harm done to people, or a battle fought with them, stays an assault.
    assert ("abused", "ASSAULT") in types("Guards abused prisoners at the camp in March.")
    assert ("fought", "ASSAULT") in types("Rioting youths fought running battles with police on Saturday.")


def _typed(annotated):
    """A function giving the (trigger, type) pairs of a text's events."""
    return lambda text: [(m.trigger.text, m.type) for m in extract_events(annotated(text))]
