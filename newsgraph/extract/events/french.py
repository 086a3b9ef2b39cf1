"""French event mentions: PLOVER triggers in French, actors and targets from a UD parse.

Owns ``extract_french_events(adoc) -> list[EventMention]`` and the French trigger tables
``VERBS_FR`` / ``NOUNS_FR``; ``extract_events`` routes a French document here.

The tables are written, like ``lexicon.py``, from the definitions and modes of the PLOVER
manual (Open Event Data Alliance, CC BY-SA 4.0; ``../shared/data/plover/PLOVER_MANUAL.tex``)
with the everyday French verbs and nouns that name each definition — a modest, general
list, nothing chosen for an article. The manual's rules carried over: convictions are
SANCTION ``convict`` and sentences to prison COERCE ``arrest``; condemning in words is
ACCUSE ``disapprove``; expelling people is COERCE ``deport``; signing an agreement is
AGREE … SUPPORT as in the English table ("sign" is SUPPORT there; "signer un accord"
keeps it).

Arguments (Universal Dependencies, as the French pipelines parse): an active verb's
``nsubj`` is the actor and its ``obj`` the target; a passive's ``obl:agent`` ("par
l'armée") the actor and its ``nsubj:pass`` the target. A noun trigger ("l'attaque contre
X") takes only its "contre" target: "l'attaque de X" may name either side, so no actor.

Date and place, from the trigger's own clause only (as in English: another clause's
date is its own): a French time expression (``nlp.time_fr``) inside the trigger's subtree,
less embedded clauses, valued against the document date; a GPE/LOC/FAC name the trigger
(or its object: "arrêté trois suspects à Lyon") governs through "à", "en", "dans", "au".

Abstaining where unsure, as the brief of this module: a word with a common non-event
sense is a trigger only with the evidence that makes it one (``_CHECKED``: "arrêter"
needs a person as what is stopped, "condamner" is a sentence only with "à" + a penalty),
a negated or conditional trigger is flagged (``negated``, ``hypothetical``), a
reporting verb is never an event, and the sense and agency checks of the English
cascade (``senses``, ``agency``: WordNet, English word lists) are not applied — their
absence is why the confidence of a French event is capped below an English one's.
"""

from __future__ import annotations

from typing import Any

from newsgraph.extract.events import settings as S
from newsgraph.model.document import AnnotatedDocument
from newsgraph.model.events import (
    ArgumentSpan,
    EventDate,
    EventFlags,
    EventMention,
    EventPlace,
    Span,
    event_mention_id,
)
from newsgraph.nlp.date_interval import calendar_interval, document_anchor
from newsgraph.nlp.time_fr import find_french_times, normalise_french

__all__ = ["NOUNS_FR", "VERBS_FR", "extract_french_events"]

Entry = tuple[str, str | None]

#: Verb lemmas → (PLOVER type, mode).
VERBS_FR: dict[str, Entry] = {
    # AGREE: agree to, offer, promise, willingness or commitment to cooperate.
    "accepter": ("AGREE", None),
    # CONSULT: meetings, visits, talks.
    "rencontrer": ("CONSULT", None), "négocier": ("CONSULT", None), "visiter": ("CONSULT", "visit"),
    # COOPERATE / AID / SUPPORT.
    "coopérer": ("COOPERATE", None), "collaborer": ("COOPERATE", None),
    "aider": ("AID", None), "secourir": ("AID", None), "féliciter": ("SUPPORT", None),
    # RETREAT: resign, release, withdraw, disarm.
    "démissionner": ("RETREAT", "resign"), "libérer": ("RETREAT", "release"),
    "relâcher": ("RETREAT", "release"), "désarmer": ("RETREAT", "disarm"),
    # REQUEST / REJECT.
    "exiger": ("REQUEST", None), "réclamer": ("REQUEST", None),
    "rejeter": ("REJECT", None), "refuser": ("REJECT", None),
    # ACCUSE: disapprove, allege, investigate.
    "condamner": ("ACCUSE", "disapprove"), "critiquer": ("ACCUSE", "disapprove"),
    "inculper": ("ACCUSE", "allege"), "enquêter": ("ACCUSE", "investigate"),
    # THREATEN / PROTEST.
    "menacer": ("THREATEN", None), "manifester": ("PROTEST", "demo"),
    "protester": ("PROTEST", "demo"), "boycotter": ("PROTEST", "boycott"),
    # SANCTION / MOBILIZE.
    "sanctionner": ("SANCTION", "discontinue"), "déployer": ("MOBILIZE", "troops"),
    "mobiliser": ("MOBILIZE", "troops"),
    # COERCE: arrest, restrict, deport.
    "arrêter": ("COERCE", "arrest"), "interpeller": ("COERCE", "arrest"),
    "emprisonner": ("COERCE", "arrest"), "incarcérer": ("COERCE", "arrest"),
    "interdire": ("COERCE", "restrict"), "expulser": ("COERCE", "deport"),
    # ASSAULT.
    "attaquer": ("ASSAULT", None), "tuer": ("ASSAULT", "targeted"), "assassiner": ("ASSAULT", "targeted"),
    "abattre": ("ASSAULT", "firearms"), "fusiller": ("ASSAULT", "firearms"),
    "bombarder": ("ASSAULT", "aerial"), "poignarder": ("ASSAULT", "primitive"),
    "blesser": ("ASSAULT", None), "kidnapper": ("ASSAULT", "abduct"), "enlever": ("ASSAULT", "abduct"),
    # SIGN: as "sign" in the English table.
    "signer": ("SUPPORT", None),
}
#: Noun lemmas → (PLOVER type, mode).
NOUNS_FR: dict[str, Entry] = {
    "négociation": ("CONSULT", None), "pourparlers": ("CONSULT", None), "visite": ("CONSULT", "visit"),
    "démission": ("RETREAT", "resign"), "libération": ("RETREAT", "release"),
    "enquête": ("ACCUSE", "investigate"), "manifestation": ("PROTEST", "demo"),
    "grève": ("PROTEST", "strike"), "sanction": ("SANCTION", "discontinue"),
    "arrestation": ("COERCE", "arrest"), "expulsion": ("COERCE", "deport"),
    "attaque": ("ASSAULT", None), "attentat": ("ASSAULT", "explosives"),
    "assassinat": ("ASSAULT", "targeted"), "meurtre": ("ASSAULT", "targeted"),
    "bombardement": ("ASSAULT", "aerial"), "enlèvement": ("ASSAULT", "abduct"),
}
#: Words with a common sense that is no event (``_sense``): "arrêter" (to stop),
#: "enlever" (to remove), "abattre" (to fell), "condamner" (a sentence or words),
#: "signer" (only an agreement), "menacer" (the weather threatens too),
#: "manifester" (to show something), "attaquer" (a problem), "libérer" (a space).
_CHECKED = frozenset({"arrêter", "enlever", "abattre", "condamner", "signer", "manifester", "attaquer",
                      "libérer", "blesser", "tuer"})
#: Nouns of people: what an arrest, an abduction or a killing needs as its patient.
_PEOPLE = frozenset({
    "homme", "femme", "enfant", "personne", "suspect", "individu", "militant", "manifestant", "journaliste",
    "opposant", "soldat", "policier", "civil", "otage", "dirigeant", "chef", "ministre", "président",
    "membre", "responsable", "étudiant", "jeune", "habitant", "touriste", "agent", "candidat", "député",
    "maire", "prisonnier", "migrant", "réfugié", "terroriste", "jihadiste", "djihadiste", "combattant",
    "rebelle", "militaire", "gendarme", "victime", "passant", "ressortissant", "auteur", "fils", "fille",
})
#: What "signer" must sign to be an agreement (PLOVER AGREE/SUPPORT, not an autograph).
_AGREEMENTS = frozenset({"accord", "traité", "convention", "pacte", "protocole", "contrat", "cessez-le-feu",
                         "déclaration", "mémorandum", "armistice", "charte"})
#: Penalties "condamner à" names: a sentence (COERCE arrest) or a fine (SANCTION convict).
_PRISON = frozenset({"prison", "an", "année", "mois", "réclusion", "perpétuité", "mort", "détention",
                     "emprisonnement"})
_FINE = frozenset({"amende", "euro", "dollar"})
#: Reporting verbs are never events (claims own them).
_ANIMATE_LABELS = ("PERSON", "ORG", "GPE", "NORP")
#: A French event lacks the English sense checks: its confidence never exceeds this.
MAX_CONFIDENCE_FR = 0.8


def _children(tok: Any, *deps: str) -> list[Any]:
    return [c for c in tok.children if c.dep_ in deps]


def _span(tok: Any) -> tuple[int, int]:
    """An argument's phrase: its subtree less relative clauses and "à …" complements
    ("trois suspects à Lyon", "Jean Dupont à cinq ans de prison": the place or penalty,
    not the person)."""
    cut = {t.i for c in tok.children
           if c.dep_.startswith("acl")
           or (c.dep_ == "nmod" and any(k.dep_ == "case" and k.lower_ == "à" for k in c.children))
           for t in c.subtree}
    toks = sorted((t for t in tok.subtree if t.i not in cut), key=lambda t: t.i)
    while len(toks) > 1 and toks[0].dep_ in ("case", "mark", "punct", "cc"):
        toks.pop(0)
    while len(toks) > 1 and toks[-1].is_punct:
        toks.pop()
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _label(tok: Any, mentions: list[tuple[int, int, str]]) -> str | None:
    for s, e, label in mentions:
        if s <= tok.idx < e:
            return label
    return None


def _person(tok: Any, mentions: list[tuple[int, int, str]]) -> bool:
    return _label(tok, mentions) == "PERSON" or tok.lemma_.lower() in _PEOPLE or (
        tok.pos_ == "PRON" and tok.lower_ in ("il", "elle", "ils", "elles", "le", "la", "les", "lui", "eux"))


def _sense(tok: Any, lemma: str, patients: list[Any],
           mentions: list[tuple[int, int, str]]) -> Entry | bool | None:
    """For a ``_CHECKED`` verb: its entry (possibly another type), True to keep the
    table's, or None when the evidence for the event sense is missing."""
    if lemma in ("arrêter", "enlever", "abattre", "blesser", "tuer"):
        return True if any(_person(p, mentions) for p in patients) else None
    if lemma == "attaquer":
        return True if any(_label(p, mentions) in _ANIMATE_LABELS or _person(p, mentions) or p.pos_ == "PROPN"
                           for p in patients) else None
    if lemma == "libérer":
        return True if any(_person(p, mentions) or p.lemma_.lower() == "otage" for p in patients) else None
    if lemma == "signer":
        return ("AGREE", None) if any(p.lemma_.lower() in _AGREEMENTS for p in patients) else None
    if lemma == "manifester":
        # "des milliers de personnes ont manifesté" (intransitive, with its demonstrators),
        # not "manifester son soutien" nor "la volonté manifestée"
        return True if _children(tok, "nsubj") and not _children(tok, "obj", "nsubj:pass") else None
    if lemma == "condamner":
        # "à cinq ans de prison" may hang from the verb or, misparsed, from its object
        subject = {t.i for c in _children(tok, "nsubj", "nsubj:pass") for t in c.subtree}
        for phrase in tok.subtree:
            if phrase.i in subject or not any(c.dep_ == "case" and c.lower_ == "à" for c in phrase.children):
                continue
            words = {t.lemma_.lower() for t in phrase.subtree}
            if words & _PRISON:
                return ("COERCE", "arrest")
            if words & _FINE:
                return ("SANCTION", "convict")
        return True
    return True


def _negated(tok: Any) -> bool:
    return any("Neg" in c.morph.get("Polarity") for c in tok.children)


def _hypothetical(tok: Any) -> bool:
    verbs = [tok, *_children(tok, "aux", "aux:tense", "aux:pass")]
    return any("Cnd" in t.morph.get("Mood") or "Fut" in t.morph.get("Tense") for t in verbs) or (
        tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("vouloir", "pouvoir", "devoir", "envisager"))


def _arg(tok: Any, role: str, text: str, mentions: list[tuple[int, int, str]]) -> ArgumentSpan:
    s, e = _span(tok)
    return ArgumentSpan(s, e, text[s:e], role, _label(tok, mentions))


_PLACE_CASES = frozenset({"à", "en", "dans", "au", "aux", "près"})
_EMBEDDED = ("ccomp", "advcl", "acl:relcl", "acl", "xcomp", "parataxis", "conj")


def _clause(tok: Any) -> set[int]:
    """The trigger's clause: its subtree less clauses of other verbs hanging in it."""
    out = {t.i for t in tok.subtree}
    for t in tok.subtree:
        if t.i != tok.i and t.dep_ in _EMBEDDED:
            out -= {x.i for x in t.subtree}
    return out


def _date(tok: Any, text: str, published: str | None, future: bool) -> EventDate | None:
    anchor = document_anchor(published)
    sent = tok.sent
    clause = _clause(tok)
    for a, b in find_french_times(text[sent.start_char:sent.end_char]):
        s, e = sent.start_char + a, sent.start_char + b
        span = tok.doc.char_span(s, e, alignment_mode="expand")
        if span is None or not any(t.i in clause for t in span):
            continue
        value, precision, *_ = normalise_french(text[s:e], anchor, future)
        found = calendar_interval(value, precision) if value and precision else None
        if found is not None:
            return EventDate(found[0], found[1], found[2], Span(s, e, text[s:e]), "fr-clause")
    return None


def _place(tok: Any, patients: list[Any], mentions: list[tuple[int, int, str]],
           text: str) -> EventPlace | None:
    for head in (tok, *patients):
        for c in head.children:
            if not c.dep_.startswith(("obl", "nmod")) or not any(
                    k.dep_ == "case" and k.lower_ in _PLACE_CASES for k in c.children):
                continue
            for s, e, label in mentions:
                if label in ("GPE", "LOC", "FAC") and s <= c.idx < e:
                    return EventPlace(s, e, text[s:e], label, "fr-obl")
    return None


def extract_french_events(adoc: AnnotatedDocument) -> list[EventMention]:
    """Every PLOVER event mention of a French document, in text order (see the module doc)."""
    doc = adoc.doc
    if doc is None or not adoc.annotated:
        return []
    text = adoc.document.text
    doc_id = adoc.document.id
    mentions = [(m.start, m.end, m.label) for m in adoc.mentions]
    out: list[EventMention] = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in VERBS_FR:
            entry: Entry = VERBS_FR[lemma]
            passive = bool(_children(tok, "aux:pass", "nsubj:pass"))
            actors_t = _children(tok, "obl:agent") if passive else _children(tok, "nsubj")
            targets_t = _children(tok, "nsubj:pass") if passive else _children(tok, "obj")
            rule = f"fr-verb:{lemma}" + ("+passive" if passive else "")
        elif tok.pos_ == "NOUN" and lemma in NOUNS_FR:
            entry = NOUNS_FR[lemma]
            actors_t = []
            targets_t = [c for c in _children(tok, "nmod") if any(k.lower_ == "contre" for k in c.children)]
            rule = f"fr-noun:{lemma}"
        else:
            continue
        if lemma in _CHECKED:
            sense = _sense(tok, lemma, targets_t, mentions)
            if sense is None:
                continue
            if isinstance(sense, tuple):
                entry, rule = sense, f"{rule}→{sense[0]}"
        # a pronoun object ("l'a tué") is a target the parse shows; a relative pronoun is not a name
        actors = [_arg(a, "obl:agent" if a.dep_ == "obl:agent" else "nsubj", text, mentions) for a in actors_t
                  if a.pos_ != "PRON" or a.lower_ not in ("qui", "que")]
        targets = [_arg(t, t.dep_, text, mentions) for t in targets_t]
        flags = EventFlags(negated=_negated(tok), hypothetical=_hypothetical(tok))
        date = _date(tok, text, adoc.document.published, flags.hypothetical)
        place = _place(tok, targets_t, mentions, text)
        conf = S.confidence(tok.pos_ == "VERB", bool(actors), bool(targets), bool(place or date),
                            any(a.label for a in actors + targets))
        if conf < S.MIN_CONFIDENCE:
            continue
        sent = tok.sent
        start, end = tok.idx, tok.idx + len(tok.text)
        out.append(EventMention(
            id=event_mention_id(doc_id, start, end), doc=doc_id, type=entry[0], mode=entry[1],
            trigger=Span(start, end, tok.text), sentence=Span(sent.start_char, sent.end_char, sent.text),
            actors=actors, targets=targets, place=place, date=date, flags=flags, lemma=lemma,
            confidence=round(min(conf, MAX_CONFIDENCE_FR), 3), rule=rule,
        ))
    return out
