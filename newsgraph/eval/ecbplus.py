"""Loader for the ECB+ corpus (Cybulska and Vossen 2014) in ../shared/data/ecbplus.

Owns reading the CROMER token-level XML of ``ECB+/<topic>/<topic>_<n>ecb[plus].xml``
into plain records: tokens (with sentence numbers), every markable of every class
(ACTION*/NEG_ACTION* events, HUMAN*/NON_HUMAN* participants, LOC*, TIME*, UNKNOWN*)
with its tokens, sentence, document, topic, sub-topic (``ecb`` vs ``ecbplus``: two
different real-world events per topic) and gold cluster id, and the flag saying
whether its sentence is in ``docs/ECBplus_coreference_sentences.csv`` — the list of
sentences the annotators validated, to which the standard evaluation is restricted.

Gold clusters, as the release README describes them: a mention linked by
``CROSS_DOC_COREF`` takes the ``instance_id`` of its target (shared across documents);
one linked by ``INTRA_DOC_COREF`` takes ``<doc>#<target m_id>`` (unless the target has an
instance id); any other mention is a singleton ``<doc>#<m_id>``.

``EcbDocument.text()`` rebuilds plain text from the tokens (one sentence per line,
tokens separated by spaces, PTB quotes turned back into ``"``) with each token's
character offsets, so gold mentions can be handed to the pipeline as character spans.
"""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "ENTITY_CLASSES",
    "EVENT_CLASSES",
    "EcbDocument",
    "EcbMention",
    "EcbToken",
    "default_root",
    "load_ecbplus",
    "mention_class",
]

#: Mention classes by tag prefix (ECB+ guidelines, NWR-2014-1, section 3).
ENTITY_CLASSES: tuple[str, ...] = ("HUMAN", "NON_HUMAN", "LOC")
EVENT_CLASSES: tuple[str, ...] = ("ACTION", "NEG_ACTION")

_PTB_QUOTES = {"``": '"', "''": '"', "-LRB-": "(", "-RRB-": ")"}


def default_root() -> Path:
    """``shared/data/ecbplus`` beside the repository (or under ``$NEWSGRAPH_SHARED``)."""
    from newsgraph.bench import shared_dir

    return shared_dir() / "data" / "ecbplus"


def mention_class(tag: str) -> str:
    """Class of a tag: ``HUMAN_PART_PER`` → ``HUMAN``; ``NEG_ACTION_STATE`` → ``NEG_ACTION``."""
    for prefix in ("NON_HUMAN", "NEG_ACTION", "HUMAN", "ACTION", "LOC", "TIME", "UNKNOWN"):
        if tag.startswith(prefix):
            return prefix
    return tag


@dataclass(slots=True)
class EcbToken:
    t_id: int
    sentence: int
    number: int
    text: str


@dataclass(slots=True)
class EcbMention:
    doc: str
    topic: int
    subtopic: str  # "ecb" or "ecbplus"
    m_id: str
    tag: str  # e.g. HUMAN_PART_PER
    cls: str  # HUMAN, NON_HUMAN, LOC, ACTION, NEG_ACTION, TIME, UNKNOWN
    token_ids: list[int]
    sentence: int
    text: str
    cluster: str
    validated: bool


@dataclass(slots=True)
class EcbDocument:
    name: str  # "1_10ecbplus"
    topic: int
    subtopic: str
    tokens: list[EcbToken] = field(default_factory=list)
    mentions: list[EcbMention] = field(default_factory=list)

    def text(self) -> tuple[str, dict[int, tuple[int, int]], list[tuple[int, int]]]:
        """Plain text, ``{t_id: (start, end)}`` and sentence spans ``[(start, end)]``."""
        parts: list[str] = []
        offsets: dict[int, tuple[int, int]] = {}
        sentences: list[tuple[int, int]] = []
        pos = 0
        current = None
        sent_start = 0
        for tok in self.tokens:
            if current is not None and tok.sentence != current:
                sentences.append((sent_start, pos))
                parts.append("\n")
                pos += 1
                sent_start = pos
            elif current is not None:
                parts.append(" ")
                pos += 1
            current = tok.sentence
            word = _PTB_QUOTES.get(tok.text, tok.text)
            offsets[tok.t_id] = (pos, pos + len(word))
            parts.append(word)
            pos += len(word)
        if current is not None:
            sentences.append((sent_start, pos))
        return "".join(parts), offsets, sentences

    def sentence_numbers(self) -> list[int]:
        seen: dict[int, None] = {}
        for tok in self.tokens:
            seen[tok.sentence] = None
        return list(seen)


def _validated(root: Path) -> set[tuple[int, str, int]] | None:
    path = root / "docs" / "ECBplus_coreference_sentences.csv"
    if not path.exists():
        return None
    out: set[tuple[int, str, int]] = set()
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            out.add((int(row["Topic"]), row["File"].strip(), int(row["Sentence Number"])))
    return out


def _parse(path: Path, topic: int, validated: set[tuple[int, str, int]] | None) -> EcbDocument:
    name = path.stem
    subtopic = "ecbplus" if name.endswith("ecbplus") else "ecb"
    tree = ET.parse(path)
    root = tree.getroot()
    doc = EcbDocument(name, topic, subtopic)
    by_id: dict[int, EcbToken] = {}
    for el in root.iter("token"):
        tok = EcbToken(
            int(el.get("t_id", "0")), int(el.get("sentence", "0")), int(el.get("number", "0")), el.text or ""
        )
        doc.tokens.append(tok)
        by_id[tok.t_id] = tok
    markables = root.find("Markables")
    anchored: dict[str, tuple[str, list[int]]] = {}
    instance_of: dict[str, str] = {}
    if markables is not None:
        for el in markables:
            m_id = el.get("m_id", "")
            anchors = [int(a.get("t_id", "0")) for a in el.findall("token_anchor")]
            if anchors:
                anchored[m_id] = (el.tag, sorted(anchors))
            elif el.get("instance_id"):
                instance_of[m_id] = el.get("instance_id", "")
    cluster: dict[str, str] = {}
    relations = root.find("Relations")
    if relations is not None:
        for rel in relations:
            target = rel.find("target")
            if target is None:
                continue
            t_id = target.get("m_id", "")
            if rel.tag == "CROSS_DOC_COREF":
                gold = instance_of.get(t_id) or rel.get("note") or f"{name}#{t_id}"
            else:
                gold = instance_of.get(t_id) or f"{name}#{t_id}"
            for src in rel.findall("source"):
                cluster[src.get("m_id", "")] = gold
    file_key = name.split("_", 1)[1]
    for m_id, (tag, anchors) in anchored.items():
        toks = [by_id[a] for a in anchors if a in by_id]
        if not toks:
            continue
        sentence = toks[0].sentence
        ok = True if validated is None else (topic, file_key, sentence) in validated
        doc.mentions.append(
            EcbMention(
                name,
                topic,
                subtopic,
                m_id,
                tag,
                mention_class(tag),
                anchors,
                sentence,
                " ".join(t.text for t in toks),
                cluster.get(m_id, f"{name}#{m_id}"),
                ok,
            )
        )
    doc.mentions.sort(key=lambda m: m.token_ids[0])
    return doc


def load_ecbplus(root: Path | None = None, topics: Iterable[int] | None = None) -> list[EcbDocument]:
    """Every document of the chosen topics (all present when None), sorted by topic and name.

    Raises FileNotFoundError when the corpus is absent (callers skip with a message).
    """
    root = root or default_root()
    corpus = root / "ECB+"
    if not corpus.is_dir():
        raise FileNotFoundError(f"ECB+ not found at {corpus}")
    validated = _validated(root)
    wanted = set(topics) if topics is not None else None
    docs: list[EcbDocument] = []
    for topic_dir in sorted(
        (p for p in corpus.iterdir() if p.is_dir() and p.name.isdigit()), key=lambda p: int(p.name)
    ):
        topic = int(topic_dir.name)
        if wanted is not None and topic not in wanted:
            continue
        for path in sorted(topic_dir.glob("*.xml")):
            docs.append(_parse(path, topic, validated))
    return docs
