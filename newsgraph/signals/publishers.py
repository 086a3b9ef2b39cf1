"""Per-publisher profile: how many articles, how many originals vs copies, average signals."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from newsgraph.model.document import AnnotatedDocument, Document
from newsgraph.model.stories import Link, PublisherProfile, Signal
from newsgraph.signals._common import split_doc
from newsgraph.signals.republication import REPUBLISHING_KINDS

__all__ = ["publisher_profiles"]


def publisher_profiles(docs: Iterable[Document | AnnotatedDocument], links: Iterable[Link] = (),
                       signals: Iterable[Signal] = ()) -> list[PublisherProfile]:
    """One profile per publisher (documents without one are grouped under ``"(unknown)"``).

    A document counts as a copy when it credits another outlet or is the later side
    of a duplicate/copy/spin/translation link; otherwise as an original.
    """
    ds = [split_doc(d)[0] for d in docs]
    later = {lk.b for lk in links if lk.kind in REPUBLISHING_KINDS}
    by_doc: dict[str, list[Signal]] = defaultdict(list)
    for s in signals:
        by_doc[s.subject].append(s)
    groups: dict[str, list[Document]] = defaultdict(list)
    for d in ds:
        groups[d.publisher or "(unknown)"].append(d)
    out = []
    for pub, members in sorted(groups.items()):
        copies = sum(1 for d in members if d.attributed_to or d.id in later)
        credited = Counter(o for d in members for o in d.attributed_to)
        sums: dict[str, list[float]] = defaultdict(list)
        flagged: Counter[str] = Counter()
        for d in members:
            for s in by_doc.get(d.id, []):
                if s.value is not None:
                    sums[s.name].append(float(s.value))
                if s.flagged:
                    flagged[s.name] += 1
        out.append(PublisherProfile(
            pub, len(members), len(members) - copies, copies, dict(credited),
            {k: round(sum(v) / len(v), 3) for k, v in sums.items()}, dict(flagged)))
    return out
