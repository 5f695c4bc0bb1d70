"""The three figures issue 23 sets targets for, each measured in a fresh process and printed beside
its target (`make bench BENCH_ARGS="--only targets"`):

- `dossier check --strict` of 10,000 synthetic claims split over 100 files, with an empty cache
  (cold, as in CI): 3 s or less;
- the same check after one claim's summary was edited in one file: 1 s or less, and at most a
  quarter of the cold check;
- `dossier serve`'s rebuild of the real dossier after one claim's summary changed, in the warm
  process a preview runs in: 0.5 s or less.

Each is given as wall time and CPU time (user + system, with the waited-for helpers: the check's
second process and cache writer, the Pagefind binary), with the load average before it: the
targets are wall times on a quiet machine; on a shared one the CPU time is the figure to read.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
TARGET_CLAIMS = 10_000
EDIT_TARGET_S, EDIT_SHARE, COLD_TARGET_S, REBUILD_TARGET_S = 1.0, 0.25, 3.0, 0.5

# The preview loop of `dossier serve`, in one warm process as in serve: the first build, then
# one claim's summary changed and the site rebuilt as serve rebuilds it (publish/serve.py).
PREVIEW = """
import json, os, resource, sys, tempfile, time
from pathlib import Path
from generator import api
from generator.publish.serve import Preview
root = Path(sys.argv[1])
preview = Preview(root, Path(tempfile.mkdtemp()), "http://127.0.0.1:8000/")
preview.once()  # the state a running preview starts from
claim = next(iter(api.check(root).dossier.claims.values()))
claims = root / "claims.yaml"
line = f"    summary: {claim.summary}\\n"
claims.write_text(claims.read_text("utf-8").replace(line, line[:-1] + " (edited)\\n", 1), "utf-8")
def cpu():
    own, kids = os.times(), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.user + own.system + kids.ru_utime + kids.ru_stime
load = os.getloadavg()[0]
started, cpu_before = time.perf_counter(), cpu()
g = preview.once()
done = time.perf_counter()
print(json.dumps({"pages": g.pages, "written": list(g.written), "rebuild": done - started,
                  "cpu": cpu() - cpu_before, "load": load}))
"""


# `dossier check --strict` as its console script runs it (`cli.run`), and what CPU time was its own (on a first
# check, the longest path: the second process and the cache writer run beside it, on the other core).
CHECK = """
import json, os, sys
from generator import cli
leave = os._exit
def report_and_leave(code):  # `run` leaves with os._exit: say the CPU time first
    times = os.times()
    print(json.dumps({"own": times.user + times.system}))
    sys.stdout.flush()
    leave(code)
os._exit = report_and_leave
sys.argv = ["dossier", "check", "--strict", "--root", sys.argv[1]]
cli.run()
"""


# A yardstick of the machine's speed at the moment: the same pure-Python loop in a fresh process.
# A shared machine's speed moves by a third within the hour (its neighbours' load): read the
# figures beside it.
YARDSTICK = "s = 0\nfor i in range(10_000_000):\n    s += i"


def yardstick() -> float:
    """The fastest of three runs of YARDSTICK, in seconds."""
    return min(timed([PY, "-c", YARDSTICK])["s"] for _ in range(3))


def compile_package() -> None:
    """The package's bytecode in its `__pycache__` folders, as an installed (not editable) dossier
    has it from pip: where PYTHONDONTWRITEBYTECODE is set (this machine sets it), every timed
    process would otherwise compile the generator's sources again (about 35 ms) and time that."""
    subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "generator")], check=True)


def timed(argv: list[str], cwd: Path | None = None, cache: Path | None = None) -> dict:
    """Run a command: its wall and CPU seconds (user + system, its waited-for children included),
    peak RSS in MiB, standard output and the 1-minute load average before it. Fails loudly on a
    non-zero exit. `cache`: the check's cache folder (default: off, so each stage does its whole
    work)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        env = dict(
            os.environ,
            NO_MKDOCS_2_WARNING="1",
            PYTHONPATH=str(ROOT),
            DOSSIER_CACHE=str(cache or "off"),
        )
        load = os.getloadavg()[0]
        started = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        sys.exit(f"bench: {' '.join(argv)} failed with exit code {proc.returncode}:\n{stderr[-3000:]}")
    cpu = usage.ru_utime + usage.ru_stime
    return {"s": seconds, "cpu": cpu, "mb": usage.ru_maxrss / 1024, "out": stdout, "load": load}


def edit_one_claim(root: Path) -> None:
    """Change one claim's summary, in the middle claims file (claims.yaml when there is no other)."""
    files = sorted((root / "claims").glob("*.yaml")) or [root / "claims.yaml"]
    path = files[len(files) // 2]
    text = path.read_text("utf-8")
    # a plain one-line value (not quoted, not folded onto the next line): a word appended to it
    # is still plain YAML
    found = re.search(r"^( +)summary: [A-Za-z][^'\"#:\n]*$(?!\n\1 )", text, re.M)
    assert found, f"no plain one-line summary in {path}"
    path.write_text(text[: found.end()] + " (edited)" + text[found.end() :], "utf-8")


def real_dossier(work: Path) -> Path:
    """A copy of the repository's own dossier, to edit."""
    root = work / "real-dossier"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copy2(ROOT / "claims.yaml", root / "claims.yaml")
    shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root


def bench_preview(work: Path) -> dict:
    run = timed([PY, "-c", PREVIEW, str(real_dossier(work))])
    info = json.loads(run["out"].strip().splitlines()[-1])
    info["mb"] = run["mb"]
    return info


def bench_targets(root: Path, work: Path) -> dict:
    """The three figures, on the synthetic dossier `root` (edited here) and the real one."""
    check = [PY, "-c", CHECK, str(root)]
    cache = work / f"cache-targets-{root.name}"
    shutil.rmtree(cache, ignore_errors=True)
    before = yardstick()
    runs = {"cold": timed(check, cache=cache), "again": timed(check, cache=cache)}
    edit_one_claim(root)
    runs["edited"] = timed(check, cache=cache)
    for run in runs.values():
        run["own"] = json.loads(run["out"].strip().splitlines()[-1])["own"]
    return {**runs, "preview": bench_preview(work), "yardstick": (before, yardstick())}


def print_targets(r: dict, files: int) -> None:
    cold, again, edited, preview = r["cold"], r["again"], r["edited"], r["preview"]
    share, cpu_share = edited["s"] / cold["s"], edited["cpu"] / cold["cpu"]
    rows = [
        (
            f"`dossier check`, cold (empty cache), {TARGET_CLAIMS:,} claims in {files} files",
            cold,
            f"≤ {COLD_TARGET_S:g} s",
            cold["s"] <= COLD_TARGET_S,
        ),
        (
            "check after a one-claim edit",
            edited,
            f"≤ {EDIT_TARGET_S:g} s and ≤ {EDIT_SHARE:.0%} of cold (now {share:.0%}; CPU {cpu_share:.0%})",
            edited["s"] <= EDIT_TARGET_S and share <= EDIT_SHARE,
        ),
        ("check again, same input", again, "", None),
        (
            f"`dossier serve` rebuild of the real dossier after one edit ({preview['pages']} pages)",
            {"s": preview["rebuild"], "cpu": preview["cpu"], "load": preview["load"]},
            f"≤ {REBUILD_TARGET_S:g} s",
            preview["rebuild"] <= REBUILD_TARGET_S,
        ),
    ]
    print("\n| figure | wall s | CPU s (own) | load before | target | wall within target? |\n|---|---|---|---|---|---|")
    for label, run, target, met in rows:
        verdict = "" if met is None else ("yes" if met else "**no**")
        own = f" ({run['own']:.2f})" if "own" in run else ""
        print(f"| {label} | {run['s']:.2f} | {run['cpu']:.2f}{own} | {run['load']:.1f} | {target} | {verdict} |")
    print(
        f"\nyardstick (a pure-Python loop of 10,000,000 additions, the fastest of three): {r['yardstick'][0]:.2f} s "
        f"before these runs, {r['yardstick'][1]:.2f} s after"
    )
    print(
        "\n(the targets are wall times on a quiet machine; under load, read the CPU column: all the processes'"
        " time, and in brackets the check's own, which on a first check is the longest path, its second process"
        " and cache writer running beside it on the other core)",
        flush=True,
    )
