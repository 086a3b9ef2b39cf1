"""The publisher of an article, found where the material says it, with the evidence.

Sources, strongest first (the first that speaks wins, except that a weak name yields
to the page's own address):

1. **declared** by the container: a JSON field (``publisher``, ``source``, ``site``…), a
   feed's title — the reader says which (``declared["publisher_source"]``);
2. **the page's site name** in its HTML metadata (og:site_name, JSON-LD publisher…, as
   trafilatura reads it); a name with a tagline ("LinkNaija | Nigeria's news platform")
   keeps the segment that names the site;
3. **the title's site suffix** ("Headline | The Korea Times");
4. **a copyright line** ("© 2021 The Korea Times. All rights reserved"), anywhere among
   the lines the cleaner removed or in the tail of the text;
5. **a logo in the removed chrome**: an image file named after the site
   ("koreatimes-logo.png", "globalhappenings news.jpg");
6. **the address**: the URL a WARC record was fetched from (``WARC-Target-URI``), a JSON
   record's URL field, the page's canonical URL, else a domain in the file's path. A
   domain stays a domain ("koreatimes.co.kr") unless the text names the outlet it
   stands for (a capitalised name with the same letters, "The Korea Times"); names are
   never invented. A copyright holder or logo name that does not name the address's
   outlet (an owning company, a wire credited for the text) yields to the address.

``Document.provenance`` records ``publisher`` (the method) and ``publisher_evidence`` (the
line, field or address that said it), exported with the document.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath, PureWindowsPath

from newsgraph.ingest.clean.lexicon import OUTLET_WORDS
from newsgraph.ingest.clean.metadata import copyright_holder
from newsgraph.model.document import Document
from newsgraph.outlets import GENERIC_TLDS, names_outlet, registrable_domain

__all__ = ["logo_site_name", "name_for_domain", "path_domain", "settle_publisher", "site_name"]

#: Methods whose name yields to the page's address when it names another outlet.
_WEAK = frozenset({"copyright-line", "chrome-logo"})
_LOGO = re.compile(r"^(?P<stem>[^/\\]{2,60}?)\.(?:jpe?g|png|gif|webp|svg)\s*$", re.I)
_LOGO_NOISE = re.compile(r"\b(?:logo|icon|header|banner|masthead|small|large|white|black|dark|light|"
                         r"retina|default|\d+x\d+|@?\d+x|\d+)\b", re.I)
_TAGLINE = re.compile(r"\s+(?:\||–|—|-|·|::|»|:)\s+")
_CAPS_RUN = re.compile(r"(?:\bThe\s+)?(?:[A-Z][\w'’&.-]*)(?:\s+(?:of|and|&|[A-Z][\w'’&.-]*)){0,5}")
#: Lines at the end of a text searched for a copyright holder when no line was removed.
_TAIL_LINES = 12


def site_name(name: str, domain: str | None = None) -> str:
    """A site name without its tagline: the segment that names the site's domain, else the
    first ("Remember 80/90 - Memorabilia anni 80/90" → "Remember 80/90")."""
    name = " ".join(name.split()).strip(" _|-–—·:")
    if (own := registrable_domain(name)) is not None:  # a site "name" that is an address
        return own
    parts = [p.strip(" _") for p in _TAGLINE.split(name) if p.strip(" _")]
    if len(parts) < 2:
        return name
    if domain:
        for p in parts:
            if names_outlet(p, domain):
                return p
    return parts[0]


def logo_site_name(line: str) -> str | None:
    """The site a logo image's file name names ("globalhappenings news.jpg" →
    "globalhappenings news"): only a file name carrying "logo" or a masthead word."""
    m = _LOGO.match(line.strip())
    if not m:
        return None
    stem = m.group("stem")
    words = re.split(r"[\s_.-]+", stem)
    if not any(w.casefold() == "logo" or w.casefold() in OUTLET_WORDS for w in words):
        return None
    name = " ".join(_LOGO_NOISE.sub(" ", " ".join(words)).split())
    return name if len(name) >= 3 and re.search(r"[^\W\d]", name) else None


def path_domain(path: str) -> str | None:
    """A web domain among the components of a file path ("crawl/www.koreatimes.co.kr/a.html",
    "koreatimes.co.kr_2017_02.txt"), the file's extension aside."""
    where = path.split("#", 1)[0]
    pure = PureWindowsPath(where) if "\\" in where else PurePosixPath(where)
    parts = [*pure.parts[:-1], pure.stem if pure.suffix else pure.name]
    for part in reversed(parts):
        for token in re.split(r"[\s_#]+", part):
            domain = registrable_domain(token)
            if domain is None:
                continue
            tld = domain.rsplit(".", 1)[1]
            if tld in GENERIC_TLDS or (len(tld) == 2 and len(domain.split(".")[0]) >= 3):
                return domain
    return None


def name_for_domain(domain: str, texts: list[str]) -> str | None:
    """A name the texts give the outlet at ``domain`` ("The Korea Times" for
    koreatimes.co.kr), the most frequent when several; None when none does."""
    counts: dict[str, int] = {}
    for text in texts:
        for m in _CAPS_RUN.finditer(text or ""):
            words = m.group(0).split()
            # every sub-run from the left and from the right: "Seoul (The Korea Times reports)"
            for i in range(len(words)):
                for j in range(len(words), i, -1):
                    cand = " ".join(words[i:j]).strip(".,;:'’")
                    if len(cand) >= 2 and names_outlet(cand, domain) and cand.casefold() != domain:
                        counts[cand] = counts.get(cand, 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda c: (counts[c], len(c)))


def _set(doc: Document, name: str, method: str, evidence: str) -> None:
    doc.publisher = name
    doc.provenance["publisher"] = method
    doc.provenance["publisher_evidence"] = evidence


def settle_publisher(doc: Document, declared: dict, path: str) -> None:
    """Fill ``doc.publisher`` (if the cleaner and the container left it empty) and record
    the evidence of whichever source gave it (see the module docstring)."""
    prov = doc.provenance
    url = declared.get("url") or doc.url
    domain = registrable_domain(url) if url else None
    url_source = declared.get("url_source") or ("the page's canonical URL" if prov.get("url") == "html"
                                                else "the declared URL")
    where, kind = f"{url_source}: {url}", "url-domain"
    if domain is None and (domain := path_domain(path)) is not None:
        where, kind = f"the file path: {path}", "path-domain"
    texts = [doc.title or "", doc.text, *(b.text for b in doc.removed)]

    method = prov.get("publisher") if doc.publisher else None
    if method == "declared":
        prov["publisher_evidence"] = f"{declared.get('publisher_source') or 'declared by the container'}: " \
                                     f"{doc.publisher}"
        bare = registrable_domain(doc.publisher or "")
        # A "domain" field: the outlet's name when the text gives one.
        if bare and (name := name_for_domain(bare, texts)):
            _set(doc, name, "declared", prov["publisher_evidence"] + f"; the text names it “{name}”")
    elif method == "html" and doc.publisher and domain and registrable_domain(doc.publisher) == domain:
        # trafilatura names a page without a site name after the URL it was given: the
        # evidence is that URL, not the page's metadata
        doc.publisher = None
        prov.pop("publisher", None)
    elif method == "html" and doc.publisher:
        found = doc.publisher
        name = site_name(found, domain)
        if registrable_domain(name) == name:  # an address for a name: the text may name it
            name = name_for_domain(name, texts) or name
        _set(doc, name, "html", f"the page's site name in its HTML metadata: {found}")
    elif method == "title-suffix":
        title = prov.setdefault("publisher_evidence", f"the title's site suffix: {doc.publisher}")
        if domain and not names_outlet(doc.publisher or "", domain):
            # "Headline | Autoracing | F1 | StockCar": the segment naming the address, if one does
            for part in _TAGLINE.split(title.split(": ", 1)[-1])[1:]:
                if names_outlet(part.strip(), domain):
                    doc.publisher = part.strip()
                    break
    elif method == "copyright-line":
        prov.setdefault("publisher_evidence", f"a copyright line naming {doc.publisher}")

    if doc.publisher is None:
        _from_removed_lines(doc)
    method = prov.get("publisher") if doc.publisher else None
    if domain is None:
        return
    if doc.publisher and names_outlet(doc.publisher, domain):
        prov["publisher_evidence"] += f"; it names the address’s outlet ({where})"
        return
    if doc.publisher is None or method in _WEAK:
        yielded = f"; {doc.publisher} ({prov['publisher_evidence']}) names another outlet" \
            if doc.publisher else ""
        name = name_for_domain(domain, texts)
        _set(doc, name or domain, kind, where + (f"; the text names it “{name}”" if name else "") + yielded)


def _from_removed_lines(doc: Document) -> None:
    """A copyright line or a logo among the lines the cleaner removed (a page's footer or
    header, wherever it sat), else a copyright line in the text's tail."""
    for block in doc.removed:
        holder = copyright_holder(block.text)
        if holder:
            _set(doc, holder, "copyright-line", f"a removed line: {block.text.strip()[:160]}")
            return
    for block in doc.removed:
        logo = logo_site_name(block.text)
        if logo:
            _set(doc, logo, "chrome-logo", f"a logo image in the removed chrome: {block.text.strip()[:160]}")
            return
    for line in doc.text.splitlines()[-_TAIL_LINES:]:
        holder = copyright_holder(line)
        if holder:
            _set(doc, holder, "copyright-line", f"a line of the text: {line.strip()[:160]}")
            return

