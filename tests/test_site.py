"""The built site, as a reader meets it: golden pages, provenance, escaping, determinism,
fail-safe builds. One real MkDocs build of the fixture dossier is shared by the module."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator import api, cli
from generator.errors import BuildError, ContentError
from generator.site.linkcheck import check_site
from generator.site.plan import SEARCH_BUNDLE, SEARCH_RECORDS
from tests.refresh_golden import FIXTURE, GOLDEN, generated_pages


def _copy(dest: Path) -> Path:
    shutil.copytree(FIXTURE, dest, ignore=shutil.ignore_patterns("site", ".dossier"))
    return dest


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = _copy(tmp_path_factory.mktemp("site") / "dossier")
    api.build(root)
    return root


def _tree_hash(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_generated_pages_match_golden_files(tmp_path):
    pages = generated_pages(_copy(tmp_path / "d"))
    golden = {p.relative_to(GOLDEN).as_posix(): p.read_text("utf-8") for p in sorted(GOLDEN.rglob("*.md"))}
    assert sorted(pages) == sorted(golden), "pages added or removed: run `make golden` and review"
    for rel, text in pages.items():
        assert text == golden[rel], f"{rel} differs from tests/golden/{rel}: run `make golden` and review the diff"


def test_every_local_link_and_anchor_resolves(built):
    checked, broken = check_site(built / "site")
    assert checked > 100
    assert [str(b) for b in broken] == []


class _Marks(HTMLParser):
    """Collects, per anchor id, the text of the <mark> elements that follow it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open_anchors: list[str] = []
        self.marked: dict[str, str] = {}
        self.in_mark = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "span" and attrs.get("class") == "dq-anchor":
            self.open_anchors.append(attrs["id"])
        elif tag == "mark" and "dq-mark" in (attrs.get("class") or ""):
            self.in_mark = True
            self.current = attrs["data-passages"].split()

    def handle_endtag(self, tag):
        if tag == "mark":
            self.in_mark = False

    def handle_data(self, data):
        if self.in_mark:
            for anchor in self.current:
                self.marked[anchor] = self.marked.get(anchor, "") + data


def test_every_quote_is_highlighted_at_its_anchor_and_cards_link_there(built):
    dossier = api.check(built).dossier
    for claim in dossier.claims.values():
        for ev in claim.evidence:
            anchor = f"q-{ev.passage.start}-{ev.passage.end}"
            page = built / "site" / "sources" / f"{ev.source}.html"
            marks = _Marks()
            marks.feed(page.read_text("utf-8"))
            assert anchor in marks.open_anchors
            assert marks.marked[anchor] == ev.passage.exact.replace("\r", "")
            actor_page = (built / "site" / "actors" / f"{claim.actor}.html").read_text("utf-8")
            assert f'href="../sources/{ev.source}.html#{anchor}"' in actor_page


def test_html_in_a_name_is_inert_in_title_header_nav_body_and_search(built):
    site = built / "site"
    raw = '<script>alert("x")</script>'
    for path in site.rglob("*.html"):
        assert raw not in path.read_text("utf-8"), path
    page = (site / "actors" / "minister.html").read_text("utf-8")
    assert "<title>Ana &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Minister - " in page
    header = re.findall(r'<span class="md-ellipsis">\s*(.*?)\s*</span>', page, re.S)
    assert "Ana &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Minister" in header
    assert "<h1 id=" in page and "Ana &#60;script&#62;alert" in page
    # The search keeps names as plain text (search.js shows them as text).
    records = {r["url"]: r for r in _records(built) if "url" in r}
    assert records["actors/minister.html"]["meta"]["title"] == 'Ana <script>alert("x")</script> Minister'


def _records(root: Path) -> list[dict]:
    return json.loads((root / SEARCH_RECORDS).read_text("utf-8"))


def test_search_finds_every_actor_under_every_alias(built):
    dossier = api.check(built).dossier
    records = {r["url"]: r for r in _records(built) if "url" in r}
    for actor in dossier.actors.values():
        content = records[f"actors/{actor.id}.html"]["content"]
        for alias in actor.aliases:
            assert alias in content, (actor.id, alias)
        for claim in dossier.claims_by_actor.get(actor.id, ()):  # a claim is found by its actor's aliases
            assert all(
                alias in records[f"actors/{actor.id}.html#claim-{claim.id}"]["content"] for alias in actor.aliases
            )


def test_two_builds_of_the_same_input_are_byte_identical(built, tmp_path):
    other = _copy(tmp_path / "again")
    api.build(other)
    assert _tree_hash(other / "site") == _tree_hash(built / "site")


def test_regenerating_unchanged_data_writes_nothing_and_one_edit_few_files(tmp_path):
    root = _copy(tmp_path / "d")
    first = api.generate(root)
    docs = root / api.DOCS_DIR
    assert sorted(first.written) == sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file())
    assert api.generate(root).written == ()
    claims = root / "claims.yaml"
    claims.write_text(
        claims.read_text("utf-8").replace(
            "The envoy would sign only with guarantees.", "The envoy signs only with guarantees."
        ),
        "utf-8",
    )
    # exactly the pages that show that summary
    assert set(api.generate(root).written) == {
        "actors/envoy.md",
        "proposals/binding-guarantees.md",
        "proposals/border-deal.md",
        "sources/beta.md",
        "timeline.md",
        "index.md",
        "data/claims.json",
        "data/claims.csv",
        "feeds/claims.atom",
        "feeds/actors/envoy.atom",
    }


def test_a_failed_mkdocs_build_keeps_the_previous_site(built, tmp_path):
    root = _copy(tmp_path / "d")
    api.build(root)
    before = _tree_hash(root / "site")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "\n  - Missing: missing.md\n", "utf-8")
    with pytest.raises(BuildError, match="the previous site/ is kept"):
        api.build(root)
    assert _tree_hash(root / "site") == before
    assert not list(root.glob(".site-*"))


def test_content_errors_stop_the_build_before_anything_is_written(tmp_path):
    root = _copy(tmp_path / "d")
    api.build(root)
    before = _tree_hash(root / "site"), _tree_hash(root / api.DOCS_DIR)
    claims = root / "claims.yaml"
    claims.write_text(claims.read_text("utf-8").replace("actor: envoy", "actor: nobody"), "utf-8")
    with pytest.raises(ContentError):
        api.build(root)
    assert (_tree_hash(root / "site"), _tree_hash(root / api.DOCS_DIR)) == before


def test_the_build_never_writes_into_content_or_claims(tmp_path):
    root = _copy(tmp_path / "d")
    data = [root / "claims.yaml", root / "content"]
    before = [_tree_hash(p) if p.is_dir() else p.read_bytes() for p in data]
    api.build(root)
    assert [_tree_hash(p) if p.is_dir() else p.read_bytes() for p in data] == before


def test_edit_links_point_at_the_yaml_a_curator_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("DOSSIER_EDIT_URI", "https://example.org/repo/edit/main/")
    root = _copy(tmp_path / "d")
    api.build(root)
    site = root / "site"
    assert 'href="https://example.org/repo/edit/main/content/actors.yaml"' in (
        site / "actors" / "envoy.html"
    ).read_text("utf-8")
    assert 'href="https://example.org/repo/edit/main/claims.yaml"' in (site / "timeline.html").read_text("utf-8")
    assert 'href="https://example.org/repo/edit/main/content/pages/methodology.md"' in (
        site / "methodology.html"
    ).read_text("utf-8")


def test_no_request_leaves_the_machine(built):
    for path in (built / "site").rglob("*.html"):
        text = path.read_text("utf-8")
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text, path


def test_a_hand_written_page_cannot_replace_a_generated_one(tmp_path):
    root = _copy(tmp_path / "d")
    (root / "content" / "pages" / "timeline.md").write_text("# Mine\n", "utf-8")
    with pytest.raises(ContentError) as info:
        api.generate(root)
    assert [p.gcc() for p in info.value.problems] == [
        "content/pages/timeline.md:1:1: error: `timeline.md` is a generated page's name: rename the file"
    ]


def test_check_refuses_what_build_refuses(tmp_path, capsys):
    """`dossier check --strict` (pre-commit, the CI gate) enforces the site's rules too."""
    root = _copy(tmp_path / "d")
    (root / "content" / "pages" / "Timeline.md").write_text("# Mine\n", "utf-8")
    edit = root / "content" / "actors.yaml"
    edit.write_text(edit.read_text("utf-8").replace("- id: envoy\n", "- id: index\n", 1), "utf-8")
    claims = root / "claims.yaml"
    claims.write_text(claims.read_text("utf-8").replace("actor: envoy\n", "actor: index\n"), "utf-8")
    assert cli.main(["check", "--strict", "--root", str(root)]) == 1
    out = capsys.readouterr().out.splitlines()
    line = next(n for n, text in enumerate(edit.read_text("utf-8").splitlines(), 1) if text == "  - id: index")
    assert out == [
        f"content/actors.yaml:{line}:9: error: the id `index` is reserved: its page would replace `actors/index.md`; "
        "choose another id",
        "content/pages/Timeline.md:1:1: error: `Timeline.md` is a generated page's name: rename the file",
    ]


def test_build_and_linkcheck_through_the_cli(tmp_path):
    root = _copy(tmp_path / "d")
    run = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--root", str(root)], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert re.search(
        r"dossier build: 16 pages \([0-9]+ files rewritten, 0 removed\), 4 claims, 2 sources in [0-9.]+s", run.stderr
    )
    run = subprocess.run(
        [sys.executable, "-m", "generator", "linkcheck", "--root", str(root)], capture_output=True, text=True
    )
    assert run.returncode == 0 and "0 broken" in run.stderr
    page = root / "site" / "sources" / "alpha.html"
    page.write_text(page.read_text("utf-8").replace('id="q-90-106"', 'id="gone"'), "utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "generator", "linkcheck", "--root", str(root)], capture_output=True, text=True
    )
    assert run.returncode == 1
    assert (
        "site/actors/minister.html: broken link `../sources/alpha.html#q-90-106`: no element with id `q-90-106` in "
        "sources/alpha.html" in run.stdout
    )


def test_search_finds_each_quote_once_on_its_claim_card_and_its_source(built):
    records = _records(built)
    quote = "We will not give up a single village"
    holding = sorted(r["url"] for r in records if quote in r.get("content", ""))
    assert holding == ["actors/minister.html#claim-minister-no-village", "sources/alpha.html"]
    claims = [r["url"] for r in records if r.get("filters", {}).get("kind") == ["Claim"]]
    assert len(claims) == len(set(claims)) == len(api.check(built).dossier.claims)  # each claim once
    assert (built / "site" / SEARCH_BUNDLE / "pagefind.js").is_file()
