"""Are the published sentences whole? A seeded sample of figures, each shown with its
`sentence` column and the document text around it, to judge by reading.

    .venv/bin/python scripts/sentence_sample.py --outlet "The White House"      # show 50
    .venv/bin/python scripts/sentence_sample.py --outlet "The White House" --judgements docs/wh-sentence-judgements.csv

Draws the figures of dist/quantities.csv whose document has the outlet, by the smallest
sha256("sentences:{seed}:{quantity_id}"), so the draw is stable while the rest changes.
A verdict is `whole` (the sentence column is exactly the real sentence: it starts where the
sentence starts and ends where it ends, across wrapped lines) or `cut` with a reason.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.dataset import corpus  # noqa: E402
from extractors.evaluation.war_gold import wilson  # noqa: E402

SEED = 50


def draw(root: Path, outlet: str | None, size: int, seed: int) -> list[dict]:
    documents = {a.document.doc_id: a for a in corpus.load(root)
                 if outlet is None or a.document.outlet == outlet}
    with (root / "dist" / "quantities.csv").open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["doc_id"] in documents]
    rows.sort(key=lambda r: hashlib.sha256(f"sentences:{seed}:{r['quantity_id']}".encode()).hexdigest())
    for row in rows[:size]:
        row["_text"] = documents[row["doc_id"]].text
    return rows[:size]


def show(rows: list[dict]) -> None:
    for i, row in enumerate(rows, start=1):
        text, start = row["_text"], int(row["sentence_start"])
        end = start + len(row["sentence"])
        print(f"#{i}  {row['quantity_id']}  figure {row['text']!r}")
        print(f"    before:   {text[max(0, start - 250):start]!r}")
        print(f"    SENTENCE: {row['sentence']!r}")
        print(f"    after:    {text[end:end + 250]!r}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--outlet")
    parser.add_argument("--size", type=int, default=50)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--judgements", type=Path, help="CSV index,quantity_id,verdict,reason")
    args = parser.parse_args()
    rows = draw(args.root, args.outlet, args.size, args.seed)
    if not args.judgements:
        show(rows)
        return
    with args.judgements.open(encoding="utf-8", newline="") as handle:
        verdicts = {r["quantity_id"]: r for r in csv.DictReader(handle)}
    judged = [verdicts[r["quantity_id"]] for r in rows if r["quantity_id"] in verdicts]
    whole = sum(v["verdict"] == "whole" for v in judged)
    low, high = wilson(whole, len(judged))
    print(f"sentences judged {len(judged)} of {len(rows)}; whole {whole}/{len(judged)} "
          f"[{low:.0%}, {high:.0%}] (95% Wilson interval)")
    for v in judged:
        if v["verdict"] != "whole":
            print(f"  cut: {v['quantity_id']}: {v['reason']}")


if __name__ == "__main__":
    main()
