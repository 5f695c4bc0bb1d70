"""The site half of the pipeline: render every output in memory (after `check.check`); for the
preview and other tools, write the docs tree's changed files into the generated docs folder."""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..data.check import gc_paused
from ..data.model import Dossier, date_range
from ..data.originals import original_bytes
from ..errors import ERROR, ContentError, Problem
from . import export, render, search, write
from . import pages as hand_written
from .check import check
from .plan import (
    ASSETS_DIR,
    CLAIMS_CSL,
    CLAIMS_CSL_MEMBER,
    CLAIMS_CSV,
    CLAIMS_CSV_MEMBER,
    CLAIMS_JSON,
    CLAIMS_SCHEMA,
    DOCS_DIR,
    SitePlan,
)


@dataclass(frozen=True)
class Generated:
    """Every output of the site layer, in memory: the docs tree MkDocs reads (generated pages
    are HTML blocks under a heading; hand-written pages their checked Markdown), each page's
    JSON-LD and the search records. `written`/`removed`: what `write` changed on disk."""

    dossier: Dossier
    plan: SitePlan
    problems: list[Problem]
    pages: int
    edit_paths: dict[str, str]  # page path in the docs folder -> the file a curator edits
    written: tuple[str, ...]  # files rewritten because their bytes changed
    removed: int
    seconds: float
    files: dict[str, bytes] = field(default_factory=dict, repr=False)  # the docs tree
    jsonld: dict[str, str] = field(default_factory=dict, repr=False)  # page path -> JSON-LD
    records: list[dict] = field(default_factory=list, repr=False)  # the search records
    hand_written: frozenset[str] = frozenset()  # page paths from content/pages (the full Markdown path)
    # page path -> what the adapter's `finish` made of the page where it was rendered
    finished: dict[str, Any] = field(default_factory=dict, repr=False)

    on_disk: bool = False  # the docs tree was written (`generate`), not only rendered

    def __str__(self) -> str:
        wrote = f" ({len(self.written)} files rewritten, {self.removed} removed)" if self.on_disk else ""
        return f"{self.pages} pages{wrote}, {len(self.dossier.claims)} claims, {len(self.dossier.sources)} sources"


@gc_paused
def render_all(
    root: Path,
    site: render.Settings,
    directory_urls: bool = False,
    finish: Callable[[str], Any] | None = None,
    workers: int | None = None,
    records_made: Callable[[list[dict]], Any] | None = None,
) -> Generated:
    """Check, then render every output in memory; nothing is written. The pages are rendered on
    every core (`workers`: how many processes; by default one per core), and this process makes
    the search records, the data files and feeds meanwhile. `finish` is run on each page's text
    where it is rendered (the MkDocs adapter's pre-rendering, publish/passthrough.py); its results
    are `Generated.finished`. `records_made` is given the search records as soon as they are made
    (a preview starts Pagefind on them while the pages are rendered)."""
    started = time.perf_counter()
    checked = check(root, directory_urls=directory_urls)
    if checked.dossier is None:
        raise ContentError(checked.problems)
    plan = SitePlan(checked.dossier, directory_urls)
    files: dict[str, bytes] = {}
    edit_paths: dict[str, str] = {}
    jsonld: dict[str, str] = {}
    finished: dict[str, Any] = {}
    with contextlib.closing(render.render_site(plan, site, finish, workers)) as pages:
        records = search.records(plan, checked.pages)
        if records_made:
            records_made(records)
        others = _other_files(root, plan, site, checked.pages)
        searchable = [plan.hand_written_path(rel) for rel in checked.pages]
        for rendered in pages:
            page = rendered.page
            files[page.path] = rendered.data
            if rendered.finished is not None:
                finished[page.path] = rendered.finished
            if page.jsonld:
                jsonld[page.path] = page.jsonld
            if page.edit_path:
                edit_paths[page.path] = page.edit_path
    for rel in checked.pages:
        edit_paths[plan.hand_written_path(rel)] = rel
    files.update(others)
    return Generated(
        checked.dossier,
        plan,
        [p for p in checked.problems if p.severity != ERROR],
        sum(1 for rel in files if rel.endswith(".md")),
        edit_paths,
        (),
        0,
        time.perf_counter() - started,
        files,
        jsonld,
        records,
        frozenset(searchable),
        finished,
    )


def _other_files(root: Path, plan: SitePlan, site: render.Settings, pages: dict[str, str]) -> dict[str, bytes]:
    """Everything in the docs tree but the generated pages: the hand-written pages, the assets,
    the data files and feeds, the sources' originals (in that order)."""
    files = {
        plan.hand_written_path(rel): hand_written.page_document(text, rel).encode("utf-8")
        for rel, text in pages.items()
    }
    assets = render.TEMPLATES / "assets"
    for asset in sorted(assets.rglob("*")):
        if asset.is_file():
            files[f"{ASSETS_DIR}/{asset.relative_to(assets).as_posix()}"] = asset.read_bytes()
    files.update(exports(plan, site))
    files.update(originals(root, plan))
    return files


def generate(
    root: Path,
    site: render.Settings,
    directory_urls: bool = False,
    finish: Callable[[str], Any] | None = None,
    records_made: Callable[[list[dict]], Any] | None = None,
) -> Generated:
    """`render_all`, then the docs tree written to `.dossier/docs` (only files whose bytes
    changed): for `dossier serve`'s dirty rebuilds and for other tools (Zensical) that read a
    folder. The tree is complete and safe on its own: every escape is in the pages themselves."""
    generated = render_all(root, site, directory_urls, finish, records_made=records_made)
    written, removed = write.sync_tree(root, DOCS_DIR, generated.files)
    return replace(generated, written=tuple(written), removed=len(removed), on_disk=True)


def exports(plan: SitePlan, site: render.Settings) -> dict[str, bytes]:
    """The machine-readable files: data with provenance (zipped, dated the build's day), the
    CSL-JSON of every claim, Atom feeds."""
    newest = dt.datetime.fromtimestamp(build_epoch(plan.dossier), dt.UTC).date()
    out = {
        CLAIMS_JSON: export.xz(export.json_bytes(export.claims_document(plan))),
        CLAIMS_SCHEMA: export.export_schema(),
        CLAIMS_CSV: export.zipped(CLAIMS_CSV_MEMBER, export.claims_csv(plan).encode("utf-8"), newest),
        CLAIMS_CSL: export.zipped(CLAIMS_CSL_MEMBER, export.json_bytes(export.csl_items(plan.dossier)), newest),
    }
    for path, text in render.render_feeds(plan, site, newest).items():
        out[path] = text.encode("utf-8")
    return out


def originals(root: Path, plan: SitePlan) -> dict[str, bytes]:
    """Each source's kept original, byte for byte (the check proved its sha256), at a path whose
    suffix makes it a download or plain text, never a live page (see SitePlan.original_path)."""
    out = {}
    for source in plan.dossier.sources.values():
        if source.original is not None:
            kept = {"file": source.original.file, "sha256": source.original.sha256}
            out[plan.original_path(source)] = original_bytes(root, kept)
    return out


def build_epoch(dossier: Dossier) -> int:
    """The time stamped into the site: the day the newest claim was added (stable per input)."""
    days = [date_range(c.added)[1] for c in dossier.claims.values() if c.added]
    newest = max(days, default=dt.date(2000, 1, 1))
    return calendar.timegm(newest.timetuple())
