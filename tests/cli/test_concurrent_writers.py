"""Two `newsgraph ingest` processes on one store at once: the second waits, nothing is lost."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from newsgraph.export.jsonl import iter_records
from newsgraph.pipeline import ingest
from newsgraph.store import Store
from newsgraph.store.consistency import problems

ARTICLES = {
    "first/bridge.txt": """Kellby bridge closes for repairs

The swing bridge over the Varn at the invented town of Kellby closed on Monday for three weeks of repairs, the Varn Estuary Council said.

Council engineer Ilse Markov said cracks had been found in two of the bridge's steel piers.
""",
    "first/ferry.txt": """Ferries carry Kellby commuters during bridge repairs

Extra ferries ran between Kellby and Osterwick on Tuesday while the swing bridge stayed closed, the Varn Estuary Ferry Company said.

Ilse Markov of the Varn Estuary Council thanked commuters for their patience.
""",
    "second/mill.txt": """Osterwick paper mill to close

The paper mill at the invented town of Osterwick will close in March with the loss of 240 jobs, its owner Brantley Paper said on Wednesday.

Union official Tomas Kerrigan said the workers would ask the Varn Estuary Council for help.
""",
    "second/mill_talks.txt": """Talks to save Osterwick mill

Brantley Paper met union leaders on Thursday to discuss the planned closure of its Osterwick mill, Tomas Kerrigan said.

The Varn Estuary Council offered to buy the site if the mill closes.
""",
}


def _write(root: Path) -> tuple[Path, Path]:
    for name, text in ARTICLES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root / "first", root / "second"


def _export(db: Path) -> list[str]:
    with Store(db, readonly=True) as store:
        return sorted(json.dumps({k: v for k, v in r.items() if k != "path"}, sort_keys=True)
                      for r in iter_records(store))


def test_two_ingests_at_once_store_what_two_in_turn_store(tmp_path: Path):
    first, second = _write(tmp_path)
    db = tmp_path / "kb.db"
    Store(db).close()
    cmd = [sys.executable, "-m", "newsgraph.cli.main", "ingest", "--db", str(db)]
    runs = {folder.name: subprocess.Popen([*cmd, str(folder)], stdout=subprocess.PIPE,
                                          stderr=subprocess.PIPE, text=True)
            for folder in (first, second)}
    out = {name: run.communicate(timeout=600) for name, run in runs.items()}
    assert all(run.returncode == 0 for run in runs.values()), out
    waited = [name for name, (_, err) in out.items() if "waiting:" in err]
    assert len(waited) <= 1
    # The one that waited ran second; with no wait observed, either order is possible.
    orders = [[second, first]] if waited == ["first"] else [[first, second]] if waited else \
        [[first, second], [second, first]]
    got = _export(db)
    with Store(db, readonly=True) as store:
        assert store.stats()["documents"] == len(ARTICLES)
        assert problems(store) == {}
    expected = []
    for i, order in enumerate(orders):
        with Store(tmp_path / f"turn{i}.db") as store:
            for folder in order:
                ingest([folder], store)
        expected.append(_export(tmp_path / f"turn{i}.db"))
    assert got in expected, _difference(got, expected, out)


def _difference(got: list[str], expected: list[list[str]], out: dict) -> str:
    """Which records differ, by kind, against each admissible order (for the failure message)."""
    lines = []
    for order in expected:
        kinds: dict[str, int] = {}
        for line in set(got) ^ set(order):
            kind = json.loads(line)["kind"]
            kinds[kind] = kinds.get(kind, 0) + 1
        lines.append(str(kinds))
    return f"records differing by kind: {lines}; stderr: {[e[-500:] for _, e in out.values()]}"
