"""MkDocs hooks, loaded by `hooks:` in mkdocs.yml (and always by `dossier build` / `serve`).

- Edit links: each page's edit link points at the file a curator changes (claims.yaml,
  content/actors.yaml, ...), read from the manifest the generator writes beside the docs.
- Memory: each page's Markdown and HTML are dropped once used (see on_page_content).
- `dossier serve`: regenerate the pages before every rebuild and watch the data, not the
  generated folder (whose writes would start another rebuild).
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.dossier")
SERVE_FLAG = "DOSSIER_SERVING"
MANIFEST = "edit-paths.json"


def on_files(files, config):
    manifest = Path(config.docs_dir).parent / MANIFEST
    paths = json.loads(manifest.read_text("utf-8")) if manifest.is_file() else {}
    for file in files.documentation_pages():
        file.edit_uri = paths.get(file.src_uri)
    return files


def on_page_content(html, page, config, files):
    # MkDocs renders every page before it writes any, and keeps each page's Markdown and HTML
    # to the end: at 10,000 claims that is most of a GiB. The Markdown is not needed once it is
    # HTML, nor the HTML once the page is written.
    page.markdown = None
    return html


def on_post_page(output, page, config):
    page.content = None
    return output


def on_pre_build(config):
    if not os.environ.get(SERVE_FLAG):
        return
    from generator.build import generate
    from generator.diagnostics import ContentError

    try:
        log.info("dossier: generated %s", generate(Path(config.config_file_path).parent))
    except ContentError as exc:
        for problem in exc.problems:
            log.error(problem.gcc())
        log.error("dossier: pages not regenerated: fix the errors above")


def on_serve(server, config, builder):
    if not os.environ.get(SERVE_FLAG):
        return server
    root = Path(config.config_file_path).parent
    server.unwatch(config.docs_dir)
    for path in ("claims.yaml", "content", "site_templates"):
        if (root / path).exists():
            server.watch(str(root / path))
    return server
