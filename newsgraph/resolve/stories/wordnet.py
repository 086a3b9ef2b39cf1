"""Synonymy from Princeton WordNet 3.0, read from the Debian package ``wordnet-base``.

Spin evidence is word swaps that are synonyms ("flogs" → "whips"). No PyPI package
ships WordNet data that loads offline (``wn`` and NLTK download it), but Debian's
``wordnet-base`` installs the database files under ``/usr/share/wordnet``. We read
the ``data.*`` files directly (NLTK's reader also wants a ``lexnames`` file Debian
does not ship) and apply WordNet's own morphological rules ("morphy": the
``*.exc`` exception lists, then suffix detachment). Without the package every
function here answers "unknown" (None) and callers fall back to embeddings.

Override the location with the environment variable ``NEWSGRAPH_WORDNET``.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

__all__ = ["WordNet", "wordnet"]

_POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
# WordNet's morphy detachment rules (wn(7) "morphy"), per part of speech.
_SUFFIXES = {
    "n": [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
          ("men", "man"), ("ies", "y")],
    "v": [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"),
          ("ing", "")],
    "a": [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
    "r": [],
}


class WordNet:
    """Lemma → synsets index over the WordNet data files in ``root``."""

    def __init__(self, root: Path) -> None:
        self.synsets: dict[str, set[str]] = {}
        self.exceptions: dict[str, set[str]] = {}
        #: Nouns WordNet writes in lower case in some synset ("bank", "group"): common
        #: nouns, as opposed to names it only knows capitalised ("France", "Kim").
        self.common_nouns: set[str] = set()
        for pos, name in _POS_FILES.items():
            with open(root / f"data.{name}", encoding="latin-1") as fh:
                for line in fh:
                    if line.startswith(" "):
                        continue  # licence header
                    parts = line.split()
                    sid = f"{pos}{parts[0]}"
                    for k in range(int(parts[3], 16)):
                        written = parts[4 + 2 * k]
                        lemma = written.lower()
                        if pos == "n" and written == lemma:
                            self.common_nouns.add(lemma)
                        lemma = lemma.split("(")[0]  # adjective markers such as "(a)"
                        self.synsets.setdefault(lemma, set()).add(sid)
            exc = root / f"{name}.exc"
            if exc.exists():
                with open(exc, encoding="latin-1") as fh:
                    for line in fh:
                        parts = line.split()
                        if len(parts) >= 2:
                            self.exceptions.setdefault(parts[0], set()).update(parts[1:])

    def lemmas(self, word: str) -> set[str]:
        """Base forms of ``word`` that WordNet knows (multiword phrases joined by ``_``)."""
        w = word.lower().strip().replace(" ", "_")
        out = {w} if w in self.synsets else set()
        out |= {e for e in self.exceptions.get(w, ()) if e in self.synsets}
        for rules in _SUFFIXES.values():
            for suf, rep in rules:
                if w.endswith(suf) and len(w) > len(suf) + 1:
                    base = w[: len(w) - len(suf)] + rep
                    if base in self.synsets:
                        out.add(base)
        return out

    def senses(self, word: str) -> set[str]:
        return {s for lemma in self.lemmas(word) for s in self.synsets[lemma]}

    def synonyms(self, a: str, b: str) -> bool:
        """True when some sense of ``a`` and some sense of ``b`` are one synset."""
        if a.lower() == b.lower():
            return False
        return bool(self.senses(a) & self.senses(b))

    def known(self, word: str) -> bool:
        return bool(self.lemmas(word))

    def common_noun(self, word: str) -> bool:
        """True when ``word`` (or its base form) is a lower-case noun in WordNet."""
        w = word.lower()
        return w in self.common_nouns or any(b in self.common_nouns for b in self.lemmas(w))


def _root() -> Path | None:
    for cand in (os.environ.get("NEWSGRAPH_WORDNET"), "/usr/share/wordnet"):
        if cand and (Path(cand) / "data.noun").exists():
            return Path(cand)
    return None


@lru_cache(maxsize=1)
def wordnet() -> WordNet | None:
    """The shared WordNet index, or None when ``wordnet-base`` is not installed."""
    root = _root()
    return WordNet(root) if root else None
