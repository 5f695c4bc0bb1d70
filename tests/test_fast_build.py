"""The build's fast paths give exactly what the plain ways give:

- pages rendered in worker processes (site/workers.py) come back in the plan's order, the same
  bytes as in one process, and a worker's error is the build's error;
- generated pages handed to MkDocs as HTML (publish/passthrough.py) make the same site, byte for
  byte, as the full Markdown path, with their table of contents and anchors.
"""

from __future__ import annotations

import os
import shutil
from concurrent.futures.process import BrokenProcessPool

import pytest

from bench.synth import synthesize, write
from generator import api
from generator.errors import BuildError
from generator.publish import build as publish_build
from generator.publish import config as mkdocs_config
from generator.publish.passthrough import Prerenderer
from generator.publish.plugin import DossierPlugin
from generator.site import generate, workers

from .conftest import FIXTURE, tree_hash


def _pid_of(n: int) -> tuple[int, int]:
    return n, os.getpid()


def test_workers_return_every_result_in_order_from_other_processes():
    with workers.Ordered(_pid_of, 200, workers=2, chunk=5) as ordered:
        results = list(ordered)
    assert [n for n, _ in results] == list(range(200))
    assert os.getpid() not in {pid for _, pid in results}


def test_few_items_or_one_worker_are_done_in_this_process():
    for count, how_many in ((200, 1), (30, 2)):
        with workers.Ordered(_pid_of, count, workers=how_many, chunk=8) as ordered:
            assert list(ordered) == [(n, os.getpid()) for n in range(count)]


def _fails_at_37(n: int) -> int:
    if n == 37:
        raise BuildError("actor.md.j2: template error: 'x' is undefined; fix the template")
    return n


def test_a_workers_error_is_raised_here_with_its_message():
    with pytest.raises(BuildError) as caught, workers.Ordered(_fails_at_37, 200, workers=2, chunk=4) as ordered:
        list(ordered)
    assert str(caught.value) == "actor.md.j2: template error: 'x' is undefined; fix the template"


def _dies_at_37(n: int) -> int:
    if n == 37:
        os._exit(1)  # as a worker killed by the system would end
    return n


def test_a_worker_that_dies_is_an_error_not_a_wait():
    with pytest.raises(BrokenProcessPool), workers.Ordered(_dies_at_37, 200, workers=2, chunk=4) as ordered:
        list(ordered)


@pytest.mark.slow
def test_pages_rendered_in_workers_equal_pages_rendered_in_one_process(tmp_path):
    root = tmp_path / "synthetic"
    write(root, synthesize(300, seed=7))
    config = mkdocs_config.load(root)
    site = mkdocs_config.settings(config)
    one = generate.render_all(root, site, finish=Prerenderer(config), workers=1)
    two = generate.render_all(root, site, finish=Prerenderer(config), workers=2)
    assert one.pages > 100  # enough pages for two workers (workers.Ordered: four chunks each)
    assert list(one.files) == list(two.files) and one.files == two.files
    assert (one.jsonld, one.records, one.edit_paths) == (two.jsonld, two.records, two.edit_paths)
    assert one.finished == two.finished
    assert len(one.finished) == one.pages - len(one.hand_written)


@pytest.mark.slow
def test_the_fast_path_builds_the_same_site_as_the_full_markdown_path(built, tmp_path, monkeypatch):
    taken, anchors = [], {}
    on_markdown, on_content = DossierPlugin.on_page_markdown, DossierPlugin.on_page_content

    def spy_markdown(self, markdown, page, config, files):
        out = on_markdown(self, markdown, page, config, files)
        if out == "" and markdown:
            taken.append(page.file.src_uri)
        return out

    def spy_content(self, html, page, config, files):
        out = on_content(self, html, page, config, files)
        anchors[page.file.src_uri] = (set(page.present_anchor_ids), [t.id for t in page.toc])
        return out

    monkeypatch.setattr(DossierPlugin, "on_page_markdown", spy_markdown)
    monkeypatch.setattr(DossierPlugin, "on_page_content", spy_content)
    fast = tmp_path / "fast"
    shutil.copytree(FIXTURE, fast, ignore=shutil.ignore_patterns("site", ".dossier"))
    api.build(fast)
    fast_anchors, anchors = anchors, {}
    full = tmp_path / "full"
    shutil.copytree(FIXTURE, full, ignore=shutil.ignore_patterns("site", ".dossier"))
    monkeypatch.setattr(publish_build, "Prerenderer", lambda config: None)  # no pre-rendering
    api.build(full)

    assert tree_hash(fast / "site") == tree_hash(full / "site") == tree_hash(built / "site")
    generated = api.render(fast)
    pages = {rel for rel in generated.files if rel.endswith(".md")} - generated.hand_written
    assert set(taken) == pages and len(taken) > 10
    assert fast_anchors == anchors  # MkDocs' anchor check sees the same ids and table of contents
    actor_ids, actor_toc = fast_anchors["actors/envoy.md"]
    assert {"claim-envoy-guarantees", "claim-envoy-guarantees--border-deal"} <= actor_ids
    assert "latest-recorded-position-per-proposal" in actor_ids
    assert actor_toc == ["the-envoy"]  # the page's one h1, with its sections below it
