"""The held-out place sample: which place mentions of BBC News and Reuters-21578 it holds.

Owns the reproducible draw behind ``data/places_heldout.jsonl`` (hand judgements, ours)
and the texts those judgements point into. The sample is a test set for place
resolution: the 143-mention BBC sample of ``bench/places.py`` is the development set,
and its 25 files are left out of this draw.

The draw, seeded: shuffle the BBC files (README excepted, the development files and
those of earlier rounds left out) and the Reuters-21578 stories with a body of at
least 20 words (earlier rounds' left out); walk each list in that order, run the
project's spaCy pipeline on the text, and keep one GPE/LOC/FAC mention per text,
chosen with the same generator, until ``PER_SOURCE`` mentions of that source are
drawn. One mention per text spreads the sample over many stories instead of a few
long ones that name one country twenty times.

Rounds (``ROUNDS``): 1 (seed 15, ``places_heldout.jsonl``) was judged before the
code it measures was changed, and the code was then changed after reading its errors;
2 (seed 16, ``places_heldout2.jsonl``) was drawn and judged after the last change, so
it is the clean held-out figure. ``targeted`` (seed 17, ``places_targeted.jsonl``) is
not random over mentions: it draws only mentions whose name is a national capital in
the gazetteer or a bare compass word ("the North"), the readings this module's
abstentions are about, which a random draw meets too rarely to measure. Rounds 2 and
``targeted`` were each clean for the commit they were first run on (0df5cd6, 3314cba),
and the code was changed after reading their errors too; 3 (seed 18, 160 mentions) and
``targeted2`` (seed 19, 40) were drawn and judged after the last change to the linker.
Issue 15's rules (places inside names, New York the city, provinces, namesakes, governments
as agents and owners) were written against rounds 1–3 and the targeted samples; 4 (seed 20,
320 mentions, ``places_heldout4.jsonl``) was drawn from the NER alone and judged by hand
before the linker of either commit was scored on it.

Texts: a BBC file is read whole (headline on line 1), as the development sample does;
a Reuters story is its ``<BODY>`` with entities unescaped, the end-of-text byte and the
closing "Reuter" removed, identified by its ``NEWID``. Offsets index those texts.

    .venv/bin/python -m newsgraph.bench.place_sample --judge   # print mentions to judge
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterator
from functools import lru_cache
from html import unescape
from pathlib import Path
from typing import Any

from newsgraph.bench import shared_dir

__all__ = ["HELDOUT", "PER_SOURCE", "ROUNDS", "draw", "reuters_stories", "text_of"]

DATA = Path(__file__).resolve().parent / "data"
HELDOUT = DATA / "places_heldout.jsonl"
DEV_GOLD = DATA / "places_gold.jsonl"
CORPORA = shared_dir() / "data" / "corpora"
#: Mentions per source of a random round: 2 × 160 = 320 ≥ the 300 the issue asks for,
#: with room for the few that a later model's spans no longer reproduce.
PER_SOURCE = 160
#: Round → (seed, mentions per source, judgement file, whether only capitals/compass words).
ROUNDS: dict[str, tuple[int, int, Path, bool]] = {
    "1": (15, PER_SOURCE, HELDOUT, False),
    "2": (16, PER_SOURCE, DATA / "places_heldout2.jsonl", False),
    "targeted": (17, 40, DATA / "places_targeted.jsonl", True),
    "3": (18, 80, DATA / "places_heldout3.jsonl", False),
    "targeted2": (19, 20, DATA / "places_targeted2.jsonl", True),
    "4": (20, PER_SOURCE, DATA / "places_heldout4.jsonl", False),
}
MIN_BODY_WORDS = 20
PLACE_LABELS = ("GPE", "LOC", "FAC")


@lru_cache(maxsize=1)
def reuters_stories() -> dict[str, str]:
    """``{"reuters:NEWID": body}`` for every Reuters-21578 story with a body of ≥ 20 words."""
    out: dict[str, str] = {}
    for sgm in sorted((CORPORA / "reuters21578").glob("reut2-*.sgm")):
        raw = sgm.read_bytes().decode("latin-1")
        for story in re.findall(r"<REUTERS.*?</REUTERS>", raw, flags=re.S):
            newid = re.search(r'NEWID="(\d+)"', story)
            body = re.search(r"<BODY>(.*?)</BODY>", story, flags=re.S)
            if not newid or not body or len(body.group(1).split()) < MIN_BODY_WORDS:
                continue
            text = unescape(body.group(1)).replace("\x03", "").strip()
            out[f"reuters:{newid.group(1)}"] = re.sub(r"\s*Reuter\s*$", "", text)
    return out


def text_of(doc: str) -> str:
    """The text a judgement's offsets index: ``bbc:<category>/<file>`` or ``reuters:<NEWID>``."""
    source, _, name = doc.partition(":")
    if source == "bbc":
        return (CORPORA / "bbc-news" / name).read_text(encoding="utf-8", errors="replace")
    return reuters_stories()[doc]


def _docs_of(path: Path, key: str) -> set[str]:
    if not path.exists():
        return set()
    return {json.loads(line)[key] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}


def _bbc_docs(taken: set[str]) -> list[str]:
    dev = {f"bbc:{f}" for f in _docs_of(DEV_GOLD, "file")}
    root = CORPORA / "bbc-news"
    names = sorted(f"bbc:{p.relative_to(root)}" for p in root.glob("*/*.txt"))
    return [n for n in names if n not in dev and n not in taken]


def _targeted(text: str) -> bool:
    """A national capital of the gazetteer or a bare compass word."""
    from newsgraph.nlp.place_roles import compass_word
    from newsgraph.nlp.places import candidates, name_key

    return compass_word(name_key(text)) or any(c.capital for c in candidates(text))


def _mentions(docs: list[str], rng: random.Random, want: int, targeted: bool) -> Iterator[dict[str, Any]]:
    from newsgraph.bench._spacy_adoc import annotate_text

    got = 0
    for doc in docs:
        if got >= want:
            return
        text = text_of(doc)
        if targeted and not any(_targeted(w) for w in re.findall(r"[A-Z][a-z]+", text)):
            continue  # no capital or compass word in the text: skip the parse
        ments = [m for m in annotate_text(text, doc).mentions if m.label in PLACE_LABELS]
        if targeted:
            ments = [m for m in ments if _targeted(m.text)]
        if not ments:
            continue
        m = rng.choice(ments)
        got += 1
        yield {"doc": doc, "start": m.start, "end": m.end, "label": m.label, "text": m.text}


def draw(round_: str = "1") -> list[dict[str, Any]]:
    """The sampled mentions (doc, start, end, label, text) of one round, BBC first, in draw order."""
    seed, per_source, _, targeted = ROUNDS[round_]
    earlier = list(ROUNDS)[: list(ROUNDS).index(round_)]
    taken = set().union(*(_docs_of(ROUNDS[r][2], "doc") for r in earlier)) if earlier else set()
    rng = random.Random(seed)
    bbc = _bbc_docs(taken)
    rng.shuffle(bbc)
    reuters = [k for k in sorted(reuters_stories(), key=lambda k: int(k.split(":")[1])) if k not in taken]
    rng.shuffle(reuters)
    return [*_mentions(bbc, rng, per_source, targeted), *_mentions(reuters, rng, per_source, targeted)]


def _judge_view(m: dict[str, Any], width: int = 260) -> str:
    from newsgraph.nlp.places import candidates

    text = text_of(m["doc"])
    left = text[max(0, m["start"] - width) : m["start"]].replace("\n", " ")
    right = text[m["end"] : m["end"] + width // 2].replace("\n", " ")
    cands = sorted(candidates(m["text"]), key=lambda c: -c.population)[:8]
    cs = "; ".join(f"{c.geonameid} {c.name}|{c.country}|{c.feature}|{c.population}" for c in cands)
    return f"{m['doc']} {m['start']}-{m['end']} {m['label']}\n  …{left}[[{m['text']}]]{right}…\n  cands: {cs}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--judge", action="store_true", help="print each drawn mention in context")
    ap.add_argument("--round", default="1", choices=list(ROUNDS), help="which draw (module docstring)")
    args = ap.parse_args(argv)
    if not (CORPORA / "bbc-news").is_dir() or not (CORPORA / "reuters21578").is_dir():
        print(f"skipped: corpora not found under {CORPORA}")
        return 0
    for i, m in enumerate(draw(args.round)):
        print(f"#{i} " + (_judge_view(m) if args.judge else json.dumps(m)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
