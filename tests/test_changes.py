"""`dossier changes` on a temporary git repository: commit the fixture on main, edit on a
branch, and read what the pull request changes."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator import cli

GIT_ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
    "HOME": "/nonexistent",
}

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, env=GIT_ENV, check=True, capture_output=True, text=True).stdout


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def repo(dossier: Path) -> Path:
    """The fixture committed on `main`, then a branch `pr` with known edits (not committed: the
    working tree is compared)."""
    git(dossier, "init", "-q", "-b", "main")
    git(dossier, "add", "-A")
    git(dossier, "commit", "-q", "-m", "base")
    git(dossier, "checkout", "-q", "-b", "pr")
    claims = dossier / "claims.yaml"
    text = claims.read_text("utf-8")
    text = text.replace("stances: {border-deal: opposes}", "stances: {border-deal: supports}")
    text = text.replace("refuses to give up any village.", "refuses | <b>any</b> `village`.")
    # The passage moves to line 5, the deputy's words in reported speech.
    text = text.replace(
        "        occurrence: 1\n        kind: direct-quote\n", "        occurrence: 3\n        kind: reported-speech\n"
    )
    text = text.replace("  - id: spokesman-finished", "  - id: spokesman-done")
    claims.write_text(text, "utf-8")
    actors = dossier / "content/actors.yaml"
    actors.write_text(actors.read_text("utf-8").replace("name: The Envoy", "name: The Special Envoy"), "utf-8")
    return dossier


EXPECTED_TEXT = """\
Dossier changes compared with main ({commit}):
claims: 1 added, 1 removed, 2 changed
  ~ minister-talks-finished: evidence
  ~ minister-no-village: stances, summary; stance on border-deal: opposes → supports
  + spokesman-done: actor spokesman: A spokesman says the talks are finished.
  - spokesman-finished: actor spokesman: A spokesman says the talks are finished.
actors: 1 changed
  ~ envoy: name
passages: 1 quoted passages moved
  → minister-talks-finished: evidence 1 in source alpha: line 2 → 5 (characters {a}-{b} → {c}-{d})
"""


def _spans(root: Path) -> tuple[int, int, int, int]:
    text = (root / "content/sources/alpha.txt").read_text("utf-8")
    first = text.find("finished for now")
    last = text.rfind("finished for now")
    n = len("finished for now")
    return first, first + n, last, last + n


def test_changes_in_text(repo, capsys):
    commit = git(repo, "rev-parse", "main").strip()
    a, b, c, d = _spans(repo)
    code, out, err = run(capsys, "changes", "--base", "main", "--root", str(repo))
    assert (code, err) == (0, "")
    assert out == EXPECTED_TEXT.format(commit=commit[:12], a=a, b=b, c=c, d=d)


def test_changes_default_to_the_merge_base_with_main(repo, capsys):
    git(repo, "commit", "-q", "-am", "the edits")
    (repo / "content/proposals.yaml").write_text(
        (repo / "content/proposals.yaml").read_text("utf-8").replace("A border deal", "A border treaty"), "utf-8"
    )
    code, out, _ = run(capsys, "changes", "--root", str(repo))
    assert code == 0
    assert out.startswith(
        f"Dossier changes compared with the merge base with main ({git(repo, 'rev-parse', 'main')[:12]}):"
    )
    assert "proposals: 1 changed\n  ~ border-deal: title\n" in out


def test_changes_in_markdown_escape_every_cell(repo, capsys):
    code, out, _ = run(capsys, "changes", "--base", "main", "--format", "markdown", "--root", str(repo))
    assert code == 0
    assert out.startswith("## Dossier changes\n\nCompared with `main` (")
    assert "| Claim | Change | Details |\n| --- | --- | --- |\n" in out
    assert (
        "| `minister-no-village` | changed | `stances`, `summary`; stance on `border-deal`: opposes → supports |" in out
    )
    assert "### Moved (1)" in out
    git(repo, "commit", "-q", "-am", "edits")
    summary = repo / "claims.yaml"
    summary.write_text(summary.read_text("utf-8").replace("  - id: spokesman-done", "  - id: spokesman-again"))
    out = run(capsys, "changes", "--base", "pr", "--format", "markdown", "--root", str(repo))[1]
    assert "| `spokesman-done` | removed | actor `spokesman`: A spokesman says the talks are finished. |" in out


def test_markdown_cells_stay_inert(repo, capsys):
    claims = repo / "claims.yaml"
    claims.write_text(claims.read_text("utf-8").replace("  - id: spokesman-done", "  - id: spokesman-done-2"))
    text = claims.read_text("utf-8").replace(
        "summary: A spokesman says the talks are finished.", "summary: 'A | <b>x</b> `y` & z'"
    )
    claims.write_text(text, "utf-8")
    out = run(capsys, "changes", "--base", "main", "--format", "markdown", "--root", str(repo))[1]
    assert "| `spokesman-done-2` | added | actor `spokesman`: A \\| &lt;b&gt;x&lt;/b&gt; 'y' &amp; z |" in out


def test_no_changes(repo, capsys):
    git(repo, "checkout", "-q", "--", ".")
    assert run(capsys, "changes", "--base", "main", "--root", str(repo))[1] == (
        f"Dossier changes compared with main ({git(repo, 'rev-parse', 'main')[:12]}):\n"
        "  no change to claims, actors, proposals, sources or quoted passages\n"
    )


def test_a_dossier_in_a_subfolder_and_a_base_with_errors(tmp_path, dossier, capsys):
    top = tmp_path / "repo"
    shutil.copytree(dossier, top / "dossier")
    (top / "dossier/claims.yaml").write_text("claims: [", "utf-8")  # the base does not load
    git(top, "init", "-q", "-b", "main")
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", "broken base")
    shutil.copy(dossier / "claims.yaml", top / "dossier/claims.yaml")
    out = run(capsys, "changes", "--base", "main", "--root", str(top / "dossier"))[1]
    assert "claims: 4 added\n" in out
    assert out.endswith("note: passages not compared: the base does not pass `dossier check`\n")


def test_changes_refusals(tmp_path, repo, capsys):
    outside = tmp_path / "outside"
    outside.mkdir()
    assert run(capsys, "changes", "--root", str(outside)) == (
        2,
        "",
        f"dossier: error: {outside} is not inside a git repository: `dossier changes` compares with a git ref\n",
    )
    assert run(capsys, "changes", "--base", "nope", "--root", str(repo))[2] == (
        "dossier: error: unknown git ref `nope`: name a branch, tag or commit (e.g. --base origin/main)\n"
    )
    assert (
        run(capsys, "changes", "--base=--output=x", "--root", str(repo))[2]
        == "dossier: error: unknown git ref `--output=x`\n"
    )
    git(repo, "branch", "-q", "-m", "main", "trunk")
    assert run(capsys, "changes", "--root", str(repo))[2] == (
        "dossier: error: no merge base with `main` or `master` (no such branch, or no commit yet): pass --base REF\n"
    )


def test_the_default_base_is_the_repositorys_default_branch(repo, capsys):
    """`git init` on a machine whose default branch is `master`; a clone whose remote's default
    is another name; a configured `init.defaultBranch`."""
    git(repo, "branch", "-q", "-m", "main", "master")
    commit = git(repo, "rev-parse", "master").strip()
    out = run(capsys, "changes", "--root", str(repo))[1]
    assert out.startswith(f"Dossier changes compared with the merge base with master ({commit[:12]}):\n")
    git(repo, "branch", "-q", "-m", "master", "trunk")
    git(repo, "config", "init.defaultBranch", "trunk")
    out = run(capsys, "changes", "--root", str(repo))[1]
    assert out.startswith(f"Dossier changes compared with the merge base with trunk ({commit[:12]}):\n")
    git(repo, "config", "--unset", "init.defaultBranch")
    git(repo, "update-ref", "refs/remotes/origin/develop", commit)
    git(repo, "symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/develop")
    out = run(capsys, "changes", "--root", str(repo))[1]
    assert out.startswith(f"Dossier changes compared with the merge base with origin/develop ({commit[:12]}):\n")


def test_stances_read_as_a_reader_says_them(repo, capsys):
    claims = repo / "claims.yaml"
    claims.write_text(
        claims.read_text("utf-8").replace(
            "stances: {border-deal: supports}",
            "stances: {border-deal: {stance: conditional, condition: 'the [vote](http://x) passes'}}",
        ),
        "utf-8",
    )
    out = run(capsys, "changes", "--base", "main", "--root", str(repo))[1]
    assert "stance on border-deal: opposes → conditional (if the [vote](http://x) passes)\n" in out
    out = run(capsys, "changes", "--base", "main", "--format", "markdown", "--root", str(repo))[1]
    assert "stance on `border-deal`: opposes → conditional (if the \\[vote\\](http\\://x) passes) |" in out
    git(repo, "commit", "-q", "-am", "conditional")
    claims.write_text(
        claims.read_text("utf-8").replace(
            "condition: 'the [vote](http://x) passes'}",
            "condition: the vote passes, rests_on: [e1], outlets_account: true}",
        ),
        "utf-8",
    )
    out = run(capsys, "changes", "--base", "pr", "--root", str(repo))[1]
    assert (
        "stance on border-deal: conditional (if the [vote](http://x) passes) → "
        "conditional (if the vote passes; rests on e1; the outlet's account)\n"
    ) in out


HOSTILE = {
    "image beacon": "![x](https://evil.example/beacon.png)",
    "link": "[Approve: all verified](https://evil.example/)",
    "mention": "ping @maintainers and @org/team",
    "reference": "fixes #12",
    "heading": "x\r## Approved",
    "html": "<img src=x onerror=alert(1)>",
    "autolink": "see https://evil.example and www.evil.example",
    "emphasis": "**all** _verified_ ~~no~~ `code`",
}
INERT = {
    "image beacon": "\\!\\[x\\](https\\://evil.example/beacon.png)",
    "link": "\\[Approve: all verified\\](https\\://evil.example/)",
    "mention": "ping @\u2060maintainers and @\u2060org/team",
    "reference": "fixes \\#\u206012",
    "heading": "x \\#\\# Approved",
    "html": "&lt;img src=x onerror=alert(1)&gt;",
    "autolink": "see https\\://evil.example and www\\.evil.example",
    "emphasis": "\\*\\*all\\*\\* \\_verified\\_ \\~\\~no\\~\\~ 'code'",
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_content_reaches_a_pull_request_as_inert_text(repo, capsys, case):
    """Every value from content is text in the Markdown report: no link, image, mention,
    reference, heading, HTML, autolink or emphasis, whatever the summary holds."""
    claims = repo / "claims.yaml"
    summary = HOSTILE[case].replace("\r", "\\r")
    text = claims.read_text("utf-8").replace(
        "summary: A spokesman says the talks are finished.", f'summary: "{summary}"'
    )
    claims.write_text(text, "utf-8")
    out = run(capsys, "changes", "--base", "main", "--format", "markdown", "--root", str(repo))[1]
    assert f"| `spokesman-done` | added | actor `spokesman`: {INERT[case]} |" in out


def test_terminal_output_holds_no_control_character(repo, capsys):
    """OSC 8 links, line erasing, a bell, a direction override: shown escaped, never raw."""
    claims = repo / "claims.yaml"
    text = claims.read_text("utf-8").replace(
        "summary: A spokesman says the talks are finished.",
        'summary: "\\e]8;;https://evil.example\\a[ok]\\e]8;;\\a \\e[2K\\rdone \\u202eevil"',
    )
    claims.write_text(text.replace("  - id: spokesman-done", '  - id: "spokesman-\\e[31mdone"'), "utf-8")
    out = run(capsys, "changes", "--base", "main", "--root", str(repo))[1]
    assert (
        "  + spokesman-\\x1b[31mdone: actor spokesman: \\x1b]8;;https://evil.example\\x07[ok]\\x1b]8;;\\x07 "
        "\\x1b[2K done \\u202eevil\n"
    ) in out
    assert not any((ord(c) < 32 and c != "\n") or 0x7F <= ord(c) < 0xA0 or c == "\u202e" for c in out)
    out = run(capsys, "changes", "--base", "main", "--format", "markdown", "--root", str(repo))[1]
    assert "| `spokesman-\\x1b[31mdone` | added |" in out
