"""One build at a time per dossier: a second `dossier build` (or a `dossier serve` rebuild) on the
same root fails at once with one line instead of interleaving its writes with the first's; under
the lock, the temporary `.site-*` folders a killed build left are removed."""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

from ..errors import BuildLocked, OutputError, os_error_message
from .write import STALE_PREFIX, OwnedDir

LOCK = ".dossier/build.lock"


_HELD: set[str] = set()


@contextlib.contextmanager
def build_lock(root: Path) -> Iterator[None]:
    """Hold `.dossier/build.lock` (flock) for the block; a second build on the same folder fails
    at once instead of interleaving its writes with this one's."""
    owned = OwnedDir(root, ".dossier")
    try:
        folder = owned._dir("", create=True)
        fd = os.open("build.lock", os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644, dir_fd=folder)
    except OSError as exc:
        raise OutputError(os_error_message(exc, LOCK)) from None
    finally:
        owned.close()
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise BuildLocked(
            f"another dossier build is running on this folder (it holds {LOCK}): wait for it to finish"
        ) from None
    key = os.path.realpath(root)
    _HELD.add(key)
    try:
        yield
    finally:
        _HELD.discard(key)
        os.close(fd)  # closing the only descriptor releases the lock


def remove_stale_temps(root: Path) -> list[str]:
    """Remove the `.site-*` folders killed builds left in the root (never a link, never a file
    of that name); only while this process holds the build lock, so no running build loses its
    folder. Returns the names removed."""
    if os.path.realpath(root) not in _HELD:
        raise RuntimeError("remove_stale_temps needs the build lock (use build_lock)")
    removed = []
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        with os.scandir(fd) as entries:
            stale = [
                e.name
                for e in entries
                if e.name.startswith(STALE_PREFIX) and not e.is_symlink() and e.is_dir(follow_symlinks=False)
            ]
        for name in sorted(stale):
            shutil.rmtree(name, dir_fd=fd)
            removed.append(name)
    finally:
        os.close(fd)
    return removed
