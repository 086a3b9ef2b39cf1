"""Benchmark: attribution (source, cue, content) on PolNeAR, beside textacy's ``direct_quotations``.

Reads ``../shared/data/polnear/data/<split>/{text,attributions}`` (brat standoff:
``Source``/``Cue``/``Content`` text-bound annotations tied by an ``Attribution``
event; discontinuous spans ``s e;s e`` are scored by their hull). Both systems run
on the same spaCy parse of each article.

Measures, per component (source span, cue, content span) and for the pair
"content with source": precision/recall/F1, **exact** (same span after stripping
edge whitespace, quote marks and punctuation) and **overlap** (any shared
character, one-to-one). A "content with source" match needs both the content and
the source to match the same gold attribution. Development used the train split;
report on dev (the default).

    .venv/bin/python -m newsgraph.bench.claims [--split dev] [--limit N] [--seeds] [--cache DIR]
        [--bbc N]

``--bbc N`` also prints the certainty of every claim extracted from a seeded sample of
N BBC News articles, and how many owe it to a negated cue ("have not reported",
"did not deny": ``extract/claims/polarity``) — before that rule those were asserted or
hedged.

``--cache DIR`` keeps each split's spaCy parses in ``DIR`` (a DocBin per split and
model) so that re-runs during development skip the parse, which is most of the time.

textacy 0.13.0 is a bench-only dependency, not installed by ``make``: when it is missing its
column is left out (``pip install textacy==0.13.0`` to compare). Its ``direct_quotations``
raises ValueError on unbalanced quote marks: such articles count as no predictions.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.bench import shared_dir

__all__ = ["bbc_polarity", "load_brat", "main", "run", "seeds_report"]

SHARED = shared_dir()
POLNEAR = SHARED / "data" / "polnear" / "data"
SEEDS = SHARED / "corpus" / "seeds"

_EDGE = " \t\n\"“”'‘’,.;:!?—–-()"

Span = tuple[int, int]


@dataclass(slots=True)
class Attr:
    source: Span | None
    cue: Span | None
    content: Span | None


def _norm(text: str, span: Span | None) -> Span | None:
    """Strip edge whitespace, quote marks and punctuation so exact matching is about words."""
    if span is None:
        return None
    s, e = span
    while s < e and text[s] in _EDGE:
        s += 1
    while e > s and text[e - 1] in _EDGE:
        e -= 1
    return (s, e) if s < e else None


def load_brat(ann: Path) -> list[Attr]:
    """Attributions of one ``.ann`` file (spans as hulls of their fragments)."""
    spans: dict[str, tuple[str, Span]] = {}
    events: list[dict[str, str]] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        # A span's text may hold a line break: its continuation line has no tab; skip it.
        if "\t" not in line:
            continue
        if line.startswith("T"):
            tid, rest, *_ = line.split("\t")
            label, offsets = rest.split(" ", 1)
            nums = [int(x) for x in re.findall(r"\d+", offsets)]
            spans[tid] = (label, (min(nums), max(nums)))
        elif line.startswith("E"):
            _, rest = line.split("\t", 1)
            events.append(dict(part.split(":", 1) for part in rest.split()))
    out = []
    for ev in events:

        def get(role: str, ev: dict[str, str] = ev) -> Span | None:
            key = next((k for k in ev if k.rstrip("0123456789") == role), None)
            return spans[ev[key]][1] if key and ev[key] in spans else None

        out.append(Attr(get("Source"), get("Cue"), get("Content")))
    return out


def _match(pred: list[Span | None], gold: list[Span | None], exact: bool) -> set[tuple[int, int]]:
    used: set[int] = set()
    pairs = set()
    for i, p in enumerate(pred):
        if p is None:
            continue
        for j, g in enumerate(gold):
            if j in used or g is None:
                continue
            if (p == g) if exact else (p[0] < g[1] and g[0] < p[1]):
                used.add(j)
                pairs.add((i, j))
                break
    return pairs


class _Score:
    def __init__(self) -> None:
        self.tp = self.pred = self.gold = 0

    def add(self, tp: int, pred: int, gold: int) -> None:
        self.tp += tp
        self.pred += pred
        self.gold += gold

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _pair_matches(text: str, pred: list[Attr], gold: list[Attr], exact: bool) -> int:
    """One-to-one matches where content and source both match the same gold attribution."""
    used: set[int] = set()
    tp = 0
    for p in pred:
        pc, ps = _norm(text, p.content), _norm(text, p.source)
        if pc is None or ps is None:
            continue
        for j, g in enumerate(gold):
            gc, gs = _norm(text, g.content), _norm(text, g.source)
            if j in used or gc is None or gs is None:
                continue
            ok = (
                (pc == gc and ps == gs)
                if exact
                else (pc[0] < gc[1] and gc[0] < pc[1] and ps[0] < gs[1] and gs[0] < ps[1])
            )
            if ok:
                used.add(j)
                tp += 1
                break
    return tp


def _ours(adoc: Any) -> list[Attr]:
    from newsgraph.extract.claims import extract_claims

    out = []
    for c in extract_claims(adoc):
        out.append(
            Attr(
                (c.speaker.start, c.speaker.end) if c.speaker else None,
                (c.cue.start, c.cue.end) if c.cue else None,
                (c.content.start, c.content.end),
            )
        )
    return out


def _has_textacy() -> bool:
    import importlib.util

    return importlib.util.find_spec("textacy") is not None


def _textacy(doc: Any) -> list[Attr]:
    from textacy.extract.triples import direct_quotations

    out = []
    try:
        for dq in direct_quotations(doc):
            sp = (dq.speaker[0].idx, max(t.idx + len(t.text) for t in dq.speaker)) if dq.speaker else None
            cue = (dq.cue[0].idx, max(t.idx + len(t.text) for t in dq.cue)) if dq.cue else None
            out.append(Attr(sp, cue, (dq.content.start_char, dq.content.end_char)))
    except ValueError:
        pass  # unbalanced quotation marks: textacy gives up on the whole document
    return out


def _parses(texts: dict[str, str], split: str, cache: Path | None) -> dict[str, Any]:
    """spaCy parses of ``texts`` (stem → text), read from / written to ``cache`` when given."""
    from spacy.tokens import DocBin

    from newsgraph.bench._spacy_adoc import nlp
    from newsgraph.settings import SPACY_MODEL

    model = nlp()
    path = cache / f"polnear-{split}-{SPACY_MODEL}.spacy" if cache is not None else None
    got: dict[str, Any] = {}
    if path is not None and path.exists():
        for doc in DocBin().from_disk(path).get_docs(model.vocab):
            got[doc.user_data.get("stem", "")] = doc
    missing = [k for k, t in texts.items() if k not in got or got[k].text != t]
    for k in missing:
        got[k] = model(texts[k])
        got[k].user_data["stem"] = k
    if path is not None and missing:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(store_user_data=True, docs=list(got.values())).to_disk(path)
    return got


def run(split: str = "dev", limit: int | None = None, cache: Path | None = None) -> dict[str, Any]:
    """Score our extractor and textacy on a PolNeAR split; ``skipped`` when the data is absent.

    cache (Path | None): a directory for the split's parses (see the module docstring).
    """
    base = POLNEAR / split
    if not (base / "attributions").is_dir():
        return {"skipped": f"PolNeAR {split} not found at {base}"}
    from newsgraph.bench._spacy_adoc import adoc_from_doc

    anns = sorted((base / "attributions").glob("*.ann"))[:limit]
    texts: dict[str, str] = {}
    for ann in anns:
        stem = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
        txt = base / "text" / f"{stem}.txt"
        if txt.exists():
            texts[stem] = txt.read_text(encoding="utf-8")
    t0 = time.perf_counter()
    parses = _parses(texts, split, cache)
    parse_secs = time.perf_counter() - t0
    systems = ("newsgraph", "textacy") if _has_textacy() else ("newsgraph",)
    comps = ("source", "cue", "content", "content+source")
    scores = {(s, c, m): _Score() for s in systems for c in comps for m in ("exact", "overlap")}
    n_gold = 0
    secs = {"newsgraph": 0.0, "textacy": 0.0, "spacy": parse_secs}
    for ann in anns:
        stem = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
        if stem not in texts:
            continue
        text = texts[stem]
        gold = load_brat(ann)
        n_gold += len(gold)
        doc = parses[stem]
        preds = {}
        t0 = time.perf_counter()
        preds["newsgraph"] = _ours(adoc_from_doc(doc, stem))
        secs["newsgraph"] += time.perf_counter() - t0
        if "textacy" in systems:
            t0 = time.perf_counter()
            preds["textacy"] = _textacy(doc)
            secs["textacy"] += time.perf_counter() - t0
        for sysname, pred in preds.items():
            for comp in ("source", "cue", "content"):
                ps = [_norm(text, getattr(p, comp)) for p in pred]
                gs = [_norm(text, getattr(g, comp)) for g in gold]
                for mode in ("exact", "overlap"):
                    tp = len(_match(ps, gs, mode == "exact"))
                    scores[(sysname, comp, mode)].add(tp, sum(1 for x in ps if x), sum(1 for x in gs if x))
            npred = sum(1 for p in pred if _norm(text, p.content) and _norm(text, p.source))
            ngold = sum(1 for g in gold if _norm(text, g.content) and _norm(text, g.source))
            for mode in ("exact", "overlap"):
                tp = _pair_matches(text, pred, gold, mode == "exact")
                scores[(sysname, "content+source", mode)].add(tp, npred, ngold)
    table = {
        f"{s}/{c}/{m}": dict(zip(("p", "r", "f1"), sc.prf(), strict=True)) for (s, c, m), sc in scores.items()
    }
    return {
        "split": split,
        "articles": len(anns),
        "gold_attributions": n_gold,
        "scores": table,
        "seconds": secs,
        "systems": list(systems),
    }


def seeds_report() -> list[str]:
    """Claims, normalised dates and places of the seed articles, as printable lines."""
    from newsgraph.extract.claims import extract_claims
    from newsgraph.nlp.places import link_places
    from newsgraph.nlp.time import infer_document_date, normalise_times

    lines: list[str] = []
    if not SEEDS.is_dir():
        return [f"skipped: seeds not found at {SEEDS}"]
    for adoc in _seed_adocs():
        d = adoc.document
        dd = infer_document_date(adoc)
        lines.append(
            f"== {Path(d.path).name}  published={d.published}  document date="
            f"{dd.value if dd else None} ({dd.rule if dd else 'none'})"
        )
        lines.append("-- claims")
        for c in extract_claims(adoc):
            who = c.speaker.text if c.speaker else "?"
            if c.speaker_ref is not None:
                who += f" → {c.speaker_ref.text}"
            chan = f" via {c.channel.text}" if c.channel else ""
            hedge = f" ({c.hedge.text})" if c.hedge else ""
            lines.append(
                f"  [{c.quote_type}/{c.certainty}{hedge}] {who} <{c.speaker_kind}>{chan} "
                f"{c.cue.text if c.cue else '-'}: {_short(c.content.text)}"
            )
        lines.append("-- dates")
        for t in normalise_times(adoc):
            lines.append(f"  {t.text!r} → {t.value} ({t.precision}, {t.anchored_to})")
        lines.append("-- places")
        for p in link_places(adoc):
            where = f"{p.lat:.3f},{p.lon:.3f}" if p.lat is not None else "-"
            lines.append(
                f"  {p.text!r} [{p.label}] → {p.name} {p.country or ''} {p.feature or ''} {where} "
                f"({p.method})"
            )
    return lines


def _short(s: str, n: int = 110) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _seed_adocs() -> list[Any]:
    """The seeds through the project's own clean + annotate stages when present."""
    from newsgraph.bench._spacy_adoc import annotate_text

    files = sorted(SEEDS.glob("*.txt"))
    try:
        from newsgraph.ingest.clean import clean_text
        from newsgraph.nlp.annotate import annotate

        docs = []
        for f in files:
            d = clean_text(f.read_text(encoding="utf-8"), path=str(f))
            d.id = d.id or f.stem
            docs.append(d)
        return list(annotate(docs))
    except Exception as exc:  # the spine is built in parallel; fall back to raw text
        print(f"(clean/annotate unavailable: {exc}; annotating raw seed text)", file=sys.stderr)
        return [annotate_text(f.read_text(encoding="utf-8"), f.stem) for f in files]


def bbc_polarity(n: int, seed: int = 15) -> list[str]:
    """Certainty of the claims of ``n`` BBC News articles (seeded sample) and those of negated cues."""
    import random
    from collections import Counter

    from newsgraph.bench._spacy_adoc import adoc_from_doc, nlp
    from newsgraph.bench.stories import BBC, load_bbc
    from newsgraph.extract.claims import extract_claims
    from newsgraph.extract.claims.polarity import negation

    if not BBC.exists():
        return [f"skipped: {BBC} absent"]
    docs = load_bbc()
    docs = random.Random(seed).sample(docs, min(n, len(docs)))
    certainty: Counter[str] = Counter()
    negated: Counter[str] = Counter()
    examples: list[str] = []
    for d, sdoc in zip(docs, nlp().pipe([d.text for d in docs], batch_size=32), strict=True):
        adoc = adoc_from_doc(sdoc, d.id, d.published)
        adoc.document = d
        for c in extract_claims(adoc):
            certainty[c.certainty] += 1
            if c.cue is None or c.cue.lemma == "according to":
                continue
            span = sdoc.char_span(c.cue.end - 1, c.cue.end, alignment_mode="expand")
            if span is not None and negation(span[0]):
                negated[c.certainty] += 1
                if len(examples) < 12:
                    examples.append(f"  {d.id} {c.content.start}-{c.content.end}: "
                                    f"{c.speaker.text if c.speaker else '—'} | {c.cue.text} | {c.certainty}")
    total = sum(certainty.values())
    return [f"BBC sample of {len(docs)} articles (seed {seed}): {total} claims, "
            + ", ".join(f"{k} {certainty[k]}" for k in ("asserted", "hedged", "denied")),
            "claims with a negated cue (never asserted): "
            + ", ".join(f"{k} {negated[k]}" for k in ("asserted", "hedged", "denied")), *examples]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=("train", "dev"))
    ap.add_argument("--limit", type=int, default=None, help="first N articles only")
    ap.add_argument("--seeds", action="store_true", help="also print claims, dates and places of the seeds")
    ap.add_argument("--cache", type=Path, default=None, help="directory to keep the split's spaCy parses in")
    ap.add_argument("--bbc", type=int, default=0, help="also: certainty on a seeded sample of N BBC articles")
    args = ap.parse_args(argv)
    res = run(args.split, args.limit, args.cache)
    if "skipped" in res:
        print("skipped:", res["skipped"])
    else:
        secs = res["seconds"]
        print(
            f"PolNeAR {res['split']}: {res['articles']} articles, "
            f"{res['gold_attributions']} gold attributions "
            f"(spaCy {secs['spacy']:.1f}s, newsgraph {secs['newsgraph']:.1f}s"
            + (f", textacy {secs['textacy']:.1f}s)" if "textacy" in res["systems"]
               else "; textacy not installed: its column left out)")
        )
        names = {"newsgraph": "ours", "textacy": "textacy"}
        print(
            f"{'component':<16}{'match':<9}"
            + "".join(f"{names[s] + ' ' + m:>12}" for s in res["systems"] for m in ("P", "R", "F1"))
        )
        for comp in ("source", "cue", "content", "content+source"):
            for mode in ("exact", "overlap"):
                row = f"{comp:<16}{mode:<9}"
                for sysname in res["systems"]:
                    m = res["scores"][f"{sysname}/{comp}/{mode}"]
                    row += f"{m['p']:>12.3f}{m['r']:>12.3f}{m['f1']:>12.3f}"
                print(row)
    if args.seeds:
        print()
        print("\n".join(seeds_report()))
    if args.bbc:
        print()
        print("\n".join(bbc_polarity(args.bbc)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
