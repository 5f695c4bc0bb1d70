"""Work on every core: forked worker processes take a job's items in chunks, and the results come
back in the items' order, so the output is the same bytes however many workers there are and
however the work was shared. Forked, the workers inherit the checked dossier and the compiled
templates (nothing is pickled on the way in but item numbers); only results travel back. Where
fork is not available, or there is one core, or few items, the items are done in this process."""

from __future__ import annotations

import concurrent.futures
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
    close (or use as a context manager) to stop the workers. A worker that dies (killed, out of
    memory) is an error here (BrokenProcessPool), never a wait without end."""

    def __init__(self, job: Callable[[int], Any], count: int, workers: int | None = None, chunk: int = 8):
        global _JOB
        self.job, self.count = job, count
        self.pool: concurrent.futures.ProcessPoolExecutor | None = None
        self.results: Iterator[Any] | None = None
        # A worker is worth its start (a fork, its share of the results' pickling) past a few chunks.
        workers = min(cores() if workers is None else workers, count // (4 * chunk))
        if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
            return
        _JOB = job
        try:  # with fork, the executor forks every worker on the first submission: they have the job
            self.pool = concurrent.futures.ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
            self.results = self.pool.map(_run, range(count), chunksize=chunk)
        finally:
            _JOB = None

    def __iter__(self) -> Iterator[Any]:
        if self.results is None:
            return map(self.job, range(self.count))
        return self.results

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def __enter__(self) -> Ordered:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _run(n: int) -> Any:
    assert _JOB is not None, "a worker without its job"
    return _JOB(n)
