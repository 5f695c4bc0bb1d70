"""The dossier's input layout, and the one way every input file is read.

Pull requests come from strangers: a committed symbolic link could make the build publish any
readable file of the machine, and a FIFO or device would hang it. So every file the generator
reads goes through `read_input`: a regular file, inside the dossier root after resolving links
(a link that stays inside the root is allowed), and under a size limit checked before reading.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..errors import InputError

SOURCES_DIR = "content/sources"
PAGES_DIR = "content/pages"
MiB = 1024 * 1024
# The size limits of the inputs, in one place (each is enforced by read_input where it is read).
MAX_YAML_BYTES = 32 * MiB  # a claims or content file
MAX_SOURCE_BYTES = 4 * MiB  # the largest stored text; a news article is 5-50 KB
MAX_PAGE_BYTES = 1 * MiB  # a hand-written page
_CHUNK = 64 * 1024  # what a read asks for past the size fstat gave


def read_input(root: Path, rel: str, limit: int, resolved: str | None = None) -> bytes:
    """The bytes of `root/rel`, or an InputError naming `rel` and what to do. `resolved`: where
    `resolve_input` found `root/rel` leads, when the caller asked it first (a source's file must
    also lead into the sources' folder): its links are not resolved twice."""
    if resolved is None:
        resolved = resolve_input(root, rel)
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
        fd = os.open(resolved, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        raise InputError(rel, f"cannot be read ({exc.strerror})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
            raise InputError(rel, f"is {kind}, where a file is expected: replace it with a file or remove it")
        if info.st_size > limit:
            raise InputError(rel, _too_big(info.st_size, limit))
        # The first read asks for one byte more than fstat says (a file that grew meanwhile is
        # read on): asking for the whole limit makes a buffer of that size for every file, a
        # third of the time a check takes to read thousands of sources. The read after the last
        # confirms the end (a short read alone may not mean it, on some file systems).
        chunks, size = [], 0
        ask = min(info.st_size + 1, limit + 1)
        while size <= limit:  # a regular file reads whole in one call; the loop is for the rare short read
            chunk = os.read(fd, ask)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            ask = min(limit + 1 - size, _CHUNK)  # at the end, or more (it grew): no large buffer either
        data = b"".join(chunks)
        if len(data) > limit:  # grew while being read
            raise InputError(rel, _too_big(len(data), limit))
        return data
    finally:
        os.close(fd)


def input_exists(root: Path, rel: str) -> bool:
    return os.path.lexists(root / rel)


def list_inputs(root: Path, rel_dir: str, suffix: str) -> list[str]:
    """The entries of a folder whose names end with `suffix`, as relative paths, sorted; each is
    still read with `read_input`, which refuses what is not a regular file inside the root."""
    if not input_exists(root, rel_dir):
        return []
    folder = resolve_input(root, rel_dir)
    if not os.path.isdir(folder):
        raise InputError(rel_dir, "is not a folder: replace it with a folder or remove it")
    return sorted(f"{rel_dir}/{entry.name}" for entry in os.scandir(folder) if entry.name.endswith(suffix))


def resolve_input(root: Path, rel: str, real_root: str | None = None) -> str:
    """Where `root/rel` leads, links resolved (`real_root`: the root's, when known), or an
    InputError when it leads nowhere or outside the root."""
    # os.path.realpath, not Path.resolve: the same answer at a third of the cost, which counts
    # when a check reads thousands of sources.
    base = real_root or os.path.realpath(root)
    path = os.path.join(root, rel)
    try:
        resolved = os.path.realpath(path, strict=True)
    except FileNotFoundError:
        if os.path.islink(path):
            raise InputError(rel, "is a symbolic link that leads nowhere: store the file itself there") from None
        raise InputError(rel, "does not exist") from None
    except (OSError, RuntimeError):  # a loop of symbolic links
        raise InputError(rel, "cannot be resolved (a loop of symbolic links?): store the file itself") from None
    if not inside(resolved, base):
        raise InputError(
            rel, "is a symbolic link to a place outside the dossier root: store the file itself inside the root"
        )
    return resolved


class SourceFiles:
    """Where the stored texts' files lead, and their bytes. The sources' folder's own links are
    resolved once: a file right in it that is not a link is where it stands, one `lstat`
    instead of one per folder of its path (thousands of sources); anything else is resolved in
    full (`resolve_input`). `read_input` opens it without following a link either way."""

    def __init__(self, root: Path):
        self.root = root
        self.real_root = os.path.realpath(root)
        self.real_folder = os.path.realpath(os.path.join(root, SOURCES_DIR))
        self._fast = inside(self.real_folder, self.real_root)

    def path(self, file: str) -> str:
        """Where `content/sources/FILE` leads, or an InputError as `resolve_input` gives it."""
        if self._fast and "/" not in file and file not in ("", ".", ".."):
            candidate = os.path.join(self.real_folder, file)
            try:
                if not stat.S_ISLNK(os.lstat(candidate).st_mode):
                    return candidate
            except OSError:
                pass  # resolved in full, which says what is wrong
        return resolve_input(self.root, f"{SOURCES_DIR}/{file}", self.real_root)

    def read(self, file: str, resolved: str | None = None) -> bytes:
        """The bytes of `content/sources/FILE` (`resolved`: its `path`, when asked for first)."""
        rel = f"{SOURCES_DIR}/{file}"
        return read_input(self.root, rel, MAX_SOURCE_BYTES, resolved or self.path(file))


def inside(path: str, folder: str) -> bool:
    """Whether a resolved `path` is `folder` or below it."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _too_big(size: int, limit: int) -> str:
    return f"file is {size / MiB:.1f} MiB, over the {limit / MiB:g} MiB limit: split the data or trim it"
