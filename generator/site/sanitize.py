"""The allowlist for hand-written pages' HTML (nh3, ammonia underneath).

Whatever a stranger writes, the HTML that reaches a reader holds no script, event handler, style
sheet, form or frame, no `javascript:`/`data:` address, and nothing that makes the reader's
browser contact another host (links stay: a reader follows one deliberately). `element_problems`
says, for one element, what the cleaning removes (what `dossier check` reports).
"""

from __future__ import annotations

import html
import re

import nh3

from ..errors import echo

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
TAGS = frozenset(
    _HEADINGS
    | {
        "p",
        "a",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "th",
        "td",
        "caption",
        "code",
        "pre",
        "kbd",
        "blockquote",
        "em",
        "strong",
        "b",
        "i",
        "s",
        "mark",
        "hr",
        "br",
        "div",
        "span",
        "sup",
        "sub",
        "abbr",
        "del",
        "ins",
        "details",
        "summary",
        "img",
    }
)
# Removed with everything inside them (the rest lose the tag and keep their text).
DROPPED_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "template",
        "iframe",
        "object",
        "embed",
        "noscript",
        "svg",
        "math",
        "textarea",
        "select",
        "title",
        "noembed",
        "noframes",
        "xmp",
    }
)
# `class` is governed by CLASSES alone (ammonia refuses it in both).
ATTRIBUTES = {
    **{h: {"id"} for h in _HEADINGS},
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "abbr": {"title"},
    "th": {"style"},
    "td": {"style"},
    "ol": {"start"},
    "details": {"open"},
}
_ADMONITIONS = {
    "admonition",
    "note",
    "abstract",
    "summary",
    "tldr",
    "info",
    "todo",
    "tip",
    "hint",
    "important",
    "success",
    "check",
    "done",
    "question",
    "help",
    "faq",
    "warning",
    "caution",
    "attention",
    "failure",
    "fail",
    "missing",
    "danger",
    "error",
    "bug",
    "example",
    "quote",
    "cite",
}
CLASSES = {
    "div": _ADMONITIONS | {"dossier-page"},
    "details": _ADMONITIONS,
    "p": {"admonition-title"},
    "a": {"headerlink"},
    "span": set(),
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")
_ID = re.compile(r"(?!__)[A-Za-z0-9_][\w.-]*\Z")  # Material's own elements use ids like __drawer
_STRIPPED = re.compile(r"[\x00-\x20\x7f]+")


def url_kind(url: str) -> str:
    """`local` (relative), `rooted` (/path), `external` (http, https, mailto or //host) or
    `forbidden` (any other scheme), read the way a browser reads the attribute."""
    plain = _STRIPPED.sub("", html.unescape(url)).replace("\\", "/").lower()
    scheme = _SCHEME.match(plain)
    if scheme:
        return "external" if scheme.group(1) in URL_SCHEMES else "forbidden"
    if plain.startswith("//"):
        return "external"
    return "rooted" if plain.startswith("/") else "local"


def _attribute_filter(tag: str, attr: str, value: str) -> str | None:
    if attr == "id":
        return value if _ID.match(value) else None
    if attr == "src":  # only images have one: loaded at once, so never from another host
        return value if url_kind(value) == "local" else None
    if attr == "href" and url_kind(value) == "forbidden":
        return None
    return value


def clean_html(fragment: str) -> str:
    """The allowlist applied to rendered HTML (a page body, or MkDocs' page.content)."""
    return nh3.clean(
        fragment,
        tags=set(TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        attribute_filter=_attribute_filter,
        strip_comments=True,
        link_rel=None,
        url_schemes=set(URL_SCHEMES),
        allowed_classes={k: set(v) for k, v in CLASSES.items()},
        filter_style_properties={"text-align"},
    )


def element_problems(tag: str, attrs: dict[str, str]) -> list[tuple[str, str]]:
    """(text to find it by, message) for each thing the cleaning removes from one element."""
    allowed = ATTRIBUTES.get(tag, set()) | ({"class"} if tag in CLASSES else set())
    out = []
    for name, value in attrs.items():
        if name not in allowed:
            out.append((f"{name}=", f"attribute `{echo(name, 30)}` on `<{tag}>` is not allowed and will be removed"))
        elif name == "class":
            for cls in value.split():
                if cls not in CLASSES.get(tag, ()):
                    out.append((cls, f"class `{echo(cls, 30)}` on `<{tag}>` is not allowed and will be removed"))
        elif name == "id" and not _ID.match(value):
            out.append(
                (
                    value,
                    (
                        f"id `{echo(value, 30)}` will be removed: an id starts with a letter or digit, "
                        "and ids starting with `__` belong to the theme"
                    ),
                )
            )
        elif name in ("href", "src"):
            message = _url_problem(tag, name, value)
            if message:
                out.append((value, message))
        elif name == "style" and not re.fullmatch(r"\s*text-align:\s*[a-z]+;?\s*", value):
            out.append(("style=", f"style on `<{tag}>` may only set text-align; the rest will be removed"))
    return out


def _url_problem(tag: str, attr: str, value: str) -> str | None:
    kind = url_kind(value)
    plain = _STRIPPED.sub("", html.unescape(value)).lower()
    scheme = _SCHEME.match(plain)
    if kind == "forbidden":
        what = "image" if attr == "src" else "link"
        return (
            f"{what} to a `{scheme.group(1) if scheme else '?'}:` address will be removed: "
            "only http, https, mailto and relative addresses are allowed"
        )
    if attr == "src" and kind == "external":
        return (
            f"image `{echo(value)}` is on another host and will be removed: the site never makes a "
            "reader's browser contact another host; store the image with the site"
        )
    if attr == "src" and kind == "rooted":
        return f"image address `{echo(value)}` must be relative to the page; it will be removed"
    return None
