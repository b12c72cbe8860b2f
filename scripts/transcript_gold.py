"""Draw the transcript-attribution sample of issue 25 (who gives a figure in a briefing).

    /work/base/.venv/bin/python scripts/transcript_gold.py \
        [--wh /work/ref/wh-figures] [--state /work/ref/state-figures]

Reads two packages built with the rules *before* issue 25:

- the White House archive package (source `whitehouse`): documents of section
  `press-briefings`, `speeches-remarks` or `remarks`;
- the State Department package (source `state`): briefing transcripts, the documents whose
  text holds at least two speaker turns (a paragraph opening with `QUESTION:`, `MR PRICE:`,
  `MR. PRICE:`, `MODERATOR:`, `OPERATOR:`, `SECRETARY BLINKEN:`, `MS PORTER:`, `SENIOR STATE
  DEPARTMENT OFFICIAL:`, `FOREIGN MINISTER KULEBA:` ...: TURN below);

of those, only the documents whose text mentions Ukraine or another conflict of
/work/ref/CONFLICTS.md (CONFLICT below: the countries, parties and places of its table).
Every figure of such a document may be drawn, whatever its category. Figures are ranked by
sha256(f"{SEED}:{quantity_id}"); the first WH_SIZE of the White House and the first
STATE_SIZE of the State Department are kept. Writes docs/transcript-gold/sample.csv with
the pre-change `attributed_to` and `attribution_kind`; the judgements of each row are in
docs/transcript-gold/judgements.csv (see docs/transcript-gold/README.md).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
from pathlib import Path

import duckdb
import regex

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "transcript-gold" / "sample.csv"

SEED = 2525
WH_SIZE = 60
STATE_SIZE = 40
WH_SECTIONS = ("press-briefings", "speeches-remarks", "remarks")

# A conflict of /work/ref/CONFLICTS.md named in the text: its countries, parties and places.
CONFLICT = regex.compile(
    r"\b(?:Ukrain\w*|Russia\w*|Kyiv|Kiev|Crimea\w*|Donbas+|Donetsk|Luhansk|Wagner|"
    r"Israel\w*|Gaza\w*|Hamas|Palestin\w*|West Bank|Hezbollah|Hizballah|Lebanon|Lebanese|"
    r"Iran\w*|Houthis?|Ansar Allah|Red Sea|Yemen\w*|Syria\w*|Assad|Iraq\w*|ISIS|ISIL|Daesh|"
    r"Sudan\w*|Darfur|Rapid Support Forces|Myanmar|Burm\w+|Rohingya|Congo\w*|M23|Rwanda\w*|"
    r"Ethiopia\w*|Tigray\w*|Eritrea\w*|Amhara|Sahel|Mali|Malian|Burkina Faso|Niger|Nigerien|"
    r"Afghan\w*|Taliban|ISIS-K|Nagorno-Karabakh|Karabakh|Armenia\w*|Azerbaijan\w*|Haiti\w*|"
    r"Somalia\w*|al-Shabaab|al-Shabab|Libya\w*|Nigeria\w*|Boko Haram|ISWAP|Mozambi\w+|Cabo Delgado|"
    r"Kashmir\w*|Pakistan\w*|Colombia\w*|ELN|FARC)\b")

# A speaker turn of a State Department transcript: a paragraph that opens with a label in
# capitals and a colon. (Not the `VESSEL NAME:` lines of a sanctions list.)
TURN = regex.compile(
    r"(?m)^[`*\s]*(?:QUESTION|MODERATOR|OPERATOR|PARTICIPANT|INTERPRETER|"
    r"(?:MR|MS|MRS|DR)\.?[ \u00a0]+[A-Z][A-Z'’\-]+|"
    r"(?:[A-Z]+[ \u00a0]+){0,3}(?:SECRETARY|MINISTER|AMBASSADOR|OFFICIAL|PRESIDENT|SPOKESPERSON|"
    r"REPRESENTATIVE|GENERAL|DIRECTOR|ADMINISTRATOR|CHANCELLOR|PREMIER)(?:[ \u00a0]+[A-Z][A-Z'’\-]+){0,3})"
    r"[ \u00a0]*:")

COLUMNS = ["quantity_id", "source", "doc_id", "section", "title", "start", "end", "text",
           "sentence", "attributed_to", "attribution_kind"]
_FIELDS = ("q.quantity_id, q.doc_id, d.section, d.title, q.start, q.\"end\", q.text, "
           "q.sentence, q.attributed_to, q.attribution_kind")


def rank(quantity_id: str) -> str:
    return hashlib.sha256(f"{SEED}:{quantity_id}".encode()).hexdigest()


def is_transcript(text: str) -> bool:
    """A State Department text with at least two speaker turns."""
    return sum(1 for _ in zip(range(2), TURN.finditer(text))) >= 2


def documents(package: Path, source: str) -> set[str]:
    """The documents of a package that the sample may draw from."""
    where = ("d.section IN (" + ", ".join(f"'{s}'" for s in WH_SECTIONS) + ")"
             if source == "whitehouse" else "TRUE")
    query = (f"SELECT t.doc_id, t.text FROM '{package}/texts.parquet' t "
             f"JOIN '{package}/documents.parquet' d USING (doc_id) WHERE {where}")
    kept = set()
    for doc_id, text in duckdb.sql(query).fetchall():
        if not text or not CONFLICT.search(text):
            continue
        if source == "state" and not is_transcript(text):
            continue
        kept.add(doc_id)
    return kept


def load(package: Path, source: str) -> list[dict]:
    kept = documents(package, source)
    query = (f"SELECT {_FIELDS} FROM '{package}/quantities.parquet' q "
             f"JOIN '{package}/documents.parquet' d USING (doc_id)")
    result = duckdb.sql(query)
    names = result.columns
    rows = []
    for values in result.fetchall():
        row = dict(zip(names, values))
        if row["doc_id"] in kept:
            row["source"] = source
            rows.append(row)
    print(f"{source}: {len(kept)} documents, {len(rows)} figures to draw from")
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wh", type=Path, default=Path("/work/ref/wh-figures"))
    parser.add_argument("--state", type=Path, default=Path("/work/ref/state-figures"))
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    sample = []
    for source, package, size in (("whitehouse", args.wh, WH_SIZE), ("state", args.state, STATE_SIZE)):
        rows = sorted(load(package, source), key=lambda r: rank(r["quantity_id"]))
        sample.extend(rows[:size])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        for r in sample:
            writer.writerow(["" if r.get(c) is None else str(r[c]) for c in COLUMNS])
    print(f"{len(sample)} rows to {args.out}")


if __name__ == "__main__":
    main()
