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
        assert tab.locator("details.dq-cite").count() > 0
        assert not tab.locator("details.dq-cite").first.is_visible()
        assert tab.locator(".dq-card__summary").first.is_visible()
    finally:
        context.close()
