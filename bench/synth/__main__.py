"""`python -m bench.synth --claims N --out DIR [--seed S]`: write a synthetic dossier root.

Exit codes: 0 written, 2 usage (a bad argument; nothing is written).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .build import MAX_CLAIMS, synthesize, write

PROG = "bench.synth"
EXIT_OK, EXIT_USAGE = 0, 2


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog=f"python -m {PROG}", description="Write a synthetic dossier of N claims (for benchmarks and scale tests)."
    )
    ap.add_argument(
        "--claims",
        metavar="N",
        type=int,
        required=True,
        help="how many claims (sources N/5, actors N/10, proposals N/30)",
    )
    ap.add_argument(
        "--out", metavar="DIR", type=Path, required=True, help="a new or empty folder to write the dossier root into"
    )
    ap.add_argument(
        "--seed",
        metavar="S",
        type=int,
        default=1,
        help="the random seed: the same seed writes the same files (default: 1)",
    )
    return ap


def usage_error(args: argparse.Namespace) -> str | None:
    """What is wrong with arguments argparse accepted, in one line; None if nothing."""
    if not 1 <= args.claims <= MAX_CLAIMS:
        return f"--claims must be between 1 and {MAX_CLAIMS}, not {args.claims}"
    out = args.out
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        return f"{out} exists and is not an empty folder: choose a new one"  # never overwrite a curator's files
    return None


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)  # exits 2 with argparse's usage message on unparsable input
    problem = usage_error(args)
    if problem:
        print(f"{PROG}: error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    started = time.perf_counter()
    files = synthesize(args.claims, args.seed)
    write(args.out, files)
    took = time.perf_counter() - started
    print(
        f"{PROG}: wrote {len(files)} files ({args.claims} claims, seed {args.seed}) to {args.out} in {took:.1f}s; "
        f"`dossier build --root {args.out}` builds its site",
        file=sys.stderr,
    )
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
