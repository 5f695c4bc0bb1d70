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

import functools
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

from markdown.extensions.toc import nest_toc_tokens
from markdown.util import BLOCK_LEVEL_ELEMENTS

_VOID = frozenset({"hr", "br", "img", "input", "meta", "link", "wbr", "source", "col", "area", "embed", "track"})
_NAMES = "|".join(sorted(set(BLOCK_LEVEL_ELEMENTS) - _VOID, key=len, reverse=True))
# A raw block starts with a block-level element's opening tag. (Case-sensitive, which is three
# times faster: a block with an upper-case tag takes the full path.)
_BLOCK_START = re.compile(rf"<({_NAMES})(?![A-Za-z0-9-])[^<>]*>")
_NONSPACE = re.compile(r"\S")
_UPPER_TAG = re.compile(r"</?[A-Z]")
_HEADING = re.compile(r"#{1,6}[ \t]")
_HTML_HEADING = re.compile(r'<h[1-6] id="([^"]+)"')
# An id attribute (the templates write every attribute in double quotes); the white space before
# it is checked apart: a pattern that starts with the literal is several times faster.
_ID = re.compile(r'id="([^"<>]*)"')
# What Python-Markdown's first step changes in a whole page (NormalizeWhitespace: tabs, carriage
# returns, its own markers, lines of spaces): a body with any takes the full path.
_SPACES_LINE = re.compile(r"^ +$", re.MULTILINE)


@dataclass(frozen=True)
class Prerendered:
    """A generated page's HTML as Python-Markdown would give it, without its blocks' text: each
    piece is a heading's HTML or a block's place in the page's Markdown body (the body MkDocs
    reads, after the front matter), so the page is not held twice."""

    # The body's length and hash(): the HTML is used only for that very body. hash() is the same
    # in the forked workers (one hash seed); a body hashed elsewhere would only miss, never match
    # another body (a 64-bit hash with a secret seed, and the length too).
    length: int
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

        extensions, configs = config["markdown_extensions"], config["mdx_configs"] or {}
        self.md = markdown.Markdown(extensions=extensions, extension_configs=configs)
        self.alone: dict[str, tuple[str, str, dict | None]] = {}  # see _alone

    def __call__(self, document: str) -> Prerendered | None:
        from mkdocs.utils import meta

        body = meta.get_data(document)[0]  # MkDocs' own split of the front matter
        parts = None if _normalized(body) else segments(body)
        if parts is None:
            return None
        converted = self._headings([body[start:end] for heading, start, end in parts if heading])
        if converted is None:
            return None
        lines, toc = converted
        pieces = tuple(next(lines) if heading else (start, end) for heading, start, end in parts)
        ids = _ids(body).union(*(_ids(piece) for piece in pieces if isinstance(piece, str)))
        anchors = frozenset(html.unescape(i) for i in ids)
        return Prerendered(len(body), hash(body), pieces, tuple(toc), anchors)

    def _headings(self, headings: list[str]) -> tuple[Iterator[str], list] | None:
        """The headings' HTML lines and the page's toc tokens. A heading converts the same alone
        as among others (it holds no reference a page defines) but for its id, which the toc
        extension makes unique on the page: so each heading is converted once per process, and
        a page whose ids would not all be distinct has its headings converted together."""
        alone = [self._alone(line) for line in headings]
        ids = [converted[1] for converted in alone]
        if all(ids) and len(set(ids)) == len(ids):
            tokens = [dict(converted[2]) for converted in alone if converted[2] is not None]
            return iter([converted[0] for converted in alone]), nest_toc_tokens(tokens)
        lines, toc = self._convert(headings)
        whole = len(lines) == len(headings) and all(map(_HTML_HEADING.match, lines))
        return (iter(lines), toc) if whole else None

    def _alone(self, heading: str) -> tuple[str, str, dict | None]:
        """A heading converted on its own: its HTML line, its id ("" if none) and toc token."""
        hit = self.alone.get(heading)
        if hit is None:
            lines, toc = self._convert([heading])
            match = _HTML_HEADING.match(lines[0]) if len(lines) == 1 else None
            hit = (lines[0], match.group(1), toc[0] if toc else None) if match else ("", "", None)
            self.alone[heading] = hit
        return hit

    def _convert(self, headings: list[str]) -> tuple[list[str], list]:
        if not headings:
            return [], []
        self.md.reset()
        lines = self.md.convert("\n\n".join(headings)).split("\n")
        return lines, getattr(self.md, "toc_tokens", [])


def _normalized(body: str) -> bool:
    """Whether Python-Markdown's first step would change the body (NormalizeWhitespace: tabs,
    carriage returns, its own markers, lines of spaces)."""
    if any(c in body for c in "\t\r\x02\x03"):
        return True
    return ("\n " in body or body.startswith(" ")) and _SPACES_LINE.search(body) is not None


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
    start and ending inside `text` where Python-Markdown ends its raw block, with nothing but
    white space between them.

    Python-Markdown's raw block ends when its first element's name closes as often as it opened
    (a closing tag drops every tag opened after its own), so only that name's tags are counted:
    a few per card instead of every block-level tag."""
    if "<!--" in text or "<![" in text or "<?" in text or "<script" in text or "<style" in text:
        return False  # comments and raw-text elements: Markdown's parser reads them otherwise
    if _UPPER_TAG.search(text):
        return False
    pos = 0  # the end of the last element
    while (nonspace := _NONSPACE.search(text, pos)) is not None:
        start = nonspace.start()
        if start and text[pos:start] not in ("\n", "\n\n"):
            return False  # not at a line start, or after two blank lines (Markdown keeps one)
        opening = _BLOCK_START.match(text, start)
        if opening is None or opening.group(0).endswith("/>"):
            return False
        depth = 0
        for tag in _same_name(opening.group(1)).finditer(text, start):
            if tag.group(1):
                depth -= 1
            elif not tag.group(0).endswith("/>"):
                depth += 1
            if depth == 0:
                pos = tag.end()
                break
        else:
            return False  # not closed inside the block
        if pos < len(text) and text[pos] != "\n":
            return False  # anything after the end on its line, even spaces: Markdown reads it apart
    return True


@functools.cache
def _same_name(name: str) -> re.Pattern:
    return re.compile(rf"<(/?){name}(?![A-Za-z0-9-])[^<>]*>")
