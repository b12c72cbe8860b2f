"""The gold list of US assistance announcements to Ukraine (issue 24), built from reading.

    python scripts/aid_gold.py build     # annotations.txt -> the three CSV files, checked
    python scripts/aid_gold.py stats     # counts and yearly totals, as quoted in the README

`docs/aid-gold/annotations.txt` is the reading record: one line per decision, written while
reading the White House and State Department corpora (see docs/aid-gold/README.md):

    A|announcement_id|date|amount|approximate|kind|authority|first_doc_id|first_text|note[|occ]
    R|announcement_id|doc_id|figure text[|occ]    (another report of the same announcement)
    N|doc_id|text|occurrence|scope|donor|note     (an amount that is not new US aid;
                                                   occurrence `*` = every occurrence)

A report covers every occurrence of its text in the document unless `occ` (comma-separated
occurrence numbers) says which.

`build` checks every line against the shared corpora (the document exists, the text occurs,
the occurrence exists, the first report is dated as stated and no report is earlier) and
writes `announcements.csv`, `not-new.csv` and `reports.csv` (one row per report, with
offsets). Texts are matched with whitespace collapsed, since the White House markdown is
hard-wrapped ("$10\\nmillion"); `occurrence` counts matches of that collapsed form.

The split is by the month of the document: months whose sha256 hex digest (of "YYYY-MM")
ends in an even hex digit are `dev`, the others `report`. An announcement takes the part of
the month of its first report.
"""

from __future__ import annotations

import argparse
import collections
import csv
import gzip
import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "docs" / "aid-gold"
ANNOTATIONS = GOLD_DIR / "annotations.txt"
SHARED_CORPORA = ROOT.parent / "shared" / "corpora"
CORPORA = {
    "whitehouse": "whitehouse-briefing-room.jsonl.gz",
    "state": "state-department-press-releases.jsonl.gz",
}
KINDS = {"military", "humanitarian", "financial"}
SCOPES = {"cumulative", "requested", "appropriated", "part", "other_donor"}
ANNOUNCEMENT_COLUMNS = ["announcement_id", "date", "amount", "approximate", "kind", "authority", "donor",
                        "recipient", "first_doc_id", "first_text", "reports", "note", "part"]
NOT_NEW_COLUMNS = ["doc_id", "text", "occurrence", "scope", "donor", "note", "part", "start", "end"]
REPORT_COLUMNS = ["announcement_id", "doc_id", "publisher", "date", "text", "occurrence", "start", "end",
                  "first", "part"]


class AidGoldError(Exception):
    pass


def part_of(month: str) -> str:
    """`dev` or `report` for a month "YYYY-MM"."""
    return "dev" if int(hashlib.sha256(month.encode()).hexdigest()[-1], 16) % 2 == 0 else "report"


def load_corpora(corpora: Path = SHARED_CORPORA) -> dict[str, dict]:
    docs = {}
    for publisher, name in CORPORA.items():
        with gzip.open(corpora / name, "rt", encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                docs[record["id"]] = {"publisher": publisher, "date": record["date"], "text": record["text"]}
    return docs


_PATTERNS: dict[str, re.Pattern] = {}


def spans(text: str, figure: str) -> list[tuple[int, int]]:
    """Every match of `figure` in `text`, whitespace collapsed on both sides."""
    if figure not in _PATTERNS:
        _PATTERNS[figure] = re.compile(r"\s+".join(re.escape(p) for p in figure.split()))
    return [(m.start(), m.end()) for m in _PATTERNS[figure].finditer(text)]


def normal(figure: str) -> str:
    return " ".join(figure.split())


def parse(path: Path = ANNOTATIONS):
    announcements, reports, not_new = [], [], []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("|")
        where = f"{path.name}:{number}"
        if fields[0] == "A" and len(fields) in (10, 11):
            keys = ["id", "date", "amount", "approximate", "kind", "authority", "doc", "text", "note", "occ"]
            announcements.append(dict(zip(keys, fields[1:]), where=where))
        elif fields[0] == "R" and len(fields) in (4, 5):
            reports.append(dict(zip(["id", "doc", "text", "occ"], fields[1:]), where=where))
        elif fields[0] == "N" and len(fields) == 7:
            not_new.append(dict(zip(["doc", "text", "occurrence", "scope", "donor", "note"], fields[1:]), where=where))
        else:
            raise AidGoldError(f"{where}: cannot read {line!r}")
    return announcements, reports, not_new


def build(docs: dict[str, dict], path: Path = ANNOTATIONS):
    """(announcement rows, not-new rows, report rows), every line checked against the corpora."""
    announcements, reports, not_new = parse(path)
    errors = []
    by_id = {}
    for a in announcements:
        if a["id"] in by_id:
            errors.append(f"{a['where']}: duplicate id {a['id']}")
        by_id[a["id"]] = a
        if a["kind"] not in KINDS:
            errors.append(f"{a['where']}: kind {a['kind']!r}")
        if a["approximate"] not in {"yes", "no"} or not a["amount"].isdigit():
            errors.append(f"{a['where']}: amount/approximate")
    report_rows = []
    pairs = collections.defaultdict(list)

    def add_report(aid, doc_id, figure, where, first, occ=None):
        doc = docs.get(doc_id)
        if doc is None:
            errors.append(f"{where}: no document {doc_id}")
            return
        found = spans(doc["text"], figure)
        if not found:
            errors.append(f"{where}: {figure!r} not in {doc_id}")
            return
        if (doc_id, normal(figure)) not in pairs[aid]:
            pairs[aid].append((doc_id, normal(figure)))
        wanted = {int(o) for o in occ.split(",")} if occ else set(range(1, len(found) + 1))
        if max(wanted) > len(found):
            errors.append(f"{where}: occurrence {occ} of {figure!r} not in {doc_id}")
        for occurrence, (start, end) in enumerate(found, 1):
            if occurrence not in wanted:
                continue
            report_rows.append({"announcement_id": aid, "doc_id": doc_id, "publisher": doc["publisher"],
                                "date": doc["date"], "text": normal(figure), "occurrence": occurrence,
                                "start": start, "end": end, "first": "yes" if first else "no",
                                "part": part_of(doc["date"][:7])})

    for a in announcements:
        add_report(a["id"], a["doc"], a["text"], a["where"], True, a.get("occ"))
        if a["doc"] in docs and docs[a["doc"]]["date"] != a["date"]:
            errors.append(f"{a['where']}: date {a['date']} but {a['doc']} is dated {docs[a['doc']]['date']}")
    for r in reports:
        if r["id"] not in by_id:
            errors.append(f"{r['where']}: unknown announcement {r['id']}")
            continue
        add_report(r["id"], r["doc"], r["text"], r["where"], False, r.get("occ"))
        if r["doc"] in docs and docs[r["doc"]]["date"] < by_id[r["id"]]["date"]:
            errors.append(f"{r['where']}: report dated before the first report of {r['id']}")

    not_new_rows = []
    for n in not_new:
        doc = docs.get(n["doc"])
        if doc is None:
            errors.append(f"{n['where']}: no document {n['doc']}")
            continue
        if n["scope"] not in SCOPES:
            errors.append(f"{n['where']}: scope {n['scope']!r}")
        found = spans(doc["text"], n["text"])
        chosen = list(range(1, len(found) + 1)) if n["occurrence"] == "*" else [int(n["occurrence"])]
        if not found or chosen[-1] > len(found):
            errors.append(f"{n['where']}: occurrence {n['occurrence']} of {n['text']!r} not in {n['doc']}")
            continue
        for occurrence in chosen:
            start, end = found[occurrence - 1]
            not_new_rows.append({"doc_id": n["doc"], "text": normal(n["text"]), "occurrence": occurrence,
                                 "scope": n["scope"], "donor": n["donor"], "note": n["note"],
                                 "part": part_of(doc["date"][:7]), "start": start, "end": end})
    # an amount reports one announcement, and is either new (a report) or not new, never both
    owners = collections.defaultdict(set)
    for r in report_rows:
        owners[(r["doc_id"], r["start"])].add(r["announcement_id"])
    errors += [f"{doc} at {start}: reported by {sorted(ids)}" for (doc, start), ids in owners.items() if len(ids) > 1]
    claimed = set(owners)
    for row in not_new_rows:
        if (row["doc_id"], row["start"]) in claimed:
            errors.append(f"{row['doc_id']} at {row['start']}: {row['text']!r} is both a report and not new")
    seen = collections.Counter((row["doc_id"], row["start"]) for row in not_new_rows)
    errors += [f"{doc} at {start}: listed twice as not new" for (doc, start), n in seen.items() if n > 1]
    if errors:
        raise AidGoldError("\n".join(errors))

    announcement_rows = []
    for a in sorted(announcements, key=lambda a: (a["date"], a["id"])):
        announcement_rows.append({
            "announcement_id": a["id"], "date": a["date"], "amount": a["amount"],
            "approximate": a["approximate"], "kind": a["kind"], "authority": a["authority"],
            "donor": "United States", "recipient": "Ukraine", "first_doc_id": a["doc"],
            "first_text": normal(a["text"]),
            "reports": "|".join(f"{doc};{figure}" for doc, figure in pairs[a["id"]]),
            "note": a["note"], "part": part_of(a["date"][:7])})
    not_new_rows.sort(key=lambda r: (docs[r["doc_id"]]["date"], r["doc_id"], r["start"]))
    report_rows.sort(key=lambda r: (r["date"], r["doc_id"], r["start"], r["announcement_id"]))
    return announcement_rows, not_new_rows, report_rows


def write(rows, columns, path: Path):
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def stats(docs, announcement_rows, not_new_rows, report_rows) -> str:
    lines = []
    publisher_of_first = {a["announcement_id"]: docs[a["first_doc_id"]]["publisher"] for a in announcement_rows}
    count = collections.Counter
    lines.append(f"announcements: {len(announcement_rows)}; not-new rows: {len(not_new_rows)}; "
                 f"report rows: {len(report_rows)} in {len({r['doc_id'] for r in report_rows})} documents")
    lines.append("announcements per part: " + str(dict(count(a["part"] for a in announcement_rows))))
    lines.append("announcements per publisher of first report: " + str(dict(count(publisher_of_first.values()))))
    lines.append("announcements per year: " + str(dict(sorted(count(a["date"][:4] for a in announcement_rows).items()))))
    lines.append("announcements per kind: " + str(dict(count(a["kind"] for a in announcement_rows))))
    lines.append("announcements per part and year: " + str(dict(sorted(count((a["part"], a["date"][:4]) for a in announcement_rows).items()))))
    lines.append("not-new rows per part: " + str(dict(count(r["part"] for r in not_new_rows))))
    lines.append("not-new rows per publisher: " + str(dict(count(docs[r["doc_id"]]["publisher"] for r in not_new_rows))))
    lines.append("not-new rows per scope: " + str(dict(count(r["scope"] for r in not_new_rows))))
    lines.append("not-new rows per year: " + str(dict(sorted(count(docs[r["doc_id"]]["date"][:4] for r in not_new_rows).items()))))
    lines.append("report rows per publisher: " + str(dict(count(r["publisher"] for r in report_rows))))
    totals = collections.defaultdict(lambda: collections.Counter())
    for a in announcement_rows:
        totals[a["date"][:4]][a["kind"]] += int(a["amount"])
        totals[a["date"][:4]]["all"] += int(a["amount"])
    lines.append("new US assistance per year (USD, sum of announced amounts):")
    for year in sorted(totals):
        t = totals[year]
        lines.append(f"  {year}: all {t['all']:,}; military {t['military']:,}; humanitarian {t['humanitarian']:,}; "
                     f"financial {t['financial']:,}")
    months = collections.Counter(part_of(m) for m in {d["date"][:7] for d in docs.values()})
    lines.append(f"corpus months per part: {dict(months)}")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["build", "stats"])
    parser.add_argument("--corpora", type=Path, default=SHARED_CORPORA)
    args = parser.parse_args(argv)
    docs = load_corpora(args.corpora)
    try:
        rows = build(docs)
    except AidGoldError as error:
        print(error, file=sys.stderr)
        return 1
    if args.command == "build":
        write(rows[0], ANNOUNCEMENT_COLUMNS, GOLD_DIR / "announcements.csv")
        write(rows[1], NOT_NEW_COLUMNS, GOLD_DIR / "not-new.csv")
        write(rows[2], REPORT_COLUMNS, GOLD_DIR / "reports.csv")
    print(stats(docs, *rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
