"""The site's MkDocs configuration, read once, with the dossier's layout applied to it.

`mkdocs.yml` says what the site is (name, theme, plugins, nav); where the generated pages are,
where the site goes and which theme overrides and plugin the dossier adds are the site plan's
and this module's business, so `mkdocs.yml` does not repeat them.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from pathlib import Path

from ..errors import BuildError, one_line
from ..site.plan import DOCS_DIR, OPTIONAL_IN_NAV, PER_ITEM_PAGES, SitePlan
from ..site.render import TEMPLATES, Settings

CONFIG_FILE = "mkdocs.yml"
OVERRIDES = TEMPLATES / "overrides"


@contextlib.contextmanager
def environ(**values: str) -> Iterator[None]:
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@contextlib.contextmanager
def shown_warnings() -> Iterator[None]:
    """MkDocs' warnings on stderr while the block runs: its strict counter is a handler too, so
    without ours they would go unseen."""
    shown = logging.StreamHandler()
    shown.setLevel(logging.WARNING)
    shown.setFormatter(_OneLine("mkdocs: %(levelname)s: %(message)s"))
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(shown)
    try:
        yield
    finally:
        mkdocs_log.removeHandler(shown)


class _OneLine(logging.Formatter):
    """MkDocs' messages quote file names and links from content: each record is printed on one
    line with control characters escaped, so nothing of content starts a line of a CI log."""

    def format(self, record: logging.LogRecord) -> str:
        return one_line(super().format(record))


def load(root: Path, site_dir: Path | None = None):
    """MkDocs' configuration of the dossier at `root`: docs from the generated folder, the
    dossier's theme overrides first. A bad configuration is a one-line error."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    config_file = root / CONFIG_FILE
    if not config_file.is_file():
        raise BuildError(f"{config_file} is missing: the site needs an MkDocs configuration")
    # MkDocs wants docs_dir to exist when it reads the file; the generated tree may not (a build
    # hands MkDocs its pages in memory), and loading must not make it. So the theme overrides, a
    # folder that exists, stand in while loading, and the real place is set after.
    overrides = {"docs_dir": str(OVERRIDES)}
    if site_dir is not None:
        overrides["site_dir"] = str(site_dir)
    try:
        with environ(NO_MKDOCS_2_WARNING="1"):
            config = load_config(str(config_file), strict=True, **overrides)
    except ConfigurationError as exc:
        raise BuildError(f"{CONFIG_FILE}: {exc}") from None
    except (OSError, ValueError) as exc:  # YAML errors are ValueErrors underneath
        raise BuildError(f"{CONFIG_FILE}: cannot be read: {exc}") from None
    config.docs_dir = str(root / DOCS_DIR)
    config.theme.dirs.insert(0, str(OVERRIDES))
    if "toc" in config.mdx_configs or "toc" in config.markdown_extensions:
        # Headings never take the form of the plan's anchors (two elements with one id).
        config.mdx_configs.setdefault("toc", {})["slugify"] = SitePlan.heading_slug
    _keep_out_of_nav(config)
    _no_lunr(config)
    _logo_file(config)
    return config


LOGO = "assets/logo.svg"  # Material's default logo icon (material/library) in white: tests/test_house.py


def _logo_file(config) -> None:
    """Material's default logo as a file rather than inline: without a logo of its own, each page
    holds the icon's SVG twice (header and drawer), 1.7 MiB at 10,000 claims; as an image it is
    fetched once. Only where it looks the same: no logo or logo icon chosen, and a colored header
    (the icon is drawn white, as Material draws it on the primary color)."""
    theme = config.theme
    palette = theme.get("palette")
    primary = palette.get("primary") if isinstance(palette, dict) else None
    if theme.get("logo") or (theme.get("icon") or {}).get("logo") or primary == "white":
        return
    theme["logo"] = LOGO


def _no_lunr(config) -> None:
    """The site's search is Pagefind's (publish/pagefind.py): Material's lunr plugin, which
    MkDocs also turns on by itself when mkdocs.yml has no `plugins` key, would build an index of
    every page's text (36 MB at 10,000 claims, fetched whole by every reader) for nothing."""
    plugins = config.plugins
    for name in ("material/search", "search"):
        plugin = plugins.pop(name, None)
        if plugin is not None:  # and its event handlers, registered when it was added
            for event, handlers in plugins.events.items():
                plugins.events[event] = [h for h in handlers if getattr(h, "__self__", None) is not plugin]


def _keep_out_of_nav(config) -> None:
    import pathspec

    own = config.not_in_nav.patterns if config.not_in_nav else []
    extra = pathspec.gitignore.GitIgnoreSpec.from_lines([*PER_ITEM_PAGES, *OPTIONAL_IN_NAV])
    config.not_in_nav = pathspec.gitignore.GitIgnoreSpec([*own, *extra.patterns])


def settings(config) -> Settings:
    """What the pages need to know of the site."""
    url = config.site_url or None
    if url and not url.endswith("/"):
        url += "/"
    description = config.site_description
    return Settings(str(config.site_name or "Dossier"), url, str(description) if description else None)
