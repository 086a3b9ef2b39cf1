"""Dates that are dates: names holding date words, tense, reference time, financial periods."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsgraph.bench._spacy_adoc import annotate_text
from newsgraph.bench.time import select_half
from newsgraph.nlp.time import normalise_text, normalise_times
from newsgraph.nlp.time_detect import not_a_time
from newsgraph.nlp.time_reference import resolve_anaphoric, shift_value

ANCHOR = dt.date(2017, 2, 14)  # a Tuesday


def _times(text: str, published: str = "2017-02-14") -> dict[str, str | None]:
    return {t.text: t.value for t in normalise_times(annotate_text(text, "t", published))}


@pytest.mark.parametrize(
    "text",
    [
        "North Korea suffered a famine known as the Arduous March in the 1990s.",
        "During the Arduous March, hundreds of thousands of people died.",
        "The March of Dimes raised money for polio research.",
        "The October Revolution brought the Bolsheviks to power.",
        "May told reporters she would not resign.",
        "The pilot sent a Mayday call before the crash.",
        "The Prague Spring was crushed by Soviet tanks.",
        "Ministers may meet again to discuss the budget.",
    ],
)
def test_time_names_with_date_words_are_no_dates(text: str) -> None:
    values = _times(text)
    assert not any(v and v[:4].isdigit() and len(v) > 4 for v in values.values()), values


def test_time_the_arduous_march_is_no_event_date() -> None:
    from newsgraph.extract.events import extract_events

    named = extract_events(annotate_text("Soldiers attacked the border village during the Arduous March.",
                                         "t", "2017-02-14"))
    assert named and all(e.date is None for e in named)
    dated = extract_events(annotate_text("Soldiers attacked the border village in March.", "t", "2017-02-14"))
    assert dated and dated[0].date is not None and dated[0].date.precision == "month"


def test_time_real_months_stay_dates_beside_names() -> None:
    values = _times("Ministers may meet in May to discuss the budget. The talks of March 2016 failed.")
    assert values.get("May") == "2017-05" or values.get("May") == "2016-05"
    assert values["March 2016"] == "2016-03"


def test_time_ages_and_counts_are_no_time() -> None:
    assert not_a_time("6-year-old") == "age"
    assert not_a_time("52 years old") == "age"
    assert not_a_time("80486") == "number"
    assert not_a_time("1997") is None
    assert not_a_time("three years") is None


def test_time_reference_adverbs_detected() -> None:
    values = _times("Prices are now higher than they were. The bank recently raised rates.")
    assert values.get("now") == "PRESENT_REF"
    assert values.get("recently") == "PAST_REF"


def test_time_tense_of_the_governing_verb_chooses_the_year() -> None:
    ahead = _times("The company will report its results on Nov. 16.", "2017-10-30")
    assert ahead["Nov. 16"] == "2017-11-16"
    behind = _times("The company reported its results on Nov. 16.", "2017-10-30")
    assert behind["Nov. 16"] == "2016-11-16"
    # What was said to be likely to happen on a day is ahead of the report, not behind it.
    likely = _times("He said the sanctions were likely to take effect on Nov. 16.", "2017-10-30")
    assert likely["Nov. 16"] == "2017-11-16"


def test_time_reference_time_carries_across_sentences() -> None:
    values = _times("The army shelled the town on March 3, 2015. The following day, the rebels withdrew.")
    assert values["March 3, 2015"] == "2015-03-03"
    following = next(t for t in normalise_times(annotate_text(
        "The army shelled the town on March 3, 2015. The following day, the rebels withdrew.", "t", "2017-02-14"))
        if "following" in t.text)
    assert following.value == "2015-03-04" and following.anchored_to == "mention"


def test_time_financial_quarter_and_year_earlier() -> None:
    values = _times("Profit rose 5% in the third quarter. A year earlier, the company lost money.", "1989-10-26")
    assert values["the third quarter"] == "1989-Q3"
    assert values["A year earlier"] == "1988-Q3"
    assert normalise_text("the quarter", dt.date(1989, 10, 26))[0] == "1989-Q3"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("last November", "2016-11"),
        ("next March", "2017-03"),
        ("June last year", "2016-06"),
        ("daily", "P1D"),
        ("every month", "P1M"),
        ("between 1994 and 1997", "1994"),
        ("the first half of 1989", "1989-H1"),
        ("the first nine months of 1997", "P9M"),
        ("at least 30 days", "P30D"),
        ("nearly four years ago", "2013"),
        ("the 1988 third quarter", "1988-Q3"),
        ("the end of 1990", "1990"),
        ("late-November", "2016-11"),
    ],
)
def test_time_rules_normalise(text: str, value: str) -> None:
    assert normalise_text(text, ANCHOR)[0] == value


def test_time_reference_arithmetic() -> None:
    assert shift_value("1989-Q1", "quarter", -1) == "1988-Q4"
    assert shift_value("2016-02-29", "year", 1) == "2017-02-28"
    assert shift_value("2017-W01", "week", -1) == "2016-W52"
    assert resolve_anaphoric("that day", "2015-03-03T10:00") == ("2015-03-03", "day", "reference-same")
    assert resolve_anaphoric("the following day", None) is None


def test_time_bench_halves_are_disjoint_and_whole() -> None:
    files = [Path(f"d/{n}.tml") for n in ("c", "a", "e", "b", "d")]
    dev, test = select_half(files, "dev"), select_half(files, "test")
    assert not set(dev) & set(test) and sorted(dev + test) == sorted(files)
    assert dev == [Path("d/a.tml"), Path("d/c.tml"), Path("d/e.tml")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("nineteen ninety-four", "1994"),
        ("the year two thousand", "2000"),
        ("the weekend", "2017-W06-WE"),
        ("last Oct. 23", "2016-10-23"),
        ("recent weeks", "PAST_REF"),
        ("coming months", "FUTURE_REF"),
        ("Friday, March 3", "2017-03-03"),
    ],
)
def test_time_more_rules_normalise(text: str, value: str) -> None:
    assert normalise_text(text, ANCHOR)[0] == value


def test_time_a_period_ended_on_a_date_is_two_expressions() -> None:
    times = normalise_times(annotate_text(
        "For the quarter ended Sept. 30, the bank posted a loss.", "t", "1989-10-26"))
    assert [(t.text, t.value) for t in times] == [("the quarter", "1989-Q3"), ("Sept. 30", "1989-09-30")]


def test_time_a_range_is_one_expression_per_point() -> None:
    values = _times("Prices fell between 1994 and 1997.")
    assert values == {"1994": "1994", "1997": "1997"}


def test_time_a_day_part_is_on_the_day_the_text_speaks_of() -> None:
    values = _times("The rebels attacked the town on March 3, 2015. In the morning, the army withdrew.")
    assert values["the morning"] == "2015-03-03TMO"


def test_time_a_possessive_weekday_is_past() -> None:
    # 2017-02-14 is a Tuesday: "Thursday's" is the Thursday before, whatever follows.
    values = _times("Shares will open above Thursday's closing price.")
    assert values["Thursday"] == "2017-02-09"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("On Tuesday Mitsubishi said it would cut jobs.", "Tuesday"),
        ("Sales suffered in a wet European summer.", "summer"),
        ("The show is broadcast on Tuesdays, Wednesdays and Thursdays.", "Tuesdays"),
    ],
)
def test_time_dates_beside_names_stay_dates(text: str, date: str) -> None:
    adoc = annotate_text(text, "t", "2017-02-14")
    spans = [e.text for e in adoc.doc.ents if e.label_ == "DATE"]
    if not any(date in s for s in spans):
        pytest.skip(f"the model tags no DATE in {text!r}")
    assert any(date in t.text for t in normalise_times(adoc))


def test_time_event_date_agrees_with_the_time_expression() -> None:
    from newsgraph.extract.events import extract_events

    adoc = annotate_text("Police arrested the suspect on Nov. 16. Troops will attack the town on Nov. 16.",
                         "t", "2017-10-30")
    times = [t.value for t in normalise_times(adoc)]
    assert times == ["2016-11-16", "2017-11-16"]
    dates = sorted(e.date.start for e in extract_events(adoc) if e.date is not None)
    assert dates == ["2016-11-16", "2017-11-16"]


def test_time_rules_stay_linear_in_a_run_on_sentence() -> None:
    # Thousands of dates in one sentence: every rule reads a bounded window around each.
    text = " ".join(f"troops attacked on Monday and on March {1 + i % 28}, 2015 and recently" for i in range(400))
    times = normalise_times(annotate_text(text, "t", "2017-02-14"))
    assert sum(t.value == "2017-02-13" for t in times) >= 300
