"""The PLOVER trigger lexicon: which words report which event type and mode.

Written from the definitions, modes and "potential ambiguities" of the PLOVER
manual (Open Event Data Alliance, CC BY-SA 4.0; ``../shared/data/plover/PLOVER_MANUAL.tex``,
chapter "Event Categories" and its mode tables), with the everyday English
verbs and nominalisations that name each definition.  It is a general table of
English — nothing in it was chosen for a particular article.

Keys are lemmas; a key ``verb_particle`` (``call_for``, ``step_down``) matches
a verb with that particle or preposition attached.  Values are
``(type, mode)``.  ``VERBS`` hold verb triggers, ``NOUNS`` nominalisations and
event nouns ("the attack on X", "X's assassination", "talks").

Manual rules encoded here, not in code:
- AID covers hostage rescues ("rescue", "free" hostages) — manual, AID ambiguities.
- Convictions are SANCTION ``convict``; sentences to prison are COERCE ``arrest``.
- Expulsion/deportation of individuals is COERCE ``deport``; of diplomats SANCTION ``expel``.
- Cancelling a meeting is REJECT; summoning an ambassador is ACCUSE ``disapprove``.
- Investigations are ACCUSE ``investigate``; suing/indicting/charging ACCUSE ``allege``.
- Captures in conflict are ASSAULT ``abduct``; arrests and detentions COERCE ``arrest``.
- Raised alert levels, deployments and exercises are MOBILIZE.
- Future cooperative acts are AGREE; future retreats are CONCEDE (see ``extract.py``).
- Police wording the manual's definitions name and the CASE-2021/ACLED snippets use
  (issue 13): "lathi charge", "baton charge", tear gas and water cannon are ASSAULT
  ``crowd-control`` (the manual lists "lathi charges"); "police firing" is ASSAULT
  ``firearms``; "booked", "picked up", "taken into custody", "remanded" are COERCE
  ``arrest`` — with the sense checks of ``SENSE_CHECKED`` / ``AUTHORITY_CHECKED``
  (WordNet's "book": record a charge in a police register).  Which words are other
  senses, and who may act, is decided in ``senses.py`` and ``agency.py``, not here.
"""

from __future__ import annotations

# The reporting verbs live in nlp: event resolution reads them too, and imports no extractor.
from newsgraph.nlp.speech_verbs import SPEECH_VERBS

__all__ = [
    "CARRIER_VERBS",
    "DEFAULT_MODE_BY_OBJECT",
    "NOUNS",
    "SPEECH_VERBS",
    "VERBS",
    "lookup",
]

Entry = tuple[str, str | None]

VERBS: dict[str, Entry] = {
    # AGREE: agree to, offer, promise, willingness or commitment to cooperate.
    "agree": ("AGREE", None),
    "promise": ("AGREE", None),
    "pledge": ("AGREE", None),
    "offer": ("AGREE", None),
    "accept": ("AGREE", None),
    "invite": ("AGREE", None),
    # CONSULT: meetings, visits, hosting, phone consultations, talks.
    "meet": ("CONSULT", None),
    "visit": ("CONSULT", "visit"),
    "host": ("CONSULT", "visit"),
    "consult": ("CONSULT", None),
    "negotiate": ("CONSULT", None),
    "discuss": ("CONSULT", None),
    "phone": ("CONSULT", "phone"),
    "telephone": ("CONSULT", "phone"),
    "confer": ("CONSULT", None),
    "mediate": ("CONSULT", "third-party"),
    "contact": ("CONSULT", None),
    "talk": ("CONSULT", None),
    # SUPPORT: diplomatic, non-material support; praise; sign or ratify.
    "support": ("SUPPORT", None),
    "praise": ("SUPPORT", None),
    "endorse": ("SUPPORT", None),
    "welcome": ("SUPPORT", None),
    "commend": ("SUPPORT", None),
    "recognize": ("SUPPORT", None),
    "recognise": ("SUPPORT", None),
    "sign": ("SUPPORT", None),
    "ratify": ("SUPPORT", None),
    "approve": ("SUPPORT", None),
    "applaud": ("SUPPORT", None),
    "hail": ("SUPPORT", None),
    "defend": ("SUPPORT", None),
    "thank": ("SUPPORT", None),
    "congratulate": ("SUPPORT", None),
    # CONCEDE: verbal concessions, pardons, apologies, declared ceasefires, easing.
    "concede": ("CONCEDE", None),
    "apologize": ("CONCEDE", None),
    "apologise": ("CONCEDE", None),
    "pardon": ("CONCEDE", None),
    "acquit": ("CONCEDE", None),
    "ease": ("CONCEDE", None),
    "lift": ("CONCEDE", None),
    "relax": ("CONCEDE", None),
    "yield": ("CONCEDE", None),
    "compromise": ("CONCEDE", None),
    "regret": ("CONCEDE", None),
    "admit": ("CONCEDE", None),
    "amnesty": ("CONCEDE", None),
    "suspend": ("CONCEDE", None),
    "back_down": ("CONCEDE", None),
    # COOPERATE: mutual material cooperation, joint exercises, extradition, sharing intelligence.
    "cooperate": ("COOPERATE", None),
    "collaborate": ("COOPERATE", None),
    "extradite": ("COOPERATE", None),
    "trade": ("COOPERATE", None),
    "partner": ("COOPERATE", None),
    # AID: material aid, grants, loans, humanitarian help, asylum, hostage rescues.
    "aid": ("AID", None),
    "donate": ("AID", None),
    "provide": ("AID", None),
    "supply": ("AID", None),
    "grant": ("AID", None),
    "lend": ("AID", None),
    "fund": ("AID", None),
    "rescue": ("AID", None),
    "evacuate": ("AID", None),
    "assist": ("AID", None),
    "send": ("AID", None),
    "deliver": ("AID", None),
    "forgive": ("AID", None),
    "shelter": ("AID", None),
    # RETREAT: immediate material concessions: release, withdrawal, disarm, ceasefire, resign.
    "release": ("RETREAT", "release"),
    "free": ("RETREAT", "release"),
    "withdraw": ("RETREAT", "withdraw"),
    "retreat": ("RETREAT", "withdraw"),
    "pull_out": ("RETREAT", "withdraw"),
    "disarm": ("RETREAT", "disarm"),
    "resign": ("RETREAT", "resign"),
    "step_down": ("RETREAT", "resign"),
    "quit": ("RETREAT", "resign"),
    "repatriate": ("RETREAT", None),
    "surrender": ("RETREAT", "disarm"),
    "demobilize": ("RETREAT", "disarm"),
    "reopen": ("RETREAT", "access"),
    # REQUEST: requests, demands, orders, appeals.
    "request": ("REQUEST", None),
    "demand": ("REQUEST", None),
    "urge": ("REQUEST", None),
    "ask": ("REQUEST", None),
    "appeal": ("REQUEST", None),
    "call_for": ("REQUEST", None),
    "call_on": ("REQUEST", None),
    "plead": ("REQUEST", None),
    "order": ("REQUEST", None),
    "insist": ("REQUEST", None),
    "petition": ("REQUEST", None),
    "beg": ("REQUEST", None),
    "implore": ("REQUEST", None),
    # ACCUSE: disapprove, condemn, criticise; accuse, allege, sue, charge; investigate.
    "accuse": ("ACCUSE", "allege"),
    "allege": ("ACCUSE", "allege"),
    "charge": ("ACCUSE", "allege"),
    "indict": ("ACCUSE", "allege"),
    "sue": ("ACCUSE", "allege"),
    "blame": ("ACCUSE", "allege"),
    "prosecute": ("ACCUSE", "allege"),
    "condemn": ("ACCUSE", "disapprove"),
    "criticize": ("ACCUSE", "disapprove"),
    "criticise": ("ACCUSE", "disapprove"),
    "denounce": ("ACCUSE", "disapprove"),
    "decry": ("ACCUSE", "disapprove"),
    "protest_to": ("ACCUSE", "disapprove"),
    "complain": ("ACCUSE", "disapprove"),
    "deplore": ("ACCUSE", "disapprove"),
    "slam": ("ACCUSE", "disapprove"),
    "blast": ("ACCUSE", "disapprove"),
    "rebuke": ("ACCUSE", "disapprove"),
    "summon": ("ACCUSE", "disapprove"),
    "object": ("ACCUSE", "disapprove"),
    "investigate": ("ACCUSE", "investigate"),
    "probe": ("ACCUSE", "investigate"),
    "examine": ("ACCUSE", "investigate"),
    "inquire": ("ACCUSE", "investigate"),
    # REJECT: rejections and refusals, denials, vetoes, cancelled meetings, barred entry.
    "reject": ("REJECT", None),
    "refuse": ("REJECT", None),
    "deny": ("REJECT", None),
    "decline": ("REJECT", None),
    "veto": ("REJECT", None),
    "rebuff": ("REJECT", None),
    "dismiss": ("REJECT", None),
    "turn_down": ("REJECT", None),
    "oppose": ("REJECT", None),
    "cancel": ("REJECT", "meet"),
    "boycott": ("PROTEST", "boycott"),
    "defy": ("REJECT", None),
    "bar": ("REJECT", None),
    "block": ("REJECT", None),
    "resist": ("REJECT", None),
    # THREATEN: threats, ultimatums, warnings with serious repercussions.
    "threaten": ("THREATEN", None),
    "warn": ("THREATEN", None),
    "vow": ("THREATEN", None),
    "menace": ("THREATEN", "violence"),
    "intimidate": ("THREATEN", None),
    # PROTEST: demonstrations, riots, strikes, hunger strikes, boycotts, obstruction.
    "protest": ("PROTEST", "demo"),
    "demonstrate": ("PROTEST", "demo"),
    "march": ("PROTEST", "demo"),
    "rally": ("PROTEST", "demo"),
    "riot": ("PROTEST", "riot"),
    "picket": ("PROTEST", "demo"),
    "strike": ("PROTEST", "strike"),
    "vandalize": ("PROTEST", "vandalize"),
    "vandalise": ("PROTEST", "vandalize"),
    # SANCTION: reductions in relations: convict, expel diplomats, withdraw aid, embargo.
    "sanction": ("SANCTION", "discontinue"),
    "convict": ("SANCTION", "convict"),
    "sentence": ("COERCE", "arrest"),
    "expel": ("SANCTION", "expel"),
    "embargo": ("SANCTION", "discontinue"),
    "sever": ("SANCTION", "discontinue"),
    "halt": ("SANCTION", "discontinue"),
    "recall": ("SANCTION", "withdraw"),
    "freeze": ("SANCTION", "discontinue"),
    "fine": ("SANCTION", "convict"),
    "break_off": ("SANCTION", "discontinue"),
    # MOBILIZE: military/police moves short of force; raised readiness and alert levels.
    "mobilize": ("MOBILIZE", "troops"),
    "mobilise": ("MOBILIZE", "troops"),
    "deploy": ("MOBILIZE", "troops"),
    "reinforce": ("MOBILIZE", "troops"),
    "patrol": ("MOBILIZE", "police"),
    "muster": ("MOBILIZE", "troops"),
    # COERCE: repression short of violence: arrest, raid, seize, ban, censor, curfew, deport, hack.
    "arrest": ("COERCE", "arrest"),
    "detain": ("COERCE", "arrest"),
    "jail": ("COERCE", "arrest"),
    "imprison": ("COERCE", "arrest"),
    "apprehend": ("COERCE", "arrest"),
    "capture": ("COERCE", "arrest"),
    "nab": ("COERCE", "arrest"),
    "round_up": ("COERCE", "arrest"),
    # Police wording for arrests (WordNet: "book" — record a charge in a police register;
    # "pick up" — take into custody); both need a person as patient (``SENSE_CHECKED``).
    "book": ("COERCE", "arrest"),
    "pick_up": ("COERCE", "arrest"),
    "remand": ("COERCE", "arrest"),
    "raid": ("COERCE", "seize"),
    "seize": ("COERCE", "seize"),
    "confiscate": ("COERCE", "seize"),
    "impound": ("COERCE", "seize"),
    # Manual, COERCE seize: "confiscate property"; a state expropriating a company's assets
    # (manual, context "economic") takes them the same way.
    "expropriate": ("COERCE", "seize"),
    "nationalise": ("COERCE", "seize"),
    "nationalize": ("COERCE", "seize"),
    "ban": ("COERCE", "restrict"),
    "restrict": ("COERCE", "restrict"),
    "outlaw": ("COERCE", "restrict"),
    "cordon": ("COERCE", "restrict"),
    "censor": ("COERCE", "censor"),
    "deport": ("COERCE", "deport"),
    "hack": ("COERCE", "cyber"),
    "shut_down": ("COERCE", "withhold"),
    "suppress": ("COERCE", "restrict"),
    "crack_down": ("COERCE", "restrict"),
    "disperse": ("COERCE", "restrict"),
    # ASSAULT: deliberate actions that can cause substantial physical harm.
    "attack": ("ASSAULT", None),
    "assault": ("ASSAULT", "beat"),
    "kill": ("ASSAULT", "targeted"),
    "murder": ("ASSAULT", "targeted"),
    "assassinate": ("ASSAULT", "targeted"),
    "execute": ("ASSAULT", "targeted"),
    "slay": ("ASSAULT", "targeted"),
    "massacre": ("ASSAULT", "targeted"),
    "shoot": ("ASSAULT", "firearms"),
    "gun_down": ("ASSAULT", "firearms"),
    "fire_on": ("ASSAULT", "firearms"),
    "open_fire": ("ASSAULT", "firearms"),
    "bomb": ("ASSAULT", "explosives"),
    "blow_up": ("ASSAULT", "explosives"),
    "explode": ("ASSAULT", "explosives"),
    "detonate": ("ASSAULT", "explosives"),
    "shell": ("ASSAULT", "heavy-weapons"),
    "bombard": ("ASSAULT", "heavy-weapons"),
    "pound": ("ASSAULT", "heavy-weapons"),
    "airstrike": ("ASSAULT", "aerial"),
    "strafe": ("ASSAULT", "aerial"),
    "stab": ("ASSAULT", "primitive"),
    "burn": ("ASSAULT", "primitive"),
    "torch": ("ASSAULT", "primitive"),
    "beat": ("ASSAULT", "beat"),
    "torture": ("ASSAULT", "torture"),
    "rape": ("ASSAULT", "sexual"),
    "molest": ("ASSAULT", "sexual"),
    "abduct": ("ASSAULT", "abduct"),
    "kidnap": ("ASSAULT", "abduct"),
    "hijack": ("ASSAULT", "abduct"),
    "destroy": ("ASSAULT", "destroy"),
    "demolish": ("ASSAULT", "destroy"),
    "wound": ("ASSAULT", None),
    "injure": ("ASSAULT", None),
    "invade": ("ASSAULT", None),
    "ambush": ("ASSAULT", None),
    "fight": ("ASSAULT", None),
    "clash": ("ASSAULT", None),
    "storm": ("ASSAULT", None),
    "poison": ("ASSAULT", "unconventional"),
    "gas": ("ASSAULT", "unconventional"),
    "lynch": ("ASSAULT", "beat"),
    "behead": ("ASSAULT", "targeted"),
    "strangle": ("ASSAULT", "targeted"),
    "overthrow": ("ASSAULT", None),
    "topple": ("ASSAULT", None),
    "occupy": ("ASSAULT", None),
    "capture_territory": ("ASSAULT", None),
    "recapture": ("ASSAULT", None),
    "retake": ("ASSAULT", None),
    "overrun": ("ASSAULT", None),
    "loot": ("ASSAULT", "destroy"),
    "tear_gas": ("ASSAULT", "crowd-control"),
    "teargas": ("ASSAULT", "crowd-control"),
    # ASSAULT primitive: "rocks" among the manual's primitive weapons (stone pelting).
    "pelt": ("ASSAULT", "primitive"),
    "abuse": ("ASSAULT", "beat"),
}

NOUNS: dict[str, Entry] = {
    "agreement": ("AGREE", None),
    "deal": ("AGREE", None),
    "accord": ("AGREE", None),
    "pact": ("AGREE", None),
    "promise": ("AGREE", None),
    "pledge": ("AGREE", None),
    "offer": ("AGREE", None),
    "invitation": ("AGREE", None),
    "treaty": ("AGREE", None),
    "meeting": ("CONSULT", None),
    "mediation": ("CONSULT", "third-party"),
    "talk": ("CONSULT", None),
    "summit": ("CONSULT", "multilateral"),
    "visit": ("CONSULT", "visit"),
    "negotiation": ("CONSULT", None),
    "consultation": ("CONSULT", None),
    "conference": ("CONSULT", "multilateral"),
    "call": ("CONSULT", "phone"),
    "discussion": ("CONSULT", None),
    "support": ("SUPPORT", None),
    "praise": ("SUPPORT", None),
    "endorsement": ("SUPPORT", None),
    "recognition": ("SUPPORT", None),
    "ratification": ("SUPPORT", None),
    "approval": ("SUPPORT", None),
    "apology": ("CONCEDE", None),
    "pardon": ("CONCEDE", None),
    "amnesty": ("CONCEDE", None),
    "concession": ("CONCEDE", None),
    "acquittal": ("CONCEDE", None),
    "cooperation": ("COOPERATE", None),
    "exercise": ("MOBILIZE", "troops"),
    "extradition": ("COOPERATE", None),
    "aid": ("AID", None),
    "assistance": ("AID", None),
    "donation": ("AID", None),
    "loan": ("AID", None),
    "grant": ("AID", None),
    "rescue": ("AID", None),
    "asylum": ("AID", None),
    "relief": ("AID", None),
    "release": ("RETREAT", "release"),
    "withdrawal": ("RETREAT", "withdraw"),
    "retreat": ("RETREAT", "withdraw"),
    "resignation": ("RETREAT", "resign"),
    "ceasefire": ("RETREAT", "ceasefire"),
    "truce": ("RETREAT", "ceasefire"),
    "disarmament": ("RETREAT", "disarm"),
    "surrender": ("RETREAT", "disarm"),
    "request": ("REQUEST", None),
    "demand": ("REQUEST", None),
    "appeal": ("REQUEST", None),
    "ultimatum": ("THREATEN", None),
    "plea": ("REQUEST", None),
    "accusation": ("ACCUSE", "allege"),
    "allegation": ("ACCUSE", "allege"),
    "charge": ("ACCUSE", "allege"),
    "lawsuit": ("ACCUSE", "allege"),
    "indictment": ("ACCUSE", "allege"),
    "trial": ("ACCUSE", "allege"),
    "condemnation": ("ACCUSE", "disapprove"),
    "criticism": ("ACCUSE", "disapprove"),
    "investigation": ("ACCUSE", "investigate"),
    "probe": ("ACCUSE", "investigate"),
    "inquiry": ("ACCUSE", "investigate"),
    "enquiry": ("ACCUSE", "investigate"),
    "rejection": ("REJECT", None),
    "refusal": ("REJECT", None),
    "denial": ("REJECT", None),
    "veto": ("REJECT", None),
    "boycott": ("PROTEST", "boycott"),
    "threat": ("THREATEN", None),
    "warning": ("THREATEN", None),
    "protest": ("PROTEST", "demo"),
    "demonstration": ("PROTEST", "demo"),
    "rally": ("PROTEST", "demo"),
    "march": ("PROTEST", "demo"),
    "riot": ("PROTEST", "riot"),
    "strike": ("PROTEST", "strike"),
    "sit-in": ("PROTEST", "obstruct"),
    "blockade": ("PROTEST", "obstruct"),
    "hunger strike": ("PROTEST", "hunger"),
    "unrest": ("PROTEST", "riot"),
    "sanction": ("SANCTION", "discontinue"),
    "embargo": ("SANCTION", "discontinue"),
    "conviction": ("SANCTION", "convict"),
    "expulsion": ("SANCTION", "expel"),
    "fine": ("SANCTION", "convict"),
    "mobilization": ("MOBILIZE", "troops"),
    "mobilisation": ("MOBILIZE", "troops"),
    "deployment": ("MOBILIZE", "troops"),
    "alert": ("MOBILIZE", None),
    "build-up": ("MOBILIZE", "troops"),
    "buildup": ("MOBILIZE", "troops"),
    "arrest": ("COERCE", "arrest"),
    "detention": ("COERCE", "arrest"),
    "raid": ("COERCE", "seize"),
    "seizure": ("COERCE", "seize"),
    "confiscation": ("COERCE", "seize"),
    "expropriation": ("COERCE", "seize"),
    "nationalisation": ("COERCE", "seize"),
    "nationalization": ("COERCE", "seize"),
    "crackdown": ("COERCE", "restrict"),
    "ban": ("COERCE", "restrict"),
    "curfew": ("COERCE", "curfew"),
    "censorship": ("COERCE", "censor"),
    "deportation": ("COERCE", "deport"),
    "martial law": ("COERCE", "martial-law"),
    "imprisonment": ("COERCE", "arrest"),
    "sentence": ("COERCE", "arrest"),
    "attack": ("ASSAULT", None),
    "assault": ("ASSAULT", "beat"),
    "killing": ("ASSAULT", "targeted"),
    "murder": ("ASSAULT", "targeted"),
    "assassination": ("ASSAULT", "targeted"),
    "execution": ("ASSAULT", "targeted"),
    "massacre": ("ASSAULT", "targeted"),
    "shooting": ("ASSAULT", "firearms"),
    "gunfire": ("ASSAULT", "firearms"),
    # "police firing", "killed in firing by police": the noun of shooting (WordNet
    # firing.n.02, "the act of discharging a gun"); its dismissal sense is checked.
    "firing": ("ASSAULT", "firearms"),
    # The manual's crowd-control weapons and tactics: "tear gas, water cannons, firing
    # weapons in the air, lathi charges".
    "lathi charge": ("ASSAULT", "crowd-control"),
    "lathi-charge": ("ASSAULT", "crowd-control"),
    "baton charge": ("ASSAULT", "crowd-control"),
    "tear gas": ("ASSAULT", "crowd-control"),
    "teargas": ("ASSAULT", "crowd-control"),
    "water cannon": ("ASSAULT", "crowd-control"),
    "pelting": ("ASSAULT", "primitive"),
    "sexual assault": ("ASSAULT", "sexual"),
    "sexual violence": ("ASSAULT", "sexual"),
    "bombing": ("ASSAULT", "explosives"),
    "explosion": ("ASSAULT", "explosives"),
    "blast": ("ASSAULT", "explosives"),
    "airstrike": ("ASSAULT", "aerial"),
    "air strike": ("ASSAULT", "aerial"),
    "air raid": ("ASSAULT", "aerial"),
    "shelling": ("ASSAULT", "heavy-weapons"),
    "bombardment": ("ASSAULT", "heavy-weapons"),
    "stabbing": ("ASSAULT", "primitive"),
    "arson": ("ASSAULT", "primitive"),
    "torture": ("ASSAULT", "torture"),
    "rape": ("ASSAULT", "sexual"),
    "abduction": ("ASSAULT", "abduct"),
    "kidnapping": ("ASSAULT", "abduct"),
    "hijacking": ("ASSAULT", "abduct"),
    "invasion": ("ASSAULT", None),
    "ambush": ("ASSAULT", None),
    "fighting": ("ASSAULT", None),
    "clash": ("ASSAULT", None),
    "battle": ("ASSAULT", None),
    "offensive": ("ASSAULT", None),
    "war": ("ASSAULT", None),
    "violence": ("ASSAULT", None),
    "coup": ("ASSAULT", None),
    "overthrow": ("ASSAULT", None),
    "suicide bombing": ("ASSAULT", "suicide-attack"),
    "car bomb": ("ASSAULT", "explosives"),
    "death": ("ASSAULT", "targeted"),
    "poisoning": ("ASSAULT", "unconventional"),
    "destruction": ("ASSAULT", "destroy"),
    "occupation": ("ASSAULT", None),
    "hostilities": ("ASSAULT", None),
    "cleansing": ("ASSAULT", "targeted"),
    "suspension": ("SANCTION", "discontinue"),
    "cyberattack": ("COERCE", "cyber"),
    "hacking": ("COERCE", "cyber"),
}

__all__ += ["CONTEXT_WORDS", "STRICT_NOUNS"]

#: Event nouns that report an event only when a light verb carries them ("ordered
#: his death", "issued a call"): alone they are too often something else ("his
#: father's death", "a phone call from a friend").
STRICT_NOUNS: frozenset[str] = frozenset(
    {
        "death",
        "call",
        "deal",
        "support",
        "relief",
        "exercise",
        "grant",
        "alert",
        "fine",
        "sentence",
        "war",
        "violence",
        "charge",
        "release",
        "offer",
        "promise",
        "pledge",
        "march",
        "strike",
        "trial",
    }
)

#: PLOVER contexts (manual, "Context codes") cued by words in the evidence sentence.
#: A small general subset: sentence-level cues only, no document classifier.
CONTEXT_WORDS: dict[str, frozenset[str]] = {
    "military": frozenset({"army", "military", "troop", "soldier", "navy", "air force", "armed forces"}),
    "terrorism": frozenset({"terrorist", "terrorism", "militant", "jihadist", "insurgent", "extremist"}),
    "intelligence": frozenset({"intelligence", "spy", "espionage", "cia", "agent"}),
    "legal": frozenset({"court", "judge", "trial", "lawsuit", "prosecutor", "verdict", "law"}),
    "election": frozenset({"election", "vote", "ballot", "campaign", "poll", "candidate"}),
    "economic": frozenset({"trade", "tariff", "economy", "economic", "market", "investment", "gdp"}),
    "diplomatic": frozenset({"embassy", "ambassador", "diplomat", "diplomatic", "envoy", "consulate"}),
    "human_rights": frozenset({"human rights", "rights group", "abuse"}),
    "crime": frozenset({"crime", "criminal", "gang", "theft", "robbery", "fraud"}),
    "cbrn": frozenset({"nuclear", "chemical", "biological", "radiation", "nerve agent"}),
    "cyber": frozenset({"cyber", "hacker", "hacking", "malware"}),
    "migration": frozenset({"refugee", "migrant", "asylum", "displaced"}),
    "health": frozenset({"virus", "epidemic", "pandemic", "disease", "hospital", "covid"}),
}

#: Verbs that carry an event noun without being events themselves ("launched an
#: attack", "carried out the bombing", "held talks"): the noun is the trigger.
CARRIER_VERBS: frozenset[str] = frozenset(
    {
        "carry",
        "launch",
        "conduct",
        "stage",
        "hold",
        "make",
        "mount",
        "perpetrate",
        "commit",
        "wage",
        "issue",
        "lodge",
        "file",
        "attempt",
        "undertake",
        "execute",
        "impose",
        "announce",
        "begin",
        "start",
        "continue",
        "resume",
        "lead",
        "organize",
        "organise",
        "plan",
        "order",
        "claim",
        "reach",
        "give",
        "call",
        "take",
        "open",
        "set",
        "pose",
    }
)

#: Objects that refine a verb's type or mode: "fired missiles" is an assault,
#: "raised the alert level" is MOBILIZE.  (verb lemma, object lemma) -> entry.
DEFAULT_MODE_BY_OBJECT: dict[tuple[str, str], Entry] = {
    ("raise", "alert"): ("MOBILIZE", None),
    ("heighten", "alert"): ("MOBILIZE", None),
    ("fire", "missile"): ("ASSAULT", "heavy-weapons"),
    ("fire", "rocket"): ("ASSAULT", "heavy-weapons"),
    ("fire", "shot"): ("ASSAULT", "firearms"),
    ("fire", "gas"): ("ASSAULT", "crowd-control"),
    ("fire", "bullet"): ("ASSAULT", "firearms"),
    ("send", "troops"): ("MOBILIZE", "troops"),
    ("send", "troop"): ("MOBILIZE", "troops"),
    ("cut", "tie"): ("SANCTION", "discontinue"),
    ("sever", "tie"): ("SANCTION", "discontinue"),
    ("break", "relation"): ("SANCTION", "discontinue"),
    # Downgrading relations reduces them; downgrading debt or a forecast is a rating.
    ("downgrade", "relation"): ("SANCTION", "discontinue"),
    ("downgrade", "tie"): ("SANCTION", "discontinue"),
    ("downgrade", "link"): ("SANCTION", "discontinue"),
    ("downgrade", "relationship"): ("SANCTION", "discontinue"),
    ("cut", "aid"): ("SANCTION", "withdraw"),
    ("take", "hostage"): ("ASSAULT", "abduct"),
    ("set", "fire"): ("ASSAULT", "primitive"),
    ("take", "control"): ("ASSAULT", None),
    ("seize", "control"): ("ASSAULT", None),
    ("shut", "internet"): ("COERCE", "withhold"),
    ("hand", "power"): ("RETREAT", None),
    ("lay", "siege"): ("ASSAULT", None),
    ("go", "strike"): ("PROTEST", "strike"),
    ("take", "street"): ("PROTEST", "demo"),
    # Blocking a public way is protest by obstruction (PROTEST mode "obstruct").
    ("block", "road"): ("PROTEST", "obstruct"),
    ("block", "street"): ("PROTEST", "obstruct"),
    ("block", "roadway"): ("PROTEST", "obstruct"),
    ("block", "highway"): ("PROTEST", "obstruct"),
    ("block", "bridge"): ("PROTEST", "obstruct"),
    ("block", "railway"): ("PROTEST", "obstruct"),
    # Taking ground by force is ASSAULT (ACLED's territorial subtypes; PLOVER ASSAULT).
    ("capture", "town"): ("ASSAULT", None),
    ("capture", "city"): ("ASSAULT", None),
    ("capture", "village"): ("ASSAULT", None),
    ("capture", "stronghold"): ("ASSAULT", None),
    ("capture", "territory"): ("ASSAULT", None),
    ("capture", "base"): ("ASSAULT", None),
    ("seize", "town"): ("ASSAULT", None),
    ("seize", "city"): ("ASSAULT", None),
    ("seize", "village"): ("ASSAULT", None),
    ("seize", "territory"): ("ASSAULT", None),
    ("fire", "shell"): ("ASSAULT", "heavy-weapons"),
    ("fire", "mortar"): ("ASSAULT", "heavy-weapons"),
    ("fire", "round"): ("ASSAULT", "firearms"),
    # Suspending aid or links reduces relations: SANCTION.
    ("suspend", "aid"): ("SANCTION", "withdraw"),
    ("suspend", "link"): ("SANCTION", "discontinue"),
    ("suspend", "tie"): ("SANCTION", "discontinue"),
    ("suspend", "relation"): ("SANCTION", "discontinue"),
    ("suspend", "delivery"): ("SANCTION", "withdraw"),
    ("suspend", "payment"): ("SANCTION", "discontinue"),
    ("suspend", "trade"): ("SANCTION", "discontinue"),
    ("suspend", "import"): ("SANCTION", "discontinue"),
    ("suspend", "export"): ("SANCTION", "discontinue"),
    # Amnesties and pardons are CONCEDE (manual, CONCEDE ambiguities), whoever grants them.
    ("grant", "amnesty"): ("CONCEDE", None),
    ("grant", "pardon"): ("CONCEDE", None),
    ("free", "hostage"): ("AID", None),
    # Custody is detention (COERCE arrest): "taken into custody", "remanded in custody".
    ("take", "custody"): ("COERCE", "arrest"),
    ("remand", "custody"): ("COERCE", "arrest"),
    ("hold", "custody"): ("COERCE", "arrest"),
    ("place", "arrest"): ("COERCE", "arrest"),
    ("release", "hostage"): ("RETREAT", "release"),
    ("release", "prisoner"): ("RETREAT", "release"),
    # Reopening a case or an inquiry investigates again (manual, ACCUSE investigate), it
    # opens no access.
    ("reopen", "case"): ("ACCUSE", "investigate"),
    ("reopen", "investigation"): ("ACCUSE", "investigate"),
    ("reopen", "inquiry"): ("ACCUSE", "investigate"),
    ("reopen", "probe"): ("ACCUSE", "investigate"),
}


#: Verbs whose PLOVER reading holds only without a direct object: "protesters
#: demonstrated" is a protest, "demonstrated loyalty" is not; "workers struck" is
#: a strike, "a missile struck the base" an assault.  lemma -> entry with an object.
TRANSITIVE_READING: dict[str, Entry | None] = {
    "demonstrate": None,
    "march": None,
    "rally": None,
    "picket": ("PROTEST", "demo"),
    "strike": ("ASSAULT", None),
    "protest": ("ACCUSE", "disapprove"),
}
__all__.append("TRANSITIVE_READING")

#: Verbs whose reading depends on a modifier hyphenated before them: "lathi-charged",
#: "baton-charged" (manual, ASSAULT crowd-control: "lathi charges").  (verb, modifier).
DEFAULT_MODE_BY_MODIFIER: dict[tuple[str, str], Entry] = {
    ("charge", "lathi"): ("ASSAULT", "crowd-control"),
    ("charge", "baton"): ("ASSAULT", "crowd-control"),
    ("assault", "sexually"): ("ASSAULT", "sexual"),  # manual, ASSAULT sexual: "sexual violence"
}

#: Arrest verbs are arrests only when done to people ("apprehended the suspect", not
#: "apprehending trouble"; "picked up three youths", not "picked up the phone"): every
#: verb of COERCE ``arrest`` needs a person, a group or a number of them as patient
#: when it has one.  These, ambiguous even then ("booked a table", "the bus picked up
#: passengers", "apprehend" = understand or fear), also need a patient, and an
#: authority as actor, a passive, or a "for"/"under" phrase (``AUTHORITY_CHECKED``:
#: "booked for rioting", "picked up by the police").
SENSE_CHECKED: frozenset[str] = frozenset({"book", "pick_up", "apprehend", "nab", "capture"})
AUTHORITY_CHECKED: frozenset[str] = frozenset({"book", "pick_up"})
__all__ += ["AUTHORITY_CHECKED", "DEFAULT_MODE_BY_MODIFIER", "SENSE_CHECKED"]


def lookup(lemma: str, pos: str, particle: str | None = None) -> Entry | None:
    """The (type, mode) a verb or noun lemma reports, or None.

    ``particle`` is the verb's particle or first preposition ("call" + "for");
    the phrasal entry wins over the bare verb.
    """
    lemma = lemma.lower()
    if pos in ("VERB", "AUX"):
        if particle:
            hit = VERBS.get(f"{lemma}_{particle.lower()}")
            if hit:
                return hit
        return VERBS.get(lemma)
    if pos in ("NOUN", "PROPN"):
        return NOUNS.get(lemma)
    return None
