"""The views a reader reads at a glance: the grid at desktop and phone widths, the picture of time
leading to its cards, and every page of the site free of console errors (the 404 page too)."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest

from tests.browser.conftest import frames, watch

# A moved page's stub (`formerly`): `<meta http-equiv="refresh" content="0; url=NEW">`.
REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')


@pytest.fixture(params=[1280, 390], ids=["1280px", "390px"])
def sized(request, browser, base_url):
    context = browser.new_context(viewport={"width": request.param, "height": 800})
    tab, errors, foreign = watch(context)
    yield tab, request.param
    context.close()
    assert errors == [], f"console errors: {errors}"
    assert foreign == [], f"requests that left the machine: {foreign}"


def _box(page, selector: str) -> dict:
    return page.eval_on_selector(selector, "el => { const r = el.getBoundingClientRect(); return {x: r.x, y: r.y}; }")


def test_the_grid_is_a_readable_matrix_at_desktop_and_phone_widths(sized, base_url):
    page, width = sized
    page.goto(base_url + "grid.html")
    page.wait_for_selector("table.dq-grid")
    # The page itself never scrolls sideways: the matrix scrolls inside its own box.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # Empty cells are visibly empty and say so to a screen reader.
    empty = page.locator("td.dq-empty").first
    assert empty.inner_text().strip() == "no recorded position" or empty.text_content() == "no recorded position"
    assert page.eval_on_selector("td.dq-empty", "el => getComputedStyle(el, '::before').content") == '"·"'
    # Header row and actor column stay in view while the matrix scrolls both ways.
    header = _box(page, "table.dq-grid thead th:nth-child(2)")
    actor = _box(page, "table.dq-grid tbody th[scope=row]")
    page.eval_on_selector(".dq-grid-wrap", "el => { el.scrollTop = 400; el.scrollLeft = 600; }")
    frames(page)
    wrap = _box(page, ".dq-grid-wrap")
    assert abs(_box(page, "table.dq-grid thead th:first-child")["y"] - wrap["y"]) < 2
    assert abs(_box(page, "table.dq-grid tbody tr:nth-child(8) th[scope=row]")["x"] - actor["x"]) < 2
    assert _box(page, "table.dq-grid thead th:nth-child(2)")["x"] < header["x"]  # the columns did move
    # No word is broken inside: headers hyphenate only where a hyphen is written.
    assert page.eval_on_selector("table.dq-grid thead th", "el => getComputedStyle(el).hyphens") == "manual"
    # A condition is one tap away.
    page.eval_on_selector(".dq-grid-wrap", "el => { el.scrollTop = 0; el.scrollLeft = 0; }")
    cond = page.locator("table.dq-grid details.dq-cond").first
    cond.locator("summary").click()
    text = cond.locator("span").last.inner_text()
    assert text.startswith("condition: ") and cond.locator("span").last.is_visible()


def test_the_timeline_picture_leads_to_each_claims_card(page, base_url, site_dir):
    page.goto(base_url + "timeline.html")
    marks = page.locator("svg.dq-picture__svg a")
    hrefs = marks.evaluate_all("els => els.map(e => e.getAttribute('xlink:href'))")
    assert len(hrefs) >= 20
    # Every mark's target is a card on the page it names.
    for href in set(hrefs):
        path, anchor = href.split("#")
        html = (site_dir / path).read_text("utf-8")
        assert re.search(rf'<article class="dq-card" id="{re.escape(anchor)}"', html), href
    # And a click lands on the card, in view.
    marks.nth(len(hrefs) // 2).click()
    claim = hrefs[len(hrefs) // 2].split("#")[1]
    page.wait_for_url(f"**/actors/*.html#{claim}")
    page.wait_for_function(
        "id => { const r = document.getElementById(id).getBoundingClientRect();"
        " return r.top >= 0 && r.top < window.innerHeight; }",
        arg=claim,
    )


def test_no_page_logs_a_console_error(browser, base_url, site_dir):
    pages = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))
    assert "404.html" in pages and len(pages) > 50
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    # One tab for every page, one after the other (a new tab costs more than the page it opens).
    tab, errors, foreign = watch(context)  # routes the context: nothing leaves the machine
    tab.set_default_timeout(30000)
    failed = {}
    for rel in pages:
        tab.goto(base_url + rel)
        stub = REFRESH.search((site_dir / rel).read_text("utf-8"))
        if stub:  # it leads on by itself: wait until it has, so it cannot race the next page's load
            tab.wait_for_url(urljoin(base_url + rel, stub.group(1)))
        tab.wait_for_load_state("load")
        frames(tab)  # Material's and our scripts run on DOMContentLoaded and after
        if errors:
            failed[rel] = errors[:]
            errors.clear()
    context.close()
    assert failed == {}
    assert foreign == []


def test_a_printed_grid_shows_each_condition_in_full(page, base_url):
    import io

    pypdf = pytest.importorskip("pypdf")
    page.goto(base_url + "grid.html")
    condition = page.locator("table.dq-grid details.dq-cond > span").first.text_content()
    printed = pypdf.PdfReader(io.BytesIO(page.pdf(landscape=True)))
    text = " ".join(" ".join(p.extract_text() for p in printed.pages).split())
    assert condition.startswith("condition: ")
    assert " ".join(condition.split())[:30] in text


def test_a_basis_mark_shows_its_symbol_and_its_meaning_on_hover(page, base_url):
    page.goto(base_url + "actors/volodymyr-zelenskyy.html")
    mark = page.locator(".dq-card .dq-basis--quoted").first
    assert mark.evaluate("el => getComputedStyle(el, '::before').content") == '"“" / ""'
    assert mark.text_content() == " quoted"  # the symbol is drawn, not text
    assert mark.get_attribute("title") is None
    mark.hover()
    assert mark.get_attribute("title") == "quoted: rests on the speaker's own words, in quotation marks"
    chip = page.locator(".dq-chip .dq-basis--reported").first
    chip.hover()
    assert (
        chip.get_attribute("title") == "reported: rests on the outlet's report of what was said, without a direct quote"
    )
