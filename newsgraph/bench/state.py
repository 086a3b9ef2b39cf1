"""What a save of the resolvers' state writes when a batch is added to a grown store.

N BBC News articles (a seeded shuffle) are ingested; then two batches of K more, each a
run of its own (the second starts from state loaded from rows, as any later ingest).
For the event resolver and the story index, each save prints the rows and bytes it
wrote against all the state's rows (``store/state_rows.py``), beside the bytes a whole
pickle of the same object — what every save wrote before — would have written.

    newsgraph bench state [--articles 300] [--more 15] [--seed 7] [--keep DIR]
"""

from __future__ import annotations

import argparse
import pickle
import shutil
import tempfile
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

__all__ = ["main"]


def main(argv: list[str] | None = None) -> None:
    from newsgraph.bench.crash import _corpus
    from newsgraph.pipeline import ingest
    from newsgraph.settings import Options
    from newsgraph.store import Store, state_rows

    parser = argparse.ArgumentParser(prog="newsgraph bench state", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--more", type=int, default=15, help="articles in each added batch")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="work folder to keep (default: a temporary one)")
    args = parser.parse_args(argv)
    console = Console()
    table = Table(title=f"state saves after {args.articles} BBC News articles, then {args.more} more, twice")
    for col in ("run", "stage", "rows written", "of rows", "bytes written", "of bytes", "share",
                "a whole pickle"):
        table.add_column(col, justify="left" if col in ("run", "stage") else "right")
    saves: list[tuple[str, tuple[int, int, int, int], int]] = []
    real = state_rows.StateRows.save

    def save(self: Any, obj: Any) -> None:
        real(self, obj)
        saves.append((self.stage, self.last_save, len(pickle.dumps(obj, protocol=5))))

    state_rows.StateRows.save = save  # type: ignore[method-assign]
    try:
        with tempfile.TemporaryDirectory(prefix="newsgraph-state-") as tmp:
            work = args.keep or Path(tmp)
            corpus = _corpus(work / "corpus", args.articles + 2 * args.more, args.seed)
            files = sorted(corpus.iterdir())
            n, k = args.articles, args.more
            folders = {"first": files[:n], "added 1": files[n:n + k], "added 2": files[n + k:]}
            db = work / "kb.db"
            for run, paths in folders.items():
                folder = work / run.replace(" ", "_")
                folder.mkdir(exist_ok=True)
                for p in paths:
                    shutil.copyfile(p, folder / p.name)
                saves.clear()
                with Store(db) as store:  # a run of its own: state loaded from the store
                    ingest([folder], store, Options())
                for stage, (w, u, bw, bt), whole in saves:
                    table.add_row(run, stage, f"{w:,}", f"{w + u:,}", f"{bw:,}", f"{bt:,}",
                                  f"{100 * bw / max(bt, 1):.1f} %", f"{whole:,}")
    finally:
        state_rows.StateRows.save = real  # type: ignore[method-assign]
    console.print(table)


if __name__ == "__main__":
    main()
