"""The preview's rebuild (publish/serve.py): Pagefind runs beside MkDocs, only when the search
records changed, and leaves its bundle, whole, in the served site and nothing else behind."""

from __future__ import annotations

import json
import os

import jinja2
import pytest

from generator import api
from generator.publish import config as mkdocs_config
from generator.publish import pagefind, serve

pytestmark = pytest.mark.slow  # builds sites of their own


def test_the_search_bundle_is_rebuilt_beside_mkdocs_when_the_records_change(dossier, tmp_path, edit, monkeypatch):
    started: list[int] = []
    real = pagefind.Indexer

    class Counted(real):  # type: ignore[misc, valid-type]
        def __init__(self, records, site_dir):
            started.append(len(records))
            super().__init__(records, site_dir)

    monkeypatch.setattr(serve, "Indexer", Counted)
    live = tmp_path / "live"
    preview = serve.Preview(dossier, live, "http://127.0.0.1:8000/")
    first = preview.once()
    bundle = live / "site" / pagefind.SEARCH_BUNDLE
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    assert started == [len(first.records)]
    edit(dossier / "claims.yaml", "summary: The minister says", "summary: The minister said again")
    second = preview.once()
    assert second.records != first.records and started == [len(first.records), len(second.records)]
    assert json.loads((bundle / "pagefind-entry.json").read_text("utf-8")) != entry  # a new index
    assert pagefind._indexed(bundle) == len(second.records)
    kept, listed = preview.prerenderer, preview.theme_files
    theme = mkdocs_config.load(dossier).theme
    listing = serve._ListedLoader(theme.dirs, listed, [str(mkdocs_config.OVERRIDES)]).list_templates()
    whole = jinja2.FileSystemLoader(theme.dirs).list_templates()  # what MkDocs lists itself
    assert listing == [name for name in whole if not serve._hidden(name)] and len(whole) > 10 * len(listing)
    preview.once()  # nothing changed: the records neither, so no Pagefind
    assert len(started) == 2
    assert sorted(p.name for p in live.iterdir()) == ["site"]  # no work folder left behind
    assert preview.prerenderer is kept  # its converter and headings serve the next rebuild
    assert preview.theme_files is listed  # and the theme's files, listed once
    config = dossier / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "\n", "utf-8")
    os.utime(config, ns=(config.stat().st_mtime_ns + 10**9,) * 2)
    preview.once()  # mkdocs.yml changed: a whole build, with a converter made from it
    assert preview.prerenderer is not kept and len(started) == 3
    assert preview.theme_files is not listed and preview.theme_files == listed
    # The static files of the theme in the served site are those a build of its own copies.
    served = sorted(p.relative_to(live / "site").as_posix() for p in (live / "site" / "assets").rglob("*"))
    api.build(dossier)
    built = sorted(p.relative_to(dossier / "site").as_posix() for p in (dossier / "site" / "assets").rglob("*"))
    assert served == built and any(p.startswith("assets/javascripts/bundle.") for p in built)


def test_a_file_added_to_the_dossiers_own_theme_folder_is_served_at_the_next_rebuild(dossier, tmp_path):
    """The installed themes' list of files is kept between rebuilds; a `custom_dir` of the
    dossier's is listed at every one, as MkDocs lists it."""
    config = dossier / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("theme:\n", "theme:\n  custom_dir: theme\n", 1), "utf-8")
    (dossier / "theme").mkdir()
    live = tmp_path / "live"
    preview = serve.Preview(dossier, live, "http://127.0.0.1:8000/")
    preview.once()
    listed = preview.theme_files
    (dossier / "theme" / "extra.txt").write_text("mine", "utf-8")
    preview.once()
    assert preview.theme_files is listed and (live / "site" / "extra.txt").read_text("utf-8") == "mine"


def test_mkdocs_makes_the_theme_loader_the_preview_replaces(dossier):
    """`_ListedLoader` stands in for the loader of MkDocs' `Theme.get_env`: a FileSystemLoader of
    the theme's folders. If MkDocs makes it another way, this fails before a preview goes wrong."""
    theme = mkdocs_config.load(dossier).theme
    env = theme.get_env()
    assert type(env.loader) is jinja2.FileSystemLoader and env.loader.searchpath == list(theme.dirs)


def test_mkdocs_copies_no_hidden_file_of_a_theme(dossier):
    """The preview leaves the theme's hidden files (`.icons/...`) out of its listing because MkDocs
    never copies one: with them listed or not, MkDocs adds the same static files. If MkDocs starts
    copying one, this fails."""
    from mkdocs.structure.files import Files

    config = mkdocs_config.load(dossier)
    theme = config.theme
    whole, pruned = Files([]), Files([])
    whole.add_files_from_theme(theme.get_env(), config)
    env = theme.get_env()
    env.loader = serve._ListedLoader(theme.dirs, [n for n in env.loader.list_templates() if not serve._hidden(n)], [])
    pruned.add_files_from_theme(env, config)
    assert [f.src_uri for f in pruned] == [f.src_uri for f in whole] and len(whole) > 20
    assert any(serve._hidden(name) for name in jinja2.FileSystemLoader(theme.dirs).list_templates())


def test_pagefind_starts_as_soon_as_the_records_are_made_and_stops_if_the_rebuild_fails(
    dossier, tmp_path, edit, monkeypatch
):
    """Pagefind indexes the new records while the rest of the site is made (not after it); a
    rebuild that fails after it started stops it and leaves no work folder, and the served site
    keeps its search bundle."""
    from generator.errors import BuildError
    from generator.site import generate as generate_module

    events: list[str] = []
    made: list[pagefind.Indexer] = []
    real_indexer, real_others = pagefind.Indexer, generate_module._other_files

    class Recorded(real_indexer):  # type: ignore[misc, valid-type]
        def __init__(self, records, site_dir):
            events.append("pagefind")
            super().__init__(records, site_dir)
            made.append(self)

    def others(*args):
        events.append("data files")
        return real_others(*args)

    monkeypatch.setattr(serve, "Indexer", Recorded)
    monkeypatch.setattr(generate_module, "_other_files", others)
    live = tmp_path / "live"
    preview = serve.Preview(dossier, live, "http://127.0.0.1:8000/")
    preview.once()
    assert events == ["pagefind", "data files"]
    bundle = (live / "site" / pagefind.SEARCH_BUNDLE / "pagefind-entry.json").read_bytes()

    def failing(*args):
        raise BuildError("the data files could not be made")

    monkeypatch.setattr(generate_module, "_other_files", failing)
    edit(dossier / "claims.yaml", "summary: The minister says", "summary: The minister said again")
    with pytest.raises(BuildError):
        preview.once()
    assert len(made) == 2 and made[1]._process is not None and made[1]._process.poll() is not None
    assert sorted(p.name for p in live.iterdir()) == ["site"]  # its work folder removed
    assert (live / "site" / pagefind.SEARCH_BUNDLE / "pagefind-entry.json").read_bytes() == bundle
