"""generator.quotes: what counts as the same text, where a passage stands, and the repair hint."""

from __future__ import annotations

import re

import pytest

from bench.inputs import CHANGED, TARGET, two_megabyte_source
from generator.data.quotes import Miss, Passage, SourceText, find


def place(source: str, quote: str, **kw) -> Passage:
    found = find(SourceText.of(source), quote, **kw)
    assert isinstance(found, Passage), found
    return found


def miss(source: str, quote: str, **kw) -> str:
    found = find(SourceText.of(source), quote, **kw)
    assert isinstance(found, Miss), found
    return found.message


# -- the declared normalizations: each accepted, both ways round ------------------------------

E_COMPOSED, E_DECOMPOSED = "\u00e9", "e\u0301"

NORMALIZATIONS = {
    "nfc-decomposed-source": (
        "Le caf" + E_DECOMPOSED + " est ferm" + E_DECOMPOSED + ".",
        "caf" + E_COMPOSED + " est ferm" + E_COMPOSED,
    ),
    "nfc-composed-source": (
        "Le caf" + E_COMPOSED + " est ferm" + E_COMPOSED + ".",
        "caf" + E_DECOMPOSED + " est ferm" + E_DECOMPOSED,
    ),
    "whitespace-run-in-source": ("We will  not\n give\u00a0up.", "We will not give up."),
    "whitespace-run-in-quote": ("We will not give up.", "We will \n not\u00a0\u00a0give up."),
    "tab-and-crlf-in-source": ("We will\tnot\r\ngive up.", "We will not give up."),
    "curly-double-in-source": ("He said \u201cno\u201d twice.", 'He said "no" twice.'),
    "curly-double-in-quote": ('He said "no" twice.', "He said \u201cno\u201d twice."),
    "curly-single-in-source": ("It\u2019s \u2018final\u2019.", "It's 'final'."),
    "curly-single-in-quote": ("It's 'final'.", "It\u2019s \u2018final\u2019."),
    "low-quotes-in-source": ("Er sagte \u201enein\u201c.", 'Er sagte "nein".'),
    "en-dash-in-source": ("the 2022\u20132023 talks", "the 2022-2023 talks"),
    "em-dash-in-source": ("talks \u2014 over", "talks - over"),
    "dashes-in-quote": ("a well-known - fact", "a well\u2011known \u2014 fact"),
    "minus-sign-in-source": ("minus \u22125 degrees", "minus -5 degrees"),
    "ellipsis-in-source": ("Not one\u2026 not today.", "Not one... not today."),
    "three-dots-in-source": ("Not one... not today.", "Not one\u2026 not today."),
}


@pytest.mark.parametrize("source, quote", NORMALIZATIONS.values(), ids=NORMALIZATIONS.keys())
def test_declared_normalization_is_accepted(source, quote):
    p = place(source, quote)
    # The passage is the source's own text, located exactly.
    assert p.exact == source[p.start : p.end]
    assert p.line == 1


# -- near misses: everything else must match exactly ------------------------------------------

SOURCE = "We will not give up a single village, she told reporters."


def test_a_changed_letter_is_rejected():
    assert miss(SOURCE, "We will not give up a single villager, she told").startswith(
        "evidence text not found in the source"
    )


def test_a_missing_word_is_rejected():
    assert miss(SOURCE, "We will not give up a village").startswith("evidence text not found in the source")


def test_a_dropped_accent_is_rejected():
    assert miss("Le caf\u00e9 est ferm\u00e9.", "Le cafe est ferme.").startswith(
        "evidence text not found in the source"
    )


def test_a_missing_space_is_rejected():
    assert miss(SOURCE, "We will not give upa single village").startswith("evidence text not found in the source")


@pytest.mark.parametrize(
    "quote", ["We will not give\u200b up", "We will no\u200bt give up"], ids=["between-words", "inside-a-word"]
)
def test_a_zero_width_space_in_the_evidence_is_named(quote):
    assert miss(SOURCE, quote) == (
        "evidence text contains the invisible character U+200B ZERO WIDTH SPACE, which the source does not have "
        "there: delete it"
    )


def test_a_soft_hyphen_in_the_evidence_is_named():
    assert "U+00AD SOFT HYPHEN" in miss(SOURCE, "We will not give up a sin\u00adgle village")


def test_an_invisible_character_the_source_has_too_is_fine():
    p = place("We will not give\u200b up.", "will not give\u200b up")
    assert p.exact == "will not give\u200b up"


@pytest.mark.parametrize("quote", ["We will win.", "We will win.."])
def test_a_period_does_not_match_an_ellipsis(quote):
    assert isinstance(find(SourceText.of("We will win\u2026 eventually."), quote), Miss)


# -- passages map back to the stored text -----------------------------------------------------


def test_passage_offsets_prefix_suffix_and_line():
    source = "Title\nThe minister said the talks were \u201cfinished for now\u201d \u2013 and that no deal was near.\n"
    p = place(source, "finished for now")
    assert source[p.start : p.end] == p.exact == "finished for now"
    assert p.line == 2
    assert p.prefix == "Title\nThe minister said the talks were \u201c"
    assert p.suffix == "\u201d \u2013 and that no deal was near.\n"


def test_long_context_is_cut_at_a_word_boundary():
    source = (
        "x" * 10
        + " One two three four five six seven eight nine. Now: finished for now."
        + " Ten eleven twelve thirteen fourteen fifteen."
    )
    p = place(source, "finished for now")
    assert p.prefix == "four five six seven eight nine. Now: "  # at most 40 characters, whole words
    assert p.suffix == ". Ten eleven twelve thirteen fourteen"


def test_passage_with_normalized_characters_maps_to_the_original():
    source = "Intro.\nShe said: \u201cWe will  not\ngive up\u2026 ever.\u201d Then left."
    p = place(source, '"We will not give up... ever."')
    assert p.exact == source[p.start : p.end] == "\u201cWe will  not\ngive up\u2026 ever.\u201d"
    assert (p.line, p.prefix, p.suffix) == (2, "Intro.\nShe said: ", " Then left.")


def test_crlf_source_maps_to_the_original_offsets():
    source = 'Interview transcript\r\nQ: Will you sign?\r\nA: "Only with guarantees," said the envoy.\r\nEnd.\r\n'
    p = place(source, 'Will you sign? A: "Only with')
    assert source[p.start : p.end] == p.exact == 'Will you sign?\r\nA: "Only with'
    assert p.line == 2
    assert p.prefix == "Interview transcript\r\nQ: "
    q = place(source, "said the envoy.")
    assert (q.line, source[q.start : q.end], q.suffix) == (3, "said the envoy.", "\r\nEnd.\r\n")


def test_an_ellipsis_before_the_quote_does_not_shift_offsets():
    # `…` is one character in the source, three in the normalized text: the offsets after it must not drift.
    source = "Wait\u2026 and\u2026 wait\u2026\nShe said stop now, please."
    p = place(source, "stop now")
    assert source[p.start : p.end] == "stop now"
    assert (p.start, p.end, p.line) == (source.index("stop now"), source.index("stop now") + 8, 2)
    assert p.prefix == "Wait\u2026 and\u2026 wait\u2026\nShe said " and p.suffix == ", please."


def test_a_decomposed_source_maps_to_the_original_offsets():
    source = "Le cafe\u0301  \u201cferme\u0301\u201d\r\nle soir\u2026 fin"
    p = place(source, '"ferm\u00e9" le soir...')
    assert source[p.start : p.end] == p.exact == "\u201cferme\u0301\u201d\r\nle soir\u2026"
    assert (p.line, p.prefix, p.suffix) == (1, "Le cafe\u0301  ", " fin")


def test_a_passage_spanning_lines_reports_its_first_line():
    p = place("one\ntwo three\nfour five\nsix", "three four")
    assert (p.line, p.exact) == (2, "three\nfour")


# -- ambiguity --------------------------------------------------------------------------------

TWICE = "First line.\nthe talks are over.\nMiddle line.\nAnd again: the talks are over.\n"


def test_text_occurring_twice_lists_both_lines():
    assert miss(TWICE, "the talks are over") == (
        "evidence text occurs 2 times (lines 2, 4): add `occurrence: N` (1 = first) or a `prefix` of the words "
        "before it"
    )


def test_occurrence_picks_the_nth():
    first, second = place(TWICE, "talks are over", occurrence=1), place(TWICE, "talks are over", occurrence=2)
    assert (first.line, second.line) == (2, 4)
    assert TWICE[second.start : second.end] == "talks are over" and second.start == TWICE.rindex("talks are over")


def test_prefix_picks_the_right_one():
    p = place(TWICE, "the talks are over", prefix="And again:")
    assert p.line == 4 and TWICE[p.start : p.end] == "the talks are over"


def test_prefix_is_normalized_too():
    p = place("A said \u201cno\u201d. B said \u201cno\u201d.", "no", prefix="B said \u201c")
    assert p.start == len("A said \u201cno\u201d. B said \u201c")


def test_occurrence_too_large():
    assert miss(TWICE, "talks are over", occurrence=3) == "`occurrence: 3` but the text occurs only 2 time(s)"


def test_occurrence_too_large_after_a_prefix():
    assert miss(TWICE, "the talks are over", prefix="And again:", occurrence=2) == (
        "`occurrence: 2` but the text occurs only 1 time(s) after that prefix"
    )


def test_prefix_that_precedes_no_occurrence():
    assert miss(TWICE, "the talks are over", prefix="Nobody said") == (
        'no occurrence of the evidence text follows the `prefix` "Nobody said"'
    )


# -- the repair hint --------------------------------------------------------------------------

HINT = re.compile(r"evidence text not found in the source; nearest passage \(line (\d+), (\d+)% similar(.*?)\): (.*)")


def hint(source: str, quote: str) -> tuple[int, str, str]:
    """(line, difference, nearest passage) of a repair hint."""
    message = miss(source, quote)
    m = HINT.fullmatch(message)
    assert m, message
    assert 0 < int(m[2]) < 100
    return int(m[1]), m[3], m[4]


def test_hint_names_the_nearest_passage_its_line_and_the_changed_word():
    source = "Headline\nQ: Will you sign?\nA: Sign only with binding guarantees, he said.\nThe end.\n"
    line, diff, nearest = hint(source, "Sign only with firm guarantees, he said.")
    assert line == 3
    assert diff == '; yours has "firm" where the source has "binding"'
    assert nearest == '"Sign only with binding guarantees, he said."'


def test_hint_for_a_missing_word():
    _line, diff, nearest = hint(SOURCE, "We will not give up a village, she told reporters.")
    assert diff == '; yours has "(nothing)" where the source has "single"'
    assert nearest == '"We will not give up a single village, she told reporters."'


def test_hint_shows_the_source_text_as_stored():
    source = "Title\n\u201cWe will not give up a single village,\u201d she told reporters.\n"
    line, diff, nearest = hint(source, "We will not give up a single town")
    assert line == 2
    assert diff == '; yours has "town" where the source has "village"'
    assert nearest == '"We will not give up a single village"'


def test_hint_when_nothing_is_close():
    assert miss(SOURCE, "zzz qqq jjj") == (
        "evidence text not found in the source, and nothing in it is close: check the `source` id"
    )


def test_hint_for_a_misspelt_one_word_quote_shows_the_whole_word():
    _line, diff, nearest = hint("He called it unacceptable.", "unaceptable")
    assert diff == '; yours has "unaceptable" where the source has "unacceptable"'
    assert nearest == '"unacceptable"'


def test_empty_evidence_text():
    assert miss(SOURCE, " \n ") == "evidence text is empty"


def test_hint_in_a_two_megabyte_source():
    # How long this takes is measured by `python bench/bench.py --only inputs`, not asserted here.
    text = two_megabyte_source()
    assert len(text) > 2_000_000 and text.count(TARGET) == 1
    target_line = text[: text.index(TARGET)].count("\n") + 1
    source = SourceText.of(text)
    found = find(source, CHANGED)
    assert isinstance(found, Miss)
    assert found.message == (
        f"evidence text not found in the source; nearest passage (line {target_line}, 90% similar; "
        'yours has "truce" where the source has "ceasefire"): "The ambassador insisted that the ceasefire would '
        'hold through the winter months."'
    )
    exact = find(source, TARGET)
    assert isinstance(exact, Passage) and exact.line == target_line
    assert text[exact.start : exact.end] == TARGET


def test_a_stored_text_reads_as_the_loader_decodes_its_bytes():
    from generator.data.load import decode_utf8

    for raw in (b"plain", "\ufeffмiністерка «так»\n".encode(), b"\xef\xbb\xbf"):
        stored = SourceText.stored(raw)
        assert "text" not in vars(stored)  # not decoded until read
        assert stored.text == decode_utf8(raw, "x")[0] and stored == SourceText.of(decode_utf8(raw, "x")[0])
    # bytes a cache said wrongly were decoded (a planted entry) read with replacement, never raise
    assert SourceText.stored(b"ab\xffc").text == "ab\ufffdc"
