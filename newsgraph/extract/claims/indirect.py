"""Reported speech from the dependency parse: cue verb → speaker (subject) and content (complement).

Owns ``find_attributions(doc) -> list[Attribution]``: every cue in a spaCy ``Doc``
with its speaker, content and channel, before quotes, speaker resolution and
certainty are applied by ``extract``. Patterns:

- "X said (that) …", "X claims …", "X believes …": the cue's clausal complement;
- "…, X said." / "…, said X.": the cue hangs off the content's verb (parataxis or
  ccomp upwards) and the content is the rest of that clause;
- "X accused Y of …", "X denied the report": the object (with its "of" phrase);
- "X added." after a quotation: no complement; ``extract`` pairs it with the quote;
- "according to X, …": the speaker is X, the content the rest of the clause;
- "X told the BBC (that) …": the object of "tell" is the channel when it is an
  organisation or a press noun (``CHANNEL_NOUNS``).

What is *not* an attribution (these are events for ``extract/events``, or goals):
- an intention verb ("planned to have X lead", "wants to run") and any cue under
  one ("aimed at revealing …", "plans to announce …") — ``INTENTION_VERBS``;
- a request with an infinitive ("asked him to serve", "urged them to leave") —
  ``REQUEST_VERBS`` report speech only with a clause ("urged that …");
- a denial verb whose object is a thing rather than a proposition ("rejected an
  offer" is a REJECT event; "denied the allegations" is a denied claim) —
  ``PROPOSITION_NOUNS``;
- a cue verb embedded in another cue's content with its own object ("The source
  said X may have ordered his death": "ordered" is not an inverted "…, X said").

Speaker spans drop temporal adjuncts the parser glued to the subject ("South
Korea's intelligence service on Friday" → "South Korea's intelligence service").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsgraph.extract.claims.cues import (
    CHANNEL_NOUNS,
    DENIAL_VERBS,
    INTENTION_VERBS,
    OBJECT_CONTENT_VERBS,
    PROPOSITION_NOUNS,
    REPORTING_VERBS,
    REQUEST_VERBS,
    TEXT_NOUNS,
)
from newsgraph.extract.claims.polarity import governor_of

__all__ = ["Attribution", "find_attributions"]

_SUBJ = ("nsubj", "nsubjpass", "csubj")
_TIME_ENTS = ("DATE", "TIME")
#: Marks that set a parenthetical attribution off from its content ("…, X said").
_PAREN_MARKS = set(",;:—–-(\"“”'‘’")
#: How far up the tree (through non-finite complements) a cue looks for an intention verb.
_INTENTION_DEPTH = 4
_PUNCT_EDGE = set(",;:—–-\"“”'‘’()")


@dataclass(slots=True)
class Attribution:
    """A cue with the spans the parse gives it (character offsets; None when absent)."""

    cue: tuple[int, int]
    cue_lemma: str
    speaker: tuple[int, int] | None
    speaker_head: Any  # spaCy Token of the speaker's head, or None
    content: tuple[int, int] | None
    channel: tuple[int, int] | None
    rule: str
    sentence: tuple[int, int]


_BRACKETS = {")": "(", "]": "["}


def _closes_inside(toks: list[Any]) -> bool:
    """The last token closes a bracket opened inside the span."""
    opener = _BRACKETS.get(toks[-1].text)
    if opener is None:
        return False
    inner = [t.text for t in toks[:-1]]
    return inner.count(opener) > inner.count(toks[-1].text)


def _trim(tokens: list[Any]) -> tuple[int, int] | None:
    """Character span of a token list with edge punctuation and conjunctions dropped."""
    toks = sorted(tokens, key=lambda t: t.i)
    while toks and (toks[0].is_punct or toks[0].text in _PUNCT_EDGE or toks[0].dep_ == "cc"):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].text in _PUNCT_EDGE or toks[-1].dep_ == "cc"):
        if _closes_inside(toks):
            break  # "The National Intelligence Service (NIS)": the bracket is the name's
        toks = toks[:-1]
    if not toks:
        return None
    # Keep a closing mark or full stop inside the content only if its opener is inside too.
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _contiguous(tokens: list[Any]) -> list[Any]:
    """The tokens of the longest gap-free run (a subtree minus a nested part can split)."""
    toks = sorted(tokens, key=lambda t: t.i)
    best: list[Any] = []
    run: list[Any] = []
    for t in toks:
        if run and t.i != run[-1].i + 1:
            if len(run) > len(best):
                best = run
            run = []
        run.append(t)
    return run if len(run) > len(best) else best


def _subject(verb: Any) -> Any:
    for c in verb.children:
        if c.dep_ in _SUBJ:
            return c
    # "X, who said …" / conjoined verbs share the subject: "X arrived and said …"
    if verb.dep_ == "conj":
        return _subject(verb.head)
    if verb.dep_ == "relcl":
        return verb.head
    # "X declined to confirm …", "X has yet to say …": X is who did not say it
    if governor_of(verb) is not None:
        return _subject(verb.head)
    # A participial adjunct shares its clause's subject: "he turned it down, claiming …"
    if verb.dep_ in ("advcl", "xcomp") and verb.tag_ in ("VBG", "VBN") and verb.head.i != verb.i:
        return _subject(verb.head)
    # A participle on a noun: "a man claiming …" → the man; "X published a statement
    # demanding …" → X, who speaks through the statement.
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        noun = verb.head
        if noun.lemma_.lower() in TEXT_NOUNS and noun.dep_ == "dobj":
            return _subject(noun.head) or noun
        return noun
    return None


def _span_of(tok: Any) -> tuple[int, int] | None:
    return _trim(list(tok.subtree))


def _is_time(tok: Any) -> bool:
    """A temporal adjunct: "on Friday", or a bare DATE/TIME noun phrase ("Tuesday")."""
    if tok.dep_ == "prep":
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        return pobj is not None and pobj.ent_type_ in _TIME_ENTS
    return tok.ent_type_ in _TIME_ENTS and tok.dep_ in ("npadvmod", "tmod")


def _speaker_span(subj: Any) -> tuple[int, int] | None:
    """The subject's phrase without what the parser glued to it from outside.

    Drops temporal adjuncts attached to the head after it ("South Korea's
    intelligence service on Friday"; not "a report published Friday", whose date
    belongs to the participle, nor ages "Kim, 35") and anything on another line
    (a timestamp or heading before a line break).
    """
    drop: set[int] = set()
    for c in subj.children:
        if c.i > subj.i and _is_time(c):
            drop.update(x.i for x in c.subtree)
    toks = [t for t in subj.subtree if t.i not in drop]
    # A speaker does not cross a line break: keep the line that holds the head, unless
    # that line is only a time stamp ("7:10 p.m.") the parser made the head of the next.
    lines: list[list[Any]] = [[]]
    for t in toks:
        if t.is_space and "\n" in t.text:
            lines.append([])
        else:
            lines[-1].append(t)
    lines = [ln for ln in lines if ln]
    if len(lines) > 1:
        own = next((ln for ln in lines if subj in ln), lines[-1])
        if all(t.ent_type_ in _TIME_ENTS or t.is_punct for t in own):
            own = max((ln for ln in lines if ln is not own), key=len)
        toks = own
    return _trim(_contiguous(toks))


def _under_intention(tok: Any) -> bool:
    """A cue inside a goal: "aimed at revealing …", "plans to announce …", "in order to say …"."""
    t = tok
    for _ in range(_INTENTION_DEPTH):
        if t.dep_ not in ("xcomp", "pcomp", "prep", "advcl", "acl") or t.head.i == t.i:
            return False
        if t.dep_ == "advcl" and any(c.dep_ in _SUBJ for c in t.children):
            return False
        t = t.head
        if t.lemma_.lower() in INTENTION_VERBS:
            return True
    return False


def _is_proposition(obj: Any) -> bool:
    """An object that is a statement or a fact rather than a thing ("the allegations that …")."""
    if obj.lemma_.lower() in PROPOSITION_NOUNS:
        return True
    # a noun with a complement clause: "the suggestion that …", "reports that …"
    return any(
        c.dep_ in ("acl", "ccomp", "relcl")
        and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        for c in obj.children
    )


def _unsaid_infinitive(tok: Any) -> bool:
    """A "to"-infinitive cue with a thing for object and no subject of its own nor a verb above.

    "increasing the group's ability … not to reveal his role" reports no statement
    (only a clause complement, "… to say that …", keeps such a cue).
    """
    if tok.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    if any(c.dep_ in (*_SUBJ, "ccomp") for c in tok.children):
        return False
    return tok.dep_ not in ("xcomp",) or tok.head.pos_ not in ("VERB", "AUX")


def _reduced_relative_subject(tok: Any) -> Any:
    """A subject the parser misread as a clause: "people linked to the group said …".

    With no subject of its own, a cue right after a participle clause ("people
    linked to the group") that has a subject and nothing else of a clause (no
    object, no complement) takes that phrase as its speaker; returns the participle.
    """
    for c in tok.children:
        if c.dep_ != "ccomp" or c.i > tok.i or c.tag_ not in ("VBN", "VBD"):
            continue
        if not any(g.dep_ in _SUBJ for g in c.children):
            continue
        if any(g.dep_ in ("dobj", "ccomp", "xcomp", "attr", "aux", "auxpass") for g in c.children):
            continue
        last = max(t.i for t in c.subtree)
        if last == tok.i - 1 or (last == tok.i - 2 and tok.doc[tok.i - 1].is_punct):
            return c
    return None


def _parenthetical(tok: Any) -> bool:
    """Whether a cue's own clause reads as an inserted attribution ("…, X said (on Monday).").

    It takes no object or complement of its own, and it is set off from the rest
    of the sentence by a mark (comma, dash, quote) or begins the sentence.
    """
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd") for c in tok.children):
        return False
    left = min(tok.subtree, key=lambda t: t.i)
    if left.i == left.sent.start:
        return True
    return tok.doc[left.i - 1].text in _PAREN_MARKS or left.text in _PAREN_MARKS


def _is_channel(tok: Any) -> bool:
    return (
        tok.ent_type_ in ("ORG", "PERSON") and tok.ent_type_ == "ORG"
    ) or tok.lemma_.lower() in CHANNEL_NOUNS


def find_attributions(doc: Any) -> list[Attribution]:
    """All cues of a parsed ``Doc`` with their speaker, content and channel spans."""
    out: list[Attribution] = []
    for sent in doc.sents:
        sspan = (sent.start_char, sent.end_char)
        for tok in sent:
            lemma = tok.lemma_.lower()
            # according to X
            if (
                lemma == "accord"
                and tok.text.lower() == "according"
                and tok.i + 1 < len(doc)
                and doc[tok.i + 1].lower_ == "to"
            ):
                to = doc[tok.i + 1]
                pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
                if pobj is None:
                    continue
                phrase = {t.i for t in tok.subtree} | {t.i for t in to.subtree}
                rest = [t for t in sent if t.i not in phrase]
                content = _trim(_contiguous(rest))
                out.append(
                    Attribution(
                        (tok.idx, to.idx + len(to.text)),
                        "according to",
                        _span_of(pobj),
                        pobj,
                        content,
                        None,
                        "according-to",
                        sspan,
                    )
                )
                continue
            if lemma not in REPORTING_VERBS or tok.pos_ not in ("VERB", "AUX"):
                continue
            if lemma == "point" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children):
                continue
            if _under_intention(tok):
                continue  # a goal, not a statement: "aimed at revealing …"
            if lemma in REQUEST_VERBS and any(c.dep_ == "xcomp" for c in tok.children):
                continue  # an act of asking: "asked him to serve"
            if _unsaid_infinitive(tok):
                continue  # "the ability … not to reveal his role": nothing was said
            subj = _subject(tok)
            reduced = _reduced_relative_subject(tok) if subj is None else None
            if reduced is not None:
                subj = next(c for c in reduced.children if c.dep_ in _SUBJ)
            speaker = (
                _speaker_span(subj)
                if subj is not None and subj.dep_ in _SUBJ
                else (
                    _trim(
                        [subj] + [t for t in subj.subtree if t.i < subj.i or t.dep_ in ("compound", "amod")]
                    )
                    if subj is not None
                    else None
                )
            )
            channel = None
            for c in tok.children:
                if (
                    c.dep_ in ("dobj", "dative", "iobj")
                    and lemma in ("tell", "brief", "inform")
                    and _is_channel(c)
                ):
                    channel = _span_of(c)
                if c.dep_ == "prep" and c.lower_ in ("to", "in", "with", "on"):
                    pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if pobj is not None and _is_channel(pobj) and lemma in ("say", "tell", "add", "write"):
                        channel = _span_of(pobj)
            comp = next(
                (
                    c
                    for c in tok.children
                    if c.dep_ in ("ccomp", "xcomp")
                    and not (c.dep_ == "xcomp" and lemma in ("say", "tell", "add"))
                    and (reduced is None or c.i != reduced.i)
                ),
                None,
            )
            if reduced is not None:
                speaker = _trim(
                    [t for t in reduced.subtree if t.i >= min(x.i for x in subj.subtree) and not t.is_space]
                )
            content = None
            rule = ""
            if comp is not None:
                toks = list(comp.subtree)
                # "that" marks the clause and is part of the content in PolNeAR
                content, rule = _trim(toks), "complement"
            elif (
                tok.dep_ in ("parataxis", "ccomp", "advcl")
                and tok.head.i != tok.i
                and tok.head.pos_ in ("VERB", "AUX", "NOUN", "ADJ", "PROPN")
                and _parenthetical(tok)
            ):
                own = {t.i for t in tok.subtree}
                rest = [t for t in tok.head.subtree if t.i not in own]
                content, rule = _trim(_contiguous(rest)), "inverted"
            else:
                dobj = next((c for c in tok.children if c.dep_ == "dobj"), None)
                if dobj is not None and lemma in DENIAL_VERBS and not _is_proposition(dobj):
                    continue  # "rejected an offer": an action (REJECT event), not a denied claim
                if dobj is not None and (lemma in OBJECT_CONTENT_VERBS or lemma == "accuse"):
                    toks = list(dobj.subtree)
                    for c in tok.children:
                        if c.dep_ == "prep" and c.lower_ in ("of", "for", "over") and c.i > dobj.i:
                            toks.extend(c.subtree)
                    content, rule = _trim(_contiguous(toks)), "object"
                elif lemma == "accuse":
                    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                    if of is not None:
                        content, rule = _trim(list(of.subtree)), "object"
            if not rule:
                rule = "bare-cue"  # "he added." — paired with a neighbouring quote by extract
            if (
                content is not None
                and speaker is not None
                and not (content[1] <= speaker[0] or speaker[1] <= content[0])
            ):
                # The speaker must not sit inside the content ("X said" parsed as its own clause)
                continue
            out.append(
                Attribution(
                    (tok.idx, tok.idx + len(tok.text)), lemma, speaker, subj, content, channel, rule, sspan
                )
            )
    return out
