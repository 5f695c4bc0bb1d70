"""What a reader sees never claims more than the evidence holds: the timeline's order and bands,
"recently added" instead of "latest", valid <time> values, marks with legends, source passages
by kind, search excerpts, and no ids or file names in the text the templates write."""

from __future__ import annotations

import html
import itertools
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator import api
from generator.data.dates import parse
from generator.data.model import Dating
from generator.site import views

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def real(real_built) -> Path:
    """The real dossier, built (once per session, read only: conftest.py)."""
    return real_built


class _Text(HTMLParser):
    """The text a reader reads (not scripts, styles or code), and every <time datetime>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.text: list[str] = []
        self.times: list[str | None] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "code"):
            self.skip += 1
        if tag == "time":
            self.times.append(dict(attrs).get("datetime"))

    def handle_endtag(self, tag):
        if tag in ("script", "style", "code"):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.text.append(data)


def _read(page: Path) -> _Text:
    parser = _Text()
    parser.feed(page.read_text("utf-8"))
    return parser


def _dating(text: str | None) -> Dating:
    return Dating(text, "stated", None, parse(text) if text else None)


def test_dates_are_marked_with_valid_time_values_only():
    assert views.date_parts(_dating("2022-03-14/2022-03-17")) == (
        ("14", "2022-03-14"),
        ("–", None),
        ("17 March 2022", "2022-03-17"),
    )
    assert views.date_parts(_dating("2022-02/..")) == (("February 2022", "2022-02"), (" or later", None))
    assert views.date_parts(_dating("../2024-11-03")) == (("by ", None), ("3 November 2024", "2024-11-03"))
    assert views.date_parts(_dating("2022-21")) == (("spring 2022", None),)  # a season: no HTML value
    assert views.date_parts(_dating("2024?")) == (("2024", "2024"), (" (uncertain)", None))
    assert views.date_parts(_dating(None)) == (("date unknown", None),)
    assert views.date_display(_dating("2022-03-14/2022-03-17")) == "14–17 March 2022"


def test_a_date_spanning_years_is_in_no_years_timeline_page():
    assert views.timeline_year(_dating("2022-02/..")) == views.SPANNING
    assert views.timeline_year(_dating("2022-11/2023-02")) == views.SPANNING
    assert views.timeline_year(_dating("2022-03-14/2022-03-17")) == "2022"
    assert views.timeline_year(_dating("../2024-11-03")) == views.SPANNING
    assert views.timeline_year(_dating(None)) == views.UNDATED
    # Review 5, m2: an uncertain date is filed under no year, even within one.
    assert views.timeline_year(_dating("2022-03-08?/2022-03-17?")) == views.UNCERTAIN
    assert views.timeline_year(_dating("2024-10-18?")) == views.UNCERTAIN
    # Review 6, m2: whatever its bounds (an open start here).
    assert views.timeline_year(_dating("../2022-03-17?")) == views.UNCERTAIN
    assert views.timeline_year(_dating("2022-02-24?/2022-03-17?")) == views.UNCERTAIN


def test_the_real_timeline_runs_in_order_with_its_bands_last(real):
    d = api.check(real).dossier
    keys = [key for key, _ in views.timeline(d)]
    years = [k for k in keys if k.isdigit()]
    assert years == sorted(years) and keys[: len(years)] == years
    assert keys[len(years) :] == [views.SPANNING, views.UNCERTAIN, views.UNDATED]
    for key, claims in views.timeline(d):
        if key.isdigit():
            assert all(c.said.interval.lower.year == c.said.interval.upper.year == int(key) for c in claims)
            assert not any(c.said.interval.uncertain for c in claims)
    index = _read(real / "site" / "timeline.html")
    assert " ".join(index.text).count("Spanning years") >= 2  # the help text and the band's link


def test_every_time_element_has_a_valid_datetime(real):
    valid = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
    for page in (real / "site").rglob("*.html"):
        for value in _read(page).times:
            assert value is not None and valid.fullmatch(value), (page.name, value)


def test_an_unpublished_home_page_shows_no_order_of_adding(real):
    # Review 4, minor 9: before the first publication the order claims were added in is editing
    # history; the real dossier has no publication date yet.
    text = " ".join(_read(real / "site" / "index.html").text)
    assert "Recently added" not in text and "Latest claims" not in text


def test_a_citation_ending_in_a_quotation_gets_no_second_full_stop(real):
    # Review 4, minor 11: "...we are adequate people.” “We realized..." not "people.”. “We".
    page = (real / "site" / "actors" / "volodymyr-zelenskyy.html").read_text("utf-8")
    assert ".”. " not in page and '.". ' not in page


def test_grid_and_pages_explain_their_marks(real):
    for rel in ("grid.html", "actors/volodymyr-zelenskyy.html", "proposals/ukraine-nato-membership.html"):
        text = " ".join(" ".join(_read(real / "site" / rel).text).split())
        assert "quoted: rests on the speaker's own words, in quotation marks" in text, rel
        assert "reported: rests on the outlet's report of what was said, without a direct quote" in text, rel
        assert "outlet's account: rests only on the outlet's framing or paraphrase" in text, rel
        assert "order uncertain: neither the dates nor the texts show which of these claims came last" in text, rel
    grid = (real / "site" / "grid.html").read_text("utf-8")
    assert "no recorded position</span></td>" in grid
    assert grid.count('class="dq-cond"') >= 1  # a conditional stance's condition is in its cell


def test_basis_marks_are_drawn_and_explained_as_the_legend_says(real):
    """A mark carries its kind only; the stylesheet draws its symbol and the script gives its tooltip,
    each from views.BASIS_MARKS (which the legend prints)."""
    assets = ROOT / "site_templates" / "assets"
    css = (assets / "dossier.css").read_text("utf-8")
    js = (assets / "dossier.js").read_text("utf-8")
    assert {kind: (sym, meaning) for kind, (sym, meaning) in views.BASIS_MARKS.items()} == {
        "quoted": ("“", "quoted: rests on the speaker's own words, in quotation marks"),
        "reported": ("≈", "reported: rests on the outlet's report of what was said, without a direct quote"),
        "outlets-account": ("◇", "outlet's account: rests only on the outlet's framing or paraphrase"),
    }
    for kind, (sym, meaning) in views.BASIS_MARKS.items():
        assert f'.dq-basis--{kind}::before {{ content: "{sym}"; content: "{sym}" / ""; }}' in css, kind
        assert f'"{kind}": "{meaning}"' in js, kind
    page = (real / "site" / "actors" / "volodymyr-zelenskyy.html").read_text("utf-8")
    assert '<span class="dq-basis dq-basis--quoted"> quoted</span>' in page
    assert 'class="dq-basis dq-basis--quoted" title=' not in page


def test_source_pages_mark_passages_by_kind_with_a_legend(real):
    page = (real / "site" / "sources" / "report-on-jef-meeting.html").read_text("utf-8")
    assert "The highlight says whose words a passage is" in page
    kinds = set(re.findall(r'<mark (?:id="[^"]+" )?class="dq-mark dq-mark--([a-z-]+)', page))
    assert "framing" in kinds and "direct-quote" in kinds, kinds


def test_search_shows_a_claims_quote_not_its_aliases(real):
    records = api.render(real).records
    claims = [r for r in records if r.get("filters", {}).get("kind") == ["Claim"]]
    assert claims and all(r["meta"]["excerpt"] for r in claims)
    d = api.check(real).dossier
    alias_lists = {", ".join([a.name, *a.aliases]) for a in d.actors.values() if a.aliases}
    assert not any(names in r["meta"]["excerpt"] for r in claims for names in alias_lists)
    by_url = {r["url"].rsplit("#", 1)[1]: r["meta"]["excerpt"] for r in claims}
    quoted = next(c for c in d.chronology if any(ev.kind == "direct-quote" for ev in c.evidence))
    first = next(ev for ev in quoted.evidence if ev.kind == "direct-quote")
    assert by_url[f"claim-{quoted.id}"].startswith("“" + " ".join(first.text.split()[:5]))
    reported = next(c for c in d.chronology if all(ev.kind == "reported-speech" for ev in c.evidence))
    assert by_url[f"claim-{reported.id}"].startswith("Reported speech: ")


def test_templates_write_no_ids_or_file_names(built):
    from generator.data.model import Dossier

    d: Dossier = api.check(built).dossier
    ids = {i for i in [*d.claims, *d.actors, *d.sources, *d.proposals] if "-" in i}
    files = {Path(s.file).name for s in d.sources.values()}
    for page in (built / "site").rglob("*.html"):
        text = " ".join(_read(page).text)
        found = [i for i in ids | files if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text)]
        assert found == [], (page.relative_to(built).as_posix(), found)


class _Steps(HTMLParser):
    """Per row of a proposal page's "Positions over time": its steps, each with its kind, whether
    an arrow opens it, and the claims it links to."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows: list[list[dict]] = []
        self.step: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "ol" and a.get("class") == "dq-steps":
            self.rows.append([])
        elif tag == "li" and (a.get("class") or "").split()[:1] == ["dq-step"]:
            # a step of one claim is plain `dq-step`; others carry their kind (`dq-step--several`)
            kind = a["class"].split("--")[1] if "--" in a["class"] else "one"
            self.step = {"kind": kind, "arrow": False, "claims": []}
            self.rows[-1].append(self.step)
        elif tag == "span" and a.get("class") == "dq-arrow" and self.step is not None:
            self.step["arrow"] = True
        elif tag == "a" and self.step is not None and "#claim-" in (a.get("href") or ""):
            self.step["claims"].append(a["href"].split("#claim-")[1])

    def handle_endtag(self, tag):
        if tag == "li":
            self.step = None


def test_proposal_pages_draw_arrows_only_where_the_order_is_certain(real):
    from generator.data.model import when
    from generator.data.order import certainly_before

    d = api.check(real).dossier
    arrows = 0
    for page in (real / "site" / "proposals").glob("*.html"):
        parser = _Steps()
        parser.feed(page.read_text("utf-8"))
        for steps in parser.rows:
            dated = [s for s in steps if s["kind"] != "undated"]
            assert [s["arrow"] for s in steps] == [s in dated[1:] for s in steps], page.name
            for n, earlier in enumerate(dated):
                for later in dated[n + 1 :]:
                    for a, b in itertools.product(earlier["claims"], later["claims"]):
                        assert certainly_before(when(d.claims[a]), when(d.claims[b]), d.order), (page.name, a, b)
                        arrows += 1
    assert arrows > 0  # the real dossier has certain orders too


# -- a change of position the text states, with no date for the earlier side -----------------------
EARLIER, LATER = "zelenskyy-earlier-full-withdrawal-precondition", "zelenskyy-sky-news-ceasefire-without-territories"
PRECONDITION = "full-withdrawal-precondition"


def _row(page: str, proposal: str) -> str:
    """The row of an actor's current positions for one proposal, as markup."""
    found = re.search(rf'<tr><th scope="row"><a href="[^"]*/{proposal}\.html">.*?</tr>', page, re.S)
    assert found, proposal
    return found.group()


def _grid_cell(page: str, actor: str, proposal: str) -> str:
    columns = re.findall(r'<th scope="col"><a href="proposals/([a-z0-9-]+)\.html">', page)
    row = re.search(rf'<tr><th scope="row"><a href="actors/{actor}\.html">.*?</tr>', page, re.S)
    assert row and proposal in columns
    return re.split(r"<td[ >]", row.group())[1:][columns.index(proposal)]


def test_the_grid_shows_only_the_position_that_replaced_the_earlier_one(real):
    cell = _grid_cell((real / "site" / "grid.html").read_text("utf-8"), "volodymyr-zelenskyy", PRECONDITION)
    assert re.findall(r'class="dq-chip dq-stance--(\w+)" href="[^"]*#claim-([a-z0-9-]+)"', cell) == [
        ("skeptical", LATER)
    ]
    assert "dq-uncertain" not in cell


def test_the_actor_pages_current_position_is_the_later_one_and_changed(real):
    row = _row((real / "site" / "actors" / "volodymyr-zelenskyy.html").read_text("utf-8"), PRECONDITION)
    assert re.findall(r'class="dq-chip dq-stance--(\w+)" href="#claim-([a-z0-9-]+)"', row) == [("skeptical", LATER)]
    assert "dq-uncertain" not in row and '<span class="dq-shift">changed</span>' in row


def test_positions_over_time_draw_the_change_with_an_arrow(real):
    parser = _Steps()
    parser.feed((real / "site" / "proposals" / f"{PRECONDITION}.html").read_text("utf-8"))
    zelenskyy = [steps for steps in parser.rows if any(EARLIER in s["claims"] for s in steps)]
    assert zelenskyy == [
        [
            {"kind": "one", "arrow": False, "claims": [EARLIER]},
            {"kind": "one", "arrow": True, "claims": [LATER]},
        ]
    ]
    page = " ".join((real / "site" / "proposals" / f"{PRECONDITION}.html").read_text("utf-8").split())
    assert "changed from “supports”" in page


def test_an_undated_claim_the_text_places_stays_undated_on_the_timeline(real):
    pages = {p.name: p.read_text("utf-8") for p in (real / "site" / "timeline").glob("*.html")}
    assert [name for name, text in pages.items() if f"#claim-{EARLIER}" in text] == ["date-unknown.html"]
    actor = (real / "site" / "actors" / "volodymyr-zelenskyy.html").read_text("utf-8")
    svg = actor[actor.index('<svg class="dq-picture__svg"') :]
    svg = svg[: svg.index("</svg>")]
    assert f"#claim-{LATER}" in svg and f"#claim-{EARLIER}" not in svg  # the picture draws dates only


def test_both_cards_say_what_the_text_states_about_their_order(real):
    page = (real / "site" / "actors" / "volodymyr-zelenskyy.html").read_text("utf-8")
    cards = {
        m.group(1): m.group(0)
        for m in re.finditer(r'<article class="dq-card" id="claim-([a-z0-9-]+)".*?</article>', page, re.S)
    }
    earlier, later = cards[EARLIER], cards[LATER]
    assert re.findall(r'Said (\w+):</span> <a href="[^"]*#claim-([a-z0-9-]+)"', earlier) == [
        ("before", LATER),
        ("before", "zelenskyy-strong-position-before-settlement-talks"),
        ("before", "zelenskyy-end-conflict-as-soon-as-possible"),
        ("before", "zelenskyy-could-cede-territories-cannot-return"),
    ]
    assert re.findall(r'Said (\w+):</span> <a href="[^"]*#claim-([a-z0-9-]+)"', later) == [("after", EARLIER)]
    assert "&#34;He abruptly changed tack last week, telling Sky News&#34;" in later


def test_the_briefing_prints_the_later_position_and_the_change(real):
    from generator.site import pdf

    html = " ".join(pdf.briefing_html(api.check(real).dossier, title="T", scope="S", site_url=None).split())
    assert f'id="c-{PRECONDITION}--{LATER}"' in html and f'id="c-{PRECONDITION}--{EARLIER}"' not in html
    section = html[html.index(f'id="p-{PRECONDITION}"') :]
    entry = section[section.index("Volodymyr Zelenskyy</h3>") : section.index("</div>")]
    assert "Order uncertain" not in entry and "changed from “supports”" in entry
    assert (
        "1 earlier claim by Volodymyr Zelenskyy on this proposal, with a change of position, is on the proposal’s page"
        " on the dossier’s website." in entry
    )


def _generated(root: Path, page: str) -> str:
    api.generate(root)
    return (root / api.DOCS_DIR / page).read_text("utf-8")


def test_the_grid_says_whose_account_a_relayed_position_is(dossier, edit):
    # The spokesman's words known only as the minister tells them (`via` an actor's name); the real
    # dossier has no such position left (review 5, W2: what Zelenskyy says of others is his).
    edit(dossier / "claims.yaml", "        via: [The Example Times]\n", "        via: [The Minister]\n")
    grid = _generated(dossier, "grid.md")
    told = '<span class="dq-told">as Ana &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; Minister tells it</span>'
    assert told in _grid_cell(grid, "spokesman", "border-deal")
    assert "tells it" not in _grid_cell(grid, "minister", "border-deal")


def test_a_passage_several_claims_cite_shows_each_claims_own_kind(dossier, edit):
    # Review 5, W1: the minister's quoted "finished for now", cited by her claim as her words and by
    # a claim of the spokesman's as an account of his: the list gives each claim its own kind, the
    # highlight the speaker's (never the weaker kind for the speaker's own claim). The account comes
    # first in the file: the first citation does not decide for the others.
    account = (
        "  - id: spokesman-per-minister\n    actor: spokesman\n"
        "    stances: {border-deal: {stance: skeptical, outlets_account: true}}\n"
        "    said: {basis: unknown}\n    summary: The minister says the spokesman finished the talks.\n"
        "    evidence:\n      - source: alpha\n        text: finished for now\n        occurrence: 1\n"
        "        kind: paraphrase\n        via: [The Minister]\n"
    )
    edit(dossier / "claims.yaml", "  - id: minister-talks-finished\n", account + "  - id: minister-talks-finished\n")
    page = _generated(dossier, "sources/alpha.md")
    cited = page[page.index('<ol class="dq-passages"') :]
    first = cited[: cited.index("</ul>")]
    assert sorted(re.findall(r"</a> \((.*), ([a-z' ]+)\)</li>", html.unescape(first))) == [
        ("A spokesman", "paraphrase"),
        ('Ana <script>alert("x")</script> Minister', "direct quote"),
    ]
    assert re.search(r'<mark [^>]*class="dq-mark dq-mark--direct-quote"[^>]*>finished for now</mark>', page)


def test_actor_pages_call_the_latest_recorded_stance_nothing_more(built):
    # Review 5, M2: the table shows the latest recorded stance, often of one claim with an open date.
    for page in (built / "site" / "actors").glob("*.html"):
        text = " ".join(_read(page).text)
        if "position per proposal" in text:
            assert "Latest recorded position per proposal" in text and "Latest recorded stance" in text
        assert "Current" not in text and "current position" not in text, page.name
    for page in (built / "site").rglob("*.html"):
        assert "prove a change" not in " ".join(_read(page).text), page


def test_an_order_a_text_states_is_given_with_its_reason_alone(dossier, edit):
    # Review 5, m7: "… as the text says The text reports …" read as one run-on sentence.
    edit(
        dossier / "claims.yaml",
        "    said: {basis: unknown}\n    summary: A spokesman says the talks are finished.",
        "    said:\n      basis: unknown\n      after:\n        - claim: minister-talks-finished\n"
        "          reason: 'The text says \"A spokesman later added\".'\n"
        "    summary: A spokesman says the talks are finished.",
    )
    page = _generated(dossier, "actors/spokesman.md")
    assert "as the text says" not in page
    assert "<summary>why</summary><span>The text says &#34;A spokesman later added&#34;.</span>" in page
