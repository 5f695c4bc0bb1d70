"""The check's cache (.dossier/cache/): a result is reused only for exactly the same input, and a
missing, broken or planted cache file is never trusted."""

from __future__ import annotations

import pickle
import shutil

import pytest

from generator import api
from generator.data import cache
from tests.refresh_golden import FIXTURE


@pytest.fixture
def root(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    root = tmp_path / "dossier"
    shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns("site", ".dossier"))
    return root


def _summaries(checked) -> set[str]:
    return {c.summary for c in checked.dossier.claims.values()}


def test_the_same_input_is_answered_from_the_cache(root, monkeypatch):
    first = api.check(root)
    assert (root / cache.CACHE_FILE).is_file()
    monkeypatch.setattr("generator.site.check.check_data", lambda *a: pytest.fail("the cache was not used"))
    assert _summaries(api.check(root)) == _summaries(first)


def test_a_stale_entry_is_never_used(root):
    claims = root / "claims.yaml"
    before = _summaries(api.check(root))
    old = next(iter(before))
    claims.write_text(claims.read_text("utf-8").replace(old, old + " (edited)", 1), "utf-8")
    after = _summaries(api.check(root))
    assert old + " (edited)" in after and old not in after
    # a source's text counts too: one changed byte makes its pinned hash fail
    source = next((root / "content" / "sources").iterdir())
    source.write_bytes(source.read_bytes() + b" ")
    assert api.check(root).dossier is None


def test_a_broken_or_missing_cache_is_a_miss(root):
    expected = _summaries(api.check(root))
    path = root / cache.CACHE_FILE
    path.write_bytes(path.read_bytes()[:100])
    assert _summaries(api.check(root)) == expected
    shutil.rmtree(root / ".dossier")
    assert _summaries(api.check(root)) == expected


def test_a_planted_entry_is_never_unpickled(root):
    api.check(root)
    path = root / cache.CACHE_FILE
    blob = path.read_bytes()
    planted = pickle.dumps(["not", "a", "check"])
    path.write_bytes(b"\0" * 32 + blob[32:64] + planted)  # the right key, an unsigned payload
    assert api.check(root).dossier is not None


def test_a_linked_dossier_folder_is_never_written_through(root):
    """A pull request may commit `.dossier` as a link into content/: the cache is then not kept."""
    (root / ".dossier").symlink_to("content")
    before = sorted(p.relative_to(root).as_posix() for p in (root / "content").rglob("*"))
    assert api.check(root).dossier is not None
    assert sorted(p.relative_to(root).as_posix() for p in (root / "content").rglob("*")) == before


def test_a_fifo_among_the_inputs_is_never_opened(root):
    """Hashing the inputs must not block on a FIFO (nothing would ever write to it)."""
    import os
    import threading

    os.mkfifo(root / "content" / "pages" / "notes.md")
    done = threading.Event()
    problems: list[str] = []

    def run() -> None:
        problems.extend(p.gcc() for p in api.check(root).problems)
        done.set()

    threading.Thread(target=run, daemon=True).start()
    assert done.wait(60), "the check blocked on a FIFO"
    assert problems == [
        "content/pages/notes.md:1:1: error: is not a regular file, where a file is expected: replace it with a file "
        "or remove it"
    ]
