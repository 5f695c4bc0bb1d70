"""A hand-written page left out of mkdocs.yml's `nav`, found by `check` rather than by the build.

With a `nav` and `validation.omitted_files: warn` (or `nav.omitted_files`), `mkdocs build
--strict` fails on a page the nav does not list and `not_in_nav` does not match. `check` reads
the same keys (tolerantly: a broken mkdocs.yml is the build's to report) and says so first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..data.files import read_input
from ..errors import ERROR, DossierError, Problem, echo
from .plan import SitePlan

CONFIG_FILE = "mkdocs.yml"
MAX_CONFIG_BYTES = 1024 * 1024


class _Tolerant(yaml.SafeLoader):
    """mkdocs.yml holds `!ENV` and `!!python/name` tags; their values do not matter here. The
    pure-Python loader, not libyaml's: a file of 200,000 `[` crashes libyaml's (a stack overflow),
    where this one raises RecursionError."""


_Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)


def nav_problems(root: Path, pages: dict[str, str]) -> list[Problem]:
    config = _config(root)
    nav = config.get("nav")
    if not isinstance(nav, list) or not pages or _omitted_level(config) == "info":
        return []
    listed = set(_nav_files(nav))
    unlisted = {rel: SitePlan.hand_written_path(rel) for rel in pages}
    unlisted = {rel: path for rel, path in unlisted.items() if path not in listed}
    patterns = config.get("not_in_nav")
    spec = None
    if unlisted and isinstance(patterns, str) and patterns.strip():
        import pathspec  # only for a page the nav leaves out (a tenth of a check's imports otherwise)

        spec = pathspec.gitignore.GitIgnoreSpec.from_lines(patterns.splitlines())
    problems = []
    for rel, path in unlisted.items():
        if not (spec is not None and spec.match_file(path)):
            message = (
                f"the page is not in mkdocs.yml's `nav`, so the strict build fails: add it (`- Title: {echo(path)}`) "
                "or list it under `not_in_nav`"
            )
            problems.append(Problem(rel, 1, 1, ERROR, message))
    return problems


def _config(root: Path) -> dict[str, Any]:
    try:
        data = yaml.load(read_input(root, CONFIG_FILE, MAX_CONFIG_BYTES), Loader=_Tolerant)
    except (DossierError, yaml.YAMLError, RecursionError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _omitted_level(config: dict[str, Any]) -> str:
    validation = config.get("validation")
    if not isinstance(validation, dict):
        return "info"
    nav = validation.get("nav")
    level = nav.get("omitted_files") if isinstance(nav, dict) else None
    level = level or validation.get("omitted_files")
    return level if level in ("warn", "info") else "info"


def _nav_files(node: Any):
    if isinstance(node, str):
        yield node
    elif isinstance(node, list):
        for item in node:
            yield from _nav_files(item)
    elif isinstance(node, dict):
        for value in node.values():
            yield from _nav_files(value)
