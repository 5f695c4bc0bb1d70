"""Generated pages reach MkDocs as HTML: Python-Markdown converts only their headings.

A generated page is Markdown headings (for MkDocs' table of contents and permalinks) between
HTML blocks escaped by the templates. Python-Markdown passes those blocks through unchanged, but
only after running them through its HTML parser, and MkDocs parses them once more for anchors:
at 10,000 claims that was most of MkDocs' time. So where the site layer renders a page (in its
worker processes, site/render.py), `Prerenderer` splits it into headings and blocks, converts the
headings alone with the site's Markdown extensions (the toc extension gives their ids,
permalinks and the table of contents, exactly as on the whole page: the blocks hold no heading),
and collects the ids in the blocks. The plugin then gives MkDocs an empty Markdown body for the
page and the page's HTML in its place, with its table of contents and anchors (plugin.py).

Only a block that Python-Markdown would itself pass through whole is taken this way: it starts
at a line start with a block-level tag, every block-level element in it closes inside it, and
nothing between its elements is Markdown text. A page with any other block takes the full path
(correct, only slower). Safety does not depend on this: the page's Markdown file stays the
complete page (the blocks are the templates' escaped HTML either way), and a test builds the
fixture both ways and compares every file.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from markdown.util import BLOCK_LEVEL_ELEMENTS

_VOID = frozenset({"hr", "br", "img", "input", "meta", "link", "wbr", "source", "col", "area", "embed", "track"})
_NAMES = "|".join(sorted(set(BLOCK_LEVEL_ELEMENTS) - _VOID, key=len, reverse=True))
# Only block-level tags matter to Python-Markdown's raw HTML blocks: the regex skips the rest.
# (Case-sensitive, which is three times faster: a block with an upper-case tag takes the full path.)
_BLOCK_TAG = re.compile(rf"<(/?)({_NAMES})(?![A-Za-z0-9-])[^<>]*>")
_UPPER_TAG = re.compile(r"</?[A-Z]")
_HEADING = re.compile(r"#{1,6}[ \t]")
# An id attribute (the templates write every attribute in double quotes); the white space before
# it is checked apart: a pattern that starts with the literal is several times faster.
_ID = re.compile(r'id="([^"<>]*)"')
# What Python-Markdown's first step changes in a whole page (NormalizeWhitespace: tabs, carriage
# returns, its own markers, lines of spaces): a body with any takes the full path.
_SPACES_LINE = re.compile(r"\n +\n")


@dataclass(frozen=True)
class Prerendered:
    """A generated page's HTML as Python-Markdown would give it, without its blocks' text: each
    piece is a heading's HTML or a block's place in the page's Markdown body (the body MkDocs
    reads, after the front matter), so the page is not held twice."""

    length: int  # the body's length and hash: the HTML is used only for that very body
    digest: int
    pieces: tuple[str | tuple[int, int], ...]
    toc: tuple[dict, ...]  # Python-Markdown's toc tokens (mkdocs.structure.toc.get_toc)
    anchors: frozenset[str]  # every id in the page, for MkDocs' anchor checks

    def html(self, body: str) -> str | None:
        """The page's HTML, or None when `body` is not the body this was made from (a plugin
        changed it): then the page takes the full path."""
        if len(body) != self.length or hash(body) != self.digest:
            return None
        return "\n".join(piece if isinstance(piece, str) else body[piece[0] : piece[1]] for piece in self.pieces)


class Prerenderer:
    """Makes each generated page's `Prerendered`, with one Markdown converter configured as MkDocs
    configures its own (made once, before the site layer's workers fork, and reset per page)."""

    def __init__(self, config):
        import markdown

        self.md = markdown.Markdown(
            extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"] or {}
        )

    def __call__(self, document: str) -> Prerendered | None:
        from mkdocs.utils import meta

        body = meta.get_data(document)[0]  # MkDocs' own split of the front matter
        parts = None if _normalized(body) else segments(body)
        if parts is None:
            return None
        headings = [body[start:end] for heading, start, end in parts if heading]
        self.md.reset()
        lines = self.md.convert("\n\n".join(headings)).split("\n") if headings else []
        if len(lines) != len(headings) or not all(line.startswith("<h") for line in lines):
            return None
        converted = iter(lines)
        pieces = tuple(next(converted) if heading else (start, end) for heading, start, end in parts)
        anchors = frozenset(
            html.unescape(i) for i in _ids(body) | {i for p in pieces if isinstance(p, str) for i in _ids(p)}
        )
        return Prerendered(len(body), hash(body), pieces, tuple(getattr(self.md, "toc_tokens", ())), anchors)


def _normalized(body: str) -> bool:
    """Whether Python-Markdown's first step would change the body (NormalizeWhitespace: tabs,
    carriage returns, its own markers, lines of spaces)."""
    return any(c in body for c in "\t\r\x02\x03") or ("\n " in body and _SPACES_LINE.search(body) is not None)


def _ids(text: str) -> set[str]:
    return {m.group(1) for m in _ID.finditer(text) if m.start() and text[m.start() - 1].isspace()}


def segments(body: str) -> list[tuple[bool, int, int]] | None:
    """The body's headings and HTML blocks in order, as (is a heading, start, end); None when a
    block is not one that Markdown would pass through whole."""
    out: list[tuple[bool, int, int]] = []
    start = pos = 0  # the current block's start; the current line's

    def flush(end: int) -> bool:
        text = body[start:end]
        stripped = text.strip("\n")
        if not stripped.strip():
            return True
        if not whole_block(stripped):
            return False
        first = start + len(text) - len(text.lstrip("\n"))
        last = first + len(stripped)
        # Python-Markdown keeps a blank line after a raw block that has one before what follows:
        # the block's piece takes one line end along, and the pieces are joined by line ends.
        out.append((False, first, last + 1 if end < len(body) and body.count("\n", last, end) > 1 else last))
        return True

    heading = _HEADING.match
    for line in body.split("\n"):
        end = pos + len(line)
        if heading(line):
            if not flush(pos):
                return None
            out.append((True, pos, end))
            start = end + 1
        pos = end + 1
    return out if flush(len(body)) else None


def whole_block(text: str) -> bool:
    """Whether `text` is block-level HTML elements one after another, each opening at a line
    start and closing inside `text`, with nothing but white space between them."""
    if "<!--" in text or "<![" in text or "<?" in text or _UPPER_TAG.search(text):
        return False
    depth, at = 0, 0
    stack: list[str] = []
    for match in _BLOCK_TAG.finditer(text):
        name = match.group(2)
        if depth == 0:
            gap = text[at : match.start()]
            if gap.strip() or match.group(1) or (match.start() and text[match.start() - 1] != "\n"):
                return False
        if match.group(1):
            if not stack or stack[-1] != name:
                return False
            stack.pop()
        elif not match.group(0).endswith("/>"):
            stack.append(name)
        depth = len(stack)
        if depth == 0:
            at = match.end()
            line_end = text.find("\n", at)
            if text[at : len(text) if line_end < 0 else line_end].strip():
                return False
    return depth == 0 and not text[at:].strip()
