"""Render the model into Markdown pages and feeds with the Jinja templates.

Escaping (see the design notes): page bodies are HTML blocks escaped by Jinja's autoescape;
Markdown contexts (headings) use the `md` filter, which turns every character Markdown or HTML
could act on into a numeric entity; front-matter titles are HTML-escaped once, because Material
prints `page.meta.title` raw in <title>, the header and the nav.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import json
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from ..errors import BuildError
from . import export, jsonld, passages, views
from .plan import (
    ACTOR_FEED_WINDOW,
    CORRECTIONS,
    FEED_ALL,
    FEED_CORRECTIONS,
    FEED_ENTRIES,
    TIMELINE,
    Output,
    SitePlan,
)
from .workers import Ordered

# The templates ship inside the package (mapped from site_templates/ in the repository).
TEMPLATES = Path(str(resources.files("generator.templates")))
# Everything Markdown (and its extensions: tables, attr_list, admonitions, emoji) or HTML
# could read as syntax.
_MD_ACTIVE = frozenset("\\`*_{}[]()#+-.!|~^=:<>&\"'$%@/")


@dataclass(frozen=True)
class Settings:
    """What the pages need to know about the site (read from mkdocs.yml by the MkDocs adapter)."""

    name: str = "Dossier"
    url: str | None = None  # where it is published; None when not known
    description: str | None = None
    pdf: bool = False  # the build writes the briefing PDF beside the pages


@dataclass(frozen=True)
class Page:
    path: str  # inside the docs folder, e.g. "actors/volodymyr-zelenskyy.md"
    text: str
    edit_path: str | None  # the file a curator edits to change this page
    jsonld: str | None = None  # schema.org JSON-LD for the page's head (the plugin puts it there)


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


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory for the life of the process, under each template's name,
    file and source (Jinja checks the source's checksum: an edited template is compiled again).
    A preview rebuilds many times in one process: compiling our templates and the theme's
    (through the MkDocs plugin's `on_env`) was most of a rebuild."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


COMPILED = CompiledTemplates()


def environment(folders: tuple[str, ...] = ("pages", "feeds")) -> jinja2.Environment:
    """The templates' environment: autoescape on, undefined names an error, the dossier's filters."""
    env = jinja2.Environment(
        bytecode_cache=COMPILED,
        loader=jinja2.FileSystemLoader([str(TEMPLATES / folder) for folder in folders]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        md=md,
        fm_title=front_matter_title,
        paragraphs=paragraphs,
        oneline=oneline,
        verbatim=verbatim,
        stance_label=views.STANCE_LABELS.__getitem__,
        kind_label=views.KIND_LABELS.__getitem__,
        date_display=views.date_display,
        voice_label=views.VOICE_LABELS.__getitem__,
        insertions=views.insertions,
        num=views.svg_number,
    )
    env.globals.update(views=views, passages=passages, STANCE_LABELS=views.STANCE_LABELS)
    return env


# The pages with schema.org JSON-LD: template -> (the item's context key, its JSON-LD).
_JSONLD = {
    "actor.md.j2": ("actor", jsonld.actor_jsonld),
    "proposal.md.j2": ("proposal", jsonld.proposal_jsonld),
    "source.md.j2": ("source", jsonld.source_jsonld),
}


def page_jsonld(plan: SitePlan, out: Output) -> str | None:
    """A page's JSON-LD (its <head> holds it: Material's instant navigation would run a <script>
    in the content as JavaScript), ids relative to the page; ASCII, nothing HTML acts on."""
    if out.template not in _JSONLD:
        return None
    key, make = _JSONLD[out.template]
    return jsonld.front_matter_json(make(plan.dossier, plan.links(out.path), out.context[key].id))


def render_template(env: jinja2.Environment, name: str, **context: Any) -> str:
    """Render one template; a broken template is a one-line error with its file and line."""
    with template_errors(name):
        return env.get_template(name).render(**context)


@contextlib.contextmanager
def template_errors(name: str):
    """A broken template `name` (or one it includes) as a one-line BuildError with its file and line."""
    try:
        yield
    except jinja2.TemplateSyntaxError as exc:
        raise BuildError(
            f"{_template_file(exc.filename or exc.name or name)}:{exc.lineno}: template error: "
            f"{exc.message}; fix the template"
        ) from None
    except jinja2.TemplateError as exc:
        raise BuildError(f"{_template_file(name)}: template error: {exc}; fix the template") from None


def _template_file(name: str) -> str:
    path = Path(name)
    return path.relative_to(TEMPLATES).as_posix() if path.is_relative_to(TEMPLATES) else name


def _feed_href(plan: SitePlan, site_url: str | None, here: str):
    """Links in a feed: relative to xml:base (the site URL) when known, else to the feed file."""

    def href(target: str) -> str:
        if site_url:
            return target
        path, _, fragment = target.partition("#")
        return posixpath.relpath(path, here) + (f"#{fragment}" if fragment else "")

    return href


def render_feeds(plan: SitePlan, site: Settings, fallback: dt.date) -> dict[str, str]:
    """Atom feeds: the whole dossier's newest FEED_ENTRIES claims; for each actor, its claims among
    the dossier's newest ACTOR_FEED_WINDOW (FEED_ENTRIES at most); newest first."""
    env = environment()
    dossier = plan.dossier

    def feed(path: str, title: str, subtitle: str, alternate: str, claims, ident: str) -> str:
        entries = export.feed_entries(claims, FEED_ENTRIES)
        updated = max((export.timestamp(c.added, fallback) for c in entries), default=export.timestamp(None, fallback))
        return render_template(
            env,
            "atom.xml.j2",
            d=dossier,
            claims=entries,
            title=title,
            subtitle=subtitle,
            site_name=site.name,
            site_url=site.url,
            feed_id=export.atom_id("feed", ident),
            self_path=path,
            alternate=plan.url(alternate),
            updated=updated,
            href=_feed_href(plan, site.url, posixpath.dirname(path)),
            entry_id=lambda claim: export.atom_id("claim", claim.id),
            stamp=lambda date: export.timestamp(date, fallback),
            claim_url=plan.claim_url,
        )

    everything = f"Claims recorded in {site.name}, newest first."
    out = {FEED_ALL: feed(FEED_ALL, f"{site.name}: all claims", everything, TIMELINE, dossier.claims.values(), "all")}
    out[FEED_CORRECTIONS] = _corrections_feed(env, plan, site, fallback)
    window = {c.id for c in export.feed_entries(dossier.claims.values(), ACTOR_FEED_WINDOW)}
    for actor in dossier.actors.values():
        path = plan.feed_path(actor.id)
        out[path] = feed(
            path,
            f"{actor.name}: claims",
            _actor_subtitle(actor.name, site.name, len(window) < len(dossier.claims)),
            plan.item_page("actors", actor.id),
            [c for c in dossier.claims_by_actor.get(actor.id, ()) if c.id in window],
            f"actor/{actor.id}",
        )
    return out


def _actor_subtitle(actor: str, site: str, windowed: bool) -> str:
    if not windowed:  # every claim is among the newest ACTOR_FEED_WINDOW
        return f"Claims recorded in {site}, newest first."
    return (
        f"Claims of {actor} among the {ACTOR_FEED_WINDOW:,} added to {site} last ({FEED_ENTRIES} at most), "
        "newest first; the actor's page has every one."
    )


def _corrections_feed(env: jinja2.Environment, plan: SitePlan, site: Settings, fallback: dt.date) -> str:
    """The public corrections log as an Atom feed, newest first."""
    fixes = plan.dossier.corrections
    return render_template(
        env,
        "corrections.xml.j2",
        d=plan.dossier,
        title=f"{site.name}: corrections",
        site_name=site.name,
        site_url=site.url,
        feed_id=export.atom_id("feed", "corrections"),
        self_path=FEED_CORRECTIONS,
        alternate=plan.url(CORRECTIONS),
        updated=max(
            (export.timestamp(fix.date, fallback) for _, fix in fixes),
            default=export.timestamp(plan.dossier.published, fallback),
        ),
        href=_feed_href(plan, site.url, posixpath.dirname(FEED_CORRECTIONS)),
        entry_id=lambda claim, fix: export.atom_id("correction", f"{claim.id}/{fix.date}/{fix.change}"),
        stamp=lambda date: export.timestamp(date, fallback),
        claim_url=plan.claim_url,
    )


@dataclass(frozen=True)
class Rendered:
    """A page as the workers hand it back: its bytes, and what `finish` made of its text."""

    page: Page  # without its text (the bytes are in `data`)
    data: bytes
    finished: Any = None


def render_site(
    plan: SitePlan, site: Settings, finish: Callable[[str], Any] | None = None, workers: int | None = None
) -> Ordered:
    """Every generated page in the plan's order, rendered in worker processes (site/workers.py),
    each with what `finish` (the MkDocs adapter's) made of its text there. Iterate to take the
    pages (one page's text in memory at a time: a 10,000-claim dossier renders hundreds of MB);
    close to stop the workers."""
    env = environment()
    outputs = list(plan.pages())
    for name in sorted({out.template for out in outputs}):
        with template_errors(name):
            env.get_template(name)  # compiled once, before the workers fork

    def job(n: int) -> Rendered:
        page = render_page(env, plan, site, outputs[n])
        data = page.text.encode("utf-8")
        return Rendered(replace(page, text=""), data, finish(page.text) if finish else None)

    return Ordered(job, len(outputs), workers)


def render_page(env: jinja2.Environment, plan: SitePlan, site: Settings, out: Output) -> Page:
    text = render_template(
        env,
        out.template,
        d=plan.dossier,
        site=site,
        page_path=out.path,
        link=plan.links(out.path, in_page=True),
        plan=plan,
        **out.context,
    )
    return Page(out.path, text, out.edit, page_jsonld(plan, out))
