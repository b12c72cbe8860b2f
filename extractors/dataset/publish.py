"""Publishing a staged package in place of the last one, crash-safe at every step.

A build writes and validates the whole package in a staging folder beside its target, then
swaps it in. The swap moves names (`dist`, `datapackage.json`, `schema`, or one package
folder) and must leave, whatever kills the process and wherever, either the old package or
the new one, whole: never a mix, never nothing, and never the old one once the new one has
been declared published. It is a small journal in the folder that holds the old package:

1. `.dist-previous.new/` is written with `names.json` (the names the old package has), then
   renamed to `.dist-previous/`: from that rename on, recovery knows what the old package was.
2. Each old name is moved into it, then each staged name into place.
3. `COMMITTED` is written in it: from here on the new package stands.
4. It is renamed to a `.dist-retired-*` folder, which is then deleted.

`recover` reads the journal: committed, it finishes step 4; otherwise it puts every old name
back (removing any new one by renaming it to a retired folder first) and then retires the
journal. Each of its steps can be cut short too, and running it again finishes the job.

Staging and scratch folders hold a lock of their own (`_scratch`), so the next run removes
those of a killed process and never those of a live one.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

JOURNAL = "names.json"
COMMITTED = "COMMITTED"
# A scratch folder without its lock file yet, younger than this, may be one being created.
CREATING_SECONDS = 60


def _no_fault(step: str) -> None:
    pass


# Called before each filesystem step of the swap and of recovery, with the step's name: the
# tests kill the process there, one step at a time.
fault: Callable[[str], None] = _no_fault


@dataclass(frozen=True)
class Layout:
    """Where a build publishes: the names it replaces in `home`, its lock and staging."""

    home: Path
    names: tuple[str, ...]
    package: str          # the package folder among `names`
    prefix: str           # of the paths in the top descriptor
    previous: str
    staging_prefix: str
    lock: Path

    @property
    def parts(self) -> Path:
        """Where a cluster build keeps its shards' parts until the package is published, so
        that a rerun after an interruption recomputes only what is missing."""
        return self.home / f".{self.package}.parts"

    @property
    def retired_prefix(self) -> str:
        return f"{self.previous}-retired-"

    @classmethod
    def repository(cls, root: Path) -> "Layout":
        root = root.resolve()
        return cls(root, ("dist", "datapackage.json", "schema"), "dist", "dist/", PREVIOUS, ".build-", root / LOCK)

    @classmethod
    def folder(cls, out: Path) -> "Layout":
        # Resolved: `pkg/../pkg` names pkg's parent through pkg itself, which the swap moves
        # aside (a regression: the package could not be put back).
        out = out.resolve()
        return cls(out.parent, (out.name,), out.name, "", f".{out.name}.previous", f".{out.name}.build-",
                   out.parent / f".{out.name}.build.lock")


LOCK = ".build.lock"
# The journal of a swap in progress (see the module's docstring).
PREVIOUS = ".dist-previous"


def swap(staging: Path, layout: Layout) -> None:
    """Replace the published names with the staged ones (steps 1 to 4 above). An error (a
    full disk, a permission) is undone at once; a killed process is undone by `recover`."""
    home = layout.home
    previous, pending = home / layout.previous, home / f"{layout.previous}.new"
    _sync_tree(staging)
    old = [name for name in layout.names if os.path.lexists(home / name)]
    try:
        fault("write the journal")
        pending.mkdir()
        _write_synced(pending / JOURNAL, json.dumps({"old": old}))
        fault("put the journal in place")
        pending.rename(previous)
        _sync_dir(home)
        for name in old:
            fault(f"move the old {name} aside")
            (home / name).rename(previous / name)
        for name in layout.names:
            fault(f"move the new {name} in")
            (staging / name).rename(home / name)
        _sync_dir(home)
        fault("commit")
        _write_synced(previous / COMMITTED, "")
    except BaseException:
        recover(layout)
        raise
    _retire(previous, layout)


def recover(layout: Layout) -> None:
    """Finish or undo a swap that was cut short (see the module's docstring); does nothing
    when none was. Safe to run at any time, and again after it is cut short itself."""
    home = layout.home
    previous, pending = home / layout.previous, home / f"{layout.previous}.new"
    if pending.exists():
        fault("recover: remove an unplaced journal")
        _retire(pending, layout)
    if previous.exists():
        if not (previous / COMMITTED).exists():
            old = _journal(previous, layout)
            for name in layout.names:
                aside = previous / name
                if name in old and not os.path.lexists(aside):
                    continue  # never moved aside, or already put back
                if os.path.lexists(home / name):
                    fault(f"recover: remove the new {name}")
                    _retire(home / name, layout)
                if name in old:
                    fault(f"recover: put the old {name} back")
                    aside.rename(home / name)
            _sync_dir(home)
        fault("recover: retire the journal")
        _retire(previous, layout)
    for retired in sorted(home.glob(layout.retired_prefix + "*")):
        fault("recover: delete a retired folder")
        _delete(retired)


def _journal(previous: Path, layout: Layout) -> list[str]:
    """The old package's names. A journal without its file is one whose first step wrote
    the folder only: nothing was moved yet, so nothing of the old package is in it."""
    try:
        return json.loads((previous / JOURNAL).read_text(encoding="utf-8"))["old"]
    except FileNotFoundError:
        return [name for name in layout.names if os.path.lexists(previous / name)]


def _retire(path: Path, layout: Layout) -> None:
    """Take a path out of the package at once (one rename), then delete it at leisure."""
    retired = layout.home / f"{layout.retired_prefix}{uuid.uuid4().hex}"
    path.rename(retired)
    fault("delete a retired folder")
    _delete(retired)


def _delete(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _write_synced(path: Path, text: str) -> None:
    with path.open("w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())


def _sync_dir(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _sync_tree(folder: Path) -> None:
    """Flush the staged files to disk before they are published: a power cut after the swap
    must not find published names pointing at unwritten data."""
    for directory, _, files in os.walk(folder):
        for name in files:
            descriptor = os.open(os.path.join(directory, name), os.O_RDONLY)
            try:
                os.fsync(descriptor)
            finally:
                os.close(descriptor)
        _sync_dir(Path(directory))


# The open files by which this process holds a lock (its build lock, its scratch folders'
# locks). A process forked from it (a worker) closes its copies at once: a lock belongs to
# the process that took it, and a worker left running by a killed build must never keep it
# (a regression: orphan workers held the build lock, and the next build was refused).
_HELD: set = set()


def _forget_held_locks() -> None:
    for handle in list(_HELD):
        try:
            handle.close()
        except OSError:
            pass
    _HELD.clear()


os.register_at_fork(after_in_child=_forget_held_locks)


@contextlib.contextmanager
def held(path: Path, mode: str = "a+"):
    """An open file whose lock only this process holds (see _HELD)."""
    handle = path.open(mode)
    _HELD.add(handle)
    try:
        yield handle
    finally:
        _HELD.discard(handle)
        handle.close()


@contextlib.contextmanager
def locked(lock: Path, what: str = "build", *, wait: bool = False, shared: bool = False):
    """One build at a time into a target: a second one stops with a clear message (or, with
    `wait`, waits its turn). `shared` holds it beside other shared holders (readers), never
    beside an exclusive one. The lock is the kernel's (fcntl), so a killed process never
    leaves it held."""
    with held(lock) as handle:
        kind = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
        try:
            fcntl.flock(handle, kind | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            raise LockedError(f"{lock}: another {what} is running (pid {holder}); wait for it") from None
        if not shared:
            handle.seek(0)
            handle.truncate()
            handle.write(str(os.getpid()))
            handle.flush()
        yield


class LockedError(Exception):
    """Another process holds the lock."""


HELD = ".held"


@contextlib.contextmanager
def scratch(home: Path, prefix: str):
    """A temporary folder in `home`, removed on exit, and by the next `scratch` of the same
    prefix if this process is killed: it holds a lock (fcntl) on a file of its own for as
    long as it lives, so a folder whose lock is free is abandoned."""
    remove_abandoned(home, prefix)
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=home))
    try:
        with held(folder / HELD, "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def remove_abandoned(home: Path, prefix: str) -> list[Path]:
    """Delete the scratch folders of `prefix` in `home` that no live process holds."""
    removed = []
    for folder in sorted(home.glob(prefix + "*")):
        if not folder.is_dir() or folder.is_symlink():
            continue
        try:
            handle = (folder / HELD).open("r")
        except FileNotFoundError:
            if time.time() - folder.stat().st_mtime < CREATING_SECONDS:
                continue  # being created this moment
            handle = None
        except OSError:
            continue
        try:
            if handle is not None:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    continue  # alive
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
        finally:
            if handle is not None:
                handle.close()
    return removed
