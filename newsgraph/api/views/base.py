"""Turning a context dataclass into its HTML page or its JSON twin, and shared page parts.

A request whose path ends in ``.json`` gets the context as JSON inside the
success envelope; any other gets the template. Both carry a ``Link`` header to
the other, and ``base.html`` points its ``<link rel="alternate">`` at the twin.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, is_dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from newsgraph.api import urls
from newsgraph.api.config import PANEL
from newsgraph.api.views.languages import language_name

__all__ = ["Pager", "env", "json_ok", "pager", "render_html", "respond", "wants_json"]

TEMPLATES = Path(__file__).resolve().parents[2] / "web" / "templates"

# Autoescape everything: article text reaches templates only as plain strings.
env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                  trim_blocks=True, lstrip_blocks=True)
env.globals["urls"] = urls
env.globals["panel"] = PANEL
env.filters["language_name"] = language_name


@dataclass(slots=True)
class Pager:
    """Where a paged list is: page numbers are 1-based, URLs are None past either end."""

    page: int
    pages: int
    per_page: int
    total: int
    first: int  # 1-based index of the first item on this page (0 when empty)
    last: int
    prev_url: str | None
    next_url: str | None


def pager(total: int, page: int, per_page: int, url_for_page: Any) -> Pager:
    pages = max(1, math.ceil(total / per_page))
    first = (page - 1) * per_page + 1 if total and page <= pages else 0
    last = min(total, page * per_page) if first else 0
    return Pager(page, pages, per_page, total, first, last,
                 url_for_page(min(page - 1, pages)) if page > 1 else None,  # past the end: the last page
                 url_for_page(page + 1) if page < pages else None)


def wants_json(request: Request) -> bool:
    return request.url.path.endswith(".json")


def _page_url(request: Request) -> str:
    query = request.url.query
    return request.url.path + (f"?{query}" if query else "")


def json_ok(data: Any, *, status: int = 200, headers: dict[str, str] | None = None) -> JSONResponse:
    """The success envelope every JSON answer uses."""
    body = asdict(data) if is_dataclass(data) and not isinstance(data, type) else dict(data)
    return JSONResponse({"ok": True, **body}, status_code=status, headers=headers)


def render_html(request: Request, template: str, context: Any, *, status: int = 200,
                json_url: str | None = None, headers: dict[str, str] | None = None,
                **extra: Any) -> HTMLResponse:
    """Render ``template`` with the context as ``c`` plus the page chrome."""
    from newsgraph.api.routes import NAV  # the nav list lives with the route table

    page_url = _page_url(request)
    html = env.get_template(template).render(
        c=context, request_path=request.url.path, page_url=page_url, json_url=json_url,
        nav=NAV, **extra)
    out = dict(headers or {})
    if json_url:
        out["Link"] = f'<{json_url}>; rel="alternate"; type="application/json"'
    return HTMLResponse(html, status_code=status, headers=out)


def respond(request: Request, template: str, context: Any, *, status: int = 200,
            **extra: Any) -> Response:
    """The page or its JSON twin, whichever the path asks for, each linking the other."""
    page_url = _page_url(request)
    if wants_json(request):
        html_url = page_url.replace(".json", "", 1)  # "/.json" → "/", "/search.json?…" → "/search?…"
        return json_ok(context, status=status,
                       headers={"Link": f'<{html_url}>; rel="alternate"; type="text/html"'})
    return render_html(request, template, context, status=status, json_url=urls.json_twin(page_url),
                       **extra)
