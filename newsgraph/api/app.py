"""The web app: ``create_app(db_path, token=…)`` wires config, security, errors, static files and routes.

Browser libraries installed from npm are served at ``/vendor/…`` (``web.vendor`` lists
the files; nothing else under the npm folder is reachable).

Layout after Datasette: ``routes.py`` lists every URL, ``views/`` has one
module per page kind returning a context dataclass, ``urls.py`` builds every
link, templates live in ``newsgraph/web/templates``. FastAPI's own ``/docs``
(Swagger UI from a CDN) is replaced by an offline page rendered from the same
OpenAPI document.
"""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.staticfiles import StaticFiles

from newsgraph import __version__
from newsgraph.api import routes
from newsgraph.api.config import ApiConfig
from newsgraph.api.errors import ApiError
from newsgraph.api.jobs import IngestJobs
from newsgraph.api.security import install_security
from newsgraph.api.views.error import error_response
from newsgraph.errors import NewsgraphError
from newsgraph.store import Store
from newsgraph.web.vendor import served_file

__all__ = ["STATIC", "create_app"]

STATIC = Path(__file__).resolve().parents[1] / "web" / "static"

DESCRIPTION = """The newsgraph JSON API: full-text search, documents with their clean text,
removed boilerplate, sentences and entity mentions (character offsets into the clean text).

Every HTML page of the web UI also answers as JSON at its URL plus `.json`.
Errors always have the shape `{"ok": false, "error": {"code": "E5xx", "message": "…"}}`."""


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        return error_response(request, exc.status, exc.code, exc.reason)

    @app.exception_handler(NewsgraphError)
    async def newsgraph_error(request: Request, exc: NewsgraphError) -> Response:
        return error_response(request, 500, exc.code, exc.reason)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code = {404: "E503", 405: "E510"}.get(exc.status_code, "E504" if exc.status_code < 500 else "E509")
        message = "not found" if exc.status_code == 404 else str(exc.detail)
        return error_response(request, exc.status_code, code, message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in exc.errors())
        return error_response(request, 422, "E504", f"invalid request: {problems}")

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        return error_response(request, 500, "E509", f"internal error ({type(exc).__name__})")


class _VendorFiles(StaticFiles):
    """Static files from the npm folder: the listed library files only (``web.vendor``),
    looked up on each request (the folder may be set after the app starts)."""

    def __init__(self) -> None:
        super().__init__(directory=STATIC, check_dir=False)

    def lookup_path(self, path: str) -> tuple[str, os.stat_result | None]:
        found = served_file(path.replace(os.sep, "/"))
        return (str(found), os.stat(found)) if found is not None else ("", None)


def create_app(db_path: str | Path, *, token: str | None = None) -> FastAPI:
    """The FastAPI app serving the store at ``db_path`` (created, empty, if absent).

    With ``token`` every request must carry it (see ``security``); without one the
    app answers loopback host names only. Uploads land in ``<db stem>-uploads/``
    beside the database.
    """
    db_path = Path(db_path).resolve()
    if not db_path.exists() or os.access(db_path, os.W_OK):
        # An empty store with the current schema, so the UI can ingest into it; or an older
        # store's schema brought up to date: requests read through read-only connections,
        # which never migrate, and pages read the tables of every migration.
        Store(db_path).close()
    config = ApiConfig(db_path=db_path, token=token or None,
                       uploads_dir=db_path.parent / f"{db_path.stem}-uploads")
    app = FastAPI(title="newsgraph", version=__version__, description=DESCRIPTION,
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")
    app.state.config = config
    app.state.jobs = IngestJobs(db_path)
    _install_error_handlers(app)
    install_security(app, config)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.mount("/vendor", _VendorFiles(), name="vendor")
    routes.register(app)
    return app
