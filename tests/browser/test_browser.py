"""What a reader does: search, follow a quote to its passage, use the grid and the timeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.browser.conftest import watch

pytestmark = pytest.mark.browser  # Chromium through Playwright

HERE = Path(__file__).resolve().parent
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
PAGES = {
    "home": "index.html",
    "actor": "actors/volodymyr-zelenskyy.html",
    "proposal": "proposals/territory-for-nato-membership.html",
    "source": "sources/report-on-jef-meeting.html",
    "timeline": "timeline/2022.html",
    "timeline-index": "timeline.html",
    "grid": "grid.html",
}


def _in_view(page, selector: str) -> bool:
    return page.eval_on_selector(
        selector,
        """el => {
        const r = el.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight && r.width >= 0;
    }""",
    )


def _target_in_view(page) -> str:
    fragment = page.evaluate("location.hash.slice(1)")
    assert fragment, page.url
    page.wait_for_function(
        "id => { const el = document.getElementById(id); if (!el) return false;"
        " const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight; }",
        arg=fragment,
    )
    return fragment


@pytest.mark.parametrize("alias", ["Zelenskiy", "Zelensky", "Vladimir Zelensky"])
def test_searching_an_alias_finds_the_actor_page(page, base_url, alias):
    page.goto(base_url + "index.html")
    page.click("input.md-search__input")
    page.keyboard.type(alias)
    page.wait_for_selector(".md-search-result__item")
    links = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
    assert any("actors/volodymyr-zelenskyy.html" in link for link in links), links


def test_a_quote_card_leads_to_its_highlighted_passage_in_view(page, base_url):
    page.goto(base_url + PAGES["actor"])
    link = page.locator('.dq-provenance a[href*="#q-"]').nth(3)  # the source's title, linked to the passage
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url("**/sources/*.html#q-*")
    anchor = _target_in_view(page)
    assert href.endswith("#" + anchor)
    # the passage's first mark: the anchor itself, or after the anchor where several passages start
    mark = f"mark.dq-mark#{anchor}, #{anchor} + mark.dq-mark"
    assert page.locator(mark).count() == 1
    assert _in_view(page, mark)
    assert page.eval_on_selector(mark, "el => getComputedStyle(el).outlineStyle") == "solid"


def test_grid_cells_lead_to_the_claim(page, base_url):
    page.goto(base_url + PAGES["grid"])
    cell = page.locator("table.dq-grid td a.dq-chip").first
    claim = cell.get_attribute("href").split("#")[1]
    cell.click()
    page.wait_for_url(f"**/actors/*.html#{claim}")
    assert _target_in_view(page) == claim
    assert page.locator(f"#{claim}.dq-card").count() == 1


def test_timeline_rows_lead_to_the_claim_card(page, base_url):
    # The timeline is an index of years; a year's rows link each claim to its card.
    page.goto(base_url + "timeline/2022.html")
    link = page.locator("table.dq-rows a[href*='#claim-']").first
    claim = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_url(f"**/actors/*.html#{claim}")
    assert _target_in_view(page) == claim
    assert page.locator(f"#{claim}.dq-card").count() == 1


def test_cite_this_composes_the_citation_from_the_card_and_copies_it(page, base_url):
    page.goto(base_url + PAGES["actor"])
    card = page.locator("#claim-zelenskyy-nato-equals-security")
    card.locator("details.dq-cite > summary").click()
    citation = card.locator(".dq-citation")
    assert " ".join(citation.text_content().split()) == (
        "Volodymyr Zelenskyy (August 2022 or later). Zelenskyy says NATO equals security for Ukraine and, in the"
        " outlet's bracketed insertion, that NATO membership could offer security guarantees to Ukraine and to"
        " Western investors. “NATO equals security for Ukraine... We don’t want more risks, we want investments"
        " and businesses to come in, and [NATO membership] could offer security guarantees not only to Ukraine,"
        " but Western investors” In “Kiev could sign a truce with Russia if membership in the Western military"
        " bloc becomes certain, the Ukrainian leader has said”, outlet unknown, September 2022 or later. Recorded"
        " in the dossier at volodymyr-zelenskyy.html#claim-zelenskyy-nato-equals-security."
    )
    permalink = citation.locator("a.dq-permalink")
    assert permalink.get_attribute("href") == "volodymyr-zelenskyy.html#claim-zelenskyy-nato-equals-security"
    card.locator("button.dq-copy").click()
    page.wait_for_function(
        "() => document.querySelector('#claim-zelenskyy-nato-equals-security .dq-copy').textContent === 'Copied'"
    )
    assert card.locator(".dq-citation").count() == 1  # composed once


def test_a_printed_actor_page_has_no_navigation_and_keeps_provenance(page, base_url):
    import io

    pypdf = pytest.importorskip("pypdf")
    page.goto(base_url + PAGES["actor"])
    printed = pypdf.PdfReader(io.BytesIO(page.pdf()))
    text = " ".join(" ".join(p.extract_text() for p in printed.pages).split())
    # each passage's source and line, as on screen
    assert "Volodymyr Zelenskyy" in text and "“Zelenskiy abandons joining NATO in boost for peace with Russia”" in text
    assert ", line 16." in text
    for chrome in ("Table of contents", "Methodology", "Introduction", "Search", "Cite this"):
        assert chrome not in text, chrome
    # An inferred date's reason, behind a disclosure on screen, is printed.
    reason = page.locator("details.dq-reason > span").first.text_content()
    assert " ".join(reason.split())[:40] in text


def test_instant_navigation_keeps_the_page_alive(page, base_url):
    page.goto(base_url + "index.html")
    page.evaluate("window.__still_here = 42")
    page.click(".dq-ways a[href$='grid.html']")
    page.wait_for_url("**/grid.html")
    page.wait_for_selector("table.dq-grid")
    assert page.evaluate("window.__still_here") == 42, "a full page load happened"


@pytest.mark.parametrize("name", sorted(PAGES))
def test_pages_load_without_errors_or_outside_requests(page, base_url, name):
    page.goto(base_url + PAGES[name])
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").count() == 1


def _axe(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => {
        const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
        const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                       targets: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}));
    }""")
    return [v for v in result if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_serious_accessibility_violations(page, base_url, name):
    allow = json.loads((HERE / "axe-allowlist.json").read_text("utf-8"))["rules"]
    page.goto(base_url + PAGES[name])
    found = [v for v in _axe(page) if v["id"] not in allow]
    assert found == [], json.dumps(found, indent=1)


def test_the_watchers_catch_console_errors_and_outside_requests(browser, base_url):
    context = browser.new_context()
    tab, errors, foreign = watch(context)
    tab.goto(base_url + "index.html")
    # Waits for the two events themselves (the console message, the aborted request), not a time.
    with tab.expect_console_message(lambda m: m.text == "broken"), tab.expect_event("requestfailed"):
        tab.evaluate("console.error('broken'); fetch('https://fonts.googleapis.com/css').catch(() => {})")
    context.close()
    assert "broken" in errors
    assert foreign == ["https://fonts.googleapis.com/css"]


def test_axe_flags_a_page_our_templates_could_break(page, base_url):
    page.goto(base_url + "index.html")
    page.evaluate("""() => {
        const img = document.createElement('img');
        document.querySelector('.md-content').append(img);
    }""")
    assert "image-alt" in {v["id"] for v in _axe(page)}
