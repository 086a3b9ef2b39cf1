"""Princeton WordNet 3.0, read from the Debian package ``wordnet-base``: the one reader.

Owns finding the database (``/usr/share/wordnet``, or the directory in the environment
variable ``NEWSGRAPH_WORDNET``), reading its files, WordNet's own morphology ("morphy",
wn(7): the ``*.exc`` exception lists, then suffix detachment) and the lexical relations
built on them, for every stage that uses WordNet:

- **Synonymy over every sense** (``data.*`` files): ``WordNet.lemmas``, ``senses``,
  ``synonyms``, ``known`` and ``common_noun``. Spin evidence in ``resolve/stories`` and
  ``signals`` is word swaps that are synonyms ("flogs" → "whips"); ``resolve/entities``
  relates head nouns ("convict"/"inmate") and tells common nouns WordNet writes in
  lower case ("bank", "group") from names it only knows capitalised ("France").
- **Synonymy in frequent senses** (``index.noun``/``index.verb``, which list a lemma's
  senses by their frequency in WordNet's sense-tagged corpus): ``base_form`` (a verb
  reading first: the verb reading of "checks" or "escaped" is the one a news trigger
  means) and ``ranked_synonyms(a, b, senses)``. ``resolve/events`` relates triggers
  with it ("hit"/"strike", "issue"/"release") and chooses how many senses count: rare
  ones relate words news rarely uses alike ("hit" is "score" only in its 8th sense).
- **Hypernymy** (the ``@``/``@i`` pointers of ``data.noun``/``data.verb``): ``synset``
  names a sense as NLTK does (``fire.n.01``), ``sense_ids`` lists a word's senses by
  frequency and ``ancestors`` climbs above one. ``extract/events`` tells with them who
  can act: a storm, a flood or a disease is a natural phenomenon, a calamity or an
  illness, not an actor; "trouble" is no person to arrest.
- **Verb classes** (the ``lex_filenum`` of ``data.verb``): ``verb_lexfiles`` says a
  verb's frequent senses are speech, thought or social acts; ``nlp/place_roles`` reads
  a capital that says or decides something as its country's government.
- **Topic domains** (the ``;c`` pointers, read with the hypernyms): ``topic_domains``
  ("serve" is in tennis, "court-martial" in the military domain). ``extract/events``
  tells with them, and hypernymy, what a report is about (sport, entertainment,
  computing or politics).

Why we read the files ourselves: no PyPI package ships WordNet data that loads offline
(``wn`` and NLTK download it), while Debian's ``wordnet-base`` installs the database
under ``/usr/share/wordnet``; NLTK's reader would also want a ``lexnames`` file Debian
does not ship. Each table is read on first use (``data.*`` about 0.9 s, ``index.*``
0.4 s) and kept for the process. Without the package ``wordnet()`` is None, no two
words are synonyms, and callers fall back to embeddings.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import cached_property, lru_cache
from pathlib import Path

__all__ = ["VERB_LEXFILES", "WordNet", "base_form", "ranked_synonyms", "wordnet"]

#: WordNet's verb lexicographer files by number (lexnames(5WN)): the coarse class of a
#: verb sense — speech ("say", "warn"), thought ("decide"), social acts ("sign") …
VERB_LEXFILES: dict[int, str] = {
    29: "body", 30: "change", 31: "cognition", 32: "communication", 33: "competition",
    34: "consumption", 35: "contact", 36: "creation", 37: "emotion", 38: "motion",
    39: "perception", 40: "possession", 41: "social", 42: "stative", 43: "weather",
}

#: Part of speech → the name WordNet's files carry it under.
_POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
#: The parts of speech whose senses are ranked here (``index.*`` files), in the order
#: ``base_form`` tries them: most event triggers are verbs.
_RANKED_POS = ("v", "n")
#: WordNet's morphy detachment rules (wn(7) "morphy"), per part of speech, in the
#: order ``base_form`` tries them (``lemmas`` takes every base they give).
# fmt: off
_SUFFIXES: dict[str, list[tuple[str, str]]] = {
    "n": [("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"),
          ("ies", "y"), ("s", "")],
    "v": [("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""),
          ("s", "")],
    "a": [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
    "r": [],
}
# fmt: on


#: Words whose sense lists ``WordNet.sense_ids`` keeps before starting afresh.
_MEMO_WORDS = 50_000


def _key(word: str) -> str:
    """A word as WordNet files spell lemmas: lower case, multiword phrases joined by ``_``."""
    return word.lower().strip().replace(" ", "_")


class WordNet:
    """The WordNet database in ``root``; each table is read on first use."""

    def __init__(self, root: Path) -> None:
        self.root = root
        # word → its lemmas / senses: spin detection asks about the same few thousand
        # words hundreds of thousands of times per corpus, and the tables never change
        self._lemmas_of: dict[str, frozenset[str]] = {}
        self._senses_of: dict[str, frozenset[str]] = {}
        # The event, claim and entity stages ask the same senses and hypernym closures
        # for every noun and verb of every document (~150 sense lists and ~160 closures
        # per BBC article, a few hundred distinct ones per 300): answered from here, each
        # caller gets its own copy (some add to the set they are given).
        self._sense_ids_of: dict[tuple[str, str, int], tuple[str, ...]] = {}
        self._ancestors_of: dict[str, frozenset[str]] = {}

    # -- tables ------------------------------------------------------------------------

    @cached_property
    def exceptions(self) -> dict[str, dict[str, list[str]]]:
        """Part of speech → irregular form → its base forms (the ``*.exc`` files).

        A form on two lines keeps the bases of both ("involucra": "involucre",
        "involucrum").
        """
        out: dict[str, dict[str, list[str]]] = {pos: {} for pos in _POS_FILES}
        for pos, name in _POS_FILES.items():
            exc = self.root / f"{name}.exc"
            if not exc.exists():
                continue
            with open(exc, encoding="latin-1") as fh:
                for line in fh:
                    parts = line.split()
                    if len(parts) >= 2:
                        bases = out[pos].setdefault(parts[0], [])
                        bases.extend(b for b in parts[1:] if b not in bases)
        return out

    @cached_property
    def _data(self) -> tuple[dict[str, set[str]], set[str]]:
        """``synsets`` and ``common_nouns``, read together from the ``data.*`` files."""
        synsets: dict[str, set[str]] = {}
        common: set[str] = set()
        for pos, name in _POS_FILES.items():
            with open(self.root / f"data.{name}", encoding="latin-1") as fh:
                for line in fh:
                    if line.startswith(" "):
                        continue  # licence header
                    # offset lex_filenum ss_type w_cnt (word lex_id)… …
                    parts = line.split()
                    sid = f"{pos}{parts[0]}"
                    for k in range(int(parts[3], 16)):
                        written = parts[4 + 2 * k]
                        lemma = written.lower()
                        if pos == "n" and written == lemma:
                            common.add(lemma)
                        lemma = lemma.split("(")[0]  # adjective markers such as "(a)"
                        synsets.setdefault(lemma, set()).add(sid)
        return synsets, common

    @property
    def synsets(self) -> dict[str, set[str]]:
        """Lemma → ids of its synsets, every part of speech (id: the letter, then the offset)."""
        return self._data[0]

    @property
    def common_nouns(self) -> set[str]:
        """Nouns WordNet writes in lower case in some synset ("bank", "group"): common
        nouns, as opposed to names it only knows capitalised ("France", "Kim")."""
        return self._data[1]

    @cached_property
    def ranked(self) -> dict[str, dict[str, list[str]]]:
        """Noun and verb lemmas → synset offsets, most frequent sense first (``index.*``)."""
        out: dict[str, dict[str, list[str]]] = {}
        for pos in _RANKED_POS:
            table = out[pos] = {}
            with open(self.root / f"index.{_POS_FILES[pos]}", encoding="latin-1") as fh:
                for line in fh:
                    if line.startswith(" "):
                        continue  # licence header
                    # lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt offsets…
                    parts = line.split()
                    n = int(parts[2])
                    table[parts[0].lower()] = parts[len(parts) - n :]
        return out

    # -- morphology --------------------------------------------------------------------

    def _morphy(self, w: str, pos: str) -> Iterator[str]:
        """Morphy's candidate base forms of the key ``w`` as a ``pos``, in its order: the
        word itself, its exception-list bases, then suffix detachments. Unchecked: the
        caller keeps those its table knows."""
        yield w
        yield from self.exceptions[pos].get(w, ())
        for suf, rep in _SUFFIXES[pos]:
            if w.endswith(suf) and len(w) > len(suf) + 1:
                yield w[: len(w) - len(suf)] + rep

    def lemmas(self, word: str) -> frozenset[str]:
        """Base forms of ``word`` that WordNet knows, as any part of speech (multiword
        phrases joined by ``_``)."""
        found = self._lemmas_of.get(word)
        if found is None:
            w = _key(word)
            synsets = self.synsets
            found = frozenset(base for pos in _POS_FILES for base in self._morphy(w, pos)
                              if base in synsets)
            self._lemmas_of[word] = found
        return found

    def base_form(self, word: str) -> str:
        """WordNet's base form of ``word`` as a verb, else as a noun; else ``word`` itself."""
        w = _key(word)
        for pos in _RANKED_POS:
            table = self.ranked[pos]
            for base in self._morphy(w, pos):
                if base in table:
                    return base
        return w

    def noun_base(self, word: str) -> str:
        """WordNet's base form of ``word`` as a noun ("buildings" → "building", where
        ``base_form`` gives the verb "build"); else ``word`` lower-cased."""
        w = _key(word)
        table = self.ranked["n"]
        return next((b for b in self._morphy(w, "n") if b in table), w)

    # -- relations ---------------------------------------------------------------------

    def senses(self, word: str) -> frozenset[str]:
        """Ids of the synsets of every base form of ``word``."""
        found = self._senses_of.get(word)
        if found is None:
            found = frozenset(s for lemma in self.lemmas(word) for s in self.synsets[lemma])
            self._senses_of[word] = found
        return found

    def synonyms(self, a: str, b: str) -> bool:
        """True when some sense of ``a`` and some sense of ``b`` are one synset."""
        if a.lower() == b.lower():
            return False
        return bool(self.senses(a) & self.senses(b))

    def ranked_synonyms(self, a: str, b: str, senses: int = 0) -> bool:
        """True when two different base forms share a synset among the ``senses`` most
        frequent senses of each (0: any sense), as nouns or as verbs."""
        if a == b:
            return False
        for pos in _RANKED_POS:
            sa = self.ranked[pos].get(a, [])
            sb = self.ranked[pos].get(b, [])
            if senses:
                sa, sb = sa[:senses], sb[:senses]
            if set(sa) & set(sb):
                return True
        return False

    # -- hypernymy ----------------------------------------------------------------------

    @cached_property
    def _pointers(self) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
        """``hypernym_table`` and ``domain_table``, read together from ``data.noun``/``data.verb``."""
        ups_of: dict[str, tuple[str, ...]] = {}
        domains_of: dict[str, tuple[str, ...]] = {}
        for pos in _RANKED_POS:
            with open(self.root / f"data.{_POS_FILES[pos]}", encoding="latin-1") as fh:
                for line in fh:
                    if line.startswith(" "):
                        continue
                    parts = line.split()
                    i = 4 + 2 * int(parts[3], 16)
                    ups = []
                    domains = []
                    for _ in range(int(parts[i])):
                        sym, off, ptr_pos = parts[i + 1], parts[i + 2], parts[i + 3]
                        i += 4
                        if sym in ("@", "@i"):
                            ups.append(f"{ptr_pos}{off}")
                        elif sym == ";c":
                            domains.append(f"{ptr_pos}{off}")
                    sid = f"{pos}{parts[0]}"
                    ups_of[sid] = tuple(ups)
                    if domains:
                        domains_of[sid] = tuple(domains)
        return ups_of, domains_of

    @property
    def hypernym_table(self) -> dict[str, tuple[str, ...]]:
        """Noun and verb synset id → ids of its direct hypernyms and instance hypernyms
        (the ``@`` and ``@i`` pointers of the ``data.*`` files)."""
        return self._pointers[0]

    @property
    def domain_table(self) -> dict[str, tuple[str, ...]]:
        """Noun and verb synset id → ids of its topic domains (the ``;c`` pointers: "serve"
        in tennis → ``tennis.n.01``, "court-martial" → ``military.n.01``); most synsets
        have none."""
        return self._pointers[1]

    @cached_property
    def lexfile_table(self) -> dict[str, int]:
        """Verb synset id → its lexicographer file number (``lex_filenum`` of ``data.verb``;
        names in ``VERB_LEXFILES``)."""
        out: dict[str, int] = {}
        with open(self.root / "data.verb", encoding="latin-1") as fh:
            for line in fh:
                if not line.startswith(" "):
                    parts = line.split(maxsplit=2)
                    out[f"v{parts[0]}"] = int(parts[1])
        return out

    def verb_lexfiles(self, word: str, senses: int = 0) -> list[str]:
        """The lexicographer files ("communication", "cognition", …) of the ``senses`` most
        frequent verb senses of ``word`` (0: all), most frequent first."""
        table = self.lexfile_table
        return [VERB_LEXFILES.get(table.get(sid, -1), "") for sid in self.sense_ids(word, "v", senses)]

    def topic_domains(self, sid: str) -> tuple[str, ...]:
        """The topic domains WordNet puts the synset in (usually none)."""
        return self.domain_table.get(sid, ())

    def synset(self, name: str) -> str | None:
        """Id of a synset named as NLTK names them, ``lemma.pos.NN`` (``fire.n.01``: the
        most frequent noun sense of "fire"), or None when WordNet has no such sense."""
        lemma, pos, num = name.rsplit(".", 2)
        ranked = self.ranked.get(pos, {}).get(lemma, [])
        k = int(num) - 1
        return f"{pos}{ranked[k]}" if 0 <= k < len(ranked) else None

    def sense_ids(self, word: str, pos: str, senses: int = 0) -> list[str]:
        """Synset ids of ``word`` as a ``pos`` (``n`` or ``v``), most frequent first, over
        its morphy base forms; ``senses`` keeps that many of each base's senses (0: all)."""
        key = (word, pos, senses)
        found = self._sense_ids_of.get(key)
        if found is None:
            table = self.ranked[pos]
            out: list[str] = []
            for base in dict.fromkeys(self._morphy(_key(word), pos)):
                offs = table.get(base, [])
                out.extend(f"{pos}{o}" for o in (offs[:senses] if senses else offs) if f"{pos}{o}" not in out)
            if len(self._sense_ids_of) >= _MEMO_WORDS:  # bounded: a long ingest meets new words
                self._sense_ids_of.clear()
            found = self._sense_ids_of[key] = tuple(out)
        return list(found)

    def first_senses_under(self, word: str, anchors: Iterable[str], pos: str = "n", senses: int = 1) -> bool:
        """Whether one of the word's ``senses`` most frequent senses as a ``pos`` is one of
        ``anchors`` (synsets named as NLTK names them, ``artifact.n.01``) or below one."""
        ids = {sid for name in anchors if (sid := self.synset(name)) is not None}
        return bool(ids) and any(ids & self.ancestors(s) for s in self.sense_ids(word, pos, senses)[:senses])

    def ancestors(self, sid: str) -> set[str]:
        """The synset itself and every synset above it by hypernymy."""
        found = self._ancestors_of.get(sid)
        if found is None:  # at most one entry per synset of WordNet: bounded by its size
            table = self.hypernym_table
            seen = {sid}
            stack = [sid]
            while stack:
                for up in table.get(stack.pop(), ()):
                    if up not in seen:
                        seen.add(up)
                        stack.append(up)
            found = self._ancestors_of[sid] = frozenset(seen)
        return set(found)

    def known(self, word: str) -> bool:
        return bool(self.lemmas(word))

    def common_noun(self, word: str) -> bool:
        """True when ``word`` (or its base form) is a lower-case noun in WordNet."""
        w = word.lower()
        return w in self.common_nouns or any(b in self.common_nouns for b in self.lemmas(w))


#: The files every table above reads (the ``*.exc`` lists are optional).
_REQUIRED = [f"data.{name}" for name in _POS_FILES.values()] + [f"index.{_POS_FILES[p]}" for p in _RANKED_POS]


def _root() -> Path | None:
    for cand in (os.environ.get("NEWSGRAPH_WORDNET"), "/usr/share/wordnet"):
        if cand and all((Path(cand) / name).exists() for name in _REQUIRED):
            return Path(cand)
    return None


@lru_cache(maxsize=1)
def wordnet() -> WordNet | None:
    """The shared WordNet (tables read on first use), or None when ``wordnet-base`` is
    not installed."""
    root = _root()
    return WordNet(root) if root else None


@lru_cache(maxsize=50_000)
def base_form(word: str) -> str:
    """``WordNet.base_form`` of the shared WordNet; ``word`` lower-cased without it."""
    wn = wordnet()
    return wn.base_form(word) if wn else word.lower()


@lru_cache(maxsize=200_000)
def ranked_synonyms(a: str, b: str, senses: int = 0) -> bool:
    """``WordNet.ranked_synonyms`` of the base forms of two words (False without WordNet)."""
    wn = wordnet()
    if wn is None:
        return False
    return wn.ranked_synonyms(base_form(a), base_form(b), senses)
