"""The keyword baseline of event typing: a deliberately simple rival for ``bench events``.

Each keyword is a word of the PLOVER manual's definition of a type or of its mode
table (``../shared/data/plover/PLOVER_MANUAL.tex``, chapter "Event Categories"; for
``DISASTER``, our type, the manual's "disasters" and "health" contexts: "natural",
"accidents/spills", "disease outbreaks and epidemics").  The first token of the text
whose lemma (or two-lemma phrase) is a keyword gives the type and mode; nothing else
is looked at — no parse, no arguments, no senses.  It was written once from the
manual and is not tuned: it is the figure the rules must beat.
"""

from __future__ import annotations

from typing import Any

__all__ = ["KEYWORDS", "keyword_type"]

Entry = tuple[str, str | None]

# fmt: off
#: keyword (lemma or "lemma lemma") → (type, mode); each keyword in one type only.
KEYWORDS: dict[str, Entry] = {
    # AGREE: "agree to, offer, promise, or otherwise indicate willingness or commitment".
    "agree": ("AGREE", None), "agreement": ("AGREE", None), "offer": ("AGREE", None),
    "promise": ("AGREE", None), "commitment": ("AGREE", None), "commit": ("AGREE", None),
    # CONSULT: "consultations and meetings ... visiting and hosting ... by phone";
    # "holding talks", "discussions", "negotiations, bargaining".
    "consult": ("CONSULT", None), "consultation": ("CONSULT", None), "meeting": ("CONSULT", None),
    "meet": ("CONSULT", None), "visit": ("CONSULT", "visit"), "host": ("CONSULT", "visit"),
    "talk": ("CONSULT", None), "discussion": ("CONSULT", None), "negotiation": ("CONSULT", None),
    "negotiate": ("CONSULT", None), "phone": ("CONSULT", "phone"),
    # SUPPORT: "express support for, commend, approve ..., ratify, sign, or finalize".
    "support": ("SUPPORT", None), "commend": ("SUPPORT", None), "approve": ("SUPPORT", None),
    "ratify": ("SUPPORT", None), "sign": ("SUPPORT", None), "recognition": ("SUPPORT", None),
    # CONCEDE: "verbal concessions ... easing of restrictions ... pardons, acquittals, amnesties,
    # regret".
    "concede": ("CONCEDE", None), "concession": ("CONCEDE", None), "pardon": ("CONCEDE", None),
    "amnesty": ("CONCEDE", None), "acquit": ("CONCEDE", None), "acquittal": ("CONCEDE", None),
    "regret": ("CONCEDE", None), "ease": ("CONCEDE", None),
    # COOPERATE: "mutual material cooperation or exchange ... extraditions ... sharing".
    "cooperate": ("COOPERATE", None), "cooperation": ("COOPERATE", None),
    "exchange": ("COOPERATE", None), "extradite": ("COOPERATE", None),
    "extradition": ("COOPERATE", None),
    # AID: "monetary aid ... grants, gifts and credit ... humanitarian aid ... asylum".
    "aid": ("AID", None), "grant": ("AID", None), "gift": ("AID", None), "loan": ("AID", None),
    "assistance": ("AID", None), "asylum": ("AID", None), "rescue": ("AID", None),
    # RETREAT and its modes: withdraw, release, disarm, ceasefire, access, resign.
    "retreat": ("RETREAT", "withdraw"), "withdraw": ("RETREAT", "withdraw"),
    "withdrawal": ("RETREAT", "withdraw"), "release": ("RETREAT", "release"),
    "repatriate": ("RETREAT", None), "disarm": ("RETREAT", "disarm"),
    "ceasefire": ("RETREAT", "ceasefire"), "resign": ("RETREAT", "resign"),
    "resignation": ("RETREAT", "resign"),
    # REQUEST: "all requests, demands, and orders".
    "request": ("REQUEST", None), "demand": ("REQUEST", None), "order": ("REQUEST", None),
    "appeal": ("REQUEST", None),
    # ACCUSE and its modes: disapprove, investigate, allege.
    "condemn": ("ACCUSE", "disapprove"), "decry": ("ACCUSE", "disapprove"),
    "criticize": ("ACCUSE", "disapprove"), "criticise": ("ACCUSE", "disapprove"),
    "complain": ("ACCUSE", "disapprove"), "disapprove": ("ACCUSE", "disapprove"),
    "accuse": ("ACCUSE", "allege"), "allege": ("ACCUSE", "allege"), "charge": ("ACCUSE", "allege"),
    "sue": ("ACCUSE", "allege"), "indict": ("ACCUSE", "allege"),
    "investigate": ("ACCUSE", "investigate"), "investigation": ("ACCUSE", "investigate"),
    # REJECT: "all rejections and refusals".
    "reject": ("REJECT", None), "refuse": ("REJECT", None), "rejection": ("REJECT", None),
    "refusal": ("REJECT", None),
    # THREATEN: "threats, coercive or forceful warnings".
    "threaten": ("THREATEN", None), "threat": ("THREATEN", None), "warn": ("THREATEN", None),
    "warning": ("THREATEN", None), "ultimatum": ("THREATEN", None),
    # PROTEST and its modes: demo, riot, strike, hunger, boycott, obstruct, vandalize.
    "protest": ("PROTEST", "demo"), "demonstration": ("PROTEST", "demo"),
    "demonstrate": ("PROTEST", "demo"), "rally": ("PROTEST", "demo"), "riot": ("PROTEST", "riot"),
    "strike": ("PROTEST", "strike"), "hunger strike": ("PROTEST", "hunger"),
    "boycott": ("PROTEST", "boycott"), "obstruct": ("PROTEST", "obstruct"),
    "vandalize": ("PROTEST", "vandalize"),
    # SANCTION and its modes: convict, expel, withdraw, discontinue ("sanctions").
    "sanction": ("SANCTION", "discontinue"), "embargo": ("SANCTION", "discontinue"),
    "convict": ("SANCTION", "convict"), "expel": ("SANCTION", "expel"),
    # MOBILIZE: "military or police moves that fall short of the actual use of force".
    "mobilize": ("MOBILIZE", "troops"), "mobilise": ("MOBILIZE", "troops"),
    "deploy": ("MOBILIZE", "troops"), "readiness": ("MOBILIZE", None),
    # COERCE and its modes: seize, restrict, censor, curfew, martial-law, arrest, deport,
    # withhold, cyber.
    "arrest": ("COERCE", "arrest"), "detain": ("COERCE", "arrest"), "raid": ("COERCE", "seize"),
    "confiscate": ("COERCE", "seize"), "seize": ("COERCE", "seize"), "ban": ("COERCE", "restrict"),
    "restrict": ("COERCE", "restrict"), "censor": ("COERCE", "censor"),
    "curfew": ("COERCE", "curfew"), "martial law": ("COERCE", "martial-law"),
    "deport": ("COERCE", "deport"), "repression": ("COERCE", None), "hack": ("COERCE", "cyber"),
    # ASSAULT and its modes.
    "attack": ("ASSAULT", None), "assault": ("ASSAULT", "beat"), "kill": ("ASSAULT", None),
    "abduct": ("ASSAULT", "abduct"), "kidnap": ("ASSAULT", "abduct"), "hijack": ("ASSAULT", "abduct"),
    "beat": ("ASSAULT", "beat"), "torture": ("ASSAULT", "torture"), "rape": ("ASSAULT", "sexual"),
    "assassinate": ("ASSAULT", "targeted"), "assassination": ("ASSAULT", "targeted"),
    "execution": ("ASSAULT", "targeted"), "destroy": ("ASSAULT", "destroy"),
    "shoot": ("ASSAULT", "firearms"), "gun": ("ASSAULT", "firearms"), "rifle": ("ASSAULT", "firearms"),
    "bomb": ("ASSAULT", "explosives"), "explosive": ("ASSAULT", "explosives"),
    "ied": ("ASSAULT", "explosives"), "suicide": ("ASSAULT", "suicide-attack"),
    "aircraft": ("ASSAULT", "aerial"), "helicopter": ("ASSAULT", "aerial"),
    "drone": ("ASSAULT", "drone"), "artillery": ("ASSAULT", "heavy-weapons"),
    "rocket": ("ASSAULT", "heavy-weapons"), "tank": ("ASSAULT", "heavy-weapons"),
    "tear gas": ("ASSAULT", "crowd-control"), "water cannon": ("ASSAULT", "crowd-control"),
    "lathi charge": ("ASSAULT", "crowd-control"), "chemical": ("ASSAULT", "unconventional"),
    "nuclear": ("ASSAULT", "unconventional"),
    # DISASTER (ours): the manual's contexts "disasters" and "health".
    "disaster": ("DISASTER", None), "accident": ("DISASTER", "accident"),
    "spill": ("DISASTER", "accident"), "outbreak": ("DISASTER", "disease"),
    "epidemic": ("DISASTER", "disease"),
}
# fmt: on


def keyword_type(doc: Any) -> Entry | None:
    """``(type, mode)`` of the first keyword in the spaCy ``doc``, or None."""
    toks = [t.lemma_.lower() for t in doc]
    for i, lemma in enumerate(toks):
        if i + 1 < len(toks):
            hit = KEYWORDS.get(f"{lemma} {toks[i + 1]}")
            if hit:
                return hit
        hit = KEYWORDS.get(lemma)
        if hit:
            return hit
    return None
