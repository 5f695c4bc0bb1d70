"""How the curator's tools write into content/ (not a generated folder, so not the build's
writer): never through a symbolic link. Every folder is opened from the root with O_NOFOLLOW,
and a file is only ever created (O_CREAT|O_EXCL|O_NOFOLLOW), or replaced by renaming a new one
over it inside its folder. (The house writer for generated folders, generator/site/write.py,
works the same way; these two functions are the ones to swap for it.)"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

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


def create_file(root: Path, rel: str, data: bytes, mode: int = 0o644) -> None:
    """Create `root/rel`, a new file (its folders made if missing), never through a link."""
    *parts, name = rel.split("/")
    folder = _open_folder(root, parts, make=True)
    try:
        _create_in(folder, name, data, mode)
    finally:
        os.close(folder)


def replace_file(root: Path, rel: str, data: bytes) -> None:
    """Replace `root/rel` whole (a reader sees the old file or the new one), keeping its mode."""
    *parts, name = rel.split("/")
    folder = _open_folder(root, parts, make=False)
    try:
        mode = os.stat(name, dir_fd=folder, follow_symlinks=False).st_mode & 0o777
        temporary = f".{name}.{secrets.token_hex(6)}.tmp"
        _create_in(folder, temporary, data, mode)
        try:
            os.replace(temporary, name, src_dir_fd=folder, dst_dir_fd=folder)
        except BaseException:
            os.unlink(temporary, dir_fd=folder)
            raise
    finally:
        os.close(folder)


def remove_file(root: Path, rel: str) -> None:
    """Undo a `create_file` (a later step failed)."""
    *parts, name = rel.split("/")
    folder = _open_folder(root, parts, make=False)
    try:
        os.unlink(name, dir_fd=folder)
    finally:
        os.close(folder)
