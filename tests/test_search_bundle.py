"""The search bundle: each record becomes a small page for Pagefind's CLI (values escaped once,
its address the page's path), every value reaches the bundle exactly as written, the process's
failures are one line, and the bundle lands in the site without following a link or leaving
anything behind."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator import api
from generator.errors import BuildError
from generator.publish import pagefind, stable
from generator.site import search

ROOT = Path(__file__).resolve().parent.parent

CLAIM = {
    "url": "actors/ana.html#claim-ana-no-village",
    "content": 'Ana <b> & "Co" said &amp;\nnot one village',
    "meta": {"title": "Ana: it's <i>over</i> &amp; out", "said": "1 May 2024"},
    "filters": {"kind": ["Claim"], "actor": ["Ana", "Bo & Co"]},
}
ACTOR = {"url": "actors/ana.html", "content": "Ana", "meta": {"title": "Ana"}, "filters": {"kind": ["Actor"]}}


@pytest.fixture(params=["here", "apart"])
def both_ways(request, monkeypatch):
    """The record pages written by the build's process, or by one of their own (MIN_RECORDS_APART)."""
    if request.param == "apart":
        monkeypatch.setattr(pagefind, "MIN_RECORDS_APART", 0)
    return request.param


def _fragments(bundle: Path) -> dict[str, dict]:
    """Pagefind's per-page files (gzip of `pagefind_dcd` + JSON), by URL."""
    found = {}
    for path in (bundle / "fragment").iterdir():
        data = json.loads(gzip.decompress(path.read_bytes())[len(stable.MAGIC) :])
        found[data["url"]] = data
    return found


def _filters(bundle: Path) -> dict[str, list]:
    """Pagefind's filter files: name -> [[value, [page numbers]], ...]."""
    return dict(stable._read(path) for path in (bundle / "filter").iterdir())


def test_a_record_is_a_page_with_every_value_escaped_once():
    [(url, page)] = list(search.documents([CLAIM]))
    assert url == "actors/ana.html#claim-ana-no-village"
    assert page == (
        "<!doctype html>\n"
        '<html lang="en">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta data-pagefind-meta="title[content]" content="Ana: it&#39;s &lt;i&gt;over&lt;/i&gt; &amp;amp; out">\n'
        '<meta data-pagefind-meta="said[content]" content="1 May 2024">\n'
        '<meta data-pagefind-filter="kind[content]" content="Claim">\n'
        '<meta data-pagefind-filter="actor[content]" content="Ana">\n'
        '<meta data-pagefind-filter="actor[content]" content="Bo &amp; Co">\n'
        "</head>\n"
        "<body data-pagefind-body>\n"
        "Ana &lt;b&gt; &amp; &#34;Co&#34; said &amp;amp;\n"
        "not one village\n"
        "</body>\n"
        "</html>\n"
    )


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("actors/ana.html", "actors/ana.html"),
        ("actors/ana.html#claim-x", "actors/ana.html#claim-x"),
        ("", "index.html"),
        ("actors/ana/", "actors/ana/index.html"),
        ("actors/ana/#claim-x", "actors/ana/index.html#claim-x"),
    ],
)
def test_a_records_file_is_its_address(url, path):
    assert pagefind._file_for(url) == path


@pytest.mark.parametrize("url", ["../ana.html", "actors//ana.html", "/ana.html", "ana.md", "ana.html#a/b"])
def test_an_address_outside_the_folder_is_refused(url):
    with pytest.raises(BuildError) as caught:
        pagefind._file_for(url)
    assert str(caught.value) == f"search record with an address Pagefind cannot be given: {url}"


def test_every_value_reaches_the_bundle_as_written(tmp_path, both_ways):
    site = tmp_path / "site"
    site.mkdir()
    pagefind.index_site(site, [CLAIM, ACTOR])
    found = _fragments(site / "pagefind")
    assert sorted(found) == ["/actors/ana.html", "/actors/ana.html#claim-ana-no-village"]
    claim = found["/actors/ana.html#claim-ana-no-village"]
    assert claim["meta"] == {"title": "Ana: it's <i>over</i> &amp; out", "said": "1 May 2024"}
    assert claim["content"] == 'Ana <b> & "Co" said &amp; not one village'
    assert claim["filters"] == {"actor": ["Ana", "Bo & Co"], "kind": ["Claim"]}
    # Each filter value with how many pages have it (page numbers follow the folder's listing).
    counts = {
        name: [(value, len(pages)) for value, pages in values] for name, values in _filters(site / "pagefind").items()
    }
    assert counts == {"actor": [("Ana", 1), ("Bo & Co", 1)], "kind": [("Actor", 1), ("Claim", 1)]}
    # Only the bundle is left: the private folder beside the site is gone, nothing else written.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert sorted(p.name for p in site.iterdir()) == ["pagefind"]
    assert sorted(p.name for p in (site / "pagefind").iterdir()) == [
        "filter",
        "fragment",
        "index",
        "pagefind-entry.json",
        "pagefind-worker.js",
        *(p.name for p in (site / "pagefind").glob("pagefind.*.pf_meta")),
        "pagefind.js",
        "wasm.en.pagefind",
    ]


def test_pagefinds_own_settings_from_the_environment_and_the_folder_are_not_read(tmp_path, monkeypatch):
    """PAGEFIND_* variables and a pagefind.yml where the build runs would change the index."""
    monkeypatch.setenv("PAGEFIND_GLOB", "nothing.html")
    monkeypatch.setenv("PAGEFIND_EXCLUDE_SELECTORS", "body")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pagefind.yml").write_text('glob: "nothing.html"\n', "utf-8")
    site = tmp_path / "site"
    site.mkdir()
    pagefind.index_site(site, [CLAIM, ACTOR])
    assert _fragments(site / "pagefind")["/actors/ana.html"]["content"] == "Ana"


def test_a_link_where_the_bundle_goes_is_replaced_never_followed(tmp_path, both_ways):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "pagefind.js").write_bytes(b"mine")
    site = tmp_path / "site"
    site.mkdir()
    (site / "pagefind").symlink_to(outside)
    pagefind.index_site(site, [ACTOR])
    assert not (site / "pagefind").is_symlink() and (site / "pagefind" / "pagefind-entry.json").is_file()
    assert [(p.name, p.read_bytes()) for p in outside.iterdir()] == [("pagefind.js", b"mine")]


def test_a_second_bundle_replaces_the_first(tmp_path, both_ways):
    site = tmp_path / "site"
    site.mkdir()
    pagefind.index_site(site, [CLAIM, ACTOR])
    pagefind.index_site(site, [ACTOR])
    assert sorted(_fragments(site / "pagefind")) == ["/actors/ana.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def _refused(tmp_path: Path, records: list[dict]) -> str:
    """What `index_site` says refusing `records` into a new `site/`, which it leaves empty with
    nothing beside it (its work folder and the record pages' removed)."""
    site = tmp_path / "site"
    site.mkdir()
    with pytest.raises(BuildError) as caught:
        pagefind.index_site(site, records)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"] and not any(site.iterdir())
    return str(caught.value)


def test_pagefinds_failure_is_one_line_and_leaves_nothing(tmp_path, monkeypatch, both_ways):
    monkeypatch.setattr(pagefind, "GLOB", "**/*.htm")  # no file matches: Pagefind stops
    assert (
        _refused(tmp_path, [ACTOR])
        == "Pagefind failed (exit status 1): Error: Pagefind was not able to build an index."
    )


def test_a_record_pagefind_skipped_fails_the_build(tmp_path, monkeypatch, both_ways):
    monkeypatch.setattr(pagefind, "GLOB", "**/*.html")  # the claim's file (…html#claim-…) is left out
    assert _refused(tmp_path, [CLAIM, ACTOR]) == "Pagefind indexed 1 of 2 search records"


def test_a_missing_binary_is_one_line(tmp_path, monkeypatch):
    import pagefind_bin

    def missing():
        raise FileNotFoundError("Could not find any of [pagefind]")

    monkeypatch.setattr(pagefind_bin, "get_executable", missing)
    assert _refused(tmp_path, [ACTOR]) == (
        "Pagefind's binary is missing (Could not find any of [pagefind]): install the pinned requirements again "
        "(pip install -r requirements.txt)"
    )


def test_cancel_stops_pagefind_and_removes_its_folder(tmp_path, both_ways):
    site = tmp_path / "site"
    site.mkdir()
    indexer = pagefind.Indexer([CLAIM, ACTOR], site)
    # Beside the site and named after it: a killed build's `.site-*` folder goes with its own.
    assert [p.name.startswith("site-search-") for p in tmp_path.iterdir() if p != site] == [True]
    process = indexer._process
    assert isinstance(process, subprocess.Popen)
    indexer.cancel()
    assert process.returncode is not None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"] and not any(site.iterdir())


def test_pages_the_writer_cannot_read_are_one_line(tmp_path, monkeypatch):
    """The process that writes the record pages says what stopped it, and the build says that."""
    monkeypatch.setattr(pagefind, "MIN_RECORDS_APART", 0)
    monkeypatch.setattr(pagefind.orjson, "dumps", lambda pages: b"[[")  # cut short
    assert _refused(tmp_path, [ACTOR]) == (
        "the search index failed (exit status 1): the search records could not be read: "
        "unexpected end of data: line 1 column 3 (char 2)"
    )


def test_two_records_at_one_address_fail_the_build_at_once(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    with pytest.raises(BuildError) as caught:
        pagefind.Indexer([ACTOR, {**ACTOR, "content": "Ana again"}], site)
    assert str(caught.value) == "two search records have one address: actors/ana.html"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_record_at_an_address_pagefind_cannot_take_fails_the_build(tmp_path):
    assert _refused(tmp_path, [{**ACTOR, "url": "actors/../x.html"}]) == (
        "search record with an address Pagefind cannot be given: actors/../x.html"
    )


def test_no_record_makes_no_bundle(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    pagefind.index_site(site, [])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"] and not any(site.iterdir())


# -- hand-written pages: indexed from their Markdown, as their article shows it -------------------


def _hand_written(root: Path, name: str, text: str) -> dict:
    """The record of a new hand-written page `name` (listed in the nav, as a build needs)."""
    (root / "content" / "pages" / name).write_text(text, "utf-8")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("nav:\n", f"nav:\n  - {name}\n"), "utf-8")
    return {r["url"]: r for r in api.render(root).records}[name.replace(".md", ".html")]


def test_a_hand_written_page_is_its_clean_html_under_its_first_heading(dossier):
    text = '---\ntitle: "Curators\' notes"\n---\n\n# What we changed {#changed}\n\nA **bold** word.\n'
    record = _hand_written(dossier, "notes.md", text)
    assert record["meta"] == {"title": "What we changed"}  # the heading, as Pagefind took it from the page
    assert str(record["html"]) == (
        '<h1 id="changed">What we changed<a class="headerlink" href="#changed" title="Permanent link">¶</a></h1>\n'
        "<p>A <strong>bold</strong> word.</p>"
    )


@pytest.mark.parametrize(
    ("front", "title"), [("", "Field notes"), ('---\ntitle: "Notes from the field"\n---\n', "Notes from the field")]
)
def test_a_hand_written_page_without_a_heading_gets_the_one_material_shows(dossier, front, title):
    record = _hand_written(dossier, "field-notes.md", front + "\nJust text.\n")
    assert record["meta"] == {"title": title}
    [(_, page)] = list(search.documents([record]))
    assert f"<body data-pagefind-body>\n<h1>{title}</h1>\n<p>Just text.</p>\n</body>" in page


def test_the_fixtures_records_are_indexed_whole(built):
    """Every record of the built fixture is a page of the bundle, at its own address."""
    records = api.render(built).records
    found = _fragments(built / "site" / "pagefind")
    assert sorted(found) == sorted("/" + r["url"] for r in records)
    assert found["/introduction.html"]["content"] == "Introduction. A tiny dossier for the tests."
    assert os.path.isfile(built / "site" / "pagefind" / "pagefind.js")


def test_the_process_that_writes_the_pages_imports_little():
    """A preview's rebuild waits for it: it reads JSON and writes files, nothing of the site."""
    code = (
        "import sys, generator.publish.pagefind_pages; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('jinja2', 'markdown', 'mkdocs', 'yaml') "
        "or m.startswith(('generator.site', 'generator.data'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


# -- where the record pages go: in memory where there is room -------------------------------------


def _pages_seen(monkeypatch) -> list[Path]:
    """The folders Pagefind is started in (where the record pages are), as it starts."""
    seen: list[Path] = []
    real = subprocess.Popen

    def popen(command, **kwargs):
        seen.append(Path(kwargs["cwd"]))
        assert (Path(kwargs["cwd"]) / "records").is_dir() or Path(kwargs["cwd"], "pages.json").is_file()
        return real(command, **kwargs)

    monkeypatch.setattr(pagefind.subprocess, "Popen", popen)
    return seen


def test_the_record_pages_go_to_memory_and_are_removed(tmp_path, monkeypatch, both_ways):
    memory = tmp_path / "memory"
    memory.mkdir()
    monkeypatch.setattr(pagefind, "MEMORY", memory)
    seen = _pages_seen(monkeypatch)
    site = tmp_path / "site"
    site.mkdir()
    pagefind.index_site(site, [CLAIM, ACTOR])
    assert len(seen) == 1 and seen[0].parent == memory and seen[0].name.startswith("dossier-search-")
    assert sorted(_fragments(site / "pagefind")) == ["/actors/ana.html", "/actors/ana.html#claim-ana-no-village"]
    assert not any(memory.iterdir()) and sorted(p.name for p in tmp_path.iterdir()) == ["memory", "site"]


@pytest.mark.parametrize("why", ["no room", "a link", "none"])
def test_without_room_in_memory_the_pages_go_beside_the_site(tmp_path, monkeypatch, why):
    memory = tmp_path / "memory"
    if why == "a link":
        (tmp_path / "elsewhere").mkdir()
        memory.symlink_to(tmp_path / "elsewhere")
    elif why == "no room":
        memory.mkdir()
        monkeypatch.setattr(pagefind, "MEMORY_SPARE", 2**62)
    monkeypatch.setattr(pagefind, "MEMORY", memory)
    seen = _pages_seen(monkeypatch)
    site = tmp_path / "site"
    site.mkdir()
    pagefind.index_site(site, [ACTOR])
    assert len(seen) == 1 and seen[0].parent == tmp_path and seen[0].name.startswith("site-search-")
    assert sorted(_fragments(site / "pagefind")) == ["/actors/ana.html"]
    if why == "a link":
        assert not any((tmp_path / "elsewhere").iterdir())


def test_a_killed_builds_pages_in_memory_are_removed_by_the_next(tmp_path, monkeypatch):
    """A folder whose lock no process holds is a killed build's (in whatever process namespace it
    ran); one whose lock is held, or that has no lock yet, is a running build's."""
    import fcntl

    memory = tmp_path / "memory"
    memory.mkdir()
    monkeypatch.setattr(pagefind, "MEMORY", memory)
    for name in ("dossier-search-dead", "dossier-search-running", "dossier-search-new", "other"):
        (memory / name / "records").mkdir(parents=True)
    (memory / "dossier-search-dead" / ".lock").write_bytes(b"")
    (memory / "dossier-search-running" / ".lock").write_bytes(b"")
    held = os.open(memory / "dossier-search-running" / ".lock", os.O_RDONLY)
    fcntl.flock(held, fcntl.LOCK_EX)
    (memory / "dossier-search-link").symlink_to(memory / "other")
    site = tmp_path / "site"
    site.mkdir()
    try:
        pagefind.index_site(site, [ACTOR])
    finally:
        os.close(held)
    assert {p.name for p in memory.iterdir()} == {
        "dossier-search-running",
        "dossier-search-new",
        "dossier-search-link",
        "other",
    }


def test_the_writing_process_reads_nothing_a_pull_request_could_plant(tmp_path, monkeypatch):
    """It runs isolated: no PYTHONPATH, no sitecustomize, no module of the working folder."""
    planted = tmp_path / "planted"
    planted.mkdir()
    marker = tmp_path / "ran"
    for name in ("sitecustomize.py", "usercustomize.py", "orjson.py"):
        (planted / name).write_text(f"open({str(marker)!r}, 'a').write({name!r})\n", "utf-8")
    monkeypatch.setenv("PYTHONPATH", str(planted))
    monkeypatch.setattr(pagefind, "MIN_RECORDS_APART", 0)
    site = tmp_path / "site"
    site.mkdir()
    pagefind.index_site(site, [ACTOR])
    assert sorted(_fragments(site / "pagefind")) == ["/actors/ana.html"] and not marker.exists()


def test_a_pagefind_that_cannot_start_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setattr(pagefind, "MIN_RECORDS_APART", 0)
    monkeypatch.setattr(pagefind, "_binary", lambda: str(tmp_path / "no-pagefind"))
    assert _refused(tmp_path, [ACTOR]) == (
        f"the search index failed (exit status 1): Pagefind could not be started: {tmp_path / 'no-pagefind'}: "
        "does not exist: create it or fix the name"
    )


def test_a_page_that_cannot_be_written_is_one_line(tmp_path, monkeypatch):
    """A record's page where another's folder must go (`a.html`, then `a.html/b.html`)."""
    monkeypatch.setattr(pagefind, "MIN_RECORDS_APART", 0)
    nested = {**ACTOR, "url": "actors/ana.html/more.html"}
    assert _refused(tmp_path, [ACTOR, nested]) == (
        "the search index failed (exit status 1): the search records' pages could not be written: "
        "records/actors/ana.html/more.html: File exists: check the disk and the folder's permissions, then build again"
    )
