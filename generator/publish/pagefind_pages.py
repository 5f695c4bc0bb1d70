"""The process that writes the search records' pages for Pagefind and then becomes it
(`python -m generator.publish.pagefind_pages PAGEFIND ARGS...`, started by
`pagefind.Indexer` in its private folder): apart from the build so that creating thousands of
small files costs the build's own thread nothing, and with as few imports as it can, since a
preview's rebuild waits for it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import orjson

from ..errors import one_line, os_error_message

PAGES_FILE = "pages.json"  # the records' pages, [[path, text], ...], from the Indexer


def main(command: list[str]) -> None:
    """Each page of PAGES_FILE written at its path under `records/`, then this process becomes
    Pagefind (so that stopping it stops Pagefind). The pages are not removed: the folder goes
    when the build is done with it."""
    try:
        pages = orjson.loads(Path(PAGES_FILE).read_bytes())
        os.unlink(PAGES_FILE)
        write_pages(Path("records"), pages)
    except (OSError, ValueError, TypeError) as exc:
        what = os_error_message(exc, PAGES_FILE) if isinstance(exc, OSError) else one_line(str(exc))
        print(f"error: the search records could not be written: {what}", file=sys.stderr, flush=True)
        sys.exit(1)
    if os.name == "posix":
        os.execv(command[0], command)
    sys.exit(subprocess.call(command))  # where a process cannot become another


def write_pages(folder: Path, pages: list[tuple[str, str]]) -> None:
    """Each (path, text) at its path in `folder`, a fresh folder of ours: every folder and file
    in it is created here (O_EXCL: nothing there can be a link), through one descriptor per
    folder (13,000 files at 10,000 claims: no path is resolved twice)."""
    folder.mkdir()
    folders: dict[str, int] = {"": os.open(folder, os.O_RDONLY | os.O_DIRECTORY)}
    try:
        for path, page in pages:
            parent, _, name = path.rpartition("/")
            out = os.open(name, _NEW, 0o644, dir_fd=_folder(folders, parent))
            try:
                data = memoryview(page.encode("utf-8"))
                while data:
                    data = data[os.write(out, data) :]
            finally:
                os.close(out)
    finally:
        for fd in folders.values():
            os.close(fd)


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
    main(sys.argv[1:])
