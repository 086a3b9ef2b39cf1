"""Benchmark: named-entity recognition on CoNLL-2003 English, bare spaCy beside the pipeline's mentions.

``newsgraph bench ner [--split valid|train|test|all] [--models NAME,…] [--limit N] [--show N]
[--repeat N]``

Data: ``../shared/data/conll2003/{valid,train,test}.txt`` (IOB tags, ``word POS chunk tag``);
the test split is scored when it is there and is then the held-out figure. Each
``-DOCSTART-`` document becomes one article text: its sentences' tokens written back as
text (``bench.e2e.detokenize``: no space before punctuation and clitics, quotes attached),
one sentence a line. A gold entity is the character span from its first token's start to
its last token's end, with its CoNLL type.

For each candidate model, in a fresh child process (so load time and peak memory are its
own), over the same texts:

- **bare**: ``nlp.pipe`` and ``doc.ents`` as spaCy gives them;
- **pipeline**: ``nlp.annotate.annotate_each`` over the texts as ``Document`` objects — the
  stage ingest runs, with our span trimming (punctuation, possessives, glued genitives)
  and its filters — and the ``Mention`` objects it returns.

Labels mapped from spaCy's OntoNotes scheme to CoNLL's (``LABEL_MAP``): PERSON → PER;
ORG → ORG; GPE, LOC, FAC → LOC; NORP, EVENT, PRODUCT, WORK_OF_ART, LAW, LANGUAGE → MISC;
numeric and time labels (DATE, CARDINAL, MONEY…) are not entities in CoNLL and are
dropped. Scores are entity-level, exact span and type (as ``conlleval``): micro P/R/F1,
per type, and span-only (type ignored). Beside them: load seconds, spaCy tokens/s of the
bare pass and of the annotate stage (fastest of ``--repeat`` runs; one process), RSS after
loading and the child's peak RSS. ``--show N`` prints the
mentions where the pipeline's span differs from the model's and only one of them is right.
"""

from __future__ import annotations

import argparse
import importlib.util
import multiprocessing as mp
import resource
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph import settings
from newsgraph.bench import shared_dir
from newsgraph.bench.e2e import detokenize
from newsgraph.eval.ecbplus import EcbToken

__all__ = ["LABEL_MAP", "ConllDocument", "gold_entities", "load_conll", "main", "run", "score"]

DATA = shared_dir() / "data" / "conll2003"
SPLITS = ("valid", "test", "train")

#: spaCy (OntoNotes) label → CoNLL-2003 type; labels not here are not CoNLL entities.
LABEL_MAP: dict[str, str] = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
    "NORP": "MISC", "EVENT": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC",
    "LANGUAGE": "MISC",
}

Span = tuple[int, int, str]


@dataclass(slots=True)
class ConllDocument:
    """One ``-DOCSTART-`` document: its text and its gold entities as character spans."""

    id: str
    text: str
    gold: list[Span] = field(default_factory=list)


def load_conll(path: Path, limit: int | None = None) -> list[ConllDocument]:
    """The documents of one CoNLL-2003 file, each written back as text with gold spans."""
    docs: list[list[list[tuple[str, str]]]] = []
    sentence: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if sentence and docs:
                docs[-1].append(sentence)
            sentence = []
            continue
        if parts[0] == "-DOCSTART-":
            docs.append([])
            continue
        if not docs:  # a file without DOCSTART lines: one document
            docs.append([])
        sentence.append((parts[0], parts[-1]))
    if sentence and docs:
        docs[-1].append(sentence)
    out = []
    for n, sentences in enumerate(d for d in docs if d):
        out.append(_to_text(f"{path.stem}-{n}", sentences))
        if limit is not None and len(out) >= limit:
            break
    return out


def _to_text(doc_id: str, sentences: list[list[tuple[str, str]]]) -> ConllDocument:
    lines: list[str] = []
    gold: list[Span] = []
    pos = 0
    for sentence in sentences:
        tokens = [EcbToken(i, 0, i, w) for i, (w, _) in enumerate(sentence)]
        line, spans = detokenize(tokens, split_hyphens=False)
        offsets = [(pos + a, pos + b) for a, b in spans]
        gold.extend(gold_entities([t for _, t in sentence], offsets))
        lines.append(line)
        pos += len(line) + 1
    return ConllDocument(doc_id, "\n".join(lines), gold)


def gold_entities(tags: list[str], offsets: list[tuple[int, int]]) -> list[Span]:
    """Entities of one sentence's IOB tags (IOB1 or IOB2) as (start, end, type)."""
    out: list[Span] = []
    start = end = -1
    kind = ""
    for tag, (a, b) in zip(tags, offsets, strict=True):
        prefix, _, typ = tag.partition("-")
        if prefix == "I" and typ == kind:
            end = b
            continue
        if kind:
            out.append((start, end, kind))
        start, end, kind = (a, b, typ) if prefix in ("B", "I") else (-1, -1, "")
    if kind:
        out.append((start, end, kind))
    return out


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(model: str, texts: list[str], repeat: int, q: Any) -> None:
    """Load ``model`` as the annotate stage would, run both arms, put the spans on ``q``.

    Each arm runs ``repeat`` times and its fastest run is the speed: the machine is
    shared, and the fastest run is the one least slowed by others."""
    try:
        settings.SPACY_MODEL = model
        from newsgraph.model import Document
        from newsgraph.nlp.annotate import annotate_each, load_model

        t = time.perf_counter()
        nlp = load_model()
        load_seconds = time.perf_counter() - t
        load_mb = _peak_mb()
        nlp("Warm up the model.")
        bare_seconds = pipe_seconds = float("inf")
        for _ in range(max(1, repeat)):
            t = time.perf_counter()
            parsed = list(nlp.pipe(texts, batch_size=settings.BATCH_SIZE))
            bare_seconds = min(bare_seconds, time.perf_counter() - t)
        tokens = sum(len(d) for d in parsed)
        bare = [[(e.start_char, e.end_char, LABEL_MAP[e.label_]) for e in d.ents if e.label_ in LABEL_MAP]
                for d in parsed]
        del parsed
        documents = [Document(id=str(i), path=f"conll:{i}", text=text, language="en")
                     for i, text in enumerate(texts)]
        for _ in range(max(1, repeat)):
            t = time.perf_counter()
            annotated = list(annotate_each(documents))
            pipe_seconds = min(pipe_seconds, time.perf_counter() - t)
        pipeline = [[(m.start, m.end, LABEL_MAP[m.label]) for m in getattr(item, "mentions", [])
                     if m.label in LABEL_MAP] for item in annotated]
        failed = sum(not hasattr(item, "mentions") for item in annotated)
        q.put({"model": model, "version": f"{nlp.meta.get('name')} {nlp.meta.get('version')}",
               "load_seconds": load_seconds, "load_mb": load_mb, "peak_mb": _peak_mb(),
               "tokens": tokens, "bare_seconds": bare_seconds, "pipeline_seconds": pipe_seconds,
               "bare": bare, "pipeline": pipeline, "failed": failed})
    except Exception as exc:  # reported by the parent, which goes on with the other models
        q.put({"model": model, "error": f"{type(exc).__name__}: {exc}"})


def _in_child(model: str, texts: list[str], repeat: int) -> dict[str, Any]:
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=_child, args=(model, texts, repeat, q))
    p.start()
    result = q.get()
    p.join()
    return result


def score(gold: list[list[Span]], pred: list[list[Span]], typed: bool = True) -> dict[str, Any]:
    """Entity-level exact-match micro P/R/F1 (and per type when ``typed``)."""
    tp: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    for g_doc, p_doc in zip(gold, pred, strict=True):
        key = (lambda s: s) if typed else (lambda s: (s[0], s[1], "ANY"))
        gs = {key(s) for s in g_doc}
        ps = {key(s) for s in p_doc}
        for s in ps:
            n_pred[s[2]] += 1
            tp[s[2]] += s in gs
        for s in gs:
            n_gold[s[2]] += 1
    out: dict[str, Any] = {"all": _prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))}
    if typed:
        out["types"] = {t: _prf(tp[t], n_pred[t], n_gold[t]) for t in sorted(n_gold | n_pred)}
    return out


def _prf(tp: int, npred: int, ngold: int) -> dict[str, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f1": f1, "tp": tp, "pred": npred, "gold": ngold}


def candidates() -> list[str]:
    """The candidate models that are installed (``settings.SPACY_MODEL_CANDIDATES``)."""
    return [m for m in settings.SPACY_MODEL_CANDIDATES if importlib.util.find_spec(m) is not None]


def run(split: str = "valid", models: list[str] | None = None, limit: int | None = None,
        show: int = 0, repeat: int = 2) -> dict[str, Any]:
    """Score every model on one split; ``skipped`` when the split's file is absent."""
    path = DATA / f"{split}.txt"
    if not path.is_file():
        return {"skipped": f"CoNLL-2003 {split} split not found at {path}"}
    docs = load_conll(path, limit)
    gold = [d.gold for d in docs]
    texts = [d.text for d in docs]
    result: dict[str, Any] = {"split": split, "documents": len(docs), "gold": sum(map(len, gold)),
                              "models": []}
    for model in models or candidates():
        r = _in_child(model, texts, repeat)
        if "error" not in r:
            for arm in ("bare", "pipeline"):
                r[f"{arm}_score"] = score(gold, r[arm])
                r[f"{arm}_span"] = score(gold, r[arm], typed=False)
            r["differences"] = _differences(docs, r["bare"], r["pipeline"], show)
            del r["bare"], r["pipeline"]
        result["models"].append(r)
    return result


def _differences(docs: list[ConllDocument], bare: list[list[Span]], pipe: list[list[Span]],
                 show: int) -> dict[str, Any]:
    """Spans the pipeline changed, counted by who was right; a sample of each side's wins."""
    counts: Counter[str] = Counter()
    samples: dict[str, list[str]] = {"pipeline lost": [], "pipeline won": []}
    for doc, b_doc, p_doc in zip(docs, bare, pipe, strict=True):
        gs = set(doc.gold)
        b_only = set(b_doc) - set(p_doc)
        p_only = set(p_doc) - set(b_doc)
        for b in b_only:
            p = next((x for x in p_only if x[0] < b[1] and b[0] < x[1]), None)
            b_ok, p_ok = b in gs, p is not None and p in gs
            if p is None:
                counts["dropped, right" if b_ok else "dropped, wrong"] += 1
                key = "pipeline lost" if b_ok else "pipeline won"
                line = f"{doc.text[b[0]:b[1]]!r} {b[2]} dropped"
            else:
                who = "bare right" if b_ok else "trimmed right" if p_ok else "both wrong"
                counts[f"changed: {who}"] += 1
                if b_ok == p_ok:
                    continue
                key = "pipeline lost" if b_ok else "pipeline won"
                line = f"{doc.text[b[0]:b[1]]!r} → {doc.text[p[0]:p[1]]!r} {b[2]}"
            if len(samples[key]) < show:
                samples[key].append(f"{doc.id}: {line}")
    return {"counts": dict(counts), "samples": samples}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="valid", choices=(*SPLITS, "all"),
                    help="CoNLL-2003 split; 'all' scores every split present (valid is the tuning split)")
    ap.add_argument("--models", default="", help="comma-separated spaCy packages (default: the installed "
                    "candidates of settings.SPACY_MODEL_CANDIDATES)")
    ap.add_argument("--limit", type=int, default=None, help="score only the first N documents")
    ap.add_argument("--show", type=int, default=0, help="print N span differences of each kind")
    ap.add_argument("--repeat", type=int, default=2, help="runs of each arm; the fastest is the speed")
    args = ap.parse_args(argv)
    models = [m.strip() for m in args.models.split(",") if m.strip()] or None
    splits = [s for s in SPLITS if (DATA / f"{s}.txt").is_file()] if args.split == "all" else [args.split]
    if not splits:
        print(f"skipped: no CoNLL-2003 split found in {DATA}")
        return 0
    for split in splits:
        _print(run(split, models, args.limit, args.show, args.repeat), args.show)
    return 0


def _print(res: dict[str, Any], show: int) -> None:
    if "skipped" in res:
        print("skipped:", res["skipped"])
        return
    held = {"valid": "development split: tune here", "test": "held out", "train": "not tuned on"}
    print(f"CoNLL-2003 {res['split']} ({held[res['split']]}): {res['documents']} documents, "
          f"{res['gold']:,} gold entities; exact span and type, labels mapped: "
          "PERSON→PER, ORG→ORG, GPE/LOC/FAC→LOC, NORP/EVENT/PRODUCT/WORK_OF_ART/LAW/LANGUAGE→MISC")
    print(f"{'model':<26}{'arm':<10}{'P':>7}{'R':>7}{'F1':>7}{'span F1':>9}"
          f"{'PER':>7}{'ORG':>7}{'LOC':>7}{'MISC':>7}")
    for r in res["models"]:
        if "error" in r:
            print(f"{r['model']:<26}failed to run: {r['error']}")
            continue
        for arm in ("bare", "pipeline"):
            s, sp = r[f"{arm}_score"], r[f"{arm}_span"]
            per_type = "".join(f"{s['types'].get(t, {'f1': 0.0})['f1']:>7.3f}"
                               for t in ("PER", "ORG", "LOC", "MISC"))
            print(f"{r['model']:<26}{arm:<10}{s['all']['p']:>7.3f}{s['all']['r']:>7.3f}{s['all']['f1']:>7.3f}"
                  f"{sp['all']['f1']:>9.3f}{per_type}")
    print(f"{'model':<26}{'version':<20}{'load s':>8}{'load MB':>9}{'peak MB':>9}"
          f"{'bare tok/s':>12}{'annotate tok/s':>16}")
    for r in res["models"]:
        if "error" in r:
            continue
        print(f"{r['model']:<26}{r['version']:<20}{r['load_seconds']:>8.1f}{r['load_mb']:>9.0f}"
              f"{r['peak_mb']:>9.0f}{r['tokens'] / r['bare_seconds']:>12,.0f}"
              f"{r['tokens'] / r['pipeline_seconds']:>16,.0f}")
    for r in res["models"]:
        if "error" in r:
            continue
        diff = r["differences"]
        counts = ", ".join(f"{k} {v}" for k, v in sorted(diff["counts"].items())) or "none"
        print(f"{r['model']}: spans the pipeline changed or dropped — {counts}"
              + (f"; {r['failed']} documents not annotated" if r["failed"] else ""))
        if show:
            for key, lines in diff["samples"].items():
                for line in lines:
                    print(f"  {key}: {line}")


if __name__ == "__main__":
    sys.exit(main())
