"""The pipeline: load → validate → model (`check`), then render → write → MkDocs (`build`)."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import gc
import json
import time
from dataclasses import dataclass
from pathlib import Path

from . import export, render, schema, write
from .diagnostics import ERROR, ContentError, Problem, UsageError, sort_problems
from .load import DATA_FILES, PAGES_DIR, load_yaml
from .model import Dossier, assemble, date_range
from .mkdocs_hooks import MANIFEST
from .validate import Validator, check_pages

GENERATED = ".dossier"  # git-ignored; never holds anything hand-written
DOCS = f"{GENERATED}/docs"
OVERRIDES = f"{GENERATED}/overrides"  # Material theme overrides (mkdocs.yml: theme.custom_dir)
ASSETS = render.TEMPLATES / "assets"


@dataclass(frozen=True)
class Generated:
    dossier: Dossier
    problems: list[Problem]
    pages: int
    written: tuple[str, ...]  # files rewritten because their bytes changed
    removed: int
    seconds: float

    def __str__(self) -> str:
        return (f"{self.pages} pages ({len(self.written)} files rewritten, {self.removed} removed), "
                f"{len(self.dossier.claims)} claims, {len(self.dossier.sources)} sources")


def gc_paused(func):
    """Run `func` with the cyclic garbage collector paused. Loading builds millions of small
    objects that are never garbage; with the collector running, each pass walks the growing heap
    and a 10,000-claim check took twice as long (superlinear). Cycles are collected afterwards."""

    @functools.wraps(func)
    def paused(*args, **kwargs):
        if not gc.isenabled():
            return func(*args, **kwargs)
        gc.disable()
        try:
            return func(*args, **kwargs)
        finally:
            gc.enable()

    return paused


@gc_paused
def check(root: Path, today: dt.date | None = None) -> tuple[Dossier | None, list[Problem]]:
    """Load and validate everything; the model only when there is no error."""
    if not (root / "claims.yaml").is_file() and not (root / "content").is_dir():
        raise UsageError(f"{root} is not a dossier: it has neither claims.yaml nor content/ (use --root DIR)")
    problems: list[Problem] = []
    docs = {}
    for rel, key in DATA_FILES.items():
        if not (root / rel).is_file():
            problems.append(Problem(rel, 1, 1, ERROR, f"file is missing: create it with a top-level `{key}:` list"))
            continue
        doc, found = load_yaml(root, rel)
        problems += found
        if doc is not None:
            found = schema.check_document(doc)
            problems += found
            docs[rel] = doc
    validator = Validator(root, docs, today or dt.date.today())
    checked = validator.run()
    problems = sort_problems(problems + validator.problems + check_pages(root))
    if any(p.severity == ERROR for p in problems):
        return None, problems
    items = {DATA_FILES[rel]: doc.data[DATA_FILES[rel]] for rel, doc in docs.items()}
    return assemble(items, checked.texts, checked.passages), problems


@gc_paused
def generate(root: Path) -> Generated:
    """Check, then render every page and write the ones whose bytes changed."""
    started = time.perf_counter()
    dossier, problems = check(root)
    if dossier is None:
        raise ContentError(problems)
    from .publish import site_settings

    site = site_settings(root)
    kinds = {kind: rel for rel, kind in DATA_FILES.items()}
    files, edit_paths = {}, {}
    for page in render.render_site(dossier, kinds, site):  # one page's text in memory at a time
        files[page.path] = page.text.encode("utf-8")
        edit_paths[page.path] = page.edit_path
    for page in sorted((root / PAGES_DIR).glob("*.md")):
        if page.name in files:
            raise ContentError([Problem(f"{PAGES_DIR}/{page.name}", 1, 1, ERROR, f"`{page.name}` is a generated page's name: rename the file")])
        files[page.name] = page.read_bytes()
        edit_paths[page.name] = f"{PAGES_DIR}/{page.name}"
    for asset in sorted(ASSETS.rglob("*")):
        if asset.is_file():
            files[f"assets/{asset.relative_to(ASSETS).as_posix()}"] = asset.read_bytes()
    files.update(exports(dossier, site))
    written, removed = write.sync_tree(root / DOCS, files)
    overrides = render.TEMPLATES / "overrides"
    write.sync_tree(root / OVERRIDES, {p.relative_to(overrides).as_posix(): p.read_bytes() for p in overrides.rglob("*") if p.is_file()})
    manifest = json.dumps(edit_paths, indent=1, sort_keys=True).encode("utf-8")
    write.write_if_changed(root / GENERATED / MANIFEST, manifest)
    pages = sum(1 for rel in files if rel.endswith(".md"))
    return Generated(dossier, problems, pages, tuple(written), removed, time.perf_counter() - started)


def exports(dossier: Dossier, site) -> dict[str, bytes]:
    """The machine-readable files: data with provenance, CSL-JSON per claim, Atom feeds."""
    out = {
        "data/claims.json": export.json_bytes(export.claims_document(dossier)),
        "data/claims.schema.json": export.export_schema(),
        "data/claims.csv": export.claims_csv(dossier).encode("utf-8"),
    }
    for claim in dossier.claims.values():
        out[f"data/csl/{claim.id}.json"] = export.json_bytes(export.csl(dossier, claim))
    newest = dt.datetime.fromtimestamp(build_epoch(dossier), dt.timezone.utc).date()
    for path, text in render.render_feeds(dossier, site.name, site.url, newest).items():
        out[path] = text.encode("utf-8")
    return out


def build(root: Path, progress=lambda message: None) -> Generated:
    """The whole pipeline: check, generate, MkDocs into DIR/site/ (swapped in on success)."""
    from .publish import mkdocs_build

    progress("checking and generating pages…")
    generated = generate(root)
    progress(f"generated {generated}; building the site with MkDocs…")
    mkdocs_build(root, build_epoch(generated.dossier))
    return generated


def build_epoch(dossier: Dossier) -> int:
    """The time stamped into the site: the day the newest claim was added (stable per input)."""
    days = [date_range(c.added)[1] for c in dossier.claims.values() if c.added]
    newest = max(days, default=dt.date(2000, 1, 1))
    return calendar.timegm(newest.timetuple())
