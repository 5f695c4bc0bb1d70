"""Hand-written pages (content/pages/*.md): sanitized, not filtered.

The HTML that reaches a reader is MkDocs' own rendering of the page, cleaned by `clean_html` in
the dossier plugin's `on_page_content` (MkDocs' table of contents sees every heading); `check`
runs the same Markdown engine here and reports what the cleaning would remove, so `check` and
`build` agree. The generator writes every page with a front matter block of its own: only the
keys below, the title escaped once as generated titles are (Material prints it raw), and a
title always, so MkDocs never makes one from the first heading.

`render_page` returns the validated front matter and the clean HTML; `page_problems` is what
`dossier check` reports; `page_document` is the page as written into the docs folder.
"""

from __future__ import annotations

import functools
import html
import importlib
import json
import re
from html.parser import HTMLParser
from xml.etree import ElementTree

import markdown
import yaml

from ..errors import ERROR, Problem, echo
from .pagescan import prescan
from .plan import SitePlan
from .sanitize import TAGS, clean_html, element_problems, url_kind

# The same as mkdocs.yml `markdown_extensions` (a test holds them equal).
MARKDOWN_EXTENSIONS = ("toc", "tables", "admonition", "attr_list")
EXTENSION_CONFIGS = {"toc": {"permalink": True}}
FRONT_MATTER_KEYS = ("title", "description", "search", "hide")
HIDE_VALUES = ("navigation", "toc", "footer")
MAX_FRONT_MATTER = 4096  # bytes: a few keys; also keeps libyaml far from its nesting limits

_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter text or None, body, lines before the body), as MkDocs splits a page."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    found = _FRONT.match(text)
    if not found:
        return None, text, 0
    return found.group(1) or "", text[found.end() :], found.group().count("\n")


def _markdown() -> markdown.Markdown:
    configs: dict[str, dict] = {
        **EXTENSION_CONFIGS,
        "toc": {**EXTENSION_CONFIGS["toc"], "slugify": SitePlan.heading_slug},
    }
    # Objects, not names: for a name, Python-Markdown first lists every installed package's entry
    # points (a quarter of a second of `dossier check`); these are all its own.
    extensions = [
        importlib.import_module(f"markdown.extensions.{name}").makeExtension(**configs.get(name, {}))
        for name in MARKDOWN_EXTENSIONS
    ]
    return markdown.Markdown(extensions=extensions)


def _front_matter(raw: str | None, path: str) -> tuple[dict, list[Problem]]:
    """Only the keys a hand-written page needs; anything else would let a page pick a theme
    template or change the site's behaviour."""
    if raw is None or not raw.strip():
        return {}, []
    if len(raw.encode("utf-8")) > MAX_FRONT_MATTER:
        return {}, [
            Problem(
                path,
                2,
                1,
                ERROR,
                f"front matter is over {MAX_FRONT_MATTER} bytes: keep only title, description, search and hide",
            )
        ]
    try:
        node = yaml.compose(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (yaml.YAMLError, RecursionError) as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else 2
        return {}, [Problem(path, line, 1, ERROR, "front matter is not valid YAML: fix it or remove it")]
    if not isinstance(node, yaml.MappingNode):
        message = "front matter must be `key: value` lines (title, description, search, hide)"
        return {}, [Problem(path, 2, 1, ERROR, message)]
    meta: dict = {}
    problems: list[Problem] = []
    for key_node, value_node in node.value:
        line, col = key_node.start_mark.line + 2, key_node.start_mark.column + 1
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if key not in FRONT_MATTER_KEYS:
            message = (
                f"front matter key `{echo(str(key))}` is not allowed in hand-written pages: "
                "use title, description, search or hide"
            )
            problems.append(Problem(path, line, col, ERROR, message))
            continue
        value, wrong = _front_value(key, value_node)
        if wrong:
            vline, vcol = value_node.start_mark.line + 2, value_node.start_mark.column + 1
            problems.append(Problem(path, vline, vcol, ERROR, wrong))
        else:
            meta[key] = value
    return meta, problems


_STR_TAG, _BOOL_TAG = "tag:yaml.org,2002:str", "tag:yaml.org,2002:bool"
_NUMBER_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}


def _front_value(key: str, node) -> tuple[object, str | None]:
    if key in ("title", "description"):
        if not (isinstance(node, yaml.ScalarNode) and node.tag == _STR_TAG and node.value.strip()):
            return None, f"front matter `{key}` must be text"
        if "\n" in node.value.strip() or len(node.value) > 300:
            return None, f"front matter `{key}` must be one line of at most 300 characters"
        return " ".join(node.value.split()), None
    if key == "hide":
        items = node.value if isinstance(node, yaml.SequenceNode) else None
        if items is None or not all(isinstance(i, yaml.ScalarNode) and i.value in HIDE_VALUES for i in items):
            return None, "front matter `hide` must be a list of: navigation, toc, footer"
        return sorted({i.value for i in items}), None
    return _search_value(node)


def _search_value(node) -> tuple[object, str | None]:
    wrong = "front matter `search` may hold only `boost` (a number from 0 to 10) and `exclude` (true or false)"
    if not isinstance(node, yaml.MappingNode):
        return None, wrong
    out: dict = {}
    constructor = yaml.constructor.SafeConstructor()
    for key_node, value_node in node.value:
        key, tag = key_node.value, getattr(value_node, "tag", "")
        if key == "boost" and tag in _NUMBER_TAGS:
            value = constructor.construct_object(value_node)
            if isinstance(value, (int, float)) and 0 <= value <= 10:
                out[key] = value
                continue
        elif key == "exclude" and tag == _BOOL_TAG:
            out[key] = constructor.construct_object(value_node)
            continue
        return None, wrong
    return out, None


def front_matter(meta: dict) -> str:
    """The front matter the generator writes for a page: JSON (which is YAML), ASCII only, the
    title HTML-escaped once because Material prints `page.meta.title` raw in the nav and header."""
    out = dict(meta)
    if "title" in out:
        out["title"] = html.escape(out["title"], quote=True)
    if "description" in out:
        out["description"] = html.escape(out["description"], quote=True)
    lines = [f"{key}: {json.dumps(value, ensure_ascii=True)}" for key, value in sorted(out.items())]
    # Never an empty block: MkDocs would not see it as front matter and would read the page's
    # first `key: value` lines as MultiMarkdown metadata instead (a `template:` of the writer's).
    return "---\n" + "".join(line + "\n" for line in lines or ["{}"]) + "---\n\n"


class _Elements(markdown.treeprocessors.Treeprocessor):
    """Records every element Markdown made (attribute lists included), before serializing."""

    def __init__(self, md: markdown.Markdown):
        super().__init__(md)
        self.found: list[tuple[str, dict[str, str]]] = []

    def run(self, root: ElementTree.Element) -> None:
        self.found = [(el.tag, dict(el.attrib)) for el in root.iter() if isinstance(el.tag, str)]


class _RawTags(HTMLParser):
    """The start tags in one piece of raw HTML, with where each begins in it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str], int]] = []
        self._starts: list[int] = [0]

    def feed_text(self, text: str) -> list[tuple[str, dict[str, str], int]]:
        self._starts = [0]
        for line in text.split("\n"):
            self._starts.append(self._starts[-1] + len(line) + 1)
        self.feed(text)
        self.close()
        return self.found

    def handle_starttag(self, tag, attrs):
        line, col = self.getpos()
        self.found.append((tag, {k: v or "" for k, v in attrs}, self._starts[line - 1] + col))


def render_page(markdown_text: str, path: str) -> tuple[dict, str]:
    """(front matter, clean HTML) of a hand-written page. The front matter holds only allowed,
    valid keys, and a title (taken from the first heading when not given) so that MkDocs never
    makes one from the heading itself."""
    meta, clean, _ = _render(markdown_text, path)
    return meta, clean


def page_problems(markdown_text: str, path: str) -> list[Problem]:
    """What `dossier check` reports for a hand-written page: everything the cleaning removes."""
    return _render(markdown_text, path)[2]


def _render(text: str, path: str) -> tuple[dict, str, list[Problem]]:
    """The page's front matter, its cleaned HTML and its problems. `check` and the build both ask,
    and a preview asks again on every rebuild: a page's text is rendered once per process."""
    meta, clean, problems = _rendered(text, path)
    return dict(meta), clean, list(problems)


@functools.lru_cache(maxsize=64)
def _rendered(text: str, path: str) -> tuple[dict, str, tuple[Problem, ...]]:
    raw, body, offset = split_front_matter(text)
    meta, problems = _front_matter(raw, path)
    where = _Locator(path, body, offset)
    too_complex = prescan(body)  # before Markdown: past these limits it could run for minutes
    if too_complex is not None:
        return meta, "", (*problems, where.problem(too_complex.index, too_complex.message))
    md = _markdown()
    elements = _Elements(md)
    md.treeprocessors.register(elements, "dossier-elements", 0)  # last: after attr_list and toc
    try:
        clean = clean_html(md.convert(body))
    except RecursionError:  # a structure the pre-scan did not foresee: refused, never a crash
        message = "the page's Markdown is nested too deeply for the renderer: flatten its lists, quotes or admonitions"
        return meta, "", (*problems, where.problem(None, message))
    if "title" not in meta:
        title = first_heading(clean)
        if title:
            meta["title"] = title
    for chunk in md.htmlStash.rawHtmlBlocks:
        if isinstance(chunk, str) and chunk.lstrip().startswith("<"):
            problems += _raw_problems(chunk, where)
    for tag, attrs in elements.found:
        problems += [where.problem(where.needle(needle), message) for needle, message in element_problems(tag, attrs)]
    return meta, clean, tuple(problems)


def first_heading(clean: str) -> str | None:
    found = re.search(r"<h1[^>]*>(.*?)</h1>", clean, re.DOTALL)
    if not found:
        return None
    inner = re.sub(r'<a class="headerlink"[^>]*>.*?</a>', "", found.group(1), flags=re.DOTALL)
    text = " ".join(html.unescape(re.sub(r"<[^>]*>", "", inner)).split())
    return text or None


class _Locator:
    """Places in the file for things found in the rendered body (Markdown keeps no positions:
    raw HTML is found in order, anything else at its first occurrence)."""

    def __init__(self, path: str, body: str, offset: int):
        self.path, self.body, self.offset, self.cursor = path, body, offset, 0

    def chunk(self, text: str) -> int | None:
        start = self.body.find(text, self.cursor)
        if start < 0:
            start = self.body.find(text)
        if start < 0:
            return None
        self.cursor = start + len(text)
        return start

    def needle(self, text: str) -> int | None:
        start = self.body.find(text)
        return start if start >= 0 else None

    def problem(self, index: int | None, message: str) -> Problem:
        if index is None:
            return Problem(self.path, self.offset + 1, 1, ERROR, message)
        line = self.body.count("\n", 0, index)
        col = index - (self.body.rfind("\n", 0, index) + 1) + 1
        return Problem(self.path, self.offset + line + 1, col, ERROR, message)


_AUTOLINK = re.compile(r"\s*<([A-Za-z][A-Za-z0-9+.-]*):")


def _raw_problems(chunk: str, where: _Locator) -> list[Problem]:
    base = where.chunk(chunk.strip())
    autolink = _AUTOLINK.match(chunk)
    if autolink and url_kind(chunk.strip()[1:-1]) == "forbidden":
        message = (
            f"`<{autolink.group(1)}:…>` will be removed: only http, https, mailto and relative addresses may be linked"
        )
        return [where.problem(base, message)]
    problems = []
    for tag, attrs, at in _RawTags().feed_text(chunk.strip()):
        index = None if base is None else base + at
        if tag not in TAGS:
            problems.append(
                where.problem(
                    index,
                    f"raw HTML `<{echo(tag, 20)}>` is not allowed in hand-written "
                    "pages and will be removed: write Markdown",
                )
            )
            continue
        problems += [where.problem(index, message) for _, message in element_problems(tag, attrs)]
    return problems


def page_document(markdown_text: str, path: str) -> str:
    """The page as the generator writes it for MkDocs: its own front matter block (allowed keys
    only, escaped, with a title), then the page's Markdown body."""
    meta, _ = render_page(markdown_text, path)
    _, body, _ = split_front_matter(markdown_text)
    return front_matter(meta) + body
