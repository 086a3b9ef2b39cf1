"""Flags an analyst filters events on: negated, hypothetical, attempted,
historical, and the reported speech an event sits inside.

PLOVER's auxiliary modes (manual, "Auxiliary modes": historical, future,
hypothetical, negation) plus attempted/failed and attribution.  Read from the
parse around the trigger: its own ``neg``/``aux`` children, the verbs and nouns
that govern it ("planning attacks", "tried to kill", "the plan to overthrow"),
its modifiers ("the attempted assassination"), and for nouns the verb they are
the subject of ("the attack did not happen", "the attempted assassination
failed").  The word lists are general English, each commented.
"""

from __future__ import annotations

from typing import Any

from newsgraph.extract.events.genericity import generic_cues
from newsgraph.extract.events.lexicon import SPEECH_VERBS
from newsgraph.extract.events.time import ANSWER_NOUNS, ANSWER_VERBS
from newsgraph.model.events import EventDate, EventFlags, Span
from newsgraph.nlp.doc_views import doc_text

__all__ = ["HISTORICAL_DAYS", "flags_for"]

Token = Any

#: Modal and future auxiliaries: the event is not (yet) a fact.
MODALS: frozenset[str] = frozenset(
    {"will", "would", "may", "might", "could", "should", "shall", "can", "must", "'ll", "wo", "ca"}
)

#: Governing verbs or nouns that make the event intended, planned or possible.
PLAN_WORDS: frozenset[str] = frozenset(
    {
        "plan",
        "intend",
        "aim",
        "plot",
        "prepare",
        "propose",
        "consider",
        "want",
        "hope",
        "expect",
        "seek",
        "threaten",
        "vow",
        "promise",
        "pledge",
        "scheme",
        "conspire",
        "mull",
        "weigh",
        "contemplate",
        "decide",
        "agree",
        "offer",
        "urge",
        "call",
        "demand",
        "ask",
        # An act someone requests, appeals or petitions for ("a request that the DOT dismiss
        # the application", "requested the dismissal") has not happened.
        "request",
        "appeal",
        "petition",
        "plea",
        "order",
        # What someone is required to do is still to be done ("required Cyclops to provide").
        "require",
        "warn",
        "push",
        "need",
        "intention",
        "bid",
        "proposal",
        "possibility",
        "prospect",
        "risk",
        "goal",
        "objective",
        # A power or right to act is no act ("the power to detain suspects", "a right to
        # strike", "a law empowering police to search homes"): a possibility granted.
        "power",
        "right",
        "authority",
        "permission",
        "licence",
        "license",
        "mandate",
        "option",
        "authorise",
        "authorize",
        "empower",
        "entitle",
        # An ability is no act either ("being able to send messages", "the capacity to
        # strike"), except "was able to", which says the act was done (``_managed``).
        "able",
        "unable",
        "ability",
        "capability",
        "capacity",
    }
)

#: Words saying an event was tried (and perhaps failed) rather than achieved.
ATTEMPT_WORDS: frozenset[str] = frozenset(
    {
        "try",
        "attempt",
        "fail",
        "foil",
        "thwart",
        "prevent",
        "avert",
        "stop",
        "abort",
        "frustrate",
        "attempted",
        "failed",
        "foiled",
        "thwarted",
        "botched",
        "aborted",
        "unsuccessful",
        "would-be",
    }
)

#: Modifiers that make an event (noun) intended, expected or merely possible: "a possible
#: attack", "the planned merger", "the threatened strike", "upcoming talks".
HYPOTHETICAL_MODIFIERS: frozenset[str] = frozenset(
    {
        "possible",
        "potential",
        "proposed",
        "planned",
        "prospective",
        "future",
        "upcoming",
        "forthcoming",
        "imminent",
        "expected",
        "anticipated",
        "threatened",
        "intended",
        "hypothetical",
        "likely",
        "probable",
        "scheduled",
        "mooted",
        "envisaged",
    }
)

#: Relative pronouns: a relative clause whose subject is one of these is said *of* the
#: event ("the attack that could have killed hundreds"), not an act that holds it.
RELATIVE_PRONOUNS: frozenset[str] = frozenset({"that", "which", "who", "whom", "what"})

#: Words saying the event was kept from happening ("protect him from being
#: assassinated", "averted a strike"): the event is unrealised, so hypothetical.
PREVENT_WORDS: frozenset[str] = frozenset({"prevent", "avert", "protect", "save", "spare", "deter"})
#: Verbs whose complement is an act someone would not do: "refused to pay", "declined to
#: release the prisoners" — reported as not having happened.
REFUSE_WORDS: frozenset[str] = frozenset({"refuse", "decline"})

#: Negation outside ``neg`` arcs: "no attack", "never happened", "denied carrying out".
NEG_WORDS: frozenset[str] = frozenset({"not", "n't", "never", "no", "without", "nor", "neither"})

#: Verbs whose clause (or whose object's report of it) says the event did not happen:
#: "the ministry denied that troops attacked", "she denied reports that she had pulled
#: out", "refuted claims that police fired".  (The denial is its own event; what it
#: denies is reported as not having happened, as PLOVER's negation mode.)
DENY_WORDS: frozenset[str] = frozenset({"deny", "refute", "rebut"})
#: Verbs that deny only through a report noun they take ("rejected reports that…",
#: "dismissed claims that…"); with a plain object they reject a thing or a plan.
DISMISS_WORDS: frozenset[str] = frozenset({"reject", "dismiss", "deny", "refute", "rebut"})
REPORT_NOUNS: frozenset[str] = frozenset(
    {"report", "claim", "allegation", "suggestion", "rumour", "rumor", "accusation", "charge", "story"}
)
#: Words before which "any" act is none: "unaware of any attack", "denied any
#: wrongdoing", "the absence of any arrest", "without any fighting".
NO_ANY_WORDS: frozenset[str] = frozenset({"unaware", "deny", "absence", "lack", "without", "rule"})

#: Verbs that only locate or confirm the event they govern ("the attack did not happen").
EVENT_PREDICATES: frozenset[str] = frozenset({"happen", "occur", "take", "come", "succeed", "fail", "go"})

#: Adverbs and adjectives that mark background rather than news of the day.
HISTORICAL_WORDS: frozenset[str] = frozenset(
    {
        "previously",
        "formerly",
        "earlier",
        "once",
        "ago",
        "historically",
        "decades",
        "former",
        "past",
    }
)

#: An event dated this many days or more before its document is background (historical):
#: a year keeps last spring's events as context without calling last month's history.
HISTORICAL_DAYS = 365

_QUOTES = '"“”«»'


#: Relations through which a governing word shapes the event below it ("planning
#: attacks", "tried to kill", "the plan to overthrow", "the attempted assassination
#: failed").  An adjunct ("before his assassination") is not governed that way.
GOVERNING_DEPS: frozenset[str] = frozenset(
    {
        "xcomp",
        "dobj",
        "nsubjpass",
        "nsubj",
        "acl",
        "pcomp",
        "compound",
        "conj",
        "attr",
        "oprd",
    }
)

#: Prepositions whose object is still the content of the governing word ("plans for
#: attacks", "an attempt at a coup", "a threat of violence").
GOVERNING_PREPS: frozenset[str] = frozenset({"for", "of", "to", "at", "on"})


#: Verbs that only carry out the act they govern ("planning to *launch* attacks", "vowed to
#: *carry out* strikes"): a plan or a try above them still reaches the act. Any other verb
#: in between is an act of its own ("vowed to *avenge* the attack": the avenging is
#: planned, the attack happened), and the chain stops there.
LIGHT_VERBS: frozenset[str] = frozenset({
    "launch", "carry", "conduct", "stage", "mount", "make", "commit", "perpetrate", "undertake",
    "begin", "start", "continue", "resume", "hold", "take", "do", "go", "be", "have", "get",
})


#: Verbs whose act *is* the act they name, for acts done by being announced: to announce or
#: hand in a resignation is to resign, to declare a ceasefire is to cease fire. A plan to
#: announce it ("preparing to announce his resignation", "expected to declare a truce") is a
#: plan of that act, so the chain of governors goes on through them.
ANNOUNCING_VERBS: frozenset[str] = frozenset({
    "announce", "declare", "tender", "submit", "unveil", "proclaim", "hand", "sign",
})

_CARRIERS = LIGHT_VERBS | PLAN_WORDS | ATTEMPT_WORDS | PREVENT_WORDS | ANNOUNCING_VERBS | REFUSE_WORDS

#: Support verbs of an event noun they take as direct object: to impose sanctions is to
#: sanction, to provide aid is to aid, to reach a deal is to agree ("urged the government to
#: *impose* sanctions": the sanctions are asked for).  Only for their own object: through
#: another noun ("issue a statement on the attack") the act is not theirs.
SUPPORT_VERBS: frozenset[str] = frozenset({
    "impose", "levy", "provide", "give", "grant", "deliver", "extend", "reach", "seal", "clinch",
    "open", "file", "lodge", "issue", "wage", "enter", "sign",
})


def _governors(trigger: Token, limit: int = 3) -> list[Token]:
    out = []
    t = trigger
    for _ in range(limit):
        supported = (len(out) == 1 and trigger.dep_ == "dobj" and trigger.pos_ == "NOUN"
                     and t.lemma_.lower() in SUPPORT_VERBS)
        if out and t.pos_ == "VERB" and t.lemma_.lower() not in _CARRIERS and not supported:
            break  # another act in between: what governs it is not about the trigger's act
        if t.head.i == t.i:
            break
        if t.dep_ in ("pobj", "pcomp"):
            prep = t.head
            if prep.head.i == prep.i:
                break
            # "protect him from being assassinated": "from" links prevention to its event.
            if not (
                prep.lower_ in GOVERNING_PREPS
                or (prep.lower_ == "from" and prep.head.lemma_ in PREVENT_WORDS)
            ):
                break
            t = prep.head
        elif t.dep_ in GOVERNING_DEPS:
            t = t.head
        else:
            break
        out.append(t)
    return out


def _answered(trigger: Token) -> bool:
    """The trigger is what an answer answers: "avenge the raid", "retaliate for the strike",
    "in response to the attack" (not "after the attack": what comes after a future act is
    future too; nor "respond to any attack", which answers none yet)."""
    if any(c.dep_ == "det" and c.lower_ in ("any", "every") for c in trigger.children):
        return False
    if trigger.dep_ == "dobj":
        return trigger.head.lemma_.lower() in ANSWER_VERBS
    if trigger.dep_ != "pobj" or trigger.head.lower_ not in ("for", "to", "against"):
        return False
    holder = trigger.head.head.lemma_.lower()
    return holder in ANSWER_NOUNS or holder in ANSWER_VERBS


def _managed(able: Token) -> bool:
    """"was able to" / "were able to": the act was done (an implicative past)."""
    return any(c.dep_ in ("cop", "aux") and c.tag_ == "VBD" for c in able.children) or (
        able.head.i != able.i and able.dep_ == "acomp" and able.head.tag_ == "VBD")


def _told_as_past(trigger: Token) -> bool:
    """Whether the clause the trigger sits in is told in a past tense (not under a modal)."""
    head = _clause_head(trigger)
    if head.i == trigger.i and trigger.pos_ not in ("VERB", "AUX"):
        return False
    modal = any(c.dep_ in ("aux", "auxpass") and c.tag_ == "MD" for c in head.children)
    return not modal and (head.tag_ == "VBD" or head.tag_ == "VBN"
                          or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in head.children))


def _clause_head(trigger: Token) -> Token:
    """The verb whose clause the trigger is an argument of (itself for verbs)."""
    if trigger.pos_ in ("VERB", "AUX"):
        return trigger
    t = trigger
    for _ in range(4):
        if t.head.i == t.i:
            break
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return trigger


def _quoted(trigger: Token) -> tuple[int, int] | None:
    sent = trigger.sent
    text = sent.text
    rel = trigger.idx - sent.start_char
    opens = [i for i, ch in enumerate(text[:rel]) if ch in _QUOTES]
    closes = [i for i, ch in enumerate(text[rel:]) if ch in _QUOTES]
    if len(opens) % 2 == 1 and closes:
        return sent.start_char + opens[-1] + 1, sent.start_char + rel + closes[0]
    return None


_NOBODY = frozenset({"nobody", "none", "nothing", "noone"})


def _raised_from_nothing(trigger: Token) -> str | None:
    """The negative word when the act is the complement of a verb whose subject is no one or
    nothing: "No major battles have been reported fought", "nobody was reported hurt" — the
    act is reported as not having happened."""
    if trigger.dep_ != "xcomp" or trigger.pos_ != "VERB":
        return None
    for s in trigger.head.children:
        if s.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if s.lower_ in _NOBODY:
            return s.text
        det = next((c for c in s.children if c.dep_ == "det" and c.lower_ == "no"), None)
        if det is not None:
            return det.text
    return None


def flags_for(trigger: Token, date: EventDate | None, published: str | None) -> EventFlags:
    """The flags of the event whose trigger head is ``trigger``."""
    flags = EventFlags()
    cues: list[str] = []
    head = _clause_head(trigger)
    # The act a retaliation or response answers happened whatever is said of the answer
    # ("Iran will retaliate for the U.S. strike": the strike is no prospect).
    answered = _answered(trigger)
    scope = [trigger] if head.i == trigger.i or answered else [trigger, head]
    for tok in scope:
        for c in tok.children:
            lw = c.lower_
            if c.dep_ == "neg" or (c.dep_ == "det" and lw == "no"):
                # A negated carrier negates its event; a negated other verb ("not only") counts too.
                if (
                    tok.i == trigger.i
                    or tok.lemma_ in EVENT_PREDICATES
                    or trigger.dep_ in ("dobj", "nsubjpass")
                ):
                    flags.negated = True
                    cues.append(c.text)
            elif (c.dep_ in ("aux", "auxpass") and lw in MODALS) or (
                c.dep_ == "mark" and lw in ("if", "unless", "whether")
            ):
                flags.hypothetical = True
                cues.append(c.text)
            elif c.dep_ in ("amod", "compound") and lw in ATTEMPT_WORDS:
                flags.attempted = True
                cues.append(c.text)
            elif tok.i == trigger.i and c.dep_ == "amod" and lw in HYPOTHETICAL_MODIFIERS:
                flags.hypothetical = True
                cues.append(c.text)
            elif (tok.i == trigger.i and c.dep_ == "amod" and lw in ("next", "coming")
                  and not _told_as_past(trigger)):
                # "reported to the next meeting": one still to come; in a past narrative
                # ("the next attack came two days later") the one that followed.
                flags.hypothetical = True
                cues.append(c.text)
            elif tok.i == trigger.i and c.dep_ == "relcl" and _modal_holder(c):
                # "the talks the rival bourse may hold": the event is what a modal act holds.
                flags.hypothetical = True
                modal = next(a.text for a in c.children if a.dep_ == "aux" and a.lower_ in MODALS)
                cues.append(f"{modal} {c.text}")
            elif c.dep_ in ("advmod", "npadvmod") and lw in HISTORICAL_WORDS:
                flags.historical = True
                cues.append(c.text)
        # (A verb that plans or attempts the act counts only through ``_governors``, where it
        # governs it: "police called for calm after the attack" plans no attack.)
    # "going to attack", "be to" futures.
    for c in trigger.children:
        if (
            c.dep_ == "aux"
            and c.lower_ == "to"
            and trigger.head.lemma_ == "go"
            and trigger.head.tag_ == "VBG"
        ):
            flags.hypothetical = True
            cues.append("going to")
    prospect = _infinitival_relative(trigger) or _future_time_clause(trigger) or _mandated(trigger)
    if prospect:
        flags.hypothetical = True
        cues.append(prospect)
    for g in ([] if answered else _governors(trigger)):
        lemma = g.lemma_.lower()
        if lemma in PREVENT_WORDS:
            flags.hypothetical = True
            cues.append(g.text)
        elif lemma in REFUSE_WORDS and g.pos_ == "VERB":
            flags.negated = True
            cues.append(g.text)
        elif lemma in ATTEMPT_WORDS:
            flags.attempted = True
            cues.append(g.text)
        elif lemma in PLAN_WORDS and not (lemma == "able" and _managed(g)):
            flags.hypothetical = True
            cues.append(g.text)
        for c in g.children:
            if c.dep_ in ("aux",) and c.lower_ in MODALS and g.pos_ in ("VERB", "AUX"):
                flags.hypothetical = True
                cues.append(c.text)
            if c.dep_ == "neg" and g.pos_ in ("VERB", "AUX") and lemma in EVENT_PREDICATES:
                flags.negated = True
                cues.append(c.text)
    nothing = _raised_from_nothing(trigger)
    if nothing is not None:
        flags.negated = True
        cues.append(nothing)
    absent = _said_absent(trigger)
    if absent is not None:
        flags.negated = True
        cues.append(absent)
    denial = _denied_by(trigger)
    if denial is not None:
        flags.negated = True
        cues.append(denial)
    if date is not None and published:
        try:
            gap = (_iso(published) - _iso(date.end)).days
        except ValueError:
            gap = 0
        if gap >= HISTORICAL_DAYS:
            flags.historical = True
            cues.append(date.evidence.text)
        elif (date.rule == "date_in_clause" and date.precision in ("day", "week", "month")
              and (trigger.pos_ == "VERB" or trigger.dep_ in ("nsubj", "nsubjpass"))
              and not flags.hypothetical and not flags.negated
              and _after(date.start, published) and not _told_as_past(trigger)):
            # The time normaliser reads the tense ("is meeting on Thursday" is the next
            # Thursday, "met on Thursday" the last): an act its own clause dates after the
            # article's day has not happened when the article tells it — unless the clause
            # is told in the past ("came two days later": later than the story's day). Only
            # the act of the clause (its verb, or the noun it is about: "talks resume next
            # week"), not a noun inside it ("lift the sanctions by June": the sanctions
            # stand), and not a year ("a budget for 1988" names a fiscal year).
            flags.hypothetical = True
            cues.append(f"future: {date.evidence.text}")
    # Reported speech: the trigger sits in the complement of a speech verb, or in quotes.
    t = trigger
    for _ in range(8):
        if t.head.i == t.i:
            break
        if t.dep_ in ("ccomp", "parataxis", "xcomp") and t.head.lemma_ in SPEECH_VERBS:
            sp = t.head
            clause = list(t.subtree)
            flags.reported_via = Span(
                clause[0].idx,
                clause[-1].idx + len(clause[-1].text),
                doc_text(trigger.doc)[clause[0].idx : clause[-1].idx + len(clause[-1].text)],
            )
            for c in sp.children:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    st = c.left_edge.idx
                    en = c.idx + len(c.text)
                    flags.speaker = Span(st, en, doc_text(trigger.doc)[st:en])
            cues.append(sp.text)
            break
        t = t.head
    if flags.reported_via is None:
        q = _quoted(trigger)
        if q:
            flags.reported_via = Span(q[0], q[1], doc_text(trigger.doc)[q[0] : q[1]])
    flags.cues = cues
    flags.generic = " ".join(generic_cues(trigger)) or None
    return flags


#: Words that make an infinitival relative tell of an act that happened ("the first woman
#: to win", "the last man to see him", "the only team to score").
_RANKING = frozenset({"first", "last", "only", "second", "third", "latest", "next"})


def _infinitival_relative(trigger: Token) -> str | None:
    """"foxes to be shot", "the prisoners to be freed": an infinitive relative clause on a
    noun tells of an act to come (a cue ``INTENT_CUES`` reads as intended), unless a ranking
    word makes it one that happened ("the first woman to win")."""
    if trigger.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        return None
    doc = trigger.doc
    passive = any(c.dep_ == "auxpass" for c in trigger.children)
    if trigger.dep_ in ("acl", "relcl") and trigger.head.pos_ == "NOUN":
        noun = trigger.head
    elif (passive and trigger.dep_ in ("xcomp", "advcl") and trigger.i >= 3
          and doc[trigger.i - 2].lower_ == "to" and doc[trigger.i - 3].pos_ == "NOUN"):
        # The parser often hangs "the villages to be bombed" on the clause's verb: the
        # word order says the infinitive completes the noun.
        noun = doc[trigger.i - 3]
    else:
        return None
    if any(c.lower_ in _RANKING or c.tag_ == "JJS" for c in noun.children):
        return None
    return f"prospective: {noun.text} to {'be ' if passive else ''}{trigger.text}"


#: Conjunctions of a time clause: in English its verb stays in the present when the time
#: is to come ("will speak when he *delivers* the Budget").
_TIME_MARKS = frozenset({"when", "once", "after", "before", "until", "till", "whenever"})
#: Auxiliaries of the future.
_FUTURE_AUX = frozenset({"will", "shall", "'ll"})


def _future_time_clause(trigger: Token) -> str | None:
    """"Brown will seek … when he delivers his Budget": a present-tense time clause under a
    clause in the future tells of an act to come (a cue ``INTENT_CUES`` reads as intended)."""
    if trigger.pos_ != "VERB" or trigger.dep_ != "advcl" or trigger.tag_ not in ("VBZ", "VBP"):
        return None
    # The parser marks "when" as an adverb of the clause, "once" or "until" as its marker.
    mark = next((c for c in trigger.children
                 if c.dep_ in ("mark", "advmod") and c.lower_ in _TIME_MARKS and c.i < trigger.i), None)
    if mark is None:
        return None
    head = trigger.head
    for _ in range(3):  # "will seek to put … when he delivers": the future may be a level up
        if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in head.children):
            return f"future: {head.text} {mark.text} {trigger.text}"
        if head.dep_ != "xcomp" or head.head.i == head.i:
            break
        head = head.head
    return None


#: Verbs that take a mandative "that" clause besides ``PLAN_WORDS`` ("insisted that he
#: resign", "recommended that the firm be fined").
MANDATIVE_VERBS: frozenset[str] = frozenset({
    "insist", "recommend", "suggest", "require", "stipulate", "move", "advise", "command",
})


def _mandated(trigger: Token) -> str | None:
    """"Japan demanded that Russia withdraw", "urged that he be released": a "that" clause
    in the subjunctive (a bare verb with a subject, or "be" and a participle) under a verb of
    asking, deciding or proposing tells of an act asked for, not done (the cue is the
    governing verb, which ``resolve.events.occurrence`` reads as a request or a plan)."""
    if trigger.pos_ != "VERB" or trigger.dep_ != "ccomp":
        return None
    head = trigger.head
    if head.lemma_.lower() not in PLAN_WORDS | MANDATIVE_VERBS:
        return None
    auxes = [c for c in trigger.children if c.dep_ in ("aux", "auxpass")]
    bare = trigger.tag_ == "VB" and not auxes
    passive = trigger.tag_ == "VBN" and len(auxes) == 1 and auxes[0].lower_ == "be"
    subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children)
    return head.text if subject and (bare or passive) else None


def _modal_holder(clause: Token) -> bool:
    """A relative clause on the event whose verb is modal and whose event is its unspoken
    object: its subject is another noun ("the bourse may hold"), not the relative pronoun,
    and it has no object of its own but the relative pronoun ("that the bourse may hold")."""
    if not any(a.dep_ == "aux" and a.lower_ in MODALS for a in clause.children):
        return False
    subjects = [a for a in clause.children if a.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or any(a.lower_ in RELATIVE_PRONOUNS for a in subjects):
        return False
    if any(a.dep_ == "aux" and a.lemma_ == "have" for a in clause.children):
        return False  # "the attack the rebels may have launched": a guess about the past
    return not any(a.dep_ == "dobj" and a.lower_ not in RELATIVE_PRONOUNS for a in clause.children)


#: Nouns of evidence that, with "no", say the text has no report of the act ("no reports of
#: heavy fighting", "no sign of an attack"): nothing is told to have happened.
EVIDENCE_NOUNS = frozenset({"report", "sign", "evidence", "word", "indication", "trace", "record"})
#: Verbs that hold a predicate noun the way the copula does ("does not appear to be an attack").
_RAISING = frozenset({"appear", "seem", "prove", "look"})


def _said_absent(trigger: Token) -> str | None:
    """The words that say the act is not there, for a noun the text says something is *not*
    ("this is not an attack", "does not appear to be a major offensive") or has no report of
    ("there have been no reports of fighting"); None otherwise.  "Not the first attack"
    tells an attack, so a ranking word keeps it."""
    if trigger.pos_ != "NOUN":
        return None
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "of":
        holder = trigger.head.head
        if holder.lemma_.lower() in EVIDENCE_NOUNS and any(
                c.dep_ == "det" and c.lower_ == "no" for c in holder.children):
            return f"no {holder.text}"
        return None
    if trigger.dep_ != "attr" or trigger.head.lemma_ != "be":
        return None
    if any(c.dep_ == "amod" and c.lower_ in _RANKING for c in trigger.children):
        return None
    copula = trigger.head
    carriers = [copula]
    if copula.dep_ == "xcomp" and copula.head.lemma_ in _RAISING:
        carriers.append(copula.head)
    for v in carriers:
        neg = next((c for c in v.children if c.dep_ == "neg"), None)
        if neg is not None:
            return f"{neg.text} {v.text}"
    return None


#: Adjectives that say what the "that" clause after "it is …" tells is not so.
NOT_SO_WORDS: frozenset[str] = frozenset({
    "inconceivable", "untrue", "false", "unthinkable", "impossible", "absurd", "ridiculous",
    "baseless", "groundless", "unfounded", "nonsense",
})


def _denied_by(trigger: Token) -> str | None:
    """The word that denies the event ("denied", "rejected reports", "unaware of any"),
    or None: the event sits in the clause a denial governs, or is "any" act under a word
    saying there was none."""
    if any(c.dep_ == "det" and c.lower_ == "any" for c in trigger.children):
        t = trigger
        for _ in range(3):
            if t.head.i == t.i:
                break
            t = t.head
            if t.lemma_.lower() in NO_ANY_WORDS:
                return t.text
    t = trigger
    for _ in range(5):
        if t.head.i == t.i:
            return None
        dep, head = t.dep_, t.head
        lemma = head.lemma_.lower()
        if dep in ("ccomp", "xcomp", "dobj", "pcomp") and lemma in DENY_WORDS:
            return head.text  # "denied that troops attacked", "denied carrying out the attack"
        if dep == "ccomp" and lemma == "be" and (
                verdict := next((c for c in head.children if c.dep_ == "acomp"
                                 and c.lemma_.lower() in NOT_SO_WORDS), None)) is not None:
            return verdict.text  # "it is inconceivable that they injure", "it is untrue that"
        if (dep in ("acl", "ccomp", "relcl", "pobj", "prep") and head.lemma_.lower() in REPORT_NOUNS
                and head.dep_ in ("dobj", "nsubjpass") and head.head.lemma_.lower() in DISMISS_WORDS):
            return head.head.text  # "rejected reports that she had pulled out"
        if dep not in ("ccomp", "xcomp", "dobj", "pcomp", "pobj", "prep", "acl", "conj", "aux"):
            return None
        t = head
    return None


def _after(start: str, published: str) -> bool:
    """Whether a date's first day comes after the publication day."""
    try:
        return _iso(start) > _iso(published)
    except ValueError:
        return False


def _iso(value: str) -> Any:
    import datetime as dt

    parts = [int(p) for p in value[:10].split("-")]
    while len(parts) < 3:
        parts.append(1)
    return dt.date(*parts)
