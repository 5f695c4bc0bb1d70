"""`python -m bench.synth` writes a valid, self-contained, deterministic dossier of the asked size;
and on the real dossier, changing one claim rewrites exactly the pages that show it (what keeps
the preview fast)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml

from bench.synth import synthesize, write
from bench.synth.__main__ import main as synth_main
from bench.synth.dump import Date, document
from generator import api, cli
from generator.api import DOCS_DIR as DOCS
from generator.site import views
from tests.refresh_golden import unpacked

pytestmark = pytest.mark.slow  # synthetic dossiers generated and built

ROOT = Path(__file__).resolve().parent.parent
YAMLS = ("claims.yaml", "content/sources.yaml", "content/actors.yaml", "content/proposals.yaml")


def _tree(folder: Path) -> dict[str, bytes]:
    """The files synth wrote (not .dossier/, where a check of the folder keeps its cache)."""
    files = (p for p in sorted(folder.rglob("*")) if p.is_file())
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in files if ".dossier" not in p.parts}


def _synth(*argv: str) -> subprocess.CompletedProcess:
    """The tool as a developer runs it: `python -m bench.synth` from the repository root."""
    return subprocess.run([sys.executable, "-m", "bench.synth", *argv], cwd=ROOT, capture_output=True, text=True)


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("synth") / "dossier"
    run = _synth("--claims", "60", "--out", str(root), "--seed", "3")
    assert run.returncode == 0, run.stderr
    assert run.stderr.startswith(f"bench.synth: wrote 19 files (60 claims, seed 3) to {root} in ")
    return root


def test_synth_output_passes_the_strict_check(small, capsys):
    assert cli.main(["check", "--strict", "--root", str(small)]) == 0
    assert "0 errors, 0 warnings (60 claims, 12 sources)" in capsys.readouterr().err


def test_synth_writes_a_self_contained_root(small):
    for rel in (*YAMLS, "content/pages/introduction.md", "content/pages/methodology.md", "mkdocs.yml"):
        assert (small / rel).is_file(), rel
    config = (small / "mkdocs.yml").read_text("utf-8")
    assert 'site_name: "Synthetic dossier: 60 claims (seed 3)"' in config
    assert "hooks" not in config
    # Nothing points into this repository or the machine: the root can be moved or archived.
    for rel, data in _tree(small).items():
        assert str(ROOT).encode() not in data and str(small).encode() not in data, rel
    # The pages are the synthetic dossier's own, not this repository's.
    for page in ("introduction.md", "methodology.md"):
        assert (small / "content/pages" / page).read_bytes() != (ROOT / "content/pages" / page).read_bytes()
    assert "60 claims by 6 actors on 2 proposals" in (small / "content/pages/introduction.md").read_text("utf-8")


def test_synth_is_deterministic_for_a_seed(small, tmp_path):
    again = tmp_path / "again"
    assert _synth("--claims", "60", "--out", str(again), "--seed", "3").returncode == 0
    assert _tree(again) == _tree(small)
    other = synthesize(60, seed=4)
    assert other["claims.yaml"] != (small / "claims.yaml").read_bytes()


def test_synth_sizes_and_variety():
    files = synthesize(300, seed=1)
    data = {rel: yaml.safe_load(files[rel]) for rel in YAMLS}
    # split over files as a large dossier is: claims.yaml, then claims/0002.yaml, claims/0003.yaml
    assert sorted(rel for rel in files if rel.startswith("claims")) == [
        "claims.yaml",
        "claims/0002.yaml",
        "claims/0003.yaml",
    ]
    claims = [c for rel in sorted(files) if rel.startswith("claims") for c in yaml.safe_load(files[rel])["claims"]]
    assert len(claims) == 300 and [len(yaml.safe_load(files[r])["claims"]) for r in YAMLS[:1]] == [100]
    assert len(data["content/sources.yaml"]["sources"]) == 60  # N/5
    assert len(data["content/actors.yaml"]["actors"]) == 30  # N/10
    assert len(data["content/proposals.yaml"]["proposals"]) == 10  # N/30
    texts = [files[f"content/sources/{s['file']}"] for s in data["content/sources.yaml"]["sources"]]
    assert all(2000 <= len(t) <= 10 * 1024 for t in texts), sorted(len(t) for t in texts)
    assert any(b"\r\n" in t for t in texts)
    assert any(not unicodedata.is_normalized("NFC", t.decode("utf-8-sig")) for t in texts)  # decomposed (NFD)
    joined = b"".join(texts).decode("utf-8-sig")
    for needle in ("“", "’", "—", "…", "\u00a0"):
        assert needle in joined, repr(needle)
    assert any("\u0400" <= ch <= "\u04ff" for ch in joined)  # Cyrillic
    assert {s["language"] for s in data["content/sources.yaml"]["sources"]} == {"en", "uk", "ru"}
    evidence = [ev for c in claims for ev in c["evidence"]]
    assert any("occurrence" in ev for ev in evidence)
    assert any("prefix" in ev for ev in evidence)
    assert {ev["kind"] for ev in evidence} == {"direct-quote", "reported-speech", "paraphrase", "framing"}  # headlines


def test_every_date_is_written_as_a_quoted_string():
    files = synthesize(300, seed=1)
    dates = 0
    for rel in sorted(r for r in files if r.endswith(".yaml")):  # claims/*.yaml too
        text = files[rel].decode("utf-8")
        assert text.startswith("# yaml-language-server: $schema="), rel
        for line in text.splitlines():
            key, _, value = line.strip().partition(": ")
            if key in ("date", "added", "from", "until"):
                assert value.startswith("'") and value.endswith("'"), (rel, line)
                dates += 1

        def walk(value, rel=rel):
            assert not isinstance(value, dt.date), (rel, value)  # YAML typed none of them as a date
            for item in value.values() if isinstance(value, dict) else value if isinstance(value, list) else ():
                walk(item)

        walk(yaml.safe_load(text))
    assert dates > 500


def test_yaml_round_trips_every_text_exactly():
    hard = [
        "2024-10-18",
        "2024",
        "yes",
        "no",
        "~",
        "null",
        "1.5",
        "- a dash first",
        "# not a comment",
        "key: value",
        "“curly” ‘quotes’ — dash… ellipsis",
        "no\u00a0break",
        "two  spaces",
        "e\u0301 decomposed",
        "it’s 'single' and \"double\"",
        "'leading quote",
        "trailing colon:",
        "@at",
        "%percent",
        "*star",
        "&amp",
        "!bang",
        "[bracket",
        "{brace",
        "«Переговори», — заявив він.",
        " padded ",
        "ends with space ",
        "a long text that goes on " * 12 + "and ends.",
        "tab\there",
        "\ufeffbom",
    ]
    items = [{"id": f"x{i}", "text": text, "date": Date("2024-10")} for i, text in enumerate(hard)]
    loaded = yaml.safe_load(document("claims", items))
    assert loaded == {"claims": [{**item, "date": "2024-10"} for item in items]}


@pytest.mark.parametrize(
    "argv",
    [
        ["--claims", "0", "--out", "{tmp}/x"],
        ["--claims", "-5", "--out", "{tmp}/x"],
        ["--claims", "10", "--out", "{tmp}/full"],
    ],
)
def test_synth_bad_arguments_exit_2(tmp_path, argv):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("mine")
    assert synth_main([a.replace("{tmp}", str(tmp_path)) for a in argv]) == 2
    assert (tmp_path / "full" / "keep.txt").read_text() == "mine"
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize("argv", [["--out", "x"], ["--claims", "ten", "--out", "x"], ["--claims", "10"]])
def test_synth_unparsable_arguments_exit_2(argv):
    with pytest.raises(SystemExit) as exc:
        synth_main(argv)
    assert exc.value.code == 2


def test_one_changed_claim_rewrites_only_the_pages_that_show_it(tmp_path):
    root = tmp_path / "real"
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copy2(ROOT / "claims.yaml", root / "claims.yaml")
    shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")

    first = api.generate(root)
    assert len(first.written) > first.pages  # everything, the first time
    assert api.generate(root).written == ()  # nothing changed, nothing written

    dossier = first.dossier
    claim = next(iter(dossier.claims.values()))
    claims_yaml = root / "claims.yaml"
    text = claims_yaml.read_text("utf-8")
    line = f"    summary: {claim.summary}\n"
    assert text.count(line) == 1
    claims_yaml.write_text(text.replace(line, f"    summary: {claim.summary} (edited)\n"), "utf-8")

    after = api.generate(root)
    shows_it = {f"actors/{claim.actor}.md", plan_timeline_page(claim)}
    if claim.said.interval and views.picture(dossier.chronology):
        shows_it.add("timeline.md")  # its picture names each dated claim
    shows_it |= {f"proposals/{s.proposal}.md" for s in claim.stances}
    shows_it |= {f"sources/{ev.source}.md" for ev in claim.evidence}
    # Cards (on actor pages) that link it under "See also" name it by its summary, as the
    # corrections page does.
    shows_it |= {f"actors/{other.actor}.md" for other in dossier.claims.values() if claim.id in other.see_also}
    if claim.corrections:
        shows_it.add("corrections.md")
    if claim in dossier.recently_added(10):
        shows_it.add("index.md")
    pages = {rel for rel in after.written if rel.endswith(".md")}
    assert pages == shows_it
    # Besides the pages, only the machine-readable exports that carry the summary.
    others = set(after.written) - pages
    assert all(rel.startswith(("data/", "feeds/")) for rel in others), others
    assert len(after.written) <= len(shows_it) + 6
    docs = root / DOCS
    for rel in after.written:
        assert "(edited)" in unpacked(docs / rel).decode("utf-8"), rel  # the CSV is zipped


def test_a_large_grid_shows_only_the_most_cited_actors_and_proposals(tmp_path):
    from generator.site import render, views
    from generator.site.plan import SitePlan
    from generator.site.views import GRID_ACTORS

    root = tmp_path / "large"
    write(root, synthesize(700, seed=2))  # 70 actors, 23 proposals
    checked = api.check(root)
    dossier, problems = checked.dossier, checked.problems
    assert problems == []
    actors, proposals = views.grid(dossier)
    assert len(actors) == GRID_ACTORS < len(dossier.actors)
    assert proposals == tuple(dossier.proposals.values())
    counts = sorted((len(dossier.claims_by_actor.get(a, ())) for a in dossier.actors), reverse=True)
    assert min(len(dossier.claims_by_actor[a.id]) for a in actors) == counts[GRID_ACTORS - 1]
    plan = SitePlan(dossier)
    grid = next(out for out in plan.pages() if out.path == "grid.md")
    page = render.render_page(render.environment(), plan, render.Settings(), grid).text
    assert page.count('<th scope="row">') == GRID_ACTORS
    assert f"The grid shows the {GRID_ACTORS} actors and the 23 proposals with the most claims (of 70 and 23)" in page


def plan_timeline_page(claim) -> str:
    from generator.site.plan import SitePlan

    return SitePlan.timeline_page(views.timeline_year(claim.said))
