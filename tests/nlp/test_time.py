"""Time normalisation against a given document date, and document-date inference."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.bench._spacy_adoc import annotate_text
from newsgraph.nlp.time import infer_document_date, normalise_text, normalise_times

ANCHOR = dt.date(2017, 2, 14)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("May 2009", "2009-05", "month"),
        ("the 1990s", "199", "decade"),
        ("last year", "2016", "year"),
        ("Friday", "2017-02-10", "day"),
        ("yesterday", "2017-02-13", "day"),
        ("last month", "2017-01", "month"),
        ("10 February 2017", "2017-02-10", "day"),
        ("three years", "P3Y", "duration"),
        ("the third quarter", "2016-Q3", "quarter"),
        ("now", "PRESENT_REF", "reference"),
    ],
)
def test_time_normalise_against_document_date(text: str, value: str, precision: str) -> None:
    got = normalise_text(text, ANCHOR)
    assert (got[0], got[1]) == (value, precision)


def test_time_weekday_in_future_context_counts_forward() -> None:
    assert normalise_text("Friday", ANCHOR, future=True)[0] == "2017-02-17"


def test_time_relative_needs_an_anchor() -> None:
    value, _, _, anchored, _ = normalise_text("last year", None)
    assert value is None and anchored == "none"
    assert normalise_text("May 2009", None)[0] == "2009-05"


def test_time_normalise_times_on_a_document() -> None:
    adoc = annotate_text(
        "The minister resigned on Friday. Prices fell in May 2009 and again last year.", "t", "2017-02-14"
    )
    values = {t.text: (t.value, t.anchored_to) for t in normalise_times(adoc)}
    assert values["Friday"] == ("2017-02-10", "document-date")
    assert values["May 2009"] == ("2009-05", "absolute")
    assert values["last year"] == ("2016", "document-date")


def test_time_document_date_inferred_from_dateline_and_used() -> None:
    adoc = annotate_text("Published: 3 March 2016\nThe council voted on Tuesday to close the library.", "t")
    dd = infer_document_date(adoc)
    assert dd is not None and dd.inferred and dd.value == "2016-03-03" and dd.rule == "dateline"
    assert dd.evidence is not None and "3 March 2016" in dd.evidence.text
    tuesday = next(t for t in normalise_times(adoc) if t.text == "Tuesday")
    assert tuesday.value == "2016-03-01" and tuesday.anchored_to == "inferred"


def test_time_document_date_declared_or_absent() -> None:
    declared = infer_document_date(annotate_text("Rain fell.", "t", "2020-01-05"))
    assert declared is not None and not declared.inferred and declared.value == "2020-01-05"
    assert infer_document_date(annotate_text("Rain fell on Tuesday.", "t")) is None


def test_time_latest_mentioned_date_is_no_anchor() -> None:
    # A report that recalls December 2014 may be written years later: "last week" stays open.
    adoc = annotate_text("The talks of December 2014 failed. The envoy left the country last week.", "t")
    values = {t.text: t.value for t in normalise_times(adoc)}
    assert values["December 2014"] == "2014-12"
    assert values["last week"] is None
