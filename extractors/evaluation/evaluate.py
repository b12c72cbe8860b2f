"""Scoring against gold: corpus/gold.csv holds every figure of the corpus articles,
annotated by reading the text (span, value, bounds, unit, normalized value, category,
measure, subject).

Strict: same span and same (value, low, high). Lenient: overlapping span, same
(value, low, high). Among strict matches, the agreement of the other fields is reported.
"""

from __future__ import annotations

import csv
import math
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..dataset import corpus
from ..reading.engine import extract

GOLD = "gold.csv"
AGREEMENT_FIELDS = ("dimension", "category", "measure", "qualifier", "normalized_value",
                    "normalized_low", "normalized_high", "normalized_unit", "subject")


class GoldError(Exception):
    """The gold file is unreadable or does not match the corpus."""


def _number(text: str) -> float | None:
    return float(text) if text != "" else None


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is b
    if isinstance(a, float) or isinstance(b, float):
        return math.isclose(float(a), float(b), rel_tol=1e-6)
    return a == b


def load_gold(root: Path, texts: dict[str, str]) -> list[dict]:
    path = root / "corpus" / GOLD
    if not path.is_file():
        raise GoldError(f"{path}: missing")
    gold = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = set(GOLD_COLUMNS) - set(reader.fieldnames or ())
        if missing:
            raise GoldError(f"{path}: missing columns {', '.join(sorted(missing))}")
        for line, row in enumerate(reader, start=2):
            try:
                gold.append(_gold_row(row, texts))
            except (ValueError, TypeError) as error:
                raise GoldError(f"{path}:{line}: {error}") from None
    return gold


GOLD_COLUMNS = ("doc_id", "start", "end", "text", "dimension", "category", "measure", "value",
                "low", "high", "qualifier", "normalized_value", "normalized_low",
                "normalized_high", "normalized_unit", "subject")


def _gold_row(row: dict, texts: dict[str, str]) -> dict:
    text = texts.get(row["doc_id"])
    if text is None:
        raise ValueError(f"doc_id {row['doc_id']} is not in the corpus")
    start, end = int(row["start"]), int(row["end"])
    if text[start:end] != row["text"]:
        raise ValueError(f"{row['text']!r} is not doc_text[{start}:{end}]")
    record = {k: (v if v != "" else None) for k, v in row.items()}
    record.update(start=start, end=end)
    for key in ("value", "low", "high", "normalized_value", "normalized_low", "normalized_high"):
        record[key] = _number(row[key])
    return record


@dataclass
class Tally:
    true_positives: int = 0
    predicted: int = 0
    expected: int = 0

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    strict: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    lenient: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    agreement: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    misses: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        def tallies(table):
            return {k: {"precision": round(t.precision, 4), "recall": round(t.recall, 4),
                        "f1": round(t.f1, 4), "true_positives": t.true_positives,
                        "predicted": t.predicted, "expected": t.expected}
                    for k, t in sorted(table.items())}
        return {"strict": tallies(self.strict), "lenient": tallies(self.lenient),
                "agreement_on_strict_matches": {k: {"agree": a, "of": n} for k, (a, n) in self.agreement.items()},
                "misses": self.misses, "spurious": self.spurious}

    def render(self) -> str:
        lines = [f"{'group':<28} {'strict P':>8} {'R':>6} {'F1':>6}   {'lenient P':>9} {'R':>6} {'F1':>6}   {'gold':>4} {'found':>5}"]
        for key in sorted(self.strict, key=lambda k: (k != "all", k)):
            s, l = self.strict[key], self.lenient[key]
            lines.append(f"{key:<28} {s.precision:8.3f} {s.recall:6.3f} {s.f1:6.3f}   "
                         f"{l.precision:9.3f} {l.recall:6.3f} {l.f1:6.3f}   {s.expected:4d} {s.predicted:5d}")
        lines.append("")
        lines.append("agreement on strict matches: " + ", ".join(
            f"{k} {a}/{n}" for k, (a, n) in self.agreement.items()))
        for label, items in (("missed", self.misses), ("spurious", self.spurious)):
            for item in items:
                lines.append(f"{label}: {item}")
        return "\n".join(lines)


def _groups(record) -> list[str]:
    return ["all", f"dimension={record['dimension']}", f"category={record['category']}"]


def score(gold: list[dict], predicted: list[dict]) -> Scores:
    """Match predictions to gold one to one and tally strict and lenient scores."""
    scores = Scores()
    for mode, table in (("strict", scores.strict), ("lenient", scores.lenient)):
        unmatched = list(predicted)
        for g in gold:
            for group in _groups(g):
                table[group].expected += 1
        for p in predicted:
            for group in _groups(p):
                table[group].predicted += 1
        for g in gold:
            match = next((p for p in unmatched if p["doc_id"] == g["doc_id"]
                          and _spans_agree(mode, g, p)
                          and all(_same(g[k], p[k]) for k in ("value", "low", "high"))), None)
            if match is None:
                if mode == "strict":
                    scores.misses.append(f"{g['doc_id']} {g['start']}-{g['end']} {g['text']!r}")
                continue
            unmatched.remove(match)
            # A match counts in a group only where gold and prediction both fall in it,
            # so no group's precision can pass 1.
            for group in set(_groups(g)) & set(_groups(match)):
                table[group].true_positives += 1
            if mode == "strict":
                for key in AGREEMENT_FIELDS:
                    scores.agreement[key][1] += 1
                    scores.agreement[key][0] += _same(g[key], match[key])
        if mode == "strict":
            scores.spurious = [f"{p['doc_id']} {p['start']}-{p['end']} {p['text']!r}" for p in unmatched]
    return scores


def _spans_agree(mode: str, g: dict, p: dict) -> bool:
    if mode == "strict":
        return (g["start"], g["end"]) == (p["start"], p["end"])
    return g["start"] < p["end"] and p["start"] < g["end"]


def annotated_in_gold(document) -> bool:
    """Whether gold.csv annotates every figure of the document: the news articles directly
    in corpus/; a source imported into its own folder (corpus/whitehouse/) is not."""
    return Path(document.path).parent == Path("corpus")


def evaluate(root: Path) -> Scores:
    """Scores of the extractors on the gold-annotated articles against corpus/gold.csv."""
    articles = [a for a in corpus.load(root) if annotated_in_gold(a.document)]
    texts = {a.document.doc_id: a.text for a in articles}
    gold = load_gold(root, texts)
    predicted = [q.model_dump() for a in articles for q in extract(a.text, a.document.doc_id)]
    return score(gold, predicted)


ATTRIBUTION_GOLD = "gold-attribution.csv"


def attribution(root: Path) -> dict:
    """Attribution against corpus/gold-attribution.csv: each gold figure (doc_id, start, end)
    with who gives it, as written, and its kind (empty: the text names no one). A figure's
    attribution is right where the name (case and a leading "the" aside) and the kind are
    the gold's. Precision over the figures given one, recall over the gold's attributed
    figures, with 95 % Wilson intervals."""
    from ..reading.about.attribution import bare
    from ..reading.engine import extract_document
    from ..dataset.pipeline import context_of
    from .war_gold import wilson

    path = root / "corpus" / ATTRIBUTION_GOLD
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            gold = list(csv.DictReader(handle))
    except FileNotFoundError:
        raise GoldError(f"{path}: missing") from None
    articles = {a.document.doc_id: a for a in corpus.load(root) if a.document.doc_id in {g["doc_id"] for g in gold}}
    found = {}
    for doc_id, article in articles.items():
        for q in extract_document(article.text, doc_id, context_of(article), author=article.document.outlet):
            found[(doc_id, q.start, q.end)] = (q.attributed_to, q.attribution_kind)
    right = given = attributed = 0
    misses = []
    for line, row in enumerate(gold, start=2):
        where = (row["doc_id"], int(row["start"]), int(row["end"]))
        if where not in found:
            raise GoldError(f"{path}:{line}: no figure at {row['doc_id']}[{row['start']}:{row['end']}] "
                            f"({row['text']!r}); gold names extracted figures")
        name, kind = found[where]
        expected = (row["attributed_to"] or None, row["attribution_kind"] or None)
        given += name is not None
        attributed += expected[0] is not None
        if name is not None and expected[0] is not None and bare(name) == bare(expected[0]) and kind == expected[1]:
            right += 1
        elif (name, kind) != expected:
            misses.append({"figure": row["text"], "doc_id": row["doc_id"], "gold": expected, "found": (name, kind)})
    precision, recall = (right / given if given else 0.0), (right / attributed if attributed else 0.0)
    return {"figures": len(gold), "attributed_in_gold": attributed, "attributed": given, "right": right,
            "precision": round(precision, 4), "precision_wilson95": [round(x, 4) for x in wilson(right, given)],
            "recall": round(recall, 4), "recall_wilson95": [round(x, 4) for x in wilson(right, attributed)],
            "misses": misses}
