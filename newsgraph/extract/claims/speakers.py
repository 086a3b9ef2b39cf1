"""Speakers: what kind of source a speaker span is, and whom a pronoun or role stands for.

Owns ``classify_speaker``, ``resolve_speaker`` and ``resolve_speaker_why``.

- ``pronoun`` ("he", "she", "they"): the most salient earlier mention of a fitting
  type in this paragraph or the one before — salience in the manner of Lappin &
  Leass (1994): a subject of the main clause outweighs an object, which outweighs a
  name inside a prepositional phrase, and weight halves with each sentence back, so
  "Dostan, who leads X, said … the murder of Lind. He said …" gives Dostan, not Lind. An
  earlier "he"/"she" in subject position is a candidate too and is resolved in turn
  (a chain "Park said … He added … He said"). "he"/"she" only ever stand for a
  PERSON (never an ORG or a GPE), and never for a person the document marks as of
  the other gender; "she" needs a person the document marks as female (a title
  "Ms"/"Mrs", a noun "wife", "spokeswoman", or "her" bound to the name in its own
  sentence) — we have no first-name lexicon, and a machine-translated "She noted"
  standing for a newspaper must stay unresolved rather than name a man.
  (No offline coreference model exists for spaCy 3.8, see DEPENDENCIES.md.)
- ``role`` ("the expert", "the ministry"): the nearest earlier named mention that
  an apposition or copula describes with the same head noun ("Varga, a Tarnovian
  expert at …"; "Lind, who is an expert…"), else the nearest earlier ORG whose name
  contains the noun ("the ministry" → "the Ministry of Transport").
- ``anonymous`` ("a source", "sources", "an official") and ``collective``
  ("residents", "people linked to the group") are kept as they are: no name.
"""

from __future__ import annotations

import bisect
from typing import Any

from newsgraph.extract.claims.cues import (
    ANONYMOUS_NOUNS,
    COLLECTIVE_NOUNS,
    FEMALE_HONORIFICS,
    FEMALE_NOUNS,
    MALE_HONORIFICS,
    MALE_NOUNS,
    SPEAKER_PRONOUNS,
)
from newsgraph.model.claims import ClaimSpan
from newsgraph.nlp.doc_views import doc_ents, doc_text, ent_at

__all__ = ["classify_speaker", "resolve_speaker", "resolve_speaker_why"]

#: How many paragraphs back a pronoun may look for its person: the current one and
#: the one before cover "Lind said … ¶ He added …" without reaching unrelated names.
PRONOUN_PARAGRAPHS_BACK = 2
#: ... and never more characters back than this: a "paragraph" of a text without line
#: breaks can be the whole document, and scanning it for every pronoun is quadratic.
#: Two real news paragraphs are far shorter.
PRONOUN_MAX_CHARS_BACK = 5000

_NAMED = ("PERSON", "ORG", "GPE", "NORP", "FAC", "WORK_OF_ART")

#: Salience of a mention by its grammatical role (after Lappin & Leass 1994:
#: subject 80, direct object 50, indirect/oblique 40, other 0, scaled here).
ROLE_WEIGHT: dict[str, float] = {"main-subject": 4.0, "subject": 3.0, "object": 2.0, "other": 1.0}
#: How much salience is left per sentence back (Lappin & Leass halve it).
RECENCY_DECAY = 0.5
#: How many earlier pronouns a chain may pass through ("He said … He added …").
CHAIN_DEPTH = 3
#: Extra salience of an earlier pronoun of the same gender: a person already referred
#: to by a pronoun is the one the text is about (Centering theory, Grosz, Joshi &
#: Weinstein 1995, rule 1), so "X asked him to serve. But he turned it down" gives him.
PRONOUN_CHAIN_BONUS = 2.0

_GENDER_OF_PRONOUN = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_SUBJ = ("nsubj", "nsubjpass")


def classify_speaker(head: Any, span: tuple[int, int], doc: Any) -> str:
    """``named`` / ``pronoun`` / ``role`` / ``anonymous`` / ``collective`` for a speaker span."""
    if head is None:
        return "anonymous"
    if head.pos_ == "PRON" or head.lower_ in SPEAKER_PRONOUNS:
        return "pronoun"
    sp = doc.char_span(span[0], span[1], alignment_mode="expand")
    if (sp is not None and any(t.ent_type_ in _NAMED for t in sp if t.i <= head.i)) or head.pos_ == "PROPN":
        return "named"
    # a role with its holder's name in apposition: "the association's secretary general, Mirela Dostan"
    if any(c.dep_ == "appos" and c.ent_type_ in ("PERSON", "ORG") for c in head.children):
        return "named"
    lemma = head.lemma_.lower()
    has_det = any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that", "his", "her", "its", "their")
        for c in head.children
    ) or any(c.dep_ == "poss" for c in head.children)
    if lemma in ANONYMOUS_NOUNS and not has_det:
        return "anonymous"
    # one unnamed person: "a senior official", "an expert" (not a group, not yet named)
    if head.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("a", "an", "one") for c in head.children):
        return "anonymous"
    if head.tag_ in ("NNS", "NNPS") or lemma in ("police", "people"):
        return "collective" if lemma not in ("source", "insider") else "anonymous"
    if lemma in COLLECTIVE_NOUNS and not has_det:
        return "collective"
    return "role"


def _cached(doc: Any, key: str, make: Any) -> Any:
    """Per-document values that every claim of the document asks for, computed once
    (kept in the Doc's ``user_data``, which spaCy provides for such caches)."""
    slot = ("newsgraph.claims", key)
    if slot not in doc.user_data:
        doc.user_data[slot] = make()
    return doc.user_data[slot]


def _token_at(doc: Any, char: int) -> int:
    """Index of the first token starting at or after ``char``."""
    starts = _cached(doc, "token_starts", lambda: _token_starts(doc))
    return bisect.bisect_left(starts, char)


def _token_starts(doc: Any) -> list[int]:
    """Every token's character offset, from the parse's array (not a ``Token`` per word)."""
    from spacy.attrs import IDX

    return doc.to_array(IDX).tolist()  # type: ignore[no-any-return]


def _paragraph_start(text: str, pos: int, back: int) -> int:
    start = pos
    limit = max(0, pos - PRONOUN_MAX_CHARS_BACK)
    for _ in range(back):
        nl = text.rfind("\n", limit, start)
        if nl < 0:
            return limit
        start = nl
        while start > 0 and text[start - 1] == "\n":
            start -= 1
    return start


def _np_head(tok: Any) -> Any:
    """Climb from a name to the noun phrase it heads or names ("Varga" in "the expert, Varga")."""
    for _ in range(4):
        if tok.dep_ in ("compound", "flat", "appos", "conj") and tok.head.i != tok.i:
            tok = tok.head
        else:
            break
    return tok


def _role(tok: Any) -> str:
    head = _np_head(tok)
    if head.dep_ in _SUBJ:
        verb = head.head
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        return "main-subject" if verb.dep_ == "ROOT" else "subject"
    if head.dep_ in ("dobj", "dative", "attr"):
        return "object"
    return "other"


def _gender_of_name(ent: Any) -> str | None:
    """``"f"``/``"m"`` when the text marks this person's gender next to the name, else None."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    first = doc[ent.start]
    for t in (before, first):
        if t is not None:
            w = t.lower_.rstrip(".")
            if w in FEMALE_HONORIFICS:
                return "f"
            if w in MALE_HONORIFICS:
                return "m"
    root = ent.root
    inside = range(ent.start, ent.end)
    nouns = [c for c in root.children if c.dep_ in ("appos", "compound") and c.i not in inside]
    if root.dep_ == "appos":
        nouns.append(root.head)
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        nouns += [c for c in root.head.children if c.dep_ == "attr"]
    for n in nouns:
        lemma = n.lemma_.lower()
        if lemma in FEMALE_NOUNS:
            return "f"
        if lemma in MALE_NOUNS:
            return "m"
    # a gendered pronoun bound to the name as subject in its own sentence: "Ana said her …"
    if _np_head(root).dep_ in _SUBJ:
        for t in doc[ent.end : ent.sent.end]:
            if t.ent_type_ == "PERSON":
                break
            if t.lower_ in _GENDER_OF_PRONOUN and t.pos_ == "PRON":
                return _GENDER_OF_PRONOUN[t.lower_]
    return None


def _genders(doc: Any) -> dict[str, str]:
    """Gender marked anywhere in the document, by full name and by last word of the name."""
    out: dict[str, str] = {}
    clash: set[str] = set()
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        g = _gender_of_name(ent)
        if g is None:
            continue
        for key in {ent.text, ent[-1].text}:
            if out.get(key, g) != g:
                clash.add(key)
            out[key] = g
    for key in clash:
        del out[key]
    return out


def _gender(ent: Any, genders: dict[str, str]) -> str | None:
    return genders.get(ent.text) or genders.get(ent[-1].text)


def _resolve_pronoun(
    head: Any, speaker: tuple[int, int], doc: Any, exclude: tuple[int, int] | None, depth: int
) -> tuple[ClaimSpan | None, str]:
    word = head.lower_
    types = SPEAKER_PRONOUNS.get(word)
    if not types:
        return None, f"'{head.text}' is not a pronoun that names a speaker"
    want = _GENDER_OF_PRONOUN.get(word)
    floor = _paragraph_start(doc_text(doc), speaker[0], PRONOUN_PARAGRAPHS_BACK)
    sent_index = _cached(doc, "sent_index", lambda: {s.start: k for k, s in enumerate(doc.sents)})
    here = sent_index.get(head.sent.start, 0)
    genders = _cached(doc, "genders", lambda: _genders(doc)) if want else {}

    # An object pronoun is not its own clause's subject (binding theory, principle B):
    # in "Lind asked him to serve", "him" is not Lind.
    bound: set[int] = set()
    if head.dep_ in ("dobj", "dative", "pobj"):
        verb = head.head if head.dep_ != "pobj" else head.head.head
        bound = {t.i for c in verb.children if c.dep_ in _SUBJ for t in c.subtree}

    def usable(start: int, end: int) -> bool:
        return floor <= start and end <= speaker[0] and not (exclude and exclude[0] <= start < exclude[1])

    cands: list[tuple[float, int, Any, Any]] = []  # (score, position, entity or None, pronoun token or None)
    wrong_gender = 0
    ents = doc_ents(doc)
    ent_starts = _cached(doc, "ent_start_chars", lambda: [e.start_char for e in ents])
    # Only entities starting between the floor and the speaker can be usable.
    for j in range(bisect.bisect_left(ent_starts, floor), bisect.bisect_left(ent_starts, speaker[0])):
        ent = ents[j]
        if ent.label_ not in types or not usable(ent.start_char, ent.end_char) or ent.root.i in bound:
            continue
        if want is not None:
            g = _gender(ent, genders)
            if (g is not None and g != want) or (want == "f" and g is None):
                wrong_gender += 1
                continue
        dist = here - sent_index.get(ent.sent.start, here)
        score = ROLE_WEIGHT[_role(ent.root)] * RECENCY_DECAY**dist
        cands.append((score, ent.start_char, ent, None))
    if want is not None and depth < CHAIN_DEPTH:
        # Only tokens between the paragraph floor and the speaker can be antecedents.
        for t in doc[_token_at(doc, floor):head.i + 1]:
            if t.i == head.i or not usable(t.idx, t.idx + len(t.text)):
                continue
            if t.i in bound or t.dep_ == "poss":
                continue
            if t.pos_ == "PRON" and _GENDER_OF_PRONOUN.get(t.lower_) == want:
                dist = here - sent_index.get(t.sent.start, here)
                score = (ROLE_WEIGHT[_role(t)] + PRONOUN_CHAIN_BONUS) * RECENCY_DECAY**dist
                cands.append((score, t.idx, None, t))
    if not cands:
        if wrong_gender:
            return None, f"no earlier person marked {'female' if want == 'f' else 'male'} for '{head.text}'"
        return None, f"no earlier {'/'.join(types)} mention for '{head.text}' in the paragraph"
    # most salient; on a tie the most recent
    _, _, ent, pron = max(cands, key=lambda c: (c[0], c[1]))
    if ent is not None:
        return ClaimSpan(ent.start_char, ent.end_char, ent.text), ""
    return _resolve_pronoun(pron, (pron.idx, pron.idx + len(pron.text)), doc, exclude, depth + 1)


def resolve_speaker(
    kind: str, head: Any, speaker: tuple[int, int], doc: Any, exclude: tuple[int, int] | None = None
) -> ClaimSpan | None:
    """The named mention a pronoun or role speaker stands for, or None.

    exclude (tuple | None): a span (the claim's content) whose names are not candidates.
    """
    return resolve_speaker_why(kind, head, speaker, doc, exclude)[0]


def resolve_speaker_why(
    kind: str, head: Any, speaker: tuple[int, int], doc: Any, exclude: tuple[int, int] | None = None
) -> tuple[ClaimSpan | None, str]:
    """``(named mention, "")`` for a resolved pronoun or role speaker, else ``(None, reason)``.

    The reason is empty for kinds that are not resolved (named, anonymous, collective).
    """
    if kind not in ("pronoun", "role") or head is None:
        return None, ""
    if kind == "pronoun":
        return _resolve_pronoun(head, speaker, doc, exclude, 0)
    ref = _resolve_role(head, speaker, doc, exclude)
    return ref, "" if ref is not None else f"no earlier name described as '{head.lemma_.lower()}'"


def _resolve_role(
    head: Any, speaker: tuple[int, int], doc: Any, exclude: tuple[int, int] | None
) -> ClaimSpan | None:
    def ok(ent: Any) -> bool:
        return ent.end_char <= speaker[0] and not (exclude and exclude[0] <= ent.start_char < exclude[1])

    noun = head.lemma_.lower()
    # Appositions and copulas naming the role: "Varga, a Tarnovian expert at …"
    # (only the tokens of that lemma are visited: a scan back over the whole text for
    # every role speaker is quadratic in its length).
    positions = _cached(doc, "lemma_positions", lambda: _positions_by_lemma(doc)).get(noun, [])
    last = bisect.bisect_right(positions, _token_at(doc, speaker[0]))
    for i in reversed(positions[:last]):
        tok = doc[i]
        if tok.idx + len(tok.text) > speaker[0] or tok.i == head.i:
            continue
        anchor = tok.head if tok.dep_ == "appos" else None
        if tok.dep_ == "attr" and tok.head.lemma_ == "be":
            anchor = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if tok.dep_ in ("compound", "amod") and tok.head.dep_ == "appos":
            anchor = tok.head.head
        if anchor is None:
            continue
        ent = ent_at(anchor)
        if ent is not None and ent.label_ in ("PERSON", "ORG"):
            return ClaimSpan(ent.start_char, ent.end_char, ent.text)
    # The latest earlier person or organisation whose name holds the noun.
    for ent in reversed(_cached(doc, "named_by_lemma", lambda: _named_by_lemma(doc)).get(noun, [])):
        if ok(ent):
            return ClaimSpan(ent.start_char, ent.end_char, ent.text)
    return None


def _positions_by_lemma(doc: Any) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for t in doc:
        out.setdefault(t.lemma_.lower(), []).append(t.i)
    return out


def _named_by_lemma(doc: Any) -> dict[str, list[Any]]:
    """Person and organisation mentions by each lemma of their words, in text order."""
    out: dict[str, list[Any]] = {}
    for ent in doc_ents(doc):
        if ent.label_ in ("ORG", "PERSON"):
            for lemma in dict.fromkeys(t.lemma_.lower() for t in ent):
                out.setdefault(lemma, []).append(ent)
    return out
