"""The site half of the pipeline: check (data + site rules), render every output, write the
ones whose bytes changed into the generated docs folder."""

from __future__ import annotations

import calendar
import datetime as dt
import time
from dataclasses import dataclass
from pathlib import Path

from ..data.check import Checked, gc_paused
from ..data.check import check as check_data
from ..data.model import Dossier, date_range
from ..data.originals import original_bytes
from ..errors import ERROR, ContentError, Problem, sort_problems
from . import export, render, search, write
from . import pages as hand_written
from .navcheck import nav_problems
from .plan import ASSETS_DIR, CLAIMS_CSV, CLAIMS_JSON, CLAIMS_SCHEMA, DOCS_DIR, JSONLD_DIR, SEARCH_RECORDS, SitePlan


@dataclass(frozen=True)
class Generated:
    dossier: Dossier
    plan: SitePlan
    problems: list[Problem]
    pages: int
    edit_paths: dict[str, str]  # page path in the docs folder -> the file a curator edits
    written: tuple[str, ...]  # files rewritten because their bytes changed
    removed: int
    seconds: float

    def __str__(self) -> str:
        return (
            f"{self.pages} pages ({len(self.written)} files rewritten, {self.removed} removed), "
            f"{len(self.dossier.claims)} claims, {len(self.dossier.sources)} sources"
        )


def check(root: Path, today: dt.date | None = None, directory_urls: bool = False) -> Checked:
    """Everything `build` enforces before it writes anything: the data, and the site's own rules
    (two outputs on one path, what hand-written pages may hold)."""
    day = today or dt.date.today()
    checked = check_data(root, day)
    found = [p for rel, text in checked.pages.items() for p in hand_written.page_problems(text, rel)]
    if checked.dossier is not None:
        found += SitePlan(checked.dossier, directory_urls).collisions(checked.pages)
    # A page refused already (a taken name, one differing only in case...) needs no nav entry.
    named = {p.path.casefold() for p in found}
    found += nav_problems(root, {rel: text for rel, text in checked.pages.items() if rel.casefold() not in named})
    if not found:
        return checked
    return Checked(None, checked.pages, sort_problems(checked.problems + found))


@gc_paused
def generate(root: Path, site: render.Settings, directory_urls: bool = False) -> Generated:
    """Check, then render every page and write the ones whose bytes changed."""
    started = time.perf_counter()
    checked = check(root, directory_urls=directory_urls)
    if checked.dossier is None:
        raise ContentError(checked.problems)
    plan = SitePlan(checked.dossier, directory_urls)
    files: dict[str, bytes] = {}
    edit_paths: dict[str, str] = {}
    jsonld: dict[str, bytes] = {}
    for page in render.render_site(plan, site):  # one page's text in memory at a time
        files[page.path] = page.text.encode("utf-8")
        if page.jsonld:
            jsonld[plan.jsonld_path(page.path)] = page.jsonld.encode("utf-8")
        if page.edit_path:
            edit_paths[page.path] = page.edit_path
    for rel, text in checked.pages.items():
        files[plan.hand_written_path(rel)] = hand_written.page_document(text, rel).encode("utf-8")
        edit_paths[plan.hand_written_path(rel)] = rel
    assets = render.TEMPLATES / "assets"
    for asset in sorted(assets.rglob("*")):
        if asset.is_file():
            files[f"{ASSETS_DIR}/{asset.relative_to(assets).as_posix()}"] = asset.read_bytes()
    files.update(exports(plan, site))
    files.update(originals(root, plan))
    written, removed = write.sync_tree(root, DOCS_DIR, files)
    write.sync_tree(root, JSONLD_DIR, jsonld)
    searchable = [plan.hand_written_path(rel) for rel in checked.pages]
    write.write_if_changed(root / SEARCH_RECORDS, export.json_bytes(search.records(plan, searchable)))
    pages = sum(1 for rel in files if rel.endswith(".md"))
    return Generated(
        checked.dossier,
        plan,
        [p for p in checked.problems if p.severity != ERROR],
        pages,
        edit_paths,
        tuple(written),
        len(removed),
        time.perf_counter() - started,
    )


def exports(plan: SitePlan, site: render.Settings) -> dict[str, bytes]:
    """The machine-readable files: data with provenance, CSL-JSON per claim, Atom feeds."""
    dossier = plan.dossier
    out = {
        CLAIMS_JSON: export.json_bytes(export.claims_document(plan)),
        CLAIMS_SCHEMA: export.export_schema(),
        CLAIMS_CSV: export.claims_csv(plan).encode("utf-8"),
    }
    for claim in dossier.claims.values():
        out[plan.csl_path(claim)] = export.json_bytes(export.csl(dossier, claim))
    newest = dt.datetime.fromtimestamp(build_epoch(dossier), dt.UTC).date()
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
