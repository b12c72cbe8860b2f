"""A long fuzz campaign on the properties of tests/test_properties.py (not run in CI).

    .venv/bin/python scripts/fuzz.py --examples 200000 --seed 1     # Hypothesis, one core
    .venv/bin/python scripts/fuzz.py --examples 20000 --strategy news --max-seconds 600
    /tmp/atheris-venv/bin/python scripts/fuzz.py --atheris --examples 100000 --seed 1

The texts and the properties are the suite's own (one definition): `check(text)` and the
strategies `texts`, `news_texts()` and `unicode_texts` are imported from
tests/test_properties.py. Hypothesis generates the texts; unlike the suite, the campaign
does not stop at the first failure: every failure is recorded under its signature (the
property and field that failed, or the exception and the two innermost extractors/ lines
it went through), and at the end the first text of each signature is shrunk (delta debugging: chunks,
then single characters, then simpler characters) to a minimal text that fails the same
way. The summary: examples executed, distinct failures with their minimal texts, seconds.
The exit status is 1 where anything failed.

`--atheris`: coverage-guided fuzzing with atheris (libFuzzer) instead of Hypothesis, the
extractors instrumented, starting from a corpus of news-like texts drawn from the suite's
strategy; each input's bytes are read as UTF-8 (invalid bytes replaced). atheris is not a
dependency of the project: install it in a separate environment with the project's runtime
dependencies, and run this script with that interpreter (the script puts the repository on
sys.path itself). On CPython 3.11 (x86-64 Linux) pip installs atheris 3.0.0 from a binary
wheel (no compiler needed), and it works; from the repository root:

    python3 -m venv /tmp/atheris-venv
    /tmp/atheris-venv/bin/pip install atheris
    /tmp/atheris-venv/bin/pip install -c constraints.txt hypothesis pydantic regex pint duckdb \\
        frictionless typer langcodes zstandard rich

The atheris corpus (seeds, and what libFuzzer adds to it) and its token dictionary are left
in a temporary folder, which the script names on stderr.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


class OutOfTime(BaseException):
    """Raised inside the Hypothesis run when --max-seconds is reached (a BaseException, so
    that Hypothesis does not take it for a failure to shrink)."""


def signature(error: BaseException) -> tuple[str, ...]:
    """What makes two failures the same: the property and field, or the exception's type
    and the two innermost lines of extractors/ it went through (a shared helper's line
    and the rule that called it: one defect, one signature)."""
    from tests.test_properties import PropertyFailed

    if isinstance(error, PropertyFailed):
        return ("property", error.prop, error.field)
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if f"{os.sep}extractors{os.sep}" in f.filename] or frames[-1:]
    where = " <- ".join(f"{os.path.relpath(f.filename, ROOT)}:{f.lineno}" for f in reversed(ours[-2:]))
    return ("exception", type(error).__name__, where or "?")


class Campaign:
    def __init__(self):
        from tests.test_properties import check

        self.check = check
        self.examples = 0
        self.failures: dict[tuple[str, ...], dict] = {}
        self.started = time.perf_counter()
        self.deadline: float | None = None
        self.progress_every = 10_000

    def failure_of(self, text: str) -> tuple[tuple[str, ...], str] | None:
        try:
            self.check(text)
        except Exception as error:  # every failure is recorded, none stops the campaign
            return signature(error), str(error).splitlines()[0][:300] if str(error) else repr(error)
        return None

    def run(self, text: str) -> None:
        self.examples += 1
        failed = self.failure_of(text)
        if failed is not None:
            key, message = failed
            entry = self.failures.setdefault(key, {"count": 0, "first": text, "message": message})
            entry["count"] += 1
            if entry["count"] == 1:
                print(f"[{self.examples}] new failure {' '.join(key)}: {message}", file=sys.stderr, flush=True)
        if self.examples % self.progress_every == 0:
            print(f"[{self.examples}] {time.perf_counter() - self.started:.0f} s, "
                  f"{len(self.failures)} distinct failures", file=sys.stderr, flush=True)
        if self.deadline is not None and time.perf_counter() > self.deadline:
            raise OutOfTime

    def fails_as(self, text: str, key: tuple[str, ...]) -> bool:
        failed = self.failure_of(text)
        return failed is not None and failed[0] == key

    def shrink(self, text: str, key: tuple[str, ...]) -> str:
        """The shortest, simplest text found that fails as `text` does: delta debugging
        (ddmin) over its characters, then each character replaced by a simpler one."""
        granularity = 2
        while len(text) >= 2:
            chunk = max(1, len(text) // granularity)
            for i in range(0, len(text), chunk):
                candidate = text[:i] + text[i + chunk:]
                if self.fails_as(candidate, key):
                    text, granularity = candidate, max(granularity - 1, 2)
                    break
            else:
                if chunk == 1:
                    break
                granularity = min(len(text), granularity * 2)
        if len(text) == 1 and self.fails_as("", key):
            return ""
        for i in range(len(text)):
            for simpler in ("a", "0", " ", text[i].lower(), text[i].upper()):
                if simpler == text[i] or ord(simpler[0]) > ord(text[i]) or len(simpler) != 1:
                    continue
                candidate = text[:i] + simpler + text[i + 1:]
                if self.fails_as(candidate, key):
                    text = candidate
                    break
        return text

    def summary(self, how: str) -> int:
        seconds = time.perf_counter() - self.started
        print(f"\nfuzz campaign ({how}): {self.examples} examples executed in {seconds:.1f} s "
              f"({self.examples / seconds if seconds else 0:.0f} per second)")
        print(f"distinct failures: {len(self.failures)}")
        for key, entry in sorted(self.failures.items()):
            minimal = self.shrink(entry["first"], key)
            failed = self.failure_of(minimal)
            print(f"- {' '.join(key)}: {entry['count']} examples")
            print(f"    minimal text: {minimal!r}")
            print(f"    fails with: {failed[1] if failed else entry['message']}")
        print(f"seconds: {time.perf_counter() - self.started:.1f} (shrinking included)")
        return 1 if self.failures else 0


def strategy_named(name: str):
    from tests import test_properties as properties

    return {"all": properties.texts, "news": properties.news_texts(),
            "unicode": properties.unicode_texts}[name]


def run_hypothesis(campaign: Campaign, examples: int, seed: int, strategy) -> None:
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as seeded

    @seeded(seed)
    @settings(max_examples=examples, deadline=None, database=None, derandomize=False,
              phases=[Phase.generate], suppress_health_check=list(HealthCheck))
    @given(strategy)
    def fuzz(text):
        campaign.run(text)

    try:
        fuzz()
    except OutOfTime:
        print("stopped at --max-seconds", file=sys.stderr)


def libfuzzer_dictionary() -> str:
    """A libFuzzer dictionary of the suite's tokens (units, scale and number words,
    qualifiers, case-folding and other special characters), as UTF-8 bytes, so that
    mutations splice whole tokens in."""
    from tests import test_properties as properties

    tokens = {*properties.FOLDING, *properties.SPECIAL, *properties.NEWS_CHARACTERS,
              *properties.FRAGMENTS, *properties.units.elements, *properties.qualifiers.elements,
              *properties.currencies.elements, *properties.dashes.elements,
              *properties.number_words.elements, *(c for v in properties.SWAPS.values() for c in v),
              "million", "billion", "thousand", "hundred", "bn", "plus", "or more", "between", " and "}
    lines = []
    for token in sorted(t for t in tokens if t.strip()):
        escaped = "".join(chr(b) if 0x20 <= b < 0x7f and b not in (0x22, 0x5c) else f"\\x{b:02X}"
                          for b in token.encode("utf-8"))
        lines.append(f'"{escaped}"')
    return "\n".join(lines) + "\n"


def run_atheris(campaign: Campaign, examples: int, seed: int, seeds: int) -> None:
    import atheris

    from hypothesis import HealthCheck, given, settings
    from hypothesis import seed as seeded

    from tests.test_properties import news_texts

    folder = Path(tempfile.mkdtemp(prefix="newsfigures-atheris-"))
    corpus = folder / "corpus"
    corpus.mkdir()
    drawn = []

    @seeded(seed)
    @settings(max_examples=seeds, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(news_texts())
    def draw(text):
        drawn.append(text)

    draw()
    for i, text in enumerate(drawn):
        (corpus / f"seed-{i:04d}").write_bytes(text.encode("utf-8"))
    dictionary = folder / "tokens.dict"
    dictionary.write_text(libfuzzer_dictionary(), encoding="ascii")
    print(f"atheris: {len(drawn)} seed texts in {corpus}, tokens in {dictionary}", file=sys.stderr)

    def one_input(data: bytes) -> None:
        campaign.run(data.decode("utf-8", "replace"))
        if campaign.examples >= examples:
            # libFuzzer exits the process from C: report, then leave at once.
            status = campaign.summary(f"atheris, seed {seed}")
            sys.stdout.flush()
            os._exit(status)

    atheris.Setup([sys.argv[0], str(corpus), f"-seed={seed or 1}", "-max_len=2048",
                   f"-dict={dictionary}",
                   f"-artifact_prefix={folder}{os.sep}", "-print_final_stats=0"], one_input)
    campaign.started = time.perf_counter()  # the campaign's clock starts with the fuzzing
    atheris.Fuzz()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, required=True, help="texts to check")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--strategy", choices=("all", "news", "unicode"), default="all",
                        help="which of the suite's strategies draws the texts (Hypothesis mode)")
    parser.add_argument("--max-seconds", type=float, default=None,
                        help="stop generating after this long (Hypothesis mode)")
    parser.add_argument("--atheris", action="store_true",
                        help="coverage-guided fuzzing with atheris (run with an interpreter that has it)")
    parser.add_argument("--atheris-seeds", type=int, default=300,
                        help="news-like texts to start atheris' corpus with")
    args = parser.parse_args(argv)

    if args.atheris:
        try:
            import atheris
        except ImportError:
            parser.error(f"atheris is not installed for {sys.executable}: see this script's docstring")

        with atheris.instrument_imports(include=["extractors"]):
            import extractors  # noqa: F401  (instrumented before anything else imports it)
            from extractors.reading import dimensions, qualifiers, about  # noqa: F401
        campaign = Campaign()
        run_atheris(campaign, args.examples, args.seed, args.atheris_seeds)
        return campaign.summary(f"atheris, seed {args.seed}")  # reached only if libFuzzer stops first

    campaign = Campaign()
    if args.max_seconds is not None:
        campaign.deadline = campaign.started + args.max_seconds
    run_hypothesis(campaign, args.examples, args.seed, strategy_named(args.strategy))
    return campaign.summary(f"Hypothesis, strategy {args.strategy}, seed {args.seed}")


if __name__ == "__main__":
    sys.exit(main())
