"""The development gold of war figures: draw its sentences, merge its annotations.

    python scripts/war_gold.py draw --worklists /tmp/war-gold     # sentences to annotate
    python scripts/war_gold.py draw --round 2 --per-corpus 200 --worklists /tmp/war-gold
    python scripts/war_gold.py draw --round 3 --worklists /tmp/war-gold   # wars beyond Ukraine
    python scripts/war_gold.py draw --round 4 --worklists /tmp/war-gold   # held out: every war
    python scripts/war_gold.py draw --round 2 --per-corpus 200 --check    # redraw, compare, write nothing
    python scripts/war_gold.py merge /tmp/war-gold/annotations-r3-*.jsonl
    python scripts/war_gold.py score --round 3 --half tuning              # extract eval --war, one round

`draw` takes, from each of three shared corpora, the sentences holding a war cue and a
number, ranks them by a seeded hash of their id and keeps the first PER_CORPUS of each.
It writes `docs/war-gold/sentences.csv` (ids, offsets, half: no text, since two of the
corpora are research-only) and, outside the repository, worklists with the text for the
annotators. Round 3 draws from the 2017 news, the whole White House archive and the State
Department releases the sentences that also name another war's country, party or place
(OTHER_WARS) and no Ukrainian one, at most MAX_SHARE of a corpus's sentences for one
conflict and MAX_PER_DOCUMENT from one document. `merge` turns the annotators' rows (span
text and its occurrence in the sentence) into `docs/war-gold/figures.csv` with offsets into
the document, checking each; the rows of the rounds the annotations do not cover are kept.

The gold is split by a hash of the sentence id into a tuning half and a report half;
`extract eval --war` scores either (see docs/EVALUATION.md).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import sys
from collections import Counter
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.reading import numerals  # noqa: E402
from extractors.reading.engine import Sentences  # noqa: E402
from extractors.evaluation.war_gold import (FIGURE_COLUMNS, GOLD_DIR, SENTENCE_COLUMNS, conflict_ids,  # noqa: E402
                                            corpus_records, half_of, score, sentence_id)

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

# Round 3 (2026-12, issue 26): wars other than Russia's against Ukraine. A sentence is drawn
# where it holds TIGHT_CUE, a number, and a name of another war's country, party or place,
# and names nothing Ukrainian. The conflict of its first name only spreads the draw (at most
# MAX_SHARE of a corpus for one conflict); the annotators decide each figure's conflict.
ROUND3_CORPORA = {"news-articles-2017": 120, "whitehouse-briefing-room": 100,
                  "state-department-press-releases": 100}
MAX_SHARE = 0.25
# Round 4 (2026-12-07, issue 26): a held-out round, drawn after round 3's report half had been
# scored: round 3's draw (other wars) from the three corpora it used, and the ISW reports
# (Russia's war) by the tight cue alone. Every sentence is in the `report-2` half.
ROUND4_CORPORA = {"news-articles-2017": 80, "whitehouse-briefing-room": 40,
                  "state-department-press-releases": 40, "isw-reports-2022": 40}
HELD_OUT_ROUNDS = {4: "report-2"}
MAX_PER_DOCUMENT = 2
OTHER_WARS = {
    "israel-hamas": r"Gaza\w*|Hamas|Palestinian Islamic Jihad|Rafah|Khan Y[ou]n[ie]s|West Bank|Palestinians?|Israel(?:is?)?",
    "israel-hezbollah": r"Hezbollah|Hizballah|Lebanon|Lebanese|Beirut",
    "israel-iran": r"Iran|Iranian",
    "red-sea-houthis": r"Houthis?|Ansar Allah|Red Sea|Bab el-Mandeb",
    "yemen": r"Yemen|Yemeni|Sanaa|Sana'a|Aden|Hodeidah|Marib|AQAP",
    "syria": r"Syria|Syrian|Aleppo|Idlib|Damascus|Assad|Homs|Hama|Ghouta|Deir ez-Zor|Deir al-Zor|al-Bab|Palmyra|HTS|SDF",
    "iraq-isis": r"Iraq|Iraqi|Mosul|Baghdad|Falluja|Anbar|Raqqa|ISIS|ISIL|Islamic State|Daesh",
    "sudan": r"(?<!South )Sudan|(?<!South )Sudanese|Darfur|Rapid Support Forces|RSF|Khartoum|El Fasher",
    "new:south-sudan": r"South Sudan(?:ese)?|Juba",
    "myanmar": r"Myanmar|Burma|Burmese|Rohingya|Rakhine",
    "dr-congo-east": r"Congo(?:lese)?|DRC|M23|Goma|Kivu",
    "ethiopia": r"Ethiopia|Ethiopian|Tigray(?:an)?|TPLF|Amhara|Eritrea|Eritrean|Oromia",
    "sahel": r"Mali|Malian|Burkina Faso|Burkinabe|Niger|Nigerien|Sahel|JNIM",
    "afghanistan": r"Afghanistan|Afghans?|Taliban|Kabul|Helmand|Kandahar|Kunduz|ISIS-K",
    "nagorno-karabakh": r"Nagorno-Karabakh|Karabakh|Armenian?s?|Azerbaijan(?:i)?",
    "haiti-gangs": r"Haiti|Haitian|Port-au-Prince",
    "somalia": r"Somalia|Somali|al-Shabaab?|al-Shabab|Shabaab|Mogadishu",
    "libya": r"Libya|Libyan|Tripoli|Benghazi|Haftar",
    "nigeria-lake-chad": r"Nigeria|Nigerian|Boko Haram|ISWAP|Borno|Maiduguri|Lake Chad",
    "mozambique": r"Mozambique|Cabo Delgado",
    "india-pakistan": r"Kashmir|Pakistan|Pakistani",
    "colombia": r"Colombia|Colombian|ELN|FARC",
}
_OTHER_WAR = regex.compile("|".join(rf"(?P<w{i}>\b(?:{names})\b)" for i, names in enumerate(OTHER_WARS.values())))
_WAR_OF_GROUP = {f"w{i}": war for i, war in enumerate(OTHER_WARS)}
UKRAINIAN = regex.compile(r"\b(?:Ukrain\w*|Kyiv|Kiev|Donbas+|Donetsk|Luhansk|Crimea\w*|Kharkiv|Kherson|Zaporizh\w*|"
                          r"Mariupol|Bakhmut|Zelensk[iy]+)\b", regex.IGNORECASE)


def other_war(sentence: str) -> str | None:
    """The conflict of the first other war's name in a sentence (None where there is none,
    or where the sentence names anything Ukrainian)."""
    if UKRAINIAN.search(sentence):
        return None
    found = _OTHER_WAR.search(sentence)
    return _WAR_OF_GROUP[found.lastgroup] if found else None


def sentences(text: str):
    """(start, end) of each sentence of a text, whitespace trimmed."""
    bounds = Sentences(text)
    starts = bounds.every_start() + [len(text)]
    for start, end in zip(starts, starts[1:]):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            yield start, end


def _other_wars_only(round_: int, corpus: str) -> bool:
    """Whether a round draws from a corpus only the sentences that name another war."""
    return round_ >= 3 and corpus != "isw-reports-2022"


def _candidates(corpora: Path, corpus: str, round_: int, drawn: set[str]):
    """(key, corpus, doc_id, start, end, previous, text, meta, war) of each sentence a round
    may draw from a corpus, ranked by the round's seeded hash."""
    cue = WAR_CUE if round_ == 1 else TIGHT_CUE
    other_only = _other_wars_only(round_, corpus)
    ranked = []
    for doc_id, text, meta in corpus_records(corpora, corpus, ukraine_statements=round_ < 3, metadata=True):
        previous = None
        for start, end in sentences(text):
            sentence = text[start:end]
            if 20 <= end - start <= MAX_SENTENCE and cue.search(sentence) \
                    and next(numerals.scan(sentence), None) is not None \
                    and sentence_id(corpus, doc_id, start) not in drawn:
                war = other_war(sentence) if other_only else None
                if not other_only or war:
                    key = hashlib.sha256(f"{SEED + round_ - 1}:{corpus}:{doc_id}:{start}".encode()).hexdigest()
                    ranked.append((key, corpus, doc_id, start, end, previous, text, meta, war))
            previous = (start, end)
    ranked.sort(key=lambda r: r[0])
    return ranked


def _spread(ranked: list, quota: int) -> list:
    """The first `quota` of the ranked sentences, taking at most MAX_SHARE of the quota for
    one conflict and MAX_PER_DOCUMENT from one document (round 3)."""
    cap = max(1, math.floor(quota * MAX_SHARE))
    per_war, per_doc, kept = Counter(), Counter(), []
    for row in ranked:
        war, doc = row[8], (row[1], row[2])
        if per_war[war] < cap and per_doc[doc] < MAX_PER_DOCUMENT:
            kept.append(row)
            per_war[war] += 1
            per_doc[doc] += 1
            if len(kept) == quota:
                break
    return kept


def draw(corpora: Path, worklists: Path | None, per_corpus: int, round_: int = 1, check: bool = False) -> None:
    """Draw a round's sentences; with `check`, redraw a round already drawn and compare its
    sentences with those sentences.csv holds, writing nothing."""
    with (GOLD_DIR / "sentences.csv").open(encoding="utf-8", newline="") as handle:
        existing = list(csv.DictReader(handle))
    drawn = {row["sentence_id"] for row in existing if int(row["round"]) < round_}
    quotas = ROUND4_CORPORA if round_ == 4 else ROUND3_CORPORA if round_ == 3 else \
        {corpus: per_corpus for corpus in CORPORA}
    chosen = []
    for corpus, quota in quotas.items():
        ranked = _candidates(corpora, corpus, round_, drawn)
        other_only = _other_wars_only(round_, corpus)
        kept = _spread(ranked, quota) if other_only else ranked[:quota]
        spread = Counter(row[8] for row in kept) if other_only else None
        print(f"{corpus}: {len(ranked)} sentences with a war cue and a number"
              f"{' and another war' if other_only else ''}, kept {len(kept)}"
              + (f" ({', '.join(f'{w} {n}' for w, n in spread.most_common())})" if spread else ""))
        chosen.extend(kept)
    if check:
        ours = {sentence_id(r[1], r[2], r[3]) for r in chosen}
        theirs = {row["sentence_id"] for row in existing if int(row["round"]) == round_}
        print(f"round {round_}: redrawn {len(ours)}, in sentences.csv {len(theirs)}, same {len(ours & theirs)}")
        if ours != theirs:
            differ = Counter(sid.split(":", 1)[0] for sid in ours ^ theirs)
            # the sentence splitter's bounds moved since rounds 1 and 2 were drawn, on the
            # hard-wrapped White House texts: their stored offsets stay right (load checks them)
            raise SystemExit(f"round {round_} does not redraw as sentences.csv holds it: "
                             + ", ".join(f"{corpus} {n // 2} sentences" for corpus, n in sorted(differ.items())))
        return
    rows = [[row[c] for c in SENTENCE_COLUMNS] for row in existing if int(row["round"]) != round_]
    for _, corpus, doc_id, start, end, *_ in chosen:
        sid = sentence_id(corpus, doc_id, start)
        rows.append([sid, corpus, doc_id, str(start), str(end), str(round_), HELD_OUT_ROUNDS.get(round_) or half_of(sid)])
    rows.sort(key=lambda r: (r[1], r[2], int(r[3])))
    with (GOLD_DIR / "sentences.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(SENTENCE_COLUMNS)
        writer.writerows(rows)
    if worklists is None:
        return
    worklists.mkdir(parents=True, exist_ok=True)
    batches = 4 if round_ in (1, 4) else 5 if round_ == 2 else 8
    for batch in range(batches):
        with (worklists / f"worklist-r{round_}-{batch + 1}.jsonl").open("w", encoding="utf-8") as handle:
            for i, (_, corpus, doc_id, start, end, previous, text, meta, war) in enumerate(chosen):
                if i % batches != batch:
                    continue
                before = text[previous[0]:previous[1]] if previous else ""
                item = {"sentence_id": sentence_id(corpus, doc_id, start), "previous_sentence": before,
                        "sentence": text[start:end]}
                if round_ >= 3:  # the document's date and title help tell which war it is
                    item = {"sentence_id": item["sentence_id"], "date": meta["date"], "title": meta["title"],
                            "previous_sentence": before, "sentence": item["sentence"]}
                handle.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"{len(chosen)} sentences; worklists in {worklists}")


CATEGORIES = ("casualties", "damage", "attacks", "troops", "aid", "weapon_range", "none")


def merge(annotations: list[Path], corpora: Path, out: Path | None = None) -> None:
    """The annotators' rows into figures.csv. The rounds the annotations cover are replaced;
    the rows of the other rounds are kept as figures.csv holds them. A `none` row with no
    span is written with an empty span at its sentence's start (the sentence was read)."""
    listed = {}
    with (GOLD_DIR / "sentences.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            listed[row["sentence_id"]] = row
    known_conflicts = conflict_ids()
    texts = {}
    for corpus in sorted({r["corpus"] for r in listed.values()}):
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
                category = (row.get("category") or "").strip()
                conflict = (row.get("conflict") or "").strip()
                if category not in CATEGORIES:
                    problems.append(f"{where}: category {category!r} is none of {', '.join(CATEGORIES)}")
                    continue
                if conflict and conflict not in known_conflicts and not conflict.startswith("new:"):
                    problems.append(f"{where}: conflict {conflict!r} is no id of conflicts.tsv (nor new:...)")
                sentence = listed[sid]
                text = texts[(sentence["corpus"], sentence["doc_id"])]
                s_start, s_end = int(sentence["start"]), int(sentence["end"])
                body = text[s_start:s_end]
                span = row.get("span") or ""
                if category == "none" and not span:
                    at = 0
                else:
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
    rounds = {listed[sid]["round"] for sid in seen}
    out = out or GOLD_DIR / "figures.csv"
    kept = 0
    if (GOLD_DIR / "figures.csv").is_file():
        with (GOLD_DIR / "figures.csv").open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                sentence = listed.get(row["sentence_id"])
                if sentence is not None and sentence["round"] not in rounds:
                    row["start"], row["end"] = int(row["start"]), int(row["end"])
                    rows.append({column: row.get(column, "") for column in FIGURE_COLUMNS})
                    kept += 1
    unseen = sorted(sid for sid, s in listed.items() if s["round"] in rounds and sid not in seen)
    if unseen:
        problems.append(f"{len(unseen)} sentences of round(s) {', '.join(sorted(rounds))} have no annotation row, e.g. {unseen[:3]}")
    for problem in problems:
        print(problem, file=sys.stderr)
    rows.sort(key=lambda r: (r["corpus"], r["doc_id"], r["start"], r["end"], r["text"]))
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, FIGURE_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    merged = len(rows) - kept
    print(f"round(s) {', '.join(sorted(rounds)) or '-'}: {merged} rows in {len(seen)} sentences, "
          f"{kept} rows of other rounds kept -> {out} ({len(problems)} problems)")


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
    drawing.add_argument("--worklists", type=Path, help="where to write the worklists (outside the repository)")
    drawing.add_argument("--per-corpus", type=int, default=PER_CORPUS, help="rounds 1 and 2 (150 and 200)")
    drawing.add_argument("--round", type=int, default=1, help="1: the first draw; 2: a second "
                         "draw, excluding the first, where a figure word stands near a number; 3: wars "
                         "beyond Ukraine, from the 2017 news and the official corpora; 4: held out, round 3's draw and "
                         "the ISW reports")
    drawing.add_argument("--check", action="store_true", help="redraw a round and compare it with "
                         "sentences.csv, writing nothing")
    merging = commands.add_parser("merge")
    merging.add_argument("annotations", type=Path, nargs="+")
    merging.add_argument("--out", type=Path, help="default: docs/war-gold/figures.csv")
    scoring = commands.add_parser("score", help="extract eval --war, restricted to some rounds")
    scoring.add_argument("--half", default="tuning", choices=("tuning", "report", "report-2", "all"))
    scoring.add_argument("--round", dest="rounds", type=int, action="append",
                         help="a round to score (repeatable; default: every round)")
    scoring.add_argument("--errors", action="store_true", help="list each miss and wrong label")
    scoring.add_argument("--json", action="store_true")
    agreeing = commands.add_parser("agreement", help="agreement of two annotations of the first draw")
    agreeing.add_argument("first", type=Path, nargs="?", default=GOLD_DIR / "figures.csv")
    agreeing.add_argument("second", type=Path, nargs="?", default=GOLD_DIR / "second-annotator-round1.csv")
    args = parser.parse_args()
    if args.command == "draw":
        if args.worklists is None and not args.check:
            parser.error("draw needs --worklists (or --check)")
        draw(args.corpora, args.worklists, args.per_corpus, args.round, args.check)
    elif args.command == "score":
        scores = score(args.corpora, args.half, rounds=args.rounds)
        print(json.dumps(scores.as_dict(), indent=2) if args.json else scores.render(args.errors))
    elif args.command == "agreement":
        agreement(args.first, args.second)
    else:
        merge(args.annotations, args.corpora, args.out)


if __name__ == "__main__":
    main()
