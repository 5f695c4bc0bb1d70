"""A hand-written page full of script payloads, built as if `dossier check` had missed every one
of them (the cleaning alone must make them inert), opened in Chromium: no dialog ever opens, no
request leaves the machine, whatever a reader clicks or hovers."""

from __future__ import annotations

import functools
import shutil
import threading
from http.server import ThreadingHTTPServer

import pytest

from generator import api
from generator.site import pages
from tests.browser.conftest import _Quiet, settled, watch
from tests.refresh_golden import FIXTURE
from tests.test_hostile_build import PAYLOAD_PAGE

pytestmark = pytest.mark.browser  # Chromium through Playwright

EXTRA = """
<details open><summary onmouseover="alert('summary')">more</summary>
<img src="x.png" onerror="alert('onerror')"> <object data="javascript:alert('object')"></object>
<form action="javascript:alert('form')"><button>send</button></form>
<math><mtext><table><mglyph><style><img src=x onerror=alert('mxss')></style></mglyph></table></mtext></math>
</details>

[ref][r]

[r]: javascript:alert('ref')
"""


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile-browser") / "d"
    shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns("site", ".dossier"))
    (root / "content" / "pages" / "methodology.md").write_text(PAYLOAD_PAGE + EXTRA, "utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pages, "page_problems", lambda text, path: [])
        api.build(root)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root / "site")))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_a_page_full_of_payloads_opens_no_dialog(browser, hostile_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab, errors, foreign = watch(context)
    dialogs: list[str] = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    tab.goto(hostile_url + "methodology.html")
    tab.wait_for_load_state("load")
    content = tab.locator("article")
    for element in content.locator("*").all():
        if element.is_visible():
            element.hover(timeout=2000)
    for link in content.locator("a:not(.headerlink)").all():
        if link.is_visible() and link.get_attribute("href") is None:
            link.click(timeout=2000)
    settled(tab)
    scripts = tab.evaluate(
        "() => [...document.querySelectorAll('article script, article [onerror], article iframe')].length"
    )
    context.close()
    assert dialogs == []
    assert scripts == 0
    assert foreign == []
    assert [e for e in errors if "alert" in e] == []
