"""Worker processes for the heavy first build of a library (parsing, tokenising) on every CPU core."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

__all__ = ["cpu_workers", "process_pool"]


def cpu_workers(cap: int = 4) -> int:
    """How many worker processes are worth starting here (1: do the work in this process)."""
    try:
        available = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        available = os.cpu_count() or 1
    return max(1, min(available, cap))


def _die_with_parent(parent: int) -> None:
    """A worker ends when the command that started it is killed, instead of lingering (Linux)."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the pool's own shutdown is all there is
        return
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)


def process_pool(workers: int, *, fresh: bool = False) -> ProcessPoolExecutor:
    """Forked workers (the loaded code is shared, nothing imported again), or ``fresh`` ones (spawned:
    small, for a parent already holding a large library in memory, which a fork would count again)."""
    context = multiprocessing.get_context("spawn" if fresh else "fork")
    return ProcessPoolExecutor(workers, mp_context=context,
                               initializer=_die_with_parent, initargs=(os.getpid(),))
