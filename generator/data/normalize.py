"""The declared normalizations of quote matching, with a map back to the original's offsets.

Matching tolerates only these (NORMALIZATIONS); everything else must match exactly. A normalized
text keeps the breakpoints of every replaced piece so that a match maps back to offsets into the
stored text.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

NORMALIZATIONS = (
    "Unicode NFC",
    "runs of white space (Unicode White_Space, so no-break spaces too) count as one space",
    "curly quotes and apostrophes (‘ ’ ‚ ‛ “ ” „ ‟) count as straight ones (' \")",
    "dash variants (‐ ‑ ‒ – — ― −) count as a hyphen (-)",
    "an ellipsis character (…) counts as three dots (...)",
)


_TABLE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
    }
)


# Only what changes length needs a map entry; a single U+0020 is left alone (the common case).
_CHANGES = re.compile(r"\s{2,}|[^\S ]|\u2026")


# White space other than U+0020 (exactly what `str.isspace` and `\s` accept; a test checks the
# list against every code point), and the ellipsis.
WHITE_SPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u2028\u2029\u202f\u205f\u3000"
)


_RARE = re.compile("[" + WHITE_SPACE + "\u2026]")


_TABLE_PAIRS = tuple((chr(code), repl) for code, repl in _TABLE.items())


_SPECIAL = re.compile("[\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2010-\u2015\u2212\u2026]")


_CHUNK = re.compile(r"\S+(?:\s+\S+){0,31}\s*|\s+")  # up to 32 words and the white space after them
_WORD = re.compile(r"\S+\s*|\s+")  # one word and the white space after it


@dataclass(frozen=True)
class Normalized:
    """A normalized text and the map back to the original's offsets."""

    text: str
    # Sorted breakpoints: (normalized offset, original offset, normalized length, original length)
    # of every replaced piece; between pieces the two texts advance together.
    pieces: tuple[tuple[int, int, int, int], ...]
    starts: tuple[int, ...] = ()  # the pieces' normalized offsets, for bisect

    def __post_init__(self):
        object.__setattr__(self, "starts", tuple(p[0] for p in self.pieces))

    def to_original_start(self, i: int) -> int:
        k = bisect.bisect_right(self.starts, i) - 1
        if k < 0:
            return i
        n, o, nl, ol = self.pieces[k]
        return o if i < n + nl else o + ol + (i - n - nl)

    def splits(self, i: int) -> bool:
        """Whether offset i falls inside a replaced piece (e.g. between the dots made from `…`)."""
        k = bisect.bisect_right(self.starts, i) - 1
        return k >= 0 and self.pieces[k][0] < i < self.pieces[k][0] + self.pieces[k][2]

    def to_original_end(self, j: int) -> int:
        """Map an exclusive end offset: the original end of the piece holding character j-1."""
        if j == 0:
            return 0
        k = bisect.bisect_right(self.starts, j - 1) - 1
        if k < 0:
            return j
        n, o, nl, ol = self.pieces[k]
        return o + ol if j - 1 < n + nl else o + ol + (j - n - nl)


def normalize(text: str) -> Normalized:
    if unicodedata.is_normalized("NFC", text):
        norm, pieces = _normalize_nfc(text)
    else:
        norm, pieces = _normalize_slow(text)
    return Normalized(norm, tuple(pieces))


def _translate(text: str) -> str:
    # The same as text.translate(_TABLE), which looks up every character in a dict (slow on a
    # large text); replacing only the characters present scans the text in C.
    for char, repl in _TABLE_PAIRS:
        if char in text:
            text = text.replace(char, repl)
    return text


def _normalize_nfc(text: str) -> tuple[str, list]:
    translated = _translate(text)  # one character for one: offsets unchanged
    out, pieces, last, shift = [], [], 0, 0
    for start, end in _changes(translated):
        repl = "..." if translated[start] == "\u2026" else " "
        out.append(translated[last:start])
        out.append(repl)
        pieces.append((start + shift, start, len(repl), end - start))
        shift += len(repl) - (end - start)
        last = end
    out.append(translated[last:])
    return "".join(out), pieces


def _changes(text: str) -> list[tuple[int, int]]:
    """The spans `_CHANGES.finditer` finds, found faster: the regex engine looks only for the
    rare characters (white space other than U+0020, `…`), and `str.find` for double spaces."""
    spans = []
    size = len(text)
    for match in _RARE.finditer(text):
        i = match.start()
        if text[i] == "\u2026":
            spans.append((i, i + 1))
            continue
        if spans and i < spans[-1][1]:
            continue  # inside the run of white space already taken
        j = i + 1
        while i > 0 and text[i - 1] == " ":  # the first rare character of its run: spaces before
            i -= 1
        while j < size and text[j].isspace():
            j += 1
        spans.append((i, j))
    at = text.find("  ")
    if at == -1:
        return spans
    runs = set(spans)
    while at != -1:
        i, j = at, at + 2
        while i > 0 and text[i - 1].isspace():
            i -= 1
        while j < size and text[j].isspace():
            j += 1
        runs.add((i, j))
        at = text.find("  ", j)
    return sorted(runs)


def _normalize_slow(text: str) -> tuple[str, list]:
    """For text not in NFC: the runs of words that are in NFC (most of a text, usually) take the
    fast way; in the others, the words that are; the rest compose each starter with its
    combining marks, one unit at a time. A run ends after white space, where no unit can
    straddle it."""
    return _in_runs(text, _CHUNK, lambda run: _in_runs(run, _WORD, _normalize_units))


def _in_runs(text: str, runs: re.Pattern, slow: Callable[[str], tuple[str, list]]) -> tuple[str, list]:
    """Each run of `text` (white space ends every one) the fast way when it can be, else `slow`."""
    out: list[str] = []
    pieces: list = []
    norm_len = 0
    for run in runs.finditer(text):
        part, start = run.group(), run.start()
        fast = unicodedata.is_normalized("NFC", part) and not _marked_special(part)
        norm, found = (_normalize_nfc if fast else slow)(part)
        pieces += [(n + norm_len, o + start, nl, ol) for n, o, nl, ol in found]
        out.append(norm)
        norm_len += len(norm)
    return "".join(out), pieces


def _marked_special(text: str) -> bool:
    """Whether a character the normalization replaces carries a combining mark (`—́`): one unit
    for the slow way, two characters for the fast one."""
    for match in _SPECIAL.finditer(text):
        after = text[match.end() : match.end() + 1]
        if after and (unicodedata.combining(after) or "\u1160" <= after <= "\u11ff"):
            return True
    return False


def _normalize_units(text: str) -> tuple[str, list]:
    out: list[str] = []
    pieces = []
    norm_len, i, size = 0, 0, len(text)
    while i < size:
        j = i + 1
        if text[i].isspace():
            while j < size and text[j].isspace():
                j += 1
            repl = " "
        else:
            while j < size and (unicodedata.combining(text[j]) or "\u1160" <= text[j] <= "\u11ff"):
                j += 1
            repl = _stream_safe_nfc(text[i:j]).translate(_TABLE).replace("\u2026", "...")
        if repl != text[i:j]:
            pieces.append((norm_len, i, len(repl), j - i))
        out.append(repl)
        norm_len += len(repl)
        i = j
    return "".join(out), pieces


MAX_MARKS = 30  # combining marks in one piece: Unicode's Stream-Safe Text Format (UAX #15)


def _stream_safe_nfc(unit: str) -> str:
    """NFC of a letter and its combining marks, at most MAX_MARKS marks at a time. CPython sorts
    a run of marks by insertion (quadratic: 40,000 zalgo marks took 12 s); real text carries a
    few. Longer runs are composed piece by piece, the same way in a source and in a quote."""
    if len(unit) <= MAX_MARKS + 1:
        return unicodedata.normalize("NFC", unit)
    pieces = [unit[: MAX_MARKS + 1]] + [unit[k : k + MAX_MARKS] for k in range(MAX_MARKS + 1, len(unit), MAX_MARKS)]
    return "".join(unicodedata.normalize("NFC", piece) for piece in pieces)


def normalize_needle(text: str) -> str:
    return normalize(text).text.strip(" ")
