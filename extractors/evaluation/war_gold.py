"""The development gold of war figures (docs/war-gold/): what it holds and how it is read.

Sentences drawn from four shared corpora (two of them research-only), stored as ids and
offsets; figures as offsets, span text and labels. The texts are read from the shared
corpora at evaluation time and never copied into the repository.

Rounds 1 and 2 drew from the 2017 news, the ISW reports and the White House statements on
Ukraine; round 3 (2026-12) from the 2017 news, the whole White House archive and the State
Department releases, about wars other than Russia's against Ukraine. Each figure row names
the conflict it is about (`conflict`, an id of `conflicts.tsv` or `new:<name>`). A row of
category `none` with an empty span says its sentence was read and holds no war figure; one
with a span is a figure read and judged no war figure (kept by the 2026-12 migration).
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import hashlib
import json
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

GOLD_DIR = Path(__file__).resolve().parents[2] / "docs" / "war-gold"
# Beside the repository, as the developers' machines and CI lay them out.
SHARED_CORPORA = Path(__file__).resolve().parents[3] / "shared" / "corpora"
SENTENCE_COLUMNS = ("sentence_id", "corpus", "doc_id", "start", "end", "round", "half")
FIGURE_COLUMNS = ("sentence_id", "corpus", "doc_id", "start", "end", "text", "half", "value",
                  "low", "high", "qualifier", "category", "measure", "subject", "donor",
                  "recipient", "aid_kind", "stage", "conflict", "note")
FILES = {
    "news-articles-2017": "news-articles-2017.jsonl",
    "isw-reports-2022": "isw-reports-2022.jsonl",
    "whitehouse-briefing-room": "whitehouse-briefing-room.jsonl.gz",
    "state-department-press-releases": "state-department-press-releases.jsonl.gz",
}
# The White House statements on the war: the sections the published corpus takes. Rounds 1
# and 2 drew from these documents only, where they name Ukraine; round 3 from every document.
WHITE_HOUSE_SECTIONS = {"statements-releases", "fact-sheets", "briefings-statements"}
UKRAINE = "russia-ukraine"


def sentence_id(corpus: str, doc_id: str, start: int) -> str:
    return f"{corpus}:{doc_id}:{start}"


def half_of(sid: str) -> str:
    """`tuning` or `report`, by a hash of the sentence id: fixed whatever the rules do."""
    return "report" if int(hashlib.sha256(f"half:{sid}".encode()).hexdigest()[:8], 16) % 2 else "tuning"


def corpus_records(corpora: Path, corpus: str, ukraine_statements: bool = False, metadata: bool = False):
    """(doc_id, text) of each record of a shared corpus, as stored (with `metadata`, a third
    item: the record's date and title). `ukraine_statements` keeps, of the White House
    archive, only the statements that name Ukraine (what rounds 1 and 2 drew from)."""
    path = corpora / FILES[corpus]
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if ukraine_statements and corpus == "whitehouse-briefing-room" and (
                    record.get("section") not in WHITE_HOUSE_SECTIONS or "Ukraine" not in record["text"]):
                continue
            if metadata:
                yield record["id"], record["text"], {"date": record.get("date") or "", "title": record.get("title") or ""}
            else:
                yield record["id"], record["text"]


def conflict_ids(gold_dir: Path = GOLD_DIR) -> set[str]:
    """The conflict ids a figure may carry (`conflicts.tsv`; `new:<name>` besides)."""
    with (gold_dir / "conflicts.tsv").open(encoding="utf-8", newline="") as handle:
        return {row["id"] for row in csv.DictReader((line for line in handle if not line.startswith("#")),
                                                   delimiter="\t")}


# ---- scoring ---------------------------------------------------------------------------

WAR_CATEGORIES = ("casualties", "damage", "attacks", "troops", "aid", "weapon_range")
MEASURED = ("casualties", "damage", "attacks")


class WarGoldError(Exception):
    """The war gold is unreadable or does not match the shared corpora."""


def wilson(successes: int, trials: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval of a proportion (95 % by default).

    >>> [round(x, 4) for x in wilson(95, 100)]
    [0.8882, 0.9785]
    """
    if trials == 0:
        return 0.0, 1.0
    p = successes / trials
    centre = p + z * z / (2 * trials)
    spread = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials))
    denominator = 1 + z * z / trials
    return max(0.0, (centre - spread) / denominator), min(1.0, (centre + spread) / denominator)


def gold_rows(path: Path, error: type[Exception] | None = None) -> list[dict]:
    """The rows of a gold CSV file; `error` (this module's WarGoldError by default) where
    there is none: every gold's scorer reads its files alike."""
    if not path.is_file():
        raise (error or WarGoldError)(f"{path}: not found")
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load(corpora: Path, gold_dir: Path = GOLD_DIR, documents: dict | None = None) -> tuple[list[dict], list[dict], dict]:
    """(sentences, figures, texts) of the gold, with every offset checked against the corpora.
    Where `documents` is given, it is filled with each document's title and date, as a build
    reads them: (corpus, doc_id) -> (title, datetime.date or None)."""
    sentences = gold_rows(gold_dir / "sentences.csv")
    figures = gold_rows(gold_dir / "figures.csv")
    wanted = defaultdict(set)
    for row in sentences:
        wanted[row["corpus"]].add(row["doc_id"])
    texts = {}
    for corpus, doc_ids in wanted.items():
        if corpus not in FILES:
            raise WarGoldError(f"{gold_dir / 'sentences.csv'}: unknown corpus {corpus!r}")
        if not (corpora / FILES[corpus]).is_file():
            raise WarGoldError(f"{corpora / FILES[corpus]}: missing (the war gold reads the shared corpora)")
        for doc_id, text, meta in corpus_records(corpora, corpus, metadata=True):
            if doc_id in doc_ids:
                texts[(corpus, doc_id)] = text
                if documents is not None:
                    date = meta["date"][:10]
                    documents[(corpus, doc_id)] = (meta["title"] or None,
                                                   dt.date.fromisoformat(date) if len(date) == 10 else None)
    for line, row in enumerate(figures, start=2):
        text = texts.get((row["corpus"], row["doc_id"]))
        start, end = int(row["start"]), int(row["end"])
        if text is None or text[start:end] != row["text"]:
            raise WarGoldError(f"{gold_dir / 'figures.csv'}:{line}: {row['text']!r} is not the document's text at {start}-{end}")
        row["start"], row["end"] = start, end
        row.setdefault("conflict", "")
    for row in sentences:
        row["start"], row["end"] = int(row["start"]), int(row["end"])
    return sentences, figures, texts


@dataclass
class WarScores:
    half: str
    sentences: int = 0
    rounds: tuple = ()
    gold: Counter = field(default_factory=Counter)            # war figures per category
    found: Counter = field(default_factory=Counter)           # of them, matched by any figure
    labelled: Counter = field(default_factory=Counter)        # of them, matched with their category
    predicted: Counter = field(default_factory=Counter)       # war labels given, per category
    right: Counter = field(default_factory=Counter)           # of them, matching gold of that category
    measure: list = field(default_factory=lambda: [0, 0])     # casualties and damage
    measure_by: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    actors: dict = field(default_factory=lambda: {"donor": [0, 0], "recipient": [0, 0]})
    stage: list = field(default_factory=lambda: [0, 0])
    conflict: list = field(default_factory=lambda: [0, 0])    # where gold names one and the figure says one
    # recall by what the gold figure is about: russia-ukraine, other wars, no conflict named
    by_war: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    errors: list = field(default_factory=list)

    def as_dict(self) -> dict:
        def rate(k, n):
            low, high = wilson(k, n)
            return {"k": k, "n": n, "rate": round(k / n, 4) if n else None,
                    "wilson95": [round(low, 4), round(high, 4)]}
        categories = {}
        for c in WAR_CATEGORIES:
            categories[c] = {"recall": rate(self.labelled[c], self.gold[c]),
                             "found": rate(self.found[c], self.gold[c]),
                             "precision": rate(self.right[c], self.predicted[c])}
        return {
            "half": self.half, "rounds": list(self.rounds) or "all", "sentences": self.sentences,
            "category_recall": rate(sum(self.labelled.values()), sum(self.gold.values())),
            "found": rate(sum(self.found.values()), sum(self.gold.values())),
            "precision_of_war_labels": rate(sum(self.right.values()), sum(self.predicted.values())),
            "category_accuracy_on_matched": rate(sum(self.labelled.values()), sum(self.found.values())),
            "measure_accuracy_casualties_damage": rate(*self.measure),
            "measure_accuracy": {c: rate(*v) for c, v in sorted(self.measure_by.items())},
            "donor": rate(*self.actors["donor"]), "recipient": rate(*self.actors["recipient"]),
            "stage": rate(*self.stage),
            "conflict": rate(*self.conflict),
            "category_recall_by_war": {w: rate(*self.by_war[w]) for w in WARS},
            "per_category": categories,
        }

    def render(self, errors: bool = False) -> str:
        d = self.as_dict()

        def fmt(r):
            if not r["n"]:
                return "     -          (0)"
            return f"{r['rate']:6.1%} [{r['wilson95'][0]:.0%}, {r['wilson95'][1]:.0%}] ({r['k']}/{r['n']})"
        rounds = f", rounds {', '.join(map(str, self.rounds))}" if self.rounds else ""
        lines = [f"war gold, {self.half} half{rounds}: {self.sentences} sentences, {sum(self.gold.values())} war figures",
                 f"{'category recall':<44} {fmt(d['category_recall'])}",
                 f"{'figures found (any category)':<44} {fmt(d['found'])}",
                 f"{'precision of war labels':<44} {fmt(d['precision_of_war_labels'])}",
                 f"{'category accuracy on matched figures':<44} {fmt(d['category_accuracy_on_matched'])}",
                 f"{'measure right, casualties and damage':<44} {fmt(d['measure_accuracy_casualties_damage'])}",
                 f"{'donor right, where the sentence names it':<44} {fmt(d['donor'])}",
                 f"{'recipient right, where the sentence names it':<44} {fmt(d['recipient'])}",
                 f"{'stage right, where gold names one':<44} {fmt(d['stage'])}"]
        if self.conflict[1]:
            lines.append(f"{'conflict right, where gold names one':<44} {fmt(d['conflict'])}")
        for w in WARS:
            lines.append(f"{'category recall, ' + w:<44} {fmt(d['category_recall_by_war'][w])}")
        lines += ["", f"{'category':<14} {'recall':<30} {'precision':<30}"]
        for c in WAR_CATEGORIES:
            r = d["per_category"][c]
            lines.append(f"{c:<14} {fmt(r['recall']):<30} {fmt(r['precision']):<30}")
        for c, r in d["measure_accuracy"].items():
            lines.append(f"measure of {c:<27} {fmt(r)}")
        if errors:
            lines.append("")
            lines.extend(self.errors)
        return "\n".join(lines)


def _same_actor(gold: str, found: str | None) -> bool:
    """Whether two names as written name one actor: the same words, or forms of one actor
    in the gazetteer ("U.S." and "the United States")."""
    from ..reading.lexicons import actors

    canonical = {}
    for actor in actors():
        canonical.setdefault(_plain(actor.form), _plain(actor.actor))

    def norm(name):
        plain = _plain(name)
        return canonical.get(plain, plain)
    return bool(found) and (norm(gold) == norm(found) or _plain(gold) in _plain(found) or _plain(found) in _plain(gold))


def _plain(name: str) -> str:
    name = " ".join(name.lower().replace(".", "").split())
    return name[4:] if name.startswith("the ") else name


WARS = ("russia-ukraine", "other wars", "no conflict named")


def war_of(figure: dict) -> str:
    """What a gold figure is about, in the three groups the targets are given for."""
    conflict = (figure.get("conflict") or "").strip()
    return UKRAINE if conflict == UKRAINE else "other wars" if conflict else "no conflict named"


# The held-out round 4 (scripts/war_gold.py draw --round 4) is a half of its own, which
# `all` leaves out: it is scored once, by name.
HELD_OUT = "report-2"
HALVES = ("tuning", "report", HELD_OUT, "all")


def score(corpora: Path, half: str = "tuning", gold_dir: Path = GOLD_DIR, rounds=None) -> WarScores:
    """Score extract() on the gold sentences of one half (`tuning`, `report`, `all` of them,
    or the held-out `report-2`), of the given rounds (all where None; round 3 is the wars
    beyond Ukraine)."""
    from ..reading.engine import extract

    documents: dict = {}
    sentences, figures, texts = load(corpora, gold_dir, documents)
    wanted = {str(r) for r in rounds} if rounds else None
    chosen = [s for s in sentences if (s["half"] == half or half == "all" and s["half"] != HELD_OUT)
              and (wanted is None or s["round"] in wanted)]
    scores = WarScores(half, len(chosen), tuple(sorted(wanted, key=int)) if wanted else ())
    by_doc = defaultdict(list)
    for s in chosen:
        by_doc[(s["corpus"], s["doc_id"])].append(s)
    gold_by_sentence = defaultdict(list)
    for f in figures:
        if f["category"] in WAR_CATEGORIES:
            gold_by_sentence[f["sentence_id"]].append(f)
    for key in sorted(by_doc):
        title, published = documents.get(key, (None, None))
        quantities = extract(texts[key], key[1], title=title, published=published)
        for s in by_doc[key]:
            inside = [q for q in quantities if q.start < s["end"] and q.end > s["start"]]
            gold = gold_by_sentence.get(s["sentence_id"], [])
            pairs = _match(gold, inside)
            for g in gold:
                scores.gold[g["category"]] += 1
                scores.by_war[war_of(g)][1] += 1
            for q in inside:
                if q.category in WAR_CATEGORIES:
                    scores.predicted[q.category] += 1
            matched_q = set()
            for g, q in pairs:
                matched_q.add(id(q))
                c = g["category"]
                scores.found[c] += 1
                if q.category == c:
                    scores.labelled[c] += 1
                    scores.right[c] += 1
                    scores.by_war[war_of(g)][0] += 1
                    found_conflict = getattr(q, "conflict", None)
                    if g.get("conflict") and not g["conflict"].startswith("new:") and found_conflict is not None:
                        # scored once figures carry a conflict (issue 23), where gold names a
                        # conflict of conflicts.tsv (`new:` ids are ones the gazetteer lacks)
                        scores.conflict[1] += 1
                        scores.conflict[0] += found_conflict == g["conflict"]
                        if found_conflict != g["conflict"]:
                            scores.errors.append(f"conflict {s['sentence_id']} {g['text']!r}: gold {g['conflict']}, got {found_conflict or '-'}")
                    if c in MEASURED and g["measure"]:
                        ok = q.measure == g["measure"]
                        scores.measure_by[c][1] += 1
                        scores.measure_by[c][0] += ok
                        if c != "attacks":
                            scores.measure[1] += 1
                            scores.measure[0] += ok
                        if not ok:
                            scores.errors.append(f"measure {s['sentence_id']} {g['text']!r}: gold {g['measure']}, got {q.measure}")
                    if c == "aid":
                        sentence_text = _plain(texts[key][s["start"]:s["end"]])
                        for role in ("donor", "recipient"):
                            # scored where the sentence names them ("we" or a name from
                            # another sentence is no name the sentence gives)
                            if g[role] and _plain(g[role]) in sentence_text:
                                # the gold writes names as the sentence does: against the words
                                # as written (issue 24 made `donor` one name per actor)
                                found_actor = getattr(q, f"{role}_text", None) or getattr(q, role)
                                ok = _same_actor(g[role], found_actor)
                                scores.actors[role][1] += 1
                                scores.actors[role][0] += ok
                                if not ok:
                                    scores.errors.append(f"{role} {s['sentence_id']} {g['text']!r}: gold {g[role]!r}, got {found_actor!r}")
                        if g["stage"]:
                            found_stage = getattr(q, "stage", None)
                            scores.stage[1] += 1
                            scores.stage[0] += found_stage == g["stage"]
                            if found_stage != g["stage"]:
                                scores.errors.append(f"stage {s['sentence_id']} {g['text']!r}: gold {g['stage']}, got {found_stage}")
                else:
                    scores.errors.append(f"category {s['sentence_id']} {g['text']!r}: gold {c}, got {q.category} ({q.text!r})")
            for g in gold:
                if not any(g is pg for pg, _ in pairs):
                    scores.errors.append(f"missed {s['sentence_id']} {g['text']!r} ({g['category']})")
            for q in inside:
                if q.category in WAR_CATEGORIES and id(q) not in matched_q:
                    scores.errors.append(f"spurious {s['sentence_id']} {q.text!r} ({q.category})")
    return scores


def _match(gold: list[dict], found: list) -> list[tuple[dict, object]]:
    """Gold figures paired one to one with the figures whose spans overlap them most."""
    candidates = []
    for g in gold:
        for q in found:
            overlap = min(g["end"], q.end) - max(g["start"], q.start)
            if overlap > 0:
                candidates.append((-overlap, g["start"], q.start, id(g), g, q))
    pairs, used_g, used_q = [], set(), set()
    for _, _, _, _, g, q in sorted(candidates, key=lambda c: c[:3]):
        if id(g) not in used_g and id(q) not in used_q:
            used_g.add(id(g))
            used_q.add(id(q))
            pairs.append((g, q))
    return pairs
