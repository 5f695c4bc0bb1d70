"""Text hygiene and bounded work on hostile input.

- `text_problem`: characters a curator's text may not hold (they hide or reorder what a reviewer
  sees, or break the tools downstream: a control character makes the Atom feed invalid XML).
- `prescan_depth`: an upper bound on YAML nesting, found before libyaml is given the text
  (PyYAML's C composer recurses once per level and segfaults near 50,000 nested `[`).

Policy on U+200E/U+200F (and U+061C): allowed in text. They are the weak direction marks that
right-to-left quotations legitimately need, and they cannot reorder strong text the way the
overrides and isolates do; messages still show them escaped (`errors.one_line`).
"""

from __future__ import annotations

import functools
import re
import unicodedata

# C0 controls but tab, LF and CR; DEL; C1 controls (U+0085 NEL included: YAML reads it as a break).
_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_BIDI = "\u202a-\u202e\u2066-\u2069"
_NONCHAR = "\ufdd0-\ufdef" + "".join(f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}" for p in range(17))
_SURROGATE = "\ud800-\udfff"
_LINE_BREAKS = "\n\r\u2028\u2029"
_BAD_INLINE = re.compile(f"[{_CONTROL}{_LINE_BREAKS}{_BIDI}{_NONCHAR}{_SURROGATE}]")
BAD_BLOCK = re.compile(f"[{_CONTROL}{_BIDI}{_NONCHAR}{_SURROGATE}]")
# The same class split in two for a whole file: the astral noncharacters make the class ten times
# slower on every character, and most files have no character beyond U+FFFF to test them on.
_BAD_BMP = re.compile(f"[{_CONTROL}{_BIDI}\ufdd0-\ufdef\ufffe\uffff{_SURROGATE}]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
# Every character that text hygiene or the block reader looks at closer (those of _BAD_BMP, any
# beyond U+FFFF, tabs and the breaks YAML reads besides "\n"), in one scan: most files hold none.
_ODD = re.compile(
    f"[{_CONTROL}{_BIDI}\ufdd0-\ufdef\ufffe\uffff{_SURROGATE}\t\r\u2028\u2029\ufeff\U00010000-\U0010ffff]"
)


def has_odd(text: str) -> bool:
    """Whether `text` holds a character `has_bad_block` or the block reader must look at closer."""
    return _ODD.search(text) is not None


def has_bad_block(text: str) -> bool:
    """Whether BAD_BLOCK matches anywhere in `text` (a whole file: the same answer, faster)."""
    if _BAD_BMP.search(text):
        return True
    return _ASTRAL.search(text) is not None and BAD_BLOCK.search(text) is not None


def _mark_ranges() -> str:
    """The code points with a nonzero canonical combining class, as a regex class body (all lie
    between U+0300 and U+1FFFF)."""
    ranges: list[list[int]] = []
    for point in range(0x300, 0x20000):
        if unicodedata.combining(chr(point)):
            if ranges and ranges[-1][1] == point - 1:
                ranges[-1][1] = point
            else:
                ranges.append([point, point])
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges)


MAX_MARKS = 30  # combining marks on one letter (Unicode's stream-safe limit); real text has a few
# Every combining mark lies at U+0300 or above: text without such a long run needs no more.
# (A run spelt as one character and then the rest: the regex engine then skips ahead to
# candidates, three times faster on a file of quotes in curly quotation marks.)
_MAYBE_MARKS = re.compile(f"[^\\x00-\\u02ff][^\\x00-\\u02ff]{{{MAX_MARKS},}}")


@functools.cache
def _long_marks() -> re.Pattern:
    return re.compile(f"[{_mark_ranges()}]{{{MAX_MARKS + 1},}}")  # built once, when first needed (0.1 s)


def long_marks(text: str) -> re.Match | None:
    """The first run of more than MAX_MARKS combining marks in `text`, or None."""
    return _long_marks().search(text) if _MAYBE_MARKS.search(text) else None


def _kind(char: str) -> str:
    point = ord(char)
    if 0xD800 <= point <= 0xDFFF:
        return "lone surrogate"
    if char in _LINE_BREAKS:
        return "line break"
    if 0x202A <= point <= 0x202E or 0x2066 <= point <= 0x2069:
        return "bidirectional formatting character"
    if 0xFDD0 <= point <= 0xFDEF or point & 0xFFFE == 0xFFFE:
        return "Unicode noncharacter"
    return "control character"


def text_problem(value: str, block: bool) -> str | None:
    """Why `value` may not stand in the dossier, or None. Tab is allowed; line breaks only in
    block text (notes, quotes). Positions count characters from 1."""
    found = (BAD_BLOCK if block else _BAD_INLINE).search(value)
    if found is None:
        marks = long_marks(value)
        if marks is None:
            return None
        # Zalgo text: every renderer (the PDF's, a browser's) slows down on it, and it hides
        # the letters underneath.
        return (
            f"contains a run of {marks.end() - marks.start()} combining marks at character {marks.start() + 1} "
            f"(more than {MAX_MARKS} on one letter); remove them"
        )
    char = found.group()
    what = "a line break" if char in _LINE_BREAKS else f"the {_kind(char)}"
    fix = "; write it on one line" if char in _LINE_BREAKS else "; remove it"
    return f"contains {what} U+{ord(char):04X} at character {found.start() + 1}{fix}"


def name_problem(rel: str) -> str | None:
    """Why a file's name may not stand in the dossier, or None: a control or line-break
    character (a tool printing the name would print it raw; a CI runner reads a line it starts
    as a command), a direction override, a noncharacter or a lone surrogate."""
    name = rel.rsplit("/", 1)[-1]
    found = _BAD_INLINE.search(name)
    if found is None:
        return None
    char = found.group()
    what = "a line break" if char in _LINE_BREAKS else f"the {_kind(char)}"
    return f"file name contains {what} U+{ord(char):04X} at character {found.start() + 1}: rename the file"


# --- YAML nesting, bounded before libyaml sees the text -------------------------------------

_OUT, _DQ, _SQ, _CM = range(4)
_SPECIAL = re.compile("[][{}\"'#\\\\\n\r\x85\u2028\u2029]")
_BREAKS = frozenset("\n\r\x85\u2028\u2029")
# A quoted scalar or a comment can only begin where a token begins: after white space, a line
# break or an indicator. Listing more characters than libyaml needs only adds hypotheses.
_TOKEN_BEFORE = frozenset(" \t\ufeff[]{},:?-!&*|>\"'") | _BREAKS
_BLANK = frozenset(" \t\ufeff") | _BREAKS
_Counts = list  # per mode, the highest flow depth of any reading in that mode (None: no reading)


def _step(counts: _Counts, char: str, before: str, escaped: bool) -> _Counts:
    """One special character, applied to every reading of the text at once. libyaml follows one
    of these readings, so the highest count is never below its real flow depth."""
    new: _Counts = [None, None, None, None]

    def put(mode: int, value: int) -> None:
        if new[mode] is None or value > new[mode]:
            new[mode] = value

    out, dq, sq, cm = counts
    if out is not None:
        if char in "[{":
            put(_OUT, out + 1)
        elif char in "]}":
            put(_OUT, max(0, out - 1))
        else:
            if char == "#" and before in _BLANK:
                put(_CM, out)  # after white space `#` always starts a comment (or block scalar text)
            else:
                put(_OUT, out)  # a quote or `#` inside a plain scalar is just a character
            if before in _TOKEN_BEFORE:
                if char == '"':
                    put(_DQ, out)
                elif char == "'":
                    put(_SQ, out)
                elif char == "#":
                    put(_CM, out)
    if dq is not None:
        put(_OUT if char == '"' and not escaped else _DQ, dq)
    if sq is not None:
        put(_OUT if char == "'" else _SQ, sq)  # '' is a close and a reopen: both are readings
    if cm is not None:
        put(_OUT if char in _BREAKS else _CM, cm)
    return new


_INDENT = re.compile(r" *")
_NESTED = re.compile(r"[-?:][ \t]+")


def _line_levels(text: str, start: int, levels: list[int], may_pop: bool, room: int) -> int | None:
    """Block structure of the line at `start`: its indentation, then one more column for each
    `- `, `? ` or `: ` that opens a nested collection on the same line (`- - - x`). Returns the
    column (from 0) where the levels pass `room`, else None."""
    indent = _INDENT.match(text, start)
    pos = indent.end() if indent else start
    if pos >= len(text) or text[pos] in "#\n\r":
        return None  # blank and comment lines carry no structure
    column = pos - start
    if may_pop:
        while levels and levels[-1] > column:
            levels.pop()
    while True:
        if not levels or column > levels[-1]:
            levels.append(column)
            if len(levels) > room:
                return column
        nested = _NESTED.match(text, pos)
        if nested is None or nested.end() >= len(text) or text[nested.end()] in "#\n\r":
            return None
        pos = nested.end()
        column = pos - start


def prescan_depth(text: str, limit: int) -> tuple[int, int] | None:
    """The first (line, column), from 1, where the nesting of `text` may exceed `limit`; else None.

    Linear, and safe to run on anything: it only ever over-estimates. Flow depth counts every
    `[`/`{` outside quotes and comments; since a quote or `#` may or may not open one (`it's` does
    not), every reading is followed at once and the highest depth taken, so a quote cannot hide
    a closing bracket. Block depth counts indentation columns twice (a mapping and a sequence
    may share one) and forgets a column only where no flow collection or quoted scalar may be
    open. The bound can be about twice the real depth: pass a generous limit (200).
    """
    return None if _shallow(text, limit) else _scan(text, limit)


def _scan(text: str, limit: int) -> tuple[int, int] | None:
    counts: _Counts = [0, None, None, None]
    levels: list[int] = []
    over = _line_levels(text, 0, levels, True, limit // 2)
    if over is not None:
        return 1, over + 1
    line, line_start, escape_at = 1, 0, -2
    for found in _SPECIAL.finditer(text):
        pos = found.start()
        char = found.group()
        before = text[pos - 1] if pos else "\n"
        only_out = counts[_DQ] is None and counts[_SQ] is None and counts[_CM] is None
        if not (only_out and (char in _BREAKS or char == "\\" or (char in "\"'#" and before not in _TOKEN_BEFORE))):
            escaped = escape_at == pos - 1
            if char == "\\" and counts[_DQ] is not None and not escaped:
                escape_at = pos
            counts = _step(counts, char, before, escaped)
        flow = max(value for value in counts if value is not None)
        if char in _BREAKS and not (char == "\r" and text.startswith("\n", pos + 1)):
            line, line_start = line + 1, pos + 1
            quiet = flow == 0 and counts[_DQ] is None and counts[_SQ] is None
            over = _line_levels(text, line_start, levels, quiet, (limit - flow) // 2)
            if over is not None:
                return line, over + 1
        elif char in "[{" and 2 * len(levels) + flow > limit:
            return line, pos - line_start + 1
    return None


def _shallow(text: str, limit: int) -> bool:
    """True when the scan below cannot pass `limit`, told from two counts made in C: its flow depth
    never exceeds the number of `[` and `{` in the text, and its block levels are distinct columns
    each within the run of spaces, tabs and `-?:` that begins a line, so they are at most one more
    than the longest such run anywhere."""
    room = (limit - text.count("[") - text.count("{")) // 2  # block levels the scan allows
    if room < 1:
        return False
    return re.search(f"[ \t?:-]{{{room},}}", text) is None
