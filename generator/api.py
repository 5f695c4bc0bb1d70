"""The public Python API: what the command line does, for scripts, tools and tests.

from generator import api
checked = api.check(Path("."))     # .dossier (None on errors), .problems, .pages
api.render(Path("."))              # check and render in memory: .files, .jsonld, .records
api.build(Path("."))               # check, render, MkDocs into site/
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .data.check import Checked
from .data.quotes import Miss, Passage, SourceText, find, normalize_needle
from .publish import config as mkdocs_config
from .publish.build import build
from .site.check import check
from .site.generate import Generated, build_epoch
from .site.generate import generate as _generate
from .site.generate import render_all as _render_all
from .site.plan import DOCS_DIR, SITE_DIR, SitePlan

__all__ = [
    "DOCS_DIR",
    "SITE_DIR",
    "Checked",
    "Generated",
    "Miss",
    "Passage",
    "SitePlan",
    "SourceText",
    "build",
    "build_epoch",
    "check",
    "find",
    "generate",
    "mkdocs_build",
    "normalize_needle",
    "render",
]


def render(root: Path) -> Generated:
    """Check and render every output in memory (pages, JSON-LD, search records); nothing written."""
    config = mkdocs_config.load(root)
    return _render_all(root, mkdocs_config.settings(config), config.use_directory_urls)


def generate(root: Path, progress: Callable[[str], None] = lambda message: None) -> Generated:
    """Check and write the generated pages (no MkDocs), with the site's settings from mkdocs.yml."""
    config = mkdocs_config.load(root)
    return _generate(root, mkdocs_config.settings(config), config.use_directory_urls)


def mkdocs_build(root: Path, epoch: int) -> None:
    """Plain MkDocs on the pages `generate` wrote, into a temporary folder (no plugin, no search
    index, no swap): the reference the benchmark compares `dossier build` with."""
    import tempfile

    from mkdocs.commands.build import build as run_mkdocs

    config = mkdocs_config.load(root)
    with tempfile.TemporaryDirectory(prefix="mkdocs-") as out:
        config.site_dir = out
        with mkdocs_config.environ(SOURCE_DATE_EPOCH=str(epoch)):
            run_mkdocs(config)
