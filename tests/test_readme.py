"""Every example of the README works as written: the commands of its "Use" block and its
Python example, run against this repository."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent
SHARED = ROOT.parent / "shared" / "corpora"


def _use_commands() -> list[str]:
    block = README.split("## Use", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    return [line.split("   #")[0].strip() for line in block.strip().splitlines() if line.strip()]


# `extract validate` on the repository builds it afresh to compare bytes: over a minute of
# CPU, as long as a third of the rest of the suite. .ci/run runs it as written on every clean
# clone, after the build it re-checks; the test command checks that it does.
RUN_BY_CI = {".venv/bin/extract validate"}


def test_ci_runs_the_use_commands_the_test_command_leaves_to_it():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert RUN_BY_CI <= set(_use_commands())
    for command in RUN_BY_CI:
        assert command in ci, f".ci/run must run `{command}`"


@pytest.mark.parametrize("command", [c for c in _use_commands() if c not in RUN_BY_CI])
def test_every_use_command_runs(command):
    if ("--war" in command or "--conflict" in command or "--transcripts" in command) and not SHARED.is_dir():
        pytest.skip("../shared/corpora not present")
    argv = shlex.split(command)
    program = argv[0].replace(".venv/bin/", "")
    executable = BIN / program
    if not executable.exists():
        pytest.fail(f"{program} is not installed in {BIN}: the README promises it (pip install -e '.[test]')")
    result = subprocess.run([str(executable), *argv[1:]], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{command}\n{result.stderr}"
    assert result.stdout.strip(), command


def test_the_python_example_prints_what_the_readme_says():
    block = README.split("From Python:", 1)[1].split("```python", 1)[1].split("```", 1)[0]
    code = "\n".join(line for line in block.splitlines() if not line.startswith("#"))
    expected = [line[2:] for line in block.splitlines() if line.startswith("# ")]
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines() == expected
