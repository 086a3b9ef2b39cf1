"""Translation links and stories across languages on WMT newstest (issue 18).

The French and English versions (``--langs``) of the WMT newstest articles of some
years (``../shared/data/multilingual/wmt-newstest``, read its README) are written as
separate plain-text articles — title line, blank line, body; nothing else, so the
``docid`` that pairs them (and often names the outlet) stays hidden — shuffled among
unrelated news (BBC News in English, French Wikinews from WiNER-fr), and ingested into
a fresh store through the whole pipeline. Then, from the store:

- ``translation`` links against the true pairs (every two language versions of one
  docid), apart for *original* pairs (one side is the original: ``origlang`` is one of
  the pair's languages) and *sibling* pairs (both translate a third-language original);
  a link touching an unrelated article, or two versions of different docids, is false;
- original side: of the linked original pairs, how many name the right original, the
  wrong one, or say unknown (and siblings: said "no original" or not);
- stories: B³ against gold stories (one docid's versions are one story, each unrelated
  article its own), and how many stories hold articles of more than one gold story
  all in one language (what once put 149 unrelated French articles in one story).

Tuned on newstest2008–2010 (``--years 2008-2010``, the default); report 2011–2013:

    newsgraph bench multilingual --years 2008-2010
    newsgraph bench multilingual --years 2011-2013
    newsgraph bench multilingual --years 2011-2013 --langs fr,en,de,es
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.bench import data_dir
from newsgraph.store import Store
from newsgraph.store.bench_queries import TranslationRows, translation_rows

__all__ = ["Article", "build_corpus", "main", "run", "score"]


@dataclass
class Article:
    """One article of the benchmark: its text, language, and the gold it is scored on."""

    name: str
    text: str
    lang: str
    group: str  # gold story: the WMT docid, or the article's own name if unrelated
    origlang: str | None = None  # WMT only


def _years(spec: str) -> list[str]:
    if "-" in spec:
        lo, hi = (int(x) for x in spec.split("-"))
        return [f"newstest{y}" for y in range(lo, hi + 1)]
    return [f"newstest{int(y)}" for y in spec.split(",")]


def _wmt(sets: list[str], langs: list[str], limit: int | None, rng: random.Random) -> list[Article]:
    with (data_dir("multilingual", "wmt-newstest") / "docs.jsonl").open(encoding="utf-8") as fh:
        records = [d for line in fh if (d := json.loads(line))["set"] in sets]
    if limit is not None and limit < len(records):
        records = rng.sample(records, limit)
    out = []
    for d in records:
        for lang in langs:
            if lang not in d:
                continue
            title, body = d[lang]["title"].strip(), d[lang]["body"].strip()
            # 2008 marks no headline: its "title" is the body's first segment, a guess
            text = f"{title}\n\n{body}" if d.get("headline_marked") else body
            out.append(Article("", text, lang, f"{d['set']}/{d['docid']}", d["origlang"]))
    return out


def _bbc(n: int, rng: random.Random) -> list[Article]:
    root = data_dir("corpora", "bbc-news")
    paths = sorted(root.glob("*/*.txt"))
    out = []
    for p in rng.sample(paths, min(n, len(paths))):
        title, _, body = p.read_bytes().decode("latin-1").strip().partition("\n")
        out.append(Article("", f"{title.strip()}\n\n{body.strip()}", "en", f"bbc/{p.parent.name}/{p.name}"))
    return out


def _winer(n: int, rng: random.Random) -> list[Article]:
    with (data_dir("multilingual", "winer-fr") / "documents.jsonl").open(encoding="utf-8") as fh:
        recs = [json.loads(line) for line in fh]
    picked = rng.sample(recs, min(n, len(recs)))
    return [Article("", r["text"].strip(), "fr", f"winer/{r['id']}") for r in picked]


def build_corpus(years: str, langs: list[str], n_bbc: int, n_french: int, seed: int,
                 limit: int | None = None) -> list[Article]:
    """The benchmark's articles in ingest order, each with a neutral file name; ``limit``:
    a seeded sample of that many WMT documents (each in every language of ``langs``)."""
    rng = random.Random(seed)
    arts = _wmt(_years(years), langs, limit, rng) + _bbc(n_bbc, rng)
    arts += _winer(n_french, rng) if "fr" in langs else []
    rng.shuffle(arts)
    for k, a in enumerate(arts):
        a.name = f"article-{k:05d}.txt"
    return arts


def _ingest(arts: list[Article], folder: Path, db: Path) -> dict[str, Any]:
    from newsgraph.pipeline import ingest

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for a in arts:
        p = folder / a.name
        p.write_text(a.text + "\n", encoding="utf-8")
        paths.append(str(p))
    t = time.perf_counter()
    with Store(db) as store:
        report = ingest(paths, store)
    return {"ingested": len(report.ingested), "failed": len(report.failed),
            "present": len(report.present), "seconds": round(time.perf_counter() - t, 1)}


def _b3(gold: dict[str, str], pred: dict[str, str]) -> tuple[float, float, float]:
    from newsgraph.eval.coref_metrics import b_cubed, clusters_from_labels

    s = b_cubed(clusters_from_labels(gold), clusters_from_labels(pred))
    return s.precision, s.recall, s.f1


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0}


def score(arts: list[Article], rows: TranslationRows) -> dict[str, Any]:
    """Figures from a store the articles were ingested into (its ``rows``)."""
    by_name = {a.name: a for a in arts}
    art: dict[str, Article] = {}
    lang_of: dict[str, str | None] = {}
    for doc_id, path, language in rows.documents:
        a = by_name.get(Path(path).name)
        if a is not None:
            art[doc_id] = a
            lang_of[doc_id] = language
    ids_of: dict[str, list[str]] = defaultdict(list)
    for did, a in art.items():
        ids_of[a.group].append(did)

    def kind_of(x: str, y: str) -> str | None:
        ax, ay = art[x], art[y]
        if ax.group != ay.group or ax.origlang is None:
            return None
        return "original" if ax.origlang in (ax.lang, ay.lang) else "sibling"

    def pair_name(x: str, y: str) -> str:
        return "–".join(sorted((art[x].lang, art[y].lang)))

    true: dict[frozenset[str], str] = {}
    for ids in ids_of.values():
        for x, y in itertools.combinations(ids, 2):
            if art[x].lang != art[y].lang and (k := kind_of(x, y)):
                true[frozenset((x, y))] = k
    links = {}
    for a, b, data in rows.translations:
        if a in art and b in art:
            links[frozenset((a, b))] = data
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for pair, k in true.items():
        x, y = sorted(pair)
        counts[(pair_name(x, y), k)]["fn" if pair not in links else "tp"] += 1
    for pair in links:
        if pair not in true:
            x, y = sorted(pair)
            # a false link is charged to its pair of languages, and to "sibling" only when
            # both sides are versions of third-language originals
            third = all(art[d].origlang and art[d].origlang not in (art[x].lang, art[y].lang) for d in pair)
            counts[(pair_name(x, y), "sibling" if third else "original")]["fp"] += 1
    table = []
    for lp in sorted({lp for lp, _ in counts}):
        for k in ("original", "sibling", "all"):
            c = (counts[(lp, "original")] + counts[(lp, "sibling")]) if k == "all" else counts[(lp, k)]
            table.append({"langs": lp, "pairs": k, **_prf(c["tp"], c["fp"], c["fn"])})
    # original side, on the linked original pairs
    side: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    for pair, data in links.items():
        k = true.get(pair)
        if k is None:
            continue
        said = data.get("original")
        reasons[(data.get("original_reason") or "").split(":")[0][:40]] += 1
        if k == "sibling":
            side["sibling, no original said" if said is None else "sibling, an original said (wrong)"] += 1
        elif said is None:
            side["unknown"] += 1
        else:
            side["right" if art[said].lang == art[said].origlang else "wrong"] += 1
    # stories
    story: dict[str, str] = {}
    for sid, did in rows.story_documents:
        if did in art:
            story[did] = sid
    gold = {d: art[d].group for d in art}
    pred = {d: story.get(d, f"alone:{d}") for d in art}
    p, r, f = _b3(gold, pred)
    members: dict[str, list[str]] = defaultdict(list)
    for d, s in pred.items():
        members[s].append(d)
    mixed = [m for m in members.values() if len({art[d].group for d in m}) > 1]
    one_lang = [m for m in mixed if len({art[d].lang for d in m}) == 1]
    together = sum(1 for ids in ids_of.values() if len(ids) > 1 and len({pred[d] for d in ids}) == 1)
    return {
        "articles": len(art), "true_pairs": Counter(true.values()), "links": table,
        "original_side": dict(side),
        "original_reasons": dict(reasons), "b3": {"precision": p, "recall": r, "f1": f},
        "stories": len(members), "wmt_groups_whole": together,
        "wmt_groups": sum(1 for ids in ids_of.values() if len(ids) > 1),
        "stories_mixed": len(mixed), "stories_mixed_one_language": len(one_lang),
        "largest_mixed_one_language": max((len(m) for m in one_lang), default=0),
        "languages_detected": dict(Counter(f"{art[d].lang}→{lang_of[d]}" for d in art)),
    }


def run(years: str = "2008-2010", langs: str = "fr,en", bbc: int = 200, french: int = 100,
        seed: int = 18, workdir: Path | None = None, keep: bool = False,
        limit: int | None = None) -> dict[str, Any]:
    lang_list = [x.strip() for x in langs.split(",") if x.strip()]
    arts = build_corpus(years, lang_list, bbc, french, seed, limit)
    own = workdir is None
    work = Path(tempfile.mkdtemp(prefix="newsgraph-multilingual-")) if own else Path(workdir)  # type: ignore[arg-type]
    db = work / f"multilingual-{years}-{'-'.join(lang_list)}.db"
    if db.exists():
        db.unlink()
    try:
        ing = _ingest(arts, work / "articles", db)
        with Store(db, readonly=True) as store:
            res = score(arts, translation_rows(store))
    finally:
        if own and not keep:
            shutil.rmtree(work, ignore_errors=True)
    res.update({"years": years, "langs": lang_list, "limit": limit, "ingest": ing, "unrelated_bbc": bbc,
                "unrelated_french": french if "fr" in lang_list else 0, "seed": seed,
                "db": str(db) if keep or not own else None})
    return res


def _print(res: dict[str, Any]) -> None:
    tuned = "tuned on these years" if res["years"] in ("2008-2010",) else "not tuned on (held apart)"
    sample = f", a sample of {res['limit']} documents" if res.get("limit") else ""
    print(f"WMT newstest {res['years']}{sample} ({tuned}), languages {','.join(res['langs'])}; unrelated: "
          f"{res['unrelated_bbc']} BBC (en) + {res['unrelated_french']} WiNER-fr (fr); seed {res['seed']}")
    ing = res["ingest"]
    print(f"ingest: {ing['ingested']} articles in {ing['seconds']} s (failed {ing['failed']}, "
          f"present {ing['present']}); machine shared, speed is indicative only")
    print(f"language detected (true→stored): {res['languages_detected']}")
    print(f"true pairs: {dict(res['true_pairs'])}")
    print("\ntranslation links vs true pairs")
    print(f"  {'langs':7} {'pairs':9} {'tp':>5} {'fp':>5} {'fn':>5} {'P':>7} {'R':>7} {'F1':>7}")
    for row in res["links"]:
        print(f"  {row['langs']:7} {row['pairs']:9} {row['tp']:5d} {row['fp']:5d} {row['fn']:5d} "
              f"{row['precision']:7.3f} {row['recall']:7.3f} {row['f1']:7.3f}")
    print(f"\noriginal side on linked true pairs: {res['original_side']}")
    print(f"  reasons given: {res['original_reasons']}")
    b = res["b3"]
    print(f"\nstories: {res['stories']} for {res['articles']} articles; B³ P {b['precision']:.3f} "
          f"R {b['recall']:.3f} F1 {b['f1']:.3f}")
    print(f"  WMT articles with all their versions in one story: {res['wmt_groups_whole']} "
          f"of {res['wmt_groups']}")
    print(f"  stories holding articles of more than one gold story: {res['stories_mixed']}; of them all "
          f"in one language: {res['stories_mixed_one_language']} "
          f"(largest {res['largest_mixed_one_language']})")
    if res.get("db"):
        print(f"store kept at {res['db']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="newsgraph bench multilingual", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--years", default="2008-2010", help="newstest years: 2008-2010 (tuned on) or 2011-2013")
    ap.add_argument("--langs", default="fr,en", help="WMT languages to ingest (fr,en,de,es)")
    ap.add_argument("--bbc", type=int, default=200, help="unrelated BBC News articles (English)")
    ap.add_argument("--french", type=int, default=100, help="unrelated WiNER-fr articles (French)")
    ap.add_argument("--limit", type=int, default=None,
                    help="a seeded sample of this many WMT documents of those years (default: all)")
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--workdir", type=Path, default=None, help="folder for the articles and the store (kept)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    try:
        res = run(args.years, args.langs, args.bbc, args.french, args.seed, args.workdir, limit=args.limit)
    except FileNotFoundError as exc:
        print(f"newsgraph bench multilingual: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(res, indent=1, default=str))
    else:
        _print(res)
    return 0
