"""Properties of the matcher, with Hypothesis: any passage cut from any source verifies and maps
back to its offsets; any single-character change outside the declared normalizations does not
verify there."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from generator.data import quotes

# Text with the characters the normalizations touch, mixed into ordinary letters.
SPECIAL = " \t\n\r\u00a0\u2018\u2019\u201c\u201d'\"-\u2013\u2014\u2026.e\u0301\u00e9\u200b"
ALPHABET = st.sampled_from(list("abcdefghij KLMN,;") + list(SPECIAL) + ["ї", "ж", "ß"])
TEXT = st.text(alphabet=ALPHABET, min_size=1, max_size=300)
# One character and what it could be changed to that no normalization makes equal.
EQUIVALENT = [
    set(" \t\n\r\u00a0"),
    set("'\u2018\u2019\u201a\u201b"),
    set('"\u201c\u201d\u201e\u201f'),
    set("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"),
]
REPLACEMENTS = list("abcxyzQ0ïж.,")


def _cuttable(text: str, start: int, end: int) -> bool:
    """A passage a curator could cut: no white space at either end, not inside a combining
    sequence (a mark belongs to the letter before it)."""
    piece = text[start:end]
    if not piece or piece[0].isspace() or piece[-1].isspace():
        return False
    return not unicodedata.combining(piece[0]) and not (end < len(text) and unicodedata.combining(text[end]))


def _occurrence(source: quotes.SourceText, needle: str, start: int) -> int | None:
    """Which occurrence of the needle (1-based) starts at `start`, as the matcher counts them."""
    norm = quotes.normalize_needle(needle)
    hay = source.norm.text
    index, at = 0, hay.find(norm)
    while at != -1:
        if not source.norm.splits(at) and not source.norm.splits(at + len(norm)):
            index += 1
            if source.norm.to_original_start(at) == start:
                return index
        at = hay.find(norm, at + 1)
    return None


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(TEXT, st.data())
@example("a\u2026b c", None)
def test_any_passage_cut_from_a_source_verifies_at_its_offsets(text, data):
    if data is None:  # the explicit example: the passage right after an ellipsis
        start, end = 2, 3
    else:
        start = data.draw(st.integers(0, len(text) - 1))
        end = data.draw(st.integers(start + 1, len(text)))
    assume(_cuttable(text, start, end))
    source = quotes.SourceText.of(text)
    needle = text[start:end]
    occurrence = _occurrence(source, needle, start)
    assume(occurrence is not None)  # the cut splits an ellipsis or a decomposed letter
    found = quotes.find(source, needle, occurrence=occurrence)
    assert isinstance(found, quotes.Passage), found
    assert (found.start, found.end) == (start, end)
    assert found.exact == needle
    assert found.line == text.count("\n", 0, start) + 1


def _equivalent(a: str, b: str) -> bool:
    return (
        a == b
        or any(a in group and b in group for group in EQUIVALENT)
        or unicodedata.normalize("NFC", a) == unicodedata.normalize("NFC", b)
    )


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(TEXT, st.data())
def test_a_single_changed_character_does_not_verify_there(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    assume(_cuttable(text, start, end))
    needle = text[start:end]
    at = data.draw(st.integers(0, len(needle) - 1))
    new = data.draw(st.sampled_from(REPLACEMENTS))
    old = needle[at]
    assume(not _equivalent(old, new) and not old.isspace() and not unicodedata.combining(old))
    assume(old not in "\u2026." and not (at + 1 < len(needle) and unicodedata.combining(needle[at + 1])))
    changed = needle[:at] + new + needle[at + 1 :]
    found = quotes.find(quotes.SourceText.of(text), changed)
    if isinstance(found, quotes.Passage):
        # It may occur elsewhere in the source, legitimately; never at the edited place.
        assert (found.start, found.end) != (start, end)
        if len(found.parts) == 1:
            assert quotes.normalize_needle(found.exact) == quotes.normalize_needle(changed)
        else:  # matched as a quote cut with an ellipsis: each piece matched, words left out between
            pieces = re.split(r" ?\.\.\. ?", quotes.normalize_needle(changed))
            assert [quotes.normalize_needle(text[a:b]) for a, b in found.parts] == pieces


# What an evidence item may hold, as YAML gives it: text, numbers (a NaN, an infinity, a whole
# number past 64 bits), null, booleans, lists and mappings.
_EVIDENCE_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(alphabet=st.characters(codec=None), max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=8,
)


@settings(max_examples=400, deadline=None)
@given(_EVIDENCE_VALUES, _EVIDENCE_VALUES)
@example(float("nan"), None)
@example({"a": float("inf")}, {"a": None})
@example(2**64, float(2**64))
@example("\ud800", "\ufffd")
def test_a_proof_key_tells_any_two_evidence_items_apart(a, b):
    """The cache finds a quote's proof by its evidence item's canonical text: two items that differ
    (a NaN and null, which orjson would write alike) never share one, the same item always has it."""
    from generator.data.proofs import canonical

    assert canonical(a) == canonical(a)
    if canonical(a) == canonical(b):
        assert _same(a, b), (a, b)


def _same(a, b) -> bool:
    """Equal as JSON data: NaN equal to NaN, a tuple to a list, True never to 1."""
    if isinstance(a, float) and isinstance(b, float) and a != a and b != b:
        return True
    if type(a) is bool or type(b) is bool:
        return type(a) is type(b) and a == b
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b
