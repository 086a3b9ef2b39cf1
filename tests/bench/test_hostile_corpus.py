"""The robustness bench's hostile corpus: over a thousand files, the same bytes for the same seed."""

from __future__ import annotations

import hashlib
from pathlib import Path

from newsgraph.bench.hostile_corpus import generate


def _digest(root: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.is_symlink():
            h.update(f"{p.relative_to(root)} -> {p.readlink()}".encode())
        elif p.is_file():
            h.update(str(p.relative_to(root)).encode() + p.read_bytes())
    return h.hexdigest()


def test_the_corpus_is_large_varied_and_deterministic(tmp_path: Path):
    specs = generate(tmp_path / "a", seed=7, big=False)
    again = generate(tmp_path / "b", seed=7, big=False)
    assert [s.path for s in specs] == [s.path for s in again]
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")
    assert len(specs) >= 1000 and {s.expect for s in specs} == {"fail", "store", "either"}
    kinds = {s.kind.split("-")[0] for s in specs}
    assert {"empty", "binary", "encoding", "json", "jsonl", "gz", "warc", "html", "xhtml", "feed", "text",
            "symlink"} <= kinds
    assert all((tmp_path / "a" / s.path).is_symlink() or (tmp_path / "a" / s.path).exists() for s in specs)
