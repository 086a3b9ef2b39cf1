"""What the pages say about an article's language: its name, and what was and was not read.

Owns ``language_name(code)`` (the English name of an ISO 639-1 code, from the Unicode CLDR
data Babel ships) and ``reading_note(...)``: for an article not in English, a plain
statement of what newsgraph read of it — annotated with which model, or not annotated and
why — and what every article gets whatever its language (cleaning, language detection,
full-text search, with French stemming for French, and links to other articles by shared
passages). An article read partially (``nlp.partial``: a language no pipeline reads) lists
each part of that reading — names by capitalisation, dates, places — with what was found,
and what was not read: claims, events, pronouns. English articles that were annotated get
no note: that is the ordinary case.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from newsgraph.nlp.partial import NOT_READ, READ_PARTS, what_was_read

__all__ = ["ReadingNote", "language_name", "names_by_language", "reading_note"]

#: Languages whose articles are also indexed with a stemmer of their own (store migration 14).
STEMMED_SEARCH: dict[str, str] = {"en": "English stemming", "fr": "French stemming"}


@lru_cache(maxsize=256)
def language_name(code: str | None) -> str:
    """"French" for ``fr``; the code itself when CLDR has no name for it; "unknown" for none."""
    if not code:
        return "unknown"
    try:
        from babel import Locale

        name = Locale("en").languages.get(code.split("-")[0].lower())
    except Exception:  # noqa: BLE001 - Babel missing or a malformed code: the code still says it
        name = None
    return name or code


@dataclass(slots=True)
class ReadingNote:
    """What was read of one article (shown on its page and in the JSON twin)."""

    language: str | None
    language_name: str
    annotated: bool
    reason: str | None  # why it was not annotated, as the annotate stage recorded it
    model: str | None
    read: list[str] = field(default_factory=list)
    not_read: list[str] = field(default_factory=list)


def reading_note(
    language: str | None, annotated: bool, reason: str | None, model: str | None, found: dict[str, int]
) -> ReadingNote | None:
    """The note for an article, or None for an annotated English one. ``found`` counts what
    was extracted (``names``, ``dates``, ``places``, ``claims``, ``events``)."""
    english = (language or "").split("-")[0].lower() == "en"
    if english and annotated:
        return None
    name = language_name(language)
    search = STEMMED_SEARCH.get((language or "").split("-")[0].lower())
    read = [
        "the text was cleaned (boilerplate removed) and its language detected as "
        + (f"{name} ({language})" if language else "unknown"),
        "full-text search" + (f" with {search}" if search else " (words as written, no stemming)"),
        "links to other articles (copies, translations, same story) by shared passages and names",
    ]
    not_read: list[str] = []
    partial = what_was_read(model) if annotated else None
    if partial is not None:
        # Read without a model of its language (nlp.partial): say what, with what was found.
        shown = {"names": "names", "dates": "dates", "places": "places"}
        for part, label in READ_PARTS.items():
            if part in partial:
                read.append(f"{label}: {found.get(shown[part], 0)} found")
            else:
                not_read.append(label + (": its script has no capital letters" if part == "names" else
                                         ": not available for this language"))
        not_read.extend(NOT_READ)
    elif annotated:
        kinds = ("names", "dates", "places", "claims", "events")
        read.append(
            f"annotated by {model or 'the pipeline'}: "
            + ", ".join(f"{found.get(k, 0)} {k}" for k in kinds)
        )
    else:
        not_read.append(
            "names of people, organisations and places, dates, claims and events: the article "
            "was not annotated" + (f" ({reason})" if reason else "")
        )
    return ReadingNote(language, name, annotated, reason, model, read, not_read)


def names_by_language(rows: list[tuple[str | None, str, int]]) -> list[dict[str, object]]:
    """``(language, name, count)`` rows → ``[{language, language_name, names: [{name, count}]}]``,
    languages by mentions (most first), names by count within each."""
    groups: dict[str, dict[str, int]] = {}
    for lang, text, n in rows:
        key = lang or "und"
        groups.setdefault(key, {})
        groups[key][text] = groups[key].get(text, 0) + n
    out = []
    for lang, names in sorted(groups.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
        out.append({
            "language": None if lang == "und" else lang,
            "language_name": language_name(None if lang == "und" else lang),
            "names": [{"name": k, "count": v}
                      for k, v in sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))],
        })
    return out
