"""A busy actor's card on a page of its own (plan.ACTOR_PAGE_CARDS): its old address on the actor's
page, `actors/ID.html#claim-X`, still lands on the card, in view."""

from __future__ import annotations

import functools
import shutil
import threading
from http.server import ThreadingHTTPServer

import pytest

from generator import api
from generator.site import plan as plan_module
from tests.browser.conftest import _Quiet, watch
from tests.conftest import FIXTURE


@pytest.fixture(scope="module")
def split_url(tmp_path_factory):
    """The test fixture's dossier built with every actor of more than one card split."""
    root = tmp_path_factory.mktemp("moved-cards") / "dossier"
    shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns("site", ".dossier"))
    with pytest.MonkeyPatch.context() as env:
        env.setattr(plan_module, "ACTOR_PAGE_CARDS", 1)
        for name in ("DOSSIER_SITE_URL", "DOSSIER_EDIT_URI"):
            env.delenv(name, raising=False)
        api.build(root)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("actors/envoy.html#claim-envoy-guarantees", "actors/envoy/binding-guarantees.html#claim-envoy-guarantees"),
        (
            "actors/envoy.html#claim-envoy-guarantees--border-deal",
            "actors/envoy/border-deal.html#claim-envoy-guarantees--border-deal",
        ),
        (
            "actors/minister.html#claim-minister-no-village",
            "actors/minister/border-deal.html#claim-minister-no-village",
        ),
    ],
)
def test_an_old_card_address_lands_on_the_card(browser, split_url, old, new):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab, errors, foreign = watch(context)
    tab.goto(split_url + old)
    tab.wait_for_url(split_url + new)
    anchor = new.partition("#")[2]
    tab.wait_for_function(
        "id => { const el = document.getElementById(id); if (!el) return false;"
        " const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight; }",
        arg=anchor,
    )
    assert tab.locator(f"#{anchor}.dq-card").count() == 1
    context.close()
    assert errors == [] and foreign == []


def test_a_card_still_on_its_actors_page_is_not_moved(browser, split_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab, errors, _ = watch(context)
    tab.goto(split_url + "actors/spokesman.html#claim-spokesman-finished")
    tab.wait_for_selector("#claim-spokesman-finished.dq-landed")
    assert tab.url == split_url + "actors/spokesman.html#claim-spokesman-finished"
    context.close()
    assert errors == []
