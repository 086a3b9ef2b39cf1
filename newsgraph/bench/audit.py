"""Hand audit of cross-document event joins: does one event really hold one occurrence?

A *join* is two event mentions in two different documents that resolution put in one
event: the knowledge base then tells the analyst that both articles report it. The
audit ingests a seeded subset of Reuters-21578 (wire updates of the same events) and
BBC News through the whole pipeline into a fresh store, lists every join (one per event
and document pair, the mention pair picked by a seeded hash; pairs the story stage links
as duplicate/copy/spin/translation are left out — a copy trivially repeats its original),
samples ``--sample`` of them and looks each up in the committed judgements
(``data/event_joins_audit.jsonl``, judged by hand with ``data/event_joins_rubric.md``).
It prints the precision over judged joins, how many were judged at which commit, and
the joins still unjudged with both evidence sentences.

The sample is a *stable* hash sample: each join is ranked by a hash of the seed and its
key (both documents' content ids and trigger offsets), the lowest ranks are taken. A join
that survives a code change keeps its rank and its judgement, so after a change only the
joins the change created need judging:

    newsgraph bench audit                          # ingest, sample, print precision + unjudged
    newsgraph bench audit --db /tmp/x/audit.db     # reuse a store built by an earlier run
    newsgraph bench audit --pending /tmp/todo.jsonl  # unjudged joins with their sentences, to judge
    newsgraph bench audit --record /tmp/todo.jsonl   # add judged lines (text dropped, commit kept)
    newsgraph bench audit --replay [--set NAME=VALUE]  # the stored event mentions resolved again by
                                                     # the current code: a resolver change in seconds

The judgements file holds ids, offsets, types, the judgement, a short reason and the
commit the store was built at — never article text (the corpora stay in ``../shared``).
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import math
import os
import random
import re
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsgraph.bench import shared_dir
from newsgraph.bench.replay import overrides
from newsgraph.store import bench_queries as bq

__all__ = ["JUDGEMENTS", "RUBRIC", "Join", "audit", "join_key", "list_joins", "main", "sample"]

DATA = Path(__file__).resolve().parent / "data"
JUDGEMENTS = DATA / "event_joins_audit.jsonl"
RUBRIC = DATA / "event_joins_rubric.md"
REPO = Path(__file__).resolve().parents[2]
VERDICTS = ("same", "different", "unclear")
#: Link kinds that make one document a repeat of another (signals.republication).
_REPEATS = ("duplicate", "copy", "spin", "translation")
_MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]


@dataclass(frozen=True, slots=True)
class Corpus:
    """Which documents the audit ingests: seeded windows of consecutive Reuters stories
    (consecutive stories are hours apart: updates of one event sit together) and a
    seeded sample of BBC News files."""

    seed: int = 13
    reuters_windows: int = 2
    window: int = 300
    bbc: int = 300
    min_words: int = 60

    def spec(self) -> dict[str, int]:
        return {"seed": self.seed, "reuters_windows": self.reuters_windows, "window": self.window,
                "bbc": self.bbc, "min_words": self.min_words}


@dataclass(slots=True)
class Side:
    doc: str
    start: int
    end: int
    type: str
    title: str | None = None
    sentence: str = ""
    trigger: str = ""

    def key(self) -> str:
        return f"{self.doc}:{self.start}-{self.end}"


@dataclass(slots=True)
class Join:
    event: str
    type: str
    a: Side
    b: Side
    key: str = field(init=False)

    def __post_init__(self) -> None:
        if self.b.key() < self.a.key():
            self.a, self.b = self.b, self.a
        self.key = join_key(self.a.key(), self.b.key())


def join_key(a: str, b: str) -> str:
    """Order-free key of a join from its sides' ``doc:start-end``."""
    return "|".join(sorted((a, b)))


def _rank(seed: int, key: str) -> str:
    return hashlib.sha256(f"{seed}|{key}".encode()).hexdigest()


# -- the corpus ------------------------------------------------------------------------
def _reuters(min_words: int) -> list[dict[str, str]]:
    root = shared_dir() / "data" / "corpora" / "reuters21578"
    out: list[dict[str, str]] = []
    for sgm in sorted(root.glob("reut2-*.sgm")):
        raw = sgm.read_bytes().decode("latin-1")
        for story in re.findall(r"<REUTERS.*?</REUTERS>", raw, flags=re.S):
            body = re.search(r"<BODY>(.*?)</BODY>", story, flags=re.S)
            if not body:
                continue
            text = re.sub(r"\s*Reuter\s*$", "", html.unescape(body.group(1)).replace("\x03", "").strip())
            if len(text.split()) < min_words:
                continue
            title = re.search(r"<TITLE>(.*?)</TITLE>", story, flags=re.S)
            date = re.search(r"<DATE>\s*(\d+)-([A-Z]+)-(\d{4})", story)
            iso = (f"{date.group(3)}-{_MONTHS.index(date.group(2)[:3]) + 1:02d}-{int(date.group(1)):02d}"
                   if date and date.group(2)[:3] in _MONTHS else "")
            newid = re.search(r'NEWID="(\d+)"', story)
            out.append({"title": html.unescape(title.group(1)).strip() if title else "", "text": text,
                        "date": iso, "publisher": "Reuters",
                        "id": f"reuters-{newid.group(1) if newid else ''}"})
    return out


def _bbc() -> list[dict[str, str]]:
    root = shared_dir() / "data" / "corpora" / "bbc-news"
    out = []
    for path in sorted(root.glob("*/*.txt")):
        title, _, body = path.read_bytes().decode("latin-1").strip().partition("\n")
        out.append({"title": title.strip(), "text": body.strip(), "publisher": "BBC News",
                    "id": f"bbc-{path.parent.name}/{path.name}"})
    return out


def write_corpus(corpus: Corpus, folder: Path) -> list[Path]:
    """The seeded subset as two JSON Lines files (title, text, date, publisher), in
    chronological order for Reuters (as a wire service would deliver it)."""
    rng = random.Random(corpus.seed)
    stories = _reuters(corpus.min_words)
    starts: list[int] = []
    for _ in range(corpus.reuters_windows):
        for _attempt in range(100):
            s = rng.randrange(0, max(1, len(stories) - corpus.window))
            if all(abs(s - t) >= corpus.window for t in starts):
                starts.append(s)
                break
    chosen = [stories[i] for s in sorted(starts) for i in range(s, min(len(stories), s + corpus.window))]
    bbc = _bbc()
    picked = sorted(rng.sample(range(len(bbc)), min(corpus.bbc, len(bbc))))
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, records in (("reuters.jsonl", chosen), ("bbc.jsonl", [bbc[i] for i in picked])):
        path = folder / name
        with path.open("w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps({k: v for k, v in rec.items() if k != "id" and v}) + "\n")
        paths.append(path)
    return paths


def _commit() -> str:
    """The checked-out commit (``+dirty`` when tracked code under newsgraph/ differs from it)."""
    try:
        head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short=12", "HEAD"],
                              capture_output=True, text=True, timeout=20, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no",
                                "--", "newsgraph"], capture_output=True, text=True, timeout=20).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return head + ("+dirty" if dirty else "")


def _commit_subject(commit: str) -> str:
    try:
        out = subprocess.run(["git", "-C", str(REPO), "log", "-1", "--format=%ad %s", "--date=short",
                              commit.split("+")[0]], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return ""
    return out.stdout.strip()


def build_store(db: Path, corpus: Corpus) -> dict[str, Any]:
    """Ingest the subset into a fresh store at ``db``; the manifest beside it records the
    corpus and the commit the joins come from."""
    from newsgraph.pipeline import ingest
    from newsgraph.store import Store

    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    paths = write_corpus(corpus, db.parent / "audit-corpus")
    with Store(db) as store:
        report = ingest([str(p) for p in paths], store)
    manifest = {"corpus": corpus.spec(), "commit": _commit(),
                "built": datetime.now(UTC).isoformat(timespec="seconds"),
                "ingested": len(report.ingested), "present": len(report.present),
                "failed": len(report.failed)}
    _manifest_path(db).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return manifest


def _manifest_path(db: Path) -> Path:
    return db.with_name(db.name + ".manifest.json")


# -- joins -------------------------------------------------------------------------------
def list_joins(store: Any, seed: int = 13) -> tuple[list[Join], int]:
    """Every join of the store (one per event and document pair) and how many document
    pairs were left out as copies of each other."""
    return _joins(bq.event_join_rows(store), _repeats(store), seed)


def replayed_joins(db: Path, options: dict[str, Any], seed: int = 13) -> tuple[list[Join], int, int]:
    """``list_joins`` of the store's event mentions resolved again by the current code with
    ``ResolverOptions`` overrides (``bench/replay``: no new ingest), and the number of
    related links (pairs of events) the replay made."""
    from newsgraph.bench.replay import replay
    from newsgraph.store import Store

    resolver, mentions = replay(db, options)
    events = resolver.events
    rows = [(ev.id, ev.type, mentions[x].doc, mentions[x].trigger.start, mentions[x].trigger.end,
             mentions[x].type) for ev in events for x in ev.mentions]
    related = sum(len(ev.related) for ev in events) // 2
    with Store(db) as store:
        joins, skipped = _joins(rows, _repeats(store), seed)
    return joins, skipped, related


def _repeats(store: Any) -> set[frozenset[str]]:
    return bq.linked_pairs(store, _REPEATS)


def related_links(store: Any) -> int:
    """Pairs of events the store links as ``related`` (kept apart, shown side by side)."""
    n = 0
    for ev in bq.event_records(store):
        n += len(ev.get("related") or [])
    return n // 2


def _joins(rows: Any, repeats: set[frozenset[str]], seed: int) -> tuple[list[Join], int]:
    by_event: dict[str, dict[str, list[tuple[int, int, str]]]] = defaultdict(lambda: defaultdict(list))
    types: dict[str, str] = {}
    for event, etype, doc, start, end, mtype in rows:
        by_event[event][doc].append((start, end, mtype))
        types[event] = etype
    joins: list[Join] = []
    skipped: set[frozenset[str]] = set()
    for event, docs in by_event.items():
        ids = sorted(docs)
        for i, da in enumerate(ids):
            for db_ in ids[i + 1:]:
                if frozenset((da, db_)) in repeats:
                    skipped.add(frozenset((da, db_)))
                    continue
                pairs = [Join(event, types[event], Side(da, sa, ea, ta), Side(db_, sb, eb, tb))
                         for sa, ea, ta in docs[da] for sb, eb, tb in docs[db_]]
                joins.append(min(pairs, key=lambda j: _rank(seed, j.key)))
    return joins, len(skipped)


def sample(joins: list[Join], n: int, seed: int) -> list[Join]:
    """The ``n`` joins of lowest seeded hash rank (stable across code changes)."""
    return sorted(joins, key=lambda j: _rank(seed, j.key))[:n]


def _fill_text(store: Any, joins: list[Join]) -> None:
    """Evidence sentences and titles, for printing and judging (never written to the repo)."""
    cache: dict[str, tuple[str, str | None]] = {}
    for j in joins:
        for side in (j.a, j.b):
            if side.doc not in cache:
                cache[side.doc] = bq.text_and_title(store, side.doc) or ("", None)
            text, side.title = cache[side.doc]
            s, e = bq.mention_sentence(store, side.doc, side.start, side.end) or (side.start, side.end)
            side.trigger = text[side.start:side.end]
            marked = text[s:side.start] + "[[" + side.trigger + "]]" + text[side.end:e]
            side.sentence = " ".join(marked.split())


def load_judgements(path: Path = JUDGEMENTS) -> dict[str, dict[str, Any]]:
    """Judgements by join key (the last line for a key wins: a corrected judgement)."""
    out: dict[str, dict[str, Any]] = {}
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            out[join_key(f"{rec['a']['doc']}:{rec['a']['start']}-{rec['a']['end']}",
                         f"{rec['b']['doc']}:{rec['b']['start']}-{rec['b']['end']}")] = rec
    return out


def _wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    if n == 0:
        return 0.0, 0.0
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def audit(store: Any, n: int = 200, seed: int = 13, judgements: Path = JUDGEMENTS,
          joins: tuple[list[Join], int, int] | None = None) -> dict[str, Any]:
    """Sample joins of ``store`` (or ``joins``: joins, copies left out, related links, from
    ``replayed_joins``) and score them against the judgements."""
    if joins is None:
        found, skipped = list_joins(store, seed)
        related = related_links(store)
    else:
        found, skipped, related = joins
    picked = sample(found, n, seed)
    judged = load_judgements(judgements)
    verdicts: Counter[str] = Counter()
    by_commit: Counter[str] = Counter()
    by_type: dict[str, Counter[str]] = defaultdict(Counter)
    by_event: dict[str, Counter[str]] = defaultdict(Counter)
    wrong: list[tuple[Join, dict[str, Any]]] = []
    unjudged: list[Join] = []
    for j in picked:
        rec = judged.get(j.key)
        if rec is None:
            unjudged.append(j)
            continue
        verdicts[rec["judgement"]] += 1
        by_commit[rec.get("commit", "unknown")] += 1
        by_type[j.type][rec["judgement"]] += 1
        by_event[j.event][rec["judgement"]] += 1
        if rec["judgement"] != "same":
            wrong.append((j, rec))
    decided = verdicts["same"] + verdicts["different"]
    # Per event, so one large wrongly merged event does not weigh as all its pairs.
    per_event = [c["same"] / (c["same"] + c["different"]) for c in by_event.values()
                 if c["same"] + c["different"]]
    _fill_text(store, unjudged + [j for j, _ in wrong])
    return {
        "joins": len(found), "events": len({j.event for j in found}), "skipped_copies": skipped,
        "related": related,
        "sampled": len(picked), "judged": sum(verdicts.values()), "verdicts": dict(verdicts),
        "precision": verdicts["same"] / decided if decided else None,
        "precision_ci": _wilson(verdicts["same"], decided),
        "precision_unclear_wrong": verdicts["same"] / sum(verdicts.values()) if verdicts else None,
        "events_sampled": len({j.event for j in picked}),
        "precision_per_event": sum(per_event) / len(per_event) if per_event else None,
        "by_commit": dict(by_commit), "by_type": {t: dict(c) for t, c in sorted(by_type.items())},
        "wrong": wrong, "unjudged": unjudged,
    }


def write_pending(joins: list[Join], path: Path, commit: str) -> None:
    """Unjudged joins as JSON Lines for a judge: ids, offsets, types, both sentences (the
    trigger in [[ ]]) and empty ``judgement``/``reason`` to fill in. Kept outside the repo."""
    with path.open("w", encoding="utf-8") as fh:
        for j in joins:
            fh.write(json.dumps({
                "event": j.event, "type": j.type, "commit": commit,
                "a": {"doc": j.a.doc, "start": j.a.start, "end": j.a.end, "type": j.a.type,
                      "title": j.a.title, "sentence": j.a.sentence},
                "b": {"doc": j.b.doc, "start": j.b.start, "end": j.b.end, "type": j.b.type,
                      "title": j.b.title, "sentence": j.b.sentence},
                "judgement": None, "reason": ""}, ensure_ascii=False) + "\n")


def record(pending: Path, judgements: Path = JUDGEMENTS) -> tuple[int, int]:
    """Append the judged lines of a pending file to the judgements, text dropped.
    Returns (added, left unjudged)."""
    added, left = [], 0
    for line in pending.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        if rec.get("judgement") not in VERDICTS:
            left += 1
            continue
        added.append({
            "a": {k: rec["a"][k] for k in ("doc", "start", "end", "type")},
            "b": {k: rec["b"][k] for k in ("doc", "start", "end", "type")},
            "event_type": rec["type"], "judgement": rec["judgement"],
            "reason": " ".join(str(rec.get("reason") or "").split())[:200],
            "commit": rec.get("commit") or "unknown",
            "judged": rec.get("judged") or datetime.now(UTC).date().isoformat(),
        })
    with judgements.open("a", encoding="utf-8") as fh:
        for rec in added:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return len(added), left


def _print(res: dict[str, Any], manifest: dict[str, Any], show: int) -> None:
    print(f"store: {manifest.get('ingested', '?')} documents ingested from {manifest.get('corpus')}, "
          f"built at commit {manifest.get('commit')}")
    print(f"joins: {res['joins']} (one per event and document pair) in {res['events']} events; "
          f"{res['skipped_copies']} document pairs left out as copies of each other; "
          f"{res['related']} pairs of events linked as related")
    print(f"sample: {res['sampled']} joins; judged {res['judged']}, unjudged {len(res['unjudged'])}")
    v = res["verdicts"]
    if res["precision"] is not None:
        lo, hi = res["precision_ci"]
        print(f"precision (same / same+different): {res['precision']:.3f} "
              f"(95% CI {lo:.3f}–{hi:.3f}; same {v.get('same', 0)}, different {v.get('different', 0)}, "
              f"unclear {v.get('unclear', 0)}); unclear counted wrong: {res['precision_unclear_wrong']:.3f}")
    if res["precision_per_event"] is not None:
        print(f"  per event (mean over the {res['events_sampled']} sampled events of their share of same "
              f"joins): {res['precision_per_event']:.3f}")
    for commit, k in sorted(res["by_commit"].items()):
        print(f"  judged at {commit}: {k}  {_commit_subject(commit)}")
    for t, c in res["by_type"].items():
        dec = c.get("same", 0) + c.get("different", 0)
        print(f"  {t:10s} same {c.get('same', 0):3d} different {c.get('different', 0):3d} "
              f"unclear {c.get('unclear', 0):3d}"
              + (f"  precision {c.get('same', 0) / dec:.2f}" if dec else ""))
    if res["wrong"]:
        print(f"\njoins judged different or unclear ({len(res['wrong'])}):")
        for j, rec in res["wrong"][:show]:
            print(f"- {rec['judgement']}: {rec.get('reason', '')}  [{j.type} {j.event}]")
            print(f"    A «{j.a.title}»: {j.a.sentence[:300]}")
            print(f"    B «{j.b.title}»: {j.b.sentence[:300]}")
    if res["unjudged"]:
        print(f"\nunjudged joins ({len(res['unjudged'])}; "
              "judge them with --pending FILE, then --record FILE):")
        for j in res["unjudged"][:show]:
            print(f"- {j.type} {j.event}  {j.key}")
            print(f"    A «{j.a.title}»: {j.a.sentence[:300]}")
            print(f"    B «{j.b.title}»: {j.b.sentence[:300]}")


def main(argv: list[str] | None = None) -> int:
    default = Corpus()
    ap = argparse.ArgumentParser(prog="newsgraph bench audit", description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=Path("/tmp/newsgraph-audit/audit.db"),
                    help="the audit store (built when absent or with --rebuild)")
    ap.add_argument("--rebuild", action="store_true", help="ingest the corpus again into a fresh store")
    ap.add_argument("--sample", type=int, default=200)
    ap.add_argument("--seed", type=int, default=13, help="seed of the corpus subset and of the sample")
    ap.add_argument("--windows", type=int, default=default.reuters_windows, help="Reuters windows")
    ap.add_argument("--window", type=int, default=default.window, help="Reuters stories per window")
    ap.add_argument("--bbc", type=int, default=default.bbc, help="BBC News files sampled")
    ap.add_argument("--judgements", type=Path, default=JUDGEMENTS)
    ap.add_argument("--pending", type=Path, help="write unjudged sampled joins here, with sentences")
    ap.add_argument("--record", type=Path, help="append the judged lines of this pending file")
    ap.add_argument("--show", type=int, default=20, help="joins printed per list")
    ap.add_argument("--replay", action="store_true",
                    help="resolve the store's event mentions again with the current code (no new ingest)")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                    help="a ResolverOptions override for --replay (repeatable)")
    args = ap.parse_args(argv)
    try:
        options = overrides(args.set) if args.replay or args.set else None
    except ValueError as exc:
        ap.error(str(exc))
    if args.record:
        added, left = record(args.record, args.judgements)
        print(f"recorded {added} judgements in {args.judgements} ({left} lines still unjudged)")
        return 0
    root = shared_dir() / "data" / "corpora"
    if not (root / "reuters21578").is_dir() or not (root / "bbc-news").is_dir():
        print(f"skipped: Reuters-21578 or BBC News not found under {root}")
        return 0
    if os.nice(0) < 5:
        os.nice(5 - os.nice(0))  # a shared machine: the ingest yields to interactive work
    corpus = Corpus(seed=args.seed, reuters_windows=args.windows, window=args.window, bbc=args.bbc)
    args.db.parent.mkdir(parents=True, exist_ok=True)
    manifest_path = _manifest_path(args.db)
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else None
    if args.rebuild or manifest is None or not args.db.exists() or manifest.get("corpus") != corpus.spec():
        print(f"ingesting the audit corpus into {args.db} …", flush=True)
        manifest = build_store(args.db, corpus)
    elif options is None and manifest.get("commit") != _commit():
        print(f"note: the store was built at {manifest.get('commit')}, the code is now at {_commit()}; "
              "--rebuild to audit the current code")
    from newsgraph.store import Store

    joins = None
    commit = manifest.get("commit", "unknown")
    if options is not None:
        joins = replayed_joins(args.db, options, args.seed)
        commit = _commit()
        manifest = {**manifest, "commit": f"{manifest.get('commit')}, events resolved again at {commit}"
                    + (f" with {options}" if options else "")}
    with Store(args.db) as store:
        res = audit(store, args.sample, args.seed, args.judgements, joins)
        if args.pending:
            write_pending(res["unjudged"], args.pending, commit)
            print(f"wrote {len(res['unjudged'])} unjudged joins to {args.pending}")
    _print(res, manifest, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
