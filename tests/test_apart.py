"""The claims' own checks shared with a second process (data/apart.py): with many claims files
that have no verdict, half of them are checked in a forked process. Its answer is taken as
stored verdicts are: the result is the one process's, what it made is cached as the check's own,
and an answer lost or garbled costs time, never a result."""

from __future__ import annotations

import os
import signal
import sys
import time

import pytest

from generator.data import apart, cache, prepare, quotes, validate
from generator.data import check as check_module
from tests.test_prepare import _one_process, _result, _with_problems, counted_forks
from tests.test_split_claims import split

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork") or sys.platform == "darwin" or len(os.sched_getaffinity(0)) < 2,
    reason="the second process needs fork and two cores",
)


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("DOSSIER_CACHE", str(tmp_path / "user-cache"))


@pytest.fixture
def forks(monkeypatch) -> list[int]:
    """Every check with a claims file to check forks for them (the threshold is 1,000 claims),
    whatever threads earlier tests left running; the parsing is left to one process. The pids
    forked by data/apart.py."""
    monkeypatch.setattr(apart, "MIN_CLAIMS_APART", 0)
    monkeypatch.setattr(apart, "can_fork", lambda: True)
    monkeypatch.setattr(prepare, "MIN_PARALLEL_BYTES", 1 << 40)
    monkeypatch.setattr(cache, "BACKGROUND_WRITES", 1 << 20)
    return counted_forks(monkeypatch)


def _checked_here(monkeypatch) -> list[str]:
    """The claims this process checks from now on, by id."""
    seen: list[str] = []
    real = validate.Validator._check_claim

    def check_claim(self, item, checked) -> None:
        seen.append(item.data["id"])
        real(self, item, checked)

    monkeypatch.setattr(validate.Validator, "_check_claim", check_claim)
    return seen


def test_the_second_process_finds_what_one_finds(dossier, store, forks, edit, monkeypatch):
    _with_problems(dossier, edit)
    checked = _checked_here(monkeypatch)
    got = _result(dossier)
    assert len(forks) == 1
    assert checked and len(checked) < 4  # the other file's claims were checked by the second process
    assert got == _one_process(dossier, monkeypatch)
    assert any(p.startswith("claims/envoy.yaml:") and "not found" in p for p in got[0])
    assert any(p.startswith("claims/others.yaml:") and "unknown actor `nobody-" in p for p in got[0])


def test_what_the_second_process_checked_is_cached(dossier, store, forks, monkeypatch):
    split(dossier)
    first = _result(dossier)
    assert len(forks) == 1
    checked = _checked_here(monkeypatch)
    searched: list[str] = []
    real = quotes.find
    monkeypatch.setattr(quotes, "find", lambda source, text, **kw: searched.append(text) or real(source, text, **kw))
    again = _result(dossier)
    assert len(forks) == 1  # every file answered by its verdict: no second process
    assert checked == [] and searched == []
    assert again == first == _one_process(dossier, monkeypatch)


@pytest.mark.parametrize(
    "answer",
    [
        "raises",
        "killed",
        "cut short",
        "another shape",
        "verdicts of another shape",
        "other keys",
        "proofs of another shape",
    ],
)
def test_a_lost_or_garbled_answer_costs_time_never_a_result(dossier, store, forks, edit, answer, monkeypatch):
    _with_problems(dossier, edit)
    real = validate.Validator._made_apart

    def made_apart(self, *args):  # runs in the second process
        made = real(self, *args)
        if answer == "raises":
            raise RuntimeError("the second process fails")
        if answer == "killed":
            os.kill(os.getpid(), 9)
        if answer == "another shape":
            return [1, 2]
        if answer == "verdicts of another shape":
            return {rel: [key, {"problems": "x", "passages": []}, proofs] for rel, (key, _, proofs) in made.items()}
        if answer == "other keys":
            return {rel: ["0" * 64, entry, proofs] for rel, (key, entry, proofs) in made.items()}
        return {rel: [key, entry, [1]] for rel, (key, entry, _) in made.items()}

    real_encode = apart.encode

    def cut_short(value) -> bytes:  # an answer that ends halfway
        body = real_encode(value)
        return body[: len(body) // 2]

    monkeypatch.setattr(validate.Validator, "_made_apart", made_apart)
    if answer == "cut short":
        monkeypatch.setattr(apart, "encode", cut_short)
    checked = _checked_here(monkeypatch)
    got = _result(dossier)
    assert len(forks) == 1
    assert sorted(checked) == sorted(set(checked)) and len(checked) == 4  # all checked here, once
    assert got == _one_process(dossier, monkeypatch)


def test_an_interrupted_check_leaves_no_second_process_behind():
    helper = apart.Apart(lambda: time.sleep(30) or b"late")
    pid = helper._pid
    started = time.monotonic()
    helper.cancel()
    assert time.monotonic() - started < 5
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reaped: no zombie either
    assert helper.answer() == b""


def test_an_interrupt_while_waiting_for_the_answer_ends_the_second_process_at_once():
    helper = apart.Apart(lambda: time.sleep(30) or b"late")
    pid = helper._pid

    def interrupt(*_) -> None:
        raise KeyboardInterrupt

    before = signal.signal(signal.SIGALRM, interrupt)
    started = time.monotonic()
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.3)
        with pytest.raises(KeyboardInterrupt):
            helper.answer()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)
    assert time.monotonic() - started < 5  # not the second process's 30 s
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # killed and reaped
    helper.cancel()  # what the caller's handler does next: nothing left to do, no error


def test_the_store_takes_an_offer_only_for_a_file_asked_about_and_only_where_it_answered(tmp_path, monkeypatch):
    monkeypatch.setenv("DOSSIER_CACHE", str(tmp_path / "user-cache"))
    store = cache.Store(tmp_path)
    entry = {"problems": [], "passages": []}
    store.offer_verdicts({"a.yaml": ["k", entry, {"p": 1}], "b.yaml": ["k", entry, {}]}, {"a.yaml"})
    assert store.verdict("b.yaml", "k") is None  # not asked about: not taken
    assert store.verdict("a.yaml", "another key") is None
    store.keep("a.yaml")  # answered by something else than the offer: the offer is not written
    assert store.made_verdict("a.yaml") is None
    assert store.verdict("a.yaml", "k") == entry
    store.keep("a.yaml")  # answered by the offer: written as this check's own
    assert store.made_verdict("a.yaml") == ["k", entry, {"p": 1}]


def test_a_fork_refused_leaves_the_claims_to_one_process(dossier, store, forks, monkeypatch):
    split(dossier)

    def refused() -> int:
        raise OSError(12, "Cannot allocate memory")

    monkeypatch.setattr(apart.os, "fork", refused)
    open_before = len(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else None
    checked = _checked_here(monkeypatch)
    got = _result(dossier)
    assert len(checked) == 4
    assert got == _one_process(dossier, monkeypatch)
    if open_before is not None:  # the pipe closed with the fork refused
        assert len(os.listdir("/proc/self/fd")) <= open_before


@pytest.mark.parametrize(
    "sizes, first, second",
    [
        ([5, 1, 3, 2], [0, 1], [2, 3]),  # 5 | 3, then 2 to the lighter (3), then 1 to the first (5 and 5)
        ([1], [0], []),
        ([], [], []),
        ([2, 2, 2], [0, 2], [1]),
    ],
)
def test_halves_split_by_items_and_keep_the_order(sizes, first, second):
    groups = [[n] * size for n, size in enumerate(sizes)]
    mine, theirs = apart.halves(groups, len)
    assert [g[0] for g in mine] == first and [g[0] for g in theirs] == second


def test_a_small_check_forks_nothing(dossier, store, monkeypatch):
    split(dossier)
    monkeypatch.setattr(apart, "can_fork", lambda: True)
    forked: list[int] = []
    monkeypatch.setattr(apart, "Apart", lambda work: forked.append(1))
    check_module.check(dossier)
    assert forked == []  # four claims, under MIN_CLAIMS_APART
