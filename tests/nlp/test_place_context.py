"""Place words read by their surroundings: inside a longer name, short for a company, a
dateline, a government as owner, agent or modifier; New York the city unless the text says
state; Canadian provinces; comparable namesakes withheld."""

from __future__ import annotations

from newsgraph.bench._spacy_adoc import annotate_text
from newsgraph.model.claims import PlaceMention
from newsgraph.model.document import Mention
from newsgraph.nlp.places import link_places


def place(text: str, name: str, nth: int = 0, label: str = "GPE") -> PlaceMention:
    """The linking of the ``nth`` occurrence of ``name``, given the NER reads it as a place
    (the statistical NER does so now and then; the rule under test is what follows)."""
    adoc = annotate_text(text, "t")
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    end = start + len(name)
    sent = next(i for i, s in enumerate(adoc.sentences) if s.start <= start < s.end)
    adoc.mentions = [m for m in adoc.mentions if m.end <= start or m.start >= end]
    adoc.mentions.append(Mention(start, end, name, label, sent))
    adoc.mentions.sort(key=lambda m: m.start)
    return next(p for p in link_places(adoc) if p.start == start)


def test_place_word_followed_by_a_name_word_is_no_place() -> None:
    p = place("She won the US Open last year and will defend her title in September.", "US")
    assert p.geonameid is None and p.reason and "US Open" in p.reason


def test_place_word_inside_an_of_name_is_no_place() -> None:
    p = place("The loan was approved by the Federal Home Loan Bank of Dallas on Friday.", "Dallas")
    assert p.geonameid is None and p.reason and "Bank of Dallas" in p.reason


def test_office_of_a_place_keeps_the_place() -> None:
    p = place("The talks were praised by UK Prime Minister Tony Blair on Monday.", "UK")
    assert p.country == "GB" and p.geonameid is not None
    p = place("The Governor of Texas signed the bill into law on Friday.", "Texas")
    assert p.country == "US" and p.geonameid is not None


def test_place_after_a_company_suffix_of_keeps_the_place() -> None:
    p = place("The rig was sold by Acme Drilling Inc of Florida to a Norwegian buyer.", "Florida")
    assert p.country == "US" and p.feature == "admin1"


def test_city_named_by_a_company_of_the_text_is_the_company() -> None:
    text = ("Larkspur said it agreed to buy Phoenix Widgets Corp for 20 mln dlrs. "
            "Phoenix shareholders will receive two shares each. The plant in Phoenix will stay open.")
    short = place(text, "Phoenix", nth=1)
    assert short.geonameid is None and short.reason and "company" in short.reason
    located = place(text, "Phoenix", nth=2)
    assert located.country == "US" and located.geonameid is not None


def test_new_york_alone_is_the_city_and_the_state_when_written_so() -> None:
    city = place("The shares will trade on the exchange in New York from Monday.", "New York")
    assert (city.feature, city.country) == ("city", "US")
    state = place("Heavy snow closed roads across upstate New York on Sunday.", "New York")
    assert state.feature == "admin1"
    listed = place("The unit will operate in New York, Pennsylvania and Ohio.", "New York")
    assert listed.feature == "admin1"


def test_canadian_province_is_not_its_capital_city() -> None:
    p = place("The utility plans to raise power exports from Quebec to New England next year.", "Quebec")
    assert p.geonameid is None and p.reason and "region of CA" in p.reason


def test_namesakes_of_one_size_in_two_countries_are_withheld() -> None:
    p = place("Boss Alan Smith felt Newcastle were never in danger on the night.", "Newcastle")
    assert p.geonameid is None and p.reason and "alike" in p.reason


def test_capital_as_agent_owner_or_modifier_is_its_government() -> None:
    p = place("The request was rejected by Washington after two days of talks.", "Washington")
    assert (p.role, p.country) == ("government", "US")
    p = place("Diplomats said Moscow officials had agreed to the plan.", "Moscow")
    assert (p.role, p.country) == ("government", "RU")
    p = place("The offensive was halted, with Baghdad saying the attackers had gained little ground.", "Baghdad")
    assert (p.role, p.country) == ("government", "IQ")


def test_capital_owning_a_market_stays_a_place() -> None:
    p = place("Dealers said Tokyo's financial market was quiet after the holiday.", "Tokyo")
    assert p.role == "place" and p.country == "JP"


def test_dateline_is_where_the_story_was_filed() -> None:
    text = "Abidjan - The bank said lending rose.\nManila - The Asian Development Bank said it approved two loans."
    p = place(text, "Manila")
    assert p.role == "place" and p.country == "PH"


def test_lower_case_compass_word_before_a_continent_name() -> None:
    p = place("Sales grew fastest in north America and western Europe last year.", "America", label="LOC")
    assert p.feature == "continent"
