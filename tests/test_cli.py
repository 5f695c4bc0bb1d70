"""`dossier check` through the real command line: exit codes, output formats, GitHub annotations
and step summary, and no traceback whatever the input.

The tests that take a `cli` run twice: in-process through `cli.main` (the function the console
script calls, with its own working directory, environment, stdout and stderr) and, marked `slow`,
in a real process (`python -m generator`); `make test-fast` runs the first, `make test` both.
A few run only as a real process: the entry points themselves and the bytes of a real stdout."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator import cli
from generator.errors import Problem, step_summary

C, S, A, P = "claims.yaml", "content/sources.yaml", "content/actors.yaml", "content/proposals.yaml"
GCC_LINE = re.compile(r"[^\s:/][^:]*:\d+:\d+: (error|warning): \S.*")
SUMMARY = re.compile(r"dossier check: \d+ errors?, \d+ warnings?( \(\d+ claims, \d+ sources\))? in \d+\.\d\ds")
SCRIPT = Path(sys.executable).with_name("dossier")


def run(*args, cwd=None, env=None, script=False) -> subprocess.CompletedProcess:
    """Run `python -m generator ARGS` (or the `dossier` console script) in a clean environment."""
    clean = {k: v for k, v in os.environ.items() if k not in ("GITHUB_STEP_SUMMARY", "DOSSIER_DEBUG")}
    clean.update(env or {})
    command = [str(SCRIPT)] if script else [sys.executable, "-m", "generator"]
    return subprocess.run(
        command + [str(a) for a in args],
        cwd=cwd,
        env=clean,
        capture_output=True,
        encoding="utf-8",
        errors="replace",
        timeout=60,
    )


def check(root, *options, **kw) -> subprocess.CompletedProcess:
    return run("check", "--root", root, *options, **kw)


class _InProcess:
    """`run` without a process: `cli.main` in this interpreter, the environment cleaned as
    `run` cleans it, exit status from `return` or argparse's SystemExit."""

    def __init__(self, capsys, monkeypatch):
        self.capsys, self.monkeypatch = capsys, monkeypatch

    def __call__(self, *args, cwd=None, env=None) -> subprocess.CompletedProcess:
        argv = [str(a) for a in args]
        with self.monkeypatch.context() as m:
            for name in ("GITHUB_STEP_SUMMARY", "DOSSIER_DEBUG"):
                m.delenv(name, raising=False)
            for name, value in (env or {}).items():
                m.setenv(name, value)
            if cwd is not None:
                m.chdir(cwd)
            self.capsys.readouterr()
            try:
                code = cli.main(argv)
            except SystemExit as exc:  # argparse's usage errors
                code = exc.code
            out, err = self.capsys.readouterr()
        return subprocess.CompletedProcess(argv, code, out, err)

    def check(self, root, *options, **kw) -> subprocess.CompletedProcess:
        return self("check", "--root", root, *options, **kw)


class _Process:
    __call__ = staticmethod(run)
    check = staticmethod(check)


@pytest.fixture(params=["in-process", pytest.param("process", marks=pytest.mark.slow)])
def cli_run(request, capsys, monkeypatch):
    """`dossier ARGS` in-process, or (slow) in a real process: `cli_run(*args, cwd=, env=)` and
    `cli_run.check(root, *options)`, each a CompletedProcess."""
    return _InProcess(capsys, monkeypatch) if request.param == "in-process" else _Process()


def assert_clean_stderr(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr


# -- exit codes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "script", [False, pytest.param(True, marks=pytest.mark.slow)], ids=["python-m", "console-script"]
)
def test_the_fixture_passes(dossier, script):
    if script and not SCRIPT.exists():
        pytest.skip("the dossier console script is not installed next to this Python")
    result = check(dossier, script=script)
    assert result.returncode == 0
    assert result.stdout == ""
    assert SUMMARY.fullmatch(result.stderr.rstrip("\n"))
    assert "0 errors, 0 warnings (4 claims, 3 sources)" in result.stderr


def test_errors_exit_1(dossier, edit, pos, cli_run):
    edit(dossier / C, "    actor: envoy", "    actor: envoi")
    result = cli_run.check(dossier)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{pos(dossier, C, 'envoi')}: error: unknown actor `envoi`: add it to content/actors.yaml or correct the id",
        f"{pos(dossier, A, 'id: |envoy')}: warning: actor `envoy` is not cited by any claim",
    ]
    assert result.stderr.startswith("dossier check: 1 error, 1 warning in ")
    assert_clean_stderr(result)


@pytest.mark.slow  # a real process; test_errors_exit_1 is the same in-process
def test_the_console_script_reports_errors_too(dossier, edit):
    if not SCRIPT.exists():
        pytest.skip("the dossier console script is not installed next to this Python")
    edit(dossier / C, "    actor: envoy", "    actor: envoi")
    result = check(dossier, script=True)
    assert result.returncode == 1 and "unknown actor `envoi`" in result.stdout


def test_warnings_fail_only_under_strict(dossier, edit, pos, cli_run):
    edit(dossier / P, "proposals:\n", "proposals:\n  - id: idle\n    title: Idle\n    summary: Nobody cares.\n")
    warning = f"{pos(dossier, P, 'idle')}: warning: proposal `idle` is not cited by any claim"
    relaxed, strict = cli_run.check(dossier), cli_run.check(dossier, "--strict")
    assert (relaxed.returncode, strict.returncode) == (0, 1)
    assert relaxed.stdout.splitlines() == strict.stdout.splitlines() == [warning]
    assert "0 errors, 1 warning (4 claims, 3 sources)" in relaxed.stderr


@pytest.mark.parametrize(
    "args, says",
    [
        (["check", "--bogus"], "dossier: error: unrecognized arguments: --bogus"),
        (["check", "--format", "xml"], "argument --format: invalid choice: 'xml'"),
        (["frobnicate"], "argument COMMAND: invalid choice: 'frobnicate'"),
        ([], "dossier: error: the following arguments are required: COMMAND"),
    ],
    ids=["unknown-option", "bad-format", "unknown-command", "no-command"],
)
def test_usage_errors_exit_2(dossier, args, says, cli_run):
    result = cli_run(*args, cwd=dossier)
    assert result.returncode == 2
    assert result.stdout == ""
    assert says in result.stderr.splitlines()[-1]
    assert result.stderr.startswith("usage: dossier")
    assert_clean_stderr(result)


@pytest.mark.parametrize("kind", ["empty-dir", "file", "missing"])
def test_a_root_that_is_not_a_dossier_exits_2_with_one_line(tmp_path, kind, cli_run):
    root = tmp_path / "not-a-dossier"
    if kind == "empty-dir":
        root.mkdir()
    elif kind == "file":
        root.write_text("hello\n", encoding="utf-8")
    result = cli_run.check(root)
    assert result.returncode == 2
    assert result.stdout == ""
    assert (
        result.stderr
        == f"dossier: error: {root} is not a dossier: it has neither claims.yaml nor content/ (use --root DIR)\n"
    )


def test_default_root_is_the_current_directory(dossier, cli_run):
    result = cli_run("check", cwd=dossier)
    assert result.returncode == 0 and "(4 claims, 3 sources)" in result.stderr


# -- the text format --------------------------------------------------------------------------


def break_things(dossier: Path, edit) -> None:
    """Problems in every file: an unknown actor, a misquote, a bad enum, an unused item."""
    edit(dossier / C, "    actor: envoy", "    actor: envoi")
    edit(dossier / C, "text: Only with guarantees,", "text: Only with guarantee,")
    edit(dossier / S, "language: en\n    url:", "language: English\n    url:")
    edit(dossier / A, "kind: anonymous", "kind: anonymus")
    edit(dossier / P, "proposals:\n", "proposals:\n  - id: idle\n    title: Idle\n    summary: Nobody cares.\n")


def test_output_lines_are_path_line_col_severity_message_relative_to_the_root(dossier, edit, tmp_path, cli_run):
    break_things(dossier, edit)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    from_outside = cli_run.check(dossier, cwd=elsewhere)
    from_inside = cli_run("check", "--root", ".", cwd=dossier)
    assert from_outside.returncode == from_inside.returncode == 1
    lines = from_outside.stdout.splitlines()
    assert len(lines) == 6
    for line in lines:
        assert GCC_LINE.fullmatch(line), line
        assert str(dossier) not in line and not line.startswith("/")
    assert {line.split(":")[0] for line in lines} == {C, S, A, P}
    assert from_inside.stdout == from_outside.stdout
    assert from_outside.stderr.startswith("dossier check: 4 errors, 2 warnings in ")


def test_output_is_sorted_by_file_then_position(dossier, edit, cli_run):
    break_things(dossier, edit)
    keys = [
        (line.split(":")[0], int(line.split(":")[1]), int(line.split(":")[2]))
        for line in cli_run.check(dossier).stdout.splitlines()
    ]
    assert keys == sorted(keys)


# -- the GitHub format ------------------------------------------------------------------------


def test_github_format_prints_workflow_commands(dossier, edit, pos, cli_run):
    edit(dossier / C, "    actor: envoy", "    actor: envoi")
    result = cli_run.check(dossier, "--format", "github")
    assert result.returncode == 1
    actor_line, actor_col = pos(dossier, C, "envoi").split(":")[1:]
    unused_line, unused_col = pos(dossier, A, "id: |envoy").split(":")[1:]
    assert result.stdout.splitlines() == [
        f"::error file=claims.yaml,line={actor_line},col={actor_col}::unknown actor `envoi`: add it to "
        "content/actors.yaml or correct the id",
        f"::warning file=content/actors.yaml,line={unused_line},col={unused_col}::actor `envoy` is not cited by any "
        "claim",
    ]


def test_github_format_escapes_percent_in_messages(dossier, edit, cli_run):
    edit(
        dossier / C, "text: The envoy said guarantees must be binding.", "text: The envoy said guarantees must be firm."
    )
    result = cli_run.check(dossier, "--format", "github")
    [line] = result.stdout.splitlines()
    assert line.startswith("::error file=claims.yaml,line=")
    assert re.search(r"nearest passage \(line 4, \d+%25 similar;", line), line


def test_problem_github_escaping():
    # One line whatever the message holds: line breaks and controls shown escaped, as in text.
    problem = Problem("dir,with:odd/claims.yaml", 3, 7, "error", "100% sure\nsecond line\r")
    assert problem.github() == "::error file=dir%2Cwith%3Aodd/claims.yaml,line=3,col=7::100%25 sure\\nsecond line\\r"
    assert Problem("a%b.yaml", 1, 1, "warning", "a: b, c").github() == "::warning file=a%25b.yaml,line=1,col=1::a: b, c"


def test_step_summary_has_every_problem(dossier, edit, tmp_path, cli_run):
    # Twelve unused proposals and one error: more than the ten annotations GitHub shows.
    extra = "".join(f"  - id: idle-{n}\n    title: Idle {n}\n    summary: Nobody cares.\n" for n in range(1, 13))
    edit(dossier / P, "proposals:\n", "proposals:\n" + extra)
    edit(dossier / C, "    actor: envoy", "    actor: envoi")
    summary = tmp_path / "summary.md"
    summary.write_text("# Earlier step\n", encoding="utf-8")
    result = cli_run.check(dossier, "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.returncode == 1
    annotations = result.stdout.splitlines()
    assert len(annotations) == 14  # 12 unused proposals, the unused actor, the unknown actor
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# Earlier step\n## Dossier check\n")  # appended, not overwritten
    assert "\n1 error, 13 warnings\n" in text
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    assert len(rows) == 14
    # Quoted values are code spans in table cells, the rest inert text.
    for n in range(1, 13):
        assert any(f"| warning | proposal `idle-{n}` is not cited by any claim |" in row for row in rows), n
    assert any(row.startswith("| `claims.yaml:") and "| error | unknown actor `envoi`" in row for row in rows)


def test_step_summary_without_problems(dossier, tmp_path, cli_run):
    summary = tmp_path / "summary.md"
    result = cli_run.check(dossier, "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.returncode == 0 and result.stdout == ""
    assert summary.read_text(encoding="utf-8").split("\n")[:3] == ["## Dossier check", "", "0 errors, 0 warnings"]
    assert "| Location |" not in summary.read_text(encoding="utf-8")


def test_step_summary_cells_stay_inert_one_line():
    text = step_summary([Problem("claims.yaml", 2, 3, "error", "a | b\nc <script>x</script> & `co|de` `x")])
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    assert rows == ["| `claims.yaml:2:3` | error | a \\| b\\\\nc &lt;script&gt;x&lt;/script&gt; &amp; `co\\|de` 'x |"]


# -- the "done when" scenario ---------------------------------------------------------


def test_done_when_a_changed_word_and_an_unknown_actor_are_reported(dossier, edit, line_of, cli_run):
    edit(dossier / C, "We will not give up a single village", "We will not give up a lone village")
    edit(dossier / C, "    actor: spokesman", "    actor: spokesperson")
    result = cli_run.check(dossier)
    assert result.returncode == 1
    quote_line = line_of(dossier / C, 'text: "\\"We will not give up a lone village')
    actor_line = line_of(dossier / C, "actor: spokesperson")
    assert result.stdout.splitlines() == [
        f"claims.yaml:{quote_line}:15: error: evidence text not found in the source; nearest passage (line 3, "
        + re.search(r"\d+% similar", result.stdout)[0]
        + '; yours has "lone" where the source has "single"): '
        '"\u201cWe will not give up a single village,\u201d she told reporters. \u201cNot one\u2026 not today.\u201d" '
        "[source `alpha`, content/sources/alpha.txt]",
        f"claims.yaml:{actor_line}:12: error: unknown actor `spokesperson`: add it to content/actors.yaml or correct "
        "the id",
        f"content/actors.yaml:{line_of(dossier / A, 'id: spokesman')}:9: warning: actor `spokesman` is not cited by "
        "any claim",
    ]
    assert_clean_stderr(result)


# -- no traceback, whatever the input ---------------------------------------------------------


def _replace(rel, old, new):
    return lambda root, edit: edit(root / rel, old, new)


def _write(rel, data):
    def write(root, edit):
        path = root / rel
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))

    return write


def _swap_for_dir(rel):
    def swap(root, edit):
        (root / rel).unlink()
        (root / rel).mkdir()

    return swap


def _sources_folder_is_a_file(root, edit):
    for f in (root / "content/sources").iterdir():
        f.unlink()
    (root / "content/sources").rmdir()
    (root / "content/sources").write_text("not a folder\n", encoding="utf-8")


BAD_INPUTS = [
    pytest.param(_write(C, bytes(range(256)) * 4), id="binary-garbage"),
    pytest.param(_write(C, ""), id="empty-claims"),
    pytest.param(_write(C, "claims:\n"), id="claims-null"),
    pytest.param(_write(C, "claims: [null, 5, x, [1], {}]\n"), id="claims-junk-items"),
    pytest.param(_write(C, "claims:\n\t- id: x\n"), id="tab"),
    pytest.param(_swap_for_dir(C), id="claims-is-a-directory"),
    pytest.param(_sources_folder_is_a_file, id="sources-folder-is-a-file"),
    pytest.param(_replace(S, "file: beta.txt", "file: ."), id="source-file-is-a-directory"),
    pytest.param(_replace(C, "text: finished for now", "text: {a: b}"), id="text-is-a-mapping"),
    pytest.param(_replace(C, "{border-deal: neutral}", "{border-deal: [a]}"), id="stance-is-a-list"),
    pytest.param(_replace(C, "said: {basis: unknown}", "said: {date: 20240305, basis: stated}"), id="date-is-a-number"),
    pytest.param(_replace(C, "said: {basis: unknown}", 'said: {date: "0000-01-01", basis: stated}'), id="year-zero"),
    pytest.param(_replace(C, "occurrence: 1\n", "occurrence: 99999999999999999999999\n"), id="huge-occurrence"),
    pytest.param(_replace(C, "occurrence: 1\n", "occurrence: -1\n"), id="negative-occurrence"),
    pytest.param(_replace(C, "text: finished for now", 'text: "\\ud800"'), id="lone-surrogate-escape"),
    pytest.param(_replace(C, "  - id: minister-talks-finished", "  - id: .nan"), id="nan-id"),
    pytest.param(_replace(C, "    actor: envoy", "    actor: envoy\n    ~: x"), id="null-key"),
    pytest.param(
        _replace(
            C,
            "    summary: The envoy",
            '    summary: !!python/object/apply:os.system ["echo PWNED"]\n    notes: The envoy',
        ),
        id="python-tag",
    ),
    pytest.param(_replace(C, "    actor: envoy", "    actor: &x envoy\n    <<: *x"), id="merge-and-alias"),
    pytest.param(_replace(C, "text: finished for now", 'text: "   "'), id="blank-quote"),
    pytest.param(
        _replace(S, "  - id: beta\n    file: beta.txt", "  - id: beta\n    file: beta.txt\n    file: alpha.txt"),
        id="duplicate-key",
    ),
    # Each of these once gave exit 3 ("internal error") or a broken line instead of a content error.
    pytest.param(
        _replace(C, "    summary: The envoy", "    notes: " + "[" * 1000 + "]" * 1000 + "\n    summary: The envoy"),
        id="deep-nesting",
    ),
    pytest.param(_write(S, ""), id="sources-yaml-empty"),
    pytest.param(lambda root, edit: (root / S).unlink(), id="sources-yaml-missing"),
    pytest.param(_replace(C, "    actor: envoy", "    actor: [envoy]"), id="actor-is-a-list"),
    pytest.param(
        _replace(S, "  - id: beta\n    file: beta.txt", "  - id: [beta]\n    file: beta.txt"), id="source-id-is-a-list"
    ),
    pytest.param(_replace(S, "  - id: beta\n    file: beta.txt", "  - file: beta.txt"), id="source-without-id"),
    pytest.param(_write(C, "claims: [\x00]\n"), id="nul-character"),
]


@pytest.mark.parametrize("mutate", BAD_INPUTS)
def test_bad_input_gives_one_line_content_errors_and_no_traceback(dossier, edit, capsys, mutate):
    # In-process through cli.main, the function the console script calls (a subprocess per case is slow).
    mutate(dossier, edit)
    code = cli.main(["check", "--root", str(dossier)])
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "internal error" not in err, err
    assert code == 1
    assert out and all(GCC_LINE.fullmatch(line) for line in out.splitlines()), out
    assert "PWNED" not in out + err
    assert SUMMARY.fullmatch(err.rstrip("\n")), err


def test_bad_input_through_a_real_process(dossier):
    (dossier / C).write_bytes(b"claims:\n  - id: x\n\t\xff\xfe\n")
    result = check(dossier)
    assert result.returncode == 1
    assert result.stdout == "claims.yaml:3:2: error: not valid UTF-8 (byte 0xFF): save the file as UTF-8\n"
    assert_clean_stderr(result)


def test_an_occurrence_written_as_1_0_counts_as_1(dossier, edit, capsys):
    # JSON Schema counts 1.0 as an integer; the matcher must agree rather than skip the quote.
    edit(dossier / C, "occurrence: 1\n", "occurrence: 1.0\n")
    assert cli.main(["check", "--root", str(dossier)]) == 0


@pytest.mark.parametrize("leaving", [True, False])
def test_a_check_leaving_without_teardown_keeps_its_work_to_the_exit(dossier, monkeypatch, leaving):
    """`run` leaves a check with os._exit: the check's result and its working state (the cache's
    entries, the documents, the validator) are kept to the end instead of being freed object by
    object on the way out. Called any other way, nothing is kept."""
    from generator.data.cache import Store
    from generator.data.check import Checked

    kept: list = [None] if leaving else []
    monkeypatch.setattr(cli, "_LEFT_TO_EXIT", kept)
    assert cli.main(["check", "--root", str(dossier)]) == 0
    held = [type(x) for x in kept if isinstance(x, Checked)] + [
        type(y) for x in kept if isinstance(x, tuple) for y in x if isinstance(y, Store)
    ]
    assert held == ([Checked, Store] if leaving else [])


@pytest.mark.skipif(
    not hasattr(os, "fork") or sys.platform == "darwin" or len(os.sched_getaffinity(0)) < 2,
    reason="the cache's writer is forked only with fork and two cores",
)
def test_a_first_check_by_the_console_script_leaves_before_its_cache_writer(dossier, tmp_path):
    """The console script's check answers without waiting for its cache's writer, and nothing that
    reads its output waits for it either; the writer then completes the cache on its own (here it
    is held until the check has answered)."""
    go, store = tmp_path / "go", tmp_path / "cache"
    script = f"""
import sys, time
from pathlib import Path
from generator import cli
from generator.data import cache
cache.BACKGROUND_WRITES = 1
held = cache.Store.save
def save(self, rels):
    deadline = time.monotonic() + 60  # a writer waited for (the failure this test catches) goes in the end
    while not Path({str(go)!r}).exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    held(self, rels)
cache.Store.save = save
sys.argv = ["dossier", "check", "--root", {str(dossier)!r}]
cli.run()
"""
    env = {**os.environ, "DOSSIER_CACHE": str(store)}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=30)
    assert done.returncode == 0 and "dossier check: 0 errors, 0 warnings (4 claims, 3 sources)" in done.stderr
    assert not list(store.rglob("*.json"))
    go.touch()
    deadline = time.monotonic() + 30
    while not list(store.rglob("docs/*.json")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(store.rglob("docs/*.json"))
