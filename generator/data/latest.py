"""Which of an actor's claims on a proposal is the latest, and where the stance certainly changed.

Input: one actor's claims on one proposal as `(claim_id, interval, stance)`, `interval` None when the
date is unknown. A claim is *certainly before* another when both are dated and every day the first
can mean precedes every day the second can mean (`a.upper < b.lower`). An undated claim is certainly
before or after nothing: it could have been said at any time.
"""

from __future__ import annotations

import datetime as dt
import heapq
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from .dates import Interval

Item = tuple[str, Interval | None, str]  # (claim id, when it was said or None, stance)


@dataclass(frozen=True)
class Latest:
    certain: str | None  # the claim every other claim certainly precedes; None when no claim is
    candidates: tuple[str, ...]  # the claims that may be the latest: dated by (lower, id), then undated by id


def latest(items: Sequence[Item]) -> Latest:
    """The claim that is certainly the latest, if one is, and every claim that may be.

    A claim c is certainly before *some* other claim exactly when c.upper < L, L the greatest lower
    bound among the *other* dated claims: the claim that starts latest is the hardest one to precede,
    so if c is not before it, c is before none. The two greatest lower bounds give L for every claim
    (the greatest, or the second for the claim that holds the greatest). Candidates are the claims for
    which that fails, plus every undated claim.

    The certain latest is the sole candidate, when there is exactly one. If c is certainly after
    every other claim, each other b has b.upper < c.lower <= (greatest lower bound besides b), so
    only c remains. Conversely, if c is the only candidate, each other claim b is before some d, d
    before some e, ...; the lower bounds rise strictly along such a chain, so it ends at a candidate,
    c, and b.upper < d.lower <= d.upper < ... < c.lower. An undated claim is always a candidate, so
    beside any other claim it leaves nothing certain; alone, it is the latest.

    Time: O(n) for the bounds (heapq.nlargest of 2) plus O(k log k) to order the k candidates.
    """
    _check_ids(items)
    dated = [(interval, cid) for cid, interval, _ in items if interval is not None]
    top = heapq.nlargest(2, ((interval.lower, cid) for interval, cid in dated))
    found = []
    for interval, cid in dated:
        others = [lower for lower, holder in top if holder != cid][:1]
        if not others or interval.upper >= others[0]:
            found.append((interval.lower, cid))
    undated = sorted(cid for cid, interval, _ in items if interval is None)
    candidates = tuple(cid for _, cid in sorted(found)) + tuple(undated)
    return Latest(candidates[0] if len(candidates) == 1 else None, candidates)


def shifts(items: Sequence[Item]) -> tuple[tuple[str, str], ...]:
    """Stance changes whose order is certain, as (earlier claim id, later claim id).

    A pair (a, b) is a shift when a is certainly before b, no claim c is certainly between them
    (a before c and c before b), and their stances differ. Undated claims never take part: an undated
    claim might lie between a and b, but whichever of them it matches, the stance still changed
    somewhere after a and by b, which is all a shift (a, b) says.

    b's immediate predecessors are found without comparing all pairs: sort the dated claims by upper
    bound; b's predecessors are the prefix with upper < b.lower (a bisection), and M, the greatest
    lower bound in that prefix, is a running maximum. A predecessor a has some c between it and b
    exactly when M > a.upper (c holds M), so the immediate ones are those with M <= a.upper <
    b.lower: a contiguous run of the sorted list, found by a second bisection.

    Time: O(n log n) plus the pairs examined, which is the number of immediate pairs: linear in a
    plain sequence of statements, quadratic only for two large groups of mutually overlapping dates.
    Order: by the later claim (lower bound, id), then the earlier claim (lower bound, id).
    """
    _check_ids(items)
    dated = sorted(
        ((interval, cid, stance) for cid, interval, stance in items if interval is not None),
        key=lambda d: (d[0].upper, d[0].lower, d[1]),
    )
    uppers = [interval.upper for interval, _, _ in dated]
    running_max: list[dt.date] = []
    for interval, _, _ in dated:
        running_max.append(max(running_max[-1], interval.lower) if running_max else interval.lower)
    found = []
    for later, later_id, later_stance in dated:
        end = bisect_left(uppers, later.lower)  # dated[:end] are certainly before `later`
        if end == 0:
            continue
        start = bisect_left(uppers, running_max[end - 1], 0, end)
        for earlier, earlier_id, earlier_stance in dated[start:end]:
            if earlier_stance != later_stance:
                found.append(((later.lower, later_id, earlier.lower, earlier_id), (earlier_id, later_id)))
    return tuple(pair for _, pair in sorted(found))


def _check_ids(items: Sequence[Item]) -> None:
    # Results name claims by id, so two claims under one id would make them ambiguous.
    seen: set[str] = set()
    for cid, _, _ in items:
        if cid in seen:
            raise ValueError(f"claim id `{cid}` appears twice")
        seen.add(cid)
