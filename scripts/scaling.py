"""Dask measurements for docs/SCALING.md (a benchmark, not a test).

    .venv/bin/python scripts/scaling.py overhead      # per-task cost of Dask on a LocalCluster
    .venv/bin/python scripts/scaling.py builds        # extract build --engine dask, 1 and 2 workers:
                                                      #   the White House archive and 10^6 short documents

Needs the `cluster` extra. The corpora are read from ../shared/corpora and the derived ones
(the archive decompressed, so that it splits into byte ranges; a million of its sentences as
documents) are written to a temporary folder and removed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from benchmark import WHITE_HOUSE, machine, records, timed_build  # noqa: E402


def _noop(x):
    return x


def _extract_one(text):
    from extractors.reading.engine import extract

    return len(extract(text))


def overhead(args) -> None:
    """Wall time per task of 10^4 tasks that do nothing, and of 10^4 that each extract one
    sentence, on LocalClusters of 1 and 2 workers: what a task costs beyond its work."""
    from distributed import Client, LocalCluster

    sentence = "Russia launched 90 missiles and 60 drones overnight, officials said."
    print("| workers | tasks | task | wall s | ms per task |\n|---:|---:|---|---:|---:|")
    for workers in (1, 2):
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                          silence_logs=50) as cluster, Client(cluster) as client:
            client.submit(_extract_one, sentence).result()  # the extractors loaded on a worker
            client.run(_extract_one, sentence)              # ... on every worker
            for label, function in (("nothing", _noop), ("extract one sentence", _extract_one)):
                started = time.perf_counter()
                futures = client.map(function, [sentence] * args.tasks, pure=False)
                client.gather(futures)
                wall = time.perf_counter() - started
                print(f"| {workers} | {args.tasks:,} | {label} | {wall:.1f} | {wall / args.tasks * 1e3:.2f} |", flush=True)


_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def sentences_corpus(target: Path, count: int) -> int:
    """`count` documents, each one sentence of the White House archive (at least 40
    characters, duplicates left out); their characters."""
    seen, characters, written = set(), 0, 0
    with target.open("w", encoding="utf-8") as handle:
        for record in records(WHITE_HOUSE):
            for sentence in _SENTENCE.split(" ".join(record["text"].split())):
                if len(sentence) < 40 or sentence in seen:
                    continue
                seen.add(sentence)
                handle.write(json.dumps({"id": f"s{written:07d}", "text": sentence}) + "\n")
                characters += len(sentence)
                written += 1
                if written == count:
                    return characters
    return characters


def builds(args) -> None:
    print("| corpus | documents | characters | engine | workers | shards | wall s | M characters/s "
          "| peak RSS, all processes (MB) | peak RSS, largest process (MB) |\n"
          "|---|---:|---:|---|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="newsfigures-scaling-") as scratch:
        archive = Path(scratch) / "whitehouse.jsonl"
        with archive.open("w", encoding="utf-8") as handle:
            characters = 0
            documents = 0
            for record in records(WHITE_HOUSE):
                handle.write(json.dumps(record) + "\n")
                characters += len(record["text"])
                documents += 1
        short = Path(scratch) / "sentences.jsonl"
        short_characters = sentences_corpus(short, args.documents)
        corpora = [("White House archive", archive, documents, characters,
                    ["--mapping", str(ROOT / "docs" / "mappings" / "whitehouse-briefing-room.toml")]),
                   (f"{args.documents:,} of its sentences", short, args.documents, short_characters, [])]
        from extractors.dataset import cluster, sources

        for name, corpus, count, size, options in corpora:
            shards = len(cluster.shards(sources.open_source(corpus)))
            for engine, workers in (("local", 2), ("dask", 1), ("dask", 2)):
                out = Path(scratch) / "out"
                result = timed_build([sys.executable, "-m", "extractors", "build", "--corpus", str(corpus), "--out", str(out),
                                      "--jobs", str(workers), "--engine", engine, "--keep-going", *options])
                if "failed" in result:
                    print(f"| {name} | {count:,} | {size:,} | {engine} | {workers} | {shards} | failed: {result['failed']} |||")
                    continue
                print(f"| {name} | {count:,} | {size:,} | {engine} | {workers} | {shards if engine == 'dask' else ''} | "
                      f"{result['seconds']:.1f} | {size / result['seconds'] / 1e6:.2f} | {result['tree_mb']:.0f} | "
                      f"{result['largest_mb']:.0f} |", flush=True)
                print(f"  {result['summary']}", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    cost = commands.add_parser("overhead", help="Dask's cost per task")
    cost.add_argument("--tasks", type=int, default=10_000)
    whole = commands.add_parser("builds", help="whole builds with --engine dask, 1 and 2 workers")
    whole.add_argument("--documents", type=int, default=1_000_000)
    args = parser.parse_args()
    print(f"{time.strftime('%Y-%m-%d')}; {machine()}")
    {"overhead": overhead, "builds": builds}[args.command](args)


if __name__ == "__main__":
    main()
