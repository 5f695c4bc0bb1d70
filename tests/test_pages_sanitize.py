"""site/pages.py and site/sanitize.py: hand-written pages end inert whatever a stranger writes."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from generator.site import pages, sanitize
from generator.site.pages import front_matter, page_problems, render_page

PATH = "content/pages/p.md"


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def assert_inert(clean: str) -> None:
    parser = _Tags()
    parser.feed(clean)
    for tag, attrs in parser.tags:
        assert tag in sanitize.TAGS, tag
        assert not any(name.startswith("on") or (name == "style" and tag not in ("th", "td")) for name in attrs), attrs
        for name in ("href", "src"):
            value = "".join(attrs.get(name, "").split()).lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:")), attrs
    assert "<script" not in clean.lower() and "alert(1)</" not in clean


HOSTILE = {
    "backticks opening no fence": "```\n<script>alert(1)</script>\n",
    "data image with onerror": '![x](data:,x){: onerror="alert(1)" }\n',
    "javascript link": "[x](javascript:alert(1))\n",
    "raw img onerror": "<img src=x onerror=alert(1)>\n",
    "reference link": "[x][r]\n\n[r]: javascript:alert(1)\n",
    "svg onload": "<svg onload=alert(1)><circle/></svg>\n",
    "attribute list onclick": 'para\n{: onclick="alert(1)" }\n',
    "entity-encoded scheme": "[x](javascript&colon;alert(1))\n",
    "unclosed fence": "```python\n<script>alert(1)</script>\n",
    "spaced mixed-case scheme": '<a href="  JaVaScRiPt:alert(1)">x</a>\n',
    "autolink": "<javascript:alert(1)>\n",
    "front matter title": '---\ntitle: "</title><script>alert(1)</script>"\n---\n\n# Hi\n',
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_markdown_ends_inert(text):
    meta, clean = render_page(text, PATH)
    assert_inert(clean)
    assert_inert(front_matter(meta))


@pytest.mark.parametrize(
    "text, expected",
    [
        (HOSTILE["backticks opening no fence"], "<p>```</p>"),
        (HOSTILE["data image with onerror"], '<p><img alt="x"></p>'),
        (HOSTILE["javascript link"], "<p><a>x</a></p>"),
        (HOSTILE["raw img onerror"], '<p><img src="x"></p>'),
        (HOSTILE["reference link"], "<p><a>x</a></p>"),
        (HOSTILE["svg onload"], "<p></p>"),
        (HOSTILE["attribute list onclick"], "<p>para</p>"),
        (HOSTILE["entity-encoded scheme"], "<p><a>x</a></p>"),
        (HOSTILE["spaced mixed-case scheme"], "<p><a>x</a></p>"),
        (HOSTILE["autolink"], "<p></p>"),
    ],
)
def test_exact_clean_html(text, expected):
    assert render_page(text, PATH)[1].strip() == expected


def test_front_matter_title_is_escaped_once_when_written():
    meta, _ = render_page(HOSTILE["front matter title"], PATH)
    assert meta == {"title": "</title><script>alert(1)</script>"}
    assert front_matter(meta) == ('---\ntitle: "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"\n---\n\n')
    written = yaml.safe_load(front_matter(meta).split("---")[1])
    assert written == {"title": "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"}


def test_title_comes_from_the_first_heading_as_plain_text():
    meta, _ = render_page("# Hello &lt;/title&gt; *world*\n\ntext\n", PATH)
    assert meta == {"title": "Hello </title> world"}
    assert "&lt;/title&gt;" in front_matter(meta)


def test_what_pages_need_is_kept():
    text = (
        '!!! warning "Careful"\n    body\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n## Section\n\n'
        "[site](https://example.org/) [local](methodology.md#sources) ![map](img/map.png)\n\n"
        "<details><summary>More</summary>x<sup>1</sup></details>\n"
    )
    clean = render_page(text, PATH)[1]
    assert '<div class="admonition warning">\n<p class="admonition-title">Careful</p>' in clean
    assert '<th style="text-align:left">a</th>' in clean
    assert '<h2 id="section">Section<a class="headerlink" href="#section" title="Permanent link">¶</a></h2>' in clean
    assert '<a href="https://example.org/">site</a> <a href="methodology.md#sources">local</a>' in clean
    assert '<img alt="map" src="img/map.png">' in clean
    assert "<details><summary>More</summary>x<sup>1</sup></details>" in clean
    assert page_problems(text, PATH) == []


def test_images_from_other_hosts_are_removed():
    clean = render_page("![a](https://tracker.example/p.png) ![b](//cdn.example/p.png) ![c](/abs.png)\n", PATH)[1]
    assert clean == '<p><img alt="a"> <img alt="b"> <img alt="c"></p>'


def _gcc(text: str) -> list[str]:
    return [p.gcc() for p in page_problems(text, PATH)]


def test_problems_name_the_place_and_what_is_removed():
    assert _gcc(HOSTILE["backticks opening no fence"]) == [
        (
            "content/pages/p.md:2:1: error: raw HTML `<script>` is not allowed in hand-written pages and will be "
            "removed: write Markdown"
        )
    ]
    assert _gcc("text\n\n[x][r]\n\n[r]: javascript:alert(1)\n") == [
        (
            "content/pages/p.md:5:6: error: link to a `javascript:` address will be removed: only http, https, mailto "
            "and relative addresses are allowed"
        )
    ]
    assert _gcc('para\n{: onclick="alert(1)" }\n') == [
        "content/pages/p.md:2:4: error: attribute `onclick` on `<p>` is not allowed and will be removed"
    ]
    assert _gcc("![p](https://evil.example/p.png)\n") == [
        (
            "content/pages/p.md:1:6: error: image `https://evil.example/p.png` is on another host and will be removed: "
            "the site never makes a reader's browser contact another host; store the image with the site"
        )
    ]
    assert _gcc(HOSTILE["autolink"]) == [
        (
            "content/pages/p.md:1:1: error: `<javascript:…>` will be removed: only http, https, mailto and relative "
            "addresses may be linked"
        )
    ]
    assert _gcc("## Sec {: #__drawer }\n") == [
        (
            "content/pages/p.md:1:12: error: id `__drawer` will be removed: an id starts with a letter or digit, "
            "and ids starting with `__` belong to the theme"
        )
    ]


def test_front_matter_keys_and_values_are_checked():
    text = "---\ntemplate: main.html\nsearch: {boost: 2, exclude: yes}\nhide: [toc, bar]\n---\n# T\n"
    assert _gcc(text) == [
        (
            "content/pages/p.md:2:1: error: front matter key `template` is not allowed in hand-written pages: "
            "use title, description, search or hide"
        ),
        "content/pages/p.md:4:7: error: front matter `hide` must be a list of: navigation, toc, footer",
    ]
    assert render_page(text, PATH)[0] == {"search": {"boost": 2, "exclude": True}, "title": "T"}
    assert _gcc("---\nsearch: {boost: 1e9}\n---\n") == [
        (
            "content/pages/p.md:2:9: error: front matter `search` may hold only `boost` (a number from 0 to 10) and "
            "`exclude` (true or false)"
        )
    ]
    assert _gcc("---\n" + "[" * 5000 + "\n---\n") == [
        (
            "content/pages/p.md:2:1: error: front matter is over 4096 bytes: keep only title, description, search "
            "and hide"
        )
    ]


def test_the_extensions_are_the_sites():
    config = yaml.load((Path(__file__).parents[1] / "mkdocs.yml").read_text("utf-8"), Loader=_AnyTagLoader)
    names, configs = [], {}
    for item in config["markdown_extensions"]:
        name, settings = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        names.append(name)
        if settings:
            configs[name] = settings
    assert tuple(names) == pages.MARKDOWN_EXTENSIONS
    assert configs == pages.EXTENSION_CONFIGS


class _AnyTagLoader(yaml.SafeLoader):
    pass


_AnyTagLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def test_front_matter_is_never_empty_so_mkdocs_reads_no_metadata_from_the_body():
    from mkdocs.utils.meta import get_data

    body = "template: main.html\ntitle: </title>\n\n# Page\n"
    assert get_data(front_matter({}) + body) == (body, {})
    assert get_data(front_matter({"title": "T"}) + body) == (body, {"title": "T"})
