"""The first half of the pipeline: load → schema → validate → model. `dossier check` is this."""

from __future__ import annotations

import datetime as dt
import functools
import gc
from dataclasses import dataclass
from pathlib import Path

from ..errors import ERROR, InputError, Problem, UsageError, sort_problems
from . import assemble, schema
from .cache import Store
from .files import input_exists, list_inputs
from .hygiene import name_problem
from .load import Document
from .model import Dossier
from .prepare import load_all
from .validate import Validated, Validator, check_pages


@dataclass(frozen=True)
class Checked:
    """What a check found: the model (None when there are errors, or when the check asked for
    the outline alone), the hand-written pages, every problem, sorted, and the outline
    (`assemble.outline`) when asked for it instead of the model."""

    dossier: Dossier | None
    pages: dict[str, str]  # content/pages/NAME.md -> its Markdown
    problems: list[Problem]
    outline: Dossier | None = None

    @property
    def placed(self) -> Dossier | None:
        """What the site plan places pages by: the model, or the outline."""
        return self.dossier or self.outline


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


def split_files(root: Path) -> tuple[dict[str, str], list[Problem]]:
    """The YAML files of the folders that hold more of a list (`claims/*.yaml`), by name."""
    out: dict[str, str] = {}
    problems: list[Problem] = []
    for folder, (suffix, key) in schema.data_folders().items():
        try:
            names = list_inputs(root, folder, suffix)
        except InputError as exc:
            problems.append(exc.problem)
            continue
        for rel in names:
            wrong = name_problem(rel)
            if wrong:
                problems.append(Problem(rel, 1, 1, ERROR, wrong))
            else:
                out[rel] = key
    return out, problems


@gc_paused
def check(root: Path, today: dt.date | None = None, outline: bool = False, keep: list | None = None) -> Checked:
    """Load and validate everything; the model only when there is no error, or with `outline`
    only its outline, all that `dossier check` needs of it (the site plan's paths). `keep`: where
    the check's working state (documents, cache entries, the validator) goes instead of being
    freed on return, for a caller that leaves without tearing the interpreter down (cli.run):
    freeing it object by object took 0.04-0.08 s of a 10,000-claim check."""
    files = schema.data_files()
    if not any(input_exists(root, rel) for rel in files) and not input_exists(root, "content"):
        raise UsageError(f"{root} is not a dossier: it has neither claims.yaml nor content/ (use --root DIR)")
    problems: list[Problem] = []
    for rel, key in files.items():
        if not input_exists(root, rel):
            problems.append(Problem(rel, 1, 1, ERROR, f"file is missing: create it with a top-level `{key}:` list"))
    files = {rel: key for rel, key in files.items() if input_exists(root, rel)}
    more, found = split_files(root)
    problems += found
    settings = {rel: key for rel, key in schema.settings_files().items() if input_exists(root, rel)}
    store = Store(root)
    loaded = load_all(root, {**files, **more, **settings}, store)
    problems += loaded.problems
    docs = loaded.docs
    validator = Validator(root, docs, today or dt.date.today(), store)
    checked = validator.run()
    written = store.save_in_background(loaded.read)
    try:
        return _checked(root, docs, checked, problems + validator.problems, settings, outline)
    finally:
        written()
        if keep is not None:
            keep.append((store, loaded, validator, checked))


def _checked(
    root: Path,
    docs: dict[str, Document],
    checked: Validated,
    problems: list[Problem],
    settings: dict[str, str],
    outline: bool,
) -> Checked:
    """The hand-written pages, every problem, and the model (or its outline) when there is no error."""
    pages, page_problems = check_pages(root)
    problems = sort_problems(problems + page_problems)
    if any(p.severity == ERROR for p in problems):
        return Checked(None, pages, problems)
    # Every file of a list in the order the validator numbered its items (the quotes' passages
    # are keyed by that number): claims.yaml first, then claims/*.yaml by name.
    items: dict[str, list] = {}
    origins = {}
    published = None
    for rel, doc in docs.items():
        held = schema.key_of(rel)
        assert held is not None
        if rel in settings:
            published = doc.data[held].get("published")
            continue
        items.setdefault(held, []).extend(doc.data[held])
        for i, item in enumerate(doc.data[held]):
            origins[(held, item["id"])] = (rel, *doc.id_mark(held, i))
    claim_files = {ident: rel for (held, ident), (rel, _, _) in origins.items() if held == "claims"}
    if outline:
        return Checked(None, pages, problems, assemble.outline(items, origins, claim_files, published))
    dossier = assemble.assemble(
        items, checked.texts, checked.passages, origins, claim_files, published, checked.headlines
    )
    return Checked(dossier, pages, problems)
