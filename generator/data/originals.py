"""A source's kept original (the saved page or web archive its text was extracted from): read,
like every input, through `read_input`, and proven by its sha256 like the text."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..errors import InputError
from .files import SOURCES_DIR, MiB, read_input

MAX_ORIGINAL_BYTES = 16 * MiB  # a saved page with its inline scripts, or a WARC of one page


def original_bytes(root: Path, original: dict) -> bytes:
    """The kept file's bytes; an InputError whose message says what is wrong and what to do."""
    rel = f"{SOURCES_DIR}/{original['file']}"
    raw = read_input(root, rel, MAX_ORIGINAL_BYTES)
    digest = hashlib.sha256(raw).hexdigest()
    if digest != original["sha256"]:
        raise InputError(
            rel,
            f"has sha256 {digest[:12]}…, not the recorded {original['sha256'][:12]}…: the original changed; "
            "originals are never edited: restore it",
        )
    return raw


def original_problem(root: Path, original: object) -> str | None:
    """What is wrong with a source's `original`, if anything (the schema reports its shape)."""
    if not isinstance(original, dict) or not all(isinstance(original.get(k), str) for k in ("file", "sha256")):
        return None
    if original["file"].startswith("/") or ".." in original["file"].split("/"):
        return None
    try:
        original_bytes(root, original)
    except InputError as exc:
        return f"`{exc.problem.path}` {exc.problem.message}"
    return None
