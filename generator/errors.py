"""One problem type, its two output formats, and the project's few exceptions."""

from __future__ import annotations

import errno
import re
from collections.abc import Iterable
from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """A content problem at a place in a file (path relative to the dossier root)."""

    path: str
    line: int
    col: int
    severity: str
    message: str

    def gcc(self) -> str:
        # One line whatever a value quoted in it holds: a CI log cannot be spoofed through it.
        return f"{one_line(self.path)}:{self.line}:{self.col}: {self.severity}: {one_line(self.message)}"

    def github(self) -> str:
        # GitHub workflow commands: properties and data have different escaping rules.
        # Control characters (ESC, BEL, line breaks) are shown escaped first: the command is one
        # line, and nothing from content can start a line the runner would read as a command.
        props = f"file={_gh_prop(one_line(self.path))},line={self.line},col={self.col}"
        return f"::{self.severity} {props}::{_gh_data(one_line(self.message))}"


class DossierError(Exception):
    """Base of every error the tool reports to a user (never shown as a traceback)."""


class UsageError(DossierError):
    """The command line or the dossier root is wrong (exit code 2)."""


class ContentError(DossierError):
    """The dossier's data has errors; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s) in the dossier")
        self.problems = problems


class BuildError(DossierError):
    """A later stage (templates, MkDocs) failed; the previous site is kept."""


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Order by file, then position; duplicates (same place, same message) dropped."""
    return sorted(set(problems))


def counts(problems: Iterable[Problem]) -> tuple[int, int]:
    errors = warnings = 0
    for problem in problems:
        if problem.severity == ERROR:
            errors += 1
        else:
            warnings += 1
    return errors, warnings


def summary_line(problems: list[Problem]) -> str:
    errors, warnings = counts(problems)
    return f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"


def step_summary(problems: list[Problem]) -> str:
    """A Markdown table for $GITHUB_STEP_SUMMARY (GitHub shows only 10 annotations a step)."""
    lines = ["## Dossier check", "", summary_line(problems), ""]
    if problems:
        lines += ["| Location | Severity | Message |", "| --- | --- | --- |"]
        for p in problems:
            where = md_code(f"{p.path}:{p.line}:{p.col}")
            lines.append(f"| {where} | {p.severity} | {md_text(p.message)} |")
    return "\n".join(lines) + "\n"


# What Markdown (CommonMark and GitHub's extensions: tables, strikethrough, autolinks) acts on
# within a line; a backslash shows each as itself. `:` and `www.` only where an autolink may begin.
_MD_LIVE = re.compile(r"[\\`*_\[\]!#|~{}]|:(?=\S)|(?<=[wW]{3})\.")
_MD_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# GitHub finds mentions and issue references in the rendered text, where escapes are gone.
_REFERENCE = re.compile(r"(?<=[@#])(?=[0-9A-Za-z])")


def md_cell(text: str) -> str:
    """`text` as inert Markdown on one line (a table cell, a sentence of a summary or a pull-request
    comment): control characters shown escaped; no link, image, heading, emphasis, code or
    autolink (a backslash before each mark); `&`, `<`, `>` as entities (no HTML); an invisible
    word joiner after `@` and `#` so that no one is mentioned and nothing is referenced."""
    out = _MD_LIVE.sub(lambda m: "\\" + m.group(), one_line(text))
    out = "".join(_MD_HTML.get(char, char) for char in out)
    return _REFERENCE.sub("\u2060", out)


def md_code(text: str) -> str:
    """`text` as a Markdown code span in a table cell: nothing in it is live but the span's end
    and the cell's `|`, so backticks become apostrophes and `|` is escaped (GitHub's tables split
    cells before code spans are read)."""
    return "`" + one_line(text).replace("`", "'").replace("|", "\\|") + "`"


def md_text(text: str) -> str:
    """A message as inert Markdown on one line, its backtick-quoted values as code spans and the
    rest as `md_cell` text. A value holding a backtick only shifts which parts are code: every
    part is inert either way."""
    parts = text.split("`")
    if len(parts) % 2 == 0:  # an unpaired backtick: the last part is text
        parts[-2:] = [parts[-2] + "'" + parts[-1]]
    return "".join(md_code(p) if i % 2 else md_cell(p) for i, p in enumerate(parts))


class InputError(DossierError):
    """An input file cannot be read as one (missing, a folder, outside the root, too big)."""

    def __init__(self, path: str, message: str):
        super().__init__(f"{one_line(path)}: {message}")
        self.problem = Problem(path, 1, 1, ERROR, message)


class OutputError(DossierError):
    """A generated folder cannot be written safely or at all (a link, foreign files, a full disk)."""


class BuildLocked(OutputError):
    """Another build holds the lock on this dossier."""


# What a message never prints as it stands: C0/C1 controls, line breaks, direction overrides and
# isolates, invisible format characters, noncharacters and lone surrogates.
_NONCHARS = "\ufdd0-\ufdef" + "".join(f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}" for p in range(17))
_UNSHOWN = re.compile(
    f"[\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029\\u061c\\u200b-\\u200f\\u202a-\\u202e"
    f"\\u2060-\\u2069\\ufeff\\ud800-\\udfff{_NONCHARS}]"
)


def _escaped(char: str) -> str:
    simple = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}.get(char)
    if simple:
        return simple
    point = ord(char)
    if point < 0x100:
        return f"\\x{point:02x}"
    return f"\\u{point:04x}" if point < 0x10000 else f"\\U{point:08x}"


def one_line(text: str) -> str:
    """`text` with every control, line-break and direction character escaped (`\\x07`, `\\u202e`)."""
    return _UNSHOWN.sub(lambda m: _escaped(m.group()), text)


def echo(value: str, limit: int = 60) -> str:
    """A user's value as a message quotes it: one line, control and direction characters (and the
    backslash) escaped as `one_line` does, at most `limit` characters then `…`. Reads no more of
    `value` than it shows, so a huge value costs nothing."""
    out: list[str] = []
    size = 0
    for char in value:  # stops after at most `limit` characters: every piece is at least one
        piece = "\\\\" if char == "\\" else _escaped(char) if _UNSHOWN.match(char) else char
        if size + len(piece) > limit:
            return "".join(out) + "…"
        out.append(piece)
        size += len(piece)
    return "".join(out)


def os_error_message(exc: OSError, path: str) -> str:
    """An OSError as the one line a user can act on (a full disk, a read-only folder...)."""
    where = one_line(path)
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return f"disk full while writing {where}: free some space and build again"
    if code in (errno.EACCES, errno.EPERM):
        return f"permission denied on {where}: check who owns it and its permissions, then build again"
    if code == errno.EROFS:
        return f"{where} is on a read-only file system: build in a writable copy"
    if code == errno.ENOTDIR:
        return f"{where}: a file stands where a folder is expected: remove or rename it"
    if code == errno.EISDIR:
        return f"{where}: a folder stands where a file is expected: remove or rename it"
    if code == errno.ELOOP:
        return f"{where}: is a symbolic link where none is allowed: replace it with the file or folder itself"
    if code == errno.ENOENT:
        return f"{where}: does not exist: create it or fix the name"
    if code == errno.ENAMETOOLONG:
        return f"{where}: the name is too long for the file system: shorten it"
    if code in (errno.EMFILE, errno.ENFILE):
        return f"too many open files while using {where}: close other programs and build again"
    problem = exc.strerror or "cannot be accessed"
    return f"{where}: {problem}: check the disk and the folder's permissions, then build again"
