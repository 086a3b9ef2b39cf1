"""Benchmark of the machine-translation and spinning signals: false positives and detection.

    .venv/bin/newsgraph bench signals      (or python -m newsgraph.bench.signals)
        [--n 300] [--degraded 150] [--no-seeds] [--no-sizes]
    .venv/bin/newsgraph bench signals --stores [--half dev|test] [--store-sizes 4,50,500]
        [--n 300] [--degraded 150] [--no-seeds]

The reference model of native English news is built here, at run time, from
../shared/data; nothing is written to the repo, and no article is ever scored
against a reference that contains it.

1. False-positive rate: share of held-out native articles flagged by each signal
   (target < 2%), reference = the other halves of BBC News and Reuters-21578 (split
   by id parity), with the artefact kinds that fired.
2. Scores on articles the benchmark degrades itself: *spun* (WordNet synonym swaps at
   5%, 15% and 30% of content words) and *MT-like* (one repeated name respelled with a
   vowel change, a closing quote dropped, one sentence-initial "It" made "She", 10%
   synonym swaps standing in for calques): share flagged and mean value.
3. Reference size: references of 100 / 500 / 2,000 / all articles of one corpus,
   scored on the other corpus (native sample and its spun copies) — the curve behind
   ``REFERENCE_MIN_WORDS``, the size from which the ingest uses its own reference.
   Text-only signals here (no spaCy pass: the pronoun check is off).
4. Seeds: every signal of the four seed articles, with evidence (printed, not scored).

``--stores`` measures instead what an ingest gives from its first article: the
packaged default reference (``signals/native_reference``) under the counts of a store
of 4, 50 and 500 native BBC/Reuters articles, scoring native articles that are not in
the store (the MT signal with the spaCy pass, as in the pipeline) and 5 / 15 / 30 %
spun copies of them (their originals not in the store either). ``--half dev`` scores
articles of even id parity (the half the default's settings were tuned on), ``--half
test`` those of odd parity (held out); the store is always drawn from the even half,
never holding a scored article. Then the four seeds in a store of the four seeds.

Articles of 1–2 are annotated with the project's spaCy model (sentences, entity
mentions) so the pronoun check runs as it does in the pipeline.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from typing import Any

from newsgraph.bench.stories import BBC, REUTERS, SEEDS, _swap_words, load_bbc, load_reuters
from newsgraph.model.document import AnnotatedDocument, Document
from newsgraph.nlp.wordnet import wordnet
from newsgraph.signals import CollocationModel, article_signals, machine_translation, spinning
from newsgraph.signals.native_reference import native_reference

__all__ = ["main", "run"]


def _annotate(docs: list[Document]) -> list[AnnotatedDocument]:
    from newsgraph.bench._spacy_adoc import adoc_from_doc, nlp

    out = []
    for d, sdoc in zip(docs, nlp().pipe([d.text for d in docs], batch_size=64), strict=True):
        a = adoc_from_doc(sdoc, d.id, d.published)
        a.document = d
        out.append(a)
    return out


_NAME = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)+\b")


def _mt_degrade(text: str, rng: random.Random) -> str:
    """Inject the artefacts machine translation leaves (see the module docstring)."""
    names = [n for n, c in Counter(_NAME.findall(text)).items() if c >= 2]
    if names:
        name = rng.choice(names)
        first = text.index(name)
        second = text.index(name, first + len(name))
        vowels = [i for i, ch in enumerate(name) if ch in "aeiou"]
        if vowels:
            i = rng.choice(vowels)
            double = {"a": "aa", "e": "ei", "i": "ee", "o": "ou", "u": "oo"}[name[i]]
            respelled = name[:i] + double + name[i + 1:]
            text = text[:second] + respelled + text[second + len(name):]
    quotes = [m.start() for m in re.finditer('"', text)]
    if len(quotes) >= 2:
        k = quotes[1]
        text = text[:k] + text[k + 1:]
    m = re.search(r"(?:(?<=\. )|^)It (?=[a-z])", text, re.M)
    if m:
        text = text[: m.start()] + "She " + text[m.end():]
    return _swap_words(text, 0.10, rng)


def _split(docs: list[Document]) -> tuple[list[Document], list[Document]]:
    ref, ev = [], []
    for d in docs:
        (ref if sum(map(ord, d.id)) % 2 == 0 else ev).append(d)
    return ref, ev


def _score(adocs: list[AnnotatedDocument], ref: CollocationModel) -> dict[str, Any]:
    mt = [machine_translation(a, ref) for a in adocs]
    sp = [spinning(a, ref) for a in adocs]
    kinds: Counter[str] = Counter()
    for s in mt:
        if s.flagged:
            kinds.update(k for k, v in s.details["counts"].items() if v)
    n = max(1, len(adocs))
    return {
        "n": len(adocs),
        "mt_flagged": sum(s.flagged for s in mt) / n,
        "mt_mean": sum(float(s.value or 0) for s in mt) / n,
        "mt_kinds_when_flagged": dict(kinds),
        "mt_any_instance": {k: sum(1 for s in mt if s.details["counts"].get(k)) / n
                            for k in ("name_variant", "broken_quote", "pronoun_no_antecedent",
                                      "unexpected_collocation", "unidiomatic_word")},
        "spin_flagged": sum(s.flagged for s in sp) / n,
        "spin_mean": sum(float(s.value or 0) for s in sp) / n,
    }


def _size_sweep(n: int, degraded: int, rng: random.Random) -> list[dict[str, Any]]:
    """Spinning (and text-only MT) by reference size, reference and scored corpus disjoint."""
    corpora = {"BBC": load_bbc(), "Reuters": load_reuters()}
    rows = []
    for src, other in (("BBC", "Reuters"), ("Reuters", "BBC")):
        pool = list(corpora[src])
        rng.shuffle(pool)
        native = rng.sample(corpora[other], min(n, len(corpora[other])))
        spun = {rate: [_swap_words(d.text, rate, rng) for d in native[:degraded]]
                for rate in (0.05, 0.15, 0.30)}
        for size in (100, 500, 2000, len(pool)):
            ref = CollocationModel.from_texts(d.text for d in pool[:size])
            sp = [spinning(d, ref) for d in native]
            mt = [machine_translation(d, ref) for d in native]
            det = {}
            for rate, texts in spun.items():
                sigs = [spinning(Document(id=f"s{i}", path="", text=t), ref) for i, t in enumerate(texts)]
                det[rate] = sum(s.flagged for s in sigs) / max(1, len(sigs))
            rows.append({"reference": f"{src} {min(size, len(pool))}", "words": ref.total,
                         "scored": other, "n": len(native),
                         "spin_fp": sum(s.flagged for s in sp) / max(1, len(sp)),
                         "mt_fp": sum(s.flagged for s in mt) / max(1, len(mt)),
                         "detect": det})
    return rows


def run_stores(half: str = "test", sizes: tuple[int, ...] = (4, 50, 500), n: int = 300,
               degraded: int = 100, seeds: bool = True) -> dict[str, Any]:
    """Signals from the first article: the packaged default under stores of ``sizes`` articles."""
    if not (BBC.exists() and REUTERS.exists()):
        return {"skipped": f"{BBC} or {REUTERS} absent"}
    if wordnet() is None:
        return {"skipped": "WordNet (Debian wordnet-base) not installed"}
    t0 = time.perf_counter()
    rng = random.Random(15)
    bbc_even, bbc_odd = _split(load_bbc())
    reu_even, reu_odd = _split(load_reuters())
    pool = bbc_even + reu_even
    rng.shuffle(pool)
    store_pool = pool[:max(sizes)]
    in_store = {d.id for d in store_pool}
    if half == "dev":
        cands = {"BBC": [d for d in bbc_even if d.id not in in_store],
                 "Reuters": [d for d in reu_even if d.id not in in_store]}
    else:
        cands = {"BBC": bbc_odd, "Reuters": reu_odd}
    native = {name: _annotate(rng.sample(docs, min(n, len(docs)))) for name, docs in cands.items()}
    # spun copies of the first ``degraded`` scored articles of each corpus (originals not in the store)
    spun = {name: {rate: [Document(id=f"{a.document.id}~{rate}", path="",
                                   text=_swap_words(a.document.text, rate, rng)) for a in adocs[:degraded]]
                   for rate in (0.05, 0.15, 0.30)} for name, adocs in native.items()}
    rows = []
    for size in sizes:
        ref = native_reference(CollocationModel.from_texts(d.text for d in store_pool[:size]))
        words = sum(len(d.text.split()) for d in store_pool[:size])
        row: dict[str, Any] = {"size": size, "store_words": words}
        for name, adocs in native.items():
            sp = [spinning(a, ref) for a in adocs]
            mt = [machine_translation(a, ref) for a in adocs]
            row[name] = {"n": len(adocs), "spin_fp": sum(x.flagged for x in sp) / max(1, len(sp)),
                         "mt_fp": sum(x.flagged for x in mt) / max(1, len(mt)),
                         "spun_n": len(spun[name][0.15]),
                         "detect": {rate: sum(spinning(d, ref).flagged for d in docs) / max(1, len(docs))
                                    for rate, docs in spun[name].items()}}
        rows.append(row)
    res: dict[str, Any] = {"half": half, "rows": rows}
    if seeds and SEEDS.exists():
        from newsgraph.bench.stories import seed_documents

        sdocs = seed_documents()
        seed_store = CollocationModel()
        res["seeds"] = []
        for d in sdocs:  # scored in ingest order against the seeds before it, as a store does
            sig = spinning(d, native_reference(seed_store))
            seed_store.add_text(d.text)
            res["seeds"].append((d.id, d.title, sig))
    res["seconds"] = round(time.perf_counter() - t0, 1)
    return res


def _print_stores(res: dict[str, Any]) -> None:
    if "skipped" in res:
        print(res["skipped"])
        return
    print(f"## Signals from the first article: packaged default + a store of N native articles "
          f"(scored: {res['half']} half)")
    print(f"{'store':>6}{'words':>9}  {'scored':<8}{'n':>5}{'spin FP':>9}{'MT FP':>8}  "
          f"{'spun n':>7}{'5%':>7}{'15%':>7}{'30%':>7}")
    for r in res["rows"]:
        for name in ("BBC", "Reuters"):
            x, d = r[name], r[name]["detect"]
            print(f"{r['size']:>6}{r['store_words']:>9}  {name:<8}{x['n']:>5}{x['spin_fp']:>9.3f}"
                  f"{x['mt_fp']:>8.3f}  {x['spun_n']:>7}{d[0.05]:>7.2f}{d[0.15]:>7.2f}{d[0.30]:>7.2f}")
    if res.get("seeds"):
        print("\nSeeds, each scored against the default and the seeds ingested before it:")
        for did, title, sig in res["seeds"]:
            mark = " [flagged]" if sig.flagged else ""
            print(f"  {did}  {(title or '')[:60]!r}: spinning {sig.value}{mark}")
            for e in sig.evidence[:8]:
                print(f"      · {e.text[:40]!r}  {e.note[:110]}")
    print(f"\ntotal {res['seconds']} s")


def run(n: int = 300, degraded: int = 150, seeds: bool = True, sizes: bool = True) -> dict[str, Any]:
    if not (BBC.exists() and REUTERS.exists()):
        return {"skipped": f"{BBC} or {REUTERS} absent"}
    t0 = time.perf_counter()
    bbc_ref, bbc_ev = _split(load_bbc())
    reu_ref, reu_ev = _split(load_reuters())
    ref = CollocationModel.from_texts(d.text for d in bbc_ref + reu_ref)
    t_ref = time.perf_counter() - t0
    rng = random.Random(5)
    res: dict[str, Any] = {"reference": {"docs": len(bbc_ref) + len(reu_ref), "words": ref.total,
                                         "bigrams": len(ref.bigrams), "seconds": round(t_ref, 1)}}
    ev = {"BBC": rng.sample(bbc_ev, min(n, len(bbc_ev))), "Reuters": rng.sample(reu_ev, min(n, len(reu_ev)))}
    res["native"] = {}
    for name, docs in ev.items():
        res["native"][name] = _score(_annotate(docs), ref)
    pool = ev["BBC"][:degraded]
    res["degraded"] = {}
    if wordnet() is None:
        res["degraded"] = "skipped: WordNet (Debian wordnet-base) not installed"
    else:
        for label, fn in (("spun 5%", lambda t: _swap_words(t, 0.05, rng)),
                          ("spun 15%", lambda t: _swap_words(t, 0.15, rng)),
                          ("spun 30%", lambda t: _swap_words(t, 0.30, rng)),
                          ("MT-like", lambda t: _mt_degrade(t, rng))):
            docs = [Document(id=d.id + "~", path=d.path, text=fn(d.text), title=d.title) for d in pool]
            res["degraded"][label] = _score(_annotate(docs), ref)
    if sizes and wordnet() is not None:
        res["sizes"] = _size_sweep(n, degraded, rng)
    if seeds and SEEDS.exists():
        from newsgraph.bench.stories import seed_documents
        from newsgraph.resolve.stories import StoryIndex

        sdocs = seed_documents()
        index = StoryIndex()
        links = index.add(sdocs)
        res["seeds"] = []
        for a in _annotate(sdocs):
            sigs = article_signals(a, links=links, reference=ref)
            res["seeds"].append((a.document.id, a.document.title, sigs))
    res["seconds"] = round(time.perf_counter() - t0, 1)
    return res


def _print(res: dict[str, Any]) -> None:
    if "skipped" in res:
        print(res["skipped"])
        return
    r = res["reference"]
    print(f"reference: {r['docs']} native articles, {r['words']} words, {r['bigrams']} bigrams "
          f"({r['seconds']} s)")
    print("\n## 1. Native English news (held-out halves): share flagged (target < 2%)")
    hdr = f"{'set':<12}{'n':>5}{'MT flagged':>12}{'MT mean/1kw':>13}{'spin flagged':>14}{'spin mean/1kw':>15}"
    print(hdr)
    for name, s in res["native"].items():
        print(f"{name:<12}{s['n']:>5}{s['mt_flagged']:>12.3f}{s['mt_mean']:>13.2f}{s['spin_flagged']:>14.3f}"
              f"{s['spin_mean']:>15.2f}")
    for name, s in res["native"].items():
        print(f"  {name}: articles with ≥1 instance by kind {s['mt_any_instance']}; "
              f"kinds among MT-flagged {s['mt_kinds_when_flagged']}")
    print("\n## 2. Articles degraded by the benchmark (BBC held-out)")
    if isinstance(res["degraded"], str):
        print(res["degraded"])
    else:
        print(hdr)
        for name, s in res["degraded"].items():
            print(f"{name:<12}{s['n']:>5}{s['mt_flagged']:>12.3f}{s['mt_mean']:>13.2f}{s['spin_flagged']:>14.3f}"
                  f"{s['spin_mean']:>15.2f}")
        for name, s in res["degraded"].items():
            print(f"  {name}: articles with ≥1 instance by kind {s['mt_any_instance']}")
    if res.get("sizes"):
        print("\n## 3. Reference size (reference from one corpus, scored on the other; text-only)")
        print(f"{'reference':<16}{'words':>10}  {'scored':<8}{'n':>5}{'spin FP':>9}{'MT FP':>8}"
              f"{'spun 5%':>9}{'spun 15%':>10}{'spun 30%':>10}")
        for r in res["sizes"]:
            d = r["detect"]
            print(f"{r['reference']:<16}{r['words']:>10}  {r['scored']:<8}{r['n']:>5}{r['spin_fp']:>9.3f}"
                  f"{r['mt_fp']:>8.3f}{d[0.05]:>9.2f}{d[0.15]:>10.2f}{d[0.30]:>10.2f}")
    if res.get("seeds"):
        print("\n## 4. Seeds")
        for did, title, sigs in res["seeds"]:
            print(f"\n{did}  {title}")
            for s in sigs:
                mark = " [flagged]" if s.flagged else ""
                print(f"  {s.name:<20} {s.value!s:<8}{mark}  {s.explanation}")
                for e in s.evidence[:6]:
                    print(f"      · {e.text[:70]!r}  {e.note[:90]}")
    print(f"\ntotal {res['seconds']} s")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300, help="held-out native articles per corpus")
    ap.add_argument("--degraded", type=int, default=150, help="BBC articles to degrade per variant")
    ap.add_argument("--no-seeds", action="store_true")
    ap.add_argument("--no-sizes", action="store_true", help="skip the reference-size sweep")
    ap.add_argument("--stores", action="store_true",
                    help="measure the packaged default under stores of --store-sizes articles instead")
    ap.add_argument("--half", choices=("dev", "test"), default="test",
                    help="with --stores: score the development (even id) or held-out (odd id) half")
    ap.add_argument("--store-sizes", default="4,50,500", help="with --stores: store sizes, comma-separated")
    args = ap.parse_args(argv)
    if args.stores:
        sizes = tuple(int(x) for x in args.store_sizes.split(","))
        _print_stores(run_stores(args.half, sizes, args.n, min(args.degraded, args.n), not args.no_seeds))
        return 0
    _print(run(args.n, args.degraded, not args.no_seeds, not args.no_sizes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
