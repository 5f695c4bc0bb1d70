"""generator.quotemarks: a direct quote must stand inside quotation marks, never in a headline.

Expectations are written out by hand: the quoted words, the words left outside, the messages.
"""

from __future__ import annotations

import itertools
import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.data.attribution import headline_span
from generator.data.quotemarks import (
    HEADLINE,
    direct_quote_problem,
    editorial_insertions,
    is_headline,
    outside_parts,
    quoted_regions,
    regions_near,
)
from generator.data.quotes import Miss, Passage, SourceText, find

SOURCES = Path(__file__).resolve().parent.parent / "content" / "sources"


def quoted(text: str) -> list[str]:
    return [text[start:end] for start, end in quoted_regions(text)]


def outside(text: str, phrase: str) -> list[str]:
    """The words of `phrase` (its first occurrence in text) that stand outside quotation marks."""
    start = text.index(phrase)
    return [text[a:b] for a, b in outside_parts(quoted_regions(text), start, start + len(phrase), text)]


def source(name: str) -> str:
    return (SOURCES / name).read_text(encoding="utf-8")


def outside_message(words: str, line: int) -> str:
    return (
        f'direct quote is not inside quotation marks in the source: "{words}" (line {line}) '
        "lies outside them; use kind `reported-speech` or `paraphrase`, or quote only the words in quotation marks"
    )


# -- the quote styles -------------------------------------------------------------------------

STYLES = {
    "straight-double": ('He said "yes" and then "no".', ["yes", "no"]),
    "curly-double": ("He said \u201cyes\u201d and then \u201cno\u201d.", ["yes", "no"]),
    "guillemets": ("Il a dit \u00abnon\u00bb et \u00ab oui \u00bb.", ["non", " oui "]),
    "german-low-high": ("Er sagte \u201enein\u201c und ging.", ["nein"]),
    "ukrainian-low-right": ("Він сказав \u201eні\u201d і пішов.", ["ні"]),
    "curly-single": ("She called it \u2018final\u2019, twice.", ["final"]),
    "straight-single": ("She called it 'final', twice.", ["final"]),
    "single-at-paragraph-start": ("'Never,' she said.", ["Never,"]),
}


@pytest.mark.parametrize("text, words", STYLES.values(), ids=STYLES.keys())
def test_each_quote_style_is_found(text, words):
    assert quoted(text) == words


@pytest.mark.parametrize(
    "text",
    [
        "Don't ask: it's Kyiv's call, not the partners\u2019.",
        "Kyiv\u2019s view since the '90s and the \u201990s.",
        "rock 'n roll",  # opens like a quote, never closes: not a quote
        "the boys' and the girls' rooms",
        "Officials say the army will wait 'til spring, under the generals' plan.",
        "He said 'til then we don't move, per the generals\u2019 orders.",
        "They said 'cause it's over, at the Smiths' house; \u2018tis the season.",
        "Rock 'n' roll, 'em all, and the troops' morale, the officers' reports.",
        "Ukraine's and Kyiv\u2019s partners don't know 'bout the generals' talks.",
    ],
    ids=[
        "apostrophes",
        "decades",
        "unclosed-single",
        "plural-possessives",
        "til-then-possessive",
        "til-curly-possessive",
        "cause-tis",
        "n-em-possessives",
        "bout-possessive",
    ],
)
def test_apostrophes_are_not_quotes(text):
    assert quoted(text) == []


def test_a_single_quote_holding_a_possessive_closes_at_its_own_mark():
    assert quoted("'The generals' plan is final,' he said, 'til May.") == ["The generals' plan is final,"]
    assert quoted("She called it \u2018the partners\u2019 idea\u2019.") == ["the partners\u2019 idea"]


def test_a_nested_quote_is_inside_the_outer_one():
    text = (
        "\u201cThey called it \u2018nonsense\u2019, and 'a trick',\u201d she said. "
        "\u00abA \u201ehalbe\u201c Sache\u00bb."
    )
    assert quoted(text) == ["They called it \u2018nonsense\u2019, and 'a trick',", "A \u201ehalbe\u201c Sache"]


def test_a_quote_inside_an_apostrophe_taken_for_a_quote_survives():
    assert quoted('rock \'n roll "We will win" he said') == ["We will win"]


def test_straight_quotes_alternate():
    text = '"A solution could be to give up territory," "Radio Liberty" quoted him.'
    assert quoted(text) == ["A solution could be to give up territory,", "Radio Liberty"]


# -- paragraphs -------------------------------------------------------------------------------


def test_a_quote_over_paragraphs_opens_each_and_closes_on_the_last():
    text = "Intro.\n\u201cFirst part.\n\u201cSecond part.\n\u201cLast part,\u201d he said.\nAfter."
    assert quoted(text) == ["First part.\n\u201cSecond part.\n\u201cLast part,"]
    assert outside(text, "he said.\nAfter") == ["he said.\nAfter"]


def test_a_quote_over_paragraphs_separated_by_blank_lines():
    text = '"First part.\n\n"Last part." Then silence.\n'
    assert quoted(text) == ['First part.\n\n"Last part.']


def test_an_unclosed_quote_ends_with_its_paragraph():
    text = "He said \u201cwe will not give up   \nThe next paragraph is the reporter's.\n\u201cA new quote.\u201d"
    assert quoted(text) == ["we will not give up", "A new quote."]


def test_an_unclosed_quote_never_runs_over_the_document():
    text = 'A stray "mark here.\nSecond line.\nThird "quoted" line, and 5\'11" tall.'
    assert quoted(text) == ["mark here.", "quoted"]


def test_crlf_paragraphs():
    assert quoted('"One.\r\n"Two." Out.\r\n') == ['One.\r\n"Two.']


MARKS_AND_WORDS = list("ab ,.\n\r'\"[]\u2018\u2019\u201a\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(MARKS_AND_WORDS), max_size=200))
def test_any_text_gives_sorted_regions_within_bounds(text):
    regions = quoted_regions(text)
    assert all(0 <= start < end <= len(text) for start, end in regions)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(regions))
    # Any passage of it can be checked without an error.
    for start, end in ((0, len(text)), (len(text) // 3, len(text) // 2)):
        assert all(start <= a < b <= end for a, b in outside_parts(regions, start, end, text))
        assert all(start <= a < b <= end for a, b in editorial_insertions(text, start, end))
        problem = direct_quote_problem(text, [(start, end)], regions)
        assert problem is None or problem.startswith(("a headline is never", "direct quote is not inside"))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(MARKS_AND_WORDS), max_size=120), st.data())
def test_any_cut_of_any_text_gives_a_message_or_none(text, data):
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), min_size=4, max_size=4)))
    spans = [(cuts[0], cuts[1]), (cuts[2], cuts[3])]
    problem = direct_quote_problem(text, spans)
    assert problem is None or problem.startswith(("a headline", "direct quote is not", "an ellipsis in a direct"))


def test_a_hostile_text_of_marks_gives_well_formed_regions():
    # Its speed is measured by `make bench`, not here.
    rng = random.Random(7)
    text = "".join(rng.choices("\"'\u2018\u2019\u201c\u201d\u201e\u00ab\u00bb\n a", k=200_000))
    regions = quoted_regions(text)
    assert all(0 <= a < b <= len(text) for a, b in regions)
    assert all(b1 <= a2 for (_, b1), (a2, _) in itertools.pairwise(regions))


# -- outside parts and the messages -----------------------------------------------------------

QUOTE = '"We are not discussing this". Then "Some partners may," he said.'


def test_the_marks_and_the_period_after_them_are_not_outside_words():
    assert outside(QUOTE, '"We are not discussing this".') == []
    assert outside(QUOTE, "Some partners may,") == []


def test_attribution_is_outside():
    assert outside(QUOTE, 'Some partners may," he said.') == ["he said"]
    assert outside(QUOTE, 'this". Then "Some') == ["Then"]


def test_direct_quote_inside_marks_is_fine():
    text = "Headline\n" + QUOTE
    start = text.index("We are")
    assert direct_quote_problem(text, [(start, start + len("We are not discussing this"))]) is None


def test_direct_quote_with_attribution_names_the_first_outside_words_and_their_line():
    text = "Headline\nIntro.\n" + QUOTE
    start = text.index("Some")
    assert direct_quote_problem(text, [(start, len(text))]) == outside_message("he said", 3)


def test_long_outside_words_are_cut_at_a_word_boundary():
    text = source("000_c5e42e288a909830.txt")
    phrase = "He added that in all negotiations, Ukraine is currently raising the issue of security guarantees."
    start = text.index(phrase)
    assert direct_quote_problem(text, [(start, start + len(phrase))]) == outside_message(
        "He added that in all negotiations, Ukraine is currently\u2026", 6
    )


def test_a_headline_is_never_a_direct_quote():
    text = source("000_c5e42e288a909830.txt")
    assert is_headline(text, 10, 30)
    assert not is_headline(text, 10, 100)  # runs into line 2
    assert (
        direct_quote_problem(text, [(0, 20)])
        == HEADLINE
        == ("a headline is never a direct quote: this passage is the source's headline (line 1); use kind `framing`")
    )


def test_the_headline_is_the_first_line_with_text():
    text = "\n  \n\u201cWe will win\u201d, says minister\nBody \u201cwe will win\u201d.\n"
    assert is_headline(text, 5, 16)  # the quoted words of the headline: still the headline
    assert not is_headline(text, text.index("Body"), text.index("Body") + 4)


# -- quotes cut with an ellipsis --------------------------------------------------------------

INTERRUPTED = 'Title\n"We are not," he said, "discussing this." Then he left.\n'


@pytest.mark.parametrize(
    "evidence",
    [
        "We are not, ... discussing this.",
        "We are not,... discussing this.",
        "We are not, \u2026discussing this.",
        "We are not,\u2026discussing this.",
        "We are not, ...discussing this.",
    ],
)
def test_an_interrupted_quote_is_cited_with_an_ellipsis(evidence):
    found = find(SourceText.of(INTERRUPTED), evidence)
    assert isinstance(found, Passage), found
    assert found.exact == 'We are not," he said, "discussing this.'
    assert [INTERRUPTED[a:b] for a, b in found.parts] == ["We are not,", "discussing this."]
    assert found.line == 2
    assert direct_quote_problem(INTERRUPTED, found.parts) is None


def test_an_interrupted_quote_with_the_attribution_kept_fails():
    found = find(SourceText.of(INTERRUPTED), 'We are not," he said, "discussing this.')
    assert isinstance(found, Passage) and found.parts == ((found.start, found.end),)
    assert direct_quote_problem(INTERRUPTED, found.parts) == outside_message("he said", 2)


def test_an_ellipsis_must_leave_words_out():
    assert isinstance(find(SourceText.of("We are not discussing this."), "We are not... discussing this."), Miss)


def test_the_parts_must_be_close_and_in_one_paragraph():
    far = '"We are not," he said, ' + "and so on, " * 28 + '"discussing this."'
    assert isinstance(find(SourceText.of(far), "We are not, ... discussing this."), Miss)
    near = '"We are not," he said, ' + "and so on, " * 25 + '"discussing this."'
    assert isinstance(find(SourceText.of(near), "We are not, ... discussing this."), Passage)
    split = '"We are not," he said.\n"Discussing this."'
    assert isinstance(find(SourceText.of(split), "We are not, ... Discussing this."), Miss)
    backwards = '"Discussing this," he said, "we are not."'
    assert isinstance(find(SourceText.of(backwards), "we are not. ... Discussing this,"), Miss)


def test_a_literal_ellipsis_in_the_source_matches_first():
    text = "We are not... discussing this. We are not, he said, discussing this."
    found = find(SourceText.of(text), "We are not... discussing this.")
    assert isinstance(found, Passage)
    assert (found.start, found.exact, found.parts) == (0, "We are not... discussing this.", ((0, 30),))


def test_occurrence_and_prefix_work_for_an_interrupted_quote():
    text = 'Title\nA: "No," he said, "never."\nB: "No," she said, "never."\n'
    src = SourceText.of(text)
    assert find(src, "No, ... never.") == Miss(
        "evidence text occurs 2 times (lines 2, 3): "
        "add `occurrence: N` (1 = first) or a `prefix` of the words before it"
    )
    second = find(src, "No, ... never.", occurrence=2)
    assert isinstance(second, Passage) and (second.line, second.exact) == (3, 'No," she said, "never.')
    by_prefix = find(src, "No, ... never.", prefix='B: "')
    assert isinstance(by_prefix, Passage) and by_prefix.start == text.index('No," she')


def test_an_interrupted_quote_in_a_large_source_is_found():
    text = "alpha bravo charlie delta. " * 40_000 + INTERRUPTED
    found = find(SourceText.of(text), "We are not, ... discussing this.")
    assert isinstance(found, Passage) and found.exact == 'We are not," he said, "discussing this.'


# -- what an ellipsis may leave out: the attribution, nothing else ----------------------------


def elision_message(words: str, line: int, why: str) -> str:
    fix = (
        "quote the words whole, as the source has them"
        if why == "words inside the quotation marks"
        else "cite each quotation as an evidence item of its own"
    )
    return (
        "an ellipsis in a direct quote may only stand for the attribution between two parts of one speaker's "
        f'quotation ("...," he said, "..."); here it leaves out "{words}" (line {line}), {why}: {fix}'
    )


def elided_problem(text: str, evidence: str) -> str | None:
    found = find(SourceText.of(text), evidence)
    assert isinstance(found, Passage) and len(found.parts) > 1, found
    return direct_quote_problem(text, found.parts)


@pytest.mark.parametrize(
    "text, evidence",
    [
        ('Title\n"We are not," he said according to Ukrainian news outlet, Trukha, "discussing this."', None),
        ('Title\n"We are not," said Lt. Gen. J. Smith of the U.S. Army, "discussing this."', None),
        ("Title\n\u201cWe are not,\u201d he told reporters on Monday: \u201cdiscussing this.\u201d", None),
        (
            "Title\n\u00abWe are not\u00bb, \u2014 she said, \u2014 \u00abdiscussing this\u00bb.",
            "We are not ... discussing this",
        ),
        ("Title\n'We are not,' he said, 'discussing this.'", None),
        ('Title\n"We are not," she told reporters. "Discussing this."', "We are not, ... Discussing this."),
        ('Title\n"We are not", he said. "Discussing this."', "We are not ... Discussing this."),
        ('Title\n"We are not!" she shouted; "discussing this."', "We are not! ... discussing this."),
    ],
    ids=[
        "outlet-named",
        "abbreviations",
        "colon",
        "guillemets-dashes",
        "single-marks",
        "said-then-goes-on",
        "british-period",
        "exclamation-semicolon",
    ],
)
def test_an_attribution_between_two_parts_of_one_quotation_may_be_cut(text, evidence):
    assert elided_problem(text, evidence or "We are not, ... discussing this.") is None


@pytest.mark.parametrize(
    "text, evidence, words",
    [
        ('Title\n"We are not discussing this," he said.', "We are ... discussing this", "not"),
        ("Title\n\u201cWe are not discussing this\u201d.", "We are... discussing this", "not"),
        ('Title\nHe said: "We are not, never, discussing this."', "We are not, ... discussing this.", "never"),
        (
            'Title\n"We are not, never," he said, "discussing this."',
            "We are not, ... discussing this.",
            'never," he said',
        ),
        (
            'Title\n"We are not," he said, "now or ever discussing this."',
            "We are not, ... discussing this.",
            'he said, "now or ever',
        ),
    ],
    ids=["not-cut", "curly-not-cut", "inside-one-quotation", "end-of-first-part", "start-of-second-part"],
)
def test_an_ellipsis_never_cuts_words_inside_a_quotation(text, evidence, words):
    assert elided_problem(text, evidence) == elision_message(words, 2, "words inside the quotation marks")


@pytest.mark.parametrize(
    "text, evidence, words, why",
    [
        (
            'Title\n"We are not." He left. "Discussing this."',
            "We are not. ... Discussing this.",
            "He left",
            "which ends a sentence",
        ),
        (
            'Title\n"We are not!" She left; he said: "discussing this."',
            "We are not! ... discussing this.",
            "She left; he said",
            "which ends a sentence",
        ),
        (
            'Title\n"We are not," she said. He nodded. "Discussing this."',
            "We are not, ... Discussing this.",
            "she said. He nodded",
            "which ends a sentence",
        ),
        (
            'Title\n"We are not," he said, "ever," and later, "discussing this."',
            "We are not, ... discussing this.",
            'he said, "ever," and later',
            "which holds another quotation",
        ),
        (
            'Title\n"We are not," said the minister, before the envoy, who spoke in Kyiv on Monday, replied, '
            '"discussing this."',
            "We are not, ... discussing this.",
            "said the minister, before the envoy, who spoke in Kyiv on Monday, replied",
            "more than 12 words",
        ),
        (
            'Title\n"We will never," said the minister, and the envoy replied, "give up."',
            "We will never, ... give up.",
            "said the minister, and the envoy replied",
            "which holds two attributions",
        ),
        (
            "Title\n\u00abМи ніколи\u00bb, \u2014 сказав міністр, а посол відповів: \u00abне здамося\u00bb.",
            "Ми ніколи ... не здамося",
            "сказав міністр, а посол відповів",
            "which holds two attributions",
        ),
    ],
    ids=[
        "quotation-ends-its-sentence",
        "sentence-then-attribution",
        "two-sentences",
        "another-quotation",
        "long-cut",
        "two-speakers",
        "two-speakers-ukrainian",
    ],
)
def test_an_ellipsis_never_joins_two_quotations(text, evidence, words, why):
    assert elided_problem(text, evidence) == elision_message(words, 2, why)


# -- the headline: found by the recorded title, after a dateline or an outlet line -----------


@pytest.mark.parametrize(
    "text, title, line",
    [
        ('Sunday03 November 2024\ng-novosti.in.ua\n\nUmerov says "no"\nBody.', 'Umerov says "no"', 4),
        ("REUTERS\n\u201cWe will win\u201d, says minister | Reuters\nBody.", '"We will win", says minister', 2),
        ('KYIV, March 5 (Reuters) -\n"WE WILL WIN," SAYS MINISTER\nBody.', "\u201cWe will win,\u201d says minister", 2),
        ("\u201cWe will win\u201d, says minister\nBody.", "We will win, says minister", 1),
    ],
    ids=["dateline-and-outlet", "outlet-suffix", "capitals-and-marks", "first-line"],
)
def test_the_headline_is_found_by_its_recorded_title(text, title, line):
    span, found = headline_span(text, title)
    assert found and text.count("\n", 0, span[0]) + 1 == line
    assert text[span[0] : span[1]] == text.split("\n")[line - 1]
    quote = span[0] + 2
    assert direct_quote_problem(text, [(quote, quote + 2)], headline=span) == (
        f"a headline is never a direct quote: this passage is the source's headline (line {line}); use kind `framing`"
    )


def test_a_title_not_in_the_text_falls_back_to_the_first_line():
    text = "Dateline\nHeadline here\nBody."
    assert headline_span(text, "Something else entirely") == ((0, 8), False)
    assert headline_span("\n\n", "Title") == (None, False)
    # A text of one line is all body: it has no headline to fall back on (its title may match).
    assert headline_span('Leader said: "no." That is all.\n', "Leader's words") == (None, False)
    assert headline_span("Leader says no\n", "Leader says no") == ((0, 14), True)
    assert direct_quote_problem('Leader said: "no." That is all.\n', [(14, 16)], headline=None) is None


# -- editorial insertions ---------------------------------------------------------------------


def test_editorial_insertions_in_a_passage():
    text = source("001_56efdcd32fff9723.txt")
    phrase = "but only after we know we are strong enough that [Russia] does not launch a new operation [against us]."
    start = text.index(phrase)
    spans = editorial_insertions(text, start, start + len(phrase))
    assert [text[a:b] for a, b in spans] == ["[Russia]", "[against us]"]
    later = text.index("does not launch")
    assert [text[a:b] for a, b in editorial_insertions(text, later, start + len(phrase))] == ["[against us]"]


def test_editorial_insertions_need_both_brackets():
    assert editorial_insertions("a [b [c] d] e [f", 0, 16) == ((5, 8),)
    assert editorial_insertions("a [b\nc] d", 0, 9) == ()


# -- the five real sources --------------------------------------------------------------------


def test_source_000_straight_quotes():
    text = source("000_c5e42e288a909830.txt")
    leaks = "We are not discussing this. However, I believe that these media leaks are not coincidental"
    assert outside(text, leaks) == []
    assert outside(text, "some partners may have such thoughts.") == []
    assert outside(text, "That's why they do not communicate these questions to me directly") == []
    assert outside(text, "Ukraine has not received any offers to trade its occupied territories") == [
        "Ukraine has not received any offers to trade its occupied territories"
    ]
    assert outside(text, 'coincidental," Zelenskyy responded') == ["Zelenskyy responded"]
    assert outside(text, 'guarantees. "The best option is NATO.') == ["guarantees"]


def test_source_001_curly_quotes_with_insertions():
    text = source("001_56efdcd32fff9723.txt")
    assert outside(text, "a strong position") == []  # line 3, the first occurrence: the quoted one
    assert outside(text, "we lack the strength to return Crimea, it is a fact") == []
    assert outside(text, "does not launch a new operation [against us].") == []
    assert outside(text, "from former Ukrainian territories") == ["from former Ukrainian territories"]
    assert outside(text, "it is a fact,\u201d he said, adding that") == ["he said, adding that"]
    assert outside(text, "NATO equals security for Ukraine... We don\u2019t want more risks") == []


def test_source_002_has_no_quotes():
    assert quoted_regions(source("002_9895b7f1f56c068f.txt")) == ()


def test_source_003_straight_quotes_in_two_languages():
    text = source("003_32a7c9e9d961a906.txt")
    assert outside(text, "очень плохие вещи") == []
    assert outside(text, "If it were the case, I would definitely\u2026 do very bad things") == []
    assert outside(text, 'things," emphasized Umerov.') == ["emphasized Umerov"]
    assert outside(text, 'membership," "Radio Liberty" quoted him.') == ["quoted him"]
    assert outside(text, "the FT publication was labeled") == ["the FT publication was labeled"]
    assert outside(text, "nonsense") == []


def test_source_004_curly_quotes_and_a_quoted_paragraph_without_attribution():
    text = source("004_eb1423f90d90f0e6.txt")
    # Line 20 is a paragraph of its own, opened and closed with curly marks: inside them.
    assert outside(text, "Kyiv needs new formats of interaction with the West and separate security guarantees.") == []
    assert outside(text, "We realized that Ukraine will not become a member of NATO.") == []
    assert outside(text, "it is not,\u201d he said according to Ukrainian news outlet, Trukha.") == [
        "he said according to Ukrainian news outlet, Trukha"
    ]
    assert outside(text, "Ukraine's Zelenskiy") == ["Ukraine's Zelenskiy"]
    assert outside(text, "special military operation") == []
    assert outside(text, "Peskov said it was too early to predict progress in the talks.") == [
        "Peskov said it was too early to predict progress in the talks"
    ]


# Paragraphs that open with a mark of each family, and with an apostrophe.
_OPENING = ["\n\u00ab", "\n\u2039", "\n'a", '\n"', "\n\u201e", "\n\u201c", "\n\u2018", "\n\n\u00ab"]


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(st.sampled_from([*MARKS_AND_WORDS, "\n", "\n\n", "\r\n", " \n", "\u2028", *_OPENING]), max_size=300),
    st.data(),
)
def test_the_regions_near_a_passage_are_the_whole_texts_there(pieces, data):
    """Reading only the paragraphs around a passage finds a run of the whole text's regions, every
    one that overlaps the passage among them; so a quote's check says what it says on the whole."""
    text = "".join(pieces)
    start, end = sorted(data.draw(st.lists(st.integers(0, len(text)), min_size=2, max_size=2)))
    whole, (near, read) = quoted_regions(text), regions_near(text, start, end)
    assert 0 <= read <= len(text)
    at = whole.index(near[0]) if near else 0
    assert near == whole[at : at + len(near)]
    assert [r for r in whole if r[0] < end and r[1] > start] == [r for r in near if r[0] < end and r[1] > start]
    spans = [(start, end)] if start < end else []
    assert direct_quote_problem(text, spans, near, None) == direct_quote_problem(text, spans, whole, None)


def test_the_regions_near_a_quote_in_a_real_source_are_the_whole_texts():
    """Every passage of every stored source: its paragraph's regions, as the whole text's scan."""
    for path in sorted(SOURCES.iterdir()):
        text = path.read_text(encoding="utf-8")
        whole = quoted_regions(text)
        for start, end in whole:
            near, _ = regions_near(text, start, end)
            assert (start, end) in near and set(near) <= set(whole), path.name


def test_a_source_of_one_paragraph_and_many_quotes_is_read_whole_once():
    """Read around each quote while that costs less than the whole text: past that, the whole."""
    text = " ".join(f'"word {n}" said one' for n in range(2000))  # one paragraph: each read starts at 0
    source = SourceText.of(text)
    spans = [(m.start() + 1, m.start() + 7) for m in re.finditer('"word', text)]
    found = [source.regions_near(a, b) for a, b in spans[-3:]]  # each read from the start
    assert all(any(r[0] <= a and b <= r[1] for r in f) for f, (a, b) in zip(found, spans[-3:]))
    assert len(found[0]) < len(source.regions) and found[-1] is source.regions  # then whole, once


def test_the_regions_near_a_quote_after_many_blank_lines_take_one_walk_back():
    """Each newline of a run of blank lines leads back to the same paragraph: walked over once (a
    4 MiB source of newlines took hours when each was walked to the run's end)."""
    text = "Headline\n" + "\n" * 2_000_000 + '"We will not talk," he said.\n'
    start = text.index("We")
    near, read = regions_near(text, start, start + 5)
    assert near == ((start, start + len("We will not talk,")),) and read == len(text) - 1  # from the start
