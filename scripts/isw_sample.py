"""Precision of the war categories on the ISW 2022 reports, from a judged seeded hash sample.

    .venv/bin/python scripts/isw_sample.py                 # counts per category, whole corpus
    .venv/bin/python scripts/isw_sample.py --show          # the 100 sampled figures, to judge
    .venv/bin/python scripts/isw_sample.py --judgements docs/isw-sample-judgements.csv
    .venv/bin/python scripts/isw_sample.py --seed 7919 --judgements docs/isw-heldout-judgements.csv

Procedure:

1. Read ../shared/corpora/isw-reports-2022.jsonl where it is (JSON Lines {"id", "text"};
   research use only: no text is copied, and the judgements file holds ids, offsets and
   verdicts, never sentences).
2. Run extract() on every article and keep the figures whose category is not "other":
   weapon_range, aid, casualties, damage, troops, attacks.
3. Draw the 100 figures whose sha256(f"{seed}:{doc_id}:{start}:{end}") hex digest is smallest
   (a seeded hash sample); the sample's index (1 to 100) is its rank by digest. Whether a
   figure is drawn depends only on its own digest and on the figures with smaller digests,
   not on the population's size or order. --seed defaults to 2022, the development sample
   (its errors were fixed, so its precision is optimistic). Any other seed draws a held-out
   sample: first the seed-2022 sample is drawn and its spans (doc_id, start, end, whatever
   their category) are removed from the population, so no figure judged during development
   is drawn again (docs/isw-heldout-judgements.csv judges seed 7919).
4. A person reads each sampled figure in its sentence (--show) and writes a verdict to a
   CSV with columns index, doc_id, start, end, category, verdict, reason. A figure is
   "correct" only when the span is a real figure, its value, bounds and qualifier say what
   the text says, and its category is right; otherwise "wrong", with the reason.
5. --judgements prints precision, overall and per category, with a 95% Wilson interval
   (the per-category samples are small). A verdict counts for a sampled figure when its
   doc_id, start, end and category are the figure's. After the extractors change, figures
   with no such verdict are listed as needing judgement, and verdicts that match no sampled
   figure as stale, each with what the extractors now make of its span (gone, another
   category, or still there but not drawn), so only what changed has to be judged again:
   a figure that appears or disappears elsewhere shifts at most one figure in or out at
   the tail of the sample, and the indices of the figures ranked after it.

The whole corpus's counts per category are printed every time.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors import Quantity, extract  # noqa: E402
from extractors.dataset.corpus import read_jsonl  # noqa: E402
from extractors.evaluation.war_gold import wilson  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpora" / "isw-reports-2022.jsonl"
WAR_CATEGORIES = ("weapon_range", "aid", "casualties", "damage", "troops", "attacks")
SAMPLE_SIZE = 100
SEED = 2022
VERDICTS = ("correct", "wrong")
COLUMNS = ("index", "doc_id", "start", "end", "category", "verdict", "reason")


@dataclass(frozen=True)
class Verdict:
    index: int
    doc_id: str
    start: int
    end: int
    category: str
    verdict: str
    reason: str

    @property
    def key(self) -> tuple[str, int, int, str]:
        return (self.doc_id, self.start, self.end, self.category)


def key(q: Quantity) -> tuple[str, int, int, str]:
    return (q.doc_id, q.start, q.end, q.category)


def all_figures(path: Path, outlet: str | None = None) -> list[Quantity]:
    """Every figure extract() finds in the corpus, "other" included: a JSON Lines file, or
    a repository's corpus/ (its root given), where `outlet` picks its documents."""
    if path.is_dir():
        from extractors.dataset import corpus

        return [q for a in corpus.load(path) if outlet is None or a.document.outlet == outlet
                for q in extract(a.text, doc_id=a.document.doc_id)]
    return [q for doc_id, text in read_jsonl(path) for q in extract(text, doc_id=doc_id)]


def war_figures(figures: list[Quantity]) -> list[Quantity]:
    """The figures of a war category, sorted by (article id, start): the population."""
    return sorted((q for q in figures if q.category != "other"), key=lambda q: (q.doc_id, q.start))


def digest(q: Quantity, seed: int = SEED) -> str:
    """The figure's place in the seeded hash order: sha256 of seed, article id and span."""
    return hashlib.sha256(f"{seed}:{q.doc_id}:{q.start}:{q.end}".encode("utf-8")).hexdigest()


def draw(figures: list[Quantity], size: int = SAMPLE_SIZE, seed: int = SEED,
         held_out: bool = True) -> dict[int, Quantity]:
    """The sample, by its index: the `size` figures with the smallest digests, 1 the smallest.

    With a seed other than SEED, the figures at the spans of the SEED (development) sample
    are left out first, so the sample is held out from development (ISW only: `held_out`)."""
    if seed != SEED and held_out:
        development = {span(q) for q in draw(figures, size, SEED).values()}
        figures = [q for q in figures if span(q) not in development]
    chosen = sorted(figures, key=lambda q: (digest(q, seed), q.category))[:size]
    return dict(enumerate(chosen, start=1))


def span(q: Quantity) -> tuple[str, int, int]:
    return (q.doc_id, q.start, q.end)


def marked_sentence(q: Quantity) -> str:
    """The figure's sentence on one line, the figure between [[ ]]."""
    s, e = q.start - q.sentence_start, q.end - q.sentence_start
    return " ".join(f"{q.sentence[:s]}[[{q.sentence[s:e]}]]{q.sentence[e:]}".split())


def bounds(value, low, high) -> str:
    return f"value={fmt(value)} low={fmt(low)} high={fmt(high)}"


def fmt(number) -> str:
    return "-" if number is None else f"{number:g}"


def show(sample: dict[int, Quantity]) -> None:
    for index, q in sample.items():
        print(f"#{index}  {q.doc_id}  {q.start}-{q.end}  {q.category}"
              + (f"/{q.measure}" if q.measure else "") + f"  qualifier={q.qualifier}")
        print(f"    figure: {q.text!r}  unit={q.unit!r}  {bounds(q.value, q.low, q.high)}")
        print(f"    normalized: {bounds(q.normalized_value, q.normalized_low, q.normalized_high)} "
              f"{q.normalized_unit}  subject={q.subject!r}"
              + (f"  donor={q.donor!r} recipient={q.recipient!r} kind={q.aid_kind!r}"
                 if q.category == "aid" else ""))
        print(f"    sentence: {marked_sentence(q)}")
        print()


def read_judgements(path: Path) -> list[Verdict]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = set(COLUMNS) - set(reader.fieldnames or ())
        if missing:
            sys.exit(f"{path}: missing columns {sorted(missing)}")
        verdicts = []
        for line, row in enumerate(reader, start=2):
            if row["verdict"] not in VERDICTS:
                sys.exit(f"{path}:{line}: verdict must be one of {VERDICTS}, not {row['verdict']!r}")
            verdicts.append(Verdict(int(row["index"]), row["doc_id"], int(row["start"]),
                                    int(row["end"]), row["category"], row["verdict"], row["reason"]))
    return verdicts


def precision_line(name: str, correct: int, n: int) -> str:
    if n == 0:
        return f"{name:<14} {'-':>9} {0:>6}"
    low, high = wilson(correct, n)
    return f"{name:<14} {correct / n:>9.0%} {correct:>3}/{n:<3} [{low:.0%}, {high:.0%}]"


def report(sample: dict[int, Quantity], verdicts: list[Verdict], figures: list[Quantity],
           seed: int = SEED) -> None:
    by_key = {v.key: v for v in verdicts}
    judged = {index: by_key[key(q)] for index, q in sample.items() if key(q) in by_key}
    unjudged = {index: q for index, q in sample.items() if index not in judged}
    sampled_keys = {key(q) for q in sample.values()}
    stale = [v for v in verdicts if v.key not in sampled_keys]

    print(f"precision on {len(judged)} of {len(sample)} sampled figures judged, seed {seed}"
          + (f", held out from the seed-{SEED} sample" if seed != SEED else "")
          + " (95% Wilson interval)")
    print(f"{'category':<14} {'precision':>9} {'n':>7}")
    tally = Counter((sample[i].category, v.verdict) for i, v in judged.items())
    correct = sum(n for (_, verdict), n in tally.items() if verdict == "correct")
    print(precision_line("all", correct, len(judged)))
    for category in WAR_CATEGORIES:
        print(precision_line(category, tally[category, "correct"],
                             tally[category, "correct"] + tally[category, "wrong"]))

    if unjudged or stale:
        print(f"\nthe sample no longer matches the judged list: {len(unjudged)} sampled figures "
              f"have no verdict, {len(stale)} verdicts match no sampled figure")
        for index, q in unjudged.items():
            print(f"  to judge: #{index} {q.doc_id} {q.start}-{q.end} {q.category} {q.text!r}")
        now = {span(q): q for q in figures}
        development = ({span(q) for q in draw(war_figures(figures), len(sample), SEED).values()}
                       if seed != SEED else set())
        for v in stale:
            where = (v.doc_id, v.start, v.end)
            print(f"  stale:    #{v.index} {v.doc_id} {v.start}-{v.end} {v.category} ({v.verdict}): "
                  + (f"now in the seed-{SEED} development sample" if where in development
                     else fate(v, now.get(where))))


def fate(verdict: Verdict, figure: Quantity | None) -> str:
    """What the extractors now make of a judged figure that is not in the sample."""
    if figure is None:
        return "no longer extracted at this span"
    if figure.category != verdict.category:
        return f"now extracted as {figure.category}"
    return "still extracted, not drawn this time"


def print_counts(figures: list[Quantity], corpus: Path) -> None:
    counts = Counter(q.category for q in figures)
    print(f"war-category figures in {corpus.name}: {len(figures)}")
    for category in WAR_CATEGORIES:
        print(f"  {category:<14} {counts[category]:>6}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS,
                        help="the ISW JSON Lines corpus, or a repository root (its corpus/)")
    parser.add_argument("--outlet", help="with a repository root: only this outlet's documents")
    parser.add_argument("--show", action="store_true", help="print each sampled figure, to judge")
    parser.add_argument("--judgements", type=Path, metavar="PATH",
                        help="CSV of verdicts: precision overall and per category")
    parser.add_argument("--seed", type=int, default=SEED, metavar="N",
                        help=f"hash seed; {SEED} (default) is the development sample, any "
                             f"other draws a held-out sample that excludes it")
    args = parser.parse_args()
    if not args.corpus.exists():
        parser.error(f"no corpus at {args.corpus}")

    figures = all_figures(args.corpus, args.outlet)
    population = war_figures(figures)
    sample = draw(population, seed=args.seed, held_out=args.corpus == CORPUS)
    if args.show:
        show(sample)
    print_counts(population, args.corpus.resolve())
    if args.judgements:
        print()
        report(sample, read_judgements(args.judgements), figures, args.seed)


if __name__ == "__main__":
    main()
