"""What the briefing's first page and its notes say, from the fixture with a few edits: the HTML
the PDF is printed from (no WeasyPrint needed), and the key points' data.

- The dated claims' span comes only from dates certain and bounded on both sides; the open-ended
  and uncertain ones are counted, never folded into a range they may lie outside.
- An actor whose latest occasion takes several stances is listed with each, not with the first.
- Every name in the key points carries the marks of what its stance rests on.
- The caveat lists relaying outlets apart from speakers whose account a source relays, each by
  its display name; a chain the text only implies is marked inferred in the notes.
- The briefing points at the website for every claim, not at a document nobody published.
"""

from __future__ import annotations

import html as entities
import re

import pytest

from generator import api
from generator.site import briefing, pdf

C = "claims.yaml"
SITE = "https://example.org/d/"
MINISTER = 'Ana <script>alert("x")</script> Minister'


def _dossier(root):
    checked = api.check(root)
    assert checked.dossier is not None, [p.gcc() for p in checked.problems]
    return checked.dossier


def _keys(d):
    return briefing.key_points(d, d.chronology, tuple(d.proposals), tuple(d.sources.values()))


def _text(html: str) -> str:
    return " ".join(entities.unescape(re.sub(r"<[^>]+>", "", html)).split())


def _html(d, site_url=SITE) -> str:
    return pdf.briefing_html(d, title="T", scope="S", site_url=site_url)


def _points(html: str) -> str:
    """The key points' text (not the style sheet's comments that name them)."""
    return _text(html[html.index('id="key-points"') : html.index('class="toc"')])


def test_the_span_leaves_out_open_ended_and_uncertain_dates(dossier, edit):
    # The spokesman's claim has no later bound, the minister's refusal an uncertain month.
    edit(dossier / C, "    said: {basis: unknown}\n", '    said: {date: "2023-05/..", basis: inferred, reason: r}\n')
    edit(
        dossier / C,
        'said: {date: "2024-03", basis: inferred, reason: Publication month.}\n    summary: The minister',
        'said: {date: "2024-03?", basis: inferred, reason: Publication month.}\n    summary: The minister',
    )
    dated = _keys(_dossier(dossier)).dated
    assert (dated.count, dated.bounded, dated.open_end, dated.open_start, dated.uncertain) == (4, 2, 1, 0, 1)
    assert (dated.first.isoformat(), dated.last.isoformat()) == ("2024-03-01", "2024-03-31")
    text = _text(_html(_dossier(dossier)))
    assert (
        "4 are dated: 2 with a certain date bounded on both sides, in March 2024; 1 with no later bound "
        "(“… or later”); 1 with an uncertain or approximate date."
    ) in text
    assert "between" not in text.split("Key points")[1].split(".")[1]


def test_a_span_over_months_names_both_and_undated_claims_are_counted(dossier, edit):
    edit(
        dossier / C,
        'said: {date: "2024-03", basis: inferred, reason: Publication month.}\n    summary: The envoy',
        'said: {date: "2023-11", basis: inferred, reason: r}\n    summary: The envoy',
    )
    text = _text(_html(_dossier(dossier)))
    assert (
        "3 are dated: 3 with a certain date bounded on both sides, between November 2023 and March 2024. 1 is undated."
        in text
    )


def test_an_occasion_with_several_stances_lists_each(dossier, edit):
    # Both of the minister's claims from one briefing: skeptical and opposes, simultaneous.
    said = '    said: {date: "2024-03-05", basis: inferred, reason: "\\"on Tuesday\\" before publication"}\n'
    edit(
        dossier / C,
        "  - id: minister-talks-finished\n    actor: minister\n",
        "  - id: minister-talks-finished\n    actor: minister\n    occasion: briefing\n",
    )
    edit(
        dossier / C,
        "  - id: minister-no-village\n    actor: minister\n",
        "  - id: minister-no-village\n    actor: minister\n    occasion: briefing\n",
    )
    edit(
        dossier / C,
        '    said: {date: "2024-03", basis: inferred, reason: Publication month.}\n    summary: The minister',
        said + "    summary: The minister",
    )
    d = _dossier(dossier)
    (point,) = [p for p in _keys(d).proposals if p.proposal.id == "border-deal"]
    assert point.several == ((MINISTER, (("skeptical", ("quoted",), 1), ("opposes", ("quoted",), 1))),)
    assert MINISTER not in [name for _, names in point.stances for name, _, _ in names]
    assert point.uncertain == ()
    text = _text(_html(d))
    assert (
        'several stances on one occasion: Ana <script>alert("x")</script> Minister (skeptical of “, opposes “)' in text
    )


def test_every_name_in_the_key_points_carries_its_basis_mark(dossier, edit):
    edit(
        dossier / C,
        "        text: The envoy said guarantees must be binding.\n        kind: reported-speech\n",
        "        text: The envoy said guarantees must be binding.\n        kind: paraphrase\n",
    )
    edit(
        dossier / C,
        "binding-guarantees: supports,",
        "binding-guarantees: {stance: supports, rests_on: [gist], outlets_account: true},",
    )
    d = _dossier(dossier)
    (point,) = [p for p in _keys(d).proposals if p.proposal.id == "binding-guarantees"]
    # Review 8, m4: each name with its claim's date, so that two years are not read as one moment.
    assert point.stances == (("supports", (("The Envoy", ("outlets-account",), "March 2024"),)),)
    text = _text(_html(d))
    assert "Binding guarantees: supports: The Envoy ◇ (March 2024)." in text
    assert "neutral on: A spokesman “ (date unknown)" in text


def test_relaying_outlets_and_speakers_accounts_are_listed_apart_by_display_name(dossier, edit):
    # The spokesman's words "via" the minister by an alias; the envoy's own name on his words drops out.
    edit(dossier / C, "        via: [The Example Times]\n", "        via: [The Minister, The Example Times]\n")
    edit(
        dossier / C,
        "        text: Only with guarantees,\n        kind: direct-quote\n",
        "        text: Only with guarantees,\n        kind: direct-quote\n        via: [Envoy]\n",
    )
    d = _dossier(dossier)
    keys = _keys(d)
    assert (keys.relays, keys.accounts) == (("The Example Times",), (MINISTER,))
    text = _text(_html(d))
    assert "Some have the words through other outlets or offices (The Example Times):" in text
    assert f"Some give one party’s words or position only as another speaker tells it ({MINISTER}):" in text
    assert f"quoted as relayed by {MINISTER}, then by The Example Times" in text
    assert "Envoy" not in text.split("Sourcing.")[1].split("Basis.")[0]


def test_a_chain_the_text_only_implies_is_marked_inferred(dossier, edit):
    edit(
        dossier / C,
        "        via: [The Example Times]\n",
        "        via: [The Example Times]\n        via_reason: The line follows one naming the paper.\n",
    )
    text = _text(_html(_dossier(dossier)))
    assert "quoted as relayed by The Example Times (inferred: The line follows one naming the paper);" in text


def test_a_reason_for_a_chain_needs_the_chain(dossier, edit, gcc, pos):
    edit(
        dossier / C,
        "        text: Only with guarantees,\n        kind: direct-quote\n",
        "        text: Only with guarantees,\n        kind: direct-quote\n        via_reason: Implied.\n",
    )
    where = pos(dossier, C, "via_reason: |Implied.")
    assert gcc(dossier) == [
        f"{where}: error: `via_reason` says why the relay chain is inferred, but this item has no `via`: add the "
        "chain or remove the line"
    ]


def test_the_briefing_points_at_the_website_not_an_unpublished_record(dossier, edit):
    # The minister's refusal a month before her "finished for now": one earlier claim.
    edit(
        dossier / C,
        'said: {date: "2024-03", basis: inferred, reason: Publication month.}\n    summary: The minister',
        'said: {date: "2024-02", basis: inferred, reason: r}\n    summary: The minister',
    )
    d = _dossier(dossier)
    html = _html(d)
    text = _text(html)
    assert "full record" not in text
    assert f"every claim, with all its evidence, is on the dossier’s website ({SITE})." in text
    assert (
        f"1 earlier claim by {MINISTER} on this proposal, with a change of position, is on the proposal’s page on the "
        f"dossier’s website ({SITE}proposals/border-deal.html)."
    ) in text
    assert f'href="{SITE}proposals/border-deal.html"' in html
    offline = _text(_html(d, site_url=None))
    assert "is on the proposal’s page on the dossier’s website." in offline and SITE not in offline
    # The record itself (`dossier pdf --record`) is every claim: it points nowhere.
    record = _text(pdf.briefing_html(d, title="T", scope="S", site_url=SITE, record=True))
    assert "earlier claim" not in record and "dossier’s website" not in record


def test_the_caveat_says_an_uncertain_date_orders_nothing(dossier):
    assert "A date marked “uncertain” orders nothing" in _text(_html(_dossier(dossier)))


@pytest.mark.parametrize("record", [False, True])
def test_the_shift_key_point_carries_both_marks(dossier, edit, record):
    edit(
        dossier / C,
        'said: {date: "2024-03", basis: inferred, reason: Publication month.}\n    summary: The minister',
        'said: {date: "2024-02", basis: inferred, reason: r}\n    summary: The minister',
    )
    d = _dossier(dossier)
    keys = _keys(d)
    assert [(s.actor, s.proposal, s.before, s.after) for s in keys.shifts] == [
        (MINISTER, "A border deal", ("opposes", ("quoted",)), ("skeptical", ("quoted",)))
    ]
    text = _text(pdf.briefing_html(d, title="T", scope="S", site_url=None, record=record))
    assert ("from opposes “ to skeptical of “" in text) is not record  # key points are the briefing's


# --- review 5: the key points and the summary table say no more than the dossier shows ----------

# The minister's refusal in February, before her "finished for now" of 5 March: the dates order it.
FEBRUARY = (
    'said: {date: "2024-02", basis: inferred, reason: r}\n    summary: The minister',
    'said: {date: "2024-03", basis: inferred, reason: Publication month.}\n    summary: The minister',
)


def test_a_change_the_dates_show_is_not_called_proven(dossier, edit):
    edit(dossier / C, FEBRUARY[1], FEBRUARY[0])
    keys = _keys(_dossier(dossier))
    assert (keys.shifts_by, [(s.by_dates, s.outlets_words) for s in keys.shifts]) == ("dates", [(True, ())])
    points = _points(_html(_dossier(dossier)))
    assert (
        f"Changes of position recorded with both sides, as the dates show them: 1: {MINISTER} on “A border deal”, "
        "from opposes “ to skeptical of “." in points
    )
    assert "prove" not in points


def test_a_change_only_a_text_orders_says_a_text_reports_it(dossier, edit):
    # Undated refusal, ordered before "finished for now" by words of the text (any words the
    # check finds in the source will do for the view).
    edit(
        dossier / C,
        FEBRUARY[1],
        "said:\n      basis: unknown\n      before:\n        - claim: minister-talks-finished\n"
        "          reason: '\"A spokesman later added\"'\n    summary: The minister",
    )
    keys = _keys(_dossier(dossier))
    assert (keys.shifts_by, [s.by_dates for s in keys.shifts]) == ("texts", [False])
    points = _points(_html(_dossier(dossier)))
    assert (
        f"Changes of position recorded with both sides, as a text reports them: 1: {MINISTER} on “A border deal”, "
        "from opposes “ to skeptical of “." in points
    )


def test_neither_dates_nor_texts_showing_a_change_is_said_plainly(dossier):
    points = _points(_html(_dossier(dossier)))
    assert "Neither the dates nor the texts show a change of position." in points
    assert "prove" not in points


def test_an_uncertain_date_is_counted_as_uncertain_whatever_its_bounds(dossier, edit):
    # "by 5 March 2024 (uncertain)" and "March 2024 or later (uncertain)": uncertain, not open-ended.
    edit(dossier / C, 'said: {date: "2024-03-05", basis: inferred', 'said: {date: "../2024-03-05?", basis: inferred')
    edit(dossier / C, "    said: {basis: unknown}\n", '    said: {date: "2024-03?/..", basis: inferred, reason: r}\n')
    dated = _keys(_dossier(dossier)).dated
    assert (dated.count, dated.bounded, dated.open_end, dated.open_start, dated.uncertain) == (4, 2, 0, 0, 2)


def test_the_summary_table_says_whose_account_a_relayed_position_is(dossier, edit):
    # The spokesman's words only as the minister tells them: the grid's "as ... tells it" in print too.
    edit(dossier / C, "        via: [The Example Times]\n", "        via: [The Minister]\n")
    d = _dossier(dossier)
    html = _html(d)
    table = html[html.index('id="summary"') : html.index("</tbody>")]
    rows = {_text(row.split("</th>")[0]): _text(row.split("</th>")[1]) for row in table.split('<th scope="row">')[1:]}
    assert rows["A spokesman"] == f"neut“as {MINISTER} tells it –"  # and no stance on the guarantees
    assert [name for name, cells in rows.items() if "tells it" in cells] == ["A spokesman"]
    # And the key point names whose account it is (the real dossier has none left: review 5, W2).
    points = _points(html)
    assert f"neutral on: A spokesman (as {MINISTER} tells it) “" in points
    assert f"{MINISTER} (as" not in points


def test_a_stance_on_framing_alone_is_printed_with_the_speakers_words(dossier, edit):
    # The envoy's guarantees stance resting on his reported words only: the briefing still prints the
    # quote, the passage that stands for the claim; the record prints everything anyway.
    edit(dossier / C, "binding-guarantees: supports,", "binding-guarantees: {stance: supports, rests_on: [gist]},")
    d = _dossier(dossier)
    section = pdf.briefing.section(d, "binding-guarantees", record=False, principal=9)
    (entry,) = section.entries
    (point,) = entry.points
    assert [ev.id for ev in section.shown(point.claim, point.stance, False)] == ["quote", "gist"]
