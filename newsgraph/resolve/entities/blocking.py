"""Candidate generation: which existing entities a new chain is compared with.

Owns the blocking keys and the inverted index behind them. A chain is only ever
scored against entities that share at least one key, only the ``block_cap``
most recent entities under a key are read, and of those only the ``score_cap`` that
share the strongest keys are scored, so the work per chain is bounded by a constant
and resolution is linear in the number of chains — sub-quadratic by construction,
not by luck of the data.

Keys of a name (``ParsedName``):

- ``c:`` compact form (case, hyphens, spaces, possessive, honorific folded away);
- ``v:`` romanisation skeleton (``names.variant_key``) of the compact form;
- ``t:`` each word of a multi-word name (so ``Reid`` finds ``Tara Reid``);
- ``a:`` initials of a multi-word name; an acronym mention looks itself up there;
- ``p:`` Metaphone code of each long word (jellyfish);
- ``l:`` neighbours in a MinHash LSH over character 3-grams of compact forms
  (datasketch), which catches typos and transliterations the other keys miss;
- ``s:`` consonant skeleton (``names.consonant_skeleton``) of a one-word name, or of the
  first and last distinctive words of a longer one: transliterations that change vowels
  and letters freely ("Hallasan" / "Harasan"), only ever a candidate;
- ``h:`` head lemma of a common-noun chain.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from functools import lru_cache

import jellyfish
from datasketch import MinHash, MinHashLSH

from newsgraph.resolve.entities.names import (
    NAME_STOPWORDS,
    ParsedName,
    acronym,
    compact,
    consonant_skeleton,
    skeleton_words,
)
from newsgraph.resolve.entities.settings import ResolverOptions


@lru_cache(maxsize=4)
def _empty(num_perm: int) -> MinHash:
    """An empty MinHash to copy: a new one draws its hash permutations from the fixed seed
    again, which was most of the cost of hashing a name."""
    return MinHash(num_perm=num_perm)


@lru_cache(maxsize=4096)
def _minhash(compact_name: str, num_perm: int) -> MinHash:
    """A compact name's MinHash over its character 3-grams. Memoised (read only: the LSH
    hashes its values, keeps none of it): a new chain's names are hashed to look them up
    and again when its entity is indexed, and news repeats its names across documents."""
    grams = {compact_name[i : i + 3].encode() for i in range(max(1, len(compact_name) - 2))}
    mh = _empty(num_perm).copy()
    mh.update_batch(list(grams))
    return mh


__all__ = ["BlockIndex", "NameLSH", "name_keys", "skeleton_keys"]

#: How much sharing one key says about two names (ranks candidates in ``lookup``): a
#: shared compact spelling or romanisation skeleton outweighs a shared word, initials,
#: sound or consonant skeleton, which many different names share.
_KEY_WEIGHT: dict[str, float] = {"c:": 4.0, "v:": 3.0, "h:": 2.0, "a:": 2.0, "t:": 1.0, "p:": 1.0, "s:": 1.0}
#: An LSH neighbour (similar character 3-grams) is between a spelling and a sound.
_LSH_WEIGHT = 2.0


def name_keys(p: ParsedName, options: ResolverOptions) -> list[str]:
    """Blocking keys of one parsed name (LSH neighbours are looked up separately)."""
    from newsgraph.resolve.entities.names import variant_key

    if not p.tokens:
        return []
    c = p.compact
    keys = [f"c:{c}"]
    if p.acronym_form:
        keys.append(f"a:{c}")
        return keys
    if len(c) >= 4:
        keys.append(f"v:{variant_key(c)}")
    if not p.is_multi:
        keys.append(f"t:{c}")
    else:
        for tok in p.tokens:
            t = compact((tok,))
            if len(t) >= 2 and t not in NAME_STOPWORDS:
                keys.append(f"t:{t}")
        initials = acronym(p.surface)
        if initials:
            keys.append(f"a:{initials}")
    for tok in p.tokens:
        t = compact((tok,))
        if len(t) >= options.fuzzy_min_length:
            keys.append(f"p:{jellyfish.metaphone(t)}")
    if options.skeleton_keys:
        keys.extend(f"s:{k}" for k in skeleton_keys(p, options.fuzzy_min_length))
    return keys


def skeleton_keys(p: ParsedName, min_length: int) -> list[str]:
    """Consonant skeletons of the words a short form can stand for: the word itself, or
    the first and last distinctive words of a longer name ("Ostrel" of "Ostrel Civil
    Front")."""
    if p.acronym_form:
        return []
    if not p.is_multi:
        key = consonant_skeleton(p.compact) if len(p.compact) >= min_length and p.compact.isalpha() else ""
        return [key] if key else []
    words = skeleton_words(p, min_length)
    ends = {words[0], words[-1]} if words else set()
    return sorted({k for k in (consonant_skeleton(w) for w in ends) if k})


class NameLSH:
    """The names' MinHash LSH, answering as datasketch's ``MinHashLSH`` built with the same
    threshold and permutations does (its bands and rows, its band hashes) for keys inserted
    once each. A band's bucket holds the one name most buckets hold, and a set only once a
    second name shares it: ``MinHashLSH`` keeps a set per bucket (one name in 19 of 20 of
    them on Reuters stories) and every key's band hashes again, which made the LSH most of
    the resolver's index and grew with the names seen."""

    def __init__(self, threshold: float, num_perm: int):
        self.hashranges = list(MinHashLSH(threshold=threshold, num_perm=num_perm).hashranges)
        self.tables: list[dict[bytes, str | set[str]]] = [{} for _ in self.hashranges]

    def _bands(self, minhash: MinHash) -> list[bytes]:
        values = minhash.hashvalues
        return [bytes(values[start:end].byteswap().data) for start, end in self.hashranges]

    def insert(self, key: str, minhash: MinHash) -> None:
        for band, table in zip(self._bands(minhash), self.tables, strict=True):
            held = table.get(band)
            if held is None:
                table[band] = key
            elif isinstance(held, str):
                if held != key:
                    table[band] = {held, key}
            else:
                held.add(key)

    def query(self, minhash: MinHash) -> set[str]:
        found: set[str] = set()
        for band, table in zip(self._bands(minhash), self.tables, strict=True):
            held = table.get(band)
            if held is None:
                continue
            if isinstance(held, str):
                found.add(held)
            else:
                found.update(held)
        return found


class BlockIndex:
    """Inverted index key → entity ids (insertion-ordered, newest last) plus name LSH."""

    def __init__(self, options: ResolverOptions):
        self.options = options
        self.postings: dict[str, dict[str, None]] = defaultdict(dict)
        self.lsh = NameLSH(options.lsh_threshold, options.lsh_perm)
        self._in_lsh: set[str] = set()

    def _minhash(self, compact_name: str) -> MinHash:
        return _minhash(compact_name, self.options.lsh_perm)

    def add(self, entity: str, keys: list[str], names: list[ParsedName]) -> None:
        cap = self.options.block_cap
        for key in keys:
            posting = self.postings[key]
            posting.pop(entity, None)  # re-insert: most recent last
            posting[entity] = None
            if len(posting) > 2 * cap:
                # ``lookup`` reads the newest ``block_cap`` of a key, and an entity added
                # again goes last whether it was still there or not: the older ones are never
                # read again. Kept whole, a common word's posting held every entity it named
                # and grew with the corpus.
                for old in list(itertools.islice(posting, len(posting) - cap)):
                    del posting[old]
        for p in names:
            c = p.compact
            if len(c) >= self.options.fuzzy_min_length and not p.acronym_form and c not in self._in_lsh:
                self._in_lsh.add(c)
                self.lsh.insert(c, self._minhash(c))

    def lookup(self, keys: list[str], names: list[ParsedName], limit: int | None = None) -> list[str]:
        """Entity ids under any key of the chain (each posting read up to ``block_cap``),
        strongest evidence first; at most ``limit`` of them when given.

        Entities are ranked by the summed weight of the keys they share with the chain
        (``_KEY_WEIGHT``: a shared spelling outweighs a shared sound or word), newest
        first among equals — so a limit drops the entities only weak keys reached."""
        weight: dict[str, float] = {}
        cap = self.options.block_cap
        lookups = [(k, _KEY_WEIGHT.get(k[:2], 1.0)) for k in keys]
        for p in names:
            if p.acronym_form:
                lookups.append((f"a:{p.compact}", _KEY_WEIGHT["a:"]))
            elif not p.is_multi:
                # A single word may be one word of a longer name ("Reid" → "Tara Reid").
                lookups.append((f"t:{p.compact}", _KEY_WEIGHT["t:"]))
            c = p.compact
            if len(c) >= self.options.fuzzy_min_length and not p.acronym_form:
                # The LSH answers a set: sorted, the neighbours kept under the cap (and so the
                # ties among candidates) do not depend on the process's hash seed.
                for neighbour in itertools.islice(sorted(self.lsh.query(self._minhash(c))), cap):
                    lookups.append((f"c:{neighbour}", _LSH_WEIGHT))
        for key, w in lookups:
            posting = self.postings.get(key)
            if not posting:
                continue
            for entity in itertools.islice(reversed(posting), cap):
                weight[entity] = weight.get(entity, 0.0) + w
        ranked = sorted(weight, key=lambda e: -weight[e])  # stable: newest first among equals
        return ranked if limit is None else ranked[:limit]
