"""Kill `extract build` at random moments (issue 28; not run in CI): no process survives, the
package is the old one or the new one, whole, and the next build runs at once.

    .venv/bin/python scripts/kill_campaign.py --trials 60 --seed 1
    .venv/bin/python scripts/kill_campaign.py --trials 20 --signals KILL --jobs 2

Each trial starts a build of an archive (two versions alternate, so that the old and the new
package differ) into a package folder, in a process group of its own; after a random delay
(uniform, up to 1.2 times an uninterrupted build's time) it sends SIGKILL or SIGTERM to the
build's process, or SIGINT to its group (a terminal's Ctrl-C), and then checks:
- the build's exit (130 for SIGINT, 143 for SIGTERM, with the line "interrupted: ...";
  or 0 where the build had ended first);
- how long until no process of the group is left (the limit: 1 s after the build's own
  process is gone);
- the package in place is the old one or the new one, byte for byte, and validates;
- the next build, started at once, succeeds (no lock held by anything left over).
The summary counts each outcome by signal; the exit status is 1 where any check failed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.test_interrupted import group  # noqa: E402  (the suite's own: the live processes of a group)

# The installed program's entry point (pyproject.toml), which sets its handlers before it loads.
EXTRACT = [sys.executable, "-c", "from extractors.command import main; main()"]
SURVIVOR_LIMIT = 1.0


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def write_archive(path: Path, documents: int, version: int) -> None:
    sentence = "Russia launched 90 missiles and 60 drones overnight; air defences shot down 70 of them. "
    path.write_text("".join(json.dumps({"id": f"d{i}", "text": f"Report {i}, version {version}. " + sentence * 20})
                            + "\n" for i in range(documents)), encoding="utf-8")


def build_command(home: Path, archive: Path, out: Path, jobs: int) -> list[str]:
    return [*EXTRACT, "build", "--root", str(home), "--corpus", str(archive), "--out", str(out), "-j", str(jobs), "-q"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=30)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--documents", type=int, default=3000, help="documents in the archive built")
    parser.add_argument("--signals", default="KILL,TERM,INT", help="comma-separated: KILL, TERM, INT (to the group)")
    args = parser.parse_args(argv)
    chosen = args.signals.split(",")
    rng = random.Random(args.seed)
    home = Path(tempfile.mkdtemp(prefix="newsfigures-kill-"))
    archive, out = home / "c.jsonl", home / "pkg"
    try:
        packages = {}
        for version in (0, 1):
            write_archive(archive, args.documents, version)
            started = time.monotonic()
            subprocess.run(build_command(home, archive, out, args.jobs), check=True)
            seconds = time.monotonic() - started
            packages[version] = files(out)
        print(f"an uninterrupted build: {seconds:.1f} s; {args.trials} trials, signals {chosen}, seed {args.seed}",
              flush=True)
        current = 1
        tally: dict[str, dict[str, int]] = {}
        slowest_end = 0.0
        failures = []
        for trial in range(args.trials):
            name = chosen[trial % len(chosen)]
            delay = rng.uniform(0, 1.2 * seconds)
            write_archive(archive, args.documents, 1 - current)
            build = subprocess.Popen(build_command(home, archive, out, args.jobs), start_new_session=True,
                                     stderr=subprocess.PIPE, text=True)
            time.sleep(delay)
            if name == "INT":
                try:
                    os.killpg(build.pid, signal.SIGINT)
                except ProcessLookupError:
                    pass
            elif build.poll() is None:
                build.send_signal(getattr(signal, f"SIG{name}"))
            errors = build.communicate()[1]
            gone = time.monotonic()
            while group(build.pid) and time.monotonic() - gone < 30:
                time.sleep(0.01)
            ended = time.monotonic() - gone
            slowest_end = max(slowest_end, ended)
            state = files(out)
            package = "new" if state == packages[1 - current] else "old" if state == packages[current] else "broken"
            expected_status = {"KILL": -9, "TERM": 143, "INT": 130}[name]
            status_ok = build.returncode in (0, expected_status) and \
                (build.returncode != expected_status or name == "KILL" or errors.startswith("interrupted: "))
            following = subprocess.run(build_command(home, archive, out, args.jobs), capture_output=True, text=True)
            current = 1 - current  # the next build published version 1 - current
            outcome = tally.setdefault(name, {"trials": 0, "ended first": 0, "old": 0, "new": 0, "broken": 0,
                                              "survivors after 1 s": 0, "next build failed": 0, "bad exit": 0})
            outcome["trials"] += 1
            outcome["ended first"] += build.returncode == 0
            outcome[package] += 1
            outcome["survivors after 1 s"] += ended > SURVIVOR_LIMIT
            outcome["next build failed"] += following.returncode != 0
            outcome["bad exit"] += not status_ok
            if package == "broken" or ended > SURVIVOR_LIMIT or following.returncode or not status_ok:
                failures.append(f"trial {trial} SIG{name} after {delay:.2f} s: exit {build.returncode} "
                                f"{errors.strip()[-200:]!r}, package {package}, processes gone after {ended:.2f} s, "
                                f"next build {following.returncode} {following.stderr.strip()[-200:]!r}")
                print(failures[-1], flush=True)
        print(json.dumps(tally, indent=1))
        print(f"slowest end of every process after the build's own: {slowest_end:.2f} s")
        print(f"failed checks: {len(failures)}")
        return 1 if failures else 0
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
