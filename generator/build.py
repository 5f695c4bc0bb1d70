"""The pipeline: load → validate → model (`check`), then render → write → MkDocs (`build`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from . import schema
from .diagnostics import ERROR, Problem, UsageError, sort_problems
from .load import DATA_FILES, load_yaml
from .model import Dossier, assemble
from .validate import Validator


def check(root: Path, today: dt.date | None = None) -> tuple[Dossier | None, list[Problem]]:
    """Load and validate everything; the model only when there is no error."""
    if not (root / "claims.yaml").is_file() and not (root / "content").is_dir():
        raise UsageError(f"{root} is not a dossier: it has neither claims.yaml nor content/ (use --root DIR)")
    problems: list[Problem] = []
    docs, bad = {}, {}
    for rel, key in DATA_FILES.items():
        if not (root / rel).is_file():
            problems.append(Problem(rel, 1, 1, ERROR, f"file is missing: create it with a top-level `{key}:` list"))
            continue
        doc, found = load_yaml(root, rel)
        problems += found
        if doc is not None:
            found, bad[rel] = schema.check_document(doc)
            problems += found
            docs[rel] = doc
    validator = Validator(root, docs, bad, today or dt.date.today())
    checked = validator.run()
    problems = sort_problems(problems + validator.problems)
    if any(p.severity == ERROR for p in problems):
        return None, problems
    items = {DATA_FILES[rel]: doc.data[DATA_FILES[rel]] for rel, doc in docs.items()}
    return assemble(items, checked.texts, checked.passages), problems
