"""What a report is about, from WordNet: sport and games, entertainment, computing, or politics.

PLOVER codes interactions of political, social and economic actors (manual, "actor
and recipient"); general news also reports matches, films, albums and software in the
same words ("beat", "battle", "shoot", "released", "collaborated", "attack").  This
module only says which domain a stretch of text is about; the rule that uses it lives
in ``senses.py`` (material acts in a report about another domain need a political
participant).

How a noun is put in a family (``FAMILY_ANCHORS``, synsets of Princeton WordNet 3.0
named as NLTK names them): its most frequent sense, or one of that sense's topic
domains (WordNet's ``;c`` pointers: "serve" is in tennis, "court-martial" in the
military domain), lies at or below one of the family's anchors by hypernymy.  The
anchors are WordNet's own nodes for each domain:

- ``contest``: sports, games (video games are games), matches and tournaments, athletes,
  players, referees and teams; the sport and game topic domains (baseball, golf,
  tennis, chess…) lie under ``sport.n.01`` and ``game.n.01``;
- ``entertainment``: entertainers and musicians, music and musical compositions,
  films, shows, artists and art; the topic domains of music, the performing arts,
  drama, photography, literature and dance;
- ``computing``: computers, software, web sites, networks, e-mail; the topic domain of
  computer science;
- ``political``: governments and authorities, police, the military, politicians,
  legislatures and legislators, elections, parties, courts and judges, diplomats,
  heads of state, officials, wars, protests, riots, protesters and rioters, prisoners,
  terrorists; the
  topic domains of law, the military, terrorism, politics, government and crime.

A text is *about another domain* (``other_domain``) when at least ``DOMAIN_WORDS``
distinct nouns are in one of the first three families and at least as many as are
political (a match report, an album review, a software story); a report about
politics that mentions a football club is not.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from newsgraph.extract.events.agency import armed, kind_of
from newsgraph.nlp.wordnet import wordnet

__all__ = ["DOMAIN_WORDS", "FAMILY_ANCHORS", "OTHER_DOMAINS", "lemma_families", "other_domain", "political",
           "profile"]

Token = Any

#: Family → WordNet anchors (hypernymy, and the topic domains under them).
FAMILY_ANCHORS: dict[str, tuple[str, ...]] = {
    "contest": (
        "sport.n.01", "game.n.01", "game.n.02", "athletic_contest.n.01", "match.n.02", "tournament.n.01",
        "athlete.n.01", "player.n.01", "referee.n.01", "team.n.01",
    ),
    "entertainment": (
        "entertainer.n.01", "musician.n.01", "music.n.01", "music.n.03", "musical_composition.n.01",
        "movie.n.01", "show.n.03", "artist.n.01", "art.n.02", "performing_arts.n.01", "dramaturgy.n.01",
        "photography.n.01", "literature.n.01", "dancing.n.01",
    ),
    "computing": (
        "computer.n.01", "software.n.01", "web_site.n.01", "computer_network.n.01", "electronic_mail.n.01",
        "computer_science.n.01",
    ),
    "political": (
        "government.n.01", "authority.n.02", "law_enforcement_agency.n.01", "lawman.n.01",
        "military_unit.n.01", "military_personnel.n.01", "serviceman.n.01", "security_force.n.01",
        "politician.n.01",
        "politician.n.02", "legislature.n.01", "legislator.n.01", "election.n.01", "political_party.n.01",
        "court.n.01", "judge.n.01", "diplomat.n.01", "head_of_state.n.01", "official.n.01", "war.n.01",
        "protest.n.01", "protest.n.02", "demonstration.n.03", "riot.n.01", "demonstrator.n.03", "rioter.n.01",
        "prisoner.n.01", "terrorist.n.01", "law.n.01", "military.n.01", "terrorism.n.01", "politics.n.02",
        "government.n.02", "crime.n.01", "criminal_law.n.01",
    ),
}

#: The families that are not politics: reports about them need more evidence of an act.
OTHER_DOMAINS: tuple[str, ...] = ("contest", "entertainment", "computing")

#: Distinct nouns of one other family that make a text about it (one "club" or one
#: "website" in a political report does not).
DOMAIN_WORDS = 2


@lru_cache(maxsize=1)
def _anchors() -> dict[str, frozenset[str]]:
    wn = wordnet()
    if wn is None:
        return {}
    return {f: frozenset(s for s in (wn.synset(n) for n in names) if s)
            for f, names in FAMILY_ANCHORS.items()}


@lru_cache(maxsize=50_000)
def lemma_families(lemma: str) -> frozenset[str]:
    """The families of a common noun's most frequent sense (module docstring)."""
    wn = wordnet()
    anchors = _anchors()
    senses = wn.sense_ids(lemma, "n", 1)[:1] if wn else []
    if not senses or not anchors:
        return frozenset()
    out = set()
    for sid in (senses[0], *wn.topic_domains(senses[0])):
        ups = wn.ancestors(sid)
        out.update(f for f, a in anchors.items() if ups & a)
    return frozenset(out)


def profile(tokens: Iterable[Token]) -> Counter[str]:
    """Family → how many distinct common nouns of ``tokens`` are in it."""
    out: Counter[str] = Counter()
    for lemma in {t.lemma_.lower() for t in tokens if t.pos_ == "NOUN"}:
        out.update(lemma_families(lemma))
    return out


def _dominant(counts: Counter[str]) -> str | None:
    best = max(OTHER_DOMAINS, key=lambda f: counts[f])
    return best if counts[best] >= DOMAIN_WORDS and counts[best] >= counts["political"] else None


_LAST: dict[str, Any] = {"doc": None, "domain": None}


def other_domain(doc: Any) -> str | None:
    """The other domain (``OTHER_DOMAINS``) the document is about, or None for politics,
    business and everything else.  Kept for the last document seen: events are
    extracted one document at a time."""
    if _LAST["doc"] is not doc:
        _LAST["doc"], _LAST["domain"] = doc, _dominant(profile(doc))
    return _LAST["domain"]


def political(tok: Token) -> bool:
    """True when the argument headed by ``tok`` is a political participant: a state or a
    nationality (spaCy GPE, NORP), an authority, armed force, crowd or weapon
    (``agency.kind_of``), or a noun of the political family ("the minister", "the court")."""
    if tok.ent_type_ in ("GPE", "NORP"):
        return True
    if kind_of(tok) in ("authority", "crowd", "weapon") or armed(tok):
        return True
    return tok.pos_ == "NOUN" and "political" in lemma_families(tok.lemma_.lower())
