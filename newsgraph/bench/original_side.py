"""Which side of a translation is the original, read from how the texts read (issue 18).

On WMT newstest (``../shared/data/multilingual/wmt-newstest``, read its README), every
document exists in fr, en, de and es and ``origlang`` says which is the original. For
each two language versions of a document, ``resolve.stories.translationese.read_pair``
states a side or says unknown; figures per *direction* (original language → translation
language) on the pairs one side of which is the original: how often a side is stated and
the precision of the stated side; and, on the sibling pairs (both translate a third
language's original, so neither is the original), how often a side is wrongly stated.
The texts are read directly, not ingested: the cues need only the two texts and their
languages, which the pipeline gives the link (``original.original_side``).

Tuned on newstest2008–2010 (``--fit`` refits the norms there and prints them, and the
thresholds' grid); report 2011–2013:

    newsgraph bench original-side --years 2008-2010 --fit
    newsgraph bench original-side --years 2011-2013
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from newsgraph.bench import data_dir
from newsgraph.resolve.stories.translationese import (
    NORMS,
    PAIR_CUES,
    TEXT_CUES,
    Norms,
    native_logit,
    other_words,
    pair_parts,
    shared_name_cue,
    states_side,
    text_cues,
)

__all__ = ["fit", "main", "measure", "score"]


@dataclass
class Version:
    """One language version of a WMT document, with its cues."""

    set: str
    docid: str
    origlang: str
    lang: str
    text: str
    cues: dict[str, float]
    other: dict[str, float]  # other_words against each other language


def _years(spec: str) -> list[str]:
    if "-" in spec:
        lo, hi = (int(x) for x in spec.split("-"))
        return [f"newstest{y}" for y in range(lo, hi + 1)]
    return [f"newstest{int(y)}" for y in spec.split(",")]


def measure(years: str, langs: list[str]) -> list[list[Version]]:
    """Each document of the years as its versions in ``langs``, cues computed."""
    sets = _years(years)
    out = []
    with (data_dir("multilingual", "wmt-newstest") / "docs.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d["set"] not in sets:
                continue
            versions = []
            for lang in langs:
                if lang not in d:
                    continue
                title, body = d[lang]["title"].strip(), d[lang]["body"].strip()
                text = f"{title}\n\n{body}" if d.get("headline_marked") else body
                other = {o: other_words(text, lang, o) for o in langs if o != lang}
                cues = text_cues(text, lang)
                versions.append(Version(d["set"], d["docid"], d["origlang"], lang, text, cues, other))
            out.append(versions)
    return out


def _logistic(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 4000,
              rate: float = 0.1) -> np.ndarray:
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ w))
        w -= rate * (x.T @ (p - y) / len(y) + l2 * w / len(y))
    return w


def _pairs(docs: list[list[Version]]) -> list[tuple[Version, Version, float]]:
    return [(a, b, shared_name_cue(a.text, a.lang, b.text, b.lang))
            for versions in docs for a, b in itertools.combinations(versions, 2)]


def fit(docs: list[list[Version]], min_score: float, min_native: float) -> Norms:
    """Norms fitted on ``docs``: per-language centres, the per-text native model and the
    pair weights (logistic regression, symmetric: each pair also read the other way)."""
    langs = sorted({v.lang for vs in docs for v in vs})
    centres: dict[str, tuple[float, ...]] = {}
    for lang in langs:
        vs = [v for d in docs for v in d if v.lang == lang]
        means = [float(np.mean([v.cues[k] for v in vs])) for k in TEXT_CUES]
        centres[lang] = (*means, float(np.mean([x for v in vs for x in v.other.values()])))
    flat = [v for d in docs for v in d]
    z = np.array([[v.cues[k] - centres[v.lang][i] for i, k in enumerate(TEXT_CUES)] for v in flat])
    spread = z.std(axis=0) + 1e-12
    xs = np.hstack([z / spread, np.ones((len(flat), 1))])
    native = _logistic(xs, np.array([float(v.origlang == v.lang) for v in flat]))
    norms = Norms(centres, (1.0,) * len(PAIR_CUES), tuple(float(s) for s in spread),
                  tuple(float(w) for w in native), min_score, min_native)
    rows, ys = [], []
    unit = [tuple(float(i == k) for i in range(len(PAIR_CUES))) for k in range(len(PAIR_CUES))]
    for a, b, names_ab in _pairs(docs):
        if a.origlang not in (a.lang, b.lang):
            continue
        diffs = []
        for u in unit:
            parts = pair_parts(a.cues, a.lang, a.other[b.lang], b.cues, b.lang, b.other[a.lang], names_ab,
                               replace(norms, pair_weights=u))
            diffs.append(sum(parts))
        rows.append(diffs)
        ys.append(float(a.origlang == a.lang))
    x = np.array(rows)
    sd = x.std(axis=0) + 1e-12
    y = np.array(ys)
    w = _logistic(np.vstack([x / sd, -x / sd]), np.concatenate([y, 1 - y]))
    return replace(norms, pair_weights=tuple(float(v) for v in w / sd))


def score(docs: list[list[Version]], norms: Norms = NORMS) -> dict[str, Any]:
    """Per direction (original → translation): stated, right; per sibling language pair:
    stated (wrongly)."""
    direction: dict[str, Counter[str]] = defaultdict(Counter)
    sibling: dict[str, Counter[str]] = defaultdict(Counter)
    for a, b, names_ab in _pairs(docs):
        if a.lang not in norms.languages or b.lang not in norms.languages:
            continue
        parts = pair_parts(a.cues, a.lang, a.other[b.lang], b.cues, b.lang, b.other[a.lang], names_ab, norms)
        total = sum(parts)
        cand = a if total > 0 else b
        stated = states_side(parts, native_logit(cand.cues, cand.lang, norms), norms)
        if a.origlang in (a.lang, b.lang):
            orig, trans = (a, b) if a.origlang == a.lang else (b, a)
            c = direction[f"{orig.lang}→{trans.lang}"]
            c["pairs"] += 1
            if stated:
                c["stated"] += 1
                c["right"] += cand is orig
        else:
            c = sibling["–".join(sorted((a.lang, b.lang)))]
            c["pairs"] += 1
            c["stated"] += stated
    return {"directions": {k: dict(v) for k, v in sorted(direction.items())},
            "siblings": {k: dict(v) for k, v in sorted(sibling.items())}}


def _print(res: dict[str, Any], years: str, tuned: bool) -> None:
    print(f"WMT newstest {years} ({'tuned on these years' if tuned else 'not tuned on (held apart)'})")
    print(f"  {'original→translation':22} {'pairs':>6} {'stated':>7} {'share':>6} {'right':>6} {'P':>6}")
    tot: Counter[str] = Counter()
    for k, c in res["directions"].items():
        tot.update(c)
        print(f"  {k:22} {c['pairs']:6d} {c.get('stated', 0):7d} {c.get('stated', 0) / c['pairs']:6.3f} "
              f"{c.get('right', 0):6d} {c.get('right', 0) / max(c.get('stated', 0), 1):6.3f}")
    print(f"  {'all':22} {tot['pairs']:6d} {tot['stated']:7d} {tot['stated'] / max(tot['pairs'], 1):6.3f} "
          f"{tot['right']:6d} {tot['right'] / max(tot['stated'], 1):6.3f}")
    print("  sibling pairs (both translate a third language's original): a side stated, wrongly")
    stot: Counter[str] = Counter()
    for k, c in res["siblings"].items():
        stot.update(c)
        print(f"  {k:22} {c['pairs']:6d} {c.get('stated', 0):7d} {c.get('stated', 0) / c['pairs']:6.3f}")
    share = stot["stated"] / max(stot["pairs"], 1)
    print(f"  {'all':22} {stot['pairs']:6d} {stot['stated']:7d} {share:6.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="newsgraph bench original-side", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--years", default="2008-2010", help="newstest years: 2008-2010 (tuned on) or 2011-2013")
    ap.add_argument("--langs", default="fr,en,de,es")
    ap.add_argument("--fit", action="store_true",
                    help="refit the norms on these years, print them and the thresholds' grid, "
                         "and score with them")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    langs = [x.strip() for x in args.langs.split(",") if x.strip()]
    try:
        docs = measure(args.years, langs)
    except FileNotFoundError as exc:
        print(f"newsgraph bench original-side: {exc}", file=sys.stderr)
        return 2
    norms = NORMS
    if args.fit:
        norms = replace(fit(docs, NORMS.min_score, NORMS.min_native), min_agreeing=NORMS.min_agreeing)
        print(f"fitted: {norms!r}\n")
        grid = itertools.product((1.0, 2.0, 3.0), (-9.0, -1.5, -1.0, -0.5), (2, 3))
        for min_score, min_native, min_agreeing in grid:
            res = score(docs, replace(norms, min_score=min_score, min_native=min_native,
                                      min_agreeing=min_agreeing))
            d = Counter[str]()
            s = Counter[str]()
            for c in res["directions"].values():
                d.update(c)
            for c in res["siblings"].values():
                s.update(c)
            print(f"min_score {min_score} min_native {min_native:+.1f} agreeing {min_agreeing}: "
                  f"stated {d['stated'] / d['pairs']:.3f} P {d['right'] / max(d['stated'], 1):.3f}; "
                  f"siblings stated {s['stated'] / s['pairs']:.3f}")
        print()
    res = score(docs, norms)
    if args.json:
        print(json.dumps(res, indent=1))
    else:
        _print(res, args.years, args.years == "2008-2010")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
