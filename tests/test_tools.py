"""The curator's commands end to end: `dossier init`, `add-source` and `quote`, on a fresh root and
on the fixture, with the exact message of every refusal."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
import yaml

from generator import api, cli
from generator.data.schema import schema, vocabulary
from generator.tools import init as init_module

SKELETON = [
    ".dossier-schema.json",
    ".github/workflows/dossier.yml",
    ".gitignore",
    ".pre-commit-config.yaml",
    "FORMAT.md",
    "claims.yaml",
    "content/actors.yaml",
    "content/pages/introduction.md",
    "content/pages/methodology.md",
    "content/proposals.yaml",
    "content/sources.yaml",
    "content/sources/.gitkeep",
    "mkdocs.yml",
]
TEXT = "Talks are over\n\nThe minister said: “We will not give up.” Then she left.\nLater: “We will not give up.”\n"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def fresh(tmp_path, capsys) -> Path:
    root = tmp_path / "fresh"
    assert run(capsys, "init", str(root))[0] == 0
    return root


@pytest.fixture
def text_file(tmp_path) -> Path:
    path = tmp_path / "in" / "Talks Over.txt"
    path.parent.mkdir()
    path.write_bytes(TEXT.encode("utf-8"))
    return path


# -- init ---------------------------------------------------------------------------------------
def test_init_writes_the_skeleton_and_it_passes_check_strict(tmp_path, capsys):
    root = tmp_path / "new"
    code, out, err = run(capsys, "init", str(root))
    assert code == 0
    assert out.splitlines() == [str(root / rel) for rel in SKELETON]
    assert err == (
        f"dossier init: a new dossier in {root} (13 files); next: name it in mkdocs.yml, add a text with "
        f"`dossier add-source FILE --language LANG --root {root}`\n"
    )
    assert sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()) == SKELETON
    assert run(capsys, "check", "--strict", "--root", str(root))[0] == 0


@pytest.mark.slow  # builds the site
def test_a_new_dossier_builds_and_its_links_resolve(tmp_path, capsys):
    root = tmp_path / "new"
    assert run(capsys, "init", str(root))[0] == 0
    api.build(root)
    assert (root / "site" / "index.html").is_file() and (root / "site" / "methodology.html").is_file()
    assert run(capsys, "linkcheck", "--root", str(root))[0] == 0


def test_every_modeline_of_a_new_dossier_points_at_its_schema_copy(fresh):
    assert json.loads((fresh / ".dossier-schema.json").read_text("utf-8")) == schema()
    for rel in ("claims.yaml", "content/sources.yaml", "content/actors.yaml", "content/proposals.yaml"):
        first = (fresh / rel).read_text("utf-8").splitlines()[0]
        target = first.removeprefix("# yaml-language-server: $schema=")
        assert target != first and (fresh / rel).parent.joinpath(target).resolve() == fresh / ".dossier-schema.json"


def test_init_refuses_a_folder_that_is_not_empty(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("mine", "utf-8")
    assert run(capsys, "init", str(tmp_path)) == (
        1,
        "",
        f"dossier: error: {tmp_path} is not empty: `dossier init` starts a dossier in a new or empty folder\n",
    )
    assert run(capsys, "init", str(tmp_path / "notes.txt"))[2] == (
        f"dossier: error: {tmp_path / 'notes.txt'} is a file: `dossier init` needs a new or empty folder\n"
    )
    assert (tmp_path / "notes.txt").read_text("utf-8") == "mine"


def test_init_accepts_an_empty_folder(tmp_path, capsys):
    assert run(capsys, "init", str(tmp_path))[0] == 0


def test_the_skeleton_methodology_defines_every_stance_and_evidence_kind():
    text = init_module.skeleton()["content/pages/methodology.md"].decode("utf-8")
    for term in vocabulary("stance") + vocabulary("evidence-kind"):
        assert f"`{term}`" in text


def test_the_sample_workflow_runs_the_installed_tool_and_writes_changes_to_the_summary():
    flow = yaml.safe_load(init_module.skeleton()[".github/workflows/dossier.yml"])
    steps = "\n".join(str(step.get("run", "")) for step in flow["jobs"]["dossier"]["steps"])
    assert "dossier check --strict --format github" in steps and ".venv" not in steps
    assert 'dossier changes --base "origin/$BASE" --format markdown >> "$GITHUB_STEP_SUMMARY"' in steps


def test_init_writes_the_format_reference_and_format_prints_it(tmp_path, capsys):
    root = tmp_path / "new"
    run(capsys, "init", str(root))
    reference = (root / "FORMAT.md").read_text("utf-8")
    assert reference == (Path(__file__).resolve().parents[1] / "FORMAT.md").read_text("utf-8")
    assert run(capsys, "format") == (0, reference, "")
    out = tmp_path / "ref.md"
    assert run(capsys, "format", "--out", str(out)) == (0, "", f"dossier format: wrote {out}\n")
    assert out.read_text("utf-8") == reference


# -- add-source ---------------------------------------------------------------------------------
def test_add_source_stores_the_text_and_appends_its_entry(fresh, text_file, capsys, check):
    before = (fresh / "content/sources.yaml").read_text("utf-8")
    code, out, err = run(capsys, "add-source", str(text_file), "--language", "en", "--root", str(fresh))
    digest = hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    assert (code, err) == (0, "")
    assert out == (
        f"dossier add-source: stored content/sources/Talks-Over.txt ({len(TEXT.encode())} bytes, "
        f"sha256 {digest[:12]}…)\n"
        "dossier add-source: added source `talks-over` to content/sources.yaml, line 5\n"
        "dossier add-source: title: the text's first line (noted in `notes`): check it, or give --title\n"
        "dossier add-source: left unknown: outlet, published: fill in only what the text states: "
        "`outlet: {name: NAME, basis: stated}` (or --outlet NAME); `published: {date: YYYY-MM-DD, basis: stated}` "
        "(or --published DATE); a value worked out from the text is `basis: inferred` with its `reason`\n"
        "dossier add-source: translation left out: say whose words are translated: `translation: {quotes: "
        "translated, spoken: [uk], translator: NAME}` (quotes: original, translated, mixed, no-quotes, unknown; "
        "spoken and translator only where the text says)\n"
    )
    assert (fresh / "content/sources/Talks-Over.txt").read_bytes() == text_file.read_bytes()
    after = (fresh / "content/sources.yaml").read_text("utf-8")
    assert after == before.replace("sources: []", "sources:") + (
        "  - id: talks-over\n"
        "    file: Talks-Over.txt\n"
        f"    sha256: {digest}\n"
        '    title: "Talks are over"\n'
        "    outlet: {basis: unknown}\n"
        "    published: {basis: unknown}\n"
        "    language: en\n"
        '    notes: "Title taken from the text\'s first line by `dossier add-source`: check it."\n'
    )
    dossier, problems = check(fresh)
    assert dossier is not None
    assert [p.gcc() for p in problems] == [
        "content/sources.yaml:5:9: warning: source `talks-over` is not cited by any claim"
    ]


def test_add_source_appends_to_a_list_leaving_the_file_as_it_was(dossier, text_file, capsys, check):
    path = dossier / "content/sources.yaml"
    path.write_text(path.read_text("utf-8") + "  # the last source above\n", "utf-8")
    before = path.read_text("utf-8")
    args = ("--language", "en", "--id", "2024", "--title", "Yes: no", "--root", str(dossier))
    assert run(capsys, "add-source", str(text_file), *args)[0] == 0
    after = path.read_text("utf-8")
    assert after.startswith(before)
    assert after[len(before) :].splitlines()[:4] == [
        '  - id: "2024"',
        "    file: Talks-Over.txt",
        f"    sha256: {hashlib.sha256(text_file.read_bytes()).hexdigest()}",
        '    title: "Yes: no"',
    ]
    dossier_model, _ = check(dossier)
    assert dossier_model is not None and dossier_model.sources["2024"].title == "Yes: no"
    assert dossier_model.sources["2024"].notes is None


def test_add_source_keeps_crlf_line_ends(fresh, text_file, capsys):
    path = fresh / "content/sources.yaml"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert run(capsys, "add-source", str(text_file), "--language", "en", "--root", str(fresh))[0] == 0
    assert b"\n" not in path.read_bytes().replace(b"\r\n", b"")


def test_a_taken_file_name_gets_a_number(fresh, text_file, capsys):
    run(capsys, "add-source", str(text_file), "--language", "en", "--root", str(fresh))
    text_file.write_text(TEXT + "More.\n", "utf-8")
    code, out, _ = run(capsys, "add-source", str(text_file), "--language", "en", "--id", "b", "--root", str(fresh))
    assert code == 0 and "stored content/sources/Talks-Over-2.txt" in out


STORED = "{file} is already stored as source `talks-over` (content/sources/Talks-Over.txt, the same sha256): "
ID_TAKEN = "the source id `talks-over` is already in use (content/sources.yaml:5): choose another with --id"
REFUSALS = [
    ("stored", [], 1, STORED + "nothing to add"),
    ("id", ["--id", "talks-over"], 1, ID_TAKEN),
    ("utf8", [], 1, "{file}:2:5: not valid UTF-8 (byte 0xFF): save the file as UTF-8"),
    ("missing", [], 2, "{file}: no such file"),
    ("empty", [], 1, "{file} holds no text: a source is the text a claim quotes"),
    ("language", ["--language", "English"], 2,
     "--language 'English' must be a language tag such as `en`, `ru` or `uk`"),
    ("bad-id", ["--id", "Bad_Id"], 2,
     "--id 'Bad_Id' must be lower-case letters, digits and single hyphens (e.g. `volodymyr-zelenskyy`)"),
    ("title", ["--title", " "], 2, "--title ' ' must be one non-empty line of text"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "extra", "code", "message"), REFUSALS, ids=[r[0] for r in REFUSALS])
def test_add_source_refusals(fresh, text_file, capsys, case, extra, code, message):
    run(capsys, "add-source", str(text_file), "--language", "en", "--root", str(fresh))
    before = {p: p.read_bytes() for p in fresh.rglob("*") if p.is_file()}
    file = text_file
    if case in ("id", "utf8", "empty", "language", "bad-id", "title"):
        file = text_file.with_name("other.txt")
        file.write_bytes({"utf8": b"Title\nabc \xff\n", "empty": b" \n\n"}.get(case, b"Another text\n"))
    elif case == "missing":
        file = text_file.with_name("missing.txt")
    if case == "id":
        file = text_file.with_name("talks-over.md")  # the derived id is taken too
        file.write_text("Other\n", "utf-8")
    argv = ["add-source", str(file), "--language", "en", "--root", str(fresh), *extra]
    assert run(capsys, *argv) == (code, "", f"dossier: error: {message.format(file=file)}\n")
    assert {p: p.read_bytes() for p in fresh.rglob("*") if p.is_file()} == before  # nothing written


def test_add_source_needs_a_dossier(tmp_path, text_file, capsys):
    assert run(capsys, "add-source", str(text_file), "--language", "en", "--root", str(tmp_path))[2] == (
        f"dossier: error: {tmp_path} has no content/sources.yaml: run `dossier init` first, or pass --root DIR\n"
    )


# -- quote --------------------------------------------------------------------------------------
CLAIM = """  - id: pasted
    actor: minister
    stances: {border-deal: opposes}
    said: {basis: unknown}
    summary: Pasted from dossier quote.
    evidence:
"""


def paste(root: Path, items: str, keep: int | None = None) -> None:
    """Add a claim whose evidence is `dossier quote`'s output (one occurrence of it, if several)."""
    if keep is not None:
        chunks = re.split(r"(?m)^(?=      # content/)", items)[1:]
        items = chunks[keep - 1]
    path = root / "claims.yaml"
    path.write_text(path.read_text("utf-8") + CLAIM + items, "utf-8")


def test_quote_prints_an_item_that_passes_the_check(dossier, capsys, check):
    code, out, err = run(capsys, "quote", "beta", "guarantees  must be binding", "--root", str(dossier))
    assert (code, err) == (0, "")
    assert out == (
        "      # content/sources/beta.txt, line 4: …said the envoy. The envoy said [guarantees must be binding].…\n"
        "      - source: beta\n"
        '        text: "guarantees must be binding"\n'
        "        kind: reported-speech  # not in quotation marks in the source, so not a direct quote; "
        "or paraphrase, framing: which is it?\n"
    )
    paste(dossier, out)
    found, problems = check(dossier)
    assert found is not None and [p for p in problems if p.severity == "error"] == []
    assert found.claims["pasted"].evidence[0].passage.line == 4


def test_quote_offers_a_direct_quote_only_inside_quotation_marks(dossier, capsys, check):
    code, out, err = run(capsys, "quote", "beta", "Only with guarantees,", "--root", str(dossier))
    assert (code, err) == (0, "")
    assert out.endswith("        kind: direct-quote  # or reported-speech, paraphrase, framing: which is it?\n")
    paste(dossier, out)
    found, problems = check(dossier)
    assert found is not None and [p for p in problems if p.severity == "error"] == []


def test_quote_gives_the_text_as_stored(dossier, capsys):
    code, out, err = run(
        capsys, "quote", "alpha", '"finished for now"', "--kind", "reported-speech", "--root", str(dossier)
    )
    assert (code, err) == (0, "")
    assert out.endswith('        text: "“finished for now”"\n        kind: reported-speech\n')


def test_quote_offers_every_occurrence_and_the_one_kept_passes(dossier, capsys, check):
    code, out, err = run(capsys, "quote", "alpha", "finished for now", "--root", str(dossier))
    assert code == 0
    assert err == "dossier quote: the text occurs 3 times: keep the item you mean\n"
    assert out.startswith("      # the text occurs 3 times: keep one\n")
    assert out.count("- source: alpha") == 3
    assert 'line 4: …spokesman later added: "The talks are [finished for now]." Her deputy said the talks are…\n' in out
    assert '        text: "finished for now"\n        occurrence: 2\n' in out
    paste(dossier, out, keep=2)
    found, problems = check(dossier)
    assert found is not None, [p.gcc() for p in problems]
    assert found.claims["pasted"].evidence[0].passage.line == 4


def test_quote_reads_the_text_from_standard_input(dossier, capsys, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("Not one... not today.\n"))
    code, out, _ = run(capsys, "quote", "alpha", "-", "--root", str(dossier))
    assert code == 0 and '        text: "Not one… not today."\n' in out


def test_quote_of_an_interrupted_quote_prints_the_cut_form_the_check_accepts(dossier, capsys, check):
    code, out, err = run(
        capsys, "quote", "alpha", "We will not give up a single village, ... Not one", "--root", str(dossier)
    )
    assert (code, err) == (0, "")
    assert out == (
        "      # content/sources/alpha.txt, line 3: …for now” – and that no deal was near. “[We will not give up a "
        "single village,]” she told reporters. “[Not one]… not today.” A spokesman later added:…\n"
        "      - source: alpha\n"
        '        text: "We will not give up a single village, ... Not one"\n'
        "        kind: direct-quote  # or reported-speech, paraphrase, framing: which is it?\n"
    )
    paste(dossier, out)
    found, problems = check(dossier)
    assert found is not None and [p for p in problems if p.severity == "error"] == []
    assert [ev.text for ev in found.claims["pasted"].evidence] == ["We will not give up a single village, ... Not one"]


@pytest.mark.parametrize(
    "text, message",
    [
        (
            "We will not give up ... village",
            'here it leaves out "a single" (line 3), words inside the quotation marks: quote the words whole, as the '
            "source has them",
        ),
        (
            "We will not give up a single village, ... not today",
            'here it leaves out "she told reporters. “Not one" (line 3), words inside the quotation marks: quote the '
            "words whole, as the source has them",
        ),
    ],
    ids=["inside-one-quotation", "inside-the-second-quotation"],
)
def test_quote_refuses_an_ellipsis_the_check_refuses(dossier, capsys, text, message):
    code, out, err = run(capsys, "quote", "alpha", text, "--root", str(dossier))
    assert (code, out) == (1, "")
    assert err == (
        "dossier: error: an ellipsis in a direct quote may only stand for the attribution between two parts of one "
        f'speaker\'s quotation ("...," he said, "..."); {message} [source `alpha`, content/sources/alpha.txt]\n'
    )


def test_quote_on_the_headline_says_so_and_offers_framing(dossier, capsys, check):
    code, out, err = run(capsys, "quote", "alpha", "the border talks are over", "--root", str(dossier))
    note = "this is the source's headline (line 1): the outlet's words, so `framing`, and never a stance's only ground"
    assert (code, err) == (0, f"dossier quote: {note}\n")
    assert out == (
        "      # content/sources/alpha.txt, line 1: …Minister says [the border talks are over] The minister said on "
        "Tuesday that the…\n"
        f"      # {note}\n"
        "      - source: alpha\n"
        '        text: "the border talks are over"\n'
        "        kind: framing  # or reported-speech, paraphrase: which is it?\n"
    )


def test_quote_of_a_text_not_in_the_source_says_what_check_says(dossier, capsys):
    assert run(capsys, "quote", "alpha", "We will not give up a single vilage", "--root", str(dossier)) == (
        1,
        "",
        "dossier: error: evidence text not found in the source; nearest passage (line 3, 97% similar; yours has "
        '"vilage" where the source has "village"): "We will not give up a single village" '
        "[source `alpha`, content/sources/alpha.txt]\n",
    )


def test_quote_refusals(dossier, capsys):
    assert run(capsys, "quote", "gamma", "x", "--root", str(dossier))[2] == (
        "dossier: error: unknown source `gamma`: content/sources.yaml has `alpha`, `beta`, `vilne`\n"
    )
    assert run(capsys, "quote", "alpha", "  ", "--root", str(dossier)) == (
        2,
        "",
        "dossier: error: the text to find is empty\n",
    )
    (dossier / "content/sources/alpha.txt").write_text("changed\n", "utf-8")
    assert run(capsys, "quote", "alpha", "changed", "--root", str(dossier))[2] == (
        "dossier: error: content/sources/alpha.txt does not have the sha256 recorded for `alpha`: run `dossier check`\n"
    )


def test_add_source_then_quote_on_a_fresh_dossier(fresh, text_file, capsys, check):
    run(capsys, "add-source", str(text_file), "--language", "en", "--root", str(fresh))
    added = {
        "content/actors.yaml": "  - {id: minister, name: The Minister, kind: person}\n",
        "content/proposals.yaml": "  - {id: border-deal, title: A deal, summary: A deal.}\n",
    }
    for rel, text in added.items():
        path = fresh / rel
        path.write_text(path.read_text("utf-8").replace(": []", ":\n") + text, "utf-8")
    code, out, _ = run(capsys, "quote", "talks-over", "Then she left.", "--root", str(fresh))
    assert code == 0
    (fresh / "claims.yaml").write_text((fresh / "claims.yaml").read_text("utf-8").replace("claims: []", "claims:\n"))
    paste(fresh, out)
    assert check(fresh)[1] == []
    assert run(capsys, "check", "--strict", "--root", str(fresh))[0] == 0


def test_add_source_refuses_a_sources_file_that_does_not_load(fresh, text_file, capsys):
    (fresh / "content/sources.yaml").write_text("sources: [\n", "utf-8")
    code, out, err = run(capsys, "add-source", str(text_file), "--language", "en", "--root", str(fresh))
    # The loader's own words (libyaml's) sit between these: the first problem, as `check` shows it.
    assert (code, out) == (1, "")
    assert err.startswith(
        "dossier: error: content/sources.yaml must load before a source is added (content/sources.yaml:"
    )
    assert err.endswith("): run `dossier check`\n") and err.count("\n") == 1
    assert not (fresh / "content/sources/Talks-Over.txt").exists()


def test_add_source_refuses_a_list_it_cannot_append_to(fresh, text_file, capsys):
    (fresh / "content/sources.yaml").write_text("sources: [{id: a, file: a.txt}]\n", "utf-8")
    assert run(capsys, "add-source", str(text_file), "--language", "en", "--root", str(fresh))[2] == (
        "dossier: error: content/sources.yaml: the new entry cannot be appended safely (the `sources:` list is not the "
        "file's last block): move the list to the end of the file\n"
    )
