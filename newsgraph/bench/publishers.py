"""How often the clean stage finds an article's publisher, and how often it is right.

Data: the demo corpus (``../shared/corpus/seeds``, four text files) and the 181 pages of
the article-extraction benchmark (``../shared/data/article-extraction``), whose
``ground-truth.json`` gives each page's URL: the site is known. Each page is read four
ways, as a user's material would come:

* ``html``      the saved page, no URL declared (trafilatura's site name, the title, the footer);
* ``text``      the page's text with all markup gone (title suffix, copyright line, logo);
* ``text+url``  the same text as a JSON record with a ``url`` field (the address, made a
                readable name only when the text names the outlet);
* ``warc``      the saved page with its URL as a WARC record's ``WARC-Target-URI``.

Right or wrong: a found name is *right* when it names the page's site by a general rule
(``outlets.names_outlet``: same letters as the domain, or its initials; or one key inside
the other, "Inexhibit magazine" / inexhibit.com); otherwise it is looked up in the hand
verdicts ``data/publisher_judgements.jsonl`` (``right``: another form of the site's name,
"Connecticut Post" for ctpost.com; ``owner``: the company behind the site, "NYP Holdings";
``credit``: the outlet credited for the text, "Associated Press" on sfgate.com; ``wrong``:
another name or not a name). Found names with no verdict are listed. For the
seeds the verdicts say what the material states (three of the four name no site).

    newsgraph bench publishers [--limit N] [--show N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from newsgraph.bench import shared_dir
from newsgraph.outlets import names_outlet, outlet_key, registrable_domain

__all__ = ["JUDGEMENTS", "judge", "main", "run"]

JUDGEMENTS = Path(__file__).resolve().parent / "data" / "publisher_judgements.jsonl"
SETTINGS = ("html", "text", "text+url", "warc")


def _verdicts() -> dict[tuple[str, str, str | None], dict[str, Any]]:
    out: dict[tuple[str, str, str | None], dict[str, Any]] = {}
    if JUDGEMENTS.exists():
        for line in JUDGEMENTS.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                out[(rec["set"], rec["id"], rec.get("found"))] = rec
    return out


def judge(found: str | None, domain: str, hand: dict[str, Any] | None) -> str:
    """``missing``, ``right``, ``owner``, ``wrong`` or ``unjudged``."""
    if found is None:
        return "missing"
    if names_outlet(found, domain):
        return "right"
    a, b = outlet_key(found) or "", outlet_key(domain) or ""
    if min(len(a), len(b)) >= 4 and (a in b or b in a):
        return "right"
    return hand["verdict"] if hand else "unjudged"


def _page_doc(setting: str, html: bytes, url: str, page: str) -> Any:
    from newsgraph.ingest.clean import clean, clean_text, render_text
    from newsgraph.model.document import RawDocument

    if setting == "html":
        return clean(RawDocument(data=html, path=f"{page}.html", format="html"))
    if setting == "warc":
        return clean(RawDocument(data=html, path=f"pages.warc#{url}", format="html",
                                 declared={"url": url, "url_source": "WARC-Target-URI header"}))
    text = render_text(html.decode("utf-8", errors="replace"))
    declared = {"url": url, "url_source": "JSON field “url”"} if setting == "text+url" else {}
    doc = clean_text(text, path=f"{page}.txt", declared=declared)
    return doc


def run(limit: int | None = None, settings: tuple[str, ...] = SETTINGS) -> dict[str, Any]:
    root = shared_dir() / "data" / "article-extraction"
    seeds = shared_dir() / "corpus" / "seeds"
    hand = _verdicts()
    out: dict[str, Any] = {}
    if seeds.is_dir():
        from newsgraph.ingest.clean import clean
        from newsgraph.model.document import RawDocument

        rows = []
        for path in sorted(seeds.iterdir()):
            doc = clean(RawDocument(data=path.read_bytes(), path=str(path)))
            rec = hand.get(("seeds", path.name, doc.publisher))
            rows.append({"id": path.name, "found": doc.publisher, "method": doc.provenance.get("publisher"),
                         "evidence": doc.provenance.get("publisher_evidence"),
                         "verdict": rec["verdict"] if rec else "unjudged"})
        out["seeds"] = rows
    if not (root / "ground-truth.json").exists():
        out["skipped"] = f"article-extraction benchmark not found at {root}"
        return out
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = sorted(truth.items())[:limit] if limit else sorted(truth.items())
    for setting in settings:
        rows = []
        for page, rec in pages:
            html = gzip.decompress((root / "html" / f"{page}.html.gz").read_bytes())
            domain = registrable_domain(urlsplit(rec["url"]).hostname or "") or ""
            try:
                doc = _page_doc(setting, html, rec["url"], page)
                found, method, evidence = doc.publisher, doc.provenance.get("publisher"), \
                    doc.provenance.get("publisher_evidence")
            except Exception as exc:  # a page the cleaner rejects (E201/E202): nothing found
                found, method, evidence = None, None, f"not cleaned: {exc}"
            rows.append({"id": page[:16], "domain": domain, "found": found, "method": method,
                         "evidence": evidence,
                         "verdict": judge(found, domain, hand.get(("article-extraction", page[:16], found)))})
        out[setting] = rows
    return out


def _share(rows: list[dict[str, Any]], keep: Callable[[dict[str, Any]], bool]) -> str:
    k = sum(1 for r in rows if keep(r))
    return f"{k}/{len(rows)} ({k / len(rows):.0%})" if rows else "0/0"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="newsgraph bench publishers", description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="benchmark pages to read (default all 181)")
    ap.add_argument("--show", type=int, default=30, help="pages listed per setting")
    args = ap.parse_args(argv)
    res = run(args.limit)
    for r in res.get("seeds", []):
        print(f"seed {r['id']}: {r['found']!r} [{r['method']}] {r['evidence'] or ''} — {r['verdict']}")
    if "skipped" in res:
        print("skipped:", res["skipped"])
        return 0
    for setting in SETTINGS:
        rows = res[setting]
        v = Counter(r["verdict"] for r in rows)
        print(f"\n{setting}: found {_share(rows, lambda r: r['found'] is not None)}, "
              f"right {_share(rows, lambda r: r['verdict'] == 'right')}, owner {v['owner']}, "
              f"credited outlet {v['credit']}, wrong {v['wrong']}, unjudged {v['unjudged']}; "
              f"right among found {v['right'] / max(1, len(rows) - v['missing']):.1%}")
        print("  by evidence: " + ", ".join(f"{m or 'none'} {n}" for m, n in
                                            Counter(r["method"] for r in rows).most_common()))
        odd = [r for r in rows if r["verdict"] not in ("right", "missing")]
        for r in odd[:args.show]:
            print(f"  {r['verdict']:8s} {r['id']} {r['domain']}: {r['found']!r} [{r['method']}] "
                  f"{(r['evidence'] or '')[:120]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
