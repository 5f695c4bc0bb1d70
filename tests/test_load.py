"""The loader: YAML syntax, structure and encoding problems, each at its place in the file."""

from __future__ import annotations

import pytest

from bench.inputs import billion_laughs_proposals
from generator.data.load import MAX_YAML_BYTES, load_yaml

MODELINE = "# yaml-language-server: $schema=../generator/schema/dossier.schema.json\n"
PROPOSALS = "content/proposals.yaml"


def write(root, rel, text: str) -> None:
    (root / rel).write_text(text, encoding="utf-8")


def only_problem(gcc, root) -> str:
    found = gcc(root)
    assert len(found) == 1, found
    return found[0]


# -- duplicate keys -----------------------------------------------------------------------


def test_duplicate_key_is_reported_at_the_second_key_with_the_first_position(dossier, edit, gcc, pos):
    edit(
        dossier / "content/actors.yaml",
        "    kind: person\n    aliases: [The Minister",
        "    kind: person\n    name: Ana Minister\n    aliases: [The Minister",
    )
    first = pos(dossier, "content/actors.yaml", "name: Ana <script>")
    second = pos(dossier, "content/actors.yaml", "name: Ana Minister")
    first_line, first_col = first.split(":")[1:]
    assert gcc(dossier) == [
        f"{second}: error: duplicate key `name` (first at line {first_line}, column {first_col}): "
        "YAML would keep only this one; remove one of them"
    ]


def test_duplicate_key_in_a_flow_mapping_gives_both_columns(dossier, edit, gcc):
    edit(
        dossier / "claims.yaml",
        "stances: {border-deal: skeptical}",
        "stances: {border-deal: skeptical, border-deal: opposes}",
    )
    assert gcc(dossier) == [
        "claims.yaml:5:39: error: duplicate key `border-deal` (first at line 5, column 15): "
        "YAML would keep only this one; remove one of them"
    ]


# -- YAML syntax --------------------------------------------------------------------------


def test_tab_indentation_is_a_one_line_syntax_error_at_the_tab(dossier, gcc):
    write(
        dossier, PROPOSALS, MODELINE + "proposals:\n  - id: border-deal\n    title: A border deal\n\tsummary: Tabbed.\n"
    )
    problem = only_problem(gcc, dossier)
    assert problem.startswith(f"{PROPOSALS}:5:1: error: YAML syntax: ")
    assert problem.endswith("(indent with spaces, not tabs)")
    assert "tab" in problem and "\n" not in problem


@pytest.mark.parametrize(
    "text, what, lines",
    [
        # An unclosed quote (line 4) runs to the end of the file (line 6, after the last newline).
        (
            MODELINE + 'proposals:\n  - id: border-deal\n    title: "A border deal\n    summary: Settle it.\n',
            "quoted scalar",
            {4, 6},
        ),
        # An unclosed bracket (line 6) swallows the next line (7).
        (
            MODELINE + "proposals:\n  - id: border-deal\n    title: A border deal\n    summary: Settle it.\n"
            "    related: [{proposal: binding-guarantees, relation: related-to}\n  - id: binding-guarantees\n",
            "flow sequence",
            {6, 7},
        ),
    ],
    ids=["unclosed-quote", "unclosed-bracket"],
)
def test_unclosed_quote_or_bracket_is_a_one_line_syntax_error(dossier, gcc, text, what, lines):
    write(dossier, PROPOSALS, text)
    problem = only_problem(gcc, dossier)
    path, line, col, rest = problem.split(":", 3)
    assert path == PROPOSALS
    assert int(line) in lines and int(col) >= 1
    assert rest.startswith(" error: YAML syntax: ")
    assert what in rest
    assert "\n" not in problem and "<unicode string>" not in problem


def test_unclosed_quote_points_at_where_it_opens(dossier, gcc):
    write(
        dossier,
        PROPOSALS,
        MODELINE + 'proposals:\n  - id: border-deal\n    title: "A border deal\n    summary: Settle it.\n',
    )
    problem = only_problem(gcc, dossier)
    line = int(problem.split(":")[1])
    assert line == 4 or "line 4" in problem  # the line of `title: "A border deal`


# -- structure ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", MODELINE, "\n\n"], ids=["empty", "comment-only", "blank-lines"])
def test_empty_file(dossier, gcc, text):
    write(dossier, PROPOSALS, text)
    assert gcc(dossier) == [f"{PROPOSALS}:1:1: error: file is empty: it must hold a mapping with a `proposals:` list"]


def test_top_level_list_instead_of_mapping(dossier, gcc):
    write(dossier, PROPOSALS, MODELINE + "- id: border-deal\n  title: A border deal\n  summary: Settle it.\n")
    assert gcc(dossier) == [
        f"{PROPOSALS}:2:1: error: the file must be a mapping with a `proposals:` list at the top, not a list"
    ]


def test_unknown_top_level_key(dossier, gcc):
    text = (dossier / PROPOSALS).read_text(encoding="utf-8") + "proposal:\n  - id: extra\n"
    write(dossier, PROPOSALS, text)
    assert gcc(dossier) == [
        f"{PROPOSALS}:11:1: error: unknown top-level key `proposal`: this file holds only `proposals:`"
    ]


def test_misspelt_top_level_key_also_reports_the_missing_one(dossier, edit, gcc):
    edit(dossier / PROPOSALS, "proposals:\n", "proposal:\n")
    assert gcc(dossier) == [
        f"{PROPOSALS}:2:1: error: missing the top-level `proposals:` list",
        f"{PROPOSALS}:2:1: error: unknown top-level key `proposal`: this file holds only `proposals:`",
    ]


def test_top_level_value_must_be_a_list(dossier, gcc):
    write(dossier, PROPOSALS, MODELINE + "proposals: border-deal\n")
    assert gcc(dossier) == [
        f"{PROPOSALS}:2:12: error: `proposals` must be a list (items start with `- `), not `border-deal`"
    ]


def test_missing_modeline_is_a_warning(dossier, edit, gcc):
    edit(dossier / PROPOSALS, MODELINE.replace("../generator", "../../../../generator"), "")
    assert gcc(dossier) == [
        f"{PROPOSALS}:1:1: warning: first line should be the editor modeline "
        "`# yaml-language-server: $schema=.../generator/schema/dossier.schema.json`"
    ]


# -- anchors, aliases, merge keys ---------------------------------------------------------

ALIAS_MESSAGE = "error: YAML anchors and aliases (&name, *name) are not supported: write the value out"
ALIASED = MODELINE + (
    "proposals:\n"
    "  - id: border-deal\n"
    "    title: A border deal\n"
    "    summary: &gist Settle the border by treaty.\n"
    "  - id: binding-guarantees\n"
    "    title: Binding guarantees\n"
    "    summary: *gist\n"
)


def test_aliases_are_refused(dossier, gcc):
    write(dossier, PROPOSALS, ALIASED)
    found = gcc(dossier)
    assert [p for p in found if ALIAS_MESSAGE in p], found
    assert all(p.startswith(f"{PROPOSALS}:") for p in found)


def test_alias_error_is_reported_at_the_alias(dossier, gcc):
    write(dossier, PROPOSALS, ALIASED)
    assert f"{PROPOSALS}:8:14: {ALIAS_MESSAGE}" in gcc(dossier)


def test_merge_keys_are_refused(dossier, gcc):
    write(
        dossier,
        PROPOSALS,
        MODELINE + "proposals:\n  - id: border-deal\n    <<: {title: A border deal}\n    summary: Settle it.\n",
    )
    found = gcc(dossier)
    assert f"{PROPOSALS}:4:5: error: YAML merge keys (<<) are not supported: write the fields out" in found


def test_billion_laughs_gives_the_alias_error(dossier, gcc):
    # How long this takes is measured by `python bench/bench.py --only inputs`, not asserted here.
    write(dossier, PROPOSALS, billion_laughs_proposals(MODELINE))
    found = [p for p in gcc(dossier) if p.startswith(PROPOSALS)]
    # The first aliases, then a count: not one report per expansion.
    assert found == [
        f"{PROPOSALS}:7:7: error: `notes` must be text, not a mapping",
        *(f"{PROPOSALS}:8:{col}: {ALIAS_MESSAGE}" for col in (14, 18, 22, 26, 30)),
        f"{PROPOSALS}:8:34: error: …and 76 more aliases",
    ]


# -- encoding -----------------------------------------------------------------------------


def test_non_utf8_file_names_the_byte_and_its_place(dossier, gcc):
    raw = (dossier / PROPOSALS).read_bytes().replace(b"title: A border deal", b"title: Caf\xe9 deal")
    (dossier / PROPOSALS).write_bytes(raw)
    # Line 4 is `    title: Caf\xe9 deal`: the bad byte is the 15th of the line.
    assert gcc(dossier) == [f"{PROPOSALS}:4:15: error: not valid UTF-8 (byte 0xE9): save the file as UTF-8"]


def test_utf16_file_is_not_valid_utf8(dossier, gcc):
    (dossier / PROPOSALS).write_bytes((dossier / PROPOSALS).read_text(encoding="utf-8").encode("utf-16"))
    assert gcc(dossier) == [f"{PROPOSALS}:1:1: error: not valid UTF-8 (byte 0xFF): save the file as UTF-8"]


def test_bom_at_the_start_is_accepted(dossier, check):
    for rel in ("claims.yaml", PROPOSALS):
        (dossier / rel).write_bytes(b"\xef\xbb\xbf" + (dossier / rel).read_bytes())
    model, problems = check(dossier)
    assert problems == []
    assert model is not None and len(model.claims) == 4


def test_bom_does_not_shift_columns(dossier, edit, gcc):
    edit(
        dossier / "claims.yaml",
        "  - id: minister-talks-finished\n    actor: minister",
        "  - id: minister-talks-finished\n    actor: nobody",
    )
    (dossier / "claims.yaml").write_bytes(b"\xef\xbb\xbf" + (dossier / "claims.yaml").read_bytes())
    assert "claims.yaml:4:12: error: unknown actor `nobody`: add it to content/actors.yaml or correct the id" in gcc(
        dossier
    )


# -- limits and direct use ----------------------------------------------------------------


def test_oversized_file_is_refused_before_parsing(dossier, gcc):
    (dossier / PROPOSALS).write_bytes(b"#" * (MAX_YAML_BYTES + 1024 * 1024))
    assert gcc(dossier) == [
        f"{PROPOSALS}:1:1: error: file is 33.0 MiB, over the 32 MiB limit: split the data or trim it"
    ]


def test_key_must_be_plain_text(dossier, edit, gcc, pos):
    edit(dossier / "claims.yaml", "{border-deal: neutral}", "{border-deal: neutral, [a]: open}")
    assert f"{pos(dossier, 'claims.yaml', '[a]')}: error: a key must be plain text" in gcc(dossier)


def test_load_yaml_keeps_positions_and_implicit_scalars(dossier):
    write(dossier, PROPOSALS, MODELINE + "proposals:\n  - id: border-deal\n    title: yes\n    summary: 2024-01-01\n")
    doc, problems = load_yaml(dossier, PROPOSALS, "proposals")
    assert problems == []
    item = doc.data["proposals"][0]
    assert item.key_marks["title"] == (4, 5) and item.value_marks["summary"] == (5, 14)
    assert item["summary"] == "2024-01-01"  # dates stay text
    assert doc.implicit == {
        ("proposals", 0, "title"): ("bool", "yes"),
        ("proposals", 0, "summary"): ("date", "2024-01-01"),
    }
