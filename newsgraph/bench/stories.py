"""Benchmark of resolve/stories: duplicates, synthetic copies, story clustering, cost, seeds.

    .venv/bin/python -m newsgraph.bench.stories [--only dups,copies,ecb,cost,seeds] [--copies N]

1. Duplicate links on BBC News (2,225 articles) and Reuters-21578 (21,578 stories):
   gold = groups of byte-identical bodies; we score the duplicate links (closed
   transitively) by pairs: precision, recall. Copy links found among the same corpus
   are counted beside (they are near-duplicates the gold does not list).
2. Copies the benchmark makes from BBC articles: paragraph deletion, reordering,
   boilerplate added, and WordNet synonym swaps at several rates: recall (an
   original–variant link of any kind) and the kinds assigned.
3. Story clustering on ECB+ topics 1–35 (gold story = topic × ecb/ecbplus sub-topic):
   B³ F1 and ARI for StoryIndex, beside a TF-IDF-cosine single-link baseline
   (thresholds swept; its best row is an upper bound for it).
4. Cost: seconds per 1,000 BBC articles through StoryIndex at N and 4N, the
   growth exponent, and the state a store keeps per 1,000 documents: the pickled
   index (rewritten every commit) and the per-document records (written once).
5. Seeds: links and stories among ../shared/corpus/seeds (printed, not scored).
"""

from __future__ import annotations

import argparse
import html
import math
import pickle
import random
import re
import resource
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

import numpy as np

from newsgraph.bench import shared_dir
from newsgraph.model.document import AnnotatedDocument, Document, Sentence
from newsgraph.nlp.wordnet import wordnet
from newsgraph.resolve.stories import MemoryRecords, StoryClusterer, StoryIndex, normalise

__all__ = ["load_bbc", "load_reuters", "main", "run"]

SHARED = shared_dir()
BBC = SHARED / "data" / "corpora" / "bbc-news"
REUTERS = SHARED / "data" / "corpora" / "reuters21578"
SEEDS = SHARED / "corpus" / "seeds"

# Generic page chrome the benchmark wraps copies in (written for this benchmark).
_CHROME_TOP = ("Home | News | Sport | Weather | Contact us\nShare this article: Facebook Twitter Email\n"
               "Advertisement\n")
_CHROME_BOTTOM = ("\nAdvertisement\nMost read: Five things to know this week | Recipes | Horoscopes\n"
                  "Sign up for our daily newsletter. Comments are moderated.\n"
                  "Copyright 2026 Example Republisher. All rights reserved.")


def load_bbc(limit: int | None = None) -> list[Document]:
    """BBC News articles: headline on line 1, body after (id = category/file)."""
    out = []
    for path in sorted(BBC.glob("*/*.txt")):
        raw = path.read_bytes().decode("latin-1")
        lines = raw.strip().split("\n", 1)
        body = lines[1].strip() if len(lines) > 1 else ""
        out.append(Document(id=f"{path.parent.name}/{path.stem}", path=str(path), text=body,
                            title=lines[0].strip(), publisher="BBC", published=None))
        if limit and len(out) >= limit:
            break
    return out


_REUTERS_DOC = re.compile(r"<REUTERS[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.S)


def _tag(block: str, tag: str) -> str:
    m = re.search(rf"<{tag}>(.*?)</{tag}>", block, re.S)
    return html.unescape(m.group(1)) if m else ""


def load_reuters(limit: int | None = None) -> list[Document]:
    """Reuters-21578 stories with a BODY (id = NEWID); date from <DATE>."""
    out = []
    for path in sorted(REUTERS.glob("reut2-*.sgm")):
        raw = path.read_bytes().decode("latin-1")
        for m in _REUTERS_DOC.finditer(raw):
            body = _tag(m.group(2), "BODY").replace("\x03", "").strip()
            if not body:
                continue
            body = re.sub(r"\s*Reuter\s*$", "", body)
            date = _tag(m.group(2), "DATE").strip()
            iso = None
            dm = re.match(r"(\d+)-([A-Z]+)-(\d{4})", date)
            if dm:
                months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
                if dm.group(2)[:3] in months:
                    iso = f"{dm.group(3)}-{months.index(dm.group(2)[:3]) + 1:02d}-{int(dm.group(1)):02d}"
            out.append(Document(id=f"r{m.group(1)}", path=f"{path.name}#{m.group(1)}", text=body,
                                title=_tag(m.group(2), "TITLE").strip(), publisher="Reuters", published=iso))
            if limit and len(out) >= limit:
                return out
    return out


def _pairs(groups: Iterable[Iterable[str]]) -> set[frozenset[str]]:
    out = set()
    for g in groups:
        g = sorted(g)
        for i in range(len(g)):
            for j in range(i + 1, len(g)):
                out.add(frozenset((g[i], g[j])))
    return out


def _components(edges: Iterable[tuple[str, str]]) -> list[set[str]]:
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        parent[find(a)] = find(b)
    groups: dict[str, set[str]] = defaultdict(set)
    for x in parent:
        groups[find(x)].add(x)
    return list(groups.values())


def bench_duplicates(name: str, docs: list[Document]) -> dict[str, Any]:
    by_body: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        by_body[d.text].append(d.id)
    gold = _pairs(g for g in by_body.values() if len(g) > 1)
    index = StoryIndex(cluster=False, semantic=False)
    t = time.perf_counter()
    links = index.add(docs)
    secs = time.perf_counter() - t
    dup_edges = [(lk.a, lk.b) for lk in links if lk.kind == "duplicate"]
    found = _pairs(_components(dup_edges))
    tp = len(found & gold)
    kinds = Counter(lk.kind for lk in links)
    text = {d.id: d.text for d in docs}
    extra_equal = sum(1 for p in found - gold if len({normalise(text[x]) for x in p}) == 1)
    return {"corpus": name, "docs": len(docs), "gold_pairs": len(gold), "found_pairs": len(found),
            "extra_equal_normalised": extra_equal,
            "precision": tp / len(found) if found else 1.0, "recall": tp / len(gold) if gold else 1.0,
            "links": dict(kinds), "seconds": round(secs, 1)}


def _swap_words(text: str, rate: float, rng: random.Random) -> str:
    """Replace a share ``rate`` of content words by a WordNet synonym (a crude word spinner)."""
    wn = wordnet()
    assert wn is not None

    def repl(m: re.Match[str]) -> str:
        w = m.group()
        if len(w) < 4 or not w.islower() or rng.random() >= rate / 0.6:  # ~60% of words are eligible
            return w
        syns = sorted({lemma for s in (wn.synsets.get(w) or ()) for lemma, ids in _lemmas_of(s)
                       if lemma != w and "_" not in lemma})
        return rng.choice(syns) if syns else w

    return re.sub(r"[A-Za-z]+", repl, text)


_SYNSET_LEMMAS: dict[str, list[str]] = {}


def _lemmas_of(sid: str) -> list[tuple[str, str]]:
    if not _SYNSET_LEMMAS:
        wn = wordnet()
        assert wn is not None
        for lemma, ids in wn.synsets.items():
            for s in ids:
                _SYNSET_LEMMAS.setdefault(s, []).append(lemma)
    return [(lemma, sid) for lemma in _SYNSET_LEMMAS.get(sid, [])]


def make_variants(doc: Document, rng: random.Random) -> dict[str, str]:
    paras = [p for p in doc.text.split("\n\n") if p.strip()]
    out: dict[str, str] = {}
    if len(paras) >= 3:
        k = rng.randrange(len(paras))
        out["paragraph deleted"] = "\n\n".join(p for i, p in enumerate(paras) if i != k)
        shuffled = paras[:]
        rng.shuffle(shuffled)
        out["paragraphs reordered"] = "\n\n".join(shuffled)
    out["boilerplate added"] = _CHROME_TOP + doc.text + _CHROME_BOTTOM
    if wordnet() is not None:
        for rate in (0.05, 0.1, 0.2, 0.3, 0.5):
            out[f"synonym swaps {rate:.0%}"] = _swap_words(doc.text, rate, rng)
    return out


def bench_copies(n: int, seed: int = 7) -> dict[str, Any]:
    rng = random.Random(seed)
    pool = load_bbc()
    originals = rng.sample(pool, n)
    variants: list[tuple[str, str, str]] = []  # (variant id, original id, transform)
    docs = list(originals)
    for d in originals:
        for kind, text in make_variants(d, rng).items():
            vid = f"{d.id}~{kind}"
            variants.append((vid, d.id, kind))
            docs.append(Document(id=vid, path=vid, text=text, title=d.title, publisher="Copier"))
    index = StoryIndex(cluster=False)
    links = index.add(docs)
    by_pair = {frozenset((lk.a, lk.b)): lk.kind for lk in links}
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for vid, oid, kind in variants:
        table[kind][by_pair.get(frozenset((vid, oid)), "none")] += 1
    orig_ids = {d.id for d in originals}
    false = Counter(lk.kind for lk in links if lk.a in orig_ids and lk.b in orig_ids)
    rows = {k: {"n": sum(c.values()), "recall": 1 - c["none"] / sum(c.values()), "kinds": dict(c)}
            for k, c in table.items()}
    return {"originals": n, "rows": rows, "links_between_originals": dict(false),
            "wordnet": wordnet() is not None}


# ---- story clustering on ECB+ ------------------------------------------------

def _ari(gold: dict[str, str], pred: dict[str, Any]) -> float:
    ids = list(gold)
    cont: Counter[tuple[str, Any]] = Counter((gold[i], pred[i]) for i in ids)
    a = Counter(gold[i] for i in ids)
    b = Counter(pred[i] for i in ids)

    def c2(x: int) -> float:
        return x * (x - 1) / 2

    index = sum(c2(v) for v in cont.values())
    sa, sb = sum(c2(v) for v in a.values()), sum(c2(v) for v in b.values())
    expected = sa * sb / c2(len(ids))
    maxi = (sa + sb) / 2
    return (index - expected) / (maxi - expected) if maxi != expected else 1.0


def _b3(gold: dict[str, str], pred: dict[str, Any]) -> tuple[float, float, float]:
    from newsgraph.eval.coref_metrics import b_cubed, clusters_from_labels

    s = b_cubed(clusters_from_labels(gold), clusters_from_labels(pred))
    return s.precision, s.recall, s.f1


def _tfidf(texts: list[str]) -> np.ndarray:
    tok = [re.findall(r"[a-z0-9]+", t.lower()) for t in texts]
    df: Counter[str] = Counter(w for ws in tok for w in set(ws))
    vocab = {w: i for i, w in enumerate(w for w, c in df.items() if c >= 2)}
    n = len(texts)
    mat = np.zeros((n, len(vocab)), dtype=np.float32)
    for r, ws in enumerate(tok):
        for w, c in Counter(ws).items():
            if w in vocab:
                mat[r, vocab[w]] = (1 + math.log(c)) * math.log(n / df[w])
    mat /= np.maximum(np.linalg.norm(mat, axis=1, keepdims=True), 1e-9)
    return mat


def _single_link(sims: np.ndarray, ids: list[str], threshold: float) -> dict[str, int]:
    edges = [(ids[i], ids[j]) for i, j in zip(*np.nonzero(np.triu(sims >= threshold, 1)), strict=True)]
    comp = _components(edges + [(i, i) for i in ids])
    return {d: k for k, g in enumerate(comp) for d in g}


def bench_ecb() -> dict[str, Any]:
    from newsgraph.eval.ecbplus import default_root, load_ecbplus

    ecb = load_ecbplus(default_root(), topics=range(1, 36))
    docs, gold = [], {}
    for e in ecb:
        text, _, sents = e.text()
        d = Document(id=e.name, path=e.name, text=text)
        docs.append(AnnotatedDocument(d, [Sentence(s, t) for s, t in sents]))
        gold[e.name] = f"{e.topic}/{e.subtopic}"
    # ECB+ documents carry no dates: arrival order would otherwise be topic by topic,
    # which makes clustering trivially easy; shuffle to interleave stories.
    random.Random(3).shuffle(docs)
    index = StoryIndex()
    t = time.perf_counter()
    links = index.add(docs)
    secs = time.perf_counter() - t
    rows = []
    for th in (None, 0.3, 0.5, 0.6):
        if th is None:
            pred = {d.document.id: index.story_of(d.document.id) for d in docs}
            name = f"StoryIndex (default, join ≥ {index.clusterer.threshold})"
        else:  # sensitivity: the same online clusterer at neighbouring thresholds
            other = StoryIndex(clusterer=StoryClusterer(threshold=th), semantic=False)
            other.add(docs)
            pred = {d.document.id: other.story_of(d.document.id) for d in docs}
            name = f"  same, join ≥ {th}"
        p, r, f = _b3(gold, pred)
        rows.append({"system": name, "clusters": len(set(pred.values())),
                     "b3_p": p, "b3_r": r, "b3_f1": f, "ari": _ari(gold, pred)})
    ids = [d.document.id for d in docs]
    mat = _tfidf([d.document.text for d in docs])
    sims = mat @ mat.T
    for th in (0.2, 0.3, 0.4, 0.5, 0.6):
        pl = _single_link(sims, ids, th)
        p, r, f = _b3(gold, pl)
        rows.append({"system": f"TF-IDF cosine single-link ≥ {th}", "clusters": len(set(pl.values())),
                     "b3_p": p, "b3_r": r, "b3_f1": f, "ari": _ari(gold, pl)})
    kinds = Counter(lk.kind for lk in links)
    return {"docs": len(docs), "gold_stories": len(set(gold.values())), "rows": rows,
            "links": dict(kinds), "seconds": round(secs, 1)}


def state_bytes(index: StoryIndex, records: MemoryRecords) -> dict[str, Any]:
    """What a store keeps for the index: the pickle written to ``resolver_state`` at every
    commit (by attribute), and the per-document ``story_vectors`` rows written once
    (vectors + metadata; the text is the documents table's own)."""
    blob = pickle.dumps(index, protocol=5)
    parts = {k: len(pickle.dumps(v, protocol=5)) for k, v in index.__getstate__().items()}
    return {"pickle": len(blob), "table": records.nbytes(text=False),
            "parts": dict(sorted(parts.items(), key=lambda kv: -kv[1])[:6])}


def bench_cost(n: int) -> dict[str, Any]:
    docs = load_bbc()
    random.Random(11).shuffle(docs)
    out, cpu, state = {}, {}, {}
    for size in (n, 4 * n):
        sub = docs[:size]
        records = MemoryRecords(pickled=False)  # as in a store: records outside the pickle
        index = StoryIndex(records=records)
        t, c = time.perf_counter(), time.process_time()
        index.add(sub)
        out[size], cpu[size] = time.perf_counter() - t, time.process_time() - c
        state[size] = state_bytes(index, records)
    exp = math.log(out[4 * n] / out[n]) / math.log(4)
    # CPU time too: on a shared machine wall time includes other processes' load
    cexp = math.log(cpu[4 * n] / cpu[n]) / math.log(4)
    return {"n": n, "seconds": {k: round(v, 2) for k, v in out.items()},
            "cpu": {k: round(v, 2) for k, v in cpu.items()},
            "per_1k": {k: round(1000 * v / k, 2) for k, v in out.items()},
            "cpu_per_1k": {k: round(1000 * v / k, 2) for k, v in cpu.items()},
            "exponent": round(exp, 2), "cpu_exponent": round(cexp, 2), "state": state,
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def seed_documents() -> list[Document]:
    from newsgraph.ingest.clean import clean
    from newsgraph.model.document import RawDocument

    return [clean(RawDocument(p.read_bytes(), str(p))) for p in sorted(SEEDS.glob("*.txt"))]


def bench_seeds() -> dict[str, Any]:
    docs = seed_documents()
    index = StoryIndex()
    links = index.add(docs)
    return {"docs": [(d.id, d.title) for d in docs],
            "links": [(lk.a, lk.b, lk.kind, lk.score, lk.features) for lk in links],
            "stories": [(s.id, s.label, s.documents) for s in index.stories()]}


def run(only: set[str] | None = None, copies: int = 200, cost_n: int = 500) -> dict[str, Any]:
    """Run the selected parts; each is skipped with a message when its data is absent."""
    res: dict[str, Any] = {}
    want = only or {"dups", "copies", "ecb", "cost", "seeds"}
    if "dups" in want:
        if BBC.exists() and REUTERS.exists():
            res["dups"] = [bench_duplicates("BBC News", load_bbc()),
                           bench_duplicates("Reuters-21578", load_reuters())]
        else:
            res["dups"] = f"skipped: {BBC} or {REUTERS} absent"
    if "copies" in want:
        res["copies"] = bench_copies(copies) if BBC.exists() else "skipped: BBC corpus absent"
    if "ecb" in want:
        res["ecb"] = bench_ecb() if (SHARED / "data" / "ecbplus").exists() else "skipped: ECB+ absent"
    if "cost" in want:
        res["cost"] = bench_cost(cost_n) if BBC.exists() else "skipped: BBC corpus absent"
    if "seeds" in want:
        res["seeds"] = bench_seeds() if SEEDS.exists() else "skipped: seeds absent"
    return res


def _print(res: dict[str, Any]) -> None:
    if isinstance(res.get("dups"), list):
        print("\n## 1. Duplicate links (gold: byte-identical bodies, pairs after transitive closure)")
        print(f"{'corpus':<15}{'docs':>7}{'gold pairs':>12}{'found':>7}{'P':>7}{'R':>7}"
              f"{'extra=norm':>11}{'s':>7}  other links")
        for r in res["dups"]:
            other = {k: v for k, v in r["links"].items() if k != "duplicate"}
            print(f"{r['corpus']:<15}{r['docs']:>7}{r['gold_pairs']:>12}{r['found_pairs']:>7}"
                  f"{r['precision']:>7.3f}{r['recall']:>7.3f}{r['extra_equal_normalised']:>11}"
                  f"{r['seconds']:>7}  {other}")
        print("(extra=norm: found pairs outside the byte-identical gold whose texts are equal after "
              "case/punctuation/whitespace normalisation)")
    elif "dups" in res:
        print(res["dups"])
    if isinstance(res.get("copies"), dict):
        c = res["copies"]
        print(f"\n## 2. Synthetic copies of {c['originals']} BBC articles (WordNet: {c['wordnet']})")
        print(f"{'transform':<24}{'n':>5}{'recall':>8}  kinds assigned")
        for k, r in c["rows"].items():
            print(f"{k:<24}{r['n']:>5}{r['recall']:>8.3f}  {r['kinds']}")
        print(f"links between distinct originals: {c['links_between_originals']}")
    elif "copies" in res:
        print(res["copies"])
    if isinstance(res.get("ecb"), dict):
        e = res["ecb"]
        print(f"\n## 3. Story clustering on ECB+ topics 1-35: {e['docs']} docs, "
              f"{e['gold_stories']} gold stories ({e['seconds']} s)")
        print(f"{'system':<52}{'clusters':>9}{'B3 P':>7}{'B3 R':>7}{'B3 F1':>7}{'ARI':>7}")
        for r in e["rows"]:
            print(f"{r['system']:<52}{r['clusters']:>9}{r['b3_p']:>7.3f}{r['b3_r']:>7.3f}{r['b3_f1']:>7.3f}"
                  f"{r['ari']:>7.3f}")
        print(f"links among ECB+ documents: {e['links']}")
    elif "ecb" in res:
        print(res["ecb"])
    if isinstance(res.get("cost"), dict):
        c = res["cost"]
        print("\n## 4. Cost of StoryIndex.add on BBC articles (all links + clustering)")
        for k in c["seconds"]:
            print(f"N={k:<6} wall {c['seconds'][k]:>7} s ({c['per_1k'][k]:>6} s per 1k)   "
                  f"CPU {c['cpu'][k]:>7} s ({c['cpu_per_1k'][k]:>6} s per 1k)")
        print(f"growth exponent N→4N: wall {c['exponent']}, CPU {c['cpu_exponent']}")
        for k, st in c["state"].items():
            print(f"state at N={k:<6} pickle {st['pickle'] * 1000 / k / 1e6:.3f} MB per 1k docs, "
                  f"story_vectors rows {st['table'] * 1000 / k / 1e6:.3f} MB per 1k docs "
                  f"(pickle by part, bytes: {st['parts']})")
        print(f"peak RSS of this process so far: {c['peak_rss_mb']} MB")
    if isinstance(res.get("seeds"), dict):
        s = res["seeds"]
        print("\n## 5. Seeds")
        for i, t in s["docs"]:
            print(f"  {i}  {t}")
        print("links:", s["links"] or "none")
        for sid, label, members in s["stories"]:
            print(f"  story {sid}: {label!r} {members}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", help="comma-separated parts: dups,copies,ecb,cost,seeds")
    ap.add_argument("--copies", type=int, default=200, help="BBC originals for the synthetic copies")
    ap.add_argument("--cost-n", type=int, default=500, help="N for the N→4N cost run")
    args = ap.parse_args(argv)
    only = set(args.only.split(",")) if args.only else None
    _print(run(only, args.copies, args.cost_n))
    return 0


if __name__ == "__main__":
    sys.exit(main())
