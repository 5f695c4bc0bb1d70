"""Shared fixtures for the citation-gate tests.

- `dossier`: a fresh, writable copy of tests/fixtures/dossier (tests mutate the copy, never the
  fixture); returns its root.
- `edit(path, old, new)`: change a file by exact string replacement (fails if `old` is absent).
- `today`: the day the fixture's checks take as today (pass it to `api.check`, or set
  DOSSIER_TODAY to it for a build). Whatever a test names no day for (a build, `cli.main`, a
  process of the command line, a check of the real dossier) takes LATER_THAN_ANY: no test depends
  on the machine's date.
- `check(root)`: `generator.api.check` with that today, returning (dossier or None, problems).
- `gcc(root)`: the same check, as the `PATH:LINE:COL: severity: message` lines a curator sees.
- `built`: the fixture dossier built once per session (`api.build`, no site address or edit
  address from the environment) into a temporary root, for the tests that only read it (its site/,
  its generated docs); the session fails if any test changed it. `built_copy`: a writable copy of
  that built root (site/ and .dossier/ included), for a test that changes it and builds again.
  `built_render`: `api.render` of that root, once per session, for the tests that only read its
  pages, JSON-LD or search records.
- `real_built`: the real dossier (the repository's claims, content and mkdocs.yml) built once per
  session into a temporary root, read only like `built` (the browser tests build their own, with
  a site address on 127.0.0.1).
- `line_of(path, needle)`: the line number of the line holding `needle`, and `pos(root, rel, token)`:
  `REL:LINE:COL` of a token (`|` marks the spot inside it), so expectations do not hard-code positions in the fixture.

The helpers are fixtures (not imports from conftest) so they work however pytest imports tests.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator import api

FIXTURE = Path(__file__).parent / "fixtures" / "dossier"
REPOSITORY = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 23)
# The session's DOSSIER_TODAY (processes inherit it): after any date in any dossier. The real
# dossier's newest claims are as new as the day a curator adds them, so a fixed day would fail the
# day after; whether one is dated in the future is for `dossier check --strict` against the real
# date (`make test`, CI). Tests of future dates name their day (TODAY, the `today` fixture).
LATER_THAN_ANY = dt.date(9999, 12, 31)


# Fixtures that build a whole site of their own (the shared `built` is one build: it stays fast).
BUILDING_FIXTURES = frozenset({"real", "real_built", "built_copy", "payload_site", "site", "hostile_url"})


def pytest_collection_modifyitems(config, items):
    """`slow` (left out by `make test-fast`) also marks, without a decorator on each: property
    tests (Hypothesis: hundreds of examples each) and tests on a site built for them."""
    for item in items:
        function = getattr(item, "obj", None)
        if getattr(function, "is_hypothesis_test", False) or BUILDING_FIXTURES & set(item.fixturenames):
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def today() -> dt.date:
    return TODAY


@pytest.fixture(scope="session", autouse=True)
def _session_environment(tmp_path_factory) -> Iterator[None]:
    """The check's cache of this session's dossiers, not the user's (~/.cache/dossier/); and the
    session's today, not the machine's."""
    with pytest.MonkeyPatch.context() as env:
        env.setenv("DOSSIER_CACHE", str(tmp_path_factory.mktemp("check-cache")))
        env.setenv("DOSSIER_TODAY", LATER_THAN_ANY.isoformat())
        yield


@pytest.fixture
def dossier(tmp_path: Path) -> Path:
    root = tmp_path / "dossier"
    # Generated folders (a local `dossier build` of the fixture) are not part of the input.
    shutil.copytree(FIXTURE, root, symlinks=True, ignore=shutil.ignore_patterns("site", ".dossier"))
    return root


def tree_hash(folder: Path) -> dict[str, str]:
    """Every file under `folder` by its relative path, with the sha256 of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("built") / "dossier"
    shutil.copytree(FIXTURE, root, symlinks=True, ignore=shutil.ignore_patterns("site", ".dossier"))
    with pytest.MonkeyPatch.context() as env:
        for name in ("DOSSIER_SITE_URL", "DOSSIER_EDIT_URI"):
            env.delenv(name, raising=False)
        api.build(root)
    before = tree_hash(root)
    yield root
    assert tree_hash(root) == before, "a test changed the shared built site: give it `built_copy` instead"


@pytest.fixture(scope="session")
def real_built(tmp_path_factory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("real") / "dossier"
    root.mkdir()
    for name in ("claims.yaml", "mkdocs.yml"):
        shutil.copy(REPOSITORY / name, root)
    shutil.copytree(REPOSITORY / "content", root / "content")
    with pytest.MonkeyPatch.context() as env:
        for name in ("DOSSIER_SITE_URL", "DOSSIER_EDIT_URI"):
            env.delenv(name, raising=False)
        api.build(root)
    before = tree_hash(root)
    yield root
    assert tree_hash(root) == before, "a test changed the shared build of the real dossier: build a copy instead"


@pytest.fixture(scope="session")
def built_render(built: Path) -> api.Generated:
    return api.render(built)


@pytest.fixture
def built_copy(built: Path, tmp_path: Path) -> Path:
    root = tmp_path / "built"
    shutil.copytree(built, root, symlinks=True)
    return root


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    # Bytes in, bytes out: line ends (CRLF sources) are kept as they are.
    text = path.read_bytes().decode("utf-8")
    found = text.count(old)
    assert found == count, f"expected {count} occurrence(s) of {old!r} in {path.name}, found {found}"
    path.write_bytes(text.replace(old, new).encode("utf-8"))


def _check(root: Path, today: dt.date = TODAY):
    checked = api.check(root, today=today)
    return checked.dossier, checked.problems


def _gcc(root: Path, today: dt.date = TODAY, severity: str | None = None) -> list[str]:
    _, problems = _check(root, today)
    return [p.gcc() for p in problems if severity is None or p.severity == severity]


def _line_of(path: Path, needle: str, nth: int = 1) -> int:
    hits = [n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in text]
    assert len(hits) >= nth, f"{needle!r} not found {nth} time(s) in {path}"
    return hits[nth - 1]


def _pos(root: Path, rel: str, token: str, nth: int = 1) -> str:
    """`REL:LINE:COL` of the nth `token` in the file; with a `|` in it, of what follows the `|`
    (`"aliases: |Envoy"` is the position of `Envoy` in `aliases: Envoy`)."""
    text = (root / rel).read_text(encoding="utf-8-sig")
    before, _, after = token.rpartition("|")
    at = -1
    for _ in range(nth):
        at = text.find(before + after, at + 1)
        assert at != -1, f"{before + after!r} not found {nth} time(s) in {rel}"
    at += len(before)
    line = text.count("\n", 0, at) + 1
    col = at - (text.rfind("\n", 0, at) + 1) + 1
    return f"{rel}:{line}:{col}"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def edit():
    return _edit


@pytest.fixture
def check():
    return _check


@pytest.fixture
def gcc():
    return _gcc


@pytest.fixture
def line_of():
    return _line_of


@pytest.fixture
def pos():
    return _pos


@pytest.fixture
def sha256():
    return _sha256
