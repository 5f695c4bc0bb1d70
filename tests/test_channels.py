"""Every value from content reaches each output channel escaped for it: GitHub workflow commands
and step summaries, terminals, CSV cells. And what cannot be escaped is refused by `check`:
file names with control characters, line fields holding a carriage return or U+2028/U+2029."""

from __future__ import annotations

import csv
import io
import re

import pytest

from generator import cli
from generator.errors import Problem, md_cell, md_code, step_summary
from generator.site.export import _cell

C = "claims.yaml"
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e]")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "actor, shown",
    [
        ("\\e[2K\\a", "\\x1b[2K\\x07"),  # line erasing and a bell
        ("\\e]8;;https://evil.example\\e\\\\", "\\x1b]8;;https://evil.example\\x1b\\"),  # an OSC 8 link
        ("x\\n::add-mask::secret", "x\\n::add-mask::secret"),  # a workflow command on a new line
        ("x\\r::error::fake", "x\\r::error::fake"),
        ("x\\u2028::warning::y\\x85z", "x\\u2028::warning::y\\x85z"),
    ],
)
def test_github_format_prints_one_command_a_problem(dossier, edit, capsys, monkeypatch, actor, shown):
    """An "unknown actor" message quotes the value: ESC, BEL, line breaks shown escaped, so no
    line of the log but the tool's own starts with `::`, and the terminal runs nothing."""
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    edit(dossier / C, "    actor: envoy", f'    actor: "{actor}"')
    code, out, _ = run(capsys, "check", "--format", "github", "--root", str(dossier))
    assert code == 1
    assert RAW_CONTROL.search(out) is None
    lines = out.splitlines()
    assert all(line.startswith(("::error file=", "::warning file=")) for line in lines)
    assert any(f"`{shown}`" in line for line in lines), out


def test_step_summary_cells_are_inert():
    problems = [
        Problem(
            "claims.yaml", 1, 2, "error", "unknown actor `![x](https://e.example/b.png)` [Approve](https://e.example)"
        ),
        Problem("content/pages/a|b`c.md", 3, 4, "warning", "@admins see #1 <img src=x> **bold**"),
    ]
    assert step_summary(problems).splitlines()[-2:] == [
        "| `claims.yaml:1:2` | error | unknown actor `![x](https://e.example/b.png)` "
        "\\[Approve\\](https\\://e.example) |",
        "| `content/pages/a\\|b'c.md:3:4` | warning | @\u2060admins see \\#\u20601 "
        "&lt;img src=x&gt; \\*\\*bold\\*\\* |",
    ]


@pytest.mark.parametrize(
    "text, inert",
    [
        ("a\rb\n# c", "a\\\\rb\\\\n\\# c"),  # shown as `a\rb\n# c` when rendered
        ("x\u2028y\u2029z", "x\\\\u2028y\\\\u2029z"),
        ("mail me: a@b.example", "mail me: a@\u2060b.example"),
        ("javascript:alert(1)", "javascript\\:alert(1)"),
        ("WWW.evil.example", "WWW\\.evil.example"),
        ("<script>&amp;", "&lt;script&gt;&amp;amp;"),
    ],
)
def test_md_cell_variants(text, inert):
    assert md_cell(text) == inert


def test_md_code_keeps_a_span_and_a_cell():
    assert md_code("a`b|c\x1bd") == "`a'b\\|c\\x1bd`"


@pytest.mark.parametrize(
    "value, cell",
    [
        ('=HYPERLINK("http://e.example")', '\'=HYPERLINK("http://e.example")'),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("  =1", "'  =1"),
        ("\uff1d1+1", "'\uff1d1+1"),
        ("\r=1+1", "'\n=1+1"),  # a CR that would start a new row is a line break inside the cell
        ("a\rb\r\nc", "a\nb\nc"),
        ("bell\x07esc\x1b nel\x85", "bell\\x07esc\\x1b nel\\x85"),
        ("line\u2028para\u2029", "line\\u2028para\\u2029"),
        ("plain, text", "plain, text"),
    ],
)
def test_csv_cells_are_inert_and_stay_in_their_row(value, cell):
    assert _cell(value) == cell
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(["x", _cell(value), "y"])
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [["x", cell, "y"]]


@pytest.mark.parametrize(
    "name, char",
    [
        ("new\nline.md", "a line break U+000A at character 4"),
        ("cr\r.md", "a line break U+000D at character 3"),
        ("esc\x1b[31m.md", "the control character U+001B at character 4"),
        ("rtl\u202egpj.md", "the bidirectional formatting character U+202E at character 4"),
        ("sep\u2028.md", "a line break U+2028 at character 4"),
    ],
)
def test_file_names_with_control_characters_are_refused(dossier, gcc, name, char):
    (dossier / "content/pages" / name).write_text("# A page\n", "utf-8")
    (dossier / "claims").mkdir(exist_ok=True)
    (dossier / "claims" / name.replace(".md", ".yaml")).write_text("claims: []\n", "utf-8")
    found = gcc(dossier)
    shown = {"\n": "\\n", "\r": "\\r", "\x1b": "\\x1b", "\u202e": "\\u202e", "\u2028": "\\u2028"}
    rel = "".join(shown.get(c, c) for c in name)
    message = f"error: file name contains {char}: rename the file"
    assert f"claims/{rel.replace('.md', '.yaml')}:1:1: {message}" in found
    assert f"content/pages/{rel}:1:1: {message}" in found


@pytest.mark.parametrize("char", ["\\r", "\\u2028", "\\u2029", "\\n"])
def test_line_fields_refuse_carriage_returns_and_unicode_separators(dossier, edit, gcc, pos, char):
    edit(dossier / C, "summary: The minister says the talks are finished for now.", f'summary: "Finished.{char}=1+1"')
    where = pos(dossier, C, 'summary: |"Finished.')
    assert (f"{where}: error: `summary` must be one non-empty line of text (found `Finished.{char}=1+1`)") in gcc(
        dossier
    )


EVIDENCE = "[{source: alpha, text: finished for now, occurrence: 1, kind: direct-quote}]"


@pytest.mark.parametrize(
    "first, second",
    [
        (f"evidence: &ev {EVIDENCE}", "evidence: *ev"),
        (f"evidence: &ev {EVIDENCE}", "stances: {border-deal: {stance: opposes, rests_on: [*ev]}}"),
        ("stances: &st {border-deal: skeptical}", "stances: *st"),
        ("stances: &st {border-deal: skeptical}", "stances: {border-deal: *st}"),
        ("said: &sd {basis: unknown}", "said: *sd"),
    ],
)
def test_anchors_and_aliases_are_refused_not_a_crash(dossier, gcc, first, second):
    """The alias the loader refuses reads as nothing; the stance rules skip it (exit 1, not 3)."""

    def claim(ident: str, line: str) -> str:
        fields = {
            "actor": "spokesman",
            "said": "{basis: unknown}",
            "summary": "x.",
            "stances": "{border-deal: skeptical}",
            "evidence": EVIDENCE,
        }
        key, _, value = line.partition(": ")
        fields[key] = value
        return f"  - id: {ident}\n" + "".join(f"    {k}: {v}\n" for k, v in fields.items())

    with (dossier / C).open("a", encoding="utf-8") as fh:
        fh.write(claim("anchored", first) + claim("aliased", second))
    found = gcc(dossier)
    message = "error: YAML anchors and aliases (&name, *name) are not supported: write the value out"
    assert any(line.endswith(message) for line in found), found


# -- add-source refuses what check refuses, before writing; quote prints no control character --
@pytest.mark.parametrize(
    "first_line, extra, message",
    [
        ("Talks", ["--title", "Talks \x1b[2K over"], "--title `Talks \\x1b[2K over` contains the control character "
         "U+001B at character 7; remove it"),
        ("Talks", ["--title", "Talks \u202eover"], "--title `Talks \\u202eover` contains the bidirectional formatting "
         "character U+202E at character 7; remove it"),
        ("Talks \x07over", [], "the text's first line (the default title), `Talks \\x07over`, contains the control "
         "character U+0007 at character 7; remove it; or give one with --title"),
        ("Talks \ufffe", [], "the text's first line (the default title), `Talks \\ufffe`, contains the Unicode "
         "noncharacter U+FFFE at character 7; remove it; or give one with --title"),
        ("Talks", ["--id", "index"], "--id `index` is reserved: its page would replace the sources' listing; choose "
         "another with --id"),
        ("Talks", ["--name", "Index.txt"], "the id made from the file's name, `index`, is reserved: its page would "
         "replace the sources' listing; choose another with --id"),
    ],
)  # fmt: skip
def test_add_source_refuses_what_check_refuses(tmp_path, capsys, first_line, extra, message):
    root = tmp_path / "fresh"
    assert cli.main(["init", str(root)]) == 0
    name = extra[1] if extra[:1] == ["--name"] else "talks.txt"
    extra = [] if extra[:1] == ["--name"] else extra
    text = tmp_path / name
    text.write_text(f"{first_line}\nThe minister said so.\n", "utf-8")
    capsys.readouterr()
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    code, out, err = run(capsys, "add-source", str(text), "--language", "en", "--root", str(root), *extra)
    assert (code, out, err) == (2, "", f"dossier: error: {message}\n")
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before


@pytest.mark.parametrize(
    "source, needle, comment",
    [
        ("Talks \x07are over, he said.\n", "are over", "…Talks \\x07[are over], he said.…"),
        ("We \x1b]8;;http://e.example\x07are over\x1b]8;;\x07.\n", "are over",
         "…We \\x1b]8;;http://e.example\\x07[are over]\\x1b]8;;\\x07.…"),
        ("Done\x85 now \x7f and \u202ethen.\n", "now", "…Done [now] \\x7f and \\u202ethen.…"),
        ("Line one\x0c\nline \x1b[2Ktwo.\n", "line", "…Line one [line] \\x1b[2Ktwo.…"),
    ],
)  # fmt: skip
def test_quote_on_a_source_holding_control_characters(dossier, capsys, sha256, source, needle, comment):
    path = dossier / "content/sources/alpha.txt"
    old = sha256(path)
    path.write_text(source, "utf-8")
    sources = dossier / "content/sources.yaml"
    sources.write_text(sources.read_text("utf-8").replace(old, sha256(path)), "utf-8")
    code, out, err = run(capsys, "quote", "alpha", needle, "--root", str(dossier))
    assert code == 0, err
    assert out.splitlines()[0].endswith(comment)
    assert RAW_CONTROL.search(out) is None


def test_mkdocs_messages_are_relayed_on_one_line():
    import logging

    from generator.publish.config import _OneLine

    record = logging.LogRecord("mkdocs", logging.WARNING, "x", 1, "pages:\n  - a\n::error::b\x1b[2K", None, None)
    assert _OneLine("mkdocs: %(levelname)s: %(message)s").format(record) == (
        "mkdocs: WARNING: pages:\\n  - a\\n::error::b\\x1b[2K"
    )
