"""A linear pre-scan of a hand-written page, before Python-Markdown is given it.

Python-Markdown's cost grows with the product of a paragraph's markup and its length (every
inline match rebuilds the paragraph's text), scans to the end of the paragraph for each unclosed
`[` or `(` of a link, makes heading ids unique by trying suffixes one by one, and recurses once
per nested block (400 nested list levels: RecursionError). A page under the size limit could
take minutes. The limits below are far above what a hand-written page holds (a page is prose
with some links and headings); past one, `check` says which and where, at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_HEADINGS = 300
MAX_ADMONITIONS = 200
MAX_RAW_TAGS = 1000  # `<div>`, `<http://...>`: anything that opens like a tag or an autolink
MAX_DEPTH = 24  # nested lists, quotes and admonitions
# Each about a second of Python-Markdown at most (measured in `make bench`'s hostile section).
MAX_BRACKET_SCAN = 1_000_000  # characters Markdown scans looking for the ends of links
MAX_INLINE_WORK = 150_000_000  # the sum over paragraphs of markup characters times length

_BLANK = re.compile(r"\n[ \t]*\n")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)|^ {0,3}(?:=+|-+)[ \t]*$", re.MULTILINE)
_ADMONITION = re.compile(r"^[ \t]*!!!", re.MULTILINE)
_RAW_TAG = re.compile(r"<[/!?A-Za-z]")
_MARKUP_CHARS = "\\`*_[]!<>&{}|~"
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_NESTING = re.compile(r"(?:[ \t]*(?:[-*+]|[0-9]{1,9}[.)]|>|!!!)(?=[ \t>]|$))+")
_MARKER = re.compile(r"[-*+>]|[0-9][.)]|!!!")
_DEEP_LINE = re.compile(r"^(?:[ \t]{8,}|(?:[ \t]*(?:[-*+>]|[0-9]{1,9}[.)]|!!!)[ \t]*){3,}).*$", re.MULTILINE)


@dataclass(frozen=True)
class TooComplex:
    """Where a page passes a limit (offset into the body) and the message."""

    index: int
    message: str


def prescan(body: str) -> TooComplex | None:
    """The first limit the page's Markdown body passes, else None. Linear in the body's length."""
    for pattern, limit, what in (
        (_HEADING, MAX_HEADINGS, "headings"),
        (_ADMONITION, MAX_ADMONITIONS, "admonitions (`!!!`)"),
        (_RAW_TAG, MAX_RAW_TAGS, "raw HTML tags or `<...>` links"),
    ):
        found = _nth(pattern, body, limit + 1)
        if found is not None:
            return TooComplex(found, f"the page has more than {limit} {what}: split it into several pages")
    if _markup(body) * len(body) <= MAX_INLINE_WORK and _bracket_scan(body) <= MAX_BRACKET_SCAN:
        return _depth(body)  # the whole page within the paragraph limits: so is each paragraph
    return _depth(body) or _paragraphs(body)


def _nth(pattern: re.Pattern, text: str, n: int) -> int | None:
    for count, found in enumerate(pattern.finditer(text), start=1):
        if count == n:
            return found.start()
    return None


def _depth(body: str) -> TooComplex | None:
    # Only lines indented far or opening several blocks at once can pass the limit.
    for candidate in _DEEP_LINE.finditer(body):
        line = candidate.group()
        indent = len(line) - len(line.lstrip(" \t"))
        markers = _NESTING.match(line, indent)
        depth = len(line[:indent].expandtabs(4)) // 4
        depth += len(_MARKER.findall(markers.group())) if markers else 0
        if depth > MAX_DEPTH and line.strip():
            message = f"lists, quotes or admonitions nested more than {MAX_DEPTH} levels deep: flatten them"
            return TooComplex(candidate.start() + indent, message)
    return None


def _paragraphs(body: str) -> TooComplex | None:
    """Python-Markdown's inline work, summed over the page: each paragraph's markup characters
    times its length (a table's cells one by one), and how far its link patterns scan."""
    work = scanned = 0
    start = 0
    for gap in [*_BLANK.finditer(body), None]:
        end = gap.start() if gap else len(body)
        block = body[start:end]
        rows = block.split("\n") if "|" in block else [block]
        parts = rows if len(rows) > 1 and _TABLE_RULE.match(rows[1]) else [block]  # a table: cell by cell
        work += sum(_markup(part) * len(part) for part in parts)
        if work > MAX_INLINE_WORK:  # before the bracket scan, which is slower on a long paragraph
            message = "the page holds too much inline markup (`*`, `_`, `\\`, `[`, `<`, `&`...) for the Markdown "
            return TooComplex(start, message + "renderer: split its long paragraphs or the page")
        scanned += sum(_bracket_scan(part) for part in parts if "[" in part)
        if scanned > MAX_BRACKET_SCAN:
            message = "the page holds too many unclosed or nested `[`, `![` or `(`: close them, or split the page"
            return TooComplex(start, message)
        start = gap.end() if gap else end
    return None


def _markup(text: str) -> int:
    return sum(text.count(char) for char in _MARKUP_CHARS)


_BRACKETS = re.compile(r"\\.|!?\[|\]\(?|\)", re.DOTALL)


def _bracket_scan(text: str) -> int:
    """How far Markdown's link and image patterns scan in `text`: from each `[` to its matching
    `]` (or the end), twice for `![`, and from each `(` just after a `]` to its `)` (or the end).
    One pass with a stack of open positions per kind (an escaped character is skipped)."""
    total = 0
    squares: list[tuple[int, int]] = []
    parens: list[int] = []
    for found in _BRACKETS.finditer(text):
        token, at = found.group(), found.start()
        if token[0] == "\\":
            continue
        if token[-1] == "[":
            squares.append((at, len(token)))
        elif token[0] == "]":
            if squares:
                start, weight = squares.pop()
                total += (at - start) * weight
            if token == "](":
                parens.append(at + 1)
        elif parens:
            total += at - parens.pop()
    size = len(text)
    return total + sum((size - at) * weight for at, weight in squares) + sum(size - at for at in parens)
