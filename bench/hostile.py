"""The hostile section of `make bench`: the worst inputs a pull request can bring, timed.

- 50,000 nested `[` in claims.yaml: refused by the nesting prescan before libyaml parses
  (libyaml's composer recurses per level and crashed the process);
- an 8 KB quote not found in a 0.9 MB source: the nearest-passage hint (44-57 s before it
  aligned probes of a long quote);
- a 4 MiB source (the documented limit) with a quote from its end: `dossier check` whole;
- a source one byte over the limit: refused before it is read;
- hand-written pages of 1 MiB built to keep Python-Markdown busy (runs of `[`, `![`, `\\`, `*_`,
  headings, `<http://`, `<div>`, admonitions, nested lists, nested brackets): the pre-scan's time;
- 1 MiB of zalgo text (runs of 40,000 combining marks): normalization;
- a word occurring 1,000,000 times in a 4 MiB source: the matcher;
- 20,000 passages cited in one source: its segments (the highlighting);
- 2 × 1,500 mutually overlapping claims of one actor on one proposal: shift detection.

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


WORST = r"""
import datetime as dt, sys, time
from generator.site.pages import page_problems
from generator.data import quotes
from generator.data.normalize import normalize
from generator.data.order import changes
from generator.data.dates import parse
M = 1024 * 1024
def timed(label, fn):
    started = time.perf_counter()
    result = fn()
    print(f"{label}\t{time.perf_counter() - started:.2f}\t{result}", flush=True)
def page(text):
    found = page_problems(text, "content/pages/x.md")
    return found[0].message[:70] if found else "accepted"
for label, text in [
    ("page: 1 MiB of `[`", "[" * (M - 16)),
    ("page: 1 MiB of `![`", "![" * (M // 2 - 16)),
    ("page: 1 MiB of `\\`", "\\" * (M - 16)),
    ("page: 1 MiB of `*_`", "*_" * (M // 2 - 16)),
    ("page: 200,000 headings", "# h\n\n" * (M // 5)),
    ("page: 130,000 `<http://`", "<http://" * (M // 8)),
    ("page: 200,000 `<div>`", "<div>" * (M // 5)),
    ("page: 116,000 admonitions", "!!! note\n" * (M // 9)),
    ("page: 400 nested list levels", "".join("    " * i + "- x\n" for i in range(400))),
    ("page: 5,000 paragraphs of 100 nested `[`", ("[" * 100 + "]" * 100 + "\n\n") * 5000),
    ("page: 150 paragraphs of 6,000 `*_`", ("*_" * 3000 + "\n\n") * 150),
    ("page: at the limits (300 headings, 1,000 tags, 2,000 links)",
     "# h\n\n" * 300 + "<b>x</b> " * 500 + "\n\n" + ("see [a](http://e.org) and " * 20 + "\n\n") * 100),
]:
    timed(label, lambda: page(text))
marks = "".join(("\u0301", "\u0316", "\u0334")[i % 3] for i in range(40_000))
zalgo = ("a" + marks + " ") * (M // 80_000)
timed("1 MiB of zalgo (40,000-mark runs): normalization", lambda: f"{len(normalize(zalgo).text)} characters")
everywhere = quotes.SourceText.of("the " * M)
timed("a word 1,000,000 times in a 4 MiB source: the matcher", lambda: quotes.find(everywhere, "the").message[:60])
quoted = quotes.SourceText.of("Headline\n" + "\n\u201cWe will not talk,\u201d he said." * (M // 30))
where = [(n * 30 + 11, n * 30 + 20) for n in range(0, M // 30, 97)]
timed(
    "361 direct quotes in a 1 MiB source whose 35,000 paragraphs each open with a mark: their regions",
    lambda: f"{sum(len(quoted.regions_near(a, b)) > 0 for a, b in where)} found",
)
blank = quotes.SourceText.of("Headline\n" + "\n" * (4 * M - 40) + '"We will not talk," he said.\n')
at = blank.text.index("We")
timed("4 MiB of blank lines, then a quote: its regions", lambda: f"{len(blank.regions_near(at, at + 5))} region")
from types import SimpleNamespace
from generator.data.model import Dossier
spans = [(i * 40, i * 40 + 30 + (i % 3) * 20) for i in range(20_000)]
ev = lambda span: SimpleNamespace(passage=SimpleNamespace(span=span))
fake = SimpleNamespace(
    sources={"s": SimpleNamespace(text="x" * 900_000)}, citations_by_source={"s": [(None, ev(sp)) for sp in spans]}
)
timed("20,000 passages cited in one source: its segments", lambda: f"{len(Dossier.segments(fake, 's'))} segments")
items = [(f"a{n}", parse("2024-01"), None, "supports") for n in range(1_500)]
items += [(f"b{n}", parse("2024-03"), None, "opposes") for n in range(1_500)]
timed(
    "1,500 claims of one actor in one month, 1,500 in a later one: the changes a view marks",
    lambda: f"{len(changes(items))} changes",
)
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


def _worst() -> list[tuple[str, str]]:
    done = subprocess.run([PY, "-c", WORST], capture_output=True, text=True, cwd=ROOT, check=False)
    rows = []
    for line in done.stdout.splitlines():
        label, seconds, result = line.split("\t")
        rows.append((label, f"{seconds} s: {result}"))
    if done.returncode:
        rows.append(("the worst inputs", f"exit {done.returncode}: {done.stderr.strip().splitlines()[-1:]}"))
    return rows


def bench_hostile(work: Path) -> list[tuple[str, str]]:
    """(case, figure) rows."""
    rows = _worst()
    root = _dossier(work, "hostile-brackets")
    (root / "claims.yaml").write_text("claims: " + "[" * 50_000 + "\n", "utf-8")
    seconds, code, last = _run([PY, "-m", "generator", "check", "--root", str(root)])
    rows.append(("50,000 nested `[` in claims.yaml: `dossier check`", f"{seconds:.2f} s, exit {code}: {last}"))

    _, code, last = _run([PY, "-c", HINT])
    figure, _, message = last.partition(" ")
    rows.append(("8 KB quote not found in a 0.9 MB source: the hint", f"{figure} s (exit {code}): {message}…"))

    from generator.data.files import MAX_SOURCE_BYTES

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
