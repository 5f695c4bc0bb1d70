"""What is certain about the order of claims: the one place every view asks.

An item is `(claim_id, interval, occasion)`: `interval` None when the date is unknown, `occasion`
None when the claim names none. `certainly_before(a, b)` is the only rule: both dated, every day `a`
can mean precedes every day `b` can mean, and not one occasion (claims of one answer, interview or
statement are simultaneous, whatever their written dates allow). Everything else here is built on
it: the sequence of groups a view may join with arrows, the stance changes it may mark, and the
claims that may be an actor's latest.

An uncertain date (EDTF `?` or `%`: "the source may be wrong") orders nothing: its bounds are what
the text would mean if the inference holds, so it is shown, but `placed` drops it before any rule
here, and the claim is ordered as an undated one is (with nothing). An approximate date (`~`) keeps
its bounds: the days the text names, "about".
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from .dates import Interval
from .latest import latest

Item = tuple[str, Interval | None, str | None]  # (claim id, when it was said or None, occasion or None)
GroupKind = Literal["one", "occasion", "uncertain", "undated"]


def placed(interval: Interval | None) -> Interval | None:
    """The interval the order rules may use: None for an undated or uncertainly dated claim."""
    return None if interval is None or interval.uncertain else interval


def _placed(items: Sequence[Item]) -> list[Item]:
    return [(cid, placed(interval), occasion) for cid, interval, occasion in items]


def certainly_before(a: Item, b: Item) -> bool:
    """True when claim `a` was certainly said before claim `b`."""
    _, ia, oa = a
    _, ib, ob = b
    ia, ib = placed(ia), placed(ib)
    if oa is not None and oa == ob:
        return False
    return ia is not None and ib is not None and ia.upper < ib.lower


@dataclass(frozen=True)
class Group:
    """Claims a view shows together: one claim; claims of one occasion (simultaneous); claims whose
    order is uncertain; or the undated claims (which no date places anywhere)."""

    ids: tuple[str, ...]
    kind: GroupKind


@dataclass(frozen=True)
class _Unit:
    ids: tuple[str, ...]
    lower: dt.date
    upper: dt.date
    occasion: str | None


def _units(items: Sequence[Item]) -> list[_Unit]:
    # Claims of one occasion form one unit spanning the union of their intervals: a unit lies wholly
    # before another only if each of its claims lies wholly before each of the other's.
    by_occasion: dict[str, list[Item]] = {}
    units = []
    for item in items:
        cid, interval, occasion = item
        if interval is None:
            continue
        if occasion is None:
            units.append(_Unit((cid,), interval.lower, interval.upper, None))
        else:
            by_occasion.setdefault(occasion, []).append(item)
    for occasion, members in by_occasion.items():
        lower = min(i.lower for _, i, _ in members if i)
        upper = max(i.upper for _, i, _ in members if i)
        units.append(_Unit(tuple(sorted(cid for cid, _, _ in members)), lower, upper, occasion))
    return sorted(units, key=lambda u: (u.lower, u.upper, u.ids))


def sequence(items: Sequence[Item]) -> tuple[Group, ...]:
    """The claims as groups in certain order, oldest first: every claim of a dated group is certainly
    before every claim of each later dated group; within a group no order is shown. The undated
    claims come last, as a group of their own that is ordered with nothing.

    Dated claims are swept by start (occasions merged into units first): a unit that starts after
    every day the current group can reach begins a new group. Units sorted by start, so each later
    unit starts later still: the new group is after all of the current one.
    """
    _check_ids(items)
    items = _placed(items)
    groups: list[Group] = []
    current: list[_Unit] = []
    reach = dt.date.min
    for unit in _units(items):
        if current and unit.lower > reach:
            groups.append(_group(current))
            current = []
        current.append(unit)
        reach = unit.upper if len(current) == 1 else max(reach, unit.upper)
    if current:
        groups.append(_group(current))
    undated = tuple(sorted(cid for cid, interval, _ in items if interval is None))
    if undated:
        groups.append(Group(undated, "undated"))
    return tuple(groups)


def _group(units: list[_Unit]) -> Group:
    ids = tuple(cid for u in units for cid in u.ids)
    if len(units) == 1:
        return Group(ids, "one" if len(ids) == 1 else "occasion")
    return Group(ids, "uncertain")


def changes(items: Sequence[tuple[str, Interval | None, str | None, str]]) -> dict[str, str]:
    """Stance changes a view may mark, as {later claim id: the stance it changed from}: between two
    neighbouring dated groups of `sequence`, each taking one stance, different from the other's.
    Items are `(claim id, interval, occasion, stance)`. Inside a group, or next to a group of mixed
    stances, nothing is marked: whether, and when, the stance changed there is not known."""
    stance = {cid: value for cid, _, _, value in items}
    dated = [g for g in sequence([(cid, i, o) for cid, i, o, _ in items]) if g.kind != "undated"]
    out = {}
    for earlier, later in itertools.pairwise(dated):
        before = {stance[c] for c in earlier.ids}
        after = {stance[c] for c in later.ids}
        if len(before) == len(after) == 1 and before != after:
            out.update({cid: next(iter(before)) for cid in later.ids})
    return out


def candidates(items: Sequence[Item]) -> tuple[tuple[str, ...], bool]:
    """The claims that may be the latest, and whether they are certainly the latest (one claim, or
    the claims of one occasion). Occasions are merged into units first (see `sequence`), undated
    ones too: the claims of one undated answer are one candidate, simultaneous like any other."""
    _check_ids(items)
    items = _placed(items)
    units = _units(items)
    by_unit = {u.ids[0]: u.ids for u in units}
    merged: list[tuple[str, Interval | None, str]] = [(u.ids[0], _span(u), "") for u in units]
    undated: dict[tuple[str, str], list[str]] = {}
    for cid, interval, occasion in items:
        if interval is None:
            undated.setdefault(("occasion", occasion) if occasion else ("claim", cid), []).append(cid)
    for members in undated.values():
        ids = tuple(sorted(members))
        by_unit[ids[0]] = ids
        merged.append((ids[0], None, ""))
    found = latest(merged)
    ids = tuple(cid for key in found.candidates for cid in by_unit.get(key, (key,)))
    return ids, len(found.candidates) == 1


def _span(unit: _Unit) -> Interval:
    return Interval("", unit.lower, unit.upper, False, False, "interval")


def _check_ids(items: Sequence) -> None:
    seen: set[str] = set()
    for item in items:
        if item[0] in seen:
            raise ValueError(f"claim id `{item[0]}` appears twice")
        seen.add(item[0])
