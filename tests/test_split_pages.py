"""A busy actor's page (more cards than ACTOR_PAGE_CARDS) keeps its profile and latest recorded positions;
its cards go to one page per proposal, `actors/ID/PROPOSAL.md`. Every link to a card leads to the
page that holds it, and every old address `actors/ID.html#claim-X` holds an anchor that leads on to
the card (followed by assets/dossier.js; the browser test follows it in Chromium)."""

from __future__ import annotations

import json
import posixpath
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator import api
from generator.site import plan as plan_module
from tests.conftest import FIXTURE, tree_hash
from tests.refresh_golden import unpacked


@pytest.fixture(scope="module")
def docs(tmp_path_factory) -> Iterator[Path]:
    """The fixture dossier's generated pages, with every actor of more than one card split, and
    every proposal of more than one claim; generated once for the tests that read them (the
    module fails if one changed them)."""
    root = tmp_path_factory.mktemp("split") / "dossier"
    shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns("site", ".dossier"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(plan_module, "ACTOR_PAGE_CARDS", 1)
        patch.setattr(plan_module, "PROPOSAL_PAGE_ROWS", 1)
        api.generate(root)
    docs = root / api.DOCS_DIR
    before = tree_hash(docs)
    yield docs
    assert tree_hash(docs) == before, "a test changed the shared generated pages"


def _pages(docs: Path, under: str = "") -> list[str]:
    return sorted(p.relative_to(docs).as_posix() for p in (docs / under).rglob("*.md"))


def test_a_busy_actors_cards_go_to_one_page_per_proposal(docs):
    assert _pages(docs, "actors") == [
        "actors/envoy.md",
        "actors/envoy/binding-guarantees.md",
        "actors/envoy/border-deal.md",
        "actors/index.md",
        "actors/minister.md",
        "actors/minister/border-deal.md",
        "actors/spokesman.md",  # one card: not split
    ]
    envoy = (docs / "actors/envoy.md").read_text("utf-8")
    assert 'class="dq-card"' not in envoy
    assert "## Latest recorded position per proposal" in envoy
    assert 'class="dq-card"' in (docs / "actors/spokesman.md").read_text("utf-8")
    part = (docs / "actors/envoy/border-deal.md").read_text("utf-8")
    assert "\n# The Envoy on A border deal\n" in part
    assert part.count('<article class="dq-card"') == 1


def test_each_old_card_address_leads_to_the_card(docs):
    envoy = (docs / "actors/envoy.md").read_text("utf-8")
    moved = dict(re.findall(r'id="(claim-[^"]+)" data-moved-to="([^"]+)"', envoy))
    assert moved == {
        "claim-envoy-guarantees": "envoy/binding-guarantees.html#claim-envoy-guarantees",
        "claim-envoy-guarantees--border-deal": "envoy/border-deal.html#claim-envoy-guarantees--border-deal",
    }
    for to in moved.values():
        page, _, anchor = to.partition("#")
        held = (docs / "actors" / page.replace(".html", ".md")).read_text("utf-8")
        assert f'<article class="dq-card" id="{anchor}"' in held


def test_every_link_to_a_card_lands_on_a_page_that_holds_it(docs):
    """Timeline, proposal, source, grid and home pages, the current-position table: each
    `#claim-…` link resolves to a generated page holding that id."""
    ids: dict[str, set[str]] = {}
    links: list[tuple[str, str]] = []
    for rel in _pages(docs):
        text = (docs / rel).read_text("utf-8")
        ids[rel] = set(re.findall(r'id="([^"]+)"', text))
        links += [(rel, href) for href in re.findall(r'href="([^"#]*#claim-[^"]+)"', text)]
    assert len(links) > 20
    moved = 0
    for rel, href in links:
        target, _, anchor = href.partition("#")
        path = rel
        if target:
            path = posixpath.normpath(posixpath.join(posixpath.dirname(rel), target)).removesuffix(".html") + ".md"
        assert anchor in ids[path], (rel, href)
        moved += path.count("/") == 2
    assert moved > 5  # links go to the part pages directly, not through the redirect


def test_claim_addresses_in_the_data_and_feeds_point_at_the_part_page(docs):
    data = unpacked(docs / "data" / "claims.json.xz").decode("utf-8")
    assert '"url":"actors/envoy/binding-guarantees.html#claim-envoy-guarantees"' in data
    assert '"url":"actors/spokesman.html#claim-spokesman-finished"' in data
    feed = (docs / "feeds" / "actors" / "envoy.atom").read_text("utf-8")
    assert 'href="../../actors/envoy/binding-guarantees.html#claim-envoy-guarantees"' in feed


def test_a_busy_actors_pages_describe_the_actor_once_in_json_ld(dossier, monkeypatch):
    """The speaker on its own page; its part pages hold cards only (claims are not in JSON-LD)."""
    monkeypatch.setattr(plan_module, "ACTOR_PAGE_CARDS", 1)
    monkeypatch.setattr(plan_module, "PROPOSAL_PAGE_ROWS", 1)
    jsonld = api.render(dossier).jsonld
    assert json.loads(jsonld["actors/envoy.md"]) == {
        "@context": "https://schema.org",
        "@type": "Person",
        "@id": "envoy.html#actor",
        "name": "The Envoy",
        "alternateName": ["Envoy"],
    }
    assert not [path for path in jsonld if path.startswith("actors/envoy/")]


def test_a_busy_proposals_claims_go_to_a_page_per_year(docs):
    assert _pages(docs, "proposals") == [
        "proposals/binding-guarantees.md",  # one claim: not split
        "proposals/border-deal.md",
        "proposals/border-deal/2024.md",
        "proposals/border-deal/date-unknown.md",
        "proposals/index.md",
    ]
    main = (docs / "proposals/border-deal.md").read_text("utf-8")
    assert "dq-rows" not in main and "## Positions over time" in main
    assert re.findall(r'<li><a href="([^"]+)">([^<]+)</a> \(([^)]+)\)</li>', main) == [
        ("border-deal/2024.html", "2024", "3 claims"),
        ("border-deal/date-unknown.html", "Date unknown", "1 claim"),
    ]
    rows = [
        (docs / "proposals/border-deal" / p).read_text("utf-8").count("<tr><td>")
        for p in ("2024.md", "date-unknown.md")
    ]
    assert rows == [3, 1]


def test_check_places_every_page_where_the_build_does(dossier, edit, today, monkeypatch):
    """`dossier check` finds two pages on one path on the model's outline (no evidence, no source
    text): it places every page where the model does, split and moved pages included."""
    from generator.data.check import check
    from generator.site import views

    monkeypatch.setattr(plan_module, "ACTOR_PAGE_CARDS", 1)
    monkeypatch.setattr(plan_module, "PROPOSAL_PAGE_ROWS", 1)
    monkeypatch.setattr(views, "TIMELINE_PAGE_CLAIMS", 1)
    (dossier / "content" / "dossier.yaml").write_text(
        "# yaml-language-server: $schema=../generator/schema/dossier.schema.json\ndossier:\n"
        '  published: "2024-03-13"\n',
        "utf-8",
    )
    edit(dossier / "content/sources.yaml", "  - id: beta\n", "  - id: beta\n    formerly: [interview]\n")
    model = api.check(dossier, today).dossier
    outlines: list = []
    checked = check(dossier, today, placed=lambda outline, pages: outlines.append(outline) or [])
    assert checked.problems == [] and checked.dossier is None and len(outlines) == 1
    assert checked.counts == {"actors": 3, "claims": 4, "proposals": 2, "sources": 3}
    assert not [c for c in outlines[0].claims.values() if c.evidence]

    def placed(d) -> list[tuple[str, str, str | None]]:
        return [(out.path, out.template, out.edit) for out in plan_module.SitePlan(d).pages()]

    paths = [path for path, _, _ in placed(model)]
    assert {"actors/envoy/binding-guarantees.md", "proposals/border-deal/2024.md", "sources/interview.md"} <= set(paths)
    assert [path for path in paths if path.startswith("timeline/")] == [
        "timeline/2024-03.md",
        "timeline/date-unknown.md",
    ]
    assert placed(outlines[0]) == placed(model)
