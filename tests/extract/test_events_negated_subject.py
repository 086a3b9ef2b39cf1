"""An act reported of no one or nothing ("No major battles have been reported fought") is
reported as not having happened: negated, like "did not fight" (issue 13: a negated report
must not join the battles that were fought)."""

from __future__ import annotations

from newsgraph.extract.events import extract_events


def _negated(annotated, text: str) -> dict[str, bool]:
    return {m.trigger.text: m.flags.negated for m in extract_events(annotated(text))}


def test_an_act_raised_from_no_subject_is_negated(annotated):
    flags = _negated(annotated, "No major battles have been reported fought by the fourth army corps for a year.")
    assert flags["fought"] is True


def test_an_act_raised_from_a_subject_happened(annotated):
    flags = _negated(annotated, "Two soldiers were reported killed in the attack on the border post.")
    assert flags["killed"] is False
