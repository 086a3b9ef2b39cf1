"""End-to-end benchmark on ECB+: raw article text through the whole pipeline, the export scored.

``newsgraph bench e2e [--split odd|even|all] [--store DIR] [--fresh] [--sample N] [--dump DIR]``

What a new user would see, with the pipeline's *own* mentions (no gold mention is fed in):

1. **Articles.** Each ECB+ document of topics 1–35 (``../shared/data/ecbplus``) is written
   back as an ordinary plain-text article file: the title line (the ``ecbplus`` documents'
   sentence 1; sentence 0 is the URL the text was found at and is left out; the ``ecb``
   documents have no title in the corpus, so their file starts with the body), then the
   body, one paragraph per sentence, blank lines between.  Tokens are detokenised
   (``detokenize``: no space before punctuation and clitics, quotes attached, split
   hyphens and times joined), and every token's character offsets in the file are kept.
2. **Ingest.** The folder goes through ``newsgraph.ingest`` (read, clean, annotate,
   extract, resolve — the ``newsgraph ingest`` path) into a fresh store, one per split,
   then ``export.jsonl.write_jsonl`` writes the export, which is what is scored.
3. **Alignment.** The cleaner removes lines (title, datelines, chrome) and may alter
   others (encoding repair, whitespace).  Each paragraph of the file is looked up in the
   exported clean ``text`` in order (exact match after whitespace folding, from a
   cursor); a paragraph not found verbatim is aligned by ``difflib`` inside the gap
   between its found neighbours, character by character.  A token maps to the clean
   span of its aligned characters (at least half of them aligned), so an exported span
   covers the gold tokens whose clean spans it overlaps.  Gold mentions whose tokens
   the cleaner removed count as missed (printed apart).
4. **Scores** (validated sentences only, the standard ECB+ evaluation subset: the
   sentences ``docs/ECBplus_coreference_sentences.csv`` lists; exported mentions outside
   them are left out):
   - mention P/R/F1, events (ACTION/NEG_ACTION gold) and entities (HUMAN/NON_HUMAN/LOC
     gold): an exported mention matches a gold mention when its span (the event's
     trigger, the entity mention) covers one of its tokens; one-to-one, most shared
     tokens first;
   - end-to-end cross-document coreference over the whole split (MUC, B³, CEAF-e, CoNLL;
     ``newsgraph.eval.coref_metrics``): the gold clusters against the exported events /
     entities, a matched mention standing for its gold mention, an unmatched one for
     itself; with singletons, and without them on both sides (Cattan et al. 2021,
     "Realistic evaluation principles for cross-document coreference resolution");
   - the same mention and entity scores **with the entities' title mentions** (the
     export's ``title_mentions``, offsets into the document's ``title``): the line the
     cleaner kept as the title — the ``ecbplus`` title line, or an ``ecb`` document's first
     line when the cleaner took it for one (``title_sentence``) — is aligned with the
     exported title as a paragraph is with the text, and a title mention stands for the
     gold tokens of that line it overlaps; also printed apart: title mentions' precision
     and the share of the title line's gold mentions they find;
   - the same with title mentions again, **nested markables unjudged**: ECB+ marks a
     participant's head (its most specific nominal part) and a location's whole phrase,
     and no markable inside a bigger one (guidelines ``docs/NWR-2014-1.pdf`` §2.2.1: "the
     US soldiers", "U.S. Secretary of State John Kerry", "Homer the poet"), so an exported
     mention matching no gold mention and lying wholly inside a gold mention's extent — a
     location's words, a participant's words before its head in a spaCy parse of the
     sentence ("Alaska" of "Alaska Gov. Sarah Palin", "his" of "his brother"), or an
     apposition's other part — is left out of precision (``nested_tokens``); the strict
     line above stays the figure of record;
   - **corroboration precision**: among document pairs the export joins through one event
     (an event with mentions in both), the share that share a gold cross-document event
     (a ``CROSS_DOC_COREF`` instance with action mentions in both documents, any
     sentence).  Also, stricter, per (event, document pair): whether the joined mentions
     themselves match gold mentions of one gold event (pairs with an unmatched side are
     left unjudged).  A sample of wrong joins is printed with both evidence sentences,
     types, dates and flags.

Figures are printed per split (odd / even topics, as the other ECB+ benches); nothing is
tuned here.  ``--dump DIR`` writes each split's entity mentions matching no gold mention
and gold mentions no export matches (JSONL, with their sentences) for sorting errors by
hand — on the development half only.  ``--store DIR`` keeps each split's store and
export in DIR and reuses them on the next run (to iterate on scoring); code changes must
be measured with ``--fresh``.
``--replay`` (with ``--store``) resolves the stored event mentions again with the current
event resolver and ``--set name=value`` overrides of ``ResolverOptions`` (documents in
ingest order, each with its date, publisher, text and places, as the ingest gives them;
dates another report lent a document or mention later are left out), then scores those
events: each check of ``ResolverOptions`` undone alone, without a new ingest.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import shutil
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from newsgraph.eval.coref_metrics import evaluate
from newsgraph.eval.ecbplus import ENTITY_CLASSES, EVENT_CLASSES, EcbDocument, EcbToken, load_ecbplus

__all__ = ["Article", "align", "build_articles", "detokenize", "main", "run", "score_split"]

_SPLITS: dict[str, int | None] = {"odd": 1, "even": 0, "all": None}
#: Per-document time budget of the bench's ingest (``Options.doc_seconds``), seconds.
_DOC_SECONDS = 600.0

_PTB = {"``": '"', "''": '"', "-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]"}
#: Tokens written without a space before them.
_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "...", "'s", "'S", "n't",
                              "'re", "'ll", "'ve", "'d", "'m", "’s", "’re", "’ll", "’ve", "’d", "’m"})
#: Tokens written without a space after them.
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "#", "“", "‘"})
_CLOSING_QUOTES = frozenset({"”", "’"})
_CLITIC_TAILS = frozenset({"s", "t", "re", "ll", "ve", "d", "m"})


def _alnum(t: str) -> bool:
    return bool(t) and t[-1].isalnum() if t else False


def detokenize(tokens: list[EcbToken], split_hyphens: bool = True) -> tuple[str, list[tuple[int, int]]]:
    """One sentence's tokens as text, with each token's (start, end) in it.

    split_hyphens: the tokenizer split hyphenated words ("court - mandated", the
    ``ecbplus`` documents); the ``ecb`` ones kept them whole, so a lone "-" there is a dash."""
    words = [_PTB.get(t.text, t.text) for t in tokens]
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    open_quote = False
    glue_next = False
    for i, w in enumerate(words):
        prev = words[i - 1] if i else ""
        nxt = words[i + 1] if i + 1 < len(words) else ""
        space = bool(out) and not glue_next
        if w in _NO_SPACE_BEFORE or (w in _CLOSING_QUOTES and open_quote):
            space = False
        glue_next = w in _NO_SPACE_AFTER
        if w == '"':
            if open_quote:
                space = False
            else:
                glue_next = True
            open_quote = not open_quote
        elif w in ("“", "‘"):
            open_quote = True
        elif w in _CLOSING_QUOTES:
            open_quote = False
        # Split hyphenated words and times ("court - mandated", "1 : 32") are one word;
        # split clitics ("Lohan ’ s") attach to their word.
        joinable = w in (":", "/") or (w == "-" and split_hyphens)
        if joinable and prev and nxt and prev[-1].isalnum() and nxt[0].isalnum() and (
                w != ":" or (prev[-1].isdigit() and nxt[0].isdigit())):
            space, glue_next = False, True
        if w in ("'", "’") and _alnum(prev) and nxt.lower() in _CLITIC_TAILS:
            space, glue_next = False, True
        if space:
            out.append(" ")
            pos += 1
        spans.append((pos, pos + len(w)))
        out.append(w)
        pos += len(w)
    return "".join(out), spans


@dataclass(slots=True)
class Article:
    """An ECB+ document written as an article file: its text and every token's offsets."""

    doc: EcbDocument
    text: str
    #: Paragraphs of the file as (start, end) and the tokens each holds.
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    #: t_id → (start, end) in ``text``.
    tokens: dict[int, tuple[int, int]] = field(default_factory=dict)
    #: Sentence numbers written (the URL line left out).
    sentences: set[int] = field(default_factory=set)
    #: The sentence written as the title line (``ecbplus`` documents), else None.
    title_sentence: int | None = None

    @property
    def filename(self) -> str:
        return f"{self.doc.topic}/{self.doc.name}.txt"


def _is_url_sentence(tokens: list[EcbToken]) -> bool:
    head = "".join(t.text for t in tokens[:4]).lower()
    return head.startswith(("http", "www"))


def _is_dateline(line: str) -> bool:
    """A line giving the publication time ("May 03, 2013", "Updated Saturday … 8:28 PM")."""
    digits = sum(c.isdigit() for c in line)
    return digits >= 4 and len(line.split()) <= 10


def build_article(doc: EcbDocument) -> Article:
    """The article file of one document (title line, then one paragraph per sentence)."""
    by_sentence: dict[int, list[EcbToken]] = defaultdict(list)
    for tok in doc.tokens:
        by_sentence[tok.sentence].append(tok)
    art = Article(doc, "")
    parts: list[str] = []
    pos = 0
    for n in sorted(by_sentence):
        toks = by_sentence[n]
        if n == 0 and doc.subtopic == "ecbplus" and _is_url_sentence(toks):
            continue  # where the text was found: not part of the article
        line, spans = detokenize(toks, doc.subtopic == "ecbplus")
        if not line.strip():
            continue
        if doc.subtopic == "ecbplus" and art.title_sentence is None and not _is_dateline(line):
            art.title_sentence = n
        if parts:
            parts.append("\n\n")
            pos += 2
        for tok, (s, e) in zip(toks, spans, strict=True):
            art.tokens[tok.t_id] = (pos + s, pos + e)
        art.paragraphs.append((pos, pos + len(line)))
        art.sentences.add(n)
        parts.append(line)
        pos += len(line)
    art.text = "".join(parts) + "\n"
    return art


def build_articles(docs: Iterable[EcbDocument], folder: Path) -> dict[str, Article]:
    """Write every document's article under ``folder/<topic>/``; returns them by file stem."""
    out: dict[str, Article] = {}
    for doc in docs:
        art = build_article(doc)
        path = folder / art.filename
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(art.text, encoding="utf-8")
        out[doc.name] = art
    return out


def align(raw: str, paragraphs: list[tuple[int, int]], clean: str) -> dict[int, int]:
    """Character map raw offset → clean offset, for the characters the clean text kept.

    Paragraph by paragraph: found verbatim (whitespace folded) from a cursor, else aligned
    by ``difflib`` in the clean text between the found neighbours (the cleaner may alter a
    line — encoding repair, a dropped prefix — or drop it whole)."""
    mapping: dict[int, int] = {}
    found: list[tuple[int, int] | None] = []
    cursor = 0
    for s, e in paragraphs:
        para = " ".join(raw[s:e].split())
        at = clean.find(para, cursor) if para else -1
        if at >= 0 and para == raw[s:e]:
            found.append((at, at + len(para)))
            cursor = at + len(para)
        else:
            found.append(None)
    for i, (s, e) in enumerate(paragraphs):
        hit = found[i]
        if hit is not None:
            for k in range(e - s):
                mapping[s + k] = hit[0] + k
            continue
        lo = next((f[1] for f in reversed(found[:i]) if f is not None), 0)
        hi = next((f[0] for f in found[i + 1:] if f is not None), len(clean))
        region = clean[lo:hi]
        if not region.strip():
            continue
        sm = difflib.SequenceMatcher(None, raw[s:e], region, autojunk=False)
        for a, b, size in sm.get_matching_blocks():
            # Short matches are chance ("the", a space): keep runs that carry content.
            if size >= 4 or size == e - s:
                for k in range(size):
                    mapping[s + a + k] = lo + b + k
    return mapping


def token_spans(art: Article, mapping: dict[int, int]) -> dict[int, tuple[int, int]]:
    """t_id → (start, end) in the clean text, for tokens at least half kept."""
    out: dict[int, tuple[int, int]] = {}
    for t_id, (s, e) in art.tokens.items():
        kept = [mapping[k] for k in range(s, e) if k in mapping]
        if kept and 2 * len(kept) >= e - s:
            out[t_id] = (min(kept), max(kept) + 1)
    return out


def title_sentence(art: Article, title: str | None) -> int | None:
    """The sentence written as the line the cleaner kept as the document's title: the
    ``ecbplus`` title line, or — for a document the corpus gives no title — its first line
    when the cleaner took that for the title (whitespace folded); else None."""
    if not title:
        return None
    if art.title_sentence is not None:
        return art.title_sentence
    if not art.paragraphs:
        return None
    s, e = art.paragraphs[0]
    return min(art.sentences) if " ".join(art.text[s:e].split()) == " ".join(title.split()) else None


def title_token_spans(art: Article, title: str, sentence: int) -> dict[int, tuple[int, int]]:
    """t_id → (start, end) in the document's ``title`` for the tokens of the title line
    (``sentence``): the line aligned with the title the cleaner kept (``align``: verbatim,
    else ``difflib``)."""
    toks = {t.t_id for t in art.doc.tokens if t.sentence == sentence}
    spans = [art.tokens[t] for t in toks if t in art.tokens]
    if not spans:
        return {}
    line = (min(s for s, _ in spans), max(e for _, e in spans))
    mapping = align(art.text, [line], title)
    sub = Article(art.doc, art.text, [line], {t: art.tokens[t] for t in toks if t in art.tokens})
    return token_spans(sub, mapping)


# ----------------------------------------------------------------- scoring
@dataclass(slots=True)
class DocGold:
    name: str
    topic: int
    subtopic: str
    validated: set[int]  # sentence numbers
    tok_sentence: dict[int, int]
    clean_tokens: dict[int, tuple[int, int]]  # t_id → clean span
    starts: list[tuple[int, int, int]]  # sorted (start, end, t_id) of clean token spans

    def tokens_in(self, start: int, end: int) -> list[int]:
        return [t for s, e, t in self.starts if s < end and start < e]


def _gold_mentions(doc: EcbDocument, classes: tuple[str, ...], validated_only: bool) -> list[Any]:
    return [m for m in doc.mentions if m.cls in classes and (m.validated or not validated_only)]


def _match(pred: list[tuple[Any, str, list[int]]], gold: list[Any]) -> dict[Any, Any]:
    """One-to-one match of predicted mentions (id, doc, tokens) with gold mentions: most
    shared tokens first.  Returns predicted id → gold mention."""
    by_doc: dict[str, list[Any]] = defaultdict(list)
    for g in gold:
        by_doc[g.doc].append(g)
    cands: list[tuple[int, int, Any, Any]] = []
    for k, (pid, doc, toks) in enumerate(pred):
        ts = set(toks)
        for g in by_doc.get(doc, []):
            shared = len(ts & set(g.token_ids))
            if shared:
                cands.append((shared, -k, pid, g))
    cands.sort(key=lambda c: (-c[0], -c[1]))
    out: dict[Any, Any] = {}
    used: set[tuple[str, str]] = set()
    for _n, _k, pid, g in cands:
        if pid in out or (g.doc, g.m_id) in used:
            continue
        out[pid] = g
        used.add((g.doc, g.m_id))
    return out


def _prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> dict[str, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "pred": n_p, "gold": n_g}


def _coref(key: list[set], resp: list[set], singletons: bool) -> dict[str, float]:
    if not singletons:
        key = [c for c in key if len(c) > 1]
        resp = [c for c in resp if len(c) > 1]
    sc = evaluate(key, resp)
    return {"muc": sc["muc"].f1, "b3": sc["b3"].f1, "ceafe": sc["ceafe"].f1, "conll": sc["conll"]}


def _flags(m: dict[str, Any]) -> list[str]:
    fl = m.get("flags") or {}
    out = [f for f in ("negated", "hypothetical", "attempted", "historical") if fl.get(f)]
    if fl.get("reported_via"):
        out.append("reported")
    return out


def score_split(docs: list[EcbDocument], articles: dict[str, Article], records: list[dict[str, Any]],
                store_path: Path | None = None, sample: int = 12) -> dict[str, Any]:
    """Score one split's export (``records``) against the gold of ``docs``."""
    by_id: dict[str, DocGold] = {}
    # The title line's tokens, spans in the document's ``title`` (title mentions' offsets).
    titles: dict[str, DocGold] = {}
    title_lines: dict[str, int] = {}
    missing_docs = []
    name_of: dict[str, str] = {}
    ecb = {d.name: d for d in docs}
    for rec in records:
        if rec.get("record", rec["kind"]) != "document":
            continue
        name = Path(rec["path"]).stem
        if name not in ecb:
            continue
        art = articles[name]
        mapping = align(art.text, art.paragraphs, rec["text"] or "")
        spans = token_spans(art, mapping)
        doc = ecb[name]
        validated = {m.sentence for m in doc.mentions if m.validated}
        tok_sentence = {t.t_id: t.sentence for t in doc.tokens}
        by_id[rec["id"]] = DocGold(name, doc.topic, doc.subtopic, validated, tok_sentence, spans,
                                   sorted((s, e, t) for t, (s, e) in spans.items()))
        name_of[rec["id"]] = name
        title_line = title_sentence(art, rec.get("title"))
        if title_line is not None:
            title_lines[name] = title_line
            tspans = title_token_spans(art, rec["title"], title_line)
            titles[rec["id"]] = DocGold(name, doc.topic, doc.subtopic, validated, tok_sentence, tspans,
                                        sorted((s, e, t) for t, (s, e) in tspans.items()))
    for name in ecb:
        if name not in name_of.values():
            missing_docs.append(name)

    res: dict[str, Any] = {"documents": len(by_id), "not_stored": missing_docs}

    def in_validated(d: DocGold, toks: list[int]) -> bool:
        return bool(toks) and any(d.tok_sentence.get(t) in d.validated for t in toks)

    # -- events
    events = [r for r in records if r.get("record", r["kind"]) == "event"]
    gold_ev = [m for d in docs for m in _gold_mentions(d, EVENT_CLASSES, True)]
    gold_ev_all = [m for d in docs for m in _gold_mentions(d, EVENT_CLASSES, False)]
    pred_ev: list[tuple[Any, str, list[int]]] = []
    pred_ev_all: list[tuple[Any, str, list[int]]] = []
    event_of: dict[str, str] = {}
    mention_info: dict[str, tuple[str, dict[str, Any], dict[str, Any]]] = {}
    for ev in events:
        for m in ev["mentions"]:
            d = by_id.get(m["doc"])
            if d is None:
                continue
            trig = m.get("trigger") or {"start": m["start"], "end": m["end"]}
            toks = d.tokens_in(trig["start"], trig["end"])
            event_of[m["id"]] = ev["id"]
            mention_info[m["id"]] = (d.name, m, ev)
            pred_ev_all.append((m["id"], d.name, toks))
            if in_validated(d, toks):
                pred_ev.append((m["id"], d.name, toks))
    matched = _match(pred_ev, gold_ev)
    by_name = {d.name: d for d in by_id.values()}
    removed = [g for g in gold_ev if g.doc in by_name
               and not any(t in by_name[g.doc].clean_tokens for t in g.token_ids)]
    res["event_mentions"] = _prf(len(matched), len(pred_ev), len(matched), len(gold_ev))
    res["event_mentions"]["gold_removed_by_cleaner"] = len(removed)
    res["event_mentions"]["gold_removed_in_title"] = sum(
        1 for g in removed if g.sentence == articles[g.doc].title_sentence)
    key_clusters = _group(((g.doc, g.m_id), g.cluster) for g in gold_ev)
    resp_clusters = _group(((matched[pid].doc, matched[pid].m_id) if pid in matched else ("pred", pid),
                            event_of[pid]) for pid, _d, _t in pred_ev)
    res["event_coref"] = {"with_singletons": _coref(key_clusters, resp_clusters, True),
                          "without_singletons": _coref(key_clusters, resp_clusters, False)}

    # -- entities
    gold_en = [m for d in docs for m in _gold_mentions(d, ENTITY_CLASSES, True)]
    pred_en: list[tuple[Any, str, list[int]]] = []
    entity_of: dict[Any, str] = {}
    for rec in records:
        if rec.get("record", rec["kind"]) != "entity":
            continue
        for k, m in enumerate(rec.get("mentions") or []):
            d = by_id.get(m["doc"])
            if d is None:
                continue
            toks = d.tokens_in(m["start"], m["end"])
            if in_validated(d, toks):
                pid = (rec["id"], m["doc"], m["start"], m["end"], k)
                pred_en.append((pid, d.name, toks))
                entity_of[pid] = rec["id"]
    matched_en = _match(pred_en, gold_en)
    res["entity_mentions"] = _prf(len(matched_en), len(pred_en), len(matched_en), len(gold_en))
    res["entity_mention_kinds"] = _kind_scores(records, pred_en, matched_en)
    key_en = _group(((g.doc, g.m_id), g.cluster) for g in gold_en)
    resp_en = _group(((matched_en[p].doc, matched_en[p].m_id) if p in matched_en else ("pred", p),
                      entity_of[p]) for p, _d, _t in pred_en)
    res["entity_coref"] = {"with_singletons": _coref(key_en, resp_en, True),
                           "without_singletons": _coref(key_en, resp_en, False)}
    # -- the same with the entities' title mentions, scored against the title line's tokens
    pred_ti: list[tuple[Any, str, list[int]]] = []
    for rec in records:
        if rec.get("record", rec["kind"]) != "entity":
            continue
        for k, m in enumerate(rec.get("title_mentions") or []):
            d = titles.get(m["doc"])
            if d is None:
                continue
            toks = d.tokens_in(m["start"], m["end"])
            if in_validated(d, toks):
                pid = (rec["id"], m["doc"], m["start"], m["end"], f"title-{k}")
                pred_ti.append((pid, d.name, toks))
                entity_of[pid] = rec["id"]
    both = pred_en + pred_ti
    matched_both = _match(both, gold_en)
    matched_ti = [p for p, _d, _t in pred_ti if p in matched_both]
    gold_in_title = [g for g in gold_en if g.sentence == title_lines.get(g.doc)]
    res["entity_mentions_with_titles"] = _prf(len(matched_both), len(both), len(matched_both), len(gold_en))
    res["title_mentions"] = _prf(len(matched_ti), len(pred_ti), len(matched_ti), len(gold_in_title))
    resp_both = _group(((matched_both[p].doc, matched_both[p].m_id) if p in matched_both else ("pred", p),
                        entity_of[p]) for p, _d, _t in both)
    res["entity_coref_with_titles"] = {"with_singletons": _coref(key_en, resp_both, True),
                                       "without_singletons": _coref(key_en, resp_both, False)}
    # ECB+'s guidelines (NWR-2014-1 §2.2.1) annotate a participant's head only and no markable
    # inside a bigger one: an unmatched mention within a gold mention's extent is not judged.
    nested_toks = nested_tokens(docs, gold_en)
    nested = [p for p, d, toks in both if p not in matched_both and toks
              and all(t in nested_toks.get(d, ()) for t in toks)]
    res["entity_mentions_nested_unjudged"] = _prf(len(matched_both), len(both) - len(nested),
                                                  len(matched_both), len(gold_en))
    res["entity_mentions_nested_unjudged"]["nested"] = len(nested)
    nested_set = set(nested)
    res["entity_errors"] = _entity_errors(records, both, matched_both, gold_en, ecb, title_lines,
                                          by_name, nested_set)

    # -- corroboration precision
    gold_events_of: dict[str, set[str]] = defaultdict(set)
    for g in gold_ev_all:
        if "#" not in g.cluster:  # a cross-document instance
            gold_events_of[g.doc].add(g.cluster)
    matched_all = _match(pred_ev_all, gold_ev_all)
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    strict_n = strict_ok = 0
    wrong: list[tuple[str, str, str]] = []
    # Pairs where one side's joined reports are event mentions the annotators marked but linked
    # to no other document: the gold cannot say whether the join is right.
    unlinked: set[tuple[str, str]] = set()
    for ev in events:
        per_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for m in ev["mentions"]:
            if m["doc"] in by_id:
                per_doc[by_id[m["doc"]].name].append(m)
        for a, b in combinations(sorted(per_doc), 2):
            pairs[(a, b)].append(ev["id"])
            ca = {matched_all[m["id"]].cluster for m in per_doc[a] if m["id"] in matched_all}
            cb = {matched_all[m["id"]].cluster for m in per_doc[b] if m["id"] in matched_all}
            if ca and cb:
                strict_n += 1
                strict_ok += bool(ca & cb)
            if any(c and all("#" in x for x in c) for c in (ca, cb)):
                unlinked.add((a, b))
            if not gold_events_of[a] & gold_events_of[b]:
                wrong.append((a, b, ev["id"]))
    ok = sum(1 for a, b in pairs if gold_events_of[a] & gold_events_of[b])
    bad = [(a, b) for a, b in pairs if not gold_events_of[a] & gold_events_of[b]]
    res["corroboration"] = {
        "pairs": len(pairs), "correct": ok, "precision": ok / len(pairs) if pairs else 0.0,
        "same_subtopic_pairs": sum(1 for a, b in pairs if _sub(ecb[a]) == _sub(ecb[b])),
        # Wrong pairs by where they fall: one gold sub-topic (one seminal occurrence; mostly
        # documents whose mentions of it the annotators did not link across documents),
        # the two sub-topics of a topic (two occurrences of one kind), two topics.
        "wrong_same_subtopic": sum(1 for a, b in bad if _sub(ecb[a]) == _sub(ecb[b])),
        "wrong_other_subtopic": sum(1 for a, b in bad if ecb[a].topic == ecb[b].topic
                                    and _sub(ecb[a]) != _sub(ecb[b])),
        "wrong_other_topic": sum(1 for a, b in bad if ecb[a].topic != ecb[b].topic),
        "wrong_unlinked_gold": sum(1 for pair in bad if pair in unlinked),
        "cross_topic_pairs": sum(1 for a, b in pairs if ecb[a].topic != ecb[b].topic),
        "strict_judged": strict_n, "strict_correct": strict_ok,
        "strict_precision": strict_ok / strict_n if strict_n else 0.0,
        "events_joining_documents": sum(1 for ev in events
                                        if len({m["doc"] for m in ev["mentions"]}) > 1),
        "related_links": sum(len(ev.get("related") or []) for ev in events),
    }
    res["wrong_sample"] = _wrong_sample(wrong, events, by_id, ecb, store_path, sample)
    return res


def _kind_scores(records: list[dict[str, Any]], pred: list[tuple[Any, str, list[int]]],
                 matched: dict[Any, Any]) -> dict[str, dict[str, int]]:
    """Per mention kind (name / description / pronoun): exported mentions in validated
    sentences, how many match a gold mention, and — for descriptions and pronouns — how
    many of those are linked right: among the matched names of their entity in the same
    document, one belongs to the same gold entity (``linked``), or none does (``wrong``);
    with no matched name beside them, a link is not judged."""
    kind_of = {}
    for rec in records:
        if rec.get("record", rec["kind"]) == "entity":
            for k, m in enumerate(rec.get("mentions") or []):
                kind_of[(rec["id"], m["doc"], m["start"], m["end"], k)] = m.get("kind", "name")
    names: dict[tuple[str, str], set[str]] = defaultdict(set)  # (entity, doc) -> gold clusters
    for pid, _d, _t in pred:
        if kind_of.get(pid) == "name" and pid in matched:
            names[(pid[0], pid[1])].add(matched[pid].cluster)
    out: dict[str, dict[str, int]] = {}
    for pid, _d, _t in pred:
        kind = kind_of.get(pid, "name")
        row = out.setdefault(kind, {"pred": 0, "matched": 0, "linked": 0, "wrong": 0})
        row["pred"] += 1
        if pid not in matched:
            continue
        row["matched"] += 1
        if kind != "name" and names.get((pid[0], pid[1])):
            row["linked" if matched[pid].cluster in names[(pid[0], pid[1])] else "wrong"] += 1
    return out


def nested_tokens(docs: list[EcbDocument], gold: list[Any], nlp: Any = None) -> dict[str, set[int]]:
    """Per document, the tokens inside the extent of a gold entity mention: its own tokens
    (a location is annotated whole, "the Promises Treatment Center in Malibu") and, for a
    participant annotated by its head, the words before the head in its noun phrase ("the
    US soldiers", "U.S. Secretary of State John Kerry", "his brother": the head's subtree
    to its left in a spaCy parse of the sentence) and an apposition's other part ("David
    Cameron, the Prime Minister of UK": the head's appositive, or the phrase it is
    appositive to).  ECB+'s guidelines (NWR-2014-1, §2.2.1) mark a participant's most
    specific nominal part and no markable within a bigger one, so an exported mention
    wholly in these tokens that matches no gold mention is a mention the annotators were
    told not to mark."""
    if nlp is None:
        from newsgraph.nlp.annotate import load_model

        nlp = load_model("en")
    by_doc: dict[str, list[Any]] = defaultdict(list)
    for g in gold:
        by_doc[g.doc].append(g)
    units: list[tuple[str, list[EcbToken], list[tuple[int, int]], list[Any]]] = []
    texts: list[str] = []
    for doc in docs:
        mentions = by_doc.get(doc.name)
        if not mentions:
            continue
        sentences: dict[int, list[EcbToken]] = defaultdict(list)
        for tok in doc.tokens:
            sentences[tok.sentence].append(tok)
        per_sentence: dict[int, list[Any]] = defaultdict(list)
        for g in mentions:
            per_sentence[g.sentence].append(g)
        for n, gs in per_sentence.items():
            toks = sentences.get(n) or []
            text, spans = detokenize(toks, doc.subtopic == "ecbplus")
            units.append((doc.name, toks, spans, gs))
            texts.append(text)
    out: dict[str, set[int]] = defaultdict(set)
    disable = [p for p in ("ner", "lemmatizer") if p in nlp.pipe_names]
    for (name, toks, spans, gs), parsed in zip(units, nlp.pipe(texts, batch_size=64, disable=disable),
                                               strict=True):
        # ECB+ token → the spaCy tokens its characters fall in.
        of: dict[int, list[int]] = {}
        for tok, (s, e) in zip(toks, spans, strict=True):
            of[tok.t_id] = [t.i for t in parsed if t.idx < e and s < t.idx + len(t.text)]
        for g in gs:
            out[name].update(g.token_ids)
            mine = sorted(i for t in g.token_ids for i in of.get(t, []))
            if not mine or g.cls == "LOC":
                continue
            inside = set(mine)
            head = next((parsed[i] for i in mine if parsed[i].head.i not in inside or parsed[i].head.i == i),
                        None)
            if head is None:
                continue
            lo, first = head.left_edge.i, mine[0]
            # The bigger markable of an apposition ("Homer the poet", "David Cameron, the
            # Prime Minister of UK": the guidelines' examples mark the most specific part
            # only): the appositive's words, or the noun phrase the head is appositive to.
            bigger: set[int] = set()
            for child in head.children:
                if child.dep_ == "appos":
                    bigger.update(t.i for t in child.subtree)
            if head.dep_ == "appos" and head.head.i != head.i:
                bigger.update(t.i for t in head.head.subtree)
                bigger.difference_update(t.i for t in head.subtree)
            for t, idx in of.items():
                if idx and (all(lo <= i < first for i in idx) or all(i in bigger for i in idx)):
                    out[name].add(t)
    return out


def _entity_errors(records: list[dict[str, Any]], pred: list[tuple[Any, str, list[int]]],
                   matched: dict[Any, Any], gold: list[Any], ecb: dict[str, EcbDocument],
                   title_lines: dict[str, int], by_name: dict[str, DocGold],
                   nested: set[Any] | None = None) -> dict[str, list[dict[str, Any]]]:
    """The exported entity mentions (text and title) matching no gold mention, and the gold
    mentions no exported one matches, each with its sentence: what ``--dump`` writes, to
    sort errors into causes by hand."""
    info: dict[Any, dict[str, Any]] = {}
    for rec in records:
        if rec.get("record", rec["kind"]) != "entity":
            continue
        for field_name, tag in (("mentions", None), ("title_mentions", "title")):
            for k, m in enumerate(rec.get(field_name) or []):
                key = (rec["id"], m["doc"], m["start"], m["end"], k if tag is None else f"title-{k}")
                info[key] = {"entity": rec["id"], "entity_name": rec.get("name"), "type": rec.get("type"),
                             "named": rec.get("named", True), "kind": m.get("kind", "name"),
                             "rule": m.get("rule"), "text": m.get("text"), "in_title": tag is not None}
    sentences: dict[tuple[str, int], str] = {}
    tok_text: dict[tuple[str, int], str] = {}
    for name, doc in ecb.items():
        words: dict[int, list[str]] = defaultdict(list)
        for t in doc.tokens:
            words[t.sentence].append(t.text)
            tok_text[(name, t.t_id)] = t.text
        for n, ws in words.items():
            sentences[(name, n)] = " ".join(ws)
    sentence_of = {(name, t.t_id): t.sentence for name, doc in ecb.items() for t in doc.tokens}
    fps = []
    for pid, doc, toks in pred:
        if pid in matched:
            continue
        n = sentence_of.get((doc, toks[0])) if toks else None
        row = {"doc": doc, **info.get(pid, {}),
               "gold_tokens": " ".join(tok_text.get((doc, t), "") for t in toks),
               "nested": pid in (nested or ()),
               "sentence": sentences.get((doc, n), "") if n is not None else ""}
        fps.append(row)
    found = {(g.doc, g.m_id) for g in matched.values()}
    missed = []
    for g in gold:
        if (g.doc, g.m_id) in found:
            continue
        d = by_name.get(g.doc)
        in_title = g.sentence == title_lines.get(g.doc)
        kept = d is not None and any(t in d.clean_tokens for t in g.token_ids)
        missed.append({"doc": g.doc, "text": g.text, "tag": g.tag, "cluster": g.cluster, "in_title": in_title,
                       "removed_by_cleaner": not kept and not in_title,
                       "sentence": sentences.get((g.doc, g.sentence), "")})
    return {"false_positives": fps, "missed": missed}


def _sub(doc: EcbDocument) -> str:
    return f"{doc.topic}{doc.subtopic}"


def _group(pairs: Iterable[tuple[Any, Any]]) -> list[set]:
    out: dict[Any, set] = defaultdict(set)
    for item, cluster in pairs:
        out[cluster].add(item)
    return list(out.values())


def _wrong_sample(wrong: list[tuple[str, str, str]], events: list[dict[str, Any]], by_id: dict[str, DocGold],
                  ecb: dict[str, EcbDocument], store_path: Path | None, n: int) -> list[dict[str, Any]]:
    """A deterministic sample of wrong joins with each side's evidence, type, date and flags
    (each mention's own flags and date from the store, when given)."""
    if not wrong or n <= 0:
        return []
    ev_by_id = {e["id"]: e for e in events}
    name_to_id = {d.name: i for i, d in by_id.items()}
    picked = sorted(wrong, key=lambda w: hashlib.sha256("|".join(w).encode()).hexdigest())[:n]
    stored: dict[str, dict[str, Any]] = {}
    if store_path is not None and store_path.exists():
        ids = [m["id"] for _a, _b, e in picked for m in ev_by_id[e]["mentions"]]
        from newsgraph.store import Store
        from newsgraph.store.bench_queries import event_mention_records

        with Store(store_path, readonly=True) as store:
            stored = event_mention_records(store, ids)
    out = []
    for a, b, eid in picked:
        ev = ev_by_id[eid]
        sides = []
        for name in (a, b):
            m = next(m for m in ev["mentions"] if m["doc"] == name_to_id[name])
            full = stored.get(m["id"], {})
            date = full.get("date") or {}
            sides.append({
                "doc": name, "trigger": (m.get("trigger") or {}).get("text"), "sentence": m["text"].strip(),
                "type": full.get("type", ev["type"]), "mode": full.get("mode"),
                "date": f"{date.get('start')}/{date.get('precision')} "
                        f"({(date.get('evidence') or {}).get('text')!r})" if date else None,
                "flags": _flags(full)})
        out.append({"event": eid, "type": ev["type"], "event_date": ev.get("date"), "sides": sides,
                    "subtopics": (_sub(ecb[a]), _sub(ecb[b]))})
    return out


# ----------------------------------------------------------------- running
def _ingest(folder: Path, db: Path) -> dict[str, Any]:
    from newsgraph.pipeline import ingest
    from newsgraph.settings import Options
    from newsgraph.store import Store

    t0 = time.perf_counter()
    with Store(db) as store:
        # A generous per-document budget: on a busy shared machine the default one stopped
        # whole batches (E304), and the figures measured the load, not the pipeline.
        report = ingest([folder], store, Options(doc_seconds=_DOC_SECONDS))
    return {"seconds": time.perf_counter() - t0, "ingested": len(report.ingested),
            "failed": [(f.path, f.code, f.reason) for f in report.failed]}


def _export(db: Path, out: Path) -> list[dict[str, Any]]:
    from newsgraph.export.jsonl import write_jsonl
    from newsgraph.store import Store

    with Store(db) as store, out.open("w", encoding="utf-8") as fh:
        write_jsonl(store, fh)
    with out.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def replay_events(db: Path, records: list[dict[str, Any]], overrides: dict[str, Any]) -> list[dict[str, Any]]:
    """The export's records with its events resolved again from the store's event mentions."""
    from newsgraph.bench.replay import replay

    resolver, mentions = replay(db, overrides)
    out = [r for r in records if r.get("record", r["kind"]) != "event"]  # documents, entities… as exported
    for ev in resolver.events:
        out.append({"kind": "event", "record": "event", "id": ev.id, "type": ev.type, "date": None,
                    "related": ev.related, "mentions": [
                        {"doc": mentions[x].doc, "id": x, "start": mentions[x].sentence.start,
                         "end": mentions[x].sentence.end, "text": mentions[x].sentence.text,
                         "trigger": {"start": mentions[x].trigger.start, "end": mentions[x].trigger.end,
                                     "text": mentions[x].trigger.text}} for x in ev.mentions]})
    return out


def run_split(split: str, store_dir: Path | None, fresh: bool, sample: int,
              replay: dict[str, Any] | None = None) -> dict[str, Any] | None:
    keep = _SPLITS[split]
    topics = [t for t in range(1, 36) if keep is None or t % 2 == keep]
    try:
        docs = load_ecbplus(topics=topics)
    except FileNotFoundError as exc:
        print(f"[skip] {exc}")
        return None
    tmp = Path(tempfile.mkdtemp(prefix=f"ng-e2e-{split}-"))
    try:
        work = store_dir or tmp
        work.mkdir(parents=True, exist_ok=True)
        db, export = work / f"e2e-{split}.db", work / f"e2e-{split}.jsonl"
        articles = build_articles(docs, tmp / "articles")
        info: dict[str, Any] = {"reused": False}
        if fresh or not (db.exists() and export.exists()):
            for p in (db, export, Path(f"{db}-wal"), Path(f"{db}-shm")):
                p.unlink(missing_ok=True)
            info = _ingest(tmp / "articles", db)
            info["reused"] = False
            t0 = time.perf_counter()
            records = _export(db, export)
            info["export_seconds"] = time.perf_counter() - t0
        else:
            info["reused"] = True
            with export.open(encoding="utf-8") as fh:
                records = [json.loads(line) for line in fh]
        if replay is not None:
            records = replay_events(db, records, replay)
            info["replay"] = replay
        res = score_split(docs, articles, records, db, sample)
        res["ingest"] = info
        res["topics"] = topics
        res["store"] = str(db) if store_dir else None
        return res
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _print(split: str, r: dict[str, Any]) -> None:
    ing = r["ingest"]
    how = "reused store" if ing.get("reused") else (
        f"ingested {ing['ingested']} articles in {ing['seconds']:.1f} s"
        f" ({len(ing['failed'])} failed), exported in {ing.get('export_seconds', 0):.1f} s")
    if "replay" in ing:
        how += f"; events resolved again with {ing['replay'] or 'the defaults'}"
    print(f"\n== ECB+ end to end, {split} topics ({r['documents']} documents; {how})")
    if r["not_stored"]:
        print(f"   not stored: {len(r['not_stored'])} ({', '.join(r['not_stored'][:8])}…)")
    for failure in ing.get("failed", [])[:5]:
        print(f"   failed: {failure}")
    print(f"{'mentions (validated sentences)':34} {'P':>6} {'R':>6} {'F1':>6} {'pred':>6} {'gold':>6}")
    for name in ("event_mentions", "entity_mentions"):
        s = r[name]
        print(f"{name.replace('_', ' '):34} {s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f} "
              f"{s['pred']:6d} {s['gold']:6d}")
    if "entity_mentions_with_titles" in r:
        s = r["entity_mentions_with_titles"]
        print(f"{'entity mentions with title mentions':34} {s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f} "
              f"{s['pred']:6d} {s['gold']:6d}")
    if "entity_mentions_nested_unjudged" in r:
        s = r["entity_mentions_nested_unjudged"]
        print(f"{'  the same, nested unjudged':34} {s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f} "
              f"{s['pred']:6d} {s['gold']:6d}")
        print(f"   nested: {s['nested']} unmatched exported mentions inside a gold mention's extent (a "
              f"location's words, a participant's words before its head or in apposition) left unjudged: "
              f"ECB+ marks no markable inside a bigger one (guidelines NWR-2014-1 §2.2.1)")
    if "entity_mentions_with_titles" in r:
        t = r["title_mentions"]
        print(f"   title mentions: {t['pred']} exported, P {t['p']:.3f}; "
              f"{t['r']:.3f} of the {t['gold']} gold mentions in the title line found")
    for kind, k in sorted(r.get("entity_mention_kinds", {}).items()):
        judged = k["linked"] + k["wrong"]
        links = (f"; linked to the right entity {k['linked']}/{judged} = {k['linked'] / judged:.3f}"
                 if judged else "")
        print(f"   entity mentions, {kind}: {k['matched']}/{k['pred']} match a gold mention"
              f" (P {k['matched'] / k['pred'] if k['pred'] else 0:.3f}){links}")
    ev = r["event_mentions"]
    print(f"   gold event mentions in lines the cleaner removed: {ev['gold_removed_by_cleaner']} "
          f"({ev['gold_removed_in_title']} in the title line, which is kept as the title, not the text)")
    print(f"{'cross-document coreference':34} {'MUC':>6} {'B3':>6} {'CEAF-e':>6} {'CoNLL':>6}")
    for kind in ("event_coref", "entity_coref", "entity_coref_with_titles"):
        for setting in ("without_singletons", "with_singletons"):
            if kind not in r:
                continue
            s = r[kind][setting]
            label = f"{kind.split('_')[0].replace('entity', 'entitie')}s, {setting.replace('_', ' ')}"
            if kind.endswith("with_titles"):
                label = f"{label}, +titles"
            print(f"{label:34} {s['muc']:6.3f} {s['b3']:6.3f} {s['ceafe']:6.3f} {s['conll']:6.3f}")
    c = r["corroboration"]
    target = "met" if c["precision"] >= 0.95 else "NOT met"
    print(f"corroboration precision: {c['precision']:.3f} ({c['correct']}/{c['pairs']} document pairs joined "
          f"through one event share a gold event; target ≥ 0.95: {target})")
    print(f"   strict (the joined mentions match gold mentions of one gold event): "
          f"{c['strict_precision']:.3f} "
          f"({c['strict_correct']}/{c['strict_judged']} judged event-pair joins)")
    print(f"   joined pairs within one gold sub-topic {c['same_subtopic_pairs']}, across topics "
          f"{c['cross_topic_pairs']}; events with more than one document {c['events_joining_documents']}; "
          f"related links {c['related_links']}")
    print(f"   wrong pairs: {c['wrong_same_subtopic']} within one gold sub-topic (its documents share no "
          f"annotated cross-document event), {c['wrong_other_subtopic']} across the two sub-topics of a "
          f"topic (two occurrences of one kind), {c['wrong_other_topic']} across topics; "
          f"{c.get('wrong_unlinked_gold', 0)} of them join a report the annotators marked as an event "
          f"mention linked to no other document (read the sample: the gold cannot judge those)")
    if r["wrong_sample"]:
        print("   sample of wrong joins:")
    for w in r["wrong_sample"]:
        print(f"   - {w['event']} {w['type']} date={w['event_date']} gold sub-topics {w['subtopics'][0]} / "
              f"{w['subtopics'][1]}")
        for s in w["sides"]:
            print(f"       [{s['doc']}] {s['type']}/{s['mode']} trigger={s['trigger']!r} date={s['date']} "
                  f"flags={s['flags']}")
            print(f"         {s['sentence'][:240]!r}")


def run(splits: Iterable[str] = ("odd", "even"), store_dir: Path | None = None, fresh: bool = False,
        sample: int = 12, replay: dict[str, Any] | None = None, dump: Path | None = None) -> dict[str, Any]:
    """Each split ingested (or reused) and scored; returns every figure printed.  With
    ``dump``, each split's entity false positives and missed gold mentions are written there
    as ``entity-false-positives-SPLIT.jsonl`` and ``entity-missed-SPLIT.jsonl``."""
    out: dict[str, Any] = {}
    for split in [s for s in _SPLITS if s in set(splits)]:
        r = run_split(split, store_dir, fresh, sample, replay)
        if r is None:
            continue
        out[split] = r
        _print(split, r)
        if dump is not None:
            _dump(dump, split, r["entity_errors"])
    return out


def _dump(folder: Path, split: str, errors: dict[str, list[dict[str, Any]]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for key, stem in (("false_positives", "entity-false-positives"), ("missed", "entity-missed")):
        path = folder / f"{stem}-{split}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for row in errors[key]:
                fh.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
        print(f"   {len(errors[key])} {key.replace('_', ' ')} written to {path}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="newsgraph bench e2e", description=__doc__.splitlines()[0])
    ap.add_argument("--split", action="append", choices=list(_SPLITS),
                    help="ECB+ topics (repeatable; default odd and even, each its own ingest)")
    ap.add_argument("--store", type=Path, default=None,
                    help="folder keeping each split's store and export, reused on the next run")
    ap.add_argument("--fresh", action="store_true", help="ingest again even when --store holds a store")
    ap.add_argument("--sample", type=int, default=12, help="wrong joins printed per split")
    ap.add_argument("--replay", action="store_true",
                    help="resolve the stored event mentions again (needs --store) before scoring")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                    help="a ResolverOptions override for --replay (repeatable), e.g. undated_pairs=True")
    ap.add_argument("--dump", type=Path, default=None, metavar="DIR",
                    help="write each split's entity false positives and missed gold mentions (JSONL) to DIR")
    args = ap.parse_args(argv)
    replay = None
    if args.replay or args.set:
        if args.store is None:
            ap.error("--replay needs --store (a folder holding the built stores)")
        replay = _overrides(args.set, ap)
    run(args.split or ["odd", "even"], args.store, args.fresh, args.sample, replay, args.dump)


def _overrides(pairs: list[str], ap: argparse.ArgumentParser) -> dict[str, Any]:
    """``name=value`` strings as typed ``ResolverOptions`` fields (a bad one is a usage error)."""
    from newsgraph.bench.replay import overrides

    try:
        return overrides(pairs)
    except ValueError as exc:
        ap.error(str(exc))


if __name__ == "__main__":
    main()
