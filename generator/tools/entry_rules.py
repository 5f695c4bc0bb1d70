"""What `check` refuses in a new source entry, refused by `add-source` before anything is written:
characters a line may not hold (control, direction and line-break characters, noncharacters) in
the id, the title (given or the text's first line) and the language, and an id whose page would
replace a generated one."""

from __future__ import annotations

from ..data.hygiene import text_problem
from ..errors import UsageError, echo

RESERVED = ("index",)  # sources/index.md is the sources' listing


def refuse(fields: dict, given: dict[str, bool]) -> None:
    """Raises a UsageError for the first field `check` would refuse. `given` says which fields
    came from an option (--id, --title) rather than from the file."""
    for key, option in (("id", "--id"), ("title", "--title"), ("language", "--language")):
        value = str(fields.get(key) or "")
        wrong = text_problem(value, block=False)
        if wrong:
            what = f"{option} `{echo(value)}`" if given.get(key, True) else _derived(key, value)
            fix = "" if given.get(key, True) else f"; or give one with {option}"
            raise UsageError(f"{what} {wrong}{fix}")
    ident = fields.get("id")
    if isinstance(ident, str) and ident.casefold() in RESERVED:
        what = f"--id `{ident}`" if given.get("id", True) else _derived("id", ident)
        raise UsageError(f"{what} is reserved: its page would replace the sources' listing; choose another with --id")


def _derived(key: str, value: str) -> str:
    if key == "id":
        return f"the id made from the file's name, `{echo(value)}`,"
    return f"the text's first line (the default title), `{echo(value)}`,"
