"""Work on every core: forked worker processes take a job's items in chunks, and the results come
back in the items' order, so the output is the same bytes however many workers there are and
however the work was shared. Forked, the workers inherit the checked dossier and the compiled
templates (nothing is pickled on the way in but item numbers); only results travel back. Where
fork is not available, or there is one core, or few items, the items are done in this process."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from typing import Any

# The job of the pool being started: set while it forks, so each worker has it.
_JOB: Callable[[int], Any] | None = None


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


class Ordered:
    """`job(0)`, `job(1)`, ... `job(count - 1)`, in that order. With more than one worker the
    workers start at once (this process is free meanwhile); iterate to take the results, and
    close (or use as a context manager) to stop the workers."""

    def __init__(self, job: Callable[[int], Any], count: int, workers: int | None = None, chunk: int = 8):
        global _JOB
        self.job, self.count, self.chunk = job, count, chunk
        self.pool = None
        # A worker is worth its start (a fork, its share of the results' pickling) past a few chunks.
        workers = min(cores() if workers is None else workers, count // (4 * chunk))
        if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
            return
        _JOB = job
        try:
            self.pool = multiprocessing.get_context("fork").Pool(workers)
        finally:
            _JOB = None

    def __iter__(self) -> Iterator[Any]:
        if self.pool is None:
            yield from map(self.job, range(self.count))
            return
        starts = range(0, self.count, self.chunk)
        for results in self.pool.imap(_run, [range(s, min(s + self.chunk, self.count)) for s in starts]):
            yield from results

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None

    def __enter__(self) -> Ordered:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _run(items: range) -> list:
    assert _JOB is not None, "a worker without its job"
    return [_JOB(i) for i in items]
