"""The dossier's MkDocs plugin, added to the configuration by `dossier build` and `serve`.

- Pages in memory: with `in_memory`, the docs tree comes from the site layer as MkDocs files
  backed by bytes (`File.generated`), not from a folder (see on_files).
- Generated pages reach MkDocs as HTML (publish/passthrough.py): for a page the site layer
  pre-rendered, MkDocs converts an empty Markdown body and the plugin puts the page's HTML, its
  table of contents and its anchors in place of the result. The page's Markdown is still the
  whole page: any page not pre-rendered, or changed on the way, takes the full Markdown path.
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
from mkdocs.structure.toc import get_toc

from ..site.generate import Generated
from ..site.render import COMPILED
from ..site.sanitize import clean_html
from .compact import compact
from .passthrough import Prerendered


class DossierPlugin(BasePlugin):
    def __init__(self, generated: Generated, in_memory: bool):
        super().__init__()
        self.generated = generated
        self.in_memory = in_memory
        self.html: dict[str, tuple[str, Prerendered]] = {}  # the page being populated: its HTML

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

    def on_env(self, env, config, files):
        # The theme's templates do not change during a build: without this, Jinja checks each
        # included partial's file time on every page (about 40 stat calls a page).
        env.auto_reload = False
        env.bytecode_cache = COMPILED  # a preview's next rebuild compiles none of them again
        return env

    def on_page_markdown(self, markdown, page, config, files):
        src = page.file.src_uri
        pre = None if src in self.generated.hand_written else self.generated.finished.get(src)
        html = pre.html(markdown) if isinstance(pre, Prerendered) else None
        if pre is None or html is None:
            return markdown
        self.html[src] = (html, pre)
        return ""  # Markdown with nothing to convert: the page's HTML is put in its place below

    def on_page_content(self, html, page, config, files):
        # MkDocs renders every page before it writes any, and keeps each page's Markdown and HTML
        # to the end: at 10,000 claims that is most of a GiB. The Markdown is not needed once it
        # is HTML, nor the HTML once the page is written.
        page.markdown = None
        src = page.file.src_uri
        if src in self.generated.hand_written:
            return clean_html(html)
        fast = self.html.pop(src, None)
        if fast is None:
            return html
        html, pre = fast
        page.toc = get_toc(list(pre.toc))  # type: ignore[arg-type]  # Python-Markdown's toc tokens
        page.present_anchor_ids = set(pre.anchors)
        return html

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
