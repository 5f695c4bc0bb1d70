"""generator.dates (EDTF dates as day intervals) and generator.latest (the claims that may be the latest).

Expectations are written out by hand; the property tests compare against brute-force oracles
written here (and, for bounds, against the edtf library's own parser), never against the code tested.
"""

from __future__ import annotations

import calendar
import datetime as dt
import time

import edtf
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.data.dates import DateError, Interval, is_future, parse
from generator.data.latest import Latest, latest

D = dt.date
HINT = "write YYYY, YYYY-MM, YYYY-MM-DD or an interval START/END (e.g. 2022-03-14/2022-03-17)"
UNKNOWN = "write a date, or leave out date and set basis: unknown"

# -- dates: what each accepted form means -------------------------------------------------------------

ACCEPTED = [
    # text, lower, upper, kind, uncertain, approximate
    ("2024-10-18", D(2024, 10, 18), D(2024, 10, 18), "day", False, False),
    ("2024-10", D(2024, 10, 1), D(2024, 10, 31), "month", False, False),
    ("2024-02", D(2024, 2, 1), D(2024, 2, 29), "month", False, False),
    ("2023-02", D(2023, 2, 1), D(2023, 2, 28), "month", False, False),
    ("2024", D(2024, 1, 1), D(2024, 12, 31), "year", False, False),
    ("0001", D(1, 1, 1), D(1, 12, 31), "year", False, False),
    ("2022-03-14/2022-03-17", D(2022, 3, 14), D(2022, 3, 17), "interval", False, False),
    ("2022/2022-03", D(2022, 1, 1), D(2022, 3, 31), "interval", False, False),
    ("2022-03-14/2022-03-14", D(2022, 3, 14), D(2022, 3, 14), "interval", False, False),
    ("2022-09/..", D(2022, 9, 1), dt.date.max, "open-end", False, False),
    ("../2022-09", dt.date.min, D(2022, 9, 30), "open-start", False, False),
    ("2022-09/", D(2022, 9, 1), dt.date.max, "unknown-end", False, False),
    ("/2022-09", dt.date.min, D(2022, 9, 30), "unknown-start", False, False),
    ("2024?", D(2024, 1, 1), D(2024, 12, 31), "year", True, False),
    ("2022-03~", D(2022, 3, 1), D(2022, 3, 31), "month", False, True),
    ("2022-03%", D(2022, 3, 1), D(2022, 3, 31), "month", True, True),
    ("2024-10-18?", D(2024, 10, 18), D(2024, 10, 18), "day", True, False),
    ("2022-03~/2022-05?", D(2022, 3, 1), D(2022, 5, 31), "interval", True, True),
    ("2022-09~/..", D(2022, 9, 1), dt.date.max, "open-end", False, True),
    ("2022-21", D(2022, 3, 1), D(2022, 5, 31), "season", False, False),
    ("2022-22", D(2022, 6, 1), D(2022, 8, 31), "season", False, False),
    ("2022-23", D(2022, 9, 1), D(2022, 11, 30), "season", False, False),
    ("2022-21/2022-23", D(2022, 3, 1), D(2022, 11, 30), "interval", False, False),
]


@pytest.mark.parametrize(("text", "lower", "upper", "kind", "uncertain", "approximate"), ACCEPTED)
def test_accepted_forms_map_to_these_days(text, lower, upper, kind, uncertain, approximate):
    assert parse(text) == Interval(text, lower, upper, uncertain, approximate, kind)


def test_a_yaml_date_object_reads_as_its_iso_text():
    assert parse(D(2024, 10, 18)) == Interval("2024-10-18", D(2024, 10, 18), D(2024, 10, 18), False, False, "day")


def test_sort_key_and_certainly_before():
    march, year, autumn = parse("2022-03"), parse("2022"), parse("2022-09/..")
    assert march.sort_key == (D(2022, 3, 1), D(2022, 3, 31))
    assert sorted([autumn, year, march], key=lambda i: i.sort_key) == [year, march, autumn]
    assert march.certainly_before(autumn) and not autumn.certainly_before(march)
    assert not march.certainly_before(year) and not year.certainly_before(march)  # they overlap
    assert not parse("2022-03-31").certainly_before(parse("2022-03-31/2022-04-02"))  # a shared day orders nothing
    assert parse("2022-03-30").certainly_before(parse("2022-03-31/2022-04-02"))


def test_endpoints_give_each_end_its_own_precision():
    assert parse("2022-03/2022-05-02").endpoints() == (parse("2022-03"), parse("2022-05-02"))
    assert parse("2022-09/..").endpoints() == (parse("2022-09"), None)
    assert parse("/2022-09-01").endpoints() == (None, parse("2022-09-01"))
    day = parse("2024-10-18")
    assert day.endpoints() == (day, day)


def test_is_future_only_when_even_the_first_possible_day_is_after_today():
    today = D(2026, 11, 23)
    assert not is_future(parse("2026-11-23"), today)
    assert is_future(parse("2026-11-24"), today)
    assert not is_future(parse("2026"), today)  # it may mean a day already past
    assert not is_future(parse("2026-12/.."), D(2026, 12, 1))
    assert is_future(parse("2027/.."), today)
    assert not is_future(parse("../2030"), today)


# -- dates: what each refusal says --------------------------------------------------------------------

REFUSED = [
    # value, column, message
    ("2024-13", 6, f'"2024-13" is not a valid EDTF date: month 13 does not exist; {HINT}'),
    ("2024-00", 6, f'"2024-00" is not a valid EDTF date: month 00 does not exist; {HINT}'),
    ("2022-21-05", 6, f'"2022-21-05" is not a valid EDTF date: month 21 does not exist; {HINT}'),
    ("2022-25", 6, f'"2022-25" is not a valid EDTF date: month 25 does not exist; {HINT}'),
    ("2024-02-30", 9, '"2024-02-30" is not a valid EDTF date: February 2024 has no day 30 (it has 29); check the day'),
    ("2019-02-29", 9, '"2019-02-29" is not a valid EDTF date: February 2019 has no day 29 (it has 28); check the day'),
    ("2024-04-00", 9, '"2024-04-00" is not a valid EDTF date: April 2024 has no day 00 (it has 30); check the day'),
    ("0000", 1, '"0000" is not a valid EDTF date: year 0000 is not in the calendar; years start at 0001'),
    (
        "2022-24",
        6,
        (
            '"2022-24" is not a valid EDTF date: winter (24) spans two years, so its months are unclear; '
            "write them as an interval, e.g. 2022-12/2023-02"
        ),
    ),
    (
        "2022-21?",
        8,
        (
            '"2022-21?" is not a valid EDTF date: a season cannot carry "?"; '
            "qualify months instead, e.g. 2022-03?/2022-05?"
        ),
    ),
    (
        "2022-03-17/2022-03-14",
        12,
        (
            '"2022-03-17/2022-03-14" is not a valid EDTF date: '
            "it starts (2022-03-17) after it ends (2022-03-14); write the earlier date first"
        ),
    ),
    (
        "2022-05/2022-03-31",
        9,
        (
            '"2022-05/2022-03-31" is not a valid EDTF date: '
            "it starts (2022-05) after it ends (2022-03-31); write the earlier date first"
        ),
    ),
    ("", 1, f'"" is not a valid EDTF date: it is empty; {UNKNOWN}'),
    ("../..", 1, f'"../.." is not a valid EDTF date: it has neither a start nor an end; {UNKNOWN}'),
    ("/", 1, f'"/" is not a valid EDTF date: it has neither a start nor an end; {UNKNOWN}'),
    (
        "..",
        1,
        (
            '".." is not a valid EDTF date: ".." only marks an open end of an interval; '
            "write e.g. 2022-09/.. or ../2022-09"
        ),
    ),
    (
        "2022/2023/2024",
        10,
        (
            '"2022/2023/2024" is not a valid EDTF date: it has more than one "/"; '
            "an interval is START/END (e.g. 2022-03-14/2022-03-17)"
        ),
    ),
    ("24", 1, f'"24" is not a valid EDTF date: the year must have 4 digits (e.g. 2024); {HINT}'),
    ("2024-3", 6, f'"2024-3" is not a valid EDTF date: the month must have 2 digits (e.g. 03 for March); {HINT}'),
    ("2024-03-5", 9, f'"2024-03-5" is not a valid EDTF date: the day must have 2 digits (e.g. 05); {HINT}'),
    ("2024-", 6, f'"2024-" is not a valid EDTF date: the month is missing after "-"; {HINT}'),
    ("2022-03/2022-04-", 17, f'"2022-03/2022-04-" is not a valid EDTF date: the day is missing after "-"; {HINT}'),
    (
        "2024-10-18T10:00",
        11,
        ('"2024-10-18T10:00" is not a valid EDTF date: it has a time of day; write the day alone (2024-10-18)'),
    ),
    (
        "2024-10-18 10:00",
        11,
        ('"2024-10-18 10:00" is not a valid EDTF date: it has a time of day; write the day alone (2024-10-18)'),
    ),
    ("2024 ", 5, '"2024 " is not a valid EDTF date: unexpected whitespace at column 5; remove it'),
    (" 2024", 1, '" 2024" is not a valid EDTF date: unexpected whitespace at column 1; remove it'),
    (
        "201X",
        4,
        (
            '"201X" is not a valid EDTF date: unspecified digits (X) are not accepted; '
            "write the range as an interval (e.g. 2010/2019 for 201X)"
        ),
    ),
    (
        "2024-XX",
        6,
        (
            '"2024-XX" is not a valid EDTF date: unspecified digits (X) are not accepted; '
            "write the range as an interval (e.g. 2010/2019 for 201X)"
        ),
    ),
    (
        "[2020,2021]",
        1,
        (
            '"[2020,2021]" is not a valid EDTF date: sets of dates ([...] or {...}) are not accepted; '
            "write an interval START/END (e.g. 2022-03-14/2022-03-17)"
        ),
    ),
    (
        "2022?-03",
        5,
        ('"2022?-03" is not a valid EDTF date: "?" can only end a date; qualify the whole date, e.g. 2022-03?'),
    ),
    (
        "2022-03-14~~",
        11,
        ('"2022-03-14~~" is not a valid EDTF date: "~" can only end a date; qualify the whole date, e.g. 2022-03~'),
    ),
    ("March 2022", 1, f'"March 2022" is not a valid EDTF date: unexpected "M" at column 1; {HINT}'),
    ("2022.03.14", 5, f'"2022.03.14" is not a valid EDTF date: unexpected "." at column 5; {HINT}'),
    (
        "\uff12\uff10\uff12\uff14",
        1,
        (f'"\uff12\uff10\uff12\uff14" is not a valid EDTF date: unexpected "\uff12" at column 1; {HINT}'),
    ),
    ("2024\n", 5, '"2024\\u000a" is not a valid EDTF date: unexpected whitespace at column 5; remove it'),
    ('20"24', 1, f'"20\\"24" is not a valid EDTF date: the year must have 4 digits (e.g. 2024); {HINT}'),
    ("Y170000002", 1, f'"Y170000002" is not a valid EDTF date: unexpected "Y" at column 1; {HINT}'),
    ("9" * 100, 1, f'"{"9" * 60}…" is not a valid EDTF date: the year must have 4 digits (e.g. 2024); {HINT}'),
    (
        dt.datetime(2024, 10, 18, 10, 0),
        11,
        ('"2024-10-18T10:00:00" is not a valid EDTF date: it has a time of day; write the day alone (2024-10-18)'),
    ),
    (2024, 1, '2024 is not a valid EDTF date: YAML read it as a number; put it in quotes ("2024")'),
    (2024.5, 1, f'"2024.5" is not a valid EDTF date: it is float, not text; {HINT}'),
]


@pytest.mark.parametrize(("value", "column", "message"), REFUSED)
def test_refusals_say_what_is_wrong_and_where(value, column, message):
    with pytest.raises(DateError) as caught:
        parse(value)
    assert (caught.value.message, caught.value.column) == (message, column)
    assert str(caught.value) == message


SYNTAX = "0123456789-/.?~%XT []{}Y"


@settings(max_examples=400)
@given(st.one_of(st.text(), st.text(alphabet=SYNTAX, max_size=25)))
@example("2022-09/")
@example("../")
@example("/..")
@example("2024-1X")
def test_any_text_parses_or_raises_a_one_line_date_error(text):
    try:
        interval = parse(text)
    except DateError as err:
        assert len(err.message.splitlines()) == 1 and err.message == str(err)
        assert 1 <= err.column <= max(len(text), 1) + 1
        assert " is not a valid EDTF date: " in err.message
        return
    assert interval.text == text and interval.lower <= interval.upper


def _written(year: int, month: int | None, day: int | None, mark: str) -> str:
    return f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "") + mark


@st.composite
def valid_points(draw) -> tuple[str, dt.date, dt.date]:
    """A valid single date and its first and last day, computed here from the calendar."""
    year = draw(st.integers(1, 9999))
    precision = draw(st.sampled_from(["year", "month", "day", "season"]))
    mark = draw(st.sampled_from(["", "?", "~", "%"])) if precision != "season" else ""
    if precision == "year":
        return _written(year, None, None, mark), D(year, 1, 1), D(year, 12, 31)
    if precision == "season":
        season = draw(st.sampled_from([21, 22, 23]))
        first, last = {21: (3, 5), 22: (6, 8), 23: (9, 11)}[season]
        return f"{year:04d}-{season}", D(year, first, 1), D(year, last, calendar.monthrange(year, last)[1])
    month = draw(st.integers(1, 12))
    days = calendar.monthrange(year, month)[1]
    if precision == "month":
        return _written(year, month, None, mark), D(year, month, 1), D(year, month, days)
    day = draw(st.integers(1, days))
    return _written(year, month, day, mark), D(year, month, day), D(year, month, day)


@settings(max_examples=150, deadline=None)  # edtf.parse_edtf takes milliseconds a string
@given(valid_points(), valid_points(), st.sampled_from(["single", "both", "open-end", "open-start"]))
def test_valid_dates_mean_the_calendar_days_the_edtf_library_gives(first, second, shape):
    (start, lo, hi), (end, _lo2, hi2) = sorted([first, second], key=lambda p: p[1])
    text, lower, upper = {
        "single": (start, lo, hi),
        "both": (f"{start}/{end}", lo, hi2),
        "open-end": (f"{start}/..", lo, dt.date.max),
        "open-start": (f"../{end}", dt.date.min, hi2),
    }[shape]
    interval = parse(text)
    assert (interval.lower, interval.upper) == (lower, upper)
    library = edtf.parse_edtf(text)  # the library's parser agrees on every end it bounds
    if interval.lower != dt.date.min:
        assert time.struct_time(library.lower_strict())[:3] == (lower.year, lower.month, lower.day)
    if interval.upper != dt.date.max:
        assert time.struct_time(library.upper_strict())[:3] == (upper.year, upper.month, upper.day)


# -- latest --------------------------------------------------------------------------------------------


def test_a_march_claim_then_one_from_september_on_the_second_is_certainly_latest():
    items = [("march", parse("2022-03"), "supports"), ("sept-on", parse("2022-09/.."), "opposes")]
    assert latest(items) == Latest("sept-on", ("sept-on",))


def test_an_undated_claim_leaves_nothing_certain():
    items = [("undated", None, "opposes"), ("march", parse("2022-03"), "supports")]
    assert latest(items) == Latest(None, ("march", "undated"))


def test_a_single_claim_is_the_latest_even_undated():
    assert latest([("only", None, "open")]) == Latest("only", ("only",))
    assert latest([("only", parse("2022"), "open")]) == Latest("only", ("only",))
    assert latest([]) == Latest(None, ())


def test_overlapping_dates_are_both_candidates_in_order_of_their_first_day():
    items = [
        ("march", parse("2022-03"), "supports"),
        ("year", parse("2022"), "opposes"),
        ("jan", parse("2021-01"), "supports"),
    ]
    assert latest(items) == Latest(None, ("year", "march"))


def test_an_unknown_end_could_be_later_than_anything():
    items = [("from-sept", parse("2022-09/"), "supports"), ("jan", parse("2023-01"), "opposes")]
    assert latest(items) == Latest(None, ("from-sept", "jan"))


def test_an_open_start_ending_in_september_precedes_october():
    items = [("oct", parse("2022-10-01"), "supports"), ("to-sept", parse("../2022-09"), "opposes")]
    assert latest(items) == Latest("oct", ("oct",))


def test_ties_on_the_first_day_are_ordered_by_id():
    items = [("b", parse("2022-03"), "x"), ("a", parse("2022-03-01"), "y"), ("c", None, "z"), ("0", None, "z")]
    assert latest(items) == Latest(None, ("a", "b", "0", "c"))


def test_duplicate_ids_are_refused():
    with pytest.raises(ValueError, match="claim id `a` appears twice"):
        latest([("a", None, "x"), ("a", None, "y")])


def test_a_thousand_claims_in_sequence():
    start = D(2020, 1, 1)
    items = [
        (f"c{i:04d}", parse((start + dt.timedelta(days=i)).isoformat()), ("supports", "opposes")[i % 2])
        for i in range(1000)
    ]
    assert latest(items[::-1]) == Latest("c0999", ("c0999",))


# -- latest: properties against brute force ----------------------------------------------------

BASE = D(2022, 1, 1)


@st.composite
def intervals(draw) -> Interval | None:
    """Short intervals in a narrow window, so overlaps, ties and chains are all common."""
    if draw(st.integers(0, 5)) == 0:
        return None
    lower = BASE + dt.timedelta(days=draw(st.integers(0, 40)))
    upper = lower + dt.timedelta(days=draw(st.integers(0, 8)))
    ends = draw(st.sampled_from(["closed"] * 8 + ["open-start", "open-end"]))
    lower = dt.date.min if ends == "open-start" else lower
    upper = dt.date.max if ends == "open-end" else upper
    return Interval("t", lower, upper, False, False, "interval" if ends == "closed" else ends)


CLAIMS = st.lists(st.tuples(intervals(), st.sampled_from(["supports", "opposes", "open"])), max_size=12).map(
    lambda rows: [(f"c{i}", interval, stance) for i, (interval, stance) in enumerate(rows)]
)


def _before(a, b) -> bool:
    return a[1] is not None and b[1] is not None and a[1].upper < b[1].lower


@settings(max_examples=300)
@given(CLAIMS)
def test_latest_agrees_with_brute_force(items):
    result = latest(items)
    by_id = {item[0]: item for item in items}
    if result.certain is not None:  # nothing could follow the certain latest
        assert all(_before(b, by_id[result.certain]) for b in items if b[0] != result.certain)
    elif len(items) == 1:
        raise AssertionError("a single claim is certainly the latest")
    else:  # and if none is named, none is certain
        assert not any(all(_before(b, c) for b in items if b is not c) for c in items)
    assert set(result.candidates) == {c[0] for c in items if not any(_before(c, d) for d in items)}
    assert bool(result.candidates) == bool(items)
    dated = sorted((by_id[c][1].lower, c) for c in result.candidates if by_id[c][1] is not None)
    undated = sorted(c for c in result.candidates if by_id[c][1] is None)
    assert result.candidates == tuple(c for _, c in dated) + tuple(undated)
