"""The error page and its JSON shape: one function answers every failed request."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from newsgraph.api.errors import error_body
from newsgraph.api.views.base import render_html

__all__ = ["ErrorContext", "error_response", "is_json_request"]


@dataclass(slots=True)
class ErrorContext:
    status: int
    code: str
    message: str
    #: When set, the page offers a token form (401 from a server that has a token).
    ask_token: bool = False


def is_json_request(request: Request) -> bool:
    """API paths, ``.json`` twins and clients that accept JSON but not HTML get JSON errors."""
    path = request.url.path
    if path.startswith("/api/") or path.endswith(".json"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def error_response(request: Request, status: int, code: str, message: str, *,
                   headers: dict[str, str] | None = None) -> Response:
    if is_json_request(request):
        return JSONResponse(error_body(code, message), status_code=status, headers=headers)
    return render_html(request, "error.html", ErrorContext(status, code, message, ask_token=status == 401),
                       status=status, headers=headers)
