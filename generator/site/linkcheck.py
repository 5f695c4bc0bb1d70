"""Check a built site offline: every local href/src leads to a file, every #fragment exists.

MkDocs validates Markdown links only, and only headings as anchors; the pages' own HTML
(quote cards, highlighted passages) is checked here, on the final files.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass(frozen=True)
class BrokenLink:
    page: str  # relative to the site folder
    target: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: broken link `{self.target}`: {self.reason}"


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)
            elif (name == "href" and tag in ("a", "link", "area")) or (
                name == "src" and tag in ("img", "script", "iframe", "source")
            ):
                self.links.append(value)


def _local(link: str) -> bool:
    parts = urlsplit(link)
    return not parts.scheme and not parts.netloc and not link.startswith(("mailto:", "tel:", "data:", "javascript:"))


def check_site(site: Path) -> tuple[int, list[BrokenLink]]:
    """Returns the number of local links checked and the broken ones, in page order."""
    pages: dict[str, _Page] = {}
    for path in sorted(site.rglob("*.html")):
        parser = _Page()
        parser.feed(path.read_text("utf-8", errors="replace"))
        pages[path.relative_to(site).as_posix()] = parser
    checked, broken = 0, []
    for rel, page in pages.items():
        for link in page.links:
            if not _local(link):
                continue
            checked += 1
            problem = _resolve(site, pages, rel, link)
            if problem:
                broken.append(BrokenLink(rel, link, problem))
    return checked, broken


def _resolve(site: Path, pages: dict[str, _Page], rel: str, link: str) -> str | None:
    parts = urlsplit(link)
    path = unquote(parts.path)
    if path:
        base = "" if path.startswith("/") else posixpath.dirname(rel)
        target = posixpath.normpath(posixpath.join(base, path.lstrip("/")))
        if target.startswith(".."):
            return "leads outside the site"
        if (site / target).is_dir():
            target = posixpath.join(target, "index.html")
        if not (site / target).is_file():
            return "no such file"
    else:
        target = rel
    fragment = unquote(parts.fragment)
    if fragment and target in pages and fragment not in pages[target].ids:
        return f"no element with id `{fragment}` in {target}"
    return None
