"""One BLAS thread per process (newsgraph/blas.py): set before NumPy loads, or told to an
OpenBLAS already loaded, and never over a thread count the user chose."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_PROBE = """
import ctypes, os
{imports}
paths = sorted({{l.split()[-1] for l in open('/proc/self/maps') if 'openblas' in l.lower() and '/' in l}})
threads = None
for p in paths:
    lib = ctypes.CDLL(p)
    for name in ('scipy_openblas_get_num_threads64_', 'openblas_get_num_threads64_', 'openblas_get_num_threads'):
        fn = getattr(lib, name, None)
        if fn is not None:
            threads = fn()
            break
    if threads is not None:
        break
print(os.environ.get('OPENBLAS_NUM_THREADS'), threads)
"""


def _probe(imports: str, env: dict[str, str]) -> tuple[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    clean.update(env, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", _PROBE.format(imports=imports)], env=clean,
                         capture_output=True, text=True, check=True).stdout.split()
    return out[0], out[1]


def test_newsgraph_first_sets_one_thread_before_numpy_loads() -> None:
    assert _probe("import newsgraph, numpy", {}) == ("1", "1")


def test_numpy_first_is_told_one_thread() -> None:
    assert _probe("import numpy\nimport newsgraph", {}) == ("1", "1")


def test_a_thread_count_the_user_chose_stays() -> None:
    assert _probe("import newsgraph, numpy", {"OPENBLAS_NUM_THREADS": "2"}) == ("2", "2")


def _tokenizers_setting(env: dict[str, str]) -> str:
    clean = {k: v for k, v in os.environ.items() if k != "TOKENIZERS_PARALLELISM"}
    clean.update(env, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-c", "import os, newsgraph; "
                           "print(os.environ.get('TOKENIZERS_PARALLELISM'))"],
                          env=clean, capture_output=True, text=True, check=True).stdout.strip()


def test_tokenizers_encode_on_the_calling_thread_unless_the_user_chose() -> None:
    assert _tokenizers_setting({}) == "false"
    assert _tokenizers_setting({"TOKENIZERS_PARALLELISM": "true"}) == "true"
