"""Entity-resolution benchmark: ECB+ coreference, scaling, and the seed entities.

``python -m newsgraph.bench.entities [--quick] [--topics odd|even|1-6,9] [--no-scaling]
[--no-seeds] [--no-ecb]`` prints:

1. ECB+ entity coreference (topics present in ../shared/data/ecbplus, HUMAN/NON_HUMAN/LOC
   gold mentions in the validated sentences, fed to the resolver as character spans of
   the token text, parsed by spaCy with the gold tokenisation): MUC, B³, CEAF-e and
   CoNLL F1, (i) within each topic and (ii) over the whole corpus without topic
   boundaries (documents in a fixed shuffled order), for the resolver and two baselines
   run the same way — exact normalised string match and same head lemma — on the
   odd topics, the even topics and all. For four rounds the odd topics were the only
   ones rules and thresholds were chosen on and the even ones were held out; from the
   fifth, having been read after every round, the even topics were development too,
   both halves measured apart (ECB+'s own test topics, 36–45, are not in ../shared).
2. Scaling: resolution of N and 4N documents' NER mentions (BBC News, a seeded shuffle,
   annotated once before timing; N = 500 articles): seconds, peak traced memory, the
   growth exponent log(t4N/tN)/log 4 and per mention, and the cost per mention by
   quarter of the 4N run.
3. The seeds: resolved entities with aliases (raw text, non-article lines dropped crudely).

``run()`` returns the same figures as a dict. Reads ../shared: parts whose data is
absent are skipped with a message.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import random
import re
import time
import tracemalloc
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from newsgraph.bench import shared_dir
from newsgraph.eval.coref_metrics import Score, evaluate
from newsgraph.eval.ecbplus import ENTITY_CLASSES, EcbDocument, default_root, load_ecbplus
from newsgraph.model.document import AnnotatedDocument, Document, Mention, Sentence
from newsgraph.model.entities import mention_key
from newsgraph.resolve.entities import Resolver, ResolverOptions
from newsgraph.resolve.entities.lexical import head_similarity
from newsgraph.resolve.entities.names import parse_name
from newsgraph.resolve.entities.scoring import name_match

__all__ = ["ecb_label", "main", "parse_topics", "run"]

SHARED = shared_dir()

#: ECB+ participant tags → the NER labels the resolver reads (ECB+ guidelines §3 vs
#: OntoNotes): metonymic uses of places (HUMAN_PART_MET, e.g. "Washington" for a
#: government) behave like organisations; vehicles and other things are products.
ECB_LABELS: dict[str, str] = {
    "HUMAN_PART_PER": "PERSON",
    "HUMAN_PART": "PERSON",
    "HUMAN_PART_GENERIC": "PERSON",
    "HUMAN_PART_ORG": "ORG",
    "HUMAN_PART_MET": "ORG",
    "HUMAN_PART_GPE": "GPE",
    "HUMAN_PART_FAC": "FAC",
    "HUMAN_PART_VEH": "PRODUCT",
    "NON_HUMAN_PART": "PRODUCT",
    "NON_HUMAN_PART_GENERIC": "PRODUCT",
    "LOC_GEO": "GPE",
    "LOC_FAC": "FAC",
    "LOC_OTHER": "LOC",
}


def ecb_label(tag: str) -> str:
    return ECB_LABELS.get(tag, "PRODUCT")


# ---- ECB+ ---------------------------------------------------------------------------------
def _ecb_annotated(docs: list[EcbDocument]) -> tuple[list[AnnotatedDocument], dict[str, str], dict[str, str]]:
    """AnnotatedDocuments with gold entity mentions, ``{key: gold cluster}`` and ``{key: head lemma}``."""
    from spacy.tokens import Doc

    from newsgraph.nlp.annotate import load_model

    nlp = load_model()
    gold: dict[str, str] = {}
    built: list[tuple[EcbDocument, str, dict[int, tuple[int, int]], list[tuple[int, int]], Doc]] = []
    for edoc in docs:
        if not edoc.tokens:
            continue
        text, offsets, sentences = edoc.text()
        words = [text[a:b] for a, b in (offsets[t.t_id] for t in edoc.tokens)]
        # Gold tokenisation and sentence splits; the text the resolver sees is the
        # tokens joined by spaces (mention offsets are taken from this Doc).
        spaces = [True] * (len(words) - 1) + [False]
        sent_starts = [
            i == 0 or edoc.tokens[i].sentence != edoc.tokens[i - 1].sentence for i in range(len(edoc.tokens))
        ]
        sdoc = Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=sent_starts)
        built.append((edoc, text, offsets, sentences, sdoc))
    parsed = list(nlp.pipe((b[4] for b in built), batch_size=64))
    out: list[AnnotatedDocument] = []
    heads: dict[str, str] = {}
    for (edoc, _text, _offsets, _sentences, _), sdoc in zip(built, parsed, strict=True):
        dtext = sdoc.text
        tok_char = {t.t_id: (sdoc[i].idx, sdoc[i].idx + len(sdoc[i])) for i, t in enumerate(edoc.tokens)}
        sentences = [Sentence(s.start_char, s.end_char) for s in sdoc.sents]
        sent_index = {}
        for i, s in enumerate(sdoc.sents):
            sent_index[s.start] = i
        mentions: list[Mention] = []
        seen: set[tuple[int, int]] = set()
        for m in edoc.mentions:
            if m.cls not in ENTITY_CLASSES or not m.validated:
                continue
            start = tok_char[m.token_ids[0]][0]
            end = tok_char[m.token_ids[-1]][1]
            key = mention_key(edoc.name, start, end)
            gold.setdefault(key, m.cluster)
            if (start, end) in seen:
                continue
            seen.add((start, end))
            span = sdoc.char_span(start, end)
            sentence = sent_index.get(span.sent.start, -1) if span is not None else -1
            heads[key] = span.root.lemma_.lower() if span is not None else dtext[start:end].lower()
            mentions.append(Mention(start, end, dtext[start:end], ecb_label(m.tag), sentence))
        document = Document(edoc.name, edoc.name, dtext)
        out.append(AnnotatedDocument(document, sentences, mentions, model="gold-mentions", doc=sdoc))
    return out, gold, heads


def _shuffled(adocs: list[AnnotatedDocument]) -> list[AnnotatedDocument]:
    """A fixed order that interleaves topics (no topic boundaries to lean on)."""
    return sorted(adocs, key=lambda a: hashlib.sha256(a.document.id.encode()).hexdigest())


def _resolver_clusters(adocs: Iterable[AnnotatedDocument], options: ResolverOptions | None) -> dict[str, str]:
    resolver = Resolver(options)
    resolver.add(adocs)
    return {m.key: m.entity for e in resolver.entities() for m in e.mentions}


def _string_clusters(adocs: Iterable[AnnotatedDocument]) -> dict[str, str]:
    out = {}
    for a in adocs:
        for m in a.mentions:
            p = parse_name(m.text)
            out[mention_key(a.document.id, m.start, m.end)] = p.compact or m.text.lower()
    return out


def _lemma_clusters(adocs: Iterable[AnnotatedDocument], heads: dict[str, str]) -> dict[str, str]:
    return {
        mention_key(a.document.id, m.start, m.end): heads[mention_key(a.document.id, m.start, m.end)]
        for a in adocs
        for m in a.mentions
    }


def _score(gold: dict[str, str], predicted: dict[str, str], keep: set[str]) -> dict[str, float]:
    key: dict[str, set[str]] = defaultdict(set)
    response: dict[str, set[str]] = defaultdict(set)
    for k, g in gold.items():
        if k in keep:
            key[g].add(k)
            response[predicted.get(k, "unresolved:" + k)].add(k)
    scores = evaluate(list(key.values()), list(response.values()))
    out: dict[str, float] = {}
    for name in ("muc", "b3", "ceafe"):
        s = scores[name]
        assert isinstance(s, Score)
        out[name] = round(100 * s.f1, 1)
    out["conll"] = round(100 * float(scores["conll"]), 1)  # type: ignore[arg-type]
    return out


def ecbplus_benchmark(
    root: Path | None = None, topics: Iterable[int] | None = None, options: ResolverOptions | None = None
) -> dict[str, Any]:
    docs = load_ecbplus(root, topics)
    adocs, gold, heads = _ecb_annotated(docs)
    topic_of = {d.name: d.topic for d in docs}
    by_topic: dict[int, list[AnnotatedDocument]] = defaultdict(list)
    for a in adocs:
        by_topic[topic_of[a.document.id]].append(a)
    systems: dict[str, dict[str, dict[str, str]]] = {"within-topic": {}, "whole-corpus": {}}
    # (i) within each topic: a fresh resolver per topic, clusters prefixed by topic.
    within: dict[str, dict[str, str]] = {"resolver": {}, "exact-string": {}, "head-lemma": {}}
    for topic, group in by_topic.items():
        for name, pred in (
            ("resolver", _resolver_clusters(group, options)),
            ("exact-string", _string_clusters(group)),
            ("head-lemma", _lemma_clusters(group, heads)),
        ):
            within[name].update({k: f"{topic}:{v}" for k, v in pred.items()})
    systems["within-topic"] = within
    # (ii) the whole corpus at once, topics interleaved.
    mixed = _shuffled(adocs)
    systems["whole-corpus"] = {
        "resolver": _resolver_clusters(mixed, options),
        "exact-string": _string_clusters(mixed),
        "head-lemma": _lemma_clusters(mixed, heads),
    }
    split_keys = {
        "odd topics": {k for k in gold if topic_of[k.rsplit(":", 1)[0]] % 2 == 1},
        "even topics": {k for k in gold if topic_of[k.rsplit(":", 1)[0]] % 2 == 0},
        "all": set(gold),
    }
    results: dict[str, Any] = {
        "documents": len(adocs),
        "mentions": len(gold),
        "gold_clusters": len(set(gold.values())),
        "topics": sorted(by_topic),
        "scores": {},
    }
    # Only splits that hold mentions, and "all" only when it adds something (with
    # ``--topics odd`` it is the odd split again and the even split is empty).
    split_keys = {name: keep for name, keep in split_keys.items() if keep}
    if sum(1 for name in split_keys if name != "all") < 2:
        split_keys.pop("all", None)
    for setting, preds in systems.items():
        for split, keep in split_keys.items():
            for system, pred in preds.items():
                results["scores"][f"{setting}|{split}|{system}"] = _score(gold, pred, keep)
    return results


# ---- scaling ---------------------------------------------------------------------------------
def _crude_article_lines(text: str) -> str:
    """Bench-only stand-in for the cleaner: keep lines that look like English prose."""
    kept = []
    for line in text.splitlines():
        letters = [c for c in line if c.isalpha()]
        if not letters:
            kept.append("")
            continue
        latin = sum(1 for c in letters if c.isascii()) / len(letters)
        if latin < 0.8:
            continue
        kept.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()


def _annotate_texts(items: list[tuple[str, str]]) -> list[AnnotatedDocument]:
    from newsgraph.extract.claims.sources import quotation_sources
    from newsgraph.nlp.annotate import annotate

    documents = [Document(ident, ident, text) for ident, text in items]
    adocs = list(annotate(documents))
    for adoc in adocs:
        quotation_sources(adoc)  # the claims stage's quotation speakers, read by chaining as in an ingest
    return adocs


#: The resolver without the cross-document precision guards added for general news
#: (rare-only co-occurrence support, generic category nouns, qualified places, acronym
#: typing and expansions, cross-type skeletons, no acronym/skeleton bridges, the score
#: cap): the options they replaced, for the comparison row of the scaling run.
UNGUARDED = ResolverOptions(
    cooc_common_weight=0.3,
    loose_kinds=("partial", "exact_single", "nominal", "synonym"),
    typed_kinds=("typo", "partial", "subset"),
    generic_head_names=0,
    acronym_expansions=False,
    place_partials=True,
    skeleton_shared_across_types=0,
    score_cap=None,
    min_support={**ResolverOptions().min_support, "skeleton": 0.35},
)

_PRONOUN_WORDS = frozenset(
    {"he", "she", "it", "they", "his", "her", "its", "their", "him", "them", "we", "i"}
)


def name_clashes(entities: Iterable[Any], top: int = 15) -> dict[str, Any]:
    """How often one resolved entity holds names that do not match at all.

    For each entity, its ``top`` most frequent capitalised surface forms are compared
    pairwise with ``scoring.name_match``; a pair no kind of match relates ("France" /
    "Frank-Juergen Weise", "AP" / "Alexander Payne") is a clash. Not a gold measure —
    a nickname or a new name can clash legitimately — but a false merge of two
    unrelated things almost always shows as clashes, and no gold exists for a general
    news mix at this size."""
    total = 0
    worst: list[tuple[int, str, list[str]]] = []
    for e in entities:
        counts = Counter(m.text for m in e.mentions)
        names = [
            parse_name(n)
            for n, _ in counts.most_common(top)
            if n[:1].isupper() and n.split()[0].lower() not in _PRONOUN_WORDS
        ]
        names = [p for p in names if p.tokens]
        clashes = sum(
            1 for i, a in enumerate(names) for b in names[i + 1 :] if name_match(a, b).kind == "weak"
        )
        total += clashes
        if clashes:
            worst.append((clashes, e.name, [p.surface for p in names[:6]]))
    worst.sort(key=lambda w: (-w[0], w[1]))
    return {"clashing_pairs": total, "entities_with_clashes": len(worst), "worst": worst[:5]}


def scaling_benchmark(n_docs: int = 500) -> dict[str, Any]:
    """Resolve N and 4N BBC News articles; the growth exponent and the cost per mention by
    quarter of the 4N run.

    The articles are a seeded shuffle of the whole folder, so N and 4N are samples of one
    mix: taken in file order, N would be business news only and 4N business plus
    entertainment, and the exponent would measure the change of beat as much as the
    size. Resolution work per chain grows while entities and blocking postings fill up
    to their caps (``ResolverOptions.block_cap``, ``score_cap``, ``entity_terms``) and
    then stays flat: the per-quarter figures show where. Times are the process's CPU
    time (resolution is single-threaded), so other work on the machine does not inflate
    them."""
    folder = SHARED / "data" / "corpora" / "bbc-news"
    files = sorted(p for p in folder.rglob("*.txt")) if folder.is_dir() else []
    if len(files) < 4 * n_docs:
        return {"skipped": f"needs {4 * n_docs} BBC News files under {folder}"}
    random.Random(0).shuffle(files)
    adocs = _annotate_texts(
        [
            (
                p.stem + "-" + hashlib.sha256(str(p).encode()).hexdigest()[:8],
                p.read_text(encoding="utf-8", errors="replace"),
            )
            for p in files[: 4 * n_docs]
        ]
    )
    # The word models resolution reads lazily (wordllama, WordNet) load once per process:
    # load them before timing, so N is not charged for them.
    head_similarity("man", "person")
    out: dict[str, Any] = {}
    for label, subset in (("N", adocs[:n_docs]), ("4N", adocs)):
        mentions = sum(len(a.mentions) for a in subset)
        resolver = Resolver()
        quarters: list[float] = []
        start = time.process_time()
        for i in range(4):
            part = subset[i * len(subset) // 4 : (i + 1) * len(subset) // 4]
            t = time.process_time()
            resolver.add(part)
            quarters.append(1000 * (time.process_time() - t) / max(1, sum(len(a.mentions) for a in part)))
        seconds = time.process_time() - start
        tracemalloc.start()
        Resolver().add(subset)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        out[label] = {
            "documents": len(subset),
            "mentions": mentions,
            "entities": len(resolver.entities()),
            "seconds": round(seconds, 3),
            "peak_mb": round(peak / 2**20, 1),
            "ms_per_mention_by_quarter": [round(q, 3) for q in quarters],
        }
        if label == "4N":
            out["coherence"] = name_clashes(resolver.entities())
            # The same articles through the resolver with this session's precision guards
            # off (their options as before them): what a general news mix did to it.
            unguarded = Resolver(UNGUARDED)
            unguarded.add(subset)
            out["coherence_unguarded"] = name_clashes(unguarded.entities())
            out["coherence_unguarded"]["entities"] = len(unguarded.entities())
    ratio = out["4N"]["seconds"] / out["N"]["seconds"]
    out["mention_ratio"] = round(out["4N"]["mentions"] / out["N"]["mentions"], 2)
    out["exponent"] = round(math.log(ratio) / math.log(4), 3)
    out["exponent_per_mention"] = round(math.log(ratio) / math.log(out["mention_ratio"]), 3)
    return out


# ---- seeds -----------------------------------------------------------------------------------
def seeds_benchmark() -> dict[str, Any]:
    folder = SHARED / "corpus" / "seeds"
    files = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    if not files:
        return {"skipped": f"no seeds under {folder}"}
    adocs = _annotate_texts(
        [(p.stem, _crude_article_lines(p.read_text(encoding="utf-8", errors="replace"))) for p in files]
    )
    resolver = Resolver()
    resolver.add(adocs)
    entities = []
    for e in resolver.entities():
        entities.append(
            {
                "id": e.id,
                "type": e.type,
                "type_confidence": e.type_confidence,
                "name": e.name,
                "aliases": e.aliases,
                "documents": len(e.documents),
                "mentions": len(e.mentions),
            }
        )
    return {"entities": entities}


# ---- entry points ------------------------------------------------------------------------------
def parse_topics(spec: str | None) -> list[int] | None:
    """``"odd"`` / ``"even"`` (of 1–45), or a list such as ``"1-6,9,11"``; None for all."""
    if not spec:
        return None
    if spec in ("odd", "even"):
        return [t for t in range(1, 46) if t % 2 == (1 if spec == "odd" else 0)]
    topics: list[int] = []
    for part in spec.split(","):
        if "-" in part:
            a, b = part.split("-", 1)
            topics.extend(range(int(a), int(b) + 1))
        elif part.strip():
            topics.append(int(part))
    return topics


def run(
    quick: bool = False,
    scaling: bool = True,
    seeds: bool = True,
    ecb: bool = True,
    topics: list[int] | None = None,
) -> dict[str, Any]:
    """All three measurements as one dict (``quick``: ECB+ topics 1–6 only, smaller N;
    ``topics``: only these ECB+ topics, e.g. the odd ones while tuning)."""
    results: dict[str, Any] = {}
    if ecb:
        root = default_root()
        if (root / "ECB+").is_dir():
            chosen = topics if topics is not None else (list(range(1, 7)) if quick else None)
            results["ecbplus"] = ecbplus_benchmark(root, chosen)
        else:
            results["ecbplus"] = {"skipped": f"ECB+ not found under {root}"}
    if scaling:
        results["scaling"] = scaling_benchmark(50 if quick else 500)
    if seeds:
        results["seeds"] = seeds_benchmark()
    return results


def _print_ecb(res: dict[str, Any]) -> None:
    if "skipped" in res:
        print(f"ECB+: skipped ({res['skipped']})")
        return
    print(
        f"ECB+ entity coreference: {res['documents']} documents, {res['mentions']} gold mentions "
        f"(HUMAN/NON_HUMAN/LOC, validated sentences), {res['gold_clusters']} gold clusters, "
        f"topics {res['topics'][0]}–{res['topics'][-1]}"
    )
    header = f"{'setting':<13} {'split':<17} {'system':<13} {'MUC':>6} {'B3':>6} {'CEAF-e':>7} {'CoNLL':>6}"
    print(header)
    print("-" * len(header))
    for key, s in res["scores"].items():
        setting, split, system = key.split("|")
        print(
            f"{setting:<13} {split:<17} {system:<13} {s['muc']:>6.1f} {s['b3']:>6.1f} {s['ceafe']:>7.1f} "
            f"{s['conll']:>6.1f}"
        )


def _print_scaling(res: dict[str, Any]) -> None:
    if "skipped" in res:
        print(f"scaling: skipped ({res['skipped']})")
        return
    print("Scaling (BBC News, NER mentions, resolution only):")
    print(f"{'size':<4} {'docs':>6} {'mentions':>9} {'entities':>9} {'seconds':>8} {'peak MB':>8}")
    for label in ("N", "4N"):
        r = res[label]
        print(
            f"{label:<4} {r['documents']:>6} {r['mentions']:>9} {r['entities']:>9} {r['seconds']:>8.3f} "
            f"{r['peak_mb']:>8.1f}"
        )
    print(
        f"growth exponent log(t4N/tN)/log 4 = {res['exponent']}; per mention "
        f"log(t4N/tN)/log(m4N/mN) = {res['exponent_per_mention']} (mentions ×{res['mention_ratio']})"
    )
    quarters = "  ".join(f"{q:.3f}" for q in res["4N"]["ms_per_mention_by_quarter"])
    print(f"4N run, ms per mention by quarter of the articles: {quarters}")
    print("Coherence of the 4N entities (pairs of names of one entity that no kind of name match relates):")
    for label, key, entities in (
        ("resolver", "coherence", res["4N"]["entities"]),
        ("without the precision guards", "coherence_unguarded", res["coherence_unguarded"]["entities"]),
    ):
        c = res[key]
        print(
            f"  {label:<30} entities {entities:>6}  clashing pairs {c['clashing_pairs']:>5}  "
            f"entities with clashes {c['entities_with_clashes']:>4}"
        )
        for n, name, names in c["worst"][:3]:
            print(f"      {n:>3} {name!r}: {', '.join(names)}")


def _print_seeds(res: dict[str, Any]) -> None:
    if "skipped" in res:
        print(f"seeds: skipped ({res['skipped']})")
        return
    print("Seed entities (PERSON/ORG/GPE/NORP/LOC/FAC, by mentions):")
    rows = [e for e in res["entities"] if e["type"] in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")]
    for e in sorted(rows, key=lambda e: (-e["mentions"], e["name"])):
        aliases = "; ".join(f"{a} ×{n}" for a, n in sorted(e["aliases"].items(), key=lambda x: -x[1]))
        print(
            f"  {e['type']:<6} {e['type_confidence']:.2f} {e['name']!r:<38} "
            f"docs {e['documents']}  [{aliases}]"
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="ECB+ topics 1–6 and a smaller scaling run")
    parser.add_argument("--no-scaling", action="store_true")
    parser.add_argument("--no-seeds", action="store_true")
    parser.add_argument("--no-ecb", action="store_true")
    parser.add_argument(
        "--topics", default=None, help='ECB+ topics: "odd", "even" or a list like "1-6,9"'
    )
    args = parser.parse_args(argv)
    results = run(
        args.quick, not args.no_scaling, not args.no_seeds, not args.no_ecb, parse_topics(args.topics)
    )
    if "ecbplus" in results:
        _print_ecb(results["ecbplus"])
        print()
    if "scaling" in results:
        _print_scaling(results["scaling"])
        print()
    if "seeds" in results:
        _print_seeds(results["seeds"])


if __name__ == "__main__":
    main()
