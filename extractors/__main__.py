"""`python -m extractors`: the `extract` command."""

from .command import main

main()
