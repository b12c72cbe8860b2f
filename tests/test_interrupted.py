"""An interrupted build stops whole (issue 28): a build stopped by SIGINT or SIGTERM, or killed,
leaves no process behind and no lock held, and the next build runs at once; a full disk is
an error that names its folder, and the package is the old one or the new one, whole.

Every build here runs in a process group of its own; nothing waits a fixed time: each test
polls for the condition it needs (the build's workers running, the group empty) with a
generous timeout, so that a loaded machine only makes it slower."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractors.dataset import build as building

from .test_nothing_lost import tree

EXTRACT = [sys.executable, "-c", "from extractors.cli import run; run()"]
PATIENCE = 120  # seconds a condition may take to come true on a loaded machine


def poll(condition, what: str, timeout: float = PATIENCE):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.05)
    pytest.fail(f"not within {timeout} s: {what}")


def group(pgid: int) -> list[int]:
    """The live processes of a process group (zombies, reaped by nobody yet, are dead)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def corpus(tmp_path: Path, documents: int = 800) -> Path:
    """An archive long enough that a build is still extracting when it is stopped."""
    sentence = "Russia launched 90 missiles and 60 drones overnight; air defences shot down 70 of them. "
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps({"id": f"d{i}", "text": f"Report {i}. " + sentence * 20}) + "\n"
                            for i in range(documents)), encoding="utf-8")
    return path


def start_build(tmp_path: Path, archive: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([*EXTRACT, "build", "--root", str(tmp_path), "--corpus", str(archive), "--out", str(out),
                             "-j", "2", "-q"], start_new_session=True, stderr=subprocess.PIPE, text=True)


def extracting(build: subprocess.Popen) -> bool:
    """The build's two workers are running (the group holds the build and its workers)."""
    assert build.poll() is None, "the build ended before it could be stopped"
    return len(group(build.pid)) >= 3


def next_build(tmp_path: Path, out: Path) -> None:
    """The next build, started at once, runs (nothing left over holds the lock) and publishes.
    It reads short documents, as many as the package holds (fewer would be refused as a
    shrinking package): what it proves is that it may start, and a second build of the long
    archive would only add a minute to the test command."""
    archive = short_documents(tmp_path / "next.jsonl", "miles")
    done = subprocess.run([*EXTRACT, "build", "--root", str(tmp_path), "--corpus", str(archive), "--out", str(out),
                           "-j", "2", "-q"], capture_output=True, text=True, timeout=10 * PATIENCE)
    assert (done.returncode, done.stderr) == (0, "")
    assert building.validate(out) == []


def short_documents(path: Path, unit: str) -> Path:
    path.write_text("".join(json.dumps({"id": f"s{i}", "text": f"{i} {unit}."}) + "\n" for i in range(300)),
                    encoding="utf-8")
    return path


@pytest.fixture
def package(tmp_path: Path) -> Path:
    out = tmp_path / "pkg"
    building.build(tmp_path, corpus_path=short_documents(tmp_path / "small.jsonl", "km"), out=out, jobs=1)
    return out


@pytest.mark.parametrize("how", ["SIGTERM to the build", "Ctrl-C to the group"])
def test_a_stopped_build_ends_its_workers_removes_its_staging_and_says_so(tmp_path, package, how):
    """Regression: SIGTERM ended the build with no message and no clean-up, and in 7 of 10
    trials one or two workers still ran 10 s later, holding the build lock: the next build
    was refused ("another build is running (pid N); wait for it"). Ctrl-C printed the
    workers' tracebacks."""
    before = tree(package)
    archive = corpus(tmp_path)
    build = start_build(tmp_path, archive, package)
    poll(lambda: extracting(build), "the build's workers start")
    if how == "SIGTERM to the build":
        build.send_signal(signal.SIGTERM)
    else:
        os.killpg(build.pid, signal.SIGINT)
    errors = build.communicate(timeout=PATIENCE)[1]
    assert (build.returncode, errors) == (143 if "TERM" in how else 130, "interrupted: nothing was changed\n")
    poll(lambda: not group(build.pid), "every process of the build has ended")
    assert tree(package) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".pkg.build-")] == []
    next_build(tmp_path, package)


def test_a_killed_build_leaves_no_worker_and_the_next_build_runs_at_once(tmp_path, package):
    """Regression: a build killed with SIGKILL left its workers running, holding its lock."""
    before = tree(package)
    archive = corpus(tmp_path)
    build = start_build(tmp_path, archive, package)
    poll(lambda: extracting(build), "the build's workers start")
    build.kill()
    build.communicate(timeout=PATIENCE)
    poll(lambda: not group(build.pid), "the workers of a killed build end with it")
    assert tree(package) == before
    next_build(tmp_path, package)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".pkg.build-")]


def test_validate_refuses_to_check_a_package_a_build_is_writing(tmp_path, package):
    """Regression (issue 30): `validate` reported false errors while a build published."""
    archive = corpus(tmp_path)
    build = start_build(tmp_path, archive, package)
    poll(lambda: extracting(build), "the build's workers start")
    try:
        checked = subprocess.run([*EXTRACT, "validate", "--root", str(package)], capture_output=True, text=True,
                                 timeout=PATIENCE)
    finally:
        build.kill()
        build.communicate(timeout=PATIENCE)
    assert checked.returncode == 1 and checked.stderr.startswith(f"error: {package.parent / '.pkg.build.lock'}: "
                                                                 "another build is running (pid "), checked.stderr
    assert "validate it when it is done" in checked.stderr


# -- a full disk ----------------------------------------------------------------------------------

def mounted_tmpfs(folder: Path, size: str) -> None:
    folder.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True,
                          text=True)
    if done.returncode:
        pytest.skip(f"LOUD SKIP: the full-disk tests need a small filesystem, and mounting one needs root "
                    f"(CI and the development machines have it): {done.stderr.strip()}")


def free_bytes(folder: Path) -> int:
    stats = os.statvfs(folder)
    return stats.f_bavail * stats.f_frsize


@pytest.fixture
def small_disk(tmp_path: Path):
    disk = tmp_path / "disk"
    mounted_tmpfs(disk, "8m")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], check=False)


def test_a_full_disk_at_any_step_leaves_the_old_package_or_the_new_one(small_disk, monkeypatch, capsys):
    """Regression: a full disk gave `error: (no file named): No space left on device`. The
    disk is filled to leave less and less room, so that the build runs out of it at each
    of its steps in turn (the batches, the tables, DuckDB's Parquet, the card, the journal):
    each time the package is the old one, whole, and the error names the folder; or the new
    one, whole, and the exit status is 0."""
    from .test_reliability import run_cli

    archive = small_disk / "c.jsonl"
    archive.write_text("".join(json.dumps({"id": f"d{i}", "text": f"Report {i}: {i} drones, {i + 3} km away."}) + "\n"
                               for i in range(400)), encoding="utf-8")
    out = small_disk / "pkg"
    building.build(small_disk, corpus_path=archive, out=out, jobs=1)
    old = tree(out)
    archive.write_text(archive.read_text(encoding="utf-8").replace("drones", "missiles"), encoding="utf-8")
    package = sum(len(v) for v in old.values() if v)
    filler = small_disk / "filler"
    outcomes = []
    for room in [0, 4096, 16384, *range(package // 4, 3 * package, package // 4)]:
        filler.unlink(missing_ok=True)
        with filler.open("wb") as handle:
            left = free_bytes(small_disk) - room
            while left > 0:
                written = handle.write(b"\0" * min(left, 1 << 20))
                left -= written
        code, errors = run_cli(monkeypatch, capsys, "build", "--root", str(small_disk), "--corpus", str(archive),
                               "--out", str(out), "-j", "1", "-q")
        if code == 0:
            assert errors == [] and building.validate(out) == [] and tree(out) != old, room
            outcomes.append("new")
            break
        assert len(errors) == 1 and "No space left on device" in errors[0] and \
            errors[0].startswith(f"error: {small_disk}"), (room, errors)
        assert "(no file named)" not in errors[0]
        assert tree(out) == old, room
        assert [p.name for p in small_disk.iterdir() if p.name.startswith(".pkg.")] == [".pkg.build.lock"], room
        outcomes.append("old")
    assert outcomes[-1] == "new" and outcomes.count("old") >= 4, outcomes


def test_a_signal_while_the_workers_start_ends_them(tmp_path, monkeypatch):
    """Regression: a build stopped while its pool of workers was starting (after they were
    forked, before the first batch) left them idle and the build waiting for them, for ever.
    The signal is made to come at that moment: just after the pool's first task is sent."""
    from concurrent.futures import ProcessPoolExecutor

    from extractors.dataset import pipeline, stopping

    pools: list[list] = []  # the workers of the pool, as it sent its first task

    class StoppedWhileStarting(ProcessPoolExecutor):
        def submit(self, *args, **kwargs):
            future = super().submit(*args, **kwargs)
            pools.append(list(self._processes.values()))
            raise stopping.Interrupted(signal.SIGTERM)

    monkeypatch.setattr(pipeline, "ProcessPoolExecutor", StoppedWhileStarting)
    with pytest.raises(stopping.Interrupted):
        pipeline.extract_all(iter([]), tmp_path / "work", jobs=2)
    workers = pools[0]
    alive = [worker for worker in workers if worker.is_alive()]
    stopping.end_processes(alive)  # so that a failure here does not leave this process waiting
    assert workers and not alive


def handles(pid: int, signum: int) -> bool:
    """Whether the process has set a handler of its own for the signal (/proc's SigCgt)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("SigCgt:"):
            return bool(int(line.split()[1], 16) >> (signum - 1) & 1)
    return False


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_the_program_stopped_while_it_loads_says_so_in_one_line(tmp_path, signum):
    """Regression: the kill campaign found `extract` stopped in the second and a half it
    takes to load: SIGTERM ended it without a word (exit -15), Ctrl-C printed a
    KeyboardInterrupt traceback. The installed program sets its handlers first; the
    signal is sent as soon as it has (SIGTERM has no handler in a Python that has not
    set one), while it is still loading."""
    program = Path(sys.executable).parent / "extract"
    if not program.exists():
        pytest.fail(f"{program} is not installed: pip install -e '.[test]'")
    started = subprocess.Popen([str(program), "text", "5 km"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True, start_new_session=True)
    poll(lambda: started.poll() is not None or handles(started.pid, signal.SIGTERM), "the program sets its handlers")
    started.send_signal(signum)
    errors = started.communicate(timeout=PATIENCE)[1]
    assert (started.returncode, errors) == (128 + signum, "interrupted: nothing was changed\n")


def test_the_program_sets_its_handlers_before_it_loads_the_rules():
    """What makes the test above hit the loading: the installed `extract` starts in a
    module that loads only the signal handling, and sets the handlers before anything else."""
    from importlib.metadata import entry_points

    (script,) = [e for e in entry_points(group="console_scripts") if e.name == "extract"]
    assert script.value == "extractors.command:main"
    loaded = subprocess.run([sys.executable, "-c", "import sys, extractors.command; print(sorted(sys.modules))"],
                            capture_output=True, text=True, check=True).stdout
    heavy = [name for name in ("extractors.cli", "typer", "extractors.reading.engine", "regex", "pint", "duckdb")
             if f"'{name}'" in loaded]
    assert heavy == []
