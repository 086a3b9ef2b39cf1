"""A report of a kind of act (ACE's "generic" events) is flagged with the words that make it
so; a report of one occurrence is not (extract/events/genericity).  Texts written for the
test."""

from __future__ import annotations

import pytest

from newsgraph.extract.events import extract_events


def _flag(annotated, text: str, trigger: str) -> str | None:
    ms = [m for m in extract_events(annotated(text)) if m.trigger.text == trigger]
    assert ms, f"no event on {trigger!r} in {text!r}"
    return ms[0].flags.generic


@pytest.mark.parametrize(("text", "trigger", "cue"), [
    # A measure, a power, an instrument: kinds of acts.
    ("The bill brings in house arrest for terror suspects, the minister said.", "arrest",
     "kind: house arrest for suspects"),
    ("Critics fear the minister will have the power to issue detention orders.", "detention",
     "instrument: detention orders"),
    ("The reform would replace current powers to detain suspects without trial.", "detain",
     "capability: powers to detain"),
    # A modal of ability over anyone of a kind: a rule.
    ("Any foreign national suspected of links with terror groups can be detained.", "detained",
     "ability: national can detained"),
    ("Those held under the act cannot be deported to face torture.", "deported",
     "ability: Those can deported"),
    # What a thing does as a rule, told in a relative clause in the simple present.
    ("Two million numbers are on the registers, which ban unsolicited sales calls.", "ban",
     "standing: registers which ban"),
    # What a thing can do, and the acts it can impose: no curfew was imposed.
    ("The bill creates new orders, which could impose curfews or bans on travel.", "curfews",
     "standing: orders which could impose"),
    # Money lent as a stock a lender holds: no act of lending.
    ("Many banks have written off most of their loans to the country.", "loans", "holding: loans"),
    ("Banks are preparing to downgrade their Brazil loans.", "loans", "holding: Brazil loans"),
    # An act named as a kind of act.
    ("It looked like a repeat of the kind of fighting seen near the border last year.", "fighting",
     "kind: kind of fighting"),
    # Whatever act comes, none in particular: a standing policy.
    ("The president said he will veto any legislation which raises taxes.", "veto",
     "any: any legislation"),
    ("Iran will respond to any attack on its territory, the minister said.", "attack", "any: any attack"),
])
def test_a_kind_of_act_is_generic(annotated, text, trigger, cue):
    assert _flag(annotated, text, trigger) == cue


@pytest.mark.parametrize(("text", "trigger"), [
    ("Police arrested the mayor of Dunmore on Tuesday.", "arrested"),
    ("Police said the arrest of the mayor was made on Monday.", "arrest"),
    ("The court ruled that the detention of 12 suspects without trial was unlawful.", "detention"),
    ("Air strikes hit the northern district overnight, officials said.", "strikes"),
    ("He was charged with murder after the shooting in Dunmore.", "murder"),
    ("He was charged with two counts of murder after the shooting in Dunmore.", "murder"),
    ("The frigate rescued a merchant vessel under attack by pirates on Saturday.", "attack"),
    ("Protesters attack police in Dunmore", "attack"),  # a headline drops its articles
    ("Police can detain the suspect for another week, the judge said.", "detain"),
    ("The militia, which attacked the town on Monday, withdrew.", "attacked"),
    # "every" told in the past counts the people of one act.
    ("Police arrested every protester in the square on Monday.", "arrested"),
])
def test_one_occurrence_is_not_generic(annotated, text, trigger):
    assert _flag(annotated, text, trigger) is None
