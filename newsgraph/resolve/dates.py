"""Cross-document date inference: an undated report dated through an event another report dates.

Owns the rules — pure functions of records: ``date_document`` decides one undated
document's date from its anchor rows, ``redate`` re-normalises what depends on that date.
The corpus job (``newsgraph/resolve_job.py``) calls them after event coreference, reading
the rows and writing the outcome through ``store/date_queries``. An undated article says "the
journalist was shot dead *last week*"; another article, dated, reports the same shooting
"on Tuesday, 3 March 2015". Event coreference has put both mentions in one event, so the
undated article was written in the week after the one holding 3 March 2015.

The rule, per event mention of an undated document:

1. take the time expression of the mention's sentence that is relative to the document
   date ("yesterday", "on Friday", "last week", "two days ago", "earlier this month"),
   the nearest to the trigger — ``nlp.time.normalise_text`` says which are relative;
2. for every mention of the same event in *another* document that carries a date
   (absolute, or relative in a dated document: normalised at ingest), find every
   document date D such that the expression normalised against D names that date
   (one interval inside the other). That set of D is the vote's window: one day for
   "yesterday", seven for "on Tuesday" or "last week", up to a month for "earlier this
   month" (wider windows are no evidence and are dropped);
3. intersect the votes' windows, bounded below by the latest absolute date the document
   mentions (``published_not_before``). A non-empty intersection is the date — a day,
   else the month or year that holds the window (the contract's ``published`` is an ISO
   date, possibly partial; the exact window is kept as ``published_range``); an empty
   one leaves the date null, with the reason and the conflicting votes kept in the
   provenance.

We invert the normaliser by trying candidate dates rather than writing an inverse for
each kind of expression: it stays exact for every rule ``normalise_text`` knows (weekday
context, ISO weeks, month arithmetic) and costs a few hundred cached calls per vote.
Relative expressions of a newly dated document are then re-normalised against the window
(a value is kept only when it is the same wherever the date falls in the window), and so
are its own event mentions' dates that waited for it (``EventMention.date_pending``); a
date found that way is never an anchor for a third document.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache

from newsgraph.model.claims import ClaimSpan, TimeExpression
from newsgraph.model.events import EVENT_ANCHOR_SOURCE, REPORT_DATED_RULE
from newsgraph.nlp.date_interval import normalise_date
from newsgraph.nlp.time import future_context, normalise_text

__all__ = [
    "DateInference",
    "DateVote",
    "DocumentDate",
    "anchor_window",
    "date_document",
    "infer_from_votes",
    "is_relative",
    "redate",
    "redate_mentions",
    "renormalise",
    "value_interval",
    "window_value",
]

Window = tuple[dt.date, dt.date]

#: Days before and after the event's date searched for document dates. "Two months ago"
#: is the furthest relative expression worth reading as a date (about 62 days); beyond
#: it the window is too wide anyway.
SEARCH_DAYS = 70
#: The widest window a vote may give: a month ("earlier this month", "yesterday" next
#: to an event dated only "in March 2015"). A wider window dates nothing.
MAX_WINDOW_DAYS = 31
#: Precision named after the window's length: one day, up to a week, up to a month.
WEEK_DAYS = 7
#: Any fixed date: only probes whether an expression needs the document date at all.
_PROBE = dt.date(2001, 6, 13)
#: Provenance keys this module writes (and clears when it withdraws a date).
PROVENANCE_KEYS = ("published_precision", "published_range", "published_evidence",
                   "published_conflict")


@dataclass(slots=True)
class DateVote:
    """One piece of evidence: a relative expression next to an event dated elsewhere.

    ``expression``/``sentence`` are spans of the undated document; ``event`` the
    coreferent event; ``source_doc``/``source_mention`` the other report and its
    mention whose date (``event_date``: ISO start/end, ``event_precision``) anchors
    the expression; ``lo``/``hi`` the document dates the pair allows (ISO).
    """

    expression: ClaimSpan
    sentence: ClaimSpan
    mention: str
    event: str
    source_doc: str
    source_mention: str
    event_date: str
    event_precision: str
    lo: str
    hi: str


@dataclass(slots=True)
class DateInference:
    """What the votes say about one document's date.

    ``value`` is an ISO date, possibly partial (the day, else the month or year holding
    the window ``lo``–``hi``), or None; ``precision`` ``day``/``month``/``year`` (None
    with no value); ``reason`` says why (``agreeing votes``, ``votes disagree: …``,
    ``no vote``).
    """

    doc: str
    value: str | None
    precision: str | None
    lo: str | None
    hi: str | None
    reason: str
    votes: list[DateVote] = field(default_factory=list)


def _day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def value_interval(value: str | None, precision: str | None) -> Window | None:
    """The days a normalised value covers: a day (or a time on it), an ISO week, a month.

    RETURNS (tuple | None): ``(first, last)`` or None for coarser or non-date values.
    """
    if not value:
        return None
    if precision in ("day", "time"):
        d = _day(value)
        return (d, d) if d else None
    if precision == "week":
        m = re.fullmatch(r"(\d{4})-W(\d{2})", value)
        if not m:
            return None
        try:
            first = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:
            return None
        return first, first + dt.timedelta(days=6)
    if precision == "month":
        m = re.fullmatch(r"(\d{4})-(\d{2})", value)
        if not m or not 1 <= int(m.group(2)) <= 12:
            return None
        y, mo = int(m.group(1)), int(m.group(2))
        return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])
    return None


def is_relative(text: str, *, future: bool = False) -> bool:
    """The expression needs the document date and names a day, week or month ("yesterday",
    "on Friday", "last week", "two days ago", "earlier this month"; not "2015", "the 1990s",
    "last year")."""
    value, precision, _, anchored, _ = normalise_text(text, _PROBE, future=future)
    return anchored == "document-date" and value_interval(value, precision) is not None


def _inside(a: Window, b: Window) -> bool:
    return b[0] <= a[0] and a[1] <= b[1]


@lru_cache(maxsize=1 << 16)
def anchor_window(expression: str, event: Window, *, future: bool = False) -> Window | None:
    """The document dates for which ``expression`` names the event's dates.

    Cached: an undated document is examined again whenever one of its events gains a
    report, and most of those examinations ask the same questions again.

    expression (str): a relative time expression of the undated document.
    event (tuple): the event's first and last day as another document dates it.
    future (bool): the sentence speaks of the future (the event follows the document).
    RETURNS (tuple | None): ``(first, last)`` candidate document date, or None when no
        date fits or the window is wider than ``MAX_WINDOW_DAYS``. A report of a past
        event is written on or after the event's first day; one announcing it, before
        its last.
    """
    if not is_relative(expression, future=future):
        return None
    fits: list[dt.date] = []
    d = event[0] - dt.timedelta(days=SEARCH_DAYS)
    stop = event[1] + dt.timedelta(days=SEARCH_DAYS)
    while d <= stop:
        if (d <= event[1]) if future else (d >= event[0]):
            value, precision, *_ = normalise_text(expression, d, future=future)
            named = value_interval(value, precision)
            if named and (_inside(named, event) or _inside(event, named)):
                fits.append(d)
        d += dt.timedelta(days=1)
    if not fits or (fits[-1] - fits[0]).days + 1 > MAX_WINDOW_DAYS:
        return None
    return fits[0], fits[-1]


def window_value(lo: dt.date, hi: dt.date) -> tuple[str | None, str | None]:
    """``(value, precision)`` of a date window as the export contract's ``published`` can
    hold it (an ISO date, possibly partial): the day itself, else the month or the year
    that contains the whole window — a true statement at a coarser precision (the exact
    window stays in the provenance as ``published_range``). A window across New Year
    fits no partial date: (None, None)."""
    if lo == hi:
        return lo.isoformat(), "day"
    if (lo.year, lo.month) == (hi.year, hi.month):
        return f"{lo.year:04d}-{lo.month:02d}", "month"
    if lo.year == hi.year:
        return f"{lo.year:04d}", "year"
    return None, None


def _describe(v: DateVote) -> str:
    window = v.lo if v.lo == v.hi else f"{v.lo}/{v.hi}"
    return f"{window} ('{v.expression.text}' next to {v.event}, dated {v.event_date} by {v.source_doc})"


def _first_day(value: str) -> str | None:
    """The first day of an ISO date, possibly partial ("2004-09" → "2004-09-01"), else None."""
    head = value[:10]
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", head):
        return head
    if re.fullmatch(r"\d{4}-\d{2}", head):
        return head + "-01"
    if re.fullmatch(r"\d{4}", head[:4]) and (len(head) == 4 or not head[4:5].isdigit()):
        return head[:4] + "-01-01"
    return None


def infer_from_votes(doc: str, votes: list[DateVote], not_before: str | None = None) -> DateInference:
    """Reconcile the votes: their windows' intersection (on or after ``not_before``), or
    None with the disagreement as the reason."""
    if not votes:
        return DateInference(doc, None, None, None, None, "no vote")
    lo = max(v.lo for v in votes)
    hi = min(v.hi for v in votes)
    if lo > hi:
        # Name the pair that cannot both hold: the vote ending first and the one starting last.
        early = min(votes, key=lambda v: v.hi)
        late = max(votes, key=lambda v: v.lo)
        return DateInference(doc, None, None, None, None,
                             f"votes disagree: {_describe(early)} vs {_describe(late)}", votes)
    # The bound may be partial ("2004-09", "2004"): it holds from its first day.
    floor = _first_day(not_before) if not_before else None
    if floor and floor > lo:
        lo = floor
        if lo > hi:
            return DateInference(doc, None, None, None, None,
                                 f"votes end ({hi}) before the latest date the text mentions "
                                 f"({not_before})", votes)
    value, precision = window_value(dt.date.fromisoformat(lo), dt.date.fromisoformat(hi))
    if value is None:
        return DateInference(doc, None, None, lo, hi,
                             f"the votes agree on {lo}/{hi}, which spans New Year: no partial date "
                             "holds it", votes)
    return DateInference(doc, value, precision, lo, hi, "agreeing votes", votes)


def renormalise(times: Iterable[TimeExpression], window: Window | None,
                future_at: Callable[[int], bool]) -> list[TimeExpression]:
    """Time expressions re-normalised against a document date known to lie in ``window``
    (None: no date). A relative value is kept when it is the same at both ends of the
    window ("last year" in a week of June), else left None — never a guess."""
    out: list[TimeExpression] = []
    for t in times:
        future = future_at(t.start)
        if normalise_text(t.text, _PROBE, future=future)[3] != "document-date":
            out.append(t)  # absolute, a duration or a reference: no document date involved
            continue
        if window is None:
            value, precision, typ, anchored, rule = normalise_text(t.text, None, future=future)
        else:
            value, precision, typ, _, rule = normalise_text(t.text, window[0], future=future)
            if normalise_text(t.text, window[1], future=future)[:2] != (value, precision):
                value, precision, rule = None, None, f"{rule}:window-ambiguous"
            anchored = "inferred"
        out.append(replace(t, value=value, precision=precision, anchored_to=anchored, rule=rule,
                           type=typ if value is not None else t.type))
    return out


def redate_mentions(mentions: Iterable[dict], window: Window | None,
                    future_at: Callable[[int], bool]) -> list[dict]:
    """Event-mention records (stored JSON) whose date follows the document's new window:
    a pending expression gets its interval when it is the same across the window; a date
    found that way goes back to pending when the window is gone or no longer fixes it.
    Returns the records that changed."""
    changed = []
    for m in mentions:
        date = m.get("date")
        ours = bool(date) and str(date.get("rule", "")).endswith(REPORT_DATED_RULE)
        pending = m.get("date_pending") or (date["evidence"] if ours else None)
        if pending is None or (date and not ours):
            continue
        new = None
        if window is not None:
            future = future_at(pending["start"])
            lo = normalise_date(pending["text"], window[0].isoformat(), future=future)
            if lo is not None and lo == normalise_date(pending["text"], window[1].isoformat(), future=future):
                new = {"start": lo[0], "end": lo[1], "precision": lo[2], "evidence": pending,
                       "rule": "date_pending" + REPORT_DATED_RULE}
        if new != date:
            changed.append({**m, "date": new, "date_pending": None if new else pending})
    return changed


def _votes(rows: list[dict], text: str, times: list[TimeExpression]) -> list[DateVote]:
    votes: dict[tuple[int, str], DateVote] = {}
    for row in rows:
        date = row["date"]
        if not date:
            continue
        start, end = _day(date.get("start") or ""), _day(date.get("end") or "")
        if start is None or end is None or start > end:
            continue
        sentence = text[row["sent_start"]:row["sent_end"]]
        future = future_context(sentence)
        near = [t for t in times if row["sent_start"] <= t.start and t.end <= row["sent_end"]
                and is_relative(t.text, future=future)]
        if not near:
            continue
        expr = min(near, key=lambda t: abs(t.start - row["trigger_start"]))
        key = (expr.start, row["source_doc"])
        if key in votes:
            continue
        window = anchor_window(expr.text, (start, end), future=future)
        if window is None:
            continue
        event_date = start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"
        votes[key] = DateVote(
            ClaimSpan(expr.start, expr.end, expr.text),
            ClaimSpan(row["sent_start"], row["sent_end"], sentence), row["mention"], row["event"],
            row["source_doc"], row["source_mention"], event_date, str(date.get("precision")),
            window[0].isoformat(), window[1].isoformat())
    return list(votes.values())


def _future_at(text: str, sentences: list[tuple[int, int]]) -> Callable[[int], bool]:
    def at(start: int) -> bool:
        for s, e in sentences:
            if s <= start < e:
                return future_context(text[s:e])
        return False
    return at


@dataclass(slots=True)
class DocumentDate:
    """A document's date as the inference leaves it: ``published`` (None: undated),
    whether it was ``inferred``, and the provenance to store with it."""

    published: str | None
    inferred: bool
    provenance: dict[str, str]


def date_document(doc_id: str, rows: list[dict], published: str | None, provenance: dict[str, str],
                  text: str, times: list[TimeExpression]) -> tuple[DateInference, DocumentDate | None]:
    """What the anchor rows (``store.date_queries.anchor_rows``) say about an undated
    document's date, and its new date — None when nothing changes (no evidence and nothing
    to withdraw, or a later batch that brought no new evidence)."""
    inference = infer_from_votes(doc_id, _votes(rows, text, times),
                                 provenance.get("published_not_before"))
    was_ours = provenance.get("published") == EVENT_ANCHOR_SOURCE
    if inference.value is None and not inference.votes and not was_ours:
        return inference, None  # nothing to say, nothing to withdraw
    prov = {k: v for k, v in provenance.items() if k not in PROVENANCE_KEYS}
    if inference.value is not None:
        prov.update({
            "published": EVENT_ANCHOR_SOURCE, "published_inferred": "true",
            "published_precision": inference.precision or "",
            "published_range": f"{inference.lo}/{inference.hi}",
        })
    else:
        if was_ours:  # the anchors that dated it are gone or now disagree
            prov.pop("published", None)
            prov.pop("published_inferred", None)
        if inference.votes:
            prov["published_conflict"] = inference.reason
    if inference.votes:
        prov["published_evidence"] = json.dumps([asdict(v) for v in inference.votes],
                                                ensure_ascii=False)
    if inference.value == published and prov == provenance:
        return inference, None
    return inference, DocumentDate(inference.value, inference.value is not None, prov)


def redate(inference: DateInference, text: str, sentences: list[tuple[int, int]],
           times: list[TimeExpression], mentions: Iterable[dict]) -> tuple[list[TimeExpression], list[dict]]:
    """A newly dated (or undated) document's time expressions re-normalised against its
    window, and the event-mention records whose date follows it (``redate_mentions``)."""
    window = (dt.date.fromisoformat(inference.lo), dt.date.fromisoformat(inference.hi)) \
        if inference.lo and inference.hi else None
    future_at = _future_at(text, sentences)
    return renormalise(times, window, future_at), redate_mentions(mentions, window, future_at)
