"""Extraction speed on the shared corpora, one core: characters per second and figures found.

    .venv/bin/python scripts/benchmark.py                    # all three corpora
    .venv/bin/python scripts/benchmark.py --limit 200        # a smoke run
    .venv/bin/python scripts/benchmark.py ../shared/corpora/reuters21578.jsonl
    .venv/bin/python scripts/benchmark.py --scaling          # hostile text: time grows linearly?

Reads the corpora where they are (research use only: nothing is copied); reports the numeral
layer alone and the full extraction, best of --repeat runs so a busy machine counts less.
Results and the command that produced them go in docs/EVALUATION.md, not in a test.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors import extract  # noqa: E402
from extractors.corpus import read_jsonl  # noqa: E402
from extractors.numerals import scan  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"


def best_of(repeat: int, work) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - started)
    return best, result


def run(path: Path, limit: int | None, repeat: int) -> dict:
    texts = [text for _, text in read_jsonl(path)][:limit]
    characters = sum(map(len, texts))
    numeral_seconds, numerals = best_of(repeat, lambda: sum(1 for t in texts for _ in scan(t)))
    extract_seconds, figures = best_of(repeat, lambda: [q for t in texts for q in extract(t)])
    return {
        "corpus": path.name, "articles": len(texts), "characters": characters,
        "numerals": numerals, "figures": len(figures),
        "numeral_mchars_per_s": characters / numeral_seconds / 1e6,
        "extract_mchars_per_s": characters / extract_seconds / 1e6,
        "extract_seconds": extract_seconds,
        "by_dimension": Counter(q.dimension for q in figures),
    }


# Text built to make per-figure work grow with the text: no sentence ends, a figure every
# few characters, units and qualifiers that need a look ahead or behind.
HOSTILE = ["5 km and ", "a half. ", "He paid 5 pounds. ", "10 pieces. ", "5 feet. ",
           "over 2,000 attacks ", "1 2 3 ", "between 5 and ", "$$$5 ", "1,2,3,4 "]


def scaling(sizes=(20_000, 80_000)) -> None:
    """Time per character at two sizes of each hostile text: a ratio near 1 is linear."""
    print(f"{'repeated text':<24} {'chars':>9} {'s':>7} {'chars':>9} {'s':>7} {'time ratio / size ratio':>24}")
    for unit in HOSTILE:
        timings = []
        for size in sizes:
            text = unit * (size // len(unit))
            timings.append((len(text), best_of(2, lambda: extract(text))[0]))
        (n1, t1), (n2, t2) = timings
        print(f"{unit!r:<24} {n1:>9} {t1:>7.3f} {n2:>9} {t2:>7.3f} {(t2 / t1) / (n2 / n1):>24.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path, help="JSON Lines corpora (default: all in ../shared/corpora)")
    parser.add_argument("--limit", type=int, help="only the first N articles of each corpus")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best counts")
    parser.add_argument("--scaling", action="store_true", help="time hostile text at two sizes instead")
    args = parser.parse_args()
    if args.scaling:
        scaling()
        return
    paths = args.corpora or sorted(CORPORA.glob("*.jsonl"))
    if not paths:
        parser.error(f"no corpora given and none in {CORPORA}")
    print(f"{'corpus':<28} {'articles':>8} {'Mchars':>7} {'numerals':>9} {'figures':>8} "
          f"{'numerals Mch/s':>14} {'extract Mch/s':>13}")
    for path in paths:
        r = run(path, args.limit, args.repeat)
        print(f"{r['corpus']:<28} {r['articles']:>8} {r['characters'] / 1e6:>7.2f} {r['numerals']:>9} "
              f"{r['figures']:>8} {r['numeral_mchars_per_s']:>14.2f} {r['extract_mchars_per_s']:>13.2f}")
        print(f"{'':<28} figures by dimension: " + ", ".join(f"{k} {v}" for k, v in sorted(r["by_dimension"].items())))


if __name__ == "__main__":
    main()
