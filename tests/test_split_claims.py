"""Claims in several files: `claims.yaml` and any number of `claims/*.yaml` make one dossier."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator import api

MODELINE = "# yaml-language-server: $schema=../.dossier-schema.json\n"


def split(root: Path) -> None:
    """Move the fixture's last two claims (from `  - id: spokesman-finished` on) into
    claims/others.yaml, and the envoy's into claims/envoy.yaml."""
    text = (root / "claims.yaml").read_text("utf-8")
    head, sep, rest = text.partition("  - id: spokesman-finished")
    spokesman, sep2, envoy = (sep + rest).partition("  - id: envoy-guarantees")
    assert sep and sep2
    (root / "claims").mkdir()
    (root / "claims.yaml").write_text(head, "utf-8")
    (root / "claims" / "others.yaml").write_text(MODELINE + "claims:\n" + spokesman, "utf-8")
    (root / "claims" / "envoy.yaml").write_text(MODELINE + "claims:\n" + sep2 + envoy, "utf-8")


def docs(root: Path) -> dict[str, bytes]:
    base = root / api.DOCS_DIR
    return {p.relative_to(base).as_posix(): p.read_bytes() for p in sorted(base.rglob("*")) if p.is_file()}


def test_split_claims_build_the_same_pages(dossier, tmp_path, check):
    single = tmp_path / "single"
    shutil.copytree(dossier, single)
    split(dossier)
    found, problems = check(dossier)
    assert [p for p in problems if p.severity == "error"] == []
    assert found is not None and len(found.claims) == 4
    assert found.origins[("claims", "envoy-guarantees")] == ("claims/envoy.yaml", 3, 9)
    one, many = api.generate(single), api.generate(dossier)
    assert docs(single) == docs(dossier)
    assert one.edit_paths == many.edit_paths  # generated pages keep their edit file (claims.yaml)


def test_an_id_used_in_two_files_names_both_places(dossier, gcc, pos):
    split(dossier)
    text = (dossier / "claims" / "others.yaml").read_text("utf-8")
    (dossier / "claims" / "others.yaml").write_text(text.replace("spokesman-finished", "minister-no-village"), "utf-8")
    first = pos(dossier, "claims.yaml", "id: |minister-no-village").split(":")[1]
    expected = (
        f"{pos(dossier, 'claims/others.yaml', 'id: |minister-no-village')}: error: duplicate id "
        f"`minister-no-village` (first at claims.yaml:{first}): ids must be unique"
    )
    assert expected in gcc(dossier)


def test_problems_in_a_split_file_keep_their_file_and_line(dossier, gcc, pos):
    split(dossier)
    text = (dossier / "claims" / "envoy.yaml").read_text("utf-8")
    (dossier / "claims" / "envoy.yaml").write_text(text.replace("Only with guarantees,", "Only with guarantee,"))
    errors = gcc(dossier, severity="error")
    assert len(errors) == 1
    assert errors[0].startswith(pos(dossier, "claims/envoy.yaml", "text: |Only with guarantee,") + ": error: ")


def test_a_split_file_is_checked_against_the_schema(dossier, gcc):
    split(dossier)
    (dossier / "claims" / "bad.yaml").write_text(MODELINE + "claims:\n  - id: x\n    actress: minister\n", "utf-8")
    errors = gcc(dossier, severity="error")
    assert "claims/bad.yaml:4:5: error: unknown field `actress`: did you mean `actor`?" in errors
    (dossier / "claims" / "bad.yaml").write_text(MODELINE + "actors: []\n", "utf-8")
    assert "claims/bad.yaml:2:1: error: unknown top-level key `actors`: this file holds only `claims:`" in gcc(
        dossier, severity="error"
    )


def test_other_files_in_the_claims_folder_are_not_data(dossier, check):
    split(dossier)
    (dossier / "claims" / "notes.txt").write_text("not YAML: [", "utf-8")
    found, problems = check(dossier)
    assert found is not None and [p for p in problems if p.severity == "error"] == []
