"""Reporting verbs of English ("say", "tell", "announce"): a general list, shared by event
extraction (a reporting verb is no event itself, but marks the clause under it as reported
speech) and event resolution (a speech act joins others only by what was said)."""

from __future__ import annotations

__all__ = ["SPEECH_VERBS"]

#: Reporting verbs: never events themselves, but mark the clause under them as
#: reported speech (the claim the event sits inside).  General English cue verbs.
SPEECH_VERBS: frozenset[str] = frozenset(
    {
        "say",
        "tell",
        "report",
        "state",
        "add",
        "claim",
        "announce",
        "confirm",
        "note",
        "explain",
        "write",
        "believe",
        "suggest",
        "insist",
        "acknowledge",
        "reveal",
        "quote",
        "argue",
        "think",
        "declare",
        "describe",
        "indicate",
        "testify",
        "estimate",
        "speculate",
    }
)
