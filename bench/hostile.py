"""The hostile section of `make bench`: the worst inputs a pull request can bring, timed.

- 50,000 nested `[` in claims.yaml: refused by the nesting prescan before libyaml parses
  (libyaml's composer recurses per level and crashed the process);
- an 8 KB quote not found in a 0.9 MB source: the nearest-passage hint (44-57 s before it
  aligned probes of a long quote);
- a 4 MiB source (the documented limit) with a quote from its end: `dossier check` whole;
- a source one byte over the limit: refused before it is read.

Each runs in its own interpreter (a crash shows as an exit code, not a dead benchmark). It prints
the figures; it asserts nothing.
"""

from __future__ import annotations

import hashlib
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "dossier"
PY = sys.executable

HINT = """
import random, sys, time
from generator.data import quotes
rng = random.Random(7)
vocabulary = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9))) for _ in range(3000)]
words = lambda n: " ".join(rng.choice(vocabulary) for _ in range(n))
source = quotes.SourceText.of(words(150_000)[:900_000] + "\\n")
needle = words(1_500)[:8_192]
started = time.perf_counter()
found = quotes.find(source, needle)
print(f"{time.perf_counter() - started:.3f}", found.message[:60])
"""


def _run(argv: list[str]) -> tuple[float, int, str]:
    started = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, cwd=ROOT, check=False)
    last = (done.stdout.strip() or done.stderr.strip()).splitlines()
    return time.perf_counter() - started, done.returncode, last[-1] if last else ""


def _dossier(work: Path, name: str) -> Path:
    root = work / name
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns("site", ".dossier"))
    return root


def _big_source(root: Path, size: int) -> None:
    rng = random.Random(3)
    vocabulary = [
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9))) for _ in "x" * 3000
    ]
    text = " ".join(rng.choice(vocabulary) for _ in range(size // 5))[: size - 40] + " The very last sentence.\n"
    text = text + " " * (size - len(text.encode("utf-8")))
    data = text.encode("utf-8")
    (root / "content" / "sources" / "big.txt").write_bytes(data)
    entry = (
        f"  - id: big\n    file: big.txt\n    sha256: {hashlib.sha256(data).hexdigest()}\n    title: Big\n"
        '    outlet: {basis: unknown}\n    published: {date: "2024-03", basis: inferred, reason: Test.}\n'
        "    language: en\n"
    )
    with (root / "content" / "sources.yaml").open("a", encoding="utf-8") as fh:
        fh.write(entry)
    claim = (
        "  - id: big-last\n    actor: minister\n    stances: {border-deal: neutral}\n    said: {basis: unknown}\n"
        "    summary: The last sentence.\n    evidence:\n      - {source: big, text: The very last sentence., "
        "kind: direct-quote}\n"
    )
    with (root / "claims.yaml").open("a", encoding="utf-8") as fh:
        fh.write(claim)


def bench_hostile(work: Path) -> list[tuple[str, str]]:
    """(case, figure) rows."""
    rows = []
    root = _dossier(work, "hostile-brackets")
    (root / "claims.yaml").write_text("claims: " + "[" * 50_000 + "\n", "utf-8")
    seconds, code, last = _run([PY, "-m", "generator", "check", "--root", str(root)])
    rows.append(("50,000 nested `[` in claims.yaml: `dossier check`", f"{seconds:.2f} s, exit {code}: {last}"))

    _, code, last = _run([PY, "-c", HINT])
    figure, _, message = last.partition(" ")
    rows.append(("8 KB quote not found in a 0.9 MB source: the hint", f"{figure} s (exit {code}): {message}…"))

    from generator.data.validate import MAX_SOURCE_BYTES

    root = _dossier(work, "hostile-4mib")
    _big_source(root, MAX_SOURCE_BYTES)
    seconds, code, last = _run([PY, "-m", "generator", "check", "--root", str(root)])
    rows.append(("4 MiB source, quote at its end: `dossier check`", f"{seconds:.2f} s, exit {code}: {last}"))

    root = _dossier(work, "hostile-over")
    _big_source(root, MAX_SOURCE_BYTES + 1)
    seconds, code, last = _run([PY, "-m", "generator", "check", "--root", str(root)])
    rows.append(("4 MiB + 1 byte source: `dossier check`", f"{seconds:.2f} s, exit {code}"))
    return rows


def print_hostile(work: Path) -> None:
    print("\nhostile inputs (each in its own interpreter, start-up included):\n")
    print("| input | figure |\n|---|---|")
    for case, figure in bench_hostile(work):
        print(f"| {case} | {figure.replace('|', '/')} |", flush=True)


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory(prefix="dossier-bench-hostile-") as tmp:
        print_hostile(Path(tmp))
