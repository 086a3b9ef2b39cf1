"""Partial reading of an article in a language no installed pipeline reads (issue 18).

Owns ``read_partially(document) -> AnnotatedDocument``, ``partial_facts(adoc)`` and
``what_was_read(model)``; ``nlp.annotate`` routes a document here when its language is
neither English nor one of ``settings.LANGUAGE_MODELS``, and ``facts`` asks
``partial_facts`` for its dates and places.

Why not spaCy's trained pipelines: none is installed for these languages (each would be a
new dependency of 15–500 MB, and most of the world's languages have none at all), and a
model of another language must not read them (``nlp.annotate`` refuses). What works
without a model of the language, and is done here:

- **Sentences and tokens**: a blank spaCy pipeline of the language (its tokenizer
  exceptions: "Dr.", German ordinals "3.") with the rule-based ``sentencizer``; spaCy's
  multi-language ``xx`` where spaCy has no class for the language. No model, no download.
- **Names by capitalisation**, where the script has case (``_cased``: Latin, Greek,
  Cyrillic, Armenian; not Arabic, Hebrew, CJK, Indic scripts): runs of capitalised words,
  joined through short lower-case words when the whole is a known name ("Organización
  de las Naciones Unidas"). Left out: a sentence's first word unless the document also
  writes it capitalised inside a sentence (and never in lower case) or it is a known
  name; month and weekday names (CLDR, via Babel); a run right after a number ("2
  Milliarden Kronen": a unit); a single word the text also writes in lower case; a single
  word that is a common word of the language rather than a name (``_word_like``: frequent
  in the language's wordfreq list, much rarer in English — names travel between languages
  with their frequency, common nouns do not); a run of such words only. German (and
  Luxembourgish) capitalise every noun (``NOUN_CAPITALISING``), so there a single
  capitalised word is taken for a noun unless it is a known name, an acronym, or the
  first or last word of a longer name of the same text ("Merkel" after "Angela Merkel";
  rule ``part-of-name``, which also keeps a word-like surname in any language). Each
  mention's ``rule`` says which of these found it: ``known-name``,
  ``capitalised-sequence``, ``capitalised-word``, ``acronym``, ``part-of-name``.
- **Types only from the tables**: a name the gazetteer or the cross-language tables know
  (``nlp.crosslingual_names``: CLDR country and region names in en/fr/es/de, large
  cities' GeoNames alternate names, international organisations; ``nlp.places`` for the
  gazetteer; a city of ``METROPOLIS_POPULATION`` by any of its alternate names) is GPE,
  LOC or ORG; every other name is ``NAME``: untyped, since nothing here can tell a person
  from a company. A one-word city alias is doubted where it is more likely a word: after
  an article (``DETERMINERS``: "den Namen" is not Namur), written in lower case elsewhere
  in the text ("Los"), in capitals (a code: "PISA"), or a frequent English word that is
  no city's own name ("Bush", "Google").
- **Dates**: dateparser's multilingual search (``nlp.partial_times``); an undated
  document takes the date of its dateline (``_infer_date``).
- **Places**: the typed names go to ``nlp.places.link_places`` like any place mention.

Not read, and said so on the article page: claims and events (their cues, triggers and
argument roles are words and syntax of a language), pronouns and descriptions, and the
person/organisation type of names no table knows.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newsgraph.model import AnnotatedDocument, Document, Mention, Sentence
from newsgraph.model.claims import PlaceMention, TimeExpression

__all__ = ["NAME_LABEL", "NOUN_CAPITALISING", "PARTIAL_MODEL", "PartialFacts", "partial_facts",
           "read_partially", "what_was_read"]

#: The ``model`` recorded for a document read here: "partial:" and what was read of it.
PARTIAL_MODEL = "partial"
#: The label of a name whose type no table knows.
NAME_LABEL = "NAME"
#: Languages whose orthography capitalises every noun (German, Luxembourgish).
NOUN_CAPITALISING: frozenset[str] = frozenset({"de", "lb"})
#: Share of a text's letters that must be cased for its script to "have case".
CASED_SHARE = 0.5
#: The longest run of lower-case words a name may hold ("de las" in "Organización de las
#: Naciones Unidas"), and how long each may be; kept only when the whole is a known name.
MAX_CONNECTORS = 2
CONNECTOR_CHARS = 3
#: ``_word_like``: a capitalised word this frequent in its language (wordfreq Zipf scale)
#: and this much rarer in English is a common word, not a name (tuned on newstest2008–2010,
#: ``newsgraph bench partial-reading``).
WORD_MIN_ZIPF = 3.0
WORD_GAP = 1.5
#: German: a single capitalised word no table knows is taken for a noun (True), or kept
#: when ``_word_like`` does not call it a common word (False).
NOUNS_SINGLE_OFF = True
#: A run of capitalised words that are all common words of the language is no name.
SEQUENCE_WORDS_OFF = True
#: A one-word city name right after one of these is a common noun ("den Namen" is not
#: Namur, "die Türen" not Turin): the definite articles of ``crosslingual_names.LEADING_ARTICLES``
#: (en/fr/es/de) with the indefinite ones and German and Spanish article contractions (not
#: English "a", a Spanish and Italian preposition: "a Madrid").
DETERMINERS: frozenset[str] = frozenset({
    "the", "le", "la", "les", "l'", "un", "une", "el", "los", "las", "una", "unos", "unas",
    "del", "al", "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einem", "einen",
    "eines", "im", "am", "zum", "zur", "vom", "beim", "ins",
})
#: A city this large is what its alternate name means ("Rom" is Rome): typed GPE like the
#: cross-language tables' cities (``crosslingual_names.METROPOLIS_POPULATION``).
METROPOLIS_POPULATION = 1_000_000
#: A one-word alternate name of a city (no city's own name) this frequent in English
#: (wordfreq Zipf) is an English word or name first ("Bush", "Google"), not the city.
ALIAS_ENGLISH_ZIPF = 4.0
#: What each part of a partial reading is called on the article page.
READ_PARTS: dict[str, str] = {
    "names": "names by capitalisation (untyped unless a gazetteer or name table knows them)",
    "dates": "dates (dateparser, against the document date)",
    "places": "places by gazetteer and CLDR names",
}
NOT_READ: tuple[str, ...] = (
    "claims and events: their cues and triggers are words and syntax of a language no "
    "installed pipeline reads",
    "pronouns and descriptions",
    "person and organisation types of names no table knows",
)
_QUOTES = "\"'“”„‘’«»‹›‚([¿¡-–—"


def _cased(text: str) -> bool:
    """Whether most of the text's letters are upper or lower case (the script has case)."""
    letters = [ch for ch in text[:5000] if ch.isalpha()]
    if not letters:
        return False
    return sum(1 for ch in letters if ch.islower() or ch.isupper()) / len(letters) >= CASED_SHARE


@lru_cache(maxsize=8)
def _blank(language: str) -> Any:
    """A blank spaCy pipeline of ``language`` (``xx`` if spaCy has none) with a sentencizer."""
    import spacy

    try:
        nlp = spacy.blank(language)
    except Exception:  # noqa: BLE001 - spaCy has no class for this language: multi-language rules
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    return nlp


def what_was_read(model: str | None) -> list[str] | None:
    """The parts of a partial reading named by the stored ``model`` ("partial:names,dates"),
    or None when the document was not read partially."""
    if not model or not model.startswith(PARTIAL_MODEL + ":"):
        return None
    return [p for p in model.split(":", 1)[1].split(",") if p in READ_PARTS]


def read_partially(document: Document) -> AnnotatedDocument:
    """Sentences and names of a document no pipeline reads (see the module docstring)."""
    from newsgraph.nlp.partial_times import supports_dates

    language = (document.language or "xx").split("-")[0].lower()
    doc = _blank(language)(document.text)
    sentences = _sentences(doc, document.text)
    cased = _cased(document.text)
    mentions = _names(doc, sentences, document.text, language) if cased else []
    parts = [p for p, ok in (("names", cased), ("dates", supports_dates(language)), ("places", cased)) if ok]
    reason = (f"language is {document.language!r}; no installed pipeline reads it: read partially"
              + ("" if cased else " (its script has no capital letters: no names)"))
    return AnnotatedDocument(document=document, sentences=sentences, mentions=mentions, annotated=True,
                             reason=reason, model=f"{PARTIAL_MODEL}:{','.join(parts)}")


def _sentences(doc: Any, text: str) -> list[Sentence]:
    """The sentencizer's sentences, also cut at line breaks (a title line, a dateline)."""
    out = []
    for sent in doc.sents:
        start = sent.start_char
        for line in re.finditer(r"[^\n]+", text[sent.start_char:sent.end_char]):
            if line.group(0).strip():
                out.append(Sentence(start + line.start(), start + line.end()))
    return out


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    text: str
    sentence: int
    first: bool  # the sentence's first word


def _tokens(doc: Any, sentences: list[Sentence]) -> list[_Token]:
    import bisect

    starts = [s.start for s in sentences]
    out: list[_Token] = []
    last = -1
    for tok in doc:
        if tok.is_space or not tok.text.strip():
            continue
        i = max(0, bisect.bisect_right(starts, tok.idx) - 1)
        if i != last and (tok.is_punct or tok.text in _QUOTES):
            continue  # an opening quote or dash: the word after it starts the sentence
        out.append(_Token(tok.idx, tok.idx + len(tok.text), tok.text, i, i != last))
        last = i
    return out


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and any(ch.isalpha() for ch in word)


def _acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


@lru_cache(maxsize=32)
def _calendar_words(language: str) -> frozenset[str]:
    """Month and weekday names of ``language`` (CLDR via Babel), lower case: capitalised in
    German and English, they are dates, not names."""
    try:
        from babel import Locale

        loc = Locale.parse(language)
    except Exception:  # noqa: BLE001 - a language CLDR does not know: none
        return frozenset()
    words: set[str] = set()
    for table in (loc.months, loc.days):
        for context in table.values():
            for width in ("wide", "abbreviated"):
                words.update(str(v).lower().rstrip(".") for v in context.get(width, {}).values())
    return frozenset(w for w in words if len(w) > 2)


@lru_cache(maxsize=65536)
def _word_like(word: str, language: str) -> bool:
    """A capitalised word that is a common word of ``language`` rather than a name: frequent
    in the language (Zipf ≥ ``WORD_MIN_ZIPF`` in wordfreq's list) and much rarer in
    English (by ``WORD_GAP`` or more). Names travel between languages with their
    frequency ("Merkel", "Obama", "Berlin"); common nouns do not ("Regierung",
    "Gobierno"). False for a language wordfreq has no list of."""
    from wordfreq import zipf_frequency

    try:
        own = zipf_frequency(word, language)
    except LookupError:
        return False
    return own >= WORD_MIN_ZIPF and own - zipf_frequency(word, "en") >= WORD_GAP


def _names(doc: Any, sentences: list[Sentence], text: str, language: str) -> list[Mention]:
    """Names by capitalisation (rules in the module docstring), in text order."""
    tokens = _tokens(doc, sentences)
    nouns = language in NOUN_CAPITALISING
    calendar = _calendar_words(language)

    def cap(t: _Token) -> bool:
        return _capitalised(t.text) and t.text.lower().rstrip(".") not in calendar

    inside = Counter(t.text for t in tokens if not t.first and cap(t))
    lower = {t.text for t in tokens if t.text.islower()}
    out: list[Mention] = []
    nouns_left: list[_Token] = []  # single capitalised words taken for nouns or common words
    i = 0
    while i < len(tokens):
        if not cap(tokens[i]):
            i += 1
            continue
        run = [tokens[i]]
        j = i + 1
        while j < len(tokens) and tokens[j].sentence == run[0].sentence:
            if cap(tokens[j]):
                run.append(tokens[j])
                j += 1
                continue
            # Short lower-case words between two capitalised ones ("de las"): kept when
            # the whole is a known name.
            k = j
            while k < len(tokens) and k - j < MAX_CONNECTORS and tokens[k].sentence == run[0].sentence \
                    and tokens[k].text.isalpha() and tokens[k].text.islower() \
                    and len(tokens[k].text) <= CONNECTOR_CHARS:
                k += 1
            if k == j or k >= len(tokens) or tokens[k].sentence != run[0].sentence or not cap(tokens[k]):
                break
            m = k
            while m < len(tokens) and tokens[m].sentence == run[0].sentence and cap(tokens[m]):
                m += 1
            if _known(text[run[0].start:tokens[m - 1].end], language) is None:
                break
            run.extend(tokens[j:m])
            j = m
        after_number = i > 0 and tokens[i - 1].sentence == run[0].sentence \
            and any(ch.isdigit() for ch in tokens[i - 1].text)
        first = i
        i = j
        if after_number and _known(text[run[0].start:run[-1].end], language) is None:
            continue  # "2 Milliarden Kronen", "5 Mio. Euro": a unit after its number
        same = first > 0 and tokens[first - 1].sentence == run[0].sentence
        before = tokens[first - 1].text.lower() if same \
            else ""
        kept = _keep(run, text, language, nouns, inside, lower, before)
        out.extend(kept)
        if not kept and len(run) == 1:
            nouns_left.append(run[0])
    if nouns_left:
        # A word that ends a longer name of the text is that name's short form ("Merkel"
        # after "Angela Merkel"), not a noun or a common word ("Beltrán" is both a Spanish
        # surname and frequent in Spanish).
        surnames = {m.text.split()[-1] for m in out if m.label == NAME_LABEL and " " in m.text}
        out.extend(_mention([t], text, NAME_LABEL, "part-of-name") for t in nouns_left if t.text in surnames)
        out.sort(key=lambda m: m.start)
    return out


def _keep(run: list[_Token], text: str, language: str, nouns: bool, inside: Counter[str],
          lower: set[str], before: str = "") -> list[Mention]:
    """The mention a run of capitalised words makes, if any (see the module docstring);
    ``before`` is the word before the run in its sentence, lower case."""
    if len(run) > 1 and run[0].text.lower() in _articles() and _known(
            text[run[1].start:run[-1].end], language) is not None:
        run = run[1:]  # "Die Europäische Kommission": the article is no part of the name
    whole = text[run[0].start:run[-1].end]
    known = _known(whole, language)
    if known == "GPE-city" and len(run) == 1 and (
            before in DETERMINERS or run[0].text.lower() in lower or run[0].text.lower() in DETERMINERS):
        # "den Namen", "die Länder": a noun after its article, not Namur or Lander; "Los"
        # (Lagos) is written "los" elsewhere: a word, not a city
        known = None
    # A city's alias is no evidence for a sentence's first word ("Dort", German "there",
    # is an alternate name of Dordrecht) unless the text also writes it capitalised inside
    # a sentence; a country's or an organisation's name is.
    if known is not None and not (len(run) == 1 and run[0].first and known == "GPE-city"
                                  and not inside.get(run[0].text)):
        return [_mention(run, text, known, "known-name")]
    if run[0].first:
        head = run[0].text
        # A sentence's first word is capitalised anyway: a name only where the text also
        # writes it capitalised inside a sentence (and never in lower case).
        if not inside.get(head) or head in lower or head.lower() in lower or nouns:
            run = run[1:]
            if not run:
                return []
            known = _known(text[run[0].start:run[-1].end], language)
            if known is not None:
                return [_mention(run, text, known, "known-name")]
    while run and run[-1].text.islower():
        run = run[:-1]
    if not run:
        return []
    if len(run) == 1:
        word = run[0].text
        head = word.split("-")[0]
        if head != word and len(head) >= 2 and (typed := _known(head, language)) is not None:
            # "US-Regierung", "EU-Kommission": a known name compounded with a noun
            return [_mention_span(run[0].start, run[0].start + len(head), run[0].sentence, text, typed,
                                  "known-name")]
        if _acronym(word):
            return [_mention(run, text, NAME_LABEL, "acronym")]
        if word.lower() in lower or word in lower:
            return []  # written in lower case elsewhere in the text: a word, capitalised here
        if _word_like(word, language) or (nouns and (NOUNS_SINGLE_OFF or run[0].first)):
            return []  # a common word of the language (German: every noun is capitalised)
        return [_mention(run, text, NAME_LABEL, "capitalised-word")]
    # "Präsidenten Nicolas Sarkozy": a common word before a name of two words is a title.
    while len(run) > 2 and _word_like(run[0].text, language):
        run = run[1:]
    if SEQUENCE_WORDS_OFF and all(_word_like(t.text, language) for t in run):
        return []  # "Statistische Amt", "Medio Ambiente": common words, capitalised
    return [_mention(run, text, NAME_LABEL, "capitalised-sequence")]


def _articles() -> frozenset[str]:
    from newsgraph.nlp.crosslingual_names import LEADING_ARTICLES

    return LEADING_ARTICLES


def _mention_span(start: int, end: int, sentence: int, text: str, label: str, rule: str) -> Mention:
    return Mention(start=start, end=end, text=text[start:end], label=label.split("-")[0], sentence=sentence,
                   rule=rule)


def _mention(run: list[_Token], text: str, label: str, rule: str) -> Mention:
    from newsgraph.nlp.annotate import trim_mention

    label = label.split("-")[0]  # "GPE-city": a city is a GPE
    start, end = trim_mention(text, run[0].start, run[-1].end)
    return Mention(start=start, end=end, text=text[start:end], label=label, sentence=run[0].sentence,
                   rule=rule)


@lru_cache(maxsize=65536)
def _known(name: str, language: str) -> str | None:
    """The type the tables give a name: GPE for a country or city, LOC for a continent or
    world region, ORG for an international organisation; None if no table knows it."""
    from newsgraph.nlp.crosslingual_names import canonical_tokens, fold_words, known_kind
    from newsgraph.nlp.places import candidates
    from newsgraph.nlp.places_cldr import country_code

    words = fold_words(name)
    canonical = canonical_tokens(words, acronym=_acronym(name.replace(" ", "")))
    if canonical is not None:
        kind = known_kind(canonical)
        typed = {"org": "ORG", "region": "LOC", "city": "GPE-city", "metropolis": "GPE-city"}
        found_type = typed.get(kind or "", "GPE")
        if found_type != "GPE-city" or not _city_alias_doubtful(name):
            return found_type
    if country_code(name, language) is not None:
        return "GPE"
    found = candidates(name)
    if any(c.feature in ("country", "continent", "admin1") for c in found):
        return "LOC" if any(c.feature == "continent" for c in found) else "GPE"
    if len(name) >= 3 and not _city_alias_doubtful(name) \
            and any(c.feature == "city" and c.population >= METROPOLIS_POPULATION for c in found):
        return "GPE-city"  # "Rom": an alternate name of a city of millions (not a code: "ODS")
    return None


def _city_alias_doubtful(name: str) -> bool:
    """A one-word city name that is only some city's alternate name (no city is called so
    in GeoNames) and a frequent English word or name ("Bush" for Būsh, "Google" for
    Topeka), or written in capitals (a code or an acronym: "PISA", "DEKA")."""
    from wordfreq import zipf_frequency

    from newsgraph.nlp.places import candidates

    if " " in name.strip():
        return False
    if name.isupper():
        return True
    return not any(c.primary for c in candidates(name)) and zipf_frequency(name, "en") >= ALIAS_ENGLISH_ZIPF


#: Characters at the top of a text where a full date is its dateline ("Wien, 12. März 2024 –").
DATELINE_WINDOW = 400


def _infer_date(document: Document, language: str) -> str | None:
    """An undated document's date, as ``nlp.time`` infers an English one's: a full date
    (day, month, year) near the top is its dateline and its date (``published``, provenance
    ``inferred:dateline``); else the latest full date it mentions only bounds when it was
    written (``published_not_before``), and relative dates stay without a value."""
    from newsgraph.nlp.partial_times import partial_times

    dated = [t for t in partial_times(document.text, language, None)
             if t.anchored_to == "absolute" and t.value and t.precision in ("day", "time")]
    top = next((t for t in dated if t.start < DATELINE_WINDOW), None)
    if top is not None and top.value:
        document.published = top.value[:10]
        document.provenance["published"] = "inferred:dateline"
        document.provenance["published_inferred"] = "true"
        return document.published
    if dated:
        document.provenance["published_not_before"] = max(t.value or "" for t in dated)[:10]
    return None


@dataclass(slots=True)
class PartialFacts:
    times: list[TimeExpression]
    places: list[PlaceMention]


def partial_facts(adoc: AnnotatedDocument, anchor: str | None) -> PartialFacts:
    """Dates and places of a document read partially; no claims, no events. An undated
    document gets the date of its dateline (``_infer_date``)."""
    from newsgraph.nlp.partial_times import partial_times
    from newsgraph.nlp.places import link_places

    read = what_was_read(adoc.model) or []
    language = (adoc.document.language or "").split("-")[0].lower()
    if not anchor and "dates" in read:
        anchor = _infer_date(adoc.document, language)
    day: dt.date | None = None
    if anchor:
        match = re.match(r"(\d{4})-(\d{2})-(\d{2})", anchor)
        if match:
            day = dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    inferred = adoc.document.provenance.get("published_inferred") == "true"
    times = partial_times(adoc.document.text, language, day, inferred) if "dates" in read else []
    places = link_places(adoc) if "places" in read else []
    return PartialFacts(times, places)
