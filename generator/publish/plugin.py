"""The dossier's MkDocs plugin, added to the configuration by `dossier build` and `serve`.

- Edit links: each page's edit link points at the file a curator changes (claims.yaml,
  content/actors.yaml, ...), as the site plan says.
- Hand-written pages (content/pages/): MkDocs renders their Markdown, then the HTML is cleaned
  by the allowlist (site/sanitize.py) before the theme places it in the page.
- Memory: each page's Markdown and HTML are dropped once used (see on_page_content).
- JSON-LD: an actor's, proposal's or source's schema.org data (a file in `jsonld_dir`, as the
  site plan names it) goes into its page's <head> (see on_post_page).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from mkdocs.plugins import BasePlugin

from ..data.files import PAGES_DIR
from ..site.plan import SitePlan
from ..site.sanitize import clean_html


class DossierPlugin(BasePlugin):
    def __init__(self, edit_paths: Mapping[str, str], jsonld_dir: Path | None = None):
        super().__init__()
        self.edit_paths = edit_paths
        self.jsonld_dir = jsonld_dir

    def on_files(self, files, config):
        for file in files.documentation_pages():
            file.edit_uri = self.edit_paths.get(file.src_uri)
        return files

    def on_page_content(self, html, page, config, files):
        # MkDocs renders every page before it writes any, and keeps each page's Markdown and HTML
        # to the end: at 10,000 claims that is most of a GiB. The Markdown is not needed once it
        # is HTML, nor the HTML once the page is written.
        page.markdown = None
        if (self.edit_paths.get(page.file.src_uri) or "").startswith(PAGES_DIR + "/"):
            return clean_html(html)
        return html

    def on_post_page(self, output, page, config):
        page.content = None
        if self.jsonld_dir is not None:
            path = self.jsonld_dir / SitePlan.jsonld_path(page.file.src_uri)
            if path.is_file():  # ASCII JSON with no <, > or &: nothing in it can end the script
                script = f'<script type="application/ld+json">{path.read_text("ascii")}</script>\n'
                output = output.replace("</head>", script + "</head>", 1)
        return output


def install(config, edit_paths: Mapping[str, str], jsonld_dir: Path | None = None) -> None:
    config.plugins["dossier"] = DossierPlugin(edit_paths, jsonld_dir)
