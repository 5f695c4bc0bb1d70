"""Which of an actor's claims on a proposal may be the latest (`order.candidates` asks it, occasions merged).

Input: one actor's claims on one proposal as `(claim_id, interval, stance)`, `interval` None when the
date is unknown. A claim is *certainly before* another when both are dated and every day the first
can mean precedes every day the second can mean (`a.upper < b.lower`). An undated claim is certainly
before or after nothing: it could have been said at any time.
"""

from __future__ import annotations

import heapq
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


def _check_ids(items: Sequence[Item]) -> None:
    # Results name claims by id, so two claims under one id would make them ambiguous.
    seen: set[str] = set()
    for cid, _, _ in items:
        if cid in seen:
            raise ValueError(f"claim id `{cid}` appears twice")
        seen.add(cid)
