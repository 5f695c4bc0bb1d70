"""The real dossier: its sources are the seeds byte for byte, and it is complete and clean."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from generator import api

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
# The sums published with the seeds (shared/seeds/README.md): the sources must never change.
SEED_SHA256 = {
    "000_c5e42e288a909830.txt": "5f5be3364d00cd9155d865860f1f97b9760d9832560efe0a752bdb88b15a0103",
    "001_56efdcd32fff9723.txt": "7474c86ce0ff0218a88656ef5a4f55708c0d0427ae5540f947586ef000d269f0",
    "002_9895b7f1f56c068f.txt": "e9ffe46c5563ecc2f6225af573a909c3ec968d998dda16db0564efc5afb5ef3a",
    "003_32a7c9e9d961a906.txt": "a0f8cc1136f7187cb41da73351e454d483e43e31f04aa10bcf9cc52c47112b22",
    "004_eb1423f90d90f0e6.txt": "ec32a85ec4879313dc3fdc845c35adbba238b4dc0e514b42ab9b9559adcbdc13",
}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def dossier():
    checked = api.check(ROOT, today=dt.date.today())
    result, problems = checked.dossier, checked.problems
    assert [p.gcc() for p in problems] == []
    return result


@pytest.mark.parametrize("name", sorted(SEED_SHA256))
def test_sources_are_the_seeds_byte_for_byte(name):
    stored = ROOT / "content" / "sources" / name
    assert _sha(stored) == SEED_SHA256[name]
    if SEEDS.is_dir():  # beside the repository in CI; absent in a clone elsewhere
        assert stored.read_bytes() == (SEEDS / name).read_bytes()


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
    # Only one text states its outlet and date; none gives an address.
    assert all(s.url is None for s in dossier.sources.values())
    stated = {s.file for s in dossier.sources.values() if s.outlet.basis == "stated" or s.published.basis == "stated"}
    assert stated == {"003_32a7c9e9d961a906.txt"}
    for s in dossier.sources.values():
        if s.published.basis == "inferred":
            assert s.published.reason
