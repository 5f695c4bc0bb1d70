"""The curator's path from a saved page to a checked claim, in the preview: `dossier add-source`,
`dossier serve`, select the words on the source page, copy the item, paste it into a claim, and
`dossier check` passes. And the kept original of a hostile page never runs."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pytest

from generator import api, cli
from tests import intake_pages as pages
from tests.browser.conftest import steady, watch

ACTORS = "actors:\n  - id: volodymyr-zelenskyy\n    name: Volodymyr Zelenskyy\n    kind: person\n"
PROPOSALS = (
    "proposals:\n  - id: territory-for-nato-membership\n    title: Territory for NATO membership\n"
    "    summary: Ukraine gives up occupied territory in exchange for an invitation to join NATO.\n"
)
CLAIM = """claims:
  - id: zelenskyy-rules-out-trade
    actor: volodymyr-zelenskyy
    stances:
      territory-for-nato-membership: opposes
    said: {date: "2024-10-18", basis: inferred, reason: The article of that day says he spoke "on Friday".}
    summary: Zelenskyy rules out trading territory for NATO membership.
    evidence:
"""


def _replace_list(path: Path, key: str, text: str) -> None:
    old = path.read_text("utf-8")
    path.write_text(old.replace(f"{key}: []\n", text), "utf-8")


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    root = tmp_path_factory.mktemp("picker") / "dossier"
    saved = tmp_path_factory.mktemp("saved")
    files = pages.write(saved)
    assert cli.main(["init", str(root)]) == 0
    for name in ("article.html", "hostile.html"):
        assert cli.main(["add-source", str(files[name]), "--language", "en", "--root", str(root)]) == 0
    _replace_list(root / "content/actors.yaml", "actors", ACTORS)
    _replace_list(root / "content/proposals.yaml", "proposals", PROPOSALS)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--root", str(root), "--dev-addr", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        _serving(process)
        with urllib.request.urlopen(url + "sources/article.html", timeout=10):
            pass
        yield root, url
    finally:
        process.terminate()
        process.wait(timeout=20)


def _serving(process: subprocess.Popen) -> None:
    """Wait for the preview's own word that it listens (MkDocs logs `Serving on URL` once its
    socket is bound), not for a time; its log keeps being read (a full pipe would stall it)."""
    log: list[str] = []
    ready = threading.Event()

    def read() -> None:
        for line in process.stderr:
            log.append(line)
            if "Serving on http://" in line:
                ready.set()
        ready.set()  # the process ended

    threading.Thread(target=read, daemon=True).start()
    if not ready.wait(timeout=120) or process.poll() is not None:
        pytest.fail("dossier serve did not start:\n" + "".join(log))


def _select(tab, words: str) -> None:
    """Select `words` in the source's full text, as a mouse drag does, and release the button."""
    tab.evaluate(
        """words => {
        const box = document.querySelector('.dq-text');
        const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.data.indexOf(words);
            if (at < 0) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + words.length);
            const sel = window.getSelection();
            sel.removeAllRanges();
            sel.addRange(range);
            box.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
            return;
        }
        throw new Error('not on the page: ' + words);
    }""",
        words,
    )


def test_select_copy_paste_and_the_claim_checks(browser, preview):
    root, url = preview
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url.rstrip("/"))
    tab, errors, foreign = watch(context)
    tab.goto(url + "sources/article.html")
    _select(tab, "We are not discussing this. Our territory is not for sale,")
    tab.click("button.dq-pick")
    tab.wait_for_function("document.querySelector('.dq-pick-result').textContent.startsWith('Copied')")
    item = tab.evaluate("navigator.clipboard.readText()")
    context.close()
    assert item.splitlines()[1:] == [
        "      - source: article",
        '        text: "We are not discussing this. Our territory is not for sale,"',
        "        kind: direct-quote  # or reported-speech, paraphrase, framing: which is it?",
    ]
    _replace_list(root / "claims.yaml", "claims", CLAIM + item)
    checked = api.check(root)
    assert checked.dossier is not None, [p.gcc() for p in checked.problems]
    assert [p.gcc() for p in checked.problems] == [
        "content/sources.yaml:19:9: warning: source `hostile` is not cited by any claim"
    ]
    assert cli.main(["check", "--root", str(root)]) == 0
    assert (errors, foreign) == ([], [])


def test_a_hostile_pages_kept_original_is_plain_text_and_runs_nothing(browser, preview):
    _, url = preview
    context = browser.new_context()
    tab, errors, foreign = watch(context)
    tab.goto(url + "originals/hostile.html.txt")
    assert tab.evaluate("document.contentType") == "text/plain"
    assert tab.evaluate("typeof window.__pwned") == "undefined"
    assert tab.evaluate("document.querySelectorAll('script, img, iframe').length") == 0
    tab.goto(url + "sources/hostile.html")
    assert steady(tab, "typeof window.__pwned") == "undefined"
    context.close()
    assert (errors, foreign) == ([], [])
