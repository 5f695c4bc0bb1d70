"""Bytes a reader's browser fetches from opening the home page to the first search result.

The built site is served by `python -m http.server` on 127.0.0.1 (no compression: the figures
are the bytes on disk; a gzip-serving host sends fewer) and opened in headless Chromium
(Debian's /usr/bin/chromium, through Playwright) in a fresh context: the home page, until the
network is idle; then "/" and a query typed, until the first result shows. Every response body
is counted; "search" is what belongs to the search (Pagefind's bundle and the box's script, or
Material's lunr worker and index). Works for a Pagefind site and a lunr one alike: both use
Material's search box classes.

usage: python -m bench.browser_bytes SITE_DIR [QUERY]   (prints one line of JSON)
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
SEARCH_PARTS = ("/pagefind/", "/assets/search.js", "/search/search_index.json", "/workers/search", "lunr")


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def measure(site: Path, query: str = "ceasefire", limit: float = 180.0) -> dict:
    """The bytes fetched; `first_result_s` is None when no result showed within `limit` s."""
    from playwright.sync_api import TimeoutError, sync_playwright

    port = _port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "-d", str(site)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/"
    seen: list[tuple[str, int]] = []
    try:
        _wait_for(port)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()

            def finished(request) -> None:
                response = request.response()
                if response is not None:
                    seen.append((request.url.removeprefix(base), len(response.body())))

            page.on("requestfinished", finished)
            page.goto(base + "index.html")
            page.wait_for_load_state("networkidle")
            started = time.perf_counter()
            page.keyboard.press("/")
            page.keyboard.type(query)
            try:
                page.wait_for_selector(".md-search-result__item", timeout=limit * 1000)
                seconds: float | None = time.perf_counter() - started
            except TimeoutError:
                seconds = None
            page.wait_for_timeout(300)  # the fragments of the other results shown
            browser.close()
    finally:
        server.terminate()
        server.wait()
    search = sum(n for url, n in seen if any(part in "/" + url for part in SEARCH_PARTS))
    return {
        "total_kb": sum(n for _, n in seen) / 1000,
        "search_kb": search / 1000,
        "requests": len(seen),
        "first_result_s": seconds,
    }


def _wait_for(port: int, limit: float = 10.0) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("the local http.server did not start")


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]), *sys.argv[2:3])))
