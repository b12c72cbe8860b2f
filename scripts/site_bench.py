"""The viewer's cost at the size of an archive: the site written from a package's tables copied
COPIES times (each copy's documents and figures under new ids), its CPU time and peak memory,
and the sizes of the search's index (what a page loads for a query).

    .venv/bin/python scripts/site_bench.py [PACKAGE] [--copies 1 26] [--rounds 1]

PACKAGE is a built package folder (default dist/). Each copy count is measured in a fresh
interpreter (so that the peak memory is its own), rounds interleaved; the site is written to a
temporary folder and removed.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def measure(package: Path, copies: int) -> dict:
    from extractors.dataset.duckdb_io import connect
    from extractors.views import site

    connection = connect()  # as the build's: one thread, within its memory limit, spilling to a temporary folder
    renamed = {"documents": ["doc_id"], "quantities": ["doc_id", "quantity_id"], "texts": ["doc_id"],
               "claims": ["claim_id"], "claim_quantities": ["claim_id", "quantity_id", "doc_id"]}
    for name, ids in renamed.items():
        path = package / f"{name}.parquet"
        replace = ", ".join(f"CASE WHEN k = 0 THEN t.{c} ELSE t.{c} || '~' || k END AS {c}" for c in ids)
        connection.execute(f"CREATE VIEW {name} AS SELECT t.* REPLACE ({replace}) "
                           f"FROM read_parquet('{path.as_posix()}') t, range({copies}) r(k)")
    descriptor = json.loads((package / "datapackage.json").read_text("utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "site"
        started = time.process_time()
        site.write_site(connection, out, descriptor)
        seconds = time.process_time() - started
        sizes = {kind: sorted(p.stat().st_size for p in (out / "search").glob(f"{kind}-*.js")) for kind in ("rows", "terms")}
        total = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
        files = sum(1 for p in out.rglob("*") if p.is_file())
    figures = connection.execute("SELECT count(*) FROM quantities").fetchone()[0]
    return {"copies": copies, "figures": figures, "cpu_s": round(seconds, 1),
            "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "site_mib": round(total / 2**20, 1), "site_files": files,
            "rows_files": len(sizes["rows"]), "rows_kib_each": round(max(sizes["rows"]) / 1024),
            "rows_mib_total": round(sum(sizes["rows"]) / 2**20, 2),
            "terms_files": len(sizes["terms"]), "terms_kib_median": round(sizes["terms"][len(sizes["terms"]) // 2] / 1024),
            "terms_kib_largest": round(max(sizes["terms"]) / 1024), "terms_mib_total": round(sum(sizes["terms"]) / 2**20, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("package", nargs="?", type=Path, default=ROOT / "dist")
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 26])
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a measurement, in this interpreter
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(measure(args.package.resolve(), args.one)))
        return
    for _ in range(args.rounds):
        for copies in args.copies:
            done = subprocess.run([sys.executable, __file__, str(args.package), "--one", str(copies)],
                                  capture_output=True, text=True)
            if done.returncode:
                sys.exit(f"error: {copies} copies: {done.stderr.strip().splitlines()[-1]}")
            print(done.stdout.strip(), flush=True)


if __name__ == "__main__":
    main()
