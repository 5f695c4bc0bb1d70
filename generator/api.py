"""The public Python API: what the command line does, for scripts, tools and tests.

from generator import api
checked = api.check(Path("."))     # .dossier (None on errors), .problems, .pages
api.build(Path("."))               # check, generate, MkDocs into site/
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .data.check import Checked
from .data.quotes import Miss, Passage, SourceText, find, normalize_needle
from .publish import config as mkdocs_config
from .publish.build import build
from .publish.build import mkdocs_build as _mkdocs_build
from .site.generate import Generated, build_epoch, check
from .site.generate import generate as _generate
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
]


def generate(root: Path, progress: Callable[[str], None] = lambda message: None) -> Generated:
    """Check and write the generated pages (no MkDocs), with the site's settings from mkdocs.yml."""
    config = mkdocs_config.load(root)
    return _generate(root, mkdocs_config.settings(config), config.use_directory_urls)


def mkdocs_build(root: Path, epoch: int) -> None:
    """MkDocs alone on the pages `generate` wrote (for benchmarks; edit links left out)."""
    _mkdocs_build(root, mkdocs_config.load(root), {}, epoch)
