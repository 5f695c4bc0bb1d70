"""`dossier build`: check and render in memory, then MkDocs (Material) on those pages into a
fresh temporary folder that is swapped in as `site/` on success, so a failure leaves the
previous site as it was. Nothing of the build goes through `.dossier/` on disk."""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from ..errors import BuildError, OutputError, os_error_message
from ..site.generate import Generated, build_epoch, render_all
from ..site.lock import build_lock, remove_stale_temps
from ..site.plan import BRIEFING_PDF, RECORD_PDF, SITE_DIR
from ..site.write import STALE_PREFIX, OwnedDir, swap_in, write_file
from . import config as mkdocs_config
from .pagefind import Indexer
from .passthrough import Prerenderer
from .plugin import install


def build(root: Path, progress: Callable[[str], None] = lambda message: None, pdf: bool = False) -> Generated:
    """The whole pipeline: check, render in memory, MkDocs into DIR/site/ (swapped in on
    success); with `pdf`, the briefing PDF is written into the new site before it is swapped in.
    One build at a time per dossier (a lock); temporary folders of killed builds are removed."""
    with build_lock(root):
        for name in remove_stale_temps(root):
            progress(f"removed {name}, left by an interrupted build")
        OwnedDir(root, SITE_DIR).check()  # refuse a linked or foreign site/ before any work
        config = mkdocs_config.load(root)
        progress("checking and generating pages…")
        site = replace(mkdocs_config.settings(config), pdf=pdf)
        generated = render_all(root, site, config.use_directory_urls, Prerenderer(config))
        progress(f"generated {generated}; building the site with MkDocs…")
        briefing = Briefing(generated.dossier, site, root / SITE_DIR) if pdf else None
        if briefing:
            progress("writing the briefing PDF (beside MkDocs)…")
        mkdocs_build(root, config, generated, briefing)
    return generated


class Briefing:
    """The briefing PDF, laid out in a process of its own while MkDocs builds (WeasyPrint and
    MkDocs are both CPU-bound Python; the machine has two cores). The child is forked after
    everything is in memory, so nothing is pickled but the PDF's bytes on the way back."""

    def __init__(self, dossier, site, base: Path):
        global _PENDING
        _PENDING = (dossier, site, base)
        try:
            context = multiprocessing.get_context("fork")
            self._pool: concurrent.futures.Executor = concurrent.futures.ProcessPoolExecutor(1, mp_context=context)
            self._future = self._pool.submit(_briefing_in_child)
        except (ValueError, OSError):  # no fork here: in this process, after MkDocs
            self._pool = concurrent.futures.ThreadPoolExecutor(1)
            self._future = self._pool.submit(_briefing_in_child)
        finally:
            _PENDING = None

    def write(self, site_dir: Path) -> None:
        try:
            data = self._future.result()
        finally:
            self._pool.shutdown(cancel_futures=True)
        write_file(site_dir, BRIEFING_PDF, data)

    def cancel(self) -> None:
        self._future.cancel()
        self._pool.shutdown(wait=True, cancel_futures=True)


_PENDING: tuple | None = None


def _briefing_in_child() -> bytes:
    assert _PENDING is not None
    return briefing_pdf(*_PENDING)


def briefing_pdf(dossier, site, base: Path, proposal: str | None = None, record: bool = False) -> bytes:
    """The briefing PDF's bytes. WeasyPrint writes to a path: a private folder made for this one
    file (mode 0700, a fresh name), so nothing can be waiting at that path; `base` is where the
    PDF will be published, for its relative addresses."""
    from ..site import pdf

    scope = site.description or site.name
    html = pdf.briefing_html(dossier, title=site.name, scope=scope, site_url=site.url, proposal=proposal, record=record)
    with tempfile.TemporaryDirectory(prefix="dossier-pdf-") as private:
        out = Path(private) / BRIEFING_PDF
        pdf.write_pdf(html, out, base_url=base, created=pdf.created_at(dossier))
        return out.read_bytes()


def write_briefing(
    root: Path, dossier, site, out: Path | None = None, proposal: str | None = None, record: bool = False
) -> Path:
    """`dossier pdf`: the briefing into `site/briefing.pdf` (through the site's owned folder: it
    joins the manifest, and the next build treats it as its own) or into `out`. Returns the path."""
    if out is None:
        name = RECORD_PDF if record else BRIEFING_PDF
        OwnedDir(root, SITE_DIR).put(name, briefing_pdf(dossier, site, root / SITE_DIR, proposal, record))
        return root / SITE_DIR / name
    out = Path(os.path.abspath(out))
    try:  # inside the dossier: no link below its root is followed; elsewhere, the folder the user named
        base, rel = root, out.relative_to(root).as_posix()
    except ValueError:
        base, rel = out.parent, out.name
    write_file(base, rel, briefing_pdf(dossier, site, out.parent, proposal, record))
    return out


def mkdocs_build(root: Path, config, generated: Generated, briefing: Briefing | None = None) -> None:
    """`mkdocs build --strict` of the pages in memory into a fresh temporary folder, with the
    search bundle (Pagefind takes the records while MkDocs builds; the hand-written pages once
    they are built) and the briefing PDF, then swapped in as DIR/site/. A failure leaves the
    previous site untouched.

    SOURCE_DATE_EPOCH pins every date MkDocs stamps (sitemap, gzip header) so that the same
    input gives byte-identical output.
    """
    from mkdocs.commands.build import build as run_mkdocs
    from mkdocs.exceptions import MkDocsException

    try:
        tmp = Path(tempfile.mkdtemp(prefix=STALE_PREFIX, dir=root))
    except OSError as exc:
        raise OutputError(os_error_message(exc, ".site-*")) from None
    config.site_dir = str(tmp)
    install(config, generated, in_memory=True)
    indexer: Indexer | None = None
    try:
        indexer = Indexer(generated.records, tmp)
        with (
            mkdocs_config.shown_warnings(),
            mkdocs_config.environ(SOURCE_DATE_EPOCH=str(build_epoch(generated.dossier)), NO_MKDOCS_2_WARNING="1"),
        ):
            run_mkdocs(config)
        indexer.finish()
        if briefing:
            briefing.write(tmp)
    except BaseException as exc:
        if indexer:
            indexer.cancel()
        if briefing:
            briefing.cancel()
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(exc, OSError):
            message = os_error_message(exc, _shown(root, exc.filename or tmp))
            raise OutputError(f"{message}; the previous site/ is kept") from None
        if isinstance(exc, MkDocsException):
            raise BuildError(f"MkDocs failed, the previous site/ is kept: {exc}") from None
        raise
    try:
        swap_in(root, tmp.name, SITE_DIR)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)  # still there only when the swap failed


def _shown(root: Path, filename) -> str:
    try:
        return Path(filename).relative_to(root).as_posix()
    except ValueError:
        return str(filename)
