"""Partial reading (``nlp.partial``) of German and Spanish news against the English version.

WMT newstest2008–2013 (``../shared/data/multilingual/wmt-newstest``, read its README) has
each article in en, de, es and fr, paired by ``docid``. The English version goes through
the English pipeline (spaCy names, ``nlp.time``, ``nlp.places``); the German and Spanish
versions through the partial reading (names by capitalisation, dateparser dates, places by
gazetteer and CLDR names), all with the date the ``docid`` carries as the document date
(none for a docid without one). Then, per article and language, against its English
version (the English pipeline's output stands in for gold, so every figure is a bound):

- **places**: recall = share of the English version's resolved GPE/LOC places (distinct
  GeoNames ids; places read off nationality adjectives left out, as the partial reading
  has no demonym tables) also resolved in the de/es version; precision = share of the de/es
  version's resolved place mentions whose id the English version resolved too;
- **dates**: recall = share of the English version's normalised calendar values
  (distinct; not PRESENT_REF and the like, not durations) also found; precision = share
  of the de/es date mentions with a value whose value the English version has;
- **names**: precision = share of de/es name mentions that match a name of the English
  version (the same canonical name by ``nlp.crosslingual_names``, or equal after
  ASCII folding, or one's words a contiguous part of the other's, as "Merkel" of "Angela
  Merkel"); recall = share of the English version's distinct names some de/es mention
  matches. Per rule of ``nlp.partial`` too.

Tuned on newstest2008–2010 (the default); report 2011–2013:

    newsgraph bench partial-reading --years 2008-2010
    newsgraph bench partial-reading --years 2011-2013
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter, defaultdict
from typing import Any

from newsgraph.bench import data_dir

__all__ = ["main", "name_key", "names_match", "run"]

_DATE = re.compile(r"(20\d\d)[/-](\d\d)[/-](\d\d)")
_CALENDAR = re.compile(r"^\d{4}(?:-(?:\d\d|W\d\d|Q\d|H\d))?(?:-\d\d)?(?:T\d\d:\d\d)?$")


def _years(spec: str) -> list[str]:
    if "-" in spec:
        lo, hi = (int(x) for x in spec.split("-"))
        return [f"newstest{y}" for y in range(lo, hi + 1)]
    return [f"newstest{int(y)}" for y in spec.split(",")]


def _docs(years: str, limit: int | None) -> list[dict[str, Any]]:
    sets = set(_years(years))
    with (data_dir("multilingual", "wmt-newstest") / "docs.jsonl").open(encoding="utf-8") as fh:
        rows = [d for line in fh if (d := json.loads(line))["set"] in sets]
    return rows[:limit] if limit else rows


def _text(d: dict[str, Any], lang: str) -> str:
    title, body = d[lang]["title"].strip(), d[lang]["body"].strip()
    return f"{title}\n\n{body}" if d.get("headline_marked") else body


def name_key(text: str) -> tuple[str, ...]:
    """A name's canonical words (cross-language tables), else its folded words without a
    leading article."""
    from newsgraph.nlp.crosslingual_names import LEADING_ARTICLES, canonical_tokens, fold_words

    words = fold_words(text)
    acronym = text.replace(".", "").replace(" ", "").isupper()
    canonical = canonical_tokens(words, acronym=acronym)
    if canonical is not None:
        return canonical
    if len(words) > 1 and words[0] in LEADING_ARTICLES:
        words = words[1:]
    return words


def _contiguous(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    n = len(short)
    return any(long[i:i + n] == short for i in range(len(long) - n + 1))


def names_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Equal keys, or one's words a contiguous part of the other's (at least 3 letters)."""
    if not a or not b:
        return False
    if a == b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return len("".join(short)) >= 3 and _contiguous(short, long)


def _english(docs: list[dict[str, Any]], dates: dict[str, str | None]) -> dict[str, dict[str, Any]]:
    from newsgraph.model import Document
    from newsgraph.nlp.annotate import annotate
    from newsgraph.nlp.places import link_places
    from newsgraph.nlp.time import normalise_times

    out = {}
    documents = [Document(id=d["docid"], path=d["docid"], text=_text(d, "en"), language="en",
                          published=dates[d["docid"]]) for d in docs]
    for adoc in annotate(documents):
        places = link_places(adoc)
        times = normalise_times(adoc, adoc.document.published)
        out[adoc.document.id] = {
            "names": {name_key(m.text) for m in adoc.mentions if m.label != "NORP"} - {()},
            # places named (GPE/LOC), not read off a nationality adjective ("American")
            "places": {p.geonameid for p in places if p.geonameid is not None and p.label in ("GPE", "LOC")},
            "dates": {t.value for t in times if t.value and _CALENDAR.match(t.value)},
        }
    return out


def _partial(d: dict[str, Any], lang: str, date: str | None) -> dict[str, Any]:
    from newsgraph.model import Document
    from newsgraph.nlp.partial import partial_facts, read_partially

    doc = Document(id=f"{d['docid']}#{lang}", path=d["docid"], text=_text(d, lang), language=lang,
                   published=date)
    adoc = read_partially(doc)
    facts = partial_facts(adoc, date)
    return {
        "names": [(name_key(m.text), m.rule, m.text) for m in adoc.mentions],
        "places": [p.geonameid for p in facts.places if p.geonameid is not None],
        "dates": [t.value for t in facts.times if t.value and _CALENDAR.match(t.value)],
    }


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def run(years: str = "2008-2010", langs: tuple[str, ...] = ("de", "es"), limit: int | None = None,
        examples: int = 0) -> dict[str, Any]:
    docs = [d for d in _docs(years, limit) if all(lang in d for lang in ("en", *langs))]
    dates = {d["docid"]: ("-".join(m.groups()) if (m := _DATE.search(d["docid"])) else None) for d in docs}
    t0 = time.perf_counter()
    english = _english(docs, dates)
    t_en = time.perf_counter() - t0
    result: dict[str, Any] = {"years": years, "documents": len(docs), "english_seconds": round(t_en, 1)}
    for lang in langs:
        c: Counter[str] = Counter()
        by_rule: dict[str, Counter[str]] = defaultdict(Counter)
        wrong: Counter[str] = Counter()
        t1 = time.perf_counter()
        words = 0
        for d in docs:
            en = english[d["docid"]]
            got = _partial(d, lang, dates[d["docid"]])
            words += len(_text(d, lang).split())
            # names
            matched_en: set[tuple[str, ...]] = set()
            for key, rule, text in got["names"]:
                hit = [e for e in en["names"] if names_match(key, e)]
                c["names"] += 1
                by_rule[rule]["n"] += 1
                if hit:
                    c["names_ok"] += 1
                    by_rule[rule]["ok"] += 1
                    matched_en.update(hit)
                else:
                    wrong[f"{rule}: {text}"] += 1
            c["en_names"] += len(en["names"])
            c["en_names_found"] += len(matched_en)
            # places
            c["places"] += len(got["places"])
            c["places_ok"] += sum(1 for g in got["places"] if g in en["places"])
            c["en_places"] += len(en["places"])
            c["en_places_found"] += len(en["places"] & set(got["places"]))
            # dates
            c["dates"] += len(got["dates"])
            c["dates_ok"] += sum(1 for v in got["dates"] if v in en["dates"])
            c["en_dates"] += len(en["dates"])
            c["en_dates_found"] += len(en["dates"] & set(got["dates"]))
        seconds = time.perf_counter() - t1
        result[lang] = {
            "names": {"mentions": c["names"], "precision": _ratio(c["names_ok"], c["names"]),
                      "recall": _ratio(c["en_names_found"], c["en_names"]), "english_names": c["en_names"],
                      "by_rule": {r: {"mentions": v["n"], "precision": _ratio(v["ok"], v["n"])}
                                  for r, v in sorted(by_rule.items())}},
            "places": {"mentions": c["places"], "precision": _ratio(c["places_ok"], c["places"]),
                       "recall": _ratio(c["en_places_found"], c["en_places"]),
                       "english_places": c["en_places"]},
            "dates": {"mentions": c["dates"], "precision": _ratio(c["dates_ok"], c["dates"]),
                      "recall": _ratio(c["en_dates_found"], c["en_dates"]), "english_dates": c["en_dates"]},
            "words_per_second": round(words / seconds) if seconds else None,
            "unmatched_names": [f"{k} ×{n}" for k, n in wrong.most_common(examples)],
        }
    return result


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="newsgraph bench partial-reading", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--years", default="2008-2010",
                    help="newstest years, e.g. 2008-2010 (tuned) or 2011-2013")
    ap.add_argument("--langs", default="de,es", help="languages read partially (default de,es)")
    ap.add_argument("--limit", type=int, default=None, help="first N documents of those years")
    ap.add_argument("--examples", type=int, default=0, help="print the N most frequent unmatched names")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    args = ap.parse_args(argv)
    try:
        res = run(args.years, tuple(args.langs.split(",")), args.limit, args.examples)
    except FileNotFoundError as exc:
        print(exc)
        return
    if args.json:
        print(json.dumps(res, indent=2, ensure_ascii=False))
        return
    print(f"WMT newstest {res['years']}: {res['documents']} articles; English pipeline "
          f"{res['english_seconds']} s (figures against the English version's output)")
    for lang in args.langs.split(","):
        r = res[lang]
        print(f"\n[{lang}] partial reading, {r['words_per_second']:,} words/s")
        for part in ("names", "places", "dates"):
            p = r[part]
            print(f"  {part:6} mentions {p['mentions']:5}  precision {p['precision']}  recall {p['recall']} "
                  f"(of {p[f'english_{part}']} English)")
        for rule, v in r["names"]["by_rule"].items():
            print(f"    names by {rule:22} {v['mentions']:5}  precision {v['precision']}")
        for line in r["unmatched_names"]:
            print(f"    unmatched {line}")
