"""A cache of the last check's result, so that checking (and building) the same input again
costs what reading and hashing it costs, not parsing and proving it again.

Invisible to the user:
- never stale: the key is a SHA-256 of every input's path and bytes (claims.yaml, claims/,
  content/ with the sources and pages), the checker's own code, the day (dates in the future are
  errors) and the caller's options; any difference is a miss;
- safe if deleted, missing, cut short or written by an older version: any failure to read it
  is a miss, and the check runs as if there were no cache;
- safe if planted: the file is signed with a key kept outside the dossier (in the user's cache
  folder), and an entry whose signature does not match is never unpickled;
- written atomically (a temporary file, then a rename) into `.dossier/cache/check.pickle`.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import secrets
import stat
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from .check import gc_paused

CACHE_FILE = ".dossier/cache/check.pickle"
# What a check reads: the data files and folders at the dossier's root.
INPUTS = ("claims.yaml", "claims", "content")
CODE = Path(__file__).resolve().parents[1]  # the generator package
T = TypeVar("T")
MAX_HASHED = 32 * 1024 * 1024  # the largest input the check reads (a YAML file); larger: by its stat


@gc_paused  # pickling and unpickling a 10,000-claim model: 3× slower with the collector running
def cached(root: Path, options: Iterable[Any], compute: Callable[[], T]) -> T:
    """compute(), or the result it gave for exactly these inputs and options last time."""
    try:
        key = _key(root, options)
    except OSError:  # an input that cannot be read: let the check itself say so
        return compute()
    path = root / CACHE_FILE
    if not _owned(root):
        return compute()
    hit = _load(path, key)
    if hit is not None:
        return hit
    result = compute()
    _store(path, key, result)
    return result


def _key(root: Path, options: Iterable[Any]) -> bytes:
    digest = hashlib.sha256()
    digest.update(repr(list(options)).encode("utf-8"))
    for base, names in ((CODE, ("data", "errors.py", "schema")), (root, INPUTS)):
        for rel, path in _files(base, names):
            digest.update(f"\0{base == CODE}:{rel}\0".encode("utf-8", "surrogateescape"))
            digest.update(_fingerprint(path))
    return digest.digest()


def _files(base: Path, names: Iterable[str]) -> list[tuple[str, Path]]:
    out = []
    for name in names:
        top = base / name
        if top.is_dir() and not top.is_symlink():
            for dirpath, dirnames, filenames in os.walk(top):  # links are entries, not followed
                dirnames[:] = [d for d in dirnames if d != "__pycache__"]
                out += [(Path(dirpath, f).relative_to(base).as_posix(), Path(dirpath, f)) for f in filenames]
                out += [
                    (Path(dirpath, d).relative_to(base).as_posix(), Path(dirpath, d))
                    for d in dirnames
                    if Path(dirpath, d).is_symlink()
                ]
        elif os.path.lexists(top):
            out.append((name, top))
    return sorted(out)


def _fingerprint(path: Path) -> bytes:
    """A regular file (not a link) by its bytes; anything else (a link, a FIFO, a device, a file
    over the input limits) by what it is and where it points, never opened: the check itself
    refuses those, and a FIFO must never be read."""
    info = path.lstat()
    if stat.S_ISREG(info.st_mode) and info.st_size <= MAX_HASHED:
        return path.read_bytes()
    target = os.readlink(path) if stat.S_ISLNK(info.st_mode) else ""
    return f"{info.st_mode}:{info.st_size}:{info.st_mtime_ns}:{info.st_ino}:{target}".encode("utf-8", "replace")


def _secret() -> bytes:
    """The signing key: random, per user, outside every dossier."""
    home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "dossier"
    path = home / "cache-key"
    try:
        return path.read_bytes()
    except OSError:
        pass
    home.mkdir(parents=True, exist_ok=True)
    tmp = home / f".cache-key.{os.getpid()}"
    tmp.write_bytes(secrets.token_bytes(32))
    tmp.chmod(0o600)
    os.replace(tmp, path)
    return path.read_bytes()


def _owned(root: Path) -> bool:
    """The cache lives only in a real `.dossier/cache/` folder: never through a link that a
    pull request could commit (it would write into, or read from, anywhere)."""
    folder = root
    for part in Path(CACHE_FILE).parent.parts:
        folder = folder / part
        if folder.is_symlink() or (os.path.lexists(folder) and not folder.is_dir()):
            return False
    return True


def _load(path: Path, key: bytes) -> Any:
    try:
        if not stat.S_ISREG(path.lstat().st_mode):  # a FIFO or a link is never opened
            return None
        blob = path.read_bytes()
        secret = _secret()
    except OSError:
        return None
    signature, stored_key, payload = blob[:32], blob[32:64], blob[64:]
    if stored_key != key or not hmac.compare_digest(signature, hmac.digest(secret, key + payload, "sha256")):
        return None
    try:
        return pickle.loads(payload)
    except Exception:  # an entry from another version of the code's classes
        return None


def _store(path: Path, key: bytes, result: Any) -> None:
    try:
        payload = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        signature = hmac.digest(_secret(), key + payload, "sha256")
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(signature + key + payload)
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError, RecursionError, TypeError, AttributeError):
        pass  # a cache that cannot be written is no cache
