"""Where a source puts words in quotation marks, so a `direct-quote` can be held to them.

A direct quote claims the speaker's own words; a source marks those with quotation marks. Text
outside the marks is the reporter's (attribution, paraphrase), and a headline is the editor's.
Everything here is a single left-to-right scan: sources are untrusted input of any size.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from .elision import elision_problem

Span = tuple[int, int]

# Families of marks: a closer ends the innermost open quote of its own family. Keys are the
# family names; straight, curly and low marks mix freely within a family because sloppy texts do.
_DOUBLE, _SINGLE, _GUILLEMET, _SINGLE_GUILLEMET = '"', "'", "«", "‹"
_OPENERS = {_DOUBLE: '"“„”', _SINGLE: "'‘‚", _GUILLEMET: "«", _SINGLE_GUILLEMET: "‹"}
_MARKS = frozenset("\"“”„'‘’‚«»‹›")
# What may stand right before an opening mark besides white space and the start of a paragraph.
_OPENING_CONTEXT = frozenset("([{<\"“„«‹'‘‚—–-/")
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
# A plain character class: the regex engine finds the next one without backtracking.
_INTERESTING = re.compile("[" + re.escape("".join(sorted(_MARKS | _LINE_BREAKS))) + "]")
_MAX_DEPTH = 16  # deeper nesting is noise; the cap keeps every step O(1)
_WORDS_LIMIT = 60
# Words clipped at their start with an apostrophe, which opens nothing: 'til dawn, 'cause.
_CLIPPED = frozenset(
    str.split("til tis twas twere twill cause cos coz em n round bout neath fore nother kay scuse sup gainst mongst")
)
_LONGEST_CLIPPED = max(map(len, _CLIPPED))

_OUTSIDE = (
    "direct quote is not inside quotation marks in the source: {words} (line {line}) lies outside them; "
    "use kind `reported-speech` or `paraphrase`, or quote only the words in quotation marks"
)
HEADLINE = "a headline is never a direct quote: this passage is the source's headline (line 1); use kind `framing`"


def _opening_position(prev: str, nxt: str) -> bool:
    return (not prev or prev.isspace() or prev in _OPENING_CONTEXT) and bool(nxt) and not nxt.isspace()


def _single_role(text: str, i: int, open_here: bool) -> str | None:
    """Single marks double as apostrophes (don't, Kyiv's, '90s, 'til, generals'): a quote opens
    only before a letter at a word start that is not a clipped word ('til, 'cause), and closes
    only after a word and before a word end, never as a plural possessive (`generals' plan`)."""
    ch, prev, nxt = text[i], text[i - 1 : i], text[i + 1 : i + 2]
    if ch in "'‘‚" and _opening_position(prev, nxt) and nxt.isalpha():
        return None if _clipped_word(text, i + 1) else _SINGLE + "open"
    if ch in "'’‘" and open_here and prev and not prev.isspace() and not (nxt and nxt.isalnum()):
        return None if _plural_possessive(text, i) else _SINGLE + "close"
    return None


def _clipped_word(text: str, start: int) -> bool:
    end = start
    while end < len(text) and end - start <= _LONGEST_CLIPPED and text[end].isalpha():
        end += 1
    return text[start:end].casefold() in _CLIPPED


def _plural_possessive(text: str, i: int) -> bool:
    """`s'` then a space and a word: "the generals' plan"; a closing mark is followed by
    punctuation, the end of a line, or (rarely) a space and an attribution, which this reads as
    a possessive: a quote lost, never a quote made up."""
    return text[i - 1] in "sS" and text[i + 1 : i + 2] in (" ", "\u00a0") and text[i + 2 : i + 3].isalnum()


def _role(text: str, i: int, open_count: dict[str, int], innermost: str) -> str | None:
    """`family + "open"`, `family + "close"` or None (not a quotation mark here). `innermost` is
    the mark that opened the innermost open double quote, or ""."""
    ch, prev, nxt = text[i], text[i - 1 : i], text[i + 1 : i + 2]
    if ch in "«‹":
        return ch + "open"
    if ch in "»›":
        family = "«" if ch == "»" else "‹"
        return family + "close" if open_count[family] else None
    if ch in "'‘’‚":
        return _single_role(text, i, open_count[_SINGLE] > 0)
    if ch == "„":
        return _DOUBLE + "open"
    if ch == "“":  # closes a German „…“; in English it opens
        closes = innermost == "„" or (innermost and prev and not prev.isspace() and not (nxt and nxt.isalnum()))
        return _DOUBLE + ("close" if closes else "open")
    if innermost:  # " or ” with a double quote open
        return _DOUBLE + "close"
    if ch == '"':
        return _DOUBLE + "open" if nxt and not nxt.isspace() else None
    return _DOUBLE + "open" if _opening_position(prev, nxt) else None  # ” as an opener (Swedish style)


class _Scan:
    """The open quotes of one scan. Each entry is [family, opening mark, start, closed regions
    nested in it]; nested regions are kept so that an outer quote dropped as a stray apostrophe
    does not take the real quotes inside it down with it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.stack: list[list] = []
        # What the stack holds, kept up to date so that a mark costs O(1), not O(depth).
        self.open_count = dict.fromkeys(_OPENERS, 0)
        self.double_marks: list[str] = []
        self.regions: list[Span] = []
        self.skip = -1  # a paragraph's opening mark that continues the quote of the one before
        self.peeked = -1  # where the next paragraph's text starts, found once per run of breaks

    def mark(self, i: int) -> None:
        text = self.text
        role = _role(text, i, self.open_count, self.double_marks[-1] if self.double_marks else "")
        if role is None:
            return
        family, action = role[0], role[1:]
        if action == "open":
            if len(self.stack) < _MAX_DEPTH:
                self._push([family, text[i], i + 1, []])
            return
        while self.stack:  # pop down to the innermost quote of this family
            entry = self._pop()
            if entry[0] == family:
                self._closed((entry[2], i))
                return

    def _push(self, entry: list) -> None:
        self.stack.append(entry)
        self.open_count[entry[0]] += 1
        if entry[0] == _DOUBLE:
            self.double_marks.append(entry[1])

    def _pop(self) -> list:
        entry = self.stack.pop()
        self.open_count[entry[0]] -= 1
        if entry[0] == _DOUBLE:
            self.double_marks.pop()
        return entry

    def _closed(self, region: Span) -> None:
        if region[0] >= region[1]:
            return
        if self.stack:
            self.stack[-1][3].append(region)
        else:
            self.regions.append(region)

    def paragraph_end(self, i: int) -> None:
        """A line break (or the end) at i, with quotes still open."""
        text = self.text
        if self.peeked <= i:
            self.peeked = i
            while self.peeked < len(text) and text[self.peeked].isspace():
                self.peeked += 1
        j = self.peeked
        outer = self.stack[0]
        if j < len(text) and text[j] in _OPENERS[outer[0]] and not text[j + 1 : j + 2].isspace():
            while len(self.stack) > 1:  # the quote goes on: each paragraph of it opens with a mark
                self._pop()
            self.skip = j
            return
        end = i
        while end > outer[2] and text[end - 1].isspace():
            end -= 1
        while self.stack:
            family, _, start, inner = self._pop()
            if family == _SINGLE:  # unclosed: an apostrophe taken for a quote, most likely
                for region in inner:
                    self._closed(region)
            else:  # unclosed: lenient, the quote runs to the end of its paragraph
                self._closed((start, end))


def quoted_regions(text: str) -> tuple[Span, ...]:
    """Sorted, disjoint (start, end) offsets of the text inside quotation marks, marks excluded.

    Paragraphs are lines. A quote still open at a paragraph's end goes on if the next paragraph
    opens with a mark of its family (the one region then spans both, the repeated mark included);
    otherwise it ends with its paragraph, so one stray mark never swallows the document.
    """
    return _scanned(text, 0, len(text))[0]


def regions_near(text: str, start: int, end: int) -> tuple[tuple[Span, ...], int]:
    """The regions of the paragraphs around [start, end) (`quoted_regions` of the whole text
    there, from a paragraph where no quote can be open (`_quiet_start`) to where none is open past
    `end`: every one that overlaps [start, end) among them), and how many characters that read.
    What one quote's check needs, without reading the whole source."""
    return _scanned(text, _quiet_start(text, start), end)


def _scanned(text: str, begin: int, stop: int) -> tuple[tuple[Span, ...], int]:
    scan = _Scan(text)
    for found in _INTERESTING.finditer(text, begin):
        i = found.start()
        if i >= stop and not scan.stack:
            return tuple(scan.regions), i - begin
        if text[i] in _LINE_BREAKS:
            if scan.stack:
                scan.paragraph_end(i)
        elif i != scan.skip:
            scan.mark(i)
    if scan.stack:
        scan.paragraph_end(len(text))
    return tuple(scan.regions), len(text) - begin


_ANY_OPENER = frozenset("".join(_OPENERS.values()))
_SPACES = re.compile(r"\s*")  # always matches: no backtracking


def _quiet_start(text: str, at: int) -> int:
    """A place at or before `at` where a scan of the whole text has no quote open: the start, or
    just after a newline whose next paragraph opens with no quotation mark (a quote open at a
    paragraph's end goes on only into one that opens with one: `_Scan.paragraph_end`). Other line
    breaks are read by the scan from there as from the start (a text of lone carriage returns is
    read from its start)."""
    while True:
        before = text.rfind("\n", 0, at)
        if before < 0:
            return 0
        spaces = _SPACES.match(text, before + 1)
        j = spaces.end() if spaces else before + 1
        if j == len(text) or text[j] not in _ANY_OPENER:
            return before + 1
        at = before
        while at > 0 and text[at - 1].isspace():  # the newlines of one run lead to the same `j`: once
            at -= 1


def outside_parts(regions: Sequence[Span], start: int, end: int, text: str) -> list[Span]:
    """The pieces of [start, end) that no region covers, trimmed to their words; pieces of only
    white space and punctuation (the closing mark and the period after it) do not count."""
    parts: list[Span] = []
    at = start
    k = max(0, bisect.bisect_right(regions, (start, start)) - 1)
    while at < end:
        while k < len(regions) and regions[k][1] <= at:
            k += 1
        if k < len(regions) and regions[k][0] <= at:
            at = regions[k][1]  # covered up to the region's end
            continue
        gap_end = min(end, regions[k][0]) if k < len(regions) else end
        trimmed = _trim(text, at, gap_end)
        if trimmed:
            parts.append(trimmed)
        at = gap_end
    return parts


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return (start, end) if start < end else None


def first_line(text: str) -> Span | None:
    """The first non-empty line (its text, without the line break), or None for a blank text."""
    line_start = 0
    while line_start < len(text):
        line_end = _line_end(text, line_start)
        if text[line_start:line_end].strip():
            return (line_start, line_end)
        line_start = line_end + 1
    return None


def is_headline(text: str, start: int, end: int, headline: Span | None = None) -> bool:
    """Whether [start, end) lies within the headline (by default the first non-empty line)."""
    span = headline or first_line(text)
    return span is not None and span[0] <= start and end <= span[1]


def _line_end(text: str, start: int) -> int:
    found = text.find("\n", start)
    return len(text) if found == -1 else found


def headline_message(text: str, headline: Span) -> str:
    line = text.count("\n", 0, headline[0]) + 1
    return HEADLINE.replace("(line 1)", f"(line {line})")


FIRST_LINE: Span = (-1, -1)  # the default headline: the text's first non-empty line


def direct_quote_problem(
    text: str, spans: Sequence[Span], regions: Sequence[Span] | None = None, headline: Span | None = FIRST_LINE
) -> str | None:
    """None if a direct quote found at `spans` (a passage's parts: the words around an ellipsis)
    stands inside quotation marks in the source `text`, else the message for the curator.

    `headline` is where the source's headline stands (by default its first non-empty line; None:
    it has none): no part may touch it. Each gap between parts must be an attribution (`elision`).
    Pass `regions` (quoted_regions(text)) when checking many quotes of one source.
    """
    headline = first_line(text) if headline == FIRST_LINE else headline
    if headline and any(start < headline[1] and end > headline[0] for start, end in spans):
        return headline_message(text, headline)
    regions = quoted_regions(text) if regions is None else regions
    for start, end in spans:
        outside = outside_parts(regions, start, end, text)
        if outside:
            first_start, first_end = outside[0]
            words = _cut_words(" ".join(text[first_start:first_end].split()), _WORDS_LIMIT)
            return _OUTSIDE.format(words=f'"{words}"', line=text.count("\n", 0, first_start) + 1)
    return elision_problem(text, spans, regions)


def _cut_words(words: str, limit: int) -> str:
    """At most `limit` characters, the ellipsis included, cut after a whole word."""
    if len(words) <= limit:
        return words
    cut = words[:limit]  # the character after the cut tells whether the last word is whole
    cut = cut[: cut.rindex(" ")] if " " in cut else words[: limit - 1]
    return cut.rstrip(" ,;:") + "…"


def editorial_insertions(text: str, start: int, end: int) -> tuple[Span, ...]:
    """The `[…]` insertions (brackets included) within [start, end): an editor's words inside a
    quote, e.g. `[Russia]`, which a page should set apart from the speaker's."""
    found: list[Span] = []
    at = text.find("[", start, end)
    while at != -1:
        close = text.find("]", at + 1, end)
        if close == -1:
            break
        reopen = text.rfind("[", at + 1, close)
        if reopen != -1:  # unmatched `[` before it: the insertion starts at the last one
            at = reopen
            continue
        if "\n" not in text[at:close]:
            found.append((at, close + 1))
        at = text.find("[", close + 1, end)
    return tuple(found)
