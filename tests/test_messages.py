"""User-facing messages not asserted elsewhere: each exact, through the real CLI or the loader."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bench.synth.__main__ import main as synth_main
from generator import api, cli
from tests.refresh_golden import FIXTURE

MODELINE = "# yaml-language-server: $schema=../../../../generator/schema/dossier.schema.json\n"


@pytest.fixture
def root(tmp_path) -> Path:
    dest = tmp_path / "d"
    shutil.copytree(FIXTURE, dest, ignore=shutil.ignore_patterns("site", ".dossier"))
    return dest


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _proposals(root: Path, body: str) -> list[str]:
    (root / "content" / "proposals.yaml").write_text(MODELINE + body, "utf-8")
    return [p.gcc() for p in api.check(root).problems if p.path == "content/proposals.yaml"]


def test_linkcheck_before_any_build(root, capsys):
    code, _, err = _run(capsys, "linkcheck", "--root", str(root))
    assert (code, err) == (2, f"dossier: error: {root / 'site'} holds no built site: run `dossier build` first\n")


def test_build_without_mkdocs_yml_keeps_the_site(root, capsys):
    (root / "mkdocs.yml").unlink()
    code, _, err = _run(capsys, "build", "--root", str(root))
    assert code == 1
    assert err.endswith(f"dossier: error: {root / 'mkdocs.yml'} is missing: the site needs an MkDocs configuration\n")


@pytest.mark.parametrize("command", ["build", "serve"])
def test_build_and_serve_list_every_content_error(root, capsys, command):
    claims = root / "claims.yaml"
    claims.write_text(claims.read_text("utf-8").replace("actor: envoy", "actor: nobody"), "utf-8")
    code, out, err = _run(capsys, command, "--root", str(root))
    assert code == 1
    assert out.splitlines() == [
        "claims.yaml:40:12: error: unknown actor `nobody`: add it to content/actors.yaml or correct the id",
        "content/actors.yaml:11:9: warning: actor `envoy` is not cited by any claim",
    ]
    assert err.endswith(f"dossier {command}: 1 error, 1 warning; nothing was generated, the previous site/ is kept\n")
    assert not (root / "site").exists()


@pytest.mark.parametrize(
    "claims, message",
    [
        ("0", "--claims must be between 1 and 1000000, not 0"),
        ("2000000", "--claims must be between 1 and 1000000, not 2000000"),
    ],
)
def test_synth_refuses_a_claim_count_out_of_range(tmp_path, capsys, claims, message):
    code = synth_main(["--claims", claims, "--out", str(tmp_path / "out")])  # python -m bench.synth
    assert (code, capsys.readouterr().err) == (2, f"bench.synth: error: {message}\n")
    assert not (tmp_path / "out").exists()


def test_synth_refuses_a_folder_that_holds_files(tmp_path, capsys):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "keep.txt").write_text("mine", "utf-8")
    code = synth_main(["--claims", "5", "--out", str(tmp_path / "out")])
    message = f"{tmp_path / 'out'} exists and is not an empty folder: choose a new one"
    assert (code, capsys.readouterr().err) == (2, f"bench.synth: error: {message}\n")
    assert (tmp_path / "out" / "keep.txt").read_text("utf-8") == "mine"


def test_synth_refuses_a_file_as_its_folder(tmp_path, capsys):
    (tmp_path / "out").write_text("mine", "utf-8")
    code = synth_main(["--claims", "5", "--out", str(tmp_path / "out")])
    message = f"{tmp_path / 'out'} exists and is not an empty folder: choose a new one"
    assert (code, capsys.readouterr().err) == (2, f"bench.synth: error: {message}\n")


def test_nesting_too_deep(root):
    found = _proposals(root, "proposals:\n  - id: x\n    notes: " + "[" * 60 + "]" * 60 + "\n")
    assert (
        "content/proposals.yaml:4:60: error: nested more than 50 levels deep: the format needs no more than a few"
        in found
    )


def test_a_custom_tag(root):
    found = _proposals(root, "proposals:\n  - id: x\n    title: !custom A title\n    summary: S.\n")
    assert "content/proposals.yaml:4:12: error: unsupported YAML tag `!custom`: remove it" in found


def test_a_control_character(root):
    assert _proposals(root, "proposals:\n  - id: x\n    title: a\x07b\n") == [
        "content/proposals.yaml:4:13: error: YAML cannot hold the control character U+0007: remove it"
    ]


def test_many_aliases_are_reported_five_then_counted(root):
    body = "proposals:\n  - id: &i x\n    title: T\n    summary: S\n    notes: [" + ", ".join(["*i"] * 8) + "]\n"
    found = [p for p in _proposals(root, body) if "alias" in p]
    assert len(found) == 6
    assert (
        found[0] == "content/proposals.yaml:6:13: error: YAML anchors and aliases (&name, *name) are not supported: "
        "write the value out"
    )
    assert found[-1] == "content/proposals.yaml:6:33: error: …and 3 more aliases"


def test_pdf_refuses_an_unknown_proposal_before_writing_anything(root, capsys):
    code, _, err = _run(capsys, "pdf", "--root", str(root), "--proposal", "nope", "--out", str(root / "b.pdf"))
    assert (code, err) == (2, "dossier: error: --proposal nope: no proposal has this id (see content/proposals.yaml)\n")
    assert not (root / "b.pdf").exists()
