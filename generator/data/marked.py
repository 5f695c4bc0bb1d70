"""Data that remembers where each value stood in its YAML file (both readers build it)."""

from __future__ import annotations

MAX_DEPTH = 50  # the format nests five levels; deeper is a mistake or an attack

Mark = tuple[int, int]  # 1-based line and column


class MDict(dict):
    """A mapping that remembers where its keys and values stood."""

    __slots__ = ("key_marks", "mark", "value_marks")
    mark: Mark
    key_marks: dict[str, Mark]
    value_marks: dict[str, Mark]


class MList(list):
    """A sequence that remembers where its items stood."""

    __slots__ = ("item_marks", "mark")
    mark: Mark
    item_marks: list[Mark]
