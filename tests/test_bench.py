"""The benchmark stays runnable: its quick section, the large inputs of the unit tests, timed."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow  # the benchmark's large inputs, in a process of their own


def test_the_inputs_section_of_the_benchmark_runs_alone():
    run = subprocess.run(
        [sys.executable, "bench/bench.py", "--only", "inputs"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("machine: ")
    assert "large inputs of the unit tests (bench/inputs.py), in one warm process:" in lines
    assert any(
        re.fullmatch(
            r"- `dossier check` of the test fixture with a billion-laughs proposals file: [0-9.]+ s "
            r"\(8 problems reported\)",
            line,
        )
        for line in lines
    ), run.stdout
    assert any(
        re.fullmatch(
            r"- repair hint for one changed word in a 2\.0 MB source \(indexing and search\): [0-9.]+ s \(Miss\)", line
        )
        for line in lines
    ), run.stdout
    assert "| claims |" not in run.stdout and "preview loop" not in run.stdout  # the other sections did not run
