"""YAML out: plain dicts and lists written by PyYAML, below the editor modeline.

PyYAML quotes any string that YAML would otherwise read as another type (`'2024-10-18'`, `'yes'`,
`'2024'`), escapes what needs escaping and folds long lines only where folding reads back the same,
so every evidence text round-trips exactly; a test loads the files back to confirm it.
"""

from __future__ import annotations

from typing import Any

import yaml

MODELINE = "# yaml-language-server: $schema="  # what `dossier check` expects on the first line
SCHEMA = "generator/schema/dossier.schema.json"  # relative, as in the repository; editors only
WIDTH = 100  # where PyYAML folds long values


class Date(str):
    """A date as text: `2024-10-18`, `2024-10` or `2024`. Always written quoted, so the files show
    every date alike; PyYAML alone would quote only the first and last forms."""


class Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """PyYAML's safe dumper (libyaml's emitter when PyYAML has it: several times faster)."""


def _date(dumper: yaml.SafeDumper, value: Date) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style="'")


Dumper.add_representer(Date, _date)


def compact(record: dict[str, Any]) -> dict[str, Any]:
    """The record without its empty fields (an actor with no roles has no `roles:`)."""
    return {key: value for key, value in record.items() if value is not None and value != [] and value != {}}


def document(key: str, items: list[dict[str, Any]], schema: str = SCHEMA) -> bytes:
    """A dossier file: the modeline, then `key:` and the items, a blank line between them."""
    body = yaml.dump(
        {key: [compact(item) for item in items]}, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=WIDTH
    )
    # A top-level item is the only line that starts with "- " (everything inside one is indented,
    # continuation lines of long values too), so this separates the items and nothing else.
    body = body.replace("\n- ", "\n\n- ").replace(f"{key}:\n\n", f"{key}:\n", 1)
    return f"{MODELINE}{schema}\n{body}".encode()
