"""The bugs named in the architecture issue, each pinned by its exact message:

- a stray top-level key in claims.yaml hid the file's other errors;
- a hand-written page named like a generated one passed `dossier check --strict` and failed the build;
- a folder where a hand-written page is expected must be a one-line error, not an internal error;
- a syntax error in a template must be a one-line error naming the template file and line.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import jinja2
import pytest

from generator import cli
from generator.errors import BuildError
from generator.site import render

ROOT = Path(__file__).resolve().parent.parent
MODELINE = "# yaml-language-server: $schema=generator/schema/dossier.schema.json\n"


def _run(capsys, *argv: str) -> tuple[int, list[str], list[str]]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


# -- a stray top-level key --------------------------------------------------------------------


@pytest.mark.parametrize(
    "where, expected",
    [
        (
            "after the list",
            [
                "claims.yaml:40:12: error: unknown actor `envoi`: add it to content/actors.yaml or correct the id",
                "claims.yaml:54:1: error: unknown top-level key `extra`: this file holds only `claims:`",
                "content/actors.yaml:11:9: warning: actor `envoy` is not cited by any claim",
            ],
        ),
        (
            "before the list",
            [
                "claims.yaml:2:1: error: unknown top-level key `extra`: this file holds only `claims:`",
                "claims.yaml:41:12: error: unknown actor `envoi`: add it to content/actors.yaml or correct the id",
                "content/actors.yaml:11:9: warning: actor `envoy` is not cited by any claim",
            ],
        ),
    ],
)
def test_a_stray_top_level_key_does_not_hide_the_other_errors(dossier, edit, gcc, where, expected):
    claims = dossier / "claims.yaml"
    edit(claims, "    actor: envoy\n", "    actor: envoi\n")
    if where == "after the list":
        claims.write_text(claims.read_text("utf-8") + "extra: 1\n", "utf-8")
    else:
        edit(claims, MODELINE, MODELINE + "extra: 1\n")
    assert gcc(dossier) == expected


# -- a hand-written page named like a generated one -------------------------------------------


def test_a_hand_written_timeline_fails_check_strict(dossier, capsys):
    (dossier / "content" / "pages" / "timeline.md").write_text("# My timeline\n", "utf-8")
    code, out, err = _run(capsys, "check", "--strict", "--root", str(dossier))
    assert code == 1
    assert out == ["content/pages/timeline.md:1:1: error: `timeline.md` is a generated page's name: rename the file"]
    assert len(err) == 1 and err[0].startswith("dossier check: 1 error, 0 warnings in ")


# -- a folder where a page is expected --------------------------------------------------------

FOLDER = "content/pages/notes.md:1:1: error: is a folder, where a file is expected: replace it with a file or remove it"


def test_a_folder_named_like_a_page_is_a_one_line_error_in_check(dossier, capsys):
    (dossier / "content" / "pages" / "notes.md").mkdir()
    code, out, err = _run(capsys, "check", "--strict", "--root", str(dossier))
    assert (code, out) == (1, [FOLDER])
    assert len(err) == 1 and err[0].startswith("dossier check: 1 error, 0 warnings in ")


def test_a_folder_named_like_a_page_is_a_one_line_error_in_build(dossier, capsys):
    (dossier / "content" / "pages" / "notes.md").mkdir()
    code, out, err = _run(capsys, "build", "--root", str(dossier))
    assert (code, out) == (1, [FOLDER])
    assert err == [
        "dossier build: checking and generating pages…",
        "dossier build: 1 error, 0 warnings; nothing was generated, the previous site/ is kept",
    ]
    assert not (dossier / "site").exists()


# -- a broken template ------------------------------------------------------------------------

TEMPLATES = {
    "pages/home.md.j2": "# Home\n\n{% for x in xs %}\n{{ x }\n{% endfor %}\n",
    "pages/actor.md.j2": '{% import "pages/_macros.md.j2" as m %}\n{{ m.card() }}\n',
    "pages/_macros.md.j2": "{% macro card() %}\nok\n{% if %}\n{% endmacro %}\n",
}


@pytest.mark.parametrize(
    "name, message",
    [
        ("pages/home.md.j2", "pages/home.md.j2:4: template error: unexpected '}'; fix the template"),
        (
            # The error is in the imported template: its name and line, not the page's.
            "pages/actor.md.j2",
            "pages/_macros.md.j2:3: template error: Expected an expression, got 'end of statement block'; fix the "
            "template",
        ),
    ],
)
def test_a_template_syntax_error_names_the_template_and_its_line(name, message):
    env = jinja2.Environment(loader=jinja2.DictLoader(TEMPLATES))
    with pytest.raises(BuildError) as info:
        render.render_template(env, name, xs=[1])
    assert str(info.value) == message


def test_a_broken_template_stops_the_build_with_one_line(dossier, tmp_path, monkeypatch, capsys):
    # A copy of the package's templates with line 5 of the timeline broken, used by the build.
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "site_templates", templates)
    page = templates / "pages" / "timeline.md.j2"
    lines = page.read_text("utf-8").split("\n")
    lines[4] += "{% if %}"
    page.write_text("\n".join(lines), "utf-8")
    monkeypatch.setattr(render, "TEMPLATES", templates)
    code, out, err = _run(capsys, "build", "--root", str(dossier))
    assert (code, out) == (1, [])
    assert err == [
        "dossier build: checking and generating pages…",
        "dossier: error: pages/timeline.md.j2:5: template error: Expected an expression, got 'end of statement "
        "block'; fix the template",
    ]
    assert not (dossier / "site").exists()
