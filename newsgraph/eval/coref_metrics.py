"""Coreference metrics: MUC, B³, CEAF-e and the CoNLL average, as defined for the
CoNLL-2011/2012 shared tasks (Pradhan et al. 2014, "Scoring Coreference Partitions of
Predicted Mentions: A Reference Implementation").

Implemented here rather than taken from PyPI: the only scorer package that installs
(``scorch`` 0.2.0) was last released in 2020; these are the textbook definitions
(~100 lines), checked in tests against the worked example of Pradhan et al. 2014 and
hand-computed cases. Singletons count (as in ECB+ evaluation). CEAF-e's optimal
alignment uses the Hungarian algorithm (scipy) on each connected component of the
key/response overlap graph, so the whole-corpus score needs no dense K×R matrix.

Mentions are any hashable ids; clusters are iterables of ids. Mentions present on only
one side count as unaligned singletons on the other side (the reference scorer's rule).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

__all__ = ["Score", "b_cubed", "ceaf_e", "clusters_from_labels", "conll", "evaluate", "muc"]

Clusters = list[frozenset[Hashable]]


@dataclass(slots=True, frozen=True)
class Score:
    recall: float
    precision: float

    @property
    def f1(self) -> float:
        r, p = self.recall, self.precision
        return 2 * p * r / (p + r) if p + r else 0.0


def _clean(clusters: Iterable[Iterable[Hashable]]) -> Clusters:
    return [frozenset(c) for c in clusters if c]


def clusters_from_labels(labels: Mapping[Hashable, Hashable]) -> Clusters:
    """``{mention: cluster id}`` → list of clusters."""
    groups: dict[Hashable, set[Hashable]] = defaultdict(set)
    for mention, cluster in labels.items():
        groups[cluster].add(mention)
    return [frozenset(g) for g in groups.values()]


def _index(clusters: Clusters) -> dict[Hashable, int]:
    return {m: i for i, c in enumerate(clusters) for m in c}


def _muc_side(key: Clusters, response: Clusters) -> float:
    where = _index(response)
    num = den = 0
    for k in key:
        # Partitions of k induced by the response; unaligned mentions are singletons.
        parts = {where.get(m, ("missing", m)) for m in k}
        num += len(k) - len(parts)
        den += len(k) - 1
    return num / den if den else 0.0


def muc(key: Iterable[Iterable[Hashable]], response: Iterable[Iterable[Hashable]]) -> Score:
    """Link-based MUC (Vilain et al. 1995)."""
    k, r = _clean(key), _clean(response)
    return Score(_muc_side(k, r), _muc_side(r, k))


def _b3_side(key: Clusters, response: Clusters) -> float:
    where = _index(response)
    total = sum(len(k) for k in key)
    if not total:
        return 0.0
    acc = 0.0
    for k in key:
        overlap: dict[int, int] = defaultdict(int)
        for m in k:
            if m in where:
                overlap[where[m]] += 1
        acc += sum(n * n for n in overlap.values()) / len(k)
    return acc / total


def b_cubed(key: Iterable[Iterable[Hashable]], response: Iterable[Iterable[Hashable]]) -> Score:
    """Mention-based B³ (Bagga and Baldwin 1998)."""
    k, r = _clean(key), _clean(response)
    return Score(_b3_side(k, r), _b3_side(r, k))


def ceaf_e(key: Iterable[Iterable[Hashable]], response: Iterable[Iterable[Hashable]]) -> Score:
    """Entity-based CEAF with φ4 similarity (Luo 2005)."""
    k, r = _clean(key), _clean(response)
    if not k or not r:
        return Score(0.0, 0.0)
    where_r = _index(r)
    # Connected components of the bipartite overlap graph (union-find over cluster ids).
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    pairs: set[tuple[int, int]] = set()
    for i, cluster in enumerate(k):
        for m in cluster:
            j = where_r.get(m)
            if j is not None:
                pairs.add((i, j))
                a, b = find(("k", i)), find(("r", j))
                if a != b:
                    parent[a] = b
    components: dict[tuple[str, int], tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    seen_k: set[int] = set()
    seen_r: set[int] = set()
    for i, j in pairs:
        root = find(("k", i))
        ks, rs = components[root]
        if i not in seen_k:
            seen_k.add(i)
            ks.append(i)
        if j not in seen_r:
            seen_r.add(j)
            rs.append(j)
    similarity = 0.0
    for ks, rs in components.values():
        if len(ks) == 1 and len(rs) == 1:
            a, b = k[ks[0]], r[rs[0]]
            similarity += 2 * len(a & b) / (len(a) + len(b))
            continue
        matrix = np.zeros((len(ks), len(rs)))
        for x, i in enumerate(ks):
            for y, j in enumerate(rs):
                inter = len(k[i] & r[j])
                if inter:
                    matrix[x, y] = 2 * inter / (len(k[i]) + len(r[j]))
        rows, cols = linear_sum_assignment(matrix, maximize=True)
        similarity += float(matrix[rows, cols].sum())
    return Score(similarity / len(k), similarity / len(r))


def conll(key: Iterable[Iterable[Hashable]], response: Iterable[Iterable[Hashable]]) -> float:
    """CoNLL F1: mean of MUC, B³ and CEAF-e F1."""
    k, r = _clean(key), _clean(response)
    return (muc(k, r).f1 + b_cubed(k, r).f1 + ceaf_e(k, r).f1) / 3


def evaluate(
    key: Iterable[Iterable[Hashable]], response: Iterable[Iterable[Hashable]]
) -> dict[str, Score | float]:
    """All four figures at once: ``{"muc", "b3", "ceafe": Score, "conll": float}``."""
    k, r = _clean(key), _clean(response)
    scores: dict[str, Score | float] = {"muc": muc(k, r), "b3": b_cubed(k, r), "ceafe": ceaf_e(k, r)}
    scores["conll"] = sum(s.f1 for s in scores.values() if isinstance(s, Score)) / 3
    return scores
