"""French claims: quotations in « guillemets » and “ ”, reported speech, "selon" and "d'après".

Owns ``extract_french_claims(adoc) -> list[Claim]``; ``extract_claims`` routes a French
document here, because the English cascade reads English cue words and English
dependency labels (``dobj``, ``nsubjpass``) that a French parse (Universal Dependencies:
``obj``, ``nsubj:pass``, ``obl:agent``) never has.

1. Cues: a verb whose lemma is a French reporting verb (``REPORTING_VERBS``: "a déclaré",
   "a affirmé", "selon lui", "a indiqué"…) with its subject (``nsubj``, before the verb
   or inverted after it: "« … », a déclaré le ministre") as the speaker and its
   complement clause (``ccomp``: "que …") as the content; and "selon X" / "d'après X",
   whose content is the rest of their sentence.
2. A quotation (``quotes.find_quotes``: « » and “ ” face their way) longer than a
   fragment takes the nearest cue outside it in its paragraph, after it first ("« … »,
   a affirmé X") then before it ("X a déclaré : « … »"), and that cue's speaker; a
   quotation with no cue is left out, as in English.
3. Certainty: denied when the cue is negated ("n'a pas confirmé", "n'a jamais dit":
   a ``Polarity=Neg`` child, as the French pipelines' morphology marks "ne", "pas",
   "jamais") or is a denial verb ("a démenti", "a nié"); a negated denial is hedged,
   as in English. Hedged when the cue distances ("a prétendu") or the content is in
   the conditional ("aurait tué": UD ``Mood=Cnd``, the French press's mark of an
   unconfirmed report) or carries an epistemic adverb ("peut-être", "probablement").
4. Speakers are classified from the parse (pronoun / named / anonymous / collective /
   role); pronouns and roles are not resolved to a name for French (the English
   resolver's word lists do not apply): ``rule`` says so.
"""

from __future__ import annotations

import bisect
from typing import Any

from newsgraph.extract.claims.quotes import find_quotes
from newsgraph.model.claims import Claim, ClaimCue, ClaimSpan, claim_id
from newsgraph.model.document import AnnotatedDocument

__all__ = ["REPORTING_VERBS", "extract_french_claims"]

#: French verbs of saying and reporting (lemmas), after the verbes introducteurs du
#: discours rapporté of French grammars: the common ones of news copy.
REPORTING_VERBS = frozenset({
    "dire", "déclarer", "affirmer", "annoncer", "indiquer", "expliquer", "ajouter", "préciser",
    "souligner", "assurer", "estimer", "confirmer", "reconnaître", "admettre", "avouer", "rappeler",
    "insister", "répondre", "raconter", "révéler", "rapporter", "signaler", "témoigner", "avertir",
    "prévenir", "promettre", "menacer", "dénoncer", "accuser", "regretter", "juger", "considérer",
    "prétendre", "soutenir", "démentir", "nier", "contester", "réfuter", "écrire", "confier",
    "martelé", "marteler", "lancer", "répéter", "commenter", "conclure", "noter", "observer",
})
#: Cues whose claim the speaker rejects.
DENIAL_VERBS = frozenset({"démentir", "nier", "contester", "réfuter"})
#: Cues that distance the speaker from the content.
HEDGE_VERBS = frozenset({"prétendre", "estimer", "juger", "considérer"})
HEDGE_ADVERBS = frozenset({"peut-être", "probablement", "apparemment", "vraisemblablement",
                           "éventuellement", "possiblement", "sans doute"})
#: Works "d'après" adapts from ("un film d'après le roman de …"): no source of a statement.
_ADAPTED_FROM = frozenset({"roman", "film", "livre", "pièce", "œuvre", "oeuvre", "tableau", "nouvelle",
                           "chanson", "conte", "scénario", "bande", "opéra", "poème", "récit", "mythe",
                           "légende", "modèle", "photo", "photographie", "image", "recette", "idée"})
_ANONYMOUS = frozenset({"source", "responsable", "témoin", "proche", "observateur", "expert"})
_NAMED = ("PERSON", "ORG", "GPE", "NORP")
#: A quotation of at most this many words is a fragment, never a claim by itself.
_FRAGMENT_WORDS = 3
#: A cue this far (characters) from a quotation, in the same paragraph, may be its cue.
_CUE_REACH = 200
_SUBJECTS = ("nsubj", "nsubj:pass", "expl:subj")

_CONFIDENCE = {"quote+cue": 0.85, "complement": 0.7, "according-to": 0.75}


class _Cue:
    __slots__ = ("content", "lemma", "rule", "speaker", "speaker_head", "tok")

    def __init__(self, tok: Any, lemma: str, speaker: Any, content: tuple[int, int] | None, rule: str):
        self.tok, self.lemma, self.speaker_head, self.content, self.rule = tok, lemma, speaker, content, rule
        self.speaker = _phrase(speaker) if speaker is not None else None


def _phrase(head: Any) -> tuple[int, int]:
    """A noun phrase's span: its head with its determiners, modifiers and appositions,
    but not a relative clause or a punctuation edge."""
    toks = [t for t in head.subtree if not (t.dep_ in ("acl:relcl", "punct") and t.i != head.i)]
    keep = sorted((t for t in toks if not any(a.dep_ == "acl:relcl" for a in [t, *t.ancestors]
                                              if a.i != head.i and head.is_ancestor(a))), key=lambda t: t.i)
    while len(keep) > 1 and keep[0].i < head.i and keep[0].dep_ in ("case", "fixed"):
        keep.pop(0)  # "selon", "d'après": the attribution, not the speaker
    if head.text.startswith("-"):  # an inverted clitic "-il": the pronoun alone
        return head.idx + len(head.text) - len(head.text.lstrip("-")), head.idx + len(head.text)
    first, last = keep[0], keep[-1]
    return first.idx, last.idx + len(last.text)


def _clause(head: Any) -> tuple[int, int] | None:
    """A complement clause's span without its "que" and trailing punctuation."""
    toks = sorted(head.subtree, key=lambda t: t.i)
    while toks and (toks[0].dep_ == "mark" or toks[0].is_punct):
        toks.pop(0)
    while toks and toks[-1].is_punct:
        toks.pop()
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _cues(doc: Any) -> list[_Cue]:
    out: list[_Cue] = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        # "il est reconnu", "la décision annoncée": a passive or a participle is no one speaking
        if tok.pos_ == "VERB" and lemma in REPORTING_VERBS and not _children(tok, "aux:pass", "nsubj:pass") \
                and not (tok.dep_.startswith("acl") and "Part" in tok.morph.get("VerbForm")):
            subj = _inverted_subject(tok) or next((c for c in tok.children if c.dep_ in _SUBJECTS), None)
            # "a déclaré que …" (ccomp); "a nié avoir reçu …" (an infinitive, xcomp)
            comp = next((c for c in tok.children if c.dep_ == "ccomp"), None) or next(
                (c for c in tok.children if c.dep_ == "xcomp" and any(
                    "Inf" in t.morph.get("VerbForm") for t in (c, *c.children) if t.i <= c.i)), None)
            out.append(_Cue(tok, lemma, subj, _clause(comp) if comp is not None else None, "complement"))
        elif tok.lower_ == "selon" or (tok.lower_ in ("d'", "d’") and tok.i + 1 < len(doc)
                                       and doc[tok.i + 1].lower_ == "après"):
            source = tok.head if tok.dep_ == "case" else None
            if source is None or source.i == tok.i or source.pos_ not in ("NOUN", "PROPN", "PRON"):
                continue
            if source.dep_.startswith(("nmod", "acl")):
                continue  # on a noun, not a clause: "le spectacle d'après X"
            if tok.lower_ != "selon" and source.lemma_.lower() in _ADAPTED_FROM:
                continue  # "d'après le roman de X": adapted from a work, said by no one
            phrase = _phrase(source)
            start = tok.idx
            # what is said: the clause "selon X" hangs from, less the attribution itself
            clause = source.head if source.head.i != source.i else source
            scope = sorted(clause.subtree, key=lambda t: t.i) if clause.pos_ in ("VERB", "AUX", "ADJ") \
                else list(tok.sent)
            words = [t for t in scope if not (t.is_punct or t.is_space)]
            before = [t for t in words if t.idx < start]
            after = [t for t in words if t.idx >= phrase[1]]
            # "X, selon Y, …" in mid-sentence: what is said is the side holding the verb the
            # attribution hangs from, else the longer side
            if clause in before or clause in after:
                rest = before if clause in before else after
            else:
                rest = before if len(before) > len(after) else after
            # what is said is a statement, with a finite verb: "d'après le film de X" (adapted
            # from) and "selon les cas" attribute nothing
            if not any("Fin" in t.morph.get("VerbForm") for t in rest):
                continue
            content = (rest[0].idx, rest[-1].idx + len(rest[-1].text)) if rest else None
            lemma = "selon" if tok.lower_ == "selon" else "d'après"
            out.append(_Cue(tok, lemma, source, content, "according-to"))
    return out


def _inverted_subject(verb: Any) -> Any | None:
    """The pronoun of an inverted "a-t-il déclaré", "a-t-elle ajouté": the French
    pipelines split "-t" and "-il" and hang either from the verb."""
    doc = verb.doc
    for i in range(max(0, verb.i - 3), verb.i):
        word = doc[i].lower_
        if word.startswith("-") and word.lstrip("-") in ("il", "elle", "ils", "elles", "on"):
            return doc[i]
    return None


def _children(tok: Any, *deps: str) -> list[Any]:
    return [c for c in tok.children if c.dep_ in deps]


def _negators(tok: Any) -> list[Any]:
    return [c for c in tok.children if "Neg" in c.morph.get("Polarity")]


def _certainty(cue: _Cue, content: list[Any]) -> tuple[str, ClaimSpan | None]:
    tok = cue.tok
    neg = _negators(tok) if cue.rule != "according-to" else []
    if neg:
        first, last = neg[0], neg[-1]
        end = last.idx + len(last.text)
        span = ClaimSpan(first.idx, end, tok.doc.text[first.idx:end])
        return ("hedged" if cue.lemma in DENIAL_VERBS else "denied"), span
    if cue.lemma in DENIAL_VERBS:
        return "denied", ClaimSpan(tok.idx, tok.idx + len(tok.text), tok.text)
    if cue.lemma in HEDGE_VERBS:
        return "hedged", ClaimSpan(tok.idx, tok.idx + len(tok.text), tok.text)
    for t in content:
        if t.pos_ in ("VERB", "AUX") and "Cnd" in t.morph.get("Mood"):
            return "hedged", ClaimSpan(t.idx, t.idx + len(t.text), t.text)
        if t.lower_ in HEDGE_ADVERBS:
            return "hedged", ClaimSpan(t.idx, t.idx + len(t.text), t.text)
    return "asserted", None


def _speaker_kind(head: Any | None) -> str | None:
    if head is None:
        return None
    if head.pos_ == "PRON":
        return "pronoun"
    span = head.doc[head.left_edge.i : head.right_edge.i + 1]
    if head.pos_ == "PROPN" or any(t.ent_type_ for t in span if t.i <= head.i):
        return "named"
    dets = [c.lower_ for c in head.children if c.dep_ == "det"]
    if head.lemma_.lower() in _ANONYMOUS and any(d in ("un", "une", "des", "plusieurs") for d in dets):
        return "anonymous"
    if "Plur" in head.morph.get("Number"):
        return "collective"
    return "role"


def _tokens(doc: Any, span: tuple[int, int]) -> list[Any]:
    sp = doc.char_span(span[0], span[1], alignment_mode="expand")
    return list(sp) if sp is not None else []


def _make(adoc: AnnotatedDocument, cue: _Cue, content: tuple[int, int], quote_type: str, rule: str,
          starts: list[int]) -> Claim:
    text, doc = adoc.document.text, adoc.doc
    tok = cue.tok
    neg = _negators(tok) if cue.rule != "according-to" else []
    cs = min([tok.idx, *(n.idx for n in neg)])
    ce = max([tok.idx + len(tok.text), *(n.idx + len(n.text) for n in neg)])
    if cue.rule == "according-to" and tok.lower_ != "selon":  # "d'" + "après"
        nxt = doc[tok.i + 1]
        ce = nxt.idx + len(nxt.text)
    if cue.rule != "according-to":  # the auxiliary belongs to the cue as said: "a déclaré"
        aux = [c for c in tok.children if c.dep_.startswith("aux") and c.i < tok.i]
        cs = min([cs, *(a.idx for a in aux)])
    cert, hedge = _certainty(cue, _tokens(doc, content))
    kind = _speaker_kind(cue.speaker_head)
    speaker = None
    if cue.speaker is not None:
        speaker = ClaimSpan(cue.speaker[0], cue.speaker[1], text[cue.speaker[0]:cue.speaker[1]])
    lo = min(content[0], cs, *(cue.speaker[:1] if cue.speaker else ()))
    hi = max(content[1], ce, *(cue.speaker[1:] if cue.speaker else ()))
    k = bisect.bisect_right(starts, lo) - 1
    if k >= 0:
        lo = min(lo, adoc.sentences[k].start)
    k = bisect.bisect_right(starts, hi - 1) - 1
    if k >= 0:
        hi = max(hi, adoc.sentences[k].end)
    unresolved = ("; speaker unresolved: French pronouns and roles are not resolved"
                  if kind in ("pronoun", "role") else "")
    return Claim(
        id=claim_id(adoc.document.id, content[0], content[1]), doc=adoc.document.id,
        content=ClaimSpan(content[0], content[1], text[content[0]:content[1]]),
        speaker=speaker, speaker_kind=kind, cue=ClaimCue(cs, ce, text[cs:ce], cue.lemma),
        certainty=cert, quote_type=quote_type, sentence=ClaimSpan(lo, hi, text[lo:hi]),
        rule=rule + unresolved, confidence=_CONFIDENCE.get(rule, 0.5), hedge=hedge,
    )


def extract_french_claims(adoc: AnnotatedDocument) -> list[Claim]:
    """Every attributed claim of a French document, in text order (see the module doc)."""
    if not adoc.annotated or adoc.doc is None:
        return []
    text = adoc.document.text
    starts = [s.start for s in adoc.sentences]
    cues = _cues(adoc.doc)
    claims: list[Claim] = []
    used: set[int] = set()
    quoted: list[tuple[int, int]] = []
    for q in find_quotes(text):
        if q.n_words(text) <= _FRAGMENT_WORDS:
            continue
        content = (q.inner_start, q.inner_end)
        while content[1] > content[0] and text[content[1] - 1] in ",;: \u00a0\u202f":
            content = (content[0], content[1] - 1)
        while content[0] < content[1] and text[content[0]] in " \u00a0\u202f":
            content = (content[0] + 1, content[1])
        para_start = text.rfind("\n", 0, q.start) + 1
        para_end = text.find("\n", q.end)
        para_end = len(text) if para_end < 0 else para_end
        after = [c for c in cues if q.end <= c.tok.idx < min(para_end, q.end + _CUE_REACH)
                 and not any(s <= c.tok.idx < e for s, e in quoted)]
        before = [c for c in cues if max(para_start, q.start - _CUE_REACH) <= c.tok.idx < q.start]
        cue = after[0] if after else (before[-1] if before else None)
        quoted.append((q.start, q.end))
        if cue is None:
            continue
        used.add(id(cue))
        claims.append(_make(adoc, cue, content, "direct", "quote+cue", starts))
    for cue in cues:
        if id(cue) in used or cue.content is None or cue.content[1] - cue.content[0] < 3:
            continue
        if any(s <= cue.tok.idx < e for s, e in quoted):
            continue  # a cue inside someone's quotation is part of what they said
        if any(s < cue.content[1] and cue.content[0] < e for s, e in quoted):
            continue
        qtype = "according_to" if cue.rule == "according-to" else "indirect"
        claims.append(_make(adoc, cue, cue.content, qtype, cue.rule, starts))
    claims.sort(key=lambda c: c.content.start)
    seen: set[tuple[int, int]] = set()
    out: list[Claim] = []
    for c in claims:
        if (c.content.start, c.content.end) not in seen:
            seen.add((c.content.start, c.content.end))
            out.append(c)
    return out
