"""generator.data.order: what is certain about the order of claims, and every view that asks it.

The property tests generate random sets of intervals (short, overlapping, open-ended, undated) and
occasions, build a real Dossier from them, and check what the model and the views hand to pages:
no arrow (a step boundary), no "changed" mark and no certain "latest" across a pair of claims
whose order the dates do not prove; claims of one occasion are never apart and never a shift.
"""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.data.dates import Interval, parse
from generator.data.model import Claim, Dating, Dossier, Stance
from generator.data.order import candidates, certainly_before, changes, sequence
from generator.site import views

BASE = dt.date(2022, 1, 1)


def _item(cid, date, occasion=None):
    return (cid, parse(date) if date else None, occasion)


def test_certainly_before_needs_every_day_of_one_before_every_day_of_the_other():
    assert certainly_before(_item("a", "2022-01"), _item("b", "2022-02-01"))
    assert not certainly_before(_item("a", "2022-02"), _item("b", "2022-02-28"))
    assert not certainly_before(_item("a", "2022-02/.."), _item("b", "2022-08/.."))  # the case
    assert not certainly_before(_item("a", None), _item("b", "2030"))
    assert not certainly_before(_item("a", "2022-01", "talk"), _item("b", "2022-03", "talk"))


def test_sequence_groups_overlapping_dates_and_orders_the_groups():
    items = [
        _item("feb-on", "2022-02/.."),
        _item("aug-on", "2022-08/.."),
        _item("jan", "2021-01"),
        _item("undated", None),
    ]
    assert [(g.ids, g.kind) for g in sequence(items)] == [
        (("jan",), "one"),
        (("feb-on", "aug-on"), "uncertain"),
        (("undated",), "undated"),
    ]


def test_claims_of_one_occasion_are_one_step_and_never_a_shift():
    items = [("a", parse("2024-10-18"), "kyodo", "supports"), ("b", parse("2024-10"), "kyodo", "opposes")]
    assert [(g.ids, g.kind) for g in sequence([i[:3] for i in items])] == [(("a", "b"), "occasion")]
    assert changes(items) == {}
    assert candidates([i[:3] for i in items]) == (("a", "b"), True)


def test_a_change_is_marked_only_between_single_stance_steps():
    items = [
        ("jan", parse("2022-01"), None, "supports"),
        ("mar", parse("2022-03"), None, "opposes"),
        ("mar-b", parse("2022-03-10"), None, "open"),  # overlaps mar: a step of mixed stances
        ("jun", parse("2022-06"), None, "supports"),
        ("sep", parse("2022-09"), None, "opposes"),
    ]
    assert changes(items) == {"sep": "supports"}


# -- properties: no view shows an order the dates do not prove -------------------------------------


@st.composite
def intervals(draw) -> Interval | None:
    """Short intervals in a narrow window, so overlaps, ties and chains are all common."""
    if draw(st.integers(0, 6)) == 0:
        return None
    lower = BASE + dt.timedelta(days=draw(st.integers(0, 40)))
    upper = lower + dt.timedelta(days=draw(st.integers(0, 8)))
    ends = draw(st.sampled_from(["closed"] * 8 + ["open-start", "open-end"]))
    lower = dt.date.min if ends == "open-start" else lower
    upper = dt.date.max if ends == "open-end" else upper
    return Interval("t", lower, upper, False, False, "interval" if ends == "closed" else ends)


ROWS = st.lists(
    st.tuples(
        intervals(),
        st.sampled_from(["a1", "a2"]),
        st.sampled_from(["supports", "opposes", "open"]),
        st.sampled_from([None, None, None, "talk", "interview"]),
    ),
    max_size=12,
)


def _dossier(rows) -> Dossier:
    claims = {}
    for n, (interval, actor, value, occasion) in enumerate(rows):
        stance = Stance("p", value, (1,), "quoted")
        said = Dating(interval.text if interval else None, "stated" if interval else "unknown", None, interval)
        claims[f"c{n}"] = Claim(f"c{n}", actor, (stance,), said, "s", (), occasion=occasion)
    return Dossier({}, {}, {}, claims)


def _before(a: Claim, b: Claim) -> bool:
    # The rule, restated from the definition, not called: both dated, wholly before, not one occasion.
    if a.occasion is not None and a.occasion == b.occasion:
        return False
    ia, ib = a.said.interval, b.said.interval
    return ia is not None and ib is not None and ia.upper < ib.lower


@settings(max_examples=400, deadline=None)
@given(ROWS)
def test_no_arrow_or_change_across_an_uncertain_pair(rows):
    d = _dossier(rows)
    for (actor, proposal), steps in d.steps.items():
        dated = [s for s in steps if s.kind != "undated"]
        # An arrow stands between neighbouring dated steps: every pair across it is certain.
        for earlier, later in itertools.combinations(dated, 2):
            for a, b in itertools.product(earlier.positions, later.positions):
                assert _before(a.claim, b.claim), (a.claim.id, b.claim.id)
        # Undated claims are in no dated step; one occasion is never split across steps.
        assert all(p.claim.said.interval is None for s in steps if s.kind == "undated" for p in s.positions)
        step_of = {p.claim.id: n for n, s in enumerate(steps) for p in s.positions}
        for a, b in itertools.combinations([p.claim for s in dated for p in s.positions], 2):
            if a.occasion is not None and a.occasion == b.occasion:
                assert step_of[a.id] == step_of[b.id]
        # "Changed from X": every claim of the step before is certainly earlier and takes X.
        for n, step in enumerate(steps):
            for point in step.positions:
                if point.shift_from is None:
                    continue
                assert step.kind != "undated" and n > 0
                before = steps[n - 1].positions
                assert all(_before(p.claim, point.claim) and p.stance.value == point.shift_from for p in before)
                assert point.stance.value != point.shift_from
                assert step.changed_from == point.shift_from
        assert d.has_shift(actor, proposal) == any(p.shift_from for s in steps for p in s.positions)


@settings(max_examples=400, deadline=None)
@given(ROWS)
def test_the_latest_is_certain_only_when_the_dates_prove_it(rows):
    d = _dossier(rows)
    for actor, proposal in d.history:
        points = d.history[(actor, proposal)]
        current = d.current(actor, proposal)
        shown = {p.claim.id for p in current.positions}
        # A claim left out is certainly before another. Without occasions every other claim is shown;
        # an occasion spans the union of its claims' dates, which may keep one more claim in view.
        plain = all(p.claim.occasion is None for p in points)
        for p in points:
            later = any(_before(p.claim, q.claim) for q in points)
            assert (p.claim.id in shown) == (not later) if plain else (p.claim.id in shown or later)
        latest = views.latest(d, actor, proposal)
        if not latest.uncertain and len(shown) > 1:
            # one stance shown for several claims: each candidate takes it, or they are one occasion
            values = {p.stance.value for p in current.positions}
            occasions = {p.claim.occasion for p in current.positions}
            assert len(values) == 1 or (current.certain and len(occasions) == 1 and None not in occasions)
        if current.certain:
            for p in current.positions:
                assert all(_before(q.claim, p.claim) for q in points if q.claim.id not in shown)
