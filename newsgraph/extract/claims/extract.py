"""Claims of one document: quotations and reported speech with speaker, cue, content and certainty.

Owns ``extract_claims(adoc) -> list[Claim]``, the cascade:

1. quotations (``quotes``) longer than a fragment are paired with the nearest cue
   outside them in the same paragraph — after the quote ("…,” he said") or before
   it ("He said: “…”") — else with a cue line just before ("X said:" ending the
   previous paragraph) or a short attribution line just after; a quote with no cue
   right after another speaker's quote continues that speaker, also across a cue that
   reports the same speaker again ("X said: '…' He said … '…'"); a quote with no cue
   right after reported speech in its paragraph ("X said that … . '…'") is X's;
2. every other cue the parse gives (``indirect``) with a content span: reported
   speech, "according to", "accused … of";
3. speakers classified and resolved (``speakers``), certainty (``certainty``).

A French document goes to ``claims.french`` instead (French cues, a UD parse).
"""

from __future__ import annotations

import bisect
from itertools import accumulate
from typing import Any

from newsgraph.budget import checkpoint
from newsgraph.extract.claims.certainty import certainty
from newsgraph.extract.claims.french import extract_french_claims
from newsgraph.extract.claims.indirect import Attribution, find_attributions
from newsgraph.extract.claims.polarity import negated_cue, negation
from newsgraph.extract.claims.quotes import Quote, find_quotes
from newsgraph.extract.claims.speakers import classify_speaker, resolve_speaker_why
from newsgraph.model.claims import Claim, ClaimCue, ClaimSpan, claim_id, quotation_sources
from newsgraph.model.document import AnnotatedDocument

__all__ = ["RULE_CONFIDENCE", "extract_claims"]

#: Prior confidence of each rule: how often its claims were right on PolNeAR train
#: in development (rounded), so consumers can filter the weaker patterns.
RULE_CONFIDENCE: dict[str, float] = {
    "quote+cue": 0.9,
    "quote+cue-line": 0.75,
    "quote-continues-speaker": 0.5,
    "quote-after-report": 0.5,
    "complement": 0.75,
    "according-to": 0.8,
    "inverted": 0.65,
    "object": 0.55,
}

#: An attribution line after a quote paragraph ("said the minister.") is this short.
CUE_LINE_MAX_WORDS = 12


def _para_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    ps = text.rfind("\n", 0, start) + 1
    pe = text.find("\n", end)
    return ps, len(text) if pe < 0 else pe


def _overlaps(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


class _CueIndex:
    """The attributions whose cue starts in ``[lo, hi)``, in their original order.

    Every quote looks only at the cues of its own paragraph and the lines around it;
    asking each quote to scan every cue of the document made extraction quadratic in
    the length of the text.
    """

    def __init__(self, atts: list[Attribution]):
        self.order = sorted(range(len(atts)), key=lambda k: atts[k].cue[0])
        self.starts = [atts[k].cue[0] for k in self.order]
        self.atts = atts

    def between(self, lo: int, hi: int) -> list[Attribution]:
        ks = self.order[bisect.bisect_left(self.starts, lo):bisect.bisect_left(self.starts, hi)]
        return [self.atts[k] for k in sorted(ks)]


class _Reach:
    """Whether any of a fixed set of spans contains, overlaps or lies inside a given span,
    answered by bisection over prefix maxima / suffix minima instead of a scan of all."""

    def __init__(self, spans: list[tuple[int, int]]):
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.max_end = list(accumulate((e for _, e in spans), max))
        self.min_end_after = list(accumulate((e for _, e in reversed(spans)), min))[::-1]

    def contains(self, a: tuple[int, int]) -> bool:
        """Some span ``(s, e)`` with ``s <= a[0]`` and ``a[1] <= e``."""
        k = bisect.bisect_right(self.starts, a[0])
        return k > 0 and self.max_end[k - 1] >= a[1]

    def overlaps(self, a: tuple[int, int]) -> bool:
        """Some span ``(s, e)`` with ``a[0] < e`` and ``s < a[1]``."""
        k = bisect.bisect_left(self.starts, a[1])
        return k > 0 and self.max_end[k - 1] > a[0]

    def inside(self, lo: int, hi: int) -> bool:
        """Some span ``(s, e)`` with ``lo <= s`` and ``e <= hi``."""
        k = bisect.bisect_left(self.starts, lo)
        return k < len(self.starts) and self.min_end_after[k] <= hi


def _leads_into(text: str, a: Attribution, q: Quote) -> bool:
    """Does the attribution of one quotation run straight into the next ("“…,” he argued.
    “We have …”")? Then the next is the same speaker's, before any cue further away."""
    end = max(a.cue[1], a.speaker[1] if a.speaker is not None else 0)
    return end <= q.start and text[end : q.start].strip() in ("", ".", ":", ",")


def _pick_cue(text: str, q: Quote, cues: _CueIndex) -> tuple[Attribution | None, str]:
    ps, pe = _para_bounds(text, q.start, q.end)
    near = [
        a
        for a in cues.between(ps, pe)
        if ps <= a.cue[0] < pe
        and not (q.start <= a.cue[0] < q.end)
        and a.speaker is not None
        and (
            a.content is None or _overlaps(a.content, (q.start, q.end)) or a.rule in ("bare-cue", "inverted")
            or _leads_into(text, a, q)
        )
    ]
    if near:

        def dist(a: Attribution) -> int:
            return a.cue[0] - q.end if a.cue[0] >= q.end else q.start - a.cue[1] + 1

        return min(near, key=dist), "quote+cue"
    # A cue line ending the previous paragraph with a colon ("Kim said:")
    prev_end = text.rfind("\n", 0, ps - 1) if ps > 0 else -1
    prev = text[prev_end + 1 : ps].strip()
    if prev.endswith(":"):
        cands = [a for a in cues.between(prev_end + 1, ps) if a.speaker is not None]
        if cands:
            return cands[-1], "quote+cue-line"
    # A short attribution line after ("— said the minister.")
    nxt_end = text.find("\n", pe + 1)
    nxt = text[pe + 1 : nxt_end if nxt_end >= 0 else len(text)]
    if nxt.strip() and len(nxt.split()) <= CUE_LINE_MAX_WORDS:
        cands = [a for a in cues.between(pe + 1, pe + 2 + len(nxt)) if a.speaker is not None]
        if cands:
            return cands[0], "quote+cue-line"
    return None, ""


def _surname(span: ClaimSpan | None) -> str:
    """The last word of a speaker's name, before any apposition ("Craig Mackey, the chief
    constable" → "mackey")."""
    if span is None:
        return ""
    words = span.text.split(",")[0].replace("’s", "").replace("'s", "").split()
    return words[-1].lower() if words else ""


def _same_speaker(att: Attribution, claim: Claim, doc: Any) -> bool:
    """Does a cue between two quotations report the first one's speaker again ("Craig
    Mackey said: '…' He said no one … '…'")? Its speaker is the same name, or a pronoun
    that resolves to it; then the next quotation with no cue of its own is still theirs."""
    if att.speaker is None:
        return False
    named = claim.speaker_ref if claim.speaker_ref is not None else (
        claim.speaker if claim.speaker_kind == "named" else None)
    want = _surname(named)
    if not want:
        return False
    kind = classify_speaker(att.speaker_head, att.speaker, doc)
    if kind == "named":
        return _surname(_span(doc.text, att.speaker)) == want
    if kind != "pronoun":
        return False
    ref, _ = resolve_speaker_why(kind, att.speaker_head, att.speaker, doc)
    return _surname(ref) == want


def _report_before(text: str, q: Quote, cues: _CueIndex) -> Attribution | None:
    """The reported speech a cue-less quotation directly follows in its paragraph ("Mr Wong
    says the software is only useful for digital images. "If I took a random picture …""):
    news copy gives the speaker once, in the report, and the quotation that follows goes
    on in their words. Only when nothing but the report's closing punctuation stands
    between them."""
    ps = text.rfind("\n", 0, q.start) + 1
    reports = [a for a in cues.between(ps, q.start) if a.speaker is not None and a.content is not None
               and a.rule == "complement" and a.content[1] <= q.start]
    if not reports:
        return None
    a = max(reports, key=lambda r: r.content[1])
    gap = text[a.content[1] : q.start]
    return a if gap.strip() in (".", "") and a.speaker[1] <= a.content[0] else None


def _span(text: str, s: tuple[int, int] | None) -> ClaimSpan | None:
    return None if s is None else ClaimSpan(s[0], s[1], text[s[0] : s[1]])


def _evidence(adoc: AnnotatedDocument, spans: list[tuple[int, int] | None],
              starts: list[int]) -> ClaimSpan:
    """The sentences around ``spans`` (``starts``: the sentences' start offsets, in order)."""
    lo = min(s[0] for s in spans if s)
    hi = max(s[1] for s in spans if s)
    # Sentences are in text order and never overlap: only the last one starting at or
    # before an offset can hold it.
    k = bisect.bisect_right(starts, lo) - 1
    if k >= 0 and adoc.sentences[k].start <= lo < adoc.sentences[k].end:
        lo = adoc.sentences[k].start
    k = bisect.bisect_left(starts, hi) - 1
    if k >= 0 and adoc.sentences[k].start < hi <= adoc.sentences[k].end:
        hi = adoc.sentences[k].end
    return ClaimSpan(lo, hi, adoc.document.text[lo:hi])


def _tokens(doc: Any, span: tuple[int, int]) -> list[Any]:
    sp = doc.char_span(span[0], span[1], alignment_mode="expand")
    return list(sp) if sp is not None else []


def _make(
    adoc: AnnotatedDocument,
    att: Attribution | None,
    content: tuple[int, int],
    quote_type: str,
    rule: str,
    speaker_from: Claim | None = None,
    sentence_starts: list[int] | None = None,
) -> Claim:
    doc = adoc.doc
    text = adoc.document.text
    did = adoc.document.id
    cue = cue_tok = None
    speaker = speaker_ref = channel = None
    kind: str | None = None
    why = ""
    if att is not None:
        cue_tok = None if att.cue_lemma == "according to" else doc.char_span(att.cue[0], att.cue[1])
        cue_tok = cue_tok[0] if cue_tok is not None and len(cue_tok) else None
        negators = negation(cue_tok)
        # a negated cue is shown with its negation ("have not reported"), never as "reported"
        cs, ce = negated_cue(cue_tok, negators) if negators else att.cue
        cue = ClaimCue(cs, ce, text[cs:ce], att.cue_lemma)
        speaker = _span(text, att.speaker)
        channel = _span(text, att.channel)
        if att.speaker is not None:
            kind = classify_speaker(att.speaker_head, att.speaker, doc)
            speaker_ref, why = resolve_speaker_why(kind, att.speaker_head, att.speaker, doc, exclude=content)
    elif speaker_from is not None:
        speaker, kind, speaker_ref = speaker_from.speaker, speaker_from.speaker_kind, speaker_from.speaker_ref
        cue = speaker_from.cue
    cert, hedge = certainty(att.cue_lemma if att else "", cue_tok, _tokens(doc, content))
    starts = sentence_starts if sentence_starts is not None else [x.start for x in adoc.sentences]
    evidence = _evidence(adoc, [content, att.cue if att else None, att.speaker if att else None], starts)
    return Claim(
        id=claim_id(did, content[0], content[1]),
        doc=did,
        content=ClaimSpan(content[0], content[1], text[content[0] : content[1]]),
        speaker=speaker,
        speaker_kind=kind,
        cue=cue,
        certainty=cert,
        quote_type=quote_type,
        sentence=evidence,
        # an unresolved pronoun or role says why, so the analyst sees it was looked for
        rule=f"{rule}; speaker unresolved: {why}" if why else rule,
        confidence=RULE_CONFIDENCE.get(rule, 0.5),
        speaker_ref=speaker_ref,
        channel=channel,
        hedge=hedge,
    )


def extract_claims(adoc: AnnotatedDocument) -> list[Claim]:
    """Every attributed claim of a document, in text order (``_claims_of``); records on
    ``adoc.quotations`` the direct quotations among them that have a speaker, which
    within-document entity chaining reads (so resolution needs no extractor of its own)."""
    claims = _claims_of(adoc)
    adoc.quotations = quotation_sources(claims)
    return claims


def _claims_of(adoc: AnnotatedDocument) -> list[Claim]:
    """Every attributed claim of a document, in text order.

    adoc (AnnotatedDocument): needs its transient spaCy ``doc`` (the parse);
        a document without one (unannotated, or loaded from the store) gives [].
    RETURNS (list[Claim]): one per content span; ``speaker`` None when the quote or
        clause has no attribution the rules can find.
    """
    if not adoc.annotated or adoc.doc is None:
        return []
    if adoc.document.language == "fr":  # French cues and a UD parse: its own rules
        return extract_french_claims(adoc)
    text = adoc.document.text
    atts = find_attributions(adoc.doc)
    quotes = find_quotes(text)
    fragment = [q.is_fragment(text) for q in quotes]
    long_quotes = [q for q, frag in zip(quotes, fragment, strict=True) if not frag]
    cues = _CueIndex(atts)
    starts = [x.start for x in adoc.sentences]
    claims: list[Claim] = []
    used: set[int] = set()
    last_quote_claim: Claim | None = None
    last_att: Attribution | None = None
    for q in long_quotes:
        checkpoint("claim extraction")
        content = (q.inner_start, q.inner_end)
        # strip trailing punctuation inside the marks (",” he said")
        while content[1] > content[0] and text[content[1] - 1] in ",;: ":
            content = (content[0], content[1] - 1)
        att, rule = _pick_cue(text, q, cues)
        if att is not None:
            used.add(id(att))
            claim = _make(adoc, att, content, "direct", rule, sentence_starts=starts)
            last_att = att
        elif (
            last_quote_claim is not None
            and last_quote_claim.speaker is not None
            and text[last_quote_claim.content.end : q.start].count("\n") <= 2
            and all(a is last_att or _same_speaker(a, last_quote_claim, adoc.doc)
                    for a in cues.between(last_quote_claim.content.end, q.start))
        ):
            claim = _make(
                adoc, None, content, "direct", "quote-continues-speaker", speaker_from=last_quote_claim,
                sentence_starts=starts,
            )
        elif (report := _report_before(text, q, cues)) is not None:
            claim = _make(adoc, report, content, "direct", "quote-after-report", sentence_starts=starts)
            last_att = report
        else:
            last_quote_claim = None
            continue
        claims.append(claim)
        last_quote_claim = claim
    quote_parts = _Reach([part for q in long_quotes for part in q.parts])
    quote_spans = _Reach([(q.start, q.end) for q in long_quotes])
    fragments = _Reach([(q.start, q.end) for q, frag in zip(quotes, fragment, strict=True) if frag])
    for att in atts:
        checkpoint("claim extraction")
        if id(att) in used or att.content is None:
            continue
        if att.content[1] - att.content[0] < 3:
            continue
        if quote_parts.contains(att.cue):
            continue  # a cue inside someone's quotation is part of what they said
        if quote_spans.overlaps(att.content):
            continue
        if att.rule == "according-to":
            qtype = "according_to"
        elif fragments.inside(att.content[0], att.content[1] + 1):
            qtype = "mixed"
        else:
            qtype = "indirect"
        claims.append(_make(adoc, att, att.content, qtype, att.rule, sentence_starts=starts))
    claims.sort(key=lambda c: c.content.start)
    # one claim per content span
    seen: set[tuple[int, int]] = set()
    out = []
    for c in claims:
        key = (c.content.start, c.content.end)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out
