"""The W3C Nu HTML checker (vnu, from npm's vnu-jar, on Debian's headless Java) on every page of
the built fixture site and of the real dossier's site: no error in our markup. Material's own two
are allowed, by their exact message and the element they are on: `autocomplete` on its toggle
checkboxes, and its `__toc` label, whose checkbox is absent on a page without a table of
contents."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

VNU = Path(__file__).resolve().parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
MATERIALS_OWN = (
    ("Attribute “autocomplete” is only allowed when the input type is", 'class="md-toggle"'),
    ("The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.", "__toc"),
)


def _vnu() -> list[str]:
    java = shutil.which("java")
    if java and VNU.is_file():
        return [java, "-jar", str(VNU)]
    if os.environ.get("CI"):
        raise AssertionError("vnu needs java and tests/browser/node_modules/vnu-jar (`make browser-deps`)")
    pytest.skip("java or vnu-jar is missing (`make browser-deps` installs them)")


def _errors(*sites: Path) -> list[str]:
    command = [*_vnu(), "--errors-only", "--format", "json", "--skip-non-html", *map(str, sites)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    found = []
    for message in json.loads(done.stderr or done.stdout)["messages"]:
        text, extract = message.get("message", ""), message.get("extract", "")
        if any(text.startswith(words) and where in extract for words, where in MATERIALS_OWN):
            continue
        page = message.get("url", "").split("/site/", 1)[-1]
        found.append(f"{page}:{message.get('lastLine')}: {text}")
    return found


def test_vnu_finds_no_error_in_our_markup(built, site_dir):
    assert _errors(built / "site", site_dir) == []


def test_vnu_would_report_our_errors(tmp_path):
    # The allowance is for Material's two messages only: a <details> in a <p> is still reported.
    page = tmp_path / "site" / "bad.html"
    page.parent.mkdir()
    page.write_text(
        '<!doctype html><html lang="en"><head><title>t</title></head><body>'
        '<p>a <details><summary>b</summary>c</details></p><time datetime="2022-02/..">x</time></body></html>',
        "utf-8",
    )
    errors = _errors(tmp_path / "site")
    assert any("“details” not allowed" in e or "No “p” element in scope" in e for e in errors), errors
    assert any("datetime" in e for e in errors), errors
