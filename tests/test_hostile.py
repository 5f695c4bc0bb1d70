"""Hostile input: whatever a stranger's pull request puts in a free-text field is shown as the
literal text typed, inert, everywhere it appears in the built site. And failures lose nothing.

The loader, schema and path attacks (tabs, duplicate keys, aliases and a billion laughs, YAML 1.1
booleans, unquoted dates, top-level lists, `../` and absolute paths, symlinks out, non-UTF-8,
BOM and CRLF sources, oversized files, invisible characters) are in test_load.py,
test_schema_errors.py, test_validate.py, test_quotes.py and test_cli.py (BAD_INPUTS).
"""

from __future__ import annotations

import errno
import hashlib
import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from generator import api
from generator.errors import ContentError, OutputError
from generator.site import render, write
from generator.site.plan import SEARCH_BUNDLE
from tests.refresh_golden import FIXTURE

# Each payload is something Markdown, HTML, Jinja or an extension would act on.
PAYLOADS = {
    "script": '<script>alert("x1")</script>',
    "img": "<img src=x onerror=alert(2)>",
    "js-link": "[click me](javascript:alert(3))",
    "data-image": "![pic](data:text/html;base64,PHNjcmlwdD4=)",
    "comment": "<!-- hidden -->",
    "jinja-var": "{{ config.site_name }}",
    "jinja-block": "{% for x in range(3) %}loop{% endfor %}",
    "heading": "# Not a heading",
    "admonition": '!!! danger "Not an admonition"',
    "attr-list": "{: .evil onclick=alert(4) }",
    "raw-html": '<b class="x">bold</b> &amp; &copy;',
    "emphasis": "*not em* __not strong__ `not code`",
    "close-title": "</title><script>alert(5)</script>",
    "quote-break": '" onmouseover="alert(6)',
}
SOURCE_TEXT = "Leader said: " + " ".join(PAYLOADS.values()) + " That is all.\n"


def _hostile_copy(root: Path) -> Path:
    """The fixture dossier with a payload in every free-text field, and a source quoting them all."""
    shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns("site", ".dossier"))
    p = list(PAYLOADS.values())
    (root / "content/sources/evil.txt").write_text(SOURCE_TEXT, "utf-8")

    def rewrite(rel, key, change):
        path = root / rel
        head = path.read_text("utf-8").split("\n", 1)[0]
        data = yaml.safe_load(path.read_text("utf-8"))
        change(data[key])
        path.write_text(head + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")

    def sources(items):
        items[0].update(title=p[0] + " " + p[12], notes=p[1] + "\n\n" + p[4], outlet={"name": p[2], "basis": "stated"})
        items.append(
            {
                "id": "evil",
                "file": "evil.txt",
                "sha256": hashlib.sha256(SOURCE_TEXT.encode()).hexdigest(),
                "title": p[7],
                "outlet": {"name": p[9], "basis": "inferred", "reason": p[10]},
                "published": {"date": "2024-03", "basis": "inferred", "reason": p[5]},
                "language": "en",
            }
        )

    def actors(items):
        items[0].update(name=p[0] + " " + p[13], aliases=[p[1], p[3], p[8]], affiliation=p[6], notes=p[11])
        items[0]["roles"][0]["title"] = p[12]

    def proposals(items):
        items[0].update(title=p[7] + " " + p[0], summary=p[2] + " " + p[5], notes=p[4])

    def claims(items):
        items[0].update(summary=p[1] + " " + p[6], notes=p[8])
        items[0]["said"]["reason"] = p[9]
        items.append(
            {
                "id": "evil-quote",
                "actor": "envoy",
                "stances": {"border-deal": "neutral"},
                "said": {"date": "2024-03", "basis": "inferred", "reason": p[3]},
                "summary": p[10],
                "evidence": [
                    {
                        "source": "evil",
                        "text": " ".join(p),
                        "kind": "reported-speech",
                        "via": [p[0], p[2]],
                        "notes": p[13],
                    }
                ],
            }
        )

    rewrite("content/sources.yaml", "sources", sources)
    rewrite("content/actors.yaml", "actors", actors)
    rewrite("content/proposals.yaml", "proposals", proposals)
    rewrite("claims.yaml", "claims", claims)
    return root


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = _hostile_copy(tmp_path_factory.mktemp("hostile") / "dossier")
    api.build(root)
    return root / "site"


class _Text(HTMLParser):
    """What a reader sees: text content, with attribute values kept apart."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        self.text.append(data)
        if self._in_title:
            self.title += data

    def handle_comment(self, data):
        self.tags.append(("!--", {"data": data}))


def _parse(path: Path) -> _Text:
    parser = _Text()
    parser.feed(path.read_text("utf-8"))
    return parser


def test_no_payload_becomes_markup_on_any_page(site):
    for path in site.rglob("*.html"):
        page = _parse(path)
        for tag, attrs in page.tags:
            # the raw-html payload's element (the templates' own <b> has no class)
            assert not (tag == "b" and attrs.get("class") == "x"), (path, tag, attrs)
            assert not any(k.startswith("on") for k in attrs), (path, tag, attrs)
            assert "evil" not in attrs.get("class", ""), (path, tag, attrs)
            for key in ("href", "src"):
                assert not (attrs.get(key) or "").lower().startswith(("javascript:", "data:")), (path, attrs)
            if tag == "script":
                assert "alert" not in json.dumps(attrs), path
            if tag == "!--":
                assert "hidden" not in attrs["data"], path
        raw = path.read_text("utf-8")
        assert '<script>alert("x1")' not in raw and "<script>alert(5)" not in raw, path
        assert "<img src=x" not in raw, path
        assert 'class="admonition danger"' not in raw, path


def _words(parser: _Text) -> str:
    return " ".join(" ".join(parser.text).split())


@pytest.mark.parametrize(
    "page, expected",
    [
        (
            "actors/minister.html",
            ["script", "quote-break", "img", "data-image", "admonition", "jinja-block", "emphasis", "close-title"],
        ),
        ("proposals/border-deal.html", ["heading", "js-link", "jinja-var", "comment"]),
        ("sources/alpha.html", ["script", "close-title", "img", "comment", "js-link"]),
        ("sources/evil.html", ["heading", "attr-list", "raw-html", "jinja-var"]),
        ("actors/envoy.html", ["raw-html", "script", "js-link", "quote-break", "data-image"]),
    ],
)
def test_every_payload_shows_as_the_literal_text_typed(site, page, expected):
    words = _words(_parse(site / page))
    for name in expected:
        assert " ".join(PAYLOADS[name].split()) in words, (page, name)


def test_the_whole_quote_is_highlighted_literally_in_its_source(site):
    words = _words(_parse(site / "sources" / "evil.html"))
    assert " ".join(" ".join(PAYLOADS.values()).split()) in words


def test_titles_and_headers_show_the_literal_text(site):
    actor = _parse(site / "actors" / "minister.html")
    assert actor.title.startswith(PAYLOADS["script"] + " " + PAYLOADS["quote-break"] + " - ")
    source = _parse(site / "sources" / "alpha.html")
    assert source.title.startswith(PAYLOADS["script"] + " " + PAYLOADS["close-title"] + " - ")
    evil = _parse(site / "sources" / "evil.html")
    assert evil.title.startswith(PAYLOADS["heading"] + " - ")


def test_the_search_records_hold_the_payloads_as_plain_text(site):
    # Plain text, as written: Pagefind escapes excerpts, and search.js shows titles as text and
    # keeps nothing of an excerpt but its text and <mark>s (tests/browser/test_search.py).
    records = api.render(site.parent).records
    titles = {r["url"]: r["meta"]["title"] for r in records if "url" in r}
    assert titles["actors/minister.html"] == '<script>alert("x1")</script> " onmouseover="alert(6)'
    assert (site / SEARCH_BUNDLE / "pagefind.js").is_file() and not (site / "search").exists()


def test_the_nav_and_breadcrumbs_carry_no_markup(site):
    for path in site.rglob("*.html"):
        raw = path.read_text("utf-8")
        start = raw.find('<nav class="md-nav md-nav--primary"')
        nav = raw[start : raw.find("</nav>", start)]
        assert "<script" not in nav and "onerror" not in nav, path


def test_a_url_with_another_scheme_is_an_error(tmp_path):
    root = tmp_path / "d"
    shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns("site", ".dossier"))
    path = root / "content" / "sources.yaml"
    path.write_text(
        path.read_text("utf-8").replace("url: https://example.org/alpha", "url: javascript:alert(1)"), "utf-8"
    )
    problems = api.check(root).problems
    assert [p.gcc() for p in problems] == [
        "content/sources.yaml:10:10: error: `url` must be an http:// or https:// address without spaces (found "
        "`javascript:alert(1)`)"
    ]


_PAGE = "content/pages/methodology.md"
_REMOVED_SCHEME = "will be removed: only http, https, mailto and relative addresses are allowed"


@pytest.mark.parametrize(
    "body, expected",
    [
        ("Some <b>bold</b> words.", []),
        ("<!-- note --> text </div>", []),  # removed by the cleaning, nothing a reader could run
        (
            "<script>x</script>",
            [
                f"{_PAGE}:3:1: error: raw HTML `<script>` is not allowed in hand-written pages and will be removed: "
                "write Markdown"
            ],
        ),
        (  # three backticks open no fence (fenced code is not enabled): the script is raw HTML
            "```\n\n<script>alert(1)</script>",
            [
                f"{_PAGE}:5:1: error: raw HTML `<script>` is not allowed in hand-written pages and will be removed: "
                "write Markdown"
            ],
        ),
        (
            '![x](data:,x){: onerror="alert(1)" }',
            [
                f"{_PAGE}:3:6: error: image to a `data:` address {_REMOVED_SCHEME}",
                f"{_PAGE}:3:17: error: attribute `onerror` on `<img>` is not allowed and will be removed",
            ],
        ),
        ("[x](javascript:alert(1))", [f"{_PAGE}:3:5: error: link to a `javascript:` address {_REMOVED_SCHEME}"]),
        (
            "![x](https://evil.example/p.png)",
            [
                f"{_PAGE}:3:6: error: image `https://evil.example/p.png` is on another host and will be removed: the "
                "site never makes a reader's browser contact another host; store the image with the site"
            ],
        ),
    ],
)
def test_what_the_cleaning_removes_from_a_hand_written_page_is_an_error(tmp_path, body, expected):
    root = tmp_path / "d"
    shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns("site", ".dossier"))
    (root / _PAGE).write_text(f"# Methodology\n\n{body}\n", "utf-8")
    assert [p.gcc() for p in api.check(root).problems] == expected


def test_markdown_autolinks_and_code_may_mention_tags(tmp_path):
    root = tmp_path / "d"
    shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns("site", ".dossier"))
    page = "# Methodology\n\nSee <https://example.org/a>. Write `<b>` as code.\n\n```html\n<b>fine</b>\n```\n"
    (root / "content" / "pages" / "methodology.md").write_text(page, "utf-8")
    assert api.check(root).problems == []


def test_a_bidi_override_in_a_quote_is_named():
    from generator.data import quotes

    found = quotes.find(quotes.SourceText.of("He said yes to the plan.\n"), "said \u202eyes")
    assert found.message.startswith("evidence text contains the invisible character U+202E RIGHT-TO-LEFT OVERRIDE")


def _hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize("stage", ["render", "write"])
def test_a_failure_while_generating_keeps_the_site_and_the_docs(built_copy, monkeypatch, stage):
    root = built_copy
    api.generate(root)  # the docs tree on disk, as the preview keeps it
    before = _hashes(root / "site"), _hashes(root / api.DOCS_DIR)
    claims = root / "claims.yaml"
    claims.write_text(claims.read_text("utf-8").replace("The envoy would sign", "The envoy might sign"), "utf-8")

    if stage == "render":

        def boom(*args, **kwargs):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(render, "render_site", boom)
        with pytest.raises(OSError):
            api.build(root)
    else:
        real = write.OwnedDir._stage

        def full(self, rel, data, made=None):
            if rel == "timeline/2024.md":
                raise OSError(errno.ENOSPC, "No space left on device")
            return real(self, rel, data, made)

        monkeypatch.setattr(write.OwnedDir, "_stage", full)
        with pytest.raises(OutputError) as caught:
            api.generate(root)
        assert str(caught.value) == (
            "disk full while writing .dossier/docs/timeline/2024.md: free some space and build again"
        )
    assert (_hashes(root / "site"), _hashes(root / api.DOCS_DIR)) == before
    assert not [p for p in (root / api.DOCS_DIR).rglob(".dossier-tmp-*")]


def test_content_errors_never_reach_the_build_step(tmp_path, monkeypatch):
    root = tmp_path / "d"
    shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns("site", ".dossier"))
    (root / "claims.yaml").write_text("claims: [\n", "utf-8")
    monkeypatch.setattr(render, "render_site", lambda *a: pytest.fail("rendered despite errors"))
    with pytest.raises(ContentError):
        api.build(root)
