"""The first half of the pipeline: load → schema → validate → model. `dossier check` is this."""

from __future__ import annotations

import datetime as dt
import functools
import gc
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ERROR, WARNING, InputError, Problem, UsageError, sort_problems
from . import apart, assemble, schema
from .cache import Store
from .files import input_exists, list_inputs
from .hygiene import name_problem
from .load import Document
from .model import Dossier
from .prepare import load_all
from .validate import Validated, Validator, check_pages


@dataclass(frozen=True)
class Checked:
    """What a check found: the model (None when there are errors, or when the check was asked for
    none), the hand-written pages, every problem, sorted, and how many items each list holds
    (empty when there are errors)."""

    dossier: Dossier | None
    pages: dict[str, str]  # content/pages/NAME.md -> its Markdown
    problems: list[Problem]
    counts: Mapping[str, int] = field(default_factory=dict)  # "claims" -> 10000, "sources" -> ...


# The site's checks of where each page goes (site/check.py: two outputs on one path), on the
# model's outline (`assemble.outline`) and the hand-written pages.
Placed = Callable[[Dossier, Mapping[str, str]], list[Problem]]


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
def check(
    root: Path, today: dt.date | None = None, placed: Placed | None = None, leaving: list | None = None
) -> Checked:
    """Load and validate everything; the model only when there is no error. With `placed`
    (`dossier check`), no model: `placed` runs on its outline, beside the validator in a second
    process when there is a core to spare (`_beside`), and its problems are the check's. `leaving`:
    where the check's working state (documents, cache entries, the validator) goes instead of
    being freed on return, for a caller that leaves without tearing the interpreter down
    (cli.run): freeing it object by object took 0.04-0.08 s of a 10,000-claim check. Nor does
    such a check wait for the cache's writer (a first check's, 0.1 s): a check that starts
    before it is done misses what it has not written yet, which costs time only."""
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
    helper = None
    try:
        helper = _beside(root, docs, settings, placed) if placed else None
        validator = Validator(root, docs, today or dt.date.today(), store, passages=placed is None)
        checked = validator.run()
        written = store.save_in_background(loaded.read)
        try:
            return _checked(root, docs, checked, problems + validator.problems, settings, (placed, helper))
        finally:
            if leaving is None:
                written()
            else:  # a process about to leave: the cache's writer finishes on its own
                leaving.append((store, loaded, validator, checked))
    except BaseException:
        if helper:  # interrupted, or a fault: its answer is of no use (once taken, this does nothing)
            helper.cancel()
        raise


def _checked(
    root: Path,
    docs: dict[str, Document],
    checked: Validated,
    problems: list[Problem],
    settings: dict[str, str],
    placing: tuple[Placed | None, apart.Apart | None],
) -> Checked:
    """The hand-written pages, every problem, and the model when there is no error (`placing`:
    the `placed` asked for instead, and the second process running it)."""
    placed, helper = placing
    pages, page_problems = check_pages(root)
    problems = sort_problems(problems + page_problems)
    if any(p.severity == ERROR for p in problems):
        if helper:
            helper.cancel()
        return Checked(None, pages, problems)
    items, origins, published = _lists(docs, settings)
    counts = {key: len(held) for key, held in items.items()}
    claim_files = _claim_files(origins)
    if placed:
        found = _answer(helper) if helper else None
        if found is None:
            found = placed(assemble.outline(items, origins, claim_files, published), pages)
        problems = sort_problems(problems + found)
        return Checked(None, pages, problems, {} if any(p.severity == ERROR for p in found) else counts)
    dossier = assemble.assemble(
        items, checked.texts, checked.passages, origins, claim_files, published, checked.headlines
    )
    return Checked(dossier, pages, problems, counts)


def _lists(docs: dict[str, Document], settings: dict[str, str]) -> tuple[dict[str, list], dict, str | None]:
    """Every list's items, where each is defined, and the day of first publication. Every file of
    a list in the order the validator numbered its items (the quotes' passages are keyed by that
    number): claims.yaml first, then claims/*.yaml by name."""
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
    return items, origins, published


def _claim_files(origins: dict) -> dict[str, str]:
    """Each claim's id -> the file that holds it."""
    return {ident: rel for (held, ident), (rel, _, _) in origins.items() if held == "claims"}


def _beside(root: Path, docs: dict[str, Document], settings: dict[str, str], placed: Placed) -> apart.Apart | None:
    """`placed` on the outline in a second process while this one validates, when the dossier is
    large enough to pay for a fork (apart.MIN_CLAIMS_APART) and a core is free: 0.2-0.3 s of a
    10,000-claim check. Nothing is validated yet there: anything that goes wrong (an item of the
    wrong shape) makes an answer that is not one, and `placed` runs here after the validation."""
    held = [doc.data.get("claims") for rel, doc in docs.items() if schema.key_of(rel) == "claims"]
    claims = sum(len(items) for items in held if isinstance(items, list))  # not validated yet: any shape
    if claims < apart.MIN_CLAIMS_APART or not apart.can_fork():
        return None

    def work() -> list:
        items, origins, published = _lists(docs, settings)
        claim_files = _claim_files(origins)
        found = placed(assemble.outline(items, origins, claim_files, published), check_pages(root)[0])
        return [[p.path, p.line, p.col, p.severity, p.message] for p in found]

    helper = apart.Apart(apart.in_json(work))
    return helper if helper.started else None


def _answer(helper: apart.Apart) -> list[Problem] | None:
    """The problems the second process found, or None when its answer is not a list of them."""
    value = apart.loads(helper.answer())
    if not isinstance(value, list):
        return None
    found = []
    for entry in value:
        if not (isinstance(entry, list) and len(entry) == 5):
            return None
        path, line, col, severity, message = entry
        if not (type(path) is str and type(line) is int and type(col) is int and type(message) is str):
            return None
        if severity not in (ERROR, WARNING):
            return None
        found.append(Problem(path, line, col, severity, message))
    return found
