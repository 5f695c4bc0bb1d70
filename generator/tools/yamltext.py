"""Writing YAML as text: one scalar at a time, so appended entries never disturb a file."""

from __future__ import annotations

import json
import re

import yaml

# What YAML may hold literally (its "printable" set); anything else is written as an escape,
# or the file would no longer load.
_NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def quoted(value: str) -> str:
    """A double-quoted YAML scalar that reads back as exactly `value` (never a date, a number
    or a boolean, whatever the text)."""
    text = json.dumps(value, ensure_ascii=False)  # JSON strings are YAML double-quoted scalars
    return _NOT_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def one_line(text: str) -> str:
    """White space collapsed: for comments and messages."""
    return " ".join(text.split())


_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]*")


def scalar(value: str) -> str:
    """`value` plain where YAML reads it back as the same text (an id, a file name), else quoted
    (`2024`, `no`, a sha256 of digits only, any text with spaces or punctuation)."""
    if _PLAIN.fullmatch(value) and yaml.safe_load(f"k: {value}") == {"k": value} and not _looks_like_date(value):
        return value
    return quoted(value)


def _looks_like_date(value: str) -> bool:
    # The dossier's loader keeps a YAML date as its text but flags it outside date fields.
    return bool(re.fullmatch(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*", value))
