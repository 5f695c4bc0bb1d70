"""How the curator's tools write into content/ (not a generated folder, so not the build's
writer): never through a symbolic link. Every folder is opened from the root with O_NOFOLLOW,
and a file is only ever created (O_CREAT|O_EXCL|O_NOFOLLOW), or replaced by renaming a new one
over it inside its folder: both through the generator's one writer (`site.write.write_file`).
Undoing a creation needs no writer of its own: `remove_file` unlinks, never following a link."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from ..site.write import write_file

_DIR = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW
_NEW = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW


def _open_folder(root: Path, parts: list[str], make: bool) -> int:
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY)  # the root itself is the curator's choice
    try:
        for part in parts:
            if make:
                with contextlib.suppress(FileExistsError):
                    os.mkdir(part, 0o777, dir_fd=fd)
            inner = os.open(part, _DIR, dir_fd=fd)  # a symbolic link here fails (ELOOP/ENOTDIR)
            os.close(fd)
            fd = inner
    except BaseException:
        os.close(fd)
        raise
    return fd


def _create_in(folder: int, name: str, data: bytes, mode: int) -> None:
    out = os.open(name, _NEW, mode, dir_fd=folder)
    try:
        with os.fdopen(out, "wb", closefd=False) as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        os.unlink(name, dir_fd=folder)
        raise
    finally:
        os.close(out)


def create_file(root: Path, rel: str, data: bytes, again: str, mode: int = 0o644) -> None:
    """Create `root/rel`, a new file (its folders made if missing), never through a link;
    `again`: the advice once a link in the way is removed (run the tool again)."""
    write_file(root, rel, data, new=True, mode=mode, again=again)


def replace_file(root: Path, rel: str, data: bytes, again: str) -> None:
    """Replace `root/rel` whole (a reader sees the old file or the new one), keeping its mode."""
    write_file(root, rel, data, again=again)


def remove_file(root: Path, rel: str) -> None:
    """Undo a `create_file` (a later step failed)."""
    *parts, name = rel.split("/")
    folder = _open_folder(root, parts, make=False)
    try:
        os.unlink(name, dir_fd=folder)
    finally:
        os.close(folder)
