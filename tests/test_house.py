"""The machinery around MkDocs: the forked Material header still matches the installed theme
outside the lines we change; generated pages skip Python-Markdown's HTML parsing and come out
exactly as the full path makes them; the day the checks take as today is injectable."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

import markdown
import pytest
from mkdocs.utils import meta

from generator import cli
from generator.publish import passthrough
from generator.publish.config import OVERRIDES, load
from generator.site.check import checking_day

# The header's search block: Material's (shown only with its lunr plugin) and ours.
MATERIAL_SEARCH = """    {% if "material/search" in config.plugins %}
      {% set search = config.plugins["material/search"] | attr("config") %}
      {% if search.enabled %}
        <label class="md-header__button md-icon" for="__search">
          {% set icon = config.theme.icon.search or "material/magnify" %}
          {% include ".icons/" ~ icon ~ ".svg" %}
        </label>
        {% include "partials/search.html" %}
      {% endif %}
    {% endif %}
"""
OURS = '    {% include "partials/dq-search.html" %}\n'


def _material(name: str) -> str:
    import material

    return (Path(material.__file__).parent / "templates" / name).read_text("utf-8")


def test_the_forked_header_differs_from_the_installed_materials_only_in_the_search_block():
    ours = (OVERRIDES / "partials" / "header.html").read_text("utf-8")
    theirs = _material("partials/header.html")
    _, _, theirs_body = theirs.partition("-#}\n")  # "automatically generated" banner
    _, _, ours_body = ours.partition("-#}\n")  # our note on why the file is forked
    assert MATERIAL_SEARCH in theirs_body, "Material's header changed its search block: re-fork the header"
    expected = theirs_body.replace(MATERIAL_SEARCH, OURS)
    diff = "".join(difflib.unified_diff(expected.splitlines(True), ours_body.splitlines(True), "material", "ours"))
    assert diff == "", f"the forked header drifted from Material's (re-copy it):\n{diff}"


def test_the_drift_check_sees_a_changed_line():
    theirs = _material("partials/header.html").partition("-#}\n")[2]
    changed = theirs.replace('data-md-component="header"', 'data-md-component="header" data-x', 1)
    assert changed.replace(MATERIAL_SEARCH, OURS) != theirs.replace(MATERIAL_SEARCH, OURS)


# -- generated pages pass through ---------------------------------------------------------------


def _full_path(text: str, config) -> str:
    return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs).convert(text)


def _passed_through(text: str, config) -> str | None:
    split = passthrough.split(text)
    if split is None:
        return None
    skeleton, blocks = split
    return passthrough.join(_full_path(skeleton, config), blocks)


def test_every_generated_page_of_the_fixture_passes_through_as_markdown_would_render_it(built, built_render):
    config = load(built)
    generated = built_render
    compared = 0
    for rel, data in sorted(generated.files.items()):
        if not rel.endswith(".md") or rel in generated.hand_written:
            continue
        body = meta.get_data(data.decode("utf-8"))[0]
        assert _passed_through(body, config) == _full_path(body, config), rel
        compared += 1
    assert compared == generated.pages - len(generated.hand_written) > 10


@pytest.mark.parametrize(
    "body",
    [
        "# T\n\nplain words are Markdown\n",  # a paragraph, not HTML
        "# T\n\n<span>inline first</span>\n",  # an inline tag: Markdown wraps it in <p>
        '# T\n\n<div class="a">\n\n## inside\n\n</div>\n',  # a heading inside an open block
        "# T\n\n<div>one</div> and text after\n",  # text after the close on its line
        "# T\n\n<!-- a comment -->\n",
        "# T\n\n    <div>indented: code</div>\n",
    ],
)
def test_blocks_markdown_would_not_pass_through_whole_take_the_full_path(body):
    assert passthrough.split(body) is None


@pytest.mark.parametrize(
    "body",
    [
        '# T\n<div class="a">\n<p>one &amp; two</p>\n</div>\n\n## Next\n\n<table><tr><td>x</td></tr></table>\n',
        "# T\n\n<div>\n\n<p>a blank line inside</p>\n\n</div>\n<ul>\n<li>one</li>\n</ul>\n",
        '<p class="x">first, no heading</p>\n',
    ],
)
def test_blocks_that_pass_through_give_markdowns_html(body, built):
    config = load(built)
    assert passthrough.split(body) is not None
    assert _passed_through(body, config) == _full_path(body, config)


def test_the_ids_in_the_blocks_are_handed_to_mkdocs_anchor_check():
    _, blocks = passthrough.split('# T\n\n<div id="claim-a"><p id="x&amp;y">t</p></div>\n')
    assert passthrough.anchor_ids(blocks) == {"claim-a", "x&y"}


# -- today ----------------------------------------------------------------------------------------


def test_a_build_can_be_pinned_to_the_fixtures_today(today, monkeypatch):
    monkeypatch.setenv("DOSSIER_TODAY", today.isoformat())
    assert checking_day() == today == dt.date(2026, 11, 23)


def test_dossier_today_is_read_and_a_bad_one_is_a_usage_error(monkeypatch, capsys, dossier):
    monkeypatch.setenv("DOSSIER_TODAY", "2001-02-03")
    assert checking_day() == dt.date(2001, 2, 3)
    monkeypatch.setenv("DOSSIER_TODAY", "next\x1b[2Jweek")
    assert cli.main(["check", "--root", str(dossier)]) == 2
    assert capsys.readouterr().err == (
        "dossier: error: DOSSIER_TODAY=next\\x1b[2Jweek is not a date: write it as YYYY-MM-DD, or unset it\n"
    )


# -- Pagefind's files, through cbor2 --------------------------------------------------------------


def test_pagefind_files_round_trip_and_damage_is_refused(tmp_path):
    import gzip

    from generator.errors import BuildError
    from generator.publish import stable

    value = ["actor", [["Ana", 3], ["Бо", 300]], {"k": -5}, b"\x00\xff"]
    path = tmp_path / "en_1.pf_filter"
    path.write_bytes(stable._pack(value))
    assert stable._read(path) == value
    path.write_bytes(gzip.compress(gzip.decompress(path.read_bytes()) + b"\x01"))
    with pytest.raises(BuildError) as caught:
        stable._read(path)
    assert str(caught.value) == f"{path}: trailing bytes after the CBOR value"
    path.write_bytes(gzip.compress(b"not pagefind"))
    with pytest.raises(BuildError, match="not a Pagefind file"):
        stable._read(path)
