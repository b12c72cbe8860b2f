"""The development gold of war figures: draw its sentences, merge its annotations.

    python scripts/war_gold.py draw --worklists /tmp/war-gold     # sentences to annotate
    python scripts/war_gold.py merge /tmp/war-gold/annotations-*.csv

`draw` takes, from each of three shared corpora, the sentences holding a war cue and a
number, ranks them by a seeded hash of their id and keeps the first PER_CORPUS of each.
It writes `docs/war-gold/sentences.csv` (ids, offsets, half: no text, since two of the
corpora are research-only) and, outside the repository, worklists with the text for the
annotators. `merge` turns the annotators' rows (span text and its occurrence in the
sentence) into `docs/war-gold/figures.csv` with offsets into the document, checking each.

The gold is split by a hash of the sentence id into a tuning half and a report half;
`extract eval --war` scores either (see docs/EVALUATION.md).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.reading import numerals  # noqa: E402
from extractors.reading.engine import Sentences  # noqa: E402
from extractors.evaluation.war_gold import (FIGURE_COLUMNS, GOLD_DIR, SENTENCE_COLUMNS, corpus_records, half_of, sentence_id)

SEED = 6006
PER_CORPUS = 150
MAX_SENTENCE = 700
CORPORA = ("news-articles-2017", "isw-reports-2022", "whitehouse-briefing-room")
WAR_CUE = regex.compile(
    r"\b(?:kill(?:ed|ing|s)?|dead|deaths?|died|wound(?:ed|s)?|injur(?:ed|ies|y)|casualt(?:y|ies)|"
    r"troops?|soldiers?|servicem[ae]n|militants?|fighters?|forces|military|army|missiles?|rockets?|"
    r"drones?|artillery|shell(?:s|ed|ing)?|strikes?|airstrikes?|attack(?:s|ed)?|bomb(?:s|ed|ing)?|"
    r"tanks?|weapons?|ammunition|munitions?|aid|assistance|refugees?|displaced|prisoners?|"
    r"captured|hostages?|destroy(?:ed)?|damaged?|shot down|intercept(?:ed)?|invasion|war|combat|"
    r"security assistance|howitzers?|air defen[cs]e)\b", regex.IGNORECASE)
# Round 2: the first round's cue found a war figure in about one sentence in four, so the
# second draws where a figure-bearing word stands within a few words of a number.
_FIGURE_WORD = (r"(?:kill(?:ed|ing)?|dead|deaths|died|wounded|injured|casualties|troops|soldiers|"
                r"servicem[ae]n|fighters|missiles|rockets|drones|shells|rounds|strikes|airstrikes|"
                r"attacks|tanks|vehicles|weapons|aid|assistance|refugees|displaced|prisoners|captured|"
                r"hostages|destroyed|damaged|shot down|intercepted|range|package|howitzers|"
                r"homes|buildings|launched|fired)")
_NUMBER_WORD = r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|millions?|billions?)\b)"
TIGHT_CUE = regex.compile(
    rf"\b{_FIGURE_WORD}\b(?:\W+\w+){{0,4}}?\W+{_NUMBER_WORD}|{_NUMBER_WORD}[\w,.]*(?:\W+\w+){{0,4}}?\W+{_FIGURE_WORD}\b",
    regex.IGNORECASE)


def sentences(text: str):
    """(start, end) of each sentence of a text, whitespace trimmed."""
    bounds = Sentences(text)
    starts = bounds.starts + [len(text)]
    for start, end in zip(starts, starts[1:]):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            yield start, end


def draw(corpora: Path, worklists: Path, per_corpus: int, round_: int = 1) -> None:
    drawn = set()
    if round_ > 1:
        with (GOLD_DIR / "sentences.csv").open(encoding="utf-8", newline="") as handle:
            drawn = {row["sentence_id"] for row in csv.DictReader(handle)}
    cue = WAR_CUE if round_ == 1 else TIGHT_CUE
    chosen = []
    for corpus in CORPORA:
        ranked = []
        for doc_id, text in corpus_records(corpora, corpus):
            previous = None
            for start, end in sentences(text):
                sentence = text[start:end]
                if 20 <= end - start <= MAX_SENTENCE and cue.search(sentence) \
                        and next(numerals.scan(sentence), None) is not None \
                        and sentence_id(corpus, doc_id, start) not in drawn:
                    key = hashlib.sha256(f"{SEED + round_ - 1}:{corpus}:{doc_id}:{start}".encode()).hexdigest()
                    ranked.append((key, corpus, doc_id, start, end, previous, text))
                previous = (start, end)
        ranked.sort(key=lambda r: r[0])
        kept = ranked[:per_corpus]
        print(f"{corpus}: {len(ranked)} sentences with a war cue and a number, kept {len(kept)}")
        chosen.extend(kept)
    GOLD_DIR.mkdir(parents=True, exist_ok=True)
    rows = []
    if round_ > 1:
        with (GOLD_DIR / "sentences.csv").open(encoding="utf-8", newline="") as handle:
            rows = [[row[c] for c in SENTENCE_COLUMNS] for row in csv.DictReader(handle)]
    for _, corpus, doc_id, start, end, _, text in chosen:
        sid = sentence_id(corpus, doc_id, start)
        rows.append([sid, corpus, doc_id, str(start), str(end), str(round_), half_of(sid)])
    rows.sort(key=lambda r: (r[1], r[2], int(r[3])))
    with (GOLD_DIR / "sentences.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(SENTENCE_COLUMNS)
        writer.writerows(rows)
    worklists.mkdir(parents=True, exist_ok=True)
    batches = 5 if round_ > 1 else 4
    for batch in range(batches):
        with (worklists / f"worklist-r{round_}-{batch + 1}.jsonl").open("w", encoding="utf-8") as handle:
            for i, (_, corpus, doc_id, start, end, previous, text) in enumerate(chosen):
                if i % batches != batch:
                    continue
                before = text[previous[0]:previous[1]] if previous else ""
                handle.write(json.dumps({"sentence_id": sentence_id(corpus, doc_id, start),
                                         "previous_sentence": before,
                                         "sentence": text[start:end]}, ensure_ascii=False) + "\n")
    print(f"{len(chosen)} sentences; worklists in {worklists}")


def merge(annotations: list[Path], corpora: Path, out: Path | None = None) -> None:
    listed = {}
    with (GOLD_DIR / "sentences.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            listed[row["sentence_id"]] = row
    texts = {}
    for corpus in CORPORA:
        wanted = {r["doc_id"] for r in listed.values() if r["corpus"] == corpus}
        for doc_id, text in corpus_records(corpora, corpus):
            if doc_id in wanted:
                texts[(corpus, doc_id)] = text
    rows, seen, problems = [], set(), []
    for path in annotations:
        with path.open(encoding="utf-8", newline="") as handle:
            for line, row in enumerate(_annotation_rows(path, handle), start=1):
                where = f"{path}:{line}"
                sid = row["sentence_id"].strip()
                if sid not in listed:
                    problems.append(f"{where}: unknown sentence {sid}")
                    continue
                seen.add(sid)
                if row["category"].strip() == "none":
                    continue
                sentence = listed[sid]
                text = texts[(sentence["corpus"], sentence["doc_id"])]
                s_start, s_end = int(sentence["start"]), int(sentence["end"])
                body = text[s_start:s_end]
                span = row["span"]
                occurrence = int(row.get("occurrence") or 1)
                at = -1
                for _ in range(occurrence):
                    at = body.find(span, at + 1)
                    if at < 0:
                        break
                if at < 0 or not span:
                    problems.append(f"{where}: span {span!r} (occurrence {occurrence}) not in sentence {sid}")
                    continue
                start = s_start + at
                record = {"sentence_id": sid, "corpus": sentence["corpus"], "doc_id": sentence["doc_id"],
                          "start": start, "end": start + len(span), "text": span,
                          "half": sentence["half"]}
                for column in FIGURE_COLUMNS:
                    if column not in record:
                        record[column] = (row.get(column) or "").strip()
                rows.append(record)
    unseen = sorted(set(listed) - seen)
    if unseen:
        problems.append(f"{len(unseen)} sentences have no annotation row, e.g. {unseen[:3]}")
    for problem in problems:
        print(problem, file=sys.stderr)
    rows.sort(key=lambda r: (r["corpus"], r["doc_id"], r["start"], r["end"]))
    out = out or GOLD_DIR / "figures.csv"
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, FIGURE_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} war figures in {len(seen)} sentences -> {out}"
          f" ({len(problems)} problems)")


def agreement(first: Path, second: Path) -> None:
    """How far two annotations of the same sentences agree: war figures found by both
    (overlapping spans), and on those, category, measure and bounds."""
    def rows(path):
        with path.open(encoding="utf-8", newline="") as handle:
            return [r for r in csv.DictReader(handle)]
    a, b = rows(first), rows(second)
    with (GOLD_DIR / "sentences.csv").open(encoding="utf-8", newline="") as handle:
        shared = {r["sentence_id"] for r in csv.DictReader(handle) if r["round"] == "1"}
    a = [r for r in a if r["sentence_id"] in shared]
    b = [r for r in b if r["sentence_id"] in shared]
    used, matched = set(), []
    for x in a:
        for i, y in enumerate(b):
            if i not in used and x["doc_id"] == y["doc_id"] and int(x["start"]) < int(y["end"]) \
                    and int(y["start"]) < int(x["end"]):
                used.add(i)
                matched.append((x, y))
                break
    def share(key):
        same = sum(x[key] == y[key] for x, y in matched)
        return f"{same}/{len(matched)} ({same / len(matched):.0%})" if matched else "-"
    f1 = 2 * len(matched) / (len(a) + len(b)) if a or b else 1.0
    print(f"{len(shared)} sentences annotated twice; war figures: {len(a)} and {len(b)}, "
          f"{len(matched)} found by both (F1 {f1:.2f})")
    for key in ("category", "measure", "qualifier", "value", "low", "high", "stage"):
        print(f"  same {key:<9} {share(key)}")


def _annotation_rows(path: Path, handle):
    """Annotators' rows: JSON Lines (one object a figure) or CSV."""
    if path.suffix == ".jsonl":
        for line in handle:
            if line.strip():
                yield {k: ("" if v is None else str(v)) for k, v in json.loads(line).items()}
    else:
        yield from csv.DictReader(handle)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    commands = parser.add_subparsers(dest="command", required=True)
    drawing = commands.add_parser("draw")
    drawing.add_argument("--worklists", type=Path, required=True)
    drawing.add_argument("--per-corpus", type=int, default=PER_CORPUS)
    drawing.add_argument("--round", type=int, default=1, help="1: the first draw; 2: a second "
                         "draw, excluding the first, where a figure word stands near a number")
    merging = commands.add_parser("merge")
    merging.add_argument("annotations", type=Path, nargs="+")
    merging.add_argument("--out", type=Path, help="default: docs/war-gold/figures.csv")
    agreeing = commands.add_parser("agreement", help="agreement of two annotations of the first draw")
    agreeing.add_argument("first", type=Path, nargs="?", default=GOLD_DIR / "figures.csv")
    agreeing.add_argument("second", type=Path, nargs="?", default=GOLD_DIR / "second-annotator-round1.csv")
    args = parser.parse_args()
    if args.command == "draw":
        draw(args.corpora, args.worklists, args.per_corpus, args.round)
    elif args.command == "agreement":
        agreement(args.first, args.second)
    else:
        merge(args.annotations, args.corpora, args.out)


if __name__ == "__main__":
    main()
