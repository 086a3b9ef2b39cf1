"""An act the sentence answers or follows ("in retaliation for an attack", "after the raid")
is another, earlier occurrence: the date that the sentence gives its own act is not its date
(``extract.events.time.answered_act``); a date inside its own phrase still is."""

from __future__ import annotations

from newsgraph.extract.events import extract_events


def _dates(annotated, text: str) -> dict[str, str | None]:
    doc = annotated(text, published="2019-03-14")
    return {m.trigger.text: (m.date.start if m.date else None) for m in extract_events(doc)}


def test_the_act_answered_takes_no_date_of_the_answer(annotated):
    dates = _dates(annotated, "Harbury forces shelled a radar station on Monday in retaliation for a "
                              "rocket attack on a border post.")
    assert dates["shelled"] == "2019-03-11"
    assert dates["attack"] is None


def test_an_act_followed_takes_no_date_of_what_followed(annotated):
    dates = _dates(annotated, "Police arrested two men on Tuesday after the attack on the embassy.")
    assert dates["arrested"] == "2019-03-12"
    assert dates["attack"] is None


def test_a_date_of_its_own_stays(annotated):
    dates = _dates(annotated, "The raid on Monday came in retaliation for Friday's rocket attack.")
    assert dates["attack"] == "2019-03-08"


def test_a_date_right_after_the_act_answered_is_its_date(annotated):
    # The parser hangs "last Friday" on "destroyed"; the answer came after the act it answers,
    # so the date following that act's phrase is the act's, not the answer's.
    dates = _dates(annotated, "Harbury naval forces destroyed an offshore radar platform in response to "
                              "a Lisbeth missile attack last Friday.")
    assert dates["attack"] == "2019-03-08"
    assert dates["destroyed"] is None


def test_a_date_inside_the_act_followed_is_not_the_later_acts(annotated):
    dates = _dates(annotated, "Police arrested two men after the attack on Monday.")
    assert dates["attack"] == "2019-03-11"
    assert dates["arrested"] is None


def _flags(annotated, text: str) -> dict[str, tuple[bool, bool]]:
    doc = annotated(text, published="2019-03-14")
    return {m.trigger.text: (m.flags.hypothetical, m.flags.negated) for m in extract_events(doc)}


def test_the_act_a_future_answer_answers_happened(annotated):
    # What will answer it is a prospect; the act it answers is not.
    flags = _flags(annotated, "Analysts predicted Harbury will retaliate for the Lisbeth air strike on its "
                              "oil platforms.")
    assert flags["strike"] == (False, False)
    flags = _flags(annotated, "Harbury did not respond to the bombing of its embassy.")
    assert flags["bombing"] == (False, False)


def test_an_answer_to_any_future_act_answers_none_yet(annotated):
    flags = _flags(annotated, "Harbury could respond to any attack on its ships with force.")
    assert flags["attack"][0] is True


def test_a_year_in_the_name_of_a_law_dates_no_act(annotated):
    # The law's year is when it was passed, not when the attack it is invoked about happened.
    dates = _dates(annotated, "Congress debated support for the attack on Harbury under the 1973 "
                              "War Powers Act.")
    assert dates["attack"] is None
    dates = _dates(annotated, "Rebels attacked the town in the 2005 budget crisis.")
    assert dates["attacked"] == "2005-01-01"


def test_an_act_said_to_be_inconceivable_or_untrue_is_negated(annotated):
    flags = _flags(annotated, "Yeutter said it is inconceivable that they injure Lisbeth corn farmers.")
    assert flags["injure"] == (False, True)
    assert _flags(annotated, "It is untrue that police beat the protesters.")["beat"][1] is True
    assert _flags(annotated, "It is clear that police beat the protesters.")["beat"][1] is False


def test_a_date_that_says_which_thing_or_what_period_dates_no_act(annotated):
    # "the 1988 budget", "a budget for 1988": which budget, not when it was approved.
    assert _dates(annotated, "Parliament approved a budget for 1988 on Friday.")["approved"] == "2019-03-08"
    assert _dates(annotated, "Parliament approved the 1988 budget.")["approved"] is None
    assert _dates(annotated, "The union protested against the budget for 1988.")["protested"] is None
    # The act the date modifies keeps it; an act dated in its own phrase too.
    dates = _dates(annotated, "Police arrested him over the 1985 bombing.")
    assert dates["bombing"] == "1985-01-01" and dates["arrested"] is None
    assert _dates(annotated, "He was jailed for two years in 1985.")["jailed"] == "1985-01-01"


def test_an_act_refused_did_not_happen_and_one_required_is_still_to_come(annotated):
    flags = _flags(annotated, "The court refused to require Cyclops to provide Lisbeth with the files.")
    assert flags["provide"] == (True, True)  # required (still to come) and refused: not done


def test_a_date_of_the_occasion_or_of_a_time_noun_still_dates_the_act(annotated):
    dates = _dates(annotated, "Harbury accused the Lisbeth government of fraud at an October meeting of its board.")
    assert dates["accused"] == "2018-10-01"
    assert _dates(annotated, "Marines occupied the ship in the harbour Tuesday night.")["occupied"] == "2019-03-12"


def test_a_day_is_when_not_what_for_and_an_act_told_of_a_dated_thing_keeps_its_date(annotated):
    assert _dates(annotated, "The council met at a session scheduled for Thursday.")["met"] == "2019-03-14"
    assert _dates(annotated, "Last week's fire killed one miner.")["killed"] == "2019-03-04"


def test_a_date_inside_the_acts_own_phrase_is_its_date(annotated):
    assert _dates(annotated, "Lisbeth failed to abide by a 1986 Harbury-Lisbeth pact on chips.")["pact"] == "1986-01-01"
