"""The machinery around MkDocs: the parts of Material's theme the dossier copies still match
the installed theme outside the lines it changes; generated pages are pre-rendered (only their headings go through
Python-Markdown) exactly as the full Markdown path makes them; the day the checks take as today is injectable."""

from __future__ import annotations

import datetime as dt
import difflib
import random
from pathlib import Path

import markdown
import pytest
from mkdocs.utils import meta

from generator import cli
from generator.publish import passthrough
from generator.publish.config import LOGO, OVERRIDES, load
from generator.site.check import checking_day

# Material's header writes a search box only with its lunr plugin, which the site never has:
# assets/search.js writes the dossier's box where this block stands.
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
    {% if config.repo_url %}
      <div class="md-header__source">
"""
# What the dossier's copy of Material's config block leaves out: the translations of its search.
SEARCH_TRANSLATIONS = [
    '            "search.result.placeholder": lang.t("search.result.placeholder"),\n',
    '            "search.result.none": lang.t("search.result.none"),\n',
    '            "search.result.one": lang.t("search.result.one"),\n',
    '            "search.result.other": lang.t("search.result.other"),\n',
    '            "search.result.more.one": lang.t("search.result.more.one"),\n',
    '            "search.result.more.other": lang.t("search.result.more.other"),\n',
    '            "search.result.term.missing": lang.t("search.result.term.missing"),\n',
]
TABBED = '{% if "pymdownx.tabbed" in config.markdown_extensions %}\n'


def _material(name: str) -> str:
    import material

    return (Path(material.__file__).parent / "templates" / name).read_text("utf-8")


def _block(template: str, name: str) -> str:
    """The lines of a template's `{% block name %}`, each without its indentation."""
    body = template.split("{% block " + name + " %}\n", 1)[1].split("{% endblock %}", 1)[0]
    return "".join(line.lstrip(" ") for line in body.splitlines(True)).strip() + "\n"


def _drift(expected: str, ours: str) -> str:
    return "".join(difflib.unified_diff(expected.splitlines(True), ours.splitlines(True), "material", "ours"))


def test_materials_header_writes_no_search_box_of_its_own_and_search_js_writes_it_where_material_would():
    assert MATERIAL_SEARCH in _material("partials/header.html"), "Material's header moved its search box"
    script = (OVERRIDES.parent / "assets" / "search.js").read_text("utf-8")
    assert 'header.querySelector(".md-header__source")' in script  # before the repository's link, else last


def test_search_js_draws_materials_own_icons():
    script = (OVERRIDES.parent / "assets" / "search.js").read_text("utf-8")
    for name in ("magnify", "arrow-left", "close"):
        svg = _material(f".icons/material/{name}.svg")
        path = svg.split(' d="', 1)[1].split('"', 1)[0]
        assert f'icon("{path}")' in script, name


def test_the_config_block_differs_from_materials_only_in_its_search_translations():
    theirs = _block(_material("base.html"), "config")
    assert all(line.lstrip(" ") in theirs for line in SEARCH_TRANSLATIONS), "Material changed its translations"
    for line in SEARCH_TRANSLATIONS:
        theirs = theirs.replace(line.lstrip(" "), "")
    ours = _block((OVERRIDES / "main.html").read_text("utf-8"), "config")
    drift = _drift(theirs, ours)
    assert drift == "", f"the config block drifted from Material's (re-copy it):\n{drift}"


def test_the_content_scripts_are_materials_behind_the_tabbed_condition():
    theirs = _material("partials/javascripts/content.html").partition("-#}\n")[2]
    ours = (OVERRIDES / "partials" / "javascripts" / "content.html").read_text("utf-8").partition("-#}\n")[2]
    assert ours.startswith(TABBED) and ours.endswith("{% endif %}\n")
    inner = ours[len(TABBED) : -len("{% endif %}\n")]
    drift = _drift(theirs, inner)
    assert drift == "", f"the content scripts drifted from Material's (re-copy them):\n{drift}"


def test_the_drift_check_sees_a_changed_line():
    theirs = _block(_material("base.html"), "config")
    changed = theirs.replace('"base": base_url,', '"base": base_url, "x": 1,', 1)
    assert changed != theirs and _drift(theirs, changed) != ""


# -- generated pages reach MkDocs as HTML -----------------------------------------------------------


def _full_path(text: str, config) -> markdown.Markdown:
    md = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])
    md.html = md.convert(text)  # type: ignore[attr-defined]
    return md


def _fast_path(body: str, config) -> passthrough.Prerendered | None:
    return passthrough.Prerenderer(config)(f"---\ntitle: T\n---\n\n{body}")


def test_every_generated_page_of_the_fixture_prerenders_as_markdown_renders_it(built, built_render):
    config = load(built)
    generated = built_render
    prerender = passthrough.Prerenderer(config)
    compared = 0
    for rel, data in sorted(generated.files.items()):
        if not rel.endswith(".md") or rel in generated.hand_written:
            continue
        body = meta.get_data(data.decode("utf-8"))[0]
        pre, full = prerender(data.decode("utf-8")), _full_path(body, config)
        assert pre is not None, rel
        assert pre.html(body) == full.html, rel
        assert list(pre.toc) == full.toc_tokens, rel
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
        "# T\n\n<DIV>upper case</DIV>\n",
        "# T\n\n<div>a\ttab</div>\n",  # Markdown expands tabs in the whole page
        "# T\n\n<div>a\r\nline</div>\n",
        "# T\n\n<div>\n   \n</div>\n",  # Markdown empties a line of spaces
    ],
)
def test_pages_markdown_would_change_take_the_full_path(body):
    assert _fast_path(body, {"markdown_extensions": ["toc"], "mdx_configs": {}}) is None


@pytest.mark.parametrize(
    "body",
    [
        '# T\n<div class="a">\n<p>one &amp; two</p>\n</div>\n\n## Next\n\n<table><tr><td>x</td></tr></table>\n',
        "# T\n\n<div>\n\n<p>a blank line inside</p>\n\n</div>\n<ul>\n<li>one</li>\n</ul>\n",
        '<p class="x">first, no heading</p>\n',
        "# Same\n\n<p>a</p>\n\n## Same\n\n### Same &#35;\n\n<p>b</p>\n## Last, no block after\n",
        "",
    ],
)
def test_blocks_that_pass_through_give_markdowns_html_and_table_of_contents(body, built):
    config = load(built)
    pre, full = _fast_path(body, config), _full_path(body, config)
    assert pre is not None
    assert pre.html(body) == full.html
    assert list(pre.toc) == full.toc_tokens


# Pieces of generated-looking pages, with what Markdown reads otherwise: text, inline tags, a
# self-closing block tag, unclosed and stray tags, headings inside and between blocks, blank lines.
PIECES = [
    *("<div>", "</div>", "<p>", "</p>", "<span>", "</span>", '<div class="a" id="x">', "<ul>", "</ul>", "<li>"),
    *("</li>", "text", " ", "\n", "\n\n", "\n\n\n", "\n## H\n", "\n# H2\n", "\n## Same\n", "\n\n### Same\n\n"),
    *("<br>", "<hr>", "<div/>", "&amp;", "*em*", '<a href="#x">l</a>', "<table><tr><td>x</td></tr></table>"),
    *("<details><summary>s</summary>t</details>", "\n\n<p>x</p>\n", '<p id="a">x</p>\n\n', "<div>\n<p>y</p>\n</div>\n"),
]


def test_random_pages_that_take_the_fast_path_come_out_as_markdown_makes_them():
    config = {"markdown_extensions": ["toc", "tables", "attr_list"], "mdx_configs": {"toc": {"permalink": True}}}
    rng = random.Random(5)
    taken = 0
    for _ in range(6000):
        body = "".join(rng.choice(PIECES) for _ in range(rng.randrange(1, 12)))
        pre = _fast_path(body, config)
        if pre is not None:
            read = meta.get_data(f"---\ntitle: T\n---\n\n{body}")[0]  # the body as MkDocs reads it
            full = _full_path(read, config)
            assert (pre.html(read), list(pre.toc)) == (full.html, full.toc_tokens), repr(body)
            taken += 1
    assert taken > 200


def test_the_ids_of_headings_and_blocks_are_handed_to_mkdocs_anchor_check(built):
    pre = _fast_path('# T\n\n<div id="claim-a"><p id="x&amp;y" data-id="no">t</p></div>\n\n## T\n', load(built))
    assert pre is not None
    assert pre.anchors == {"t", "t_1", "claim-a", "x&y"}


def test_a_body_changed_on_the_way_takes_the_full_path(built):
    body = "# T\n\n<p>one</p>\n"
    pre = _fast_path(body, load(built))
    assert pre is not None and pre.html(body) is not None
    assert pre.html(body.replace("one", "two")) is None  # same length, other text
    assert pre.html(body + "\n") is None


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


def test_the_logo_file_is_materials_default_logo_icon_in_white():
    svg = _material(".icons/material/library.svg")
    path = svg.split(' d="', 1)[1].split('"', 1)[0]
    ours = (OVERRIDES.parent / LOGO).read_text("utf-8")
    assert f'<path d="{path}"/>' in ours, "Material's default logo icon changed: re-copy its path"
    assert 'fill="#fff"' in ours  # as Material draws it on the header's primary color
    assert "{% else %}" in _material("partials/logo.html")  # the icon is drawn only without a logo file


@pytest.mark.parametrize(
    ("theme", "expected"),
    [
        ("", "assets/logo.svg"),
        ("  logo: images/ours.png\n", "images/ours.png"),
        ("  icon:\n    logo: material/earth\n", None),
        ("  palette:\n    primary: white\n", None),
    ],
)
def test_the_default_logo_is_a_file_only_where_it_looks_the_same(tmp_path, theme, expected):
    (tmp_path / "mkdocs.yml").write_text(f"site_name: X\ntheme:\n  name: material\n{theme}", "utf-8")
    assert load(tmp_path).theme.get("logo") == expected
