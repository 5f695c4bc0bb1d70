"""data/hygiene.py and errors.echo: text hygiene and bounded work on hostile input."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.data import hygiene
from generator.data.hygiene import prescan_depth, text_problem
from generator.errors import echo


@pytest.mark.parametrize(
    "value, block, expected",
    [
        ("plain text, with a tab\there", False, None),
        ("two\nlines", True, None),
        ("two\nlines", False, "contains a line break U+000A at character 4; write it on one line"),
        ("bell\x07 here ring", False, "contains the control character U+0007 at character 5; remove it"),
        ("x" * 11 + "\x07", True, "contains the control character U+0007 at character 12; remove it"),
        ("c1 \x85", True, "contains the control character U+0085 at character 4; remove it"),
        ("abc\u202edef", True, "contains the bidirectional formatting character U+202E at character 4; remove it"),
        ("\u2066isolate", False, "contains the bidirectional formatting character U+2066 at character 1; remove it"),
        ("ok\ufdd0", False, "contains the Unicode noncharacter U+FDD0 at character 3; remove it"),
        ("ok\U0010ffff", False, "contains the Unicode noncharacter U+10FFFF at character 3; remove it"),
        ("lone \ud800", True, "contains the lone surrogate U+D800 at character 6; remove it"),
        ("right\u200fto\u200eleft marks", False, None),  # allowed: weak marks RTL quotes need
    ],
)
def test_text_problem(value, block, expected):
    assert text_problem(value, block) == expected


def test_echo_escapes_and_cuts():
    assert echo("ring\x07 \u202eevil") == "ring\\x07 \\u202eevil"
    assert echo("a\nb\\c\u200f") == "a\\nb\\\\c\\u200f"
    assert echo("x" * 100) == "x" * 60 + "…"
    assert echo("\x07" * 30, limit=10) == "\\x07\\x07…"
    assert echo("short") == "short"


def test_fifty_thousand_brackets_are_caught_before_libyaml():
    text = "[" * 50_000
    assert prescan_depth(text, 200) == (1, 199)
    # In a child process: if the prescan ever let this through, libyaml's composer would be the
    # one to meet it (and segfault), and the child's exit code would show it.
    script = (
        "import sys, yaml\nfrom generator.data.hygiene import prescan_depth\ntext = '[' * 50_000\n"
        "if prescan_depth(text, 200) is None:\n    yaml.compose(text, Loader=yaml.CSafeLoader)\n"
        "print('refused')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], check=False, capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stdout) == (0, "refused\n")


@pytest.mark.parametrize(
    "text, limit, expected",
    [
        ("a: [1, [2, 3]]\nb:\n  c:\n    - d\n", 200, None),
        ("k: [[[[\n", 9, None),
        ("k: [[[[[\n", 6, (1, 8)),
        ('k: "]]]]]" [[[[\n', 5, (1, 15)),  # closers inside quotes do not count
        ('k: "a\\"]]]" [[[[\n', 5, (1, 16)),  # an escaped quote does not end the string
        # `'b` opens nothing (it is inside a plain scalar), so it cannot pair with `'x` to hide the
        # closers of a real quoted string: the count is the real depth, 4 more each time.
        ("k: [[[[ a 'b, 'x]]]]' " * 30, 40, (1, 204)),
        ("- " * 150 + "x\n", 200, (1, 201)),
        ("a:\n" + "".join(" " * (2 * i) + f"k{i}:\n" for i in range(1, 120)), 200, (101, 201)),
        ("a: x # [[[[[[\n" * 50, 10, None),  # after a space, `#` always starts a comment
    ],
)
def test_prescan_depth(text, limit, expected):
    assert prescan_depth(text, limit) == expected


def test_prescan_never_under_counts_real_yaml():
    for depth in (5, 20, 60):
        text = "k: " + "[" * depth + "x" + "]" * depth + "\n"
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        assert node is not None
        assert prescan_depth(text, depth) is not None  # 2 (block) + depth > depth
        assert prescan_depth(text, depth + 2) is None


_YAMLISH = st.text(alphabet=st.sampled_from(list("[]{}\"'#\\ \t-:?\nab\r\x85\u2028")))


@settings(max_examples=500, deadline=None)
@given(_YAMLISH | st.builds(lambda a, n: a * n, _YAMLISH, st.integers(1, 40)), st.integers(0, 120))
def test_the_quick_bound_never_lets_through_what_the_scan_refuses(text, limit):
    """prescan_depth skips its scan when two counts bound the depth: whatever the text, the scan
    itself would then have found nothing."""
    if hygiene._shallow(text, limit):
        assert hygiene._scan(text, limit) is None


@pytest.mark.parametrize(
    "text, shallow",
    [
        ("a:\n  b:\n    - c\n", True),
        ("x: " + "[" * 150 + "\n", True),  # 150 brackets leave room for 25 block levels: `: ` is 2 columns
        ("x: " + "[" * 199 + "\n", False),  # no room left: the scan decides
        ("a:\n" + " " * 99 + "b: c\n", True),  # at most 100 levels, 200 in all
        ("a:\n" + " " * 100 + "b: c\n", False),
    ],
)
def test_the_quick_bound(text, shallow):
    assert hygiene._shallow(text, 200) is shallow


@settings(max_examples=300, deadline=None)
@given(st.text(), st.booleans())
def test_text_problem_never_raises(value, block):
    result = text_problem(value, block)
    assert result is None or result.startswith("contains ")


@settings(max_examples=300, deadline=None)
@given(st.text(), st.integers(min_value=1, max_value=200))
def test_echo_is_one_short_printable_line(value, limit):
    shown = echo(value, limit)
    assert len(shown) <= limit + 1
    assert text_problem(shown, block=False) is None
    assert "\u200f" not in shown and "\n" not in shown


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("[]{}\"'#\\ -:?\nab\r")) | st.characters()), st.integers(0, 50))
def test_prescan_never_raises(text, limit):
    found = prescan_depth(text, limit)
    assert found is None or (found[0] >= 1 and found[1] >= 1)
