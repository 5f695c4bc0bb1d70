"""No file is ever opened for writing by a path that can resolve through a link (issue: writes
through links). Each class is tried with several variants: a link at the folder, at a folder
above it, at the file's own name, and at a temporary file's name; the place the link points at
must be left exactly as it was."""

from __future__ import annotations

import contextlib
import gzip
import io
import shutil
from pathlib import Path

import pytest

from generator import cli
from generator.errors import OutputError
from generator.publish import build as publish_build
from generator.site import write
from tests.refresh_golden import FIXTURE

PDF = b"%PDF-1.7 stand-in\n"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    base = tmp_path / "d"
    shutil.copytree(FIXTURE, base, ignore=shutil.ignore_patterns("site", ".dossier"))
    return base


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder outside the dossier with a file in it (a git hook, say) that must stay as it is."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "hook").write_bytes(b"#!/bin/sh\necho mine\n")
    return folder


@pytest.fixture
def fake_pdf(monkeypatch):
    """WeasyPrint is the pdf helper's business (and slow): the bytes of the briefing are stood in for;
    where they are written is what these tests check."""
    monkeypatch.setattr(publish_build, "briefing_pdf", lambda *args, **kwargs: PDF)


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _run(root: Path, *args: str) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = cli.main([*args, "--root", str(root)])
    return code, err.getvalue().strip().splitlines()[-1]


# -- the writer itself ----------------------------------------------------------------------------


@pytest.mark.parametrize(("link", "rel"), [("a", "a/b/f.txt"), ("a/b", "a/b/f.txt"), ("a/b", "a/b/c/f.txt")])
def test_a_linked_folder_on_the_way_is_refused(tmp_path, outside, link, rel):
    expected = f"{link} is a symbolic link: the generator never writes through one; remove the link and build again"
    base = tmp_path / "r"
    (base / link).parent.mkdir(parents=True)
    (base / link).symlink_to(outside)
    with pytest.raises(OutputError) as caught:
        write.write_file(base, rel, b"new")
    assert str(caught.value) == expected
    assert _tree(outside) == {"hook": b"#!/bin/sh\necho mine\n"}


@pytest.mark.parametrize("dangling", [False, True])
def test_a_link_at_the_files_name_is_replaced_never_written_through(tmp_path, outside, dangling):
    base = tmp_path / "r"
    base.mkdir()
    target = outside / ("missing" if dangling else "hook")
    (base / "f.txt").symlink_to(target)
    assert write.write_file(base, "f.txt", b"new") is True
    assert not (base / "f.txt").is_symlink() and (base / "f.txt").read_bytes() == b"new"
    assert _tree(outside) == {"hook": b"#!/bin/sh\necho mine\n"}


def test_a_new_file_is_never_created_over_a_link(tmp_path, outside):
    base = tmp_path / "r"
    base.mkdir()
    (base / "f.txt").symlink_to(outside / "missing")
    with pytest.raises(FileExistsError):
        write.write_file(base, "f.txt", b"new", new=True)
    assert _tree(outside) == {"hook": b"#!/bin/sh\necho mine\n"}


def test_unchanged_bytes_are_not_rewritten_and_the_mode_is_kept(tmp_path):
    base = tmp_path / "r"
    base.mkdir()
    (base / "f.sh").write_bytes(b"old")
    (base / "f.sh").chmod(0o755)
    assert write.write_file(base, "f.sh", b"old") is False
    assert write.write_file(base, "f.sh", b"new") is True
    assert (base / "f.sh").stat().st_mode & 0o777 == 0o755
    assert [p.name for p in base.iterdir()] == ["f.sh"]  # no temporary file left


def test_write_if_changed_replaces_a_link_at_formatmd(tmp_path, outside):
    (tmp_path / "repo").mkdir()
    (tmp_path / "repo" / "FORMAT.md").symlink_to(outside / "hook")
    assert write.write_if_changed(tmp_path / "repo" / "FORMAT.md", b"# Format\n") is True
    assert (tmp_path / "repo" / "FORMAT.md").read_bytes() == b"# Format\n"
    assert _tree(outside) == {"hook": b"#!/bin/sh\necho mine\n"}


# -- the briefing PDF -------------------------------------------------------------------------------


def test_dossier_pdf_alone_refuses_a_linked_site(root, outside, fake_pdf):
    (root / "site").symlink_to(outside)
    assert _run(root, "pdf") == (
        1,
        "dossier: error: site is a symbolic link: the generator never writes through one; remove the link and "
        "build again",
    )
    assert _tree(outside) == {"hook": b"#!/bin/sh\necho mine\n"}


def test_dossier_pdf_alone_refuses_a_linked_briefing(root, outside, fake_pdf):
    (root / "site").mkdir()
    (root / "site" / "briefing.pdf").symlink_to(outside / "hook")
    assert _run(root, "pdf") == (
        1,
        "dossier: error: site/briefing.pdf is a symbolic link: the generator never follows one in its own folder; "
        "remove it and build again",
    )
    assert _tree(outside) == {"hook": b"#!/bin/sh\necho mine\n"}


def test_dossier_pdf_out_inside_the_dossier_never_follows_a_link(root, outside, fake_pdf):
    (root / "out").symlink_to(outside)
    assert _run(root, "pdf", "--out", str(root / "out" / "b.pdf"))[0] == 1
    (root / "brief.pdf").symlink_to(outside / "hook")
    assert _run(root, "pdf", "--out", str(root / "brief.pdf"))[0] == 0
    assert (root / "brief.pdf").read_bytes() == PDF and not (root / "brief.pdf").is_symlink()
    assert _tree(outside) == {"hook": b"#!/bin/sh\necho mine\n"}


@pytest.mark.slow
def test_build_then_pdf_then_build_keeps_working(root, fake_pdf):
    assert _run(root, "build")[0] == 0
    assert _run(root, "pdf")[0] == 0
    assert (root / "site" / "briefing.pdf").read_bytes() == PDF
    manifest = gzip.decompress((root / "site" / write.MANIFEST).read_bytes()).decode("utf-8")
    assert '"briefing.pdf"' in manifest  # the site's own file now: the next build may replace it
    assert _run(root, "build", "--pdf")[0] == 0
    assert (root / "site" / "briefing.pdf").read_bytes() == PDF
    assert 'href="briefing.pdf"' in (root / "site" / "index.html").read_text("utf-8")


# -- the generated folder's own files and add-source -----------------------------------------------------


def test_a_committed_link_at_the_lock_is_refused_untouched(root, outside):
    (root / ".dossier").mkdir()
    (root / ".dossier" / "build.lock").symlink_to(outside / "hook")
    assert _run(root, "build") == (
        1,
        "dossier: error: .dossier/build.lock: is a symbolic link where none is allowed: replace it with the file or "
        "folder itself",
    )
    assert _tree(outside) == {"hook": b"#!/bin/sh\necho mine\n"}


@pytest.mark.slow
@pytest.mark.parametrize("name", ["search-records.json", "jsonld", "docs/index.md.tmp", "cache"])
def test_a_build_writes_nothing_into_the_generated_folder_but_its_lock(root, outside, name):
    """The pages, JSON-LD and search records go to MkDocs and Pagefind in memory: a link planted
    where an older build wrote them is never opened."""
    (root / ".dossier" / name).parent.mkdir(parents=True, exist_ok=True)
    (root / ".dossier" / name).symlink_to(outside / "hook")
    assert _run(root, "build")[0] == 0
    assert (root / ".dossier" / name).is_symlink()
    assert _tree(outside) == {"hook": b"#!/bin/sh\necho mine\n"}


@pytest.mark.parametrize(
    ("linked", "expected"),
    [
        (
            "content/sources",
            # add-source writes through the one writer (site.write.write_file), with its own advice
            "dossier: error: content/sources is a symbolic link: the generator never writes through one; "
            "remove the link and run dossier add-source again",
        ),
        (
            "content",
            "dossier: error: content/sources.yaml: is a symbolic link to a place outside the dossier root: store the "
            "file itself inside the root",
        ),
    ],
)
def test_add_source_never_writes_through_a_linked_sources_folder(root, outside, tmp_path, linked, expected):
    text = tmp_path / "talk.txt"
    text.write_text("Talks over\n\nThe minister said the talks are over.\n", "utf-8")
    shutil.copytree(root / linked, outside / "copy")
    shutil.rmtree(root / linked)
    (root / linked).symlink_to(outside / "copy")
    before = _tree(outside)
    assert _run(root, "add-source", str(text), "--language", "en") == (1, expected)
    assert _tree(outside) == before
