"""Names in a document's title, linked to the document's entities.

Owns turning ``AnnotatedDocument.title_mentions`` (the NER model's names in the title,
``nlp.annotate``; offsets into the title) into chain mentions with ``field == "title"``.
Each is matched against the text's chains by the within-document chainer's own name
matching (``within.ChainBuilder.link_name``: the same name, a variant, a surname or given name
of the one full name that fits — "Lohan" in the headline is the text's "Lindsay
Lohan" —, an acronym, a typo) and, when it matches, goes with that chain
(``Chain.title_mentions``) without changing what the chain is matched, named or typed
by. A name only the title has becomes a chain of its own (its ``mentions`` are title
mentions), resolved across documents like a name in the text; a second mention of it
in the same title joins it.

The text's chains are built first and do not see the title: headline mentions change
nothing of what the text's mentions link to (pronouns, descriptions and events are read
from the text). The model is fooled by headline capitals even after recasing
(``nlp.headline``); which title mentions are kept was decided on a hand sample: see
``keep``.
"""

from __future__ import annotations

import re

from newsgraph.model.document import AnnotatedDocument, Mention
from newsgraph.nlp.headline import common_word, headline_case, name_evidence
from newsgraph.resolve.entities.names import GENERATIONAL_SUFFIXES, ParsedName, compact, parse_name
from newsgraph.resolve.entities.settings import ResolverOptions
from newsgraph.resolve.entities.within import Chain, ChainBuilder, ChainMention, partial_fits

__all__ = ["headline_chains", "keep"]

#: What ``ChainMention.reason`` says of a headline name no text mention matched.
TITLE_ONLY = "named in the title only"


def keep(m: Mention, linked: bool, title: str, text: str) -> bool:
    """Whether a headline mention is kept. A name the text's chains take by name matching
    always. A name only the title has when the title is in sentence case, where the
    tagger reads capitals as in running text — but in a Title Case or UPPER CASE headline
    (``nlp.headline.headline_case``), or when it is written all in capitals ("IR", "MIA",
    "LIKELY FOE"), only when each of its words is one the text writes capitalised or
    WordNet knows only as a name (``name_evidence``). Hand-checked on the development
    half (odd ECB+ topics, odd-numbered BBC files), such names were mostly words the
    tagger took for names: "Rehab", "Rehires", "Prison Van", "Centre" in headline case;
    "DUI", "IR", "MIA" in capitals (5 of 6 wrong)."""
    if linked:
        return True
    if headline_case(title) or m.text.isupper():
        return name_evidence(m.text, text)
    return True


def _contained(builder: ChainBuilder, m: ChainMention, parsed: ParsedName, n_text: int) -> int | None:
    """The one chain of the text whose only names are one word that the title's fuller name
    holds as a person's surname or given name, or as an organisation's or place's first
    word ("Lohan" in the text, "Lindsay Lohan" in the title): ``within``'s partial match
    read the other way."""
    # "Arcade Joseph Comeaux Jr": the surname is the last word before a generational suffix.
    parts = [compact((t,)) for t in parsed.tokens]
    while len(parts) > 1 and parts[-1] in GENERATIONAL_SUFFIXES:
        parts.pop()
    found: list[int] = []
    for i, c in enumerate(builder.chains[:n_text]):
        if c.kind != "name":
            continue
        names = [parse_name(n) for n in c.names()]
        if not names or any(p.is_multi or p.acronym_form or not p.tokens for p in names):
            continue
        if all(partial_fits(p.compact, parts, m.label, builder.chain_label(i)) for p in names):
            found.append(i)
    return found[0] if len(found) == 1 else None


def headline_chains(chains: list[Chain], adoc: AnnotatedDocument, options: ResolverOptions) -> list[Chain]:
    """Link the title's names to ``chains`` (appended to their ``title_mentions``); return
    the new chains of names only the title has."""
    if not adoc.document.title:
        return []
    builder = ChainBuilder(adoc, options)
    builder.chains = list(chains)
    # The builder's indexes as the text's mentions left them, in text order.
    for _start, idx, m in sorted(((m.start, i, m) for i, c in enumerate(chains) for m in c.mentions),
                                 key=lambda x: (x[0], x[1])):
        parsed = parse_name(m.name_text) if m.kind == "name" else None
        builder.touch(idx, m, parsed)
        if m.kind == "name" and m.method == "found" and not m.referring:
            builder.define_acronym(m, idx)
    new: list[Chain] = []
    for tm in sorted(adoc.title_mentions, key=lambda x: (x.start, -x.end)):
        m = ChainMention(tm.start, tm.end, tm.text, tm.label, -1, "name", field="title", rule="headline")
        parsed = parse_name(m.name_text)
        if not parsed.tokens:
            continue
        idx = builder.link_name(m, parsed)
        if idx is None and parsed.is_multi:
            idx = _contained(builder, m, parsed, len(chains))
            if idx is not None:
                m.method, m.score = "partial", 0.9
                m.reason = f"the text's {builder.chains[idx].best_name().surface!r} is part of this name"  # type: ignore[union-attr]
        if idx is not None and idx >= len(chains):  # a name the title has twice
            builder.chains[idx].mentions.append(m)
            continue
        if idx is not None:
            builder.chains[idx].title_mentions.append(m)
            continue
        if not keep(tm, False, adoc.document.title, adoc.document.text):
            continue
        m.method, m.score, m.reason = "found", 1.0, TITLE_ONLY
        chain = Chain(adoc.document.id, [m], adoc.document.published)
        builder.chains.append(chain)
        new.append(chain)
        builder.touch(len(builder.chains) - 1, m, parsed)
    if options.headline_text_names:
        _text_names(builder, chains, adoc.document.title, new)
    if options.headline_descriptions and adoc.title_heads:
        _text_descriptions(builder, chains, adoc, new)
    return new


#: Rules of a description's link too weak to carry it to the title (``""``: a common-noun
#: span the chainer met as a name, not a description it linked).
_WEAK_DESCRIPTION_RULES = frozenset({"", "only-candidate"})


def _text_descriptions(builder: ChainBuilder, chains: list[Chain], adoc: AnnotatedDocument,
                       new: list[Chain]) -> None:
    """Head nouns of the title (``AnnotatedDocument.title_heads``) that describe exactly
    one chain of the text: a chain whose description has that head lemma in the same number
    ("the driver" … headline "Driver Charged"; "two guards" … "Handcuffs Guards"), kept by a
    rule other than ``only-candidate``, or a person the text describes with that noun
    ("receiver Vincent Jackson" … "Chargers Receiver Arrested"). Two chains described alike
    ("a man" twice, two reports' "the woman") mean no link: the headline may be about
    either. Outside the title's mentions already linked."""
    owners: dict[tuple[str, bool], set[int]] = {}
    for i, c in enumerate(chains):  # named entities and unnamed participants ("a woman … her") alike
        person = builder.chain_label(i) == "PERSON"
        for m in c.mentions:
            if m.field != "text":
                continue
            # A description kept by a rule that reads the text's structure, not one kept as
            # the only candidate in reach: hand-checked on the development half, a headline
            # word taken through those was wrong 6 times in 11 (a hit-and-run's victim as the
            # "Driver" the text's "the driver" was wrongly linked to).
            if m.kind == "nominal" and m.head and m.rule not in _WEAK_DESCRIPTION_RULES:
                owners.setdefault((m.head.lower(), m.plural), set()).add(i)
            elif m.kind == "name" and person:  # "receiver Vincent Jackson" … "Chargers Receiver"
                for d in m.descriptors:
                    owners.setdefault((d.lower(), False), set()).add(i)
    if not owners:
        return
    title = adoc.document.title or ""
    taken = [(m.start, m.end) for c in chains + new for m in (c.title_mentions or c.mentions)
             if m.field == "title"]
    for start, end, lemma, plural in adoc.title_heads:
        idx = owners.get((lemma, plural), set())
        if len(idx) != 1 or any(s < end and start < e for s, e in taken):
            continue
        i = next(iter(idx))
        word = title[start:end]
        m = ChainMention(start, end, word, builder.chain_label(i), -1, "nominal", field="title",
                         rule="headline-description", method="partial", score=0.8,
                         reason=f"the text describes this entity as {lemma!r}, the title as {word!r}")
        chains[i].title_mentions.append(m)
        taken.append((start, end))


#: A word of a title or a name (letters, digits, inner apostrophes and periods: "O'Neil", "U.S").
_WORD = re.compile(r"[^\W_](?:[\w'’.&-]*[^\W_])?")


def _forms(chain: Chain, label: str) -> set[tuple[str, ...]]:
    """The word sequences a title may name a chain of the text by: each of its names as
    the text writes it, and a person's surname (the last word before a generational
    suffix), as ``within`` links a bare surname, and the plural noun an organisation's
    name ends with ("Colts"). Not an organisation's singular last word: "Center" of "the
    Betty Ford Center" in "checks into Betty Ford Center" is no name of its own."""
    out: set[tuple[str, ...]] = set()
    for m in chain.mentions:
        if m.kind != "name" or m.field != "text" or m.rule == "government":
            continue
        words = tuple(_WORD.findall(m.name_text))
        if not words:
            continue
        out.add(words)
        core = list(words)
        while len(core) > 1 and core[-1].lower().rstrip(".") in GENERATIONAL_SUFFIXES:
            core.pop()
        if len(core) > 1 and label == "PERSON":
            out.add((core[-1],))
        elif len(core) > 1 and label == "ORG" and core[-1].endswith("s") and not core[-1].isupper():
            # A team or party is called by the plural noun its name ends with ("Colts" of
            # "Indianapolis Colts"), as ``nlp.repeated_names`` reads the text.
            out.add((core[-1],))
    return {f for f in out if len("".join(f)) > 1}


def _text_names(builder: ChainBuilder, chains: list[Chain], title: str, new: list[Chain]) -> None:
    """Names of the text's chains that the title writes but the tagger did not find there
    ("Wenger offers Mutu hope" after "Arsene Wenger" and "Adrian Mutu" in the text; a team
    the tagger misses in a headline): each capitalised word sequence of the title that is a
    name (``_forms``) of exactly one chain, longest first, outside the title's mentions
    already found. An UPPER CASE title matches regardless of case."""
    owners: dict[tuple[str, ...], set[int]] = {}
    for i, c in enumerate(chains):
        if c.kind != "name" or c.unresolved or any(m.referring for m in c.mentions[:1]):
            continue
        label = builder.chain_label(i)
        for f in _forms(c, label):
            owners.setdefault(f, set()).add(i)
    if not owners:
        return
    upper = title.isupper()
    case = headline_case(title)
    taken = [(m.start, m.end) for c in chains + new for m in (c.title_mentions or c.mentions)
             if m.field == "title"]
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(title)]
    longest = max(len(f) for f in owners)
    k = 0
    while k < len(words):
        hit = None
        for n in range(min(longest, len(words) - k), 0, -1):
            span = words[k:k + n]
            if not span[0][2][:1].isupper():
                break
            if case and n == 1 and common_word(span[0][2].lower()):
                continue  # "Luck" in a Title Case headline says nothing about Andrew Luck
            key = tuple(w.upper() if upper else w for _, _, w in span)
            found = [i for f, idx in owners.items()
                     if (tuple(x.upper() for x in f) if upper else f) == key for i in idx]
            if len(set(found)) == 1:
                hit = (span[0][0], span[-1][1], found[0])
                break
        if hit is None:
            k += 1
            continue
        start, end, idx = hit
        k += len(_WORD.findall(title[start:end]))
        if any(s < end and start < e for s, e in taken):
            continue
        text = title[start:end]
        best = chains[idx].best_name()
        method = "exact" if best and best.surface == text else "partial"
        m = ChainMention(start, end, text, builder.chain_label(idx), -1, "name", field="title",
                         rule="headline-text-name", method=method, score=0.9,
                         reason="a name of the text's chain, written in the title")
        chains[idx].title_mentions.append(m)
        taken.append((start, end))
