"""What one document may cost in the per-document stages (annotate, extract), and the checks.

Issue 14 found single documents that ran for 15 minutes or passed 6 GB. The bound
is built in three layers, cheapest first:

1. **Caps on size, decided before any work** (``Options.max_chars``): a clean text
   longer than the cap is refused with E302 and the reason, never started. The cap
   is what makes the other costs bounded: every stage after it is linear in the text
   (or quadratic only within a section), so its worst case is known in advance.
2. **Sections**: a text longer than ``Options.section_chars`` is annotated and
   chained section by section (``nlp.sections``), so spaCy's memory and the
   within-document chaining stay those of one section, whatever the text's length.
3. **A budget per document** (this module), for whatever the first two did not
   foresee: a wall-clock deadline and a ceiling on how much the process may grow
   while the document is processed. It is checked *cooperatively* — between two
   sections of the annotation, between two extractors, and inside the extractors'
   loops over their items (``checkpoint``, which reads the budget of the document
   being processed from a context variable, so no extractor passes it around) —
   and an overrun raises ``BudgetExceeded`` (E304, naming the stage, the time or the
   memory), which the pipeline turns into a ``Failure`` for that file while the
   batch goes on.

Why cooperative checks rather than a timer that interrupts: a signal (SIGALRM) only
reaches the main thread, while documents are also processed in the server's ingest
thread and on Dask workers; an exception injected into a thread can land inside a
library's half-done update; a subprocess per document would double the model's memory
and pay its start-up per file. The price is granularity: work between two checks is not
cut short, so the checks sit where one step is small (a section of annotation, one
time expression, one event trigger, one claim).

Memory is measured as the resident size of the process (``/proc/self/statm``, else
the peak from ``getrusage``): its growth since the document started is charged to
the document. Other threads of the same process can inflate it; the ceiling is set
far above what a capped document needs, so only a runaway reaches it.
"""

from __future__ import annotations

import os
import resource
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from newsgraph.errors import AnnotateError

__all__ = ["Budget", "BudgetExceeded", "checkpoint", "clock", "resident_bytes", "running"]

_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def clock() -> float:
    """The budgets' clock (monotonic seconds): what a caller charging a document measures with."""
    return time.monotonic()


def resident_bytes() -> int:
    """Resident memory of this process now (Linux), else its peak so far."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak if sys.platform == "darwin" else peak * 1024  # bytes on macOS, KiB elsewhere


class BudgetExceeded(AnnotateError):
    """One document took longer or grew the process more than its budget allows."""

    code = "E304"


@dataclass(slots=True)
class Budget:
    """The time and memory one document may still use; ``check`` raises when it has overrun.

    ``seconds`` or ``memory_bytes`` of 0 (or less) switch that limit off.
    """

    seconds: float
    memory_bytes: int
    path: str | None = None
    #: When the clock last started running (None: stopped), and the time it ran before.
    started: float | None = field(default_factory=lambda: clock())
    spent: float = 0.0
    resident_at_start: int = field(default_factory=lambda: resident_bytes())

    def elapsed(self) -> float:
        return self.spent + (clock() - self.started if self.started is not None else 0.0)

    # A document shares its batch with others: its clock runs only while its own work does
    # (its share of the batch's parse, its finishing, its extraction), so a busy machine or
    # a long batch does not fail documents that are not slow themselves.
    def pause(self) -> None:
        if self.started is not None:
            self.spent += clock() - self.started
            self.started = None

    def resume(self) -> None:
        if self.started is None:
            self.started = clock()

    def charge(self, seconds: float) -> None:
        """Add work done for this document while its clock was stopped (its share of a
        batch's parse)."""
        self.spent += seconds

    def check(self, stage: str) -> None:
        """Raise ``BudgetExceeded`` when the document has used up its time or memory."""
        if self.seconds > 0:
            spent = self.elapsed()
            if spent > self.seconds:
                raise BudgetExceeded(
                    f"stopped after {spent:.1f} s, over the per-document budget of {self.seconds:g} s "
                    f"(reached during {stage}; --doc-seconds raises it)", path=self.path)
        if self.memory_bytes > 0:
            grown = resident_bytes() - self.resident_at_start
            if grown > self.memory_bytes:
                raise BudgetExceeded(
                    f"stopped after the process grew by {grown / 2**20:,.0f} MB while processing it, "
                    f"over the per-document budget of {self.memory_bytes / 2**20:,.0f} MB "
                    f"(reached during {stage})", path=self.path)


#: The budget of the document being processed in this thread or task, if any.
_CURRENT: ContextVar[Budget | None] = ContextVar("newsgraph_budget", default=None)
#: ``checkpoint`` reads the process size every this many calls (a read costs microseconds).
_MEMORY_EVERY = 64
_calls = 0


@contextmanager
def running(budget: Budget | None) -> Iterator[None]:
    """Make ``budget`` the one ``checkpoint`` checks while the block runs."""
    token = _CURRENT.set(budget)
    try:
        yield
    finally:
        _CURRENT.reset(token)


def checkpoint(stage: str) -> None:
    """Check the current document's budget (if any): cheap enough for once per item of a loop."""
    budget = _CURRENT.get()
    if budget is None:
        return
    global _calls
    _calls += 1
    if (budget.seconds > 0 and budget.elapsed() > budget.seconds) or _calls % _MEMORY_EVERY == 0:
        budget.check(stage)
