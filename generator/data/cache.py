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
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from .check import gc_paused

CACHE_FILE = ".dossier/cache/check.pickle"
# What a check reads: the data files and folders at the dossier's root.
INPUTS = ("claims.yaml", "claims", "content")
CODE = Path(__file__).resolve().parents[1]  # the generator package
T = TypeVar("T")


@gc_paused  # pickling and unpickling a 10,000-claim model: 3× slower with the collector running
def cached(root: Path, options: Iterable[Any], compute: Callable[[], T]) -> T:
    """compute(), or the result it gave for exactly these inputs and options last time."""
    try:
        key = _key(root, options)
    except OSError:  # an input that cannot be read: let the check itself say so
        return compute()
    path = root / CACHE_FILE
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
            digest.update(path.read_bytes())
    return digest.digest()


def _files(base: Path, names: Iterable[str]) -> list[tuple[str, Path]]:
    out = []
    for name in names:
        top = base / name
        if top.is_file():
            out.append((name, top))
        elif top.is_dir():
            for dirpath, dirnames, filenames in os.walk(top, followlinks=True):
                dirnames[:] = [d for d in dirnames if d != "__pycache__"]
                for file in filenames:
                    path = Path(dirpath, file)
                    out.append((path.relative_to(base).as_posix(), path))
    return sorted(out)


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


def _load(path: Path, key: bytes) -> Any:
    try:
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
        tmp.write_bytes(signature + key + payload)
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError, RecursionError, TypeError, AttributeError):
        pass  # a cache that cannot be written is no cache
