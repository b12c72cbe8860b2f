"""The `extract` program's entry point. SIGINT and SIGTERM are handled from its first
instructions, before the command line and the rules are loaded (a second and a half): a
Ctrl-C then printed a KeyboardInterrupt traceback, a SIGTERM ended it without a word. Only
`extractors.dataset.stopping` is loaded first."""

from __future__ import annotations

import signal
import sys

from .dataset import stopping


def main() -> None:
    for signum in stopping.STOPPING:
        signal.signal(signum, stopping.raise_interrupted)
    try:
        from .cli import run

        run()
    except stopping.Interrupted as stopped:  # while loading, or between loading and `run`
        sys.stderr.write(f"interrupted: {stopped.outcome}\n")
        sys.exit(stopped.exit_status)
