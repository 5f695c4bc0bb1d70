"""`dossier`: argument parsing, output formats and exit codes.

Exit codes: 0 clean, 1 content errors (or warnings under --strict) or a failed build, 2 usage.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
import time
from pathlib import Path

from .errors import ContentError, DossierError, UsageError, one_line, os_error_message, step_summary, summary_line
from .site.plan import SITE_DIR
from .tools import commands as tools

EXIT_OK, EXIT_CONTENT, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="dossier", description="Check and publish a briefing dossier with verified quote provenance."
    )
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def root_option(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--root",
            metavar="DIR",
            type=Path,
            default=Path("."),
            help="the dossier root, holding claims.yaml and content/ (default: the current directory)",
        )

    check = sub.add_parser("check", help="validate the data and prove every quote against its source")
    root_option(check)
    check.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="text: PATH:LINE:COL: severity: message; github: workflow annotations and a step summary",
    )
    check.add_argument("--strict", action="store_true", help="treat warnings as errors (exit 1)")

    site = sub.add_parser("build", help="check, generate the pages and build the site into DIR/site/")
    root_option(site)
    site.add_argument(
        "--pdf", action="store_true", help="also write the briefing PDF into the site (site/briefing.pdf)"
    )

    pdf = sub.add_parser("pdf", help="write the briefing PDF from the checked dossier")
    root_option(pdf)
    pdf.add_argument("--proposal", metavar="ID", help="a briefing on one proposal only")
    pdf.add_argument(
        "--record", action="store_true", help="the full record (every claim, all its evidence) instead of the briefing"
    )
    pdf.add_argument(
        "--out", metavar="FILE", type=Path, help="where to write it (default: DIR/site/briefing.pdf or record.pdf)"
    )

    links = sub.add_parser("linkcheck", help="check every local link and #anchor of the built site (offline)")
    root_option(links)

    serve = sub.add_parser("serve", help="live preview: regenerate on every change and serve the site")
    root_option(serve)
    serve.add_argument(
        "--dev-addr", metavar="HOST:PORT", default="127.0.0.1:8000", help="where to serve (default: 127.0.0.1:8000)"
    )

    tools.add_parsers(sub, root_option)
    return top


# What a check run by the console script made, kept to the end: `run` leaves with `os._exit`, and
# letting the result go when `cmd_check` returns would free its million objects one by one first.
_LEFT_TO_EXIT: list = []


def run() -> None:
    """The `dossier` console script. After `check` has said everything, the process leaves
    without tearing the interpreter down: freeing a large dossier's millions of objects one by
    one cost a tenth of a second of a check that costs well under one."""
    checking = len(sys.argv) > 1 and sys.argv[1] == "check"
    if checking:
        _LEFT_TO_EXIT.append(None)  # the mark that `cmd_check` keeps its result
        gc.disable()  # what a check makes lives until it ends (data/check.py: gc_paused), the imports too
    code = main()
    if checking:
        with contextlib.suppress(OSError):  # a reader that went away (`| head`) changes no exit code
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code)
    sys.exit(code)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except UsageError as exc:
        print(f"dossier: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ContentError as exc:  # build and serve stop on content errors: show every one
        report(exc.problems, "text")
        print(
            f"dossier {args.command}: {summary_line(exc.problems)}; nothing was generated, the previous site/ is kept",
            file=sys.stderr,
        )
        return EXIT_CONTENT
    except DossierError as exc:
        print(f"dossier: error: {one_line(str(exc))}", file=sys.stderr)
        return EXIT_CONTENT
    except OSError as exc:  # the machine's doing (a full disk, a read-only folder), not a bug
        print(f"dossier: error: {_os_error(exc, args.root)}", file=sys.stderr)
        return EXIT_CONTENT
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug, not the user's doing: one line, details on request
        if os.environ.get("DOSSIER_DEBUG"):
            import traceback

            traceback.print_exc()
        print(
            f"dossier: internal error: {type(exc).__name__}: {exc} (set DOSSIER_DEBUG=1 for details, and please "
            "report it)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


def _os_error(exc: OSError, root: Path) -> str:
    where = Path(exc.filename) if exc.filename else root
    with contextlib.suppress(ValueError, OSError):
        where = where.resolve().relative_to(root.resolve())
    return os_error_message(exc, where.as_posix())


def cmd_check(args: argparse.Namespace) -> int:
    from .site.check import check

    started = time.perf_counter()
    # The pages' paths are all it needs of the model; what it made is left to the exit when `run` is leaving.
    checked = check(args.root.resolve(), outline=True, leaving=_LEFT_TO_EXIT if _LEFT_TO_EXIT else None)
    if _LEFT_TO_EXIT:
        _LEFT_TO_EXIT.append(checked)
    counts, problems = checked.counts, checked.problems
    report(problems, args.format)
    took = time.perf_counter() - started
    what = f" ({counts.get('claims', 0)} claims, {counts.get('sources', 0)} sources)" if counts else ""
    print(f"dossier check: {summary_line(problems)}{what} in {took:.2f}s", file=sys.stderr)
    return exit_code(problems, args.strict)


def report(problems: list, fmt: str) -> None:
    if fmt == "github":
        for p in problems:
            print(p.github())
        summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary_file:
            with open(summary_file, "a", encoding="utf-8") as fh:
                fh.write(step_summary(problems))
    else:
        for p in problems:
            print(p.gcc())


def exit_code(problems: list, strict: bool) -> int:
    if any(p.severity == "error" for p in problems) or (strict and problems):
        return EXIT_CONTENT
    return EXIT_OK


def cmd_build(args: argparse.Namespace) -> int:
    from .publish.build import build

    started = time.perf_counter()
    result = build(args.root.resolve(), progress=lambda m: print(f"dossier build: {m}", file=sys.stderr), pdf=args.pdf)
    report(result.problems, "text")
    took = time.perf_counter() - started
    print(f"dossier build: {result} in {took:.1f}s → {args.root / SITE_DIR}", file=sys.stderr)
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from .publish.serve import serve
    from .tools import picker

    root = args.root.resolve()
    port = int(args.dev_addr.rpartition(":")[2]) if args.dev_addr.rpartition(":")[2].isdigit() else 0
    serve(root, args.dev_addr, (picker.handler(root, port), picker.script_tag()))
    return EXIT_OK


def cmd_linkcheck(args: argparse.Namespace) -> int:
    from .site.linkcheck import check_site

    site = args.root.resolve() / SITE_DIR
    if not (site / "index.html").is_file():
        raise UsageError(f"{site} holds no built site: run `dossier build` first")
    checked, broken = check_site(site)
    for link in broken:
        print(f"site/{link}")
    print(f"dossier linkcheck: {checked} local links checked, {len(broken)} broken", file=sys.stderr)
    return EXIT_CONTENT if broken else EXIT_OK


def cmd_pdf(args: argparse.Namespace) -> int:
    from .publish import config as mkdocs_config
    from .publish.build import write_briefing
    from .site.check import check

    root = args.root.resolve()
    started = time.perf_counter()
    checked = check(root)
    if checked.dossier is None:
        raise ContentError(checked.problems)
    if args.proposal and args.proposal not in checked.dossier.proposals:
        raise UsageError(f"--proposal {args.proposal}: no proposal has this id (see content/proposals.yaml)")
    site = mkdocs_config.settings(mkdocs_config.load(root))
    out = write_briefing(root, checked.dossier, site, args.out, args.proposal, record=args.record)
    print(f"dossier pdf: wrote {out} in {time.perf_counter() - started:.1f}s", file=sys.stderr)
    return EXIT_OK


COMMANDS = {
    "check": cmd_check,
    "build": cmd_build,
    "linkcheck": cmd_linkcheck,
    "serve": cmd_serve,
    "pdf": cmd_pdf,
    **tools.COMMANDS,
}
