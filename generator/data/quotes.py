"""Prove evidence texts against their sources.

Matching tolerates only the declared normalizations (NORMALIZATIONS); everything else, a changed
letter, an invisible character, must match exactly. Offsets always refer to the stored text
(after an optional byte-order mark), so a passage can be highlighted in the original.
"""

from __future__ import annotations

import bisect
import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from .normalize import (  # noqa: F401 (NORMALIZATIONS and WHITE_SPACE are part of this module's API)
    NORMALIZATIONS,
    WHITE_SPACE,
    Normalized,
    normalize,
    normalize_needle,
)
from .quotemarks import quoted_regions, regions_near

_PUNCT = "\"'.,;:!?()[]-"
_CONTEXT = 40  # characters of prefix/suffix kept around a passage
# An ellipsis in an evidence text (normalized: `…` is already three dots) marks words left out.
_ELLIPSIS = re.compile(r" ?\.\.\. ?")
_ELIDED_GAP = 300  # most characters of source left out at one ellipsis
_LINE_BREAK = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")  # one paragraph a line, in these texts
# The nearest-passage hint aligns at most this many characters of a quote (its start, and its
# end): the alignment costs about source length × probe length, so an 8 KB quote against a
# 0.9 MB source took 44 s whole; probes keep any hint under a second even on a 4 MiB source.
HINT_PROBE = 128
HINT_REFINE = 1000  # characters of a quote compared word by word with the passage (difflib)


class SourceText:
    """A source's stored text; normalized, its line starts and its quoted regions found once, when
    first asked for (a check whose proofs all come from its cache needs none of them). Not
    changed once made: each is worked out from the text."""

    _raw: bytes  # a `stored` text's bytes, until it is read
    _read: list[int]

    def __init__(self, text: str) -> None:
        self.__dict__["text"] = text  # as `text` would have decoded it
        self._read = [0]  # characters read by `regions_near`

    @classmethod
    def of(cls, text: str) -> SourceText:
        return cls(text)

    @classmethod
    def stored(cls, raw: bytes) -> SourceText:
        """The text of these bytes, decoded when first read: bytes an earlier check decoded
        without fault (its cache knows them by their sha256, data/cache.py), of which a check
        answered by its cache reads few or none (a twentieth of a warm 10,000-claim check)."""
        source = cls.__new__(cls)
        source._raw, source._read = raw, [0]
        return source

    @cached_property
    def text(self) -> str:
        raw = self.__dict__.pop("_raw")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:  # only bytes a cache said wrongly were decoded: never a traceback
            text = raw.decode("utf-8", "replace")
        return text.removeprefix("\ufeff")  # as load.decode_utf8

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SourceText) and other.text == self.text

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"SourceText({self.text!r})"

    @cached_property
    def norm(self) -> Normalized:
        return normalize(self.text)

    @cached_property
    def line_starts(self) -> tuple[int, ...]:
        return (0, *(m.end() for m in re.finditer("\n", self.text)))

    @cached_property
    def regions(self) -> tuple[tuple[int, int], ...]:
        """Where the text is inside quotation marks (`quotemarks.quoted_regions`)."""
        return quoted_regions(self.text)

    def regions_near(self, start: int, end: int) -> tuple[tuple[int, int], ...]:
        """The quoted regions around [start, end): the whole text's there, every one that overlaps
        it (`quotemarks.regions_near`). Read around each quote while that reads less than the
        text (a fifth of proving a first check's quotes); past that, the whole text, once (a
        source of one long paragraph and many quotes is read three times at most, not once a
        quote)."""
        if self._read[0] > len(self.text):
            return self.regions
        found, read = regions_near(self.text, start, end)
        self._read[0] += read
        return found

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset)


@dataclass(frozen=True)
class Passage:
    """Where an evidence text stands in its source (TextPositionSelector + TextQuoteSelector)."""

    start: int
    end: int
    line: int
    exact: str
    prefix: str
    suffix: str
    # The quoted pieces: the passage's one span, or, for a quote cut with an ellipsis, each
    # piece between the ellipses (the gaps, e.g. an attribution, are not the quote's words).
    parts: tuple[tuple[int, int], ...] = ()

    def __post_init__(self):
        if not self.parts:
            object.__setattr__(self, "parts", ((self.start, self.end),))

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


@dataclass(frozen=True)
class Miss:
    """Why an evidence text could not be placed, ready to be told to the curator."""

    message: str


MAX_OCCURRENCES = 10_000  # of one evidence text in one source; past it, quote more words


def find(source: SourceText, text: str, *, occurrence: int | None = None, prefix: str | None = None) -> Passage | Miss:
    needle = normalize_needle(text)
    hay = source.norm.text
    if not needle:
        return Miss("evidence text is empty")
    # A match must not cut a normalized piece: "win." is not in "win…".
    size = len(needle)
    starts = _all_occurrences(hay, needle)
    if len(starts) > MAX_OCCURRENCES:  # a word or a letter: citing it would cost a scan of them all
        return Miss(
            f"evidence text occurs more than {MAX_OCCURRENCES:,} times in the source: quote more of the passage, "
            "so that it is rarer"
        )
    matches: list[tuple[tuple[int, int], ...]] = [((s, s + size),) for s in starts if _whole(source.norm, s, s + size)]
    if not matches and "..." in needle:  # literal first: a source may itself have the dots
        matches = _elided(source, needle)
    if not matches:
        return Miss(_not_found(source, text, needle))
    if prefix is not None:
        want = normalize_needle(prefix)
        matches = [m for m in matches if _follows(hay, m[0][0], want)]
        if not matches:
            return Miss(f"no occurrence of the evidence text follows the `prefix` {_quote(prefix)}")
    if occurrence is not None:
        if occurrence > len(matches):
            after = " after that prefix" if prefix else ""
            return Miss(f"`occurrence: {occurrence}` but the text occurs only {len(matches)} time(s){after}")
        matches = [matches[occurrence - 1]]
    if len(matches) > 1:
        lines = ", ".join(str(source.line_of(source.norm.to_original_start(m[0][0]))) for m in matches[:10])
        lines += ", …" if len(matches) > 10 else ""
        return Miss(
            f"evidence text occurs {len(matches)} times (lines {lines}): "
            "add `occurrence: N` (1 = first) or a `prefix` of the words before it"
        )
    return _passage(source, matches[0])


def _whole(norm: Normalized, start: int, end: int) -> bool:
    return not norm.splits(start) and not norm.splits(end)


def _elided(source: SourceText, needle: str) -> list[tuple[tuple[int, int], ...]]:
    """Matches of a quote cut with an ellipsis (`We are not, ... discussing this.`, the
    attribution left out): its parts in order, each close after the one before. Only an
    ellipsis between words counts: one at either end leaves out nothing that can be checked."""
    parts = _ELLIPSIS.split(needle)
    if len(parts) < 2 or not all(any(ch.isalnum() for ch in part) for part in parts):
        return []
    matches = []
    for start in _all_occurrences(source.norm.text, parts[0]):
        if _whole(source.norm, start, start + len(parts[0])):
            spans = _follow(source, parts[1:], [(start, start + len(parts[0]))])
            if spans:
                matches.append(spans)
    return matches


def _follow(source: SourceText, parts: list[str], spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...] | None:
    """The parts' spans after `spans`, each the earliest that leaves words out after the one
    before, or None. A later candidate only widens the gap, so the limits end the search."""
    for part in parts:
        at = _next_part(source, part, spans[-1][1])
        if at is None:
            return None
        spans.append((at, at + len(part)))
    return tuple(spans)


def _next_part(source: SourceText, part: str, after: int) -> int | None:
    hay, norm = source.norm.text, source.norm
    gap_from = norm.to_original_end(after)
    # Normalized text runs at most 3 characters per original one (an ellipsis), so this window
    # holds every candidate whose original gap is within the limit.
    limit = after + 3 * _ELIDED_GAP + len(part)
    at = hay.find(part, after, limit)
    while at != -1:
        gap_to = norm.to_original_start(at)
        if gap_to - gap_from > _ELIDED_GAP or _LINE_BREAK.search(source.text, gap_from, gap_to):
            return None
        # An ellipsis stands for words left out: `We are not... discussing` is not `We are not
        # discussing`, nor is `a...d` a cut of `a.c.d` (a one-letter change, not an omission).
        if _whole(norm, at, at + len(part)) and _has_words(source.text, gap_from, gap_to):
            return at
        at = hay.find(part, at + 1, limit)
    return None


def _has_words(text: str, start: int, end: int) -> bool:
    """At least two letters or digits in text[start:end]."""
    seen = 0
    for ch in text[start:end]:
        seen += ch.isalnum()
        if seen == 2:
            return True
    return False


def _follows(hay: str, start: int, want: str) -> bool:
    """Whether `want` ends where `hay[start:]` begins, spaces between allowed (no copy of the
    text before: a prefix tried at every one of many occurrences stays linear)."""
    end = start
    while end > 0 and hay[end - 1] == " ":
        end -= 1
    return hay.endswith(want, 0, end)


def _all_occurrences(hay: str, needle: str) -> list[int]:
    """Where `needle` starts in `hay`, at most MAX_OCCURRENCES + 1 of them (one more says "too many")."""
    found: list[int] = []
    at = hay.find(needle)
    while at != -1 and len(found) <= MAX_OCCURRENCES:
        found.append(at)
        at = hay.find(needle, at + 1)
    return found


def _passage(source: SourceText, spans: tuple[tuple[int, int], ...]) -> Passage:
    parts = tuple((source.norm.to_original_start(a), source.norm.to_original_end(b)) for a, b in spans)
    start, end = parts[0][0], parts[-1][1]
    text = source.text
    before = text[max(0, start - _CONTEXT) : start]
    after = text[end : end + _CONTEXT]
    # Cut context at word boundaries so it reads as words, not fragments.
    if start - _CONTEXT > 0 and " " in before:
        before = before[before.index(" ") + 1 :]
    if end + _CONTEXT < len(text) and " " in after:
        after = after[: after.rindex(" ")]
    return Passage(start, end, source.line_of(start), text[start:end], before, after, parts)


def _not_found(source: SourceText, text: str, needle: str) -> str:
    invisible = _invisible(text)
    if invisible:
        return (
            f"evidence text contains the invisible character {invisible}, "
            "which the source does not have there: delete it"
        )
    hay = source.norm.text
    needle, window, score = _nearest(needle, hay)
    if window is None:
        return "evidence text not found in the source, and nothing in it is close: check the `source` id"
    lo, hi = _refine(hay, needle, *window)
    start, end = source.norm.to_original_start(lo), source.norm.to_original_end(hi)
    nearest = " ".join(source.text[start:end].split())
    diff = _first_difference(needle, hay[lo:hi])
    return (
        f"evidence text not found in the source; nearest passage (line {source.line_of(start)}, "
        f"{int(score)}% similar{diff}): {_quote(nearest)}"
    )


def _nearest(needle: str, hay: str) -> tuple[str, tuple[int, int] | None, float]:
    """(the text to refine with, the window of `hay` it is nearest to, the similarity). A long
    needle is aligned by its first and last HINT_PROBE characters (whole words); the window then
    spans the whole needle from the better one, refined with the whole needle while that stays
    cheap (HINT_REFINE characters), else with the probe."""
    from rapidfuzz import fuzz  # only a quote not found needs it: not imported by every check

    if len(needle) <= HINT_PROBE:
        best = fuzz.partial_ratio_alignment(needle, hay, processor=None, score_cutoff=40)
        return needle, (best.dest_start, best.dest_end) if best else None, best.score if best else 0.0
    cut = needle[:HINT_PROBE], needle[-HINT_PROBE:]
    head = cut[0].rsplit(" ", 1)[0] if " " in cut[0] else cut[0]
    tail = cut[1].split(" ", 1)[-1] if " " in cut[1] else cut[1]
    found = []
    for probe, at_end in ((head, False), (tail, True)):
        best = fuzz.partial_ratio_alignment(probe, hay, processor=None, score_cutoff=40)
        if best is not None:
            found.append((best.score, at_end, probe, best))
    if not found:
        return needle, None, 0.0
    score, at_end, probe, best = max(found, key=lambda item: item[0])
    if len(needle) > HINT_REFINE:
        return probe, (best.dest_start, best.dest_end), score
    lo = max(0, best.dest_end - len(needle)) if at_end else best.dest_start
    return needle, (lo, min(len(hay), lo + len(needle))), score


def _refine(hay: str, needle: str, lo: int, hi: int) -> tuple[int, int]:
    """Turn rapidfuzz's character window (as long as the needle) into the run of whole words
    that best matches the needle's words, so the hint is the passage the curator meant."""
    slack = max(12, len(needle) // 4)
    start = max(0, lo - slack)
    words = [(m.start() + start, m.end() + start, m.group()) for m in re.finditer(r"\S+", hay[start : hi + slack])]
    wanted = needle.split()
    bare = [w.strip(_PUNCT) for w in wanted], [w.strip(_PUNCT) for _, _, w in words]
    blocks = [b for b in difflib.SequenceMatcher(a=bare[0], b=bare[1], autojunk=False).get_matching_blocks() if b.size]
    if not blocks:
        return _widen_to_words(hay, lo, hi)
    first = max(0, blocks[0].b - blocks[0].a)  # needle words before the first match: take as many
    last = min(len(words) - 1, blocks[-1].b + blocks[-1].size - 1 + (len(wanted) - blocks[-1].a - blocks[-1].size))
    lo, hi = words[first][0], words[last][1]
    # Leave out the punctuation around the passage that the needle does not have (quote marks).
    while lo < hi - 1 and not hay[lo].isalnum() and hay[lo] != needle[0]:
        lo += 1
    while hi > lo + 1 and not hay[hi - 1].isalnum() and hay[hi - 1] != needle[-1]:
        hi -= 1
    return lo, hi


def _widen_to_words(hay: str, lo: int, hi: int) -> tuple[int, int]:
    while lo > 0 and hay[lo - 1].isalnum():
        lo -= 1
    while hi < len(hay) and hay[hi].isalnum():
        hi += 1
    return lo, hi


def _first_difference(needle: str, found: str) -> str:
    a, b = needle.split(), found.split()
    bare_a, bare_b = [w.strip(_PUNCT) or w for w in a], [w.strip(_PUNCT) or w for w in b]
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=bare_a, b=bare_b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        ours = " ".join(bare_a[i1:i2]) or "(nothing)"
        theirs = " ".join(bare_b[j1:j2]) or "(nothing)"
        return f"; yours has {_quote(_cut(ours, 40))} where the source has {_quote(_cut(theirs, 40))}"
    return ""


def _invisible(text: str) -> str | None:
    for ch in text:
        if unicodedata.category(ch) in ("Cf", "Cc") and not ch.isspace():
            name = unicodedata.name(ch, "control character")
            return f"U+{ord(ch):04X} {name}"
    return None


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _quote(text: str) -> str:
    return '"' + _cut(" ".join(text.split()), 160) + '"'
