"""`newsgraph places`: the resolved places in the store with coordinates and mention counts."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from newsgraph.cli._util import DEFAULT_DB, DbOption, JsonOption, app, console, print_json
from newsgraph.store import Store
from newsgraph.store.facts_queries import place_points, unresolved_place_mentions


@app.command()
def places(
    db: Annotated[Path, DbOption] = DEFAULT_DB,
    country: Annotated[str | None, typer.Option(help="Only this country (ISO 3166 alpha-2).")] = None,
    doc: Annotated[str | None, typer.Option("--doc", help="Only this document (its id).")] = None,
    as_json: Annotated[bool, JsonOption] = False,
) -> None:
    """List the places mentioned, resolved to the gazetteer, most mentioned first."""
    with Store(db, readonly=True) as store:
        points = place_points(store, country=country.upper() if country else None, doc=doc)
        unresolved = unresolved_place_mentions(store, doc=doc)
    if as_json:
        print_json({"total": len(points), "unresolved_mentions": unresolved,
                    "places": [asdict(p) for p in points]})
        return
    table = Table(title=f"{len(points)} place(s); {unresolved} mention(s) unresolved")
    for name, justify in (("place", "left"), ("country", "left"), ("kind", "left"), ("lat", "right"),
                          ("lon", "right"), ("mentions", "right"), ("docs", "right"),
                          ("written as", "left"), ("geonameid", "right")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for p in points:
        table.add_row(p.name, p.country or "—", p.feature or "", f"{p.lat:.4f}", f"{p.lon:.4f}",
                      str(p.mentions), str(p.documents), ", ".join(p.forms), str(p.geonameid))
    console.print(table)
