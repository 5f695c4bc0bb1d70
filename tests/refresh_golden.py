"""Rewrite tests/golden/ from the fixture dossier: `make golden` (or `python -m tests.refresh_golden`).

Review `git diff tests/golden` before committing: the diff is the change readers will see.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from generator.api import DOCS_DIR as DOCS
from generator.api import generate

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "dossier"
GOLDEN = Path(__file__).resolve().parent / "golden"


def generated_pages(root: Path) -> dict[str, str]:
    """The Markdown pages `dossier build` generates for the dossier at `root` (a scratch copy)."""
    generate(root)
    docs = root / DOCS
    return {p.relative_to(docs).as_posix(): p.read_text("utf-8") for p in sorted(docs.rglob("*.md"))}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "dossier"
        shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns("site", ".dossier"))
        pages = generated_pages(root)
    shutil.rmtree(GOLDEN, ignore_errors=True)
    for rel, text in pages.items():
        path = GOLDEN / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    print(f"wrote {len(pages)} golden pages to {GOLDEN}")


if __name__ == "__main__":
    main()
