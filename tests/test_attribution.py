"""Attribution, round two: what a card highlights of a cut quote, the bases of a stance, the
headline as a stance's only ground, corrections and old ids only after publication, occasions.

Expectations are written out by hand: the pieces, the messages at their FILE:LINE:COL.
"""

from __future__ import annotations

from generator.data.quotes import Passage, SourceText, find
from generator.site.views import context_pieces

INTERRUPTED = 'Title\n"We are not," he said,\u00a0 "discussing   this." Then he left.\n'


def test_the_card_highlights_the_parts_of_a_cut_quote_not_the_cut_words():
    found = find(SourceText.of(INTERRUPTED), "We are not, ... discussing this.")
    assert isinstance(found, Passage)
    assert context_pieces(found) == (
        ("We are not,", True),
        ('" he said, "', False),
        ("discussing this.", True),
    )


def test_a_whole_quote_is_one_highlighted_piece():
    found = find(SourceText.of(INTERRUPTED), "discussing this.")
    assert isinstance(found, Passage)
    assert context_pieces(found) == (("discussing this.", True),)
