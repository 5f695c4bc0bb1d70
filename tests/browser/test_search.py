"""The header's search (Material's box, Pagefind's index): a query, an alias, a Cyrillic word,
a filter, the shortcuts, a result that lands on its highlighted claim, accessibility, and the
box hidden where it cannot work (a page opened from disk)."""

from __future__ import annotations

import json

import pytest

from tests.browser.test_browser import HERE, _axe, _target_in_view

pytestmark = pytest.mark.browser  # Chromium through Playwright

UMEROV = "actors/rustem-umerov.html"


def _search(page, query: str) -> list[str]:
    page.keyboard.press("/")
    page.wait_for_selector("input.md-search__input:focus")
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item")
    return page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.getAttribute('href'))")


def test_a_result_lands_on_its_highlighted_claim_card(page, base_url):
    page.goto(base_url + "index.html")
    page.evaluate("window.__still_here = 42")
    links = _search(page, "very bad things")
    first = next(link for link in links if UMEROV + "#claim-" in link)
    page.click(f".md-search-result__link[href='{first}']")
    page.wait_for_url(f"**/{UMEROV}#claim-*")
    claim = _target_in_view(page)
    assert first.endswith("#" + claim)
    assert page.locator(f"#{claim}.dq-card.dq-landed").count() == 1
    assert not page.is_checked("#__search"), "the search stays open over the claim"
    assert page.evaluate("window.__still_here") == 42, "a full page load happened"


def test_each_claim_is_one_result(page, base_url):
    page.goto(base_url + "index.html")
    links = _search(page, "very bad things")
    assert len(links) == len(set(links))
    assert all(link.count("#") <= 1 for link in links)


def test_a_cyrillic_word_is_found_by_its_start(page, base_url):
    page.goto(base_url + "index.html")
    links = _search(page, "оккупир")  # "оккупированных" in a Russian rendering of Umerov's words
    assert any(UMEROV + "#claim-" in link for link in links), links


def test_a_filter_narrows_the_results(page, base_url):
    page.goto(base_url + "index.html")
    before = _search(page, "NATO")
    page.click(".dq-search__filters summary")
    page.select_option("select[name=actor]", "Rustem Umerov")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.md-search-result__link')].every(a => a.href.includes('rustem-umerov'))"
    )
    after = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.getAttribute('href'))")
    assert after and set(after) != set(before)


def test_material_shortcuts_open_and_escape_closes(page, base_url):
    page.goto(base_url + "grid.html")
    page.keyboard.press("s")
    page.wait_for_selector("input.md-search__input:focus")
    assert page.is_checked("#__search")
    page.keyboard.press("Escape")
    assert not page.is_checked("#__search")


def test_no_serious_accessibility_violations_with_results_and_filters_open(page, base_url):
    allow = json.loads((HERE / "axe-allowlist.json").read_text("utf-8"))["rules"]
    page.goto(base_url + "index.html")
    _search(page, "Zelensky")
    page.click(".dq-search__filters summary")
    page.wait_for_selector("select[name=actor]")
    found = [v for v in _axe(page) if v["id"] not in allow]
    assert found == [], json.dumps(found, indent=1)


def test_from_disk_there_is_no_search_box(browser, site_dir):
    context = browser.new_context()
    tab = context.new_page()
    tab.goto((site_dir / "index.html").as_uri())
    assert tab.locator(".md-search").is_hidden()
    assert tab.locator("label.md-header__button[for=__search]").is_hidden()
    context.close()
