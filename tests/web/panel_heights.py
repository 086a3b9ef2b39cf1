"""Print the column heights of every article and story page of a store, and the share of the
article text drawn with a background (marked), as Chromium lays them out at 1360×900.

Not a test (no threshold: the browser test holds the side column to a bound); the figures of
the side-panel work come from it:

    PYTHONPATH=$PWD python tests/web/panel_heights.py STORE.db [--shots DIR]
"""

from __future__ import annotations

import argparse
import socket
import sqlite3
import threading
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
HEIGHT = "s => { const e = document.querySelector(s); return e ? e.scrollHeight : null; }"
#: Characters of #text whose element (or an ancestor inside #text) has a background colour.
MARKED_SHARE = """() => {
  const t = document.querySelector('#text'); let all = 0, marked = 0;
  const w = document.createTreeWalker(t, NodeFilter.SHOW_TEXT);
  while (w.nextNode()) {
    const n = w.currentNode, k = n.textContent.length; all += k;
    for (let e = n.parentElement; e && e !== t; e = e.parentElement) {
      const bg = getComputedStyle(e).backgroundColor;
      if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') { marked += k; break; }
    }
  }
  return marked / Math.max(all, 1);
}"""


def main() -> None:
    import uvicorn
    from playwright.sync_api import sync_playwright

    from newsgraph.api.app import create_app

    ap = argparse.ArgumentParser()
    ap.add_argument("db", type=Path)
    ap.add_argument("--shots", type=Path, help="write a full-page screenshot of each page here")
    args = ap.parse_args()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(args.db), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    with sqlite3.connect(args.db) as con:
        docs = [r[0] for r in con.execute("SELECT id FROM documents ORDER BY id")]
        stories = [r[0] for r in con.execute("SELECT id FROM stories ORDER BY id")]
    base = f"http://127.0.0.1:{port}"
    if args.shots:
        args.shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        page = browser.new_page(viewport={"width": 1360, "height": 900})
        for d in docs:
            page.goto(f"{base}/documents/{d}")
            main_h, side_h = page.evaluate(HEIGHT, ".doc-main"), page.evaluate(HEIGHT, ".doc-side")
            share = page.evaluate(MARKED_SHARE)
            print(f"article {d}: text column {main_h} px, side column {side_h} px, text marked {share:.0%}")
            if args.shots:
                page.screenshot(path=str(args.shots / f"doc-{d}.png"), full_page=True)
        for st in stories:
            page.goto(f"{base}/stories/{st}")
            main_h, side_h = page.evaluate(HEIGHT, ".story-grid > div"), page.evaluate(HEIGHT, ".story-side")
            print(f"story {st}: main column {main_h} px, side column {side_h} px")
            if args.shots:
                page.screenshot(path=str(args.shots / f"story-{st}.png"), full_page=True)
        browser.close()
    server.should_exit = True


if __name__ == "__main__":
    main()
