"""Put generated files on disk: only what changed, and whole folders swapped atomically."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def sync_tree(dest: Path, files: dict[str, bytes]) -> tuple[list[str], int]:
    """Make `dest` hold exactly `files` (relative POSIX paths → bytes).

    A file is written only when its bytes differ, so `mkdocs serve` sees only real changes;
    each write goes through a temporary file and a rename. Returns (paths written, removed).
    """
    dest.mkdir(parents=True, exist_ok=True)
    written = [rel for rel, data in sorted(files.items()) if write_if_changed(dest / rel, data)]
    removed = 0
    for path in sorted(dest.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        rel = path.relative_to(dest).as_posix()
        if path.is_file() and rel not in files:
            path.unlink()
            removed += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return written, removed


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write through a temporary file and a rename, unless the file already holds `data`."""
    try:
        if path.read_bytes() == data:
            return False
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return True


def swap_in(new: Path, target: Path) -> None:
    """Replace `target` by the finished folder `new` (same file system): two renames."""
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)
