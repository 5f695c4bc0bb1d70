"""The dossier's MkDocs plugin, added to the configuration by `dossier build` and `serve`.

- Pages in memory: with `in_memory`, the docs tree comes from the site layer as MkDocs files
  backed by bytes (`File.generated`), not from a folder (see on_files).
- Generated pages skip Python-Markdown's HTML parsing (publish/passthrough.py).
- Edit links: each page's edit link points at the file a curator changes (claims.yaml,
  content/actors.yaml, ...), as the site plan says.
- Hand-written pages (content/pages/): MkDocs renders their Markdown, then the HTML is cleaned
  by the allowlist (site/sanitize.py) before the theme places it in the page.
- Memory: each page's Markdown and HTML are dropped once used (see on_page_content).
- JSON-LD: an actor's, proposal's or source's schema.org data goes into its page's <head>.
- Size: each built page loses the indentation of the templates (publish/compact.py).
"""

from __future__ import annotations

from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File

from ..site.generate import Generated
from ..site.sanitize import clean_html
from . import passthrough
from .compact import compact


class DossierPlugin(BasePlugin):
    def __init__(self, generated: Generated, in_memory: bool):
        super().__init__()
        self.generated = generated
        self.in_memory = in_memory
        self.blocks: dict[str, list[str]] = {}

    def on_files(self, files, config):
        if self.in_memory:
            # Only the site layer's tree: a docs folder left on disk by a preview is not read.
            for file in [f for f in files if not f.generated_by and f.src_dir == config.docs_dir]:
                files.remove(file)
            for rel, data in sorted(self.generated.files.items()):
                files.append(File.generated(config, rel, content=data))
        for file in files.documentation_pages():
            file.edit_uri = self.generated.edit_paths.get(file.src_uri)
        return files

    def on_page_markdown(self, markdown, page, config, files):
        if page.file.src_uri in self.generated.hand_written:
            return markdown
        split = passthrough.split(markdown)
        if split is None:
            return markdown
        self.blocks[page.file.src_uri], skeleton = split[1], split[0]
        return skeleton

    def on_page_content(self, html, page, config, files):
        # MkDocs renders every page before it writes any, and keeps each page's Markdown and HTML
        # to the end: at 10,000 claims that is most of a GiB. The Markdown is not needed once it
        # is HTML, nor the HTML once the page is written.
        page.markdown = None
        if page.file.src_uri in self.generated.hand_written:
            return clean_html(html)
        blocks = self.blocks.pop(page.file.src_uri, None)
        if blocks is None:
            return html
        if page.present_anchor_ids is not None:
            page.present_anchor_ids |= passthrough.anchor_ids(blocks)
        return passthrough.join(html, blocks)

    def on_post_page(self, output, page, config):
        page.content = None
        output = compact(output)
        data = self.generated.jsonld.get(page.file.src_uri)
        if data is not None:  # ASCII JSON with no <, > or &: nothing in it can end the script
            script = f'<script type="application/ld+json">{data}</script>\n'
            output = output.replace("</head>", script + "</head>", 1)
        return output


def install(config, generated: Generated, in_memory: bool) -> None:
    config.plugins["dossier"] = DossierPlugin(generated, in_memory)
