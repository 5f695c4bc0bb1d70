"""A saved web page as a source: its article text (trafilatura) and what its own markup states.

The text is what quotes are proven against, so it is extracted once, here, and stored; the page
itself is kept beside it. Metadata is read from the markup only, each value with where it was
found (JSON-LD, Open Graph, `<link rel=canonical>`...): nothing is guessed from the text, the
address or the file, so a page that states nothing leaves everything unknown. (trafilatura's and
htmldate's own metadata search the text and the address too, and do not say where a value came
from.)
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

import lxml.html
import trafilatura
import webencodings

from ..data import dates
from ..errors import DossierError, echo
from .yamltext import one_line

MIN_WORDS = 6  # in at least one paragraph of an article
ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "AnalysisNewsArticle",
        "BackgroundNewsArticle",
        "OpinionNewsArticle",
        "ReportageNewsArticle",
        "ReviewNewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "Report",
    }
)
URL = re.compile(r"https?://[^\s<>\"]+")  # the schema's `url`
_HTML_START = re.compile(rb"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)[\s>]", re.I | re.S)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16le"), (b"\xfe\xff", "utf-16be"))
_SAVED_FROM = re.compile(r"<!-- saved from url=\(\d+\)(https?://[^\s>]+) -->")


@dataclass(frozen=True)
class Stated:
    value: str
    found: str  # where the page states it, e.g. "JSON-LD datePublished"


@dataclass(frozen=True)
class Page:
    text: str  # the article's text, a paragraph a line, the headline first
    title: Stated | None
    url: Stated | None
    outlet: Stated | None
    published: Stated | None  # an EDTF day
    saved_from: Stated | None  # the address a browser noted when saving the page


def looks_like_html(raw: bytes) -> bool:
    label = next((label for mark, label in _BOMS if raw.startswith(mark)), "utf-8")
    start = raw[:8192].decode(label, "ignore").removeprefix("\ufeff").encode("utf-8", "ignore")
    return bool(_HTML_START.match(start))


def decode(raw: bytes, name: str, declared: str | None = None) -> str:
    """The page's characters: by its byte-order mark, else the charset its server declared, else
    its `<meta charset>`, else UTF-8 (HTML's default for a saved page); never guessed."""
    bom = next((label for mark, label in _BOMS if raw.startswith(mark)), None)
    label, where = (bom, "byte-order mark") if bom else (declared, "Content-Type header")
    if not label:
        found = _META_CHARSET.search(raw[:4096])
        label, where = (found.group(1).decode("ascii"), "meta charset") if found else ("utf-8", "")
    encoding = webencodings.lookup(label)
    if encoding is None:
        raise DossierError(
            f"{name} declares the encoding '{echo(label)}' ({where}), which cannot be read: save the page as UTF-8"
        )
    try:
        text, _ = encoding.codec_info.decode(raw, "strict")
    except UnicodeDecodeError as exc:
        said = f" ({where})" if where else " (no encoding declared, so UTF-8)"
        raise DossierError(
            f"{name} is not valid {encoding.name}{said} at byte {exc.start}: save the page as UTF-8"
        ) from None
    return text.removeprefix("\ufeff")  # the codec keeps a UTF-8 mark


def read_page(raw: bytes, name: str, declared: str | None = None) -> Page:
    if not looks_like_html(raw):
        raise DossierError(f"{name} is not HTML: give a saved web page (.html), a web archive (.warc) or a text (.txt)")
    html = decode(raw, name, declared)
    try:
        tree = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        raise DossierError(f"{name} is not HTML that can be read: save the page again") from None
    body = trafilatura.extract(
        html,
        output_format="txt",
        favor_precision=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        deduplicate=False,
        with_metadata=False,
    )
    lines = [one_line(line) for line in (body or "").splitlines() if line.strip()]
    # A menu's "Home" is not an article: some line must read as a sentence.
    if not any(len(line.split()) >= MIN_WORDS for line in lines):
        raise DossierError(
            f"{name} has no article text that can be found (only navigation, notices or scripts): "
            "save the article's own page, or its text as .txt"
        )
    heading = _heading(tree)
    if heading and lines[0] != heading.value:
        lines.insert(0, heading.value)  # trafilatura leaves out a headline it takes for the title
    saved = _SAVED_FROM.search(html[:4096])
    return Page(
        "\n".join(lines) + "\n",
        _title(heading, _jsonld(tree, "headline"), _meta(tree, "og:title")),
        _first(_canonical(tree), _meta(tree, "og:url"), _jsonld(tree, "url"), url=True),
        _first(_jsonld(tree, "publisher"), _meta(tree, "og:site_name")),
        _first(_day(_jsonld(tree, "datePublished")), _day(_meta(tree, "article:published_time"))),
        Stated(saved.group(1), "the saved-from comment") if saved and URL.fullmatch(saved.group(1)) else None,
    )


def _first(*found: Stated | None, url: bool = False) -> Stated | None:
    for item in found:
        if item and (not url or (URL.fullmatch(item.value) and len(item.value) <= 2000)):
            return item
    return None


def _title(heading: Stated | None, *stated: Stated | None) -> Stated | None:
    """The headline as the text gives it (the title the check finds in the text): the page's h1,
    named by the markup that states the same words where one does; a social-media headline that
    differs from the page's own is not the text's."""
    if heading is None:
        return _first(*stated)
    return next((s for s in stated if s and s.value == heading.value), heading)


def _text(value: object) -> str | None:
    text = one_line(value) if isinstance(value, str) else ""
    return text or None


def _heading(tree) -> Stated | None:
    scope = next(iter(tree.iter("article")), tree)
    for h1 in scope.iter("h1"):
        text = _text(h1.text_content())
        if text:
            return Stated(text, "the page's h1")
    return None


def _meta(tree, prop: str) -> Stated | None:
    for meta in tree.iter("meta"):
        if prop in (meta.get("property"), meta.get("name")):
            text = _text(meta.get("content"))
            if text:
                return Stated(text, f"meta {prop}")
    return None


def _canonical(tree) -> Stated | None:
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            text = _text(link.get("href"))
            if text:
                return Stated(text, "link rel=canonical")
    return None


def _articles(tree) -> Iterator[dict]:
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                kinds = item.get("@type")
                if set(kinds if isinstance(kinds, list) else [kinds]) & ARTICLE_TYPES:
                    yield item
                stack.extend(item.get("@graph", []) if isinstance(item.get("@graph"), list) else [])


def _jsonld(tree, key: str) -> Stated | None:
    for article in _articles(tree):
        value = article.get(key)
        if key == "publisher":
            publishers = value if isinstance(value, list) else [value]
            value = next((p.get("name") for p in publishers if isinstance(p, dict) and _text(p.get("name"))), None)
            key = "publisher.name"
        elif key == "url" and value is None:
            entity = article.get("mainEntityOfPage")
            value, key = (entity.get("@id") if isinstance(entity, dict) else entity), "mainEntityOfPage"
        text = _text(value)
        if text:
            return Stated(text, f"JSON-LD {key}")
    return None


def _day(found: Stated | None) -> Stated | None:
    """The day a timestamp names, as written (the outlet's own calendar day); an unreadable one
    states nothing."""
    if found is None:
        return None
    day = re.match(r"\d{4}-\d{2}-\d{2}(?=$|T|\s)", found.value)
    try:
        dates.parse(day.group(0) if day else "")
    except dates.DateError:
        return None
    assert day is not None
    return Stated(day.group(0), found.found)
