"""Draw the development sample of issue 23 (conflict, place, period, war labels).

    /work/base/.venv/bin/python scripts/conflict_gold.py \
        [--wh /work/ref/wh-figures] [--state /work/ref/state-figures] [--seeds /work/base/dist]
    .venv/bin/python scripts/conflict_gold.py --round 2 \
        --wh /work/ref2/wh-figures --state /work/ref2/state-figures --seeds dist
    .venv/bin/python scripts/conflict_gold.py --round 3 \
        --wh /work/ref4/wh-figures --state /work/ref4/state-figures --seeds dist

Reads three packages built with the rules *before* issue 23:

- the White House archive package (source `whitehouse`),
- the State Department package (source `state`),
- the repository's own package, of which only the documents whose outlet is not
  "The White House" are kept (source `seed`): its White House documents are all in the
  archive and are not drawn twice.

and draws, with SEED:

- 300 war-labelled figures (`category` != 'other'), stratified by category in proportion to
  the categories' counts, with at least 15 of each category that has 15 (a category with
  fewer than 15 figures is taken whole);
- 200 figures labelled `other` whose sentence holds a war cue (the WAR_CUE regex of
  scripts/war_gold.py, copied below so the draw does not change when that file does).

Within each stratum figures are ranked by sha256(f"{SEED}:{quantity_id}") and the first are
kept. Each row gets a `half` (`tuning` or `report`) by a hash of its quantity_id, fixed
whatever the rules do. Writes docs/conflict-gold/sample.csv; the judgements of each row are
in docs/conflict-gold/judgements.csv (see docs/conflict-gold/GUIDELINES.md).

Round 2 (2026-12-07) is a second held-out set, drawn the same way from packages built with the
rules of commit a3ac38e, after round 1's report half had been scored: 200 war-labelled figures
(at least 10 a category) and 100 `other` figures with a war cue, with SEED_2, every row in the
`report` half. Its judgements are in docs/conflict-gold/judgements-2.csv.

Round 3 (2026-12-07) is drawn the same way, with SEED_3, from packages built with the rules of
commit aeb11f9, after round 2 had been scored and then read as development data; its
judgements are in docs/conflict-gold/judgements-3.csv.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
from pathlib import Path

import duckdb
import regex

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "conflict-gold" / "sample.csv"

SEED = 2323
WAR_LABELLED = 300
OTHER_WITH_CUE = 200
MIN_PER_CATEGORY = 15
SEED_2 = 2424
SEED_3 = 2626
ROUNDS = {
    1: dict(seed=SEED, war=WAR_LABELLED, other=OTHER_WITH_CUE, floor=MIN_PER_CATEGORY,
            out=OUT, held_out=False),
    2: dict(seed=SEED_2, war=200, other=100, floor=10,
            out=OUT.with_name("sample-2.csv"), held_out=True),
    3: dict(seed=SEED_3, war=200, other=100, floor=10,
            out=OUT.with_name("sample-3.csv"), held_out=True),
}

# The WAR_CUE of scripts/war_gold.py (as frozen in /work/base/scripts/war_gold.py).
WAR_CUE = regex.compile(
    r"\b(?:kill(?:ed|ing|s)?|dead|deaths?|died|wound(?:ed|s)?|injur(?:ed|ies|y)|casualt(?:y|ies)|"
    r"troops?|soldiers?|servicem[ae]n|militants?|fighters?|forces|military|army|missiles?|rockets?|"
    r"drones?|artillery|shell(?:s|ed|ing)?|strikes?|airstrikes?|attack(?:s|ed)?|bomb(?:s|ed|ing)?|"
    r"tanks?|weapons?|ammunition|munitions?|aid|assistance|refugees?|displaced|prisoners?|"
    r"captured|hostages?|destroy(?:ed)?|damaged?|shot down|intercept(?:ed)?|invasion|war|combat|"
    r"security assistance|howitzers?|air defen[cs]e)\b", regex.IGNORECASE)

COLUMNS = ["quantity_id", "source", "doc_id", "published", "title", "start", "end", "text",
           "sentence", "category", "measure", "subject", "donor", "recipient", "aid_kind",
           "stage", "attributed_to", "half"]
_FIELDS = ("q.quantity_id, q.doc_id, d.published, d.title, q.start, q.\"end\", q.text, "
           "q.sentence, q.category, q.measure, q.subject, q.donor, q.recipient, q.aid_kind, "
           "q.stage, q.attributed_to")


def rank(quantity_id: str, seed: int = SEED) -> str:
    return hashlib.sha256(f"{seed}:{quantity_id}".encode()).hexdigest()


def half_of(quantity_id: str) -> str:
    """`tuning` or `report`, by a hash of the quantity id (as war_gold's half_of does)."""
    return "report" if int(hashlib.sha256(f"half:{quantity_id}".encode()).hexdigest()[:8], 16) % 2 else "tuning"


def load(wh: Path, state: Path, seeds: Path) -> list[dict]:
    rows = []
    for source, package, where in (("whitehouse", wh, "TRUE"),
                                   ("state", state, "TRUE"),
                                   ("seed", seeds, "d.outlet IS DISTINCT FROM 'The White House' "
                                            "AND d.outlet IS DISTINCT FROM 'U.S. Department of State'")):
        query = (f"SELECT {_FIELDS} FROM '{package}/quantities.parquet' q "
                 f"JOIN '{package}/documents.parquet' d USING (doc_id) WHERE {where}")
        result = duckdb.sql(query)
        names = result.columns
        for values in result.fetchall():
            row = dict(zip(names, values))
            row["source"] = source
            rows.append(row)
    return rows


def allocate(counts: dict[str, int], total: int, floor: int) -> dict[str, int]:
    """Per-category sizes summing to `total`: proportional to `counts` (largest remainder),
    at least min(floor, count) each, never more than a category holds."""
    fixed: dict[str, int] = {}
    while True:
        rest = {c: n for c, n in counts.items() if c not in fixed}
        budget = total - sum(fixed.values())
        pool = sum(rest.values())
        shares = {c: budget * n / pool for c, n in rest.items()} if pool else {}
        changed = False
        for c, n in rest.items():
            least = min(floor, n)
            if shares[c] < least:
                fixed[c] = least
                changed = True
            elif shares[c] > n:
                fixed[c] = n
                changed = True
        if not changed:
            break
    sizes = dict(fixed)
    base = {c: int(s) for c, s in shares.items()}
    sizes.update(base)
    left = total - sum(sizes.values())
    for c in sorted(shares, key=lambda c: (-(shares[c] - base[c]), c))[:left]:
        sizes[c] += 1
    return sizes


def draw(rows: list[dict], seed: int = SEED, war_size: int = WAR_LABELLED,
         other_size: int = OTHER_WITH_CUE, floor: int = MIN_PER_CATEGORY) -> list[dict]:
    war = [r for r in rows if r["category"] != "other"]
    other = [r for r in rows if r["category"] == "other" and r["sentence"] and WAR_CUE.search(r["sentence"])]
    by_category: dict[str, list[dict]] = {}
    for r in war:
        by_category.setdefault(r["category"], []).append(r)
    sizes = allocate({c: len(v) for c, v in by_category.items()}, war_size, floor)
    chosen = []
    for category in sorted(by_category):
        ranked = sorted(by_category[category], key=lambda r: rank(r["quantity_id"], seed))
        kept = ranked[:sizes[category]]
        print(f"{category}: {len(ranked)} war-labelled figures, kept {len(kept)}")
        chosen.extend(kept)
    chosen.sort(key=lambda r: rank(r["quantity_id"], seed))
    others = sorted(other, key=lambda r: rank(r["quantity_id"], seed))[:other_size]
    print(f"other with a war cue: {len(other)} figures, kept {len(others)}")
    return chosen + others


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wh", type=Path, default=Path("/work/ref/wh-figures"))
    parser.add_argument("--state", type=Path, default=Path("/work/ref/state-figures"))
    parser.add_argument("--seeds", type=Path, default=Path("/work/base/dist"))
    parser.add_argument("--round", type=int, choices=sorted(ROUNDS), default=1)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    plan = ROUNDS[args.round]
    out = args.out or plan["out"]
    rows = load(args.wh, args.state, args.seeds)
    ids = [r["quantity_id"] for r in rows]
    if len(ids) != len(set(ids)):
        raise SystemExit("quantity ids are not unique across the packages")
    sample = draw(rows, plan["seed"], plan["war"], plan["other"], plan["floor"])
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        for r in sample:
            r["half"] = "report" if plan["held_out"] else half_of(r["quantity_id"])
            writer.writerow(["" if r.get(c) is None else str(r[c]) for c in COLUMNS])
    halves = {h: sum(r["half"] == h for r in sample) for h in ("tuning", "report")}
    print(f"{len(sample)} rows to {out} ({halves})")


if __name__ == "__main__":
    main()
