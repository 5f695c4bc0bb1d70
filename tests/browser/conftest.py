"""Browser tests: the real dossier, built with a site URL on 127.0.0.1, driven through Debian's
Chromium by Playwright. Every page a test opens is watched for console errors and for requests
to any host but 127.0.0.1."""

from __future__ import annotations

import functools
import os
import re
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from generator import api

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CHROMIUM = "/usr/bin/chromium"
# As the machine's notes say: without the background-networking flags Chromium tries to reach
# Google's hosts at every start.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_collection_modifyitems(config, items):
    """Every test in this folder is `browser` (left out by `make test-fast`), with or without a
    marker of its own; without Chromium they are skipped (in CI, an error)."""
    here = [item for item in items if Path(item.path).is_relative_to(HERE)]
    for item in here:
        item.add_marker(pytest.mark.browser)
    if Path(CHROMIUM).exists() or not here:
        return
    if os.environ.get("CI"):
        raise pytest.UsageError(f"{CHROMIUM} is missing: `make test` installs it (apt-get install chromium)")
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is not installed (`make browser-deps` installs it)")
    for item in here:
        item.add_marker(skip)


# Any http(s) address whose host is not 127.0.0.1 (`127.0.0.1.example`, `127.0.0.1@example` are
# outside). A pattern, not a Python predicate: Playwright then intercepts only those requests,
# not every request of every page.
OUTSIDE = re.compile(r"^https?://(?!127\.0\.0\.1(?::[0-9]+)?(?:[/?#]|$))", re.IGNORECASE)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_dir(base_url, tmp_path_factory) -> Path:
    return tmp_path_factory.getbasetemp() / "browser" / "dossier" / "site"


@pytest.fixture(scope="session")
def base_url(tmp_path_factory) -> str:
    root = tmp_path_factory.mktemp("browser", numbered=False) / "dossier"
    root.mkdir()
    shutil.copy(ROOT / "claims.yaml", root)
    shutil.copy(ROOT / "mkdocs.yml", root)
    shutil.copytree(ROOT / "content", root / "content")
    (root / "site").mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root / "site")))
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    os.environ["DOSSIER_SITE_URL"] = url
    try:
        api.build(root)
    finally:
        del os.environ["DOSSIER_SITE_URL"]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def watch(context) -> tuple:
    """A new tab whose console errors and outside requests are recorded; outside requests are
    also aborted, so a test never sends traffic off the machine."""
    errors: list[str] = []
    foreign: list[str] = []

    def outside(route):
        foreign.append(route.request.url)
        route.abort()

    context.route(OUTSIDE, outside)
    tab = context.new_page()
    tab.set_default_timeout(15000)
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: errors.append(str(e)))
    return tab, errors, foreign


def steady(tab, expression: str):
    """`tab.evaluate(expression)` on a preview's page that its live reload may reload meanwhile
    (a rebuild an earlier test started ends): evaluated again once the reloaded page has loaded."""
    from playwright.sync_api import Error

    for _ in range(3):
        try:
            return tab.evaluate(expression)
        except Error as exc:
            if "context was destroyed" not in str(exc):
                raise
            tab.wait_for_load_state("load")
    return tab.evaluate(expression)


def frames(tab) -> None:
    """Wait two animation frames: every handler the last actions queued has run (scripts started
    on DOMContentLoaded and load, a scroll's sticky layout) and the page has painted."""
    tab.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def settled(tab) -> None:
    """Wait, by events rather than a fixed time, until what the last actions started is done: the
    network idle (no request for 500 ms, Playwright's own measure), then two animation frames."""
    tab.wait_for_load_state("networkidle")
    frames(tab)


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab, errors, foreign = watch(context)
    yield tab
    context.close()
    assert errors == [], f"console errors: {errors}"
    assert foreign == [], f"requests that left the machine: {foreign}"
