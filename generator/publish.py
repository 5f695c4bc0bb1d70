"""Run MkDocs (Material) on the generated docs: into a temporary folder, swapped in on success."""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import BuildError
from .write import swap_in

HOOKS = str(Path(__file__).resolve().with_name("mkdocs_hooks.py"))


@contextlib.contextmanager
def _environ(**values: str):
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


@dataclass(frozen=True)
class Site:
    name: str
    url: str | None  # where it is published; None when not known
    description: str | None


def site_settings(root: Path) -> Site:
    """The site's name, address and description, as MkDocs reads them from mkdocs.yml (with !ENV)."""
    from mkdocs.utils.yaml import yaml_load

    config_file = root / "mkdocs.yml"
    if not config_file.is_file():
        return Site("Dossier", None, None)
    with open(config_file, encoding="utf-8") as fh:
        config = yaml_load(fh) or {}
    url = config.get("site_url") or None
    if url and not url.endswith("/"):
        url += "/"
    description = config.get("site_description")
    return Site(str(config.get("site_name") or "Dossier"), url, str(description) if description else None)


def mkdocs_build(root: Path, epoch: int) -> None:
    """`mkdocs build --strict` into DIR/site/. A failure leaves the previous site untouched.

    SOURCE_DATE_EPOCH pins every date MkDocs stamps (sitemap, gzip header) so that the same
    input gives byte-identical output.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    config_file = root / "mkdocs.yml"
    if not config_file.is_file():
        raise BuildError(f"{config_file} is missing: the site needs an MkDocs configuration")
    tmp = Path(tempfile.mkdtemp(prefix=".site-", dir=root))
    # MkDocs' strict counter is a handler too, so without ours its warnings would go unseen.
    shown = logging.StreamHandler()
    shown.setLevel(logging.WARNING)
    shown.setFormatter(logging.Formatter("mkdocs: %(levelname)s: %(message)s"))
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(shown)
    try:
        with _environ(SOURCE_DATE_EPOCH=str(epoch), NO_MKDOCS_2_WARNING="1"):
            config = load_config(str(config_file), site_dir=str(tmp), strict=True, hooks=[HOOKS])
            build(config)
    except (MkDocsException, OSError) as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise BuildError(f"MkDocs failed, the previous site/ is kept: {exc}") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        mkdocs_log.removeHandler(shown)
    swap_in(tmp, root / "site")


def mkdocs_serve(root: Path, dev_addr: str) -> None:
    from mkdocs.commands.serve import serve

    from .mkdocs_hooks import SERVE_FLAG

    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s - %(message)s")
    with _environ(**{SERVE_FLAG: "1", "NO_MKDOCS_2_WARNING": "1"}):
        serve(str(root / "mkdocs.yml"), dev_addr=dev_addr, hooks=[HOOKS])
