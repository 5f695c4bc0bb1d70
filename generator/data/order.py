"""What is certain about the order of claims: the one place every view asks.

An item is `(claim_id, interval, occasion)`: `interval` None when the date is unknown, `occasion`
None when the claim names none. A *unit* is one claim, or every claim of one occasion (one answer,
interview or statement: simultaneous, whatever their written dates allow). One unit is certainly
before another when a chain of these steps leads from it to the other:

- the dates: both dated, and every day the first can mean precedes every day the second can mean;
- a stated ordering: a curator's record that a text states the order (`said: {before: ...}` or
  `after:`), given to the functions here as `Stated`.

`certainly_before(a, b, stated)` is the only rule; everything else here is built on it: the sequence
of groups a view may join with arrows, the stance changes it may mark, and the claims that may be
an actor's latest. The dates alone are an interval order, and the functions keep their sweeps for
it. A stated ordering adds pairs only where one side is a unit it names (an *endpoint*): if `a` is
dated before endpoint `x`, `x` is (through any chain) before `y`, and `y` is dated before `b`, then
`x` cannot start after `y` ends (that would be a cycle), so `a` ends before `b` starts and the dates
alone order them. A group of claims none of which is an endpoint is therefore ordered by the dates
alone; one that holds an endpoint is ordered by the whole relation (`_Later`).

The relation is a strict partial order as long as the stated orderings and the dates make no cycle:
validation refuses any ordering that would close one (`cycles` finds them), and `stated` raises.

An uncertain date (EDTF `?` or `%`: "the source may be wrong") orders nothing: its bounds are what
the text would mean if the inference holds, so it is shown, but `placed` drops it before any rule
here, and the claim is ordered as an undated one is (with nothing). An approximate date (`~`) keeps
its bounds: the days the text names, "about".
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from .dates import Interval
from .latest import latest
from .ordergraph import Graph, Item, Key, Pair, Step, union, unit

GroupKind = Literal["one", "occasion", "uncertain", "undated"]
MAX_CYCLES = 20  # cycles `cycles` reports: each costs a pass over the graph, and one is enough to act on


def placed(interval: Interval | None) -> Interval | None:
    """The interval the order rules may use: None for an undated or uncertainly dated claim."""
    return None if interval is None or interval.uncertain else interval


def _placed(items: Sequence[Item]) -> list[Item]:
    return [(cid, placed(interval), occasion) for cid, interval, occasion in items]


def dated_before(a: Item, b: Item) -> bool:
    """True when the dates alone put `a` before `b`: both dated, wholly before, not one unit."""
    ia, ib = placed(a[1]), placed(b[1])
    return ia is not None and ib is not None and ia.upper < ib.lower and unit(a) != unit(b)


def certainly_before(a: Item, b: Item, stated: Stated | None = None) -> bool:
    """True when claim `a` was certainly said before claim `b`: by the dates, or (given `stated`)
    by a chain of stated orderings and dates."""
    a, b = _placed((a, b))
    if unit(a) == unit(b):
        return False
    if dated_before(a, b):
        return True
    if stated is None:
        return False
    bits, least = stated.after(a)
    n = stated.index.get(unit(b))
    return (n is not None and bits >> n & 1 == 1) or (b[1] is not None and least < b[1].lower)


@dataclass(frozen=True)
class Stated:
    """What the stated orderings add to the dates. `keys` are the endpoints (dated ones first, by
    their first day), `index` their positions. From each endpoint (`from_unit`) and from each point
    in time (`from_time[j]`: any claim that ends before `lowers[j]`, the j-th dated endpoint's first
    day), what is certainly later: the endpoints, as a bit set over `keys`, and the earliest last day
    among them (`date.max`: none dated), since whatever starts after that day is later too."""

    keys: tuple[Key, ...]
    index: Mapping[Key, int]
    lowers: tuple[dt.date, ...]
    from_unit: tuple[tuple[int, dt.date], ...]
    from_time: tuple[tuple[int, dt.date], ...]

    def after(self, item: Item) -> tuple[int, dt.date]:
        """The endpoints certainly after `item` (bits) and the earliest last day among them."""
        bits, least = 0, dt.date.max
        n = self.index.get(unit(item))
        if n is not None:
            bits, least = self.from_unit[n]
        if item[1] is not None:
            j = bisect.bisect_right(self.lowers, item[1].upper)
            if j < len(self.lowers):
                more, day = self.from_time[j]
                bits, least = bits | more, min(least, day)
        return bits, least


NO_STATED = Stated((), {}, (), (), ())


def stated(items: Sequence[Item], pairs: Sequence[Pair]) -> Stated:
    """The stated orderings `pairs` over the claims `items` (every claim: a chain may pass through
    claims no view lists together). Raises ValueError for an unknown claim or a cycle."""
    if not pairs:
        return NO_STATED
    graph = Graph(_placed(items), pairs)
    order = graph.topological()
    if order is None:
        raise ValueError("the stated orderings and the dates make a cycle")
    k = len(graph.keys)
    bits = [0] * len(graph.succ)
    least = [dt.date.max] * len(graph.succ)
    for v in reversed(order):
        for w, _ in graph.succ[v]:
            bits[v] |= bits[w] | (1 << w if w < k else 0)
            last = graph.uppers[w] if w < k else None
            least[v] = min(least[v], least[w], last or dt.date.max)
    return Stated(
        graph.keys,
        {key: n for n, key in enumerate(graph.keys)},
        graph.lowers,
        tuple(zip(bits[:k], least[:k], strict=True)),
        tuple(zip(bits[k:], least[k:], strict=True)),
    )


def cycles(items: Sequence[Item], pairs: Sequence[Pair]) -> list[tuple[int, tuple[Step, ...]]]:
    """The cycles the stated orderings make with each other and with the dates, each as (the index
    of the pair that closes it: the last one written, its steps in order), at most MAX_CYCLES; the
    pairs named are left out of the search for the next. No cycle: an empty list."""
    graph = Graph(_placed(items), pairs)
    found: list[tuple[int, tuple[Step, ...]]] = []
    while len(found) < MAX_CYCLES and graph.topological() is None:
        steps = graph.cycle()
        blame = max(n for _, _, n in steps if n is not None)  # dates alone make no cycle
        found.append((blame, steps))
        graph.drop(blame)
    return found


@dataclass(frozen=True)
class Group:
    """Claims a view shows together: one claim; claims of one occasion (simultaneous); claims whose
    order is uncertain; or the undated claims that nothing places (ordered with nothing)."""

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


def _touched(items: Sequence[Item], stated: Stated | None) -> bool:
    return stated is not None and any(unit(item) in stated.index for item in items)


def sequence(items: Sequence[Item], stated: Stated | None = None) -> tuple[Group, ...]:
    """The claims as groups in certain order, oldest first: every claim of a group other than the
    undated one is certainly before every claim of each later group; within a group no order is
    shown. The undated claims that nothing orders come last, as a group of their own.

    By the dates alone, claims are swept by start (occasions merged into units first): a unit that
    starts after every day the current group can reach begins a new group. Units sorted by start,
    so each later unit starts later still: the new group is after all of the current one.
    """
    _check_ids(items)
    items = _placed(items)
    if _touched(items, stated):
        return _Later(items, stated or NO_STATED).sequence()
    groups: list[Group] = []
    current: list[_Unit] = []
    reach = dt.date.min
    for u in _units(items):
        if current and u.lower > reach:
            groups.append(_group(current))
            current = []
        current.append(u)
        reach = u.upper if len(current) == 1 else max(reach, u.upper)
    if current:
        groups.append(_group(current))
    undated = tuple(sorted(cid for cid, interval, _ in items if interval is None))
    if undated:
        groups.append(Group(undated, "undated"))
    return tuple(groups)


def _group(units: Sequence[_Unit]) -> Group:
    ids = tuple(cid for u in units for cid in u.ids)
    if len(units) == 1:
        return Group(ids, "one" if len(ids) == 1 else "occasion")
    return Group(ids, "uncertain")


def changes(
    items: Sequence[tuple[str, Interval | None, str | None, str]], stated: Stated | None = None
) -> dict[str, str]:
    """Stance changes a view may mark, as {later claim id: the stance it changed from}: between two
    neighbouring ordered groups of `sequence`, each taking one stance, different from the other's.
    Items are `(claim id, interval, occasion, stance)`. Inside a group, or next to a group of mixed
    stances, nothing is marked: whether, and when, the stance changed there is not known."""
    stance = {cid: value for cid, _, _, value in items}
    groups = sequence([(cid, i, o) for cid, i, o, _ in items], stated)
    ordered = [g for g in groups if g.kind != "undated"]
    out = {}
    for earlier, later in itertools.pairwise(ordered):
        before = {stance[c] for c in earlier.ids}
        after = {stance[c] for c in later.ids}
        if len(before) == len(after) == 1 and before != after:
            out.update({cid: next(iter(before)) for cid in later.ids})
    return out


def candidates(items: Sequence[Item], stated: Stated | None = None) -> tuple[tuple[str, ...], bool]:
    """The claims that may be the latest, and whether they are certainly the latest (one claim, or
    the claims of one occasion). Occasions are merged into units first (see `sequence`), undated
    ones too: the claims of one undated answer are one candidate, simultaneous like any other."""
    _check_ids(items)
    items = _placed(items)
    if _touched(items, stated):
        return _Later(items, stated or NO_STATED).candidates()
    units: list[tuple[tuple[str, ...], Interval | None]] = [(u.ids, _span(u.lower, u.upper)) for u in _units(items)]
    undated: dict[Key, list[str]] = {}  # undated claims of one occasion are one unit too
    for item in items:
        if item[1] is None:
            undated.setdefault(unit(item), []).append(item[0])
    units += [(tuple(sorted(ids)), None) for ids in undated.values()]
    by_unit = {ids[0]: ids for ids, _ in units}
    found = latest([(ids[0], span, "") for ids, span in units])
    ids = tuple(cid for key in found.candidates for cid in by_unit[key])
    return ids, len(found.candidates) == 1


def _span(lower: dt.date, upper: dt.date) -> Interval:
    return Interval("", lower, upper, False, False, "interval")


class _Later:
    """One view's claims under the whole relation (a group that holds an endpoint). Its units are
    numbered dated first, by first day, then undated; `later[u]` is the set (bits over those
    numbers) of units certainly after unit u. If u is before v, everything after v is after u and v
    is not after itself, so `later[v]` is strictly smaller: sorting by its size, largest first, is
    an order every certain pair follows."""

    def __init__(self, items: Sequence[Item], stated: Stated) -> None:
        members: dict[Key, list[Item]] = {}
        for item in items:
            members.setdefault(unit(item), []).append(item)
        rows = []
        for key, found in members.items():
            span = union([i for _, i, _ in found])
            order = (0, span.lower, span.upper) if span else (1, dt.date.min, dt.date.min)
            rows.append((order, tuple(sorted(cid for cid, _, _ in found)), key, span))
        rows.sort(key=lambda row: (row[0], row[1]))
        self.ids = [ids for _, ids, _, _ in rows]
        self.spans = [span for *_, span in rows]
        self.keys = [key for _, _, key, _ in rows]
        self._lowers = [s.lower for s in self.spans if s is not None]
        self._ends = [(m, stated.index[key]) for m, key in enumerate(self.keys) if key in stated.index]
        self.later = [self._after(n, stated) for n in range(len(rows))]

    def _after(self, n: int, stated: Stated) -> int:
        span, key = self.spans[n], self.keys[n]
        occasion = key[1] if key[0] == "occasion" else None
        bits, least = stated.after((self.ids[n][0], span, occasion))
        # The dated units whose first day is after the last day of this one, or of one after it.
        day = min(least, span.upper if span else dt.date.max)
        out = ((1 << len(self._lowers)) - 1) & ~((1 << bisect.bisect_right(self._lowers, day)) - 1)
        for m, index in self._ends:
            if bits >> index & 1:
                out |= 1 << m
        return out & ~(1 << n)

    def sequence(self) -> tuple[Group, ...]:
        """Every dated unit, in the finest chain of groups the relation allows; then each undated
        unit that something orders, where it fits: after every unit of the groups before it and
        before every unit of the groups after it, as a group of its own or within one. An undated
        unit that fits nowhere stays with the undated: placing it would merge groups, and hide
        orders the dates prove."""
        numbers = range(len(self.ids))
        groups = self._chain([n for n in numbers if self.spans[n] is not None])
        earlier = 0
        for bits in self.later:
            earlier |= bits
        placed = {n for group in groups for n in group}
        for n in numbers:
            if self.spans[n] is None and (self.later[n] or earlier >> n & 1) and self._fit(groups, n):
                placed.add(n)
        undated = tuple(sorted(cid for n in numbers if n not in placed for cid in self.ids[n]))
        return tuple(self._group(g) for g in groups) + ((Group(undated, "undated"),) if undated else ())

    def _fit(self, groups: list[list[int]], n: int) -> bool:
        """Put unit n into the chain where it fits (see `sequence`); False when it fits nowhere."""
        before = 0  # the leading groups whose every unit is before n
        common = -1
        for group in groups:
            for m in group:
                common &= self.later[m]
            if not common >> n & 1:
                break
            before += 1
        after = len(groups)  # the trailing groups whose every unit is after n
        while after > before and all(self.later[n] >> m & 1 for m in groups[after - 1]):
            after -= 1
        if after == before:
            groups.insert(before, [n])
        elif after == before + 1:
            groups[before].append(n)
        return after <= before + 1

    def _chain(self, numbers: list[int]) -> list[list[int]]:
        """The units `numbers` as the finest chain of groups, each wholly before the next."""
        among = sum(1 << n for n in numbers)
        chain = sorted(numbers, key=lambda n: (-(self.later[n] & among).bit_count(), n))
        groups: list[list[int]] = []
        common, rest = -1, among
        for n in chain:
            # Cut before n when every unit of the current group is before n and all after it.
            if groups and rest & ~common == 0:
                groups.append([])
                common = -1
            if not groups:
                groups.append([])
            groups[-1].append(n)
            common &= self.later[n]
            rest &= ~(1 << n)
        return groups

    def _group(self, numbers: list[int]) -> Group:
        ids = tuple(cid for n in sorted(numbers) for cid in self.ids[n])
        if len(numbers) == 1:
            return Group(ids, "one" if len(ids) == 1 else "occasion")
        return Group(ids, "uncertain")

    def candidates(self) -> tuple[tuple[str, ...], bool]:
        last = [n for n in range(len(self.ids)) if not self.later[n]]
        return tuple(cid for n in last for cid in self.ids[n]), len(last) == 1


def _check_ids(items: Sequence) -> None:
    seen: set[str] = set()
    for item in items:
        if item[0] in seen:
            raise ValueError(f"claim id `{item[0]}` appears twice")
        seen.add(item[0])
