"""Render the model into Markdown pages with the Jinja templates in site_templates/.

Escaping (see the design notes): page bodies are HTML blocks escaped by Jinja's autoescape;
Markdown contexts (headings) use the `md` filter, which turns every character Markdown or HTML
could act on into a numeric entity; front-matter titles are HTML-escaped once, because Material
prints `page.meta.title` raw in <title>, the header and the nav.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
import posixpath
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup

from . import export
from .model import KINDS, STANCES, Dossier

TEMPLATES = Path(__file__).resolve().parent.parent / "site_templates"
# Everything Markdown (and its extensions: tables, attr_list, admonitions, emoji) or HTML
# could read as syntax.
_MD_ACTIVE = frozenset("\\`*_{}[]()#+-.!|~^=:<>&\"'$%@/")
STANCE_LABELS = {
    "supports": "supports", "conditional": "supports with conditions", "open": "open to",
    "skeptical": "skeptical of", "opposes": "opposes", "neutral": "neutral on",
}
KIND_LABELS = {"direct-quote": "Direct quote", "reported-speech": "Reported speech", "paraphrase": "Paraphrase"}
assert set(STANCE_LABELS) == set(STANCES) and set(KIND_LABELS) == set(KINDS)


@dataclass(frozen=True)
class Page:
    path: str  # inside the docs folder, e.g. "actors/volodymyr-zelenskyy.md"
    text: str
    edit_path: str | None  # the file a curator edits to change this page


def md(text: str) -> Markup:
    """Inline Markdown that shows exactly `text`: one line, every active character an entity."""
    flat = " ".join(str(text).split())
    return Markup("".join(f"&#{ord(c)};" if c in _MD_ACTIVE else c for c in flat))


def front_matter_title(text: str) -> Markup:
    # JSON is YAML; ASCII-only so no line separator can end the scalar early.
    return Markup(json.dumps(html.escape(" ".join(str(text).split()), quote=True), ensure_ascii=True))


def oneline(text: str | None) -> str:
    return " ".join(str(text or "").split())


def verbatim(text: str) -> Markup:
    """Stored text for a white-space: pre-wrap block: escaped, line ends as entities so the
    Markdown around it sees one line (a blank line would end the HTML block)."""
    escaped = html.escape(text.replace("\r", ""), quote=True)  # CRLF shows as LF
    return Markup(escaped.replace("\n", "&#10;"))


def paragraphs(text: str | None) -> list[str]:
    if not text:
        return []
    return [" ".join(block.split()) for block in str(text).split("\n\n") if block.strip()]


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(TEMPLATES / "pages"), str(TEMPLATES / "feeds")]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(md=md, fm_title=front_matter_title, paragraphs=paragraphs, oneline=oneline, verbatim=verbatim,
                       stance_label=STANCE_LABELS.__getitem__, kind_label=KIND_LABELS.__getitem__)
    env.globals.update(url=_url, jsonld=_jsonld, STANCES=STANCES, STANCE_LABELS=STANCE_LABELS)
    return env


_JSONLD = {"actor": export.actor_jsonld, "proposal": export.proposal_jsonld, "source": export.source_jsonld}


@jinja2.pass_context
def _jsonld(context, kind: str, ident: str) -> Markup:
    """schema.org JSON-LD for a page's front matter (the theme puts it in <head>: Material's
    instant navigation would run a <script> in the content as JavaScript), ids relative to the page."""
    prefix = "../" * context["page_path"].count("/")
    return Markup(export.front_matter_json(_JSONLD[kind](context["d"], ident, prefix)))


# Both paths are relative, so the answer does not depend on the working directory: cache it
# (posixpath.relpath asks for the working directory twice per call; pages make ~30 links each).
_relpath = functools.lru_cache(maxsize=1 << 16)(posixpath.relpath)


@jinja2.pass_context
def _url(context, target: str, anchor: str | None = None) -> str:
    """A link from the page being rendered to `target` (a docs path such as `actors/x.md`)."""
    here = posixpath.dirname(context["page_path"])
    html_target = target[:-3] + ".html" if target.endswith(".md") else target
    rel = _relpath(html_target, here or ".")
    return rel + (f"#{anchor}" if anchor else "")


def _feed_href(site_url: str | None, here: str):
    """Links in a feed: relative to xml:base (the site URL) when known, else to the feed file."""
    def href(target: str) -> str:
        if site_url:
            return target
        path, _, fragment = target.partition("#")
        return posixpath.relpath(path, here) + (f"#{fragment}" if fragment else "")
    return href


def render_feeds(dossier: Dossier, site_name: str, site_url: str | None, fallback: dt.date) -> dict[str, str]:
    """Atom feeds: the whole dossier and one per actor, newest claims first."""
    env = environment()
    template = env.get_template("atom.xml.j2")

    def feed(path: str, title: str, alternate: str, claims, ident: str) -> str:
        entries = export.feed_entries(claims)
        return template.render(
            d=dossier, claims=entries, title=title, site_name=site_name, site_url=site_url,
            feed_id=export.atom_id("feed", ident), self_path=path, alternate=alternate,
            updated=max((export.timestamp(c.added, fallback) for c in entries), default=export.timestamp(None, fallback)),
            href=_feed_href(site_url, posixpath.dirname(path)),
            entry_id=lambda claim: export.atom_id("claim", claim.id), stamp=lambda date: export.timestamp(date, fallback),
            claim_path=export.claim_path,
        )

    out = {"feeds/claims.atom": feed("feeds/claims.atom", f"{site_name}: all claims", "timeline.html", dossier.claims.values(), "all")}
    for actor in dossier.actors.values():
        path = f"feeds/actors/{actor.id}.atom"
        out[path] = feed(path, f"{actor.name}: claims", f"actors/{actor.id}.html", dossier.claims_by_actor.get(actor.id, ()), f"actor/{actor.id}")
    return out


def render_site(dossier: Dossier, files: dict[str, str], site) -> Iterator[Page]:
    """Every generated page, one at a time (a 10,000-claim dossier renders hundreds of MB of
    text: the caller encodes each page and lets it go). `files` names the YAML file behind each
    kind of data; `site` is the site's name and description (publish.Site)."""
    env = environment()

    def page(path: str, template: str, edit: str, **context) -> Page:
        text = env.get_template(template).render(d=dossier, site=site, page_path=path, **context)
        return Page(path, text, edit)

    yield page("index.md", "home.md.j2", files["claims"])
    yield page("timeline.md", "timeline.md.j2", files["claims"])
    yield page("grid.md", "grid.md.j2", files["claims"])
    yield page("actors/index.md", "actors.md.j2", files["actors"])
    yield page("proposals/index.md", "proposals.md.j2", files["proposals"])
    yield page("sources/index.md", "sources.md.j2", files["sources"])
    for a in dossier.actors.values():
        yield page(f"actors/{a.id}.md", "actor.md.j2", files["actors"], actor=a)
    for p in dossier.proposals.values():
        yield page(f"proposals/{p.id}.md", "proposal.md.j2", files["proposals"], proposal=p)
    for s in dossier.sources.values():
        yield page(f"sources/{s.id}.md", "source.md.j2", files["sources"], source=s)
