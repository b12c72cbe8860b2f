"""Publishing survives being killed: at every filesystem step of the swap, and again at every
step of the recovery that follows, the published package is afterwards the old one or the new
one, whole (bad input, defects 7 and 8)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractors.dataset import build as building
from extractors.dataset import publish
from extractors.dataset.publish import Layout

from .conftest import snapshot

KILLED = 70


def fake_package(folder: Path, tag: str, names: tuple[str, ...]) -> None:
    """A package's names with contents that say which package they are."""
    for name in names:
        if name.endswith(".json"):
            (folder / name).write_text(f'{{"package": "{tag}"}}', encoding="utf-8")
        else:
            (folder / name).mkdir(parents=True)
            for file in ("a.csv", "b.parquet", "README.md"):
                (folder / name / file).write_text(f"{tag} {name}/{file}", encoding="utf-8")


def published(layout: Layout) -> dict[str, str]:
    files = {}
    for name in layout.names:
        path = layout.home / name
        for file in [path] if path.is_file() else sorted(path.rglob("*")):
            if file.is_file():
                files[file.relative_to(layout.home).as_posix()] = file.read_text(encoding="utf-8")
    return files


def leftovers(layout: Layout) -> list[str]:
    return sorted(p.name for p in layout.home.iterdir() if p.name not in layout.names and p.name != "keep")


def steps(action) -> list[str]:
    """The fault points an action passes, in order, from a run that is not killed."""
    seen = []
    publish.fault = seen.append
    try:
        action()
    finally:
        publish.fault = publish._no_fault
    return seen


def killed_at(index: int, action, layout: Layout) -> int:
    """Run `action` in a child process killed at its index-th fault point; its exit status."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        passed = [0]

        def die(step: str) -> None:
            if passed[0] == index:
                if step == "delete a retired folder":  # killed half way through a deletion
                    for retired in layout.home.glob(layout.retired_prefix + "*"):
                        for file in sorted(retired.rglob("*"))[:2]:
                            if file.is_file():
                                file.unlink()
                os._exit(KILLED)
            passed[0] += 1

        publish.fault = die
        try:
            action()
        except BaseException:
            os._exit(1)
        os._exit(0)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


def setup(layout: Layout, old: bool) -> Path:
    for path in list(layout.home.iterdir()):
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    if old:
        fake_package(layout.home, "old", layout.names)
    staging = layout.home / f"{layout.staging_prefix}test"
    staging.mkdir()
    fake_package(staging, "new", layout.names)
    return staging


LAYOUTS = {"repository": lambda home: Layout.repository(home),
           "folder": lambda home: Layout.folder(home / "out")}


@pytest.mark.parametrize("kind", LAYOUTS)
@pytest.mark.parametrize("had_a_package", [True, False], ids=["replacing", "first-build"])
def test_a_swap_killed_at_any_step_then_a_recovery_killed_at_any_step_leaves_old_or_new(tmp_path, kind, had_a_package):
    layout = LAYOUTS[kind](tmp_path / "home")
    layout.home.mkdir()
    staging = setup(layout, had_a_package)
    old = published(layout)
    publish.swap(staging, layout)
    new = published(layout)
    assert new != old and leftovers(layout) == [f"{layout.staging_prefix}test"]
    staging = setup(layout, had_a_package)
    swap_steps = steps(lambda: publish.swap(staging, layout))
    commit = swap_steps.index("commit")
    tried = 0
    for kill in range(len(swap_steps)):
        staging = setup(layout, had_a_package)
        assert killed_at(kill, lambda: publish.swap(staging, layout), layout) == KILLED
        interrupted = {p: p.read_bytes() if p.is_file() else None for p in layout.home.rglob("*")}
        for second in range(20):
            # Put the interrupted state back, then kill the recovery at its `second` step.
            for path in sorted(layout.home.rglob("*"), reverse=True):
                if path not in interrupted:
                    shutil.rmtree(path) if path.is_dir() else path.unlink()
            for path in sorted(interrupted, key=lambda p: len(p.parts)):
                if interrupted[path] is None:
                    path.mkdir(exist_ok=True)
                else:
                    path.write_bytes(interrupted[path])
            status = killed_at(second, lambda: publish.recover(layout), layout)
            publish.recover(layout)  # what the next build does first
            state = published(layout)
            expected = new if kill > commit else old
            assert state == expected, (swap_steps[kill], second, status)
            assert leftovers(layout) == [f"{layout.staging_prefix}test"], (swap_steps[kill], second)
            tried += 1
            if status == 0:
                break  # the recovery ran to its end before the `second` step: no more points
        else:
            pytest.fail("a recovery of more than 20 steps")
    assert tried > len(swap_steps)


def test_an_error_during_the_swap_is_undone_at_once(tmp_path, monkeypatch):
    layout = Layout.repository(tmp_path)
    staging = setup(layout, True)
    old = published(layout)

    def full_disk(step: str) -> None:
        if step == "move the new schema in":
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(publish, "fault", full_disk)
    with pytest.raises(OSError, match="No space"):
        publish.swap(staging, layout)
    assert published(layout) == old and leftovers(layout) == [f"{layout.staging_prefix}test"]


def test_abandoned_scratch_folders_are_removed_and_live_ones_kept(tmp_path):
    with publish.scratch(tmp_path, ".build-") as live:
        abandoned = Path(publish.tempfile.mkdtemp(prefix=".build-", dir=tmp_path))
        (abandoned / publish.HELD).write_text("", encoding="utf-8")
        (abandoned / "quantities.csv").write_text("half", encoding="utf-8")
        removed = publish.remove_abandoned(tmp_path, ".build-")
        assert removed == [abandoned] and live.is_dir()
    assert list(tmp_path.iterdir()) == []


def test_a_killed_validate_leaves_no_scratch_folder_behind(tmp_path):
    """Regression (bad input, defect 7): a killed `validate` left /tmp/.check-* folders."""
    home = tmp_path / "tmp"
    home.mkdir()
    code = ("import os, sys; from pathlib import Path; from extractors.dataset import publish\n"
            "with publish.scratch(Path(sys.argv[1]), 'newsfigures-check-') as folder:\n"
            "    (folder / 'texts.csv').write_text('x'); os._exit(9)\n")
    assert subprocess.run([sys.executable, "-c", code, str(home)]).returncode == 9
    (stale,) = home.iterdir()
    os.utime(stale, (time.time() - 3600,) * 2)
    with publish.scratch(home, "newsfigures-check-"):
        assert [p.name for p in home.iterdir() if p != stale] and not stale.exists()


def test_a_build_killed_while_deleting_the_old_package_then_a_failing_build(repo):
    """Regression (bad input, defect 8): a build killed while the previous package was being
    deleted, then a build that fails on bad input, left dist/ holding only README.md."""
    import hashlib

    before = snapshot(repo)
    article = next((repo / "corpus").glob("000_*.txt"))
    article.write_text(article.read_text(encoding="utf-8") + " Russia launched 90 missiles.", encoding="utf-8")
    provenance = repo / "corpus" / "provenance.csv"
    listing = provenance.read_text(encoding="utf-8")
    digest = next(line for line in listing.splitlines() if line.startswith("000_")).split(",")[7]
    provenance.write_text(listing.replace(digest, hashlib.sha256(article.read_bytes()).hexdigest()), encoding="utf-8")
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child, killed half way through deleting the old package
        def die(step: str) -> None:
            if step == "delete a retired folder":
                for file in sorted(repo.glob(".dist-previous-retired-*/dist/*"))[:3]:
                    file.unlink()
                os._exit(KILLED)

        publish.fault = die
        building.build(repo, jobs=1)
        os._exit(0)
    assert os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == KILLED
    new = snapshot(repo)
    assert new != before and building.validate(repo) == []
    provenance.write_text(provenance.read_text(encoding="utf-8") + "not,a,row\n", encoding="utf-8")
    from extractors.dataset.corpus import CorpusError

    with pytest.raises(CorpusError):
        building.build(repo)
    assert snapshot(repo) == new and building.validate(repo) == []
    assert not [p for p in repo.iterdir() if p.name.startswith((".dist-previous", ".build-"))]
