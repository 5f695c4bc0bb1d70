"""generator.data.order on what a date cannot prove: an uncertain date (EDTF `?`) orders nothing,
and the claims of one undated occasion are one, certainly simultaneous, candidate for the latest.

Kept apart from test_order.py (the rule's properties) so that each decision has its own examples,
written out by hand.
"""

from __future__ import annotations

from generator.data.dates import parse
from generator.data.model import Claim, Dating, Dossier, Stance
from generator.data.order import candidates, certainly_before, changes, placed, sequence
from generator.site import views


def _item(cid, date, occasion=None):
    return (cid, parse(date) if date else None, occasion)


def test_an_uncertain_date_is_shown_but_orders_nothing():
    # "2022?" would be wholly before 2024 if the year held; the mark says it may not.
    assert placed(parse("2022-03-10?/2022-03-17?")) is None
    assert placed(parse("2022-03~")) == parse("2022-03~")  # approximate: the text's own days, "about"
    assert not certainly_before(_item("jef", "2022-03-08?/2022-03-17?"), _item("later", "2024-10-18"))
    assert not certainly_before(_item("earlier", "2021"), _item("jef", "2022?"))
    assert certainly_before(_item("a", "2022-03~"), _item("b", "2024"))


def test_uncertain_dates_join_the_claims_no_date_places():
    items = [
        _item("jan", "2021-01"),
        _item("jef", "2022-03-08?/2022-03-17?"),
        _item("oct", "2024-10-18"),
        _item("undated", None),
    ]
    assert [(g.ids, g.kind) for g in sequence(items)] == [
        (("jan",), "one"),
        (("oct",), "one"),
        (("jef", "undated"), "undated"),
    ]
    assert candidates(items) == (("oct", "jef", "undated"), False)


def test_no_change_is_marked_from_or_to_an_uncertain_date():
    items = [
        ("mar", parse("2022-03?"), None, "supports"),
        ("oct", parse("2024-10"), None, "opposes"),
    ]
    assert changes(items) == {}
    assert changes([("mar", parse("2022-03"), None, "supports"), items[1]]) == {"oct": "supports"}


def test_the_claims_of_one_undated_occasion_are_certainly_the_latest_together():
    items = [_item("a", None, "answers"), _item("b", None, "answers"), _item("c", None, "answers")]
    assert candidates(items) == (("a", "b", "c"), True)
    # With another undated claim beside them, which came last is not known.
    assert candidates([*items, _item("d", None)]) == (("a", "b", "c", "d"), False)
    assert candidates([*items, _item("d", None, "other")]) == (("a", "b", "c", "d"), False)


def test_a_view_shows_one_undated_occasion_without_the_order_uncertain_mark():
    def claim(cid, value):
        stance = Stance("p", value, (1,), "quoted")
        return Claim(cid, "x", (stance,), Dating(None, "unknown"), "s", (), occasion="answers")

    d = Dossier({}, {}, {}, {c.id: c for c in (claim("a", "supports"), claim("b", "neutral"))})
    latest = views.latest(d, "x", "p")
    assert latest.certain and not latest.uncertain
    assert [(point.claim.id, point.stance.value) for point, _ in latest.stances] == [
        ("a", "supports"),
        ("b", "neutral"),
    ]
