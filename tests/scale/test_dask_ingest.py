"""Ingest on a Dask cluster stores exactly what a local ingest stores, bad input included."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.errors import AnnotateError, ScaleError
from newsgraph.export.jsonl import iter_records
from newsgraph.model import Document
from newsgraph.pipeline import ingest
from newsgraph.scale import dask_client, dask_processor
from newsgraph.scale.workers import collect
from newsgraph.settings import Options
from newsgraph.store import Store

FIRST = """Miners' leader Jonas Weller arrested in Tarvik

Thursday, March 4, 2021

Police arrested miners' leader Jonas Weller in Tarvik on Wednesday, a police spokesman said.

Weller, who heads the Northern Miners Federation, had called a strike at the Tarvik copper mine. The federation said the arrest was an attempt to break the strike.
"""

FIRST_COPY = """Share on Facebook | Share on Twitter | Email this article

Miners' leader Jonas Weller arrested in Tarvik

Source: Tarvik Courier

Police arrested miners' leader Jonas Weller in Tarvik on Wednesday, a police spokesman said.

Weller, who heads the Northern Miners Federation, had called a strike at the Tarvik copper mine. The federation said the arrest was an attempt to break the strike.

Copyright 2021 Regional News Aggregator. All rights reserved.
"""

SECOND = """Strike spreads after Weller arrest

Friday, March 5, 2021

Workers at three more mines walked out on Thursday, a day after police detained Jonas Weller in Tarvik.

Mr. Weller's lawyer said his client denied any wrongdoing.
"""


@pytest.fixture(scope="module")
def client():
    with dask_client("local:1") as c:
        yield c


def _corpus(root: Path) -> Path:
    root.mkdir()
    (root / "a_first.txt").write_text(FIRST, encoding="utf-8")
    (root / "b_copy.txt").write_text(FIRST_COPY, encoding="utf-8")
    (root / "c_empty.txt").write_bytes(b"")
    (root / "d_first_again.txt").write_text(FIRST, encoding="utf-8")  # same bytes: present
    (root / "e_binary.txt").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    (root / "f_second.txt").write_text(SECOND, encoding="utf-8")
    long = "\n\n".join(f"Workers at mine {i} near Tarvik stayed out on day {i} of the strike, the "
                         f"federation said in its bulletin number {i}." for i in range(30))
    (root / "g_long.txt").write_text(long, encoding="utf-8")  # over the test's annotation cap
    return root


def _records(store: Store) -> list[str]:
    return [json.dumps(r, sort_keys=True) for r in iter_records(store)]


def test_cluster_ingest_stores_what_a_local_ingest_stores(tmp_path: Path, client):
    root = _corpus(tmp_path / "corpus")
    # One document per batch: several batches are in flight on the worker at once,
    # and the repeated article arrives while its first copy is still being processed.
    # A low annotation cap: one file fails on the worker (E302) as it does here, the rest goes on;
    # short sections: the articles are parsed in sections there, joined and chained there.
    options = Options(batch_size=1, max_chars=2000, section_chars=300)
    with Store(tmp_path / "local.db") as local, Store(tmp_path / "cluster.db") as cluster:
        here = ingest([root], local, options, root=root)
        there = ingest([root], cluster, options, root=root, processor=dask_processor(client))
        assert there.ingested == here.ingested and len(there.ingested) == 3
        assert there.present == here.present and len(there.present) == 1
        assert [(Path(f.path).name, f.code) for f in there.failed] == \
            [(Path(f.path).name, f.code) for f in here.failed] == [
                ("c_empty.txt", "E101"), ("e_binary.txt", "E103"), ("g_long.txt", "E302")]
        got = _records(cluster)
        assert got == _records(local)
        kinds = {r.get("record", r["kind"]) for r in map(json.loads, got)}
        assert {"document", "entity", "event", "claim", "story", "link"} <= kinds
        # The chains came back from the worker: the resolver joined "Weller" across reports.
        weller = [r for r in map(json.loads, got) if r["kind"] == "entity" and r["name"] == "Jonas Weller"]
        assert len(weller) == 1 and len({m["doc"] for m in weller[0]["mentions"]}) == 3


def test_cluster_reingest_is_a_no_op(tmp_path: Path, client):
    root = _corpus(tmp_path / "corpus")
    with Store(tmp_path / "kb.db") as store:
        first = ingest([root], store, root=root, processor=dask_processor(client))
        again = ingest([root], store, root=root, processor=dask_processor(client))
        assert again.ingested == [] and set(again.present) == set(first.ingested)


class _Failed:
    def __init__(self, exc: Exception):
        self.exc = exc

    def result(self):
        raise self.exc


def test_a_batch_lost_on_the_cluster_is_processed_locally():
    docs = [Document(id="d1", path="lost.txt", text="Police arrested two men in Berlin on Monday.")]
    (processed,) = collect(docs, _Failed(OSError("worker connection lost")), Options())
    adoc, facts = processed
    assert adoc.annotated and adoc.doc is not None and facts is not None
    assert [m.text for m in adoc.mentions if m.label == "GPE"] == ["Berlin"]


def test_a_newsgraph_error_on_a_worker_is_raised_as_locally():
    with pytest.raises(AnnotateError):
        collect([], _Failed(AnnotateError("model missing", code="E301")), Options())


def test_an_unreachable_scheduler_is_a_clear_error(monkeypatch):
    monkeypatch.setattr("newsgraph.scale.cluster.CONNECT_TIMEOUT", 2)
    with pytest.raises(ScaleError) as err, dask_client("tcp://127.0.0.1:9"):
        pass
    assert err.value.code == "E701" and "tcp://127.0.0.1:9" in str(err.value)


def test_the_cli_names_a_bad_cluster_address_and_stores_nothing(tmp_path: Path):
    from typer.testing import CliRunner

    from newsgraph.cli.main import app

    root = _corpus(tmp_path / "corpus")
    result = CliRunner().invoke(app, ["ingest", str(root), "--db", str(tmp_path / "kb.db"), "--dask", "local:0"])
    assert result.exit_code == 1
    assert "E701" in result.output and "local:0" in result.output
    with Store(tmp_path / "kb.db") as store:
        assert store.stats()["documents"] == 0
