"""The check's second process (data/prepare.py): with much to parse, half of the claims files are
parsed and their quotes proved in a forked process. Its answer is taken as cache entries are: the
result is the one process's, and an answer lost or garbled costs time, never a result."""

from __future__ import annotations

import os
import sys

import pytest

from generator.data import apart, cache, prepare, quotes
from generator.data import check as check_module
from tests.test_split_claims import split

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork") or sys.platform == "darwin" or len(os.sched_getaffinity(0)) < 2,
    reason="the second process needs fork and two cores",
)


@pytest.fixture
def forks(monkeypatch) -> list[int]:
    """Every small check forks (the threshold is a megabyte of YAML), whatever threads earlier
    tests left running (the check's own code takes no lock a thread could hold): the pids forked."""
    monkeypatch.setattr(prepare, "MIN_PARALLEL_BYTES", 0)
    monkeypatch.setattr(prepare, "can_fork", lambda: True)
    return counted_forks(monkeypatch)


def counted_forks(monkeypatch) -> list[int]:
    """The pids forked from now on by the check's second processes (data/apart.py)."""
    seen: list[int] = []
    real = apart.os.fork

    def fork() -> int:
        pid = real()
        if pid:
            seen.append(pid)
        return pid

    monkeypatch.setattr(apart.os, "fork", fork)
    return seen


@pytest.fixture
def store(tmp_path, monkeypatch):
    folder = tmp_path / "user-cache"
    monkeypatch.setenv("DOSSIER_CACHE", str(folder))
    return folder


def _result(root) -> tuple:
    from tests.conftest import TODAY

    checked = check_module.check(root, today=TODAY)
    return [p.gcc() for p in checked.problems], checked.dossier


def _one_process(root, monkeypatch) -> tuple:
    with monkeypatch.context() as env:
        env.setenv("DOSSIER_CACHE", "off")
        env.setattr(prepare, "MIN_PARALLEL_BYTES", 1 << 40)
        return _result(root)


def _with_problems(root, edit) -> None:
    """Split the claims over three files, with a quote not in its source and a schema error in
    one of them and an unknown actor in another."""
    split(root)
    edit(root / "claims" / "envoy.yaml", "text: Only with", "text: And only with")
    edit(root / "claims" / "envoy.yaml", "kind: reported-speech", "kind: shouted")
    edit(root / "claims" / "others.yaml", "actor: ", "actor: nobody-", count=1)


def test_two_processes_find_what_one_finds(dossier, store, forks, edit, monkeypatch):
    _with_problems(dossier, edit)
    got = _result(dossier)
    assert len(forks) == 1
    expected = _one_process(dossier, monkeypatch)
    assert got == expected
    assert any(p.startswith("claims/envoy.yaml:") and "not found" in p for p in got[0])
    assert any(p.startswith("claims/others.yaml:") and "unknown actor `nobody-" in p for p in got[0])


@pytest.mark.parametrize("value", [".nan", "-.inf", "!!float nan", "!!%66loat nan", "1._e+400", "!!float 1.5"])
def test_a_float_reaches_the_validator_as_one_process_reads_it(dossier, store, forks, edit, value, monkeypatch):
    """orjson writes NaN as null: a file that could hold a non-finite float goes down the pipe as
    json writes it, and the second process's answer is the one process's."""
    split(dossier)
    edit(dossier / "claims" / "envoy.yaml", "kind: reported-speech", f"kind: {value}")
    real = prepare._halves

    def envoy_to_the_second(files):
        mine, theirs = real(files)
        return [f for f in mine + theirs if "envoy" not in f.rel], [f for f in mine + theirs if "envoy" in f.rel]

    monkeypatch.setattr(prepare, "_halves", envoy_to_the_second)
    loaded = []
    real_load = check_module.load_all
    monkeypatch.setattr(check_module, "load_all", lambda *a: loaded.append(real_load(*a)) or loaded[-1])
    got = _result(dossier)
    assert len(forks) == 1
    assert got == _one_process(dossier, monkeypatch)
    assert any(p.startswith("claims/envoy.yaml:") for p in got[0])
    kinds = [ev["kind"] for c in loaded[0].docs["claims/envoy.yaml"].data["claims"] for ev in c["evidence"]]
    floats = [k for k in kinds if not isinstance(k, str)]
    assert floats and all(isinstance(k, float) for k in floats), kinds  # as YAML has it: not null


def test_what_the_second_process_made_is_cached(dossier, store, forks, monkeypatch):
    split(dossier)
    first = _result(dossier)
    assert len(forks) == 1
    searched: list[str] = []
    real = quotes.find
    monkeypatch.setattr(quotes, "find", lambda source, text, **kw: searched.append(text) or real(source, text, **kw))
    again = _result(dossier)
    assert len(forks) == 1  # nothing missed: nothing to parse, no second process
    assert searched == []
    assert again == first == _one_process(dossier, monkeypatch)


@pytest.mark.parametrize(
    "answer",
    [
        "raises",
        "cut short",
        "another shape",
        "documents of other bytes",
        "entries of another shape",
        "proofs of another shape",
    ],
)
def test_a_lost_or_garbled_answer_costs_time_never_a_result(dossier, store, forks, edit, answer, monkeypatch):
    _with_problems(dossier, edit)
    real = prepare._made_apart

    def made_apart(*args):  # runs in the second process
        made = real(*args)
        if answer == "raises":
            raise RuntimeError("the second process fails")
        if answer == "another shape":
            return {"docs": [1, 2], "proofs": "x"}
        # Entries that, were they taken, would lose the files' claims.
        empty = {"doc": True, "data": {"claims": []}, "modeline": True, "ids": [], "problems": []}
        if answer == "documents of other bytes":
            return {**made, "docs": {rel: ["0" * 64, empty] for rel in made["docs"]}}
        if answer == "entries of another shape":
            return {**made, "docs": {rel: [key, {**empty, "ids": "x"}] for rel, (key, _) in made["docs"].items()}}
        return {**made, "proofs": {key: [0, "1", 1, "", "", "", [], None, None] for key in made["proofs"]}}

    real_dumps = prepare._dumps

    def cut_short(value) -> bytes:  # answers that end halfway
        body = real_dumps(value)
        return body[: len(body) // 2]

    monkeypatch.setattr(prepare, "_made_apart", made_apart)
    if answer == "cut short":
        monkeypatch.setattr(prepare, "_dumps", cut_short)
    got = _result(dossier)
    assert len(forks) == 1
    assert got == _one_process(dossier, monkeypatch)


def test_a_writer_in_the_background_leaves_the_cache_complete(dossier, store, monkeypatch):
    """A first check with much to write forks its writer while it builds the model: when the check
    returns, every entry is there, and the next check parses and proves nothing."""
    monkeypatch.setattr(cache, "BACKGROUND_WRITES", 1)
    monkeypatch.setattr(cache, "can_fork", lambda: True)
    split(dossier)
    forked: list[int] = []
    real = os.fork
    monkeypatch.setattr(cache.os, "fork", lambda: forked.append(1) or real())
    first = _result(dossier)
    assert forked
    parsed: list[str] = []
    real_parse = prepare.parse_yaml
    monkeypatch.setattr(prepare, "parse_yaml", lambda rel, *a: parsed.append(rel) or real_parse(rel, *a))
    forked.clear()
    assert _result(dossier) == first
    assert parsed == [] and forked == []  # nothing to write the second time: no writer forked


def test_a_fork_refused_leaves_the_work_to_one_process(dossier, store, forks, monkeypatch):
    """No memory or process to spare for the second process or the writer: the check does it all."""
    split(dossier)
    monkeypatch.setattr(cache, "BACKGROUND_WRITES", 1)
    monkeypatch.setattr(cache, "can_fork", lambda: True)

    def refused() -> int:
        raise OSError(12, "Cannot allocate memory")

    monkeypatch.setattr(apart.os, "fork", refused)
    open_before = len(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else None
    assert _result(dossier) == _one_process(dossier, monkeypatch)
    if open_before is not None:  # the handover's pipes closed with the fork refused
        assert len(os.listdir("/proc/self/fd")) <= open_before
    searched: list[str] = []
    real = quotes.find
    monkeypatch.setattr(quotes, "find", lambda source, text, **kw: searched.append(text) or real(source, text, **kw))
    _result(dossier)
    assert searched == []  # and the cache was written all the same


@pytest.mark.parametrize("handed", ["nothing", "not a list", "other items", "the other process gone"])
def test_a_lost_or_garbled_handover_costs_time_never_a_result(dossier, store, forks, edit, handed, monkeypatch):
    """Each process proves its share of the sources' quotes, some handed over by the other
    (data/ahead.py): whatever arrives, or does not, the result is the one process's."""
    from generator.data import ahead

    _with_problems(dossier, edit)
    real_give = ahead.Handover.give

    def give(self, items):
        if handed == "nothing":
            return real_give(self, [])
        if handed == "not a list":
            (self.folder / f"to-{1 - self._me}.json").write_text('{"x": 1}', "utf-8")
            os.write(self._pipes[1 - self._me][1], b"1")
            return os.close(self._pipes[1 - self._me][1])
        if handed == "other items":
            wrong = [(source, {**ev, "text": "words that are in no source"}) for source, ev in items]
            return real_give(self, [*wrong, ("no-such-source", {"text": "x"}), ("alpha", "not an item")])
        return os.close(self._pipes[1 - self._me][1])  # gone without a word

    monkeypatch.setattr(ahead.Handover, "give", give)
    got = _result(dossier)
    assert len(forks) == 1
    assert got == _one_process(dossier, monkeypatch)


def test_each_process_proves_only_its_share_of_the_sources(dossier, store, forks, monkeypatch):
    """The first process reads the texts of its share only; the second's are proved there."""
    from generator.data import ahead

    split(dossier)
    read: list[str] = []
    real = ahead._text
    monkeypatch.setattr(ahead, "_text", lambda root, record: read.append(record["id"]) or real(root, record))
    got = _result(dossier)
    assert len(forks) == 1
    assert read and all(ahead.share(source) == 0 for source in read)  # this process's: the first
    assert got == _one_process(dossier, monkeypatch)
