"""The machine-readable dossier: claims.json (against its schema), claims.csv, JSON-LD in pages,
Atom feeds read by a real feed parser, and CSL-JSON per claim."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import jsonschema
import pytest

from generator import api
from generator.site import export, jsonld, passages
from generator.site.plan import FEED_ENTRIES
from tests.refresh_golden import FIXTURE, unpacked

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def real(real_built) -> Path:
    """The real dossier, built (once per session, read only: conftest.py)."""
    return real_built


def _data(root: Path) -> dict:
    return json.loads(unpacked(root / "site" / "data" / "claims.json.xz"))


def test_claims_json_follows_its_schema_and_carries_provenance(real):
    data = _data(real)
    schema = json.loads((real / "site" / "data" / "claims.schema.json").read_text("utf-8"))
    jsonschema.Draft7Validator(schema).validate(data)
    assert data["format"] == "dossier-claims" and data["format_version"] == export.FORMAT_VERSION
    # Oldest first by the earliest day a date allows (an open start is earliest of all), then by its
    # latest day; undated last; ties by id.
    order = [
        (s["earliest"] or ("0000" if s["date"] else "9999"), s["latest"] or "9999", c["id"])
        for c in data["claims"]
        for s in [c["said"]]
    ]
    assert order == sorted(order) and len(order) >= 40
    for claim in data["claims"]:
        for ev in claim["evidence"]:
            stored = real / "content" / "sources" / ev["source"]["file"]
            assert hashlib.sha256(stored.read_bytes()).hexdigest() == ev["source"]["sha256"]
            text = stored.read_text("utf-8").removeprefix("\ufeff")
            sel = ev["selector"]
            assert text[sel["start"] : sel["end"]] == sel["exact"]
            assert text[: sel["start"]].endswith(sel["prefix"]) and text[sel["end"] :].startswith(sel["suffix"])
            assert text.count("\n", 0, sel["start"]) + 1 == sel["line"]


def test_the_fixture_claims_are_listed_oldest_first(built):
    data = _data(built)
    assert [c["id"] for c in data["claims"]] == [
        "envoy-guarantees",  # March 2024 (ties by id)
        "minister-no-village",  # March 2024
        "minister-talks-finished",  # 5 March 2024
        "spokesman-finished",  # date unknown
    ]


def test_dates_carry_their_edtf_text_and_bounds(real):
    claims = {c["id"]: c for c in _data(real)["claims"]}
    undated = [c["said"] for c in claims.values() if not c["said"]["date"]]
    assert undated and all((s["kind"], s["earliest"], s["latest"]) == (None, None, None) for s in undated)
    # The Sky News remarks are dated from August 2022 on, with no end: an interval open at its end.
    sky = claims["zelenskyy-sky-news-ceasefire-without-territories"]["said"]
    assert (sky["kind"], sky["latest"]) == ("open-end", None) and sky["earliest"] == "2022-08-01"
    days = [c["said"] for c in claims.values() if c["said"]["kind"] == "day"]
    # a day marked uncertain (`2024-10-18?`) still spans that one day
    assert all(s["earliest"] == s["latest"] == s["date"].rstrip("?~%") for s in days)
    assert any(s["date"].endswith("?") and s["uncertain"] for s in days)


def test_claims_csv_has_one_row_per_evidence_item(real):
    rows = list(csv.DictReader(io.StringIO(unpacked(real / "site" / "data" / "claims.csv.zip").decode("utf-8"))))
    data = _data(real)
    assert len(rows) == sum(len(c["evidence"]) for c in data["claims"])
    assert tuple(rows[0]) == export.CSV_COLUMNS
    first = data["claims"][0]
    assert rows[0]["claim_id"] == first["id"] and rows[0]["exact"] == first["evidence"][0]["selector"]["exact"]


def test_csv_cells_that_spreadsheets_would_run_are_defused():
    assert [export._cell(v) for v in ("=HYPERLINK(1)", "+1", "@SUM", "-2", "plain", None, 3)] == [
        "'=HYPERLINK(1)",
        "'+1",
        "'@SUM",
        "'-2",
        "plain",
        "",
        "3",
    ]


def _jsonld(page: Path) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page.read_text("utf-8"), re.S)
    return [json.loads(b) for b in blocks]


def _nodes(block: dict) -> list[dict]:
    return block.get("@graph", [block])


def _described(site: Path, rel: str) -> dict[str, dict]:
    """A page's JSON-LD nodes by their absolute @id (each page's ids are relative to it)."""
    (block,) = _jsonld(site / rel)
    assert block["@context"] == "https://schema.org"
    nodes = _nodes(block)
    described = {urljoin(f"https://x/{rel}", n["@id"]): n for n in nodes}
    assert len(described) == len(nodes)  # each thing once
    return described


def test_every_actor_proposal_and_source_page_embeds_valid_jsonld(real):
    """Each thing described once, on its own page, under the @id that page gives it: a source, a
    proposal, a speaker. No claim: neither Google nor Bing reads schema.org's Claim, and
    claims.json describes every one."""
    site = real / "site"
    dossier = api.check(real).dossier
    for source in dossier.sources.values():
        work = _described(site, f"sources/{source.id}.html")[f"https://x/sources/{source.id}.html"]
        assert work["@type"] == "CreativeWork" and work["name"] == source.title
        assert work["identifier"] == f"sha256:{source.sha256}" and work["isBasedOn"]["headline"] == source.title
    for proposal in dossier.proposals.values():
        topic = _described(site, f"proposals/{proposal.id}.html")[f"https://x/proposals/{proposal.id}.html#proposal"]
        assert topic["@type"] == "Thing" and topic["name"] == proposal.title
    for actor in dossier.actors.values():
        (person,) = _described(site, f"actors/{actor.id}.html").values()
        assert person["@id"] == f"{actor.id}.html#actor"
        assert person["@type"] == ("Person" if actor.kind == "person" else "Organization")
        assert person["name"] == actor.name and set(person.get("alternateName", [])) == set(actor.aliases)
    assert '"@type":"Claim"' not in (site / "actors" / "volodymyr-zelenskyy.html").read_text("utf-8")


def test_feeds_are_valid_atom_newest_first_and_discoverable(real):
    site = real / "site"
    dossier = api.check(real).dossier
    whole = feedparser.parse((site / "feeds" / "claims.atom").read_bytes())
    assert not whole.bozo, whole.bozo_exception
    assert whole.version == "atom10"
    assert len(dossier.claims) > FEED_ENTRIES and len(whole.entries) == FEED_ENTRIES  # the newest, not all
    assert len({e.id for e in whole.entries}) == len(whole.entries)
    for actor in dossier.actors.values():
        feed = feedparser.parse((site / "feeds" / "actors" / f"{actor.id}.atom").read_bytes())
        assert not feed.bozo and len(feed.entries) == min(FEED_ENTRIES, len(dossier.claims_by_actor[actor.id]))
        assert all(e.link.startswith("../../actors/") for e in feed.entries)
        page = (site / "actors" / f"{actor.id}.html").read_text("utf-8")
        assert (
            'rel="alternate feed" type="application/atom+xml" title="Claims of this actor" '
            f'href="../feeds/actors/{actor.id}.atom"' in page
        )
    assert 'rel="alternate feed" type="application/atom+xml" title="All claims" href="feeds/claims.atom"' in (
        site / "index.html"
    ).read_text("utf-8")


def test_the_fixture_feed_lists_the_newest_added_first_then_the_latest_said(built):
    feed = feedparser.parse((built / "site" / "feeds" / "claims.atom").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert [(e.link, e.id) for e in feed.entries] == [
        # added 2024-03-10
        ("../actors/minister.html#claim-minister-talks-finished", "urn:uuid:8082581c-e53b-5118-8ad5-226e5b29a560"),
        # the others have no `added`: said March 2024 (ties by id, descending), then date unknown
        ("../actors/minister.html#claim-minister-no-village", "urn:uuid:009fbd91-a740-5cf8-b124-3f9236fe9e4b"),
        ("../actors/envoy.html#claim-envoy-guarantees", "urn:uuid:ea4b39ac-3e7b-5d07-abc9-97bb50d69db8"),
        ("../actors/spokesman.html#claim-spokesman-finished", "urn:uuid:e46ae37f-6ea2-51d6-902f-366a8a3d66f5"),
    ]


def _stance(value: str) -> tuple:
    from generator.data.model import Stance

    return (Stance("p", value, (), True),)


def _said(date):
    from generator.data.assemble import dating

    return dating({"date": date, "basis": "stated"} if date else {"basis": "unknown"})


def test_an_actors_feed_holds_its_claims_among_the_dossiers_newest(tmp_path, monkeypatch):
    """What is new, as a feed is read: an actor's claims among the dossier's newest
    ACTOR_FEED_WINDOW; an actor with none of them has a valid feed without entries."""
    from generator.site import render

    monkeypatch.setattr(render, "ACTOR_FEED_WINDOW", 2)
    root = tmp_path / "d"
    shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns("site", ".dossier"))
    files = api.render(root).files
    minister = feedparser.parse(files["feeds/actors/minister.atom"])
    envoy = feedparser.parse(files["feeds/actors/envoy.atom"])
    assert not minister.bozo and not envoy.bozo and envoy.version == "atom10"
    # the fixture's newest two claims are the minister's (the whole feed's order)
    assert [e.link for e in minister.entries] == [
        "../../actors/minister.html#claim-minister-talks-finished",
        "../../actors/minister.html#claim-minister-no-village",
    ]
    assert envoy.entries == [] and envoy.feed.subtitle == (
        "Claims of The Envoy among the 2 added to Ukraine, NATO and security guarantees: who said what last "
        "(50 at most), newest first; the actor's page has every one."
    )
    assert len(feedparser.parse(files["feeds/claims.atom"]).entries) == 4  # the whole feed is not windowed


def test_feed_order_is_by_date_added_then_date_said():
    from generator.data.model import Claim

    def claim(ident, added, said):
        return Claim(ident, "a", _stance("supports"), _said(said), "s", (), added)

    claims = [
        claim("old", "2024-01-01", "2023-05"),
        claim("new-undated", "2024-02-01", None),
        claim("new-later", "2024-02-01", "2024-01-20"),
        claim("new-earlier", "2024-02-01", "2023-12"),
    ]
    assert [c.id for c in export.feed_entries(claims)] == ["new-later", "new-earlier", "new-undated", "old"]


def test_feeds_use_absolute_links_when_the_site_address_is_known(tmp_path, monkeypatch):
    root = tmp_path / "d"
    shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns("site", ".dossier"))
    monkeypatch.setenv("DOSSIER_SITE_URL", "https://example.org/dossier/")
    api.generate(root)
    feed = feedparser.parse((root / api.DOCS_DIR / "feeds" / "claims.atom").read_bytes())
    assert not feed.bozo
    assert feed.entries[0].link.startswith("https://example.org/dossier/actors/")


def test_each_card_offers_a_citation_and_csl_json(real):
    """One CSL-JSON file holds every claim's items (assets/dossier.js takes a card's claim's from it);
    each card links it, and names its claim in its permalink."""
    site = real / "site"
    dossier = api.check(real).dossier
    page = (site / "actors" / "volodymyr-zelenskyy.html").read_text("utf-8")
    # Each card that holds its evidence gets "Cite this" from assets/dossier.js (tests/browser).
    cards = page.count('<article class="dq-card" id="claim-')
    assert cards == len(dossier.claims_by_actor["volodymyr-zelenskyy"]) and 'class="dq-cite"' not in page
    items = json.loads(unpacked(site / "data" / "claims.csl.json.zip"))
    ids = [item["id"] for item in items]
    by_actor = [c for actor in dossier.actors for c in dossier.claims_by_actor.get(actor, ())]
    assert ids == [f"{c.id}-{ev.number}" for c in by_actor for ev in passages.reading_order(c)]
    for claim in dossier.claims.values():
        mine = [i for i in items if i["id"].rsplit("-", 1)[0] == claim.id]
        # One item per passage, the excerpt (never a headline, when there is another) first.
        firsts = [ev for ev in claim.evidence if f"{claim.id}-{ev.number}" == mine[0]["id"]]
        assert not firsts[0].on_headline or all(ev.on_headline for ev in claim.evidence)
        assert all(i["type"] in ("article", "article-newspaper") and i["title"] for i in mine)
        card = (site / "actors" / f"{claim.actor}.html").read_text("utf-8")
        assert f'href="#claim-{claim.id}">' in card or f'.html#claim-{claim.id}">' in card
    script = (site / "assets" / "dossier.js").read_text("utf-8")
    assert 'new URL("../data/claims.csl.json.zip", script.src)' in script  # beside assets/
    # Without JavaScript, the tools that need it (copying, the CSL-JSON of one claim) are not shown.
    assert ".no-js .dq-cite { display: none; }" in (site / "assets" / "dossier.css").read_text("utf-8")


def test_jsonld_survives_hostile_text():
    import yaml

    hostile = "</script><script>alert(1)</script>\u2028<!-- & é"
    block = jsonld.front_matter_json({"name": hostile})
    assert block.isascii() and not set("<>&") & set(block)
    assert json.loads(block)["name"] == hostile
    assert yaml.safe_load(f"jsonld: {block}")["jsonld"]["name"] == hostile  # as MkDocs reads front matter


def test_translation_pairs_link_only_the_named_evidence(real):
    dossier = api.check(real).dossier
    pairs = [(c, ev) for c in dossier.claims.values() for ev in c.evidence if c.translation_partner(ev)]
    assert pairs, "the real dossier has a translation pair"
    for claim, ev in pairs:
        partner = claim.translation_partner(ev)
        assert ev.translation_of == partner.id or partner.translation_of == ev.id
        assert ev.language != partner.language


def test_a_shift_needs_a_strictly_later_date():
    from generator.data.model import Claim, Dossier

    def claim(ident, said, stance):
        return Claim(ident, "a", _stance(stance), _said(said), "s", ())

    claims = [
        claim("c1", "2024-03", "opposes"),
        claim("c2", "2024-03-10", "open"),
        claim("c3", "2024-05-02", "supports"),
        claim("c4", None, "neutral"),
    ]
    d = Dossier({}, {}, {}, {c.id: c for c in claims})
    shifts = {p.claim.id: p.shift_from for p in d.history[("a", "p")]}
    # March 2024 may include 10 March: no order between them, so which stance c3 changed from
    # (opposes or open) is not known and nothing is marked; undated says nothing.
    assert shifts == {"c1": None, "c2": None, "c3": None, "c4": None}
    claims[0] = claim("c1", "2024-02", "open")  # now c1, c2 and then c3, in a certain order
    d = Dossier({}, {}, {}, {c.id: c for c in claims})
    shifts = {p.claim.id: p.shift_from for p in d.history[("a", "p")]}
    assert shifts == {"c1": None, "c2": None, "c3": "open", "c4": None}


def test_claims_json_and_csv_carry_the_orders_texts_state(real):
    import zipfile

    claims = {c["id"]: c for c in _data(real)["claims"]}
    earlier = claims["zelenskyy-earlier-full-withdrawal-precondition"]["said"]
    assert [o["claim"] for o in earlier["before"]] == [
        "zelenskyy-sky-news-ceasefire-without-territories",
        "zelenskyy-strong-position-before-settlement-talks",
        "zelenskyy-end-conflict-as-soon-as-possible",
        "zelenskyy-could-cede-territories-cannot-return",
    ]
    assert earlier["after"] == [] and earlier["date"] is None
    sky = claims["zelenskyy-sky-news-ceasefire-without-territories"]["said"]
    assert [o["claim"] for o in sky["after"]] == ["zelenskyy-earlier-full-withdrawal-precondition"]
    assert sky["after"][0]["reason"].endswith('"He abruptly changed tack last week, telling Sky News".')
    with zipfile.ZipFile(real / "site" / "data" / "claims.csv.zip") as archive:
        rows = csv.DictReader(io.StringIO(archive.read("claims.csv").decode("utf-8")))
    by_claim = {r["claim_id"]: r for r in rows}
    row = by_claim["zelenskyy-sky-news-ceasefire-without-territories"]
    assert (row["said_before"], row["said_after"]) == ("", "zelenskyy-earlier-full-withdrawal-precondition")
    # Review 7, m7: a date marked uncertain says so beside its bounds (format 2.3).
    umerov = by_claim["umerov-not-heard-of-territory-proposal"]
    assert (umerov["said_date"], umerov["said_earliest"], umerov["said_uncertain"]) == (
        "2024-10-18?",
        "2024-10-18",
        "true",
    )
    assert (row["said_date"], row["said_uncertain"]) == ("2022-08/..", "false")


def test_the_csv_is_published_zipped_the_same_bytes_for_the_same_input():
    """One file in the archive, claims.csv, dated the build's day, whatever the machine or the hour."""
    import datetime as dt
    import zipfile

    data = b"claim_id\nx\n"
    first = export.zipped("claims.csv", data, dt.date(2024, 3, 10))
    assert first == export.zipped("claims.csv", data, dt.date(2024, 3, 10))
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        (info,) = archive.infolist()
        assert (info.filename, info.date_time, archive.read(info)) == ("claims.csv", (2024, 3, 10, 0, 0, 0), data)


def test_the_json_is_published_in_xz_the_same_bytes_for_the_same_input():
    """An xz stream (what `xz -d`, Python's lzma and pandas read), no date in it."""
    import lzma

    data = b'{"claims":[]}\n' * 1000
    packed = export.xz(data)
    assert packed == export.xz(data) and packed.startswith(b"\xfd7zXZ\x00") and lzma.decompress(packed) == data
    assert len(packed) < len(data) / 50


def test_recently_added_lists_only_claims_added_after_the_first_publication():
    from generator.data.model import Claim, Dossier

    def claim(ident, added):
        return Claim(ident, "a", _stance("supports"), _said("2023-05"), "s", (), added)

    claims = {
        c.id: c
        for c in [
            claim("before", "2024-01-01"),
            claim("on-the-day", "2024-02-01"),
            claim("after", "2024-03-01"),
            claim("latest", "2024-04-01"),
            claim("undated", None),
        ]
    }
    assert Dossier({}, {}, {}, claims).recently_added(10) == []  # unpublished: `added` is editing history
    published = Dossier({}, {}, {}, claims, published="2024-02-01")
    assert [c.id for c in published.recently_added(10)] == ["latest", "after"]
    assert [c.id for c in published.recently_added(1)] == ["latest"]
