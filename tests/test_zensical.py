"""Zensical (the announced successor of Material, which ends 2027-05-05) builds the same
mkdocs.yml into a separate folder, with the same pages, anchors and escaping."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import api
from generator.publish.config import OVERRIDES
from generator.site.linkcheck import check_site
from tests.refresh_golden import FIXTURE

pytestmark = pytest.mark.slow  # Zensical builds the site

ZENSICAL = Path(sys.executable).with_name("zensical")


def zensical_build(root: Path) -> tuple[subprocess.CompletedProcess, Path]:
    """Build `root`'s generated docs with Zensical into DIR/site-zensical/."""
    config = root / "zensical.yml"
    # What `dossier build` adds to mkdocs.yml itself: the generated pages and the theme overrides.
    text = (
        (root / "mkdocs.yml")
        .read_text("utf-8")
        .replace(
            "\ntheme:\n", f"\ndocs_dir: {api.DOCS_DIR}\nsite_dir: site-zensical\ntheme:\n  custom_dir: {OVERRIDES}\n"
        )
    )
    config.write_text(text, "utf-8")
    run = subprocess.run(
        [str(ZENSICAL), "build", "--clean", "-f", str(config)], cwd=root, capture_output=True, text=True, timeout=300
    )
    return run, root / "site-zensical"


def html_pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


@pytest.fixture(scope="module")
def both(built, tmp_path_factory):
    """The shared MkDocs build of the fixture and, from a copy of it, Zensical's."""
    root = tmp_path_factory.mktemp("zensical") / "dossier"
    shutil.copytree(built, root, symlinks=True)
    api.generate(root)  # `dossier build` hands MkDocs its pages in memory; Zensical reads the tree
    run, site = zensical_build(root)
    assert run.returncode == 0, run.stdout + run.stderr
    return root / "site", site


def test_zensical_builds_the_same_pages(both):
    mkdocs_site, zensical_site = both
    assert html_pages(zensical_site) == html_pages(mkdocs_site)


def test_zensical_site_links_and_anchors_resolve(both):
    _, zensical_site = both
    checked, broken = check_site(zensical_site)
    assert checked > 100 and [str(b) for b in broken] == []


def test_zensical_keeps_titles_and_passages_safe(both):
    _, zensical_site = both
    page = (zensical_site / "actors" / "minister.html").read_text("utf-8")
    assert "<title>Ana &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Minister" in page
    for path in zensical_site.rglob("*.html"):
        assert '<script>alert("x")' not in path.read_text("utf-8")
    assert 'id="q-90-106"' in (zensical_site / "sources" / "alpha.html").read_text("utf-8")


def test_a_broken_configuration_fails_the_zensical_build(tmp_path):
    root = tmp_path / "d"
    shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns("site", ".dossier"))
    api.generate(root)
    (root / "mkdocs.yml").write_text("site_name: [unclosed\n", "utf-8")
    run, _ = zensical_build(root)
    assert run.returncode != 0
