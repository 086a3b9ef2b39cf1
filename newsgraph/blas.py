"""One BLAS thread per process (and one tokenizer thread): the pipeline's processes are its parallelism.

An ingest runs a worker process per core and the corpus stages in the main process, so
every core is already taken. NumPy's OpenBLAS starts a thread per core of its own for any
matrix product past a small size (about 9,000 elements: a story index of 36 documents) —
the stories' comparisons with every stored document and story, the event and entity
vectors — and its threads spin while they wait for work. On this project's two-core
machine, with two workers parsing beside it, a product of 3,000 × 256 floats by a vector
cost the main process 1.2 ms of CPU with OpenBLAS's threads and 0.06 ms with one, and
the products grow with the corpus (``newsgraph bench throughput --scaling``).

``one_thread`` sets ``OPENBLAS_NUM_THREADS`` (and the OpenMP and MKL equivalents) to 1
unless the user set them, before NumPy is imported (``newsgraph/__init__.py`` calls it,
so every process that imports newsgraph — the CLI, spawned workers, the API — inherits
it), and tells an OpenBLAS already loaded, when NumPy came first. A user who wants
BLAS threads sets the variable. Nothing computed changes: the sorted JSONL exports of the
demo seeds, 300 BBC articles (two workers and one) and 2,400 Reuters stories are byte-
identical with OpenBLAS's threads and with one.

The same holds for Hugging Face ``tokenizers``, which the sentence embedder (WordLlama,
``resolve/stories/_embed.py``) calls for every document's sentences in the workers: its
``encode_batch`` runs on a thread pool of its own (Rayon, a thread per core) unless
``TOKENIZERS_PARALLELISM`` is false. Embedding the sentences of 300 BBC articles cost
0.40–0.46 s of process CPU with that pool and 0.27–0.36 s without (the pool's threads
wait by spinning), to the same vectors; ``one_thread`` sets the variable to false unless
the user set it.
"""

from __future__ import annotations

import ctypes
import os
import sys

__all__ = ["one_thread"]

_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
#: The setters of the OpenBLAS builds NumPy ships (scipy-openblas, 64-bit ints) or links.
_SETTERS = ("scipy_openblas_set_num_threads64_", "openblas_set_num_threads64_", "openblas_set_num_threads")


def one_thread() -> None:
    """One BLAS thread in this process and the processes it starts, unless the
    environment says otherwise (see the module docstring)."""
    chosen = os.environ.get("OPENBLAS_NUM_THREADS")
    for name in _VARIABLES:
        os.environ.setdefault(name, "1")
    # Read by tokenizers when it encodes, so it holds even if tokenizers came first.
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    if chosen is None and "numpy" in sys.modules:
        _tell_loaded_openblas(1)


def _tell_loaded_openblas(threads: int) -> None:
    """Set the thread count of an OpenBLAS NumPy has already loaded (the variable is read
    when the library loads): the shared objects mapped into this process are searched for
    its setter."""
    try:
        with open("/proc/self/maps", encoding="utf-8") as fh:
            paths = {line.split()[-1] for line in fh if "openblas" in line.lower() and "/" in line}
    except OSError:  # not Linux: the variable alone, for processes started from here
        return
    for path in sorted(paths):
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for setter in _SETTERS:
            fn = getattr(lib, setter, None)
            if fn is not None:
                fn(ctypes.c_int(threads))
                return
