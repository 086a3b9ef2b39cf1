"""Event typing by who acted, on texts written here: forces are no actors (DISASTER),
actors from nominal and prepositional phrases, the type follows the actor, word senses."""

from __future__ import annotations

from newsgraph.export.plover import plover_records
from newsgraph.extract.events import extract_events
from newsgraph.model.events import DISASTER, EVENT_TYPES


def _events(adoc):
    return extract_events(adoc)


def _one(adoc, trigger: str):
    hits = [m for m in extract_events(adoc) if m.trigger.text == trigger]
    assert hits, f"no event on {trigger!r}: {[(m.trigger.text, m.type) for m in extract_events(adoc)]}"
    return hits[0]


def _actors(m) -> list[str]:
    return [a.text for a in m.actors]


# -- forces of nature, accidents and diseases --------------------------------------------


def test_storm_is_not_an_actor_and_its_event_is_not_an_assault(annotated):
    evs = _events(annotated("A powerful storm struck the northern coast of the island on Monday."))
    assert evs and all(m.type not in ("ASSAULT", "PROTEST") for m in evs)
    struck = _one(annotated("A powerful storm struck the northern coast of the island on Monday."), "struck")
    assert struck.type == DISASTER and struck.mode == "natural"
    assert struck.actors == []
    assert [t.text for t in struck.targets] == ["the northern coast"]


def test_flood_that_destroyed_a_harvest_is_a_disaster_never_an_assault(annotated):
    evs = _events(annotated("The floods destroyed the harvest in three valleys."))
    assert all(m.type != "ASSAULT" for m in evs)
    assert all(m.type == DISASTER for m in evs)


def test_a_force_in_a_relative_clause_is_still_the_cause(annotated):
    # "which" stands for the earthquake: a disaster, not an assault by "which".
    evs = _events(annotated("Prices were frozen after last week's earthquake, which killed at least 300 people."))
    assert [m.type for m in evs if m.trigger.text == "killed"] == [DISASTER]


def test_earthquake_that_struck_is_not_a_protest(annotated):
    adoc = annotated("An earthquake struck the mountain region early on Sunday, killing 30 villagers.")
    evs = _events(adoc)
    assert {m.type for m in evs} == {DISASTER}
    assert all(m.actors == [] for m in evs)


def test_killed_in_the_earthquake_and_by_disease_are_disasters(annotated):
    m = _one(annotated("Thirty people were killed in the earthquake."), "killed")
    assert (m.type, m.mode) == (DISASTER, "natural")
    c = _one(annotated("Cholera has killed 40 people in the camps this month."), "killed")
    assert (c.type, c.mode) == (DISASTER, "disease")


def test_impact_verb_outside_the_lexicon_with_a_force_as_subject(annotated):
    m = _one(annotated("A strong earthquake rocked the island on Sunday."), "rocked")
    assert (m.type, m.mode) == (DISASTER, "natural")
    assert _events(annotated("The news rocked the markets on Sunday.")) == []


def test_gas_cylinder_explosion_is_an_accident_a_bomb_is_an_assault(annotated):
    adoc = annotated("A gas cylinder exploded in a restaurant, killing four diners.")
    assert {(m.type, m.mode) for m in _events(adoc)} == {(DISASTER, "accident")}
    bomb = _one(annotated("A bomb exploded in the crowded market."), "exploded")
    assert (bomb.type, bomb.mode) == ("ASSAULT", "explosives")
    assert bomb.actors == []  # the weapon is the instrument, not the actor


def test_a_thing_that_harms_nothing_physical_is_no_accident(annotated):
    # A thing as the subject of an act's verb is an accident only when it struck, hit or
    # harmed people or physical things; a series that "beat" its rivals, drugs that
    # "destroy lives", a laptop that "beat off the challenge" are other senses: no event.
    for text in ("The cosmetic surgery series beat two older dramas to the best drama title.",
                 "A minority allow drugs to take over and destroy their lives.",
                 "How did a laptop ever manage to beat off the challenge of the wristwatch?"):
        assert _events(annotated(text)) == [], text
    bus = _one(annotated("The bus hit a wall and overturned, injuring 12 passengers."), "injuring")
    assert (bus.type, bus.mode) == (DISASTER, "accident")


def test_what_a_kind_of_force_does_is_no_disaster_reported(annotated):
    # Bare plurals in the simple present say what such things do; a report tells of one.
    for text in ("Tremors more often affect older people.", "Storms batter the coast every winter.",
                 "Officials said such diseases do not affect humans."):
        assert _events(annotated(text)) == [], text
    for text in ("A tremor hits northern Chile.", "Floods have hit the delta, killing 20."):
        assert _events(annotated(text))[0].type == DISASTER, text


def test_a_person_acting_after_a_flood_is_not_a_disaster(annotated):
    m = _one(annotated("The minister resigned after the floods."), "resigned")
    assert m.type == "RETREAT"


# -- actors from nominal and prepositional phrases ------------------------------------------


def test_killed_in_firing_by_police_has_the_police_as_actor(annotated):
    m = _one(annotated("Two men were killed in firing by police in the town."), "killed")
    assert m.type == "ASSAULT" and _actors(m) == ["police"]
    assert m.mode == "firearms"


def test_died_in_police_firing_is_a_police_assault(annotated):
    m = _one(annotated("Three protesters died in police firing on Tuesday."), "firing")
    assert (m.type, m.mode) == ("ASSAULT", "firearms")
    assert _actors(m) == ["police"]


def test_agentless_shot_dead_invents_no_actor(annotated):
    m = _one(annotated("Two youths were shot dead near the bridge."), "shot")
    assert m.type == "ASSAULT" and m.actors == []


def test_injured_when_police_opened_fire_borrows_the_police(annotated):
    m = _one(annotated("Two people were injured when police opened fire on the protesters."), "injured")
    assert _actors(m) == ["police"]


def test_rioters_killings_are_not_police_actions(annotated):
    adoc = annotated("Police said rioters killed two shopkeepers and torched buses in the old city.")
    killed = _one(adoc, "killed")
    assert _actors(killed) == ["rioters"]
    assert (killed.type, killed.mode) == ("PROTEST", "riot")
    assert all("Police" not in _actors(m) for m in _events(adoc))


def test_police_firing_on_rioters_stays_an_assault_by_police(annotated):
    m = _one(annotated("Police fired on the rioters near the station."), "fired")
    assert m.type == "ASSAULT" and _actors(m) == ["Police"]


# -- regional wording ------------------------------------------------------------------------


def test_lathi_charge_is_crowd_control_by_police(annotated):
    m = _one(annotated("Police lathi-charged the protesters outside the collectorate."), "charged")
    assert (m.type, m.mode) == ("ASSAULT", "crowd-control")
    assert _actors(m) == ["Police"]
    n = _one(annotated("The police resorted to a lathi charge to disperse the crowd."), "charge")
    assert (n.type, n.mode) == ("ASSAULT", "crowd-control")


def test_booked_picked_up_and_custody_are_arrests(annotated):
    booked = _one(annotated("Police booked 20 people for rioting."), "booked")
    assert (booked.type, booked.mode) == ("COERCE", "arrest")
    picked = _one(annotated("Police picked up three youths from the village."), "picked")
    assert (picked.type, picked.mode) == ("COERCE", "arrest")
    custody = _one(annotated("The suspect was taken into custody on Friday."), "taken")
    assert (custody.type, custody.mode) == ("COERCE", "arrest")
    assert [t.text for t in custody.targets] == ["The suspect"]


# -- word senses -------------------------------------------------------------------------------


def test_apprehending_trouble_is_no_arrest(annotated):
    evs = _events(annotated("Police are apprehending trouble during the festival."))
    assert all(m.type != "COERCE" for m in evs)
    m = _one(annotated("Police apprehended the suspect at the border."), "apprehended")
    assert (m.type, m.mode) == ("COERCE", "arrest")


def test_picking_up_a_phone_or_booking_a_table_is_no_arrest(annotated):
    assert _events(annotated("He picked up the phone and called his sister.")) == []
    assert all(m.mode != "arrest" for m in _events(annotated("She booked a table for two.")))
    assert _events(annotated("The bus picked up passengers at the station.")) == []


def test_a_curfew_is_not_force(annotated):
    evs = _events(annotated("Authorities imposed a curfew in the town after the clashes."))
    curfew = next(m for m in evs if m.trigger.text == "curfew")
    assert (curfew.type, curfew.mode) == ("COERCE", "curfew")
    assert curfew.type != "ASSAULT"


def test_food_poisoning_is_an_illness_not_a_poisoning_attack(annotated):
    m = _one(annotated("Four people are suffering from food poisoning after eating tuna."), "poisoning")
    assert m.type == DISASTER and m.mode == "disease"


# -- modes from the instrument -----------------------------------------------------------------


def test_instrument_gives_the_assault_mode(annotated):
    m = _one(annotated("Warplanes pounded the village on Tuesday."), "pounded")
    assert (m.type, m.mode) == ("ASSAULT", "aerial")
    s = _one(annotated("Two suicide bombers blew themselves up near the bus station."), "blew")
    assert s.mode == "suicide-attack"
    g = _one(annotated("Seven people were wounded in a grenade attack on the market."), "attack")
    assert g.mode == "explosives"


# -- DISASTER is ours: shown like any type, kept out of the PLOVER export ---------------------


def test_disaster_is_an_event_type_but_not_a_plover_event():
    assert DISASTER in EVENT_TYPES
    recs = [
        {"kind": "document", "id": "d1", "title": "t", "publisher": None, "language": "en"},
        {"kind": "event", "id": "e1", "type": DISASTER, "mode": "natural", "actors": [], "targets": [],
         "location": None, "date": None, "mentions": [], "sources": ["d1"]},
        {"kind": "event", "id": "e2", "type": "ASSAULT", "mode": None, "actors": [], "targets": [],
         "location": None, "date": None, "mentions": [], "sources": ["d1"]},
    ]
    assert [r["id"] for r in plover_records(recs)] == ["e2"]


# -- other senses of the lexicon's words are no events (senses.py) -----------------------------


def _types(adoc) -> set[str]:
    return {m.type for m in extract_events(adoc)}


def test_struck_a_deal_is_no_assault(annotated):
    assert "ASSAULT" not in _types(annotated("The carmaker struck a deal with its rival last week."))


def test_a_match_report_has_no_plover_events(annotated):
    text = ("The striker scored twice as the champions beat their rivals 3-1 in the league match. "
            "The referee booked two players and the goalkeeper was sent off.")
    assert extract_events(annotated(text)) == []


def test_attacks_on_computers_are_cyber_coercion(annotated):
    m = _one(annotated("Hackers launched attacks on the bank's computers and web sites."), "attacks")
    assert (m.type, m.mode) == ("COERCE", "cyber")


def test_declining_to_comment_is_no_rejection(annotated):
    assert _types(annotated("A spokesman for the ministry declined to comment on the report.")) == set()
    m = _one(annotated("The rebels refused to lay down their weapons."), "refused")
    assert m.type == "REJECT"


def test_offers_of_goods_and_released_films_are_no_events(annotated):
    assert "AGREE" not in _types(annotated("The firm offers customers a cheaper phone."))
    assert "RETREAT" not in _types(annotated("The studio released the film in March."))
    freed = _one(annotated("The rebels released six hostages on Monday."), "released")
    assert (freed.type, freed.mode) == ("RETREAT", "release")


def test_aid_needs_a_recipient(annotated):
    assert "AID" not in _types(annotated("The party provided strong opposition to the plans."))
    m = _one(annotated("Japan provided emergency aid to the flood victims."), "provided")
    assert m.type == "AID"


def test_a_company_s_purchase_or_product_is_no_recipient_of_aid(annotated):
    # "the Seagram purchase", "a Bosch pump": the company named as a modifier does not make
    # the act or the device someone given anything.
    assert "AID" not in _types(annotated("The distiller took on debt to fund the Seagram purchase."))
    assert "AID" not in _types(annotated("The carmaker will recall every car fitted with a diesel pump "
                                         "supplied by parts maker Robert Bosch."))
    m = _one(annotated("The army supplied the rebels with weapons."), "supplied")
    assert m.type == "AID"


def test_a_deployment_needs_an_armed_force(annotated):
    assert "MOBILIZE" not in _types(annotated("The company will deploy a fleet of test cars across Europe."))
    m = _one(annotated("The army deployed troops along the border."), "deployed")
    assert m.type == "MOBILIZE"


def test_should_said_of_a_thing_is_a_forecast_not_a_demand(annotated):
    assert "REQUEST" not in _types(annotated("He said borrowing should rise to 56 percent of the debt."))
    m = _one(annotated("The senator said the government must release the prisoners."), "said")
    assert m.type == "REQUEST"


def test_a_meeting_in_a_sports_report_is_a_fixture_not_a_consultation(annotated):
    # One first-sense sports noun ("tournament") and one of the game's words: a weak sports
    # report, where a player's "meeting" with another is the next match (PLOVER's CONSULT is
    # a meeting of political actors).
    adoc = annotated("Lisbeth Varnel won again at the Orlen tournament on Saturday. Before her meeting "
                     "with Mira Castell, Varnel believes there is some room for improvement in her game.")
    assert [m for m in _events(adoc) if m.type == "CONSULT"] == []
    talks = annotated("Before her meeting with the Orlen prime minister, the envoy said the talks would "
                      "be hard.")
    assert any(m.type == "CONSULT" for m in _events(talks))

