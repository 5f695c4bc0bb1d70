"""Read a dossier's files as they were at a git ref, into a temporary root, without a checkout.

Only plumbing that reads objects is run (rev-parse, merge-base, ls-tree, cat-file): no hook,
no filter or text conversion, no change to the work tree or the index.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path, PurePosixPath

from ..errors import DossierError, UsageError

# Without --base: the remote's default branch when the clone knows it, then the repository's
# configured default (`init.defaultBranch`), then the two usual names, locally and on origin.
DEFAULT_BASES = ("main", "master", "origin/main", "origin/master")
# The dossier's own inputs; hand-written pages do not change the data.
INPUTS = ("claims.yaml", "claims", "content/sources.yaml", "content/actors.yaml", "content/proposals.yaml")
SOURCES = "content/sources"
_ENV = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0"}
_SAFE = ("-c", "core.hooksPath=/dev/null", "-c", "core.fsmonitor=false")


def git(cwd: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", *_SAFE, *args], cwd=cwd, input=stdin, capture_output=True, env=_ENV)
    except FileNotFoundError:
        raise UsageError("git is not installed: `dossier changes` reads the base from git") from None


def repository(root: Path) -> tuple[Path, str]:
    """The repository's top folder and the dossier root's path inside it (`` or `dossier/`)."""
    if not root.is_dir():
        raise UsageError(f"{root} is not a folder")
    top = git(root, "rev-parse", "--show-toplevel", "--show-prefix")
    if top.returncode != 0:
        raise UsageError(f"{root} is not inside a git repository: `dossier changes` compares with a git ref")
    lines = top.stdout.decode("utf-8", "replace").splitlines()
    return Path(lines[0]), lines[1] if len(lines) > 1 else ""


def resolve(root: Path, base: str | None) -> tuple[str, str]:
    """(the ref as named, its commit). Without a ref: the merge base of HEAD with main."""
    if base is not None:
        if base.startswith("-"):
            raise UsageError(f"unknown git ref `{base}`")
        found = git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{base}^{{commit}}")
        if found.returncode != 0:
            raise UsageError(f"unknown git ref `{base}`: name a branch, tag or commit (e.g. --base origin/main)")
        return base, found.stdout.decode().strip()
    for name in default_bases(root):
        found = git(root, "merge-base", "HEAD", name)
        if found.returncode == 0:
            return f"the merge base with {name}", found.stdout.decode().strip()
    raise UsageError("no merge base with `main` or `master` (no such branch, or no commit yet): pass --base REF")


def default_bases(root: Path) -> list[str]:
    """The branches `changes` compares with by default, the likeliest first."""
    names: list[str] = []
    remote = git(root, "symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD")
    if remote.returncode == 0:
        names.append(remote.stdout.decode("utf-8", "replace").strip())
    configured = git(root, "config", "--get", "init.defaultBranch")
    if configured.returncode == 0:
        names.append(configured.stdout.decode("utf-8", "replace").strip())
    names += DEFAULT_BASES
    return [name for i, name in enumerate(names) if name and not name.startswith("-") and name not in names[:i]]


def export(root: Path, prefix: str, commit: str, into: Path) -> None:
    """Write the dossier's data files and source texts at `commit` under `into`."""
    paths = [prefix + p for p in (*INPUTS, SOURCES)]
    listed = git(root, "ls-tree", "-r", "-z", "--full-tree", commit, "--", *paths)
    if listed.returncode != 0:
        raise DossierError(f"git ls-tree failed: {listed.stderr.decode('utf-8', 'replace').strip()}")
    blobs: list[tuple[str, str]] = []
    for record in listed.stdout.split(b"\0"):
        if not record:
            continue
        meta, _, name = record.partition(b"\t")
        mode, kind, sha = meta.decode().split()
        rel = name.decode("utf-8", "surrogateescape").removeprefix(prefix)
        # A link's blob is its target, not a text: left out, as the check refuses it anyway.
        if kind == "blob" and mode != "120000" and _safe(rel):
            blobs.append((sha, rel))
    for (_, rel), data in zip(blobs, _cat(root, [sha for sha, _ in blobs])):
        path = into / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def _safe(rel: str) -> bool:
    parts = PurePosixPath(rel).parts
    return bool(parts) and not PurePosixPath(rel).is_absolute() and ".." not in parts


def _cat(root: Path, shas: list[str]) -> list[bytes]:
    """The blobs' bytes, in one `git cat-file --batch` (raw: no filters)."""
    if not shas:
        return []
    run = git(root, "cat-file", "--batch", stdin=("\n".join(shas) + "\n").encode())
    if run.returncode != 0:
        raise DossierError(f"git cat-file failed: {run.stderr.decode('utf-8', 'replace').strip()}")
    out, at = [], 0
    data = run.stdout
    for _ in shas:
        header_end = data.index(b"\n", at)
        size = int(data[at:header_end].split()[2])
        out.append(data[header_end + 1 : header_end + 1 + size])
        at = header_end + 1 + size + 1
    return out
