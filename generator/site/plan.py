"""The site plan: the one place that knows every output's path, address, anchor and edit path.

Templates, exports, feeds, edit links, the writer and the tests ask the plan; nothing else builds
a page path by hand. Paths are relative to the generated docs folder (`actors/ID.md`); addresses
are relative to the site's root (`actors/ID.html#claim-ID`), in MkDocs' `use_directory_urls`
style when the site asks for it (`actors/ID/#claim-ID`).
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..data.files import PAGES_DIR
from ..data.model import Claim, Dossier, Evidence, Source, Span
from ..data.schema import data_files
from ..errors import ERROR, Problem, echo
from . import views

# The generated folders, relative to the dossier root; both are git-ignored and owned by builds.
GENERATED_DIR = ".dossier"
DOCS_DIR = f"{GENERATED_DIR}/docs"
SITE_DIR = "site"

# Fixed outputs: the pages every dossier has, and the machine-readable files.
HOME, TIMELINE, GRID, CORRECTIONS = "index.md", "timeline.md", "grid.md", "corrections.md"
SECTIONS = {"actors": "actors.md.j2", "proposals": "proposals.md.j2", "sources": "sources.md.j2"}
# The data files are published compressed. The JSON, read by programs, with xz (at 10,000 claims
# 23.7 MB, 4.1 zipped, 2.3 in xz: export.xz); the CSV, for spreadsheets, and the CSL-JSON of every
# claim, for reference managers, each a zip archive of one file (the member), which every system
# opens (the CSV 12 MB, 2.6 zipped; the CSL-JSON 8.5 and 1.2). The schema stays as it is: a reader
# opens it in the browser.
CLAIMS_JSON, CLAIMS_SCHEMA = "data/claims.json.xz", "data/claims.schema.json"
CLAIMS_CSV, CLAIMS_CSV_MEMBER = "data/claims.csv.zip", "claims.csv"
# One CSL-JSON file for every claim (a card's "Download CSL-JSON" takes its claim's items from it
# in the browser, which can inflate a zip's member but not xz: assets/dossier.js).
CLAIMS_CSL, CLAIMS_CSL_MEMBER = "data/claims.csl.json.zip", "claims.csl.json"
FEED_ALL = "feeds/claims.atom"
FEED_CORRECTIONS = "feeds/corrections.atom"
BRIEFING_PDF = "briefing.pdf"  # written by `dossier build --pdf` and `dossier pdf`
RECORD_PDF = "record.pdf"  # the full record: `dossier pdf --record` only
# Pages the theme writes itself (Material's 404.html), which a hand-written page would replace.
THEME_PAGES = frozenset({"404.md"})
FEED_ENTRIES = 50  # a feed holds the newest claims, not every one (a reader polls it)
# An actor's feed holds its claims among the dossier's newest ACTOR_FEED_WINDOW (FEED_ENTRIES at
# most): what is new, as a feed is read; every claim is on the actor's page. The actors' feeds
# together hold at most that many entries (at 10,000 claims, 1,000 feeds of all their claims up to
# FEED_ENTRIES were 10.6 MiB). A reader polling the feed misses nothing while the dossier adds
# fewer claims than that between two polls.
ACTOR_FEED_WINDOW = 1000
# The search: the Pagefind bundle made inside the built site from the records (site/search.py),
# which go to the indexer in memory.
SEARCH_BUNDLE = "pagefind"
# Each actor's, proposal's and source's schema.org JSON-LD goes to the dossier's MkDocs plugin in
# memory (not in the front matter, which MkDocs parses as YAML: 58 MB of it at 10,000 claims),
# which puts it in the page's <head>.
ASSETS_DIR = "assets"
# Per-item pages: reached from their section's page, never listed in the nav (a nav of every page
# makes Material quadratic).
PER_ITEM_PAGES = (
    "/actors/*.md",
    "/actors/*/*.md",
    "/proposals/*.md",
    "/proposals/*/*.md",
    "/sources/*.md",
    "/timeline/*.md",
    "!/*/index.md",
)
# An actor page with more cards than this (a claim appears once per proposal it is on) keeps its
# profile and current positions, and each proposal's cards go to a page of their own,
# `actors/ID/PROPOSAL.md`: a card is about 4 KB and its JSON-LD 1.3 KB, so 150 cards keep a page
# under 1 MB (one of 700 was 1.5 MB). The old address of a moved card,
# `actors/ID.html#claim-X`, still leads to it (assets/dossier.js follows the anchor's link).
ACTOR_PAGE_CARDS = 150
# A proposal page lists a row per claim: past this many, the rows go to a page per year,
# `proposals/ID/YEAR.md` (the page keeps the summary and every actor's positions over time).
PROPOSAL_PAGE_ROWS = 400
# Generated pages a site's nav may leave out (they are linked from the home page and the others).
OPTIONAL_IN_NAV = ("/corrections.md", "/grid.md", "/timeline.md")


# The forms of the anchors the plan makes (claim cards, passages, their references) and of the
# headings moved out of their way.
_GENERATED_ANCHOR = re.compile(r"(?:claim|q|cited|h)-")


@dataclass(frozen=True)
class Output:
    """One generated page: where it goes, what renders it, and the file a curator edits."""

    path: str
    template: str
    edit: str | None
    context: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SitePlan:
    dossier: Dossier
    directory_urls: bool = False

    # -- paths -------------------------------------------------------------------------------
    @staticmethod
    def item_page(kind: str, ident: str) -> str:
        return f"{kind}/{ident}.md"

    @staticmethod
    def timeline_page(key: str) -> str:
        return f"timeline/{key.lower().replace(' ', '-')}.md"

    @staticmethod
    def actor_part_page(actor_id: str, proposal_id: str) -> str:
        """The page of one busy actor's cards on one proposal."""
        return f"actors/{actor_id}/{proposal_id}.md"

    @cached_property
    def split_actors(self) -> frozenset[str]:
        """The actors whose cards are on one page per proposal (ACTOR_PAGE_CARDS): counted from the
        claims (a card per stance), not from the stance histories, which `check` need not build."""
        by_actor = self.dossier.claims_by_actor
        return frozenset(
            a for a in self.dossier.actors if sum(len(c.stances) for c in by_actor.get(a, ())) > ACTOR_PAGE_CARDS
        )

    @staticmethod
    def proposal_part_page(proposal_id: str, key: str) -> str:
        """The page of a busy proposal's claims of one year (a timeline key: `2024`, `Undated`)."""
        return f"proposals/{proposal_id}/{key.lower().replace(' ', '-')}.md"

    @cached_property
    def proposal_parts(self) -> dict[str, list[tuple[str, list[Claim]]]]:
        """The busy proposals (PROPOSAL_PAGE_ROWS): their claims by year, oldest first."""
        out: dict[str, list[tuple[str, list[Claim]]]] = {}
        for proposal, claims in self.dossier.claims_by_proposal.items():
            if len(claims) > PROPOSAL_PAGE_ROWS:
                years: dict[str, list[Claim]] = {}
                for claim in claims:
                    years.setdefault(views.timeline_year(claim.said), []).append(claim)
                out[proposal] = list(years.items())
        return out

    def card_page(self, claim: Claim, proposal: str | None = None) -> str:
        """The page that holds the claim's card on `proposal` (by default its first proposal's,
        which holds the claim's own anchor)."""
        if claim.actor in self.split_actors and claim.stances:
            return self.actor_part_page(claim.actor, proposal or claim.stances[0].proposal)
        return self.item_page("actors", claim.actor)

    @staticmethod
    def original_path(source: Source) -> str:
        """A source's kept original, published in a form that cannot run on the dossier's origin:
        a saved page as plain text (`.html.txt`: servers and browsers take the last suffix), a web
        archive as itself."""
        assert source.original is not None
        suffix = ".warc.gz" if source.original.file.lower().endswith(".gz") else ".warc"
        return f"originals/{source.id}" + (".html.txt" if source.original.format == "html" else suffix)

    @staticmethod
    def feed_path(actor_id: str | None = None) -> str:
        return f"feeds/actors/{actor_id}.atom" if actor_id else FEED_ALL

    @staticmethod
    def hand_written_path(rel: str) -> str:
        """Where a hand-written page (`content/pages/NAME.md`) goes: `NAME.md`."""
        return rel.removeprefix(PAGES_DIR + "/")

    # -- anchors -----------------------------------------------------------------------------
    @staticmethod
    def passage_anchor(span: Span) -> str:
        # Sources never change (their sha256 is pinned), so offsets make a stable anchor.
        return f"q-{span[0]}-{span[1]}"

    @staticmethod
    def heading_slug(value: str, separator: str) -> str:
        """A heading's id (Python-Markdown's toc `slugify`), never one of the generated anchors'
        forms: a proposal titled "Claim ghost" would otherwise share `claim-ghost` with a card."""
        from markdown.extensions.toc import slugify

        slug = slugify(value, separator)
        return f"h-{slug}" if _GENERATED_ANCHOR.match(slug) else slug

    @staticmethod
    def claim_anchor(claim: Claim, proposal: str | None = None) -> str:
        """A claim on several proposals appears once per proposal on its actor's page; the first
        appearance holds the claim's own anchor."""
        if proposal is None or claim.stances[0].proposal == proposal:
            return f"claim-{claim.id}"
        return f"claim-{claim.id}--{proposal}"

    # -- addresses ---------------------------------------------------------------------------
    def url(self, path: str, anchor: str | None = None) -> str:
        """The site-relative address of a docs path (a page's `.md` becomes its HTML address)."""
        return _address(path, self.directory_urls) + (f"#{anchor}" if anchor else "")

    def claim_url(self, claim: Claim) -> str:
        return self.url(self.card_page(claim), self.claim_anchor(claim))

    def passage_url(self, ev: Evidence) -> str:
        return self.url(self.item_page("sources", ev.source), self.passage_anchor(ev.passage.span))

    def links(self, page_path: str, in_page: bool = False) -> Links:
        return Links(self, page_path, in_page)

    # -- outputs -----------------------------------------------------------------------------
    def pages(self) -> Iterator[Output]:
        """Every generated page, in a fixed order."""
        files = {key: rel for rel, key in data_files().items()}
        d = self.dossier
        yield Output(HOME, "home.md.j2", files["claims"])
        yield Output(TIMELINE, "timeline.md.j2", files["claims"])
        for key, claims in views.timeline(d):
            yield Output(
                self.timeline_page(key), "timeline-part.md.j2", files["claims"], {"key": key, "claims": claims}
            )
        yield Output(GRID, "grid.md.j2", files["claims"])
        yield Output(CORRECTIONS, "corrections.md.j2", files["claims"])
        for kind, template in SECTIONS.items():
            yield Output(f"{kind}/index.md", template, files[kind])
        yield from self._actor_pages(files["actors"])
        yield from self._proposal_pages(files["proposals"])
        for s in d.sources.values():
            yield Output(self.item_page("sources", s.id), "source.md.j2", files["sources"], {"source": s})
        yield from self._moved(files)

    def _actor_pages(self, edit: str) -> Iterator[Output]:
        """Each actor's page, and a busy actor's page per proposal (ACTOR_PAGE_CARDS)."""
        d = self.dossier
        for a in d.actors.values():
            split = a.id in self.split_actors
            yield Output(self.item_page("actors", a.id), "actor.md.j2", edit, {"actor": a, "split": split})
            for proposal in d.proposals_of(a.id) if split else ():
                context = {"actor": a, "proposal": d.proposals[proposal]}
                yield Output(self.actor_part_page(a.id, proposal), "actor-part.md.j2", edit, context)

    def _proposal_pages(self, edit: str) -> Iterator[Output]:
        """Each proposal's page, and a busy proposal's claims per year (PROPOSAL_PAGE_ROWS)."""
        for p in self.dossier.proposals.values():
            parts = [(key, self.proposal_part_page(p.id, key), len(c)) for key, c in self.proposal_parts.get(p.id, ())]
            yield Output(self.item_page("proposals", p.id), "proposal.md.j2", edit, {"proposal": p, "parts": parts})
            for key, claims in self.proposal_parts.get(p.id, ()):
                context = {"proposal": p, "key": key, "claims": claims}
                yield Output(self.proposal_part_page(p.id, key), "proposal-part.md.j2", edit, context)

    def _moved(self, files: Mapping[str, str]) -> Iterator[Output]:
        """A page at each renamed item's old address that leads to its new one."""
        d = self.dossier
        for kind, items in (("actors", d.actors), ("proposals", d.proposals), ("sources", d.sources)):
            for item in items.values():
                for old in item.formerly:
                    target = self.item_page(kind, item.id)
                    yield Output(
                        self.item_page(kind, old), "moved.md.j2", files[kind], {"target": target, "item": item}
                    )

    def collisions(self, hand_written: Mapping[str, Any]) -> list[Problem]:
        """Outputs that would land on the same file (an actor `index` on the actors' listing, a
        hand-written `timeline.md`), compared without case, as case-insensitive disks do."""
        taken: dict[str, str] = {}
        problems = []
        for out in self.pages():
            key = out.path.casefold()
            if key in taken:
                problems.append(self._collision(out, taken[key]))
            else:
                taken[key] = out.path
        written: dict[str, str] = {}
        for rel in hand_written:
            path = self.hand_written_path(rel)
            key = path.casefold()
            if key in written:
                message = (
                    f"`{echo(written[key])}` and `{echo(path)}` differ only in case: they would be one file on "
                    "macOS and Windows; rename one"
                )
                problems.append(Problem(rel, 1, 1, ERROR, message))
            elif key in taken or key in THEME_PAGES:
                problems.append(
                    Problem(rel, 1, 1, ERROR, f"`{echo(path)}` is a generated page's name: rename the file")
                )
            written.setdefault(key, path)
        return problems

    def _collision(self, out: Output, other: str) -> Problem:
        kind = out.path.split("/", 1)[0]
        ident = out.path.rsplit("/", 1)[-1].removesuffix(".md")
        path, line, col = self.dossier.origins.get((kind, ident), (out.edit or "", 1, 1))
        return Problem(
            path, line, col, ERROR, f"the id `{ident}` is reserved: its page would replace `{other}`; choose another id"
        )


@dataclass(frozen=True)
class Links:
    """Links from one page to the rest of the site, relative so the site works from any folder
    (and from disk). `in_page`: a link to an anchor of the page itself is the `#anchor` alone
    (the page's own markup, where a busy actor's page links its cards a few hundred times; the
    JSON-LD names things by their address)."""

    plan: SitePlan
    page_path: str
    in_page: bool = False

    @cached_property
    def _here(self) -> str:
        return self.plan.url(self.page_path)

    def to(self, path: str, anchor: str | None = None) -> str:
        target = self.plan.url(path)
        if anchor and self.in_page and target == self._here:
            return f"#{anchor}"
        rel = _relative(target, self._here, self.plan.directory_urls)
        return f"{rel}#{anchor}" if anchor else rel

    def actor(self, actor_id: str, anchor: str | None = None) -> str:
        return self.to(SitePlan.item_page("actors", actor_id), anchor)

    def proposal(self, proposal_id: str) -> str:
        return self.to(SitePlan.item_page("proposals", proposal_id))

    def source(self, source_id: str, span: Span | None = None) -> str:
        return self.to(SitePlan.item_page("sources", source_id), SitePlan.passage_anchor(span) if span else None)

    def claim(self, claim: Claim, proposal: str | None = None) -> str:
        """The claim's card (on `proposal`, else its own anchor)."""
        return self.to(self.plan.card_page(claim, proposal), SitePlan.claim_anchor(claim, proposal))

    def passage(self, ev: Evidence) -> str:
        return self.source(ev.source, ev.passage.span)

    def csl(self) -> str:
        return self.to(CLAIMS_CSL)

    def feed(self, actor_id: str | None = None) -> str:
        return self.to(SitePlan.feed_path(actor_id))

    def original(self, source: Source) -> str:
        return self.to(SitePlan.original_path(source))


@functools.lru_cache(maxsize=1 << 14)
def _address(path: str, directory_urls: bool) -> str:
    if not path.endswith(".md"):
        return path
    stem = path[:-3]
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    return stem[: -len("index")] if stem.endswith("/index") else stem + "/"


# Both paths are relative, so the answer does not depend on the working directory: cache it
# (pages make ~100 links each, most of them to the same few pages).
@functools.lru_cache(maxsize=1 << 16)
def _relative(target: str, here: str, directory_urls: bool) -> str:
    base = here if (directory_urls and (here.endswith("/") or here == "")) else posixpath.dirname(here)
    rel = relative_path(target, base)
    if target.endswith("/") or target == "":
        return "./" if rel == "." else rel + "/"
    return rel


def relative_path(target: str, base: str) -> str:
    """`posixpath.relpath(target or ".", base or ".")` for the plan's paths (relative, no `.` or
    `..` parts), without asking for the working directory twice per call as relpath does."""
    to = target.rstrip("/").split("/") if target.rstrip("/") else []
    start = base.rstrip("/").split("/") if base.rstrip("/") else []
    if any(part in ("", ".", "..") for part in (*to, *start)):
        return posixpath.relpath(target or ".", base or ".")
    common = 0
    for a, b in zip(to, start):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(start) - common) + to[common:]) or "."
