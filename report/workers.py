"""Turn the independent pieces of a build into work for a pool of processes, one per core.

Writing the DOCX, laying out the report part and laying out each factsheet
do not depend on each other's work, only on the Document, so on a machine
with idle cores they run side by side in worker processes. Every piece is a
pure function of what it is given, so the bytes of a build never depend on
how many workers made them; with one worker the pieces run in this process,
one after another, through the same code.

Workers are forked on Unix, all at once before the pool starts its own
thread, so they start with the build's modules already imported; where
fork is missing they are spawned.

A worker never outlives its build. Killed from outside (SIGKILL, the OOM
killer), a build runs no cleanup, and a worker left behind would wait for
work for good while holding the build's output pipe open, so whoever started
the build would wait for ever too. On Linux each worker asks the kernel for
SIGKILL when the thread that forked it dies (prctl PR_SET_PDEATHSIG); the
build forks its workers from the thread that runs it, which outlives the pool.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager


def default_workers() -> int:
    """All cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:          # not on Linux
        return os.cpu_count() or 1


class Workers:
    """Where a build's pieces are made: `submit` as with an Executor; `count` says how many run at once."""

    def __init__(self, executor: Executor | None, count: int):
        self._executor = executor
        self.count = count

    def submit(self, function: Callable, *args) -> Future:
        if self._executor is not None:
            return self._executor.submit(function, *args)
        done: Future = Future()
        try:
            done.set_result(function(*args))
        except Exception as error:          # raised again by done.result(), as from a worker
            done.set_exception(error)
        return done


@contextmanager
def workers(count: int | None = None) -> Iterator[Workers]:
    """A pool of `count` worker processes (default: one per core); with one, this process does the work."""
    count = default_workers() if count is None else max(1, count)
    if count == 1:
        yield Workers(None, 1)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with ProcessPoolExecutor(count, mp_context=context, initializer=die_with_parent,
                             initargs=(os.getpid(),)) as executor:
        yield Workers(executor, count)


_PR_SET_PDEATHSIG = 1       # linux/prctl.h


def die_with_parent(parent: int) -> None:
    """Have the kernel kill this process when its parent dies; exit now if the parent is already gone."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG) failed")
    if os.getppid() != parent:       # the parent died before the request took effect
        os._exit(1)
