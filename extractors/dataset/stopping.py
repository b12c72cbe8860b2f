"""An interrupted build stops whole (issue 28): SIGINT and SIGTERM unwind the command as an
exception, so that every `finally` runs (workers ended, staging removed, lock released), and
the processes it forks end with it even where it dies without a chance to clean up.

- `handling_signals()` (the command line's process): SIGINT and SIGTERM raise `Interrupted`,
  which the command line reports in one line and exits with 128 + the signal's number.
- `deferred(outcome)`: a step that must not be cut in two (the swap, the write of the
  provenance) finishes first; a signal that came meanwhile is raised after it, saying what
  was done.
- `as_worker()` (the initializer of every process a command forks): the kernel kills it
  when its parent dies (PR_SET_PDEATHSIG), it ignores the terminal's Ctrl-C (its parent
  stops it), and SIGTERM ends it plainly, without a traceback. A lock its parent held it
  never holds (publish._HELD).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal

NOTHING_CHANGED = "nothing was changed"


class Interrupted(BaseException):
    """SIGINT or SIGTERM: a BaseException, as KeyboardInterrupt, so that no `except
    Exception` takes it for an error of the input."""

    def __init__(self, signum: int, outcome: str = NOTHING_CHANGED):
        super().__init__(f"{signal.Signals(signum).name}: {outcome}")
        self.signum = signum
        self.outcome = outcome

    @property
    def exit_status(self) -> int:
        return 128 + self.signum


_STATE = {"deferring": 0, "pending": None}
STOPPING = (signal.SIGINT, signal.SIGTERM)


def raise_interrupted(signum: int, frame) -> None:
    """The handler of SIGINT and SIGTERM in the command line's process."""
    if _STATE["deferring"]:
        _STATE["pending"] = signum
        return
    raise Interrupted(signum)


@contextlib.contextmanager
def handling_signals():
    """SIGINT and SIGTERM raise Interrupted in this process while the block runs (the handlers
    before it are put back after: a test's process, a caller's)."""
    before = {signum: signal.signal(signum, raise_interrupted) for signum in STOPPING}
    try:
        yield
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)


@contextlib.contextmanager
def deferred(outcome: str):
    """Run the block whole: a signal that comes meanwhile is raised once it is done, as an
    Interrupted that says `outcome` (what the block did)."""
    _STATE["deferring"] += 1
    try:
        yield
    finally:
        _STATE["deferring"] -= 1
    pending = _STATE["pending"]
    if pending is not None and not _STATE["deferring"]:
        _STATE["pending"] = None
        raise Interrupted(pending, outcome)


_PR_SET_PDEATHSIG = 1


def as_worker(parent: int | None = None) -> None:
    """Set up a process forked by a command (see the module's docstring); `parent` is the
    pid it was forked from, checked after the kernel is asked, for a parent that died
    before."""
    parent = parent or os.getppid()
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the parent's `finally` still ends its workers
        pass
    if os.getppid() != parent:
        os._exit(1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _STATE["deferring"], _STATE["pending"] = 0, None


def end_processes(processes) -> None:
    """Kill processes a command started and reap them (a stopped build waits for no batch)."""
    for process in processes:
        with contextlib.suppress(Exception):
            process.kill()
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(30)
