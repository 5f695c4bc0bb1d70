"""The process that writes the search records' pages for Pagefind and then becomes it (`run()`
and the Pagefind command, started by `pagefind.Indexer` in its private folder): apart from the
build so that creating thousands of small files costs the build's own thread nothing, and with
as few imports as it can, since a preview's rebuild waits for it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import NoReturn

import orjson

from ..errors import one_line, os_error_message

PAGES_FILE = "pages.json"  # the records' pages, [[path, text], ...], from the Indexer
FAILED = "error: before Pagefind: "  # how this process's own failure is said (read by the Indexer)


def run() -> list[str]:
    """How to start this process: Python isolated from the environment and the working folder
    (`-I`: no PYTHONPATH, no sitecustomize of a folder a pull request could fill), with the
    package's own folder searched last, after the standard library and the installed packages."""
    package = str(Path(__file__).resolve().parents[2])
    code = "import sys; sys.path.append(sys.argv.pop(1)); from generator.publish.pagefind_pages import main; main()"
    return [sys.executable, "-I", "-c", code, package]


def main() -> None:
    """Each page of PAGES_FILE written at its path under `records/`, then this process becomes
    Pagefind, the rest of its arguments (so that stopping it stops Pagefind). The pages are not
    removed: the folder goes when the build is done with it."""
    command = sys.argv[1:]
    try:
        pages = orjson.loads(Path(PAGES_FILE).read_bytes())
        os.unlink(PAGES_FILE)
    except (OSError, ValueError) as exc:
        _fail("the search records could not be read", exc, PAGES_FILE)
    try:
        write_pages(Path("records"), pages)
    except OSError as exc:
        _fail("the search records' pages could not be written", exc, f"records/{exc.filename or ''}")
    try:
        if os.name != "posix":  # where a process cannot become another
            sys.exit(subprocess.call(command))
        os.execv(command[0], command)
    except OSError as exc:
        _fail("Pagefind could not be started", exc, command[0])


def _fail(what: str, exc: Exception, path: str) -> NoReturn:
    said = os_error_message(exc, path) if isinstance(exc, OSError) else one_line(str(exc))
    print(f"{FAILED}{what}: {said}", file=sys.stderr, flush=True)
    sys.exit(1)


def write_pages(folder: Path, pages: list[tuple[str, str]]) -> None:
    """Each (path, text) at its path in `folder`, a fresh folder of ours: every folder and file
    in it is created here (O_EXCL: nothing there can be a link), through one descriptor per
    folder (13,000 files at 10,000 claims: no path is resolved twice)."""
    folder.mkdir()
    folders: dict[str, int] = {"": os.open(folder, os.O_RDONLY | os.O_DIRECTORY)}
    try:
        for path, page in pages:
            try:
                _write_page(folders, path, page)
            except OSError as exc:
                exc.filename = path  # the page's path in the folder, not its name in its own
                raise
    finally:
        for fd in folders.values():
            os.close(fd)


def _write_page(folders: dict[str, int], path: str, page: str) -> None:
    parent, _, name = path.rpartition("/")
    out = os.open(name, _NEW, 0o644, dir_fd=_folder(folders, parent))
    try:
        data = memoryview(page.encode("utf-8"))
        while data:
            data = data[os.write(out, data) :]
    finally:
        os.close(out)


_NEW = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC


def _folder(folders: dict[str, int], rel: str) -> int:
    """The descriptor of `rel` under the records folder, made (and kept) on first use."""
    if rel not in folders:
        above, _, name = rel.rpartition("/")
        parent = _folder(folders, above)
        os.mkdir(name, 0o755, dir_fd=parent)
        folders[rel] = os.open(name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=parent)
    return folders[rel]


if __name__ == "__main__":
    main()
