"""The search bundle: Pagefind's CLI (the binary of the pinned `pagefind-bin`, found by its
documented `get_executable`) indexes the records the site layer made (site/search.py) into
`SITE/pagefind/`, running while MkDocs builds.

Pagefind takes a folder of HTML: each record is written once as a small page
(`search.documents`) into a private folder, at the path that is its URL (a claim's
`actors/ACTOR.html#claim-ID` is a file of that name), since Pagefind gives each page the URL of
its path in the folder. The pages are rendered here; many are written by a process of their own
(`pagefind_pages`: their files' creation is most of the kernel's work of a large build), which
then becomes Pagefind. Their folder is in memory where there is room (`_in_memory`), else the
private work folder. Pagefind writes the bundle into the work folder, and its exit is the end of
the writing. `finish` checks that every record was indexed, makes the bundle byte-identical
from one build to the next (see `stable`) and renames it into the site, which MkDocs has
finished by then (MkDocs empties its folder when it starts: nothing can be put in it before).
The work folder is made beside the site (the same file system, so the bundle moves by a
rename), named like the build's own temporary folder, so that a killed build's is removed with
it (`site/lock.remove_stale_temps`). Pagefind's own configuration sources (PAGEFIND_*
variables, a pagefind.yml where it runs) are shut out: the options are the ones below.

Not Pagefind's Python client: as shipped, it sleeps 0.1 s before reading each answer (13,000
records took 22 minutes) and stops the binary 5 s after the last request whether or not the
bundle is written; working around either took its private methods.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import orjson

from ..errors import BuildError, one_line
from ..site import search
from ..site.plan import SEARCH_BUNDLE
from . import pagefind_pages, stable

# The pages' permalinks (the ¶ after each heading of a hand-written page) are not text.
EXCLUDE = ".headerlink"
# Every record's file: URL paths end in .html (a claim's file continues with #claim-ID);
# directory URLs are written as their index.html, which Pagefind turns back into the folder.
GLOB = "**/*.html*"
# What Pagefind writes that the site does not use: its ready-made interfaces (the site's search
# box is Material's, driven by site_templates/assets/search.js) and the wasm of unknown languages.
UNUSED = (
    "pagefind-component-ui.css",
    "pagefind-component-ui.js",
    "pagefind-highlight.js",
    "pagefind-modular-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-ui.css",
    "pagefind-ui.js",
    "wasm.unknown.pagefind",
)


# Where the record pages are written when there is room: a file system in memory.
MEMORY = Path("/dev/shm")
MEMORY_PREFIX = "dossier-search-"
MEMORY_SPARE = 16 * 1024 * 1024  # bytes left free there, past what the pages take
LOCK = ".lock"  # in the folder, locked (flock) while a build uses it
# From this many records on, their pages are written by a process of their own (`pagefind_pages`)
# beside MkDocs; fewer are written here, before it: sooner than such a process starts (its
# interpreter and imports take 60-100 ms of CPU; a small file's creation, 0.02-0.8 ms).
MIN_RECORDS_APART = 1000


class Indexer:
    """Pagefind on `records`, started at once; `finish` waits for it and puts the bundle into
    `site_dir`. Many records' pages go to a process of their own as one file; it writes them
    each as a file (13,000 at 10,000 claims, whose creation costs seconds of the kernel's time
    on a slow disk) and then becomes Pagefind (`pagefind_pages`), all on the other core while
    MkDocs builds."""

    def __init__(self, records: list[dict[str, Any]], site_dir: Path):
        self._site = Path(site_dir)
        self._count = len(records)
        self._process: subprocess.Popen | None = None
        if not records:  # nothing to find (Pagefind refuses an empty site): no bundle, and the box says so
            return
        binary = _binary()  # a missing binary or a record Pagefind cannot take is said at once
        pages = list(zip(_files_for(records), (page for _, page in search.documents(records))))
        self._work = Path(tempfile.mkdtemp(prefix=f"{self._site.name}-search-", dir=self._site.parent))
        self._pages, self._lock = self._work, -1  # the record pages' folder: in memory where there is room
        try:
            apart = len(pages) >= MIN_RECORDS_APART
            self._pages, self._lock = _in_memory(pages) or (self._work, -1)
            command = _command(binary, self._work / "bundle")
            if not apart:
                pagefind_pages.write_pages(self._pages / "records", pages)
            else:
                with open(self._pages / pagefind_pages.PAGES_FILE, "xb") as out:
                    out.write(orjson.dumps(pages))
                command = [*pagefind_pages.run(), *command]
            with open(self._work / "pagefind.log", "xb") as log:
                self._process = subprocess.Popen(
                    command,
                    cwd=self._pages,
                    env=_environment(),
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=log,
                )
        except BaseException:
            self._remove()
            raise

    def finish(self, site_dir: Path | None = None) -> None:
        """Wait for Pagefind, check what it wrote and move the bundle into the site (`site_dir`,
        beside the one given at the start, when a preview knows only now which folder it builds),
        replacing the one there (a preview's earlier build)."""
        if self._process is None:
            return
        try:
            code = self._process.wait()
            bundle = self._work / "bundle"
            if code != 0:
                raise BuildError(self._failure(code))
            indexed = _indexed(bundle)
            if indexed != self._count:
                raise BuildError(f"Pagefind indexed {indexed} of {self._count} search records{self._said()}")
            for name in UNUSED:
                (bundle / name).unlink(missing_ok=True)
            stable.rewrite(bundle)
            target = Path(site_dir or self._site) / SEARCH_BUNDLE
            if os.path.lexists(target):
                os.rename(target, self._work / "replaced")
            os.rename(bundle, target)
        finally:
            self.cancel()

    def cancel(self) -> None:
        """Stop Pagefind (or the writing of its pages) if it still runs and remove the private folder."""
        if self._process is None:
            return
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        self._remove()

    def _remove(self) -> None:
        shutil.rmtree(self._work, ignore_errors=True)
        shutil.rmtree(self._pages, ignore_errors=True)
        if self._lock >= 0:
            os.close(self._lock)
            self._lock = -1

    def _failure(self, code: int) -> str:
        """What a failed run says: the writing of the pages' own message (`pagefind_pages.FAILED`),
        or Pagefind's."""
        said = self._said()
        if said.startswith(": " + pagefind_pages.FAILED):
            return f"the search index failed (exit status {code}): {said.removeprefix(': ' + pagefind_pages.FAILED)}"
        return f"Pagefind failed (exit status {code}){said}"

    def _said(self) -> str:
        """': ' and the line of Pagefind's output that says what went wrong, as one line."""
        lines = [line.strip() for line in _read_log(self._work / "pagefind.log").splitlines() if line.strip()]
        panic = [lines[i + 1] for i, line in enumerate(lines[:-1]) if " panicked at " in line]
        errors = [line for line in lines if line.lower().startswith(("error", "failed"))]
        said = errors or panic or lines
        return f": {one_line(said[0][:300])}" if said else ""


def index_site(site_dir: Path, records: list[dict[str, Any]]) -> None:
    """Write the bundle into `site_dir/pagefind/`, replacing any there."""
    Indexer(records, site_dir).finish()


def _binary() -> str:
    try:
        from pagefind_bin import get_executable

        return str(get_executable())
    except (ImportError, OSError) as exc:
        raise BuildError(
            f"Pagefind's binary is missing ({one_line(str(exc))}): install the pinned requirements again "
            "(pip install -r requirements.txt)"
        ) from None


def _command(binary: str, bundle: Path) -> list[str]:
    """Pagefind on the folder `records` where it runs, its bundle written to `bundle`."""
    return [
        binary,
        "--site",
        "records",
        "--output-path",
        str(bundle),
        "--glob",
        GLOB,
        "--force-language",
        search.LANGUAGE,
        "--exclude-selectors",
        EXCLUDE,
        "--quiet",
    ]


def _in_memory(pages: list[tuple[str, str]]) -> tuple[Path, int] | None:
    """A private folder for the record pages in a file system held in memory (Linux's /dev/shm)
    with room to spare, and the descriptor of its lock; or None. Pagefind reads the pages once
    and they are removed: there, creating 13,335 of them took 0.3 s of the kernel's time,
    against 3-8 s on this machine's disk. The lock is held while the folder is in use: a killed
    build's folder, whose lock no process holds, is removed by the next build (`_remove_stale`)."""
    import fcntl  # POSIX only, as /dev/shm is

    try:
        if MEMORY.is_symlink() or not MEMORY.is_dir():
            return None
        _remove_stale(MEMORY)
        room = os.statvfs(MEMORY)
        # tmpfs gives each file whole pages (4 KiB); the pages' JSON, for a process of their own, is
        # removed before they are written
        need = sum(-(-len(page.encode("utf-8")) // 4096) * 4096 for _, page in pages) + MEMORY_SPARE
        if room.f_bavail * room.f_frsize < need or (room.f_files and room.f_favail < len(pages) + 1000):
            return None
        folder = Path(tempfile.mkdtemp(prefix=MEMORY_PREFIX, dir=MEMORY))
        lock = os.open(folder / LOCK, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
        fcntl.flock(lock, fcntl.LOCK_EX)
        return folder, lock
    except OSError:
        return None


def _remove_stale(folder: Path) -> None:
    """This user's record folders that no build holds the lock of (the build is gone, whatever
    process namespace it ran in)."""
    import fcntl

    with os.scandir(folder) as entries:
        for entry in entries:
            if not entry.name.startswith(MEMORY_PREFIX) or entry.is_symlink():
                continue
            with contextlib.suppress(OSError):  # no lock yet (a folder being made), or gone meanwhile
                if entry.stat(follow_symlinks=False).st_uid != os.getuid():
                    continue
                lock = os.open(os.path.join(entry.path, LOCK), os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
                try:
                    fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # BlockingIOError: a build holds it
                    shutil.rmtree(entry.path, ignore_errors=True)
                finally:
                    os.close(lock)


def _environment() -> dict[str, str]:
    """Ours without PAGEFIND_* (Pagefind reads its options from those too, and from a
    pagefind.yml in its working folder: the private folder has none)."""
    return {key: value for key, value in os.environ.items() if not key.upper().startswith("PAGEFIND_")}


def _files_for(records: list[dict[str, Any]]) -> list[str]:
    """Each record's page path (`_file_for`), or a BuildError for an address Pagefind cannot be
    given or one that two records share."""
    paths, seen = [], set()
    for record in records:
        path = _file_for(record["url"])
        if path in seen:
            raise BuildError(f"two search records have one address: {one_line(record['url'])}")
        seen.add(path)
        paths.append(path)
    return paths


def _file_for(url: str) -> str:
    """The path whose Pagefind URL is `url`: `a/b.html#x` as is; a folder (`a/`, `a/#x`) as its
    `index.html` (Pagefind drops it again, but not before a #fragment: `a/index.html#x`)."""
    path, mark, fragment = url.partition("#")
    if path == "" or path.endswith("/"):
        path += "index.html"
    parts = path.split("/")
    if any(part in ("", ".", "..") for part in parts) or not path.endswith(".html") or "/" in fragment:
        raise BuildError(f"search record with an address Pagefind cannot be given: {one_line(url)}")
    return path + mark + fragment


def _indexed(bundle: Path) -> int:
    try:
        entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
        return sum(int(language["page_count"]) for language in entry["languages"].values())
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return 0


def _read_log(path: Path) -> str:
    try:
        return path.read_bytes()[-20000:].decode("utf-8", "replace")
    except OSError:
        return ""
