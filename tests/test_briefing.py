"""The briefing before WeasyPrint lays it out: what it holds, its HTML (headers, links inside the
document, addresses on the site) and its one-line refusals, on the real dossier. No PDF is made
here: tests/test_pdf.py prints one."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import pytest

from generator import api
from generator.site import pdf

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def real():
    result = api.check(ROOT)
    assert result.dossier is not None, result.problems
    return result.dossier


def test_header_cells_have_scope(real):
    html = pdf.briefing_html(real, title="T", scope="S", site_url=None)
    headers = re.findall(r"<th\b[^>]*>", html)
    assert headers and all('scope="' in th for th in headers)


def test_an_unknown_proposal_is_refused(real):
    with pytest.raises(ValueError, match="no proposal has the id `nope`"):
        pdf.briefing_html(real, title="T", scope="S", site_url=None, proposal="nope")


def test_site_links_are_the_plan_addresses_made_absolute():
    assert pdf.site_link(None, "actors/a.html#claim-x") is None
    assert pdf.site_link("https://x.org/d", "actors/a.html#claim-x") == "https://x.org/d/actors/a.html#claim-x"
    assert pdf.site_link("https://x.org/d/", "sources/s.html") == "https://x.org/d/sources/s.html"


def test_a_missing_system_library_is_one_line(monkeypatch):
    class NoPango:
        """Fails the import the way cffi does when libpango cannot be opened."""

        def find_spec(self, name, path=None, target=None):
            if name == "weasyprint":
                raise OSError("cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file")

    monkeypatch.delitem(sys.modules, "weasyprint", raising=False)  # imported or not
    monkeypatch.setattr(sys, "meta_path", [NoPango(), *sys.meta_path])
    with pytest.raises(pdf.PdfUnavailable) as raised:
        pdf.write_pdf("<p>x</p>", Path("unused.pdf"), base_url=None, created=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert str(raised.value) == "PDF output needs the Pango library: apt-get install libpangoft2-1.0-0"


def test_beyond_the_principal_actors_the_briefing_lists_stances_only(real, monkeypatch):
    # The real dossier has at most 6 actors on a proposal (41 pairs over 21 proposals), all with
    # their evidence; with a budget of 1 a proposal, the busiest lists the other 5 by their latest stances.
    busiest = max(real.proposals, key=lambda p: len(real.actors_on(p)))
    assert pdf.briefing.principal_count(real, tuple(real.proposals)) >= 6  # 41 pairs: within the budget
    monkeypatch.setattr(pdf.briefing, "CARD_BUDGET", 3)  # one proposal, 6 actors: 3 for it alone
    assert pdf.briefing.principal_count(real, (busiest,)) == 3
    monkeypatch.setattr(pdf.briefing, "CARD_BUDGET", len(real.proposals) + 1)
    assert pdf.briefing.principal_count(real, tuple(real.proposals)) == 1
    sec = pdf.briefing.section(real, busiest, record=False, principal=1)
    assert len(sec.entries) == 1 and len(sec.others) == len(real.actors_on(busiest)) - 1 == 5
    monkeypatch.setattr(pdf.briefing, "CARD_BUDGET", 1)
    html = " ".join(pdf.briefing_html(real, title="T", scope="S", site_url=None, proposal=busiest).split())
    also = "Also on record (5 more actors, their latest recorded stances; the evidence is on the dossier’s website):"
    assert also in html
    assert "Also on record" not in " ".join(
        pdf.briefing_html(real, title="T", scope="S", site_url=None, record=True).split()
    )


def test_the_basis_marks_cover_the_schema_vocabulary():
    from generator.data.schema import vocabulary

    assert set(pdf.briefing.BASIS_MARKS) == set(pdf.briefing.BASIS_LABELS) == set(vocabulary("stance-basis"))
    assert len(set(pdf.briefing.BASIS_MARKS.values())) == 3
    assert set(pdf.briefing.QUOTES_PHRASES) == set(vocabulary("quotes-language"))


@pytest.mark.parametrize("budget", [2, 80])
def test_every_link_inside_the_document_has_its_target(real, monkeypatch, budget):
    # With few cards printed, the grid links the others' cells to their proposal's section.
    monkeypatch.setattr(pdf.briefing, "CARD_BUDGET", budget)
    for record in (False, True):
        html = pdf.briefing_html(real, title="T", scope="S", site_url=None, record=record)
        targets = set(re.findall(r'\bid="([^"]+)"', html))
        links = set(re.findall(r'href="#([^"]+)"', html))
        assert links and links <= targets, sorted(links - targets)[:5]


def test_the_real_briefing_names_no_party_only_through_anothers_account(real):
    # Review 5, W2: what Zelenskyy says of "some partners", the United States and "several European
    # nations" is his claim, so no key point, cell or caveat qualifies a name "as ... tells it" (the
    # qualifier itself: test_briefing_points, on the fixture).
    html = " ".join(pdf.briefing_html(real, title="T", scope="S", site_url=None).split())
    assert "tells it" not in html
    points = html[html.index("<h2>Key points") :]
    points = points[: points.index("</section>")]
    for gone in ("United States", "Some of Ukraine", "Several European nations"):
        assert gone not in points
