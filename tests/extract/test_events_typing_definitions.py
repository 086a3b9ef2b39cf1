"""Event typing on texts written here (issue 13, item 4, eleventh round): what a PLOVER type is
not, read from the manual's definitions (``extract/events/definitions.py``) — a question, a
capacity, the content of a request, a market's public — and the owner of
an aid noun as its giver."""

from __future__ import annotations

from newsgraph.extract.events import extract_events


def _typed(annotated, text: str) -> list[tuple[str, str]]:
    return [(m.trigger.text, m.type) for m in extract_events(annotated(text))]


def test_a_question_reports_no_act(annotated):
    typed = _typed(annotated, "The farmer asked whether his hunting dogs would be outlawed under the new act.")
    assert not [t for t in typed if t[0] == "outlawed"]
    typed = _typed(annotated, "The only question is whether the ministers will admit the mistake.")
    assert not [t for t in typed if t[0] == "admit"]
    # A question about who did it does not undo the act reported as its subject.
    typed = _typed(annotated, "Police in Harbury arrested three men on Monday.")
    assert ("arrested", "COERCE") in typed


def test_a_capacity_is_no_act(annotated):
    typed = _typed(annotated, "The slowdown has given buyers in Dunmore more power to negotiate.")
    assert not [t for t in typed if t[0] == "negotiate"]
    typed = _typed(annotated, "The minister put more emphasis on the possibility of deportation.")
    assert not [t for t in typed if t[0] == "deportation"]
    typed = _typed(annotated, "The interior ministry ordered the deportation of the two activists on Monday.")
    assert ("deportation", "COERCE") in typed
    typed = _typed(annotated, "The minister refused to say if there was information about the risk of an attack.")
    assert not [t for t in typed if t[1] == "ASSAULT"]
    typed = _typed(annotated, "A key spending line missing from the proposals is the cost of funding the "
                              "administration's overhaul of Social Security.")
    assert not [t for t in typed if t[1] == "AID"]
    typed = _typed(annotated, "Users will also be able to request music that fits a mood.")
    assert not [t for t in typed if t[1] == "REQUEST"]
    typed = _typed(annotated, "The commandos were able to free the hostages in Harbury on Monday.")
    assert [t for t in typed if t[0] == "free"]


def test_the_content_of_a_request_is_not_another_event(annotated):
    typed = _typed(annotated, "The council chairman appealed to the United States to restrict its tin sales.")
    assert not [t for t in typed if t[0] == "restrict"]
    typed = _typed(annotated, "The creditors have asked the government to mediate in the dispute.")
    assert not [t for t in typed if t[0] == "mediate"]
    assert ("asked", "REQUEST") in typed
    # An act done, not asked for, stays.
    typed = _typed(annotated, "The government agreed to mediate in the dispute between the two unions.")
    assert ("agreed", "AGREE") in typed


def test_a_market_public_is_no_party(annotated):
    typed = _typed(annotated, "The organisers expected 150,000 shoppers to have visited the fair by Saturday.")
    assert not [t for t in typed if t[1] == "CONSULT"]
    typed = _typed(annotated, "The new laptop will appeal to students and home users.")
    assert not [t for t in typed if t[1] == "REQUEST"]
    typed = _typed(annotated, "The bank said it would urge its customers to change their passwords.")
    assert not [t for t in typed if t[1] == "REQUEST"]
    # Shareholders meet and lenders agree as parties to a company's acts; a government asks.
    typed = _typed(annotated, "Kelton shareholders met on Monday to discuss the merger.")
    assert [t for t in typed if t[1] == "CONSULT"]
    typed = _typed(annotated, "The government urged consumers to cut their use of electricity.")
    assert ("urged", "REQUEST") in typed


def test_the_owner_of_an_aid_noun_gives_it(annotated):
    typed = _typed(annotated, "Mortgage lending now makes up 45% of its loans, the bank said.")
    assert not [t for t in typed if t[1] == "AID"]
    typed = _typed(annotated, "The World Bank announced new loans to Kenya on Monday.")
    assert [t for t in typed if t[1] == "AID"]


def test_a_relative_pronoun_stands_for_what_is_captured(annotated):
    typed = _typed(annotated, "The researchers put the image on a website which lets viewers explore the "
                              "wealth of detail that it captures.")
    assert not [t for t in typed if t[1] == "COERCE"]
    typed = _typed(annotated, "The rebels that the army captured on Monday were taken to Harbury.")
    assert [t for t in typed if t[0] == "captured"]


def test_accepting_that_something_is_so_is_no_agreement(annotated):
    typed = _typed(annotated, "He accepted that the fires had damaged the party's image in Dunmore.")
    assert not [t for t in typed if t[1] == "AGREE"]
    typed = _typed(annotated, "The unions accepted the pay offer on Monday.")
    assert ("accepted", "AGREE") in typed


def test_a_web_site_visited_is_no_meeting(annotated):
    text = ("Surfers outside the US have been unable to visit the official re-election site of the president. "
            "The website blocks visitors from other countries, and web users complained on internet forums "
            "and in e-mail to software makers and computer firms.")
    assert not [t for t in _typed(annotated, text) if t[1] == "CONSULT"]
    typed = _typed(annotated, text.replace("the official re-election site of the president", "Dunmore"))
    assert [t for t in typed if t[0] == "visit"]


def test_asking_about_something_asks_no_one_to_act(annotated):
    typed = _typed(annotated, "I asked so many questions about the hostages' welfare that I didn't ask enough "
                              "about the specifics of the plan, he said.")
    assert not [t for t in typed if t[1] == "REQUEST"]
    typed = _typed(annotated, "Reporters asked the minister about the plan on Thursday.")
    assert not [t for t in typed if t[1] == "REQUEST"]
    typed = _typed(annotated, "The minister asked the United Nations for more food aid on Monday.")
    assert ("asked", "REQUEST") in typed


def test_a_show_hosted_is_no_visit(annotated):
    typed = _typed(annotated, "Mary Kane has been hosting The Morning Hour on Radio Dunmore since 2002.")
    assert not [t for t in typed if t[1] in ("CONSULT", "AGREE")]
    typed = _typed(annotated, "Huw Stephens and Ras Kwame will each host the late-night timeslot on Radio 1.")
    assert not [t for t in typed if t[1] in ("CONSULT", "AGREE")]
    typed = _typed(annotated, "Japan has hosted the Harbury delegation since Monday.")
    assert ("hosted", "CONSULT") in typed


def test_mail_sent_is_no_aid(annotated):
    typed = _typed(annotated, "Information packs, including ballot papers, were sent out to the 3,000 schools "
                              "invited to take part.")
    assert not [t for t in typed if t[1] == "AID"]
    typed = _typed(annotated, "The telex could be sent to creditors as early as today, bankers said.")
    assert not [t for t in typed if t[1] == "AID"]
    # Help the manual names, and people, are aid.
    typed = _typed(annotated, "Japan sent tents, blankets and fuel to the flood victims in Dunmore.")
    assert ("sent", "AID") in typed
    typed = _typed(annotated, "Japan sent 25,000 tons of rice to the flood victims in Dunmore.")
    assert ("sent", "AID") in typed


def test_a_warning_to_do_something_is_no_threat(annotated):
    typed = _typed(annotated, "The commissioner warned the BBC to steer away from demonising the minister.")
    assert not [t for t in typed if t[1] == "THREATEN"]
    # Naming the consequence in store makes it one.
    typed = _typed(annotated, "The United States warned Iran to halt enrichment or face sanctions.")
    assert [t for t in typed if t[1] == "THREATEN"]


def test_a_market_rule_restricts_no_rights(annotated):
    typed = _typed(annotated, "The exchange board approved a partial ban on dual trading in index futures.")
    assert not [t for t in typed if t[1] == "COERCE"]
    # A state banning sales restricts its people; a ban on rallies restricts a freedom.
    typed = _typed(annotated, "Ecuador also banned the sale of petrol on weekends, the ministry said.")
    assert [t for t in typed if t[1] == "COERCE"]
    typed = _typed(annotated, "The governor imposed a ban on rallies in the capital of Harbury.")
    assert [t for t in typed if t[1] == "COERCE"]


def test_a_retreat_on_an_issue_is_a_change_of_position(annotated):
    typed = _typed(annotated, 'He accused the government of "surrendering" on the issue of asylum.')
    assert not [t for t in typed if t[1] == "RETREAT"]
    typed = _typed(annotated, "The rebels surrendered to government troops in Harbury on Monday.")
    assert [t for t in typed if t[1] == "RETREAT"]


def test_defending_ones_own_partys_plans_supports_no_one(annotated):
    typed = _typed(annotated, "Mr Kennedy used his TV appearance to defend his party's plans to raise income tax.")
    assert not [t for t in typed if t[1] in ("SUPPORT", "AGREE")]
    typed = _typed(annotated, "The French foreign minister defended the Harbury government's plans on Monday.")
    assert ("defended", "SUPPORT") in typed


def test_a_promise_to_be_something_is_no_commitment(annotated):
    typed = _typed(annotated, "Geoff Ellis, chief executive of the organisers, said this year's event promises to "
                              "be the best yet.")
    assert not [t for t in typed if t[1] == "AGREE"]
    typed = _typed(annotated, "The government of Harbury promised to release the prisoners by Friday.")
    assert [t for t in typed if t[0] == "promised"]
