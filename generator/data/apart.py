"""A forked second process's work and its answer down a pipe (`Apart`: data/prepare.py's, the
validator's, and data/check.py's, which looks for two pages on one path while the data are
checked); and the claims files' own checks shared with one, when many files have no
verdict in the cache (a first check, a new version of the checker, an edit every verdict depends
on) and a second core is free.

The validator has read every file and checked the sources by then; the second process, a copy
of it made by `fork`, checks the claims of half the files that need it and sends back what the
cache would have held for each: its verdict (data/verdicts.py) and the proofs its quotes used,
as plain JSON. The first checks the other half meanwhile, then takes those answers as stored
verdicts are taken (checked, and refused for any fault of shape: `verdicts.from_entry`), so an
answer lost, cut short or garbled costs time, never a result: the files it should have answered
are checked here.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import orjson

from .cache import can_fork, encode

# Fewer claims to check than this are checked sooner by one process than by forking a second
# (a fork of a large check's process costs some tens of milliseconds; a claim's checks, about 0.07).
MIN_CLAIMS_APART = 1000

Item = TypeVar("Item")


def halves(items: list[Item], weight: Callable[[Item], int]) -> tuple[list[Item], list[Item]]:
    """Two lists of about the same weight, the heaviest items placed first (greedy); the items of
    each in their given order."""
    sizes, chosen = [0, 0], ([], [])  # type: tuple[list[int], tuple[list[int], list[int]]]
    weights = [weight(item) for item in items]
    for n in sorted(range(len(items)), key=lambda n: (-weights[n], n)):
        lighter = 0 if sizes[0] <= sizes[1] else 1
        chosen[lighter].append(n)
        sizes[lighter] += weights[n]
    return [items[n] for n in sorted(chosen[0])], [items[n] for n in sorted(chosen[1])]


def pays(groups: Sequence[Sequence]) -> bool:
    return sum(len(g) for g in groups) >= MIN_CLAIMS_APART and len(groups) >= 2 and can_fork()


def in_json(work: Callable[[], Any]) -> Callable[[], bytes]:
    """`work`'s plain data as JSON (read back by `loads`)."""
    return lambda: encode(work())


def loads(body: bytes) -> Any:
    """What `in_json` wrote, or None for anything else (nothing, half of it)."""
    try:
        return orjson.loads(body)
    except ValueError:
        return None


class Apart:
    """`work` run in a forked second process (data/prepare.py's, the validator's);
    `answer()` waits for the bytes it returned: none when it failed, was killed or never
    started (`started`: a fork refused leaves the work to the caller)."""

    def __init__(self, work: Callable[[], bytes]) -> None:
        self._pid = 0
        self._reader = -1
        reader, writer = os.pipe()
        try:
            pid = os.fork()
        except OSError:  # no memory or no process to spare: the caller does it all
            os.close(reader)
            os.close(writer)
            return
        if pid == 0:  # the second process: its answer down the pipe, then gone
            status = 1
            try:
                os.close(reader)
                body = work()
                with os.fdopen(writer, "wb") as out:
                    out.write(body)
                status = 0
            finally:
                os._exit(status)  # never the parent's cleanup, buffers or exit handlers
        os.close(writer)
        self._pid, self._reader = pid, reader

    @property
    def started(self) -> bool:
        return self._pid != 0

    def answer(self) -> bytes:
        if not self._pid:
            return b""
        reader, self._reader = self._reader, -1  # closed by the file object, whatever happens
        try:
            with os.fdopen(reader, "rb") as pipe:
                body = pipe.read()
        except BaseException:  # interrupted while waiting: not a moment more for the second process
            self._kill()
            raise
        finally:
            self._reap()
        return body

    def cancel(self) -> None:
        """The first process was interrupted: the second's work is of no use any more."""
        if self._pid:
            self._kill()
            if self._reader >= 0:
                with contextlib.suppress(OSError):
                    os.close(self._reader)
                self._reader = -1
            self._reap()

    def _kill(self) -> None:
        with contextlib.suppress(OSError):
            os.kill(self._pid, signal.SIGKILL)

    def _reap(self) -> None:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self._pid, 0)
        self._pid = 0
