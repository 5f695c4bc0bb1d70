"""A curator's view of CI: a broken quote in a copy of the real dossier becomes GitHub
annotations on the right line, and a step summary that lists every problem."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow  # the real dossier, checked by a process of the command line


@pytest.fixture
def broken(tmp_path) -> tuple[Path, int]:
    """A copy of the real dossier with one word of one direct quote changed; returns the root and
    the line of that quote's `text:`."""
    root = tmp_path / "dossier"
    root.mkdir()
    shutil.copy(ROOT / "claims.yaml", root)
    shutil.copytree(ROOT / "content", root / "content")
    lines = (root / "claims.yaml").read_text("utf-8").splitlines(keepends=True)
    for number, line in enumerate(lines, start=1):
        if "I believe it is a strong part of the package" in line:
            lines[number - 1] = line.replace("strong part", "strung part")
            break
    else:
        pytest.fail("the quote this test edits is no longer in claims.yaml")
    (root / "claims.yaml").write_text("".join(lines), "utf-8")
    yaml.safe_load((root / "claims.yaml").read_text("utf-8"))  # still valid YAML
    return root, number


def test_a_broken_quote_becomes_an_annotation_and_a_step_summary(broken, tmp_path):
    root, line = broken
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary)}
    run = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--root", str(root), "--format", "github"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert run.returncode == 1
    annotations = run.stdout.splitlines()
    assert len(annotations) == 1
    assert annotations[0].startswith(f"::error file=claims.yaml,line={line},col=")
    assert 'yours has "strung" where the source has "strong"' in annotations[0]
    assert "I believe it is a strong part of the package" in annotations[0]
    table = summary.read_text("utf-8")
    assert "| Location | Severity | Message |" in table
    assert f"`claims.yaml:{line}:" in table and "strung" in table


def test_the_same_check_in_text_form_names_file_line_and_the_real_passage(broken):
    root, line = broken
    run = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--root", str(root)], capture_output=True, text=True
    )
    assert run.returncode == 1
    assert run.stdout.startswith(f"claims.yaml:{line}:")
    assert "nearest passage (line 9, 99% similar;" in run.stdout
