"""Put generated files on disk: only what changed, and whole folders swapped atomically."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def sync_tree(dest: Path, files: dict[str, bytes]) -> tuple[list[str], int]:
    """Make `dest` hold exactly `files` (relative POSIX paths → bytes).

    A file is written only when its bytes differ, so `mkdocs serve` sees only real changes.
    Two phases: every changed file is first written beside its target under a temporary name,
    and only when all of them are on disk are they renamed into place, so a failure while
    writing (a full disk) leaves the folder as it was. Returns (paths written, removed).
    """
    dest.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[str, Path, Path]] = []
    try:
        for rel, data in sorted(files.items()):
            path = dest / rel
            if _holds(path, data):
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.tmp")
            staged.append((rel, tmp, path))
            tmp.write_bytes(data)
    except BaseException:
        for _, tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise
    for _, tmp, path in staged:
        os.replace(tmp, path)
    written = [rel for rel, _, _ in staged]
    removed = 0
    for path in sorted(dest.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        rel = path.relative_to(dest).as_posix()
        if path.is_file() and rel not in files:
            path.unlink()
            removed += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return written, removed


def _holds(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return False


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write through a temporary file and a rename, unless the file already holds `data`."""
    if _holds(path, data):
        return False
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
