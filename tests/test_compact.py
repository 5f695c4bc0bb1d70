"""Built pages lose the templates' indentation and nothing a reader sees (publish/compact.py)."""

from __future__ import annotations

from html.parser import HTMLParser

from generator import api
from generator.publish.compact import compact


def test_indentation_between_tags_and_in_text_becomes_one_line_break():
    page = "\n<div>\n    <p>\n      Skip to\n      content\n    </p>\n\n\n  </div>\n"
    assert compact(page) == "\n<div>\n<p>\nSkip to\ncontent\n</p>\n</div>\n"


def test_spaces_without_a_line_break_are_kept():
    page = "<p>a  b <span>x</span>  <mark>y</mark>\t z</p>"
    assert compact(page) == page


def test_preformatted_elements_scripts_comments_and_attributes_are_kept():
    page = (
        "<pre>\n  a\n    b\n</pre>\n  <code>x\n   y</code>\n  <textarea>\n  t\n</textarea>"
        "\n  <script>\n  var a = `x\n   y`;\n</script>\n  <style>\n  p {}\n</style>"
        '\n  <!--\n   note\n  -->\n  <a title="one\n    two">z</a>\n  <KBD>k\n  k</KBD>'
    )
    assert compact(page) == (
        "<pre>\n  a\n    b\n</pre>\n<code>x\n   y</code>\n<textarea>\n  t\n</textarea>"
        "\n<script>\n  var a = `x\n   y`;\n</script>\n<style>\n  p {}\n</style>"
        '\n<!--\n   note\n  -->\n<a title="one\n    two">z</a>\n<KBD>k\n  k</KBD>'
    )


def test_a_stored_text_keeps_its_line_ends_and_spaces():
    page = '<div class="dq-text" lang="en">One  two&#10;&#10;  three <mark>four</mark> <sup>[1]</sup></div>\n   <p>'
    assert (
        compact(page)
        == '<div class="dq-text" lang="en">One  two&#10;&#10;  three <mark>four</mark> <sup>[1]</sup></div>\n<p>'
    )


class _StoredText(HTMLParser):
    """The text of a page's `.dq-text`, without the passages' footnote numbers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside .dq-text: elements open
        self.skip = 0  # inside a footnote number
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.depth += 1
            self.skip += bool(self.skip) or ("class", "dq-ref") in attrs
        elif ("class", "dq-text") in attrs:
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
            self.skip = max(0, self.skip - 1)

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.text.append(data)


def test_every_built_page_is_compact_and_each_source_shows_its_text_exactly(built):
    # 404.html is the theme's, rendered by MkDocs outside its pages
    pages = [p for p in sorted((built / "site").rglob("*.html")) if p.name != "404.html"]
    assert pages and all(compact(p.read_text("utf-8")) == p.read_text("utf-8") for p in pages)
    for source in api.check(built).dossier.sources.values():
        shown = _StoredText()
        shown.feed((built / "site" / "sources" / f"{source.id}.html").read_text("utf-8"))
        assert "".join(shown.text) == source.text.replace("\r", ""), source.id
