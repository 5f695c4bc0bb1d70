"""Hostile pull requests, round two, through the whole pipeline: what a stranger commits can make
the build refuse (one line, exit 1), never delete what it did not make, never publish a file from
outside the dossier, and never put anything a browser would run into the built site."""

from __future__ import annotations

import errno
import gzip
import os
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator import api, cli
from generator.errors import OutputError
from generator.site import lock, pages, write
from generator.site.plan import SEARCH_BUNDLE
from tests.refresh_golden import FIXTURE

pytestmark = pytest.mark.slow  # whole builds of the fixture, one or more per test


@pytest.fixture
def root(tmp_path: Path) -> Path:
    base = tmp_path / "d"
    shutil.copytree(FIXTURE, base, ignore=shutil.ignore_patterns("site", ".dossier"))
    return base


@pytest.fixture(scope="module")
def _built_once(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("built") / "d"
    shutil.copytree(FIXTURE, base, ignore=shutil.ignore_patterns("site", ".dossier"))
    api.build(base)
    return base


@pytest.fixture
def built(_built_once, tmp_path) -> Path:
    """A copy of a built dossier (copying is faster than building)."""
    copy = tmp_path / "built"
    shutil.copytree(_built_once, copy, symlinks=True)
    return copy


def _run(root: Path, *args: str) -> tuple[int, str]:
    """Exit code and the last line on stderr of `dossier COMMAND --root ROOT`."""
    import contextlib
    import io

    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = cli.main([*args, "--root", str(root)])
    return code, err.getvalue().strip().splitlines()[-1]


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# -- generated folders are owned ----------------------------------------------------------------


def test_a_symlinked_docs_folder_is_refused_and_the_dossier_kept(root):
    before = _tree(root / "content")
    (root / ".dossier").mkdir()
    (root / ".dossier" / "docs").symlink_to("../content")
    # A build hands MkDocs its pages in memory: the link is never read nor written.
    assert _run(root, "build")[0] == 0
    assert _tree(root / "content") == before
    # The preview writes the tree to disk: it refuses.
    with pytest.raises(OutputError) as caught:
        api.generate(root)
    assert str(caught.value) == (
        ".dossier/docs is a symbolic link: the generator never writes through one; remove the link and build again"
    )
    assert _tree(root / "content") == before


def test_a_symlinked_site_pointing_out_is_refused_and_that_folder_kept(root, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("mine")
    (root / "site").symlink_to(outside)
    assert _run(root, "build") == (
        1,
        "dossier: error: site is a symbolic link: the generator never writes through one; remove the link and "
        "build again",
    )
    assert _tree(outside) == {"keep.txt": b"mine"}


def test_a_symlinked_generated_parent_is_refused(root, tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (root / ".dossier").symlink_to(tmp_path / "elsewhere")
    assert _run(root, "build") == (
        1,
        "dossier: error: .dossier is a symbolic link: the generator never writes through one; remove the link and "
        "build again",
    )
    assert list((tmp_path / "elsewhere").iterdir()) == []


def test_links_and_foreign_files_inside_are_refused_untouched(built):
    root = built
    (root / "site" / "p").symlink_to("/etc/passwd")
    assert _run(root, "build") == (
        1,
        "dossier: error: site/p is a symbolic link: the generator never follows one in its own folder; remove it "
        "and build again",
    )
    (root / "site" / "p").unlink()
    api.generate(root)  # the tree on disk, as the preview writes it
    (root / api.DOCS_DIR / "notes").mkdir()
    (root / api.DOCS_DIR / "notes" / "mine.md").write_text("mine")
    with pytest.raises(OutputError) as caught:
        api.generate(root)
    assert str(caught.value) == (
        ".dossier/docs holds files the generator did not write (notes/mine.md): remove them or the folder, then "
        "build again"
    )
    assert (root / api.DOCS_DIR / "notes" / "mine.md").read_text() == "mine"


def test_a_docs_folder_from_an_older_build_is_adopted_once(built):
    """Builds before manifests left `.dossier/docs` without one: adopted, its stale pages go."""
    root = built
    docs = root / api.DOCS_DIR
    api.generate(root)
    (docs / write.MANIFEST).unlink()
    (docs / "actors" / "gone.md").write_text("an actor since removed")
    generated = api.generate(root)
    assert not (docs / "actors" / "gone.md").exists()
    assert generated.removed == 1 and (docs / write.MANIFEST).is_file()
    (docs / "actors" / "gone.md").write_text("again")  # now the manifest decides: refused
    with pytest.raises(OutputError, match="holds files the generator did not write"):
        api.generate(root)


@pytest.mark.parametrize(
    "manifest",
    [
        b"not gzip",
        gzip.compress(b'{"generator": "dossier", "files": ["../claims.yaml"]}'),
        gzip.compress(b"[" * 10 + b" " * (70 * 1024 * 1024)),  # more than the limit, inflated
    ],
    ids=["not-gzip", "outside", "too-large"],
)
def test_a_damaged_or_planted_manifest_is_refused_and_nothing_outside_is_touched(built, manifest):
    root = built
    docs = root / api.DOCS_DIR
    api.generate(root)
    (docs / write.MANIFEST).write_bytes(manifest)
    before = (root / "claims.yaml").read_bytes()
    with pytest.raises(
        OutputError, match=r"^\.dossier/docs/\.dossier-manifest\.json\.gz is damaged: remove the folder"
    ):
        api.generate(root)
    assert (root / "claims.yaml").read_bytes() == before


@pytest.mark.parametrize(
    "name, expected",
    [
        ("site", "dossier: error: site is a file where a folder is expected: remove it and build again"),
        (".dossier", "dossier: error: .dossier is a file where a folder is expected: remove it and build again"),
    ],
)
def test_a_file_where_a_generated_folder_is_expected(root, name, expected):
    (root / name).write_text("x")
    assert _run(root, "build") == (1, expected)


def test_a_second_build_on_the_same_root_is_refused(root):
    with lock.build_lock(root):
        assert _run(root, "build") == (
            1,
            "dossier: error: another dossier build is running on this folder (it holds .dossier/build.lock): wait "
            "for it to finish",
        )
    assert _run(root, "build")[0] == 0


def test_temp_folders_of_an_interrupted_build_are_removed_by_the_next(root):
    (root / ".site-k1ll3d").mkdir()
    (root / ".site-k1ll3d" / "index.html").write_text("half")
    assert _run(root, "build")[0] == 0
    assert not [p for p in root.iterdir() if p.name.startswith(".site-")]


@pytest.mark.parametrize(
    "code, expected",
    [
        (errno.ENOSPC, "disk full while writing site/index.html: free some space and build again"),
        (errno.EACCES, "permission denied on site/index.html: check who owns it and its permissions, then build again"),
        (errno.EROFS, "site/index.html is on a read-only file system: build in a writable copy"),
    ],
)
def test_disk_and_permission_failures_are_one_line_user_errors(built, monkeypatch, code, expected):
    root = built
    before = _tree(root / "site")

    def fail(self, *args, **kwargs):
        raise OSError(code, os.strerror(code), str(root / "site" / "index.html"))

    monkeypatch.setattr(write.OwnedDir, "replace_with", fail)
    assert _run(root, "build") == (1, f"dossier: error: {expected}")
    assert _tree(root / "site") == before
    assert not [p for p in root.iterdir() if p.name.startswith(".site-")]


def test_a_full_disk_while_mkdocs_writes_is_a_user_error(root, monkeypatch):
    from mkdocs.structure import pages as mkdocs_pages

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(mkdocs_pages.Page, "render", full)
    code, line = _run(root, "build")
    assert code == 1 and line.startswith("dossier: error: disk full while writing .site-"), line
    assert line.endswith(": free some space and build again; the previous site/ is kept")
    assert not [p for p in root.iterdir() if p.name.startswith(".site-")]


# -- input is read one way ----------------------------------------------------------------------


def test_a_symlinked_page_cannot_publish_a_file_from_outside(root, tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text("# Secret\n\nthe key\n")
    page = root / "content" / "pages" / "methodology.md"
    page.unlink()
    page.symlink_to(secret)
    assert [p.gcc() for p in api.check(root).problems] == [
        "content/pages/methodology.md:1:1: error: is a symbolic link to a place outside the dossier root: store the "
        "file itself inside the root"
    ]
    assert _run(root, "build")[0] == 1
    assert not (root / "site").exists()


def test_case_only_collisions_and_reserved_names_of_pages(root):
    (root / "content" / "pages" / "Methodology.md").write_text("# Again\n")
    (root / "content" / "pages" / "404.md").write_text("# Not found\n")
    assert [p.gcc() for p in api.check(root).problems] == [
        "content/pages/404.md:1:1: error: `404.md` is a generated page's name: rename the file",
        "content/pages/methodology.md:1:1: error: `Methodology.md` and `methodology.md` differ only in case: they "
        "would be one file on macOS and Windows; rename one",
    ]


# -- hand-written pages end inert in the built HTML ---------------------------------------------

PAYLOAD_PAGE = """---
title: "</title><script>alert('t')</script><img src=x onerror=alert('t2')>"
description: '"><script>alert("d")</script>'
---

# Methodology <img src=x onerror=alert('h')>

```

<script>alert('fence')</script>

![x](data:,x){: onerror="alert('img')" }

[click](javascript:alert('js')) <a href="java&#x73;cript:alert('e')">entity</a> <javascript:alert('auto')>

<a href="  JaVaScRiPt:alert('mixed')">mixed</a> <svg onload=alert('svg')><circle/></svg>

<iframe src="https://evil.example/"></iframe> <style>body{display:none}</style>

![tracker](https://evil.example/pixel.png) <div onclick="alert('div')" style="color:red">div</div>

[ok](https://example.org/) and **bold** stay.
"""


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


@pytest.fixture
def payload_site(root, monkeypatch) -> Path:
    """The page built as if `check` had missed everything: the cleaning alone must make it inert."""
    monkeypatch.setattr(pages, "page_problems", lambda text, path: [])
    (root / "content" / "pages" / "methodology.md").write_text(PAYLOAD_PAGE, "utf-8")
    api.build(root)
    return root / "site"


def test_a_page_full_of_payloads_is_inert_in_the_built_html(payload_site):
    raw = (payload_site / "methodology.html").read_text("utf-8")
    parsed = _Tags()
    parsed.feed(raw)
    for tag, attrs in parsed.tags:
        assert not [k for k in attrs if k.startswith("on")], (tag, attrs)
        for key in ("href", "src"):
            value = "".join(attrs.get(key, "").split()).lower()
            assert not value.startswith(("javascript:", "data:")), (tag, attrs)
            assert "evil.example" not in value, (tag, attrs)
        assert tag not in ("iframe", "svg", "style") or not attrs.get("onload"), tag
    for name in ("fence", "img", "js", "e", "auto", "mixed", "svg", "div", "h", "t", "t2", "d"):
        assert f"<script>alert('{name}')" not in raw and f'<script>alert("{name}")' not in raw, name
    assert "<iframe" not in raw and "body{display:none}" not in raw
    assert '<a href="https://example.org/">ok</a>' in raw and "<strong>bold</strong>" in raw
    assert parsed.title.startswith("</title><script>alert('t')</script><img src=x onerror=alert('t2')> - ")


def test_the_payload_titles_are_escaped_in_search_and_nav(payload_site):
    # The search indexes a hand-written page from its built (sanitized) HTML: the same text.
    assert (payload_site / SEARCH_BUNDLE / "pagefind-entry.json").is_file()
    page = (payload_site / "methodology.html").read_text("utf-8")
    assert "Methodology &lt;img src=x onerror=alert('h')&gt;" in page  # the heading, as text
    for path in payload_site.rglob("*.html"):
        raw = path.read_text("utf-8")
        assert "<script>alert(" not in raw, path
        assert "<img src=x" not in raw and '<img src="x"' not in raw, path


def test_a_search_index_that_cannot_start_keeps_the_previous_site(dossier, monkeypatch):
    """Pagefind's pages cannot be written (a full disk, say): the build stops with one line, the
    previous site stays, and no temporary folder is left."""
    import errno

    from generator.publish import build as building
    from tests.conftest import tree_hash

    def full(records, site_dir):
        raise OSError(errno.ENOSPC, "No space left on device", str(site_dir / "x"))

    root = dossier
    api.build(root)
    before = tree_hash(root / "site")
    monkeypatch.setattr(building, "Indexer", full)
    with pytest.raises(OutputError) as caught:
        api.build(root)
    assert str(caught.value).endswith("; the previous site/ is kept")
    assert tree_hash(root / "site") == before
    assert not [p.name for p in root.iterdir() if p.name.startswith(".site-")]
