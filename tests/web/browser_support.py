"""What the browser tests share: a real server on a free loopback port over a store, Debian's
Chromium launched through Playwright, a page that records console errors, dialogs and any
request leaving the server, and full-page screenshots in ``tests/artifacts/``."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "tests" / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
#: Guards against a hung server; not timing assertions.
START_GUARD_SECONDS = 30


def require_chromium() -> None:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: run `make chromium` (installs Debian's chromium)")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(db: Path, name: str = "newsgraph-test-server") -> Iterator[str]:
    """The UI over ``db`` (uvicorn in a thread); yields its base URL."""
    import uvicorn

    from newsgraph.api.app import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, name=name, daemon=True)
    thread.start()
    deadline = time.monotonic() + START_GUARD_SECONDS
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(START_GUARD_SECONDS)


@contextlib.contextmanager
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@contextlib.contextmanager
def watched_page(browser: Any, base_url: str) -> Iterator[Any]:
    """A page whose ``problems`` list console errors (CSP violations among them), page
    errors, dialogs, and any request to anywhere but the server itself (no CDN, no fonts)."""
    context = browser.new_context(viewport={"width": 1360, "height": 900})
    p = context.new_page()
    p.problems = []
    p.on("console", lambda m: p.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    p.on("pageerror", lambda e: p.problems.append(f"page error: {e}"))
    p.on("dialog", lambda d: (p.problems.append(f"dialog: {d.message}"), d.dismiss()))
    p.on("request", lambda r: None if r.url.startswith((base_url, "data:"))
         else p.problems.append(f"off-site request: {r.url}"))
    try:
        yield p
    finally:
        context.close()


def shot(page: Any, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
