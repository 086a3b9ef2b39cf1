"""Import direction between the packages, read from the source (AST), not by importing it.

- ``resolve/`` is pure: it imports no ``newsgraph.store`` (nor ``signals``), no ``sqlite3``,
  and holds no SQL statement; the corpus job (``newsgraph/resolve_job.py``) moves
  records between it and ``store/resolution.py``.
- ``resolve/`` imports, of newsgraph, only ``model``, ``nlp``, ``settings`` and ``errors``
  (the coded errors, a leaf that imports nothing of newsgraph): never ``store``,
  ``extract``, ``api`` or ``signals``. What it needs of another stage comes in as records
  (``AnnotatedDocument.quotations``: the claims stage's quotation speakers).
- ``store/`` imports no stage: not ``resolve/`` and not ``signals/``.
- no two ``store/`` modules import each other (directly).
- ``store/`` owns every SQL statement: no module outside it calls ``execute``,
  ``executemany`` or ``executescript`` or holds an SQL string, except the benchmark that
  builds a scratch store of its own (``SCRATCH_STORES``).
- ``nlp/`` (the annotator's readings and the tables they share) imports no later stage:
  not ``resolve`` (whose name tables it reads live in ``nlp`` and resolve imports them
  from there), ``extract``, ``signals``, ``store``, ``api`` or ``web``.
- no module imports a private name (``_name``, or a module ``_name``) of another package.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import newsgraph

PACKAGE = Path(newsgraph.__file__).parent

#: A string that reads as an SQL statement (keyword then what it needs to run).
SQL = re.compile(r"^\s*(SELECT\s.+\sFROM\s|INSERT\s+(OR\s+\w+\s+)?INTO\s|UPDATE\s+\w+\s+SET\s|"
                 r"DELETE\s+FROM\s|CREATE\s+(TABLE|INDEX|TRIGGER|VIEW)\s|DROP\s+TABLE\s|PRAGMA\s)",
                 re.IGNORECASE | re.DOTALL)


def _modules(sub: str) -> list[Path]:
    return sorted((PACKAGE / sub).rglob("*.py"))


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _callee(node: ast.Call) -> str | None:
    f = node.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None


def imports(path: Path, module: str | None = None) -> set[str]:
    """Every module ``path`` imports, anywhere in it (top level, functions,
    ``TYPE_CHECKING`` blocks, ``importlib.import_module("…")``), relative imports made
    absolute (``module``: the file's dotted name, by default from its place in the
    package); ``from a import b`` counts as ``a`` and ``a.b`` (b may be a module)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    module = module or _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                head = package.split(".")
                head = head[:len(head) - node.level + 1]
                base = ".".join([*head, base] if base else head)
            out.add(base)
            out.update(f"{base}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str) and _callee(node) in ("__import__", "import_module"):
            out.add(node.args[0].value)
    return out


def sql_strings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
                  and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            if SQL.search(node.value):
                out.append(node.value.strip()[:60])
        elif isinstance(node, ast.JoinedStr):
            head = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
            if SQL.search(head):
                out.append(head.strip()[:60])
    return out


def _under(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def _rel(path: Path) -> str:
    return str(path.relative_to(PACKAGE.parent))


def test_resolve_imports_no_store_no_signals_no_sqlite() -> None:
    bad = {_rel(p): sorted(n for n in imports(p) if _under(n, "newsgraph.store") or _under(n, "newsgraph.signals")
                           or _under(n, "sqlite3") or _under(n, "apsw") or _under(n, "sqlalchemy"))
           for p in _modules("resolve")}
    assert {k: v for k, v in bad.items() if v} == {}


def test_resolve_runs_no_sql() -> None:
    found = {_rel(p): s for p in _modules("resolve") if (s := sql_strings(p))}
    assert found == {}


#: What ``resolve/`` may import of newsgraph besides itself.
RESOLVE_MAY_IMPORT = ("newsgraph.model", "newsgraph.nlp", "newsgraph.settings", "newsgraph.errors",
                      "newsgraph.resolve")


def _not_for_resolve(name: str) -> bool:
    return _under(name, "newsgraph") and name != "newsgraph" and not any(_under(name, ok) for ok in RESOLVE_MAY_IMPORT)


def test_resolve_imports_only_model_nlp_settings() -> None:
    bad = {_rel(p): sorted(n for n in imports(p) if _not_for_resolve(n)) for p in _modules("resolve")}
    assert {k: v for k, v in bad.items() if v} == {}


#: Stages that run after annotation, which ``nlp/`` must not reach into.
NLP_MUST_NOT_IMPORT = ("newsgraph.resolve", "newsgraph.extract", "newsgraph.signals", "newsgraph.store",
                       "newsgraph.api", "newsgraph.web")


def test_nlp_imports_no_later_stage() -> None:
    bad = {_rel(p): sorted(n for n in imports(p) if any(_under(n, s) for s in NLP_MUST_NOT_IMPORT))
           for p in _modules("nlp")}
    assert {k: v for k, v in bad.items() if v} == {}


#: Benchmarks that build a scratch store of their own, and why they run SQL: ``latency``
#: grows a store to 100k articles by copying a built one's rows under fresh ids (ATTACH,
#: bulk INSERT of every table, FTS rebuild) — a bench tool, not a query of the product.
SCRATCH_STORES = {"newsgraph/bench/latency.py"}

#: Connection methods that run SQL.
EXECUTE = frozenset({"execute", "executemany", "executescript"})


def executes(path: Path) -> list[int]:
    """Lines where ``path`` calls ``….execute(…)``, ``executemany`` or ``executescript``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return sorted(n.lineno for n in ast.walk(tree)
                  if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in EXECUTE)


def _outside_store() -> list[Path]:
    return [p for p in sorted(PACKAGE.rglob("*.py"))
            if not _under(_module_name(p), "newsgraph.store") and _rel(p) not in SCRATCH_STORES]


def test_only_the_store_runs_sql() -> None:
    found = {_rel(p): lines for p in _outside_store() if (lines := executes(p))}
    assert found == {}


def test_only_the_store_holds_sql() -> None:
    found = {_rel(p): s for p in _outside_store() if (s := sql_strings(p))}
    assert found == {}


def test_scratch_stores_exist() -> None:
    # A name left here after its module is gone (or moved) would excuse nothing: say so.
    assert all((PACKAGE.parent / name).is_file() for name in SCRATCH_STORES)


def _private_imports(path: Path) -> list[str]:
    """``from newsgraph.x… import _name`` or ``…x._mod…`` where ``x`` is another package than
    ``path``'s own (``newsgraph.<x>``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    own = ".".join(_module_name(path).split(".")[:2])
    out = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "newsgraph" and ".".join(parts[:2]) != own and any(
                    x.startswith("_") and not x.startswith("__") for x in parts[1:]):
                out.append(name)
    return sorted(set(out))


def test_no_private_name_crosses_packages() -> None:
    found = {_rel(p): names for p in sorted(PACKAGE.rglob("*.py")) if (names := _private_imports(p))}
    assert found == {}


def test_store_imports_no_stage() -> None:
    bad = {_rel(p): sorted(n for n in imports(p) if _under(n, "newsgraph.resolve") or _under(n, "newsgraph.signals"))
           for p in _modules("store")}
    assert {k: v for k, v in bad.items() if v} == {}


def test_store_modules_import_each_other_in_one_direction() -> None:
    names = {_module_name(p): p for p in _modules("store")}
    edges = {(m, n) for m, p in names.items() for n in imports(p) if n in names and n != m
             and n != "newsgraph.store"}
    assert sorted((a, b) for a, b in edges if (b, a) in edges) == []


# -- the scanner itself: it must see what it is meant to forbid -------------------------
@pytest.mark.parametrize(("source", "forbidden"), [
    ("from newsgraph.store import Store\n", True),
    ("import newsgraph.store.sqlite as s\n", True),
    ("def f():\n    from newsgraph.store.entity_queries import mention_rows\n", True),
    ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from newsgraph.store import Store\n", True),
    ("import sqlite3\n", True),
    ("from ...store import resolution\n", True),
    ("import importlib\nm = importlib.import_module('newsgraph.store.resolution')\n", True),
    ("from newsgraph.model import Entity\n", False),
    ("from ..dates import date_document\n", False),
])
def test_scanner_sees_imports(tmp_path: Path, source: str, forbidden: bool) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(source)
    found = imports(probe, module="newsgraph.resolve.entities.probe")
    assert any(_under(n, "newsgraph.store") or _under(n, "sqlite3") for n in found) is forbidden


@pytest.mark.parametrize(("source", "forbidden"), [
    ("from newsgraph.extract.claims.sources import quotation_sources\n", True),
    ("def f():\n    from newsgraph.api import urls\n", True),
    ("from newsgraph.signals import corroboration\n", True),
    ("from newsgraph.nlp.places import candidates\n", False),
    ("from newsgraph.model.claims import QuotationSource\n", False),
    ("from newsgraph import settings\n", False),
    ("from ..entities import within\n", False),
])
def test_scanner_sees_stage_imports(tmp_path: Path, source: str, forbidden: bool) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(source)
    found = imports(probe, module="newsgraph.resolve.events.probe")
    assert any(_not_for_resolve(n) for n in found) is forbidden


@pytest.mark.parametrize(("source", "found"), [
    ("store.conn.execute('SELECT 1')\n", [1]),
    ("x = 1\ncon.executemany(sql, rows)\n", [2]),
    ("conn.executescript(script)\n", [1]),
    ("pool.submit(job)\n", []),
])
def test_scanner_sees_execute(tmp_path: Path, source: str, found: list[int]) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(source)
    assert executes(probe) == found


@pytest.mark.parametrize(("source", "private"), [
    ("from newsgraph.nlp.places import _prior\n", True),
    ("from newsgraph.bench._spacy_adoc import annotate_text\n", True),
    ("from newsgraph.resolve.stories import _text\n", True),
    ("from newsgraph.nlp.places import candidate_prior\n", False),
    ("from newsgraph.api.highlight import _paragraph_spans\n", False),  # its own package
])
def test_scanner_sees_private_imports(tmp_path: Path, source: str, private: bool) -> None:
    probe = PACKAGE / "api" / f"_probe_{tmp_path.name}.py"  # placed in ``api`` for its package
    try:
        probe.write_text(source)
        assert bool(_private_imports(probe)) is private
    finally:
        probe.unlink()


@pytest.mark.parametrize(("source", "sql"), [
    ('q = "SELECT id FROM documents WHERE resolved = 1"\n', True),
    ('conn.execute("INSERT OR REPLACE INTO entities (id) VALUES (?)", x)\n', True),
    ('conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", x)\n', True),
    ('conn.execute("UPDATE events SET publisher_count = ? WHERE id = ?", x)\n', True),
    ('"""Select the best candidate from the list; update the index."""\n', False),
    ('why = "select from the candidates the one whose name is longest"\n', False),
])
def test_scanner_sees_sql(tmp_path: Path, source: str, sql: bool) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(source)
    assert bool(sql_strings(probe)) is sql
