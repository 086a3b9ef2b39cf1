"""The general tables the claim extractor reads: reporting verbs, hedges, denials, source nouns.

Sources: the reporting-verb classes of Levin (1993), *English Verb Classes and
Alternations* (§37 verbs of communication: say, tell, claim, announce…) and the
attribution cues of the PARC/PolNeAR annotation guidelines (Pareti 2016; Newell et
al. 2018), which also count verbs of belief and intention ("believes", "wants") as
attribution; hedges from Hyland (1998), *Hedging in Scientific Research Articles*
(modal auxiliaries, epistemic verbs and adverbs) and the news-specific distancing
words of the AP Stylebook entry "allege". Nothing here is tuned to any article.
"""

from __future__ import annotations

__all__ = [
    "ANONYMOUS_NOUNS",
    "BELIEF_VERBS",
    "CHANNEL_NOUNS",
    "COLLECTIVE_NOUNS",
    "DENIAL_VERBS",
    "HEDGE_ADVERBS",
    "HEDGE_MODALS",
    "HEDGE_VERBS",
    "OBJECT_CONTENT_VERBS",
    "REPORTING_VERBS",
    "SPEAKER_PRONOUNS",
]

#: Verbs of saying (Levin §37.7 say-verbs, §37.8 complain-verbs, §37.9 advise-verbs,
#: §33 judgement verbs used for attribution such as "accuse", "blame").
SAY_VERBS: frozenset[str] = frozenset(
    {
        "say",
        "tell",
        "add",
        "claim",
        "state",
        "announce",
        "report",
        "explain",
        "note",
        "insist",
        "argue",
        "warn",
        "accuse",
        "deny",
        "admit",
        "acknowledge",
        "allege",
        "assert",
        "suggest",
        "confirm",
        "declare",
        "write",
        "tweet",
        "post",
        "predict",
        "estimate",
        "reveal",
        "urge",
        "describe",
        "testify",
        "contend",
        "maintain",
        "stress",
        "emphasize",
        "emphasise",
        "complain",
        "criticize",
        "criticise",
        "concede",
        "indicate",
        "promise",
        "vow",
        "pledge",
        "threaten",
        "reply",
        "respond",
        "recall",
        "remark",
        "observe",
        "comment",
        "speculate",
        "question",
        "reiterate",
        "blame",
        "charge",
        "dismiss",
        "reject",
        "refute",
        "dispute",
        "counter",
        "caution",
        "disclose",
        "inform",
        "mention",
        "point",
        "quip",
        "joke",
        "boast",
        "brag",
        "concur",
        "agree",
        "disagree",
        "demand",
        "propose",
        "recommend",
        "advise",
        "ask",
        "answer",
        "shout",
        "yell",
        "whisper",
        "cite",
        "conclude",
        "find",
        "show",
        "assure",
        "proclaim",
        "suspect",
        "lament",
        "rule",
        "order",
        "instruct",
        "tout",
        "hint",
        "imply",
        "brief",
        "repeat",
        "retort",
        "protest",
        "notify",
    }
)

#: Verbs of belief and intention: PolNeAR counts "X believes/thinks/wants …" as attribution.
BELIEF_VERBS: frozenset[str] = frozenset(
    {
        "believe",
        "think",
        "feel",
        "hope",
        "fear",
        "expect",
        "want",
        "know",
        "worry",
        "doubt",
        "consider",
        "assume",
        "guess",
        "reckon",
        "wonder",
        "plan",
        "intend",
        "wish",
        "understand",
    }
)

REPORTING_VERBS: frozenset[str] = SAY_VERBS | BELIEF_VERBS

#: Cues whose direct object is the content ("denied the allegations", "announced a ban").
OBJECT_CONTENT_VERBS: frozenset[str] = frozenset(
    {
        "deny",
        "announce",
        "confirm",
        "reject",
        "dismiss",
        "dispute",
        "refute",
        "reveal",
        "admit",
        "acknowledge",
        "predict",
        "propose",
        "demand",
        "promise",
        "pledge",
        "threaten",
        "criticize",
        "criticise",
        "question",
        "disclose",
        "report",
        "allege",
        "claim",
        "blame",
        "want",
        "fear",
        "expect",
        "reiterate",
        "cite",
        "describe",
        "tout",
        "suggest",
        "recommend",
        "urge",
    }
)

#: Cues that themselves distance the writer from the content (Hyland; AP "allege").
HEDGE_VERBS: frozenset[str] = frozenset(
    {
        "claim",
        "allege",
        "suggest",
        "speculate",
        "believe",
        "think",
        "estimate",
        "guess",
        "suspect",
        "assume",
        "imply",
        "hint",
        "reckon",
        "contend",
        "feel",
        "expect",
    }
)

#: Cues by which the speaker rejects the content.
DENIAL_VERBS: frozenset[str] = frozenset(
    {
        "deny",
        "reject",
        "dismiss",
        "refute",
        "dispute",
        "rebut",
        "contradict",
        "disavow",
        "repudiate",
    }
)

#: Modal auxiliaries of possibility (Hyland 1998).
HEDGE_MODALS: frozenset[str] = frozenset({"may", "might", "could", "can"})

#: Epistemic adverbs and distancing words.
HEDGE_ADVERBS: frozenset[str] = frozenset(
    {
        "allegedly",
        "reportedly",
        "apparently",
        "possibly",
        "perhaps",
        "probably",
        "likely",
        "purportedly",
        "supposedly",
        "seemingly",
        "presumably",
        "maybe",
        "unconfirmed",
        "suspected",
        "alleged",
        "appear",
        "seem",
        "ostensibly",
    }
)

#: Head nouns of unnamed sources: "a source", "sources", "an official", "insiders".
ANONYMOUS_NOUNS: frozenset[str] = frozenset(
    {
        "source",
        "insider",
        "official",
        "person",
        "spokesperson",
        "informant",
        "whistleblower",
        "someone",
        "somebody",
        "diplomat",
        "aide",
    }
)

#: Head nouns of groups that speak collectively ("residents", "people linked to the group").
COLLECTIVE_NOUNS: frozenset[str] = frozenset(
    {
        "people",
        "resident",
        "critic",
        "expert",
        "analyst",
        "activist",
        "witness",
        "observer",
        "member",
        "supporter",
        "opponent",
        "lawmaker",
        "voter",
        "official",
        "worker",
        "student",
        "parent",
        "citizen",
        "leader",
        "investigator",
        "police",
        "authority",
        "scientist",
        "researcher",
        "doctor",
        "economist",
        "group",
        "family",
        "neighbour",
        "neighbor",
        "protester",
        "campaigner",
        "defector",
        "report",
        "poll",
    }
)

#: Nouns that make the object of "tell" a channel rather than the content's addressee
#: ("told reporters", "told the newspaper"); named ORG objects are channels as well.
CHANNEL_NOUNS: frozenset[str] = frozenset(
    {
        "reporter",
        "journalist",
        "press",
        "newspaper",
        "paper",
        "broadcaster",
        "radio",
        "television",
        "tv",
        "agency",
        "magazine",
        "outlet",
        "interviewer",
        "media",
        "newsroom",
        "website",
        "channel",
    }
)

#: Pronouns that can stand as a speaker; resolution maps them to a named mention.
SPEAKER_PRONOUNS: dict[str, tuple[str, ...]] = {
    "he": ("PERSON",),
    "she": ("PERSON",),
    "him": ("PERSON",),
    "her": ("PERSON",),
    "they": ("ORG", "NORP", "GPE", "PERSON"),
    "it": ("ORG", "GPE"),
}
