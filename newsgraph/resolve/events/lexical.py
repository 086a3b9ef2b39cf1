"""Synonymy of event triggers, from Princeton WordNet 3.0.

Two reports of one event often name it with two words of one sense: "hit"/"strike",
"issue"/"release", "murder"/"slay", "attack"/"assault".  The static embeddings of
``embed`` relate some of them but not all ("hit"/"strike" sit apart there).  This
module owns reading that relation for ``resolve``: two lemmas are synonyms when one
of the ``senses`` most frequent senses of each (WordNet orders a lemma's senses by
their frequency in its sense-tagged corpus) is one synset, noun or verb.  Rare
senses are left out because they relate words that news rarely uses alike (through
its 8th sense "hit" is a synonym of "score", through its 11th of "murder").

It reads the ``index.noun``/``index.verb`` and ``noun.exc``/``verb.exc`` files of
Debian's ``wordnet-base`` (``/usr/share/wordnet``, or the directory in
``NEWSGRAPH_WORDNET``) directly: nothing is downloaded, and without the files no two
lemmas are synonyms (the resolver then relies on the embeddings alone).
``base_form`` applies WordNet's own morphology ("morphy": the exception lists, then
suffix detachment), verb reading first, so a lemma the tagger left inflected
("checks", "escaped") is looked up under its base form.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

__all__ = ["Synsets", "base_form", "synonyms", "wordnet_synsets"]

#: WordNet's morphy detachment rules (wn(7) "morphy") for the two parts of speech
#: event triggers take; verbs first (most triggers are verbs, and the verb reading of
#: "checks" or "escaped" is the one a news trigger means).
# fmt: off
_RULES: dict[str, list[tuple[str, str]]] = {
    "verb": [("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""),
             ("s", "")],
    "noun": [("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"),
             ("ies", "y"), ("s", "")],
}
# fmt: on


class Synsets:
    """Noun and verb lemmas → their synsets, most frequent sense first (``index.*`` files)."""

    def __init__(self, root: Path) -> None:
        self.ranked: dict[tuple[str, str], list[str]] = {}
        self.exceptions: dict[tuple[str, str], list[str]] = {}
        for pos in _RULES:
            with open(root / f"index.{pos}", encoding="latin-1") as fh:
                for line in fh:
                    if line.startswith(" "):
                        continue  # licence header
                    # lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt offsets…
                    parts = line.split()
                    n = int(parts[2])
                    self.ranked[(pos, parts[0].lower())] = parts[len(parts) - n :]
            exc = root / f"{pos}.exc"
            if exc.exists():
                with open(exc, encoding="latin-1") as fh:
                    for line in fh:
                        parts = line.split()
                        if len(parts) >= 2:
                            self.exceptions[(pos, parts[0])] = parts[1:]

    def base_form(self, word: str) -> str:
        """WordNet's base form of ``word`` (a verb reading first), or ``word`` itself."""
        w = word.lower().strip().replace(" ", "_")
        for pos, rules in _RULES.items():
            if (pos, w) in self.ranked:
                return w
            for base in self.exceptions.get((pos, w), ()):
                if (pos, base) in self.ranked:
                    return base
            for suf, rep in rules:
                if w.endswith(suf) and len(w) > len(suf) + 1:
                    base = w[: len(w) - len(suf)] + rep
                    if (pos, base) in self.ranked:
                        return base
        return w

    def synonyms(self, a: str, b: str, senses: int = 0) -> bool:
        """True when two different base forms share a synset among the ``senses`` most
        frequent senses of each (0: any sense), as nouns or as verbs."""
        if a == b:
            return False
        for pos in _RULES:
            sa = self.ranked.get((pos, a), [])
            sb = self.ranked.get((pos, b), [])
            if senses:
                sa, sb = sa[:senses], sb[:senses]
            if set(sa) & set(sb):
                return True
        return False


def _root() -> Path | None:
    for cand in (os.environ.get("NEWSGRAPH_WORDNET"), "/usr/share/wordnet"):
        if cand and all((Path(cand) / f"index.{pos}").exists() for pos in _RULES):
            return Path(cand)
    return None


@lru_cache(maxsize=1)
def wordnet_synsets() -> Synsets | None:
    """The shared index (loaded on first use), or None when ``wordnet-base`` is missing."""
    root = _root()
    return Synsets(root) if root else None


@lru_cache(maxsize=50_000)
def base_form(word: str) -> str:
    """``Synsets.base_form`` of the shared index; ``word`` lower-cased without WordNet."""
    wn = wordnet_synsets()
    return wn.base_form(word) if wn else word.lower()


@lru_cache(maxsize=200_000)
def synonyms(a: str, b: str, senses: int = 0) -> bool:
    """``Synsets.synonyms`` of the base forms of two lemmas (False without WordNet)."""
    wn = wordnet_synsets()
    if wn is None:
        return False
    return wn.synonyms(base_form(a), base_form(b), senses)
