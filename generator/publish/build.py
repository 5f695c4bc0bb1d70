"""`dossier build`: check, generate, then MkDocs (Material) into a temporary folder that is
swapped in as `site/` on success, so a failure leaves the previous site as it was."""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

from ..errors import BuildError
from ..site.generate import Generated, build_epoch, generate
from ..site.plan import JSONLD_DIR, SITE_DIR
from ..site.write import swap_in
from . import config as mkdocs_config
from .pagefind import index_built_site
from .plugin import install


def build(root: Path, progress: Callable[[str], None] = lambda message: None) -> Generated:
    """The whole pipeline: check, generate, MkDocs into DIR/site/ (swapped in on success)."""
    config = mkdocs_config.load(root)
    progress("checking and generating pages…")
    generated = generate(root, mkdocs_config.settings(config), config.use_directory_urls)
    progress(f"generated {generated}; building the site with MkDocs…")
    mkdocs_build(root, config, generated.edit_paths, build_epoch(generated.dossier))
    return generated


def mkdocs_build(root: Path, config, edit_paths: Mapping[str, str], epoch: int) -> None:
    """`mkdocs build --strict` into DIR/site/, then the search bundle (once MkDocs has let its
    pages go: the indexer is a process of its own). A failure leaves the previous site untouched.

    SOURCE_DATE_EPOCH pins every date MkDocs stamps (sitemap, gzip header) so that the same
    input gives byte-identical output.
    """
    from mkdocs.commands.build import build as run_mkdocs
    from mkdocs.exceptions import MkDocsException

    tmp = Path(tempfile.mkdtemp(prefix=".site-", dir=root))
    config.site_dir = str(tmp)
    install(config, edit_paths, root / JSONLD_DIR)
    # MkDocs' strict counter is a handler too, so without ours its warnings would go unseen.
    shown = logging.StreamHandler()
    shown.setLevel(logging.WARNING)
    shown.setFormatter(logging.Formatter("mkdocs: %(levelname)s: %(message)s"))
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(shown)
    try:
        with mkdocs_config.environ(SOURCE_DATE_EPOCH=str(epoch), NO_MKDOCS_2_WARNING="1"):
            run_mkdocs(config)
        index_built_site(root, tmp)
    except (MkDocsException, OSError) as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise BuildError(f"MkDocs failed, the previous site/ is kept: {exc}") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        mkdocs_log.removeHandler(shown)
    swap_in(tmp, root / SITE_DIR)
