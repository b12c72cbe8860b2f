"""`python -m extractors`: the `extract` command."""

from .cli import run

run()
