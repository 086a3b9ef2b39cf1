"""The one error shape of the HTTP layer: ``{"ok": false, "error": {"code", "message"}}``.

``ApiError`` carries an HTTP status and a stable code; the app's exception
handlers turn it (and Starlette's own 404/405/422) into that JSON shape, or into
the error page for HTML requests. Codes continue ``newsgraph.errors``' E5xx
(serve) range; store and pipeline errors keep their own codes.
"""

from __future__ import annotations

from typing import Any

from newsgraph.errors import CODES, ServeError

__all__ = ["API_CODES", "ApiError", "error_body"]

#: Codes the HTTP layer answers with (E501 is the CLI's bind refusal in ``newsgraph.errors``).
API_CODES: dict[str, str] = {k: v for k, v in CODES.items() if "E502" <= k < "E600"}


class ApiError(ServeError):
    """An error answered to an HTTP client, with its status."""

    def __init__(self, status: int, code: str, message: str | None = None) -> None:
        self.status = status
        super().__init__(message or API_CODES.get(code, code), code=code)


def error_body(code: str, message: str) -> dict[str, Any]:
    return {"ok": False, "error": {"code": code, "message": message}}
