"""Scores of the event extractor, each with why it has its value.

Confidence is a simple additive score, not a probability: it orders mentions so
an analyst can sort the doubtful ones first, and it says which evidence was there.
"""

from __future__ import annotations

#: A trigger in the lexicon with no argument at all: the word is an event word, nothing more.
BASE_CONFIDENCE = 0.4
#: A verb trigger is an event far more often than a noun ("an attack" may be generic).
VERB_BONUS = 0.15
#: An actor found in the parse.
ACTOR_BONUS = 0.2
#: A target found in the parse.
TARGET_BONUS = 0.1
#: A place or date attached in the parse: the event is anchored in the world.
ANCHOR_BONUS = 0.05
#: A named entity among the arguments (not just "they" or "the group").
NAMED_BONUS = 0.05
