"""Benchmarks of extract/events and resolve/events: ``python -m newsgraph.bench.events``.

Prints, from public data in ``../shared/data`` (each part skipped with a message
when its data is absent):

1. event typing on the PLOVER gold-standard sentences and the CASE-2021 ACLED
   snippets beside a keyword baseline, per half (``event_typing.py``); ``ablate``:
   each sense and agency rule switched off alone on the development halves; and
   ``judged``: PLOVER type precision on BBC News + Reuters events judged by hand, per
   half of the documents (``event_judged.py``);
2. ECB+ event coreference (topics 1–35, ACTION/NEG_ACTION gold mentions in the
   validated sentences): MUC, B³, CEAF-e, CoNLL F1 within topics and across the
   corpus, for ``EventResolver`` and the same-head-lemma baseline, on odd topics
   (dev: the only topics weights were chosen on), even topics (held out) and all;
3. throughput of the event stage on BBC News articles (spaCy parse timed apart);
4. every event of the seed articles with arguments, place, date, flags, evidence.

Typing mappings (GSR and ACLED labels → PLOVER) live in ``event_typing.py``.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from newsgraph.bench import shared_dir
from newsgraph.model.events import ArgumentSpan, EventMention, Span, event_mention_id

__all__ = ["main", "run"]

SHARED = shared_dir()
DATA = SHARED / "data"


# ---------------------------------------------------------------- helpers
def _annotate_texts(texts: list[str], ids: list[str], published: list[str | None] | None = None) -> list[Any]:
    from newsgraph.model.document import Document
    from newsgraph.nlp.annotate import annotate

    pubs = published or [None] * len(texts)
    docs = [Document(id=i, path=i, text=t, published=p) for i, t, p in zip(ids, texts, pubs, strict=True)]
    return list(annotate(docs))


# ---------------------------------------------------------------- 2. ECB+
def coref_scores(key: list[set], resp: list[set]) -> dict[str, float]:
    """MUC, B³, CEAF-e F1 and CoNLL F1 (``newsgraph.eval.coref_metrics``)."""
    from newsgraph.eval.coref_metrics import evaluate

    sc = evaluate(key, resp)
    return {"muc": sc["muc"].f1, "b3": sc["b3"].f1, "ceafe": sc["ceafe"].f1, "conll": sc["conll"]}


def _ecb_load(topics: Iterable[int]) -> list[dict[str, Any]]:
    """ECB+ documents (``newsgraph.eval.ecbplus``): text and validated ACTION/NEG_ACTION gold mentions."""
    from newsgraph.eval.ecbplus import EVENT_CLASSES, load_ecbplus

    out = []
    for d in load_ecbplus(topics=topics):
        text, offsets, _sents = d.text()
        gold = []
        for m in d.mentions:
            if m.cls not in EVENT_CLASSES or not m.validated:
                continue
            spans = [offsets[t] for t in m.token_ids if t in offsets]
            if spans:
                gold.append((m.m_id, spans[0][0], spans[-1][1], m.cluster))
        if gold:
            out.append({"id": d.name, "topic": d.topic, "text": text, "mentions": gold})
    return out


def _ecb_mentions(docs: list[dict[str, Any]]) -> list[tuple[dict[str, Any], EventMention, str]]:
    """Gold ACTION mentions as EventMentions built from the spaCy parse of their sentence."""
    from newsgraph.extract.events.arguments import arguments_for
    from newsgraph.extract.events.extract import trigger_entry
    from newsgraph.extract.events.flags import flags_for
    from newsgraph.extract.events.lexicon import NOUNS, VERBS
    from newsgraph.extract.events.place import place_for
    from newsgraph.extract.events.time import date_for

    adocs = _annotate_texts([d["text"] for d in docs], [d["id"] for d in docs])
    out = []
    for d, a in zip(docs, adocs, strict=True):
        sdoc = a.doc
        for _mid, s, e, gold in d["mentions"]:
            span = sdoc.char_span(s, e, alignment_mode="expand")
            if span is None:
                continue
            tok = span.root
            # Type by the lexicon entry of the lemma, whatever its context, so one
            # lemma always lands in one type block; non-PLOVER events are "OTHER".
            found = trigger_entry(tok)
            lemma = tok.lemma_.lower()
            entry = found[0] if found else (VERBS.get(lemma) or NOUNS.get(lemma))
            ev_type, mode = entry if entry else ("OTHER", None)
            actors, targets = arguments_for(tok, ev_type)
            heads = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
            date = date_for(tok, None)
            sent = tok.sent
            m = EventMention(
                id=event_mention_id(d["id"], s, e),
                doc=d["id"],
                type=ev_type,
                mode=mode,
                trigger=Span(s, e, d["text"][s:e]),
                sentence=Span(sent.start_char, sent.end_char, sent.text),
                actors=actors,
                targets=targets,
                place=place_for(tok, heads),
                date=date,
                flags=flags_for(tok, date, None),
                lemma=tok.lemma_.lower(),
            )
            out.append((d, m, f"{gold}"))
    return out


def _resolve(
    items: list[tuple[dict[str, Any], EventMention, str]],
    by_topic: bool,
    options: Any = None,
    gold_subtopics: bool = False,
    timing: list[float] | None = None,
) -> list[set]:
    """Run ``EventResolver`` per topic (or over the corpus), documents in corpus order.

    Stories are the resolver's own incremental document clustering (``context=``), or
    with ``gold_subtopics`` the gold ECB+ sub-topic (``story=``), as the published
    lemma baselines are often run.  ``timing`` collects seconds per ``add``.
    """
    from newsgraph.resolve.events import EventResolver

    groups: dict[Any, list] = defaultdict(list)
    for it in items:
        groups[it[0]["topic"] if by_topic else 0].append(it)
    clusters: dict[str, set] = defaultdict(set)
    for g, its in groups.items():
        r = EventResolver(options=options)
        for d, m, _gold in its:
            t0 = time.perf_counter()
            if gold_subtopics:
                # The gold sub-topic is the story; the text still gives the anchors their
                # document vectors and years, as an ingest does.
                r.add(m, story=f"{d['topic']}{d['subtopic']}", context=d["text"])
            else:
                r.add(m, context=d["text"])
            if timing is not None:
                timing.append(time.perf_counter() - t0)
        # Events may merge after a mention joined them: read each mention's final event.
        for _d, m, _gold in its:
            clusters[f"{g}:{r.event_of(m.id)}"].add(m.id)
    return list(clusters.values())


def _story_scores(items: list[tuple[dict[str, Any], EventMention, str]]) -> dict[str, float]:
    """The resolver's own document clustering (stories) within each topic against the
    gold ECB+ sub-topics (the ``ecb``/``ecbplus`` halves): B³ and MUC F1 over documents."""
    from newsgraph.resolve.events import EventResolver

    groups: dict[Any, list] = defaultdict(list)
    for it in items:
        groups[it[0]["topic"]].append(it)
    key: dict[tuple, set] = defaultdict(set)
    resp: dict[tuple, set] = defaultdict(set)
    for topic, its in groups.items():
        r = EventResolver()
        docs = {d["id"]: d for d, _m, _g in its}
        for d in docs.values():
            r._stories.assign(d["id"], d["text"])
        for d in docs.values():
            key[(topic, d["subtopic"])].add(d["id"])
            resp[(topic, r.story_of(d["id"]))].add(d["id"])
    sc = coref_scores(list(key.values()), list(resp.values()))
    return {"b3": sc["b3"], "muc": sc["muc"], "stories": len(resp), "subtopics": len(key)}


def _lemma_baseline(
    items: list[tuple[dict[str, Any], EventMention, str]], by_topic: bool, gold_subtopics: bool = False
) -> list[set]:
    clusters: dict[tuple, set] = defaultdict(set)
    for d, m, _g in items:
        sub = d["subtopic"] if gold_subtopics else None
        clusters[(d["topic"] if by_topic else 0, sub, m.lemma)].add(m.id)
    return list(clusters.values())


def _key(items: list[tuple[dict[str, Any], EventMention, str]]) -> list[set]:
    clusters: dict[str, set] = defaultdict(set)
    for _d, m, g in items:
        clusters[g].add(m.id)
    return list(clusters.values())


def _ecb_system(
    name: str,
    sub: list[tuple[dict[str, Any], EventMention, str]],
    by_topic: bool,
    opts: Any,
    timing: list[float],
) -> list[set]:
    if name == "lemma":
        return _lemma_baseline(sub, by_topic)
    if name == "lemma-goldsub":
        return _lemma_baseline(sub, True, gold_subtopics=True)
    if name == "resolver":
        return _resolve(sub, by_topic, opts, timing=timing)
    if name == "resolver-goldsub":
        return _resolve(sub, True, opts, gold_subtopics=True)
    # Ablation: the same resolver without trigger embeddings (lemma + arguments).
    return _resolve(sub, by_topic, replace(opts, embeddings=False))


_SPLITS: dict[str, int | None] = {"odd": 1, "even": 0, "all": None}


def bench_ecb(options: Any = None, splits: Iterable[str] = ("odd", "even", "all")) -> dict[str, Any] | None:
    """ECB+ event coreference, resolver beside the same-head-lemma baseline.

    Rows: ``lemma`` (same lemma in the topic / corpus), ``resolver`` (our own
    document clustering), ``resolver-noemb`` (ablation: no trigger embeddings) and,
    within topics, ``lemma-goldsub``/``resolver-goldsub`` with the gold sub-topic
    (``ecb``/``ecbplus`` half of a topic) as document cluster, the setting of many
    published lemma baselines.  ``splits``: any of odd (dev), even (held out), all;
    only the topics they need are loaded (``--split odd`` tunes without the held-out ones).
    """
    from newsgraph.eval.ecbplus import load_ecbplus
    from newsgraph.resolve.events import ResolverOptions

    root = DATA / "ecbplus" / "ECB+"
    if not root.is_dir():
        print(f"\n[skip] ECB+ not found at {root}")
        return None
    t0 = time.perf_counter()
    splits = [x for x in _SPLITS if x in set(splits)]
    parities = {_SPLITS[x] for x in splits}
    topics = [t for t in range(1, 36) if None in parities or t % 2 in parities]
    docs = _ecb_load(topics)
    subtopic = {d.name: d.subtopic for d in load_ecbplus(topics=topics)}
    for d in docs:
        d["subtopic"] = subtopic[d["id"]]
    items = _ecb_mentions(docs)
    print(
        f"\n== ECB+ event coreference: {len(docs)} documents, {len(items)} gold ACTION mentions, "
        f"topics {'1–35' if len(topics) == 35 else ' and '.join(splits) + ' of 1–35'} "
        f"(validated sentences, whole documents parsed; {time.perf_counter() - t0:.1f} s)"
    )
    opts = options or ResolverOptions()
    results: dict[str, Any] = {}
    timing: list[float] = []
    print(f"{'split':6} {'setting':14} {'system':17} {'MUC':>6} {'B3':>6} {'CEAF-e':>6} {'CoNLL':>6}")
    for split in splits:
        keep = _SPLITS[split]
        sub = [it for it in items if keep is None or it[0]["topic"] % 2 == keep]
        key = _key(sub)
        for setting, by_topic in (("within-topic", True), ("cross-corpus", False)):
            names = ["lemma", "resolver", "resolver-noemb"]
            if by_topic:
                names += ["lemma-goldsub", "resolver-goldsub"]
            for system in names:
                resp = _ecb_system(system, sub, by_topic, opts, timing)
                sc = coref_scores(key, resp)
                results[f"{split}/{setting}/{system}"] = sc
                print(
                    f"{split:6} {setting:14} {system:17} {sc['muc']:6.3f} {sc['b3']:6.3f} {sc['ceafe']:6.3f} "
                    f"{sc['conll']:6.3f}"
                )
    print("document clustering (resolver stories vs gold sub-topics, within topic):")
    for split in splits:
        keep = _SPLITS[split]
        st = _story_scores([it for it in items if keep is None or it[0]["topic"] % 2 == keep])
        results[f"{split}/stories"] = st
        print(
            f"{split:6} B3 {st['b3']:.3f} MUC {st['muc']:.3f}  {st['stories']} stories for "
            f"{st['subtopics']} sub-topics"
        )
    ms = 1000 * sum(timing) / len(timing) if timing else 0.0
    results["ms_per_mention"] = ms
    print(f"EventResolver.add: {ms:.2f} ms per mention (embedding included), {len(timing)} adds timed")
    return results


# ---------------------------------------------------------------- 3. throughput
def bench_throughput(n: int = 200) -> dict[str, Any] | None:
    from newsgraph.extract.events import extract_events
    from newsgraph.resolve.events import EventResolver

    root = DATA / "corpora" / "bbc-news"
    if not root.is_dir():
        print(f"\n[skip] BBC News corpus not found at {root}")
        return None
    files = sorted(p for p in root.rglob("*.txt"))[:: max(1, len(list(root.rglob("*.txt"))) // n)][:n]
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    words = sum(len(t.split()) for t in texts)
    t0 = time.perf_counter()
    adocs = _annotate_texts(texts, [f"bbc-{i}" for i in range(len(texts))], ["2005-01-01"] * len(texts))
    t_parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    mentions = [extract_events(a) for a in adocs]
    t_extract = time.perf_counter() - t0
    t0 = time.perf_counter()
    r = EventResolver()
    for ms, a in zip(mentions, adocs, strict=True):
        for m in ms:
            r.add(m, published=a.document.published, context=a.document.text)
    t_resolve = time.perf_counter() - t0
    nm = sum(len(ms) for ms in mentions)
    k = words / 1000
    res = {
        "docs": len(texts),
        "words": words,
        "mentions": nm,
        "events": len(r.events),
        "parse_s": t_parse,
        "extract_s": t_extract,
        "resolve_s": t_resolve,
    }
    print(
        f"\n== Throughput on {len(texts)} BBC News articles ({words} words; {nm} event mentions → "
        f"{len(r.events)} events), one process"
    )
    print(f"{'stage':28} {'ms/doc':>8} {'ms/1k words':>12} {'share':>7}")
    total = t_parse + t_extract + t_resolve
    for name, t in (
        ("spaCy annotate (not ours)", t_parse),
        ("extract_events", t_extract),
        ("EventResolver.add", t_resolve),
    ):
        print(f"{name:28} {1000 * t / len(texts):8.2f} {1000 * t / k:12.2f} {t / total:7.1%}")
    return res


# ---------------------------------------------------------------- 4. seeds
def _fmt_arg(a: ArgumentSpan) -> str:
    return f"{a.text!r}({a.role})"


def _fmt_date(m: EventMention) -> str:
    d = m.date
    return "None" if d is None else f"{d.start}..{d.end}/{d.precision} ({d.evidence.text!r})"


def bench_seeds() -> dict[str, Any] | None:
    from newsgraph.extract.events import extract_events
    from newsgraph.resolve.events import EventResolver

    root = SHARED / "corpus" / "seeds"
    if not root.is_dir():
        print(f"\n[skip] seeds not found at {root}")
        return None
    files = sorted(root.glob("*.txt"))
    adocs = _annotate_texts(
        [p.read_text(encoding="utf-8", errors="replace") for p in files], [p.stem for p in files]
    )
    r = EventResolver()
    by_id: dict[str, EventMention] = {}
    count = 0
    for a in adocs:
        print(f"\n== seed {a.document.id} (raw text, uncleaned)")
        for m in extract_events(a):
            count += 1
            by_id[m.id] = m
            r.add(m, published=a.document.published, context=a.document.text)
            f = m.flags
            fl = [n for n in ("negated", "hypothetical", "attempted", "historical") if getattr(f, n)]
            if f.reported_via:
                fl.append("reported" + (f" by {f.speaker.text!r}" if f.speaker else ""))
            print(
                f"- {m.type}{'/' + m.mode if m.mode else ''} [{m.trigger.text}@{m.trigger.start}] "
                f"conf={m.confidence:.2f} actors={[_fmt_arg(x) for x in m.actors]} "
                f"targets={[_fmt_arg(x) for x in m.targets]} "
                f"place={m.place.name if m.place else None!r} "
                f"date={_fmt_date(m)} "
                f"flags={fl} rule={m.rule.split(' depth')[0]}"
            )
            print(f"    evidence: {m.sentence.text.strip()[:300]!r}")
    multi = [e for e in r.events if len(e.sources) > 1]
    print(f"\n{count} event mentions → {len(r.events)} events; reported by more than one seed:")
    for e in multi:
        print(
            f"- {e.id} {e.type} sources={e.sources} actors={e.actors} targets={e.targets} place={e.place!r}"
        )
        for mid in e.mentions:
            print(f"    [{by_id[mid].doc}] {by_id[mid].sentence.text.strip()[:200]!r}")
    return {"mentions": count, "events": len(r.events), "multi_source": len(multi)}


def run(
    parts: Iterable[str] = ("typing", "ecb", "throughput", "seeds"),
    splits: Iterable[str] = ("odd", "even", "all"),
    judged: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Run the chosen parts (ECB+ on the chosen topic ``splits``, ``judged`` with the
    options of ``event_judged.run``); returns every figure printed."""
    out: dict[str, Any] = {}
    parts = set(parts)
    if "typing" in parts:
        from newsgraph.bench.event_typing import run as run_typing

        out.update(run_typing())
    if "ablate" in parts:
        from newsgraph.bench.event_typing import ablate

        out["ablate"] = ablate()
    if "judged" in parts:
        from newsgraph.bench.event_judged import run as run_judged

        out["judged"] = run_judged(**(judged or {}))
    if "ecb" in parts:
        out["ecb"] = bench_ecb(splits=splits)
    if "throughput" in parts:
        out["throughput"] = bench_throughput()
    if "seeds" in parts:
        out["seeds"] = bench_seeds()
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "parts",
        nargs="*",
        default=["typing", "ecb", "throughput", "seeds"],
        help="any of: typing ablate judged ecb throughput seeds (ablate: each typing rule switched off "
        "on the development halves; judged is not in the default run: it "
        "ingests ~1,200 articles)",
    )
    ap.add_argument(
        "--split",
        action="append",
        choices=list(_SPLITS),
        help="ECB+ topics to score (repeatable; default all three): odd = dev, even = held out",
    )
    ap.add_argument("--db", help="judged: score the events of this store instead of ingesting the sample")
    ap.add_argument("--show-unjudged", type=int, default=0, metavar="N",
                    help="judged: print N events not judged yet, with their evidence, for judging")
    ap.add_argument("--sample", type=int, default=0, metavar="N",
                    help="judged: draw a new stratified sample of N unjudged events (seeded) and print it")
    ap.add_argument("--fresh", action="store_true",
                    help="judged: the fresh development set (documents no earlier sample held, development "
                    "parity only) and its own judgements")
    args = ap.parse_args(argv)
    run(args.parts, args.split or list(_SPLITS),
        {"db": args.db, "show_unjudged": args.show_unjudged, "sample": args.sample, "fresh": args.fresh})


if __name__ == "__main__":
    main()
