"""Put generated files on disk, in folders the generator owns (`.dossier/docs`, `site/`).

A pull request comes from a stranger: a committed `.dossier/docs -> ../content` must not make
the build delete the dossier, nor `site -> /home/you` empty a folder. So an owned folder is
written and pruned only through file descriptors opened without following links (`O_NOFOLLOW`
at every step from the root), a link anywhere inside is refused, and only files that a previous
build listed in the folder's manifest are ever replaced or removed: a folder holding anything
else is refused untouched, with one line saying what to remove.

Adoption: a folder with no manifest at all (made by a build older than manifests) is adopted
once: its plain files are taken as the generator's own. It still may hold no link, and nothing
outside it is ever touched, so adopting a folder a stranger committed can at worst remove files
inside that git-ignored folder.

One build at a time, and the temporary folders of killed builds: see lock.py.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import secrets
import shutil
import stat
import zlib
from pathlib import Path

from ..errors import OutputError, one_line, os_error_message

_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
_READ_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
# Every file the generator creates: a new name (never an existing file, nor a link's target).
_NEW_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
# Gzipped: it names every file of the site, which is published with it (0.8 MiB of JSON at 10,000
# claims, 60 KB compressed).
MANIFEST = ".dossier-manifest.json.gz"
_MANIFEST_LIMIT = 64 * 1024 * 1024  # inflated: a planted archive cannot fill the memory
_TMP = ".dossier-tmp-"  # staged files; never a name the generator publishes
STALE_PREFIX = ".site-"  # publish/build.py builds the new site in a temp folder named like this


def _open_dir(parent: int, name: str, shown: str, create: bool, again: str) -> tuple[int | None, bool]:
    """(descriptor, whether it was made) of a folder opened without following a link: refused if
    it is a link or a file (`again`: what to do after removing it), (None, False) if missing and
    not to be made."""
    try:
        return os.open(name, _DIR_FLAGS, dir_fd=parent), False
    except FileNotFoundError:
        if not create:
            return None, False
    except OSError as exc:
        if exc.errno not in (errno.ELOOP, errno.ENOTDIR):
            raise OutputError(os_error_message(exc, shown)) from None
        if stat.S_ISLNK(os.lstat(name, dir_fd=parent).st_mode):
            raise OutputError(
                f"{shown} is a symbolic link: the generator never writes through one; remove the link and {again}"
            ) from None
        raise OutputError(f"{shown} is a file where a folder is expected: remove it and {again}") from None
    try:
        os.mkdir(name, 0o755, dir_fd=parent)
        return os.open(name, _DIR_FLAGS, dir_fd=parent), True
    except OSError as exc:
        raise OutputError(os_error_message(exc, shown)) from None


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


class OwnedDir:
    """A generated folder (`.dossier/docs`, `site`) the generator alone writes.

    Neither the folder nor any folder between it and the root may be a symbolic link, nor may
    anything inside it. `MANIFEST` inside it lists the files the last build wrote: only those
    are ever replaced or removed, and a folder holding any other file is refused untouched.
    """

    def __init__(self, root: Path, rel: str, again: str = "build again"):
        self.root, self.rel = Path(root), rel.strip("/")
        self.again = again  # the advice after "remove the link", for the command that writes
        self._fds: dict[str, int] = {}

    def _dir(self, sub: str, create: bool, made: list[str] | None = None) -> int | None:
        """The folder `sub` ('' for the owned folder itself) as a descriptor, opened one step at a
        time from the root so that no step follows a link. Folders it makes are added to `made`."""
        if sub in self._fds:
            return self._fds[sub]
        if sub:
            parent, _, name = sub.rpartition("/")
            fd = self._dir(parent, create, made)
            steps = [(name, f"{self.rel}/{sub}")]
        else:
            fd = os.open(self.root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
            parts = self.rel.split("/") if self.rel else []
            steps = [(part, "/".join(parts[: i + 1])) for i, part in enumerate(parts)]
        for name, shown in steps:
            if fd is None:
                return None
            try:
                child, new = _open_dir(fd, name, one_line(shown), create, self.again)
            finally:
                if fd not in self._fds.values():
                    os.close(fd)
            if new and made is not None:
                made.append(sub)
            fd = child
        if fd is not None:
            self._fds[sub] = fd
        return fd

    def close(self) -> None:
        for fd in self._fds.values():
            os.close(fd)
        self._fds.clear()

    def _where(self, rel: str) -> tuple[int | None, str]:
        parent, _, name = rel.rpartition("/")
        return self._dir(parent, create=False), name

    def _inventory(self, sub: str = "") -> list[str]:
        """Every file under the folder (relative paths); a link anywhere inside is refused."""
        fd = self._dir(sub, create=False)
        if fd is None:
            return []
        found = []
        with os.scandir(fd) as entries:
            for entry in entries:
                rel = f"{sub}/{entry.name}" if sub else entry.name
                if entry.is_symlink():
                    raise OutputError(
                        f"{one_line(self.rel + '/' + rel)} is a symbolic link: the generator never "
                        "follows one in its own folder; remove it and build again"
                    )
                found += self._inventory(rel) if entry.is_dir(follow_symlinks=False) else [rel]
        return found

    def _manifest(self) -> set[str] | None:
        """The files the last build listed; None when the folder has no manifest at all."""
        fd = self._dir("", create=False)
        if fd is None:
            return set()
        try:
            raw = os.open(MANIFEST, _READ_FLAGS, dir_fd=fd)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise OutputError(os_error_message(exc, f"{self.rel}/{MANIFEST}")) from None
        with os.fdopen(raw, "rb") as handle:
            try:
                files = json.loads(_inflated(handle.read(_MANIFEST_LIMIT))).get("files")
                if not isinstance(files, list):
                    raise TypeError("no file list")
                for rel in files:  # a manifest from a pull request must not name `../claims.yaml`
                    _check_name(rel)
            except (ValueError, TypeError, AttributeError, zlib.error):
                shown = one_line(self.rel)
                raise OutputError(f"{shown}/{MANIFEST} is damaged: remove the folder {shown} and build again") from None
        return set(files)

    def check(self) -> set[str]:
        """The files the last build wrote; refuses a folder holding anything else. Staged files a
        killed build left behind are the generator's own: they are removed. A folder without a
        manifest (an older build's) is adopted: its files are taken as the generator's."""
        owned = self._manifest()
        foreign = []
        inventory = self._inventory()
        for rel in inventory:
            name = rel.rpartition("/")[2]
            if name.startswith(_TMP):
                fd, _ = self._where(rel)
                os.unlink(name, dir_fd=fd)
            elif owned is not None and rel not in owned and rel != MANIFEST:
                foreign.append(rel)
        if owned is None:
            return {rel for rel in inventory if not rel.rpartition("/")[2].startswith(_TMP)}
        if foreign:
            foreign.sort()
            names = ", ".join(one_line(f) for f in foreign[:3])
            more = f" and {len(foreign) - 3} more" if len(foreign) > 3 else ""
            raise OutputError(
                f"{one_line(self.rel)} holds files the generator did not write ({names}{more}): "
                "remove them or the folder, then build again"
            )
        return owned

    def _holds(self, rel: str, data: bytes) -> bool:
        fd, name = self._where(rel)
        if fd is None:
            return False
        try:
            raw = os.open(name, _READ_FLAGS, dir_fd=fd)
        except OSError:
            return False
        info = os.fstat(raw)
        if not (stat.S_ISREG(info.st_mode) and info.st_size == len(data)):
            os.close(raw)  # a folder in the way is reported when staging
            return False
        with os.fdopen(raw, "rb") as handle:
            return handle.read() == data

    def _write_manifest(self, files: set[str]) -> None:
        data = json.dumps({"generator": "dossier", "files": sorted(files)}, indent=0).encode("utf-8")
        self._stage(MANIFEST, _deflated(data))
        fd = self._dir("", create=False)
        os.replace(_TMP + MANIFEST, MANIFEST, src_dir_fd=fd, dst_dir_fd=fd)

    def _stage(self, rel: str, data: bytes, made: list[str] | None = None) -> None:
        parent, _, name = rel.rpartition("/")
        fd = self._dir(parent, create=True, made=made)
        try:
            target = os.lstat(name, dir_fd=fd)
        except FileNotFoundError:
            target = None
        if target is not None and not stat.S_ISREG(target.st_mode):
            raise OutputError(
                f"{one_line(self.rel + '/' + rel)} is a folder where a file is expected: remove it and build again"
            )
        with contextlib.suppress(FileNotFoundError):  # a killed build's, or a planted link: never opened
            os.unlink(_TMP + name, dir_fd=fd)
        out = os.open(_TMP + name, _NEW_FLAGS, 0o644, dir_fd=fd)
        try:
            _write_all(out, data)
        finally:
            os.close(out)

    def _stage_all(self, changed: list[str], files: dict[str, bytes]) -> None:
        """Phase one: every changed file beside its target under a temporary name. Any failure
        takes back what this phase did (temporary files, folders it made) before raising."""
        made: list[str] = []
        staged: list[str] = []
        try:
            for rel in changed:
                staged.append(rel)
                self._stage(rel, files[rel], made)
        except BaseException as exc:
            for rel in staged:
                fd, name = self._where(rel)
                if fd is not None:
                    with contextlib.suppress(OSError):
                        os.unlink(_TMP + name, dir_fd=fd)
            for sub in reversed([sub for sub in made if sub]):  # an owned folder made empty may stay
                self._forget(sub)
                fd, name = self._where(sub)
                if fd is not None:
                    with contextlib.suppress(OSError):
                        os.rmdir(name, dir_fd=fd)
            if isinstance(exc, OSError):
                raise OutputError(os_error_message(exc, f"{self.rel}/{staged[-1]}")) from None
            raise

    def _forget(self, sub: str) -> None:
        fd = self._fds.pop(sub, None)
        if fd is not None:
            os.close(fd)

    def sync(self, files: dict[str, bytes]) -> tuple[list[str], list[str]]:
        """Make the folder hold exactly `files` (relative POSIX paths → bytes): (written, removed).

        Only files whose bytes differ are written (`mkdocs serve` sees real changes only), in two
        phases: all staged, then renamed into place; the manifest lists old and new files before
        the first rename, so a build killed at any point leaves nothing it cannot clean up."""
        for rel in files:
            _check_name(rel)
        try:
            old = self.check()
            changed = [rel for rel in sorted(files) if not self._holds(rel, files[rel])]
            self._stage_all(changed, files)
            self._write_manifest(old | set(files))
            for rel in changed:
                fd, name = self._where(rel)
                os.replace(_TMP + name, name, src_dir_fd=fd, dst_dir_fd=fd)
            removed = sorted(old - set(files))
            for rel in removed:
                fd, name = self._where(rel)
                if fd is not None:
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(name, dir_fd=fd)
            self._prune(removed)
            self._write_manifest(set(files))
        except OSError as exc:
            raise OutputError(os_error_message(exc, self.rel)) from None
        finally:
            self.close()
        return changed, removed

    def _prune(self, removed: list[str]) -> None:
        # Folders emptied by this build go too (deepest first); anything still in them stays.
        parents = {rel.rsplit("/", i)[0] for rel in removed for i in range(1, rel.count("/") + 1)}
        for sub in sorted(parents, key=lambda p: p.count("/"), reverse=True):
            self._forget(sub)
            parent, _, name = sub.rpartition("/")
            fd = self._dir(parent, create=False)
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.rmdir(name, dir_fd=fd)

    def put(self, rel: str, data: bytes) -> None:
        """Add or replace one file, keeping the rest of the folder (`dossier pdf` into site/): the
        file joins the manifest, so the next build replaces or removes it as its own."""
        _check_name(rel)
        try:
            old = self.check()
            self._stage_all([rel], {rel: data})
            self._write_manifest(old | {rel})
            fd, name = self._where(rel)
            os.replace(_TMP + name, name, src_dir_fd=fd, dst_dir_fd=fd)
        except OSError as exc:
            raise OutputError(os_error_message(exc, f"{self.rel}/{rel}")) from None
        finally:
            self.close()

    def ensure(self) -> None:
        """Make the folder (and the folders above it) without following any link."""
        try:
            self._dir("", create=True)
        finally:
            self.close()

    def replace_with(self, new: str) -> None:
        """Swap the finished top-level folder `new` (e.g. `.site-abc123`, built beside this one)
        in for this folder: after `check`, two renames; the old folder is removed without
        following any link. The new folder gets a manifest of everything in it."""
        if "/" in self.rel or "/" in new or not new.startswith(STALE_PREFIX):
            raise ValueError("replace_with swaps top-level folders only, the new one named .site-*")
        self.check()
        self.close()
        built = OwnedDir(self.root, new)
        try:
            built._write_manifest(set(built._inventory()))
        finally:
            built.close()
        root = os.open(self.root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        old = f"{STALE_PREFIX}old-{os.getpid()}"
        try:
            with contextlib.suppress(FileNotFoundError):
                os.rename(self.rel, old, src_dir_fd=root, dst_dir_fd=root)
            os.rename(new, self.rel, src_dir_fd=root, dst_dir_fd=root)
            if os.path.lexists(os.path.join(self.root, old)):
                shutil.rmtree(old, dir_fd=root)
        except OSError as exc:
            raise OutputError(os_error_message(exc, self.rel)) from None
        finally:
            os.close(root)


def _check_name(rel: str) -> None:
    if not isinstance(rel, str):
        raise TypeError("a path is text")
    parts = rel.split("/")
    if (
        rel.startswith("/")
        or "\x00" in rel
        or rel == MANIFEST
        or any(p in ("", ".", "..") or p.startswith(_TMP) for p in parts)
    ):
        raise ValueError(f"not a path the generator may write: {rel!r}")


def sync_tree(root: Path, rel: str, files: dict[str, bytes]) -> tuple[list[str], list[str]]:
    """Make the owned folder `root/rel` hold exactly `files`: (paths written, paths removed)."""
    return OwnedDir(root, rel).sync(files)


def swap_in(root: Path, new: str, rel: str) -> None:
    """Replace the owned top-level folder `root/rel` by the finished folder `root/new`."""
    OwnedDir(root, rel).replace_with(new)


def write_file(
    root: Path, rel: str, data: bytes, *, new: bool = False, mode: int | None = None, again: str = "build again"
) -> bool:
    """Write `root/rel` without following a link anywhere below `root`: the one way the generator
    writes a file outside its owned folders (the briefing PDF, search records, FORMAT.md, a new
    source text). Returns False, writing nothing, when the file already holds `data`.

    Each folder from `root` down is opened with O_NOFOLLOW (made when missing); a link or a file
    in the way is refused with one line. The bytes go to a temporary file created with
    O_EXCL|O_NOFOLLOW beside the target, then renamed over it: a link at the target's name is
    replaced, never written through. `new`: the file must not exist yet (FileExistsError), and
    is created in place with O_EXCL. `mode`: the new file's permissions (default: the replaced
    file's, else 0o644). `again`: what a refusal tells the user to do once the link is removed
    (the command that writes). `root` itself is the caller's (the dossier root the user named).
    """
    _check_name(rel)
    parent, _, name = rel.rpartition("/")
    folder = OwnedDir(root, parent, again)
    try:
        fd = folder._dir("", create=True)
        assert fd is not None  # made when missing
        try:
            old = os.lstat(name, dir_fd=fd)
        except FileNotFoundError:
            old = None
        if old is not None and new:
            raise FileExistsError(errno.EEXIST, "File exists", str(Path(root) / rel))
        if old is not None and stat.S_ISDIR(old.st_mode):
            raise OutputError(f"{one_line(rel)} is a folder where a file is expected: remove it and try again")
        if old is not None and stat.S_ISREG(old.st_mode) and old.st_size == len(data) and _reads(fd, name) == data:
            return False
        keep = stat.S_IMODE(old.st_mode) if old is not None and stat.S_ISREG(old.st_mode) else 0o644
        if new:
            _create(fd, name, data, keep if mode is None else mode)
            return True
        tmp = f"{_TMP}{name}.{secrets.token_hex(6)}"
        _create(fd, tmp, data, keep if mode is None else mode)
        try:
            os.replace(tmp, name, src_dir_fd=fd, dst_dir_fd=fd)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp, dir_fd=fd)
            raise
        return True
    finally:
        folder.close()


def _create(fd: int, name: str, data: bytes, mode: int) -> None:
    out = os.open(name, _NEW_FLAGS, mode, dir_fd=fd)
    try:
        os.fchmod(out, mode)  # whatever the umask
        _write_all(out, data)
    except BaseException:
        os.close(out)
        with contextlib.suppress(OSError):
            os.unlink(name, dir_fd=fd)
        raise
    os.close(out)


def _reads(fd: int, name: str) -> bytes | None:
    try:
        raw = os.open(name, _READ_FLAGS, dir_fd=fd)
    except OSError:
        return None
    with os.fdopen(raw, "rb") as handle:
        return handle.read()


def remove_file(root: Path, rel: str) -> None:
    """Remove `root/rel` (a file, or a link itself) without following a link on the way."""
    parent, _, name = rel.rpartition("/")
    folder = OwnedDir(root, parent)
    try:
        fd = folder._dir("", create=False)
        if fd is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(name, dir_fd=fd)
    finally:
        folder.close()


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write a file of the repository itself (FORMAT.md) through `write_file`, with its folder
    as the root: never through a link at its name."""
    return write_file(path.parent, path.name, data)


def _deflated(data: bytes) -> bytes:
    """gzip with no time in its header (the same input gives the same bytes)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    return packer.compress(data) + packer.flush()


def _inflated(raw: bytes) -> bytes:
    unpacker = zlib.decompressobj(31)
    data = unpacker.decompress(raw, _MANIFEST_LIMIT)
    if unpacker.unconsumed_tail or not unpacker.eof:
        raise ValueError("not a whole manifest within the limit")
    return data
