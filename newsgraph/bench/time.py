"""Benchmark: time-expression detection and normalisation on TimeBank + AQUAINT (TempEval-3 train).

Reads ``../shared/data/timeml/data/TBAQ-cleaned/*/*.tml``: the TEXT of each document
with its TIMEX3 tags, and the document creation time (DCT) the values are relative to.
Our ``normalise_times`` runs on the plain TEXT with the DCT as document date.

Measures (TempEval-3, task A): detection precision/recall/F1, strict (exact
character span) and relaxed (any overlap, one-to-one); value accuracy over the
relaxed matches, and value F1 (correct values over predictions and over gold).

    .venv/bin/python -m newsgraph.bench.time [--limit N]
"""

from __future__ import annotations

import argparse
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from newsgraph.bench import shared_dir

__all__ = ["load_timeml", "main", "run"]

DATA = shared_dir() / "data" / "timeml" / "data" / "TBAQ-cleaned"


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


def run(limit: int | None = None) -> dict[str, Any]:
    """Score ``normalise_times`` on TBAQ; returns the figures (empty dict with ``skipped`` if no data)."""
    if not DATA.is_dir():
        return {"skipped": f"TimeML data not found at {DATA}"}
    from newsgraph.bench._spacy_adoc import annotate_text
    from newsgraph.nlp.time import normalise_times

    files = sorted(DATA.glob("*/*.tml"))[:limit]
    n_pred = n_gold = strict_tp = relaxed_tp = value_ok = 0
    t0 = time.perf_counter()
    for f in files:
        text, dct, gold = load_timeml(f)
        adoc = annotate_text(text, f.stem, dct[:10] or None)
        pred = normalise_times(adoc)
        ps = [(p.start, p.end) for p in pred]
        gs = [(g[0], g[1]) for g in gold]
        n_pred += len(ps)
        n_gold += len(gs)
        strict_tp += len(_match(ps, gs, True))
        relaxed = _match(ps, gs, False)
        relaxed_tp += len(relaxed)
        value_ok += sum(1 for i, j in relaxed if pred[i].value and pred[i].value == gold[j][2])
    secs = time.perf_counter() - t0
    sp, sr, sf = _prf(strict_tp, n_pred, n_gold)
    rp, rr, rf = _prf(relaxed_tp, n_pred, n_gold)
    vp, vr, vf = _prf(value_ok, n_pred, n_gold)
    return {
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
    args = ap.parse_args(argv)
    res = run(args.limit)
    if "skipped" in res:
        print("skipped:", res["skipped"])
        return 0
    print(
        f"TimeBank+AQUAINT: {res['documents']} documents, {res['gold']} gold TIMEX3, "
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
