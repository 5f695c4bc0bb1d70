"""The workflows (this repository's and the one `dossier init` writes): zizmor, a static analyzer
for GitHub Actions, finds nothing; the trusted-configuration gate is an allowlist of content."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = [ROOT / ".github/workflows/dossier.yml", ROOT / "site_templates/init/github-workflow.yml"]
ZIZMOR = Path(sys.executable).parent / "zizmor"
GIT_ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
    "HOME": "/nonexistent",
}


def test_zizmor_finds_nothing():
    if not ZIZMOR.exists():
        pytest.fail("zizmor is not installed: `make lint` installs requirements-dev.txt")
    run = subprocess.run(
        [str(ZIZMOR), "--offline", "--no-progress", *map(str, WORKFLOWS)], capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "No findings to report." in run.stdout


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_and_credentials_not_kept(workflow):
    steps = yaml.safe_load(workflow.read_text("utf-8"))["jobs"]
    for job in steps.values():
        for step in job["steps"]:
            if "uses" in step:
                ref = step["uses"].partition("@")[2]
                assert len(ref) == 40 and all(c in "0123456789abcdef" for c in ref), step["uses"]
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def _gate(workflow: Path) -> str:
    steps = yaml.safe_load(workflow.read_text("utf-8"))["jobs"]
    (job,) = steps.values()
    (step,) = [s for s in job["steps"] if s.get("name") == "Flag changes to trusted configuration"]
    return step["run"]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
@pytest.mark.parametrize("fork", [True, False])
def test_the_gate_trusts_everything_but_content(tmp_path, workflow, fork):
    repo = tmp_path / "repo"
    (repo / "content/pages").mkdir(parents=True)
    (repo / "claims.yaml").write_text("claims: []\n")
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True, env=GIT_ENV)
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True, env=GIT_ENV)
    subprocess.run(["git", "commit", "-qm", "base"], cwd=repo, check=True, env=GIT_ENV)
    base = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, check=True, env=GIT_ENV, capture_output=True)
    content = ["claims.yaml", "claims/more.yaml", "content/pages/new.md", "content/sources/a.txt"]
    trusted = ["setup.py", "conftest.py", "tests/conftest.py", ".ci/run.sh", "claims/x.py", "mkdocs.yml", "a\nb.md"]
    for rel in content + trusted:
        (repo / rel).parent.mkdir(parents=True, exist_ok=True)
        (repo / rel).write_text("x\n")
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True, env=GIT_ENV)
    subprocess.run(["git", "commit", "-qm", "pr"], cwd=repo, check=True, env=GIT_ENV)
    summary = tmp_path / "summary.md"
    env = {
        **GIT_ENV,
        "BASE": base.stdout.decode().strip(),
        "FORK": str(fork).lower(),
        "GITHUB_STEP_SUMMARY": str(summary),
    }
    run = subprocess.run(["bash", "-e", "-c", _gate(workflow)], cwd=repo, env=env, capture_output=True, text=True)
    level = "error" if fork else "warning"
    assert run.stdout == (
        f"::{level}::this pull request changes 7 trusted file(s) (code the build runs): a maintainer must review "
        "them before they are built\n"
    )
    assert run.returncode == (1 if fork else 0)
    assert summary.read_text().splitlines()[1:] == [
        "- `.ci/run.sh`",
        "- `a?b.md`",
        "- `claims/x.py`",
        "- `conftest.py`",
        "- `mkdocs.yml`",
        "- `setup.py`",
        "- `tests/conftest.py`",
    ]
