"""Rewrite tests/golden/ from the fixture dossier: `make golden` (or `python -m tests.refresh_golden`).

Two kinds of golden files, both written by `dossier build` into the generated docs:

- every Markdown page, at its own path (tests/golden/timeline.md, tests/golden/actors/envoy.md, ...);
- a chosen set of the machine-readable exports (EXPORTS), byte for byte, under tests/golden/exports/.

Review `git diff tests/golden` before committing: the diff is the change readers (and the
programs that read the exports) will see.
"""

from __future__ import annotations

import io
import lzma
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.api import DOCS_DIR as DOCS
from generator.api import generate

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "dossier"
GOLDEN = Path(__file__).resolve().parent / "golden"
GOLDEN_EXPORTS = GOLDEN / "exports"
# The exports kept as golden files, relative to the generated docs: the dataset (JSON and CSV),
# the CSL-JSON of every claim, the whole feed and one actor's feed (a compressed one is kept as
# the file inside it).
EXPORTS = (
    "data/claims.json.xz",
    "data/claims.csv.zip",
    "data/claims.csl.json.zip",
    "feeds/claims.atom",
    "feeds/actors/minister.atom",
)
# The settings mkdocs.yml reads from the environment change links in pages and feeds.
_SETTINGS = ("DOSSIER_SITE_URL", "DOSSIER_EDIT_URI")


@contextmanager
def _without_settings() -> Iterator[None]:
    saved = {k: os.environ.pop(k) for k in _SETTINGS if k in os.environ}
    try:
        yield
    finally:
        os.environ.update(saved)


def copy_fixture(dest: Path) -> Path:
    """A writable copy of the fixture dossier at `dest` (generated folders left out); returns `dest`."""
    shutil.copytree(FIXTURE, dest, symlinks=True, ignore=shutil.ignore_patterns("site", ".dossier"))
    return dest


def generated_files(root: Path) -> tuple[dict[str, str], dict[str, bytes]]:
    """The Markdown pages `dossier build` generates for the dossier at `root` (a scratch copy), and
    the bytes of the EXPORTS, each by its path relative to the generated docs."""
    with _without_settings():
        generate(root)
    docs = root / DOCS
    pages = {p.relative_to(docs).as_posix(): p.read_text("utf-8") for p in sorted(docs.rglob("*.md"))}
    return pages, {golden_name(rel): unpacked(docs / rel) for rel in EXPORTS}


def golden_name(rel: str) -> str:
    """A compressed export's golden file is the file inside it, readable in a diff."""
    return rel.removesuffix(".zip").removesuffix(".xz")


def unpacked(path: Path) -> bytes:
    """A file's bytes; for a zip archive of one file or an xz file, the file inside."""
    return member(path.name, path.read_bytes())


def member(name: str, data: bytes) -> bytes:
    """What a data file published compressed holds (`name` says how: .zip, an archive of one
    file; .xz); any other file's bytes as they are."""
    if name.endswith(".xz"):
        return lzma.decompress(data)
    if not name.endswith(".zip"):
        return data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        (inside,) = archive.namelist()
        return archive.read(inside)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pages, exports = generated_files(copy_fixture(Path(tmp) / "dossier"))
    shutil.rmtree(GOLDEN, ignore_errors=True)
    for rel, text in pages.items():
        path = GOLDEN / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    for rel, data in exports.items():
        path = GOLDEN_EXPORTS / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    print(f"wrote {len(pages)} golden pages to {GOLDEN} and {len(exports)} golden exports to {GOLDEN_EXPORTS}")


if __name__ == "__main__":
    main()
