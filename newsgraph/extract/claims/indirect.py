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
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsgraph.extract.claims.cues import CHANNEL_NOUNS, OBJECT_CONTENT_VERBS, REPORTING_VERBS

__all__ = ["Attribution", "find_attributions"]

_SUBJ = ("nsubj", "nsubjpass", "csubj")
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


def _trim(tokens: list[Any]) -> tuple[int, int] | None:
    """Character span of a token list with edge punctuation and conjunctions dropped."""
    toks = sorted(tokens, key=lambda t: t.i)
    while toks and (toks[0].is_punct or toks[0].text in _PUNCT_EDGE or toks[0].dep_ == "cc"):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].text in _PUNCT_EDGE or toks[-1].dep_ == "cc"):
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
    return None


def _span_of(tok: Any) -> tuple[int, int] | None:
    return _trim(list(tok.subtree))


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
            subj = _subject(tok)
            speaker = (
                _span_of(subj)
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
                ),
                None,
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
            ):
                own = {t.i for t in tok.subtree}
                rest = [t for t in tok.head.subtree if t.i not in own]
                content, rule = _trim(_contiguous(rest)), "inverted"
            else:
                dobj = next((c for c in tok.children if c.dep_ == "dobj"), None)
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
