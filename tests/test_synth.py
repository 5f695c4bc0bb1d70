"""`dossier synth` writes a valid, deterministic dossier of the asked size; and on the real dossier,
changing one claim rewrites exactly the pages that show it (what keeps the preview fast)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator import build, cli, synth
from generator.build import DOCS

ROOT = Path(__file__).resolve().parent.parent


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("synth") / "dossier"
    assert cli.main(["synth", "--claims", "60", "--out", str(root), "--seed", "3"]) == 0
    return root


def test_synth_output_passes_the_strict_check(small, capsys):
    assert cli.main(["check", "--strict", "--root", str(small)]) == 0
    assert "0 errors, 0 warnings (60 claims, 12 sources)" in capsys.readouterr().err


def test_synth_writes_a_complete_root(small):
    for rel in ("claims.yaml", "content/sources.yaml", "content/actors.yaml", "content/proposals.yaml",
                "content/pages/introduction.md", "content/pages/methodology.md", "mkdocs.yml"):
        assert (small / rel).is_file(), rel
    config = (small / "mkdocs.yml").read_text("utf-8")
    assert "Synthetic dossier: 60 claims (seed 3)" in config
    assert str(Path(synth.__file__).with_name("mkdocs_hooks.py")) in config


def test_synth_is_deterministic_for_a_seed(small, tmp_path):
    again = tmp_path / "again"
    assert cli.main(["synth", "--claims", "60", "--out", str(again), "--seed", "3"]) == 0
    assert _tree(again) == _tree(small)
    other = synth.synthesize(60, seed=4)
    assert other["claims.yaml"] != (small / "claims.yaml").read_bytes()


def test_synth_sizes_and_variety():
    files = synth.synthesize(300, seed=1)
    data = {rel: yaml.safe_load(files[rel]) for rel in ("claims.yaml", "content/sources.yaml", "content/actors.yaml", "content/proposals.yaml")}
    assert len(data["claims.yaml"]["claims"]) == 300
    assert len(data["content/sources.yaml"]["sources"]) == 60  # N/5
    assert len(data["content/actors.yaml"]["actors"]) == 30  # N/10
    assert len(data["content/proposals.yaml"]["proposals"]) == 10  # N/30
    texts = [files[f"content/sources/{s['file']}"] for s in data["content/sources.yaml"]["sources"]]
    assert all(2000 <= len(t) <= 10 * 1024 for t in texts), sorted(len(t) for t in texts)
    joined = b"".join(texts).decode("utf-8-sig")
    for needle in ("“", "’", "—", "…", "\u00a0"):
        assert needle in joined
    assert any("\u0400" <= ch <= "\u04ff" for ch in joined)  # Cyrillic
    evidence = [ev for c in data["claims.yaml"]["claims"] for ev in c["evidence"]]
    assert any("occurrence" in ev for ev in evidence)
    assert any("prefix" in ev for ev in evidence)
    assert {ev["kind"] for ev in evidence} == {"direct-quote", "reported-speech", "paraphrase"}


@pytest.mark.parametrize("argv", [
    ["synth", "--claims", "0", "--out", "{tmp}/x"],
    ["synth", "--claims", "-5", "--out", "{tmp}/x"],
    ["synth", "--claims", "10", "--out", "{tmp}/full"],
])
def test_synth_bad_arguments_exit_2(tmp_path, argv):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("mine")
    assert cli.main([a.replace("{tmp}", str(tmp_path)) for a in argv]) == 2
    assert (tmp_path / "full" / "keep.txt").read_text() == "mine"


@pytest.mark.parametrize("argv", [["synth", "--out", "x"], ["synth", "--claims", "ten", "--out", "x"], ["synth", "--claims", "10"]])
def test_synth_unparsable_arguments_exit_2(argv):
    with pytest.raises(SystemExit) as exc:
        cli.main(argv)
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
    shows_it = {f"actors/{claim.actor}.md", "timeline.md"}
    shows_it |= {f"proposals/{proposal}.md" for proposal, _ in claim.stances}
    shows_it |= {f"sources/{ev.source}.md" for ev in claim.evidence}
    if claim in dossier.latest_claims(10):
        shows_it.add("index.md")
    pages = {rel for rel in after.written if rel.endswith(".md")}
    assert pages == shows_it
    # Besides the pages, only the machine-readable exports that carry the summary.
    others = set(after.written) - pages
    assert all(rel.startswith(("data/", "feeds/")) for rel in others), others
    assert len(after.written) <= len(shows_it) + 6
    docs = root / DOCS
    for rel in after.written:
        assert "(edited)" in (docs / rel).read_text("utf-8"), rel


def test_a_large_grid_shows_only_the_most_cited_actors_and_proposals(tmp_path):
    from generator import render
    from generator.data.model import GRID_ACTORS

    root = tmp_path / "large"
    synth.write(root, synth.synthesize(700, seed=2))  # 70 actors, 23 proposals
    dossier, problems = build.check(root)
    assert problems == []
    actors, proposals = dossier.grid
    assert len(actors) == GRID_ACTORS < len(dossier.actors)
    assert proposals == tuple(dossier.proposals.values())
    counts = sorted((len(dossier.claims_by_actor.get(a, ())) for a in dossier.actors), reverse=True)
    assert min(len(dossier.claims_by_actor[a.id]) for a in actors) == counts[GRID_ACTORS - 1]
    page = render.environment().get_template("grid.md.j2").render(d=dossier, page_path="grid.md")
    assert page.count('<th scope="row">') == GRID_ACTORS
    assert f"The grid shows the {GRID_ACTORS} actors and the 23 proposals with the most claims (of 70 and 23)" in page
