"""The one passage shown for a claim (passages.excerpt) and what a citation says of its date.

A headline is the outlet's: it is never a stance's ground, never the passage a list, a citation,
a feed or a search result shows for a claim, and a reference manager is told which item it is.
The fixture's first claim gets its source's headline as its first evidence item, so that every
view that used to take `claim.evidence[0]` would show it.
"""

from __future__ import annotations

import json

import pytest

from generator import api
from generator.site import export, passages
from tests.refresh_golden import member

C = "claims.yaml"
HEADLINE = "Minister says the border talks are over"


@pytest.fixture
def headlined(dossier, edit):
    edit(
        dossier / C,
        "    evidence:\n      - source: alpha\n        text: finished for now\n",
        f"    evidence:\n      - source: alpha\n        text: {HEADLINE}\n        kind: framing\n"
        "      - source: alpha\n        text: finished for now\n",
    )
    return dossier


@pytest.fixture
def rendered(headlined):
    return api.render(headlined)


def _claim(rendered):
    return rendered.dossier.claims["minister-talks-finished"]


def test_the_excerpt_is_the_strongest_passage_and_never_the_headline(rendered):
    claim = _claim(rendered)
    assert [(ev.number, ev.on_headline) for ev in claim.evidence] == [(1, True), (2, False)]
    assert passages.excerpt(claim).text == "finished for now"
    # Strongest kind first (a direct quote over reported speech), whatever the order.
    no_village = rendered.dossier.claims["minister-no-village"]
    assert [ev.kind for ev in no_village.evidence] == ["reported-speech", "direct-quote"]
    assert passages.excerpt(no_village).text == "Ми не віддамо жодного села"
    assert [ev.number for ev in passages.reading_order(claim)] == [2, 1]
    assert passages.passage_label(claim.evidence[0]) == "The outlet's headline"


def test_a_stance_never_rests_on_the_headline_and_its_basis_is_unchanged(rendered):
    (stance,) = _claim(rendered).stances
    assert (stance.rests_on, stance.basis) == ((2,), "quoted")


def _page(rendered, path: str) -> str:
    return rendered.files[path].decode("utf-8")


def test_rows_and_the_citation_show_the_body_not_the_headline(rendered):
    timeline = _page(rendered, "timeline/2024.md")
    row = next(line for line in timeline.splitlines() if "claim-minister-talks-finished" in line)
    assert "“finished for now”" in row and HEADLINE not in row
    actor = _page(rendered, "actors/minister.md")
    card = actor[actor.index('id="claim-minister-talks-finished"') :]
    card = card[: card.index("</article>")]
    # "Cite this" (composed by assets/dossier.js) quotes the evidence whose source is marked, and
    # names that source: the direct quote, not the headline before it.
    quote = card.index('<blockquote class="dq-quote" lang="en"><p>“finished for now”</p></blockquote>')
    source = card.index('<div class="dq-src"><a href="../sources/alpha.html#q-')
    assert "“Minister says the border talks are over”</a>, The Example Times, <time" in card[source:]
    assert card.count('class="dq-src"') == 1 and card.index(HEADLINE) < quote < source
    # Not data-bare (the citation quotes the excerpt; dossier.js adds "Cite this" to the card).
    assert card.startswith('id="claim-minister-talks-finished">\n')
    # The card still shows every passage, the headline named as such.
    assert f'<span class="dq-label">The outlet&#39;s headline:</span> <span lang="en">{HEADLINE}</span>' in actor


def test_the_record_names_the_headline_passage(rendered):
    from generator.site import pdf

    html = pdf.briefing_html(rendered.dossier, title="T", scope="S", site_url=None, record=True)
    assert f'<span class="label">The outlet&#39;s headline:</span> <span lang="en">{HEADLINE}</span>' in html
    briefing = pdf.briefing_html(rendered.dossier, title="T", scope="S", site_url=None)
    assert "The outlet&#39;s headline:" not in briefing  # no stance rests on it: it is not printed


def test_the_feed_gives_the_excerpt_first_and_names_the_headline(rendered):
    feed = _page(rendered, "feeds/claims.atom")
    entry = feed[feed.index("The minister says the talks are finished for now.") :]
    entry = entry[: entry.index("</content>")]
    assert entry.index("Direct quote: finished for now") < entry.index(f"The outlet&#39;s headline: {HEADLINE}")


def test_the_search_result_shows_the_excerpt(rendered):
    (record,) = [r for r in rendered.records if r.get("url", "").endswith("#claim-minister-talks-finished")]
    assert record["meta"]["excerpt"] == "“finished for now”"
    assert f"The outlet's headline: “{HEADLINE}”" in record["content"]


def test_the_csl_items_give_the_excerpt_first_and_say_which_is_the_headline(rendered):
    items = [
        i
        for i in json.loads(member("claims.csl.json.zip", rendered.files["data/claims.csl.json.zip"]))
        if i["id"].rsplit("-", 1)[0] == "minister-talks-finished"
    ]
    assert [item["id"] for item in items] == ["minister-talks-finished-2", "minister-talks-finished-1"]
    assert items[0]["note"].startswith(
        'Ana <script>alert("x")</script> Minister (5 March 2024), the speaker\'s own words:'
    )
    assert items[1]["note"].startswith(
        f'Ana <script>alert("x")</script> Minister (5 March 2024), the outlet\'s headline: {HEADLINE} [framing;'
    )


def test_claims_json_marks_the_headline_and_its_stances_never_list_it(rendered):
    data = json.loads(member("claims.json.xz", rendered.files["data/claims.json.xz"]))
    (claim,) = [c for c in data["claims"] if c["id"] == "minister-talks-finished"]
    assert [(ev["number"], ev["headline"], ev["basis"]) for ev in claim["evidence"]] == [
        (1, True, "outlets-account"),
        (2, False, "quoted"),
    ]
    assert [s["rests_on"] for s in claim["stances"]] == [[2]]


@pytest.mark.parametrize(
    ("date", "issued"),
    [
        ("2024-03-05", {"date-parts": [[2024, 3, 5]]}),
        ("2022-03-10?/2022-03-17?", {"date-parts": [[2022, 3, 10], [2022, 3, 17]], "circa": True}),
        ("2024?", {"date-parts": [[2024, 1, 1], [2024, 12, 31]], "circa": True}),
        ("2024-03~", {"date-parts": [[2024, 3, 1], [2024, 3, 31]], "circa": True}),
        ("../2022-03-17?", {"literal": "../2022-03-17?", "circa": True}),
        ("2022-09/..", {"literal": "2022-09/.."}),
    ],
)
def test_a_citation_keeps_the_uncertainty_of_a_date(date, issued):
    # A reference manager imports `issued` as it stands: an uncertain date must say so (CSL `circa`).
    from generator.data.assemble import dating

    assert export._csl_date(dating({"date": date, "basis": "inferred", "reason": "r"})) == issued
