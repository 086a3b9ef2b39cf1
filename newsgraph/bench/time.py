"""Benchmark: time-expression detection and normalisation on TimeBank + AQUAINT (TempEval-3 train).

Reads ``../shared/data/timeml/data/TBAQ-cleaned/*/*.tml``: the TEXT of each document
with its TIMEX3 tags, and the document creation time (DCT) the values are relative to.
Our ``normalise_times`` runs on the plain TEXT with the DCT as document date.

Measures (TempEval-3, task A): detection precision/recall/F1, strict (exact
character span) and relaxed (any overlap, one-to-one); value accuracy over the
relaxed matches, and value F1 (correct values over predictions and over gold).

Halves: the files sorted by path (``AQUAINT/…`` then ``TimeBank/…``), numbered from 0;
``--half dev`` scores the even positions (the half the normalisation rules were
developed on), ``--half test`` the odd ones (held out), ``--half all`` both (default).
``--rules`` prints, per normalisation rule, how many matched expressions it valued and
how many of those values are right; ``--ablate`` runs again with each rule of
``nlp.time.RULES`` switched off and prints what each is worth (value F1 with all rules
minus value F1 without it).

    .venv/bin/python -m newsgraph.bench.time [--half dev|test|all] [--rules] [--ablate] [--limit N]
"""

from __future__ import annotations

import argparse
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from newsgraph.bench import shared_dir

__all__ = ["HALVES", "load_timeml", "main", "run", "select_half"]

DATA = shared_dir() / "data" / "timeml" / "data" / "TBAQ-cleaned"
HALVES = ("all", "dev", "test")


def select_half(files: list[Path], half: str) -> list[Path]:
    """The development (even positions) or held-out (odd positions) half of ``files``
    sorted by path, or all of them."""
    ordered = sorted(files)
    if half == "dev":
        return ordered[0::2]
    if half == "test":
        return ordered[1::2]
    return ordered


def load_timeml(path: Path) -> tuple[str, str, list[tuple[int, int, str, str]]]:
    """Plain text of the TEXT element, the DCT value, and gold (start, end, value, type)."""
    root = ET.parse(path).getroot()
    dct = ""
    for t in root.iter("TIMEX3"):
        if t.get("functionInDocument") == "CREATION_TIME":
            dct = t.get("value", "")
            break
    text_el = root.find("TEXT")
    parts: list[str] = []
    gold: list[tuple[int, int, str, str]] = []
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        start = pos
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)
        if el.tag == "TIMEX3":
            gold.append((start, pos, el.get("value", ""), el.get("type", "")))

    if text_el is not None:
        walk(text_el)
    return "".join(parts), dct, gold


def _match(pred: list[tuple[int, int]], gold: list[tuple[int, int]], strict: bool) -> list[tuple[int, int]]:
    """One-to-one matches (pred index, gold index), exact or overlapping."""
    used: set[int] = set()
    out = []
    for i, (ps, pe) in enumerate(pred):
        for j, (gs, ge) in enumerate(gold):
            if j in used:
                continue
            if (ps, pe) == (gs, ge) if strict else (ps < ge and gs < pe):
                used.add(j)
                out.append((i, j))
                break
    return out


def _prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _score(
    docs: list[tuple[Any, list[tuple[int, int, str, str]]]], off: frozenset[str]
) -> dict[str, Any]:
    from newsgraph.nlp.time import normalise_times

    n_pred = n_gold = strict_tp = relaxed_tp = value_ok = 0
    by_rule: dict[str, list[int]] = {}
    for adoc, gold in docs:
        pred = normalise_times(adoc, off=off)
        ps = [(p.start, p.end) for p in pred]
        gs = [(g[0], g[1]) for g in gold]
        n_pred += len(ps)
        n_gold += len(gs)
        strict_tp += len(_match(ps, gs, True))
        relaxed = _match(ps, gs, False)
        relaxed_tp += len(relaxed)
        for i, j in relaxed:
            ok = bool(pred[i].value) and pred[i].value == gold[j][2]
            value_ok += ok
            counts = by_rule.setdefault(pred[i].rule, [0, 0])
            counts[0] += 1
            counts[1] += ok
    return {
        "n_pred": n_pred, "n_gold": n_gold, "strict_tp": strict_tp, "relaxed_tp": relaxed_tp,
        "value_ok": value_ok, "by_rule": by_rule,
    }


def run(limit: int | None = None, half: str = "all", ablate: bool = False) -> dict[str, Any]:
    """Score ``normalise_times`` on TBAQ; returns the figures (empty dict with ``skipped`` if no data)."""
    if not DATA.is_dir():
        return {"skipped": f"TimeML data not found at {DATA}"}
    from newsgraph.bench._spacy_adoc import annotate_text
    from newsgraph.nlp.time import RULES

    files = select_half(list(DATA.glob("*/*.tml")), half)[:limit]
    t0 = time.perf_counter()
    docs = []
    for f in files:
        text, dct, gold = load_timeml(f)
        docs.append((annotate_text(text, f.stem, dct[:10] or None), gold))
    s = _score(docs, frozenset())
    secs = time.perf_counter() - t0
    n_pred, n_gold = s["n_pred"], s["n_gold"]
    strict_tp, relaxed_tp, value_ok = s["strict_tp"], s["relaxed_tp"], s["value_ok"]
    sp, sr, sf = _prf(strict_tp, n_pred, n_gold)
    rp, rr, rf = _prf(relaxed_tp, n_pred, n_gold)
    vp, vr, vf = _prf(value_ok, n_pred, n_gold)
    ablation: dict[str, float] = {}
    if ablate:
        for rule in RULES:
            a = _score(docs, frozenset({rule}))
            ablation[rule] = _prf(a["value_ok"], a["n_pred"], a["n_gold"])[2]
        ablation["(all off)"] = _prf(*(lambda a: (a["value_ok"], a["n_pred"], a["n_gold"]))(
            _score(docs, frozenset(RULES))))[2]
    return {
        "half": half,
        "by_rule": s["by_rule"],
        "ablation": ablation,
        "documents": len(files),
        "gold": n_gold,
        "predicted": n_pred,
        "strict": {"p": sp, "r": sr, "f1": sf},
        "relaxed": {"p": rp, "r": rr, "f1": rf},
        "value_accuracy": value_ok / relaxed_tp if relaxed_tp else 0.0,
        "value": {"p": vp, "r": vr, "f1": vf},
        "seconds": secs,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="score only the first N documents")
    ap.add_argument("--half", choices=HALVES, default="all",
                    help="dev: even positions of the sorted files (developed on); test: odd (held out)")
    ap.add_argument("--rules", action="store_true", help="value accuracy per normalisation rule")
    ap.add_argument("--ablate", action="store_true", help="value F1 with each rule of nlp.time.RULES off")
    args = ap.parse_args(argv)
    res = run(args.limit, args.half, args.ablate)
    if "skipped" in res:
        print("skipped:", res["skipped"])
        return 0
    print(
        f"TimeBank+AQUAINT ({res['half']}): {res['documents']} documents, {res['gold']} gold TIMEX3, "
        f"{res['predicted']} predicted ({res['seconds']:.1f}s, spaCy + normalisation)"
    )
    print(f"{'measure':<26}{'P':>7}{'R':>7}{'F1':>7}")
    for key, label in (
        ("strict", "detection strict"),
        ("relaxed", "detection relaxed"),
        ("value", "value (TempEval-3)"),
    ):
        m = res[key]
        print(f"{label:<26}{m['p']:>7.3f}{m['r']:>7.3f}{m['f1']:>7.3f}")
    print(f"value accuracy on relaxed matches: {res['value_accuracy']:.3f}")
    if args.rules:
        print(f"{'rule':<22}{'matched':>8}{'right':>7}")
        for rule, (n, ok) in sorted(res["by_rule"].items(), key=lambda kv: -kv[1][0]):
            print(f"{rule:<22}{n:>8}{ok:>7}")
    if res["ablation"]:
        full = res["value"]["f1"]
        print(f"{'switched off':<22}{'value F1':>9}{'rule worth':>11}")
        for rule, f1 in res["ablation"].items():
            print(f"{rule:<22}{f1:>9.3f}{full - f1:>+11.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
