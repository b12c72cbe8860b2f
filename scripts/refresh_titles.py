"""Refresh the titles of documents imported from a JSON Lines archive (`extract add --jsonl`)
from the archive's records, where the archive has mended them; all or nothing.

    .venv/bin/python scripts/refresh_titles.py ../shared/corpora/whitehouse-briefing-room.jsonl.gz

Each row of corpus/provenance.csv whose notes say "Imported from <the archive's name>, record
'<id>'" takes the title of that record. The texts must be unchanged: a record whose text's
SHA-256 is not the row's stops the refresh, naming it, and nothing is written. Only the
`title` cells change; every other byte of provenance.csv stays as it was. Issue 25: 645 of
the 899 White House titles had been cut after their first line or kept YAML escapes
(`\\u2019`, `\\_`, a stray `"`), which the shared archive mended on 2026-12-07.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_IMPORTED = re.compile(r"^Imported from (?P<archive>[^,]+), record '(?P<record>.*)'\.$")


def refresh(root: Path, archive: Path) -> int:
    """Rewrite the imported rows' titles; return how many changed."""
    provenance = root / "corpus" / "provenance.csv"
    listing = provenance.read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(listing, newline="")))
    header = rows[0]
    title, notes, sha256 = header.index("title"), header.index("notes"), header.index("sha256")
    wanted = {}
    for number, row in enumerate(rows[1:], start=2):
        found = _IMPORTED.match(row[notes])
        if found and found.group("archive") == archive.name:
            wanted[found.group("record")] = number - 1
    records = {}
    opener = gzip.open if archive.suffix == ".gz" else open
    with opener(archive, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record.get("id") in wanted:
                records[record["id"]] = (record.get("title") or "",
                                         hashlib.sha256(record["text"].encode("utf-8")).hexdigest())
    changed = 0
    for record_id, index in wanted.items():
        if record_id not in records:
            raise SystemExit(f"error: {provenance}:{index + 1}: record {record_id!r} is not in {archive}")
        new_title, digest = records[record_id]
        row = rows[index]
        if digest != row[sha256]:
            raise SystemExit(f"error: {provenance}:{index + 1}: the text of record {record_id!r} changed in "
                             f"{archive} (sha256 {digest}); titles only are refreshed")
        if row[title] != new_title:
            row[title] = new_title
            changed += 1
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    staged = provenance.with_name(".provenance.csv.new")
    staged.write_text(out.getvalue(), encoding="utf-8", newline="")
    os.replace(staged, provenance)
    return changed


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("archive", type=Path, help="the JSON Lines archive (plain or .gz) the documents came from")
    parser.add_argument("--root", type=Path, default=ROOT, help="the repository (holds corpus/)")
    args = parser.parse_args(argv)
    changed = refresh(args.root, args.archive)
    print(f"{changed} titles refreshed from {args.archive.name}", file=sys.stderr)


if __name__ == "__main__":
    main()
