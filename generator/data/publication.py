"""Rules that follow from the dossier's first publication and from occasions.

Corrections and old ids (`formerly`) exist for readers of a published dossier: a correction says
what changed in a claim they may have read, an old id keeps an address they may have linked.
Before the first publication there were no readers: history belongs to version control, and a
redirect page for an unpublished id would put back wording an editorial pass removed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

Finding = tuple[Any, tuple, str]  # (the item, the path inside it, the message)

SETTINGS_KEY = "dossier"


def published(settings: Any) -> str | None:
    """The day of the first publication from the settings file's data, None when never published
    (a malformed value is the schema's to report)."""
    block = settings.get(SETTINGS_KEY) if isinstance(settings, dict) else None
    value = block.get("published") if isinstance(block, dict) else None
    return value if isinstance(value, str) else None


def correction_findings(item: Any, data: dict, first: str | None) -> Iterator[Finding]:
    fixes = data.get("corrections")
    for c, fix in enumerate(fixes if isinstance(fixes, list) else ()):
        date = fix.get("date") if isinstance(fix, dict) else None
        if first is None:
            yield (
                item,
                ("corrections", c),
                "a correction, but the dossier has never been published: before publication, history belongs to "
                "version control; remove the entry, or record the first publication in content/dossier.yaml "
                "(`dossier: {published: YYYY-MM-DD}`) if it happened",
            )
        elif isinstance(date, str) and date < first:
            yield (
                item,
                ("corrections", c, "date"),
                f"a correction dated {date}, before the dossier's first publication ({first}): before publication, "
                "history belongs to version control; remove the entry",
            )


def formerly_findings(item: Any, data: dict, first: str | None) -> Iterator[Finding]:
    old = data.get("formerly")
    if first is not None or not isinstance(old, list):
        return
    for n, ident in enumerate(old):
        if isinstance(ident, str):
            yield (
                item,
                ("formerly", n),
                f"`formerly` names `{ident}`, but the dossier has never been published: only published ids keep "
                "their addresses, and before publication history belongs to version control; remove it",
            )


def occasion_findings(claims: list[tuple[Any, dict]], where_of) -> Iterator[Finding]:
    """Claims naming one occasion must have the same `said` date: they are simultaneous. Each
    later claim that differs from the first of its occasion is reported at its `occasion`.
    `where_of(item)` gives `FILE:LINE` of a claim, for the message."""
    first: dict[str, tuple[Any, dict]] = {}
    for item, data in claims:
        occasion = data.get("occasion")
        if not isinstance(occasion, str):
            continue
        if occasion not in first:
            first[occasion] = (item, data)
            continue
        other_item, other = first[occasion]
        mine, theirs = _said(data), _said(other)
        if mine != theirs:
            yield (
                item,
                ("occasion",),
                f"claims of one occasion are simultaneous, but this one is said {mine} and `{other.get('id')}` "
                f"({where_of(other_item)}), of the same occasion `{occasion}`, is said {theirs}: give them the same "
                "`said`, or name different occasions",
            )


def _said(data: dict) -> str:
    said = data.get("said")
    date = said.get("date") if isinstance(said, dict) else None
    return f"`{date}`" if isinstance(date, str) else "with no date"
