"""The benchmark behind README's Performance section: `make bench` (or `python bench/bench.py`).

First the three figures issue 23 sets targets for, printed beside them with wall and CPU time
(bench/targets.py; `--only targets`): the cold check and the check after a one-claim edit at
10,000 claims in 100 files, and `dossier serve`'s rebuild of the real dossier after one edit.

For each size it writes a synthetic dossier (`python -m bench.synth`), then runs every stage in a fresh
subprocess and reads that process's wall time and peak resident memory (`os.wait4`):

- `check`: `dossier check --strict`, what a curator runs on every edit (interpreter start-up included),
  first with an empty cache (cold), then again on the same input, then after one claim's summary
  was edited in one of the claims files (the synthetic dossiers split their claims over files of
  100, as a large dossier would): the cache (generator/data/cache.py) answers every other file and
  every other quote's proof;
- `generate`: everything but MkDocs (check, render, write), into an empty `.dossier/docs/`;
- `mkdocs`: the MkDocs build alone, on the pages just generated;
- `build`: `dossier build`, the whole pipeline, from an empty `.dossier/` and no `site/`.

On the site built: the largest and the median HTML page, the whole site on disk, the search
bundle, and the bytes a reader's browser fetches from opening the home page to the first search
result (`bench/browser_bytes.py`: headless Chromium against a local http.server).

Then, on a copy of the real dossier, the preview loop: one claim's summary changed, pages
regenerated (only changed bytes are written) and the site rebuilt, as `dossier serve` does.

Then the large inputs of the unit tests (bench/inputs.py), whose results the tests check and whose
times are measured here: `dossier check` of the test fixture with a billion-laughs proposals file,
and the repair hint for a changed word in a two-megabyte source (`--only inputs` runs this section
alone, in a few seconds).

Last, the hostile inputs (bench/hostile.py): pathological pages, zalgo, a word everywhere, many
passages, overlapping claims, 50,000 nested `[`, an 8 KB quote against a 0.9 MB source, a 4 MiB
source; `--only hostile` runs just those. And the briefing PDF of a 1,000-claim dossier, twice
(the bytes must match), and its full record (`--only pdf`).

It prints a table; it asserts nothing (timings belong in a report, not in a test).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
sys.path.insert(0, str(ROOT))  # run as a script (`python bench/bench.py`): the package is beside it

from bench.hostile import print_hostile  # noqa: E402
from bench.targets import (  # noqa: E402
    TARGET_CLAIMS,
    bench_preview,
    bench_targets,
    compile_package,
    edit_one_claim,
    print_targets,
    timed,
)

# Each stage runs in its own interpreter; these snippets print one line of JSON.
GENERATE = """
import json, sys, time
from pathlib import Path
from generator import api
g = api.generate(Path(sys.argv[1]))
print(json.dumps({"pages": g.pages, "written": len(g.written), "epoch": api.build_epoch(g.dossier)}))
"""
MKDOCS = """
import sys
from pathlib import Path
from generator import api
api.mkdocs_build(Path(sys.argv[1]), int(sys.argv[2]))
"""
# The large inputs of the unit tests, timed in one process (interpreter start-up left out).
INPUTS = """
import datetime as dt, json, shutil, sys, tempfile, time
from pathlib import Path
from bench.inputs import CHANGED, billion_laughs_proposals, two_megabyte_source
from generator import api
from generator.data.quotes import SourceText, find
with tempfile.TemporaryDirectory() as tmp:
    root = Path(tmp) / "dossier"
    shutil.copytree(Path(sys.argv[1]), root, ignore=shutil.ignore_patterns("site", ".dossier"))
    modeline = "# yaml-language-server: $schema=../../../../generator/schema/dossier.schema.json\\n"
    (root / "content" / "proposals.yaml").write_text(billion_laughs_proposals(modeline), "utf-8")
    started = time.perf_counter()
    problems = api.check(root, today=dt.date(2026, 11, 23)).problems
    laughs = time.perf_counter() - started
text = two_megabyte_source()
started = time.perf_counter()
found = find(SourceText.of(text), CHANGED)
hint = time.perf_counter() - started
print(json.dumps({"laughs": laughs, "problems": len(problems), "hint": hint, "mb": len(text.encode()) / 1e6,
                  "found": type(found).__name__}))
"""
FIXTURE = ROOT / "tests" / "fixtures" / "dossier"
SECTIONS = ("targets", "preview", "sizes", "growth", "inputs", "hostile", "pdf")
REUSE = "--reuse" in sys.argv  # keep the synthetic dossiers already in --work (a re-run)
GROWTH_CLAIMS = 40_000  # the growth section: check and generation at this size (no MkDocs: see README)
PDF_CLAIMS = 1000  # the briefing PDF is timed at this size (goal: 30 s or less)


def measure(argv: list[str], cwd: Path | None = None, cache: Path | None = None) -> tuple[float, float, str]:
    """Run a command (`targets.timed`): its wall seconds, peak RSS in MiB and standard output."""
    run = timed(argv, cwd, cache)
    return run["s"], run["mb"], run["out"]


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        meminfo = Path("/proc/meminfo").read_text().splitlines()
        kib = int(next(line for line in meminfo if line.startswith("MemTotal")).split()[1])
        memory = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration, ValueError):
        memory = "unknown memory"
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"{os.cpu_count()} cores ({cpu}), {memory}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}; load average before the run: {load}"
    )


def synthesize(claims: int, seed: int, work: Path) -> tuple[Path, float]:
    """A synthetic dossier of `claims` claims in `work` and the seconds it took; with --reuse, one
    written there before is kept (only its generated folders are removed)."""
    root = work / f"synth-{claims}"
    if REUSE and (root / "mkdocs.yml").is_file():
        shutil.rmtree(root / ".dossier", ignore_errors=True)
        shutil.rmtree(root / "site", ignore_errors=True)
        return root, 0.0
    shutil.rmtree(root, ignore_errors=True)
    # The synthetic dossier maker is a development tool beside this one, run from the repository root.
    seconds, _, _ = measure(
        [PY, "-m", "bench.synth", "--claims", str(claims), "--out", str(root), "--seed", str(seed)], cwd=ROOT
    )
    return root, seconds


def bench_size(claims: int, seed: int, work: Path) -> dict:
    root, synth_s = synthesize(claims, seed, work)
    row = {"claims": claims, "synth_s": synth_s}
    row.update(bench_checks(root, work))
    row["gen_s"], row["gen_mb"], out = measure([PY, "-c", GENERATE, str(root)])
    info = json.loads(out.strip().splitlines()[-1])
    row["pages"] = info["pages"]
    row["mkdocs_s"], row["mkdocs_mb"], _ = measure([PY, "-c", MKDOCS, str(root), str(info["epoch"])])
    shutil.rmtree(root / ".dossier", ignore_errors=True)
    shutil.rmtree(root / "site", ignore_errors=True)
    row["build_s"], row["build_mb"], _ = measure([PY, "-m", "generator", "build", "--root", str(root)])
    site = root / "site"
    html = sorted(p.stat().st_size for p in site.rglob("*.html"))
    row["html"] = len(html)
    row["html_max_kb"], row["html_median_kb"] = html[-1] / 1000, html[len(html) // 2] / 1000
    row["site_mb"] = sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 2**20
    row["shares"] = site_shares(site)
    lunr = site / "search" / "search_index.json"
    bundle = [p for p in (site / "pagefind").rglob("*") if p.is_file()]
    row["search_mb"] = (lunr.stat().st_size if lunr.is_file() else sum(p.stat().st_size for p in bundle)) / 2**20
    _, _, out = measure([PY, "-m", "bench.browser_bytes", str(site)], cwd=ROOT)
    row["browser"] = json.loads(out.strip().splitlines()[-1])
    row["ms_per_page"] = row["build_s"] * 1000 / row["pages"]
    row["gen_share"] = row["gen_s"] / row["build_s"]
    return row


_JSONLD = re.compile(r'<script type="application/ld\+json">.*?</script>', re.S)
_TOC = re.compile(r'<nav class="md-nav md-nav--secondary".*?</nav>\s*</div>', re.S)


def site_shares(site: Path) -> dict[str, float]:
    """What the site's bytes are, in MiB: each page section's HTML (its content and the theme's
    chrome around it: header, navigation, footer), the data exports, the feeds, the search bundle,
    the theme's assets."""
    out: dict[str, float] = {}
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        rel = path.relative_to(site).as_posix()
        top = rel.split("/", 1)[0] if "/" in rel else "(top)"
        size = path.stat().st_size
        if rel.endswith(".html"):
            html = path.read_text("utf-8", "replace")
            start = html.find('<article class="md-content__inner')
            end = html.rfind("</article>")
            content = len(html[start:end].encode()) if 0 <= start < end else 0
            jsonld = sum(len(m.encode()) for m in _JSONLD.findall(html))
            toc = sum(len(m.encode()) for m in _TOC.findall(html))
            for kind, part in (
                ("html chrome", size - content - jsonld - toc),
                ("html json-ld", jsonld),
                ("html table of contents", toc),
                (f"html {top}", content),
            ):
                out[kind] = out.get(kind, 0) + part / 2**20
        else:
            kind = "data csl" if rel.startswith("data/csl/") else top
            out[kind] = out.get(kind, 0) + size / 2**20
    return dict(sorted(out.items(), key=lambda kv: -kv[1]))


def bench_inputs() -> dict:
    _, mb, out = measure([PY, "-c", INPUTS, str(FIXTURE)])
    info = json.loads(out.strip().splitlines()[-1])
    info["peak_mb"] = mb
    return info


def print_inputs(info: dict) -> None:
    print(
        "\nlarge inputs of the unit tests (bench/inputs.py), in one warm process:\n"
        f"- `dossier check` of the test fixture with a billion-laughs proposals file: {info['laughs']:.2f} s "
        f"({info['problems']} problems reported)\n"
        f"- repair hint for one changed word in a {info['mb']:.1f} MB source (indexing and search): "
        f"{info['hint']:.2f} s ({info['found']})\n"
        f"- peak {info['peak_mb']:.0f} MiB",
        flush=True,
    )


def run_sizes(sizes: list[int], seed: int, work: Path) -> list[dict]:
    """Benchmark each size, printing its row of the table as soon as it is measured."""
    head = (
        "claims",
        "pages",
        "check s",
        "check MiB",
        "check again s",
        "check after 1 edit s",
        "generate s",
        "generate MiB",
        "mkdocs s",
        "mkdocs MiB",
        "build s",
        "build MiB",
        "ms/page",
        "generator share",
        "largest page KB",
        "median page KB",
        "site MiB",
        "search files MiB",
        "reader KB (search KB)",
    )
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head), flush=True)
    rows = []
    for claims in sizes:
        print(f"… {claims} claims", file=sys.stderr, flush=True)
        r = bench_size(claims, seed, work)
        rows.append(r)
        cells = (
            r["claims"],
            r["pages"],
            f"{r['check_s']:.2f}",
            f"{r['check_mb']:.0f}",
            f"{r['check_again_s']:.2f}",
            f"{r['check_edit_s']:.2f} ({r['check_edit_s'] / r['check_s']:.0%})",
            f"{r['gen_s']:.2f}",
            f"{r['gen_mb']:.0f}",
            f"{r['mkdocs_s']:.1f}",
            f"{r['mkdocs_mb']:.0f}",
            f"{r['build_s']:.1f}",
            f"{r['build_mb']:.0f}",
            f"{r['ms_per_page']:.1f}",
            f"{r['gen_share']:.0%}",
            f"{r['html_max_kb']:.0f}",
            f"{r['html_median_kb']:.0f}",
            f"{r['site_mb']:.0f}",
            f"{r['search_mb']:.1f}",
            f"{r['browser']['total_kb']:.0f} ({r['browser']['search_kb']:.0f})",
        )
        print("| " + " | ".join(str(c) for c in cells) + " |", flush=True)
    print()
    for r in rows:
        shares = ", ".join(f"{k} {v:.1f}" for k, v in r["shares"].items() if v >= 0.05)
        print(f"site of {r['claims']:,} claims, MiB: {shares}", flush=True)
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        factor = last["claims"] / first["claims"]
        print(
            f"\nscaling {first['claims']} → {last['claims']} claims (×{factor:g}): "
            f"check ×{last['check_s'] / first['check_s']:.1f}, "
            f"generate ×{last['gen_s'] / first['gen_s']:.1f}, build ×{last['build_s'] / first['build_s']:.1f} "
            f"(pages ×{last['pages'] / first['pages']:.1f})"
        )
    return rows


def bench_checks(root: Path, work: Path) -> dict:
    """`dossier check --strict` with an empty cache, again, and after one claim's edit."""
    check = [PY, "-m", "generator", "check", "--strict", "--root", str(root)]
    cache = work / f"cache-{root.name}"
    shutil.rmtree(cache, ignore_errors=True)
    row: dict = {}
    row["check_s"], row["check_mb"], _ = measure(check, cache=cache)  # the first: an empty cache
    row["check_again_s"], _, _ = measure(check, cache=cache)  # the same input again
    edit_one_claim(root)
    row["check_edit_s"], _, _ = measure(check, cache=cache)  # one claim changed in one file
    return row


def bench_growth(seed: int, work: Path) -> dict:
    """GROWTH_CLAIMS claims: the checks, and generation (check, render, write: everything before
    MkDocs) with its peak memory; the generated pages' sizes (Markdown and JSON-LD, which the
    HTML adds Material's chrome to)."""
    root, synth_s = synthesize(GROWTH_CLAIMS, seed, work)
    row: dict = {"claims": GROWTH_CLAIMS, "synth_s": synth_s}
    row.update(bench_checks(root, work))
    row["gen_s"], row["gen_mb"], out = measure([PY, "-c", GENERATE, str(root)])
    row["pages"] = json.loads(out.strip().splitlines()[-1])["pages"]
    docs, jsonld = root / ".dossier" / "docs", root / ".dossier" / "jsonld"
    sizes = []
    for page in docs.rglob("*.md"):
        rel = page.relative_to(docs).with_suffix(".json")
        extra = (jsonld / rel).stat().st_size if (jsonld / rel).is_file() else 0
        sizes.append((page.stat().st_size + extra, page.relative_to(docs).as_posix()))
    sizes.sort()
    row["largest"] = [(kb / 1000, rel) for kb, rel in sizes[-3:]]
    row["median_kb"] = sizes[len(sizes) // 2][0] / 1000
    row["docs_mb"] = sum(p.stat().st_size for p in (root / ".dossier").rglob("*") if p.is_file()) / 2**20
    return row


def print_growth(r: dict) -> None:
    largest = ", ".join(f"{rel} {kb:.0f} KB" for kb, rel in reversed(r["largest"]))
    print(
        f"\ngrowth: {r['claims']:,} claims, {r['pages']:,} pages (synth {r['synth_s']:.0f} s): "
        f"check {r['check_s']:.2f} s "
        f"(peak {r['check_mb']:.0f} MiB), again {r['check_again_s']:.2f} s, after one claim's edit "
        f"{r['check_edit_s']:.2f} s ({r['check_edit_s'] / r['check_s']:.0%}); generate {r['gen_s']:.1f} s "
        f"(peak {r['gen_mb']:.0f} MiB); generated pages with their JSON-LD: largest {largest}, median "
        f"{r['median_kb']:.0f} KB, {r['docs_mb']:.0f} MiB in all",
        flush=True,
    )


def bench_pdf(seed: int, work: Path) -> dict:
    """`dossier pdf` of a synthetic dossier of PDF_CLAIMS claims, each run in a fresh process: the
    briefing twice (its bytes must not change), then the full record (`--record`). Wall and CPU
    seconds (the machine is shared: CPU time is what the work costs), pages, bookmarks."""
    import resource

    import pypdf

    root = work / f"pdf-{PDF_CLAIMS}"
    if not root.exists():
        measure([PY, "-m", "bench.synth", "--claims", str(PDF_CLAIMS), "--out", str(root), "--seed", str(seed)], ROOT)
    runs = {}
    for name, extra in (("briefing", []), ("again", []), ("record", ["--record"])):
        out = work / f"{name}.pdf"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        seconds, mb, _ = measure([PY, "-m", "generator", "pdf", "--root", str(root), "--out", str(out), *extra])
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        reader = pypdf.PdfReader(out)
        runs[name] = {
            "s": seconds,
            "cpu": cpu,
            "mb": mb,
            "pages": len(reader.pages),
            "bookmarks": _count(reader.outline),
            "tagged": "/StructTreeRoot" in reader.trailer["/Root"],
            "size_mb": out.stat().st_size / 2**20,
        }
    same = (work / "briefing.pdf").read_bytes() == (work / "again.pdf").read_bytes()
    return {"claims": PDF_CLAIMS, "runs": runs, "identical": same}


def _count(outline) -> int:
    return sum(_count(item) if isinstance(item, list) else 1 for item in outline)


def print_pdf(info: dict) -> None:
    print(f"\nbriefing PDF of {info['claims']:,} claims (goal: the briefing in 30 s wall):", flush=True)
    for name, run in info["runs"].items():
        label = {"briefing": "briefing", "again": "briefing again", "record": "full record (--record)"}[name]
        print(
            f"  {label}: {run['s']:.1f} s wall, {run['cpu']:.1f} s CPU, {run['pages']} pages, "
            f"{run['bookmarks']} bookmarks, {'tagged' if run['tagged'] else 'NOT tagged'}, "
            f"{run['size_mb']:.1f} MiB, peak {run['mb']:.0f} MiB",
            flush=True,
        )
    print(f"  the same input gave {'the same bytes' if info['identical'] else 'DIFFERENT BYTES'}", flush=True)


def print_preview(preview: dict) -> None:
    print(
        f"\npreview loop on the real dossier ({preview['pages']} pages), one claim's summary changed: "
        f"{len(preview['written'])} files rewritten ("
        f"{', '.join(preview['written'])}); serve's whole rebuild (regenerate, MkDocs on the changed pages, "
        f"search) {preview['rebuild']:.2f} s wall, {preview['cpu']:.2f} s CPU (load {preview['load']:.1f}); "
        f"peak {preview['mb']:.0f} MiB"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--sizes",
        default="1000,4000,10000",
        help="claim counts, comma-separated (default: 1000,4000,10000)",
    )
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--reuse", action="store_true", help="keep the synthetic dossiers already written in --work (a re-run)"
    )
    ap.add_argument("--work", type=Path, help="where to write the dossiers (default: a temporary folder, removed)")
    ap.add_argument(
        "--only",
        choices=SECTIONS,
        action="append",
        help="run only this section (repeatable): the three targets of issue 23 (bench/targets.py), the synthetic "
        "sizes, the preview loop, 40,000 claims (growth), the large test inputs, the hostile inputs or the PDF "
        "(default: all)",
    )
    args = ap.parse_args()
    sections = set(args.only or SECTIONS)
    compile_package()  # bench/targets.py: every timed process reads the bytecode, as an installed package does
    print(f"machine: {machine()}\n", flush=True)
    if "targets" in sections:
        work = args.work or Path(tempfile.mkdtemp(prefix="dossier-bench-targets-"))
        work.mkdir(parents=True, exist_ok=True)
        try:
            root, _ = synthesize(TARGET_CLAIMS, args.seed, work)
            print_targets(bench_targets(root, work), len(list(root.glob("claims/*.yaml"))) + 1)
        finally:
            if not args.work:
                shutil.rmtree(work, ignore_errors=True)
    if sections & {"sizes", "preview"}:
        work = args.work or Path(tempfile.mkdtemp(prefix="dossier-bench-"))
        work.mkdir(parents=True, exist_ok=True)
        try:
            preview = bench_preview(work) if "preview" in sections else None
            if "sizes" in sections:
                run_sizes([int(s) for s in args.sizes.split(",") if s.strip()], args.seed, work)
        finally:
            if not args.work:
                shutil.rmtree(work, ignore_errors=True)
        if preview:
            print_preview(preview)
    if "growth" in sections:
        with tempfile.TemporaryDirectory(prefix="dossier-bench-growth-") as tmp:
            print_growth(bench_growth(args.seed, args.work or Path(tmp)))
    if "inputs" in sections:
        print_inputs(bench_inputs())
    if "pdf" in sections:
        with tempfile.TemporaryDirectory(prefix="dossier-bench-pdf-") as tmp:
            print_pdf(bench_pdf(args.seed, args.work or Path(tmp)))
    if "hostile" in sections:
        with tempfile.TemporaryDirectory(prefix="dossier-bench-hostile-") as tmp:
            print_hostile(Path(tmp))


if __name__ == "__main__":
    main()
