"""A card's "Cite this": its CSL-JSON, taken in the browser from the CSL-JSON of every claim, and
without JavaScript no tool that needs it."""

from __future__ import annotations

import json

import pytest

from generator.site import export
from tests.browser.conftest import settled
from tests.refresh_golden import unpacked

pytestmark = pytest.mark.browser  # Chromium through Playwright

ACTOR = "actors/volodymyr-zelenskyy.html"


def test_download_csl_json_saves_the_claims_items_as_the_generator_writes_them(page, base_url, site_dir):
    every = json.loads(unpacked(site_dir / "data" / "claims.csl.json.zip"))
    page.goto(base_url + ACTOR)
    settled(page)
    card = page.locator("article.dq-card:has(details.dq-cite)").nth(2)
    claim = card.get_attribute("id").removeprefix("claim-")
    card.locator("details.dq-cite summary").click()
    with page.expect_download() as download:
        card.locator("a.dq-csl").click()
    saved = download.value
    assert saved.suggested_filename == f"{claim}.json"
    mine = [item for item in every if item["id"].rsplit("-", 1)[0] == claim]
    assert mine and (saved.path().read_bytes() == export.json_bytes(mine))


def test_without_javascript_there_is_no_empty_cite_this(browser, base_url):
    """The citation and its tools are made by dossier.js: without it, no "Cite this" to open onto nothing."""
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(base_url + ACTOR)
        assert tab.locator("article.dq-card").count() > 0 and tab.locator("details.dq-cite").count() == 0
        assert tab.locator(".dq-card__summary").first.is_visible()
    finally:
        context.close()


def test_every_card_with_its_evidence_gets_cite_this_on_every_page_it_is_shown(page, base_url):
    """dossier.js adds the disclosure to each full card (not to a card repeated under a further
    proposal), on the first page and on pages reached by Material's instant navigation."""
    page.goto(base_url + ACTOR)
    settled(page)
    full = page.locator("article.dq-card:not(.dq-card--again)")
    assert full.count() > 0
    assert page.locator("article.dq-card:not(.dq-card--again) > details.dq-cite").count() == full.count()
    assert page.locator("article.dq-card--again details.dq-cite").count() == 0
    href = page.locator("details.dq-cite a.dq-csl").first.get_attribute("href")
    assert href == "../data/claims.csl.json.zip"
    other = page.locator('a[href$="actors/index.html"]').first
    other.click()
    page.wait_for_url("**/actors/index.html")
    page.locator("main a[href$='.html']").filter(has_text="Vladimir Putin").first.click()
    page.wait_for_url("**/actors/vladimir-putin.html")
    settled(page)
    cards = page.locator("article.dq-card:not(.dq-card--again)")
    assert cards.count() > 0
    assert page.locator("article.dq-card:not(.dq-card--again) > details.dq-cite").count() == cards.count()
