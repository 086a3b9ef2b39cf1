"""Read queries over the stories stage: stories, links between documents, signals, publishers.

Every function takes an open ``Store`` and only reads (all SQL parameterised). Links and
signals come back as their stored JSON (``newsgraph.model.stories.Link`` / ``Signal``) plus
the titles, publishers and dates of the documents involved; evidence offsets point into
each document's clean text, so a page can show both passages side by side.

A story's events are read from ``event_sources`` (every resolved event one of the story's
documents reports) rather than from the ``Story`` record, so they follow event resolution.
A publisher is ``documents.publisher``, or ``"unknown"`` when the cleaner found none. A
document counts as an original unless it is the later side (``b``) of a duplicate, copy,
spin or translation link — then it counts under that kind — or credits another outlet.
Publisher profiles are aggregated in SQL rather than by ``signals.publisher_profiles``,
which needs every document's text in memory, and read from tallies kept at write time
(``store/publisher_tally.py``).
"""

from __future__ import annotations

import calendar
import json
import math
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any

from newsgraph.model.stories import LINK_RANK as _RANK
from newsgraph.model.stories import REPEAT_KINDS as REPUBLISHING_KINDS
from newsgraph.model.stories import Link
from newsgraph.store.publisher_tally import UNKNOWN_PUBLISHER
from newsgraph.store.publisher_tally import publishers as publishers
from newsgraph.store.sqlite import Store

__all__ = [
    "UNKNOWN_PUBLISHER", "LinkFilter", "StoryFilter", "document_links", "document_signals",
    "document_story", "iter_links", "iter_stories", "link", "link_counts", "links", "publishers",
    "publishers_scan", "put_link", "signals_dict", "stories", "story", "story_document_ids",
]

#: The publisher name of documents whose publisher the cleaner could not find.

_PUBLISHER_SQL = f"coalesce(nullif(trim(d.publisher), ''), '{UNKNOWN_PUBLISHER}')"


def _doc_meta(store: Store, ids: list[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        for r in store.conn.execute(
                f"""SELECT id, title, publisher, published, path, attributed_to, rowid, language
                    FROM documents WHERE id IN ({','.join('?' * len(chunk))})""", chunk):
            out[r["id"]] = {"id": r["id"], "title": r["title"], "publisher": r["publisher"],
                            "published": r["published"], "path": r["path"],
                            "attributed_to": json.loads(r["attributed_to"] or "[]"), "order": r["rowid"],
                            "language": r["language"]}
    return out


# -- stories ----------------------------------------------------------------------------------

@dataclass(slots=True)
class StoryFilter:
    """What the story list is narrowed to. ``since``/``until``: ISO dates; a story is kept when
    its span overlaps them (undated stories are dropped by a date filter)."""

    min_size: int = 0
    since: str | None = None
    until: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        conds, args = ["1"], []
        if self.min_size:
            conds.append("s.size >= ?")
            args.append(self.min_size)
        if self.since:
            conds.append('coalesce(s."end", s.start) >= ?')
            args.append(self.since)
        if self.until:
            conds.append("s.start <= ?")
            args.append(self.until + "\uffff")  # "2025-06" keeps every day of June
        return " AND ".join(conds), args


def _story_row(r: Any) -> dict[str, Any]:
    data = json.loads(r["data"])
    return {"id": r["id"], "label": r["label"], "start": r["start"], "end": r["end"], "size": r["size"],
            "publishers": data.get("publishers", [])}


def stories(store: Store, filt: StoryFilter, *, limit: int | None = 50,
            offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """(total, one page of stories) largest first, then latest: ``{id, label, start, end, size,
    publishers}``."""
    where, args = filt.where()
    total = store.conn.execute(f"SELECT count(*) FROM stories s WHERE {where}", args).fetchone()[0]
    rows = store.conn.execute(
        f"""SELECT s.* FROM stories s WHERE {where}
            ORDER BY s.size DESC, coalesce(s."end", s.start) DESC, s.id LIMIT ? OFFSET ?""",
        [*args, -1 if limit is None else limit, offset]).fetchall()
    return total, [_story_row(r) for r in rows]


def _pair_links(store: Store, ids: list[str]) -> dict[frozenset[str], dict[str, Any]]:
    """Links among the given documents (the strongest per pair), keyed by their pair."""
    members = set(ids)
    out: dict[frozenset[str], dict[str, Any]] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        for r in store.conn.execute(
                f"SELECT a, b, kind, score FROM links WHERE a IN ({','.join('?' * len(chunk))})", chunk):
            if r[1] not in members:
                continue
            key = frozenset((r[0], r[1]))
            if key not in out or _RANK.get(r[2], 9) < _RANK.get(out[key]["kind"], 9):
                out[key] = {"a": r[0], "b": r[1], "kind": r[2], "score": r[3]}
    return out


def story_events(store: Store, doc_ids: list[str]) -> list[dict[str, Any]]:
    """Resolved events reported by any of ``doc_ids``: ``{id, type, mode, date, place,
    source_count, publisher_count, in_story, trigger, sentence, doc}``, most reports first."""
    found: dict[str, dict[str, Any]] = {}
    for i in range(0, len(doc_ids), 500):
        chunk = doc_ids[i:i + 500]
        for r in store.conn.execute(
                f"""SELECT es.event_id, es.doc_id, x.data, v.type, v.mode, v.date_start, v.place,
                           v.source_count, v.publisher_count
                    FROM event_sources es JOIN events v ON v.id = es.event_id
                    JOIN event_mentions x ON x.id = es.mention_id
                    WHERE es.doc_id IN ({','.join('?' * len(chunk))}) ORDER BY x.start""", chunk):
            rec = found.get(r["event_id"])
            if rec is None:
                m = json.loads(r["data"])
                rec = found[r["event_id"]] = {
                    "id": r["event_id"], "type": r["type"], "mode": r["mode"], "date": r["date_start"],
                    "place": r["place"], "source_count": r["source_count"],
                    "publisher_count": r["publisher_count"], "docs": set(),
                    "trigger": m["trigger"]["text"], "sentence": m["sentence"]["text"].strip(),
                    "doc": r["doc_id"]}
            rec["docs"].add(r["doc_id"])
    out = []
    for rec in found.values():
        rec["in_story"] = len(rec.pop("docs"))
        out.append(rec)
    return sorted(out, key=lambda e: (-e["in_story"], -e["source_count"], e["date"] or "", e["id"]))


def _latest_day(published: str) -> str:
    """The last day a date, possibly partial, can stand for ("2025-08" → "2025-08-31")."""
    head = published[:10]
    if len(head) == 4 and head.isdigit():
        return f"{head}-12-31"
    if len(head) == 7 and head[:4].isdigit() and head[5:].isdigit():
        last = calendar.monthrange(int(head[:4]), int(head[5:]))[1]
        return f"{head}-{last:02d}"
    return head


def _date_key(meta: dict[str, Any]) -> tuple[int, str, int]:
    # Dated documents first in date order, then undated ones in ingest order. A partial
    # date ("2025-08", often inferred) sorts by the last day it can mean: it is never put
    # before a document known to be earlier within its month or year.
    published = meta["published"]
    return (published is None, _latest_day(published) if published else "", meta["order"])


def story(store: Store, story_id: str) -> dict[str, Any] | None:
    """One story: ``{id, label, start, end, size, publishers, documents, events}``.

    ``documents`` is the timeline, earliest first: ``{id, title, publisher, published, path,
    attributed_to, first, link}`` where ``link`` is the link (``{a, b, kind, score}``) of the
    document to the story's earliest document, or failing that its strongest link to an
    earlier one (None for the earliest and for independent reports with no link).
    """
    row = store.conn.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
    if row is None:
        return None
    out = _story_row(row)
    ids = [r[0] for r in store.conn.execute(
        "SELECT doc_id FROM story_documents WHERE story_id = ?", (story_id,))]
    meta = _doc_meta(store, ids)
    timeline = sorted(meta.values(), key=_date_key)
    pairs = _pair_links(store, ids) if ids else {}
    first = timeline[0]["id"] if timeline else None
    for n, d in enumerate(timeline):
        d.pop("order")
        d["first"] = d["id"] == first
        lk = pairs.get(frozenset((d["id"], first))) if not d["first"] else None
        if lk is None and n:
            earlier = [pairs[k] for e in timeline[:n] if (k := frozenset((d["id"], e["id"]))) in pairs]
            lk = min(earlier, key=lambda x: (_RANK.get(x["kind"], 9), -x["score"])) if earlier else None
        d["link"] = lk
    out["documents"] = timeline
    out["publishers"] = sorted({d["publisher"] or UNKNOWN_PUBLISHER for d in timeline})
    out["events"] = story_events(store, ids)
    return out


def story_document_ids(store: Store, story_id: str) -> list[str]:
    """The ids of a story's documents ([] for no such story)."""
    return [r[0] for r in store.conn.execute("SELECT doc_id FROM story_documents WHERE story_id = ?",
                                             (story_id,))]


def document_story(store: Store, doc_id: str) -> dict[str, Any] | None:
    """The story of a document: ``{id, label, start, end, size, publishers}`` or None."""
    row = store.conn.execute(
        "SELECT s.* FROM story_documents sd JOIN stories s ON s.id = sd.story_id WHERE sd.doc_id = ?",
        (doc_id,)).fetchone()
    return _story_row(row) if row else None


def iter_stories(store: Store) -> Iterator[dict[str, Any]]:
    """Every story as ``story`` returns it, largest first (for export)."""
    ids = [r[0] for r in store.conn.execute(
        'SELECT id FROM stories ORDER BY size DESC, coalesce("end", start) DESC, id')]
    for sid in ids:
        st = story(store, sid)
        if st is not None:
            yield st


# -- links ------------------------------------------------------------------------------------

@dataclass(slots=True)
class LinkFilter:
    """``kind``: one of ``LINK_KINDS``; ``doc``: links touching this document."""

    kind: str | None = None
    doc: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        conds, args = ["1"], []
        if self.kind:
            conds.append("l.kind = ?")
            args.append(self.kind)
        if self.doc:
            conds.append("(l.a = ? OR l.b = ?)")
            args += [self.doc, self.doc]
        return " AND ".join(conds), args


def _with_docs(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    meta = _doc_meta(store, sorted({x for r in rows for x in (r["a"], r["b"])}))
    for r in rows:
        for side in ("a", "b"):
            m = dict(meta.get(r[side]) or {"id": r[side], "title": None, "publisher": None,
                                           "published": None, "path": None, "attributed_to": [],
                                           "language": None})
            m.pop("order", None)
            r[f"{side}_doc"] = m
    return rows


def links(store: Store, filt: LinkFilter, *, limit: int | None = 50,
          offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """(total, one page of links), strongest kind first then highest score: ``{a, b, kind, score,
    features, evidence_count, a_doc, b_doc}`` (``*_doc``: title, publisher, published, path)."""
    where, args = filt.where()
    total = store.conn.execute(f"SELECT count(*) FROM links l WHERE {where}", args).fetchone()[0]
    order = " ".join(f"WHEN '{k}' THEN {i}" for k, i in _RANK.items())
    rows = store.conn.execute(
        f"""SELECT l.a, l.b, l.kind, l.score, json_extract(l.data, '$.features') AS features,
                   json_array_length(l.data, '$.evidence') AS n,
                   json_extract(l.data, '$.original') AS original,
                   json_extract(l.data, '$.original_reason') AS original_reason
            FROM links l WHERE {where}
            ORDER BY CASE l.kind {order} ELSE 9 END, l.score DESC, l.a, l.b LIMIT ? OFFSET ?""",
        [*args, -1 if limit is None else limit, offset]).fetchall()
    out = [{"a": r["a"], "b": r["b"], "kind": r["kind"], "score": r["score"],
            "features": json.loads(r["features"] or "{}"), "evidence_count": r["n"] or 0,
            # a translation's original side (None: unknown, or a link of another kind)
            "original": r["original"], "original_reason": r["original_reason"]} for r in rows]
    return total, _with_docs(store, out)


def link_counts(store: Store) -> dict[str, int]:
    """Links per kind, in ``LINK_KINDS`` order."""
    counts = dict(store.conn.execute("SELECT kind, count(*) FROM links GROUP BY kind").fetchall())
    return {k: counts[k] for k in sorted(counts, key=lambda k: _RANK.get(k, 9))}


def link(store: Store, a: str, b: str) -> dict[str, Any] | None:
    """The link between two documents (either order), its evidence, and both texts:
    the stored ``Link`` JSON plus ``a_doc``/``b_doc`` (with ``text``). When the pair was asked
    for as ``(b, a)``, the stored orientation is kept (``a`` is the earlier document). Two
    stored documents with no link give ``kind`` None and no evidence; None when either
    document is missing."""
    if a == b or len(store.existing_ids([a, b])) != 2:
        return None
    rows = store.conn.execute(
        "SELECT data FROM links WHERE (a = ? AND b = ?) OR (a = ? AND b = ?)", (a, b, b, a)).fetchall()
    recs = [json.loads(r[0]) for r in rows]
    rec = min(recs, key=lambda x: _RANK.get(x["kind"], 9)) if recs else {
        "a": a, "b": b, "kind": None, "score": 0.0, "evidence": [], "features": {}}
    _with_docs(store, [rec])
    for side in ("a", "b"):
        row = store.conn.execute("SELECT text FROM documents WHERE id = ?", (rec[side],)).fetchone()
        rec[f"{side}_doc"]["text"] = row[0] if row else ""
    return rec


def put_link(store: Store, link: Link) -> None:
    """Store one link between two documents, replacing any link of that pair (one link per
    pair: the strongest kind, as the stories stage writes them)."""
    store.conn.execute("DELETE FROM links WHERE (a = ? AND b = ?) OR (a = ? AND b = ?)",
                       (link.a, link.b, link.b, link.a))
    store.conn.execute("INSERT INTO links (a, b, kind, score, data) VALUES (?,?,?,?,?)",
                       (link.a, link.b, link.kind, link.score, json.dumps(asdict(link), ensure_ascii=False)))


def document_links(store: Store, doc_id: str) -> list[dict[str, Any]]:
    """Links touching a document, strongest first, each with ``other`` (the other document's id)
    and ``role`` (``earlier``: this document is ``a``; ``later``: it is ``b``)."""
    _, rows = links(store, LinkFilter(doc=doc_id), limit=None)
    for r in rows:
        r["other"] = r["b"] if r["a"] == doc_id else r["a"]
        r["role"] = "earlier" if r["a"] == doc_id else "later"
    return rows


def iter_links(store: Store, *, batch: int = 500) -> Iterator[dict[str, Any]]:
    """Every link as its stored ``Link`` JSON, in a stable order (for export)."""
    cur = store.conn.execute("SELECT data FROM links ORDER BY a, b, kind")
    while rows := cur.fetchmany(batch):
        for (data,) in rows:
            yield json.loads(data)


# -- signals ----------------------------------------------------------------------------------

def document_signals(store: Store, doc_id: str) -> list[dict[str, Any]]:
    """The stored ``Signal`` records of a document, in name order."""
    return [json.loads(r[0]) for r in store.conn.execute(
        "SELECT data FROM signals WHERE subject = ? ORDER BY name", (doc_id,))]


def signals_dict(store: Store, doc_id: str) -> dict[str, Any]:
    """The ``signals`` object of the JSONL document record: name → ``{value, flagged,
    explanation}`` (the shape of ``newsgraph.signals.signals_dict``)."""
    return {s["name"]: {"value": s.get("value"), "flagged": bool(s.get("flagged")),
                        "explanation": s.get("explanation", "")} for s in document_signals(store, doc_id)}


# -- publishers -------------------------------------------------------------------------------

def _doc_origin(store: Store) -> dict[str, str]:
    """Each document that is not an original → ``credited`` or the kind of its strongest link
    in which it is the later document."""
    kinds = ",".join("?" * len(REPUBLISHING_KINDS))
    out: dict[str, str] = {}
    for doc, kind in store.conn.execute(
            f"SELECT b, kind FROM links WHERE kind IN ({kinds})", REPUBLISHING_KINDS):
        if doc not in out or _RANK[kind] < _RANK[out[doc]]:
            out[doc] = kind
    for (doc,) in store.conn.execute("SELECT id FROM documents WHERE attributed_to NOT IN ('[]', '')"):
        out.setdefault(doc, "credited")
    return out


def publishers_scan(store: Store) -> list[dict[str, Any]]:
    """One profile per publisher, most articles first: ``{publisher, articles, originals,
    republished: {kind: n}, original_share, signals: {name: {mean, flagged, measured}},
    claims, named_share, anonymous_share, hedged_share, credited: {outlet: n}}``.

    The definition, computed from every document, link, claim and signal (seconds at
    100k articles); the pages read ``publishers`` instead."""
    pubs: dict[str, dict[str, Any]] = {}
    doc_pub: dict[str, str] = {}
    for doc_id, pub, credited in store.conn.execute(
            f"SELECT d.id, {_PUBLISHER_SQL}, d.attributed_to FROM documents d"):
        doc_pub[doc_id] = pub
        p = pubs.setdefault(pub, {"publisher": pub, "articles": 0, "originals": 0, "republished": {},
                                  "credited": {}, "signals": {}, "claims": 0})
        p["articles"] += 1
        for outlet in json.loads(credited or "[]"):
            p["credited"][outlet] = p["credited"].get(outlet, 0) + 1
    origin = _doc_origin(store)
    for doc_id, pub in doc_pub.items():
        p = pubs[pub]
        kind = origin.get(doc_id)
        if kind is None:
            p["originals"] += 1
        else:
            p["republished"][kind] = p["republished"].get(kind, 0) + 1
    # Signals and claims are read per document and folded by publisher here: joining each
    # of their rows to its document in SQL reads the documents' large rows again and
    # again (4.5 s each on 100k articles, against ~2 s for the scan alone).
    values: dict[tuple[str, str], list[float]] = {}  # (publisher, name) → measured values
    flags: Counter[tuple[str, str]] = Counter()
    for subject, name, value, flagged in store.conn.execute(
            "SELECT subject, name, value, coalesce(json_extract(data, '$.flagged'), 0) FROM signals"):
        pub = doc_pub.get(subject)
        if pub is None:
            continue
        vals = values.setdefault((pub, name), [])
        if value is not None:
            vals.append(value)
        flags[(pub, name)] += int(flagged or 0)
    for (pub, name), vals in sorted(values.items()):
        # fsum: the exactly rounded sum, as SQLite's avg() gives it.
        pubs[pub]["signals"][name] = {"mean": round(math.fsum(vals) / len(vals), 3) if vals else None,
                                      "flagged": flags[(pub, name)], "measured": len(vals)}
    claim_counts: dict[str, dict[str, int]] = {}
    for doc_id, kind, certainty, n in store.conn.execute(
            """SELECT doc_id, coalesce(speaker_kind, 'unknown'), certainty, count(*)
               FROM claims GROUP BY 1, 2, 3"""):
        pub = doc_pub.get(doc_id)
        if pub is None:
            continue
        cc = claim_counts.setdefault(pub, {})
        cc["total"] = cc.get("total", 0) + n
        cc[f"kind:{kind}"] = cc.get(f"kind:{kind}", 0) + n
        cc[f"certainty:{certainty}"] = cc.get(f"certainty:{certainty}", 0) + n
    for pub, p in pubs.items():
        cc = claim_counts.get(pub, {})
        total = cc.get("total", 0)
        p["claims"] = total
        p["named_share"] = round(cc.get("kind:named", 0) / total, 3) if total else None
        p["anonymous_share"] = round(cc.get("kind:anonymous", 0) / total, 3) if total else None
        p["hedged_share"] = round(cc.get("certainty:hedged", 0) / total, 3) if total else None
        p["original_share"] = round(p["originals"] / p["articles"], 3) if p["articles"] else None
        p["republished"] = {k: p["republished"][k] for k in sorted(
            p["republished"], key=lambda k: _RANK.get(k, len(_RANK)))}
    return sorted(pubs.values(), key=lambda p: (-p["articles"], p["publisher"] == UNKNOWN_PUBLISHER,
                                                p["publisher"].lower()))
