"""Machine-translation artefacts: traces that text was translated into English by machine.

Four kinds, each an instance with its evidence span:

- ``name_variant``: one name spelled two ways in one article (Lee Min-ho / Lee
  Min Ho; Gyeongju / Kyongju). Translators and MT transliterate each
  occurrence afresh; an English newsroom's style guide fixes one spelling.
- ``broken_quote``: quotation marks that do not pair up — a quote closed that
  was never opened, or left open at a paragraph end without the next paragraph
  continuing it (the English convention for multi-paragraph quotes is honoured).
- ``pronoun_no_antecedent``: a sentence opening with He/She when no person is named
  in the preceding sentences — languages with grammatical gender make MT call a
  newspaper or an agency "she" ("She noted…"). Needs the annotator's mentions.
- ``unexpected_collocation``: two common words side by side that native news never
  puts together although their frequencies predict it (calques, non-idiomatic word
  choice). Needs a reference ``CollocationModel`` built from native news.
- ``unidiomatic_word``: a word where native news, beside the same neighbours, uses a
  far commoner synonym ("the newspaper realised the interview" for "conducted"), or
  a fixed expression with one word swapped — what word-for-word translation and
  dictionary look-up leave (the same test as the spinning signal, see spinning.py).

The signal describes; a flag means "look at this", not "this is a translation".
"""

from __future__ import annotations

import re
import unicodedata
from itertools import combinations
from typing import TYPE_CHECKING

import numpy
from rapidfuzz.distance import Levenshtein
from rapidfuzz.process import cdist
from unidecode import unidecode

from newsgraph.model.document import AnnotatedDocument, Document
from newsgraph.model.stories import EvidenceSpan, Signal
from newsgraph.signals import settings as S
from newsgraph.signals._common import split_doc
from newsgraph.signals.reference import bigrams_of
from newsgraph.signals.spinning import plain_spans, substitutions

if TYPE_CHECKING:
    from newsgraph.signals.spinning import Reference

__all__ = [
    "broken_quotes", "machine_translation", "name_variants", "pronouns_without_antecedent",
    "unexpected_collocations",
]

_NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "EVENT"}
# Capitalised runs (hyphenated parts allowed) as names when no annotation is given.
_CAPRUN = re.compile(r"\b[A-Z][\w’'\-]*[a-z][\w’'\-]*(?:[ \-][A-Z][\w’'\-]*)*")
_POSSESSIVE = re.compile(r"[’'](?:s)?$")
# Characters that differ between spellings of a name; anything else (brackets,
# apostrophes, dots) is punctuation around or inside a mention, not a spelling.
_NOT_SPELLING = re.compile(r"[^\w\s\-]")
_DETERMINER = re.compile(r"^(?:The|A|An|This|That|These|Those)\s+")


def _skeleton(name: str) -> str:
    return "".join(c for c in unidecode(name).lower() if c.isalpha())


def _is_variant(a: str, b: str) -> bool:
    # hard-wrapped text ("Temple\nInland") and stray punctuation ("Mike (Ruddock") aside
    a = " ".join(_NOT_SPELLING.sub("", a).split())
    b = " ".join(_NOT_SPELLING.sub("", b).split())
    if a == b or a.lower() == b.lower():
        return False
    ta, tb = re.split(r"[\s\-]+", a.lower()), re.split(r"[\s\-]+", b.lower())
    if len(ta) != len(tb) and "".join(ta) != "".join(tb):
        return False  # a whole name part added ("George W Bush"): another form, not a spelling
    ka, kb = _skeleton(a), _skeleton(b)
    if min(len(ka), len(kb)) < S.VARIANT_MIN_LETTERS:
        return False
    if ka == kb:
        return True  # spacing / hyphenation / diacritics differ
    ops = Levenshtein.editops(ka, kb)
    if not ops or len(ops) > 2:
        return False
    if any(op.src_pos >= len(ka) - 1 or op.dest_pos >= len(kb) - 1 for op in ops):
        return False  # word-final edits are inflection or derivation (German/Germany)
    for op in ops:
        ca = ka[op.src_pos] if op.tag in ("replace", "delete") else ""
        cb = kb[op.dest_pos] if op.tag in ("replace", "insert") else ""
        if any(c not in S.VARIANT_LETTERS for c in ca + cb):
            return False
    # "Min-ho"/"Min-ha" style differences of a whole short name part are different names
    if len(ta) == len(tb):
        diff = [(x, y) for x, y in zip(ta, tb, strict=True) if x != y]
        if any(min(len(x), len(y)) < 3 for x, y in diff):
            return False
    return True


def _names(text: str, ann: AnnotatedDocument | None) -> list[tuple[int, int, str]]:
    if ann is not None and ann.mentions:
        spans = [(m.start, m.end, m.text) for m in ann.mentions if m.label in _NAME_LABELS]
    else:
        spans = [(m.start(), m.end(), m.group()) for m in _CAPRUN.finditer(text)]
    out = []
    for s, _e, t in spans:
        t = t.strip()
        det = _DETERMINER.match(t)
        if det:
            s, t = s + det.end(), t[det.end():]
        t2 = _POSSESSIVE.sub("", t)
        if t2:
            out.append((s, s + len(t2), t2))
    return out


def name_variants(text: str, ann: AnnotatedDocument | None = None) -> list[EvidenceSpan]:
    """Names spelled two different ways in the same text (both occurrences as evidence)."""
    first: dict[str, tuple[int, int]] = {}
    for s, e, t in _names(text, ann):
        first.setdefault(unicodedata.normalize("NFC", t), (s, e))
    names = sorted(first)
    out: list[EvidenceSpan] = []
    for i, j in _close_pairs([_skeleton(" ".join(_NOT_SPELLING.sub("", n).split())) for n in names]):
        a, b = names[i], names[j]
        if _is_variant(a, b):
            for name, other in ((a, b), (b, a)):
                s, e = first[name]
                out.append(EvidenceSpan(s, e, text[s:e], f"name_variant: also spelled “{other}”"))
    return out


#: Skeletons up to this long are indexed by their deletions (at most ~this² / 2 keys each).
_INDEXED_LETTERS = 40
#: Up to this many names are compared pairwise (a matrix of this² distances, 4 MB);
#: more go through the deletion index, which grows with the names, not their square.
_PAIRWISE_MAX = 1_000


def _close_pairs(skeletons: list[str]) -> list[tuple[int, int]]:
    """Index pairs ``i < j``, in order, whose skeletons may be variants: both long enough and
    at most two edits apart — every pair ``_is_variant`` can accept, and few others.

    Up to ``_PAIRWISE_MAX`` names, the pairs whose edit distance is at most two. Past it,
    two strings within two edits of each other share a string left by deleting at most
    two letters from each (the symmetric-deletion index of SymSpell), so only names
    sharing one are compared: comparing every pair of names made a long text's signal
    grow with the square of its names (27 s for 500,000 characters). Both hold every pair
    ``_is_variant`` accepts, so the variants found are the same either way.
    """
    long_enough = [i for i, k in enumerate(skeletons) if len(k) >= S.VARIANT_MIN_LETTERS]
    if len(long_enough) <= _PAIRWISE_MAX:
        # An article's few dozen names: their edit distances all at once, in C (rapidfuzz),
        # cost a fiftieth of building the deletion index. Pairs at most two edits apart are
        # every pair ``_is_variant`` can accept (it counts the edits of the same skeletons).
        if len(long_enough) < 2:
            return []
        found = [skeletons[i] for i in long_enough]
        dist = cdist(found, found, scorer=Levenshtein.distance, score_cutoff=2, dtype=numpy.int32)
        rows, cols = numpy.nonzero(dist <= 2)
        pairs = zip(rows.tolist(), cols.tolist(), strict=True)
        return sorted((long_enough[a], long_enough[b]) for a, b in pairs if a < b)
    by_key: dict[str, list[int]] = {}
    long: list[int] = []
    for i, k in enumerate(skeletons):
        if len(k) < S.VARIANT_MIN_LETTERS:
            continue
        if len(k) > _INDEXED_LETTERS:  # rare, and its deletions would be many: compared by length
            long.append(i)
            continue
        keys = {k} | {k[:x] + k[x + 1:] for x in range(len(k))}
        keys |= {d[:y] + d[y + 1:] for d in list(keys - {k}) for y in range(len(d))}
        for key in keys:
            by_key.setdefault(key, []).append(i)
    pairs = {(a, b) for group in by_key.values() for a, b in combinations(group, 2)}
    for i in long:
        for j, k in enumerate(skeletons):
            if j != i and len(k) >= S.VARIANT_MIN_LETTERS and abs(len(k) - len(skeletons[i])) <= 2:
                pairs.add((min(i, j), max(i, j)))
    return sorted(pairs)


_OPEN, _CLOSE = "“", "”"
# Paragraph breaks: a blank line, or a line break followed by indentation (wire copy
# is hard-wrapped: a bare line break is only a space).
_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=[ \t])")


def _direction(text: str, k: int) -> str:
    """Open or close, for a straight quote, from its neighbours."""
    before = text[k - 1] if k else " "
    after = text[k + 1] if k + 1 < len(text) else " "
    if before.isspace() or before in "([{—–-/":
        return "open"
    if after.isspace() or after in ".,;:!?)]}—–-":
        return "close"
    return "open" if after.isalnum() and not before.isalnum() else "close"


def broken_quotes(text: str) -> list[EvidenceSpan]:
    """Quotation marks that do not pair up, paragraph by paragraph.

    A quote left open at a paragraph end is fine when the next paragraph opens with
    a quote mark (the English convention for a quotation running over paragraphs).
    """
    out: list[EvidenceSpan] = []
    bounds = [0] + [m.end() for m in _PARAGRAPH.finditer(text)]
    ends = [m.start() for m in _PARAGRAPH.finditer(text)] + [len(text)]
    open_at: int | None = None

    def flag(pos: int, why: str) -> None:
        end = min(len(text), pos + 80)
        out.append(EvidenceSpan(pos, end, text[pos:end], f"broken_quote: {why}"))

    for p_start, p_end in zip(bounds, ends, strict=True):
        para = text[p_start:p_end]
        stripped = para.lstrip()
        lead = p_start + len(para) - len(stripped)
        continues = stripped[:1] in (_OPEN, '"')
        if open_at is not None and not continues:
            flag(open_at, "quotation opened and never closed")
            open_at = None
        for k in range(p_start, p_end):
            ch = text[k]
            if ch not in (_OPEN, _CLOSE, '"'):
                continue
            kind = ("open" if ch == _OPEN else "close") if ch != '"' else _direction(text, k)
            if kind == "open":
                # a new quote right after a sentence end continues the quotation in a
                # paragraph whose break was lost (common in scraped and archived copy)
                after_sentence = re.search(r"[.!?]\s+$", text[max(p_start, k - 4):k]) is not None
                if open_at is not None and not (k == lead and continues) and not after_sentence:
                    flag(open_at, "quotation opened inside an open quotation")
                open_at = k
            else:
                if open_at is None:
                    flag(k, "quotation closed that was never opened")
                open_at = None
    if open_at is not None:
        flag(open_at, "quotation opened and never closed")
    return out


_PRONOUN = re.compile(r"^\W*(She|He)\b")
_SPEAKER = re.compile(r"\b[A-Z][a-z]+,? (?:said|says|added|told|noted|stated)\b")


def pronouns_without_antecedent(ann: AnnotatedDocument) -> list[EvidenceSpan]:
    """Sentence-initial He/She with no person in the preceding sentences but an organisation.

    "No person" means no PERSON mention and no "<Name> said" (a speaker the tagger
    missed); the organisation (ORG/NORP/GPE mention) is the antecedent MT gendered.
    """
    text = ann.document.text
    persons = [m for m in ann.mentions if m.label == "PERSON"]
    orgs = [m for m in ann.mentions if m.label in ("ORG", "NORP", "GPE")]
    out: list[EvidenceSpan] = []
    prev_pronoun = -10
    for k, sent in enumerate(ann.sentences):
        m = _PRONOUN.match(text[sent.start:sent.end])
        if not m:
            continue
        lo = ann.sentences[max(0, k - S.PRONOUN_WINDOW_SENTENCES)].start
        hi = sent.start + m.start(1)
        has_person = any(lo <= p.start < hi for p in persons)
        has_org = any(lo <= p.start < hi for p in orgs)
        speaker = _SPEAKER.search(text, lo, hi)  # "Tigrel said." — a person the tagger missed
        if (not has_person and has_org and not speaker
                and k - prev_pronoun > S.PRONOUN_WINDOW_SENTENCES):
            s = sent.start + m.start(1)
            out.append(EvidenceSpan(s, sent.end, text[s:sent.end],
                                    f"pronoun_no_antecedent: “{m.group(1)}” with no person named "
                                    f"in the {S.PRONOUN_WINDOW_SENTENCES} sentences before"))
        prev_pronoun = k
    return out


def unexpected_collocations(text: str, reference: Reference) -> tuple[list[EvidenceSpan], int]:
    """Lowercase word pairs never seen in the reference though their frequencies predict them.

    Returns the instances and the number of bigrams examined.
    """
    out: list[EvidenceSpan] = []
    examined = 0
    for w1, w2, s, e in bigrams_of(text):
        if not (w1.islower() and w2.islower()):
            continue  # names and sentence starts are not collocations
        if (reference.count(w1) < S.COLLOCATION_MIN_WORD_COUNT
                or reference.count(w2) < S.COLLOCATION_MIN_WORD_COUNT):
            continue
        examined += 1
        if reference.pair(w1, w2) == 0:
            exp = reference.expected(w1, w2)
            if exp >= S.COLLOCATION_MIN_EXPECTED:
                out.append(EvidenceSpan(s, e, text[s:e],
                                        f"unexpected_collocation: never seen in the reference, "
                                        f"{exp:.1f} expected by chance"))
    return out, examined


_DENSITY_KINDS = frozenset({"unexpected_collocation", "unidiomatic_word"})


def machine_translation(doc: Document | AnnotatedDocument,
                        reference: Reference | None = None, *,
                        swaps: list[EvidenceSpan] | None = None) -> Signal:
    """Count machine-translation artefacts; value = instances per 1,000 words.

    ``swaps``: ``substitutions(text, reference)`` when the caller has them already (the
    spinning signal reads the same swaps); computed here otherwise.
    """
    d, ann = split_doc(doc)
    text = d.text
    kinds: dict[str, list[EvidenceSpan]] = {
        "name_variant": name_variants(text, ann),
        "broken_quote": broken_quotes(text),
    }
    measured = ["name_variant", "broken_quote"]
    if ann is not None and ann.annotated and ann.sentences:
        kinds["pronoun_no_antecedent"] = pronouns_without_antecedent(ann)
        measured.append("pronoun_no_antecedent")
    rate = 0.0
    words = max(1, len(text.split()))
    dense = False
    if reference is not None:
        found, examined = unexpected_collocations(text, reference)
        kinds["unexpected_collocation"] = found
        measured.append("unexpected_collocation")
        rate = 100 * len(found) / examined if examined else 0.0
        if swaps is None:
            swaps = substitutions(text, reference)
        swaps = plain_spans(list(swaps))
        kinds["unidiomatic_word"] = swaps
        measured.append("unidiomatic_word")
        dense = (len(swaps) >= S.MT_UNIDIOMATIC_MIN
                 and 1000 * len(swaps) / words >= S.MT_UNIDIOMATIC_PER_1000_WORDS)
    # name variants come in pairs of evidence spans: count each pair once
    counts = {k: (len(v) // 2 if k == "name_variant" else len(v)) for k, v in kinds.items()}
    instances = sum(counts.values())
    present = {k for k, v in counts.items() if v and k not in _DENSITY_KINDS}
    if rate >= S.MT_FLAG_COLLOCATION_RATE:
        present.add("unexpected_collocation")
    if dense:
        present.add("unidiomatic_word")
    points = sum(S.MT_KIND_POINTS.get(k, 1) for k in present - _DENSITY_KINDS)
    # both word-choice kinds read the same counts: together they weigh as the heavier one
    points += max((S.MT_KIND_POINTS.get(k, 1) for k in present & _DENSITY_KINDS), default=0)
    flagged = points >= S.MT_FLAG_POINTS
    found_txt = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in counts.items() if n) or "none"
    return Signal(
        d.id, "machine_translation", round(1000 * instances / words, 2),
        f"Machine-translation artefacts: {found_txt} (measured: {', '.join(measured)}).",
        evidence=[e for v in kinds.values() for e in v], flagged=flagged,
        details={"counts": counts, "collocation_rate": round(rate, 2), "measured": measured,
                 "kinds_present": sorted(present), "points": points},
    )
