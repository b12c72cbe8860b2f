"""The build's memory as the corpus grows (a campaign, not a test: some four minutes).

    .venv/bin/python scripts/memory.py                        # 6,000 and 18,000 documents
    .venv/bin/python scripts/memory.py --sizes 6000 18000 54000

Each size is built by `extract build --jobs 1 --memory-limit 32MB` in a fresh interpreter
from a JSON Lines corpus of the suite's sentences (tests/test_streaming.py, `records`), and
its peak resident set is read as the largest of the build's processes (RUSAGE_CHILDREN of a
wrapper). Streamed, the peak stays flat: the figures go to disk in batches and DuckDB writes
the Parquet a row group at a time within its limit. Holding the figures and texts in memory
(the old build) took about 9 MB more per million characters. The suite keeps a small
version of this in one process (test_streaming.py,
test_memory_stays_flat_as_the_corpus_grows); this one runs the sizes where a leak shows in
tens of megabytes. Prints one line per size and the growth from the first; exits 1 where
the growth exceeds --limit KiB.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.test_streaming import records, write_jsonl  # noqa: E402


def peak(folder: Path, count: int) -> int:
    """The largest resident set (KiB) of the processes of one build of `count` documents."""
    corpus = write_jsonl(folder / f"corpus-{count}.jsonl", records(count))
    wrapper = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); "
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    result = subprocess.run([sys.executable, "-c", wrapper, sys.executable, "-m", "extractors", "build",
                             "--corpus", str(corpus), "--out", str(folder / f"out-{count}"),
                             "--jobs", "1", "--memory-limit", "32MB", "--quiet"],
                            check=True, capture_output=True, text=True, cwd=folder)
    return int(result.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[6_000, 18_000])
    parser.add_argument("--limit", type=int, default=20_000, help="KiB of growth from the first size")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsfigures-memory-") as folder:
        peaks = []
        for count in args.sizes:
            peaks.append(peak(Path(folder), count))
            print(f"{count:>8,} documents: peak {peaks[-1]:>9,} KiB (+{peaks[-1] - peaks[0]:,} KiB)", flush=True)
    sys.exit(1 if max(peaks) - peaks[0] > args.limit else 0)


if __name__ == "__main__":
    main()
