"""The first half of the pipeline: load → schema → validate → model. `dossier check` is this."""

from __future__ import annotations

import datetime as dt
import functools
import gc
from dataclasses import dataclass
from pathlib import Path

from ..errors import ERROR, InputError, Problem, UsageError, sort_problems
from . import schema
from .assemble import assemble
from .cache import Store, digest
from .files import input_exists, list_inputs, read_input
from .hygiene import name_problem
from .limits import limit_problems
from .load import MAX_YAML_BYTES, Document, parse_yaml
from .model import Dossier
from .validate import Validator, check_pages


@dataclass(frozen=True)
class Checked:
    """What a check found: the model (None when there are errors), the hand-written pages, and
    every problem, sorted."""

    dossier: Dossier | None
    pages: dict[str, str]  # content/pages/NAME.md -> its Markdown
    problems: list[Problem]


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
def check(root: Path, today: dt.date | None = None) -> Checked:
    """Load and validate everything; the model only when there is no error."""
    files = schema.data_files()
    if not any(input_exists(root, rel) for rel in files) and not input_exists(root, "content"):
        raise UsageError(f"{root} is not a dossier: it has neither claims.yaml nor content/ (use --root DIR)")
    problems: list[Problem] = []
    docs: dict[str, Document] = {}
    for rel, key in files.items():
        if not input_exists(root, rel):
            problems.append(Problem(rel, 1, 1, ERROR, f"file is missing: create it with a top-level `{key}:` list"))
    files = {rel: key for rel, key in files.items() if input_exists(root, rel)}
    more, found = split_files(root)
    problems += found
    settings = {rel: key for rel, key in schema.settings_files().items() if input_exists(root, rel)}
    store, read = Store(root), set()
    for rel, key in {**files, **more, **settings}.items():
        try:
            doc, found = load_checked(root, rel, key, store)
        except InputError as exc:
            problems.append(exc.problem)
            continue
        problems += found
        read.add(rel)
        if doc is not None:
            docs[rel] = doc
    validator = Validator(root, docs, today or dt.date.today(), store)
    checked = validator.run()
    store.save(read)
    pages, page_problems = check_pages(root)
    problems = sort_problems(problems + validator.problems + page_problems)
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
    dossier = assemble(items, checked.texts, checked.passages, origins, claim_files, published)
    return Checked(dossier, pages, problems)


def load_checked(root: Path, rel: str, key: str, store: Store) -> tuple[Document | None, list[Problem]]:
    """One data file parsed and checked on its own (syntax, schema, limits): from the cache when
    the bytes read now are the bytes it was made from, else made and offered to the cache."""
    raw = read_input(root, rel, MAX_YAML_BYTES)
    entry_key = digest("document", rel, key, raw)
    entry = store.document(rel, entry_key)
    if entry is not None:
        try:
            return _from_entry(rel, raw, entry)
        except (KeyError, TypeError, ValueError):
            pass  # not an entry this code wrote: parse the file
    doc, problems = parse_yaml(rel, raw, key)
    if doc is not None:
        problems += schema.check_document(doc) + limit_problems(doc, key)
    store.put_document(rel, entry_key, _entry(doc, key, problems))
    return doc, problems


def _entry(doc: Document | None, key: str, problems: list[Problem]) -> dict:
    found = [[p.path, p.line, p.col, p.severity, p.message] for p in problems]
    if doc is None:
        return {"doc": False, "problems": found}
    items = doc.data.get(key) if isinstance(doc.data, dict) else None
    ids = [
        list(doc.id_mark(key, i)) if isinstance(item, dict) and "id" in item else None
        for i, item in enumerate(items if isinstance(items, list) else [])
    ]
    return {"doc": True, "data": doc.data, "modeline": doc.has_modeline, "ids": ids, "problems": found}


def _from_entry(rel: str, raw: bytes, entry: dict) -> tuple[Document | None, list[Problem]]:
    problems = [Problem(str(p), int(li), int(co), str(sev), str(m)) for p, li, co, sev, m in entry["problems"]]
    if entry["doc"] is not True:
        return None, problems
    ids = entry["ids"]
    if not isinstance(ids, list) or not all(m is None or (len(m) == 2 and all(type(x) is int for x in m)) for m in ids):
        raise ValueError("id marks")
    return Document(rel, entry["data"], {}, bool(entry["modeline"]), raw=raw, id_marks=ids), problems
