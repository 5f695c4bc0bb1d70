"""`dossier build`: check, generate, then MkDocs (Material) into a temporary folder that is
swapped in as `site/` on success, so a failure leaves the previous site as it was."""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path

from ..errors import BuildError, OutputError, one_line, os_error_message
from ..site.generate import Generated, build_epoch, generate
from ..site.lock import build_lock, remove_stale_temps
from ..site.plan import BRIEFING_PDF, JSONLD_DIR, SITE_DIR
from ..site.write import OwnedDir, swap_in
from . import config as mkdocs_config
from .pagefind import index_built_site
from .plugin import install


def build(root: Path, progress: Callable[[str], None] = lambda message: None, pdf: bool = False) -> Generated:
    """The whole pipeline: check, generate, MkDocs into DIR/site/ (swapped in on success); with
    `pdf`, the briefing PDF is written into the new site before it is swapped in. One build at a
    time per dossier (a lock); temporary folders of killed builds are removed."""
    with build_lock(root):
        for name in remove_stale_temps(root):
            progress(f"removed {name}, left by an interrupted build")
        OwnedDir(root, SITE_DIR).check()  # refuse a linked or foreign site/ before any work
        config = mkdocs_config.load(root)
        progress("checking and generating pages…")
        site = replace(mkdocs_config.settings(config), pdf=pdf)
        generated = generate(root, site, config.use_directory_urls)
        progress(f"generated {generated}; building the site with MkDocs…")

        def briefing(tmp: Path) -> None:
            progress("writing the briefing PDF…")
            write_briefing(generated.dossier, site, tmp / BRIEFING_PDF)

        mkdocs_build(root, config, generated.edit_paths, build_epoch(generated.dossier), briefing if pdf else None)
    return generated


def write_briefing(dossier, site, out: Path, proposal: str | None = None, record: bool = False) -> None:
    from ..site import pdf

    scope = site.description or site.name
    html = pdf.briefing_html(dossier, title=site.name, scope=scope, site_url=site.url, proposal=proposal, record=record)
    pdf.write_pdf(html, out, base_url=out.parent, created=pdf.created_at(dossier))


def mkdocs_build(
    root: Path, config, edit_paths: Mapping[str, str], epoch: int, extra: Callable[[Path], None] | None = None
) -> None:
    """`mkdocs build --strict` into DIR/site/, then the search bundle (once MkDocs has let its
    pages go: the indexer is a process of its own) and `extra` (the PDF). A failure leaves the
    previous site untouched.

    SOURCE_DATE_EPOCH pins every date MkDocs stamps (sitemap, gzip header) so that the same
    input gives byte-identical output.
    """
    from mkdocs.commands.build import build as run_mkdocs
    from mkdocs.exceptions import MkDocsException

    try:
        tmp = Path(tempfile.mkdtemp(prefix=".site-", dir=root))
    except OSError as exc:
        raise OutputError(os_error_message(exc, ".site-*")) from None
    config.site_dir = str(tmp)
    install(config, edit_paths, root / JSONLD_DIR)
    # MkDocs' strict counter is a handler too, so without ours its warnings would go unseen.
    shown = logging.StreamHandler()
    shown.setLevel(logging.WARNING)
    shown.setFormatter(_OneLine("mkdocs: %(levelname)s: %(message)s"))
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(shown)
    try:
        with mkdocs_config.environ(SOURCE_DATE_EPOCH=str(epoch), NO_MKDOCS_2_WARNING="1"):
            run_mkdocs(config)
        index_built_site(root, tmp)
        if extra:
            extra(tmp)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        message = os_error_message(exc, _shown(root, exc.filename or tmp))
        raise OutputError(f"{message}; the previous site/ is kept") from None
    except MkDocsException as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise BuildError(f"MkDocs failed, the previous site/ is kept: {exc}") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        mkdocs_log.removeHandler(shown)
    try:
        swap_in(root, tmp.name, SITE_DIR)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)  # still there only when the swap failed


class _OneLine(logging.Formatter):
    """MkDocs' messages quote file names and links from content: each record is printed on one
    line with control characters escaped, so nothing of content starts a line of a CI log."""

    def format(self, record: logging.LogRecord) -> str:
        return one_line(super().format(record))


def _shown(root: Path, filename) -> str:
    try:
        return Path(filename).relative_to(root).as_posix()
    except ValueError:
        return str(filename)
