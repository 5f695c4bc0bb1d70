"""Built pages without the indentation of the templates that made them (Material's and ours).

Wherever a browser collapses white space (CSS `white-space` normal, nowrap or pre-line), a run of
white space that holds a line break shows exactly as one line break does. So each such run in the
text between tags becomes one line break: the page shows the same, its text and its links are the
same, and it is 5-10% smaller (at 10,000 claims, about 11 MiB of 221). Left as written: the inside
of tags (attribute values), comments, and the elements whose white space is shown as written,
<pre>, <textarea>, <code> and <kbd> (Material gives code and kbd `pre-wrap`), <script> and
<style>. A source's stored text (`.dq-text`, pre-wrap) holds its line ends as `&#10;` (see
site/render.py's `verbatim`), never as raw line breaks, so nothing in it is touched.

Not a general minifier: minify-html, the well-kept one, collapses every run of spaces (the stored
texts' double spaces would go) and drops the space between two inline elements
(`<span>x</span> <mark>y</mark>` shows "xy"), which changes what a page says.
"""

from __future__ import annotations

import re

_KEEP = re.compile(r"<(pre|textarea|code|kbd|script|style)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
# A line break and the white space after it, in text: the next angle bracket after it opens a tag
# (or the end of the part comes first); inside a tag the next one would close it (escaped HTML has
# no raw < or > in attribute values or text). Spaces before a line break are left (the templates
# write none; matching them would try every space of every text, 7 times slower).
_BREAK = re.compile(r"\n[ \t\n\r\f]*(?=[^<>]*(?:<|\Z))")


def compact(html: str) -> str:
    """The page with each line break and the white space after it, outside the kept parts, as one
    line break."""
    parts: list[str] = []
    at = 0
    for kept in _KEEP.finditer(html):
        parts.append(_BREAK.sub("\n", html[at : kept.start()]))
        parts.append(kept.group(0))
        at = kept.end()
    parts.append(_BREAK.sub("\n", html[at:]))
    return "".join(parts)
