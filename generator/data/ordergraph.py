"""The graph `order.stated` and `order.cycles` work on: the units that stated orderings name, and
the dates between them in O(k) edges instead of O(k²). Only `order.py` uses it: it finds paths and
cycles, and decides nothing about what is certain."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections.abc import Sequence

from .dates import Interval

Item = tuple[str, Interval | None, str | None]  # (claim id, when it was said or None, occasion or None)
Key = tuple[str, str]  # a unit: ("claim", id) or ("occasion", slug)
Pair = tuple[str, str]  # (earlier claim id, later claim id), as a text states it
Step = tuple[Key, Key, int | None]  # one step of a cycle: from, to, the stated pair's index (None: the dates)


def unit(item: Item) -> Key:
    """The unit a claim belongs to: its occasion, or itself."""
    cid, _, occasion = item
    return ("occasion", occasion) if occasion is not None else ("claim", cid)


class Graph:
    """Endpoints (0..k-1: dated by first day, then undated) and one node per dated endpoint's first
    day (k+j): day node j leads to endpoint j and to day node j+1, and an endpoint leads to the first
    day node after its last day. So a path through day nodes is exactly "wholly before by the
    dates", with O(k) edges instead of O(k²)."""

    def __init__(self, items: Sequence[Item], pairs: Sequence[Pair]) -> None:
        by_id = {item[0]: item for item in items}
        spans: dict[Key, list[Interval | None]] = {}
        for cid in dict.fromkeys(c for pair in pairs for c in pair):
            if cid not in by_id:
                raise ValueError(f"claim id `{cid}` is not among the items")
        named = {unit(by_id[c]) for pair in pairs for c in pair}
        for item in items:  # a unit spans all its claims' dates, as in `_units`
            if unit(item) in named:
                spans.setdefault(unit(item), []).append(item[1])
        span = {key: union(found) for key, found in spans.items()}
        dated = sorted((s.lower, s.upper, key) for key, s in span.items() if s is not None)
        self.keys = tuple(key for *_, key in dated) + tuple(sorted(key for key, s in span.items() if s is None))
        self.lowers = tuple(lower for lower, _, _ in dated)
        self.uppers: list[dt.date | None] = [upper for _, upper, _ in dated] + [None] * (len(self.keys) - len(dated))
        k, m = len(self.keys), len(dated)
        at = {key: n for n, key in enumerate(self.keys)}
        self.succ: list[list[tuple[int, int | None]]] = [[] for _ in range(k + m)]
        for j in range(m):
            self.succ[k + j].append((j, None))
            if j + 1 < m:
                self.succ[k + j].append((k + j + 1, None))
            first = bisect.bisect_right(self.lowers, self.uppers[j] or dt.date.max)
            if first < m:
                self.succ[j].append((k + first, None))
        for n, (earlier, later) in enumerate(pairs):
            self.succ[at[unit(by_id[earlier])]].append((at[unit(by_id[later])], n))

    def drop(self, pair: int) -> None:
        self.succ = [[(w, n) for w, n in edges if n != pair] for edges in self.succ]

    def topological(self) -> list[int] | None:
        """The nodes in an order every edge follows (Kahn's); None when there is a cycle."""
        indegree = [0] * len(self.succ)
        for edges in self.succ:
            for w, _ in edges:
                indegree[w] += 1
        ready = [v for v, d in enumerate(indegree) if d == 0]
        order = []
        while ready:
            v = ready.pop()
            order.append(v)
            for w, _ in self.succ[v]:
                indegree[w] -= 1
                if indegree[w] == 0:
                    ready.append(w)
        return order if len(order) == len(self.succ) else None

    def cycle(self) -> tuple[Step, ...]:
        """One cycle, as steps between endpoints (a run of day nodes is one step by the dates)."""
        on_cycle = self._cycle_nodes()
        k, steps, start = len(self.keys), [], 0
        while on_cycle[start] >= k:  # start at an endpoint: a cycle holds one (day nodes only go forward)
            start += 1
        rotated = on_cycle[start:] + on_cycle[:start] + [on_cycle[start]]
        origin = rotated[0]
        for v, w in itertools.pairwise(rotated):
            if w >= k:
                continue
            label = next((n for x, n in self.succ[v] if x == w and n is not None), None) if v < k else None
            steps.append((self.keys[origin], self.keys[w], label))
            origin = w
        return tuple(steps)

    def _cycle_nodes(self) -> list[int]:
        # Depth-first with colors (iterative): the first edge back into the path closes a cycle.
        color = [0] * len(self.succ)  # 0 new, 1 on the path, 2 done
        for root in range(len(self.succ)):
            if color[root]:
                continue
            path, stack = [root], [iter(self.succ[root])]
            color[root] = 1
            while stack:
                nxt = next(stack[-1], None)
                if nxt is None:
                    color[path.pop()] = 2
                    stack.pop()
                elif color[nxt[0]] == 1:
                    return path[path.index(nxt[0]) :]
                elif color[nxt[0]] == 0:
                    color[nxt[0]] = 1
                    path.append(nxt[0])
                    stack.append(iter(self.succ[nxt[0]]))
        raise AssertionError("no cycle")  # called only after topological() found one


def union(intervals: list[Interval | None]) -> Interval | None:
    """Every day any of the intervals can mean, as one interval (None: none is dated)."""
    dated = [i for i in intervals if i is not None]
    if not dated:
        return None
    return Interval("", min(i.lower for i in dated), max(i.upper for i in dated), False, False, "interval")
