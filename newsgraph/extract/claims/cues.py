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
    "FEMALE_HONORIFICS",
    "FEMALE_NOUNS",
    "HEDGE_ADVERBS",
    "HEDGE_MODALS",
    "HEDGE_VERBS",
    "INTENTION_VERBS",
    "MALE_HONORIFICS",
    "MALE_NOUNS",
    "NEGATING_GOVERNORS",
    "NEGATIVE_DETERMINERS",
    "NEGATIVE_SUBJECTS",
    "OBJECT_CONTENT_VERBS",
    "PROPOSITION_NOUNS",
    "REPORTING_VERBS",
    "REQUEST_VERBS",
    "SPEAKER_PRONOUNS",
    "TEXT_NOUNS",
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

#: Verbs of belief (and "hope"/"fear", attitudes to a proposition): PolNeAR counts
#: "X believes/thinks …" as attribution. Verbs of intention are kept apart below.
BELIEF_VERBS: frozenset[str] = frozenset(
    {
        "believe",
        "think",
        "feel",
        "hope",
        "fear",
        "expect",
        "know",
        "worry",
        "doubt",
        "consider",
        "assume",
        "guess",
        "reckon",
        "wonder",
        "understand",
    }
)

REPORTING_VERBS: frozenset[str] = SAY_VERBS | BELIEF_VERBS

#: Verbs of intention and attempt (Levin §32.1 want-verbs, §55 aspectual "try"; the
#: PLOVER manual codes announced intentions as events): "planned to have X lead",
#: "aimed at revealing", "wants to run". They report a goal, not a statement, and a
#: speech verb under them ("plans to announce that …") has not been said yet.
INTENTION_VERBS: frozenset[str] = frozenset(
    {
        "want",
        "plan",
        "intend",
        "aim",
        "seek",
        "try",
        "attempt",
        "wish",
        "strive",
        "endeavor",
        "endeavour",
        "mean",
        "design",
        "prepare",
        "scheme",
        "plot",
    }
)

#: Verbs of request and command (Levin §37.9 advise-verbs, PLOVER REQUEST/COERCE):
#: with an object and a "to"-infinitive ("asked him to serve", "urged them to leave",
#: "ordered troops to withdraw") they report an act of asking, an event, not a
#: proposition; with a clause ("urged that …", "asked whether …") they report speech.
REQUEST_VERBS: frozenset[str] = frozenset(
    {
        "ask",
        "urge",
        "demand",
        "order",
        "instruct",
        "advise",
        "recommend",
        "request",
        "invite",
        "encourage",
        "tell",
        "beg",
        "implore",
        "command",
        "direct",
        "call",
        "press",
        "persuade",
        "convince",
    }
)

#: Head nouns of objects that are themselves propositions or statements (Vendler
#: 1967 on fact/proposition nominals; the "shell nouns" of Schmid 2000), plus the
#: state nominals a denial is about ("denied involvement" = denied being involved).
#: A denial verb with any other noun object ("rejected an offer", "dismissed the
#: proposal") reports an action — a PLOVER REJECT event — not a denied claim.
PROPOSITION_NOUNS: frozenset[str] = frozenset(
    {
        "claim",
        "allegation",
        "accusation",
        "charge",
        "report",
        "reporting",
        "rumor",
        "rumour",
        "story",
        "statement",
        "assertion",
        "suggestion",
        "notion",
        "idea",
        "theory",
        "speculation",
        "account",
        "version",
        "assessment",
        "finding",
        "conclusion",
        "view",
        "narrative",
        "implication",
        "characterization",
        "characterisation",
        "description",
        "label",
        "premise",
        "argument",
        "criticism",
        "critique",
        "comment",
        "remark",
        "concern",
        "assumption",
        "belief",
        "impression",
        "interpretation",
        "insinuation",
        "contention",
        "fact",
        "truth",
        "evidence",
        "possibility",
        "existence",
        "involvement",
        "participation",
        "responsibility",
        "wrongdoing",
        "role",
        "link",
        "tie",
        "connection",
        "complicity",
        "guilt",
        "knowledge",
        "culpability",
        "misconduct",
    }
)

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

#: Implicative verbs with a negative entailment (Karttunen 1971, "Implicative verbs";
#: Nairn, Condoravdi & Karttunen 2006): "failed to mention", "refused to confirm",
#: "declined to say" entail that the complement verb did not happen, so a cue under
#: one was not said. ("has yet to confirm" is read off "yet", see ``polarity``.)
NEGATING_GOVERNORS: frozenset[str] = frozenset({"fail", "refuse", "decline", "neglect", "omit"})

#: Subjects that are themselves negative quantifiers (Quirk et al. 1985, §10.58
#: negative pronouns): "Nobody said …", "None of the officials claimed …".
NEGATIVE_SUBJECTS: frozenset[str] = frozenset({"nobody", "none", "nothing", "no-one", "neither"})

#: Determiners that make their noun phrase negative: "No official said …", "Neither side claimed …".
NEGATIVE_DETERMINERS: frozenset[str] = frozenset({"no", "neither"})

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

#: Nouns of texts that speak for their author ("published a statement demanding …").
TEXT_NOUNS: frozenset[str] = frozenset(
    {
        "statement", "letter", "report", "message", "post", "tweet", "note", "declaration",
        "communique", "release", "video", "editorial", "email", "memo", "document",
        "petition", "column", "op-ed", "manifesto", "ad", "advertisement", "filing", "notice",
    }
)  # fmt: skip

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

#: Titles that give a person's gender (Ms/Mrs/Miss …; "Mr"). Used to check that
#: "she" is not resolved to a man nor "he" to a woman.
FEMALE_HONORIFICS: frozenset[str] = frozenset({"mrs", "ms", "miss", "madam", "madame", "mme", "dame"})
MALE_HONORIFICS: frozenset[str] = frozenset({"mr", "sir", "monsieur"})

#: Gendered role and kinship nouns (English morphology: -woman/-man, -ess; kinship
#: terms): an apposition or a title noun ("his wife Anna", "Anna, a businesswoman",
#: "the half-brother of …") tells the gender of the person it describes.
FEMALE_NOUNS: frozenset[str] = frozenset(
    {
        "woman", "girl", "lady", "mother", "daughter", "sister", "wife", "widow", "aunt",
        "niece", "grandmother", "granddaughter", "queen", "princess", "empress", "duchess",
        "actress", "heiress", "chairwoman", "spokeswoman",
        "businesswoman", "congresswoman", "councilwoman", "policewoman", "sportswoman",
        "stepmother", "stepdaughter", "half-sister", "sister-in-law", "mother-in-law",
        "daughter-in-law", "girlfriend", "bride", "nun", "mum", "mom", "grandma",
    }
)  # fmt: skip
MALE_NOUNS: frozenset[str] = frozenset(
    {
        "man", "boy", "gentleman", "father", "son", "brother", "husband", "widower", "uncle",
        "nephew", "grandfather", "grandson", "king", "prince", "emperor", "duke",
        "chairman", "spokesman", "businessman", "congressman",
        "councilman", "policeman", "sportsman", "stepfather", "stepson", "half-brother",
        "brother-in-law", "father-in-law", "son-in-law", "boyfriend", "groom", "monk",
        "dad", "grandpa",
    }
)  # fmt: skip

#: Pronouns that can stand as a speaker; resolution maps them to a named mention.
SPEAKER_PRONOUNS: dict[str, tuple[str, ...]] = {
    "he": ("PERSON",),
    "she": ("PERSON",),
    "him": ("PERSON",),
    "her": ("PERSON",),
    "they": ("ORG", "NORP", "GPE", "PERSON"),
    "it": ("ORG", "GPE"),
}
