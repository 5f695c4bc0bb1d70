"""The built site, as a reader meets it: golden pages, provenance, escaping, determinism,
fail-safe builds. The tests that only read the built fixture share one build (`built`, in
conftest.py); those that change it build a copy (`built_copy`)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator import api, cli
from generator.errors import BuildError, ContentError
from generator.site import write
from generator.site.linkcheck import check_site
from generator.site.plan import SEARCH_BUNDLE
from tests.conftest import tree_hash
from tests.refresh_golden import EXPORTS, FIXTURE, GOLDEN, GOLDEN_EXPORTS, generated_files, golden_name


def _copy(dest: Path) -> Path:
    shutil.copytree(FIXTURE, dest, ignore=shutil.ignore_patterns("site", ".dossier"))
    return dest


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> tuple[dict[str, str], dict[str, bytes]]:
    return generated_files(_copy(tmp_path_factory.mktemp("golden") / "d"))


def test_generated_pages_match_golden_files(generated):
    pages, _ = generated
    golden = {p.relative_to(GOLDEN).as_posix(): p.read_text("utf-8") for p in sorted(GOLDEN.rglob("*.md"))}
    assert sorted(pages) == sorted(golden), "pages added or removed: run `make golden` and review"
    for rel, text in pages.items():
        assert text == golden[rel], f"{rel} differs from tests/golden/{rel}: run `make golden` and review the diff"


def test_the_golden_exports_are_the_chosen_ones():
    kept = sorted(p.relative_to(GOLDEN_EXPORTS).as_posix() for p in GOLDEN_EXPORTS.rglob("*") if p.is_file())
    assert kept == sorted(golden_name(rel) for rel in EXPORTS), "golden exports added or removed: run `make golden`"


@pytest.mark.parametrize("rel", [golden_name(rel) for rel in EXPORTS])
def test_generated_exports_match_golden_files(generated, rel):
    _, exports = generated
    golden = GOLDEN_EXPORTS / rel
    assert golden.is_file(), f"tests/golden/exports/{rel} is missing: run `make golden` and review the diff"
    assert exports[rel] == golden.read_bytes(), (
        f"{rel} differs from tests/golden/exports/{rel}: run `make golden` and review the diff"
    )


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
            if "id" in attrs:  # the one passage that starts on this mark
                self.open_anchors.append(attrs["id"])
            self.in_mark = True
            self.current = attrs["data-passages"].split()

    def handle_endtag(self, tag):
        if tag == "mark":
            self.in_mark = False

    def handle_data(self, data):
        if self.in_mark:
            for anchor in self.current:
                self.marked[anchor] = self.marked.get(anchor, "") + data


# Every cited passage of the fixture, written out by hand: source, anchor (`q-START-END`, character
# offsets in the stored text), the text highlighted there, and the actor whose card links to it.
PASSAGES = [
    ("alpha", "q-90-106", "finished for now", "minister"),
    (
        "alpha",
        "q-137-218",
        "\u201cWe will not give up a single village,\u201d she told reporters. \u201cNot one\u2026 not today.\u201d",
        "minister",
    ),
    ("alpha", "q-245-276", "The talks are finished for now.", "spokesman"),
    ("beta", "q-45-66", "Only with guarantees,", "envoy"),
    ("beta", "q-85-127", "The envoy said guarantees must be binding.", "envoy"),
    ("vilne", "q-91-117", "Ми не віддамо жодного села", "minister"),
]


def test_every_quote_is_highlighted_at_its_anchor_and_cards_link_there(built):
    for source in ("alpha", "beta", "vilne"):
        marks = _Marks()
        marks.feed((built / "site" / "sources" / f"{source}.html").read_text("utf-8"))
        expected = {anchor: text for src, anchor, text, _ in PASSAGES if src == source}
        assert marks.open_anchors == list(expected), source
        assert marks.marked == expected, source
    for source, anchor, _, actor in PASSAGES:
        actor_page = (built / "site" / "actors" / f"{actor}.html").read_text("utf-8")
        assert f'href="../sources/{source}.html#{anchor}"' in actor_page, (actor, anchor)


def test_html_in_a_name_is_inert_in_title_header_nav_body_and_search(built, built_render):
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
    records = {r["url"]: r for r in built_render.records if "url" in r}
    assert records["actors/minister.html"]["meta"]["title"] == 'Ana <script>alert("x")</script> Minister'


def test_search_finds_every_actor_under_every_alias(built_render):
    dossier = built_render.dossier
    records = {r["url"]: r for r in built_render.records if "url" in r}
    for actor in dossier.actors.values():
        content = records[f"actors/{actor.id}.html"]["content"]
        for alias in actor.aliases:
            assert alias in content, (actor.id, alias)
        for claim in dossier.claims_by_actor.get(actor.id, ()):  # a claim is found by its actor's aliases
            assert all(
                alias in records[f"actors/{actor.id}.html#claim-{claim.id}"]["content"] for alias in actor.aliases
            )


@pytest.fixture(scope="module")
def cli_built(tmp_path_factory) -> tuple[subprocess.CompletedProcess, Path]:
    """A second build of the fixture, through the command line, in another folder (read only)."""
    root = _copy(tmp_path_factory.mktemp("cli") / "dossier")
    env = {k: v for k, v in os.environ.items() if k not in ("DOSSIER_SITE_URL", "DOSSIER_EDIT_URI")}
    run = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--root", str(root)], capture_output=True, text=True, env=env
    )
    return run, root


@pytest.mark.slow  # builds the site
def test_two_builds_of_the_same_input_are_byte_identical(built, cli_built):
    run, other = cli_built
    assert run.returncode == 0, run.stderr
    assert tree_hash(other / "site") == tree_hash(built / "site")


def test_regenerating_unchanged_data_writes_nothing_and_one_edit_few_files(tmp_path):
    root = _copy(tmp_path / "d")
    first = api.generate(root)
    docs = root / api.DOCS_DIR
    on_disk = [p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()]
    assert sorted(first.written) == sorted(rel for rel in on_disk if rel != write.MANIFEST)
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
        "timeline/2024.md",
        "timeline.md",  # its picture names each dated claim
        "data/claims.json.xz",
        "data/claims.csv.zip",
        "feeds/claims.atom",
        "feeds/actors/envoy.atom",
    }


def test_a_failed_mkdocs_build_keeps_the_previous_site(built_copy):
    root = built_copy
    before = tree_hash(root / "site")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "\n  - Missing: missing.md\n", "utf-8")
    with pytest.raises(BuildError, match="the previous site/ is kept"):
        api.build(root)
    assert tree_hash(root / "site") == before
    assert not list(root.glob(".site-*"))


def test_content_errors_stop_the_build_before_anything_is_written(built_copy):
    root = built_copy
    before = tree_hash(root / "site"), tree_hash(root / api.DOCS_DIR)
    claims = root / "claims.yaml"
    claims.write_text(claims.read_text("utf-8").replace("actor: envoy", "actor: nobody"), "utf-8")
    with pytest.raises(ContentError):
        api.build(root)
    assert (tree_hash(root / "site"), tree_hash(root / api.DOCS_DIR)) == before


def test_the_build_never_writes_into_content_or_claims(built):
    # `built` is a copy of the fixture, built: its input is still the fixture's, byte for byte.
    assert (built / "claims.yaml").read_bytes() == (FIXTURE / "claims.yaml").read_bytes()
    assert tree_hash(built / "content") == tree_hash(FIXTURE / "content")


@pytest.mark.slow  # builds the site
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


def _reserving(root: Path) -> list[str]:
    """An actor named `index` and a hand-written `Timeline.md`: what `dossier check` says of them."""
    (root / "content" / "pages" / "Timeline.md").write_text("# Mine\n", "utf-8")
    edit = root / "content" / "actors.yaml"
    edit.write_text(edit.read_text("utf-8").replace("- id: envoy\n", "- id: index\n", 1), "utf-8")
    claims = root / "claims.yaml"
    claims.write_text(claims.read_text("utf-8").replace("actor: envoy\n", "actor: index\n"), "utf-8")
    line = next(n for n, text in enumerate(edit.read_text("utf-8").splitlines(), 1) if text == "  - id: index")
    return [
        f"content/actors.yaml:{line}:9: error: the id `index` is reserved: its page would replace `actors/index.md`; "
        "choose another id",
        "content/pages/Timeline.md:1:1: error: `Timeline.md` is a generated page's name: rename the file",
    ]


def test_check_refuses_what_build_refuses(tmp_path, capsys):
    """`dossier check --strict` (pre-commit, the CI gate) enforces the site's rules too."""
    root = _copy(tmp_path / "d")
    expected = _reserving(root)
    assert cli.main(["check", "--strict", "--root", str(root)]) == 1
    assert capsys.readouterr().out.splitlines() == expected


@pytest.mark.skipif(
    not hasattr(os, "fork") or sys.platform == "darwin" or len(os.sched_getaffinity(0)) < 2,
    reason="the second process needs fork and two cores",
)
@pytest.mark.parametrize("answer", ["taken", "garbled", "lost", "data refused"])
def test_check_looks_for_pages_on_one_path_beside_the_data_checks(tmp_path, capsys, monkeypatch, answer):
    """From apart.MIN_CLAIMS_APART claims (here any), `dossier check` looks for two pages on one
    path in a second process while the first validates the data. An answer garbled or lost costs
    time, never a result; with the data refused, the pages' paths are not looked at."""
    from generator.data import apart

    root = _copy(tmp_path / "d")
    expected = _reserving(root)
    if answer == "data refused":
        edit = root / "claims.yaml"
        edit.write_text(edit.read_text("utf-8").replace("summary: ", "summary: [", 1), "utf-8")
        assert cli.main(["check", "--root", str(root)]) == 1
        expected = capsys.readouterr().out.splitlines()
        assert expected[0].startswith("claims.yaml:7:14: error: YAML syntax")
        assert not [line for line in expected if "reserved" in line or "generated page" in line]
    started: list[bool] = []

    class Counted(apart.Apart):
        def __init__(self, work) -> None:
            super().__init__(work)
            started.append(self.started)

    monkeypatch.setattr(apart, "MIN_CLAIMS_APART", 0)
    monkeypatch.setattr(apart, "can_fork", lambda: True)
    monkeypatch.setattr(apart, "Apart", Counted)
    if answer in ("garbled", "lost"):
        monkeypatch.setattr(apart, "loads", lambda body: [["claims.yaml", 1]] if answer == "garbled" else None)
    assert cli.main(["check", "--root", str(root)]) == 1
    assert capsys.readouterr().out.splitlines() == expected
    assert started == [True]


@pytest.mark.skipif(
    not hasattr(os, "fork") or sys.platform == "darwin" or len(os.sched_getaffinity(0)) < 2,
    reason="the second process needs fork and two cores",
)
def test_a_check_interrupted_while_its_pages_are_looked_at_beside_leaves_no_process(tmp_path, monkeypatch):
    """Interrupted while the second process looks for pages on one path (here it never ends),
    the check ends it at once: no process left running, none left unreaped."""
    import time

    from generator.data import apart, validate
    from generator.site.check import check

    root = _copy(tmp_path / "d")
    helpers: list[apart.Apart] = []

    class Recorded(apart.Apart):
        def __init__(self, work) -> None:
            super().__init__(lambda: time.sleep(60) or work())
            helpers.append(self)

    def interrupted(self):
        raise KeyboardInterrupt

    monkeypatch.setattr(apart, "MIN_CLAIMS_APART", 0)
    monkeypatch.setattr(apart, "can_fork", lambda: True)
    monkeypatch.setattr(apart, "Apart", Recorded)
    monkeypatch.setattr(validate.Validator, "run", interrupted)
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        check(root, outline=True)
    assert len(helpers) == 1 and not helpers[0].started and time.monotonic() - started < 30


@pytest.mark.slow  # builds the site
def test_build_and_linkcheck_through_the_cli(cli_built, tmp_path):
    run, built_by_cli = cli_built
    assert run.returncode == 0, run.stderr
    assert re.search(r"dossier build: 19 pages, 4 claims, 3 sources in [0-9.]+s", run.stderr)
    run = subprocess.run(
        [sys.executable, "-m", "generator", "linkcheck", "--root", str(built_by_cli)], capture_output=True, text=True
    )
    assert run.returncode == 0 and "0 broken" in run.stderr
    root = tmp_path / "d"
    shutil.copytree(built_by_cli, root)  # a copy to break
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


def test_search_finds_each_quote_once_on_its_claim_card_and_its_source(built, built_render):
    records = built_render.records
    quote = "We will not give up a single village"
    holding = sorted(r["url"] for r in records if quote in r.get("content", ""))
    assert holding == ["actors/minister.html#claim-minister-no-village", "sources/alpha.html"]
    claims = [r["url"] for r in records if r.get("filters", {}).get("kind") == ["Claim"]]
    assert len(claims) == len(set(claims)) == len(built_render.dossier.claims)  # each claim once
    assert (built / "site" / SEARCH_BUNDLE / "pagefind.js").is_file()


def test_the_context_keeps_the_sources_spacing_around_the_passage(built):
    """Quotation marks hug the highlighted words as in the source, not with spaces added."""
    page = (built / "site" / "actors" / "envoy.html").read_text("utf-8")
    assert "A: &#34;<mark>Only with guarantees,</mark>&#34; said the envoy." in page


def test_a_claim_on_two_proposals_is_shown_in_full_once_on_its_actors_page(built):
    """Under its first proposal the full card; under the other a short one (head, summary, its
    stance there) that keeps the old anchor and leads to the full card."""
    page = (built / "site" / "actors" / "envoy.html").read_text("utf-8")
    assert page.count('<article class="dq-card" id="claim-envoy-guarantees">') == 1
    assert page.count('<blockquote class="dq-quote" lang="en"><p>“Only with guarantees,”</p></blockquote>') == 1
    short = page.split('<article class="dq-card dq-card--again" id="claim-envoy-guarantees--border-deal">')[1]
    short = short.split("</article>")[0]
    assert '<p class="dq-card__summary">The envoy would sign only with guarantees.</p>' in short
    # its stance there, as a chip (the heading above names the proposal)
    assert '<span class="dq-chip dq-stance--conditional">supports with conditions<span class="dq-basis' in short
    assert "Binding guarantees</a>" not in short  # the other stance is on the full card
    assert '<a href="#claim-envoy-guarantees">The claim with its evidence</a> is under “Binding guarantees”.' in short


@pytest.mark.parametrize("beside", [False, True])
@pytest.mark.parametrize(("value", "shown"), [("5", "5"), ("true", "True"), ("1.5", "1.5")])
def test_a_claims_list_that_is_not_a_list_is_a_content_error_in_check(
    tmp_path, capsys, monkeypatch, beside, value, shown
):
    """Counted before the validation (whether a second process pays), a `claims:` of any shape is
    the schema's one-line error, never an internal one."""
    from generator.data import apart

    if beside:
        monkeypatch.setattr(apart, "MIN_CLAIMS_APART", 0)
        monkeypatch.setattr(apart, "can_fork", lambda: True)
    root = _copy(tmp_path / "d")
    (root / "claims.yaml").write_text(f"claims: {value}\n", "utf-8")
    assert cli.main(["check", "--root", str(root)]) == 1
    errors = [line for line in capsys.readouterr().out.splitlines() if ": error: " in line]
    assert errors == [f"claims.yaml:1:9: error: `claims` must be a list (items start with `- `), not `{shown}`"]


def test_a_page_differing_only_in_case_from_an_unreadable_one_still_needs_its_nav_entry(tmp_path, capsys):
    root = _copy(tmp_path / "d")
    (root / "content" / "pages" / "notes.md").write_text("# Notes\n", "utf-8")
    (root / "content" / "pages" / "Notes.md").write_bytes(b"\xff\xfe")
    assert cli.main(["check", "--root", str(root)]) == 1
    out = capsys.readouterr().out
    assert "content/pages/Notes.md:1:1: error:" in out
    assert "content/pages/notes.md:1:1: error: the page is not in mkdocs.yml's `nav`" in out
