"""What an ellipsis in a direct quote may leave out: only the attribution between two parts of
one speaker's quotation (`"We are not," he said, "discussing this."` cited as `We are not, ...
discussing this.`), never words inside a quotation, never the text joining two quotations.

The checker cannot know who speaks; it holds the cut text to what an attribution looks like: it
stands outside quotation marks, between the quotation the first part ends and the one the next
part begins, holds no other quotation, ends no sentence before the next quotation opens, names
no second speech verb (`said X, and Y replied`), and is short (ATTRIBUTION_WORDS words).
"""

from __future__ import annotations

import bisect
import itertools
import re
import sys
from collections.abc import Sequence

Span = tuple[int, int]

ATTRIBUTION_WORDS = 12  # "he said according to Ukrainian news outlet, Trukha" has 8
# A period after one of these (or after a single letter: initials, "U.S.") ends no sentence.
_ABBREVIATIONS = frozenset(
    str.split("mr mrs ms dr prof gen lt col maj sgt capt adm cmdr sen rep gov pres amb st jr sr no vs etc approx")
)
# Two of these in one cut are two attributions (`said Zelensky, and Putin replied`): two speakers,
# or one speaker's two statements, either way not one quotation. English, Russian, Ukrainian.
_SPEECH_VERBS = frozenset(
    str.split(
        "said says replied replies answered answers added adds told tells asked asks responded responds "
        "countered retorted stressed insisted noted declared wrote shouted continued сказал сказала сказав "
        "заявил заявила заявив ответил ответила відповів відповіла добавил добавила додав додала"
    )
)
_SENTENCE_END = re.compile(r"[.!?;](?=\s|$)")
_WORD = re.compile(r"\w+")
_MARKS = "\"“”„'‘’‚«»‹›"

_PROBLEM = (
    "an ellipsis in a direct quote may only stand for the attribution between two parts of one speaker's "
    'quotation ("...," he said, "..."); here it leaves out {words} (line {line}), {why}: {fix}'
)
_INSIDE = ("words inside the quotation marks", "quote the words whole, as the source has them")
_SEPARATE = "cite each quotation as an evidence item of its own"
OTHER_KINDS = (
    "an ellipsis may only stand for the attribution left out of a direct quote; a `{kind}` passage is the "
    "outlet's own text: cite it whole, or its parts as evidence items of their own"
)


def elision_problem(text: str, parts: Sequence[Span], regions: Sequence[Span]) -> str | None:
    """None if every gap between the parts (each already inside quotation marks) is an
    attribution, else the message for the curator."""
    for (_, cut_from), (cut_to, _) in itertools.pairwise(parts):
        problem = _gap_problem(text, cut_from, cut_to, regions)
        if problem:
            return problem
    return None


def _gap_problem(text: str, cut_from: int, cut_to: int, regions: Sequence[Span]) -> str | None:
    first, second = (
        _region_at(regions, _word_char(text, cut_from - 1, -1)),
        _region_at(regions, _word_char(text, cut_to, 1)),
    )
    if first is None or second is None:
        return None  # a part outside the marks is reported as such
    inner = [(cut_from, cut_to)] if first == second else [(cut_from, regions[first][1]), (regions[second][0], cut_to)]
    for start, end in inner:
        if _WORD.search(text, start, end):
            return _message(text, cut_from, cut_to, *_INSIDE)
    between = (regions[first][1], regions[second][0])
    if second - first > 1:
        return _message(text, *between, "which holds another quotation", _SEPARATE)
    attribution = text[between[0] : between[1]].strip(_MARKS + " \u00a0")
    if _ends_sentence(attribution, _last_mark(text, regions[first])):
        return _message(text, *between, "which ends a sentence", _SEPARATE)
    words = _WORD.findall(attribution)
    if len(words) > ATTRIBUTION_WORDS:
        return _message(text, *between, f"more than {ATTRIBUTION_WORDS} words", _SEPARATE)
    if sum(word.casefold() in _SPEECH_VERBS for word in words) > 1:
        return _message(text, *between, "which holds two attributions", _SEPARATE)
    return None


def _region_at(regions: Sequence[Span], offset: int) -> int | None:
    k = bisect.bisect_right(regions, (offset, sys.maxsize)) - 1
    return k if k >= 0 and regions[k][0] <= offset < regions[k][1] else None


def _word_char(text: str, at: int, step: int) -> int:
    """The first letter or digit from `at` on in the direction of `step` (a part has one)."""
    while 0 < at < len(text) - 1 and not text[at].isalnum():
        at += step
    return at


def _ends_sentence(words: str, quote_end: str) -> bool:
    """Whether the cut text ends a sentence before the next quotation opens. It may end with one
    (`"...," she said. "..."`: the same speaker goes on) unless the first quotation ended its own
    sentence with a period (`"...." He left. "..."`: then the cut text is a sentence of its own)."""
    for found in _SENTENCE_END.finditer(words):
        if words[found.start()] == "." and _abbreviation(words[: found.start()]):
            continue
        if found.end() < len(words.rstrip(" \u00a0:")) or quote_end == ".":
            return True
    return False


def _abbreviation(before: str) -> bool:
    words = _WORD.findall(before)
    last = words[-1] if words else ""
    return len(last) == 1 or last.casefold() in _ABBREVIATIONS


def _last_mark(text: str, region: Span) -> str:
    """The last character of a quotation that is not white space or a mark: how it ends."""
    at = region[1] - 1
    while at > region[0] and (text[at].isspace() or text[at] in _MARKS):
        at -= 1
    return text[at]


def _message(text: str, start: int, end: int, why: str, fix: str) -> str:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    words = " ".join(text[start:end].split())
    words = words if len(words) <= 80 else words[:79] + "…"
    return _PROBLEM.format(words=f'"{words}"', line=text.count("\n", 0, start) + 1, why=why, fix=fix)
