"""Hostile input, round two: text hygiene in every YAML string, documented limits, nesting
refused before libyaml parses, and bounded work whatever the inputs (timed, and fuzzed)."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import api
from generator.data import limits, quotes
from generator.errors import ContentError
from tests.refresh_golden import FIXTURE

SUMMARY = "summary: The minister says the talks are finished for now."


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("input") / "d"
    shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns("site", ".dossier"))
    return root


@pytest.fixture
def root(base, tmp_path) -> Path:
    copy = tmp_path / "d"
    shutil.copytree(base, copy)
    return copy


def _claims(root: Path, old: str, new: str) -> list[str]:
    path = root / "claims.yaml"
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")
    return [p.gcc() for p in api.check(root).problems]


@pytest.mark.parametrize(
    "new, expected",
    [
        (
            'summary: "The minister says\\x07 the talks"',
            "claims.yaml:7:14: error: text contains the control character U+0007 at character 18; remove it",
        ),
        (
            "summary: The minister says \u202ethe talks",
            "claims.yaml:7:14: error: text contains the bidirectional formatting character U+202E at character 19; "
            "remove it",
        ),
        (
            'summary: "The minister \\uFDD0 says"',
            "claims.yaml:7:14: error: text contains the Unicode noncharacter U+FDD0 at character 14; remove it",
        ),
        (
            'summary: "x\\u0085y"',  # NEL: XML 1.0 allows it, but it is a C1 control
            "claims.yaml:7:14: error: text contains the control character U+0085 at character 2; remove it",
        ),
    ],
)
def test_every_yaml_string_passes_text_hygiene(root, new, expected):
    assert _claims(root, SUMMARY, new) == [expected]


def test_a_control_character_never_reaches_the_atom_feed(root):
    _claims(root, SUMMARY, 'summary: "The minister\\x0c says"')
    with pytest.raises(ContentError) as caught:
        api.build(root)
    assert [p.message for p in caught.value.problems] == [
        "text contains the control character U+000C at character 13; remove it"
    ]
    assert not (root / "site").exists()


def test_keys_pass_text_hygiene_and_messages_escape_what_they_echo(root):
    assert _claims(root, "    actor: minister\n", '    actor: "mini\\x1b[31mster"\n') == [
        "claims.yaml:4:12: error: `actor` must be lower-case letters, digits and single hyphens (e.g. "
        "`volodymyr-zelenskyy`) (found `mini\\x1b[31mster`)",
        "claims.yaml:4:12: error: text contains the control character U+001B at character 5; remove it",
        "claims.yaml:4:12: error: unknown actor `mini\\x1b[31mster`: add it to content/actors.yaml or correct the id",
    ]


def test_a_trailing_line_break_does_not_pass_an_id_pattern(root):
    assert _claims(root, "  - id: minister-talks-finished", '  - id: "minister-talks-finished\\n"') == [
        "claims.yaml:3:9: error: `id` must be lower-case letters, digits and single hyphens (e.g. "
        "`volodymyr-zelenskyy`) (found `minister-talks-finished\\n`)"
    ]


def test_the_documented_limits(root):
    stances = ", ".join(f"p{i}: neutral" for i in range(limits.MAX_STANCES + 1))
    evidence = "".join(
        "\n      - {source: alpha, text: finished for now, kind: direct-quote}" for _ in range(limits.MAX_EVIDENCE)
    )
    text = "x " * (limits.MAX_EVIDENCE_TEXT // 2 + 1)
    path = root / "claims.yaml"
    source = path.read_text("utf-8")
    source = source.replace("    stances: {border-deal: skeptical}", f"    stances: {{{stances}}}", 1)
    source = source.replace(
        "        occurrence: 1\n        kind: direct-quote", "        kind: direct-quote" + evidence, 1
    )
    source = source.replace("        text: The talks are finished for now.", f"        text: {text.strip()}", 1)
    path.write_text(source, "utf-8")
    found = [p.gcc() for p in api.check(root).problems if "limit" in p.message]
    line = next(
        n for n, text in enumerate(path.read_text("utf-8").splitlines(), 1) if text.startswith("        text: x x")
    )
    assert found == [
        "claims.yaml:5:14: error: 21 stances, over the limit of 20: split the claim",
        "claims.yaml:9:7: error: 21 evidence items, over the limit of 20: keep the passages that show the statement "
        "best",
        f"claims.yaml:{line}:15: error: evidence text is 10,001 characters, over the 10,000 limit: quote the passage "
        "that "
        "shows the statement, not the whole source",
    ]


@pytest.mark.slow  # a process of its own (test_hygiene checks the prescan in-process)
def test_fifty_thousand_brackets_are_refused_before_libyaml_parses(root):
    (root / "claims.yaml").write_text("claims: " + "[" * 50_000 + "\n", "utf-8")
    # In a child process: were the prescan ever to let this through, libyaml would crash the process.
    script = "import sys\nfrom generator import api\nprint([p.gcc() for p in api.check(sys.argv[1]).problems])\n"
    done = subprocess.run(
        [sys.executable, "-c", script.replace("sys.argv[1]", "__import__('pathlib').Path(sys.argv[1])"), str(root)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stdout) == (
        0,
        "['claims.yaml:1:207: error: nested more than 200 levels deep: the format needs no more than a few']\n",
    )


def _words(count: int, rng: random.Random) -> str:
    vocabulary = [
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9))) for _ in "x" * 3000
    ]
    return " ".join(rng.choice(vocabulary) for _ in range(count))


def test_the_nearest_match_hint_is_bounded_in_time():
    rng = random.Random(7)
    source = quotes.SourceText.of(_words(150_000, rng)[:900_000] + "\n")
    needle = _words(1_500, rng)[:8_192]
    # Its time (57 s before the hint aligned probes of a long quote) is measured by `make bench`.
    found = quotes.find(source, needle)
    assert isinstance(found, quotes.Miss) and found.message.startswith("evidence text not found in the source")


def test_a_prefix_tried_at_many_occurrences_stays_linear():
    source = quotes.SourceText.of("ab " * 300_000)
    found = quotes.find(source, "ab", prefix="zz")
    assert isinstance(found, quotes.Miss)
    # Past 10,000 occurrences the text is refused before any prefix is tried.
    assert found.message == (
        "evidence text occurs more than 10,000 times in the source: quote more of the passage, so that it is rarer"
    )
    found = quotes.find(quotes.SourceText.of("ab " * 10_000), "ab", prefix="zz")
    assert isinstance(found, quotes.Miss)
    assert found.message == 'no occurrence of the evidence text follows the `prefix` "zz"'


_TOKENS = [*list("[]{}:-,'\"#&*!|>?\\ \t\nabc01\u202e\x07\ufdd0"), "\n  ", "- ", "id: ", "text: ", "[[[[", "\\x07"]
_YAMLISH = st.lists(st.sampled_from(_TOKENS), max_size=200).map("".join)


@settings(
    max_examples=40, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(body=_YAMLISH)
def test_fuzzed_claims_never_crash_the_check_and_stay_fast(base, body):
    (base / "claims.yaml").write_text("claims:\n" + body, "utf-8")
    checked = api.check(base)  # problems, never an exception; the deadline bounds each example
    assert checked.dossier is None or checked.problems == [] or all(p.severity for p in checked.problems)


@pytest.mark.parametrize("grown_to", [10, 5_000_000])
def test_a_file_that_grows_while_it_is_read_is_read_whole_or_refused(tmp_path, monkeypatch, grown_to):
    """The first read asks for the size fstat gave and a byte: a file larger by then is read on to
    its end, and one past the limit refused, whatever fstat said."""
    from generator.data import files
    from generator.errors import InputError

    (tmp_path / "claims.yaml").write_bytes(b"x" * grown_to)
    real = files.os.fstat

    def stale(fd):  # what fstat said before the file grew
        info = real(fd)
        return os.stat_result((*info[:6], 3, *info[7:]))

    monkeypatch.setattr(files.os, "fstat", stale)
    limit = 1_000_000
    if grown_to <= limit:
        assert files.read_input(tmp_path, "claims.yaml", limit) == b"x" * grown_to
    else:
        with pytest.raises(InputError, match="over the"):
            files.read_input(tmp_path, "claims.yaml", limit)


def test_a_base_60_float_past_the_largest_is_a_problem_not_a_crash():
    """PyYAML raises OverflowError building `1:0:0:…:0.0` (200 places); the check says where it is."""
    from generator.data import load

    _, problems = load.parse_yaml("claims.yaml", b"claims:\n  - id: " + b"1" + b":0" * 200 + b".0\n", "claims")
    assert [p.gcc() for p in problems] == [
        "claims.yaml:2:9: error: number too large for a float: quote it if it is text"
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [("1" * 5000, "claims.yaml:2:9: error: number too long: quote it if it is text")],
)
def test_a_number_python_cannot_read_is_a_problem_not_a_crash(value, message):
    from generator.data import load

    _, problems = load.parse_yaml("claims.yaml", f"claims:\n  - id: {value}\n".encode(), "claims")
    assert [p.gcc() for p in problems] == [message]


def test_an_occurrence_past_a_floats_range_is_a_whole_number_not_a_crash():
    """`occurrence: <400 digits>` is a whole number no float holds (math.isfinite raised on it)."""
    from generator.data.proofs import _whole

    assert _whole(10**400) == 10**400 and _whole(0) is None and _whole(float("inf")) is None and _whole(2.0) == 2


def test_a_sources_file_is_found_as_resolving_it_in_full_finds_it(tmp_path):
    """`SourceFiles.path` takes one `lstat` for a plain file right in the sources' folder and
    resolves everything else in full: the same answer, or the same refusal, as `resolve_input`."""
    from generator.data.files import SOURCES_DIR, SourceFiles, resolve_input
    from generator.errors import InputError

    root = tmp_path / "dossier"
    folder = root / SOURCES_DIR
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("a", "utf-8")
    (folder / "sub" / "b.txt").write_text("b", "utf-8")
    (folder / "in.txt").symlink_to("a.txt")
    (folder / "loop.txt").symlink_to("loop.txt")
    (tmp_path / "secret.txt").write_text("s", "utf-8")
    (folder / "out.txt").symlink_to(tmp_path / "secret.txt")
    names = ["a.txt", "sub/b.txt", "in.txt", "out.txt", "loop.txt", "gone.txt", "sub", "", ".", "..", "../../x"]

    def answers(files: SourceFiles) -> list[str]:
        found = []
        for name in names:
            try:
                found.append(files.path(name))
            except InputError as exc:
                found.append(f"refused: {exc.problem.message}")
        return found

    def in_full() -> list[str]:
        found = []
        for name in names:
            try:
                found.append(resolve_input(root, f"{SOURCES_DIR}/{name}"))
            except InputError as exc:
                found.append(f"refused: {exc.problem.message}")
        return found

    expected = in_full()
    assert expected[0] == str(folder.resolve() / "a.txt") and expected[3].startswith("refused: is a symbolic link")
    assert answers(SourceFiles(root)) == expected
    # the sources' folder itself a link (inside the root): still where resolving it in full leads
    (root / "texts").mkdir()
    for entry in folder.iterdir():
        entry.rename(root / "texts" / entry.name)
    folder.rmdir()
    folder.symlink_to(root / "texts")
    assert answers(SourceFiles(root)) == in_full()
