"""The real dossier: its sources are the seeds byte for byte, and it is complete and clean."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest

from generator import api
from tests.conftest import LATER_THAN_ANY

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "content" / "sources"
# The sums published with the seeds (shared/seeds/README.md), committed in `sha256sum` format so
# this runs everywhere (`cd content/sources && sha256sum -c ../../tests/seeds.sha256`): the
# sources must never change.
SEEDS_LIST = Path(__file__).resolve().parent / "seeds.sha256"


def _read_sums(text: str) -> dict[str, str]:
    sums = {}
    for line in text.splitlines():
        digest, name = line.split("  ", 1)
        sums[name] = digest
    return sums


SEED_SHA256 = _read_sums(SEEDS_LIST.read_text("utf-8"))


def _seeds_dir() -> Path | None:
    """shared/seeds beside the repository's main checkout (the parent folder of this one, or of
    the main checkout when this is a git worktree), if it is there."""
    candidates = [ROOT.parent / "shared" / "seeds"]
    try:
        common = subprocess.run(
            ["git", "rev-parse", "--path-format=absolute", "--git-common-dir"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=30,
        ).stdout.strip()
    except OSError:
        common = ""
    if common:
        candidates.append(Path(common).parent.parent / "shared" / "seeds")
    return next((c for c in candidates if (c / "README.md").is_file()), None)


SEEDS = _seeds_dir()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_committed_list_holds_the_five_seeds():
    assert sorted(SEED_SHA256) == [
        "000_c5e42e288a909830.txt",
        "001_56efdcd32fff9723.txt",
        "002_9895b7f1f56c068f.txt",
        "003_32a7c9e9d961a906.txt",
        "004_eb1423f90d90f0e6.txt",
    ]
    assert all(len(d) == 64 and set(d) <= set("0123456789abcdef") for d in SEED_SHA256.values())


def test_every_stored_source_is_a_seed_and_every_seed_is_stored():
    assert sorted(p.name for p in SOURCES.glob("*.txt")) == sorted(SEED_SHA256)


@pytest.mark.parametrize("name", sorted(SEED_SHA256))
def test_sources_are_the_seeds_byte_for_byte(name):
    stored = SOURCES / name
    assert _sha(stored) == SEED_SHA256[name]
    if SEEDS is not None:  # beside the repository in CI; absent in a clone elsewhere
        assert stored.read_bytes() == (SEEDS / name).read_bytes()


@pytest.mark.skipif(SEEDS is None, reason="shared/seeds is not beside this repository")
def test_the_committed_list_is_the_one_published_with_the_seeds():
    readme = (SEEDS / "README.md").read_text("utf-8")
    block = readme.split("\n```\n", 1)[1].split("```", 1)[0]
    assert _read_sums(block) == SEED_SHA256
    assert block == SEEDS_LIST.read_text("utf-8")


@pytest.fixture(scope="module")
def dossier():
    checked = api.check(ROOT, today=LATER_THAN_ANY)  # see conftest.py
    result, problems = checked.dossier, checked.problems
    assert [p.gcc() for p in problems] == []
    return result


def test_recorded_hashes_are_the_seed_hashes(dossier):
    assert {s.file: s.sha256 for s in dossier.sources.values()} == SEED_SHA256


def test_every_actor_has_a_claim_and_every_source_and_proposal_is_cited(dossier):
    assert set(dossier.claims_by_actor) == set(dossier.actors)
    assert set(dossier.citations_by_source) == set(dossier.sources)
    assert set(dossier.claims_by_proposal) == set(dossier.proposals)


def test_the_dossier_is_curated_in_depth(dossier):
    assert len(dossier.claims) >= 40
    kinds = {ev.kind for c in dossier.claims.values() for ev in c.evidence}
    assert kinds == {"direct-quote", "reported-speech", "paraphrase", "framing"}
    assert any(ev.translation_of for c in dossier.claims.values() for ev in c.evidence)
    assert any(ev.via for c in dossier.claims.values() for ev in c.evidence)


def test_no_invented_metadata(dossier):
    # No text states its outlet or date (review 6, m1: a bare site name under a date line is an
    # inferred outlet); none gives an address.
    assert all(s.url is None for s in dossier.sources.values())
    stated = {s.file for s in dossier.sources.values() if s.outlet.basis == "stated" or s.published.basis == "stated"}
    assert stated == set()
    g_novosti = next(s for s in dossier.sources.values() if s.file == "003_32a7c9e9d961a906.txt")
    assert (g_novosti.outlet.name, g_novosti.outlet.basis) == ("g-novosti.in.ua", "inferred")
    assert "bare site name under the date line" in g_novosti.outlet.reason
    for s in dossier.sources.values():
        if s.published.basis == "inferred":
            assert s.published.reason
