"""Who may talk to the server, and the headers that keep a browser from being turned against it.

- Without a token the server answers loopback host names only (``localhost``,
  127.0.0.0/8, ``::1``): a web page that rebinds its own domain to 127.0.0.1
  cannot read the store through the analyst's browser.
- With a token every request (the package's static CSS/JS and vendored libraries excepted) needs
  ``Authorization: Bearer <token>`` or the ``token`` cookie, which a browser
  gets by visiting any page once with ``?token=…``; tokens are compared with
  ``secrets.compare_digest``.
- Every answer carries a strict Content-Security-Policy (scripts, styles and
  fetches from this origin only, no inline script, no framing),
  ``nosniff`` and ``Referrer-Policy: same-origin`` (no URL leaks to other sites).
Upload CSRF is checked where the form is read (``pages.ingest_upload``).
"""

from __future__ import annotations

import ipaddress
import secrets
from collections.abc import Awaitable, Callable
from urllib.parse import urlencode

from fastapi import FastAPI
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from newsgraph.api.config import TOKEN_COOKIE, ApiConfig
from newsgraph.api.views.error import error_response

__all__ = ["CSP", "install_security", "is_loopback_host"]

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")

SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",  # no-referrer would make form posts send "Origin: null"
}

#: Paths open without a token: the package's own CSS and JS and the npm libraries it
#: serves, which hold no data.
PUBLIC_PREFIXES = ("/static/", "/vendor/")


def is_loopback_host(host_header: str) -> bool:
    """True for ``localhost``, ``127.x.x.x`` and ``[::1]``, with or without a port."""
    host = host_header.strip().lower()
    if host.startswith("["):
        host = host[1:].split("]", 1)[0]
    elif host.count(":") == 1:
        host = host.split(":", 1)[0]
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _matches(sent: str | None, token: str) -> bool:
    return sent is not None and secrets.compare_digest(sent.encode(), token.encode())


def _bearer(request: Request) -> str | None:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def install_security(app: FastAPI, config: ApiConfig) -> None:
    token = config.token

    @app.middleware("http")
    async def guard(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await _check(request, call_next)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    async def _check(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        request.state.auth = None
        if token is None:
            if not is_loopback_host(request.headers.get("host", "")):
                return error_response(request, 400, "E508", "host not allowed: this server has no token "
                                      "and answers loopback names only (localhost, 127.0.0.1)")
            return await call_next(request)
        if request.url.path.startswith(PUBLIC_PREFIXES):
            return await call_next(request)
        if _matches(request.query_params.get("token"), token):
            # Trade the token in the URL for a cookie, and drop it from the address bar.
            rest = urlencode([(k, v) for k, v in request.query_params.multi_items() if k != "token"])
            target = request.url.path + (f"?{rest}" if rest else "")
            response = RedirectResponse(target, status_code=303)
            response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict",
                                secure=request.url.scheme == "https", path="/")
            return response
        if _matches(_bearer(request), token):
            request.state.auth = "bearer"
        elif _matches(request.cookies.get(TOKEN_COOKIE), token):
            request.state.auth = "cookie"
        else:
            return error_response(request, 401, "E502", "authentication required: send "
                                  "'Authorization: Bearer <token>' or open /?token=<token> once",
                                  headers={"WWW-Authenticate": "Bearer"})
        return await call_next(request)
