"""2. Markdown tables: extractors.dataset.datacard._table vs tabulate (github, pipe)."""
import datetime as dt, time, timeit
from tabulate import tabulate
import tabulate as tabulate_module
from extractors.dataset.datacard import _table
from extractors.dataset.records import cell

print("tabulate", tabulate_module.__version__)
header = ["figure", "USD", "flag", "published", "sentence"]
rows = [
    ["$1.6 trillion", 1.6e12, True, dt.date(2025, 6, 3), "a | pipe in a cell"],
    ["5 km", 12000.0, False, None, "line one\nline two"],
    ["<script>alert(1)</script>", 0.1, None, dt.date(2024, 1, 1), "[click](javascript:alert(1)) & <b>bold</b>"],
    ["007", "1e3", "", "", "already \\| escaped"],
    ["中文 wide", 3, 4.50, "", "tab\there"],
]
for name, out in [("ours _table", _table(header, rows)),
                  ("tabulate github", tabulate(rows, header, tablefmt="github")),
                  ("tabulate pipe", tabulate(rows, header, tablefmt="pipe")),
                  ("tabulate github, disable_numparse, cells via records.cell",
                   tabulate([[cell(v) for v in r] for r in rows], header, tablefmt="github", disable_numparse=True))]:
    print(f"\n### {name}\n{out}")

# Speed, for completeness: a 1,000-row, 8-column table.
big = [[f"{i} km", float(i), "donor", "recipient", "stage", dt.date(2025, 1, 1), "x" * 80, i] for i in range(1000)]
h8 = list("abcdefgh")
for name, f in (("ours", lambda: _table(h8, big)), ("tabulate github", lambda: tabulate(big, h8, tablefmt="github"))):
    best = min(timeit.repeat(f, number=5, repeat=3)) / 5
    print(f"{name}: 1,000 x 8 table in {best * 1000:.1f} ms")
