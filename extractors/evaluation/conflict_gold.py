"""The conflict gold (docs/conflict-gold/): 500 figures of the official corpora and the news
seeds, judged by reading before the rules of issue 23 changed: whether each is about an armed
conflict, its right label, its conflict, place and period.

Scoring re-reads each judged figure's document as the build reads it (its rights' context,
its outlet as author, its title and date) and finds the figure at the same span:

- **war labels right**: of the figures now labelled war, the share whose label (category and
  measure) is the gold's and that are about an armed conflict;
- **conflict right**: of those with a conflict, the share whose conflict is the gold's;
- **war figures without a conflict**: of the figures rightly labelled war, the share that
  name none;
- **place right**: of the figures with a place, the share whose place is the gold's (the same
  id, or the same place as written where the gold names a town as `city:<Name>`);
- **period right**: of the figures with a period, the share with the gold's first and last day.

Each with its 95 % Wilson interval. Figures whose span the rules no longer read are counted
apart (`unmatched`).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .war_gold import SHARED_CORPORA, corpus_records, gold_rows, wilson

GOLD_DIR = Path(__file__).resolve().parents[2] / "docs" / "conflict-gold"
REPOSITORY = Path(__file__).resolve().parents[2]
SOURCES = {  # the sample's source -> (shared corpus, the outlet the build gives its documents)
    "whitehouse": ("whitehouse-briefing-room", "The White House"),
    "state": ("state-department-press-releases", "U.S. Department of State"),
}
WAR = ("weapon_range", "aid", "casualties", "damage", "troops", "attacks")


class ConflictGoldError(Exception):
    pass


@dataclass
class ConflictScores:
    half: str
    judged: int = 0
    unmatched: int = 0
    war_labelled: list = field(default_factory=lambda: [0, 0])      # right and about war, labelled war
    conflict: list = field(default_factory=lambda: [0, 0])
    without_conflict: list = field(default_factory=lambda: [0, 0])
    place: list = field(default_factory=lambda: [0, 0])
    period: list = field(default_factory=lambda: [0, 0])
    recall: list = field(default_factory=lambda: [0, 0])            # gold war figures labelled right
    by_category: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    errors: list = field(default_factory=list)

    def as_dict(self) -> dict:
        def rate(pair):
            k, n = pair
            return {"rate": round(k / n, 4) if n else None, "right": k, "of": n,
                    "wilson95": [round(x, 4) for x in wilson(k, n)] if n else None}
        return {"half": self.half, "judged": self.judged, "unmatched": self.unmatched,
                "war_labels_right": rate(self.war_labelled), "conflict_right": rate(self.conflict),
                "war_figures_without_conflict": rate(self.without_conflict), "place_right": rate(self.place),
                "period_right": rate(self.period), "war_recall": rate(self.recall),
                "war_labels_right_by_category": {c: rate(v) for c, v in sorted(self.by_category.items())}}

    def render(self, errors: bool = False) -> str:
        d = self.as_dict()
        lines = [f"conflict gold, {self.half} half: {self.judged} judged figures ({self.unmatched} not read at the same span)"]
        for name in ("war_labels_right", "conflict_right", "war_figures_without_conflict", "place_right",
                     "period_right", "war_recall"):
            r = d[name]
            lines.append(f"  {name.replace('_', ' '):32} " + (f"{r['rate']:.1%} {r['wilson95']} ({r['right']}/{r['of']})"
                                                              if r["of"] else "-"))
        for category, r in d["war_labels_right_by_category"].items():
            lines.append(f"    {category:30} {r['rate']:.1%} ({r['right']}/{r['of']})" if r["of"] else f"    {category}")
        if errors:
            lines += ["", *self.errors]
        return "\n".join(lines)




def _seed_documents() -> dict[str, tuple[str, dict]]:
    """The repository's news seeds: doc_id -> (text, provenance row)."""
    with (REPOSITORY / "corpus" / "provenance.csv").open(encoding="utf-8", newline="") as handle:
        rows = {row["doc_id"]: row for row in csv.DictReader(handle)}
    return {doc_id: ((REPOSITORY / row["path"]).read_text(encoding="utf-8"), row) for doc_id, row in rows.items()
            if row["path"].count("/") == 1}


def _same_place(gold: str, gold_text: str, place: str | None, place_text: str | None) -> bool:
    if not gold or place is None:
        return False
    for option in gold.split(";"):
        option = option.strip()
        if option == place:
            return True
        if option.startswith("city:") and place_text and option[5:].casefold() == " ".join(place_text.split()).casefold():
            return True
    # the same mention: the gold wrote the place as the sentence does
    return bool(gold_text) and place_text is not None and \
        " ".join(gold_text.split()).casefold() == " ".join(place_text.split()).casefold()


# The later rounds (scripts/conflict_gold.py --round 2, 3): each drawn from the packages of
# a later commit, every row held out, scored as a half of its own by name.
LATER_ROUNDS = {"report-2": ("sample-2.csv", "judgements-2.csv"), "report-3": ("sample-3.csv", "judgements-3.csv")}
HALVES = ("tuning", "report", *LATER_ROUNDS, "all")


def score(corpora: Path = SHARED_CORPORA, half: str = "tuning", gold_dir: Path = GOLD_DIR) -> ConflictScores:
    """Score the rules on the judged figures of one half: `tuning`, `report` or `all` of the
    first round, or a later round (`report-2`, `report-3`)."""
    from ..dataset.pipeline import FULL_CONTEXT, MAX_CONTEXT
    from ..reading.engine import extract_document

    if half not in HALVES:
        raise ConflictGoldError(f"--half must be one of {', '.join(HALVES)}, not {half!r}")
    later = half in LATER_ROUNDS
    sample_file, judgements_file = LATER_ROUNDS.get(half, ("sample.csv", "judgements.csv"))
    sample = {row["quantity_id"]: row for row in gold_rows(gold_dir / sample_file, ConflictGoldError)}
    judged = [row for row in gold_rows(gold_dir / judgements_file, ConflictGoldError)
              if later or half in ("all", sample[row["quantity_id"]]["half"])]
    scores = ConflictScores(half, len(judged))
    wanted = defaultdict(set)
    for row in judged:
        wanted[sample[row["quantity_id"]]["source"]].add(sample[row["quantity_id"]]["doc_id"])
    documents = {}  # (source, doc_id) -> (text, title, published, outlet, context)
    for source, (corpus, outlet) in SOURCES.items():
        if not wanted[source]:
            continue
        for doc_id, text, meta in corpus_records(corpora, corpus, metadata=True):
            if doc_id in wanted[source]:
                published = dt.date.fromisoformat(meta["date"]) if meta["date"] else None
                documents[(source, doc_id)] = (text, meta["title"] or None, published, outlet, FULL_CONTEXT)
    if wanted["seed"]:
        for doc_id, (text, row) in _seed_documents().items():
            if doc_id in wanted["seed"]:
                published = dt.date.fromisoformat(row["published"]) if row.get("published") else None
                documents[("seed", doc_id)] = (text, row.get("title") or None, published, row.get("outlet") or None,
                                               MAX_CONTEXT)
    found = {}
    for key, (text, title, published, outlet, context) in documents.items():
        for q in extract_document(text, key[1], context, author=outlet, title=title, published=published):
            found[(key, q.start, q.end)] = q
    for row in judged:
        s = sample[row["quantity_id"]]
        q = found.get(((s["source"], s["doc_id"]), int(s["start"]), int(s["end"])))
        if q is None:
            scores.unmatched += 1
            scores.errors.append(f"unmatched {row['quantity_id']} {s['text']!r}")
            continue
        gold_war = row["is_war"] == "yes" and row["category"] in WAR
        label_right = q.category == row["category"] and (q.measure or "") == (row["measure"] or "")
        if gold_war:
            scores.recall[1] += 1
            scores.recall[0] += label_right
            if not label_right:
                scores.errors.append(f"missed {row['quantity_id']} {s['text']!r}: gold {row['category']}/{row['measure']}, "
                                     f"got {q.category}/{q.measure or ''}")
        if q.category not in WAR:
            continue
        right = gold_war and label_right
        scores.war_labelled[1] += 1
        scores.war_labelled[0] += right
        scores.by_category[q.category][1] += 1
        scores.by_category[q.category][0] += right
        if not right:
            scores.errors.append(f"wrong {row['quantity_id']} {s['text']!r}: got {q.category}/{q.measure or ''}, "
                                 f"gold {row['category']}/{row['measure']} ({'war' if row['is_war'] == 'yes' else 'no war'}) "
                                 f"{row['note'][:80]}")
        if q.conflict is not None:
            scores.conflict[1] += 1
            scores.conflict[0] += q.conflict == row["conflict"]
            if q.conflict != row["conflict"]:
                scores.errors.append(f"conflict {row['quantity_id']} {s['text']!r}: got {q.conflict} ({q.conflict_rule}), "
                                     f"gold {row['conflict'] or '-'}")
        if right:
            scores.without_conflict[1] += 1
            scores.without_conflict[0] += q.conflict is None
            if q.conflict is None:
                scores.errors.append(f"no conflict {row['quantity_id']} {s['text']!r}: gold {row['conflict'] or '-'}")
        if q.place is not None:
            ok = _same_place(row["place"], row["place_text"], q.place, q.place_text)
            scores.place[1] += 1
            scores.place[0] += ok
            if not ok:
                scores.errors.append(f"place {row['quantity_id']} {s['text']!r}: got {q.place} {q.place_text!r}, "
                                     f"gold {row['place'] or '-'} {row['place_text']!r}")
        if q.period_start is not None:
            ok = (q.period_start.isoformat(), q.period_end.isoformat()) == (row["period_start"], row["period_end"])
            scores.period[1] += 1
            scores.period[0] += ok
            if not ok:
                scores.errors.append(f"period {row['quantity_id']} {s['text']!r}: got {q.period_start}..{q.period_end} "
                                     f"{q.period_text!r}, gold {row['period_start'] or '-'}..{row['period_end'] or '-'} "
                                     f"{row['period_text']!r}")
    return scores
