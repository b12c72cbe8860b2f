"""Every figure of the shared corpora, field by field: a dump of one version of the code, and
the first differences between two dumps (a check, not a test: it reads ../shared/corpora).

    .venv/bin/python scripts/equivalence.py dump before.jsonl.gz              # every document
    .venv/bin/python scripts/equivalence.py dump quick.jsonl.gz --every 10    # every 10th document
    .venv/bin/python scripts/equivalence.py compare before.jsonl.gz after.jsonl.gz
    .venv/bin/python scripts/equivalence.py compare before.jsonl.gz           # against the code here
    .venv/bin/python scripts/equivalence.py dump old.jsonl.gz --root ../old   # another checkout's code

A change that is meant to make extraction faster and nothing else must leave the dump
identical. Each document is read as the build reads it: `extract_document` with the context
its rights give (whole sentences where the texts are public domain) and its outlet as the
author (the White House's documents are its own statements). Every column of the quantities
table is dumped but `extractor_version`, which a version bump changes and nothing else.

The dump is gzip-compressed JSON Lines: a header (the columns, the corpora, the sample, the
code's commit), then one line per document, [corpus, doc_id, [[column values] per figure]],
in the corpora's order. The documents are extracted in --jobs processes (default: the cores
this process may use), in order.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from multiprocessing import get_context
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"

# corpus file -> (public domain: whole sentences, the outlet the build passes as the author).
# The White House's documents are read as its mapping (docs/mappings/) reads them; the State
# Department's releases are public domain too and give no outlet of their own.
CORPUS_READING = {
    "reuters21578.jsonl": (False, None),
    "news-articles-2017.jsonl": (False, None),
    "isw-reports-2022.jsonl": (False, None),
    "whitehouse-briefing-room.jsonl.gz": (True, "The White House"),
    "state-department-press-releases.jsonl.gz": (True, None),
}
# A batch a worker extracts at once: big enough that sending it costs little beside its work.
BATCH_CHARACTERS = 400_000
IGNORED = ("extractor_version",)


def _code(root: Path):
    """(extract_document, the quantities' columns, MAX_CONTEXT, FULL_CONTEXT) of the code at
    `root`: the layout since 0.6.0's reorganization, or the flat one before it."""
    sys.path.insert(0, str(root))
    if (root / "extractors" / "reading").is_dir():
        from extractors.reading import engine
        from extractors.dataset import records
    else:
        from extractors import engine, records  # before issue 22's reorganization
    columns = [c for c in records.columns("quantities") if c not in IGNORED]
    if not Path(engine.__file__).resolve().is_relative_to(root):
        sys.exit(f"error: {root}: its extractors are not the ones imported ({engine.__file__})")
    return engine.extract_document, columns, engine.MAX_CONTEXT, engine.FULL_CONTEXT


_state: dict = {}


def _set_up(root: str) -> None:
    _state["code"] = _code(Path(root))


def _extract(batch: list[tuple[str, str, str]]) -> list[list]:
    """[corpus, doc_id, figures] for each (corpus, doc_id, text) of a batch."""
    extract_document, columns, max_context, full_context = _state["code"]
    lines = []
    for corpus, doc_id, text in batch:
        public, outlet = CORPUS_READING.get(corpus, (False, None))
        figures = extract_document(text, doc_id, full_context if public else max_context, author=outlet)
        lines.append([corpus, doc_id, [[getattr(q, c) for c in columns] for q in figures]])
    return lines


def records(path: Path):
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def _batches(paths: list[Path], every: int):
    batch, size = [], 0
    for path in paths:
        for number, record in enumerate(records(path)):
            if number % every:
                continue
            batch.append((path.name, str(record["id"]), record["text"]))
            size += len(record["text"])
            if size >= BATCH_CHARACTERS:
                yield batch
                batch, size = [], 0
    if batch:
        yield batch


def _commit(root: Path) -> str:
    result = subprocess.run(["git", "-C", str(root), "describe", "--always", "--dirty", "--abbrev=12"],
                            capture_output=True, text=True)
    return result.stdout.strip() or "?"


def _json_value(value):
    """A column JSON has no type for: a date (reported, period_start, usd_rate_date) as ISO
    text, which two dumps compare as they would compare the dates."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} in a dump: not a column type")


def dump(out: Path, root: Path, corpora: list[str], every: int, jobs: int) -> None:
    """Every figure of the corpora (paths, or names in ../shared/corpora) to `out`."""
    paths = [Path(c) if Path(c).exists() else CORPORA / c for c in corpora]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        sys.exit(f"error: {missing[0]}: no such corpus")
    columns = _code(root)[1]
    header = {"columns": columns, "corpora": corpora, "every": every, "commit": _commit(root), "root": str(root)}
    started = time.monotonic()
    documents = figures = 0
    staged = out.with_name(out.name + ".part")
    with get_context("fork").Pool(jobs, initializer=_set_up, initargs=(str(root),)) as pool, \
            gzip.open(staged, "wt", encoding="utf-8", compresslevel=6) as handle:
        handle.write(json.dumps(header) + "\n")
        for lines in pool.imap(_extract, _batches(paths, every)):
            for line in lines:
                handle.write(json.dumps(line, ensure_ascii=False, default=_json_value) + "\n")
                documents += 1
                figures += len(line[2])
    staged.rename(out)  # never half-written
    print(f"{out}: {documents:,} documents, {figures:,} figures, code at {header['commit']} ({root}); "
          f"{time.monotonic() - started:.0f} s wall in {jobs} process(es)", file=sys.stderr)


def _figure_key(figure: list, columns: list[str]) -> tuple:
    return figure[columns.index("start")], figure[columns.index("end")], figure[columns.index("dimension")]


def compare(first: Path, second: Path, shown: int) -> int:
    """Print the first `shown` differences; return how many documents differ."""
    left, right = records(first), records(second)
    head_left, head_right = next(left), next(right)
    if (head_left["corpora"], head_left["every"]) != (head_right["corpora"], head_right["every"]):
        sys.exit(f"error: {second}: not the same documents as {first} (corpora or --every differ)")
    columns = head_left["columns"]
    if columns != head_right["columns"]:
        print(f"columns differ: {columns} != {head_right['columns']}")
        return 1
    documents = figures = differing = printed = 0
    for a, b in itertools.zip_longest(left, right):
        if a is None or b is None:
            sys.exit(f"error: {first if a is None else second}: ends before the other dump (a dump cut short?)")
        documents += 1
        figures += len(a[2])
        if a == b:
            continue
        differing += 1
        if a[:2] != b[:2]:
            sys.exit(f"error: the dumps hold different documents: {a[:2]} and {b[:2]}")
        for line in _differences(a, b, columns):
            if printed < shown:
                print(line)
            printed += 1
    print(f"{documents:,} documents, {figures:,} figures in {first.name} ({head_left['commit']}) and "
          f"{second.name} ({head_right['commit']}): " +
          ("identical" if not differing else f"{differing:,} documents differ ({printed:,} differences)"))
    return differing


def _differences(a: list, b: list, columns: list[str]):
    corpus, doc_id = a[0], a[1]
    by_key_a = {_figure_key(f, columns): f for f in a[2]}
    by_key_b = {_figure_key(f, columns): f for f in b[2]}
    text = columns.index("text")
    for key in sorted(by_key_a.keys() | by_key_b.keys()):
        fa, fb = by_key_a.get(key), by_key_b.get(key)
        where = f"{corpus} {doc_id} {key[0]}-{key[1]} {key[2]}"
        if fb is None:
            yield f"{where}: only in the first: {fa[text]!r}"
        elif fa is None:
            yield f"{where}: only in the second: {fb[text]!r}"
        else:
            for column, va, vb in zip(columns, fa, fb):
                if va != vb:
                    yield f"{where} {fa[text]!r}: {column}: {va!r} != {vb!r}"
    if len(by_key_a) != len(a[2]) or len(by_key_b) != len(b[2]):
        yield f"{corpus} {doc_id}: two figures at one span (figures in order: {len(a[2])} and {len(b[2])})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    jobs = len(os.sched_getaffinity(0))
    made = commands.add_parser("dump", help="every figure of the corpora, to a gzip-compressed file")
    made.add_argument("out", type=Path)
    made.add_argument("--root", type=Path, default=ROOT, help="the checkout whose code extracts (default: this one)")
    made.add_argument("--corpora", nargs="+", default=list(CORPUS_READING),
                      help="corpus files, or names in ../shared/corpora (default: every shared corpus)")
    made.add_argument("--every", type=int, default=1, help="only every N-th document of each corpus (a sample)")
    made.add_argument("--jobs", type=int, default=jobs)
    check = commands.add_parser("compare", help="the first differences of two dumps (or a dump and the code here)")
    check.add_argument("first", type=Path)
    check.add_argument("second", type=Path, nargs="?", help="default: a dump of this checkout's code, made now, "
                                                             "of the first dump's documents")
    check.add_argument("--show", type=int, default=20, help="how many differences to print")
    check.add_argument("--jobs", type=int, default=jobs)
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.out, args.root.resolve(), args.corpora, args.every, args.jobs)
        return
    if not args.first.exists():
        sys.exit(f"error: {args.first}: no such dump")
    if args.second is not None:
        sys.exit(1 if compare(args.first, args.second, args.show) else 0)
    header = next(records(args.first))
    with tempfile.TemporaryDirectory(prefix="newsfigures-equivalence-") as scratch:
        now = Path(scratch) / "now.jsonl.gz"
        dump(now, ROOT, header["corpora"], header["every"], args.jobs)
        sys.exit(1 if compare(args.first, now, args.show) else 0)


if __name__ == "__main__":
    main()
