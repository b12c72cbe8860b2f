"""Benchmarks (not tests): extraction speed against the peers, and whole builds at scale.

    .venv/bin/python scripts/benchmark.py extract                 # ours on a 2.5 M-character sample of each
                                                                  #   corpus, one core: extract() and the build's call
    .venv/bin/python scripts/benchmark.py extract --code ../old   # ... and another checkout's code, same rounds
    .venv/bin/python scripts/benchmark.py peers                   # ours vs quantulum3, Recognizers-Text,
                                                                  #   number-parser and a bare digit scan
    .venv/bin/python scripts/benchmark.py build                   # extract build end to end: White House
                                                                  #   archive and news corpora, --jobs 1/2, 1x/2x/4x
    .venv/bin/python scripts/benchmark.py hostile                 # text made to be slow, at 250 KB and 1 MB:
                                                                  #   are time and memory linear, under the limits?

`peers` needs the `bench` extra (pip install -c constraints.txt -e ".[bench]"). The corpora are
read where they are (../shared/corpora; research use only: nothing is copied into the
repository; the scaled copies for `build` are written to a temporary folder and removed).
Speed is CPU time (time.process_time), printed beside wall time: on a shared machine the
wall clock counts the others' work too. The variants compared take turns, round by round,
and each figure is the median of the rounds with their range. Results, with the command, the
machine, the versions and the date, go into docs/PERFORMANCE.md, never into a test.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# A variant's process (`extract --code`) imports the extractors of its own checkout.
sys.path.insert(0, sys.argv[2] if sys.argv[1:2] == ["_worker"] else str(ROOT))

from extractors import extract  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"
WHITE_HOUSE = CORPORA / "whitehouse-briefing-room.jsonl.gz"
NEWS = ("isw-reports-2022.jsonl", "news-articles-2017.jsonl", "reuters21578.jsonl")


def records(path: Path, limit: int | None = None):
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if limit is not None and number >= limit:
                return
            yield json.loads(line)


def texts_of(path: Path, limit: int | None = None) -> list[str]:
    return [r["text"] for r in records(path, limit)]


# -- ours, per corpus ------------------------------------------------------------------------

# Each corpus is measured on a sample of its first articles up to this many characters.
SAMPLE_CHARACTERS = 2_500_000
# How the build reads each corpus (scripts/equivalence.py reads them the same way): whole
# sentences where the texts are public domain, and the outlet the build passes as the author.
BUILD_READING = {"whitehouse-briefing-room.jsonl.gz": (True, "The White House"),
                 "state-department-press-releases.jsonl.gz": (True, None)}


def sample_of(path: Path, characters: int) -> list[str]:
    """The first articles of a corpus, up to `characters` characters (the last one whole)."""
    texts, size = [], 0
    for record in records(path):
        texts.append(record["text"])
        size += len(record["text"])
        if size >= characters:
            break
    return texts


def spread(values: list[float]) -> str:
    """The median and the range of a measurement: `1.23 (1.20-1.31)`."""
    return f"{statistics.median(values):.2f} ({min(values):.2f}-{max(values):.2f})"


def run_worker(root: str, process: str = "as is") -> None:
    """A variant's process (see `extract_speed`): imports the extractors of the checkout at
    `root` (and where `process` is "ready", sets itself up as a build's worker is:
    pipeline.ready_to_extract), then answers each request on stdin, a JSON [corpus,
    characters, call], by one timed reading of that sample, a JSON {cpu, wall, figures,
    characters, collections} on stdout."""
    if (Path(root) / "extractors" / "reading").is_dir():
        from extractors.reading.engine import FULL_CONTEXT, MAX_CONTEXT, extract, extract_document
    else:  # before the reorganization of 0.6.0 (issue 22)
        from extractors.engine import FULL_CONTEXT, MAX_CONTEXT, extract, extract_document
    if process == "ready":
        from extractors.dataset.pipeline import ready_to_extract

        ready_to_extract()
    samples: dict = {}
    for line in sys.stdin:
        corpus, characters, call = json.loads(line)
        if (corpus, characters) not in samples:
            samples[corpus, characters] = sample_of(Path(corpus), characters)
            for text in samples[corpus, characters][:20]:  # rules loaded, caches warm
                extract(text)
        texts = samples[corpus, characters]
        public, author = BUILD_READING.get(Path(corpus).name, (False, None))
        context = FULL_CONTEXT if public else MAX_CONTEXT
        collections = sum(generation["collections"] for generation in gc.get_stats())
        wall, cpu = time.perf_counter(), time.process_time()
        if call == "extract":
            figures = sum(len(extract(text)) for text in texts)
        else:  # the build's call: extract_document, with the context and author it passes
            figures = sum(1 for text in texts for _ in extract_document(text, "d", context, author=author))
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        collections = sum(generation["collections"] for generation in gc.get_stats()) - collections
        print(json.dumps({"cpu": cpu, "wall": wall, "figures": figures, "characters": sum(map(len, texts)),
                          "collections": collections}), flush=True)


def extract_speed(args) -> None:
    """Ours on a sample of each corpus, one core, in CPU time (time.process_time) beside wall
    time. Each variant (a call, the code of a checkout) reads in a process of its own, and
    the variants take turns, round by round, so that a busy machine slows each alike; the
    median and range of the rounds are printed."""
    paths = args.corpora or [CORPORA / name for name in NEWS] + [WHITE_HOUSE]
    roots = [ROOT] + [Path(r).resolve() for r in args.code]
    variants = [(root, call, process) for root in roots for call in args.calls for process in args.processes]
    workers = {variant: subprocess.Popen([sys.executable, __file__, "_worker", str(variant[0]), variant[2]],
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
               for variant in variants}
    print(f"{args.rounds} interleaved rounds, one process a variant, one at a time; M characters/s: median "
          f"(range) of the rounds; the first articles of each corpus up to {args.characters:,} characters")
    print("| corpus | characters | code | call | process | figures | M chars/s, CPU | M chars/s, wall | CPU s "
          "| collections |\n|---|---:|---|---|---|---:|---:|---:|---:|---:|")
    try:
        for path in paths:
            runs: dict = {variant: [] for variant in variants}
            for _ in range(args.rounds):
                for variant, worker in workers.items():
                    worker.stdin.write(json.dumps([str(path), args.characters, variant[1]]) + "\n")
                    worker.stdin.flush()
                    answer = worker.stdout.readline()
                    if not answer:
                        sys.exit(f"error: the variant {variant[0]} {variant[1]} failed on {path.name}")
                    runs[variant].append(json.loads(answer))
            for (root, call, process), measured in runs.items():
                characters = measured[0]["characters"]
                print(f"| {path.name} | {characters:,} | {_describe(root)} | {call} | {process} | "
                      f"{measured[0]['figures']:,} | {spread([characters / r['cpu'] / 1e6 for r in measured])} | "
                      f"{spread([characters / r['wall'] / 1e6 for r in measured])} | "
                      f"{spread([r['cpu'] for r in measured])} | {measured[-1]['collections']:,} |", flush=True)
    finally:
        for worker in workers.values():
            worker.stdin.close()
            worker.wait()


def _describe(root: Path) -> str:
    """A checkout as its commit (and `+` where its files differ from it)."""
    result = subprocess.run(["git", "-C", str(root), "describe", "--always", "--dirty=+", "--abbrev=7"],
                            capture_output=True, text=True)
    return result.stdout.strip() or str(root)


# -- the peers -------------------------------------------------------------------------------

def peer_extractors() -> dict:
    """name -> function of a text; each set up once (models loaded, warmed up) before timing."""
    import regex

    digits = regex.compile(r"[0-9]+")
    extract("warm up: 5 km and $3 million, officials said")  # the rules loaded, as each peer's model
    extractors = {"newsfigures": lambda text: extract(text),
                  "bare regex digit scan (floor)": lambda text: sum(1 for _ in digits.finditer(text))}
    try:
        from quantulum3 import parser as quantulum

        quantulum.parse("warm up: 5 km and $3 million")
        extractors["quantulum3"] = quantulum.parse
    except ImportError:
        print("quantulum3 not installed (the `bench` extra): left out", file=sys.stderr)
    try:
        from recognizers_number import NumberRecognizer
        from recognizers_number_with_unit import NumberWithUnitRecognizer
        from recognizers_suite import Culture

        units = NumberWithUnitRecognizer(Culture.English)
        # The models that cover what newsfigures reads: numbers, dimensions (lengths, areas,
        # weights, speeds...), currency, temperature and age.
        models = [NumberRecognizer(Culture.English).get_number_model(), units.get_dimension_model(),
                  units.get_currency_model(), units.get_temperature_model(), units.get_age_model()]
        extractors["Recognizers-Text (5 models)"] = lambda text: [r for m in models for r in m.parse(text)]
    except ImportError:
        print("recognizers-text-suite not installed (the `bench` extra): left out", file=sys.stderr)
    try:
        import number_parser

        extractors["number-parser"] = lambda text: number_parser.parse(text, language="en")
    except ImportError:
        print("number-parser not installed (the `bench` extra): left out", file=sys.stderr)
    return extractors


def peers(args) -> None:
    """Ours against the peers on the same text, for each corpus: interleaved rounds (each
    round runs every extractor once, in turn, on the same text), so that a busy machine slows
    every one alike; CPU time (time.process_time), the median and range of the rounds."""
    extractors = peer_extractors()
    for corpus in args.corpus:
        texts = sample_of(corpus, args.characters)
        size = sum(map(len, texts))
        seconds: dict[str, list[float]] = {name: [] for name in extractors}
        walls: dict[str, list[float]] = {name: [] for name in extractors}
        for _ in range(args.rounds):
            for name, function in extractors.items():
                wall, cpu = time.perf_counter(), time.process_time()
                for text in texts:
                    function(text)
                seconds[name].append(time.process_time() - cpu)
                walls[name].append(time.perf_counter() - wall)
        ours = [size / s for s in seconds["newsfigures"]]
        print(f"\nsame text: the first {len(texts)} articles of {corpus.name}, {size:,} characters; "
              f"{args.rounds} interleaved rounds, CPU time: median (range)")
        print("| extractor | version | characters/s, CPU | characters/s, wall | ours / it, CPU |\n|---|---|---:|---:|---:|")
        for name in extractors:
            rates = [size / s for s in seconds[name]]
            ratios = [a / b for a, b in zip(ours, rates)]
            print(f"| {name} | {_version(name)} | {statistics.median(rates):,.0f} ({min(rates):,.0f}-{max(rates):,.0f}) | "
                  f"{size / statistics.median(walls[name]):,.0f} | {spread(ratios)} |", flush=True)


def _version(name: str) -> str:
    distribution = {"newsfigures": "newsfigures", "quantulum3": "quantulum3", "number-parser": "number-parser",
                    "Recognizers-Text (5 models)": "recognizers-text-suite"}.get(name)
    if distribution is None:
        return "regex " + metadata.version("regex")
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "?"


# -- whole builds ----------------------------------------------------------------------------

def tree_memory(pid: int) -> int:
    """Resident memory of a process and all its descendants, in KiB (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    parent = int(handle.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(parent, []).append(int(entry))
            except (OSError, IndexError, ValueError):
                pass
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/status") as handle:
                total += next(int(line.split()[1]) for line in handle if line.startswith("VmRSS:"))
        except (OSError, StopIteration):
            pass
        stack += children.get(current, [])
    return total


def timed_build(command: list[str]) -> dict:
    """Wall time, CPU time (user and system, of every process of the build), the peak
    resident memory of the build's whole process tree (sampled every 50 ms) and of its
    largest process (the kernel's count), and the summary line."""
    script = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
              "sys.stderr.write(r.stderr); print(r.stdout.strip()); u = resource.getrusage(resource.RUSAGE_CHILDREN); "
              "print(u.ru_utime + u.ru_stime); print(u.ru_maxrss); sys.exit(r.returncode)")
    started = time.monotonic()
    process = subprocess.Popen([sys.executable, "-c", script, *command], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    peak = [0]

    def sample() -> None:
        while process.poll() is None:
            peak[0] = max(peak[0], tree_memory(process.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = process.communicate()
    wall = time.monotonic() - started
    sampler.join()
    if process.returncode not in (0, 3):  # 3: published, bad records skipped (--keep-going)
        return {"failed": (err.strip().splitlines() or ["?"])[-1]}
    lines = out.strip().splitlines()
    return {"seconds": wall, "cpu": float(lines[-2]), "tree_mb": peak[0] / 1024, "largest_mb": int(lines[-1]) / 1024,
            "summary": lines[-3] if len(lines) > 2 else ""}


def scaled_copy(sources: list[Path], copies: int, target: Path) -> int:
    """A JSON Lines corpus of `copies` copies of the sources' records, each copy's ids and texts
    made distinct (a trailing line "(copy N)"), so that no record is a duplicate; its characters."""
    characters = 0
    with target.open("w", encoding="utf-8") as handle:
        for copy in range(copies):
            for source in sources:
                for record in records(source):
                    text = record["text"] if copy == 0 else record["text"] + f"\n\n(copy {copy})"
                    characters += len(text)
                    handle.write(json.dumps({**record, "id": f"{source.stem}/{record['id']}/{copy}",
                                             "text": text}) + "\n")
    return characters


def builds(args) -> None:
    mapping = ROOT / "docs" / "mappings" / "whitehouse-briefing-room.toml"
    corpora = {"White House archive": ([WHITE_HOUSE], ["--mapping", str(mapping)]),
               "three news corpora": ([CORPORA / n for n in NEWS], [])}
    print("| corpus | scale | characters | --jobs | wall s | CPU s | M characters/s (wall) | peak RSS, all processes (MB) "
          "| peak RSS, largest process (MB) |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="newsfigures-bench-") as scratch:
        for name, (sources, options) in corpora.items():
            if name not in args.corpora:
                continue
            for scale in args.scales:
                corpus = Path(scratch) / f"corpus-{scale}.jsonl"
                characters = scaled_copy(sources, scale, corpus)
                for jobs in args.jobs:
                    if scale > 1 and jobs == 1 and not args.all:
                        continue  # scaling is shown with every core; --all runs these too
                    out = Path(scratch) / "out"
                    result = timed_build([sys.executable, "-m", "extractors", "build", "--corpus", str(corpus),
                                          "--out", str(out), "--jobs", str(jobs), "--keep-going", *options])
                    if "failed" in result:
                        print(f"| {name} | {scale}x | {characters:,} | {jobs} | failed: {result['failed']} | | | | |", flush=True)
                        continue
                    print(f"| {name} | {scale}x | {characters:,} | {jobs} | {result['seconds']:.1f} | {result['cpu']:.1f} | "
                          f"{characters / result['seconds'] / 1e6:.2f} | {result['tree_mb']:.0f} | "
                          f"{result['largest_mb']:.0f} |", flush=True)
                    print(f"  {result['summary']}", file=sys.stderr)
                corpus.unlink()


# -- hostile text ----------------------------------------------------------------------------

# Text built to make per-figure work grow with the text: no sentence ends, a figure every
# few characters, units and qualifiers that need a look ahead or behind. Each is (what is
# repeated, what ends the text), the repeats filling the text to each size.
HOSTILE = [
    # first written for this benchmark
    ("5 km and ", ""), ("a half. ", ""), ("He paid 5 pounds. ", ""), ("10 pieces. ", ""), ("5 feet. ", ""),
    ("over 2,000 attacks ", ""), ("1 2 3 ", ""), ("between 5 and ", ""), ("$$$5 ", ""), ("1,2,3,4 ", ""),
    # tests/test_hostile.py::test_pathological_inputs_finish
    ("1,", ""), ("9", ""), ("over ", "5 km"), ("tens of ", ""), ("- 5", ""), ("$", ""), ("1 2 3 ", "km"),
    ("\u2009000", ""), ("a ", "dozen"), ("between 1 and ", ""),
    # the bad inputs that once gave an infinite value or a KeyError, and a page of one phrase
    ("9" * 300 + "bn EUR ", ""), ("5 MİLES ", ""), ("5 kmſ ", ""), ("up to 300 km (190 miles) ", ""),
    # issue 28: slow on the build's path (the labeller's casualty and troops readings)
    ("5 killed, 6 wounded, ", ""), ("5 troops ", ""),
]
# The requirement: each input stays linear, under these at 1 MB.
SECONDS_PER_MB_LIMIT = 12
MEMORY_MB_PER_MB_LIMIT = 300
LINEARITY_LIMIT = 1.5  # (time ratio) / (size ratio) between two sizes
# How each is read: `extract`, the library's call, holding every figure; and the build's
# call (pipeline.extract_batch), a long text read window by window, its figures streamed
# to disk, with the larger context the build gives a text it publishes, in a process set up
# as the build sets up its workers (pipeline.ready_to_extract).
HOSTILE_CALLS = ("extract", "extract_document")


def hostile_text(repeated: str, ending: str, size: int) -> str:
    return repeated * max(1, (size - len(ending)) // len(repeated)) + ending


def shown(repeated: str, ending: str) -> str:
    """A hostile input as a short expression, `'over ' * n + '5 km'`, a run of one character
    as `'9'*300`; the repeated part's repr cut to 30 characters."""
    import re

    parts, at = [], 0
    for run in re.finditer(r"(.)\1{7,}", repeated, re.DOTALL):
        if run.start() > at:
            parts.append(repr(repeated[at:run.start()]))
        parts.append(f"{run[1]!r}*{len(run[0])}")
        at = run.end()
    if at < len(repeated):
        parts.append(repr(repeated[at:]))
    unit = parts[0] if len(parts) == 1 else "(" + " + ".join(parts) + ")"
    unit = unit if len(unit) <= 30 else unit[:29] + "…"
    return f"{unit} * n" + (f" + {ending!r}" if ending else "")


def measure_hostile(repeated: str, ending: str, size: int, call: str) -> dict:
    """One reading of one hostile text, run in a fresh process (see `hostile`): its seconds,
    its figures and its peak memory above what the process held before building the text."""
    import resource

    from extractors.reading.engine import FULL_CONTEXT, extract_document
    from extractors.dataset.pipeline import ready_to_extract

    if call == "extract":  # the library's call, in a process as a user's script leaves it
        list(extract_document("warm up: over 2,000 attacks, 5 km and $3 million", "doc", FULL_CONTEXT))
    else:  # the build's, in a process set up as a build's worker is
        ready_to_extract()
    baseline_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # the rules are loaded
    text = hostile_text(repeated, ending, size)
    # CPU time, not wall time: on a shared machine the wall clock counts the other
    # processes' turns too (this process runs one thread).
    started = time.process_time()
    if call == "extract":
        figures = len(extract(text))
    else:
        figures = sum(1 for _ in extract_document(text, "doc", FULL_CONTEXT))
    seconds = time.process_time() - started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"characters": len(text), "seconds": seconds, "figures": figures,
            "peak_mb": (peak_kib - baseline_kib) / 1024}


def measure_in_fresh_process(repeated: str, ending: str, size: int, call: str, timeout: float) -> dict:
    """`measure_hostile` in a process of its own: a process's peak memory (ru_maxrss) only
    grows, so only a fresh one tells what this text took."""
    script = ("import json, sys; sys.path.insert(0, sys.argv[1]); from benchmark import measure_hostile; "
              "print(json.dumps(measure_hostile(*json.loads(sys.argv[2]))))")
    command = [sys.executable, "-c", script, str(Path(__file__).resolve().parent),
               json.dumps([repeated, ending, size, call])]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"failed": f"over {timeout:.0f} s"}
    if result.returncode:
        return {"failed": (result.stderr.strip().splitlines() or ["?"])[-1]}
    return json.loads(result.stdout.strip().splitlines()[-1])


def hostile(args) -> None:
    """Each hostile text at each size (characters), each call in a fresh process (--repeat
    of them: the least time, the most memory): seconds and peak memory per MB (10^6
    characters) of input, and (time ratio) / (size ratio) against the size before: near 1 is
    linear. A row over a limit (the *_LIMIT above; s/MB and MB/MB read at the largest size)
    says which, and so does the summary under the table."""
    from extractors.reading.engine import FULL_CONTEXT

    print(f"each run {args.repeat} time(s), each in a fresh process, the least CPU seconds and the most memory kept; peak MB (2^20 bytes) is the process's ru_maxrss above its "
          f"baseline after imports and a warm-up; extract_document with context {FULL_CONTEXT} (a published "
          f"text in the build); limits: {SECONDS_PER_MB_LIMIT} s/MB, {MEMORY_MB_PER_MB_LIMIT} MB/MB, "
          f"ratio {LINEARITY_LIMIT}")
    print("| input | call | characters | seconds | s/MB | peak MB | MB/MB | figures | time ratio / size ratio "
          "| over a limit |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---|")
    worst_time = worst_memory = (0.0, "")
    breaches = []
    for repeated, ending in HOSTILE:
        label = shown(repeated, ending)
        if args.inputs and not any(part in label for part in args.inputs):
            continue
        for call in HOSTILE_CALLS:
            previous = None
            for size in args.sizes:
                runs = [measure_in_fresh_process(repeated, ending, size, call, args.timeout)
                        for _ in range(args.repeat)]
                run = next((r for r in runs if "failed" in r), None) or \
                    dict(min(runs, key=lambda r: r["seconds"]), peak_mb=max(r["peak_mb"] for r in runs))
                if "failed" in run:
                    print(f"| `{label}` | {call} | {size:,} | failed: {run['failed']} | | | | | | failed |", flush=True)
                    breaches.append(f"{label} {call} {size:,}: failed ({run['failed']})")
                    previous = None
                    continue
                megabytes = run["characters"] / 1e6
                seconds_per_mb, memory_per_mb = run["seconds"] / megabytes, run["peak_mb"] / megabytes
                ratio = None if previous is None else \
                    (run["seconds"] / previous["seconds"]) / (run["characters"] / previous["characters"])
                checks = [("ratio", ratio, LINEARITY_LIMIT)] if ratio is not None else []
                if size == max(args.sizes):  # the per-MB limits are the requirement's at 1 MB
                    checks += [("s/MB", seconds_per_mb, SECONDS_PER_MB_LIMIT),
                               ("MB/MB", memory_per_mb, MEMORY_MB_PER_MB_LIMIT)]
                over = [name for name, value, limit in checks if value > limit]
                print(f"| `{label}` | {call} | {run['characters']:,} | {run['seconds']:.2f} | {seconds_per_mb:.2f} | "
                      f"{run['peak_mb']:.0f} | {memory_per_mb:.0f} | {run['figures']:,} | "
                      f"{'' if ratio is None else f'{ratio:.2f}'} | {', '.join(over)} |", flush=True)
                where = f"{label} {call} {run['characters']:,}"
                worst_time = max(worst_time, (seconds_per_mb, where))
                worst_memory = max(worst_memory, (memory_per_mb, where))
                if over:
                    breaches.append(f"{where}: {', '.join(over)}")
                previous = run
    print(f"\nworst s/MB: {worst_time[0]:.2f} ({worst_time[1]}); worst MB/MB: {worst_memory[0]:.0f} ({worst_memory[1]})")
    print("over a limit: " + ("; ".join(breaches) if breaches else "none"))


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    return (f"{platform.python_implementation()} {platform.python_version()}, {cpu}, "
            f"{len(os.sched_getaffinity(0))} cores, {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB")


def main() -> None:
    if sys.argv[1:2] == ["_worker"]:
        run_worker(*sys.argv[2:4])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    one = commands.add_parser("extract", help="ours on a sample of each corpus, one core, CPU time")
    one.add_argument("corpora", nargs="*", type=Path)
    one.add_argument("--characters", type=int, default=SAMPLE_CHARACTERS, help="the sample of each corpus")
    one.add_argument("--rounds", type=int, default=5, help="interleaved rounds; median and range are printed")
    one.add_argument("--calls", nargs="+", default=["extract", "extract_document"],
                     choices=["extract", "extract_document"],
                     help="the library's call, and the build's (context and author as the build passes them)")
    one.add_argument("--code", nargs="*", default=[], metavar="CHECKOUT",
                     help="other checkouts (git worktree add) whose code is measured in the same rounds")
    one.add_argument("--processes", nargs="+", default=["as is"], choices=["as is", "ready"],
                     help="a process as a user's script leaves it, and one set up as a build's worker "
                          "(pipeline.ready_to_extract: the collector's setting)")
    others = commands.add_parser("peers", help="ours against the peer extractors on the same text")
    others.add_argument("--corpus", type=Path, nargs="+", default=[CORPORA / n for n in NEWS] + [WHITE_HOUSE])
    others.add_argument("--characters", type=int, default=SAMPLE_CHARACTERS, help="the sample of each corpus")
    others.add_argument("--rounds", type=int, default=3)
    whole = commands.add_parser("build", help="extract build end to end, at 1x, 2x and 4x the input")
    whole.add_argument("--scales", type=int, nargs="+", default=[1, 2, 4])
    whole.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    whole.add_argument("--all", action="store_true", help="also --jobs 1 at every scale")
    whole.add_argument("--corpora", nargs="+", default=["White House archive", "three news corpora"],
                       choices=["White House archive", "three news corpora"])
    slow = commands.add_parser("hostile", help="text made to be slow: are time and memory linear in its length?")
    slow.add_argument("--sizes", type=int, nargs="+", default=[250_000, 1_000_000],
                      help="characters each text is built to (ratios compare each size with the one before)")
    slow.add_argument("--timeout", type=float, default=600, help="seconds a run may take before it counts as failed")
    slow.add_argument("--repeat", type=int, default=1,
                      help="runs of each text, each in a fresh process: the least time counts (the others are "
                           "the machine's noise, as timeit's best of), the most memory")
    slow.add_argument("--inputs", nargs="+", default=[], metavar="TEXT",
                      help="only the inputs whose expression contains one of these ('5 km and', '$$$5')")
    args = parser.parse_args()
    print(f"{time.strftime('%Y-%m-%d')}; {machine()}; newsfigures {metadata.version('newsfigures')}, "
          f"regex {metadata.version('regex')}, duckdb {metadata.version('duckdb')}")
    {"extract": extract_speed, "peers": peers, "build": builds, "hostile": hostile}[args.command](args)


if __name__ == "__main__":
    main()
