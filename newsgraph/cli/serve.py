"""`newsgraph serve`: the HTTP API and web UI (loopback only unless a token is given)."""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli._util import DEFAULT_DB, DbOption, app, console, err_console
from newsgraph.errors import ServeError


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None) -> None:
    """Refuse to expose the store beyond this machine without a token (E501)."""
    if not is_loopback(host) and not token:
        raise ServeError(f"refusing to bind {host}: a non-loopback address needs --token "
                         "(or NEWSGRAPH_TOKEN)", code="E501")


@app.command()
def serve(
    db: Annotated[Path, DbOption] = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    token: Annotated[str | None, typer.Option(help="Bearer token required on every request.",
                                              envvar="NEWSGRAPH_TOKEN")] = None,
) -> None:
    """Serve the JSON API (/docs for OpenAPI) and the analyst web UI."""
    import uvicorn

    from newsgraph.api.app import create_app

    try:
        check_bind(host, token)
    except ServeError as exc:
        err_console.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc
    if not db.exists():
        err_console.print(f"[red]no database at {db}[/red]: run `newsgraph ingest PATH --db {db}` first")
        raise typer.Exit(2)
    console.print(f"serving {db} on http://{host}:{port}/ (JSON API: /api, OpenAPI: /docs)")
    os.environ.setdefault("NEWSGRAPH_DB", str(db))
    uvicorn.run(create_app(db, token=token), host=host, port=port, log_level="warning")
