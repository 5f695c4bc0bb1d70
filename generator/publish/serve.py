"""`dossier serve`: a live preview. Every change to the data, the pages or the templates
regenerates the pages (only those whose bytes change are rewritten) and rebuilds the site that
is served. A failed rebuild prints one line per problem and keeps serving the last good site.

After the first build, a change to the data rebuilds only the pages whose Markdown changed
(MkDocs' dirty build: it compares each page's time with its output's) and the search bundle if
its records changed: well under a second for one edited claim. A change to the templates or
mkdocs.yml, or a page removed, rebuilds everything into a new folder that is swapped in."""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import jinja2

from ..errors import ContentError, DossierError, one_line, os_error_message
from ..site.generate import Generated, build_epoch, generate
from ..site.lock import build_lock
from ..site.render import TEMPLATES
from . import config as mkdocs_config
from .pagefind import Indexer
from .passthrough import Prerenderer
from .plugin import install

log = logging.getLogger("mkdocs.dossier")
WATCHED = ("claims.yaml", "claims", "content", mkdocs_config.CONFIG_FILE)


class Preview:
    """The site served from `live/site`, rebuilt by `once()`."""

    def __init__(self, root: Path, live: Path, site_url: str):
        self.root, self.live, self.site_url = root, live, site_url
        self.layout: tuple | None = None  # what a full build depends on, as of the last one
        self.records: list[dict] | None = None  # the search records indexed last
        # Kept while mkdocs.yml and the templates are as they were: its Markdown converter, and the
        # headings it converted, serve the next rebuild too.
        self.prerenderer: Prerenderer | None = None
        self.theme_files: list[str] | None = None  # kept likewise (`_ListedLoader`)

    def _layout(self) -> tuple:
        files = [self.root / mkdocs_config.CONFIG_FILE, *(p for p in TEMPLATES.rglob("*") if p.is_file())]
        return tuple((str(p), p.stat().st_mtime_ns) for p in files if p.exists())

    def once(self) -> Generated:
        with build_lock(self.root):  # a `dossier build` meanwhile would write the same docs folder
            return self._build()

    def _build(self) -> Generated:
        layout = self._layout()
        site = self.live / "site"
        config = mkdocs_config.load(self.root, site_dir=site)
        if self.prerenderer is None or layout != self.layout:
            self.prerenderer, self.theme_files = Prerenderer(config), None
        self._list_theme_once(config.theme)
        # Pagefind on the search records, in its own process on the other core while the pages are
        # rendered and MkDocs builds: started as soon as the records are made when they are new or
        # the layout changed (either way the index is made anew), else after the pages when the
        # build is not a dirty one after all (a page removed).
        indexers: list[Indexer] = []

        def records_made(records: list[dict]) -> None:
            if records != self.records or layout != self.layout:
                self._index(indexers, records, site)

        try:
            # On disk, once: MkDocs' dirty build compares each page's time with its output's.
            settings = mkdocs_config.settings(config)
            generated = generate(self.root, settings, config.use_directory_urls, self.prerenderer, records_made)
            dirty = layout == self.layout and generated.removed == 0 and site.is_dir()
            if not dirty:
                config.site_dir = str(self.live / "next")
                if not indexers:
                    self._index(indexers, generated.records, site)
            install(config, generated, in_memory=False)
            config.site_url = self.site_url
            self.layout = None  # until this build has finished
            _mkdocs(config, dirty, build_epoch(generated.dossier))
            for indexer in indexers:
                indexer.finish(Path(config.site_dir))
        except BaseException:
            for indexer in indexers:
                indexer.cancel()
            raise
        if not dirty:
            shutil.rmtree(site, ignore_errors=True)
            (self.live / "next").rename(site)
        self.layout, self.records = layout, generated.records
        log.info("dossier: rebuilt%s: %s", " (changed pages)" if dirty else "", generated)
        return generated

    def _index(self, indexers: list[Indexer], records: list[dict], site: Path) -> None:
        self.live.mkdir(parents=True, exist_ok=True)  # Pagefind's work folder goes beside the site
        indexers.append(Indexer(records, site))

    def _list_theme_once(self, theme) -> None:
        """The theme's Jinja environment as MkDocs makes it (`Theme.get_env`), with a loader that
        lists the installed themes' folders once (`_ListedLoader`; kept in `theme_files`) and the
        dossier's own (its overrides, a `custom_dir` of mkdocs.yml) at every build."""
        made = theme.get_env
        own = [d for d in theme.dirs if d in (str(mkdocs_config.OVERRIDES), theme.custom_dir)]
        installed = [d for d in theme.dirs if d not in own]

        def get_env():
            env = made()
            if self.theme_files is None:
                listed = jinja2.FileSystemLoader(installed).list_templates()
                self.theme_files = [name for name in listed if not _hidden(name)]
            env.loader = _ListedLoader(theme.dirs, self.theme_files, own)
            return env

        theme.get_env = get_env


def _hidden(name: str) -> bool:
    """A file under a folder or of a name that starts with a dot (Material's 14,000 `.icons`), which
    MkDocs never copies from a theme whatever the configuration (its `add_files_from_theme` refuses
    `.*` and `*/.*`), and whose names it filtered at each build: a tenth of a rebuild's CPU. A
    test fails if MkDocs would copy one."""
    return any(part.startswith(".") for part in name.split("/"))


def _mkdocs(config, dirty: bool, epoch: int) -> None:
    from mkdocs.commands.build import build as run_mkdocs

    quiet = logging.getLogger("mkdocs.commands.build")
    quiet.addFilter(_not_the_dirty_warning)  # strict mode would count it as a failure
    try:
        with mkdocs_config.environ(SOURCE_DATE_EPOCH=str(epoch)):
            run_mkdocs(config, serve_url=config.site_url, dirty=dirty)
    finally:
        quiet.removeFilter(_not_the_dirty_warning)


class _ListedLoader(jinja2.FileSystemLoader):
    """The theme's loader, with the list of the installed themes' files given: MkDocs lists
    every file of the theme's folders at each build to find its static files (Material's 14,500,
    its icons among them: a fifth of a preview's rebuild), and a preview keeps that list, less
    the hidden files MkDocs never copies (`_hidden`), while mkdocs.yml and the templates are as
    they were; the dossier's own folders (`own`) are listed whole at each build, as MkDocs does.
    Templates load as they do from MkDocs' own loader (the icons Material includes among them)."""

    def __init__(self, searchpath: list[str], listed: list[str], own: list[str]):
        super().__init__(searchpath)
        self.listed, self.own = listed, own

    def list_templates(self) -> list[str]:
        return sorted({*self.listed, *jinja2.FileSystemLoader(self.own).list_templates()})


def _extended(base: type, handler: Callable, tag: bytes) -> type:
    class Extended(base):
        def _serve_request(self, environ, start_response):
            answer = handler(environ, start_response)
            return answer if answer is not None else super()._serve_request(environ, start_response)

        def _inject_js_into_html(self, content, epoch):
            content = super()._inject_js_into_html(content, epoch)
            end = content.rfind(b"</body>")
            return content[:end] + tag + content[end:] if end >= 0 else content + tag

    return Extended


def _not_the_dirty_warning(record: logging.LogRecord) -> bool:
    """MkDocs warns that a dirty build may leave the navigation inaccurate; here the navigation
    is the same on every page and pages are only rebuilt when their Markdown changed."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def serve(root: Path, dev_addr: str, extension: tuple[Callable, bytes] | None = None) -> None:
    """`extension`: a WSGI handler tried before the site's files (None: not its path) and the tag
    that loads its script into every page; only on a loopback address."""
    from mkdocs.exceptions import MkDocsException
    from mkdocs.livereload import LiveReloadServer

    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s - %(message)s")
    host, _, port = dev_addr.rpartition(":")
    live = Path(tempfile.mkdtemp(prefix="dossier-serve-"))
    preview = Preview(root, live, f"http://{host}:{port}/")

    def rebuild() -> None:
        try:
            preview.once()
        except ContentError as exc:
            for problem in exc.problems:
                log.error(problem.gcc())
            log.error("dossier: not rebuilt: fix the errors above; still serving the last good site")
            return
        except DossierError as exc:
            log.error("dossier: not rebuilt: %s; still serving the last good site", one_line(str(exc)))
        except OSError as exc:
            log.error("dossier: not rebuilt: %s; still serving the last good site", os_error_message(exc, live.name))
        except MkDocsException as exc:
            log.error("dossier: not rebuilt: MkDocs failed: %s; still serving the last good site", one_line(str(exc)))

    try:
        preview.once()  # with nothing to serve yet, errors stop here (listed by the command line)
    except BaseException:
        shutil.rmtree(live, ignore_errors=True)
        raise
    local = host in ("127.0.0.1", "localhost", "::1", "[::1]")
    server_class = _extended(LiveReloadServer, *extension) if extension and local else LiveReloadServer
    server = server_class(builder=rebuild, host=host, port=int(port), root=str(live / "site"))
    for name in WATCHED:
        if (root / name).exists():
            server.watch(str(root / name))
    server.watch(str(TEMPLATES))
    try:
        server.serve()
    except KeyboardInterrupt:
        log.info("Shutting down...")
    finally:
        server.shutdown()
        shutil.rmtree(live, ignore_errors=True)
