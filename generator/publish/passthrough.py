"""Generated pages skip Python-Markdown's HTML parsing.

A generated page is Markdown headings (for MkDocs' table of contents and permalinks) between
HTML blocks escaped by the templates. Python-Markdown passes those blocks through unchanged, but
only after running them through its HTML parser, and MkDocs parses them once more for anchors:
at 10,000 claims that was about half of the build. So before Markdown runs, each block is set
aside and a placeholder paragraph takes its place; once Markdown is done the placeholders are
replaced by the blocks, and the ids in them are given to MkDocs for its anchor checks.

Only a block that Python-Markdown would itself pass through whole is set aside: it starts at a
line start with a block-level tag, every block-level element in it closes inside it, and
nothing between its elements is Markdown text. A page with any other block takes the full path
(correct, only slower). Safety does not depend on this: the blocks are the templates' escaped
HTML either way (tests/test_passthrough.py proves both paths give the same HTML).
"""

from __future__ import annotations

import html
import re
import secrets

from markdown.util import BLOCK_LEVEL_ELEMENTS

_BLOCK = frozenset(BLOCK_LEVEL_ELEMENTS)
_VOID = frozenset({"hr", "br", "img", "input", "meta", "link", "wbr", "source", "col", "area", "embed", "track"})
_HEADING = re.compile(r"#{1,6}[ \t]")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)\b[^<>]*>")
_ID = re.compile(r"""\sid="([^"<>]*)\"""")
# Never in a page: the placeholder is made anew per process, and only ever replaced whole.
_TOKEN = f"dqraw{secrets.token_hex(8)}n"
_PLACEHOLDER = re.compile(rf"<p>{_TOKEN}(\d+)x</p>")


def split(markdown: str) -> tuple[str, list[str]] | None:
    """The page's Markdown with each HTML block replaced by a placeholder paragraph, and the
    blocks in order; None when a block is not one that Markdown would pass through whole."""
    out: list[str] = []
    blocks: list[str] = []
    chunk: list[str] = []

    def flush() -> bool:
        text = "\n".join(chunk).strip("\n")
        chunk.clear()
        if not text.strip():
            out.append("")
            return True
        if not whole_block(text):
            return False
        out.extend(("", f"{_TOKEN}{len(blocks)}x", ""))
        blocks.append(text)
        return True

    for line in markdown.split("\n"):
        if _HEADING.match(line):
            if not flush():
                return None
            out.append(line)
        else:
            chunk.append(line)
    if not flush():
        return None
    return "\n".join(out), blocks


def whole_block(text: str) -> bool:
    """Whether `text` is block-level HTML elements one after another, each opening at a line
    start and closing inside `text`, with nothing but white space between them."""
    if "<!--" in text or "<![" in text or "<?" in text:
        return False
    depth, at = 0, 0
    stack: list[str] = []
    for match in _TAG.finditer(text):
        name = match.group(2).lower()
        if name not in _BLOCK or name in _VOID:
            continue
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
            rest = text[at : text.find("\n", at) if "\n" in text[at:] else len(text)]
            if rest.strip():
                return False
    return depth == 0 and not text[at:].strip()


def join(content: str, blocks: list[str]) -> str:
    """Markdown's HTML with each placeholder replaced by its block."""
    # Python-Markdown ends each raw block with a blank line but the last; so do these, byte for byte.
    joined = _PLACEHOLDER.sub(lambda m: blocks[int(m.group(1))] + "\n", content)
    return joined[:-1] if _PLACEHOLDER.fullmatch(content.rsplit("\n", 1)[-1]) else joined


def anchor_ids(blocks: list[str]) -> set[str]:
    """The ids in the blocks (the templates write every attribute in double quotes)."""
    return {html.unescape(m.group(1)) for block in blocks for m in _ID.finditer(block)}
