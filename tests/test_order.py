"""generator.data.order: what is certain about the order of claims, and every view that asks it.

The property tests generate random sets of intervals (short, overlapping, open-ended, undated) and
occasions, build a real Dossier from them, and check what the model and the views hand to pages:
no arrow (a step boundary), no "changed" mark and no certain "latest" across a pair of claims
whose order the dates do not prove; claims of one occasion are never apart and never a shift.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.data import order
from generator.data.dates import Interval, parse
from generator.data.model import Claim, Dating, Dossier, Ordering, Stance, when
from generator.data.order import candidates, certainly_before, changes, cycles, sequence, stated
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


# -- orders a text states (`said.before` / `after`) ------------------------------------------------

SKY = ("sky", parse("2022-08/.."), None)
PAST = ("past", None, None)


def test_a_stated_order_places_an_undated_claim_before_a_dated_one():
    told = stated([PAST, SKY], [("past", "sky")])
    assert certainly_before(PAST, SKY, told)
    assert not certainly_before(SKY, PAST, told)
    assert not certainly_before(PAST, SKY)  # the dates alone do not order them
    assert not certainly_before(PAST, PAST, told)


def test_a_stated_order_combines_with_the_dates_and_with_occasions():
    assert not certainly_before(SKY, ("later", parse("2023-05"), None))  # "August 2022 or later" has no end
    jan, jun, dec = ("jan", parse("2022-01"), None), ("jun", parse("2022-06"), None), ("dec", parse("2022-12"), None)
    kyodo_a, kyodo_b = ("kyodo-a", None, "kyodo"), ("kyodo-b", None, "kyodo")
    told = stated([PAST, jan, jun, dec, kyodo_a, kyodo_b], [("past", "jun"), ("jan", "kyodo-a")])
    assert certainly_before(PAST, dec, told)  # before June, which is wholly before December
    assert not certainly_before(PAST, jan, told)  # June says nothing about January
    assert certainly_before(jan, kyodo_b, told)  # the order holds for every claim of the occasion
    assert not certainly_before(kyodo_a, kyodo_b, told) and not certainly_before(kyodo_b, kyodo_a, told)
    assert not certainly_before(PAST, kyodo_b, told)  # January is before both, which orders nothing


def test_a_circle_of_stated_orders_and_dates_is_refused():
    early, late = ("early", parse("2022-01"), None), ("late", parse("2023-01"), None)
    with pytest.raises(ValueError, match="cycle"):
        stated([early, late], [("late", "early")])  # against the dates
    with pytest.raises(ValueError, match="cycle"):
        stated([PAST, SKY], [("past", "sky"), ("sky", "past")])
    with pytest.raises(ValueError, match="not among the items"):
        stated([PAST], [("past", "sky")])


def test_cycles_names_the_last_ordering_written_and_the_steps():
    early, late = ("early", parse("2022-01"), None), ("late", parse("2023-01"), None)
    found = cycles([early, late, PAST], [("late", "past"), ("past", "early")])
    assert [blame for blame, _ in found] == [1]
    assert set(found[0][1]) == {
        (("claim", "late"), ("claim", "past"), 0),
        (("claim", "past"), ("claim", "early"), 1),
        (("claim", "early"), ("claim", "late"), None),  # by the dates
    }
    assert cycles([early, late, PAST], [("early", "past"), ("past", "late")]) == []


def test_the_change_the_text_states_is_a_step_with_an_arrow():
    told = stated([PAST, SKY], [("past", "sky")])
    assert [(g.ids, g.kind) for g in sequence([SKY, PAST], told)] == [(("past",), "one"), (("sky",), "one")]
    assert changes([(*PAST, "supports"), (*SKY, "skeptical")], told) == {"sky": "supports"}
    assert candidates([SKY, PAST], told) == (("sky",), True)
    # Without the stated order: one dated step, the undated claim apart, and no certain latest.
    assert [(g.ids, g.kind) for g in sequence([SKY, PAST])] == [(("sky",), "one"), (("past",), "undated")]
    assert candidates([SKY, PAST]) == (("sky", "past"), False)


def test_an_undated_claim_joins_the_steps_only_where_it_keeps_the_dated_ones_apart():
    mar, sep, dec = ("mar", parse("2022-03"), None), ("sep", parse("2022-09"), None), ("dec", parse("2022-12"), None)
    before_sep, before_dec, loose = ("before-sep", None, None), ("before-dec", None, None), ("loose", None, None)
    told = stated([mar, sep, dec, before_sep, before_dec, loose], [("before-sep", "sep"), ("before-dec", "dec")])

    def steps(*items):
        return [(g.ids, g.kind) for g in sequence(items, told)]

    # Before September, March unknown: in March's step, and the arrow to September stays.
    assert steps(mar, sep, before_sep, loose) == [
        (("mar", "before-sep"), "uncertain"),
        (("sep",), "one"),
        (("loose",), "undated"),
    ]
    # Before December only: beside March and September it would make all three one step.
    assert steps(mar, sep, dec, before_dec) == [
        (("mar",), "one"),
        (("sep",), "one"),
        (("dec",), "one"),
        (("before-dec",), "undated"),
    ]
    # Set apart in the steps, it still cannot be the latest.
    assert candidates([mar, sep, dec, before_dec], told) == (("dec",), True)


# -- properties of the whole relation: dates, occasions and stated orders ---------------------------


@st.composite
def told_rows(draw):
    """Claims whose occasions share one date (as validation demands) and stated orders that a
    hidden true day of each claim obeys: consistent by construction, as validation makes them."""
    count = draw(st.integers(1, 10))
    shared = {name: draw(intervals()) for name in ("talk", "interview")}
    rows, truth = [], {}
    for n in range(count):
        occasion = draw(st.sampled_from([None, None, "talk", "interview"]))
        interval = shared[occasion] if occasion else draw(intervals())
        unit_key = occasion or f"c{n}"
        if unit_key not in truth:
            lo = max(interval.lower, BASE - dt.timedelta(days=30)) if interval else BASE - dt.timedelta(days=30)
            hi = min(interval.upper, BASE + dt.timedelta(days=80)) if interval else BASE + dt.timedelta(days=80)
            truth[unit_key] = lo + dt.timedelta(days=draw(st.integers(0, (hi - lo).days)))
        rows.append(
            (interval, draw(st.sampled_from(["a1", "a2"])), draw(st.sampled_from(["supports", "opposes"])), occasion)
        )
    day = [truth[occasion or f"c{n}"] for n, (_, _, _, occasion) in enumerate(rows)]
    candidates_ = [(i, j) for i in range(count) for j in range(count) if day[i] < day[j]]
    pairs = draw(st.lists(st.sampled_from(candidates_), max_size=4, unique=True)) if candidates_ else []
    return rows, [(f"c{i}", f"c{j}") for i, j in pairs]


def _told_dossier(rows, pairs) -> Dossier:
    d = _dossier(rows)
    claims = dict(d.claims)
    for earlier, later in pairs:
        said = claims[earlier].said
        before = (*said.before, Ordering(later, "“words”"))
        claims[earlier] = dataclasses.replace(claims[earlier], said=dataclasses.replace(said, before=before))
    return Dossier({}, {}, {}, claims)


def _closure(d: Dossier, pairs) -> set[tuple[str, str]]:
    """Certainly before, computed apart from order.py: the dates' rule restated, the stated pairs,
    claims of one occasion as one, closed by Floyd-Warshall."""
    claims = list(d.claims.values())
    unit = {c.id: [b.id for b in claims if b.id == c.id or (c.occasion and c.occasion == b.occasion)] for c in claims}
    direct = {(a.id, b.id) for a in claims for b in claims if _before(a, b)} | set(pairs)
    edge = {(x, y) for a, b in direct for x in unit[a] for y in unit[b]}
    ids = [c.id for c in claims]
    for k in ids:
        for i in ids:
            if (i, k) in edge:
                edge |= {(i, j) for j in ids if (k, j) in edge}
    return edge


@settings(max_examples=400, deadline=None)
@given(told_rows())
def test_stated_orders_keep_a_strict_partial_order_that_every_view_obeys(case):
    rows, pairs = case
    d = _told_dossier(rows, pairs)
    truth = _closure(d, pairs)
    items = {c.id: when(c) for c in d.claims.values()}
    for a, b in itertools.product(items, repeat=2):
        assert certainly_before(items[a], items[b], d.order) == ((a, b) in truth), (a, b)
    assert not any((a, a) in truth for a in items)  # irreflexive (the closure is transitive)
    assert all(certainly_before(items[a], items[b], d.order) for a, b in pairs)
    for (actor, proposal), steps in d.steps.items():
        ordered = [s for s in steps if s.kind != "undated"]
        for earlier, later in itertools.combinations(ordered, 2):
            assert all((a.claim.id, b.claim.id) in truth for a in earlier.positions for b in later.positions)
        assert all(p.claim.said.interval is None for s in steps if s.kind == "undated" for p in s.positions)
        for n, step in enumerate(steps):
            for point in step.positions:
                if point.shift_from is not None:
                    assert step.kind != "undated" and n > 0
                    assert all((p.claim.id, point.claim.id) in truth for p in steps[n - 1].positions)
                    assert {p.stance.value for p in steps[n - 1].positions} == {point.shift_from}
        points = d.history[(actor, proposal)]
        current = d.current(actor, proposal)
        last = {p.claim.id for p in points if not any((p.claim.id, q.claim.id) in truth for q in points)}
        assert {p.claim.id for p in current.positions} == last
        units = {p.claim.occasion or p.claim.id for p in points if p.claim.id in last}
        assert current.certain == (len(units) == 1)


@settings(max_examples=300, deadline=None)
@given(told_rows())
def test_the_whole_relation_agrees_with_the_sweeps_when_nothing_is_stated(case):
    d = _dossier(case[0])  # occasions share one date, as validation demands
    for (_, _), points in d.history.items():
        items = [when(p.claim) for p in points]
        later = order._Later(items, order.NO_STATED)
        assert later.sequence() == sequence(items)
        ids, certain = later.candidates()
        found = candidates(items)
        assert (sorted(ids), certain) == (sorted(found[0]), found[1])
