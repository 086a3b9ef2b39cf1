"""`newsgraph ingest`: read, clean, annotate and store articles, with a progress bar."""

from __future__ import annotations

import signal
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from newsgraph import settings
from newsgraph.cli._util import DEFAULT_DB, DbOption, app, console, err_console
from newsgraph.errors import NewsgraphError
from newsgraph.pipeline import Progress as IngestProgress
from newsgraph.pipeline import ingest as run_ingest
from newsgraph.settings import Options
from newsgraph.store import Store
from newsgraph.store.lock import LockHolder


def _count_files(paths: list[str]) -> int | None:
    """A cheap upper bound for the progress bar (containers hold more than one article)."""
    total = 0
    for p in paths:
        if p == "-":
            return None
        path = Path(p)
        if path.is_dir():
            total += sum(1 for f in path.rglob("*") if f.is_file() and not f.name.startswith("."))
        else:
            total += 1
    return total


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    db: Annotated[Path, DbOption] = DEFAULT_DB,
    max_bytes: Annotated[int, typer.Option(help="Per-file size limit in bytes.")] = settings.MAX_FILE_BYTES,
    workers: Annotated[int | None, typer.Option(
        "--workers", "-w", min=1,
        help="Worker processes for annotation and extraction (default: one per core; "
             "1: all in this process).")] = None,
    processes: Annotated[int, typer.Option(
        "--processes", "-j", help="spaCy's own worker processes, with --workers 1.")] = 1,
    batch_size: Annotated[int, typer.Option(help="Documents per annotation batch.")] = settings.BATCH_SIZE,
    no_annotate: Annotated[bool, typer.Option("--no-annotate", help="Store and index only.")] = False,
    no_extract: Annotated[bool, typer.Option(
        "--no-extract", help="Skip dates, places, claims and events.")] = False,
    no_resolve: Annotated[bool, typer.Option(
        "--no-resolve", help="Skip cross-document resolution (run it later with a normal ingest).")] = False,
    no_wait: Annotated[bool, typer.Option(
        "--no-wait", help="Fail at once (E403) when another process is writing the store, "
                          "instead of waiting for it to finish.")] = False,
    follow_links: Annotated[bool, typer.Option(
        "--follow-links", help="Follow symbolic links that point outside the folders given "
                               "(skipped with E108 by default).")] = False,
    max_chars: Annotated[int, typer.Option(
        help="Longest clean text annotated, in characters; longer ones fail with E302.")
    ] = settings.MAX_DOCUMENT_CHARS,
    doc_seconds: Annotated[float, typer.Option(
        help="Seconds one document may take to annotate and extract (E304 beyond; 0: no limit).")
    ] = settings.DOC_SECONDS,
    dask: Annotated[str | None, typer.Option(
        "--dask", metavar="ADDRESS",
        help="Annotate and extract on a Dask cluster: local:N starts N worker processes on this "
             "machine; tcp://host:8786 uses a running scheduler. Storing and resolution stay here.")] = None,
) -> None:
    """Ingest articles: .txt, .html, .json/.jsonl, .warc(.gz), RSS/Atom, directories, stdin."""
    options = Options(max_bytes=max_bytes, n_process=processes, workers=workers,
                      batch_size=batch_size,
                      annotate=not no_annotate, extract=not no_extract, resolve=not no_resolve,
                      lock_wait=0 if no_wait else None,
                      follow_links=follow_links, max_chars=max_chars, doc_seconds=doc_seconds)
    total = _count_files(paths)
    with ExitStack() as stack, Store(db) as store, Progress(
        SpinnerColumn(), TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[status]}"), TimeElapsedColumn(),
        console=console, transient=False, disable=not console.is_terminal,
    ) as bar:
        task = bar.add_task("ingest", total=total, status="")

        def show(p: IngestProgress) -> None:
            status = f"new {p.ingested} · present {p.present} · failed {p.failed}"
            bar.update(task, completed=p.seen if total is None else min(p.seen, total), status=status)

        processor = None
        try:
            if dask:
                from newsgraph.scale import dask_client, dask_processor

                bar.update(task, status=f"connecting to Dask ({dask})")
                processor = dask_processor(stack.enter_context(dask_client(dask)))
            told: list[LockHolder | None] = []

            def waiting(holder: LockHolder | None) -> None:
                who = holder.describe() if holder else "another process"
                bar.update(task, status=f"waiting: {who} is writing this store")
                if not told and not console.is_terminal:
                    err_console.print(f"waiting: {who} is writing {db}")
                told.append(holder)

            with _stop_on_interrupt() as stop:
                report = run_ingest(paths, store, options,
                                    stdin=sys.stdin.buffer if "-" in paths else None,
                                    on_progress=show, processor=processor, on_wait=waiting,
                                    should_stop=stop.is_set)
        except NewsgraphError as exc:  # the whole run cannot go on (no model, no cluster)
            err_console.print(f"[red]{exc}[/red]")
            raise typer.Exit(1) from exc
        bar.update(task, completed=total or (report and len(report.ingested)))
        stats = store.stats()
        state = store.resolver_state_bytes()

    if report.stopped:
        err_console.print("[yellow]interrupted: what is listed below is saved; run the same "
                          "command again to go on[/yellow]")
    table = Table(title=f"ingest summary ({db})", show_header=False)
    table.add_row("ingested", str(len(report.ingested)))
    table.add_row("already present", str(len(report.present)))
    table.add_row("failed", str(sum(f.count for f in report.failed)))
    table.add_row("documents in store", str(stats["documents"]))
    table.add_row("entity mentions in store", str(stats["mentions"]))
    for group, sizes in state.items():
        if any(sizes.values()):
            table.add_row(f"resolver state, {group}",
                          ", ".join(f"{k} {v / 1e6:.1f} MB" for k, v in sizes.items()))
    console.print(table)
    if report.failed:
        # Repeats of one container come as one row saying how many and which (failure_log).
        fails = Table(title="failures", show_lines=False)
        fails.add_column("file")
        fails.add_column("code")
        fails.add_column("reason")
        for f in report.failed:
            fails.add_row(f.path, f.code if f.count == 1 else f"{f.code} ×{f.count:,}", f.reason)
        console.print(fails)
        by_code = Counter[str]()
        for f in report.failed:
            by_code[f.code] += f.count
        if len(by_code) > 1:
            console.print("failures by code: " + ", ".join(f"{c} {n:,}" for c, n in sorted(by_code.items())))


@contextmanager
def _stop_on_interrupt() -> Iterator[threading.Event]:
    """The first Ctrl-C asks the ingest to stop after its current batch and save; a second
    one stops at once (the store then stays as it was at the last save)."""
    stop = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def handler(signum: int, frame: object) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        err_console.print("[yellow]stopping after this batch (Ctrl-C again to stop at once)…[/yellow]")

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)
