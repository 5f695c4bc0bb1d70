"""`dossier serve`: a live preview. Every change to the data, the pages or the templates
regenerates the pages (only those whose bytes change are rewritten) and rebuilds the site into
a temporary folder that is served. A failed rebuild prints one line per problem and keeps
serving the last good site."""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path

from ..errors import ContentError, DossierError
from ..site.generate import build_epoch, generate
from ..site.plan import JSONLD_DIR
from ..site.render import TEMPLATES
from . import config as mkdocs_config
from .pagefind import index_built_site
from .plugin import install

log = logging.getLogger("mkdocs.dossier")
WATCHED = ("claims.yaml", "content", mkdocs_config.CONFIG_FILE)


def serve(root: Path, dev_addr: str) -> None:
    from mkdocs.commands.build import build as run_mkdocs
    from mkdocs.livereload import LiveReloadServer

    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s - %(message)s")
    host, _, port = dev_addr.rpartition(":")
    live = Path(tempfile.mkdtemp(prefix="dossier-serve-"))

    def once() -> None:
        config = mkdocs_config.load(root, site_dir=live / "next")
        generated = generate(root, mkdocs_config.settings(config), config.use_directory_urls)
        install(config, generated.edit_paths, root / JSONLD_DIR)
        config.site_url = f"http://{host}:{port}/"
        with mkdocs_config.environ(SOURCE_DATE_EPOCH=str(build_epoch(generated.dossier))):
            run_mkdocs(config, serve_url=config.site_url)
        index_built_site(root, live / "next")
        shutil.rmtree(live / "site", ignore_errors=True)
        (live / "next").rename(live / "site")
        log.info("dossier: rebuilt: %s", generated)

    def rebuild() -> None:
        try:
            once()
        except ContentError as exc:
            for problem in exc.problems:
                log.error(problem.gcc())
            log.error("dossier: not rebuilt: fix the errors above; still serving the last good site")
            return
        except DossierError as exc:
            log.error("dossier: not rebuilt: %s; still serving the last good site", exc)

    try:
        once()  # with nothing to serve yet, errors stop here (listed by the command line)
    except BaseException:
        shutil.rmtree(live, ignore_errors=True)
        raise
    server = LiveReloadServer(builder=rebuild, host=host, port=int(port), root=str(live / "site"))
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
