"""Writing YAML as text: one scalar at a time, so appended entries never disturb a file."""

from __future__ import annotations

import json
import re

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
