"""The tools' command-line parsers and commands (added to `dossier` by generator.cli).

Errors are raised, never printed here: the command line prints one line and picks the exit code
(UsageError: 2; any other DossierError: 1)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from ..data.schema import vocabulary
from ..errors import UsageError


def add_parsers(sub, root_option: Callable[[argparse.ArgumentParser], None]) -> None:
    init = sub.add_parser("init", help="start a new, empty dossier in DIR (a new or empty folder)")
    init.add_argument("dir", metavar="DIR", type=Path, help="the folder to create the dossier in")

    add = sub.add_parser(
        "add-source", help="store a text, saved web page or WARC as a source and append its entry to sources.yaml"
    )
    root_option(add)
    add.add_argument(
        "file",
        metavar="FILE",
        type=Path,
        help="a UTF-8 text (stored byte for byte), a saved web page (.html) or a web archive (.warc, .warc.gz)",
    )
    add.add_argument("--language", metavar="LANG", required=True, help="the text's language tag (en, ru, uk...)")
    add.add_argument("--id", metavar="ID", help="the source's id (default: made from the file's name)")
    add.add_argument(
        "--title", metavar="TITLE", help="the headline (default: as the page states it, else the text's first line)"
    )
    add.add_argument(
        "--url",
        metavar="URL",
        help="the page's address (default: its canonical link); in a WARC, also the capture to take",
    )
    add.add_argument("--outlet", metavar="NAME", help="who published it (default: as the page's markup states it)")
    add.add_argument(
        "--published", metavar="DATE", help="the EDTF publication date (default: as the page's markup states it)"
    )

    fmt = sub.add_parser("format", help="print the format reference (FORMAT.md), made from the schema")
    fmt.add_argument("--out", metavar="FILE", type=Path, help="write it to FILE (a new file) instead")

    quote = sub.add_parser("quote", help="find a passage in a source and print the evidence item that cites it")
    root_option(quote)
    quote.add_argument("source", metavar="SOURCE", help="the source's id")
    quote.add_argument("text", metavar="TEXT", help="the words to find (- reads them from standard input)")
    quote.add_argument(
        "--kind",
        choices=vocabulary("evidence-kind"),
        help="the evidence kind (default: direct-quote inside quotation marks, else reported-speech; marked to check)",
    )

    changes = sub.add_parser("changes", help="what the working tree changes in the dossier, compared with a git ref")
    root_option(changes)
    changes.add_argument(
        "--base", metavar="REF", help="the git ref to compare with (default: the merge base with main)"
    )
    changes.add_argument(
        "--format",
        choices=("text", "markdown"),
        default="text",
        help="text for a terminal; markdown for a pull-request comment or $GITHUB_STEP_SUMMARY",
    )


def cmd_init(args: argparse.Namespace) -> int:
    from .init import init

    written = init(args.dir)
    for rel in written:
        print(f"{args.dir / rel}")
    print(
        f"dossier init: a new dossier in {args.dir} ({len(written)} files); next: name it in mkdocs.yml, "
        f"add a text with `dossier add-source FILE --language LANG --root {args.dir}`",
        file=sys.stderr,
    )
    return 0


def cmd_add_source(args: argparse.Namespace) -> int:
    from .add_source import add_source
    from .added import report

    added = add_source(
        args.root,
        args.file,
        args.language,
        args.id,
        args.title,
        url=args.url,
        outlet=args.outlet,
        published=args.published,
    )
    for line in report(added):
        print(f"dossier add-source: {line}")
    return 0


def cmd_format(args: argparse.Namespace) -> int:
    from .init import format_reference

    text = format_reference()
    if args.out is None:
        print(text, end="")
        return 0
    with open(args.out, "x", encoding="utf-8") as fh:  # never over an existing file
        fh.write(text)
    print(f"dossier format: wrote {args.out}", file=sys.stderr)
    return 0


def cmd_quote(args: argparse.Namespace) -> int:
    from .quote import HEADLINE_NOTE, quote

    text = sys.stdin.read() if args.text == "-" else args.text
    if not text.strip():
        raise UsageError("the text to find is empty")
    items, found = quote(args.root, args.source, text, args.kind)
    print(items, end="")
    if len(found.passages) > 1:
        print(f"dossier quote: the text occurs {len(found.passages)} times: keep the item you mean", file=sys.stderr)
    for line in sorted({line for line in found.headline if line}):
        print(f"dossier quote: {HEADLINE_NOTE.format(line=line)}", file=sys.stderr)
    return 0


def cmd_changes(args: argparse.Namespace) -> int:
    from .changes import changes

    print(changes(args.root.resolve(), args.base, args.format), end="")
    return 0


COMMANDS = {
    "init": cmd_init,
    "add-source": cmd_add_source,
    "format": cmd_format,
    "quote": cmd_quote,
    "changes": cmd_changes,
}
