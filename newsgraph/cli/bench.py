"""`newsgraph bench …`: benchmarks that print figures (never asserted in tests)."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli._util import app

bench_app = typer.Typer(help="Measure speed and accuracy on public data in ../shared/data.",
                        no_args_is_help=True)
app.add_typer(bench_app, name="bench")


def _run(module: str, **kwargs: object) -> None:
    importlib.import_module(f"newsgraph.bench.{module}").main(**kwargs)


@bench_app.command()
def throughput(
    limit: Annotated[int | None, typer.Option(help="Articles to use (default: all 2,225).")] = None,
    scaling: Annotated[int, typer.Option(help="N for the N vs 4N Reuters run (0 skips it).")] = 500,
    workers: Annotated[int | None, typer.Option(
        "--workers", "-w", min=1, help="Worker processes of the whole-pipeline arm (default: cores).")
    ] = None,
    spine: Annotated[bool, typer.Option(help="Also time the spine (no facts, no resolution).")] = False,
) -> None:
    """Ingest throughput on BBC News beside one- and two-process bare spaCy passes (with the
    default workers and with --workers 1); N vs 4N growth on Reuters."""
    _run("throughput", limit=limit, scaling=scaling, workers=workers, spine=spine)


@bench_app.command()
def extract(
    data_dir: Annotated[Path | None, typer.Option(help="article-extraction folder.")] = None,
    limit: Annotated[int | None, typer.Option(help="Pages to use.")] = None,
) -> None:
    """Article-body F1 on the article-extraction benchmark: HTML path and plain-text cleaner."""
    _run("extract", data_dir=data_dir, limit=limit)


_PASSTHROUGH = {
    "entities": "ECB+ entity coreference beside baselines, N→4N scaling, the seeds' entities.",
    "events": "PLOVER/CASE-2021 event typing, ECB+ event coreference, stage cost, the seeds' events.",
    "e2e": ("ECB+ articles through the whole pipeline, the export scored: mentions, coreference, "
            "corroboration precision."),
    "arguments": ("Event actors/targets and claim speakers left as a bare pronoun on a BBC News "
                  "ingest; linked pronouns and descriptions by rule."),
    "claims": "PolNeAR attribution beside textacy (add --seeds to print the seeds' claims).",
    "time": "TimeBank+AQUAINT time expressions: detection F1 and value accuracy.",
    "ner": "CoNLL-2003 NER F1 (labels mapped), bare spaCy beside the pipeline's mentions, per "
           "candidate model, with load time, tokens/s and peak memory.",
    "places": "Place resolution accuracy on the hand-annotated BBC sample; unresolved share.",
    "stories": "Duplicates (BBC, Reuters), synthetic copies/spins, ECB+ story clustering, cost.",
    "signals": "False-positive rate of MT and spinning signals on native news, scores on degraded copies.",
    "scale": "Whole-pipeline ingest on a local Dask cluster beside one process (same records?).",
    "latency": "API query latency p50/p95 on a store of 100k articles (replicated from real ingests).",
    "crash": "kill -9 at random moments of an ingest, then a rerun; two writers at once; an edit "
             "during an ingest — each store compared with the undisturbed run's.",
    "state": "Resolver state saves after a batch added to a grown store: rows and bytes written "
             "beside a whole pickle.",
    "publishers": "Publisher found and right: the seeds and the article-extraction pages, 4 ways.",
    "crosslingual_entities": ("Cross-language entity resolution on WMT newstest fr/en article pairs: "
                              "share of name pairs in aligned lines resolved to one entity; joins to "
                              "hand-check."),
    "audit": "Hand audit of cross-document event joins (Reuters + BBC): precision from judgements.",
    "multilingual": ("WMT newstest fr/en (--langs) as separate articles among unrelated news, whole "
                     "pipeline: translation-link P/R/F1 (original and sibling pairs), original side, "
                     "story B³ and one-language stories."),
    "original_side": ("Which side of a translation is the original, from how the texts read "
                      "(translationese): WMT newstest fr/en/de/es pairs, per direction how often a side "
                      "is stated and its precision; sibling pairs wrongly given a side; --fit refits."),
    "partial_reading": ("Articles in languages no pipeline reads, read partially (names by capitalisation, "
                        "dates, places): WMT newstest de/es against the English version's names, dates, "
                        "places."),
    "robustness": "1,000+ generated hostile files beside 100 BBC articles through the whole pipeline: "
                  "crashes, codes, good articles stored, peak memory, slowest files, growth with length.",
}


def _passthrough(module: str, help_text: str, name: str | None = None) -> None:
    @bench_app.command(name=name or module.replace("_", "-"),
                       help=help_text + " Options after the name go to the benchmark (try --help).",
                       context_settings={"allow_extra_args": True, "ignore_unknown_options": True,
                                         "help_option_names": []})
    def command(ctx: typer.Context) -> None:
        importlib.import_module(f"newsgraph.bench.{module}").main(list(ctx.args))


for _name, _help in _PASSTHROUGH.items():
    _passthrough(_name, _help)
_passthrough("french_ner", "French NER on WiNER-fr (dev years) and HIPE-2022 dev: strict and overlap F1 per "
             "type, the pipeline's French mentions beside the French spaCy pipeline as-is; French time "
             "expressions; French vs English ingest words/s.", name="french-ner")
