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
from urllib.parse import unquote, urlsplit

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


@pytest.fixture(scope="module")
def control(tmp_path_factory) -> Path:
    """A page with errors of ours: the allowance is for Material's two messages only, so a
    <details> in a <p> and an open-ended `datetime` must still be reported."""
    site = tmp_path_factory.mktemp("vnu-control") / "site"
    site.mkdir()
    (site / "bad.html").write_text(
        '<!doctype html><html lang="en"><head><title>t</title></head><body>'
        '<p>a <details><summary>b</summary>c</details></p><time datetime="2022-02/..">x</time></body></html>',
        "utf-8",
    )
    return site


@pytest.fixture(scope="module")
def found(built, site_dir, control) -> dict[str, list[str]]:
    """vnu once over the fixture's site, the real dossier's and the control page (each start of
    the Java checker costs seconds): the errors on each, `PAGE:LINE: MESSAGE`."""
    sites = {"fixture": built / "site", "real": site_dir, "control": control}
    command = [*_vnu(), "--errors-only", "--format", "json", "--skip-non-html", *map(str, sites.values())]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    errors: dict[str, list[str]] = {name: [] for name in sites}
    for message in json.loads(done.stderr or done.stdout)["messages"]:
        text, extract = message.get("message", ""), message.get("extract", "")
        if any(text.startswith(words) and where in extract for words, where in MATERIALS_OWN):
            continue
        path = Path(unquote(urlsplit(message.get("url", "")).path))
        name = next((n for n, site in sites.items() if path.is_relative_to(site)), "elsewhere")
        page = path.relative_to(sites[name]).as_posix() if name in sites else str(path)
        errors.setdefault(name, []).append(f"{page}:{message.get('lastLine')}: {text}")
    return errors


def test_vnu_finds_no_error_in_our_markup(found):
    assert (found["fixture"], found["real"], found.get("elsewhere", [])) == ([], [], [])


def test_vnu_would_report_our_errors(found):
    errors = found["control"]
    assert any("“details” not allowed" in e or "No “p” element in scope" in e for e in errors), errors
    assert any("datetime" in e for e in errors), errors
