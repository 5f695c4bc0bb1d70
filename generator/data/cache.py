"""The check's cache: per file and per quote, keyed by content, so that a check after an edit costs
what the edit costs.

- A data file's parsed and schema-checked document (its items, its own problems, where each item's
  id stands) is kept under the file's path and reused only when the bytes the loader read now (the
  very bytes, after following any link, as `read_input` returns them) hash to the same key.
- Each quote's proof (where the evidence text stands in its source, and the quote-mark finding of
  a direct quote) is kept under a key of everything the proof may depend on: the whole evidence
  item (text, occurrence, prefix, kind...), the source's whole record (its sha256 pins the text,
  its title places the headline), and the matcher's code.
- Every key includes CODE_VERSION, a hash of the checker's own code and schema: a new version of
  the generator never reads an older one's entries.
- A claims file's verdict (the problems its claims' own checks found, where they stand, and the
  passages of its quotes) is kept under the file's document key and a digest of everything else
  those checks read: the ids of every list, the sources' records and which texts were read, the
  headlines, the day and the publication date (data/verdicts.py). Any change there, to any file,
  is a miss for every verdict: the claims are checked again, their proofs still cached.
- What a check found of a source's stored text, that its bytes decode and where its headline
  stands, is kept under the text's sha256 and the record's title (`proofs.text_key`). Every check
  still reads and hashes every text; one whose sha256 is the recorded one and has an entry is
  decoded only when something reads it (`quotes.SourceText.stored`).
- Cross-item checks (duplicate ids, occasions, stated orders, unused items) always rerun on the
  items, cached or not.

Plain JSON, no pickle: an entry is data, never code. Each file starts with the SHA-256 of the rest,
so one cut short or corrupted is a miss. The cache lives in the user's cache folder
($XDG_CACHE_HOME/dossier/check/, one folder per dossier root), never inside the dossier: a pull
request can commit files anywhere in the dossier (`.dossier/` included) but cannot plant an entry
there (DOSSIER_CACHE=FOLDER puts it elsewhere, DOSSIER_CACHE=off turns it off). A cache that
cannot be read or written is no cache: the check runs in full and gives the
same result. Entries are written to a fresh temporary file (O_EXCL|O_NOFOLLOW) and renamed.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import stat
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

PACKAGE = Path(__file__).resolve().parents[1]  # the generator package
# What a check's result depends on besides its input: the data layer, the schema, the messages.
_CODE = ("data", "schema", "errors.py")
CACHE_FORMAT = "3"  # 2: a proof holds its headline and quote-mark findings; 3: claims files' verdicts
BACKGROUND_WRITES = 8  # documents to write from which `save_in_background` forks a writer


def _code_version() -> str:
    digest = hashlib.sha256(CACHE_FORMAT.encode())
    for name in _CODE:
        top = PACKAGE / name
        files = sorted(top.rglob("*")) if top.is_dir() else [top]
        for path in files:
            if path.is_file() and path.suffix in (".py", ".json"):
                digest.update(f"\0{path.relative_to(PACKAGE).as_posix()}\0".encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


CODE_VERSION = _code_version()


def folder_for(root: Path) -> Path | None:
    """This dossier's cache folder, or None where there is none to use (no home, or a cache
    folder inside the dossier itself, where a pull request could plant entries)."""
    base = os.environ.get("DOSSIER_CACHE") or os.environ.get("XDG_CACHE_HOME")
    if os.environ.get("DOSSIER_CACHE") == "off":
        return None
    try:
        home = Path(base) if base else Path.home() / ".cache"
        home = home.resolve() / "dossier" / "check"
        real_root = root.resolve()
    except (OSError, RuntimeError):
        return None
    if home.is_relative_to(real_root):
        return None
    return home / hashlib.sha256(os.fsencode(real_root)).hexdigest()[:32]


_seeded: dict[str, Any] = {}  # CODE_VERSION -> a hash of it, copied for each key


def digest(*parts: str | bytes) -> str:
    """A key of these parts and the code: each part's length is hashed with it, so no two lists
    of parts give the same bytes."""
    seed = _seeded.get(CODE_VERSION)
    if seed is None:
        seed = _seeded[CODE_VERSION] = hashlib.sha256(CODE_VERSION.encode())
    h = seed.copy()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(b"%d:" % len(data))
        h.update(data)
    return h.hexdigest()


class Store:
    """One check's view of the cache: what it finds, what it adds; `save()` writes the changes."""

    def __init__(self, root: Path, enabled: bool = True) -> None:
        self.folder = folder_for(root) if enabled else None
        self._docs: dict[str, tuple[str, Any]] = {}  # rel -> (key, entry) to write
        self._verdicts: dict[str, tuple[str, Any]] = {}  # rel of a claims file -> (key, verdict) to write
        self._kept: set[str] = set()  # claims files answered by their verdict: their proofs stay as stored
        self.keys: dict[str, str] = {}  # rel -> the key its document was asked for under (its bytes)
        self._proofs: dict[str, dict[str, Any]] = {}  # rel of the claims file -> proofs it used
        self._stored_proofs: dict[str, set[str]] = {}  # rel -> the proof keys its file held
        self._known: dict[str, Any] | None = None  # every stored proof, loaded on first use
        self._own: dict[str, dict[str, Any]] = {}  # rel -> the proofs its own file holds, read on first use
        self._made: set[str] = set()  # claims files with a proof made in this check
        self._read_verdicts: dict[str, Any] = {}  # rel -> its stored verdict file, read once
        self._offered: dict[str, tuple[str, Any, dict[str, Any]]] = {}  # rel -> a second process's answer
        self._answered: set[str] = set()  # files whose verdict was the one offered
        self._texts: dict[str, dict[str, Any]] = {}  # rel of a sources file -> its texts' checks used
        self._stored_texts: dict[str, dict[str, Any]] = {}  # rel -> the checks its entry held, read on first use
        self._texts_made: set[str] = set()  # sources files with a text checked in this check
        self.hits = self.misses = 0

    # -- documents -------------------------------------------------------------------------
    def document(self, rel: str, key: str) -> Any:
        """The entry stored for `rel` under exactly this key, else None."""
        self.keys[rel] = key
        found = self._read("docs", rel)
        if isinstance(found, dict) and found.get("key") == key and "entry" in found:
            self.hits += 1
            return found["entry"]
        self.misses += 1
        return None

    def put_document(self, rel: str, key: str, entry: Any) -> None:
        """An entry is written only where orjson holds its data as it is (`"exact"`: no NaN or
        infinity, which it writes as null; no whole number past 64 bits, which it reads back as a
        float): another is parsed again on every check, which costs time, never a result."""
        if isinstance(entry, dict) and entry.get("exact") is True:
            self._docs[rel] = (key, entry)

    # -- verdicts --------------------------------------------------------------------------
    def verdict(self, rel: str, key: str) -> Any:
        """The verdict for the claims file `rel` under exactly this key, else None: the one the
        check's second process offered (data/apart.py), else the stored one."""
        offered = self._offered.get(rel)
        if offered is not None and offered[0] == key:
            self._answered.add(rel)
            return offered[1]
        if rel not in self._read_verdicts:
            self._read_verdicts[rel] = self._read("verdicts", rel)
        found = self._read_verdicts[rel]
        return found["entry"] if isinstance(found, dict) and found.get("key") == key and "entry" in found else None

    def put_verdict(self, rel: str, key: str, entry: Any) -> None:
        self._verdicts[rel] = (key, entry)

    def keep(self, rel: str) -> None:
        """`rel` was answered by its verdict: no proof of it was asked for, and its stored proofs
        stay; or by a second process's answer, which is written as this check's own would be."""
        if rel not in self._answered:
            self._kept.add(rel)
            return
        key, entry, proofs = self._offered.pop(rel)
        self._answered.discard(rel)
        self._verdicts[rel] = (key, entry)
        self._proofs[rel] = proofs
        self._made.add(rel)

    def made_verdict(self, rel: str) -> list | None:
        """What this check made for the claims file `rel`, for another process's `offer_verdicts`:
        [key, verdict, proofs used], or None when it made no verdict."""
        if rel not in self._verdicts:
            return None
        key, entry = self._verdicts[rel]
        return [key, entry, self._proofs.get(rel, {})]

    def offer_verdicts(self, answer: Any, asked: set[str]) -> None:
        """A second process's `made_verdict`s by file, for the files it was `asked` to check, taken
        as data: anything not of their shape is left out (that file is checked here). A verdict is
        read as a stored one is (`verdicts.from_entry`); a proof, when a later check finds it
        (`proofs.from_value`)."""
        if not isinstance(answer, dict):
            return
        for rel, made in answer.items():
            if (
                rel in asked
                and isinstance(made, list)
                and len(made) == 3
                and isinstance(made[0], str)
                and isinstance(made[2], dict)
                and all(isinstance(k, str) for k in made[2])
            ):
                self._offered[rel] = (made[0], made[1], made[2])

    # -- proofs ----------------------------------------------------------------------------
    def proof(self, key: str, rel: str | None = None) -> Any:
        """The stored proof under `key`: looked for first among those of the claims file `rel` (after
        a one-claim edit, that file's own are all a check asks for), then among every stored one."""
        if self._known is None and rel is not None:
            own = self._own_proofs(rel)
            if key in own:
                return own[key]
        return self.load_proofs().get(key)

    def _own_proofs(self, rel: str) -> dict[str, Any]:
        own = self._own.get(rel)
        if own is None:
            found = self._read("proofs", rel)
            proofs = found.get("proofs") if found else None
            own = self._own[rel] = proofs if isinstance(proofs, dict) else {}
            self._stored_proofs[rel] = set(own)
        return own

    def load_proofs(self) -> dict[str, Any]:
        """Every stored proof (read on first use)."""
        if self._known is None:
            self._known = self._load_proofs()
        return self._known

    def offer_proof(self, key: str, value: Any) -> None:
        """A proof made ahead of the check (data/prepare.py), found by `proof` as a stored one is;
        written with the files that use it."""
        self.load_proofs()[key] = value

    def put_proof(self, rel: str, key: str, value: Any, made: bool = False) -> None:
        """Record that the claims file `rel` uses this proof, found in the cache or just `made`
        (then the file's proofs are written again, replacing a stored entry that was refused)."""
        self._proofs.setdefault(rel, {})[key] = value
        if made:
            self._made.add(rel)

    def _load_proofs(self) -> dict[str, Any]:
        known: dict[str, Any] = {}
        folder = self.folder / "proofs" if self.folder else None
        try:
            names = sorted(os.listdir(folder)) if folder else []
        except OSError:
            return known
        for name in names:
            found = self._read_path(folder / name)  # type: ignore[operator]
            if isinstance(found, dict) and isinstance(found.get("proofs"), dict):
                known.update(found["proofs"])
                if isinstance(found.get("rel"), str):
                    self._stored_proofs[found["rel"]] = set(found["proofs"])
        return known

    # -- texts -----------------------------------------------------------------------------
    def text_check(self, rel: str, key: str) -> Any:
        """What a check found of a source's stored text (of the sources file `rel`), under its key
        (`proofs.text_key`: its sha256 and title), else None."""
        stored = self._stored_texts.get(rel)
        if stored is None:
            found = self._read("texts", rel)
            checks = found.get("texts") if found else None
            stored = self._stored_texts[rel] = checks if isinstance(checks, dict) else {}
        value = stored.get(key)
        if value is not None:
            self._texts.setdefault(rel, {})[key] = value
        return value

    def put_text_check(self, rel: str, key: str, value: Any) -> None:
        self._texts.setdefault(rel, {})[key] = value
        self._texts_made.add(rel)

    # -- disk ------------------------------------------------------------------------------
    @staticmethod
    def _name(rel: str) -> str:
        return hashlib.sha256(rel.encode("utf-8", "surrogatepass")).hexdigest()[:32] + ".json"

    def _read(self, kind: str, rel: str) -> Any:
        if self.folder is None:
            return None
        found = self._read_path(self.folder / kind / self._name(rel))
        return found if isinstance(found, dict) and found.get("rel") == rel else None

    @staticmethod
    def _read_path(path: Path) -> Any:
        """A cache file's JSON, or None when it is missing, not a plain file, cut short or altered."""
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            return None
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):  # a FIFO is never read
                return None
            with os.fdopen(fd, "rb", closefd=False) as fh:
                blob = fh.read()
        except OSError:
            return None
        finally:
            os.close(fd)
        head, _, body = blob.partition(b"\n")
        if head.decode("ascii", "replace") != hashlib.sha256(body).hexdigest():
            return None
        try:
            # orjson reads what json wrote, at a third of the cost (a warm check reads every entry);
            # what it refuses (a NaN, a lone surrogate) is a miss, as any entry it cannot read is.
            return orjson.loads(body)
        except ValueError:
            return None

    def save_in_background(self, rels: set[str]) -> Callable[[], None]:
        """`save`, in a forked process when there is much to write (a first check), while this one
        goes on (the model); the function returned waits for it (a process about to leave need not
        call it: the writer finishes on its own). A writer that fails leaves the cache short of
        entries, as a failed `save` does."""
        if self.folder is None or len(self._docs) < BACKGROUND_WRITES or not can_fork():
            self.save(rels)
            return lambda: None
        try:
            pid = os.fork()
        except OSError:  # no memory or no process to spare: written here
            self.save(rels)
            return lambda: None
        if pid == 0:
            try:
                _quiet()
                self.save(rels)
            finally:
                os._exit(0)  # never the parent's cleanup, buffers or exit handlers
        return functools.partial(_reap, pid)

    def save(self, rels: set[str]) -> None:
        """Write what changed; drop the entries of files this check no longer read."""
        if self.folder is None:
            return
        try:
            # Documents are exact (`put_document`); verdicts and proofs hold small whole numbers
            # (lines, columns, offsets) and text only.
            for kind, entries in (("docs", self._docs), ("verdicts", self._verdicts)):
                for rel, (key, entry) in entries.items():
                    _write(self.folder / kind, self._name(rel), {"rel": rel, "key": key, "entry": entry})
            for rel in rels - self._kept:
                used = self._proofs.get(rel, {})
                if rel in self._made or set(used) != self._stored_proofs.get(rel, set()):
                    _write(self.folder / "proofs", self._name(rel), {"rel": rel, "proofs": used})
            for rel, checks in self._texts.items():
                if rel in rels and (rel in self._texts_made or set(checks) != set(self._stored_texts.get(rel, {}))):
                    _write(self.folder / "texts", self._name(rel), {"rel": rel, "texts": checks})
            keep = {self._name(rel) for rel in rels}
            for kind in ("docs", "proofs", "verdicts", "texts"):
                names = os.listdir(self.folder / kind) if (self.folder / kind).is_dir() else []
                for name in names:
                    if name not in keep and name.endswith(".json"):
                        os.unlink(self.folder / kind / name)
        except (OSError, TypeError, ValueError):
            pass  # a cache that cannot be written is no cache


def can_fork() -> bool:
    """Whether this process may fork a helper onto a second core: a second core, `fork`, one
    thread only (a lock another thread holds would stay held in the child) and not macOS (whose
    system libraries are not safe to use after a fork)."""
    if not hasattr(os, "fork") or sys.platform == "darwin" or threading.active_count() != 1:
        return False
    cores = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else range(os.cpu_count() or 1)
    return len(cores) >= 2


def _quiet() -> None:
    """The writer's standard streams to /dev/null: a check that leaves before its writer is done
    (cli.run) is not waited for by whoever reads its output, through the streams the writer holds."""
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.close(null)


def _reap(pid: int) -> None:
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)


def encode(value: Any) -> bytes:
    """JSON by orjson (a fifth of json's time; a first check writes every entry), or by json where
    orjson refuses (a lone surrogate in a message): what is written holds no NaN, infinity or
    whole number past 64 bits (documents are `exact`, verdicts and proofs hold none)."""
    try:
        return orjson.dumps(value)
    except TypeError:
        return json.dumps(value, ensure_ascii=True, separators=(",", ":")).encode("ascii")


def _write(folder: Path, name: str, value: Any) -> None:
    body = encode(value)
    blob = hashlib.sha256(body).hexdigest().encode("ascii") + b"\n" + body
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = folder / f".{name}.{os.getpid()}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        with os.fdopen(fd, "wb", closefd=False) as fh:
            fh.write(blob)
    finally:
        os.close(fd)
    os.replace(tmp, folder / name)
