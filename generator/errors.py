"""One problem type, its two output formats, and the project's few exceptions."""

from __future__ import annotations

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
        return f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message}"

    def github(self) -> str:
        # GitHub workflow commands: properties and data have different escaping rules.
        props = f"file={_gh_prop(self.path)},line={self.line},col={self.col}"
        return f"::{self.severity} {props}::{_gh_data(self.message)}"


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
            where = _md_cell(f"{p.path}:{p.line}:{p.col}")
            lines.append(f"| `{where}` | {p.severity} | {_md_cell(p.message)} |")
    return "\n".join(lines) + "\n"


def _md_cell(text: str) -> str:
    # A table cell must stay one inert line: escape what Markdown or HTML would act on.
    out = text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
    out = out.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return out.replace("`", "'")


md_cell = _md_cell  # for other Markdown tables (`dossier changes`)


class InputError(DossierError):
    """An input file cannot be read as one (missing, a folder, outside the root, too big)."""

    def __init__(self, path: str, message: str):
        super().__init__(f"{path}: {message}")
        self.problem = Problem(path, 1, 1, ERROR, message)
